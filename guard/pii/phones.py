"""Phone numbers parsed with ``phonenumbers`` (Google's libphonenumber metadata) for a list of regions.

Candidates are runs of digit groups (7-17 digits, optional ``+``/``00``, bracketed area code, ``(0)``
and extension); each is parsed for every region whose numbering plan could hold it (a cheap check of
the plan's lengths and general pattern first) and kept when ``is_valid_number`` holds — the
decision Presidio's ``PhoneRecognizer`` makes with ``PhoneNumberMatcher`` at leniency VALID, at a
fraction of its cost. A candidate valid nowhere is retried without its first or last group (a
number followed by another figure). Each valid number is scored by how it is written:

- ``international``: written with ``+`` or ``00`` and the country code (valid for its country),
- ``national``: written in the grouping the region itself uses (``06 12 34 67 21`` in France,
  ``(02) 1297 9721`` in Australia, ``0121 694 8325`` in the UK), or the international grouping,
- ``valid``: a valid number in any other writing (``0375348833``), a local number without area
  code (fewer than 9 digits), or part of a longer figure: Presidio's base score, found only next to
  a phone word (German and Italian plans accept almost any 0-prefixed number).

Regions: ``GUARD_PII_PHONE_REGIONS`` (comma-separated ISO 3166 codes) or the scanner's
``phone_regions``; the default covers Presidio's own regions and more.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from guard.errors import GuardError, did_you_mean

DEFAULT_REGIONS: tuple[str, ...] = ("US", "GB", "CA", "AU", "IN", "DE", "FR", "ES", "IT", "NL", "BR", "IL")
REGIONS_ENV = "GUARD_PII_PHONE_REGIONS"
# Scores without / with a context word, per kind.
SCORES = {"international": (0.75, 0.95), "national": (0.6, 0.9), "valid": (0.4, 0.85)}

_PREFILTER = re.compile(r"\d(?:[ ().\-/]{0,3}\d){6}")
_EXTENSION = re.compile(r"(?i)\s*(?:x|ext\.?|extension|#)\s*\d+$")
_GROUPS = re.compile(r"\d+")
# A run of digit groups; the body is matched atomically (a lookahead that captures, then the
# capture: Python 3.10 has no possessive quantifiers), so a figure that continues past the
# candidate ("381-7816154-9170289,6011") is no candidate at all rather than a shorter one.
_CANDIDATE = re.compile(
    r"(?<![\w+./%$€£¥₹])(?<!\d,)(?<!\d[ .\-])"
    r"(?=(?P<body>(?:\+|00)?[ ]?(?:\(\d{1,5}\)|\d)(?:[ .\-/]{0,2}(?:\(0\)|\(\d{1,5}\)|\d)){5,22}"
    r"(?:[ ]?(?:x|ext\.?|extension|\#)[ ]?\d{1,6})?))(?P=body)"
    # ":" then a digit: a time ("2026/12/31 22:14"); ": " ends a sender line ("07953 830 441: Hi")
    r"(?![\w%]|:(?!\s)|\.\d|,\d{3}(?!\d))",
    re.IGNORECASE)
# Dotted figures that are addresses or versions, not phone numbers ("192.168.1.20", "10.0.19045.3570"),
# unless grouped as phones are ("06.12.34.56.78", "555.123.4567").
_DOTTED = re.compile(r"\d{1,3}(?:\.\d{1,5}){2,4}")
_DOTTED_PHONE = re.compile(r"\d{2}(?:\.\d{2}){3,4}|\d{3}\.\d{3}\.\d{4}")
_DATE_OR_TIME = re.compile(r"\d{1,4}([./-])\d{1,2}\1\d{1,4}(?:[ "
                           r"T]\d{1,2}[:.]\d\d(?:[:.]\d\d)?)?|\d{1,2}[:.]\d\d[:.]\d\d")


def regions(spec: str | Sequence[str] | None = None) -> tuple[str, ...]:
    """The regions to parse with: ``spec`` (a list or "US,GB,…"), else ``$GUARD_PII_PHONE_REGIONS``, else
    the default."""
    import phonenumbers

    if spec is None:
        spec = os.environ.get(REGIONS_ENV) or DEFAULT_REGIONS
    items = spec.split(",") if isinstance(spec, str) else list(spec)
    chosen: list[str] = []
    for raw in items:
        code = str(raw).strip().upper()
        if not code:
            continue
        if code not in phonenumbers.SUPPORTED_REGIONS:
            raise GuardError(f"unknown phone region '{raw}'", hint=did_you_mean(code,
                                                                                sorted(phonenumbers.SUPPORTED_REGIONS))
                             or "use ISO 3166 alpha-2 codes such as US, GB, DE")
        if code not in chosen:
            chosen.append(code)
    if not chosen:
        raise GuardError("the list of phone regions is empty", hint=f"e.g. {','.join(DEFAULT_REGIONS)}")
    return tuple(chosen)


def _groups(s: str) -> list[int]:
    return [len(g) for g in _GROUPS.findall(s)]


def kind(raw: str, number: Any) -> str:
    """How a valid number is written: "international", "national" (the region's grouping) or "valid"."""
    import phonenumbers
    from phonenumbers import PhoneNumberFormat

    body = _EXTENSION.sub("", raw).strip()
    if body.startswith(("+", "00")):
        return "international"
    if _TRUNK_IN_BRACKETS.match(body):
        return "national"  # "(080) 26582447", "(0161) 496 0018": how only a phone number is written
    written = _groups(body)
    for fmt in (PhoneNumberFormat.NATIONAL, PhoneNumberFormat.INTERNATIONAL):
        formatted = phonenumbers.format_number(number, fmt)
        expected = _groups(_EXTENSION.sub("", formatted))
        if fmt == PhoneNumberFormat.INTERNATIONAL:
            expected = expected[1:]  # without the country code
        if len(written) > 1 and (written == expected or _with_trunk_prefix(body, written, expected)):
            return "national"
    return "valid"


# An area code in brackets after the trunk prefix 0, then the subscriber's digits.
_TRUNK_IN_BRACKETS = re.compile(r"\(0\d{1,4}\)[ -]?\d")


def _with_trunk_prefix(body: str, written: list[int], expected: list[int]) -> bool:
    """The region's grouping with the trunk prefix 0 written before the area code: "062 98839-2492" for
    Brazil's "(62) 98839-2492"."""
    return (body.startswith("0") and len(written) == len(expected) and written[0] == expected[0] + 1
            and written[1:] == expected[1:])


_RANK = {"international": 3, "national": 2, "valid": 1}


@functools.cache
def _plan(region: str) -> tuple[re.Pattern[str] | None, frozenset[int], re.Pattern[str]] | None:
    """(national prefix for parsing, possible lengths, general pattern) of a region; None: always parse."""
    from phonenumbers import PhoneMetadata

    meta = PhoneMetadata.metadata_for_region(region)
    if (meta is None or meta.national_prefix_transform_rule or meta.general_desc is None
            or not meta.general_desc.national_number_pattern):
        return None
    prefix = re.compile(meta.national_prefix_for_parsing) if meta.national_prefix_for_parsing else None
    general = meta.general_desc
    return prefix, frozenset(general.possible_length or ()), re.compile(general.national_number_pattern or "")


def _could_be(digits: str, region: str) -> bool:
    plan = _plan(region)
    if plan is None:
        return True
    prefix, lengths, pattern = plan
    options = [digits]
    if prefix is not None:
        m = prefix.match(digits)
        if m and m.end():
            options.append(digits[m.end():])
    return any((not lengths or len(d) in lengths) and pattern.fullmatch(d) for d in options)


def plausible(candidate: str) -> str | None:
    """The best kind ``candidate`` could have, from its writing alone (None: no phone number)."""
    body = _EXTENSION.sub("", candidate).strip()
    digits = sum(c.isdigit() for c in body)
    if not 7 <= digits <= 17 or _DATE_OR_TIME.fullmatch(body):
        return None
    if _DOTTED.fullmatch(body) and not _DOTTED_PHONE.fullmatch(body):
        return None
    if body.startswith(("+", "00")):
        return "international"
    return "national" if digits >= 9 and len(_groups(body)) >= 2 else "valid"


@functools.lru_cache(maxsize=4096)
def classify(candidate: str, region_list: tuple[str, ...]) -> str | None:
    """The best kind of ``candidate`` over the regions, or None when it is valid in none."""
    import phonenumbers

    if plausible(candidate) is None:
        return None
    body = _EXTENSION.sub("", candidate).strip()
    digits = "".join(c for c in body if c.isdigit())
    if body.startswith(("+", "00")):
        try:
            number = phonenumbers.parse("+" + candidate.strip()[2:] if body.startswith("00") else candidate, None)
        except phonenumbers.NumberParseException:
            return None
        return "international" if phonenumbers.is_valid_number(number) else None
    national = digits.replace("0", "", 1) if "(0)" in body else digits
    one_group = len(_groups(body)) < 2 or len(digits) < 9  # can only be "valid": stop at the first region
    best = None
    for region in region_list:
        if not _could_be(national, region):
            continue
        try:
            number = phonenumbers.parse(candidate, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            if one_group:  # a single group, or a local number without area code
                return "valid"
            k = kind(candidate, number)
            if k == "national":
                return k
            best = k
    return best


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The candidate without its last or first digit group (up to two), longest first; only where
    groups are separated by spaces (dashes and dots join an order or version number's parts)."""
    if re.search(r"\d[.\-/]\d", text[start:end]):
        return []
    groups = [(m.start() + start, m.end() + start) for m in re.finditer(r"\(?\d+\)?", text[start:end])]
    out = []
    for drop in (1, 2):
        if len(groups) - drop >= 1:
            out.append((groups[0][0], groups[-1 - drop][1]))
            out.append((groups[drop][0], groups[-1][1]))
    return out


def find(text: str, region_list: Iterable[str],
         has_context: Callable[[int, int], bool] | None = None) -> list[tuple[int, int, str]]:
    """``(start, end, kind)`` of every number valid in one of the regions. With ``has_context``, a
    candidate that could only be of kind "valid" (which counts only next to a phone word) is not
    parsed unless ``has_context(start, end)`` — the same findings at a fraction of the cost."""
    if _PREFILTER.search(text) is None:
        return []
    regions_ = tuple(region_list)
    found = []
    for m in _CANDIDATE.finditer(text):
        start, end = m.span()
        if text[start] == " ":
            start += 1
        best = plausible(text[start:end])
        if best == "valid" and has_context is not None and not has_context(start, end):
            continue
        k = classify(text[start:end], regions_) if best is not None else None
        if k is not None:
            found.append((start, end, k))
            continue
        if has_context is not None and not has_context(start, end):
            continue  # a piece is only ever "valid"
        for s, e in _pieces(text, start, end):
            if classify(text[s:e], regions_) is not None:
                found.append((s, e, "valid"))  # part of a longer figure: only next to a phone word
                break
    return found
