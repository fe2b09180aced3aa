"""A real MLflow tracking server for the MLflow interop tests: SQLite backend, local artifact root,
127.0.0.1 on a free port, always stopped.

It is MLflow's own tracking server (``mlflow.server.fastapi_app:app``) under uvicorn, started as
``mlflow server`` starts it: the uvicorn command it runs (less its logging configuration), configured
through the environment variables its launcher sets for that child. The launcher itself is left out: one
more process importing MLflow, serving nothing (start to stop, measured on the 2-core dev machine: 5.9-6.1 s
of CPU with it, 3.5-3.6 s without). Those variables are MLflow internals, so before yielding,
:func:`mlflow_server` asks the server where the Default experiment's artifacts go (a request that also
creates its database tables) and fails loudly unless its database and artifacts are under ``root``.

Healthy means both: ``/health`` answers ``OK`` and *our* process is still running (a port taken
between choosing and binding would otherwise test someone else's server). The server starts in a
session of its own and is stopped by ``stop_process_group`` (SIGTERM, then SIGKILL to what is left), so
nothing outlives the test session (tests/conftest.py checks).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.helpers.streamlit_server import free_port, stop_process_group

APP = "mlflow.server.fastapi_app:app"  # what `mlflow server` runs under uvicorn (mlflow.server._run_server)


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/health", timeout=2) as response:  # noqa: S310 (localhost)
            return response.read().strip().upper() == b"OK"
    except (urllib.error.URLError, OSError):
        return False


def _default_artifact_location(url: str) -> str:
    """Where the server puts the Default experiment's artifacts (a request that also opens its database)."""
    query = f"{url}/api/2.0/mlflow/experiments/get-by-name?experiment_name=Default"
    with urllib.request.urlopen(query, timeout=60) as response:  # noqa: S310 (localhost)
        return str(json.load(response)["experiment"]["artifact_location"])


@contextmanager
def mlflow_server(root: Path, *, timeout: float = 90.0) -> Iterator[str]:
    """Run MLflow's tracking server with its database and artifacts under ``root``; yield its base URL."""
    root.mkdir(parents=True, exist_ok=True)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    store, artifacts = f"sqlite:///{root / 'mlflow.db'}", (root / "artifacts").as_uri()
    command = [sys.executable, "-m", "uvicorn", "--host", "127.0.0.1", "--port", str(port), "--workers", "1", APP]
    log = root / "server.log"
    # What the `mlflow server` launcher passes its uvicorn child (mlflow.server._run_server): the backend and
    # registry store, the artifact root, the server kind. No telemetry (offline), no background job runner.
    env = {**os.environ, "_MLFLOW_SERVER_FILE_STORE": store, "_MLFLOW_SERVER_REGISTRY_STORE": store,
           "_MLFLOW_SERVER_ARTIFACT_ROOT": artifacts, "_MLFLOW_SGI_NAME": "uvicorn",
           "MLFLOW_ENABLE_WORKSPACES": "false", "MLFLOW_DISABLE_TELEMETRY": "true", "DO_NOT_TRACK": "true",
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
        where = _default_artifact_location(url)
        if proc.poll() is not None or not where.startswith(artifacts) or not (root / "mlflow.db").is_file():
            raise RuntimeError(f"the mlflow server at {url} does not keep its data under {root} "
                               f"(Default experiment's artifacts at {where}): did MLflow rename the "
                               "variables `mlflow server` configures its server with?")
        yield url
    finally:
        stop_process_group(proc)
