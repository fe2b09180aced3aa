"""The gate's fingerprint recomputation agrees with what loading the model reports."""

from __future__ import annotations

import hashlib
import shutil
import sys
from pathlib import Path

import pytest

from guard.errors import GuardError
from guard.models import load_model
from guard.models.artifacts import artifact_fingerprint, artifact_for
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


# --- python: models and the files they declare (GUARD_ARTIFACTS) ----------------------------------

SIDECAR = Path(__file__).resolve().parents[2] / "fixtures" / "sidecar_model"

READS_WEIGHTS = (
    "import json, pathlib\n"
    "WEIGHTS = json.loads((pathlib.Path(__file__).parent / 'weights.json').read_text())\n"
    "def predict(batch):\n"
    "    return ['1' if sum(WEIGHTS.get(w, 0) for w in t.split()) > 0 else '0' for t in batch]\n"
)


def _by_hand(root: Path, names: list[str], callable_name: str = "predict") -> str:
    """The documented fingerprint, computed independently: sha256 over sorted (name, sha256(content)), then
    with the callable's name (two functions of one file are two models)."""
    outer = hashlib.sha256()
    for name in sorted(names):
        digest = hashlib.sha256((root / name).read_bytes()).hexdigest()
        outer.update(name.encode() + b"\0" + digest.encode() + b"\n")
    files = "sha256:" + outer.hexdigest()
    return "sha256:" + hashlib.sha256(f"{files}\0callable={callable_name}".encode()).hexdigest()


@pytest.fixture
def cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """tmp_path as the current directory; sys.path and the test package 'mypkg' are restored after."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "path", list(sys.path))
    yield tmp_path
    for name in [n for n in sys.modules if n == "mypkg" or n.startswith("mypkg.")]:
        del sys.modules[name]


def test_two_callables_of_one_file_are_two_artifacts(tmp_path: Path) -> None:
    """python:f.py:good and python:f.py:bad must never share a registry version (one version per fingerprint)."""
    assert artifact_fingerprint(f"python:{FIXTURE}:predict") != artifact_fingerprint(f"python:{FIXTURE}:crash")
    assert load_model(f"python:{FIXTURE}:crash").fingerprint == artifact_fingerprint(f"python:{FIXTURE}:crash")


def test_plain_python_model_is_its_file_and_callable(tmp_path: Path) -> None:
    expected = _by_hand(FIXTURE.parent, [FIXTURE.name])
    spec = f"python:{FIXTURE}:predict"
    assert artifact_fingerprint(spec) == expected
    assert load_model(spec).fingerprint == expected
    assert artifact_for(spec).hashed_files() == ["keyword_sentiment.py"]


def test_declared_sidecar_weights_change_the_fingerprint(tmp_path: Path) -> None:
    folder = tmp_path / "model"
    shutil.copytree(SIDECAR, folder)
    spec = f"python:{folder / 'model.py'}:predict"
    before = artifact_fingerprint(spec)
    model = load_model(spec)
    assert model.fingerprint == before == _by_hand(folder, ["model.py", "weights.json"])
    assert model.artifact.hashed_files() == ["model.py", "weights.json"]
    assert [p.label for p in model.classify(["a great film"])] == ["1"]

    (folder / "weights.json").write_text('{"great": -1.0}')
    after = artifact_fingerprint(spec)
    reloaded = load_model(spec)
    assert after != before
    assert reloaded.fingerprint == after == _by_hand(folder, ["model.py", "weights.json"])
    assert [p.label for p in reloaded.classify(["a great film"])] == ["0"]


def test_copying_the_folder_keeps_the_fingerprint(tmp_path: Path) -> None:
    shutil.copytree(SIDECAR, tmp_path / "copy")
    assert artifact_fingerprint(f"python:{tmp_path / 'copy' / 'model.py'}:predict") == artifact_fingerprint(
        f"python:{SIDECAR / 'model.py'}:predict"
    )


def test_undeclared_sidecar_is_not_covered(tmp_path: Path) -> None:
    """The documented limitation: a file the module does not declare is not part of the fingerprint."""
    (tmp_path / "model.py").write_text(READS_WEIGHTS)
    (tmp_path / "weights.json").write_text('{"great": 1}')
    spec = f"python:{tmp_path / 'model.py'}:predict"
    before = artifact_fingerprint(spec)
    (tmp_path / "weights.json").write_text('{"great": -1}')
    assert artifact_fingerprint(spec) == before == load_model(spec).fingerprint
    assert before == _by_hand(tmp_path, ["model.py"])


def test_folders_and_globs_cover_every_matching_file(tmp_path: Path) -> None:
    declaration = 'GUARD_ARTIFACTS: list[str] = ["vocab/", "*.npz"]\n'
    (tmp_path / "model.py").write_text(declaration + READS_WEIGHTS.replace("weights.json", "vocab/w.json"))
    (tmp_path / "vocab" / "deep").mkdir(parents=True)
    (tmp_path / "vocab" / "w.json").write_text('{"great": 1}')
    (tmp_path / "vocab" / "deep" / "b.txt").write_text("b")
    (tmp_path / "vocab" / "__pycache__").mkdir()
    (tmp_path / "vocab" / "__pycache__" / "x.pyc").write_bytes(b"compiled")
    (tmp_path / "shard-1.npz").write_bytes(b"1")
    (tmp_path / "shard-0.npz").write_bytes(b"0")
    (tmp_path / "notes.txt").write_text("not declared")
    spec = f"python:{tmp_path / 'model.py'}:predict"
    names = ["model.py", "shard-0.npz", "shard-1.npz", "vocab/deep/b.txt", "vocab/w.json"]
    assert artifact_for(spec).hashed_files() == names
    first = artifact_fingerprint(spec)
    assert first == load_model(spec).fingerprint == _by_hand(tmp_path, names)

    (tmp_path / "vocab" / "__pycache__" / "x.pyc").write_bytes(b"recompiled")
    (tmp_path / "notes.txt").write_text("changed")
    assert artifact_fingerprint(spec) == first
    (tmp_path / "vocab" / "deep" / "new.txt").write_text("new")
    second = artifact_fingerprint(spec)
    assert second != first
    (tmp_path / "shard-2.npz").write_bytes(b"2")
    assert artifact_fingerprint(spec) not in {first, second}
    assert artifact_fingerprint(spec) == load_model(spec).fingerprint


def test_module_spec_resolves_from_the_current_directory(cwd: Path) -> None:
    package = cwd / "mypkg"
    package.mkdir()
    (package / "__init__.py").write_text("open('init-ran', 'w').close()\n")
    side_effect = "GUARD_ARTIFACTS = ['weights.json']\nopen('model-ran', 'w').close()\n"
    (package / "model.py").write_text(side_effect + READS_WEIGHTS)
    (package / "weights.json").write_text('{"great": 1}')
    spec = "python:mypkg.model:predict"

    before = artifact_fingerprint(spec)  # what the gate does: no import, no user code run
    assert not (cwd / "init-ran").exists() and not (cwd / "model-ran").exists()
    assert str(cwd) not in sys.path
    assert before == _by_hand(package, ["model.py", "weights.json"])
    assert artifact_for(spec).hashed_files() == ["model.py", "weights.json"]

    model = load_model(spec)
    assert (cwd / "model-ran").exists()
    assert model.fingerprint == before == artifact_fingerprint(spec)
    assert [p.label for p in model.classify(["great"])] == ["1"]

    (package / "weights.json").write_text('{"great": -1}')
    assert artifact_fingerprint(spec) != before


def test_module_spec_without_declaration_keeps_its_file_fingerprint(cwd: Path) -> None:
    (cwd / "mypkg").mkdir()
    (cwd / "mypkg" / "model.py").write_text("def predict(batch):\n    return ['x' for _ in batch]\n")
    spec = "python:mypkg.model:predict"
    assert artifact_fingerprint(spec) == _by_hand(cwd / "mypkg", ["model.py"]) == load_model(spec).fingerprint


def test_missing_module_names_the_module(cwd: Path) -> None:
    with pytest.raises(GuardError, match="cannot import 'mypkg.nothing_here': no module named 'mypkg'"):
        artifact_fingerprint("python:mypkg.nothing_here:predict")
    (cwd / "mypkg").mkdir()
    (cwd / "mypkg" / "__init__.py").write_text("")
    with pytest.raises(GuardError, match="no module named 'mypkg.nothing_here'"):
        artifact_fingerprint("python:mypkg.nothing_here:predict")


BAD_DECLARATIONS = [
    ("GUARD_ARTIFACTS = sorted(['weights.json'])\n", 1, "must be a literal list of strings"),
    ("GUARD_ARTIFACTS = 'weights.json'\n", 1, "must be a literal list of strings"),
    ("x = 1\nGUARD_ARTIFACTS = ['weights.json', 3]\n", 2, "must be a literal list of strings"),
    ("GUARD_ARTIFACTS = [\n    'weights.json',\n    'missing.json',\n]\n", 3, "'missing.json' does not exist"),
    ("GUARD_ARTIFACTS = ['../outside.json']\n", 1, "leaves the module's folder"),
    ("GUARD_ARTIFACTS = ['sub/../../outside.json']\n", 1, "leaves the module's folder"),
    ("GUARD_ARTIFACTS = ['{outside}']\n", 1, "must be a path relative to the module's folder"),
    ("GUARD_ARTIFACTS = ['link.json']\n", 1, "leads outside the module's folder"),
    ("GUARD_ARTIFACTS = ['linked/']\n", 1, "leads outside the module's folder"),
    ("GUARD_ARTIFACTS = ['*.npz']\n", 1, "matches no files"),
    ("GUARD_ARTIFACTS = ['empty/']\n", 1, "is a folder with no files"),
    ("GUARD_ARTIFACTS = ['weights.json']\nGUARD_ARTIFACTS += ['x']\n", 1, "assigned exactly once"),
    ("if True:\n    GUARD_ARTIFACTS = ['weights.json']\n", 2, "assigned exactly once, at module level"),
    ("GUARD_ARTIFACTS = ['weights.json']\nx = = 1\n", 2, "syntax error"),
]


@pytest.mark.parametrize(("declaration", "line", "message"), BAD_DECLARATIONS)
def test_bad_declarations_are_one_error_with_file_and_line(
    tmp_path: Path, declaration: str, line: int, message: str
) -> None:
    folder = tmp_path / "model"
    (folder / "sub").mkdir(parents=True)
    (folder / "empty").mkdir()
    (folder / "weights.json").write_text("{}")
    (tmp_path / "outside.json").write_text("{}")
    (tmp_path / "outside_dir").mkdir()
    (tmp_path / "outside_dir" / "a.json").write_text("{}")
    (folder / "link.json").symlink_to(tmp_path / "outside.json")
    (folder / "linked").symlink_to(tmp_path / "outside_dir")
    source = folder / "model.py"
    source.write_text(declaration.format(outside=tmp_path / "outside.json")
                      + "open(__file__ + '.ran', 'w').close()\ndef predict(batch):\n    return batch\n")
    spec = f"python:{source}:predict"
    with pytest.raises(GuardError, match=message) as gate:
        artifact_fingerprint(spec)
    assert gate.value.where == f"{source}:{line}"
    assert "\n" not in str(gate.value)
    with pytest.raises(GuardError, match=message) as loader:
        load_model(spec)
    assert loader.value.where == f"{source}:{line}"
    assert not Path(f"{source}.ran").exists()  # refused before any of the model's code ran


def test_a_symlink_inside_a_declared_folder_must_stay_inside(tmp_path: Path) -> None:
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "model.py").write_text("GUARD_ARTIFACTS = ['vocab/']\ndef predict(batch):\n    return batch\n")
    (tmp_path / "m" / "vocab").mkdir()
    (tmp_path / "m" / "vocab" / "a.txt").write_text("a")
    (tmp_path / "m" / "vocab" / "inside.txt").symlink_to(tmp_path / "m" / "vocab" / "a.txt")
    spec = f"python:{tmp_path / 'm' / 'model.py'}:predict"
    assert artifact_for(spec).hashed_files() == ["model.py", "vocab/a.txt", "vocab/inside.txt"]
    (tmp_path / "secret.txt").write_text("s")
    (tmp_path / "m" / "vocab" / "evil.txt").symlink_to(tmp_path / "secret.txt")
    with pytest.raises(GuardError, match="vocab/evil.txt leads outside the module's folder"):
        artifact_fingerprint(spec)
