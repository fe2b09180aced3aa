"""The verdict as a Rich table for terminals (and as plain text for ``Verdict.table()``).

Rule ids, metric names, the policy's name, messages and task errors come from users' files: they
reach the console only through ``terminal_text`` / ``terminal_safe`` (never parsed as markup, no
control characters).
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from guard.policy import Verdict
from guard.report._format import STATUS_LABEL, ci, num, outcome_label, terminal_safe, terminal_text

_STYLE = {"PASS": "green", "FAIL": "bold red", "WARN": "yellow", "INCONCLUSIVE": "bold magenta"}


def verdict_table(verdict: Verdict) -> Table:
    table = Table(title=terminal_text(f"policy '{verdict.policy}' — {STATUS_LABEL[verdict.status]}"),
                  title_justify="left")
    for column in ("rule", "metric", "measured", "95% CI", "n", "threshold", "severity", "result"):
        table.add_column(column, overflow="fold")
    for o in verdict.outcomes:
        label = outcome_label(o)
        cells = (o.rule_id, o.metric, num(o.measured.value) if o.measured else "—", ci(o),
                 str(o.measured.n) if o.measured else "—", o.threshold, o.severity)
        table.add_row(*(terminal_text(cell) for cell in cells), Text(label, style=_STYLE[label]))
    return table


def verdict_details(verdict: Verdict) -> list[str]:
    """Lines below the table: why rules failed or were inconclusive, and sample-size notes."""
    lines = []
    for o in verdict.outcomes:
        if o.status != "pass":
            lines.append(f"{outcome_label(o)} {o.rule_id}: {o.message}")
        lines.extend(f"note {o.rule_id}: {note}" for note in o.notes)
    lines.extend(f"task '{task}' crashed: {error}" for task, error in verdict.failed_tasks.items())
    lines.extend(verdict.example_errors.values())
    lines.extend(f"evidence: {problem}" for problem in verdict.evidence_problems)
    return lines


def print_verdict(verdict: Verdict, console: Console) -> None:
    console.print(verdict_table(verdict))
    for line in verdict_details(verdict):
        console.print(terminal_safe(line), markup=False, emoji=False, highlight=False)
    summary = {"pass": "PASS: the model may be released under this policy.",
               "fail": "FAIL: a blocking rule failed.",
               "inconclusive": "INCONCLUSIVE: a required metric is missing, a task or some of its examples failed, "
                               "or the evidence is not the policy's; not a pass."}
    console.print(Text(summary[verdict.status], style=_STYLE[STATUS_LABEL[verdict.status]]))


def verdict_text(verdict: Verdict, width: int = 120) -> str:
    console = Console(width=width, record=True, file=open("/dev/null", "w"), color_system=None)  # noqa: SIM115
    print_verdict(verdict, console)
    return console.export_text()
