"""The "remote" PII set (seed N): its own generator, templates and value generators.

Written by an author who never saw the recognizers, the IP model or the other sets' generators and templates
(``data/SOURCE_remote.md``), so the set measures the scanner on text its developers have not seen. Faker
draws only person, company and city names; every identifier (phones, cards, IBANs, SSNs, IPs, e-mail
addresses) and every look-alike is drawn here. Records have the format of ``guard.pii.synth.generate``.

Regenerate: ``python -m guard.pii.synth.remote`` (needs Faker at exactly ``FAKER_VERSION``: another
version draws other names for the same seed, so it is refused).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import string
import unicodedata
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from guard.errors import GuardError

SEED = 20270202
HALF = "remote"
TEMPLATE_OFFSET = 30000
N_TEXTS = 2000
FAKER_VERSION = "40.63.0"
OUT_FILE = Path(__file__).with_name("data") / "guard_pii_synth_remote_seedN.json"

# locale -> (phone region, IBAN country or "" for a random one, language of its names' texts)
LOCALES: dict[str, tuple[str, str, str]] = {
    "de_DE": ("DE", "DE", "de"), "en_AU": ("AU", "", "en"), "en_CA": ("CA", "", "en"), "en_GB": ("GB", "GB", "en"),
    "en_IN": ("IN", "", "en"), "en_US": ("US", "", "en"), "es_ES": ("ES", "ES", "es"), "fr_CA": ("CA", "", "fr"),
    "fr_FR": ("FR", "FR", "fr"), "it_IT": ("IT", "IT", "it"), "nl_NL": ("NL", "NL", "nl"), "pt_BR": ("BR", "", "pt"),
}
# A template's locale group: which locales may fill it, with weights (English text is mostly US/UK/IN).
LOCALE_GROUPS: dict[str, list[tuple[str, int]]] = {
    "en": [("en_US", 50), ("en_GB", 16), ("en_IN", 12), ("en_CA", 8), ("en_AU", 8)],
    "us": [("en_US", 1)],
    "int": [("en_US", 30), ("en_GB", 12), ("en_IN", 10), ("en_CA", 5), ("en_AU", 5), ("de_DE", 9), ("fr_FR", 7),
            ("es_ES", 6), ("it_IT", 5), ("nl_NL", 5), ("pt_BR", 5), ("fr_CA", 2)],
    "eu": [("en_GB", 25), ("de_DE", 25), ("fr_FR", 15), ("es_ES", 12), ("it_IT", 12), ("nl_NL", 11)],
    "de": [("de_DE", 1)], "fr": [("fr_FR", 4), ("fr_CA", 1)], "es": [("es_ES", 1)], "it": [("it_IT", 1)],
    "nl": [("nl_NL", 1)], "pt": [("pt_BR", 1)],
}
LABELS: dict[str, str] = {
    "NAME": "PERSON", "FIRST": "PERSON", "LASTFIRST": "PERSON",
    "EMAIL": "EMAIL_ADDRESS", "WORKMAIL": "EMAIL_ADDRESS", "ROLEMAIL": "EMAIL_ADDRESS",
    "PHONE": "PHONE_NUMBER", "PHONEX": "PHONE_NUMBER", "PHONEE": "PHONE_NUMBER",
    "CARD": "CREDIT_CARD", "CARDP": "CREDIT_CARD",
    "IBAN": "IBAN_CODE", "IBANC": "IBAN_CODE",
    "SSN": "US_SSN", "SSNC": "US_SSN",
    "IP4": "IP_ADDRESS", "IP4L": "IP_ADDRESS", "IP4W": "IP_ADDRESS", "IP6": "IP_ADDRESS", "IP6LL": "IP_ADDRESS",
    "IP": "IP_ADDRESS", "GW": "IP_ADDRESS", "SIB": "IP_ADDRESS", "LOOP": "IP_ADDRESS", "LOOP6": "IP_ADDRESS",
}
_SLOT = re.compile(r"\{([A-Z][A-Z0-9]*)(?::([a-z0-9]+))?\}")
_EMAIL_SHAPE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_DIGITS = string.digits
_HEX = "0123456789abcdef"


def _d(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(_DIGITS) for _ in range(n))


def _luhn_digit(body: str) -> str:
    """The check digit that makes ``body + digit`` pass the Luhn test."""
    total = 0
    for i, ch in enumerate(reversed(body)):
        v = int(ch) * (2 if i % 2 == 0 else 1)
        total += v - 9 if v > 9 else v
    return str((10 - total % 10) % 10)


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.replace("ß", "ss").replace("ø", "o").replace("æ", "ae"))
    return "".join(c for c in folded if c.isascii() and (c.isalnum())).lower()


# ---------------------------------------------------------------- phones (national and international forms)
_NANP = {"US": ["212", "213", "312", "415", "503", "617", "702", "713", "206", "303", "404", "305", "512", "602",
                "615", "718", "917", "646", "201", "470", "773", "818", "919", "214", "480", "347", "571", "720",
                "781", "408"],
         "CA": ["416", "604", "514", "613", "403", "780", "902", "204", "306", "519", "647", "905", "438", "587",
                "250"]}


def _phone_parts(rng: random.Random, region: str) -> tuple[str, str, list[str]]:
    """(country code, national trunk prefix, national significant number's groups) of a valid number."""
    c = rng.choice
    if region in ("US", "CA"):
        exch = c("23456789") + _d(rng, 2)
        while exch[1:] == "11" or exch == "555":
            exch = c("23456789") + _d(rng, 2)
        return "1", "", [c(_NANP[region]), exch, _d(rng, 4)]
    if region == "GB":
        k = rng.random()
        if k < 0.5:
            return "44", "0", ["7" + c("123") + _d(rng, 2), _d(rng, 6)]
        if k < 0.75:
            return "44", "0", ["20", c("378") + _d(rng, 3), _d(rng, 4)]
        return "44", "0", [c(["161", "131", "121"]), c("234567") + _d(rng, 2), _d(rng, 4)]
    if region == "AU":
        if rng.random() < 0.55:
            return "61", "0", ["4" + c("0123") + _d(rng, 1), _d(rng, 3), _d(rng, 3)]
        area, first = c([("2", "9"), ("3", "9"), ("7", "3"), ("8", "9"), ("2", "8")])
        # 08 916x is Christmas Island's and Cocos Islands', not Australia's: Perth numbers start 08 92-95
        second = c("2345") if area == "8" else c(_DIGITS)
        return "61", "0", [area, first + second + _d(rng, 2), _d(rng, 4)]
    if region == "IN":
        if rng.random() < 0.7:
            return "91", "0", [c(["9", "8", "7", "6"]) + c("789") + _d(rng, 3), _d(rng, 5)]
        return "91", "0", [c(["22", "11", "80"]), c("2346") + _d(rng, 3), _d(rng, 4)]
    if region == "DE":
        k = rng.random()
        if k < 0.3:
            return "49", "0", [c(["151", "152", "157", "176"]), _d(rng, 8)]
        if k < 0.55:
            return "49", "0", [c(["160", "170", "171", "172"]), _d(rng, 7)]
        if k < 0.85:
            return "49", "0", [c(["30", "89", "40", "69"]), c("23456789") + _d(rng, 7)]
        return "49", "0", ["221", c("23456789") + _d(rng, 6)]
    if region == "FR":
        lead = c(["1" + c(_DIGITS), "3" + c(_DIGITS), "4" + c("123456789"), "6" + c("01245678"),
                  "7" + c("3456789"), "2" + c("01234578"), "5" + c("012345678")])
        return "33", "0", [lead[0], lead[1] + _d(rng, 1), _d(rng, 2), _d(rng, 2), _d(rng, 2)]
    if region == "ES":
        if rng.random() < 0.6:
            return "34", "", [c(["6" + c(_DIGITS), "7" + c("1234")]) + _d(rng, 1), _d(rng, 3), _d(rng, 3)]
        return "34", "", [c(["91", "93", "96", "95"]) + _d(rng, 1), _d(rng, 3), _d(rng, 3)]
    if region == "IT":
        if rng.random() < 0.6:
            return "39", "", ["3" + c(["20", "28", "29", "33", "34", "35", "36", "38", "39", "40", "45", "47", "48",
                                       "49", "66", "88", "89", "91", "92", "93"]), _d(rng, 3), _d(rng, 4)]
        head = c("1234578") + _d(rng, 3)  # not 06 698...: that range is the Vatican's (+39 06 698)
        return "39", "", [c(["06", "02"]), head, _d(rng, 4)]
    if region == "NL":
        if rng.random() < 0.6:
            return "31", "0", ["6", c("12345") + _d(rng, 7)]
        return "31", "0", [c(["20", "10", "30", "70"]), c("2345678") + _d(rng, 2), _d(rng, 4)]
    if region == "BR":
        ddd = c(["11", "21", "31", "41", "51", "61", "71", "81", "19", "48"])
        if rng.random() < 0.7:
            return "55", "0", [ddd, "9" + c("6789") + _d(rng, 3), _d(rng, 4)]
        return "55", "0", [ddd[:2], c("2345") + _d(rng, 3), _d(rng, 4)]
    raise GuardError(f"no phone plan for region '{region}'")


def _phone(rng: random.Random, region: str, e164: bool = False, international: bool = False) -> str:
    """A valid number of ``region``: national or international form (always international when asked)."""
    cc, trunk, g = _phone_parts(rng, region)
    if e164:
        return "+" + cc + "".join(g)
    international = international or rng.random() < 0.45
    if region in ("US", "CA"):
        a, e, s = g
        if international:
            return rng.choice([f"+1 {a} {e} {s}", f"+1-{a}-{e}-{s}", f"+1 ({a}) {e}-{s}", f"+1{a}{e}{s}",
                               f"+1 {a}-{e}-{s}"])
        return rng.choice([f"({a}) {e}-{s}", f"{a}-{e}-{s}", f"{a}.{e}.{s}", f"1-{a}-{e}-{s}", f"({a}) {e} {s}"])
    if region == "BR":
        if international:
            return f"+55 {g[0]} {g[1]}-{g[2]}"
        return rng.choice([f"({g[0]}) {g[1]}-{g[2]}", f"{g[0]} {g[1]}-{g[2]}", f"({g[0]}) {g[1]}{g[2]}"])
    if region == "FR":
        if international:
            return rng.choice(["+33 " + " ".join(g), "+33 (0)" + " ".join(g), "+33" + "".join(g)])
        return rng.choice(["0" + " ".join(g), "0" + ".".join(g), "0" + "".join(g)])
    if region == "AU" and not international and len(g[0]) == 1:
        return rng.choice([f"(0{g[0]}) {g[1]} {g[2]}", f"0{g[0]} {g[1]} {g[2]}"])
    if region == "DE" and not international:
        return rng.choice([f"0{g[0]} {''.join(g[1:])}", f"0{g[0]}/{''.join(g[1:])}", f"0{g[0]}-{''.join(g[1:])}"])
    if region == "NL" and not international:
        return rng.choice([f"0{g[0]}-{''.join(g[1:])}", f"0{g[0]} {' '.join(g[1:])}"])
    if international:
        return rng.choice([f"+{cc} " + " ".join(g), f"+{cc} " + " ".join(g), f"+{cc}" + "".join(g),
                           f"+{cc}-" + "-".join(g)])
    return trunk + " ".join(g) if region != "IN" or rng.random() < 0.5 else " ".join(g)


# ---------------------------------------------------------------- cards, IBANs, SSNs
def _card(rng: random.Random, plain: bool = False) -> str:
    brand = rng.choices(["visa", "mc", "amex", "disc"], [45, 30, 15, 10])[0]
    if brand == "visa":
        body = "4" + _d(rng, 14)
    elif brand == "mc":
        body = (rng.choice(["51", "52", "53", "54", "55"]) + _d(rng, 13) if rng.random() < 0.8
                else str(rng.randint(2221, 2720)) + _d(rng, 11))
    elif brand == "amex":
        body = rng.choice(["34", "37"]) + _d(rng, 12)
    else:
        body = rng.choice(["6011" + _d(rng, 11), "65" + _d(rng, 13), str(rng.randint(644, 649)) + _d(rng, 12)])
    num = body + _luhn_digit(body)
    sep = "" if plain else rng.choice([" ", " ", "-", ""])
    if len(num) == 15:
        return sep.join([num[:4], num[4:10], num[10:]])
    return sep.join(num[i:i + 4] for i in range(0, 16, 4))


def _mod97(text: str) -> int:
    return int("".join(str(int(ch, 36)) for ch in text)) % 97


def _iban_bban(rng: random.Random, cc: str) -> str:
    up = string.ascii_uppercase
    if cc == "DE":
        return rng.choice("12345678") + _d(rng, 7) + _d(rng, 10)
    if cc == "GB":
        return rng.choice(["NWBK", "BARC", "LOYD", "HBUK", "MIDL", "NAIA", "MONZ"]) + _d(rng, 6) + _d(rng, 8)
    if cc == "IE":
        return rng.choice(["AIBK", "BOFI", "IPBS"]) + _d(rng, 6) + _d(rng, 8)
    if cc == "NL":
        while True:
            acct = _d(rng, 10)
            if acct[0] != "0" and sum(int(x) * (10 - i) for i, x in enumerate(acct)) % 11 == 0:
                return rng.choice(["ABNA", "INGB", "RABO", "TRIO", "KNAB", "SNSB", "ASNB"]) + acct
    if cc == "FR":
        bank, branch, acct = rng.choice(["30004", "30003", "20041", "10278", "30002"]), _d(rng, 5), _d(rng, 11)
        key = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(acct)) % 97
        return bank + branch + acct + f"{key:02d}"
    if cc == "ES":
        bank, branch, acct = rng.choice(["2100", "0049", "0182", "0081", "2085"]), _d(rng, 4), _d(rng, 10)

        def ctl(digits: str) -> str:
            v = 11 - sum(int(x) * w for x, w in zip(digits, [1, 2, 4, 8, 5, 10, 9, 7, 3, 6])) % 11
            return str({11: 0, 10: 1}.get(v, v))

        return bank + branch + ctl("00" + bank + branch) + ctl(acct) + acct
    if cc == "IT":
        rest = rng.choice(["03069", "02008", "05034", "03062"]) + _d(rng, 5) + _d(rng, 12)
        odd = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21]
        total = sum(odd[int(ch)] if i % 2 == 0 else int(ch) for i, ch in enumerate(rest))
        return up[total % 26] + rest
    if cc == "BE":
        first = _d(rng, 10)
        chk = int(first) % 97 or 97
        return first + f"{chk:02d}"
    if cc == "AT":
        return rng.choice(["1", "2", "3", "6"]) + _d(rng, 4) + _d(rng, 11)
    if cc == "CH":
        return "00" + _d(rng, 3) + _d(rng, 12)
    if cc == "PT":
        return "0" + _d(rng, 20)
    if cc == "PL":
        return _d(rng, 24)
    raise GuardError(f"no IBAN format for country '{cc}'")


_IBAN_COUNTRIES = ["DE", "GB", "FR", "ES", "IT", "NL", "BE", "AT", "CH", "IE", "PT", "PL"]


def _iban(rng: random.Random, country: str, compact: bool = False) -> str:
    cc = country or rng.choice(_IBAN_COUNTRIES)
    bban = _iban_bban(rng, cc)
    check = 98 - _mod97(bban + cc + "00")
    iban = f"{cc}{check:02d}{bban}"
    if compact or rng.random() < 0.35:
        return iban
    return " ".join(iban[i:i + 4] for i in range(0, len(iban), 4))


def _ssn(rng: random.Random, compact: bool = False) -> str:
    area = rng.randint(1, 899)
    while area == 666:
        area = rng.randint(1, 899)
    a, g, s = f"{area:03d}", f"{rng.randint(1, 99):02d}", f"{rng.randint(1, 9999):04d}"
    if compact:
        return a + g + s
    return f"{a}-{g}-{s}" if rng.random() < 0.78 else f"{a} {g} {s}"


# ---------------------------------------------------------------- IP addresses and network look-alikes
def _ip4(rng: random.Random, kind: str = "any") -> str:
    r = rng.randint
    if kind == "any":
        kind = rng.choices(["lan", "wan", "loop"], [52, 44, 4])[0]
    if kind == "loop":
        return "127.0.0.1" if rng.random() < 0.8 else f"127.0.{r(0, 1)}.{r(1, 254)}"
    if kind == "lan":
        k = rng.random()
        if k < 0.45:
            return f"10.{r(0, 255)}.{r(0, 255)}.{r(2, 254)}"
        if k < 0.75:
            return f"192.168.{rng.choice([0, 1, 1, 2, 10, 50, 100, r(0, 255)])}.{r(2, 254)}"
        if k < 0.93:
            return f"172.{r(16, 31)}.{r(0, 255)}.{r(2, 254)}"
        return f"100.{r(64, 127)}.{r(0, 255)}.{r(2, 254)}"
    if rng.random() < 0.25:
        return f"{rng.choice(['192.0.2', '198.51.100', '203.0.113'])}.{r(1, 254)}"
    first = r(1, 223)
    while first in (10, 100, 127, 169, 172, 192):
        first = r(1, 223)
    return f"{first}.{r(0, 255)}.{r(0, 255)}.{r(1, 254)}"


def _v6_text(groups: list[int], full: bool = False) -> str:
    if full:
        return ":".join(f"{g:04x}" for g in groups)
    best, best_len, i = -1, 0, 0
    while i < 8:
        if groups[i] == 0:
            j = i
            while j < 8 and groups[j] == 0:
                j += 1
            if j - i > best_len:
                best, best_len = i, j - i
            i = j
        else:
            i += 1
    hexes = [f"{g:x}" for g in groups]
    if best_len < 2:
        return ":".join(hexes)
    return ":".join(hexes[:best]) + "::" + ":".join(hexes[best + best_len:])


def _ip6(rng: random.Random, link_local: bool = False) -> str:
    r = rng.randint
    k = 0.1 if link_local else rng.random()
    if k < 0.04:
        return "::1"
    if k < 0.08:
        return "::ffff:" + _ip4(rng, rng.choice(["lan", "wan"]))
    if k < 0.28:  # link-local, SLAAC (EUI-64) or short
        tail = ([r(0, 0xffff), (r(0, 0xff) << 8) | 0xff, 0xfe00 | r(0, 0xff), r(0, 0xffff)] if rng.random() < 0.7
                else [0, 0, 0, r(1, 0xff)])
        return _v6_text([0xfe80, 0, 0, 0] + tail)
    if k < 0.45:  # unique local
        prefix = [0xfd00 | r(0, 0xff), r(0, 0xffff), r(0, 0xffff), r(0, 0x20)]
    elif k < 0.65:  # documentation
        prefix = [0x2001, 0xdb8, rng.choice([0, r(1, 0xffff)]), rng.choice([0, 1, r(1, 0xffff)])]
    else:
        head = rng.choice([0x2a00, 0x2a01, 0x2a02, 0x2a03, 0x2600, 0x2601, 0x2604, 0x2607, 0x2620, 0x2800, 0x2c0f,
                           0x2400, 0x2402, 0x2406, 0x2001, 0x2003, 0x2a0a])
        prefix = [head, r(0, 0xffff), r(0, 0xffff), r(0, 0xffff)]
    if rng.random() < 0.45:
        tail = [0, 0, 0, r(1, 0xfff)] if rng.random() < 0.7 else [0, 0, r(1, 0xffff), r(1, 0xffff)]
    else:
        tail = [r(0, 0xffff) for _ in range(4)]
    return _v6_text(prefix + tail, full=rng.random() < 0.08)


# ---------------------------------------------------------------- the per-text draw
_FREEMAIL = {"US": ["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "aol.com", "proton.me"],
             "GB": ["gmail.com", "btinternet.com", "yahoo.co.uk", "outlook.com", "hotmail.co.uk", "sky.com"],
             "CA": ["gmail.com", "rogers.com", "shaw.ca", "videotron.ca", "hotmail.com", "outlook.com"],
             "AU": ["gmail.com", "bigpond.com", "optusnet.com.au", "outlook.com", "icloud.com"],
             "IN": ["gmail.com", "rediffmail.com", "yahoo.co.in", "outlook.com", "hotmail.com"],
             "DE": ["web.de", "gmx.de", "t-online.de", "gmail.com", "posteo.de", "freenet.de"],
             "FR": ["orange.fr", "free.fr", "laposte.net", "gmail.com", "sfr.fr", "wanadoo.fr"],
             "ES": ["gmail.com", "hotmail.es", "yahoo.es", "telefonica.net", "outlook.es"],
             "IT": ["libero.it", "virgilio.it", "gmail.com", "tiscali.it", "alice.it"],
             "NL": ["ziggo.nl", "kpnmail.nl", "gmail.com", "hotmail.nl", "xs4all.nl"],
             "BR": ["gmail.com", "uol.com.br", "bol.com.br", "hotmail.com", "terra.com.br"]}
_TLD = {"US": "com", "GB": "co.uk", "CA": "ca", "AU": "com.au", "IN": "in", "DE": "de", "FR": "fr", "ES": "es",
        "IT": "it", "NL": "nl", "BR": "com.br"}
_COMPANY_STOP = {"and", "und", "et", "e", "y", "en", "van", "der", "de", "la", "le", "da", "do", "dos", "sons", "ltd",
                 "llc", "plc", "inc", "gmbh", "ag", "kg", "co", "sa", "sl", "spa", "srl", "nv", "bv", "group",
                 "royal", "figli", "ohg", "eg", "sarl", "sas", "ii", "ltda", "me", "slne", "slu", "scp", "sc"}


class _Draw:
    """The values of one text: each (slot, key) drawn once, so ``{NAME:a}`` twice is the same person."""

    def __init__(self, fake: Any, rng: random.Random, locale: str, first_names: frozenset[str]) -> None:
        self.fake, self.rng, self.locale = fake, rng, locale
        self.region, self.iban_country, _ = LOCALES[locale]
        self.first_names = first_names
        self.cache: dict[tuple[str, str], str] = {}
        self.people: dict[str, tuple[str, str]] = {}
        self.companies: dict[str, str] = {}
        self.base: datetime | None = None
        self.step = self.dstep = 0

    # names (Faker) ------------------------------------------------------------
    def person(self, key: str) -> tuple[str, str]:
        if key not in self.people:
            self.people[key] = (self.fake.first_name(), self.fake.last_name())
        return self.people[key]

    def _no_first_name(self, draw: Callable[[], str]) -> str:
        for _ in range(60):
            value = draw()
            if not any(tok in self.first_names for tok in re.findall(r"[^\W\d_]+", value)):
                return value
        raise GuardError(f"locale {self.locale}: no company or city name without a first name in 60 draws")

    def company(self, key: str) -> str:
        if key not in self.companies:
            self.companies[key] = self._no_first_name(self.fake.company)
        return self.companies[key]

    def city(self) -> str:
        if self.locale == "it_IT":  # it_IT's provider keeps its cities in set order (changes with PYTHONHASHSEED)
            cities = sorted(next(p for p in self.fake.get_providers() if hasattr(p, "cities")).cities)
            return self._no_first_name(lambda: str(self.fake.random_element(cities)))
        return self._no_first_name(self.fake.city)

    def domain(self, key: str) -> str:
        toks = [t for t in (_ascii(w) for w in re.split(r"[\s,&/.-]+", self.company(key))) if t]
        toks = [t for t in toks if t not in _COMPANY_STOP] or toks or ["firm"]
        base = "-".join(toks[:2]) if self.rng.random() < 0.5 else "".join(toks[:2])
        return f"{base}.{_TLD[self.region] if self.rng.random() < 0.6 else 'com'}"

    def email(self, key: str) -> str:
        first, last = (_ascii(x) or "x" for x in self.person(key))
        rng = self.rng
        local = rng.choice([f"{first}.{last}", f"{first[0]}{last}", f"{first}{last}", f"{first}_{last}",
                            f"{first}.{last}{rng.randint(1, 99)}", f"{last}.{first}", f"{first}{rng.randint(70, 2009)}",
                            f"{first[0]}.{last}", f"{first}.{last}+{rng.choice(['news', 'shop', 'work'])}"])
        return f"{local}@{rng.choice(_FREEMAIL[self.region])}"

    # times: one base moment a text, later keys later (``{TS}`` < ``{TS:b}`` < ``{TS:c}``), so a log reads in order
    def when(self, key: str, days: bool) -> datetime:
        if self.base is None:
            self.base = datetime(2024, 1, 1) + timedelta(seconds=self.rng.randint(0, 4 * 365 * 86400))
            self.step, self.dstep = self.rng.randint(1, 900), self.rng.randint(1, 21)
        rank = ord(key[0]) - ord("a") if key else 0
        return self.base + (timedelta(days=rank * self.dstep) if days else timedelta(seconds=rank * self.step))

    def moment(self, slot: str, key: str) -> str:
        t = self.when(key, days=slot in _DATE_FORMATS)
        mon = _MONTHS[t.month - 1]
        if slot in _DATE_FORMATS:
            return _DATE_FORMATS[slot].format(y=t.year, m=t.month, d=t.day)
        if slot == "TS":
            return f"{t:%Y-%m-%dT%H:%M:%S}.{self.rng.randint(0, 999):03d}Z"
        if slot == "CLF":
            return f"{t.day:02d}/{mon}/{t.year}:{t:%H:%M:%S} +0000"
        if slot == "SYSTS":
            return f"{mon} {t.day:2d} {t:%H:%M:%S}"
        if slot == "TIME":
            return f"{t:%H:%M:%S}"
        if slot == "CLOCK":
            return f"{t:%H:%M}"
        if slot == "YEARNOW":
            return str(t.year)
        if slot == "ICSDT":
            return f"{t:%Y%m%dT%H%M}00Z"
        epoch = int((t - datetime(1970, 1, 1)).total_seconds())
        return str(epoch) if slot == "EPOCH" else f"{epoch}{self.rng.randint(0, 999):03d}"

    # one slot -------------------------------------------------------------------
    def value(self, slot: str, key: str) -> str:
        if (slot, key) not in self.cache:
            self.cache[(slot, key)] = self._draw(slot, key)
        return self.cache[(slot, key)]

    def _draw(self, slot: str, key: str) -> str:  # noqa: C901 - one table of slot kinds
        rng, r = self.rng, self.rng.randint
        if slot == "NAME":
            return " ".join(self.person(key))
        if slot == "FIRST":
            return self.person(key)[0]
        if slot == "LASTFIRST":
            first, last = self.person(key)
            return f"{last}, {first}"
        if slot == "EMAIL":
            return self.email(key)
        if slot == "WORKMAIL":
            first, last = (_ascii(x) or "x" for x in self.person(key))
            local = rng.choice([f"{first}.{last}", f"{first[0]}{last}", f"{first}", f"{first[0]}.{last}"])
            return f"{local}@{self.value('DOMAIN', 'c')}"  # a colleague at the text's organisation, {COMPANY:c}
        if slot == "ROLEMAIL":
            role = rng.choice(["support", "billing", "info", "hr", "payroll", "noreply", "security", "sales",
                               "accounts", "abuse", "it-helpdesk", "privacy", "team", "jobs"])
            return f"{role}@{self.value('DOMAIN', key)}"
        if slot == "PHONE":
            return _phone(rng, self.region)
        if slot == "PHONEX":
            # another country's number (a dial-in list, a foreign contact): international, as people write it
            return _phone(rng, rng.choice(["US", "CA", "GB", "AU", "IN", "DE", "FR", "ES", "IT", "NL", "BR"]),
                          international=True)
        if slot == "PHONEE":
            return _phone(rng, self.region, e164=True)
        if slot in ("CARD", "CARDP"):
            return _card(rng, plain=slot == "CARDP")
        if slot in ("IBAN", "IBANC"):
            return _iban(rng, self.iban_country, compact=slot == "IBANC")
        if slot in ("SSN", "SSNC"):
            return _ssn(rng, compact=slot == "SSNC")
        if slot == "IP4":
            return _ip4(rng)
        if slot == "IP4L":
            return _ip4(rng, "lan")
        if slot == "IP4W":
            return _ip4(rng, "wan")
        if slot == "IP6":
            return _ip6(rng)
        if slot == "IP6LL":
            return _ip6(rng, link_local=True)
        if slot == "IP":
            return _ip4(rng) if rng.random() < 0.7 else _ip6(rng)
        if slot == "LOOP":
            return "127.0.0.1"
        if slot == "LOOP6":
            return "::1"
        if slot in ("WNET", "WBRD"):  # the /24 around IP4W:key (a whois range), never a host of it
            w = self.value("IP4W", key).split(".")
            return ".".join(w[:3] + ["0" if slot == "WNET" else "255"])
        if slot == "SIB":  # another host in the /24 of IP4L:<first letter of key>
            a = self.value("IP4L", key[:1]).split(".")
            return ".".join(a[:3] + [str(r(2, 254))])
        if slot in ("GW", "NET", "BRD", "AWSHOST", "PTR"):  # derived from the /24 of IP4L:key
            a = self.value("IP4L", key).split(".")
            return {"GW": ".".join(a[:3] + ["1"]), "NET": ".".join(a[:3] + ["0"]),
                    "BRD": ".".join(a[:3] + ["255"]), "AWSHOST": "ip-" + "-".join(a),
                    "PTR": ".".join(reversed(a)) + ".in-addr.arpa"}[slot]
        if slot in _MOMENTS:
            return self.moment(slot, key)
        if slot == "HHMM":  # an appointment time; later keys later in the day
            rank = ord(key[0]) - ord("a") if key else 0
            return f"{min(8 + 2 * rank + r(0, 1), 22):02d}:{rng.choice(['00', '15', '30', '45'])}"
        if slot == "PRICE":
            return _price(rng, self.region)
        if slot == "CC":
            return self.region
        if slot in ("DOB", "DOBX", "DOBISO"):
            y, m, d = self.rng.randint(1948, 2006), self.rng.randint(1, 12), self.rng.randint(1, 28)
            forms = {"DOB": f"{m:02d}/{d:02d}/{y}", "DOBX": f"{d:02d}/{m:02d}/{y}", "DOBISO": f"{y}-{m:02d}-{d:02d}"}
            return forms[slot]
        if slot == "COMPANY":
            return self.company(key)
        if slot == "CITY":
            return self.city()
        if slot == "DOMAIN":
            return self.domain(key)
        maker = _LOOKALIKES.get(slot)
        if maker is None:
            raise GuardError(f"unknown template slot '{{{slot}}}'", hint="see guard/pii/synth/remote.py")
        return maker(rng)


# ---------------------------------------------------------------- look-alikes (never labelled)
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_DATE_FORMATS = {"DATE": "{y:04d}-{m:02d}-{d:02d}", "DATEUS": "{m:02d}/{d:02d}/{y:04d}",
                 "DATEEU": "{d:02d}.{m:02d}.{y:04d}", "DATEX": "{d:02d}/{m:02d}/{y:04d}"}
_MOMENTS = {"TS", "CLF", "SYSTS", "TIME", "CLOCK", "YEARNOW", "ICSDT", "EPOCH", "EPOCHMS", *_DATE_FORMATS}

def _semver(rng: random.Random) -> str:
    return f"{rng.choice([0, 1, 1, 2, 2, 3, 4, 5, 6, 8, 12, 17])}.{rng.randint(0, 31)}.{rng.randint(0, 40)}"


def _ver4(rng: random.Random) -> str:
    r = rng.randint
    return rng.choice([f"10.0.{rng.choice([19045, 22631, 26100, 17763, 20348])}.{r(100, 5000)}",
                       f"{r(1, 9)}.{r(0, 12)}.{r(0, 30)}.{r(0, 250)}", f"{r(1, 6)}.{r(0, 9)}.0.0",
                       f"{r(1, 4)}.{r(0, 9)}.{r(0, 9)}.{r(1, 99)}",
                       f"{r(2, 9)}.{r(0, 4)}.{r(10, 255)}.{r(1, 255)}"])


def _oid(rng: random.Random) -> str:
    r = rng.randint
    return rng.choice([f"1.3.6.1.2.1.{r(1, 31)}.{r(1, 30)}.{r(0, 9)}", f"1.3.6.1.4.1.{r(2, 60000)}.{r(1, 9)}.{r(1, 9)}",
                       f"2.5.4.{r(3, 46)}", f"1.2.840.113549.1.{r(1, 12)}.{r(1, 14)}", f"2.16.840.1.{r(101, 114)}.3.4"])


def _hexpairs(rng: random.Random, n: int, sep: str, upper: bool = False) -> str:
    text = sep.join(rng.choice(_HEX) + rng.choice(_HEX) for _ in range(n))
    return text.upper() if upper else text


def _b64(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.ascii_letters + _DIGITS + "+/") for _ in range(n))


def _isbn(rng: random.Random) -> str:
    body = "978" + rng.choice(["0", "1", "3", "2", "84", "88", "85"])
    body += _d(rng, 12 - len(body))
    check = (10 - sum(int(x) * (1 if i % 2 == 0 else 3) for i, x in enumerate(body)) % 10) % 10
    full = body + str(check)
    return rng.choice([full, f"{full[:3]}-{full[3]}-{full[4:8]}-{full[8:12]}-{full[12]}"])


def _ean(rng: random.Random) -> str:
    body = rng.choice(["40", "50", "30", "80", "84", "87", "76", "00"]) + _d(rng, 10)
    return body + str((10 - sum(int(x) * (1 if i % 2 == 0 else 3) for i, x in enumerate(body)) % 10) % 10)


def _imei(rng: random.Random) -> str:
    body = rng.choice(["35", "86", "01", "99"]) + _d(rng, 12)
    return body + _luhn_digit(body)


def _gift(rng: random.Random) -> str:  # 16 digits that fail the Luhn test, not a card brand prefix
    body = rng.choice(["6006", "6036", "7777", "9840"]) + _d(rng, 11)
    bad = str((int(_luhn_digit(body)) + rng.randint(1, 9)) % 10)
    num = body + bad
    return rng.choice([num, " ".join(num[i:i + 4] for i in range(0, 16, 4))])


def _routing(rng: random.Random) -> str:  # an ABA routing number (3-7-1 checksum): nine digits, not an SSN
    body = rng.choice(["0", "1", "2", "3"]) + _d(rng, 7)
    w = [3, 7, 1, 3, 7, 1, 3, 7]
    return body + str((10 - sum(int(x) * k for x, k in zip(body, w)) % 10) % 10)


def _rf(rng: random.Random) -> str:  # an ISO 11649 creditor reference: mod-97 like an IBAN, not an account
    ref = _d(rng, rng.randint(8, 16))
    check = 98 - _mod97(ref + "RF00")
    full = f"RF{check:02d}{ref}"
    return " ".join(full[i:i + 4] for i in range(0, len(full), 4))


def _vat(rng: random.Random) -> str:
    return rng.choice([f"DE{rng.randint(1, 3)}{_d(rng, 8)}", f"GB{_d(rng, 3)} {_d(rng, 4)} {_d(rng, 2)}",
                       f"FR{_d(rng, 2)}{_d(rng, 9)}", f"NL{_d(rng, 9)}B0{rng.randint(1, 9)}",
                       f"IT{_d(rng, 11)}", f"ESB{_d(rng, 8)}", f"ATU{_d(rng, 8)}"])


def _price(rng: random.Random, region: str) -> str:
    """An amount in the currency of ``region``, written as people there write it."""
    amount = rng.choice([rng.randint(3, 99) + 0.99, rng.randint(10, 2500) + rng.randint(0, 99) / 100])
    if region in ("US", "CA", "AU"):
        return rng.choice([f"${amount:,.2f}", f"{region[0]}${amount:,.2f}" if region != "US" else f"USD {amount:,.2f}"])
    if region == "GB":
        return f"£{amount:,.2f}"
    if region == "IN":
        return rng.choice([f"₹{amount * 80:,.0f}", f"Rs. {amount * 80:,.0f}"])
    if region == "BR":
        return "R$ " + f"{amount:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    european = f"{amount:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return rng.choice([f"{european} €", f"€{amount:,.2f}", f"{european} EUR"])


_LOOKALIKES: dict[str, Callable[[random.Random], str]] = {
    "VER": _semver,
    "VER4": _ver4,
    "OID": _oid,
    "SECTION": lambda rng: ".".join(str(rng.randint(1, 9)) for _ in range(rng.choice([2, 3, 3, 4]))),
    "MAC": lambda rng: _hexpairs(rng, 6, ":"),
    "MACD": lambda rng: _hexpairs(rng, 6, rng.choice(["-", ":"]), upper=True),
    "B64KEY": lambda rng: _b64(rng, 43) + "=",
    "FPR": lambda rng: _hexpairs(rng, 16, ":"),
    "SSHFP": lambda rng: "SHA256:" + _b64(rng, 43),
    "DUR": lambda rng: f"00:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}",
    "UUID": lambda rng: "-".join("".join(rng.choice(_HEX) for _ in range(n)) for n in (8, 4, 4, 4, 12)),
    "SHA": lambda rng: "".join(rng.choice(_HEX) for _ in range(40)),
    "SHORT": lambda rng: "".join(rng.choice(_HEX) for _ in range(7)),
    "DIGEST": lambda rng: "sha256:" + "".join(rng.choice(_HEX) for _ in range(64)),
    "REQID": lambda rng: "".join(rng.choice(_HEX) for _ in range(16)),
    "POD": lambda rng: "".join(rng.choice(_HEX[:10] + "bcdf") for _ in range(9)) + "-"
    + "".join(rng.choice("bcdfghjklmnpqrstvwxz2456789") for _ in range(5)),
    "ORDER": lambda rng: rng.choice([f"#{rng.randint(100000, 99999999)}", f"ORD-{rng.randint(2024, 2027)}-{_d(rng, 6)}",
                                     f"{_d(rng, 3)}-{_d(rng, 7)}-{_d(rng, 7)}", f"SO{_d(rng, 8)}"]),
    "INV": lambda rng: rng.choice([f"INV-{rng.randint(2024, 2027)}{_d(rng, 4)}-{_d(rng, 4)}",
                                   f"{rng.randint(2024, 2027)}/{_d(rng, 5)}", f"F{_d(rng, 9)}", f"RE-{_d(rng, 6)}"]),
    "TRACK": lambda rng: rng.choice(["1Z" + "".join(rng.choice(string.ascii_uppercase + _DIGITS) for _ in range(6))
                                     + _d(rng, 10), " ".join(_d(rng, 4) for _ in range(5)) + " " + _d(rng, 2),
                                     f"JD{_d(rng, 18)}", f"{_d(rng, 12)}"]),
    "ISBN": _isbn,
    "EAN": _ean,
    "IMEI": _imei,
    "GIFT": _gift,
    "ROUTING": _routing,
    "RF": _rf,
    "VAT": _vat,
    "EIN": lambda rng: f"{rng.randint(10, 98)}-{_d(rng, 7)}",
    "ZIP4": lambda rng: f"{rng.randint(10001, 99950)}-{_d(rng, 4)}",
    "ZIP": lambda rng: f"{rng.randint(10001, 99950)}",
    "BIC": lambda rng: rng.choice(["DEUTDEFF", "COBADEFFXXX", "BNPAFRPP", "INGBNL2A", "RABONL2U", "BSCHESMM",
                                   "UNCRITMM", "NWBKGB2L", "BARCGB22", "GENODEF1M04", "CAIXESBBXXX"]),
    "SORT": lambda rng: f"{_d(rng, 2)}-{_d(rng, 2)}-{_d(rng, 2)}",
    "ACCT": lambda rng: str(rng.randint(10000000, 9999999999)),
    "MASKCARD": lambda rng: rng.choice(["**** **** **** ", "XXXX-XXXX-XXXX-", "ending in ", "•••• "]) + _d(rng, 4),
    "MASKSSN": lambda rng: rng.choice(["***-**-", "XXX-XX-"]) + _d(rng, 4),
    "NUM": lambda rng: str(rng.randint(2, 2999)),
    "SMALL": lambda rng: str(rng.randint(1, 40)),
    "YY": lambda rng: str(rng.randint(26, 33)),
    "LAST4": lambda rng: _d(rng, 4),
    "PLATE": lambda rng: rng.choice(string.ascii_uppercase) + rng.choice(string.ascii_uppercase) + _d(rng, 2) + " "
    + "".join(rng.choice(string.ascii_uppercase) for _ in range(3)),
    "CHROME": lambda rng: f"{rng.randint(110, 131)}.0.{rng.randint(5000, 6999)}.{rng.randint(10, 200)}",
    "NUM2": lambda rng: str(rng.randint(10, 99)),
    "NUM3": lambda rng: str(rng.randint(100, 999)),
    "MM": lambda rng: f"{rng.randint(1, 12):02d}",
    "YEAR": lambda rng: str(rng.randint(2005, 2019)),
    "BIG": lambda rng: str(rng.randint(100000, 999999999)),
    "PORT": lambda rng: str(rng.choice([22, 80, 443, 3306, 5432, 6379, 8080, 8443, 9090, 9200, 27017, 51820,
                                        rng.randint(1024, 65535)])),
    "EPHPORT": lambda rng: str(rng.randint(32768, 60999)),
    "PID": lambda rng: str(rng.randint(300, 4194303)),
    "MS": lambda rng: str(rng.randint(1, 4800)),
    "BYTES": lambda rng: str(rng.randint(0, 250000)),
    "CIDR": lambda rng: rng.choice(["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", f"10.{rng.randint(0, 255)}.0.0/16",
                                    f"192.168.{rng.randint(0, 255)}.0/24", "100.64.0.0/10", "fd00::/8",
                                    f"2001:db8:{rng.randint(1, 0xffff):x}::/48", "fe80::/10", "0.0.0.0/0", "::/0",
                                    f"172.{rng.randint(16, 31)}.{rng.randint(0, 255)}.0/24"]),
    "NETMASK": lambda rng: rng.choice(["255.255.255.0", "255.255.0.0", "255.255.255.128", "255.255.252.0",
                                       "255.255.255.240", "255.0.0.0"]),
    "TICKET": lambda rng: rng.choice(["OPS", "SEC", "INC", "SUP", "PLAT", "NET", "HR", "FIN"])
    + f"-{rng.randint(10, 9999)}",
    "CVE": lambda rng: f"CVE-{rng.randint(2019, 2026)}-{rng.randint(1000, 52000)}",
    "LATLON": lambda rng: f"{rng.uniform(-40, 60):.4f}, {rng.uniform(-120, 150):.4f}",
    "PIN": lambda rng: _d(rng, rng.choice([4, 6])),
    "CASE": lambda rng: rng.choice([f"CS{_d(rng, 8)}", f"{rng.randint(2024, 2027)}-{_d(rng, 5)}", f"#{_d(rng, 6)}"]),
    "PCT": lambda rng: f"{rng.uniform(0, 100):.1f}",
    "HOST": lambda rng: rng.choice(["web", "api", "db", "cache", "worker", "edge", "lb", "vpn", "mail", "k8s-node",
                                    "build", "auth", "nas", "proxy"]) + f"-{rng.randint(1, 42):02d}"
    + rng.choice(["", "", ".prod.internal", ".eu-west-1.compute.internal", ".corp.local", ".lan", ".stg"]),
    "HOSTS": lambda rng: rng.choice(["web", "api", "db", "cache", "worker", "edge", "nas", "proxy", "build", "ci",
                                     "files", "mon", "backup", "dc"]) + f"-{rng.randint(1, 42):02d}",
    "USER": lambda rng: rng.choice(["deploy", "admin", "root", "ubuntu", "ec2-user", "svc_backup", "jenkins",
                                    "postgres", "git", "www-data", "ci-runner", "ansible", "monitor"]),
    "IFACE": lambda rng: rng.choice(["eth0", "ens3", "ens160", "enp0s31f6", "wlan0", "wlp2s0", "eth1", "bond0"]),
    "REGION": lambda rng: rng.choice(["us-east-1", "eu-west-1", "eu-central-1", "ap-south-1", "us-west-2"]),
    "ASN": lambda rng: f"AS{rng.randint(1000, 399999)}",
}


# ---------------------------------------------------------------- rendering and checks
def _literal(template: str) -> str:
    return template.replace("{{", "\x00").replace("}}", "\x01")


def template_slots(template: str) -> list[tuple[str, str]]:
    """The (slot, key) pairs of a template, in order; a GuardError for a stray brace."""
    literal = _literal(template)
    rest = _SLOT.sub("", literal)
    if "{" in rest or "}" in rest:
        raise GuardError(f"template has a stray brace: {template[:60]!r}", hint="write literal braces as {{ and }}")
    return [(m.group(1), m.group(2) or "") for m in _SLOT.finditer(literal)]


def render(template: str, draw: _Draw) -> tuple[str, list[dict[str, Any]]]:
    """The text and its labelled spans, each slot replaced by its drawn value."""
    literal = _literal(template)
    out: list[str] = []
    spans: list[dict[str, Any]] = []
    pos = length = 0
    for m in _SLOT.finditer(literal):
        chunk = literal[pos:m.start()].replace("\x00", "{").replace("\x01", "}")
        out.append(chunk)
        length += len(chunk)
        value = draw.value(m.group(1), m.group(2) or "")
        if m.group(1) in LABELS:
            spans.append({"entity_type": LABELS[m.group(1)], "entity_value": value,
                          "start_position": length, "end_position": length + len(value)})
        out.append(value)
        length += len(value)
        pos = m.end()
    out.append(literal[pos:].replace("\x00", "{").replace("\x01", "}"))
    return "".join(out), spans


def problems(text: str, spans: list[dict[str, Any]]) -> list[str]:
    """Why a rendered text breaks the labelling rules (empty when it keeps them): the reason to draw again."""
    found: list[str] = []
    covered = [(s["start_position"], s["end_position"]) for s in spans]

    def inside(a: int, b: int) -> bool:
        return any(s <= a and b <= e for s, e in covered)

    for s in spans:
        for m in re.finditer(r"(?<!\w)" + re.escape(s["entity_value"]) + r"(?!\w)", text):
            if not inside(m.start(), m.end()):
                found.append(f"'{s['entity_value']}' also stands unlabelled at {m.start()}")
        if s["entity_type"] == "IP_ADDRESS" and ":" in s["entity_value"]:
            after = text[s["end_position"]:s["end_position"] + 2]
            if after[:1] == ":" or after[:1] == "%":
                found.append(f"IPv6 '{s['entity_value']}' is followed by '{after}'")
    for m in _EMAIL_SHAPE.finditer(text):
        if not inside(m.start(), m.end()):
            found.append(f"unlabelled e-mail-shaped '{m.group(0)}'")
    return found


def _first_names(fake: Any) -> frozenset[str]:
    names: set[str] = set()
    for provider in fake.get_providers():
        for attr in ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary"):
            for name in getattr(provider, attr, ()) or ():
                names.update(re.findall(r"[^\W\d_]+", str(name)))
    return frozenset(names)


def generate_remote(n: int, seed: int) -> list[dict[str, Any]]:
    """``n`` labelled texts drawn from ``remote_templates`` for ``seed``: the same records on every run."""
    try:
        import faker
        from faker import Faker
    except ImportError:
        raise GuardError("the remote set's generator needs Faker",
                         hint=f"pip install faker=={FAKER_VERSION} (a development dependency)") from None
    if faker.VERSION != FAKER_VERSION:
        raise GuardError(f"Faker {faker.VERSION} draws other names than the {FAKER_VERSION} the set was made with",
                         hint=f"pip install faker=={FAKER_VERSION}")
    if not isinstance(n, int) or isinstance(n, bool) or n < 1:
        raise GuardError(f"n must be a positive whole number of texts, not {n!r}")
    from guard.pii.synth.remote_templates import TEMPLATES

    for _style, _lang, group, template in TEMPLATES:
        template_slots(template)
        if group not in LOCALE_GROUPS:
            raise GuardError(f"template locale group '{group}' is not one of {', '.join(LOCALE_GROUPS)}")
    rng = random.Random(seed)
    fakers: dict[str, Any] = {}
    first_names: dict[str, frozenset[str]] = {}
    for i, loc in enumerate(sorted(LOCALES)):
        fakers[loc] = Faker(loc)
        fakers[loc].seed_instance(seed * 100 + i)
        first_names[loc] = _first_names(fakers[loc])
    records: list[dict[str, Any]] = []
    while len(records) < n:
        index = rng.randrange(len(TEMPLATES))
        style, lang, group, template = TEMPLATES[index]
        locales, weights = zip(*LOCALE_GROUPS[group])
        locale = rng.choices(locales, weights)[0]
        for _attempt in range(40):
            draw = _Draw(fakers[locale], rng, locale, first_names[locale])
            text, spans = render(template, draw)
            why = problems(text, spans)
            if not why:
                break
        else:
            raise GuardError(f"template {index + TEMPLATE_OFFSET} breaks the labelling rules on every draw: {why[0]}")
        records.append({"full_text": text, "masked": template, "spans": spans,
                        "template_id": index + TEMPLATE_OFFSET,
                        "metadata": {"locale": locale, "style": style, "language": lang, "half": HALF, "seed": seed}})
    return records


def dumps(records: list[dict[str, Any]]) -> str:
    """The file's text: one record a line, so a diff shows which texts changed."""
    return "[\n" + ",\n".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in records) + "\n]\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m guard.pii.synth.remote", description="Write the remote PII set.")
    ap.add_argument("--n", type=int, default=N_TEXTS)
    ap.add_argument("--out", type=Path, default=OUT_FILE)
    args = ap.parse_args(argv)
    records = generate_remote(args.n, SEED)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(dumps(records), encoding="utf-8")
    spans = sum(len(r["spans"]) for r in records)
    print(f"{args.out}: {len(records)} texts, {spans} spans (seed {SEED}, Faker {FAKER_VERSION})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
