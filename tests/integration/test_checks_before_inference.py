"""Every check that can run before inference runs before it: a typo costs seconds, not a GPU-hour.

The model here would take ten minutes (it sleeps) and leaves a marker when it is called: each bad
input must exit 2 with one line, before the marker exists.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from guard.cli import app

runner = CliRunner()
SLOW_MODEL = """
import pathlib, time
def predict(batch):
    pathlib.Path(__file__).with_name("called").write_text("yes")
    time.sleep(600)
    return ["pos" for _ in batch]
predict.capabilities = ["classify"]
"""


@pytest.fixture
def env(tmp_path: Path) -> Path:
    (tmp_path / "model.py").write_text(SLOW_MODEL)
    rows = [{"text": f"a good thing {i}" if i % 2 else f"a bad thing {i}", "label": "pos" if i % 2 else "neg"}
            for i in range(40)]
    (tmp_path / "rows.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    (tmp_path / "suite.yaml").write_text("name: s\ntasks:\n  - name: t\n    evaluator: accuracy\n"
                                         "    dataset: {path: rows.jsonl}\n")
    return tmp_path


def _run(env: Path, *extra: str, suite: str = "suite.yaml"):
    started = time.perf_counter()
    result = runner.invoke(app, ["evaluate", f"python:{env / 'model.py'}:predict", "--suite", str(env / suite),
                                 *extra])
    elapsed = time.perf_counter() - started
    assert not (env / "called").exists(), "the model was called before the input was checked"
    assert result.exit_code == 2 and elapsed < 5, (result.exit_code, elapsed, result.output)
    assert "Traceback" not in result.output
    return result.output


def _policy(env: Path, metric: str) -> str:
    (env / "policy.yaml").write_text(f"name: p\nrules:\n  - id: r\n    metric: {metric}\n    min: 0.5\n")
    return str(env / "policy.yaml")


def test_a_misspelt_metric_in_the_policy(env: Path) -> None:
    output = _run(env, "--policy", _policy(env, "t.acuracy"))
    assert "produces no metric 'acuracy'" in output and "did you mean 'accuracy'" in output
    assert f"{env / 'policy.yaml'}:4" in output


def test_an_unknown_task_in_the_policy(env: Path) -> None:
    output = _run(env, "--policy", _policy(env, "sentimnet.accuracy"))
    assert "names task 'sentimnet'" in output


def test_positive_label_that_no_row_has(env: Path) -> None:
    (env / "pl.yaml").write_text("name: s\ntasks:\n  - name: t\n    evaluator: accuracy\n"
                                 "    dataset: {path: rows.jsonl}\n    params: {positive_label: positive}\n")
    output = _run(env, suite="pl.yaml")
    assert "positive_label: 'positive' is not a label" in output and "pos" in output


def test_empty_labels(env: Path) -> None:
    (env / "rows.jsonl").write_text(
        json.dumps({"text": "x", "label": ""}) + "\n" + json.dumps({"text": "y", "label": "pos"}))
    assert "1 of 2 rows have an empty label" in _run(env)


def test_a_verbalizer_written_as_a_template(env: Path) -> None:
    (env / "v.yaml").write_text("name: s\ntasks:\n  - name: t\n    evaluator: accuracy\n"
                                "    dataset: {path: rows.jsonl}\n"
                                "    params: {mode: loglikelihood, verbalizers: {pos: ' {ans0}', neg: ' no'}}\n")
    output = _run(env, suite="v.yaml")
    assert "params.verbalizers.pos" in output and "literal text" in output


@pytest.mark.parametrize("option", ["--out", "--junit", "--markdown"])
def test_an_output_that_cannot_be_written(env: Path, option: str) -> None:
    (env / "folder").mkdir()
    extra = ["--policy", _policy(env, "t.accuracy")] if option != "--out" else []
    output = _run(env, option, str(env / "folder"), *extra)
    assert f"{option} {env / 'folder'} is a directory" in output
    (env / "file").write_text("x")
    output = _run(env, option, str(env / "file" / "report.json"), *extra)
    assert "cannot write in" in output


def test_a_negative_seed(env: Path) -> None:
    assert "--seed must be 0 or more" in _run(env, "--seed", "-1")


def test_registry_without_a_name(env: Path) -> None:
    assert "add --name NAME" in _run(env, "--registry", f"sqlite:///{env / 'r.db'}")
    assert not (env / "r.db").exists()


def test_model_options_are_checked_with_a_did_you_mean(env: Path) -> None:
    assert "not KEY=VALUE" in _run(env, "--model-option", "timeout")
    assert "given twice" in _run(env, "--model-option", "a=1", "--model-option", "a=2")
    assert "both set the batch_size" in _run(env, "--batch-size", "4", "--model-option", "batch_size=8")


def test_model_options_reach_the_adapter_and_the_report(tmp_path: Path) -> None:
    """An hf: option the adapter does not know is refused by name; accepted ones are recorded in the plan."""
    from guard.cli.run import parse_model_options

    assert parse_model_options(["timeout=30", "retries=0", "dtype=bfloat16", "fast=true", "ratio=0.5"]) == {
        "timeout": 30, "retries": 0, "dtype": "bfloat16", "fast": True, "ratio": 0.5}
    (tmp_path / "model.py").write_text(
        "def predict(b):\n    return ['pos' for _ in b]\npredict.capabilities = ['classify']\n")
    (tmp_path / "rows.jsonl").write_text('{"text": "a", "label": "pos"}\n{"text": "b", "label": "neg"}\n')
    (tmp_path / "suite.yaml").write_text("name: s\ntasks:\n  - name: t\n    evaluator: accuracy\n"
                                         "    dataset: {path: rows.jsonl}\n")
    out = tmp_path / "r.json"
    result = runner.invoke(app, ["evaluate", f"python:{tmp_path / 'model.py'}:predict", "--suite",
                                 str(tmp_path / "suite.yaml"), "--model-option", "batch_size=2", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text())["plan"]["model_options"] == {"batch_size": 2}
    bad = runner.invoke(app, ["evaluate", "http:http://127.0.0.1:9/v1", "--suite", str(tmp_path / "suite.yaml"),
                              "--model-option", "timout=3"])
    assert bad.exit_code == 2 and "unknown option 'timout'" in bad.stderr and "did you mean 'timeout'" in bad.stderr


def test_labels_that_never_match_are_an_error_with_a_label_map_hint(tmp_path: Path) -> None:
    (tmp_path / "model.py").write_text("def predict(b):\n    return ['POSITIVE' for _ in b]\n"
                                       "predict.capabilities = ['classify']\n")
    (tmp_path / "rows.jsonl").write_text('{"text": "a", "label": "1"}\n{"text": "b", "label": "0"}\n')
    (tmp_path / "suite.yaml").write_text("name: s\ntasks:\n  - name: t\n    evaluator: accuracy\n"
                                         "    dataset: {path: rows.jsonl}\n")
    result = runner.invoke(app, ["evaluate", f"python:{tmp_path / 'model.py'}:predict", "--suite",
                                 str(tmp_path / "suite.yaml")])
    assert result.exit_code == 2
    assert "never match the dataset's" in result.stderr and "label_map" in result.stderr


def test_guard_check_refuses_a_metric_the_task_cannot_have(tmp_path: Path) -> None:
    """A typo in a policy is an error on stderr for `guard check` too, not an inconclusive verdict."""
    (tmp_path / "model.py").write_text("def predict(b):\n    return ['pos' for _ in b]\n"
                                       "predict.capabilities = ['classify']\n")
    (tmp_path / "rows.jsonl").write_text('{"text": "a", "label": "pos"}\n{"text": "b", "label": "neg"}\n')
    (tmp_path / "suite.yaml").write_text("name: s\ntasks:\n  - name: t\n    evaluator: accuracy\n"
                                         "    dataset: {path: rows.jsonl}\n")
    report = tmp_path / "r.json"
    assert runner.invoke(app, ["evaluate", f"python:{tmp_path / 'model.py'}:predict", "--suite",
                               str(tmp_path / "suite.yaml"), "--out", str(report)]).exit_code == 0
    (tmp_path / "p.yaml").write_text("name: p\nrules:\n  - {id: r, metric: t.acuracy, min: 0.5}\n"
                                     "  - {id: other, metric: other_suite.accuracy, min: 0.5}\n")
    result = runner.invoke(app, ["check", str(report), "--policy", str(tmp_path / "p.yaml")])
    assert result.exit_code == 2 and "did you mean 'accuracy'" in result.stderr and not result.stdout
    (tmp_path / "p.yaml").write_text("name: p\nrules:\n  - {id: other, metric: other_suite.accuracy, min: 0.5}\n")
    result = runner.invoke(app, ["check", str(report), "--policy", str(tmp_path / "p.yaml")])
    assert result.exit_code == 2 and "INCONCLUSIVE" in result.stdout  # another suite's task: not judged here
