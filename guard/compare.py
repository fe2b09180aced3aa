"""Candidate against baseline: the read model behind ``guard compare`` and the dashboard's Compare page.

Each side is a report (with the verdict stored beside it, if any) from a file or a registry run. Per
metric and group: both values with their 95% intervals and n, the change, and a test of whether the
change is larger than chance. When both runs logged their examples (``--log-samples``, files whose
sha256 is the one their reports record) and a task's examples are the same on both sides, a binary
per-example metric (accuracy, contains, exact match) gets the exact McNemar test on the discordant pairs
(``guard.compare_paired``). Otherwise the tests are unpaired (Fisher's exact test for proportions, a
Welch-style z from the two intervals) and say so: on the same examples they tend to be conservative.
Rules: how each rule of the candidate's policy came out for the candidate and for the baseline.
"""

from __future__ import annotations

import math

from pydantic import BaseModel, ConfigDict, Field

from guard.compare_paired import paired_tests
from guard.evidence import incomparable
from guard.policy import Policy, Verdict, check
from guard.types import EvalReport, MetricValue

ALPHA = 0.05
_Z95 = 1.959963984540054
UNPAIRED_NOTE = ("significance is unpaired where the row says so: no per-example outcomes pair the two runs "
                 "(proportions: Fisher's exact test on the counts; other metrics: a Welch-style z from the two "
                 "95% intervals); they ignore that both runs may have scored the same examples, whose outcomes are "
                 "usually positively correlated, so these p-values tend to be conservative; no correction for "
                 "testing many metrics")
PAIRED_NOTE = ("significance is paired where the row says so: both runs logged the same examples (--log-samples), "
               "so an exact McNemar test compares the examples one side got right and the other wrong; "
               "no correction for testing many metrics")


class _View(BaseModel):
    model_config = ConfigDict(frozen=True)


class Side(_View):
    """One side of a comparison: a report, and its stored verdict when it was checked against a policy."""

    label: str = Field(description="How the user named it: a file, 'run 12', 'sentiment@production'.")
    report: EvalReport | None = None
    verdict: Verdict | None = None
    version: int | None = None
    run_id: int | None = None
    samples_dir: str | None = Field(default=None, description="The report's folder, where its --log-samples "
                                                              "file is looked for first (else where it was written).")


class CompareRow(_View):
    """One metric (overall or one group): candidate against baseline, and the rules it touches."""

    metric: str
    group: str | None = None
    candidate: float | None = None
    baseline: float | None = None
    change: float | None = Field(default=None, description="candidate - baseline")
    higher_is_better: bool | None = None
    rules: list[str] = Field(default_factory=list, description="Rules judged on this number.")
    crosses: list[str] = Field(default_factory=list, description="Of those, rules the candidate fails or that "
                                                                 "came out differently than for the baseline.")
    candidate_ci: tuple[float, float] | None = None
    baseline_ci: tuple[float, float] | None = None
    candidate_n: int | None = None
    baseline_n: int | None = None
    p_value: float | None = Field(default=None, description="Two-sided p of 'no change'; None: not testable.")
    test: str = Field(default="", description="Which test gave p_value, or why there is none.")

    @property
    def better(self) -> bool | None:
        """Whether the change is an improvement (None: no change, no direction, or one side missing)."""
        if self.change is None or self.higher_is_better is None or self.change == 0:
            return None
        return (self.change > 0) == self.higher_is_better

    @property
    def significant(self) -> bool:
        return self.p_value is not None and self.p_value < ALPHA


class Comparison(_View):
    model: str
    alias: str | None = Field(default=None, description="The baseline's alias on the dashboard (None: named directly).")
    candidate_version: int | None
    baseline_version: int | None
    candidate_run: int | None
    baseline_run: int | None
    rows: list[CompareRow]
    rule_status: dict[str, tuple[str | None, str | None]] = Field(
        default_factory=dict, description="Rule id -> (candidate status, baseline status).")
    candidate_label: str = ""
    baseline_label: str = ""
    policy: str | None = Field(default=None, description="The policy the rules come from.")
    paired: bool = Field(default=False, description="Whether any test paired per-example outcomes (McNemar).")
    notes: list[str] = Field(default_factory=list, description="What limits the comparison (data, policy, tests).")

    def rule_changes(self) -> dict[str, str]:
        """Rule id -> what the candidate changes: newly / still failing, newly / still inconclusive,
        newly passing, unchanged (passing on both), or not judged (only the baseline's policy has it).
        Anything but ``pass`` is not passing: an inconclusive rule is never reported as passing."""
        def change(c: str | None, b: str | None) -> str:
            if c is None:
                return "not judged"
            if c in ("fail", "inconclusive"):
                word = "failing" if c == "fail" else "inconclusive"
                return f"still {word}" if b == c else f"newly {word}"
            return "newly passing" if b in ("fail", "inconclusive") else "unchanged"
        return {rule: change(c, b) for rule, (c, b) in self.rule_status.items()}


def metric_values(report: EvalReport | None) -> dict[tuple[str, str | None], MetricValue]:
    """(task.metric, group or None) -> value, for every metric of every task that ran."""
    values: dict[tuple[str, str | None], MetricValue] = {}
    for result in report.results if report is not None else []:
        if result.status != "ok":
            continue
        for name, m in result.metrics.items():
            values[f"{result.task}.{name}", None] = m
            for group, value in m.by_group.items():
                values[f"{result.task}.{name}", group] = value
    return values


def _counts(m: MetricValue) -> int | None:
    """The number of events behind a proportion (value = events / n), or None when it is not one."""
    if m.n <= 0 or not m.ci_method.startswith(("wilson", "clopper")) or not 0 <= m.value <= 1:
        return None
    events = round(m.value * m.n)
    return events if abs(events - m.value * m.n) < 1e-6 * max(1, m.n) else None


def significance(candidate: MetricValue, baseline: MetricValue) -> tuple[float | None, str]:
    """Two-sided p-value of "no change" between two independent estimates, and the test's name."""
    from scipy.stats import fisher_exact, norm

    a, b = _counts(candidate), _counts(baseline)
    if a is not None and b is not None:
        table = [[a, candidate.n - a], [b, baseline.n - b]]
        return float(fisher_exact(table).pvalue), "Fisher exact (unpaired)"
    se = math.hypot(candidate.ci_high - candidate.ci_low, baseline.ci_high - baseline.ci_low) / (2 * _Z95)
    if se == 0:
        return None, "no interval on either side"
    z = (candidate.value - baseline.value) / se
    return float(2 * norm.sf(abs(z))), "Welch-style z from the CIs (unpaired)"


def _rule_targets(verdict: Verdict | None) -> dict[tuple[str, str | None], list[str]]:
    """(task.metric, group or None) -> ids of the rules judged on it (``m[g]`` rules name one group)."""
    targets: dict[tuple[str, str | None], list[str]] = {}
    for o in verdict.outcomes if verdict is not None else []:
        metric, _, group = o.metric.partition("[")
        targets.setdefault((metric, group.rstrip("]") or None), []).append(o.rule_id)
    return targets


def _verdicts(candidate: Side, baseline: Side,
              policy: Policy | None) -> tuple[Verdict | None, Verdict | None, list[str]]:
    """The two verdicts the rules are read from: both judged under ``policy`` when given (relative rules of
    the candidate against the baseline), else the stored ones, the baseline's only under the same policy."""
    if policy is not None:
        mine = check(candidate.report, policy, baseline.report) if candidate.report is not None else None
        theirs = check(baseline.report, policy) if baseline.report is not None else None
        if theirs is not None:  # a relative rule of the baseline against itself says nothing
            relative = {r.id for r in policy.rules if r.relative is not None}
            theirs = theirs.model_copy(update={"outcomes": [o for o in theirs.outcomes if o.rule_id not in relative]})
        return mine, theirs, []
    mine, theirs, notes = candidate.verdict, baseline.verdict, []
    if mine is None and candidate.report is not None:
        notes.append("the candidate was not checked against a policy: no rules to compare (give --policy)")
    if mine is not None and theirs is not None and (theirs.policy, theirs.policy_sha256) != (mine.policy,
                                                                                            mine.policy_sha256):
        notes.append(f"the baseline was checked under another policy ('{theirs.policy}'), not the candidate's "
                     f"('{mine.policy}'): its rule outcomes are not shown (give --policy to judge both)")
        theirs = None
    return mine, theirs, notes


def compare_sides(candidate: Side, baseline: Side, *, model: str, alias: str | None = None,
                  policy: Policy | None = None) -> Comparison:
    """Per metric and group, the candidate against the baseline; rules under ``policy`` or the candidate's."""
    ours, theirs = metric_values(candidate.report), metric_values(baseline.report)
    mine, base_verdict, notes = _verdicts(candidate, baseline, policy)
    status_ours = {o.rule_id: o.status for o in (mine.outcomes if mine else [])}
    status_theirs = {o.rule_id: o.status for o in (base_verdict.outcomes if base_verdict else [])}
    rule_status: dict[str, tuple[str | None, str | None]] = {
        r: (status_ours.get(r), status_theirs.get(r)) for r in sorted({*status_ours, *status_theirs})}
    crossing = {r for r, (c, b) in rule_status.items() if c == "fail" or (c != b)}
    targets = _rule_targets(mine)
    paired, pairing_notes = paired_tests(candidate, baseline)
    rows = []
    for key in sorted({*ours, *theirs}, key=lambda k: (k[0], k[1] is not None, k[1] or "")):
        c, b = ours.get(key), theirs.get(key)
        rules = targets.get(key, [])
        p_value, test = (paired[key] if key in paired else significance(c, b) if c is not None and b is not None
                         else (None, ""))
        rows.append(CompareRow(
            metric=key[0], group=key[1], candidate=c.value if c else None, baseline=b.value if b else None,
            change=c.value - b.value if c and b else None,
            higher_is_better=(c if c is not None else theirs[key]).higher_is_better, rules=rules,
            crosses=[r for r in rules if r in crossing],
            candidate_ci=(c.ci_low, c.ci_high) if c else None, baseline_ci=(b.ci_low, b.ci_high) if b else None,
            candidate_n=c.n if c else None, baseline_n=b.n if b else None, p_value=p_value, test=test))
    if candidate.report is not None and baseline.report is not None:
        tasks = sorted({r.task for r in candidate.report.results} & {r.task for r in baseline.report.results})
        apart = [why for why in (incomparable(candidate.report, baseline.report, t) for t in tasks) if why]
        notes += list(dict.fromkeys(apart))  # a suite or seed difference reads the same for every task
        notes += pairing_notes
        if paired:
            notes.append(PAIRED_NOTE)
        if any(r.p_value is not None and r.test.endswith("(unpaired)") for r in rows):
            notes.append(UNPAIRED_NOTE)
    return Comparison(model=model, alias=alias, candidate_version=candidate.version,
                      baseline_version=baseline.version, candidate_run=candidate.run_id, baseline_run=baseline.run_id,
                      rows=rows, rule_status=rule_status, candidate_label=candidate.label,
                      baseline_label=baseline.label, policy=mine.policy if mine else None, notes=notes,
                      paired=bool(paired))


# -- Markdown (a pull request comment, a CI step summary) ---------------------------------------------

_CHANGE_ICON = {"newly failing": "❌", "still failing": "❌", "newly inconclusive": "❓", "still inconclusive": "❓",
                "newly passing": "✅"}




def _value(value: float | None, interval: tuple[float, float] | None, n: int | None) -> str:
    from guard.report._format import num

    if value is None:
        return "—"
    return f"{num(value)} [{num(interval[0])}, {num(interval[1])}] n={n}" if interval else num(value)


def _p(row: CompareRow) -> str:
    if row.p_value is None:
        return "—"
    text = f"{row.p_value:.2g}" if row.p_value >= 1e-4 else "<1e-4"
    return f"**{text}**" if row.significant else text


def comparison_markdown(comparison: Comparison, *, only_ruled: bool = False) -> str:
    """The comparison as Markdown: rule changes first, then every metric and group with both intervals."""
    from guard.report._format import num
    from guard.report.markdown import md_text as _md  # here: guard.report imports the views, which import this

    lines = [f"## guard compare: `{_md(comparison.candidate_label)}` vs `{_md(comparison.baseline_label)}`", ""]
    changes = comparison.rule_changes()
    if comparison.policy is not None:
        lines.append(f"Rules of policy `{_md(comparison.policy)}`, candidate against baseline:")
        lines.append("")
        shown = False
        for kind, icon in _CHANGE_ICON.items():
            rules = sorted(r for r, k in changes.items() if k == kind)
            if rules:
                shown = True
                lines.append(f"- {icon} **{kind}** ({len(rules)}): " + ", ".join(f"`{_md(r)}`" for r in rules))
        unchanged = sorted(r for r, k in changes.items() if k == "unchanged")
        if unchanged:
            lines.append(f"- passing on both ({len(unchanged)}): " + ", ".join(f"`{_md(r)}`" for r in unchanged))
        if not shown:
            lines.append("- ✅ no rule newly fails or stays failing")
        lines.append("")
    lines += ["| metric | group | candidate [95% CI] | baseline [95% CI] | change | p | test | rules |",
              "|---|---|---|---|---:|---:|---|---|"]
    for row in comparison.rows:
        if only_ruled and not row.rules:
            continue
        arrow = {True: " ▲ better", False: " ▼ worse", None: ""}[row.better]
        change = "—" if row.change is None else f"{'+' if row.change > 0 else ''}{num(row.change)}{arrow}"
        ruled = ", ".join(f"`{_md(r)}`" + (" ⚠" if r in row.crosses else "") for r in row.rules)
        lines.append(f"| `{_md(row.metric)}` | {_md(row.group or 'overall')} | "
                     f"{_value(row.candidate, row.candidate_ci, row.candidate_n)} | "
                     f"{_value(row.baseline, row.baseline_ci, row.baseline_n)} | {change} | {_p(row)} | "
                     f"{_md(row.test) or '—'} | {ruled} |")
    lines += ["", f"p: two-sided, **bold** below {ALPHA:g}; ⚠ a rule the candidate fails or that changed outcome."]
    lines += [f"- {_md(note)}" for note in comparison.notes]
    return "\n".join(lines) + "\n"
