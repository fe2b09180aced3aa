"""Set J ("external"): the shipped file is the generator's output for its seed, and its labels hold.

The checks here are written apart from the generator's own (a span is the text it points at, IBANs
pass mod-97, cards Luhn, IPs parse, no labelled value also stands unlabelled), on the shipped file.
"""

from __future__ import annotations

import collections
import ipaddress
import json
import random
import re
from typing import Any

import pytest

from guard.errors import GuardError
from guard.pii.synth import external as ext
from guard.pii.synth.external_templates import TEMPLATES

TYPES = {"PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "IP_ADDRESS", "US_SSN"}
QUAD = re.compile(r"(?<![\w.])(\d{1,3}(?:\.\d{1,3}){3})(?!\.?\w)")
SSN_CUE = re.compile(r"(ssn|social security(?: number| #)?|seguro social)\W{0,4}(?:is\s)?$", re.IGNORECASE)


@pytest.fixture(scope="module")
def records() -> list[dict[str, Any]]:
    return json.loads(ext.OUT.read_text(encoding="utf-8"))


def _spans(records: list[dict[str, Any]]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    return [(r, s) for r in records for s in r["spans"]]


def _luhn(number: str) -> bool:
    digits = [int(c) for c in number if c.isdigit()]
    odd = sum(digits[-1::-2])
    even = sum(sum(divmod(2 * d, 10)) for d in digits[-2::-2])
    return (odd + even) % 10 == 0


def _mod97(value: str) -> bool:
    s = value.replace(" ", "")
    return int("".join(str(int(c, 36)) for c in s[4:] + s[:4])) % 97 == 1


def _valid_quad(text: str) -> bool:
    try:
        ipaddress.IPv4Address(text)
    except ValueError:
        return False
    return True


def test_the_file_is_what_the_generator_writes_for_the_seed() -> None:
    faker = pytest.importorskip("faker")
    if faker.VERSION != ext.FAKER_VERSION:
        pytest.skip(f"Faker {faker.VERSION} draws differ from Faker {ext.FAKER_VERSION}, which wrote the file")
    assert ext.dumps(ext.generate_external(2000, ext.SEED)) == ext.OUT.read_text(encoding="utf-8")


def test_records_have_presidio_synth_format(records: list[dict[str, Any]]) -> None:
    assert len(records) == 2000
    ids = range(ext.TEMPLATE_ID_OFFSET, ext.TEMPLATE_ID_OFFSET + len(TEMPLATES))
    for r in records:
        assert set(r) == {"full_text", "masked", "spans", "template_id", "metadata"}
        assert r["template_id"] in ids and r["masked"] == TEMPLATES[r["template_id"] - ext.TEMPLATE_ID_OFFSET][3]
        assert r["metadata"]["half"] == "external" and r["metadata"]["seed"] == ext.SEED
        assert set(r["metadata"]) == {"locale", "style", "language", "half", "seed"}
    assert len({r["metadata"]["language"] for r in records} - {"en"}) >= 6


def test_every_span_is_the_text_it_points_at(records: list[dict[str, Any]]) -> None:
    for r, s in _spans(records):
        assert s["entity_type"] in TYPES
        assert r["full_text"][s["start_position"]:s["end_position"]] == s["entity_value"], (r["template_id"], s)
    for r in records:
        ordered = sorted((s["start_position"], s["end_position"]) for s in r["spans"])
        assert all(a[1] <= b[0] for a, b in zip(ordered, ordered[1:])), r["template_id"]


def test_ibans_cards_and_ips_are_valid(records: list[dict[str, Any]]) -> None:
    for _, s in _spans(records):
        value = s["entity_value"]
        if s["entity_type"] == "IBAN_CODE":
            assert _mod97(value), value
        elif s["entity_type"] == "CREDIT_CARD":
            assert _luhn(value) and 13 <= sum(c.isdigit() for c in value) <= 19, value
        elif s["entity_type"] == "IP_ADDRESS":
            ipaddress.ip_address(value)


def test_ssns_are_in_issued_ranges_and_undashed_ones_follow_a_cue(records: list[dict[str, Any]]) -> None:
    for r, s in _spans(records):
        if s["entity_type"] != "US_SSN":
            continue
        digits = re.sub(r"\D", "", s["entity_value"])
        area, group, serial = int(digits[:3]), int(digits[3:5]), int(digits[5:])
        assert len(digits) == 9 and 0 < area < 900 and area != 666 and group > 0 and serial > 0, s
        if s["entity_value"].isdigit():
            before = r["full_text"][max(0, s["start_position"] - 30):s["start_position"]]
            assert SSN_CUE.search(before), before


def test_counts_per_type_and_unlabelled_dotted_quads(records: list[dict[str, Any]]) -> None:
    per_type = collections.Counter(s["entity_type"] for _, s in _spans(records))
    assert per_type["IP_ADDRESS"] >= 800
    assert {t: n for t, n in per_type.items() if t != "IP_ADDRESS" and n < 150} == {}
    unlabelled = 0
    for r in records:
        for m in QUAD.finditer(r["full_text"]):
            inside = any(s["start_position"] < m.end() and m.start() < s["end_position"] for s in r["spans"])
            unlabelled += _valid_quad(m.group(1)) and not inside
    assert unlabelled >= 600


def test_no_labelled_value_also_stands_unlabelled(records: list[dict[str, Any]]) -> None:
    for r in records:
        text, spans = r["full_text"], r["spans"]
        for value in {s["entity_value"] for s in spans}:
            for m in re.finditer(r"(?<!\w)" + re.escape(value) + r"(?!\w)", text):
                assert any(s["start_position"] <= m.start() and m.end() <= s["end_position"] for s in spans), \
                    (r["template_id"], value)


def test_enough_templates_in_enough_languages() -> None:
    assert len(TEMPLATES) >= 100
    assert len({lang for _, lang, _, _ in TEMPLATES} - {"en"}) >= 6
    for _, lang, locales, _ in TEMPLATES:
        assert all(ext.LOCALES[loc][1] == lang for loc in locales.split(",") if loc)


def test_the_repeat_check_finds_a_name_written_twice() -> None:
    span = {"entity_type": "PERSON", "entity_value": "Mark", "start_position": 0, "end_position": 4}
    assert ext.unlabelled_repeats("Mark met Mark", [span]) == ["Mark"]
    assert ext.unlabelled_repeats("Mark met Markus", [span]) == []


def test_an_unknown_slot_fails_closed() -> None:
    ctx = ext._Ctx(random.Random(0), None, "en_US")
    with pytest.raises(GuardError, match="unknown template slot"):
        ext.render("a {BOGUS} slot", ctx)


def test_value_generators_hold_their_checksums() -> None:
    rng = random.Random(7)
    for country in ext.IBAN_COUNTRIES:
        assert _mod97(ext.iban(rng, country))
    assert all(_luhn(ext.card(rng)) for _ in range(200))
    for region in ext.PHONE_REGIONS:
        assert re.search(r"\d{2}", ext.phone(rng, region, "any", ext=1.0))
