"""``guard pii``: the PII scanner's own quality, measured on a labelled set of spans."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

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
    if out_path:
        out_path.parent.mkdir(parents=True, exist_ok=True)
        out_path.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
        say(f"result: {out_path}")
    if write_quality:
        from guard.pii import quality

        # Every set guard ships (the tuned ones and the held-apart one), one record in the multi-set
        # format: a single-set record would claim more than it measured.
        sets = quality.default_sets()
        with err.status(f"measuring on {len(sets)} labelled sets"):
            ours, theirs = quality.run_sets(scanner, sets, presidio=False)
        say(f"quality: {quality.write(quality.record(scanner, sets, ours, theirs))}")
