"""Code that runs in separate processes for the concurrency and SIGKILL tests.

Started through a ``forkserver`` that has imported this module once: each of the 16 processes is a
fresh process that shares nothing with the test (no inherited connections), yet does not pay the
second of import time that a spawned interpreter would (on a 2-core machine that is what dominates).
"""

from __future__ import annotations

import os
import time
import traceback
from typing import Any

from sqlalchemy import create_engine, text

from guard.registry import open_registry

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
