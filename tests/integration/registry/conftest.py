"""Registry fixtures over both backends: SQLite and a throwaway PostgreSQL (tests/helpers/postgres.py)."""

from tests.helpers.registry_fixtures import (  # noqa: F401  (pytest finds fixtures by name)
    backend,
    migrated_registry_url,
    postgres_server,
    postgres_url,
    registry_url,
    sqlite_url,
    store,
)
