"""``bias.counterfactual`` and ``bias.eec``: does the model's answer change when only a person's identity does?

``bias.counterfactual`` swaps identity terms (gender, race/ethnicity, religion, nationality, age,
disability, sexual orientation; lists in ``evaluations/terms/identity_terms.yaml`` or a user's
``terms_path``) in the ``text`` of a dataset — or, with no dataset, of the built-in template
sentences ``evaluations/data/counterfactual_templates.jsonl`` — and compares each original with
each variant. For every sentence that mentions group *s* of an axis, one variant per other group
*t* replaces all of *s*'s terms by *t*'s counterparts (terms of other groups stay).

- classify mode: a flip is a changed predicted label; the score is the probability of
  ``positive_label`` (or, without it, of the label predicted for the original); score change is
  the absolute difference. A model without probabilities scores 1/0 on its label.
- generate mode: the variant's output has its identity terms swapped back (*t* -> *s*) before it
  is compared with the original's; a flip is a changed output after SQuAD-style normalising, and
  score change is 1 - token F1 between the two outputs.

``flip_rate`` has Wilson intervals with pairs as the unit; score changes a seeded bootstrap over
pairs. ``by_group`` is keyed ``axis:from->to``.

``bias.eec`` runs the Equity Evaluation Corpus protocol (see ``_eec.py``): gender and race score
gaps over matched sentence pairs, with bootstrap CIs and paired t-test p-values. It is its own
evaluator, not a mode of this one, because it reads different columns and reports different
metrics: a report's shape never depends on a parameter.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import numpy as np
from pydantic import Field, PrivateAttr, ValidationInfo, field_validator, model_validator

from guard import resources, stats
from guard._paths import confine_param_file
from guard.errors import did_you_mean
from guard.evaluators._prompts import render, template_fields
from guard.evaluators._text_match import normalize, token_f1
from guard.evaluators.base import EvalContext, EvaluatorParams, MetricSpec, Scores, evaluator
from guard.evaluators.bias import _eec
from guard.evaluators.bias._terms import BUILTIN_TERMS, TermLists, builtin_terms_path, load_terms, resolve_terms_path
from guard.models.base import Capability, GenerationConfig, ModelAdapter, Prediction
from guard.types import Finding, MetricValue

TEMPLATES = "data/counterfactual_templates.jsonl"


def _text_prompt(prompt: str) -> str:
    if "text" not in template_fields(prompt):
        raise ValueError("prompt must contain {text}: identity terms are swapped in the text role")
    return prompt


class CounterfactualParams(EvaluatorParams):
    axes: list[str] | None = Field(default=None, description="Axes to swap (default: every axis of the term file).")
    groups: dict[str, list[str]] = Field(default_factory=dict, description="Axis -> the groups to use (default: all).")
    terms_path: str | None = Field(default=None,
                                   description="A term file with the built-in schema; replaces the built-in lists.")
    mode: Literal["auto", "classify", "generate"] = Field(default="auto",
                                                          description="auto: classify if the model can.")
    prompt: str = Field(default="{text}", description="Template for the model input; must use {text}.")
    label_map: dict[str, str] = Field(default_factory=dict, description="Model label -> dataset label.")
    positive_label: str | None = Field(default=None, description="classify: score = probability of this label.")
    max_new_tokens: int = Field(default=64, gt=0)
    chat: bool = Field(default=False, description="generate mode: use the model's chat template.")
    stop: list[str] = Field(default_factory=lambda: ["\n"], description="generate mode: cut outputs here.")
    bootstrap_resamples: int = Field(default=1000, ge=100)
    max_findings: int = Field(default=10, ge=0)

    _terms_file: str = PrivateAttr(default="")

    @field_validator("prompt")
    @classmethod
    def _valid_prompt(cls, prompt: str) -> str:
        return _text_prompt(prompt)

    @model_validator(mode="after")
    def _known_axes_and_groups(self, info: ValidationInfo) -> CounterfactualParams:
        base_dir = (info.context or {}).get("base_dir") if info else None
        path = resolve_terms_path(self.terms_path, base_dir)
        if self.terms_path is not None:
            path = confine_param_file(path, info.context if info else None, what="terms_path")
        load_terms(path).select(self.axes, self.groups)  # unknown names -> ValueError with did-you-mean
        self._terms_file = str(path)
        return self

    def terms(self) -> TermLists:
        return load_terms(self._terms_file or resolve_terms_path(self.terms_path))


def _counterfactual_columns(params: CounterfactualParams) -> tuple[set[str], set[str]]:
    return template_fields(params.prompt), set()


@dataclass(frozen=True)
class Pair:
    row: int
    axis: str
    source: str
    target: str
    original: str
    variant: str

    @property
    def key(self) -> str:
        return f"{self.axis}:{self.source}->{self.target}"


# Score changes are |p(original) - p(variant)| of a probability (classify) or 1 - token F1 (generate).
COUNTERFACTUAL_METRICS = (
    MetricSpec("flip_rate", 0, 1, higher_is_better=False,
               description="Share of pairs whose prediction or output changes with the identity swap."),
    MetricSpec("mean_score_change", 0, 1, higher_is_better=False, description="Mean absolute score change over pairs."),
    MetricSpec("max_score_change", 0, 1, higher_is_better=False,
               description="Largest absolute score change over pairs."),
)


@evaluator(
    "bias.counterfactual",
    version="1.0",
    params=CounterfactualParams,
    requires=(Capability.CLASSIFY, Capability.GENERATE),
    columns=_counterfactual_columns,
    needs_dataset=False,
    metrics=COUNTERFACTUAL_METRICS,
    citation="Garg et al., Counterfactual Fairness in Text Classification through Robustness (AIES 2019); "
    "Kusner et al., Counterfactual Fairness (NeurIPS 2017).",
)
def counterfactual(model: ModelAdapter, data: Any, params: CounterfactualParams, ctx: EvalContext) -> Scores:
    """Prediction flip rate and score change when identity terms are swapped between groups, per group pair."""
    terms = params.terms()
    selection = terms.select(params.axes, params.groups)
    if data is None and template_fields(params.prompt) != {"text"}:
        raise ValueError(f"the built-in templates have only a 'text' field; prompt '{params.prompt}' needs a dataset")
    records = data.records() if data is not None else _templates()
    pairs, skipped = _make_pairs(records, terms, selection)
    if not pairs:
        raise ValueError(
            f"none of the {len(records)} texts mentions a term of the axes {', '.join(selection)} "
            f"({terms.source}); nothing to compare"
        )
    mode = params.mode
    if mode == "auto":
        mode = "classify" if Capability.CLASSIFY in model.capabilities else "generate"
    originals = render(params.prompt, [records[p.row] for p in pairs])
    variants = render(params.prompt, [{**records[p.row], "text": p.variant} for p in pairs])
    if mode == "classify":
        flips, changes, shown = _compare_classifications(model, originals, variants, params)
    else:
        flips, changes, shown = _compare_generations(model, originals, variants, pairs, terms, params, ctx)
    metrics = _pair_metrics(flips, changes, [p.key for p in pairs], seed=ctx.seed, resamples=params.bootstrap_resamples)
    findings = [
        Finding(
            kind="counterfactual_flip",
            severity="medium",
            message=f"swapping {p.axis} terms {p.source} -> {p.target} changed the "
                    f"{'prediction' if mode == 'classify' else 'output'}",
            example={"original": p.original[:300], "counterfactual": p.variant[:300], "axis": p.axis,
                     "from": p.source, "to": p.target, "prediction_original": shown[i][0],
                     "prediction_counterfactual": shown[i][1], "score_change": round(float(changes[i]), 6)},
        )
        for i, p in sorted(((i, p) for i, p in enumerate(pairs) if flips[i]),
                           key=lambda x: -changes[x[0]])[: params.max_findings]
    ]
    findings += _coverage_findings(pairs, selection, skipped, len(records), terms, data is None)
    return Scores(metrics=metrics, findings=findings)


def _templates() -> list[dict[str, Any]]:
    path = resources.builtin_dir("evaluations") / TEMPLATES
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _make_pairs(
    records: list[dict[str, Any]], terms: TermLists, selection: dict[str, tuple[str, ...]]
) -> tuple[list[Pair], Counter]:
    pairs: list[Pair] = []
    skipped: Counter[str] = Counter()
    for row, record in enumerate(records):
        text = "" if record.get("text") is None else str(record["text"])
        for name, groups in selection.items():
            axis, made = terms.axes[name], {text}
            for source in (g for g in axis.groups_in(text) if g in groups):
                for target in (g for g in groups if g != source):
                    variant = axis.swap(text, source, target)
                    if variant is None:
                        skipped[f"{name}:{source}->{target}"] += 1
                    elif variant not in made:  # "she told her father": female->male = male->female
                        made.add(variant)
                        pairs.append(Pair(row, name, source, target, text, variant))
    return pairs, skipped


def positive_scores(predictions: list[Prediction], label_map: dict[str, str], positive_label: str) -> np.ndarray:
    """Probability of ``positive_label`` (after ``label_map``) per prediction; 1/0 when a model gives no scores."""
    seen = {label_map.get(p.label, p.label) for p in predictions}
    seen |= {label_map.get(k, k) for p in predictions for k in (p.scores or {})}
    if positive_label not in seen:
        hint = did_you_mean(positive_label, seen) or ""
        raise ValueError(
            f"positive_label '{positive_label}' is none of the model's labels {sorted(seen)} {hint}".rstrip())
    return np.array([
        sum(v for k, v in p.scores.items() if label_map.get(k, k) == positive_label) if p.scores
        else float(label_map.get(p.label, p.label) == positive_label)
        for p in predictions
    ])


def _compare_classifications(
    model: ModelAdapter, originals: list[str], variants: list[str], params: CounterfactualParams
) -> tuple[np.ndarray, np.ndarray, list[tuple[str, str]]]:
    unique = list(dict.fromkeys(originals + variants))
    predicted = dict(zip(unique, model.classify(unique)))
    mapped = lambda p: params.label_map.get(p.label, p.label)  # noqa: E731
    before = [predicted[t] for t in originals]
    after = [predicted[t] for t in variants]
    flips = np.array([mapped(a) != mapped(b) for a, b in zip(before, after)])
    if params.positive_label is not None:
        score = dict(zip(unique,
                         positive_scores([predicted[t] for t in unique], params.label_map, params.positive_label)))
        changes = np.abs(np.array([score[o] - score[v] for o, v in zip(originals, variants)]))
    else:  # probability of the label predicted for the original, before and after the swap
        changes = np.abs(np.array([_probability(a, mapped(a), params) - _probability(b, mapped(a), params)
                                   for a, b in zip(before, after)]))
    return flips, changes, [(mapped(a), mapped(b)) for a, b in zip(before, after)]


def _probability(prediction: Prediction, label: str, params: CounterfactualParams) -> float:
    if prediction.scores:
        return sum(v for k, v in prediction.scores.items() if params.label_map.get(k, k) == label)
    return float(params.label_map.get(prediction.label, prediction.label) == label)


def _compare_generations(
    model: ModelAdapter, originals: list[str], variants: list[str], pairs: list[Pair], terms: TermLists,
    params: CounterfactualParams, ctx: EvalContext,
) -> tuple[np.ndarray, np.ndarray, list[tuple[str, str]]]:
    config = GenerationConfig(max_new_tokens=params.max_new_tokens, chat=params.chat, stop=tuple(params.stop),
                              seed=ctx.seed)
    unique = list(dict.fromkeys(originals + variants))
    output = dict(zip(unique, model.generate(unique, config)))
    flips, changes, shown = [], [], []
    for pair, original, variant in zip(pairs, originals, variants):
        before = output[original]
        after = terms.axes[pair.axis].swap(output[variant], pair.target, pair.source, strict=False) or output[variant]
        flips.append(normalize(before) != normalize(after))
        changes.append(1.0 - token_f1(after, [before]))
        shown.append((before[:300], output[variant][:300]))
    return np.array(flips), np.array(changes), shown


def _pair_metrics(flips: np.ndarray, changes: np.ndarray, keys: list[str], *, seed: int,
                  resamples: int) -> dict[str, MetricValue]:
    key_array = np.array(keys)
    groups = {k: key_array == k for k in dict.fromkeys(keys)}
    flip_rate = stats.proportion(int(flips.sum()), len(flips), higher_is_better=False)
    by_group = {k: stats.proportion(int(flips[m].sum()), int(m.sum()), higher_is_better=False)
                for k, m in groups.items()}
    metrics = {"flip_rate": stats.with_groups(flip_rate, by_group)}
    overall = _bootstrapped(changes, seed=seed, resamples=resamples)
    per_pair = {k: _bootstrapped(changes[m], seed=seed, resamples=resamples) for k, m in groups.items()}
    for name in ("mean_score_change", "max_score_change"):
        metrics[name] = stats.with_groups(overall[name], {k: v[name] for k, v in per_pair.items()})
    return metrics


def _bootstrapped(values: np.ndarray, *, seed: int, resamples: int) -> dict[str, MetricValue]:
    """Mean and max with percentile intervals from one set of resamples of the pairs."""
    resampled = values[stats.resample_indices(len(values), seed=seed, resamples=resamples)]
    common: dict[str, Any] = {"n": len(values), "higher_is_better": False, "seed": seed, "resamples": resamples}
    return {
        "mean_score_change": stats.from_replicates(float(values.mean()), resampled.mean(axis=1), **common),
        "max_score_change": stats.from_replicates(float(values.max()), resampled.max(axis=1), **common),
    }


def _coverage_findings(
    pairs: list[Pair], selection: dict[str, tuple[str, ...]], skipped: Counter, rows: int, terms: TermLists,
    templates: bool
) -> list[Finding]:
    source = "builtin:" + BUILTIN_TERMS if Path(terms.source) == builtin_terms_path() else terms.source
    sha256 = hashlib.sha256(Path(terms.source).read_bytes()).hexdigest()
    per_axis = Counter(p.axis for p in pairs)
    findings = [Finding(
        kind="counterfactual_coverage",
        severity="info",
        message=f"{len(pairs)} pairs from {rows} {'built-in template sentences' if templates else 'rows'}",
        example={"pairs_per_axis": dict(per_axis), "terms": source, "terms_sha256": sha256,
                 "variants_without_counterpart": dict(skipped)},
    )]
    for axis in selection:
        if not per_axis[axis]:
            findings.append(Finding(
                kind="axis_not_covered", severity="medium",
                message=f"no text mentions a term of axis '{axis}': it was not evaluated",
                example={"axis": axis, "groups": list(selection[axis])},
            ))
    return findings


# --------------------------------------------------------------------------- bias.eec


class EecParams(EvaluatorParams):
    positive_label: str = Field(description="The score of a sentence is the probability of this label.")
    label_map: dict[str, str] = Field(default_factory=dict, description="Model label -> dataset label.")
    prompt: str = Field(default="{text}", description="Template for the model input.")
    gender_groups: tuple[str, str] = Field(default=("female", "male"),
                                           description="Gender values; gap = first - second.")
    race_groups: tuple[str, str] = Field(default=("African-American", "European"),
                                         description="Race values; gap = first - second.")
    bootstrap_resamples: int = Field(default=1000, ge=100)
    max_findings: int = Field(default=5, ge=0)

    @field_validator("prompt")
    @classmethod
    def _valid_prompt(cls, prompt: str) -> str:
        return _text_prompt(prompt)


EEC_ROLES = {"template", "person", "gender", "race", "emotion_word"}


# A gap is a mean difference of two probabilities (first group minus second), so it may be negative.
EEC_METRICS = (
    MetricSpec("eec_gender_gap", -1, 1, higher_is_better=None,
               description="Mean score difference female minus male over matched sentence pairs."),
    MetricSpec("eec_gender_p_value", 0, 1, higher_is_better=None,
               description="Paired t-test p-value of the gender gap."),
    MetricSpec("eec_race_gap", -1, 1, higher_is_better=None,
               description="Mean score difference of the two race groups' names over matched cells."),
    MetricSpec("eec_race_p_value", 0, 1, higher_is_better=None, description="Paired t-test p-value of the race gap."),
)


@evaluator(
    "bias.eec",
    version="1.0",
    params=EecParams,
    requires=(Capability.CLASSIFY,),
    columns=lambda params: (template_fields(params.prompt) | EEC_ROLES, {"emotion"}),
    metrics=EEC_METRICS,
    citation="Kiritchenko & Mohammad, Examining Gender and Race Bias in Two Hundred Sentiment Analysis "
    "Systems (*SEM 2018).",
)
def eec(model: ModelAdapter, data: Any, params: EecParams, ctx: EvalContext) -> Scores:
    """Equity Evaluation Corpus: mean score gap female-male and African-American-European over matched
    sentence pairs, with a paired t-test."""
    records = data.records()
    inputs = render(params.prompt, records)
    unique = list(dict.fromkeys(inputs))
    by_text = dict(zip(unique, positive_scores(model.classify(unique), params.label_map, params.positive_label)))
    scores = np.array([by_text[t] for t in inputs])
    gender = _eec.gender_pairs(records, scores, load_terms().axes["gender"], params.gender_groups)
    race = _eec.race_pairs(records, scores, params.race_groups)
    if not len(gender) and not len(race):
        raise ValueError(
            f"no matched pairs in {len(records)} rows: expected EEC rows with gender {list(params.gender_groups)} "
            f"noun phrases or race {list(params.race_groups)} names sharing template and emotion word"
        )
    metrics: dict[str, MetricValue] = {}
    findings: list[Finding] = []
    for prefix, pairs, label in (("eec_gender", gender, "gender"), ("eec_race", race, "race")):
        if not len(pairs):
            findings.append(Finding(kind="eec_no_pairs", severity="high",
                                    message=f"no matched {label} pairs: {prefix}_gap and {prefix}_p_value are absent"))
            continue
        metrics.update(_eec.gap_metrics(pairs, prefix=prefix, seed=ctx.seed, resamples=params.bootstrap_resamples))
        if pairs.unmatched:
            findings.append(Finding(kind="eec_unmatched", severity="low",
                                    message=f"{len(pairs.unmatched)} {label} rows or cells had no counterpart",
                                    example={"unmatched": sorted(set(pairs.unmatched))[:20]}))
        diffs = pairs.differences
        for i in np.argsort(-np.abs(diffs), kind="stable")[: params.max_findings]:
            findings.append(Finding(kind="eec_gap", severity="info",
                                    message=f"one of the largest {label} gaps (first minus second): {diffs[i]:.4f}",
                                    example={**pairs.examples[i], "score_first": pairs.first[i],
                                             "score_second": pairs.second[i]}))
    return Scores(metrics=metrics, findings=findings)
