"""ORM rows of the SQL registry and their entities. Private: only ``guard.registry.sql`` uses them.

The schema itself is created by the Alembic revisions in ``migrations/versions``; a test compares
these classes with the migrated database so that the two never drift apart.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any, cast

from sqlalchemy import (
    DateTime,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from guard.registry.entities import (
    AliasMove,
    Approval,
    AuditEvent,
    EvalRun,
    ModelVersion,
    RegisteredModel,
    RunStatus,
    RunVerdict,
    TrainingData,
    VersionLineage,
    VersionTag,
    Waiver,
)


class JsonText(TypeDecorator):
    """JSON stored as text: identical on SQLite and PostgreSQL, keeps key order, tolerates NaN."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> str | None:
        return None if value is None else json.dumps(value, ensure_ascii=False)

    def process_result_value(self, value: str | None, dialect: Any) -> Any:
        return None if value is None else json.loads(value)


class UtcDateTime(TypeDecorator):
    """Timezone-aware UTC in and out; naive datetimes are taken as UTC. SQLite stores UTC text."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        value = value.astimezone(timezone.utc)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


class Base(DeclarativeBase):
    pass


class ModelRow(Base):
    __tablename__ = "models"
    __table_args__ = (UniqueConstraint("name", name="uq_models_name"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    created_by: Mapped[str] = mapped_column(String(200))

    def entity(self) -> RegisteredModel:
        return RegisteredModel(name=self.name, description=self.description, created_at=self.created_at,
                               created_by=self.created_by)


class VersionRow(Base):
    __tablename__ = "model_versions"
    __table_args__ = (
        UniqueConstraint("model_id", "version", name="uq_model_versions_model_version"),
        # One version per artifact: ``artifact_key`` is the fingerprint (NULL only for duplicates that a
        # registry held before revision 0002, which are kept), so a racing second registration cannot insert.
        Index("uq_model_versions_artifact", "model_id", "artifact_key", unique=True),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    model_id: Mapped[int] = mapped_column(ForeignKey("models.id", name="fk_model_versions_model"))
    version: Mapped[int] = mapped_column(Integer)
    spec: Mapped[str] = mapped_column(Text)
    fingerprint: Mapped[str] = mapped_column(String(128))
    metadata_: Mapped[dict[str, Any]] = mapped_column("metadata", JsonText)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    created_by: Mapped[str] = mapped_column(String(200))
    artifact_key: Mapped[str | None] = mapped_column(String(128), nullable=True)
    audit_seq: Mapped[int | None] = mapped_column(Integer, nullable=True)

    def entity(self, model: str) -> ModelVersion:
        return ModelVersion(model=model, version=self.version, spec=self.spec, fingerprint=self.fingerprint,
                            metadata=self.metadata_ or {}, created_at=self.created_at, created_by=self.created_by,
                            audit_seq=self.audit_seq)


class RunRow(Base):
    __tablename__ = "runs"
    __table_args__ = (
        ForeignKeyConstraint(["model_id", "version"], ["model_versions.model_id", "model_versions.version"],
                             name="fk_runs_version"),
        # The gate's lookup: latest complete run of one version under one policy hash (or any policy).
        Index("ix_runs_gate", "model_id", "version", "policy_sha256", "status", "id"),
        Index("ix_runs_version_status", "model_id", "version", "status", "id"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    model_id: Mapped[int] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16))
    suite_name: Mapped[str] = mapped_column(String(200))
    suite_sha256: Mapped[str] = mapped_column(String(64))
    policy_name: Mapped[str | None] = mapped_column(String(200), nullable=True)
    policy_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    verdict: Mapped[str | None] = mapped_column(String(16), nullable=True)
    fingerprint: Mapped[str] = mapped_column(String(128))
    report: Mapped[dict[str, Any] | None] = mapped_column(JsonText, nullable=True)
    verdict_detail: Mapped[dict[str, Any] | None] = mapped_column(JsonText, nullable=True)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    started_at: Mapped[datetime] = mapped_column(UtcDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    created_by: Mapped[str] = mapped_column(String(200))
    plan: Mapped[dict[str, Any] | None] = mapped_column(JsonText, nullable=True)
    audit_seq: Mapped[int | None] = mapped_column(Integer, nullable=True)

    def entity(self, model: str) -> EvalRun:
        # the columns are plain strings; EvalRun validates them against its literals
        return EvalRun(id=self.id, model=model, version=self.version, status=cast(RunStatus, self.status),
                       suite_name=self.suite_name, suite_sha256=self.suite_sha256, policy_name=self.policy_name,
                       policy_sha256=self.policy_sha256, verdict=cast("RunVerdict | None", self.verdict),
                       fingerprint=self.fingerprint, report=self.report,
                       verdict_detail=self.verdict_detail, error=self.error, started_at=self.started_at,
                       finished_at=self.finished_at, created_by=self.created_by, plan=self.plan,
                       audit_seq=self.audit_seq)


class AliasRow(Base):
    """Where each alias points now; ``AliasMoveRow`` keeps every change."""

    __tablename__ = "aliases"
    model_id: Mapped[int] = mapped_column(ForeignKey("models.id", name="fk_aliases_model"), primary_key=True)
    alias: Mapped[str] = mapped_column(String(100), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    audit_seq: Mapped[int | None] = mapped_column(Integer, nullable=True)


class AliasMoveRow(Base):
    __tablename__ = "alias_moves"
    __table_args__ = (Index("ix_alias_moves_model_alias", "model_id", "alias", "id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    model_id: Mapped[int] = mapped_column(ForeignKey("models.id", name="fk_alias_moves_model"))
    alias: Mapped[str] = mapped_column(String(100))
    version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    previous_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    run_id: Mapped[int | None] = mapped_column(ForeignKey("runs.id", name="fk_alias_moves_run"), nullable=True)
    reason: Mapped[str] = mapped_column(Text)
    moved_at: Mapped[datetime] = mapped_column(UtcDateTime)
    moved_by: Mapped[str] = mapped_column(String(200))
    audit_seq: Mapped[int | None] = mapped_column(Integer, nullable=True)

    def entity(self, model: str) -> AliasMove:
        return AliasMove(id=self.id, model=model, alias=self.alias, version=self.version,
                         previous_version=self.previous_version, run_id=self.run_id, reason=self.reason,
                         moved_at=self.moved_at, moved_by=self.moved_by, audit_seq=self.audit_seq)


class ApprovalRow(Base):
    __tablename__ = "approvals"
    __table_args__ = (Index("ix_approvals_model_version", "model_id", "version"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    model_id: Mapped[int] = mapped_column(ForeignKey("models.id", name="fk_approvals_model"))
    version: Mapped[int] = mapped_column(Integer)
    approver: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    expires_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    audit_seq: Mapped[int | None] = mapped_column(Integer, nullable=True)

    def entity(self, model: str) -> Approval:
        return Approval(id=self.id, model=model, version=self.version, approver=self.approver, reason=self.reason,
                        created_at=self.created_at, expires_at=self.expires_at, audit_seq=self.audit_seq)


class WaiverRow(Base):
    __tablename__ = "waivers"
    __table_args__ = (Index("ix_waivers_lookup", "model_id", "version", "policy_name", "expires_at"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    model_id: Mapped[int] = mapped_column(ForeignKey("models.id", name="fk_waivers_model"))
    version: Mapped[int] = mapped_column(Integer)
    rule_ids: Mapped[list[str]] = mapped_column(JsonText)
    policy_name: Mapped[str] = mapped_column(String(200))
    approver: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
    audit_seq: Mapped[int | None] = mapped_column(Integer, nullable=True)

    def entity(self, model: str) -> Waiver:
        return Waiver(id=self.id, model=model, version=self.version, rule_ids=list(self.rule_ids),
                      policy_name=self.policy_name, approver=self.approver, reason=self.reason,
                      created_at=self.created_at, expires_at=self.expires_at, audit_seq=self.audit_seq)


class VersionTagRow(Base):
    """One key=value tag of a version (revision 0003); removing a tag deletes the row."""

    __tablename__ = "version_tags"
    __table_args__ = (ForeignKeyConstraint(
        ["model_id", "version"], ["model_versions.model_id", "model_versions.version"],
        name="fk_version_tags_version"),)
    model_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    set_at: Mapped[datetime] = mapped_column(UtcDateTime)
    set_by: Mapped[str] = mapped_column(String(200))
    audit_seq: Mapped[int | None] = mapped_column(Integer, nullable=True)

    def entity(self, model: str) -> VersionTag:
        return VersionTag(model=model, version=self.version, key=self.key, value=self.value, set_at=self.set_at,
                          set_by=self.set_by, audit_seq=self.audit_seq)


class VersionLineageRow(Base):
    """A version's description, parent and declared training data (revision 0003), written at registration."""

    __tablename__ = "version_lineage"
    __table_args__ = (ForeignKeyConstraint(
        ["model_id", "version"], ["model_versions.model_id", "model_versions.version"],
        name="fk_version_lineage_version"),)
    model_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    description: Mapped[str] = mapped_column(Text)
    parent: Mapped[str | None] = mapped_column(String(400), nullable=True)
    training_data: Mapped[list[dict[str, Any]]] = mapped_column(JsonText)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    created_by: Mapped[str] = mapped_column(String(200))
    audit_seq: Mapped[int | None] = mapped_column(Integer, nullable=True)

    def entity(self, model: str) -> VersionLineage:
        return VersionLineage(model=model, version=self.version, description=self.description, parent=self.parent,
                              training_data=[TrainingData(**d) for d in self.training_data or []],
                              created_at=self.created_at, created_by=self.created_by, audit_seq=self.audit_seq)


class AuditEventRow(Base):
    """``at`` and ``payload`` are stored as the exact text the hash covers (ISO time, canonical JSON).

    ``hmac`` (HMAC-SHA256 of ``hash`` under ``GUARD_AUDIT_KEY``) is set only when the writer had the key.
    """

    __tablename__ = "audit_events"
    # The gate's "is this the latest move of that alias" lookup.
    __table_args__ = (Index("ix_audit_events_subject", "subject", "action", "seq"),)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(100))
    subject: Mapped[str] = mapped_column(String(400))
    payload: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    hmac: Mapped[str | None] = mapped_column(String(64), nullable=True)

    def entity(self) -> AuditEvent:
        return AuditEvent(seq=self.seq, at=datetime.fromisoformat(self.at), actor=self.actor, action=self.action,
                          subject=self.subject, payload=json.loads(self.payload), prev_hash=self.prev_hash,
                          hash=self.hash, keyed=self.hmac is not None)


class AuditHeadRow(Base):
    """One row (id 1): the last event's seq and hash and the event count. Every write locks it first."""

    __tablename__ = "audit_head"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))
    count: Mapped[int] = mapped_column(Integer)
