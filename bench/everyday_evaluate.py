"""Benchmark: the everyday path — the whole `guard evaluate` process for a cheap model, against a plain script.

A keyword classifier (tests/fixtures/keyword_sentiment.py) on SST-2 dev (872 rows) with a one-rule
policy. Timed side by side in this run, each as a fresh process (wall time, median of --repeats):

(a) a plain script: read the TSV with the csv module, call the classifier, sklearn's accuracy_score;
(b) `guard evaluate python:...:predict --suite S --policy P --out report.json` (evidence redaction on,
    as by default), a fresh registry-less run with a fresh cache folder each time (a first run);
(c) for reference, (b) once more on the first repeat's cache folder: every answer and redaction cached.

Prints one JSON object: seconds of each, the ratio b/a (issue target: at most 2.5, goal 1.5), and the
accuracy both computed (they must be equal).
Usage: .venv/bin/python bench/everyday_evaluate.py [--data ../shared/data/sst2/dev.tsv] [--repeats 3]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MODEL = REPO / "tests" / "fixtures" / "keyword_sentiment.py"
PLAIN = """
import csv, importlib.util, sys
from sklearn.metrics import accuracy_score
spec = importlib.util.spec_from_file_location("kw", sys.argv[1]); kw = importlib.util.module_from_spec(spec)
spec.loader.exec_module(kw)
with open(sys.argv[2], newline="") as handle:
    rows = list(csv.DictReader(handle, delimiter="\\t", quoting=csv.QUOTE_NONE))
predictions = [p["label"] if isinstance(p, dict) else p for p in kw.predict([r["sentence"] for r in rows])]
print(accuracy_score([r["label"] for r in rows], [str(p) for p in predictions]))
"""
SUITE = """name: everyday
tasks:
  - name: sentiment
    evaluator: accuracy
    dataset: {{path: {data}, columns: {{text: sentence, label: label}}}}
"""
POLICY = "name: one-rule\nrules:\n  - {id: acc, metric: sentiment.accuracy, min: 0.5}\n"


def _time(command: list[str], env: dict[str, str]) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    elapsed = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise SystemExit(f"{command[:3]} failed ({done.returncode}): {done.stderr[-2000:]}")
    return elapsed, done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data" / "sst2" / "dev.tsv")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    with tempfile.TemporaryDirectory(prefix="guard-everyday-") as folder:
        work = Path(folder)
        (work / "plain.py").write_text(PLAIN)
        (work / "suite.yaml").write_text(SUITE.format(data=args.data.resolve()))
        (work / "policy.yaml").write_text(POLICY)
        env["GUARD_ALLOW_PATH"] = str(args.data.resolve().parent)
        plain_cmd = [sys.executable, str(work / "plain.py"), str(MODEL), str(args.data)]
        guard_cmd = [str(Path(sys.executable).with_name("guard")), "evaluate", f"python:{MODEL}:predict",
                     "--suite", str(work / "suite.yaml"), "--policy", str(work / "policy.yaml"),
                     "--out", str(work / "report.json")]
        plain, ours = [], []
        for repeat in range(args.repeats):
            seconds, printed = _time(plain_cmd, env)
            plain.append(seconds)
            plain_accuracy = float(printed.strip().splitlines()[-1])
            # a fresh cache folder each time: a first run, which computes and stores every answer
            seconds, _ = _time([*guard_cmd, "--cache-dir", str(work / f"cache-{repeat}")], env)
            ours.append(seconds)
        report = json.loads((work / "report.json").read_text())
        rerun, _ = _time([*guard_cmd, "--cache-dir", str(work / "cache-0")], env)  # for reference: all cached
    result = report["results"][0]
    guard_accuracy = result["metrics"]["accuracy"]["value"]
    a, b = statistics.median(plain), statistics.median(ours)
    print(json.dumps({
        "benchmark": "everyday_evaluate_keyword_sst2",
        "rows": result["dataset"]["rows"],
        "repeats": args.repeats,
        "seconds": {"a_plain_script": round(a, 2), "b_guard_evaluate": round(b, 2)},
        "all_seconds": {"a_plain_script": [round(x, 2) for x in plain],
                        "b_guard_evaluate": [round(x, 2) for x in ours]},
        "guard_over_plain": round(b / a, 2),
        "cached_rerun_s": round(rerun, 2),
        "cached_rerun_over_plain": round(rerun / a, 2),
        "targets": {"guard_over_plain_max": 2.5, "goal": 1.5},
        "guard_task_seconds": round(result["seconds"], 2),
        "evidence_redaction": report.get("evidence_redaction"),
        "accuracy": {"plain": plain_accuracy, "guard": guard_accuracy},
        "accuracy_equal": abs(plain_accuracy - guard_accuracy) < 1e-12,
    }))


if __name__ == "__main__":
    main()
