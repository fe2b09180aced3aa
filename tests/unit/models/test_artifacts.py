"""The gate's fingerprint recomputation agrees with what loading the model reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from guard.errors import GuardError
from guard.models import load_model
from guard.models.artifacts import artifact_fingerprint
from tests.helpers.tiny_models import build_tiny_causal_lm, build_tiny_classifier

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "keyword_sentiment.py"


def test_hf_directory_fingerprint_matches_loaded_model(tmp_path: Path) -> None:
    path = build_tiny_classifier(tmp_path / "clf")
    assert artifact_fingerprint(f"hf:{path}") == load_model(f"hf:{path}").fingerprint


def test_python_fingerprint_matches_loaded_model() -> None:
    spec = f"python:{FIXTURE}:predict"
    assert artifact_fingerprint(spec) == load_model(spec).fingerprint


def test_quantized_variant_is_a_different_artifact(tmp_path: Path) -> None:
    path = build_tiny_causal_lm(tmp_path / "lm")
    plain = load_model(f"hf:{path}")
    quantized = load_model(f"hf:{path}?quantize=dynamic-int8")
    assert quantized.fingerprint != plain.fingerprint
    assert artifact_fingerprint(f"hf:{path}?quantize=dynamic-int8") == quantized.fingerprint
    assert quantized.num_parameters == plain.num_parameters
    scores = quantized.loglikelihood([("hello", " world")])
    assert len(scores) == 1 and scores[0] < 0


def test_bad_load_option_is_one_clear_error(tmp_path: Path) -> None:
    path = build_tiny_causal_lm(tmp_path / "lm")
    with pytest.raises(GuardError, match="unknown quantize 'int4'"):
        load_model(f"hf:{path}?quantize=int4")
    with pytest.raises(GuardError, match="did you mean 'quantize'"):
        load_model(f"hf:{path}?quantise=dynamic-int8")
