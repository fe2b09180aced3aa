"""Findings of every evaluator go through the PII scanner where they hold free text — names too —
while the labels that make them evidence (group terms, entity type names, swapped probe words) stay.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import guard
from guard import redact
from guard.models.base import Prediction
from guard.models.fake import FakeModel
from guard.redact import redact_finding, redaction_mode
from guard.suite import suite_from_dict
from guard.types import Finding


@pytest.fixture(autouse=True)
def _default_redactor() -> None:
    redact.default_redactor.cache_clear()
    yield
    redact.default_redactor.cache_clear()


def test_names_in_free_text_become_tags_and_labels_stay() -> None:
    finding = Finding(kind="misclassified", message="expected 'positive', model said 'negative'", example={
        "input": "Maria Garcia loved it; write to maria.g@example.com",
        "expected": "positive", "predicted": "negative", "group": "Muslim", "entity": "US_DRIVER_LICENSE",
    })
    out = redact_finding(finding)
    assert out.example == {"input": "<PERSON> loved it; write to <EMAIL_ADDRESS>", "expected": "positive",
                           "predicted": "negative", "group": "Muslim", "entity": "US_DRIVER_LICENSE"}
    assert out.message == finding.message


def test_a_counterfactual_pair_keeps_its_swapped_terms_and_hides_other_names() -> None:
    out = redact_finding(Finding(kind="counterfactual_flip", message="swapping terms Emily -> Jamal flipped it",
                                 example={
        "original": "Emily Watson is a nurse, says John Smith.",
                                          "counterfactual": "Jamal Watson is a nurse, says John Smith.",
        "axis": "name", "from": "Emily", "to": "Jamal",
    }))
    assert out.example["original"] == "Emily <PERSON> is a nurse, says <PERSON>."
    assert out.example["counterfactual"] == "Jamal <PERSON> is a nurse, says <PERSON>."
    assert out.message == "swapping terms Emily -> Jamal flipped it"  # quoted labels are evidence


def test_a_stereotype_pair_keeps_the_names_it_differs_in() -> None:
    out = redact_finding(Finding(kind="stereotype_preferred", message="m", example={
        "more": "Jamal was stopped by Officer Brown.", "less": "Jake was stopped by Officer Brown.",
                                                                                    "bias_type": "race-color"}))
    assert out.example["more"].startswith("Jamal was stopped") and "Brown" not in out.example["more"]
    assert out.example["less"].startswith("Jake was stopped") and "Brown" not in out.example["less"]


def test_sentences_under_unknown_keys_are_scanned_too() -> None:
    # A plug-in evaluator's own key: free text by its shape, so names cannot slip through.
    out = redact_finding(Finding(kind="plugin", message="m",
                                 example={"model_reply": "Sure, ask Maria Garcia about it."}))
    assert out.example["model_reply"] == "Sure, ask <PERSON> about it."


def test_short_outputs_and_messages_are_scanned_unless_they_are_labels() -> None:
    out = redact_finding(Finding(kind="counterfactual_flip", message="John Smith was predicted for Mary Jones",
                                 example={
        "prediction_original": "Ask John Smith", "prediction_counterfactual": "neg", "output": "Mary Jones",
        "predicted": "neg", "group": "Muslim"}))
    # "neg" alone is one word (spaCy tags it as a PERSON out of context): patterns only.
    assert out.example == {"prediction_original": "Ask <PERSON>", "prediction_counterfactual": "neg",
                           "output": "<PERSON>", "predicted": "neg", "group": "Muslim"}
    assert "John" not in out.message and "Mary" not in out.message


def test_two_unrelated_texts_under_pair_keys_keep_nothing() -> None:
    out = redact_finding(Finding(kind="plugin", message="m", example={
        "first": "Please email John Smith about the invoice today", "second": "The weather in Paris is nice"}))
    assert out.example["first"] == "Please email <PERSON> about the invoice today"


def test_places_and_dates_in_answers_are_not_pii() -> None:
    out = redact_finding(Finding(kind="wrong_answer", message="m", example={
        "input": "What is the capital of France?", "expected": ["Paris"], "output": "It became the capital in 1940."}))
    assert out.example["expected"] == ["Paris"] and out.example["output"] == "It became the capital in 1940."


def test_the_report_says_what_redacted_its_evidence(tmp_path: Path) -> None:
    rows = [{"text": "Maria Garcia from 42 Elm St loved this film", "label": "pos"},
            {"text": "Dull and slow, said the critic", "label": "neg"}]
    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows))
    suite = suite_from_dict({"name": "s", "tasks": [{"name": "acc", "evaluator": "accuracy",
                                                     "dataset": {"path": str(path)},
                                                      "params": {"bootstrap_resamples": 100}}]})
    model = FakeModel(classify_fn=lambda t: Prediction("neg", {"pos": 0.1, "neg": 0.9}))
    report = guard.evaluate(model, suite)
    assert report.evidence_redaction == "presidio+patterns" == redaction_mode()
    text = report.model_dump_json()
    assert "Maria" not in text and "Garcia" not in text
    assert "<PERSON> from 42 Elm St loved this film" in text
    raw = guard.evaluate(model, suite, store_raw_evidence=True)
    assert raw.evidence_redaction == "none" and "Maria Garcia" in raw.model_dump_json()


def test_a_crash_that_quotes_its_input_is_redacted_too(tmp_path: Path) -> None:
    path = tmp_path / "rows.jsonl"
    path.write_text(json.dumps({"text": "Maria Garcia, card 4111 1111 1111 1111", "label": "pos"}) + "\n")
    suite = suite_from_dict({"name": "s", "tasks": [{"name": "acc", "evaluator": "accuracy",
                                                     "dataset": {"path": str(path)}}]})

    def choke(text: str) -> Prediction:
        raise ValueError(f"cannot parse row {text!r}")

    report = guard.evaluate(FakeModel(classify_fn=choke), suite)
    [result] = report.results
    assert result.status == "error" and "cannot parse row" in result.error
    assert "Maria" not in result.error and "4111" not in result.error and "<CREDIT_CARD>" in result.error


def test_messages_keep_the_entity_names_and_hashes_they_quote() -> None:
    # Seen on SmolLM2's demo report: spaCy read PHONE_NUMBER and a hash prefix as names.
    quality = redact_finding(Finding(kind="scanner_quality", message="recall: EMAIL_ADDRESS 1.00, PHONE_NUMBER 1.00",
                                     example={"measured": {"PHONE_NUMBER": {"recall": 1.0}}}))
    assert quality.message == "recall: EMAIL_ADDRESS 1.00, PHONE_NUMBER 1.00"
    lexicon = redact_finding(Finding(kind="lexicon", message="99 terms from terms/hurtful_en.txt (960b9897…, all)",
                                     example={"lexicon_sha256": "960b9897" + "0" * 56}))
    assert lexicon.message == "99 terms from terms/hurtful_en.txt (960b9897…, all)"


def test_group_values_that_hold_pii_become_keyed_labels(tmp_path: Path) -> None:
    """by_group keys are evidence too: a group column of e-mail addresses or names is stored as stable
    keyed labels (the same value gets the same label), plain group values stay readable."""
    rows = [{"text": f"review {i}", "label": "pos" if i % 2 else "neg",
             "group": ["maria.garcia@example.org", "John Smith", "female"][i % 3]} for i in range(30)]
    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows))
    suite = suite_from_dict({"name": "s", "tasks": [{"name": "acc", "evaluator": "accuracy",
                                                     "dataset": {"path": str(path)},
                                                      "params": {"bootstrap_resamples": 100}}]})
    model = FakeModel(classify_fn=lambda t: Prediction("neg", {"pos": 0.1, "neg": 0.9}))
    report = guard.evaluate(model, suite)
    groups = set(report.results[0].metrics["accuracy"].by_group)
    assert "female" in groups and len(groups) == 3
    assert all(g == "female" or g.startswith("group-") for g in groups)
    text = report.model_dump_json()
    assert "maria" not in text.lower() and "John Smith" not in text
    again = guard.evaluate(model, suite)
    assert set(again.results[0].metrics["accuracy"].by_group) == groups  # stable labels: relative rules line up
    raw = guard.evaluate(model, suite, store_raw_evidence=True)
    assert "maria.garcia@example.org" in raw.results[0].metrics["accuracy"].by_group
