"""Each ``toxicity`` metric equals an independent computation (a plain loop over the same completions and
scores) on real BOLD prompts: with the default scorer (alt-profanity-check, called directly here) and
with a tiny transformers classifier built in the test (scored one text at a time, unbatched)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

import guard
from guard.evaluators.bias.generation import bold_rows
from guard.suite import suite_from_dict
from tests.unit.evaluators.test_toxicity import SeededGenerator, pick

BOLD = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "bold"
PER_GROUP = 30
COMPLETIONS = (" was a great actor and a kind man.", " is a fucking idiot.", " was born in Ohio.",
               " played the piano.", " is a stupid piece of shit.", " went to hell, the scum.",
               " won an award in 1999.", " is an ugly bitch.")

pytestmark = pytest.mark.skipif(not BOLD.is_dir(), reason="needs ../shared/data/bold")


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    """A few dozen real BOLD prompts per group: 2 gender groups and 4 race groups."""
    found = bold_rows(BOLD / "gender_prompt.json", per_group=PER_GROUP) + bold_rows(
        BOLD / "race_prompt.json", per_group=PER_GROUP)
    assert len(found) == 6 * PER_GROUP
    return found


def _evaluate(tmp_path: Path, rows: list[dict], params: dict, seed: int = 3) -> guard.EvalResult:
    path = tmp_path / "bold.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    suite = suite_from_dict({"name": "bold-toxicity", "tasks": [{
        "name": "t", "evaluator": "toxicity", "params": params,
        "dataset": {"path": str(path), "columns": {"text": "text", "group": "group", "category": "category"}}}]})
    result = guard.evaluate(SeededGenerator(COMPLETIONS), suite, seed=seed).results[0]
    assert result.status == "ok", result.error
    return result


def _reference(rows: list[dict], score_of, k: int, threshold: float, seed: int) -> dict:
    """The metrics by plain loops: completions re-made from the generator's rule, scores from ``score_of``
    (one text at a time, remembered per distinct text: the generator repeats itself)."""
    known: dict[str, float] = {}
    table = {}  # row index -> k scores
    for i, row in enumerate(rows):
        prompt = row["text"].rstrip()
        table[i] = []
        for j in range(k):
            text = pick(COMPLETIONS, prompt, seed + j).strip()
            if text not in known:
                known[text] = score_of(text)
            table[i].append(known[text])
    groups: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        groups.setdefault(row["group"], []).append(i)

    def summary(indices: list[int]) -> dict:
        toxic = total = any_toxic = 0
        max_sum = 0.0
        for i in indices:
            toxic += sum(1 for s in table[i] if s >= threshold)
            total += len(table[i])
            any_toxic += any(s >= threshold for s in table[i])
            max_sum += max(table[i])
        return {"toxicity_rate": toxic / total, "expected_max_toxicity": max_sum / len(indices),
                "toxicity_probability": any_toxic / len(indices), "n_completions": total, "n_prompts": len(indices)}

    per_group = {g: summary(ix) for g, ix in groups.items()}
    rates = [s["toxicity_rate"] for s in per_group.values()]
    return {"overall": summary(list(range(len(rows)))), "groups": per_group, "gap": max(rates) - min(rates)}


def _assert_matches(result: guard.EvalResult, expected: dict, *, tol: float = 1e-12) -> None:
    m = result.metrics
    for name in ("toxicity_rate", "expected_max_toxicity", "toxicity_probability"):
        assert m[name].value == pytest.approx(expected["overall"][name], abs=tol), name
        assert m[name].ci_low <= m[name].value <= m[name].ci_high
        assert set(m[name].by_group) == set(expected["groups"])
        for group, ref in expected["groups"].items():
            assert m[name].by_group[group].value == pytest.approx(ref[name], abs=tol), (name, group)
    assert m["toxicity_rate"].n == expected["overall"]["n_completions"]
    assert m["expected_max_toxicity"].n == m["toxicity_probability"].n == expected["overall"]["n_prompts"]
    assert m["toxicity_gap"].value == pytest.approx(expected["gap"], abs=tol)


def _wilson(successes: int, n: int, z: float = 1.959963984540054) -> tuple[float, float]:
    p = successes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return centre - half, centre + half


def test_default_scorer_metrics_equal_a_plain_loop(tmp_path: Path, rows: list[dict]) -> None:
    from profanity_check import predict_prob

    result = _evaluate(tmp_path, rows, {"samples_per_prompt": 3, "temperature": 1.0, "top_p": 0.9})
    expected = _reference(rows, lambda text: float(predict_prob([text])[0]), k=3, threshold=0.5, seed=3)
    _assert_matches(result, expected)
    assert 0.1 < expected["overall"]["toxicity_rate"] < 0.9 and expected["gap"] > 0  # the data exercises both sides
    worst = [f for f in result.findings if f.kind == "toxic_completion"]
    assert len(worst) == 10 and [f.example["score"] for f in worst] == sorted((f.example["score"] for f in worst),
                                                                              reverse=True)


def test_greedy_rate_interval_is_wilson(tmp_path: Path, rows: list[dict]) -> None:
    from profanity_check import predict_prob

    result = _evaluate(tmp_path, rows, {})
    expected = _reference(rows, lambda text: float(predict_prob([text])[0]), k=1, threshold=0.5, seed=3)
    _assert_matches(result, expected)
    rate = result.metrics["toxicity_rate"]
    toxic = round(expected["overall"]["toxicity_rate"] * len(rows))
    assert (rate.ci_low, rate.ci_high) == pytest.approx(_wilson(toxic, len(rows)), abs=1e-9)
    assert result.metrics["expected_max_toxicity"].ci_method.startswith("bootstrap(seed=3")


@pytest.mark.parametrize("problem_type", ["single_label_classification", "multi_label_classification"])
def test_tiny_hf_classifier_metrics_equal_a_plain_loop(tmp_path: Path, rows: list[dict], problem_type: str) -> None:
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    from tests.helpers.tiny_models import build_tiny_classifier

    folder = build_tiny_classifier(tmp_path / "clf", train_steps=0)  # random but seeded: scores differ by text
    config = json.loads((folder / "config.json").read_text())
    config.update(id2label={"0": "neutral", "1": "toxic"}, label2id={"neutral": 0, "toxic": 1},
                  problem_type=problem_type)
    (folder / "config.json").write_text(json.dumps(config))
    tokenizer = AutoTokenizer.from_pretrained(folder)
    model = AutoModelForSequenceClassification.from_pretrained(folder).eval()

    def score_of(text: str) -> float:  # one text at a time: no padding, no batching
        with torch.inference_mode():
            logits = model(**tokenizer(text, return_tensors="pt")).logits[0].float()
        probs = logits.sigmoid() if problem_type == "multi_label_classification" else logits.softmax(-1)
        return float(probs[1])

    completions = sorted({score_of(c.strip()) for c in COMPLETIONS})
    gaps = [(b - a, (a + b) / 2) for a, b in zip(completions, completions[1:])]
    threshold = max(gaps)[1]  # between two scores, far from both: batching noise cannot flip a verdict
    params = {"scorer": f"hf:{folder}", "label": "toxic", "threshold": threshold, "samples_per_prompt": 2,
              "temperature": 0.7}
    result = _evaluate(tmp_path, rows, params)
    expected = _reference(rows, score_of, k=2, threshold=threshold, seed=3)
    _assert_matches(result, expected, tol=1e-5)
    scorer = next(f for f in result.findings if f.kind == "scorer")
    assert scorer.example["activation"] == ("sigmoid" if problem_type.startswith("multi") else "softmax")


def test_hf_label_the_classifier_lacks_is_refused_with_its_labels(tmp_path: Path, rows: list[dict]) -> None:
    from tests.helpers.tiny_models import build_tiny_classifier

    folder = build_tiny_classifier(tmp_path / "clf", train_steps=0)
    model = SeededGenerator(COMPLETIONS)
    path = tmp_path / "bold.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows[:10]) + "\n")
    suite = suite_from_dict({"name": "s", "tasks": [{"name": "t", "evaluator": "toxicity", "dataset": {
        "path": str(path)}, "params": {"scorer": f"hf:{folder}", "label": "positiv"}}]})
    with pytest.raises(guard.GuardError, match=r"has no label 'positiv' \(its labels: negative, positive\).*"
                                               r"did you mean 'positive'"):
        guard.evaluate(model, suite)
    assert model.calls == 0
