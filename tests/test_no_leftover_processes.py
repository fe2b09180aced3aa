"""The session-end check in tests/conftest.py: a pytest session that leaves a server running fails.

Each case runs an inner pytest session (tests/conftest.py loaded as a plugin) whose one test starts a
stand-in "streamlit" process (a sleeping Python whose command line says streamlit) and records its pid.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent

INNER = '''
import os, subprocess, sys, time
from pathlib import Path

READY = Path("{pidfile}.ready")
SLEEPER = [sys.executable, "-c", "import sys, time; {setup}open(sys.argv[1], 'w').close(); time.sleep(120)",
           str(READY), "streamlit", "run", "{token}"]


def wait_ready():
    deadline = time.monotonic() + 60
    while not READY.exists() and time.monotonic() < deadline:
        time.sleep(0.01)


def test_starts_a_server():
    mode = "{mode}"
    pidfile = Path("{pidfile}")
    if mode == "child":  # still our child at session end
        pidfile.write_text(str(subprocess.Popen(SLEEPER).pid))
    elif mode == "orphan":  # re-parented to init at once, like a server whose parent was killed
        subprocess.run(["sh", "-c", f'"$@" >/dev/null 2>&1 & echo $! > {{pidfile}}', "sh", *SLEEPER], check=True)
    elif mode == "stopped":
        proc = subprocess.Popen(SLEEPER)
        pidfile.write_text(str(proc.pid))
        wait_ready()
        proc.kill()
        proc.wait()
    wait_ready()
'''
# Names itself "postgres" (what ps and psutil call it), as the registry tests' server is called.
AS_POSTGRES = "import ctypes; ctypes.CDLL(None).prctl(15, b'postgres', 0, 0, 0); "


def _inner_session(tmp_path: Path, mode: str, *, xdist: bool = False,
                   setup: str = "") -> tuple[subprocess.CompletedProcess, int, str]:
    token = f"leak-check-{uuid.uuid4().hex}"
    pidfile = tmp_path / "pid"
    (tmp_path / "test_inner.py").write_text(textwrap.dedent(INNER.format(mode=mode, pidfile=pidfile, token=token,
                                                                         setup=setup)))
    # The stand-in sleeps for minutes: the grace it is given before it is named and killed is spent in full.
    # The installed plugins (faker, anyio, guard's own) are not loaded: the inner session needs the check
    # under test and, for the xdist case, xdist; the rest only lengthened each start-up (its workers' too).
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "GUARD_TEST_LEFTOVER_GRACE_S": "0.05",
           "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}
    env.pop("PYTEST_ADDOPTS", None)
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "tests.conftest",
               *(["-p", "xdist.plugin", "-n", "1"] if xdist else []), "test_inner.py"]
    proc = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    return proc, int(pidfile.read_text().strip()) if pidfile.exists() else -1, token


def _alive(pid: int, token: str) -> psutil.Process | None:
    try:
        proc = psutil.Process(pid)
        return proc if token in proc.cmdline() and proc.status() != psutil.STATUS_ZOMBIE else None
    except psutil.Error:
        return None


@pytest.fixture
def reap() -> Iterator[list[tuple[int, str]]]:
    """Kills the stand-ins a case recorded, should the check under test have missed them."""
    started: list[tuple[int, str]] = []
    yield started
    for pid, token in started:
        if (proc := _alive(pid, token)) is not None:
            proc.kill()


@pytest.mark.parametrize("mode,xdist", [("child", False), ("orphan", False), ("orphan", True)],
                         ids=["child", "orphan", "orphan-in-an-xdist-worker"])
def test_a_server_left_running_fails_the_session_and_is_killed(tmp_path: Path, reap: list, mode: str,
                                                               xdist: bool) -> None:
    proc, pid, token = _inner_session(tmp_path, mode, xdist=xdist)
    reap.append((pid, token))
    output = proc.stdout + proc.stderr
    assert pid > 0, output
    assert proc.returncode == 1, output
    assert "1 server process(es) left running by the tests (now killed)" in output
    assert f"pid {pid} (streamlit" in output and token in output
    deadline = time.monotonic() + 5  # killed; init reaps it
    while _alive(pid, token) is not None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert _alive(pid, token) is None, "the check reported it but did not kill it"


def test_a_session_that_stops_its_servers_passes(tmp_path: Path, reap: list) -> None:
    proc, pid, token = _inner_session(tmp_path, "stopped")
    reap.append((pid, token))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "left running" not in proc.stdout + proc.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="names the process with Linux prctl")
def test_a_postgres_server_is_not_flagged(tmp_path: Path, reap: list) -> None:
    proc, pid, token = _inner_session(tmp_path, "orphan", setup=AS_POSTGRES)
    reap.append((pid, token))
    assert psutil.Process(pid).name() == "postgres"  # still running: the check left it alone
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "left running" not in proc.stdout + proc.stderr
