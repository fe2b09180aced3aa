"""Number formatting shared by every rendering of a verdict."""

from __future__ import annotations

from guard.policy import RuleOutcome

STATUS_LABEL = {"pass": "PASS", "fail": "FAIL", "inconclusive": "INCONCLUSIVE"}


def num(value: float | None) -> str:
    if value is None:
        return "—"
    if value != 0 and (abs(value) >= 1e5 or abs(value) < 1e-3):
        return f"{value:.3g}"
    return f"{value:.4f}".rstrip("0").rstrip(".") if abs(value) < 100 else f"{value:.1f}"


def ci(outcome: RuleOutcome) -> str:
    m = outcome.measured
    return f"[{num(m.ci_low)}, {num(m.ci_high)}]" if m else "—"


def outcome_label(outcome: RuleOutcome) -> str:
    if outcome.status == "fail" and not outcome.blocking:
        return "WARN"
    return STATUS_LABEL[outcome.status]
