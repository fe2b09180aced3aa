"""``guard registry export|import``: SQLite -> PostgreSQL -> SQLite, and tampered exports refused whole."""

from __future__ import annotations

import gzip
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from guard.cli import app
from guard.registry import RegistryStore, open_registry
from guard.registry.entities import Lineage, TrainingData
from tests.helpers.evaluated_registry import CliRunner
from tests.helpers.registry_fixtures import registry_copy, registry_template

runner = CliRunner()
FP1, FP2 = "sha256:" + "1" * 64, "sha256:" + "2" * 64


def _fill(store: RegistryStore) -> None:
    """One of every row kind: versions with lineage, runs, an alias and its move, approval, waiver, tags."""
    store.register_version("m", "hf:a", FP1, actor="ana", metadata={"card": "x", "nan": float("nan")})
    store.register_version("m", "hf:b", FP2, actor="bob", lineage=Lineage(
        description="fine-tuned on more data", parent="m@1",
        training_data=[TrainingData(name="sst2", sha256="sha256:" + "a" * 64)]))
    run = store.start_run("m", 1, suite_name="s", suite_sha256="s" * 64, fingerprint=FP1, actor="ci",
                          policy_name="p", policy_sha256="p" * 64, plan={"seed": 0})
    store.finish_run(run.id, report={"results": [], "ü": "ünïcode", "plan": {"seed": 0}}, actor="ci", verdict="pass")
    store.move_alias("m", "production", 1, actor="ci", reason="release", run_id=run.id)
    store.add_approval("m", 2, approver="ana", reason="looked at it")
    store.add_waiver("m", 2, rule_ids=["r"], policy_name="p", approver="ana", reason="ok",
                     expires_at=datetime.now(timezone.utc) + timedelta(days=3))
    store.set_tags("m", 2, {"team": "nlp", "stage": "canary"}, actor="ana")
    store.set_tags("m", 2, {"stage": None}, actor="ana")


def _fill_url(url: str) -> None:
    with open_registry(url) as store:
        _fill(store)


def _filled_template(request: pytest.FixtureRequest) -> str:
    """A SQLite registry filled by :func:`_fill` once per process; never written after."""
    return registry_template("sqlite", request, "backup-filled", _fill_url)


@pytest.fixture
def filled_sqlite(request: pytest.FixtureRequest) -> str:
    """This test's own copy (at ``sqlite_url``) of the registry :func:`_fill` makes."""
    return registry_copy(_filled_template(request), request)


@pytest.fixture(scope="module")
def good_export(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An export of the filled registry, made once per module; tests read it and write their own files."""
    file = tmp_path_factory.mktemp("backup-export") / "good.jsonl"
    _export(_filled_template(request), file)
    return file


def _snapshot(store: RegistryStore) -> dict:
    return {"versions": store.list_versions("m"), "runs": store.list_runs("m"), "aliases": store.aliases("m"),
            "moves": store.alias_history("m"), "approvals": store.list_approvals("m"),
            "waivers": store.list_waivers("m"), "tags": store.list_tags("m"), "lineage": store.list_lineage("m")}


def _export(url: str, file: Path) -> None:
    result = runner.invoke(app, ["registry", "export", str(file), "--registry", url])
    assert result.exit_code == 0, result.output


def _import(file: Path, url: str):
    return runner.invoke(app, ["registry", "import", str(file), "--registry", url])


def test_sqlite_to_postgresql_and_back_keeps_every_row_and_the_chain(filled_sqlite: str, postgres_url: str,
                                                                     tmp_path: Path) -> None:
    sqlite_url = filled_sqlite
    with open_registry(sqlite_url) as source:
        before, events = _snapshot(source), source.audit_events()
    _export(sqlite_url, tmp_path / "a.jsonl.gz")
    result = _import(tmp_path / "a.jsonl.gz", postgres_url)
    assert result.exit_code == 0, result.output
    with open_registry(postgres_url) as pg:
        assert _snapshot(pg) == before
        assert pg.audit_events()[:len(events)] == events and pg.audit_events()[-1].action == "registry.import"
        assert pg.verify_audit().ok
        pg.register_version("m", "hf:c", "sha256:" + "3" * 64, actor="cy")  # sequences continue after the ids
        pg.add_approval("m", 3, approver="cy", reason="new row after import")
        assert pg.verify_audit().ok
    _export(postgres_url, tmp_path / "b.jsonl")
    back = f"sqlite:///{tmp_path / 'back' / 'registry.db'}"
    assert _import(tmp_path / "b.jsonl", back).exit_code == 0
    with open_registry(back) as restored:
        assert restored.verify_audit().ok and restored.get_version("m", 3).spec == "hf:c"
        assert {k: v for k, v in _snapshot(restored).items() if k not in ("versions", "approvals")} == {
            k: v for k, v in before.items() if k not in ("versions", "approvals")}


def test_import_refuses_a_non_empty_registry(filled_sqlite: str, tmp_path: Path) -> None:
    sqlite_url = filled_sqlite
    _export(sqlite_url, tmp_path / "a.jsonl")
    result = _import(tmp_path / "a.jsonl", sqlite_url)
    assert result.exit_code == 2 and "not empty" in result.output


def _tamper(tmp_path: Path, good_export: Path, change) -> Path:
    lines = good_export.read_text().splitlines()
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join(change(lines)) + "\n")
    return bad


def _one_byte(lines: list[str]) -> list[str]:
    i = next(i for i, line in enumerate(lines) if '"table": "approvals"' in line)
    lines[i] = lines[i].replace("looked at it", "looked at iT")
    return lines


def _drop_event(lines: list[str]) -> list[str]:
    events = [i for i, line in enumerate(lines) if '"table": "audit_events"' in line]
    del lines[events[3]]
    trailer = json.loads(lines[-1])
    lines[-1] = json.dumps({**trailer, "rows": trailer["rows"] - 1})
    return lines


def _wrong_binding(lines: list[str]) -> list[str]:
    i = next(i for i, line in enumerate(lines) if '"table": "waivers"' in line)
    entry = json.loads(lines[i])
    entry["row"]["audit_seq"] -= 1
    lines[i] = json.dumps(entry)
    return lines


def _truncated(lines: list[str]) -> list[str]:
    return lines[:-3]


@pytest.mark.parametrize(("change", "message"), [
    (_one_byte, "table 'approvals' row 1 does not match audit event"),
    (_drop_event, "audit chain is broken"),
    (_wrong_binding, "table 'waivers' row 1 names audit event"),
    (_truncated, "truncated"),
])
@pytest.mark.parametrize("target", ["sqlite", "postgresql"])
def test_a_tampered_export_is_refused_with_one_line_and_nothing_written(
        tmp_path: Path, good_export: Path, request: pytest.FixtureRequest, change, message: str, target: str) -> None:
    bad = _tamper(tmp_path, good_export, change)
    url = (f"sqlite:///{tmp_path / 'new' / 'registry.db'}" if target == "sqlite"
           else request.getfixturevalue("postgres_url"))
    result = _import(bad, url)
    assert result.exit_code == 2 and message in result.output, result.output
    assert len(result.output.strip().splitlines()) == 1
    if target == "sqlite":
        assert not (tmp_path / "new").exists()  # not even created
    else:
        with open_registry(url) as pg:
            assert pg.audit_head() == (0, "0" * 64) and pg.list_models() == []


def test_hmac_keys_must_match_at_import(sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GUARD_AUDIT_KEY", "source-key")
    with open_registry(sqlite_url) as source:
        _fill(source)
    _export(sqlite_url, tmp_path / "keyed.jsonl.gz")
    assert gzip.decompress((tmp_path / "keyed.jsonl.gz").read_bytes()).startswith(b"{")
    monkeypatch.setenv("GUARD_AUDIT_KEY", "another-key")
    refused = _import(tmp_path / "keyed.jsonl.gz", f"sqlite:///{tmp_path / 'x' / 'r.db'}")
    assert refused.exit_code == 2 and "HMAC" in refused.output and not (tmp_path / "x").exists()
    monkeypatch.setenv("GUARD_AUDIT_KEY", "source-key")
    assert _import(tmp_path / "keyed.jsonl.gz", f"sqlite:///{tmp_path / 'y' / 'r.db'}").exit_code == 0
    with open_registry(f"sqlite:///{tmp_path / 'y' / 'r.db'}") as restored:
        check = restored.verify_audit()
        assert check.ok and check.keyed == check.events


def test_export_refuses_a_registry_that_does_not_verify(filled_sqlite: str, tmp_path: Path) -> None:
    import sqlite3

    sqlite_url = filled_sqlite
    with sqlite3.connect(sqlite_url.removeprefix("sqlite:///")) as db:
        db.execute("UPDATE runs SET verdict = 'fail'")
    result = runner.invoke(app, ["registry", "export", str(tmp_path / "e.jsonl"), "--registry", sqlite_url])
    assert result.exit_code == 2 and "does not verify" in result.output and not (tmp_path / "e.jsonl").exists()
