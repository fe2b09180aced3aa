"""Registry fixtures shared by tests/unit/registry and tests/integration/registry (imported by their conftests).

``registry_url`` is parametrised over both backends: a SQLite file in ``tmp_path`` and a fresh
database on one throwaway PostgreSQL server per test process (see ``tests.helpers.postgres``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from guard.registry import RegistryStore, open_registry
from tests.helpers.postgres import PostgresServer, start_postgres

BACKENDS = ("sqlite", "postgresql")
_SERVER: PostgresServer | None = None
_START_ERROR: str | None = None


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


@pytest.fixture
def registry_url(backend: str, request: pytest.FixtureRequest) -> str:
    """An empty registry database on ``backend`` (not yet migrated)."""
    return request.getfixturevalue("sqlite_url" if backend == "sqlite" else "postgres_url")


@pytest.fixture
def store(registry_url: str) -> Iterator[RegistryStore]:
    opened = open_registry(registry_url)
    try:
        yield opened
    finally:
        opened.close()
