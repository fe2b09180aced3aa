"""Redaction of evidence before it is stored: raw PII never reaches a report by default.

Every finding passes through ``redact_finding`` in the runner. This module masks the direct
identifiers that patterns find reliably (e-mail, phone, card, IBAN, IP, US SSN) with entity tags;
the PII scanner (issue 4) plugs a Presidio-based redactor in through ``set_redactor``.
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


_redactor: TextRedactor = redact_patterns


def set_redactor(redactor: TextRedactor) -> None:
    """Install a better text redactor (the PII scanner does this when it loads)."""
    global _redactor
    _redactor = redactor


def redact_value(value: Any) -> Any:
    if isinstance(value, str):
        return _redactor(str(value))  # str(): numpy.str_ is a str that spaCy refuses
    if isinstance(value, list):
        return [redact_value(v) for v in value]
    if isinstance(value, dict):
        return {k: redact_value(v) for k, v in value.items()}
    return value


def redact_finding(finding: Finding) -> Finding:
    return finding.model_copy(update={"message": _redactor(finding.message), "example": redact_value(finding.example)})
