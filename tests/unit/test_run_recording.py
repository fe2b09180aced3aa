"""A run that dies is recorded as failed — with its error redacted like evidence, since the registry
and the audit log keep it for good."""

from __future__ import annotations

from pathlib import Path

from guard._run_recording import RunRecorder
from guard.models.fake import FakeModel
from guard.runner import build_plan
from guard.suite import suite_from_dict


def test_a_failed_run_stores_its_error_redacted(tmp_path: Path) -> None:
    recorder = RunRecorder.open(f"sqlite:///{tmp_path / 'r.db'}", "m", None, actor="ci")
    suite = suite_from_dict({"name": "s", "tasks": [{"name": "t", "evaluator": "bias.counterfactual"}]})
    recorder.start(build_plan(suite, [], FakeModel(generate_fn=str)), None)
    recorder.fail(RuntimeError("choked on a row from Maria Garcia <maria.garcia@example.org>"))
    run = recorder.store.get_run(recorder.run_id)
    assert run.status == "failed" and run.error.startswith("RuntimeError: choked on a row from")
    assert "maria" not in run.error.lower() and "<EMAIL_ADDRESS>" in run.error
    events = recorder.store.audit_events()
    assert "maria" not in str([e.payload for e in events]).lower()
    recorder.store.close()


def test_racing_runs_of_one_artifact_share_one_version(tmp_path: Path) -> None:
    """The version is found or created by the store under its write lock, not check-then-insert."""
    url = f"sqlite:///{tmp_path / 'r.db'}"
    suite = suite_from_dict({"name": "s", "tasks": [{"name": "t", "evaluator": "bias.counterfactual"}]})
    plan = build_plan(suite, [], FakeModel(generate_fn=str))
    refs = set()
    for _ in range(3):
        recorder = RunRecorder.open(url, "m", None, actor="ci")
        recorder.start(plan, None)
        refs.add(recorder.ref)
        recorder.store.close()
    assert refs == {"m@1"}
