"""Policy rules on group metrics: min_group_size makes thin evidence inconclusive, per_group, [group]."""

from __future__ import annotations

import pytest

from guard import stats
from guard.errors import GuardError
from guard.policy import Policy, check
from guard.types import EvalReport, EvalResult, ModelInfo, SuiteInfo


def _report(groups: dict[str, tuple[int, int]]) -> EvalReport:
    by_group = {g: stats.proportion(k, n, higher_is_better=True) for g, (k, n) in groups.items()}
    total_k, total_n = sum(k for k, _ in groups.values()), sum(n for _, n in groups.values())
    metric = stats.with_groups(stats.proportion(total_k, total_n, higher_is_better=True), by_group)
    gap = stats.with_groups(stats.exact(0.05, n=total_n, higher_is_better=False), by_group)
    return EvalReport(
        guard_version="test",
        model=ModelInfo(spec="fake:m", kind="fake", fingerprint="sha256:x"),
        suite=SuiteInfo(name="s", source="s.yaml", sha256="0"),
        results=[EvalResult(task="t", evaluator="bias.group", metrics={"accuracy": metric, "dp_diff": gap})],
    )


def _policy(**rule) -> Policy:
    return Policy.model_validate({"name": "p", "rules": [{"id": "r", **rule}]})


def test_group_below_min_size_is_inconclusive_not_pass() -> None:
    report = _report({"a": (90, 100), "b": (9, 10)})
    verdict = check(report, _policy(metric="t.dp_diff", max=0.1, min_group_size=30))
    assert verdict.status == "inconclusive" and verdict.exit_code == 2
    assert "'b' (n=10)" in verdict.outcomes[0].message


def test_groups_large_enough_are_judged() -> None:
    report = _report({"a": (90, 100), "b": (45, 50)})
    assert check(report, _policy(metric="t.dp_diff", max=0.1, min_group_size=30)).status == "pass"


def test_min_group_size_on_a_metric_without_groups_is_inconclusive() -> None:
    report = _report({"a": (90, 100)})
    bare_result = report.results[0].model_copy(update={"metrics": {"x": stats.exact(1.0)}})
    bare = report.model_copy(update={"results": [bare_result]})
    verdict = check(bare, _policy(metric="t.x", max=2, min_group_size=5))
    assert verdict.status == "inconclusive" and "no per-group breakdown" in verdict.outcomes[0].message


def test_per_group_fails_when_any_group_fails() -> None:
    report = _report({"a": (95, 100), "b": (30, 50)})
    verdict = check(report, _policy(metric="t.accuracy", min=0.7, per_group=True))
    assert verdict.status == "fail"
    assert "group 'b'" in verdict.outcomes[0].message and "group 'a'" not in verdict.outcomes[0].message
    assert "in every group" in verdict.outcomes[0].threshold


def test_single_group_selector() -> None:
    report = _report({"a": (95, 100), "b": (30, 50)})
    assert check(report, _policy(metric="t.accuracy[a]", min=0.9)).status == "pass"
    assert check(report, _policy(metric="t.accuracy[b]", min=0.9)).status == "fail"
    missing = check(report, _policy(metric="t.accuracy[c]", min=0.9))
    assert missing.status == "inconclusive" and "no group 'c'" in missing.outcomes[0].message


def test_per_group_on_one_group_is_refused() -> None:
    """per_group with a baseline is a per-group relative rule (tests/unit/test_policy_relative.py); on a
    single group's selector it means nothing."""
    with pytest.raises(Exception, match="per_group"):
        _policy(metric="t.accuracy[a]", per_group=True, relative={"baseline": "production", "max_drop": 0.1})


def test_policy_file_with_group_rules_loads(tmp_path) -> None:
    from guard.policy import load_policy

    path = tmp_path / "p.yaml"
    path.write_text("name: p\nrules:\n  - id: dp\n    metric: t.dp_diff\n    max: 0.1\n    min_group_size: 30\n"
                    "  - id: each\n    metric: t.accuracy\n    min: 0.7\n    per_group: true\n")
    assert [r.id for r in load_policy(path).rules] == ["dp", "each"]
    path.write_text("name: p\nrules:\n  - id: dp\n    metric: t.dp_diff\n    max: 0.1\n    min_group_sise: 30\n")
    with pytest.raises(GuardError, match="did you mean 'min_group_size'"):
        load_policy(path)
