"""A real Streamlit server for browser tests: started on a free port, always stopped.

Healthy means both: ``/_stcore/health`` answers ``ok`` and *our* process is still running. A port
taken between choosing and binding makes the new server exit while the other one answers the
health check, so the health check alone would test the wrong app.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:  # noqa: S310 (localhost)
            return response.read().strip() == b"ok"
    except (urllib.error.URLError, OSError):
        return False


@contextmanager
def streamlit_server(app: Path, env: Mapping[str, str] | None = None, *, log: Path, timeout: float = 60.0) -> Iterator[str]:
    """Run ``streamlit run APP`` with ``env`` added to this process's environment; yield its base URL.

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
                                  stderr=subprocess.STDOUT, cwd=app.parent)
        try:
            deadline = time.monotonic() + timeout
            while not (_healthy(url) and server.poll() is None):
                if server.poll() is not None or time.monotonic() > deadline:
                    state = f"exited with {server.returncode}" if server.poll() is not None else f"not healthy in {timeout:.0f} s"
                    raise RuntimeError(f"streamlit {state}; its log ({log}):\n{log.read_text(errors='replace')[-3000:]}")
                time.sleep(0.25)
            yield url
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
