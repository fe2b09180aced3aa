"""Relative rules judged group by group: one-sided tests against a margin, Holm across the groups.

A per-group relative rule (``per_group: true`` with ``relative: {baseline: ...}``) asks, for every
group, whether the candidate is worse than the baseline by more than the allowed margin. With many
groups, some exceed a margin by chance alone; so each group gets a one-sided p-value for
H0 "the true drop is at most the margin", and the family of one rule (all its groups) is corrected
with Holm's step-down method (family-wise error rate ``alpha``). A group fails only when its
Holm-adjusted p-value is at most ``alpha``. A small group can drop far beyond the margin without
being significant (baseline 2/2, candidate 1/2: p_adj 0.2), so such a rule must set ``min_n``
(refused at load without it): a group below it makes the rule inconclusive, and a group at or
above it whose drop exceeds the margin but is not significant passes with a note naming the drop
and its adjusted p.

The per-comparison test:

* both sides' intervals are Wilson / Clopper-Pearson (rates from ``guard.stats.proportion``): a
  two-proportion z test with the unpooled standard error sqrt(p1(1-p1)/n1 + p2(1-p2)/n2) (unpooled
  because the null is a non-zero margin, not equality);
* any other metric: a z test whose standard error per side is the 95% interval's half-width / 1.96
  (so bootstrap intervals count as they were computed).

z = (drop - margin) / se, p = 1 - Phi(z). With se = 0 (both sides certain) p is 0 when the drop
exceeds the margin and 1 otherwise. The margin is ``max_drop``, or ``max_drop_pct`` percent of
|baseline| (the smaller when both are set); a zero baseline has no relative drop, so a rule with
only ``max_drop_pct`` is inconclusive there (never a pass).
"""

from __future__ import annotations

import math
from statistics import NormalDist

from pydantic import BaseModel, ConfigDict

from guard.types import MetricValue

Z95 = NormalDist().inv_cdf(0.975)
_PROPORTION_METHODS = ("wilson", "clopper-pearson")
TEST_PROPORTIONS = "two-proportion z (unpooled), one-sided"
TEST_FROM_CI = "z from 95% CI half-widths, one-sided"


class GroupComparison(BaseModel):
    """One group of a per-group relative rule: both values, the drop, its test and the corrected p."""

    model_config = ConfigDict(frozen=True)

    group: str
    candidate: float
    baseline: float
    candidate_n: int
    baseline_n: int
    drop: float
    margin: float
    test: str
    z: float | None = None
    p_value: float
    p_adjusted: float
    significant: bool


def holm(p_values: list[float]) -> list[float]:
    """Holm step-down adjusted p-values, in the input order (equals statsmodels' method='holm')."""
    m = len(p_values)
    order = sorted(range(m), key=lambda i: p_values[i])
    adjusted = [0.0] * m
    running = 0.0
    for rank, index in enumerate(order):
        running = max(running, min(1.0, (m - rank) * p_values[index]))
        adjusted[index] = running
    return adjusted


def worse_by(candidate: float, baseline: float, higher_is_better: bool) -> float:
    """How much worse the candidate is (negative: better)."""
    return baseline - candidate if higher_is_better else candidate - baseline


def margin(baseline: float, max_drop: float | None, max_drop_pct: float | None) -> float | None:
    """The allowed drop in the metric's units; None when only a percentage is set and the baseline is 0."""
    allowed = [] if max_drop is None else [max_drop]
    if max_drop_pct is not None and baseline != 0:
        allowed.append(max_drop_pct / 100 * abs(baseline))
    return min(allowed) if allowed else None


def one_sided_p(candidate: MetricValue, baseline: MetricValue, drop: float, allowed: float) -> tuple[str, float | None,
                                                                                                       float]:
    """(test name, z, p) for H0: true drop <= allowed, from the two sides' values and n (see module doc)."""
    proportions = (candidate.ci_method in _PROPORTION_METHODS and baseline.ci_method in _PROPORTION_METHODS
                   and candidate.n > 0 and baseline.n > 0)
    if proportions:
        test = TEST_PROPORTIONS
        se = math.sqrt(candidate.value * (1 - candidate.value) / candidate.n
                       + baseline.value * (1 - baseline.value) / baseline.n)
    else:
        test = TEST_FROM_CI
        se = math.hypot((candidate.ci_high - candidate.ci_low) / (2 * Z95),
                        (baseline.ci_high - baseline.ci_low) / (2 * Z95))
    if se == 0:
        return test, None, 0.0 if drop > allowed + 1e-12 else 1.0
    z = (drop - allowed) / se
    return test, z, 1 - NormalDist().cdf(z)


def compare_groups(candidate: MetricValue, baseline: MetricValue, *, max_drop: float | None,
                   max_drop_pct: float | None, alpha: float, higher_is_better: bool) -> list[GroupComparison]:
    """Every group both sides have (the caller checked they have the same groups and enough n)."""
    rows: list[tuple[str, MetricValue, MetricValue, float, float, str, float | None, float]] = []
    for group in sorted(candidate.by_group):
        mine, theirs = candidate.by_group[group], baseline.by_group[group]
        drop = worse_by(mine.value, theirs.value, higher_is_better)
        allowed = margin(theirs.value, max_drop, max_drop_pct)
        if allowed is None:
            raise ZeroDivisionError(group)  # the caller makes the rule inconclusive
        test, z, p = one_sided_p(mine, theirs, drop, allowed)
        rows.append((group, mine, theirs, drop, allowed, test, z, p))
    adjusted = holm([row[-1] for row in rows])
    return [GroupComparison(group=g, candidate=c.value, baseline=b.value, candidate_n=c.n, baseline_n=b.n, drop=d,
                            margin=a, test=t, z=z, p_value=p, p_adjusted=q, significant=q <= alpha)
            for (g, c, b, d, a, t, z, p), q in zip(rows, adjusted)]
