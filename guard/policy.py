"""Policies (``policies/*.yaml``) and ``check(report, policy) -> Verdict``.

A rule names a metric (``task.metric``), a threshold (``min`` / ``max``, or ``relative`` to a
baseline) and a severity. ``check`` is a pure function of the report(s) and the policy: a metric
the policy needs but the report lacks makes the rule — and the verdict — inconclusive, never a pass.
So does a task the model failed on some examples of (``error_rate`` > 0) when no rule names its
``error_rate``: a policy allows per-example errors only explicitly (``metric: task.error_rate, max: 0.02``).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

from guard import resources
from guard._example_errors import ERROR_RATE
from guard._yaml import load_model_file
from guard.relative import GroupComparison, compare_groups, margin
from guard.types import EvalReport, MetricValue

CONTROL_ID = re.compile(
    r"^(EU-AIA-(Art\d+[a-z]?|Annex[IVX]+)(\(\d+\))*(\([a-z]\))?(\([ivx]+\))?"
    r"|NIST-RMF-(GOVERN|MAP|MEASURE|MANAGE)-\d+\.\d+"
    r"|NIST-GAI-(RISK-[a-z-]+|(GV|MP|MS|MG)-\d+\.\d+-\d{3})"
    r"|ISO42001-(A\.\d+(\.\d+){1,2}|Cl\.\d+(\.\d+)*))$"
)


class _Strict(BaseModel):
    # strict: a threshold written as the string '0.99' is an error, not silently a number
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


Threshold = Annotated[float, Field(allow_inf_nan=False)]
"""A finite number: ``.nan`` would make every comparison false (a blocking rule that cannot fail), ``.inf`` one
that cannot pass or cannot fail."""


class Relative(_Strict):
    """Judge against the same metric of a baseline (e.g. the version at ``production``)."""

    baseline: str = Field(description="Alias (in the registry) or label of the baseline report.")
    max_drop: Threshold | None = Field(
        default=None, ge=0, description="How much worse than the baseline the metric may be (its units).")
    max_drop_pct: Threshold | None = Field(
        default=None, ge=0, description="How much worse, in percent of |baseline|: (baseline - candidate) / "
                                        "|baseline| * 100 (direction-aware). A zero baseline: inconclusive.")
    min_n: int | None = Field(
        default=None, ge=1, description="Per-group rules (required there): every group needs at least this n on both "
                                        "sides, else the rule is inconclusive (a group too small for its drop to be "
                                        "significant would otherwise pass silently).")
    alpha: Threshold = Field(
        default=0.05, gt=0, lt=1, description="Per-group rules: family-wise error rate of the Holm correction.")

    @model_validator(mode="after")
    def _some_drop(self) -> Relative:
        if self.max_drop is None and self.max_drop_pct is None:
            raise ValueError("a relative rule needs max_drop or max_drop_pct")
        return self

    def allowance_text(self) -> str:
        parts = [f"{self.max_drop:g}"] if self.max_drop is not None else []
        if self.max_drop_pct is not None:
            parts.append(f"{self.max_drop_pct:g}%")
        return " or ".join(parts)


class SuitePin(_Strict):
    """The suite whose runs count: by name, by content hash, or both."""

    name: str | None = None
    sha256: str | None = Field(default=None, pattern=r"^[0-9a-f]{64}$", description="sha256 of the suite file.")


class TaskPin(_Strict):
    """What one task's data must be for a run to count."""

    dataset: str | None = Field(
        default=None, pattern=r"^(sha256:[0-9a-f]{64}|hub:.+)$",
        description="The dataset fingerprint the report records (sha256:… of the file bytes, or hub:ID@…).")
    min_n: int | None = Field(default=None, ge=1, description="At least this many rows.")


class EvidencePins(_Strict):
    """What counts as release evidence under this policy. Without pins, a run made with ``--data``,
    ``--limit`` or another ``--seed`` is refused by the gate (a report, not release evidence)."""

    suite: SuitePin | None = None
    seed: int | None = Field(default=None, ge=0, description="The seed runs must use (default 0).")
    tasks: dict[str, TaskPin] = Field(default_factory=dict, description="Task name -> pinned data.")


class ApprovalRequirement(_Strict):
    """Sign-off the gate requires: distinct reviewers with unexpired approvals of the version."""

    min: int = Field(ge=1, description="How many distinct approvers.")


class Rule(_Strict):
    id: str = Field(pattern=r"^[A-Za-z0-9_.-]+$", description="Stable id; JUnit testcase name.")
    metric: str = Field(
        pattern=r"^[A-Za-z0-9_-]+\.[A-Za-z0-9_.-]+(\[[^\]]+\])?$",
        description="task.metric, or task.metric[group] for one group's value.",
    )
    min: Threshold | None = Field(default=None, description="Pass when the judged value is >= min.")
    max: Threshold | None = Field(default=None, description="Pass when the judged value is <= max.")
    relative: Relative | None = None
    on: Literal["value", "ci_low", "ci_high"] = Field(
        default="value", description="Which number is judged: the point value or a CI bound."
    )
    per_group: bool = Field(default=False, description="Judge every group's value; the rule fails if any group fails.")
    min_group_size: int | None = Field(
        default=None, ge=1,
        description="Every group must have at least this many examples, else the rule is inconclusive."
    )
    severity: Literal["block", "warn"] = "block"
    controls: list[str] = Field(default_factory=list, description="Compliance control ids (EU AI Act, NIST, ISO).")
    description: str = ""

    @field_validator("controls")
    @classmethod
    def _known_controls(cls, controls: list[str]) -> list[str]:
        for control in controls:
            if not CONTROL_ID.match(control):
                raise ValueError(
                    f"'{control}' is not a control id (e.g. EU-AIA-Art15(1), NIST-RMF-MEASURE-2.5, ISO42001-A.6.2.4)"
                )
        return controls

    @model_validator(mode="after")
    def _one_threshold(self) -> Rule:
        if self.relative is None and self.min is None and self.max is None:
            raise ValueError(f"rule '{self.id}' needs min, max or relative")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"rule '{self.id}' has min {self.min} above max {self.max}")
        if self.per_group and "[" in self.metric:
            raise ValueError(f"rule '{self.id}': per_group judges every group of a whole metric, not one group")
        if self.relative is not None and not self.per_group and (
                self.relative.min_n is not None or "alpha" in self.relative.model_fields_set):
            raise ValueError(f"rule '{self.id}': relative min_n and alpha apply per group; add per_group: true")
        if self.relative is not None and self.per_group and self.relative.min_n is None:
            # fail closed: a group of n=2 can drop 0.5 and still not be significant, so it would pass silently
            raise ValueError(f"rule '{self.id}': a per-group relative rule needs relative.min_n; add relative.min_n: "
                             "30 (groups smaller than this make the rule inconclusive)")
        return self

    def threshold_text(self) -> str:
        parts = []
        if self.min is not None:
            parts.append(f">= {self.min:g}")
        if self.max is not None:
            parts.append(f"<= {self.max:g}")
        if self.relative is not None:
            parts.append(f"at most {self.relative.allowance_text()} worse than {self.relative.baseline}")
        judged = "" if self.on == "value" else f" ({self.on})"
        scope = " in every group" if self.per_group else ""
        return " and ".join(parts) + scope + judged


class Policy(_Strict):
    name: str
    description: str = ""
    rules: list[Rule] = Field(min_length=1)
    evidence: EvidencePins | None = Field(default=None, description="What counts as release evidence (pins).")
    approvals: ApprovalRequirement | None = Field(default=None, description="Sign-off the gate requires.")

    _source: Path | None = PrivateAttr(default=None)
    _sha256: str = PrivateAttr(default="")
    _lines: dict[tuple, int] = PrivateAttr(default_factory=dict)

    def where(self, *loc: object) -> str:
        """``file:line`` of a key inside this policy, for error messages."""
        from guard._yaml import line_of

        source = str(self._source) if self._source else f"policy '{self.name}'"
        line = line_of(self._lines, tuple(loc))
        return f"{source}:{line}" if line and self._source else source

    @field_validator("rules")
    @classmethod
    def _unique_ids(cls, rules: list[Rule]) -> list[Rule]:
        ids = [r.id for r in rules]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"rule ids must be unique; repeated: {', '.join(duplicates)}")
        return rules

    @property
    def source(self) -> Path | None:
        return self._source

    @property
    def sha256(self) -> str:
        """Content hash of the policy file: a gate accepts only runs checked under this exact text."""
        return self._sha256


def load_policy(path: str | Path) -> Policy:
    """Load and validate a policy file (a path, or a built-in name such as ``default``)."""
    resolved = resources.resolve(path, "policies")
    policy, lines = load_model_file(resolved, Policy)
    policy._lines = lines
    policy._source = resolved.resolve()
    policy._sha256 = hashlib.sha256(resolved.read_bytes()).hexdigest()
    return policy


Status = Literal["pass", "fail", "inconclusive"]


class RuleOutcome(BaseModel):
    """How one rule came out, with everything a reviewer needs to see why."""

    model_config = ConfigDict(frozen=True)

    rule_id: str
    metric: str
    status: Status
    severity: Literal["block", "warn"]
    threshold: str
    measured: MetricValue | None = None
    judged: float | None = Field(default=None, description="The number compared with the threshold.")
    baseline: MetricValue | None = None
    message: str = ""
    notes: list[str] = Field(default_factory=list)
    controls: list[str] = Field(default_factory=list)
    correction: str | None = Field(default=None, description="Multiple-comparison correction of a per-group "
                                                             "relative rule ('holm'), with its alpha.")
    alpha: float | None = None
    comparisons: list[GroupComparison] = Field(
        default_factory=list, description="Per-group relative rules: each group's test and corrected p-value.")

    @property
    def blocking(self) -> bool:
        return self.severity == "block"


class Verdict(BaseModel):
    """The outcome of a policy check: pass, fail (a blocking rule failed) or inconclusive."""

    model_config = ConfigDict(frozen=True)

    policy: str
    policy_sha256: str = ""
    status: Status
    outcomes: list[RuleOutcome]
    model_spec: str = ""
    model_fingerprint: str = ""
    failed_tasks: dict[str, str] = Field(default_factory=dict, description="Task -> error, for tasks that crashed.")
    evidence_problems: list[str] = Field(
        default_factory=list, description="Where the report's run plan differs from the policy's evidence pins.")
    example_errors: dict[str, str] = Field(
        default_factory=dict,
        description="Task -> why its failed examples make the verdict inconclusive (no rule on task.error_rate).")

    @property
    def passed(self) -> bool:
        return self.status == "pass"

    @property
    def exit_code(self) -> int:
        """0 pass, 1 a blocking rule failed, 2 inconclusive (missing metric, crashed task, unallowed example errors)."""
        return {"pass": 0, "fail": 1, "inconclusive": 2}[self.status]

    @property
    def warnings(self) -> list[RuleOutcome]:
        return [o for o in self.outcomes if o.status == "fail" and not o.blocking]

    def table(self) -> str:
        """The verdict as a plain-text table (for ``print``)."""
        from guard.report.console import verdict_text

        return verdict_text(self)


def check(
    report: EvalReport, policy: Policy, baseline: EvalReport | Mapping[str, EvalReport] | None = None
) -> Verdict:
    """Judge ``report`` against ``policy``.

    Relative rules compare with ``baseline``: one report for every baseline alias, or a mapping
    from alias (``production``) to the report of the version that alias points at.
    """
    from guard.evidence import pin_problems

    outcomes = [_judge(rule, report, _baseline_for(rule, baseline)) for rule in policy.rules]
    evidence = pin_problems(report.plan, policy, explicit_only=True) if policy.evidence is not None else []
    if policy.evidence is not None and report.plan is None:
        evidence = ["the policy pins its evidence, but the report carries no run plan"]
    example_errors = _unallowed_example_errors(report, policy)
    if any(o.status == "fail" and o.blocking for o in outcomes):
        status: Status = "fail"
    elif any(o.status == "inconclusive" for o in outcomes) or report.failed_tasks or evidence or example_errors:
        # A crashed task never yields a pass, even when no rule names its metrics; nor do failed
        # examples a policy does not allow.
        status = "inconclusive"
    else:
        status = "pass"
    return Verdict(
        policy=policy.name,
        policy_sha256=policy.sha256,
        status=status,
        outcomes=outcomes,
        model_spec=report.model.spec,
        model_fingerprint=report.model.fingerprint,
        failed_tasks={r.task: r.error or "failed" for r in report.failed_tasks},
        evidence_problems=evidence,
        example_errors=example_errors,
    )


def _unallowed_example_errors(report: EvalReport, policy: Policy) -> dict[str, str]:
    """Task -> reason, for each task with failed examples whose ``error_rate`` no rule judges."""
    ruled = {rule.metric.partition("[")[0] for rule in policy.rules}
    reasons = {}
    for result in report.results:
        rate = result.metrics.get(ERROR_RATE) if result.status == "ok" else None
        if rate is None or rate.value <= 0 or f"{result.task}.{ERROR_RATE}" in ruled:
            continue
        reasons[result.task] = (
            f"task '{result.task}': {round(rate.value * rate.n)} of {rate.n} examples failed "
            f"({ERROR_RATE} {rate.value:.4g}); the policy allows no errors: add a rule on "
            f"{result.task}.{ERROR_RATE} to allow a rate")
    return reasons


def _baseline_for(rule: Rule, baseline: EvalReport | Mapping[str, EvalReport] | None) -> EvalReport | None:
    if rule.relative is None or baseline is None:
        return None  # only relative rules read a baseline
    if isinstance(baseline, EvalReport):
        return baseline
    return baseline.get(rule.relative.baseline)


def _missing(rule: Rule, report: EvalReport, label: str = "") -> str:
    task, _, name = rule.metric.partition("[")[0].partition(".")
    result = report.result(task)
    prefix = f"{label} " if label else ""
    if result is None:
        tasks = ", ".join(r.task for r in report.results) or "none"
        return f"{prefix}report has no task '{task}' (tasks: {tasks})"
    if result.status != "ok":
        return f"{prefix}task '{task}' failed: {result.error}"
    if name == ERROR_RATE and result.dataset is None:
        return (f"{prefix}task '{task}' has no dataset: its examples are not scored one by one, so it has no "
                f"{ERROR_RATE} (a model error fails the whole task)")
    have = ", ".join(sorted(result.metrics)) or "none"
    return f"{prefix}task '{task}' produced no metric '{name}' (it has: {have})"


def _select(report: EvalReport, selector: str) -> tuple[MetricValue | None, str | None]:
    """The metric a selector names, and why it is missing (None when found)."""
    name, _, group = selector.partition("[")
    metric = report.metric(name)
    if metric is None or not group:
        return metric, None
    group = group.rstrip("]")
    if group not in metric.by_group:
        groups = ", ".join(sorted(metric.by_group)) or "none"
        return None, f"metric '{name}' has no group '{group}' (groups: {groups})"
    return metric.by_group[group], None


def _group_problems(rule: Rule, metric: MetricValue) -> str | None:
    """Why group-level evidence is too thin to judge the rule, or None."""
    if rule.min_group_size is None and not rule.per_group:
        return None
    if not metric.by_group:
        return f"metric '{rule.metric}' has no per-group breakdown to check"
    if rule.min_group_size is not None:
        small = {g: m.n for g, m in metric.by_group.items() if m.n < rule.min_group_size}
        if small:
            listed = ", ".join(f"'{g}' (n={n})" for g, n in sorted(small.items()))
            return f"groups below min_group_size {rule.min_group_size}: {listed}"
    return None


def _judged(rule: Rule, metric: MetricValue) -> float:
    return {"value": metric.value, "ci_low": metric.ci_low, "ci_high": metric.ci_high}[rule.on]


def _judge(rule: Rule, report: EvalReport, baseline: EvalReport | None) -> RuleOutcome:
    common: dict[str, Any] = {
        "rule_id": rule.id, "metric": rule.metric, "severity": rule.severity,
        "threshold": rule.threshold_text(), "controls": rule.controls,
    }
    metric, why_missing = _select(report, rule.metric)
    if metric is None:
        return RuleOutcome(**common, status="inconclusive", message=why_missing or _missing(rule, report))
    thin = _group_problems(rule, metric)
    if thin:
        return RuleOutcome(**common, status="inconclusive", measured=metric, message=thin)
    value = _judged(rule, metric)
    failures: list[str] = []
    notes: list[str] = []
    judged_items = sorted(metric.by_group.items()) if rule.per_group else [("", metric)]
    for group, item in judged_items:
        item_value = _judged(rule, item)
        label = f"group '{group}': " if group else ""
        if rule.min is not None and item_value < rule.min:
            failures.append(f"{label}{item_value:.4g} < min {rule.min:g}")
        if rule.max is not None and item_value > rule.max:
            failures.append(f"{label}{item_value:.4g} > max {rule.max:g}")
    for bound in (rule.min, rule.max):
        if bound is not None and rule.on == "value" and metric.ci_low < bound < metric.ci_high:
            notes.append(
                f"the 95% CI [{metric.ci_low:.4g}, {metric.ci_high:.4g}] contains the threshold {bound:g}: "
                f"n={metric.n} is too small to be sure which side the true value is on"
            )
    base_metric = None
    if rule.relative is not None:
        base_metric = _select(baseline, rule.metric)[0] if baseline is not None else None
        if baseline is None:
            return RuleOutcome(**common, status="inconclusive", measured=metric, judged=value,
                               message=f"relative rule needs a baseline report for '{rule.relative.baseline}'")
        if base_metric is None:
            return RuleOutcome(**common, status="inconclusive", measured=metric, judged=value,
                               message=_missing(rule, baseline, label="baseline"))
        from guard.evidence import incomparable

        apart = incomparable(report, baseline, rule.metric.partition(".")[0])
        if apart:
            return RuleOutcome(**common, status="inconclusive", measured=metric, judged=value, baseline=base_metric,
                               message=apart)
        if metric.higher_is_better is None:
            return RuleOutcome(**common, status="inconclusive", measured=metric, judged=value, baseline=base_metric,
                               message=f"metric '{rule.metric}' has no better direction; "
                                       "a relative rule cannot judge it")
        common.update(measured=metric, judged=value, baseline=base_metric)
        if rule.per_group:
            return _judge_groups(rule, metric, base_metric, failures, notes, common)
        base_value = _judged(rule, base_metric)
        worse_by = (base_value - value) if metric.higher_is_better else (value - base_value)
        allowed = margin(base_value, rule.relative.max_drop, rule.relative.max_drop_pct)
        if allowed is None:
            return RuleOutcome(**common, status="inconclusive", message=_ZERO_BASELINE.format(base_value))
        if worse_by > allowed + 1e-12:
            failures.append(
                f"{worse_by:.4g} worse than {rule.relative.baseline} ({base_value:.4g}); "
                f"allowed {rule.relative.allowance_text()}"
            )
    status: Status = "fail" if failures else "pass"
    message = "; ".join(failures) if failures else f"{value:.4g} meets {rule.threshold_text()}"
    common.update(measured=metric, judged=value, baseline=base_metric)
    return RuleOutcome(**common, status=status, message=message, notes=notes)


_ZERO_BASELINE = ("the baseline is {:.4g}: a drop in percent of zero is undefined; judge it with an absolute "
                  "max_drop as well")


def _judge_groups(rule: Rule, metric: MetricValue, base: MetricValue, failures: list[str], notes: list[str],
                  common: dict[str, Any]) -> RuleOutcome:
    """A per-group relative rule: every group against the baseline's, Holm across the groups (``guard.relative``)."""
    assert rule.relative is not None and metric.higher_is_better is not None
    relative = rule.relative
    if not base.by_group:
        return RuleOutcome(**common, status="inconclusive", message=f"baseline metric '{rule.metric}' has no "
                                                                     "per-group breakdown to compare")
    if set(metric.by_group) != set(base.by_group):
        only_mine = sorted(set(metric.by_group) - set(base.by_group))
        only_theirs = sorted(set(base.by_group) - set(metric.by_group))
        return RuleOutcome(**common, status="inconclusive", message=(
            f"the groups differ: only the candidate has {only_mine or 'none'}, only the baseline "
            f"{only_theirs or 'none'}; a group missing on one side cannot be compared"))
    if relative.min_n is None:  # refused at load; a Policy built around validation still fails closed
        return RuleOutcome(**common, status="inconclusive", message="a per-group relative rule needs relative.min_n")
    small = sorted(f"'{g}' (n={metric.by_group[g].n} vs {base.by_group[g].n})" for g in metric.by_group
                   if min(metric.by_group[g].n, base.by_group[g].n) < relative.min_n)
    if small:
        return RuleOutcome(**common, status="inconclusive",
                           message=f"groups below min_n {relative.min_n}: {', '.join(small)}")
    try:
        compared = compare_groups(metric, base, max_drop=relative.max_drop, max_drop_pct=relative.max_drop_pct,
                                  alpha=relative.alpha, higher_is_better=metric.higher_is_better)
    except ZeroDivisionError as exc:
        return RuleOutcome(**common, status="inconclusive",
                           message=f"group '{exc.args[0]}': " + _ZERO_BASELINE.format(0.0))
    for c in compared:
        if c.significant:
            failures.append(f"group '{c.group}': {c.drop:.4g} worse than {relative.baseline} ({c.baseline:.4g}), "
                            f"beyond the allowed {c.margin:.4g} (Holm-adjusted p={c.p_adjusted:.3g} <= "
                            f"{relative.alpha:g})")
        elif c.drop > c.margin + 1e-12:
            # a pass only because every group met min_n; the drop is still shown, never silent
            notes.append(f"group '{c.group}': drop {c.drop:.4g} > {c.margin:.4g} allowed, not significant at alpha "
                         f"{relative.alpha:g} after Holm over {len(compared)} groups (p_adj={c.p_adjusted:.3g})")
    status: Status = "fail" if failures else "pass"
    message = "; ".join(failures) if failures else (
        f"no group significantly more than {relative.allowance_text()} worse than {relative.baseline} "
        f"(Holm over {len(compared)} groups, alpha {relative.alpha:g})")
    return RuleOutcome(**common, status=status, message=message, notes=notes, correction="holm",
                       alpha=relative.alpha, comparisons=compared)
