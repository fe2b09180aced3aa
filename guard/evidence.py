"""What counts as release evidence: a run's plan against a policy's pins, and baseline comparability.

A run made with ``--data``, ``--limit`` or another ``--seed`` is a fine report, but a gate cannot tell
easy rows from the suite's: unless the policy pins exactly what such a run produced (the dataset's
fingerprint, a minimum n, the seed), it is not release evidence. A relative rule compares like with
like only: the candidate and the baseline must have run the same suite on the same data.
Pure functions of plans, reports and policies; the gate, ``guard check`` and ``guard evaluate`` use them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from guard.types import DatasetInfo, EvalReport, RunPlan

if TYPE_CHECKING:
    from guard.policy import Policy


def _short(fingerprint: str) -> str:
    return fingerprint if len(fingerprint) <= 23 else fingerprint[:19] + "…"


def _describe(dataset: DatasetInfo | None) -> str:
    return "no dataset" if dataset is None else f"{_short(dataset.fingerprint)} ({dataset.rows} rows)"


def plan_consistency(report: EvalReport) -> list[str]:
    """Whether a report's numbers come from the plan it carries (model, suite, each task's data)."""
    plan = report.plan
    if plan is None:
        return ["the report carries no run plan (written before rai-guard recorded plans): evaluate again"]
    problems = []
    if plan.model.fingerprint != report.model.fingerprint:
        problems.append("the report's model fingerprint is not its plan's")
    if plan.suite.sha256 != report.suite.sha256:
        problems.append("the report's suite hash is not its plan's")
    planned = {t.task: t for t in plan.tasks}
    for result in report.results:
        task = planned.get(result.task)
        if task is None:
            problems.append(f"task '{result.task}' is not in the run plan")
        elif (task.dataset is None) != (result.dataset is None) or (
                task.dataset is not None and result.dataset is not None
                and (task.dataset.fingerprint, task.dataset.rows) != (result.dataset.fingerprint, result.dataset.rows)):
            problems.append(f"task '{result.task}' ran on other data than its plan names")
    if {r.task for r in report.results} != set(planned):
        problems.append("the report's tasks are not its plan's")
    return problems


def pin_problems(plan: RunPlan | None, policy: Policy, *, explicit_only: bool = False) -> list[str]:
    """Why ``plan`` is not release evidence under ``policy`` (empty: it is).

    With ``explicit_only`` only the policy's own ``evidence`` pins are checked (``guard check``); the
    gate also refuses ad-hoc overrides that no pin covers.
    """
    if plan is None:
        return [] if explicit_only else ["the run has no run plan (recorded before rai-guard recorded plans): "
                                         "evaluate again"]
    from guard.policy import EvidencePins

    pins = policy.evidence or EvidencePins()
    problems: list[str] = []
    if pins.suite is not None:
        if pins.suite.name is not None and pins.suite.name != plan.suite.name:
            problems.append(f"the run used suite '{plan.suite.name}'; the policy pins suite '{pins.suite.name}'")
        if pins.suite.sha256 is not None and pins.suite.sha256 != plan.suite.sha256:
            problems.append(f"the run's suite '{plan.suite.name}' has sha256 {plan.suite.sha256[:12]}…; the policy "
                            f"pins {pins.suite.sha256[:12]}… (the suite file changed)")
    seed = pins.seed if pins.seed is not None else 0
    if plan.seed != seed and (pins.seed is not None or not explicit_only):
        problems.append(f"the run used --seed {plan.seed}; the policy's evidence takes seed {seed}"
                        + ("" if pins.seed is not None else " (the default; pin another with evidence: {seed: N})"))
    for name, pin in sorted(pins.tasks.items()):
        task = plan.task(name)
        if task is None:
            problems.append(f"the policy pins task '{name}', which the run did not have")
            continue
        if task.dataset is None:
            problems.append(f"the policy pins the data of task '{name}', which read none")
            continue
        if pin.dataset is not None and pin.dataset != task.dataset.fingerprint:
            problems.append(f"task '{name}' used dataset {_short(task.dataset.fingerprint)} "
                            f"({task.dataset.rows} rows); the policy pins {_short(pin.dataset)}")
        if pin.min_n is not None and task.dataset.rows < pin.min_n:
            problems.append(f"task '{name}' used {task.dataset.rows} rows; the policy pins at least {pin.min_n}")
    if explicit_only:
        return problems
    for name, path in sorted(plan.overrides.data.items()):
        pinned = pins.tasks.get(name)
        if pinned is None or pinned.dataset is None:
            problems.append(f"the run replaced task '{name}''s data with --data {name}={path}, and the policy pins "
                            f"no dataset for it: an ad-hoc run is a report, not release evidence")
    if plan.overrides.limit is not None:
        unpinned = [t.task for t in plan.tasks if t.dataset is not None
                    and (pins.tasks.get(t.task) is None or pins.tasks[t.task].min_n is None)]
        if unpinned:
            problems.append(f"the run used --limit {plan.overrides.limit}, and the policy pins no min_n for "
                            f"{'task' if len(unpinned) == 1 else 'tasks'} {', '.join(repr(t) for t in unpinned)}: "
                            "the first rows of a file are not the suite's evidence")
    return problems


def incomparable(candidate: EvalReport, baseline: EvalReport, task: str) -> str | None:
    """Why ``task`` of the two reports cannot be compared (apples to oranges), or None when it can.

    Read from the report fields every schema version has (suite hash, seed, each task's data), so a
    baseline written before plans existed is compared the same way.
    """
    if candidate.suite.sha256 != baseline.suite.sha256:
        return (f"apples-to-oranges: the candidate ran suite '{candidate.suite.name}' "
                f"({candidate.suite.sha256[:12]}…), the baseline suite '{baseline.suite.name}' "
                f"({baseline.suite.sha256[:12]}…)")
    if candidate.seed != baseline.seed:
        return f"apples-to-oranges: the candidate ran with seed {candidate.seed}, the baseline with {baseline.seed}"
    mine, theirs = candidate.result(task), baseline.result(task)
    if mine is None or theirs is None:
        return None  # the missing side is reported as a missing metric
    a, b = mine.dataset, theirs.dataset
    if (a is None) != (b is None) or (
            a is not None and b is not None and (a.fingerprint, a.rows) != (b.fingerprint, b.rows)):
        return (f"apples-to-oranges: task '{task}' of the candidate used {_describe(a)}, the baseline's "
                f"{_describe(b)}")
    return None
