"""Precision and recall of a PII scanner per entity type on a labelled set of spans.

Matching is span-level: a predicted span counts as a true positive when it overlaps a gold span
of the *same* entity type (after mapping the dataset's labels to Presidio's names). Recall is over
gold spans, precision over predicted spans, per entity type; "overall span recall" is over every
gold span of every type the scanner was asked to find.

The loader reads Presidio's synthetic set (``presidio-research``'s ``synth_dataset_v2.json``): a JSON
array of ``{"full_text", "spans": [{"entity_type", "entity_value", "start_position",
"end_position"}], ...}`` with character offsets, end exclusive.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from guard.errors import GuardError

# Dataset labels → Presidio entity names. Labels that map to None have no Presidio counterpart
# (TITLE, AGE, ZIP_CODE): they are reported as "not scanned" and left out of the overall recall.
DATASET_LABELS: dict[str, str | None] = {
    "PERSON": "PERSON",
    "STREET_ADDRESS": "LOCATION",
    "GPE": "LOCATION",
    "ORGANIZATION": "ORGANIZATION",
    "CREDIT_CARD": "CREDIT_CARD",
    "DATE_TIME": "DATE_TIME",
    "PHONE_NUMBER": "PHONE_NUMBER",
    "NRP": "NRP",
    "EMAIL_ADDRESS": "EMAIL_ADDRESS",
    "DOMAIN_NAME": "URL",
    "IBAN_CODE": "IBAN_CODE",
    "US_SSN": "US_SSN",
    "IP_ADDRESS": "IP_ADDRESS",
    "US_DRIVER_LICENSE": "US_DRIVER_LICENSE",
    "TITLE": None,
    "AGE": None,
    "ZIP_CODE": None,
}


@dataclass(frozen=True)
class Span:
    entity_type: str
    start: int
    end: int


@dataclass(frozen=True)
class LabelledText:
    text: str
    spans: tuple[Span, ...]


@dataclass
class EntityScore:
    entity_type: str
    tp_gold: int = 0  # gold spans found
    n_gold: int = 0
    tp_pred: int = 0  # predicted spans that hit a gold span
    n_pred: int = 0

    @property
    def recall(self) -> float | None:
        return self.tp_gold / self.n_gold if self.n_gold else None

    @property
    def precision(self) -> float | None:
        return self.tp_pred / self.n_pred if self.n_pred else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None or p + r == 0:
            return None if p is None or r is None else 0.0
        return 2 * p * r / (p + r)

    def as_dict(self) -> dict[str, Any]:
        return {"precision": _round(self.precision), "recall": _round(self.recall), "f1": _round(self.f1),
                "n": self.n_gold, "found": self.tp_gold, "predicted": self.n_pred, "correct": self.tp_pred}


@dataclass
class BenchmarkResult:
    per_entity: dict[str, EntityScore]
    overall_recall: float | None
    overall_precision: float | None
    n_texts: int
    seconds: float
    not_scanned: dict[str, int] = field(default_factory=dict)  # dataset labels without a Presidio name
    config: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "n_texts": self.n_texts,
            "seconds": round(self.seconds, 3),
            "texts_per_second": round(self.n_texts / self.seconds, 1) if self.seconds else None,
            "matching": "span overlap, same entity type",
            "overall": {"recall": _round(self.overall_recall), "precision": _round(self.overall_precision)},
            "per_entity": {k: v.as_dict() for k, v in sorted(self.per_entity.items())},
            "not_scanned": dict(sorted(self.not_scanned.items())),
            "config": self.config,
        }


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def load_presidio_synth(path: str | Path) -> list[LabelledText]:
    """Read ``synth_dataset_v2.json`` (a file, or a directory holding it) into labelled texts."""
    p = Path(path)
    if p.is_dir():
        candidates = sorted(p.glob("*.json"))
        if not candidates:
            raise GuardError("no .json file in the directory", where=p, hint="expected synth_dataset_v2.json")
        p = candidates[0]
    if not p.is_file():
        raise GuardError("labelled PII set not found", where=p)
    try:
        raw = json.loads(p.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise GuardError(f"not valid JSON: {exc}", where=p) from None
    if not isinstance(raw, list):
        raise GuardError("expected a JSON array of records with full_text and spans", where=p)
    records: list[LabelledText] = []
    for i, rec in enumerate(raw):
        try:
            text = rec["full_text"]
            spans = tuple(Span(s["entity_type"], int(s["start_position"]), int(s["end_position"]))
                          for s in rec.get("spans") or [])
        except (KeyError, TypeError, ValueError):
            raise GuardError("record lacks full_text or a span's entity_type/start_position/end_position",
                             where=f"{p}[{i}]") from None
        records.append(LabelledText(text, spans))
    return records


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def score(gold: Sequence[Sequence[Span]], predicted: Sequence[Sequence[Span]],
          entities: Iterable[str], label_map: dict[str, str | None] | None = None) -> tuple[dict[str, EntityScore],
                                                                                            dict[str, int]]:
    """Per-entity counts for mapped gold spans vs predicted spans (same type, any overlap)."""
    label_map = DATASET_LABELS if label_map is None else label_map
    wanted = set(entities)
    scores: dict[str, EntityScore] = {}
    not_scanned: dict[str, int] = {}
    for gold_spans, pred_spans in zip(gold, predicted, strict=True):
        mapped = []
        for g in gold_spans:
            name = label_map.get(g.entity_type, g.entity_type)
            if name is None or name not in wanted:
                not_scanned[g.entity_type] = not_scanned.get(g.entity_type, 0) + 1
                continue
            mapped.append(Span(name, g.start, g.end))
        preds = [s for s in pred_spans if s.entity_type in wanted]
        for g in mapped:
            sc = scores.setdefault(g.entity_type, EntityScore(g.entity_type))
            sc.n_gold += 1
            sc.tp_gold += any(p.entity_type == g.entity_type and _overlaps(p, g) for p in preds)
        for p in preds:
            sc = scores.setdefault(p.entity_type, EntityScore(p.entity_type))
            sc.n_pred += 1
            sc.tp_pred += any(p.entity_type == g.entity_type and _overlaps(p, g) for g in mapped)
    return scores, not_scanned


def evaluate_spans(predict: Callable[[list[str]], list[list[Span]]], records: Sequence[LabelledText],
                   entities: Iterable[str], config: dict[str, Any] | None = None) -> BenchmarkResult:
    """Run ``predict`` over all texts (timed) and score it."""
    entities = list(entities)
    texts = [r.text for r in records]
    started = time.perf_counter()
    predicted = predict(texts)
    seconds = time.perf_counter() - started
    per_entity, not_scanned = score([r.spans for r in records], predicted, entities)
    n_gold = sum(s.n_gold for s in per_entity.values())
    n_pred = sum(s.n_pred for s in per_entity.values())
    overall_recall = sum(s.tp_gold for s in per_entity.values()) / n_gold if n_gold else None
    overall_precision = sum(s.tp_pred for s in per_entity.values()) / n_pred if n_pred else None
    return BenchmarkResult(per_entity, overall_recall, overall_precision, len(records), seconds, not_scanned,
                           dict(config or {}))


def benchmark(scanner: Any, records: Sequence[LabelledText]) -> BenchmarkResult:
    """Precision/recall per entity type of a ``PIIScanner`` on labelled records."""

    def predict(texts: list[str]) -> list[list[Span]]:
        return [[Span(f.entity_type, f.start, f.end) for f in found] for found in scanner.scan(texts)]

    return evaluate_spans(predict, records, scanner.entities, config=scanner.config())


def presidio_as_is(threshold: float = 0.0, model: str | None = None,
                   batch_size: int = 64) -> tuple[Callable[[list[str]], list[list[Span]]], dict[str, Any]]:
    """Presidio's own ``BatchAnalyzerEngine`` with every predefined recognizer, as shipped (its default
    score threshold is 0), over the same spaCy model: ``(predict, config)`` for ``evaluate_spans``."""
    from guard.pii.scanner import DEFAULT_MODEL, _offline

    _offline()
    import presidio_analyzer
    from presidio_analyzer import AnalyzerEngine, BatchAnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    model = model or DEFAULT_MODEL
    nlp = NlpEngineProvider(nlp_configuration={"nlp_engine_name": "spacy",
                                               "models": [{"lang_code": "en", "model_name": model}]}).create_engine()
    engine = BatchAnalyzerEngine(analyzer_engine=AnalyzerEngine(nlp_engine=nlp, supported_languages=["en"]))

    def predict(texts: list[str]) -> list[list[Span]]:
        results = engine.analyze_iterator(texts, language="en", batch_size=batch_size, score_threshold=threshold)
        return [[Span(r.entity_type, r.start, r.end) for r in rs] for rs in results]

    config = {"scanner": "presidio_analyzer.BatchAnalyzerEngine (as shipped)", "presidio_version":
              getattr(presidio_analyzer, "__version__", "?"), "nlp": model, "score_threshold": threshold}
    return predict, config


def benchmark_presidio(records: Sequence[LabelledText], entities: Iterable[str], threshold: float = 0.0,
                       model: str | None = None) -> BenchmarkResult:
    """Precision/recall per entity type of Presidio as shipped, scored like guard's scanner."""
    predict, config = presidio_as_is(threshold, model)
    return evaluate_spans(predict, records, entities, config=config)


def comparison(results: dict[str, BenchmarkResult]) -> list[dict[str, Any]]:
    """One row per entity type with each scanner's recall and precision side by side, e.g.
    ``comparison({"guard": g, "presidio": p})`` → ``[{"entity", "n", "guard_recall", ...}]``."""
    names = sorted({e for r in results.values() for e, sc in r.per_entity.items() if sc.n_gold or sc.n_pred})
    rows = []
    for entity in names:
        row: dict[str, Any] = {"entity": entity}
        for label, result in results.items():
            sc = result.per_entity.get(entity, EntityScore(entity))
            row["n"] = max(row.get("n", 0), sc.n_gold)
            row[f"{label}_recall"], row[f"{label}_precision"] = _round(sc.recall), _round(sc.precision)
        rows.append(row)
    return rows


def comparison_text(results: dict[str, BenchmarkResult], title: str = "") -> str:
    """``comparison`` as a plain-text table (recall / precision per scanner)."""
    labels = list(results)

    def fmt(x: float | None) -> str:
        return "   —  " if x is None else f"{x:6.3f}"

    lines = [title] if title else []
    lines.append(f"{'entity':<18} {'n':>5}  " + "  ".join(f"{lbl[:15]:>15} R / P" for lbl in labels))
    for row in comparison(results):
        lines.append(f"{row['entity']:<18} {row['n']:>5}  " + "  ".join(
            f"{fmt(row[f'{lbl}_recall'])} / {fmt(row[f'{lbl}_precision'])}" for lbl in labels))
    return "\n".join(lines)


def quality_table(result: BenchmarkResult) -> dict[str, dict[str, Any]]:
    """The per-entity numbers an evaluator attaches to a leakage result: recall, precision, n."""
    return {k: {"recall": _round(v.recall), "precision": _round(v.precision), "n": v.n_gold}
            for k, v in sorted(result.per_entity.items()) if v.n_gold}
