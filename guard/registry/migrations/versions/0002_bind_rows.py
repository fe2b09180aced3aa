"""Bind rows to the audit chain; one version per artifact; run plans; keyed audit events.

Adds ``audit_seq`` to every table the gate reads, ``runs.plan``, ``audit_events.hmac``, a unique
index on ``(model_id, artifact_key)`` and an index for the gate's latest-alias-move lookup. Rows that
exist already are snapshotted by one ``registry.migrate`` event (their digests under
``legacy_rows``): from then on a change to them is detected, but nothing vouches for what they held
before, which ``guard audit verify`` reports as "rows unbound before migration". No row is lost.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01
"""

from __future__ import annotations

import json
from datetime import datetime, timezone

import sqlalchemy as sa
from alembic import op

from guard.audit import audit_key, canonical_json, event_document, event_hash, event_hmac, iso_utc
from guard.registry._binding import FIELDS_V1, row_digest, row_key

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

BOUND_TABLES = ("model_versions", "runs", "aliases", "alias_moves", "approvals", "waivers")
"""The tables this revision binds (frozen: later revisions bind their own tables)."""
_TS = sa.DateTime(timezone=True)
_TYPES = {"created_at": _TS, "expires_at": _TS, "started_at": _TS, "finished_at": _TS, "moved_at": _TS}


def upgrade() -> None:
    for table in BOUND_TABLES:
        op.add_column(table, sa.Column("audit_seq", sa.Integer, nullable=True))
    op.add_column("runs", sa.Column("plan", sa.Text, nullable=True))
    op.add_column("audit_events", sa.Column("hmac", sa.String(64), nullable=True))
    op.add_column("model_versions", sa.Column("artifact_key", sa.String(128), nullable=True))
    conn = op.get_bind()
    # The first version of each artifact keeps the key; older duplicates stay, without one.
    conn.execute(sa.text(
        "UPDATE model_versions SET artifact_key = fingerprint WHERE id IN "
        "(SELECT MIN(id) FROM model_versions GROUP BY model_id, fingerprint)"))
    op.create_index("uq_model_versions_artifact", "model_versions", ["model_id", "artifact_key"], unique=True)
    op.create_index("ix_audit_events_subject", "audit_events", ["subject", "action", "seq"])
    _snapshot_existing_rows(conn)


def _snapshot_existing_rows(conn: sa.Connection) -> None:
    models: dict[int, str] = dict(conn.execute(sa.text("SELECT id, name FROM models")).tuples().all())
    legacy: dict[str, dict[str, str]] = {}
    for table in BOUND_TABLES:
        columns = [sa.column(name, _TYPES.get(name, sa.Text() if name != "version" else sa.Integer()))
                   for name in FIELDS_V1[table]]
        core = sa.table(table, sa.column("model_id"), *columns)
        rows: dict[str, str] = {}
        for row in conn.execute(sa.select(core)).mappings():
            values = dict(row)
            model = models[values["model_id"]]
            rows[row_key(table, model, values)] = row_digest(table, model, values)
        if rows:
            legacy[table] = rows
    count = sum(len(rows) for rows in legacy.values())
    if not count:
        return  # a new registry: nothing predates the binding
    # unpacked: on a Row, ``.count`` is also the tuple method
    head = sa.text("SELECT seq, hash, count FROM audit_head WHERE id = 1")
    head_seq, head_hash, head_count = conn.execute(head).one()
    seq, at = head_seq + 1, iso_utc(datetime.now(timezone.utc))
    payload = {"revision": revision, "unbound_before_migration": count, "legacy_rows": legacy}
    document = event_document(seq=seq, at=at, actor="guard-migration", action="registry.migrate", subject="registry",
                              payload=json.loads(canonical_json(payload)))
    digest = event_hash(head_hash, document)
    key = audit_key()
    conn.execute(sa.text(
        "INSERT INTO audit_events (seq, at, actor, action, subject, payload, prev_hash, hash, hmac) "
        "VALUES (:seq, :at, 'guard-migration', 'registry.migrate', 'registry', :payload, :prev, :hash, :hmac)"),
        {"seq": seq, "at": at, "payload": canonical_json(payload), "prev": head_hash, "hash": digest,
         "hmac": event_hmac(key, digest) if key else None})
    conn.execute(sa.text("UPDATE audit_head SET seq = :seq, hash = :hash, count = :count WHERE id = 1"),
                 {"seq": seq, "hash": digest, "count": head_count + 1})
    for table in BOUND_TABLES:
        conn.execute(sa.text(f"UPDATE {table} SET audit_seq = :seq WHERE audit_seq IS NULL"), {"seq": seq})


def downgrade() -> None:
    op.drop_index("ix_audit_events_subject", "audit_events")
    op.drop_index("uq_model_versions_artifact", "model_versions")
    with op.batch_alter_table("model_versions") as batch:
        batch.drop_column("artifact_key")
    with op.batch_alter_table("audit_events") as batch:
        batch.drop_column("hmac")
    with op.batch_alter_table("runs") as batch:
        batch.drop_column("plan")
    for table in BOUND_TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("audit_seq")
