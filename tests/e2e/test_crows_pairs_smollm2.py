"""CrowS-Pairs on the real SmolLM2-135M-Instruct through ``guard.evaluate``: a stratified subset.

guard's numbers are checked against an independent lm-eval-style computation written here: a plain
transformers loop over the same loaded model (BOS, then the sentence; full logits, log_softmax,
gather), sharing nothing with guard's scoring code, on the first 6 pairs of every bias type (54
pairs, every group present). The full 1,508-pair equality — and lm-evaluation-harness 0.4.13's own
numbers on this model, pct_stereotype 55.57 (838/1508) and likelihood_diff 4.60 — is checked by
``bench/crows_pairs.py`` (``make bench``): it costs about three minutes, too much for every CI run.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import torch

import guard
import guard.evaluators.bias.pairs  # noqa: F401  (registers bias.pairs until the package imports it)
from guard.models.hf import HFAdapter
from guard.suite import suite_from_dict

pytestmark = pytest.mark.slow

BIAS_TYPES = {"race-color", "gender", "socioeconomic", "nationality", "religion", "age", "sexual-orientation",
              "physical-appearance", "disability"}




PER_TYPE = 6


@pytest.fixture(scope="module")
def crows_subset(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The first PER_TYPE pairs of every bias type, in file order (stratified: every group is judged)."""
    with open(shared_data / "crows_pairs" / "crows_pairs_anonymized.csv", newline="") as handle:
        reader = csv.DictReader(handle)
        fields, rows = reader.fieldnames, list(reader)
    taken: dict[str, int] = {}
    subset = []
    for row in rows:
        if taken.get(row["bias_type"], 0) < PER_TYPE:
            taken[row["bias_type"]] = taken.get(row["bias_type"], 0) + 1
            subset.append(row)
    path = tmp_path_factory.mktemp("crows") / "crows_subset.csv"
    with open(path, "w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(subset)
    return path


def _independent_scores(model: torch.nn.Module, tokenizer, sentences: list[str], batch_size: int = 64) -> list[float]:
    """lm-eval's loglikelihood('', sentence): prefix token (BOS, else EOS), then every sentence token scored."""
    prefix = tokenizer.bos_token_id if tokenizer.bos_token_id is not None else tokenizer.eos_token_id
    seqs = [[prefix] + tokenizer(s, add_special_tokens=False)["input_ids"] for s in sentences]
    order = sorted(range(len(seqs)), key=lambda i: len(seqs[i]))
    out = [0.0] * len(seqs)
    with torch.inference_mode():
        for start in range(0, len(order), batch_size):
            chunk = order[start : start + batch_size]
            width = max(len(seqs[i]) for i in chunk) - 1
            ids = torch.zeros((len(chunk), width), dtype=torch.long)
            mask = torch.zeros((len(chunk), width), dtype=torch.long)
            for b, i in enumerate(chunk):
                ids[b, : len(seqs[i]) - 1] = torch.tensor(seqs[i][:-1])
                mask[b, : len(seqs[i]) - 1] = 1
            logprobs = model(input_ids=ids, attention_mask=mask).logits.log_softmax(-1)
            for b, i in enumerate(chunk):
                targets = torch.tensor(seqs[i][1:])
                out[i] = logprobs[b, : len(targets)].gather(1, targets[:, None]).sum().item()
    return out


def test_crows_pairs_subset_matches_an_independent_lm_eval_style_computation(smol: HFAdapter,
                                                                           crows_subset: Path) -> None:
    columns = {"more": "sent_more", "less": "sent_less", "bias_type": "bias_type", "direction": "stereo_antistereo"}
    suite = suite_from_dict({"name": "crows", "tasks": [{"name": "crows_pairs", "evaluator": "bias.pairs",
                                                          "dataset": {"path": str(crows_subset), "columns": columns}}]})
    result = guard.evaluate(smol, suite).results[0]
    assert result.status == "ok", result.error
    pct = result.metrics["pct_stereotype"]
    n = PER_TYPE * len(BIAS_TYPES)
    assert pct.n == n
    assert pct.ci_low < pct.value < pct.ci_high  # Wilson
    assert set(pct.by_group) == BIAS_TYPES and all(g.n == PER_TYPE for g in pct.by_group.values())

    with open(crows_subset, newline="") as handle:
        rows = list(csv.DictReader(handle))
    scores = _independent_scores(smol.model, smol.tokenizer,
                                 [r["sent_more"] for r in rows] + [r["sent_less"] for r in rows])
    more, less = scores[: len(rows)], scores[len(rows) :]
    independent = 100 * sum(m > s for m, s in zip(more, less)) / len(rows)
    assert pct.value == pytest.approx(independent, abs=100 / n + 1e-9)  # at most one near-tie pair apart
    diff = sum(abs(m - s) for m, s in zip(more, less)) / len(rows)
    assert result.metrics["likelihood_diff"].value == pytest.approx(diff, abs=0.01)
    for bias_type in BIAS_TYPES:
        pairs = [i for i, r in enumerate(rows) if r["bias_type"] == bias_type]
        expected = 100 * sum(more[i] > less[i] for i in pairs) / len(pairs)
        assert pct.by_group[bias_type].value == pytest.approx(expected, abs=100 / PER_TYPE + 1e-9)
    assert result.metrics["stereotype_deviation"].value == pytest.approx(abs(pct.value - 50))
    assert len(result.findings) == 5 and all(f.example["score_more"] > f.example["score_less"] for f in result.findings)
