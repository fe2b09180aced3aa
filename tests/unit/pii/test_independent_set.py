"""The independent held-apart PII set (seed I): its labels are right, its mix is what it claims.

The checks on the shipped JSON run without Faker and use validators written here (Luhn, mod-97,
``ipaddress``), not the generator's own, so a bug in the generator cannot vouch for itself.
"""

from __future__ import annotations

import ipaddress
import json
import random
import re
from collections import Counter
from functools import lru_cache
from typing import Any

import pytest

from guard.errors import GuardError
from guard.pii.synth import independent
from guard.pii.synth.independent_templates import TEMPLATES

TYPES = {"PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "IP_ADDRESS", "US_SSN"}
QUAD = re.compile(r"(?<![\w.])(\d{1,3}(?:\.\d{1,3}){3})(?!\.?\d)(?!\w)")
SSN_CUE = re.compile(r"(SSN|Social Security|SS#|Soc\. Sec\.|Seguro Social)[^\n]{0,12}$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _shipped() -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = json.loads(independent.OUT_FILE.read_text(encoding="utf-8"))
    return records


def _luhn(number: str) -> bool:
    digits = [int(c) for c in number if c.isdigit()]
    odd = digits[-1::-2]
    even = [sum(divmod(2 * d, 10)) for d in digits[-2::-2]]
    return len(digits) >= 12 and (sum(odd) + sum(even)) % 10 == 0


def _mod97(value: str) -> bool:
    s = value.replace(" ", "")
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", s):
        return False
    rearranged = s[4:] + s[:4]
    return int("".join(str(int(ch, 36)) for ch in rearranged)) % 97 == 1


def _stands_alone(text: str, i: int, j: int) -> bool:
    """No letter or digit, nor a dot or colon that joins one, right before i or right after j."""
    before = text[i - 1] if i > 0 else " "
    before2 = text[i - 2] if i > 1 else " "
    after = text[j] if j < len(text) else " "
    after2 = text[j + 1] if j + 1 < len(text) else " "
    if before.isalnum() or after.isalnum():
        return False
    return not ((before in ".:" and before2.isalnum()) or (after in ".:" and after2.isalnum()))


def test_the_shipped_file_has_the_format_of_the_other_sets() -> None:
    text = independent.OUT_FILE.read_text(encoding="utf-8")
    records = _shipped()
    assert len(records) == 2000
    lines = (json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in records)
    assert text == "[\n" + ",\n".join(lines) + "\n]\n"
    for r in records:
        assert set(r) == {"full_text", "masked", "spans", "template_id", "metadata"}
        assert set(r["metadata"]) == {"locale", "style", "language", "half", "seed"}
        assert r["metadata"]["half"] == "independent" and r["metadata"]["seed"] == 20260909
        index = r["template_id"] - 7000
        assert 0 <= index < len(TEMPLATES)
        assert r["masked"] == TEMPLATES[index].text and r["metadata"]["language"] == TEMPLATES[index].lang
        for s in r["spans"]:
            assert set(s) == {"entity_type", "entity_value", "start_position", "end_position"}


def test_every_span_is_the_text_it_labels_and_spans_do_not_overlap() -> None:
    for r in _shipped():
        end = -1
        for s in r["spans"]:
            assert s["entity_type"] in TYPES
            assert r["full_text"][s["start_position"]:s["end_position"]] == s["entity_value"]
            assert s["start_position"] >= end, r["template_id"]
            end = s["end_position"]


def test_every_labelled_value_passes_its_own_check() -> None:
    for r in _shipped():
        for s in r["spans"]:
            v, t = s["entity_value"], s["entity_type"]
            if t == "CREDIT_CARD":
                assert _luhn(v) and re.fullmatch(r"\d[\d -]{11,21}\d", v), v
            elif t == "IBAN_CODE":
                assert _mod97(v), v
            elif t == "IP_ADDRESS":
                ipaddress.ip_address(v)  # raises on anything that is not an address
            elif t == "US_SSN":
                m = re.fullmatch(r"(\d{3})([- ]?)(\d{2})\2(\d{4})", v)
                assert m and m.group(1) not in ("000", "666") and int(m.group(1)) < 900, v
                assert m.group(3) != "00" and m.group(4) != "0000", v
                if not m.group(2):  # undashed SSNs only right after a cue word
                    assert SSN_CUE.search(r["full_text"][:s["start_position"]]), r["full_text"]
            elif t == "EMAIL_ADDRESS":
                assert re.fullmatch(r"[a-z0-9._-]+@[a-z0-9-]+(\.[a-z0-9-]+)+", v), v
            elif t == "PHONE_NUMBER":
                assert 7 <= sum(c.isdigit() for c in v) <= 15 and re.fullmatch(r"\(?\+?\d[\d()./ -]*\d", v), v


def test_no_labelled_value_also_stands_unlabelled_in_its_text() -> None:
    for r in _shipped():
        text, spans = r["full_text"], r["spans"]
        for value in {s["entity_value"] for s in spans}:
            for m in re.finditer(re.escape(value), text):
                covered = any(s["start_position"] <= m.start() and m.end() <= s["end_position"] for s in spans)
                assert covered or not _stands_alone(text, m.start(), m.end()), (r["template_id"], value)


def test_the_mix_of_entities_and_dotted_quads() -> None:
    records = _shipped()
    counts = Counter(s["entity_type"] for r in records for s in r["spans"])
    assert counts["IP_ADDRESS"] >= 800
    ipv6 = [s for r in records for s in r["spans"] if s["entity_type"] == "IP_ADDRESS" and ":" in s["entity_value"]]
    assert len(ipv6) >= 150
    for t in TYPES - {"IP_ADDRESS"}:
        assert counts[t] >= 150, (t, counts[t])
    unlabelled, with_quad, both = 0, 0, 0
    for r in records:
        spans = r["spans"]
        n = 0
        for m in QUAD.finditer(r["full_text"]):
            try:
                ipaddress.IPv4Address(m.group(1))
            except ValueError:
                continue
            if not any(s["start_position"] <= m.start() and m.end() <= s["end_position"] for s in spans):
                n += 1
        has_ip = any(s["entity_type"] == "IP_ADDRESS" and "." in s["entity_value"] for s in spans)
        unlabelled += n
        with_quad += bool(n or has_ip)
        both += bool(n and has_ip)
    assert unlabelled >= 600
    assert 0.4 <= both / with_quad <= 0.7  # roughly half the texts with a dotted quad hold an address and a version


def test_templates_styles_and_languages() -> None:
    records = _shipped()
    assert len(TEMPLATES) >= 80
    assert len({t.style for t in TEMPLATES}) >= 30
    languages = Counter(r["metadata"]["language"] for r in records)
    assert set(languages) >= {"en", "de", "fr", "es", "it", "nl", "pt", "pl"}
    assert min(languages.values()) >= 50
    assert len({r["template_id"] for r in records}) == len(TEMPLATES)  # every template is drawn


def test_phone_numbers_of_every_region_in_both_forms() -> None:
    rng = random.Random(7)
    for region in ["US", "CA", "GB", "AU", "IN", "DE", "AT", "FR", "ES", "MX", "IT", "NL", "BR", "PT", "PL"]:
        for _ in range(50):
            intl = independent.phone(rng, region, "intl")
            nat = independent.phone(rng, region, "nat")
            assert intl.startswith(("+", "00", "(+", "1300", "1800")), (region, intl)
            assert not nat.startswith("+"), (region, nat)
            for v in (intl, nat):
                assert 7 <= sum(c.isdigit() for c in v) <= 15, (region, v)


def test_value_generators_fail_closed_on_unknown_kinds() -> None:
    rng = random.Random(1)
    with pytest.raises(GuardError, match="region 'XX'"):
        independent.phone(rng, "XX")
    with pytest.raises(GuardError, match="IPv4 kind"):
        independent.ipv4(rng, "multicast")
    with pytest.raises(GuardError, match="IPv6 kind"):
        independent.ipv6(rng, "site")
    with pytest.raises(GuardError, match="unknown template slot"):
        independent.render("{NOT_A_SLOT}", lambda slot, key: independent._fill(slot, key, _ctx(rng)))


def _ctx(rng: random.Random) -> Any:
    faker = pytest.importorskip("faker")
    import datetime as dt

    return independent._Ctx(rng=rng, fake=faker.Faker("en_US"), locale="en_US", region="US", lang="en",
                            when=dt.datetime(2025, 1, 1))


def test_generation_is_reproducible_for_the_seed() -> None:
    faker = pytest.importorskip("faker")
    first = independent.generate_independent(300)
    assert first == independent.generate_independent(300)
    assert first != independent.generate_independent(300, seed=1)
    if faker.VERSION != independent.FAKER_VERSION:
        pytest.skip(f"the shipped file was written with Faker {independent.FAKER_VERSION}, not {faker.VERSION}")
    assert independent.dump(independent.generate_independent(2000)) == independent.OUT_FILE.read_text(encoding="utf-8")
