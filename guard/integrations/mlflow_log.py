"""A guard report as an MLflow run (``guard mlflow log``, ``guard evaluate --mlflow``).

What the run holds, so dashboards and queries on the MLflow side can rely on it:

- metrics: each ``TASK.METRIC`` of the report as ``TASK.METRIC`` (its point value) with companions
  ``TASK.METRIC.ci_low``, ``TASK.METRIC.ci_high`` and ``TASK.METRIC.n``; characters MLflow does not
  allow in a metric name (anything but letters, digits, ``_ - . / : `` and space) become ``_``.
  Per-group values stay in the report artifact (group names are free text).
- tags: ``guard.verdict`` (pass | fail | inconclusive | unchecked when no policy judged it),
  ``guard.fingerprint``, ``guard.fingerprint_kind``, ``guard.model_kind``, ``guard.policy`` and
  ``guard.policy_sha256`` (when judged), ``guard.failed_tasks``, ``guard.registry_run`` (when logged
  from a registry run), ``guard.version`` (guard's own), and ``mlflow.runName``.
- params: ``suite``, ``seed``, ``limit``, ``model_spec`` (secrets masked), ``model_options`` (secret
  keys masked), ``task.TASK.evaluator`` for each task.
- artifacts under ``guard/``: ``report.json``; ``verdict.json`` and ``summary.md`` when judged;
  ``report.html`` when logged from a registry run (guard's HTML export needs the registry's evidence).

A report stored with ``--store-raw-evidence`` carries unredacted findings: like ``guard export``, it is
not uploaded unless ``include_raw`` is given (``guard mlflow log --include-raw-evidence``); ``guard
evaluate --store-raw-evidence --mlflow`` is refused before any inference.
"""

from __future__ import annotations

import json
import math
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from guard._version import __version__
from guard.integrations.mlflow_client import client as make_client
from guard.integrations.mlflow_client import describe, mask, redacted_options, strip_url
from guard.types import EvalReport

DEFAULT_EXPERIMENT = "guard"
_ILLEGAL = re.compile(r"[^/\w.\- :]")
_BATCH = 100  # entities per log_batch request (MLflow's limits: 1000 metrics, 100 params, 100 tags)


@dataclass(frozen=True)
class LoggedRun:
    run_id: str
    experiment_id: str
    experiment: str
    url: str
    metrics: int


def metric_key(task_metric: str) -> str:
    """An MLflow-legal metric name for ``TASK.METRIC`` (also used for the companions)."""
    key = _ILLEGAL.sub("_", task_metric).strip("/") or "_"
    return key[:240]


def metric_values(report: EvalReport) -> dict[str, float]:
    """Every metric and its ci_low / ci_high / n companions, keyed by MLflow name (NaN stays NaN)."""
    values: dict[str, float] = {}
    for result in report.results:
        for name, m in result.metrics.items():
            key = metric_key(f"{result.task}.{name}")
            values[key] = float(m.value)
            values[f"{key}.ci_low"] = float(m.ci_low)
            values[f"{key}.ci_high"] = float(m.ci_high)
            values[f"{key}.n"] = float(m.n)
    return values


def run_params(report: EvalReport) -> dict[str, str]:
    plan = report.plan
    params = {"suite": report.suite.name, "seed": str(report.seed), "model_spec": mask(report.model.spec)}
    if plan is not None:
        params["limit"] = str(plan.overrides.limit) if plan.overrides.limit is not None else "none"
        if plan.model_options:
            params["model_options"] = json.dumps(redacted_options(dict(plan.model_options)), sort_keys=True,
                                                 default=str)
    for result in report.results:
        params[f"task.{metric_key(result.task)}.evaluator"] = result.evaluator
    return {k: v[:6000] for k, v in params.items()}


def run_tags(report: EvalReport, verdict: Any | None, registry_run: int | None) -> dict[str, str]:
    tags = {"guard.verdict": verdict.status if verdict is not None else "unchecked",
            "guard.fingerprint": report.model.fingerprint, "guard.fingerprint_kind": report.model.fingerprint_kind,
            "guard.model_kind": report.model.kind, "guard.version": __version__,
            "mlflow.runName": f"guard {report.suite.name}: {mask(report.model.spec)}"[:250]}
    if verdict is not None:
        tags["guard.policy"] = verdict.policy
        tags["guard.policy_sha256"] = verdict.policy_sha256 or ""
    failed = [r.task for r in report.results if r.status != "ok"]
    if failed:
        tags["guard.failed_tasks"] = ",".join(failed)
    if registry_run is not None:
        tags["guard.registry_run"] = str(registry_run)
    return {k: v[:8000] for k, v in tags.items()}


def check_raw_evidence(raw_evidence: bool, *, include_raw: bool = False, option: str = "guard mlflow log") -> None:
    """Raw (unredacted) evidence leaves guard only when asked for: refuse before anything is logged."""
    from guard.errors import GuardError

    if raw_evidence and not include_raw:
        if option == "--mlflow":
            raise GuardError("--mlflow with --store-raw-evidence would upload unredacted findings to MLflow",
                             hint="drop one of them; log the report later with guard mlflow log "
                                  "--include-raw-evidence if it must go")
        raise GuardError("the report holds evidence stored unredacted (--store-raw-evidence); it is not uploaded "
                         "to MLflow", hint="add --include-raw-evidence to upload it anyway")


def log_report(report: EvalReport, *, tracking_uri: str, experiment: str = DEFAULT_EXPERIMENT,
               verdict: Any | None = None, html: str | None = None, registry_run: int | None = None,
               include_raw: bool = False) -> LoggedRun:
    """Create one FINISHED MLflow run holding ``report`` (see the module docstring for its layout)."""
    from guard.errors import GuardError

    check_raw_evidence(report.raw_evidence, include_raw=include_raw)
    client = make_client(tracking_uri)
    mlflow = __import__("mlflow")
    entities = mlflow.entities
    try:
        found = client.get_experiment_by_name(experiment)
        experiment_id = found.experiment_id if found is not None else client.create_experiment(experiment)
        run = client.create_run(experiment_id, tags=run_tags(report, verdict, registry_run))
    except GuardError:
        raise
    except Exception as exc:  # MlflowException, requests' ConnectionError, ...
        raise describe(exc, tracking_uri) from None
    run_id = run.info.run_id
    try:
        now = int(run.info.start_time or 0)
        metrics = [entities.Metric(k, v if math.isfinite(v) else float("nan"), now, 0)
                   for k, v in metric_values(report).items()]
        params = [entities.Param(k, v) for k, v in run_params(report).items()]
        for start in range(0, max(len(metrics), len(params)), _BATCH):
            client.log_batch(run_id, metrics=metrics[start:start + _BATCH], params=params[start:start + _BATCH])
        with tempfile.TemporaryDirectory(prefix="guard-mlflow-") as tmp:
            folder = Path(tmp)
            (folder / "report.json").write_text(report.model_dump_json(indent=2) + "\n", encoding="utf-8")
            if verdict is not None:
                from guard.report import markdown_summary

                (folder / "verdict.json").write_text(verdict.model_dump_json(indent=2) + "\n", encoding="utf-8")
                (folder / "summary.md").write_text(markdown_summary(verdict), encoding="utf-8")
            if html is not None:
                (folder / "report.html").write_text(html, encoding="utf-8")
            client.log_artifacts(run_id, str(folder), artifact_path="guard")
        client.set_terminated(run_id, "FINISHED")
    except Exception as exc:
        try:
            client.set_terminated(run_id, "FAILED")
        except Exception:  # the server is gone: the first error is the one to report
            pass
        raise describe(exc, tracking_uri) from None
    url = f"{strip_url(tracking_uri).rstrip('/')}/#/experiments/{experiment_id}/runs/{run_id}" \
        if tracking_uri.startswith("http") else run_id
    return LoggedRun(run_id=run_id, experiment_id=experiment_id, experiment=experiment, url=url, metrics=len(metrics))
