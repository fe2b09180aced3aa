"""Loading a task's dataset through 🤗 ``datasets``, with content fingerprints.

Local csv / tsv / jsonl / json / parquet files and hub ids (online only) both arrive as a
``datasets.Dataset``; columns are addressed by role (``text``, ``label``, ``group`` …) through the
suite's ``columns`` mapping so evaluators never hard-code a dataset's column names.

Local files never go through ``load_dataset``: its module factory pings the hub's download counter
(DNS + HTTPS) even for local files unless ``HF_HUB_OFFLINE`` was set before ``datasets`` was
imported. They are parsed by the same packaged builders (``Dataset.from_csv`` / ``from_json`` /
``from_parquet``, same configuration, so the same values and column types) from a private copy of
the bytes that were fingerprinted, with a throw-away cache: no socket, no stale
``~/.cache/huggingface`` entry, and the rows are exactly the data the fingerprint names.

A suite reads only under its own folder (symlinks followed) or a root the user allowed
(``allowed_roots``, ``--allow-path``, ``GUARD_ALLOW_PATH``); ``--data`` paths are the user's own.
"""

from __future__ import annotations

import csv
import hashlib
import logging
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from guard._paths import allowed_roots_from_env, confine
from guard.errors import GuardError, did_you_mean
from guard.suite import DatasetSpec
from guard.types import DatasetInfo

_EXTENSIONS = {".csv": "csv", ".tsv": "tsv", ".jsonl": "jsonl", ".json": "json", ".parquet": "parquet"}


@dataclass
class TaskData:
    """A task's rows plus the role → column mapping; what an evaluator reads."""

    rows: Any  # datasets.Dataset
    columns: dict[str, str]
    info: DatasetInfo
    _cache: dict[str, list] = field(default_factory=dict, repr=False)

    def __len__(self) -> int:
        return len(self.rows)

    def has(self, role: str) -> bool:
        return role in self.columns

    def column(self, role: str) -> list:
        """All values of a role's column, in dataset order."""
        if role not in self._cache:
            if role not in self.columns:
                raise GuardError(f"dataset {self.info.source} has no '{role}' column mapped")
            self._cache[role] = list(self.rows[self.columns[role]])
        return self._cache[role]

    def records(self) -> list[dict[str, Any]]:
        """Rows as dicts keyed by role (for prompt templates)."""
        roles = {role: self.column(role) for role in self.columns}
        return [{role: values[i] for role, values in roles.items()} for i in range(len(self))]

    @classmethod
    def from_records(cls, records: list[dict[str, Any]], *, source: str = "<memory>") -> TaskData:
        """Wrap in-memory rows (tests, notebooks); roles are the dict keys."""
        import datasets

        rows = datasets.Dataset.from_list(records)
        digest = hashlib.sha256(repr(records).encode()).hexdigest()
        columns = {name: name for name in rows.column_names}
        return cls(rows, columns,
                   DatasetInfo(source=source, fingerprint="sha256:" + digest, rows=len(rows), columns=columns))


def load_task_data(
    spec: DatasetSpec,
    *,
    base_dir: Path,
    required: set[str],
    optional: set[str] = frozenset(),  # type: ignore[assignment]
    override: str | None = None,
    where: str = "",
    limit: int | None = None,
    allowed_roots: Sequence[Path] = (),
    confine_to_base: bool = False,
) -> TaskData:
    """Load ``spec`` (or ``override``, from ``--data TASK=PATH``) and check the needed columns exist.

    With ``confine_to_base`` (a suite read from a file: the runner passes ``suite.source is not
    None``), the suite's own path must resolve under ``base_dir`` or one of ``allowed_roots`` or the
    ``GUARD_ALLOW_PATH`` entries. ``override`` is the user's and is never confined; nor are the
    paths of a suite built in code, which its caller wrote.
    """
    source = override or spec.path
    from_cli = override is not None
    confined = confine_to_base and not from_cli
    local = _local_path(source, base_dir, from_cli=from_cli)
    if local is not None:
        read_from = local
        if confined:
            roots = [*allowed_roots, *allowed_roots_from_env()]
            read_from = confine(local, base_dir=base_dir, allowed=roots, where=where, what="dataset path")
        rows, fingerprint = _load_local(read_from, spec.format, where=where, shown=local)
        source_text = str(local)
    else:
        if confined and Path(source).expanduser().exists():
            # load_dataset would read this cwd-relative file or folder as local data
            raise GuardError(
                f"dataset path {source} is not under the suite's folder {base_dir} but exists relative to "
                f"the current directory {Path.cwd()}",
                where=where or None,
                hint="write it relative to the suite file, or pass it with --data TASK=PATH",
            )
        rows, fingerprint = _load_hub(source, spec, where=where)
        source_text = source
    row_limit = min(x for x in (spec.limit, limit) if x) if (spec.limit or limit) else None
    if row_limit is not None and row_limit < len(rows):
        rows = rows.select(range(row_limit))
    if len(rows) == 0:
        raise GuardError(f"dataset {source_text} has no rows", where=where or None)
    columns = _map_columns(rows.column_names, spec.columns, required, optional, source_text, where)
    info = DatasetInfo(source=source_text, fingerprint=fingerprint, rows=len(rows), columns=columns)
    return TaskData(rows=rows, columns=columns, info=info)


def _local_path(source: str, base_dir: Path, *, from_cli: bool) -> Path | None:
    """A local file path for ``source``, or None when it should be read as a hub id."""
    candidate = Path(source).expanduser()
    if not candidate.is_absolute() and not from_cli:
        candidate = base_dir / candidate
    if candidate.exists() or candidate.suffix.lower() in _EXTENSIONS or source.startswith((".", "/", "~")):
        return candidate
    return None


def _load_local(path: Path, fmt: str | None, *, where: str, shown: Path | None = None) -> tuple[Any, str]:
    shown = shown or path
    if not path.is_file():
        raise GuardError(f"dataset file not found: {shown}", where=where or None)
    kind = fmt or _EXTENSIONS.get(shown.suffix.lower())
    if kind is None:
        raise GuardError(
            f"cannot tell the format of {shown}", where=where or None, hint="add 'format: csv|tsv|jsonl|json|parquet'"
        )
    data = path.read_bytes()
    fingerprint = "sha256:" + hashlib.sha256(data).hexdigest()
    try:
        rows = _parse_local(data, kind)
    except Exception as exc:  # the datasets library raises many types for one bad file
        cause = exc.__cause__ if type(exc).__name__ == "DatasetGenerationError" and exc.__cause__ else exc
        first = str(cause).strip().splitlines()[0] if str(cause).strip() else type(cause).__name__
        raise GuardError(f"cannot read {kind} dataset {shown}: {first}", where=where or None) from None
    return rows, fingerprint


def _parse_local(data: bytes, kind: str) -> Any:
    """Parse a file's bytes with the builders ``load_dataset("csv"|"json"|"parquet")`` uses, offline.

    ``Dataset.from_csv`` / ``from_json`` / ``from_parquet`` instantiate those packaged builders with
    the same configuration but skip ``load_dataset``'s module factory (the download-count ping and
    hub look-ups). The bytes are parsed from a private copy with a throw-away cache, so the rows are
    the fingerprinted bytes (no stale cache keyed on path and mtime) and nothing is left behind.
    """
    import datasets

    datasets.disable_progress_bars()
    library_log = logging.getLogger("datasets")  # it logs failures naming the private copy; the GuardError says it
    level = library_log.level
    library_log.setLevel(logging.CRITICAL)
    try:
        return _parse_copy(data, kind)
    finally:
        library_log.setLevel(level)


def _parse_copy(data: bytes, kind: str) -> Any:
    import datasets

    suffix = {"tsv": ".tsv", "csv": ".csv", "parquet": ".parquet"}.get(kind, ".json")
    with tempfile.TemporaryDirectory(prefix="guard-data-") as scratch:
        copy = Path(scratch) / ("data" + suffix)
        copy.write_bytes(data)
        common: dict[str, Any] = {"cache_dir": str(Path(scratch) / "cache"), "keep_in_memory": True}
        if kind in ("csv", "tsv"):
            options: dict[str, Any] = {"sep": "\t", "quoting": csv.QUOTE_NONE} if kind == "tsv" else {}
            return datasets.Dataset.from_csv(str(copy), **common, **options)
        if kind in ("json", "jsonl"):
            return datasets.Dataset.from_json(str(copy), **common)
        return datasets.Dataset.from_parquet(str(copy), **common)


def _load_hub(dataset_id: str, spec: DatasetSpec, *, where: str) -> tuple[Any, str]:
    import datasets

    datasets.disable_progress_bars()
    try:
        loaded = datasets.load_dataset(dataset_id, spec.subset)
    except Exception as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise GuardError(
            f"cannot load hub dataset '{dataset_id}': {first}",
            where=where or None,
            hint="offline? point the task at a local copy with --data TASK=PATH",
        ) from None
    split = spec.split or next((s for s in ("validation", "test", "train") if s in loaded), None)
    if split not in loaded:
        raise GuardError(f"hub dataset '{dataset_id}' has no split '{split}'", where=where or None,
                         hint=did_you_mean(str(split), loaded.keys()))
    rows = loaded[split]
    return rows, f"hub:{dataset_id}@{rows._fingerprint}"


def _map_columns(
    available: list[str], mapping: dict[str, str], required: set[str], optional: set[str], source: str, where: str
) -> dict[str, str]:
    columns: dict[str, str] = {}
    for role in sorted(required | optional | set(mapping)):
        column = mapping.get(role, role)
        if column in available:
            columns[role] = column
        elif role in required or role in mapping:
            hint = did_you_mean(column, available) or "columns: " + ", ".join(available)
            raise GuardError(
                f"dataset {source} has no column '{column}' (needed as '{role}')",
                where=where or None,
                hint=hint + f"; map it with 'columns: {{{role}: <column>}}'",
            )
    return columns
