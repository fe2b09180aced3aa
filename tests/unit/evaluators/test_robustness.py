"""``robustness``: perturbations that cannot change the label, and metrics equal to a plain loop on SST-2."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import numpy as np
import pytest
from scipy.stats import binomtest
from typer.testing import CliRunner

import guard
from guard.evaluators._perturb import NEGATIONS, PERTURBATIONS, perturb
from guard.models.base import Prediction
from guard.models.fake import FakeModel
from guard.suite import Suite, suite_from_dict
from tests.fixtures.keyword_sentiment import NEGATIVE, POSITIVE

ALL = list(PERTURBATIONS)


def _sst2(shared_data: Path) -> list[tuple[str, str]]:
    lines = (shared_data / "sst2" / "dev.tsv").read_text(encoding="utf-8").splitlines()[1:]
    return [(line.split("\t")[0], line.split("\t")[1]) for line in lines]


def _keyword(text: str, *, case_sensitive: bool) -> Prediction:
    """The fixture's lexicon classifier; the brittle variant forgets to lower-case."""
    words = (text if case_sensitive else text.lower()).split()
    balance = sum(w in POSITIVE for w in words) - sum(w in NEGATIVE for w in words)
    p = 1 / (1 + math.exp(-(balance + 0.1)))
    return Prediction("1" if p >= 0.5 else "0", {"1": p, "0": 1 - p})


def _robust_model() -> FakeModel:
    return FakeModel(name="robust", classify_fn=lambda t: _keyword(t, case_sensitive=False))


def _brittle_model() -> FakeModel:
    return FakeModel(name="brittle", classify_fn=lambda t: _keyword(t, case_sensitive=True))


def _sst2_suite(shared_data: Path, params: dict, *, with_accuracy: bool = False, limit: int | None = None) -> Suite:
    dataset = {"path": str(shared_data / "sst2" / "dev.tsv"), "columns": {"text": "sentence", "label": "label"},
               **({"limit": limit} if limit else {})}
    tasks = [{"name": "robust", "evaluator": "robustness", "dataset": dataset, "params": params}]
    if with_accuracy:
        tasks.insert(0, {"name": "clean", "evaluator": "accuracy", "dataset": dataset})
    return suite_from_dict({"name": "robustness", "tasks": tasks})


# --- the perturbations themselves -----------------------------------------------------------------------


def test_each_perturbation_changes_only_what_it_names(shared_data: Path) -> None:
    soft = re.compile(r"[,.;:]")
    for text, _ in _sst2(shared_data)[:300]:
        variants = {kind: perturb(kind, text, seed=0) for kind in ALL}
        assert variants["casing"].lower() == text.lower()
        assert variants["whitespace"].split() == text.split() and variants["whitespace"] != text
        assert soft.sub("", variants["punctuation"]) == soft.sub("", text)
        assert re.sub(r"\d", "0", variants["numbers"]) == re.sub(r"\d", "0", text)
        typo_words = variants["typo"].split()
        assert len(typo_words) == len(text.split())
        changed = [(a, b) for a, b in zip(text.split(), typo_words) if a != b]
        assert 1 <= len(changed) <= max(1, round(0.1 * len(text.split()))) + 1
        assert all(a.lower() not in NEGATIONS for a, _ in changed)
        for variant in variants.values():  # never adds or removes '!' or '?'
            assert variant.count("!") == text.count("!") and variant.count("?") == text.count("?")


def test_perturbations_are_seeded_and_depend_on_the_text_alone() -> None:
    text = "The staff were friendly and the room was spotless, though breakfast ended at 9."
    for kind in ALL:
        assert perturb(kind, text, seed=3) == perturb(kind, text, seed=3)
    assert sum(perturb("typo", text, seed=s) != perturb("typo", text, seed=0) for s in range(1, 11)) >= 8


def test_numbers_leave_ratings_alone_and_years_stay_years() -> None:
    text = "I rated it 7/10 and 4 stars, 80% fun, bought 12 copies in 1999"
    variant = perturb("numbers", text, seed=0)
    for kept in ("7/10", "4 stars", "80%"):
        assert kept in variant
    assert "12 copies" not in variant and re.search(r"\b19\d\d$", variant) and not variant.endswith("1999")
    assert perturb("numbers", "no digits here", seed=0) == "no digits here"


# --- metrics equal a plain loop on real data (SST-2) ----------------------------------------------------


def _plain_loop(rows: list[tuple[str, str]], predict, kinds: list[str], seed: int) -> dict:
    """Independent computation: per type and worst case over types, written as loops."""
    clean = [predict(text).label for text, _ in rows]
    per_kind: dict[str, dict[str, list]] = {}
    per_row: dict[int, list[tuple[bool, bool]]] = {}
    for kind in kinds:
        ok, flipped, drop = [], [], []
        for i, (text, label) in enumerate(rows):
            variant = perturb(kind, text, seed=seed)
            if variant == text:
                continue
            label_after = predict(variant).label
            ok.append(label_after == label)
            flipped.append(label_after != clean[i])
            drop.append(int(clean[i] == label) - int(label_after == label))
            per_row.setdefault(i, []).append((label_after == label, label_after != clean[i]))
        per_kind[kind] = {"ok": ok, "flip": flipped, "drop": drop}
    worst_ok = [all(ok for ok, _ in cases) for _, cases in sorted(per_row.items())]
    any_flip = [any(f for _, f in cases) for _, cases in sorted(per_row.items())]
    worst_drop = [int(clean[i] == rows[i][1]) - int(all(ok for ok, _ in cases)) for i, cases in sorted(per_row.items())]
    return {"kinds": per_kind, "ok": worst_ok, "flip": any_flip, "drop": worst_drop}


def _bootstrap_mean(values: list[int], seed: int, resamples: int = 1000) -> tuple[float, float]:
    rng = np.random.default_rng(seed)
    data = np.array(values, dtype=float)
    means = [data[rng.integers(0, len(data), size=len(data))].mean() for _ in range(resamples)]
    low, high = np.percentile(means, [2.5, 97.5])
    return float(low), float(high)


def _wilson(successes: int, n: int) -> tuple[float, float]:
    method = "exact" if successes in (0, n) else "wilson"
    interval = binomtest(successes, n).proportion_ci(method=method)
    return interval.low, interval.high


@pytest.mark.parametrize("which", ["robust", "brittle"])
def test_metrics_equal_a_plain_loop_on_sst2(shared_data: Path, which: str) -> None:
    rows = _sst2(shared_data)
    model = _robust_model() if which == "robust" else _brittle_model()
    result = guard.evaluate(model, _sst2_suite(shared_data, {"perturbations": ALL}), seed=0).results[0]
    assert result.status == "ok", result.error
    expected = _plain_loop(rows, lambda t: _keyword(t, case_sensitive=which == "brittle"), ALL, seed=0)
    m = result.metrics
    assert m["accuracy"].n == len(expected["ok"]) == len(rows)
    assert m["accuracy"].value == pytest.approx(np.mean(expected["ok"]))
    assert m["flip_rate"].value == pytest.approx(np.mean(expected["flip"]))
    assert m["robustness_drop"].value == pytest.approx(np.mean(expected["drop"]))
    assert (m["robustness_drop"].ci_low, m["robustness_drop"].ci_high) == pytest.approx(
        _bootstrap_mean(expected["drop"], seed=0))
    assert (m["flip_rate"].ci_low, m["flip_rate"].ci_high) == pytest.approx(
        _wilson(sum(expected["flip"]), len(expected["flip"])))
    for kind, values in expected["kinds"].items():
        n = len(values["ok"])
        assert m["accuracy"].by_group[kind].n == m["flip_rate"].by_group[kind].n == n
        assert m["accuracy"].by_group[kind].value == pytest.approx(sum(values["ok"]) / n)
        assert (m["accuracy"].by_group[kind].ci_low, m["accuracy"].by_group[kind].ci_high) == pytest.approx(
            _wilson(sum(values["ok"]), n))
        assert m["flip_rate"].by_group[kind].value == pytest.approx(sum(values["flip"]) / n)
        drop = m["robustness_drop"].by_group[kind]
        assert drop.value == pytest.approx(np.mean(values["drop"]))
        assert (drop.ci_low, drop.ci_high) == pytest.approx(_bootstrap_mean(values["drop"], seed=0))
    assert 0 < len(expected["kinds"]["numbers"]["ok"]) < len(rows) / 10  # only texts with digits


def test_a_case_insensitive_model_shows_no_casing_drop_and_a_case_sensitive_one_a_significant_one(
        shared_data: Path) -> None:
    suite = _sst2_suite(shared_data, {"perturbations": ["casing"]})
    robust = guard.evaluate(_robust_model(), suite).results[0].metrics
    brittle = guard.evaluate(_brittle_model(), suite).results[0].metrics
    casing = robust["robustness_drop"].by_group["casing"]
    assert casing.ci_low <= 0 <= casing.ci_high
    assert robust["flip_rate"].value == 0 and robust["flip_rate"].ci_high > 0  # 0 flips still has an upper bound
    brittle_drop = brittle["robustness_drop"].by_group["casing"]
    assert brittle_drop.ci_low > 0.02, brittle_drop
    assert brittle["flip_rate"].by_group["casing"].ci_low > 0.05


# --- composing with the run's cache ----------------------------------------------------------------------


def test_clean_predictions_come_from_the_cache_when_accuracy_ran_first(shared_data: Path) -> None:
    model = _robust_model()
    report = guard.evaluate(model, _sst2_suite(shared_data, {"perturbations": ["typo", "casing"]}, with_accuracy=True,
                                               limit=200))
    assert [r.status for r in report.results] == ["ok", "ok"]
    rows = _sst2(shared_data)[:200]
    variants = {perturb(k, t, seed=0) for t, _ in rows for k in ("typo", "casing")} - {t for t, _ in rows}
    assert model.inputs_seen["classify"] == len({t for t, _ in rows}) + len(variants)


def test_loglikelihood_mode_matches_a_plain_loop_and_shares_clean_requests_with_accuracy(tmp_path: Path) -> None:
    rows = [{"text": f"{'a lovely' if i % 3 else 'an awful'} film, take {i}", "label": "pos" if i % 3 else "neg"}
            for i in range(40)]

    def loglik(context: str, continuation: str) -> float:
        positive = "lovely" in context  # case-sensitive: casing fools it
        return -1.0 if positive == (continuation == " positive") else -2.0

    model = FakeModel(loglikelihood_fn=loglik)
    params = {"mode": "loglikelihood", "prompt": "Review: {text}\nSentiment:",
              "verbalizers": {"pos": " positive", "neg": " negative"}}
    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    suite = suite_from_dict({"name": "s", "tasks": [
        {"name": "clean", "evaluator": "accuracy", "dataset": {"path": str(path)}, "params": params},
        {"name": "robust", "evaluator": "robustness", "dataset": {"path": str(path)},
         "params": {**params, "perturbations": ["casing", "whitespace"]}}]})
    report = guard.evaluate(model, suite)
    result = report.results[1]
    assert result.status == "ok", result.error
    variants = [(k, perturb(k, r["text"], seed=0), r) for k in ("casing", "whitespace") for r in rows]
    assert model.inputs_seen["loglikelihood"] == 2 * (len(rows) + len(variants))  # clean ones once, two labels each

    def label(text: str) -> str:
        return "pos" if "lovely" in text else "neg"

    for kind in ("casing", "whitespace"):
        cases = [(v, r) for k, v, r in variants if k == kind]
        ok = [label(v) == r["label"] for v, r in cases]
        assert result.metrics["accuracy"].by_group[kind].value == pytest.approx(np.mean(ok))
        assert result.metrics["flip_rate"].by_group[kind].value == pytest.approx(
            np.mean([label(v) != label(r["text"]) for v, r in cases]))
    assert result.metrics["robustness_drop"].by_group["whitespace"].value == 0


def test_generate_mode_scores_answers_and_never_changes_numbers_an_answer_depends_on(tmp_path: Path) -> None:
    rows = [{"question": f"What is {i} plus 1?", "answers": [str(i + 1)]} for i in range(10)]
    rows += [{"question": f"Which colour is sky number {i}?", "answers": ["blue"]} for i in range(10)]

    def answer(prompt: str) -> str:
        if "plus" in prompt:  # case-sensitive on purpose
            return str(int(prompt.split()[2]) + 1)
        if "sky" in prompt:
            return "It is blue."
        return "Blue, of course." if "Sky" in prompt else "no idea"  # reworded but right: no flip

    path = tmp_path / "qa.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    suite = suite_from_dict({"name": "s", "tasks": [{
        "name": "robust", "evaluator": "robustness",
        "dataset": {"path": str(path), "columns": {"text": "question", "answers": "answers"}},
        "params": {"mode": "generate", "perturbations": ["casing", "numbers"]}}]})
    model = FakeModel(generate_fn=answer)
    result = guard.evaluate(model, suite).results[0]
    assert result.status == "ok", result.error
    m = result.metrics
    assert set(m) >= {"exact_match", "contains", "robustness_drop", "flip_rate"} and "accuracy" not in m
    assert m["flip_rate"].by_group["numbers"].n == 10  # the arithmetic rows are never renumbered
    casing = [perturb("casing", r["question"], seed=0) for r in rows]
    contained = [guard_contains(answer(v), r["answers"]) for v, r in zip(casing, rows)]
    assert m["contains"].by_group["casing"].value == pytest.approx(np.mean(contained))
    clean = [guard_contains(answer(r["question"]), r["answers"]) for r in rows]
    assert m["robustness_drop"].by_group["casing"].value == pytest.approx(np.mean(clean) - np.mean(contained))
    assert m["flip_rate"].by_group["casing"].value == pytest.approx(np.mean([a != b for a, b in zip(clean, contained)]))
    assert any(answer(v) == "Blue, of course." for v in casing)
    flips = [f for f in result.findings if f.kind == "perturbation_flip"]
    assert flips and all({"original", "counterfactual", "perturbation"} <= set(f.example) for f in flips)


def guard_contains(output: str, answers: list[str]) -> bool:
    from guard.evaluators._text_match import contains

    return contains(output, answers)


# --- findings and edge cases ----------------------------------------------------------------------------


def test_findings_show_flipped_pairs_side_by_side_over_types(shared_data: Path) -> None:
    result = guard.evaluate(_brittle_model(), _sst2_suite(shared_data, {"perturbations": ALL, "max_findings": 6},
                                                          limit=300)).results[0]
    flips = [f for f in result.findings if f.kind == "perturbation_flip"]
    assert len(flips) == 6
    assert {f.example["perturbation"] for f in flips} >= {"casing", "typo"}
    first = flips[0]
    assert first.severity == "medium" and "right to wrong" in first.message
    example = first.example
    assert example["prediction_original"] == example["expected"] != example["prediction_counterfactual"]


def test_a_perturbation_that_applies_nowhere_is_said_and_has_no_group(tmp_path: Path) -> None:
    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join(json.dumps({"text": f"a lovely film {'!' * i}", "label": "1"}) for i in range(5)))
    suite = suite_from_dict({"name": "s", "tasks": [{"name": "t", "evaluator": "robustness", "dataset": {
        "path": str(path)}, "params": {"perturbations": ["casing", "numbers"]}}]})
    result = guard.evaluate(_robust_model(), suite).results[0]
    assert result.status == "ok" and set(result.metrics["flip_rate"].by_group) == {"casing"}
    note = next(f for f in result.findings if f.kind == "perturbation_not_applicable")
    assert note.example["perturbations"] == ["numbers"]
    only_numbers = suite_from_dict({"name": "s", "tasks": [{"name": "t", "evaluator": "robustness", "dataset": {
        "path": str(path)}, "params": {"perturbations": ["numbers"]}}]})
    failed = guard.evaluate(_robust_model(), only_numbers).results[0]
    assert failed.status == "error" and "nothing to compare" in (failed.error or "")


# --- bad input: one clear line, before inference ---------------------------------------------------------


@pytest.mark.parametrize(("perturbations", "says"), [
    (["typos"], "unknown perturbation 'typos' (did you mean 'typo'?)"),
    (["casing", "Casing"], "did you mean 'casing'?"),
    (["whitespace", "whitespace"], "named twice"),
    ([], "at least one perturbation"),
])
def test_bad_perturbation_names_fail_at_suite_load(perturbations: list[str], says: str) -> None:
    with pytest.raises(guard.GuardError, match=re.escape(says)):
        suite_from_dict({"name": "s", "tasks": [{"name": "t", "evaluator": "robustness",
                                                  "dataset": {"path": "x.jsonl"},
                                                  "params": {"perturbations": perturbations}}]})


def test_a_misspelt_perturbation_exits_2_with_one_line_before_inference(tmp_path: Path, repo_root: Path) -> None:
    from guard.cli import app

    (tmp_path / "rows.jsonl").write_text(json.dumps({"text": "fine", "label": "1"}) + "\n")
    (tmp_path / "suite.yaml").write_text(
        "name: s\ntasks:\n  - name: t\n    evaluator: robustness\n    dataset: {path: rows.jsonl}\n"
        "    params:\n      perturbations: [typo, punctuaton]\n")
    model = f"python:{repo_root / 'tests' / 'fixtures' / 'keyword_sentiment.py'}:crash"  # fails if ever called
    result = CliRunner().invoke(app, ["evaluate", model, "--suite", str(tmp_path / "suite.yaml"),
                                      "--out", str(tmp_path / "report.json")])
    assert result.exit_code == 2, (result.stdout, result.stderr)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "suite.yaml:7" in lines[0] and "unknown perturbation 'punctuaton' (did you mean 'punctuation'?)" in lines[0]
    assert "fell over" not in result.output and not (tmp_path / "report.json").exists()


def test_prompt_must_hold_the_text() -> None:
    with pytest.raises(guard.GuardError, match=r"must contain \{text\}"):
        suite_from_dict({"name": "s", "tasks": [{"name": "t", "evaluator": "robustness",
                                                  "dataset": {"path": "x.jsonl"},
                                                  "params": {"prompt": "Review: {review}"}}]})


def test_builtin_suite_and_policy_load_and_agree() -> None:
    from guard.policy import load_policy
    from guard.runner import check_policy_against_suite, prepare

    suite = guard.load_suite("robustness")
    policy = load_policy("robustness")
    assert {t.evaluator for t in suite.tasks} == {"robustness"}
    check_policy_against_suite(policy, suite)
    assert all(task.data is not None and len(task.data) >= 60 for task in prepare(suite))
    assert all(rule.controls for rule in policy.rules)
