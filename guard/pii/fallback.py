"""Presidio's own decision, scored with context words, where guard's stricter rules drop a match.

guard's rules replace Presidio's recognizers for the direct identifiers (``REPLACED_ENTITIES``), but
a stricter shape must never lose what Presidio finds. So Presidio's recognizers for those types
still run, and each of their matches that no guard rule reported is kept with Presidio's own score,
raised as Presidio's context enhancer raises it (+0.35, at least 0.4) when a context word of the type
— guard's words or the recognizer's own — stands near it (``guard.pii.context`` decides where).

What guard's rules veto stays vetoed: a number the SSA never issues as an SSN (area 9xx is an ITIN),
a dotted quad that reads as a software version with no network word near, card digits inside a
longer run of digit groups. Presidio's ``PhoneRecognizer`` is not run when guard's phone parser
already covers its regions (it makes the same ``phonenumbers`` decision).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

CONTEXT_BOOST = 0.35        # Presidio's LemmaContextAwareEnhancer: context_similarity_factor
MIN_WITH_CONTEXT = 0.4      # and min_score_with_context_similarity
IDENTIFIER = "guard_presidio_fallback"

# What each recognizer's patterns need somewhere in the text (a cheap test before running them).
_PREFILTERS: dict[str, re.Pattern[str]] = {
    "EmailRecognizer": re.compile(r"@"),
    "PhoneRecognizer": re.compile(r"\d(?:[ ().\-/]{0,3}\d){6}"),
    "CreditCardRecognizer": re.compile(r"\d{4}"),
    "IbanRecognizer": re.compile(r"[A-Za-z]{2}\d{2}[ ]?[A-Za-z0-9]{4}"),
    "IpRecognizer": re.compile(r"\d\.\d{1,3}\.\d|[0-9A-Fa-f]:[0-9A-Fa-f]*:"),
    "UsSsnRecognizer": re.compile(r"\d{3}[- .]?\d{2}[- .]?\d{4}|\d{3}-\d{6}|\d{5}-\d{4}"),
    "UsLicenseRecognizer": re.compile(r"\d{4}"),
}


def _words_re(words: Iterable[str]) -> re.Pattern[str] | None:
    words = [re.escape(w) for w in words if w]
    if not words:
        return None
    return re.compile(r"(?<![A-Za-z])(?:" + "|".join(words) + r")(?![A-Za-z])", re.IGNORECASE)


class PresidioFallback:
    """Runs Presidio's recognizers for guard's types; returns only what guard should keep of them."""

    def __init__(self, presidio: Sequence[Any], guard: Sequence[Any], phone_regions: Sequence[str]):
        self.guard = {rec.spec.entity: rec for rec in guard}
        self.recognizers = []
        for rec in presidio:
            regions = getattr(rec, "supported_regions", None)
            if regions is not None and set(regions) <= set(phone_regions):
                continue  # guard's phone parser makes this decision already, for these regions and more
            patterns = getattr(rec, "patterns", None)
            top = max((p.score for p in patterns), default=1.0) if patterns else 1.0
            self.recognizers.append((rec, _PREFILTERS.get(type(rec).__name__),
                                     _words_re(getattr(rec, "context", None) or []), top))

    @property
    def names(self) -> list[str]:
        return [type(rec).__name__ for rec, _, _, _ in self.recognizers]

    def has_context(self, rec_words: re.Pattern[str] | None, entity: str, text: str, start: int, end: int) -> bool:
        from guard.pii import context as ctx

        guard = self.guard.get(entity)
        if guard is not None and guard.has_context(text, start, end):
            return True
        return rec_words is not None and bool(rec_words.search(ctx.before_window(text, start))
                                              or rec_words.search(ctx.after_window(text, end)))

    def _context_anywhere(self, words: re.Pattern[str] | None, entities: Sequence[str], text: str) -> bool:
        if words is not None and words.search(text):
            return True
        for entity in entities:
            guard = self.guard.get(entity)
            if guard is not None and guard.mentions_context(text):
                return True
        return False

    def analyze(self, text: str, entities: Sequence[str], threshold: float = 0.0) -> list[Any]:
        """Presidio's matches guard's rules do not veto, scored with context; those below
        ``threshold`` may be left out (a recognizer whose best pattern scores below it runs only
        when a context word of its type is in the text)."""
        out = []
        for rec, prefilter, words, top in self.recognizers:
            wanted = [e for e in rec.supported_entities if e in entities]
            if not wanted or (prefilter is not None and not prefilter.search(text)):
                continue
            if top < threshold and min(1.0, top + CONTEXT_BOOST) >= threshold and not self._context_anywhere(words,
                                                                                                             wanted,
                                                                                                             text):
                continue
            if min(1.0, top + CONTEXT_BOOST) < threshold:
                continue
            for r in rec.analyze(text=text, entities=list(entities), nlp_artifacts=None) or []:
                guard = self.guard.get(r.entity_type)
                if guard is not None and guard.spec.veto is not None and guard.spec.veto(text, r.start, r.end):
                    continue
                score = float(r.score)
                if self.has_context(words, r.entity_type, text, r.start, r.end):
                    score = max(min(1.0, score + CONTEXT_BOOST), MIN_WITH_CONTEXT)
                r.score = score
                r.recognition_metadata = {"recognizer_name": f"presidio_fallback:{type(rec).__name__}",
                                          "recognizer_identifier": IDENTIFIER}
                out.append(r)
        return out
