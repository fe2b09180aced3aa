"""python: specs — functions and objects as models."""

from __future__ import annotations

from pathlib import Path

import pytest

from guard.errors import GuardError
from guard.models import Capability, GenerationConfig, UnsupportedCapability, load_model

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "keyword_sentiment.py"


def test_function_from_file_classifies_in_order() -> None:
    model = load_model(f"python:{FIXTURE}:predict")
    assert model.capabilities == {Capability.CLASSIFY}
    out = model.classify(["a great film", "a dull mess"])
    assert [p.label for p in out] == ["1", "0"]
    assert abs(sum(out[0].scores.values()) - 1) < 1e-9
    with pytest.raises(UnsupportedCapability):
        model.generate(["x"], GenerationConfig())


def test_fingerprint_follows_the_source_file(tmp_path: Path) -> None:
    source = tmp_path / "m.py"
    source.write_text("def f(batch):\n    return ['a' for _ in batch]\n")
    first = load_model(f"python:{source}:f").fingerprint
    source.write_text("def f(batch):\n    return ['b' for _ in batch]\n")
    assert load_model(f"python:{source}:f").fingerprint != first


def test_object_with_methods_and_stop_strings(tmp_path: Path) -> None:
    source = tmp_path / "obj.py"
    source.write_text(
        "class Echo:\n"
        "    def generate(self, prompts, config):\n"
        "        return [p.upper() + '\\nmore' for p in prompts]\n"
        "    def loglikelihood(self, requests):\n"
        "        return [-float(len(x)) for _, x in requests]\n"
        "model = Echo()\n"
    )
    model = load_model(f"python:{source}:model")
    assert model.capabilities == {Capability.GENERATE, Capability.LOGLIKELIHOOD}
    assert model.generate(["hi", "yo"], GenerationConfig(stop=("\n",))) == ["HI", "YO"]
    assert model.loglikelihood([("a", "bb")]) == [-2.0]


def test_wrong_batch_size_is_an_error(tmp_path: Path) -> None:
    source = tmp_path / "short.py"
    source.write_text("def f(batch):\n    return ['x']\n")
    with pytest.raises(RuntimeError, match="returned 1 outputs for a batch of 2"):
        load_model(f"python:{source}:f").classify(["a", "b"])


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("python:nofunction", "needs MODULE_OR_FILE:CALLABLE"),
        ("python:does_not_exist_mod:f", "cannot import"),
        ("python:json:dumpss", "did you mean 'dumps'"),
    ],
)
def test_bad_specs(spec: str, message: str) -> None:
    with pytest.raises(GuardError, match=message):
        load_model(spec)


def test_module_that_raises_on_import(tmp_path: Path) -> None:
    source = tmp_path / "broken.py"
    source.write_text("raise ImportError('missing dependency foo')\n")
    with pytest.raises(GuardError, match="missing dependency foo"):
        load_model(f"python:{source}:f")
