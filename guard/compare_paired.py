"""Paired significance for ``guard compare`` from the two runs' per-example samples (``--log-samples``).

When both runs scored the same examples, the examples both got right (or both wrong) say nothing about
a change; only the discordant pairs do. The exact McNemar test asks whether the candidate's wins and
losses among those pairs are a fair coin (a two-sided binomial test, ``scipy.stats.binomtest``); on the
same examples it is more sensitive than comparing two independent proportions.

It is used only when it is sound, else the caller keeps its unpaired tests and the notes say why:
- both samples files are found and their sha256 is the one the report records (a changed file is refused);
- the task ran on both sides with the same suite, seed and data (``guard.evidence.incomparable``);
- the same examples: the same set of dataset rows (the 1-based row the runner writes), and for each row
  the same redacted example (input, expected answer, group: what the model was asked and judged on, not
  what it answered). Row ids alone could hide another file of the same length; inputs alone could hide a
  duplicated or reordered row. A row that errored on one side only makes the sets differ;
- a metric whose value is the share of examples with a per-record flag (``_BINARY``), and the flags
  reproduce each side's reported count and n, overall and per group (so a mapping that does not hold for
  a run is never used).

Records are streamed a page at a time with ``guard.report.samples.SamplesReader``; per side and task only
a dict row -> (16-byte digest, group, flags) is kept.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from guard.compare import Side
    from guard.report.samples import SamplesReader
    from guard.types import EvalResult

Key = tuple[str, str | None]  # (task.metric, group or None)
_Row = tuple[bytes, str | None, tuple[bool, ...]]

# evaluator -> metric -> whether one record counts toward the metric (the metric is the share that do)
_BINARY: dict[str, dict[str, Callable[[dict[str, Any]], bool]]] = {
    "accuracy": {"accuracy": lambda r: r.get("outcome") == "correct",   # classification: predicted == expected
                 "contains": lambda r: r.get("outcome") == "correct",   # generation: an accepted answer in it
                 "exact_match": lambda r: r.get("exact_match") is True},
}
_IDENTITY = ("input", "expected", "group", "more", "less", "bias_type")  # the example, not the model's answer


def mcnemar(candidate: list[bool], baseline: list[bool]) -> tuple[float, int]:
    """Two-sided exact McNemar p-value of "no change" on paired outcomes, and the number of discordant pairs."""
    from scipy.stats import binomtest

    gained = sum(c and not b for c, b in zip(candidate, baseline, strict=True))
    lost = sum(b and not c for c, b in zip(candidate, baseline, strict=True))
    discordant = gained + lost
    return (1.0 if discordant == 0 else float(binomtest(gained, discordant, 0.5).pvalue)), discordant


def _task_rows(reader: SamplesReader, task: str, tests: list[Callable[[dict[str, Any]], bool]]) -> dict[int, _Row]:
    """Row -> (digest of the example, group, flags) for every scored record of ``task``, streamed by page;
    an empty dict when a record has no row id or a row comes twice (nothing to pair on)."""
    from guard.report.samples import BLOCK_ROWS

    rows: dict[int, _Row] = {}
    offset = 0
    while True:
        page = reader.page(offset=offset, size=BLOCK_ROWS, task=task)
        for record in page.records:
            if record.get("outcome") == "error":
                continue  # not in the metric: scored on neither side's count
            row = record.get("row")
            if not isinstance(row, int) or row in rows:
                return {}
            identity = json.dumps([record.get(f) for f in _IDENTITY], sort_keys=True, default=str)
            group = record.get("group")
            rows[row] = (hashlib.blake2b(identity.encode(), digest_size=16).digest(),
                         group if isinstance(group, str) else None, tuple(test(record) for test in tests))
        offset += len(page.records)
        if not page.records or offset >= page.total:
            return rows


def _reproduces(result: EvalResult, metric: str, index: int, rows: dict[int, _Row]) -> bool:
    """Whether the flags give the reported count and n of ``metric``, overall and in every group."""
    from guard.compare import _counts

    value = result.metrics[metric]
    parts: list[tuple[Any, list[bool]]] = [(value, [r[2][index] for r in rows.values()])]
    parts += [(v, [r[2][index] for r in rows.values() if r[1] == g]) for g, v in value.by_group.items()]
    return all(_counts(v) == sum(flags) and v.n == len(flags) for v, flags in parts)


def _open(name: str, side: Side) -> tuple[SamplesReader | None, str | None]:
    """The side's samples reader, or why there is none (a missing file, or one that is not the one written)."""
    from guard.report.samples import SamplesReader, verify

    ref = side.report.samples if side.report is not None else None
    if ref is None:
        return None, (f"no paired tests: the {name}'s report has no per-example samples "
                      "(guard evaluate --log-samples writes them)")
    state, path = verify(ref, side.samples_dir)
    if state == "missing" or path is None:
        return None, f"no paired tests: the {name}'s samples file '{ref.file}' is not found"
    if state == "mismatch":
        return None, (f"refused the {name}'s samples file {path}: its sha256 is not {ref.sha256[:12]}…, the one "
                      "its report records (changed since the run); no paired tests")
    return SamplesReader(path, ref.sha256), None


def paired_tests(candidate: Side, baseline: Side) -> tuple[dict[Key, tuple[float, str]], list[str]]:
    """(task.metric, group) -> (p, "paired (McNemar, n discordant = k)") for every metric the samples pair,
    and notes on what could not be paired and why (the caller tests those unpaired)."""
    from guard.evidence import incomparable

    a, b = candidate.report, baseline.report
    if a is None or b is None or (a.samples is None and b.samples is None):
        return {}, []  # the unpaired note says it all
    readers: list[SamplesReader] = []
    for name, side in (("candidate", candidate), ("baseline", baseline)):
        reader, why = _open(name, side)
        if reader is None:
            return {}, [why] if why else []
        readers.append(reader)
    tests: dict[Key, tuple[float, str]] = {}
    notes: list[str] = []
    for mine in a.results:
        theirs = b.result(mine.task)
        binary = _BINARY.get(mine.evaluator, {})
        if theirs is None or mine.status != "ok" or theirs.status != "ok" or theirs.evaluator != mine.evaluator:
            continue
        metrics = [m for m in binary if m in mine.metrics and m in theirs.metrics]
        if not metrics or incomparable(a, b, mine.task):
            continue  # nothing binary to pair, or other data (named in the notes already)
        checks = [binary[m] for m in metrics]
        ours, other = (_task_rows(reader, mine.task, checks) for reader in readers)
        if not ours or not other:
            notes.append(f"task '{mine.task}': its samples name no rows to pair on: its significance is unpaired")
            continue
        same = {r for r in ours.keys() & other.keys() if ours[r][0] == other[r][0]}
        if len(same) != len(ours) or len(same) != len(other):
            differ = len(ours.keys() ^ other.keys()) + len(ours.keys() & other.keys()) - len(same)
            notes.append(f"task '{mine.task}': the two runs' samples are not the same examples "
                         f"({differ} rows differ): its significance is unpaired")
            continue
        order = sorted(same)
        for index, metric in enumerate(metrics):
            if not (_reproduces(mine, metric, index, ours) and _reproduces(theirs, metric, index, other)):
                notes.append(f"'{mine.task}.{metric}': the samples do not reproduce the reported counts: unpaired")
                continue
            groups = [None, *sorted(mine.metrics[metric].by_group.keys() & theirs.metrics[metric].by_group.keys())]
            for group in groups:
                rows = [r for r in order if group is None or ours[r][1] == group]
                p, discordant = mcnemar([ours[r][2][index] for r in rows], [other[r][2][index] for r in rows])
                tests[f"{mine.task}.{metric}", group] = (p, f"paired (McNemar, n discordant = {discordant})")
    return tests, notes
