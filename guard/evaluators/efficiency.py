"""``efficiency``: latency, throughput, memory and size, so a policy can gate on cost.

Latency is timed one example at a time (what a user waiting on one request sees); throughput
is the adapter's own batched pass (what a batch job sees), repeated to give an interval. Both
bypass the run's inference cache and the persistent one — a cached answer would time nothing — and a
model the cache left unloaded (``guard.models.lazy``) is loaded before the first timed call.
"""

from __future__ import annotations

import threading
import time
from typing import Any, Literal

import numpy as np
import psutil
from pydantic import Field
from scipy import stats as scipy_stats

from guard import stats
from guard.evaluators._prompts import render, template_fields
from guard.evaluators.base import EvalContext, EvaluatorParams, MetricSpec, Scores, evaluator
from guard.models.base import Capability, GenerationConfig, ModelAdapter
from guard.models.lazy import loaded
from guard.types import Finding, MetricValue

_MB = 1024 * 1024


class EfficiencyParams(EvaluatorParams):
    capability: Literal["auto", "classify", "generate", "loglikelihood"] = Field(
        default="auto", description="Which call to time; auto prefers classify, then generate."
    )
    prompt: str = Field(default="{text}", description="Template for the model input.")
    samples: int = Field(default=32, gt=1, description="Examples timed one at a time for latency.")
    warmup: int = Field(default=2, ge=0, description="Untimed calls first (allocations, lazy init).")
    repeats: int = Field(default=3, ge=2, description="Batched passes for the throughput interval.")
    max_new_tokens: int = Field(default=16, gt=0, description="generate: tokens per answer.")
    continuation: str = Field(default=" yes", description="loglikelihood: continuation to score.")


def _columns(params: EfficiencyParams) -> tuple[set[str], set[str]]:
    return template_fields(params.prompt), set()


METRICS = (
    MetricSpec("latency_p50_ms", 0, None, higher_is_better=False,
               description="Median latency of one-example calls, in milliseconds."),
    MetricSpec("latency_p95_ms", 0, None, higher_is_better=False,
               description="95th-percentile latency of one-example calls, in milliseconds."),
    MetricSpec("throughput_per_s", 0, None, higher_is_better=True,
               description="Examples per second in the adapter's batched pass."),
    MetricSpec("peak_memory_mb", 0, None, higher_is_better=False,
               description="Peak resident memory of the process while timing, in MiB."),
    MetricSpec("parameters", 0, None, higher_is_better=None,
               description="Number of model parameters (when the adapter knows it)."),
    MetricSpec("size_on_disk_mb", 0, None, higher_is_better=None,
               description="Size of the model's files on disk, in MiB (when known)."),
)


@evaluator(
    "efficiency",
    version="1.0",
    params=EfficiencyParams,
    requires=(Capability.CLASSIFY, Capability.GENERATE, Capability.LOGLIKELIHOOD),
    columns=_columns,
    metrics=METRICS,
)
def efficiency(model: ModelAdapter, data: Any, params: EfficiencyParams, ctx: EvalContext) -> Scores:
    """Per-example latency (p50/p95), batched throughput, peak memory, parameter count and size on disk."""
    target = loaded(ctx.raw_model or model)
    call = _call_for(target, params, ctx.seed)
    inputs = render(params.prompt, data.records())[: max(params.samples, 2)]
    for item in inputs[: params.warmup]:
        call([item])
    with _PeakMemory() as memory:
        latencies = []
        for item in inputs:
            started = time.perf_counter()
            call([item])
            latencies.append((time.perf_counter() - started) * 1000)
        throughputs = []
        for _ in range(params.repeats):
            started = time.perf_counter()
            call(inputs)
            throughputs.append(len(inputs) / (time.perf_counter() - started))
    lat = np.array(latencies)
    metrics: dict[str, MetricValue] = {
        "latency_p50_ms": stats.bootstrap(lambda x: np.percentile(x, 50), [lat], higher_is_better=False, seed=ctx.seed),
        "latency_p95_ms": stats.bootstrap(lambda x: np.percentile(x, 95), [lat], higher_is_better=False, seed=ctx.seed),
        "throughput_per_s": _mean_interval(throughputs),
        "peak_memory_mb": stats.exact(memory.peak / _MB, higher_is_better=False, method="peak RSS, sampled every 5 ms"),
    }
    parameters = getattr(target, "num_parameters", None)
    if parameters:
        metrics["parameters"] = stats.exact(float(parameters), method="count")
    size = getattr(target, "size_on_disk_bytes", None)
    if size:
        metrics["size_on_disk_mb"] = stats.exact(size / _MB, method="file sizes")
    slowest = int(np.argmax(lat))
    findings = [
        Finding(
            kind="slowest_example",
            message=f"slowest single call: {lat[slowest]:.1f} ms (median {np.median(lat):.1f} ms)",
            example={"input": inputs[slowest][:300], "latency_ms": round(float(lat[slowest]), 2)},
        )
    ]
    return Scores(metrics=metrics, findings=findings)


def _call_for(model: ModelAdapter, params: EfficiencyParams, seed: int):
    capability: str = params.capability
    if capability == "auto":
        order = (Capability.CLASSIFY, Capability.GENERATE, Capability.LOGLIKELIHOOD)
        capability = next((c.value for c in order if c in model.capabilities), "classify")
    if capability == "classify":
        return model.classify
    if capability == "generate":
        config = GenerationConfig(max_new_tokens=params.max_new_tokens, seed=seed)
        return lambda batch: model.generate(batch, config)
    return lambda batch: model.loglikelihood([(text, params.continuation) for text in batch])


def _mean_interval(values: list[float]) -> MetricValue:
    """Mean with a Student-t 95% interval over repeated passes (clamped at zero)."""
    array = np.array(values)
    mean = float(array.mean())
    half = float(scipy_stats.t.ppf(0.975, len(array) - 1) * array.std(ddof=1) / np.sqrt(len(array)))
    return MetricValue(
        value=mean, ci_low=max(0.0, mean - half), ci_high=mean + half, n=len(array),
        higher_is_better=True, ci_method=f"student-t over {len(array)} repeats",
    )


class _PeakMemory:
    """Peak resident memory of this process while the block runs (a sampling thread)."""

    def __init__(self, interval: float = 0.005):
        self.interval, self.peak = interval, 0
        self._process = psutil.Process()
        self._stop = threading.Event()

    def _sample(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._process.memory_info().rss)
            self._stop.wait(self.interval)

    def __enter__(self) -> _PeakMemory:
        self.peak = self._process.memory_info().rss
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self._process.memory_info().rss)
