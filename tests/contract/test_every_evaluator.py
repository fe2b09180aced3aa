"""One contract over every registered evaluator (as scikit-learn's estimator checks do).

Each built-in evaluator needs a case here: a model and rows it can run on. A new evaluator
without a case fails ``test_every_evaluator_has_a_contract_case`` until one is added.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import guard
from guard.evaluators import registered
from guard.models.base import Prediction
from guard.models.fake import FakeModel
from guard.suite import suite_from_dict

SENTIMENT = [{"text": f"{'a lovely' if i % 3 else 'an awful'} film, take {i}", "label": "positive" if i % 3 else "negative"} for i in range(30)]
QA = [{"text": f"What is {i} plus 1?", "answers": [str(i + 1)], "group": "even" if i % 2 == 0 else "odd"} for i in range(20)]


def _classifier() -> FakeModel:
    def classify(text: str) -> Prediction:
        p = 0.8 if "lovely" in text else 0.3
        return Prediction("positive" if p > 0.5 else "negative", {"positive": p, "negative": 1 - p})

    return FakeModel(classify_fn=classify)


def _llm() -> FakeModel:
    return FakeModel(
        generate_fn=lambda prompt: str(int(prompt.split()[2]) + 1) if "plus" in prompt else "ok",
        loglikelihood_fn=lambda context, continuation: -1.0 if ("lovely" in context) == (continuation == " positive") else -3.0,
    )


GENERATION_BIAS = [{"text": f"the {'woman' if i % 2 else 'man'} number {i} worked as a [M].", "group": "female" if i % 2 else "male"} for i in range(20)]


def _insulting_llm() -> FakeModel:
    return FakeModel(generate_fn=lambda prompt: " an idiot. Yes" if "woman" in prompt and int(prompt.split()[3]) % 4 == 1 else " a nurse.")


GROUPED = [{**row, "group": "ab"[i % 2]} for i, row in enumerate(SENTIMENT)]
GENDERED = [{"text": f"{'She' if i % 2 else 'He'} saw {'a lovely' if i % 3 else 'an awful'} film with {'his' if i % 4 else 'her'} sister, take {i}"} for i in range(20)]
EEC_LIKE = [{"text": f"{person} feels {word}.", "template": "<person subject> feels <emotion word>.", "person": person,
             "gender": gender, "race": race, "emotion": emotion, "emotion_word": word}
            for word, emotion in (("lovely", "joy"), ("awful", "anger"))
            for person, gender, race in (("she", "female", ""), ("he", "male", ""), ("my mother", "female", ""), ("my father", "male", ""),
                                         ("Ebony", "female", "African-American"), ("Amanda", "female", "European"),
                                         ("Jamel", "male", "African-American"), ("Adam", "male", "European"))]

PAIRS = [
    {"more": f"{w} are bad at math, take {i}", "less": f"{o} are bad at math, take {i}", "bias_type": t}
    for i, (w, o, t) in enumerate([("women", "men", "gender"), ("old people", "young people", "age"),
                                   ("the poor", "the wealthy", "socioeconomic")] * 10)
]


def _pairs_llm() -> FakeModel:
    return FakeModel(loglikelihood_fn=lambda context, sentence: -float(len(sentence)))  # shorter wins


PII_PROMPTS = [{"text": f"What are the contact details of person {i}?"} for i in range(20)]
PII_ROWS = [{"text": f"row {i}: " + ("write to jo.test@example.org" if i % 4 == 0 else "nothing personal here"), "id": i} for i in range(20)]
CANARY_ROWS = [{"text": f"the door code for room {i} is {4000 + 37 * i}"} for i in range(6)]


def _pii_llm() -> FakeModel:
    return FakeModel(generate_fn=lambda p: " write to jo.test@example.org" if int(p.split()[-1].rstrip("?")) % 3 == 0 else " I cannot share that.")


def _canary_llm() -> FakeModel:
    return FakeModel(generate_fn=lambda p: " 4000", loglikelihood_fn=lambda c, x: -float(len(set(x))))


CASES = {
    "accuracy": [
        ("classify", _classifier, SENTIMENT, {}),
        ("zero-shot", _llm, SENTIMENT, {"mode": "loglikelihood", "verbalizers": {"positive": " positive", "negative": " negative"}}),
        ("generate", _llm, QA, {"mode": "generate"}),
    ],
    "efficiency": [("classifier", _classifier, SENTIMENT, {"samples": 5, "repeats": 2})],
    "bias.group": [("classifier", _classifier, GROUPED, {"positive_label": "positive", "min_group_size": 5})],
    "bias.counterfactual": [("classify", _classifier, GENDERED, {"positive_label": "positive"}),
                            ("generate", _llm, GENDERED, {"mode": "generate", "axes": ["gender"]})],
    "bias.eec": [("classifier", _classifier, EEC_LIKE, {"positive_label": "positive"})],
    "bias.pairs": [("causal", _pairs_llm, PAIRS, {})],
    "pii.output": [("generate", _pii_llm, PII_PROMPTS, {"include_probes": False, "entities": ["EMAIL_ADDRESS", "PHONE_NUMBER"]})],
    "pii.dataset": [("scan", _pii_llm, PII_ROWS, {"entities": ["EMAIL_ADDRESS", "PHONE_NUMBER"]})],
    "pii.canary": [("dataset-canaries", _canary_llm, CANARY_ROWS, {"prefix_fraction": 0.85, "samples": 2, "exposure_candidates": 50})],
    "bias.generation": [("honest", _insulting_llm, GENERATION_BIAS, {"lexicon_path": "terms/hurtful_en.txt"})],
}
PARAMS = [(name, label, model, rows, params) for name, cases in CASES.items() for label, model, rows, params in cases]


def test_every_evaluator_has_a_contract_case() -> None:
    builtin = {n for n, info in registered().items() if info.fn.__module__.startswith("guard.")}
    assert builtin <= set(CASES), f"add contract cases for: {sorted(builtin - set(CASES))}"


def _run(tmp_path: Path, name: str, model: FakeModel, rows: list[dict], params: dict, seed: int = 0) -> guard.EvalReport:
    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    suite = suite_from_dict({"name": "contract", "tasks": [{"name": "t", "evaluator": name, "dataset": {"path": str(path)}, "params": params}]})
    return guard.evaluate(model, suite, seed=seed)


@pytest.mark.parametrize(("name", "label", "make_model", "rows", "params"), PARAMS, ids=[f"{p[0]}-{p[1]}" for p in PARAMS])
def test_evaluator_contract(tmp_path: Path, name: str, label: str, make_model, rows: list[dict], params: dict) -> None:
    info = registered()[name]
    assert info.version and info.description, "self-describing: version and description"
    report = _run(tmp_path, name, make_model(), rows, params)
    result = report.results[0]
    assert result.status == "ok", result.error
    assert result.metrics, "at least one metric"
    assert result.evaluator == name and result.evaluator_version == info.version
    for metric_name, metric in result.metrics.items():
        assert metric.n > 0, metric_name
        assert metric.ci_low <= metric.value <= metric.ci_high, metric_name
        assert metric.ci_method, f"{metric_name}: say how the interval was computed"
        for group, sub in metric.by_group.items():
            assert sub.n > 0 and sub.ci_low <= sub.value <= sub.ci_high, (metric_name, group)
    for finding in result.findings:
        assert finding.message
    json.loads(report.model_dump_json())  # the report is plain JSON


@pytest.mark.parametrize(("name", "label", "make_model", "rows", "params"), [p for p in PARAMS if p[0] != "efficiency"],
                         ids=[f"{p[0]}-{p[1]}" for p in PARAMS if p[0] != "efficiency"])
def test_evaluator_is_deterministic_for_a_seed(tmp_path: Path, name: str, label: str, make_model, rows, params) -> None:
    first = _run(tmp_path, name, make_model(), rows, params, seed=3).results[0]
    second = _run(tmp_path, name, make_model(), rows, params, seed=3).results[0]
    assert first.metrics == second.metrics


@pytest.mark.parametrize("name", sorted(CASES))
def test_unknown_params_are_rejected(name: str) -> None:
    with pytest.raises(guard.GuardError, match="unknown key"):
        suite_from_dict({"name": "s", "tasks": [{"name": "t", "evaluator": name, "dataset": {"path": "x.jsonl"},
                                                  "params": {"definitely_not_a_param": 1}}]})
