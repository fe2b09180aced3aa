"""Backup and restore of a whole registry: one self-contained JSON-lines file (gzip when named ``*.gz``).

The file holds a header (format, schema revision, the audit head, row counts), every row of every
table (``{"table": ..., "row": {...}}``, times as ISO 8601 UTC, JSON documents as JSON) and a
trailer with the number of rows, so a truncated file is refused. It carries no checksum of its
own on purpose: what makes it trustworthy is the audit chain it contains. An import first loads the
file into a throwaway in-memory registry and verifies the chain and every row binding there (the
same ``_verify`` code as ``guard audit verify``); only then does it open the target, which must be
empty, and load, re-verify and commit in one transaction, appending one ``registry.import`` event.

HMAC keys are never exported. The events keep the HMACs they were written with: with
``GUARD_AUDIT_KEY`` set at import, they must verify under it (another key: refused), and every later
event is keyed with it; without a key they are copied unchecked and verified whenever a key is set.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from sqlalchemy import Table, func, insert, select, text
from sqlalchemy.orm import Session

from guard.audit import iso_utc
from guard.registry import _verify, migrations
from guard.registry._engine import RegistryError
from guard.registry._rows import AuditHeadRow, Base, ModelRow, UtcDateTime

if TYPE_CHECKING:
    from guard.registry.sql import SqlRegistryStore

FORMAT = "rai-guard-registry-export"
FORMAT_VERSION = 1
_SERIAL_TABLES = ("models", "model_versions", "runs", "alias_moves", "approvals", "waivers")


def _tables() -> list[Table]:
    """Every table of the schema in foreign-key order; ``audit_head`` is restored by update, last."""
    return [t for t in Base.metadata.sorted_tables if t.name != "audit_head"]


def _plain(value: Any) -> Any:
    return iso_utc(value) if isinstance(value, datetime) else value


def export_lines(store: SqlRegistryStore) -> Iterator[str]:
    """The registry as lines of JSON, read in one snapshot that is verified before anything is emitted."""
    def read(session: Session) -> list[str]:
        check = _verify.verify_all(session, key=store._key, expect_head=None)
        if not check.ok:
            raise RegistryError(f"registry {store.url} does not verify, so it is not exported: {check.reason}",
                                hint="run guard audit verify")
        head = session.get(AuditHeadRow, 1)
        assert head is not None  # verify_all checked it
        body: list[str] = []
        counts: dict[str, int] = {}
        for table in _tables():
            rows = session.execute(select(table).order_by(*table.primary_key.columns)).mappings()
            for row in rows:
                body.append(json.dumps({"table": table.name, "row": {k: _plain(v) for k, v in row.items()}},
                                       ensure_ascii=False, sort_keys=True))
                counts[table.name] = counts.get(table.name, 0) + 1
        header = {"format": FORMAT, "format_version": FORMAT_VERSION,
                  "schema_revision": migrations.current_revision(session.connection()),
                  "exported_at": iso_utc(datetime.now(timezone.utc)), "source": store.url,
                  "head": {"seq": head.seq, "hash": head.hash, "count": head.count}, "counts": counts,
                  "keyed_events": check.keyed}
        return [json.dumps(header, sort_keys=True), *body, json.dumps({"end": True, "rows": len(body)})]
    return iter(store._read(read, snapshot=True))


def read_export(data: bytes, where: str) -> tuple[dict[str, Any], list[tuple[str, dict[str, Any]]]]:
    """Header and rows of an export file; anything malformed is one line naming the file and line."""
    try:
        content = (gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data).decode("utf-8")
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise RegistryError(f"{where}: not a readable export ({exc})") from None
    lines = [line for line in content.splitlines() if line.strip()]
    parsed: list[Any] = []
    for number, line in enumerate(lines, 1):
        try:
            parsed.append(json.loads(line))
        except ValueError:
            raise RegistryError(f"{where}:{number}: not a JSON line") from None
    if not parsed or not isinstance(parsed[0], dict) or parsed[0].get("format") != FORMAT:
        raise RegistryError(f"{where}: not a rai-guard registry export", hint="make one with guard registry export")
    header = parsed[0]
    if header.get("format_version") != FORMAT_VERSION:
        raise RegistryError(f"{where}: export format {header.get('format_version')!r}, this rai-guard reads "
                            f"{FORMAT_VERSION}")
    if header.get("schema_revision") != migrations.HEAD:
        raise RegistryError(f"{where}: the export is of schema revision {header.get('schema_revision')}, this "
                            f"rai-guard writes {migrations.HEAD}",
                            hint="open the source registry with this rai-guard (it migrates) and export again")
    trailer = parsed[-1]
    body = parsed[1:-1]
    if not (isinstance(trailer, dict) and trailer.get("end") is True and trailer.get("rows") == len(body)):
        raise RegistryError(f"{where}: the export is truncated (its last line is not the end marker for "
                            f"{len(body)} rows)")
    known = {t.name: t for t in _tables()}
    rows: list[tuple[str, dict[str, Any]]] = []
    for number, entry in enumerate(body, 2):
        if not (isinstance(entry, dict) and entry.get("table") in known and isinstance(entry.get("row"), dict)):
            raise RegistryError(f"{where}:{number}: not a row of a registry table")
        rows.append((entry["table"], entry["row"]))
    return header, rows


def _typed(table: Table, row: dict[str, Any], where: str) -> dict[str, Any]:
    columns = {c.name: c for c in table.columns}
    if set(row) != set(columns):
        raise RegistryError(f"{where}: a '{table.name}' row has columns {sorted(row)}, the schema {sorted(columns)}")
    values = dict(row)
    for name, column in columns.items():
        if isinstance(column.type, UtcDateTime) and values[name] is not None:
            try:
                values[name] = datetime.fromisoformat(values[name])
            except (TypeError, ValueError):
                raise RegistryError(f"{where}: '{table.name}.{name}' is not a time: {values[name]!r}") from None
    return values


def load(session: Session, header: dict[str, Any], rows: Iterable[tuple[str, dict[str, Any]]], where: str) -> int:
    """Insert the rows into an empty registry inside the caller's transaction and set the audit head."""
    head = session.execute(select(AuditHeadRow).where(AuditHeadRow.id == 1).with_for_update()).scalar_one()
    if head.seq != 0 or session.scalar(select(func.count()).select_from(ModelRow)):
        raise RegistryError("the target registry is not empty: an import only restores into a new, empty registry",
                            hint="point --registry at a new SQLite path or an empty PostgreSQL database")
    by_table: dict[str, list[dict[str, Any]]] = {}
    tables = {t.name: t for t in _tables()}
    for name, row in rows:
        by_table.setdefault(name, []).append(_typed(tables[name], row, where))
    for table in _tables():
        if by_table.get(table.name):
            session.execute(insert(table), by_table[table.name])
    recorded = header.get("head") or {}
    try:
        head.seq, head.hash, head.count = int(recorded["seq"]), str(recorded["hash"]), int(recorded["count"])
    except (KeyError, TypeError, ValueError):
        raise RegistryError(f"{where}: the header names no audit head") from None
    if session.bind is not None and session.get_bind().dialect.name == "postgresql":
        for name in _SERIAL_TABLES:  # explicit ids were inserted: new rows must number after them
            session.execute(text(f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                                 f"COALESCE((SELECT MAX(id) FROM {name}), 1), (SELECT COUNT(*) > 0 FROM {name}))"))
    session.flush()
    return sum(len(v) for v in by_table.values())


def refusal(check: Any) -> str | None:
    """Why a verification refuses an import, or None."""
    if check.ok:
        return None
    if check.first_broken_seq is not None:
        return f"its audit chain is broken at event {check.first_broken_seq}: {check.reason}"
    more = f" (and {check.row_problem_count - 1} more)" if check.row_problem_count > 1 else ""
    return f"its rows do not match its audit chain: {check.reason}{more}"


def import_file(data: bytes, url: str, *, actor: str, where: str) -> tuple[dict[str, Any], int]:
    """Verify ``data`` in a throwaway in-memory registry, then load it into the empty registry at ``url``."""
    from guard.registry.sql import SqlRegistryStore

    header, rows = read_export(data, where)
    with SqlRegistryStore("sqlite://") as staging:  # a tampered file never reaches (or creates) the target
        staging.import_export(header, rows, actor=actor, where=where)
    with SqlRegistryStore(url, create=True) as target:
        return header, target.import_export(header, rows, actor=actor, where=where)
