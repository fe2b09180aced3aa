"""``guard policy impact``: which versions a policy change would stop (or start) letting through."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from guard.cli._app import RegistryOption, app, guarded, open_store, out, say
from guard.report._format import terminal_text

policy_app = typer.Typer(help="Policies: what a change to one would do.", no_args_is_help=True)
app.add_typer(policy_app, name="policy")


@policy_app.command("impact")
@guarded
def impact(
    policy: Annotated[str, typer.Argument(help="The new policy file (or a built-in name).")],
    alias: Annotated[str | None, typer.Option("--alias", help="Only versions at this alias, e.g. production.")] = None,
    all_versions: Annotated[bool, typer.Option("--all", help="Every version, aliased or not.")] = False,
    registry: RegistryOption = None,
) -> None:
    """Re-judge the stored evidence of every aliased version under NEW_POLICY, without running a model.

    Exit 1 when an aliased version would fail, 2 when one cannot be judged (or on bad input), else 0.
    Example: guard policy impact policies/release-v2.yaml --alias production
    """
    from guard.impact import policy_impact
    from guard.policy import load_policy

    loaded = load_policy(policy)
    result = policy_impact(open_store(registry), loaded, alias=alias, all_versions=all_versions)
    table = Table(title=terminal_text(f"policy '{loaded.name}' ({loaded.sha256[:12]}…) on {result.scope}"),
                  title_justify="left")
    for column in ("version", "aliases", "run", "before", "after", "change", "why"):
        table.add_column(column, overflow="fold")
    for row in result.rows:
        before = f"{row.before or '—'} ({row.before_policy})" if row.before_policy else (row.before or "—")
        why = "; ".join(row.reasons) or (f"waived: {', '.join(row.waived_rules)}" if row.waived_rules else "")
        if row.run_selection:
            why = f"{why} (judged: {row.run_selection})" if why else f"judged: {row.run_selection}"
        cells = (row.ref, ", ".join(row.aliases), str(row.run_id or "—"), before, row.after, row.change, why)
        table.add_row(*(terminal_text(cell) for cell in cells))
    out.print(table)
    counts = {change: len(result.by_change(change)) for change in
              ("stops complying", "starts complying", "cannot judge", "still complies", "still fails")}
    say(", ".join(f"{n} {change}" for change, n in counts.items()) if result.rows else "no version in scope",
        highlight=True)
    raise typer.Exit(result.exit_code)
