"""The release gate end to end through the CLI on a real SQLite registry."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from guard.cli import app

runner = CliRunner()
MODEL_SOURCE = """
def predict(batch):
    return [{{"label": "pos" if "good" in t else "neg", "scores": {{"pos": {p}, "neg": {q}}}}} for t in batch]
predict.capabilities = ["classify"]
"""
POLICY = """name: release
rules:
  - id: accuracy
    metric: t.accuracy
    min: {min}
  - id: no-worse
    metric: t.accuracy
    relative: {{baseline: production, max_drop: 0.05}}
"""


@pytest.fixture
def env(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("GUARD_REGISTRY", f"sqlite:///{tmp_path / 'registry.db'}")
    monkeypatch.setenv("GUARD_ACTOR", "ci-bot")
    rows = [{"text": f"a {'good' if i % 2 else 'bad'} thing {i}", "label": "pos" if i % 2 else "neg"}
            for i in range(40)]
    (tmp_path / "rows.jsonl").write_text("\n".join(json.dumps(r) for r in rows))
    (tmp_path / "suite.yaml").write_text(
        "name: s\ntasks:\n  - name: t\n    evaluator: accuracy\n    dataset: {path: rows.jsonl}\n")
    return tmp_path


def _model(env: Path, name: str = "m.py", p: float = 0.9) -> Path:
    path = env / name
    path.write_text(MODEL_SOURCE.format(p=p, q=round(1 - p, 3)))
    return path


def _policy(env: Path, minimum: float = 0.5, relative: bool = False) -> Path:
    text = POLICY.format(min=minimum)
    if not relative:
        text = text.split("  - id: no-worse")[0]
    path = env / "policy.yaml"
    path.write_text(text)
    return path


def _evaluate(env: Path, model: Path, policy: Path, name: str = "sent", extra: list[str] | None = None):
    return runner.invoke(app, ["evaluate", f"python:{model}:predict", "--suite", str(env / "suite.yaml"),
                               "--policy", str(policy), "--name", name, *(extra or [])])


def test_gate_moves_alias_only_on_a_passing_run_and_records_history(env: Path) -> None:
    model, policy = _model(env), _policy(env)
    assert _evaluate(env, model, policy).exit_code == 0
    result = runner.invoke(app,
                           ["gate", "sent@1", "--policy", str(policy), "--to", "production", "--reason",
                            "first release"])
    assert result.exit_code == 0, result.output
    assert "MOVED: production -> sent@1" in result.output
    history = runner.invoke(app, ["history", "sent"])
    assert history.exit_code == 0 and "production" in history.output and "first release" in history.output
    audit = runner.invoke(app, ["audit", "verify"])
    assert audit.exit_code == 0 and "intact" in audit.output


def test_gate_refuses_a_failing_run_and_a_waiver_lets_it_through(env: Path) -> None:
    model, policy = _model(env), _policy(env, minimum=0.99)
    (env / "rows.jsonl").write_text(
        (env / "rows.jsonl").read_text() + "\n" + json.dumps({"text": "good but wrong", "label": "neg"}))
    assert _evaluate(env, model, policy).exit_code == 1
    refused = runner.invoke(app, ["gate", "sent@1", "--policy", str(policy), "--to", "production"])
    assert refused.exit_code == 1 and "accuracy" in refused.output and "REFUSED" in refused.output
    waived = runner.invoke(app, ["waive", "sent@1", "--rule", "accuracy", "--policy", str(policy),
                                 "--reason", "known label noise", "--expires", "7d"])
    assert waived.exit_code == 0, waived.output
    moved = runner.invoke(app, ["gate", "sent@1", "--policy", str(policy), "--to", "production"])
    assert moved.exit_code == 0 and "waived: accuracy" in moved.output


def test_gate_refuses_when_files_changed_after_evaluation(env: Path) -> None:
    model, policy = _model(env), _policy(env)
    assert _evaluate(env, model, policy).exit_code == 0
    model.write_text(model.read_text() + "\n# retrained\n")
    result = runner.invoke(app, ["gate", "sent@1", "--policy", str(policy), "--to", "production"])
    assert result.exit_code == 1 and "changed after registration" in result.output


def test_gate_refuses_a_run_under_an_older_policy_file(env: Path) -> None:
    model, policy = _model(env), _policy(env, minimum=0.5)
    assert _evaluate(env, model, policy).exit_code == 0
    _policy(env, minimum=0.6)  # the policy file changes after the run
    result = runner.invoke(app, ["gate", "sent@1", "--policy", str(policy), "--to", "production"])
    assert result.exit_code == 1 and "not this policy file" in result.output


def test_relative_rule_without_baseline_is_inconclusive_then_judged_against_production(env: Path) -> None:
    policy = _policy(env, relative=True)
    first = _model(env, "v1.py", p=0.9)
    assert _evaluate(env, first, policy).exit_code == 2  # no baseline yet: inconclusive
    result = runner.invoke(app, ["gate", "sent@1", "--policy", str(policy), "--to", "production"])
    assert result.exit_code == 2 and "points nowhere" in result.output
    # bootstrap production with a policy without relative rules (a recorded, deliberate first release)
    plain = env / "plain.yaml"
    plain.write_text(POLICY.format(min=0.5).split("  - id: no-worse")[0])
    assert _evaluate(env, first, plain).exit_code == 0
    assert runner.invoke(app, ["gate", "sent@1", "--policy", str(plain), "--to", "production"]).exit_code == 0
    # a worse candidate is refused by the relative rule against the version at production
    worse = _model(env, "v2.py")
    worse.write_text(MODEL_SOURCE.format(p=0.9, q=0.1).replace('"good" in t', '"good" in t and "1" not in t'))
    assert _evaluate(env, worse, policy).exit_code == 1  # evaluate judges relative rules against production too
    refused = runner.invoke(app, ["gate", "sent@2", "--policy", str(policy), "--to", "production"])
    assert refused.exit_code == 1 and "no-worse" in refused.output and "worse than production" in refused.output


def test_the_baseline_is_the_production_versions_run_of_the_candidates_suite(env: Path) -> None:
    """A version is evaluated on several suites (the demo: release, then risks); a newer run of another
    suite must not become the baseline the candidate's relative rules compare with."""
    plain = env / "plain.yaml"
    plain.write_text(POLICY.format(min=0.5).split("  - id: no-worse")[0])
    first = _model(env, "v1.py", p=0.9)
    assert _evaluate(env, first, plain).exit_code == 0
    assert runner.invoke(app, ["gate", "sent@1", "--policy", str(plain), "--to", "production"]).exit_code == 0
    # production's newest run is now of another suite (other task name, other data)
    (env / "other.yaml").write_text(
        "name: other\ntasks:\n  - name: u\n    evaluator: accuracy\n    dataset: {path: rows.jsonl}\n")
    (env / "other-policy.yaml").write_text("name: other\nrules:\n  - id: a\n    metric: u.accuracy\n    min: 0.5\n")
    other = runner.invoke(app, ["evaluate", f"python:{first}:predict", "--suite", str(env / "other.yaml"),
                                "--policy", str(env / "other-policy.yaml"), "--name", "sent"])
    assert other.exit_code == 0, other.output
    worse = _model(env, "v2.py")
    worse.write_text(MODEL_SOURCE.format(p=0.9, q=0.1).replace('"good" in t', '"good" in t and "1" not in t'))
    policy = _policy(env, relative=True)
    assert _evaluate(env, worse, policy).exit_code == 1  # judged against production's run of suite s
    refused = runner.invoke(app, ["gate", "sent@2", "--policy", str(policy), "--to", "production"])
    assert refused.exit_code == 1 and "worse than production" in refused.output, refused.output
    assert "has no task" not in refused.output


def test_run_left_running_is_never_accepted(env: Path) -> None:
    from guard.registry import open_registry
    from guard.release import register

    model, policy = _model(env), _policy(env)
    from guard.policy import load_policy

    loaded = load_policy(policy)
    store = open_registry(None)
    version = register(store, "sent", f"python:{model}:predict")
    store.start_run("sent", version.version, suite_name="s", suite_sha256="x", fingerprint=version.fingerprint,
                    actor="killed", policy_name=loaded.name, policy_sha256=loaded.sha256)
    result = runner.invoke(app, ["gate", "sent@1", "--policy", str(policy), "--to", "production"])
    assert result.exit_code == 1 and "no complete evaluation run" in result.output


GATE_BAD_INPUT = [
    (["gate", "sent", "--policy", "P", "--to", "production"], "is not NAME@VERSION"),
    (["gate", "nosuch@1", "--policy", "P", "--to", "production"], "unknown model"),
    (["gate", "sent@9", "--policy", "P", "--to", "production"], "unknown version sent@9"),
    (["gate", "sent@1", "--policy", "P", "--to", "Prod!"], "alias"),
]


def test_gate_bad_input_is_one_line_exit_2(env: Path) -> None:
    """Every case against the same evaluated sent@1 (one evaluation, not one per case); a refused gate
    changes nothing, which the audit head before and after each case shows."""
    from guard.registry import open_registry

    model, policy = _model(env), _policy(env)
    assert _evaluate(env, model, policy).exit_code == 0
    for case, expected in GATE_BAD_INPUT:
        with open_registry(None) as store:
            head = store.audit_head()
        args = [str(policy) if a == "P" else a for a in case]
        result = runner.invoke(app, args)
        assert result.exit_code == 2, (case, result.output)
        assert expected in result.output and "Traceback" not in result.output, (case, result.output)
        with open_registry(None) as store:
            assert store.audit_head() == head, (case, "the refused gate changed the registry")


def test_unreachable_registry_is_exit_2_and_nothing_written(env: Path, tmp_path: Path) -> None:
    model = _model(env)
    out = tmp_path / "never.json"
    result = runner.invoke(app, ["evaluate", f"python:{model}:predict", "--suite", str(env / "suite.yaml"),
                                 "--registry", "postgresql+psycopg://guard:secret-pw@127.0.0.1:1/guard",
                                 "--name", "sent", "--out", str(out)])
    assert result.exit_code == 2 and "secret-pw" not in result.output
    assert not out.exists()


def test_evaluate_killed_mid_run_leaves_it_running_and_the_gate_refuses(env: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    from guard.registry import open_registry

    slow = env / "slow.py"
    slow.write_text(
        "import time\n"
        "def predict(batch):\n"
        "    time.sleep(120)\n"
        "    return ['pos' for _ in batch]\n"
        "predict.capabilities = ['classify']\n"
    )
    policy = _policy(env)
    # --store-raw-evidence: no evidence-redaction worker is started, which after the SIGKILL would go on
    # loading Presidio on its own (seconds of CPU) only to find its parent gone; the run's status is the same
    proc = subprocess.Popen(
        [sys.executable, "-m", "guard.cli", "evaluate", f"python:{slow}:predict", "--suite", str(env / "suite.yaml"),
         "--policy", str(policy), "--name", "sent", "--store-raw-evidence"],
        env=os.environ.copy(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    store = open_registry(None)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        runs = store.list_runs("sent") if store.list_models() else []
        if runs:
            break
        time.sleep(0.05)
    assert runs and runs[0].status == "running"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert store.get_run(runs[0].id).status == "running"  # never complete, never passing
    result = runner.invoke(app, ["gate", "sent@1", "--policy", str(policy), "--to", "production"])
    assert result.exit_code == 1 and "no complete evaluation run" in result.output


def test_audit_verify_cli_names_the_first_tampered_event(env: Path) -> None:
    import sqlite3

    model, policy = _model(env), _policy(env)
    assert _evaluate(env, model, policy).exit_code == 0
    assert runner.invoke(app, ["gate", "sent@1", "--policy", str(policy), "--to", "production"]).exit_code == 0
    assert runner.invoke(app, ["audit", "verify"]).exit_code == 0
    db = sqlite3.connect(env / "registry.db")
    table = next(name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")
                 if "audit" in name and "head" not in name)
    db.execute(f"UPDATE {table} SET actor = 'mallory' WHERE seq = 2")
    db.commit()
    db.close()
    result = runner.invoke(app, ["audit", "verify"])
    assert result.exit_code == 1
    assert "event 2" in result.output


def test_waiver_expiry_must_be_near_and_sane(env: Path) -> None:
    model, policy = _model(env), _policy(env, minimum=0.99)
    _evaluate(env, model, policy)
    for expires, message in (("99999999d", "too far in the future"), ("9999-12-31", "more than 366 days away")):
        result = runner.invoke(app, ["waive", "sent@1", "--rule", "accuracy", "--policy", str(policy),
                                     "--reason", "r", "--expires", expires])
        assert result.exit_code == 2 and message in result.output and "internal error" not in result.output
