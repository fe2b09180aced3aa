"""``pii.dataset``: personal data in a dataset (training or evaluation data), per entity type and column.

So a reviewer sees what a model was trained on: every string column (or the ``columns`` listed)
of the task's dataset is scanned for ``entities`` (default: the direct identifiers).

- ``pii_rate``: share of rows with at least one finding in any scanned column (Wilson,
  Clopper–Pearson at 0 or all); ``by_group`` has one entry per requested entity type (share of rows
  containing that type), zeros included.
- ``scanner_recall_min`` / ``scanner_precision_min``: the scanner's lowest measured recall and
  precision over the requested entity types and its labelled sets, with the per-type
  ``scanner_quality`` finding, as in ``pii.output`` (measurements, not samples of this run).

The ``pii_by_column`` finding counts, per (column, entity type), the rows with a finding, the
findings and the distinct values (by keyed hash). ``pii_in_data`` findings show redacted examples.
Columns are addressed by their names in the file (not by roles); the suite's ``columns`` mapping
is not needed.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import numpy as np
from pydantic import Field, field_validator

from guard import stats
from guard.errors import GuardError, did_you_mean
from guard.evaluators.base import EvalContext, EvaluatorParams, MetricSpec, Scores, evaluator
from guard.evaluators.pii import _common
from guard.models.base import ModelAdapter
from guard.types import Finding


class DatasetPIIParams(EvaluatorParams):
    columns: list[str] | None = Field(default=None, description="Columns to scan; default every string column.")
    entities: list[str] | None = Field(default=None,
                                       description="Entity types to look for; default the direct identifiers.")
    score_threshold: float = Field(default=0.5, ge=0.0, le=1.0,
                                   description="Scanner confidence at which a span counts.")
    max_findings: int = Field(default=10, ge=0, description="Rows with PII shown (redacted), spread over entity types.")

    @field_validator("entities")
    @classmethod
    def _known(cls, entities: list[str] | None) -> list[str] | None:
        return _common.check_entities(entities)

    @field_validator("columns")
    @classmethod
    def _some(cls, columns: list[str] | None) -> list[str] | None:
        if columns is not None and not columns:
            raise ValueError("columns is empty; leave it out to scan every string column")
        return columns


METRICS = (
    MetricSpec("pii_rate", 0, 1, higher_is_better=False,
               description="Share of rows with PII in a scanned column; by_group per entity type."),
    *_common.SCANNER_QUALITY_METRICS,
)


@evaluator(
    "pii.dataset",
    version="1.1",
    params=DatasetPIIParams,
    columns=((), ()),
    needs_dataset=True,
    metrics=METRICS,
    citation="Microsoft Presidio (scanner); Subramani et al., Detecting Personal Information in Training "
    "Corpora: an Analysis, TrustNLP 2023.",
)
def dataset_pii(model: ModelAdapter, data: Any, params: DatasetPIIParams, ctx: EvalContext) -> Scores:
    """PII in a dataset: the share of rows with personal data, per entity type and per column."""
    columns = _columns(data, params)
    entities = _common.default_entities(params.entities)
    scanner = _common.load_scanner(entities, params.score_threshold)
    n = len(data)
    any_hit = np.zeros(n, dtype=bool)
    entity_hits = {e: np.zeros(n, dtype=bool) for e in entities}
    per_column: dict[str, dict[str, Counter[str]]] = {}
    distinct: dict[tuple[str, str], set[str]] = {}
    examples: dict[str, list[tuple[str, int, str, list[Any]]]] = {}
    for column in columns:
        texts = ["" if v is None else str(v) for v in data.rows[column]]
        for row, (text, spans) in enumerate(zip(texts, scanner.scan(texts))):
            spans = [f for f in spans if f.entity_type in entity_hits]
            if not spans:
                continue
            any_hit[row] = True
            for entity, group in _common.findings_by_entity(spans).items():
                entity_hits[entity][row] = True
                counts = per_column.setdefault(column, {}).setdefault(entity, Counter())
                counts["rows"] += 1
                counts["findings"] += len(group)
                distinct.setdefault((column, entity),
                                    set()).update(_common.keyed_hash(text[f.start:f.end]) for f in group)
            examples.setdefault(spans[0].entity_type, []).append((column, row, text, spans))
    by_entity = {e: stats.proportion(int(h.sum()), n, higher_is_better=False) for e, h in entity_hits.items()}
    overall = stats.proportion(int(any_hit.sum()), n, higher_is_better=False)
    metrics = {"pii_rate": stats.with_groups(overall, by_entity)}
    quality_metrics, quality = _common.scanner_quality_metrics(scanner, entities)
    metrics.update(quality_metrics)
    table = {c: {e: {**dict(k), "distinct": len(distinct[(c, e)])} for e, k in sorted(ents.items())}
             for c, ents in sorted(per_column.items())}
    summary = Finding(
        kind="pii_by_column", severity="medium" if any_hit.any() else "info",
        message=f"{int(any_hit.sum())} of {n} rows contain PII in the scanned columns ({', '.join(columns)})",
        example={"scanned_columns": columns, "entities": entities, "by_column": table},
    )
    raw = bool(getattr(ctx, "store_raw_evidence", False))
    return Scores(metrics=metrics, findings=[quality, summary, *_examples(scanner, examples, params.max_findings, raw)])


def _columns(data: Any, params: DatasetPIIParams) -> list[str]:
    available = list(data.rows.column_names)
    if params.columns is not None:
        for column in params.columns:
            if column not in available:
                raise GuardError(f"dataset {data.info.source} has no column '{column}' to scan",
                                 hint=did_you_mean(column, available) or "columns: " + ", ".join(available))
        return list(params.columns)
    features = data.rows.features
    strings = [c for c in available if getattr(features[c], "dtype", None) in ("string", "large_string")]
    if not strings:
        raise GuardError(f"dataset {data.info.source} has no string columns to scan",
                         hint="name them with params.columns")
    return strings


def _examples(
    scanner: Any, examples: dict[str, list[tuple[str, int, str, list[Any]]]], limit: int, raw: bool
) -> list[Finding]:
    picked: list[tuple[str, int, str, list[Any]]] = []
    queues = {k: list(v) for k, v in examples.items()}
    while len(picked) < limit and any(queues.values()):
        for entity in sorted(queues):
            if queues[entity] and len(picked) < limit:
                picked.append(queues[entity].pop(0))
    return [
        Finding(
            kind="pii_in_data", severity="medium",
            message=f"row {row + 1}, column '{column}' contains {', '.join(sorted({f.entity_type for f in spans}))}",
            example={"column": column, "row": row + 1, **_common.redacted_example(scanner, text, spans, raw=raw)},
        )
        for column, row, text, spans in picked
    ]
