"""Redaction of evidence before it is stored: raw PII never reaches a report by default.

Every finding passes through ``redact_finding`` in the runner, in two layers:

- Patterns, on every string: direct identifiers (e-mail, phone, card, IBAN, IP, US SSN) become
  entity tags. Cheap, precise, and the safety net under everything else.
- The PII scanner (Presidio + spaCy NER, ``guard.pii``), on every string except labels: model
  inputs and outputs, messages, anything a plug-in evaluator stores — names and identifier
  numbers become tags too. Labels the evaluator chose (group terms, entity-type names, axis names,
  hashes: values under ``LABEL_KEYS``) are not NER-scanned: they are the finding's point, and NER
  tags them (identity terms are NRP; an entity type name can read as a PERSON). In a minimal pair
  (``original``/``counterfactual``, ``more``/``less``, ``first``/``second`` differing in a few
  words) the words in which the two differ are the probe — a swapped identity term or name — and
  are kept; the message keeps the label words its example carries.

Without the ``pii`` extra only the pattern layer runs, and the report says so
(``EvalReport.evidence_redaction``).
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from guard.types import Finding

TextRedactor = Callable[[str], str]


def _luhn_ok(candidate: str) -> bool:
    digits = [int(c) for c in candidate if c.isdigit()]
    checksum = 0
    for position, digit in enumerate(reversed(digits)):
        if position % 2:
            digit = digit * 2 - 9 if digit > 4 else digit * 2
        checksum += digit
    return 13 <= len(digits) <= 19 and checksum % 10 == 0


def _valid_ip(candidate: str) -> bool:
    try:
        ipaddress.ip_address(candidate)
    except ValueError:
        return False
    return True


# Order matters: more specific shapes first, so a card number is not half-eaten as a phone number.
_PATTERNS: list[tuple[str, re.Pattern[str], Callable[[str], bool] | None]] = [
    ("EMAIL_ADDRESS", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), None),
    ("IBAN_CODE", re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){3,7}(?:[ ]?[A-Z0-9]{1,3})?\b"), None),
    ("CREDIT_CARD", re.compile(r"\b(?:\d[ -]?){12,18}\d\b"), _luhn_ok),
    ("US_SSN", re.compile(r"\b\d{3}-\d{2}-\d{4}\b"), None),
    ("IP_ADDRESS", re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b"), _valid_ip),
    # IPv6: not inside a longer word or address, but right after a label's colon ("IP Address:", "DNS:",
    # "ip6:"), whose last letter cannot be a hex digit of the address
    ("IP_ADDRESS", re.compile(r"(?:(?<![\w:])|(?<=[G-Zg-z]:)|(?<=[G-Zg-z]\d:))"
                              r"(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:])"), _valid_ip),
    # International (+44 20 7946 0958, 0044 …), then national with a trunk 0 (020 7946 0958), then NANP.
    ("PHONE_NUMBER", re.compile(r"(?<![\w+])(?:\+|00)\d{1,3}(?:[ .-]?\(?\d{1,4}\)?){2,5}(?!\w)"), None),
    ("PHONE_NUMBER", re.compile(r"(?<![\w])0\d{1,4}(?:[ .-]\d{2,4}){2,4}(?!\w)"), None),
    ("PHONE_NUMBER", re.compile(r"(?<![\w])(?:\(\d{3}\)|\d{3})[ .-]?\d{3}[ .-]\d{4}(?!\w)"), None),
]


def redact_patterns(text: str) -> str:
    """Replace direct identifiers with ``<ENTITY_TYPE>`` tags."""
    for entity, pattern, validate in _PATTERNS:
        if validate is None:
            text = pattern.sub(f"<{entity}>", text)
        else:
            text = pattern.sub(_tag_if_valid(entity, validate), text)
    return text


def _tag_if_valid(entity: str, validate: Callable[[str], bool]) -> Callable[[re.Match[str]], str]:
    return lambda match: f"<{entity}>" if validate(match.group(0)) else match.group(0)


FreeTextRedactor = Callable[[str, frozenset[str]], str]
"""``(text, words to keep) -> redacted text``: the NER layer's signature."""

LABEL_KEYS = frozenset({
    "group", "groups", "axis", "from", "to", "terms", "bias_type", "direction", "kind", "severity", "category",
    "categories", "lexicon_categories", "matched", "matched_terms", "matched_categories", "entity", "entities",
    "entity_type", "entity_types", "unmeasured", "hash", "hashes", "highest", "lowest", "emotion_word", "gender",
    "column", "metric", "sha256", "terms_sha256", "lexicon_sha256", "fingerprint", "predicted", "label", "labels",
})
"""Keys whose strings are labels the evaluator chose (group terms, entity-type names, hashes, a
classifier's predicted label): patterns only. Every other string of two words or more is scanned
for names too — the safe default for plug-ins. A single word is not: out of context spaCy tags
labels such as "neg" as a PERSON, and one word alone does not identify anyone."""
PAIRED_KEYS = (("original", "counterfactual"), ("more", "less"), ("first", "second"))
_PROBE_MAX_WORDS = 4  # a minimal pair differs in a few words; anything else is two unrelated texts
_WORD = re.compile(r"\w+")

def words_of(text: str) -> set[str]:
    """Lower-cased words: how probe and label words are compared."""
    return {w.lower() for w in _WORD.findall(text)}


def _is_label(key: str | None) -> bool:
    return key in LABEL_KEYS


def _probe_words(example: dict[str, Any]) -> dict[str, frozenset[str]]:
    """For a minimal pair (two texts that differ in a few words), the words each has and the other
    lacks: the swapped term or name, kept as evidence. Unrelated texts keep nothing."""
    keep: dict[str, frozenset[str]] = {}
    for a, b in PAIRED_KEYS:
        if isinstance(example.get(a), str) and isinstance(example.get(b), str):
            wa, wb = words_of(example[a]), words_of(example[b])
            only_a, only_b = wa - wb, wb - wa
            minimal = len(only_a) <= _PROBE_MAX_WORDS and len(only_b) <= _PROBE_MAX_WORDS and len(wa & wb) >= max(
                len(only_a), len(only_b), 1)
            if minimal:
                keep[a], keep[b] = frozenset(only_a), frozenset(only_b)
    return keep


def _label_words(value: Any, key: str | None = None) -> set[str]:
    """Words of the example's labels — strings under ``LABEL_KEYS`` and every dict key (group names,
    entity types): the message may quote them."""
    if isinstance(value, str):
        return words_of(value) if _is_label(key) else set()
    if isinstance(value, list):
        return set().union(*(_label_words(v, key) for v in value))
    if isinstance(value, dict):
        keys = set().union(*(words_of(str(k)) for k in value))
        return keys.union(*(_label_words(v, key if _is_label(key) else k) for k, v in value.items()))
    return set()


class Redactor:
    """How one run redacts its evidence: built once (before inference, so a bad NER setting fails
    early) and passed through the run. ``patterns()`` is the regex layer alone, ``with_scanner()``
    adds the PII scanner's NER on free text, ``raw()`` keeps everything (``--store-raw-evidence``)."""

    def __init__(self, text: TextRedactor = redact_patterns, free_text: FreeTextRedactor | None = None,
                 mode: str = "patterns"):
        self._text = text
        self._free_text = free_text
        self._mode = mode

    @property
    def mode(self) -> str:
        """What redacts: ``presidio+patterns``, ``patterns``, ``patterns (regex-only scanner)``, ``none``."""
        return self._mode

    @classmethod
    def patterns(cls) -> Redactor:
        return cls()

    @classmethod
    def raw(cls) -> Redactor:
        """No redaction at all: only when the user asked for raw evidence."""
        return cls(text=lambda text: text, free_text=lambda text, keep: text, mode="none")

    @classmethod
    def with_scanner(cls, **config: Any) -> Redactor:
        """Patterns everywhere plus the PII scanner on free text; patterns alone without the ``pii`` extra."""
        from guard.pii import scanner_redactor  # lazy: Presidio and spaCy load only when evidence needs them

        free_text, mode = scanner_redactor(**config)
        return cls(free_text=free_text, mode=mode)

    @classmethod
    def in_worker(cls, worker: Any, cache: Any = None) -> Redactor:
        """Patterns here, the scanner's NER in a worker process that loads while the run works
        (``guard._redaction_worker``); ``None`` (no ``pii`` extra): patterns alone. With the run's
        ``DiskCache``, redactions made before are read from it (``guard.redaction_cache``) and the
        worker is waited for only on a miss."""
        return cls() if worker is None else _WorkerRedactor(worker, cache)

    @property
    def is_raw(self) -> bool:
        return self.mode == "none"

    def text(self, value: str, *, free_text: bool = True, keep: frozenset[str] = frozenset()) -> str:
        value = str(value)  # numpy.str_ is a str that spaCy refuses
        if free_text and self._free_text is not None and len(_WORD.findall(value)) >= 2:
            return self._free_text(value, keep)
        return self._text(value)

    def value(self, value: Any, *, key: str | None = None, keep: frozenset[str] = frozenset()) -> Any:
        """``value`` with PII replaced by tags, recursively; ``key`` is the dict key it was found under."""
        if isinstance(value, str):
            return self.text(value, free_text=not _is_label(key), keep=keep)
        if isinstance(value, list):
            return [self.value(v, key=key, keep=keep) for v in value]
        if isinstance(value, dict):
            if _is_label(key):  # a label's nested values are labels too
                return {k: self.value(v, key=key) for k, v in value.items()}
            probes = _probe_words(value)
            return {k: self.value(v, key=k, keep=probes.get(k, frozenset())) for k, v in value.items()}
        return value

    def finding(self, finding: Finding) -> Finding:
        """The finding with its message and example redacted (the message as free text, keeping quoted labels)."""
        if self.is_raw:
            return finding
        keep = frozenset(_label_words(finding.example))
        return finding.model_copy(update={"message": self.text(finding.message, keep=keep),
                                          "example": self.value(finding.example)})

    def group_key(self, group: str) -> str:
        """A value of the user's group column, as reports may store it: unchanged, or — when the redactor
        finds PII in it (an e-mail, a name) — a stable keyed label ``group-<hmac>`` (same value, same label)."""
        if self.is_raw or self.text(group) == group:
            return group
        from guard.pii import keyed_hash

        return f"group-{keyed_hash(group)}"


class _WorkerRedactor(Redactor):
    def __init__(self, worker: Any, cache: Any = None) -> None:
        self._mode_of: Callable[[], str] = lambda: str(worker.mode)
        free_text = worker.free_text
        if cache is not None:
            from guard.redaction_cache import CachedRedactions

            cached = CachedRedactions(cache, worker.free_text, self._mode_of)
            free_text, self._mode_of = cached.free_text, cached.mode
        super().__init__(free_text=free_text)

    @property
    def mode(self) -> str:
        return self._mode_of()


@lru_cache(maxsize=1)
def default_redactor() -> Redactor:
    """The process's scanner-backed redactor for callers outside a run (the module functions below)."""
    return Redactor.with_scanner()


def redaction_mode() -> str:
    """What redacts evidence by default in this process: ``"presidio+patterns"`` or ``"patterns"``."""
    return default_redactor().mode


def redact_value(value: Any, *, key: str | None = None, keep: frozenset[str] = frozenset()) -> Any:
    return default_redactor().value(value, key=key, keep=keep)


def redact_free_text(text: str) -> str:
    """Both layers on one text (an error message can quote the data row it choked on)."""
    return default_redactor().text(text)


def redact_finding(finding: Finding) -> Finding:
    return default_redactor().finding(finding)
