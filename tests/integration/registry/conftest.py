"""Registry fixtures over both backends: SQLite and a throwaway PostgreSQL (tests/helpers/postgres.py)."""

from tests.helpers.registry_fixtures import (  # noqa: F401  (pytest finds fixtures by name)
    backend,
    postgres_server,
    postgres_url,
    registry_url,
    sqlite_url,
    store,
)
