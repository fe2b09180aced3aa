"""An independent held-apart PII evaluation set: its own templates, its own value generators, seed I.

Written by a helper who never saw the scanner's rules, its recognizers, nor the templates or data of
the other synthetic sets, so that the set measures whether the scanner generalises to text written by
someone else. Nothing here imports project value code: phones, cards, IBANs, SSNs, IPs, e-mails and the
PII-free distractors (versions, OIDs, section numbers, dates, prices, order and tracking numbers,
ISBNs, timestamps) are generated in this module; the templates live in ``independent_templates``.

``generate_independent(n, seed)`` returns records in presidio_synth's JSON format, the format
``guard.pii.synth`` writes (``full_text``, ``masked``, ``spans[{entity_type, entity_value,
start_position, end_position}]`` with end-exclusive character offsets, ``template_id``,
``metadata{locale, style, language, half, seed}``). Every labelled value is checked when it is made
(Luhn, mod-97, ``ipaddress``), and a text in which a labelled value also occurs unlabelled is drawn
again, so a label never misses a copy of itself.

Faker (MIT) draws names; its output for a seed changes between Faker versions, so the set is generated
once and shipped as JSON. Regenerate: ``python -m guard.pii.synth.independent`` (needs Faker).
"""

from __future__ import annotations

import datetime as dt
import functools
import ipaddress
import json
import random
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from guard.errors import GuardError, did_you_mean

SEED = 20260909
HALF = "independent"
TEMPLATE_ID_OFFSET = 7000
OUT_FILE = Path(__file__).with_name("data") / "guard_pii_synth_independent_seedI.json"
FAKER_VERSION = "40.63.0"  # the Faker that wrote OUT_FILE (another version draws other names for the seed)

# locale -> (phone/IBAN region, language, draw weight within its language)
LOCALES: dict[str, tuple[str, str, int]] = {
    "en_US": ("US", "en", 6), "en_GB": ("GB", "en", 4), "en_CA": ("CA", "en", 2), "en_AU": ("AU", "en", 2),
    "en_IN": ("IN", "en", 2), "de_DE": ("DE", "de", 4), "de_AT": ("AT", "de", 1), "fr_FR": ("FR", "fr", 4),
    "fr_CA": ("CA", "fr", 1), "es_ES": ("ES", "es", 3), "es_MX": ("MX", "es", 2), "it_IT": ("IT", "it", 1),
    "nl_NL": ("NL", "nl", 1), "pt_BR": ("BR", "pt", 2), "pt_PT": ("PT", "pt", 1), "pl_PL": ("PL", "pl", 1),
}
LABELS = ("PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "IP_ADDRESS", "US_SSN")


def _digits(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randint(0, 9)) for _ in range(n))


def _pick(rng: random.Random, weighted: list[tuple[Any, int]]) -> Any:
    return rng.choices([v for v, _ in weighted], [w for _, w in weighted])[0]


# ---------------------------------------------------------------- phone numbers, as people write them


def _nanp(rng: random.Random, region: str, kind: str) -> str:
    us = ["212", "213", "310", "312", "347", "404", "415", "503", "512", "602", "617", "646", "702", "713",
          "718", "773", "805", "858", "917", "919", "206", "303", "305", "201", "571", "703", "720", "480", "614"]
    ca = ["416", "647", "437", "604", "778", "514", "438", "403", "587", "613", "902", "204", "306", "780", "905"]
    area = rng.choice(ca if region == "CA" else us)
    if rng.random() < 0.08:
        area = rng.choice(["800", "888", "877", "866"])
    exch = str(rng.randint(2, 9)) + _digits(rng, 2)
    while exch[1:] == "11":
        exch = str(rng.randint(2, 9)) + _digits(rng, 2)
    if rng.random() < 0.1:
        exch, line = "555", "01" + _digits(rng, 2)  # the range film and fiction use
    else:
        line = _digits(rng, 4)
    a, e, s = area, exch, line
    nat = [(f"({a}) {e}-{s}", 30), (f"{a}-{e}-{s}", 25), (f"{a}.{e}.{s}", 8), (f"{a} {e} {s}", 6),
           (f"1-{a}-{e}-{s}", 4), (f"({a}){e}-{s}", 3), (f"{a}{e}{s}", 3)]
    intl = [(f"+1 {a} {e} {s}", 10), (f"+1 ({a}) {e}-{s}", 8), (f"+1-{a}-{e}-{s}", 8), (f"+1{a}{e}{s}", 5),
            (f"+1 {a}-{e}-{s}", 5), (f"+1.{a}.{e}.{s}", 2)]
    return _choose_form(rng, nat, intl, kind)


def _choose_form(rng: random.Random, nat: list[tuple[str, int]], intl: list[tuple[str, int]], kind: str) -> str:
    if kind == "nat" or (kind == "any" and rng.random() < 0.6):
        return str(_pick(rng, nat))
    return str(_pick(rng, intl))


def _gb(rng: random.Random, kind: str) -> str:
    r = rng.random()
    if r < 0.45:  # mobile 07xxx xxxxxx
        p, s = "7" + str(rng.randint(4, 9)) + _digits(rng, 2), _digits(rng, 6)
        nat = [(f"0{p} {s}", 40), (f"0{p}{s}", 10), (f"0{p} {s[:3]} {s[3:]}", 15), (f"(0{p}) {s}", 3)]
        intl = [(f"+44 {p} {s}", 35), (f"+44 (0){p} {s}", 15), (f"+44{p}{s}", 10), (f"+44 {p} {s[:3]} {s[3:]}", 8)]
    elif r < 0.7:  # London 020 xxxx xxxx
        s = rng.choice(["7", "3", "8"]) + _digits(rng, 7)
        nat = [(f"020 {s[:4]} {s[4:]}", 50), (f"(020) {s[:4]} {s[4:]}", 10), (f"020{s}", 5),
               (f"0207 {s[1:4]} {s[4:]}", 5)]
        intl = [(f"+44 20 {s[:4]} {s[4:]}", 40), (f"+44 (0)20 {s[:4]} {s[4:]}", 15), (f"+44 (0) 20 {s[:4]} {s[4:]}", 5)]
    elif r < 0.92:  # four-digit area codes
        a = rng.choice(["161", "113", "121", "131", "141", "117", "114", "115", "118", "191", "151"])
        s = _digits(rng, 7)
        nat = [(f"0{a} {s[:3]} {s[3:]}", 50), (f"(0{a}) {s[:3]} {s[3:]}", 10), (f"0{a} {s}", 15)]
        intl = [(f"+44 {a} {s[:3]} {s[3:]}", 40), (f"+44 (0){a} {s[:3]} {s[3:]}", 10)]
    else:  # non-geographic 0800 / 0345
        a = rng.choice(["800", "808", "345", "330", "333"])
        s = _digits(rng, 7)
        nat = [(f"0{a} {s[:3]} {s[3:]}", 60), (f"0{a} {s}", 20)]
        intl = [(f"+44 {a} {s[:3]} {s[3:]}", 10)]
    return _choose_form(rng, nat, intl, kind)


def _au(rng: random.Random, kind: str) -> str:
    if rng.random() < 0.55:  # mobile 04xx xxx xxx
        s = "4" + _digits(rng, 8)
        nat = [(f"0{s[:3]} {s[3:6]} {s[6:]}", 50), (f"0{s}", 15), (f"0{s[:1]} {s[1:5]} {s[5:]}", 10)]
        intl = [(f"+61 {s[:3]} {s[3:6]} {s[6:]}", 40), (f"+61{s}", 10), (f"+61 (0){s[:3]} {s[3:6]} {s[6:]}", 5)]
    elif rng.random() < 0.85:
        a, s = rng.choice(["2", "3", "7", "8"]), _digits(rng, 8)
        nat = [(f"(0{a}) {s[:4]} {s[4:]}", 40), (f"0{a} {s[:4]} {s[4:]}", 40), (f"0{a}{s}", 5)]
        intl = [(f"+61 {a} {s[:4]} {s[4:]}", 40), (f"+61 (0){a} {s[:4]} {s[4:]}", 5)]
    else:
        p, s = rng.choice(["1300", "1800"]), _digits(rng, 6)
        nat = [(f"{p} {s[:3]} {s[3:]}", 70), (f"{p}{s}", 10)]
        intl = nat
    return _choose_form(rng, nat, intl, kind)


def _in(rng: random.Random, kind: str) -> str:
    if rng.random() < 0.75:  # mobile, ten digits from 6-9
        s = str(rng.randint(6, 9)) + _digits(rng, 9)
        nat = [(f"{s[:5]} {s[5:]}", 40), (f"0{s}", 10), (f"{s}", 15), (f"0{s[:5]} {s[5:]}", 5)]
        intl = [(f"+91 {s[:5]} {s[5:]}", 40), (f"+91-{s}", 20), (f"+91 {s}", 15), (f"+91{s}", 8),
                (f"+91 {s[:3]} {s[3:6]} {s[6:]}", 5)]
    else:
        a = rng.choice(["11", "22", "80", "44", "33", "40", "20"])
        s = _digits(rng, 8)
        nat = [(f"0{a} {s[:4]} {s[4:]}", 40), (f"0{a}-{s}", 25), (f"(0{a}) {s[:4]} {s[4:]}", 15)]
        intl = [(f"+91 {a} {s[:4]} {s[4:]}", 40), (f"+91-{a}-{s}", 15)]
    return _choose_form(rng, nat, intl, kind)


def _de(rng: random.Random, kind: str) -> str:
    if rng.random() < 0.4:  # mobile
        p = rng.choice(["151", "152", "157", "160", "162", "163", "170", "171", "172", "173", "174", "175",
                        "176", "177", "178", "179", "1515", "1520"])
        s = _digits(rng, 10 - len(p) + 1)
        nat = [(f"0{p} {s}", 40), (f"0{p}-{s}", 10), (f"0{p}/{s}", 10), (f"0{p} {s[:3]} {s[3:]}", 10), (f"0{p}{s}", 5)]
        intl = [(f"+49 {p} {s}", 40), (f"+49 (0){p} {s}", 10), (f"+49{p}{s}", 10), (f"0049 {p} {s}", 5)]
    else:
        a = rng.choice(["30", "40", "89", "69", "221", "211", "711", "351", "341", "511", "911", "228", "6221",
                        "421", "231", "201", "761", "7031"])
        s = _digits(rng, min(8, rng.choice([10, 11]) - len(a)))  # area + subscriber: ten or eleven digits
        ext = _digits(rng, rng.randint(2, 4))
        grp = " ".join([s[:3], s[3:5], s[5:]]) if len(s) >= 7 else s
        nat = [(f"0{a} {s}", 35), (f"0{a}/{s}", 15), (f"0{a}-{s}", 10), (f"0{a} / {grp}", 8),
               (f"(0{a}) {s}", 8), (f"0{a} {s[:-2]}-{ext}", 6)]
        intl = [(f"+49 {a} {s}", 35), (f"+49 (0){a} {s}", 15), (f"+49 {a} {s[:-2]}-{ext}", 8),
                (f"+49-{a}-{s}", 6), (f"+49{a}{s}", 5), (f"+49 (0) {a} {grp}", 5)]
    return _choose_form(rng, nat, intl, kind)


def _at(rng: random.Random, kind: str) -> str:
    if rng.random() < 0.45:
        p, s = rng.choice(["650", "660", "664", "676", "680", "681", "699"]), _digits(rng, 7)
        nat = [(f"0{p} {s}", 50), (f"0{p}/{s}", 15), (f"0{p} {s[:3]} {s[3:]}", 10)]
        intl = [(f"+43 {p} {s}", 40), (f"+43 (0){p} {s}", 10), (f"+43{p}{s}", 5)]
    else:
        a = rng.choice(["1", "316", "512", "662", "732", "463"])
        s = _digits(rng, 7 if a == "1" else 6)
        grp = f"{s[:3]} {s[3:5]} {s[5:]}" if a == "1" else f"{s[:3]} {s[3:]}"
        nat = [(f"0{a} {grp}", 50), (f"0{a}/{s}", 15), (f"0{a} {s}", 10)]
        intl = [(f"+43 {a} {grp}", 40), (f"+43 (0){a} {s}", 10)]
    return _choose_form(rng, nat, intl, kind)


def _fr(rng: random.Random, kind: str) -> str:
    first = rng.choice(["1", "2", "3", "4", "5", "6", "7", "9", "6", "6", "7", "1"])
    s = first + _digits(rng, 8)
    pairs = [s[1:3], s[3:5], s[5:7], s[7:9]]
    nat = [("0" + first + " " + " ".join(pairs), 55), ("0" + first + "." + ".".join(pairs), 15),
           ("0" + s, 12), ("0" + first + "-" + "-".join(pairs), 4), ("0" + first + " " + "".join(pairs), 3)]
    intl = [("+33 " + first + " " + " ".join(pairs), 45), ("+33 (0)" + first + " " + " ".join(pairs), 15),
            ("+33" + s, 10), ("0033 " + first + " " + " ".join(pairs), 5),
            ("+33 (0) " + first + " " + " ".join(pairs), 5)]
    return _choose_form(rng, nat, intl, kind)


def _es(rng: random.Random, kind: str) -> str:
    if rng.random() < 0.55:
        s = rng.choice(["6", "6", "7"]) + _digits(rng, 8)
    else:
        s = rng.choice(["91", "93", "96", "95", "94", "98"]) + _digits(rng, 7)
    nat = [(f"{s[:3]} {s[3:6]} {s[6:]}", 40), (f"{s[:3]} {s[3:5]} {s[5:7]} {s[7:]}", 20), (s, 12),
           (f"{s[:2]} {s[2:5]} {s[5:7]} {s[7:]}", 10), (f"{s[:3]}-{s[3:6]}-{s[6:]}", 5)]
    intl = [(f"+34 {s[:3]} {s[3:6]} {s[6:]}", 40), (f"+34 {s[:3]} {s[3:5]} {s[5:7]} {s[7:]}", 15),
            (f"+34{s}", 10), (f"+34-{s[:3]}-{s[3:6]}-{s[6:]}", 5), (f"(+34) {s[:3]} {s[3:6]} {s[6:]}", 5),
            (f"0034 {s[:3]} {s[3:6]} {s[6:]}", 4)]
    return _choose_form(rng, nat, intl, kind)


def _mx(rng: random.Random, kind: str) -> str:
    if rng.random() < 0.6:
        a, s = rng.choice(["55", "81", "33"]), _digits(rng, 8)
        nat = [(f"{a} {s[:4]} {s[4:]}", 40), (f"({a}) {s[:4]}-{s[4:]}", 25), (f"{a}{s}", 10),
               (f"{a}-{s[:4]}-{s[4:]}", 8)]
        intl = [(f"+52 {a} {s[:4]} {s[4:]}", 40), (f"+52 ({a}) {s[:4]} {s[4:]}", 10), (f"+52{a}{s}", 8),
                (f"+52 1 {a} {s[:4]} {s[4:]}", 5)]
    else:
        a, s = rng.choice(["999", "222", "442", "477", "664", "998", "614"]), _digits(rng, 7)
        nat = [(f"({a}) {s[:3]} {s[3:]}", 35), (f"{a} {s[:3]} {s[3:]}", 35), (f"{a}-{s[:3]}-{s[3:]}", 10)]
        intl = [(f"+52 {a} {s[:3]} {s[3:]}", 40), (f"+52 ({a}) {s[:3]} {s[3:]}", 10)]
    return _choose_form(rng, nat, intl, kind)


def _it(rng: random.Random, kind: str) -> str:
    if rng.random() < 0.55:  # mobile 3xx
        p, s = rng.choice(["320", "328", "329", "333", "334", "335", "338", "339", "340", "345", "347", "348",
                           "349", "351", "366", "380", "388", "392", "393"]), _digits(rng, 7)
        nat = [(f"{p} {s[:3]} {s[3:]}", 35), (f"{p} {s}", 25), (f"{p}{s}", 12), (f"{p}-{s}", 10), (f"{p}/{s}", 6)]
        intl = [(f"+39 {p} {s[:3]} {s[3:]}", 35), (f"+39 {p} {s}", 25), (f"+39{p}{s}", 10), (f"0039 {p} {s}", 5)]
    else:
        a = rng.choice(["06", "02", "011", "055", "081", "051", "041", "010", "0471", "0521"])
        s = _digits(rng, 10 - len(a))
        nat = [(f"{a} {s[:4]} {s[4:]}" if len(s) == 8 else f"{a} {s[:3]} {s[3:]}", 40), (f"{a} {s}", 25),
               (f"{a}-{s}", 10), (f"{a}/{s}", 8), (f"{a}{s}", 5)]
        intl = [(f"+39 {a} {s}", 40), (f"+39 {a} {s[:4]} {s[4:]}", 20), (f"+39{a}{s}", 5)]
    return _choose_form(rng, nat, intl, kind)


def _nl(rng: random.Random, kind: str) -> str:
    if rng.random() < 0.45:
        s = _digits(rng, 8)
        nat = [(f"06 {s}", 35), (f"06-{s}", 30), (f"06{s}", 10), (f"06 {s[:2]} {s[2:4]} {s[4:6]} {s[6:]}", 10),
               (f"06 - {s}", 3)]
        intl = [(f"+31 6 {s}", 40), (f"+31 6 {s[:4]} {s[4:]}", 15), (f"+31 (0)6 {s}", 10), (f"+316{s}", 10),
                (f"0031 6 {s}", 5)]
    else:
        a = rng.choice(["20", "10", "70", "30", "40", "50", "318", "575", "24", "43"])
        s = _digits(rng, 9 - len(a))
        grp = f"{s[:3]} {s[3:]}" if len(s) == 7 else f"{s[:2]} {s[2:4]} {s[4:]}"
        nat = [(f"0{a} {grp}", 35), (f"0{a}-{s}", 30), (f"(0{a}) {grp}", 10), (f"0{a} {s}", 10)]
        intl = [(f"+31 {a} {grp}", 40), (f"+31 (0){a} {grp}", 15), (f"+31{a}{s}", 5), (f"+31 {a} {s}", 10)]
    return _choose_form(rng, nat, intl, kind)


def _br(rng: random.Random, kind: str) -> str:
    a = rng.choice(["11", "11", "21", "31", "41", "51", "61", "71", "81", "85", "19", "47", "27"])
    if rng.random() < 0.65:
        s1, s2 = "9" + str(rng.randint(1, 9)) + _digits(rng, 3), _digits(rng, 4)
    else:
        s1, s2 = str(rng.randint(2, 5)) + _digits(rng, 3), _digits(rng, 4)
    nat = [(f"({a}) {s1}-{s2}", 50), (f"{a} {s1}-{s2}", 15), (f"({a}) {s1} {s2}", 8), (f"{a}{s1}{s2}", 5),
           (f"(0{a}) {s1}-{s2}", 4), (f"({a}){s1}-{s2}", 5)]
    intl = [(f"+55 {a} {s1}-{s2}", 35), (f"+55 ({a}) {s1}-{s2}", 30), (f"+55 {a} {s1} {s2}", 15),
            (f"+55{a}{s1}{s2}", 10)]
    return _choose_form(rng, nat, intl, kind)


def _pt(rng: random.Random, kind: str) -> str:
    if rng.random() < 0.6:
        s = rng.choice(["91", "92", "93", "96"]) + _digits(rng, 7)
    else:
        s = rng.choice(["21", "22", "23", "25", "28", "29"]) + _digits(rng, 7)
    nat = [(f"{s[:3]} {s[3:6]} {s[6:]}", 55), (s, 25), (f"{s[:2]} {s[2:5]} {s[5:]}", 5)]
    intl = [(f"+351 {s[:3]} {s[3:6]} {s[6:]}", 45), (f"+351 {s}", 20), (f"+351{s}", 10), (f"00351 {s}", 5)]
    return _choose_form(rng, nat, intl, kind)


def _pl(rng: random.Random, kind: str) -> str:
    if rng.random() < 0.65:
        s = rng.choice(["5", "6", "7", "8"]) + _digits(rng, 8)
        nat = [(f"{s[:3]} {s[3:6]} {s[6:]}", 50), (f"{s[:3]}-{s[3:6]}-{s[6:]}", 20), (s, 15)]
        intl = [(f"+48 {s[:3]} {s[3:6]} {s[6:]}", 45), (f"+48 {s[:3]}-{s[3:6]}-{s[6:]}", 10), (f"+48{s}", 10),
                (f"(+48) {s[:3]} {s[3:6]} {s[6:]}", 5), (f"0048 {s[:3]} {s[3:6]} {s[6:]}", 5)]
    else:
        a, s = rng.choice(["22", "12", "71", "61", "58", "42", "32"]), _digits(rng, 7)
        nat = [(f"{a} {s[:3]} {s[3:5]} {s[5:]}", 45), (f"({a}) {s[:3]} {s[3:5]} {s[5:]}", 20), (f"{a} {s}", 10)]
        intl = [(f"+48 {a} {s[:3]} {s[3:5]} {s[5:]}", 45), (f"+48 ({a}) {s}", 10), (f"+48 {a} {s}", 10)]
    return _choose_form(rng, nat, intl, kind)


_PHONES: dict[str, Callable[[random.Random, str], str]] = {
    "GB": _gb, "AU": _au, "IN": _in, "DE": _de, "AT": _at, "FR": _fr, "ES": _es, "MX": _mx, "IT": _it,
    "NL": _nl, "BR": _br, "PT": _pt, "PL": _pl,
}


def phone(rng: random.Random, region: str, kind: str = "any") -> str:
    """A phone number of ``region`` in one of the forms people write there (kind: any, nat, intl)."""
    if region in ("US", "CA"):
        return _nanp(rng, region, kind)
    if region not in _PHONES:
        raise GuardError(f"no phone formats for region '{region}'", hint=did_you_mean(region, [*_PHONES, "US", "CA"]))
    return _PHONES[region](rng, kind)


# ---------------------------------------------------------------- payment cards (Luhn-valid)


def luhn_ok(number: str) -> bool:
    """True when the digits of ``number`` (separators ignored) pass the Luhn check."""
    ds = [int(c) for c in number if c.isdigit()]
    total = 0
    for i, d in enumerate(reversed(ds)):
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return len(ds) >= 12 and total % 10 == 0


def _luhn_complete(body: str) -> str:
    for check in "0123456789":
        if luhn_ok(body + check):
            return body + check
    raise AssertionError("unreachable: one check digit always fits")


_BRANDS: list[tuple[str, Callable[[random.Random], str], int, tuple[int, ...], int]] = [
    # brand, prefix, length, groups, weight
    ("visa", lambda r: "4" + _digits(r, 5), 16, (4, 4, 4, 4), 40),
    ("mastercard", lambda r: str(r.randint(51, 55)) + _digits(r, 4), 16, (4, 4, 4, 4), 22),
    ("mastercard2", lambda r: str(r.randint(2221, 2720)) + _digits(r, 2), 16, (4, 4, 4, 4), 6),
    ("amex", lambda r: r.choice(["34", "37"]) + _digits(r, 4), 15, (4, 6, 5), 12),
    ("discover", lambda r: r.choice(["6011", str(r.randint(644, 649)) + _digits(r, 1), "65" + _digits(r, 2)])
     + _digits(r, 2), 16, (4, 4, 4, 4), 8),
    ("jcb", lambda r: str(r.randint(3528, 3589)) + _digits(r, 2), 16, (4, 4, 4, 4), 4),
    ("diners", lambda r: r.choice(["36", "38", "300", "305"]) + _digits(r, 3), 14, (4, 6, 4), 3),
    ("unionpay", lambda r: "62" + str(r.randint(2126, 9925))[:4], 16, (4, 4, 4, 4), 3),
]


def card(rng: random.Random, form: str = "any") -> str:
    """A Luhn-valid card number of a major brand, grouped with spaces or dashes, or compact."""
    _, prefix, length, groups, _ = _pick(rng, [(b, b[4]) for b in _BRANDS])
    start = prefix(rng)
    number = _luhn_complete(start + _digits(rng, length - len(start) - 1))
    if form == "any":
        form = _pick(rng, [("sp", 50), ("ns", 35), ("dash", 15)])
    if form == "ns":
        return number
    parts, i = [], 0
    for g in groups:
        parts.append(number[i:i + g])
        i += g
    return ("-" if form == "dash" else " ").join(parts)


# ---------------------------------------------------------------- IBANs (mod-97-valid, with national checks)


def iban_ok(value: str) -> bool:
    """True when ``value`` (spaces ignored) is an IBAN whose mod-97 check holds."""
    s = value.replace(" ", "").upper()
    if not re.fullmatch(r"[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}", s):
        return False
    moved = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


def _iban_from(country: str, bban: str) -> str:
    numeric = "".join(str(int(c, 36)) for c in bban + country + "00")
    return f"{country}{98 - int(numeric) % 97:02d}{bban}"


def _es_dc(ten: str) -> str:
    weights = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]
    d = 11 - sum(int(c) * w for c, w in zip(ten, weights, strict=True)) % 11
    return "0" if d == 11 else "1" if d == 10 else str(d)


_IT_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]


def _it_cin(rest: str) -> str:
    total = 0
    for i, c in enumerate(rest):
        v = int(c) if c.isdigit() else ord(c) - 65
        total += _IT_ODD[v] if i % 2 == 0 else v
    return chr(65 + total % 26)


def _bban(country: str, rng: random.Random) -> str:
    d = _digit_source(rng)
    if country == "DE":
        return rng.choice(["37040044", "10070000", "50010517", "20041133", "70150000", "60050101", "43060967",
                           "12030000", "76010085", "50070010"]) + d(10)
    if country == "AT":
        return rng.choice(["12000", "20111", "32000", "14000", "60000", "38000"]) + d(11)
    if country in ("GB", "IE"):
        banks = ["NWBK", "BARC", "LOYD", "HBUK", "MIDL", "RBOS"] if country == "GB" else ["AIBK", "BOFI", "IPBS"]
        bank = rng.choice(banks)
        return bank + d(6) + d(8)
    if country == "FR":
        bank, branch, acct = rng.choice(["30004", "30003", "20041", "10278", "30002", "11315", "18206"]), d(5), d(11)
        key = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(acct)) % 97
        return f"{bank}{branch}{acct}{key:02d}"
    if country == "ES":
        bank, branch, acct = rng.choice(["2100", "0049", "0182", "2085", "0081", "2038", "0128"]), d(4), d(10)
        return bank + branch + _es_dc("00" + bank + branch) + _es_dc(acct) + acct
    if country == "IT":
        rest = rng.choice(["03069", "02008", "05034", "01030", "03062", "05387"]) + d(5) + "0000" + d(8)
        return _it_cin(rest) + rest
    if country == "NL":
        return rng.choice(["ABNA", "RABO", "INGB", "TRIO", "SNSB", "KNAB", "ASNB"]) + d(10)
    if country == "BE":
        first = rng.choice(["001", "068", "363", "310", "735", "143"]) + d(7)
        check = int(first) % 97 or 97
        return f"{first}{check:02d}"
    if country == "CH":
        return rng.choice(["00762", "00230", "08390", "00700"]) + d(12)
    if country == "PL":
        return rng.choice(["10201026", "11402004", "10501214", "12401037", "19101048", "10901014"]) + d(16)
    if country == "PT":
        body = rng.choice(["0035", "0033", "0007", "0010", "0036"]) + d(4) + d(11)
        return body + f"{98 - int(body + '00') % 97:02d}"
    if country == "BR":
        return "00360305" + d(5) + d(10) + rng.choice("CP") + rng.choice("123")
    if country == "LU":
        return rng.choice(["001", "002", "019"]) + d(13)
    raise GuardError(f"no IBAN layout for country '{country}'")


def _digit_source(rng: random.Random) -> Callable[[int], str]:
    """``d(n)``: n random digits from ``rng`` (kept as a closure so the layouts above read as the standard)."""
    return lambda n: _digits(rng, n)


_IBAN_HOME = {"GB": "GB", "DE": "DE", "AT": "AT", "FR": "FR", "ES": "ES", "IT": "IT", "NL": "NL", "BR": "BR",
              "PT": "PT", "PL": "PL"}
_IBAN_ANY = ["DE", "GB", "FR", "NL", "ES", "IT", "BE", "CH", "IE", "AT", "PL", "PT", "LU"]


def iban(rng: random.Random, region: str, form: str = "any") -> str:
    """A mod-97-valid IBAN, mostly of ``region``'s country, printed in groups of four or compact."""
    country = _IBAN_HOME.get(region) if rng.random() < 0.8 else None
    country = country or rng.choice(_IBAN_ANY)
    value = _iban_from(country, _bban(country, rng))
    if form == "any":
        form = _pick(rng, [("sp", 60), ("ns", 40)])
    return value if form == "ns" else " ".join(value[i:i + 4] for i in range(0, len(value), 4))


_BIC = {
    "DE": ["COBADEFFXXX", "DEUTDEDBBER", "INGDDEFFXXX", "GENODEM1GLS", "BYLADEM1001"],
    "FR": ["BNPAFRPPXXX", "SOGEFRPP", "PSSTFRPPPAR", "CMCIFRPP"],
    "ES": ["CAIXESBBXXX", "BSCHESMM", "BBVAESMMXXX"],
    "IT": ["BCITITMM", "UNCRITMMXXX", "BPMOIT22XXX"],
    "NL": ["ABNANL2A", "RABONL2U", "INGBNL2A"],
    "GB": ["NWBKGB2L", "BARCGB22", "LOYDGB21"],
    "PT": ["CGDIPTPL", "BCOMPTPL"],
    "PL": ["PKOPPLPW", "BPKOPLPW"],
    "AT": ["BKAUATWW", "RZBAATWW"],
    "BR": ["BRASBRRJBHE"],
}


# ---------------------------------------------------------------- US SSNs


def ssn(rng: random.Random, cued: bool) -> str:
    """A valid-looking SSN (area 001-899 but 666, group 01-99, serial 0001-9999).

    Undashed forms only when ``cued``: the template puts the number right after a word like "SSN".
    """
    area = rng.randint(1, 899)
    while area == 666:
        area = rng.randint(1, 899)
    a, g, s = f"{area:03d}", f"{rng.randint(1, 99):02d}", f"{rng.randint(1, 9999):04d}"
    forms = [(f"{a}-{g}-{s}", 75), (f"{a} {g} {s}", 15)] + ([(f"{a}{g}{s}", 25)] if cued else [])
    return str(_pick(rng, forms))


def ssn_ok(value: str) -> bool:
    """True when ``value`` is an SSN of a valid area, group and serial (dashes or spaces or none)."""
    m = re.fullmatch(r"(\d{3})([- ]?)(\d{2})\2(\d{4})", value)
    if m is None:
        return False
    return m.group(1) not in ("000", "666") and m.group(1) < "900" and m.group(3) != "00" and m.group(4) != "0000"


# ---------------------------------------------------------------- IP addresses


def ipv4(rng: random.Random, kind: str = "any") -> str:
    """An IPv4 host address: public, private, CGNAT (100.64/10) or documentation (RFC 5737)."""
    if kind == "any":
        kind = _pick(rng, [("pub", 40), ("priv", 35), ("doc", 15), ("cgn", 10)])
    if kind == "priv":
        r = rng.random()
        if r < 0.45:
            second = rng.choice([0, 0, 1, 10, 20, 100, rng.randint(0, 255)])
            return f"10.{second}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
        if r < 0.85:
            return f"192.168.{rng.choice([0, 1, 1, 2, 10, 100, 178, 188, rng.randint(0, 255)])}.{rng.randint(1, 254)}"
        return f"172.{rng.randint(16, 31)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    if kind == "doc":
        return f"{rng.choice(['192.0.2', '198.51.100', '203.0.113'])}.{rng.randint(1, 254)}"
    if kind == "cgn":
        return f"100.{rng.randint(64, 127)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    if kind == "net":  # a private /24 network address, as written before "/24"
        return rng.choice([f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.0", f"192.168.{rng.randint(0, 255)}.0",
                           f"172.{rng.randint(16, 31)}.{rng.randint(0, 255)}.0"])
    if kind != "pub":
        raise GuardError(f"unknown IPv4 kind '{kind}'", hint="one of: any, pub, priv, doc, cgn, net")
    while True:
        s = f"{rng.randint(1, 223)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
        if ipaddress.IPv4Address(s).is_global:
            return s


_V6_PREFIXES = ["2a01:4f8", "2a02:c207", "2600:1f18", "2604:a880", "2a00:1450", "2001:41d0", "2a03:2880",
                "2003:e6", "2a0a:a540", "2401:db00", "2800:3f0", "2a02:8108"]


def ipv6(rng: random.Random, kind: str = "any") -> str:
    """An IPv6 address (documentation, global, ULA, link-local, well-known), compressed or written in full."""
    if kind == "mapped":
        return "::ffff:" + ipv4(rng, "pub")
    if kind == "any":
        kind = _pick(rng, [("doc", 35), ("glob", 30), ("ll", 15), ("ula", 15), ("dns", 5)])
    hx = lambda: f"{rng.randint(0, 0xffff):x}"  # noqa: E731 - a one-line local helper reads best here
    if kind == "dns":
        addr = rng.choice(["2001:4860:4860::8888", "2001:4860:4860::8844", "2606:4700:4700::1111",
                           "2620:fe::fe", "2a00:1098:2c::1"])
    else:
        if kind == "doc":
            head = ["2001", "db8", f"{rng.choice([0, 0, 1, 10, 0xabcd, rng.randint(0, 0xffff)]):x}",
                    f"{rng.choice([0, 1, 2, 0x42, rng.randint(0, 0xffff)]):x}"]
        elif kind == "glob":
            head = rng.choice(_V6_PREFIXES).split(":")
            head += [hx() for _ in range(4 - len(head))]
        elif kind == "ula":
            subnet = rng.choice([0, 1, 10, 100, rng.randint(0, 0xffff)])
            head = [f"fd{rng.randint(0, 255):02x}", hx(), hx(), f"{subnet:x}"]
        elif kind == "ll":
            head = ["fe80", "0", "0", "0"]
        else:
            raise GuardError(f"unknown IPv6 kind '{kind}'", hint="one of: any, doc, glob, ula, ll, dns, mapped")
        if rng.random() < 0.35 and kind != "ll":
            tail = ["0", "0", "0", f"{rng.randint(1, 0x20):x}"]  # ::1 .. ::20, as servers are numbered
        else:  # an EUI-64 style interface id
            tail = [hx(), f"{rng.randint(0, 255):x}ff", f"fe{rng.randint(0, 255):02x}", hx()]
        addr = ":".join(head + tail)
    ip = ipaddress.IPv6Address(addr)
    style = _pick(rng, [("short", 65), ("full", 12), ("nozero", 13), ("upper", 10)]) if kind != "ll" else "short"
    if style == "full":
        return ip.exploded
    if style == "nozero":
        return ":".join(f"{int(p, 16):x}" for p in ip.exploded.split(":"))
    return ip.compressed.upper() if style == "upper" else ip.compressed


# ---------------------------------------------------------------- names and e-mails


def _ascii(text: str) -> str:
    text = text.replace("ß", "ss").replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("æ", "ae")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if c.isascii() and c.isalpha()).lower()


_FREEMAIL = {
    "US": ["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "aol.com"],
    "GB": ["gmail.com", "btinternet.com", "yahoo.co.uk", "outlook.com", "sky.com"],
    "CA": ["gmail.com", "hotmail.ca", "yahoo.ca", "videotron.ca", "outlook.com"],
    "AU": ["gmail.com", "bigpond.com", "optusnet.com.au", "outlook.com"],
    "IN": ["gmail.com", "rediffmail.com", "yahoo.co.in", "outlook.com"],
    "DE": ["gmx.de", "web.de", "t-online.de", "gmail.com", "posteo.de", "freenet.de"],
    "AT": ["gmx.at", "aon.at", "gmail.com", "chello.at"],
    "FR": ["orange.fr", "free.fr", "gmail.com", "laposte.net", "sfr.fr"],
    "ES": ["gmail.com", "hotmail.es", "yahoo.es", "telefonica.net"],
    "MX": ["gmail.com", "hotmail.com", "prodigy.net.mx"],
    "IT": ["libero.it", "gmail.com", "virgilio.it", "tiscali.it", "alice.it"],
    "NL": ["ziggo.nl", "kpnmail.nl", "gmail.com", "hotmail.nl", "xs4all.nl"],
    "BR": ["gmail.com", "uol.com.br", "bol.com.br", "hotmail.com", "terra.com.br"],
    "PT": ["sapo.pt", "gmail.com", "hotmail.com", "netcabo.pt"],
    "PL": ["wp.pl", "onet.pl", "gmail.com", "o2.pl", "interia.pl"],
}
_TLD = {"US": ".com", "GB": ".co.uk", "CA": ".ca", "AU": ".com.au", "IN": ".in", "DE": ".de", "AT": ".at", "FR": ".fr",
        "ES": ".es", "MX": ".com.mx", "IT": ".it", "NL": ".nl", "BR": ".com.br", "PT": ".pt", "PL": ".pl"}


def email_for(rng: random.Random, first: str, last: str, domain: str) -> str:
    """An address a person with this name would have at ``domain``."""
    f, la = _ascii(first.split()[0]) or "info", _ascii(last.replace(" ", "")) or "mail"
    local = _pick(rng, [(f"{f}.{la}", 35), (f"{f[0]}{la}", 15), (f"{f}{la}{rng.randint(1, 99)}", 10),
                        (f"{f}_{la}", 6), (f"{la}.{f}", 5), (f"{f}.{la[0]}", 5), (f"{f}{rng.randint(1960, 2005)}", 6),
                        (f"{f[0]}.{la}", 8), (f"{f}", 3), (f"{la}{f[0]}", 4), (f"{f}-{la}", 3)])
    return f"{local}@{domain}"


# ---------------------------------------------------------------- PII-free distractors


def version4(rng: random.Random) -> str:
    """A four-part version number that is also a valid dotted quad, numbered the way real products are."""
    fam = rng.choice([0, 1, 2, 3, 4, 6, 7, 8, 8, 9, 9])
    r = rng.randint
    if fam == 0:  # firewall appliance trains: 9.16.4.48
        return f"9.{rng.choice([12, 14, 16, 17, 18, 19, 20])}.{r(1, 4)}.{r(1, 72)}"
    if fam == 1:  # management GUIs: 7.19.1.94
        return f"7.{r(12, 20)}.{r(1, 2)}.{r(1, 160)}"
    if fam == 2:  # database releases: 19.0.0.0, 12.2.0.1
        return rng.choice(["19.0.0.0", "12.2.0.1", "12.1.0.2", "11.2.0.4", "18.0.0.0", "21.0.0.0", "23.0.0.0"])
    if fam == 3:  # BMC firmware: 6.10.30.20
        minor, patch = rng.choice([10, 20, 30, 40, 50]), rng.choice([0, 10, 20, 30, 50, 80])
        return f"{r(4, 7)}.{minor}.{patch}.{rng.choice([0, 10, 20, 31])}"
    if fam == 4:  # assembly versions: 4.0.0.0, 8.0.0.0
        return f"{r(1, 8)}.{r(0, 9)}.0.0"
    if fam == 6:  # drivers: 23.40.0.4, 1.19.2.3
        return f"{r(1, 31)}.{rng.choice([0, 1, 2, 10, 20, 30, 40, 50, 60, 100, 120])}.{r(0, 9)}.{r(1, 20)}"
    if fam == 7:  # consumer router firmware: 1.0.11.148
        return f"{r(1, 3)}.{r(0, 2)}.{r(0, 12)}.{r(1, 200)}"
    return f"{r(1, 15)}.{r(0, 20)}.{r(0, 30)}.{r(0, 255)}"  # semantic version + build number


def version4_named(rng: random.Random) -> str:
    """A product name and its four-part version, as inventories and release notes write them."""
    r = rng.randint
    return rng.choice([
        lambda: f"Cisco ASA {rng.choice(['9.16', '9.18', '9.20', '9.12'])}.{r(1, 4)}.{r(1, 60)}",
        lambda: f"ASDM 7.{r(14, 20)}.{r(1, 2)}.{r(1, 150)}",
        lambda: f"Oracle Database {rng.choice(['19.0.0.0', '12.2.0.1', '21.0.0.0'])}",
        lambda: f"iDRAC firmware {r(5, 7)}.{rng.choice([10, 20])}.{rng.choice([30, 50, 80])}.{rng.choice([0, 10, 20])}",
        lambda: f"Veeam Backup & Replication 12.{r(0, 2)}.{r(0, 2)}.{r(10, 250)}",
        lambda: f"TeamViewer 15.{r(30, 55)}.{r(1, 6)}.0",
        lambda: f"Cisco Secure Client 5.{r(0, 1)}.{r(1, 5)}.{r(10, 90)}",
        lambda: f"Citrix Workspace app {r(22, 24)}.{r(1, 12)}.0.{r(10, 200)}",
        lambda: f"Microsoft.Extensions.Logging {r(6, 8)}.0.0.0",
        lambda: f"Intel Wi-Fi driver {r(22, 23)}.{r(10, 60)}.0.{r(1, 9)}",
        lambda: f"OpenVPN GUI {r(11, 12)}.{r(30, 50)}.0.0",
        lambda: f"Firmware V{r(1, 2)}.0.{r(1, 12)}.{r(20, 180)}",
        lambda: f"Realtek PCIe GbE driver 10.{r(40, 70)}.{r(1, 30)}.{r(1, 200)}",
    ])()


def version_long(rng: random.Random) -> str:
    """A four-part version with a build number too large for a dotted quad (Windows, Chromium)."""
    r = rng.randint
    return rng.choice([f"10.0.{rng.choice([19045, 22621, 22631, 17763, 20348])}.{r(1000, 4000)}",
                       f"{r(110, 131)}.0.{r(5400, 6800)}.{r(40, 230)}", f"16.0.{r(16000, 17900)}.{r(20000, 20300)}",
                       f"15.0.{r(4000, 4400)}.{r(1, 9)}", f"31.0.101.{r(4000, 5500)}"])


def version3(rng: random.Random) -> str:
    """A three-part version (libraries, servers, consumer firmware): 2.4.1."""
    r = rng.randint
    return rng.choice([f"{r(1, 9)}.{r(0, 30)}.{r(0, 20)}", f"1.{r(24, 31)}.{r(0, 12)}",
                       f"{r(20, 26)}.{r(0, 10)}.{r(0, 9)}", f"2.{r(0, 9)}.{r(0, 30)}",
                       f"{r(3, 4)}.{r(0, 12)}.{r(0, 8)}"])


_OID4 = ["2.5.29.17", "2.5.29.19", "2.5.29.15", "2.5.29.37", "2.5.29.14", "2.5.29.35", "2.5.29.31", "2.5.29.32",
         "2.5.4.3", "2.5.4.10", "2.5.4.11", "2.5.4.6", "2.5.4.7", "2.5.4.8", "1.3.6.1"]
_OID_LONG = ["1.3.6.1.2.1.1.3.0", "1.3.6.1.4.1.311.21.7", "1.2.840.113549.1.1.11", "1.3.6.1.5.5.7.3.1",
             "1.3.6.1.2.1.2.2.1.10", "1.3.6.1.2.1.1.5.0", "1.3.6.1.4.1.2021.10.1.3.1", "1.3.6.1.2.1.25.3.3.1.2"]


def section4(rng: random.Random) -> str:
    """A four-level section number (standards, benchmarks, contracts): 3.1.4.2."""
    return f"{rng.randint(1, 12)}.{rng.randint(1, 9)}.{rng.randint(1, 9)}.{rng.randint(1, 12)}"


def cis_item(rng: random.Random) -> str:
    """A CIS benchmark recommendation number (1.1.1.1 is the first of many)."""
    if rng.random() < 0.12:
        return "1.1.1.1"
    return f"{rng.randint(1, 6)}.{rng.randint(1, 7)}.{rng.randint(1, 9)}.{rng.randint(1, 14)}"


_MONTHS = {
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia",
}
_DAY = "Mon Tue Wed Thu Fri Sat Sun".split()
_MON = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()  # log formats are English whatever the locale
_CURRENCY = {"US": "$", "CA": "CA$", "AU": "A$", "GB": "£", "IN": "₹", "MX": "MX$", "BR": "R$", "PL": "zł"}


def date_text(rng: random.Random, when: dt.datetime, lang: str, region: str) -> str:
    """A calendar date as the language and country write it."""
    d, m, y = when.day, when.month, when.year
    month = _MONTHS[lang].split()[m - 1]
    if rng.random() < 0.2:
        return when.strftime("%Y-%m-%d")
    if lang == "en":
        if region == "US" or (region == "CA" and rng.random() < 0.5):
            return rng.choice([f"{m:02d}/{d:02d}/{y}", f"{month} {d}, {y}", f"{month[:3]} {d}, {y}",
                               f"{m}/{d}/{y % 100:02d}"])
        return rng.choice([f"{d:02d}/{m:02d}/{y}", f"{d} {month} {y}", f"{d} {month[:3]} {y}"])
    if lang in ("de", "pl"):
        return rng.choice([f"{d:02d}.{m:02d}.{y}", f"{d}. {month} {y}" if lang == "de" else f"{d} {month} {y}"])
    if lang == "nl":
        return rng.choice([f"{d}-{m}-{y}", f"{d:02d}-{m:02d}-{y}", f"{d} {month} {y}"])
    if lang == "es" or lang == "pt":
        return rng.choice([f"{d:02d}/{m:02d}/{y}", f"{d} de {month} de {y}"])
    return rng.choice([f"{d:02d}/{m:02d}/{y}", f"{d} {month} {y}"])  # fr, it


def price_text(rng: random.Random, region: str) -> str:
    """An amount in the currency and number format of ``region``."""
    whole = rng.choice([rng.randint(3, 99), rng.randint(100, 999), rng.randint(1000, 25000)])
    cents = rng.choice([0, 0, 99, 50, 90, rng.randint(1, 99)])
    if region in ("US", "CA", "AU", "GB", "IN", "MX"):
        num = f"{whole:,}.{cents:02d}"
        if rng.random() < 0.85:
            return f"{_CURRENCY[region]}{num}"
        return f"{num} {_CURRENCY[region]}".replace("$", "USD").replace("£", "GBP")
    grouped = f"{whole:,}".replace(",", "." if region in ("DE", "AT", "ES", "IT", "NL", "BR", "PT") else "\u202f")
    num = f"{grouped},{cents:02d}"
    if region == "BR":
        return f"R$ {num}"
    if region == "PL":
        return f"{num} zł"
    if region == "NL":
        return f"€ {num}"
    return rng.choice([f"{num} €", f"{num} EUR", f"€{num}" if region == "IT" else f"{num} €"])


def isbn13(rng: random.Random) -> str:
    """A checksum-valid ISBN-13, hyphenated or compact."""
    body = "978" + rng.choice(["0", "1", "3", "2", "84", "88", "90", "85", "83"])
    body += _digits(rng, 12 - len(body))
    check = (10 - sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(body)) % 10) % 10
    full = body + str(check)
    if rng.random() < 0.4:
        return full
    g = 4 if body[3:5] in ("84", "88", "90", "85", "83") else 3
    return f"{full[:3]}-{full[3:g]}-{full[g:g + 4]}-{full[g + 4:12]}-{full[12]}"


def tracking(rng: random.Random) -> str:
    """A parcel tracking number: UPS, FedEx, USPS, DHL, or a UPU S10 item number with its check digit."""
    k = rng.randrange(6)
    if k == 0:
        return "1Z" + "".join(rng.choice("0123456789ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(6)) + _digits(rng, 10)
    if k == 1:
        s = _digits(rng, 12)
        return f"{s[:4]} {s[4:8]} {s[8:]}"
    if k == 2:
        s = "9400" + _digits(rng, 18)
        return " ".join(s[i:i + 4] for i in range(0, 22, 4))
    if k == 3:
        return "JJD" + _digits(rng, 18) if rng.random() < 0.5 else "00" + _digits(rng, 18)
    if k == 4:
        return "3S" + "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(4)) + _digits(rng, 9)
    serial = _digits(rng, 8)
    c = 11 - sum(int(a) * w for a, w in zip(serial, [8, 6, 4, 2, 3, 5, 9, 7], strict=True)) % 11
    c = 0 if c == 10 else 5 if c == 11 else c
    country = rng.choice(["DE", "GB", "FR", "ES", "IT", "NL", "PL", "PT", "BR", "US"])
    return f"{rng.choice(['RR', 'CP', 'LX', 'RB', 'EE'])}{serial}{c}{country}"


# ---------------------------------------------------------------- filling a template


_CITIES = {
    "US": ["Denver", "Austin", "Portland", "Columbus", "Raleigh", "Sacramento"],
    "GB": ["Leeds", "Bristol", "Manchester", "Glasgow", "Reading"],
    "CA": ["Toronto", "Calgary", "Ottawa", "Halifax", "Montréal"],
    "AU": ["Brisbane", "Perth", "Adelaide", "Geelong"],
    "IN": ["Pune", "Bengaluru", "Chennai", "Hyderabad", "Noida"],
    "DE": ["Leipzig", "Kassel", "Bielefeld", "Mainz", "Regensburg"],
    "AT": ["Graz", "Linz", "Innsbruck", "Salzburg"],
    "FR": ["Lyon", "Nantes", "Lille", "Rennes", "Grenoble"],
    "ES": ["Valencia", "Zaragoza", "Málaga", "Bilbao", "Murcia"],
    "MX": ["Monterrey", "Puebla", "Querétaro", "Guadalajara"],
    "IT": ["Bologna", "Torino", "Verona", "Bari", "Padova"],
    "NL": ["Utrecht", "Eindhoven", "Zwolle", "Haarlem", "Breda"],
    "BR": ["Campinas", "Curitiba", "Recife", "Belo Horizonte"],
    "PT": ["Braga", "Coimbra", "Aveiro", "Faro"],
    "PL": ["Poznań", "Wrocław", "Gdańsk", "Łódź", "Lublin"],
}
_COMPANY_FORM = {
    "US": ["Inc.", "LLC", "Group", "Logistics"],
    "GB": ["Ltd", "plc", "& Sons Ltd", "Consulting Ltd"],
    "CA": ["Inc.", "Ltd.", "Group"],
    "AU": ["Pty Ltd", "Group"],
    "IN": ["Pvt. Ltd.", "Technologies", "Infotech"],
    "DE": ["GmbH", "GmbH & Co. KG", "AG", "Elektrotechnik GmbH"],
    "AT": ["GmbH", "KG"],
    "FR": ["SARL", "SAS", "& Fils"],
    "ES": ["S.L.", "S.A.", "Asesores S.L."],
    "MX": ["S.A. de C.V.", "y Asociados"],
    "IT": ["S.r.l.", "S.p.A.", "& C. snc"],
    "NL": ["B.V.", "Installatietechniek B.V.", "Groep"],
    "BR": ["Ltda.", "S.A.", "Comércio Ltda."],
    "PT": ["Lda.", "S.A."],
    "PL": ["Sp. z o.o.", "S.A.", "s.c."],
}
_PRODUCTS = ["RT-AX88U", "EdgeRouter 4", "FortiGate 60F", "USG Pro 4", "DS920+", "RB4011", "SG350-28", "C9200L",
             "ProCurve 2920", "ER605", "Archer C7", "TS-453D", "OfficeJet Pro 9025", "MX64", "PA-220", "CCR2004"]
_POD_CHARS = "bcdfghjklmnpqrstvwxz2456789"
_HOSTS = ["web", "app", "db", "edge", "mail", "vpn", "k8s-node", "fw", "nas", "srv"]
_USERS = ["deploy", "ubuntu", "admin", "backup", "ansible", "svc_monitor", "git", "jenkins", "ops"]
_SLOT = re.compile(r"\{([A-Z][A-Z0-9_]*)(?:@([a-z0-9]+))?\}")


@dataclass
class _Ctx:
    """What one text's slots share: its random source, locale, people, and values drawn under a key."""

    rng: random.Random
    fake: Any
    locale: str
    region: str
    lang: str
    when: dt.datetime
    people: dict[str, tuple[str, str]] = field(default_factory=dict)
    memo: dict[tuple[str, str], str] = field(default_factory=dict)

    def person(self, key: str) -> tuple[str, str]:
        if key not in self.people:
            female = self.rng.random() < 0.5
            first = self.fake.first_name_female() if female else self.fake.first_name_male()
            kind = "last_name_female" if female else "last_name_male"
            last = getattr(self.fake, kind)() if hasattr(self.fake, kind) else self.fake.last_name()
            if self.lang == "es" and self.rng.random() < 0.6:
                last = f"{last} {self.fake.last_name()}"  # two surnames, as Spanish names are written
            self.people[key] = (first, last)
        return self.people[key]

    def company(self) -> str:
        if ("COMPANY", "") not in self.memo:
            last = self.fake.last_name()
            self.memo[("COMPANY", "")] = f"{last} {self.rng.choice(_COMPANY_FORM[self.region])}"
        return self.memo[("COMPANY", "")]

    def domain(self) -> str:
        if ("DOMAIN", "") not in self.memo:
            slug = _ascii(self.company().split()[0]) or "firma"
            suffix = self.rng.choice(["", "", "-group", "-it", "tech", "-online"])
            self.memo[("DOMAIN", "")] = slug + suffix + _TLD[self.region]
        return self.memo[("DOMAIN", "")]

    def tick(self) -> dt.datetime:
        self.when += dt.timedelta(seconds=self.rng.choice([0, 1, 1, 2, 3, 5, 12, 40, 95, 300]))
        return self.when


_ROLES = {
    "en": ["support", "info", "billing", "noc", "helpdesk", "accounts", "hr"],
    "de": ["info", "kontakt", "rechnung", "service"],
    "fr": ["contact", "facturation", "support", "rh"],
    "es": ["info", "soporte", "facturacion", "contacto"],
    "it": ["info", "assistenza", "amministrazione"],
    "nl": ["info", "klantenservice", "facturen"],
    "pt": ["contato", "suporte", "financeiro", "geral"],
    "pl": ["biuro", "faktury", "kontakt", "serwis"],
}
_TITLES = {
    "en": ["IT Manager", "Senior Systems Engineer", "Account Executive", "Office Manager", "Network Administrator",
           "HR Coordinator"],
    "de": ["Systemadministrator", "Vertrieb Innendienst", "Teamleiterin Buchhaltung", "Projektleiter IT"],
    "fr": ["Responsable informatique", "Chargée de clientèle", "Comptable", "Administrateur systèmes"],
    "es": ["Responsable de sistemas", "Administración", "Departamento comercial", "Técnico de soporte"],
    "it": ["Responsabile IT", "Ufficio amministrazione", "Tecnico di rete", "Commerciale"],
    "nl": ["Systeembeheerder", "Accountmanager", "Office manager", "Financiële administratie"],
    "pt": ["Analista de sistemas", "Departamento financeiro", "Gerente comercial", "Técnico de TI"],
    "pl": ["Administrator sieci", "Księgowa", "Kierownik projektu", "Dział obsługi klienta"],
}


def _fill(slot: str, key: str, c: _Ctx) -> tuple[str, str | None]:
    """The value of ``{slot@key}`` and its label (None for PII-free text)."""
    rng, r = c.rng, c.rng.randint
    if slot in ("NAME", "FIRST", "LAST", "EMAIL", "EMAIL_WORK"):
        first, last = c.person(key)
        if slot == "NAME":
            return f"{first} {last}", "PERSON"
        if slot in ("FIRST", "LAST"):
            return (first if slot == "FIRST" else last), "PERSON"
        memo = (slot, key)
        if memo not in c.memo:
            home = rng.choice(_FREEMAIL[c.region]) if slot == "EMAIL" else c.domain()
            c.memo[memo] = email_for(rng, first, last, home)
        return c.memo[memo], "EMAIL_ADDRESS"
    if key:  # any other slot drawn under a key is drawn once and repeated
        memo = (slot, key)
        if memo not in c.memo:
            c.memo[memo] = _fill(slot, "", c)[0]
        return c.memo[memo], _fill_label(slot)
    pii: dict[str, Callable[[], str]] = {
        "EMAIL_ROLE": lambda: f"{rng.choice(_ROLES[c.lang])}@{c.domain()}",
        "PHONE": lambda: phone(rng, c.region), "PHONE_INTL": lambda: phone(rng, c.region, "intl"),
        "PHONE_NAT": lambda: phone(rng, c.region, "nat"), "PHONE_US": lambda: phone(rng, "US"),
        "CARD": lambda: card(rng), "CARD_SP": lambda: card(rng, "sp"), "CARD_NS": lambda: card(rng, "ns"),
        "IBAN": lambda: iban(rng, c.region), "IBAN_SP": lambda: iban(rng, c.region, "sp"),
        "IBAN_NS": lambda: iban(rng, c.region, "ns"),
        "IP4": lambda: ipv4(rng), "IP4_PRIV": lambda: ipv4(rng, "priv"), "IP4_PUB": lambda: ipv4(rng, "pub"),
        "IP4_DOC": lambda: ipv4(rng, "doc"), "IP4_CGN": lambda: ipv4(rng, "cgn"), "IP4_NET": lambda: ipv4(rng, "net"),
        "IP4_LO": lambda: "127.0.0.1", "IP6": lambda: ipv6(rng), "IP6_LL": lambda: ipv6(rng, "ll"),
        "IP6_GLOB": lambda: ipv6(rng, "glob"), "IP6_MAPPED": lambda: ipv6(rng, "mapped"),
        "IP": lambda: ipv4(rng) if rng.random() < 0.75 else ipv6(rng),
        "SSN": lambda: ssn(rng, cued=False), "SSN_CUE": lambda: ssn(rng, cued=True),
    }
    if slot in pii:
        return pii[slot](), _fill_label(slot)
    plain: dict[str, Callable[[], str]] = {
        "VER4": lambda: version4(rng), "PRODVER4": lambda: version4_named(rng), "VERLONG": lambda: version_long(rng),
        "VER3": lambda: version3(rng), "OID4": lambda: rng.choice(_OID4), "OIDLONG": lambda: rng.choice(_OID_LONG),
        "SECTION4": lambda: section4(rng), "CIS": lambda: cis_item(rng), "CHROME": lambda: f"{r(109, 131)}.0.0.0",
        "DATE": lambda: date_text(rng, c.when + dt.timedelta(days=r(-40, 60)), c.lang, c.region),
        "DATE_ISO": lambda: (c.when + dt.timedelta(days=r(-400, 30))).strftime("%Y-%m-%d"),
        "TS_SYSLOG": lambda: f"{_MON[c.tick().month - 1]} {c.when.day:>2} {c.when:%H:%M:%S}",
        "TS_NGINX": lambda: f"{c.tick():%d}/{_MON[c.when.month - 1]}/{c.when:%Y:%H:%M:%S} +0000",
        "TS_ISO": lambda: f"{c.tick():%Y-%m-%dT%H:%M:%S}.{r(0, 999):03d}Z",
        "TS": lambda: f"{c.tick():%Y-%m-%d %H:%M:%S}",
        "TS_RFC": lambda: f"{_DAY[c.tick().weekday()]}, {c.when.day} {_MON[c.when.month - 1]} {c.when:%Y %H:%M:%S}"
                          " +0000",
        "DIGIT": lambda: str(r(0, 9)), "QTR": lambda: f"Q{r(1, 4)}",
        "HOURS": lambda: str(rng.choice([r(1, 8), r(2, 40)])),
        "EDGEVER": lambda: f"{r(110, 131)}.0.{r(1500, 2900)}.{r(40, 120)}",
        "WINBUILD": lambda: f"10.0.{rng.choice([19045, 22621, 22631, 26100, 17763, 20348])}.{r(1000, 5000)}",
        "VER4_ASA": lambda: f"9.{rng.choice([12, 14, 16, 18, 19, 20])}.{r(1, 4)}.{r(1, 72)}",
        "VER4_ASDM": lambda: f"7.{r(12, 22)}.{r(1, 2)}.{r(1, 160)}",
        "TS_APACHE": lambda: f"{_DAY[c.tick().weekday()]} {_MON[c.when.month - 1]} {c.when:%d %H:%M:%S}"
                             f".{r(0, 999999):06d} {c.when.year}",
        "TIME": lambda: f"{c.tick():%H:%M}",
        "PRICE": lambda: price_text(rng, c.region), "AMOUNT": lambda: f"{r(5, 2500)}.{r(0, 99):02d}",
        "ORDER": lambda: rng.choice([f"{r(100, 999)}-{_digits(rng, 7)}-{_digits(rng, 7)}",
                                     f"ORD-{c.when.year}-{_digits(rng, 6)}",
                                     f"SO{_digits(rng, 8)}", f"#{r(10000, 999999)}", f"{r(4000000, 4999999)}"]),
        "INVOICE": lambda: rng.choice([f"INV-{c.when.year}-{r(1, 99999):05d}", f"RE-{c.when.year}-{r(1, 9999):04d}",
                                       f"F{c.when.year}{_digits(rng, 5)}",
                                       f"FV/{c.when.year}/{c.when.month:02d}/{r(1, 999):04d}",
                                       f"{c.when.year}{c.when.month:02d}{_digits(rng, 4)}"]),
        "CUSTNO": lambda: rng.choice([_digits(rng, 8), str(r(1000000000, 1999999999)), f"C-{_digits(rng, 6)}",
                                      f"KD{_digits(rng, 7)}"]),
        "TICKET": lambda: rng.choice([f"INC{_digits(rng, 7)}", f"{r(100000, 999999)}", f"SR-{_digits(rng, 5)}",
                                      f"OPS-{r(100, 9999)}"]),
        "CLAIM": lambda: f"{rng.choice(['CLM', 'SIN', 'CL'])}-{c.when.year}-{_digits(rng, 6)}",
        "TRACK": lambda: tracking(rng), "ISBN": lambda: isbn13(rng),
        "QTY": lambda: str(_pick(rng, [(r(1, 12), 70), (r(10, 500), 20), (r(1000, 25000), 10)])),
        "EXP": lambda: f"{r(1, 12):02d}/{r(26, 31)}", "CVV": lambda: _digits(rng, 3), "LAST4": lambda: _digits(rng, 4),
        "EIN": lambda: f"{r(10, 98)}-{_digits(rng, 7)}", "EMPID": lambda: f"E{_digits(rng, 6)}",
        "BIC": lambda: rng.choice(_BIC.get(c.region, _BIC["DE"])), "SIRET": lambda: _digits(rng, 14),
        "HRB": lambda: str(r(1000, 99999)), "CREDITOR": lambda: f"DE{r(10, 99)}ZZZ{_digits(rng, 11)}",
        "PORT": lambda: str(rng.choice([r(1024, 65535), r(30000, 65000)])), "PID": lambda: str(r(300, 99999)),
        "BYTES": lambda: str(rng.choice([r(200, 9999), r(10000, 900000)])), "NUM": lambda: str(r(2, 99)),
        "MS": lambda: f"{r(0, 80)}.{r(0, 999):03d}", "EXT": lambda: str(r(100, 899)),
        "MAC": lambda: ":".join(f"{r(0, 255):02x}" for _ in range(6)),
        "SHA": lambda: "".join(rng.choice("0123456789abcdef") for _ in range(rng.choice([7, 12]))),
        "UUID": lambda: "-".join("".join(rng.choice("0123456789abcdef") for _ in range(n)) for n in (8, 4, 4, 4, 12)),
        "POD": lambda: "".join(rng.choice(_POD_CHARS) for _ in range(10)) + "-"
                       + "".join(rng.choice(_POD_CHARS) for _ in range(5)),
        "HOST": lambda: rng.choice(_HOSTS) + f"-{r(1, 24):02d}", "USER": lambda: rng.choice(_USERS),
        "CITY": lambda: rng.choice(_CITIES[c.region]), "COMPANY": c.company, "PRODUCT": lambda: rng.choice(_PRODUCTS),
        "TITLE": lambda: rng.choice(_TITLES[c.lang]), "DOMAIN": c.domain, "YEAR": lambda: str(c.when.year),
        "PCT": lambda: str(r(1, 99)), "VLAN": lambda: str(r(2, 4000)), "ASN": lambda: f"AS{r(1000, 65000)}",
    }
    if slot not in plain:
        known = [*pii, *plain, "NAME", "FIRST", "LAST", "EMAIL", "EMAIL_WORK"]
        raise GuardError(f"unknown template slot '{{{slot}}}'", hint=did_you_mean(slot, known))
    return plain[slot](), None


def _fill_label(slot: str) -> str | None:
    if slot.startswith("EMAIL"):
        return "EMAIL_ADDRESS"
    if slot.startswith("PHONE"):
        return "PHONE_NUMBER"
    if slot.startswith("CARD"):
        return "CREDIT_CARD"
    if slot.startswith("IBAN"):
        return "IBAN_CODE"
    if slot.startswith("IP"):
        return "IP_ADDRESS"
    if slot.startswith("SSN"):
        return "US_SSN"
    if slot in ("NAME", "FIRST", "LAST"):
        return "PERSON"
    return None


def render(template: str, fill: Callable[[str, str], tuple[str, str | None]]) -> tuple[str, list[dict[str, Any]]]:
    """The text and its labelled spans (end-exclusive character offsets): each ``{SLOT@key}`` filled.

    Braces not followed by an upper-case slot name are literal, so JSON and YAML templates need no escaping.
    """
    out: list[str] = []
    spans: list[dict[str, Any]] = []
    pos = length = 0
    for m in _SLOT.finditer(template):
        out.append(template[pos:m.start()])
        length += m.start() - pos
        value, label = fill(m.group(1), m.group(2) or "")
        if label is not None:
            spans.append({"entity_type": label, "entity_value": value,
                          "start_position": length, "end_position": length + len(value)})
        out.append(value)
        length += len(value)
        pos = m.end()
    out.append(template[pos:])
    return "".join(out), spans


def _bounded(text: str, start: int, end: int) -> bool:
    """True when text[start:end] stands alone: no letter or digit (or a dot joined to a digit) on either side."""
    def joins(i: int, step: int) -> bool:
        if not 0 <= i < len(text):
            return False
        ch = text[i]
        if ch.isalnum():
            return True
        j = i + step
        return ch in ".:" and 0 <= j < len(text) and text[j].isalnum()
    return not joins(start - 1, -1) and not joins(end, 1)


def uncovered_copies(record: dict[str, Any]) -> list[tuple[str, int]]:
    """Labelled values that also stand alone somewhere in the text outside every span: (value, start)."""
    text, spans = record["full_text"], record["spans"]
    found = []
    for value in {s["entity_value"] for s in spans}:
        i = text.find(value)
        while i >= 0:
            inside = any(s["start_position"] <= i and i + len(value) <= s["end_position"] for s in spans)
            if not inside and _bounded(text, i, i + len(value)):
                found.append((value, i))
            i = text.find(value, i + 1)
    return found


def _check_value(label: str, value: str) -> bool:
    if label == "CREDIT_CARD":
        return luhn_ok(value)
    if label == "IBAN_CODE":
        return iban_ok(value)
    if label == "IP_ADDRESS":
        try:
            ipaddress.ip_address(value)
        except ValueError:
            return False
        return True
    if label == "US_SSN":
        return ssn_ok(value)
    return bool(value.strip())


def generate_independent(n: int = 2000, seed: int = SEED) -> list[dict[str, Any]]:
    """``n`` labelled texts from the independent templates, reproducible for a seed (and a Faker version)."""
    try:
        from faker import Faker
    except ImportError:
        raise GuardError("the independent generator needs Faker",
                         hint="pip install faker (a development dependency)") from None
    from guard.pii.synth.independent_templates import TEMPLATES

    if n < 0:
        raise GuardError(f"n must be zero or more, got {n}")
    rng = random.Random(seed)
    fakers: dict[str, Any] = {}
    for i, loc in enumerate(sorted(LOCALES)):
        fakers[loc] = Faker(loc)
        fakers[loc].seed_instance(seed * 100 + i)
    by_lang: dict[str, list[str]] = {}
    for loc in sorted(LOCALES):
        by_lang.setdefault(LOCALES[loc][1], []).append(loc)
    records: list[dict[str, Any]] = []
    while len(records) < n:
        index = rng.randrange(len(TEMPLATES))
        tpl = TEMPLATES[index]
        for _attempt in range(40):
            if tpl.locales:
                pool = list(tpl.locales)
            elif tpl.lang == "en" and rng.random() < 0.3:  # English is also written by people elsewhere
                pool = sorted(LOCALES)
            else:
                pool = by_lang[tpl.lang]
            locale = rng.choices(pool, [LOCALES[loc][2] for loc in pool])[0]
            start = dt.datetime(2023, 1, 1) + dt.timedelta(days=rng.randint(0, 1340), seconds=rng.randint(0, 86399))
            ctx = _Ctx(rng=rng, fake=fakers[locale], locale=locale, region=LOCALES[locale][0], lang=tpl.lang,
                       when=start)
            text, spans = render(tpl.text, functools.partial(_fill, c=ctx))
            record = {"full_text": text, "masked": tpl.text, "spans": spans, "template_id": TEMPLATE_ID_OFFSET + index,
                      "metadata": {"locale": locale, "style": tpl.style, "language": tpl.lang, "half": HALF,
                                   "seed": seed}}
            bad = [s for s in spans if not _check_value(s["entity_type"], s["entity_value"])]
            if bad:
                raise GuardError(f"template {TEMPLATE_ID_OFFSET + index} made an invalid {bad[0]['entity_type']}: "
                                 f"'{bad[0]['entity_value']}'", hint="a bug in independent.py's value generators")
            if not uncovered_copies(record):
                records.append(record)
                break
        else:
            raise GuardError(f"template {TEMPLATE_ID_OFFSET + index} keeps repeating a labelled value unlabelled",
                             where="guard/pii/synth/independent_templates.py")
    return records


def dump(records: list[dict[str, Any]]) -> str:
    """The records as the other synthetic sets are written: a JSON array, one record per line."""
    return "[\n" + ",\n".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in records) + "\n]\n"


def main(argv: list[str] | None = None) -> int:
    import argparse

    import faker

    ap = argparse.ArgumentParser(prog="python -m guard.pii.synth.independent",
                                 description="Write the independent held-apart PII set (seed I).")
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--out", type=Path, default=OUT_FILE)
    args = ap.parse_args(argv)
    records = generate_independent(args.n, args.seed)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(dump(records), encoding="utf-8")
    spans = sum(len(r["spans"]) for r in records)
    print(f"{args.out}: {len(records)} texts, {spans} spans (seed {args.seed}, Faker {faker.VERSION})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
