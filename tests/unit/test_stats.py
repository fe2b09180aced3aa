"""guard.stats: Wilson / Clopper–Pearson proportions and the seeded (paired) percentile bootstrap."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy.stats import binomtest

from guard import stats
from guard.types import MetricValue

# --------------------------------------------------------------------------- proportions


@pytest.mark.parametrize(("k", "n"), [(1, 2), (3, 10), (37, 100), (50, 100), (99, 100), (412, 872), (1, 1000)])
def test_proportion_is_wilson_between_the_extremes(k: int, n: int) -> None:
    expected = binomtest(k, n).proportion_ci(confidence_level=0.95, method="wilson")
    m = stats.proportion(k, n, higher_is_better=True)
    assert m.value == pytest.approx(k / n)
    assert m.ci_low == pytest.approx(expected.low, abs=1e-12)
    assert m.ci_high == pytest.approx(expected.high, abs=1e-12)
    assert m.ci_method == "wilson"
    assert m.n == n
    assert m.higher_is_better is True
    assert m.ci_low <= m.value <= m.ci_high
    assert m.ci_low < m.value < m.ci_high  # a real interval, not a point


def test_wilson_differs_from_the_naive_normal_interval() -> None:
    # Guard against a "Wald" interval sneaking in: at 1/20 Wald's lower bound is negative.
    m = stats.proportion(1, 20, higher_is_better=False)
    p = 1 / 20
    wald_low = p - 1.96 * math.sqrt(p * (1 - p) / 20)
    assert wald_low < 0
    assert m.ci_low > 0


def test_zero_events_use_the_exact_upper_bound() -> None:
    m = stats.proportion(0, 100, higher_is_better=False)
    assert m.value == 0.0
    assert m.ci_low == 0.0
    # two-sided 95% Clopper–Pearson: 1 - 0.025**(1/100)
    assert m.ci_high == pytest.approx(1 - 0.025 ** (1 / 100), rel=1e-9)
    assert m.ci_high == pytest.approx(0.0362, abs=5e-5)
    # "about 3/n": the exact bound is never the false confidence of [0, 0]
    assert 3 / 100 < m.ci_high < 4 / 100
    assert m.ci_method == "clopper-pearson"
    assert m.n == 100
    exact = binomtest(0, 100).proportion_ci(method="exact")
    assert m.ci_high == pytest.approx(exact.high)


def test_all_events_use_the_exact_lower_bound() -> None:
    m = stats.proportion(100, 100, higher_is_better=True)
    assert m.value == 1.0
    assert m.ci_high == 1.0
    assert m.ci_low == pytest.approx(0.025 ** (1 / 100), rel=1e-9)
    assert m.ci_method == "clopper-pearson"


@pytest.mark.parametrize("n", [10, 50, 300, 3000])
def test_zero_event_bound_shrinks_like_three_over_n(n: int) -> None:
    m = stats.proportion(0, n, higher_is_better=False)
    assert 3 / n < m.ci_high < 4 / n
    assert m.ci_high == pytest.approx(binomtest(0, n).proportion_ci(method="exact").high)


def test_proportion_confidence_level_is_honoured() -> None:
    narrow = stats.proportion(30, 100, higher_is_better=True, confidence=0.80)
    wide = stats.proportion(30, 100, higher_is_better=True)
    assert wide.ci_low < narrow.ci_low < narrow.value < narrow.ci_high < wide.ci_high
    expected = binomtest(30, 100).proportion_ci(confidence_level=0.80, method="wilson")
    assert narrow.ci_low == pytest.approx(expected.low)


def test_proportion_needs_observations() -> None:
    with pytest.raises(ValueError):
        stats.proportion(0, 0, higher_is_better=True)


def test_proportion_accepts_numpy_integers() -> None:
    m = stats.proportion(np.int64(7), 10, higher_is_better=None)
    assert m.value == pytest.approx(0.7)
    assert m.higher_is_better is None


# --------------------------------------------------------------------------- bootstrap


def _data(n: int = 60, seed: int = 1) -> np.ndarray:
    return np.random.default_rng(seed).normal(size=n)


def test_bootstrap_is_the_percentile_interval_of_the_recorded_resamples() -> None:
    x = _data()
    m = stats.bootstrap(np.mean, [x], higher_is_better=True, seed=7, resamples=400)
    idx = stats.resample_indices(len(x), seed=7, resamples=400)
    replicates = x[idx].mean(axis=1)
    low, high = np.percentile(replicates, [2.5, 97.5])
    assert m.value == pytest.approx(x.mean())
    assert m.ci_low == pytest.approx(min(low, x.mean()))
    assert m.ci_high == pytest.approx(max(high, x.mean()))
    assert m.n == len(x)
    assert m.ci_method == "bootstrap(seed=7,resamples=400,used=400)"


def test_bootstrap_is_deterministic_for_a_seed_and_differs_across_seeds() -> None:
    x = _data()
    a = stats.bootstrap(np.median, [x], higher_is_better=True, seed=3, resamples=300)
    b = stats.bootstrap(np.median, [x], higher_is_better=True, seed=3, resamples=300)
    c = stats.bootstrap(np.median, [x], higher_is_better=True, seed=4, resamples=300)
    assert a == b
    assert (a.ci_low, a.ci_high) != (c.ci_low, c.ci_high)
    assert a.value == c.value  # the point estimate does not depend on the seed
    assert "seed=3" in a.ci_method and "seed=4" in c.ci_method


def test_bootstrap_interval_contains_the_value_and_has_width() -> None:
    x = _data(200)
    m = stats.bootstrap(np.mean, [x], higher_is_better=None, seed=0, resamples=500)
    assert m.ci_low < m.value < m.ci_high
    # roughly +-1.96 standard errors
    se = x.std(ddof=1) / math.sqrt(len(x))
    assert m.ci_high - m.ci_low == pytest.approx(2 * 1.96 * se, rel=0.25)


def test_paired_resampling_keeps_rows_together() -> None:
    rng = np.random.default_rng(5)
    a = rng.normal(size=50)
    b = 2 * a + 1  # row i of b belongs with row i of a

    def gap(x: np.ndarray, y: np.ndarray) -> float:
        if not np.allclose(y, 2 * x + 1):
            raise AssertionError("rows were resampled independently")
        return float(np.mean(y - x))

    m = stats.bootstrap(gap, [a, b], higher_is_better=None, seed=1, resamples=300)
    assert m.ci_method.endswith("used=300)")
    assert m.ci_low < m.value < m.ci_high  # the resamples did vary


def test_paired_difference_interval_is_narrower_than_unpaired() -> None:
    rng = np.random.default_rng(11)
    base = rng.normal(size=80)
    a, b = base + rng.normal(scale=0.1, size=80), base + 0.05 + rng.normal(scale=0.1, size=80)
    paired = stats.bootstrap(lambda x, y: float(np.mean(y - x)), [a, b], higher_is_better=None, seed=0, resamples=400)
    # unpaired: resample each arm on its own
    ia = stats.resample_indices(80, seed=1, resamples=400)
    ib = stats.resample_indices(80, seed=2, resamples=400)
    unpaired = b[ib].mean(axis=1) - a[ia].mean(axis=1)
    lo, hi = np.percentile(unpaired, [2.5, 97.5])
    assert paired.ci_high - paired.ci_low < (hi - lo) / 3


def test_bootstrap_many_shares_one_resample_between_statistics() -> None:
    x = _data(40)
    out = stats.bootstrap_many(
        lambda v: {"mean": float(np.mean(v)), "twice": 2 * float(np.mean(v))},
        [x], higher_is_better=True, seed=2, resamples=200,
    )
    assert set(out) == {"mean", "twice"}
    assert out["twice"].value == pytest.approx(2 * out["mean"].value)
    assert out["twice"].ci_low == pytest.approx(2 * out["mean"].ci_low)
    assert out["twice"].ci_high == pytest.approx(2 * out["mean"].ci_high)


def test_undefined_resamples_are_skipped_and_counted() -> None:
    labels = np.array([0, 0, 0, 1])
    values = np.array([0.1, 0.2, 0.3, 0.9])

    def needs_both(y: np.ndarray, v: np.ndarray) -> float:
        if len(set(y.tolist())) < 2:
            raise ValueError("only one class")
        return float(v[y == 1].mean() - v[y == 0].mean())

    m = stats.bootstrap(needs_both, [labels, values], higher_is_better=True, seed=0, resamples=1000)
    idx = stats.resample_indices(4, seed=0, resamples=1000)
    defined = int(sum(len(set(labels[i].tolist())) == 2 for i in idx))
    assert 500 <= defined < 1000  # about (1 - 0.75**4) of them
    assert m.ci_method == f"bootstrap(seed=0,resamples=1000,used={defined})"
    assert m.ci_low <= m.value <= m.ci_high


def test_non_finite_resamples_are_skipped_too() -> None:
    x = np.array([0.0, 0.0, 0.0, 0.0, 1.0, 2.0])

    def log_of_min_positive(v: np.ndarray) -> float:
        positive = v[v > 0]
        return float(np.log(positive.min())) if len(positive) else float("nan")

    m = stats.bootstrap(log_of_min_positive, [x], higher_is_better=None, seed=0, resamples=200)
    idx = stats.resample_indices(len(x), seed=0, resamples=200)
    finite = int(sum((x[i] > 0).any() for i in idx))
    assert 100 <= finite < 200
    assert m.ci_method == f"bootstrap(seed=0,resamples=200,used={finite})"
    assert math.isfinite(m.ci_low) and math.isfinite(m.ci_high)


def test_mostly_undefined_resamples_give_no_interval() -> None:
    labels = np.array([0] * 9 + [1])

    calls = {"n": 0}

    def point_only(y: np.ndarray) -> float:
        calls["n"] += 1
        if calls["n"] > 1:
            raise ValueError("undefined")
        return 0.5

    m = stats.bootstrap(point_only, [labels], higher_is_better=True, seed=0, resamples=100)
    assert m.value == m.ci_low == m.ci_high == 0.5
    assert m.ci_method.startswith("none")
    assert "0/100" in m.ci_method


def test_bootstrap_rejects_mismatched_or_empty_arrays() -> None:
    with pytest.raises(ValueError):
        stats.bootstrap(np.mean, [np.array([])], higher_is_better=True)
    with pytest.raises(ValueError):
        stats.bootstrap(lambda a, b: 0.0, [np.arange(3), np.arange(4)], higher_is_better=True)


def test_resample_indices_shape_range_and_seed() -> None:
    idx = stats.resample_indices(7, seed=9, resamples=50)
    assert idx.shape == (50, 7)
    assert idx.min() >= 0 and idx.max() <= 6
    assert np.array_equal(idx, stats.resample_indices(7, seed=9, resamples=50))
    assert not np.array_equal(idx, stats.resample_indices(7, seed=10, resamples=50))


# --------------------------------------------------------------------------- from_replicates / exact


def test_from_replicates_with_too_few_finite_replicates_is_degenerate() -> None:
    replicates = np.array([0.4, 0.6, np.nan, np.inf, -np.inf] + [np.nan] * 5)
    m = stats.from_replicates(0.5, replicates, n=30, higher_is_better=True, seed=1, resamples=10)
    assert (m.value, m.ci_low, m.ci_high) == (0.5, 0.5, 0.5)
    assert m.ci_method.startswith("none")
    assert "2/10" in m.ci_method
    assert m.n == 30


def test_from_replicates_with_enough_replicates_is_a_percentile_interval() -> None:
    replicates = np.concatenate([np.linspace(0.0, 1.0, 101), [np.nan] * 20])
    m = stats.from_replicates(0.5, replicates, n=12, higher_is_better=False, seed=4, resamples=121)
    assert m.ci_low == pytest.approx(0.025)
    assert m.ci_high == pytest.approx(0.975)
    assert m.ci_method == "bootstrap(seed=4,resamples=121,used=101)"
    assert m.higher_is_better is False


def test_from_replicates_widens_to_include_a_skewed_point_estimate() -> None:
    replicates = np.linspace(0.6, 0.9, 200)
    m = stats.from_replicates(0.5, replicates, n=10, higher_is_better=True, seed=0, resamples=200)
    assert m.ci_low == 0.5
    assert m.ci_high == pytest.approx(np.percentile(replicates, 97.5))


def test_exact_has_a_zero_width_interval() -> None:
    m = stats.exact(1234.0, higher_is_better=False, method="count")
    assert isinstance(m, MetricValue)
    assert m.value == m.ci_low == m.ci_high == 1234.0
    assert m.ci_method == "count"
    assert m.n == 1
    assert m.higher_is_better is False
    assert stats.exact(3.0).ci_method == "exact"
    assert stats.exact(3.0).higher_is_better is None


def test_with_groups_attaches_group_metrics() -> None:
    overall = stats.proportion(5, 10, higher_is_better=True)
    groups = {"a": stats.proportion(1, 4, higher_is_better=True), "b": stats.proportion(4, 6, higher_is_better=True)}
    m = stats.with_groups(overall, groups)
    assert m.by_group == groups
    assert m.value == overall.value
    assert overall.by_group == {}


@pytest.mark.parametrize("n", [1, 2, 7, 40, 333])
@pytest.mark.parametrize("confidence", [0.8, 0.95, 0.99])
def test_every_count_equals_scipys_binomtest_interval(n: int, confidence: float) -> None:
    """The closed forms in guard.stats against SciPy's own, at every k of n and three levels."""
    for k in range(n + 1):
        method = "exact" if k in (0, n) else "wilson"
        expected = binomtest(k, n).proportion_ci(confidence_level=confidence, method=method)
        m = stats.proportion(k, n, higher_is_better=True, confidence=confidence)
        assert m.ci_low == pytest.approx(min(expected.low, k / n), abs=1e-9), (k, n)
        assert m.ci_high == pytest.approx(max(expected.high, k / n), abs=1e-9), (k, n)
