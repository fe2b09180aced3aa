"""``pii.dataset``: PII in a dataset per entity type and column."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import guard
import guard.evaluators.pii.dataset  # noqa: F401  (registers pii.dataset until the lead wires it)
from guard.models.fake import FakeModel
from guard.suite import suite_from_dict
from tests.unit.evaluators.pii import evidence_key, fake_scanner, needs_real_scanner  # noqa: F401  (fixtures)

ROWS = [
    {"id": 1, "text": "Write to ada@example.com about the invoice.", "note": "call +44 20 7946 0958"},
    {"id": 2, "text": "Nothing personal here.", "note": "ok"},
    {"id": 3, "text": "Again ada@example.com and bob@example.net.", "note": "paid with 4539 1488 0343 6467"},
    {"id": 4, "text": "The weather was fine.", "note": None},
]


def _run(tmp_path: Path, params: dict, rows: list[dict] = ROWS):
    path = tmp_path / "train.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    suite = suite_from_dict({"name": "d", "tasks": [{"name": "train_pii", "evaluator": "pii.dataset",
                                                      "dataset": {"path": str(path)}, "params": params}]})
    return guard.evaluate(FakeModel(generate_fn=lambda p: ""), suite).results[0]


def test_rates_per_entity_and_counts_per_column(tmp_path: Path, fake_scanner) -> None:  # noqa: F811
    result = _run(tmp_path, {"entities": ["EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD"]})
    assert result.status == "ok", result.error
    rate = result.metrics["pii_rate"]
    assert (rate.value, rate.n) == (0.5, 4)
    assert rate.by_group["EMAIL_ADDRESS"].value == 0.5 and rate.by_group["PHONE_NUMBER"].value == 0.25
    summary = next(f for f in result.findings if f.kind == "pii_by_column")
    assert summary.example["scanned_columns"] == ["text", "note"]  # string columns only; 'id' is not text
    table = summary.example["by_column"]
    assert table["text"]["EMAIL_ADDRESS"] == {"rows": 2, "findings": 3, "distinct": 2}  # ada twice, bob once
    assert table["note"]["CREDIT_CARD"]["rows"] == 1 and "text" not in table.get("note", {})
    text = json.dumps([f.model_dump() for f in result.findings])
    for raw in ("ada@example.com", "bob@example.net", "7946 0958", "4539 1488 0343 6467"):
        assert raw not in text
    examples = [f for f in result.findings if f.kind == "pii_in_data"]
    assert examples and all(f.example["column"] and f.example["values"] for f in examples)


def test_columns_param_limits_the_scan(tmp_path: Path, fake_scanner) -> None:  # noqa: F811
    result = _run(tmp_path, {"columns": ["note"]})
    assert result.metrics["pii_rate"].value == 0.5  # phone in row 1, card in row 3
    assert set(result.metrics["pii_rate"].by_group) == {"EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE",
                                                        "US_SSN", "IP_ADDRESS"}  # the default: direct identifiers


def test_a_clean_dataset_reads_zero_with_an_exact_bound(tmp_path: Path, fake_scanner) -> None:  # noqa: F811
    result = _run(tmp_path, {}, rows=[{"text": f"line {i} about films"} for i in range(30)])
    rate = result.metrics["pii_rate"]
    assert rate.value == 0 and rate.ci_method == "clopper-pearson" and rate.ci_high > 0.1


def test_an_unknown_column_is_one_clear_error(tmp_path: Path, fake_scanner) -> None:  # noqa: F811
    result = _run(tmp_path, {"columns": ["nots"]})
    assert result.status == "error" and "no column 'nots'" in result.error and "did you mean 'note'" in result.error


def test_unknown_entity_fails_when_the_suite_loads() -> None:
    with pytest.raises(guard.GuardError, match="unknown PII entity type 'CREDIT_CRAD'"):
        suite_from_dict({"name": "d", "tasks": [{"name": "t", "evaluator": "pii.dataset",
                                                 "dataset": {"path": "x.jsonl"},
                                                  "params": {"entities": ["CREDIT_CRAD"]}}]})


@needs_real_scanner
def test_with_the_real_scanner(tmp_path: Path) -> None:
    result = _run(tmp_path, {"entities": ["EMAIL_ADDRESS", "CREDIT_CARD"]})
    assert result.status == "ok", result.error
    assert result.metrics["pii_rate"].by_group["EMAIL_ADDRESS"].value == 0.5
    assert "ada@example.com" not in result.model_dump_json()
