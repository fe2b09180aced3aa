"""A task scored around the examples the model fails on, with ``error_rate`` as evidence.

``CachedModel`` raises ``ExampleErrors`` when the model fails on some inputs (and remembers them, so
they never reach the model again). Which *rows* those inputs come from is the evaluator's business
(prompt templates, label verbalizers, counterfactual variants), so the runner finds them without
knowing: it re-runs the evaluator on subsets of the rows — chunks of about √n rows, then halves of
the failing chunks — and a subset fails when the model fails on one of its inputs. Re-runs cost no
inference (answers are cached, remembered failures raise at once), only the evaluator's arithmetic.
The task is then scored once on the rows that do not fail, and ``error_rate`` = failed rows / all
rows is added, with a Wilson (Clopper–Pearson at 0) interval over all rows.

Every task with a dataset carries ``error_rate`` (0 when nothing failed), so a policy rule on it is
judged on every run. A policy without such a rule allows no errors (``guard.policy.check``).
Fail-closed cases raise and fail the task as a whole: a dataset-less task (its examples are not
rows the runner can set aside), every row failing, the model failing again on the remaining rows,
or failures too many to isolate within ``MAX_PROBES`` re-runs. A subset the evaluator refuses
without asking the model (say, a single row where it needs two groups) tells nothing and counts as
clean; if it was not, the final run fails and so does the task.

Findings from the final run describe the scored rows; an evaluator that reports row numbers reports
them within that subset. Per-example errors are findings of kind ``example_error`` (1-based
``row`` in the dataset, at most ``MAX_FINDINGS``), redacted by the runner like every finding.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from guard.errors import GuardError
from guard.types import Finding, MetricValue

if TYPE_CHECKING:
    from guard.data import TaskData
    from guard.evaluators.base import Scores
    from guard.models.cached import CachedModel

ERROR_RATE = "error_rate"
"""The runner-level metric every task with a dataset carries: failed rows / all rows."""
ERROR_RATE_DESCRIPTION = "Share of the task's examples the model raised an error on (scored without them)."
MAX_FINDINGS = 20
MAX_PROBES = 1000  # evaluator re-runs spent isolating failing rows before the task gives up
_SYSTEMIC_AFTER = 8  # failing single rows, with no subset passing, before every row counts as failing


def error_rate(failed: int, n: int) -> MetricValue:
    from guard import stats

    return stats.proportion(failed, n, higher_is_better=False)


def subset(data: TaskData, indices: Sequence[int]) -> TaskData:
    """The rows at ``indices``; ``info`` stays the plan's (source, fingerprint, row count)."""
    from guard.data import TaskData

    return TaskData(rows=data.rows.select(list(indices)), columns=dict(data.columns), info=data.info)


def score_around_failures(
    run: Callable[[TaskData], Scores], data: TaskData, cached: CachedModel, first: Exception
) -> tuple[Scores, dict[int, str]]:
    """Scores on the rows that do not fail, and each failing row (0-based) -> its one-line error.

    ``first`` is what the run on all rows raised; it is raised again when every row fails.
    """
    n = len(data)

    def probe(rows: list[int]) -> str | None:
        with cached.watch() as seen:
            try:
                run(subset(data, rows))
            except Exception:  # noqa: BLE001, S110 - only whether the model failed matters here
                pass
        return seen[0].first if seen else None

    failing = _failing_rows(n, probe, first)
    if len(failing) == n:
        raise GuardError(f"the model failed on every one of the {n} examples; first: {failing[0]}")
    good = [i for i in range(n) if i not in failing]
    return run(subset(data, good)), failing


def _failing_rows(n: int, probe: Callable[[list[int]], str | None], first: Exception) -> dict[int, str]:
    if n == 1:
        raise first
    size = math.isqrt(n - 1) + 1
    chunks = [list(range(i, min(i + size, n))) for i in range(0, n, size)]
    pending = deque(chunks if len(chunks) > 1 else [chunks[0][: n // 2], chunks[0][n // 2:]])
    failing: dict[int, str] = {}
    passed = False
    probes = 0
    while pending:
        rows = pending.popleft()
        probes += 1
        if probes > MAX_PROBES:
            raise GuardError(f"the model failed on too many examples to set them aside ({len(failing)} of {n} rows "
                             f"found in {MAX_PROBES} re-runs of the evaluator); first: {_first_line(first)}")
        error = probe(rows)
        if error is None:
            passed = True
        elif len(rows) == 1:
            failing[rows[0]] = error
            if not passed and len(failing) >= _SYSTEMIC_AFTER and pending:
                raise GuardError(f"the model failed on each of the first {len(failing)} examples tried alone and on "
                                 f"every larger subset; first: {error}")
        else:
            pending += [rows[: len(rows) // 2], rows[len(rows) // 2:]]
    return dict(sorted(failing.items()))


def error_findings(failing: dict[int, str]) -> list[Finding]:
    """One ``example_error`` finding per failing row (the first ``MAX_FINDINGS``), unredacted yet."""
    total = len(failing)
    listed = f"; first {MAX_FINDINGS} listed" if total > MAX_FINDINGS else ""
    return [
        Finding(kind="example_error", severity="high",
                message=f"the model failed on row {row + 1} ({k} of {total} failed rows{listed}): {error}",
                example={"row": row + 1, "error": error})
        for k, (row, error) in enumerate(list(failing.items())[:MAX_FINDINGS], start=1)
    ]


def _first_line(exc: Exception) -> str:
    from guard.models.cached import one_line

    return one_line(exc)
