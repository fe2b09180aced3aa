"""A suite reads only under its own folder, plus --data paths and the roots the user allows.

A suite can come from an untrusted pull request and what it reads lands in findings, so
``dataset.path`` may not escape the suite's folder with ``../``, an absolute path, ``~`` or a
symlink; ``--allow-path DIR`` (``allowed_roots``) and ``GUARD_ALLOW_PATH`` widen it.
"""

from __future__ import annotations

import inspect
import os
import textwrap
from pathlib import Path

import pytest

from guard._paths import ALLOW_PATH_ENV, allowed_roots, allowed_roots_from_env, confine
from guard.data import load_task_data
from guard.errors import GuardError
from guard.runner import prepare
from guard.suite import DatasetSpec, load_suite, suite_from_dict

ROWS = "text,label\nsecret line one,1\nsecret line two,0\n"


@pytest.fixture
def layout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """``tmp/suite`` (the suite's folder, with data/ok.csv) and ``tmp/outside`` (with secret.csv)."""
    monkeypatch.delenv(ALLOW_PATH_ENV, raising=False)
    suite_dir, outside = tmp_path / "suite", tmp_path / "outside"
    (suite_dir / "data").mkdir(parents=True)
    outside.mkdir()
    (suite_dir / "data" / "ok.csv").write_text(ROWS)
    (outside / "secret.csv").write_text(ROWS)
    return suite_dir.resolve(), outside.resolve()


def _load(path: str, base: Path, **kw):
    kw.setdefault("confine_to_base", True)  # what the runner passes for a suite read from a file
    return load_task_data(DatasetSpec(path=path), base_dir=base, required={"text", "label"}, where="s.yaml:7", **kw)


def _refused(path: str, base: Path, **kw) -> str:
    with pytest.raises(GuardError) as info:
        _load(path, base, **kw)
    return str(info.value)


def test_inside_the_suite_folder_loads(layout) -> None:
    suite_dir, _ = layout
    assert _load("data/ok.csv", suite_dir).column("text")[0] == "secret line one"
    assert len(_load("data/../data/./ok.csv", suite_dir)) == 2  # '..' that stays inside is fine


def test_dotdot_escape_is_refused_with_where_why_and_hint(layout) -> None:
    suite_dir, outside = layout
    message = _refused("../outside/secret.csv", suite_dir)
    assert message.startswith("s.yaml:7: dataset path ")
    assert "../outside/secret.csv" in message and f"resolves to {outside / 'secret.csv'}" in message
    assert f"is outside the suite's folder {suite_dir}" in message
    assert message.endswith("(pass --allow-path DIR or set GUARD_ALLOW_PATH)")
    assert "\n" not in message and "secret line" not in message


def test_absolute_and_home_paths_are_refused(layout, monkeypatch: pytest.MonkeyPatch) -> None:
    suite_dir, outside = layout
    assert "outside the suite's folder" in _refused(str(outside / "secret.csv"), suite_dir)
    assert "outside the suite's folder" in _refused("/etc/passwd", suite_dir)
    monkeypatch.setenv("HOME", str(outside))
    assert "outside the suite's folder" in _refused("~/secret.csv", suite_dir)


def test_refusal_comes_before_existence(layout) -> None:
    suite_dir, _ = layout
    message = _refused("../nowhere/missing.csv", suite_dir)
    assert "outside the suite's folder" in message and "not found" not in message


def test_symlink_leaving_the_folder_is_refused(layout) -> None:
    suite_dir, outside = layout
    (suite_dir / "data" / "link.csv").symlink_to(outside / "secret.csv")
    (suite_dir / "linked_dir").symlink_to(outside, target_is_directory=True)
    message = _refused("data/link.csv", suite_dir)
    assert f"resolves to {outside / 'secret.csv'}" in message and "outside the suite's folder" in message
    assert "outside the suite's folder" in _refused("linked_dir/secret.csv", suite_dir)


def test_symlink_staying_inside_is_fine(layout) -> None:
    suite_dir, _ = layout
    (suite_dir / "alias.csv").symlink_to(suite_dir / "data" / "ok.csv")
    data = _load("alias.csv", suite_dir)
    assert len(data) == 2 and data.info.source == str(suite_dir / "alias.csv")


def test_cli_override_outside_is_the_users_choice(layout) -> None:
    suite_dir, outside = layout
    data = _load("data/ok.csv", suite_dir, override=str(outside / "secret.csv"))
    assert data.info.source == str(outside / "secret.csv")


def test_allowed_roots_and_environment_widen_the_folder(layout, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    suite_dir, outside = layout
    assert len(_load(str(outside / "secret.csv"), suite_dir, allowed_roots=[outside])) == 2
    assert len(_load("../outside/secret.csv", suite_dir, allowed_roots=[outside / "secret.csv"])) == 2  # one file
    other = tmp_path / "other"
    other.mkdir()
    monkeypatch.setenv(ALLOW_PATH_ENV, os.pathsep.join([str(other), "", str(outside)]))
    assert len(_load("../outside/secret.csv", suite_dir)) == 2
    monkeypatch.setenv(ALLOW_PATH_ENV, str(other))
    message = _refused("../outside/secret.csv", suite_dir, allowed_roots=[tmp_path / "third"])
    assert f"and the allowed paths {(tmp_path / 'third').resolve()}, {other.resolve()}" in message


def test_code_built_suites_are_not_confined(layout) -> None:
    suite_dir, outside = layout
    assert len(_load(str(outside / "secret.csv"), suite_dir, confine_to_base=False)) == 2


def test_cwd_relative_local_folder_is_not_passed_to_load_dataset(layout, monkeypatch: pytest.MonkeyPatch) -> None:
    """A name that is not under the suite's folder but exists in the cwd would be read by load_dataset."""
    suite_dir, outside = layout
    monkeypatch.chdir(outside.parent)
    message = _refused("outside", suite_dir)
    assert "is not under the suite's folder" in message and "--data TASK=PATH" in message


def test_confine_function(layout) -> None:
    suite_dir, outside = layout
    ok = suite_dir / "data" / "ok.csv"
    assert confine(ok, base_dir=suite_dir, allowed=(), where="x") == ok
    assert confine(outside / "secret.csv", base_dir=suite_dir, allowed=[outside], where="x") == outside / "secret.csv"
    assert confine(suite_dir, base_dir=suite_dir, allowed=(), where="x") == suite_dir
    # a sibling whose name starts like the folder is not inside it
    sibling = suite_dir.parent / (suite_dir.name + "-evil")
    with pytest.raises(GuardError, match=r"^f\.yaml:3: terms_path .*-evil/t\.yaml is outside the suite's folder"):
        confine(sibling / "t.yaml", base_dir=suite_dir, allowed=(), where="f.yaml:3", what="terms_path")


def test_allowed_roots_from_env_and_flags() -> None:
    env = {ALLOW_PATH_ENV: os.pathsep.join(["/a", " ", "", "~/b"])}
    assert allowed_roots_from_env(env) == [Path("/a"), Path("~/b").expanduser()]
    assert allowed_roots_from_env({}) == []
    assert allowed_roots(["/flag"], env) == [Path("/flag"), Path("/a"), Path("~/b").expanduser()]


# ------------------------------------------------------------------ through a suite file


def _suite(folder: Path, path: str) -> Path:
    suite = folder / "suite.yaml"
    suite.write_text(textwrap.dedent(f"""\
        name: s
        tasks:
          - name: sentiment
            evaluator: accuracy
            dataset:
              path: {path}
        """))
    return suite


def test_suite_file_escape_names_the_suite_line(layout) -> None:
    """Needs the runner to pass ``confine_to_base=suite.source is not None`` (and ``allowed_roots``)."""
    assert "allowed_roots" in inspect.signature(prepare).parameters, (
        "guard.runner.prepare is not wired yet: it must take allowed_roots and pass "
        "allowed_roots=..., confine_to_base=suite.source is not None to load_task_data")
    suite_dir, outside = layout
    suite = load_suite(_suite(suite_dir, "../outside/secret.csv"))
    with pytest.raises(GuardError) as info:
        prepare(suite)
    assert str(info.value).startswith(f"{suite_dir / 'suite.yaml'}:5: dataset path ")  # the task's dataset key
    assert "outside the suite's folder" in str(info.value)
    assert len(prepare(suite, data={"sentiment": str(outside / "secret.csv")})[0].data) == 2
    assert len(prepare(suite, allowed_roots=[outside])[0].data) == 2


def test_suites_built_in_code_read_what_their_caller_wrote(layout) -> None:
    suite_dir, outside = layout
    inline = suite_from_dict({"name": "s", "tasks": [
        {"name": "sentiment", "evaluator": "accuracy", "dataset": {"path": str(outside / "secret.csv")}}]})
    assert len(prepare(inline)[0].data) == 2


def test_builtin_suites_read_their_own_data(shared_data: Path) -> None:
    demo = prepare(load_suite("demo"))
    assert all(task.data is None or len(task.data) > 0 for task in demo)
    dev = str(shared_data / "sst2" / "dev.tsv")
    tasks = prepare(load_suite("sst2-classifier"), data={"sentiment": dev, "efficiency": dev})
    assert [len(t.data) for t in tasks] == [872, 872]


@pytest.mark.parametrize(("evaluator", "param", "extra"), [
    ("bias.counterfactual", "terms_path", ""),
    ("pii.output", "probes_path", ""),
    ("pii.canary", "canaries_path", ""),
    ("bias.generation", "lexicon_path", ""),
])
def test_files_named_by_params_are_confined_too(tmp_path: Path, evaluator: str, param: str, extra: str,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """A term list, lexicon or probe file outside the suite's folder is refused like a dataset path."""
    from guard.suite import load_suite

    outside = tmp_path / "outside"
    outside.mkdir()
    secret = outside / "secret.txt"
    secret.write_text("root:x:0:0\n")
    folder = tmp_path / "suite"
    folder.mkdir()
    (folder / "s.yaml").write_text(f"name: s\ntasks:\n  - name: t\n    evaluator: {evaluator}\n"
                                   f"    params: {{{param}: {secret}}}\n")
    monkeypatch.delenv("GUARD_ALLOW_PATH", raising=False)
    with pytest.raises(GuardError, match=rf"{param} .*outside the suite's folder") as caught:
        load_suite(folder / "s.yaml")
    assert "--allow-path" in caught.value.one_line()
