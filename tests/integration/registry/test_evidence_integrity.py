"""Each way to push a failing model through the gate (issue "Evidence integrity"), on SQLite and PostgreSQL.

A keyword model that is right on the first 20 rows and wrong on most of the rest: the suite's full
data fails a 0.8 accuracy rule; a cherry-picked run (``--data`` easy rows, ``--limit 20``) passes. Every
attack below is refused by the gate or caught by ``guard audit verify`` (exit 1, naming the row).
"""

from __future__ import annotations

import hashlib
import json
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from guard.cli import app
from guard.policy import load_policy
from guard.registry import open_registry
from guard.release import gate
from tests.helpers.evaluated_registry import CliRunner
from tests.helpers.registry_fixtures import registry_copy, registry_template

runner = CliRunner()
MODEL = """
def predict(batch):
    return [{"label": "pos" if "good" in t else "neg", "scores": {"pos": 0.9 if "good" in t else 0.1,
             "neg": 0.1 if "good" in t else 0.9}} for t in batch]
predict.capabilities = ["classify"]
"""
POLICY = """name: release
rules:
  - id: accuracy
    metric: t.accuracy
    min: 0.8
"""


def _rows(n_easy: int, n_hard: int) -> list[dict]:
    easy = [{"text": f"a good thing {i}" if i % 2 else f"a bad thing {i}", "label": "pos" if i % 2 else "neg"}
            for i in range(n_easy)]
    hard = [{"text": f"not good at all {i}", "label": "neg"} for i in range(n_hard)]  # the keyword model errs
    return easy + hard


def _write(path: Path, rows: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    return path


def _write_env(root: Path) -> None:
    """The suite, data, model and policy every test starts from (``root`` emptied first)."""
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir()
    _write(root / "rows.jsonl", _rows(20, 30))
    _write(root / "easy.jsonl", _rows(40, 0))
    (root / "suite.yaml").write_text("name: s\ntasks:\n  - name: t\n    evaluator: accuracy\n"
                                     "    dataset: {path: rows.jsonl}\n")
    (root / "model.py").write_text(MODEL)
    (root / "policy.yaml").write_text(POLICY)


OK_POLICY = POLICY.replace("0.8", "0.1")  # ok.yaml: the same rule with a bar the suite's data clears
STATES = {  # a test that asks for the fixture starts from a registry holding this one `guard evaluate` run
    "failed_once": ("policy.yaml", 1),  # the suite's own data fails the 0.8 rule
    "passed_once": ("ok.yaml", 0),
}


@pytest.fixture(scope="module")
def env_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where every test of this module (in this process) finds its files: one path, rewritten before each
    test, so that a registry recorded once (the model's spec names this path) serves every test."""
    return tmp_path_factory.mktemp("evidence") / "env"


@pytest.fixture
def registry_url(backend: str, env_dir: Path, request: pytest.FixtureRequest) -> str:
    """This test's own registry, copied from one built once per process: empty and at head, or holding the
    run of :data:`STATES` that the test asks for. These tests are about the gate and the audit chain,
    not about the migration the first ``guard evaluate --registry`` runs (test_migrations.py)."""
    state = next((name for name in STATES if name in request.fixturenames), None)

    def record(url: str) -> None:
        policy, expected = STATES[state]
        _write_env(env_dir)
        (env_dir / "ok.yaml").write_text(OK_POLICY)
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("GUARD_REGISTRY", url)
            patch.setenv("GUARD_ACTOR", "mallory")
            assert _evaluate(env_dir, policy=policy) == expected

    if state is None:
        return registry_copy(registry_template(backend, request), request)
    return registry_copy(registry_template(backend, request, f"evidence-{env_dir.parent.name}-{state}", record),
                         request)


@pytest.fixture
def env(env_dir: Path, registry_url: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GUARD_REGISTRY", registry_url)
    monkeypatch.setenv("GUARD_ACTOR", "mallory")
    _write_env(env_dir)
    return env_dir


@pytest.fixture
def failed_once(env: Path) -> Path:
    """``env`` whose registry holds m@1 and its run of the suite's own data under policy.yaml (it failed)."""
    return env


@pytest.fixture
def passed_once(env: Path) -> Path:
    """``env`` with ok.yaml, whose registry holds m@1 and its run under ok.yaml (it passed)."""
    (env / "ok.yaml").write_text(OK_POLICY)
    return env


def _evaluate(env: Path, *extra: str, policy: str = "policy.yaml") -> int:
    result = runner.invoke(app, ["evaluate", f"python:{env / 'model.py'}:predict", "--suite", str(env / "suite.yaml"),
                                 "--policy", str(env / policy), "--name", "m", *extra])
    assert result.exit_code in (0, 1, 2) and "Traceback" not in result.output, result.output
    return result.exit_code


def _gate(env: Path, policy: str = "policy.yaml", to: str = "production"):
    return runner.invoke(app, ["gate", "m@1", "--policy", str(env / policy), "--to", to])


def _sql(url: str, statement: str, **params: object) -> None:
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        with engine.begin() as conn:
            conn.execute(text(statement), params)
    finally:
        engine.dispose()


def _verify() -> tuple[int, str]:
    result = runner.invoke(app, ["audit", "verify"])
    return result.exit_code, result.output


def test_cherry_picked_data_is_refused(failed_once: Path) -> None:
    env = failed_once  # the suite's own data failed
    assert _evaluate(env, "--data", f"t={env / 'easy.jsonl'}") == 0  # easy rows pass
    refused = _gate(env)
    assert refused.exit_code == 1, refused.output
    assert "--data t=" in refused.output and "not release evidence" in refused.output


def test_limit_to_the_first_easy_rows_is_refused(env: Path) -> None:
    assert _evaluate(env, "--limit", "20") == 0
    refused = _gate(env)
    assert refused.exit_code == 1 and "--limit 20" in refused.output, refused.output


def test_another_seed_is_refused_unless_pinned(env: Path) -> None:
    assert _evaluate(env, "--data", f"t={env / 'easy.jsonl'}", "--seed", "7") == 0
    assert "--seed 7" in _gate(env).output


def test_pins_accept_the_pinned_file_and_refuse_too_few_rows(env: Path) -> None:
    digest = "sha256:" + hashlib.sha256((env / "easy.jsonl").read_bytes()).hexdigest()
    (env / "pinned.yaml").write_text(POLICY + f"evidence:\n  tasks:\n    t: {{dataset: '{digest}', min_n: 30}}\n")
    assert _evaluate(env, "--data", f"t={env / 'easy.jsonl'}", "--limit", "25",
                     policy="pinned.yaml") == 2  # inconclusive
    refused = _gate(env, "pinned.yaml")
    assert refused.exit_code == 1 and "used 25 rows; the policy pins at least 30" in refused.output, refused.output
    assert _evaluate(env, "--data", f"t={env / 'easy.jsonl'}", policy="pinned.yaml") == 0
    moved = _gate(env, "pinned.yaml")
    assert moved.exit_code == 0 and "MOVED" in moved.output, moved.output
    assert _evaluate(env, policy="pinned.yaml") == 1  # fails on the suite's own file (which is not the pinned one)
    assert "the policy pins sha256:" in _gate(env, "pinned.yaml").output


def test_edited_report_is_refused_and_named_by_verify(failed_once: Path, registry_url: str) -> None:
    env = failed_once
    with open_registry(registry_url) as store:
        run = store.latest_run("m", 1)
    report = dict(run.report)
    report["results"][0]["metrics"]["accuracy"] = {**report["results"][0]["metrics"]["accuracy"], "value": 0.95,
                                                   "ci_low": 0.9, "ci_high": 0.99}
    _sql(registry_url, "UPDATE runs SET report = :r, verdict = 'pass' WHERE id = :id", r=json.dumps(report), id=run.id)
    refused = _gate(env)
    assert refused.exit_code == 1 and f"table 'runs' row {run.id}" in refused.output, refused.output
    code, output = _verify()
    assert code == 1 and f"table 'runs' row {run.id} does not match audit event" in output


def test_inserted_waiver_is_refused_and_named_by_verify(failed_once: Path, registry_url: str) -> None:
    env = failed_once
    later = (datetime.now(timezone.utc) + timedelta(days=30)).strftime("%Y-%m-%d %H:%M:%S")
    _sql(registry_url, "INSERT INTO waivers (model_id, version, rule_ids, policy_name, approver, reason, created_at, "
                       "expires_at) VALUES (1, 1, '[\"accuracy\"]', 'release', 'nobody', 'sneaky', :now, :later)",
         now=later, later=later)
    refused = _gate(env)
    assert refused.exit_code == 1 and "table 'waivers' row 1 is not bound" in refused.output, refused.output
    code, output = _verify()
    assert code == 1 and "table 'waivers' row 1 is not bound" in output


def test_inserted_alias_is_named_by_verify_and_not_a_baseline(failed_once: Path, registry_url: str) -> None:
    env = failed_once
    _sql(registry_url, "INSERT INTO aliases (model_id, alias, version) VALUES (1, 'production', 1)")
    code, output = _verify()
    assert code == 1 and "table 'aliases' row m@production is not bound" in output
    (env / "relative.yaml").write_text("name: rel\nrules:\n  - id: no-worse\n    metric: t.accuracy\n"
                                       "    relative: {baseline: production, max_drop: 0.5}\n")
    assert _evaluate(env, policy="relative.yaml") == 0  # judged against the forged baseline at evaluate time
    refused = _gate(env, "relative.yaml", to="staging")
    assert refused.exit_code == 1 and "table 'aliases' row m@production" in refused.output, refused.output


def test_rolled_back_alias_is_refused(passed_once: Path, registry_url: str) -> None:
    env = passed_once
    assert _gate(env, "ok.yaml").exit_code == 0
    with open_registry(registry_url) as store:
        store.register_version("m", "hf:other", "sha256:" + "e" * 64, actor="a")
        first_seq = store.get_version("m", 1).audit_seq
    _sql(registry_url, "UPDATE aliases SET version = 2 WHERE alias = 'production'")
    code, output = _verify()
    assert code == 1 and "table 'aliases' row m@production does not match" in output
    _sql(registry_url, "UPDATE aliases SET version = 1, audit_seq = :seq WHERE alias = 'production'", seq=first_seq)
    with open_registry(registry_url) as store:
        problems = store.binding_problems([("aliases", "m@production")])
    assert problems and "production" in problems[0]


def test_a_changed_model_file_is_refused(passed_once: Path) -> None:
    env = passed_once
    (env / "model.py").write_text(MODEL + "\n# retrained\n")
    refused = _gate(env, "ok.yaml")
    assert refused.exit_code == 1 and "changed after registration" in refused.output


def test_relative_rules_refuse_apples_to_oranges(passed_once: Path) -> None:
    env = passed_once
    assert _gate(env, "ok.yaml").exit_code == 0
    # v2 is the same model with a changed suite (other data): its numbers do not compare with v1's
    (env / "model.py").write_text(MODEL + "\n# v2\n")
    _write(env / "rows.jsonl", _rows(40, 0))
    (env / "rel.yaml").write_text("name: rel\nrules:\n  - id: no-worse\n    metric: t.accuracy\n"
                                  "    relative: {baseline: production, max_drop: 0.01}\n")
    assert _evaluate(env, policy="rel.yaml") == 2
    result = runner.invoke(app, ["gate", "m@2", "--policy", str(env / "rel.yaml"), "--to", "production"])
    assert result.exit_code == 2 and "apples-to-oranges" in result.output, result.output


def test_approvals_rule_needs_distinct_unexpired_signoff(env: Path, registry_url: str) -> None:
    (env / "signed.yaml").write_text(POLICY.replace("0.8", "0.1") + "approvals: {min: 2}\n")
    assert _evaluate(env, policy="signed.yaml") == 0
    assert "requires 2 distinct unexpired approvals" in _gate(env, "signed.yaml").output
    for actor in ("ana", "ana"):
        assert runner.invoke(app, ["approve", "m@1", "--reason", "ok", "--actor", actor]).exit_code == 0
    refused = _gate(env, "signed.yaml")
    assert refused.exit_code == 1 and "it has 1 (ana)" in refused.output
    past = runner.invoke(app, ["approve", "m@1", "--reason", "ok", "--actor", "bo", "--expires", "2020-01-01"])
    assert past.exit_code == 2 and "not in the future" in past.output
    assert runner.invoke(app, ["approve", "m@1", "--reason", "ok", "--actor", "bo", "--expires", "2d"]).exit_code == 0
    assert _gate(env, "signed.yaml").exit_code == 0
    with open_registry(registry_url) as store:
        decision = gate(store, "m@1", load_policy(env / "signed.yaml"), "staging",
                        now=datetime.now(timezone.utc) + timedelta(days=3), verify_fingerprint=False)
    assert decision.outcome == "refused" and "it has 1 (ana)" in decision.reasons[0]


def test_every_refusal_is_an_audit_event_including_a_lost_race(passed_once: Path, registry_url: str) -> None:
    env = passed_once

    class StaleReads:
        """The store as a racing second gate sees it: the alias read before the winner moved it."""

        def __init__(self, inner):
            self._inner = inner

        def __getattr__(self, name):
            return getattr(self._inner, name)

        def alias_target(self, name, alias):
            return None

    with open_registry(registry_url) as store:
        assert gate(store, "m@1", load_policy(env / "ok.yaml"), "production").outcome == "moved"
        lost = gate(StaleReads(store), "m@1", load_policy(env / "ok.yaml"), "production")
        assert lost.outcome == "refused" and "lost a race" in lost.reasons[0]
        last = store.audit_events()[-1]
        assert last.action == "gate.refused" and "lost a race" in last.payload["reasons"][0]
        assert store.verify_audit().ok


def test_report_values_outside_their_range_are_an_error(env: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    runner.invoke(app, ["evaluate", f"python:{env / 'model.py'}:predict", "--suite", str(env / "suite.yaml"),
                        "--out", str(out)])
    report = json.loads(out.read_text())
    report["results"][0]["metrics"]["accuracy"].update(value=2.0, ci_high=2.0)
    out.write_text(json.dumps(report))
    result = runner.invoke(app, ["check", str(out), "--policy", str(env / "policy.yaml")])
    assert result.exit_code == 2 and "outside its declared range [0, 1]" in result.output


def test_read_only_verbs_never_create_a_registry(tmp_path: Path) -> None:
    missing = tmp_path / "typo.db"
    for args in (["audit", "verify"], ["audit", "head"], ["history", "m"], ["audit", "log"]):
        result = runner.invoke(app, [*args, "--registry", f"sqlite:///{missing}"])
        assert result.exit_code == 2 and "does not exist" in result.output, (args, result.output)
    assert not missing.exists()


def test_audit_head_and_expect_head(failed_once: Path) -> None:
    head = runner.invoke(app, ["audit", "head"]).output.strip()
    assert runner.invoke(app, ["audit", "verify", "--expect-head", head]).exit_code == 0
    seq, digest = head.split(":")
    wrong = runner.invoke(app, ["audit", "verify", "--expect-head", f"{seq}:{'0' * 64}"])
    assert wrong.exit_code == 1 and "rewritten" in wrong.output
    ahead = runner.invoke(app, ["audit", "verify", "--expect-head", f"{int(seq) + 5}:{digest}"])
    assert ahead.exit_code == 1 and "truncated" in ahead.output
    bad = runner.invoke(app, ["audit", "verify", "--expect-head", "nonsense"])
    assert bad.exit_code == 2 and "SEQ:HASH" in bad.output


def test_keyed_chain_detects_a_rewrite_without_the_key(env: Path, registry_url: str,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GUARD_AUDIT_KEY", "s3cret-key-for-tests")
    assert _evaluate(env) == 1
    code, output = _verify()
    assert code == 0 and "events keyed" in output
    _sql(registry_url, "UPDATE audit_events SET hmac = NULL")  # what a rewrite without the key leaves
    code, output = _verify()
    assert code == 1 and "HMAC" in output
    monkeypatch.delenv("GUARD_AUDIT_KEY")
    assert _verify()[0] == 0  # without the key, only the chain is checked
