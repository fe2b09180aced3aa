"""Evidence redaction: direct identifiers become entity tags; ordinary text and numbers are kept."""

from __future__ import annotations

import pytest

from guard.redact import Redactor, redact_finding, redact_patterns, redact_value
from guard.types import Finding


@pytest.mark.parametrize(
    ("text", "secret", "tag"),
    [
        ("Write to john.doe+news@example.co.uk today", "john.doe+news@example.co.uk", "<EMAIL_ADDRESS>"),
        ("mail: a_b@sub-domain.example.org.", "a_b@sub-domain.example.org", "<EMAIL_ADDRESS>"),
        ("Call +1 415-555-0132 now", "415-555-0132", "<PHONE_NUMBER>"),
        ("phone (415) 555-0132", "555-0132", "<PHONE_NUMBER>"),
        ("ring 415.555.0132", "415.555.0132", "<PHONE_NUMBER>"),
        ("Berlin office: +49 30 1234567", "1234567", "<PHONE_NUMBER>"),
        ("card 4111 1111 1111 1111 exp 12/27", "4111 1111 1111 1111", "<CREDIT_CARD>"),
        ("card 4111-1111-1111-1111", "4111-1111-1111-1111", "<CREDIT_CARD>"),
        ("card 5500000000000004", "5500000000000004", "<CREDIT_CARD>"),
        ("IBAN GB82 WEST 1234 5698 7654 32 please", "GB82 WEST 1234 5698 7654 32", "<IBAN_CODE>"),
        ("pay to DE89370400440532013000", "DE89370400440532013000", "<IBAN_CODE>"),
        ("SSN 123-45-6789 on file", "123-45-6789", "<US_SSN>"),
        ("from host 192.168.1.20, port 22", "192.168.1.20", "<IP_ADDRESS>"),
        ("10.0.0.1", "10.0.0.1", "<IP_ADDRESS>"),
    ],
)
def test_identifiers_are_replaced_by_tags(text: str, secret: str, tag: str) -> None:
    out = redact_patterns(text)
    assert secret not in out
    assert tag in out


def test_surrounding_text_is_kept() -> None:
    out = redact_patterns("Contact Jane at jane@corp.example or 555-123-4567, SSN 078-05-1120.")
    assert out == "Contact Jane at <EMAIL_ADDRESS> or <PHONE_NUMBER>, SSN <US_SSN>."


@pytest.mark.parametrize(
    "text",
    [
        "Paris",
        "1969",
        "Apollo 11 landed on the Moon in 1969.",
        "7 plus 5 is 12",
        "The year 2024 had 366 days.",
        "pi is 3.14159",
        "version 1.2.3",
        "accuracy 0.85 on 12345 examples",
        "The meeting is at 12:30 on 2024-01-15.",
        "It costs $1,299.99",
        "Rome is the capital of Italy",
        "",
    ],
)
def test_ordinary_text_and_small_numbers_are_untouched(text: str) -> None:
    assert redact_patterns(text) == text


def test_nested_values_are_redacted() -> None:
    value = {
        "input": "My email is a@b.io",
        "outputs": ["call 555-123-4567", {"deep": ["ip 8.8.8.8", 42, None, 3.5]}],
        "count": 7,
        "ok": True,
    }
    out = redact_value(value)
    assert out == {
        "input": "My email is <EMAIL_ADDRESS>",
        "outputs": ["call <PHONE_NUMBER>", {"deep": ["ip <IP_ADDRESS>", 42, None, 3.5]}],
        "count": 7,
        "ok": True,
    }
    assert value["input"] == "My email is a@b.io"  # the original is not modified


def test_finding_message_and_example_are_redacted() -> None:
    finding = Finding(
        kind="leak", severity="high", message="model revealed 123-45-6789",
        example={"prompt": "What is Bob's card?", "output": "It is 4111 1111 1111 1111", "answers": ["bob@x.com"]},
    )
    out = redact_finding(finding)
    assert out.message == "model revealed <US_SSN>"
    assert out.example == {"prompt": "What is <PERSON>'s card?", "output": "It is <CREDIT_CARD>",
                           "answers": ["<EMAIL_ADDRESS>"]}
    assert out.kind == "leak" and out.severity == "high"
    assert finding.message == "model revealed 123-45-6789"


def test_finding_without_pii_is_unchanged() -> None:
    finding = Finding(kind="misclassified", message="expected 'positive'",
                      example={"input": "Great film, 10/10", "n": 1})
    assert redact_finding(finding) == finding


def test_a_redactor_object_carries_its_own_text_layer() -> None:
    """One object per run, no process-wide setters: a custom layer affects only the run that uses it."""
    custom = Redactor(text=lambda text: text.replace("Bob", "<PERSON>"), mode="custom")
    out = custom.finding(Finding(kind="k", message="Bob said hi", example={"who": ["Bob"]}))
    assert out.message == "<PERSON> said hi" and out.example == {"who": ["<PERSON>"]}
    assert Redactor.raw().finding(Finding(kind="k", message="Bob a@b.io")).message == "Bob a@b.io"
    assert Redactor.patterns().text("Bob a@b.io") == "Bob <EMAIL_ADDRESS>"
    assert redact_value("Bob a@b.io", key="group") == "Bob <EMAIL_ADDRESS>"  # a label: patterns only


@pytest.mark.parametrize("number", ["+44 20 7946 0958", "020 7946 0958", "+33 6 12 34 56 78"])
def test_international_phone_numbers_are_redacted(number: str) -> None:
    assert number not in redact_patterns(f"call me on {number} tonight")


def test_ipv6_addresses_are_redacted() -> None:
    assert "<IP_ADDRESS>" in redact_patterns("client 2001:db8:85a3::8a2e:370:7334 connected")


@pytest.mark.parametrize("text", [
    "v=spf1 ip4:96.12.77.248 ip6:2a01:4f8:949c:5a51:5643:13ff:fe5a:f835 -all",  # an SPF record
    "X509v3 Subject Alternative Name: DNS:vpn.example.com, IP Address:FD7F:4ED0:1248:1:D1A9:C3FF:FE4A:ABDA",
    "[core:error] [client fe80::5a5b:b2ff:fe08:489a]:43094 AH00126",
])
def test_ipv6_right_after_a_labels_colon_is_redacted(text: str) -> None:
    """A label's colon ("ip6:", "IP Address:") used to hide the address from the pattern's lookbehind."""
    redacted = redact_patterns(text)
    assert "<IP_ADDRESS>" in redacted and "fe" not in redacted.split("<IP_ADDRESS>")[-1][:3]
    assert not any(part in redacted for part in ("2a01:4f8", "FD7F:4ED0", "fe80::5a5b"))


def test_clock_times_and_hex_words_are_not_ipv6() -> None:
    assert redact_patterns("at 12:30:45 the cafe:beef build") == "at 12:30:45 the cafe:beef build"
