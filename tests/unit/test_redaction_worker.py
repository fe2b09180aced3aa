"""The redaction worker redacts exactly as the in-process scanner does, and fails closed."""

from __future__ import annotations

import pytest

pytest.importorskip("presidio_analyzer")

from guard import _redaction_worker  # noqa: E402
from guard.errors import GuardError  # noqa: E402
from guard.redact import Redactor  # noqa: E402

TEXTS = [
    "Maria Garcia wrote to maria.garcia@example.org from 555-123-4567 about the refund.",
    "Emily Watson is a nurse in Leeds",
    "The capital of Italy is Rome.",
    "card 4111 1111 1111 1111, SSN 536-22-1234, server 10.0.0.12",
]


def test_the_worker_redacts_like_the_in_process_scanner() -> None:
    worker = _redaction_worker.RedactionWorker()
    try:
        remote, local = Redactor.in_worker(worker), Redactor.with_scanner()
        assert remote.mode == local.mode == "presidio+patterns"
        for text in TEXTS:
            assert remote.text(text) == local.text(text)
        assert remote.text("Emily Watson is a nurse", keep=frozenset({"emily"})) == "Emily <PERSON> is a nurse"
        assert "<PERSON>" in remote.text(TEXTS[0]) and "maria" not in remote.text(TEXTS[0]).lower()
    finally:
        worker.close()
    assert not worker.alive
    with pytest.raises(GuardError, match="stopped"):
        worker.free_text("Maria Garcia said hi", frozenset())


def test_a_setting_that_cannot_load_is_refused_before_any_worker_starts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GUARD_PII_NER", "en_core_web_no_such_model")
    with pytest.raises(GuardError, match="en_core_web_no_such_model"):
        _redaction_worker.start()
