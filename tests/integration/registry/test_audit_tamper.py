"""Tampering with stored audit rows is caught by verify_audit(), on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import Connection, create_engine, text

from guard.audit import event_document, event_hash
from guard.registry import RegistryStore, open_registry
from tests.helpers.registry_fixtures import registry_copy, registry_template

EVENTS = 6


def _fill(store: RegistryStore) -> None:
    store.register_version("m", "hf:a", "fp1", actor="ana")
    store.register_version("m", "hf:b", "fp2", actor="ana")
    run = store.start_run("m", 2, suite_name="s", suite_sha256="s" * 64, fingerprint="fp2", actor="ci",
                          policy_name="release", policy_sha256="p" * 64)
    store.finish_run(run.id, report={"ok": True}, actor="ci", verdict="pass")
    store.move_alias("m", "production", 2, actor="rel", reason="passed", run_id=run.id)
    store.add_approval("m", 2, approver="lead", reason="looks good")


def _forged(conn: Connection, valid: bool) -> None:
    prev = conn.execute(text("SELECT hash FROM audit_events WHERE seq = :s"), {"s": EVENTS}).scalar_one()
    at = "2030-01-01T00:00:00.000000+00:00"
    document = event_document(seq=EVENTS + 1, at=at, actor="mallory", action="alias.move", subject="m@production",
                              payload={})
    conn.execute(text("INSERT INTO audit_events (seq, at, actor, action, subject, payload, prev_hash, hash) "
                      "VALUES (:seq, :at, 'mallory', 'alias.move', 'm@production', '{}', :prev, :hash)"),
                 {"seq": EVENTS + 1, "at": at, "prev": prev, "hash": event_hash(prev, document) if valid else "0" * 64})


def _swap(conn: Connection, a: int, b: int) -> None:
    for old, new in ((a, -1), (b, a), (-1, b)):
        conn.execute(text("UPDATE audit_events SET seq = :new WHERE seq = :old"), {"old": old, "new": new})


TAMPERING: dict[str, tuple[Callable[[Connection], object], int]] = {
    "payload changed": (lambda c: c.execute(text("UPDATE audit_events SET payload = :p WHERE seq = 3"),
                                            {"p": '{"run_id":99}'}), 3),
    "actor changed": (lambda c: c.execute(text("UPDATE audit_events SET actor = 'mallory' WHERE seq = 4")), 4),
    "middle row deleted": (lambda c: c.execute(text("DELETE FROM audit_events WHERE seq = 3")), 3),
    "forged row inserted": (lambda c: _forged(c, valid=False), EVENTS + 1),
    "well-forged row appended": (lambda c: _forged(c, valid=True), EVENTS + 1),
    "rows reordered": (lambda c: _swap(c, 2, 4), 2),
    "last row deleted": (lambda c: c.execute(text(f"DELETE FROM audit_events WHERE seq = {EVENTS}")), EVENTS),
}


def _fill_url(url: str) -> None:
    with open_registry(url) as store:
        _fill(store)


@pytest.fixture
def registry_url(backend: str, request: pytest.FixtureRequest) -> str:
    """This test's own copy of a registry filled by :func:`_fill` once per process (each test tampers with
    its copy): a SQLite file copy, or a PostgreSQL ``CREATE DATABASE ... TEMPLATE``."""
    return registry_copy(registry_template(backend, request, "audit-tamper", _fill_url), request)


@pytest.mark.parametrize("kind", list(TAMPERING))
def test_tampering_is_detected(registry_url: str, kind: str) -> None:
    with open_registry(registry_url) as store:
        assert store.verify_audit().ok and store.verify_audit().events == EVENTS
    tamper, broken = TAMPERING[kind]
    engine = create_engine(registry_url)
    try:
        with engine.begin() as conn:
            tamper(conn)
    finally:
        engine.dispose()
    with open_registry(registry_url) as store:
        verification = store.verify_audit()
    assert not verification.ok
    assert verification.first_broken_seq == broken, verification.reason
    assert str(broken) in verification.reason
