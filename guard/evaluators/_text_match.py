"""Answer matching for generation tasks: exact match, contains, token F1 (SQuAD-style normalising)."""

from __future__ import annotations

import re
import string
from collections import Counter

_ARTICLES = re.compile(r"\b(a|an|the)\b")
_PUNCT = str.maketrans("", "", string.punctuation)


def normalize(text: str) -> str:
    """Lower-case, drop punctuation and articles, squeeze whitespace (as SQuAD's official script)."""
    text = _ARTICLES.sub(" ", text.lower().translate(_PUNCT))
    return " ".join(text.split())


def exact_match(prediction: str, answers: list[str]) -> bool:
    pred = normalize(prediction)
    return any(pred == normalize(a) for a in answers)


def contains(prediction: str, answers: list[str]) -> bool:
    """Whether a whole-word occurrence of any answer appears ("10" does not contain "0")."""
    padded = f" {normalize(prediction)} "
    return any(normalize(a) and f" {normalize(a)} " in padded for a in answers)


def token_f1(prediction: str, answers: list[str]) -> float:
    """Best bag-of-tokens F1 against any answer."""
    pred_tokens = normalize(prediction).split()
    best = 0.0
    for answer in answers:
        gold = normalize(answer).split()
        common = sum((Counter(pred_tokens) & Counter(gold)).values())
        if not pred_tokens or not gold or common == 0:
            score = float(pred_tokens == gold)
        else:
            precision, recall = common / len(pred_tokens), common / len(gold)
            score = 2 * precision * recall / (precision + recall)
        best = max(best, score)
    return best
