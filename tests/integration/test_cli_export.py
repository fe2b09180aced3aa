"""``guard export`` on a registry filled by real ``guard evaluate --registry`` runs, a gate, an approval and a
waiver."""

from __future__ import annotations

from html import escape
from pathlib import Path

import pytest
from typer.testing import CliRunner

from guard.cli import app
from tests.helpers.evaluated_registry import CONTROL, HOSTILE, HOSTILE_DIR, RULE_ID, FilledRegistry, fill_registry

runner = CliRunner()


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> FilledRegistry:
    return fill_registry(tmp_path_factory.mktemp("registry"))


def test_export_of_a_run_writes_its_verdict_rules_and_escaped_evidence(filled: FilledRegistry, tmp_path: Path) -> None:
    target = tmp_path / "out" / "run.html"
    result = runner.invoke(app, ["export", str(filled.failing_run), "--html", str(target), "--registry", filled.url])
    assert result.exit_code == 0, result.output
    assert f"wrote {target}" in result.output
    document = target.read_text(encoding="utf-8")
    assert f"run {filled.failing_run} of <code>sentiment@2</code>" in document and 'badge fail">FAIL' in document
    assert f"<code>{RULE_ID}</code>" in document and "&gt;= 0.8" in document and CONTROL in document
    assert escape(HOSTILE_DIR) in document and "<script" not in document and "<img" not in document


def test_export_of_a_version_uses_guard_registry_and_shows_alias_approval_and_runs(
    filled: FilledRegistry, tmp_path: Path
) -> None:
    target = tmp_path / "v1.html"
    result = runner.invoke(app, ["export", "sentiment@1", "--html", str(target)], env={"GUARD_REGISTRY": filled.url})
    assert result.exit_code == 0, result.output
    document = target.read_text(encoding="utf-8")
    assert "<dt>aliases now</dt><dd>production</dd>" in document
    assert f"reviewed {escape(HOSTILE)}" in document and f"release {escape(HOSTILE)}" in document
    assert f"Latest run: {filled.passing_run} " in document and "<script" not in document


@pytest.mark.parametrize(
    ("target", "message"),
    [("999", "999"), ("sentiment@9", "sentiment@9"), ("nosuch@1", "nosuch"), ("sentiment", "neither a run id")],
)
def test_unknown_targets_exit_2_with_one_line_and_leave_the_file_alone(
    filled: FilledRegistry, tmp_path: Path, target: str, message: str
) -> None:
    existing = tmp_path / "report.html"
    existing.write_text("previous report")
    result = runner.invoke(app, ["export", target, "--html", str(existing), "--registry", filled.url])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and message in lines[0], result.output
    assert existing.read_text() == "previous report" and sorted(tmp_path.iterdir()) == [existing]
