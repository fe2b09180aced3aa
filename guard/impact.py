"""Policy-change impact: re-judge the stored evidence of registered versions under a new policy.

Nothing runs a model and nothing is written: each version's run is read back, its rows re-checked
against the audit chain, and its stored report judged by the gate's own code (``guard.release``'s
evidence checks, baselines and approvals, ``guard.policy.check``). The run is the one the gate
would judge, the newest complete run under this policy's sha256; a changed policy usually has
none yet, so then the newest complete run whose suite covers the policy's tasks, else the newest
complete run (whose missing metrics then make it "cannot judge"); ``ImpactRow.run_selection`` says
which. A version without the policy's sign-off (``approvals``) fails, as the gate refuses it. The
one check the gate does that impact skips is re-reading the artifact's files for its fingerprint:
impact reads the registry only.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from guard.policy import Policy, Verdict, check
from guard.registry.entities import EvalRun, ModelVersion
from guard.registry.store import RegistryStore
from guard.types import EvalReport

Judged = Literal["pass", "fail", "cannot judge"]
Change = Literal["stops complying", "starts complying", "still complies", "still fails", "cannot judge"]


class ImpactRow(BaseModel):
    """One version: its stored verdict, the verdict under the new policy, and why."""

    model_config = ConfigDict(frozen=True)

    model: str
    version: int
    aliases: list[str] = Field(default_factory=list)
    run_id: int | None = None
    run_selection: str | None = Field(default=None, description="Which run was judged and why that one.")
    before: str | None = Field(default=None, description="The run's stored verdict (under the policy it ran with).")
    before_policy: str | None = None
    after: Judged
    reasons: list[str] = Field(default_factory=list, description="Failing rules, or why it cannot be judged.")
    waived_rules: list[str] = Field(default_factory=list)
    verdict: Verdict | None = None

    @property
    def ref(self) -> str:
        return f"{self.model}@{self.version}"

    @property
    def change(self) -> Change:
        if self.after == "cannot judge":
            return "cannot judge"
        if self.after == "pass":
            return "still complies" if self.before == "pass" else "starts complying"
        return "stops complying" if self.before == "pass" else "still fails"


class Impact(BaseModel):
    model_config = ConfigDict(frozen=True)

    policy: str
    policy_sha256: str
    scope: str
    rows: list[ImpactRow]

    @property
    def exit_code(self) -> int:
        """1 when an aliased version would fail, else 2 when one cannot be judged, else 0."""
        aliased = [r for r in self.rows if r.aliases]
        if any(r.after == "fail" for r in aliased):
            return 1
        return 2 if any(r.after == "cannot judge" for r in aliased) else 0

    def by_change(self, change: Change) -> list[ImpactRow]:
        return [r for r in self.rows if r.change == change]


def policy_impact(store: RegistryStore, policy: Policy, *, alias: str | None = None,
                  all_versions: bool = False, now: datetime | None = None) -> Impact:
    """Every aliased version (only those at ``alias`` if given; every version with ``all_versions``)."""
    now = now or datetime.now(timezone.utc)
    rows = []
    for model in store.list_models():
        aliases = store.aliases(model.name)
        at: dict[int, list[str]] = {}
        for name, target in aliases.items():
            at.setdefault(target, []).append(name)
        for version in store.list_versions(model.name):
            pointing = sorted(at.get(version.version, []))
            if all_versions or (alias in pointing if alias else bool(pointing)):
                rows.append(judge_version(store, version, policy, pointing, now))
    scope = "every version" if all_versions else (f"versions at alias '{alias}'" if alias else "aliased versions")
    return Impact(policy=policy.name, policy_sha256=policy.sha256, scope=scope, rows=rows)


RUN_SCAN = 200
"""How many of a version's newest runs are searched for one whose suite covers the policy's tasks."""


def policy_tasks(policy: Policy) -> set[str]:
    """The tasks the policy's rules (and task pins) name."""
    pinned = set(policy.evidence.tasks) if policy.evidence is not None else set()
    return {rule.metric.partition(".")[0] for rule in policy.rules} | pinned


def select_run(store: RegistryStore, version: ModelVersion, policy: Policy) -> tuple[EvalRun | None, str]:
    """The run the gate would judge (newest complete run under this policy's sha256); failing that, the
    newest complete run whose suite covers the policy's tasks; else the newest complete run. And why."""
    name, number = version.model, version.version
    run = store.latest_run(name, number, policy_sha256=policy.sha256)
    if run is not None:
        return run, f"run {run.id}: the newest complete run under this policy (the run the gate judges)"
    wanted = policy_tasks(policy)
    for candidate in store.list_runs(name, number, limit=RUN_SCAN):
        if candidate.status != "complete" or candidate.report is None:
            continue
        if wanted <= {str(r.get("task")) for r in candidate.report.get("results", [])}:
            return candidate, (f"run {candidate.id}: no run under this policy; the newest complete run whose suite "
                               f"'{candidate.suite_name}' covers the policy's tasks ({', '.join(sorted(wanted))})")
    run = store.latest_run(name, number)
    if run is None:
        return None, "no complete evaluation run"
    return run, (f"run {run.id}: no run under this policy, none of the newest {RUN_SCAN} covers the policy's tasks "
                 f"({', '.join(sorted(wanted))}); the newest complete run (suite '{run.suite_name}')")


def judge_version(store: RegistryStore, version: ModelVersion, policy: Policy, aliases: list[str],
                  now: datetime | None = None) -> ImpactRow:
    """The gate's judgement of ``version`` under ``policy`` (run chosen by ``select_run``), read-only."""
    from guard.release import _approval_problems, _baselines, _evidence_problems

    now = now or datetime.now(timezone.utc)
    row: dict = {"model": version.model, "version": version.version, "aliases": aliases}
    run, selection = select_run(store, version, policy)
    row["run_selection"] = selection
    if run is None or run.report is None:
        return ImpactRow(**row, after="cannot judge", reasons=["no complete evaluation run"])
    row.update(run_id=run.id, before=run.verdict, before_policy=run.policy_name)

    def cannot(reasons: list[str]) -> ImpactRow:
        return ImpactRow(**row, after="cannot judge", reasons=reasons)

    tampered = store.binding_problems([("model_versions", version.ref), ("runs", str(run.id))])
    if tampered:
        return cannot([*tampered, "unverifiable rows: run guard audit verify"])
    if run.fingerprint != version.fingerprint:
        return cannot([f"run {run.id} evaluated artifact {run.fingerprint[:19]}…, not {version.ref}'s"])
    try:
        report = EvalReport.model_validate(run.report)
    except ValidationError as exc:
        return cannot([f"run {run.id}: the stored report does not validate: {exc.errors()[0]['msg']}"])
    problems = _evidence_problems(run.plan, report, policy)
    if problems:
        return cannot([f"run {run.id}: {p}" for p in problems])
    baselines, _versions, baseline_reasons, baseline_rows = _baselines(store, version.model, policy,
                                                                       suite_sha256=run.suite_sha256)
    tampered = store.binding_problems(baseline_rows)
    if tampered:
        return cannot([*tampered, "unverifiable baseline rows: run guard audit verify"])
    verdict = check(report, policy, baselines)
    row["verdict"] = verdict
    if verdict.status == "inconclusive":
        why = [f"{o.rule_id}: {o.message}" for o in verdict.outcomes if o.status == "inconclusive"]
        why += [f"task '{t}' crashed: {e}" for t, e in verdict.failed_tasks.items()]
        why += list(verdict.example_errors.values()) + verdict.evidence_problems
        return cannot(baseline_reasons + why)
    failing = [o for o in verdict.outcomes if o.status == "fail" and o.blocking]
    waived: list[str] = []
    reasons: list[str] = []
    if failing:
        waivers = store.active_waivers(version.model, version.version, policy_name=policy.name, at=now)
        if store.binding_problems([("waivers", str(w.id)) for w in waivers]):
            waivers = []  # an unverifiable waiver waives nothing
        waived = sorted({o.rule_id for o in failing if any(o.rule_id in w.rule_ids for w in waivers)})
        reasons = [f"{o.rule_id}: {o.message}" for o in failing if o.rule_id not in waived]
    reasons += _approval_problems(store, version.ref, policy, now)  # the gate refuses without the sign-off
    return ImpactRow(**row, after="fail" if reasons else "pass", waived_rules=waived, reasons=reasons)
