"""The persistent inference cache: every model answer, stored on disk under the model's fingerprint.

``guard evaluate`` keeps it in ``.guard/cache`` (``--cache-dir DIR``, ``GUARD_CACHE_DIR``; ``--no-cache``
turns it off): re-running an unchanged model on an unchanged suite reads every answer back instead of
computing it, and a run killed half-way resumes where its answers stopped.

- **Storage.** One SQLite file (``inference-v1.sqlite3``) in WAL mode with a busy timeout, so several
  processes read and write it at once; one table keyed by (fingerprint, request hash) holds each answer
  as JSON (floats print as their exact ``repr``, so they read back bit for bit). SQLite, not
  ``diskcache``: the standard library already has it, and ``diskcache`` pickles its values by default —
  loading a shared cache folder would then run whatever code a tampered file holds.
- **Key.** The model's fingerprint (what the report records), then sha256 over the request kind
  (classify, generate, loglikelihood, pseudo_loglikelihood), the exact input (types kept: a tuple is not
  a list, ``1`` is not ``1.0``), the generation settings (max_new_tokens, temperature, top_p, seed, stop,
  chat) and the settings of the loaded adapter that can change an answer (device, dtype, batch size,
  context window; torch/transformers/scikit-learn versions; guard's version and the source of its model
  adapters). Sampled generation (temperature > 0) is never stored: the transformers adapter seeds one
  random stream per call, so a prompt's sample depends on the other prompts of its call.
- **What is cached.** Only models whose fingerprint hashes their files (``hf:``, ``sklearn:``,
  ``python:`` with a file): an ``http:`` endpoint's fingerprint names the URL, not the weights behind it,
  so its answers are always computed. Failures are never stored.
- **Writes** commit in chunks while a call runs (``guard.models.cached``), so SIGKILL loses at most the
  chunk in flight.
- **Corruption** never yields a wrong answer: each row carries a checksum of its fingerprint, key and
  answer, and a row that fails it (or whose JSON does not decode to the right type) counts as a miss and
  is recomputed and rewritten. A file SQLite cannot read (not a database, malformed pages) is moved aside
  to ``*.corrupt-<time>`` and rebuilt empty, with a note in the report.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FILE_NAME = "inference-v1.sqlite3"
DEFAULT_DIR = Path(".guard") / "cache"
ENV_DIR = "GUARD_CACHE_DIR"
BUSY_TIMEOUT_S = 60.0
_MAX_VARS = 500  # keys per SELECT ... IN (...)

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS answers (fingerprint TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,"
    " checksum TEXT NOT NULL, created REAL NOT NULL, PRIMARY KEY (fingerprint, key)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS models (fingerprint TEXT NOT NULL, options TEXT NOT NULL, info TEXT NOT NULL,"
    " spec TEXT NOT NULL, updated REAL NOT NULL, PRIMARY KEY (fingerprint, options)) WITHOUT ROWID",
)


def default_dir() -> Path:
    """``GUARD_CACHE_DIR``, else ``.guard/cache`` under the current directory."""
    return Path(os.environ.get(ENV_DIR) or DEFAULT_DIR)


def _corrupt(exc: sqlite3.DatabaseError) -> bool:
    """SQLite says the file is not a database, or its pages are malformed (not merely busy)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (11, 26)  # SQLITE_CORRUPT, SQLITE_NOTADB
    text = str(exc).lower()
    return "not a database" in text or "malformed" in text


def _checksum(fingerprint: str, key: str, value: str) -> str:
    return hashlib.sha256(f"{fingerprint}\0{key}\0{value}".encode()).hexdigest()[:32]


@dataclass(frozen=True)
class FingerprintUsage:
    """One model's share of the cache (``guard cache info``)."""

    fingerprint: str
    entries: int
    bytes: int
    specs: tuple[str, ...]
    last_write: float


class DiskCache:
    """The cache folder's SQLite file; safe to share between threads and processes.

    Nothing is created until the first answer is written: reading a cache that does not exist finds
    nothing, so a run that fails before inference, or a mistyped ``--cache-dir``, leaves no file behind.
    """

    def __init__(self, folder: str | Path):
        self.folder = Path(folder).expanduser()
        self.path = self.folder / FILE_NAME
        self.notes: list[str] = []  # what went wrong with the file and what was done (rebuilt, disabled)
        self.disabled = False
        self._rebuilt = False
        self._lock = threading.RLock()
        self._conn: sqlite3.Connection | None = None

    # --- opening, corruption ------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")  # WAL: a crash keeps every committed chunk
            names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not {"answers", "models"} <= names:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    for statement in _SCHEMA:
                        conn.execute(statement)
                    conn.execute("COMMIT")
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise
            conn.execute("SELECT fingerprint, key, value, checksum, created FROM answers LIMIT 1").fetchall()
            conn.execute("SELECT fingerprint, options, info, spec, updated FROM models LIMIT 1").fetchall()
        except BaseException:
            conn.close()
            raise
        return conn

    def _connection(self, *, create: bool) -> sqlite3.Connection | None:
        """The open connection; opened now if the file exists (or ``create``), rebuilt if unreadable."""
        if self._conn is not None or self.disabled:
            return self._conn
        if not create and not self.path.is_file():
            return None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._conn = self._connect()
        except sqlite3.DatabaseError as exc:
            if _corrupt(exc):
                self._rebuild(exc)
            else:
                self._disable(exc)
        except OSError as exc:
            self._disable(exc)
        return self._conn

    def _rebuild(self, exc: BaseException) -> None:
        """Move the unreadable file (and its WAL) aside and start an empty one (once per process)."""
        if self._conn is not None:
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()
            self._conn = None
        if self._rebuilt:
            self._disable(exc)
            return
        self._rebuilt = True
        stamp = time.strftime("%Y%m%d-%H%M%S")
        moved = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        for suffix in ("", "-wal", "-shm"):
            source = self.path.with_name(self.path.name + suffix)
            with contextlib.suppress(FileNotFoundError):
                source.replace(moved.with_name(moved.name + suffix))
        self.notes.append(f"the cache file was unreadable ({exc}); moved it to {moved.name} and started an empty one")
        try:
            self._conn = self._connect()
        except (sqlite3.Error, OSError) as again:
            self._disable(again)

    def _disable(self, exc: BaseException) -> None:
        self.disabled = True
        self.notes.append(f"the cache in {self.folder} is off for the rest of this run: {exc}")
        if self._conn is not None:
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()
            self._conn = None

    @contextlib.contextmanager
    def _guard(self, *, write: bool = False) -> Iterator[sqlite3.Connection | None]:
        """The connection, or None (no file yet and nothing to write, or the cache is off); a file found
        corrupt mid-run is moved aside and rebuilt, any other database failure turns the cache off —
        answers are then computed, never wrong."""
        with self._lock:
            conn = self._connection(create=write)
            if conn is None:
                yield None
                return
            try:
                yield conn
            except sqlite3.DatabaseError as exc:
                if _corrupt(exc):
                    self._rebuild(exc)
                else:
                    self._disable(exc)  # e.g. locked past the timeout, disk full

    def close(self) -> None:
        """Close the connection (SQLite folds the WAL back into the file when the last one closes)."""
        with self._lock:
            if self._conn is not None:
                with contextlib.suppress(sqlite3.Error):
                    self._conn.close()
                self._conn = None

    # --- answers --------------------------------------------------------------------------------------

    def get_many(self, fingerprint: str, keys: Sequence[str]) -> tuple[dict[str, str], int]:
        """Stored answers (JSON text) by key, and how many rows failed their checksum (not returned)."""
        found: dict[str, str] = {}
        bad = 0
        unique = list(dict.fromkeys(keys))
        with self._guard() as conn:
            if conn is None:
                return {}, 0
            for start in range(0, len(unique), _MAX_VARS):
                part = unique[start:start + _MAX_VARS]
                marks = ",".join("?" * len(part))
                rows = conn.execute("SELECT key, value, checksum FROM answers WHERE fingerprint = ? "
                                    f"AND key IN ({marks})", [fingerprint, *part]).fetchall()
                for key, value, checksum in rows:
                    if isinstance(value, str) and checksum == _checksum(fingerprint, key, value):
                        found[key] = value
                    else:
                        bad += 1
        return found, bad

    def put_many(self, fingerprint: str, items: Iterable[tuple[str, str]]) -> None:
        """Store answers in one transaction (all or none of them survive a crash)."""
        now = time.time()
        rows = [(fingerprint, key, value, _checksum(fingerprint, key, value), now) for key, value in items]
        if not rows:
            return
        with self._guard(write=True) as conn:
            if conn is None:
                return
            conn.execute("BEGIN IMMEDIATE")
            try:
                conn.executemany("INSERT OR REPLACE INTO answers (fingerprint, key, value, checksum, created) "
                                 "VALUES (?, ?, ?, ?, ?)", rows)
                conn.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
                raise

    # --- what a previous load of a model said about it (guard.models.lazy) ------------------------------

    def model_record(self, fingerprint: str, options: str) -> dict[str, Any] | None:
        row = None
        with self._guard() as conn:
            if conn is None:
                return None
            row = conn.execute("SELECT info FROM models WHERE fingerprint = ? AND options = ?",
                               (fingerprint, options)).fetchone()
        if row is None:
            return None
        try:
            info = json.loads(row[0])
        except (TypeError, ValueError):
            return None
        return info if isinstance(info, dict) else None

    def remember_model(self, fingerprint: str, options: str, info: dict[str, Any], spec: str) -> None:
        text = json.dumps(info, sort_keys=True, ensure_ascii=True)
        with self._guard(write=True) as conn:
            if conn is None:
                return
            conn.execute("INSERT OR REPLACE INTO models (fingerprint, options, info, spec, updated) "
                         "VALUES (?, ?, ?, ?, ?)", (fingerprint, options, text, spec, time.time()))

    # --- guard cache info | clear -----------------------------------------------------------------------

    def usage(self) -> list[FingerprintUsage]:
        rows: list[Any] = []
        specs: dict[str, set[str]] = {}
        with self._guard() as conn:
            if conn is None:
                return []
            rows = conn.execute("SELECT fingerprint, COUNT(*), SUM(LENGTH(key) + LENGTH(value) + LENGTH(checksum)),"
                                " MAX(created) FROM answers GROUP BY fingerprint").fetchall()
            for fingerprint, spec in conn.execute("SELECT fingerprint, spec FROM models").fetchall():
                specs.setdefault(fingerprint, set()).add(spec)
        return sorted((FingerprintUsage(f, int(n), int(size or 0), tuple(sorted(specs.get(f, ()))), float(last or 0))
                       for f, n, size, last in rows), key=lambda u: -u.last_write)

    def fingerprints(self) -> list[str]:
        rows: list[Any] = []
        with self._guard() as conn:
            if conn is None:
                return []
            rows = conn.execute("SELECT fingerprint FROM answers UNION SELECT fingerprint FROM models").fetchall()
        return sorted(r[0] for r in rows)

    def clear(self, fingerprint: str | None = None) -> int:
        """Delete one fingerprint's entries (or all); returns how many answers went."""
        count = 0
        with self._guard() as conn:
            if conn is None:
                return 0
            where, args = ("WHERE fingerprint = ?", (fingerprint,)) if fingerprint else ("", ())
            conn.execute("BEGIN IMMEDIATE")
            try:
                count = conn.execute(f"SELECT COUNT(*) FROM answers {where}", args).fetchone()[0]
                conn.execute(f"DELETE FROM answers {where}", args)
                conn.execute(f"DELETE FROM models {where}", args)
                conn.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
                raise
            with contextlib.suppress(sqlite3.OperationalError):  # another process may hold the file
                conn.execute("VACUUM")
        return int(count)

    def integrity(self) -> str:
        """``ok``, or what SQLite's quick check found."""
        rows: list[Any] = []
        with self._guard() as conn:
            if conn is None:
                return "; ".join(self.notes) or "unavailable"
            rows = conn.execute("PRAGMA quick_check").fetchall()
        return "; ".join(str(r[0]) for r in rows) or "; ".join(self.notes) or "unavailable"

    def file_bytes(self) -> int:
        return sum(p.stat().st_size for p in self.folder.glob(FILE_NAME + "*") if p.is_file()
                   and ".corrupt-" not in p.name)


# --- request keys and answer codecs ---------------------------------------------------------------------


class NotCacheable(ValueError):
    """An input or answer this module cannot write down exactly; it is computed, never stored."""


def _canonical(value: Any) -> Any:
    """A JSON form that keeps types apart: containers are tagged arrays, so no two inputs share one."""
    if value is None or type(value) in (bool, int, float, str):
        return value
    if isinstance(value, (list, tuple)):
        return ["l" if isinstance(value, list) else "t", *(_canonical(v) for v in value)]
    if isinstance(value, dict):
        if not all(isinstance(k, str) for k in value):
            raise NotCacheable("dict keys must be strings")
        return ["d", *([k, _canonical(value[k])] for k in sorted(value))]
    module = type(value).__module__
    if module == "numpy":
        dtype = str(getattr(value, "dtype", type(value).__name__))
        if hasattr(value, "shape") and getattr(value, "ndim", 0) > 0:
            return ["nd", dtype, list(value.shape), [_canonical(v) for v in value.ravel().tolist()]]
        return ["np", dtype, _canonical(value.item())]
    raise NotCacheable(f"cannot key a {type(value).__name__}")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=True, separators=(",", ":"), allow_nan=True)


def request_key(method: str, item: Any, settings: str, extra: Any = None) -> str | None:
    """sha256 naming one request to one model (the fingerprint is the other half of the key); None when
    the input cannot be written down exactly (then it is computed every run)."""
    try:
        body = _dumps([1, method, settings, _canonical(extra), _canonical(item)])
    except (NotCacheable, ValueError, TypeError):
        return None
    return hashlib.sha256(body.encode("ascii")).hexdigest()


def encode_answer(method: str, value: Any) -> str | None:
    """The answer as JSON text, or None when it would not read back as an equal value of the same type."""
    from guard.models.base import Prediction

    if method == "classify":
        if type(value) is not Prediction or not isinstance(value.label, str):
            return None
        scores = value.scores
        if scores is not None and not (isinstance(scores, dict) and all(
                isinstance(k, str) and isinstance(v, float) for k, v in scores.items())):
            return None
        return _dumps({"label": str(value.label),
                       "scores": None if scores is None else {str(k): float(v) for k, v in scores.items()}})
    if method == "generate":
        return _dumps(str(value)) if isinstance(value, str) else None
    if isinstance(value, float):  # loglikelihood, pseudo_loglikelihood (numpy float64 is a float too)
        return _dumps(float(value))
    return None


def decode_answer(method: str, text: str) -> Any:
    """The stored answer; ValueError when it is not the shape ``method`` returns (then it counts as a miss)."""
    from guard.models.base import Prediction

    value = json.loads(text)
    if method == "classify":
        if not (isinstance(value, dict) and set(value) == {"label", "scores"} and isinstance(value["label"], str)):
            raise ValueError("not a prediction")
        scores = value["scores"]
        if scores is not None and not (isinstance(scores, dict) and all(isinstance(v, float) for v in scores.values())):
            raise ValueError("bad scores")
        return Prediction(label=value["label"], scores=scores)
    if method == "generate":
        if not isinstance(value, str):
            raise ValueError("not a text")
        return value
    if not isinstance(value, float):
        raise ValueError("not a number")
    return value


# --- what besides the fingerprint changes an answer -------------------------------------------------------

_LIBRARIES = {"hf": ("torch", "transformers", "tokenizers", "gguf"), "sklearn": ("scikit-learn", "skops", "numpy")}


def _code_version() -> str:
    """guard's version and a hash of its model adapters' source: a fix to how a model is scored is a new key."""
    from guard._version import __version__

    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.joinpath("models").glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return f"{__version__}+{digest.hexdigest()[:16]}"


def _library_versions(kind: str) -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    found = {}
    for name in _LIBRARIES.get(kind, ()):
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            continue
    return found


def entry_point(spec: str) -> str | None:
    """What a spec selects inside its files that the fingerprint does not cover: a ``python:`` spec's
    callable (two functions of one file share the file's fingerprint but not their answers)."""
    scheme, _, target = spec.partition(":")
    return target.rpartition(":")[2] if scheme == "python" else None


def adapter_settings(model: Any) -> dict[str, Any]:
    """What of a loaded adapter, besides its fingerprint, may change its answers."""
    kind = str(getattr(model, "kind", ""))
    settings: dict[str, Any] = {"kind": kind, "code": _code_version(), "libraries": _library_versions(kind)}
    entry = entry_point(str(getattr(model, "spec", "")))
    if entry is not None:
        settings["entry"] = entry
    if kind == "hf":
        inner = getattr(model, "model", None)
        settings.update(device=str(getattr(model, "device", "")), batch_size=getattr(model, "batch_size", None),
                        max_length=getattr(model, "max_length", None), dtype=str(getattr(inner, "dtype", "")),
                        model_class=type(inner).__name__)
    return settings


def record_key(spec: str, options: dict[str, Any]) -> str:
    """What a model record is filed under besides the fingerprint: the spec's entry point and the load
    options (``api_key`` left out: it is a secret)."""
    kept = {k: v for k, v in options.items() if k != "api_key"}
    try:
        return _dumps([entry_point(spec), _canonical(kept)])
    except (NotCacheable, ValueError, TypeError):
        return _dumps([entry_point(spec), sorted(f"{k}={v!r}" for k, v in kept.items())])
