"""Evaluators: what a suite's tasks run. Register your own with ``@guard.evaluator("name")``
or a ``guard.evaluators`` entry point; ``get_evaluator`` finds any of them by name."""

from guard.evaluators._ranges import report_range_problems
from guard.evaluators.base import (
    ENTRY_POINT_GROUP,
    EvalContext,
    EvaluatorInfo,
    EvaluatorParams,
    MetricSpec,
    NoParams,
    Scores,
    evaluator,
    get_evaluator,
    registered,
)

__all__ = [
    "ENTRY_POINT_GROUP",
    "EvalContext",
    "EvaluatorInfo",
    "EvaluatorParams",
    "MetricSpec",
    "NoParams",
    "Scores",
    "evaluator",
    "get_evaluator",
    "registered",
    "report_range_problems",
]
