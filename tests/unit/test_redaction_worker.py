"""The redaction worker redacts exactly as the in-process scanner does, and fails closed."""

from __future__ import annotations

import os
from pathlib import Path

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
    """The process's worker for the default setting, the one every `guard evaluate` of this process uses
    (``start()``; already loaded when an earlier test evaluated, and left running for later ones)."""
    worker = _redaction_worker.start()
    assert worker is not None and worker.alive
    remote, local = Redactor.in_worker(worker), Redactor.with_scanner()
    assert remote.mode == local.mode == "presidio+patterns"
    for text in TEXTS:
        assert remote.text(text) == local.text(text)
    assert remote.text("Emily Watson is a nurse", keep=frozenset({"emily"})) == "Emily <PERSON> is a nurse"
    assert "<PERSON>" in remote.text(TEXTS[0]) and "maria" not in remote.text(TEXTS[0]).lower()


def test_a_closed_worker_is_stopped_and_refuses_to_redact(monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker of its own, closed once it served a request (close()'s polite path; a worker still loading
    is killed instead). Closing is the same for every NER setting, so the regex-only one, which loads
    fastest."""
    monkeypatch.setenv(_redaction_worker.NER_ENV, "none")
    worker = _redaction_worker.RedactionWorker()
    try:
        assert worker.mode == "patterns (regex-only scanner)"
        assert worker.free_text("write to maria.garcia@example.org", frozenset()) == "write to <EMAIL_ADDRESS>"
    finally:
        worker.close()
    assert not worker.alive
    with pytest.raises(GuardError, match="stopped"):
        worker.free_text("Maria Garcia said hi", frozenset())


def test_a_setting_that_cannot_load_is_refused_before_any_worker_starts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GUARD_PII_NER", "en_core_web_no_such_model")
    with pytest.raises(GuardError, match="en_core_web_no_such_model"):
        _redaction_worker.start()


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="reads the worker's memory maps from /proc (Linux)")
def test_the_worker_loads_no_torch_even_when_this_process_did() -> None:
    """spaCy's CNN pipeline needs neither torch nor transformers: the worker stays light (about 1 s of CPU
    to load, against 5 s with torch) in a test session or a notebook that imported torch long ago."""
    import torch  # noqa: F401  (this process has torch, as every test session here does)

    worker = _redaction_worker.start()
    assert worker is not None and worker.mode == "presidio+patterns"  # loaded
    maps = Path(f"/proc/{worker._process.pid}/maps").read_text()
    assert "libtorch" not in maps and "spacy" in maps
