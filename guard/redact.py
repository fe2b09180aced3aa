"""Redaction of evidence before it is stored: raw PII never reaches a report by default.

Every finding passes through ``redact_finding`` in the runner. This module masks the direct
identifiers that patterns find reliably (e-mail, phone, card, IBAN, IP, US SSN) with entity tags;
the PII scanner (issue 4) plugs a Presidio-based redactor in through ``set_redactor``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from guard.types import Finding

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("EMAIL_ADDRESS", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    ("IBAN_CODE", re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){3,7}(?:[ ]?[A-Z0-9]{1,3})?\b")),
    ("CREDIT_CARD", re.compile(r"\b(?:\d[ -]?){12,18}\d\b")),
    ("US_SSN", re.compile(r"\b\d{3}-\d{2}-\d{4}\b")),
    ("IP_ADDRESS", re.compile(r"\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b")),
    ("PHONE_NUMBER", re.compile(r"(?<!\w)(?:\+?\d{1,3}[ .-]?)?(?:\(\d{2,4}\)|\d{2,4})[ .-]?\d{3}[ .-]?\d{3,4}(?!\w)")),
]

TextRedactor = Callable[[str], str]


def redact_patterns(text: str) -> str:
    """Replace direct identifiers with ``<ENTITY_TYPE>`` tags."""
    for entity, pattern in _PATTERNS:
        text = pattern.sub(f"<{entity}>", text)
    return text


_redactor: TextRedactor = redact_patterns


def set_redactor(redactor: TextRedactor) -> None:
    """Install a better text redactor (the PII scanner does this when it loads)."""
    global _redactor
    _redactor = redactor


def redact_value(value: Any) -> Any:
    if isinstance(value, str):
        return _redactor(value)
    if isinstance(value, list):
        return [redact_value(v) for v in value]
    if isinstance(value, dict):
        return {k: redact_value(v) for k, v in value.items()}
    return value


def redact_finding(finding: Finding) -> Finding:
    return finding.model_copy(update={"message": _redactor(finding.message), "example": redact_value(finding.example)})
