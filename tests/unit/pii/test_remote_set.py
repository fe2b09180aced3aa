"""The "remote" PII set (seed N), checked by rules written apart from its generator.

Each label is checked with its own validator here (Luhn, mod-97, the SSN number rules, ``phonenumbers``,
``ipaddress``), never with the generator's code, so a generator bug shows up as a failing test.
"""

from __future__ import annotations

import ipaddress
import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from guard.errors import GuardError

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "guard" / "pii" / "synth" / "data"
SET_FILE = DATA / "guard_pii_synth_remote_seedN.json"
SOURCE = DATA / "SOURCE_remote.md"
LABELS = ("PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "US_SSN", "IP_ADDRESS")
REGION = {"en_US": "US", "en_GB": "GB", "en_CA": "CA", "en_AU": "AU", "en_IN": "IN", "de_DE": "DE", "fr_FR": "FR",
          "fr_CA": "CA", "es_ES": "ES", "it_IT": "IT", "nl_NL": "NL", "pt_BR": "BR"}
PHONE_REGIONS = {"US", "CA", "GB", "AU", "IN", "DE", "FR", "ES", "IT", "NL", "BR"}
IBAN_LENGTH = {"DE": 22, "GB": 22, "FR": 27, "ES": 24, "IT": 27, "NL": 18, "BE": 16, "AT": 20, "CH": 21, "IE": 22,
               "PT": 25, "PL": 28}
EMAIL_SHAPE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")


@pytest.fixture(scope="module")
def records() -> list[dict[str, Any]]:
    return json.loads(SET_FILE.read_text(encoding="utf-8"))


def spans_of(records: list[dict[str, Any]], label: str) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    return [(r, s) for r in records for s in r["spans"] if s["entity_type"] == label]


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        v = int(ch) * (2 if i % 2 else 1)
        total += v - 9 if v > 9 else v
    return total % 10 == 0


def test_records_have_the_synth_format(records: list[dict[str, Any]]) -> None:
    assert len(records) == 2000
    for r in records:
        assert set(r) == {"full_text", "masked", "spans", "template_id", "metadata"}
        assert r["metadata"]["half"] == "remote" and r["metadata"]["seed"] == 20270202
        assert r["metadata"]["locale"] in REGION
        assert 30000 <= r["template_id"] < 31000
        for s in r["spans"]:
            assert set(s) == {"entity_type", "entity_value", "start_position", "end_position"}
            assert s["entity_type"] in LABELS


def test_the_set_is_broad_enough(records: list[dict[str, Any]]) -> None:
    assert len({r["template_id"] for r in records}) >= 200
    assert len({r["metadata"]["style"] for r in records}) >= 100
    languages = Counter(r["metadata"]["language"] for r in records)
    assert languages["en"] > 1000 and len([lang for lang in languages if lang != "en"]) >= 4
    counts = Counter(s["entity_type"] for r in records for s in r["spans"])
    assert counts["IP_ADDRESS"] >= 1500
    assert all(counts[label] >= 200 for label in LABELS), counts
    with_ip = sum(any(s["entity_type"] == "IP_ADDRESS" for s in r["spans"]) for r in records)
    assert 0.4 * len(records) <= with_ip <= 0.6 * len(records)
    assert sum(not r["spans"] for r in records) >= 20


def test_spans_are_exact_sorted_and_never_overlap(records: list[dict[str, Any]]) -> None:
    for r in records:
        end = 0
        for s in r["spans"]:
            value = s["entity_value"]
            assert r["full_text"][s["start_position"]:s["end_position"]] == value
            assert value and value == value.strip()
            assert s["start_position"] >= end, (r["template_id"], value)
            end = s["end_position"]


def test_no_labelled_value_also_stands_unlabelled(records: list[dict[str, Any]]) -> None:
    for r in records:
        text, cover = r["full_text"], [(s["start_position"], s["end_position"]) for s in r["spans"]]
        for s in r["spans"]:
            for m in re.finditer(r"(?<!\w)" + re.escape(s["entity_value"]) + r"(?!\w)", text):
                assert any(a <= m.start() and m.end() <= b for a, b in cover), (r["template_id"], m.group(0))


def test_cards_pass_luhn_and_have_a_brand(records: list[dict[str, Any]]) -> None:
    for _r, s in spans_of(records, "CREDIT_CARD"):
        value = s["entity_value"]
        assert re.fullmatch(r"\d+(?:([ -])\d+(?:\1\d+)*)?", value), value  # one separator kind, or none
        digits = re.sub(r"[ -]", "", value)
        assert luhn_ok(digits), value
        ok_brand = ((digits[0] == "4" and len(digits) == 16)
                    or (len(digits) == 16 and (51 <= int(digits[:2]) <= 55 or 2221 <= int(digits[:4]) <= 2720))
                    or (digits[:2] in ("34", "37") and len(digits) == 15)
                    or (len(digits) == 16 and (digits.startswith(("6011", "65")) or 644 <= int(digits[:3]) <= 649)))
        assert ok_brand, value


def test_ibans_pass_mod_97_in_their_country_format(records: list[dict[str, Any]]) -> None:
    for _r, s in spans_of(records, "IBAN_CODE"):
        value = s["entity_value"]
        compact = value.replace(" ", "")
        if " " in value:
            groups = value.split(" ")
            assert all(len(g) == 4 for g in groups[:-1]) and 1 <= len(groups[-1]) <= 4, value
        assert re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", compact), value
        assert len(compact) == IBAN_LENGTH[compact[:2]], value
        rearranged = compact[4:] + compact[:4]
        assert int("".join(str(int(ch, 36)) for ch in rearranged)) % 97 == 1, value


def test_ssns_keep_the_number_rules(records: list[dict[str, Any]]) -> None:
    for r, s in spans_of(records, "US_SSN"):
        m = re.fullmatch(r"(\d{3})([- ]?)(\d{2})\2(\d{4})", s["entity_value"])
        assert m, s["entity_value"]
        area, group, serial = int(m.group(1)), int(m.group(3)), int(m.group(4))
        assert 1 <= area <= 899 and area != 666 and 1 <= group <= 99 and 1 <= serial <= 9999
        if not m.group(2):  # undashed: only right after a cue
            before = r["full_text"][max(0, s["start_position"] - 30):s["start_position"]]
            assert re.search(r"(?:SSN|social security(?: number)?)\s*[:#=]?\s*$", before, re.I), before


def test_phones_are_valid_for_their_region(records: list[dict[str, Any]]) -> None:
    pn = pytest.importorskip("phonenumbers")
    for r, s in spans_of(records, "PHONE_NUMBER"):
        value, region = s["entity_value"], REGION[r["metadata"]["locale"]]
        number = pn.parse(value, None if value.startswith("+") else region)
        assert pn.is_valid_number(number), (value, region)
        where = pn.region_code_for_number(number)
        assert where in PHONE_REGIONS and (value.startswith("+") or where == region), (value, region, where)


def test_ip_addresses_are_host_addresses_alone(records: list[dict[str, Any]]) -> None:
    for r, s in spans_of(records, "IP_ADDRESS"):
        text, value, start, end = r["full_text"], s["entity_value"], s["start_position"], s["end_position"]
        address = ipaddress.ip_address(value)  # raises on anything that is not an address (a zone, a prefix)
        assert not address.is_multicast and not address.is_unspecified, value
        after, before = text[end:end + 2], text[max(0, start - 2):start]
        if address.version == 4:
            assert value.split(".")[-1] not in ("0", "255"), value  # network and broadcast addresses stay unlabelled
            assert not re.match(r"\.\d", after) and not re.search(r"\d\.\Z", before), (value, before, after)
        else:
            assert not after.startswith((":", "%")), (value, after)  # never an unbracketed :port or a zone
            if after.startswith("]:"):  # a port only after the bracketed form
                assert before.endswith("["), value
            assert not re.match(r"[0-9A-Fa-f]", after[:1]) and not re.search(r"[0-9A-Fa-f:]\Z", before), value


def test_every_email_shaped_string_is_a_labelled_address(records: list[dict[str, Any]]) -> None:
    for r in records:
        emails = {(s["start_position"], s["end_position"]) for s in r["spans"] if s["entity_type"] == "EMAIL_ADDRESS"}
        found = {(m.start(), m.end()) for m in EMAIL_SHAPE.finditer(r["full_text"])}
        assert found == emails, (r["template_id"], r["full_text"][:80])


def test_person_spans_hold_names_only(records: list[dict[str, Any]]) -> None:
    for _r, s in spans_of(records, "PERSON"):
        value = s["entity_value"]
        assert not re.match(r"(?:Mr|Mrs|Ms|Dr|Prof|Herr|Frau|Mme|Sr|Sra)\b\.?\s", value), value
        assert not re.search(r"[\d@<>()\[\]]", value), value


def test_source_counts_table_equals_the_file(records: list[dict[str, Any]]) -> None:
    table: dict[str, tuple[int, int]] = {}
    for line in SOURCE.read_text(encoding="utf-8").splitlines():
        m = re.match(r"\|\s*`?([A-Z_]+)`?\s*\|\s*([\d,]+)\s*\|\s*([\d,]+)\s*\|", line)
        if m and m.group(1) in LABELS:
            table[m.group(1)] = (int(m.group(2).replace(",", "")), int(m.group(3).replace(",", "")))
    spans = Counter(s["entity_type"] for r in records for s in r["spans"])
    texts = Counter(label for r in records for label in {s["entity_type"] for s in r["spans"]})
    assert table == {label: (spans[label], texts[label]) for label in LABELS}
    text = SOURCE.read_text(encoding="utf-8")
    assert f"{len(records):,} texts" in text
    assert f"{sum(not r['spans'] for r in records)} texts without personal data" in text


def test_the_file_is_what_the_generator_writes(tmp_path: Path) -> None:
    faker = pytest.importorskip("faker")
    from guard.pii.synth.remote import FAKER_VERSION

    if faker.VERSION != FAKER_VERSION:
        pytest.skip(f"the set was made with Faker {FAKER_VERSION}, not {faker.VERSION}")
    out = tmp_path / "remote.json"
    env = {**os.environ, "PYTHONHASHSEED": "271828"}  # another hash seed than any default: the bytes must not move
    subprocess.run([sys.executable, "-m", "guard.pii.synth.remote", "--out", str(out)], cwd=ROOT, env=env,
                   check=True, capture_output=True)
    assert out.read_bytes() == SET_FILE.read_bytes()


def test_a_bad_request_is_one_guard_error() -> None:
    from guard.pii.synth.remote import generate_remote

    with pytest.raises(GuardError):
        generate_remote(0, 20270202)
