"""Per-example records for ``Scores.samples`` (``guard evaluate --log-samples``), one helper per evaluator shape.

Records are plain dicts: ``row`` (0-based in the data the evaluator was given; the runner maps it to the
dataset's row), the example's text, what the model answered, a numeric ``score`` and a one-word ``outcome``
a reviewer filters on. The runner redacts them like findings before they are written.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

_TEXT = 2000  # longer inputs are cut: a record is evidence to read, not a copy of the dataset


def classification_samples(inputs: Sequence[Any], y_true: np.ndarray, y_pred: np.ndarray,
                           proba: np.ndarray | None, labels: Sequence[str],
                           groups: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """``score`` 1/0 (correct or not); ``confidence`` the probability of the predicted label when known."""
    index = {label: k for k, label in enumerate(labels)}
    records = []
    for i, (expected, predicted) in enumerate(zip(y_true, y_pred)):
        record: dict[str, Any] = {"row": i, "input": str(inputs[i])[:_TEXT], "expected": str(expected),
                                  "predicted": str(predicted), "score": float(expected == predicted),
                                  "outcome": "correct" if expected == predicted else "wrong"}
        if proba is not None and str(predicted) in index:
            record["confidence"] = round(float(proba[i, index[str(predicted)]]), 6)
        if groups is not None:
            record["group"] = groups[i]
        records.append(record)
    return records


def generation_samples(prompts: Sequence[str], outputs: Sequence[str], answers: Sequence[list[str]],
                       contained: np.ndarray, exact: np.ndarray, f1: np.ndarray,
                       groups: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """``score`` the token F1; ``outcome`` correct when an accepted answer is contained in the output."""
    records = []
    for i, prompt in enumerate(prompts):
        record: dict[str, Any] = {"row": i, "input": prompt[:_TEXT], "output": str(outputs[i])[:_TEXT],
                                  "expected": answers[i][:5], "exact_match": bool(exact[i]),
                                  "score": round(float(f1[i]), 6), "outcome": "correct" if contained[i] else "wrong"}
        if groups is not None:
            record["group"] = groups[i]
        records.append(record)
    return records


def pair_samples(more: Sequence[str], less: Sequence[str], score_more: np.ndarray, score_less: np.ndarray,
                 types: Sequence[str] | None) -> list[dict[str, Any]]:
    """``score`` the log-likelihood gap (more - less); ``outcome`` which sentence the model preferred."""
    records = []
    for i, (a, b) in enumerate(zip(more, less)):
        gap = float(score_more[i] - score_less[i])
        record: dict[str, Any] = {"row": i, "more": a[:_TEXT], "less": b[:_TEXT],
                                  "score_more": round(float(score_more[i]), 6),
                                  "score_less": round(float(score_less[i]), 6), "score": round(gap, 6),
                                  "outcome": "stereotype_preferred" if gap > 0 else "anti_stereotype_preferred"}
        if types is not None:
            record["bias_type"] = types[i]
        records.append(record)
    return records
