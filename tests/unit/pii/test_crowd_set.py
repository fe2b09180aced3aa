"""Set K ("crowd"): the shipped file is what the seeded generator writes, and its labels are sound."""

from __future__ import annotations

import collections
import ipaddress
import json
import re
from pathlib import Path
from typing import Any

import pytest

from guard.pii.synth import crowd

DATA = Path(crowd.__file__).with_name("data") / "guard_pii_synth_crowd_seedK.json"
QUAD = re.compile(r"(?<![\d.])(\d{1,3}(?:\.\d{1,3}){3})(?!\d|\.\d)")


@pytest.fixture(scope="module")
def records() -> list[dict[str, Any]]:
    return json.loads(DATA.read_text(encoding="utf-8"))


def _luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def _mod97(iban: str) -> bool:
    s = iban.replace(" ", "")
    return int("".join(str(int(c, 36)) for c in s[4:] + s[:4])) % 97 == 1


def test_file_is_what_the_seed_generates(records: list[dict[str, Any]]) -> None:
    faker = pytest.importorskip("faker")
    if faker.VERSION != crowd.FAKER_VERSION:
        pytest.skip(f"Faker {faker.VERSION} draws differently from the recorded {crowd.FAKER_VERSION}")
    fresh = crowd.generate_crowd(2000, 20261111)
    assert fresh == records
    assert crowd.dump(fresh) == DATA.read_text(encoding="utf-8")


def test_record_format(records: list[dict[str, Any]]) -> None:
    assert len(records) == 2000
    for r in records:
        assert set(r) == {"full_text", "masked", "spans", "template_id", "metadata"}
        assert r["metadata"]["half"] == "crowd" and r["metadata"]["seed"] == 20261111
        assert 9000 <= r["template_id"] < 9000 + len(crowd_templates())
        for s in r["spans"]:
            assert set(s) == {"entity_type", "entity_value", "start_position", "end_position"}


def crowd_templates() -> list[tuple[str, str, str]]:
    from guard.pii.synth.crowd_templates import CROWD_TEMPLATES

    return CROWD_TEMPLATES


def test_spans_point_at_their_values_and_the_values_are_valid(records: list[dict[str, Any]]) -> None:
    for r in records:
        text = r["full_text"]
        last_end = 0
        for s in sorted(r["spans"], key=lambda s: s["start_position"]):
            assert text[s["start_position"]:s["end_position"]] == s["entity_value"]
            assert s["start_position"] >= last_end, "spans overlap"
            last_end = s["end_position"]
            value, kind = s["entity_value"], s["entity_type"]
            if kind == "CREDIT_CARD":
                assert _luhn(re.sub(r"[ -]", "", value)), value
            elif kind == "IBAN_CODE":
                assert _mod97(value), value
            elif kind == "IP_ADDRESS":
                ipaddress.ip_address(value)
            elif kind == "US_SSN":
                digits = re.sub(r"[ -]", "", value)
                assert len(digits) == 9 and digits[:3] not in ("000", "666") and digits[0] != "9", value
                assert digits[3:5] != "00" and digits[5:] != "0000", value
                if value.isdigit():  # undashed only right after a cue
                    assert text[:s["start_position"]].rstrip(" :#").endswith("SSN"), text


def test_counts(records: list[dict[str, Any]]) -> None:
    kinds = collections.Counter(s["entity_type"] for r in records for s in r["spans"])
    assert kinds["IP_ADDRESS"] >= 800
    for kind in ("PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "US_SSN"):
        assert kinds[kind] >= 150, kind
    assert any(":" in s["entity_value"] for r in records for s in r["spans"] if s["entity_type"] == "IP_ADDRESS")
    assert sum(1 for r in records if not r["spans"]) >= 100
    unlabelled = 0
    for r in records:
        for m in QUAD.finditer(r["full_text"]):
            if any(s["start_position"] <= m.start() < s["end_position"] for s in r["spans"]):
                continue
            try:
                ipaddress.IPv4Address(m.group(1))
            except ValueError:
                continue
            unlabelled += 1
    assert unlabelled >= 600
    languages = {r["metadata"]["language"] for r in records}
    assert "en" in languages and len(languages) >= 7


def test_a_labelled_value_never_also_stands_unlabelled(records: list[dict[str, Any]]) -> None:
    for r in records:
        text, spans = r["full_text"], r["spans"]
        for s in spans:
            value = s["entity_value"]
            pattern = re.compile(r"(?<![\w.:])" + re.escape(value) + r"(?![\w]|[.:]\w)")
            for m in pattern.finditer(text):
                inside = any(o["start_position"] <= m.start() and m.end() <= o["end_position"] for o in spans)
                assert inside, f"template {r['template_id']}: '{value}' also unlabelled in {text!r}"


def test_bad_arguments_fail_closed() -> None:
    pytest.importorskip("faker")
    from guard.errors import GuardError

    with pytest.raises(GuardError):
        crowd.generate_crowd(0)
