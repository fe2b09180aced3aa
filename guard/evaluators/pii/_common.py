"""What the PII evaluators share: entity names, the scanner (loaded lazily), keyed hashes,
the scanner's measured quality, rates with honest intervals, and data files named by params."""

from __future__ import annotations

import hashlib
import hmac
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Literal

import numpy as np

from guard import resources, stats
from guard.errors import GuardError, did_you_mean
from guard.evaluators.base import MetricSpec
from guard.types import Finding, MetricValue

# Presidio's predefined recognizers; used to check entity names when guard.pii cannot be imported.
PRESIDIO_ENTITIES: tuple[str, ...] = (
    "AU_ABN", "AU_ACN", "AU_MEDICARE", "AU_TFN", "CREDIT_CARD", "CRYPTO", "DATE_TIME", "EMAIL_ADDRESS",
    "ES_NIE", "ES_NIF", "FI_PERSONAL_IDENTITY_CODE", "IBAN_CODE", "IN_AADHAAR", "IN_PAN", "IN_PASSPORT",
    "IN_VEHICLE_REGISTRATION", "IN_VOTER", "IP_ADDRESS", "IT_DRIVER_LICENSE", "IT_FISCAL_CODE",
    "IT_IDENTITY_CARD", "IT_PASSPORT", "IT_VAT_CODE", "LOCATION", "MEDICAL_LICENSE", "NRP", "ORGANIZATION", "PERSON",
    "PHONE_NUMBER", "PL_PESEL", "SG_NRIC_FIN", "SG_UEN", "UK_NHS", "UK_NINO", "URL", "US_BANK_NUMBER",
    "US_DRIVER_LICENSE", "US_ITIN", "US_PASSPORT", "US_SSN",
)
DIRECT_IDENTIFIERS: tuple[str, ...] = (
    "EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "US_SSN", "IP_ADDRESS",
)
"""Entities that identify a person (or their account) on their own; the default entity set."""

SHOW = 300  # characters of redacted context a finding shows

SCANNER_QUALITY_METRICS = (
    MetricSpec("scanner_recall_min", 0, 1, higher_is_better=True,
               description="Lowest measured recall of the PII scanner over the entity types and its labelled "
               "sets (the set and span count in ci_method; not a sample of this run)."),
    MetricSpec("scanner_precision_min", 0, 1, higher_is_better=True,
               description="Lowest measured precision of the PII scanner over the entity types and its labelled "
               "sets (the set and span count in ci_method; not a sample of this run)."),
)
"""What pii.output and pii.dataset report about the scanner itself, next to their own rates."""


def supported_entities() -> tuple[str, ...]:
    """Entity types the installed scanner knows; Presidio's names when guard.pii is absent."""
    try:
        import guard.pii as pii
    except ImportError:
        return PRESIDIO_ENTITIES
    for name in ("SUPPORTED_ENTITIES", "ENTITIES", "supported_entities"):
        found = getattr(pii, name, None)
        if callable(found):
            found = found()
        if found:
            return tuple(found) + _custom_entities()
    return PRESIDIO_ENTITIES + _custom_entities()


def _custom_entities() -> tuple[str, ...]:
    """The types the user's own recognizers add (``GUARD_PII_RECOGNIZERS``), if guard.pii is there."""
    try:
        from guard.pii.custom import custom_entities
    except ImportError:
        return ()
    return custom_entities()


def check_entities(entities: Sequence[str] | None) -> list[str] | None:
    """``entities`` if every name is known; else a ValueError naming the first unknown one."""
    if entities is None:
        return None
    if not entities:
        raise ValueError("entities is empty; leave it out to scan for the direct identifiers")
    known = supported_entities()
    for entity in entities:
        if entity not in known:
            hint = did_you_mean(entity, known) or "see the PII scanner's supported entities"
            raise ValueError(f"unknown PII entity type '{entity}' ({hint})")
    if len(set(entities)) != len(entities):
        raise ValueError("entities lists an entity type twice")
    return list(entities)


def load_scanner(entities: Sequence[str], score_threshold: float) -> Any:
    """The PII scanner of ``guard.pii`` for ``entities`` (imported here, when a task runs)."""
    try:
        from guard.pii import get_scanner
    except ImportError as exc:
        raise GuardError(
            f"the PII scanner is not available ({exc})", hint="install guard's PII extra (Presidio and a spaCy model)"
        ) from None
    return get_scanner(entities=list(entities), score_threshold=score_threshold)


def keyed_hash(value: str) -> str:
    """A keyed hash of ``value`` for de-duplication without revealing it (guard.pii's, if present)."""
    try:
        from guard.pii import keyed_hash as scanner_hash
    except ImportError:
        key = os.environ.get("GUARD_PII_HASH_KEY", "guard-pii").encode()
        return "hmac-sha256:" + hmac.new(key, value.encode(), hashlib.sha256).hexdigest()[:16]
    return scanner_hash(value)


def default_entities(entities: Sequence[str] | None) -> list[str]:
    """``entities``, else the direct identifiers and the types of the user's own recognizers."""
    return list(entities) if entities else list(DIRECT_IDENTIFIERS) + list(_custom_entities())


def scanner_quality(scanner: Any, entities: Sequence[str]) -> tuple[MetricValue | None, Finding]:
    """``scanner_recall_min`` and the per-type finding (see ``scanner_quality_metrics``)."""
    metrics, finding = scanner_quality_metrics(scanner, entities)
    return metrics.get("scanner_recall_min"), finding


def _measured_min(measured: dict[str, dict[str, Any]], key: str, count_key: str, unit: str) -> MetricValue | None:
    """The lowest ``key`` (recall or precision) over the entity types, as a measured number: the
    interval is the point (it is not a sample of this run); ``n`` and ``ci_method`` say what set and
    how many spans it stands on."""
    have = {e: q for e, q in measured.items() if q.get(key) is not None}
    if not have:
        return None
    worst = min(have, key=lambda e: float(have[e][key]))
    q = have[worst]
    n = int(q.get(count_key) or q.get("n") or 0)
    where = q.get(f"{key}_set") or "the scanner's labelled set"
    sets = sorted({str(v.get(f"{key}_set")) for v in have.values() if v.get(f"{key}_set")})
    method = (f"measured on {where}, n={n} {worst} {unit}; lowest of {len(have)} entity types"
              + (f" over {len(sets)} sets ({', '.join(sets)})" if len(sets) > 1 else "")
              + "; a property of the scanner, not a sample of this run (no sampling interval)")
    return stats.exact(float(q[key]), n=max(n, 1), higher_is_better=True, method=method)


def scanner_quality_metrics(scanner: Any, entities: Sequence[str]) -> tuple[dict[str, MetricValue], Finding]:
    """``scanner_recall_min`` and ``scanner_precision_min`` — the lowest measured recall and precision
    over ``entities`` and over the scanner's labelled sets — and the per-type ``scanner_quality`` finding.

    A metric is left out when no requested entity has that measurement, so a rule on it is
    inconclusive instead of passing on an unmeasured scanner.
    """
    quality_fn = getattr(scanner, "scanner_quality", None)
    if quality_fn is None:
        try:
            from guard.pii import scanner_quality as quality_fn
        except ImportError:
            quality_fn = None
    problem = "" if quality_fn is not None else "the scanner does not report its quality"
    try:
        quality: dict[str, dict[str, Any]] = dict(quality_fn()) if quality_fn is not None else {}
    except GuardError as exc:  # no measurement: the metrics are left out, so rules on them are inconclusive
        quality, problem = {}, exc.one_line()
    measured = {e: quality[e] for e in entities if e in quality and quality[e].get("recall") is not None}
    unmeasured = [e for e in entities if e not in measured]
    metrics: dict[str, MetricValue] = {}
    recall = _measured_min(measured, "recall", "n", "gold spans")
    if recall is not None:
        metrics["scanner_recall_min"] = recall
    precision = _measured_min(measured, "precision", "precision_n", "predicted spans")
    if precision is not None:
        metrics["scanner_precision_min"] = precision

    def _describe(e: str, q: dict[str, Any]) -> str:
        where = f", {q['recall_set']}" if q.get("recall_set") else ""
        text = f"{e} recall {q['recall']:.2f} (n={q.get('n', '?')}{where})"
        if q.get("precision") is not None:
            text += (f", precision {q['precision']:.2f} (n={q.get('precision_n', '?')}"
                     f"{', ' + q['precision_set'] if q.get('precision_set') else ''})")
        return text

    message = ("scanner quality per entity type (lowest over its labelled sets): "
               + "; ".join(_describe(e, q) for e, q in measured.items())
               if measured else "the scanner's recall is not measured for any requested entity type")
    if unmeasured:
        message += "; not measured: " + ", ".join(unmeasured)
    example: dict[str, Any] = {"measured": measured, "unmeasured": unmeasured}
    if problem:
        message += f" ({problem})"
        example["problem"] = problem
    severity: Literal["info", "medium"] = "info" if not unmeasured else "medium"
    finding = Finding(kind="scanner_quality", severity=severity, message=message, example=example)
    return metrics, finding


def rate(hits: np.ndarray, seed: int, resamples: int) -> MetricValue:
    """Share of positive outputs; ``hits`` is (prompts, samples). Several samples of one prompt are
    not independent: then a bootstrap over prompts (Clopper–Pearson over prompts at 0 or all)."""
    prompts, samples = hits.shape
    events, total = int(hits.sum()), hits.size
    if samples == 1:
        return stats.proportion(events, total, higher_is_better=False)
    if events in (0, total):
        exact = stats.proportion(events // samples, prompts, higher_is_better=False)
        return exact.model_copy(update={"n": total, "ci_method": exact.ci_method + " over prompts"})
    boot = stats.bootstrap(np.mean, [hits.mean(axis=1)], higher_is_better=False, seed=seed, resamples=resamples)
    return boot.model_copy(update={"n": total, "ci_method": boot.ci_method + ", resampling prompts"})


def resolve_file(path: str, base_dir: Path | None) -> Path:
    """A data file named by a param: absolute, relative to the suite file, to the current
    directory, or a file shipped under ``evaluations/`` (``data/pii_probes.jsonl``)."""
    candidate = Path(path).expanduser()
    for option in ([candidate] if candidate.is_absolute() else [*([base_dir / candidate] if base_dir else []),
                                                                candidate]):
        if option.is_file():
            return option
    return resources.resolve(candidate, "evaluations")


def findings_by_entity(findings: Iterable[Any]) -> dict[str, list[Any]]:
    grouped: dict[str, list[Any]] = {}
    for f in findings:
        grouped.setdefault(f.entity_type, []).append(f)
    return grouped


def redacted_example(scanner: Any, text: str, found: Sequence[Any], *, raw: bool) -> dict[str, Any]:
    """A finding's evidence: the text with entity tags, each value's type and keyed hash; the raw
    values only when the user asked for them (``--store-raw-evidence``)."""
    example: dict[str, Any] = {
        "context": scanner.redact(text)[:SHOW],
        "entities": sorted({f.entity_type for f in found}),
        "values": [{"entity": f.entity_type, "hash": keyed_hash(text[f.start:f.end]), "score": round(float(f.score), 3)}
                   for f in found],
    }
    if raw:
        example["raw"] = {"text": text[:SHOW], "values": [text[f.start:f.end] for f in found]}
    return example
