"""The stranger PII set (seed M) keeps the project's labelling rules: checked here from the shipped file.

The checks are written apart from the generator (their own Luhn, mod-97, SSN and IBAN-length rules;
``phonenumbers`` and ``ipaddress`` as outside references), so a generator bug cannot hide behind itself.
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

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "guard" / "pii" / "synth" / "data"
SET_FILE = DATA / "guard_pii_synth_stranger_seedM.json"
SOURCE_MD = DATA / "SOURCE_stranger.md"
LABELS = {"PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "US_SSN", "IP_ADDRESS"}
PHONE_REGIONS = {"US", "CA", "GB", "AU", "IN", "DE", "FR", "ES", "IT", "NL", "BR"}
# ISO 13616 lengths of the countries an IBAN may come from (the registry's, typed here by hand)
IBAN_LENGTHS = {"AT": 20, "BE": 16, "BR": 29, "CH": 21, "DE": 22, "DK": 18, "ES": 24, "FI": 18, "FR": 27, "GB": 22,
                "IE": 22, "IT": 27, "LU": 20, "NL": 18, "NO": 15, "PL": 28, "PT": 25, "SE": 24}
EMAIL_SHAPE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")


@pytest.fixture(scope="module")
def records() -> list[dict[str, Any]]:
    return json.loads(SET_FILE.read_text(encoding="utf-8"))


def spans_of(records: list[dict[str, Any]], label: str) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    return [(r, s) for r in records for s in r["spans"] if s["entity_type"] == label]


def luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch) * (2 if i % 2 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def brand_ok(digits: str) -> bool:
    n = len(digits)
    return ((digits[0] == "4" and n in (13, 16, 19)) or (51 <= int(digits[:2]) <= 55 and n == 16)
            or (2221 <= int(digits[:4]) <= 2720 and n == 16) or (digits[:2] in ("34", "37") and n == 15)
            or ((digits.startswith(("6011", "65")) or 644 <= int(digits[:3]) <= 649) and 16 <= n <= 19))


def covered(record: dict[str, Any], start: int, end: int) -> bool:
    return any(s["start_position"] <= start and end <= s["end_position"] for s in record["spans"])


def test_records_have_the_shared_format(records: list[dict[str, Any]]) -> None:
    assert len(records) == 2000
    for r in records:
        assert set(r) == {"full_text", "masked", "spans", "template_id", "metadata"}
        meta = r["metadata"]
        assert meta["half"] == "stranger" and meta["seed"] == 20270101
        assert r["template_id"] >= 20000 and meta["template_id"] == r["template_id"]
        assert {"locale", "style", "language"} <= set(meta)
        masked, last = [], 0
        for s in r["spans"]:
            assert set(s) == {"entity_type", "entity_value", "start_position", "end_position"}
            masked.append(r["full_text"][last:s["start_position"]] + "{{" + s["entity_type"] + "}}")
            last = s["end_position"]
        assert r["masked"] == "".join(masked) + r["full_text"][last:]


def test_spans_equal_their_values_and_never_overlap(records: list[dict[str, Any]]) -> None:
    for r in records:
        end = -1
        for s in r["spans"]:
            assert s["entity_type"] in LABELS
            assert r["full_text"][s["start_position"]:s["end_position"]] == s["entity_value"]
            assert s["entity_value"] == s["entity_value"].strip() and s["entity_value"]
            assert s["start_position"] >= end, f"overlapping spans in template {r['template_id']}"
            end = s["end_position"]


def test_the_set_has_the_size_the_brief_asks_for(records: list[dict[str, Any]]) -> None:
    spans = Counter(s["entity_type"] for r in records for s in r["spans"])
    ip_texts = sum(1 for r in records if any(s["entity_type"] == "IP_ADDRESS" for s in r["spans"]))
    assert spans["IP_ADDRESS"] >= 1500 and 0.4 <= ip_texts / len(records) <= 0.6
    assert all(spans[label] >= 200 for label in LABELS)
    assert sum(1 for r in records if not r["spans"]) >= 50  # texts with no personal data at all
    assert len({r["metadata"]["style"] for r in records}) >= 100
    assert len({r["metadata"]["language"] for r in records}) >= 5


def test_cards_are_luhn_valid_brands_in_written_forms(records: list[dict[str, Any]]) -> None:
    for _, s in spans_of(records, "CREDIT_CARD"):
        value = s["entity_value"]
        assert re.fullmatch(r"\d+|\d+(?: \d+)+|\d+(?:-\d+)+", value), value
        digits = re.sub(r"\D", "", value)
        assert luhn(digits) and brand_ok(digits), value


def test_ibans_pass_mod97_with_their_country_length(records: list[dict[str, Any]]) -> None:
    for _, s in spans_of(records, "IBAN_CODE"):
        value = s["entity_value"]
        compact = value.replace(" ", "")
        assert value in (compact, " ".join(compact[i:i + 4] for i in range(0, len(compact), 4))), value
        assert IBAN_LENGTHS.get(compact[:2]) == len(compact), value
        rearranged = compact[4:] + compact[:4]
        assert int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1, value


def test_ssns_are_issuable_and_undashed_only_after_a_cue(records: list[dict[str, Any]]) -> None:
    for r, s in spans_of(records, "US_SSN"):
        m = re.fullmatch(r"(\d{3})([- ]?)(\d{2})\2(\d{4})", s["entity_value"])
        assert m, s["entity_value"]
        area, group, serial = int(m.group(1)), int(m.group(3)), int(m.group(4))
        assert 1 <= area <= 899 and area != 666 and 1 <= group <= 99 and 1 <= serial <= 9999
        if not m.group(2):
            before = r["full_text"][max(0, s["start_position"] - 30):s["start_position"]]
            assert re.search(r"(?i)(ssn|social security (number|no\.?))\s*[:#=]?\s*$", before), before


def test_phones_are_valid_for_their_region(records: list[dict[str, Any]]) -> None:
    phonenumbers = pytest.importorskip("phonenumbers")
    for r in records:
        phones = [s for s in r["spans"] if s["entity_type"] == "PHONE_NUMBER"]
        regions = r["metadata"]["phone_regions"]
        assert len(regions) == len(phones)
        for s, region in zip(phones, regions):
            assert region in PHONE_REGIONS
            number = phonenumbers.parse(s["entity_value"], region)
            assert phonenumbers.is_valid_number_for_region(number, region), (s["entity_value"], region)
            text, a, b = r["full_text"], s["start_position"], s["end_position"]
            assert not (a and re.match(r"[\w+]", text[a - 1])) and not re.match(r"\w", text[b:b + 1])


def test_ip_spans_are_bare_host_addresses(records: list[dict[str, Any]]) -> None:
    for r, s in spans_of(records, "IP_ADDRESS"):
        value, text, a, b = s["entity_value"], r["full_text"], s["start_position"], s["end_position"]
        address = ipaddress.ip_address(value)  # no prefix, port, brackets or zone: ValueError otherwise
        assert not address.is_multicast and not address.is_unspecified, value
        before, after = text[max(0, a - 1):a], text[b:b + 2]
        if address.version == 4:
            assert not re.match(r"[\w.]", before) and not re.match(r"\w|\.\d", after), (before, value, after)
            assert value != "255.255.255.255" and not value.endswith(".255"), value  # broadcast: not a host
        else:
            # a colon may follow (Windows ping: "Reply from 2001:db8::1: time=3ms"), never a port or zone
            assert not re.match(r"[\w:.]", before) and not re.match(r"[\w%]|:[\w:]|\.\w", after), (value, after)


def test_every_email_shaped_string_is_labelled(records: list[dict[str, Any]]) -> None:
    for r in records:
        for m in EMAIL_SHAPE.finditer(r["full_text"]):
            assert covered(r, m.start(), m.end()), m.group()
    for _, s in spans_of(records, "EMAIL_ADDRESS"):
        assert EMAIL_SHAPE.fullmatch(s["entity_value"]), s["entity_value"]


def test_no_labelled_value_also_stands_unlabelled(records: list[dict[str, Any]]) -> None:
    for r in records:
        for s in r["spans"]:
            for m in re.finditer(r"(?<!\w)" + re.escape(s["entity_value"]) + r"(?!\w)", r["full_text"]):
                assert covered(r, m.start(), m.end()), (r["template_id"], s["entity_value"])


def test_no_unlabelled_card_or_ssn(records: list[dict[str, Any]]) -> None:
    for r in records:
        text = r["full_text"]
        for m in re.finditer(r"(?<![\w.-])\d(?:[ -]?\d){12,18}(?![\w-])", text):
            digits = re.sub(r"\D", "", m.group())
            assert covered(r, m.start(), m.end()) or not (luhn(digits) and brand_ok(digits)), m.group()
        for m in re.finditer(r"(?<![\w-])(\d{3})([- ])(\d{2})\2(\d{4})(?![\w-])", text):
            area = int(m.group(1))
            issuable = 0 < area < 900 and area != 666 and int(m.group(3)) and int(m.group(4))
            assert covered(r, m.start(), m.end()) or not issuable, m.group()


def test_person_spans_hold_names_only(records: list[dict[str, Any]]) -> None:
    chat = ("chat", "slack", "teams", "whatsapp", "discord", "irc", "sms", "transcript", "telegram")
    greeting = r"(?i)(hi|hello|hey|dear|thanks|thank you|cheers|hallo|hola|ciao|hoi|olá|bonjour)[ ,]*$"
    for r, s in spans_of(records, "PERSON"):
        value, text = s["entity_value"], r["full_text"]
        assert not re.match(r"(Mr|Mrs|Ms|Dr|Prof|Herr|Frau|Mme|Sr|Sra)\.?\s", value), value
        assert not re.search(r"\s(Jr|Sr|PhD|MD|III)\.?$", value), value
        if " " not in value:  # a lone first name: only in greetings, sign-offs and chats
            line = text[:s["start_position"]].rsplit("\n", 1)[-1]
            assert (not re.search(r"[^\W\d_]", line) or re.search(greeting, line)
                    or any(c in r["metadata"]["style"] for c in chat)), (r["metadata"]["style"], line, value)


def test_counts_table_in_source_md_matches_the_file(records: list[dict[str, Any]]) -> None:
    table = {m.group(1): (int(m.group(2)), int(m.group(3))) for m in re.finditer(
        r"^\| (\S+) \| (\d+) \| (\d+) \|$", SOURCE_MD.read_text(encoding="utf-8"), re.M)}
    expected = {label: (sum(1 for r in records for s in r["spans"] if s["entity_type"] == label),
                        sum(1 for r in records if any(s["entity_type"] == label for s in r["spans"])))
                for label in LABELS}
    expected["(none)"] = (0, sum(1 for r in records if not r["spans"]))
    expected["total"] = (sum(len(r["spans"]) for r in records), len(records))
    assert table == expected


def test_file_equals_what_the_generator_writes(tmp_path: Path) -> None:
    faker = pytest.importorskip("faker")
    from guard.pii.synth.stranger import FAKER_VERSION

    if faker.VERSION != FAKER_VERSION:
        pytest.skip(f"the set is pinned to Faker {FAKER_VERSION}, this environment has {faker.VERSION}")
    out = tmp_path / "again.json"
    env = {**os.environ, "PYTHONHASHSEED": "913"}  # another hash seed: the bytes must not depend on it
    subprocess.run([sys.executable, "-m", "guard.pii.synth.stranger", "--out", str(out)], cwd=ROOT, env=env,
                   check=True, capture_output=True, timeout=120)
    assert out.read_bytes() == SET_FILE.read_bytes()


def test_generator_refuses_bad_input() -> None:
    from guard.errors import GuardError
    from guard.pii.synth.stranger import generate_stranger, phone

    with pytest.raises(GuardError, match="n must be 0 or more"):
        generate_stranger(-1, 1)
    import random

    with pytest.raises(GuardError, match="no phone plan for region 'JP'"):
        phone(random.Random(0), "JP")
