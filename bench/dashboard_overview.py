"""Benchmark: the dashboard's overview page with 10,000 recorded runs in a SQLite registry.

The registry is filled through the store for models and versions (so they carry audit events and
aliases), then with N evaluation runs bulk-inserted in one transaction (executemany). Every complete
run carries a realistic EvalReport (three tasks, metrics with CIs and per-group values, redacted
findings; a few KB) and the Verdict JSON of a three-rule policy; 90% complete, 7% failed, 3% running,
two policies. Bulk rows bypass the audit chain: this measures reads, it is not a way to import runs.

Timed, in one process, after the fill:
- ``views.overview(store)``: what the page computes (``latest_run_summaries``: one query, no report);
- the naive way, as the baseline: ``store.list_runs`` of every run (reports and verdicts parsed),
  then the newest complete run per version and policy in Python;
- the whole overview page through Streamlit's AppTest (``dashboard/app.py``, default page): the
  first render in this process (Streamlit and the app imported, registry opened) and then fresh
  sessions (a new browser tab: the store is cached per server process, as in production);
- for information, the model page and the run page the overview links to, the same way (an upper
  bound: AppTest renders the default page once before it can switch).

Prints one JSON object. Target: the overview renders in under 3 s.
Usage: .venv/bin/python bench/dashboard_overview.py [--runs 10000] [--models 50] [--repeats 5]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import MetaData, Table, create_engine, insert, text

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from guard import views  # noqa: E402
from guard.registry import RegistryStore, open_registry  # noqa: E402

VERSIONS = 4
POLICIES = {"release": f"{0xA11CE:064x}", "pii": f"{0xB0B:064x}"}
GROUPS = ("female", "male", "nonbinary")


def _metric(rng: random.Random, higher_is_better: bool = True, groups: bool = False) -> dict:
    value = rng.uniform(0.05, 0.95)
    metric = {"value": value, "ci_low": value - 0.04, "ci_high": value + 0.04, "n": 872,
              "higher_is_better": higher_is_better, "ci_method": "wilson", "by_group": {}}
    if groups:
        metric["by_group"] = {g: _metric(rng, higher_is_better) for g in GROUPS}
    return metric


def _documents(rng: random.Random, policy: str) -> tuple[str, str, str]:
    """(report JSON, verdict JSON, verdict) of one plausible run."""
    results = [
        {"task": "sentiment", "evaluator": "accuracy", "evaluator_version": "1.0", "params": {"mode": "classify"},
         "status": "ok", "metrics": {m: _metric(rng, groups=m == "accuracy") for m in ("accuracy", "macro_f1", "ece")},
         "findings": [{"kind": "misclassified", "severity": "info", "message": "wrong label",
                       "example": {"text": f"a review about <PERSON> number {i}", "label": "pos", "predicted": "neg"}}
                      for i in range(5)],
         "dataset": {"source": "data/sst2_dev.tsv", "fingerprint": "sha256:" + "d" * 64, "rows": 872,
                     "columns": {"text": "sentence", "label": "label"}}, "seconds": 12.5},
        {"task": "bias", "evaluator": "bias.counterfactual", "evaluator_version": "1.0", "status": "ok",
         "metrics": {"flip_rate": _metric(rng, False, groups=True)},
         "findings": [{"kind": "counterfactual_flip", "severity": "medium", "message": "swap changed the prediction",
                       "example": {"original": "She said the film was fine.", "counterfactual": "He said the film "
                                   "was fine.", "axis": "gender", "from": "female", "to": "male"}} for _ in range(3)]},
        {"task": "leaks", "evaluator": "pii.output", "evaluator_version": "1.0", "status": "ok",
         "metrics": {"leak_rate": _metric(rng, False)},
         "findings": [{"kind": "pii_leak", "severity": "high", "message": "an output contains EMAIL_ADDRESS",
                       "example": {"prompt": "What is the e-mail of the customer?", "context": "Sure: "
                                   "<EMAIL_ADDRESS>.", "entities": ["EMAIL_ADDRESS"]}}]},
    ]
    report = {"schema_version": "1.0", "guard_version": "0.1.0", "created_at": "2026-11-26T12:00:00+00:00",
              "model": {"spec": "hf:models/m", "kind": "hf", "fingerprint": "sha256:" + "f" * 64},
              "suite": {"name": "release", "source": "evaluations/release.yaml", "sha256": "5" * 64},
              "seed": 0, "raw_evidence": False, "results": results, "environment": {"torch": "2.5.1"}}
    outcomes = []
    for rule, metric, task, limit in (("acc", "accuracy", "sentiment", 0.5), ("flips", "flip_rate", "bias", 0.5),
                                      ("leaks", "leak_rate", "leaks", 0.5)):
        measured = next(r for r in results if r["task"] == task)["metrics"][metric]
        ok = measured["value"] >= limit if rule == "acc" else measured["value"] <= limit
        outcomes.append({"rule_id": rule, "metric": f"{task}.{metric}", "status": "pass" if ok else "fail",
                         "severity": "block", "threshold": f">= {limit}", "measured": measured,
                         "judged": measured["value"], "controls": ["EU-AIA-Art15(1)"], "message": "", "notes": []})
    verdict = "pass" if all(o["status"] == "pass" for o in outcomes) else "fail"
    detail = {"policy": policy, "policy_sha256": POLICIES[policy], "status": verdict, "outcomes": outcomes}
    return json.dumps(report), json.dumps(detail), verdict


def fill(url: str, runs: int, models: int, rng: random.Random) -> dict:
    started = time.perf_counter()
    with open_registry(url) as store:
        for m in range(models):
            name = f"model-{m:02d}"
            for v in range(1, VERSIONS + 1):
                store.register_version(name, f"hf:models/{name}-v{v}", f"sha256:{m:04d}{v:04d}".ljust(71, "f"),
                                       actor="bench",
                                       metadata={"owner": "team-a", "card": f"models/{name}/README.md"})
            store.move_alias(name, "production", rng.randint(1, VERSIONS), actor="bench", reason="baseline")
    documents = {p: [_documents(rng, p) for _ in range(20)] for p in POLICIES}
    engine = create_engine(url)
    stamp = datetime.now(timezone.utc).replace(tzinfo=None)
    with engine.begin() as conn:
        table = Table("runs", MetaData(), autoload_with=conn)
        model_ids = conn.execute(text("SELECT id FROM models ORDER BY name")).scalars().all()
        rows = []
        for i in range(runs):
            status = rng.choices(("complete", "failed", "running"), (90, 7, 3))[0]
            policy = rng.choice(list(POLICIES))
            report, detail, verdict = documents[policy][i % 20]
            done = status == "complete"
            model_index, version = rng.randrange(len(model_ids)), rng.randint(1, VERSIONS)
            rows.append({"model_id": model_ids[model_index], "version": version, "status": status,
                         "suite_name": "release", "suite_sha256": "5" * 64, "policy_name": policy,
                         "policy_sha256": POLICIES[policy], "verdict": verdict if done else None,
                         "fingerprint": f"sha256:{model_index:04d}{version:04d}".ljust(71, "f"),
                         "report": report if done else None,
                         "verdict_detail": detail if done else None, "error": "crashed" if status == "failed" else None,
                         "started_at": stamp, "finished_at": stamp if status != "running" else None,
                         "created_by": "bench"})
        conn.execute(insert(table), rows)
    with engine.connect() as conn:
        conn.execute(text("ANALYZE"))
    engine.dispose()
    return {"fill_s": round(time.perf_counter() - started, 2), "report_bytes": len(documents["release"][0][0]),
            "verdict_bytes": len(documents["release"][0][1])}


def _timed(fn, repeats: int) -> tuple[float, object]:
    """Median milliseconds of ``repeats`` calls (after one warm-up) and the last result."""
    result = fn()
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        result = fn()
        timings.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(timings), 1), result


def naive_overview(store: RegistryStore) -> dict:
    """The baseline: every run with its documents, newest complete one per (model, version, policy)."""
    latest: dict = {}
    for run in store.list_runs(limit=10**9):
        if run.status == "complete":
            key = (run.model, run.version, run.policy_name)
            if key not in latest or run.id > latest[key].id:
                latest[key] = run
    return latest


def time_page(repeats: int, page: str = "", title: str = "Overview", **query: str) -> dict:
    """First render in this process, then fresh sessions (median, max), of one page of the app."""
    from streamlit.testing.v1 import AppTest

    def render() -> float:
        started = time.perf_counter()
        at = AppTest.from_file(str(REPO / "dashboard" / "app.py"), default_timeout=120)
        if page:
            at.run()
            at.switch_page(f"pages/{page}.py")
            at.query_params.update(query)
        at.run()
        elapsed = time.perf_counter() - started
        assert not at.exception and at.title[0].value == title, [e.value for e in at.exception]
        return elapsed * 1000

    first = render()
    timings = sorted(render() for _ in range(repeats))
    prefix = f"{page}_" if page else ""
    return {f"{prefix}page_first_render_ms": round(first, 1),
            f"{prefix}page_render_p50_ms": round(statistics.median(timings), 1),
            f"{prefix}page_render_max_ms": round(timings[-1], 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10_000)
    parser.add_argument("--models", type=int, default=50)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="guard-dash-bench-"))
    try:
        url = f"sqlite:///{workdir / 'registry.db'}"
        result: dict = {"runs": args.runs, "models": args.models, "versions": args.models * VERSIONS,
                        **fill(url, args.runs, args.models, random.Random(20261126))}
        result["db_mb"] = round((workdir / "registry.db").stat().st_size / 2**20, 1)
        with open_registry(url) as store:
            result["views_overview_ms"], rows = _timed(lambda: views.overview(store), args.repeats)
            result["overview_rows"] = len(rows)
            result["baseline_list_runs_ms"], latest = _timed(lambda: naive_overview(store), max(1, args.repeats // 2))
            assert len(latest) == sum(r.run_id is not None for r in rows), (len(latest), len(rows))
        os.environ["GUARD_REGISTRY"] = url
        result.update(time_page(args.repeats))
        # The other pages on the same registry (they follow a link from the overview; not the target).
        result.update(time_page(max(1, args.repeats // 2), "model", "Model", model="model-00"))
        result.update(time_page(max(1, args.repeats // 2), "run", "Run", run=str(rows[-1].run_id or "")))
        result["target_ms"] = 3000
        result["meets_target"] = result["page_render_max_ms"] < 3000 and result["page_first_render_ms"] < 3000
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
