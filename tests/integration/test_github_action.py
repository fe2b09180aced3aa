"""The GitHub Action (action.yml) run the way a runner runs a composite: every ``run:`` step with bash, the
inputs substituted, $GITHUB_OUTPUT / $GITHUB_STEP_SUMMARY / $GITHUB_ACTION_PATH set (``uses:`` steps such as
setup-python are the runner's and skipped; the install step detects the installed guard with install: auto).
The example workflow's inputs and the GitLab job's script are the ones run here."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from guard.types import EvalReport

REPO = Path(__file__).resolve().parents[2]
FIXTURE_MODEL = REPO / "tests" / "fixtures" / "keyword_sentiment.py"
ROWS = ([{"text": f"a good fun film {i}", "label": "1"} for i in range(8)]
        + [{"text": f"a dull boring mess {i}", "label": "0"} for i in range(8)]
        + [{"text": f"a dull film {i}", "label": "1"} for i in range(2)]
        + [{"text": f"not bad, great {i}", "label": "0"} for i in range(2)])
WEAK_MODEL = ('def predict(batch):\n    return [{"label": "1", "scores": {"1": 0.6, "0": 0.4}} for _ in batch]\n'
              'predict.capabilities = ["classify"]\n')
RELEASE = ("name: release\nrules:\n  - {id: accuracy, metric: sentiment.accuracy, min: 0.7}\n"
           "  - id: no-worse\n    metric: sentiment.accuracy\n    relative: {baseline: production, max_drop: 0.05}\n")


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"  # `python` is the venv's, as after setup
    # evidence is still redacted (patterns and Presidio's recognizers in the worker); the worker skips loading
    # spaCy's NER, seconds of CPU per evaluation that tests/unit/test_redaction_worker.py spends once
    env["GUARD_PII_NER"] = "none"
    return env


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A checked-out project as the example workflow expects it, with production's report from a weaker model
    (evaluated once, in this process: the baseline is an input here, not what is tested)."""
    from guard.cli import app
    from tests.helpers.evaluated_registry import CliRunner

    root = tmp_path_factory.mktemp("project")
    (root / "models").mkdir()
    shutil.copy(FIXTURE_MODEL, root / "models" / "sentiment.py")
    (root / "models" / "weak.py").write_text(WEAK_MODEL)
    (root / "evaluations").mkdir()
    (root / "evaluations" / "rows.jsonl").write_text("\n".join(json.dumps(r) for r in ROWS) + "\n")
    (root / "evaluations" / "sentiment.yaml").write_text(
        "name: sentiment\ntasks:\n  - name: sentiment\n    evaluator: accuracy\n"
        "    dataset: {path: rows.jsonl}\n    params: {mode: classify, positive_label: '1'}\n")
    (root / "policies").mkdir()
    (root / "policies" / "release.yaml").write_text(RELEASE)
    (root / "reports").mkdir()
    # the default NER setting, unlike _env()'s processes: in this process `guard evaluate` then shares the
    # redaction worker every other in-process evaluation of the test process uses (one per setting)
    done = CliRunner().invoke(app, ["evaluate", f"python:{root / 'models' / 'weak.py'}:predict", "--suite",
                                    str(root / "evaluations" / "sentiment.yaml"), "--out",
                                    str(root / "reports" / "production.json"), "--no-cache"])
    assert done.exit_code == 0, done.output
    return root


@pytest.fixture
def workspace(template: Path, tmp_path: Path) -> Path:
    """A fresh copy of the project for one run of the action (each run writes its results and registry)."""
    return Path(shutil.copytree(template, tmp_path / "project"))


def run_action(workspace: Path, inputs: dict[str, str]) -> tuple[int, dict[str, str], str]:
    """Run action.yml's composite steps; returns the exit code, the action's outputs and the step summary."""
    action = yaml.safe_load((REPO / "action.yml").read_text())
    values = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()} | inputs
    missing = [name for name, spec in action["inputs"].items() if spec.get("required") and name not in inputs]
    assert not missing, missing
    summary = workspace / "step_summary.md"
    step_outputs: dict[str, dict[str, str]] = {}

    def substitute(text: str) -> str:
        text = re.sub(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}", lambda m: values[m[1]], text)
        text = text.replace("${{ github.action_path }}", str(REPO))
        assert "${{" not in text, text  # every expression the steps use is one a runner fills in
        return text

    for index, step in enumerate(action["runs"]["steps"]):
        if "run" not in step:
            assert step["uses"].startswith("actions/setup-python"), step  # the runner's own action
            continue
        outputs = workspace / f"output_{index}"
        outputs.touch()
        env = _env() | {key: substitute(str(value)) for key, value in step.get("env", {}).items()}
        env |= {"GITHUB_OUTPUT": str(outputs), "GITHUB_STEP_SUMMARY": str(summary), "GITHUB_ACTION_PATH": str(REPO)}
        script = workspace / f"step_{index}.sh"
        script.write_text(substitute(step["run"]))
        done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)], cwd=workspace,
                              env=env, capture_output=True, text=True)
        step_outputs[step.get("id", str(index))] = dict(
            line.split("=", 1) for line in outputs.read_text().splitlines() if "=" in line)
        if done.returncode != 0:
            break
    result = {name: substitute_output(spec["value"], step_outputs) for name, spec in action["outputs"].items()}
    return done.returncode, result, summary.read_text() if summary.exists() else ""


def substitute_output(expression: str, step_outputs: dict[str, dict[str, str]]) -> str:
    step, name = re.fullmatch(r"\$\{\{\s*steps\.([\w-]+)\.outputs\.([\w-]+)\s*\}\}", expression).groups()
    return step_outputs.get(step, {}).get(name, "")


def test_failing_policy_and_refused_gate_fail_the_job_with_exit_1(workspace: Path) -> None:
    (workspace / "policies" / "strict.yaml").write_text(
        "name: strict\nrules:\n  - {id: accuracy, metric: sentiment.accuracy, min: 0.95}\n")
    url = f"sqlite:///{workspace / 'registry.db'}"
    code, outputs, summary = run_action(workspace, {
        "model": "python:models/sentiment.py:predict", "suite": "evaluations/sentiment.yaml",
        "policy": "policies/strict.yaml", "registry": url, "name": "sentiment", "gate-to": "production",
        "install": "false"})
    assert code == 1
    assert outputs["verdict"] == "fail" and outputs["exit-code"] == "1" and outputs["gate"] == "refused"
    assert "**FAIL**" in summary and "### guard gate sentiment@1 → production: refused" in summary


def test_bad_input_is_exit_2_with_the_error_in_the_summary(workspace: Path) -> None:
    code, outputs, summary = run_action(workspace, {
        "model": "python:models/sentiment.py:predict", "suite": "evaluations/sentment.yaml", "install": "auto"})
    assert code == 2 and outputs["verdict"] == "error" and outputs["report"] == ""
    assert "## guard: error" in summary and "sentment.yaml" in summary
    (workspace / "step_summary.md").unlink()
    code, outputs, summary = run_action(workspace, {  # a usage error, as the command line reports it
        "model": "python:models/sentiment.py:predict", "suite": "evaluations/sentiment.yaml", "args": "--bogus",
        "install": "false"})
    assert code == 2 and outputs["verdict"] == "error" and "No such option: --bogus" in summary


def test_gitlab_job_script(workspace: Path) -> None:
    job = yaml.safe_load((REPO / "examples" / "gitlab" / ".gitlab-ci.yml").read_text())["guard"]
    script = workspace / "gitlab.sh"
    script.write_text("\n".join(job["script"]) + "\n")  # GitLab runs the lines in one shell, stopping at an error
    done = subprocess.run(["bash", "-e", str(script)], cwd=workspace, env=_env() | {"PATH": _env()["PATH"]},
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (workspace / job["artifacts"]["reports"]["junit"]).is_file()
    assert "newly passing" in (workspace / "guard-results" / "compare.md").read_text()


def test_example_workflow_passes_and_its_results_never_pass_a_later_failing_run(workspace: Path) -> None:
    """The example workflow's inputs pass and compare with production; a later run in the same checkout that
    fails removes those results rather than leaving them to be checked (one passing run serves both)."""
    workflow = yaml.safe_load((REPO / "examples" / "github" / "guard.yml").read_text())
    inputs = next(s for s in workflow["jobs"]["release-gate"]["steps"] if s.get("id") == "guard")["with"]
    code, outputs, summary = run_action(workspace, inputs | {"install": "auto"})
    assert code == 0, summary
    assert outputs["verdict"] == "pass" and outputs["exit-code"] == "0"
    report = EvalReport.model_validate_json((workspace / outputs["report"]).read_text())
    assert report.metric("sentiment.accuracy").value == pytest.approx(0.8)
    assert (workspace / outputs["junit"]).read_text().startswith("<?xml")
    assert "guard: policy `release` — **PASS**" in summary  # the verdict's Markdown
    assert "## guard compare: `guard-results/report.json` vs `reports/production.json`" in summary
    assert "| `sentiment.accuracy` | overall | 0.8 [0.584, 0.9193] n=20 | 0.5 [0.2993, 0.7007] n=20 | +0.3 ▲ better" \
        in summary
    assert outputs["compare"] == "guard-results/compare.md"
    assert (workspace / "guard-results" / "report.json").is_file()  # a passing run's files stay

    # the checkout shadows modules the step imports: with python -I they are not on sys.path
    (workspace / "typer.py").write_text("raise SystemExit('the checkout shadowed typer')\n")
    (workspace / "step_summary.md").unlink()
    code, outputs, summary = run_action(workspace, inputs | {"model": "python:models/gone.py:predict",
                                                             "install": "false"})
    assert code == 2, summary
    assert outputs["verdict"] == "error" and outputs["report"] == "" and outputs["exit-code"] == "2"
    assert not (workspace / "guard-results" / "report.json").exists()  # the old report was removed, not checked
    assert "gone.py" in summary and "shadowed" not in summary and "**PASS**" not in summary


def test_unbalanced_quotes_in_args_are_one_error_line(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from guard.ci.github import run

    code = run({"INPUT_MODEL": "python:models/sentiment.py:predict", "INPUT_SUITE": "evaluations/sentiment.yaml",
                "INPUT_ARGS": "--limit 'ten", "INPUT_OUTPUT_DIR": str(workspace / "out")})
    assert code == 2
    assert capsys.readouterr().out == "::error::guard action: args: No closing quotation\n"
    assert not (workspace / "out").exists()  # nothing written
