"""The ``guard`` command line. Exit codes everywhere: 0 pass, 1 policy failed, 2 error or inconclusive."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.table import Table

from guard._version import __version__
from guard.errors import GuardError

app = typer.Typer(
    name="guard",
    help="Decide, with evidence a reviewer can check, whether a model version may be released.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode=None,
)
# Not a terminal (CI logs, pipes): a wide fixed width so tables are not folded to 80 columns.
out = Console(width=None if sys.stdout.isatty() else 160)
err = Console(stderr=True, soft_wrap=True)
_state = {"debug": False}

F = TypeVar("F", bound=Callable[..., Any])


def _guarded(command: F) -> F:
    """Turn GuardErrors into one line + exit 2; anything else into 'internal error' + exit 2."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except typer.Exit:
            raise
        except GuardError as exc:
            if _state["debug"]:
                raise
            err.print(f"error: {exc.one_line()}", markup=False, highlight=False)
            raise typer.Exit(2) from None
        except KeyboardInterrupt:
            err.print("interrupted", markup=False)
            raise typer.Exit(2) from None
        except Exception as exc:
            if _state["debug"]:
                raise
            err.print(f"internal error: {type(exc).__name__}: {exc} (rerun with --debug for the traceback)",
                      markup=False, highlight=False)
            raise typer.Exit(2) from None

    return wrapper  # type: ignore[return-value]


def _version(value: bool) -> None:
    if value:
        out.print(f"guard {__version__}")
        raise typer.Exit(0)


@app.callback()
def main_options(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for errors.")] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")] = False,
) -> None:
    _state["debug"] = debug


def _parse_data(pairs: list[str]) -> dict[str, str]:
    data: dict[str, str] = {}
    for pair in pairs:
        task, sep, path = pair.partition("=")
        if not sep or not task or not path:
            raise GuardError(f"--data '{pair}' is not TASK=PATH", hint="e.g. --data sentiment=data/sst2/dev.tsv")
        data[task] = path
    return data


def _verdict_files(verdict: Any, junit: Path | None, markdown: Path | None) -> dict[Path, str]:
    from guard.report import junit_xml, markdown_summary

    files: dict[Path, str] = {}
    if junit:
        files[junit] = junit_xml(verdict)
    if markdown:
        files[markdown] = markdown_summary(verdict)
    return files


def _check_outputs(**paths: Path | None) -> None:
    """Every output can be written — checked before the work, not after it."""
    from guard.report import check_writable

    for option, path in paths.items():
        if path is not None:
            check_writable(path, f"--{option}")


def _emit_verdict(verdict: Any, junit: Path | None, markdown: Path | None) -> None:
    from guard.report import write_all_atomic
    from guard.report.console import print_verdict

    write_all_atomic(_verdict_files(verdict, junit, markdown))
    print_verdict(verdict, out)


def _metrics_table(report: Any) -> Table:
    from guard.report._format import num

    table = Table(title=f"suite '{report.suite.name}': metrics with 95% intervals", title_justify="left")
    for column in ("task", "metric", "value", "95% CI", "n"):
        table.add_column(column, overflow="fold")
    for result in report.results:
        if result.status != "ok":
            table.add_row(result.task, "—", "[bold red]task failed[/]", result.error or "", "—")
            continue
        for name, m in result.metrics.items():
            table.add_row(result.task, name, num(m.value), f"[{num(m.ci_low)}, {num(m.ci_high)}]", str(m.n))
    return table


@app.command()
@_guarded
def evaluate(
    model: Annotated[str, typer.Argument(help="hf:DIR_OR_GGUF_OR_HUB_ID, sklearn:FILE.skops, python:FILE.py:FN or http:URL")],
    suite: Annotated[str, typer.Option("--suite", help="Suite YAML (a path or a built-in name such as 'demo').")],
    policy: Annotated[str | None, typer.Option("--policy", help="Check the report against this policy.")] = None,
    out_path: Annotated[Path | None, typer.Option("--out", help="Write the JSON report here.")] = None,
    data: Annotated[list[str], typer.Option("--data", help="TASK=PATH: use a local file for a task's dataset.")] = [],  # noqa: B006
    junit: Annotated[Path | None, typer.Option("--junit", help="With --policy: write JUnit XML here.")] = None,
    markdown: Annotated[Path | None, typer.Option("--markdown", help="With --policy: write a Markdown summary here.")] = None,
    seed: Annotated[int, typer.Option("--seed", help="Seed for sampling and bootstrap intervals.")] = 0,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Use only the first N rows of each dataset.")] = None,
    batch_size: Annotated[int | None, typer.Option("--batch-size", min=1, help="Model batch size (hf:).")] = None,
    device: Annotated[str | None, typer.Option("--device", help="cpu, cuda or auto (hf:).")] = None,
    trust_pickle: Annotated[bool, typer.Option("--trust-pickle", help="Allow pickle/joblib model files (runs their code).")] = False,
    registry: Annotated[str | None, typer.Option("--registry", help="Record the run in this registry (URL).")] = None,
    name: Annotated[str | None, typer.Option("--name", help="Registered model name (with --registry).")] = None,
    version: Annotated[int | None, typer.Option("--version", min=1, help="Registered version (default: by fingerprint).")] = None,
    actor: Annotated[str | None, typer.Option("--actor", help="Who runs this (else GUARD_ACTOR, else user@host).")] = None,
    store_raw_evidence: Annotated[bool, typer.Option(
        "--store-raw-evidence", help="Keep findings unredacted (raw PII may then reach the report and registry).")] = False,
) -> None:
    """Run a suite on a model and write the report; with --policy, also give the verdict.

    Example: guard evaluate hf:models/sentiment --suite evaluations/demo.yaml --policy policies/default.yaml --out report.json
    """
    from guard.evidence import pin_problems
    from guard.models import load_model
    from guard.policy import check, load_policy
    from guard.report import write_all_atomic
    from guard.report.console import print_verdict
    from guard.runner import build_plan, check_capabilities, check_policy_against_suite, prepare
    from guard.runner import evaluate as run_suite
    from guard.suite import load_suite

    if (junit or markdown) and not policy:
        raise GuardError("--junit and --markdown need --policy (they report a verdict)")
    if version and not name:
        raise GuardError("--version needs --name")
    if registry and not name:
        raise GuardError("--registry records the run under a model name: add --name NAME")
    if seed < 0:
        raise GuardError(f"--seed must be 0 or more, got {seed}")
    _check_outputs(out=out_path, junit=junit, markdown=markdown)
    overrides = _parse_data(data)
    loaded_suite = load_suite(suite)
    loaded_policy = load_policy(policy) if policy else None
    if loaded_policy is not None:
        check_policy_against_suite(loaded_policy, loaded_suite)
    tasks = prepare(loaded_suite, data=overrides, limit=limit)
    recorder = None
    if name:
        from guard._run_recording import RunRecorder

        recorder = RunRecorder.open(registry, name, version, actor=actor)  # fails fast on a bad URL
    options = {k: v for k, v in {"batch_size": batch_size, "device": device}.items() if v is not None}
    with err.status(f"loading {model}"):
        adapter = load_model(model, trust_pickle=trust_pickle, **options)
    check_capabilities(tasks, adapter)
    plan = build_plan(loaded_suite, tasks, adapter, seed=seed, data=overrides, limit=limit)
    _say_if_not_evidence(plan, loaded_policy, pin_problems)
    if recorder is not None:
        recorder.start(plan, loaded_policy)
    try:
        report = run_suite(adapter, loaded_suite, tasks=tasks, plan=plan, progress=err.is_terminal,
                           store_raw_evidence=store_raw_evidence)
    except BaseException as exc:
        if recorder is not None:
            recorder.fail(exc)
        raise
    try:
        baselines = recorder.baselines(loaded_policy) if recorder is not None and loaded_policy is not None else None
        verdict = check(report, loaded_policy, baselines) if loaded_policy is not None else None
        files = {out_path: report.model_dump_json(indent=2) + "\n"} if out_path else {}
        if verdict is not None:
            files.update(_verdict_files(verdict, junit, markdown))
        write_all_atomic(files)  # all or nothing; the run is complete only once everything asked for is written
    except BaseException as exc:
        if recorder is not None:
            recorder.fail(exc)
        raise
    if recorder is not None:
        recorder.finish(report, verdict)
        out.print(f"recorded run {recorder.run_id} for {recorder.ref}", markup=False, highlight=False)
    out.print(f"model: {report.model.spec} ({report.model.fingerprint[:19]}…)", markup=False, highlight=False)
    out.print(_metrics_table(report))
    if out_path:
        out.print(f"report: {out_path}", markup=False, highlight=False)
    if verdict is not None:
        print_verdict(verdict, out)
        raise typer.Exit(verdict.exit_code)
    if report.failed_tasks:
        for result in report.failed_tasks:
            err.print(f"task '{result.task}' failed: {result.error}", markup=False, highlight=False)
        raise typer.Exit(2)


def _say_if_not_evidence(plan: Any, policy: Any, pin_problems: Callable[..., list[str]]) -> None:
    """Before inference: a run the gate will not accept as release evidence is worth knowing about."""
    problems = pin_problems(plan, policy) if policy is not None else (
        [f"{', '.join(plan.ad_hoc())} makes this run ad hoc"] if plan.ad_hoc() else [])
    if problems:
        under = f" under policy '{policy.name}'" if policy is not None else ""
        err.print(f"note: this run is a report, not release evidence{under} (the gate will refuse it): "
                  + "; ".join(problems), markup=False, highlight=False)


@app.command()
@_guarded
def check(
    report: Annotated[Path, typer.Argument(help="A report written by 'guard evaluate --out'.")],
    policy: Annotated[str, typer.Option("--policy", help="Policy YAML (a path or a built-in name such as 'default').")],
    junit: Annotated[Path | None, typer.Option("--junit", help="Write JUnit XML (one testcase per rule) here.")] = None,
    markdown: Annotated[Path | None, typer.Option("--markdown", help="Write a Markdown summary here.")] = None,
    baseline: Annotated[Path | None, typer.Option("--baseline", help="Report of the baseline, for relative rules.")] = None,
) -> None:
    """Check a report against a policy: exit 0 pass, 1 a blocking rule failed, 2 inconclusive.

    Example: guard check report.json --policy policies/default.yaml --junit guard.xml --markdown summary.md
    """
    from guard.policy import check as check_policy
    from guard.policy import load_policy

    _check_outputs(junit=junit, markdown=markdown)
    loaded_policy = load_policy(policy)
    loaded_report = _read_checked_report(report)
    loaded_baseline = _read_checked_report(baseline) if baseline else None
    verdict = check_policy(loaded_report, loaded_policy, loaded_baseline)
    _emit_verdict(verdict, junit, markdown)
    raise typer.Exit(verdict.exit_code)


def _read_checked_report(path: Path) -> Any:
    """A report whose numbers are possible: a rate above 1 or a negative count is an edited file."""
    from guard.evaluators import report_range_problems
    from guard.report import read_report

    loaded = read_report(path)
    problems = report_range_problems(loaded)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise GuardError(problems[0] + more, where=path, hint="a report guard wrote never holds this; was it edited?")
    return loaded


class SchemaKind(str, Enum):
    suite = "suite"
    policy = "policy"
    report = "report"


@app.command()
@_guarded
def schema(kind: Annotated[SchemaKind, typer.Argument(help="suite, policy or report")]) -> None:
    """Print the JSON Schema of a suite, policy or report file.

    Example: guard schema policy > policy.schema.json
    """
    from guard.policy import Policy
    from guard.suite import Suite
    from guard.types import EvalReport

    model = {"suite": Suite, "policy": Policy, "report": EvalReport}[kind.value]
    sys.stdout.write(json.dumps(model.model_json_schema(), indent=2) + "\n")


@app.command("evaluators")
@_guarded
def list_evaluators() -> None:
    """List every evaluator (built-in and plugins) with its version and what it needs.

    Example: guard evaluators
    """
    from guard.evaluators import registered

    table = Table(title="evaluators", title_justify="left")
    for column in ("name", "version", "model must", "description"):
        table.add_column(column, overflow="fold")
    for name, info in registered().items():
        needs = " or ".join(sorted(c.value for c in info.requires)) or "—"
        table.add_row(name, info.version, needs, info.description)
    out.print(table)


import guard._cli_export  # noqa: E402,F401  (registers export)
import guard._cli_dashboard  # noqa: E402,F401  (registers dashboard)
import guard._cli_pii  # noqa: E402,F401  (registers pii benchmark)
import guard._cli_registry  # noqa: E402,F401  (registers register/history/gate/approve/waive/audit)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
