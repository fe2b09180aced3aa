"""Evidence redactions kept beside the model answers, so a cached re-run never waits for the PII scanner.

The scanner (Presidio and spaCy, in ``guard._redaction_worker``) takes 1.4-1.6 s to load on 2 cores:
once every model answer comes from the cache, that load is most of a re-run. A redaction is a pure
function of the text, the words to keep and the scanner's configuration, so it is cached like an answer:

- **Where.** The inference cache's SQLite file (``guard.cache.DiskCache``), under the namespace
  ``redaction:<configuration digest>`` instead of a model fingerprint, with the same per-row checksums
  (a row that fails its checksum is a miss and is redacted again).
- **Key.** sha256 of the kept words and the text. The namespace digests everything that can change a
  redaction: guard's version and the source of ``guard/redact.py`` and ``guard/pii`` (its recognizers,
  the IP model), the NER setting and the installed versions of Presidio, spaCy and the spaCy model,
  the phone regions, and the bytes of the user's recognizers file. A change to any of them is a new
  namespace: nothing redacted under the old configuration is read.
- **What is stored.** Only the redacted text, never the raw one (the key is a hash), and the scanner's
  mode (``presidio+patterns``...), which the report states: a fully cached run reads it here.
- **Fail closed.** A redaction is always stored after the scanner made it; any doubt about a row is a
  miss, which the scanner answers. The folder may be shared (a CI cache restored from another job), so a
  row is not trusted further than it can be checked: it must read as its own text with spans replaced by
  tags, or it is a miss (a forged row cannot put other words into a report), and the pattern layer runs
  over it again (a forged row that leaves a value unmasked still loses its e-mails, numbers and addresses).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from guard.cache import DiskCache

_PACKAGE = Path(__file__).parent
_MODE_KEY = "mode"
NAMESPACE_PREFIX = "redaction:"  # where a model fingerprint would stand: ``guard cache info`` names these rows
_LIBRARIES = ("presidio-analyzer", "spacy", "phonenumbers")


def _installed(distribution: str) -> str:
    try:
        return version(distribution)
    except PackageNotFoundError:
        return "-"


@lru_cache(maxsize=8)
def _source_digest() -> str:
    """guard's version and the source the redaction runs: its recognizers, the IP model, the redactor."""
    from guard._version import __version__

    digest = hashlib.sha256(__version__.encode() + b"\0")
    files = [_PACKAGE / "redact.py", _PACKAGE / "_redaction_worker.py",
             *sorted((_PACKAGE / "pii").glob("*.py")), *sorted((_PACKAGE / "pii").glob("*.json"))]
    for path in files:
        if path.name != "quality.json":  # measured figures, not configuration
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def namespace() -> str:
    """The cache namespace of this process's redaction configuration (read now: the environment may change)."""
    from guard._redaction_worker import ner_setting
    from guard.pii.custom import RECOGNIZERS_ENV
    from guard.pii.phones import REGIONS_ENV

    ner = ner_setting()
    recognizers = os.environ.get(RECOGNIZERS_ENV) or ""
    try:
        recognizer_bytes = hashlib.sha256(Path(recognizers).read_bytes()).hexdigest() if recognizers else ""
    except OSError:
        recognizer_bytes = "unreadable"  # the worker refuses it; never share a namespace with a readable one
    meta = Path(ner, "meta.json")  # a spaCy model given as a folder: its name and version are in meta.json
    config = {
        "code": _source_digest(),
        "ner": ner,
        "ner_version": (hashlib.sha256(meta.read_bytes()).hexdigest() if meta.is_file()
                        else _installed(ner.replace("_", "-")) if not ner.startswith("transformers:") else ""),
        "libraries": {name: _installed(name) for name in _LIBRARIES},
        "regions": os.environ.get(REGIONS_ENV) or "",
        "recognizers": recognizer_bytes,
    }
    return NAMESPACE_PREFIX + hashlib.sha256(json.dumps(config, sort_keys=True).encode()).hexdigest()[:32]


def _key(text: str, keep: frozenset[str]) -> str:
    return hashlib.sha256(json.dumps([sorted(keep), text], ensure_ascii=False).encode()).hexdigest()


class CachedRedactions:
    """``free_text`` and ``mode`` of a scanner, answered from the cache where it holds them.

    ``scan`` and ``scanner_mode`` are the scanner's own (the worker's): called only on a miss, so a run
    whose every redaction is cached never waits for the scanner to load.
    """

    def __init__(self, cache: DiskCache, scan: Callable[[str, frozenset[str]], str],
                 scanner_mode: Callable[[], str]) -> None:
        self._cache = cache
        self._scan = scan
        self._scanner_mode = scanner_mode
        self._namespace = namespace()
        self._mode: str | None = None
        self.hits = 0
        self.misses = 0

    def free_text(self, text: str, keep: frozenset[str]) -> str:
        key = _key(text, keep)
        found, _ = self._cache.get_many(self._namespace, [key])
        if key in found:
            stored = _decode(found[key])
            if stored is not None and _masks(stored, text):
                from guard.redact import redact_patterns

                self.hits += 1
                return redact_patterns(stored)
        redacted = self._scan(text, keep)
        self.misses += 1
        self._cache.put_many(self._namespace, [(key, json.dumps(redacted, ensure_ascii=False))])
        return redacted

    def mode(self) -> str:
        if self._mode is None:
            found, _ = self._cache.get_many(self._namespace, [_MODE_KEY])
            self._mode = _decode(found.get(_MODE_KEY, "")) or None
            if self._mode is None:
                self._mode = self._scanner_mode()
                self._cache.put_many(self._namespace, [(_MODE_KEY, json.dumps(self._mode))])
        return self._mode


_TAGS = re.compile(r"(?:<[A-Z][A-Z0-9_]*>)+")


def _masks(redacted: str, text: str) -> bool:
    """``redacted`` is ``text`` with some stretches replaced by entity tags, and nothing else changed."""
    pieces = _TAGS.split(redacted)
    pattern = ".+?".join(re.escape(piece) for piece in pieces)
    return re.fullmatch(pattern, text, re.DOTALL) is not None


def _decode(value: str) -> str | None:
    try:
        decoded: Any = json.loads(value)
    except ValueError:
        return None
    return decoded if isinstance(decoded, str) else None
