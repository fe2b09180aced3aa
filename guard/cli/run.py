"""Verbs that run and judge: ``evaluate``, ``check``, ``schema``, ``evaluators``."""

from __future__ import annotations

import importlib
import json
import math
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table

from guard.cli._app import (
    DeviceOption,
    app,
    check_outputs,
    emit_verdict,
    err,
    guarded,
    out,
    placement,
    say,
    verdict_files,
)
from guard.errors import GuardError
from guard.report._format import num, terminal_text

if TYPE_CHECKING:
    from guard.suite import Suite


def _parse_data(pairs: list[str]) -> dict[str, str]:
    data: dict[str, str] = {}
    for pair in pairs:
        task, sep, path = pair.partition("=")
        if not sep or not task or not path:
            raise GuardError(f"--data '{pair}' is not TASK=PATH", hint="e.g. --data sentiment=data/sst2/dev.tsv")
        data[task] = path
    return data


def _metrics_table(report: Any) -> Table:
    table = Table(title=terminal_text(f"suite '{report.suite.name}': metrics with 95% intervals"), title_justify="left")
    for column in ("task", "metric", "value", "95% CI", "n"):
        table.add_column(column, overflow="fold")
    for result in report.results:
        if result.status != "ok":
            table.add_row(terminal_text(result.task), "—", terminal_text("task failed", style="bold red"),
                          terminal_text(result.error or ""), "—")
            continue
        for name, m in result.metrics.items():
            cells = (result.task, name, num(m.value), f"[{num(m.ci_low)}, {num(m.ci_high)}]", str(m.n))
            table.add_row(*(terminal_text(cell) for cell in cells))
    return table


def parse_model_options(pairs: list[str]) -> dict[str, Any]:
    """``KEY=VALUE`` pairs: true/false are booleans, numbers are numbers, the rest text. The adapter
    checks the keys (with a did-you-mean) when it loads."""
    options: dict[str, Any] = {}
    for pair in pairs:
        key, sep, text = pair.partition("=")
        key = key.strip()
        if not sep or not key.isidentifier() or not text:
            raise GuardError(f"--model-option '{pair}' is not KEY=VALUE", hint="e.g. --model-option timeout=30")
        if key in options:
            raise GuardError(f"--model-option {key} is given twice")
        value: Any = text
        if text.lower() in ("true", "false"):
            value = text.lower() == "true"
        else:
            for kind in (int, float):
                try:
                    value = kind(text)
                    break
                except ValueError:
                    continue
        if isinstance(value, float) and not math.isfinite(value):
            raise GuardError(f"--model-option {key}={text}: not a finite number")
        options[key] = value
    return options


def _preload_metrics(suite: Suite) -> None:
    """The libraries the suite's metrics import (``preload`` of each evaluator), imported now, while the
    redaction worker loads in its own process.

    Evaluators import them only where a metric is computed, so ``guard check``, ``gate`` and ``compare``
    (which read metric ranges from the evaluator modules) never pay for them; importing them here, beside
    the worker's load, measured 1.78x the plain script's time against 2.2-2.4x when the first metric did
    (bench/everyday_evaluate.py). A suite whose metrics need none of them imports none (accuracy, for one).
    """
    from guard.evaluators import get_evaluator

    for module in sorted({name for task in suite.tasks for name in get_evaluator(task.evaluator).preload}):
        importlib.import_module(module)


@app.command()
@guarded
def evaluate(
    model: Annotated[str, typer.Argument(
        help="hf:DIR_OR_GGUF_OR_HUB_ID, sklearn:FILE.skops, python:FILE.py:FN or http:URL")],
    suite: Annotated[str, typer.Option("--suite", help="Suite YAML (a path or a built-in name such as 'demo').")],
    policy: Annotated[str | None, typer.Option("--policy", help="Check the report against this policy.")] = None,
    out_path: Annotated[Path | None, typer.Option("--out", help="Write the JSON report here.")] = None,
    data: Annotated[list[str], typer.Option("--data",
                                            help="TASK=PATH: use a local file for a task's dataset.")] = [],  # noqa: B006
    junit: Annotated[Path | None, typer.Option("--junit", help="With --policy: write JUnit XML here.")] = None,
    markdown: Annotated[Path | None, typer.Option("--markdown",
                                                  help="With --policy: write a Markdown summary here.")] = None,
    seed: Annotated[int, typer.Option("--seed", help="Seed for sampling and bootstrap intervals.")] = 0,
    limit: Annotated[int | None, typer.Option("--limit", min=1,
                                              help="Use only the first N rows of each dataset.")] = None,
    batch_size: Annotated[int | None, typer.Option("--batch-size", min=1, help="Model batch size (hf:).")] = None,
    device: DeviceOption = None,
    trust_pickle: Annotated[bool, typer.Option("--trust-pickle",
                                               help="Allow pickle/joblib model files (runs their code).")] = False,
    registry: Annotated[str | None, typer.Option("--registry", help="Record the run in this registry (URL).")] = None,
    name: Annotated[str | None, typer.Option("--name", help="Registered model name (with --registry).")] = None,
    version: Annotated[int | None, typer.Option("--version", min=1,
                                                help="Registered version (default: by fingerprint).")] = None,
    actor: Annotated[str | None, typer.Option("--actor",
                                              help="Who runs this (else GUARD_ACTOR, else user@host).")] = None,
    store_raw_evidence: Annotated[bool, typer.Option(
        "--store-raw-evidence",
        help="Keep findings unredacted (raw PII may then reach the report and registry).")] = False,
    model_option: Annotated[list[str], typer.Option(
        "--model-option", help="KEY=VALUE for the model's adapter (repeatable), e.g. timeout=30 retries=1 "
        "concurrency=32 (http:), dtype=bfloat16 (hf:). Recorded in the report; not part of the fingerprint.")] = [],  # noqa: B006
    allow_path: Annotated[list[Path], typer.Option(
        "--allow-path",
        help="DIR: let the suite read files under DIR too (repeatable; also GUARD_ALLOW_PATH).")] = [],  # noqa: B006
    cache_dir: Annotated[Path | None, typer.Option(
        "--cache-dir", help="Keep the model's answers here, keyed by its fingerprint (else GUARD_CACHE_DIR, else "
        ".guard/cache); an unchanged model and suite then run without inference.")] = None,
    no_cache: Annotated[bool, typer.Option(
        "--no-cache", help="Neither read nor write the persistent inference cache.")] = False,
    log_samples: Annotated[bool, typer.Option(
        "--log-samples", help="Also write every example's input, output, score and outcome (redacted) beside the "
        "--out report as REPORT.samples.jsonl.gz; the report references it with its sha256.")] = False,
    mlflow_uri: Annotated[str | None, typer.Option(
        "--mlflow", help="MLflow tracking URI: once the report is written, log it as an MLflow run (experiment "
        "MLFLOW_EXPERIMENT_NAME, else 'guard'); an MLflow failure is exit 2. Needs rai-guard[mlflow].")] = None,
) -> None:
    """Run a suite on a model and write the report; with --policy, also give the verdict.

    Example: guard evaluate hf:models/sentiment --suite evaluations/demo.yaml --policy policies/default.yaml --out report.json
    """  # noqa: E501  (--help shows the example as one command to copy)
    from guard._redaction_worker import start as start_redaction_worker
    from guard.evidence import pin_problems
    from guard.models.lazy import open_model
    from guard.policy import check, load_policy
    from guard.redact import Redactor
    from guard.report import write_all_atomic
    from guard.report.console import print_verdict
    from guard.runner import build_plan, check_capabilities, check_policy_against_suite, prepare, uses_disk_cache
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
    if no_cache and cache_dir is not None:
        raise GuardError("--no-cache and --cache-dir contradict each other", hint="give one of them")
    if log_samples and out_path is None:
        raise GuardError("--log-samples writes the samples beside the report: add --out REPORT.json")
    check_outputs(out=out_path, junit=junit, markdown=markdown)
    if mlflow_uri is not None:
        from guard.cli.mlflow import prepare_mlflow

        mlflow_uri = prepare_mlflow(mlflow_uri, "--mlflow", raw_evidence=store_raw_evidence)  # before any work
    overrides = _parse_data(data)
    options = parse_model_options(model_option)
    for flag, key, value in (("--batch-size", "batch_size", batch_size), ("--device", "device", device)):
        if value is not None:
            if key in options:
                raise GuardError(f"{flag} and --model-option {key}=… both set the {key}", hint="give it once")
            options[key] = value
    options = placement(model, options)  # a device this machine lacks fails here, before data or model load
    # The PII scanner for evidence redaction loads in a worker process while this one loads data and runs
    # the model; a setting that cannot load is refused here, before anything is recorded.
    worker = None if store_raw_evidence else start_redaction_worker()
    loaded_suite = load_suite(suite, allowed_roots=allow_path)
    _preload_metrics(loaded_suite)
    loaded_policy = load_policy(policy) if policy else None
    if loaded_policy is not None:
        check_policy_against_suite(loaded_policy, loaded_suite)
    tasks = prepare(loaded_suite, data=overrides, limit=limit, allowed_roots=allow_path)
    recorder = None
    if name:
        from guard._run_recording import RunRecorder

        recorder = RunRecorder.open(registry, name, version, actor=actor)  # fails fast on a bad URL
    disk = None if no_cache else _open_cache(cache_dir)
    with err.status(terminal_text(f"loading {model}")):
        adapter = open_model(model, cache=disk, trust_pickle=trust_pickle, **options)
    check_capabilities(tasks, adapter)
    plan = build_plan(loaded_suite, tasks, adapter, seed=seed, data=overrides, limit=limit, model_options=options,
                      cache=uses_disk_cache(disk, adapter))
    if disk is not None and not plan.cache:
        say(f"note: the answers of '{model}' are not cached: its fingerprint names the model (an endpoint or an "
            "installed module), it does not hash the files that answer", console=err)
    _say_if_not_evidence(plan, loaded_policy, pin_problems)
    redactor = Redactor.raw() if store_raw_evidence else Redactor.in_worker(worker, disk)
    samples = _samples_writer(out_path) if log_samples and out_path is not None else None
    if recorder is not None:
        recorder.start(plan, loaded_policy)
    try:
        report = run_suite(adapter, loaded_suite, tasks=tasks, plan=plan, progress=err.is_terminal,
                           store_raw_evidence=store_raw_evidence, redactor=redactor, cache=disk, samples=samples)
    except BaseException as exc:
        if samples is not None:
            samples.discard()
        if recorder is not None:
            recorder.fail(exc)
        raise
    try:
        baselines = (recorder.baselines(loaded_policy)
                     if recorder is not None and loaded_policy is not None else None)
        verdict = check(report, loaded_policy, baselines) if loaded_policy is not None else None
        files = {out_path: report.model_dump_json(indent=2) + "\n"} if out_path else {}
        if verdict is not None:
            files.update(verdict_files(verdict, junit, markdown))
        write_all_atomic(files)  # all or nothing; the run is complete only once everything asked for is written
    except BaseException as exc:
        if samples is not None:
            samples.discard()
        if recorder is not None:
            recorder.fail(exc)
        raise
    if recorder is not None:
        recorder.finish(report, verdict)
        say(f"recorded run {recorder.run_id} for {recorder.ref}")
    say(f"model: {report.model.spec} ({report.model.fingerprint[:19]}…)")
    if report.cache is not None:
        stats = report.cache
        say(f"cache: {stats.hits} of {stats.hits + stats.misses} model requests answered from {stats.dir}",
            console=err)
        for note in stats.notes:
            say(f"note: {note}", console=err)
    out.print(_metrics_table(report))
    if out_path:
        say(f"report: {out_path}")
    if report.samples is not None:
        say(f"samples: {report.samples.rows} records in {samples.path if samples else report.samples.file}")
    if mlflow_uri is not None and not _logged_to_mlflow(mlflow_uri, report, verdict, recorder):
        if verdict is not None:
            print_verdict(verdict, out)
        raise typer.Exit(2)  # the report and the run are kept; only the MLflow copy is missing
    if verdict is not None:
        print_verdict(verdict, out)
        raise typer.Exit(verdict.exit_code)
    if report.failed_tasks:
        for result in report.failed_tasks:
            say(f"task '{result.task}' failed: {result.error}", console=err)
        raise typer.Exit(2)


def _logged_to_mlflow(uri: str, report: Any, verdict: Any, recorder: Any) -> bool:
    """``--mlflow``: log the finished report (with the registry run's HTML when recorded); False after saying why."""
    import os

    from guard.cli.mlflow import log_to_mlflow

    try:
        html = None
        if recorder is not None and recorder.run_id is not None:
            from guard.report import export_run_html

            html = export_run_html(recorder.store, recorder.run_id)
        log_to_mlflow(report, verdict, uri, os.environ.get("MLFLOW_EXPERIMENT_NAME") or "guard", html=html,
                      registry_run=recorder.run_id if recorder is not None else None)
    except GuardError as exc:
        say(f"error: --mlflow: {exc.one_line()} (the report was written; log it later with guard mlflow log)",
            console=err)
        return False
    return True


def _samples_writer(out_path: Path) -> Any:
    """Per-example records go to a temporary file beside the report, renamed into place when the run ends."""
    from guard.report.samples import SamplesWriter, samples_path

    target = samples_path(out_path)
    if target.is_dir():
        raise GuardError(f"--log-samples {target} is a directory", hint="name the report differently with --out")
    return SamplesWriter(target)


def _open_cache(folder: Path | None) -> Any:
    """The persistent cache: no file until the first answer is written; the runner closes it after the run."""
    from guard.cache import DiskCache, default_dir

    return DiskCache(folder if folder is not None else default_dir())


def _say_if_not_evidence(plan: Any, policy: Any, pin_problems: Callable[..., list[str]]) -> None:
    """Before inference: a run the gate will not accept as release evidence is worth knowing about."""
    problems = pin_problems(plan, policy) if policy is not None else (
        [f"{', '.join(plan.ad_hoc())} makes this run ad hoc"] if plan.ad_hoc() else [])
    if problems:
        under = f" under policy '{policy.name}'" if policy is not None else ""
        say(f"note: this run is a report, not release evidence{under} (the gate will refuse it): "
            + "; ".join(problems), console=err)


@app.command()
@guarded
def check(
    report: Annotated[Path, typer.Argument(help="A report written by 'guard evaluate --out'.")],
    policy: Annotated[str, typer.Option("--policy", help="Policy YAML (a path or a built-in name such as 'default').")],
    junit: Annotated[Path | None, typer.Option("--junit", help="Write JUnit XML (one testcase per rule) here.")] = None,
    markdown: Annotated[Path | None, typer.Option("--markdown", help="Write a Markdown summary here.")] = None,
    baseline: Annotated[Path | None, typer.Option("--baseline",
                                                  help="Report of the baseline, for relative rules.")] = None,
) -> None:
    """Check a report against a policy: exit 0 pass, 1 a blocking rule failed, 2 inconclusive.

    Example: guard check report.json --policy policies/default.yaml --junit guard.xml --markdown summary.md
    """
    from guard.policy import check as check_policy
    from guard.policy import load_policy
    from guard.runner import check_policy_against_report

    check_outputs(junit=junit, markdown=markdown)
    loaded_policy = load_policy(policy)
    loaded_report = _read_checked_report(report)
    loaded_baseline = _read_checked_report(baseline) if baseline else None
    check_policy_against_report(loaded_policy, loaded_report)
    verdict = check_policy(loaded_report, loaded_policy, loaded_baseline)
    emit_verdict(verdict, junit, markdown)
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
@guarded
def schema(kind: Annotated[SchemaKind, typer.Argument(help="suite, policy or report")]) -> None:
    """Print the JSON Schema of a suite, policy or report file.

    Example: guard schema policy > policy.schema.json
    """
    from pydantic import BaseModel

    from guard.policy import Policy
    from guard.suite import Suite
    from guard.types import EvalReport

    models: dict[str, type[BaseModel]] = {"suite": Suite, "policy": Policy, "report": EvalReport}
    model = models[kind.value]
    sys.stdout.write(json.dumps(model.model_json_schema(), indent=2) + "\n")


@app.command("evaluators")
@guarded
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
        table.add_row(*(terminal_text(cell) for cell in (name, info.version, needs, info.description)))
    out.print(table)
