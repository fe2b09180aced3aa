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
    ("IP_ADDRESS", re.compile(r"(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:])"), _valid_ip),
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
            text = pattern.sub(lambda m, e=entity, v=validate: f"<{e}>" if v(m.group(0)) else m.group(0), text)
    return text


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

_text_redactor: TextRedactor = redact_patterns
_free_text_redactor: FreeTextRedactor | None = None
_mode: str | None = None  # None: the NER layer is loaded on first use


def set_redactor(redactor: TextRedactor) -> None:
    """Use ``redactor`` for every string (labels and free text alike); ``reset_redactor`` undoes it."""
    global _text_redactor, _free_text_redactor, _mode
    _text_redactor = redactor
    _free_text_redactor = lambda text, keep: redactor(text)  # noqa: E731
    _mode = getattr(redactor, "__name__", "custom")


def set_free_text_redactor(redactor: FreeTextRedactor | None, mode: str) -> None:
    """Install the NER layer for free text (``guard.pii.install_redactor`` does this); None: patterns only."""
    global _text_redactor, _free_text_redactor, _mode
    _text_redactor = redact_patterns
    _free_text_redactor = redactor
    _mode = mode


def reset_redactor() -> None:
    """Back to the default: patterns everywhere, the PII scanner on free text when installed."""
    global _text_redactor, _free_text_redactor, _mode
    _text_redactor, _free_text_redactor, _mode = redact_patterns, None, None


def redaction_mode() -> str:
    """What redacts evidence in this process: ``"presidio+patterns"`` or ``"patterns"``."""
    _ensure_loaded()
    return _mode or "patterns"


def _ensure_loaded() -> None:
    if _mode is not None:
        return
    from guard.pii import install_redactor  # lazy: Presidio and spaCy load only when evidence needs them

    install_redactor()


def words_of(text: str) -> set[str]:
    """Lower-cased words: how probe and label words are compared."""
    return {w.lower() for w in _WORD.findall(text)}


def _is_label(key: str | None) -> bool:
    return key in LABEL_KEYS


def _redact_text(value: str, free_text: bool, keep: frozenset[str]) -> str:
    value = str(value)  # numpy.str_ is a str that spaCy refuses
    if free_text and len(_WORD.findall(value)) >= 2:
        _ensure_loaded()
        if _free_text_redactor is not None:
            return _free_text_redactor(value, keep)
    return _text_redactor(value)


def redact_free_text(text: str) -> str:
    """Both layers on one text (an error message can quote the data row it choked on)."""
    return _redact_text(text, True, frozenset())


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


def redact_value(value: Any, *, key: str | None = None, keep: frozenset[str] = frozenset()) -> Any:
    """``value`` with PII replaced by tags, recursively; ``key`` is the dict key it was found under."""
    if isinstance(value, str):
        return _redact_text(value, not _is_label(key), keep)
    if isinstance(value, list):
        return [redact_value(v, key=key, keep=keep) for v in value]
    if isinstance(value, dict):
        if _is_label(key):  # a label's nested values are labels too
            return {k: redact_value(v, key=key) for k, v in value.items()}
        probes = _probe_words(value)
        return {k: redact_value(v, key=k, keep=probes.get(k, frozenset())) for k, v in value.items()}
    return value


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


def redact_finding(finding: Finding) -> Finding:
    """The finding with its message and example redacted (the message as free text, keeping quoted labels)."""
    keep = frozenset(_label_words(finding.example))
    return finding.model_copy(update={
        "message": _redact_text(finding.message, True, keep),
        "example": redact_value(finding.example),
    })
