"""``guard export NAME@VERSION --model-card / --update``: a Hugging Face card whose model-index huggingface_hub
parses back to the registry's numbers, merged into an existing card without losing its other content."""

from __future__ import annotations

from pathlib import Path

import pytest
from huggingface_hub import ModelCard
from huggingface_hub.repocard_data import model_index_to_eval_results
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from guard.cli import app
from guard.registry import open_registry
from guard.views import stored_report
from tests.helpers.evaluated_registry import HOSTILE, HOSTILE_DIR, NAME, FilledRegistry, fill_registry

runner = CliRunner()
EXISTING = """---
license: apache-2.0
language: [en]
model-index:
- name: sentiment
  results:
  - task: {type: text-classification}
    dataset: {name: SST-2, type: glue, config: sst2}
    metrics:
    - {type: accuracy, value: 0.91, name: their own number}
---

# Sentiment model

Trained by the team on SST-2.

## Intended use

Internal triage only.
"""


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> FilledRegistry:
    return fill_registry(tmp_path_factory.mktemp("registry"))


def _export(filled: FilledRegistry, *args: str) -> str:
    result = runner.invoke(app, ["export", *args, "--registry", filled.url])
    assert result.exit_code == 0, result.output
    return result.output


def test_model_card_model_index_parses_back_to_the_registry_numbers(filled: FilledRegistry, tmp_path: Path) -> None:
    target = tmp_path / "README.md"
    _export(filled, "sentiment@2", "--model-card", str(target))
    card = ModelCard.load(target)
    with open_registry(filled.url) as store:
        run = store.latest_run("sentiment", 2)
        report = stored_report(run)
    assert run is not None and report is not None
    results = {r.metric_name: r for r in card.data.eval_results}
    accuracy = report.metric("t.accuracy")
    got = results["t.accuracy"]
    assert (got.task_type, got.metric_type, got.metric_value) == ("text-classification", "accuracy",
                                                                 round(accuracy.value, 6))
    assert got.dataset_name == "sst-mini / t" and got.dataset_revision == report.result("t").dataset.fingerprint
    assert got.metric_args["suite"] == "sst-mini" and got.metric_args["model_fingerprint"] == report.model.fingerprint
    assert got.metric_args["ci_low"] <= got.metric_value <= got.metric_args["ci_high"]
    assert set(results) == {f"t.{m}" for m in report.result("t").metrics}
    text = card.text
    for heading in ("### Evaluation", "### Bias", "### Risks and limitations"):
        assert heading in text
    assert "rule sentiment-accuracy (block) FAIL" in text and "waiver" in text
    assert "<script>" not in text and "\\<script\\>" in text  # hostile reasons are escaped, not live markup
    assert str(tmp_path) not in card.content  # local dataset paths are not published


def test_update_keeps_other_keys_sections_and_results_and_replaces_only_guards(
    filled: FilledRegistry, tmp_path: Path
) -> None:
    target = tmp_path / "README.md"
    target.write_text(EXISTING)
    _export(filled, "sentiment@1", "--update", str(target))
    _export(filled, "sentiment@2", "--update", str(target))  # a second update replaces, never appends
    card = ModelCard.load(target)
    assert card.data.license == "apache-2.0" and card.data.language == ["en"]
    assert "Trained by the team on SST-2." in card.text and "## Intended use" in card.text
    assert card.text.count("<!-- rai-guard:begin") == 1 and "run 2 of sentiment@2" in card.text.replace("\\", "")
    _, results = model_index_to_eval_results(card.data.to_dict()["model-index"])
    theirs = [r for r in results if r.metric_name == "their own number"]
    ours = [r for r in results if r.metric_args and r.metric_args.get("generator") == "rai-guard"]
    assert len(theirs) == 1 and theirs[0].metric_value == 0.91
    assert ours and {r.metric_args["model"] for r in ours} == {"sentiment@2"}


@pytest.mark.parametrize("args", [["--model-card", "{dir}"], ["--update", "{dir}"]])
def test_a_card_path_that_is_a_directory_is_one_line_exit_2_nothing_written(
    filled: FilledRegistry, tmp_path: Path, args: list[str]
) -> None:
    result = runner.invoke(app, ["export", "sentiment@1", args[0], args[1].format(dir=tmp_path),
                                 "--registry", filled.url])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "is a directory" in lines[0], result.output
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("target", "message"), [("1", "is not NAME@VERSION"), ("sentiment@9", "sentiment@9")])
def test_a_card_needs_an_existing_version(filled: FilledRegistry, tmp_path: Path, target: str, message: str) -> None:
    result = runner.invoke(app, ["export", target, "--model-card", str(tmp_path / "README.md"),
                                 "--registry", filled.url])
    assert result.exit_code == 2 and message in result.output and len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "README.md").exists()


def test_update_of_a_missing_card_is_refused(filled: FilledRegistry, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "sentiment@1", "--update", str(tmp_path / "README.md"),
                                 "--registry", filled.url])
    assert result.exit_code == 2 and "no such model card" in result.output
    assert HOSTILE not in result.output


def test_a_limited_run_is_never_printed_as_a_policy_pass(tmp_path: Path) -> None:
    filled = fill_registry(tmp_path)
    limited = runner.invoke(app, ["evaluate", f"python:{tmp_path / HOSTILE_DIR / 'v1.py'}:predict", "--suite",
                                  str(tmp_path / "suite.yaml"), "--policy", str(tmp_path / "policy.yaml"), "--limit",
                                  "5", "--name", NAME, "--version", "1", "--registry", filled.url])
    assert limited.exit_code == 0, limited.output
    card = tmp_path / "README.md"
    _export(filled, "sentiment@1", "--model-card", str(card))
    text = card.read_text()
    assert "**PASS**" not in text and "Policy release: not release evidence: the run used --limit 5" in text


def test_a_changed_run_row_writes_no_card(tmp_path: Path) -> None:
    fresh = fill_registry(tmp_path)
    engine = create_engine(fresh.url)
    try:
        with engine.begin() as conn:
            conn.execute(text("UPDATE runs SET error = 'edited' WHERE id = :id"), {"id": fresh.passing_run})
    finally:
        engine.dispose()
    card = tmp_path / "card.md"
    result = runner.invoke(app, ["export", "sentiment@1", "--model-card", str(card), "--registry", fresh.url])
    assert result.exit_code == 2 and "unverifiable" in result.output and len(result.output.strip().splitlines()) == 1
    assert not card.exists()
