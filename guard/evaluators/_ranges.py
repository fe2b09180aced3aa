"""Report values checked against what their evaluators declare (``MetricSpec``).

A rate above 1, a negative latency or a metric its evaluator never produces means the report was
tampered with, hand-edited, or written by a different evaluator than it names: a gate must refuse
such a report rather than judge it.

``error_rate`` is the runner's metric (``guard._example_errors``), not an evaluator's: any task may
carry it, and it is checked against [0, 1] whatever its evaluator declares.
"""

from __future__ import annotations

from guard._example_errors import ERROR_RATE, ERROR_RATE_DESCRIPTION
from guard.errors import GuardError
from guard.evaluators.base import EvaluatorInfo, MetricSpec, get_evaluator
from guard.types import EvalReport, MetricValue

_RUNNER_METRICS = {ERROR_RATE: MetricSpec(ERROR_RATE, 0, 1, higher_is_better=False, description=ERROR_RATE_DESCRIPTION)}


def report_range_problems(report: EvalReport) -> list[str]:
    """One message per declared metric outside its range and per metric its evaluator does not declare.

    Only ``ok`` results are read. A result whose evaluator is not registered here (unknown name,
    plugin not installed) or whose evaluator declares no metrics is skipped, but for the runner's
    own metrics (``error_rate``): there is nothing to check it against, which is not evidence of
    tampering. An empty list means no problem found.
    """
    problems: list[str] = []
    for result in report.results:
        if result.status != "ok":
            continue
        info = _declared(result.evaluator)
        where = f"task '{result.task}' ({result.evaluator})"
        for name, metric in result.metrics.items():
            spec = _RUNNER_METRICS.get(name) or (info.metric_spec(name) if info is not None else None)
            if spec is not None:
                problems += [f"{where}: metric '{name}' {problem}" for problem in _out_of_range(metric, spec, "")]
            elif info is not None:
                problems.append(f"{where}: produced metric '{name}' that evaluator '{info.name}' does not declare")
    return problems


def _declared(evaluator: str) -> EvaluatorInfo | None:
    try:
        info = get_evaluator(evaluator)
    except GuardError:
        return None
    return info if info.metrics else None


def _out_of_range(metric: MetricValue, spec: MetricSpec, prefix: str) -> list[str]:
    """What breaks the range, for the value, both CI ends, and (recursively) every group."""
    found = [
        f"{prefix}{field} {value:.12g} is outside its declared range {spec.range_text()}"
        for field, value in (("value", metric.value), ("ci_low", metric.ci_low), ("ci_high", metric.ci_high))
        if not spec.contains(value)
    ]
    for group, sub in metric.by_group.items():
        found += _out_of_range(sub, spec, f"{prefix}group '{group}' ")
    return found
