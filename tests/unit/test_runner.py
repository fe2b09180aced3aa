"""The runner: one inference pass per distinct input, crashes isolated, checks before inference."""

from __future__ import annotations

from pathlib import Path

import pytest

import guard
from guard.errors import GuardError
from guard.models.base import Prediction
from guard.models.fake import FakeModel
from guard.suite import suite_from_dict

ROWS = [{"text": f"review number {i} is {'good' if i % 2 else 'bad'}", "label": "pos" if i % 2 else "neg"}
        for i in range(40)]


def _write_rows(tmp_path: Path) -> Path:
    import json

    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in ROWS) + "\n")
    return path


def _classifier() -> FakeModel:
    return FakeModel(classify_fn=lambda t: Prediction("pos" if "good" in t else "neg",
                                                      {"pos": 0.9 if "good" in t else 0.2,
                                                       "neg": 0.1 if "good" in t else 0.8}))


def test_two_tasks_on_the_same_inputs_share_one_inference_pass(tmp_path: Path) -> None:
    data = _write_rows(tmp_path)
    suite = suite_from_dict({"name": "s", "tasks": [
        {"name": "a", "evaluator": "accuracy", "dataset": {"path": str(data)}},
        {"name": "b", "evaluator": "accuracy", "dataset": {"path": str(data)}, "params": {"bootstrap_resamples": 200}},
    ]})
    model = _classifier()
    report = guard.evaluate(model, suite)
    assert [r.status for r in report.results] == ["ok", "ok"]
    assert model.inputs_seen["classify"] == len(ROWS)  # not 2 * len(ROWS)
    assert report.results[0].metrics["accuracy"].value == 1.0


def test_duplicate_inputs_within_a_task_run_once(tmp_path: Path) -> None:
    rows = ROWS[:5] * 4
    import json

    path = tmp_path / "dup.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows))
    model = _classifier()
    report = guard.evaluate(model,
                            suite_from_dict({"name": "s",
                                             "tasks": [{"name": "a", "evaluator": "accuracy",
                                                        "dataset": {"path": str(path)}}]}))
    assert model.inputs_seen["classify"] == 5
    assert report.results[0].metrics["accuracy"].n == 20


def test_crashing_evaluator_fails_only_its_task(tmp_path: Path) -> None:
    data = _write_rows(tmp_path)

    @guard.evaluator("test.crashes", description="Always raises, to test isolation.")
    def crashes(model, data, params, ctx):
        raise ZeroDivisionError("boom")

    suite = suite_from_dict({"name": "s", "tasks": [
        {"name": "bad", "evaluator": "test.crashes", "dataset": {"path": str(data)}},
        {"name": "good", "evaluator": "accuracy", "dataset": {"path": str(data)}},
    ]})
    report = guard.evaluate(_classifier(), suite)
    bad, good = report.results
    assert bad.status == "error" and "ZeroDivisionError: boom" in bad.error and bad.metrics == {}
    assert good.status == "ok"
    policy = guard.Policy.model_validate({"name": "p", "rules": [{"id": "r", "metric": "bad.anything", "min": 0}]})
    verdict = guard.check(report, policy)
    assert verdict.status == "inconclusive" and verdict.exit_code == 2


def test_capability_checked_before_any_inference(tmp_path: Path) -> None:
    data = _write_rows(tmp_path)
    model = FakeModel(generate_fn=lambda p: "x")
    suite = suite_from_dict({"name": "s",
                             "tasks": [{"name": "a", "evaluator": "accuracy", "dataset": {"path": str(data)},
                                                       "params": {"mode": "classify"}}]})
    with pytest.raises(GuardError, match="mode 'classify' needs a model that can classify"):
        guard.evaluate(model, suite)  # the evaluator's own model check refuses before any inference
    assert model.calls["generate"] == 0
    only_classifier = _classifier()
    zero_shot = suite_from_dict({"name": "s",
                                 "tasks": [{"name": "a", "evaluator": "efficiency", "dataset": {"path": str(data)}}]})
    assert guard.evaluate(only_classifier, zero_shot).results[0].status == "ok"
    nothing = FakeModel()
    with pytest.raises(GuardError, match="needs a model that can"):
        guard.evaluate(nothing, zero_shot)
    assert nothing.calls == {"classify": 0, "generate": 0, "loglikelihood": 0}


def test_findings_are_redacted_before_they_reach_the_report(tmp_path: Path) -> None:
    import json

    path = tmp_path / "pii.jsonl"
    path.write_text(json.dumps({"text": "mail me at jane.doe@example.com", "label": "pos"}) + "\n"
                    + json.dumps({"text": "fine", "label": "neg"}) + "\n")
    model = FakeModel(classify_fn=lambda t: "neg")
    report = guard.evaluate(model,
                            suite_from_dict({"name": "s",
                                             "tasks": [{"name": "a", "evaluator": "accuracy",
                                                        "dataset": {"path": str(path)}}]}))
    dumped = report.model_dump_json()
    assert "jane.doe@example.com" not in dumped
    assert "<EMAIL_ADDRESS>" in dumped


def test_report_records_fingerprints_seed_and_environment(tmp_path: Path) -> None:
    data = _write_rows(tmp_path)
    report = guard.evaluate(_classifier(),
                            suite_from_dict({"name": "s",
                                             "tasks": [{"name": "a", "evaluator": "accuracy",
                                                        "dataset": {"path": str(data)}}]}), seed=7)
    assert report.seed == 7
    assert report.model.fingerprint.startswith("sha256:")
    assert report.results[0].dataset.fingerprint.startswith("sha256:")
    assert report.results[0].evaluator_version == "1.0"
    assert "python" in report.environment
    again = guard.evaluate(_classifier(),
                           suite_from_dict({"name": "s",
                                            "tasks": [{"name": "a", "evaluator": "accuracy",
                                                       "dataset": {"path": str(data)}}]}), seed=7)
    assert again.results[0].metrics == report.results[0].metrics  # same seed, same numbers


def test_raw_evidence_only_when_asked(tmp_path: Path) -> None:
    import json

    path = tmp_path / "pii.jsonl"
    path.write_text(json.dumps({"text": "call 555-123-4567 now", "label": "pos"}) + "\n"
                    + json.dumps({"text": "dull", "label": "neg"}) + "\n")
    suite = {"name": "s", "tasks": [{"name": "a", "evaluator": "accuracy", "dataset": {"path": str(path)}}]}
    redacted = guard.evaluate(FakeModel(classify_fn=lambda t: "neg"), suite_from_dict(suite))
    raw = guard.evaluate(FakeModel(classify_fn=lambda t: "neg"), suite_from_dict(suite), store_raw_evidence=True)
    assert "555-123-4567" not in redacted.model_dump_json() and not redacted.raw_evidence
    assert "555-123-4567" in raw.model_dump_json() and raw.raw_evidence
