"""Schema migrations (Alembic). The store brings every database to head when it opens one.

Revisions live in ``versions/`` and are written by hand; ``env.py`` is Alembic's entry point. No
``alembic.ini`` is needed: the configuration is built here, pointing at this package's directory, so
it works from a checkout and after a plain, non-editable install alike. Alembic itself is imported
only when a database is behind, so opening an up-to-date registry stays cheap.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect, text

if TYPE_CHECKING:
    from alembic.config import Config

HEAD = "0003"
"""The newest revision in ``versions/`` (a test checks it against Alembic's own view)."""

VERSION_TABLE = "alembic_version"
_HERE = Path(__file__).resolve().parent
_PG_LOCK_KEY = 0x6775617264  # any constant: names the advisory lock that serialises upgrades on PostgreSQL


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(_HERE).replace("%", "%%"))
    return cfg


def current_revision(connection: Connection) -> str | None:
    """The database's revision, or None for a database without the registry schema."""
    if not inspect(connection).has_table(VERSION_TABLE):
        return None
    return connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()


def upgrade_to_head(connection: Connection) -> None:
    """Upgrade inside the caller's transaction, serialised against other processes.

    The caller begins ``connection``'s transaction: on SQLite with ``BEGIN IMMEDIATE`` (the write lock
    serialises), on PostgreSQL we take a transaction-scoped advisory lock here. A process that waited
    finds the schema already at head and does nothing.
    """
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})
    if current_revision(connection) == HEAD:
        return
    from alembic import command

    cfg = alembic_config()
    cfg.attributes["connection"] = connection
    command.upgrade(cfg, "head")
