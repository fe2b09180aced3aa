"""``bias.group``: every number equals fairlearn's on the same predictions; small and empty groups are loud."""

from __future__ import annotations

import csv
import importlib.util
import json
from pathlib import Path

import numpy as np
import pytest
from fairlearn.metrics import (
    MetricFrame,
    demographic_parity_difference,
    demographic_parity_ratio,
    equal_opportunity_difference,
    equalized_odds_difference,
    false_positive_rate,
    selection_rate,
    true_positive_rate,
)
from sklearn.datasets import make_classification
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score
from typer.testing import CliRunner

import guard
import guard.evaluators.bias.group as group_module  # registers bias.group
from guard.cli import app
from guard.models.base import Prediction
from guard.models.fake import FakeModel
from guard.suite import suite_from_dict

KEYWORD_MODEL = Path(__file__).resolve().parents[3] / "fixtures" / "keyword_sentiment.py"
DISPARITY_FUNCTIONS = {
    "demographic_parity_difference": demographic_parity_difference,
    "demographic_parity_ratio": demographic_parity_ratio,
    "equalized_odds_difference": equalized_odds_difference,
    "equal_opportunity_difference": equal_opportunity_difference,
}


def _keyword_predict():
    spec = importlib.util.spec_from_file_location("keyword_sentiment_for_group_tests", KEYWORD_MODEL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.predict


def _write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def _run(model, path: Path, params: dict, *, columns: dict | None = None, seed: int = 0) -> guard.EvalResult:
    dataset = {"path": str(path), **({"columns": columns} if columns else {})}
    suite = suite_from_dict({"name": "s",
                             "tasks": [{"name": "g", "evaluator": "bias.group", "dataset": dataset, "params": params}]})
    return guard.evaluate(model, suite, seed=seed).results[0]


@pytest.fixture(scope="module")
def sst2_rows(shared_data: Path) -> list[dict]:
    """SST-2 dev with a deterministic synthetic sensitive feature (four groups of uneven size)."""
    with open(shared_data / "sst2" / "dev.tsv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    names = ["north", "south", "east", "west"]
    return [
        {"text": r["sentence"], "label": r["label"],
         "group": names[(len(r["sentence"]) * 7 + i) % 4] if i % 9 else "west"}
        for i, r in enumerate(rows)
    ]


def _assert_equals_fairlearn(result: guard.EvalResult, y_true, y_pred, groups, positive) -> None:
    assert result.status == "ok", result.error
    t, p = (np.asarray(y_true) == positive).astype(int), (np.asarray(y_pred) == positive).astype(int)
    rates = MetricFrame(metrics={"selection_rate": selection_rate, "tpr": true_positive_rate,
                                 "fpr": false_positive_rate},
                        y_true=t, y_pred=p, sensitive_features=groups)
    accuracy = MetricFrame(metrics=accuracy_score, y_true=y_true, y_pred=y_pred, sensitive_features=groups)
    expected = {
        "selection_rate": (rates.overall["selection_rate"], rates.by_group["selection_rate"]),
        "tpr": (rates.overall["tpr"], rates.by_group["tpr"]),
        "fpr": (rates.overall["fpr"], rates.by_group["fpr"]),
        "accuracy": (accuracy.overall, accuracy.by_group),
    }
    for name, (overall, by_group) in expected.items():
        metric = result.metrics[name]
        assert metric.value == pytest.approx(overall, abs=1e-9), name
        assert set(metric.by_group) == {str(g) for g in by_group.index}
        for g, value in by_group.items():
            assert metric.by_group[str(g)].value == pytest.approx(value, abs=1e-9), (name, g)
            assert metric.by_group[str(g)].ci_low <= value <= metric.by_group[str(g)].ci_high
    for name, function in DISPARITY_FUNCTIONS.items():
        metric = result.metrics[name]
        assert metric.value == pytest.approx(function(t, p, sensitive_features=groups), abs=1e-9), name
        assert metric.ci_low <= metric.value <= metric.ci_high and metric.n == len(groups)
        assert metric.ci_method.startswith("bootstrap(seed=")
    counts = {g: int(np.sum(np.asarray(groups) == g)) for g in set(groups)}
    assert {g: v.n for g, v in result.metrics["selection_rate"].by_group.items()} == counts
    assert result.metrics["demographic_parity_difference"].by_group == result.metrics["selection_rate"].by_group
    assert result.metrics["equal_opportunity_difference"].by_group == result.metrics["tpr"].by_group
    assert set(result.metrics["equalized_odds_difference"].by_group) == {f"{r}:{g}" for r in ("tpr", "fpr")
                                                                         for g in counts}
    assert result.metrics["smallest_group_n"].value == min(counts.values())
    assert result.metrics["demographic_parity_ratio"].higher_is_better is True
    assert result.metrics["demographic_parity_difference"].higher_is_better is False


def test_text_classifier_on_sst2_equals_fairlearn(tmp_path: Path, sst2_rows: list[dict]) -> None:
    path = _write_jsonl(tmp_path / "sst2.jsonl", sst2_rows)
    result = _run(f"python:{KEYWORD_MODEL}:predict", path, {"positive_label": "1"})
    y_pred = [o["label"] for o in _keyword_predict()([r["text"] for r in sst2_rows])]
    _assert_equals_fairlearn(result, [r["label"] for r in sst2_rows], y_pred, [r["group"] for r in sst2_rows], "1")


def test_tabular_classifier_with_label_map_equals_fairlearn(tmp_path: Path) -> None:
    features, target = make_classification(n_samples=600, n_features=5, n_informative=3, random_state=0)
    names = [f"x{i}" for i in range(5)]
    groups = np.where(features[:, 0] > 0.4, "group_a", np.where(features[:, 1] > 0, "group_b", "group_c"))
    regression = LogisticRegression().fit(features[:300], target[:300])
    rows = [{**{n: float(v) for n, v in zip(names, x)}, "outcome": "approved" if y else "denied", "segment": str(g)}
            for x, y, g in zip(features, target, groups)]

    def classify(row: dict) -> Prediction:
        proba = regression.predict_proba(np.array([[row[n] for n in names]]))[0]
        return Prediction(str(int(proba.argmax())), {"0": float(proba[0]), "1": float(proba[1])})

    path = _write_jsonl(tmp_path / "tabular.jsonl", rows)
    params = {"positive_label": "approved", "features": names, "label_map": {"1": "approved", "0": "denied"}}
    result = _run(FakeModel(classify_fn=classify), path, params, columns={"label": "outcome", "group": "segment"})
    y_pred = np.where(regression.predict(features) == 1, "approved", "denied")
    _assert_equals_fairlearn(result, [r["outcome"] for r in rows], y_pred, [r["segment"] for r in rows], "approved")


def test_multiclass_labels_use_one_vs_rest_rates(tmp_path: Path) -> None:
    labels = ["cat", "dog", "fox"]
    rows = [{"text": f"item {i}", "label": labels[i % 3], "group": "ab"[i % 2] if i % 5 else "c"} for i in range(120)]
    predicted = {r["text"]: labels[(i * 7 // 3) % 3] for i, r in enumerate(rows)}
    result = _run(FakeModel(classify_fn=lambda text: predicted[text]), _write_jsonl(tmp_path / "m.jsonl", rows),
                  {"positive_label": "dog", "min_group_size": 5})
    _assert_equals_fairlearn(result, [r["label"] for r in rows], [predicted[r["text"]] for r in rows],
                             [r["group"] for r in rows], "dog")


def test_vectorised_replicates_equal_fairlearn_on_the_resamples() -> None:
    rng = np.random.default_rng(7)
    for trial in range(4):
        n, k = 90, 3 + trial % 2
        codes = rng.integers(0, k, size=n)
        codes[:k] = np.arange(k)
        t = rng.integers(0, 2, size=n)
        p = rng.integers(0, 2, size=n) if trial != 3 else np.zeros(n, dtype=int)  # all-zero: ratio undefined
        if trial == 2:
            t[codes == 0] = 0  # a group without positives: its TPR is 0, as fairlearn has it
        replicates = group_module.bootstrap_disparities(t, p, codes, k, seed=trial, resamples=100)
        first = next(group_module.stratified_indices(codes, t, seed=trial, resamples=100))
        groups = np.array([f"g{c}" for c in codes])
        for r in range(0, 100, 24):
            idx = first[r]
            assert (np.sort(codes[idx] * 2 + t[idx]) == np.sort(codes * 2 + t)).all(), "strata keep their sizes"
            for name, function in DISPARITY_FUNCTIONS.items():
                expected = function(t[idx], p[idx], sensitive_features=groups[idx])
                np.testing.assert_allclose(replicates[name][r], expected, atol=1e-12, err_msg=name)


def test_small_groups_are_reported_with_their_n(tmp_path: Path) -> None:
    rows = [{"text": f"row {i} {'good' if i % 2 else 'bad'}", "label": "pos" if i % 2 else "neg",
             "group": "tiny" if i < 6 else ("big" if i % 3 else "mid")} for i in range(100)]
    model = FakeModel(classify_fn=lambda text: "pos" if "good" in text else "neg")
    result = _run(model, _write_jsonl(tmp_path / "r.jsonl", rows), {"positive_label": "pos", "min_group_size": 30})
    assert result.status == "ok", result.error
    small = [f for f in result.findings if f.kind == "small_group"]
    assert [(f.example["group"], f.example["n"], f.severity) for f in small] == [("tiny", 6, "high")]
    assert "'tiny'" in small[0].message and "n=6" in small[0].message
    assert result.metrics["smallest_group_n"].value == 6 and result.metrics["smallest_group_n"].ci_low == 6
    assert result.metrics["demographic_parity_difference"].by_group["tiny"].n == 6
    assert result.metrics["equal_opportunity_difference"].by_group["tiny"].n == 3  # positives in the group


def test_a_group_without_positives_is_flagged_not_hidden(tmp_path: Path) -> None:
    rows = [{"text": f"t{i}", "label": "pos" if (i % 2 and i >= 40) else "neg", "group": "a" if i < 40 else "b"}
            for i in range(80)]
    result = _run(FakeModel(classify_fn=lambda text: "pos" if int(text[1:]) % 3 else "neg"),
                  _write_jsonl(tmp_path / "r.jsonl", rows), {"positive_label": "pos"})
    assert result.status == "ok", result.error
    tpr_a = result.metrics["tpr"].by_group["a"]
    assert (tpr_a.n, tpr_a.value, tpr_a.ci_low, tpr_a.ci_high) == (0, 0.0, 0.0, 1.0)
    assert any(f.kind == "undefined_group_rate" and f.example["group"] == "a" for f in result.findings)


def test_empty_group_value_is_one_clear_error_and_exit_2(tmp_path: Path) -> None:
    rows = [{"text": f"t{i}", "label": "pos" if i % 2 else "neg",
             "group": ["a", "b", "", None][i % 4] if i < 8 else "ab"[i % 2]}
            for i in range(40)]
    path = _write_jsonl(tmp_path / "r.jsonl", rows)
    result = _run(FakeModel(classify_fn=lambda text: "pos"), path, {"positive_label": "pos"})
    assert result.status == "error"
    assert "4 of 40 rows have an empty value in the group column 'group' (first at row 3)" in result.error
    suite = tmp_path / "suite.yaml"
    suite.write_text(f"name: s\ntasks:\n  - name: g\n    evaluator: bias.group\n    dataset: {{path: {path}}}\n"
                     "    params: {positive_label: pos}\n")
    cli = CliRunner().invoke(app, ["evaluate", f"python:{KEYWORD_MODEL}:predict", "--suite", str(suite)])
    assert cli.exit_code == 2
    assert "empty value in the group column" in cli.output


def test_missing_group_column_fails_before_inference(tmp_path: Path) -> None:
    path = _write_jsonl(tmp_path / "r.jsonl", [{"text": "a", "label": "pos", "segment": "x"}])
    model = FakeModel(classify_fn=lambda text: "pos")
    with pytest.raises(guard.GuardError, match=r"no column 'group' \(needed as 'group'\)"):
        _run(model, path, {"positive_label": "pos"})
    assert model.calls["classify"] == 0


def test_bad_params_fail_at_suite_load() -> None:
    base = {"name": "s", "tasks": [{"name": "g", "evaluator": "bias.group", "dataset": {"path": "x.jsonl"}}]}
    with pytest.raises(guard.GuardError, match="missing required key 'positive_label'"):
        suite_from_dict(base)
    base["tasks"][0]["params"] = {"positive_label": "1", "min_group_sise": 10}
    with pytest.raises(guard.GuardError, match="did you mean 'min_group_size'"):
        suite_from_dict(base)


def test_positive_label_typo_and_single_group_are_errors(tmp_path: Path) -> None:
    rows = [{"text": f"t{i}", "label": "positive" if i % 2 else "negative", "group": "only"} for i in range(10)]
    path = _write_jsonl(tmp_path / "r.jsonl", rows)
    model = FakeModel(classify_fn=lambda text: "positive")
    typo = _run(model, path, {"positive_label": "postive"})
    assert typo.status == "error" and "did you mean 'positive'" in typo.error
    single = _run(model, path, {"positive_label": "positive"})
    assert single.status == "error" and "single value ('only')" in single.error
    unmapped = _run(FakeModel(classify_fn=lambda text: "LABEL_1"), path, {"positive_label": "positive"})
    assert unmapped.status == "error" and "map them with label_map" in unmapped.error


def test_same_seed_same_numbers(tmp_path: Path, sst2_rows: list[dict]) -> None:
    path = _write_jsonl(tmp_path / "sst2.jsonl", sst2_rows[:200])
    first = _run(f"python:{KEYWORD_MODEL}:predict", path, {"positive_label": "1", "bootstrap_resamples": 200}, seed=4)
    second = _run(f"python:{KEYWORD_MODEL}:predict", path, {"positive_label": "1", "bootstrap_resamples": 200}, seed=4)
    assert first.metrics == second.metrics
