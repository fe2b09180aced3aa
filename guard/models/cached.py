"""One inference pass per distinct (model, input, settings), however many tasks ask for it.

The runner wraps the model under test in ``CachedModel`` for the whole suite: a second task that
scores the same prompts (say, accuracy and a bias check on one dataset) reuses the answers instead
of running the model again. Only the misses reach the real adapter, in one batch, so the adapter
can still length-sort and pad them efficiently.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable, Sequence
from typing import Any

from guard.models.base import Capability, GenerationConfig, ModelAdapter, Prediction, ProgressCallback

ProgressFactory = Callable[[str, int], ProgressCallback | None]


def _input_key(item: Any) -> Hashable:
    if isinstance(item, str):
        return item
    return json.dumps(item, sort_keys=True, default=str)


class CachedModel:
    """A ``ModelAdapter`` that memoises another one's answers for the length of a run."""

    def __init__(self, inner: ModelAdapter, *, progress: ProgressFactory | None = None):
        self.inner = inner
        self.progress = progress
        self._memo: dict[tuple, Any] = {}
        self.hits = 0
        self.misses = 0

    # Identity and metadata come from the wrapped model.
    spec = property(lambda self: self.inner.spec)
    kind = property(lambda self: self.inner.kind)
    capabilities = property(lambda self: self.inner.capabilities)
    fingerprint = property(lambda self: self.inner.fingerprint)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def _run(self, method: str, keys: list[tuple], items: Sequence[Any], call: Callable[[list[Any], ProgressCallback | None], list]) -> list:
        todo: dict[tuple, Any] = {}
        for key, item in zip(keys, items):
            if key not in self._memo and key not in todo:
                todo[key] = item
        self.hits += len(keys) - len(todo)
        self.misses += len(todo)
        if todo:
            callback = self.progress(method, len(todo)) if self.progress else None
            answers = call(list(todo.values()), callback)
            if len(answers) != len(todo):
                raise RuntimeError(f"model returned {len(answers)} answers for {len(todo)} inputs")
            self._memo.update(zip(todo.keys(), answers))
        return [self._memo[key] for key in keys]

    def classify(self, inputs: Sequence[Any], *, progress: ProgressCallback | None = None) -> list[Prediction]:
        keys = [("classify", _input_key(x)) for x in inputs]
        return self._run("classify", keys, inputs, lambda todo, cb: self.inner.classify(todo, progress=cb))

    def generate(
        self, prompts: Sequence[str], config: GenerationConfig, *, progress: ProgressCallback | None = None
    ) -> list[str]:
        # Sampled generations are never shared: two tasks asking for samples want independent draws.
        if config.temperature > 0:
            return self.inner.generate(prompts, config, progress=progress)
        keys = [("generate", p, config.key()) for p in prompts]
        return self._run("generate", keys, prompts, lambda todo, cb: self.inner.generate(todo, config, progress=cb))

    def loglikelihood(
        self, requests: Sequence[tuple[str, str]], *, progress: ProgressCallback | None = None
    ) -> list[float]:
        keys = [("loglikelihood", c, x) for c, x in requests]
        return self._run("loglikelihood", keys, requests, lambda todo, cb: self.inner.loglikelihood(todo, progress=cb))


    def pseudo_loglikelihood(self, requests: Sequence[tuple[str, Any]], *, progress: ProgressCallback | None = None) -> list[float]:
        keys = [("pseudo_loglikelihood", text, tuple(map(tuple, spans)) if spans is not None else None) for text, spans in requests]
        return self._run("pseudo_loglikelihood", keys, requests, lambda todo, cb: self.inner.pseudo_loglikelihood(todo, progress=cb))


def uncached(model: ModelAdapter) -> ModelAdapter:
    return model.inner if isinstance(model, CachedModel) else model


__all__ = ["CachedModel", "uncached", "Capability"]
