"""Masked LMs through ``hf:`` (pseudo-log-likelihood) and prefix packing of causal-LM rows.

Both are new scoring paths of the transformers adapter, checked against the definition computed
one request at a time on tiny real models built in the test.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

from guard.errors import GuardError
from guard.models import Capability, UnsupportedCapability, load_model
from guard.models import _hf_scoring as scoring
from guard.models._hf_masked import select_positions
from guard.models.hf import HFAdapter
from tests.helpers.tiny_models import PAIR_CORPUS, build_tiny_causal_lm, build_tiny_masked_lm

TEXTS = [*PAIR_CORPUS, "the best film of the year", "a mess"]


@pytest.fixture(scope="module")
def mlm(tmp_path_factory: pytest.TempPathFactory) -> HFAdapter:
    return load_model(f"hf:{build_tiny_masked_lm(tmp_path_factory.mktemp('mlm'))}", batch_size=5, device="cpu")


@pytest.fixture(scope="module")
def lm(tmp_path_factory: pytest.TempPathFactory) -> HFAdapter:
    return load_model(f"hf:{build_tiny_causal_lm(tmp_path_factory.mktemp('lm'))}", batch_size=4, device="cpu")


def _naive_pll(adapter: HFAdapter, text: str, positions: list[int] | None = None) -> float:
    """The definition: mask each scored token alone, one forward pass each, full log-softmax."""
    tok, model = adapter.tokenizer, adapter.model
    ids = tok(text)["input_ids"]
    special = set(tok.all_special_ids)
    total = 0.0
    for p in positions if positions is not None else [i for i, t in enumerate(ids) if t not in special]:
        masked = list(ids)
        masked[p] = tok.mask_token_id
        with torch.no_grad():
            logprobs = model(input_ids=torch.tensor([masked])).logits[0, p].log_softmax(-1)
        total += float(logprobs[ids[p]])
    return total


# ---------------------------------------------------------------- masked LMs


def test_masked_lm_loads_with_pseudo_loglikelihood_only(mlm: HFAdapter) -> None:
    assert type(mlm.model).__name__ == "BertForMaskedLM"
    assert mlm.capabilities == frozenset({Capability.PSEUDO_LOGLIKELIHOOD})
    for call in (lambda: mlm.classify(["a"]), lambda: mlm.loglikelihood([("", "a")]),
                 lambda: mlm.generate(["a"], None)):
        with pytest.raises(UnsupportedCapability):
            call()


def test_causal_lm_cannot_pseudo_loglikelihood(lm: HFAdapter) -> None:
    with pytest.raises(UnsupportedCapability, match="pseudo_loglikelihood"):
        lm.pseudo_loglikelihood([("a", None)])


def test_pseudo_loglikelihood_equals_one_at_a_time(mlm: HFAdapter) -> None:
    seen: list[int] = []
    got = mlm.pseudo_loglikelihood([(t, None) for t in TEXTS], progress=seen.append)
    assert sum(seen) == len(TEXTS)
    n_masked = sum(len(mlm.tokenizer(t)["input_ids"]) - 2 for t in TEXTS)
    assert len(seen) == -(-n_masked // 5)  # one call per batch of batch_size masked copies
    assert got == pytest.approx([_naive_pll(mlm, t) for t in TEXTS], abs=1e-4)
    assert all(v < 0 for v in got)
    assert mlm.pseudo_loglikelihood([(t, None) for t in reversed(TEXTS)]) == pytest.approx(got[::-1], abs=1e-4)


def test_spans_select_the_tokens_inside_them(mlm: HFAdapter) -> None:
    text = "the poor are really ignorant about how to handle money"
    encoded = mlm.tokenizer(text, return_offsets_mapping=True)
    words = {mlm.tokenizer.convert_ids_to_tokens(i): k for k, i in enumerate(encoded["input_ids"])}
    spans = [(0, 3), (9, 28)]  # "the" and "are really ignorant"; "poor" (4..8) is left out
    want = [words["the"], words["are"], words["really"], words["ignorant"]]
    got = mlm.pseudo_loglikelihood([(text, spans)])[0]
    assert got == pytest.approx(_naive_pll(mlm, text, want), abs=1e-4)
    assert mlm.pseudo_loglikelihood([(text, [])]) == [0.0]  # nothing shared, nothing scored


def test_select_positions_skips_specials_and_straddling_tokens() -> None:
    offsets = [(0, 0), (0, 3), (4, 6), (6, 8), (9, 12), (0, 0)]  # [CLS] the po ##or are [SEP]
    special = [1, 0, 0, 0, 0, 1]
    assert select_positions(offsets, special, None) == [1, 2, 3, 4]
    assert select_positions(offsets, special, [(0, 3), (9, 12)]) == [1, 4]
    assert select_positions(offsets, special, [(0, 7)]) == [1, 2]  # "##or" straddles the edge
    assert select_positions(offsets, special, []) == []


def test_pseudo_loglikelihood_edge_cases(mlm: HFAdapter, tmp_path: Path) -> None:
    assert mlm.pseudo_loglikelihood([]) == []
    seen: list[int] = []
    assert mlm.pseudo_loglikelihood([("", None), ("a mess", [])], progress=seen.append) == [0.0, 0.0]
    assert sum(seen) == 2
    short = load_model(f"hf:{build_tiny_masked_lm(tmp_path / 'short', max_position_embeddings=8)}")
    with pytest.raises(GuardError, match="longer than the model's window"):
        short.pseudo_loglikelihood([(TEXTS[0], None)])


# ---------------------------------------------------------------- prefix packing (causal LMs)

PAIRS = [
    ("the poor are really ignorant about money", "the rich are really ignorant about money"),
    ("I loved every minute of this movie", "I loved every minute of this film"),
    ("the acting was terrible and the plot was boring", "the acting was great and the plot was boring"),
    ("Hello world! Numbers 0 1 2", "Hello world! Numbers 3 4 5 6"),
    ("a", "b"),
]


def _reference(adapter: HFAdapter, sentence: str) -> float:
    """loglikelihood('', sentence) by definition: BOS, then the sentence, one unpadded row."""
    tok = adapter.tokenizer
    seq = [tok.bos_token_id] + tok(sentence, add_special_tokens=False).input_ids
    with torch.no_grad():
        logprobs = adapter.model(torch.tensor([seq[:-1]])).logits[0].log_softmax(-1)
    return float(sum(logprobs[j, t] for j, t in enumerate(seq[1:])))


def _forward_rows(adapter: HFAdapter, requests: list[tuple[str, str]]) -> tuple[list[float], list[int]]:
    rows: list[int] = []
    handle = adapter.model.register_forward_pre_hook(
        lambda module, args, kwargs: rows.append(int(kwargs["input_ids"].shape[0])), with_kwargs=True
    )
    try:
        return adapter.loglikelihood(requests), rows
    finally:
        handle.remove()


def test_packed_pairs_score_as_if_alone(lm: HFAdapter, monkeypatch: pytest.MonkeyPatch) -> None:
    requests = [("", s) for pair in PAIRS for s in pair] + [("The capital of France is", " Paris and more")]
    assert scoring.supports_packing(lm.model, lm.max_length)
    packed, packed_rows = _forward_rows(lm, requests)
    want = [_reference(lm, s) for _, s in requests[:-1]]
    assert packed[:-1] == pytest.approx(want, abs=1e-4)
    monkeypatch.setattr(scoring, "supports_packing", lambda model, max_length: False)
    unpacked, unpacked_rows = _forward_rows(lm, requests)
    assert packed == pytest.approx(unpacked, abs=1e-5)
    assert sum(packed_rows) < sum(unpacked_rows)  # shared prefixes ran once


def test_packing_works_with_eager_attention_too(tmp_path: Path) -> None:
    """The 4D mask is additive, which eager attention takes as well as SDPA."""
    eager = load_model(f"hf:{build_tiny_causal_lm(tmp_path / 'lm')}", batch_size=4)
    eager.model.set_attn_implementation("eager")
    assert scoring.supports_packing(eager.model, eager.max_length)
    requests = [("", s) for pair in PAIRS[:3] for s in pair]
    assert eager.loglikelihood(requests) == pytest.approx([_reference(eager, s) for _, s in requests], abs=1e-4)


def test_pack_rows_layout() -> None:
    rows = [
        scoring._Row((1, 5, 6, 7, 8, 9), [(0, [0, 1, 2, 3, 4, 5], [5, 6, 7, 8, 9, 2])]),
        scoring._Row((1, 5, 6, 7, 3), [(1, [0, 1, 2, 3, 4], [5, 6, 7, 3, 2])]),
        scoring._Row((1, 5, 4), [(2, [2], [2])]),  # shares only 2 tokens: stays alone
    ]
    packed = scoring.pack_rows(rows, max_members=8, max_width=64)
    alone = [r for r in packed if r.segments is None]
    assert [r.tokens for r in alone] == [(1, 5, 4)]
    (pair,) = [r for r in packed if r.segments is not None]
    assert pair.tokens == (1, 5, 6, 7, 3, 8, 9)  # prefix once, then each member's own tokens
    assert pair.positions == (0, 1, 2, 3, 4, 4, 5)
    assert pair.segments == (0, 0, 0, 0, 1, 2, 2)
    assert pair.members == 2
    reads = {request: cells for request, cells, _ in pair.reads}
    assert reads == {1: [0, 1, 2, 3, 4], 0: [0, 1, 2, 3, 5, 6]}
    assert len(scoring.pack_rows(rows, max_members=1, max_width=64)) == 3
    assert len(scoring.pack_rows(rows, max_members=8, max_width=6)) == 3  # packed width 7 > 6


def test_packing_needs_full_attention_and_position_ids(lm: HFAdapter) -> None:
    config = lm.model.config
    original = config.sliding_window if hasattr(config, "sliding_window") else None
    try:
        config.sliding_window = 16  # a window shorter than the rows it may see: never pack
        assert not scoring.supports_packing(lm.model, lm.max_length)
    finally:
        config.sliding_window = original
    assert scoring.supports_packing(lm.model, lm.max_length)
