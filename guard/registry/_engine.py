"""Opening a registry database: URL parsing (passwords never echoed), engines, SQLite's locking.

SQLite runs in WAL mode with a busy timeout, and writers take the write lock up front (``BEGIN
IMMEDIATE``) so two writers never deadlock on a lock upgrade; PostgreSQL goes through psycopg 3.
"""

from __future__ import annotations

import re
import sqlite3
import time
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event, make_url
from sqlalchemy import create_engine as _create_engine
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.pool import StaticPool

from guard.errors import GuardError

SQLITE_BUSY_TIMEOUT_S = 30
_URL_HINT = "use sqlite:///PATH or postgresql://USER:PASSWORD@HOST:PORT/DATABASE"


class RegistryError(GuardError):
    """The registry cannot do what was asked: bad or unreachable URL, unknown name, conflicting write."""


class AliasMovedError(RegistryError):
    """A compare-and-swap alias move lost a race: the alias no longer points where the caller saw it."""


def mask_url(text: str) -> str:
    """``text`` with the password of any ``scheme://user:password@host`` replaced by ``***``."""
    return re.sub(r"(://[^:/@\s]*:)[^@\s]*@", r"\1***@", text)


def _parse_url(text: str) -> URL:
    try:
        url = make_url(text)
    except Exception:  # ArgumentError, ValueError (bad port), ...: the message might echo the password
        raise RegistryError(f"malformed registry URL {mask_url(str(text))!r}", hint=_URL_HINT) from None
    if url.drivername in ("postgresql", "postgresql+psycopg"):
        return url.set(drivername="postgresql+psycopg")
    if url.drivername in ("sqlite", "sqlite+pysqlite"):
        return url
    raise RegistryError(f"unsupported registry URL scheme {url.drivername!r} in {mask_url(str(text))!r}",
                        hint=_URL_HINT)


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # sqlite3 must not BEGIN on its own: _sqlite_begin does
    for pragma in (f"busy_timeout = {SQLITE_BUSY_TIMEOUT_S * 1000}", "journal_mode = WAL",
                   "synchronous = NORMAL", "foreign_keys = ON"):
        _pragma(dbapi_connection, pragma)


def _pragma(dbapi_connection: Any, pragma: str) -> None:
    """Switching a new database to WAL can report "locked" at once, without the busy handler, while
    another process holds its first write lock: retry within the busy timeout instead of failing."""
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_S
    while True:
        try:
            dbapi_connection.execute(f"PRAGMA {pragma}")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _sqlite_begin(connection: Any) -> None:
    # Writers take the write lock up front, so two writers never deadlock on a lock upgrade.
    immediate = connection.get_execution_options().get("guard_write")
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def open_engine(text: str, *, create: bool = True) -> tuple[Engine, str]:
    """An engine for the URL, and the URL as shown to users (password hidden).

    ``create=False`` (read-only verbs): a SQLite file that does not exist is an error, never created.
    """
    url = _parse_url(text)
    shown = url.render_as_string(hide_password=True)
    if url.get_backend_name() == "postgresql":
        timeout = {} if "connect_timeout" in url.query else {"connect_timeout": 10}
        try:
            return _create_engine(url, connect_args=timeout), shown
        except ImportError:
            raise RegistryError("PostgreSQL needs the psycopg driver",
                                hint="pip install 'rai-guard[postgres]'") from None
    database = url.database or ":memory:"
    options: dict[str, Any] = {"connect_args": {"timeout": SQLITE_BUSY_TIMEOUT_S}}
    if database == ":memory:":
        options = {"connect_args": {"check_same_thread": False}, "poolclass": StaticPool}
    elif not create and not Path(database).is_file():
        raise RegistryError(f"no registry at {shown}: {database} does not exist",
                            hint="check --registry / GUARD_REGISTRY; read-only commands never create one")
    else:
        try:
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise RegistryError(f"cannot create the directory for the registry {shown}: {exc.strerror or exc}",
                                hint="pick a writable location with --registry or GUARD_REGISTRY") from None
    engine = _create_engine(url, **options)
    event.listen(engine, "connect", _sqlite_connect)
    event.listen(engine, "begin", _sqlite_begin)
    return engine, shown


def describe_error(exc: SQLAlchemyError, password: str | None) -> str:
    """The driver's own first line of the error, without the password."""
    orig = getattr(exc, "orig", None) or exc
    lines = [line.strip() for line in str(orig).splitlines() if line.strip()] or [type(orig).__name__]
    line = mask_url(lines[0])
    return line.replace(password, "***") if password else line


def is_contention(exc: DBAPIError) -> bool:
    """A lock or serialisation conflict that is worth retrying (SQLite busy, PostgreSQL 40001/40P01)."""
    if getattr(exc.orig, "sqlstate", None) in ("40001", "40P01"):
        return True
    return "database is locked" in str(exc.orig) or "database is busy" in str(exc.orig)
