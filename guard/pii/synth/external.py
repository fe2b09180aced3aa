"""Set J ("external"): a held-apart PII set from its own generator, templates and value generators.

Written by a helper who never saw the scanner's recognizers, its IP model or the other sets'
templates and value code, so the set measures how the scanner generalises to text it was not shaped on.
Everything here (phone formats of 18 regions, Luhn cards, IBANs with their national check digits,
SSNs, IPv4/IPv6 in their categories and spellings, and the PII-free distractors: vendor versions that
are valid dotted quads, OIDs, clause numbers, order/tracking/reference numbers, dates, prices) is
written for this set; Faker (MIT) gives only person names, companies, user names, streets, postcodes.

``generate_external(n, seed)`` returns records in presidio_synth's JSON format (``full_text``,
``masked`` (the template), ``spans`` with end-exclusive offsets, ``template_id`` 8000 + index,
``metadata``); it is reproducible for a seed with the Faker version in ``FAKER_VERSION`` (Faker's
draws change between versions, so the set is shipped as JSON). Regenerate:
``python -m guard.pii.synth.external`` (needs ``pip install faker``).
"""

from __future__ import annotations

import datetime as _dt
import ipaddress
import json
import random
import re
import unicodedata
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from guard.errors import GuardError

SEED = 20261010
FAKER_VERSION = "40.63.0"  # the Faker that wrote data/guard_pii_synth_external_seedJ.json
TEMPLATE_ID_OFFSET = 8000
OUT = Path(__file__).with_name("data") / "guard_pii_synth_external_seedJ.json"

# locale -> (region of phones, IBANs, cities and prices; language; weight within its language)
LOCALES: dict[str, tuple[str, str, int]] = {
    "en_US": ("US", "en", 42), "en_GB": ("GB", "en", 20), "en_CA": ("CA", "en", 10), "en_AU": ("AU", "en", 10),
    "en_IN": ("IN", "en", 12), "en_IE": ("IE", "en", 6),
    "de_DE": ("DE", "de", 70), "de_AT": ("AT", "de", 15), "de_CH": ("CH", "de", 15),
    "fr_FR": ("FR", "fr", 80), "fr_CA": ("CA", "fr", 20),
    "es_ES": ("ES", "es", 65), "es_MX": ("MX", "es", 35),
    "it_IT": ("IT", "it", 100),
    "nl_NL": ("NL", "nl", 75), "nl_BE": ("BE", "nl", 25),
    "pt_BR": ("BR", "pt", 70), "pt_PT": ("PT", "pt", 30),
    "pl_PL": ("PL", "pl", 100),
}
LABELS = {"NAME": "PERSON", "FIRST": "PERSON", "LAST": "PERSON", "EMAIL": "EMAIL_ADDRESS",
          "PHONE": "PHONE_NUMBER", "CARD": "CREDIT_CARD", "IBAN": "IBAN_CODE", "IP4": "IP_ADDRESS",
          "IP6": "IP_ADDRESS", "IP": "IP_ADDRESS", "SSN": "US_SSN"}
SLOT = re.compile(r"\{([A-Z][A-Z0-9]*)(?::([a-z0-9_]+))?(?:#([a-z0-9]+))?\}")


def _digits(rng: random.Random, k: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(k))


def _fold(text: str) -> str:
    """ASCII letters and digits of ``text``, lower-cased (for e-mail local parts and domains)."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", plain.lower())


# ---------------------------------------------------------------- phone numbers, as people write them
_EXT_WORD = {"US": ["ext. ", "x", "ext ", "Ext. "], "CA": ["ext. ", "x", "poste "], "GB": ["ext. ", "ext ", "x"],
             "IE": ["ext. ", "ext "], "AU": ["ext. ", "ext "], "IN": ["ext. ", "extn. "], "DE": ["Durchwahl ", "DW "],
             "AT": ["DW "], "CH": ["intern "], "FR": ["poste "], "ES": ["ext. "], "MX": ["ext. "], "IT": ["int. "],
             "NL": ["toestel "], "BE": ["toestel ", "poste "], "BR": ["ramal "], "PT": ["ext. "], "PL": ["wew. "]}
_US_AREAS = ["212", "646", "718", "310", "415", "617", "312", "713", "305", "206", "404", "702", "503", "720", "215",
             "602", "919", "614", "512", "347", "818", "832", "469", "703", "858", "612", "313", "971", "786"]
_CA_AREAS = ["416", "647", "437", "604", "778", "514", "438", "403", "587", "613", "780", "902", "519", "204", "306"]


def _nanp(rng: random.Random, region: str, mode: str) -> str:
    areas = _US_AREAS if region == "US" else _CA_AREAS
    npa = rng.choice(areas)
    nxx = f"{rng.randint(2, 9)}{rng.randint(0, 9)}{rng.randint(0, 9)}"
    if nxx[1:] == "11":
        nxx = nxx[0] + "24"
    line = _digits(rng, 4)
    if rng.random() < 0.07 and mode != "e164":  # toll-free numbers in customer service texts
        npa = rng.choice(["800", "888", "877", "866", "855"])
    if mode == "e164":
        return f"+1{npa}{nxx}{line}"
    nat = [f"({npa}) {nxx}-{line}", f"{npa}-{nxx}-{line}", f"{npa}.{nxx}.{line}", f"{npa} {nxx} {line}",
           f"1-{npa}-{nxx}-{line}", f"({npa}){nxx}-{line}", f"1 ({npa}) {nxx}-{line}"]
    intl = [f"+1 {npa} {nxx} {line}", f"+1 ({npa}) {nxx}-{line}", f"+1-{npa}-{nxx}-{line}", f"+1.{npa}.{nxx}.{line}",
            f"+1{npa}{nxx}{line}", f"+1 {npa}-{nxx}-{line}"]
    return _pick(rng, mode, nat, intl, [0.30, 0.22, 0.1, 0.1, 0.12, 0.08, 0.08])


def _pick(rng: random.Random, mode: str, nat: list[str], intl: list[str], nat_w: list[float] | None = None) -> str:
    if mode == "intl" or (mode == "any" and rng.random() < 0.4):
        return rng.choice(intl)
    return rng.choices(nat, nat_w)[0] if nat_w else rng.choice(nat)


def _gb(rng: random.Random, mode: str) -> str:
    kind = rng.choices(["mob", "lon", "geo", "ng"], [0.5, 0.2, 0.22, 0.08])[0]
    if kind == "mob":
        s = "7" + rng.choice("12345789") + _digits(rng, 8)
        nat = [f"0{s[:4]} {s[4:]}", f"0{s[:4]} {s[4:7]} {s[7:]}", f"0{s}"]
        intl = [f"+44 {s[:4]} {s[4:]}", f"+44 (0){s[:4]} {s[4:]}", f"+44{s}", f"0044 {s[:4]} {s[4:]}"]
    elif kind == "lon":
        s = "20" + rng.choice("783") + _digits(rng, 7)
        nat = [f"0{s[:2]} {s[2:6]} {s[6:]}", f"(0{s[:2]}) {s[2:6]} {s[6:]}", f"0{s[:2]}-{s[2:6]}-{s[6:]}"]
        intl = [f"+44 {s[:2]} {s[2:6]} {s[6:]}", f"+44 (0){s[:2]} {s[2:6]} {s[6:]}", f"+44{s}"]
    elif kind == "geo":
        s = rng.choice(["161", "121", "131", "141", "113", "117", "114", "191", "151", "116"]) + _digits(rng, 7)
        nat = [f"0{s[:3]} {s[3:6]} {s[6:]}", f"(0{s[:3]}) {s[3:6]} {s[6:]}", f"0{s[:3]} {s[3:]}"]
        intl = [f"+44 {s[:3]} {s[3:6]} {s[6:]}", f"+44 (0){s[:3]} {s[3:6]} {s[6:]}"]
    else:
        s = rng.choice(["800", "808", "345", "330", "300"]) + _digits(rng, 7)
        nat = [f"0{s[:3]} {s[3:6]} {s[6:]}", f"0{s[:3]} {s[3:]}"]
        intl = [f"+44 {s[:3]} {s[3:6]} {s[6:]}"]
    if mode == "e164":
        return f"+44{s}"
    return _pick(rng, mode, nat, intl)


def _ie(rng: random.Random, mode: str) -> str:
    if rng.random() < 0.6:
        s = "8" + rng.choice("35679") + _digits(rng, 7)
        nat = [f"0{s[:2]} {s[2:5]} {s[5:]}", f"0{s[:2]}-{s[2:]}", f"0{s[:2]} {s[2:]}"]
        intl = [f"+353 {s[:2]} {s[2:5]} {s[5:]}", f"+353 (0){s[:2]} {s[2:5]} {s[5:]}", f"+353{s}"]
    else:
        s = "1" + _digits(rng, 7)
        nat = [f"(01) {s[1:4]} {s[4:]}", f"01 {s[1:4]} {s[4:]}", f"01-{s[1:]}"]
        intl = [f"+353 1 {s[1:4]} {s[4:]}", f"+353 (0)1 {s[1:4]} {s[4:]}"]
    return f"+353{s}" if mode == "e164" else _pick(rng, mode, nat, intl)


def _au(rng: random.Random, mode: str) -> str:
    kind = rng.choices(["mob", "land", "13"], [0.55, 0.37, 0.08])[0]
    if kind == "mob":
        s = "4" + _digits(rng, 8)
        nat = [f"0{s[:3]} {s[3:6]} {s[6:]}", f"0{s}", f"0{s[:3]}-{s[3:6]}-{s[6:]}"]
        intl = [f"+61 {s[:3]} {s[3:6]} {s[6:]}", f"+61{s}", f"+61 (0){s[:3]} {s[3:6]} {s[6:]}"]
    elif kind == "land":
        s = rng.choice("2378") + rng.choice("3456789") + _digits(rng, 7)
        nat = [f"(0{s[0]}) {s[1:5]} {s[5:]}", f"0{s[0]} {s[1:5]} {s[5:]}", f"0{s[0]}{s[1:5]}{s[5:]}"]
        intl = [f"+61 {s[0]} {s[1:5]} {s[5:]}", f"+61 ({s[0]}) {s[1:5]} {s[5:]}"]
    else:
        s = rng.choice(["1300", "1800"]) + _digits(rng, 6)
        return f"{s[:4]} {s[4:7]} {s[7:]}"
    return f"+61{s}" if mode == "e164" else _pick(rng, mode, nat, intl)


def _in(rng: random.Random, mode: str) -> str:
    if rng.random() < 0.72:
        s = rng.choice("6789") + _digits(rng, 9)
        nat = [f"{s[:5]} {s[5:]}", f"0{s}", f"{s}", f"0{s[:5]} {s[5:]}", f"{s[:5]}-{s[5:]}"]
        intl = [f"+91 {s[:5]} {s[5:]}", f"+91-{s}", f"+91 {s}", f"+91{s}", f"(+91) {s[:5]} {s[5:]}"]
    else:
        std, n = rng.choice([("11", 8), ("22", 8), ("80", 8), ("44", 8), ("40", 8), ("33", 8), ("20", 8), ("79", 8)])
        sub = rng.choice("2346") + _digits(rng, n - 1)
        s = std + sub
        nat = [f"0{std}-{sub}", f"0{std} {sub[:4]} {sub[4:]}", f"(0{std}) {sub}"]
        intl = [f"+91 {std} {sub[:4]} {sub[4:]}", f"+91-{std}-{sub}"]
    return f"+91{s}" if mode == "e164" else _pick(rng, mode, nat, intl)


def _de(rng: random.Random, mode: str) -> str:
    if rng.random() < 0.45:
        pre = rng.choice(["151", "152", "157", "160", "162", "170", "171", "172", "173", "175", "176", "177", "178"])
        sub = _digits(rng, 8 if pre[:2] in ("15", "17") and rng.random() < 0.5 else 7)
        nat = [f"0{pre} {sub}", f"0{pre}/{sub}", f"0{pre}-{sub}", f"0{pre}{sub}", f"0{pre} {sub[:4]} {sub[4:]}"]
        intl = [f"+49 {pre} {sub}", f"+49 (0){pre} {sub}", f"+49{pre}{sub}", f"+49 {pre} {sub[:4]} {sub[4:]}",
                f"0049 {pre} {sub}"]
    else:
        pre, n = rng.choice([("30", 8), ("40", 8), ("89", 8), ("69", 8), ("221", 7), ("211", 7), ("711", 7),
                             ("341", 7), ("351", 7), ("511", 7), ("911", 7), ("421", 7), ("6221", 6)])
        sub = rng.choice("23456789") + _digits(rng, n - 1)
        if rng.random() < 0.2:  # a company's switchboard with its direct-dial suffix
            sub = sub[:-2] + "-" + _digits(rng, rng.choice([1, 2, 3]))
        nat = [f"0{pre} {sub}", f"0{pre}/{sub}", f"(0{pre}) {sub}", f"0{pre}-{sub}", f"0{pre} {sub[:3]} {sub[3:]}"]
        intl = [f"+49 {pre} {sub}", f"+49 (0){pre} {sub}", f"+49 {pre}/{sub}", f"0049 {pre} {sub}"]
    s = "+49" + re.sub(r"\D", "", pre + sub)
    return s if mode == "e164" else _pick(rng, mode, nat, intl)


def _at(rng: random.Random, mode: str) -> str:
    if rng.random() < 0.5:
        pre, sub = rng.choice(["664", "660", "676", "650", "699", "681"]), _digits(rng, 7)
        nat = [f"0{pre} {sub[:3]} {sub[3:5]} {sub[5:]}", f"0{pre}/{sub}", f"0{pre} {sub}"]
        intl = [f"+43 {pre} {sub}", f"+43 {pre} {sub[:3]} {sub[3:5]} {sub[5:]}", f"+43 (0){pre} {sub}"]
    else:
        pre, sub = rng.choice(["1", "316", "662", "512", "732"]), rng.choice("2345789") + _digits(rng, 6)
        nat = [f"0{pre} {sub[:3]} {sub[3:5]} {sub[5:]}", f"0{pre}/{sub}", f"(0{pre}) {sub}"]
        intl = [f"+43 {pre} {sub[:3]} {sub[3:5]} {sub[5:]}", f"+43 {pre} {sub}", f"+43 (0){pre} {sub}"]
    return f"+43{pre}{sub}" if mode == "e164" else _pick(rng, mode, nat, intl)


def _ch(rng: random.Random, mode: str) -> str:
    pre = rng.choice(["44", "43", "31", "61", "21", "22", "71", "41", "79", "78", "76", "77"])
    sub = rng.choice("2345678") + _digits(rng, 6)
    nat = [f"0{pre} {sub[:3]} {sub[3:5]} {sub[5:]}", f"0{pre}{sub}", f"0{pre} {sub}"]
    intl = [f"+41 {pre} {sub[:3]} {sub[3:5]} {sub[5:]}", f"+41 (0){pre} {sub[:3]} {sub[3:5]} {sub[5:]}",
            f"+41{pre}{sub}", f"0041 {pre} {sub[:3]} {sub[3:5]} {sub[5:]}"]
    return f"+41{pre}{sub}" if mode == "e164" else _pick(rng, mode, nat, intl)


def _fr(rng: random.Random, mode: str) -> str:
    s = rng.choices(["1", "2", "3", "4", "5", "6", "7", "9"], [3, 1, 1, 1, 1, 5, 3, 1])[0] + _digits(rng, 8)
    pairs = " ".join(s[i:i + 2] for i in range(1, 9, 2))
    nat = [f"0{s[0]} {pairs}", f"0{s[0]}.{pairs.replace(' ', '.')}", f"0{s}", f"0{s[0]}-{pairs.replace(' ', '-')}"]
    intl = [f"+33 {s[0]} {pairs}", f"+33 (0){s[0]} {pairs}", f"+33{s}", f"0033 {s[0]} {pairs}",
            f"+33 {s[0]}{s[1:3]} {s[3:5]} {s[5:7]} {s[7:]}"]
    return f"+33{s}" if mode == "e164" else _pick(rng, mode, nat, intl, [0.62, 0.16, 0.12, 0.1])


def _be(rng: random.Random, mode: str) -> str:
    if rng.random() < 0.55:
        s = "4" + rng.choice("6789") + rng.choice("0123456789") + _digits(rng, 6)
        nat = [f"0{s[:3]} {s[3:5]} {s[5:7]} {s[7:]}", f"0{s[:3]}/{s[3:5]}.{s[5:7]}.{s[7:]}", f"0{s}"]
        intl = [f"+32 {s[:3]} {s[3:5]} {s[5:7]} {s[7:]}", f"+32{s}", f"+32 (0){s[:3]} {s[3:5]} {s[5:7]} {s[7:]}"]
    else:
        s = rng.choice(["2", "3", "9"]) + rng.choice("2345") + _digits(rng, 6)
        nat = [f"0{s[0]} {s[1:4]} {s[4:6]} {s[6:]}", f"0{s[0]}/{s[1:4]}.{s[4:6]}.{s[6:]}"]
        intl = [f"+32 {s[0]} {s[1:4]} {s[4:6]} {s[6:]}", f"+32 (0){s[0]} {s[1:4]} {s[4:6]} {s[6:]}"]
    return f"+32{s}" if mode == "e164" else _pick(rng, mode, nat, intl)


def _nl(rng: random.Random, mode: str) -> str:
    if rng.random() < 0.55:
        s = "6" + rng.choice("1234") + _digits(rng, 7)
        nat = [f"06-{s[1:]}", f"06 {s[1:]}", f"06 {s[1:5]} {s[5:]}", f"06{s[1:]}", f"06 - {s[1:]}"]
        intl = [f"+31 6 {s[1:]}", f"+31 (0)6 {s[1:5]} {s[5:]}", f"+31{s}", f"0031 6 {s[1:]}", f"+31 6 {s[1:5]} {s[5:]}"]
    else:
        area = rng.choice(["20", "10", "70", "30", "40", "50", "24", "26", "43", "418", "573"])
        sub = rng.choice("2345678") + _digits(rng, 8 - len(area))
        s = area + sub
        nat = [f"0{area} {sub[:3]} {sub[3:]}", f"0{area}-{sub}", f"(0{area}) {sub}", f"0{area} {sub}"]
        intl = [f"+31 {area} {sub[:3]} {sub[3:]}", f"+31 (0){area} {sub[:3]} {sub[3:]}", f"+31{s}"]
    return f"+31{s}" if mode == "e164" else _pick(rng, mode, nat, intl)


def _es(rng: random.Random, mode: str) -> str:
    if rng.random() < 0.55:
        s = rng.choice(["6", "6", "6", "7"]) + _digits(rng, 8)
        if s[0] == "7":
            s = "7" + rng.choice("1234") + s[2:]
    else:
        s = "9" + rng.choice("1345678") + _digits(rng, 7)
    nat = [f"{s[:3]} {s[3:6]} {s[6:]}", f"{s[:3]} {s[3:5]} {s[5:7]} {s[7:]}", f"{s}",
           f"{s[:2]} {s[2:5]} {s[5:7]} {s[7:]}" if s[0] == "9" else f"{s[:3]}-{s[3:6]}-{s[6:]}"]
    intl = [f"+34 {s[:3]} {s[3:6]} {s[6:]}", f"+34 {s[:3]} {s[3:5]} {s[5:7]} {s[7:]}", f"+34{s}",
            f"0034 {s[:3]} {s[3:6]} {s[6:]}", f"(+34) {s[:3]} {s[3:6]} {s[6:]}"]
    return f"+34{s}" if mode == "e164" else _pick(rng, mode, nat, intl)


def _mx(rng: random.Random, mode: str) -> str:
    area = rng.choice(["55", "33", "81", "222", "442", "998", "664"])
    s = area + _digits(rng, 10 - len(area))
    if len(area) == 2:
        nat = [f"{area} {s[2:6]} {s[6:]}", f"({area}) {s[2:6]}-{s[6:]}", f"{area}-{s[2:6]}-{s[6:]}", s]
        intl = [f"+52 {area} {s[2:6]} {s[6:]}", f"+52 1 {area} {s[2:6]} {s[6:]}", f"+52{s}"]
    else:
        nat = [f"{area} {s[3:6]} {s[6:]}", f"({area}) {s[3:6]}-{s[6:]}", s]
        intl = [f"+52 {area} {s[3:6]} {s[6:]}", f"+52{s}"]
    return f"+52{s}" if mode == "e164" else _pick(rng, mode, nat, intl)


def _it(rng: random.Random, mode: str) -> str:
    if rng.random() < 0.55:
        s = "3" + rng.choice("234567899") + _digits(rng, 8)
        nat = [f"{s[:3]} {s[3:6]} {s[6:]}", f"{s[:3]}-{s[3:]}", f"{s[:3]} {s[3:]}", f"{s}", f"{s[:3]}/{s[3:]}"]
        intl = [f"+39 {s[:3]} {s[3:6]} {s[6:]}", f"+39 {s}", f"+39{s}", f"0039 {s[:3]} {s[3:]}",
                f"(+39) {s[:3]} {s[3:6]} {s[6:]}"]
    else:
        area = rng.choice(["02", "06", "011", "055", "081", "051", "041", "010", "091", "0461"])
        sub = rng.choice("2345678") + _digits(rng, 9 - len(area) if len(area) > 2 else 7)
        s = area + sub
        nat = [f"{area} {sub[:4]} {sub[4:]}", f"{area} {sub}", f"{area}-{sub}", f"{area}/{sub}"]
        intl = [f"+39 {area} {sub[:4]} {sub[4:]}", f"+39 {area} {sub}", f"+39{s}", f"0039 {area} {sub}"]
    return f"+39{s}" if mode == "e164" else _pick(rng, mode, nat, intl)


def _pt(rng: random.Random, mode: str) -> str:
    if rng.random() < 0.6:
        s = "9" + rng.choice("1236") + _digits(rng, 7)
        nat = [f"{s[:3]} {s[3:6]} {s[6:]}", s]
    else:
        s = rng.choice(["21", "22", "239", "253", "289"])
        s = s + _digits(rng, 9 - len(s))
        nat = [f"{s[:2]} {s[2:5]} {s[5:]}", s]
    intl = [f"+351 {s[:3]} {s[3:6]} {s[6:]}", f"+351 {s}", f"+351{s}", f"00351 {s[:3]} {s[3:6]} {s[6:]}"]
    return f"+351{s}" if mode == "e164" else _pick(rng, mode, nat, intl)


def _br(rng: random.Random, mode: str) -> str:
    ddd = rng.choice(["11", "11", "21", "31", "41", "51", "61", "71", "81", "85", "19", "27", "48", "62"])
    if rng.random() < 0.7:
        sub = "9" + rng.choice("6789") + _digits(rng, 7)
        a, b = sub[:5], sub[5:]
        nat = [f"({ddd}) {a}-{b}", f"{ddd} {a}-{b}", f"({ddd}) 9 {a[1:]}-{b}", f"0{ddd} {a}-{b}", f"({ddd}){a}-{b}",
               f"{ddd}{sub}"]
    else:
        sub = rng.choice("2345") + _digits(rng, 7)
        a, b = sub[:4], sub[4:]
        nat = [f"({ddd}) {a}-{b}", f"{ddd} {a}-{b}", f"({ddd}) {a} {b}", f"0{ddd} {a}-{b}"]
    intl = [f"+55 {ddd} {a}-{b}", f"+55 ({ddd}) {a}-{b}", f"+55{ddd}{sub}", f"+55 {ddd} {a} {b}"]
    return f"+55{ddd}{sub}" if mode == "e164" else _pick(rng, mode, nat, intl)


def _pl(rng: random.Random, mode: str) -> str:
    if rng.random() < 0.6:
        s = rng.choice(["50", "51", "53", "57", "60", "66", "69", "72", "78", "79", "88"]) + _digits(rng, 7)
        nat = [f"{s[:3]} {s[3:6]} {s[6:]}", f"{s[:3]}-{s[3:6]}-{s[6:]}", s]
        intl = [f"+48 {s[:3]} {s[3:6]} {s[6:]}", f"+48 {s[:3]}-{s[3:6]}-{s[6:]}", f"+48{s}", f"0048 {s}"]
    else:
        s = rng.choice(["22", "12", "71", "61", "58", "42"]) + rng.choice("2345678") + _digits(rng, 6)
        nat = [f"{s[:2]} {s[2:5]} {s[5:7]} {s[7:]}", f"({s[:2]}) {s[2:5]} {s[5:7]} {s[7:]}", f"{s[:2]} {s[2:]}"]
        intl = [f"+48 {s[:2]} {s[2:5]} {s[5:7]} {s[7:]}", f"+48 ({s[:2]}) {s[2:5]} {s[5:7]} {s[7:]}"]
    return f"+48{s}" if mode == "e164" else _pick(rng, mode, nat, intl)


_PHONES: dict[str, Callable[[random.Random, str], str]] = {
    "US": lambda r, m: _nanp(r, "US", m), "CA": lambda r, m: _nanp(r, "CA", m), "GB": _gb, "IE": _ie, "AU": _au,
    "IN": _in, "DE": _de, "AT": _at, "CH": _ch, "FR": _fr, "BE": _be, "NL": _nl, "ES": _es, "MX": _mx, "IT": _it,
    "PT": _pt, "BR": _br, "PL": _pl}
PHONE_REGIONS = tuple(sorted(_PHONES))


def phone(rng: random.Random, region: str, mode: str = "nat", ext: float = 0.0) -> str:
    """A phone number of ``region`` as people write it; ``mode`` nat, intl, any or e164; an extension with p=ext."""
    if region not in _PHONES:
        raise GuardError(f"no phone format for region '{region}'", hint="one of " + ", ".join(PHONE_REGIONS))
    number = _PHONES[region](rng, mode)
    if ext and mode != "e164" and rng.random() < ext:
        sep = rng.choice([" ", ", "]) if region in ("US", "CA", "GB") else " "
        number += sep + rng.choice(_EXT_WORD[region]) + _digits(rng, rng.choice([2, 3, 3, 4]))
    return number


# ---------------------------------------------------------------- payment cards (Luhn)
def luhn_ok(number: str) -> bool:
    digits = [int(c) for c in number if c.isdigit()]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return len(digits) > 0 and total % 10 == 0


def _luhn_complete(prefix: str, length: int, rng: random.Random) -> str:
    body = prefix + _digits(rng, length - len(prefix) - 1)
    for check in "0123456789":
        if luhn_ok(body + check):
            return body + check
    raise AssertionError("unreachable: one check digit always completes a Luhn number")


def card(rng: random.Random, fmt: str = "") -> str:
    """A Luhn-valid card number of a real brand's prefix and length, grouped as its brand prints it or compact."""
    brand = rng.choices(["visa", "mc", "amex", "disc", "jcb", "diners", "cup"], [44, 30, 11, 6, 3, 2, 4])[0]
    if brand == "visa":
        number = _luhn_complete("4" + _digits(rng, 5), 16, rng)
    elif brand == "mc":
        pre = str(rng.randint(51, 55)) if rng.random() < 0.8 else str(rng.randint(2221, 2720))
        number = _luhn_complete(pre, 16, rng)
    elif brand == "amex":
        number = _luhn_complete(rng.choice(["34", "37"]), 15, rng)
    elif brand == "disc":
        number = _luhn_complete(rng.choice(["6011", "65", str(rng.randint(644, 649))]), 16, rng)
    elif brand == "jcb":
        number = _luhn_complete(str(rng.randint(3528, 3589)), 16, rng)
    elif brand == "diners":
        number = _luhn_complete(rng.choice(["36", "38", "300", "305"]), 14, rng)
    else:
        number = _luhn_complete("62" + _digits(rng, 2), rng.choice([16, 16, 19]), rng)
    fmt = fmt or rng.choices(["space", "compact", "dash"], [55, 32, 13])[0]
    if fmt == "compact":
        return number
    if len(number) == 15:
        groups = [number[:4], number[4:10], number[10:]]
    elif len(number) == 14:
        groups = [number[:4], number[4:10], number[10:]]
    else:
        groups = [number[i:i + 4] for i in range(0, len(number), 4)]
    return (" " if fmt == "space" else "-").join(groups)


# ---------------------------------------------------------------- IBANs (mod-97, with national check digits)
def iban_ok(value: str) -> bool:
    s = value.replace(" ", "").upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{8,30}", s):
        return False
    moved = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


def _num(text: str) -> int:
    return int("".join(str(int(c, 36)) for c in text))


def _es_dc(digits: str) -> str:
    weights = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]
    d = 11 - sum(int(c) * w for c, w in zip(digits, weights)) % 11
    return str({11: 0, 10: 1}.get(d, d))


_IT_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]


def _it_cin(text: str) -> str:
    total = 0
    for i, c in enumerate(text):
        k = int(c) if c.isdigit() else ord(c) - 65
        total += _IT_ODD[k] if i % 2 == 0 else k
    return chr(65 + total % 26)


def _nl_account(rng: random.Random) -> str:
    while True:
        acc = _digits(rng, 10)
        if acc[0] != "0" and sum(int(c) * (10 - i) for i, c in enumerate(acc)) % 11 == 0:
            return acc


def _digit_fn(rng: random.Random) -> Callable[[int], str]:
    """``d(k)``: k random digits from ``rng`` (short for the BBAN layouts)."""
    return lambda k: _digits(rng, k)


def _bban(rng: random.Random, country: str) -> str:
    d = _digit_fn(rng)
    if country == "DE":
        return rng.choice(["37040044", "10010010", "50010517", "70150000", "12030000", "43060967", "10011001",
                           "20050550", "60050101", "50070024", "30020900", "76026000"]) + d(10)
    if country == "AT":
        return rng.choice(["12000", "20111", "32000", "14000", "60000", "38000"]) + d(11)
    if country == "CH":
        return rng.choice(["00230", "00762", "04835", "09000", "00700", "80808"]) + d(12)
    if country == "FR":
        bank = rng.choice(["30004", "30003", "20041", "10278", "30002", "11306", "10107", "18206", "17515"])
        branch, acc = d(5), d(11)
        key = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(acc)) % 97
        return f"{bank}{branch}{acc}{key:02d}"
    if country == "ES":
        bank = rng.choice(["2100", "0049", "0182", "0081", "2085", "0128", "1465", "0075", "2080"])
        branch, acc = d(4), d(10)
        return bank + branch + _es_dc("00" + bank + branch) + _es_dc(acc) + acc
    if country == "IT":
        abi = rng.choice(["03069", "02008", "05034", "03062", "03111", "01030", "05696", "03015"])
        cab, acc = d(5), "0000" + d(8) if rng.random() < 0.6 else d(12)
        return _it_cin(abi + cab + acc) + abi + cab + acc
    if country == "NL":
        bank = rng.choice(["ABNA", "INGB", "RABO", "SNSB", "TRIO", "ASNB", "KNAB", "BUNQ", "RBRB"])
        return bank + ("000" + d(7) if bank == "INGB" else _nl_account(rng))
    if country == "BE":
        first = rng.choice(["001", "068", "310", "363", "539", "735", "751", "973", "063", "143"]) + d(7)
        return first + f"{(int(first) % 97) or 97:02d}"
    if country == "GB":
        return rng.choice(["NWBK", "BARC", "LOYD", "HBUK", "MIDL", "NAIA", "MONZ", "SRLG", "REVO"]) + d(6) + d(8)
    if country == "IE":
        return rng.choice(["AIBK93", "BOFI90", "IPBS99", "ULSB98"]) + d(4) + d(8)
    if country == "PT":
        body = rng.choice(["0035", "0033", "0007", "0010", "0036", "0018"]) + d(4) + d(11)
        return body + f"{98 - int(body + '00') % 97:02d}"
    if country == "PL":
        return rng.choice(["10901014", "10201026", "11402004", "10500099", "12401444", "11602202"]) + d(16)
    if country == "BR":
        bank = rng.choice(["00000000", "00360305", "60701190", "90400888", "60746948", "18236120"])
        return bank + d(5) + d(10) + rng.choice("CCCP") + "1"
    if country == "LU":
        return rng.choice(["001", "002", "003", "019", "030"]) + d(13)
    if country == "SE":
        return rng.choice(["500", "800", "600", "300"]) + d(17)
    raise GuardError(f"no IBAN format for country '{country}'")


IBAN_COUNTRIES = ("AT", "BE", "BR", "CH", "DE", "ES", "FR", "GB", "IE", "IT", "LU", "NL", "PL", "PT", "SE")


def iban(rng: random.Random, country: str, fmt: str = "") -> str:
    """A checksum-valid IBAN of ``country`` (BBAN layout and national check digits of that country)."""
    bban = _bban(rng, country)
    check = 98 - _num(bban + country + "00") % 97
    value = f"{country}{check:02d}{bban}"
    fmt = fmt or rng.choices(["group", "compact"], [62, 38])[0]
    return " ".join(value[i:i + 4] for i in range(0, len(value), 4)) if fmt == "group" else value


# ---------------------------------------------------------------- US SSNs
def ssn(rng: random.Random, fmt: str = "") -> str:
    """An SSN in the issued ranges (area 001-899 but 666, group 01-99, serial 0001-9999)."""
    area = rng.randint(1, 898)
    area = 667 if area == 666 else area
    group, serial = rng.randint(1, 99), rng.randint(1, 9999)
    fmt = fmt or rng.choices(["dash", "space"], [80, 20])[0]
    sep = {"dash": "-", "space": " ", "bare": ""}[fmt]
    return f"{area:03d}{sep}{group:02d}{sep}{serial:04d}"


# ---------------------------------------------------------------- IP addresses
_PUB_FIRST = {  # first octets seen in each region's access networks and the big clouds
    "EU": [2, 5, 31, 37, 46, 62, 77, 78, 79, 80, 81, 82, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 109, 141,
           145, 151, 176, 178, 185, 188, 193, 194, 195, 212, 213, 217],
    "US": [12, 23, 24, 47, 50, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 96, 97, 98, 99, 104, 107, 108,
           136, 142, 162, 166, 172, 173, 174, 184, 198, 199, 204, 205, 206, 207, 208, 209, 216],
    "CLOUD": [3, 4, 8, 13, 15, 18, 20, 34, 35, 40, 44, 45, 51, 52, 54, 104, 137, 139, 142, 143, 157, 159, 167, 170],
    "IN": [1, 14, 27, 43, 49, 59, 103, 106, 110, 112, 115, 117, 122, 125, 180, 182, 183],
    "BR": [138, 143, 152, 168, 170, 177, 179, 186, 187, 189, 191, 200, 201],
    "AU": [1, 27, 49, 58, 101, 110, 115, 118, 120, 121, 124, 144, 203],
}
_REGION_NET = {"US": "US", "CA": "US", "GB": "EU", "IE": "EU", "AU": "AU", "IN": "IN", "DE": "EU", "AT": "EU",
               "CH": "EU", "FR": "EU", "BE": "EU", "NL": "EU", "ES": "EU", "MX": "BR", "IT": "EU", "PT": "EU",
               "BR": "BR", "PL": "EU"}
_DNS = ["1.1.1.1", "1.0.0.1", "8.8.8.8", "8.8.4.4", "9.9.9.9", "149.112.112.112", "208.67.222.222",
        "208.67.220.220", "94.140.14.14", "84.200.69.80", "64.6.64.6"]


def ipv4(rng: random.Random, kind: str, region: str = "US") -> str:
    """An IPv4 address of a kind: pub, cloud, priv, gw, cgnat, lo (lo1, lo11, lo53), doc, ll, dns, '' (a mix)."""
    if not kind:
        kind = rng.choices(["pub", "cloud", "priv", "cgnat", "lo", "doc", "ll"], [34, 12, 36, 7, 5, 4, 2])[0]
    if kind in ("pub", "cloud"):
        pool = _PUB_FIRST["CLOUD" if kind == "cloud" else _REGION_NET.get(region, "US")]
        while True:
            a = rng.choice(pool) if rng.random() < 0.8 else rng.randint(1, 223)
            addr = f"{a}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
            ip = ipaddress.IPv4Address(addr)
            if ip.is_global and ip not in ipaddress.IPv4Network("100.64.0.0/10"):
                return addr
    if kind in ("priv", "gw"):
        net = rng.choices([f"192.168.{rng.choice([0, 1, 1, 1, 2, 10, 178, 100, 88, 50, 31])}",
                           f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}",
                           f"10.{rng.choice([0, 1, 10, 20, 100])}.{rng.choice([0, 1, 10, 20, 30, 50])}",
                           f"172.{rng.randint(16, 31)}.{rng.randint(0, 255)}"], [40, 25, 15, 20])[0]
        host = rng.choice([1, 1, 254]) if kind == "gw" else rng.randint(2, 253)
        return f"{net}.{host}"
    if kind == "cgnat":
        return f"100.{rng.randint(64, 127)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    if kind in ("lo1", "lo11", "lo53"):  # the loopbacks /etc/hosts, resolv.conf and dev servers write
        return {"lo1": "127.0.0.1", "lo11": "127.0.1.1", "lo53": "127.0.0.53"}[kind]
    if kind == "lo":
        return rng.choices(["127.0.0.1", "127.0.1.1", "127.0.0.53",
                            f"127.{rng.randint(0, 9)}.{rng.randint(0, 9)}.{rng.randint(1, 20)}"], [70, 10, 10, 10])[0]
    if kind == "doc":
        return f"{rng.choice(['192.0.2', '198.51.100', '203.0.113'])}.{rng.randint(1, 254)}"
    if kind == "ll":
        return f"169.254.{rng.randint(1, 254)}.{rng.randint(1, 254)}"
    if kind == "dns":
        return rng.choice(_DNS)
    raise GuardError(f"unknown IPv4 kind '{kind}'")


_V6_PREFIXES = ["2001:4860:4860", "2a00:1450:4001", "2606:4700:3033", "2600:1f18:4a2", "2a02:8108:1dc0",
                "2a01:4f8:c17", "2604:a880:400", "2a03:2880:f12d", "2001:67c:2e8", "2400:cb00:2049",
                "2a02:2e0:3fe", "2003:e4:bf2a", "2a01:cb00:85e", "2800:3f0:4001", "2804:14c:6583",
                "2409:4042:2d9b", "2001:8003:6c17", "2607:f8b0:4004", "2a00:23c5:e9", "2a02:a45a:31f5"]


def ipv6(rng: random.Random, arg: str = "") -> str:
    """An IPv6 address; ``arg`` picks a kind (glob, doc, ula, ll, lo, mapped) or a spelling (full, comp, upper)."""
    kinds = {"glob", "doc", "ula", "ll", "lo", "mapped"}
    kind = arg if arg in kinds else rng.choices(["glob", "doc", "ula", "ll", "lo", "mapped"], [56, 10, 12, 15, 3, 4])[0]
    spelling = arg if arg in ("full", "comp", "upper", "nozero") else \
        rng.choices(["comp", "full", "nozero", "upper"], [60, 15, 10, 15])[0]
    if kind == "lo":
        return "::1"
    if kind == "mapped":
        return "::ffff:" + ipv4(rng, rng.choice(["pub", "priv"]))
    if kind == "glob":
        head = [int(g, 16) for g in rng.choice(_V6_PREFIXES).split(":")]
        head += [rng.randint(0, 0xFFFF) for _ in range(4 - len(head))]
    elif kind == "doc":
        head = [0x2001, 0xDB8, rng.choice([0, 0, 1, 0x85A3, 0xAC10, 0x10]), rng.choice([0, 0, 1, 0x42, 0xFE01])]
    elif kind == "ula":
        head = [0xFD00 | rng.randint(0, 0xFF), rng.randint(0, 0xFFFF), rng.randint(0, 0xFFFF), rng.randint(0, 0xFF)]
    else:
        head = [0xFE80, 0, 0, 0]
    style = rng.choices(["small", "eui", "rand", "mid"], [30, 25, 30, 15])[0]
    if style == "small":
        tail = [0, 0, 0, rng.choice([1, 1, 2, 3, 0x10, 0xA, 0x53, 0x100, rng.randint(1, 0xFFFF)])]
    elif style == "eui":
        tail = [rng.randint(0, 0xFFFF) & 0xFDFF, rng.randint(0, 0xFF) << 8 | 0xFF, 0xFE00 | rng.randint(0, 0xFF),
                rng.randint(0, 0xFFFF)]
    elif style == "rand":
        tail = [rng.randint(0, 0xFFFF) for _ in range(4)]
    else:
        tail = [rng.randint(1, 0xFFFF), 0, 0, rng.randint(1, 0xFFFF)]
    addr = ipaddress.IPv6Address(":".join(f"{g:x}" for g in head + tail))
    if spelling == "full":
        text = addr.exploded
    elif spelling == "nozero":
        text = ":".join(f"{g:x}" for g in head + tail)
    else:
        text = addr.compressed
    return text.upper() if spelling == "upper" or (spelling == "full" and rng.random() < 0.3) else text


# ---------------------------------------------------------------- PII-free distractors
def _small(rng: random.Random, top: int) -> int:
    """1..top, small numbers far more often (as section and version numbers are)."""
    return rng.choices(range(1, top + 1), [1.0 / k for k in range(1, top + 1)])[0]


VER4: dict[str, Callable[[random.Random], str]] = {  # four-part versions as each vendor numbers its releases
    "dotnet": lambda r: f"{r.choice([2, 4, 4, 4, 5, 6, 6, 7, 8, 8])}.0.0.0",
    "ftd": lambda r: r.choice(["6.4.0", "6.6.5", "6.6.7", "7.0.1", "7.0.5", "7.0.6", "7.2.4", "7.2.5", "7.2.8",
                               "7.4.1", "7.4.2"]) + f".{r.randint(1, 4)}",
    "asa": lambda r: f"9.{r.randint(12, 20)}.{r.randint(1, 4)}.{r.randint(1, 70)}",
    "oracle": lambda r: r.choice(["11.2.0.4", "12.1.0.2", "12.2.0.1", "18.0.0.0", f"19.{r.randint(3, 23)}.0.0",
                                  "21.0.0.0"]),
    "netgear": lambda r: f"{'V' if r.random() < 0.4 else ''}1.0.{r.randint(0, 11)}.{r.randint(1, 250)}",
    "cudnn": lambda r: f"8.9.{r.randint(0, 7)}.{r.choice([2, 5, 12, 26, 29, 30])}",
    "tensorrt": lambda r: r.choice(["8.6.1.6", "8.5.3.1", "10.0.1.6", "10.3.0.26", "8.4.3.1", "10.1.0.27"]),
    "spss": lambda r: r.choice(["29.0.2.0", "29.0.1.0", "28.0.1.1", "28.0.0.0", "27.0.1.0", "26.0.0.0"]),
    "intel": lambda r: r.choice([f"22.{r.randrange(110, 260, 10)}.{r.randint(0, 1)}.{r.randint(1, 9)}",
                                 f"10.1.{r.randint(17, 19)}.{r.randint(1, 9)}",
                                 f"31.0.101.{r.randint(4000, 5500)}"]),
    "draytek": lambda r: f"{r.choice(['3.9', '4.2', '4.3', '4.4', '4.4', '5.2'])}.{r.randint(0, 5)}.{r.randint(1, 3)}",
    "yealink": lambda r: f"{r.choice([66, 108, 96, 146, 150])}.{r.choice([84, 85, 86])}.0.{r.randint(5, 200)}",
    "grandstream": lambda r: f"1.0.{r.randint(3, 11)}.{r.randint(1, 99)}",
    "freepbx": lambda r: r.choice([f"16.0.{r.randint(10, 40)}.{r.randint(1, 9)}",
                                   f"17.0.{r.randint(10, 19)}.{r.randint(1, 30)}"]),
    "terraria": lambda r: r.choice(["1.4.4.9", "1.4.4.8", "1.4.3.6", "1.4.0.5", "1.3.5.3"]),
    "csgo": lambda r: r.choice([f"1.38.{r.randint(1, 8)}.{r.randint(0, 9)}",
                                f"1.40.{r.randint(0, 2)}.{r.randint(1, 9)}"]),
    "bedrock": lambda r: f"1.{r.choice([19, 20, 21])}.{r.randint(0, 81)}.0{r.randint(1, 3)}",
    "secureclient": lambda r: f"5.{r.randint(0, 1)}.{r.randint(0, 6)}.{r.randint(20, 250)}",
    "veeam": lambda r: f"12.{r.randint(0, 2)}.{r.randint(0, 2)}.{r.choice([56, 1420, 2400, 1321, 43, 17])}",
    "citrix": lambda r: f"{r.choice([22, 23, 24])}.{r.choice([3, 5, 9, 11, 12])}.{r.randint(0, 1)}."
                        f"{r.randint(10, 250)}",
    "app": lambda r: f"{_small(r, 9)}.{r.randint(0, 30)}.{r.randint(0, 9)}.{r.randint(0, 200)}",
    "pacs": lambda r: f"{r.randint(3, 7)}.{r.randint(0, 4)}.{r.randint(0, 9)}.{r.randint(1, 30)}",
    "fw": lambda r: f"{_small(r, 4)}.{r.randint(0, 9)}.{r.randint(0, 20)}.{r.randint(0, 99)}",
    "chrome": lambda r: f"{r.randint(118, 126)}.0.{r.randint(5993, 6478)}.{r.randint(50, 250)}",
    "windows": lambda r: f"10.0.{r.choice([19045, 22631, 20348, 17763, 26100])}.{r.randint(1000, 5000)}",
    "office": lambda r: f"16.0.{r.randint(14300, 17600)}.{r.randint(20000, 20500)}",
}
VER4["any"] = lambda r: VER4[r.choice(sorted(set(VER4) - {"any"}))](r)
VER3: dict[str, Callable[[random.Random], str]] = {
    "semver": lambda r: f"{_small(r, 12) - 1}.{r.randint(0, 30)}.{r.randint(0, 20)}",
    "routeros": lambda r: r.choice([f"6.49.{r.randint(6, 15)}", f"7.{r.randint(10, 16)}.{r.randint(0, 3)}"]),
    "fortios": lambda r: f"7.{r.choice([0, 2, 4])}.{r.randint(0, 15)}",
    "iosxe": lambda r: f"17.{r.choice([3, 6, 9, 12])}.{r.randint(1, 5)}{r.choice(['', 'a', 'b'])}",
    "openssl": lambda r: r.choice([f"3.0.{r.randint(10, 14)}", f"3.{r.randint(1, 3)}.{r.randint(0, 2)}",
                                   f"1.1.1{r.choice('tuvw')}"]),
    "ubuntu": lambda r: r.choice(["20.04.6", "22.04.3", "22.04.4", "24.04.1"]),
    "node": lambda r: r.choice([f"18.{r.randint(17, 20)}.{r.randint(0, 4)}",
                                f"20.{r.randint(10, 17)}.{r.randint(0, 2)}"]),
    "terraform": lambda r: f"1.{r.randint(5, 9)}.{r.randint(0, 5)}",
    "ansible": lambda r: f"2.{r.choice([15, 16, 17])}.{r.randint(0, 9)}",
    "python": lambda r: f"3.{r.randint(9, 12)}.{r.randint(0, 18)}",
    "apple": lambda r: f"{r.choice([16, 17, 17, 18])}.{r.randint(0, 6)}.{r.randint(1, 2)}",
    "android": lambda r: f"{r.choice([12, 13, 14])}.0.{r.randint(0, 3)}",
}
VER3["any"] = lambda r: VER3[r.choice(sorted(set(VER3) - {"any"}))](r)

_OID_SHORT = ["2.5.4.3", "2.5.4.5", "2.5.4.6", "2.5.4.7", "2.5.4.8", "2.5.4.10", "2.5.4.11", "2.5.4.12",
              "2.5.4.42", "2.5.29.14", "2.5.29.15", "2.5.29.17", "2.5.29.19", "2.5.29.31", "2.5.29.32",
              "2.5.29.35", "2.5.29.37", "1.3.6.1", "1.3.14.3", "2.5.4.97"]


def oid(rng: random.Random, arg: str = "") -> str:
    """An object identifier: X.500/X.509 four-arc ones (valid dotted quads) or longer MIB/PKCS ones."""
    if arg == "short" or (not arg and rng.random() < 0.55):
        return rng.choice(_OID_SHORT)
    return rng.choice([f"1.3.6.1.4.1.{rng.choice([9, 311, 2636, 14988, 8072, 12356])}.{rng.randint(1, 9)}."
                       f"{rng.randint(1, 20)}",
                       f"1.2.840.113549.1.1.{rng.choice([5, 11, 12, 13])}",
                       f"1.3.6.1.2.1.{rng.choice([1, 2, 4, 31])}.{rng.randint(1, 20)}.0",
                       f"2.16.840.1.101.3.4.2.{rng.randint(1, 3)}",
                       f"1.3.6.1.5.5.7.3.{rng.choice([1, 2, 3, 4, 8])}"])


def section(rng: random.Random, levels: int = 4) -> str:
    """A clause/chapter/requirement number as documents number them (small numbers most often)."""
    parts = [_small(rng, 14)] + [_small(rng, 9) for _ in range(levels - 1)]
    return ".".join(str(p) for p in parts)


_PCI4 = ["1.2.5", "1.3.1", "2.2.7", "3.3.1.1", "3.3.1.2", "3.4.1", "3.5.1.2", "4.2.1.1", "5.3.3", "6.3.2",
         "6.4.3", "7.2.5.1", "8.3.6", "8.4.2", "8.6.3", "10.2.1.2", "10.4.1.1", "10.7.2", "11.3.1.1", "11.4.7",
         "11.6.1", "12.3.1", "12.5.2.1", "12.10.7", "3.2.1", "8.2.2", "12.6.3.1", "12.6.3.2"]


def iso_clause(rng: random.Random) -> str:
    """A standard's clause id, e.g. ``ISO/IEC 17025:2017 7.8.2.1`` (sometimes four levels deep)."""
    std = rng.choice(["ISO/IEC 27001:2022", "ISO/IEC 17025:2017", "ISO 9001:2015", "ISO 13485:2016",
                      "ISO 26262-6:2018", "IEC 62304:2006", "ISO/IEC 20000-1:2018", "ISO 22301:2019",
                      "ISO/IEC 27701:2019"])
    return f"{std} {rng.choice(['', '', 'clause ', '§'])}{section(rng, rng.choice([2, 3, 3, 4, 4]))}"


def _mac(rng: random.Random) -> str:
    octets = [rng.randint(0, 255) & 0xFE for _ in range(1)] + [rng.randint(0, 255) for _ in range(5)]
    style = rng.choice(["colon", "colonU", "dash", "cisco"])
    if style == "cisco":
        h = "".join(f"{o:02x}" for o in octets)
        return f"{h[:4]}.{h[4:8]}.{h[8:]}"
    text = (":" if style.startswith("colon") else "-").join(f"{o:02x}" for o in octets)
    return text.upper() if style in ("colonU", "dash") else text


_CITIES = {"US": ["Austin", "Denver", "Columbus", "Raleigh", "Tucson", "Omaha", "Boise", "Tampa", "Madison", "Reno"],
           "CA": ["Ottawa", "Calgary", "Halifax", "Winnipeg", "Kitchener", "Victoria", "Québec", "Laval"],
           "GB": ["Leeds", "Bristol", "Leicester", "Norwich", "Cardiff", "Glasgow", "Reading", "York", "Derby"],
           "IE": ["Cork", "Galway", "Limerick", "Waterford", "Dublin", "Sligo"],
           "AU": ["Brisbane", "Perth", "Adelaide", "Geelong", "Hobart", "Newcastle", "Canberra"],
           "IN": ["Pune", "Jaipur", "Kochi", "Indore", "Nagpur", "Lucknow", "Coimbatore", "Surat"],
           "DE": ["Leipzig", "Bremen", "Münster", "Freiburg", "Kassel", "Rostock", "Augsburg", "Mainz", "Essen"],
           "AT": ["Graz", "Linz", "Salzburg", "Innsbruck", "Klagenfurt", "Wels"],
           "CH": ["Winterthur", "Luzern", "St. Gallen", "Biel", "Thun", "Basel"],
           "FR": ["Lille", "Nantes", "Rennes", "Grenoble", "Dijon", "Angers", "Reims", "Toulon", "Metz"],
           "BE": ["Gent", "Leuven", "Brugge", "Hasselt", "Mechelen", "Antwerpen"],
           "NL": ["Utrecht", "Eindhoven", "Groningen", "Tilburg", "Breda", "Nijmegen", "Zwolle", "Leiden"],
           "ES": ["Zaragoza", "Málaga", "Murcia", "Valladolid", "Vigo", "Gijón", "Córdoba", "Alicante"],
           "MX": ["Puebla", "Querétaro", "Mérida", "León", "Toluca", "Saltillo", "Morelia"],
           "IT": ["Bologna", "Verona", "Padova", "Bari", "Parma", "Brescia", "Trieste", "Modena"],
           "PT": ["Braga", "Coimbra", "Aveiro", "Faro", "Setúbal", "Viseu"],
           "BR": ["Campinas", "Curitiba", "Recife", "Goiânia", "Belém", "Florianópolis", "Londrina"],
           "PL": ["Poznań", "Wrocław", "Gdańsk", "Łódź", "Lublin", "Katowice", "Szczecin"]}
_FREEMAIL = {"US": ["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "aol.com", "proton.me"],
             "CA": ["gmail.com", "outlook.com", "rogers.com", "shaw.ca", "sympatico.ca", "videotron.ca"],
             "GB": ["gmail.com", "btinternet.com", "hotmail.co.uk", "yahoo.co.uk", "outlook.com", "sky.com"],
             "IE": ["gmail.com", "eircom.net", "hotmail.com", "outlook.ie"],
             "AU": ["gmail.com", "bigpond.com", "outlook.com.au", "optusnet.com.au", "icloud.com"],
             "IN": ["gmail.com", "rediffmail.com", "yahoo.co.in", "outlook.com"],
             "DE": ["gmx.de", "web.de", "t-online.de", "gmail.com", "posteo.de", "freenet.de"],
             "AT": ["gmx.at", "aon.at", "gmail.com", "chello.at"], "CH": ["bluewin.ch", "gmx.ch", "gmail.com"],
             "FR": ["orange.fr", "free.fr", "laposte.net", "gmail.com", "sfr.fr", "hotmail.fr", "wanadoo.fr"],
             "BE": ["telenet.be", "skynet.be", "gmail.com", "proximus.be"],
             "NL": ["ziggo.nl", "kpnmail.nl", "gmail.com", "hotmail.nl", "xs4all.nl", "planet.nl"],
             "ES": ["gmail.com", "hotmail.es", "yahoo.es", "telefonica.net", "outlook.es"],
             "MX": ["gmail.com", "hotmail.com", "prodigy.net.mx", "yahoo.com.mx"],
             "IT": ["libero.it", "gmail.com", "virgilio.it", "alice.it", "tiscali.it", "hotmail.it"],
             "PT": ["gmail.com", "sapo.pt", "hotmail.com", "clix.pt"],
             "BR": ["gmail.com", "uol.com.br", "bol.com.br", "hotmail.com", "terra.com.br", "yahoo.com.br"],
             "PL": ["wp.pl", "onet.pl", "o2.pl", "interia.pl", "gmail.com"]}
_TLD = {"US": "com", "CA": "ca", "GB": "co.uk", "IE": "ie", "AU": "com.au", "IN": "in", "DE": "de", "AT": "at",
        "CH": "ch", "FR": "fr", "BE": "be", "NL": "nl", "ES": "es", "MX": "com.mx", "IT": "it", "PT": "pt",
        "BR": "com.br", "PL": "pl"}
_UNI = {"en": ["northwood.edu", "ucl.ac.uk", "ed.ac.uk", "utoronto.ca", "unimelb.edu.au", "iitb.ac.in", "tcd.ie",
               "umich.edu", "wisc.edu", "asu.edu", "student.monash.edu"],
        "de": ["uni-heidelberg.de", "tum.de", "fu-berlin.de", "uni-koeln.de", "univie.ac.at", "ethz.ch",
               "stud.uni-due.de"],
        "fr": ["univ-lyon1.fr", "sorbonne-universite.fr", "u-bordeaux.fr", "umontreal.ca", "etu.unistra.fr"],
        "es": ["ucm.es", "uab.cat", "unam.mx", "us.es", "alumnos.upm.es"],
        "it": ["unibo.it", "polimi.it", "uniroma1.it", "studenti.unipd.it"],
        "nl": ["uva.nl", "tudelft.nl", "rug.nl", "kuleuven.be", "student.utwente.nl"],
        "pt": ["usp.br", "unicamp.br", "ufrj.br", "ulisboa.pt", "aluno.ufabc.edu.br"],
        "pl": ["uw.edu.pl", "agh.edu.pl", "pw.edu.pl", "student.uj.edu.pl"]}
_ROLE = {"en": ["support", "noc", "abuse", "security", "helpdesk", "servicedesk", "billing", "info", "psirt", "soc",
                "it-support", "hostmaster", "postmaster", "orders", "no-reply"],
         "de": ["support", "kundenservice", "it-service", "kontakt", "abuse", "noc", "rechnung", "info"],
         "fr": ["support", "contact", "service-client", "abuse", "securite", "dsi"],
         "es": ["soporte", "atencionalcliente", "contacto", "abuse", "seguridad", "informatica"],
         "it": ["assistenza", "supporto", "info", "abuse", "sicurezza", "helpdesk"],
         "nl": ["klantenservice", "support", "info", "abuse", "servicedesk", "beveiliging"],
         "pt": ["atendimento", "suporte", "contato", "abuse", "seguranca", "ti"],
         "pl": ["biuro", "pomoc", "kontakt", "abuse", "serwis"]}
_LEGAL = {"and", "und", "y", "e", "et", "en", "i", "ltd", "llc", "inc", "plc", "gmbh", "ag", "kg", "spa", "sa", "de",
          "cv", "sl", "scp", "sc", "srl", "bv", "nv", "filhos", "syn", "s", "ohg", "co", "sas", "sarl", "cia",
          "stowarzyszenie", "spolka", "z", "oo", "sp", "sociedade", "gbr", "mbh", "ug", "la", "sca", "snc"}
_MONTHS = {"en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                  "November", "December"],
           "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
                  "November", "Dezember"],
           "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                  "novembre", "décembre"],
           "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
                  "noviembre", "diciembre"],
           "it": ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre",
                  "ottobre", "novembre", "dicembre"],
           "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
                  "november", "december"],
           "pt": ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
                  "novembro", "dezembro"],
           "pl": ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
                  "października", "listopada", "grudnia"]}
_ASNS = [3320, 3209, 6805, 1136, 3215, 12322, 5410, 3269, 12874, 16276, 24940, 13335, 15169, 16509, 8075, 7922,
         7018, 701, 2856, 5089, 9498, 7545, 18881, 28573, 26599, 5617, 64512, 65001, 65010]
_GAMERTAGS = ["xX_Raven_Xx", "kestrel", "n0sc0pe", "LagWizard", "Toastyy", "dr_creeper", "PixelPanda", "grimfang",
              "sweatlord", "Mossy", "zer0cool", "BaconNinja", "frostbyte", "CptObvious", "llama_drama", "Vex",
              "ShadowKat", "turbo_goose", "Nerfed", "bluescreen"]


class _Ctx:
    """Per-text state: the locale's Faker, the draws a ``#key`` repeats, the text's company and clock."""

    def __init__(self, rng: random.Random, fake: Any, locale: str) -> None:
        self.rng, self.fake, self.locale = rng, fake, locale
        self.region, self.lang = LOCALES[locale][0], LOCALES[locale][1]
        self.people: dict[str, tuple[str, str]] = {}
        self.last_person: tuple[str, str] | None = None  # an unkeyed NAME, for the unkeyed EMAIL after it
        self.memo: dict[tuple[str, str], str] = {}
        self.company: str | None = None
        self.domain: str | None = None
        start = _dt.datetime(2024, 1, 1) + _dt.timedelta(seconds=rng.randint(0, 3 * 365 * 86400))
        self.clock = start

    # people ---------------------------------------------------------
    def person(self, key: str, for_email: bool = False) -> tuple[str, str]:
        if key and key in self.people:
            return self.people[key]
        if for_email and not key and self.last_person is not None:
            person, self.last_person = self.last_person, None
            return person
        first, last = self.fake.first_name(), self.fake.last_name()
        if self.lang in ("es", "pt") and self.rng.random() < 0.4:
            last = f"{last} {self.fake.last_name()}"
        if key:
            self.people[key] = (first, last)
        elif not for_email:
            self.last_person = (first, last)
        return first, last

    def company_name(self) -> str:
        if self.company is None:
            self.company = str(self.fake.company())
        return self.company

    def company_domain(self) -> str:
        if self.domain is not None:
            return self.domain
        words = [w for w in re.findall(r"[a-z0-9]+", unicodedata.normalize("NFKD", self.company_name())
                                       .encode("ascii", "ignore").decode().lower()) if w not in _LEGAL]
        slug = "-".join(words[:2]) if len(words) > 1 and self.rng.random() < 0.3 else "".join(words[:2])
        self.domain = f"{slug or 'mail'}.{_TLD[self.region] if self.rng.random() < 0.7 else 'com'}"
        return self.domain

    def email(self, arg: str, key: str) -> str:
        r = self.rng
        if arg == "role":
            return f"{r.choice(_ROLE[self.lang])}@{self.company_domain()}"
        if arg == "unirole":
            return f"{r.choice(_ROLE[self.lang])}@{r.choice(_UNI[self.lang])}"
        first, last = self.person(key, for_email=True)
        f, s = _fold(first.split(" ")[0]), _fold(last)
        local = r.choice([f"{f}.{s}", f"{f[0]}{s}", f"{f}{s}", f"{f}_{s}", f"{f}.{s}{r.randint(1, 99)}",
                          f"{s}.{f}", f"{f}{r.randint(70, 99)}", f"{f[0]}.{s}", f"{s}{f[0]}", f"{f}-{s}",
                          f"{f}.{s[0]}", f"{f}{s}{r.randint(1, 2024)}"])
        if arg == "uni":
            return f"{local}@{r.choice(_UNI[self.lang])}"
        if arg == "work" or (arg != "free" and r.random() < 0.4):
            return f"{local}@{self.company_domain()}"
        domain = r.choice(_FREEMAIL[self.region])
        if arg == "plus" or r.random() < 0.05:
            local += "+" + r.choice(["shop", "orders", "news", "amazon", "2024", "bills", "work"])
        return f"{local}@{domain}"

    def name(self, arg: str, key: str) -> str:
        first, last = self.person(key)
        if arg == "lf":
            return f"{last}, {first}"
        if arg == "upper":
            return f"{first} {last}".upper()
        if arg == "lfu":
            return f"{last}, {first}".upper()
        if arg == "init":
            return f"{first[0]}. {last}"
        return f"{first} {last}"

    # time -----------------------------------------------------------
    def tick(self) -> _dt.datetime:
        self.clock += _dt.timedelta(seconds=self.rng.randint(0, 95), milliseconds=self.rng.randint(0, 999))
        return self.clock

    def date(self, arg: str) -> str:
        r = self.rng
        if arg.startswith("dob"):
            d = _dt.date(1940, 1, 1) + _dt.timedelta(days=r.randint(0, 65 * 365))
        else:
            d = self.clock.date() + _dt.timedelta(days=r.randint(-40, 40))
        if arg == "iso":
            return d.isoformat()
        if arg.endswith("ymd"):
            return d.strftime("%Y%m%d")
        lang, mon = self.lang, _MONTHS[self.lang][d.month - 1]
        numeric = {"en": d.strftime("%m/%d/%Y") if self.region == "US" else d.strftime("%d/%m/%Y"),
                   "de": d.strftime("%d.%m.%Y"), "fr": d.strftime("%d/%m/%Y"), "es": d.strftime("%d/%m/%Y"),
                   "it": d.strftime("%d/%m/%Y"), "nl": d.strftime("%d-%m-%Y"), "pt": d.strftime("%d/%m/%Y"),
                   "pl": d.strftime("%d.%m.%Y")}[lang]
        if arg in ("num", "dob") or r.random() < 0.5:
            return numeric
        long = {"en": f"{mon} {d.day}, {d.year}" if self.region == "US" else f"{d.day} {mon} {d.year}",
                "de": f"{d.day}. {mon} {d.year}", "fr": f"{d.day} {mon} {d.year}",
                "es": f"{d.day} de {mon} de {d.year}",
                "it": f"{d.day} {mon} {d.year}", "nl": f"{d.day} {mon} {d.year}", "pt": f"{d.day} de {mon} de {d.year}",
                "pl": f"{d.day} {mon} {d.year}"}[lang]
        return long

    def ts(self, arg: str) -> str:
        t = self.tick()
        fmt = arg or "sql"
        if fmt == "iso":
            return t.strftime("%Y-%m-%dT%H:%M:%SZ")
        if fmt == "isoms":
            return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"
        if fmt == "syslog":
            return t.strftime("%b %d %H:%M:%S").replace(" 0", "  ", 1) if t.day < 10 else t.strftime("%b %d %H:%M:%S")
        if fmt == "apache":
            return t.strftime("%d/%b/%Y:%H:%M:%S +0000")
        if fmt == "epoch":
            return str(int(t.replace(tzinfo=_dt.timezone.utc).timestamp()))
        if fmt == "time":
            return t.strftime("%H:%M:%S")
        if fmt == "hm":
            return t.strftime("%H:%M")
        if fmt == "eu":
            return t.strftime("%d.%m.%Y %H:%M")
        if fmt == "rfc":
            return t.strftime("%a, %d %b %Y %H:%M:%S +0000")
        if fmt == "win":
            return f"{t.month}/{t.day}/{t.year} {t.hour % 12 or 12}:{t.minute:02d}:{t.second:02d} " \
                   f"{'AM' if t.hour < 12 else 'PM'}"
        return t.strftime("%Y-%m-%d %H:%M:%S")

    def price(self, arg: str) -> str:
        r = self.rng
        amount = round(r.choice([r.uniform(2, 80), r.uniform(20, 400), r.uniform(300, 2600)]), 2)
        if r.random() < 0.3:
            amount = float(int(amount)) + r.choice([0.99, 0.95, 0.0, 0.49])
        us = f"{amount:,.2f}"
        eu = us.replace(",", " ").replace(".", ",").replace(" ", ".")
        cur = arg or {"US": "usd", "CA": "cad", "GB": "gbp", "IE": "eur_ie", "AU": "aud", "IN": "inr", "CH": "chf",
                      "MX": "mxn", "BR": "brl", "PL": "pln", "FR": "eur_fr", "NL": "eur_nl", "BE": "eur_nl",
                      "IT": "eur_it"}.get(self.region, "eur")
        return {"usd": f"${us}", "cad": f"CA${us}" if r.random() < 0.3 else f"${us}", "gbp": f"£{us}",
                "eur_ie": f"€{us}", "aud": f"A${us}" if r.random() < 0.3 else f"${us}", "inr": f"₹{int(amount) * 40:,}",
                "chf": f"CHF {us.replace(',', chr(39))}", "mxn": f"${us} MXN", "brl": f"R$ {eu}",
                "pln": f"{eu.replace('.', ' ')} zł", "eur_fr": f"{eu.replace('.', ' ')} €", "eur_nl": f"€ {eu}",
                "eur_it": f"€ {eu}", "eur": f"{eu} €" if r.random() < 0.7 else f"{eu} EUR"}[cur]


def _track(rng: random.Random, carrier: str, region: str) -> str:
    d = _digit_fn(rng)
    carrier = carrier or {"US": rng.choice(["ups", "usps", "fedex"]), "CA": "canpost", "GB": "royal", "IE": "anpost",
                          "DE": "dhlde", "AT": "dhlde", "NL": "postnl", "BE": "bpost", "FR": "colissimo",
                          "ES": "correos", "IT": "poste", "BR": "correios", "PT": "ctt", "PL": "inpost",
                          "IN": "indiapost", "AU": "auspost", "MX": "dhl", "CH": "swisspost"}.get(region, "dhl")
    alpha = "ABCDEFGHJKLMNPRSTUVWXYZ"
    two = rng.choice(alpha) + rng.choice(alpha)
    return {"ups": f"1Z{''.join(rng.choice(alpha + '0123456789') for _ in range(6))}{d(10)}",
            "usps": f"9400 1{d(3)} {d(4)} {d(4)} {d(4)} {d(4)} {d(2)}", "fedex": d(12),
            "dhl": d(10), "dhlde": f"00340434{d(12)}", "royal": f"{two}{d(9)}GB", "anpost": f"{two}{d(9)}IE",
            "postnl": f"3S{''.join(rng.choice(alpha) for _ in range(4))}{d(9)}", "bpost": f"3232{d(20)}",
            "colissimo": f"6A{d(11)}", "correos": f"PQ{d(2)}{rng.choice(alpha)}{d(15)}", "poste": f"{two}{d(9)}IT",
            "correios": f"{two}{d(9)}BR", "ctt": f"{two}{d(9)}PT", "inpost": d(24), "indiapost": f"E{two[0]}{d(9)}IN",
            "auspost": f"33{''.join(rng.choice(alpha) for _ in range(3))}{d(18)}", "canpost": d(16),
            "swisspost": f"99.00.{d(6)}.{d(8)}"}[carrier]


def _order(rng: random.Random, style: str) -> str:
    d = _digit_fn(rng)
    style = style or rng.choice(["amz", "shop", "plain", "hash", "year"])
    amz = rng.choice(["111", "112", "113", "114", "302", "304", "028", "171", "402", "405"])
    return {"amz": f"{amz}-{d(7)}-{d(7)}", "shop": f"#{rng.randint(1001, 99999)}",
            "plain": f"{rng.choice('123456789')}{d(rng.choice([7, 8, 9, 9, 10]))}",
            "hash": f"#{rng.randint(100000, 9999999)}", "year": f"{rng.randint(2024, 2026)}-{d(6)}",
            "bol": f"A{d(9)}", "allegro": f"{d(8)}-{d(4)}-{d(4)}"}[style]


def _ref(rng: random.Random, style: str) -> str:
    d = _digit_fn(rng)
    style = style or rng.choice(["inc", "case", "jira", "hash", "ref"])
    return {"inc": f"INC{d(7)}", "chg": f"CHG{d(7)}", "ritm": f"RITM{d(7)}", "case": f"{rng.randint(10, 99)}{d(6)}",
            "jira": f"{rng.choice(['NET', 'OPS', 'SEC', 'HELP', 'INFRA', 'ITS'])}-{rng.randint(100, 9999)}",
            "hash": f"#{rng.randint(10000, 999999)}", "ref": f"REF-{rng.randint(2024, 2026)}-{d(5)}",
            "inv": f"{rng.choice(['INV', 'RE', 'FA', 'F', 'FV', 'NF'])}-{rng.randint(2024, 2026)}-{d(5)}",
            "policy": f"{rng.choice(['POL', 'HV', 'KFZ', 'AUT', 'HOM'])}-{d(2)}-{d(7)}",
            "claim": f"CLM-{rng.randint(2024, 2026)}-{d(6)}", "cust": d(rng.choice([6, 7, 8, 10])),
            "incident": f"{rng.randint(2024, 2026)}-{d(6)}", "sepa": f"E2E-{d(8)}-{d(4)}"}[style]


def distractor(kind: str, arg: str, ctx: _Ctx) -> str:
    """The value of an unlabelled slot (a PII-free distractor or filler)."""
    r = ctx.rng
    d = _digit_fn(r)
    if kind == "VER4" and arg.startswith("next_"):  # a later release of the version drawn under that key
        base = ctx.memo.get(("VER4", arg[5:]))
        if base is None:
            raise GuardError(f"slot VER4:{arg} refers to a VER4 key not drawn before it")
        head, last = base.rsplit(".", 1)
        return f"{head}.{int(last) + r.randint(1, 6)}" if last.isdigit() else base
    if kind == "VER4":
        return VER4[arg or "any"](r)
    if kind == "VER3":
        return VER3[arg or "any"](r)
    simple: dict[str, Callable[[], str]] = {
        "OID": lambda: oid(r, arg), "SECT": lambda: section(r, int(arg) if arg else 4),
        "PCI": lambda: r.choice(_PCI4), "ISO": lambda: iso_clause(r),
        "LOC": lambda: f"{r.randint(1, 40)}.{r.randint(1, 24)}.{r.randint(1, 6)}.{r.randint(1, 12)}",
        "DMS": lambda: f"{r.randint(35, 60)}.{r.randint(0, 59)}.{r.randint(0, 59)}.{r.randint(0, 9)}",
        "BUILD": lambda: r.choice([f"{_small(r, 5)}.{r.randint(0, 9)}.{r.randint(0, 30)}.{r.randint(100, 9999)}",
                                   f"{r.randint(1000, 9999)}", f"{ctx.clock:%Y%m%d}.{r.randint(1, 9)}"]),
        "DATE": lambda: ctx.date(arg), "TS": lambda: ctx.ts(arg), "PRICE": lambda: ctx.price(arg),
        "ORDER": lambda: _order(r, arg), "TRACK": lambda: _track(r, arg, ctx.region), "REF": lambda: _ref(r, arg),
        "QTY": lambda: str(r.choice([1, 1, 1, 2, 2, 3, 4, 5, 6, 10, 12, 24])),
        "NUM": lambda: str(r.randint(*(int(x) for x in (arg or "1_100").split("_")))),
        "PORT": lambda: str(r.randint(1024, 65535)), "PID": lambda: str(r.randint(200, 65000)),
        "MAC": lambda: _mac(r), "HEX": lambda: "".join(r.choice("0123456789abcdef") for _ in range(int(arg or 17))),
        "UUID": lambda: str(uuid.UUID(int=r.getrandbits(128), version=4)), "ACCT": lambda: d(12),
        "HOST": lambda: f"{r.choice(['web', 'app', 'db', 'edge', 'core', 'vpn', 'mail', 'k8s-node', 'fw', 'lb'])}"
                        f"{r.choice(['-', ''])}{r.randint(1, 24):02d}"
                        f"{r.choice(['', '.prod', '.dc1', '.fra', '.corp'])}",
        "SERIAL": lambda: r.choice([f"FOC{r.randint(2000, 2899)}{r.choice('ABCDEFGHJKLMNPRSTUVWXYZ')}{d(1)}"
                                    f"{r.choice('ABCDEFGHJKL')}{r.choice('ABCDEFGHJKL')}",
                                    f"FGT60F{r.choice('TKM')}{d(2)}{r.randint(10, 99)}{d(5)}", f"HW{d(4)}{d(4)}",
                                    f"CZ{d(8)}"]),
        "ASN": lambda: f"AS{r.choice(_ASNS)}", "MS": lambda: f"{r.uniform(0.3, 180):.3f}",
        "CVE": lambda: f"CVE-{r.randint(2023, 2026)}-{r.randint(1000, 52000)}",
        "CVSS": lambda: r.choice(["9.8", "8.1", "7.5", "6.5", "10.0", "9.1", "5.3", "7.2", "8.8"]),
        "USER": lambda: str(ctx.fake.user_name()), "GAMER": lambda: r.choice(_GAMERTAGS) + r.choice(["", "", d(2)]),
        "STEAM": lambda: f"STEAM_1:{r.randint(0, 1)}:{r.randint(10000000, 299999999)}",
        "CITY": lambda: r.choice(_CITIES[ctx.region]),
        "STREET": lambda: str(ctx.fake.street_address()).replace("\n", ", "),
        "ZIP": lambda: str(ctx.fake.postcode()), "COMPANY": lambda: ctx.company_name(),
        "DOMAIN": lambda: ctx.company_domain(),
        "MEETID": lambda: r.choice([f"{d(3)} {d(4)} {d(4)}", f"{d(3)} {d(3)} {d(4)}", f"{d(3)} {d(3)} {d(3)}#"]),
        "PIN": lambda: d(int(arg or 6)), "SHA": lambda: "".join(r.choice("0123456789abcdef") for _ in range(64)),
        "ROUTING": lambda: r.choice(["021000021", "026009593", "121000248", "011000138", "322271627", "111000614",
                                     "031176110", "071000013", "061000104"]),
        "BIC": lambda: r.choice(["COBADEFFXXX", "DEUTDEFF", "BNPAFRPP", "INGBNL2A", "ABNANL2A", "BSCHESMM",
                                 "CAIXESBBXXX", "UNCRITMM", "BCITITMM", "RABONL2U", "GEBABEBB", "BKAUATWW",
                                 "UBSWCHZH80A", "CGDIPTPL", "PKOPPLPW", "NWBKGB2L", "AIBKIE2D", "SOGEFRPP"]),
        "SORT": lambda: f"{r.randint(10, 99)}-{d(2)}-{d(2)}", "KM": lambda: f"{r.randint(1, 250):,}",
        "PCT": lambda: f"{r.uniform(0.1, 99.9):.1f}", "SIZE": lambda: f"{r.uniform(0.2, 980):.1f}",
    }
    if kind not in simple:
        raise GuardError(f"unknown template slot '{{{kind}}}'", hint="a labelled slot or one of " + ", ".join(simple))
    return simple[kind]()


def _fill(kind: str, arg: str, key: str, ctx: _Ctx) -> str:
    r = ctx.rng
    if key and kind not in ("NAME", "FIRST", "LAST", "EMAIL") and (kind, key) in ctx.memo:
        return ctx.memo[(kind, key)]
    if kind == "NAME":
        value = ctx.name(arg, key)
    elif kind in ("FIRST", "LAST"):
        part = ctx.person(key)[0 if kind == "FIRST" else 1]
        value = part.upper() if arg == "upper" else part
    elif kind == "EMAIL":
        mkey = ("EMAIL", key + arg)
        if key and mkey in ctx.memo:
            return ctx.memo[mkey]
        value = ctx.email(arg, key)
        if key:
            ctx.memo[mkey] = value
        return value
    elif kind == "PHONE":
        region, mode, ext = ctx.region, "nat", 0.0
        for part in arg.split("_") if arg else []:
            if part.upper() in _PHONES:
                region = part.upper()
            elif part in ("intl", "nat", "any", "e164"):
                mode = part
            elif part == "work":
                ext = 0.25
            elif part == "foreign":
                region = r.choice([p for p in PHONE_REGIONS if p != ctx.region])
                mode = "intl"
            else:
                raise GuardError(f"unknown PHONE option '{part}'")
        if not arg:
            mode = r.choices(["nat", "intl"], [70, 30])[0]
        value = phone(r, region, mode, ext)
    elif kind == "CARD":
        value = card(r, arg)
    elif kind == "IBAN":
        fmt = arg if arg in ("group", "compact") else ""
        country = arg.upper() if arg.upper() in IBAN_COUNTRIES else ctx.region
        if country not in IBAN_COUNTRIES:
            country = r.choice(IBAN_COUNTRIES)
        value = iban(r, country, fmt)
    elif kind == "SSN":
        value = ssn(r, {"bare": "bare", "any": r.choice(["dash", "bare", "space"])}.get(arg, arg))
    elif kind in ("IP4", "IP"):
        if kind == "IP" and r.random() < 0.3:
            value = ipv6(r, arg)
        elif arg.startswith("in_") or arg.startswith("netof_"):
            base = ctx.memo.get(("IP4", arg.split("_", 1)[1]))
            if base is None:
                raise GuardError(f"slot IP4:{arg} refers to an IP4 key not drawn before it")
            net = base.rsplit(".", 1)[0]
            if arg.startswith("netof_"):
                value = f"{net}.0"
            else:
                host = base.rsplit(".", 1)[1]
                value = f"{net}.{r.choice([h for h in range(1, 254) if str(h) != host])}"
        else:
            value = ipv4(r, arg, ctx.region)
    elif kind == "IP6":
        value = ipv6(r, arg)
    else:
        value = distractor(kind, arg, ctx)
    if key:
        ctx.memo[(kind, key)] = value
    return value


def render(template: str, ctx: _Ctx) -> tuple[str, list[dict[str, Any]]]:
    """The text of a template and its labelled spans (end-exclusive character offsets)."""
    out: list[str] = []
    spans: list[dict[str, Any]] = []
    pos = length = 0
    for m in SLOT.finditer(template):
        chunk = template[pos:m.start()]
        out.append(chunk)
        length += len(chunk)
        kind, arg, key = m.group(1), m.group(2) or "", m.group(3) or ""
        value = _fill(kind, arg, key, ctx)
        if kind in LABELS:
            spans.append({"entity_type": LABELS[kind], "entity_value": value, "start_position": length,
                          "end_position": length + len(value)})
        out.append(value)
        length += len(value)
        pos = m.end()
    out.append(template[pos:])
    return "".join(out), spans


def unlabelled_repeats(text: str, spans: list[dict[str, Any]]) -> list[str]:
    """Labelled values that also occur (as whole tokens) somewhere no span covers; empty when consistent."""
    bad = []
    for value in {s["entity_value"] for s in spans}:
        for m in re.finditer(r"(?<!\w)" + re.escape(value) + r"(?!\w)", text):
            if not any(s["start_position"] <= m.start() and m.end() <= s["end_position"] for s in spans):
                bad.append(value)
                break
    return bad


def generate_external(n: int = 2000, seed: int = SEED) -> list[dict[str, Any]]:
    """``n`` labelled texts from the external templates, reproducible for a seed (with ``FAKER_VERSION``)."""
    if n < 0:
        raise GuardError(f"n must be >= 0, got {n}")
    try:
        from faker import Faker
    except ImportError:
        raise GuardError("the external generator needs Faker", hint="pip install faker (a dev dependency)") from None
    from guard.pii.synth.external_templates import TEMPLATES

    rng = random.Random(seed)
    fakers: dict[str, Any] = {}
    for i, loc in enumerate(sorted(LOCALES)):
        fakers[loc] = Faker(loc)
        fakers[loc].seed_instance(seed + 7919 * (i + 1))
    records: list[dict[str, Any]] = []
    while len(records) < n:
        index = rng.randrange(len(TEMPLATES))
        style, lang, locales, template = TEMPLATES[index]
        cands = locales.split(",") if locales else sorted(loc for loc in LOCALES if LOCALES[loc][1] == lang)
        locale = rng.choices(cands, [LOCALES[c][2] for c in cands])[0]
        text, spans = render(template, _Ctx(rng, fakers[locale], locale))
        if unlabelled_repeats(text, spans):  # e.g. a first name "May" next to a date in May: draw again
            continue
        records.append({"full_text": text, "masked": template, "spans": spans,
                        "template_id": TEMPLATE_ID_OFFSET + index,
                        "metadata": {"locale": locale, "style": style, "language": lang, "half": "external",
                                     "seed": seed}})
    return records


def dumps(records: list[dict[str, Any]]) -> str:
    """The set as shipped: a JSON array with one record per line."""
    return "[\n" + ",\n".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in records) + "\n]\n"


_QUAD = re.compile(r"(?<![\w.])(\d{1,3}(?:\.\d{1,3}){3})(?!\.?\w)")


def summarize(records: list[dict[str, Any]]) -> dict[str, int]:
    """Spans per type, unlabelled valid dotted quads, and texts holding a quad / both kinds (for SOURCE_external.md)."""
    out: dict[str, int] = {}
    for r in records:
        for s in r["spans"]:
            out[s["entity_type"]] = out.get(s["entity_type"], 0) + 1
    quads = with_quad = both = 0
    for r in records:
        spans = r["spans"]
        loose = 0
        for m in _QUAD.finditer(r["full_text"]):
            try:
                ipaddress.IPv4Address(m.group(1))
            except ValueError:
                continue
            loose += not any(s["start_position"] < m.end() and m.start() < s["end_position"] for s in spans)
        v4 = any(s["entity_type"] == "IP_ADDRESS" and ":" not in s["entity_value"] for s in spans)
        quads, with_quad, both = quads + loose, with_quad + bool(loose or v4), both + bool(loose and v4)
    out.update({"texts": len(records), "unlabelled_dotted_quads": quads, "texts_with_a_dotted_quad": with_quad,
                "texts_with_address_and_non_address_quads": both})
    return out


def main(argv: list[str] | None = None) -> int:
    import argparse

    import faker

    ap = argparse.ArgumentParser(prog="python -m guard.pii.synth.external", description="Write set J (external).")
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--summary", action="store_true", help="print the counts of the file at --out, write nothing")
    args = ap.parse_args(argv)
    if args.summary:
        if not args.out.is_file():
            raise GuardError(f"no set at {args.out}", hint="run without --summary to write it")
        print(json.dumps(summarize(json.loads(args.out.read_text(encoding="utf-8"))), indent=1))
        return 0
    if faker.VERSION != FAKER_VERSION:
        print(f"warning: Faker {faker.VERSION} is not {FAKER_VERSION}, the texts will differ from the shipped set")
    records = generate_external(args.n, args.seed)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(dumps(records), encoding="utf-8")
    print(f"{args.out}: {len(records)} texts, {sum(len(r['spans']) for r in records)} spans "
          f"(seed {args.seed}, Faker {faker.VERSION})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
