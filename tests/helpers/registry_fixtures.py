"""Registry fixtures shared by tests/unit/registry and tests/integration/registry (imported by their conftests).

``registry_url`` is parametrised over both backends: a SQLite file in ``tmp_path`` and a fresh
database on one throwaway PostgreSQL server per test process (see ``tests.helpers.postgres``).

A test that opens a ``store`` (or asks for ``migrated_registry_url``) gets a database that is already
at the head revision: a copy of one database migrated once per test process (the SQLite file, or a
PostgreSQL ``CREATE DATABASE ... TEMPLATE``), because migrating is the same work every time (0.2-0.5 s
per PostgreSQL database, measured on the loaded 2-core dev machine). The copy holds what migrating a
fresh database leaves (the schema, no row, no audit event); migrating a fresh database is proven by
tests/integration/registry/test_migrations.py and the race to migrate one by test_processes.py, which
keep the empty ``registry_url``. :func:`registry_template` and :func:`registry_copy` do the same for a
registry a module fills once and every test then changes in its own copy.
"""

from __future__ import annotations

import gc
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

from guard.registry import RegistryStore, open_registry
from tests.helpers.postgres import PostgresServer, start_postgres

BACKENDS = ("sqlite", "postgresql")
_SERVER: PostgresServer | None = None
_START_ERROR: str | None = None
_TEMPLATES: dict[tuple[str, str], str] = {}  # (backend, what) -> URL of this process's template registry


def shared_postgres() -> PostgresServer:
    """One server per test process (each xdist worker has its own); a failed start is not retried."""
    global _SERVER, _START_ERROR
    if _SERVER is None and _START_ERROR is None:
        try:
            _SERVER = start_postgres()
        except RuntimeError as exc:
            _START_ERROR = str(exc)
    if _SERVER is None:
        pytest.fail(f"cannot start the test PostgreSQL server: {_START_ERROR}", pytrace=False)
    return _SERVER


def stop_shared_postgres() -> None:
    global _SERVER
    if _SERVER is not None:
        _SERVER.stop()
        _SERVER = None
        for key in [key for key in _TEMPLATES if key[0] == "postgresql"]:
            del _TEMPLATES[key]


def registry_template(backend: str, request: pytest.FixtureRequest, what: str = "migrated",
                      fill: Callable[[str], object] | None = None) -> str:
    """This process's template registry ``what`` on ``backend``: migrated to head by ``open_registry`` and then
    filled by ``fill(url)`` once, and never written again (copy it with :func:`registry_copy`).

    A PostgreSQL template must have no connection when it is copied: what ``fill`` leaves open is closed.
    """
    key = (backend, what)
    if key not in _TEMPLATES:
        if backend == "sqlite":
            root = Path(request.getfixturevalue("tmp_path_factory").mktemp(f"template-{what}"))
            url = f"sqlite:///{root / 'registry.db'}"
        else:
            url = request.getfixturevalue("postgres_server").create_database("guard_template")
        open_registry(url).close()  # close() disposes the engine
        if fill is not None:
            fill(url)
            if backend == "postgresql":
                _disconnect(request.getfixturevalue("postgres_server"), url)
        _TEMPLATES[key] = url
    return _TEMPLATES[key]


def _disconnect(server: PostgresServer, url: str) -> None:
    """Close what is still connected to ``url``'s database: CLI verbs run in-process (CliRunner) leave their
    engine to the garbage collector (a ``guard`` process exits instead), and a connection left on a
    template makes ``CREATE DATABASE ... TEMPLATE`` fail."""
    gc.collect()
    engine = create_engine(server.url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :name "
                              "AND pid <> pg_backend_pid()"), {"name": make_url(url).database})
    finally:
        engine.dispose()


def registry_copy(template_url: str, request: pytest.FixtureRequest) -> str:
    """A new registry database holding what ``template_url`` holds, for this test alone: the SQLite file
    copied to ``sqlite_url``, or a PostgreSQL ``CREATE DATABASE ... TEMPLATE`` on ``postgres_server``."""
    if template_url.startswith("sqlite"):
        target_url: str = request.getfixturevalue("sqlite_url")
        target = Path(make_url(target_url).database or "")
        target.parent.mkdir(parents=True, exist_ok=True)
        source, copy = sqlite3.connect(make_url(template_url).database or ""), sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
            source.close()
        return target_url
    server: PostgresServer = request.getfixturevalue("postgres_server")
    return server.create_database(template=make_url(template_url).database)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """Started on first use, stopped when the session ends (and at process exit at the latest)."""
    yield shared_postgres()
    stop_shared_postgres()


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> str:
    """A fresh, empty database for this test."""
    return postgres_server.create_database()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'registry' / 'registry.db'}"


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


def migrated_copy(backend: str, request: pytest.FixtureRequest) -> str:
    """A new, empty registry database at head on ``backend``, for this test alone."""
    return registry_copy(registry_template(backend, request), request)


@pytest.fixture
def migrated_registry_url(backend: str, request: pytest.FixtureRequest) -> str:
    """An empty registry database on ``backend``, already migrated to head (see the module docstring)."""
    return migrated_copy(backend, request)


@pytest.fixture
def registry_url(backend: str, request: pytest.FixtureRequest) -> str:
    """An empty registry database on ``backend``: not yet migrated, unless the test opens ``store`` on it
    (then it is at head: the store would migrate it first thing)."""
    if "store" in request.fixturenames:
        return migrated_copy(backend, request)
    return request.getfixturevalue("sqlite_url" if backend == "sqlite" else "postgres_url")


@pytest.fixture
def store(registry_url: str) -> Iterator[RegistryStore]:
    opened = open_registry(registry_url)
    try:
        yield opened
    finally:
        opened.close()

