"""Batching and loglikelihood scoring for the transformers adapter (private to ``guard.models.hf``).

Scoring is the expensive inner loop of likelihood-based evaluators (CrowS-Pairs, zero-shot
verbalizers), so it avoids every forward token it can: a request needs the model's predictions on
``(context + continuation)[:-1]``; identical rows are computed once, and a row that is a prefix of a
longer row reads that row's logits (causal attention makes them the same). Rows that share a long
token prefix but then differ (the two sentences of a CrowS-Pairs pair, the answer choices after one
prompt) are packed into one row: the prefix once, then each row's own tokens, with position ids
restarting after the prefix and an attention mask that keeps each row's tokens from seeing the
others', so every token sees exactly what it would see alone. Rows are sorted longest first,
right-padded into batches, and only the positions that are scored are projected onto the vocabulary
and normalised. Generation batches (left-padded, chat-templated) are built here too.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import torch

from guard.errors import GuardError
from guard.models._hf_device import spread, to_device
from guard.models.base import GenerationConfig

_LOGIT_BUDGET = 1 << 28
"""Most logits (floats) one batch may materialise, about 1 GiB; long rows get smaller batches."""

_HASH_BASE, _HASH_MOD = 1_000_003, (1 << 61) - 1

MIN_SHARED = 4
"""Fewest leading tokens two rows must share to be packed (below that, packing saves too little)."""


def sorted_batches(
    lengths: Sequence[int],
    batch_size: int,
    *,
    max_cells: int | None = None,
    weights: Sequence[int] | None = None,
) -> list[list[int]]:
    """Indices grouped into batches of similar length, longest first, to cut padding.

    ``max_cells`` caps ``rows x longest row`` per batch, so very long inputs get smaller batches;
    ``weights`` (default 1 each) count packed rows as the sequences they hold against ``batch_size``.
    """
    order = sorted(range(len(lengths)), key=lambda i: -lengths[i])
    weight = (lambda i: weights[i]) if weights is not None else (lambda i: 1)
    batches: list[list[int]] = []
    load = 0
    for i in order:
        if batches:
            current = batches[-1]
            width = max(lengths[current[0]], 1)
            fits = load + weight(i) <= batch_size and (max_cells is None or (len(current) + 1) * width <= max_cells)
            if fits:
                current.append(i)
                load += weight(i)
                continue
        batches.append([i])
        load = weight(i)
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


def encode_prompts(tokenizer: Any, prompts: list[str], config: GenerationConfig) -> list[list[int]]:
    """Prompt token ids, through the chat template when asked; an empty prompt becomes BOS (else EOS)."""
    tok = tokenizer
    if config.chat and getattr(tok, "chat_template", None):
        texts = [
            tok.apply_chat_template([{"role": "user", "content": p}], tokenize=False, add_generation_prompt=True)
            for p in prompts
        ]
        encoded = tok(texts, add_special_tokens=False)["input_ids"]
    else:
        encoded = tok(prompts)["input_ids"]
    start = tok.bos_token_id if tok.bos_token_id is not None else tok.eos_token_id
    return [list(x) if len(x) or start is None else [start] for x in encoded]


def generate_batch(
    model: Any, tokenizer: Any, rows: list[list[int]], config: GenerationConfig, device: torch.device
) -> list[str]:
    """Left-pad one batch so every prompt ends where generation starts, then decode the new tokens."""
    from transformers import GenerationConfig as HFGenerationConfig

    tok = tokenizer
    input_ids, mask = pad_rows(rows, tok.pad_token_id, left=True)
    width = input_ids.shape[1]
    sampling = config.temperature > 0
    eos = model.generation_config.eos_token_id
    settings: dict[str, Any] = {
        "max_new_tokens": config.max_new_tokens,
        "do_sample": sampling,
        "pad_token_id": tok.pad_token_id,
        "eos_token_id": eos if eos is not None else tok.eos_token_id,
    }
    if sampling:
        settings.update(temperature=config.temperature, top_p=config.top_p, top_k=0)
    stops = [s for s in config.stop if s]
    if stops:  # stop early; the text is cut again by cut_at_stops, so this only saves time
        settings["stop_strings"] = stops
    generated = model.generate(
        input_ids=to_device(input_ids, device),
        attention_mask=to_device(mask, device),
        generation_config=HFGenerationConfig(**settings),
        tokenizer=tok if stops else None,
    )
    return tok.batch_decode(generated[:, width:], skip_special_tokens=True)


@dataclass
class _Row:
    """One model input row and the requests that read their scores from it.

    A packed row holds a shared prefix and then several rows' own tokens: ``positions`` are its
    position ids and ``segments`` say whose each token is (0 = the shared prefix, i = member i).
    """

    tokens: tuple[int, ...]
    reads: list[tuple[int, list[int], list[int]]] = field(default_factory=list)  # (request, row positions, targets)
    positions: tuple[int, ...] | None = None  # None: 0 .. len(tokens) - 1
    segments: tuple[int, ...] | None = None  # None: one sequence

    @property
    def members(self) -> int:
        return max(self.segments) if self.segments else 1


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
                raise GuardError(
                    "cannot score a continuation with an empty context: the tokenizer has no BOS or EOS token")
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
        start = len(tokens) - len(cont)
        row.reads.append((index, list(range(start, start + len(cont))), cont))
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


def _common_prefix(a: Sequence[int], b: Sequence[int]) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def pack_rows(rows: Sequence[_Row], *, max_members: int, max_width: int) -> list[_Row]:
    """Rows that share at least ``MIN_SHARED`` leading tokens, packed so the prefix is computed once.

    Rows are taken in token order, so rows with a common prefix are neighbours; a row joins the
    current pack while that saves tokens overall, the pack has room and stays within ``max_width``.
    """
    out: list[_Row] = []
    group: list[_Row] = []
    shared = 0
    for row in sorted(rows, key=lambda r: r.tokens):
        if group:
            n = _common_prefix(group[0].tokens[:shared], row.tokens)
            width = n + sum(len(r.tokens) - n for r in group) + len(row.tokens) - n
            saves = len(group) * n >= (len(group) - 1) * shared  # never shrink the prefix at a loss
            if n >= MIN_SHARED and saves and len(group) < max_members and width <= max_width:
                group.append(row)
                shared = n
                continue
            out.append(_pack(group, shared))
        group, shared = [row], len(row.tokens)
    if group:
        out.append(_pack(group, shared))
    return out


def _pack(group: list[_Row], shared: int) -> _Row:
    """One row: the shared prefix, then each member's own tokens; reads move to their new positions."""
    if len(group) == 1:
        return group[0]
    tokens, positions, segments = list(group[0].tokens[:shared]), list(range(shared)), [0] * shared
    reads: list[tuple[int, list[int], list[int]]] = []
    for member, row in enumerate(group, 1):
        offset = len(tokens) - shared  # a member position p >= shared lands at p + offset
        tokens += row.tokens[shared:]
        positions += range(shared, len(row.tokens))
        segments += [member] * (len(row.tokens) - shared)
        for request, cells, targets in row.reads:
            reads.append((request, [p if p < shared else p + offset for p in cells], targets))
    return _Row(tuple(tokens), reads, tuple(positions), tuple(segments))


def supports_packing(model: Any, max_length: int) -> bool:
    """Whether the model takes explicit position ids and a 4D attention mask over full attention.

    Sliding-window, ALiBi, flash-attention and encoder-decoder models build their own masks (or
    biases) and would not honour ours, so their rows are never packed.
    """
    config = model.config
    if getattr(config, "_attn_implementation", None) not in ("sdpa", "eager"):
        return False
    if getattr(config, "is_encoder_decoder", False) or getattr(config, "alibi", False):
        return False
    if any(kind != "full_attention" for kind in getattr(config, "layer_types", None) or ()):
        return False
    window = getattr(config, "sliding_window", None)
    if window and getattr(config, "use_sliding_window", True) and window < max_length:
        return False
    try:
        return "position_ids" in inspect.signature(model.forward).parameters
    except (TypeError, ValueError):
        return False


def accepts_logits_to_keep(model: Any) -> bool:
    """Whether the model can project only chosen positions onto the vocabulary (transformers >= 4.50)."""
    try:
        return "logits_to_keep" in inspect.signature(model.forward).parameters
    except (TypeError, ValueError):
        return False


def _model_inputs(rows: Sequence[_Row], pad_id: int, device: torch.device,
                  dtype: torch.dtype) -> dict[str, torch.Tensor]:
    """``input_ids`` plus a 2D padding mask, or, when a row is packed, position ids and a 4D mask.

    In a packed row a token may attend to earlier tokens of the shared prefix and of its own
    member only; the 4D mask is additive (0 or the dtype's minimum), which eager and SDPA both take.
    It is built on ``device`` from a boolean one, so only one byte per cell crosses to a GPU.
    """
    input_ids, mask = pad_rows([r.tokens for r in rows], pad_id, left=False)
    if all(r.segments is None for r in rows):
        return {"input_ids": to_device(input_ids, device), "attention_mask": to_device(mask, device)}
    width = input_ids.shape[1]
    positions = torch.zeros_like(input_ids)
    segments = torch.full_like(input_ids, -1)
    for b, row in enumerate(rows):
        n = len(row.tokens)
        positions[b, :n] = torch.tensor(row.positions or range(n))
        segments[b, :n] = torch.tensor(row.segments or [0] * n)
    index = torch.arange(width)
    causal = index[None, :] <= index[:, None]
    key, query = segments[:, None, :], segments[:, :, None]
    allowed = to_device(causal[None] & (key >= 0) & ((key == 0) | (key == query)), device)
    additive = torch.zeros(allowed.shape, dtype=dtype, device=device).masked_fill_(~allowed, torch.finfo(dtype).min)
    return {
        "input_ids": to_device(input_ids, device),
        "attention_mask": additive[:, None],
        "position_ids": to_device(positions, device),
    }


def _target_logprobs(logits: torch.Tensor, cells: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
    """log-softmax at ``cells`` (flat row-position indices) of ``targets``, normalising each cell once.

    When most cells are read, normalising the whole tensor is cheaper than gathering them first.
    """
    flat = logits.reshape(-1, logits.shape[-1])
    unique, inverse = torch.unique(cells, return_inverse=True)
    if 2 * len(unique) >= flat.shape[0]:
        return flat.float().log_softmax(-1)[cells, targets]
    return flat[unique].float().log_softmax(-1)[inverse, targets]


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
    """Run the planned rows through the model and sum each request's continuation log-probabilities.

    ``device`` is where the model takes its inputs (with a device map: the input embedding's device);
    the logits are read on whatever device they come back on. A model spread over several devices keeps
    its last positions by count, since a tensor of positions would meet its hidden states on another device.
    """
    results = [0.0] * n_requests
    keep_supported = accepts_logits_to_keep(model)
    keep_by_count = spread(model)
    dtype = getattr(model, "dtype", torch.float32)
    max_cells = max(_LOGIT_BUDGET // max(vocab_size, 1), 1)
    batches = sorted_batches(
        [len(r.tokens) for r in rows], batch_size, max_cells=max_cells, weights=[r.members for r in rows]
    )
    for batch_index, batch in enumerate(batches):
        batch_rows = [rows[i] for i in batch]
        width = len(batch_rows[0].tokens)
        inputs: dict[str, Any] = dict(_model_inputs(batch_rows, pad_id, device, dtype))
        needed = sorted({p for row in batch_rows for _, cells, _ in row.reads for p in cells})
        if keep_supported and keep_by_count and needed[0] > 0:
            inputs["logits_to_keep"] = width - needed[0]  # the last positions, from the first one read
            column = {pos: pos - needed[0] for pos in needed}
        elif keep_supported and not keep_by_count and len(needed) < width:
            inputs["logits_to_keep"] = to_device(torch.tensor(needed, dtype=torch.long), device)
            column = {pos: k for k, pos in enumerate(needed)}
        else:
            column = {pos: pos for pos in range(width)}
        logits = model(**inputs).logits
        at = logits.device
        flat: list[int] = []
        targets: list[int] = []
        owners: list[int] = []
        request_ids: list[int] = []
        for b, row in enumerate(batch_rows):
            for index, cells, cont in row.reads:
                owners += [len(request_ids)] * len(cont)
                request_ids.append(index)
                flat += [b * logits.shape[1] + column[p] for p in cells]
                targets += cont
        logprobs = _target_logprobs(logits, to_device(torch.tensor(flat), at), to_device(torch.tensor(targets), at))
        if at.type == "mps":  # MPS has no float64; the sums are small, so they are added up on the CPU
            logprobs, at = logprobs.cpu(), torch.device("cpu")
        sums = torch.zeros(len(request_ids), dtype=torch.float64, device=at)
        sums.index_add_(0, to_device(torch.tensor(owners), at), logprobs.double())
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
