"""Binding registry rows to the audit chain: what a row's digest covers, and checking it.

Every write stores, in its audit event's payload, ``rows: [{table, key, sha256}]`` — the digest of
each row it wrote — and sets the row's ``audit_seq`` to that event. A row edited, inserted or
deleted outside guard then no longer matches any event: the release gate re-checks the rows it
decides on, ``guard audit verify`` checks every row of every table. Rows a registry held before
revision 0002 were snapshotted by the migration's ``registry.migrate`` event (``legacy_rows``):
their content is fixed from then on, but nothing vouches for it before ("unbound before migration").

The digest is versioned by the field lists below (v1); never change what v1 covers, add v2.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from guard.audit import iso_utc

BOUND_TABLES = ("model_versions", "runs", "aliases", "alias_moves", "approvals", "waivers", "version_tags",
                "version_lineage")
"""Tables whose rows the gate reads; each row is bound to the event that last wrote it."""

# Columns each table's digest covers (besides the model's name). JSON documents are covered by their
# own digest, so a report of megabytes costs one hash.
FIELDS_V1: dict[str, tuple[str, ...]] = {
    "model_versions": ("version", "spec", "fingerprint", "metadata", "created_at", "created_by"),
    "runs": ("id", "version", "status", "suite_name", "suite_sha256", "policy_name", "policy_sha256", "verdict",
             "fingerprint", "report", "verdict_detail", "plan", "error", "started_at", "finished_at", "created_by"),
    "aliases": ("alias", "version"),
    "alias_moves": ("id", "alias", "version", "previous_version", "run_id", "reason", "moved_at", "moved_by"),
    "approvals": ("id", "version", "approver", "reason", "created_at", "expires_at"),
    "waivers": ("id", "version", "rule_ids", "policy_name", "approver", "reason", "created_at", "expires_at"),
    # revision 0003
    "version_tags": ("version", "key", "value", "set_at", "set_by"),
    "version_lineage": ("version", "description", "parent", "training_data", "created_at", "created_by"),
}
_DOCUMENTS = {"report", "verdict_detail", "plan", "metadata", "training_data"}


def document_sha256(value: Any) -> str | None:
    """sha256 of a JSON document with sorted keys (None stays None)."""
    if value is None:
        return None
    text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _canonical(name: str, value: Any) -> Any:
    if name in _DOCUMENTS:
        if isinstance(value, str):  # read as text (a migration reading raw columns)
            value = json.loads(value)
        return document_sha256(value)
    if isinstance(value, datetime):
        return iso_utc(value)
    if name == "rule_ids" and isinstance(value, str):
        return json.loads(value)
    return value


def row_key(table: str, model: str, values: Mapping[str, Any]) -> str:
    """How events name a row: ``model@version`` for versions, ``model@alias`` for aliases, else the id."""
    if table in ("model_versions", "version_lineage"):
        return f"{model}@{values['version']}"
    if table == "version_tags":
        return f"{model}@{values['version']}#{values['key']}"
    if table == "aliases":
        return f"{model}@{values['alias']}"
    return str(values["id"])


def row_digest(table: str, model: str, values: Mapping[str, Any]) -> str:
    """The v1 digest of a row: its model's name and the covered columns, canonical JSON, sha256."""
    covered = {name: _canonical(name, values[name]) for name in FIELDS_V1[table]}
    text = json.dumps({"table": table, "model": model, **covered}, sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def orm_values(row: Any, table: str) -> dict[str, Any]:
    """The covered columns of an ORM row (``metadata`` lives in the attribute ``metadata_``)."""
    return {name: getattr(row, "metadata_" if name == "metadata" else name) for name in FIELDS_V1[table]}


def binding(table: str, model: str, row: Any) -> dict[str, str]:
    """The ``rows`` entry an event carries for an ORM row it wrote."""
    values = orm_values(row, table)
    return {"table": table, "key": row_key(table, model, values), "sha256": row_digest(table, model, values)}


RESERVED_KEYS = ("rows", "removed", "legacy_rows")
"""Payload keys that bind rows: only the store's own writes may carry them (never ``append_audit``)."""


def bound_rows(payload: Mapping[str, Any]) -> list[tuple[str, str, str | None]]:
    """(table, key, sha256) of every row an event's payload binds; sha256 None records a removal."""
    found: list[tuple[str, str, str | None]] = []
    for entry in [*(payload.get("rows") or []), *(payload.get("removed") or [])]:
        if isinstance(entry, Mapping) and isinstance(entry.get("table"), str) and isinstance(entry.get("key"), str):
            digest = entry.get("sha256")
            found.append((entry["table"], entry["key"], digest if isinstance(digest, str) else None))
    legacy = payload.get("legacy_rows")
    if isinstance(legacy, Mapping):
        for table, rows in legacy.items():
            if isinstance(rows, Mapping):
                found.extend((str(table), str(key), str(digest)) for key, digest in rows.items())
    return found
