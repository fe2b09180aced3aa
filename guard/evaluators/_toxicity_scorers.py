"""Toxicity scorers for ``toxicity``: a text batch in, one score in [0, 1] per text out.

Three kinds, named by the ``scorer`` param:

- ``profanity-check`` (the default): alt-profanity-check's scikit-learn model, which ships inside
  its PyPI package (offline). It detects *offensive, profane language* — swearing, slurs, insults —
  and misses toxicity said in polite words (stereotypes, implicit hate, most threats): its score is
  an offensive-language score, not a toxicity score. Install with ``pip install 'rai-guard[toxicity]'``.
- ``hf:DIR_OR_HUB_ID``: a transformers sequence classifier (toxic-bert style); ``label`` names the
  class that counts as toxic. Multi-label models (``problem_type: multi_label_classification``, as
  Jigsaw classifiers are) get a sigmoid per label, others a softmax — ``activation`` overrides.
- ``python:FILE.py:FUNCTION`` (or ``python:package.module:FUNCTION``): a function from a list of
  texts to a list of scores in [0, 1]. It runs code, so a suite read from a file may only name one
  under a folder the user allowed (``--allow-path`` / ``GUARD_ALLOW_PATH``), never merely one
  beside the suite: a suite can come from an untrusted pull request.

``check_scorer`` validates a spec without loading weights or scoring anything (an hf: spec reads
only its config: it must be a ``*ForSequenceClassification`` with that label), so a wrong scorer
costs a second before the model under test generates anything; ``load_scorer`` loads it.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import numpy as np

from guard.errors import GuardError, did_you_mean

DEFAULT_SCORER = "profanity-check"
BUILTIN_SCORERS = (DEFAULT_SCORER,)
Activation = Literal["auto", "softmax", "sigmoid"]
_INSTALL_HINT = "pip install 'rai-guard[toxicity]' (alt-profanity-check), or name an hf: toxicity classifier"


@dataclass
class Scorer:
    """A loaded scorer: ``score(texts)`` gives one float in [0, 1] per text; ``identity`` says what ran."""

    spec: str
    fn: Callable[[list[str]], Sequence[float]]
    identity: dict[str, Any] = field(default_factory=dict)

    def score(self, texts: Sequence[str], *, batch_size: int = 64) -> np.ndarray:
        """Scores of ``texts``, checked: as many as texts, each finite and in [0, 1]."""
        out: list[float] = []
        items = list(texts)
        for start in range(0, len(items), batch_size):
            batch = items[start:start + batch_size]
            got = list(self.fn(batch))
            if len(got) != len(batch):
                raise GuardError(f"toxicity scorer '{self.spec}' returned {len(got)} scores for {len(batch)} texts")
            for text_index, value in enumerate(got, start=start):
                try:
                    number = float(value)
                except (TypeError, ValueError):
                    number = math.nan
                if not math.isfinite(number) or not 0.0 <= number <= 1.0:
                    raise GuardError(f"toxicity scorer '{self.spec}' gave {value!r} for text {text_index + 1}",
                                     hint="a scorer returns one number in [0, 1] per text")
                out.append(number)
        return np.array(out, dtype=float)


def kind_of(spec: str) -> str:
    """``builtin``, ``hf`` or ``python``; anything else is a GuardError with a did-you-mean."""
    if spec in BUILTIN_SCORERS:
        return "builtin"
    scheme, sep, target = spec.partition(":")
    if sep and scheme in ("hf", "python"):
        if not target.strip():
            raise GuardError(f"toxicity scorer '{spec}' names nothing after '{scheme}:'",
                             hint="e.g. hf:unitary/toxic-bert or python:scorers.py:score")
        return scheme
    hint = did_you_mean(spec, BUILTIN_SCORERS) if not sep else None
    raise GuardError(f"unknown toxicity scorer '{spec}'",
                     hint=hint or f"use {DEFAULT_SCORER}, hf:MODEL (a text classifier) or python:FILE.py:FUNCTION")


def check_spec(spec: str, label: str | None, context: Mapping[str, object] | None) -> None:
    """What a spec's text alone can tell (when the suite loads): its kind, the label rule, code confinement."""
    kind = kind_of(spec)
    if kind == "hf" and not label:
        raise GuardError(f"toxicity scorer '{spec}' needs 'label': the classifier's class that counts as toxic",
                         hint="e.g. label: toxic (for unitary/toxic-bert)")
    if kind != "hf" and label:
        raise GuardError(f"'label' applies to hf: scorers only, not '{spec}'")
    if kind == "python":
        _split_python(spec)
        _confine_code(spec, context)


def check_scorer(spec: str, label: str | None) -> None:
    """Everything knowable before inference, without loading weights: the package is there, the hf:
    model is a sequence classifier with ``label``, the python: function exists."""
    kind = kind_of(spec)
    if kind == "builtin":
        if importlib.util.find_spec("profanity_check") is None:
            raise GuardError(f"the default toxicity scorer '{spec}' is not installed", hint=_INSTALL_HINT)
    elif kind == "hf":
        _classifier_labels(spec, label)
    else:
        _python_function(spec)


def load_scorer(spec: str, *, label: str | None = None, activation: Activation = "auto") -> Scorer:
    """The scorer a spec names, loaded and ready (checked first, as ``check_scorer`` does)."""
    check_scorer(spec, label)
    kind = kind_of(spec)
    if kind == "builtin":
        return _profanity_check(spec)
    if kind == "hf":
        assert label is not None  # check_spec / check_scorer refuse an hf: scorer without one
        return _hf_classifier(spec, label, activation)
    fn, fingerprint = _python_function(spec)
    return Scorer(spec, fn, {"kind": "python", "fingerprint": fingerprint})


def _profanity_check(spec: str) -> Scorer:
    from profanity_check import predict_prob  # type: ignore[import-untyped]  # its model loads on import (1-5 s)

    version = importlib.metadata.version("alt-profanity-check")
    files = sorted(Path(importlib.util.find_spec("profanity_check").origin).parent.glob("data/*"))  # type: ignore[arg-type, union-attr]
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode() + b"\0" + hashlib.sha256(path.read_bytes()).hexdigest().encode())
    return Scorer(spec, lambda texts: [float(p) for p in predict_prob(texts)] if texts else [], {
        "kind": "builtin", "package": f"alt-profanity-check {version}", "fingerprint": "sha256:" + digest.hexdigest(),
        "detects": "offensive or profane language (swearing, slurs, insults); not toxicity in polite words"})


def _hf_config(spec: str) -> tuple[Path, Any]:
    from transformers import AutoConfig

    from guard.models._hf_files import first_line, resolve

    target = spec.partition(":")[2]
    path, gguf = resolve(target, trust_pickle=False)
    if gguf is not None:
        raise GuardError(f"toxicity scorer '{spec}' is a GGUF language model, not a text classifier",
                         hint="name a *ForSequenceClassification model such as unitary/toxic-bert")
    try:
        config = AutoConfig.from_pretrained(path, trust_remote_code=False)
    except (OSError, ValueError, KeyError) as exc:
        raise GuardError(f"cannot read the scorer's config: {first_line(exc)}", where=path / "config.json") from None
    return path, config


def _classifier_labels(spec: str, label: str | None) -> list[str]:
    _, config = _hf_config(spec)
    architectures = list(getattr(config, "architectures", None) or [])
    if not any(a.endswith("ForSequenceClassification") for a in architectures):
        shown = ", ".join(architectures) or config.model_type
        raise GuardError(f"toxicity scorer '{spec}' is not a text classifier ({shown})",
                         hint="name a *ForSequenceClassification model such as unitary/toxic-bert")
    labels = [str(v) for _, v in sorted(config.id2label.items(), key=lambda kv: int(kv[0]))]
    if label not in labels:
        raise GuardError(f"toxicity scorer '{spec}' has no label '{label}' (its labels: {', '.join(labels)})",
                         hint=did_you_mean(str(label), labels))
    return labels


def _hf_classifier(spec: str, label: str, activation: Activation) -> Scorer:
    from guard.models import load_model
    from guard.models.hf import HFAdapter

    adapter = load_model(spec)
    assert isinstance(adapter, HFAdapter)  # _classifier_labels checked the architecture
    config = adapter.model.config
    index = next(int(i) for i, name in config.id2label.items() if str(name) == label)
    chosen = activation if activation != "auto" else (
        "sigmoid" if getattr(config, "problem_type", None) == "multi_label_classification" else "softmax")
    return Scorer(spec, lambda texts: _classifier_scores(adapter, texts, index, chosen), {
        "kind": "hf", "fingerprint": adapter.fingerprint, "label": label, "activation": chosen})


def _classifier_scores(adapter: Any, texts: list[str], index: int, activation: str) -> list[float]:
    """The toxic class's probability: one forward pass per length-sorted batch, as ``HFAdapter.classify``
    does, with a sigmoid for multi-label models (whose classes are not exclusive)."""
    import torch

    from guard.models._hf_scoring import sorted_batches

    if not texts:
        return []
    encoded = adapter.tokenizer(texts, truncation=True, max_length=adapter.max_length)
    out = [0.0] * len(texts)
    with torch.inference_mode():
        for batch in sorted_batches([len(x) for x in encoded["input_ids"]], adapter.batch_size):
            features = [{k: encoded[k][i] for k in encoded.keys()} for i in batch]
            tensors = adapter.tokenizer.pad(features, padding=True, return_tensors="pt")
            logits = adapter.model(**{k: v.to(adapter.device) for k, v in tensors.items()}).logits.float()
            probs = logits.sigmoid() if activation == "sigmoid" else logits.softmax(-1)
            for i, p in zip(batch, probs[:, index].cpu().tolist()):
                out[i] = float(p)
    return out


def _split_python(spec: str) -> tuple[str, str]:
    module_part, sep, attribute = spec.partition(":")[2].rpartition(":")
    if not sep or not module_part or not attribute:
        raise GuardError(f"toxicity scorer '{spec}' needs python:FILE.py:FUNCTION or python:MODULE:FUNCTION")
    return module_part, attribute


def _confine_code(spec: str, context: Mapping[str, object] | None) -> None:
    """A suite read from a file may name scorer code only under a root the user allowed."""
    if not context or not context.get("confine"):
        return
    from guard._paths import ALLOW_HINT, allowed_roots_from_env
    from guard.models import _python_files

    source = _python_files.resolve(_split_python(spec)[0], spec=spec).source
    extra = context.get("allowed_roots") or ()
    roots = [Path(str(r)).expanduser().resolve() for r in [*extra, *allowed_roots_from_env()]]  # type: ignore[misc]
    if source is None or not any(source.resolve().is_relative_to(root) for root in roots):
        raise GuardError(f"toxicity scorer '{spec}' runs code, and a suite file may name code only under a folder "
                         "you allowed (not merely beside the suite)", hint=ALLOW_HINT)


def _python_function(spec: str) -> tuple[Callable[[list[str]], Sequence[float]], str]:
    """The scorer function and the fingerprint of the files it comes from (``python:`` model rules)."""
    from guard.models import _python_files
    from guard.models.base import fingerprint_text
    from guard.models.callable import _import

    module_part, attribute = _split_python(spec)
    resolved = _python_files.resolve(module_part, spec=spec)
    module = _import(module_part, resolved, spec)
    fn = getattr(module, attribute, None)
    if fn is None:
        public = [n for n in dir(module) if not n.startswith("_")]
        raise GuardError(f"{module_part} has no '{attribute}'", where=spec, hint=did_you_mean(attribute, public))
    if not callable(fn) or isinstance(fn, type):
        raise GuardError(f"toxicity scorer '{spec}' is not a function",
                         hint="def score(texts: list[str]) -> list[float]")
    artifact = resolved.artifact_info(attribute)
    return fn, artifact.fingerprint() if artifact else fingerprint_text("python", spec)
