"""Opening a registry migrates it with Alembic: fresh → head, again → no-op, schema == ORM rows, and a
registry written at revision 0001 keeps every row and has them snapshotted into the audit chain."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import MetaData, create_engine, inspect, make_url, text

from guard.registry import migrations, open_registry
from guard.registry._rows import Base

BOUND_TABLES = ("model_versions", "runs", "aliases", "alias_moves", "approvals", "waivers")
TABLES = {"alembic_version", "models", "model_versions", "runs", "aliases", "alias_moves", "approvals", "waivers",
          "audit_events", "audit_head"}


def test_head_constant_matches_the_revision_files() -> None:
    assert ScriptDirectory.from_config(migrations.alembic_config()).get_current_head() == migrations.HEAD == "0003"


def test_fresh_database_is_migrated_to_head_and_matches_the_rows(registry_url: str) -> None:
    with open_registry(registry_url) as store:
        store.register_version("m", "hf:a", "fp", actor="a")
    engine = create_engine(registry_url)
    try:
        with engine.connect() as conn:
            assert TABLES <= set(inspect(conn).get_table_names())
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all() == ["0003"]
            assert conn.execute(text("SELECT seq, count FROM audit_head")).all() == [(1, 1)]
            indexes = {ix["name"] for ix in inspect(conn).get_indexes("runs")}
            assert indexes >= {"ix_runs_gate", "ix_runs_version_status"}
            columns = {table: {c["name"] for c in inspect(conn).get_columns(table)}
                       for table in (*BOUND_TABLES, "audit_events")}
            assert all("audit_seq" in columns[table] for table in BOUND_TABLES), columns
            assert "plan" in columns["runs"] and "hmac" in columns["audit_events"]
            assert "artifact_key" in columns["model_versions"]
            version_indexes = {ix["name"]: ix for ix in inspect(conn).get_indexes("model_versions")}
            artifact = version_indexes["uq_model_versions_artifact"]
            assert artifact["unique"] and artifact["column_names"] == ["model_id", "artifact_key"]
            assert "ix_audit_events_subject" in {ix["name"] for ix in inspect(conn).get_indexes("audit_events")}
            # a new registry has nothing that predates the binding: no registry.migrate event
            assert conn.execute(text("SELECT action FROM audit_events")).scalars().all() == ["version.register"]
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
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all() == ["0003"]
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


def _registry_at_0001_with_rows(url: str) -> dict[str, int]:
    """A registry built by revision 0001 and filled as the old store did (two versions of one artifact, a
    complete run, an alias and its move, an approval, a waiver), but by raw SQL and with no audit event
    at all (the audit head stays at seq 0). Returns the row count of every table."""
    database = make_url(url).database
    if url.startswith("sqlite") and database:
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    at = datetime(2025, 11, 27, 9, 30, 0, 123456, tzinfo=timezone.utc)
    fingerprint = "sha256:" + "1" * 64
    rows = {
        "models": [{"id": 1, "name": "m", "description": "", "created_at": at, "created_by": "ana"}],
        "model_versions": [
            {"id": 1, "model_id": 1, "version": 1, "spec": "hf:a", "fingerprint": fingerprint,
             "metadata": json.dumps({"card": "x"}), "created_at": at, "created_by": "ana"},
            {"id": 2, "model_id": 1, "version": 2, "spec": "hf:a-again", "fingerprint": fingerprint,
             "metadata": "{}", "created_at": at + timedelta(seconds=1), "created_by": "bob"}],
        "runs": [{"id": 1, "model_id": 1, "version": 1, "status": "complete", "suite_name": "s",
                  "suite_sha256": "5" * 64, "policy_name": "release", "policy_sha256": "a" * 64, "verdict": "pass",
                  "fingerprint": fingerprint, "report": json.dumps({"schema_version": 1, "ci_low": 0.85}),
                  "verdict_detail": json.dumps({"status": "pass"}), "error": None,
                  "started_at": at + timedelta(seconds=2), "finished_at": at + timedelta(seconds=3),
                  "created_by": "ci"}],
        "aliases": [{"model_id": 1, "alias": "production", "version": 1}],
        "alias_moves": [{"id": 1, "model_id": 1, "alias": "production", "version": 1, "previous_version": None,
                         "run_id": 1, "reason": "first release", "moved_at": at + timedelta(seconds=4),
                         "moved_by": "ci"}],
        "approvals": [{"id": 1, "model_id": 1, "version": 1, "approver": "lead", "reason": "reviewed",
                       "created_at": at + timedelta(seconds=5), "expires_at": None}],
        "waivers": [{"id": 1, "model_id": 1, "version": 2, "rule_ids": json.dumps(["leaks"]),
                     "policy_name": "release", "approver": "dpo", "reason": "accepted",
                     "created_at": at + timedelta(seconds=6), "expires_at": at + timedelta(days=3650)}],
    }
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            cfg = migrations.alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "0001")
        with engine.begin() as conn:
            assert migrations.current_revision(conn) == "0001"
            schema = MetaData()
            schema.reflect(conn)
            assert "audit_seq" not in schema.tables["runs"].c  # really the old schema
            for table, values in rows.items():
                conn.execute(schema.tables[table].insert(), values)
            if conn.dialect.name == "postgresql":  # explicit ids: move the sequences past them
                for table in ("models", "model_versions", "runs", "alias_moves", "approvals", "waivers"):
                    conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                      f"(SELECT MAX(id) FROM {table}))"))
        return _counts(engine)
    finally:
        engine.dispose()


def _counts(engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {table: conn.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar_one()
                for table in ("models", *BOUND_TABLES, "audit_events")}


def test_a_registry_written_at_0001_keeps_every_row_and_binds_them_on_migration(registry_url: str) -> None:
    before = _registry_at_0001_with_rows(registry_url)
    legacy = sum(before[table] for table in BOUND_TABLES)
    assert before["audit_events"] == 0 and legacy == 7

    with open_registry(registry_url) as store:
        engine = create_engine(registry_url)
        try:
            after = _counts(engine)
            with engine.connect() as conn:
                assert conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all() == ["0003"]
                # the first version of the artifact keeps its key, the older duplicate stays without one
                assert conn.execute(text("SELECT version, artifact_key FROM model_versions ORDER BY version")).all() \
                    == [(1, "sha256:" + "1" * 64), (2, None)]
        finally:
            engine.dispose()
        assert after == {**before, "audit_events": 1}  # no row lost; one registry.migrate event
        [migrate] = store.audit_events()
        assert (migrate.seq, migrate.action, migrate.actor) == (1, "registry.migrate", "guard-migration")
        assert migrate.payload["unbound_before_migration"] == legacy
        assert sorted(migrate.payload["legacy_rows"]) == sorted(BOUND_TABLES)

        verification = store.verify_audit()
        assert verification.ok, verification.reason
        assert (verification.events, verification.rows, verification.unbound_before_migration) == (1, legacy, legacy)
        # what the old store wrote reads back unchanged, every row bound to the migration's event
        assert [(v.version, v.spec, v.metadata, v.audit_seq) for v in store.list_versions("m")] == [
            (1, "hf:a", {"card": "x"}, 1), (2, "hf:a-again", {}, 1)]
        run = store.get_run(1)
        assert (run.status, run.verdict, run.report, run.audit_seq) == (
            "complete", "pass", {"schema_version": 1, "ci_low": 0.85}, 1)
        assert store.aliases("m") == {"production": 1} and store.alias_history("m")[0].audit_seq == 1
        assert store.list_approvals("m")[0].audit_seq == 1 and store.list_waivers("m")[0].rule_ids == ["leaks"]
        assert store.binding_problems([("runs", "1"), ("aliases", "m@production"), ("model_versions", "m@2"),
                                       ("approvals", "1"), ("waivers", "1"), ("alias_moves", "1")]) == []
        # the new store writes on top: the artifact is found (its first version), a new one is bound
        assert store.register_version("m", "hf:a", "sha256:" + "1" * 64, actor="ana").version == 1
        assert store.register_version("m", "hf:b", "sha256:" + "2" * 64, actor="ana").version == 3
        verification = store.verify_audit()
        assert verification.ok and (verification.rows, verification.unbound_before_migration) == (legacy + 1, legacy)

    engine = create_engine(registry_url)
    try:
        with engine.begin() as conn:  # edit a legacy row behind guard's back
            conn.execute(text("UPDATE runs SET verdict = 'fail' WHERE id = 1"))
    finally:
        engine.dispose()
    with open_registry(registry_url) as store:
        verification = store.verify_audit()
        assert not verification.ok and verification.row_problem_count == 1
        assert "table 'runs' row 1" in verification.reason and "changed outside guard" in verification.reason
        assert verification.unbound_before_migration == legacy
        [problem] = store.binding_problems([("runs", "1"), ("approvals", "1")])
        assert "table 'runs' row 1" in problem
