"""The CLI end to end on the real SST-2 dev set: every exit code, reports, JUnit read back."""

from __future__ import annotations

import json
import subprocess
import sys
import traceback
from pathlib import Path

import pytest
from junitparser import Error, Failure, JUnitXml
from typer.testing import CliRunner

from guard.cli import app
from guard.errors import GuardError

FIXTURE_MODEL = Path(__file__).resolve().parent.parent / "fixtures" / "keyword_sentiment.py"
runner = CliRunner()


def _policy(tmp_path: Path, body: str, name: str = "policy.yaml") -> Path:
    path = tmp_path / name
    path.write_text(body)
    return path


LENIENT = """name: lenient
rules:
  - id: accuracy
    metric: sentiment.accuracy
    min: 0.5
    controls: [EU-AIA-Art15(1)]
  - id: f1
    metric: sentiment.macro_f1
    min: 0.4
"""
STRICT = """name: strict
rules:
  - id: accuracy
    metric: sentiment.accuracy
    min: 0.95
  - id: latency
    metric: efficiency.latency_p95_ms
    max: 100000
    severity: warn
"""


@pytest.fixture(scope="module")
def sst2_report(shared_data: Path, tmp_path_factory) -> Path:
    """One evaluation of the keyword model on all 872 SST-2 sentences, shared by the tests."""
    out = tmp_path_factory.mktemp("report") / "report.json"
    result = runner.invoke(app, [
        "evaluate", f"python:{FIXTURE_MODEL}:predict", "--suite", "sst2-classifier",
        "--data", f"sentiment={shared_data / 'sst2' / 'dev.tsv'}",
        "--data", f"efficiency={shared_data / 'sst2' / 'dev.tsv'}", "--out", str(out),
    ])
    assert result.exit_code == 0, result.output
    return out


def test_report_has_metrics_with_ci_and_n(sst2_report: Path) -> None:
    report = json.loads(sst2_report.read_text())
    assert report["schema_version"] == "1.1"
    assert report["plan"]["overrides"]["data"]["sentiment"].endswith("dev.tsv")  # the run plan says what ran
    assert report["model"]["fingerprint"].startswith("sha256:")
    sentiment = next(r for r in report["results"] if r["task"] == "sentiment")
    assert sentiment["dataset"]["rows"] == 872
    assert sentiment["dataset"]["fingerprint"] == (
        "sha256:54a9c12c77e402fc14d6a66a506f24d999f596b0176eb777c972cccc2f9cc4b0"
    )
    for name in ("accuracy", "macro_f1", "precision", "recall", "roc_auc", "ece"):
        m = sentiment["metrics"][name]
        assert m["n"] == 872 and m["ci_low"] <= m["value"] <= m["ci_high"], name
    assert 0.5 < sentiment["metrics"]["accuracy"]["value"] < 0.95


def test_accuracy_equals_independent_computation(sst2_report: Path, shared_data: Path) -> None:
    import csv

    sys.path.insert(0, str(FIXTURE_MODEL.parent))
    from keyword_sentiment import predict

    with open(shared_data / "sst2" / "dev.tsv", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    predictions = predict([r["sentence"] for r in rows])
    expected = sum(p["label"] == r["label"] for p, r in zip(predictions, rows)) / len(rows)
    report = json.loads(sst2_report.read_text())
    assert report["results"][0]["metrics"]["accuracy"]["value"] == pytest.approx(expected)


def test_check_pass_exit_0_and_junit(sst2_report: Path, tmp_path: Path) -> None:
    junit, md = tmp_path / "guard.xml", tmp_path / "summary.md"
    result = runner.invoke(app, ["check", str(sst2_report), "--policy", str(_policy(tmp_path, LENIENT)),
                                 "--junit", str(junit), "--markdown", str(md)])
    assert result.exit_code == 0, result.output
    cases = list(JUnitXml.fromfile(str(junit)))[0]
    assert [c.name for c in cases] == ["accuracy", "f1"]
    assert all(c.is_passed for c in cases)
    assert "EU-AIA-Art15(1)" in md.read_text()


def test_check_fail_exit_1_junit_failure_says_value_ci_threshold(sst2_report: Path, tmp_path: Path) -> None:
    junit = tmp_path / "guard.xml"
    result = runner.invoke(app,
                           ["check", str(sst2_report), "--policy", str(_policy(tmp_path, STRICT)), "--junit",
                            str(junit)])
    assert result.exit_code == 1, result.output
    suite = list(JUnitXml.fromfile(str(junit)))[0]
    accuracy = next(c for c in suite if c.name == "accuracy")
    failure = accuracy.result[0]
    assert isinstance(failure, Failure)
    assert "95% CI [" in failure.text and ">= 0.95" in failure.text and "measured 0." in failure.text
    latency = next(c for c in suite if c.name == "latency")
    assert latency.is_passed


def test_check_missing_metric_is_inconclusive_exit_2(sst2_report: Path, tmp_path: Path) -> None:
    # exact_match is a metric accuracy declares (generate mode) but this classify report lacks
    policy = _policy(tmp_path, "name: p\nrules:\n  - id: em\n    metric: sentiment.exact_match\n    min: 0.1\n")
    junit = tmp_path / "guard.xml"
    result = runner.invoke(app, ["check", str(sst2_report), "--policy", str(policy), "--junit", str(junit)])
    assert result.exit_code == 2
    assert "INCONCLUSIVE" in result.output and "exact_match" in result.output
    case = list(list(JUnitXml.fromfile(str(junit)))[0])[0]
    assert isinstance(case.result[0], Error)
    # a metric the task's evaluator can never produce is a typo: an error, before any verdict or file
    policy = _policy(tmp_path,
                     "name: p\nrules:\n  - id: bias\n    metric: sentiment.demographic_parity\n    max: 0.1\n")
    junit.unlink()
    result = runner.invoke(app, ["check", str(sst2_report), "--policy", str(policy), "--junit", str(junit)])
    assert result.exit_code == 2 and "produces no metric 'demographic_parity'" in result.stderr
    assert not junit.exists()


def test_evaluate_with_policy_exits_with_verdict(shared_data: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    args = ["evaluate", f"python:{FIXTURE_MODEL}:predict", "--suite", "sst2-classifier",
            "--data", f"sentiment={shared_data / 'sst2' / 'dev.tsv'}", "--data",
            f"efficiency={shared_data / 'sst2' / 'dev.tsv'}",
            "--limit", "200", "--out", str(out)]
    assert runner.invoke(app, [*args, "--policy", str(_policy(tmp_path, LENIENT))]).exit_code == 0
    assert runner.invoke(app, [*args, "--policy", str(_policy(tmp_path, STRICT, "s.yaml"))]).exit_code == 1
    assert json.loads(out.read_text())["results"][0]["dataset"]["rows"] == 200


def test_crashing_task_is_recorded_and_never_passes(shared_data: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    result = runner.invoke(app, [
        "evaluate", f"python:{FIXTURE_MODEL}:crash", "--suite", "sst2-classifier",
        "--data", f"sentiment={shared_data / 'sst2' / 'dev.tsv'}", "--data",
        f"efficiency={shared_data / 'sst2' / 'dev.tsv'}",
        "--limit", "20", "--out", str(out), "--policy", str(_policy(tmp_path, LENIENT)),
    ])
    assert result.exit_code == 2, result.output
    report = json.loads(out.read_text())
    assert report["results"][0]["status"] == "error"
    assert "the model server fell over" in report["results"][0]["error"]
    assert "Traceback" not in result.output


def test_subprocess_exit_codes_and_one_line_errors(shared_data: Path, tmp_path: Path) -> None:
    """The installed console script: bad input is one line on stderr, exit 2, no report.

    The first run is a real process (the whole stderr a user sees, the redaction worker's included); the
    ``--debug`` run is in-process: what it shows is that the error escapes with its traceback instead of
    becoming the one line, and an uncaught exception's traceback and exit 1 are Python's own.
    """
    out = tmp_path / "never.json"
    guard = [sys.executable, "-m", "guard.cli"]
    bad_suite = tmp_path / "bad.yaml"
    bad_suite.write_text("name: bad\ntasks:\n  - name: s\n    evaluator: acuracy\n    dataset: {path: x.tsv}\n")
    proc = subprocess.run([*guard, "evaluate", f"python:{FIXTURE_MODEL}:predict", "--suite", str(bad_suite),
                           "--out", str(out)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert f"{bad_suite}:4" in lines[0] and "did you mean 'accuracy'" in lines[0]
    assert not out.exists()
    debug = runner.invoke(app, ["--debug", "evaluate", f"python:{FIXTURE_MODEL}:predict", "--suite", str(bad_suite)])
    assert debug.exit_code == 1 and isinstance(debug.exception, GuardError), (debug.exit_code, debug.output)
    assert "did you mean 'accuracy'" in str(debug.exception) and debug.exc_info is not None
    assert "Traceback (most recent call last)" in "".join(traceback.format_exception(*debug.exc_info))
    assert "error:" not in debug.stderr, debug.stderr  # not turned into the one line


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--data", "sentimnt=x.tsv"], "did you mean 'sentiment'"),
        (["--data", "sentiment=missing.tsv"], "dataset file not found"),
        (["--data", "nonsense"], "is not TASK=PATH"),
        (["--policy", "no-such-policy.yaml"], "file not found"),
    ],
)
def test_bad_cli_input(args: list[str], expected: str, tmp_path: Path, shared_data: Path) -> None:
    out = tmp_path / "never.json"
    base = ["evaluate", f"python:{FIXTURE_MODEL}:predict", "--suite", "sst2-classifier", "--out", str(out)]
    if not any(a.startswith("efficiency=") for a in args):
        base += ["--data", f"efficiency={shared_data / 'sst2' / 'dev.tsv'}"]
    result = runner.invoke(app, [*base, *args])
    assert result.exit_code == 2
    assert expected in result.output
    assert "Traceback" not in result.output
    assert not out.exists()


def test_missing_column_names_column_and_suggests(tmp_path: Path, shared_data: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GUARD_ALLOW_PATH", str(shared_data))  # the suite in tmp_path reads the shared data
    suite = tmp_path / "s.yaml"
    suite.write_text(f"""name: s
tasks:
  - name: sentiment
    evaluator: accuracy
    dataset:
      path: {shared_data / 'sst2' / 'dev.tsv'}
      columns: {{text: sentense, label: label}}
""")
    result = runner.invoke(app, ["evaluate", f"python:{FIXTURE_MODEL}:predict", "--suite", str(suite)])
    assert result.exit_code == 2
    assert "no column 'sentense'" in result.output and "did you mean 'sentence'" in result.output
    assert f"{suite}:5" in result.output


@pytest.mark.parametrize(
    ("model", "expected"),
    [
        ("onnx:model.onnx", "unknown model scheme 'onnx'"),
        ("htp:x", "did you mean 'http'"),
        ("noscheme", "has no scheme"),
        (f"python:{FIXTURE_MODEL}:predikt", "did you mean 'predict'"),
        ("python:missing_file.py:f", "no such file"),
        ("sklearn:missing.skops", ""),
    ],
)
def test_bad_model_spec(model: str, expected: str, shared_data: Path) -> None:
    result = runner.invoke(app, ["evaluate", model, "--suite", "sst2-classifier",
                                 "--data", f"sentiment={shared_data / 'sst2' / 'dev.tsv'}",
                                 "--data", f"efficiency={shared_data / 'sst2' / 'dev.tsv'}"])
    assert result.exit_code == 2
    assert expected in result.output
    assert "Traceback" not in result.output


def test_model_directory_without_weights(tmp_path: Path, shared_data: Path) -> None:
    (tmp_path / "config.json").write_text('{"model_type": "bert"}')
    result = runner.invoke(app, ["evaluate", f"hf:{tmp_path}", "--suite", "sst2-classifier",
                                 "--data", f"sentiment={shared_data / 'sst2' / 'dev.tsv'}",
                                 "--data", f"efficiency={shared_data / 'sst2' / 'dev.tsv'}"])
    assert result.exit_code == 2
    assert "no model weights" in result.output and "Traceback" not in result.output


def test_capability_mismatch_fails_before_inference(shared_data: Path) -> None:
    result = runner.invoke(app, ["evaluate", f"python:{FIXTURE_MODEL}:predict", "--suite", "sst2-zero-shot",
                                 "--data", f"sentiment={shared_data / 'sst2' / 'dev.tsv'}"])
    assert result.exit_code == 2
    assert "cannot" in result.output or "needs a model" in result.output


def test_schema_commands_give_json_schemas(sst2_report: Path) -> None:
    import jsonschema

    for kind in ("suite", "policy", "report"):
        result = runner.invoke(app, ["schema", kind])
        assert result.exit_code == 0
        json.loads(result.stdout)
    schema = json.loads(runner.invoke(app, ["schema", "report"]).stdout)
    jsonschema.validate(json.loads(sst2_report.read_text()), schema)
    assert runner.invoke(app, ["schema", "verdict"]).exit_code == 2


def test_evaluators_listed() -> None:
    result = runner.invoke(app, ["evaluators"])
    assert result.exit_code == 0
    assert "accuracy" in result.stdout and "efficiency" in result.stdout
