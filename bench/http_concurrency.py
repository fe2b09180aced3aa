"""Benchmark: the ``http:`` adapter at full concurrency against a 200 ms server in its own process.

The server is the test double (tests/helpers/openai_server.py, ``OpenAIServerProcess``): a
ThreadingHTTPServer in a child process that answers every request after ``--latency`` seconds (a list
``prompt`` too, in one response, as a batching server would). For each concurrency C the client sends
``--prompts`` generation prompts and the script reports, next to the ideal time ceil(prompts/C) x latency
(what C requests in flight allow):

- ``old``: the adapter's previous design, reproduced here — a thread per request in flight over one
  pooled ``httpx.Client`` (ThreadPoolExecutor + as_completed), the hot path of guard <= this change;
- ``guard``: ``load_model("http:URL", concurrency=C)``, one prompt per request;
- ``guard_batched``: the same with ``batch_prompts=B`` (list prompts, vLLM-style), whose ideal is
  ceil(ceil(prompts/B)/C) x latency; and two replicas (``http:URL1,URL2``) at C per endpoint.

``fraction`` = ideal / measured (1.0 = no client overhead at all). Each figure is the median of
``--repeats`` runs. Issue 13's target: ``guard`` at C=64 >= 0.9.
Usage: .venv/bin/python bench/http_concurrency.py [--prompts 640] [--latency 0.2] [--repeats 3]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from guard.models import GenerationConfig, load_model  # noqa: E402
from tests.helpers.openai_server import OpenAIServerProcess, answer  # noqa: E402

CONFIG = GenerationConfig(max_new_tokens=16)


def old_design(url: str, prompts: list[str], concurrency: int) -> list[str]:
    """The previous adapter's hot path: a thread per request in flight, one pooled sync client."""
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    with httpx.Client(timeout=60.0, limits=limits, headers={"User-Agent": "rai-guard"}) as client:
        def one(prompt: str) -> str:
            body = {"model": "fake-model", "prompt": prompt, "max_tokens": CONFIG.max_new_tokens,
                    "temperature": CONFIG.temperature, "top_p": CONFIG.top_p, "seed": CONFIG.seed}
            response = client.request("POST", url + "/completions", json=body, timeout=60.0)
            response.raise_for_status()
            return response.json()["choices"][0].get("text") or ""

        results: list[str] = [""] * len(prompts)
        with ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="old-http") as pool:
            futures = {pool.submit(one, p): i for i, p in enumerate(prompts)}
            for future in as_completed(futures):
                results[futures[future]] = future.result()
        return results


def timed(fn, prompts: list[str], repeats: int) -> float:
    """Median wall seconds of ``fn(prompts)``; every run's answers are checked."""
    seconds = []
    for _ in range(repeats):
        started = time.perf_counter()
        out = fn(prompts)
        seconds.append(time.perf_counter() - started)
        if out != [answer(p) for p in prompts]:
            raise SystemExit("wrong or reordered answers")
    return statistics.median(seconds)


def figure(seconds: float, ideal: float, prompts: int) -> dict:
    return {"seconds": round(seconds, 3), "ideal_s": round(ideal, 3), "fraction": round(ideal / seconds, 3),
            "prompts_per_s": round(prompts / seconds, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prompts", type=int, default=640)
    parser.add_argument("--latency", type=float, default=0.2)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[32, 64, 128])
    parser.add_argument("--batch-prompts", type=int, default=8)
    args = parser.parse_args()
    prompts = [f"prompt number {i}: say something" for i in range(args.prompts)]
    n, lat = len(prompts), args.latency
    out: dict = {"benchmark": "http_concurrency", "prompts": n, "latency_s": lat, "repeats": args.repeats,
                 "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
                 "load_average": [round(x, 2) for x in os.getloadavg()], "concurrency": {}}
    with OpenAIServerProcess(delay=lat) as one, OpenAIServerProcess(delay=lat) as two:
        for c in args.concurrency:
            ideal = math.ceil(n / c) * lat
            old = timed(lambda p, c=c: old_design(one.url, p, c), prompts, args.repeats)
            row: dict = {"old": figure(old, ideal, n)}
            with load_model("http:" + one.url, concurrency=c) as model:
                row["guard"] = figure(timed(lambda p: model.generate(p, CONFIG), prompts, args.repeats), ideal, n)
            b = args.batch_prompts
            with load_model("http:" + one.url, concurrency=c, batch_prompts=b) as model:
                ideal_b = math.ceil(math.ceil(n / b) / c) * lat
                row[f"guard_batched_{b}"] = figure(
                    timed(lambda p: model.generate(p, CONFIG), prompts, args.repeats), ideal_b, n)
            with load_model(f"http:{one.url},{two.url}", concurrency=c) as model:
                ideal_2 = math.ceil(n / (2 * c)) * lat
                row["guard_two_replicas"] = figure(
                    timed(lambda p: model.generate(p, CONFIG), prompts, args.repeats), ideal_2, n)
            out["concurrency"][str(c)] = row
    top = out["concurrency"].get("64", {}).get("guard")
    out["target"] = {"guard_fraction_at_64_min": 0.9, "met": top is not None and top["fraction"] >= 0.9}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
