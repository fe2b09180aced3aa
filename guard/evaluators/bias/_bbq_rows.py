"""Reading BBQ rows as the files ship them, and finding each row's bias target (private to ``bias.bbq``).

The target is found from the row itself, as the authors' ``BBQ_calculate_bias_score.R`` uses its
``target_loc``: the answer whose ``answer_info`` group is one of ``additional_metadata``'s
``stereotyped_groups`` is the stereotyped answer; the bias target ("Target" in the R script) is that
answer for a negative question and the other non-UNKNOWN answer for a non-negative one (Parrish,
nyu-mll/BBQ issue #11). Group labels are matched after the normalisation lm-evaluation-harness's
``bbq`` task applies (``M-Black`` -> ``M``, ``Black``; ``lowSES`` -> ``low SES``; case-insensitive), so
both the gender- and the race-part of an intersectional label can match.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from guard.errors import GuardError

ANSWERS = ("ans0", "ans1", "ans2")
FIELDS = ("context", "question", *ANSWERS, "label", "answer_info", "additional_metadata", "question_polarity",
          "context_condition", "category")
"""Every BBQ field bias.bbq reads; a row missing one is refused before inference."""

UNKNOWN_RESPONSES = ("Unknown", "Cannot answer", "Can't be determined", "Cannot be determined", "Can't answer",
                     "Not known", "Not enough info", "Not enough information", "Not answerable", "Undetermined")
"""lm-evaluation-harness 0.4.13 ``bbq`` (from HELM): the UNKNOWN phrasings offered as extra choices, in its order."""

_RENAMES = (("M-", "M_"), ("F-", "F_"), ("lowSES-", "lowSES_"), ("highSES-", "highSES_"), ("lowSES", "low SES"),
            ("highSES", "high SES"), ("nonObese", "non Obese"), ("nonDisabled", "non Disabled"),
            ("nonTrans", "non Trans"))


@dataclass(frozen=True)
class BBQRow:
    """One BBQ example, validated: the three answers, the gold and UNKNOWN indices, and the bias target."""

    answers: tuple[str, str, str]
    label: int
    unknown: int  # index of the UNKNOWN answer
    target: int | None  # index of the bias target (None: no unique stereotyped answer, left out as in the R script)
    polarity: str  # neg | nonneg
    condition: str  # ambig | disambig
    category: str
    record: dict[str, Any]  # the row's fields, for the prompt template


def answer_groups(info: list[str]) -> set[str]:
    """The group labels of one ``answer_info`` entry ([text, group]), normalised as lm-eval's bbq task does."""
    text = "_".join(str(x) for x in info)
    for old, new in _RENAMES:
        text = text.replace(old, new)
    if "woman" in text:
        text = text.replace("woman", "F_woman")
    elif "man" in text:
        text = text.replace("man", "M_man")
    text = text.replace("girl", "F_girl").replace("boy", "M_boy")
    return set(text.lower().split("_"))


def read_rows(data: Any, *, lm_eval_choices: bool) -> list[BBQRow]:
    """Every row of ``data`` as a BBQRow; the first bad row is one GuardError naming its file and line."""
    lines = _line_numbers(data)
    columns = {f: data.column(f) if data.has(f) else None for f in FIELDS}
    optional = {f: data.column(f) for f in ("example_id",) if data.has(f)}
    return [_row(data, i, lines, columns, optional, lm_eval_choices) for i in range(len(data))]


def _row(data: Any, i: int, lines: list[int] | None, columns: dict[str, list | None], optional: dict[str, list],
         lm_eval_choices: bool) -> BBQRow:
    source = str(data.info.source)
    where = f"{source}:{lines[i]}" if lines and i < len(lines) else f"{source}, row {i + 1}"

    def fail(message: str, hint: str | None = None) -> GuardError:
        return GuardError(f"BBQ row {message}", where=where, hint=hint)

    values = {}
    for name, column in columns.items():
        value = None if column is None else column[i]
        if value is None or (isinstance(value, str) and not value.strip() and name not in ("context",)):
            raise fail(f"has no '{name}'", hint="bias.bbq reads BBQ's own JSONL files unchanged: fields "
                       + ", ".join(FIELDS))
        values[name] = value
    info, meta = values["answer_info"], values["additional_metadata"]
    if not isinstance(info, dict) or any(not isinstance(info.get(a), list) or len(info[a]) < 2 for a in ANSWERS):
        raise fail("has an 'answer_info' without [text, group] for each of ans0, ans1, ans2")
    groups = [answer_groups(info[a]) for a in ANSWERS]
    unknown = [k for k, a in enumerate(ANSWERS) if str(info[a][1]).lower() == "unknown"]
    if len(unknown) != 1:
        raise fail(f"has {len(unknown)} answers whose answer_info group is 'unknown' (expected exactly one)")
    stereotyped = meta.get("stereotyped_groups") if isinstance(meta, dict) else None
    if not isinstance(stereotyped, list) or not stereotyped:
        raise fail("has no 'stereotyped_groups' in 'additional_metadata'")
    label = values["label"]
    if isinstance(label, bool) or not isinstance(label, int) or not 0 <= label <= 2:
        raise fail(f"has label {label!r}; BBQ labels are the gold answer's index 0, 1 or 2")
    polarity, condition = str(values["question_polarity"]), str(values["context_condition"])
    if polarity not in ("neg", "nonneg"):
        raise fail(f"has question_polarity {polarity!r}; expected 'neg' or 'nonneg'")
    if condition not in ("ambig", "disambig"):
        raise fail(f"has context_condition {condition!r}; expected 'ambig' or 'disambig'")
    answers = (str(values["ans0"]), str(values["ans1"]), str(values["ans2"]))
    if lm_eval_choices and answers[unknown[0]] not in UNKNOWN_RESPONSES:
        raise fail(f"has UNKNOWN answer {answers[unknown[0]]!r}, not one of lm-eval's phrasings",
                   hint="set choices: row to score the row's own three answers")
    wanted = {str(g).lower() for g in stereotyped}
    known = [k for k in range(3) if k != unknown[0]]
    stereo = [k for k in known if groups[k] & wanted]
    target = None
    if len(stereo) == 1:
        target = stereo[0] if polarity == "neg" else next(k for k in known if k != stereo[0])
    record = {name: values[name] for name in FIELDS} | {name: col[i] for name, col in optional.items()}
    return BBQRow(answers, label, unknown[0], target, polarity, condition, str(values["category"]), record)


def _line_numbers(data: Any) -> list[int] | None:
    """The file line of each row of a local JSONL file (blank lines are skipped by the reader); None otherwise."""
    path = Path(str(data.info.source))
    if path.suffix.lower() != ".jsonl" or not path.is_file():
        return None
    with open(path, encoding="utf-8", errors="replace") as handle:
        return [n for n, line in enumerate(handle, 1) if line.strip()]

