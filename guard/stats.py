"""Confidence intervals, so a gate's "pass" means something (see DESIGN.md, Statistics).

Proportions get Wilson score intervals, switching to the exact Clopper–Pearson bound when there
are no events (or only events): a bootstrap of 0 leaks in n probes would claim [0, 0].
Everything else gets a seeded percentile bootstrap that resamples the unit of analysis.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from statistics import NormalDist

import numpy as np

from guard.types import MetricValue

CONFIDENCE = 0.95
DEFAULT_RESAMPLES = 1000


def proportion(
    successes: int, n: int, *, higher_is_better: bool | None, confidence: float = CONFIDENCE
) -> MetricValue:
    """A rate with a Wilson interval (Clopper–Pearson at 0 or n events).

    Both are closed forms (Newcombe 1998, as ``scipy.stats.binomtest(...).proportion_ci`` computes them;
    tests/unit/test_stats.py checks equality): importing ``scipy.stats`` for them cost 0.7 s of every run.
    """
    if n <= 0:
        raise ValueError("a proportion needs at least one observation")
    successes = int(successes)
    value = successes / n
    alpha = 1.0 - confidence
    if successes in (0, n):  # the exact bound: (1 - p)^n = alpha/2 at 0 events, p^n = alpha/2 at n
        bound = (alpha / 2) ** (1 / n)
        low, high = (0.0, 1.0 - bound) if successes == 0 else (bound, 1.0)
        method = "clopper-pearson"
    else:
        z = NormalDist().inv_cdf(1.0 - alpha / 2)
        denominator = 2 * (n + z * z)
        center = (2 * n * value + z * z) / denominator
        delta = z / denominator * math.sqrt(4 * n * value * (1 - value) + z * z)
        low, high, method = center - delta, center + delta, "wilson"
    return MetricValue(
        value=value,
        ci_low=min(low, value),
        ci_high=max(high, value),
        n=n,
        higher_is_better=higher_is_better,
        ci_method=method,
    )


def bootstrap(
    statistic: Callable[..., float],
    arrays: Sequence[np.ndarray],
    *,
    higher_is_better: bool | None,
    seed: int = 0,
    resamples: int = DEFAULT_RESAMPLES,
    confidence: float = CONFIDENCE,
) -> MetricValue:
    """Seeded percentile bootstrap of one statistic over rows shared by ``arrays`` (paired)."""
    result = bootstrap_many(
        lambda *a: {"_": statistic(*a)},
        arrays,
        higher_is_better=higher_is_better,
        seed=seed,
        resamples=resamples,
        confidence=confidence,
    )
    return result["_"]


def bootstrap_many(
    statistics: Callable[..., dict[str, float]],
    arrays: Sequence[np.ndarray],
    *,
    higher_is_better: bool | None,
    seed: int = 0,
    resamples: int = DEFAULT_RESAMPLES,
    confidence: float = CONFIDENCE,
) -> dict[str, MetricValue]:
    """Seeded percentile bootstrap of several statistics computed together on each resample.

    Rows are resampled together across ``arrays`` (pairs stay pairs). Resamples on which a
    statistic is undefined (ROC-AUC on a one-class resample) raise ``ValueError`` and are skipped;
    the interval's ``ci_method`` says how many were used. Written here rather than with
    ``scipy.stats.bootstrap`` because that can neither skip undefined resamples nor share one
    resample between statistics that come out of the same scikit-learn call.
    """
    arrays = [np.asarray(a) for a in arrays]
    n = len(arrays[0])
    if n == 0 or any(len(a) != n for a in arrays):
        raise ValueError("bootstrap needs equally long, non-empty arrays")
    point = {k: float(v) for k, v in statistics(*arrays).items()}
    rng = np.random.default_rng(seed)
    estimates: dict[str, list[float]] = {k: [] for k in point}
    for _ in range(resamples):
        idx = rng.integers(0, n, size=n)
        try:
            values = statistics(*(a[idx] for a in arrays))
        except ValueError:
            continue
        for key, value in values.items():
            if np.isfinite(value):
                estimates[key].append(float(value))
    return {
        key: from_replicates(value, np.array(estimates[key]), n=n, higher_is_better=higher_is_better,
                             seed=seed, resamples=resamples, confidence=confidence)
        for key, value in point.items()
    }


def resample_indices(n: int, *, seed: int = 0, resamples: int = DEFAULT_RESAMPLES) -> np.ndarray:
    """The (resamples, n) row indices ``bootstrap_many`` would draw, for vectorised statistics."""
    rng = np.random.default_rng(seed)
    return np.stack([rng.integers(0, n, size=n) for _ in range(resamples)])


def from_replicates(
    value: float,
    replicates: np.ndarray,
    *,
    n: int,
    higher_is_better: bool | None,
    seed: int,
    resamples: int,
    confidence: float = CONFIDENCE,
) -> MetricValue:
    """A percentile interval from bootstrap replicates (non-finite ones are undefined resamples)."""
    used = replicates[np.isfinite(replicates)]
    if len(used) < resamples // 2:
        low = high = value
        method = f"none (only {len(used)}/{resamples} bootstrap resamples were defined)"
    else:
        tail = (1 - confidence) / 2 * 100
        low, high = (float(x) for x in np.percentile(used, [tail, 100 - tail]))
        method = f"bootstrap(seed={seed},resamples={resamples},used={len(used)})"
    # A percentile interval can exclude the point estimate of a skewed statistic; widen to include it.
    return MetricValue(
        value=value, ci_low=min(low, value), ci_high=max(high, value), n=n,
        higher_is_better=higher_is_better, ci_method=method,
    )


def exact(value: float, *, n: int = 1, higher_is_better: bool | None = None, method: str = "exact") -> MetricValue:
    """A number measured without sampling error (a parameter count, a file size)."""
    return MetricValue(value=value, ci_low=value, ci_high=value, n=n, higher_is_better=higher_is_better,
                       ci_method=method)


def with_groups(metric: MetricValue, by_group: dict[str, MetricValue]) -> MetricValue:
    return metric.model_copy(update={"by_group": by_group})
