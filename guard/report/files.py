"""Report files: written atomically (never half a report), read with one-line errors."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from pydantic import ValidationError

from guard.errors import GuardError
from guard.types import SCHEMA_VERSION, EvalReport


def write_text_atomic(path: str | Path, text: str) -> Path:
    """Write ``text`` to ``path`` through a temporary file and a rename."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def check_writable(path: str | Path, option: str) -> None:
    """Before any work: ``path`` can be written (its folder exists or can be made, and is writable)."""
    target = Path(path)
    if target.is_dir():
        raise GuardError(f"{option} {target} is a directory", hint="name a file")
    folder = target.parent
    while not folder.exists():
        folder = folder.parent
    if not folder.is_dir() or not os.access(folder, os.W_OK | os.X_OK):
        raise GuardError(f"{option} {target}: cannot write in {folder}", hint="pick a writable location")
    if target.exists() and not os.access(target, os.W_OK):
        raise GuardError(f"{option} {target} is not writable")


def write_all_atomic(files: dict[Path, str]) -> None:
    """Write several files all or nothing: every one is staged next to its target first, then all are
    renamed into place; if any cannot be staged, none is written."""
    staged: list[tuple[str, Path]] = []
    current: Path | None = None
    try:
        for target, text in files.items():
            current = target
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
            staged.append((temporary, target))
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(text)
    except OSError as exc:
        for temporary, _ in staged:
            Path(temporary).unlink(missing_ok=True)
        raise GuardError(f"cannot write {current}: {exc.strerror or exc}; nothing was written") from None
    except BaseException:
        for temporary, _ in staged:
            Path(temporary).unlink(missing_ok=True)
        raise
    for temporary, target in staged:
        os.replace(temporary, target)


def write_report(report: EvalReport, path: str | Path) -> Path:
    return write_text_atomic(path, report.model_dump_json(indent=2) + "\n")


def read_report(path: str | Path) -> EvalReport:
    source = Path(path)
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GuardError("report file not found", where=source) from None
    except json.JSONDecodeError as exc:
        raise GuardError(f"not valid JSON: {exc.msg}", where=f"{source}:{exc.lineno}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise GuardError(f"cannot read report: {exc}", where=source) from None
    if not isinstance(data, dict):
        raise GuardError("not a guard report (expected a JSON object)", where=source)
    version = str(data.get("schema_version", ""))
    if version.split(".")[0] != SCHEMA_VERSION.split(".")[0]:
        raise GuardError(
            f"report schema_version '{version}' is not supported (this guard reads {SCHEMA_VERSION})", where=source
        )
    try:
        return EvalReport.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        field = ".".join(str(p) for p in err["loc"])
        raise GuardError(f"invalid report field '{field}': {err['msg']}", where=source) from None
