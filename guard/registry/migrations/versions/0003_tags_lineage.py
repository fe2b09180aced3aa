"""Tags and lineage of versions: ``version_tags`` (key=value, removable) and ``version_lineage``
(description, parent, declared training data), both bound to the audit chain like the tables of 0002.

A registry migrated from 0002 has no rows in them, so nothing needs snapshotting.

Revision ID: 0003
Revises: 0002
Create Date: 2027-01-15
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "version_tags",
        sa.Column("model_id", sa.Integer, primary_key=True),
        sa.Column("version", sa.Integer, primary_key=True),
        sa.Column("key", sa.String(100), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("set_at", _TS, nullable=False),
        sa.Column("set_by", sa.String(200), nullable=False),
        sa.Column("audit_seq", sa.Integer, nullable=True),
        sa.ForeignKeyConstraint(["model_id", "version"], ["model_versions.model_id", "model_versions.version"],
                                name="fk_version_tags_version"),
    )
    op.create_table(
        "version_lineage",
        sa.Column("model_id", sa.Integer, primary_key=True),
        sa.Column("version", sa.Integer, primary_key=True),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("parent", sa.String(400), nullable=True),
        sa.Column("training_data", sa.Text, nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("created_by", sa.String(200), nullable=False),
        sa.Column("audit_seq", sa.Integer, nullable=True),
        sa.ForeignKeyConstraint(["model_id", "version"], ["model_versions.model_id", "model_versions.version"],
                                name="fk_version_lineage_version"),
    )


def downgrade() -> None:
    op.drop_table("version_lineage")
    op.drop_table("version_tags")
