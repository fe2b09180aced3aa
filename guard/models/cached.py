"""One inference pass per distinct (model, input, settings), however many tasks ask for it.

The runner wraps the model under test in ``CachedModel`` for the whole suite: a second task that
scores the same prompts (say, accuracy and a bias check on one dataset) reuses the answers instead
of running the model again. Only the misses reach the real adapter, in one batch, so the adapter
can still length-sort and pad them efficiently.

A model that raises on a batch (any exception but ``UnsupportedCapability`` and ``GuardError``,
which stay fatal) loses only the inputs that fail: the batch is retried in chunks of about √n
inputs, each failing chunk likewise, down to single inputs; the answers are cached, each failing
input's one-line error is remembered (so it is never sent to the model again in this run), and the
call raises ``ExampleErrors`` naming them. The runner then scores the task without the rows behind them.
When the first inputs tried alone all fail and nothing has succeeded, the model is broken rather
than these inputs: the original exception is raised and the task fails as a whole.

With a persistent cache (``guard.cache.DiskCache``, keyed by the model's fingerprint) answers also
outlive the run: a miss in memory is looked up on disk before it reaches the model, and the model's
answers are written back in chunks that each commit on their own (64 inputs first, then sized for
about ``CHUNK_SECONDS`` of work), so a killed run resumes from the last chunk it finished. Inputs that
fail are never written; sampled generations are neither shared nor stored.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Callable, Hashable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import fields
from typing import TYPE_CHECKING, Any, cast

from guard.errors import GuardError
from guard.models.base import (
    Capability,
    GenerationConfig,
    ModelAdapter,
    Prediction,
    ProgressCallback,
    PseudoLoglikelihoodModel,
    UnsupportedCapability,
)

if TYPE_CHECKING:
    from guard.cache import DiskCache

ProgressFactory = Callable[[str, int], ProgressCallback | None]
Call = Callable[[list[Any], ProgressCallback | None], list]

_SYSTEMIC_AFTER = 8
"""Inputs failing alone, with no input of the retry succeeding, before the failure counts as the model's."""
FIRST_CHUNK, MAX_CHUNK = 64, 4096
CHUNK_SECONDS = 5.0
"""With a persistent cache: the model's answers are committed after about this much work."""


def _input_key(item: Any) -> Hashable:
    if isinstance(item, str):
        return item
    return json.dumps(item, sort_keys=True, default=str)


def one_line(exc: BaseException, limit: int = 500) -> str:
    """``Type: first line of the message``, at most ``limit`` characters."""
    text = str(exc).strip()
    first = text.splitlines()[0] if text else ""
    return (f"{type(exc).__name__}: {first}" if first else type(exc).__name__)[:limit]


class ExampleErrors(Exception):
    """The model failed on some inputs of one call; the others were answered (and cached).

    ``errors`` maps each failing input, as text, to its one-line error; ``total`` is how many
    distinct inputs the call had.
    """

    def __init__(self, method: str, errors: dict[str, str], total: int):
        self.method, self.errors, self.total = method, dict(errors), total
        super().__init__(f"the model failed on {len(self.errors)} of {total} {method} inputs; first: {self.first}")

    @property
    def first(self) -> str:
        return next(iter(self.errors.values()), "")


class CachedModel:
    """A ``ModelAdapter`` that memoises another one's answers for the length of a run, and on disk
    under ``fingerprint`` when given a ``disk`` cache."""

    def __init__(self, inner: ModelAdapter, *, progress: ProgressFactory | None = None,
                 disk: DiskCache | None = None, fingerprint: str | None = None,
                 settings: dict[str, Any] | None = None):
        self.inner = inner
        self.progress = progress
        self._memo: dict[tuple, Any] = {}
        self._failed: dict[tuple, str] = {}  # inputs the model raised on alone -> one-line error
        self._watchers: list[list[ExampleErrors]] = []
        if disk is not None and fingerprint is None:
            raise ValueError("a persistent cache needs the model's fingerprint")
        self.disk = disk
        self._fingerprint = fingerprint
        self._settings = json.dumps(settings or {}, sort_keys=True, ensure_ascii=True, default=str)
        self.hits = 0  # requests answered from this run's memory
        self.disk_hits = 0  # ... from the persistent cache
        self.misses = 0  # ... by the model
        self.corrupt = 0  # stored answers that failed their checksum or did not decode (recomputed)
        self._chunk_seconds = 0.0  # how long the last chunk took (sizes the next one)

    # Identity and metadata come from the wrapped model.
    spec = property(lambda self: self.inner.spec)
    kind = property(lambda self: self.inner.kind)
    capabilities = property(lambda self: self.inner.capabilities)
    fingerprint = property(lambda self: self._fingerprint or self.inner.fingerprint)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    @contextmanager
    def watch(self) -> Iterator[list[ExampleErrors]]:
        """Collect every ``ExampleErrors`` this model raises inside the block (even one an evaluator caught)."""
        seen: list[ExampleErrors] = []
        self._watchers.append(seen)
        try:
            yield seen
        finally:
            self._watchers.remove(seen)

    def _raise_failed(self, method: str, keys: list[tuple], items: Sequence[Any]) -> None:
        errors = {str(_input_key(item)): self._failed[key] for key, item in zip(keys, items) if key in self._failed}
        if errors:
            exc = ExampleErrors(method, errors, total=len(set(keys)))
            for seen in self._watchers:
                seen.append(exc)
            raise exc

    def _run(self, method: str, keys: list[tuple], items: Sequence[Any], call: Call, extra: Any = None) -> list:
        todo: dict[tuple, Any] = {}
        for key, item in zip(keys, items):
            if key not in self._memo and key not in self._failed and key not in todo:
                todo[key] = item
        self.hits += len(keys) - len(todo)
        stored = self._from_disk(method, todo, extra) if todo and self.disk is not None else {}
        self.misses += len(todo)
        if todo:
            callback = self.progress(method, len(todo)) if self.progress else None
            for chunk in self._chunks(todo):
                started = time.perf_counter()
                answered = self._compute(chunk, call, callback)
                self._store(method, answered, stored)
                self._chunk_seconds = time.perf_counter() - started
        self._raise_failed(method, keys, items)
        return [self._memo[key] for key in keys]

    def _compute(self, todo: dict[tuple, Any], call: Call, callback: ProgressCallback | None) -> dict[tuple, Any]:
        """Answers for ``todo`` (into the memo), each failing input's error remembered; the answers made."""
        try:
            answers = call(list(todo.values()), callback)
        except (UnsupportedCapability, GuardError):
            raise
        except Exception as exc:  # noqa: BLE001 - some inputs may be at fault: keep the answers of the others
            answered, failed = _isolate(list(todo.items()), call, exc)
            self._failed.update(failed)
        else:
            _check_count(answers, len(todo))
            answered = dict(zip(todo.keys(), answers))
        self._memo.update(answered)
        return answered

    def _chunks(self, todo: dict[tuple, Any]) -> Iterator[dict[tuple, Any]]:
        """All of ``todo`` at once without a disk cache; else chunks that commit on their own, sorted by input
        (requests sharing a prefix stay together, as the adapter's packing wants) when there are several."""
        if self.disk is None or len(todo) <= FIRST_CHUNK:
            yield todo
            return
        pending = sorted(todo.items(), key=lambda kv: str(_input_key(kv[1])))
        size, start = FIRST_CHUNK, 0
        while start < len(pending):
            self._chunk_seconds = 0.0
            yield dict(pending[start:start + size])
            start += size
            rate = size / max(self._chunk_seconds, 1e-3)
            size = max(FIRST_CHUNK, min(MAX_CHUNK, 4 * size, int(rate * CHUNK_SECONDS)))

    def _from_disk(self, method: str, todo: dict[tuple, Any], extra: Any) -> dict[tuple, str]:
        """Move the stored answers of ``todo`` into the memo; returns the request hash of each input left."""
        from guard.cache import decode_answer, request_key

        assert self.disk is not None and self._fingerprint is not None
        hashes = {key: request_key(method, item, self._settings, extra) for key, item in todo.items()}
        found, bad = self.disk.get_many(self._fingerprint, [h for h in hashes.values() if h is not None])
        self.corrupt += bad
        for key, digest in hashes.items():
            if digest is None or digest not in found:
                continue
            try:
                self._memo[key] = decode_answer(method, found[digest])
            except ValueError:
                self.corrupt += 1
                continue
            self.disk_hits += 1
            del todo[key]
        return {key: digest for key, digest in hashes.items() if key in todo and digest is not None}

    def _store(self, method: str, answered: dict[tuple, Any], hashes: dict[tuple, str]) -> None:
        if self.disk is None or not answered:
            return
        from guard.cache import encode_answer

        assert self._fingerprint is not None
        rows = []
        for key, answer in answered.items():
            text = encode_answer(method, answer) if key in hashes else None
            if text is not None:
                rows.append((hashes[key], text))
        self.disk.put_many(self._fingerprint, rows)

    def _run_sampled(self, method: str, keys: list[tuple], items: Sequence[Any], call: Call,
                     progress: ProgressCallback | None) -> list:
        """Uncached calls (sampled decoding): same error handling, answers returned but not kept."""
        self.misses += len(items)
        self._raise_failed(method, keys, items)
        try:
            answers = call(list(items), progress)
        except (UnsupportedCapability, GuardError):
            raise
        except Exception as exc:  # noqa: BLE001 - any failure may be the input's
            answered, failed = _isolate(list(enumerate(items)), call, exc)
            self._failed.update({keys[i]: error for i, error in failed.items()})
            self._raise_failed(method, keys, items)
            return [answered[i] for i in range(len(items))]
        _check_count(answers, len(items))
        return answers

    def classify(self, inputs: Sequence[Any], *, progress: ProgressCallback | None = None) -> list[Prediction]:
        keys = [("classify", _input_key(x)) for x in inputs]
        return self._run("classify", keys, inputs, lambda todo, cb: self.inner.classify(todo, progress=cb))

    def generate(
        self, prompts: Sequence[str], config: GenerationConfig, *, progress: ProgressCallback | None = None
    ) -> list[str]:
        # Sampled generations are never shared: two tasks asking for samples want independent draws.
        keys = [("generate", p, config.key()) for p in prompts]

        def call(todo: list[Any], cb: ProgressCallback | None) -> list:
            return self.inner.generate(todo, config, progress=cb)

        if config.temperature > 0:
            return self._run_sampled("generate", keys, prompts, call, progress)
        settings = {field.name: getattr(config, field.name) for field in fields(config)}  # every one, new ones too
        return self._run("generate", keys, prompts, call, extra=settings)

    def loglikelihood(
        self, requests: Sequence[tuple[str, str]], *, progress: ProgressCallback | None = None
    ) -> list[float]:
        keys = [("loglikelihood", c, x) for c, x in requests]
        return self._run("loglikelihood", keys, requests, lambda todo, cb: self.inner.loglikelihood(todo, progress=cb))

    def pseudo_loglikelihood(self, requests: Sequence[tuple[str, Any]], *,
                             progress: ProgressCallback | None = None) -> list[float]:
        keys = [("pseudo_loglikelihood", text, tuple(map(tuple, spans)) if spans is not None else None)
                for text, spans in requests]
        return self._run("pseudo_loglikelihood", keys, requests,
                         # called only for a model with PSEUDO_LOGLIKELIHOOD, which promises the method
                         lambda todo, cb: cast(PseudoLoglikelihoodModel, self.inner).pseudo_loglikelihood(
                             todo, progress=cb))


def _check_count(answers: list, expected: int) -> None:
    if len(answers) != expected:
        raise RuntimeError(f"model returned {len(answers)} answers for {expected} inputs")


def _isolate(pending: list[tuple[Hashable, Any]], call: Call, first: Exception) -> tuple[dict, dict]:
    """Retry a failed batch in chunks of about √n inputs, each failing chunk likewise, down to single inputs.

    ``pending`` pairs a slot (where the answer goes) with an input. Returns the answers by slot and
    each failing slot's one-line error (from the call where it was alone). A failing input reaches
    the model a few times (its batch, one chunk per level — √n, n^¼, … — alone) and, once
    remembered, never again; k failures in n inputs cost about √n + k·(n^¼ + …) calls. When the first
    ``_SYSTEMIC_AFTER`` inputs tried alone all fail and nothing has succeeded, ``first`` is re-raised:
    a model that fails everywhere is broken, and trying every input alone would take n calls.
    """
    answered: dict[Hashable, Any] = {}
    failed: dict[Hashable, str] = {}
    if len(pending) == 1:
        return answered, {pending[0][0]: one_line(first)}  # the batch was this one input

    def attempt(group: list[tuple[Hashable, Any]]) -> Exception | None:
        try:
            answers = call([item for _, item in group], None)
        except (UnsupportedCapability, GuardError):
            raise
        except Exception as exc:  # noqa: BLE001 - any failure may be the input's
            return exc
        _check_count(answers, len(group))
        answered.update((slot, answer) for (slot, _), answer in zip(group, answers))
        return None

    def split(group: list[tuple[Hashable, Any]]) -> None:  # ``group`` is known to fail
        size = math.isqrt(len(group) - 1) + 1 if len(group) > 3 else 1  # ceil(sqrt(m)); 1: one by one
        for start in range(0, len(group), size):
            chunk = group[start:start + size]
            error = attempt(chunk)
            if error is None:
                continue
            if len(chunk) > 1:
                split(chunk)
                continue
            failed[chunk[0][0]] = one_line(error)
            if not answered and len(failed) >= _SYSTEMIC_AFTER and len(failed) < len(pending):
                raise first  # nothing works: the model is broken, not these inputs

    split(pending)
    return answered, failed


def uncached(model: ModelAdapter) -> ModelAdapter:
    return model.inner if isinstance(model, CachedModel) else model


__all__ = ["CachedModel", "ExampleErrors", "uncached", "Capability"]
