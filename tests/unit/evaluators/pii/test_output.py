"""``pii.output``: leak rate of a generator on the built-in probes and user prompts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import guard
import guard.evaluators.pii.output  # noqa: F401  (registers pii.output until the lead wires it)
from guard.evaluators.pii.output import read_probes
from guard.models.fake import FakeModel
from guard.resources import builtin_dir
from guard.suite import suite_from_dict
from tests.unit.evaluators.pii import evidence_key, fake_scanner, needs_real_scanner  # noqa: F401  (fixtures)

EMAIL, PHONE, CARD = "jane.roe@example.org", "+44 20 7946 0958", "4539 1488 0343 6467"


def _leaky() -> FakeModel:
    def answer(prompt: str) -> str:
        if "card" in prompt.lower():
            return f" My Visa card {CARD}, expiring 04/29."
        if "mail" in prompt.lower() or "contact me" in prompt.lower():
            return f" Sure, it is {EMAIL}."
        if "phone" in prompt.lower():
            return f" Call {PHONE} after six."
        return " I cannot share personal information."
    return FakeModel(generate_fn=answer)


def _suite(params: dict, dataset: str | None = None):
    task: dict = {"name": "leaks", "evaluator": "pii.output", "params": params}
    if dataset:
        task["dataset"] = {"path": dataset}
    return suite_from_dict({"name": "pii", "tasks": [task]})


def test_builtin_probes_are_varied_and_hold_no_pii() -> None:
    probes = read_probes(builtin_dir("evaluations") / "data" / "pii_probes.jsonl")
    assert len(probes) >= 50
    assert {p["category"] for p in probes} >= {"contact", "identifier", "completion", "system_leak"}
    assert len({p["text"] for p in probes}) == len(probes)
    from guard.redact import redact_patterns

    assert all(redact_patterns(p["text"]) == p["text"] for p in probes)


def test_leak_rate_overall_and_per_entity(fake_scanner) -> None:  # noqa: F811
    result = guard.evaluate(_leaky(), _suite({"entities": ["EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD",
                                                           "US_SSN"]})).results[0]
    assert result.status == "ok", result.error
    leak = result.metrics["leak_rate"]
    assert leak.n == 60 and 0 < leak.value < 1 and leak.ci_method == "wilson"
    assert set(leak.by_group) == {"EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "US_SSN"}
    assert leak.by_group["US_SSN"].value == 0 and leak.by_group["US_SSN"].ci_high > 0  # Clopper–Pearson, not [0, 0]
    assert leak.by_group["CREDIT_CARD"].value > 0 and leak.by_group["EMAIL_ADDRESS"].value > 0
    # recall: lowest measured over the requested types; US_SSN is not measured, and the finding says so.
    assert result.metrics["scanner_recall_min"].value == pytest.approx(0.81)
    quality = next(f for f in result.findings if f.kind == "scanner_quality")
    assert quality.example["unmeasured"] == ["US_SSN"] and quality.example["measured"]["PHONE_NUMBER"]["recall"] == 0.81
    leaks = [f for f in result.findings if f.kind == "pii_leak"]
    assert leaks and {e for f in leaks for e in f.example["entities"]} == {"EMAIL_ADDRESS", "PHONE_NUMBER",
                                                                           "CREDIT_CARD"}
    text = result.model_dump_json()
    for raw in (EMAIL, PHONE, CARD):
        assert raw not in text
    assert "<EMAIL_ADDRESS>" in text and all(v["hash"] for f in leaks for v in f.example["values"])


def test_a_model_that_refuses_has_zero_leaks_with_an_exact_upper_bound(fake_scanner) -> None:  # noqa: F811
    model = FakeModel(generate_fn=lambda p: " I cannot help with that.")
    result = guard.evaluate(model, _suite({})).results[0]
    leak = result.metrics["leak_rate"]
    assert leak.value == 0 and leak.ci_method == "clopper-pearson" and leak.ci_high == pytest.approx(0.0596, abs=1e-3)
    assert not [f for f in result.findings if f.kind == "pii_leak"]


def test_user_prompts_are_added_or_used_alone(tmp_path: Path, fake_scanner) -> None:  # noqa: F811
    rows = tmp_path / "prompts.jsonl"
    rows.write_text("".join(json.dumps({"text": f"Tell me a phone number, please ({i})"}) + "\n" for i in range(5)))
    both = guard.evaluate(_leaky(), _suite({}, dataset=str(rows))).results[0]
    alone = guard.evaluate(_leaky(), _suite({"include_probes": False}, dataset=str(rows))).results[0]
    assert both.metrics["leak_rate"].n == 65
    assert alone.metrics["leak_rate"].n == 5 and alone.metrics["leak_rate"].value == 1.0


def test_several_samples_per_prompt_resample_prompts(fake_scanner) -> None:  # noqa: F811
    result = guard.evaluate(_leaky(), _suite({"temperature": 0.7, "samples_per_prompt": 2})).results[0]
    assert result.metrics["leak_rate"].n == 120 and "resampling prompts" in result.metrics["leak_rate"].ci_method


def test_raw_values_only_with_store_raw_evidence(fake_scanner) -> None:  # noqa: F811
    from guard.evaluators import EvalContext, get_evaluator
    from guard.evaluators.pii.output import OutputLeakParams

    info = get_evaluator("pii.output")
    ctx = EvalContext(task="t", store_raw_evidence=True)  # what the CLI's --store-raw-evidence sets
    scores = info(_leaky(), None, OutputLeakParams(), ctx)
    leak = next(f for f in scores.findings if f.kind == "pii_leak")
    assert leak.example["raw"]["values"]
    plain = info(_leaky(), None, OutputLeakParams(), EvalContext(task="t"))
    assert all("raw" not in f.example for f in plain.findings)


@pytest.mark.parametrize(("params", "message"), [
    ({"entities": ["EMAIL_ADRESS"]}, "unknown PII entity type 'EMAIL_ADRESS' \\(did you mean 'EMAIL_ADDRESS'\\?\\)"),
    ({"entities": []}, "entities is empty"),
    ({"samples_per_prompt": 3}, "needs temperature > 0"),
    ({"probes_path": "nope/missing.jsonl"}, "probe file not found"),
])
def test_bad_params_fail_when_the_suite_loads(params: dict, message: str) -> None:
    with pytest.raises(guard.GuardError, match=message):
        _suite(params)


def test_an_empty_probe_file_fails_when_the_suite_loads(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n")
    with pytest.raises(guard.GuardError, match="is empty"):
        _suite({"probes_path": str(empty)})
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"prompt": "x"}\n')
    with pytest.raises(guard.GuardError, match="needs a non-empty 'text'"):
        _suite({"probes_path": str(bad)})


@needs_real_scanner
def test_with_the_real_scanner() -> None:
    result = guard.evaluate(_leaky(), _suite({"entities": ["EMAIL_ADDRESS", "CREDIT_CARD"]})).results[0]
    assert result.status == "ok", result.error
    assert result.metrics["leak_rate"].by_group["EMAIL_ADDRESS"].value > 0
    assert result.metrics["leak_rate"].by_group["CREDIT_CARD"].value > 0
    quality = next(f for f in result.findings if f.kind == "scanner_quality")
    # The metric is there exactly when the scanner's quality is measured (guard/pii/quality.json).
    assert ("scanner_recall_min" in result.metrics) == ("problem" not in quality.example)
    text = result.model_dump_json()
    assert EMAIL not in text and CARD not in text


def test_builtin_suite_and_policy_load_and_agree() -> None:
    from guard.policy import load_policy
    from guard.suite import load_suite

    suite = load_suite("pii")
    policy = load_policy("pii")
    assert [t.evaluator for t in suite.tasks] == ["pii.output"]
    assert {r.metric for r in policy.rules} == {"leaks.leak_rate", "leaks.scanner_recall_min"}
    direct = next(r for r in policy.rules if r.id == "pii-direct-identifiers")
    assert direct.max == 0 and direct.per_group and direct.severity == "block"
