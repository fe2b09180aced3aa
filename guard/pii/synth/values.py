"""Fake values for the generator: PII written the way each locale writes it, and PII-free look-alikes.

PII comes from Faker's locale providers (MIT) — names, e-mails, phone numbers, IBANs, card numbers,
IPs, US SSNs — plus phone numbers built from ``phonenumbers``' numbering-plan metadata and formatted
in the national, international or E.164 style. Distractors are numbers that a PII scanner must
leave alone: order and invoice numbers, versions and dotted software identifiers, dates, prices,
tracking numbers, ISBNs, EANs, postcodes, times, quantities.
"""

from __future__ import annotations

import datetime as _dt
import ipaddress
import random
import string
from typing import Any

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType

# Locale → (weight, phone region, language). Regions outside the scanner's default list (PL, CH,
# AT, NZ, PT, SE) are there on purpose: national numbers of those cannot be validated by region.
LOCALES: dict[str, tuple[int, str, str]] = {
    "en_US": (6, "US", "en"), "en_GB": (3, "GB", "en"), "en_CA": (2, "CA", "en"), "en_AU": (2, "AU", "en"),
    "en_IN": (2, "IN", "en"), "en_NZ": (1, "NZ", "en"), "de_DE": (3, "DE", "de"), "de_AT": (1, "AT", "de"),
    "de_CH": (1, "CH", "de"), "fr_FR": (3, "FR", "fr"), "es_ES": (2, "ES", "es"), "it_IT": (2, "IT", "it"),
    "nl_NL": (2, "NL", "nl"), "pt_BR": (2, "BR", "pt"), "pt_PT": (1, "PT", "pt"), "pl_PL": (1, "PL", "pl"),
    "sv_SE": (1, "SE", "sv"),
}

_START, _END = _dt.datetime(2018, 1, 1), _dt.datetime(2028, 12, 31)
_CARD_TYPES = ["visa16", "visa16", "visa16", "mastercard", "mastercard", "amex", "discover", "jcb16", "diners",
               "maestro", "visa13"]


def _valid_number(rng: random.Random, region: str) -> Any:
    """A random number that is valid in ``region``'s numbering plan (mobile or fixed line)."""
    kind = rng.choice([PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE])
    example = phonenumbers.example_number_for_type(region, kind) or phonenumbers.example_number(region)
    if example is None:
        raise ValueError(f"phonenumbers has no example number for region {region}")
    national = str(example.national_number)
    keep = max(1, len(national) // 3)
    for _ in range(50):
        candidate = national[:keep] + "".join(rng.choice(string.digits) for _ in range(len(national) - keep))
        number = phonenumbers.parse("+" + str(example.country_code) + candidate)
        if phonenumbers.is_valid_number(number):
            return number
    return example


def phone(fake: Any, rng: random.Random, region: str) -> tuple[str, str]:
    """A phone number as written in ``region``, and how it was made."""
    roll = rng.random()
    if roll < 0.45:
        return fake.phone_number(), "faker"
    number = _valid_number(rng, region)
    if roll < 0.75:
        return phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL), "national"
    if roll < 0.93:
        text = phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
        if rng.random() < 0.25:  # "+44 (0)20 ..." as Europeans often write it
            cc, _, rest = text.partition(" ")
            text = f"{cc} (0){rest}" if region not in ("US", "CA", "IT") else text
        return text, "international"
    return phonenumbers.format_number(number, PhoneNumberFormat.E164), "e164"


def card(fake: Any, rng: random.Random) -> str:
    kind = rng.choice(_CARD_TYPES)
    digits = fake.credit_card_number(card_type=kind)
    style = rng.random()
    if style < 0.4:
        return digits
    sep = " " if style < 0.8 else "-"
    if len(digits) == 15 and digits[:2] in ("34", "37"):
        return sep.join([digits[:4], digits[4:10], digits[10:]])
    return sep.join(digits[i:i + 4] for i in range(0, len(digits), 4))


def _iban_valid(compact: str) -> bool:
    """ISO 13616 mod-97 (Faker's fallback provider now and then writes a number of the wrong length)."""
    lengths = {"GB": 22, "DE": 22, "FR": 27, "ES": 24, "IT": 27, "NL": 18, "BR": 29, "AT": 20, "CH": 21,
               "PL": 28, "PT": 25, "SE": 24, "IE": 22}
    if lengths.get(compact[:2], len(compact)) != len(compact):
        return False
    return int("".join(str(int(c, 36)) for c in compact[4:] + compact[:4])) % 97 == 1


def iban(fake: Any, rng: random.Random, fallback: Any) -> str:
    """The locale's IBAN; ``fallback``'s (a GB one) where the locale's provider writes invalid ones (en_IN)."""
    compact = fake.iban()
    for _ in range(5):
        if _iban_valid(compact):
            break
        compact = fake.iban()
    while not _iban_valid(compact):
        compact = fallback.iban()
    if rng.random() < 0.5:
        return compact
    return " ".join(compact[i:i + 4] for i in range(0, len(compact), 4))


def ip(fake: Any, rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.4:
        return fake.ipv4_public()
    if roll < 0.7:
        return fake.ipv4_private()
    six = fake.ipv6()
    return six if roll < 0.85 else ipaddress.ip_address(six.rsplit(":", 3)[0] + "::1").compressed


def ssn(fake: Any, rng: random.Random, dashed_only: bool = False) -> str:
    value = fake.ssn()  # AAA-GG-SSSS, never area 000, 666 or 9xx
    if dashed_only:
        return value
    roll = rng.random()
    if roll < 0.5:
        return value
    if roll < 0.7:
        return value.replace("-", " ")
    if roll < 0.8:
        return value.replace("-", ".")
    return value.replace("-", "")


def email(fake: Any, rng: random.Random, name: str | None = None) -> str:
    roll = rng.random()
    if name and roll < 0.3:
        parts = [p for p in "".join(c if c.isalpha() or c == " " else " " for c in name).lower().split() if p]
        local = rng.choice([".", "_", ""]).join(parts[:2]) if parts else fake.user_name()
        local = local.encode("ascii", "ignore").decode() or fake.user_name()
        return f"{local}@{fake.free_email_domain() if rng.random() < 0.5 else fake.domain_name()}"
    if roll < 0.55:
        return fake.free_email()
    if roll < 0.8:
        return fake.company_email()
    return fake.email()


# ---------------------------------------------------------------- distractors


def _digits(rng: random.Random, n: int) -> str:
    return str(rng.randint(1, 9)) + "".join(rng.choice(string.digits) for _ in range(n - 1))


def order(rng: random.Random) -> str:
    return rng.choice([
        lambda: "#" + _digits(rng, 8),
        lambda: rng.choice(["AB", "XK", "PO", "SO"]) + "-" + _digits(rng, 6),
        lambda: _digits(rng, 10),
        lambda: f"{rng.randint(2019, 2025)}-{_digits(rng, 6)}",
        lambda: f"ORD-{rng.randint(2019, 2025)}-{_digits(rng, 6)}",
        lambda: f"{_digits(rng, 3)}-{_digits(rng, 7)}-{_digits(rng, 7)}",  # marketplace style
    ])()


def invoice(rng: random.Random) -> str:
    return rng.choice([f"INV-{rng.randint(2019, 2025)}-{rng.randint(1, 99999):05d}", f"RE{_digits(rng, 9)}",
                       f"{rng.randint(2019, 2025)}/{rng.randint(1, 9999):04d}"])


def version(rng: random.Random) -> str:
    a, b, c, d = rng.randint(0, 20), rng.randint(0, 60), rng.randint(0, 300), rng.randint(0, 9999)
    return rng.choice([f"{a}.{b}.{c}", f"{a}.{b}.{c}.{d % 256}", f"{a}.{b}.{c}.{d}", f"v{a}.{b}.{c}",
                       f"{a}.{b}"])


def version4(rng: random.Random) -> str:
    """A four-part dotted version whose numbers all fit in an IPv4 octet ('2.6.30.68')."""
    return ".".join(str(rng.randint(0, 255) if i else rng.randint(1, 20)) for i in range(4))


def date(fake: Any, rng: random.Random) -> str:
    d = fake.date_time_between(start_date=_START, end_date=_END)  # absolute: the same texts whenever generated
    return d.strftime(rng.choice(["%Y-%m-%d", "%d.%m.%Y", "%m/%d/%Y", "%d/%m/%Y", "%d %B %Y", "%B %d, %Y",
                                  "%Y/%m/%d %H:%M", "%d-%m-%Y", "%Y%m%d", "%d.%m.%y"]))


def price(rng: random.Random) -> str:
    whole, cents = rng.randint(1, 250000), rng.randint(0, 99)
    us = f"{whole:,}.{cents:02d}"
    eu = us.replace(",", " ").replace(".", ",").replace(" ", ".")
    return rng.choice([f"${us}", f"€ {eu}", f"{eu} €", f"£{us}", f"₹{us}", f"R$ {eu}", f"{us} USD",
                       f"CHF {whole:,}.{cents:02d}".replace(",", "'"), f"{whole} zł"])


def tracking(rng: random.Random) -> str:
    return rng.choice([
        lambda: "1Z" + "".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(16)),
        lambda: "JD" + _digits(rng, 18),
        lambda: " ".join(_digits(rng, 4) for _ in range(3)),
        lambda: " ".join([_digits(rng, 4) for _ in range(5)] + [_digits(rng, 2)]),
        lambda: _digits(rng, 12),
    ])()


def number_noise(fake: Any, rng: random.Random) -> str:
    """Other PII-free numbers: ISBN, EAN, postcode, times, quantities, IDs, coordinates, percentages."""
    return rng.choice([
        lambda: "ISBN " + fake.isbn13(),
        lambda: "EAN " + fake.ean13(),
        lambda: fake.postcode(),
        lambda: f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}",
        lambda: f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}",
        lambda: f"{rng.randint(1, 12)} x {rng.choice([100, 250, 500, 750])} g",
        lambda: f"{rng.uniform(-80, 80):.4f}, {rng.uniform(-170, 170):.4f}",
        lambda: f"{rng.uniform(0, 100):.1f}%",
        lambda: f"room {rng.randint(100, 1999)}",
        lambda: f"{rng.randint(1, 9)} {rng.randint(100, 999)} {rng.randint(100, 999)}",
    ])()


# ---------------------------------------------------------------- distractors of the "audit" half


def oid(rng: random.Random) -> str:
    """An ASN.1 object identifier: long (SNMP enterprise) or four arcs that fit IPv4 octets ('2.5.4.3')."""
    return rng.choice([
        lambda: f"1.3.6.1.4.1.{rng.randint(1, 60000)}.{rng.randint(1, 20)}",
        lambda: f"2.5.4.{rng.randint(1, 97)}",
        lambda: f"1.2.840.{rng.randint(10000, 113549)}",
        lambda: f"1.3.6.{rng.randint(1, 9)}",
    ])()


def section(rng: random.Random) -> str:
    """A document section number, often four levels deep ('4.2.1.3')."""
    depth = rng.choice([2, 3, 4, 4])
    return ".".join(str(rng.randint(1, 12)) for _ in range(depth))


def build(rng: random.Random) -> str:
    """An OS or server build number ('10.0.22631.3447', '22.04.3', '8.2.0.15')."""
    return rng.choice([
        lambda: f"10.0.{rng.randint(17000, 26000)}.{rng.randint(1, 5000)}",
        lambda: f"{rng.randint(18, 24)}.{rng.choice(['04', '10'])}.{rng.randint(1, 6)}",
        lambda: f"{rng.randint(1, 20)}.{rng.randint(0, 9)}.{rng.randint(0, 9)}.{rng.randint(0, 99)}",
    ])()


def product(rng: random.Random) -> str:
    return rng.choice(["Unity", "Qt", "Electron", "Blender", "Godot", "SAP GUI", "Citrix Workspace", "Zoom",
                       "Photoshop", "Matlab", "Sophos", "CrowdStrike sensor", "Teams", "SQL Server"])
