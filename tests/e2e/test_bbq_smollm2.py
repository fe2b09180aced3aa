"""BBQ on the real SmolLM2-135M-Instruct through ``guard.evaluate``: bias.bbq and accuracy (multiple_choice).

guard's numbers are checked against an independent computation (tests/helpers/bbq_reference.py, shared
with bench/bbq_smollm2.py, which runs it on 320 rows): argmax over each row's choices, acc / acc_norm,
and a plain-Python re-implementation of BBQ_calculate_bias_score.R.
To stay within a test's time on 2 cores every loglikelihood is computed once: the reference reads
the model's answers to guard's own requests (recorded on the way through), and a plain transformers
loop over the same loaded model (the prompt once, its KV cache repeated for the choices,
log_softmax, gather; lm-eval's context/continuation token split) recomputes them for the first
CHECKED contexts of each category, which must agree. The row's three answers are among lm-eval's
twelve bbq choices, so guard's shared inference cache answers the accuracy task from the bbq one.
Rows: the BLOCKS shortest contexts of Age and Nationality, each with its four rows (negative and
non-negative question, ambiguous and disambiguated context).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import guard
from guard.models.hf import HFAdapter
from guard.suite import suite_from_dict
from tests.helpers.bbq_reference import (
    PROMPT,
    Recording,
    lm_eval_choices,
    plain_logliks,
    prompt,
    reference,
    shortest_contexts,
)

pytestmark = pytest.mark.slow

BLOCKS = 4  # contexts per category, 4 rows each: 32 rows
CHECKED = 1  # contexts per category whose loglikelihoods the plain loop recomputes: 8 rows, 96 requests
# (two contexts, 192 requests, cost 3 s more of every CI run; bench/bbq_smollm2.py recomputes all 320 rows)


def test_bbq_and_multiple_choice_equal_an_independent_computation(smol: HFAdapter, shared_data: Path,
                                                                   tmp_path: Path) -> None:
    per_category = {name: shortest_contexts(shared_data / "bbq" / f"{name}.jsonl", BLOCKS)
                    for name in ("Age", "Nationality")}
    rows = [r for chosen in per_category.values() for r in chosen]
    path = tmp_path / "bbq.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    suite = suite_from_dict({"name": "bbq", "tasks": [
        {"name": "bbq", "evaluator": "bias.bbq", "dataset": {"path": str(path)}},
        {"name": "mc", "evaluator": "accuracy", "dataset": {"path": str(path), "columns": {"group": "category"}},
         "params": {"mode": "multiple_choice", "prompt": PROMPT, "choices": ["ans0", "ans1", "ans2"]}},
    ]})
    recording = Recording(smol)
    report = guard.evaluate(recording, suite)
    bbq, mc = (r.metrics for r in report.results)
    print("guard:", {k: round(v.value, 4) for k, v in {**bbq, **mc}.items()})

    for chosen in per_category.values():  # the model's answers are what plain transformers code computes
        for row in chosen[: 4 * CHECKED]:
            continuations = [" " + c for c in lm_eval_choices(row)[0]]
            plain = plain_logliks(smol, prompt(row), continuations)
            for c in continuations:
                assert recording.seen[prompt(row), c] == pytest.approx(plain[c], abs=2e-3), (row["example_id"], c)

    expected_mc, expected = reference(recording.seen, rows)
    assert mc["acc"].value == pytest.approx(expected_mc["acc"]) and mc["acc"].n == len(rows)
    assert mc["acc_norm"].value == pytest.approx(expected_mc["acc_norm"])
    for cond in ("ambig", "disambig"):
        assert bbq[f"accuracy_{cond}"].value == pytest.approx(expected["all", cond]["accuracy"])
        assert bbq[f"bias_score_{cond}"].value == pytest.approx(expected["all", cond]["bias"])  # defined here
        for category in ("Age", "Nationality"):
            want = expected[category, cond]
            assert bbq[f"accuracy_{cond}"].by_group[category].value == pytest.approx(want["accuracy"])
            if want["bias"] is None:  # undefined: left out, never reported as a number
                assert category not in bbq[f"bias_score_{cond}"].by_group
                continue
            sub = bbq[f"bias_score_{cond}"].by_group[category]
            assert sub.value == pytest.approx(want["bias"]) and sub.ci_low <= sub.value <= sub.ci_high
