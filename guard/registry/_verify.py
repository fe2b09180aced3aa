"""Checking the registry against its audit chain: the whole of it (``guard audit verify``) or the few
rows the release gate is about to decide on. Private to ``guard.registry.sql``; functions of a session.

A row verifies when its ``audit_seq`` names an event whose payload carries the row's current digest
(see ``_binding``), that event is intact (its hash recomputes and the next event links to it), it
carries a valid HMAC when ``GUARD_AUDIT_KEY`` is set, and no later event rewrote the row.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from guard.audit import StoredEvent, event_document, event_hash, hmac_ok, verify_chain
from guard.registry._binding import BOUND_TABLES, bound_rows, orm_values, row_digest, row_key
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
    VersionTagRow,
    WaiverRow,
)
from guard.registry.store import AuditVerification

_ROWS: dict[str, Any] = {"model_versions": VersionRow, "runs": RunRow, "aliases": AliasRow,
                         "alias_moves": AliasMoveRow, "approvals": ApprovalRow, "waivers": WaiverRow,
                         "version_tags": VersionTagRow, "version_lineage": VersionLineageRow}
_MAX_PROBLEMS = 50


def _stored(row: AuditEventRow) -> StoredEvent:
    return StoredEvent(row.seq, row.at, row.actor, row.action, row.subject, row.payload, row.prev_hash, row.hash,
                       row.hmac)


def verify_all(session: Session, *, key: bytes | None, expect_head: tuple[int, str] | None) -> AuditVerification:
    """The chain, then every row of every bound table against the events (in one snapshot)."""
    head = session.get(AuditHeadRow, 1)
    if head is None:
        return AuditVerification(ok=False, events=0, first_broken_seq=0, reason="the audit head row is missing")
    expected: dict[tuple[str, str], tuple[int, str | None]] = {}
    legacy = 0

    def collect(event: StoredEvent) -> None:
        nonlocal legacy
        payload = json.loads(event.payload)
        if not isinstance(payload, dict):
            return
        for table, row, digest in bound_rows(payload):
            expected[(table, row)] = (event.seq, digest)
        if event.action == "registry.migrate":
            legacy += int(payload.get("unbound_before_migration") or 0)

    rows = session.execute(select(AuditEventRow).order_by(AuditEventRow.seq).execution_options(yield_per=2000))
    check = verify_chain((_stored(r) for r in rows.scalars()), head_seq=head.seq, head_hash=head.hash,
                         head_count=head.count, key=key, expect_head=expect_head, on_event=collect)
    common: dict[str, Any] = {"events": check.events, "keyed": check.keyed, "key_used": key is not None,
              "unbound_before_migration": legacy}
    if not check.ok:
        return AuditVerification(ok=False, first_broken_seq=check.first_broken_seq, reason=check.reason, **common)
    problems: list[str] = []
    checked = 0
    for table in BOUND_TABLES:
        for model, row in _all_rows(session, table):
            checked += 1
            values = orm_values(row, table)
            key_text = row_key(table, model, values)
            bound = expected.pop((table, key_text), None)
            where = f"table '{table}' row {key_text}"
            if bound is None or bound[1] is None:
                problems.append(f"{where} is not bound to any audit event (written outside guard)")
            elif row.audit_seq != bound[0]:
                problems.append(f"{where} names audit event {row.audit_seq}, but event {bound[0]} wrote it last "
                                "(changed outside guard)")
            elif row_digest(table, model, values) != bound[1]:
                problems.append(f"{where} does not match audit event {bound[0]} (changed outside guard)")
    for (table, key_text), (seq, digest) in sorted(expected.items(), key=lambda item: item[1][0]):
        if digest is not None:
            problems.append(f"table '{table}' row {key_text}, written by audit event {seq}, is missing "
                            "(deleted outside guard)")
    return AuditVerification(ok=not problems, rows=checked, row_problems=problems[:_MAX_PROBLEMS],
                             row_problem_count=len(problems),
                             reason=problems[0] if problems else "", **common)


def _all_rows(session: Session, table: str) -> Any:
    row_type = _ROWS[table]
    query = (select(row_type, ModelRow.name).join(ModelRow, ModelRow.id == row_type.model_id)
             .execution_options(yield_per=1000))
    for row, model in session.execute(query):
        yield model, row


def _find(session: Session, table: str, key_text: str) -> tuple[str, Any] | None:
    """The row an event names, with its model's name; None when it is not there."""
    row_type = _ROWS[table]
    if table == "version_tags":
        ref, _, tag = key_text.rpartition("#")
        model, _, number = ref.rpartition("@")
        found = session.execute(select(row_type).join(ModelRow, ModelRow.id == row_type.model_id).where(
            ModelRow.name == model, row_type.version == (int(number) if number.isdigit() else -1),
            row_type.key == tag)).scalar()
        return (model, found) if found is not None else None
    if table in ("model_versions", "aliases", "version_lineage"):
        model, _, rest = key_text.rpartition("@")
        column = row_type.alias if table == "aliases" else row_type.version
        value: Any = rest if table == "aliases" else (int(rest) if rest.isdigit() else -1)
        found = session.execute(select(row_type).join(ModelRow, ModelRow.id == row_type.model_id)
                                .where(ModelRow.name == model, column == value)).scalar()
        return (model, found) if found is not None else None
    if not key_text.isdigit():
        return None
    found = session.execute(select(row_type, ModelRow.name).join(ModelRow, ModelRow.id == row_type.model_id)
                            .where(row_type.id == int(key_text))).first()
    return (found[1], found[0]) if found is not None else None


def _event_problem(session: Session, event: AuditEventRow, head: AuditHeadRow, key: bytes | None) -> str | None:
    """Why this one event cannot be trusted (its content, its link to the next one, its HMAC), or None."""
    try:
        document = event_document(seq=event.seq, at=event.at, actor=event.actor, action=event.action,
                                  subject=event.subject, payload=json.loads(event.payload))
    except ValueError:
        return f"audit event {event.seq} has an unreadable payload"
    if event_hash(event.prev_hash, document) != event.hash:
        return f"audit event {event.seq} was changed (its hash does not match its content)"
    if event.seq == head.seq:
        if head.hash != event.hash:
            return f"audit event {event.seq} is the head but the head records another hash"
    else:
        following = session.scalar(select(AuditEventRow.prev_hash).where(AuditEventRow.seq == event.seq + 1))
        if following != event.hash:
            return f"audit event {event.seq} is not linked from event {event.seq + 1} (the chain was rewritten)"
    if key is not None:
        if event.hmac is not None:
            if not hmac_ok(key, event.hash, event.hmac):
                return f"audit event {event.seq}'s HMAC does not verify under GUARD_AUDIT_KEY"
        else:
            first_keyed = session.scalar(select(func.min(AuditEventRow.seq)).where(AuditEventRow.hmac.is_not(None)))
            if first_keyed is not None and first_keyed < event.seq:
                return (f"audit event {event.seq} carries no HMAC although event {first_keyed} before it does "
                        "(written without the audit key)")
    return None


def binding_problems(session: Session, refs: list[tuple[str, str]], *, key: bytes | None) -> list[str]:
    """Each ``(table, key)`` row against the event that wrote it; messages name table and row."""
    head = session.get(AuditHeadRow, 1)
    if head is None:
        return ["the audit head row is missing"]
    problems: list[str] = []
    for table, key_text in refs:
        where = f"table '{table}' row {key_text}"
        found = _find(session, table, key_text)
        latest_move = None
        if table == "aliases":
            latest_move = session.scalar(select(func.max(AuditEventRow.seq)).where(
                AuditEventRow.subject == key_text, AuditEventRow.action == "alias.move"))
        if found is None:
            if latest_move is not None:
                moved = session.get(AuditEventRow, latest_move)
                if moved is not None and json.loads(moved.payload).get("version") is not None:
                    problems.append(f"{where} is missing, but audit event {latest_move} set it (deleted outside guard)")
            continue
        model, row = found
        if row.audit_seq is None:
            problems.append(f"{where} is not bound to any audit event (written outside guard)")
            continue
        if latest_move is not None and row.audit_seq != latest_move:
            problems.append(f"{where} names audit event {row.audit_seq}, but event {latest_move} moved it last "
                            "(rolled back outside guard)")
            continue
        event = session.get(AuditEventRow, row.audit_seq)
        if event is None:
            problems.append(f"{where} names audit event {row.audit_seq}, which does not exist")
            continue
        broken = _event_problem(session, event, head, key)
        if broken:
            problems.append(f"{where}: {broken}")
            continue
        values = orm_values(row, table)
        digest = row_digest(table, model, values)
        recorded = {(t, k): d for t, k, d in bound_rows(json.loads(event.payload))}
        if recorded.get((table, row_key(table, model, values))) != digest:
            problems.append(f"{where} does not match audit event {event.seq} (changed outside guard)")
    return problems
