"""Batching and loglikelihood scoring for the transformers adapter (private to ``guard.models.hf``).

Scoring is the expensive inner loop of likelihood-based evaluators (CrowS-Pairs, zero-shot
verbalizers), so it avoids every forward row it can: a request needs the model's predictions on
``(context + continuation)[:-1]``; identical rows are computed once, and a row that is a prefix of a
longer row reads that row's logits (causal attention makes them the same). Rows are sorted longest
first, right-padded into batches, and only the positions that are scored are projected onto the
vocabulary and normalised.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import torch

from guard.errors import GuardError

_LOGIT_BUDGET = 1 << 28
"""Most logits (floats) one batch may materialise, about 1 GiB; long rows get smaller batches."""

_HASH_BASE, _HASH_MOD = 1_000_003, (1 << 61) - 1


def sorted_batches(lengths: Sequence[int], batch_size: int, *, max_cells: int | None = None) -> list[list[int]]:
    """Indices grouped into batches of similar length, longest first, to cut padding.

    ``max_cells`` caps ``rows x longest row`` per batch, so very long inputs get smaller batches.
    """
    order = sorted(range(len(lengths)), key=lambda i: -lengths[i])
    batches: list[list[int]] = []
    for i in order:
        if batches:
            current = batches[-1]
            width = max(lengths[current[0]], 1)
            fits = len(current) < batch_size and (max_cells is None or (len(current) + 1) * width <= max_cells)
            if fits:
                current.append(i)
                continue
        batches.append([i])
    return batches


def pad_rows(rows: Sequence[Sequence[int]], pad_id: int, *, left: bool) -> tuple[torch.Tensor, torch.Tensor]:
    """``input_ids`` and ``attention_mask`` for token rows: right padding for scoring, left for generation."""
    width = max((len(r) for r in rows), default=0)
    input_ids = torch.full((len(rows), width), pad_id, dtype=torch.long)
    mask = torch.zeros((len(rows), width), dtype=torch.long)
    for b, row in enumerate(rows):
        if row:
            span = slice(width - len(row), width) if left else slice(0, len(row))
            input_ids[b, span] = torch.tensor(list(row), dtype=torch.long)
            mask[b, span] = 1
    return input_ids, mask


def model_window(model: Any, tokenizer: Any) -> int:
    """The most tokens one input may have: the smaller of the config's and the tokenizer's limits."""
    names = ("max_position_embeddings", "n_positions", "max_seq_len", "seq_length")
    limits = [getattr(model.config, k, None) for k in names] + [getattr(tokenizer, "model_max_length", None)]
    usable = [int(x) for x in limits if isinstance(x, int) and 0 < x < 1_000_000]
    return min(usable) if usable else 2048


def cut_at_stops(text: str, stops: Sequence[str]) -> str:
    """Text up to the first occurrence of any stop string."""
    cuts = [i for i in (text.find(s) for s in stops if s) if i >= 0]
    return text[: min(cuts)] if cuts else text


@dataclass
class _Row:
    """One model input row and the requests that read their scores from it."""

    tokens: tuple[int, ...]
    reads: list[tuple[int, int, list[int]]] = field(default_factory=list)  # (request, first position, targets)


def split_whitespace(context: str, continuation: str) -> tuple[str, str]:
    """Move the context's trailing whitespace onto the continuation (as lm-evaluation-harness does)."""
    stripped = context.rstrip()
    if len(stripped) == len(context):
        return context, continuation
    return stripped, context[len(stripped) :] + continuation


def encode_requests(
    tokenizer: Any, requests: Sequence[tuple[str, str]], prefix_token_id: int | None
) -> list[tuple[list[int], list[int]]]:
    """Token ids ``(context, continuation)`` per request, lm-eval style, without special tokens.

    The continuation is ``tok(context + continuation)[len(tok(context)):]`` so a word that merges
    across the boundary is scored as the model would see it; an empty context becomes the
    prefix token (BOS, else EOS) so the first continuation token has something to condition on.
    """
    pairs = [split_whitespace(c, x) for c, x in requests]
    unique = sorted({c for c, _ in pairs} | {c + x for c, x in pairs})
    encoded = tokenizer(unique, add_special_tokens=False)["input_ids"] if unique else []
    ids = dict(zip(unique, encoded))
    out: list[tuple[list[int], list[int]]] = []
    for context, continuation in pairs:
        ctx = list(ids[context]) if context else []
        cont = list(ids[context + continuation])[len(ctx) :] if continuation else []
        if not ctx and cont:
            if prefix_token_id is None:
                raise GuardError("cannot score a continuation with an empty context: the tokenizer has no BOS or EOS token")
            ctx = [prefix_token_id]
        out.append((ctx, cont))
    return out


def _prefix_hashes(tokens: Sequence[int]) -> list[int]:
    value, out = 0, []
    for token in tokens:
        value = (value * _HASH_BASE + token + 1) % _HASH_MOD
        out.append(value)
    return out


def plan_rows(encoded: Sequence[tuple[list[int], list[int]]], max_length: int) -> list[_Row]:
    """Unique model rows, longest first, each carrying the requests it answers.

    Rows longer than ``max_length`` lose tokens on the left; a continuation longer than the model's
    window cannot be scored honestly and is an error.
    """
    by_tokens: dict[tuple[int, ...], _Row] = {}
    for index, (ctx, cont) in enumerate(encoded):
        if not cont:
            continue
        if len(cont) > max_length:
            raise GuardError(
                f"continuation of {len(cont)} tokens is longer than the model's window ({max_length} tokens)"
            )
        tokens = tuple((ctx + cont)[-(max_length + 1) :][:-1])
        row = by_tokens.setdefault(tokens, _Row(tokens))
        row.reads.append((index, len(tokens) - len(cont), cont))
    rows = sorted(by_tokens.values(), key=lambda r: -len(r.tokens))
    kept: list[_Row] = []
    owner_of: dict[tuple[int, int], int] = {}  # (prefix length, prefix hash) -> index in kept
    for row in rows:
        hashes = _prefix_hashes(row.tokens)
        owner = owner_of.get((len(row.tokens), hashes[-1]))
        if owner is not None and kept[owner].tokens[: len(row.tokens)] == row.tokens:
            kept[owner].reads.extend(row.reads)
            continue
        kept.append(row)
        for n, value in enumerate(hashes, 1):
            owner_of.setdefault((n, value), len(kept) - 1)
    return kept


def accepts_logits_to_keep(model: Any) -> bool:
    """Whether the model can project only chosen positions onto the vocabulary (transformers >= 4.50)."""
    try:
        return "logits_to_keep" in inspect.signature(model.forward).parameters
    except (TypeError, ValueError):
        return False


def score_rows(
    model: Any,
    rows: Sequence[_Row],
    n_requests: int,
    *,
    batch_size: int,
    pad_id: int,
    device: torch.device,
    vocab_size: int,
    progress: Callable[[int], None] | None = None,
) -> list[float]:
    """Run the planned rows through the model and sum each request's continuation log-probabilities."""
    results = [0.0] * n_requests
    keep_supported = accepts_logits_to_keep(model)
    max_cells = max(_LOGIT_BUDGET // max(vocab_size, 1), 1)
    batches = sorted_batches([len(r.tokens) for r in rows], batch_size, max_cells=max_cells)
    for batch_index, batch in enumerate(batches):
        batch_rows = [rows[i] for i in batch]
        width = len(batch_rows[0].tokens)
        input_ids, mask = pad_rows([r.tokens for r in batch_rows], pad_id, left=False)
        needed = sorted({start + j for row in batch_rows for _, start, cont in row.reads for j in range(len(cont))})
        kwargs: dict[str, Any] = {}
        if keep_supported and len(needed) < width:
            kwargs["logits_to_keep"] = torch.tensor(needed, dtype=torch.long, device=device)
            column = {pos: k for k, pos in enumerate(needed)}
        else:
            column = {pos: pos for pos in range(width)}
        logits = model(input_ids=input_ids.to(device), attention_mask=mask.to(device), **kwargs).logits
        b_idx, k_idx, targets, owners, request_ids = [], [], [], [], []
        for b, row in enumerate(batch_rows):
            for index, start, cont in row.reads:
                slot = len(request_ids)
                request_ids.append(index)
                for j, token in enumerate(cont):
                    b_idx.append(b)
                    k_idx.append(column[start + j])
                    targets.append(token)
                    owners.append(slot)
        # normalise each needed (row, position) once, however many requests read it
        flat = torch.tensor(b_idx, device=device) * logits.shape[1] + torch.tensor(k_idx, device=device)
        cells, inverse = torch.unique(flat, return_inverse=True)
        normalised = logits.reshape(-1, logits.shape[-1])[cells].float().log_softmax(-1)
        logprobs = normalised[inverse, torch.tensor(targets, device=device)]
        sums = torch.zeros(len(request_ids), dtype=torch.float64, device=device)
        sums.index_add_(0, torch.tensor(owners, device=device), logprobs.double())
        for index, value in zip(request_ids, sums.tolist()):
            results[index] = value
        if progress is not None:
            done = len(request_ids)
            if batch_index == len(batches) - 1:
                done = n_requests - sum(len(r.reads) for r in rows) + done  # empty continuations score 0
            progress(done)
    if not batches and progress is not None and n_requests:
        progress(n_requests)
    return results
