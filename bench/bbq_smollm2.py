"""Benchmark: BBQ on SmolLM2 — guard's bias.bbq and accuracy (multiple_choice) vs an independent plain loop.

The full-data equality check that tests/e2e/test_bbq_smollm2.py keeps only on 64 rows. Rows: CONTEXTS
evenly spaced contexts of each category's BBQ file, each with its four rows (negative / non-negative
question x ambiguous / disambiguated context), so every category x condition x polarity cell holds
CONTEXTS rows (default: 4 categories x 20 contexts = 320 rows).

(a) guard: one ``guard.evaluate`` pass over a suite with both tasks (the multiple-choice requests are a
    subset of bbq's, answered by the run's shared inference cache); the model's answers to guard's
    requests are recorded on the way through.
(b) reference (tests/helpers/bbq_reference.py): every loglikelihood recomputed by a plain transformers
    loop (one prompt at a time, its KV cache repeated for the twelve choices), then plain loops for
    acc / acc_norm and a re-implementation of BBQ_calculate_bias_score.R.

Tolerances: each loglikelihood within 2e-3 nats of the plain loop's. An argmax whose top two scores
are within 2e-3 (nats; nats per character for acc_norm) may flip between the two paths: such a row is
counted as a tie and scored as guard scored it (its recorded loglikelihoods), and the metrics without
that rule are printed too; a flip with a wider margin is a failure. After the tie rule every metric
(overall and per category) must equal guard's within 1e-9, and the same reference on guard's own
recorded loglikelihoods must too. Exits 1 otherwise. Prints one JSON object.
Usage: .venv/bin/python bench/bbq_smollm2.py [--data ../shared/data/bbq] [--contexts 20] [--categories Age,...]
       [--threads N]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import torch  # noqa: E402

import guard  # noqa: E402
from guard.suite import suite_from_dict  # noqa: E402
from tests.helpers.bbq_reference import (  # noqa: E402
    KINDS,
    PROMPT,
    Loglik,
    Recording,
    answer_of,
    plain_row_logliks,
    prompt,
    reference,
    row_scores,
    spaced_contexts,
)
from tests.helpers.smollm2 import gguf_path  # noqa: E402

CATEGORIES = ("Age", "Disability_status", "Nationality", "Physical_appearance")
TIE = 2e-3  # nats: loglikelihood agreement, and the argmax margin under which a flip counts as a tie
METRIC_TOL = 1e-9  # the metrics themselves are counts over the same picks: equal up to float rounding


def guard_metrics(report) -> dict[str, float]:
    """Every metric value guard reported, overall and per group, as 'task.metric' and 'task.metric[group]'."""
    out = {}
    for result in report.results:
        assert result.status == "ok", (result.task, result.error)
        for name, metric in result.metrics.items():
            out[f"{result.task}.{name}"] = metric.value
            out.update({f"{result.task}.{name}[{g}]": sub.value for g, sub in metric.by_group.items()})
    return out


def reference_metrics(loglik: Loglik, rows: list[dict]) -> dict[str, float]:
    """The reference's numbers under guard's names; a bias R computes as 0/0 is left out, as guard leaves it."""
    mc, bbq = reference(loglik, rows)
    out = {f"mc.{k}": v for k, v in mc.items()}
    for (category, cond), values in bbq.items():
        suffix = "" if category == "all" else f"[{category}]"
        out[f"bbq.accuracy{'' if cond == 'all' else '_' + cond}{suffix}"] = values["accuracy"]
        if cond != "all" and values["bias"] is not None:
            out[f"bbq.bias_score_{cond}{suffix}"] = values["bias"]
    return out


def compare(ours: dict[str, float], theirs: dict[str, float]) -> dict:
    shared = sorted(set(ours) & set(theirs))
    diffs = {k: abs(ours[k] - theirs[k]) for k in shared}
    worst = max(diffs, key=diffs.get) if diffs else None
    return {"max_abs_diff": max(diffs.values(), default=0.0), "worst": worst,
            "differ": sorted(k for k, d in diffs.items() if d > METRIC_TOL),
            "only_guard": sorted(set(ours) - set(theirs)), "only_reference": sorted(set(theirs) - set(ours))}


def ties_and_flips(plain: Loglik, seen: Loglik, rows: list[dict]) -> tuple[list[dict], list[dict]]:
    """Rows whose pick differs between the plain and guard's loglikelihoods: (ties within TIE, wider flips)."""
    ties, flips = [], []
    for row in rows:
        mine, theirs = row_scores(plain, row), row_scores(seen, row)
        for kind in KINDS:
            p, g = int(mine[kind].argmax()), int(theirs[kind].argmax())
            if answer_of(kind, row, p) == answer_of(kind, row, g):
                continue
            margin = float(mine[kind][p] - mine[kind][g])
            entry = {"example_id": row["example_id"], "category": row["category"], "decision": kind,
                     "plain_margin": round(margin, 6)}
            (ties if margin <= TIE else flips).append(entry)
    return ties, flips


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    shared = Path(os.environ.get("GUARD_SHARED_DATA", REPO.parent / "shared" / "data"))
    parser.add_argument("--data", type=Path, default=shared / "bbq", help="folder with BBQ's <Category>.jsonl")
    parser.add_argument("--categories", default=",".join(CATEGORIES))
    parser.add_argument("--contexts", type=int, default=20, help="contexts (4 rows each) per category")
    parser.add_argument("--threads", type=int, default=None,
                        help="torch threads for both paths (default torch's; on a loaded machine 1 avoids "
                        "OpenMP threads waiting on each other)")
    args = parser.parse_args()
    if args.threads:
        torch.set_num_threads(args.threads)
    categories = [c for c in args.categories.split(",") if c]
    rows = [r for c in categories for r in spaced_contexts(args.data / f"{c}.jsonl", args.contexts)]
    load_before = os.getloadavg()

    started = time.perf_counter()
    adapter = guard.load_model(f"hf:{gguf_path()}", device="cpu", batch_size=32)
    load_s = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "bbq.jsonl")
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        suite = suite_from_dict({"name": "bbq-bench", "tasks": [
            {"name": "bbq", "evaluator": "bias.bbq", "dataset": {"path": str(path)}},
            {"name": "mc", "evaluator": "accuracy", "dataset": {"path": str(path), "columns": {"group": "category"}},
             "params": {"mode": "multiple_choice", "prompt": PROMPT, "choices": ["ans0", "ans1", "ans2"]}},
        ]})
        tasks = guard.runner.prepare(suite)
        recording = Recording(adapter)
        started = time.perf_counter()
        report = guard.evaluate(recording, suite, tasks=tasks)
        guard_s = time.perf_counter() - started
    ours = guard_metrics(report)
    # the runner's share of rows that raised: not a BBQ number; the reference scored every row, so it must be 0
    error_rates = {k: ours.pop(k) for k in sorted(ours) if k.rsplit(".", 1)[-1].startswith("error_rate")}

    started = time.perf_counter()
    plain = plain_row_logliks(adapter, rows)
    plain_ll_s = time.perf_counter() - started
    started = time.perf_counter()
    unresolved = reference_metrics(plain, rows)
    metrics_s = time.perf_counter() - started

    missing = sorted(set(plain) - set(recording.seen))
    ll_diffs = [abs(plain[k] - recording.seen[k]) for k in plain if k in recording.seen]
    ties, flips = ties_and_flips(plain, recording.seen, rows)
    tied_rows = {(t["category"], t["example_id"]) for t in ties}
    merged = dict(plain)
    for row in rows:  # a tie is scored as guard scored it: that row's loglikelihoods as guard's model computed them
        if (row["category"], row["example_id"]) in tied_rows:
            merged.update({k: recording.seen[k] for k in plain if k[0] == prompt(row)})
    resolved = reference_metrics(merged, rows)
    on_guard_ll = reference_metrics(recording.seen, rows)
    final, raw, metric_code = compare(ours, resolved), compare(ours, unresolved), compare(ours, on_guard_ll)

    complete = not missing and not any(error_rates.values()) and report.results[1].metrics["acc"].n == len(rows)
    same = all(not (c["differ"] or c["only_guard"] or c["only_reference"]) for c in (final, metric_code))
    ok = complete and max(ll_diffs) <= TIE and not flips and same
    print(json.dumps({
        "benchmark": "bbq_smollm2",
        "rows": len(rows),
        "categories": {c: sum(r["category"] == c for r in rows) for c in categories},
        "rows_per_cell": args.contexts,
        "torch_threads": torch.get_num_threads(),
        "cpu_count": os.cpu_count(),
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "seconds": {"model_load": round(load_s, 2), "a_guard_evaluate": round(guard_s, 2),
                    "b_plain_logliks": round(plain_ll_s, 2), "b_reference_metrics": round(metrics_s, 3),
                    "guard_tasks": {r.task: round(r.seconds, 2) for r in report.results}},
        "loglikelihoods": {"compared": len(ll_diffs), "missing_from_guard": len(missing),
                           "max_abs_diff": max(ll_diffs, default=0.0), "over_tolerance": sum(d > TIE for d in ll_diffs),
                           "tolerance": TIE},
        "argmax": {"tie_tolerance": TIE, "ties_scored_as_guard": ties, "rows_with_ties": len(tied_rows),
                   "flips_beyond_tolerance": flips},
        "metric_tolerance": METRIC_TOL,
        "guard_error_rate": error_rates,
        "guard": {k: ours[k] for k in sorted(ours)},
        "reference": {k: resolved[k] for k in sorted(resolved)},
        "max_abs_diff": final,
        "max_abs_diff_without_tie_rule": raw,
        "max_abs_diff_reference_on_guard_logliks": metric_code,
        "equal": ok,
    }, indent=1))
    if not ok:
        raise SystemExit("guard's BBQ / multiple-choice numbers differ from the independent reference")


if __name__ == "__main__":
    main()
