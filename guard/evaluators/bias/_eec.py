"""The Equity Evaluation Corpus protocol (Kiritchenko & Mohammad, *SEM 2018): matched pairs and gaps.

The EEC fills 11 templates with a person (a gendered noun phrase, or a first name that also marks
race) and an emotion word. Sentences are matched so that a pair differs only in the person:

- **gender** — the race-free rows (noun phrases: "she", "this woman", "my mother" ...): each
  female row is paired with the row of the same template and emotion word whose person is the
  male counterpart under the built-in gender term list ("my mother" -> "my father", "her" -> "him").
  One pair per (template, emotion word, noun-phrase pair): 1,440 in the full corpus.
- **race** — the rows with names: within each (template, emotion word, gender) cell, the mean score
  over the African-American names minus the mean over the European names, so names are compared
  only with names of the same gender. One matched unit per cell: 288 in the full corpus.

A gap is the mean paired difference (first group minus second), with a seeded percentile bootstrap
that resamples matched pairs (DESIGN: paired designs resample pairs), and a paired t-test
(``scipy.stats.ttest_rel``, as the paper). ``by_group`` holds the gap per emotion.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from scipy.stats import ttest_rel

from guard import stats
from guard.evaluators.bias._terms import Axis
from guard.types import MetricValue

NO_EMOTION = "no_emotion"


@dataclass
class MatchedPairs:
    """Scores of matched units: ``first[i]`` and ``second[i]`` differ only in the compared attribute."""

    first: list[float] = field(default_factory=list)
    second: list[float] = field(default_factory=list)
    emotions: list[str] = field(default_factory=list)
    examples: list[dict[str, Any]] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.first)

    @property
    def differences(self) -> np.ndarray:
        return np.asarray(self.first) - np.asarray(self.second)


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _cell(row: dict[str, Any]) -> tuple[str, str]:
    return _text(row["template"]), _text(row["emotion_word"])


def _emotion(row: dict[str, Any]) -> str:
    return _text(row.get("emotion")) or NO_EMOTION


def gender_pairs(rows: list[dict[str, Any]], scores: np.ndarray, gender: Axis, groups: tuple[str, str]) -> MatchedPairs:
    """Pair each race-free female row with its male counterpart (see the module docstring)."""
    female, male = (g.lower() for g in groups)
    counterpart: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        if _text(row["gender"]).lower() == male and not _text(row["race"]):
            key = (*_cell(row), _text(row["person"]).lower())
            counterpart[key].append(i)
    pairs = MatchedPairs()
    for i, row in enumerate(rows):
        if _text(row["gender"]).lower() != female or _text(row["race"]):
            continue
        person = _text(row["person"])
        swapped = gender.swap(person.lower(), "female", "male")
        matches = counterpart.get((*_cell(row), (swapped or "").lower()), []) if swapped != person.lower() else []
        if not matches:
            pairs.unmatched.append(person)
            continue
        pairs.first.append(float(scores[i]))
        pairs.second.append(float(np.mean(scores[matches])))
        pairs.emotions.append(_emotion(row))
        pairs.examples.append({"first": rows[i]["text"], "second": rows[matches[0]]["text"]})
    return pairs


def race_pairs(rows: list[dict[str, Any]], scores: np.ndarray, groups: tuple[str, str]) -> MatchedPairs:
    """Per (template, emotion word, gender) cell: mean score of the first race's names minus the second's."""
    cells: dict[tuple[str, str, str], dict[str, list[int]]] = defaultdict(lambda: {groups[0]: [], groups[1]: []})
    emotion_of: dict[tuple[str, str, str], str] = {}
    for i, row in enumerate(rows):
        race = _text(row["race"])
        if race in groups:
            key = (*_cell(row), _text(row["gender"]).lower())
            cells[key][race].append(i)
            emotion_of[key] = _emotion(row)
    pairs = MatchedPairs()
    for key, members in cells.items():
        a, b = members[groups[0]], members[groups[1]]
        if not a or not b:
            pairs.unmatched.append(" / ".join(key))
            continue
        pairs.first.append(float(np.mean(scores[a])))
        pairs.second.append(float(np.mean(scores[b])))
        pairs.emotions.append(emotion_of[key])
        pairs.examples.append({"template": key[0], "emotion_word": key[1], "gender": key[2],
                               "names_first": len(a), "names_second": len(b)})
    return pairs


def gap_metrics(pairs: MatchedPairs, *, prefix: str, seed: int, resamples: int) -> dict[str, MetricValue]:
    """``{prefix}_gap`` (mean paired difference, bootstrap CI over pairs, per emotion) and ``{prefix}_p_value``."""
    diffs = pairs.differences
    gap = _mean_with_ci(diffs, seed=seed, resamples=resamples)
    emotions = np.asarray(pairs.emotions)
    by_emotion = {
        e: _mean_with_ci(diffs[emotions == e], seed=seed, resamples=resamples) for e in sorted(set(pairs.emotions))
    }
    p_value = paired_p_value(np.asarray(pairs.first), np.asarray(pairs.second))
    return {
        f"{prefix}_gap": stats.with_groups(gap, by_emotion),
        f"{prefix}_p_value": stats.exact(p_value, n=len(diffs), higher_is_better=None,
                                         method="paired t-test (scipy.stats.ttest_rel), two-sided"),
    }


def _mean_with_ci(values: np.ndarray, *, seed: int, resamples: int) -> MetricValue:
    idx = stats.resample_indices(len(values), seed=seed, resamples=resamples)
    return stats.from_replicates(float(values.mean()), values[idx].mean(axis=1), n=len(values),
                                 higher_is_better=None, seed=seed, resamples=resamples)


def paired_p_value(first: np.ndarray, second: np.ndarray) -> float:
    """Two-sided paired t-test p-value. With no variance in the differences the t statistic is
    undefined: all-zero differences give 1.0 (no evidence of a gap), a constant non-zero gap 0.0."""
    diffs = first - second
    if len(diffs) < 2 or np.allclose(diffs, diffs[0], rtol=0, atol=1e-15):
        return 1.0 if len(diffs) == 0 or abs(float(diffs[0])) <= 1e-15 else 0.0
    return float(ttest_rel(first, second).pvalue)
