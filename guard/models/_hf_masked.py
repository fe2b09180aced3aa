"""Pseudo-log-likelihood of masked LMs for the transformers adapter (private to ``guard.models.hf``).

A masked LM has no left-to-right likelihood, so a text is scored the way CrowS-Pairs (Nangia et al.,
2020) and Salazar et al. (2020) do: mask one token, read the log-probability the model gives the
original token there, repeat for every scored token and sum. Each masked copy is one model row, so
a text of n scored tokens costs n rows; rows of all texts are length-sorted and batched together.
Which tokens are scored is given as character spans (CrowS-Pairs scores only the words the two
sentences of a pair share), matched against the tokenizer's character offsets.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

import torch

from guard.errors import GuardError
from guard.models._hf_device import to_device
from guard.models._hf_scoring import _LOGIT_BUDGET, pad_rows, sorted_batches
from guard.models.base import ProgressCallback, ScoredSpans


def select_positions(
    offsets: Sequence[tuple[int, int]] | None, special: Sequence[int], spans: ScoredSpans
) -> list[int]:
    """Token positions to score: non-special tokens whose characters lie inside one span (all when None).

    A token that straddles a span's edge (part of a changed word) is not scored.
    """
    chosen = []
    for position, is_special in enumerate(special):
        if is_special:
            continue
        if spans is None:
            chosen.append(position)
            continue
        start, end = offsets[position] if offsets is not None else (0, 0)
        if end > start and any(a <= start and end <= b for a, b in spans):
            chosen.append(position)
    return chosen


def _encode(
    tokenizer: Any, requests: Sequence[tuple[str, ScoredSpans]], max_length: int
) -> tuple[list[list[int]], list[list[int]]]:
    """Token ids (with special tokens) and the positions to score, per request."""
    wants_offsets = any(spans is not None for _, spans in requests)
    if wants_offsets and not getattr(tokenizer, "is_fast", False):
        raise GuardError("scoring character spans needs a fast tokenizer (one with offset mappings)")
    texts = [str(text) for text, _ in requests]
    encoded = tokenizer(texts, return_offsets_mapping=wants_offsets, return_special_tokens_mask=True)
    ids, positions = [], []
    for i, (_, spans) in enumerate(requests):
        row = list(encoded["input_ids"][i])
        if len(row) > max_length:
            raise GuardError(f"text of {len(row)} tokens is longer than the model's window ({max_length} tokens)")
        offsets = encoded["offset_mapping"][i] if wants_offsets else None
        ids.append(row)
        positions.append(select_positions(offsets, encoded["special_tokens_mask"][i], spans))
    return ids, positions


def pseudo_loglikelihood(
    model: Any,
    tokenizer: Any,
    requests: Sequence[tuple[str, ScoredSpans]],
    *,
    batch_size: int,
    device: torch.device,
    max_length: int,
    progress: ProgressCallback | None = None,
) -> list[float]:
    """Sum over the selected tokens of log p(token | text with that token masked), in request order."""
    if not requests:
        return []
    mask_id = tokenizer.mask_token_id
    if mask_id is None:
        raise GuardError("the tokenizer has no mask token, so the model cannot be scored by pseudo-log-likelihood")
    ids, positions = _encode(tokenizer, requests, max_length)
    items = [(i, p) for i, chosen in enumerate(positions) for p in chosen]  # one masked copy each
    remaining = Counter(i for i, _ in items)
    totals = [0.0] * len(requests)
    vocab = int(getattr(model.config, "vocab_size", 0) or len(tokenizer))
    batches = sorted_batches([len(ids[i]) for i, _ in items], batch_size, max_cells=max(_LOGIT_BUDGET // vocab, 1))
    pad_id = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else 0
    unscored = len(requests) - len(remaining)  # texts with nothing to score sum to 0
    for batch_index, batch in enumerate(batches):
        chosen = [items[k] for k in batch]
        rows = [ids[i][:p] + [mask_id] + ids[i][p + 1 :] for i, p in chosen]
        input_ids, mask = pad_rows(rows, pad_id, left=False)
        logits = model(input_ids=to_device(input_ids, device), attention_mask=to_device(mask, device)).logits
        where = logits.device  # with a device map, the logits need not come back where the inputs went
        at = to_device(torch.tensor([p for _, p in chosen]), where)
        picked = logits[torch.arange(len(chosen), device=where), at].float().log_softmax(-1)
        targets = to_device(torch.tensor([ids[i][p] for i, p in chosen]), where)
        done = 0
        for (i, _), value in zip(chosen, picked.gather(1, targets[:, None])[:, 0].cpu().double().tolist()):
            totals[i] += value
            remaining[i] -= 1
            done += remaining[i] == 0
        if progress is not None:
            progress(done + (unscored if batch_index == len(batches) - 1 else 0))
    if not batches and progress is not None:
        progress(len(requests))
    return totals
