"""A scikit-learn estimator as the model under test, loaded safely by default.

``.skops`` files load through skops, which only rebuilds types it knows to be safe; anything
else it reports is refused until the user reviews it and passes ``trust_pickle``. Pickle and
joblib files can run arbitrary code when loaded, so they load only with ``trust_pickle``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from guard.errors import GuardError, did_you_mean
from guard.models.base import AdapterBase, ArtifactInfo, Capability, Prediction, ProgressCallback

_CHUNK = 4096  # rows per call into the estimator: bounds memory on large evaluation sets
_PICKLE_SUFFIXES = (".pkl", ".pickle", ".joblib")
_IGNORED_OPTIONS = frozenset({"batch_size", "device"})  # generic runner options with no meaning here
_NOT_PARAMETERS = frozenset({"classes_", "feature_names_in_", "n_features_in_", "n_iter_"})  # bookkeeping


def load_sklearn(target: str, *, spec: str, trust_pickle: bool = False, **options: Any) -> SklearnAdapter:
    """Load ``FILE.skops`` (or, with ``trust_pickle``, ``.pkl``/``.pickle``/``.joblib``)."""
    unknown = set(options) - _IGNORED_OPTIONS
    if unknown:
        name = sorted(unknown)[0]
        raise GuardError(f"unknown option '{name}' for a sklearn: model", hint=did_you_mean(name, ["trust_pickle"]))
    path = Path(target).expanduser()
    if not path.is_file():
        raise GuardError("model file not found", where=path, hint="sklearn: expects a .skops file")
    suffix = path.suffix.lower()
    if suffix == ".skops":
        estimator = _load_skops(path, trust_pickle)
    elif suffix in _PICKLE_SUFFIXES:
        if not trust_pickle:
            raise GuardError(
                "pickle can run arbitrary code; pass --trust-pickle if you trust this file",
                where=path,
                hint="or re-save the model with skops.io.dump as a .skops file",
            )
        estimator = _guarded_load(path, _load_pickle)
    else:
        raise GuardError(
            f"unknown scikit-learn model format '{path.suffix or '(no extension)'}'",
            where=path,
            hint="use a .skops file (or .pkl/.pickle/.joblib with --trust-pickle)",
        )
    return SklearnAdapter(estimator, path=path, spec=spec)


def _load_skops(path: Path, trust_pickle: bool) -> Any:
    """skops refuses unknown types itself; list them first so the error says exactly which."""
    try:
        import skops.io as sio
    except ImportError:
        raise GuardError("loading .skops files needs skops", hint="pip install 'rai-guard[sklearn]'") from None
    untrusted = _guarded_load(path, lambda p: sio.get_untrusted_types(file=p))
    if untrusted and not trust_pickle:
        raise GuardError(
            f"skops file contains types that are not trusted by default: {', '.join(untrusted)}",
            where=path,
            hint="review them; pass --trust-pickle to accept them",
        )
    return _guarded_load(path, lambda p: sio.load(p, trusted=list(untrusted)))


def _load_pickle(path: Path) -> Any:
    """joblib reads plain pickles as well as its own format, so one loader serves all suffixes."""
    import joblib

    return joblib.load(path)


def _guarded_load(path: Path, loader: Any) -> Any:
    """Turn whatever a loader raises on a corrupt or incompatible file into one clear line."""
    try:
        return loader(path)
    except GuardError:
        raise
    except Exception as exc:  # the libraries raise anything from BadZipFile to AttributeError
        detail = str(exc).splitlines()[0][:200] if str(exc) else ""
        raise GuardError(
            f"cannot load scikit-learn model: {type(exc).__name__}" + (f": {detail}" if detail else ""),
            where=path,
            hint="is the file complete, and saved by a compatible scikit-learn/skops version?",
        ) from None


class SklearnAdapter(AdapterBase):
    """Classification through ``predict`` (and ``predict_proba`` for class scores)."""

    kind = "sklearn"

    def __init__(self, estimator: Any, *, path: Path, spec: str):
        self.estimator, self.spec = estimator, spec
        self.artifact = ArtifactInfo(files=[path], root=path.parent)
        has_predict = callable(getattr(estimator, "predict", None))
        self.capabilities = frozenset({Capability.CLASSIFY}) if has_predict else frozenset()

    def __repr__(self) -> str:
        return f"SklearnAdapter({type(self.estimator).__name__}, spec={self.spec!r})"

    @property
    def num_parameters(self) -> int | None:
        """Approximate: the sizes of numeric arrays among fitted (``*_``) attributes, nested estimators included."""
        return _count_parameters(self.estimator, set()) or None

    def classify(self, inputs: Sequence[Any], *, progress: ProgressCallback | None = None) -> list[Prediction]:
        if Capability.CLASSIFY not in self.capabilities:
            raise self._unsupported(Capability.CLASSIFY)
        inputs = list(inputs)
        if not inputs:
            return []
        head, final = _split_pipeline(self.estimator)
        columns = _column_order(self.estimator, inputs)
        with_proba = callable(getattr(final, "predict_proba", None)) and hasattr(final, "classes_")
        out: list[Prediction] = []
        for start in range(0, len(inputs), _CHUNK):
            chunk = inputs[start : start + _CHUNK]
            X = _to_matrix(chunk, columns, self.estimator)
            if head is not None:
                X = head.transform(X)  # transform once for both predict and predict_proba
            labels = final.predict(X)
            if with_proba:
                classes = [str(c) for c in final.classes_]
                proba = np.asarray(final.predict_proba(X), dtype=float)
                out += [
                    Prediction(label=str(label), scores={c: float(p) for c, p in zip(classes, row)})
                    for label, row in zip(labels, proba)
                ]
            else:
                out += [Prediction(label=str(label)) for label in labels]
            if progress:
                progress(len(chunk))
        return out


def _split_pipeline(estimator: Any) -> tuple[Any, Any]:
    """``(pipeline[:-1], final step)`` for a Pipeline, so the transforms run once; else ``(None, estimator)``."""
    from sklearn.pipeline import Pipeline

    if isinstance(estimator, Pipeline) and len(estimator.steps) > 1:
        final = estimator.steps[-1][1]
        if callable(getattr(final, "predict", None)):
            return estimator[:-1], final
    return None, estimator


def _column_order(estimator: Any, inputs: list[Any]) -> list[str] | None:
    """For dict rows: the estimator's ``feature_names_in_`` when it has them, else the first row's key order."""
    if not isinstance(inputs[0], Mapping):
        return None
    try:
        names = getattr(estimator, "feature_names_in_", None)
    except AttributeError:  # a Pipeline whose first step was fitted without names
        names = None
    columns = [str(n) for n in names] if names is not None else [str(k) for k in inputs[0]]
    for i, row in enumerate(inputs):
        if not isinstance(row, Mapping):
            raise GuardError(f"input {i} is a {type(row).__name__}, but input 0 is a feature dict")
        missing = [c for c in columns if c not in row]
        if missing:
            raise GuardError(
                f"input {i} lacks feature(s) {', '.join(missing[:10])}", hint=f"the model expects {columns}"
            )
    return columns


def _to_matrix(chunk: list[Any], columns: list[str] | None, estimator: Any) -> Any:
    """Texts pass through as a list; dict rows become a DataFrame (named features) or a 2-D array."""
    if columns is None:
        if isinstance(chunk[0], str):
            return chunk
        return np.asarray(chunk)
    if getattr(estimator, "feature_names_in_", None) is not None:
        try:
            import pandas as pd

            return pd.DataFrame([{c: row[c] for c in columns} for row in chunk], columns=columns)
        except ImportError:
            pass
    return np.asarray([[row[c] for c in columns] for row in chunk])


def _count_parameters(obj: Any, seen: set[int]) -> int:
    """Sum numeric array sizes in fitted attributes; recurse into nested estimators and pipeline steps."""
    if id(obj) in seen or not hasattr(obj, "__dict__"):
        return 0
    seen.add(id(obj))
    total = 0
    for name, value in vars(obj).items():
        if name in ("steps", "transformers_", "estimators_", "estimators") or name.endswith("_"):
            if name in _NOT_PARAMETERS:
                continue
            total += _count_value(value, seen)
        elif hasattr(value, "get_params") and hasattr(value, "__dict__"):
            total += _count_parameters(value, seen)  # private fitted helpers, e.g. TfidfVectorizer._tfidf
    return total


def _count_value(value: Any, seen: set[int]) -> int:
    if isinstance(value, np.ndarray):
        return int(value.size) if np.issubdtype(value.dtype, np.number) else 0
    if type(value).__name__ == "Tree":  # sklearn.tree._tree.Tree: thresholds and leaf values
        return int(value.threshold.size + value.value.size)
    if isinstance(value, (list, tuple)):
        return sum(_count_value(v, seen) for v in value)
    if hasattr(value, "get_params"):
        return _count_parameters(value, seen)
    return 0
