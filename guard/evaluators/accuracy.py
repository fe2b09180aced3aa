"""``accuracy``: how often the model is right, for classifiers and for generators.

Three ways to ask the model, chosen by ``mode`` (``auto`` picks from the data and the model):

- ``classify`` — the model's own labels and class probabilities;
- ``loglikelihood`` — an LLM scored as a zero-shot classifier: each label's verbalizer is scored
  as a continuation of the prompt and the most likely label wins (lm-eval style);
- ``generate`` — the model answers; answers are matched by exact match, contains and token F1;
- ``multiple_choice`` — each row has its own options (a list column, or several columns named by
  ``choices``) and a gold index or text; every option is scored as the continuation
  ``target_delimiter + option`` of the prompt and the most likely one is the answer (lm-eval's
  ``multiple_choice``: ``acc``, and ``acc_norm`` with loglikelihoods divided by the option's length).

Metrics come from scikit-learn; proportions get Wilson intervals, the rest a seeded bootstrap.
"""

from __future__ import annotations

import re
from typing import Any, Literal

import numpy as np
from pydantic import Field, field_validator

from guard import stats
from guard.errors import GuardError, did_you_mean
from guard.evaluators._classification import (
    choice_loglikelihoods,
    classification_metrics,
    gold_indices,
    multiple_choice_picks,
    row_choices,
)
from guard.evaluators._prompts import render, template_fields
from guard.evaluators._samples import classification_samples, generation_samples
from guard.evaluators._text_match import contains, exact_match, token_f1
from guard.evaluators.base import EvalContext, EvaluatorParams, MetricSpec, Scores, evaluator
from guard.models.base import Capability, GenerationConfig, ModelAdapter
from guard.types import Finding, MetricValue

Mode = Literal["auto", "classify", "loglikelihood", "generate"]  # what robustness perturbs too
AccuracyMode = Literal["auto", "classify", "loglikelihood", "generate", "multiple_choice"]


class AccuracyParams(EvaluatorParams):
    mode: AccuracyMode = Field(default="auto", description="How to query the model; auto chooses from data and model.")
    prompt: str = Field(default="{text}", description="Template for the model input; fields are column roles.")
    verbalizers: dict[str, str] | None = Field(
        default=None, description="loglikelihood mode: dataset label -> continuation text, e.g. {'1': ' positive'}."
    )
    features: list[str] | None = Field(
        default=None, description="classify mode, tabular models: feature columns passed as one dict per row."
    )
    calibration: Literal["none", "content_free"] = Field(
        default="none",
        description="loglikelihood mode: 'content_free' divides out the label prior the model shows on "
        "content-free inputs (contextual calibration, Zhao et al. 2021).",
    )
    content_free_inputs: list[str] = Field(
        default_factory=lambda: ["N/A", "", "[MASK]"], description="Inputs used to measure the label prior."
    )
    choices: list[str] | None = Field(
        default=None, description="multiple_choice mode: the columns holding each row's options, e.g. "
        "[ans0, ans1, ans2]; default: a 'choices' column holding a list per row.")
    target_delimiter: str = Field(default=" ", description="multiple_choice mode: text between prompt and option "
                                  "(lm-eval's target_delimiter).")
    label_map: dict[str, str] = Field(default_factory=dict, description="Model label -> dataset label.")
    positive_label: str | None = Field(default=None, description="Positive class for binary ROC-AUC.")
    max_new_tokens: int = Field(default=32, gt=0)
    chat: bool = Field(default=False, description="generate mode: use the model's chat template.")
    stop: list[str] = Field(default_factory=lambda: ["\n"], description="generate mode: cut answers here.")
    bootstrap_resamples: int = Field(default=1000, ge=100)
    ece_bins: int = Field(default=10, ge=2)
    max_findings: int = Field(default=5, ge=0)

    @field_validator("prompt")
    @classmethod
    def _valid_template(cls, prompt: str) -> str:
        template_fields(prompt)
        return prompt


def _columns(params: AccuracyParams) -> tuple[set[str], set[str]]:
    if params.features:
        return set(params.features) | {"label"}, {"group"}
    fields = template_fields(params.prompt)
    if params.mode == "generate":
        return fields | {"answers"}, {"group"}
    if params.mode == "multiple_choice":
        return fields | {"label"} | set(params.choices or ()), {"group", "choices"}
    if params.mode in ("classify", "loglikelihood"):
        return fields | {"label"}, {"group"}
    return fields, {"label", "answers", "group"}


# The union over modes: classify/loglikelihood give the classification metrics (ece and roc_auc
# only with probabilities), generate the answer-matching ones.
METRICS = (
    MetricSpec("accuracy", 0, 1, higher_is_better=True,
               description="Share of examples whose predicted label is the gold label."),
    MetricSpec("precision", 0, 1, higher_is_better=True, description="Macro-averaged precision over labels."),
    MetricSpec("recall", 0, 1, higher_is_better=True, description="Macro-averaged recall over labels."),
    MetricSpec("macro_f1", 0, 1, higher_is_better=True, description="Macro-averaged F1 over labels."),
    MetricSpec("roc_auc", 0, 1, higher_is_better=True,
               description="ROC-AUC (binary, or one-vs-rest macro for more labels)."),
    MetricSpec("ece", 0, 1, higher_is_better=False,
               description="Expected calibration error of the top-label confidence."),
    MetricSpec("exact_match", 0, 1, higher_is_better=True,
               description="Share of generated answers equal to an accepted answer after normalising."),
    MetricSpec("contains", 0, 1, higher_is_better=True,
               description="Share of generated answers containing an accepted answer."),
    MetricSpec("token_f1", 0, 1, higher_is_better=True,
               description="Mean best token F1 between a generated answer and the accepted answers."),
    MetricSpec("acc", 0, 1, higher_is_better=True,
               description="multiple_choice: share of rows whose most likely option is the gold one (lm-eval acc)."),
    MetricSpec("acc_norm", 0, 1, higher_is_better=True,
               description="multiple_choice: as acc, loglikelihoods divided by each option's length in characters."),
)


_PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")


def _check(data: Any, params: AccuracyParams) -> None:
    """Before inference: labels that are missing, and params that name labels the data does not have."""
    if params.verbalizers:
        for label, text in params.verbalizers.items():
            if _PLACEHOLDER.search(text):
                raise GuardError(
                    f"verbalizers['{label}'] = {text!r} is a fixed continuation, not a template: it would be scored "
                    "as that literal text for every row",
                    hint="for per-row answer options use mode: multiple_choice with choices: [ans0, ans1, ...] "
                    "(the columns holding each row's options) and the gold index or text as label")
    if params.choices is not None and params.mode != "multiple_choice":
        raise GuardError(f"choices is for mode: multiple_choice, not mode: {params.mode}",
                         hint="set mode: multiple_choice, or drop choices")
    if params.mode == "multiple_choice":
        if params.verbalizers or params.calibration != "none":
            raise GuardError("mode: multiple_choice scores each row's own options: verbalizers and calibration "
                             "do not apply", hint="drop them; name the option columns with choices: [ans0, ans1, ...]")
        row_choices(data, params.choices)
        gold_indices(data, row_choices(data, params.choices))
        return
    if not data.has("label"):
        return
    values = data.column("label")
    empty = [i for i, v in enumerate(values) if v is None or (isinstance(v, str) and not v.strip())]
    if empty:
        raise GuardError(f"dataset {data.info.source}: {len(empty)} of {len(values)} rows have an empty label "
                         f"(first: row {empty[0] + 1})", hint="fill or drop them; an empty label is never 'correct'")
    labels = sorted({str(v) for v in values})
    named = {"positive_label": [params.positive_label] if params.positive_label is not None else [],
             "label_map values": list(params.label_map.values())}
    for where, wanted in named.items():
        for label in wanted:
            if label not in labels:
                raise GuardError(f"{where}: '{label}' is not a label of dataset {data.info.source}",
                                 hint=did_you_mean(label, labels))
    if params.verbalizers:
        missing = [label for label in labels if label not in params.verbalizers]
        if missing:
            raise GuardError(f"verbalizers has no continuation for label(s) {', '.join(repr(m) for m in missing)} "
                             f"of dataset {data.info.source}", hint=f"labels: {', '.join(labels)}")


def _labels_meet(gold: set[str], predicted: set[str]) -> None:
    """Before scoring: a model whose labels never match the dataset's would score 0 and say nothing."""
    if gold and predicted and not gold & predicted:
        shown = lambda labels: ", ".join(repr(x) for x in sorted(labels)[:6])  # noqa: E731
        example = ", ".join(f"{m}: '{g}'" for m, g in zip(sorted(predicted)[:2], sorted(gold)[:2]))
        raise GuardError(f"the model's labels ({shown(predicted)}) never match the dataset's ({shown(gold)})",
                         hint=f"map them with params.label_map, e.g. {{{example}}}")


def _check_model(model: ModelAdapter, data: Any, params: AccuracyParams) -> None:
    """Before inference: the mode this data and model lead to is one the model can do."""
    try:
        mode = _choose_mode(params, data, model)
    except ValueError as exc:
        raise GuardError(str(exc)) from None
    needed = {"classify": Capability.CLASSIFY, "loglikelihood": Capability.LOGLIKELIHOOD,
              "multiple_choice": Capability.LOGLIKELIHOOD, "generate": Capability.GENERATE}[mode]
    if params.features is None and needed not in model.capabilities:
        have = ", ".join(sorted(c.value for c in model.capabilities)) or "nothing"
        raise GuardError(f"mode '{mode}' needs a model that can {needed.value}; '{model.spec}' can {have}")


@evaluator(
    "accuracy",
    version="1.0",
    params=AccuracyParams,
    requires=(Capability.CLASSIFY, Capability.LOGLIKELIHOOD, Capability.GENERATE),
    columns=_columns,
    metrics=METRICS,
    check=_check,
    check_model=_check_model,
    citation="Pedregosa et al., Scikit-learn: Machine Learning in Python, JMLR 12 (2011); "
    "Rajpurkar et al., SQuAD (2016) for answer normalisation; Guo et al., On Calibration of Modern "
    "Neural Networks (2017) for ECE; Gao et al., lm-evaluation-harness (multiple_choice acc / acc_norm).",
)
def accuracy(model: ModelAdapter, data: Any, params: AccuracyParams, ctx: EvalContext) -> Scores:
    """Accuracy, macro-F1, precision, recall, ROC-AUC and calibration (ECE); or exact match, contains and
    token F1 for generated answers."""
    mode = _choose_mode(params, data, model)
    records = data.records()
    if params.features:
        inputs: list[Any] = [{f: r[f] for f in params.features} for r in records]
        mode = "classify"
    else:
        inputs = render(params.prompt, records)
    groups = [str(g) for g in data.column("group")] if data.has("group") else None
    if mode == "generate":
        return _score_generation(model, inputs, data.column("answers"), groups, params, ctx)
    if mode == "multiple_choice":
        return _score_multiple_choice(model, inputs, data, groups, params)
    y_true = np.array([str(v) for v in data.column("label")])
    if mode == "classify":
        predictions = model.classify(inputs)
        y_pred = np.array([params.label_map.get(p.label, p.label) for p in predictions])
        _labels_meet(set(y_true), set(y_pred))
        labels = sorted(set(y_true) | set(y_pred))
        proba = _proba_matrix([p.scores for p in predictions], labels, params.label_map)
    else:
        labels, y_pred, proba = _zero_shot(model, inputs, y_true, params, records)
    metrics = classification_metrics(
        y_true, y_pred, proba, labels,
        positive_label=params.positive_label, seed=ctx.seed,
        resamples=params.bootstrap_resamples, ece_bins=params.ece_bins,
    )
    if groups is not None:
        metrics["accuracy"] = stats.with_groups(
            metrics["accuracy"], _group_proportions(y_true == y_pred, groups)
        )
    findings = [
        Finding(
            kind="misclassified",
            severity="low",
            message=f"expected '{y_true[i]}', model said '{y_pred[i]}'",
            example={"input": str(inputs[i])[:300], "expected": y_true[i], "predicted": y_pred[i]},
        )
        for i in np.flatnonzero(y_true != y_pred)[: params.max_findings]
    ]
    return Scores(metrics=metrics, findings=findings,
                  samples=classification_samples(inputs, y_true, y_pred, proba, labels, groups))


def _choose_mode(params: AccuracyParams, data: Any, model: ModelAdapter) -> str:
    if params.mode != "auto":
        return params.mode
    if data.has("answers"):
        return "generate"
    if not data.has("label"):
        raise ValueError("the dataset needs a 'label' column (classification) or an 'answers' column (generation)")
    if Capability.CLASSIFY in model.capabilities:
        return "classify"
    if params.verbalizers and Capability.LOGLIKELIHOOD in model.capabilities:
        return "loglikelihood"
    raise ValueError(
        f"model '{model.spec}' cannot classify; give 'verbalizers' to score it as a zero-shot classifier"
    )


def _label_probabilities(model: ModelAdapter, prompts: list[str], labels: list[str],
                         verbalizers: dict[str, str]) -> np.ndarray:
    requests = [(prompt, verbalizers[label]) for prompt in prompts for label in labels]
    loglik = np.array(model.loglikelihood(requests)).reshape(len(prompts), len(labels))
    shifted = np.exp(loglik - loglik.max(axis=1, keepdims=True))
    return shifted / shifted.sum(axis=1, keepdims=True)


def _zero_shot(
    model: ModelAdapter, inputs: list[str], y_true: np.ndarray, params: AccuracyParams, records: list[dict]
) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Score every label's verbalizer after every prompt; softmax over labels gives probabilities.

    With ``calibration: content_free`` the probabilities are divided by the mean probabilities the
    model gives on content-free inputs ("N/A", "", "[MASK]") and renormalised, which removes the
    model's prior preference for one label word (Zhao et al., "Calibrate Before Use", ICML 2021).
    """
    if not params.verbalizers:
        raise ValueError("loglikelihood mode needs 'verbalizers' (label -> continuation text)")
    labels = sorted(params.verbalizers)
    unknown = sorted(set(y_true) - set(labels))
    if unknown:
        raise ValueError(f"dataset labels {unknown} have no verbalizer (verbalizers cover {labels})")
    proba = _label_probabilities(model, inputs, labels, params.verbalizers)
    if params.calibration == "content_free":
        fields = set(records[0]) if records else {"text"}
        neutral = [params.prompt.format_map({f: cf for f in fields}) for cf in params.content_free_inputs]
        prior = _label_probabilities(model, neutral, labels, params.verbalizers).mean(axis=0)
        proba = proba / prior
        proba = proba / proba.sum(axis=1, keepdims=True)
    y_pred = np.array(labels)[proba.argmax(axis=1)]
    return labels, y_pred, proba


def _proba_matrix(
    scores: list[dict[str, float] | None], labels: list[str], label_map: dict[str, str]
) -> np.ndarray | None:
    if any(s is None for s in scores):
        return None
    matrix = np.zeros((len(scores), len(labels)))
    for row, score in enumerate(scores):
        for label, p in score.items():  # type: ignore[union-attr]
            mapped = label_map.get(label, label)
            if mapped in labels:
                matrix[row, labels.index(mapped)] += p
    return matrix


def _group_proportions(hits: np.ndarray, groups: list[str]) -> dict[str, MetricValue]:
    group_array = np.array(groups)
    return {
        g: stats.proportion(int(hits[group_array == g].sum()), int((group_array == g).sum()), higher_is_better=True)
        for g in sorted(set(groups))
    }


def _score_generation(
    model: ModelAdapter,
    prompts: list[str],
    answers_column: list[Any],
    groups: list[str] | None,
    params: AccuracyParams,
    ctx: EvalContext,
) -> Scores:
    config = GenerationConfig(
        max_new_tokens=params.max_new_tokens, chat=params.chat, stop=tuple(params.stop), seed=ctx.seed
    )
    outputs = model.generate(prompts, config)
    answers = [[str(a) for a in (x if isinstance(x, list) else [x])] for x in answers_column]
    exact = np.array([exact_match(o, a) for o, a in zip(outputs, answers)])
    contained = np.array([contains(o, a) for o, a in zip(outputs, answers)])
    f1 = np.array([token_f1(o, a) for o, a in zip(outputs, answers)])
    n = len(prompts)
    metrics = {
        "exact_match": stats.proportion(int(exact.sum()), n, higher_is_better=True),
        "contains": stats.proportion(int(contained.sum()), n, higher_is_better=True),
        "token_f1": stats.bootstrap(np.mean, [f1], higher_is_better=True, seed=ctx.seed,
                                    resamples=params.bootstrap_resamples),
    }
    if groups is not None:
        metrics["exact_match"] = stats.with_groups(metrics["exact_match"], _group_proportions(exact, groups))
        metrics["contains"] = stats.with_groups(metrics["contains"], _group_proportions(contained, groups))
    findings = [
        Finding(
            kind="wrong_answer",
            severity="low",
            message="the answer matches none of the accepted answers",
            example={"input": prompts[i][:300], "expected": answers[i][:5], "output": outputs[i][:300]},
        )
        for i in np.flatnonzero(~contained)[: params.max_findings]
    ]
    return Scores(metrics=metrics, findings=findings,
                  samples=generation_samples(prompts, outputs, answers, contained, exact, f1, groups))


def _score_multiple_choice(
    model: ModelAdapter, prompts: list[str], data: Any, groups: list[str] | None, params: AccuracyParams
) -> Scores:
    """acc and acc_norm: every row's options scored after its prompt in one batch, the argmax is the answer."""
    options = row_choices(data, params.choices)
    gold = gold_indices(data, options)
    lls = choice_loglikelihoods(model, prompts, options, delimiter=params.target_delimiter)
    picked, picked_norm = multiple_choice_picks(lls, options)
    metrics = {}
    for name, picks in (("acc", picked), ("acc_norm", picked_norm)):
        hits = picks == gold
        metric = stats.proportion(int(hits.sum()), len(hits), higher_is_better=True)
        metrics[name] = stats.with_groups(metric, _group_proportions(hits, groups)) if groups is not None else metric
    findings = [
        Finding(
            kind="wrong_choice",
            severity="low",
            message=f"expected option {gold[i]} '{options[i][gold[i]]}', the model chose '{options[i][picked[i]]}'",
            example={"input": prompts[i][:300], "choices": [c[:100] for c in options[i][:12]],
                     "expected": options[i][gold[i]][:100], "predicted": options[i][picked[i]][:100]},
        )
        for i in np.flatnonzero(picked != gold)[: params.max_findings]
    ]
    return Scores(metrics=metrics, findings=findings)
