"""Set K ("crowd"): a held-apart PII set written by an author who never saw the scanner or the other sets.

``generate_crowd(n, seed)`` draws ``n`` texts from the templates in ``crowd_templates`` (forum posts,
issues, chat threads, logs, console exports, mails; English and seven other languages) and fills them
with this module's own value generators, so the set shares nothing with the scanner's rules or the
other sets' generators. Records are in presidio_synth's JSON format, offsets end-exclusive.

Labelled: PERSON, EMAIL_ADDRESS, PHONE_NUMBER, CREDIT_CARD, IBAN_CODE, IP_ADDRESS (v4 and v6), US_SSN.
Unlabelled distractors: dotted quads that are not addresses (firmware and product versions, OIDs,
CIS/ISO/section numbers), three-part versions, dates, prices, order/tracking/reference numbers.
Faker (MIT) is a development dependency; the set is shipped as JSON because Faker's draws for a seed
change between versions (``FAKER_VERSION`` records the one used).
"""

from __future__ import annotations

import ipaddress
import json
import random
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from guard.errors import GuardError

FAKER_VERSION = "40.63.0"
SEED = 20261111
HALF = "crowd"
TEMPLATE_OFFSET = 9000
OUT_FILE = Path(__file__).with_name("data") / "guard_pii_synth_crowd_seedK.json"

# locale -> (weight among English templates, phone/IBAN region, language)
LOCALES: dict[str, tuple[int, str, str]] = {
    "en_US": (40, "US", "en"), "en_GB": (15, "GB", "en"), "en_CA": (8, "CA", "en"), "en_AU": (8, "AU", "en"),
    "en_IN": (10, "IN", "en"), "de_DE": (4, "DE", "de"), "fr_FR": (3, "FR", "fr"), "fr_CA": (1, "CA", "fr"),
    "es_ES": (3, "ES", "es"), "it_IT": (2, "IT", "it"), "nl_NL": (3, "NL", "nl"), "pt_BR": (3, "BR", "pt"),
}
LABELS = {"NAME": "PERSON", "FIRST": "PERSON", "EMAIL": "EMAIL_ADDRESS", "PHONE": "PHONE_NUMBER",
          "CARD": "CREDIT_CARD", "IBAN": "IBAN_CODE", "SSN": "US_SSN", "SSNCUE": "US_SSN",
          "IP": "IP_ADDRESS", "IPW": "IP_ADDRESS", "IPPUB": "IP_ADDRESS", "IPLAN": "IP_ADDRESS",
          "IPPRIV": "IP_ADDRESS", "IPCG": "IP_ADDRESS", "IPLO": "IP_ADDRESS", "IP6": "IP_ADDRESS",
          "IPX": "IP_ADDRESS"}
_SLOT = re.compile(r"\{([A-Z0-9]+)(?::(\d+))?\}")
_EMAIL_SHAPE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
QUAD = re.compile(r"(?<![\d.])(\d{1,3}(?:\.\d{1,3}){3})(?!\d|\.\d)")


# ---------------------------------------------------------------- labelled values

def luhn_ok(digits: str) -> bool:
    """True when the digit string passes the Luhn check (card numbers)."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def card(rng: random.Random) -> str:
    """A Luhn-valid number of a common brand, written as people type or print it."""
    brand = rng.choices(["visa", "mc", "mc2", "amex", "disc", "visa13"], [40, 25, 5, 15, 12, 3])[0]
    prefix, length = {"visa": ("4", 16), "mc": (str(rng.randint(51, 55)), 16),
                      "mc2": (str(rng.randint(2221, 2720)), 16), "amex": (rng.choice(["34", "37"]), 15),
                      "disc": (rng.choice(["6011", "65"]), 16), "visa13": ("4", 16)}[brand]
    body = prefix + "".join(str(rng.randint(0, 9)) for _ in range(length - len(prefix) - 1))
    check = next(str(d) for d in range(10) if luhn_ok(body + str(d)))
    num = body + check
    style = rng.choices(["space", "dash", "plain"], [55, 15, 30])[0]
    if style == "plain":
        return num
    sep = " " if style == "space" else "-"
    if length == 15:
        return sep.join([num[:4], num[4:10], num[10:]])
    return sep.join(num[i:i + 4] for i in range(0, 16, 4))


_IBAN_SPEC = {"DE": "8n10n", "FR": "5n5n11c2n", "ES": "4n4n2n10n", "IT": "1a5n5n12c", "NL": "4a10n",
              "GB": "4a6n8n", "BE": "3n7n2n", "AT": "5n11n", "CH": "5n12c", "IE": "4a6n8n", "PT": "4n4n11n2n",
              "BR": "8n5n10n1a1c", "PL": "8n16n", "LU": "3n13c"}
_BANK_CODES = {"GB": ["NWBK", "BARC", "HBUK", "LOYD", "MIDL"], "IE": ["AIBK", "BOFI"],
               "NL": ["INGB", "RABO", "ABNA", "SNSB", "TRIO", "BUNQ"]}


def iban_ok(iban: str) -> bool:
    """True when the IBAN (spaces allowed) passes ISO 13616's mod-97 check."""
    s = iban.replace(" ", "").upper()
    moved = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


def iban(rng: random.Random, country: str) -> str:
    """A mod-97-valid IBAN of ``country``, grouped in fours (print) or compact (forms)."""
    parts: list[str] = []
    first = True
    for count, kind in re.findall(r"(\d+)([nac])", _IBAN_SPEC[country]):
        k = int(count)
        if first and kind == "a" and country in _BANK_CODES:
            parts.append(rng.choice(_BANK_CODES[country]))
        elif kind == "n":
            parts.append("".join(str(rng.randint(0, 9)) for _ in range(k)))
        elif kind == "a":
            parts.append("".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(k)))
        else:
            parts.append("".join(rng.choice("0123456789ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(k)))
        first = False
    bban = "".join(parts)
    numeric = "".join(str(int(c, 36)) for c in bban + country + "00")
    value = f"{country}{98 - int(numeric) % 97:02d}{bban}"
    if rng.random() < 0.6:
        return " ".join(value[i:i + 4] for i in range(0, len(value), 4))
    return value


def ssn(rng: random.Random, cue: bool) -> str:
    """A US SSN in the valid ranges; undashed only when ``cue`` (the template puts "SSN" right before it)."""
    area = rng.randint(1, 899)
    while area == 666:
        area = rng.randint(1, 899)
    a, g, s = f"{area:03d}", f"{rng.randint(1, 99):02d}", f"{rng.randint(1, 9999):04d}"
    style = rng.choices(["dash", "space", "plain"], [70, 15, 15 if cue else 0])[0]
    return {"dash": f"{a}-{g}-{s}", "space": f"{a} {g} {s}", "plain": a + g + s}[style]


def _d(rng: random.Random, k: int) -> str:
    return "".join(str(rng.randint(0, 9)) for _ in range(k))


_NANP = {"US": ["212", "415", "312", "617", "206", "512", "303", "404", "702", "919", "646", "213", "305", "720"],
         "CA": ["416", "647", "604", "778", "514", "438", "403", "587", "613", "902", "204", "306"]}


def phone(rng: random.Random, region: str) -> str:
    """A phone number written the way people in ``region`` write it (national and international forms)."""
    r = rng.random()
    if region in ("US", "CA"):
        ac, ex, ln = rng.choice(_NANP[region]), f"{rng.randint(2, 9)}{_d(rng, 2)}", _d(rng, 4)
        if rng.random() < 0.08:
            ac = rng.choice(["800", "888", "877", "866"])
        forms = [f"({ac}) {ex}-{ln}", f"{ac}-{ex}-{ln}", f"+1 {ac} {ex} {ln}", f"{ac}.{ex}.{ln}",
                 f"1-{ac}-{ex}-{ln}", f"+1 ({ac}) {ex}-{ln}", f"{ac}{ex}{ln}", f"+1-{ac}-{ex}-{ln}"]
        return rng.choices(forms, [25, 25, 12, 8, 6, 8, 4, 12])[0]
    if region == "GB":
        if r < 0.45:
            m = "7" + str(rng.choice([4, 5, 7, 8, 9])) + _d(rng, 2)
            rest = _d(rng, 6)
            return rng.choice([f"0{m} {rest}", f"+44 {m} {rest}", f"+44 (0){m} {rest}", f"0{m}{rest}"])
        if r < 0.75:
            a, b = _d(rng, 4), _d(rng, 4)
            return rng.choice([f"020 {a} {b}", f"+44 20 {a} {b}", f"(020) {a} {b}"])
        city = rng.choice(["161", "121", "113", "131", "141", "117"])
        a, b = _d(rng, 3), _d(rng, 4)
        return rng.choice([f"0{city} {a} {b}", f"+44 {city} {a} {b}"])
    if region == "AU":
        if r < 0.5:
            m = "4" + _d(rng, 2)
            a, b = _d(rng, 3), _d(rng, 3)
            return rng.choice([f"0{m} {a} {b}", f"+61 {m} {a} {b}", f"0{m}{a}{b}"])
        st = rng.choice(["2", "3", "7", "8"])
        a, b = _d(rng, 4), _d(rng, 4)
        return rng.choice([f"(0{st}) {a} {b}", f"0{st} {a} {b}", f"+61 {st} {a} {b}"])
    if region == "IN":
        m = str(rng.choice([6, 7, 8, 9])) + _d(rng, 4)
        b = _d(rng, 5)
        if r < 0.8:
            return rng.choice([f"+91 {m} {b}", f"+91-{m}{b}", f"0{m} {b}", f"{m}{b}", f"+91 {m}{b}"])
        return rng.choice([f"022 {_d(rng, 4)} {_d(rng, 4)}", f"+91 11 {_d(rng, 4)} {_d(rng, 4)}",
                           f"080-{_d(rng, 8)}"])
    if region == "DE":
        if r < 0.45:
            pre = rng.choice(["151", "152", "160", "170", "171", "172", "176", "157"])
            rest = _d(rng, rng.choice([7, 8]))
            return rng.choice([f"0{pre} {rest}", f"+49 {pre} {rest}", f"0{pre}/{rest}", f"0{pre}-{rest}"])
        city = rng.choice(["30", "89", "40", "221", "69", "711", "341"])
        rest = _d(rng, 8 - len(city) + 2)
        return rng.choice([f"0{city} {rest}", f"+49 {city} {rest}", f"+49 (0){city} {rest}",
                           f"0{city}/{rest}", f"+49 {city} {rest[:3]}-{rest[3:]}"])
    if region == "FR":
        first = rng.choice(["1", "2", "3", "4", "5", "6", "7", "9"])
        g = [_d(rng, 2) for _ in range(4)]
        return rng.choices([f"0{first} {' '.join(g)}", f"0{first}.{'.'.join(g)}", f"+33 {first} {' '.join(g)}",
                            f"0{first}{''.join(g)}", f"+33 (0){first} {' '.join(g)}"], [45, 15, 25, 8, 7])[0]
    if region == "ES":
        first = rng.choice(["6", "7", "9"])
        n = first + _d(rng, 8)
        return rng.choice([f"{n[:3]} {n[3:5]} {n[5:7]} {n[7:]}", f"+34 {n[:3]} {n[3:6]} {n[6:]}",
                           f"{n[:3]} {n[3:6]} {n[6:]}", n, f"+34 {n}"])
    if region == "IT":
        if r < 0.55:
            pre = rng.choice(["320", "328", "333", "338", "340", "347", "348", "349", "366", "393"])
            rest = _d(rng, 7)
            return rng.choice([f"{pre} {rest[:3]} {rest[3:]}", f"+39 {pre} {rest}", f"{pre}{rest}",
                               f"+39 {pre} {rest[:3]} {rest[3:]}"])
        city = rng.choice(["06", "02", "011", "055", "081", "051"])
        rest = _d(rng, 10 - len(city))
        return rng.choice([f"{city} {rest[:4]} {rest[4:]}", f"+39 {city} {rest}", f"{city}-{rest}"])
    if region == "NL":
        if r < 0.5:
            rest = _d(rng, 8)
            return rng.choice([f"06-{rest}", f"06 {rest[:2]} {rest[2:4]} {rest[4:6]} {rest[6:]}",
                               f"+31 6 {rest}", f"+31 (0)6 {rest}", f"06{rest}"])
        city = rng.choice(["20", "10", "70", "30", "40", "50"])
        rest = _d(rng, 7)
        return rng.choice([f"0{city}-{rest[:3]} {rest[3:]}", f"0{city} {rest}", f"+31 {city} {rest[:3]} {rest[3:]}"])
    if region == "BR":
        ddd = rng.choice(["11", "21", "31", "41", "51", "61", "71", "81", "85"])
        if r < 0.65:
            a, b = "9" + _d(rng, 4), _d(rng, 4)
        else:
            a, b = str(rng.randint(2, 5)) + _d(rng, 3), _d(rng, 4)
        return rng.choice([f"({ddd}) {a}-{b}", f"+55 {ddd} {a}-{b}", f"+55 ({ddd}) {a}-{b}", f"{ddd} {a}{b}",
                           f"({ddd}){a}-{b}"])
    raise GuardError(f"no phone format for region '{region}'")


_FREE_MAIL = {"US": ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "aol.com", "hotmail.com", "proton.me"],
              "GB": ["gmail.com", "hotmail.co.uk", "btinternet.com", "outlook.com", "yahoo.co.uk", "sky.com"],
              "CA": ["gmail.com", "hotmail.ca", "rogers.com", "shaw.ca", "outlook.com"],
              "AU": ["gmail.com", "bigpond.com", "outlook.com", "optusnet.com.au"],
              "IN": ["gmail.com", "yahoo.co.in", "rediffmail.com", "outlook.com"],
              "DE": ["gmx.de", "web.de", "t-online.de", "gmail.com", "posteo.de"],
              "FR": ["orange.fr", "free.fr", "gmail.com", "laposte.net", "sfr.fr", "hotmail.fr"],
              "ES": ["gmail.com", "hotmail.es", "telefonica.net", "yahoo.es"],
              "IT": ["libero.it", "gmail.com", "virgilio.it", "tiscali.it", "alice.it"],
              "NL": ["ziggo.nl", "gmail.com", "kpnmail.nl", "hotmail.nl", "xs4all.nl"],
              "BR": ["gmail.com", "uol.com.br", "bol.com.br", "hotmail.com", "terra.com.br"]}
_TLD = {"US": ".com", "GB": ".co.uk", "CA": ".ca", "AU": ".com.au", "IN": ".in", "DE": ".de", "FR": ".fr",
        "ES": ".es", "IT": ".it", "NL": ".nl", "BR": ".com.br"}


def ascii_fold(text: str) -> str:
    """Lower-case ASCII letters only: how a name becomes the local part of an address."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]", "", folded.lower())


def email(rng: random.Random, region: str, first: str, last: str, company: str) -> str:
    """An address built from a person's name, on a free-mail or company domain."""
    f, lname = ascii_fold(first) or "info", ascii_fold(last) or "user"
    local = rng.choices([f"{f}.{lname}", f"{f[0]}{lname}", f"{f}{lname}{rng.randint(1, 99)}", f"{f}_{lname}",
                         f"{lname}.{f}", f"{f}{rng.randint(1960, 2005)}",
                         f"{f}.{lname}+{rng.choice(['shop', 'news', 'work'])}",
                         f"{f[0]}.{lname}"], [25, 15, 12, 6, 6, 10, 4, 8])[0]
    if rng.random() < 0.55:
        domain = rng.choice(_FREE_MAIL[region])
    else:
        slug = ascii_fold(company.split()[0]) or "acme"
        domain = slug + rng.choice([_TLD[region], ".com", ".io", ".org"])
        if rng.random() < 0.15:
            domain = rng.choice(["mail.", "corp.", "eu."]) + domain
    value = f"{local}@{domain}"
    return value.upper() if rng.random() < 0.02 else value


WELL_KNOWN_V4 = ["8.8.8.8", "8.8.4.4", "1.1.1.1", "1.0.0.1", "9.9.9.9", "149.112.112.112", "208.67.222.222",
                 "208.67.220.220", "4.2.2.2", "4.2.2.1", "64.6.64.6", "94.140.14.14", "185.228.168.9",
                 "169.254.169.254", "1.1.1.2", "8.26.56.26", "76.76.19.19", "156.154.70.1"]


def ip_public(rng: random.Random) -> str:
    """A global unicast IPv4 address; the first octet is drawn from all of 1-223."""
    while True:
        value = f"{rng.randint(1, 223)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
        if ipaddress.IPv4Address(value).is_global:
            return value


def ip_lan(rng: random.Random) -> str:
    """A home or office LAN address as routers hand them out."""
    net = rng.choices(["192.168.1", "192.168.0", "192.168.178", "192.168.2", "192.168.86", "192.168.50",
                       "192.168.10", "10.0.0", "10.0.1", "192.168.100", "192.168.88"],
                      [25, 20, 8, 5, 5, 4, 5, 12, 5, 5, 4])[0]
    host = rng.choices([1, 254, rng.randint(2, 253)], [20, 5, 75])[0]
    return f"{net}.{host}"


def ip_private(rng: random.Random) -> str:
    """An RFC 1918 address of a corporate or cloud network."""
    kind = rng.random()
    if kind < 0.5:
        return f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    if kind < 0.8:
        return f"172.{rng.randint(16, 31)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    return f"192.168.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


def ip_cgnat(rng: random.Random) -> str:
    """A carrier-grade NAT address (100.64.0.0/10): what Tailscale and mobile carriers show."""
    return f"100.{rng.randint(64, 127)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


def ip_loop(rng: random.Random) -> str:
    """Loopback and link-local addresses as they appear in configs and logs."""
    return rng.choices(["127.0.0.1", "127.0.0.53", "127.0.1.1", f"169.254.{rng.randint(1, 254)}.{rng.randint(1, 254)}",
                        f"127.0.0.{rng.randint(2, 9)}"], [55, 12, 10, 18, 5])[0]


def ip_any(rng: random.Random) -> str:
    """An IPv4 address from the mix real text has."""
    kind = rng.choices(["wk", "pub", "lan", "priv", "cg", "lo", "doc"], [14, 34, 22, 16, 5, 7, 2])[0]
    if kind == "doc":
        return rng.choice(["192.0.2", "198.51.100", "203.0.113"]) + f".{rng.randint(1, 254)}"
    return {"wk": lambda: rng.choice(WELL_KNOWN_V4), "pub": lambda: ip_public(rng), "lan": lambda: ip_lan(rng),
            "priv": lambda: ip_private(rng), "cg": lambda: ip_cgnat(rng), "lo": lambda: ip_loop(rng)}[kind]()


def ip6(rng: random.Random) -> str:
    """An IPv6 address: compressed (usual), full, or upper case; global, ULA, link-local or well-known."""
    kind = rng.choices(["wk", "glob", "ula", "ll", "lo"], [12, 50, 15, 18, 5])[0]
    if kind == "wk":
        return rng.choice(["2001:4860:4860::8888", "2001:4860:4860::8844", "2606:4700:4700::1111",
                           "2606:4700:4700::1001", "2620:fe::fe", "2620:fe::9", "2a10:50c0::ad1:ff"])
    if kind == "lo":
        return "::1"
    if kind == "glob":
        head = [rng.choice(["2001", "2a01", "2a02", "2600", "2603", "2a00", "2407", "2804", "2c0f"]),
                f"{rng.randint(0, 0xffff):x}", f"{rng.randint(0, 0xffff):x}"]
    elif kind == "ula":
        head = [f"fd{rng.randint(0, 255):02x}", f"{rng.randint(0, 0xffff):x}", f"{rng.randint(0, 0xffff):x}"]
    else:
        head = ["fe80", "0", "0"]
    groups = head + ["0"] * 5
    if rng.random() < 0.5:  # SLAAC-like random interface id
        groups[4:] = [f"{rng.randint(0, 0xffff):x}" for _ in range(4)]
    else:
        groups[7] = f"{rng.randint(1, 0xfff):x}"
    if kind != "ll":
        groups[3] = f"{rng.randint(0, 0xff):x}"
    addr = ipaddress.IPv6Address(":".join(groups))
    style = rng.choices(["short", "full", "upper"], [70, 15, 15])[0]
    if style == "full":
        return addr.exploded
    return addr.compressed.upper() if style == "upper" else addr.compressed


# ---------------------------------------------------------------- unlabelled distractors

def ver4(rng: random.Random) -> str:
    """A four-part version whose parts are all 0-255: firmware, assembly and driver versions."""
    return rng.choice([
        f"{rng.randint(1, 12)}.{rng.randint(0, 9)}.{rng.randint(0, 30)}.{rng.randint(0, 255)}",
        f"1.0.{rng.randint(0, 9)}.{rng.randint(1, 199)}",
        f"{rng.randint(1, 5)}.{rng.randint(0, 60)}.{rng.randint(0, 5)}.{rng.randint(1, 99)}",
        f"{rng.randint(2, 30)}.{rng.randint(0, 12)}.{rng.randint(0, 4)}.0",
        f"{rng.choice([10, 172, 192])}.{rng.randint(0, 20)}.{rng.randint(0, 9)}.{rng.randint(1, 250)}",
    ])


def ver4_wide(rng: random.Random) -> str:
    """A four-part version as Windows, browsers and drivers number them (parts above 255)."""
    return rng.choice([f"10.0.{rng.choice([19045, 22621, 22631, 26100, 17763, 20348])}.{rng.randint(100, 4900)}",
                       f"{rng.randint(118, 131)}.0.{rng.randint(5900, 6800)}.{rng.randint(10, 220)}",
                       f"31.0.15.{rng.randint(1000, 5999)}",
                       f"16.0.{rng.randint(15000, 17999)}.{rng.randint(20000, 20200)}",
                       f"5.1.{rng.choice([19041, 22621])}.{rng.randint(1000, 4600)}"])


def ver3(rng: random.Random) -> str:
    """A three-part (semantic) version."""
    return f"{rng.randint(0, 24)}.{rng.randint(0, 20)}.{rng.randint(0, 40)}"


def oid(rng: random.Random) -> str:
    """An ASN.1 object identifier as certificate and SNMP dumps print them."""
    return rng.choice(["2.5.4.3", "2.5.4.10", "2.5.4.6", "2.5.4.11", "2.5.29.17", "2.5.29.19", "2.5.29.37",
                       "2.5.29.15", "2.5.29.31", "2.5.29.32", "1.3.6.1", "1.3.6.1.4.1.311.21.7",
                       "1.3.6.1.5.5.7.3.1", "1.3.6.1.2.1.1.3.0", "1.2.840.113549.1.1.11", "1.3.6.1.4.1.9.9.13",
                       "2.16.840.1.101.3.4.2.1", "1.3.6.1.5.5.7.1.1"])


def control_id(rng: random.Random) -> str:
    """A benchmark or standard clause: CIS (four levels), ISO 27001 Annex A, NIST 800-171."""
    return rng.choices([
        f"{rng.randint(1, 6)}.{rng.randint(1, 9)}.{rng.randint(1, 12)}.{rng.randint(1, 9)}",
        f"18.{rng.randint(1, 10)}.{rng.randint(1, 90)}.{rng.randint(1, 9)}",
        f"A.{rng.randint(5, 18)}.{rng.randint(1, 7)}.{rng.randint(1, 5)}",
        f"3.{rng.randint(1, 14)}.{rng.randint(1, 16)}",
        f"{rng.choice(['AC', 'AU', 'CM', 'IA', 'SC', 'SI'])}-{rng.randint(1, 20)}({rng.randint(1, 9)})"],
        [40, 20, 15, 15, 10])[0]


def section(rng: random.Random) -> str:
    """A chapter or section number, three or four levels deep."""
    if rng.random() < 0.6:
        return f"{rng.randint(1, 12)}.{rng.randint(1, 9)}.{rng.randint(1, 9)}.{rng.randint(1, 9)}"
    return f"{rng.randint(1, 12)}.{rng.randint(1, 9)}.{rng.randint(1, 9)}"


def date(rng: random.Random, lang: str) -> str:
    """A date written as the language's readers write it."""
    y, m, d = rng.randint(2019, 2026), rng.randint(1, 12), rng.randint(1, 28)
    if lang == "en":
        months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return rng.choice([f"{y}-{m:02d}-{d:02d}", f"{m:02d}/{d:02d}/{y}", f"{d} {months[m - 1]} {y}",
                           f"{months[m - 1]} {d}, {y}", f"{d:02d}/{m:02d}/{y}"])
    if lang in ("de", "nl"):
        return rng.choice([f"{d:02d}.{m:02d}.{y}", f"{d}.{m}.{y}", f"{d:02d}-{m:02d}-{y}", f"{y}-{m:02d}-{d:02d}"])
    return rng.choice([f"{d:02d}/{m:02d}/{y}", f"{d}/{m}/{y}", f"{y}-{m:02d}-{d:02d}"])


def time_of_day(rng: random.Random) -> str:
    return f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"


def timestamp(rng: random.Random) -> str:
    """A log timestamp (ISO 8601 with or without milliseconds and zone)."""
    base = f"{rng.randint(2023, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    t = time_of_day(rng)
    return rng.choice([f"{base}T{t}Z", f"{base} {t}", f"{base}T{t}.{rng.randint(0, 999):03d}Z",
                       f"{base}T{t}+0{rng.randint(0, 5)}:00"])


def syslog_time(rng: random.Random) -> str:
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    return f"{rng.choice(months)} {rng.randint(1, 28):2d} {time_of_day(rng)}"


def price(rng: random.Random, lang: str) -> str:
    """A price with the currency and separators of the language."""
    whole, cents = rng.choice([rng.randint(3, 99), rng.randint(100, 999), rng.randint(1000, 4999)]), rng.randint(0, 99)
    if lang == "en":
        w = f"{whole:,}"
        return rng.choice([f"${w}.{cents:02d}", f"£{w}.{cents:02d}", f"USD {w}.{cents:02d}", f"€{w}.{cents:02d}",
                           f"Rs. {w}", f"A${w}.{cents:02d}"])
    w = f"{whole:,}".replace(",", ".")
    if lang == "pt":
        return f"R$ {w},{cents:02d}"
    return rng.choice([f"{w},{cents:02d} €", f"€ {w},{cents:02d}", f"{w},{cents:02d} EUR"])


def order_no(rng: random.Random) -> str:
    return rng.choice([f"{_d(rng, 3)}-{_d(rng, 7)}-{_d(rng, 7)}", f"#{rng.randint(100000, 999999)}",
                       f"ORD-{rng.randint(2023, 2026)}-{_d(rng, 6)}", f"{_d(rng, 10)}",
                       f"W{_d(rng, 9)}", f"{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}"])


def tracking(rng: random.Random) -> str:
    letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
    return rng.choice([f"1Z{''.join(rng.choice(letters + '0123456789') for _ in range(6))}{_d(rng, 10)}",
                       f"{rng.choice(letters)}{rng.choice(letters)}{_d(rng, 9)}{rng.choice(['GB', 'DE', 'NL', 'FR'])}",
                       f"3S{''.join(rng.choice(letters) for _ in range(4))}{_d(rng, 7)}", _d(rng, 12),
                       f"JJD{_d(rng, 18)}", f"9400 {_d(rng, 4)} {_d(rng, 4)} {_d(rng, 4)} {_d(rng, 4)} {_d(rng, 2)}"])


def ref(rng: random.Random) -> str:
    """A ticket, change or booking reference."""
    letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    return rng.choice([f"INC{_d(rng, 7)}", f"CHG{_d(rng, 7)}",
                       f"{rng.choice(['OPS', 'INFRA', 'SEC', 'NET'])}-{rng.randint(100, 9999)}",
                       "".join(rng.choice(letters + "23456789") for _ in range(6)), f"REQ{_d(rng, 6)}",
                       f"SR {rng.randint(1, 9)}-{_d(rng, 10)}"])


def mac(rng: random.Random) -> str:
    sep = rng.choice([":", "-"])
    octets = [f"{rng.randint(0, 255):02X}" for _ in range(6)]
    value = sep.join(octets)
    return value.lower() if rng.random() < 0.4 else value


def hostname(rng: random.Random) -> str:
    role = rng.choice(["web", "db", "app", "mail", "vpn", "fw", "nas", "k8s-node", "dc", "proxy", "edge", "build"])
    return rng.choice([f"{role}-{rng.randint(1, 40):02d}",
                       f"{role}{rng.randint(1, 9)}.{rng.choice(['prod', 'corp', 'lan', 'internal'])}."
                       f"{rng.choice(['example.com', 'acme.net', 'local'])}",
                       f"{role}-{rng.choice(['eu', 'us', 'ap'])}-{rng.randint(1, 3)}"])


def username(rng: random.Random) -> str:
    return rng.choice(["admin", "root", "svc_backup", "deploy", "ubuntu", "pi", "jenkins", "administrator",
                       "git", "postgres", "test", "guest", "oracle", "ansible"])


_CITIES = {"US": ["Austin", "Denver", "Chicago", "Portland", "Boston", "Atlanta", "Phoenix", "Seattle"],
           "GB": ["Leeds", "Bristol", "Manchester", "Glasgow", "Cardiff", "Brighton"],
           "CA": ["Toronto", "Calgary", "Ottawa", "Halifax", "Montréal", "Vancouver"],
           "AU": ["Brisbane", "Perth", "Adelaide", "Melbourne", "Hobart"],
           "IN": ["Pune", "Bengaluru", "Chennai", "Hyderabad", "Kochi", "Jaipur"],
           "DE": ["Köln", "Leipzig", "Freiburg", "Hamburg", "Dresden", "Münster"],
           "FR": ["Lyon", "Nantes", "Lille", "Bordeaux", "Rennes", "Grenoble"],
           "ES": ["Valencia", "Sevilla", "Bilbao", "Zaragoza", "Málaga"],
           "IT": ["Bologna", "Torino", "Firenze", "Napoli", "Verona"],
           "NL": ["Utrecht", "Eindhoven", "Groningen", "Haarlem", "Leiden"],
           "BR": ["Campinas", "Curitiba", "Recife", "Fortaleza", "Belo Horizonte"]}
_IBAN_ABROAD = ["DE", "FR", "GB", "NL", "ES", "IT", "BE", "AT", "CH", "IE", "PT", "PL", "LU"]


# ---------------------------------------------------------------- rendering

def _standalone(text: str, i: int, j: int) -> bool:
    """True when text[i:j] is not glued to letters, digits or a dotted/colon continuation."""
    before = text[i - 1] if i > 0 else " "
    after = text[j] if j < len(text) else " "
    if before.isalnum() or after.isalnum():
        return False
    if before in ".:" and i > 1 and text[i - 2].isalnum():
        return False
    if after in ".:" and j + 1 < len(text) and text[j + 1].isalnum():
        return False
    return True


def unlabelled_repeats(text: str, spans: list[dict[str, Any]]) -> list[str]:
    """Labelled values that also occur, standing alone, outside every span of the text."""
    covered = [(s["start_position"], s["end_position"]) for s in spans]
    bad = []
    for s in spans:
        value = s["entity_value"]
        for m in re.finditer(re.escape(value), text):
            i, j = m.start(), m.end()
            if any(a <= i and j <= b for a, b in covered):
                continue
            if _standalone(text, i, j):
                bad.append(value)
    return bad


def unlabelled_quads(text: str, spans: list[dict[str, Any]]) -> list[str]:
    """Valid dotted quads (each part 0-255, no leading zero) that lie outside every span."""
    out = []
    for m in QUAD.finditer(text):
        if any(s["start_position"] <= m.start() < s["end_position"] for s in spans):
            continue
        try:
            ipaddress.IPv4Address(m.group(1))
        except ValueError:
            continue
        out.append(m.group(1))
    return out


class _Filler:
    """Fills one text's slots; a ``{SLOT:k}`` repeat gets the value drawn first for that key."""

    def __init__(self, fake: Any, rng: random.Random, region: str, lang: str) -> None:
        self.fake, self.rng, self.region, self.lang = fake, rng, region, lang
        self.memo: dict[tuple[str, str], str] = {}
        self.first, self.last = "", ""
        self.company = ""

    def _person(self) -> None:
        self.first, self.last = self.fake.first_name(), self.fake.last_name()

    def value(self, slot: str, key: str | None) -> str:
        if key is not None and (slot, key) in self.memo:
            return self.memo[(slot, key)]
        v = self._draw(slot)
        if key is not None:
            self.memo[(slot, key)] = v
        return v

    def _draw(self, slot: str) -> str:  # noqa: C901 - one table of slots, read top to bottom
        rng, lang = self.rng, self.lang
        if slot == "NAME":
            self._person()
            return f"{self.first} {self.last}"
        if slot == "FIRST":
            self._person()
            return self.first
        if slot == "EMAIL":
            if not self.first:
                self._person()
            if not self.company:
                self.company = self.fake.last_name()
            return email(rng, self.region, self.first, self.last, self.company)
        table: dict[str, Callable[[], str]] = {
            "PHONE": lambda: phone(rng, self.region),
            "CARD": lambda: card(rng),
            "IBAN": lambda: iban(rng, self._iban_country()),
            "SSN": lambda: ssn(rng, cue=False), "SSNCUE": lambda: ssn(rng, cue=True),
            "IP": lambda: ip_any(rng), "IPW": lambda: rng.choice(WELL_KNOWN_V4), "IPPUB": lambda: ip_public(rng),
            "IPLAN": lambda: ip_lan(rng), "IPPRIV": lambda: ip_private(rng), "IPCG": lambda: ip_cgnat(rng),
            "IPLO": lambda: ip_loop(rng), "IP6": lambda: ip6(rng),
            "IPX": lambda: ip6(rng) if rng.random() < 0.25 else ip_any(rng),
            "VER4": lambda: ver4(rng), "VERW": lambda: ver4_wide(rng), "VER3": lambda: ver3(rng),
            "OID": lambda: oid(rng), "CTRL": lambda: control_id(rng), "SECT": lambda: section(rng),
            "DATE": lambda: date(rng, lang), "TIME": lambda: time_of_day(rng), "TS": lambda: timestamp(rng),
            "SYSTS": lambda: syslog_time(rng), "PRICE": lambda: price(rng, lang), "ORDER": lambda: order_no(rng),
            "TRACK": lambda: tracking(rng), "REF": lambda: ref(rng), "MAC": lambda: mac(rng),
            "HOST": lambda: hostname(rng), "USER": lambda: username(rng),
            "CITY": lambda: rng.choice(_CITIES[self.region]), "COMPANY": lambda: self.fake.last_name(),
            "PORT": lambda: str(rng.choice([22, 443, 80, 8080, 3389, 1194, 51820, 25, 587, 993, 53, 8443, 5000,
                                             32400])),
            "HIPORT": lambda: str(rng.randint(1024, 65535)), "NUM": lambda: str(rng.randint(2, 99)),
            "PCT": lambda: f"{rng.randint(1, 99)}%", "MS": lambda: str(rng.randint(1, 400)),
            "CVE": lambda: f"CVE-{rng.randint(2019, 2026)}-{rng.randint(1000, 49999)}",
            "KB": lambda: f"KB{rng.randint(5001000, 5049999)}", "PID": lambda: str(rng.randint(300, 65000)),
            "SHA": lambda: f"{rng.getrandbits(28):07x}",
            "EVENT": lambda: str(rng.choice([4624, 4625, 4740, 4771, 5156, 6008, 7036, 1102])),
            "YEAR": lambda: str(rng.randint(2019, 2026)), "ROOMS": lambda: str(rng.randint(1, 5)),
        }
        if slot not in table:
            raise GuardError(f"unknown crowd template slot '{{{slot}}}'", where="guard/pii/synth/crowd_templates.py")
        return table[slot]()

    def _iban_country(self) -> str:
        home = {"GB": "GB", "DE": "DE", "FR": "FR", "ES": "ES", "IT": "IT", "NL": "NL", "BR": "BR"}
        if self.region in home and self.rng.random() < 0.85:
            return home[self.region]
        return self.rng.choice(_IBAN_ABROAD)


def render(template: str, filler: _Filler) -> tuple[str, list[dict[str, Any]]]:
    """The text and its labelled spans (end-exclusive); ``{{``/``}}`` are literal braces."""
    literal = template.replace("{{", "\x00").replace("}}", "\x01")
    out: list[str] = []
    spans: list[dict[str, Any]] = []
    pos = length = 0
    for m in _SLOT.finditer(literal):
        chunk = literal[pos:m.start()].replace("\x00", "{").replace("\x01", "}")
        out.append(chunk)
        length += len(chunk)
        value = filler.value(m.group(1), m.group(2))
        if m.group(1) in LABELS:
            spans.append({"entity_type": LABELS[m.group(1)], "entity_value": value,
                          "start_position": length, "end_position": length + len(value)})
        out.append(value)
        length += len(value)
        pos = m.end()
    out.append(literal[pos:].replace("\x00", "{").replace("\x01", "}"))
    return "".join(out), spans


def generate_crowd(n: int = 2000, seed: int = SEED) -> list[dict[str, Any]]:
    """``n`` labelled texts from the crowd templates, reproducible for ``seed`` and Faker ``FAKER_VERSION``."""
    try:
        from faker import Faker
    except ImportError:
        raise GuardError("the crowd generator needs Faker",
                         hint="pip install faker (a development dependency)") from None
    from guard.pii.synth.crowd_templates import CROWD_TEMPLATES

    if n < 1:
        raise GuardError(f"n must be at least 1, got {n}")
    rng = random.Random(seed)
    fakers: dict[str, Any] = {}
    for i, loc in enumerate(sorted(LOCALES)):
        fakers[loc] = Faker(loc)
        fakers[loc].seed_instance(seed * 100 + i)
    en_locales = sorted(LOCALES)
    en_weights = [LOCALES[loc][0] for loc in en_locales]
    by_lang: dict[str, list[str]] = {}
    for loc in sorted(LOCALES):
        by_lang.setdefault(LOCALES[loc][2], []).append(loc)
    records: list[dict[str, Any]] = []
    while len(records) < n:
        index = rng.randrange(len(CROWD_TEMPLATES))
        style, lang, template = CROWD_TEMPLATES[index]
        for _attempt in range(60):
            locale = rng.choices(en_locales, en_weights)[0] if lang == "en" else rng.choice(by_lang[lang])
            filler = _Filler(fakers[locale], rng, LOCALES[locale][1], lang)
            text, spans = render(template, filler)
            if not unlabelled_repeats(text, spans):
                break
        else:
            raise GuardError(f"crowd template {TEMPLATE_OFFSET + index} keeps repeating a labelled value unlabelled")
        for m in _EMAIL_SHAPE.finditer(text):
            if not any(s["start_position"] <= m.start() < s["end_position"] for s in spans):
                raise GuardError(f"crowd template {TEMPLATE_OFFSET + index} has an unlabelled e-mail '{m.group()}'")
        records.append({"full_text": text, "masked": template, "spans": spans,
                        "template_id": TEMPLATE_OFFSET + index,
                        "metadata": {"locale": locale, "style": style, "language": lang, "half": HALF, "seed": seed}})
    return records


def dump(records: list[dict[str, Any]]) -> str:
    """The shipped file's text: a JSON array, one record per line."""
    return "[\n" + ",\n".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in records) + "\n]\n"


def main() -> int:
    """Write ``OUT_FILE`` for the recorded seed (needs Faker ``FAKER_VERSION``)."""
    import faker

    if faker.VERSION != FAKER_VERSION:
        raise GuardError(f"Faker {faker.VERSION} draws differently from the recorded {FAKER_VERSION}",
                         hint=f"pip install faker=={FAKER_VERSION}")
    records = generate_crowd()
    OUT_FILE.write_text(dump(records), encoding="utf-8")
    print(f"{OUT_FILE}: {len(records)} texts, {sum(len(r['spans']) for r in records)} spans (seed {SEED})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
