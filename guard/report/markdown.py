"""A Markdown summary fit for a CI job page (GitHub's step summary, GitLab's MR note)."""

from __future__ import annotations

from guard.policy import Verdict
from guard.report._format import STATUS_LABEL, ci, num, outcome_label

_ICON = {"PASS": "✅", "FAIL": "❌", "WARN": "⚠️", "INCONCLUSIVE": "❓"}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown_summary(verdict: Verdict) -> str:
    label = STATUS_LABEL[verdict.status]
    lines = [
        f"## {_ICON[label]} guard: policy `{verdict.policy}` — **{label}**",
        "",
        f"Model `{_cell(verdict.model_spec)}`, fingerprint `{verdict.model_fingerprint[:19]}…`",
        "",
        "| rule | metric | measured | 95% CI | n | threshold | severity | result |",
        "|---|---|---:|---|---:|---|---|---|",
    ]
    for o in verdict.outcomes:
        out = outcome_label(o)
        lines.append(
            f"| {_cell(o.rule_id)} | `{_cell(o.metric)}` | {num(o.measured.value) if o.measured else '—'} | {ci(o)} | "
            f"{o.measured.n if o.measured else '—'} | {_cell(o.threshold)} | {o.severity} | {_ICON[out]} {out} |"
        )
    details = [o for o in verdict.outcomes if o.status != "pass" or o.notes]
    if details or verdict.failed_tasks or verdict.example_errors or verdict.evidence_problems:
        lines += ["", "### Details", ""]
        for o in details:
            if o.status != "pass":
                lines.append(f"- **{_cell(o.rule_id)}** ({outcome_label(o)}): {_cell(o.message)}")
            lines.extend(f"- {_cell(o.rule_id)}: {_cell(note)}" for note in o.notes)
        lines.extend(f"- task `{t}` crashed: {_cell(e)}" for t, e in verdict.failed_tasks.items())
        lines.extend(f"- {_cell(reason)}" for reason in verdict.example_errors.values())
        lines.extend(f"- evidence: {_cell(p)}" for p in verdict.evidence_problems)
    controls = sorted({c for o in verdict.outcomes for c in o.controls})
    if controls:
        lines += ["", "Evidence toward controls (not proof of conformity): " + ", ".join(f"`{c}`" for c in controls)]
    return "\n".join(lines) + "\n"
