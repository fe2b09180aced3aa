"""Pattern recognizers for the direct identifiers, with validation and context words.

Each entity has a few general, documented shapes. A *strong* shape (a checksum-validated card
or IBAN, an e-mail, an international or North-American phone number, a dashed SSN) scores above
the default threshold on its own; a *weak* shape (a bare run of digit groups that could be a phone
number, a driver's licence number) only counts when a context word for that entity stands within a
few words before it (or right after it, as in ``555 0123 (office)``), or heads its column in a CSV or
Markdown table. Context is matched on the raw text with word boundaries, so it needs no lemmatizer
and the spaCy pipeline can run NER only; where a context word counts is ``guard.pii.context``'s.

Rules (general, not tuned to one data set):

- EMAIL_ADDRESS: RFC 5322 "dot-atom" local part, a host with at least one dot, an alphabetic TLD. The local
  part starts with a letter, digit or underscore and holds none of ``| / = { } ` ``, which RFC 5322 allows
  but real text uses around addresses (``a|b@x.org`` in a table row, ``email=b@x.org`` in a log, ``{b@x.org}``).
- PHONE_NUMBER: numbers valid in a list of regions' numbering plans (``guard.pii.phones``, parsed
  with ``phonenumbers``): strong when written internationally or in the region's own grouping,
  weak otherwise; E.164 international (``+`` or ``00``, 8–15 digits, optional ``(0)`` trunk);
  North-American (``(555) 123-4567``, ``555.123.4567``, area code 2–9); optional extension
  (``x123``, ``ext. 12``); weak: 10 bare digits, or 7–13 digits in groups separated by space, dot or
  dash (never a date shape) — these need a phone word (phone, tel, mobile, fax, call, Telefon,
  téléphone, "my number", ...).
- CREDIT_CARD: 12–19 digits, compact or grouped as cards are printed (fours; Amex/Diners 4-6-5/4-6-4),
  not part of a longer run of digit groups, Luhn-valid; strong when the issuer prefix and length
  are a known brand's (Visa, Mastercard incl. 2-series, Amex, Diners, Discover, JCB, UnionPay,
  Maestro, Mir), weak otherwise (needs a card word).
- IBAN_CODE: ISO 13616: country code, two check digits, BBAN, compact or in groups of four,
  country length where known, ISO 7064 mod-97 checksum.
- IP_ADDRESS: dotted-quad IPv4 and IPv6 (incl. ``::`` compression; a full eight-group address
  followed by a port), validated by ``ipaddress``; not when part of a longer dotted number, nor in
  0.0.0.0/8 or 240.0.0.0/4, where no host is numbered (masks, wildcards, the unspecified address). A
  dotted quad with a ``:port``, ``/cidr`` or ``scheme://`` is an address; any other is decided by
  a small learned model (``guard.pii.ip_model``: the words, key, column header and characters
  around it, coarse value facts and ``guard.pii.ip_evidence``'s points), trained leave-one-set-out
  to keep recall at Presidio's (which reports every dotted quad).
- US_SSN: ``AAA-GG-SSSS`` (dash; with an SSN word also space, dot or no separator), excluding the
  numbers the SSA never issues: area 000, 666, 900–999; group 00; serial 0000; the advertising
  number 078-05-1120.
- US_DRIVER_LICENSE: common state shapes (a letter + 4–14 digits, 6–14 digits, dashed groups),
  **only with a licence word** (driver, license, licence, DL, DMV): without context, Presidio's
  default recognizer reaches a precision of 0.03 on presidio_synth (any 8-14 digit number matches).
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from guard.pii import context as _ctx
from guard.pii import ip_model, phones

_ONE_LETTER = re.compile(r"[A-Za-z]")

# A validator returns False (reject), True (accept the whole match) or an int (accept a prefix of
# that many characters: used to drop trailing words an IBAN's group pattern swallowed).
Validator = Callable[[str], "bool | int"]

# A finder adds matches a regex cannot express: (start, end, score, context_score, rule name); it is
# given the text and the recognizer (whose ``has_context`` it may use to skip needless work).
Finder = Callable[[str, "RuleRecognizer"], "list[tuple[int, int, float, float, str]]"]
# A veto drops a match whatever its score (a version string read as an IP address).
Veto = Callable[[str, int, int], bool]


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
    finders: list[Finder] = field(default_factory=list)
    veto: Veto | None = None  # applies to every match of this type, Presidio's fallback matches too

    def context_re(self) -> re.Pattern[str] | None:
        if not self.context:
            return None
        words = "|".join(self.context).replace(r"\s+", r"[\s_-]+")  # "social_security" in a header
        return re.compile(r"(?<![A-Za-z])(?:" + words + r")(?:s|es|ed|ing|er|ers)?(?![A-Za-z])", re.IGNORECASE)

    def label_res(self) -> tuple[re.Pattern[str], ...] | None:
        """(label before the value, label right after it, a table header cell, a label anywhere).

        A one-letter label ("T", "M", "p") is an abbreviation only when written as one: right before
        the value and followed by "." or ":" ("T: 020 7946 0018", "M. 06 12 34 56 78"), or a capital
        opening a line or a field ("M 070-110 29 83 | E …"). Otherwise it is a word, a command-line
        flag ("-p tcp") or a variable, so it labels nothing after the value, heads no column and does
        not count as a mention."""
        if not self.labels:
            return None
        long = [w for w in self.labels if not _ONE_LETTER.fullmatch(w)]
        short = [w for w in self.labels if _ONE_LETTER.fullmatch(w)]
        words = "(?:" + "|".join(long) + ")"
        before = r"(?<![A-Za-z])" + words + r"s?\.?[ \t]*(?:no\.?|number|#)?[ \t]*[:=#-]?\s*\(?$"
        if short:  # "T: ", "M. ", "p.: " right before the value, not after a "-" flag; or a capital
            # opening a line or field, as signatures and business cards write it ("M 070-110 29 83 | E …")
            letters = "|".join(short)
            before += (r"|(?<![A-Za-z\-])(?:" + letters + r")(?:\.[ \t]*:?|[ \t]*:)[ \t]*\(?$"
                       r"|(?:^|\n)[ \t]*(?-i:" + "|".join(w.upper() for w in short) + r")[ \t]+\(?$")
        return (re.compile(before, re.IGNORECASE),
                re.compile(r"^[ \t]*[,(\-–/]?[ \t]*\(?" + words + r"(?![A-Za-z])", re.IGNORECASE),
                re.compile(r"^[\s\"'*_]*" + words + r"s?[\s\"'*_:]*$", re.IGNORECASE),  # a table header cell
                re.compile(r"(?<![A-Za-z])" + words + r"(?![A-Za-z])", re.IGNORECASE))


class RuleRecognizer(EntityRecognizer):
    """A Presidio recognizer for one entity type from validated regex rules plus raw-text context."""

    name: str

    def __init__(self, spec: EntityRules):
        self.spec = spec
        self._context = spec.context_re()
        self._labels = spec.label_res()
        super().__init__(supported_entities=[spec.entity], name=f"guard_{spec.entity.lower()}",
                         supported_language="en", context=[])

    def load(self) -> None:  # nothing to load
        pass

    def mentions_context(self, text: str) -> bool:
        """A context word or label of this entity anywhere in ``text`` (a cheap test before a closer look)."""
        return bool((self._context is not None and self._context.search(text))
                    or (self._labels is not None and self._labels[3].search(text)))

    def has_context(self, text: str, start: int, end: int) -> bool:
        """A context word or label of this entity near ``text[start:end]``, or heading its table column."""
        if self.named_before(text, start):
            return True
        after = _ctx.after_window(text, end)
        return bool((self._labels is not None and self._labels[1].search(after))
                    or (self._context is not None and self._context.search(after)))

    def named_before(self, text: str, start: int) -> bool:
        """A context word or label of this entity before ``text[start:]`` in its own field, or heading its
        column: the key of "ssn=279 23 2693 phone=…" names the value, a word after it names the next one."""
        before = _ctx.before_window(text, start)
        if (self._labels is not None and self._labels[0].search(before)) or (
                self._context is not None and self._context.search(before)):
            return True
        for cell in (_ctx.previous_cell(text, start), _ctx.column_header(text, start)):
            if cell is not None and ((self._context is not None and self._context.search(cell))
                                     or (self._labels is not None and self._labels[2].search(cell))):
                return True
        return False

    def find(self, text: str) -> list[tuple[int, int, float, str]]:
        found: dict[tuple[int, int], tuple[float, str]] = {}

        def consider(start: int, end: int, score: float, context_score: float, name: str) -> None:
            if score < context_score and self.has_context(text, start, end):
                score = context_score
            if score <= 0 or (self.spec.veto is not None and self.spec.veto(text, start, end)):
                return
            if score > found.get((start, end), (0.0, ""))[0]:
                found[(start, end)] = (score, name)

        for rule in self.spec.rules:
            for m in rule.pattern.finditer(text):
                start, end = m.span()
                verdict = rule.validate(m.group(0)) if rule.validate else True
                if verdict is False:
                    continue
                if verdict is not True:
                    end = start + int(verdict)
                consider(start, end, rule.score, rule.context_score, rule.name)
        for finder in self.spec.finders:
            for start, end, score, context_score, name in finder(text, self):
                consider(start, end, score, context_score, name)
        return [(s, e, sc, name) for (s, e), (sc, name) in found.items()]

    def analyze(self, text: str, entities: list[str],
                nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
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
_CARD_BRANDS: list[tuple[re.Pattern[str], Sequence[int]]] = [(re.compile(p), n) for p, n in [
    (r"3[47]", (15,)),                                                   # American Express
    (r"4", (13, 16, 19)),                                                # Visa
    (r"5[1-5]|2(?:22[1-9]|2[3-9]\d|[3-6]\d\d|7[01]\d|720)", (16,)),       # Mastercard
    (r"30[0-5]|3[689]", range(14, 20)),                                  # Diners Club
    (r"6011|64[4-9]|65", range(16, 20)),                                 # Discover
    (r"35(?:2[89]|[3-8]\d)", range(16, 20)),                              # JCB
    (r"2131|1800", (15,)),                                               # JCB (15 digits)
    (r"62", range(16, 20)),                                              # UnionPay
    (r"220[0-4]", range(16, 20)),                                        # Mir
    (r"5[06-9]|6\d", range(13, 20)),                                     # Maestro (12 digits: only with a card word)
]]


def card_grouping_ok(candidate: str) -> bool:
    """Compact, or grouped as cards are printed: fours (the last group 1-4), or 4-6-5 / 4-6-4 (Amex, Diners)."""
    groups = [len(g) for g in re.split(r"[ -]", candidate)]
    if len(groups) == 1:
        return True
    return (all(g == 4 for g in groups[:-1]) and 1 <= groups[-1] <= 4) or groups in ([4, 6, 5], [4, 6, 4])


def _card_common(candidate: str) -> str | None:
    d = _digits(candidate)
    if not 12 <= len(d) <= 19 or len(set(d)) < 2 or not card_grouping_ok(candidate) or not luhn_ok(d):
        return None
    return d


def card_strong(candidate: str) -> bool:
    d = _card_common(candidate)
    return d is not None and any(p.match(d) and len(d) in n for p, n in _CARD_BRANDS)


def card_any(candidate: str) -> bool:
    d = _card_common(candidate)
    return d is not None


# ISO 13616 lengths of the most common IBAN countries (others: 15-34).
_IBAN_LENGTHS = {
    "AD": 24, "AE": 23, "AT": 20, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BR": 29, "CH": 21, "CY": 28,
    "CZ": 24, "DE": 22, "DK": 18, "EE": 20, "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GI": 23,
    "GL": 18, "GR": 27, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IS": 26, "IT": 27, "KW": 30, "KZ": 20,
    "LB": 28, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "ME": 22, "MK": 19, "MT": 31, "MU": 30,
    "NL": 18, "NO": 15, "PK": 24, "PL": 28, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "SA": 24, "SE": 24,
    "SI": 19, "SK": 24, "SM": 27, "TN": 24, "TR": 26, "UA": 29,
}


# Countries of the SWIFT IBAN registry (a superset of Presidio's per-country patterns).
IBAN_COUNTRIES = frozenset(
    "AD AE AL AT AZ BA BE BG BH BI BR BY CH CR CY CZ DE DJ DK DO EE EG ES FI FK FO FR GB GE GI GL GR GT HN HR HU "
    "IE IL IQ IS IT JO KW KZ LB LC LI LT LU LV LY MC MD ME MK MN MR MT MU NI NL NO OM PK PL PS PT QA RO RS RU SA "
    "SC SD SE SI SK SM SO ST SV TL TN TR UA VA VG XK YE".split())


def iban_checksum_ok(compact: str) -> bool:
    compact = compact.upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", compact) or compact[:2] not in IBAN_COUNTRIES:
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


def ipv6_prefix(candidate: str) -> bool | int:
    """An IPv6 address, or one followed by a colon ("from fe80::1: icmp_seq=1"): its length."""
    if ip_ok(candidate):
        return True
    if candidate.endswith(":") and not candidate.endswith("::") and ip_ok(candidate[:-1]):
        return len(candidate) - 1
    return False


# No host is ever numbered in 0.0.0.0/8 ("this network": the unspecified address, wildcard masks 0.0.0.255),
# 224.0.0.0/4 (multicast groups: SSDP's 239.255.255.250, mDNS's 224.0.0.251) or 240.0.0.0/4 (reserved: subnet
# masks 255.255.248.0, the broadcast 255.255.255.255) (RFC 1122, RFC 1112, RFC 5771): such a dotted quad
# identifies nobody. No labelled address in any of the project's sets lies there.
_NEVER_A_HOST = (ipaddress.IPv4Network("0.0.0.0/8"), ipaddress.IPv4Network("224.0.0.0/4"),
                 ipaddress.IPv4Network("240.0.0.0/4"))


def ip_ok(candidate: str) -> bool:
    try:
        ip = ipaddress.ip_address(candidate)
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv4Address):
        return not any(ip in net for net in _NEVER_A_HOST)
    return bool(re.search(r"[0-9a-fA-F]", candidate))


_SSN_NEVER = {"078051120", "123456789", "219099999"}


def ssn_ok(candidate: str) -> bool:
    d = _digits(candidate)
    if len(d) != 9 or d in _SSN_NEVER or len(set(d)) == 1:
        return False
    area, group, serial = d[:3], d[3:5], d[5:]
    return not (area in ("000", "666") or area[0] == "9" or group == "00" or serial == "0000")


_DATE_SHAPE = re.compile(r"\d{4}[-./ ]\d{1,2}[-./ ]\d{1,2}|\d{1,2}[-./ ]\d{1,2}[-./ ]\d{4}|(?:19|20)\d\d"
                         r"|(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])")  # ..., 20190309


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
# Not inside a longer run of digit groups ("4300 1770 8462 2856 7645 39" is a tracking number).
_NO_MORE_GROUPS = r"(?![\w-]|[ .-]\d)"
_NO_GROUPS_BEFORE = r"(?<![\w-])(?<!\d[ .-])"

PHONE_CONTEXT = [
    "phone", "telephone", "mobile", "cellphone", "fax", "call", "sms", "whatsapp", "dial", "text me", "message",
    "answering", "landline", "hotline", "voicemail", "ring me", r"reach(?:ed)?\s+(?:me|you|us|him|her|them)",
    "callback", "call back", "contact", r"direct\s+line", r"(?:my|our|his|her|their|the)\s+line",
    "chiama(?:mi|re|teci)?",
    r"(?:best|contact|callback|call-?back|phone|mobile|cell|direct|emergency)\s+(?:number|no\.?|#)",
    r"(?:my|your|his|her|our|their|new)\s+(?:cell|mobile|line)", r"number\s+to\s+(?:reach|call|text)",
    "zur[üu]ckrufen", "r[üu]ckruf", "ligar", "liga", r"me\s+ligue",
    r"(?:my|your|his|her|our|their|new|contact|direct|home|work|office)\s+"
    r"(?:new\s+|phone\s+|mobile\s+|cell\s+)?(?:number|no\.?|nr\.?|#)",
    "telefon", "telefonnummer", "handy", "handynummer", "mobilnummer", "rufnummer", "anrufen", r"ruf\s+mich",
    "t[ée]l[ée]phone", "portable", "appel(?:le[rz]?|ez)", "appel(?:le|ez)-moi", "t[ée]l[ée]fono", "m[óo]vil",
    "ll[áa]mame", "llamar", "celular", "cellulare", "chiamami", "chiamare", "telefoon", "mobiel", r"bel\s+me",
    "telefone", "ligue", r"me\s+liga", "kom[óo]rka", r"numer\s+telefonu",
    r"(?:mon|ton|son|votre|notre|nouveau)\s+num[ée]ro", r"(?:meine|deine|ihre|neue)\s+nummer",
    r"(?:mi|tu|su|nuevo)\s+n[úu]mero", r"(?:il\s+)?(?:mio|tuo|suo|nuovo)\s+numero",
    r"(?:mijn|je|uw|nieuwe)\s+nummer", r"(?:meu|teu|seu|novo)\s+n[úu]mero",
    r"(?:al|au|allo|no|op)\s+(?:n[úu]mero|num[ée]ro|nummer)", "contatt(?:are|arci|ami|aci)",
    "contact(?:ez|er)-(?:moi|nous)", "cont[áa]cta(?:me|nos)",
    "telefax", "durchwahl", r"erreich(?:bar|st|en)\s+(?:du\s+|sie\s+)?(?:mich|uns)", r"bel\s+gerust", "bizum",
    r"(?<!\w)(?:el|il|het|o)\s+(?:n[úu]mero|numero|nummer)\s+(?:de|del|di|van|do|da)", r"contacto\s+con",
    r"texts?\s+(?:updates|me|us)\s+(?:to|at|on)",
]
PHONE_LABELS = [
    "phone", "tel", "tél", "mobile", "mob", "cell", "cel", "fax", "desk", "office", "home", "work", "direct",
    "text", "sms", "call", "ring", "dial", "ph", "m", "t", "p", "telefon", "telefone", "telefoon", "tel[ée]fono",
    "t[ée]l[ée]phone", "handy", "portable", "m[óo]vil", "celular", "cellulare", "mobiel", "gsm", "whatsapp",
]
# A phone key or label before a number ("phone 279 23 2693"): not "my number", which in a text about SSNs is one.
_PHONE_WORD = re.compile(r"(?<!\w)(?:" + "|".join(w for w in PHONE_LABELS if len(w) > 2) + r")(?!\w)", re.IGNORECASE)


_IBAN_PATTERN = re.compile(r"(?<![\w])[A-Z]{2}\d{2}(?:[A-Z0-9]{11,30}|(?:[ ][A-Z0-9]{4}){2,7}(?:[ ][A-Z0-9]{1,4})?)"
                           r"(?![\w])", _I)


def _phone_finder(region_list: tuple[str, ...]) -> Finder:
    def find(text: str, recognizer: RuleRecognizer) -> list[tuple[int, int, float, float, str]]:
        def near(start: int, end: int) -> bool:
            return recognizer.has_context(text, start, end)

        return [(s, e, *phones.SCORES[k], f"phonenumbers_{k}") for s, e, k in phones.find(text, region_list, near)]

    return find


_THOUSANDS = re.compile(r"[1-9](?:[ .]\d{3}){2,}")  # "2 222 587", "3.275.500": a count or an amount
_POSTCODE = re.compile(r"\d{4,5}-\d{3}")  # Brazilian CEP "54786-665", Portuguese "1000-205"


# Four dotted groups of 1-3 digits ("192.168.1.20"), not part of a longer dotted figure.
_DOTTED_QUAD = re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w]|\.\d)")


def overlaps_dotted_quad(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is, or runs into, an IPv4 address written as a dotted quad (each group
    0-255, no leading zero: ``ipaddress``'s reading). No numbering plan writes a phone number that way;
    a trunk prefix ("02.123.45.67", Belgium) starts with 0, and French numbers have five groups."""
    for m in _DOTTED_QUAD.finditer(text, max(0, start - 16), min(len(text), end + 16)):
        if m.start() < end and start < m.end():
            try:
                if ipaddress.ip_address(m.group(0)).version == 4:
                    return True
            except ValueError:
                continue
    return False


def _phone_veto(text: str, start: int, end: int) -> bool:
    """A number labelled as another kind of number, a version, a thousands-grouped amount, an
    IPv4 address (or a figure running into one: a traceroute hop "2  172.17.56.111  3.101 ms"), or
    the last digit groups of a checksum-valid IBAN ("NL91 ABNA 0417 1643 00")."""
    return (_ctx.other_label_before(text, start)
            or (_ctx.after_version_word(text, start) and _version_shaped(text[start:end]))
            or _ssn_written(text[start:end]) or _ssn_in_an_ssn_text(text, start, end)
            or bool(_THOUSANDS.fullmatch(text[start:end]) or _POSTCODE.fullmatch(text[start:end]))
            or overlaps_dotted_quad(text, start, end) or inside_iban(text, start, end))


_SSN_DASHED = re.compile(r"\d{3}-\d{2}-\d{4}")
_SSN_OTHER = re.compile(r"(?<![\w.-])(?<!\d[ .-])\d{3}([ .]?)\d{2}\1\d{4}(?!\w|[.-]\d)")
_SSN_GROUPED = re.compile(r"\d{3}([ .])\d{2}\1\d{4}")
_SSN_WORDS = [r"ssn", r"ssns", r"social\s+security", r"soc\.?\s+sec", r"ss\s?#", r"ssa", r"ssid", r"seguro\s+social",
              r"seguridad\s+social"]
_SSN_MENTION = re.compile(r"(?<!\w)(?:" + "|".join(_SSN_WORDS) + r")(?!\w)", re.IGNORECASE)


def _ssn_written(candidate: str) -> bool:
    """Written exactly as the SSA writes an SSN ("281-40-3324") and valid as one: no numbering plan groups a
    phone number 3-2-4 with dashes, so the SSN rule decides it, not a phone plan that happens to accept
    its digits (281 is a Houston area code)."""
    return bool(_SSN_DASHED.fullmatch(candidate)) and ssn_ok(candidate)


def _ssn_in_an_ssn_text(text: str, start: int, end: int) -> bool:
    """Grouped 3-2-4 with spaces or dots, valid as an SSN, in a text that speaks of SSNs: "shows SSN
    107-90-0604, but my number is 175 03 2491". Few numbering plans group a phone number 3-2-4, and a text
    about social security numbers is where one is read as an SSN rather than as one of them."""
    candidate = text[start:end]
    return (bool(_SSN_GROUPED.fullmatch(candidate)) and ssn_ok(candidate) and bool(_SSN_MENTION.search(text))
            and not _PHONE_WORD.search(_ctx.before_window(text, start)))  # "phone 279 23 2693" keeps its key


def _ssn_mentioned_finder(text: str, recognizer: RuleRecognizer) -> list[tuple[int, int, float, float, str]]:
    if not _SSN_MENTION.search(text):
        return []
    return [(m.start(), m.end(), 0.6, 0.85, "ssn_in_ssn_text") for m in _SSN_OTHER.finditer(text)
            if _ssn_in_an_ssn_text(text, m.start(), m.end())]


def _version_shaped(candidate: str) -> bool:
    """Digits alone or dotted, as versions are written: "upgrade to 2.4.11", not "updates to +1 310 516 2001"."""
    return not any(c in candidate for c in " +()-/")


def _ssn_veto(text: str, start: int, end: int) -> bool:
    return not ssn_ok(text[start:end]) or _ctx.other_label_before(text, start)


def _card_veto(text: str, start: int, end: int) -> bool:
    """Card digits inside a longer run of digit groups (a tracking or order number), labelled as
    another kind of number (an EAN, an order number), or part of a checksum-valid IBAN."""
    return bool(re.match(r"[ .-]\d", text[end:end + 2]) or re.search(r"\d[ .-]$", text[max(0, start - 2):start])
                or _ctx.other_label_before(text, start) or inside_iban(text, start, end))


def inside_iban(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` lies within a checksum-valid IBAN ("GB17 SZCO 6967 0656 2334 99": the
    last four groups pass Luhn as a card number). The IBAN's mod-97 checksum over country, check
    digits and the whole BBAN is the stronger evidence: one in 97 random strings passes it, one in
    ten passes Luhn."""
    lo = max(0, start - 45)  # an IBAN is at most 34 characters, 42 when grouped
    for m in _IBAN_PATTERN.finditer(text, lo, min(len(text), end + 45)):
        if m.start() > start:
            break
        verdict = iban_prefix(m.group(0))
        if verdict is not False and m.start() <= start and end <= m.start() + (
                len(m.group(0)) if verdict is True else int(verdict)):
            return True
    return False


def _ip_veto(text: str, start: int, end: int) -> bool:
    """Not an address, four parts of a longer dotted figure (Presidio's pattern finds "1.1.1.0" in
    the SNMP OID "iso.3.6.1.2.1.1.1.0"), or a dotted quad the IP model reads as no address."""
    return (not ip_ok(text[start:end]) or bool(_IN_DOTTED_FIGURE.search(text, max(0, start - 2), start))
            or (bool(re.match(r"\.\d", text[end:end + 2])) and not tcpdump_port(text, start, end))
            or not ip_model.is_address(text, start, end))


_IN_DOTTED_FIGURE = re.compile(r"\w\.\Z")
_PORT_SUFFIX = re.compile(r"\.(\d{1,5})(?=[:,\s]|\Z)")
_TCPDUMP_LINE = re.compile(r"(?:^|\s)IP6? \S+ > \S+")


def tcpdump_port(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is a host followed by its port the way tcpdump writes it: "IP 10.0.0.1.443 >
    192.168.1.2.51234: Flags [S]" (the fifth part a port number, on a line of tcpdump's shape)."""
    port = _PORT_SUFFIX.match(text, end)
    if port is None or int(port.group(1)) > 65535:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return bool(_TCPDUMP_LINE.search(text[line_start:line_end if line_end >= 0 else len(text)]))


# Where an IPv6 address may start: not inside a word or a longer colon-hex run, but right after a
# label's colon (two letters: "IP Address:FD7F:…", "DNS:…") or the SPF/ACL tag "ip6:" / "IPv6:" (a
# non-hex letter, a digit, the colon: no hex group ends that way).
# after a label's colon ("ip6:fe80::1", "IP:2001:db8::1"), but not inside a longer run of hex bytes (a
# certificate serial "43:ec:24:08:…", whose "ec:" reads like a label under IGNORECASE)
_IPV6_START = r"(?:(?<![\w:.])|(?<=[A-Z][A-Z]:)(?<![0-9A-F]:[0-9A-F]{2}:)|(?<=[G-Z]\d:))"


def default_rules(phone_regions: tuple[str, ...] | None = None) -> list[EntityRules]:
    """The rules for the direct identifiers (and driver's licences, context only).

    ``phone_regions``: the numbering plans phone numbers are parsed with (``guard.pii.phones``).
    """
    region_list = phones.regions(phone_regions)
    return [
        EntityRules("EMAIL_ADDRESS", [Rule(
            "email", re.compile(r"(?<![\w.%+-])[A-Za-z0-9_][A-Za-z0-9!#$%&'*+?^_~-]*(?:\.[A-Za-z0-9!#$%&'*+?^_~-]+)*"
                                r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}(?![\w-])"), 0.9,
                                           1.0)],
            context=["e-?mail", "mail", "contact", "address", "courriel", "correo"]),
        EntityRules("PHONE_NUMBER", [
            Rule("intl",
                 re.compile(r"(?<![\w+])(?<!\d[ .-])(?:\+|00)[1-9]\d{0,2}(?:[ "
                            r".-]?(?:\(0\)|\(\d{1,4}\)|\d{1,6})){1,6}" + _EXT
                                    + r"(?!\w|[.:-]\d)", _I), 0.7, 0.95, phone_intl),
            Rule("nanp",
                 re.compile(r"(?<![\w+.-])(?<!\d[ .-])(?:\+?1[ .-]?)?(?:\([2-9]\d\d\)[ ]?|[2-9]\d\d[ .-])\d{3}[ "
                            r".-]\d{4}" + _EXT
                                    + r"(?!\w|[.:-]\d)", _I), 0.6, 0.9),
            Rule("digits10", re.compile(r"(?<![\w+.-])(?<!\d[ .-])[2-9]\d{9}(?!\w|[.:-]\d)"), 0.0, 0.75),
            Rule("groups",
                 re.compile(r"(?<![\w+.-])(?<!\d[ .-])(?:\(\d{1,5}\)[ ]?-?)?\d{1,12}(?:(?:[ .-]|/)\d{1,8}){0,5}" + _EXT
                                      + r"(?!\w|[.:-]\d)", _I), 0.0, 0.75, phone_groups),
        ], context=PHONE_CONTEXT, labels=PHONE_LABELS, finders=[_phone_finder(region_list)], veto=_phone_veto),
        EntityRules("CREDIT_CARD", [
            Rule("card", re.compile(_NO_GROUPS_BEFORE + r"\d(?:[ -]?\d){11,18}" + _NO_MORE_GROUPS), 0.8, 1.0,
                 card_strong),
            Rule("card_any", re.compile(_NO_GROUPS_BEFORE + r"\d(?:[ -]?\d){11,18}" + _NO_MORE_GROUPS), 0.0, 0.85,
                 card_any),
        ], context=["card", "credit", "debit", "visa", "mastercard", "amex", "american express", "discover", "cc",
                    "jcb", "diners", "maestro", "payment", "charge", "charged", "paid", "pay", "purchase", "pan",
                    "tarjeta", "carte", "karte", "kreditkarte",
                    "carta", "cart[ãa]o"], veto=_card_veto),
        EntityRules("IBAN_CODE", [Rule(
            "iban", _IBAN_PATTERN,
            0.9, 1.0, iban_prefix)], context=["iban", "account", "bank", "transfer", "wire", "konto", "compte",
                                              "cuenta",
                                              "conto", "rekening", "conta"]),
        EntityRules("IP_ADDRESS", [
            Rule("ipv4", re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w]|\.\d)"), 0.6, 0.95, ip_ok),
            Rule("ipv6", re.compile(_IPV6_START + r"(?:[0-9A-F]{0,4}:){2,7}[0-9A-F]{0,4}(?!\w|:[\w:])", _I),
                 0.6, 0.95, ipv6_prefix),
            # and its port: after a full eight-group address ("2001:db8:0:0:0:0:0:1:443": nine groups cannot be
            # one), or a five-digit one after any ("[client fe80::1:43094]", Apache: five digits are no hex group)
            Rule("ipv6_port", re.compile(_IPV6_START + r"(?:(?:[0-9A-F]{1,4}:){7}[0-9A-F]{1,4}(?=:\d{1,5}(?![\w:.]))|"
                                         r"(?:[0-9A-F]{0,4}:){2,7}[0-9A-F]{0,4}(?=:\d{5}(?![\w:.])))", _I),
                 0.6, 0.95, ipv6_prefix),
        ], context=["ip", "ipv4", "ipv6", "host", "server", "address", "connect", "login", "logged", "client"],
            veto=_ip_veto),
        EntityRules("US_SSN", [
            Rule("ssn_dash", re.compile(r"(?<![\w-])(?<!\d[ .-])\d{3}-\d{2}-\d{4}(?!\w|[.-]\d)"), 0.6, 0.95, ssn_ok),
            Rule("ssn_other", _SSN_OTHER, 0.0, 0.85, ssn_ok),
        ], context=_SSN_WORDS, finders=[_ssn_mentioned_finder], veto=_ssn_veto),
        EntityRules("US_DRIVER_LICENSE", [Rule(
            "dl", re.compile(r"(?<![\w-])(?:[A-Z]{1,2}\d{4,14}|[A-Z]\d{3}-\d{4}-\d{4}|\d{6,14}|"
                             r"\d{3,4}-\d{2,3}-\d{3,4})(?![\w-])", _I),
            0.0, 0.75)], context=["driver", "driving", "licen[cs]e", "dl", "dmv", r"driver'?s\s+lic"]),
    ]


def guard_recognizers(phone_regions: tuple[str, ...] | None = None) -> list[RuleRecognizer]:
    return [RuleRecognizer(spec) for spec in default_rules(phone_regions)]


# A form's name field on a line of its own: "Nombre: Carrie Snow", "Origem: Vicente Monteiro". spaCy's small model
# often runs such a line into its neighbours ("Solicitud de apertura de cuenta\nNombre: Carrie Snow\nNúmero de
# Seguro Social" as one ORGANIZATION). The key alone, at the start of its line, then two to four capitalised words
# and the end of the line: "Company name:" or "Cliente: sí porfa" (a chat speaker's label) are not read. On the
# fourteen generated sets: 655 such lines, every one a labelled name.
_NAME_KEY = (r"(?:full[ \t]+name|name|nombre(?:[ \t]+completo)?|nom(?:[ \t]+complet)?|nome(?:[ \t]+completo)?|naam|"
             r"origem|destinat[áa]rio|titular|benefici[áa]rio|applicant|patient|customer|cliente|paciente)")
_NAME_KEY_LINE = re.compile(
    r"(?im)^[ \t]*" + _NAME_KEY + r"[ \t]*:[ \t]*"
    r"(?P<name>[^\W\d_][^\W\d_'’.-]*(?:[ \t]+[^\W\d_][^\W\d_'’.-]*){1,3})[ \t]*$")


def _name_after_key(text: str, recognizer: RuleRecognizer) -> list[tuple[int, int, float, float, str]]:
    out = []
    for m in _NAME_KEY_LINE.finditer(text):
        words = m.group("name").split()
        if all(w[0].isupper() for w in words if len(w) > 3) and words[0][0].isupper() and words[-1][0].isupper():
            out.append((m.start("name"), m.end("name"), 0.85, 0.85, "name_key"))
    return out


def name_key_recognizer() -> RuleRecognizer:
    """Names in a form's name field; added only beside an NER model (regex-only mode says it cannot see names)."""
    return RuleRecognizer(EntityRules("PERSON", [], finders=[_name_after_key]))


REPLACED_ENTITIES = frozenset(("EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "IP_ADDRESS", "US_SSN",
                               "US_DRIVER_LICENSE"))
