"""Initial registry schema: models, versions, runs, aliases and their history, approvals, waivers, audit.

Revision ID: 0001
Revises:
Create Date: 2025-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "models",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("created_by", sa.String(200), nullable=False),
        sa.UniqueConstraint("name", name="uq_models_name"),
    )
    op.create_table(
        "model_versions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("model_id", sa.Integer, sa.ForeignKey("models.id", name="fk_model_versions_model"), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("spec", sa.Text, nullable=False),
        sa.Column("fingerprint", sa.String(128), nullable=False),
        sa.Column("metadata", sa.Text, nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("created_by", sa.String(200), nullable=False),
        sa.UniqueConstraint("model_id", "version", name="uq_model_versions_model_version"),
    )
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("model_id", sa.Integer, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("suite_name", sa.String(200), nullable=False),
        sa.Column("suite_sha256", sa.String(64), nullable=False),
        sa.Column("policy_name", sa.String(200), nullable=True),
        sa.Column("policy_sha256", sa.String(64), nullable=True),
        sa.Column("verdict", sa.String(16), nullable=True),
        sa.Column("fingerprint", sa.String(128), nullable=False),
        sa.Column("report", sa.Text, nullable=True),
        sa.Column("verdict_detail", sa.Text, nullable=True),
        sa.Column("error", sa.Text, nullable=True),
        sa.Column("started_at", _TS, nullable=False),
        sa.Column("finished_at", _TS, nullable=True),
        sa.Column("created_by", sa.String(200), nullable=False),
        sa.ForeignKeyConstraint(["model_id", "version"], ["model_versions.model_id", "model_versions.version"],
                                name="fk_runs_version"),
    )
    op.create_index("ix_runs_gate", "runs", ["model_id", "version", "policy_sha256", "status", "id"])
    op.create_index("ix_runs_version_status", "runs", ["model_id", "version", "status", "id"])
    op.create_table(
        "aliases",
        sa.Column("model_id", sa.Integer, sa.ForeignKey("models.id", name="fk_aliases_model"), primary_key=True),
        sa.Column("alias", sa.String(100), primary_key=True),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.create_table(
        "alias_moves",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("model_id", sa.Integer, sa.ForeignKey("models.id", name="fk_alias_moves_model"), nullable=False),
        sa.Column("alias", sa.String(100), nullable=False),
        sa.Column("version", sa.Integer, nullable=True),
        sa.Column("previous_version", sa.Integer, nullable=True),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id", name="fk_alias_moves_run"), nullable=True),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("moved_at", _TS, nullable=False),
        sa.Column("moved_by", sa.String(200), nullable=False),
    )
    op.create_index("ix_alias_moves_model_alias", "alias_moves", ["model_id", "alias", "id"])
    op.create_table(
        "approvals",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("model_id", sa.Integer, sa.ForeignKey("models.id", name="fk_approvals_model"), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("approver", sa.String(200), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("expires_at", _TS, nullable=True),
    )
    op.create_index("ix_approvals_model_version", "approvals", ["model_id", "version"])
    op.create_table(
        "waivers",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("model_id", sa.Integer, sa.ForeignKey("models.id", name="fk_waivers_model"), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("rule_ids", sa.Text, nullable=False),
        sa.Column("policy_name", sa.String(200), nullable=False),
        sa.Column("approver", sa.String(200), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("expires_at", _TS, nullable=False),
    )
    op.create_index("ix_waivers_lookup", "waivers", ["model_id", "version", "policy_name", "expires_at"])
    op.create_table(
        "audit_events",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("action", sa.String(100), nullable=False),
        sa.Column("subject", sa.String(400), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    head = op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("count", sa.Integer, nullable=False),
    )
    op.bulk_insert(head, [{"id": 1, "seq": 0, "hash": "0" * 64, "count": 0}])


def downgrade() -> None:
    for table in ("audit_head", "audit_events", "waivers", "approvals", "alias_moves", "aliases", "runs",
                  "model_versions", "models"):
        op.drop_table(table)
