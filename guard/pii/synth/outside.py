"""The ``outside`` set (seed L): labelled PII texts from an author who never saw the scanner.

Its own templates (``outside_templates``) and its own value generators (every identifier below is
built here; Faker gives only names, companies and cities), so the set judges the scanner on text it
was never tuned on. Labels follow ``data/SOURCE_outside.md``; a text in which a labelled value also
stands unlabelled, or an e-mail address stands unlabelled, is drawn again (and a template that keeps
failing is refused), so the ground truth holds exactly. The output depends only on the seed and the
Faker version (no set iteration, no ``hash()``), never on PYTHONHASHSEED.

Regenerate: ``python -m guard.pii.synth.outside`` (needs Faker ``FAKER_VERSION``).
"""

from __future__ import annotations

import datetime as _dt
import ipaddress
import json
import random
import re
import sys
import unicodedata
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from guard.errors import GuardError
from guard.pii.synth.outside_templates import TEMPLATES, Template

SEED = 20261212
HALF = "outside"
TEMPLATE_OFFSET = 10000
OUT_FILE = Path(__file__).with_name("data") / "guard_pii_synth_outside_seedL.json"
FAKER_VERSION = "40.63.0"  # Faker's names for a seed change between versions: the file is tied to this one

LABELS = {"NAME": "PERSON", "FIRST": "PERSON", "EMAIL": "EMAIL_ADDRESS", "MAIL": "EMAIL_ADDRESS",
          "PHONE": "PHONE_NUMBER", "PHONEI": "PHONE_NUMBER", "PHONEN": "PHONE_NUMBER", "CARD": "CREDIT_CARD",
          "IBAN": "IBAN_CODE", "SSN": "US_SSN", "SSNC": "US_SSN", "IP": "IP_ADDRESS", "IP4": "IP_ADDRESS",
          "PRIV": "IP_ADDRESS", "PUB": "IP_ADDRESS", "IPV6": "IP_ADDRESS", "LL6": "IP_ADDRESS", "GW": "IP_ADDRESS",
          "DNS": "IP_ADDRESS", "DNS4": "IP_ADDRESS", "CGN": "IP_ADDRESS", "LO": "IP_ADDRESS", "LO6": "IP_ADDRESS"}

# locale -> (telephone region, language); the language's locales with their draw weights
REGION = {"en_US": "US", "en_GB": "GB", "en_CA": "CA", "en_AU": "AU", "en_IN": "IN", "de_DE": "DE",
          "fr_FR": "FR", "fr_CA": "CA", "es_ES": "ES", "it_IT": "IT", "nl_NL": "NL", "pt_BR": "BR"}
POOLS: dict[str, tuple[tuple[str, int], ...]] = {
    "en": (("en_US", 4), ("en_GB", 2), ("en_CA", 1), ("en_AU", 1), ("en_IN", 1)),
    "us": (("en_US", 1),),
    "de": (("de_DE", 1),), "fr": (("fr_FR", 3), ("fr_CA", 1)), "es": (("es_ES", 1),), "it": (("it_IT", 1),),
    "nl": (("nl_NL", 1),), "pt": (("pt_BR", 1),),
    "any": tuple((loc, 1) for loc in sorted(REGION)),
}
FRESH = frozenset("DATE ISODATE TS TSZ SYSTS CLF RFCTS GITDATE TIME HM APTS USEC RTT".split())
_TOKEN = re.compile(r"\{\{|\}\}|\{([A-Z][A-Z0-9]*)(?::(\d+))?\}|[{}]")  # literal braces, a slot, a stray brace
_EMAIL_IN_TEXT = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")


def _digits(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randrange(10)) for _ in range(n))


def _nz(rng: random.Random, lo: int = 1, hi: int = 9) -> str:
    return str(rng.randint(lo, hi))


# ---------------------------------------------------------------- telephone numbers (national, international)
_NANP = {"US": (201, 202, 205, 206, 212, 213, 214, 215, 216, 303, 305, 310, 312, 313, 314, 404, 407, 408, 410,
                412, 415, 469, 503, 504, 510, 512, 602, 614, 615, 617, 619, 646, 650, 702, 704, 713, 718, 720,
                727, 773, 801, 803, 804, 813, 816, 817, 818, 901, 904, 916, 919, 925, 949, 952, 971, 972),
         "CA": (204, 226, 236, 250, 289, 306, 403, 416, 418, 438, 450, 506, 514, 519, 587, 604, 613, 647, 705,
                709, 778, 780, 807, 819, 902, 905)}


def _nanp_from(rng: random.Random, area: int, intl: bool) -> str:
    while True:
        exch = _nz(rng, 2, 9) + _digits(rng, 2)
        if exch[1:] != "11" and exch != "555":
            break
    line = _digits(rng, 4)
    if intl:
        return rng.choice([f"+1 {area} {exch} {line}", f"+1 ({area}) {exch}-{line}", f"+1-{area}-{exch}-{line}",
                           f"+1{area}{exch}{line}", f"+1 {area}-{exch}-{line}"])
    return rng.choice([f"({area}) {exch}-{line}", f"{area}-{exch}-{line}", f"{area}.{exch}.{line}",
                       f"{area} {exch} {line}", f"1-{area}-{exch}-{line}", f"({area}) {exch}-{line}"])


def _gb(rng: random.Random, intl: bool) -> str:
    if rng.random() < 0.55:
        nsn = "7" + rng.choice("45789") + _digits(rng, 8)
        while nsn.startswith(("7700", "7911")):  # 07700 900xxx is Ofcom's drama range; 07911 has gaps
            nsn = "7" + rng.choice("45789") + _digits(rng, 8)
        a, b = nsn[:4], nsn[4:]
        if intl:
            return rng.choice([f"+44 {a} {b}", f"+44 (0){a} {b}", f"+44{nsn}", f"+44 {a} {b[:3]} {b[3:]}"])
        return rng.choice([f"0{a} {b}", f"0{a}{b}", f"0{a} {b[:3]} {b[3:]}"])
    if rng.random() < 0.5:
        sub = rng.choice("378") + _digits(rng, 7)
        return rng.choice([f"+44 20 {sub[:4]} {sub[4:]}", f"+44 (0)20 {sub[:4]} {sub[4:]}"]) if intl \
            else rng.choice([f"020 {sub[:4]} {sub[4:]}", f"(020) {sub[:4]} {sub[4:]}"])
    area = rng.choice(["161", "121", "131", "141", "113", "117", "114", "118", "151", "191"])
    sub = rng.choice("234") + _digits(rng, 6)  # the ranges every one of these areas has in use
    return f"+44 {area} {sub[:3]} {sub[3:]}" if intl else rng.choice([f"0{area} {sub[:3]} {sub[3:]}",
                                                                         f"(0{area}) {sub[:3]} {sub[3:]}"])


def _au(rng: random.Random, intl: bool) -> str:
    if rng.random() < 0.6:
        nsn = "4" + rng.choice("012368") + _digits(rng, 7)  # allocated mobile blocks
        while nsn.startswith("483"):
            nsn = "4" + rng.choice("012368") + _digits(rng, 7)
        if intl:
            return rng.choice([f"+61 {nsn[:3]} {nsn[3:6]} {nsn[6:]}", f"+61{nsn}",
                               f"+61 {nsn[:1]} {nsn[1:5]} {nsn[5:]}"])
        return rng.choice([f"0{nsn[:3]} {nsn[3:6]} {nsn[6:]}", f"0{nsn}", f"0{nsn[:3]}-{nsn[3:6]}-{nsn[6:]}"])
    area, first = rng.choice([("2", "98"), ("3", "98"), ("7", "3"), ("8", "9")])
    sub = rng.choice(first) + _digits(rng, 7)
    return f"+61 {area} {sub[:4]} {sub[4:]}" if intl else rng.choice([f"(0{area}) {sub[:4]} {sub[4:]}",
                                                                        f"0{area} {sub[:4]} {sub[4:]}"])


def _in(rng: random.Random, intl: bool) -> str:
    if rng.random() < 0.7:
        m = rng.choice("9876") + _digits(rng, 9)
        if intl:
            return rng.choice([f"+91 {m[:5]} {m[5:]}", f"+91-{m}", f"+91{m}", f"+91 {m}"])
        return rng.choice([f"{m[:5]} {m[5:]}", f"0{m[:5]} {m[5:]}", m, f"0{m}"])
    area = rng.choice(["11", "22", "80", "44", "33", "40", "20"])
    sub = rng.choice("2345") + _digits(rng, 7)
    return f"+91 {area} {sub[:4]} {sub[4:]}" if intl else rng.choice([f"0{area} {sub[:4]} {sub[4:]}",
                                                                        f"0{area}-{sub}"])


def _de(rng: random.Random, intl: bool) -> str:
    if rng.random() < 0.55:
        pre, n = rng.choice([("151", 8), ("152", 8), ("157", 8), ("159", 8), ("160", 7), ("170", 7),
                             ("171", 7), ("175", 7), ("176", 8), ("177", 8), ("178", 8), ("179", 7)])
    else:
        pre, n = rng.choice([("30", 8), ("40", 8), ("89", 8), ("69", 8), ("221", 7), ("211", 7), ("711", 7),
                             ("351", 7), ("511", 7), ("911", 7)])
    sub = _nz(rng, 2, 9) + _digits(rng, n - 1)
    if intl:
        return rng.choice([f"+49 {pre} {sub}", f"+49 (0){pre} {sub}", f"+49{pre}{sub}",
                           f"+49 {pre} {sub[:4]} {sub[4:]}"])
    return rng.choice([f"0{pre} {sub}", f"0{pre}/{sub}", f"(0{pre}) {sub[:4]} {sub[4:]}", f"0{pre}-{sub}",
                       f"0{pre} {sub[:4]} {sub[4:]}"])


def _fr(rng: random.Random, intl: bool) -> str:
    r = rng.random()
    if r < 0.45:  # not 0639 or 069x: Mayotte and Réunion
        nsn = "6" + rng.choice("01245678") + _digits(rng, 7)
    elif r < 0.6:
        nsn = "7" + rng.choice("3456789") + _digits(rng, 7)
    else:
        nsn = rng.choice("12345") + rng.choice("1234578") + _digits(rng, 7)  # not 0262/0590/...: overseas
    pairs = [nsn[1:3], nsn[3:5], nsn[5:7], nsn[7:9]]
    if intl:
        return rng.choice([f"+33 {nsn[0]} {' '.join(pairs)}", f"+33 (0){nsn[0]} {' '.join(pairs)}", f"+33{nsn}"])
    return rng.choice([f"0{nsn[0]} {' '.join(pairs)}", f"0{nsn[0]}.{'.'.join(pairs)}", f"0{nsn}",
                       f"0{nsn[0]}-{'-'.join(pairs)}", f"0{nsn[0]} {' '.join(pairs)}"])


def _es(rng: random.Random, intl: bool) -> str:
    if rng.random() < 0.6:
        nsn = "6" + _digits(rng, 8) if rng.random() < 0.85 else "7" + rng.choice("1234") + _digits(rng, 7)
        nat = rng.choice([f"{nsn[:3]} {nsn[3:6]} {nsn[6:]}", nsn, f"{nsn[:3]} {nsn[3:5]} {nsn[5:7]} {nsn[7:]}"])
    else:
        nsn = rng.choice(["91", "93", "96", "95", "94", "98"]) + _nz(rng, 1, 8) + _digits(rng, 6)
        nat = rng.choice([f"{nsn[:2]} {nsn[2:5]} {nsn[5:7]} {nsn[7:]}", f"{nsn[:3]} {nsn[3:6]} {nsn[6:]}"])
    return rng.choice([f"+34 {nat}", f"0034 {nat}", f"+34{nsn}", f"(+34) {nat}"]) if intl else nat


def _it(rng: random.Random, intl: bool) -> str:
    if rng.random() < 0.6:
        pre = rng.choice(["320", "327", "328", "329", "330", "333", "334", "335", "338", "339", "340", "342", "345",
                          "346", "347", "348", "349", "351", "366", "388", "389", "391", "392", "393"])
        sub = _digits(rng, 7)
        nat = rng.choice([f"{pre} {sub[:3]} {sub[3:]}", f"{pre} {sub}", f"{pre}-{sub}", f"{pre}{sub}"])
    else:
        pre, n = rng.choice([("02", 8), ("06", 8), ("011", 7), ("055", 7), ("081", 7), ("051", 7), ("010", 7)])
        sub = _nz(rng, 2, 9) + _digits(rng, n - 1)
        nat = rng.choice([f"{pre} {sub[:4]} {sub[4:]}", f"{pre} {sub}", f"{pre}-{sub}", f"{pre}/{sub}"])
    flat = nat.replace(" ", "").replace("-", "").replace("/", "")
    return rng.choice([f"+39 {nat}", f"+39{flat}", f"0039 {nat}"]) if intl else nat


def _nl(rng: random.Random, intl: bool) -> str:
    if rng.random() < 0.6:
        sub = rng.choice("12345") + _digits(rng, 7)
        if intl:
            return rng.choice([f"+31 6 {sub}", f"+31 (0)6 {sub[:4]} {sub[4:]}", f"+316{sub}",
                               f"+31 6 {sub[:4]} {sub[4:]}"])
        return rng.choice([f"06 {sub}", f"06-{sub}", f"06{sub}", f"06 {sub[:4]} {sub[4:]}"])
    area = rng.choice(["20", "10", "30", "70", "40", "50", "13"])
    sub = _nz(rng, 2, 9) + _digits(rng, 6)
    return f"+31 {area} {sub[:3]} {sub[3:]}" if intl else rng.choice([f"0{area} {sub[:3]} {sub[3:]}",
                                                                        f"0{area}-{sub}", f"(0{area}) {sub}"])


def _br(rng: random.Random, intl: bool) -> str:
    ddd = rng.choice(["11", "12", "13", "19", "21", "22", "24", "27", "31", "41", "47", "48", "51", "61", "62",
                      "71", "81", "85", "91", "92"])
    if rng.random() < 0.65:
        sub = "9" + rng.choice("6789") + _digits(rng, 7)
        num = rng.choice([f"{sub[:5]}-{sub[5:]}", f"{sub[0]} {sub[1:5]}-{sub[5:]}", f"{sub[:5]}{sub[5:]}"])
    else:
        sub = rng.choice("2345") + _digits(rng, 7)
        num = f"{sub[:4]}-{sub[4:]}"
    if intl:
        return rng.choice([f"+55 {ddd} {num}", f"+55 ({ddd}) {num}", f"+55{ddd}{sub}"])
    return rng.choice([f"({ddd}) {num}", f"{ddd} {num}", f"0{ddd} {num}", f"({ddd}) {num}"])


_PHONE: dict[str, Callable[[random.Random, bool], str]] = {
    "US": lambda r, i: _nanp_from(r, r.choice(_NANP["US"]), i),
    "CA": lambda r, i: _nanp_from(r, r.choice(_NANP["CA"]), i),
    "GB": _gb, "AU": _au, "IN": _in, "DE": _de, "FR": _fr, "ES": _es, "IT": _it, "NL": _nl, "BR": _br}


def phone(rng: random.Random, region: str, form: str = "any") -> str:
    """A telephone number of ``region`` written nationally, internationally, or either (``form``)."""
    intl = rng.random() < 0.4 if form == "any" else form == "intl"
    return _PHONE[region](rng, intl)


# ---------------------------------------------------------------- payment cards, IBANs, SSNs
def luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def card(rng: random.Random) -> str:
    """A Luhn-valid Visa, Mastercard, Amex or Discover number, plain, spaced or dashed."""
    brand = rng.choices(["visa", "mc", "amex", "disc"], [4, 3, 2, 1])[0]
    if brand == "visa":
        body = "4" + _digits(rng, 14)
    elif brand == "mc":
        pre = str(rng.randint(51, 55)) if rng.random() < 0.7 else str(rng.randint(2221, 2720))
        body = pre + _digits(rng, 15 - len(pre))
    elif brand == "amex":
        body = rng.choice(["34", "37"]) + _digits(rng, 12)
    else:
        pre = rng.choice(["6011", "65", str(rng.randint(644, 649))])
        body = pre + _digits(rng, 15 - len(pre))
    number = body + luhn_digit(body)
    groups = [number[:4], number[4:10], number[10:]] if len(number) == 15 else \
        [number[i:i + 4] for i in range(0, 16, 4)]
    style = rng.choices(["space", "dash", "plain"], [5, 2, 3])[0]
    return " ".join(groups) if style == "space" else "-".join(groups) if style == "dash" else number


def _letters(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(n))


def _mod97_check(country: str, bban: str) -> str:
    moved = bban + country + "00"
    numeric = "".join(str(int(c, 36)) for c in moved)
    return f"{98 - int(numeric) % 97:02d}"


def _es_dc(digits: str) -> str:
    weights = (1, 2, 4, 8, 5, 10, 9, 7, 3, 6)
    value = 11 - sum(int(d) * w for d, w in zip(digits.rjust(10, "0"), weights)) % 11
    return str({11: 0, 10: 1}.get(value, value))


_CIN_ODD = (1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23)


def _it_cin(abi_cab_acct: str) -> str:
    total = 0
    for i, ch in enumerate(abi_cab_acct):
        v = int(ch) if ch.isdigit() else ord(ch) - 65
        total += _CIN_ODD[v] if i % 2 == 0 else v
    return chr(65 + total % 26)


def _nl_account(rng: random.Random) -> str:
    while True:  # the Dutch eleven test on the ten account digits
        acct = _nz(rng) + _digits(rng, 9)
        if sum(int(d) * (10 - i) for i, d in enumerate(acct)) % 11 == 0:
            return acct


def _bban(rng: random.Random, country: str) -> str:
    if country == "DE":
        return _nz(rng, 1, 8) + _digits(rng, 7) + _digits(rng, 10)
    if country == "AT":
        return _nz(rng) + _digits(rng, 4) + _digits(rng, 11)
    if country == "CH":
        return "00" + _digits(rng, 3) + _digits(rng, 12)
    if country == "GB":
        return rng.choice(["NWBK", "BARC", "LOYD", "HBUK", "MIDL", "NAIA", "SRLG"]) + _digits(rng, 14)
    if country == "IE":
        return rng.choice(["AIBK", "BOFI", "IPBS", "ULSB"]) + _digits(rng, 14)
    if country == "FR":
        bank, branch, acct = _nz(rng) + _digits(rng, 4), _digits(rng, 5), _digits(rng, 11)
        key = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(acct)) % 97
        return f"{bank}{branch}{acct}{key:02d}"
    if country == "ES":
        bank, branch, acct = rng.choice(["0049", "0075", "0081", "0128", "0182", "2038", "2100", "1465"]), \
            _digits(rng, 4), _digits(rng, 10)
        return bank + branch + _es_dc("00" + bank + branch) + _es_dc(acct) + acct
    if country == "IT":
        rest = rng.choice(["03069", "02008", "05034", "03062", "01030"]) + _digits(rng, 5) + _digits(rng, 12)
        return _it_cin(rest) + rest
    if country == "NL":
        return rng.choice(["ABNA", "RABO", "TRIO", "SNSB", "ASNB", "KNAB", "BUNQ"]) + _nl_account(rng)
    if country == "BE":
        first = _nz(rng, 0, 9) + _digits(rng, 9)
        check = int(first) % 97 or 97
        return f"{first}{check:02d}"
    if country == "PT":
        base = rng.choice(["0033", "0035", "0010", "0036", "0007"]) + _digits(rng, 4) + _digits(rng, 11)
        return base + f"{98 - int(base + '00') % 97:02d}"
    if country == "PL":
        return _nz(rng) + _digits(rng, 7) + _digits(rng, 16)
    if country == "LU":
        return _digits(rng, 3) + _digits(rng, 13)
    if country == "BR":
        return _digits(rng, 8) + _digits(rng, 5) + _digits(rng, 10) + rng.choice("CP") + rng.choice("123")
    if country == "SE":
        return _nz(rng) + _digits(rng, 2) + _digits(rng, 17)
    if country == "DK":
        return _nz(rng) + _digits(rng, 13)
    raise GuardError(f"no IBAN format for country '{country}'")


_IBAN_COUNTRIES = {"de_DE": ("DE", "DE", "DE", "AT", "CH"), "fr_FR": ("FR", "FR", "FR", "BE", "LU"),
                   "fr_CA": ("FR", "BE", "LU", "CH"), "es_ES": ("ES", "ES", "ES", "PT"),
                   "it_IT": ("IT", "IT", "IT", "CH"), "nl_NL": ("NL", "NL", "NL", "BE"), "pt_BR": ("BR", "BR", "PT"),
                   "en_GB": ("GB", "GB", "GB", "IE")}
_IBAN_ANY = ("DE", "GB", "FR", "ES", "IT", "NL", "BE", "AT", "CH", "IE", "PT", "PL", "LU", "SE", "DK")


def iban(rng: random.Random, locale: str) -> str:
    """A mod-97-valid IBAN in a real country's format (the locale's own mostly), grouped by four or compact."""
    country = rng.choice(_IBAN_COUNTRIES.get(locale, _IBAN_ANY))
    bban = _bban(rng, country)
    value = country + _mod97_check(country, bban) + bban
    return " ".join(value[i:i + 4] for i in range(0, len(value), 4)) if rng.random() < 0.7 else value


def ssn(rng: random.Random, plain_ok: bool) -> str:
    """A US SSN (area 001-899 but 666, group 01-99, serial 0001-9999): dashed, spaced, or plain after a cue."""
    while True:
        area = rng.randint(1, 899)
        if area != 666:
            break
    a, g, s = f"{area:03d}", f"{rng.randint(1, 99):02d}", f"{rng.randint(1, 9999):04d}"
    style = rng.choices(["dash", "space", "plain"], [6, 2, 3 if plain_ok else 0])[0]
    return f"{a}-{g}-{s}" if style == "dash" else f"{a} {g} {s}" if style == "space" else a + g + s


# ---------------------------------------------------------------- IP addresses (every range)
_PUBLIC_FIRST = (3, 5, 8, 13, 18, 20, 23, 31, 34, 35, 37, 40, 45, 46, 51, 52, 54, 62, 64, 66, 69, 74, 77, 78, 80,
                 81, 82, 84, 85, 86, 87, 88, 89, 91, 93, 94, 95, 104, 107, 109, 116, 121, 134, 139, 141, 144, 146,
                 151, 157, 159, 162, 164, 165, 167, 176, 178, 185, 188, 193, 194, 195, 197, 201, 209, 212, 213, 216,
                 217)


def private4(rng: random.Random) -> str:
    kind = rng.choices(["10", "172", "192"], [4, 2, 4])[0]
    last = rng.randint(2, 253)
    if kind == "10":
        return f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{last}"
    if kind == "172":
        return f"172.{rng.randint(16, 31)}.{rng.randint(0, 255)}.{last}"
    return f"192.168.{rng.choice([0, 1, 1, 2, 8, 10, 50, 100, 178, rng.randint(0, 255)])}.{last}"


def public4(rng: random.Random) -> str:
    return f"{rng.choice(_PUBLIC_FIRST)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


def ipv4(rng: random.Random) -> str:
    """An IPv4 host address of any range: private, public, documentation, CGNAT, loopback, link-local."""
    kind = rng.choices(["priv", "pub", "doc", "cgn", "loop", "ll"], [40, 38, 10, 4, 4, 4])[0]
    if kind == "priv":
        return private4(rng)
    if kind == "pub":
        return public4(rng)
    if kind == "doc":
        return f"{rng.choice(['192.0.2', '198.51.100', '203.0.113'])}.{rng.randint(1, 254)}"
    if kind == "cgn":
        return f"100.{rng.randint(64, 127)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    if kind == "loop":
        return rng.choice(["127.0.0.1", "127.0.1.1", f"127.0.0.{rng.randint(2, 9)}"])
    return f"169.254.{rng.randint(1, 254)}.{rng.randint(1, 254)}"


def _hextet(rng: random.Random) -> str:
    return f"{rng.randrange(0x10000):x}"


def linklocal6(rng: random.Random) -> str:
    iid = [rng.randrange(0x10000) for _ in range(4)]
    if rng.random() < 0.5:  # EUI-64 from a MAC address: the ff:fe in the middle
        iid[1] = (iid[1] & 0xFF00) | 0xFF
        iid[2] = 0xFE00 | (iid[2] & 0xFF)
    return ipaddress.IPv6Address("fe80::" + ":".join(f"{x:x}" for x in iid)).compressed


def ipv6(rng: random.Random) -> str:
    """An IPv6 host address: global (documentation and real-looking prefixes), ULA, link-local, mapped, loopback."""
    kind = rng.choices(["doc", "global", "ula", "ll", "mapped", "short"], [20, 40, 12, 14, 4, 10])[0]
    if kind == "ll":
        return linklocal6(rng)
    if kind == "mapped":
        return f"::ffff:{public4(rng)}"
    if kind == "doc":
        groups = ["2001", "db8"] + [_hextet(rng) for _ in range(6)]
    elif kind == "global":
        pre = rng.choice([["2001", "41d0"], ["2a01", "4f8"], ["2a00", "1450"], ["2600", "1f18"], ["2604", "a880"],
                          ["2a02", "8108"], ["2001", "470"], ["2a03", "2880"], ["2003", "e5"], ["2406", "da18"]])
        groups = pre + [_hextet(rng) for _ in range(6)]
    elif kind == "ula":
        groups = [f"fd{rng.randrange(256):02x}"] + [_hextet(rng) for _ in range(7)]
    else:  # a short, hand-assigned server address: prefix::n
        pre = rng.choice([["2001", "db8"], ["2a01", "4f8", _hextet(rng)], ["2001", "db8", _hextet(rng)]])
        groups = pre + ["0"] * (7 - len(pre)) + [f"{rng.randint(1, 0x30):x}"]
    text = ipaddress.IPv6Address(":".join(groups)).compressed
    r = rng.random()
    if r < 0.06:
        return ipaddress.IPv6Address(text).exploded
    if r < 0.12:
        return text.upper()
    return text


def gateway(rng: random.Random, lan: str | None) -> str:
    """A gateway: the .1 (or .254) of the given LAN address's /24, else of a typical home or office net."""
    if lan and ":" not in lan:
        head = lan.rsplit(".", 1)[0]
    else:
        head = rng.choice(["192.168.0", "192.168.1", "192.168.178", "10.0.0", "10.0.1", f"10.{rng.randint(0, 99)}.0",
                           f"172.{rng.randint(16, 31)}.0", "192.168.2", "192.168.100"])
    return f"{head}.{rng.choice([1, 1, 1, 254])}"


def resolver(rng: random.Random, v4_only: bool = False) -> str:
    """A DNS resolver: a public one (IPv4 or IPv6), the LAN gateway, or an internal server."""
    r = rng.random()
    if v4_only and 0.55 <= r < 0.75:
        r = 0.8
    if r < 0.55:
        return rng.choice(["8.8.8.8", "8.8.4.4", "1.1.1.1", "1.0.0.1", "9.9.9.9", "149.112.112.112",
                           "208.67.222.222", "208.67.220.220", "94.140.14.14", "84.200.69.80", "80.80.80.80"])
    if r < 0.75:
        return rng.choice(["2001:4860:4860::8888", "2001:4860:4860::8844", "2606:4700:4700::1111", "2620:fe::fe",
                           "2620:119:35::35"])
    if rng.random() < 0.5:
        return gateway(rng, None)
    return f"10.{rng.randint(0, 40)}.{rng.randint(0, 9)}.{rng.choice([2, 10, 53])}"


# ---------------------------------------------------------------- e-mail addresses
_FREEMAIL = {"en_US": ("gmail.com", "yahoo.com", "outlook.com", "icloud.com", "aol.com", "hotmail.com", "proton.me"),
             "en_GB": ("gmail.com", "btinternet.com", "hotmail.co.uk", "yahoo.co.uk", "outlook.com", "sky.com"),
             "en_CA": ("gmail.com", "shaw.ca", "rogers.com", "sympatico.ca", "outlook.com"),
             "en_AU": ("gmail.com", "bigpond.com", "optusnet.com.au", "outlook.com", "icloud.com"),
             "en_IN": ("gmail.com", "rediffmail.com", "yahoo.co.in", "outlook.com"),
             "de_DE": ("gmx.de", "web.de", "t-online.de", "gmail.com", "posteo.de", "freenet.de"),
             "fr_FR": ("orange.fr", "free.fr", "laposte.net", "gmail.com", "sfr.fr", "wanadoo.fr"),
             "fr_CA": ("videotron.ca", "gmail.com", "hotmail.ca", "sympatico.ca"),
             "es_ES": ("gmail.com", "hotmail.es", "yahoo.es", "telefonica.net", "outlook.es"),
             "it_IT": ("libero.it", "gmail.com", "virgilio.it", "alice.it", "tiscali.it"),
             "nl_NL": ("ziggo.nl", "kpnmail.nl", "gmail.com", "hotmail.nl", "xs4all.nl", "planet.nl"),
             "pt_BR": ("gmail.com", "uol.com.br", "bol.com.br", "terra.com.br", "hotmail.com", "yahoo.com.br")}
_TLD = {"en_US": "com", "en_GB": "co.uk", "en_CA": "ca", "en_AU": "com.au", "en_IN": "in", "de_DE": "de",
        "fr_FR": "fr", "fr_CA": "ca", "es_ES": "es", "it_IT": "it", "nl_NL": "nl", "pt_BR": "com.br"}
_LEGAL = frozenset("gmbh co kg ag sarl sa sas spa s p a srl r l ltd llc plc inc nv bv ltda group and et e und y fils "
                   "figli hnos slne sl me eireli cie ohg mbh sons s/a filhos snc familia de da do van der den la le "
                   "di del".split())
_FALLBACK_DOMAIN = ("northwind", "bluepeak", "lumen", "cedarline", "orbitworks", "harborview", "kestrel", "tidewater")


def ascii_fold(text: str) -> str:
    for a, b in (("ß", "ss"), ("æ", "ae"), ("ø", "o"), ("œ", "oe"), ("ł", "l"), ("đ", "d"), ("Æ", "AE"), ("Ø", "O")):
        text = text.replace(a, b)
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def company_domain(rng: random.Random, company: str, locale: str) -> str:
    words = [w for w in re.findall(r"[a-z0-9]+", ascii_fold(company).lower()) if w not in _LEGAL and len(w) > 1]
    stem = "-".join(words[:2]) if len(words) > 1 and rng.random() < 0.3 else "".join(words[:2]) or \
        rng.choice(_FALLBACK_DOMAIN)
    tld = _TLD[locale] if rng.random() < 0.7 else "com"
    return f"{stem}.{tld}"


def person_email(rng: random.Random, first: str, last: str, locale: str, company: str) -> str:
    f = re.sub(r"[^a-z0-9]", "", ascii_fold(first).lower()) or "user"
    la = re.sub(r"[^a-z0-9]", "", ascii_fold(last).lower()) or "mail"
    local = rng.choice([f"{f}.{la}", f"{f[0]}.{la}", f"{f}{la}", f"{f}_{la}", f"{f}.{la}{rng.randint(1, 99)}",
                        f"{la}.{f}", f"{f}{la[0]}", f"{f}-{la}", f"{f[0]}{la}", f"{f}{rng.randint(70, 2005)}"])
    if rng.random() < 0.55:
        domain = rng.choice(_FREEMAIL[locale])
    else:
        domain = company_domain(rng, company, locale)
    if rng.random() < 0.05:
        local += "+" + rng.choice(["news", "shop", "work", "bills"])
    return f"{local}@{domain}"


def role_email(rng: random.Random, domain: str) -> str:
    box = rng.choice(["info", "support", "billing", "noreply", "no-reply", "hr", "privacy", "abuse", "security",
                      "kontakt", "contact", "servicio", "assistenza", "klantenservice", "atendimento", "accounts",
                      "helpdesk", "dpo", "postmaster", "sales"])
    return f"{box}@{domain}"


# ---------------------------------------------------------------- PII-free distractors
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def local_date(rng: random.Random, when: _dt.datetime, locale: str) -> str:
    d, m, y = when.day, when.month, when.year
    if locale == "en_US":
        return rng.choice([f"{m:02d}/{d:02d}/{y}", f"{_MONTHS[m - 1]} {d}, {y}", f"{m}/{d}/{y}"])
    if locale in ("de_DE",):
        return rng.choice([f"{d:02d}.{m:02d}.{y}", f"{d}.{m}.{y}", f"{d:02d}.{m:02d}.{y % 100:02d}"])
    if locale == "nl_NL":
        return rng.choice([f"{d:02d}-{m:02d}-{y}", f"{d}-{m}-{y}"])
    if locale in ("en_CA", "fr_CA"):
        return f"{y}-{m:02d}-{d:02d}"
    if locale in ("en_GB", "en_AU", "en_IN"):
        return rng.choice([f"{d:02d}/{m:02d}/{y}", f"{d} {_MONTHS[m - 1]} {y}"])
    return f"{d:02d}/{m:02d}/{y}"


def price(rng: random.Random, locale: str) -> str:
    cents = rng.randint(199, 450000)
    whole, frac = divmod(cents, 100)
    dot = f"{whole:,}.{frac:02d}"
    eu = f"{whole:,}".replace(",", ".") + f",{frac:02d}"
    return {"en_US": f"${dot}", "en_GB": f"£{dot}", "en_CA": f"CA${dot}", "en_AU": f"A${dot}", "en_IN": f"₹{dot}",
            "de_DE": rng.choice([f"{eu} €", f"{eu} EUR"]), "fr_FR": f"{eu.replace('.', ' ')} €",
            "fr_CA": f"{eu.replace('.', ' ')} $", "es_ES": f"{eu} €", "it_IT": f"€ {eu}", "nl_NL": f"€ {eu}",
            "pt_BR": f"R$ {eu}"}[locale]


def version3(rng: random.Random) -> str:
    return f"{rng.randint(0, 24)}.{rng.randint(0, 40)}.{rng.randint(0, 60)}"


def version4(rng: random.Random) -> str:
    """A four-part version whose parts all fit an octet: shaped like an IPv4 address, and not one."""
    return f"{rng.randint(1, 24)}.{rng.randint(0, 12)}.{rng.randint(0, 40)}.{rng.randint(0, 250)}"


def version_private(rng: random.Random) -> str:
    """A four-part version shaped like a private address (10.x, 172.16-31.x, 192.168.x)."""
    kind = rng.choices(["10", "172", "192"], [6, 2, 2])[0]
    if kind == "10":
        return f"10.{rng.randint(0, 9)}.{rng.randint(0, 30)}.{rng.randint(0, 250)}"
    if kind == "172":
        return f"172.{rng.randint(16, 31)}.{rng.randint(0, 9)}.{rng.randint(0, 99)}"
    return f"192.168.{rng.randint(0, 20)}.{rng.randint(1, 99)}"


def build_number(rng: random.Random) -> str:
    return rng.choice([f"10.0.{rng.choice([19045, 22621, 22631, 26100, 17763, 20348])}.{rng.randint(1000, 5000)}",
                       f"16.0.{rng.randint(14000, 18000)}.{rng.randint(20000, 20300)}",
                       f"{rng.randint(110, 131)}.0.{rng.randint(5000, 6800)}.{rng.randint(50, 250)}",
                       f"31.0.101.{rng.randint(4000, 5999)}", f"12.{rng.randint(0, 4)}.0.{rng.randint(20000, 24000)}",
                       f"6.{rng.randint(1, 8)}.0-{rng.randint(10, 120)}-generic"])


def oid(rng: random.Random) -> str:
    return rng.choice([f"1.3.6.1.4.1.{rng.choice([311, 9, 2636, 8072, 4526, 11129, 25461])}.{rng.randint(1, 30)}."
                       f"{rng.randint(1, 12)}",
                       f"2.5.4.{rng.choice([3, 6, 7, 8, 10, 11, 97])}",
                       f"2.5.29.{rng.choice([14, 15, 17, 19, 31, 32, 35, 37])}",
                       f"1.2.840.113549.1.1.{rng.choice([1, 5, 11, 12, 13])}", f"1.3.6.1.5.5.7.3.{rng.randint(1, 9)}",
                       f"1.3.6.1.2.1.1.{rng.randint(1, 7)}.0", f"2.16.840.1.101.3.4.2.{rng.randint(1, 3)}",
                       f"1.3.6.1.2.1.2.2.1.{rng.choice([2, 5, 8, 10, 16])}"])


def control(rng: random.Random) -> str:
    return rng.choice([f"{rng.choice(['AC', 'AU', 'CM', 'IA', 'SC', 'SI', 'CP'])}-{rng.randint(1, 20)}"
                       f"{rng.choice(['', f'({rng.randint(1, 9)})'])}",
                       f"A.{rng.randint(5, 18)}.{rng.randint(1, 7)}.{rng.randint(1, 5)}",
                       f"A.{rng.randint(5, 8)}.{rng.randint(1, 34)}",
                       f"CC{rng.randint(1, 9)}.{rng.randint(1, 8)}",
                       f"{rng.randint(1, 12)}.{rng.randint(1, 6)}.{rng.randint(1, 9)}.{rng.randint(1, 4)}"])


def cis_id(rng: random.Random) -> str:
    if rng.random() < 0.6:
        return f"{rng.randint(1, 6)}.{rng.randint(1, 9)}.{rng.randint(1, 9)}.{rng.randint(1, 12)}"
    return f"{rng.randint(1, 6)}.{rng.randint(1, 9)}.{rng.randint(1, 20)}"


def section(rng: random.Random) -> str:
    return rng.choice([f"{rng.randint(1, 12)}.{rng.randint(1, 9)}.{rng.randint(1, 9)}",
                       f"{rng.randint(1, 12)}.{rng.randint(1, 9)}.{rng.randint(1, 9)}.{rng.randint(1, 9)}",
                       f"{rng.randint(1, 12)}.{rng.randint(1, 20)}"])


_OUIS = ("00:1a:2b", "3c:52:82", "b8:27:eb", "00:50:56", "52:54:00", "f4:f5:d8", "a4:91:b1", "00:0c:29", "d8:3a:dd",
         "e4:5f:01", "00:15:5d", "ac:de:48", "70:85:c2", "dc:a6:32")


def mac(rng: random.Random) -> str:
    text = rng.choice(_OUIS) + "".join(f":{rng.randrange(256):02x}" for _ in range(3))
    style = rng.choice(["colon", "colon", "upper", "dash", "cisco"])
    if style == "upper":
        return text.upper()
    if style == "dash":
        return text.replace(":", "-").upper()
    if style == "cisco":
        h = text.replace(":", "")
        return f"{h[:4]}.{h[4:8]}.{h[8:]}"
    return text


def order_no(rng: random.Random) -> str:
    return rng.choice([f"ORD-{rng.randint(2023, 2026)}-{_digits(rng, 6)}", f"#{_nz(rng)}{_digits(rng, 6)}",
                       f"{_nz(rng)}{_digits(rng, 2)}-{_digits(rng, 7)}-{_digits(rng, 7)}", f"SO{_digits(rng, 8)}",
                       f"{_nz(rng)}{_digits(rng, 9)}"])


def tracking(rng: random.Random) -> str:
    alnum = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
    return rng.choice(["1Z" + "".join(rng.choice(alnum) for _ in range(6)) + _digits(rng, 10),
                       "JJD" + _digits(rng, 18), f"3S{_letters(rng, 4)}{_digits(rng, 9)}",
                       f"{_letters(rng, 2)}{_digits(rng, 9)}{rng.choice(['GB', 'DE', 'NL', 'FR', 'ES', 'IT', 'BR'])}",
                       " ".join(["9400"] + [_digits(rng, 4) for _ in range(4)] + [_digits(rng, 2)])])


def ticket(rng: random.Random) -> str:
    return rng.choice([f"INC{_digits(rng, 7)}", f"SR-{rng.randint(2023, 2026)}-{_digits(rng, 5)}",
                       f"#{_nz(rng)}{_digits(rng, 4)}",
                       f"{rng.choice(['OPS', 'NET', 'SEC', 'HELP', 'IT'])}-{rng.randint(100, 9999)}",
                       f"CS{_digits(rng, 8)}"])


def invoice(rng: random.Random) -> str:
    return rng.choice([f"INV-{rng.randint(2023, 2026)}-{_digits(rng, 5)}",
                       f"RE-{rng.randint(2023, 2026)}-{_digits(rng, 4)}",
                       f"FA{_digits(rng, 8)}", f"{_digits(rng, 3)}.{_digits(rng, 3)}.{_digits(rng, 3)}",
                       f"F{rng.randint(2023, 2026)}/{_digits(rng, 4)}"])


def bic(rng: random.Random, locale: str) -> str:
    country = {"de_DE": "DE", "fr_FR": "FR", "fr_CA": "FR", "es_ES": "ES", "it_IT": "IT", "nl_NL": "NL",
               "pt_BR": "BR", "en_GB": "GB"}.get(locale, "DE")
    return _letters(rng, 4) + country + _letters(rng, 1) + rng.choice("0123456789ABX") + rng.choice(["", "XXX"])


def routing(rng: random.Random) -> str:
    body = rng.choice(["0", "1", "2", "3"]) + _digits(rng, 7)  # ABA: 3-7-1 weights, the sum ends in 0
    check = (10 - sum(int(d) * x for d, x in zip(body, (3, 7, 1, 3, 7, 1, 3, 7))) % 10) % 10
    return body + str(check)


def hostname(rng: random.Random) -> str:
    return rng.choice(["web", "app", "db", "api", "mail", "vpn", "nas", "fw", "lb", "k8s-node", "build", "git",
                       "proxy", "backup", "edge", "cache"]) + f"{rng.randint(1, 24):02d}"


def win_host(rng: random.Random) -> str:
    alnum = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
    return rng.choice(["DESKTOP-", "LAPTOP-", "WS-", "PC-"]) + "".join(rng.choice(alnum) for _ in range(7))


def user_agent(rng: random.Random) -> str:
    chrome = rng.randint(110, 131)
    full = rng.choice([f"{chrome}.0.0.0", f"{chrome}.0.{rng.randint(5000, 6800)}.{rng.randint(50, 250)}"])
    return rng.choice([
        f"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{full} Safari/537.36",
        f"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{full} "
        "Safari/537.36",
        f"Mozilla/5.0 (X11; Linux x86_64; rv:{rng.randint(115, 133)}.0) Gecko/20100101 "
        f"Firefox/{rng.randint(115, 133)}.0",
        f"Mozilla/5.0 (iPhone; CPU iPhone OS 17_{rng.randint(0, 6)} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like "
        f"Gecko) Version/17.{rng.randint(0, 6)} Mobile/15E148 Safari/604.1",
        f"Mozilla/5.0 (Linux; Android {rng.randint(11, 15)}; Pixel {rng.randint(5, 9)}) AppleWebKit/537.36 "
        f"(KHTML, like Gecko) Chrome/{full} Mobile Safari/537.36",
        f"curl/{rng.randint(7, 8)}.{rng.randint(50, 88)}.{rng.randint(0, 1)}",
        f"okhttp/{rng.randint(3, 4)}.{rng.randint(9, 12)}.{rng.randint(0, 3)}"])


def b64key(rng: random.Random) -> str:
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    return "".join(rng.choice(alphabet) for _ in range(43)) + "="


# ---------------------------------------------------------------- one record
class _Record:
    """The values drawn for one text: a slot with the same kind and key gets the same value."""

    def __init__(self, rng: random.Random, fake: Any, locale: str, first_names: frozenset[str],
                 cities: tuple[str, ...] = ()):
        self.rng, self.fake, self.locale, self.region = rng, fake, locale, REGION[locale]
        self.first_names, self.cities = first_names, cities
        self.values: dict[tuple[str, str], str] = {}
        self.persons: dict[str, tuple[str, str]] = {}
        self.ips: set[str] = set()
        start = _dt.datetime(2023, 1, 1) + _dt.timedelta(seconds=rng.randrange(4 * 365 * 86400))
        self.clock = start

    def _person(self, key: str) -> tuple[str, str]:
        if key not in self.persons:
            taken = {p[0] for p in self.persons.values()}
            while True:
                first, last = self.fake.first_name(), self.fake.last_name()
                if first not in taken and first != last:
                    break
            self.persons[key] = (first, last)
        return self.persons[key]

    def _company(self) -> str:
        while True:  # companies named after a whole person ("Juan Pablo Granados S.L.") would be unlabelled names
            name = self.fake.company()
            if not any(w in self.first_names for w in re.findall(r"\w+", name)):
                return name

    def _city(self) -> str:
        while True:  # synthetic towns such as "Port Jennifer" carry a lone first name
            name = self.fake.random_element(self.cities) if self.cities else self.fake.city()
            if not any(w in self.first_names for w in re.findall(r"\w+", name)):
                return name

    def _tick(self) -> _dt.datetime:
        self.clock += _dt.timedelta(seconds=self.rng.randint(1, 900), microseconds=self.rng.randrange(1000000))
        return self.clock

    def _new_ip(self, draw: Callable[[], str]) -> str:
        for _ in range(50):
            value = draw()
            if value not in self.ips:
                self.ips.add(value)
                return value
        raise GuardError("could not draw a distinct IP address for a text")

    def domain(self, key: str) -> str:
        return self.fill("DOMAIN", key)

    def fill(self, kind: str, key: str) -> str:
        """The value of a slot; an unkeyed time (or round-trip time) is drawn afresh at each occurrence."""
        if not key and kind in FRESH:
            return self._draw(kind, key)
        key = key or "1"
        if (kind, key) in self.values:
            return self.values[(kind, key)]
        value = self._draw(kind, key)
        self.values[(kind, key)] = value
        return value

    def _draw(self, kind: str, key: str) -> str:
        rng, loc = self.rng, self.locale
        if kind == "NAME":
            first, last = self._person(key)
            return f"{first} {last}"
        if kind == "FIRST":
            return self._person(key)[0]
        if kind == "EMAIL":
            first, last = self._person(key)
            return person_email(rng, first, last, loc, self.fill("COMPANY", key))
        if kind == "MAIL":
            return role_email(rng, self.domain(key))
        if kind in ("PHONE", "PHONEI", "PHONEN"):
            return phone(rng, self.region, {"PHONE": "any", "PHONEI": "intl", "PHONEN": "national"}[kind])
        if kind == "CARD":
            return card(rng)
        if kind == "IBAN":
            return iban(rng, loc)
        if kind in ("SSN", "SSNC"):
            return ssn(rng, plain_ok=kind == "SSNC")
        ip_draws: dict[str, Callable[[], str]] = {
            "IP": lambda: ipv6(rng) if rng.random() < 0.22 else ipv4(rng), "IP4": lambda: ipv4(rng),
            "PRIV": lambda: private4(rng), "PUB": lambda: public4(rng), "IPV6": lambda: ipv6(rng),
            "LL6": lambda: linklocal6(rng), "DNS": lambda: resolver(rng), "DNS4": lambda: resolver(rng, True),
            "CGN": lambda: f"100.{rng.randint(64, 127)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}",
            "GW": lambda: gateway(rng, self.values.get(("PRIV", key))),
            "LO": lambda: "127.0.0.1", "LO6": lambda: "::1"}
        if kind in ip_draws:
            return self._new_ip(ip_draws[kind])
        if kind == "COMPANY":
            return self._company()
        if kind == "CITY":
            return self._city()
        if kind == "DOMAIN":
            return company_domain(rng, self.fill("COMPANY", key), loc)
        return self._distractor(kind)

    def _distractor(self, kind: str) -> str:
        rng, loc = self.rng, self.locale
        simple: dict[str, Callable[[], str]] = {
            "VER": lambda: version3(rng), "VER4": lambda: version4(rng), "VERP": lambda: version_private(rng),
            "BUILD": lambda: build_number(rng), "OID": lambda: oid(rng), "CTRL": lambda: control(rng),
            "CIS": lambda: cis_id(rng), "SEC": lambda: section(rng), "MAC": lambda: mac(rng),
            "MASK": lambda: rng.choice(["255.255.255.0", "255.255.0.0", "255.255.255.128", "255.255.255.192",
                                        "255.255.252.0", "255.255.254.0", "255.0.0.0", "255.255.255.224",
                                        "255.255.255.240", "255.255.248.0"]),
            "WMASK": lambda: rng.choice(["0.0.0.255", "0.0.0.63", "0.0.3.255", "0.0.255.255", "0.0.0.127"]),
            "ORDER": lambda: order_no(rng), "TRACK": lambda: tracking(rng), "TICKET": lambda: ticket(rng),
            "INVOICE": lambda: invoice(rng), "BIC": lambda: bic(rng, loc), "ROUTING": lambda: routing(rng),
            "ACCT": lambda: _nz(rng) + _digits(rng, rng.randint(8, 11)), "PRICE": lambda: price(rng, loc),
            "AMOUNT": lambda: f"{rng.randint(1, 9999)}.{rng.randrange(100):02d}",
            "PORT": lambda: str(rng.choice([rng.randint(1024, 65535), rng.randint(32768, 60999)])),
            "PID": lambda: str(rng.randint(300, 99999)), "N": lambda: str(rng.randint(1, 99999)),
            "N4": lambda: _digits(rng, 4), "SMALL": lambda: str(rng.randint(2, 60)),
            "HOST": lambda: hostname(rng), "WINHOST": lambda: win_host(rng), "UA": lambda: user_agent(rng),
            "KEY": lambda: b64key(rng), "UUID": lambda: str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "SHA": lambda: f"{rng.getrandbits(160):040x}", "SHORT": lambda: f"{rng.getrandbits(28):07x}",
            "HEX": lambda: f"{rng.getrandbits(32):08x}",
            "SERIAL": lambda: ":".join(f"{rng.randrange(256):02x}" for _ in range(16)),
            "MRN": lambda: f"{_letters(rng, 2)}{_digits(rng, 7)}",
            "CODE": lambda: _digits(rng, 6), "RTT": lambda: f"{rng.uniform(0.2, 180):.3f}",
            "MS": lambda: str(rng.randint(1, 2500)),
            "DOB": lambda: local_date(rng, _dt.datetime(1940, 1, 1) + _dt.timedelta(days=rng.randrange(65 * 365)), loc),
        }
        if kind in simple:
            return simple[kind]()
        if kind in ("DATE", "ISODATE", "TS", "TSZ", "SYSTS", "CLF", "RFCTS", "GITDATE", "TIME", "HM", "APTS", "USEC"):
            return self._time(kind)
        raise GuardError(f"unknown template slot '{{{kind}}}'", hint="see the slot kinds in guard.pii.synth.outside")

    def _time(self, kind: str) -> str:
        t = self._tick()
        if kind == "DATE":
            return local_date(self.rng, t, self.locale)
        if kind == "ISODATE":
            return t.strftime("%Y-%m-%d")
        if kind == "TS":
            return t.strftime("%Y-%m-%dT%H:%M:%S") + f".{t.microsecond // 1000:03d}" + self.rng.choice(["Z", "+01:00",
                                                                                                    "+00:00", "-05:00"])
        if kind == "TSZ":
            return t.strftime("%Y-%m-%dT%H:%M:%SZ")
        if kind == "SYSTS":
            return f"{_MONTHS[t.month - 1]} {t.day:>2} {t:%H:%M:%S}"
        if kind == "CLF":
            zone = self.rng.choice(["+0000", "+0100", "-0500"])
            return f"{t.day:02d}/{_MONTHS[t.month - 1]}/{t.year}:{t:%H:%M:%S} {zone}"
        if kind == "RFCTS":
            return f"{_DAYS[t.weekday()]}, {t.day} {_MONTHS[t.month - 1]} {t.year} {t:%H:%M:%S} +0100"
        if kind == "GITDATE":
            return f"{_DAYS[t.weekday()]} {_MONTHS[t.month - 1]} {t.day} {t:%H:%M:%S} {t.year} +0200"
        if kind == "APTS":
            return f"{_DAYS[t.weekday()]} {_MONTHS[t.month - 1]} {t.day:02d} {t:%H:%M:%S}.{t.microsecond:06d} {t.year}"
        if kind == "USEC":
            return f"{t:%H:%M:%S}.{t.microsecond:06d}"
        if kind == "HM":
            return t.strftime("%H:%M")
        return t.strftime("%H:%M:%S")


def _tokens(template: str) -> list[tuple[str, str, str]]:
    """The template read left to right: ("text", literal, ""), or ("slot", kind, key); a lone brace is refused."""
    out: list[tuple[str, str, str]] = []
    pos = 0
    for m in _TOKEN.finditer(template):
        if m.start() > pos:
            out.append(("text", template[pos:m.start()], ""))
        token = m.group(0)
        if token in ("{{", "}}"):
            out.append(("text", token[0], ""))
        elif m.group(1):
            out.append(("slot", m.group(1), m.group(2) or ""))
        else:
            raise GuardError(f"a stray brace at character {m.start()}", hint="write literal braces as {{ and }}")
        pos = m.end()
    if pos < len(template):
        out.append(("text", template[pos:], ""))
    return out


def render(template: str, fill: Callable[[str, str], str]) -> tuple[str, list[dict[str, Any]]]:
    """The text and its labelled spans (end exclusive); ``{{`` and ``}}`` stand for literal braces."""
    parts: list[str] = []
    spans: list[dict[str, Any]] = []
    length = 0
    for what, a, b in _tokens(template):
        value = fill(a, b) if what == "slot" else a
        if what == "slot" and a in LABELS:
            spans.append({"entity_type": LABELS[a], "entity_value": value, "start_position": length,
                          "end_position": length + len(value)})
        parts.append(value)
        length += len(value)
    return "".join(parts), spans


def standing_unlabelled(text: str, spans: list[dict[str, Any]]) -> list[str]:
    """Labelled values that also stand in ``text`` outside every labelled span (word-bounded, case-sensitive),
    and e-mail addresses that no span labels."""
    problems: list[str] = []
    covered = [(s["start_position"], s["end_position"]) for s in spans]
    for value in sorted({s["entity_value"] for s in spans}):
        start = text.find(value)
        while start != -1:
            end = start + len(value)
            bounded = (start == 0 or not text[start - 1].isalnum()) and (end == len(text) or not text[end].isalnum())
            if bounded and not any(a <= start and end <= b for a, b in covered):
                problems.append(value)
            start = text.find(value, start + 1)
    labelled = {(s["start_position"], s["end_position"]) for s in spans if s["entity_type"] == "EMAIL_ADDRESS"}
    problems += [m.group(0) for m in _EMAIL_IN_TEXT.finditer(text) if (m.start(), m.end()) not in labelled]
    return problems


KINDS = frozenset(LABELS) | frozenset(
    "COMPANY CITY DOMAIN VER VER4 VERP BUILD OID CTRL CIS SEC MAC MASK WMASK ORDER TRACK TICKET INVOICE BIC ROUTING "
    "ACCT PRICE AMOUNT PORT PID N N4 SMALL HOST WINHOST UA KEY UUID SHA SHORT HEX SERIAL MRN CODE RTT MS DATE ISODATE "
    "TS TSZ SYSTS CLF RFCTS GITDATE TIME HM APTS USEC DOB".split())


def check_templates(templates: list[Template]) -> None:
    """Refuse a template with an unknown language, pool or slot kind, or a stray brace."""
    for i, t in enumerate(templates):
        where = f"outside template {TEMPLATE_OFFSET + i}"
        if t.language not in POOLS or (t.pool and t.pool not in POOLS):
            raise GuardError(f"unknown language or pool '{t.language}/{t.pool}'", where=where)
        if t.weight < 1:
            raise GuardError(f"weight must be at least 1, got {t.weight}", where=where)
        try:
            tokens = _tokens(t.text)
        except GuardError as exc:
            raise GuardError(exc.message, where=where, hint=exc.hint) from None
        for what, kind, _key in tokens:
            if what == "slot" and kind not in KINDS:
                raise GuardError(f"unknown slot kind '{kind}'", where=where, hint="see KINDS")


def _faker() -> Any:
    try:
        import faker
        from faker import Faker
    except ImportError:
        raise GuardError("the outside set's generator needs Faker",
                         hint=f"pip install faker=={FAKER_VERSION} (a development dependency)") from None
    if faker.VERSION != FAKER_VERSION:
        raise GuardError(f"Faker {faker.VERSION} is installed; the outside set was written with Faker {FAKER_VERSION}",
                         hint=f"pip install faker=={FAKER_VERSION}, or regenerate the file and update "
                              "FAKER_VERSION")
    return Faker


def _sorted_cities(fake: Any, locale: str) -> tuple[str, ...]:
    """it_IT's Faker builds its city list from a set (its order follows PYTHONHASHSEED): draw from it sorted."""
    if locale != "it_IT":
        return ()
    for provider in fake.providers:
        cities = getattr(provider, "cities", None)
        if cities:
            return tuple(sorted(cities))
    raise GuardError("Faker's it_IT address provider has no city list", hint=f"install Faker {FAKER_VERSION}")


def _first_names(fake: Any) -> frozenset[str]:
    for provider in fake.providers:
        names = getattr(provider, "first_names", None)
        if names:
            return frozenset(names)
    return frozenset()


def generate_outside(n: int = 2000, seed: int = SEED) -> list[dict[str, Any]]:
    """``n`` labelled texts from the outside templates, the same for the same seed and Faker version."""
    if n < 1:
        raise GuardError(f"n must be at least 1, got {n}")
    faker_cls = _faker()
    check_templates(TEMPLATES)
    rng = random.Random(seed)
    fakers: dict[str, Any] = {}
    first_names: dict[str, frozenset[str]] = {}
    cities: dict[str, tuple[str, ...]] = {}
    for i, loc in enumerate(sorted(REGION)):
        fakers[loc] = faker_cls(loc)
        fakers[loc].seed_instance(seed * 100 + i)
        first_names[loc] = _first_names(fakers[loc])
        cities[loc] = _sorted_cities(fakers[loc], loc)
    indices = list(range(len(TEMPLATES)))
    weights = [t.weight for t in TEMPLATES]
    records: list[dict[str, Any]] = []
    for _ in range(n):
        index = rng.choices(indices, weights)[0]
        tpl = TEMPLATES[index]
        pool = POOLS[tpl.pool or tpl.language]
        locale = rng.choices([p[0] for p in pool], [p[1] for p in pool])[0]
        for _attempt in range(40):
            rec = _Record(rng, fakers[locale], locale, first_names[locale], cities[locale])
            text, spans = render(tpl.text, rec.fill)
            if not standing_unlabelled(text, spans):
                break
        else:
            raise GuardError(f"template {TEMPLATE_OFFSET + index} keeps putting a labelled value in unlabelled text",
                             hint="rewrite the template")
        records.append({"full_text": text, "masked": tpl.text, "spans": spans, "template_id": TEMPLATE_OFFSET + index,
                        "metadata": {"locale": locale, "style": tpl.style, "language": tpl.language, "half": HALF,
                                     "seed": seed}})
    return records


def dumps(records: list[dict[str, Any]]) -> str:
    """The file's text: one record a line, so a diff shows which texts changed."""
    return "[\n" + ",\n".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in records) + "\n]\n"


def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(prog="python -m guard.pii.synth.outside",
                                 description="Write the outside set (seed L).")
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--out", type=Path, default=OUT_FILE)
    args = ap.parse_args(argv)
    try:
        records = generate_outside(args.n, SEED)
    except GuardError as exc:
        print(f"error: {exc.one_line()}", file=sys.stderr)
        return 2
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(dumps(records), encoding="utf-8")
    counts: dict[str, int] = {}
    for r in records:
        for s in r["spans"]:
            counts[s["entity_type"]] = counts.get(s["entity_type"], 0) + 1
    print(f"{args.out}: {len(records)} texts, seed {SEED}, Faker {FAKER_VERSION}; "
          + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
