"""A Markdown summary fit for a CI job page (GitHub's step summary, GitLab's MR note)."""

from __future__ import annotations

from guard._secrets import mask
from guard.policy import Verdict
from guard.report._format import STATUS_LABEL, ci, num, outcome_label

_ICON = {"PASS": "✅", "FAIL": "❌", "WARN": "⚠️", "INCONCLUSIVE": "❓"}


def md_text(text: object) -> str:
    """User-controlled text (model specs, names, messages, labels) as inert Markdown: no raw HTML reaches a
    page that renders it (GitHub's step summary, a pull-request comment), no cell split, no code span
    closed early. Safe in table cells, list items and inside backticks (where an entity shows literally)."""
    return (str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")
            .replace("`", "'").replace("\r", " ").replace("\n", " "))


def markdown_summary(verdict: Verdict) -> str:
    label = STATUS_LABEL[verdict.status]
    lines = [
        f"## {_ICON[label]} guard: policy `{md_text(verdict.policy)}` — **{label}**",
        "",
        f"Model `{md_text(mask(verdict.model_spec))}`, fingerprint `{md_text(verdict.model_fingerprint[:19])}…`",
        "",
        "| rule | metric | measured | 95% CI | n | threshold | severity | result |",
        "|---|---|---:|---|---:|---|---|---|",
    ]
    for o in verdict.outcomes:
        out = outcome_label(o)
        lines.append(
            f"| {md_text(o.rule_id)} | `{md_text(o.metric)}` | {num(o.measured.value) if o.measured else '—'} | "
            f"{ci(o)} | "
            f"{o.measured.n if o.measured else '—'} | {md_text(o.threshold)} | {o.severity} | {_ICON[out]} {out} |"
        )
    details = [o for o in verdict.outcomes if o.status != "pass" or o.notes]
    if details or verdict.failed_tasks or verdict.example_errors or verdict.evidence_problems:
        lines += ["", "### Details", ""]
        for o in details:
            if o.status != "pass":
                lines.append(f"- **{md_text(o.rule_id)}** ({outcome_label(o)}): {md_text(o.message)}")
            lines.extend(f"- {md_text(o.rule_id)}: {md_text(note)}" for note in o.notes)
        lines.extend(f"- task `{md_text(t)}` crashed: {md_text(e)}" for t, e in verdict.failed_tasks.items())
        lines.extend(f"- {md_text(reason)}" for reason in verdict.example_errors.values())
        lines.extend(f"- evidence: {md_text(p)}" for p in verdict.evidence_problems)
    controls = sorted({c for o in verdict.outcomes for c in o.controls})
    if controls:
        lines += ["", "Evidence toward controls (not proof of conformity): "
                  + ", ".join(f"`{md_text(c)}`" for c in controls)]
    return "\n".join(lines) + "\n"
