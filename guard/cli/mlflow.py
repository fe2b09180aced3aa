"""``guard mlflow log|sync``: guard's evidence and registry, mirrored into MLflow (one way).

MLflow is the optional extra ``rai-guard[mlflow]``, imported only when these verbs (or ``guard evaluate
--mlflow``) run; see ``guard.integrations.mlflow_log`` and ``mlflow_sync`` for what is written where.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from guard.cli._app import RegistryOption, app, err, guarded, open_store, say
from guard.errors import GuardError

mlflow_app = typer.Typer(help="Log reports to MLflow and mirror the registry into MLflow's (one way).",
                         no_args_is_help=True)
app.add_typer(mlflow_app, name="mlflow")

TrackingOption = Annotated[str, typer.Option("--tracking-uri", help="MLflow tracking server, e.g. http://HOST:5000.")]


def prepare_mlflow(uri: str, option: str = "--tracking-uri", *, raw_evidence: bool = False) -> str:
    """Checked before any work: the URI's shape, that MLflow is installed (no network yet), and that no
    unredacted evidence would be uploaded (``guard evaluate --store-raw-evidence --mlflow``)."""
    from guard.integrations.mlflow_client import check_tracking_uri, import_mlflow
    from guard.integrations.mlflow_log import check_raw_evidence

    check_raw_evidence(raw_evidence, option=option)
    uri = check_tracking_uri(uri, option)
    import_mlflow()
    return uri


def log_to_mlflow(report: Any, verdict: Any, uri: str, experiment: str, *, html: str | None = None,
                  registry_run: int | None = None, include_raw: bool = False) -> None:
    """Log and print where it went (one line); raises GuardError on any MLflow failure."""
    from guard.integrations.mlflow_log import log_report

    logged = log_report(report, tracking_uri=uri, experiment=experiment, verdict=verdict, html=html,
                        registry_run=registry_run, include_raw=include_raw)
    say(f"mlflow: logged run {logged.run_id} ({logged.metrics} metrics) in experiment '{logged.experiment}': "
        f"{logged.url}")


@mlflow_app.command("log")
@guarded
def mlflow_log(
    source: Annotated[str, typer.Argument(help="REPORT.json (from guard evaluate --out) or a registry RUN_ID.")],
    tracking_uri: TrackingOption,
    experiment: Annotated[str, typer.Option("--experiment", help="MLflow experiment (created if missing).")] = "guard",
    policy: Annotated[str | None, typer.Option(
        "--policy", help="For a REPORT file: judge it under this policy and log the verdict too.")] = None,
    registry: RegistryOption = None,
    include_raw: Annotated[bool, typer.Option(
        "--include-raw-evidence",
        help="Upload a report stored unredacted (--store-raw-evidence); refused otherwise.")] = False,
) -> None:
    """Log a report as one MLflow run: metrics with ci_low/ci_high/n companions, verdict and fingerprint tags,
    params, and the report (JSON; HTML for a registry run) as artifacts.

    Example: guard mlflow log 12 --tracking-uri http://127.0.0.1:5000 --experiment sentiment
    """
    from guard.integrations.mlflow_log import check_raw_evidence
    from guard.policy import check, load_policy

    uri = prepare_mlflow(tracking_uri)
    if not experiment.strip():
        raise GuardError("--experiment is empty")
    path = Path(source)
    if source.isdigit() and not path.exists():
        if policy is not None:
            raise GuardError("--policy is for a REPORT file; a registry run carries the verdict it was checked to")
        from guard.report import export_run_html
        from guard.views import stored_report, stored_verdict

        store = open_store(registry)
        run = store.get_run(int(source))
        report = stored_report(run)
        if report is None:
            raise GuardError(f"run {run.id} has no report (status {run.status})", hint="guard history NAME")
        check_raw_evidence(report.raw_evidence, include_raw=include_raw)
        log_to_mlflow(report, stored_verdict(run), uri, experiment,
                      html=export_run_html(store, run.id, include_raw=include_raw), registry_run=run.id,
                      include_raw=include_raw)
        return
    from guard.cli.run import _read_checked_report

    report = _read_checked_report(path)
    check_raw_evidence(report.raw_evidence, include_raw=include_raw)
    verdict = None
    if policy is not None:
        from guard.runner import check_policy_against_report

        loaded = load_policy(policy)
        check_policy_against_report(loaded, report)
        verdict = check(report, loaded)
    log_to_mlflow(report, verdict, uri, experiment, include_raw=include_raw)


@mlflow_app.command("sync")
@guarded
def mlflow_sync(
    name: Annotated[str, typer.Argument(help="Model name in the guard registry.")],
    tracking_uri: TrackingOption,
    registry: RegistryOption = None,
    mlflow_name: Annotated[str | None, typer.Option(
        "--mlflow-name", help="Registered model name in MLflow (default: NAME).")] = None,
) -> None:
    """Mirror NAME's versions (fingerprint, runs, verdicts) and aliases into MLflow's model registry, one way.
    An alias changed on the MLflow side is reported as drift (exit 1) and never copied back.

    Example: guard mlflow sync sentiment --tracking-uri http://127.0.0.1:5000
    """
    from guard.integrations.mlflow_sync import sync

    uri = prepare_mlflow(tracking_uri)
    result = sync(open_store(registry), name, tracking_uri=uri, mlflow_name=mlflow_name)
    target = mlflow_name or name
    parts = [f"{len(result.created)} version(s) created", f"{len(result.updated)} updated",
             f"{len(result.aliases_set)} alias change(s)"]
    say(f"mlflow: synced '{name}' into registered model '{target}': " + ", ".join(parts))
    for line in result.aliases_set:
        say(f"  alias {line}")
    for line in result.drift:
        say(f"drift: {line}", console=err)
    if result.drift:
        raise typer.Exit(1)
