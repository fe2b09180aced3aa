"""guard.compare: the significance tests against scipy / statsmodels computed by hand (paired McNemar when both
sides logged the same examples, unpaired otherwise), rules under the candidate's policy, and the Markdown a
pull request shows (user text inert)."""

from __future__ import annotations

import math
import random
from pathlib import Path

import pytest
from scipy.stats import fisher_exact, norm
from statsmodels.stats.contingency_tables import mcnemar as sm_mcnemar

from guard import stats
from guard.compare import Side, compare_sides, comparison_markdown, significance
from guard.compare_paired import mcnemar
from guard.policy import Policy, Relative, Rule, check
from guard.report.samples import SamplesWriter
from guard.types import DatasetInfo, EvalReport, EvalResult, MetricValue, ModelInfo, SuiteInfo

POLICY = Policy(name="release", rules=[Rule(id="acc", metric="t.accuracy", min=0.8),
                                       Rule(id="ece", metric="t.ece", max=0.1, severity="warn"),
                                       Rule(id="rel", metric="t.accuracy",
                                            relative=Relative(baseline="production", max_drop=0.01))])


def _report(correct: int, n: int = 200, ece: float = 0.05, *, suite: str = "s", data: str = "d",
            group: str = "a<b>") -> EvalReport:
    accuracy = stats.proportion(correct, n, higher_is_better=True)
    by_group = {group: stats.proportion(correct // 2, n // 2, higher_is_better=True)}
    metrics = {"accuracy": accuracy.model_copy(update={"by_group": by_group}),
               "ece": MetricValue(value=ece, ci_low=ece - 0.02, ci_high=ece + 0.02, n=n, higher_is_better=False,
                                  ci_method="bootstrap(seed=0,n=1000)")}
    return EvalReport(guard_version="t", model=ModelInfo(spec="python:m.py:f", kind="python", fingerprint="sha256:1"),
                      suite=SuiteInfo(name=suite, source="s.yaml", sha256=suite * 64),
                      results=[EvalResult(task="t", evaluator="accuracy", metrics=metrics,
                                          dataset=DatasetInfo(source="x", fingerprint=data, rows=n))])


def test_proportions_use_fishers_exact_test_on_the_counts() -> None:
    p, method = significance(stats.proportion(150, 200, higher_is_better=True),
                             stats.proportion(170, 200, higher_is_better=True))
    assert p == pytest.approx(fisher_exact([[150, 50], [170, 30]]).pvalue) and method == "Fisher exact (unpaired)"
    assert 0.01 < p < 0.05  # 75% against 85% on 200 each: significant, not overwhelmingly


def test_other_metrics_use_a_welch_style_z_from_the_intervals() -> None:
    a = MetricValue(value=0.10, ci_low=0.06, ci_high=0.14, n=100, higher_is_better=False, ci_method="bootstrap")
    b = MetricValue(value=0.05, ci_low=0.03, ci_high=0.07, n=100, higher_is_better=False, ci_method="bootstrap")
    p, method = significance(a, b)
    se = math.hypot(0.08 / (2 * 1.959963984540054), 0.04 / (2 * 1.959963984540054))
    assert p == pytest.approx(2 * norm.sf(0.05 / se)) and "Welch" in method
    point = MetricValue(value=3.0, ci_low=3.0, ci_high=3.0, n=1, higher_is_better=None)
    assert significance(point, point) == (None, "no interval on either side")


def test_rules_newly_failing_and_passing_under_the_given_policy() -> None:
    worse, better = _report(150), _report(170)
    result = compare_sides(Side(label="cand.json", report=worse), Side(label="base.json", report=better),
                           model="m", policy=POLICY)
    assert result.rule_status == {"acc": ("fail", "pass"), "ece": ("pass", "pass"), "rel": ("fail", None)}
    assert result.rule_changes() == {"acc": "newly failing", "ece": "unchanged", "rel": "newly failing"}
    rows = {(r.metric, r.group): r for r in result.rows}
    accuracy = rows["t.accuracy", None]
    assert (accuracy.candidate, accuracy.baseline, accuracy.change) == (0.75, 0.85, pytest.approx(-0.1))
    assert accuracy.candidate_n == 200 and accuracy.candidate_ci[0] < 0.75 < accuracy.candidate_ci[1]
    assert accuracy.significant and accuracy.better is False and accuracy.crosses == ["acc", "rel"]
    assert rows["t.accuracy", "a<b>"].p_value is not None  # groups are tested too
    assert any("unpaired" in note for note in result.notes) and not result.paired
    back = compare_sides(Side(label="c", report=better), Side(label="b", report=worse), model="m", policy=POLICY)
    assert back.rule_changes()["acc"] == "newly passing"


def test_stored_verdicts_are_used_only_under_the_same_policy() -> None:
    candidate, baseline = _report(150), _report(170)
    other = Policy(name="other", rules=[Rule(id="acc", metric="t.accuracy", min=0.9)])
    result = compare_sides(Side(label="c", report=candidate, verdict=check(candidate, POLICY)),
                           Side(label="b", report=baseline, verdict=check(baseline, other)), model="m")
    assert result.policy == "release" and all(b is None for _, b in result.rule_status.values())
    assert any("another policy ('other')" in note for note in result.notes)
    no_policy = compare_sides(Side(label="c", report=candidate), Side(label="b", report=baseline), model="m")
    assert no_policy.rule_status == {} and any("give --policy" in n for n in no_policy.notes)


def test_other_data_is_named_in_the_notes() -> None:
    result = compare_sides(Side(label="c", report=_report(150, data="d1")),
                           Side(label="b", report=_report(170, data="d2")), model="m", policy=POLICY)
    assert any(note.startswith("apples-to-oranges: task 't'") for note in result.notes)


def test_markdown_shows_both_intervals_and_keeps_user_text_inert() -> None:
    result = compare_sides(Side(label="cand|<img src=x>.json", report=_report(150)),
                           Side(label="base.json", report=_report(170)), model="m", policy=POLICY)
    text = comparison_markdown(result)
    assert "❌ **newly failing** (2): `acc`, `rel`" in text
    assert ("| `t.accuracy` | overall | 0.75 [0.6857, 0.8049] n=200 | 0.85 [0.7939, 0.8929] n=200 | -0.1 ▼ worse "
            "| **0.017** | Fisher exact (unpaired) | `acc` ⚠, `rel` ⚠ |") in text  # Wilson; Fisher's p, bold < 0.05
    assert "<img" not in text and "&lt;img src=x&gt;" in text and "cand\\|" in text
    assert "| a&lt;b&gt; |" in text  # a group name from the data
    assert comparison_markdown(result, only_ruled=True).count("| `t.ece` |") == 1


# -- paired tests from per-example samples ----------------------------------------------------------------

def _logged(root: Path, name: str, right: list[bool], *, inputs: list[str] | None = None,
            reported: int | None = None, block_rows: int = 7) -> Side:
    """A report whose accuracy is the share of ``right`` (or ``reported`` right, to disagree with its samples),
    with its samples file written by the real writer; groups g0/g1 alternate."""
    texts = inputs or [f"example {i}" for i in range(len(right))]
    groups = [f"g{i % 2}" for i in range(len(right))]
    writer = SamplesWriter(root / f"{name}.samples.jsonl.gz", block_rows=block_rows)  # 7: paging is exercised
    writer.add("t", ({"row": i + 1, "input": texts[i], "expected": "1", "predicted": "1" if ok else "0",
                      "score": float(ok), "outcome": "correct" if ok else "wrong", "group": groups[i]}
                     for i, ok in enumerate(right)))
    ref = writer.close()
    by_group = {g: stats.proportion(sum(ok for ok, h in zip(right, groups) if h == g), groups.count(g),
                                    higher_is_better=True) for g in ("g0", "g1")}
    correct = sum(right) if reported is None else reported
    accuracy = stats.proportion(correct, len(right), higher_is_better=True).model_copy(update={"by_group": by_group})
    report = _report(0).model_copy(update={
        "results": [EvalResult(task="t", evaluator="accuracy", metrics={"accuracy": accuracy},
                               dataset=DatasetInfo(source="x", fingerprint="d", rows=len(right)))],
        "samples": ref})
    return Side(label=f"{name}.json", report=report, samples_dir=str(root))


@pytest.mark.parametrize(("gained", "lost"), [(9, 2), (0, 0), (3, 3), (12, 0)])
def test_mcnemar_equals_statsmodels_exact(gained: int, lost: int) -> None:
    candidate = [True] * gained + [False] * lost + [True] * 20 + [False] * 5
    baseline = [False] * gained + [True] * lost + [True] * 20 + [False] * 5
    p, discordant = mcnemar(candidate, baseline)
    table = [[20, gained], [lost, 5]]
    assert discordant == gained + lost and p == pytest.approx(sm_mcnemar(table, exact=True).pvalue, rel=1e-12)


def test_same_examples_are_paired_overall_and_per_group(tmp_path: Path) -> None:
    rng = random.Random(7)
    baseline = [rng.random() < 0.6 for _ in range(250)]
    candidate = [b if rng.random() < 0.8 else not b for b in baseline]
    result = compare_sides(_logged(tmp_path, "c", candidate), _logged(tmp_path, "b", baseline), model="m")
    rows = {(r.metric, r.group): r for r in result.rows}
    for group, keep in ((None, range(250)), ("g0", range(0, 250, 2)), ("g1", range(1, 250, 2))):
        table = [[sum(candidate[i] and baseline[i] for i in keep), sum(candidate[i] and not baseline[i] for i in keep)],
                 [sum(baseline[i] and not candidate[i] for i in keep), sum(not (candidate[i] or baseline[i])
                                                                           for i in keep)]]
        row = rows["t.accuracy", group]
        assert row.p_value == pytest.approx(sm_mcnemar(table, exact=True).pvalue, rel=1e-12)
        assert row.test == f"paired (McNemar, n discordant = {table[0][1] + table[1][0]})"
    assert result.paired and any("significance is paired" in n for n in result.notes)
    assert not any("unpaired" in n for n in result.notes)  # every tested row was paired


def test_other_examples_or_counts_the_samples_do_not_reproduce_stay_unpaired(tmp_path: Path) -> None:
    right = [i % 3 != 0 for i in range(40)]
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    baseline = _logged(tmp_path / "b", "b", [not r for r in right])
    moved = [f"example {i}" for i in range(40)]
    moved[17] = "another example"  # same rows and count, one other input: not the same examples
    result = compare_sides(_logged(tmp_path / "a", "c", right, inputs=moved), baseline, model="m")
    assert not result.paired and all("McNemar" not in r.test for r in result.rows)
    assert "task 't': the two runs' samples are not the same examples (1 rows differ): its significance is " \
           "unpaired" in result.notes
    lying = compare_sides(_logged(tmp_path / "a", "c", right, reported=30), baseline, model="m")
    assert "'t.accuracy': the samples do not reproduce the reported counts: unpaired" in lying.notes
    assert {r.test for r in lying.rows if r.group is None} == {"Fisher exact (unpaired)"}


def test_one_side_without_samples_says_so(tmp_path: Path) -> None:
    right = [i % 2 == 0 for i in range(20)]
    plain = _logged(tmp_path, "b", right)
    plain = plain.model_copy(update={"report": plain.report.model_copy(update={"samples": None})})
    result = compare_sides(_logged(tmp_path, "c", right), plain, model="m")
    assert not result.paired and any("the baseline's report has no per-example samples" in n for n in result.notes)
