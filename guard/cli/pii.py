"""``guard pii``: the PII scanner's own quality, measured on a labelled set of spans."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from guard.cli._app import app, err, guarded, out, say
from guard.errors import GuardError
from guard.report._format import terminal_text

pii_app = typer.Typer(help="The PII scanner: detector quality per entity type.", no_args_is_help=True)
app.add_typer(pii_app, name="pii")


def _fmt(x: float | None) -> str:
    return "—" if x is None else f"{x:.3f}"


@pii_app.command("benchmark")
@guarded
def benchmark_cmd(
    data: Annotated[Path, typer.Option("--data", help="presidio_synth's JSON (a file, or its directory).")],
    entities: Annotated[list[str], typer.Option(
        "--entities", help="Entity types to scan for (repeat, or comma-separated); default: all.")] = [],  # noqa: B006
    threshold: Annotated[float, typer.Option("--threshold", help="Score threshold for a finding.")] = 0.5,
    model: Annotated[str, typer.Option(
        "--model",
        help="NER model: a spaCy package, 'transformers:DIR_OR_HUB_ID', or 'none' (regex-only); "
             "default $GUARD_PII_NER or spaCy's small English model.")] = "default",
    out_path: Annotated[Path | None, typer.Option("--out", help="Write the result as JSON here.")] = None,
    write_quality: Annotated[bool, typer.Option(
        "--write-quality", help="Also measure this scanner on every labelled set guard ships and store the "
        "record as the scanner's quality file (what scanner_recall_min/precision_min report).")] = False,
    recognizers: Annotated[Path | None, typer.Option(
        "--recognizers", help="A YAML file of your own recognizers (patterns, context words, checksums, "
        "deny-lists), also used by the PII evaluators through GUARD_PII_RECOGNIZERS.")] = None,
    presidio: Annotated[bool, typer.Option(
        "--presidio", help="Also run Presidio as shipped (BatchAnalyzerEngine, every predefined recognizer, "
        "score threshold 0, the same spaCy model) on the same texts and print both side by side, per entity "
        "type: checks 'never below Presidio' on your own data.")] = False,
) -> None:
    """Precision and recall of the PII scanner per entity type (span overlap, same type).

    Example: guard pii benchmark --data ../shared/data/presidio_synth --out pii-quality.json
    """
    from guard.pii.benchmark import benchmark, load_presidio_synth

    if not 0.0 <= threshold <= 1.0:
        raise GuardError(f"--threshold {threshold} is not in [0, 1]")
    names = [e.strip() for item in entities for e in item.split(",") if e.strip()] or None
    records = load_presidio_synth(data)
    try:
        from guard.pii.scanner import get_scanner
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise GuardError(f"the PII scanner needs the 'pii' extra ({exc.name} is missing)",
                         hint="pip install 'rai-guard[pii]'") from None
    with err.status("loading the PII scanner"):
        scanner = get_scanner(entities=names, score_threshold=threshold, nlp=model,
                              recognizers=str(recognizers) if recognizers is not None else "default")
    for warning in scanner.warnings:
        say(f"WARNING: {warning}", console=err, style="bold red")
    with err.status(f"scanning {len(records)} texts"):
        result = benchmark(scanner, records)
    payload = result.as_dict()
    payload["data"] = str(data)
    payload["warnings"] = list(scanner.warnings)

    title = f"PII scanner on {data} ({result.n_texts} texts; span overlap, same entity type)"
    table = Table(title=terminal_text(title), title_justify="left")
    for column in ("entity", "precision", "recall", "F1", "gold spans", "predicted"):
        table.add_column(column, justify="left" if column == "entity" else "right")
    for name, sc in sorted(result.per_entity.items()):
        cells = (name, _fmt(sc.precision), _fmt(sc.recall), _fmt(sc.f1), str(sc.n_gold), str(sc.n_pred))
        table.add_row(*(terminal_text(cell) for cell in cells))
    table.add_row("overall", _fmt(result.overall_precision), _fmt(result.overall_recall), "", "", "")
    out.print(table)
    if result.not_scanned:
        say("not scanned (no entity type for these labels): "
            + ", ".join(f"{k} ({v})" for k, v in sorted(result.not_scanned.items())))
    say(f"{payload['texts_per_second']} texts/s")
    if presidio:
        # Presidio runs on a spaCy model: the scanner's own, else (regex-only, transformers) spaCy's small one.
        spacy_model = scanner.model if type(scanner.nlp_engine).__name__ == "SpacyNlpEngine" else None
        _compare_with_presidio(result, records, payload, spacy_model)
    if out_path:
        out_path.parent.mkdir(parents=True, exist_ok=True)
        out_path.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
        say(f"result: {out_path}")
    if write_quality:
        from guard.pii import quality

        # Every set guard ships (each with its first, unseen measurement in its history), one record in the multi-set
        # format: a single-set record would claim more than it measured.
        sets = quality.default_sets()
        with err.status(f"measuring on {len(sets)} labelled sets"):
            ours, theirs = quality.run_sets(scanner, sets, presidio=False)
        say(f"quality: {quality.write(quality.record(scanner, sets, ours, theirs))}")


def _compare_with_presidio(result: Any, records: list[Any], payload: dict[str, Any], model: str | None) -> None:
    """Presidio as shipped on the same texts, side by side with guard's scanner (recall / precision)."""
    from guard.pii.benchmark import benchmark_presidio, comparison

    entities = list(result.config.get("entities", []))
    with err.status(f"running Presidio as shipped on {len(records)} texts"):
        theirs = benchmark_presidio(records, entities, threshold=0.0, model=model)
    rows = comparison({"guard": result, "presidio": theirs})
    table = Table(title=terminal_text("guard vs Presidio as shipped (same texts; recall / precision)"),
                  title_justify="left")
    for column in ("entity", "gold spans", "guard R / P", "Presidio R / P", "recall vs Presidio"):
        table.add_column(column, justify="left" if column == "entity" else "right")
    below = []
    for row in rows:
        ours, theirs_r = row["guard_recall"], row["presidio_recall"]
        verdict = "—" if ours is None or theirs_r is None else ("below" if ours < theirs_r else "at or above")
        if verdict == "below":
            below.append(row["entity"])
        table.add_row(*(terminal_text(c) for c in (
            row["entity"], str(row["n"]), f"{_fmt(ours)} / {_fmt(row['guard_precision'])}",
            f"{_fmt(theirs_r)} / {_fmt(row['presidio_precision'])}", verdict)))
    out.print(table)
    payload["presidio_as_is"] = {**theirs.as_dict(), "comparison": rows, "recall_below_presidio": below}
    say("recall below Presidio's on: " + ", ".join(below) if below else "recall at or above Presidio's on every type")
