"""Relative rules: max_drop_pct, per-group comparisons with Holm, min_n, and strict validation of the keys.

Each decision is recomputed here by hand from the groups' counts (two-proportion z, one-sided) and
Holm's adjustment is compared with statsmodels' ``multipletests(method="holm")``.
"""

from __future__ import annotations

import math
from statistics import NormalDist

import pytest
from statsmodels.stats.multitest import multipletests

from guard import stats
from guard.errors import GuardError
from guard.policy import Policy, check, load_policy
from guard.relative import TEST_FROM_CI, TEST_PROPORTIONS, holm
from guard.types import EvalReport, EvalResult, MetricValue, ModelInfo, SuiteInfo


def _report(groups: dict[str, tuple[int, int]], *, fingerprint: str = "sha256:c") -> EvalReport:
    by_group = {g: stats.proportion(k, n, higher_is_better=True) for g, (k, n) in groups.items()}
    total_k, total_n = sum(k for k, _ in groups.values()), sum(n for _, n in groups.values())
    metric = stats.with_groups(stats.proportion(total_k, total_n, higher_is_better=True), by_group)
    return EvalReport(
        guard_version="test", model=ModelInfo(spec="fake:m", kind="fake", fingerprint=fingerprint),
        suite=SuiteInfo(name="s", source="s.yaml", sha256="0"),
        results=[EvalResult(task="t", evaluator="accuracy", metrics={"accuracy": metric})],
    )


def _policy(**relative: object) -> Policy:
    """A per-group relative rule; min_n defaults to 1 here (it is required) unless a test sets it."""
    rule = {"id": "r", "metric": "t.accuracy", "per_group": True,
            "relative": {"baseline": "production", "min_n": 1, **relative}}
    return Policy.model_validate({"name": "p", "rules": [rule]})


def _whole(**relative: object) -> Policy:
    return Policy.model_validate({"name": "p", "rules": [
        {"id": "r", "metric": "t.accuracy", "relative": {"baseline": "production", **relative}}]})


def _by_hand(cand: tuple[int, int], base: tuple[int, int], allowed: float) -> float:
    """One-sided p of H0 'drop <= allowed' with the unpooled two-proportion standard error."""
    p1, n1 = cand[0] / cand[1], cand[1]
    p2, n2 = base[0] / base[1], base[1]
    se = math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2)
    return 1 - NormalDist().cdf(((p2 - p1) - allowed) / se)


# ------------------------------------------------------------------------------------------- max_drop_pct


def test_max_drop_pct_is_relative_to_the_baseline() -> None:
    baseline = _report({"a": (80, 100)})  # 0.80
    # 2% of 0.80 = 0.016: 0.79 is 0.01 worse (passes), 0.78 is 0.02 worse (fails)
    assert check(_report({"a": (79, 100)}), _whole(max_drop_pct=2), baseline).status == "pass"
    failed = check(_report({"a": (78, 100)}), _whole(max_drop_pct=2), baseline)
    assert failed.status == "fail" and "allowed 2%" in failed.outcomes[0].message
    assert "at most 2% worse than production" in failed.outcomes[0].threshold


def test_both_allowances_take_the_smaller_margin() -> None:
    baseline = _report({"a": (80, 100)})
    # max_drop 0.05 alone passes a 0.02 drop; with 2% (0.016) next to it, the tighter margin decides
    assert check(_report({"a": (78, 100)}), _whole(max_drop=0.05), baseline).status == "pass"
    assert check(_report({"a": (78, 100)}), _whole(max_drop=0.05, max_drop_pct=2), baseline).status == "fail"


def test_zero_baseline_makes_a_percentage_rule_inconclusive() -> None:
    baseline = _report({"a": (0, 100)})
    verdict = check(_report({"a": (0, 100)}), _whole(max_drop_pct=5), baseline)
    assert verdict.status == "inconclusive" and "undefined" in verdict.outcomes[0].message
    # an absolute allowance next to it still judges
    assert check(_report({"a": (0, 100)}), _whole(max_drop_pct=5, max_drop=0.01), baseline).status == "pass"


# ------------------------------------------------------------------------------------ per group with Holm

GROUPS_BASE = {"a": (160, 200), "b": (150, 200), "c": (170, 200), "d": (140, 200), "e": (90, 100)}
GROUPS_CAND = {"a": (150, 200), "b": (149, 200), "c": (140, 200), "d": (139, 200), "e": (85, 100)}


def test_per_group_holm_equals_statsmodels_and_the_decision_a_hand_computation() -> None:
    policy = _policy(max_drop=0.02, alpha=0.05)
    verdict = check(_report(GROUPS_CAND), policy, _report(GROUPS_BASE))
    outcome = verdict.outcomes[0]
    assert outcome.correction == "holm" and outcome.alpha == 0.05
    by_group = {c.group: c for c in outcome.comparisons}
    assert sorted(by_group) == sorted(GROUPS_BASE)
    raw = [_by_hand(GROUPS_CAND[g], GROUPS_BASE[g], 0.02) for g in sorted(GROUPS_BASE)]
    reject, adjusted, _, _ = multipletests(raw, alpha=0.05, method="holm")
    for group, p, q, rejected in zip(sorted(GROUPS_BASE), raw, adjusted, reject):
        assert by_group[group].test == TEST_PROPORTIONS
        assert by_group[group].p_value == pytest.approx(p, rel=1e-9)
        assert by_group[group].p_adjusted == pytest.approx(q, rel=1e-9)
        assert by_group[group].significant == bool(rejected)
    # by hand: c dropped 0.15 (far beyond 0.02) and is significant; a dropped 0.05, e 0.05 on n=100
    assert [g for g in sorted(GROUPS_BASE) if by_group[g].significant] == [g for g, r in
                                                                          zip(sorted(GROUPS_BASE), reject) if r]
    assert by_group["c"].significant and not by_group["b"].significant
    assert verdict.status == ("fail" if any(reject) else "pass")
    assert "group 'c'" in outcome.message and "Holm-adjusted" in outcome.message


def test_holm_helper_matches_statsmodels_on_ties_and_ones() -> None:
    for ps in ([0.01, 0.04, 0.03, 0.2], [0.5, 0.5, 0.001], [1.0], [0.02, 0.02, 0.02, 0.9, 0.0]):
        assert holm(ps) == pytest.approx(list(multipletests(ps, method="holm")[1]))


def test_many_slightly_worse_groups_do_not_manufacture_a_failure() -> None:
    """Twenty groups, each 0.03 worse on n=100 against a margin of 0.02: every point estimate exceeds the
    margin, none significantly, so the rule passes, with a note per group; without per_group and Holm, a
    naive per-group point rule would have failed twenty times."""
    base = {f"g{i:02d}": (80, 100) for i in range(20)}
    cand = {f"g{i:02d}": (77, 100) for i in range(20)}
    verdict = check(_report(cand), _policy(max_drop=0.02), _report(base))
    outcome = verdict.outcomes[0]
    assert verdict.status == "pass" and not any(c.significant for c in outcome.comparisons)
    assert len(outcome.notes) == 20 and "not significant at alpha 0.05 after Holm" in outcome.notes[0]
    assert "drop 0.03 > 0.02 allowed" in outcome.notes[0] and "p_adj=" in outcome.notes[0]
    raw = _by_hand((77, 100), (80, 100), 0.02)
    assert outcome.comparisons[0].p_value == pytest.approx(raw) and raw > 0.05


def test_min_n_makes_a_small_group_inconclusive_not_skipped() -> None:
    base, cand = {"a": (160, 200), "tiny": (9, 10)}, {"a": (159, 200), "tiny": (2, 10)}
    verdict = check(_report(cand), _policy(max_drop=0.02, min_n=30), _report(base))
    assert verdict.status == "inconclusive" and "'tiny' (n=10 vs 10)" in verdict.outcomes[0].message


def test_reviewers_tiny_group_is_refused_without_min_n_and_inconclusive_with_it(tmp_path) -> None:
    """Baseline 2/2, candidate 1/2, max_drop 0.05: a drop of 0.5 whose Holm-adjusted p is far above alpha.
    Without min_n the rule is refused at load; with min_n 30 the n=2 group makes it inconclusive, not a pass."""
    with pytest.raises(GuardError) as info:
        _load(tmp_path, "{baseline: production, max_drop: 0.05}")
    line = info.value.one_line()
    assert "p.yaml:3" in line and "add relative.min_n: 30" in line and "\n" not in line
    policy = _load(tmp_path, "{baseline: production, max_drop: 0.05, min_n: 30}")
    verdict = check(_report({"a": (1, 2)}), policy, _report({"a": (2, 2)}))
    assert verdict.status == "inconclusive" and "'a' (n=2 vs 2)" in verdict.outcomes[0].message
    # with min_n met the same kind of drop is judged; not significant, it passes but is reported as a note
    small = check(_report({"a": (1, 2)}), _policy(max_drop=0.05), _report({"a": (2, 2)}))
    outcome = small.outcomes[0]
    assert small.status == "pass" and not outcome.comparisons[0].significant
    assert outcome.notes == [f"group 'a': drop 0.5 > 0.05 allowed, not significant at alpha 0.05 after Holm over 1 "
                             f"groups (p_adj={outcome.comparisons[0].p_adjusted:.3g})"]


def test_groups_missing_on_one_side_are_inconclusive() -> None:
    verdict = check(_report({"a": (160, 200)}), _policy(max_drop=0.02), _report({"a": (160, 200), "b": (9, 10)}))
    assert verdict.status == "inconclusive" and "only the baseline ['b']" in verdict.outcomes[0].message


def test_non_proportion_metrics_use_the_interval_half_widths() -> None:
    def report(value: float, low: float, high: float) -> EvalReport:
        group = MetricValue(value=value, ci_low=low, ci_high=high, n=50, higher_is_better=True,
                            ci_method="bootstrap(seed=0,n=1000)")
        metric = group.model_copy(update={"by_group": {"x": group}})
        return _report({"a": (1, 2)}).model_copy(update={"results": [
            EvalResult(task="t", evaluator="accuracy", metrics={"accuracy": metric})]})

    verdict = check(report(0.70, 0.60, 0.80), _policy(max_drop=0.01), report(0.90, 0.86, 0.94))
    comparison = verdict.outcomes[0].comparisons[0]
    se = math.hypot(0.2 / (2 * 1.959963984540054), 0.08 / (2 * 1.959963984540054))
    assert comparison.test == TEST_FROM_CI
    assert comparison.p_value == pytest.approx(1 - NormalDist().cdf((0.2 - 0.01) / se))
    assert verdict.status == "fail"


# --------------------------------------------------------------------------------------------- validation


def _load(tmp_path, relative: str, extra: str = "    per_group: true\n") -> Policy:
    path = tmp_path / "p.yaml"
    path.write_text(f"name: p\nrules:\n  - id: r\n    metric: t.accuracy\n{extra}    relative: {relative}\n")
    return load_policy(path)


def test_unknown_relative_key_suggests_the_right_one(tmp_path) -> None:
    with pytest.raises(GuardError) as info:
        _load(tmp_path, "{baseline: production, max_drop_pc: 2}")
    assert "max_drop_pct" in info.value.one_line()


@pytest.mark.parametrize("relative", ["{baseline: production, max_drop_pct: .nan}",
                                      "{baseline: production, max_drop: .inf}",
                                      "{baseline: production, max_drop: 0.1, alpha: .nan}"])
def test_non_finite_numbers_are_refused(tmp_path, relative: str) -> None:
    with pytest.raises(GuardError, match="finite"):
        _load(tmp_path, relative)


@pytest.mark.parametrize(("relative", "extra", "message"), [
    ("{max_drop: 0.1, per_group: true}", "", "baseline"),  # per_group without a baseline
    ("{max_drop: 0.1}", "    per_group: true\n", "baseline"),
    ("{baseline: production}", "", "max_drop or max_drop_pct"),
    ("{baseline: production, max_drop: 0.1, min_n: 30}", "", "per_group"),
    ("{baseline: production, max_drop: 0.1, alpha: 0.1}", "", "per_group"),
    ("{baseline: production, max_drop: 0.1, min_n: 30, alpha: 1.5}", "    per_group: true\n", "alpha"),
    ("{baseline: production, max_drop: 0.1}", "    per_group: true\n", "needs relative.min_n"),
    ("{baseline: production, max_drop_pct: -2}", "", "max_drop_pct"),
])
def test_bad_relative_rules_are_refused(tmp_path, relative: str, extra: str, message: str) -> None:
    with pytest.raises(GuardError, match=message):
        _load(tmp_path, relative, extra)
