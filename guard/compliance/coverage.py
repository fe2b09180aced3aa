"""The coverage matrix of one model version against one framework: the read model of ``guard export
--compliance`` and the dashboard's Compliance page.

For every control of the framework's catalogue: the policy rules that carry its id, each with its
status in the version's latest complete run under that policy, the waiver that accepts it (if any),
and a control-level status. Approvals are version-level evidence (the catalogue's ``approvals`` check).
Controls no rule carries have no evidence; control ids a policy uses that the catalogue lacks are listed.

A stored "pass" is not taken on trust: every row read is re-checked against the audit event that wrote
it (a changed row makes its rules "unverifiable"), and a run the gate would not accept as release
evidence (``--limit``, ``--data``, another ``--seed``) evidences nothing ("inconclusive", with the reason).
The registry keeps a policy's name and sha256, not its pins, so such overrides are judged as if the
policy pinned nothing: ``guard gate`` with the policy file is the exact check.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from guard.compliance.catalogue import Catalogue, Control, load_catalogue
from guard.errors import GuardError
from guard.registry.entities import Approval, EvalRun, Waiver
from guard.registry.store import RegistryStore
from guard.views import stored_report, stored_verdict

_R = TypeVar("_R", Approval, Waiver)
ControlStatus = Literal["evidenced", "warning", "waived", "inconclusive", "failing", "unverifiable", "no evidence"]
_PREFIX = {"eu-ai-act": ("EU-AIA-",), "nist-ai-rmf": ("NIST-RMF-", "NIST-GAI-"), "iso-42001": ("ISO42001-",)}
_WORST_FIRST: tuple[ControlStatus, ...] = ("unverifiable", "failing", "inconclusive", "waived", "warning", "evidenced")


_TAMPERED = "the registry was changed outside guard: run guard audit verify"


class _View(BaseModel):
    model_config = ConfigDict(frozen=True)


class RunStanding(_View):
    """Whether a stored run can be shown as release evidence: its rows unchanged, its plan one the gate takes."""

    unverifiable: list[str] = Field(default_factory=list, description="Rows that no longer match the audit chain.")
    not_evidence: list[str] = Field(default_factory=list, description="Why the gate would not take this run.")

    @property
    def reason(self) -> str:
        """One line for a rendering; empty when the run is release evidence."""
        if self.unverifiable:
            return "unverifiable: " + "; ".join(self.unverifiable)
        return "not release evidence: " + "; ".join(self.not_evidence) if self.not_evidence else ""


def run_standing(store: RegistryStore, run: EvalRun) -> RunStanding:
    """The gate's checks of a run (``guard.release``) without the policy file: the registry keeps only the
    policy's name and sha256, so overrides are judged as if it pinned nothing (fail closed)."""
    from guard.policy import Policy
    from guard.release import _evidence_problems

    tampered = store.binding_problems([("model_versions", f"{run.model}@{run.version}"), ("runs", str(run.id))])
    if tampered:
        return RunStanding(unverifiable=[*tampered, _TAMPERED])
    report = stored_report(run)
    if report is None:
        return RunStanding(not_evidence=[f"run {run.id} stored no report"])
    unpinned = Policy.model_construct(name=run.policy_name or "", rules=[], evidence=None)
    problems = _evidence_problems(run.plan, report, unpinned)
    if problems and run.plan is not None:
        problems.append("the registry keeps no policy pins, so this is judged as if none were set: "
                        "guard gate with the policy file decides")
    return RunStanding(not_evidence=problems)


class RuleEvidence(_View):
    """One rule of one policy, as judged in the version's latest complete run under that policy."""

    policy: str
    run_id: int
    rule_id: str
    metric: str
    severity: str
    status: str = Field(description="pass / fail / inconclusive")
    value: float | None = None
    threshold: str = ""
    waiver_id: int | None = Field(default=None, description="An unexpired waiver that accepts this failing rule.")
    standing: str = Field(default="", description="Why the run is unverifiable or not release evidence (empty: it is).")

    @property
    def outcome(self) -> ControlStatus:
        if self.standing.startswith("unverifiable"):
            return "unverifiable"
        if self.status == "pass":
            if self.standing:
                return "inconclusive"
            return "evidenced"
        if self.status == "inconclusive":
            return "inconclusive"
        if self.severity != "block":
            return "warning"
        return "waived" if self.waiver_id is not None else "failing"


class ControlCoverage(_View):
    control: Control
    rules: list[RuleEvidence] = Field(default_factory=list)

    @property
    def status(self) -> ControlStatus:
        outcomes = {r.outcome for r in self.rules}
        return next((s for s in _WORST_FIRST if s in outcomes), "no evidence")


class Coverage(_View):
    model: str
    version: int
    framework: str
    title: str
    source: str
    caveat: str
    generated_at: datetime
    runs: dict[str, int] = Field(description="Policy name -> the run whose verdict is used.")
    controls: list[ControlCoverage]
    unknown_controls: dict[str, list[str]] = Field(
        default_factory=dict, description="Control id a rule carries that the catalogue lacks -> those rules.")
    approvals: list[Approval] = Field(default_factory=list, description="Unexpired approvals of the version.")
    waivers: list[Waiver] = Field(default_factory=list, description="Unexpired waivers of the version.")
    problems: list[str] = Field(default_factory=list,
                                description="Waiver or approval rows that no longer match the audit chain (ignored).")

    @property
    def without_evidence(self) -> list[ControlCoverage]:
        return [c for c in self.controls if c.status == "no evidence"]

    def counts(self) -> dict[str, int]:
        found: dict[str, int] = {}
        for c in self.controls:
            found[c.status] = found.get(c.status, 0) + 1
        return found


def coverage(store: RegistryStore, name: str, version: int, framework: str, *,
             at: datetime | None = None) -> Coverage:
    """The matrix for ``name@version`` (``RegistryError`` for an unknown version, ``GuardError`` for an
    unknown framework)."""
    catalogue: Catalogue = load_catalogue(framework)
    store.get_version(name, version)  # unknown version: one clear error
    now = at or datetime.now(timezone.utc)
    newest: dict[str, int] = {}
    for s in store.latest_run_summaries(name):
        if s.version == version:
            policy = s.policy_name or ""
            if policy and s.id > newest.get(policy, 0):
                newest[policy] = s.id
    waivers, problems = _bound(store, "waivers", [w for w in store.list_waivers(name, version) if w.expires_at > now])
    approvals, more = _bound(store, "approvals", [a for a in store.list_approvals(name, version)
                                                  if a.expires_at is None or a.expires_at > now])
    evidence: dict[str, list[RuleEvidence]] = {}
    for policy, run_id in sorted(newest.items()):
        run = store.get_run(run_id)
        standing = run_standing(store, run).reason
        try:
            verdict = stored_verdict(run)
        except GuardError:
            if not standing:
                raise
            verdict = None  # a changed row need not even parse: it is reported below, its rules are unknown
        if standing.startswith("unverifiable"):
            problems.append(f"policy '{policy}', run {run_id}: {standing}")
        for o in verdict.outcomes if verdict is not None else []:
            waiver = next((w.id for w in waivers if w.policy_name == policy and o.rule_id in w.rule_ids), None)
            row = RuleEvidence(policy=policy, run_id=run_id, rule_id=o.rule_id, metric=o.metric, severity=o.severity,
                               status=o.status, value=o.measured.value if o.measured else None,
                               threshold=o.threshold, waiver_id=waiver if o.status == "fail" else None,
                               standing=standing)
            for control in o.controls:
                if control.startswith(_PREFIX[framework]):
                    evidence.setdefault(control, []).append(row)
    known = {c.id for c in catalogue.controls}
    return Coverage(
        model=name, version=version, framework=framework, title=catalogue.title, source=catalogue.source,
        caveat=catalogue.caveat, generated_at=now, runs=newest,
        controls=[ControlCoverage(control=c, rules=evidence.get(c.id, [])) for c in catalogue.controls],
        unknown_controls={cid: sorted({f"{r.policy}:{r.rule_id}" for r in rows})
                          for cid, rows in sorted(evidence.items()) if cid not in known},
        approvals=approvals, waivers=waivers, problems=problems + more)


def _bound(store: RegistryStore, table: str, rows: list[_R]) -> tuple[list[_R], list[str]]:
    """The rows that still match the audit chain, and a line for each that does not (it is left out)."""
    kept, problems = [], []
    for row in rows:
        tampered = store.binding_problems([(table, str(row.id))])
        if tampered:
            problems += tampered
        else:
            kept.append(row)
    return kept, problems + ([_TAMPERED] if problems else [])
