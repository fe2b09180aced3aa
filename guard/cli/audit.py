"""``guard audit``: verify the tamper-evident audit chain, print its head, list its events."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from guard.cli._app import RegistryOption, app, err, format_when, guarded, open_store, out, say
from guard.errors import GuardError
from guard.report._format import terminal_text

audit_app = typer.Typer(help="The tamper-evident audit log.", no_args_is_help=True)
app.add_typer(audit_app, name="audit")


@audit_app.command("verify")
@guarded
def audit_verify(
    registry: RegistryOption = None,
    expect_head: Annotated[str | None, typer.Option(
        "--expect-head",
        help="SEQ:HASH saved earlier (guard audit head): fail unless the chain still extends it.")] = None,
) -> None:
    """Walk the hash chain and check every registry row against it: exit 0 intact, 1 naming what broke.

    With GUARD_AUDIT_KEY set, every event's HMAC is checked too.
    Example: guard audit verify --registry sqlite:///.guard/registry.db --expect-head 42:9f86d0…
    """
    from guard.audit import parse_head

    expected = None
    if expect_head is not None:
        try:
            expected = parse_head(expect_head)
        except ValueError as exc:
            raise GuardError(f"--expect-head: {exc}", hint="copy it from guard audit head") from None
    result = open_store(registry).verify_audit(expect_head=expected)
    if result.ok:
        parts = [f"audit chain intact: {result.events} events", f"{result.rows} rows bound"]
        if result.unbound_before_migration:
            parts.append(f"rows unbound before migration: {result.unbound_before_migration}")
        if result.key_used:
            parts.append(f"{result.keyed} events keyed (HMAC verified)")
        if expected is not None:
            parts.append(f"extends the saved head {expected[0]}")
        say("; ".join(parts))
        return
    if result.first_broken_seq is not None:
        say(f"audit chain BROKEN at event {result.first_broken_seq}: {result.reason}", console=err)
    else:
        more = f" (and {result.row_problem_count - 1} more)" if result.row_problem_count > 1 else ""
        say(f"audit chain intact ({result.events} events) but the registry does NOT match it: "
            f"{result.reason}{more}", console=err)
        for line in result.row_problems[1:]:
            say(f"  {line}", console=err)
    raise typer.Exit(1)


@audit_app.command("head")
@guarded
def audit_head(registry: RegistryOption = None) -> None:
    """Print the chain's head as SEQ:HASH, to keep outside the registry (a CI log, a ticket, a store).

    Example: guard audit head >> audit-heads.txt; later: guard audit verify --expect-head "$(tail -1 audit-heads.txt)"
    """
    seq, digest = open_store(registry).audit_head()
    say(f"{seq}:{digest}", soft_wrap=True)


@audit_app.command("log")
@guarded
def audit_log(
    registry: RegistryOption = None,
    limit: Annotated[int, typer.Option("--limit", min=1)] = 50,
) -> None:
    """The most recent audit events.

    Example: guard audit log --limit 20
    """
    events = open_store(registry).audit_events()[-limit:]
    table = Table(title="audit log", title_justify="left")
    for column in ("seq", "when", "actor", "action", "subject", "hash"):
        table.add_column(column, overflow="fold")
    for e in events:
        cells = (str(e.seq), format_when(e.at), e.actor, e.action, e.subject, e.hash[:16] + "…")
        table.add_row(*(terminal_text(cell) for cell in cells))
    out.print(table)
