"""The model-under-test interface: batch in, batch out, so a backend may reorder and pad freely.

Every adapter (transformers, scikit-learn, a Python callable, an HTTP endpoint, the test fake)
implements ``ModelAdapter``. Evaluators ask for a capability and call the matching method with a
whole batch; the adapter returns results in the order of its inputs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any, Protocol, runtime_checkable


class Capability(str, Enum):
    """What an evaluator may ask a model to do."""

    CLASSIFY = "classify"  # inputs (texts or feature rows) -> label + class scores
    GENERATE = "generate"  # prompts -> completions
    LOGLIKELIHOOD = "loglikelihood"  # (context, continuation) -> sum of log-probabilities
    PSEUDO_LOGLIKELIHOOD = "pseudo_loglikelihood"  # masked LMs: (text, char spans) -> sum of masked log-probs


@dataclass(frozen=True)
class Prediction:
    """One classifier output: the predicted label and, when the model has them, class probabilities."""

    label: str
    scores: dict[str, float] | None = None


@dataclass(frozen=True)
class GenerationConfig:
    """Decoding settings; deterministic (greedy) unless ``temperature`` > 0."""

    max_new_tokens: int = 32
    temperature: float = 0.0
    top_p: float = 1.0
    seed: int = 0
    stop: tuple[str, ...] = ()
    chat: bool = False  # wrap the prompt in the model's chat template / use a chat endpoint

    def key(self) -> tuple:
        return (self.max_new_tokens, self.temperature, self.top_p, self.seed, self.stop, self.chat)


ProgressCallback = Callable[[int], None]
"""Called with the number of inputs just completed, so long passes can show a progress bar."""


@runtime_checkable
class ModelAdapter(Protocol):
    """A model under test. Methods a model lacks raise ``UnsupportedCapability``."""

    spec: str
    kind: str
    capabilities: frozenset[Capability]

    @property
    def fingerprint(self) -> str:
        """sha256 over the artifact's weight and config files (or the endpoint's identity)."""
        ...

    def classify(self, inputs: Sequence[Any], *, progress: ProgressCallback | None = None) -> list[Prediction]: ...

    def generate(
        self, prompts: Sequence[str], config: GenerationConfig, *, progress: ProgressCallback | None = None
    ) -> list[str]: ...

    def loglikelihood(
        self, requests: Sequence[tuple[str, str]], *, progress: ProgressCallback | None = None
    ) -> list[float]: ...


ScoredSpans = Sequence[tuple[int, int]] | None
"""Character spans (start, end) of a text whose tokens are scored; None scores every token."""


class PseudoLoglikelihoodModel(ModelAdapter, Protocol):
    """A model with ``Capability.PSEUDO_LOGLIKELIHOOD`` (masked LMs): that capability promises this
    method, which ``ModelAdapter`` does not require (see ``AdapterBase.pseudo_loglikelihood``)."""

    def pseudo_loglikelihood(
        self, requests: Sequence[tuple[str, ScoredSpans]], *, progress: ProgressCallback | None = None
    ) -> list[float]: ...


class UnsupportedCapability(NotImplementedError):
    """The model cannot do what the evaluator asked (e.g. loglikelihood from a classifier)."""


@dataclass
class ArtifactInfo:
    """Files that make up a model artifact; the base of its fingerprint, size and staleness checks."""

    files: list[Path] = field(default_factory=list)
    root: Path | None = None
    variant: str = ""  # load options that change the model (e.g. "quantize=dynamic-int8")

    @property
    def size_on_disk_bytes(self) -> int:
        return sum(f.stat().st_size for f in self.files)

    def fingerprint(self) -> str:
        files = fingerprint_files(self.files, root=self.root)
        return fingerprint_text(files, self.variant) if self.variant else files

    def hashed_files(self) -> list[str]:
        """The names ``fingerprint()`` hashes, in its order: paths relative to ``root`` (POSIX
        separators), or bare file names when there is no root."""
        return sorted(f.relative_to(self.root).as_posix() if self.root else f.name for f in self.files)


def fingerprint_files(files: Iterable[Path], *, root: Path | None = None) -> str:
    """sha256 over (relative name, sha256 of content) of each file, in sorted order.

    Names are included so renaming a weight file changes the fingerprint; the absolute location is
    not, so the same artifact copied elsewhere keeps its fingerprint.
    """
    outer = hashlib.sha256()
    for path in sorted(files, key=lambda p: p.relative_to(root).as_posix() if root else p.name):
        name = path.relative_to(root).as_posix() if root else path.name
        outer.update(name.encode() + b"\0" + sha256_file(path).encode() + b"\n")
    return "sha256:" + outer.hexdigest()


def sha256_file(path: Path, chunk: int = 1 << 20) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def fingerprint_text(*parts: str) -> str:
    """Fingerprint for artifacts that are not files (endpoint identities)."""
    return "sha256:" + hashlib.sha256("\0".join(parts).encode()).hexdigest()


class AdapterBase:
    """Shared defaults: capability checks with a clear message, and artifact-derived properties."""

    spec: str = ""
    kind: str = ""
    capabilities: frozenset[Capability] = frozenset()
    fingerprint_kind: str = "content"
    artifact: ArtifactInfo | None = None

    @property
    def fingerprint(self) -> str:
        if self.artifact is None:
            return fingerprint_text(self.kind, self.spec)
        return self.artifact.fingerprint()

    @property
    def num_parameters(self) -> int | None:
        return None

    @property
    def size_on_disk_bytes(self) -> int | None:
        return self.artifact.size_on_disk_bytes if self.artifact else None

    def _unsupported(self, capability: Capability) -> UnsupportedCapability:
        have = ", ".join(sorted(c.value for c in self.capabilities)) or "none"
        return UnsupportedCapability(f"model '{self.spec}' cannot {capability.value} (it can: {have})")

    def classify(self, inputs: Sequence[Any], *, progress: ProgressCallback | None = None) -> list[Prediction]:
        raise self._unsupported(Capability.CLASSIFY)

    def generate(
        self, prompts: Sequence[str], config: GenerationConfig, *, progress: ProgressCallback | None = None
    ) -> list[str]:
        raise self._unsupported(Capability.GENERATE)

    def loglikelihood(
        self, requests: Sequence[tuple[str, str]], *, progress: ProgressCallback | None = None
    ) -> list[float]:
        raise self._unsupported(Capability.LOGLIKELIHOOD)

    def pseudo_loglikelihood(
        self, requests: Sequence[tuple[str, ScoredSpans]], *, progress: ProgressCallback | None = None
    ) -> list[float]:
        """Masked LMs: for each text, mask each scored token in turn and sum its log-probability
        (Salazar et al., 2020; CrowS-Pairs scores only the tokens two sentences share)."""
        raise self._unsupported(Capability.PSEUDO_LOGLIKELIHOOD)
