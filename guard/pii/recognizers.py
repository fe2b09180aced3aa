"""Pattern recognizers for the direct identifiers, with validation and context words.

Each entity has a few general, documented shapes. A *strong* shape (a checksum-validated card
or IBAN, an e-mail, an international or North-American phone number, a dashed SSN) scores above
the default threshold on its own; a *weak* shape (a bare run of digit groups that could be a phone
number, a driver's licence number) only counts when a context word for that entity stands within a
few words before it (or right after it, as in ``555 0123 (office)``). Context is matched on the raw
text with word boundaries, so it needs no lemmatizer and the spaCy pipeline can run NER only.

Rules (general, not tuned to one data set):

- EMAIL_ADDRESS: RFC 5322 "dot-atom" local part, a host with at least one dot, an alphabetic TLD.
- PHONE_NUMBER: E.164 international (``+`` or ``00``, 8–15 digits, optional ``(0)`` trunk);
  North-American (``(555) 123-4567``, ``555.123.4567``, area code 2–9); optional extension
  (``x123``, ``ext. 12``); weak: 10 bare digits, or 7–13 digits in groups separated by space, dot or
  dash (never a date shape) — these need a phone word (phone, tel, mobile, fax, call, ...).
- CREDIT_CARD: 12–19 digits, optionally grouped by spaces/dashes, Luhn-valid; strong when the
  issuer prefix and length are a known brand's (Visa, Mastercard incl. 2-series, Amex, Diners,
  Discover, JCB, UnionPay, Maestro, Mir), weak otherwise (needs a card word).
- IBAN_CODE: ISO 13616: country code, two check digits, BBAN, compact or in groups of four,
  country length where known, ISO 7064 mod-97 checksum.
- IP_ADDRESS: dotted-quad IPv4 and IPv6 (incl. ``::`` compression), validated by ``ipaddress``;
  not when part of a longer dotted number or preceded by a version word.
- US_SSN: ``AAA-GG-SSSS`` (dash, or with an SSN word also space/dot/none), excluding the numbers the
  SSA never issues: area 000, 666, 900–999; group 00; serial 0000; the advertising number 078-05-1120.
- US_DRIVER_LICENSE: common state shapes (a letter + 4–14 digits, 6–14 digits, dashed groups),
  **only with a licence word** (driver, license, licence, DL, DMV): without context, Presidio's
  default recognizer reaches a precision of 0.03 on presidio_synth (any 8-14 digit number matches).
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

# A validator returns False (reject), True (accept the whole match) or an int (accept a prefix of
# that many characters: used to drop trailing words an IBAN's group pattern swallowed).
Validator = Callable[[str], "bool | int"]

_PREFIX_CHARS = 48   # context window before a match (about 6 words)
_SUFFIX_CHARS = 14   # and right after it (one word such as "office", "(fax)")


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    score: float                     # without context (0 = only with context)
    context_score: float             # with a context word
    validate: Validator | None = None


@dataclass
class EntityRules:
    entity: str
    rules: list[Rule]
    context: list[str] = field(default_factory=list)  # regex fragments, matched as whole words
    labels: list[str] = field(default_factory=list)   # only as a label: "Office: <x>" or "<x> office"

    def context_re(self) -> re.Pattern[str] | None:
        if not self.context:
            return None
        return re.compile(r"(?<![A-Za-z])(?:" + "|".join(self.context) + r")(?:s|es|ed|ing|er|ers)?(?![A-Za-z])", re.IGNORECASE)

    def label_res(self) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
        if not self.labels:
            return None
        words = "(?:" + "|".join(self.labels) + ")"
        return (re.compile(r"(?<![A-Za-z])" + words + r"s?[ \t]*(?:no\.?|number|#)?[ \t]*[:=#-]?\s*\(?$", re.IGNORECASE),
                re.compile(r"^[ \t]*[,(\-–/]?[ \t]*\(?" + words + r"(?![A-Za-z])", re.IGNORECASE))


class RuleRecognizer(EntityRecognizer):
    """A Presidio recognizer for one entity type from validated regex rules plus raw-text context."""

    def __init__(self, spec: EntityRules):
        self.spec = spec
        self._context = spec.context_re()
        self._labels = spec.label_res()
        super().__init__(supported_entities=[spec.entity], name=f"guard_{spec.entity.lower()}",
                         supported_language="en", context=[])

    def load(self) -> None:  # nothing to load
        pass

    def _has_context(self, text: str, start: int, end: int) -> bool:
        before = text[max(0, start - _PREFIX_CHARS):start]
        after = text[end:end + _SUFFIX_CHARS]
        after = re.split(r"[\n.;!?]", after, maxsplit=1)[0]
        if self._labels is not None and (self._labels[0].search(before) or self._labels[1].search(after)):
            return True
        if self._context is None:
            return False
        return bool(self._context.search(before) or self._context.search(after))

    def find(self, text: str) -> list[tuple[int, int, float, str]]:
        found: dict[tuple[int, int], tuple[float, str]] = {}
        for rule in self.spec.rules:
            for m in rule.pattern.finditer(text):
                start, end = m.span()
                verdict = rule.validate(m.group(0)) if rule.validate else True
                if verdict is False:
                    continue
                if verdict is not True:
                    end = start + int(verdict)
                value = rule.score
                if value < rule.context_score and self._has_context(text, start, end):
                    value = rule.context_score
                if value <= 0:
                    continue
                if value > found.get((start, end), (0.0, ""))[0]:
                    found[(start, end)] = (value, rule.name)
        return [(s, e, sc, name) for (s, e), (sc, name) in found.items()]

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        if entities and self.spec.entity not in entities:
            return []
        return [RecognizerResult(self.spec.entity, s, e, sc,
                                 recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                                                       RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                                                       "rule": name})
                for s, e, sc, name in self.find(text)]


# ---------------------------------------------------------------- validators


def _digits(s: str) -> str:
    return "".join(c for c in s if c.isdigit())


def luhn_ok(candidate: str) -> bool:
    digits = [int(c) for c in _digits(candidate)]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


# Issuer prefixes (IIN ranges) and the lengths each brand issues.
_CARD_BRANDS: list[tuple[re.Pattern[str], range | tuple[int, ...]]] = [(re.compile(p), n) for p, n in [
    (r"3[47]", (15,)),                                                   # American Express
    (r"4", (13, 16, 19)),                                                # Visa
    (r"5[1-5]|2(?:22[1-9]|2[3-9]\d|[3-6]\d\d|7[01]\d|720)", (16,)),       # Mastercard
    (r"30[0-5]|3[689]", range(14, 20)),                                  # Diners Club
    (r"6011|64[4-9]|65", range(16, 20)),                                 # Discover
    (r"35(?:2[89]|[3-8]\d)", range(16, 20)),                              # JCB
    (r"2131|1800", (15,)),                                               # JCB (15 digits)
    (r"62", range(16, 20)),                                              # UnionPay
    (r"220[0-4]", range(16, 20)),                                        # Mir
    (r"5[06-9]|6\d", range(12, 20)),                                     # Maestro
]]


def _card_common(candidate: str) -> str | None:
    d = _digits(candidate)
    if not 12 <= len(d) <= 19 or len(set(d)) < 2 or not luhn_ok(d):
        return None
    return d


def card_strong(candidate: str) -> bool:
    d = _card_common(candidate)
    return d is not None and any(p.match(d) and len(d) in n for p, n in _CARD_BRANDS)


def card_any(candidate: str) -> bool:
    return _card_common(candidate) is not None


# ISO 13616 lengths of the most common IBAN countries (others: 15-34).
_IBAN_LENGTHS = {
    "AD": 24, "AE": 23, "AT": 20, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BR": 29, "CH": 21, "CY": 28,
    "CZ": 24, "DE": 22, "DK": 18, "EE": 20, "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GI": 23,
    "GL": 18, "GR": 27, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IS": 26, "IT": 27, "KW": 30, "KZ": 20,
    "LB": 28, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "ME": 22, "MK": 19, "MT": 31, "MU": 30,
    "NL": 18, "NO": 15, "PK": 24, "PL": 28, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "SA": 24, "SE": 24,
    "SI": 19, "SK": 24, "SM": 27, "TN": 24, "TR": 26, "UA": 29,
}


def iban_checksum_ok(compact: str) -> bool:
    compact = compact.upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", compact):
        return False
    expected = _IBAN_LENGTHS.get(compact[:2])
    if expected is not None and len(compact) != expected:
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1


def iban_prefix(candidate: str) -> bool | int:
    """Longest prefix (dropping trailing space-separated groups) that is a valid IBAN."""
    parts = candidate.split(" ")
    while parts:
        text = " ".join(parts)
        if iban_checksum_ok(text.replace(" ", "").replace("-", "")):
            return True if len(text) == len(candidate) else len(text)
        parts.pop()
    return False


def ip_ok(candidate: str) -> bool:
    try:
        ip = ipaddress.ip_address(candidate)
    except ValueError:
        return False
    return ip.version == 4 or bool(re.search(r"[0-9a-fA-F]", candidate))


_SSN_NEVER = {"078051120", "123456789", "219099999"}


def ssn_ok(candidate: str) -> bool:
    d = _digits(candidate)
    if len(d) != 9 or d in _SSN_NEVER or len(set(d)) == 1:
        return False
    area, group, serial = d[:3], d[3:5], d[5:]
    return not (area in ("000", "666") or area[0] == "9" or group == "00" or serial == "0000")


_DATE_SHAPE = re.compile(r"\d{4}[-./ ]\d{1,2}[-./ ]\d{1,2}|\d{1,2}[-./ ]\d{1,2}[-./ ]\d{4}|(?:19|20)\d\d")


def _phone_digits(candidate: str) -> str:
    body = re.split(r"(?i)\s*(?:x|ext\.?|extension|#)\s*\d", candidate, maxsplit=1)[0]
    return _digits(body.replace("(0)", ""))


def phone_intl(candidate: str) -> bool:
    return 8 <= len(_phone_digits(candidate)) <= 15


def phone_groups(candidate: str) -> bool:
    body = re.split(r"(?i)\s*(?:x|ext\.?|extension|#)\s*\d", candidate, maxsplit=1)[0]
    if _DATE_SHAPE.fullmatch(body):
        return False
    return 7 <= len(_digits(body)) <= 13


# ---------------------------------------------------------------- rules

_EXT = r"(?:[ ]?(?:x|ext\.?|extension|\#)[ ]?\d{1,6})?"
_I = re.IGNORECASE


def default_rules() -> list[EntityRules]:
    """The rules for the direct identifiers (and driver's licences, context only)."""
    return [
        EntityRules("EMAIL_ADDRESS", [Rule(
            "email", re.compile(r"(?<![\w.%+-])[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                                r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}(?![\w-])"), 0.9, 1.0)],
            context=["e-?mail", "mail", "contact", "address"]),
        EntityRules("PHONE_NUMBER", [
            Rule("intl", re.compile(r"(?<![\w+])(?<!\d[ .-])(?:\+|00)[1-9]\d{0,2}(?:[ .-]?(?:\(0\)|\(\d{1,4}\)|\d{1,6})){1,6}" + _EXT
                                    + r"(?!\w|[.-]\d)", _I), 0.7, 0.95, phone_intl),
            Rule("nanp", re.compile(r"(?<![\w+.-])(?<!\d[ .-])(?:\+?1[ .-]?)?(?:\([2-9]\d\d\)[ ]?|[2-9]\d\d[ .-])\d{3}[ .-]\d{4}" + _EXT
                                    + r"(?!\w|[.-]\d)", _I), 0.6, 0.9),
            Rule("digits10", re.compile(r"(?<![\w+.-])(?<!\d[ .-])[2-9]\d{9}(?!\w|[.-]\d)"), 0.0, 0.75),
            Rule("groups", re.compile(r"(?<![\w+.-])(?<!\d[ .-])(?:\(\d{1,4}\)[ ]?)?\d{1,8}(?:[ .-]\d{1,8}){1,5}" + _EXT
                                      + r"(?!\w|[.-]\d)", _I), 0.0, 0.75, phone_groups),
        ], context=["phone", "telephone", "mobile", "cellphone", "fax", "call", "sms", "whatsapp", "dial",
                    "text me", "message", "answer", "landline", "hotline", "voicemail"],
            labels=["phone", "tel", "mobile", "cell", "fax", "desk", "office", "home", "work", "direct"]),
        EntityRules("CREDIT_CARD", [
            Rule("card", re.compile(r"(?<![\w-])(?<!\d[ .-])\d(?:[ -]?\d){11,18}(?![\w-])"), 0.8, 1.0, card_strong),
            Rule("card_any", re.compile(r"(?<![\w-])(?<!\d[ .-])\d(?:[ -]?\d){11,18}(?![\w-])"), 0.0, 0.85, card_any),
        ], context=["card", "credit", "debit", "visa", "mastercard", "amex", "american express", "discover", "cc",
                    "jcb", "diners", "maestro", "payment", "charge"]),
        EntityRules("IBAN_CODE", [Rule(
            "iban", re.compile(r"(?<![\w])[A-Z]{2}\d{2}(?:[A-Z0-9]{11,30}|(?:[ ][A-Z0-9]{4}){2,7}(?:[ ][A-Z0-9]{1,4})?)(?![\w])", _I),
            0.9, 1.0, iban_prefix)], context=["iban", "account", "bank", "transfer", "wire"]),
        EntityRules("IP_ADDRESS", [
            Rule("ipv4", re.compile(r"(?<![\w.])(?<!version )(?<!v)(?:\d{1,3}\.){3}\d{1,3}(?![\w]|\.\d)"), 0.6, 0.95, ip_ok),
            Rule("ipv6", re.compile(r"(?<![\w:.])(?:[0-9A-F]{0,4}:){2,7}[0-9A-F]{0,4}(?![\w:])", _I),
                 0.6, 0.95, ip_ok),
        ], context=["ip", "ipv4", "ipv6", "host", "server", "address", "connect", "login", "logged"]),
        EntityRules("US_SSN", [
            Rule("ssn_dash", re.compile(r"(?<![\w-])(?<!\d[ .-])\d{3}-\d{2}-\d{4}(?![\w-])"), 0.6, 0.95, ssn_ok),
            Rule("ssn_other", re.compile(r"(?<![\w.-])(?<!\d[ .-])\d{3}([ .]?)\d{2}\1\d{4}(?![\w.-])"), 0.0, 0.85, ssn_ok),
        ], context=["ssn", "ssns", r"social\s+security", r"ss\s?#", "ssa", "ssid"]),
        EntityRules("US_DRIVER_LICENSE", [Rule(
            "dl", re.compile(r"(?<![\w-])(?:[A-Z]{1,2}\d{4,14}|[A-Z]\d{3}-\d{4}-\d{4}|\d{6,14}|\d{3,4}-\d{2,3}-\d{3,4})(?![\w-])", _I),
            0.0, 0.75)], context=["driver", "driving", "licen[cs]e", "dl", "dmv", r"driver'?s\s+lic"]),
    ]


def guard_recognizers() -> list[RuleRecognizer]:
    return [RuleRecognizer(spec) for spec in default_rules()]


REPLACED_ENTITIES = frozenset(spec.entity for spec in default_rules())
