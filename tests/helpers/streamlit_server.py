"""A real Streamlit server for browser tests: started on a free port, always stopped.

Healthy means both: ``/_stcore/health`` answers ``ok`` and *our* process is still running. A port
taken between choosing and binding makes the new server exit while the other one answers the
health check, so the health check alone would test the wrong app.

Every server process here starts in a session of its own (``start_new_session=True``) and is stopped
with :func:`stop_process_group`: the whole group gets the signal, not just the pid we hold, so
nothing the server started outlives it (tests/conftest.py fails the session if something does).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

POLL = 0.05  # s between health checks while a server starts (a second or more): a coarser poll only adds idle time


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def healthy(url: str) -> bool:
    """Whether a Streamlit server at ``url`` answers its health check."""
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:  # noqa: S310 (localhost)
            return response.read().strip() == b"ok"
    except (urllib.error.URLError, OSError):
        return False


def _signal_group(pgid: int, signum: int) -> None:
    try:
        os.killpg(pgid, signum)
    except (ProcessLookupError, PermissionError):
        pass  # the group is empty (PermissionError: macOS says so for a group of zombies)


def _exited(pid: int) -> bool:
    """Whether our child ``pid`` has exited, *without* reaping it (its id stays reserved until we do)."""
    try:
        return os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None
    except ChildProcessError:
        return True


def stop_process_group(proc: subprocess.Popen, timeout: float = 10.0) -> None:
    """Stop ``proc`` (started with ``start_new_session=True``) and everything in its process group; reap it.

    SIGTERM to the group; once the leader has exited, or after ``timeout`` seconds, SIGKILL to the group
    (stragglers, or a leader that would not stop). The group is killed before the leader is reaped: until
    then the leader's pid, which is the group's id, cannot be reused by an unrelated process.
    """
    if proc.returncode is not None:
        return  # already reaped: its group id may name someone else's processes by now
    _signal_group(proc.pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while not _exited(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    _signal_group(proc.pid, signal.SIGKILL)
    proc.wait()


class StartingServer:
    """A ``streamlit run`` process that was started and is not waited for yet: the caller can start other
    things (a browser) while it boots, then :meth:`wait` for it."""

    def __init__(self, process: subprocess.Popen, url: str, log: Path, timeout: float) -> None:
        self.process, self.url, self.log = process, url, log
        self.deadline = time.monotonic() + timeout
        self.timeout = timeout

    def wait(self) -> str:
        """The server's base URL once it is healthy; RuntimeError (with its log) if it exits or times out."""
        while not (healthy(self.url) and not _exited(self.process.pid)):
            exited = _exited(self.process.pid)
            if exited or time.monotonic() > self.deadline:
                stop_process_group(self.process)
                state = f"exited with {self.process.returncode}" if exited else f"not healthy in {self.timeout:.0f} s"
                tail = self.log.read_text(errors="replace")[-3000:]
                raise RuntimeError(f"streamlit {state}; its log ({self.log}):\n{tail}")
            time.sleep(POLL)
        return self.url


@contextmanager
def starting_streamlit_server(app: Path, env: Mapping[str, str] | None = None, *, log: Path,
                              timeout: float = 60.0) -> Iterator[StartingServer]:
    """Start ``streamlit run APP`` with ``env`` added to this process's environment and yield at once;
    ``.wait()`` gives its base URL. Stopped (its whole process group) on leaving, started or not.

    The server's output goes to ``log`` (quoted in the error when it does not come up).
    """
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "streamlit", "run", str(app), "--server.port", str(port),
               "--server.headless", "true", "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
               "--server.fileWatcherType", "none"]
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("wb") as output:
        server = subprocess.Popen(command, env={**os.environ, **(env or {})}, stdout=output,
                                  stderr=subprocess.STDOUT, cwd=app.parent, start_new_session=True)
        try:
            yield StartingServer(server, url, log, timeout)
        finally:
            stop_process_group(server)


@contextmanager
def streamlit_server(app: Path, env: Mapping[str, str] | None = None, *, log: Path,
                     timeout: float = 60.0) -> Iterator[str]:
    """Run ``streamlit run APP`` with ``env`` added to this process's environment; yield its base URL
    once it is healthy (see :func:`starting_streamlit_server`)."""
    with starting_streamlit_server(app, env, log=log, timeout=timeout) as server:
        yield server.wait()
