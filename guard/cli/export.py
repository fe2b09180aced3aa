"""``guard export``: a run or a version of the registry as a self-contained HTML compliance report."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from guard.cli._app import RegistryOption, app, guarded, open_store, say
from guard.errors import GuardError


@app.command()
@guarded
def export(
    target: Annotated[str, typer.Argument(help="RUN_ID (a number) or NAME@VERSION.")],
    html: Annotated[Path, typer.Option("--html", help="Write the HTML report here (replaced atomically).")],
    registry: RegistryOption = None,
    include_raw: Annotated[bool, typer.Option(
        "--include-raw-evidence",
        help="Include evidence stored unredacted (--store-raw-evidence); withheld from the export otherwise.")] = False,
) -> None:
    """Export a run or a version as one HTML file: verdict, rules, evidence, fingerprints, audit state.

    Example: guard export sentiment@3 --html reports/sentiment-3.html
    """
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
    written = write_text_atomic(html, document)
    say(f"wrote {written}")
