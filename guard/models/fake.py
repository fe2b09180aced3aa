"""A scripted model for tests and examples: deterministic, instant, every capability."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from guard.models.base import AdapterBase, Capability, GenerationConfig, Prediction, ProgressCallback, fingerprint_text


class FakeModel(AdapterBase):
    """Answers from functions the test supplies; counts calls so tests can check caching.

    ``classify_fn(input) -> label or Prediction``; ``generate_fn(prompt) -> str``;
    ``loglikelihood_fn(context, continuation) -> float``. Missing functions remove the capability.
    """

    kind = "fake"

    def __init__(
        self,
        *,
        name: str = "fake",
        classify_fn: Callable[[Any], str | Prediction] | None = None,
        generate_fn: Callable[[str], str] | None = None,
        loglikelihood_fn: Callable[[str, str], float] | None = None,
    ):
        self.spec = f"fake:{name}"
        self._classify_fn, self._generate_fn, self._loglikelihood_fn = classify_fn, generate_fn, loglikelihood_fn
        caps = set()
        if classify_fn:
            caps.add(Capability.CLASSIFY)
        if generate_fn:
            caps.add(Capability.GENERATE)
        if loglikelihood_fn:
            caps.add(Capability.LOGLIKELIHOOD)
        self.capabilities = frozenset(caps)
        self.calls: dict[str, int] = {"classify": 0, "generate": 0, "loglikelihood": 0}
        self.inputs_seen: dict[str, int] = {"classify": 0, "generate": 0, "loglikelihood": 0}

    @property
    def fingerprint(self) -> str:
        return fingerprint_text("fake", self.spec)

    def _count(self, method: str, n: int, progress: ProgressCallback | None) -> None:
        self.calls[method] += 1
        self.inputs_seen[method] += n
        if progress:
            progress(n)

    def classify(self, inputs: Sequence[Any], *, progress: ProgressCallback | None = None) -> list[Prediction]:
        if not self._classify_fn:
            raise self._unsupported(Capability.CLASSIFY)
        out = []
        for item in inputs:
            result = self._classify_fn(item)
            out.append(result if isinstance(result, Prediction) else Prediction(label=str(result)))
        self._count("classify", len(inputs), progress)
        return out

    def generate(
        self, prompts: Sequence[str], config: GenerationConfig, *, progress: ProgressCallback | None = None
    ) -> list[str]:
        if not self._generate_fn:
            raise self._unsupported(Capability.GENERATE)
        out = [self._generate_fn(p) for p in prompts]
        self._count("generate", len(prompts), progress)
        return out

    def loglikelihood(
        self, requests: Sequence[tuple[str, str]], *, progress: ProgressCallback | None = None
    ) -> list[float]:
        if not self._loglikelihood_fn:
            raise self._unsupported(Capability.LOGLIKELIHOOD)
        out = [float(self._loglikelihood_fn(c, x)) for c, x in requests]
        self._count("loglikelihood", len(requests), progress)
        return out
