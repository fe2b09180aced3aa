"""Tags and lineage of versions (revision 0003): the part of the SQL store that writes and reads them.

A mixin of ``SqlRegistryStore`` (kept apart so ``sql.py`` stays one concept per module). Lineage is
written with the version, in the same transaction and audit event; a tag change is one ``tags.set``
event binding every row it wrote, and a removed tag is recorded like a removed alias (``removed``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from guard.registry._engine import RegistryError
from guard.registry._rows import AuditEventRow, AuditHeadRow, ModelRow, VersionLineageRow, VersionRow, VersionTagRow
from guard.registry.entities import Lineage, VersionLineage, VersionTag

T = TypeVar("T")
TAG_KEY = re.compile(r"^[A-Za-z][A-Za-z0-9_.\-]{0,99}$")
MAX_TAG_VALUE = 1000
_REF = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9_.\-/]{0,199})@(?P<version>[1-9]\d{0,9})$")


def lineage_row(session: Session, version_row: VersionRow, lineage: Lineage, *, actor: str, now: datetime,
                version_lookup: Callable[[Session, str, int], VersionRow]) -> VersionLineageRow:
    """A new lineage row for ``version_row``; the parent must be a registered version (fail closed)."""
    if lineage.parent is not None:
        match = _REF.match(lineage.parent)
        if not match:
            raise RegistryError(f"parent '{lineage.parent}' is not NAME@VERSION", hint="e.g. sentiment@3")
        parent = version_lookup(session, match["name"], int(match["version"]))
        if parent.id == version_row.id:
            raise RegistryError(f"a version cannot be its own parent ({lineage.parent})")
    return VersionLineageRow(model_id=version_row.model_id, version=version_row.version,
                             description=lineage.description, parent=lineage.parent,
                             training_data=[d.model_dump() for d in lineage.training_data], created_at=now,
                             created_by=actor)


def same_lineage(row: VersionLineageRow | None, lineage: Lineage) -> bool:
    stored = Lineage() if row is None else Lineage.model_validate(
        {"description": row.description, "parent": row.parent, "training_data": row.training_data})
    return stored == lineage


class LineageStore:
    """Tags and lineage, over the store's own transaction helpers."""

    if TYPE_CHECKING:
        def _read(self, fn: Callable[[Session], T], *, snapshot: bool = False) -> T: ...
        def _write(self, fn: Callable[[Session, AuditHeadRow, datetime], T]) -> T: ...
        def _append(self, session: Session, head: AuditHeadRow, at: datetime, *, actor: str, action: str,
                    subject: str, payload: dict[str, Any],
                    bound: Sequence[tuple[str, str, Any]] = ()) -> AuditEventRow: ...
        def _model_id(self, session: Session, name: str) -> int: ...
        def _version_row(self, session: Session, name: str, version: int) -> VersionRow: ...

    def set_tags(self, name: str, version: int, changes: dict[str, str | None], *, actor: str) -> list[VersionTag]:
        """Set (value) or remove (None) tags of ``name@version`` in one audited write; returns its tags after.

        Unchanged values are not rewritten; when nothing changes, nothing (no event) is written.
        """
        if not changes:
            raise RegistryError("no tag to set or remove", hint="guard tag NAME@V KEY=VALUE (KEY= removes)")
        for key, value in changes.items():
            if not isinstance(key, str) or not TAG_KEY.match(key):
                raise RegistryError(f"invalid tag key {key!r}", hint="start with a letter; letters, digits, _ . -")
            if value is not None and (not isinstance(value, str) or len(value) > MAX_TAG_VALUE):
                raise RegistryError(f"tag '{key}': the value must be text of at most {MAX_TAG_VALUE} characters")
        if not actor or not actor.strip():
            raise RegistryError("actor must be a non-empty string")

        def write(session: Session, head: AuditHeadRow, now: datetime) -> list[VersionTag]:
            target = self._version_row(session, name, version)
            bound: list[tuple[str, str, Any]] = []
            removed: list[dict[str, Any]] = []
            applied: dict[str, str | None] = {}
            for key, value in sorted(changes.items()):
                row = session.get(VersionTagRow, (target.model_id, version, key))
                if value is None:
                    if row is None:
                        raise RegistryError(f"{name}@{version} has no tag '{key}' to remove")
                    session.delete(row)
                    removed.append({"table": "version_tags", "key": f"{name}@{version}#{key}", "sha256": None})
                elif row is None or row.value != value:
                    if row is None:
                        row = VersionTagRow(model_id=target.model_id, version=version, key=key)
                        session.add(row)
                    row.value, row.set_at, row.set_by = value, now, actor
                    bound.append(("version_tags", name, row))
                else:
                    continue
                applied[key] = value
            if applied:
                payload: dict[str, Any] = {"changes": applied}
                if removed:
                    payload["removed"] = removed
                self._append(session, head, now, actor=actor, action="tags.set", subject=f"{name}@{version}",
                             payload=payload, bound=bound)
            session.flush()
            return _tags(session, target.model_id, name, version)

        return self._write(write)

    def list_tags(self, name: str, version: int | None = None) -> list[VersionTag]:
        def read(session: Session) -> list[VersionTag]:
            return _tags(session, self._model_id(session, name), name, version)
        return self._read(read)

    def list_lineage(self, name: str, version: int | None = None) -> list[VersionLineage]:
        def read(session: Session) -> list[VersionLineage]:
            query = select(VersionLineageRow).where(VersionLineageRow.model_id == self._model_id(session, name))
            if version is not None:
                query = query.where(VersionLineageRow.version == version)
            return [r.entity(name) for r in session.scalars(query.order_by(VersionLineageRow.version))]
        return self._read(read)

    def children(self, ref: str) -> list[str]:
        """Versions that name ``ref`` as their parent."""
        def read(session: Session) -> list[str]:
            rows = session.execute(select(ModelRow.name, VersionLineageRow.version)
                                   .join(ModelRow, ModelRow.id == VersionLineageRow.model_id)
                                   .where(VersionLineageRow.parent == ref)).all()
            return sorted(f"{n}@{v}" for n, v in rows)
        return self._read(read)


def _tags(session: Session, model_id: int, name: str, version: int | None) -> list[VersionTag]:
    query = select(VersionTagRow).where(VersionTagRow.model_id == model_id)
    if version is not None:
        query = query.where(VersionTagRow.version == version)
    return [r.entity(name) for r in session.scalars(query.order_by(VersionTagRow.version, VersionTagRow.key))]
