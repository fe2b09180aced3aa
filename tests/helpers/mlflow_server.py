"""A real MLflow tracking server for the MLflow interop tests: SQLite backend, local artifact root,
127.0.0.1 on a free port, always stopped.

Healthy means both: ``/health`` answers ``OK`` and *our* process is still running (a port taken
between choosing and binding would otherwise test someone else's server). The server starts in a
session of its own; it is stopped by SIGTERM to that group and, once its uvicorn server has exited,
``stop_process_group`` (SIGKILL to what is left), so nothing outlives the test session (tests/conftest.py
checks).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psutil

from tests.helpers.streamlit_server import free_port, stop_process_group


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/health", timeout=2) as response:  # noqa: S310 (localhost)
            return response.read().strip().upper() == b"OK"
    except (urllib.error.URLError, OSError):
        return False


@contextmanager
def mlflow_server(root: Path, *, timeout: float = 90.0) -> Iterator[str]:
    """Run ``mlflow server`` with its database and artifacts under ``root``; yield its base URL."""
    root.mkdir(parents=True, exist_ok=True)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    mlflow = Path(sys.executable).with_name("mlflow")
    command = [str(mlflow), "server", "--backend-store-uri", f"sqlite:///{root / 'mlflow.db'}",
               "--default-artifact-root", (root / "artifacts").as_uri(), "--host", "127.0.0.1",
               "--port", str(port), "--workers", "1"]
    log = root / "server.log"
    # No telemetry (offline), and no background job runner (a dozen huey processes the tests never use).
    env = {**os.environ, "MLFLOW_DISABLE_TELEMETRY": "true", "DO_NOT_TRACK": "true",
           "MLFLOW_SERVER_ENABLE_JOB_EXECUTION": "false"}
    with open(log, "wb") as out:
        proc = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=root,
                                start_new_session=True)
    try:
        deadline = time.monotonic() + timeout
        while not healthy(url):
            if proc.poll() is not None or time.monotonic() > deadline:
                tail = log.read_text(errors="replace")[-2000:]
                raise RuntimeError(f"mlflow server did not come up at {url} (exit {proc.poll()}):\n{tail}")
            time.sleep(0.05)
        yield url
    finally:
        _stop(proc)


def _stop(proc: subprocess.Popen) -> None:
    """SIGTERM to the group; once the uvicorn server has shut down, SIGKILL to the rest. The ``mlflow
    server`` launcher forwards the SIGTERM to uvicorn, then, its server gone, still waits on a thread of
    its own before it exits (3-4 s measured): nothing the tests need, so it is not waited for."""
    try:
        servers = psutil.Process(proc.pid).children(recursive=True)
    except psutil.Error:
        servers = []
    if proc.returncode is None:  # not reaped yet: the group id is still ours
        try:
            os.killpg(proc.pid, signal.SIGTERM)
        except (ProcessLookupError, PermissionError):
            pass  # the group is empty
        psutil.wait_procs(servers, timeout=10)
    stop_process_group(proc, timeout=0)
