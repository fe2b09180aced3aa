"""The SQL registry store (SQLAlchemy 2): SQLite as the embedded default, PostgreSQL for teams.

Every write runs in one transaction that first takes the registry's write lock (``BEGIN IMMEDIATE``
on SQLite, ``SELECT … FOR UPDATE`` of the one-row ``audit_head`` table on PostgreSQL), does its work,
and appends exactly one audit event. Writes are therefore serialised across processes: version
numbers never collide and the hash chain never forks. ORM rows stay in here; callers get entities.
"""

from __future__ import annotations

import json
import random
import re
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Any, Literal, TypeVar

from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session

from guard.audit import audit_key, canonical_json, event_document, event_hash, event_hmac, iso_utc, sha256_text
from guard.errors import GuardError, did_you_mean
from guard.registry import _verify, migrations
from guard.registry._binding import RESERVED_KEYS, binding, document_sha256
from guard.registry._engine import (  # noqa: F401  (RegistryError, mask_url: re-exported)
    SQLITE_BUSY_TIMEOUT_S,
    AliasMovedError,
    RegistryError,
    describe_error,
    is_contention,
    mask_url,
    open_engine,
)
from guard.registry._lineage import LineageStore, lineage_row, same_lineage
from guard.registry._rows import (
    AliasMoveRow,
    AliasRow,
    ApprovalRow,
    AuditEventRow,
    AuditHeadRow,
    ModelRow,
    RunRow,
    VersionLineageRow,
    VersionRow,
    WaiverRow,
)
from guard.registry.entities import (
    AliasMove,
    Approval,
    AuditEvent,
    EvalRun,
    Lineage,
    ModelVersion,
    RegisteredModel,
    RunSummary,
    Waiver,
)
from guard.registry.store import AuditVerification

T = TypeVar("T")
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-/]{0,199}$")
_ALIAS = re.compile(r"^[A-Za-z][A-Za-z0-9_.\-]{0,99}$")
_VERDICTS = ("pass", "fail", "inconclusive")
_WRITE_ATTEMPTS = 8
_ROW_ACTIONS = frozenset({"version.register", "run.start", "run.finish", "run.fail", "alias.move", "approval.add",
                          "waiver.add", "registry.migrate", "tags.set", "registry.import"})


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _digest(value: Any) -> str:
    """sha256 of a JSON document (sorted keys), recorded in audit events instead of the whole document."""
    return sha256_text(json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str))


def _text(value: Any, field: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise RegistryError(f"{field} must be a non-empty string, got {value!r}")
    return value


class SqlRegistryStore(LineageStore):
    """``RegistryStore`` over SQLAlchemy. ``url`` is the database URL with any password masked."""

    def __init__(self, url: str, *, create: bool = True):
        self._engine, self.url = open_engine(url, create=create)
        self._key = audit_key()
        self._password = self._engine.url.password
        self._writer = self._engine.execution_options(guard_write=True)
        self._snapshot = (self._engine.execution_options(isolation_level="REPEATABLE READ")
                          if self._engine.dialect.name == "postgresql" else self._engine)
        try:
            with self._errors(hint="check --registry / GUARD_REGISTRY and that the database is reachable"):
                with self._engine.connect() as conn:
                    revision = migrations.current_revision(conn)
                if revision is None and not create:
                    raise RegistryError(f"registry {self.url} holds no guard registry",
                                        hint="check the URL; read-only commands never create one")
                if revision != migrations.HEAD:
                    self._upgrade()
        except BaseException:
            self._engine.dispose()
            raise

    def _upgrade(self) -> None:
        from alembic.util import CommandError

        try:
            with self._writer.begin() as conn:
                migrations.upgrade_to_head(conn)
        except CommandError as exc:
            raise RegistryError(f"registry {self.url}: cannot bring its schema to revision {migrations.HEAD}: {exc}",
                                hint="a newer rai-guard may have migrated it; upgrade rai-guard") from None

    def close(self) -> None:
        """Close pooled connections. The store must not be used afterwards."""
        self._engine.dispose()

    def __enter__(self) -> SqlRegistryStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"SqlRegistryStore({self.url!r})"

    # -- transactions --------------------------------------------------------------------------------

    @contextmanager
    def _errors(self, hint: str | None = None) -> Iterator[None]:
        try:
            yield
        except GuardError:
            raise
        except SQLAlchemyError as exc:
            raise RegistryError(f"registry {self.url}: {describe_error(exc, self._password)}", hint=hint) from exc

    def _read(self, fn: Callable[[Session], T], *, snapshot: bool = False) -> T:
        with self._errors(), Session(self._snapshot if snapshot else self._engine) as session:
            return fn(session)

    def _write(self, fn: Callable[[Session, AuditHeadRow, datetime], T]) -> T:
        """Run ``fn`` in a write transaction holding the registry lock; retry if the lock was contended."""
        deadline = time.monotonic() + 2 * SQLITE_BUSY_TIMEOUT_S
        for attempt in range(1, _WRITE_ATTEMPTS + 1):
            try:
                with self._errors(), Session(self._writer, expire_on_commit=False) as session:
                    with session.begin():
                        head = session.execute(select(AuditHeadRow).where(AuditHeadRow.id == 1)
                                               .with_for_update()).scalar_one()
                        return fn(session, head, _now())
            except RegistryError as exc:
                cause = exc.__cause__
                contended = isinstance(cause, DBAPIError) and is_contention(cause)
                if not contended or attempt == _WRITE_ATTEMPTS or time.monotonic() > deadline:
                    raise
                time.sleep(min(2.0, 0.05 * 2 ** attempt) * random.uniform(0.5, 1.0))
        raise AssertionError("unreachable")

    def _append(self, session: Session, head: AuditHeadRow, at: datetime, *, actor: str, action: str,
                subject: str, payload: dict[str, Any], bound: Sequence[tuple[str, str, Any]] = ()) -> AuditEventRow:
        """Append one event; ``bound`` lists the (table, model, ORM row) it wrote: each row's digest goes
        into the payload and the row's ``audit_seq`` points at the event (see ``_binding``)."""
        _text(actor, "actor"), _text(action, "action")
        if bound:
            session.flush()
            payload = {**payload, "rows": [binding(table, model, row) for table, model, row in bound]}
        try:
            payload_text = canonical_json(payload)
        except (TypeError, ValueError) as exc:
            raise RegistryError(f"audit payload is not canonical JSON: {exc}") from exc
        seq, at_text = head.seq + 1, iso_utc(at)
        document = event_document(seq=seq, at=at_text, actor=actor, action=action, subject=subject,
                                  payload=json.loads(payload_text))
        digest = event_hash(head.hash, document)
        row = AuditEventRow(seq=seq, at=at_text, actor=actor, action=action, subject=subject, payload=payload_text,
                            prev_hash=head.hash, hash=digest, hmac=event_hmac(self._key, digest) if self._key else None)
        session.add(row)
        head.seq, head.hash, head.count = seq, row.hash, head.count + 1
        for _table, _model, bound_row in bound:
            bound_row.audit_seq = seq
        session.flush()
        return row

    # -- lookups -------------------------------------------------------------------------------------

    def _model_id(self, session: Session, name: str) -> int:
        model_id = session.scalar(select(ModelRow.id).where(ModelRow.name == name))
        if model_id is None:
            known = session.scalars(select(ModelRow.name)).all()
            raise RegistryError(f"unknown model {name!r}",
                                hint=did_you_mean(str(name), known) or "register it first: guard register NAME MODEL")
        return model_id

    def _version_row(self, session: Session, name: str, version: int) -> VersionRow:
        if not isinstance(version, int) or isinstance(version, bool):
            raise RegistryError(f"a version is a number, got {version!r}")
        model_id = self._model_id(session, name)
        row = session.scalar(select(VersionRow).where(VersionRow.model_id == model_id, VersionRow.version == version))
        if row is None:
            known = session.scalars(select(VersionRow.version).where(VersionRow.model_id == model_id)).all()
            raise RegistryError(f"unknown version {name}@{version}",
                                hint=did_you_mean(str(version), [str(v) for v in known]) or "no such version")
        return row

    def _run_row(self, session: Session, run_id: int) -> tuple[RunRow, str]:
        found = session.execute(select(RunRow, ModelRow.name).join(ModelRow, ModelRow.id == RunRow.model_id)
                                .where(RunRow.id == run_id)).first()
        if found is None:
            raise RegistryError(f"unknown run {run_id}")
        return found[0], found[1]

    # -- models and versions -------------------------------------------------------------------------

    def register_version(self, name: str, spec: str, fingerprint: str, *, actor: str,
                         version: int | None = None, metadata: dict[str, Any] | None = None,
                         lineage: Lineage | None = None) -> ModelVersion:
        if not isinstance(name, str) or not _NAME.match(name):
            raise RegistryError(f"invalid model name {name!r}",
                                hint="letters, digits and _ . - /, starting with a letter or digit, no '@'")
        _text(spec, "spec"), _text(fingerprint, "fingerprint"), _text(actor, "actor")
        if version is not None and (not isinstance(version, int) or isinstance(version, bool) or version < 1):
            raise RegistryError(f"version must be a positive integer, got {version!r}")
        metadata = dict(metadata or {})

        def write(session: Session, head: AuditHeadRow, now: datetime) -> ModelVersion:
            model = session.scalar(select(ModelRow).where(ModelRow.name == name))
            new_model = model is None
            if model is not None:
                # One version per artifact, decided under the write lock (and backed by a unique index):
                # sixteen racing evaluations of one file get one version, not sixteen.
                same = session.scalar(select(VersionRow).where(VersionRow.model_id == model.id,
                                                               VersionRow.fingerprint == fingerprint)
                                      .order_by(VersionRow.version).limit(1))
                if same is not None:
                    if version is not None and version != same.version:
                        raise RegistryError(f"{name}@{same.version} is already this artifact ({fingerprint[:19]}…)",
                                            hint=f"use {name}@{same.version}; a version number names one artifact")
                    recorded = session.get(VersionLineageRow, (same.model_id, same.version))
                    if lineage is not None and not lineage.empty and not same_lineage(recorded, lineage):
                        raise RegistryError(f"{name}@{same.version} is already this artifact, registered with "
                                            "another description, parent or training data",
                                            hint="lineage is recorded once, at registration; use guard tag to label")
                    return same.entity(name)
            if model is None:
                model = ModelRow(name=name, description="", created_at=now, created_by=actor)
                session.add(model)
                session.flush()
            latest = session.scalar(select(func.max(VersionRow.version)).where(VersionRow.model_id == model.id)) or 0
            number = latest + 1 if version is None else version
            taken = None if version is None else session.scalar(select(VersionRow).where(
                VersionRow.model_id == model.id, VersionRow.version == version))
            if taken is not None:
                raise RegistryError(f"version {name}@{version} already exists and is a different artifact "
                                    f"({taken.fingerprint[:19]}…, not {fingerprint[:19]}…)",
                                    hint=f"omit the version to register {name}@{latest + 1}")
            row = VersionRow(model_id=model.id, version=number, spec=spec, fingerprint=fingerprint,
                             metadata_=metadata, created_at=now, created_by=actor, artifact_key=fingerprint)
            session.add(row)
            bound: list[tuple[str, str, Any]] = [("model_versions", name, row)]
            payload: dict[str, Any] = {"spec": spec, "fingerprint": fingerprint, "metadata_sha256": _digest(metadata),
                                       "new_model": new_model}
            if lineage is not None and not lineage.empty:
                session.flush()
                lineage_record = lineage_row(session, row, lineage, actor=actor, now=now,
                                             version_lookup=self._version_row)
                session.add(lineage_record)
                bound.append(("version_lineage", name, lineage_record))
                payload["lineage"] = lineage.model_dump()
            self._append(session, head, now, actor=actor, action="version.register", subject=f"{name}@{number}",
                         payload=payload, bound=bound)
            return row.entity(name)

        return self._write(write)

    def get_version(self, name: str, version: int) -> ModelVersion:
        return self._read(lambda s: self._version_row(s, name, version).entity(name))

    def list_models(self) -> list[RegisteredModel]:
        return self._read(lambda s: [r.entity() for r in s.scalars(select(ModelRow).order_by(ModelRow.name))])

    def list_versions(self, name: str) -> list[ModelVersion]:
        def read(session: Session) -> list[ModelVersion]:
            model_id = self._model_id(session, name)
            rows = session.scalars(select(VersionRow).where(VersionRow.model_id == model_id)
                                   .order_by(VersionRow.version))
            return [r.entity(name) for r in rows]
        return self._read(read)

    # -- evaluation runs -----------------------------------------------------------------------------

    def start_run(self, name: str, version: int, *, suite_name: str, suite_sha256: str, fingerprint: str, actor: str,
                  policy_name: str | None = None, policy_sha256: str | None = None,
                  plan: dict[str, Any] | None = None) -> EvalRun:
        _text(suite_name, "suite_name"), _text(suite_sha256, "suite_sha256"), _text(fingerprint, "fingerprint")

        def write(session: Session, head: AuditHeadRow, now: datetime) -> EvalRun:
            target = self._version_row(session, name, version)
            row = RunRow(model_id=target.model_id, version=version, status="running", suite_name=suite_name,
                         suite_sha256=suite_sha256, policy_name=policy_name, policy_sha256=policy_sha256,
                         fingerprint=fingerprint, started_at=now, created_by=actor, plan=plan)
            session.add(row)
            session.flush()
            self._append(session, head, now, actor=actor, action="run.start", subject=f"{name}@{version}",
                         payload={"run_id": row.id, "suite_name": suite_name, "suite_sha256": suite_sha256,
                                  "policy_name": policy_name, "policy_sha256": policy_sha256,
                                  "fingerprint": fingerprint, "plan_sha256": document_sha256(plan)},
                         bound=[("runs", name, row)])
            return row.entity(name)

        return self._write(write)

    def _end_run(self, run_id: int, actor: str, action: str, changes: dict[str, Any],
                 payload: dict[str, Any]) -> EvalRun:
        """The only way a run leaves ``running``: a killed evaluation never becomes complete."""
        def write(session: Session, head: AuditHeadRow, now: datetime) -> EvalRun:
            row, name = self._run_row(session, run_id)
            if row.status != "running":
                raise RegistryError(f"run {run_id} is already {row.status}", hint="start a new run to re-evaluate")
            report = changes.get("report")
            if report is not None and row.plan is not None and report.get("plan") != row.plan:
                raise RegistryError(f"run {run_id}: the report's plan is not the plan the run started with",
                                    hint="a run records the report of the plan it announced")
            for key, value in {**changes, "finished_at": now}.items():
                setattr(row, key, value)
            self._append(session, head, now, actor=actor, action=action, subject=f"{name}@{row.version}",
                         payload={"run_id": run_id, **payload}, bound=[("runs", name, row)])
            return row.entity(name)
        return self._write(write)

    def finish_run(self, run_id: int, *, report: dict[str, Any], actor: str, verdict: str | None = None,
                   verdict_detail: dict[str, Any] | None = None) -> EvalRun:
        if verdict is not None and verdict not in _VERDICTS:
            raise RegistryError(f"verdict must be one of {', '.join(_VERDICTS)} or None, got {verdict!r}")
        if not isinstance(report, dict):
            raise RegistryError("report must be the EvalReport's JSON object")
        changes = {"status": "complete", "report": report, "verdict": verdict, "verdict_detail": verdict_detail}
        return self._end_run(run_id, actor, "run.finish", changes,
                             {"verdict": verdict, "report_sha256": _digest(report),
                              "verdict_detail_sha256": None if verdict_detail is None else _digest(verdict_detail)})

    def fail_run(self, run_id: int, *, error: str, actor: str) -> EvalRun:
        return self._end_run(run_id, actor, "run.fail", {"status": "failed", "error": str(error)},
                             {"error": str(error)[:2000]})

    def get_run(self, run_id: int) -> EvalRun:
        def read(session: Session) -> EvalRun:
            row, model = self._run_row(session, run_id)
            return row.entity(model)

        return self._read(read)

    def latest_run(self, name: str, version: int, *, policy_sha256: str | None = None,
                   suite_sha256: str | None = None) -> EvalRun | None:
        """The most recent (highest id) ``complete`` run of ``name@version``, under ``policy_sha256`` and
        of the suite ``suite_sha256`` where given."""
        def read(session: Session) -> EvalRun | None:
            query = (select(RunRow).join(ModelRow, ModelRow.id == RunRow.model_id)
                     .where(ModelRow.name == name, RunRow.version == version, RunRow.status == "complete"))
            if policy_sha256 is not None:
                query = query.where(RunRow.policy_sha256 == policy_sha256)
            if suite_sha256 is not None:
                query = query.where(RunRow.suite_sha256 == suite_sha256)
            row = session.scalar(query.order_by(RunRow.id.desc()).limit(1))
            if row is None:
                self._version_row(session, name, version)  # unknown name or version: say so
                return None
            return row.entity(name)
        return self._read(read)

    def list_runs(self, name: str | None = None, version: int | None = None, *, limit: int = 100) -> list[EvalRun]:
        """Newest first."""
        def read(session: Session) -> list[EvalRun]:
            query = select(RunRow, ModelRow.name).join(ModelRow, ModelRow.id == RunRow.model_id)
            if name is not None:
                query = query.where(RunRow.model_id == self._model_id(session, name))
            if version is not None:
                query = query.where(RunRow.version == version)
            return [row.entity(model) for row, model in session.execute(query.order_by(RunRow.id.desc()).limit(limit))]
        return self._read(read)

    def latest_run_summaries(self, name: str | None = None) -> list[RunSummary]:
        """Newest complete run per (version, policy hash); the grouping is answered from ``ix_runs_gate``
        alone, and only the chosen rows are read, never a report."""
        latest = select(func.max(RunRow.id).label("id")).where(RunRow.status == "complete")
        return self._summaries(latest, (RunRow.model_id, RunRow.version, RunRow.policy_sha256), name)

    def newest_attempts(self, name: str | None = None) -> list[RunSummary]:
        """Newest run per version whatever its status: a crash or a run still going after the last
        complete one must not hide behind an older verdict."""
        return self._summaries(select(func.max(RunRow.id).label("id")), (RunRow.model_id, RunRow.version), name)

    def _summaries(self, latest: Any, group: tuple[Any, ...], name: str | None) -> list[RunSummary]:
        columns = {"id": RunRow.id, "model": ModelRow.name, "version": RunRow.version, "status": RunRow.status,
                   "suite_name": RunRow.suite_name, "policy_name": RunRow.policy_name,
                   "policy_sha256": RunRow.policy_sha256, "verdict": RunRow.verdict, "fingerprint": RunRow.fingerprint,
                   "started_at": RunRow.started_at, "finished_at": RunRow.finished_at,
                   "created_by": RunRow.created_by}

        def read(session: Session) -> list[RunSummary]:
            chosen = latest
            if name is not None:
                chosen = chosen.where(RunRow.model_id == self._model_id(session, name))
            grouped = chosen.group_by(*group).subquery()
            query = (select(*columns.values()).join(grouped, grouped.c.id == RunRow.id)
                     .join(ModelRow, ModelRow.id == RunRow.model_id).order_by(RunRow.id))
            return [RunSummary(**dict(zip(columns, row))) for row in session.execute(query)]
        return self._read(read)

    # -- aliases -------------------------------------------------------------------------------------

    def alias_target(self, name: str, alias: str) -> int | None:
        return self._read(lambda s: s.scalar(select(AliasRow.version).where(
            AliasRow.model_id == self._model_id(s, name), AliasRow.alias == alias)))

    def aliases(self, name: str) -> dict[str, int]:
        return self._read(lambda s: dict(s.execute(select(AliasRow.alias, AliasRow.version).where(
            AliasRow.model_id == self._model_id(s, name)).order_by(AliasRow.alias)).tuples().all()))

    def alias_history(self, name: str, alias: str | None = None) -> list[AliasMove]:
        """Oldest first."""
        def read(session: Session) -> list[AliasMove]:
            query = select(AliasMoveRow).where(AliasMoveRow.model_id == self._model_id(session, name))
            if alias is not None:
                query = query.where(AliasMoveRow.alias == alias)
            return [r.entity(name) for r in session.scalars(query.order_by(AliasMoveRow.id))]
        return self._read(read)

    def move_alias(self, name: str, alias: str, version: int | None, *, actor: str, reason: str,
                   run_id: int | None = None, expected_previous: int | None | Literal["any"] = "any",
                   audit_payload: dict[str, Any] | None = None) -> AliasMove:
        """Point ``alias`` at ``version`` (None removes it). Only ``guard.release`` should call this.

        ``expected_previous`` must be the alias's current target (None: the alias must be unset), else
        nothing moves — two gates racing for one alias cannot both win. ``"any"`` skips the check.
        """
        if not isinstance(alias, str) or not _ALIAS.match(alias):
            raise RegistryError(f"invalid alias {alias!r}", hint="start with a letter; letters, digits, _ . -")
        _text(reason, "reason"), _text(actor, "actor")

        def write(session: Session, head: AuditHeadRow, now: datetime) -> AliasMove:
            model_id = self._model_id(session, name)
            if version is not None:
                self._version_row(session, name, version)
            if run_id is not None:
                run, run_model = self._run_row(session, run_id)
                if (run_model, run.version) != (name, version):
                    raise RegistryError(f"run {run_id} evaluated {run_model}@{run.version}, not {name}@{version}")
            current = session.get(AliasRow, (model_id, alias))
            previous = current.version if current is not None else None
            if expected_previous != "any" and previous != expected_previous:
                raise AliasMovedError(f"alias {name}@{alias} now points at {previous}, not {expected_previous}",
                                    hint="it moved meanwhile; look at `guard history` and try again")
            if version is None and current is None:
                raise RegistryError(f"alias {name}@{alias} is not set", hint=did_you_mean(alias, session.scalars(
                    select(AliasRow.alias).where(AliasRow.model_id == model_id)).all()))
            payload_rows: list[dict[str, Any]] = []
            if version is None:
                session.delete(current)
                payload_rows.append({"table": "aliases", "key": f"{name}@{alias}", "sha256": None})
            elif current is None:
                current = AliasRow(model_id=model_id, alias=alias, version=version)
                session.add(current)
            else:
                current.version = version
            move = AliasMoveRow(model_id=model_id, alias=alias, version=version, previous_version=previous,
                                run_id=run_id, reason=reason, moved_at=now, moved_by=actor)
            session.add(move)
            session.flush()
            bound = [("alias_moves", name, move)] + ([("aliases", name, current)] if version is not None else [])
            payload = {"move_id": move.id, "alias": alias, "version": version, "previous_version": previous,
                       "run_id": run_id, "reason": reason, "detail": audit_payload or {}}
            if payload_rows:
                payload["removed"] = payload_rows
            self._append(session, head, now, actor=actor, action="alias.move", subject=f"{name}@{alias}",
                         payload=payload, bound=bound)
            return move.entity(name)

        return self._write(write)

    # -- approvals and waivers -----------------------------------------------------------------------

    def add_approval(self, name: str, version: int, *, approver: str, reason: str,
                     expires_at: datetime | None = None) -> Approval:
        _text(approver, "approver"), _text(reason, "reason")
        if expires_at is not None and expires_at.tzinfo is None:
            expires_at = expires_at.replace(tzinfo=timezone.utc)

        def write(session: Session, head: AuditHeadRow, now: datetime) -> Approval:
            if expires_at is not None and expires_at <= now:
                raise RegistryError(f"approval expiry {iso_utc(expires_at)} is not in the future")
            target = self._version_row(session, name, version)
            row = ApprovalRow(model_id=target.model_id, version=version, approver=approver, reason=reason,
                              created_at=now, expires_at=expires_at)
            session.add(row)
            session.flush()
            self._append(session, head, now, actor=approver, action="approval.add", subject=f"{name}@{version}",
                         payload={"approval_id": row.id, "reason": reason, "expires_at": expires_at},
                         bound=[("approvals", name, row)])
            return row.entity(name)

        return self._write(write)

    def list_approvals(self, name: str, version: int | None = None) -> list[Approval]:
        def read(session: Session) -> list[Approval]:
            query = select(ApprovalRow).where(ApprovalRow.model_id == self._model_id(session, name))
            if version is not None:
                query = query.where(ApprovalRow.version == version)
            return [r.entity(name) for r in session.scalars(query.order_by(ApprovalRow.id))]
        return self._read(read)

    def add_waiver(self, name: str, version: int, *, rule_ids: list[str], policy_name: str, approver: str,
                   reason: str, expires_at: datetime) -> Waiver:
        """A waiver must name at least one rule and expire in the future (naive datetimes are UTC)."""
        _text(policy_name, "policy_name"), _text(approver, "approver"), _text(reason, "reason")
        if isinstance(rule_ids, str) or not rule_ids:
            raise RegistryError("a waiver must name at least one rule id")
        rules = [_text(r, "rule id") for r in rule_ids]
        if not isinstance(expires_at, datetime):
            raise RegistryError(f"a waiver needs an expiry time, got {expires_at!r}")
        expires = expires_at if expires_at.tzinfo else expires_at.replace(tzinfo=timezone.utc)

        def write(session: Session, head: AuditHeadRow, now: datetime) -> Waiver:
            if expires <= now:
                raise RegistryError(f"waiver expiry {iso_utc(expires)} is not in the future")
            target = self._version_row(session, name, version)
            row = WaiverRow(model_id=target.model_id, version=version, rule_ids=rules, policy_name=policy_name,
                            approver=approver, reason=reason, created_at=now, expires_at=expires)
            session.add(row)
            session.flush()
            self._append(session, head, now, actor=approver, action="waiver.add", subject=f"{name}@{version}",
                         payload={"waiver_id": row.id, "rule_ids": rules, "policy_name": policy_name,
                                  "reason": reason, "expires_at": expires}, bound=[("waivers", name, row)])
            return row.entity(name)

        return self._write(write)

    def list_waivers(self, name: str, version: int | None = None) -> list[Waiver]:
        def read(session: Session) -> list[Waiver]:
            query = select(WaiverRow).where(WaiverRow.model_id == self._model_id(session, name))
            if version is not None:
                query = query.where(WaiverRow.version == version)
            return [r.entity(name) for r in session.scalars(query.order_by(WaiverRow.id))]
        return self._read(read)

    def active_waivers(self, name: str, version: int, *, policy_name: str, at: datetime) -> list[Waiver]:
        """Waivers of ``name@version`` under ``policy_name`` that have not expired at ``at``."""
        def read(session: Session) -> list[Waiver]:
            query = select(WaiverRow).where(
                WaiverRow.model_id == self._model_id(session, name), WaiverRow.version == version,
                WaiverRow.policy_name == policy_name, WaiverRow.expires_at > at)
            return [r.entity(name) for r in session.scalars(query.order_by(WaiverRow.id))]
        return self._read(read)

    # -- audit ---------------------------------------------------------------------------------------

    def append_audit(self, *, actor: str, action: str, subject: str, payload: dict[str, Any]) -> AuditEvent:
        """A free event (a gate's refusal, a note). It binds no row: the keys and actions that do are the store's."""
        if not isinstance(payload, dict) or any(key in payload for key in RESERVED_KEYS):
            raise RegistryError(f"an audit payload may not carry {', '.join(RESERVED_KEYS)}: they bind registry rows")
        if action in _ROW_ACTIONS:
            raise RegistryError(f"audit action '{action}' is written by the store itself")
        return self._write(lambda session, head, now: self._append(
            session, head, now, actor=actor, action=action, subject=subject, payload=payload).entity())

    def audit_events(self, *, since_seq: int = 0, limit: int | None = None) -> list[AuditEvent]:
        """Events with ``seq > since_seq``, oldest first."""
        query = select(AuditEventRow).where(AuditEventRow.seq > since_seq).order_by(AuditEventRow.seq).limit(limit)
        return self._read(lambda s: [r.entity() for r in s.scalars(query)])

    def verify_audit(self, *, expect_head: tuple[int, str] | None = None) -> AuditVerification:
        """Walk the chain, then check every bound table's rows against the events that wrote them."""
        return self._read(lambda s: _verify.verify_all(s, key=self._key, expect_head=expect_head), snapshot=True)

    def audit_head(self) -> tuple[int, str]:
        """(seq, hash) of the newest event: save it outside the registry, check later with ``expect_head``."""
        def read(session: Session) -> tuple[int, str]:
            head = session.get(AuditHeadRow, 1)
            if head is None:
                raise RegistryError(f"registry {self.url}: the audit head row is missing")
            return head.seq, head.hash
        return self._read(read)

    def binding_problems(self, rows: list[tuple[str, str]]) -> list[str]:
        """For each (table, key) — e.g. ("runs", "12"), ("aliases", "m@production") — whether the stored row
        still matches the audit event that wrote it; an empty list when all do (the gate's re-check)."""
        return self._read(lambda s: _verify.binding_problems(s, rows, key=self._key), snapshot=True)

    # -- backup and restore (see _backup) ------------------------------------------------------------

    def export_lines(self) -> list[str]:
        """Every row and the audit chain as JSON lines, from one verified snapshot."""
        from guard.registry._backup import export_lines

        return list(export_lines(self))

    def import_export(self, header: dict[str, Any], rows: list[tuple[str, dict[str, Any]]], *, actor: str,
                      where: str) -> int:
        """Load a parsed export into this (empty) registry: verify, then commit once, with a
        ``registry.import`` event; nothing is written when anything does not verify."""
        from guard.registry._backup import load, refusal

        def write(session: Session, head: AuditHeadRow, now: datetime) -> int:
            count = load(session, header, rows, where)
            problem = refusal(_verify.verify_all(session, key=self._key, expect_head=None))
            if problem:
                raise RegistryError(f"{where}: import refused: {problem}", hint="nothing was written")
            session.refresh(head)
            self._append(session, head, now, actor=actor, action="registry.import", subject="registry",
                         payload={"source": header.get("source"), "exported_at": header.get("exported_at"),
                                  "imported_head": header.get("head"), "row_count": count})
            return count

        return self._write(write)
