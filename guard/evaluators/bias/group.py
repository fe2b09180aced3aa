"""``bias.group``: group fairness of a classifier (text or tabular), in fairlearn's vocabulary.

Per group (the dataset's ``group`` column, the sensitive feature): selection rate, accuracy, true
and false positive rate, each with its n and a Wilson interval. Across groups: demographic parity
difference and ratio, equalized odds difference (worst of the TPR and FPR differences) and equal
opportunity difference (TPR difference). Point values come from ``fairlearn.metrics`` —
``MetricFrame`` and the difference/ratio functions — on the model's predictions, with
``positive_label`` as the positive class (rates are one-vs-rest for more than two labels).

Bootstrap CIs for the differences and the ratio resample rows *within each (group, true label)
cell*, so every group keeps its size and its positives and negatives in every resample (a
group's TPR never becomes undefined by chance). Running fairlearn on 1,000 resamples takes
minutes, so replicates are computed vectorised from fairlearn's definitions (a rate with an empty
denominator is 0, as scikit-learn's normalised confusion matrix gives); ``tests/unit/evaluators/bias``
checks them against fairlearn on resamples.

Groups smaller than ``min_group_size`` are reported as high-severity findings; every metric's
``by_group`` carries each group's n (for TPR the group's positives, for FPR its negatives), so a
policy rule with its own ``min_group_size`` can judge it inconclusive.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np
from pydantic import Field, field_validator

from guard import stats
from guard.errors import did_you_mean
from guard.evaluators._prompts import render, template_fields
from guard.evaluators.base import EvalContext, EvaluatorParams, MetricSpec, Scores, evaluator
from guard.models.base import Capability, ModelAdapter
from guard.types import Finding, MetricValue

RATES = ("selection_rate", "accuracy", "tpr", "fpr")
DISPARITIES = (
    "demographic_parity_difference",
    "demographic_parity_ratio",
    "equalized_odds_difference",
    "equal_opportunity_difference",
)


class GroupParams(EvaluatorParams):
    positive_label: str = Field(description="The favourable / positive class (dataset label, after label_map).")
    label_map: dict[str, str] = Field(default_factory=dict, description="Model label -> dataset label.")
    prompt: str = Field(default="{text}", description="Template for the model input; fields are column roles.")
    features: list[str] | None = Field(
        default=None, description="Tabular models: feature columns passed as one dict per row (instead of prompt)."
    )
    min_group_size: int = Field(default=30, ge=1, description="Groups with fewer rows are reported (high severity).")
    bootstrap_resamples: int = Field(default=1000, ge=100)

    @field_validator("prompt")
    @classmethod
    def _valid_template(cls, prompt: str) -> str:
        template_fields(prompt)
        return prompt


def _columns(params: GroupParams) -> tuple[set[str], set[str]]:
    inputs = set(params.features) if params.features else template_fields(params.prompt)
    return inputs | {"label", "group"}, set()


# Rates are proportions; the differences are max - min of rates across groups, so never negative;
# the ratio is min / max of selection rates.
METRICS = (
    MetricSpec("selection_rate", 0, 1, higher_is_better=None,
               description="Share of rows predicted as positive_label, overall and per group."),
    MetricSpec("accuracy", 0, 1, higher_is_better=True,
               description="Share of rows predicted correctly, overall and per group."),
    MetricSpec("tpr", 0, 1, higher_is_better=True, description="True positive rate, overall and per group."),
    MetricSpec("fpr", 0, 1, higher_is_better=False, description="False positive rate, overall and per group."),
    MetricSpec("demographic_parity_difference", 0, 1, higher_is_better=False,
               description="Largest minus smallest group selection rate."),
    MetricSpec("demographic_parity_ratio", 0, 1, higher_is_better=True,
               description="Smallest over largest group selection rate."),
    MetricSpec("equalized_odds_difference", 0, 1, higher_is_better=False,
               description="The larger of the TPR and FPR differences between groups."),
    MetricSpec("equal_opportunity_difference", 0, 1, higher_is_better=False,
               description="Largest minus smallest group TPR."),
    MetricSpec("smallest_group_n", 0, None, higher_is_better=None, description="Rows in the smallest group."),
)


@evaluator(
    "bias.group",
    version="1.0",
    params=GroupParams,
    requires=(Capability.CLASSIFY,),
    columns=_columns,
    metrics=METRICS,
    preload=("fairlearn.metrics", "sklearn.metrics"),
    citation="Bird et al., Fairlearn: A toolkit for assessing and improving fairness in AI (Microsoft, 2020); "
    "Hardt, Price & Srebro, Equality of Opportunity in Supervised Learning (NeurIPS 2016).",
)
def group_fairness(model: ModelAdapter, data: Any, params: GroupParams, ctx: EvalContext) -> Scores:
    """Per-group selection rate, accuracy, TPR and FPR, and demographic parity / equalized odds / equal
    opportunity gaps (fairlearn)."""
    groups = _group_values(data)
    records = data.records()
    inputs: list[Any] = (
        [{f: r[f] for f in params.features} for r in records] if params.features else render(params.prompt, records))
    y_true = np.array([str(v) for v in data.column("label")])
    y_pred = np.array([params.label_map.get(p.label, p.label) for p in model.classify(inputs)])
    if params.positive_label not in set(y_true):
        hint = did_you_mean(params.positive_label, set(y_true)) or ""
        raise ValueError(f"positive_label '{params.positive_label}' is not a label of the dataset "
                         f"{sorted(set(y_true))} {hint}".rstrip())
    if not set(y_pred) & set(y_true):
        raise ValueError(
            f"the model's labels {sorted(set(y_pred))[:10]} are none of the dataset's {sorted(set(y_true))[:10]}; "
            "map them with label_map (model label -> dataset label)"
        )
    names = sorted(set(groups))
    if len(names) < 2:
        raise ValueError(
            f"the group column has a single value ('{names[0]}'): group fairness needs at least two groups")
    codes = np.searchsorted(names, groups)
    t, p = (y_true == params.positive_label).astype(int), (y_pred == params.positive_label).astype(int)
    point = fairlearn_values(y_true, y_pred, t, p, groups)
    counts = group_counts(t, p, y_true == y_pred, codes, len(names))

    metrics, by_group = _rate_metrics(point, counts, names, len(groups))
    replicates = bootstrap_disparities(t, p, codes, len(names), seed=ctx.seed, resamples=params.bootstrap_resamples)
    sources = {
        "demographic_parity_difference": by_group["selection_rate"],
        "demographic_parity_ratio": by_group["selection_rate"],
        "equal_opportunity_difference": by_group["tpr"],
        "equalized_odds_difference": {
            **{f"tpr:{g}": v for g, v in by_group["tpr"].items()},
            **{f"fpr:{g}": v for g, v in by_group["fpr"].items()},
        },
    }
    findings: list[Finding] = []
    for name in DISPARITIES:
        value = point[name]
        if not np.isfinite(value):
            findings.append(Finding(kind="undefined_metric", severity="high",
                                    message=f"{name} is undefined (every group's selection rate is 0); it is absent"))
            continue
        metric = stats.from_replicates(float(value), replicates[name], n=len(groups),
                                       higher_is_better=name == "demographic_parity_ratio",
                                       seed=ctx.seed, resamples=params.bootstrap_resamples)
        metrics[name] = stats.with_groups(metric, sources[name])
    metrics["smallest_group_n"] = stats.exact(float(counts["n"].min()), n=len(groups), method="count")
    findings += _group_findings(names, counts, params.min_group_size, point)
    return Scores(metrics=metrics, findings=findings)


def _group_values(data: Any) -> list[str]:
    raw = data.column("group")
    empty = [i for i, g in enumerate(raw) if g is None or str(g).strip() == ""]
    if empty:
        column = data.columns.get("group", "group")
        raise ValueError(
            f"{len(empty)} of {len(raw)} rows have an empty value in the group column '{column}' "
            f"(first at row {empty[0] + 1}); fill them in or drop those rows"
        )
    return [str(g) for g in raw]


def fairlearn_values(y_true: np.ndarray, y_pred: np.ndarray, t: np.ndarray, p: np.ndarray,
                     groups: list[str]) -> dict[str, Any]:
    """Every point value from fairlearn: ``MetricFrame``s (overall, by_group) and the disparity functions."""
    from fairlearn.metrics import (
        MetricFrame,
        demographic_parity_difference,
        demographic_parity_ratio,
        equal_opportunity_difference,
        equalized_odds_difference,
        false_positive_rate,
        selection_rate,
        true_positive_rate,
    )
    from sklearn.metrics import accuracy_score

    rates = MetricFrame(
        metrics={"selection_rate": selection_rate, "tpr": true_positive_rate, "fpr": false_positive_rate},
        y_true=t, y_pred=p, sensitive_features=groups,
    )
    accuracy = MetricFrame(metrics={"accuracy": accuracy_score}, y_true=y_true, y_pred=y_pred,
                           sensitive_features=groups)
    with np.errstate(divide="ignore", invalid="ignore"):
        values: dict[str, Any] = {
            "demographic_parity_difference": demographic_parity_difference(t, p, sensitive_features=groups),
            "demographic_parity_ratio": demographic_parity_ratio(t, p, sensitive_features=groups),
            "equalized_odds_difference": equalized_odds_difference(t, p, sensitive_features=groups),
            "equal_opportunity_difference": equal_opportunity_difference(t, p, sensitive_features=groups),
        }
    values = {k: float(v) for k, v in values.items()}
    values["overall"] = {**rates.overall.to_dict(), **accuracy.overall.to_dict()}
    values["by_group"] = {
        name: {str(g): float(v) for g, v in frame.by_group[name].items()}
        for frame, keys in ((rates, ("selection_rate", "tpr", "fpr")), (accuracy, ("accuracy",)))
        for name in keys
    }
    return values


def group_counts(t: np.ndarray, p: np.ndarray, correct: np.ndarray, codes: np.ndarray, k: int) -> dict[str, np.ndarray]:
    """Per-group counts for one row set (1-D inputs) or for many resamples at once (2-D: one row each)."""
    t, p, correct, codes = (np.atleast_2d(a) for a in (t, p, correct, codes))
    cells = (np.arange(t.shape[0])[:, None] * k + codes).ravel()

    def count(weights: np.ndarray) -> np.ndarray:
        return np.bincount(cells, weights=weights.ravel(), minlength=t.shape[0] * k).reshape(-1, k)

    ones = np.ones_like(t)
    return {
        "n": count(ones), "selected": count(p), "correct": count(correct),
        "pos": count(t), "tp": count(t * p), "neg": count(1 - t), "fp": count((1 - t) * p),
    }


def _rate(numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(denominator > 0, numerator / np.where(denominator > 0, denominator, 1), 0.0)


def disparities(counts: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """fairlearn's four disparity metrics from per-group counts, one value per row of counts."""
    selection = counts["selected"] / counts["n"]
    tpr, fpr = _rate(counts["tp"], counts["pos"]), _rate(counts["fp"], counts["neg"])
    spread = lambda x: x.max(axis=1) - x.min(axis=1)  # noqa: E731
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = selection.min(axis=1) / selection.max(axis=1)
    return {
        "demographic_parity_difference": spread(selection),
        "demographic_parity_ratio": ratio,
        "equalized_odds_difference": np.maximum(spread(tpr), spread(fpr)),
        "equal_opportunity_difference": spread(tpr),
    }


def stratified_indices(codes: np.ndarray, t: np.ndarray, *, seed: int, resamples: int,
                       chunk: int = 100) -> Iterator[np.ndarray]:
    """Row indices drawn with replacement within each (group, true label) cell, ``chunk`` resamples
    at a time (bounded memory on large datasets); deterministic for a seed."""
    rng = np.random.default_rng(seed)
    cells = codes * 2 + t
    members = [np.flatnonzero(cells == cell) for cell in np.unique(cells)]
    for start in range(0, resamples, chunk):
        size = min(chunk, resamples - start)
        idx = np.empty((size, len(codes)), dtype=np.int64)
        for rows in members:
            idx[:, rows] = rows[rng.integers(0, len(rows), size=(size, len(rows)))]
        yield idx


def bootstrap_disparities(t: np.ndarray, p: np.ndarray, codes: np.ndarray, k: int, *, seed: int,
                          resamples: int) -> dict[str, np.ndarray]:
    """Replicates of the four disparities over stratified resamples (see the module docstring)."""
    parts = [disparities(group_counts(t[idx], p[idx], t[idx] == p[idx], codes[idx], k))
             for idx in stratified_indices(codes, t, seed=seed, resamples=resamples)]
    return {name: np.concatenate([part[name] for part in parts]) for name in DISPARITIES}


def _rate_metrics(
    point: dict[str, Any], counts: dict[str, np.ndarray], names: list[str], n: int
) -> tuple[dict[str, MetricValue], dict[str, dict[str, MetricValue]]]:
    """selection_rate, accuracy, tpr, fpr: fairlearn's values with Wilson intervals from the counts."""
    parts = {"selection_rate": ("selected", "n"), "accuracy": ("correct", "n"), "tpr": ("tp", "pos"),
             "fpr": ("fp", "neg")}
    metrics, by_group = {}, {}
    for name, (hits, total) in parts.items():
        by_group[name] = {
            g: _wilson(point["by_group"][name][g], int(counts[hits][0, j]), int(counts[total][0, j]), name)
            for j, g in enumerate(names)
        }
        overall_total = int(counts[total].sum())
        if overall_total == 0:
            continue  # e.g. no negatives at all: FPR is undefined, so the metric is absent
        overall = _wilson(point["overall"][name], int(counts[hits].sum()), overall_total, name)
        metrics[name] = stats.with_groups(overall, by_group[name])
    return metrics, by_group


def _wilson(value: float, hits: int, total: int, name: str) -> MetricValue:
    higher = {"accuracy": True, "tpr": True, "fpr": False}.get(name)
    if total == 0:  # fairlearn reports 0 for a rate with no denominator; say so rather than invent a CI
        return MetricValue(value=value, ci_low=0.0, ci_high=1.0, n=0, higher_is_better=higher,
                           ci_method="undefined (empty denominator; fairlearn reports 0)")
    interval = stats.proportion(hits, total, higher_is_better=higher)
    if abs(interval.value - value) > 1e-9:
        raise RuntimeError(f"{name}: fairlearn gives {value}, counts give {interval.value}")
    return interval.model_copy(update={"value": value, "ci_low": min(interval.ci_low, value),
                                       "ci_high": max(interval.ci_high, value)})


def _group_findings(names: list[str], counts: dict[str, np.ndarray], min_size: int,
                    point: dict[str, Any]) -> list[Finding]:
    findings = []
    for j, g in enumerate(names):
        n, pos, neg = (int(counts[k][0, j]) for k in ("n", "pos", "neg"))
        if n < min_size:
            findings.append(Finding(
                kind="small_group", severity="high",
                message=f"group '{g}' has n={n} rows, below min_group_size {min_size}: "
                        "group metrics are not reliable for it",
                example={"group": g, "n": n, "min_group_size": min_size},
            ))
        for rate, size, what in (("tpr", pos, "positive"), ("fpr", neg, "negative")):
            if size == 0:
                findings.append(Finding(
                    kind="undefined_group_rate", severity="high",
                    message=f"group '{g}' has no {what} labels: its {rate.upper()} is undefined "
                            "(fairlearn counts it as 0)",
                    example={"group": g, "n": n, "rate": rate},
                ))
    selection = point["by_group"]["selection_rate"]
    low, high = min(selection, key=selection.get), max(selection, key=selection.get)
    findings.append(Finding(
        kind="selection_rate_gap", severity="info",
        message=f"selection rate is lowest for '{low}' ({selection[low]:.3f}) "
                f"and highest for '{high}' ({selection[high]:.3f})",
        example={"lowest": low, "highest": high, "n_lowest": int(counts["n"][0, names.index(low)]),
                 "n_highest": int(counts["n"][0, names.index(high)])},
    ))
    return findings
