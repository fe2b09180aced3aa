"""The release gate: the only code that moves an alias such as ``production``.

``gate`` moves an alias to a version only when the latest complete run of that exact version,
checked under this exact policy text, passes — with the artifact's files unchanged since (the
fingerprint is recomputed), relative rules judged against the version the baseline alias points
at now, and every failing blocking rule covered by an unexpired waiver. Anything less is a
refusal (exit 1) or, where the evidence cannot decide, inconclusive (exit 2); refusals are
written to the audit log too, so an auditor sees every attempt.
"""

from __future__ import annotations

import getpass
import os
import re
import socket
import time
from datetime import datetime, timedelta, timezone
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from guard import notify
from guard.errors import GuardError
from guard.evidence import pin_problems, plan_consistency
from guard.policy import Policy, Verdict, check
from guard.registry._engine import AliasMovedError
from guard.registry.entities import AliasMove, Approval, Lineage, ModelVersion, Waiver
from guard.registry.store import RegistryStore
from guard.types import EvalReport

_REF = re.compile(r"^(?P<name>[A-Za-z0-9][\w.-]*)@(?P<version>\d+)$")
_ALIAS = re.compile(r"^[a-z][a-z0-9_-]*$")

Outcome = Literal["moved", "refused", "inconclusive"]
MAX_WAIVER_DAYS = 366
"""A waiver until 9999-12-31 is not a waiver that expires: accepted risk is reviewed at least yearly."""


def parse_ref(ref: str) -> tuple[str, int]:
    """``NAME@VERSION`` → (name, version); anything else is a one-line error."""
    match = _REF.match(ref.strip())
    if not match:
        raise GuardError(f"'{ref}' is not NAME@VERSION", hint="e.g. sentiment@3")
    return match["name"], int(match["version"])


def current_actor(explicit: str | None = None) -> str:
    """Who is acting: --actor, else GUARD_ACTOR, else user@host (recorded, not authenticated)."""
    if explicit:
        return explicit
    if os.environ.get("GUARD_ACTOR"):
        return os.environ["GUARD_ACTOR"]
    try:
        user = getpass.getuser()
    except Exception:  # no login name in some containers
        user = "unknown"
    return f"{user}@{socket.gethostname()}"


class GateDecision(BaseModel):
    """What the gate decided and every reason, for the terminal, the audit log and the dashboard."""

    model_config = ConfigDict(frozen=True)

    ref: str
    alias: str
    policy: str
    policy_sha256: str
    outcome: Outcome
    reasons: list[str] = Field(default_factory=list)
    verdict: Verdict | None = None
    run_id: int | None = None
    baseline: dict[str, int | None] = Field(default_factory=dict,
                                            description="Baseline alias -> version it pointed at.")
    waived_rules: list[str] = Field(default_factory=list)
    move: AliasMove | None = None
    fingerprint_seconds: float = 0.0
    decision_seconds: float = 0.0

    @property
    def exit_code(self) -> int:
        return {"moved": 0, "refused": 1, "inconclusive": 2}[self.outcome]


def gate(
    store: RegistryStore,
    ref: str,
    policy: Policy,
    alias: str,
    *,
    actor: str | None = None,
    reason: str = "",
    now: datetime | None = None,
    verify_fingerprint: bool = True,
) -> GateDecision:
    """Move ``alias`` to ``ref`` if the evidence allows it; otherwise say exactly why not.

    Every row the decision reads (version, run, baseline aliases and runs, waivers, approvals) is
    re-checked against the audit event that wrote it; the run's plan must be release evidence under
    the policy's pins; a refusal of any kind is itself an audit event.
    """
    from guard.models.artifacts import artifact_fingerprint

    started = time.perf_counter()
    actor = current_actor(actor)
    now = now or datetime.now(timezone.utc)
    if not _ALIAS.match(alias):
        raise GuardError(f"alias '{alias}' must be lower-case letters, digits, '-' or '_'", hint="e.g. production")
    name, number = parse_ref(ref)
    version = store.get_version(name, number)
    base: dict[str, Any] = {"ref": version.ref, "alias": alias, "policy": policy.name, "policy_sha256": policy.sha256}

    def finish(outcome: Outcome, reasons: list[str], **extra: Any) -> GateDecision:
        decision = GateDecision(**base, outcome=outcome, reasons=reasons,
                                decision_seconds=time.perf_counter() - started - extra.get("fingerprint_seconds", 0.0),
                                **extra)
        audit_seq = decision.move.audit_seq if decision.move is not None else None
        if outcome != "moved":
            audit_seq = store.append_audit(actor=actor, action=f"gate.{outcome}", subject=version.ref,
                                           payload={"alias": alias, "policy": policy.name,
                                                    "policy_sha256": policy.sha256,
                                                    "run_id": extra.get("run_id"), "reasons": reasons}).seq
        notify.gate_decided(store, decision, actor=actor, audit_seq=audit_seq)  # committed: tell the webhook
        return decision

    run = store.latest_run(name, number, policy_sha256=policy.sha256)
    if run is None:
        other = store.latest_run(name, number)
        if other is not None:
            return finish("refused", [
                f"the latest complete run of {version.ref} (run {other.id}) was checked under policy "
                f"'{other.policy_name}' sha256 {str(other.policy_sha256)[:12]}…, not this policy file "
                f"(sha256 {policy.sha256[:12]}…); evaluate again under the current policy"
            ])
        return finish("refused", [f"{version.ref} has no complete evaluation run under policy '{policy.name}'; "
                                  f"run guard evaluate --registry ... --name {name} --version {number} --policy ..."])
    tampered = store.binding_problems([("model_versions", version.ref), ("runs", str(run.id))])
    if tampered:
        return finish("refused", [*tampered, "the registry was changed outside guard: run guard audit verify"],
                      run_id=run.id)
    reasons: list[str] = []
    if run.fingerprint != version.fingerprint:
        reasons.append(f"run {run.id} evaluated artifact {run.fingerprint[:19]}…, "
                       f"but {version.ref} is {version.fingerprint[:19]}…")
    fingerprint_seconds = 0.0
    if verify_fingerprint:
        t0 = time.perf_counter()
        try:
            now_fingerprint = artifact_fingerprint(version.spec)
        except GuardError as exc:
            now_fingerprint = None
            reasons.append(f"cannot read the artifact of {version.ref} to verify it: {exc.one_line()}")
        fingerprint_seconds = time.perf_counter() - t0
        if now_fingerprint is not None and now_fingerprint != version.fingerprint:
            reasons.append(f"the files of {version.ref} changed after registration: fingerprint is now "
                           f"{now_fingerprint[:19]}…, registered {version.fingerprint[:19]}…")
    report = EvalReport.model_validate(run.report)
    reasons += [f"run {run.id}: {p}" for p in _evidence_problems(run.plan, report, policy)]
    if reasons:
        return finish("refused", reasons, run_id=run.id, fingerprint_seconds=fingerprint_seconds)

    baselines, baseline_versions, baseline_reasons, baseline_rows = _baselines(store, name, policy,
                                                                              suite_sha256=run.suite_sha256)
    tampered = store.binding_problems(baseline_rows)
    if tampered:
        return finish("refused", [*tampered, "the registry was changed outside guard: run guard audit verify"],
                      run_id=run.id, fingerprint_seconds=fingerprint_seconds)
    verdict = check(report, policy, baselines)
    extra = {"run_id": run.id, "verdict": verdict, "baseline": baseline_versions,
             "fingerprint_seconds": fingerprint_seconds}
    if verdict.status == "inconclusive":
        why = [f"{o.rule_id}: {o.message}" for o in verdict.outcomes if o.status == "inconclusive"]
        why += [f"task '{t}' crashed: {e}" for t, e in verdict.failed_tasks.items()]
        why += list(verdict.example_errors.values())
        why += verdict.evidence_problems
        return finish("inconclusive", baseline_reasons + why, **extra)
    failing = [o for o in verdict.outcomes if o.status == "fail" and o.blocking]
    waivers = store.active_waivers(name, number, policy_name=policy.name, at=now)
    tampered = store.binding_problems([("waivers", str(w.id)) for w in waivers])
    if tampered:
        return finish("refused", [*tampered, "the registry was changed outside guard: run guard audit verify"], **extra)
    waived = sorted({o.rule_id for o in failing if any(o.rule_id in w.rule_ids for w in waivers)})
    unwaived = [o for o in failing if o.rule_id not in waived]
    if unwaived:
        return finish("refused", [f"{o.rule_id}: {o.message}" for o in unwaived], waived_rules=waived, **extra)
    missing_signoff = _approval_problems(store, version.ref, policy, now)
    if missing_signoff:
        return finish("refused", missing_signoff, waived_rules=waived, **extra)
    previous = store.alias_target(name, alias)
    try:
        move = store.move_alias(
            name, alias, number, actor=actor, reason=reason or f"gate passed under policy '{policy.name}'",
            run_id=run.id, expected_previous=previous,
            audit_payload={"policy": policy.name, "policy_sha256": policy.sha256, "verdict": verdict.status,
                           "waived_rules": waived, "fingerprint": version.fingerprint, "baseline": baseline_versions,
                           "plan_sha256": report.plan.sha256 if report.plan else None},
        )
    except AliasMovedError as exc:  # another gate moved the alias between our read and our write
        return finish("refused", [f"lost a race: {exc.message}; nothing moved, decide again"], waived_rules=waived,
                      **extra)
    notes = [f"waived: {rule}" for rule in waived]
    return finish("moved", notes, waived_rules=waived, move=move, **extra)


def _evidence_problems(stored_plan: dict[str, Any] | None, report: EvalReport, policy: Policy) -> list[str]:
    """Why a run's report is not release evidence under ``policy`` (empty: it is). ``guard.impact`` uses it too."""
    from guard.evaluators import report_range_problems

    problems = plan_consistency(report) + report_range_problems(report)
    if report.plan is not None and stored_plan is not None and report.plan.model_dump(mode="json") != stored_plan:
        problems.append("the report's plan is not the plan the run recorded when it started")
    return problems or pin_problems(report.plan, policy)


def _approval_problems(store: RegistryStore, ref: str, policy: Policy, now: datetime) -> list[str]:
    """The policy's sign-off requirement: distinct approvers, unexpired, each row bound to the chain."""
    if policy.approvals is None:
        return []
    name, number = parse_ref(ref)
    valid = [a for a in store.list_approvals(name, number) if a.expires_at is None or a.expires_at > now]
    tampered = store.binding_problems([("approvals", str(a.id)) for a in valid])
    if tampered:
        return [*tampered, "the registry was changed outside guard: run guard audit verify"]
    approvers = sorted({a.approver for a in valid})
    if len(approvers) < policy.approvals.min:
        have = f"{len(approvers)} ({', '.join(approvers)})" if approvers else "none"
        return [f"policy '{policy.name}' requires {policy.approvals.min} distinct unexpired approvals of {ref}; "
                f"it has {have}: guard approve {ref} --reason ..."]
    return []


def baseline_reports(store: RegistryStore, name: str, policy: Policy, *,
                     suite_sha256: str | None = None) -> tuple[dict[str, EvalReport], dict[str, int | None], list[str]]:
    """Reports of the versions the policy's baseline aliases point at now."""
    reports, versions, reasons, _rows = _baselines(store, name, policy, suite_sha256=suite_sha256)
    return reports, versions, reasons


def _baselines(store: RegistryStore, name: str, policy: Policy, *, suite_sha256: str | None = None) -> tuple[
        dict[str, EvalReport], dict[str, int | None], list[str], list[tuple[str, str]]]:
    """The baseline reports, the versions the aliases point at, why any is missing, and the rows read.

    The baseline run is the target version's newest complete run of the candidate's suite
    (``suite_sha256``), under this policy if there is one: a version is evaluated on several suites
    (release, risks, ...), and its newest run of another suite compares with nothing. Without a
    suite, or without a run of it, the newest run under the policy, else the newest run: the
    comparability check then names what differs (fail closed, with the reason).
    """
    reports: dict[str, EvalReport] = {}
    versions: dict[str, int | None] = {}
    reasons: list[str] = []
    rows: list[tuple[str, str]] = []
    for alias in sorted({r.relative.baseline for r in policy.rules if r.relative is not None}):
        rows.append(("aliases", f"{name}@{alias}"))
        target = store.alias_target(name, alias)
        versions[alias] = target
        if target is None:
            reasons.append(f"baseline alias '{alias}' of model '{name}' points nowhere")
            continue
        run = None
        if suite_sha256 is not None:
            run = (store.latest_run(name, target, policy_sha256=policy.sha256, suite_sha256=suite_sha256)
                   or store.latest_run(name, target, suite_sha256=suite_sha256))
        run = run or store.latest_run(name, target, policy_sha256=policy.sha256) or store.latest_run(name, target)
        if run is None or run.report is None:
            reasons.append(f"baseline {name}@{target} ('{alias}') has no complete run")
            continue
        rows.append(("runs", str(run.id)))
        reports[alias] = EvalReport.model_validate(run.report)
    return reports, versions, reasons, rows


def approve(
    store: RegistryStore, ref: str, *, reason: str, actor: str | None = None, expires_at: datetime | None = None
) -> Approval:
    """Record a reviewer's sign-off on a version (who, why, until when)."""
    if not reason.strip():
        raise GuardError("an approval needs a reason", hint="--reason '...'")
    if expires_at is not None:
        expires_at = expires_at if expires_at.tzinfo else expires_at.replace(tzinfo=timezone.utc)
        if expires_at <= datetime.now(timezone.utc):
            raise GuardError(f"the approval's expiry {expires_at.isoformat()} is not in the future")
    name, number = parse_ref(ref)
    store.get_version(name, number)
    approval = store.add_approval(name, number, approver=current_actor(actor), reason=reason, expires_at=expires_at)
    notify.approval_added(store, approval)
    return approval


def waive(
    store: RegistryStore, ref: str, *, rule_ids: list[str], policy: Policy, reason: str, expires_at: datetime,
    actor: str | None = None, now: datetime | None = None,
) -> Waiver:
    """Accept the residual risk of failing blocking rules until ``expires_at`` (EU AI Act Art. 9(5))."""
    now = now or datetime.now(timezone.utc)
    if not reason.strip():
        raise GuardError("a waiver needs a reason", hint="--reason '...'")
    if not rule_ids:
        raise GuardError("a waiver names the rule ids it covers", hint="--rule RULE_ID (repeatable)")
    if expires_at.tzinfo is None:
        expires_at = expires_at.replace(tzinfo=timezone.utc)
    if expires_at <= now:
        raise GuardError(f"the waiver's expiry {expires_at.isoformat()} is not in the future")
    if expires_at > now + timedelta(days=MAX_WAIVER_DAYS):
        raise GuardError(
            f"the waiver's expiry {expires_at.date().isoformat()} is more than {MAX_WAIVER_DAYS} days away",
            hint="a waiver accepts a risk for a while; review it again within a year")
    known = {r.id for r in policy.rules}
    for rule in rule_ids:
        if rule not in known:
            from guard.errors import did_you_mean

            raise GuardError(f"policy '{policy.name}' has no rule '{rule}'", hint=did_you_mean(rule, known))
    name, number = parse_ref(ref)
    store.get_version(name, number)
    waiver = store.add_waiver(name, number, rule_ids=sorted(set(rule_ids)), policy_name=policy.name,
                              approver=current_actor(actor), reason=reason, expires_at=expires_at)
    notify.waiver_added(store, waiver)
    return waiver


def register(store: RegistryStore, name: str, spec: str, *, version: int | None = None, actor: str | None = None,
             metadata: dict | None = None, fingerprint: str | None = None, trust_pickle: bool = False,
             lineage: Lineage | None = None) -> ModelVersion:
    """Register a version of ``name``: the spec and the fingerprint of its files at this moment, and the
    lineage (description, parent, training data) the user declares."""
    from guard.models.artifacts import artifact_fingerprint

    return store.register_version(
        name, spec, fingerprint or artifact_fingerprint(spec, trust_pickle=trust_pickle), actor=current_actor(actor),
        version=version, metadata=metadata or {}, lineage=lineage,
    )
