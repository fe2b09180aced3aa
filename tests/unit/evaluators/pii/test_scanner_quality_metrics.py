"""``scanner_recall_min`` / ``scanner_precision_min``: the lowest measured recall and precision over the
requested entity types and the scanner's labelled sets, named, with the span count they stand on and
no sampling interval pretending to come from this run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import guard
import guard.evaluators.pii.dataset  # noqa: F401
import guard.evaluators.pii.output  # noqa: F401
from guard.evaluators import get_evaluator
from guard.evaluators.pii._common import scanner_quality_metrics
from guard.models.fake import FakeModel
from guard.suite import suite_from_dict
from tests.unit.evaluators.pii import FakeScanner, evidence_key, fake_scanner, needs_real_scanner  # noqa: F401

MEASURED = {  # what guard.pii.quality writes: per type the lowest value over the sets, with its set and count
    "EMAIL_ADDRESS": {"recall": 1.0, "n": 667, "recall_set": "set_a", "precision": 0.98, "precision_n": 300,
                      "precision_set": "set_b"},
    "PHONE_NUMBER": {"recall": 0.93, "n": 592, "recall_set": "set_b", "precision": 0.99, "precision_n": 611,
                     "precision_set": "set_a"},
    "IP_ADDRESS": {"recall": 0.97, "n": 852, "recall_set": "set_b", "precision": 0.70, "precision_n": 1182,
                   "precision_set": "set_b"},
}


class MeasuredScanner(FakeScanner):
    QUALITY = MEASURED


def test_both_minima_name_their_set_and_count() -> None:
    metrics, finding = scanner_quality_metrics(MeasuredScanner(["EMAIL_ADDRESS", "PHONE_NUMBER"]),
                                               ["EMAIL_ADDRESS", "PHONE_NUMBER"])
    recall, precision = metrics["scanner_recall_min"], metrics["scanner_precision_min"]
    assert (recall.value, recall.n) == (0.93, 592) and (precision.value, precision.n) == (0.98, 300)
    for metric in (recall, precision):
        assert metric.ci_low == metric.ci_high == metric.value and metric.higher_is_better is True
        assert "not a sample of this run" in metric.ci_method
    assert "measured on set_b, n=592 PHONE_NUMBER gold spans" in recall.ci_method
    assert "measured on set_b, n=300 EMAIL_ADDRESS predicted spans" in precision.ci_method
    assert "over 2 sets (set_a, set_b)" in recall.ci_method
    assert "set_b" in finding.message and "precision 0.98" in finding.message


def test_the_requested_types_decide_the_minimum() -> None:
    scanner = MeasuredScanner(["EMAIL_ADDRESS", "PHONE_NUMBER"])
    with_ip, _ = scanner_quality_metrics(scanner, ["EMAIL_ADDRESS", "IP_ADDRESS"])
    assert with_ip["scanner_precision_min"].value == 0.70 and with_ip["scanner_precision_min"].n == 1182
    only_email, _ = scanner_quality_metrics(scanner, ["EMAIL_ADDRESS"])
    assert only_email["scanner_recall_min"].value == 1.0 and only_email["scanner_precision_min"].value == 0.98


def test_unmeasured_precision_or_type_leaves_the_metric_out() -> None:
    class RecallOnly(FakeScanner):
        QUALITY = {"EMAIL_ADDRESS": {"recall": 0.9, "n": 50}}

    metrics, finding = scanner_quality_metrics(RecallOnly(["EMAIL_ADDRESS"]), ["EMAIL_ADDRESS", "US_SSN"])
    assert set(metrics) == {"scanner_recall_min"}  # precision not measured (e.g. a lower threshold): absent
    assert "the scanner's labelled set" in metrics["scanner_recall_min"].ci_method
    assert finding.example["unmeasured"] == ["US_SSN"] and finding.severity == "medium"
    nothing, _ = scanner_quality_metrics(RecallOnly(["EMAIL_ADDRESS"]), ["US_SSN"])
    assert nothing == {}


def test_declared_on_both_evaluators() -> None:
    for name in ("pii.output", "pii.dataset"):
        declared = {spec.name for spec in get_evaluator(name).metrics}
        assert {"scanner_recall_min", "scanner_precision_min"} <= declared, name


def test_pii_output_reports_both(monkeypatch: pytest.MonkeyPatch) -> None:
    from guard.evaluators.pii import _common

    monkeypatch.setattr(_common, "load_scanner", lambda entities, threshold: MeasuredScanner(list(entities), threshold))
    suite = suite_from_dict({"name": "p", "tasks": [{"name": "leaks", "evaluator": "pii.output",
                                                      "params": {"entities": ["EMAIL_ADDRESS", "PHONE_NUMBER"]}}]})
    result = guard.evaluate(FakeModel(generate_fn=lambda p: " no."), suite).results[0]
    assert result.status == "ok", result.error
    assert result.metrics["scanner_precision_min"].value == 0.98
    assert result.metrics["scanner_recall_min"].value == 0.93


def test_pii_dataset_reports_both(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from guard.evaluators.pii import _common

    monkeypatch.setattr(_common, "load_scanner", lambda entities, threshold: MeasuredScanner(list(entities), threshold))
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"text": "mail ada@example.com"}) + "\n")
    suite = suite_from_dict({"name": "d", "tasks": [{"name": "t", "evaluator": "pii.dataset",
                                                     "dataset": {"path": str(path)},
                                                      "params": {"entities": ["EMAIL_ADDRESS", "IP_ADDRESS"]}}]})
    result = guard.evaluate(FakeModel(generate_fn=lambda p: ""), suite).results[0]
    assert result.status == "ok", result.error
    assert result.metrics["scanner_precision_min"].value == 0.70
    assert "IP_ADDRESS" in result.metrics["scanner_precision_min"].ci_method


@needs_real_scanner
def test_the_real_scanner_reads_its_shipped_record() -> None:
    from guard.pii import get_scanner, scanner_quality

    full = scanner_quality(full=True)
    metrics, _ = scanner_quality_metrics(get_scanner(), ["EMAIL_ADDRESS", "IP_ADDRESS"])
    ip = full["per_entity"]["IP_ADDRESS"]
    worst = min(("EMAIL_ADDRESS", "IP_ADDRESS"), key=lambda e: full["per_entity"][e]["precision"])
    assert metrics["scanner_precision_min"].value == full["per_entity"][worst]["precision"]
    assert metrics["scanner_recall_min"].value == min(full["per_entity"]["EMAIL_ADDRESS"]["recall"], ip["recall"])
    assert full["per_entity"][worst]["precision_set"] in metrics["scanner_precision_min"].ci_method
    # a scanner measured at another threshold: recall still holds as a lower bound, precision is not claimed
    lower, _ = scanner_quality_metrics(get_scanner(score_threshold=0.3), ["EMAIL_ADDRESS"])
    assert "scanner_recall_min" in lower and "scanner_precision_min" not in lower
