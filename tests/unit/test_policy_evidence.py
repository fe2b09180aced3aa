"""Policies that cannot be fooled: finite thresholds, evidence pins, sign-off, comparable baselines."""

from __future__ import annotations

from pathlib import Path

import pytest

from guard.errors import GuardError
from guard.evidence import incomparable, pin_problems, plan_consistency
from guard.policy import check, load_policy
from guard.types import (
    DatasetInfo,
    EvalReport,
    EvalResult,
    MetricValue,
    ModelInfo,
    Overrides,
    RunPlan,
    SuiteInfo,
    TaskPlan,
)

SUITE = SuiteInfo(name="s", source="s.yaml", sha256="5" * 64)
MODEL = ModelInfo(spec="python:m.py:f", kind="python", fingerprint="sha256:" + "a" * 64)
DATA = DatasetInfo(source="rows.tsv", fingerprint="sha256:" + "d" * 64, rows=872)


def _policy(tmp_path: Path, text: str) -> object:
    path = tmp_path / "policy.yaml"
    path.write_text(text)
    return load_policy(path)


@pytest.mark.parametrize(("threshold", "message"), [
    (".nan", "finite number"), (".inf", "finite number"), ("-.inf", "finite number"),
    ("'0.99'", "valid number"), ("true", "valid number"),
])
def test_thresholds_that_cannot_fail_or_pass_are_errors_with_file_and_line(tmp_path: Path, threshold: str,
                                                                            message: str) -> None:
    with pytest.raises(GuardError, match=message) as caught:
        _policy(tmp_path, f"name: p\nrules:\n  - id: r\n    metric: t.accuracy\n    min: {threshold}\n")
    assert caught.value.where == f"{tmp_path / 'policy.yaml'}:5"


def test_relative_max_drop_must_be_finite(tmp_path: Path) -> None:
    with pytest.raises(GuardError, match="finite number"):
        _policy(tmp_path, "name: p\nrules:\n  - id: r\n    metric: t.accuracy\n"
                          "    relative: {baseline: production, max_drop: .nan}\n")


def test_integer_thresholds_are_numbers(tmp_path: Path) -> None:
    policy = _policy(tmp_path, "name: p\nrules:\n  - id: r\n    metric: t.accuracy\n    min: 1\n")
    assert policy.rules[0].min == 1.0


def _plan(*, rows: int = 872, data: dict[str, str] | None = None, limit: int | None = None, seed: int = 0) -> RunPlan:
    dataset = DATA.model_copy(update={"rows": rows})
    return RunPlan(suite=SUITE, model=MODEL, seed=seed, overrides=Overrides(data=data or {}, limit=limit, seed=seed),
                   tasks=[TaskPlan(task="t", evaluator="accuracy", dataset=dataset)])


def test_without_pins_ad_hoc_overrides_are_not_release_evidence(tmp_path: Path) -> None:
    policy = _policy(tmp_path, "name: p\nrules:\n  - {id: r, metric: t.accuracy, min: 0.5}\n")
    assert pin_problems(_plan(), policy) == []
    assert "--data t=easy.tsv" in pin_problems(_plan(data={"t": "easy.tsv"}), policy)[0]
    assert "--limit 20" in pin_problems(_plan(rows=20, limit=20), policy)[0]
    assert "--seed 3" in pin_problems(_plan(seed=3), policy)[0]
    assert pin_problems(None, policy) and "no run plan" in pin_problems(None, policy)[0]
    # guard check only applies explicit pins; this policy has none
    assert pin_problems(_plan(data={"t": "easy.tsv"}), policy, explicit_only=True) == []


def test_pins_accept_exactly_what_they_pin(tmp_path: Path) -> None:
    policy = _policy(tmp_path, f"""name: p
rules:
  - {{id: r, metric: t.accuracy, min: 0.5}}
evidence:
  suite: {{name: s, sha256: '{"5" * 64}'}}
  seed: 3
  tasks:
    t: {{dataset: '{DATA.fingerprint}', min_n: 500}}
""")
    assert pin_problems(_plan(data={"t": "copy.tsv"}, seed=3), policy) == []
    assert pin_problems(_plan(rows=600, limit=600, seed=3), policy) == []
    problems = pin_problems(_plan(rows=20, limit=20, seed=3), policy)
    assert problems == ["task 't' used 20 rows; the policy pins at least 500"]
    other = _plan(seed=3).model_copy(update={"suite": SUITE.model_copy(update={"sha256": "6" * 64})})
    assert "the suite file changed" in pin_problems(other, policy)[0]
    assert "--seed 0" in pin_problems(_plan(), policy)[0]


def test_pins_are_validated(tmp_path: Path) -> None:
    with pytest.raises(GuardError, match="dataset"):
        _policy(tmp_path, "name: p\nrules:\n  - {id: r, metric: t.accuracy, min: 0.5}\n"
                          "evidence: {tasks: {t: {dataset: 'not-a-fingerprint'}}}\n")
    with pytest.raises(GuardError, match="unknown key 'evidence.tasks.t.min_rows'.*min_n"):
        _policy(tmp_path, "name: p\nrules:\n  - {id: r, metric: t.accuracy, min: 0.5}\n"
                          "evidence: {tasks: {t: {min_rows: 3}}}\n")
    with pytest.raises(GuardError, match="approvals.min"):
        _policy(tmp_path, "name: p\nrules:\n  - {id: r, metric: t.accuracy, min: 0.5}\napprovals: {min: 0}\n")


def _report(plan: RunPlan | None, *, rows: int = 872, value: float = 0.9, seed: int = 0) -> EvalReport:
    metric = MetricValue(value=value, ci_low=value - 0.05, ci_high=min(1.0, value + 0.05), n=rows,
                         higher_is_better=True)
    result = EvalResult(task="t", evaluator="accuracy", metrics={"accuracy": metric},
                        dataset=DATA.model_copy(update={"rows": rows}))
    return EvalReport(guard_version="0", model=MODEL, suite=SUITE, seed=seed, results=[result], plan=plan)


def test_plan_consistency_catches_a_report_that_is_not_its_plan() -> None:
    assert plan_consistency(_report(_plan())) == []
    assert "other data" in plan_consistency(_report(_plan(rows=20)))[0]
    assert "no run plan" in plan_consistency(_report(None))[0]


def test_relative_rules_refuse_apples_to_oranges(tmp_path: Path) -> None:
    policy = _policy(tmp_path, "name: p\nrules:\n  - {id: r, metric: t.accuracy, "
                               "relative: {baseline: production, max_drop: 0.01}}\n")
    candidate, same = _report(_plan()), _report(_plan(), value=0.9)
    assert incomparable(candidate, same, "t") is None
    assert check(candidate, policy, same).status == "pass"
    smaller = _report(_plan(rows=20), rows=20, value=0.5)
    assert "872 rows" in incomparable(candidate, smaller, "t") and "20 rows" in incomparable(candidate, smaller, "t")
    verdict = check(candidate, policy, smaller)
    assert verdict.status == "inconclusive" and "apples-to-oranges" in verdict.outcomes[0].message
    assert "seed" in incomparable(candidate, _report(_plan(seed=1), seed=1), "t")


def test_a_pinned_policy_makes_guard_check_inconclusive_on_other_evidence(tmp_path: Path) -> None:
    policy = _policy(tmp_path, "name: p\nrules:\n  - {id: r, metric: t.accuracy, min: 0.5}\n"
                               "evidence: {tasks: {t: {min_n: 500}}}\n")
    assert check(_report(_plan()), policy).status == "pass"
    verdict = check(_report(_plan(rows=20, limit=20), rows=20), policy)
    assert verdict.status == "inconclusive" and verdict.evidence_problems == [
        "task 't' used 20 rows; the policy pins at least 500"]
    assert check(_report(None), policy).status == "inconclusive"
