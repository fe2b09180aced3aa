"""``evaluate(model, suite) -> EvalReport``: prepare → plan → run every task of a suite on one model.

``prepare`` loads and checks every task's data (no model needed); ``build_plan`` fixes what will
run — suite hash, each dataset's fingerprint and rows, the overrides, evaluator versions and params,
and the model fingerprint, taken once — before the first model call; ``evaluate`` runs the plan.
Bad input therefore costs seconds. Tasks share one inference cache (also on disk, under the model's
fingerprint, when ``cache`` names a folder: ``guard.cache``); a task that crashes is recorded
as failed with its error — its metrics are absent, so any rule on them is inconclusive, never a pass.
A model that fails on some examples only does not crash the task: it is scored on the other rows and
carries ``error_rate`` (``guard._example_errors``), which a policy must allow explicitly.
"""

from __future__ import annotations

import platform
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from guard._example_errors import ERROR_RATE, error_findings, error_rate, score_around_failures
from guard._secrets import mask, mask_options
from guard._version import __version__
from guard.data import TaskData, load_task_data
from guard.errors import GuardError, did_you_mean
from guard.evaluators import EvalContext, EvaluatorInfo, Scores, get_evaluator
from guard.models import ModelAdapter
from guard.models.cached import CachedModel
from guard.models.lazy import cache_settings, disk_cacheable, open_model, remember
from guard.policy import Policy
from guard.redact import LABEL_KEYS, Redactor
from guard.suite import Suite, load_suite
from guard.types import (
    CacheStats,
    EvalReport,
    EvalResult,
    Finding,
    MetricValue,
    ModelInfo,
    Overrides,
    RunPlan,
    SuiteInfo,
    TaskPlan,
)

if TYPE_CHECKING:
    from guard.cache import DiskCache
    from guard.report.samples import SamplesWriter as SampleSink


@dataclass
class PreparedTask:
    """A task ready to run: evaluator, validated params and loaded data."""

    name: str
    evaluator: EvaluatorInfo
    params: BaseModel
    data: TaskData | None


def prepare(
    suite: Suite, *, data: Mapping[str, str] | None = None, limit: int | None = None,
    allowed_roots: Sequence[Path] = (),
) -> list[PreparedTask]:
    """Load every task's dataset and check its columns; no model needed yet.

    A suite read from a file reads data only under its own folder (it may come from an untrusted pull
    request), plus ``allowed_roots`` and ``GUARD_ALLOW_PATH``; ``--data`` paths are the user's own.
    """
    overrides = dict(data or {})
    names = [t.name for t in suite.tasks]
    for task_name in overrides:
        if task_name not in names:
            raise GuardError(f"--data names unknown task '{task_name}'", hint=did_you_mean(task_name, names))
    prepared = []
    for index, task in enumerate(suite.tasks):
        info = get_evaluator(task.evaluator)
        params = suite.params_for(task.name)
        task_data = None
        spec = task.dataset
        if spec is None and task.name in overrides:
            from guard.suite import DatasetSpec

            spec = DatasetSpec(path=overrides[task.name])  # --data gives a dataset-less task its data
        if spec is not None:
            required, optional = info.column_roles(params)
            task_data = load_task_data(
                spec,
                base_dir=suite.base_dir,
                required=required,
                optional=optional,
                override=overrides.get(task.name),
                where=suite.where("tasks", index, "dataset"),
                limit=limit,
                allowed_roots=allowed_roots,
                confine_to_base=suite.source is not None,
            )
            if info.check is not None:
                try:
                    info.check(task_data, params)
                except GuardError as exc:
                    raise GuardError(f"task '{task.name}' ({info.name}): {exc.message}",
                                     where=exc.where or suite.where("tasks", index), hint=exc.hint) from None
        prepared.append(PreparedTask(task.name, info, params, task_data))
    return prepared


def check_policy_against_suite(policy: Policy, suite: Suite) -> None:
    """Every rule names a task of the suite and a metric its evaluator declares (or the runner's
    ``error_rate``) — checked before any inference, so a typo in a policy costs a second, not a run."""
    _check_rules(policy, {t.name: get_evaluator(t.evaluator) for t in suite.tasks}, f"suite '{suite.name}'")


def check_policy_against_report(policy: Policy, report: EvalReport) -> None:
    """``guard check``: a rule on a task of the report must name a metric that task's evaluator declares
    (a typo is an error, not an inconclusive verdict). Rules on tasks the report lacks stay inconclusive:
    one policy may cover several suites."""
    evaluators: dict[str, EvaluatorInfo] = {}
    for result in report.results:
        try:
            evaluators[result.task] = get_evaluator(result.evaluator)
        except GuardError:
            continue  # a plugin not installed here: its metrics cannot be checked
    _check_rules(policy, evaluators, None)


def _check_rules(policy: Policy, tasks: Mapping[str, EvaluatorInfo], source: str | None) -> None:
    for index, rule in enumerate(policy.rules):
        task, _, rest = rule.metric.partition(".")
        metric = rest.partition("[")[0]
        where = policy.where("rules", index, "metric")
        if task not in tasks:
            if source is None:
                continue
            raise GuardError(f"rule '{rule.id}' names task '{task}', which {source} does not have",
                             where=where, hint=did_you_mean(task, tasks))
        info = tasks[task]
        if metric == ERROR_RATE:  # the runner's metric, carried by every task with a dataset
            if "[" in rule.metric or rule.per_group:
                raise GuardError(f"rule '{rule.id}': '{ERROR_RATE}' has no groups", where=where)
            continue
        if info.metrics and not info.declares(metric):
            names = [m.name for m in info.metrics]
            raise GuardError(f"rule '{rule.id}': evaluator '{info.name}' (task '{task}') produces no metric "
                             f"'{metric}'", where=where, hint=did_you_mean(metric, names))


def check_capabilities(tasks: list[PreparedTask], model: ModelAdapter) -> None:
    """Refuse before inference when the model cannot do what a task needs."""
    for task in tasks:
        needed = task.evaluator.requires
        if needed and not (needed & model.capabilities):
            have = ", ".join(sorted(c.value for c in model.capabilities)) or "nothing"
            want = " or ".join(sorted(c.value for c in needed))
            raise GuardError(
                f"task '{task.name}' ({task.evaluator.name}) needs a model that can {want}; '{model.spec}' can {have}"
            )
        if task.evaluator.check_model is not None and task.data is not None:
            try:
                task.evaluator.check_model(model, task.data, task.params)
            except GuardError as exc:
                raise GuardError(f"task '{task.name}' ({task.evaluator.name}): {exc.message}", where=exc.where,
                                 hint=exc.hint) from None


def model_info(model: ModelAdapter) -> ModelInfo:
    """What identifies the artifact, with its fingerprint computed here, once per run."""
    artifact = getattr(model, "artifact", None)
    hashed = getattr(artifact, "hashed_files", None)
    return ModelInfo(
        spec=mask(model.spec),  # as shown and stored; the adapter keeps the real spec (and fingerprint)
        kind=model.kind,
        fingerprint=model.fingerprint,
        fingerprint_kind=getattr(model, "fingerprint_kind", "content"),
        capabilities=sorted(c.value for c in model.capabilities),
        parameters=getattr(model, "num_parameters", None),
        size_on_disk_bytes=getattr(model, "size_on_disk_bytes", None),
        fingerprint_files=list(hashed()) if callable(hashed) else [],
    )


def build_plan(
    suite: Suite, tasks: list[PreparedTask], model: ModelAdapter, *, seed: int = 0,
    data: Mapping[str, str] | None = None, limit: int | None = None, model_options: Mapping[str, Any] | None = None,
    cache: bool = False,
) -> RunPlan:
    """The run plan: everything that determines the numbers, fixed before the first model call.

    ``cache``: whether answers may come from the persistent cache (see ``uses_disk_cache``)."""
    if seed < 0:
        raise GuardError(f"--seed must be 0 or more, got {seed}")
    return RunPlan(
        suite=SuiteInfo(name=suite.name, source=str(suite.source) if suite.source else "<inline>", sha256=suite.sha256),
        model=model_info(model),
        seed=seed,
        overrides=Overrides(data=dict(data or {}), limit=limit, seed=seed),
        model_options=mask_options(dict(model_options or {})),  # recorded only: the adapter has the real values
        cache=cache,
        tasks=[TaskPlan(task=t.name, evaluator=t.evaluator.name, evaluator_version=t.evaluator.version,
                        params=t.params.model_dump(mode="json"), dataset=t.data.info if t.data else None)
               for t in tasks],
    )


def evaluate(
    model: ModelAdapter | str,
    suite: Suite | str | Path,
    *,
    data: Mapping[str, str] | None = None,
    seed: int = 0,
    limit: int | None = None,
    tasks: list[PreparedTask] | None = None,
    plan: RunPlan | None = None,
    progress: bool = False,
    store_raw_evidence: bool = False,
    redactor: Redactor | None = None,
    allowed_roots: Sequence[Path] = (),
    cache: DiskCache | str | Path | None = None,
    samples: SampleSink | None = None,
) -> EvalReport:
    """Run ``suite`` on ``model`` and return the report (never raises for a crashing task).

    ``tasks`` and ``plan`` come from ``prepare`` and ``build_plan`` when the caller made them already
    (the command line does, to record the plan before inference). Findings are redacted before they
    enter the report unless ``store_raw_evidence`` is set; ``redactor`` is built here (before the first
    model call, so a bad NER setting costs nothing) unless the caller brings one. ``cache`` (a folder or
    a ``guard.cache.DiskCache``) keeps the model's answers across runs; the command line passes
    ``.guard/cache`` by default, the Python API nothing (an adapter object built in code may answer
    differently under the same fingerprint). ``samples`` (a ``guard.report.samples.SamplesWriter``)
    receives every example's record, redacted like findings; the report then references it.
    """
    if not isinstance(suite, Suite):
        suite = load_suite(suite)
    if plan is not None and tasks is None:
        raise ValueError("a plan is run with the tasks it was built from: pass tasks= too")
    tasks = tasks if tasks is not None else prepare(suite, data=data, limit=limit, allowed_roots=allowed_roots)
    disk = _disk_cache(cache)
    try:
        model = open_model(model, cache=disk)
        check_capabilities(tasks, model)
        use_disk = uses_disk_cache(disk, model)
        plan = plan or build_plan(suite, tasks, model, seed=seed, data=data, limit=limit, cache=use_disk)
        if plan.cache and not use_disk:
            raise ValueError("the plan says answers may come from the persistent cache: pass a cache= it may use")
        seed = plan.seed
        # The redactor is built now, so a bad setting (GUARD_PII_NER) fails before any inference.
        redactor = Redactor.raw() if store_raw_evidence else (redactor or Redactor.with_scanner())
        if plan.cache and disk is not None:
            remember(model, disk, plan.model.fingerprint)  # the next run may then skip loading it
        with _progress(progress) as factory:
            cached = CachedModel(model, progress=factory, disk=disk if plan.cache else None,
                                 fingerprint=plan.model.fingerprint,
                                 settings=cache_settings(model) if plan.cache else None)
            results = [_run_task(task, cached, model, seed, redactor, samples) for task in tasks]
        stats = _cache_stats(disk, cached) if plan.cache and disk is not None else None
        samples_ref = samples.close() if samples is not None else None
    finally:
        if disk is not None:
            disk.close()  # SQLite folds its log back into the file now, not whenever the object is collected
    return EvalReport(
        guard_version=__version__,
        model=plan.model,
        suite=plan.suite,
        seed=seed,
        plan=plan,
        raw_evidence=store_raw_evidence,
        evidence_redaction=redactor.mode,
        results=results,
        environment=_environment(),
        cache=stats,
        samples=samples_ref,
    )


def uses_disk_cache(disk: DiskCache | None, model: ModelAdapter) -> bool:
    """Answers go to the persistent cache only for a model whose fingerprint hashes its files."""
    return disk is not None and disk_cacheable(model)


def _disk_cache(cache: DiskCache | str | Path | None) -> DiskCache | None:
    if cache is None:
        return None
    from guard.cache import DiskCache

    return cache if isinstance(cache, DiskCache) else DiskCache(cache)


def _cache_stats(disk: DiskCache, cached: CachedModel) -> CacheStats:
    notes = list(disk.notes)
    if cached.corrupt:
        notes.append(f"{cached.corrupt} stored answers failed their checksum or did not decode; recomputed them")
    return CacheStats(dir=str(disk.folder), hits=cached.disk_hits, misses=cached.misses, notes=notes)


def _run_task(task: PreparedTask, cached: CachedModel, raw: ModelAdapter, seed: int, redactor: Redactor,
              samples: SampleSink | None = None) -> EvalResult:
    started = time.perf_counter()
    base: dict[str, Any] = {
        "task": task.name,
        "evaluator": task.evaluator.name,
        "evaluator_version": task.evaluator.version,
        "params": task.params.model_dump(mode="json"),
        "dataset": task.data.info if task.data else None,
    }
    try:
        context = EvalContext(task=task.name, seed=seed, raw_model=raw, store_raw_evidence=redactor.is_raw)
        scores, failing = _scores(task, cached, context)
        groups = _group_labels(task.data, redactor)
        metrics = {name: _relabel_groups(m, groups) for name, m in scores.metrics.items()} if groups else scores.metrics
        if task.data is not None:
            metrics = {**metrics, ERROR_RATE: error_rate(len(failing), len(task.data))}
        found = [_relabel_finding(f, groups) if groups else f for f in scores.findings] + error_findings(failing)
        findings = [redactor.finding(f) for f in found]
        if samples is not None:
            from guard.report.samples import dataset_records

            samples.add(task.name, dataset_records(scores.samples, failing, task.data, groups, redactor))
        return EvalResult(**base, metrics=metrics, findings=findings, seconds=time.perf_counter() - started)
    except KeyboardInterrupt:
        raise
    except Exception as exc:  # a crashing evaluator fails its task, never the whole report
        message = exc.one_line() if isinstance(exc, GuardError) else f"{type(exc).__name__}: {exc}"
        message = redactor.text(message)[:2000]  # redact first: a cut can split a value
        return EvalResult(**base, status="error", error=message, seconds=time.perf_counter() - started)


def _scores(task: PreparedTask, cached: CachedModel, context: EvalContext) -> tuple[Scores, dict[int, str]]:
    """The evaluator's scores and the failing rows (0-based) -> error; see ``guard._example_errors``.

    When the model fails on some inputs and the task has a dataset, the task is scored on the rows
    that do not fail; otherwise (or when every row fails) the error fails the task, as any crash."""
    def run(data: TaskData | None) -> Scores:
        return task.evaluator(cached, data, task.params, context)

    failing: dict[int, str] = {}
    try:
        with cached.watch() as model_failed:
            scores = run(task.data)
    except Exception as exc:
        if not model_failed or task.data is None:
            raise
        scores, failing = score_around_failures(run, task.data, cached, exc)
    if ERROR_RATE in scores.metrics:
        raise GuardError(f"evaluator '{task.evaluator.name}' produced a metric '{ERROR_RATE}': guard reserves that "
                         "name for the share of examples the model failed on")
    return scores, failing


def _group_labels(data: TaskData | None, redactor: Redactor) -> dict[str, str]:
    """Values of the user's group column that hold PII (an e-mail, a name) -> the keyed label reports
    store instead (``by_group`` keys are evidence too). Only data-given groups: term-list groups are ours."""
    if data is None or not data.has("group") or redactor.is_raw:
        return {}
    labels = {str(g): redactor.group_key(str(g)) for g in set(map(str, data.column("group")))}
    return {raw: label for raw, label in labels.items() if raw != label}


def _relabel_groups(metric: MetricValue, groups: dict[str, str]) -> MetricValue:
    if not metric.by_group:
        return metric
    return metric.model_copy(update={"by_group": {groups.get(g, g): _relabel_groups(m, groups)
                                                  for g, m in metric.by_group.items()}})


def _relabel_finding(finding: Finding, groups: dict[str, str]) -> Finding:
    def swap(value: Any, key: str | None = None) -> Any:
        if isinstance(value, str) and key in LABEL_KEYS:
            return groups.get(value, value)
        if isinstance(value, list):
            return [swap(v, key) for v in value]
        if isinstance(value, dict):
            return {groups.get(k, k) if isinstance(k, str) else k: swap(v, k) for k, v in value.items()}
        return value

    return finding.model_copy(update={"example": swap(finding.example)})


@contextmanager
def _progress(enabled: bool) -> Iterator[Any]:
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=Console(stderr=True), transient=True,
    ) as bar:

        def factory(method: str, total: int):
            task_id = bar.add_task(f"model.{method}", total=total)
            return lambda done: bar.advance(task_id, done)

        yield factory


def _environment() -> dict[str, str]:
    env = {"python": platform.python_version(), "platform": platform.platform(terse=True)}
    for name in ("torch", "transformers", "sklearn", "datasets", "numpy"):
        module = sys.modules.get(name)
        if module is not None and hasattr(module, "__version__"):
            env[name] = str(module.__version__)
    return env
