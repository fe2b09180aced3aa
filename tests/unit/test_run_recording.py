"""A run that dies is recorded as failed — with its error redacted like evidence, since the registry
and the audit log keep it for good."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from guard._run_recording import RunRecorder
from guard.models.fake import FakeModel


def test_a_failed_run_stores_its_error_redacted(tmp_path: Path) -> None:
    recorder = RunRecorder.open(f"sqlite:///{tmp_path / 'r.db'}", "m", None, actor="ci")
    suite = SimpleNamespace(name="s", sha256="5" * 64)  # start() reads only these
    recorder.start(FakeModel(generate_fn=str), suite, None)
    recorder.fail(RuntimeError("choked on a row from Maria Garcia <maria.garcia@example.org>"))
    run = recorder.store.get_run(recorder.run_id)
    assert run.status == "failed" and run.error.startswith("RuntimeError: choked on a row from")
    assert "maria" not in run.error.lower() and "<EMAIL_ADDRESS>" in run.error
    events = recorder.store.audit_events()
    assert "maria" not in str([e.payload for e in events]).lower()
    recorder.store.close()
