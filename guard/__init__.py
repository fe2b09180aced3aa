"""rai-guard: evaluate a model, check the evidence against a policy, decide whether it may ship.

    import guard
    model = guard.load_model("hf:HuggingFaceTB/SmolLM2-135M-Instruct")
    report = guard.evaluate(model, guard.load_suite("evaluations/demo.yaml"))
    verdict = guard.check(report, guard.load_policy("policies/default.yaml"))
    print(verdict.passed, verdict.table())

The public names load on first use (PEP 562 ``__getattr__``): ``import guard`` alone, as the pytest plugin
does in every test run of a project that installs guard, must not pay for pydantic, SQLAlchemy, numpy and
SciPy. Type checkers and IDEs read the same names from the ``TYPE_CHECKING`` imports below.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from guard._version import __version__

if TYPE_CHECKING:
    from guard.errors import GuardError
    from guard.evaluators import EvalContext, EvaluatorParams, MetricSpec, Scores, evaluator
    from guard.models import Capability, GenerationConfig, ModelAdapter, Prediction, load_model
    from guard.policy import Policy, Verdict, check, load_policy
    from guard.registry import open_registry
    from guard.release import GateDecision, approve, gate, register, waive
    from guard.report import read_report, write_report
    from guard.runner import evaluate
    from guard.suite import Suite, load_suite
    from guard.types import EvalReport, EvalResult, Finding, MetricValue

# public name -> the module that defines it (kept in step with the TYPE_CHECKING imports; a test checks both)
_EXPORTS = {
    "GuardError": "guard.errors",
    **dict.fromkeys(("EvalContext", "EvaluatorParams", "MetricSpec", "Scores", "evaluator"), "guard.evaluators"),
    **dict.fromkeys(("Capability", "GenerationConfig", "ModelAdapter", "Prediction", "load_model"), "guard.models"),
    **dict.fromkeys(("Policy", "Verdict", "check", "load_policy"), "guard.policy"),
    "open_registry": "guard.registry",
    **dict.fromkeys(("GateDecision", "approve", "gate", "register", "waive"), "guard.release"),
    **dict.fromkeys(("read_report", "write_report"), "guard.report"),
    "evaluate": "guard.runner",
    **dict.fromkeys(("Suite", "load_suite"), "guard.suite"),
    **dict.fromkeys(("EvalReport", "EvalResult", "Finding", "MetricValue"), "guard.types"),
}

__all__ = [
    "Capability",
    "EvalContext",
    "EvalReport",
    "EvalResult",
    "EvaluatorParams",
    "Finding",
    "GateDecision",
    "GenerationConfig",
    "GuardError",
    "MetricSpec",
    "MetricValue",
    "ModelAdapter",
    "Policy",
    "Prediction",
    "Scores",
    "Suite",
    "Verdict",
    "__version__",
    "approve",
    "check",
    "evaluate",
    "evaluator",
    "gate",
    "load_model",
    "load_policy",
    "load_suite",
    "open_registry",
    "read_report",
    "register",
    "waive",
    "write_report",
]


def __getattr__(name: str) -> Any:
    """A public name on first use (then cached in the module); a submodule as ``guard.stats`` after ``import guard``
    (the eager package imported most of them, so code written against it keeps working)."""
    module = _EXPORTS.get(name)
    if module is not None:
        value = getattr(importlib.import_module(module), name)
        globals()[name] = value
        return value
    if not name.startswith("_"):
        try:
            return importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
