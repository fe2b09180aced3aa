"""Declared metrics (``MetricSpec``) and ``report_range_problems``: a report that breaks its
evaluators' declarations — a rate above 1, a negative latency, a metric the evaluator never
produces — is caught; what cannot be checked (unknown or undeclared evaluators) is skipped."""

from __future__ import annotations

import pytest

import guard
from guard.errors import GuardError
from guard.evaluators import MetricSpec, get_evaluator, registered, report_range_problems
from guard.evaluators import base as registry
from guard.types import EvalReport, EvalResult, MetricValue, ModelInfo, SuiteInfo


def mv(value: float, low: float | None = None, high: float | None = None, *, hib: bool | None = True,
       by_group: dict[str, MetricValue] | None = None) -> MetricValue:
    return MetricValue(value=value, ci_low=value if low is None else low, ci_high=value if high is None else high,
                       n=100, higher_is_better=hib, ci_method="wilson", by_group=by_group or {})


def report(*results: EvalResult) -> EvalReport:
    return EvalReport(
        guard_version="0.1.0",
        model=ModelInfo(spec="fake:m", kind="fake", fingerprint="sha256:" + "0" * 64),
        suite=SuiteInfo(name="s", source="builtin:s", sha256="0" * 64),
        results=list(results),
    )


@pytest.fixture
def scratch_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    """Evaluators a test registers disappear after it."""
    registered()  # built-ins first, so the copy holds them
    monkeypatch.setattr(registry, "_REGISTRY", dict(registry._REGISTRY))


def _noop(model, data, params, ctx):
    return guard.Scores()


def test_values_inside_their_ranges_pass_including_signed_gaps() -> None:
    ok = report(
        EvalResult(task="sentiment", evaluator="accuracy",
                   metrics={"accuracy": mv(0.9, 0.85, 0.94,
                                           by_group={"a": mv(1.0, 0.9, 1.0), "b": mv(0.0, 0.0, 0.1)})}),
        EvalResult(task="eec", evaluator="bias.eec", metrics={"eec_gender_gap": mv(-0.3, -0.5, -0.1, hib=None)}),
        EvalResult(task="speed", evaluator="efficiency",
                   metrics={"latency_p50_ms": mv(12000.0, 11000.0, 13000.0, hib=False)}),
    )
    assert report_range_problems(ok) == []


def test_a_value_outside_the_range_is_reported_with_task_evaluator_and_range() -> None:
    problems = report_range_problems(report(EvalResult(task="sentiment", evaluator="accuracy",
                                                       metrics={"accuracy": mv(2.0)})))
    assert problems == [
        "task 'sentiment' (accuracy): metric 'accuracy' value 2 is outside its declared range [0, 1]",
        "task 'sentiment' (accuracy): metric 'accuracy' ci_low 2 is outside its declared range [0, 1]",
        "task 'sentiment' (accuracy): metric 'accuracy' ci_high 2 is outside its declared range [0, 1]",
    ]


def test_a_negative_count_breaks_a_half_open_range() -> None:
    problems = report_range_problems(report(EvalResult(task="speed", evaluator="efficiency",
                                                       metrics={"latency_p95_ms": mv(-3.0, hib=False)})))
    assert len(problems) == 3 and problems[0] == (
        "task 'speed' (efficiency): metric 'latency_p95_ms' value -3 is outside its declared range [0, inf)")


def test_an_interval_end_alone_outside_the_range_is_reported() -> None:
    problems = report_range_problems(report(
        EvalResult(task="bias", evaluator="bias.group", metrics={"demographic_parity_ratio": mv(0.8, -0.05, 0.95)}),
        EvalResult(task="crows", evaluator="bias.pairs",
                   metrics={"stereotype_deviation": mv(49.0, 40.0, 51.0, hib=False)}),
    ))
    assert problems == [
        "task 'bias' (bias.group): metric 'demographic_parity_ratio' ci_low -0.05 is outside its declared range [0, 1]",
        "task 'crows' (bias.pairs): metric 'stereotype_deviation' ci_high 51 is outside its declared range [0, 50]",
    ]


def test_a_group_value_outside_the_range_is_reported_by_group() -> None:
    leak = mv(0.2, 0.1, 0.3, hib=False,
              by_group={"EMAIL_ADDRESS": mv(0.1, 0.05, 0.2), "PHONE_NUMBER": mv(1.5, 1.2, 1.7)})
    problems = report_range_problems(report(EvalResult(task="leaks", evaluator="pii.output",
                                                       metrics={"leak_rate": leak})))
    assert problems[0] == ("task 'leaks' (pii.output): metric 'leak_rate' group 'PHONE_NUMBER' value 1.5 "
                           "is outside its declared range [0, 1]")
    assert len(problems) == 3 and all("PHONE_NUMBER" in p for p in problems)


def test_float_rounding_at_a_bound_is_not_a_problem() -> None:
    edge = mv(1.0 + 1e-15, 0.9, 1.0 + 1e-15)
    assert report_range_problems(report(EvalResult(task="t", evaluator="accuracy", metrics={"accuracy": edge}))) == []


def test_a_metric_the_evaluator_does_not_declare_is_reported() -> None:
    foreign = report(EvalResult(task="sentiment", evaluator="accuracy", metrics={"accuracy": mv(0.9), "foo": mv(0.5)}))
    assert report_range_problems(foreign) == [
        "task 'sentiment' (accuracy): produced metric 'foo' that evaluator 'accuracy' does not declare"
    ]


def test_a_metric_of_another_evaluator_is_foreign_too() -> None:
    # 'leak_rate' is declared by pii.output, not by pii.dataset: the names are checked per evaluator.
    mixed = report(EvalResult(task="scan", evaluator="pii.dataset", metrics={"leak_rate": mv(0.1, hib=False)}))
    assert report_range_problems(mixed) == [
        "task 'scan' (pii.dataset): produced metric 'leak_rate' that evaluator 'pii.dataset' does not declare"
    ]


def test_unknown_evaluators_and_failed_tasks_are_skipped() -> None:
    unchecked = report(
        EvalResult(task="plugin", evaluator="no.such.evaluator", metrics={"anything": mv(99.0)}),
        EvalResult(task="broken", evaluator="accuracy", status="error", error="RuntimeError: crashed"),
    )
    assert report_range_problems(unchecked) == []


def test_an_evaluator_that_declares_nothing_is_skipped(scratch_registry: None) -> None:
    guard.evaluator("test.undeclared", description="Declares no metrics.")(_noop)
    info = get_evaluator("test.undeclared")
    assert info.metrics == () and not info.declares("score")
    loose = report(EvalResult(task="t", evaluator="test.undeclared", metrics={"score": mv(-7.0)}))
    assert report_range_problems(loose) == []


def test_a_pattern_declaration_covers_dynamic_names_and_an_exact_name_wins(scratch_registry: None) -> None:
    guard.evaluator("test.dynamic", description="Per-entity leak rates.", metrics=[
        MetricSpec("leak_rate_*", 0, 1, higher_is_better=False, description="Leak rate of one entity type."),
        MetricSpec("leak_rate_count", 0, None, description="How many entity types were probed."),
    ])(_noop)
    info = get_evaluator("test.dynamic")
    assert info.metric_spec("leak_rate_email").name == "leak_rate_*"
    assert info.metric_spec("leak_rate_count").name == "leak_rate_count"  # exact beats pattern
    assert info.declares("leak_rate_phone") and not info.declares("leak_rate") and not info.declares("LEAK_RATE_email")
    problems = report_range_problems(report(EvalResult(task="t", evaluator="test.dynamic", metrics={
        "leak_rate_email": mv(0.2, 0.1, 0.3, hib=False),
        "leak_rate_phone": mv(1.2, hib=False),
        "leak_rate_count": mv(7.0, hib=None),  # above 1, fine: the exact declaration is unbounded above
        "leak_total": mv(0.1, hib=False),
    })))
    assert problems == [
        "task 't' (test.dynamic): metric 'leak_rate_phone' value 1.2 is outside its declared range [0, 1]",
        "task 't' (test.dynamic): metric 'leak_rate_phone' ci_low 1.2 is outside its declared range [0, 1]",
        "task 't' (test.dynamic): metric 'leak_rate_phone' ci_high 1.2 is outside its declared range [0, 1]",
        "task 't' (test.dynamic): produced metric 'leak_total' that evaluator 'test.dynamic' does not declare",
    ]


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"name": "rate", "low": 1, "high": 0}, "low 1 is above high 0"),
    ({"name": "task.rate", "low": 0, "high": 1}, "no spaces, '.'"),
    ({"name": "rate[x]"}, "no spaces, '.'"),
    ({"name": "rate", "low": float("nan")}, "finite numbers or None"),
    ({"name": "rate", "description": ""}, "one-line description"),
])
def test_a_malformed_metric_spec_is_refused(kwargs: dict, message: str) -> None:
    with pytest.raises(GuardError, match=message):
        MetricSpec(**{"description": "A rate.", **kwargs})


def test_declaring_a_metric_twice_is_refused_when_the_evaluator_loads(scratch_registry: None) -> None:
    spec = MetricSpec("score", 0, 1, description="A score.")
    with pytest.raises(GuardError, match="declares metric 'score' twice"):
        guard.evaluator("test.twice", description="Twice.", metrics=[spec, spec])(_noop)
    assert "test.twice" not in registry._REGISTRY


def test_range_text_reads_as_an_interval() -> None:
    assert MetricSpec("a", 0, 1, description="x").range_text() == "[0, 1]"
    assert MetricSpec("a", 0, None, description="x").range_text() == "[0, inf)"
    assert MetricSpec("a", None, None, description="x").range_text() == "(-inf, inf)"
    assert MetricSpec("a", -1, 0.5, description="x").range_text() == "[-1, 0.5]"
