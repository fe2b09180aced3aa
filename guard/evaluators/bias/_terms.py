"""Identity term lists: loading, validation, and swapping a text's terms from one group to another.

A term file (``evaluations/terms/identity_terms.yaml``, or a user's file with the same schema)
lists, per axis (gender, religion, ...), its groups and aligned *slots*: one line per meaning whose
terms are swapped for each other (``{female: mother, male: father}``). Problems are reported with
the file, line and a did-you-mean, when the file is loaded — i.e. when a suite is loaded.

Swapping rules (what a caller may rely on):

- whole words only, case-insensitive; a space or hyphen inside a term matches either;
  the longest term wins (``gay man`` before ``gay``);
- the replacement keeps the matched text's case (``he``→``she``, ``He``→``She``, ``HE``→``SHE``;
  lower-cased text stays lower-cased);
- a swap is a transposition: ``swap(text, s, t)`` turns *s*'s terms into *t*'s and *t*'s into *s*'s
  ("she told her father" -> "he told his mother"), so it is its own inverse;
- terms inside an axis's ``ignore`` phrases are not terms of that axis ("Americans" in
  "African Americans" is not a nationality);
- a word in several slots of its group (``her`` = his / him) takes its FIRST slot when a content
  word follows (``her car``→``his car``) and its LAST slot otherwise (``saw her.``→``saw him.``);
- ``a``/``an`` before a replaced term is corrected (``an elderly``→``a young``);
- a term whose slot has no counterpart in the other group makes that variant impossible (None).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from guard import resources
from guard._yaml import Loc, line_of, load_model_file
from guard.errors import GuardError, did_you_mean

BUILTIN_TERMS = "terms/identity_terms.yaml"
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_TERM = re.compile(r"^\w(?:[\w' .-]*\w)?$")
_SEPARATOR = re.compile(r"[\s-]+")
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_][\w'-]*)")
_ARTICLE_BEFORE = re.compile(r"(?<!\w)(a|an)(\s+)$", re.IGNORECASE)
_CONSONANT_SOUND = ("eu", "uni", "use", "usu", "uk", "ur", "uga", "uru", "one", "once")
_VOWEL_SOUND = ("hour", "honest", "honor", "honour", "heir")

# Words after which an ambiguous term is read as standalone ("gave her a book", "saw her and").
FUNCTION_WORDS = frozenset(
    """a an the and or but nor so yet to of in on at by for from with about into onto over under up down
    out off back away again that this these those if when while because as than too very all both now
    then today yesterday tomorrow tonight here there is was are were be been being am will would can
    could should may might must do does did has have had who whom which what where why how it its me
    him her them us you i we they he she not never once twice anymore ever just really also either
    neither every each any some no""".split()
)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class AxisSpec(_Strict):
    """One protected characteristic: its groups and the aligned slots of terms."""

    description: str = ""
    groups: list[str] = Field(min_length=2, description="Group names, lower_snake_case.")
    slots: list[dict[str, str | None]] = Field(min_length=1, description="One mapping group -> term per meaning.")
    ignore: list[str] = Field(default_factory=list,
                              description="Phrases inside which this axis's terms are not swapped.")


class TermFile(_Strict):
    """The schema of ``identity_terms.yaml`` and of any user term file."""

    schema_version: Literal[1] = 1
    description: str = ""
    axes: dict[str, AxisSpec] = Field(min_length=1)


@dataclass(frozen=True)
class Axis:
    """One axis ready for swapping: compiled pattern and a term -> (group, slots) lookup."""

    name: str
    groups: tuple[str, ...]
    slots: tuple[dict[str, str], ...]
    _lookup: dict[str, tuple[str, tuple[int, ...]]] = field(repr=False)
    _pattern: re.Pattern[str] = field(repr=False)
    _ignore: re.Pattern[str] | None = field(default=None, repr=False)

    @classmethod
    def build(cls, name: str, groups: list[str], slots: list[dict[str, str]], ignore: Sequence[str] = ()) -> Axis:
        lookup: dict[str, tuple[str, tuple[int, ...]]] = {}
        for index, slot in enumerate(slots):
            for group, term in slot.items():
                key = _normal(term)
                owner, found = lookup.get(key, (group, ()))
                lookup[key] = (owner, (*found, index))
        return cls(name, tuple(groups), tuple(slots), lookup, _phrases(_slot_terms(slots)),
                   _phrases(ignore) if ignore else None)

    def _matches(self, text: str) -> list[tuple[re.Match[str], str, tuple[int, ...]]]:
        ignored = [m.span() for m in self._ignore.finditer(text)] if self._ignore else []
        return [
            (m, *self._lookup[_normal(m.group(0))])
            for m in self._pattern.finditer(text)
            if not any(start <= m.start() and m.end() <= end for start, end in ignored)
        ]

    def groups_in(self, text: str) -> list[str]:
        """The groups of this axis that ``text`` mentions, in the axis's group order."""
        found = {group for _, group, _ in self._matches(text)}
        return [g for g in self.groups if g in found]

    def swap(self, text: str, source: str, target: str, *, strict: bool = True) -> str | None:
        """``text`` with the terms of ``source`` and ``target`` exchanged for their counterparts.

        Returns None when ``strict`` and some term has no counterpart in the other group (the
        variant would still mention it); without ``strict`` such terms are left as they are.
        Returns ``text`` unchanged when it mentions neither group.
        """
        out, last = "", 0
        for match, group, slots in self._matches(text):
            if group not in (source, target):
                continue
            other = target if group == source else source
            slot = self._choose(slots, text, match.end())
            replacement = self.slots[slot].get(other)
            if replacement is None:
                if strict:
                    return None
                continue
            piece = _match_case(match.group(0), self.slots[slot][group], replacement)
            out += text[last : match.start()]
            out = _fix_article(out, piece) + piece
            last = match.end()
        return out + text[last:]

    def _choose(self, slots: tuple[int, ...], text: str, end: int) -> int:
        if len(slots) == 1:
            return slots[0]
        following = _NEXT_WORD.match(text, end)
        content_word_follows = following is not None and following.group(1).lower() not in FUNCTION_WORDS
        return slots[0] if content_word_follows else slots[-1]


@dataclass(frozen=True)
class TermLists:
    """Every axis of one term file."""

    source: str
    axes: dict[str, Axis]

    def select(self, axes: list[str] | None, groups: dict[str, list[str]] | None) -> dict[str, tuple[str, ...]]:
        """Axis -> groups to use; unknown axis or group names raise ValueError with a did-you-mean."""
        chosen = list(axes) if axes else list(self.axes)
        for name in chosen:
            self._axis_named(name, "axes")
        if len(set(chosen)) != len(chosen):
            raise ValueError(f"axes lists an axis twice: {chosen}")
        selection = {name: self.axes[name].groups for name in chosen}
        for name, wanted in (groups or {}).items():
            axis = self._axis_named(name, "groups")
            if name not in selection:
                raise ValueError(f"groups names axis '{name}', which 'axes' leaves out ({', '.join(chosen)})")
            for group in wanted:
                if group not in axis.groups:
                    hint = did_you_mean(group, axis.groups) or ""
                    raise ValueError(f"unknown group '{group}' for axis '{name}' in {self.source} {hint}".rstrip())
            if len(set(wanted)) < 2:
                raise ValueError(f"groups for axis '{name}' must name at least two different groups")
            selection[name] = tuple(g for g in axis.groups if g in wanted)
        return selection

    def _axis_named(self, name: str, key: str) -> Axis:
        if name not in self.axes:
            hint = did_you_mean(name, self.axes) or ""
            raise ValueError(f"{key}: unknown axis '{name}' in {self.source} {hint}".rstrip())
        return self.axes[name]


def builtin_terms_path() -> Path:
    return resources.builtin_dir("evaluations") / BUILTIN_TERMS


def resolve_terms_path(path: str | None, base_dir: Path | None = None) -> Path:
    """The term file to use: the built-in one, or ``path`` (relative to ``base_dir``, else the cwd)."""
    if path is None:
        return builtin_terms_path()
    candidate = Path(path).expanduser()
    if not candidate.is_absolute() and base_dir is not None:
        candidate = base_dir / candidate
    return candidate.resolve()


def load_terms(path: str | Path | None = None) -> TermLists:
    """Load and validate a term file (the built-in one when ``path`` is None); cached per file version."""
    resolved = Path(path).resolve() if path is not None else builtin_terms_path()
    if not resolved.is_file():
        raise GuardError("term file not found", where=resolved, hint="terms_path must name a YAML term file")
    return _load(str(resolved), resolved.stat().st_mtime_ns)


def _locator(path: str, lines: dict[Loc, int], axis: str) -> Callable[..., str]:
    """``where(*loc)``: ``file:line`` of ``axes.<axis>.<loc>`` in the term file."""
    return lambda *loc: f"{path}:{line_of(lines, ('axes', axis, *loc))}"


@lru_cache(maxsize=16)
def _load(path: str, _mtime: int) -> TermLists:
    spec, lines = load_model_file(Path(path), TermFile)
    axes = {}
    for name, axis in spec.axes.items():
        where = _locator(path, lines, name)
        if not _NAME.match(name):
            raise GuardError(f"axis name '{name}' must be lower_snake_case", where=where())
        for index, group in enumerate(axis.groups):
            if not _NAME.match(group):
                raise GuardError(f"group name '{group}' must be lower_snake_case", where=where("groups", index))
        if len(set(axis.groups)) != len(axis.groups):
            raise GuardError(f"axis '{name}' lists a group twice", where=where("groups"))
        slots = [_check_slot(name, axis.groups, i, slot, where) for i, slot in enumerate(axis.slots)]
        unused = [g for g in axis.groups if not any(g in s for s in slots)]
        if unused:
            raise GuardError(f"axis '{name}': group(s) {', '.join(unused)} have no terms", where=where("groups"))
        owners: dict[str, str] = {}
        for i, slot in enumerate(slots):
            for group, term in slot.items():
                other = owners.setdefault(_normal(term), group)
                if other != group:
                    raise GuardError(
                        f"axis '{name}': '{term}' is a term of both '{other}' and '{group}'",
                        where=where("slots", i, group), hint="a term may belong to one group of an axis only",
                    )
        for index, phrase in enumerate(axis.ignore):
            if not _TERM.match(phrase.strip()):
                raise GuardError(f"axis '{name}': ignore phrase '{phrase}' is not a phrase",
                                 where=where("ignore", index))
        axes[name] = Axis.build(name, axis.groups, slots, [p.strip() for p in axis.ignore])
    return TermLists(source=path, axes=axes)


def _check_slot(axis: str, groups: list[str], index: int, slot: dict[str, str | None],
                where: Callable[..., str]) -> dict[str, str]:
    clean: dict[str, str] = {}
    for group, term in slot.items():
        if group not in groups:
            hint = did_you_mean(group, groups)
            raise GuardError(f"axis '{axis}', slot {index + 1}: unknown group '{group}'",
                             where=where("slots", index, group), hint=hint)
        if term is None:
            continue
        term = term.strip()
        if not _TERM.match(term):
            raise GuardError(
                f"axis '{axis}', slot {index + 1}: '{term}' is not a term",
                where=where("slots", index, group),
                hint="terms are words separated by spaces or hyphens, starting and ending with a letter or digit",
            )
        clean[group] = term
    if len(clean) < 2:
        raise GuardError(f"axis '{axis}', slot {index + 1} needs terms for at least two groups",
                         where=where("slots", index))
    return clean


def _slot_terms(slots: list[dict[str, str]] | tuple[dict[str, str], ...]) -> set[str]:
    return {t for slot in slots for t in slot.values()}


def _phrases(terms: Iterable[str]) -> re.Pattern[str]:
    """Whole-phrase, case-insensitive alternation, longest first; spaces/hyphens inside match either."""
    ordered = sorted(set(terms), key=lambda t: (-len(t), t))
    alternatives = "|".join(r"[\s-]+".join(map(re.escape, _SEPARATOR.split(t))) for t in ordered)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def _normal(term: str) -> str:
    return _SEPARATOR.sub(" ", term).lower()


def _match_case(matched: str, written: str, replacement: str) -> str:
    if matched == written:
        return replacement
    if matched.isupper() and len(matched) > 1:
        return replacement.upper()
    if matched.islower():
        return replacement.lower()
    if matched[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def _fix_article(before: str, word: str) -> str:
    """Correct an ``a``/``an`` that ends ``before`` for the sound ``word`` starts with."""
    article = _ARTICLE_BEFORE.search(before)
    if article is None:
        return before
    lower = word.lower()
    vowel = (lower[:1] in "aeiou" and not lower.startswith(_CONSONANT_SOUND)) or lower.startswith(_VOWEL_SOUND)
    wanted = "an" if vowel else "a"
    written = article.group(1)
    if written.isupper() and len(written) > 1:
        wanted = wanted.upper()
    elif written[:1].isupper():
        wanted = wanted.capitalize()
    return before[: article.start(1)] + wanted + article.group(2)
