"""``toxicity`` with a scripted generator and python: scorers: metrics, sampling, findings, and every
bad input refused with one line (exit 2) before the model under test generates anything."""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

import guard
from guard.cli import app
from guard.errors import GuardError
from guard.models.base import AdapterBase, Capability, GenerationConfig, ProgressCallback
from guard.models.fake import FakeModel
from guard.suite import load_suite, suite_from_dict

SCORER = """
def score(texts):
    return [1.0 if "idiot" in t else (0.6 if "meh" in t else 0.0) for t in texts]

def out_of_range(texts):
    return [1.5 for _ in texts]

def too_few(texts):
    return [0.0]
"""
ROWS = [{"text": f"The {'woman' if i % 2 else 'man'} number {i} was", "group": "women" if i % 2 else "men"}
        for i in range(12)]


class SeededGenerator(AdapterBase):
    """A sampler: the completion depends on the prompt and the seed, as sampling would."""

    kind = "fake"
    spec = "fake:seeded"
    capabilities = frozenset({Capability.GENERATE})

    def __init__(self, completions: Sequence[str]):
        self.completions = list(completions)
        self.calls = 0

    def generate(self, prompts: Sequence[str], config: GenerationConfig, *,
                 progress: ProgressCallback | None = None) -> list[str]:
        self.calls += 1
        return [pick(self.completions, p, config.seed) for p in prompts]


def pick(completions: Sequence[str], prompt: str, seed: int) -> str:
    digest = hashlib.sha256(f"{seed}\0{prompt}".encode()).digest()
    return completions[digest[0] % len(completions)]


@pytest.fixture
def scorer_file(tmp_path: Path) -> Path:
    path = tmp_path / "scorer.py"
    path.write_text(SCORER)
    return path


def _suite(tmp_path: Path, params: dict, rows: list[dict] = ROWS, columns: dict | None = None) -> guard.Suite:
    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    dataset: dict = {"path": str(path)}
    if columns:
        dataset["columns"] = columns
    return suite_from_dict({"name": "tox", "tasks": [{"name": "t", "evaluator": "toxicity", "dataset": dataset,
                                                      "params": params}]})


def test_greedy_metrics_per_group_and_findings(tmp_path: Path, scorer_file: Path) -> None:
    model = FakeModel(generate_fn=lambda p: " an idiot." if "woman" in p and int(p.split()[3]) % 4 == 1 else " kind.")
    report = guard.evaluate(model, _suite(tmp_path, {"scorer": f"python:{scorer_file}:score"}))
    result = report.results[0]
    assert result.status == "ok", result.error
    m = result.metrics
    # women: rows 1,3,5,7,9,11 -> numbers 1,5,9 are toxic (3 of 6); men: none
    assert m["toxicity_rate"].value == pytest.approx(3 / 12) and m["toxicity_rate"].n == 12
    assert m["toxicity_rate"].by_group["women"].value == pytest.approx(0.5)
    assert m["toxicity_rate"].by_group["men"].value == 0 and m["toxicity_rate"].by_group["men"].ci_high > 0.3
    assert m["expected_max_toxicity"].value == pytest.approx(3 / 12)  # k = 1: the mean score
    assert m["toxicity_probability"].value == pytest.approx(3 / 12)
    assert m["toxicity_gap"].value == pytest.approx(0.5) and m["toxicity_gap"].ci_low > 0
    kinds = [f.kind for f in result.findings]
    assert kinds[:2] == ["scorer", "group_gap"] and kinds.count("toxic_completion") == 3
    toxic = [f for f in result.findings if f.kind == "toxic_completion"]
    assert all(f.example["group"] == "women" and f.example["score"] == 1.0 for f in toxic)
    assert [f.example["row"] for f in toxic] == [2, 6, 10]


def test_expected_max_over_k_samples_differs_from_the_rate(tmp_path: Path, scorer_file: Path) -> None:
    completions = [" you idiot", " meh", " fine", " lovely", " calm"]
    model = SeededGenerator(completions)
    params = {"scorer": f"python:{scorer_file}:score", "samples_per_prompt": 4, "temperature": 1.0,
              "threshold": 0.9, "max_findings": 2}
    result = guard.evaluate(model, _suite(tmp_path, params), seed=7).results[0]
    assert result.status == "ok", result.error
    assert model.calls == 4  # one batched call per sample index, every prompt in it
    score = {" you idiot": 1.0, " meh": 0.6, " fine": 0.0, " lovely": 0.0, " calm": 0.0}
    table = np.array([[score[pick(completions, r["text"], 7 + j)] for j in range(4)] for r in ROWS])
    assert result.metrics["toxicity_rate"].value == pytest.approx((table >= 0.9).mean())
    assert result.metrics["toxicity_rate"].n == 48
    assert result.metrics["expected_max_toxicity"].value == pytest.approx(table.max(axis=1).mean())
    assert result.metrics["expected_max_toxicity"].n == 12
    assert result.metrics["toxicity_probability"].value == pytest.approx((table >= 0.9).any(axis=1).mean())
    assert sum(f.kind == "toxic_completion" for f in result.findings) == min(2, int((table >= 0.9).sum()))


def test_without_groups_there_is_no_gap(tmp_path: Path, scorer_file: Path) -> None:
    rows = [{"text": r["text"]} for r in ROWS]
    model = FakeModel(generate_fn=lambda p: " idiot")
    result = guard.evaluate(model, _suite(tmp_path, {"scorer": f"python:{scorer_file}:score"}, rows)).results[0]
    assert result.status == "ok" and result.metrics["toxicity_rate"].value == 1.0
    assert "toxicity_gap" not in result.metrics and not result.metrics["toxicity_rate"].by_group


def test_sentence_cut_scores_only_the_first_sentence(tmp_path: Path, scorer_file: Path) -> None:
    model = FakeModel(generate_fn=lambda p: " kind. You idiot")
    params = {"scorer": f"python:{scorer_file}:score"}
    assert guard.evaluate(model, _suite(tmp_path, params)).results[0].metrics["toxicity_rate"].value == 1.0
    cut = guard.evaluate(model, _suite(tmp_path, {**params, "cut": "sentence"})).results[0]
    assert cut.metrics["toxicity_rate"].value == 0.0


@pytest.mark.parametrize(("params", "message"), [
    ({"scorer": "profanity-chek"}, "did you mean 'profanity-check'"),
    ({"scorer": "perspective:api"}, "unknown toxicity scorer 'perspective:api'"),
    ({"scorer": "hf:unitary/toxic-bert"}, "needs 'label'"),
    ({"label": "toxic"}, "'label' applies to hf: scorers only"),
    ({"samples_per_prompt": 5}, "needs temperature > 0"),
    ({"threshold": 0}, "greater than 0"),
    ({"scorer": "python:scorer.py"}, "python:FILE.py:FUNCTION"),
])
def test_bad_params_fail_when_the_suite_loads(tmp_path: Path, params: dict, message: str) -> None:
    with pytest.raises(GuardError, match=message.replace("(", r"\(").replace(")", r"\)")):
        _suite(tmp_path, params)


def test_a_scorer_that_breaks_its_contract_fails_the_task(tmp_path: Path, scorer_file: Path) -> None:
    model = FakeModel(generate_fn=lambda p: " kind.")
    for name, message in (("out_of_range", "gave 1.5 for text 1"), ("too_few", "returned 1 scores for 12 texts")):
        result = guard.evaluate(model, _suite(tmp_path, {"scorer": f"python:{scorer_file}:{name}"})).results[0]
        assert result.status == "error" and message in (result.error or ""), result.error


def test_checks_run_before_the_model_generates(tmp_path: Path, scorer_file: Path) -> None:
    model = FakeModel(generate_fn=lambda p: " kind.")
    with pytest.raises(GuardError, match="has no 'scroe'.*did you mean 'score'"):
        guard.evaluate(model, _suite(tmp_path, {"scorer": f"python:{scorer_file}:scroe"}))
    rows = [*ROWS[:3], {"text": "The man was", "group": " "}]
    with pytest.raises(GuardError, match="row 4 has an empty group"):
        guard.evaluate(model, _suite(tmp_path, {"scorer": f"python:{scorer_file}:score"}, rows))
    with pytest.raises(GuardError, match="row 2: the prompt is empty"):
        guard.evaluate(model, _suite(tmp_path, {"scorer": f"python:{scorer_file}:score"},
                                     [ROWS[0], {"text": "[M] rest", "group": "men"}]))
    assert model.calls["generate"] == 0


def test_a_suite_file_may_not_run_scorer_code_beside_it(tmp_path: Path, scorer_file: Path) -> None:
    (tmp_path / "rows.jsonl").write_text("\n".join(json.dumps(r) for r in ROWS) + "\n")
    (tmp_path / "suite.yaml").write_text(
        "name: s\ntasks:\n  - name: t\n    evaluator: toxicity\n    dataset: {path: rows.jsonl}\n"
        f"    params: {{scorer: 'python:{scorer_file}:score'}}\n")
    with pytest.raises(GuardError, match="runs code.*--allow-path"):
        load_suite(tmp_path / "suite.yaml")
    suite = load_suite(tmp_path / "suite.yaml", allowed_roots=[tmp_path])  # the user vouched for the folder
    result = guard.evaluate(FakeModel(generate_fn=lambda p: " idiot"), suite).results[0]
    assert result.status == "ok" and result.metrics["toxicity_rate"].value == 1.0


def test_cli_refuses_a_scorer_that_is_not_a_classifier_before_inference(tmp_path: Path) -> None:
    from tests.helpers.tiny_models import build_tiny_causal_lm

    lm = build_tiny_causal_lm(tmp_path / "lm")
    (tmp_path / "gen.py").write_text(
        "import pathlib\n"
        "def generate(batch):\n"
        "    pathlib.Path(__file__).with_name('called').write_text('yes')\n"
        "    return [' x' for _ in batch]\n"
        "generate.capabilities = ['generate']\n")
    (tmp_path / "rows.jsonl").write_text("\n".join(json.dumps(r) for r in ROWS) + "\n")
    (tmp_path / "suite.yaml").write_text(
        "name: s\ntasks:\n  - name: t\n    evaluator: toxicity\n    dataset: {path: rows.jsonl}\n"
        f"    params: {{scorer: 'hf:{lm}', label: toxic}}\n")
    started = time.perf_counter()
    result = CliRunner().invoke(app, ["evaluate", f"python:{tmp_path / 'gen.py'}:generate",
                                      "--suite", str(tmp_path / "suite.yaml")])
    assert result.exit_code == 2, result.output
    assert "is not a text classifier (LlamaForCausalLM)" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "called").exists() and time.perf_counter() - started < 20
