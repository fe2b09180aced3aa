"""User-facing errors: one line that says where, what is wrong and how to fix it.

Everything the CLI turns into exit code 2 without a traceback is a ``GuardError``; any other
exception is a bug (or an environment failure) and is reported as an internal error.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path


class GuardError(Exception):
    """A problem with the user's input or environment, explained in one line.

    ``where`` is a file (optionally ``file:line``) or a field path; ``hint`` says how to fix it.
    """

    def __init__(self, message: str, *, where: str | Path | None = None, hint: str | None = None):
        self.message = message
        self.where = str(where) if where is not None else None
        self.hint = hint
        super().__init__(self.one_line())

    def one_line(self) -> str:
        text = f"{self.where}: {self.message}" if self.where else self.message
        if self.hint:
            text += f" ({self.hint})"
        return text


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """A ``did you mean 'x'?`` hint for a misspelt name, or None when nothing is close."""
    options = sorted({str(c) for c in choices})
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    if options and len(options) <= 12:
        return "expected one of: " + ", ".join(options)
    return None
