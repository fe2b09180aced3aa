"""The real SmolLM2-135M-Instruct, loaded once per test process (about 20 s) and shared by every e2e test."""

from __future__ import annotations

import pytest

from guard.models.hf import HFAdapter
from tests.helpers.smollm2 import gguf_path


@pytest.fixture(scope="session")
def smol() -> HFAdapter:
    """One adapter per process; tests that want another batch size set ``smol.batch_size`` and restore it."""
    from guard.models import load_model

    model = load_model("hf:" + str(gguf_path()), device="cpu", batch_size=32)
    assert isinstance(model, HFAdapter)
    return model
