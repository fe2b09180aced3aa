"""``guard compare``: a candidate against a baseline (reports, registry runs or versions), for a PR comment."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from guard.cli._app import RegistryOption, app, check_outputs, guarded, open_store, out, say
from guard.errors import GuardError, did_you_mean
from guard.report._format import num, terminal_text

if TYPE_CHECKING:
    from guard.compare import Comparison, Side
    from guard.registry import RegistryStore


class _Registry:
    """The registry, opened only when a side names a run or a version (a report file needs none)."""

    def __init__(self, url: str | None) -> None:
        self.url = url
        self.store: RegistryStore | None = None

    def get(self) -> RegistryStore:
        if self.store is None:
            self.store = open_store(self.url)
        return self.store

    def close(self) -> None:
        if self.store is not None:
            self.store.close()


def _report_side(path: Path) -> Side:
    from guard.cli.run import _read_checked_report
    from guard.compare import Side

    return Side(label=str(path), report=_read_checked_report(path), samples_dir=str(path.parent))


def _version_side(registry: _Registry, target: str, policy_sha256: str | None) -> Side:
    """NAME@VERSION or NAME@ALIAS: the latest complete run of that version (under the candidate's policy if any)."""
    from guard.views import _latest_run, run_side

    name, _, ref = target.strip().partition("@")
    store = registry.get()
    if ref.isdigit():
        version = int(ref)
        known = [v.version for v in store.list_versions(name)]  # an unknown model is the store's one-line error
        if version not in known:
            raise GuardError(f"'{name}' has no version {version}", where=target,
                             hint=f"versions: {', '.join(map(str, known)) or 'none'}")
    else:
        aliases = store.aliases(name)
        if ref not in aliases:
            store.list_versions(name)  # an unknown model says so first
            raise GuardError(f"model '{name}' has no alias '{ref}'", where=target,
                             hint=did_you_mean(ref, aliases) or "it has no aliases yet (guard gate moves them)")
        version = aliases[ref]
    run = _latest_run(store, name, version, policy_sha256)
    if run is None:
        raise GuardError(f"{name}@{version} has no complete evaluation run", where=target,
                         hint="guard evaluate ... --registry URL --name NAME records one")
    return run_side(run, target)


def _side(registry: _Registry, target: str, policy_sha256: str | None = None) -> Side:
    """A report file, a registry run id, or NAME@VERSION / NAME@ALIAS."""
    from guard.views import run_side

    text = target.strip()
    path = Path(text)
    if path.is_file() or text.endswith(".json"):
        return _report_side(path)
    if text.isdigit():
        run = registry.get().get_run(int(text))
        if run.status != "complete" or run.report is None:
            raise GuardError(f"run {run.id} is {run.status}, not complete: it has no report to compare")
        return run_side(run, f"run {run.id}")
    if "@" in text and "/" not in text:
        return _version_side(registry, text, policy_sha256)
    raise GuardError(f"'{target}' is neither a report file, a run id, nor NAME@VERSION / NAME@ALIAS",
                     hint="e.g. candidate.json, 12, sentiment@3 or sentiment@production")


def _check_same_suite(candidate: Side, baseline: Side) -> None:
    a, b = candidate.report, baseline.report
    if a is not None and b is not None and a.suite.name != b.suite.name:
        raise GuardError(f"the baseline ran suite '{b.suite.name}', the candidate suite '{a.suite.name}': "
                         "their metrics do not compare", where=baseline.label,
                         hint="compare with a baseline evaluated on the same suite")


def _print(comparison: Comparison) -> None:
    changes = comparison.rule_changes()
    for kind in ("newly failing", "still failing", "newly inconclusive", "still inconclusive", "newly passing"):
        rules = sorted(r for r, k in changes.items() if k == kind)
        if rules:
            say(f"rules {kind}: {', '.join(rules)}")
    table = Table(title=terminal_text(f"{comparison.candidate_label} vs {comparison.baseline_label}"),
                  title_justify="left")
    for column in ("metric", "group", "candidate [95% CI]", "baseline [95% CI]", "change", "p", "test", "rules"):
        table.add_column(column, overflow="fold")
    for row in comparison.rows:
        cells = [row.metric, row.group or "overall"]
        for value, ci in ((row.candidate, row.candidate_ci), (row.baseline, row.baseline_ci)):
            cells.append(num(value) + (f" [{num(ci[0])}, {num(ci[1])}]" if ci else ""))
        cells += [num(row.change), f"{row.p_value:.2g}" if row.p_value is not None else "—", row.test or "—",
                  ", ".join(row.rules)]
        table.add_row(*(terminal_text(cell) for cell in cells))
    out.print(table)
    for note in comparison.notes:
        say(f"note: {note}")


@app.command()
@guarded
def compare(
    candidate: Annotated[str, typer.Argument(help="Report JSON, registry run id, or NAME@VERSION / NAME@ALIAS.")],
    baseline: Annotated[str, typer.Argument(help="The same kinds: what the candidate would replace.")],
    markdown: Annotated[Path | None, typer.Option("--markdown", help="Write the comparison as Markdown here "
                                                  "(a pull-request comment, $GITHUB_STEP_SUMMARY).")] = None,
    policy: Annotated[str | None, typer.Option("--policy", help="Judge both sides under this policy (default: the "
                                               "policy the candidate's registry run was checked under).")] = None,
    only_ruled: Annotated[bool, typer.Option("--only-ruled", help="Markdown: only metrics a rule judges.")] = False,
    registry: RegistryOption = None,
) -> None:
    """Compare a candidate with a baseline per metric and group: values, intervals, change, significance, rules.

    Example: guard compare candidate.json sentiment@production --markdown pr-comment.md
    """
    from guard.compare import compare_sides, comparison_markdown
    from guard.policy import load_policy
    from guard.report import write_text_atomic

    check_outputs(markdown=markdown)
    loaded_policy = load_policy(policy) if policy else None
    store = _Registry(registry)
    try:
        ours = _side(store, candidate)
        sha = loaded_policy.sha256 if loaded_policy else (ours.verdict.policy_sha256 if ours.verdict else None)
        theirs = _side(store, baseline, sha or None)
    finally:
        store.close()
    _check_same_suite(ours, theirs)
    if loaded_policy is not None and ours.report is not None:
        from guard.runner import check_policy_against_report

        check_policy_against_report(loaded_policy, ours.report)
    model = ours.report.model.spec if ours.report is not None else candidate
    comparison = compare_sides(ours, theirs, model=model, policy=loaded_policy)
    if markdown is not None:
        write_text_atomic(markdown, comparison_markdown(comparison, only_ruled=only_ruled))
    _print(comparison)
    if markdown is not None:
        say(f"markdown: {markdown}")
