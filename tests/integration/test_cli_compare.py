"""``guard compare`` end to end: report files, registry versions, aliases and run ids; paired McNemar tests
when both runs logged the same examples (--log-samples), a tampered samples file refused; bad input is one
line, exit 2, nothing written."""

from __future__ import annotations

import gzip
import importlib.util
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from scipy.stats import fisher_exact
from statsmodels.stats.contingency_tables import mcnemar
from typer.testing import CliRunner

from guard.cli import app
from tests.helpers.evaluated_registry import RULE_ID, FilledRegistry, fill_registry

FIXTURE_MODEL = Path(__file__).resolve().parent.parent / "fixtures" / "keyword_sentiment.py"
ROWS = ([{"text": f"a good fun film {i}", "label": "1"} for i in range(8)]
        + [{"text": f"a dull boring mess {i}", "label": "0"} for i in range(8)]
        + [{"text": f"a dull film {i}", "label": "1"} for i in range(2)]
        + [{"text": f"not bad, great {i}", "label": "0"} for i in range(2)])
WEAK = ('def predict(batch):\n    return [{"label": "1", "scores": {"1": 0.6, "0": 0.4}} for _ in batch]\n'
        'predict.capabilities = ["classify"]\n')
runner = CliRunner()


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """candidate.json (the keyword model, 16/20 right) and production.json (always '1', 10/20) on one suite."""
    root = tmp_path_factory.mktemp("compare")
    (root / "rows.jsonl").write_text("\n".join(json.dumps(r) for r in ROWS) + "\n")
    suite = ("name: {name}\ntasks:\n  - name: sentiment\n    evaluator: accuracy\n"
             "    dataset: {{path: rows.jsonl}}\n    params: {{mode: classify, positive_label: '1'}}\n")
    (root / "suite.yaml").write_text(suite.format(name="sentiment"))
    (root / "other.yaml").write_text(suite.format(name="other-suite"))
    (root / "weak.py").write_text(WEAK)
    (root / "policy.yaml").write_text("name: release\nrules:\n  - {id: accuracy, metric: sentiment.accuracy, "
                                      "min: 0.7}\n  - {id: f1, metric: sentiment.macro_f1, min: 0.5}\n")
    for model, suite_file, out in ((f"python:{FIXTURE_MODEL}:predict", "suite.yaml", "candidate.json"),
                                   (f"python:{root / 'weak.py'}:predict", "suite.yaml", "production.json"),
                                   (f"python:{root / 'weak.py'}:predict", "other.yaml", "other.json")):
        result = runner.invoke(app, ["evaluate", model, "--suite", str(root / suite_file), "--out", str(root / out)])
        assert result.exit_code == 0, result.output
    return root


def test_reports_compared_under_a_policy(reports: Path) -> None:
    md = reports / "out" / "pr.md"
    result = runner.invoke(app, ["compare", str(reports / "candidate.json"), str(reports / "production.json"),
                                 "--policy", str(reports / "policy.yaml"), "--markdown", str(md)])
    assert result.exit_code == 0, result.output
    text = md.read_text()
    assert "✅ **newly passing** (2): `accuracy`, `f1`" in text
    # both values with their Wilson intervals and n, the change, Fisher's p (16/20 vs 10/20: 0.096, not bold)
    assert ("| `sentiment.accuracy` | overall | 0.8 [0.584, 0.9193] n=20 | 0.5 [0.2993, 0.7007] n=20 | "
            "+0.3 ▲ better | 0.096 | Fisher exact (unpaired) | `accuracy` ⚠ |") in text
    assert "significance is unpaired" in text
    assert "rules newly passing: accuracy, f1" in result.output


def test_registry_version_against_alias_uses_the_candidates_policy(tmp_path: Path) -> None:
    filled: FilledRegistry = fill_registry(tmp_path)
    md = tmp_path / "pr.md"
    result = runner.invoke(app, ["compare", "sentiment@2", "sentiment@production", "--registry", filled.url,
                                 "--markdown", str(md)])
    assert result.exit_code == 0, result.output
    text = md.read_text()
    assert "Rules of policy `release`" in text and f"❌ **newly failing** (1): `{RULE_ID}`" in text
    assert "## guard compare: `sentiment@2` vs `sentiment@production`" in text
    by_id = runner.invoke(app, ["compare", str(filled.failing_run), str(filled.passing_run), "--registry", filled.url])
    assert by_id.exit_code == 0 and f"rules newly failing: {RULE_ID}" in by_id.output
    version = runner.invoke(app, ["compare", "sentiment@2", "sentiment@1", "--registry", filled.url])
    assert version.exit_code == 0 and f"rules newly failing: {RULE_ID}" in version.output
    unknown = runner.invoke(app, ["compare", "sentiment@2", "sentiment@prodution", "--registry", filled.url])
    assert unknown.exit_code == 2
    assert "model 'sentiment' has no alias 'prodution' (did you mean 'production'?)" in unknown.output
    missing = runner.invoke(app, ["compare", "sentiment@2", "sentiment@9", "--registry", filled.url])
    assert missing.exit_code == 2 and "'sentiment' has no version 9 (versions: 1, 2)" in missing.output


@pytest.mark.parametrize(("baseline", "message"), [
    ("other.json", "the baseline ran suite 'other-suite', the candidate suite 'sentiment'"),
    ("missing.json", "report file not found"),
    ("not a target", "is neither a report file, a run id, nor NAME@VERSION / NAME@ALIAS"),
])
def test_bad_baseline_is_one_line_exit_2_nothing_written(reports: Path, baseline: str, message: str) -> None:
    md = reports / "bad" / "pr.md"
    target = str(reports / baseline) if baseline.endswith(".json") else baseline
    result = runner.invoke(app, ["compare", str(reports / "candidate.json"), target, "--markdown", str(md)])
    assert result.exit_code == 2 and message in result.output
    assert len(result.output.strip().splitlines()) == 1 and result.output.startswith("error: ")
    assert not md.exists() and not md.parent.exists()


# -- paired significance from two real --log-samples runs -------------------------------------------------

# baseline: the fixture's lexicon; candidate: the same with "film" positive and "story" negative, so it gains
# every "a dull film" row and loses the "good but boring story" one (groups a/b alternate)
PAIRED_ROWS = ([{"text": f"a good fun film {i}", "label": "1"} for i in range(10)]
               + [{"text": f"a dull boring mess {i}", "label": "0"} for i in range(10)]
               + [{"text": f"a dull film {i}", "label": "1"} for i in range(10)]
               + [{"text": "a good but boring story", "label": "1"}])
PAIRED_ROWS = [{**r, "group": "ab"[i % 2]} for i, r in enumerate(PAIRED_ROWS)]


def _load(path: Path) -> Any:
    spec = importlib.util.spec_from_file_location(f"model_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.predict


def _mcnemar_by_hand(candidate: Path, baseline: Path, group: str | None = None) -> tuple[float, int]:
    """statsmodels' exact McNemar on the 2x2 table of the two models' right/wrong, computed from the models."""
    rows = [r for r in PAIRED_ROWS if group is None or r["group"] == group]
    texts = [r["text"] for r in rows]
    right = [[p["label"] == r["label"] for p, r in zip(_load(model)(texts), rows)] for model in (candidate, baseline)]
    table = [[sum(c and b for c, b in zip(*right)), sum(c and not b for c, b in zip(*right))],
             [sum(b and not c for c, b in zip(*right)), sum(not c and not b for c, b in zip(*right))]]
    return float(mcnemar(table, exact=True).pvalue), table[0][1] + table[1][0]


@pytest.fixture(scope="module")
def logged(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """candidate.json and baseline.json, each with its samples file, from two keyword models on the same rows."""
    root = tmp_path_factory.mktemp("paired")
    (root / "rows.jsonl").write_text("\n".join(json.dumps(r) for r in PAIRED_ROWS) + "\n")
    (root / "suite.yaml").write_text(
        "name: sentiment\ntasks:\n  - name: sentiment\n    evaluator: accuracy\n"
        "    dataset: {path: rows.jsonl}\n    params: {mode: classify, positive_label: '1'}\n")
    source = FIXTURE_MODEL.read_text()
    variant = source.replace('POSITIVE = {"good"', 'POSITIVE = {"film", "good"').replace(
        'NEGATIVE = {"bad"', 'NEGATIVE = {"story", "bad"')
    assert variant.count('"film"') == 1 and variant.count('"story"') == 1
    (root / "variant.py").write_text(variant)
    for model, out in ((root / "variant.py", "candidate.json"), (FIXTURE_MODEL, "baseline.json")):
        result = runner.invoke(app, ["evaluate", f"python:{model}:predict", "--suite", str(root / "suite.yaml"),
                                     "--out", str(root / out), "--log-samples", "--no-cache"])
        assert result.exit_code == 0, result.output
    return root


def test_same_examples_get_mcnemars_exact_test(logged: Path) -> None:
    from guard.compare import Side, compare_sides
    from guard.report import read_report

    md = logged / "pr.md"
    result = runner.invoke(app, ["compare", str(logged / "candidate.json"), str(logged / "baseline.json"),
                                 "--markdown", str(md)])
    assert result.exit_code == 0, result.output
    text = md.read_text()
    expected, discordant = _mcnemar_by_hand(logged / "variant.py", FIXTURE_MODEL)
    assert discordant == 11  # 10 "a dull film" rows gained, 1 "story" row lost
    assert (f"| `sentiment.accuracy` | overall | 0.9677 [0.8381, 0.9943] n=31 | 0.6774 [0.5014, 0.8143] n=31 | "
            f"+0.2903 ▲ better | **{expected:.2g}** | paired (McNemar, n discordant = 11) |") in text  # 30 vs 21
    assert "significance is paired where the row says so" in text
    assert "paired (McNemar, n discordant = 11)" in result.output  # the terminal table says it too
    # macro F1 has no per-example outcome: still unpaired, and said so in its row and the notes
    assert "| `sentiment.macro_f1` |" in text and "Welch-style z from the CIs (unpaired)" in text
    assert "significance is unpaired where the row says so" in text

    sides = [Side(label=name, report=read_report(logged / name), samples_dir=str(logged))
             for name in ("candidate.json", "baseline.json")]
    comparison = compare_sides(*sides, model="m")
    rows = {(r.metric, r.group): r for r in comparison.rows}
    assert comparison.paired and rows["sentiment.accuracy", None].p_value == pytest.approx(expected, rel=1e-12)
    for group in ("a", "b"):  # each group's rows paired on their own
        by_hand, k = _mcnemar_by_hand(logged / "variant.py", FIXTURE_MODEL, group)
        row = rows["sentiment.accuracy", group]
        assert row.p_value == pytest.approx(by_hand, rel=1e-12) and row.test == f"paired (McNemar, n discordant = {k})"


def test_a_changed_samples_file_is_refused_and_the_test_stays_unpaired(logged: Path, tmp_path: Path) -> None:
    for name in ("candidate", "baseline"):
        shutil.copy(logged / f"{name}.json", tmp_path / f"{name}.json")
        shutil.copy(logged / f"{name}.samples.jsonl.gz", tmp_path / f"{name}.samples.jsonl.gz")
    samples = tmp_path / "candidate.samples.jsonl.gz"
    with gzip.open(samples, "rt", encoding="utf-8") as stream:
        records = [json.loads(line) for line in stream]
    for record in records:  # every lost row now "right": a valid file, no longer the one the report hashed
        record["outcome"] = "correct"
    samples.write_bytes(gzip.compress("".join(json.dumps(r) + "\n" for r in records).encode()))
    md = tmp_path / "pr.md"
    result = runner.invoke(app, ["compare", str(tmp_path / "candidate.json"), str(tmp_path / "baseline.json"),
                                 "--markdown", str(md)])
    assert result.exit_code == 0, result.output
    text = md.read_text()
    assert f"refused the candidate's samples file {samples}: its sha256 is not" in text
    assert "refused the candidate's samples file" in " ".join(result.output.split())
    fisher = fisher_exact([[30, 1], [21, 10]]).pvalue  # 30/31 right against 21/31, as if unrelated examples
    assert "McNemar" not in text and f"+0.2903 ▲ better | **{fisher:.2g}** | Fisher exact (unpaired) |" in text
    samples.unlink()  # none beside the reports: each is read where it was written (the report's location)
    (tmp_path / "baseline.samples.jsonl.gz").unlink()
    elsewhere = runner.invoke(app, ["compare", str(tmp_path / "candidate.json"), str(tmp_path / "baseline.json")])
    assert elsewhere.exit_code == 0 and "McNemar" in elsewhere.output and "refused" not in elsewhere.output
