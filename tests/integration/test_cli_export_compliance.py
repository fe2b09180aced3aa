"""``guard export NAME@VERSION --compliance FRAMEWORK``: every catalogue control with the rules that evidence it,
their latest status, waivers and approvals, and the controls with no evidence; HTML and JSON."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from guard.cli import app
from guard.compliance import load_catalogue
from tests.helpers.evaluated_registry import (
    CONTROL,
    HOSTILE,
    HOSTILE_DIR,
    NAME,
    RULE_ID,
    FilledRegistry,
    fill_registry,
)

runner = CliRunner()


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> FilledRegistry:
    return fill_registry(tmp_path_factory.mktemp("registry"))


def _coverage(filled: FilledRegistry, tmp_path: Path, ref: str, framework: str) -> dict:
    out = tmp_path / f"{framework}.json"
    result = runner.invoke(app, ["export", ref, "--compliance", framework, "--out", str(out), "--registry", filled.url])
    assert result.exit_code == 0, result.output
    return json.loads(out.read_text())


def test_json_matrix_lists_every_control_with_rule_status_waivers_and_gaps(
    filled: FilledRegistry, tmp_path: Path
) -> None:
    passing = _coverage(filled, tmp_path, "sentiment@1", "eu-ai-act")
    failing = _coverage(filled, tmp_path, "sentiment@2", "eu-ai-act")
    assert [c["id"] for c in passing["controls"]] == [c.id for c in load_catalogue("eu-ai-act").controls]
    by_id = {c["id"]: c for c in passing["controls"]}
    assert by_id[CONTROL]["status"] == "evidenced"
    assert [(r["rule_id"], r["status"]) for r in by_id[CONTROL]["rules"]] == [(RULE_ID, "pass")]
    waived = {c["id"]: c for c in failing["controls"]}[CONTROL]
    assert waived["status"] == "waived" and waived["rules"][0]["waiver_id"] == failing["waivers"][0]["id"]
    assert failing["waivers"][0]["rule_ids"] == [RULE_ID]
    assert CONTROL not in passing["without_evidence"] and "EU-AIA-Art17(1)(m)" in passing["without_evidence"]
    assert len(passing["without_evidence"]) == len(passing["controls"]) - 1
    assert passing["counts"] == {"evidenced": 1, "no evidence": len(passing["controls"]) - 1}
    assert [a["reason"] for a in passing["approvals"]] == [f"reviewed {HOSTILE}"] and not failing["approvals"]
    assert "never proof of conformity" in passing["caveat"]


def test_nist_and_iso_read_the_same_rules(filled: FilledRegistry, tmp_path: Path) -> None:
    nist = {c["id"]: c for c in _coverage(filled, tmp_path, "sentiment@1", "nist-ai-rmf")["controls"]}
    assert nist["NIST-RMF-MEASURE-2.5"]["status"] == "evidenced"
    iso = _coverage(filled, tmp_path, "sentiment@1", "iso-42001")
    assert iso["counts"] == {"no evidence": len(iso["controls"])}  # the policy names no ISO control


def test_html_by_suffix_is_escaped_and_says_evidence_is_not_proof(filled: FilledRegistry, tmp_path: Path) -> None:
    out = tmp_path / "coverage.html"
    result = runner.invoke(app, ["export", "sentiment@2", "--compliance", "eu-ai-act", "--out", str(out),
                                 "--registry", filled.url])
    assert result.exit_code == 0 and "without evidence" in result.output
    document = out.read_text()
    assert "<code>EU-AIA-Art15(1)</code>" in document and "WAIVED" in document
    assert escape(HOSTILE) in document and "<script>" not in document
    assert "never proof of conformity" in document and "Controls with no evidence" in document


@pytest.mark.parametrize(("args", "message"), [
    (["--compliance", "eu-ai-ac", "--out", "{out}.html"], "did you mean 'eu-ai-act'?"),
    (["--compliance", "eu-ai-act", "--out", "{out}.txt"], "--format html or json"),
    (["--compliance", "eu-ai-act"], "needs --out"),
    (["--compliance", "eu-ai-act", "--out", "{dir}"], "is a directory"),
    (["--html", "{out}.html", "--compliance", "eu-ai-act"], "give one of"),
])
def test_bad_input_is_one_line_exit_2_nothing_written(
    filled: FilledRegistry, tmp_path: Path, args: list[str], message: str
) -> None:
    argv = [a.format(out=tmp_path / "coverage", dir=tmp_path) for a in args]
    result = runner.invoke(app, ["export", "sentiment@1", *argv, "--registry", filled.url])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.output
    assert list(tmp_path.iterdir()) == []


def _limited(tmp_path: Path) -> tuple[FilledRegistry, int]:
    """A fresh registry whose newest run of sentiment@1 under the release policy used ``--limit 5`` (a stored pass)."""
    root = tmp_path / "limited"
    root.mkdir()
    filled = fill_registry(root)
    result = runner.invoke(app, ["evaluate", f"python:{root / HOSTILE_DIR / 'v1.py'}:predict", "--suite",
                                 str(root / "suite.yaml"), "--policy", str(root / "policy.yaml"), "--limit", "5",
                                 "--name", NAME, "--version", "1", "--registry", filled.url])
    assert result.exit_code == 0, result.output  # guard check applies explicit pins only: the run "passes"
    return filled, int(result.output.split("recorded run ", 1)[1].split()[0])


def test_a_limited_run_is_not_release_evidence_so_its_pass_evidences_nothing(tmp_path: Path) -> None:
    filled, run_id = _limited(tmp_path)
    cov = _coverage(filled, tmp_path, "sentiment@1", "eu-ai-act")
    assert cov["runs"] == {"release": run_id}
    control = {c["id"]: c for c in cov["controls"]}[CONTROL]
    assert control["status"] == "inconclusive" and control["rules"][0]["status"] == "pass"
    assert "not release evidence" in control["rules"][0]["standing"] and "--limit 5" in control["rules"][0]["standing"]
    assert "evidenced" not in cov["counts"]


def test_a_changed_run_row_is_unverifiable_never_evidenced(tmp_path: Path) -> None:
    filled = fill_registry(tmp_path)
    engine = create_engine(filled.url)
    try:
        with engine.begin() as conn:
            conn.execute(text("UPDATE runs SET error = 'edited' WHERE id = :id"), {"id": filled.passing_run})
    finally:
        engine.dispose()
    cov = _coverage(filled, tmp_path, "sentiment@1", "eu-ai-act")
    control = {c["id"]: c for c in cov["controls"]}[CONTROL]
    assert control["status"] == "unverifiable" and control["rules"][0]["standing"].startswith("unverifiable")
    assert any("guard audit verify" in p for p in cov["problems"])
