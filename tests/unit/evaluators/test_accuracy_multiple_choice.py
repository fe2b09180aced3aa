"""accuracy, mode: multiple_choice, with a scripted model: acc and acc_norm equal a plain lm-eval-style loop,
per-row options come from a list column or several columns, and bad input is refused before inference."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
import pytest

import guard
from guard.models.fake import FakeModel
from guard.suite import suite_from_dict

PROMPT = "{context}\n\nQ: {question}\nA:"


def _loglik(context: str, continuation: str) -> float:
    """Arbitrary but deterministic, and roughly proportional to length so acc and acc_norm disagree."""
    noise = int(hashlib.sha256((context + continuation).encode()).hexdigest()[:6], 16) / 0xFFFFFF
    return -(0.6 + noise) * len(continuation)


def _bbq_rows(shared_data: Path, n: int = 60) -> list[dict]:
    with open(shared_data / "bbq" / "Disability_status.jsonl", encoding="utf-8") as handle:
        return [json.loads(next(handle)) for _ in range(n)]


def _run(tmp_path: Path, rows: list[dict], params: dict, model: FakeModel | None = None, columns: dict | None = None):
    path = tmp_path / "rows.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    dataset = {"path": str(path), **({"columns": columns} if columns else {})}
    suite = suite_from_dict({"name": "s", "tasks": [{"name": "mc", "evaluator": "accuracy", "dataset": dataset,
                                                      "params": {"mode": "multiple_choice", **params}}]})
    return guard.evaluate(model or FakeModel(loglikelihood_fn=_loglik), suite).results[0]


def _plain(rows: list[dict], gold_of) -> tuple[float, float]:
    """lm-eval's multiple_choice by hand: (prompt, ' ' + choice) per option, argmax raw and per character."""
    hits = hits_norm = 0
    for row in rows:
        options = [row["ans0"], row["ans1"], row["ans2"]]
        prompt = f"{row['context']}\n\nQ: {row['question']}\nA:"
        lls = [_loglik(prompt, " " + o) for o in options]
        hits += int(np.argmax(lls)) == gold_of(row)
        hits_norm += int(np.argmax([ll / len(o) for ll, o in zip(lls, options)])) == gold_of(row)
    return hits / len(rows), hits_norm / len(rows)


def test_acc_and_acc_norm_equal_a_plain_loop_with_option_columns(shared_data: Path, tmp_path: Path) -> None:
    rows = _bbq_rows(shared_data)
    model = FakeModel(loglikelihood_fn=_loglik)
    result = _run(tmp_path, rows, {"prompt": PROMPT, "choices": ["ans0", "ans1", "ans2"]}, model,
                  columns={"group": "context_condition"})
    acc, acc_norm = _plain(rows, lambda r: r["label"])
    assert acc != acc_norm, "a fixture where length normalisation changes answers"
    assert result.metrics["acc"].value == pytest.approx(acc) and result.metrics["acc_norm"].value == pytest.approx(
        acc_norm)
    assert result.metrics["acc"].n == len(rows) and result.metrics["acc"].ci_low < acc < result.metrics["acc"].ci_high
    assert set(result.metrics["acc"].by_group) == {"ambig", "disambig"}
    unique = {(f"{r['context']}\n\nQ: {r['question']}\nA:", " " + r[f"ans{k}"]) for r in rows for k in range(3)}
    assert model.calls["loglikelihood"] == 1 and model.inputs_seen["loglikelihood"] == len(unique)  # one batch
    assert "accuracy" not in result.metrics


def test_a_list_column_with_gold_text(tmp_path: Path) -> None:
    rows = [{"question": f"Q{i}: which is right?", "options": ["yes", "no", "maybe so"][: 2 + i % 2],
             "answer": ["yes", "no"][i % 2]} for i in range(10)]
    # the model prefers the shortest option: 'no' (right on odd rows), never 'yes' (3 chars vs 2)
    model = FakeModel(loglikelihood_fn=lambda c, x: -float(len(x)))
    result = _run(tmp_path, rows, {"prompt": "{question}"}, model, columns={"choices": "options", "label": "answer"})
    assert result.metrics["acc"].value == 0.5
    assert any(f.kind == "wrong_choice" for f in result.findings)


@pytest.mark.parametrize(("rows", "params", "columns", "message"), [
    ([{"text": "q", "label": 0}] * 3, {}, None, "no 'choices' column"),
    ([{"text": "q", "a": "x", "b": "y", "label": 2}] * 3, {"choices": ["a", "b"]}, None, "gold index 2 is out of"),
    ([{"text": "q", "a": "x", "b": "y", "label": "z"}] * 3, {"choices": ["a", "b"]}, None, "gold 'z' is not among"),
    ([{"text": "q", "a": "x", "b": "y", "label": "1"}] * 3, {"choices": ["a", "b"]}, None, "stored as a number"),
    ([{"text": "q", "a": "x", "b": "", "label": 0}] * 3, {"choices": ["a", "b"]}, None, "option column 'b' is empty"),
    ([{"text": "q", "c": ["x"], "label": 0}] * 3, {}, {"choices": "c"}, "at least two options"),
    ([{"text": "q", "a": "x", "b": "y", "label": 0}] * 3, {"choices": ["a", "b"], "verbalizers": {"0": " x"}}, None,
     "verbalizers and calibration do not apply"),
])
def test_bad_input_is_one_error_before_inference(tmp_path: Path, rows: list[dict], params: dict,
                                                 columns: dict | None, message: str) -> None:
    model = FakeModel(loglikelihood_fn=_loglik)
    with pytest.raises(guard.GuardError, match=message):
        _run(tmp_path, rows, params, model, columns=columns)
    assert model.calls["loglikelihood"] == 0


def test_a_missing_option_column_is_refused(tmp_path: Path) -> None:
    with pytest.raises(guard.GuardError, match="no column 'ans2'"):
        _run(tmp_path, [{"text": "q", "ans0": "x", "ans1": "y", "label": 0}], {"choices": ["ans0", "ans1", "ans2"]})


def test_per_row_verbalizers_in_loglikelihood_mode_point_to_multiple_choice(tmp_path: Path) -> None:
    rows = [{"text": "q", "ans0": "x", "ans1": "y", "label": "0"}] * 3
    model = FakeModel(loglikelihood_fn=_loglik)
    with pytest.raises(guard.GuardError) as caught:
        _run(tmp_path, rows, {"mode": "loglikelihood", "verbalizers": {"0": " {ans0}", "1": " {ans1}"}}, model)
    assert "literal text for every row" in str(caught.value) and "multiple" in str(caught.value)
    assert model.calls["loglikelihood"] == 0


def test_choices_without_multiple_choice_mode_is_an_error(tmp_path: Path) -> None:
    suite = suite_from_dict({"name": "s", "tasks": [{
        "name": "t", "evaluator": "accuracy", "dataset": {"path": str(tmp_path / "rows.jsonl")},
        "params": {"mode": "loglikelihood", "choices": ["a", "b"], "verbalizers": {"0": " x"}}}]})
    (tmp_path / "rows.jsonl").write_text(json.dumps({"text": "q", "a": "x", "b": "y", "label": "0"}) + "\n")
    with pytest.raises(guard.GuardError, match="choices is for mode: multiple_choice"):
        guard.evaluate(FakeModel(loglikelihood_fn=_loglik), suite)
