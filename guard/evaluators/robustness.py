"""``robustness``: does the model keep its answer when the input text is changed in ways that cannot
change the right answer?

Each example's ``text`` gets one seeded variant per requested perturbation (typos, casing,
whitespace, punctuation, numbers; see ``_perturb.py`` for exactly what each does and why the
label cannot change). A perturbation that cannot apply to a text (no digits for ``numbers``)
leaves that example out of its sample. The model is asked like ``accuracy`` asks it — ``classify``,
``loglikelihood`` (label verbalizers, lm-eval style) or ``generate`` — and the clean inputs are
exactly the inputs ``accuracy`` would send with the same params, so the run's shared cache answers
them when an ``accuracy`` task on the same rows ran first.

Metrics, overall and per perturbation type in ``by_group``:

- ``accuracy`` (``exact_match`` and ``contains`` when generating): per type, the share of examples
  answered correctly on their perturbed input; overall, the share answered correctly under *every*
  perturbation applied to them (the worst case). Wilson intervals.
- ``robustness_drop``: clean minus perturbed correctness over the same examples (overall: clean
  minus the worst case); a seeded percentile bootstrap over examples, pairs kept together. For
  generation, correctness is ``answer_match`` (contains by default).
- ``flip_rate``: per type, the share of examples whose prediction changed (the label after
  ``label_map``; for generation, whether the answer is correct by ``answer_match``: free text
  rewords itself at the slightest change, so a reworded answer that is still right is no flip);
  overall, the share changed by at least one perturbation. Wilson intervals (Clopper-Pearson at 0
  or all).

Findings are flipped examples side by side (``original`` / ``counterfactual`` texts, so evidence
redaction keeps the words that differ), those a perturbation made wrong first.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
from pydantic import Field, field_validator

from guard import stats
from guard.errors import did_you_mean
from guard.evaluators import _perturb
from guard.evaluators._prompts import render, template_fields
from guard.evaluators._text_match import contains, exact_match
from guard.evaluators.accuracy import (
    AccuracyParams,
    Mode,
    _check,
    _check_model,
    _choose_mode,
    _labels_meet,
    _zero_shot,
)
from guard.evaluators.base import EvalContext, EvaluatorParams, MetricSpec, Scores, evaluator
from guard.models.base import Capability, GenerationConfig, ModelAdapter
from guard.types import Finding, MetricValue


class RobustnessParams(EvaluatorParams):
    perturbations: list[str] = Field(
        default_factory=lambda: list(_perturb.DEFAULT_PERTURBATIONS),
        description="Perturbation types, each a group: typo, casing, whitespace, punctuation, numbers "
        "(numbers only where the label does not depend on them; not in the default).",
    )
    rate: float = Field(default=0.1, gt=0, le=1,
                        description="Share of words (typo, punctuation) or gaps (whitespace) touched; at least one.")
    mode: Mode = Field(default="auto", description="How to query the model, as in accuracy.")
    prompt: str = Field(default="{text}", description="Template for the model input; must use {text}.")
    verbalizers: dict[str, str] | None = Field(
        default=None, description="loglikelihood mode: dataset label -> continuation text, e.g. {'1': ' positive'}.")
    calibration: Literal["none", "content_free"] = Field(
        default="none", description="loglikelihood mode: contextual calibration, as in accuracy.")
    content_free_inputs: list[str] = Field(default_factory=lambda: ["N/A", "", "[MASK]"],
                                           description="Inputs used to measure the label prior.")
    label_map: dict[str, str] = Field(default_factory=dict, description="Model label -> dataset label.")
    max_new_tokens: int = Field(default=32, gt=0)
    chat: bool = Field(default=False, description="generate mode: use the model's chat template.")
    stop: list[str] = Field(default_factory=lambda: ["\n"], description="generate mode: cut answers here.")
    answer_match: Literal["contains", "exact_match"] = Field(
        default="contains", description="generate mode: what counts as correct for robustness_drop.")
    bootstrap_resamples: int = Field(default=1000, ge=100)
    max_findings: int = Field(default=10, ge=0)

    @field_validator("perturbations")
    @classmethod
    def _known_perturbations(cls, names: list[str]) -> list[str]:
        if not names:
            raise ValueError(f"name at least one perturbation ({', '.join(_perturb.PERTURBATIONS)})")
        for name in names:
            if name not in _perturb.PERTURBATIONS:
                hint = did_you_mean(name, _perturb.PERTURBATIONS)
                raise ValueError(f"unknown perturbation '{name}'" + (f" ({hint})" if hint else ""))
        if len(set(names)) != len(names):
            raise ValueError("a perturbation is named twice")
        return names

    @field_validator("prompt")
    @classmethod
    def _text_prompt(cls, prompt: str) -> str:
        if "text" not in template_fields(prompt):
            raise ValueError("prompt must contain {text}: the perturbations change the text role")
        return prompt

    def as_accuracy(self) -> AccuracyParams:
        """The same question as an ``accuracy`` task: its checks, mode choice and scoring apply unchanged."""
        return AccuracyParams(mode=self.mode, prompt=self.prompt, verbalizers=self.verbalizers,
                              calibration=self.calibration, content_free_inputs=self.content_free_inputs,
                              label_map=self.label_map, max_new_tokens=self.max_new_tokens, chat=self.chat,
                              stop=self.stop)


def _columns(params: RobustnessParams) -> tuple[set[str], set[str]]:
    fields = template_fields(params.prompt)
    if params.mode == "generate":
        return fields | {"answers"}, set()
    if params.mode in ("classify", "loglikelihood"):
        return fields | {"label"}, set()
    return fields, {"label", "answers"}


METRICS = (
    MetricSpec("accuracy", 0, 1, higher_is_better=True,
               description="Share of examples still classified correctly under every perturbation; by_group per type."),
    MetricSpec("exact_match", 0, 1, higher_is_better=True,
               description="Share of generated answers still matching exactly under every perturbation; by type."),
    MetricSpec("contains", 0, 1, higher_is_better=True,
               description="Share of generated answers still containing an accepted answer under every perturbation."),
    MetricSpec("robustness_drop", -1, 1, higher_is_better=False,
               description="Clean minus perturbed correctness over the same examples (paired bootstrap); by type."),
    MetricSpec("flip_rate", 0, 1, higher_is_better=False,
               description="Share of examples whose prediction a perturbation changed; by_group per type."),
)


@dataclass(frozen=True)
class _Case:
    """One perturbed example: its row, the perturbation type and the perturbed text."""

    row: int
    kind: str
    text: str


def _check_data(data: Any, params: RobustnessParams) -> None:
    _check(data, params.as_accuracy())


def _check_robust_model(model: ModelAdapter, data: Any, params: RobustnessParams) -> None:
    _check_model(model, data, params.as_accuracy())


@evaluator(
    "robustness",
    version="1.0",
    params=RobustnessParams,
    requires=(Capability.CLASSIFY, Capability.LOGLIKELIHOOD, Capability.GENERATE),
    columns=_columns,
    metrics=METRICS,
    check=_check_data,
    check_model=_check_robust_model,
    citation="Ribeiro et al., Beyond Accuracy: Behavioral Testing of NLP Models with CheckList (ACL 2020); "
    "Morris et al., TextAttack (EMNLP 2020); Wang et al., TextFlint (ACL 2021).",
)
def robustness(model: ModelAdapter, data: Any, params: RobustnessParams, ctx: EvalContext) -> Scores:
    """Accuracy under seeded typos, casing, whitespace, punctuation and number changes, the drop from clean
    inputs (paired bootstrap) and the flip rate, per perturbation type."""
    acc = params.as_accuracy()
    mode = _choose_mode(acc, data, model)
    records = data.records()
    texts = ["" if r.get("text") is None else str(r["text"]) for r in records]
    answers = ([[str(a) for a in (x if isinstance(x, list) else [x])] for x in data.column("answers")]
               if mode == "generate" else None)
    cases = _cases(texts, params, ctx.seed, answers)
    if not cases:
        raise ValueError(f"none of the perturbations {', '.join(params.perturbations)} changes any of the "
                         f"{len(texts)} texts; nothing to compare")
    clean_inputs = render(params.prompt, records)
    variant_inputs = render(params.prompt, [{**records[c.row], "text": c.text} for c in cases])
    if mode == "generate":
        assert answers is not None
        return _score_generation(model, clean_inputs, variant_inputs, cases, texts, answers, params, ctx)
    y_true = [str(v) for v in data.column("label")]
    if mode == "classify":
        predictions = model.classify(clean_inputs + variant_inputs)
        predicted = [params.label_map.get(p.label, p.label) for p in predictions]
        _labels_meet(set(y_true), set(predicted))
    else:
        _, labels_out, _ = _zero_shot(model, clean_inputs + variant_inputs,
                                      np.array(y_true + [y_true[c.row] for c in cases]), acc, records)
        predicted = [str(x) for x in labels_out]
    clean, variant = predicted[:len(texts)], predicted[len(texts):]
    clean_ok = np.array([p == t for p, t in zip(clean, y_true)])
    variant_ok = np.array([variant[k] == y_true[c.row] for k, c in enumerate(cases)])
    flips = np.array([variant[k] != clean[c.row] for k, c in enumerate(cases)])
    metrics = {"accuracy": _worst_case(variant_ok, cases)}
    metrics.update(_drop_and_flips(clean_ok, variant_ok, flips, cases, params, ctx.seed))
    shown = [(y_true[c.row], clean[c.row], variant[k]) for k, c in enumerate(cases)]
    return Scores(metrics=metrics, findings=_findings(cases, texts, flips, clean_ok, variant_ok, shown, params))


def _cases(texts: list[str], params: RobustnessParams, seed: int, answers: list[list[str]] | None) -> list[_Case]:
    """Every (row, perturbation) whose variant differs from the text, perturbation by perturbation."""
    cases = []
    for kind in params.perturbations:
        for row, text in enumerate(texts):
            if kind == "numbers" and answers is not None and any(ch.isdigit() for a in answers[row] for ch in a):
                continue  # the accepted answer may be computed from the numbers in the question
            variant = _perturb.perturb(kind, text, seed=seed, rate=params.rate)
            if variant != text:
                cases.append(_Case(row, kind, variant))
    return cases


def _by_kind(cases: list[_Case]) -> dict[str, np.ndarray]:
    """Case indices per perturbation type, in the order the types were requested."""
    out: dict[str, list[int]] = defaultdict(list)
    for k, case in enumerate(cases):
        out[case.kind].append(k)
    return {kind: np.array(idx) for kind, idx in out.items()}


def _per_row(values: np.ndarray, cases: list[_Case], combine: Any) -> tuple[np.ndarray, np.ndarray]:
    """(rows that have a case, ``combine`` of each row's case values), rows in ascending order."""
    grouped: dict[int, list[bool]] = defaultdict(list)
    for value, case in zip(values, cases):
        grouped[case.row].append(bool(value))
    rows = np.array(sorted(grouped))
    return rows, np.array([combine(grouped[r]) for r in rows])


def _worst_case(ok: np.ndarray, cases: list[_Case]) -> MetricValue:
    """Share of examples correct under every perturbation applied to them; by_group per type."""
    _, robust = _per_row(ok, cases, all)
    overall = stats.proportion(int(robust.sum()), len(robust), higher_is_better=True)
    return stats.with_groups(overall, {
        kind: stats.proportion(int(ok[idx].sum()), len(idx), higher_is_better=True)
        for kind, idx in _by_kind(cases).items()
    })


def _drop_and_flips(clean_ok: np.ndarray, variant_ok: np.ndarray, flips: np.ndarray, cases: list[_Case],
                    params: RobustnessParams, seed: int) -> dict[str, MetricValue]:
    rows, robust = _per_row(variant_ok, cases, all)
    _, any_flip = _per_row(flips, cases, any)

    def drop(before: np.ndarray, after: np.ndarray) -> MetricValue:
        return stats.bootstrap(np.mean, [before.astype(float) - after.astype(float)], higher_is_better=False,
                               seed=seed, resamples=params.bootstrap_resamples)

    kinds = _by_kind(cases)
    row_of = np.array([c.row for c in cases])
    return {
        "robustness_drop": stats.with_groups(
            drop(clean_ok[rows], robust),
            {kind: drop(clean_ok[row_of[idx]], variant_ok[idx]) for kind, idx in kinds.items()}),
        "flip_rate": stats.with_groups(
            stats.proportion(int(any_flip.sum()), len(any_flip), higher_is_better=False),
            {kind: stats.proportion(int(flips[idx].sum()), len(idx), higher_is_better=False)
             for kind, idx in kinds.items()}),
    }


def _score_generation(model: ModelAdapter, clean_inputs: list[str], variant_inputs: list[str], cases: list[_Case],
                      texts: list[str], answers: list[list[str]], params: RobustnessParams,
                      ctx: EvalContext) -> Scores:
    # The same settings as accuracy's generate mode, so the cache shares the clean answers with it.
    config = GenerationConfig(max_new_tokens=params.max_new_tokens, chat=params.chat, stop=tuple(params.stop),
                              seed=ctx.seed)
    outputs = model.generate(clean_inputs + variant_inputs, config)
    clean, variant = outputs[:len(texts)], outputs[len(texts):]
    match = {"exact_match": exact_match, "contains": contains}
    ok = {name: (np.array([fn(o, a) for o, a in zip(clean, answers)]),
                 np.array([fn(variant[k], answers[c.row]) for k, c in enumerate(cases)]))
          for name, fn in match.items()}
    metrics = {name: _worst_case(variant_ok, cases) for name, (_, variant_ok) in ok.items()}
    clean_ok, variant_ok = ok[params.answer_match]
    # A generated answer "flips" when its correctness does: free text rewords itself at the slightest change.
    flips = np.array([bool(clean_ok[c.row]) != bool(variant_ok[k]) for k, c in enumerate(cases)])
    metrics.update(_drop_and_flips(clean_ok, variant_ok, flips, cases, params, ctx.seed))
    shown = [(answers[c.row][:5], clean[c.row][:300], variant[k][:300]) for k, c in enumerate(cases)]
    return Scores(metrics=metrics, findings=_findings(cases, texts, flips, clean_ok, variant_ok, shown, params))


def _findings(cases: list[_Case], texts: list[str], flips: np.ndarray, clean_ok: np.ndarray, variant_ok: np.ndarray,
              shown: list[tuple[Any, Any, Any]], params: RobustnessParams) -> list[Finding]:
    """Flipped examples side by side: those a perturbation made wrong first, taking turns over the types."""
    queues: dict[str, list[int]] = defaultdict(list)
    flipped = [int(k) for k in np.flatnonzero(flips)]
    for k in sorted(flipped, key=lambda k: (not (clean_ok[cases[k].row] and not variant_ok[k]), k)):
        queues[cases[k].kind].append(k)
    chosen: list[int] = []
    while len(chosen) < params.max_findings and any(queues.values()):
        for kind in list(queues):
            if queues[kind] and len(chosen) < params.max_findings:
                chosen.append(queues[kind].pop(0))
    findings = []
    for k in chosen:
        case = cases[k]
        broke = bool(clean_ok[case.row] and not variant_ok[k])
        expected, before, after = shown[k]
        findings.append(Finding(
            kind="perturbation_flip",
            severity="medium" if broke else "low",
            message=f"a {case.kind} perturbation changed the prediction"
                    + (" from right to wrong" if broke else ""),
            example={"original": texts[case.row][:300], "counterfactual": case.text[:300], "perturbation": case.kind,
                     "expected": expected, "prediction_original": before, "prediction_counterfactual": after},
        ))
    missing = [kind for kind in params.perturbations if kind not in {c.kind for c in cases}]
    if missing:
        findings.append(Finding(
            kind="perturbation_not_applicable", severity="info",
            message=f"{', '.join(missing)} changed none of the texts: "
                    f"no metric for {'it' if len(missing) == 1 else 'them'}",
            example={"perturbations": missing, "examples": len(texts)},
        ))
    return findings
