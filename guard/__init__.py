"""rai-guard: evaluate a model, check the evidence against a policy, decide whether it may ship.

    import guard
    model = guard.load_model("hf:HuggingFaceTB/SmolLM2-135M-Instruct")
    report = guard.evaluate(model, guard.load_suite("evaluations/demo.yaml"))
    verdict = guard.check(report, guard.load_policy("policies/default.yaml"))
    print(verdict.passed, verdict.table())
"""

from guard._version import __version__
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
