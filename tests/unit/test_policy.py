"""Policies: strict loading, and check() failing closed on hand-built reports."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from guard.errors import GuardError
from guard.policy import Policy, Rule, check, load_policy
from guard.types import EvalReport, EvalResult, MetricValue, ModelInfo, SuiteInfo


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "policy.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def _load_error(tmp_path: Path, text: str) -> str:
    path = _write(tmp_path, text)
    with pytest.raises(GuardError) as info:
        load_policy(path)
    return str(info.value)


def mv(value: float, low: float | None = None, high: float | None = None, *, n: int = 100,
       higher_is_better: bool | None = True) -> MetricValue:
    return MetricValue(value=value, ci_low=value if low is None else low, ci_high=value if high is None else high,
                       n=n, higher_is_better=higher_is_better, ci_method="test")


def report(*results: EvalResult, fingerprint: str = "sha256:abc") -> EvalReport:
    return EvalReport(
        guard_version="0.0.test",
        model=ModelInfo(spec="fake:model", kind="fake", fingerprint=fingerprint),
        suite=SuiteInfo(name="s", source="s.yaml", sha256="0" * 64),
        results=list(results),
    )


def result(task: str, **metrics: MetricValue) -> EvalResult:
    return EvalResult(task=task, evaluator="accuracy", metrics=metrics)


def crashed(task: str, error: str = "CUDA out of memory") -> EvalResult:
    return EvalResult(task=task, evaluator="accuracy", status="error", error=error)


def policy(*rules: dict) -> Policy:
    return Policy(name="p", rules=[Rule(**r) for r in rules])


ACC_MIN = {"id": "acc", "metric": "sentiment.accuracy", "min": 0.8}


# --------------------------------------------------------------------------- loading


def test_builtin_policy_loads() -> None:
    p = load_policy("default")
    assert p.name == "default"
    assert len(p.rules) >= 1
    assert len(p.sha256) == 64
    assert all(r.severity in ("block", "warn") for r in p.rules)


def test_policy_file_loads_with_hash(tmp_path: Path) -> None:
    path = _write(tmp_path, """\
        name: release
        rules:
          - id: sentiment-accuracy
            metric: sentiment.accuracy
            min: 0.80
            severity: block
            controls: [EU-AIA-Art15(1), NIST-RMF-MEASURE-2.5, ISO42001-A.6.2.4]
          - id: drop
            metric: sentiment.macro_f1
            relative: {baseline: production, max_drop: 0.01}
            "on": ci_low
            severity: warn
        """)
    p = load_policy(path)
    assert [r.id for r in p.rules] == ["sentiment-accuracy", "drop"]
    assert p.rules[0].controls == ["EU-AIA-Art15(1)", "NIST-RMF-MEASURE-2.5", "ISO42001-A.6.2.4"]
    assert p.rules[1].relative.max_drop == 0.01
    assert p.rules[1].on == "ci_low"
    first = p.sha256
    path.write_text(path.read_text().replace("0.80", "0.81"))
    assert load_policy(path).sha256 != first


def test_rule_without_threshold(tmp_path: Path) -> None:
    msg = _load_error(tmp_path, "name: p\nrules:\n  - id: r1\n    metric: a.accuracy\n    severity: block\n")
    assert "needs min, max or relative" in msg
    assert f"{tmp_path / 'policy.yaml'}:3" in msg


def test_min_above_max(tmp_path: Path) -> None:
    msg = _load_error(tmp_path, "name: p\nrules:\n  - id: r1\n    metric: a.accuracy\n    min: 0.9\n    max: 0.5\n")
    assert "min 0.9 above max 0.5" in msg
    assert f"{tmp_path / 'policy.yaml'}:3" in msg


@pytest.mark.parametrize("control", ["EU-AI-Art15", "EU-AIA-Article15", "NIST-MEASURE-2.5", "iso42001-A.6.2.4", ""])
def test_bad_control_id(tmp_path: Path, control: str) -> None:
    msg = _load_error(tmp_path, f"name: p\nrules:\n  - id: r1\n    metric: a.accuracy\n    min: 0.5\n"
                                f"    controls: [NIST-RMF-MEASURE-2.5, '{control}']\n")
    assert f"'{control}' is not a control id" in msg
    assert f"{tmp_path / 'policy.yaml'}:6" in msg


@pytest.mark.parametrize(
    "control",
    ["EU-AIA-Art15(1)", "EU-AIA-Art9(8)", "EU-AIA-Art10(2)(f)", "EU-AIA-AnnexIV", "NIST-RMF-MEASURE-2.11",
     "NIST-RMF-GOVERN-1.1", "ISO42001-A.6.2.4", "ISO42001-Cl.9.1"],
)
def test_good_control_ids(control: str) -> None:
    assert Rule(id="r", metric="a.b", min=0, controls=[control]).controls == [control]


def test_duplicate_rule_ids(tmp_path: Path) -> None:
    msg = _load_error(tmp_path, """\
        name: p
        rules:
          - {id: r1, metric: a.accuracy, min: 0.9}
          - {id: r2, metric: a.f1, min: 0.9}
          - {id: r1, metric: a.f1, min: 0.9}
        """)
    assert "unique" in msg and "r1" in msg and "r2" not in msg.split("repeated:")[-1]


def test_unknown_rule_key_did_you_mean_with_line(tmp_path: Path) -> None:
    msg = _load_error(tmp_path,
                      "name: p\nrules:\n  - id: r1\n    metric: a.accuracy\n    min: 0.9\n    severty: warn\n")
    assert "unknown key 'rules.0.severty'" in msg
    assert "did you mean 'severity'?" in msg
    assert msg.startswith(f"{tmp_path / 'policy.yaml'}:6:")


def test_bad_severity_and_on_values(tmp_path: Path) -> None:
    msg = _load_error(tmp_path,
                      "name: p\nrules:\n  - id: r1\n    metric: a.accuracy\n    min: 0.9\n    severity: fatal\n")
    assert "severity" in msg and f"{tmp_path / 'policy.yaml'}:6" in msg
    msg = _load_error(tmp_path, "name: p\nrules:\n  - id: r1\n    metric: a.accuracy\n    min: 0.9\n    'on': median\n")
    assert "rules.0.on" in msg and f"{tmp_path / 'policy.yaml'}:6" in msg


def test_bare_on_key_as_documented(tmp_path: Path) -> None:
    path = _write(tmp_path, "name: p\nrules:\n  - id: r1\n    metric: a.accuracy\n    min: 0.9\n    on: ci_low\n")
    assert load_policy(path).rules[0].on == "ci_low"


def test_metric_must_be_task_dot_metric(tmp_path: Path) -> None:
    msg = _load_error(tmp_path, "name: p\nrules:\n  - id: r1\n    metric: accuracy\n    min: 0.9\n")
    assert "rules.0.metric" in msg and f"{tmp_path / 'policy.yaml'}:4" in msg


def test_policy_yaml_rejects_code_tags(tmp_path: Path) -> None:
    msg = _load_error(tmp_path, "name: !!python/object/apply:os.system ['true']\nrules: []\n")
    assert "not allowed" in msg


def test_negative_max_drop(tmp_path: Path) -> None:
    msg = _load_error(tmp_path,
                      "name: p\nrules:\n  - id: r1\n    metric: a.f1\n    relative: {baseline: prod, max_drop: -0.1}\n")
    assert "max_drop" in msg


# --------------------------------------------------------------------------- check: absolute rules


def test_pass() -> None:
    v = check(report(result("sentiment", accuracy=mv(0.9, 0.85, 0.94))), policy(ACC_MIN))
    assert v.status == "pass" and v.passed and v.exit_code == 0
    (o,) = v.outcomes
    assert o.status == "pass" and o.judged == 0.9 and o.measured.value == 0.9
    assert v.warnings == []
    assert v.model_fingerprint == "sha256:abc" and v.model_spec == "fake:model"


def test_max_rule() -> None:
    r = report(result("eff", latency_ms=mv(120.0, 110, 130, higher_is_better=False)))
    assert check(r, policy({"id": "lat", "metric": "eff.latency_ms", "max": 150})).status == "pass"
    v = check(r, policy({"id": "lat", "metric": "eff.latency_ms", "max": 100}))
    assert v.status == "fail" and "> max 100" in v.outcomes[0].message


def test_threshold_is_inclusive() -> None:
    v = check(report(result("sentiment", accuracy=mv(0.8))), policy(ACC_MIN))
    assert v.status == "pass"


def test_block_failure_fails_with_exit_1() -> None:
    v = check(report(result("sentiment", accuracy=mv(0.7, 0.6, 0.78))), policy(ACC_MIN))
    assert v.status == "fail" and not v.passed and v.exit_code == 1
    assert v.outcomes[0].status == "fail"
    assert "< min 0.8" in v.outcomes[0].message


def test_warn_failure_alone_passes_with_a_warning() -> None:
    v = check(report(result("sentiment", accuracy=mv(0.7, 0.6, 0.78))), policy({**ACC_MIN, "severity": "warn"}))
    assert v.status == "pass" and v.exit_code == 0
    assert [o.rule_id for o in v.warnings] == ["acc"]
    assert v.outcomes[0].status == "fail"


def test_missing_task_is_inconclusive() -> None:
    v = check(report(result("other", accuracy=mv(0.99))), policy(ACC_MIN))
    assert v.status == "inconclusive" and v.exit_code == 2 and not v.passed
    msg = v.outcomes[0].message
    assert "sentiment" in msg and "other" in msg


def test_crashed_task_is_inconclusive() -> None:
    v = check(report(crashed("sentiment")), policy(ACC_MIN))
    assert v.status == "inconclusive" and v.exit_code == 2
    assert "sentiment" in v.outcomes[0].message and "CUDA out of memory" in v.outcomes[0].message
    assert v.failed_tasks == {"sentiment": "CUDA out of memory"}


def test_crashed_task_no_rule_names_still_blocks_a_pass() -> None:
    v = check(report(result("sentiment", accuracy=mv(0.9)), crashed("efficiency")), policy(ACC_MIN))
    assert v.failed_tasks == {"efficiency": "CUDA out of memory"}
    assert v.status == "inconclusive" and v.exit_code == 2


def test_missing_metric_is_inconclusive_and_lists_available_metrics() -> None:
    r = report(result("sentiment", macro_f1=mv(0.9), precision=mv(0.9)))
    v = check(r, policy(ACC_MIN))
    assert v.status == "inconclusive" and v.exit_code == 2
    msg = v.outcomes[0].message
    assert "sentiment" in msg and "accuracy" in msg
    assert "macro_f1" in msg and "precision" in msg


def test_empty_report_is_inconclusive_not_pass() -> None:
    v = check(report(), policy(ACC_MIN))
    assert v.status == "inconclusive"


def test_block_failure_wins_over_inconclusive() -> None:
    r = report(result("sentiment", accuracy=mv(0.5)))
    v = check(r, policy(ACC_MIN, {"id": "f1", "metric": "sentiment.macro_f1", "min": 0.5}))
    assert [o.status for o in v.outcomes] == ["fail", "inconclusive"]
    assert v.status == "fail" and v.exit_code == 1


def test_warn_failure_with_inconclusive_is_inconclusive() -> None:
    r = report(result("sentiment", accuracy=mv(0.5)))
    v = check(r, policy({**ACC_MIN, "severity": "warn"}, {"id": "f1", "metric": "sentiment.macro_f1", "min": 0.5}))
    assert v.status == "inconclusive" and v.exit_code == 2


def test_on_ci_low_judges_the_lower_bound() -> None:
    r = report(result("sentiment", accuracy=mv(0.85, 0.78, 0.9)))
    assert check(r, policy(ACC_MIN)).status == "pass"
    v = check(r, policy({**ACC_MIN, "on": "ci_low"}))
    assert v.status == "fail"
    assert v.outcomes[0].judged == 0.78
    assert v.outcomes[0].measured.value == 0.85  # the report still shows the point value
    assert "(ci_low)" in v.outcomes[0].threshold


def test_on_ci_high_judges_the_upper_bound() -> None:
    r = report(result("pii", leak_rate=mv(0.0, 0.0, 0.036, higher_is_better=False)))
    rule = {"id": "leaks", "metric": "pii.leak_rate", "max": 0.01}
    assert check(r, policy(rule)).status == "pass"
    v = check(r, policy({**rule, "on": "ci_high"}))
    assert v.status == "fail" and v.outcomes[0].judged == 0.036


def test_note_when_the_ci_contains_the_threshold() -> None:
    v = check(report(result("sentiment", accuracy=mv(0.82, 0.74, 0.89, n=60))), policy(ACC_MIN))
    assert v.status == "pass"
    (note,) = v.outcomes[0].notes
    assert "contains the threshold 0.8" in note and "n=60" in note


def test_no_note_when_the_ci_is_clear_of_the_threshold() -> None:
    v = check(report(result("sentiment", accuracy=mv(0.9, 0.85, 0.94))), policy(ACC_MIN))
    assert v.outcomes[0].notes == []
    v = check(report(result("sentiment", accuracy=mv(0.7, 0.6, 0.79))), policy(ACC_MIN))
    assert v.outcomes[0].notes == []


def test_no_note_when_the_rule_already_judges_a_bound() -> None:
    v = check(report(result("sentiment", accuracy=mv(0.82, 0.74, 0.89))), policy({**ACC_MIN, "on": "ci_low"}))
    assert v.outcomes[0].notes == []


# --------------------------------------------------------------------------- check: relative rules


REL = {"id": "f1-drop", "metric": "sentiment.macro_f1", "relative": {"baseline": "production", "max_drop": 0.02}}


def test_relative_drop_within_allowance_passes() -> None:
    v = check(report(result("sentiment", macro_f1=mv(0.89))), policy(REL),
              baseline=report(result("sentiment", macro_f1=mv(0.90))))
    assert v.status == "pass"
    assert v.outcomes[0].baseline.value == 0.90


def test_relative_improvement_passes() -> None:
    v = check(report(result("sentiment", macro_f1=mv(0.95))), policy(REL),
              baseline=report(result("sentiment", macro_f1=mv(0.90))))
    assert v.status == "pass"


def test_relative_drop_too_large_fails() -> None:
    v = check(report(result("sentiment", macro_f1=mv(0.85))), policy(REL),
              baseline=report(result("sentiment", macro_f1=mv(0.90))))
    assert v.status == "fail" and v.exit_code == 1
    assert "production" in v.outcomes[0].message


def test_relative_rule_on_a_lower_is_better_metric() -> None:
    rule = {"id": "lat", "metric": "eff.latency_ms", "relative": {"baseline": "production", "max_drop": 10}}
    base = report(result("eff", latency_ms=mv(100.0, higher_is_better=False)))
    faster = report(result("eff", latency_ms=mv(60.0, higher_is_better=False)))
    slightly_slower = report(result("eff", latency_ms=mv(108.0, higher_is_better=False)))
    much_slower = report(result("eff", latency_ms=mv(125.0, higher_is_better=False)))
    assert check(faster, policy(rule), baseline=base).status == "pass"
    assert check(slightly_slower, policy(rule), baseline=base).status == "pass"
    assert check(much_slower, policy(rule), baseline=base).status == "fail"


def test_relative_rule_without_baseline_is_inconclusive() -> None:
    v = check(report(result("sentiment", macro_f1=mv(0.95))), policy(REL))
    assert v.status == "inconclusive" and v.exit_code == 2
    assert "baseline" in v.outcomes[0].message and "production" in v.outcomes[0].message


def test_baseline_missing_the_metric_is_inconclusive() -> None:
    v = check(report(result("sentiment", macro_f1=mv(0.95))), policy(REL),
              baseline=report(result("sentiment", accuracy=mv(0.9))))
    assert v.status == "inconclusive"
    assert "baseline" in v.outcomes[0].message and "macro_f1" in v.outcomes[0].message


def test_relative_rule_on_a_metric_without_direction_is_inconclusive() -> None:
    rule = {"id": "size", "metric": "eff.parameters", "relative": {"baseline": "production", "max_drop": 0}}
    v = check(report(result("eff", parameters=mv(10.0, higher_is_better=None))), policy(rule),
              baseline=report(result("eff", parameters=mv(10.0, higher_is_better=None))))
    assert v.status == "inconclusive"


def test_relative_and_absolute_thresholds_together() -> None:
    rule = {**REL, "min": 0.9}
    v = check(report(result("sentiment", macro_f1=mv(0.89))), policy(rule),
              baseline=report(result("sentiment", macro_f1=mv(0.90))))
    assert v.status == "fail"  # the drop is allowed but the absolute floor is not met


# --------------------------------------------------------------------------- rendering


def test_verdict_table_lists_rules_and_results() -> None:
    r = report(result("sentiment", accuracy=mv(0.9, 0.85, 0.94), macro_f1=mv(0.5, 0.4, 0.6)))
    v = check(r, policy(ACC_MIN, {"id": "f1-floor", "metric": "sentiment.macro_f1", "min": 0.7}))
    text = v.table()
    assert isinstance(text, str)
    assert "acc" in text and "f1-floor" in text
    assert "PASS" in text and "FAIL" in text
    assert "0.9" in text and "[0.85, 0.94]" in text
