"""Tags, lineage and descriptions (revision 0003) on SQLite and PostgreSQL: audited, bound, tamper-evident."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from guard.cli import app
from guard.registry import RegistryError, RegistryStore
from guard.registry.entities import Lineage, TrainingData

FP1, FP2 = "sha256:" + "1" * 64, "sha256:" + "2" * 64
DATA = TrainingData(name="sst2", sha256="sha256:" + "a" * 64)


def test_lineage_is_written_with_the_version_in_one_event(store: RegistryStore) -> None:
    store.register_version("m", "hf:a", FP1, actor="ana")
    lineage = Lineage(description="more data", parent="m@1", training_data=[DATA])
    v2 = store.register_version("m", "hf:b", FP2, actor="bob", lineage=lineage)
    (recorded,) = store.list_lineage("m")
    assert (recorded.version, recorded.description, recorded.parent, recorded.training_data) == (
        2, "more data", "m@1", [DATA])
    event = store.audit_events()[-1]
    assert event.action == "version.register" and event.seq == v2.audit_seq == recorded.audit_seq
    assert {r["table"] for r in event.payload["rows"]} == {"model_versions", "version_lineage"}
    assert store.children("m@1") == ["m@2"]
    assert store.verify_audit().ok
    # the same artifact again: same lineage is a no-op, other lineage an error
    assert store.register_version("m", "hf:b", FP2, actor="bob", lineage=lineage) == v2
    with pytest.raises(RegistryError, match="another description"):
        store.register_version("m", "hf:b", FP2, actor="bob", lineage=Lineage(description="other"))


def test_a_parent_must_be_registered(store: RegistryStore) -> None:
    with pytest.raises(RegistryError, match="unknown model 'ghost'"):
        store.register_version("m", "hf:a", FP1, actor="ana", lineage=Lineage(parent="ghost@1"))
    assert store.list_models() == []  # nothing written


def test_tags_set_change_and_remove_each_audited(store: RegistryStore) -> None:
    store.register_version("m", "hf:a", FP1, actor="ana")
    tags = store.set_tags("m", 1, {"team": "nlp", "ticket": "RAI-1"}, actor="ana")
    assert [(t.key, t.value, t.set_by) for t in tags] == [("team", "nlp", "ana"), ("ticket", "RAI-1", "ana")]
    events = len(store.audit_events())
    assert store.set_tags("m", 1, {"team": "nlp"}, actor="bob") == tags and len(store.audit_events()) == events
    store.set_tags("m", 1, {"team": "vision", "ticket": None}, actor="bob")
    event = store.audit_events()[-1]
    assert event.action == "tags.set" and event.payload["changes"] == {"team": "vision", "ticket": None}
    assert event.payload["removed"] == [{"table": "version_tags", "key": "m@1#ticket", "sha256": None}]
    assert [(t.key, t.value) for t in store.list_tags("m", 1)] == [("team", "vision")]
    assert store.verify_audit().ok
    with pytest.raises(RegistryError, match="no tag 'nope'"):
        store.set_tags("m", 1, {"nope": None}, actor="bob")
    for bad in ("1x", "a b", "x" * 101):
        with pytest.raises(RegistryError, match="invalid tag key"):
            store.set_tags("m", 1, {bad: "v"}, actor="bob")
    with pytest.raises(RegistryError, match="store itself"):
        store.append_audit(actor="x", action="tags.set", subject="m@1", payload={})


def test_a_tag_or_lineage_changed_outside_guard_is_detected(store: RegistryStore, registry_url: str) -> None:
    store.register_version("m", "hf:a", FP1, actor="ana", lineage=Lineage(description="first"))
    store.set_tags("m", 1, {"stage": "canary"}, actor="ana")
    engine = create_engine(registry_url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.begin() as conn:
        conn.execute(text("UPDATE version_tags SET value = 'production'"))
        conn.execute(text("UPDATE version_lineage SET parent = 'm@9'"))
    engine.dispose()
    check = store.verify_audit()
    assert not check.ok and check.row_problem_count == 2
    assert any("version_tags' row m@1#stage" in p for p in check.row_problems)
    assert any("version_lineage' row m@1" in p for p in check.row_problems)


def test_cli_tag_register_lineage_and_history(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GUARD_REGISTRY", f"sqlite:///{tmp_path / 'r.db'}")
    monkeypatch.setenv("GUARD_ACTOR", "ana")
    runner = CliRunner()
    model = tmp_path / "m.py"
    model.write_text("def predict(batch):\n    return []\n")
    data = tmp_path / "train.csv"
    data.write_bytes(b"text,label\nhi,pos\n")
    assert runner.invoke(app, ["register", "m", f"python:{model}:predict"]).exit_code == 0
    model.write_text("def predict(batch):\n    return [1]\n")
    result = runner.invoke(app, ["register", "m", f"python:{model}:predict", "--parent", "m@1", "--description",
                                 "v2 \x1b[31mred\x1b[0m", "--training-data", f"train={data}"])
    assert result.exit_code == 0, result.output
    assert runner.invoke(app, ["tag", "m@2", "team=nlp", "stage=canary"]).exit_code == 0
    result = runner.invoke(app, ["tag", "m@2", "stage=", "--remove", "team"])
    assert result.exit_code == 0 and "tags of m@2: none" in result.output
    runner.invoke(app, ["tag", "m@2", "note=[bold]x[/bold]"])
    history = runner.invoke(app, ["history", "m"])
    assert history.exit_code == 0 and "\x1b" not in history.output
    import hashlib

    assert "m@1" in history.output and "[bold]x[/bold]" in history.output
    assert hashlib.sha256(data.read_bytes()).hexdigest()[:12] in history.output
    for bad, message in ((["tag", "m@2", "novalue"], "not KEY=VALUE"), (["tag", "m@7", "a=b"], "unknown version"),
                         (["register", "m", f"python:{model}:predict", "--training-data", "x=nofile"], "neither"),
                         (["register", "m", "python:x.py:p", "--parent", "m"], "NAME@VERSION")):
        result = runner.invoke(app, bad)
        assert result.exit_code == 2 and message in result.output, (bad, result.output)
