"""A model that fails on a few examples: the task is scored on the rest, ``error_rate`` says how many
failed, and a policy must allow a rate explicitly (no rule on ``task.error_rate`` -> inconclusive)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from sklearn.metrics import accuracy_score

import guard
import guard._example_errors as example_errors
from guard import stats
from guard.errors import GuardError
from guard.evaluators import report_range_problems
from guard.models.base import GenerationConfig, Prediction, UnsupportedCapability
from guard.models.cached import CachedModel, ExampleErrors
from guard.models.fake import FakeModel
from guard.policy import Policy
from guard.report.console import verdict_details
from guard.report.markdown import markdown_summary
from guard.runner import check_policy_against_suite
from guard.suite import suite_from_dict

BOOM_ROWS = (7, 23)  # 0-based rows whose text makes the model raise


def _rows(n: int = 40, boom: tuple[int, ...] = BOOM_ROWS, *, answers: bool = False) -> list[dict]:
    rows = []
    for i in range(n):
        good = i % 3 != 0
        text = f"review {i} is {'good' if good else 'bad'}" + (" boom" if i in boom else "")
        # every fifth row's label disagrees with the model, so accuracy is not trivially 1
        label = ("pos" if good else "neg") if i % 5 else ("neg" if good else "pos")
        rows.append({"text": text, "label": label, **({"answers": [f"answer {i}"]} if answers else {})})
    return rows


def _write(tmp_path: Path, rows: list[dict], name: str = "rows.jsonl") -> str:
    path = tmp_path / name
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return str(path)


class CountingClassifier:
    """``classify_fn`` for FakeModel that raises on inputs containing a trigger; counts calls per input."""

    def __init__(self, trigger: str = "boom", message: str = "cannot score this input"):
        self.trigger, self.message = trigger, message
        self.calls: Counter[str] = Counter()

    def __call__(self, text: str) -> Prediction:
        self.calls[text] += 1
        if self.trigger in text:
            raise ValueError(self.message)
        return Prediction("pos" if "good" in text else "neg")


def _suite(path: str, *, task: str = "t", params: dict | None = None, tasks: int = 1) -> guard.Suite:
    return suite_from_dict({"name": "s", "tasks": [
        {"name": task if k == 0 else f"{task}{k}", "evaluator": "accuracy", "dataset": {"path": path},
         "params": params or {}} for k in range(tasks)]})


def _policy(*rules: dict) -> Policy:
    default = {"id": "acc", "metric": "t.accuracy", "min": 0}
    return Policy.model_validate({"name": "p", "rules": list(rules) or [default]})


# --------------------------------------------------------------------------- scored around failures


def test_failing_examples_are_set_aside_and_the_rest_scored(tmp_path: Path) -> None:
    rows = _rows()
    report = guard.evaluate(FakeModel(classify_fn=CountingClassifier()), _suite(_write(tmp_path, rows)))
    (result,) = report.results
    assert result.status == "ok", result.error
    kept = [r for i, r in enumerate(rows) if i not in BOOM_ROWS]
    predicted = ["pos" if "good" in r["text"] else "neg" for r in kept]
    accuracy = result.metrics["accuracy"]
    assert accuracy.n == 38
    assert accuracy.value == pytest.approx(accuracy_score([r["label"] for r in kept], predicted))
    assert result.metrics["error_rate"] == stats.proportion(2, 40, higher_is_better=False)
    assert result.metrics["error_rate"].n == 40 and result.metrics["error_rate"].ci_method == "wilson"
    assert result.dataset is not None and result.dataset.rows == 40  # the plan's data; error_rate says what was scored
    errors = [f for f in result.findings if f.kind == "example_error"]
    assert [f.example["row"] for f in errors] == [i + 1 for i in BOOM_ROWS]  # 1-based, like other row findings
    assert all(f.severity == "high" and "ValueError: cannot score this input" in f.message for f in errors)
    assert report_range_problems(report) == []


def test_a_clean_run_carries_error_rate_zero_with_an_exact_bound(tmp_path: Path) -> None:
    report = guard.evaluate(FakeModel(classify_fn=CountingClassifier()), _suite(_write(tmp_path, _rows(boom=()))))
    rate = report.results[0].metrics["error_rate"]
    assert rate.value == 0 and rate.n == 40 and rate.ci_method == "clopper-pearson" and rate.ci_high > 0.05
    assert not [f for f in report.results[0].findings if f.kind == "example_error"]
    verdict = guard.check(report, _policy({"id": "e", "metric": "t.error_rate", "max": 0.02}))
    assert verdict.status == "pass" and verdict.example_errors == {}  # a rule on error_rate judges clean runs too


class BatchRecordingFake(FakeModel):
    """The test fake, recording every batch the model is asked to classify."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.batches: list[list[str]] = []

    def classify(self, inputs, *, progress=None):
        self.batches.append(list(inputs))
        return super().classify(inputs, progress=progress)


def test_each_failing_input_reaches_the_model_alone_once_per_run(tmp_path: Path) -> None:
    path = _write(tmp_path, _rows())
    sent = {}
    for tasks in (1, 2):
        model = BatchRecordingFake(classify_fn=CountingClassifier())
        report = guard.evaluate(model, _suite(path, tasks=tasks))
        assert {r.status for r in report.results} == {"ok"}
        booms = sorted({x for batch in model.batches for x in batch if "boom" in x})
        assert len(booms) == 2
        assert all(sum(batch == [b] for batch in model.batches) == 1 for b in booms)  # alone exactly once
        sent[tasks] = {b: sum(b in batch for batch in model.batches) for b in booms}
    # in its batch, one chunk per level (7, 3 inputs), alone: however many times the runner re-runs the
    # evaluator on row subsets to find its row, and however many tasks read the same rows
    assert sent[1] == sent[2] and all(n <= 4 for n in sent[1].values()), sent


def test_every_row_failing_fails_the_task(tmp_path: Path) -> None:
    model = FakeModel(classify_fn=CountingClassifier(trigger="review"))
    report = guard.evaluate(model, _suite(_write(tmp_path, _rows(n=6))))
    (result,) = report.results
    assert result.status == "error" and "cannot score this input" in result.error and result.metrics == {}
    verdict = guard.check(report, _policy({"id": "e", "metric": "t.error_rate", "max": 1.0}))
    assert verdict.status == "inconclusive"


def test_a_model_failing_everywhere_is_not_tried_input_by_input(tmp_path: Path) -> None:
    counter = CountingClassifier(trigger="review")
    report = guard.evaluate(FakeModel(classify_fn=counter), _suite(_write(tmp_path, _rows(n=400))))
    (result,) = report.results
    assert result.status == "error" and "cannot score this input" in result.error
    assert sum(counter.calls.values()) < 40  # the batch, its 20 chunks, 8 inputs alone: not 400 calls


def test_a_failure_on_the_remaining_rows_fails_the_task(tmp_path: Path) -> None:
    @guard.evaluator("test.late_failure", description="Asks one more, failing, input once the data is large.",
                     columns=({"text"}, set()))
    def late(model, data, params, ctx):
        labels = [p.label for p in model.classify(data.column("text"))]
        if len(data) > 30:
            model.classify(["late boom"])
        return guard.Scores(metrics={"share_pos": stats.proportion(labels.count("pos"), len(labels),
                                                                   higher_is_better=None)})

    suite = suite_from_dict({"name": "s", "tasks": [{"name": "t", "evaluator": "test.late_failure",
                                                    "dataset": {"path": _write(tmp_path, _rows())}}]})
    result = guard.evaluate(FakeModel(classify_fn=CountingClassifier()), suite).results[0]
    assert result.status == "error" and "ExampleErrors: the model failed on 1 of 1 classify inputs" in result.error


def test_too_many_failures_to_isolate_fail_the_task(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(example_errors, "MAX_PROBES", 5)
    report = guard.evaluate(FakeModel(classify_fn=CountingClassifier()), _suite(_write(tmp_path, _rows())))
    assert report.results[0].status == "error" and "too many examples to set them aside" in report.results[0].error


def test_errors_with_pii_are_redacted_in_findings_and_task_errors(tmp_path: Path) -> None:
    leaky = CountingClassifier(message="bad row from maria@example.org")
    report = guard.evaluate(FakeModel(classify_fn=leaky), _suite(_write(tmp_path, _rows())))
    errors = [f for f in report.results[0].findings if f.kind == "example_error"]
    assert len(errors) == 2
    assert "maria@example.org" not in report.model_dump_json()
    assert all("bad row from" in f.message for f in errors)
    everywhere = CountingClassifier(trigger="review", message="bad row from maria@example.org")
    failed = guard.evaluate(FakeModel(classify_fn=everywhere), _suite(_write(tmp_path, _rows(n=4), "few.jsonl")))
    assert failed.results[0].status == "error" and "maria@example.org" not in failed.results[0].error


def test_at_most_twenty_findings_with_the_count(tmp_path: Path) -> None:
    boom = tuple(range(0, 100, 4))  # 25 of 100
    report = guard.evaluate(FakeModel(classify_fn=CountingClassifier()), _suite(_write(tmp_path, _rows(100, boom))))
    result = report.results[0]
    errors = [f for f in result.findings if f.kind == "example_error"]
    assert len(errors) == 20 and "of 25 failed rows; first 20 listed" in errors[0].message
    assert result.metrics["error_rate"].value == 0.25 and result.metrics["accuracy"].n == 75


def test_generate_mode(tmp_path: Path) -> None:
    def answer(prompt: str) -> str:
        if "boom" in prompt:
            raise RuntimeError("generation blew up")
        return f"answer {prompt.split()[1]}" if int(prompt.split()[1]) % 2 else "no idea"

    rows = _rows(answers=True)
    report = guard.evaluate(FakeModel(generate_fn=answer), _suite(_write(tmp_path, rows), params={"mode": "generate"}))
    result = report.results[0]
    assert result.status == "ok", result.error
    kept = [i for i in range(40) if i not in BOOM_ROWS]
    assert result.metrics["exact_match"].n == 38
    assert result.metrics["exact_match"].value == pytest.approx(sum(i % 2 for i in kept) / 38)
    assert result.metrics["error_rate"].value == pytest.approx(2 / 40)
    assert [f.example["row"] for f in result.findings if f.kind == "example_error"] == [8, 24]


# --------------------------------------------------------------------------- counterfactual


def test_counterfactual_with_a_dataset_sets_aside_the_rows_behind_failing_variants(tmp_path: Path) -> None:
    texts = [f"She liked film number {i}." if i % 2 else f"He disliked film number {i}." for i in range(12)]
    texts[5] = "She liked the boom film."
    model = FakeModel(classify_fn=CountingClassifier(trigger="boom"))
    dataset = {"path": _write(tmp_path, [{"text": t} for t in texts])}
    suite = suite_from_dict({"name": "s", "tasks": [{"name": "t", "evaluator": "bias.counterfactual",
                                                    "params": {"axes": ["gender"]}, "dataset": dataset}]})
    result = guard.evaluate(model, suite).results[0]
    assert result.status == "ok", result.error
    assert result.metrics["error_rate"].value == pytest.approx(1 / 12)
    assert [f.example["row"] for f in result.findings if f.kind == "example_error"] == [6]


def test_a_dataset_less_task_fails_as_a_whole(tmp_path: Path) -> None:
    """The built-in templates are not rows the runner can set aside: one failing input fails the task."""
    model = FakeModel(classify_fn=CountingClassifier(trigger="library"))  # one template mentions a library
    suite = suite_from_dict({"name": "s", "tasks": [{"name": "t", "evaluator": "bias.counterfactual",
                                                    "params": {"axes": ["gender"]}}]})
    report = guard.evaluate(model, suite)
    result = report.results[0]
    assert result.status == "error" and "ExampleErrors" in result.error and "cannot score this input" in result.error
    verdict = guard.check(report, _policy({"id": "e", "metric": "t.error_rate", "max": 0.5}))
    assert verdict.status == "inconclusive"
    clean = guard.evaluate(FakeModel(classify_fn=CountingClassifier()), suite)
    assert clean.results[0].status == "ok" and "error_rate" not in clean.results[0].metrics
    outcome = guard.check(clean, _policy({"id": "e", "metric": "t.error_rate", "max": 0.5})).outcomes[0]
    assert outcome.status == "inconclusive" and "has no dataset" in outcome.message


# --------------------------------------------------------------------------- policy


@pytest.fixture(scope="module")
def failing_report(tmp_path_factory: pytest.TempPathFactory) -> guard.EvalReport:
    path = _write(tmp_path_factory.mktemp("rows"), _rows())
    return guard.evaluate(FakeModel(classify_fn=CountingClassifier()), _suite(path))


def test_without_a_rule_on_error_rate_any_error_is_inconclusive(failing_report: guard.EvalReport) -> None:
    verdict = guard.check(failing_report, _policy({"id": "acc", "metric": "t.accuracy", "min": 0.5}))
    assert verdict.status == "inconclusive" and verdict.exit_code == 2
    reason = verdict.example_errors["t"]
    assert reason == ("task 't': 2 of 40 examples failed (error_rate 0.05); the policy allows no errors: "
                      "add a rule on t.error_rate to allow a rate")
    assert reason in verdict_details(verdict)
    assert f"- {reason}" in markdown_summary(verdict)
    assert "t.error_rate" in verdict.table()


def test_a_rule_on_error_rate_decides(failing_report: guard.EvalReport) -> None:
    allowed = guard.check(failing_report, _policy({"id": "e", "metric": "t.error_rate", "max": 0.1}))
    assert allowed.status == "pass" and allowed.example_errors == {}
    strict = guard.check(failing_report, _policy({"id": "e", "metric": "t.error_rate", "max": 0.01}))
    assert strict.status == "fail" and strict.outcomes[0].status == "fail"


def test_a_failing_blocking_rule_still_fails(failing_report: guard.EvalReport) -> None:
    verdict = guard.check(failing_report, _policy({"id": "acc", "metric": "t.accuracy", "min": 0.99}))
    assert verdict.status == "fail" and "t" in verdict.example_errors


def test_policies_may_name_error_rate_for_any_task(tmp_path: Path) -> None:
    suite = _suite(_write(tmp_path, _rows()))
    check_policy_against_suite(_policy({"id": "e", "metric": "t.error_rate", "max": 0.1}), suite)
    with pytest.raises(GuardError, match="no metric 'error_rat'"):
        check_policy_against_suite(_policy({"id": "e", "metric": "t.error_rat", "max": 0.1}), suite)
    with pytest.raises(GuardError, match="has no groups"):
        check_policy_against_suite(_policy({"id": "e", "metric": "t.error_rate[a]", "max": 0.1}), suite)


def test_error_rate_is_range_checked_for_every_evaluator(failing_report: guard.EvalReport) -> None:
    result = failing_report.results[0]
    bad_rate = result.metrics["error_rate"].model_copy(update={"value": 1.5, "ci_high": 1.6})
    for evaluator in ("accuracy", "no.such.evaluator"):
        bad = failing_report.model_copy(update={"results": [result.model_copy(update={
            "evaluator": evaluator, "metrics": {**result.metrics, "error_rate": bad_rate}})]})
        problems = report_range_problems(bad)
        assert problems and all("error_rate" in p for p in problems), problems


def test_an_evaluator_may_not_produce_error_rate_itself(tmp_path: Path) -> None:
    @guard.evaluator("test.own_error_rate", description="Produces a metric named error_rate.")
    def own(model, data, params, ctx):
        return guard.Scores(metrics={"error_rate": stats.proportion(0, 3, higher_is_better=False)})

    suite = suite_from_dict({"name": "s", "tasks": [{"name": "t", "evaluator": "test.own_error_rate",
                                                    "dataset": {"path": _write(tmp_path, _rows(n=3))}}]})
    result = guard.evaluate(FakeModel(classify_fn=CountingClassifier()), suite).results[0]
    assert result.status == "error" and "reserves" in result.error


# --------------------------------------------------------------------------- CachedModel


def test_cached_model_keeps_the_answers_of_inputs_that_did_not_fail() -> None:
    counter = CountingClassifier()
    fake = FakeModel(classify_fn=counter)
    model = CachedModel(fake)
    inputs = [f"good {i}" for i in range(10)] + ["boom a", "good 10", "boom b"]
    with model.watch() as seen, pytest.raises(ExampleErrors) as caught:
        model.classify(inputs)
    assert caught.value.errors == {"boom a": "ValueError: cannot score this input",
                                   "boom b": "ValueError: cannot score this input"}
    assert caught.value.total == 13 and seen == [caught.value]
    before = sum(counter.calls.values())
    assert [p.label for p in model.classify(inputs[:10])] == ["pos"] * 10  # cached: no model call
    with pytest.raises(ExampleErrors):
        model.classify(["boom b"])  # remembered: raises at once
    assert sum(counter.calls.values()) == before


def test_cached_model_keeps_capability_and_guard_errors_fatal() -> None:
    def unsupported(text: str) -> Prediction:
        raise UnsupportedCapability("no")

    def guarded(text: str) -> Prediction:
        raise GuardError("server said no")

    for fn, kind in ((unsupported, UnsupportedCapability), (guarded, GuardError)):
        calls = Counter()

        def counted(text: str, fn=fn, calls=calls) -> Prediction:
            calls[text] += 1
            return fn(text)

        with pytest.raises(kind):
            CachedModel(FakeModel(classify_fn=counted)).classify([f"x {i}" for i in range(9)])
        assert sum(calls.values()) == 1  # not retried


def test_cached_model_retries_a_transient_failure_silently() -> None:
    state = {"failed": False}

    def flaky(text: str) -> Prediction:
        if not state["failed"]:
            state["failed"] = True
            raise OSError("connection reset")
        return Prediction("pos")

    assert [p.label for p in CachedModel(FakeModel(classify_fn=flaky)).classify(["a", "b", "c"])] == ["pos"] * 3


def test_sampled_generation_is_not_cached_but_fails_per_input() -> None:
    counter = Counter()

    def generate(prompt: str) -> str:
        counter[prompt] += 1
        if "boom" in prompt:
            raise RuntimeError("sampler crashed")
        return prompt.upper()

    model = CachedModel(FakeModel(generate_fn=generate))
    sampled = GenerationConfig(temperature=0.7)
    assert model.generate(["a", "a", "b"], sampled) == ["A", "A", "B"] and counter["a"] == 2
    with pytest.raises(ExampleErrors) as caught:
        model.generate(["a", "boom", "b"], sampled)
    assert list(caught.value.errors) == ["boom"]
    calls = counter["boom"]
    with pytest.raises(ExampleErrors):
        model.generate(["boom"], sampled)
    assert counter["boom"] == calls
