"""Many processes on one registry, and processes that die: nothing lost, duplicated or left locked."""

from __future__ import annotations

import multiprocessing
import time
from datetime import datetime, timezone

import pytest

from guard.registry import open_registry
from tests.integration.registry import _workers

# Eight racers on 2 cores interleave as much as sixteen did (each holds the writer lock in turn); half the CPU.
PROCESSES, VERSIONS = 8, 5


@pytest.fixture(scope="module")
def ctx():
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["tests.integration.registry._workers"])
    return context


def test_many_processes_register_and_record_runs(ctx, registry_url: str) -> None:
    go, results = ctx.Event(), ctx.Queue()
    procs = [ctx.Process(target=_workers.register_and_run, args=(registry_url, go, VERSIONS, results))
             for _ in range(PROCESSES)]
    for proc in procs:
        proc.start()
    go.set()  # all at once, on a database nobody has migrated yet
    outcomes = [results.get(timeout=120) for _ in procs]
    for proc in procs:
        proc.join(30)
    errors = [detail for status, _, detail in outcomes if status != "ok"]
    assert not errors, errors[0]
    assert all(proc.exitcode == 0 for proc in procs)
    total = PROCESSES * VERSIONS
    with open_registry(registry_url) as store:
        versions = store.list_versions(_workers.MODEL)
        assert [v.version for v in versions] == list(range(1, total + 1))
        assert sorted(n for _, _, numbers in outcomes for n in numbers) == list(range(1, total + 1))
        assert len({v.spec for v in versions}) == total
        runs = store.list_runs(_workers.MODEL, limit=10 * total)
        assert len(runs) == total and {r.status for r in runs} == {"complete"}
        assert sorted(r.version for r in runs) == list(range(1, total + 1))
        by_version = {v.version: v.fingerprint for v in versions}
        assert all(r.fingerprint == by_version[r.version] for r in runs)
        verification = store.verify_audit()
        assert verification.ok, verification.reason
        assert verification.events == 3 * total


def test_sigkilled_evaluation_stays_running(ctx, migrated_registry_url: str) -> None:
    registry_url = migrated_registry_url  # the schema exists: the worker only registers and starts a run
    results = ctx.Queue()
    proc = ctx.Process(target=_workers.start_run_and_hang, args=(registry_url, results))
    proc.start()
    run_id = results.get(timeout=60)
    proc.kill()  # SIGKILL: no finally, no atexit
    proc.join(30)
    assert proc.exitcode == -9
    with open_registry(registry_url) as store:
        run = store.get_run(run_id)
        assert (run.status, run.verdict, run.finished_at) == ("running", None, None)
        assert store.latest_run("killed", 1) is None
        assert store.latest_run("killed", 1, policy_sha256="p" * 64) is None
        assert store.verify_audit().ok


def test_writer_killed_while_holding_the_lock_does_not_block_others(ctx, migrated_registry_url: str) -> None:
    registry_url = migrated_registry_url  # the schema exists
    results = ctx.Queue()
    proc = ctx.Process(target=_workers.hold_write_lock, args=(registry_url, results))
    proc.start()
    assert results.get(timeout=60) == "locked"
    proc.kill()
    proc.join(30)
    started = time.monotonic()
    with open_registry(registry_url) as store:
        store.register_version("after", "hf:a", "fp", actor="a")
        store.add_approval("after", 1, approver="lead", reason="still writable")
        assert store.verify_audit().ok and store.verify_audit().events == 2
    assert time.monotonic() - started < 10
    assert datetime.now(timezone.utc)  # the registry answered


def test_racing_evaluations_of_one_artifact_make_one_version(ctx, migrated_registry_url: str) -> None:
    """The attack: concurrent `guard evaluate --registry … --name X` of one unchanged file (16 of them used to
    register 12 versions with the same fingerprint: check-then-insert across transactions)."""
    registry_url = migrated_registry_url  # the schema exists
    go, results = ctx.Event(), ctx.Queue()
    procs = [ctx.Process(target=_workers.record_run_of_one_artifact, args=(registry_url, go, results))
             for _ in range(PROCESSES)]
    for proc in procs:
        proc.start()
    go.set()
    outcomes = [results.get(timeout=120) for _ in procs]
    for proc in procs:
        proc.join(30)
    errors = [detail for status, _, detail in outcomes if status != "ok"]
    assert not errors, errors[0]
    assert {ref for _, _, ref in outcomes} == {"racing@1"}
    with open_registry(registry_url) as store:
        assert [v.version for v in store.list_versions("racing")] == [1]
        assert len(store.list_runs("racing", limit=100)) == PROCESSES
        assert store.verify_audit().ok
