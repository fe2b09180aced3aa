"""``guard cache``: what the persistent inference cache holds, and clearing it."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from guard.cli._app import app, format_when, guarded, out, say
from guard.errors import GuardError
from guard.report._format import terminal_text

cache_app = typer.Typer(help="The persistent inference cache (model answers keyed by fingerprint, and evidence "
                             "redactions).",
                        no_args_is_help=True)
app.add_typer(cache_app, name="cache")

CacheDirOption = Annotated[Path | None, typer.Option(
    "--cache-dir", help="The cache folder (else GUARD_CACHE_DIR, else .guard/cache).")]


def _folder(cache_dir: Path | None) -> Path:
    from guard.cache import default_dir

    return cache_dir if cache_dir is not None else default_dir()


def _size(n: int) -> str:
    for unit in ("B", "KiB", "MiB", "GiB"):
        if n < 1024 or unit == "GiB":
            return f"{n} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024  # type: ignore[assignment]
    return str(n)


@cache_app.command("info")
@guarded
def cache_info(cache_dir: CacheDirOption = None) -> None:
    """Entries and size per model fingerprint, and whether the file reads back intact.

    Example: guard cache info --cache-dir .guard/cache
    """
    from guard.cache import FILE_NAME, DiskCache
    from guard.redaction_cache import NAMESPACE_PREFIX as REDACTIONS

    folder = _folder(cache_dir)
    if not (folder / FILE_NAME).is_file():
        say(f"no inference cache in {folder}")
        return
    cache = DiskCache(folder)
    try:
        usage = cache.usage()
        table = Table(title=terminal_text(f"inference cache {folder}"), title_justify="left")
        for column in ("fingerprint", "model", "entries", "size", "last write"):
            table.add_column(column, overflow="fold")
        for row in usage:
            when = datetime.fromtimestamp(row.last_write, timezone.utc) if row.last_write else None
            specs = (", ".join(row.specs) or "—") if not row.fingerprint.startswith(REDACTIONS) else \
                "evidence redactions (one PII scanner configuration)"
            cells = (row.fingerprint, specs, str(row.entries), _size(row.bytes), format_when(when))
            table.add_row(*(terminal_text(cell) for cell in cells))
        out.print(table)
        entries = sum(row.entries for row in usage)
        say(f"{entries} entries for {len(usage)} fingerprints; file {_size(cache.file_bytes())}; "
            f"integrity: {cache.integrity()}")
        for note in cache.notes:
            say(f"note: {note}")
    finally:
        cache.close()


@cache_app.command("clear")
@guarded
def cache_clear(
    fingerprint: Annotated[str | None, typer.Option(
        "--fingerprint", help="Only this model's entries (a full fingerprint or an unambiguous prefix).")] = None,
    cache_dir: CacheDirOption = None,
) -> None:
    """Delete the cached answers of one model fingerprint, or all of them.

    Example: guard cache clear --fingerprint sha256:a2b9550e577f
    """
    from guard.cache import FILE_NAME, DiskCache

    folder = _folder(cache_dir)
    if not (folder / FILE_NAME).is_file():
        if fingerprint is not None:
            raise GuardError(f"no inference cache in {folder}", hint="give --cache-dir")
        say(f"no inference cache in {folder}")
        return
    cache = DiskCache(folder)
    try:
        if fingerprint is None:
            removed = cache.clear()
            for stale in folder.glob(FILE_NAME + ".corrupt-*"):
                stale.unlink(missing_ok=True)
            say(f"removed {removed} cached answers from {folder}")
            return
        wanted = fingerprint.rstrip("…").strip()
        known = cache.fingerprints()
        matches = [f for f in known if f == wanted] or [f for f in known if wanted and f.startswith(wanted)]
        if len(matches) != 1:
            what = "matches no" if not matches else f"matches {len(matches)}"
            raise GuardError(f"--fingerprint {fingerprint} {what} fingerprint in {folder}",
                             hint="see guard cache info" if not matches else "give more of it")
        removed = cache.clear(matches[0])
        say(f"removed {removed} cached answers of {matches[0]}")
    finally:
        cache.close()
