"""Registry verbs of the command line: register, history, gate, approve, waive."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from guard.cli._app import (
    ActorOption,
    RegistryOption,
    app,
    check_outputs,
    emit_verdict,
    format_when,
    guarded,
    open_store,
    out,
    say,
)
from guard.errors import GuardError
from guard.report._format import terminal_text


def _parse_expiry(text: str) -> datetime:
    """An ISO date/time, or a duration such as 30d / 12h."""
    from datetime import timedelta

    text = text.strip()
    if text[-1:] in ("d", "h") and text[:-1].isdigit():
        amount = int(text[:-1])
        try:
            delta = timedelta(days=amount) if text.endswith("d") else timedelta(hours=amount)
            return datetime.now(timezone.utc) + delta
        except OverflowError:
            raise GuardError(f"--expires '{text}' is too far in the future", hint="e.g. 30d or 2027-01-31") from None
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        raise GuardError(f"--expires '{text}' is not an ISO date or a duration",
                         hint="e.g. 2027-01-31 or 30d") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


@app.command()
@guarded
def register(
    name: Annotated[str, typer.Argument(help="Model name, e.g. sentiment.")],
    model: Annotated[str, typer.Argument(help="Model spec, e.g. hf:models/sentiment-v3.")],
    version: Annotated[int | None, typer.Option("--version", min=1, help="Version number (default: next).")] = None,
    registry: RegistryOption = None,
    actor: ActorOption = None,
    trust_pickle: Annotated[bool, typer.Option("--trust-pickle")] = False,
    parent: Annotated[str | None, typer.Option("--parent", help="NAME@VERSION this version derives from.")] = None,
    description: Annotated[str, typer.Option("--description", help="What this version is.")] = "",
    training_data: Annotated[list[str] | None, typer.Option(
        "--training-data", help="NAME=sha256:HEX or NAME=FILE (fingerprinted) of data it was trained on; repeatable."
    )] = None,
) -> None:
    """Register a model version with the fingerprint of its files (and, optionally, its lineage).

    Example: guard register sentiment hf:models/sentiment-v3 --parent sentiment@2 --training-data sst2=data/train.csv
    """
    from guard.registry.entities import Lineage
    from guard.release import parse_ref
    from guard.release import register as register_version

    if parent is not None:
        parse_ref(parent)
    lineage = Lineage(description=description, parent=parent.strip() if parent else None,
                      training_data=[_training_data(item) for item in training_data or []])
    store = open_store(registry, create=True)
    before = {v.version for v in _versions_or_none(store, name)}
    registered = register_version(store, name, model, version=version, actor=actor, trust_pickle=trust_pickle,
                                  lineage=lineage)
    if registered.version in before:
        say(f"already registered: {registered.ref} is this artifact  {registered.fingerprint}")
        return
    say(f"registered {registered.ref}  {registered.fingerprint}")


def _training_data(item: str):
    """``NAME=sha256:HEX`` (a declared hash) or ``NAME=FILE`` (the file's bytes hashed here)."""
    import hashlib
    import re

    from guard.registry.entities import TrainingData

    name, sep, value = item.partition("=")
    if not sep or not re.match(r"^[A-Za-z0-9][\w.\-/]{0,199}$", name.strip()) or not value.strip():
        raise GuardError(f"--training-data '{item}' is not NAME=SHA256 or NAME=FILE",
                         hint="e.g. --training-data sst2=sha256:9f86d0… or --training-data sst2=data/train.csv")
    value = value.strip()
    declared = re.fullmatch(r"(sha256:)?([0-9a-fA-F]{64})", value)
    if declared:
        return TrainingData(name=name.strip(), sha256="sha256:" + declared[2].lower())
    path = Path(value)
    if not path.is_file():
        raise GuardError(f"--training-data {name}: '{value}' is neither a sha256 nor a file",
                         hint="a directory is not fingerprinted: give its archive, or declare sha256:HEX")
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return TrainingData(name=name.strip(), sha256="sha256:" + digest.hexdigest(), source=str(path))


def _versions_or_none(store, name: str) -> list:
    from guard.registry import RegistryError

    try:
        return store.list_versions(name)
    except RegistryError:
        return []


def _table(title: str, columns: tuple[str, ...]) -> Table:
    table = Table(title=terminal_text(title), title_justify="left")
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


@app.command()
@guarded
def history(
    name: Annotated[str, typer.Argument(help="Model name.")],
    registry: RegistryOption = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="Most recent runs to show.")] = 20,
) -> None:
    """Versions, aliases, evaluation runs and alias moves of a model.

    Example: guard history sentiment
    """
    store = open_store(registry)
    versions = store.list_versions(name)
    aliases = store.aliases(name)
    by_version: dict[int, list[str]] = {}
    for alias, target in aliases.items():
        by_version.setdefault(target, []).append(alias)
    table = _table(f"model '{name}': versions", ("version", "aliases", "spec", "fingerprint", "registered", "by"))
    for v in versions:
        cells = (str(v.version), ", ".join(sorted(by_version.get(v.version, []))), v.spec, v.fingerprint[:19] + "…",
                 format_when(v.created_at), v.created_by)
        table.add_row(*(terminal_text(cell) for cell in cells))
    out.print(table)
    lineage = store.list_lineage(name)
    tags = store.list_tags(name)
    if lineage or tags:
        labels = _table("tags and lineage", ("version", "tags", "description", "parent", "training data"))
        known = {item.version: item for item in lineage}
        for number in sorted({*known, *(t.version for t in tags)}):
            entry = known.get(number)
            label_cells = (str(number), ", ".join(f"{t.key}={t.value}" for t in tags if t.version == number),
                     entry.description if entry else "", (entry.parent or "") if entry else "",
                     ", ".join(f"{d.name} {d.sha256[:19]}…" for d in entry.training_data) if entry else "")
            labels.add_row(*(terminal_text(cell) for cell in label_cells))
        out.print(labels)
    runs = _table("evaluation runs", ("run", "version", "status", "suite", "policy", "verdict", "started", "by"))
    for r in store.list_runs(name, limit=limit):
        run_cells = (str(r.id), str(r.version), r.status, r.suite_name, r.policy_name or "—", r.verdict or "—",
                     format_when(r.started_at), r.created_by)
        runs.add_row(*(terminal_text(cell) for cell in run_cells))
    out.print(runs)
    moves = _table("alias history", ("when", "alias", "from", "to", "run", "by", "why"))
    for m in store.alias_history(name):
        move_cells = (format_when(m.moved_at), m.alias, str(m.previous_version or "—"), str(m.version or "—"),
                      str(m.run_id or "—"), m.moved_by, m.reason)
        moves.add_row(*(terminal_text(cell) for cell in move_cells))
    out.print(moves)


@app.command()
@guarded
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
    from guard.policy import load_policy
    from guard.release import gate as run_gate

    check_outputs(junit=junit, markdown=markdown)
    loaded = load_policy(policy)
    decision = run_gate(open_store(registry), ref, loaded, to, actor=actor, reason=reason)
    if decision.verdict is not None:
        emit_verdict(decision.verdict, junit, markdown)
    for line in decision.reasons:
        say(f"- {line}")
    if decision.outcome == "moved":
        previous = decision.move.previous_version if decision.move else None
        waived = f"; failing rules waived: {', '.join(decision.waived_rules)}" if decision.waived_rules else ""
        say(f"MOVED: {to} -> {decision.ref} (was {previous or 'unset'}); run {decision.run_id}{waived}", highlight=True)
    else:
        say(f"{decision.outcome.upper()}: {to} stays where it was", highlight=True)
    raise typer.Exit(decision.exit_code)


@app.command()
@guarded
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

    approval = record(open_store(registry), ref, reason=reason, actor=actor,
                      expires_at=_parse_expiry(expires) if expires else None)
    say(f"approval {approval.id} recorded for {ref} by {approval.approver}", highlight=True)


@app.command()
@guarded
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
    """  # noqa: E501  (--help shows the example as one command to copy)
    from guard.policy import load_policy
    from guard.release import waive as record

    waiver = record(open_store(registry), ref, rule_ids=rule, policy=load_policy(policy), reason=reason,
                    expires_at=_parse_expiry(expires), actor=actor)
    say(f"waiver {waiver.id} for {ref}: {', '.join(waiver.rule_ids)} until {format_when(waiver.expires_at)}",
        highlight=True)


@app.command()
@guarded
def tag(
    ref: Annotated[str, typer.Argument(help="NAME@VERSION")],
    pairs: Annotated[list[str] | None, typer.Argument(help="KEY=VALUE to set; KEY= removes the tag.")] = None,
    remove: Annotated[list[str] | None, typer.Option("--remove", help="Tag key to remove (repeatable).")] = None,
    registry: RegistryOption = None,
    actor: ActorOption = None,
) -> None:
    """Set or remove key=value tags on a version; every change is an audit event.

    Example: guard tag sentiment@3 team=nlp ticket=RAI-42 stage=
    """
    from guard.release import current_actor, parse_ref

    name, number = parse_ref(ref)
    changes: dict[str, str | None] = {}
    for pair in pairs or []:
        key, sep, value = pair.partition("=")
        if not sep:
            raise GuardError(f"'{pair}' is not KEY=VALUE", hint="KEY= (empty) removes a tag; or use --remove KEY")
        changes[key.strip()] = value if value != "" else None
    for key in remove or []:
        changes[key.strip()] = None
    if not changes:
        raise GuardError("nothing to tag", hint="guard tag NAME@V KEY=VALUE [...] or --remove KEY")
    tags = open_store(registry).set_tags(name, number, changes, actor=current_actor(actor))
    shown = ", ".join(f"{t.key}={t.value}" for t in tags) or "none"
    say(f"tags of {ref}: {shown}", highlight=True)
