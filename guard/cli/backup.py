"""``guard registry export|import``: a verifiable backup of a whole registry, SQLite and PostgreSQL alike."""

from __future__ import annotations

import gzip
import os
from pathlib import Path
from typing import Annotated

import typer

from guard.cli._app import ActorOption, RegistryOption, app, guarded, open_store, say
from guard.errors import GuardError

registry_app = typer.Typer(help="Backup and restore of the registry.", no_args_is_help=True)
app.add_typer(registry_app, name="registry")


@registry_app.command("export")
@guarded
def export_registry(
    file: Annotated[Path, typer.Argument(help="Where to write the export (JSON lines; gzip when it ends in .gz).")],
    registry: RegistryOption = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Write every row, the audit chain and the schema revision to one file, after verifying them.

    Example: guard registry export backup-2027-01-15.jsonl.gz --registry sqlite:///.guard/registry.db
    """
    if file.exists() and not force:
        raise GuardError(f"{file} exists", hint="pick a new name or pass --force")
    store = open_store(registry)
    lines = store.export_lines()
    data = ("\n".join(lines) + "\n").encode("utf-8")
    if file.name.endswith(".gz"):
        data = gzip.compress(data, mtime=0)
    partial = file.with_name(file.name + ".partial")
    try:
        partial.write_bytes(data)
        os.replace(partial, file)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise GuardError(f"cannot write {file}: {exc.strerror or exc}") from None
    import json

    header = json.loads(lines[0])
    say(f"exported {len(lines) - 2} rows ({header['counts'].get('audit_events', 0)} audit events, head "
        f"{header['head']['seq']}:{header['head']['hash'][:12]}…, schema {header['schema_revision']}) to {file}",
        highlight=True)


@registry_app.command("import")
@guarded
def import_registry(
    file: Annotated[Path, typer.Argument(help="An export written by guard registry export.")],
    registry: Annotated[str, typer.Option("--registry", help="The EMPTY registry to restore into (URL).")],
    actor: ActorOption = None,
) -> None:
    """Restore an export into an empty registry: the chain and every row binding are verified first; a
    file that does not verify is refused and nothing is written.

    With GUARD_AUDIT_KEY set, keyed events must verify under it (set the key the source used).
    Example: guard registry import backup.jsonl.gz --registry postgresql://guard@db/guard
    """
    from guard.registry._backup import import_file
    from guard.release import current_actor

    try:
        data = file.read_bytes()
    except OSError as exc:
        raise GuardError(f"cannot read {file}: {exc.strerror or exc}") from None
    header, count = import_file(data, registry, actor=current_actor(actor), where=str(file))
    say(f"imported {count} rows into {open_store(registry).url}: audit chain and row bindings verified "
        f"(head {header['head']['seq']}, plus one registry.import event)", highlight=True)
