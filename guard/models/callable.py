"""``python:MODULE_OR_FILE.py:CALLABLE`` — any Python function (or object) as the model under test.

A plain function maps a batch of inputs to a batch of outputs and serves ``classify`` (outputs are
labels, ``(label, scores)`` pairs or ``{"label", "scores"}`` dicts) and ``generate`` (outputs are
strings); set ``fn.capabilities = ["classify"]`` to declare fewer. An object with ``classify`` /
``generate`` / ``loglikelihood`` methods is used through those methods.

The fingerprint (what the registry records and the release gate rechecks) covers the module's own
file: ``FILE.py`` for a file spec, the resolved file for a module spec (``python:mypkg.model:predict``
covers ``mypkg/model.py``; module specs are looked up with the current directory first on
``sys.path``). A model that reads other files — weights, a vocabulary, a lexicon — must declare them,
or changing them would not change the fingerprint and the gate would still accept the model::

    GUARD_ARTIFACTS = ["weights.json", "vocab/", "*.npz"]

- a module-level assignment of a literal list of strings, made once; it is read from the source
  with ``ast``, never by importing the module, so the gate rechecks it without running your code;
- each entry is a path relative to the folder of the module's file: a file, a folder (every file
  under it, recursively; ``__pycache__`` is skipped) or a glob (``*``, ``?``, ``[...]``, ``**``);
- every entry must match at least one file, and stay inside that folder: no ``..``, no absolute
  paths, no symbolic links that lead outside it;
- the fingerprint hashes the module file plus the declared files, each under its name relative to
  the folder, so copying the folder elsewhere keeps the fingerprint; a model without
  ``GUARD_ARTIFACTS`` keeps the fingerprint of its file alone.

Anything else is an error (exit 2) naming the file and line, raised before any of the model's code
runs. Not covered unless declared: other modules of your package or folder (declare them too, e.g.
``"helpers.py"`` or ``"*.py"``); not covered at all: files outside the module's folder, installed
libraries, and data fetched at run time — a model that reads those can change without the gate
noticing.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from guard.errors import GuardError, did_you_mean
from guard.models import _python_files
from guard.models.base import (
    AdapterBase,
    ArtifactInfo,
    Capability,
    GenerationConfig,
    Prediction,
    ProgressCallback,
)

_METHODS = {Capability.CLASSIFY: "classify", Capability.GENERATE: "generate", Capability.LOGLIKELIHOOD: "loglikelihood"}


def load_callable(target: str, *, spec: str, **_: Any) -> CallableAdapter:
    module_part, sep, attribute = target.rpartition(":")
    if not sep or not module_part or not attribute:
        raise GuardError(f"'{spec}' needs MODULE_OR_FILE:CALLABLE", hint="e.g. python:models/keyword.py:predict")
    if not module_part.endswith(".py") and str(Path.cwd()) not in sys.path:
        sys.path.insert(0, str(Path.cwd()))  # stays, so the model's own imports at call time work too
    # Resolved (and GUARD_ARTIFACTS checked) before any user code runs, exactly as the gate resolves it.
    resolved = _python_files.resolve(module_part, spec=spec)
    module = _import(module_part, resolved, spec)
    if not hasattr(module, attribute):
        public = [n for n in dir(module) if not n.startswith("_")]
        raise GuardError(f"{module_part} has no '{attribute}'", hint=did_you_mean(attribute, public))
    obj = getattr(module, attribute)
    return CallableAdapter(obj, spec=spec, artifact=resolved.artifact_info(attribute))


def _import(module_part: str, resolved: _python_files.PythonTarget, spec: str) -> Any:
    try:
        if resolved.module is None:
            path = resolved.source
            assert path is not None
            name = f"guard_user_model_{abs(hash(str(path)))}"
            module_spec = importlib.util.spec_from_file_location(name, path)
            module = importlib.util.module_from_spec(module_spec)  # type: ignore[arg-type]
            sys.modules[name] = module
            module_spec.loader.exec_module(module)  # type: ignore[union-attr]
            return module
        module = importlib.import_module(module_part)
    except GuardError:
        raise
    except ModuleNotFoundError as exc:
        raise GuardError(f"cannot import '{module_part}': {exc}", where=spec) from None
    except Exception as exc:  # the user's module raised while importing
        raise GuardError(f"importing '{module_part}' failed: {type(exc).__name__}: {exc}", where=spec) from None
    file = getattr(module, "__file__", None)
    if resolved.source is not None and (not file or not _same_file(Path(file), resolved.source)):
        # e.g. a module imported earlier from elsewhere, or a package __init__ that rewires imports:
        # what ran is not what the fingerprint (and the gate's recheck) covers.
        raise GuardError(
            f"'{module_part}' was imported from {file or 'no file'}, but resolves to {resolved.source} on disk",
            where=spec,
            hint="the fingerprint must cover the code that runs; restart, or run from the package's folder",
        )
    return module


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or os.path.samefile(a, b)
    except OSError:
        return False


def _prediction(output: Any) -> Prediction:
    if isinstance(output, Prediction):
        return output
    if isinstance(output, dict) and "label" in output:
        scores = output.get("scores")
        return Prediction(str(output["label"]), {str(k): float(v) for k, v in scores.items()} if scores else None)
    if isinstance(output, tuple) and len(output) == 2 and isinstance(output[1], dict):
        return Prediction(str(output[0]), {str(k): float(v) for k, v in output[1].items()})
    return Prediction(str(output))


class CallableAdapter(AdapterBase):
    kind = "python"

    def __init__(self, obj: Any, *, spec: str, artifact: ArtifactInfo | None):
        self.spec = spec
        self._obj = obj
        self.artifact = artifact  # the module's file plus its GUARD_ARTIFACTS; None for built-in modules
        methods = {cap for cap, name in _METHODS.items() if callable(getattr(obj, name, None))}
        if methods and not isinstance(obj, type):
            self._methods = True
            self.capabilities = frozenset(methods)
        elif callable(obj) and not isinstance(obj, type):
            self._methods = False
            declared = getattr(obj, "capabilities", None)
            try:
                self.capabilities = frozenset(Capability(c) for c in declared) if declared else frozenset(
                    {Capability.CLASSIFY, Capability.GENERATE}
                )
            except ValueError as exc:
                raise GuardError(f"{spec}: capabilities: {exc}", hint="use classify, generate, loglikelihood") from None
        else:
            raise GuardError(f"'{spec}' is not a function or an object with classify/generate methods")

    def _call(self, capability: Capability, batch: list[Any], *extra: Any) -> list[Any]:
        if capability not in self.capabilities:
            raise self._unsupported(capability)
        function = getattr(self._obj, _METHODS[capability]) if self._methods else self._obj
        outputs = list(function(batch, *extra) if self._methods and extra else function(batch))
        if len(outputs) != len(batch):
            raise RuntimeError(f"{self.spec} returned {len(outputs)} outputs for a batch of {len(batch)}")
        return outputs

    def classify(self, inputs: Sequence[Any], *, progress: ProgressCallback | None = None) -> list[Prediction]:
        out = [_prediction(o) for o in self._call(Capability.CLASSIFY, list(inputs))]
        if progress:
            progress(len(out))
        return out

    def generate(
        self, prompts: Sequence[str], config: GenerationConfig, *, progress: ProgressCallback | None = None
    ) -> list[str]:
        out = [str(o) for o in self._call(Capability.GENERATE, list(prompts), *((config,) if self._methods else ()))]
        for stop in config.stop:
            out = [text.split(stop)[0] if stop in text else text for text in out]
        if progress:
            progress(len(out))
        return out

    def loglikelihood(
        self, requests: Sequence[tuple[str, str]], *, progress: ProgressCallback | None = None
    ) -> list[float]:
        out = [float(o) for o in self._call(Capability.LOGLIKELIHOOD, list(requests))]
        if progress:
            progress(len(out))
        return out
