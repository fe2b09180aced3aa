"""Opening a registry migrates it with Alembic: fresh → head, again → no-op, schema == ORM rows."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text

from guard.registry import migrations, open_registry
from guard.registry._rows import Base

TABLES = {"alembic_version", "models", "model_versions", "runs", "aliases", "alias_moves", "approvals", "waivers",
          "audit_events", "audit_head"}


def test_head_constant_matches_the_revision_files() -> None:
    assert ScriptDirectory.from_config(migrations.alembic_config()).get_current_head() == migrations.HEAD == "0001"


def test_fresh_database_is_migrated_to_head_and_matches_the_rows(registry_url: str) -> None:
    with open_registry(registry_url) as store:
        store.register_version("m", "hf:a", "fp", actor="a")
    engine = create_engine(registry_url)
    try:
        with engine.connect() as conn:
            assert TABLES <= set(inspect(conn).get_table_names())
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all() == ["0001"]
            assert conn.execute(text("SELECT seq, count FROM audit_head")).all() == [(1, 1)]
            indexes = {ix["name"] for ix in inspect(conn).get_indexes("runs")}
            assert indexes >= {"ix_runs_gate", "ix_runs_version_status"}
            diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
            assert diff == [], diff
    finally:
        engine.dispose()


def test_opening_again_is_a_no_op(registry_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    open_registry(registry_url).close()

    def must_not_run(*_: object) -> None:
        raise AssertionError("upgrade attempted on a database at head")

    monkeypatch.setattr(migrations, "upgrade_to_head", must_not_run)
    with open_registry(registry_url) as store:
        assert store.verify_audit().ok
    engine = create_engine(registry_url)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all() == ["0001"]
    finally:
        engine.dispose()


def test_database_from_a_newer_guard_is_refused(registry_url: str) -> None:
    from guard.registry import RegistryError

    open_registry(registry_url).close()
    engine = create_engine(registry_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099'"))
    engine.dispose()
    with pytest.raises(RegistryError, match="newer rai-guard"):
        open_registry(registry_url)
