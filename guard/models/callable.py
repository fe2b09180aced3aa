"""``python:MODULE_OR_FILE.py:CALLABLE`` — any Python function (or object) as the model under test.

A plain function maps a batch of inputs to a batch of outputs and serves ``classify`` (outputs are
labels, ``(label, scores)`` pairs or ``{"label", "scores"}`` dicts) and ``generate`` (outputs are
strings); set ``fn.capabilities = ["classify"]`` to declare fewer. An object with ``classify`` /
``generate`` / ``loglikelihood`` methods is used through those methods.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from guard.errors import GuardError, did_you_mean
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
    module, source_file = _import(module_part, spec)
    if not hasattr(module, attribute):
        public = [n for n in dir(module) if not n.startswith("_")]
        raise GuardError(f"{module_part} has no '{attribute}'", hint=did_you_mean(attribute, public))
    obj = getattr(module, attribute)
    return CallableAdapter(obj, spec=spec, source_file=source_file)


def _import(module_part: str, spec: str) -> tuple[Any, Path | None]:
    try:
        if module_part.endswith(".py"):
            path = Path(module_part).expanduser().resolve()
            if not path.is_file():
                raise GuardError(f"no such file: {module_part}", where=spec)
            name = f"guard_user_model_{abs(hash(str(path)))}"
            module_spec = importlib.util.spec_from_file_location(name, path)
            module = importlib.util.module_from_spec(module_spec)  # type: ignore[arg-type]
            sys.modules[name] = module
            module_spec.loader.exec_module(module)  # type: ignore[union-attr]
            return module, path
        if str(Path.cwd()) not in sys.path:
            sys.path.insert(0, str(Path.cwd()))
        module = importlib.import_module(module_part)
        file = getattr(module, "__file__", None)
        return module, Path(file) if file else None
    except GuardError:
        raise
    except ModuleNotFoundError as exc:
        raise GuardError(f"cannot import '{module_part}': {exc}", where=spec) from None
    except Exception as exc:  # the user's module raised while importing
        raise GuardError(f"importing '{module_part}' failed: {type(exc).__name__}: {exc}", where=spec) from None


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

    def __init__(self, obj: Any, *, spec: str, source_file: Path | None):
        self.spec = spec
        self._obj = obj
        self.artifact = ArtifactInfo(files=[source_file], root=source_file.parent) if source_file else None
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
