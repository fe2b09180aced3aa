"""python: specs — functions and objects as models."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from guard.errors import GuardError
from guard.models import Capability, GenerationConfig, UnsupportedCapability, load_model
from guard.models.artifacts import artifact_fingerprint
from guard.models.base import fingerprint_text

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


@pytest.fixture
def cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """tmp_path as the current directory; sys.path and the test package 'mypkg' are restored after."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "path", list(sys.path))
    yield tmp_path
    for name in [n for n in sys.modules if n == "mypkg" or n.startswith("mypkg.")]:
        del sys.modules[name]


def _package(folder: Path, label: str) -> None:
    (folder / "mypkg").mkdir(parents=True)
    (folder / "mypkg" / "__init__.py").write_text("")
    (folder / "mypkg" / "model.py").write_text(
        "GUARD_ARTIFACTS = ['label.txt']\n"
        "import pathlib\n"
        "LABEL = (pathlib.Path(__file__).parent / 'label.txt').read_text()\n"
        "def predict(batch):\n"
        "    return [LABEL for _ in batch]\n"
    )
    (folder / "mypkg" / "label.txt").write_text(label)


def test_module_spec_loads_from_the_current_directory(cwd: Path) -> None:
    _package(cwd, "yes")
    model = load_model("python:mypkg.model:predict")
    assert [p.label for p in model.classify(["a", "b"])] == ["yes", "yes"]
    assert model.artifact.hashed_files() == ["label.txt", "model.py"]
    assert model.artifact.root == cwd / "mypkg"
    assert model.size_on_disk_bytes == sum(p.stat().st_size for p in (cwd / "mypkg").glob("[ml]*.*"))


def test_module_imported_from_elsewhere_is_refused(cwd: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What runs must be what is fingerprinted: a cached module from another folder is not."""
    _package(cwd / "a", "a")
    _package(cwd / "b", "b")
    monkeypatch.chdir(cwd / "a")
    assert [p.label for p in load_model("python:mypkg.model:predict").classify(["x"])] == ["a"]
    monkeypatch.chdir(cwd / "b")
    sys.path.remove(str(cwd / "a"))
    with pytest.raises(GuardError,
                       match=r"imported from .*[/\\]a[/\\]mypkg[/\\]model.py, but resolves to .*[/\\]b[/\\]"):
        load_model("python:mypkg.model:predict")


def test_declared_files_are_part_of_the_loaded_artifact(tmp_path: Path) -> None:
    (tmp_path / "m.py").write_text("GUARD_ARTIFACTS = ['w.bin']\ndef f(batch):\n    return ['a' for _ in batch]\n")
    (tmp_path / "w.bin").write_bytes(b"\0" * 10)
    model = load_model(f"python:{tmp_path / 'm.py'}:f")
    assert model.artifact.hashed_files() == ["m.py", "w.bin"]
    assert model.size_on_disk_bytes == (tmp_path / "m.py").stat().st_size + 10
    first = model.fingerprint
    (tmp_path / "w.bin").write_bytes(b"\1" * 10)
    assert load_model(f"python:{tmp_path / 'm.py'}:f").fingerprint != first


def test_builtin_module_has_an_identity_fingerprint() -> None:
    spec = "python:sys:getsizeof"
    model = load_model(spec)
    assert model.artifact is None
    assert model.fingerprint == artifact_fingerprint(spec) == fingerprint_text("python", spec)
