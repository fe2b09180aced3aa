"""Alembic environment for the registry schema.

At runtime ``guard.registry.migrations.upgrade_to_head`` passes an open connection (already inside
the transaction that serialises concurrent upgrades) in ``config.attributes["connection"]``. For
authoring a revision by hand, ``alembic -x url=sqlite:///scratch.db ...`` works too.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from guard.registry._rows import Base

config = context.config


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite cannot ALTER most things in place
        transactional_ddl=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url")
    if not url:
        raise SystemExit("no database: pass -x url=DATABASE_URL")
    engine = create_engine(url)
    with engine.begin() as conn:
        _run(conn)
    engine.dispose()
