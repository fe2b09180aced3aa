"""Word lists of hurtful terms, read from a path the user gives, and matching them in text.

Two file shapes are read:

- a HurtLex-style table (``.tsv``, tab-separated, header row): a ``lemma`` column, plus the
  optional ``category`` and ``level`` columns HurtLex has (Bassignana et al., 2018);
- a plain word list (any other extension): one term per line, ``#`` starts a comment.

Terms and text are compared after the same normalisation: Unicode NFKD with accents removed
(as HONEST's ``strip_accent`` does), lower case, and split into words; a term of several words
matches the same words in a row. No stemming: ``idiots`` does not match ``idiot``, as in HONEST.
"""

from __future__ import annotations

import csv
import difflib
import functools
import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from guard import resources
from guard.errors import GuardError, did_you_mean

_WORD = re.compile(r"\w+(?:['’-]\w+)*")
LEVELS = ("conservative", "all")


def words(text: str) -> list[str]:
    """``text`` as normalised words: accents stripped, lower case, punctuation dropped."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower().replace("’", "'")
    return _WORD.findall(plain)


@dataclass(frozen=True)
class Lexicon:
    """Normalised terms (as word tuples) with the lexicon categories each belongs to."""

    path: Path
    sha256: str
    terms: dict[tuple[str, ...], frozenset[str]]
    level: str  # the level kept; "none" for files without levels
    categories: tuple[str, ...] | None  # the user's selection; None means every category

    @functools.cached_property
    def longest(self) -> int:
        return max(len(t) for t in self.terms)

    def matches(self, text_words: Sequence[str]) -> list[str]:
        """Terms of this lexicon found in ``text_words``, in order of appearance (each once)."""
        found: list[str] = []
        longest = self.longest
        for start in range(len(text_words)):
            for size in range(1, min(longest, len(text_words) - start) + 1):
                term = tuple(text_words[start : start + size])
                if term in self.terms and " ".join(term) not in found:
                    found.append(" ".join(term))
        return found

    def categories_of(self, term: str) -> frozenset[str]:
        return self.terms.get(tuple(term.split(" ")), frozenset())

    def describe(self) -> str:
        selection = ", ".join(self.categories) if self.categories else "all categories"
        level = "" if self.level == "none" else f"level {self.level}, "
        return f"{len(self.terms)} terms from {self.path} (sha256 {self.sha256[:12]}…, {level}{selection})"


def resolve_path(path: str) -> Path:
    """``path`` as given (absolute, or relative to the current directory); else a built-in file.

    Built-ins are the files under ``evaluations/`` that ship with guard (in a checkout and after
    ``pip install``), so a built-in suite can name ``terms/hurtful_en.txt`` from any directory.
    """
    return resources.resolve(Path(path).expanduser(), "evaluations")


def load_lexicon(path: str, *, categories: Sequence[str] | None = None, level: str = "conservative") -> Lexicon:
    """Read the lexicon at ``path``, keeping ``level`` entries and the selected ``categories``."""
    if level not in LEVELS:
        raise GuardError(f"unknown lexicon level '{level}'", hint=did_you_mean(level, LEVELS))
    resolved = resolve_path(path)
    if not resolved.is_file():
        raise GuardError(
            f"lexicon file not found: {path} (looked in {Path.cwd()} and the built-in evaluations/); "
            "HurtLex is not shipped with guard (CC BY-NC-SA 4.0): download lexica/EN/1.2/hurtlex_EN.tsv "
            "from github.com/MilaNLProc/hurtlex, or use the small built-in terms/hurtful_en.txt",
            hint="give lexicon_path as an absolute path or relative to the current directory",
        )
    stat = resolved.stat()
    return _read(resolved.resolve(), stat.st_mtime_ns, stat.st_size, tuple(categories or ()), level)


@functools.lru_cache(maxsize=8)
def _read(path: Path, mtime_ns: int, size: int, categories: tuple[str, ...], level: str) -> Lexicon:
    """Read and select once per file version: the suite checks the lexicon when it loads, the run uses it."""
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise GuardError(f"cannot read lexicon {path}: {exc}", hint="lexicons must be UTF-8 text") from None
    if path.suffix.lower() == ".tsv":
        entries = _read_table(text, path)
    else:
        entries = [(line.split("#", 1)[0].strip(), None, None) for line in text.splitlines()]
    return Lexicon(
        path=path,
        sha256=hashlib.sha256(raw).hexdigest(),
        terms=_select(entries, path, categories, level),
        level=level if any(entry_level is not None for _, _, entry_level in entries) else "none",
        categories=categories or None,
    )


def _read_table(text: str, path: Path) -> list[tuple[str, str | None, str | None]]:
    reader = csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    header = reader.fieldnames or []
    if "lemma" not in header:
        close = difflib.get_close_matches("lemma", header, n=1, cutoff=0.6)
        found = f"rename column '{close[0]}' to 'lemma'" if close else f"columns: {', '.join(header) or 'none'}"
        raise GuardError(
            f"lexicon {path} has no 'lemma' column",
            hint=found + "; a .tsv lexicon needs a header with 'lemma' (and optionally 'category', 'level'),"
            " any other file is read as one term per line",
        )
    has_category, has_level = "category" in header, "level" in header
    return [
        (row["lemma"] or "", row.get("category") if has_category else None, row.get("level") if has_level else None)
        for row in reader
    ]


def _select(
    entries: list[tuple[str, str | None, str | None]], path: Path, categories: Sequence[str] | None, level: str
) -> dict[tuple[str, ...], frozenset[str]]:
    known = sorted({c for _, c, _ in entries if c})
    if categories:
        if not known:
            raise GuardError(
                f"lexicon {path} has no categories, so lexicon_categories cannot select any",
                hint="remove lexicon_categories, or use a .tsv lexicon with a 'category' column",
            )
        for wanted in categories:
            if wanted not in known:
                raise GuardError(
                    f"lexicon {path} has no category '{wanted}'",
                    hint=did_you_mean(wanted, known) or "categories: " + ", ".join(known),
                )
    chosen = set(categories or ())
    terms: dict[tuple[str, ...], set[str]] = {}
    for lemma, category, entry_level in entries:
        if entry_level is not None and level == "conservative" and entry_level.strip() != "conservative":
            continue
        if chosen and category not in chosen:
            continue
        key = tuple(words(lemma))
        if key:
            terms.setdefault(key, set()).update({category} if category else set())
    if not terms:
        raise GuardError(f"lexicon {path} has no terms left (level {level}, categories {list(chosen) or 'all'})")
    return {k: frozenset(v) for k, v in terms.items()}
