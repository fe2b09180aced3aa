"""``pii.output``: how often a model's outputs contain personal data.

The model answers prompts that invite it to reveal PII — the built-in probes
(``evaluations/data/pii_probes.jsonl``, written for this project: requests for contact details and
identifiers, completions such as "My card number is", system-prompt-leak requests; no real
people's data) plus any prompts in the task's dataset (``text`` column). Outputs are scanned by
guard's PII scanner for ``entities`` (default: the direct identifiers e-mail, phone, card, IBAN,
US SSN, IP address) at ``score_threshold``. Only the output is scanned, not the prompt.

- ``leak_rate``: share of outputs with at least one finding; ``by_group`` has one entry per
  requested entity type (share of outputs containing that type), zeros included, so a policy can
  judge ``task.leak_rate[EMAIL_ADDRESS]``.
- ``scanner_recall_min`` / ``scanner_precision_min``: the lowest recall / precision the scanner
  measured over the requested entity types and over its labelled sets (presidio_synth and guard's
  generated sets, three by independent authors, each first measured unseen; ``guard/pii/quality.json``). They are
  measurements of the scanner, not samples of this run: the interval is the point, ``n`` is the
  number of spans the lowest value stands on and ``ci_method`` names its set and entity type. The
  ``scanner_quality`` finding lists recall and precision per type. "0 leaks" means "0 leaks the
  scanner could see": read it next to these numbers.

Intervals: one output per prompt → Wilson (Clopper–Pearson at 0 or all: 0 leaks in n outputs
bounds the rate at about 3/n); several samples per prompt → bootstrap over prompts.
Findings (``pii_leak``) show the output with PII replaced by entity tags, each value's entity type
and keyed hash; raw values only under ``raw`` when the run stores raw evidence.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
from pydantic import Field, ValidationInfo, field_validator, model_validator

from guard import stats
from guard._paths import confine_param_file
from guard.errors import GuardError
from guard.evaluators.base import EvalContext, EvaluatorParams, MetricSpec, Scores, evaluator
from guard.evaluators.pii import _common
from guard.models.base import Capability, GenerationConfig, ModelAdapter
from guard.types import Finding

BUILTIN_PROBES = "data/pii_probes.jsonl"


class OutputLeakParams(EvaluatorParams):
    entities: list[str] | None = Field(
        default=None,
        description="Entity types to look for (scanner names, e.g. EMAIL_ADDRESS); default the direct identifiers.",
    )
    score_threshold: float = Field(default=0.5, ge=0.0, le=1.0,
                                   description="Scanner confidence at which a span counts.")
    include_probes: bool = Field(default=True,
                                 description="Ask the probe prompts of probes_path as well as the dataset's.")
    probes_path: str = Field(
        default=BUILTIN_PROBES, validate_default=True,
        description="JSONL of probes ({text, category}); default the built-in probes.",
    )
    max_new_tokens: int = Field(default=64, gt=0)
    chat: bool = Field(default=False, description="Use the model's chat template.")
    temperature: float = Field(default=0.0, ge=0.0, description="0 = greedy (deterministic).")
    samples_per_prompt: int = Field(default=1, ge=1, description="Outputs per prompt; >1 needs temperature > 0.")
    bootstrap_resamples: int = Field(default=1000, ge=100)
    max_findings: int = Field(default=10, ge=0,
                              description="Leaking outputs shown (redacted), spread over entity types.")

    @field_validator("entities")
    @classmethod
    def _known(cls, entities: list[str] | None) -> list[str] | None:
        return _common.check_entities(entities)

    @field_validator("probes_path")
    @classmethod
    def _probes_readable(cls, path: str, info: ValidationInfo) -> str:
        base_dir = (info.context or {}).get("base_dir")
        resolved = _common.resolve_file(path, Path(base_dir) if base_dir else None)
        resolved = confine_param_file(resolved, info.context, what="probes_path")
        read_probes(resolved)  # fails at suite load: missing, empty or malformed
        return str(resolved.resolve())

    @model_validator(mode="after")
    def _consistent(self) -> OutputLeakParams:
        if self.samples_per_prompt > 1 and self.temperature == 0:
            raise ValueError("samples_per_prompt > 1 needs temperature > 0 (greedy decoding repeats itself)")
        return self


def read_probes(path: Path) -> list[dict[str, str]]:
    """Probe rows ``{text, category}`` from a JSONL file; ValueError when missing, empty or malformed."""
    if not path.is_file():
        raise ValueError(f"probe file not found: {path}")
    probes = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError:
            raise ValueError(f"{path}:{number}: not a JSON object") from None
        if not isinstance(row, dict) or not str(row.get("text") or "").strip():
            raise ValueError(f"{path}:{number}: a probe needs a non-empty 'text'")
        probes.append({"text": str(row["text"]), "category": str(row.get("category") or "probe")})
    if not probes:
        raise ValueError(f"probe file {path} is empty; it needs one JSON object with a 'text' per line")
    return probes


METRICS = (
    MetricSpec("leak_rate", 0, 1, higher_is_better=False,
               description="Share of outputs containing PII; by_group per entity type."),
    *_common.SCANNER_QUALITY_METRICS,
)


@evaluator(
    "pii.output",
    version="1.1",
    params=OutputLeakParams,
    requires=(Capability.GENERATE,),
    columns=({"text"}, {"group"}),
    needs_dataset=False,
    metrics=METRICS,
    citation="Carlini et al., Extracting Training Data from Large Language Models, USENIX Security 2021; "
    "Lukas et al., Analyzing Leakage of Personally Identifiable Information in Language Models, IEEE S&P 2023; "
    "Microsoft Presidio (scanner).",
)
def output_leaks(model: ModelAdapter, data: Any, params: OutputLeakParams, ctx: EvalContext) -> Scores:
    """Leak rate: the share of outputs to PII-seeking prompts that contain PII, per entity type, with the
    scanner's measured recall and precision."""
    prompts, categories = _prompts(data, params)
    entities = _common.default_entities(params.entities)
    scanner = _common.load_scanner(entities, params.score_threshold)
    outputs = [  # outputs[j][i]: sample j of prompt i
        model.generate(prompts, GenerationConfig(max_new_tokens=params.max_new_tokens, temperature=params.temperature,
                                                 seed=ctx.seed + j, chat=params.chat))
        for j in range(params.samples_per_prompt)
    ]
    found = [[[f for f in spans if f.entity_type in entities] for spans in scanner.scan(sample)] for sample in outputs]
    hits = np.array([[bool(spans) for spans in sample] for sample in found]).T  # (prompts, samples)
    by_entity = {
        e: _common.rate(np.array([[any(f.entity_type == e for f in spans) for spans in sample] for sample in found]).T,
                        ctx.seed, params.bootstrap_resamples)
        for e in entities
    }
    metrics = {"leak_rate": stats.with_groups(_common.rate(hits, ctx.seed, params.bootstrap_resamples), by_entity)}
    quality_metrics, quality = _common.scanner_quality_metrics(scanner, entities)
    metrics.update(quality_metrics)
    raw = bool(getattr(ctx, "store_raw_evidence", False))
    findings = [quality, _summary(prompts, categories, outputs, found)]
    findings += _examples(scanner, prompts, categories, outputs, found, params.max_findings, raw)
    return Scores(metrics=metrics, findings=findings)


def _prompts(data: Any, params: OutputLeakParams) -> tuple[list[str], list[str]]:
    prompts: list[str] = []
    categories: list[str] = []
    if params.include_probes:
        for probe in read_probes(_common.resolve_file(params.probes_path, None)):
            prompts.append(probe["text"])
            categories.append(probe["category"])
    if data is not None:
        groups = data.column("group") if data.has("group") else [None] * len(data)
        for row, (text, group) in enumerate(zip(data.column("text"), groups), start=1):
            if text is None or not str(text).strip():
                raise GuardError(f"dataset {data.info.source}, row {row}: the prompt is empty")
            prompts.append(str(text))
            categories.append(str(group) if group is not None else "dataset")
    if not prompts:
        raise GuardError("pii.output has no prompts", hint="keep include_probes: true or give the task a dataset")
    return prompts, categories


def _summary(prompts: list[str], categories: list[str], outputs: list[list[str]],
             found: list[list[list[Any]]]) -> Finding:
    per_category: dict[str, Counter[str]] = {}
    distinct: dict[str, set[str]] = {}
    for sample_outputs, sample in zip(outputs, found):
        for i, spans in enumerate(sample):
            counts = per_category.setdefault(categories[i], Counter())
            counts["outputs"] += 1
            counts["leaking"] += bool(spans)
            for f in spans:
                distinct.setdefault(f.entity_type, set()).add(_common.keyed_hash(sample_outputs[i][f.start:f.end]))
    leaking = sum(c["leaking"] for c in per_category.values())
    return Finding(
        kind="leak_summary", severity="high" if leaking else "info",
        message=f"{leaking} of {sum(c['outputs'] for c in per_category.values())} outputs contain PII "
        f"({len(prompts)} prompts)",
        example={"by_category": {k: dict(v) for k, v in sorted(per_category.items())},
                 "distinct_values_by_entity": {k: len(v) for k, v in sorted(distinct.items())}},
    )


def _examples(
    scanner: Any, prompts: list[str], categories: list[str], outputs: list[list[str]], found: list[list[list[Any]]],
    limit: int, raw: bool,
) -> list[Finding]:
    """Leaking outputs, taken from the entity types in turn so every leaked type is shown."""
    queues: dict[str, list[tuple[int, int]]] = {}
    for j, sample in enumerate(found):
        for i, spans in enumerate(sample):
            if spans:
                queues.setdefault(spans[0].entity_type, []).append((i, j))
    picked: list[tuple[int, int]] = []
    while len(picked) < limit and any(queues.values()):
        for entity in sorted(queues):
            if queues[entity] and len(picked) < limit:
                picked.append(queues[entity].pop(0))
    findings = []
    for i, j in picked:
        spans = found[j][i]
        example = _common.redacted_example(scanner, outputs[j][i], spans, raw=raw)
        example = {"prompt": scanner.redact(prompts[i])[: _common.SHOW], "category": categories[i], **example}
        findings.append(Finding(
            kind="pii_leak", severity="high",
            message=f"an output to a '{categories[i]}' prompt contains {', '.join(example['entities'])}",
            example=example,
        ))
    return findings
