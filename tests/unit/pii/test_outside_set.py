"""The outside set (seed L): the shipped file is what its generator writes, and every label holds its rules.

The checks below are written apart from the generator (their own Luhn, mod-97, SSN and boundary
rules), so a bug in a value generator shows here instead of turning into a wrong ground truth.
"""

from __future__ import annotations

import collections
import ipaddress
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from guard.errors import GuardError
from guard.pii.synth import outside
from guard.pii.synth.outside_templates import TEMPLATES, Template

DATA = outside.OUT_FILE
SOURCE_MD = DATA.with_name("SOURCE_outside.md")
ENTITY_TYPES = {"PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "US_SSN", "IP_ADDRESS"}
IBAN_LENGTHS = {"DE": 22, "AT": 20, "CH": 21, "GB": 22, "IE": 22, "FR": 27, "ES": 24, "IT": 27, "NL": 18, "BE": 16,
                "PT": 25, "PL": 28, "LU": 20, "BR": 29, "SE": 24, "DK": 18}
EMAIL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9._%+-]*[A-Za-z0-9])?@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+"
                   r"[A-Za-z]{2,}")
EMAIL_IN_TEXT = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")


@pytest.fixture(scope="module")
def records() -> list[dict[str, Any]]:
    return json.loads(DATA.read_text(encoding="utf-8"))


def _spans(records: list[dict[str, Any]], entity_type: str) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    return [(r, s) for r in records for s in r["spans"] if s["entity_type"] == entity_type]


def _faker_or_skip() -> None:
    faker = pytest.importorskip("faker")
    if faker.VERSION != outside.FAKER_VERSION:
        pytest.skip(f"the file was written with Faker {outside.FAKER_VERSION}, {faker.VERSION} is installed")


def test_the_file_is_what_the_generator_writes_for_the_seed(records: list[dict[str, Any]]) -> None:
    _faker_or_skip()
    assert len(records) == 2000
    assert DATA.read_text(encoding="utf-8") == outside.dumps(outside.generate_outside(2000, outside.SEED))


def test_generation_is_reproducible_and_follows_the_seed() -> None:
    _faker_or_skip()
    assert outside.generate_outside(60, 7) == outside.generate_outside(60, 7)
    assert outside.generate_outside(60, 7) != outside.generate_outside(60, 8)


def test_generation_does_not_depend_on_pythonhashseed() -> None:
    _faker_or_skip()
    code = ("import hashlib; from guard.pii.synth.outside import generate_outside, dumps; "
            "print(hashlib.sha256(dumps(generate_outside(400)).encode()).hexdigest())")
    root = Path(__file__).resolve().parents[3]
    digests = set()
    for hash_seed in ("0", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        done = subprocess.run([sys.executable, "-c", code], cwd=root, env=env, capture_output=True, text=True,
                              check=True)
        digests.add(done.stdout.strip())
    assert len(digests) == 1


def test_record_format_and_offsets(records: list[dict[str, Any]]) -> None:
    for r in records:
        assert set(r) == {"full_text", "masked", "spans", "template_id", "metadata"}
        index = r["template_id"] - outside.TEMPLATE_OFFSET
        assert 0 <= index < len(TEMPLATES) and r["masked"] == TEMPLATES[index].text
        meta = r["metadata"]
        assert meta["half"] == "outside" and meta["seed"] == outside.SEED
        assert meta["style"] == TEMPLATES[index].style and meta["language"] == TEMPLATES[index].language
        assert meta["locale"] in outside.REGION
        last_end = 0
        for s in sorted(r["spans"], key=lambda s: s["start_position"]):
            assert s["entity_type"] in ENTITY_TYPES
            assert r["full_text"][s["start_position"]:s["end_position"]] == s["entity_value"]
            assert s["entity_value"] == s["entity_value"].strip() and s["entity_value"]
            assert s["start_position"] >= last_end, "spans overlap"
            last_end = s["end_position"]


def _luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def test_cards_are_luhn_valid_numbers_of_the_four_brands(records: list[dict[str, Any]]) -> None:
    spans = _spans(records, "CREDIT_CARD")
    assert len(spans) >= 200
    brands: collections.Counter[str] = collections.Counter()
    for _, s in spans:
        value = s["entity_value"]
        assert re.fullmatch(r"\d+(?:([ -])\d+(?:\1\d+)*)?", value), value  # one separator kind, or none
        digits = re.sub(r"[ -]", "", value)
        assert _luhn_ok(digits), value
        if digits[0] == "4" and len(digits) == 16:
            brands["visa"] += 1
        elif len(digits) == 16 and (51 <= int(digits[:2]) <= 55 or 2221 <= int(digits[:4]) <= 2720):
            brands["mastercard"] += 1
        elif len(digits) == 15 and digits[:2] in ("34", "37"):
            brands["amex"] += 1
        elif len(digits) == 16 and (digits.startswith(("6011", "65")) or 644 <= int(digits[:3]) <= 649):
            brands["discover"] += 1
        else:
            pytest.fail(f"not a Visa, Mastercard, Amex or Discover number: {value}")
    assert set(brands) == {"visa", "mastercard", "amex", "discover"}


def test_ibans_pass_mod_97_in_their_countrys_length(records: list[dict[str, Any]]) -> None:
    spans = _spans(records, "IBAN_CODE")
    assert len(spans) >= 200
    for _, s in spans:
        value = s["entity_value"]
        compact = value.replace(" ", "")
        assert value in (compact, " ".join(compact[i:i + 4] for i in range(0, len(compact), 4))), value
        assert re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", compact), value
        assert len(compact) == IBAN_LENGTHS[compact[:2]], value
        moved = compact[4:] + compact[:4]
        assert int("".join(str(int(c, 36)) for c in moved)) % 97 == 1, value


def test_ssns_follow_the_area_group_serial_rules(records: list[dict[str, Any]]) -> None:
    spans = _spans(records, "US_SSN")
    assert len(spans) >= 200
    for r, s in spans:
        value = s["entity_value"]
        m = re.fullmatch(r"(\d{3})([- ]?)(\d{2})\2(\d{4})", value)
        assert m, value
        area, group, serial = int(m.group(1)), int(m.group(3)), int(m.group(4))
        assert 1 <= area <= 899 and area != 666 and 1 <= group <= 99 and 1 <= serial <= 9999, value
        if not m.group(2):  # undashed only right after a cue
            before = r["full_text"][:s["start_position"]].rstrip()
            assert re.search(r"(?i)\bssn\s*[:=]?$", before), r["full_text"]


def test_ip_addresses_are_bare_valid_addresses(records: list[dict[str, Any]]) -> None:
    spans = _spans(records, "IP_ADDRESS")
    assert len(spans) >= 2000
    v6 = 0
    for r, s in spans:
        address = ipaddress.ip_address(s["entity_value"])  # no prefix, port or brackets inside the span
        v6 += address.version == 6
        text, start, end = r["full_text"], s["start_position"], s["end_position"]
        # the span is the whole address: nothing of an address is glued before it ("Address:" may be),
        # and after it only a port (":443", ".443"), a bracket or punctuation
        before, after = text[max(0, start - 2):start], text[end:end + 2]
        assert not re.search(r"[0-9A-Fa-f.]\Z|[^A-Za-z]:\Z", before), text[max(0, start - 12):end]
        glued_after = r"^[0-9A-Fa-f]" if address.version == 6 else r"^\d"
        assert not re.match(glued_after, after) and not (address.version == 6 and re.match(r"^:[0-9A-Fa-f]", after)), \
            text[start:end + 6]
    assert v6 >= 150


def test_emails_are_valid_and_every_email_in_a_text_is_labelled(records: list[dict[str, Any]]) -> None:
    spans = _spans(records, "EMAIL_ADDRESS")
    assert len(spans) >= 300
    for _, s in spans:
        assert EMAIL.fullmatch(s["entity_value"]) and ".." not in s["entity_value"], s["entity_value"]
    for r in records:
        labelled = {(s["start_position"], s["end_position"]) for s in r["spans"] if s["entity_type"] == "EMAIL_ADDRESS"}
        for m in EMAIL_IN_TEXT.finditer(r["full_text"]):
            assert (m.start(), m.end()) in labelled, (m.group(0), r["full_text"])


def test_phone_numbers_are_valid_for_the_locales_country(records: list[dict[str, Any]]) -> None:
    phonenumbers = pytest.importorskip("phonenumbers")
    spans = _spans(records, "PHONE_NUMBER")
    assert len(spans) >= 300
    regions = set()
    for r, s in spans:
        region = outside.REGION[r["metadata"]["locale"]]
        regions.add(region)
        assert phonenumbers.is_valid_number(phonenumbers.parse(s["entity_value"], region)), (s["entity_value"], region)
    assert regions == {"US", "CA", "GB", "AU", "IN", "DE", "FR", "ES", "IT", "NL", "BR"}


def _standing(text: str, value: str, spans: list[dict[str, Any]]) -> list[int]:
    """Word-bounded occurrences of ``value`` that lie inside no labelled span."""
    hits = []
    start = text.find(value)
    while start != -1:
        end = start + len(value)
        bounded = (start == 0 or not text[start - 1].isalnum()) and (end == len(text) or not text[end].isalnum())
        inside = any(s["start_position"] <= start and end <= s["end_position"] for s in spans)
        if bounded and not inside:
            hits.append(start)
        start = text.find(value, start + 1)
    return hits


def test_a_labelled_value_never_stands_unlabelled(records: list[dict[str, Any]]) -> None:
    for r in records:
        for value in {s["entity_value"] for s in r["spans"]}:
            assert not _standing(r["full_text"], value, r["spans"]), (value, r["full_text"])


def test_the_generators_own_check_finds_an_unlabelled_copy() -> None:
    spans = [{"entity_type": "IP_ADDRESS", "entity_value": "10.0.0.5", "start_position": 5, "end_position": 13}]
    assert outside.standing_unlabelled("host 10.0.0.5 (v10.0.0.5)", spans) == []
    assert outside.standing_unlabelled("host 10.0.0.5, fw 10.0.0.5", spans) == ["10.0.0.5"]
    assert outside.standing_unlabelled("host 10.0.0.5 by a@b.de", spans) == ["a@b.de"]


def test_a_bad_template_is_refused() -> None:
    with pytest.raises(GuardError, match="unknown slot kind 'NAMEX'"):
        outside.check_templates([Template("email", "en", "Hi {NAMEX}")])
    with pytest.raises(GuardError, match="stray brace"):
        outside.check_templates([Template("json", "en", '{"a": "{NAME}"}')])
    with pytest.raises(GuardError, match="unknown language"):
        outside.check_templates([Template("email", "xx", "Hi {NAME}")])


def test_templates_cover_many_genres_languages_and_distractors(records: list[dict[str, Any]]) -> None:
    assert len(TEMPLATES) >= 150
    assert len({t.style for t in TEMPLATES}) >= 50
    assert len({t.language for t in TEMPLATES} - {"en"}) >= 5
    # PII-free dotted quads (versions, OIDs, control ids, masks, routes) stand unlabelled in many texts
    quad = re.compile(r"(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?![\w]|\.\d)")
    unlabelled = 0
    for r in records:
        for m in quad.finditer(r["full_text"]):
            inside = any(s["start_position"] <= m.start() < s["end_position"] for s in r["spans"])
            unlabelled += not inside and all(int(p) <= 255 for p in m.group(0).split("."))
    assert unlabelled >= 500


def test_source_md_states_the_measured_counts(records: list[dict[str, Any]]) -> None:
    counts = collections.Counter(s["entity_type"] for r in records for s in r["spans"])
    text = SOURCE_MD.read_text(encoding="utf-8")
    for label, n in counts.items():
        assert re.search(rf"\|\s*{label}\s*\|\s*{n}\s*\|", text), f"{label} {n} not in {SOURCE_MD.name}"
