"""``guard policy impact`` on a registry filled by real ``guard evaluate`` / ``guard gate`` runs.

Each expectation is recomputed in the test from the stored metric and the new policy's threshold.
"""

from __future__ import annotations

import gc
import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from guard.cli import app
from guard.impact import policy_impact
from guard.policy import load_policy
from guard.registry import open_registry
from tests.helpers.evaluated_registry import CliRunner

runner = CliRunner()
MODEL = """
def predict(batch):
    out = []
    for t in batch:
        pos = "good" in t
        if t.split()[-1] in {wrong!r}:
            pos = not pos
        p = 0.8 if pos else 0.2
        out.append({{"label": "pos" if pos else "neg", "scores": {{"pos": p, "neg": round(1 - p, 3)}}}})
    return out
predict.capabilities = ["classify"]
"""


def _policy(root: Path, name: str, minimum: float, extra: str = "") -> Path:
    path = root / f"{name}.yaml"
    path.write_text(f"name: {name}\nrules:\n  - id: accuracy\n    metric: t.accuracy\n    min: {minimum}\n{extra}")
    return path


def _invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def _fill(root: Path) -> None:
    """sent@1 (accuracy 0.9) passes 'old' (min 0.85) and is at production; sent@2 (0.725) fails it."""
    rows = [{"text": f"a {'good' if i % 2 else 'bad'} thing {i}", "label": "pos" if i % 2 else "neg"}
            for i in range(40)]
    (root / "rows.jsonl").write_text("\n".join(json.dumps(r) for r in rows))
    (root / "suite.yaml").write_text(
        "name: s\ntasks:\n  - name: t\n    evaluator: accuracy\n    dataset: {path: rows.jsonl}\n")
    old = _policy(root, "old", 0.85)
    for file, wrong in (("v1.py", ["3", "13", "23", "33"]), ("v2.py", [str(i) for i in range(11)])):
        (root / file).write_text(MODEL.format(wrong=wrong))
        code, output = _invoke("evaluate", f"python:{root / file}:predict", "--suite", str(root / "suite.yaml"),
                               "--policy", str(old), "--name", "sent")
        assert code in (0, 1), output
    assert _invoke("gate", "sent@1", "--policy", str(old), "--to", "production")[0] == 0


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The registry and its files filled once per module (in this process), at ``work``, and a copy of them.

    Every test gets ``work`` back as it was filled (:func:`filled`): the registry names the model files by
    their path, so the copy is restored to that same path rather than to the test's ``tmp_path``.
    """
    base = tmp_path_factory.mktemp("impact")
    work, copy = base / "filled", base / "pristine"
    work.mkdir()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GUARD_REGISTRY", f"sqlite:///{work / 'registry.db'}")
        patch.setenv("GUARD_ACTOR", "ci-bot")
        _fill(work)
    # The CLI verbs leave their registry engines to the garbage collector: close them now, so the last one
    # checkpoints the WAL into registry.db and the copy is one settled file (a checkpoint that happened
    # later, inside a test, would change registry.db's bytes although that test wrote nothing).
    gc.collect()
    assert not (work / "registry.db-wal").exists()
    shutil.copytree(work, copy)
    return work, copy


@pytest.fixture
def filled(pristine: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    """The filled registry (see :func:`_fill`), as it was right after filling: this test's changes are its own."""
    work, copy = pristine
    shutil.rmtree(work)
    shutil.copytree(copy, work)
    monkeypatch.setenv("GUARD_REGISTRY", f"sqlite:///{work / 'registry.db'}")
    monkeypatch.setenv("GUARD_ACTOR", "ci-bot")
    return work


def _stored_accuracy(url: str) -> dict[int, float]:
    with open_registry(url, create=False) as store:
        return {v.version: store.latest_run("sent", v.version).report["results"][0]["metrics"]["accuracy"]["value"]
                for v in store.list_versions("sent")}


def test_impact_equals_a_hand_judgement_of_the_stored_metrics(filled: Path) -> None:
    url = f"sqlite:///{filled / 'registry.db'}"
    accuracy = _stored_accuracy(url)
    assert accuracy == {1: 0.9, 2: 0.725}
    for minimum in (0.7, 0.8, 0.95):
        policy = load_policy(_policy(filled, f"new{int(minimum * 100)}", minimum))
        with open_registry(url, create=False) as store:
            impact = policy_impact(store, policy, all_versions=True)
        by_hand = {v: "pass" if value >= minimum else "fail" for v, value in accuracy.items()}
        assert {r.version: r.after for r in impact.rows} == by_hand
        before = {1: "pass", 2: "fail"}  # what 'old' (min 0.85) said when each was evaluated
        assert {r.version: r.before for r in impact.rows} == before
        expected_change = {v: ("still complies" if before[v] == "pass" else "starts complying") if by_hand[v] == "pass"
                           else ("stops complying" if before[v] == "pass" else "still fails") for v in by_hand}
        assert {r.version: r.change for r in impact.rows} == expected_change
        assert impact.exit_code == (1 if by_hand[1] == "fail" else 0)  # only sent@1 is aliased


def test_cli_exit_codes_and_scope(filled: Path) -> None:
    code, output = _invoke("policy", "impact", str(_policy(filled, "strict", 0.95)))
    assert code == 1 and "sent@1" in output and "stops complying" in output and "sent@2" not in output
    code, output = _invoke("policy", "impact", str(_policy(filled, "lenient", 0.7)), "--all")
    assert code == 0 and "starts complying" in output and "1 still complies" in output
    code, output = _invoke("policy", "impact", str(filled / "lenient.yaml"), "--alias", "staging")
    assert code == 0 and "no version in scope" in output


def test_missing_metrics_and_unmatched_pins_cannot_be_judged(filled: Path) -> None:
    missing = _policy(filled, "missing", 0.5).read_text().replace("t.accuracy", "t.macro_f2")
    (filled / "missing.yaml").write_text(missing)
    code, output = _invoke("policy", "impact", str(filled / "missing.yaml"))
    assert code == 2 and "cannot judge" in output and "macro_f2" in output
    pinned = _policy(filled, "pinned", 0.5, extra="evidence:\n  tasks:\n    t: {dataset: 'sha256:" + "0" * 64 + "'}\n")
    code, output = _invoke("policy", "impact", str(pinned))
    assert code == 2 and "cannot judge" in output and "pins" in output


def test_a_tampered_run_cannot_be_judged(filled: Path) -> None:
    with sqlite3.connect(filled / "registry.db") as db:
        db.execute("UPDATE runs SET verdict = 'pass' WHERE version = 2")
    code, output = _invoke("policy", "impact", str(_policy(filled, "lenient", 0.7)), "--all")
    assert "unverifiable" in output and "sent@2" in output
    assert code == 0  # sent@2 is not aliased; sent@1 still complies


def test_read_only_writes_nothing_and_creates_no_registry(filled: Path, tmp_path: Path) -> None:
    db = filled / "registry.db"
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    assert _invoke("policy", "impact", str(_policy(filled, "strict", 0.95)), "--all")[0] == 1
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    absent = tmp_path / "none" / "registry.db"
    code, output = _invoke("policy", "impact", str(filled / "strict.yaml"), "--registry", f"sqlite:///{absent}")
    assert code == 2 and "does not exist" in output and not absent.exists() and not absent.parent.exists()
    code, output = _invoke("policy", "impact", str(filled / "nope.yaml"))
    assert code == 2 and "error" in output


def test_a_required_sign_off_makes_an_unapproved_aliased_version_stop_complying(filled: Path) -> None:
    """The gate refuses a version without the policy's approvals; impact says so, then counts them."""
    signed = _policy(filled, "signed", 0.7, extra="approvals: {min: 2}\n")
    code, output = _invoke("policy", "impact", str(signed))
    assert code == 1 and "stops complying" in output and "requires 2 distinct" in output, output
    for actor in ("ana", "bo"):
        assert _invoke("approve", "sent@1", "--reason", "ok", "--actor", actor)[0] == 0
    with open_registry(f"sqlite:///{filled / 'registry.db'}", create=False) as store:
        impact = policy_impact(store, load_policy(signed))
    assert [(r.version, r.change, r.reasons) for r in impact.rows] == [(1, "still complies", [])]
    assert impact.exit_code == 0


def test_the_judged_run_is_the_one_the_gate_would_pick_not_the_newest_of_another_suite(filled: Path) -> None:
    """sent@1's newest run is of another suite (task u); impact judges its run of suite s (task t), says which,
    and prefers a run under the policy's own sha256 when there is one."""
    (filled / "other.yaml").write_text(
        "name: other\ntasks:\n  - name: u\n    evaluator: accuracy\n    dataset: {path: rows.jsonl}\n")
    other_policy = filled / "other-policy.yaml"
    other_policy.write_text("name: other\nrules:\n  - id: a\n    metric: u.accuracy\n    min: 0.5\n")
    code, output = _invoke("evaluate", f"python:{filled / 'v1.py'}:predict", "--suite", str(filled / "other.yaml"),
                           "--policy", str(other_policy), "--name", "sent")
    assert code == 0, output
    url = f"sqlite:///{filled / 'registry.db'}"
    with open_registry(url, create=False) as store:
        newest = store.latest_run("sent", 1)
        of_s = next(r for r in store.list_runs("sent", 1) if r.suite_name == "s")
        assert newest is not None and newest.suite_name == "other" and of_s.id < newest.id
        row = policy_impact(store, load_policy(_policy(filled, "lenient", 0.7))).rows[0]
        assert (row.run_id, row.after, row.change) == (of_s.id, "pass", "still complies")
        assert row.run_selection and f"run {of_s.id}" in row.run_selection and "covers" in row.run_selection
        # the other suite's policy has its own run: the gate judges that one, so impact does too
        own = policy_impact(store, load_policy(other_policy)).rows[0]
        assert own.run_id == newest.id and "under this policy" in (own.run_selection or "")
        # a policy no run covers falls back to the newest run, and its missing metric cannot be judged
        both = _policy(filled, "both", 0.5, extra="  - id: u\n    metric: u.accuracy\n    min: 0.5\n")
        row = policy_impact(store, load_policy(both)).rows[0]
        assert row.run_id == newest.id and row.after == "cannot judge" and "the newest complete run" in (
            row.run_selection or "")
