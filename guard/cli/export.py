"""``guard export``: a run or a version of the registry as an HTML compliance report, a Hugging Face model
card, or a framework's compliance coverage (HTML or JSON)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from guard.cli._app import RegistryOption, app, guarded, open_store, say
from guard.errors import GuardError


class ExportFormat(str, Enum):
    html = "html"
    json = "json"


def _format(out: Path, given: ExportFormat | None) -> str:
    if given is not None:
        return given.value
    suffix = out.suffix.lower()
    if suffix in (".html", ".htm", ".json"):
        return "json" if suffix == ".json" else "html"
    raise GuardError(f"cannot tell the format of --out {out} from its suffix", hint="give --format html or json")


def _version_ref(target: str, option: str) -> tuple[str, int]:
    from guard.release import parse_ref

    if "@" not in target:
        raise GuardError(f"{option} exports a version: '{target}' is not NAME@VERSION", hint="e.g. sentiment@3")
    return parse_ref(target)


@app.command()
@guarded
def export(
    target: Annotated[str, typer.Argument(help="RUN_ID (a number) or NAME@VERSION.")],
    html: Annotated[Path | None, typer.Option("--html", help="Write the HTML evidence report here.")] = None,
    model_card: Annotated[Path | None, typer.Option(
        "--model-card", help="Write a Hugging Face model card (README.md) with model-index results here.")] = None,
    update: Annotated[Path | None, typer.Option(
        "--update", help="Merge guard's section and model-index results into this existing model card.")] = None,
    compliance: Annotated[str | None, typer.Option(
        "--compliance", help="Compliance coverage against eu-ai-act, nist-ai-rmf or iso-42001 (with --out).")] = None,
    out: Annotated[Path | None, typer.Option("--out", help="With --compliance: write the coverage here.")] = None,
    export_format: Annotated[ExportFormat | None, typer.Option(
        "--format", help="With --compliance: html or json (default: from the --out suffix).")] = None,
    registry: RegistryOption = None,
    include_raw: Annotated[bool, typer.Option(
        "--include-raw-evidence",
        help="Include evidence stored unredacted (--store-raw-evidence); withheld from the export otherwise.")] = False,
) -> None:
    """Export a run or a version: HTML evidence report, Hugging Face model card, or compliance coverage.

    Example: guard export sentiment@3 --html reports/sentiment-3.html
    Example: guard export sentiment@3 --model-card README.md
    Example: guard export sentiment@3 --compliance eu-ai-act --out coverage.html
    """
    from guard.report import check_writable

    modes = [flag for flag, given in (("--html", html), ("--model-card", model_card), ("--update", update),
                                      ("--compliance", compliance)) if given is not None]
    if len(modes) != 1:
        raise GuardError("give one of --html, --model-card, --update or --compliance"
                         + (f" (got {', '.join(modes)})" if modes else ""), hint="e.g. guard export m@1 --html m.html")
    if (out is not None or export_format is not None) and compliance is None:
        raise GuardError("--out and --format go with --compliance", hint="the HTML report is written with --html")
    if compliance is not None:
        from guard.compliance.catalogue import check_framework

        check_framework(compliance)
        if out is None:
            raise GuardError("--compliance needs --out FILE (.html or .json)")
        check_writable(out, "--out")
        kind = _format(out, export_format)
        _export_compliance(target, compliance, out, kind, registry)
        return
    if model_card is not None or update is not None:
        destination = model_card if model_card is not None else update
        assert destination is not None
        option = "--model-card" if model_card is not None else "--update"
        check_writable(destination, option)
        existing = None
        if update is not None:
            if not update.is_file():
                raise GuardError(f"--update {update}: no such model card", hint="write a new one with --model-card")
            existing = update.read_text(encoding="utf-8")
        _export_card(target, option, destination, existing, registry)
        return
    assert html is not None
    check_writable(html, "--html")
    _export_html(target, html, registry, include_raw)


def _export_html(target: str, html: Path, registry: str | None, include_raw: bool) -> None:
    from guard.release import parse_ref
    from guard.report import export_run_html, export_version_html, write_text_atomic

    store = open_store(registry)
    try:
        if target.strip().isdigit():
            document = export_run_html(store, int(target), include_raw=include_raw)
        elif "@" in target:
            document = export_version_html(store, *parse_ref(target), include_raw=include_raw)
        else:
            raise GuardError(f"'{target}' is neither a run id nor NAME@VERSION", hint="e.g. 12 or sentiment@3")
    finally:
        store.close()
    say(f"wrote {write_text_atomic(html, document)}")


def _export_card(target: str, option: str, destination: Path, existing: str | None, registry: str | None) -> None:
    from guard.report import write_text_atomic
    from guard.report.model_card import model_card

    name, version = _version_ref(target, option)
    store = open_store(registry)
    try:
        text = model_card(store, name, version, existing=existing)
    finally:
        store.close()
    say(f"wrote {write_text_atomic(destination, text)}")


def _export_compliance(target: str, framework: str, out: Path, kind: str, registry: str | None) -> None:
    from guard.compliance import coverage
    from guard.compliance.render import coverage_html, coverage_json
    from guard.report import write_text_atomic

    name, version = _version_ref(target, "--compliance")
    store = open_store(registry)
    try:
        cov = coverage(store, name, version, framework)
    finally:
        store.close()
    text = coverage_json(cov) if kind == "json" else coverage_html(cov)
    without = len(cov.without_evidence)
    say(f"wrote {write_text_atomic(out, text)} ({len(cov.controls)} controls of {framework}, "
        f"{without} without evidence)")
