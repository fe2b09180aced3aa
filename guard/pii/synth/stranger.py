"""The "stranger" PII set (seed M): a fifth independent author's generator of labelled texts.

Written without reading the recognizers, the scanner, the IP model or any other set's templates or
generators, so the set judges the scanner on text its developers never shaped it for. Faker draws
only person, company and city names; every identifier (phones, cards, IBANs, SSNs, IPs, e-mails)
and every look-alike is drawn by the functions below. Templates: ``stranger_templates.py``; what the
set holds and its labelling rules: ``data/SOURCE_stranger.md``.

Regenerate (byte-identical under any PYTHONHASHSEED, with the pinned Faker)::

    python -m guard.pii.synth.stranger            # writes OUT_FILE (2,000 texts)
"""

from __future__ import annotations

import json
import random
import re
import string
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from guard.errors import GuardError

SEED = 20270101
HALF = "stranger"
TEMPLATE_OFFSET = 20000
OUT_FILE = Path(__file__).with_name("data") / "guard_pii_synth_stranger_seedM.json"
# Faker's draws for a seed change between releases: the shipped file is only reproducible with this one.
FAKER_VERSION = "40.63.0"

LABELS = ("PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "US_SSN", "IP_ADDRESS")
# Template language → the Faker locales its texts are drawn in, with weights (English: five regions).
LOCALES: dict[str, list[tuple[str, int]]] = {
    "en": [("en_US", 42), ("en_GB", 20), ("en_CA", 10), ("en_AU", 10), ("en_IN", 18)],
    "us": [("en_US", 1)], "gb": [("en_GB", 1)], "in": [("en_IN", 1)],
    "de": [("de_DE", 1)], "fr": [("fr_FR", 1)], "es": [("es_ES", 1)], "it": [("it_IT", 1)],
    "nl": [("nl_NL", 1)], "pt": [("pt_BR", 1)],
}
REGION = {"en_US": "US", "en_GB": "GB", "en_CA": "CA", "en_AU": "AU", "en_IN": "IN", "de_DE": "DE",
          "fr_FR": "FR", "es_ES": "ES", "it_IT": "IT", "nl_NL": "NL", "pt_BR": "BR"}
ALL_LOCALES = sorted(REGION)


# --------------------------------------------------------------------------------------------- phones
def _d(rng: random.Random, n: int, first: str = "0123456789") -> str:
    """``n`` random digits, the first one drawn from ``first``."""
    if n <= 0:
        return ""
    return rng.choice(first) + "".join(rng.choice(string.digits) for _ in range(n - 1))


_US_AREAS = ("212", "213", "206", "214", "303", "305", "310", "312", "404", "408", "412", "415", "503", "512",
             "602", "609", "612", "615", "617", "646", "702", "713", "718", "720", "773", "801", "804", "813",
             "857", "919", "925", "949", "971", "980")
_CA_AREAS = ("204", "250", "306", "403", "416", "418", "438", "450", "506", "514", "519", "587", "604", "613",
             "647", "709", "780", "807", "902", "905")


def _nanp(rng: random.Random, region: str, form: str) -> str:
    area = rng.choice(_US_AREAS if region == "US" else _CA_AREAS)
    while True:
        exch = _d(rng, 3, "23456789")
        if exch[1:] != "11" and exch not in ("555", "950", "958", "959", "976"):
            break
    sub = _d(rng, 4)
    forms = {"a": f"({area}) {exch}-{sub}", "b": f"{area}-{exch}-{sub}", "c": f"{area}.{exch}.{sub}",
             "d": f"{area} {exch} {sub}", "i": f"+1 {area} {exch} {sub}", "j": f"+1 ({area}) {exch}-{sub}",
             "k": f"+1-{area}-{exch}-{sub}", "l": f"1-{area}-{exch}-{sub}", "e": f"+1{area}{exch}{sub}",
             "p": f"{area}{exch}{sub}"}
    return forms[_pick_form(rng, form, "abbbcd", "iijke")]


def _pick_form(rng: random.Random, form: str, national: str, international: str) -> str:
    """One form letter: ``form`` is "nat", "intl", "plain", "e164" or "" (any, mostly national)."""
    if form == "plain":
        return "p"
    if form == "e164":
        return "e"
    if form == "intl":
        return rng.choice(international)
    if form == "nat":
        return rng.choice(national)
    return rng.choice(national if rng.random() < 0.62 else international)


def _gb(rng: random.Random, form: str) -> str:
    kind = rng.random()
    if kind < 0.5:  # mobile: 07[1-5,7-9]
        # 07 mobile blocks in use (some sub-blocks of 074-079 are unallocated)
        pre = "7" + rng.choice(("1", "2", "3", "40", "41", "42", "43", "44", "46", "47", "48", "49", "51", "53",
                                "54", "55", "56", "57", "58", "59", "71", "72", "73", "74", "75", "76", "77",
                                "80", "81", "84", "85", "86", "87", "88", "89", "90", "92", "94", "95", "96",
                                "97", "98", "99"))
        pre, rest = pre + _d(rng, 4 - len(pre)), _d(rng, 6)
        nat, intl = f"0{pre} {rest}", f"+44 {pre} {rest}"
        alt = [f"0{pre}{rest}", f"0{pre} {rest[:3]} {rest[3:]}"]
        ialt = [f"+44 (0){pre} {rest}", f"+44{pre}{rest}"]
    elif kind < 0.75:  # London 020 [378]xxx xxxx
        a, b = _d(rng, 4, "378"), _d(rng, 4)
        nat, intl = f"020 {a} {b}", f"+44 20 {a} {b}"
        alt = [f"(020) {a} {b}", f"020{a}{b}"]
        ialt = [f"+44 (0)20 {a} {b}", f"+4420{a}{b}"]
    else:
        city, lead = rng.choice((("113", "23458"), ("117", "2349"), ("121", "234567"), ("131", "2345678"),
                                 ("141", "2345789"), ("161", "2345789"), ("191", "2345789")))
        a, b = _d(rng, 3, lead), _d(rng, 4)
        nat, intl = f"0{city} {a} {b}", f"+44 {city} {a} {b}"
        alt = [f"(0{city}) {a} {b}", f"0{city} {a}{b}"]
        ialt = [f"+44 (0){city} {a} {b}"]
    if form == "plain":
        return nat.replace(" ", "").replace("(", "").replace(")", "")
    if form == "e164":
        return "+44" + intl[4:].replace(" ", "").replace("(0)", "")
    return _choose(rng, form, [nat, nat, *alt], [intl, intl, *ialt])


def _choose(rng: random.Random, form: str, national: list[str], international: list[str]) -> str:
    if form == "intl":
        return rng.choice(international)
    if form == "nat":
        return rng.choice(national)
    return rng.choice(national if rng.random() < 0.62 else international)


def _au(rng: random.Random, form: str) -> str:
    if rng.random() < 0.55:
        pre, a, b = "4" + _d(rng, 2, "01236"), _d(rng, 3), _d(rng, 3)
        nat, intl = [f"0{pre} {a} {b}", f"0{pre}{a}{b}", f"0{pre}-{a}-{b}"], [f"+61 {pre} {a} {b}", f"+61{pre}{a}{b}"]
    else:
        area, lead = rng.choice((("2", "98"), ("3", "98"), ("7", "3"), ("8", "98")))
        a, b = _d(rng, 4, lead), _d(rng, 4)
        nat = [f"(0{area}) {a} {b}", f"0{area} {a} {b}", f"(0{area}) {a}{b}"]
        intl = [f"+61 {area} {a} {b}", f"+61 ({area}) {a} {b}"]
    if form == "plain":
        return re.sub(r"\D", "", nat[0])
    if form == "e164":
        return "+" + re.sub(r"\D", "", intl[0])
    return _choose(rng, form, nat, intl)


def _in(rng: random.Random, form: str) -> str:
    if rng.random() < 0.75:
        num = rng.choice(("98", "99", "97", "96", "94", "93", "90", "88", "87", "81", "80", "79", "78", "76",
                          "70", "63", "62")) + _d(rng, 8)
        a, b = num[:5], num[5:]
        nat = [f"0{a} {b}", f"{a} {b}", f"{num}", f"0{num}"]
        intl = [f"+91 {a} {b}", f"+91-{num}", f"+91 {num}", f"+91{num}"]
    else:
        area, n = rng.choice((("11", 8), ("22", 8), ("33", 8), ("44", 8), ("80", 8), ("40", 8), ("20", 8)))
        sub = _d(rng, n, "2")
        nat = [f"0{area}-{sub}", f"0{area} {sub[:4]} {sub[4:]}", f"(0{area}) {sub}"]
        intl = [f"+91 {area} {sub[:4]} {sub[4:]}", f"+91-{area}-{sub}"]
    if form == "plain":
        return re.sub(r"\D", "", nat[0])
    if form == "e164":
        return "+" + re.sub(r"\D", "", intl[0])
    return _choose(rng, form, nat, intl)


def _de(rng: random.Random, form: str) -> str:
    if rng.random() < 0.5:
        # mobile prefixes and their subscriber lengths (0160/0162/0163/0170/0171/0175 kept 7 digits)
        pre = rng.choice(("151", "152", "157", "159", "160", "162", "163", "170", "171", "172", "173", "174",
                          "175", "176", "177", "178", "179"))
        sub = _d(rng, 7 if pre in ("160", "162", "163", "170", "171", "175") else 8, "123456789")
    else:
        pre, n = rng.choice((("30", 8), ("89", 7), ("40", 7), ("69", 8), ("221", 7), ("711", 7), ("211", 7),
                             ("351", 7), ("341", 7), ("511", 7)))
        sub = _d(rng, n, "23456789")
    nat = [f"0{pre} {sub}", f"0{pre}/{sub}", f"0{pre}-{sub}", f"0{pre} {sub[:3]} {sub[3:]}", f"(0{pre}) {sub}"]
    intl = [f"+49 {pre} {sub}", f"+49 (0){pre} {sub}", f"+49-{pre}-{sub}", f"+49 {pre} {sub[:3]} {sub[3:]}",
            f"0049 {pre} {sub}"]
    if form == "plain":
        return f"0{pre}{sub}"
    if form == "e164":
        return f"+49{pre}{sub}"
    return _choose(rng, form, nat, intl)


def _fr(rng: random.Random, form: str) -> str:
    first = rng.choice("1234566677799")
    # second digits in use after each leading digit (06 3/9, 07 0-2, 026, 040 and 059 are not all allocated)
    second = {"2": "01234578", "4": "123456789", "5": "012345678", "6": "01245678", "7": "3456789"}
    rest = _d(rng, 8, second.get(first, "0123456789"))
    pairs = [first] + [rest[i:i + 2] for i in range(0, 8, 2)]
    nat = ["0" + " ".join(pairs), "0" + ".".join(pairs), "0" + "".join(pairs), "0" + "-".join(pairs)]
    intl = ["+33 " + " ".join(pairs), "+33 (0)" + " ".join(pairs), "+33" + "".join(pairs), "0033 " + " ".join(pairs)]
    if form == "plain":
        return nat[2]
    if form == "e164":
        return intl[2]
    return _choose(rng, form, [nat[0], nat[0], nat[1], nat[2], nat[3]], intl)


def _es(rng: random.Random, form: str) -> str:
    if rng.random() < 0.6:
        num = rng.choice("666667") + _d(rng, 8)
        if num[0] == "7":
            num = "7" + rng.choice("1234") + _d(rng, 7)
    else:
        num = rng.choice(("91", "93", "95", "96", "94", "98", "97")) + _d(rng, 7, "2345678")
    nat = [f"{num[:3]} {num[3:6]} {num[6:]}", f"{num[:3]} {num[3:5]} {num[5:7]} {num[7:]}", num,
           f"{num[:2]} {num[2:5]} {num[5:7]} {num[7:]}"]
    intl = [f"+34 {num[:3]} {num[3:6]} {num[6:]}", f"+34 {num}", f"0034 {num[:3]} {num[3:6]} {num[6:]}",
            f"+34 {num[:3]} {num[3:5]} {num[5:7]} {num[7:]}"]
    if form == "plain":
        return num
    if form == "e164":
        return "+34" + num
    return _choose(rng, form, nat, intl)


def _it(rng: random.Random, form: str) -> str:
    if rng.random() < 0.6:
        pre = rng.choice(("320", "324", "328", "329", "330", "333", "334", "335", "338", "339", "340", "342", "345",
                          "346", "347", "348", "349", "366", "380", "388", "389", "391", "392", "393"))
        sub = _d(rng, 7)
        nat = [f"{pre} {sub[:3]} {sub[3:]}", f"{pre} {sub}", f"{pre}{sub}", f"{pre}-{sub}"]
        intl = [f"+39 {pre} {sub[:3]} {sub[3:]}", f"+39 {pre}{sub}", f"+39{pre}{sub}", f"0039 {pre} {sub}"]
        plain = f"{pre}{sub}"
    else:
        area, n = rng.choice((("06", 8), ("02", 8), ("011", 7), ("055", 7), ("081", 7), ("051", 7), ("041", 7)))
        sub = _d(rng, n, "2345789")  # not 06 6..: 06 698 is the Vatican's
        nat = [f"{area} {sub[:4]} {sub[4:]}", f"{area} {sub}", f"{area}/{sub}", f"{area}-{sub}"]
        intl = [f"+39 {area} {sub[:4]} {sub[4:]}", f"+39 {area} {sub}", f"+39{area}{sub}"]
        plain = f"{area}{sub}"
    if form == "plain":
        return plain
    if form == "e164":
        return "+39" + plain
    return _choose(rng, form, nat, intl)


def _nl(rng: random.Random, form: str) -> str:
    if rng.random() < 0.55:
        sub = _d(rng, 8, "12345")
        nat = [f"06-{sub}", f"06 {sub[:4]} {sub[4:]}", f"06 {sub}", f"06{sub}", f"06 - {sub}"]
        intl = [f"+31 6 {sub}", f"+31 (0)6 {sub[:4]} {sub[4:]}", f"+316{sub}", f"+31 6 {sub[:2]} {sub[2:4]} "
                f"{sub[4:6]} {sub[6:]}", f"0031 6 {sub}"]
        plain = f"06{sub}"
    else:
        area = rng.choice(("20", "10", "70", "30", "40", "50", "71", "13", "24", "26"))
        sub = _d(rng, 7, "23456789")
        nat = [f"0{area}-{sub[:3]} {sub[3:]}", f"0{area} {sub[:3]} {sub[3:]}", f"0{area}-{sub}", f"(0{area}) {sub}"]
        intl = [f"+31 {area} {sub[:3]} {sub[3:]}", f"+31 (0){area} {sub}", f"+31{area}{sub}"]
        plain = f"0{area}{sub}"
    if form == "plain":
        return plain
    if form == "e164":
        return "+31" + plain[1:]
    return _choose(rng, form, nat, intl)


def _br(rng: random.Random, form: str) -> str:
    ddd = rng.choice(("11", "21", "31", "41", "51", "61", "71", "81", "85", "19", "27", "48", "62", "92"))
    if rng.random() < 0.6:
        a, b = "9" + _d(rng, 4, "6789"), _d(rng, 4)
        nat = [f"({ddd}) {a}-{b}", f"({ddd}) {a[0]} {a[1:]}-{b}", f"{ddd} {a}-{b}", f"({ddd}){a}-{b}",
               f"0{ddd} {a}-{b}"]
    else:
        a, b = _d(rng, 4, "2345"), _d(rng, 4)
        nat = [f"({ddd}) {a}-{b}", f"{ddd} {a}-{b}", f"({ddd}) {a} {b}"]
    intl = [f"+55 {ddd} {a}-{b}", f"+55 ({ddd}) {a}-{b}", f"+55 {ddd} {a} {b}", f"+55{ddd}{a}{b}"]
    if form == "plain":
        return f"{ddd}{a}{b}"
    if form == "e164":
        return f"+55{ddd}{a}{b}"
    return _choose(rng, form, nat, intl)


_PHONES: dict[str, Callable[[random.Random, str], str]] = {
    "US": lambda r, f: _nanp(r, "US", f), "CA": lambda r, f: _nanp(r, "CA", f), "GB": _gb, "AU": _au, "IN": _in,
    "DE": _de, "FR": _fr, "ES": _es, "IT": _it, "NL": _nl, "BR": _br}
PHONE_REGIONS = tuple(sorted(_PHONES))


def phone(rng: random.Random, region: str, form: str = "") -> str:
    """A phone number valid for ``region`` (one of PHONE_REGIONS) in a form people write it in."""
    if region not in _PHONES:
        raise GuardError(f"no phone plan for region '{region}'", hint="one of " + ", ".join(PHONE_REGIONS))
    return _PHONES[region](rng, form)


# ---------------------------------------------------------------------------------------------- cards
def luhn_digit(body: str) -> str:
    """The Luhn check digit that makes ``body + digit`` valid."""
    total = 0
    for i, ch in enumerate(reversed(body)):
        n = int(ch)
        if i % 2 == 0:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return str((10 - total % 10) % 10)


def luhn_ok(digits: str) -> bool:
    return luhn_digit(digits[:-1]) == digits[-1]


def card(rng: random.Random, brand: str = "", form: str = "") -> str:
    """A Luhn-valid Visa, Mastercard, Amex or Discover number, spaced, dashed or plain."""
    brand = brand or rng.choice(("visa", "visa", "visa", "mc", "mc", "amex", "disc"))
    if brand == "visa":
        body = "4" + _d(rng, 14)
    elif brand == "mc":
        body = (str(rng.randint(51, 55)) + _d(rng, 13)) if rng.random() < 0.8 else (
            str(rng.randint(2221, 2720)) + _d(rng, 11))
    elif brand == "amex":
        body = rng.choice(("34", "37")) + _d(rng, 12)
    else:
        body = rng.choice(("6011", "6440", "6459", "6500", "6521")) + _d(rng, 11)
    num = body + luhn_digit(body)
    form = form or rng.choice(("space", "space", "space", "dash", "plain", "plain"))
    if form == "plain":
        return num
    sep = " " if form == "space" else "-"
    groups = [num[:4], num[4:10], num[10:]] if len(num) == 15 else [num[i:i + 4] for i in range(0, 16, 4)]
    return sep.join(groups)


# ---------------------------------------------------------------------------------------------- IBANs
def _mod97(s: str) -> int:
    return int("".join(str(int(c, 36)) for c in s)) % 97


def iban_check(country: str, bban: str) -> str:
    """The two ISO 13616 check digits for ``country`` + ``bban``."""
    return f"{98 - _mod97(bban + country + '00'):02d}"


_UP = string.ascii_uppercase


def _bban(rng: random.Random, country: str) -> str:
    """A BBAN in the country's real layout (bank codes of real banks where the layout has one)."""
    if country == "DE":
        return rng.choice(("10070000", "37040044", "50010517", "12030000", "70150000", "43060967", "20050550",
                           "60050101", "76010085", "30020900")) + _d(rng, 10, "0123456789")
    if country == "GB":
        return rng.choice(("NWBK", "BARC", "LOYD", "HBUK", "MIDL", "NAIA", "SRLG", "CLRB")) + _d(rng, 6) + _d(rng, 8)
    if country == "NL":
        return rng.choice(("ABNA", "INGB", "RABO", "TRIO", "SNSB", "ASNB", "KNAB", "BUNQ")) + _d(rng, 10)
    if country == "FR":
        bank = rng.choice(("30004", "30003", "30002", "20041", "10278", "30066", "18206"))
        branch, acct = _d(rng, 5), _d(rng, 11)
        key = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(acct)) % 97  # the RIB key
        return f"{bank}{branch}{acct}{key:02d}"
    if country == "ES":
        bank = rng.choice(("2100", "0049", "0182", "0081", "2080", "0128", "1465"))
        branch, acct = _d(rng, 4), _d(rng, 10)

        def dc(digits: str) -> str:
            w = (1, 2, 4, 8, 5, 10, 9, 7, 3, 6)
            v = 11 - sum(int(c) * w[i] for i, c in enumerate(digits.rjust(10, "0"))) % 11
            return str({10: 1, 11: 0}.get(v, v))
        return f"{bank}{branch}{dc('00' + bank + branch)}{dc(acct)}{acct}"
    if country == "IT":
        return rng.choice(_UP) + rng.choice(("03069", "02008", "05034", "01030", "03062", "08327")) + _d(rng, 5) + \
            _d(rng, 12)
    if country == "BE":
        first = _d(rng, 10, "0123456789")
        return first + f"{(int(first) % 97) or 97:02d}"
    if country == "AT":
        return rng.choice(("20111", "12000", "14000", "32000", "60000")) + _d(rng, 11)
    if country == "CH":
        return rng.choice(("00762", "00235", "00700", "08390")) + _d(rng, 12)
    if country == "IE":
        return rng.choice(("AIBK", "BOFI", "IPBS")) + _d(rng, 6) + _d(rng, 8)
    if country == "PL":
        return _d(rng, 24)
    if country == "PT":
        return rng.choice(("0002", "0007", "0033", "0035")) + _d(rng, 4) + _d(rng, 13)
    if country == "BR":
        return _d(rng, 8) + _d(rng, 5) + _d(rng, 10) + rng.choice("CP") + rng.choice("12")
    if country == "LU":
        return _d(rng, 3) + _d(rng, 13)
    raise GuardError(f"no IBAN layout for country '{country}'")


IBAN_COUNTRIES = ("AT", "BE", "BR", "CH", "DE", "ES", "FR", "GB", "IE", "IT", "LU", "NL", "PL", "PT")


def iban(rng: random.Random, country: str = "", form: str = "") -> str:
    """A mod-97-valid IBAN of a real country layout, grouped by four or compact."""
    country = country or rng.choice(IBAN_COUNTRIES)
    bban = _bban(rng, country)
    code = country + iban_check(country, bban) + bban
    form = form or rng.choice(("group", "group", "group", "compact"))
    return code if form == "compact" else " ".join(code[i:i + 4] for i in range(0, len(code), 4))


# ----------------------------------------------------------------------------------------------- SSNs
def ssn(rng: random.Random, form: str = "") -> str:
    """A US SSN in the issuable ranges: dashed (mostly), spaced, or plain (only where a cue precedes it)."""
    while True:
        area = rng.randint(1, 899)
        if area != 666:
            break
    group, serial = rng.randint(1, 99), rng.randint(1, 9999)
    form = form or rng.choice(("dash", "dash", "dash", "dash", "space"))
    sep = {"dash": "-", "space": " ", "plain": ""}[form]
    return f"{area:03d}{sep}{group:02d}{sep}{serial:04d}"


# ------------------------------------------------------------------------------------------------ IPs
def ipv4(rng: random.Random, kind: str = "") -> str:
    """A host address (last octet 1-254) of a range people meet: private, public, CGNAT, loopback, ..."""
    kind = kind or rng.choice(("priv", "priv", "priv", "pub", "pub", "pub", "pub", "cgnat", "doc"))
    if kind == "priv":
        kind = rng.choice(("p10", "p172", "p192"))
    if kind == "p10":
        return f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    if kind == "p172":
        return f"172.{rng.randint(16, 31)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    if kind == "p192":
        return f"192.168.{rng.choice((0, 1, 1, 2, 10, 100, 178, rng.randint(0, 255)))}.{rng.randint(1, 254)}"
    if kind == "cgnat":
        return f"100.{rng.randint(64, 127)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    if kind == "doc":
        return rng.choice(("192.0.2", "198.51.100", "203.0.113")) + f".{rng.randint(1, 254)}"
    if kind == "lo":
        return rng.choice(("127.0.0.1", "127.0.0.1", "127.0.1.1", f"127.0.0.{rng.randint(2, 9)}"))
    if kind == "ll":
        return f"169.254.{rng.randint(1, 254)}.{rng.randint(1, 254)}"
    # public: a first octet outside the reserved and private blocks
    while True:
        a = rng.randint(1, 223)
        if a not in (10, 100, 127, 169, 172, 192, 198, 203):
            break
    return f"{a}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


def _compress(groups: list[int]) -> str:
    """RFC 5952 text: lower-case, the longest run (2+) of zero groups as ``::``."""
    best, run, start = (-1, 0), 0, -1
    for i, g in enumerate([*groups, 1]):
        if g == 0:
            if run == 0:
                start = i
            run += 1
        else:
            if run > best[1] and run >= 2:
                best = (start, run)
            run = 0
    parts = [f"{g:x}" for g in groups]
    if best[0] < 0:
        return ":".join(parts)
    s, n = best
    return ":".join(parts[:s]) + "::" + ":".join(parts[s + n:])


def ipv6(rng: random.Random, kind: str = "") -> str:
    """A host IPv6 address: global, ULA, link-local (no zone), documentation, IPv4-mapped or loopback."""
    kind = kind or rng.choice(("gua", "gua", "gua", "ula", "ll", "doc", "doc"))
    if kind == "lo":
        return "::1"
    if kind == "mapped":
        return "::ffff:" + ipv4(rng, rng.choice(("priv", "pub")))
    if kind == "ll":
        iid = [rng.randint(0, 0xFFFF) for _ in range(4)]
        return _compress([0xFE80, 0, 0, 0, *iid])
    if kind == "ula":
        head = [0xFD00 | rng.randint(0, 0xFF), rng.randint(0, 0xFFFF), rng.randint(0, 0xFFFF), rng.randint(0, 0xFF)]
    elif kind == "doc":
        head = [0x2001, 0x0DB8, rng.randint(0, 0xFFFF), rng.choice((0, 1, rng.randint(0, 0xFFFF)))]
    else:
        head = [rng.choice((0x2001, 0x2a00, 0x2a01, 0x2a02, 0x2600, 0x2607, 0x2406, 0x2800, 0x2c0f)) | (
            rng.randint(0, 0xF) if rng.random() < 0.3 else 0), rng.randint(0, 0xFFFF), rng.randint(0, 0xFFFF),
            rng.randint(0, 0xFFFF)]
    style = rng.random()
    if style < 0.45:  # small interface id, like a server's ::10 or ::1:5
        tail = [0, 0, rng.choice((0, 0, 1)), rng.randint(1, 0x200)]
    else:
        tail = [rng.randint(0, 0xFFFF) for _ in range(4)]
    groups = head + tail
    if kind == "full":
        return ":".join(f"{g:04x}" for g in groups)
    text = _compress(groups)
    return text.upper() if rng.random() < 0.06 else text


def ip(rng: random.Random) -> str:
    return ipv6(rng) if rng.random() < 0.2 else ipv4(rng)


# --------------------------------------------------------------------------------------------- e-mail
_FREEMAIL = {"US": ("gmail.com", "yahoo.com", "outlook.com", "icloud.com", "hotmail.com", "aol.com", "proton.me"),
             "CA": ("gmail.com", "outlook.com", "yahoo.ca", "shaw.ca", "rogers.com", "icloud.com"),
             "GB": ("gmail.com", "outlook.com", "yahoo.co.uk", "btinternet.com", "hotmail.co.uk", "sky.com"),
             "AU": ("gmail.com", "outlook.com", "bigpond.com", "icloud.com", "optusnet.com.au"),
             "IN": ("gmail.com", "yahoo.co.in", "rediffmail.com", "outlook.com", "hotmail.com"),
             "DE": ("gmx.de", "web.de", "t-online.de", "gmail.com", "posteo.de", "outlook.de"),
             "FR": ("gmail.com", "orange.fr", "free.fr", "laposte.net", "sfr.fr", "hotmail.fr"),
             "ES": ("gmail.com", "hotmail.es", "yahoo.es", "telefonica.net", "outlook.es"),
             "IT": ("gmail.com", "libero.it", "virgilio.it", "tiscali.it", "alice.it"),
             "NL": ("gmail.com", "ziggo.nl", "kpnmail.nl", "hotmail.nl", "xs4all.nl", "outlook.com"),
             "BR": ("gmail.com", "uol.com.br", "bol.com.br", "hotmail.com", "terra.com.br", "yahoo.com.br")}
_TLD = {"US": "com", "CA": "ca", "GB": "co.uk", "AU": "com.au", "IN": "in", "DE": "de", "FR": "fr", "ES": "es",
        "IT": "it", "NL": "nl", "BR": "com.br"}


def ascii_fold(text: str) -> str:
    """Lower-case ASCII letters and digits only (accents dropped), for e-mail local parts and domains."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", plain.lower())


def company_domain(company: str, region: str) -> str:
    words = [ascii_fold(w) for w in re.split(r"[\s,&/-]+", company)]
    words = [w for w in words if w and w not in ("and", "und", "e", "y", "et", "en", "ltd", "llc", "inc", "plc",
                                                  "gmbh", "ag", "kg", "sa", "srl", "spa", "bv", "nv", "sl", "sas",
                                                  "sarl", "pvt", "ltda", "me", "the", "group", "co", "coop", "scoop")]
    base = "-".join(words[:2]) or "example"
    return f"{base[:24].strip('-')}.{_TLD[region] if region else 'com'}"


def person_email(rng: random.Random, first: str, last: str, region: str, domain: str = "") -> str:
    """An address made from a person's name the way people and companies make them."""
    f, la = ascii_fold(first.split()[0]) or "x", ascii_fold(last.split()[-1]) or "y"
    local = rng.choice((f"{f}.{la}", f"{f}.{la}", f"{f[0]}{la}", f"{f}{la}", f"{f}_{la}",
                        f"{f}.{la}{rng.randint(1, 99)}",
                        f"{la}.{f}", f"{f}{rng.randint(70, 2005)}", f"{f[0]}.{la}", f"{f}-{la}"))
    if not domain:
        domain = rng.choice(_FREEMAIL.get(region, _FREEMAIL["US"]))
    if rng.random() < 0.04:
        local += "+" + rng.choice(("news", "shop", "work", "github", "bank"))
    return f"{local}@{domain}"


_HANDLES = ("skyline", "bluefox", "pixel", "nomad", "orbit", "quietriver", "tango", "maple", "cobalt", "ember",
            "granite", "willow", "zephyr", "lumen", "harbor", "kestrel", "juniper", "atlas", "nebula", "sparrow")


def handle_email(rng: random.Random, region: str) -> str:
    return f"{rng.choice(_HANDLES)}{rng.choice(('', '_', '.'))}{rng.randint(1, 9999)}@" + rng.choice(
        _FREEMAIL.get(region, _FREEMAIL["US"]))


ROLE_ACCOUNTS = ("support", "billing", "noreply", "no-reply", "info", "security", "privacy", "hr", "accounts",
                 "helpdesk", "ops", "admin", "sales", "contact", "dpo", "it-support", "payroll", "alerts")


# ------------------------------------------------------------------------- look-alikes and filler
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTHS_LONG = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December")
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_HEX = "0123456789abcdef"
_B64 = string.ascii_letters + string.digits + "+/"
_BICS = ("COBADEFFXXX", "DEUTDEFF", "BNPAFRPP", "INGBNL2A", "BARCGB22", "CAIXESBBXXX", "BCITITMM", "RABONL2U",
         "NWBKGB2L", "SOGEFRPP", "BSCHESMM", "UNCRITMM", "GENODEM1GLS", "ABNANL2A", "ITAUBRSP")
_OIDS = ("1.3.6.1.4.1.311.21.7", "2.5.4.3", "2.5.4.10", "1.2.840.113549.1.1.11", "1.3.6.1.2.1.1.3.0",
         "2.5.29.32.0", "1.3.6.1.5.5.7.3.1", "1.3.6.1.4.1.9.9.13.1.3", "2.16.840.1.101.3.4.2.1",
         "1.3.6.1.2.1.2.2.1.10.1", "2.5.4.6", "1.2.840.10045.4.3.2", "1.3.6.1.4.1.2011.5.25.31.1")
_US_STATES = ("CA", "TX", "NY", "FL", "IL", "WA", "MA", "CO", "GA", "NC", "AZ", "OR", "VA", "MN")
_DISTRICTS = ("NORTHERN DISTRICT OF CALIFORNIA", "SOUTHERN DISTRICT OF NEW YORK", "DISTRICT OF MASSACHUSETTS",
              "EASTERN DISTRICT OF TEXAS", "NORTHERN DISTRICT OF ILLINOIS", "WESTERN DISTRICT OF WASHINGTON")
_STREETS = {"en": ("High Street", "Station Road", "Main Street", "Oak Avenue", "Church Lane", "Park Road",
                   "Maple Drive", "Victoria Road", "Elm Street", "King Street", "Harbour Road", "Mill Lane"),
            "de": ("Hauptstraße", "Bahnhofstraße", "Schillerstraße", "Gartenweg", "Lindenallee", "Am Markt"),
            "fr": ("rue de la République", "avenue Victor Hugo", "rue des Lilas", "boulevard Voltaire", "rue du Port"),
            "es": ("Calle Mayor", "Avenida de la Constitución", "Calle del Sol", "Paseo de Gracia", "Calle Real"),
            "it": ("Via Roma", "Corso Italia", "Via Garibaldi", "Viale dei Mille", "Via Dante"),
            "nl": ("Dorpsstraat", "Kerkstraat", "Stationsweg", "Molenlaan", "Prinsengracht"),
            "pt": ("Rua das Flores", "Avenida Paulista", "Rua Sete de Setembro", "Rua do Comércio")}
_HANDLE_WORDS = ("nightowl", "packetloss", "zerocool", "byteme", "hexhound", "lagwizard", "rootbeer", "synack",
                 "tcpdumpster", "kernelpanic", "pingu", "darkfiber", "bitflip", "catfive", "modemtoad")
_CURRENCY = {"US": "$", "CA": "CA$", "GB": "£", "AU": "A$", "IN": "₹", "DE": "€", "FR": "€", "ES": "€",
             "IT": "€", "NL": "€", "BR": "R$"}


def _hex(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(_HEX) for _ in range(n))


def _alnum(rng: random.Random, n: int, alphabet: str = string.ascii_uppercase + string.digits) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def _amount(rng: random.Random, region: str, low: float = 3, high: float = 9000) -> str:
    """A money amount written the region's way (1,249.00 / 1.249,00 / 1 249,00)."""
    import math

    cents = int(100 * math.exp(rng.uniform(math.log(low), math.log(high))))  # small amounts are the common ones
    whole, frac = f"{cents // 100:,}", f"{cents % 100:02d}"
    if region in ("DE", "ES", "IT", "NL", "BR"):
        return whole.replace(",", ".") + "," + frac
    if region == "FR":
        return whole.replace(",", "\u202f") + "," + frac
    return f"{whole}.{frac}"


def _price(rng: random.Random, region: str) -> str:
    amount, sym = _amount(rng, region), _CURRENCY[region]
    return f"{amount} {sym}" if region in ("DE", "FR", "ES", "IT") else f"{sym}{amount}"


def _date(rng: random.Random, region: str, when: Any, iso: bool = False) -> str:
    y, m, d = when.year, when.month, when.day
    if iso:
        return f"{y}-{m:02d}-{d:02d}"
    if region == "US":
        return rng.choice((f"{m:02d}/{d:02d}/{y}", f"{_MONTHS_LONG[m - 1]} {d}, {y}", f"{m}/{d}/{y}"))
    if region == "DE":
        return rng.choice((f"{d:02d}.{m:02d}.{y}", f"{d}. {_MONTHS_LONG[m - 1][:3]}. {y}"))
    if region in ("NL",):
        return rng.choice((f"{d:02d}-{m:02d}-{y}", f"{d}-{m}-{y}"))
    if region in ("CA", "IN", "AU", "GB"):
        return rng.choice((f"{d:02d}/{m:02d}/{y}", f"{d} {_MONTHS_LONG[m - 1]} {y}", f"{y}-{m:02d}-{d:02d}"))
    return f"{d:02d}/{m:02d}/{y}"


def _postcode(rng: random.Random, region: str) -> str:
    up = string.ascii_uppercase
    if region == "US":
        return _d(rng, 5, "123456789") + (f"-{_d(rng, 4)}" if rng.random() < 0.3 else "")
    if region == "GB":
        return (rng.choice(("SW", "N", "E", "M", "B", "LS", "EH", "G", "BS", "CF")) + str(rng.randint(1, 20))
                + " " + str(rng.randint(1, 9)) + rng.choice(up) + rng.choice(up))
    if region == "CA":
        return f"{rng.choice('KLMNTV')}{rng.randint(1, 9)}{rng.choice(up)} {rng.randint(1, 9)}{rng.choice(up)}" \
               f"{rng.randint(1, 9)}"
    if region == "NL":
        return f"{rng.randint(1000, 9999)} {rng.choice(up)}{rng.choice(up)}"
    if region == "BR":
        return f"{_d(rng, 5, '0123456789')}-{_d(rng, 3)}"
    if region == "IN":
        return _d(rng, 6, "1234567")
    if region == "AU":
        return _d(rng, 4, "234567")
    return _d(rng, 5, "0123456789")


def _creditor_id(rng: random.Random) -> str:
    """A SEPA creditor identifier: it carries ISO 7064 check digits like an IBAN, but is no account."""
    country = rng.choice(("DE", "NL", "FR", "ES", "IT"))
    national = _d(rng, 11) if country != "NL" else _d(rng, 8) + "0000"
    check = f"{98 - _mod97(national + country + '00'):02d}"
    return f"{country}{check}ZZZ{national}"


def _rf(rng: random.Random) -> str:
    """An ISO 11649 creditor reference (RF + mod-97 check digits): IBAN-like, not an account."""
    ref = _d(rng, rng.randint(8, 15))
    code = f"RF{98 - _mod97(ref + 'RF00'):02d}{ref}"
    return " ".join(code[i:i + 4] for i in range(0, len(code), 4)) if rng.random() < 0.6 else code


def _routing(rng: random.Random) -> str:
    """An ABA routing number (3-7-1 weighted check digit)."""
    body = rng.choice(("0", "1", "2", "3")) + _d(rng, 7)
    s = sum(int(c) * w for c, w in zip(body, (3, 7, 1, 3, 7, 1, 3, 7)))
    return body + str((10 - s % 10) % 10)


def _cpf(rng: random.Random) -> str:
    digits = [int(c) for c in _d(rng, 9)]
    for n in (10, 11):
        s = sum(dg * w for dg, w in zip(digits, range(n, 1, -1)))
        digits.append(0 if s % 11 < 2 else 11 - s % 11)
    t = "".join(map(str, digits))
    return f"{t[:3]}.{t[3:6]}.{t[6:9]}-{t[9:]}"


def _imei(rng: random.Random) -> str:
    """A 15-digit IMEI (Luhn-checked, like a card number, but a device id with a 35/86 TAC)."""
    body = rng.choice(("35", "86", "35", "01")) + _d(rng, 12)
    return body + luhn_digit(body)


def _not_card(rng: random.Random, n: int) -> str:
    """``n`` digits that fail the Luhn check (a gift-card or loyalty number, never a card)."""
    body = _d(rng, n, "6789")
    while luhn_ok(body):
        body = body[:-1] + str((int(body[-1]) + 1) % 10)
    return body


def _ver4(rng: random.Random) -> str:
    """A four-part version (file/firmware/assembly): often shaped like a dotted quad, never an address."""
    return f"{rng.randint(1, 20)}.{rng.randint(0, 30)}.{rng.randint(0, 60)}.{rng.randint(0, 255)}"


def _mac(rng: random.Random, sep: str = ":", upper: bool = False) -> str:
    text = sep.join(_hex(rng, 2) for _ in range(6))
    return text.upper() if upper else text


def _net4(rng: random.Random) -> str:
    """A CIDR block with its host bits zero (a network, not a host)."""
    plen = rng.choice((8, 12, 16, 16, 20, 22, 23, 24, 24, 24, 25, 26, 28))
    base = rng.choice((10 << 24, (172 << 24) | (16 << 16), (192 << 24) | (168 << 16), rng.randint(1, 223) << 24))
    addr = (base | rng.randint(0, (1 << 24) - 1)) & ((0xFFFFFFFF << (32 - plen)) & 0xFFFFFFFF)
    return ".".join(str((addr >> s) & 255) for s in (24, 16, 8, 0)) + f"/{plen}"


def _track(rng: random.Random) -> str:
    kind = rng.randint(0, 3)
    if kind == 0:
        return "1Z" + _alnum(rng, 6) + _d(rng, 10)
    if kind == 1:
        return "9400 " + " ".join(_d(rng, 4) for _ in range(4)) + " " + _d(rng, 2)
    if kind == 2:
        return _alnum(rng, 2, string.ascii_uppercase) + _d(rng, 9) + rng.choice(("GB", "DE", "FR", "NL"))
    return "JD01" + _d(rng, 16)


def _ean(rng: random.Random, prefix: str = "") -> str:
    body = prefix + _d(rng, 12 - len(prefix))
    s = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(body))
    return body + str((10 - s % 10) % 10)


# ----------------------------------------------------------------------------------------- rendering
_SLOT = re.compile(r"⟦([A-Z0-9]+)(?::([^#⟧]*))?(?:#(\w+))?⟧")
_PERSON_SLOTS = ("NAME", "FIRST", "EMAIL", "USER")


@dataclass
class _Text:
    """What one text draws from: its locale's Faker, the rng, and the values its slots share."""

    rng: random.Random
    fake: Any
    locale: str
    first_names: frozenset[str]
    no_apostrophe: bool = False
    persons: dict[str, tuple[str, str]] = field(default_factory=dict)
    orgs: dict[str, str] = field(default_factory=dict)
    cache: dict[str, str] = field(default_factory=dict)
    phone_regions: list[str] = field(default_factory=list)
    clock: Any = None
    anchor: Any = None
    lan: str = ""
    lan6: list[int] = field(default_factory=list)

    @property
    def region(self) -> str:
        return REGION[self.locale]

    @property
    def lang(self) -> str:
        return self.locale[:2]

    # -- names (Faker) ------------------------------------------------------------------------------
    def person(self, ref: str) -> tuple[str, str]:
        if ref not in self.persons:
            taken = {f"{a} {b}" for a, b in self.persons.values()}
            while True:
                first, last = self.fake.first_name(), self.fake.last_name()
                if f"{first} {last}" in taken or (self.no_apostrophe and "'" in first + last):
                    continue
                break
            self.persons[ref] = (first, last)
        return self.persons[ref]

    def _no_first_name(self, draw: Callable[[], str]) -> str:
        """A company or city name with no first name of the locale in it (those would read as people)."""
        for _ in range(200):
            value = draw()
            if not any(w in self.first_names for w in re.findall(r"[^\W\d_]+", value)):
                return value
        raise GuardError(f"no company/city name without a first name in 200 draws ({self.locale})")

    def org(self, kind: str, ref: str) -> str:
        key = f"{kind}#{ref}"
        if key not in self.orgs:
            if kind == "COMPANY":
                self.orgs[key] = self._no_first_name(self.fake.company)
            else:
                self.orgs[key] = self._no_first_name(self._city)
        return self.orgs[key]

    def _city(self) -> str:
        # it_IT builds its city list from a set (its order follows PYTHONHASHSEED): draw from it sorted
        cities = getattr(_provider(self.fake, "cities"), "cities", None)
        if self.locale == "it_IT" and cities:
            return str(self.rng.choice(sorted(cities)))
        return str(self.fake.city())

    # -- time -----------------------------------------------------------------------------------------
    def tick(self) -> Any:
        """The text's clock, moved on a little: log lines in one text run forward in time."""
        import datetime as dt

        if self.clock is None:
            self.clock = dt.datetime(2023, 1, 1) + dt.timedelta(seconds=self.rng.randint(0, 900 * 86400))
        self.clock += dt.timedelta(seconds=self.rng.randint(0, 95), microseconds=self.rng.randint(0, 999999))
        return self.clock

    def day(self, lo: int = 0, hi: int = 0) -> Any:
        """A date in ``lo``..``hi`` (years); without them, within weeks of the text's own date."""
        import datetime as dt

        if lo:
            return dt.date(lo, 1, 1) + dt.timedelta(days=self.rng.randint(0, (hi - lo) * 365))
        if self.anchor is None:
            self.anchor = dt.date(2016, 1, 1) + dt.timedelta(days=self.rng.randint(0, 3650))
        return self.anchor + dt.timedelta(days=self.rng.randint(-40, 40))

    # -- networks -------------------------------------------------------------------------------------
    def lan_prefix(self) -> str:
        if not self.lan:
            r = self.rng
            self.lan = r.choice(("192.168.0", "192.168.1", "192.168.1", "192.168.178", f"192.168.{r.randint(2, 254)}",
                                 "10.0.0", f"10.{r.randint(0, 255)}.{r.randint(0, 255)}", f"172.{r.randint(16, 31)}.0"))
        return self.lan

    def lan6_prefix(self) -> list[int]:
        if not self.lan6:
            r = self.rng
            first = r.choice((0x2001, 0x2a02, 0x2a01, 0x2600, 0xFD00 | r.randint(0, 0xFF)))
            self.lan6 = [first, r.randint(0, 0xFFFF), r.randint(0, 0xFFFF), r.randint(0, 0xFF)]
        return self.lan6


def _provider(fake: Any, attr: str) -> Any:
    """The first of a Faker instance's providers that has ``attr`` (None when none has it)."""
    for prov in fake.get_providers():
        if hasattr(prov, attr):
            return prov
    return None


def _first_names(fake: Any) -> frozenset[str]:
    """Every first name the locale's person provider can draw (for the company/city redraw rule)."""
    prov = _provider(fake, "first_names")
    names: set[str] = set()
    for attr in ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary"):
        for name in getattr(prov, attr, ()) or ():
            names.update(re.findall(r"[^\W\d_]+", str(name)))
    return frozenset(names)


def _args(arg: str) -> list[str]:
    return [a for a in arg.split(",") if a]


def _labelled(t: _Text, kind: str, arg: str, ref: str) -> tuple[str, str] | None:
    """The value and label of a labelled slot, or None when ``kind`` is not one."""
    r, region = t.rng, t.region
    if kind in ("NAME", "FIRST"):
        first, last = t.person(ref)
        if kind == "FIRST":
            return first, "PERSON"
        if arg == "lf":
            return f"{last}, {first}", "PERSON"
        if arg == "mid":
            return f"{first} {r.choice(string.ascii_uppercase)}. {last}", "PERSON"
        return f"{first} {last}", "PERSON"
    if kind == "EMAIL":
        if arg == "handle":
            return handle_email(r, region), "EMAIL_ADDRESS"
        domain = company_domain(t.org("COMPANY", "1"), region)
        if arg.startswith("role"):
            role = arg.split(":", 1)[1] if ":" in arg else r.choice(ROLE_ACCOUNTS)
            return f"{role}@{domain}", "EMAIL_ADDRESS"
        first, last = t.person(ref)
        return person_email(r, first, last, region, domain if arg == "work" else ""), "EMAIL_ADDRESS"
    if kind == "PHONE":
        opts = _args(arg)
        where = next((o for o in opts if o in _PHONES), region)
        form = next((o for o in opts if o not in _PHONES), "")
        value = phone(r, where, form)
        t.cache[f"phone-region:{value}"] = where
        return value, "PHONE_NUMBER"
    if kind == "CARD":
        opts = _args(arg)
        brand = next((o for o in opts if o in ("visa", "mc", "amex", "disc")), "")
        return card(r, brand, next((o for o in opts if o in ("space", "dash", "plain")), "")), "CREDIT_CARD"
    if kind == "IBAN":
        opts = _args(arg)
        country = next((o for o in opts if o in IBAN_COUNTRIES), region if region in IBAN_COUNTRIES else "")
        return iban(r, country, next((o for o in opts if o in ("compact", "group")), "")), "IBAN_CODE"
    if kind == "SSN":
        return ssn(r, arg), "US_SSN"
    if kind in ("IP4", "IP6", "IP"):
        return _ip_slot(t, kind, arg), "IP_ADDRESS"
    return None


def _ip_slot(t: _Text, kind: str, arg: str) -> str:
    r = t.rng
    if arg.startswith("="):
        return arg[1:]
    if kind == "IP":
        return ip(r)
    if kind == "IP4":
        if arg == "lan":
            return f"{t.lan_prefix()}.{r.randint(2, 253)}"
        if arg == "gw":
            return t.cache.setdefault("gw", f"{t.lan_prefix()}.{1 if r.random() < 0.85 else 254}")
        if arg.startswith("pfx="):
            return f"{arg[4:]}.{r.randint(2, 254)}"
        return ipv4(r, arg)
    if arg == "lan":
        iid = [r.randint(0, 0xFFFF) for _ in range(4)]
        if r.random() < 0.3:  # EUI-64 from a MAC: ..ff:fe..
            iid[1] = (iid[1] & 0xFF00) | 0xFF
            iid[2] = 0xFE00 | (iid[2] & 0xFF)
        return _compress(t.lan6_prefix() + iid)
    return ipv6(r, arg)


def _unlabelled(t: _Text, kind: str, arg: str, ref: str) -> str:
    """An unlabelled slot: a Faker company/city name, a look-alike identifier or plain filler."""
    r, region = t.rng, t.region
    if kind in ("COMPANY", "CITY"):
        return t.org(kind, ref)
    if kind == "USER":
        if r.random() < 0.2:
            return r.choice(("deploy", "jenkins", "svc-backup", "ubuntu", "ec2-user", "admin", "git", "oracle"))
        first, last = t.person(ref)
        return (ascii_fold(first)[:1] + ascii_fold(last))[:12] or "user"
    if kind == "INT":
        lo, hi = (int(x) for x in arg.split("-"))
        return str(r.randint(lo, hi))
    if kind == "HEX":
        return _hex(r, int(arg or 16))
    if kind in ("TIME", "TIME12", "SYSLOGTS", "ISOTS", "TS", "CLF", "NGXTS", "PYTS", "HAPTS", "OVPNTS", "REDISTS",
                "LOGCATTS", "APACHEERRTS", "RFC2822", "GITDATE", "LASTLOGIN", "NMAPTS", "ICSDATE", "LDAPTS",
                "EPOCH", "EPOCHMS"):
        return _timestamp(kind, t.tick(), t.cache.setdefault("zone", r.choice(("+0000", "+0100", "+0200", "-0500",
                                                                                 "+0530"))))
    if kind == "WADATE":  # a chat export's date: on the text's clock, so the lines run forward
        when = t.tick()
        return f"{when.month}/{when.day}/{when.year % 100:02d}" if region == "US" else \
            f"{when.day:02d}/{when.month:02d}/{when.year}"
    if kind in ("DATE", "DOB", "YEAR", "MONTHYEAR"):
        when = t.day(1950, 2005) if kind == "DOB" else t.day(2008, 2026) if kind == "YEAR" else t.day()
        if kind == "YEAR":
            return str(when.year)
        if kind == "MONTHYEAR":
            return f"{_MONTHS_LONG[when.month - 1]} {when.year}"
        return _date(r, region, when, iso=arg == "iso")
    simple: dict[str, Callable[[], str]] = {
        "AMOUNT": lambda: _amount(r, region),
        "PRICE": lambda: _price(r, region),
        "FLOAT": lambda: f"{r.uniform(0, 99):.{r.choice((1, 2, 3))}f}",
        "PID": lambda: str(r.randint(200, 399999)),
        "PORT": lambda: str(r.randint(32768, 60999)) if arg == "eph" else "25565" if arg == "mc" else r.choice(
            ("80", "443", "8080", "8443", "3000", "5432", "6379", "9090", "22", "2222", "5000", "9200")),
        "VERSION": lambda: f"{r.randint(0, 24)}.{r.randint(0, 40)}.{r.randint(0, 30)}",
        "VER4": lambda: _ver4(r),
        "BUILD": lambda: r.choice((f"{r.randint(110, 130)}.0.{r.randint(5000, 6999)}.{r.randint(10, 250)}",
                                   f"10.0.{r.randint(17763, 22631)}.{r.randint(100, 4000)}")),
        "WINBUILD": lambda: f"10.0.{r.randint(19041, 22631)}",
        "UBUNTU": lambda: r.choice(("20.04.6", "22.04.4", "24.04.1", "22.04.3")),
        "KERNEL": lambda: f"{r.choice(('5.15.0', '6.5.0', '6.8.0', '5.4.0'))}-{r.randint(20, 200)}-generic",
        "IOSVER": lambda: f"15.{r.randint(0, 9)}({r.randint(1, 9)}){r.choice('EMST')}{r.randint(1, 9)}",
        "BUILDID": lambda: f"{r.choice(('UP1A', 'TQ3A', 'AP2A'))}.{r.randint(230101, 241231)}.{r.randint(1, 30):03d}",
        "OID": lambda: r.choice(_OIDS) if r.random() < 0.7 else f"1.3.6.1.4.1.{r.randint(1000, 60000)}."
                                                                  f"{r.randint(1, 20)}.{r.randint(1, 9)}",
        "MAC": lambda: _mac(r),
        "MACDASH": lambda: _mac(r, "-", True),
        "MACHDR": lambda: ":".join(_hex(r, 2) for _ in range(12)) + ":08:00",
        "HEXCOLON": lambda: ":".join(_hex(r, 2) for _ in range(16)),
        "UUID": lambda: f"{_hex(r, 8)}-{_hex(r, 4)}-4{_hex(r, 3)}-{r.choice('89ab')}{_hex(r, 3)}-{_hex(r, 12)}",
        "SHA": lambda: _hex(r, 40),
        "SHA256": lambda: _hex(r, 64),
        "SHORTSHA": lambda: _hex(r, 7),
        "B64KEY": lambda: "".join(r.choice(_B64) for _ in range(42)) + r.choice("AEIMQUYcgkosw048") + "=",
        "FPR": lambda: "SHA256:" + "".join(r.choice(_B64) for _ in range(43)),
        "UPTIME": lambda: f"{r.randint(5, 9999999)}.{r.randint(0, 999999):06d}",
        "DUR": lambda: {"h": f"{r.randint(0, 40)}d {r.randint(0, 23)}h {r.randint(0, 59)}m",
                        "dhms": f"{r.randint(0, 400)} days, {r.randint(0, 23)}:{r.randint(0, 59):02d}:"
                                f"{r.randint(0, 59):02d}.{r.randint(0, 99):02d}",
                        "s": f"{r.randint(0, 2)}:{r.randint(0, 59):02d}"}[arg or "s"],
        "TIMECODE": lambda: ":".join(f"{r.randint(0, 23 if i == 0 else 59):02d}" for i in range(4)),
        "ORDER": lambda: r.choice((f"{_d(r, 3)}-{_d(r, 7)}-{_d(r, 7)}", f"ORD-{r.randint(2019, 2025)}-{_d(r, 6)}",
                                   f"#{_d(r, 6, '123456789')}", f"SO{_d(r, 7)}", f"W{_d(r, 9)}")),
        "INVOICE": lambda: r.choice((f"INV-{r.randint(2019, 2025)}-{_d(r, 5)}",
                                     f"RE-{r.randint(2019, 2025)}-{_d(r, 4)}",
                                     f"F{r.randint(2019, 2025)}-{_d(r, 4)}", f"{_d(r, 8, '123456789')}",
                                     f"FAC/{r.randint(2019, 2025)}/{_d(r, 3)}")),
        "TICKET": lambda: r.choice((f"#{_d(r, 5, '123456789')}", f"CS-{_d(r, 6)}", f"REQ{_d(r, 7)}", f"SR-{_d(r, 5)}")),
        "JIRAKEY": lambda: f"{r.choice(('OPS', 'SEC', 'PLAT', 'BILL', 'NET', 'DATA'))}-{r.randint(10, 9999)}",
        "INCNUM": lambda: f"INC{_d(r, 7)}",
        "QID": lambda: _hex(r, r.choice((10, 11))).upper(),
        "CASEID": lambda: r.choice((f"CS-{_d(r, 8)}", f"{_d(r, 8, '0')}", f"DSP-{_d(r, 6)}")),
        "CLAIM": lambda: f"CLM-{r.randint(2019, 2025)}-{_d(r, 6)}",
        "POLICY": lambda: f"{_alnum(r, 3, string.ascii_uppercase)}{_d(r, 8)}",
        "CONTRACT": lambda: f"{_alnum(r, 2, string.ascii_uppercase)}-{_d(r, 6)}",
        "MANDATE": lambda: f"M-{_alnum(r, 10)}",
        "CREDID": lambda: _creditor_id(r),
        "RF": lambda: _rf(r),
        "BIC": lambda: r.choice(_BICS),
        "VAT": lambda: _vat(r, arg or r.choice(("DE", "FR", "GB", "IT", "NL", "ES"))),
        "SORTCODE": lambda: f"{_d(r, 2, '123456789')}-{_d(r, 2)}-{_d(r, 2)}",
        "ROUTING": lambda: _routing(r),
        "EIN": lambda: f"{r.choice(('12', '20', '27', '45', '46', '52', '81', '84', '94'))}-{_d(r, 7)}",
        "ITIN": lambda: f"9{_d(r, 2)}-{r.choice(('70', '71', '75', '78', '80', '88', '90', '92', '94', '99'))}-"
                        f"{_d(r, 4)}",
        "MSSN": lambda: r.choice(("***-**-", "XXX-XX-", "xxx-xx-", "•••-••-")) + _d(r, 4),
        "MCARD": lambda: r.choice(("**** **** **** ", "•••• ", "XXXX-XXXX-XXXX-", "ending ", "************"))
        + _d(r, 4),
        "MIBAN": lambda: r.choice(IBAN_COUNTRIES[:8]) + "** **** **** **** " + _d(r, 4),
        "LAST4": lambda: _d(r, 4),
        "EXP": lambda: f"{r.randint(1, 12):02d}/{r.randint(25, 31)}",
        "CARDBRAND": lambda: r.choice(("Visa", "Mastercard", "Amex", "VISA", "MC")),
        "IMEI": lambda: _imei(r),
        "GIFT": lambda: _not_card(r, 16),
        "AWSACCT": lambda: _d(r, 12, "123456789"),
        "SERIAL": lambda: _alnum(r, 12),
        "PRODUCTID": lambda: f"00330-{_d(r, 5)}-{_d(r, 5)}-AA{_d(r, 3)}",
        "PASSPORT": lambda: _d(r, 9, "123456789"),
        "MEMBERID": lambda: f"{_alnum(r, 3, string.ascii_uppercase)}{_d(r, 9)}",
        "NINO": lambda: f"{r.choice(('AB', 'JE', 'NX', 'PW', 'SK', 'WR'))} {_d(r, 2)} {_d(r, 2)} {_d(r, 2)} "
                        f"{r.choice('ABCD')}",
        "CSCO": lambda: f"CSCO{_d(r, 8)}",
        "SIRET": lambda: _siret(r),
        "CIF": lambda: f"{r.choice('ABG')}{_d(r, 8)}",
        "DNI": lambda: _dni(r),
        "CODFISC": lambda: _alnum(r, 6, string.ascii_uppercase) + _d(r, 2) + r.choice("ABCDEHLMPRST") + _d(r, 2)
        + r.choice("ADFHLM") + _d(r, 3) + r.choice(string.ascii_uppercase),
        "CPF": lambda: _cpf(r),
        "BOLETO": lambda: f"{_d(r, 5)}.{_d(r, 5)} {_d(r, 5)}.{_d(r, 6)} {_d(r, 5)}.{_d(r, 6)} {_d(r, 1)} {_d(r, 14)}",
        "TRACK": lambda: _track(r),
        "ISBN": lambda: _isbn(r),
        "EAN": lambda: _ean(r, r.choice(("40", "50", "76", "80", "87"))),
        "SKU": lambda: f"{_alnum(r, 3, string.ascii_uppercase)}-{_d(r, 4)}-{_alnum(r, 2)}",
        "POSTCODE": lambda: _postcode(r, region),
        "STREET": lambda: _street(r, t.lang),
        "STATE": lambda: r.choice(_US_STATES),
        "STATEFULL": lambda: r.choice(_DISTRICTS),
        "SEX": lambda: r.choice("FMX"),
        "CC": lambda: r.choice(("GB", "DE", "US", "FR", "NL", "IN", "BR", "ES", "IT", "CA", "AU", "SG", "JP")),
        "COORD": lambda: f"{r.uniform(-40, 60):.4f},{r.uniform(-120, 150):.4f}",
        "PLATE": lambda: f"{_alnum(r, 2, 'ABCDEFGHKLMNPRSTVWY')}{_d(r, 2)} {_alnum(r, 3, 'ABCDEFGHJKLMNPRSTUVWXYZ')}",
        "CVE": lambda: f"CVE-{r.randint(2019, 2025)}-{r.randint(1000, 49999)}",
        "HANDLE": lambda: r.choice(_HANDLE_WORDS) + r.choice(("", "_", "")) + str(r.randint(1, 999)),
        "HOSTDOMAIN": lambda: f"{r.choice(('relay', 'mail', 'smtp-out', 'mx', 'outbound'))}."
                              f"{r.choice(('northwind', 'fastmailer', 'bluehaven', 'mailgrid', 'postbox'))}"
                              f"{r.choice(('.net', '.com', '.io', '.eu'))}",
        "HOSTPC": lambda: r.choice(("DESKTOP-", "LAPTOP-", "WS-", "PC")) + _alnum(r, 7),
        "DEVNAME": lambda: r.choice(("Galaxy-S23", "iPhone", "android-" + _hex(r, 16), "LAPTOP-" + _alnum(r, 7),
                                     "Pixel-8", "raspberrypi")),
        "K8SNODE": lambda: r.choice((f"ip-10-{r.randint(0, 255)}-{r.randint(0, 255)}-{r.randint(1, 254)}"
                                     f".eu-west-1.compute.internal",
                                     f"aks-nodepool1-{_d(r, 8)}-vmss{_d(r, 6, '0')}",
                                     f"gke-prod-pool-1-{_hex(r, 8)}-{_alnum(r, 4, string.ascii_lowercase)}",
                                     f"worker-{r.randint(1, 12)}")),
        "POD": lambda: f"{r.choice(('payments-api', 'checkout', 'web', 'worker', 'auth'))}-{_hex(r, 9)}-"
                       f"{_alnum(r, 5, string.ascii_lowercase + string.digits)}",
        "RDNS": lambda: r.choice((f"ae-{r.randint(1, 9)}.r{r.randint(10, 30)}."
                                  f"{r.choice(('londen', 'frnkge', 'amstnl'))}"
                                  f"{r.randint(1, 12):02d}.bb.example.net",
                                  f"host-{r.randint(1, 223)}-{r.randint(0, 255)}-{r.randint(0, 255)}-"
                                  f"{r.randint(1, 254)}.static.example.net",
                                  f"{_hex(r, 8)}.cust.example.org")),
        "NICHDL": lambda: f"{_alnum(r, 2, string.ascii_uppercase)}{r.randint(100, 9999)}-RIPE",
        "IATA": lambda: r.choice(("lhr", "fra", "ams", "cdg", "iad", "sjc", "bom", "gru", "syd")),
        "CIRCUIT": lambda: f"{r.choice(('LDN', 'FRA', 'NYC'))}/ETH/{_d(r, 6)}",
        "NET4": lambda: _net4_slot(t, arg),
        "NET6": lambda: r.choice((f"2001:db8:{_hex(r, 4).lstrip('0') or '0'}::/48",
                                  f"fd{_hex(r, 2)}:{_hex(r, 4)}:{_hex(r, 4)}::/48",
                                  f"2a02:{_hex(r, 4).lstrip('0') or '0'}:{_hex(r, 4).lstrip('0') or '0'}::/56")),
        "BRD": lambda: f"{t.lan_prefix()}.255",
    }
    if kind not in simple:
        raise GuardError(f"unknown template slot '⟦{kind}⟧'", where="guard/pii/synth/stranger_templates.py")
    return simple[kind]()


def _net4_slot(t: _Text, arg: str) -> str:
    if arg in ("lan", "lanaddr"):
        return f"{t.lan_prefix()}.0" + ("/24" if arg == "lan" else "")
    net = _net4(t.rng)
    if arg == "wild":
        addr, plen = net.split("/")
        wild = (1 << (32 - int(plen))) - 1
        return f"{addr} " + ".".join(str((wild >> s) & 255) for s in (24, 16, 8, 0))
    return net


def _vat(rng: random.Random, country: str) -> str:
    return {"DE": f"DE{_d(rng, 9, '123456789')}", "FR": f"FR{_d(rng, 2)}{_d(rng, 9)}", "GB": f"GB{_d(rng, 9)}",
            "IT": f"IT{_d(rng, 11)}", "NL": f"NL{_d(rng, 9)}B{_d(rng, 2)}", "ES": f"ES{rng.choice('ABG')}{_d(rng, 8)}"
            }.get(country, f"{country}{_d(rng, 9)}")


def _siret(rng: random.Random) -> str:
    body = _d(rng, 13, "123456789")
    d = body + luhn_digit(body)
    return f"{d[:3]} {d[3:6]} {d[6:9]} {d[9:]}"


def _dni(rng: random.Random) -> str:
    num = rng.randint(10000000, 99999999)
    return f"{num}{'TRWAGMYFPDXBNJZSQVHLCKE'[num % 23]}"


def _isbn(rng: random.Random) -> str:
    body = "978" + rng.choice(("0", "1", "3", "2", "84", "88", "90"))
    body += _d(rng, 12 - len(body))
    full = _ean(rng, body)
    return f"{full[:3]}-{full[3]}-{full[4:8]}-{full[8:12]}-{full[12]}"


def _street(rng: random.Random, lang: str) -> str:
    name = rng.choice(_STREETS.get(lang, _STREETS["en"]))
    num = rng.randint(1, 220)
    return f"{name} {num}" if lang in ("de", "nl", "it", "es") else f"{num} {name}" if lang == "en" else \
        f"{num}, {name}"


def _timestamp(kind: str, when: Any, zone: str) -> str:
    """``when`` in the format a log or tool of that kind prints."""
    mon, dow = _MONTHS[when.month - 1], _DAYS[when.weekday()]
    hms = f"{when.hour:02d}:{when.minute:02d}:{when.second:02d}"
    ms = f"{when.microsecond // 1000:03d}"
    ymd = f"{when.year}-{when.month:02d}-{when.day:02d}"
    epoch = int((when - when.replace(year=1970, month=1, day=1, hour=0, minute=0, second=0, microsecond=0))
                .total_seconds())
    formats = {
        "TIME": hms, "TIME12": f"{(when.hour % 12) or 12}:{when.minute:02d} {'AM' if when.hour < 12 else 'PM'}",
        "SYSLOGTS": f"{mon} {when.day:2d} {hms}", "ISOTS": f"{ymd}T{hms}.{ms}Z", "TS": f"{ymd} {hms} UTC",
        "CLF": f"{when.day:02d}/{mon}/{when.year}:{hms} {zone}", "NGXTS": f"{ymd.replace('-', '/')} {hms}",
        "PYTS": f"{ymd} {hms},{ms}", "HAPTS": f"{when.day:02d}/{mon}/{when.year}:{hms}.{ms}",
        "OVPNTS": f"{ymd} {hms}", "REDISTS": f"{when.day:02d} {mon} {when.year} {hms}.{ms}",
        "LOGCATTS": f"{when.month:02d}-{when.day:02d} {hms}.{ms}",
        "APACHEERRTS": f"{dow} {mon} {when.day:02d} {hms}.{when.microsecond:06d} {when.year}",
        "RFC2822": f"{dow}, {when.day:02d} {mon} {when.year} {hms} {zone}",
        "GITDATE": f"{dow} {mon} {when.day} {hms} {when.year} {zone}",
        "LASTLOGIN": f"{dow} {mon} {when.day:2d} {hms} {when.year}",
        "NMAPTS": f"{ymd} {when.hour:02d}:{when.minute:02d} UTC",
        "ICSDATE": f"{ymd.replace('-', '')}T{hms.replace(':', '')}Z",
        "LDAPTS": f"{ymd.replace('-', '')}{hms.replace(':', '')}Z",
        "EPOCH": str(epoch), "EPOCHMS": f"{epoch}{ms}",
    }
    return formats[kind]


# ---------------------------------------------------------------------------------------- the set
_EMAIL_SHAPE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_DIGIT_RUN = re.compile(r"(?<![\w.-])\d(?:[ -]?\d){12,18}(?![\w-])")
_SSN_SHAPE = re.compile(r"(?<![\w-])(\d{3})([- ])(\d{2})\2(\d{4})(?![\w-])")


def _card_like(digits: str) -> bool:
    """A digit string a card scanner would rightly flag: a card brand's prefix and length, Luhn-valid."""
    n, p2, p4 = len(digits), int(digits[:2]), int(digits[:4])
    brand = (digits[0] == "4" and n in (13, 16, 19)) or (51 <= p2 <= 55 and n == 16) or (
        2221 <= p4 <= 2720 and n == 16) or (p2 in (34, 37) and n == 15) or (
        (digits.startswith(("6011", "65")) or 644 <= int(digits[:3]) <= 649) and 16 <= n <= 19)
    return brand and luhn_ok(digits)


def _flaw(text: str, spans: list[dict[str, Any]]) -> str:
    """Why a drawn text breaks the labelling rules ("" when it keeps them); the caller draws again."""
    covered = [(s["start_position"], s["end_position"]) for s in spans]

    def inside(a: int, b: int) -> bool:
        return any(s <= a and b <= e for s, e in covered)

    for s in spans:
        for m in re.finditer(r"(?<!\w)" + re.escape(s["entity_value"]) + r"(?!\w)", text):
            if not inside(m.start(), m.end()):
                return f"labelled value {s['entity_value']!r} also stands unlabelled"
    for m in _EMAIL_SHAPE.finditer(text):
        if not inside(m.start(), m.end()):
            return f"unlabelled e-mail-shaped {m.group()!r}"
    for m in _DIGIT_RUN.finditer(text):
        if not inside(m.start(), m.end()) and _card_like(re.sub(r"\D", "", m.group())):
            return f"unlabelled card-shaped {m.group()!r}"
    for m in _SSN_SHAPE.finditer(text):
        area, group, serial = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if 0 < area < 900 and area != 666 and group and serial and not inside(m.start(), m.end()):
            return f"unlabelled SSN-shaped {m.group()!r}"
    return ""


def render(t: _Text, template: str) -> tuple[str, list[dict[str, Any]]]:
    """The text of ``template`` for the draws in ``t``, with the spans of its labelled slots."""
    out: list[str] = []
    spans: list[dict[str, Any]] = []
    pos = length = 0
    for m in _SLOT.finditer(template):
        chunk = template[pos:m.start()]
        out.append(chunk)
        length += len(chunk)
        kind, arg, ref = m.group(1), m.group(2) or "", m.group(3)
        person = kind in _PERSON_SLOTS and not arg.startswith(("role", "handle"))
        key = f"{kind}:{arg}#{ref or '1'}" if person else (f"{kind}:{arg}#{ref}" if ref else "")
        hit = t.cache.get(key) if key else None
        if hit is None:
            got = _labelled(t, kind, arg, ref or "1")
            value, label = got if got else (_unlabelled(t, kind, arg, ref or "1"), "")
            if key:
                t.cache[key] = value
                t.cache[key + "@label"] = label
        else:
            value, label = hit, t.cache[key + "@label"]
        if label:
            spans.append({"entity_type": label, "entity_value": value, "start_position": length,
                          "end_position": length + len(value)})
        out.append(value)
        length += len(value)
        pos = m.end()
    out.append(template[pos:])
    return "".join(out), spans


def _check_faker() -> Any:
    try:
        import faker
        from faker import Faker
    except ImportError:
        raise GuardError("the stranger set's generator needs Faker",
                         hint=f"pip install faker=={FAKER_VERSION} (a development dependency)") from None
    if faker.VERSION != FAKER_VERSION:
        raise GuardError(f"Faker {faker.VERSION} draws other names than the shipped set's Faker {FAKER_VERSION}",
                         hint=f"pip install faker=={FAKER_VERSION} to regenerate {OUT_FILE.name}")
    return Faker


def generate_stranger(n: int, seed: int) -> list[dict[str, Any]]:
    """``n`` labelled texts, the same for the same ``seed`` (and the pinned Faker) under any hash seed."""
    from guard.pii.synth.stranger_templates import TEMPLATES

    if n < 0:
        raise GuardError(f"n must be 0 or more, got {n}")
    faker_cls = _check_faker()
    rng = random.Random(seed)
    fakers: dict[str, Any] = {}
    names: dict[str, frozenset[str]] = {}
    for i, loc in enumerate(ALL_LOCALES):
        fakers[loc] = faker_cls(loc)
        fakers[loc].seed_instance(seed * 100 + i)
        names[loc] = _first_names(fakers[loc])
    records: list[dict[str, Any]] = []
    while len(records) < n:
        index = rng.randrange(len(TEMPLATES))
        style, lang, template = TEMPLATES[index]
        if lang not in LOCALES:
            raise GuardError(f"template {index} has unknown language '{lang}'", hint="one of " + ", ".join(LOCALES))
        locales, weights = zip(*LOCALES[lang])
        locale = rng.choices(locales, weights)[0]
        for _attempt in range(100):
            t = _Text(rng, fakers[locale], locale, names[locale], no_apostrophe=":sql" in template or ":js" in template)
            text, spans = render(t, template)
            if not _flaw(text, spans):
                break
        else:
            raise GuardError(f"template {index} ({style}) broke the labelling rules in 100 draws: {_flaw(text, spans)}")
        regions = [t.cache[f"phone-region:{s['entity_value']}"] for s in spans if s["entity_type"] == "PHONE_NUMBER"]
        masked, last = [], 0
        for s in spans:
            masked.append(text[last:s["start_position"]] + "{{" + s["entity_type"] + "}}")
            last = s["end_position"]
        masked.append(text[last:])
        records.append({"full_text": text, "masked": "".join(masked), "spans": spans,
                        "template_id": index + TEMPLATE_OFFSET,
                        "metadata": {"locale": locale, "style": style, "language": lang if len(lang) == 2 and lang
                                     not in ("us", "gb", "in") else "en", "half": HALF, "seed": seed,
                                     "template_id": index + TEMPLATE_OFFSET, "phone_regions": regions}})
    return records


def dump(records: list[dict[str, Any]]) -> str:
    """The JSON text of the set: one record a line, so a diff shows which texts changed."""
    return "[\n" + ",\n".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in records) + "\n]\n"


def counts(records: list[dict[str, Any]]) -> dict[str, tuple[int, int]]:
    """Per label: (spans, texts holding one); "(none)": texts without a span; "total": (spans, texts)."""
    table = {label: (sum(1 for r in records for s in r["spans"] if s["entity_type"] == label),
                     sum(1 for r in records if any(s["entity_type"] == label for s in r["spans"]))) for label in LABELS}
    table["(none)"] = (0, sum(1 for r in records if not r["spans"]))
    table["total"] = (sum(len(r["spans"]) for r in records), len(records))
    return table


def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(prog="python -m guard.pii.synth.stranger", description="Write the stranger set.")
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--out", type=Path, default=OUT_FILE)
    ap.add_argument("--table", action="store_true", help="print the counts-per-label table (markdown)")
    args = ap.parse_args(argv)
    records = generate_stranger(args.n, args.seed)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(dump(records), encoding="utf-8")
    print(f"{args.out}: {len(records)} texts, {sum(len(r['spans']) for r in records)} spans "
          f"(seed {args.seed}, Faker {FAKER_VERSION})")
    if args.table:
        print("| label | spans | texts |\n|---|---:|---:|")
        for label, (n_spans, n_texts) in counts(records).items():
            print(f"| {label} | {n_spans} | {n_texts} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
