"""Models under test: ``load_model(spec)`` turns a spec string into a ``ModelAdapter``.

Spec strings (the command line's MODEL argument):

- ``hf:DIR_OR_FILE_OR_HUB_ID`` — a transformers directory, a ``.gguf`` file, or a hub id
- ``sklearn:FILE.skops`` — scikit-learn in skops format (pickle/joblib only with ``trust_pickle``)
- ``python:MODULE_OR_FILE.py:CALLABLE`` — a function from a batch of inputs to a batch of outputs
- ``http:URL`` — an OpenAI-compatible server (vLLM, TGI); ``http:URL#MODEL`` picks the served model
- ``mlflow:models:/NAME/VERSION`` or ``mlflow:models:/NAME@ALIAS`` — an MLflow registry model (``[mlflow]`` extra)
"""

from __future__ import annotations

from typing import Any

from guard.errors import GuardError, did_you_mean
from guard.models.base import (
    AdapterBase,
    ArtifactInfo,
    Capability,
    GenerationConfig,
    ModelAdapter,
    Prediction,
    UnsupportedCapability,
)

SCHEMES = ("hf", "sklearn", "python", "http", "mlflow")

__all__ = [
    "AdapterBase",
    "ArtifactInfo",
    "Capability",
    "GenerationConfig",
    "ModelAdapter",
    "Prediction",
    "UnsupportedCapability",
    "load_model",
]


def load_model(spec: str | Any, *, trust_pickle: bool = False, **options: Any) -> ModelAdapter:
    """Load the model a spec string names; an adapter object passes through unchanged.

    ``options`` go to the adapter (e.g. ``batch_size``, ``device`` for ``hf:``).
    """
    if not isinstance(spec, str):
        if isinstance(spec, ModelAdapter):
            return spec
        raise GuardError(f"not a model spec or ModelAdapter: {type(spec).__name__}")
    scheme, sep, target = spec.partition(":")
    if sep and scheme in SCHEMES and not target.strip():
        raise GuardError(f"model spec '{spec}' has an empty path after '{scheme}:'",
                         hint={"hf": "e.g. hf:models/sentiment or hf:model.gguf", "sklearn": "e.g. sklearn:model.skops",
                               "python": "e.g. python:my_model.py:predict", "http": "e.g. http:http://127.0.0.1:8000/v1",
                               "mlflow": "e.g. mlflow:models:/sentiment@champion"}[scheme])
    if not sep or not target:
        raise GuardError(
            f"model spec '{spec}' has no scheme",
            hint="write hf:PATH_OR_HUB_ID, sklearn:FILE.skops, python:FILE.py:FUNCTION or http:URL",
        )
    if scheme == "hf":
        from guard.models.hf import load_hf

        return load_hf(target, spec=spec, trust_pickle=trust_pickle, **options)
    if scheme == "sklearn":
        from guard.models.sklearn import load_sklearn

        return load_sklearn(target, spec=spec, trust_pickle=trust_pickle, **options)
    if scheme == "python":
        from guard.models.callable import load_callable

        return load_callable(target, spec=spec, **options)
    if scheme == "http":
        from guard.models.http import load_http

        return load_http(target, spec=spec, **options)
    if scheme == "mlflow":
        from guard.models.mlflow import load_mlflow

        return load_mlflow(target, spec=spec, trust_pickle=trust_pickle, **options)
    hint = did_you_mean(scheme, SCHEMES) or "schemes: " + ", ".join(SCHEMES)
    raise GuardError(f"unknown model scheme '{scheme}' in '{spec}'", hint=hint)
