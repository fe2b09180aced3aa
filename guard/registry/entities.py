"""Registry entities: plain frozen records. The ORM never leaks out of ``guard.registry.sql``."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class _Entity(BaseModel):
    model_config = ConfigDict(frozen=True)


class _Bound(_Entity):
    audit_seq: int | None = Field(
        default=None, description="The audit event that wrote this row's current content (its binding to the chain)."
    )


class RegisteredModel(_Entity):
    name: str
    description: str = ""
    created_at: datetime
    created_by: str


class ModelVersion(_Bound):
    """One artifact of a model: its spec, its content fingerprint, and who registered it."""

    model: str
    version: int
    spec: str = Field(description="Model spec string, e.g. hf:models/sentiment-v3.")
    fingerprint: str = Field(description="sha256 over the artifact's weight and config files.")
    metadata: dict[str, Any] = Field(default_factory=dict)
    created_at: datetime
    created_by: str

    @property
    def ref(self) -> str:
        return f"{self.model}@{self.version}"


RunStatus = Literal["running", "complete", "failed"]
RunVerdict = Literal["pass", "fail", "inconclusive"]


class RunSummary(_Entity):
    """An evaluation run without its documents: cheap enough to list thousands (the overview)."""

    id: int
    model: str
    version: int
    status: RunStatus
    suite_name: str
    policy_name: str | None = None
    policy_sha256: str | None = None
    verdict: RunVerdict | None = None
    fingerprint: str = Field(description="Fingerprint of the artifact the report was computed on.")
    started_at: datetime
    finished_at: datetime | None = None
    created_by: str


class EvalRun(RunSummary):
    """An evaluation of one version: the report, what it was checked against, and how it ended."""

    suite_sha256: str
    report: dict[str, Any] | None = Field(default=None, description="The EvalReport JSON (redacted evidence).")
    verdict_detail: dict[str, Any] | None = Field(default=None, description="The Verdict JSON.")
    error: str | None = None
    plan: dict[str, Any] | None = Field(default=None, description="The RunPlan JSON fixed before inference.")
    audit_seq: int | None = Field(default=None, description="The audit event that wrote this row's current content.")


class AliasMove(_Bound):
    """One change of an alias: who pointed it at which version, when and why."""

    id: int
    model: str
    alias: str
    version: int | None = Field(description="New target; None when the alias was removed.")
    previous_version: int | None
    run_id: int | None = Field(default=None, description="The passing run (or waived run) that allowed the move.")
    reason: str
    moved_at: datetime
    moved_by: str


class Approval(_Bound):
    id: int
    model: str
    version: int
    approver: str
    reason: str
    created_at: datetime
    expires_at: datetime | None = None


class Waiver(_Bound):
    """Accepted residual risk: failing blocking rules that may be ignored until ``expires_at``."""

    id: int
    model: str
    version: int
    rule_ids: list[str]
    policy_name: str
    approver: str
    reason: str
    created_at: datetime
    expires_at: datetime


class TrainingData(_Entity):
    """A dataset a version was trained on, as the user declared it: a name and the sha256 of its bytes."""

    name: str
    sha256: str = Field(pattern=r"^sha256:[0-9a-f]{64}$")
    source: str = Field(default="declared", description="The file fingerprinted, or 'declared' (a given hash).")


class Lineage(_Entity):
    """What a version says about itself at registration: a description, its parent, its training data."""

    description: str = ""
    parent: str | None = Field(default=None, description="NAME@VERSION of the version it was derived from.")
    training_data: list[TrainingData] = Field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.description or self.parent or self.training_data)


class VersionLineage(Lineage, _Bound):
    model: str
    version: int
    created_at: datetime
    created_by: str


class VersionTag(_Bound):
    """A key=value label on a version (team, ticket, stage...); set and removed with ``guard tag``."""

    model: str
    version: int
    key: str
    value: str
    set_at: datetime
    set_by: str


class AuditEvent(_Entity):
    """One append-only log entry; ``hash`` covers ``prev_hash`` and the event's canonical JSON."""

    seq: int
    at: datetime
    actor: str
    action: str
    subject: str
    payload: dict[str, Any] = Field(default_factory=dict)
    prev_hash: str
    hash: str
    keyed: bool = Field(default=False, description="Carries an HMAC under GUARD_AUDIT_KEY.")
