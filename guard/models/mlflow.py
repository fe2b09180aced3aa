"""``mlflow:models:/NAME/VERSION`` or ``mlflow:models:/NAME@ALIAS`` — a model from MLflow's model registry.

The tracking server is ``--model-option tracking_uri=URL``, else ``MLFLOW_TRACKING_URI`` (the registry
is the same server, or ``MLFLOW_REGISTRY_URI``). The version's artifacts are downloaded through
MLflow's client into a temporary folder; the fingerprint hashes those bytes (every file, by its path in
the artifact), and the model is loaded from that very copy with ``mlflow.pyfunc.load_model``, so what
runs is what was hashed. An ``@ALIAS`` spec is resolved once, at load; the report's fingerprint says
which artifact it was.

Loading a pyfunc model unpickles (cloudpickle) the model and runs its code, so it needs
``--trust-pickle``, as pickle files do for ``sklearn:``. The model classifies: ``predict`` gets the
inputs (feature dicts as DataFrame rows) and
returns labels (a list, array or Series, or a DataFrame with a ``label`` column and optional ``score``).
Texts go as a one-column DataFrame when the signature names exactly one input, else as a list.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from guard.errors import GuardError, did_you_mean
from guard.models.base import AdapterBase, ArtifactInfo, Capability, Prediction, ProgressCallback

_SPEC = re.compile(r"^models:/(?P<name>[^/@]+)(?:/(?P<version>\d+)|@(?P<alias>[\w-]+))$")
_OPTIONS = ("tracking_uri",)
_IGNORED_OPTIONS = frozenset({"batch_size"})
_CHUNK = 1024


def parse(target: str, spec: str) -> tuple[str, str | None, str | None]:
    """``models:/NAME/VERSION`` or ``models:/NAME@ALIAS`` → (name, version, alias)."""
    match = _SPEC.match(target.strip())
    if not match:
        raise GuardError(f"model spec '{spec}' is not mlflow:models:/NAME/VERSION or mlflow:models:/NAME@ALIAS",
                         hint="e.g. mlflow:models:/sentiment/3 or mlflow:models:/sentiment@champion")
    return match["name"], match["version"], match["alias"]


def _tracking_uri(options: Mapping[str, Any], spec: str) -> str:
    from guard.integrations.mlflow_client import check_tracking_uri

    uri = options.get("tracking_uri") or os.environ.get("MLFLOW_TRACKING_URI")
    if not uri:
        raise GuardError(f"'{spec}' needs an MLflow tracking server",
                         hint="set MLFLOW_TRACKING_URI or --model-option tracking_uri=http://HOST:PORT")
    return check_tracking_uri(str(uri), "tracking_uri")


def download(target: str, *, spec: str, tracking_uri: str) -> tuple[tempfile.TemporaryDirectory, ArtifactInfo, str]:
    """The version's artifacts in a fresh temporary folder, their ArtifactInfo, and ``NAME/VERSION`` resolved."""
    from guard.integrations.mlflow_client import client as make_client
    from guard.integrations.mlflow_client import describe, import_mlflow

    name, version, alias = parse(target, spec)
    mlflow = import_mlflow()
    client = make_client(tracking_uri, os.environ.get("MLFLOW_REGISTRY_URI") or tracking_uri)
    folder = tempfile.TemporaryDirectory(prefix="guard-mlflow-model-")
    try:
        mv = client.get_model_version_by_alias(name, alias) if alias else client.get_model_version(name, version)
        uri = client.get_model_version_download_uri(name, mv.version)
        local = Path(mlflow.artifacts.download_artifacts(artifact_uri=uri, dst_path=folder.name,
                                                         tracking_uri=tracking_uri))
    except Exception as exc:
        folder.cleanup()
        if isinstance(exc, GuardError):
            raise
        raise describe(exc, tracking_uri) from None
    root = local if local.is_dir() else local.parent
    files = sorted(p for p in root.rglob("*") if p.is_file())
    if not files:
        folder.cleanup()
        raise GuardError(f"MLflow model {name} version {mv.version} has no artifact files", where=spec)
    return folder, ArtifactInfo(files=files, root=root), f"{name}/{mv.version}"


def artifact_fingerprint(spec: str) -> str:
    """The fingerprint ``load_mlflow`` reports, from the downloaded files alone (no unpickling)."""
    folder, artifact, _ = download(spec.partition(":")[2], spec=spec, tracking_uri=_tracking_uri({}, spec))
    try:
        return artifact.fingerprint()
    finally:
        folder.cleanup()


def load_mlflow(target: str, *, spec: str, trust_pickle: bool = False, **options: Any) -> MlflowAdapter:
    unknown = set(options) - set(_OPTIONS) - _IGNORED_OPTIONS
    if unknown:
        key = sorted(unknown)[0]
        raise GuardError(f"unknown option '{key}' for an mlflow: model", hint=did_you_mean(key, _OPTIONS))
    parse(target, spec)
    if not trust_pickle:
        raise GuardError("loading an MLflow pyfunc model unpickles it and runs its code; pass --trust-pickle "
                         "if you trust this model", where=spec)
    tracking_uri = _tracking_uri(options, spec)
    folder, artifact, resolved = download(target, spec=spec, tracking_uri=tracking_uri)
    from guard.integrations.mlflow_client import import_mlflow

    try:
        model = import_mlflow().pyfunc.load_model(str(artifact.root))
    except Exception as exc:
        folder.cleanup()
        raise GuardError(f"cannot load MLflow model {resolved}: {type(exc).__name__}: {str(exc)[:200]}",
                         where=spec, hint="is it a pyfunc-compatible model logged with this MLflow version?") from None
    return MlflowAdapter(model, spec=spec, artifact=artifact, folder=folder, resolved=resolved)


class MlflowAdapter(AdapterBase):
    """Classification through the pyfunc model's ``predict``."""

    kind = "mlflow"
    capabilities = frozenset({Capability.CLASSIFY})

    def __init__(self, model: Any, *, spec: str, artifact: ArtifactInfo, folder: Any, resolved: str):
        self.model, self.spec, self.artifact, self.resolved = model, spec, artifact, resolved
        self._folder = folder  # the downloaded copy lives as long as the adapter
        self._column = _text_column(model)

    def __repr__(self) -> str:
        return f"MlflowAdapter({self.resolved}, spec={self.spec!r})"

    def classify(self, inputs: Sequence[Any], *, progress: ProgressCallback | None = None) -> list[Prediction]:
        import pandas as pd

        out: list[Prediction] = []
        items = list(inputs)
        for start in range(0, len(items), _CHUNK):
            chunk = items[start:start + _CHUNK]
            if chunk and isinstance(chunk[0], Mapping):
                frame: Any = pd.DataFrame([dict(row) for row in chunk])
            elif self._column is not None:
                frame = pd.DataFrame({self._column: [str(t) for t in chunk]})
            else:  # no named input: a list of texts (a one-column DataFrame would hand sklearn its column names)
                frame = [str(t) for t in chunk]
            try:
                predicted = self.model.predict(frame)
            except Exception as exc:
                raise GuardError(f"MLflow model {self.resolved} failed to predict: {type(exc).__name__}: "
                                 f"{str(exc)[:200]}", where=self.spec) from None
            out += _predictions(predicted, len(chunk), self.resolved)
            if progress:
                progress(len(chunk))
        return out


def _text_column(model: Any) -> str | None:
    """The input column the model's signature names when it has exactly one, else None (texts as a list)."""
    try:
        schema = model.metadata.get_input_schema()
        names = schema.input_names() if schema is not None and schema.has_input_names() else []
    except Exception:  # no signature, or a tensor signature
        names = []
    return str(names[0]) if len(names) == 1 else None


def _predictions(predicted: Any, expected: int, resolved: str) -> list[Prediction]:
    import pandas as pd

    scores: list[Any] = [None] * expected
    if isinstance(predicted, pd.DataFrame):
        if "label" in predicted.columns:
            if "score" in predicted.columns:
                scores = [float(s) for s in predicted["score"]]
            predicted = predicted["label"]
        elif predicted.shape[1] == 1:
            predicted = predicted.iloc[:, 0]
        else:
            raise GuardError(f"MLflow model {resolved} returned columns {list(predicted.columns)[:5]}; "
                             "guard reads a 'label' column or a single column")
    labels = list(predicted.tolist() if hasattr(predicted, "tolist") else predicted)
    if len(labels) != expected:
        raise GuardError(f"MLflow model {resolved} returned {len(labels)} predictions for {expected} inputs")
    return [Prediction(label=str(label), scores={str(label): s} if s is not None else None)
            for label, s in zip(labels, scores)]
