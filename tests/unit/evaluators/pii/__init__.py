"""Tests of the PII evaluators. ``FakeScanner`` stands in for guard.pii's scanner (same API, regex
patterns of ``guard.redact``), so the evaluators are tested without Presidio; tests marked with
``needs_real_scanner`` run on the real one when ``guard.pii`` provides it."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from guard.errors import GuardError, did_you_mean
from guard.redact import _PATTERNS, redact_patterns


@dataclass(frozen=True)
class FakeFinding:
    entity_type: str
    start: int
    end: int
    score: float = 0.9


class FakeScanner:
    """``scan`` / ``redact`` / ``scanner_quality`` of guard.pii, on ``guard.redact``'s patterns."""

    QUALITY = {"EMAIL_ADDRESS": {"recall": 0.98, "precision": 0.99, "n": 120},
               "PHONE_NUMBER": {"recall": 0.81, "precision": 0.9, "n": 150},
               "CREDIT_CARD": {"recall": 0.95, "precision": 0.97, "n": 80}}

    def __init__(self, entities: list[str], score_threshold: float = 0.5):
        known = {e for e, _, _ in _PATTERNS}
        for entity in entities:
            if entity not in known:
                raise GuardError(f"unknown entity type '{entity}'", hint=did_you_mean(entity, known))
        self.entities = list(entities)

    def scan(self, texts: list[str]) -> list[list[FakeFinding]]:
        out = []
        for text in texts:
            found: list[FakeFinding] = []
            for entity, pattern, validate in _PATTERNS:
                if entity not in self.entities:
                    continue
                for m in pattern.finditer(text):
                    overlaps = any(f.start < m.end() and m.start() < f.end for f in found)
                    if not overlaps and (validate is None or validate(m.group(0))):
                        found.append(FakeFinding(entity, m.start(), m.end()))
            out.append(sorted(found, key=lambda f: f.start))
        return out

    def redact(self, text: str) -> str:
        return redact_patterns(text)

    def scanner_quality(self) -> dict[str, dict[str, float]]:
        return dict(self.QUALITY)


@pytest.fixture(autouse=True)
def evidence_key(monkeypatch: pytest.MonkeyPatch) -> None:
    """A fixed HMAC key, so keyed hashes never create ``.guard/evidence.key`` in the working directory."""
    monkeypatch.setenv("GUARD_EVIDENCE_KEY", "test-evidence-key")


@pytest.fixture
def fake_scanner(monkeypatch: pytest.MonkeyPatch) -> type[FakeScanner]:
    from guard.evaluators.pii import _common

    monkeypatch.setattr(_common, "load_scanner", lambda entities, threshold: FakeScanner(list(entities), threshold))
    return FakeScanner


def real_scanner_available() -> bool:
    try:
        from guard.pii import get_scanner  # noqa: F401
    except ImportError:
        return False
    return True


needs_real_scanner = pytest.mark.skipif(not real_scanner_available(), reason="guard.pii's scanner is not there yet")
