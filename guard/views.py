"""Read models for reviewers: what the dashboard (and the HTML export) show, computed from a registry.

Pure functions over a ``RegistryStore``; nothing here writes. Stored reports and verdicts are read
through their types (``EvalReport``, ``Verdict``), so a schema change breaks a test rather than a
reviewer's page, and a stored document that no longer validates is one clear error. The overview
never loads a report: it rests on ``latest_run_summaries`` (one query), so it stays fast at 10,000 runs.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from guard.compare import CompareRow, Comparison, Side, compare_sides  # noqa: F401  (CompareRow: re-exported)
from guard.errors import GuardError
from guard.policy import Verdict
from guard.registry.entities import (
    AliasMove,
    Approval,
    AuditEvent,
    EvalRun,
    ModelVersion,
    RunSummary,
    VersionLineage,
    VersionTag,
    Waiver,
)
from guard.registry.store import AuditVerification, RegistryStore
from guard.types import EvalReport


def stored_report(run: EvalRun | None) -> EvalReport | None:
    """The run's report as an ``EvalReport`` (None when it has none)."""
    if run is None or run.report is None:
        return None
    try:
        return EvalReport.model_validate(run.report)
    except ValidationError as exc:
        raise GuardError(f"run {run.id}: the stored report does not validate: {exc.errors()[0]['msg']} "
                         f"at {'.'.join(str(p) for p in exc.errors()[0]['loc'])}") from None


def stored_verdict(run: EvalRun | None) -> Verdict | None:
    """The run's verdict as a ``Verdict`` (None when it was not checked against a policy)."""
    if run is None or run.verdict_detail is None:
        return None
    try:
        return Verdict.model_validate(run.verdict_detail)
    except ValidationError as exc:
        raise GuardError(f"run {run.id}: the stored verdict does not validate: {exc.errors()[0]['msg']} "
                         f"at {'.'.join(str(p) for p in exc.errors()[0]['loc'])}") from None


class _View(BaseModel):
    model_config = ConfigDict(frozen=True)


class OverviewRow(_View):
    """One model version under one policy (or with no run yet): the overview's unit."""

    model: str
    version: int
    aliases: list[str] = Field(default_factory=list, description="Aliases pointing at this version now.")
    policy: str | None = None
    verdict: str | None = Field(default=None, description="pass / fail / inconclusive; None: no complete run.")
    run_id: int | None = None
    suite: str | None = None
    evaluated_at: datetime | None = None
    stale: bool = Field(default=False, description="The run evaluated another artifact than the registered one.")
    spec: str
    fingerprint: str
    registered_by: str
    registered_at: datetime
    unfinished_run: int | None = Field(default=None, description="A newer run that did not complete (crashed or "
                                                                 "still going) than any complete run shown.")
    unfinished_status: str | None = None

    @property
    def verdict_label(self) -> str:
        """The verdict, or why there is none: ``no policy`` (a complete run, not checked), ``failed run`` /
        ``running`` (only unfinished attempts), or ``no run``."""
        if self.verdict:
            return self.verdict
        if self.run_id is not None:
            return "no policy"
        return {"failed": "failed run", "running": "running"}.get(self.unfinished_status or "", "no run")


def overview(store: RegistryStore) -> list[OverviewRow]:
    """Every version of every model with the latest complete run's verdict per policy name."""
    latest: dict[tuple[str, int], dict[str | None, RunSummary]] = {}
    for summary in store.latest_run_summaries():  # one row per policy hash; keep the newest per policy name
        per_policy = latest.setdefault((summary.model, summary.version), {})
        known = per_policy.get(summary.policy_name)
        if known is None or summary.id > known.id:
            per_policy[summary.policy_name] = summary
    attempts = {(a.model, a.version): a for a in store.newest_attempts() if a.status != "complete"}
    rows: list[OverviewRow] = []
    for model in store.list_models():
        aliases = store.aliases(model.name)
        for v in store.list_versions(model.name):
            base: dict[str, Any] = {
                "model": v.model, "version": v.version, "spec": v.spec, "fingerprint": v.fingerprint,
                "registered_by": v.created_by, "registered_at": v.created_at,
                "aliases": sorted(a for a, target in aliases.items() if target == v.version)}
            runs = latest.get((v.model, v.version), {})
            attempt = attempts.get((v.model, v.version))
            if attempt is not None:  # newest overall, so newer than every complete run of this version
                base.update(unfinished_run=attempt.id, unfinished_status=attempt.status)
            if not runs:
                rows.append(OverviewRow(**base))
            for policy in sorted(runs, key=lambda p: p or ""):
                s = runs[policy]
                rows.append(OverviewRow(**base, policy=policy, verdict=s.verdict, run_id=s.id, suite=s.suite_name,
                                        evaluated_at=s.finished_at, stale=s.fingerprint != v.fingerprint))
    return rows


def filter_overview(rows: list[OverviewRow], *, search: str = "", verdicts: list[str] | None = None,
                    aliased_only: bool = False) -> list[OverviewRow]:
    """Rows whose model, spec, alias, policy or registrant contains ``search`` (case-insensitive)."""
    needle = search.strip().lower()
    wanted = set(verdicts) if verdicts else None

    def keep(r: OverviewRow) -> bool:
        haystack = " ".join([r.model, r.spec, r.policy or "", r.registered_by, *r.aliases]).lower()
        return ((not needle or needle in haystack) and (wanted is None or r.verdict_label in wanted)
                and (not aliased_only or bool(r.aliases)))
    return [r for r in rows if keep(r)]


# -- metrics ----------------------------------------------------------------------------------------

class MetricPoint(_View):
    """One metric of one version, overall (``group`` None) or for one group, with its interval."""

    version: int
    run_id: int
    metric: str = Field(description="task.metric")
    group: str | None = None
    value: float
    ci_low: float
    ci_high: float
    n: int
    higher_is_better: bool | None = None


def report_metrics(report: EvalReport | None, *, version: int, run_id: int) -> list[MetricPoint]:
    """Every metric of a stored report, overall and per group (failed tasks have none)."""
    points: list[MetricPoint] = []
    for result in report.results if report is not None else []:
        if result.status != "ok":
            continue
        for name, m in result.metrics.items():
            selector = f"{result.task}.{name}"
            for group, value in [(None, m), *sorted(m.by_group.items())]:
                points.append(MetricPoint(version=version, run_id=run_id, metric=selector, group=group,
                                          value=value.value, ci_low=value.ci_low, ci_high=value.ci_high,
                                          n=value.n, higher_is_better=m.higher_is_better))
    return points


def metric_trends(store: RegistryStore, name: str) -> list[MetricPoint]:
    """Per version, the metrics of its latest complete run (any policy): the model page's trend charts."""
    newest: dict[int, int] = {}
    for s in store.latest_run_summaries(name):
        newest[s.version] = max(newest.get(s.version, 0), s.id)
    points: list[MetricPoint] = []
    for version, run_id in sorted(newest.items()):
        points += report_metrics(stored_report(store.get_run(run_id)), version=version, run_id=run_id)
    return points


class ModelHistory(_View):
    """The model page: versions, the latest runs per version and policy, aliases and their moves."""

    versions: list[ModelVersion]
    runs: list[RunSummary]
    aliases: dict[str, int]
    alias_moves: list[AliasMove]
    approvals: list[Approval]
    waivers: list[Waiver]
    tags: list[VersionTag] = Field(default_factory=list)
    lineage: list[VersionLineage] = Field(default_factory=list)


def model_history(store: RegistryStore, name: str) -> ModelHistory:
    return ModelHistory(versions=store.list_versions(name), runs=store.latest_run_summaries(name),
                        aliases=store.aliases(name), alias_moves=store.alias_history(name),
                        approvals=store.list_approvals(name), waivers=store.list_waivers(name),
                        tags=store.list_tags(name), lineage=store.list_lineage(name))


# -- one run ----------------------------------------------------------------------------------------

class RuleRow(_View):
    """One policy rule as judged in a run, with the numbers and the controls it evidences."""

    rule_id: str
    metric: str
    status: str
    severity: str
    threshold: str
    value: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    n: int | None = None
    judged: float | None = None
    baseline: float | None = None
    controls: list[str] = Field(default_factory=list)
    message: str = ""
    notes: list[str] = Field(default_factory=list)


def rule_rows(verdict: Verdict | None) -> list[RuleRow]:
    rows = []
    for o in verdict.outcomes if verdict is not None else []:
        measured, baseline = o.measured, o.baseline
        rows.append(RuleRow(rule_id=o.rule_id, metric=o.metric, status=o.status, severity=o.severity,
                            threshold=o.threshold, value=measured.value if measured else None,
                            ci_low=measured.ci_low if measured else None,
                            ci_high=measured.ci_high if measured else None,
                            n=measured.n if measured else None, judged=o.judged,
                            baseline=baseline.value if baseline else None, controls=o.controls,
                            message=o.message, notes=o.notes))
    return rows


class FindingView(_View):
    kind: str
    severity: str = "info"
    message: str = ""
    example: dict[str, Any] = Field(default_factory=dict)


class DatasetRow(_View):
    task: str
    source: str
    fingerprint: str
    rows: int


class RunEvidence(_View):
    """Everything a reviewer checks for one run: rules, findings, and what exactly was evaluated."""

    run: EvalRun
    version: ModelVersion
    rules: list[RuleRow]
    findings: dict[str, list[FindingView]] = Field(description="Task -> its findings (stored redacted).")
    failed_tasks: dict[str, str] = Field(default_factory=dict)
    datasets: list[DatasetRow] = Field(default_factory=list)
    report_fingerprint: str | None = Field(default=None, description="Model fingerprint inside the report.")
    raw_evidence: bool = Field(default=False, description="The report holds unredacted evidence (asked for).")

    @property
    def fingerprint_matches(self) -> bool:
        """The run evaluated the registered artifact (run, report and version agree)."""
        return (self.run.fingerprint == self.version.fingerprint
                and self.report_fingerprint in (None, self.run.fingerprint))

    @property
    def headline(self) -> str:
        """The one word a reviewer reads first: the run's state before its verdict, staleness beside it.

        ``unfinished`` (still running, or its process died), ``failed run``, ``no policy`` (complete,
        not checked), else the verdict — with `` (stale)`` when the evaluated artifact is not the
        registered one, so a PASS of other files never reads as a plain PASS.
        """
        if self.run.status == "running":
            return "unfinished"
        if self.run.status == "failed":
            return "failed run"
        label = self.run.verdict or "no policy"
        return label if self.fingerprint_matches else f"{label} (stale)"

    @property
    def rules_absent_reason(self) -> str:
        """Why a run shows no rules: it did not complete, or it was not checked against a policy."""
        if self.run.status != "complete":
            return "Not judged: the run did not complete."
        return "This run was not checked against a policy."


def run_evidence(store: RegistryStore, run_id: int) -> RunEvidence:
    run = store.get_run(run_id)
    report = stored_report(run)
    findings: dict[str, list[FindingView]] = {}
    failed: dict[str, str] = {}
    datasets: list[DatasetRow] = []
    for result in report.results if report is not None else []:
        if result.status != "ok":
            failed[result.task] = result.error or "failed"
        findings[result.task] = [FindingView(kind=f.kind, severity=f.severity, message=f.message, example=f.example)
                                 for f in result.findings]
        if result.dataset is not None:
            d = result.dataset
            datasets.append(DatasetRow(task=result.task, source=d.source, fingerprint=d.fingerprint, rows=d.rows))
    return RunEvidence(run=run, version=store.get_version(run.model, run.version),
                       rules=rule_rows(stored_verdict(run)), findings=findings, failed_tasks=failed, datasets=datasets,
                       report_fingerprint=report.model.fingerprint if report is not None else None,
                       raw_evidence=bool(report is not None and report.raw_evidence))


# -- compare ----------------------------------------------------------------------------------------
# The read model lives in guard.compare (shared with ``guard compare``); here: the registry's sides.

def _latest_run(store: RegistryStore, name: str, version: int, policy_sha256: str | None = None) -> EvalRun | None:
    if policy_sha256 is not None:
        run = store.latest_run(name, version, policy_sha256=policy_sha256)
        if run is not None:
            return run
    return store.latest_run(name, version)


def run_side(run: EvalRun, label: str) -> Side:
    """A registry run as one side of a comparison: its report and stored verdict."""
    return Side(label=label, report=stored_report(run), verdict=stored_verdict(run), version=run.version, run_id=run.id)


def compare(store: RegistryStore, name: str, candidate_version: int, alias: str) -> Comparison:
    """The candidate's latest run against the latest run of the version at ``alias`` (same policy if any)."""
    candidate = _latest_run(store, name, candidate_version)
    baseline_version = store.alias_target(name, alias)
    baseline = (None if baseline_version is None
                else _latest_run(store, name, baseline_version, candidate.policy_sha256 if candidate else None))
    ours = (run_side(candidate, f"{name}@{candidate_version}") if candidate
            else Side(label=f"{name}@{candidate_version}", version=candidate_version))
    theirs = (run_side(baseline, f"{name}@{alias}") if baseline
              else Side(label=f"{name}@{alias}", version=baseline_version))
    return compare_sides(ours, theirs, model=name, alias=alias)


# -- audit ------------------------------------------------------------------------------------------

class AuditLog(_View):
    """The chain's verification and the events that pass the filters (newest first)."""

    verification: AuditVerification
    events: list[AuditEvent]
    total: int


def audit_log(store: RegistryStore, *, actor: str = "", action: str = "", subject: str = "",
              since: datetime | None = None, until: datetime | None = None, limit: int | None = 500) -> AuditLog:
    """Filters are case-insensitive substrings (``action`` also a prefix such as ``alias.``); times inclusive."""
    events = store.audit_events()

    def keep(e: AuditEvent) -> bool:
        return (actor.lower() in e.actor.lower() and action.lower() in e.action.lower()
                and subject.lower() in e.subject.lower()
                and (since is None or e.at >= since) and (until is None or e.at <= until))
    kept = [e for e in reversed(events) if keep(e)]
    return AuditLog(verification=store.verify_audit(), events=kept[:limit] if limit else kept, total=len(events))
