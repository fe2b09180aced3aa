"""Registry verbs of the command line: register, history, approve, waive, gate, audit."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from guard.cli import _guarded, app, err, out
from guard.errors import GuardError

audit_app = typer.Typer(help="The tamper-evident audit log.", no_args_is_help=True)
app.add_typer(audit_app, name="audit")

RegistryOption = Annotated[
    str | None, typer.Option("--registry", help="Registry URL (else GUARD_REGISTRY, else sqlite:///.guard/registry.db).")
]
ActorOption = Annotated[str | None, typer.Option("--actor", help="Who is acting (else GUARD_ACTOR, else user@host).")]


def _store(url: str | None, *, create: bool = False):
    """The registry; only verbs that register something may create one (a typo never makes a new file)."""
    from guard.registry import open_registry

    return open_registry(url, create=create)


def _when(value: datetime | None) -> str:
    return value.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC") if value else "—"


def _parse_expiry(text: str) -> datetime:
    """An ISO date/time, or a duration such as 30d / 12h."""
    from datetime import timedelta

    text = text.strip()
    if text[-1:] in ("d", "h") and text[:-1].isdigit():
        amount = int(text[:-1])
        try:
            return datetime.now(timezone.utc) + (timedelta(days=amount) if text.endswith("d") else timedelta(hours=amount))
        except OverflowError:
            raise GuardError(f"--expires '{text}' is too far in the future", hint="e.g. 30d or 2027-01-31") from None
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        raise GuardError(f"--expires '{text}' is not an ISO date or a duration", hint="e.g. 2027-01-31 or 30d") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


@app.command()
@_guarded
def register(
    name: Annotated[str, typer.Argument(help="Model name, e.g. sentiment.")],
    model: Annotated[str, typer.Argument(help="Model spec, e.g. hf:models/sentiment-v3.")],
    version: Annotated[int | None, typer.Option("--version", min=1, help="Version number (default: next).")] = None,
    registry: RegistryOption = None,
    actor: ActorOption = None,
    trust_pickle: Annotated[bool, typer.Option("--trust-pickle")] = False,
) -> None:
    """Register a model version with the fingerprint of its files.

    Example: guard register sentiment hf:models/sentiment-v3
    """
    from guard.release import register as register_version

    store = _store(registry, create=True)
    before = {v.version for v in _versions_or_none(store, name)}
    registered = register_version(store, name, model, version=version, actor=actor, trust_pickle=trust_pickle)
    if registered.version in before:
        out.print(f"already registered: {registered.ref} is this artifact  {registered.fingerprint}", markup=False,
                  highlight=False)
        return
    out.print(f"registered {registered.ref}  {registered.fingerprint}", markup=False, highlight=False)


def _versions_or_none(store, name: str) -> list:
    from guard.registry import RegistryError

    try:
        return store.list_versions(name)
    except RegistryError:
        return []


@app.command()
@_guarded
def history(
    name: Annotated[str, typer.Argument(help="Model name.")],
    registry: RegistryOption = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="Most recent runs to show.")] = 20,
) -> None:
    """Versions, aliases, evaluation runs and alias moves of a model.

    Example: guard history sentiment
    """
    store = _store(registry)
    versions = store.list_versions(name)
    aliases = store.aliases(name)
    by_version: dict[int, list[str]] = {}
    for alias, target in aliases.items():
        by_version.setdefault(target, []).append(alias)
    table = Table(title=f"model '{name}': versions", title_justify="left")
    for column in ("version", "aliases", "spec", "fingerprint", "registered", "by"):
        table.add_column(column, overflow="fold")
    for v in versions:
        table.add_row(str(v.version), ", ".join(sorted(by_version.get(v.version, []))), v.spec, v.fingerprint[:19] + "…",
                      _when(v.created_at), v.created_by)
    out.print(table)
    runs = Table(title="evaluation runs", title_justify="left")
    for column in ("run", "version", "status", "suite", "policy", "verdict", "started", "by"):
        runs.add_column(column, overflow="fold")
    for r in store.list_runs(name, limit=limit):
        runs.add_row(str(r.id), str(r.version), r.status, r.suite_name, r.policy_name or "—", r.verdict or "—",
                     _when(r.started_at), r.created_by)
    out.print(runs)
    moves = Table(title="alias history", title_justify="left")
    for column in ("when", "alias", "from", "to", "run", "by", "why"):
        moves.add_column(column, overflow="fold")
    for m in store.alias_history(name):
        moves.add_row(_when(m.moved_at), m.alias, str(m.previous_version or "—"), str(m.version or "—"),
                      str(m.run_id or "—"), m.moved_by, m.reason)
    out.print(moves)


@app.command()
@_guarded
def gate(
    ref: Annotated[str, typer.Argument(help="NAME@VERSION")],
    policy: Annotated[str, typer.Option("--policy", help="Policy the version must pass (its exact file content).")],
    to: Annotated[str, typer.Option("--to", help="Alias to move, e.g. production.")],
    reason: Annotated[str, typer.Option("--reason", help="Why (recorded in the alias history).")] = "",
    registry: RegistryOption = None,
    actor: ActorOption = None,
    junit: Annotated[Path | None, typer.Option("--junit", help="Write the verdict as JUnit XML.")] = None,
    markdown: Annotated[Path | None, typer.Option("--markdown", help="Write the verdict as Markdown.")] = None,
) -> None:
    """Move an alias to a version if its latest run under this policy passes; else exit 1 with reasons.

    Example: guard gate sentiment@3 --policy policies/default.yaml --to production
    """
    from guard.cli import _check_outputs, _emit_verdict
    from guard.policy import load_policy
    from guard.release import gate as run_gate

    _check_outputs(junit=junit, markdown=markdown)
    loaded = load_policy(policy)
    decision = run_gate(_store(registry), ref, loaded, to, actor=actor, reason=reason)
    if decision.verdict is not None:
        _emit_verdict(decision.verdict, junit, markdown)
    for line in decision.reasons:
        out.print(f"- {line}", markup=False, highlight=False)
    if decision.outcome == "moved":
        previous = decision.move.previous_version if decision.move else None
        waived = f"; failing rules waived: {', '.join(decision.waived_rules)}" if decision.waived_rules else ""
        out.print(f"MOVED: {to} -> {decision.ref} (was {previous or 'unset'}); run {decision.run_id}{waived}", markup=False)
    else:
        out.print(f"{decision.outcome.upper()}: {to} stays where it was", markup=False)
    raise typer.Exit(decision.exit_code)


@app.command()
@_guarded
def approve(
    ref: Annotated[str, typer.Argument(help="NAME@VERSION")],
    reason: Annotated[str, typer.Option("--reason", help="What was reviewed and why it is acceptable.")],
    expires: Annotated[str | None, typer.Option("--expires", help="ISO date or duration (30d).")] = None,
    registry: RegistryOption = None,
    actor: ActorOption = None,
) -> None:
    """Record a reviewer's sign-off on a version.

    Example: guard approve sentiment@3 --reason "reviewed bias findings with legal"
    """
    from guard.release import approve as record

    approval = record(_store(registry), ref, reason=reason, actor=actor,
                      expires_at=_parse_expiry(expires) if expires else None)
    out.print(f"approval {approval.id} recorded for {ref} by {approval.approver}", markup=False)


@app.command()
@_guarded
def waive(
    ref: Annotated[str, typer.Argument(help="NAME@VERSION")],
    rule: Annotated[list[str], typer.Option("--rule", help="Rule id to waive (repeatable).")],
    policy: Annotated[str, typer.Option("--policy", help="The policy the rules belong to.")],
    reason: Annotated[str, typer.Option("--reason", help="Why the residual risk is accepted.")],
    expires: Annotated[str, typer.Option("--expires", help="ISO date or duration (30d); waivers always expire.")],
    registry: RegistryOption = None,
    actor: ActorOption = None,
) -> None:
    """Accept failing blocking rules for one version until an expiry.

    Example: guard waive sentiment@3 --rule latency-p95 --policy policies/default.yaml --reason "batch use only" --expires 30d
    """
    from guard.policy import load_policy
    from guard.release import waive as record

    waiver = record(_store(registry), ref, rule_ids=rule, policy=load_policy(policy), reason=reason,
                    expires_at=_parse_expiry(expires), actor=actor)
    out.print(f"waiver {waiver.id} for {ref}: {', '.join(waiver.rule_ids)} until {_when(waiver.expires_at)}", markup=False)


@audit_app.command("verify")
@_guarded
def audit_verify(
    registry: RegistryOption = None,
    expect_head: Annotated[str | None, typer.Option(
        "--expect-head", help="SEQ:HASH saved earlier (guard audit head): fail unless the chain still extends it.")] = None,
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
    result = _store(registry).verify_audit(expect_head=expected)
    if result.ok:
        parts = [f"audit chain intact: {result.events} events", f"{result.rows} rows bound"]
        if result.unbound_before_migration:
            parts.append(f"rows unbound before migration: {result.unbound_before_migration}")
        if result.key_used:
            parts.append(f"{result.keyed} events keyed (HMAC verified)")
        if expected is not None:
            parts.append(f"extends the saved head {expected[0]}")
        out.print("; ".join(parts), markup=False, highlight=False)
        return
    if result.first_broken_seq is not None:
        err.print(f"audit chain BROKEN at event {result.first_broken_seq}: {result.reason}", markup=False, highlight=False)
    else:
        more = f" (and {result.row_problem_count - 1} more)" if result.row_problem_count > 1 else ""
        err.print(f"audit chain intact ({result.events} events) but the registry does NOT match it: "
                  f"{result.reason}{more}", markup=False, highlight=False)
        for line in result.row_problems[1:]:
            err.print(f"  {line}", markup=False, highlight=False)
    raise typer.Exit(1)


@audit_app.command("head")
@_guarded
def audit_head(registry: RegistryOption = None) -> None:
    """Print the chain's head as SEQ:HASH, to keep outside the registry (a CI log, a ticket, a store).

    Example: guard audit head >> audit-heads.txt; later: guard audit verify --expect-head "$(tail -1 audit-heads.txt)"
    """
    seq, digest = _store(registry).audit_head()
    out.print(f"{seq}:{digest}", markup=False, highlight=False, soft_wrap=True)


@audit_app.command("log")
@_guarded
def audit_log(
    registry: RegistryOption = None,
    limit: Annotated[int, typer.Option("--limit", min=1)] = 50,
) -> None:
    """The most recent audit events.

    Example: guard audit log --limit 20
    """
    events = _store(registry).audit_events()[-limit:]
    table = Table(title="audit log", title_justify="left")
    for column in ("seq", "when", "actor", "action", "subject", "hash"):
        table.add_column(column, overflow="fold")
    for e in events:
        table.add_row(str(e.seq), _when(e.at), e.actor, e.action, e.subject, e.hash[:16] + "…")
    out.print(table)
