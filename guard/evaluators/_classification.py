"""Classification and calibration metrics, each with n and a 95% CI.

Point estimates and their bootstrap replicates come from one vectorised definition (macro
precision/recall/F1 from confusion counts, binary ROC-AUC as the Mann–Whitney statistic with average
ranks): calling scikit-learn 1,000 times per metric costs seconds of input validation per task, and
importing scikit-learn's metrics (with SciPy's stats) costs 1.5 s of every ``guard evaluate`` on
2 cores, more than a cheap model's whole evaluation. ``tests/unit/evaluators`` checks every one
against scikit-learn (``precision_recall_fscore_support``, ``roc_auc_score``) and SciPy's
``rankdata``, on random data, resamples and ties. Multi-class ROC-AUC is still scikit-learn's.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from guard import stats
from guard.errors import GuardError, did_you_mean
from guard.types import MetricValue


def expected_calibration_error(confidence: np.ndarray, correct: np.ndarray, bins: int = 10) -> float:
    """ECE with equal-width confidence bins (Guo et al., 2017); scikit-learn has no ECE."""
    edges = np.linspace(0.0, 1.0, bins + 1)
    which = np.clip(np.digitize(confidence, edges[1:-1], right=True), 0, bins - 1)
    conf_sum = np.bincount(which, weights=confidence, minlength=bins)
    acc_sum = np.bincount(which, weights=correct.astype(float), minlength=bins)
    return float(np.abs(conf_sum - acc_sum).sum() / len(confidence))


def macro_prf(y_true: np.ndarray, y_pred: np.ndarray, k: int) -> np.ndarray:
    """Macro precision, recall, F1 (zero_division=0) for rows of label indices: shape (..., 3)."""
    y_true, y_pred = np.atleast_2d(y_true), np.atleast_2d(y_pred)
    rows = np.arange(y_true.shape[0])[:, None]
    cells = (rows * k * k + y_true * k + y_pred).ravel()
    confusion = np.bincount(cells, minlength=y_true.shape[0] * k * k).reshape(-1, k, k).astype(float)
    tp = np.diagonal(confusion, axis1=1, axis2=2)
    predicted, actual = confusion.sum(axis=1), confusion.sum(axis=2)
    with np.errstate(divide="ignore", invalid="ignore"):
        precision = np.where(predicted > 0, tp / predicted, 0.0)
        recall = np.where(actual > 0, tp / actual, 0.0)
        f1 = np.where(precision + recall > 0, 2 * precision * recall / (precision + recall), 0.0)
    return np.stack([precision.mean(axis=1), recall.mean(axis=1), f1.mean(axis=1)], axis=-1)


def average_ranks(values: np.ndarray) -> np.ndarray:
    """1-based ranks along the last axis, ties sharing their average rank (``scipy.stats.rankdata``'s default)."""
    values = np.atleast_2d(values)
    order = np.argsort(values, axis=1, kind="stable")
    ordered = np.take_along_axis(values, order, axis=1)
    width = values.shape[1]
    position = np.broadcast_to(np.arange(1, width + 1, dtype=float), values.shape)
    starts = np.ones(values.shape, dtype=bool)
    starts[:, 1:] = ordered[:, 1:] != ordered[:, :-1]
    ends = np.ones(values.shape, dtype=bool)
    ends[:, :-1] = starts[:, 1:]
    first = np.maximum.accumulate(np.where(starts, position, 0.0), axis=1)  # where each tie run begins
    last = np.minimum.accumulate(np.where(ends, position, np.inf)[:, ::-1], axis=1)[:, ::-1]  # and ends
    ranks = np.empty(values.shape, dtype=float)
    np.put_along_axis(ranks, order, (first + last) / 2, axis=1)
    return ranks


def binary_auc(positive: np.ndarray, score: np.ndarray) -> np.ndarray:
    """ROC-AUC as the Mann–Whitney U statistic with average ranks for ties, per row; NaN if one class."""
    positive, score = np.atleast_2d(positive), np.atleast_2d(score)
    ranks = average_ranks(score)
    n_pos = positive.sum(axis=1)
    n_neg = positive.shape[1] - n_pos
    with np.errstate(divide="ignore", invalid="ignore"):
        auc = ((ranks * positive).sum(axis=1) - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)
    return np.where((n_pos > 0) & (n_neg > 0), auc, np.nan)


def classification_metrics(
    y_true: np.ndarray,
    y_pred: np.ndarray,
    proba: np.ndarray | None,
    labels: list[str],
    *,
    positive_label: str | None,
    seed: int,
    resamples: int,
    ece_bins: int,
) -> dict[str, MetricValue]:
    """accuracy (Wilson), macro precision/recall/F1, ROC-AUC and ECE (seeded bootstrap).

    ``proba`` is an (n, len(labels)) matrix of class probabilities, or None when the model gives
    labels only (then ROC-AUC and ECE are absent rather than guessed).
    """
    n, k = len(y_true), len(labels)
    correct = y_true == y_pred
    metrics = {"accuracy": stats.proportion(int(correct.sum()), n, higher_is_better=True)}
    t = np.array([labels.index(v) for v in y_true])
    p = np.array([labels.index(v) for v in y_pred])
    idx = stats.resample_indices(n, seed=seed, resamples=resamples)
    common: dict[str, Any] = {"n": n, "higher_is_better": True, "seed": seed, "resamples": resamples}

    point = macro_prf(t, p, k)[0]
    replicates = macro_prf(t[idx], p[idx], k)
    for column, name in enumerate(("precision", "recall", "macro_f1")):
        metrics[name] = stats.from_replicates(float(point[column]), replicates[:, column], **common)

    if proba is not None:
        confidence = proba.max(axis=1)
        ece = expected_calibration_error(confidence, correct, ece_bins)
        ece_replicates = np.array([expected_calibration_error(confidence[i], correct[i], ece_bins) for i in idx])
        metrics["ece"] = stats.from_replicates(ece, ece_replicates, **{**common, "higher_is_better": False})
        if k == 2 and len(set(t.tolist())) == 2:
            positive = labels.index(positive_label) if positive_label in labels else 1
            is_positive = t == positive
            auc = float(binary_auc(is_positive, proba[:, positive])[0])
            metrics["roc_auc"] = stats.from_replicates(auc, binary_auc(is_positive[idx], proba[:, positive][idx]),
                                                       **common)
        elif k > 2 and len(set(t.tolist())) == k:
            from sklearn.metrics import roc_auc_score

            metrics["roc_auc"] = stats.bootstrap(
                lambda tt, pp: roc_auc_score(tt, pp, multi_class="ovr", labels=list(range(k))),
                [t, proba], higher_is_better=True, seed=seed, resamples=resamples,
            )
    return metrics


def choice_loglikelihoods(
    model: Any, prompts: list[str], choices: list[list[str]], *, delimiter: str = " "
) -> list[np.ndarray]:
    """Per row, the loglikelihood of each choice as the continuation ``delimiter + choice`` of its prompt.

    lm-evaluation-harness's ``multiple_choice`` requests (``target_delimiter`` " "), sent as one batch
    so the model adapter can sort, pack the shared prompt once per row, and restore the order.
    """
    requests = [(prompt, delimiter + choice) for prompt, options in zip(prompts, choices) for choice in options]
    flat = np.asarray(model.loglikelihood(requests), dtype=float) if requests else np.zeros(0)
    out, start = [], 0
    for options in choices:
        out.append(flat[start : start + len(options)])
        start += len(options)
    return out


def multiple_choice_picks(lls: list[np.ndarray], choices: list[list[str]]) -> tuple[np.ndarray, np.ndarray]:
    """The chosen index per row, raw (``acc``) and length-normalised (``acc_norm``), as lm-eval picks them.

    ``acc_norm`` divides each loglikelihood by the choice's length in characters (without the
    delimiter), lm-eval's ``completion_len``; ties go to the first choice (``np.argmax``).
    """
    raw = np.array([int(np.argmax(ll)) for ll in lls], dtype=int)
    norm = np.array([int(np.argmax(ll / np.array([float(len(c)) for c in options])))
                     for ll, options in zip(lls, choices)], dtype=int)
    return raw, norm


def row_choices(data: Any, columns: list[str] | None) -> list[list[str]]:
    """Each row's options: the values of the ``columns`` roles, or the list in the ``choices`` role.

    Raises GuardError naming the row when an option is missing or empty, or a row has fewer than two.
    """
    if columns:
        values = [data.column(c) for c in columns]
        rows = [[v[i] for v in values] for i in range(len(data))]
        named = columns
    elif data.has("choices"):
        rows, named = data.column("choices"), None
    else:
        raise GuardError(f"mode: multiple_choice needs each row's options, but dataset {data.info.source} has no "
                         "'choices' column", hint="name the option columns with choices: [ans0, ans1, ans2], or "
                         "map a column holding a list per row with columns: {choices: <column>}")
    out = []
    for row, options in enumerate(rows, 1):
        if not isinstance(options, list | tuple) or len(options) < 2:
            raise GuardError(f"dataset {data.info.source}, row {row}: 'choices' must be a list of at least two "
                             f"options, got {str(options)[:80]!r}")
        for k, option in enumerate(options):
            if option is None or not str(option).strip():
                where = f"column '{named[k]}'" if named else f"choices[{k}]"
                raise GuardError(f"dataset {data.info.source}, row {row}: option {where} is empty",
                                 hint="every option must be non-empty text (acc_norm divides by its length)")
        out.append([str(o) for o in options])
    return out


def gold_indices(data: Any, options: list[list[str]]) -> np.ndarray:
    """The gold option per row from the ``label`` role: an index (a number) or the option's text."""
    gold = []
    for row, (value, choices) in enumerate(zip(data.column("label"), options), 1):
        where = f"dataset {data.info.source}, row {row}"
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, int) and not isinstance(value, bool):
            if not 0 <= value < len(choices):
                raise GuardError(f"{where}: gold index {value} is out of range for its {len(choices)} options",
                                 hint="a gold index counts from 0")
            gold.append(value)
        elif isinstance(value, str) and value in choices:
            gold.append(choices.index(value))
        else:
            hint = did_you_mean(str(value), choices) or "options: " + ", ".join(repr(c[:40]) for c in choices)
            if isinstance(value, str) and value.strip().isdigit():
                hint += "; a gold index must be stored as a number, not text"
            raise GuardError(f"{where}: gold {str(value)[:80]!r} is not among its options", hint=hint)
    return np.array(gold, dtype=int)
