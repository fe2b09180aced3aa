"""Code that runs in separate processes for the concurrency and SIGKILL tests.

Started through a ``forkserver`` that has imported this module once: each racing process is a fresh
process that shares nothing with the test (no inherited connections), yet does not pay the second of
import time that a spawned interpreter would (on a 2-core machine that is what dominates). So the
modules a worker needs are imported here, at the top, not in the worker.
"""

from __future__ import annotations

import os
import time
import traceback
from typing import Any

import alembic.command  # noqa: F401  (every worker that finds the registry behind imports it before the lock)
from sqlalchemy import create_engine, text

from guard._run_recording import RunRecorder
from guard.registry import open_registry
from guard.types import ModelInfo, RunPlan, SuiteInfo

MODEL = "shared"


def register_and_run(url: str, go: Any, versions: int, results: Any) -> None:
    """Wait for ``go``, then register ``versions`` versions of MODEL, each with one complete run."""
    pid = os.getpid()
    try:
        go.wait(60)
        with open_registry(url) as store:
            numbers = []
            for i in range(versions):
                v = store.register_version(MODEL, f"hf:models/{pid}-{i}", f"fp-{pid}-{i}", actor=f"worker-{pid}")
                run = store.start_run(MODEL, v.version, suite_name="s", suite_sha256="s" * 64,
                                      fingerprint=v.fingerprint, actor=f"worker-{pid}", policy_name="release",
                                      policy_sha256="p" * 64)
                store.finish_run(run.id, report={"pid": pid, "i": i}, actor=f"worker-{pid}", verdict="pass")
                numbers.append(v.version)
        results.put(("ok", pid, numbers))
    except BaseException:  # report everything, including "database is locked", to the test
        results.put(("error", pid, traceback.format_exc()))


def start_run_and_hang(url: str, results: Any) -> None:
    """Start an evaluation run, report its id, then hang until killed (as a crashed evaluation would)."""
    with open_registry(url) as store:
        version = store.register_version("killed", "hf:k", "fp-k", actor="worker")
        run = store.start_run("killed", version.version, suite_name="s", suite_sha256="s" * 64, fingerprint="fp-k",
                              actor="worker", policy_name="release", policy_sha256="p" * 64)
        results.put(run.id)
        time.sleep(600)


def hold_write_lock(url: str, results: Any) -> None:
    """Take the registry's write lock the way the store does, report, and hang inside the transaction."""
    engine = create_engine(url)
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        lock = "" if conn.dialect.name == "sqlite" else " FOR UPDATE"
        conn.execute(text("SELECT seq FROM audit_head WHERE id = 1" + lock))
        results.put("locked")
        time.sleep(600)


def record_run_of_one_artifact(url: str, go: Any, results: Any) -> None:
    """Wait for ``go``, then start a recorded evaluation run of one unchanged artifact, as
    ``guard evaluate --registry URL --name racing`` does (the run plan names the artifact)."""
    pid = os.getpid()
    try:
        plan = RunPlan(suite=SuiteInfo(name="s", source="s.yaml", sha256="5" * 64),
                       model=ModelInfo(spec="python:model.py:predict", kind="python", fingerprint="sha256:" + "a" * 64),
                       tasks=[])
        go.wait(60)
        recorder = RunRecorder.open(url, "racing", None, actor=f"worker-{pid}")
        recorder.start(plan, None)
        recorder.store.close()
        results.put(("ok", pid, recorder.ref))
    except BaseException:
        results.put(("error", pid, traceback.format_exc()))
