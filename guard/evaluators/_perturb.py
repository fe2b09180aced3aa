"""Seeded, label-preserving text perturbations for the ``robustness`` evaluator.

Each perturbation is a pure function of (seed, kind, text): the same text gets the same variant
whatever other rows a dataset holds, so a re-run on a subset of rows asks the model exactly the
same questions (and the run's cache answers them). A perturbation that cannot apply to a text
(no digits for ``numbers``, no cased letters for ``casing``) returns the text unchanged; the
evaluator leaves such examples out of that perturbation's sample.

What each one does, and why the gold label cannot change:

- ``typo`` — a share ``rate`` of the words of three letters or more (at least one) get one
  typing slip: a letter replaced by a QWERTY neighbour, a letter dropped or two neighbouring letters
  swapped (the first letter stays in place). Negations (``not``, ``never``, ``without``...) are left
  alone.
- ``casing`` — the whole text in UPPER case, lower case, Capitalised Words or Sentence case (one
  of those that changes the text).
- ``whitespace`` — a share ``rate`` of the gaps between words (at least one) get extra spaces or a
  tab; the words themselves are untouched (``text.split()`` is unchanged).
- ``punctuation`` — about ``rate`` times the number of words (at least one) edits: a ``, . ; :``
  is deleted or doubled, or a comma or period is added after a word (never after a negation:
  "not, good"). ``!`` and ``?`` are never added or removed (they can carry sentiment or make a
  question).
- ``numbers`` — every digit run gets other digits of the same length (years keep their century).
  A number that reads as a rating or score (``7/10``, ``4 stars``, ``80%``, ``3 out of 5``,
  ``9 points``) is left alone. Use it only where the label does not depend on the numbers'
  values (sentiment, topic); ``robustness`` never applies it to a generation example whose
  accepted answers hold a digit.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Callable

PERTURBATIONS = ("typo", "casing", "whitespace", "punctuation", "numbers")
DEFAULT_PERTURBATIONS = ("typo", "casing", "whitespace", "punctuation")

_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def _neighbours() -> dict[str, str]:
    """Letters adjacent on a QWERTY keyboard (same row left/right, the rows above and below)."""
    where = {c: (r, i) for r, row in enumerate(_KEYBOARD_ROWS) for i, c in enumerate(row)}
    out = {}
    for c, (r, i) in where.items():
        near = []
        for dr, di in ((0, -1), (0, 1), (-1, 0), (-1, 1), (1, -1), (1, 0)):
            rr, ii = r + dr, i + di
            if 0 <= rr < len(_KEYBOARD_ROWS) and 0 <= ii < len(_KEYBOARD_ROWS[rr]):
                near.append(_KEYBOARD_ROWS[rr][ii])
        out[c] = "".join(near)
    return out


NEIGHBOURS = _neighbours()
_WORD = re.compile(r"[^\W\d_]{3,}")  # runs of three letters or more
# Words a slip or a stop next to could be read as changing the meaning: left alone.
NEGATIONS = frozenset({"not", "never", "nor", "nothing", "none", "nobody", "nowhere", "without", "hardly",
                       "cannot", "neither", "barely", "scarcely"})
_GAP = re.compile(r"\s+")
_SOFT_PUNCT = ",.;:"
_NUMBER = re.compile(r"\d+")
# A number whose value the meaning hangs on: a rating, a score, a share.
_RATING_AFTER = re.compile(r"\s*(/|%|percent\b|out\s+of\b|stars?\b|points?\b|pts\b)", re.IGNORECASE)
_RATING_BEFORE = re.compile(r"/\s*$")


def rng_for(seed: int, kind: str, text: str) -> random.Random:
    """A generator seeded by (seed, kind, text) alone, the same in every process (unlike ``hash``)."""
    digest = hashlib.sha256(f"{seed}\0{kind}\0{text}".encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def _count(rate: float, available: int) -> int:
    return min(available, max(1, round(rate * available)))


def _same_case(new: str, like: str) -> str:
    return new.upper() if like.isupper() else new


def _slip(word: str, rng: random.Random) -> str:
    """One typing slip in ``word`` (three letters or more): a neighbour key, a drop or a swap."""
    op = rng.choice(("neighbour", "drop", "swap"))
    if op == "swap":
        j = rng.randrange(1, len(word) - 1)
        if j + 1 < len(word) and word[j] != word[j + 1]:
            return word[:j] + word[j + 1] + word[j] + word[j + 2:]
        op = "neighbour"
    if op == "drop":
        j = rng.randrange(1, len(word))
        return word[:j] + word[j + 1:]
    keyable = [j for j, c in enumerate(word) if c.lower() in NEIGHBOURS]
    if not keyable:  # letters off the QWERTY layout (é, ß, Cyrillic): drop one instead
        j = rng.randrange(1, len(word))
        return word[:j] + word[j + 1:]
    j = rng.choice(keyable)
    return word[:j] + _same_case(rng.choice(NEIGHBOURS[word[j].lower()]), word[j]) + word[j + 1:]


def typo(text: str, rng: random.Random, rate: float) -> str:
    words = [m for m in _WORD.finditer(text) if m.group(0).lower() not in NEGATIONS]
    if not words:
        return text
    chosen = sorted(rng.sample(range(len(words)), _count(rate, len(words))))
    out, last = [], 0
    for k in chosen:
        match = words[k]
        out += [text[last:match.start()], _slip(match.group(0), rng)]
        last = match.end()
    return "".join(out) + text[last:]


def _capitalise_words(text: str) -> str:
    return re.sub(r"\S+", lambda m: m.group(0)[:1].upper() + m.group(0)[1:].lower(), text)


def _sentence_case(text: str) -> str:
    lowered = text.lower()
    first = next((i for i, c in enumerate(lowered) if c.isalpha()), None)
    return lowered if first is None else lowered[:first] + lowered[first].upper() + lowered[first + 1:]


def casing(text: str, rng: random.Random, rate: float) -> str:
    variants = [text.upper(), text.lower(), _capitalise_words(text), _sentence_case(text)]
    changed = list(dict.fromkeys(v for v in variants if v != text))
    return rng.choice(changed) if changed else text


def whitespace(text: str, rng: random.Random, rate: float) -> str:
    gaps = list(_GAP.finditer(text))
    if not gaps:
        return text + " " if text else text
    chosen = set(rng.sample(range(len(gaps)), _count(rate, len(gaps))))
    out, last = [], 0
    for k, gap in enumerate(gaps):
        out.append(text[last:gap.start()])
        out.append(gap.group(0) + rng.choice(("  ", " ", "\t")) if k in chosen else gap.group(0))
        last = gap.end()
    return "".join(out) + text[last:]


def punctuation(text: str, rng: random.Random, rate: float) -> str:
    # a mark may follow a word that ends before a space or the end, never a negation ("not, good")
    words = [m for m in re.finditer(r"\w+(?=\s|$)", text) if m.group(0).lower() not in NEGATIONS]
    marks = [i for i, c in enumerate(text) if c in _SOFT_PUNCT]
    ops = (("delete", "double") if marks else ()) + (("add",) if words else ())
    if not ops:
        return text
    chars = list(text)
    edits: dict[int, str] = {}  # position -> replacement of the character there ("" deletes it)
    inserts: dict[int, str] = {}  # position -> text inserted after the character there
    for _ in range(_count(rate, max(len(words), len(marks)))):
        op = rng.choice(ops)
        if op == "add":
            end = rng.choice(words).end() - 1
            inserts[end] = inserts.get(end, "") + rng.choice((",", "."))
        else:
            i = rng.choice(marks)
            edits[i] = "" if op == "delete" else chars[i] * 2
    return "".join(edits.get(i, c) + inserts.get(i, "") for i, c in enumerate(chars))


def _is_rating(text: str, match: re.Match[str]) -> bool:
    return bool(_RATING_AFTER.match(text, match.end()) or _RATING_BEFORE.search(text[:match.start()]))


def _other_number(digits: str, rng: random.Random) -> str:
    if len(digits) == 4 and digits[:2] in ("19", "20"):  # a year stays a year
        choices = [f"{digits[:2]}{n:02d}" for n in range(100) if f"{n:02d}" != digits[2:]]
        return rng.choice(choices)
    if len(digits) == 1:
        return rng.choice([d for d in "0123456789" if d != digits])
    while True:
        new = str(rng.randint(10 ** (len(digits) - 1), 10 ** len(digits) - 1))
        if new != digits:
            return new


def numbers(text: str, rng: random.Random, rate: float) -> str:
    return _NUMBER.sub(lambda m: m.group(0) if _is_rating(text, m) else _other_number(m.group(0), rng), text)


_FUNCTIONS: dict[str, Callable[[str, random.Random, float], str]] = {
    "typo": typo, "casing": casing, "whitespace": whitespace, "punctuation": punctuation, "numbers": numbers,
}


def perturb(kind: str, text: str, *, seed: int, rate: float = 0.1) -> str:
    """The ``kind`` variant of ``text`` (the text itself when the perturbation cannot apply)."""
    return _FUNCTIONS[kind](text, rng_for(seed, kind, text), rate)
