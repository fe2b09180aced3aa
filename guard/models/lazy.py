"""Load a model only when an answer is missing from the persistent cache.

``open_model(spec, cache=...)`` hashes the spec's files (``guard.models.artifacts``, no import of torch
or of the user's code) and looks the fingerprint up in the cache's record of earlier loads: the first
successful load of an artifact with given options writes down what the run plan needs to know about it
(kind, capabilities, parameter count) and the adapter settings its answers are keyed under. With such a
record the model comes back as a ``LazyModel`` that knows all of that without loading; it loads the real
adapter on the first call that reaches it (a cache miss, the ``efficiency`` evaluator, an attribute only
the adapter has), and checks then that the files still hash to the same fingerprint. Without a record,
or for a model whose fingerprint does not hash files (``http:``), the model is loaded at once, as
``load_model`` does.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from guard.errors import GuardError
from guard.models.base import (
    ArtifactInfo,
    Capability,
    GenerationConfig,
    ModelAdapter,
    Prediction,
    ProgressCallback,
    ScoredSpans,
)

if TYPE_CHECKING:
    from guard.cache import DiskCache


class LazyModel:
    """A model known from its files and an earlier load's record; the adapter loads on first use."""

    def __init__(self, spec: str, *, fingerprint: str, record: dict[str, Any], artifact: ArtifactInfo,
                 loader: Callable[[], ModelAdapter]):
        self.spec = spec
        self.kind = str(record["kind"])
        self.capabilities = frozenset(Capability(c) for c in record["capabilities"])
        self.fingerprint_kind = str(record.get("fingerprint_kind", "content"))
        self.artifact = artifact
        self.cache_settings: dict[str, Any] = dict(record["settings"])
        self._fingerprint = fingerprint
        self._parameters = record.get("parameters")
        self._loader = loader
        self._adapter: ModelAdapter | None = None
        self._lock = threading.Lock()

    @property
    def fingerprint(self) -> str:
        return self._fingerprint

    @property
    def num_parameters(self) -> int | None:
        return self._parameters if isinstance(self._parameters, int) else None

    @property
    def size_on_disk_bytes(self) -> int | None:
        return self.artifact.size_on_disk_bytes

    @property
    def loaded(self) -> bool:
        return self._adapter is not None

    def load(self) -> ModelAdapter:
        """The real adapter (loaded once); refuses when the files changed since they were hashed."""
        with self._lock:
            if self._adapter is None:
                adapter = self._loader()
                if adapter.fingerprint != self._fingerprint:
                    raise GuardError(f"the model's files changed during the run (fingerprint {self._fingerprint[:19]}… "
                                     f"at the start, {adapter.fingerprint[:19]}… now)", where=self.spec,
                                     hint="run again once the files stop changing")
                if frozenset(adapter.capabilities) != self.capabilities:
                    raise GuardError("the loaded model's capabilities differ from the inference cache's record",
                                     where=self.spec, hint="run 'guard cache clear --fingerprint "
                                     f"{self._fingerprint}', or give --no-cache")
                self._adapter = adapter
            return self._adapter

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.load(), name)

    def classify(self, inputs: Sequence[Any], *, progress: ProgressCallback | None = None) -> list[Prediction]:
        return self.load().classify(inputs, progress=progress)

    def generate(self, prompts: Sequence[str], config: GenerationConfig, *,
                 progress: ProgressCallback | None = None) -> list[str]:
        return self.load().generate(prompts, config, progress=progress)

    def loglikelihood(self, requests: Sequence[tuple[str, str]], *,
                      progress: ProgressCallback | None = None) -> list[float]:
        return self.load().loglikelihood(requests, progress=progress)

    def pseudo_loglikelihood(self, requests: Sequence[tuple[str, ScoredSpans]], *,
                             progress: ProgressCallback | None = None) -> list[float]:
        return self.load().pseudo_loglikelihood(requests, progress=progress)  # type: ignore[attr-defined]


def loaded(model: Any) -> Any:
    """The adapter that really runs: a ``LazyModel``'s (loading it), a ``CachedModel``'s inner one."""
    from guard.models.cached import CachedModel

    if isinstance(model, CachedModel):
        model = model.inner
    return model.load() if isinstance(model, LazyModel) else model


def disk_cacheable(model: Any) -> bool:
    """Whether answers may be stored under this model's fingerprint: it must hash the artifact's files."""
    if isinstance(model, LazyModel):
        return True
    return getattr(model, "artifact", None) is not None and getattr(model, "fingerprint_kind", "content") == "content"


def cache_settings(model: Any) -> dict[str, Any]:
    """The adapter settings answers are keyed under (a ``LazyModel`` has them from its record)."""
    from guard.cache import adapter_settings

    if isinstance(model, LazyModel):
        return dict(model.cache_settings)
    return adapter_settings(model)


def open_model(spec: str | Any, *, cache: DiskCache | None = None, trust_pickle: bool = False,
               **options: Any) -> ModelAdapter:
    """``load_model``, deferred to the first cache miss when ``cache`` has a record of this artifact."""
    from guard.models import load_model

    def load() -> ModelAdapter:
        return load_model(spec, trust_pickle=trust_pickle, **options)

    if cache is None or not isinstance(spec, str) or spec.startswith("http:"):
        return load()
    from guard.cache import record_key
    from guard.models.artifacts import artifact_for

    try:
        artifact = artifact_for(spec, trust_pickle=trust_pickle)
    except GuardError:
        return load()  # let the loader say what is wrong, as without a cache
    if artifact is None:
        return load()
    fingerprint = artifact.fingerprint()
    key = record_key(spec, options)
    record = cache.model_record(fingerprint, key)
    if record is not None:
        try:
            return LazyModel(spec, fingerprint=fingerprint, record=record, artifact=artifact, loader=load)
        except (KeyError, TypeError, ValueError):
            pass  # an unreadable record: load, and write a good one
    adapter = load()
    if disk_cacheable(adapter):
        try:
            _PENDING[adapter] = (fingerprint, key, spec)
        except TypeError:  # an adapter that cannot be weakly referenced is simply not remembered
            pass
    return adapter


_PENDING: weakref.WeakKeyDictionary[Any, tuple[str, str, str]] = weakref.WeakKeyDictionary()
"""Adapters ``open_model`` loaded, with the fingerprint and options to file their record under once a run
starts with them (not before: a run refused before inference writes nothing)."""


def remember(model: Any, cache: DiskCache, fingerprint: str) -> None:
    """File what a later ``open_model`` needs to skip loading this adapter (see ``LazyModel``); only for an
    adapter ``open_model`` loaded (its load options are known) whose files still hash to ``fingerprint``."""
    try:
        pending = _PENDING.pop(model, None)
    except TypeError:
        return
    if pending is None or pending[0] != fingerprint:
        return
    _, key, spec = pending
    cache.remember_model(fingerprint, key, {
        "kind": model.kind,
        "capabilities": sorted(c.value for c in model.capabilities),
        "fingerprint_kind": getattr(model, "fingerprint_kind", "content"),
        "parameters": getattr(model, "num_parameters", None),
        "settings": cache_settings(model),
    }, spec)
