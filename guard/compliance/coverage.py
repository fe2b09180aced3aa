"""The coverage matrix of one model version against one framework: the read model of ``guard export
--compliance`` and the dashboard's Compliance page.

For every control of the framework's catalogue: the policy rules that carry its id, each with its
status in the version's latest complete run under that policy, the waiver that accepts it (if any),
and a control-level status. Approvals are version-level evidence (the catalogue's ``approvals`` check).
Controls no rule carries have no evidence; control ids a policy uses that the catalogue lacks are listed.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from guard.compliance.catalogue import Catalogue, Control, load_catalogue
from guard.registry.entities import Approval, Waiver
from guard.registry.store import RegistryStore
from guard.views import stored_verdict

ControlStatus = Literal["evidenced", "warning", "waived", "inconclusive", "failing", "no evidence"]
_PREFIX = {"eu-ai-act": ("EU-AIA-",), "nist-ai-rmf": ("NIST-RMF-", "NIST-GAI-"), "iso-42001": ("ISO42001-",)}
_WORST_FIRST: tuple[ControlStatus, ...] = ("failing", "inconclusive", "waived", "warning", "evidenced")


class _View(BaseModel):
    model_config = ConfigDict(frozen=True)


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

    @property
    def outcome(self) -> ControlStatus:
        if self.status == "pass":
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
    waivers = [w for w in store.list_waivers(name, version) if w.expires_at > now]
    evidence: dict[str, list[RuleEvidence]] = {}
    for policy, run_id in sorted(newest.items()):
        verdict = stored_verdict(store.get_run(run_id))
        for o in verdict.outcomes if verdict is not None else []:
            waiver = next((w.id for w in waivers if w.policy_name == policy and o.rule_id in w.rule_ids), None)
            row = RuleEvidence(policy=policy, run_id=run_id, rule_id=o.rule_id, metric=o.metric, severity=o.severity,
                               status=o.status, value=o.measured.value if o.measured else None,
                               threshold=o.threshold, waiver_id=waiver if o.status == "fail" else None)
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
        approvals=[a for a in store.list_approvals(name, version) if a.expires_at is None or a.expires_at > now],
        waivers=waivers)
