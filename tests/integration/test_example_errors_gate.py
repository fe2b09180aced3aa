"""Per-example model errors end to end through the CLI on a real SQLite registry: the run is scored
on the other rows, and the gate lists unallowed errors among the reasons a release is inconclusive."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from guard.cli import app

runner = CliRunner()
MODEL = '''
def predict(batch):
    for text in batch:
        if "boom" in text:
            raise ValueError("cannot read a row from maria@example.org")
    return ["pos" if "good" in t else "neg" for t in batch]
predict.capabilities = ["classify"]
'''
POLICY = "name: release\nrules:\n  - id: accuracy\n    metric: t.accuracy\n    min: 0.5\n"
ALLOW = "  - id: errors\n    metric: t.error_rate\n    max: {max}\n"


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GUARD_REGISTRY", f"sqlite:///{tmp_path / 'registry.db'}")
    monkeypatch.setenv("GUARD_ACTOR", "ci-bot")
    rows = [{"text": f"a {'good' if i % 2 else 'bad'} thing {i}" + (" boom" if i in (3, 30) else ""),
             "label": "pos" if i % 2 else "neg"} for i in range(40)]
    (tmp_path / "rows.jsonl").write_text("\n".join(json.dumps(r) for r in rows))
    suite = "name: s\ntasks:\n  - name: t\n    evaluator: accuracy\n    dataset: {path: rows.jsonl}\n"
    (tmp_path / "suite.yaml").write_text(suite)
    (tmp_path / "m.py").write_text(MODEL)
    return tmp_path


def _run(env: Path, policy: str, name: str) -> tuple[int, int, str, str]:
    path = env / f"{name}.yaml"
    path.write_text(policy)
    report = env / f"{name}.json"
    evaluated = runner.invoke(app, ["evaluate", f"python:{env / 'm.py'}:predict", "--suite", str(env / "suite.yaml"),
                                    "--policy", str(path), "--name", name, "--out", str(report)])
    gated = runner.invoke(app, ["gate", f"{name}@1", "--policy", str(path), "--to", "production"])
    return evaluated.exit_code, gated.exit_code, evaluated.output + gated.output, report.read_text()


def test_errors_no_rule_allows_make_the_run_and_the_gate_inconclusive(env: Path) -> None:
    evaluated, gated, output, report = _run(env, POLICY, "strict")
    assert (evaluated, gated) == (2, 2), output
    assert "2 of 40 examples failed" in output and "add a rule on t.error_rate" in output
    assert "maria@example.org" not in report and '"example_error"' in report


def test_a_rule_on_error_rate_lets_the_gate_judge(env: Path) -> None:
    evaluated, gated, output, _ = _run(env, POLICY + ALLOW.format(max=0.1), "lenient")
    assert (evaluated, gated) == (0, 0), output
    evaluated, gated, output, _ = _run(env, POLICY + ALLOW.format(max=0.01), "tight")
    assert (evaluated, gated) == (1, 1), output
