"""Per-example evidence (``guard evaluate --log-samples``): gzip JSONL beside the report, paged without loading it.

The file is a series of gzip members of ``BLOCK_ROWS`` records each (a valid ``.jsonl.gz``: ``zcat`` and
``gzip.open`` read it whole). A small sidecar index (``<file>.idx.json``) lists each member's byte offset
and its record count per (task, outcome), so a reader seeks to the one member holding the Nth matching
record and decompresses only that: a page of a 100,000-record run materialises at most a block or two of
records, whatever the offset. The index is derived data: when it is missing or names another file hash,
it is rebuilt by one streaming pass. The report keeps the data file's sha256 (``SamplesRef``); readers
verify it before showing a record (``verify``).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import tempfile
import zlib
from collections.abc import Iterable, Iterator, Sized
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from guard.errors import GuardError
from guard.types import SamplesRef

if TYPE_CHECKING:
    from guard.redact import Redactor

BLOCK_ROWS = 1000
SUFFIX = ".samples.jsonl.gz"
_SEP = "\x1f"  # joins task and outcome in index keys (never in a task name: [A-Za-z0-9_-])


def samples_path(report_path: str | Path) -> Path:
    """Where ``--log-samples`` writes beside ``report_path``: ``report.json`` -> ``report.samples.jsonl.gz``."""
    report = Path(report_path)
    return report.with_name(report.stem + SUFFIX)


def index_path(data: str | Path) -> Path:
    return Path(str(data) + ".idx.json")


@dataclass
class _Block:
    offset: int
    length: int
    rows: int
    counts: dict[str, int]


class SamplesWriter:
    """Streams records into ``path`` through a temporary file; ``close()`` renames it into place and
    returns the ``SamplesRef`` the report carries; ``discard()`` leaves nothing behind."""

    def __init__(self, path: str | Path, *, block_rows: int = BLOCK_ROWS) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".tmp")
        self._temporary = Path(temporary)
        self._stream = os.fdopen(handle, "wb")
        self._hash = hashlib.sha256()
        self._block_rows = block_rows
        self._pending: list[bytes] = []
        self._pending_counts: dict[str, int] = {}
        self._blocks: list[_Block] = []
        self._offset = 0
        self.rows = 0
        self.counts: dict[str, dict[str, int]] = {}
        self._closed = False

    def add(self, task: str, records: Iterable[dict[str, Any]]) -> None:
        """Append one task's records (already redacted); each gets ``task`` and keeps its ``outcome``."""
        for record in records:
            outcome = str(record.get("outcome", ""))
            line = json.dumps({"task": task, **record}, ensure_ascii=False, default=str, separators=(",", ":"))
            self._pending.append(line.encode("utf-8") + b"\n")
            key = f"{task}{_SEP}{outcome}"
            self._pending_counts[key] = self._pending_counts.get(key, 0) + 1
            per_task = self.counts.setdefault(task, {})
            per_task[outcome] = per_task.get(outcome, 0) + 1
            self.rows += 1
            if len(self._pending) >= self._block_rows:
                self._flush()

    def _flush(self) -> None:
        if not self._pending:
            return
        member = gzip.compress(b"".join(self._pending), compresslevel=6, mtime=0)
        self._stream.write(member)
        self._hash.update(member)
        self._blocks.append(_Block(self._offset, len(member), len(self._pending), dict(self._pending_counts)))
        self._offset += len(member)
        self._pending, self._pending_counts = [], {}

    def close(self) -> SamplesRef:
        self._flush()
        if not self._blocks:  # an empty gzip member keeps the file a valid .jsonl.gz
            empty = gzip.compress(b"", mtime=0)
            self._stream.write(empty)
            self._hash.update(empty)
        self._stream.close()
        digest = self._hash.hexdigest()
        os.replace(self._temporary, self.path)
        self._closed = True
        _write_index(self.path, digest, self._blocks)
        return SamplesRef(file=self.path.name, location=str(self.path.resolve()), sha256=digest, rows=self.rows,
                          counts=self.counts)

    def discard(self) -> None:
        """Leave nothing behind: before ``close()`` the temporary file, after it the file and its index."""
        if not self._stream.closed:
            self._stream.close()
        self._temporary.unlink(missing_ok=True)
        if self._closed:
            self.path.unlink(missing_ok=True)
            index_path(self.path).unlink(missing_ok=True)


def dataset_records(records: list[dict[str, Any]], failing: dict[int, str], data: Sized | None,
                    groups: dict[str, str], redactor: Redactor) -> Iterator[dict[str, Any]]:
    """Each scored example's record with ``row`` (1-based) in the task's dataset, then one ``error``
    record per row the model failed on; all redacted like findings (group labels as in the metrics)."""
    scored = [i for i in range(len(data)) if i not in failing] if data is not None else None
    for record in records:
        row = record.get("row")
        if isinstance(row, int) and scored is not None and 0 <= row < len(scored):
            record = {**record, "row": scored[row] + 1}
        elif isinstance(row, int):
            record = {**record, "row": row + 1}
        if groups and isinstance(record.get("group"), str):
            record = {**record, "group": groups.get(record["group"], record["group"])}
        yield record if redactor.is_raw else redactor.value(record)
    for row, error in failing.items():
        yield redactor.value({"row": row + 1, "outcome": "error", "error": error})


def _write_index(path: Path, digest: str, blocks: list[_Block]) -> None:
    document = {"sha256": digest, "blocks": [[b.offset, b.length, b.rows, b.counts] for b in blocks]}
    try:
        index_path(path).write_text(json.dumps(document, separators=(",", ":")), encoding="utf-8")
    except OSError:
        pass  # derived data: a reader rebuilds it


def file_sha256(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


SamplesState = Literal["ok", "missing", "mismatch"]


def locate(ref: SamplesRef, report_dir: str | Path | None = None) -> Path | None:
    """The samples file: beside the report when its folder is known, else where it was written."""
    candidates = [Path(report_dir) / ref.file] if report_dir is not None else []
    if ref.location:
        candidates.append(Path(ref.location))
    return next((c for c in candidates if c.is_file()), None)


def verify(ref: SamplesRef, report_dir: str | Path | None = None) -> tuple[SamplesState, Path | None]:
    """Whether the file the report references is there and is the one written (sha256)."""
    found = locate(ref, report_dir)
    if found is None:
        return "missing", None
    return ("ok" if file_sha256(found) == ref.sha256 else "mismatch"), found


@dataclass
class Page:
    records: list[dict[str, Any]]
    total: int  # records matching the filter in the whole file
    offset: int = 0


class SamplesReader:
    """Filtered pages of a samples file; ``materialised`` counts the records decoded so far."""

    def __init__(self, path: str | Path, sha256: str) -> None:
        self.path = Path(path)
        self.sha256 = sha256
        self.materialised = 0
        self._blocks = self._load_index()

    def _load_index(self) -> list[_Block]:
        try:
            document = json.loads(index_path(self.path).read_text(encoding="utf-8"))
            if document.get("sha256") == self.sha256:
                return [_Block(o, n, r, dict(c)) for o, n, r, c in document["blocks"]]
        except (OSError, ValueError, TypeError, KeyError):
            pass
        blocks = self._scan()
        _write_index(self.path, self.sha256, blocks)
        return blocks

    def _scan(self) -> list[_Block]:
        """Rebuild the index in one streaming pass: member boundaries from zlib, counts from each line."""
        blocks: list[_Block] = []
        with open(self.path, "rb") as stream:
            data, offset = stream.read(), 0  # compressed bytes only; records are decoded one member at a time
        while offset < len(data):
            inflater = zlib.decompressobj(wbits=31)
            text = inflater.decompress(memoryview(data)[offset:])
            length = len(data) - offset - len(inflater.unused_data)
            counts: dict[str, int] = {}
            rows = 0
            for line in text.splitlines():
                record = json.loads(line)
                key = f"{record.get('task', '')}{_SEP}{record.get('outcome', '')}"
                counts[key] = counts.get(key, 0) + 1
                rows += 1
            blocks.append(_Block(offset, length, rows, counts))
            offset += length
        return blocks

    @staticmethod
    def _wanted(key: str, task: str | None, outcome: str | None) -> bool:
        t, _, o = key.partition(_SEP)
        return (task is None or t == task) and (outcome is None or o == outcome)

    def count(self, *, task: str | None = None, outcome: str | None = None) -> int:
        return sum(n for b in self._blocks for k, n in b.counts.items() if self._wanted(k, task, outcome))

    def _records(self, block: _Block) -> Iterator[dict[str, Any]]:
        with open(self.path, "rb") as stream:
            stream.seek(block.offset)
            raw = gzip.decompress(stream.read(block.length))
        for line in raw.splitlines():
            self.materialised += 1
            yield json.loads(line)

    def page(self, *, offset: int = 0, size: int = 50, task: str | None = None,
             outcome: str | None = None) -> Page:
        """Records ``offset`` .. ``offset + size`` among those matching ``task`` and ``outcome``."""
        if offset < 0 or size < 1:
            raise GuardError(f"a page needs offset >= 0 and size >= 1, got offset {offset}, size {size}")
        total = self.count(task=task, outcome=outcome)
        found: list[dict[str, Any]] = []
        skip = offset
        for block in self._blocks:
            matching = sum(n for k, n in block.counts.items() if self._wanted(k, task, outcome))
            if skip >= matching:
                skip -= matching
                continue
            for record in self._records(block):
                key = f"{record.get('task', '')}{_SEP}{record.get('outcome', '')}"
                if not self._wanted(key, task, outcome):
                    continue
                if skip:
                    skip -= 1
                    continue
                found.append(record)
                if len(found) == size:
                    return Page(found, total, offset)
        return Page(found, total, offset)
