"""A value found once is found everywhere in the same text.

Recognizers judge each occurrence by its own surroundings: a phone number after "call me on" is found,
the same number in "I tried 9352278730 twice" is not, and spaCy names "Manuel Saunders" at his second
turn of a chat but reads "[00:03:19] Manuel Saunders" as an organisation. A redaction that hides the
first occurrence and prints the second has leaked the value; so every further exact occurrence of a
found identifier (or of a name of two words or more) is reported with the type and score of the
finding it repeats.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

# Identifiers, and names: what a leak at a second mention would expose.
REPEATED_TYPES = frozenset(("PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "US_SSN", "CREDIT_CARD", "IBAN_CODE",
                            "IP_ADDRESS"))
_MIN_CHARS = 4  # "Li" or "12" repeat by chance
_NAME_WORD = re.compile(r"[^\W\d_]+")


class _Finding(Protocol):  # read-only: PIIFinding is a frozen dataclass
    @property
    def entity_type(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def score(self) -> float: ...


F = TypeVar("F", bound=_Finding)


def with_repeats(found: Sequence[F], text: str, make: Callable[[str, int, int, float], F]) -> list[F]:
    """``found`` plus a finding for every other exact, whole-word occurrence of a value in REPEATED_TYPES
    that no finding of the same type covers yet; sorted like the scanner's output."""
    out = list(found)
    seen: set[tuple[str, str]] = set()
    for f in found:
        value = text[f.start:f.end].strip()
        if f.entity_type not in REPEATED_TYPES or len(value) < _MIN_CHARS or (f.entity_type, value) in seen:
            continue
        seen.add((f.entity_type, value))
        if f.entity_type == "PERSON" and not reads_as_a_full_name(value):
            continue
        for match in re.finditer(r"(?<![\w@.+-])" + re.escape(value) + r"(?![\w@-]|\.\w)", text):
            start, end = match.span()
            if not any(g.entity_type == f.entity_type and g.start < end and start < g.end for g in out):
                out.append(make(f.entity_type, start, end, f.score))
    return sorted(out, key=lambda f: (f.start, f.end, f.entity_type))


def reads_as_a_full_name(value: str) -> bool:
    """Two or more capitalised words ("Manuel Saunders", "Ana de la Cruz"), starting with a letter: one word
    ("Valor", "Jordan") is too often not the name it was once read as, and spaCy's reading of an iptables
    line ("-A INPUT -s") as a person must not spread."""
    names = [w for w in _NAME_WORD.findall(value) if w[0].isupper() and any(c.islower() for c in w[1:])]
    return value[0].isalpha() and len(names) >= 2
