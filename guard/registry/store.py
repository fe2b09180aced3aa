"""The registry's store interface. One SQLAlchemy implementation serves SQLite and PostgreSQL.

Layering as in MLflow: ``guard.open_registry(url)`` → ``RegistryStore`` (this interface) →
``guard.registry.sql`` (ORM rows, never returned). Every write appends an audit event in the same
transaction. Only ``guard.release`` calls ``move_alias``: the gate is the one way an alias moves.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field

from guard.registry.entities import (
    AliasMove,
    Approval,
    AuditEvent,
    EvalRun,
    Lineage,
    ModelVersion,
    RegisteredModel,
    RunSummary,
    VersionLineage,
    VersionTag,
    Waiver,
)

DEFAULT_URL = "sqlite:///.guard/registry.db"


class AuditVerification(BaseModel):
    """Result of walking the hash chain and checking every bound row against it.

    ``ok`` only when the chain is intact *and* every row of every bound table matches the event that
    wrote it; ``reason`` names the first problem (an event, or a table and row).
    """

    model_config = ConfigDict(frozen=True)

    ok: bool
    events: int
    first_broken_seq: int | None = None
    reason: str = ""
    rows: int = Field(default=0, description="Rows of the bound tables that were checked.")
    row_problems: list[str] = Field(default_factory=list, description="The first rows that do not match the chain.")
    row_problem_count: int = 0
    unbound_before_migration: int = Field(
        default=0,
        description="Rows written before revision 0002: snapshotted by the migration, not bound when written.")
    keyed: int = Field(default=0, description="Events that carry a verified HMAC.")
    key_used: bool = Field(default=False, description="GUARD_AUDIT_KEY was set, so HMACs were checked.")


class RegistryStore(Protocol):
    url: str  # with any password shown as ***

    def close(self) -> None: ...

    # models and versions
    def register_version(
        self, name: str, spec: str, fingerprint: str, *, actor: str,
        version: int | None = None, metadata: dict[str, Any] | None = None, lineage: Lineage | None = None,
    ) -> ModelVersion:
        """A new version, or the existing one when this fingerprint already is a version of ``name``.

        ``lineage`` (description, parent NAME@V, declared training data) is written with the version,
        in the same audit event; registering the same artifact again with other lineage is an error."""
        ...
    def get_version(self, name: str, version: int) -> ModelVersion: ...
    def list_models(self) -> list[RegisteredModel]: ...
    def list_versions(self, name: str) -> list[ModelVersion]: ...

    # tags and lineage (revision 0003)
    def set_tags(self, name: str, version: int, changes: dict[str, str | None], *, actor: str) -> list[VersionTag]:
        """Set (a value) or remove (None) tags in one audited write; the version's tags afterwards."""
        ...
    def list_tags(self, name: str, version: int | None = None) -> list[VersionTag]: ...
    def list_lineage(self, name: str, version: int | None = None) -> list[VersionLineage]: ...
    def children(self, ref: str) -> list[str]: ...

    # evaluation runs
    def start_run(
        self, name: str, version: int, *, suite_name: str, suite_sha256: str, fingerprint: str, actor: str,
        policy_name: str | None = None, policy_sha256: str | None = None, plan: dict[str, Any] | None = None,
    ) -> EvalRun: ...
    def finish_run(
        self, run_id: int, *, report: dict[str, Any], actor: str, verdict: str | None = None,
        verdict_detail: dict[str, Any] | None = None,
    ) -> EvalRun: ...
    def fail_run(self, run_id: int, *, error: str, actor: str) -> EvalRun: ...
    def get_run(self, run_id: int) -> EvalRun: ...
    def latest_run(self, name: str, version: int, *, policy_sha256: str | None = None,
                   suite_sha256: str | None = None) -> EvalRun | None: ...
    def list_runs(self, name: str | None = None, version: int | None = None, *, limit: int = 100) -> list[EvalRun]: ...
    def latest_run_summaries(self, name: str | None = None) -> list[RunSummary]:
        """The newest complete run of every version (of ``name``, else of every model) under every policy
        hash and without a policy; no report or verdict JSON, one query: an overview of 10,000 runs stays cheap."""
        ...
    def newest_attempts(self, name: str | None = None) -> list[RunSummary]:
        """The newest run of every version whatever its status (running, failed, complete), one query:
        so a crash after the last complete run is shown, not hidden behind an older verdict."""
        ...

    # aliases (moved only by guard.release)
    def alias_target(self, name: str, alias: str) -> int | None: ...
    def aliases(self, name: str) -> dict[str, int]: ...
    def alias_history(self, name: str, alias: str | None = None) -> list[AliasMove]: ...
    def move_alias(
        self, name: str, alias: str, version: int | None, *, actor: str, reason: str,
        run_id: int | None = None, expected_previous: int | None | Literal["any"] = "any",
        audit_payload: dict[str, Any] | None = None,
    ) -> AliasMove: ...

    # approvals and waivers
    def add_approval(
        self, name: str, version: int, *, approver: str, reason: str, expires_at: datetime | None = None
    ) -> Approval: ...
    def list_approvals(self, name: str, version: int | None = None) -> list[Approval]: ...
    def add_waiver(
        self, name: str, version: int, *, rule_ids: list[str], policy_name: str, approver: str, reason: str,
        expires_at: datetime,
    ) -> Waiver: ...
    def list_waivers(self, name: str, version: int | None = None) -> list[Waiver]: ...
    def active_waivers(self, name: str, version: int, *, policy_name: str, at: datetime) -> list[Waiver]: ...

    # audit
    def append_audit(self, *, actor: str, action: str, subject: str, payload: dict[str, Any]) -> AuditEvent: ...
    def audit_events(self, *, since_seq: int = 0, limit: int | None = None) -> list[AuditEvent]: ...
    def verify_audit(self, *, expect_head: tuple[int, str] | None = None) -> AuditVerification: ...
    def audit_head(self) -> tuple[int, str]: ...
    def binding_problems(self, rows: list[tuple[str, str]]) -> list[str]:
        """Whether each (table, key) row still matches the audit event that wrote it (the gate's re-check)."""
        ...
