"""Strict YAML loading and suite validation: every mistake is one GuardError with file:line."""

from __future__ import annotations

import hashlib
import textwrap
from pathlib import Path

import pytest

from guard._yaml import read_yaml
from guard.errors import GuardError, did_you_mean
from guard.suite import load_suite, suite_from_dict

GOOD = """\
name: tiny
description: a test suite
tasks:
  - name: sentiment
    evaluator: accuracy
    dataset:
      path: data/reviews.jsonl
      columns: {text: text, label: label}
    params:
      mode: classify
      max_new_tokens: 8
"""


def _write(tmp_path: Path, text: str, name: str = "suite.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def _suite_error(tmp_path: Path, text: str) -> GuardError:
    path = _write(tmp_path, text)
    with pytest.raises(GuardError) as info:
        load_suite(path)
    return info.value


# --------------------------------------------------------------------------- plain YAML


def test_good_suite_loads(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD)
    suite = load_suite(path)
    assert suite.name == "tiny"
    assert [t.name for t in suite.tasks] == ["sentiment"]
    assert suite.task("sentiment").dataset.columns == {"text": "text", "label": "label"}
    params = suite.params_for("sentiment")
    assert params.mode == "classify" and params.max_new_tokens == 8
    assert suite.source == path.resolve()
    assert suite.base_dir == tmp_path.resolve()  # relative data paths resolve against the suite file
    assert suite.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert suite.where("tasks", 0, "params", "mode") == f"{path.resolve()}:10"


def test_read_yaml_records_lines(tmp_path: Path) -> None:
    data, lines = read_yaml(_write(tmp_path, GOOD))
    assert data["tasks"][0]["params"]["max_new_tokens"] == 8
    assert lines[("name",)] == 1
    assert lines[("tasks",)] == 3
    assert lines[("tasks", 0)] == 4
    assert lines[("tasks", 0, "evaluator")] == 5
    assert lines[("tasks", 0, "params", "max_new_tokens")] == 11


def test_malformed_yaml_names_file_and_line(tmp_path: Path) -> None:
    err = _suite_error(tmp_path, "name: x\ntasks: [\n  - name: a\n")
    assert "malformed YAML" in str(err)
    assert f"{tmp_path / 'suite.yaml'}:3" in str(err)


def test_bad_indentation_names_file_and_line(tmp_path: Path) -> None:
    err = _suite_error(tmp_path, "name: x\ntasks:\n  - name: a\n   evaluator: accuracy\n")
    assert "malformed YAML" in str(err)
    assert f"{tmp_path / 'suite.yaml'}:4" in str(err)


def test_duplicate_key_is_an_error_with_its_line(tmp_path: Path) -> None:
    err = _suite_error(tmp_path,
                       GOOD.replace("    evaluator: accuracy\n", "    evaluator: accuracy\n    evaluator: accuracy\n"))
    assert "duplicate key 'evaluator'" in str(err)
    assert f"{tmp_path / 'suite.yaml'}:6" in str(err)


def test_duplicate_top_level_key(tmp_path: Path) -> None:
    err = _suite_error(tmp_path, "name: a\nname: b\ntasks: []\n")
    assert "duplicate key 'name'" in str(err)
    assert str(err).startswith(f"{tmp_path / 'suite.yaml'}:2:")


@pytest.mark.parametrize(
    "value",
    ["!!python/object:os.system x", "!!python/object/apply:os.system ['echo hi']", "!!python/name:os.system ''",
     "!function utils.process_docs"],
)
def test_object_constructing_tags_are_rejected(tmp_path: Path, value: str) -> None:
    text = GOOD.replace("description: a test suite", f"description: {value}")
    err = _suite_error(tmp_path, text)
    assert "is not allowed" in str(err)
    assert f"{tmp_path / 'suite.yaml'}:2" in str(err)


def test_function_tag_inside_a_task_is_rejected_with_its_line(tmp_path: Path) -> None:
    err = _suite_error(tmp_path, GOOD.replace("mode: classify", "mode: !function evil.run"))
    assert "'!function'" in str(err)
    assert f"{tmp_path / 'suite.yaml'}:10" in str(err)


def test_safe_explicit_tags_still_work(tmp_path: Path) -> None:
    suite = load_suite(_write(tmp_path, GOOD.replace("name: tiny", "name: !!str 123")))
    assert suite.name == "123"


@pytest.mark.parametrize("text", ["- a\n- b\n", "", "just a string\n"])
def test_top_level_must_be_a_mapping(tmp_path: Path, text: str) -> None:
    err = _suite_error(tmp_path, text)
    assert "mapping" in str(err)
    assert f"{tmp_path / 'suite.yaml'}:1" in str(err)


def test_missing_file_is_a_guard_error(tmp_path: Path) -> None:
    with pytest.raises(GuardError, match="not found"):
        load_suite(tmp_path / "nope.yaml")


def test_did_you_mean() -> None:
    assert did_you_mean("taks", ["name", "tasks", "description"]) == "did you mean 'tasks'?"
    assert did_you_mean("zzzz", ["a", "b"]) == "expected one of: a, b"
    assert did_you_mean("zzzz", [f"option{i}" for i in range(20)]) is None


# --------------------------------------------------------------------------- unknown keys


def test_unknown_key_gets_line_and_did_you_mean(tmp_path: Path) -> None:
    err = _suite_error(tmp_path, GOOD.replace("    dataset:\n", "    datset:\n"))
    message = str(err)
    assert "unknown key 'tasks.0.datset'" in message
    assert f"{tmp_path / 'suite.yaml'}:6" in message
    assert "did you mean 'dataset'?" in message


def test_unknown_top_level_key_next_to_the_required_ones(tmp_path: Path) -> None:
    err = _suite_error(tmp_path, GOOD.replace("description:", "descripton:"))
    assert "unknown key 'descripton'" in str(err)
    assert f"{tmp_path / 'suite.yaml'}:2" in str(err)
    assert "did you mean 'description'?" in str(err)


def test_misspelt_top_level_key_is_an_unknown_key_with_did_you_mean(tmp_path: Path) -> None:
    err = _suite_error(tmp_path, GOOD.replace("tasks:", "taks:"))
    assert "unknown key 'taks'" in str(err)
    assert "did you mean 'tasks'?" in str(err)
    assert f"{tmp_path / 'suite.yaml'}:3" in str(err)


def test_misspelt_key_inside_a_task_names_its_line(tmp_path: Path) -> None:
    err = _suite_error(tmp_path, GOOD.replace("evaluator:", "evalutor:"))
    assert "unknown key 'tasks.0.evalutor'" in str(err)
    assert "did you mean 'evaluator'?" in str(err)
    assert f"{tmp_path / 'suite.yaml'}:5" in str(err)


def test_misspelt_required_key_is_at_least_an_error_with_a_line(tmp_path: Path) -> None:
    # Whatever the wording, it fails closed and points into the file.
    err = _suite_error(tmp_path, GOOD.replace("evaluator:", "evalutor:"))
    assert "evaluator" in str(err)
    assert f"{tmp_path / 'suite.yaml'}:" in str(err)


# --------------------------------------------------------------------------- evaluators and params


def test_unknown_evaluator_did_you_mean_with_the_line_of_the_key(tmp_path: Path) -> None:
    err = _suite_error(tmp_path, GOOD.replace("evaluator: accuracy", "evaluator: acuracy"))
    assert "unknown evaluator 'acuracy'" in str(err)
    assert "did you mean 'accuracy'?" in str(err)
    assert str(err).startswith(f"{(tmp_path / 'suite.yaml').resolve()}:5:")


def test_unknown_evaluator_param_did_you_mean_with_its_line(tmp_path: Path) -> None:
    text = GOOD.replace("      max_new_tokens: 8\n", "      max_new_tokens: 8\n      verbalisers: {'1': ' yes'}\n")
    err = _suite_error(tmp_path, text)
    message = str(err)
    assert "verbalisers" in message
    assert "did you mean 'verbalizers'?" in message
    assert "task 'sentiment'" in message
    assert message.startswith(f"{(tmp_path / 'suite.yaml').resolve()}:12:")


def test_wrong_param_type_names_the_param_and_line(tmp_path: Path) -> None:
    err = _suite_error(tmp_path, GOOD.replace("max_new_tokens: 8", "max_new_tokens: lots"))
    assert "max_new_tokens" in str(err)
    assert "integer" in str(err)
    assert str(err).startswith(f"{(tmp_path / 'suite.yaml').resolve()}:11:")


def test_invalid_param_value_names_the_param(tmp_path: Path) -> None:
    err = _suite_error(tmp_path, GOOD.replace("mode: classify", "mode: telepathy"))
    assert "mode" in str(err)
    assert str(err).startswith(f"{(tmp_path / 'suite.yaml').resolve()}:10:")


def test_dataset_required_by_the_evaluator(tmp_path: Path) -> None:
    text = "name: x\ntasks:\n  - name: a\n    evaluator: accuracy\n"
    err = _suite_error(tmp_path, text)
    assert "needs a dataset" in str(err)
    assert str(err).startswith(f"{(tmp_path / 'suite.yaml').resolve()}:3:")


def test_wrong_type_of_a_suite_field(tmp_path: Path) -> None:
    err = _suite_error(tmp_path, GOOD.replace("path: data/reviews.jsonl", "path: data/reviews.jsonl\n      limit: -3"))
    assert "limit" in str(err)
    assert f"{tmp_path / 'suite.yaml'}:8" in str(err)


# --------------------------------------------------------------------------- task names


def test_duplicate_task_names(tmp_path: Path) -> None:
    body = GOOD.split("tasks:\n", 1)[1]
    err = _suite_error(tmp_path, GOOD + body)
    assert "'sentiment' is used twice" in str(err)
    assert f"{tmp_path / 'suite.yaml'}:" in str(err)


def test_task_name_with_a_dot(tmp_path: Path) -> None:
    err = _suite_error(tmp_path, GOOD.replace("name: sentiment", "name: senti.ment"))
    assert "tasks.0.name" in str(err)
    assert f"{tmp_path / 'suite.yaml'}:4" in str(err)


def test_empty_task_list(tmp_path: Path) -> None:
    err = _suite_error(tmp_path, "name: x\ntasks: []\n")
    assert "tasks" in str(err)


def test_suite_from_dict_validates_like_a_file() -> None:
    suite = suite_from_dict({"name": "s", "tasks": [{"name": "a", "evaluator": "accuracy", "dataset": {"path": "x"}}]})
    assert suite.tasks[0].evaluator == "accuracy"
    with pytest.raises(GuardError, match="did you mean 'accuracy'"):
        suite_from_dict({"name": "s", "tasks": [{"name": "a", "evaluator": "acurracy", "dataset": {"path": "x"}}]})
    with pytest.raises(GuardError, match="unknown key"):
        suite_from_dict({"name": "s",
                         "tasks": [{"name": "a", "evaluator": "accuracy", "dataset": {"path": "x"}, "x": 1}]})


# --------------------------------------------------------------------------- built-ins and hashing


def test_builtin_suite_by_name() -> None:
    suite = load_suite("demo")
    assert suite.name == "demo"
    assert {t.name for t in suite.tasks} >= {"sentiment", "facts", "efficiency"}
    assert suite.source is not None and suite.source.name == "demo.yaml"
    assert suite.sha256 == hashlib.sha256(suite.source.read_bytes()).hexdigest()
    assert suite.params_for("sentiment").mode == "loglikelihood"


def test_builtin_suite_by_project_path_from_another_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    suite = load_suite("evaluations/demo.yaml")
    assert suite.name == "demo"
    assert suite.source == load_suite("demo").source
    assert (suite.base_dir / suite.task("sentiment").dataset.path).is_file()


def test_local_file_wins_over_the_builtin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "evaluations").mkdir()
    _write(tmp_path / "evaluations", GOOD, name="demo.yaml")
    monkeypatch.chdir(tmp_path)
    assert load_suite("evaluations/demo.yaml").name == "tiny"


def test_sha256_changes_when_the_file_changes(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD)
    first = load_suite(path).sha256
    assert load_suite(path).sha256 == first
    path.write_text(GOOD.replace("max_new_tokens: 8", "max_new_tokens: 9"), encoding="utf-8")
    second = load_suite(path).sha256
    assert second != first
    path.write_text(GOOD + "# just a comment\n", encoding="utf-8")
    assert load_suite(path).sha256 not in (first, second)


def test_yes_no_labels_are_strings(tmp_path: Path) -> None:
    text = GOOD.replace("mode: classify", "mode: loglikelihood\n      verbalizers: {yes: ' yes', no: ' no'}")
    suite = load_suite(_write(tmp_path, text))
    assert suite.params_for("sentiment").verbalizers == {"yes": " yes", "no": " no"}


@pytest.mark.parametrize(("params", "key"), [
    ("{verbalizers: {'0': ' {ans0}', '1': ' {ans1}'}}", "verbalizers.0"),
    ("{positive_label: '{label}'}", "positive_label"),
    ("{stop: ['{end}']}", "stop"),
])
def test_a_placeholder_in_a_param_that_is_not_a_template_is_an_error(tmp_path, params: str, key: str) -> None:
    from guard.suite import load_suite

    (tmp_path / "rows.jsonl").write_text('{"text": "a", "label": "0"}\n')
    (tmp_path / "s.yaml").write_text("name: s\ntasks:\n  - name: t\n    evaluator: accuracy\n"
                                     f"    dataset: {{path: rows.jsonl}}\n    params: {params}\n")
    with pytest.raises(GuardError, match=rf"params\.{key} = .* not a template") as caught:
        load_suite(tmp_path / "s.yaml")
    wanted = "mode: multiple_choice with choices: [ans0" if key.startswith("verbalizers") else "write the value out"
    assert wanted in (caught.value.hint or "")
