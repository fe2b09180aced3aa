"""Recompute a registered artifact's fingerprint from its files, without loading the model.

The release gate uses this to refuse a version whose files changed after it was evaluated.
"""

from __future__ import annotations

from pathlib import Path

from guard.errors import GuardError
from guard.models.base import ArtifactInfo, fingerprint_text


def artifact_for(spec: str, *, trust_pickle: bool = False) -> ArtifactInfo | None:
    """The files a spec's fingerprint covers; None for endpoints and built-in modules (identity, not content).

    For ``python:`` specs: the module's file plus what its ``GUARD_ARTIFACTS`` declares.
    """
    scheme, _, target = spec.partition(":")
    if scheme == "hf":
        from guard.models import _hf_files as hf

        target, options = hf.split_load_options(target)
        variant = "&".join(f"{k}={v}" for k, v in sorted(options.items()))
        folder, gguf = hf.resolve(target, trust_pickle=trust_pickle)
        if gguf is not None:
            return ArtifactInfo(files=[folder / gguf], root=folder, variant=variant)
        files = hf.weights(folder, trust_pickle=trust_pickle) + [
            p for pattern in hf.ARTIFACT_PATTERNS for p in folder.glob(pattern) if p.is_file()
        ]
        return ArtifactInfo(files=sorted(set(files)), root=folder, variant=variant)
    if scheme == "sklearn":
        path = Path(target).expanduser()
        if not path.is_file():
            raise GuardError(f"model file not found: {path}")
        return ArtifactInfo(files=[path], root=path.parent)
    if scheme == "python":
        from guard.models import _python_files

        module_part, sep, attribute = target.rpartition(":")
        if not sep or not module_part:
            raise GuardError(f"'{spec}' needs MODULE_OR_FILE:CALLABLE", hint="e.g. python:models/keyword.py:predict")
        # The loader's resolution (guard.models.callable), without importing or running the module.
        return _python_files.resolve(module_part, spec=spec).artifact_info(attribute)
    return None


def artifact_fingerprint(spec: str, *, trust_pickle: bool = False) -> str:
    """The fingerprint ``load_model(spec).fingerprint`` would report, from the files alone."""
    artifact = artifact_for(spec, trust_pickle=trust_pickle)
    if artifact is not None:
        return artifact.fingerprint()
    if spec.startswith("http:"):
        from guard.models.http import load_http

        return load_http(spec.partition(":")[2], spec=spec).fingerprint
    if spec.startswith("mlflow:"):
        # The downloaded artifact files, hashed as `evaluate` hashes them (needs MLFLOW_TRACKING_URI
        # wherever register and gate run); a spec-only identity would never match the run's.
        from guard.models.mlflow import artifact_fingerprint as mlflow_fingerprint

        return mlflow_fingerprint(spec)
    return fingerprint_text(spec.partition(":")[0], spec)
