"""Formatting shared by every rendering of a verdict: numbers, labels, and text made safe for a terminal."""

from __future__ import annotations

from typing import TYPE_CHECKING

from guard.policy import RuleOutcome

if TYPE_CHECKING:
    from rich.text import Text

STATUS_LABEL = {"pass": "PASS", "fail": "FAIL", "inconclusive": "INCONCLUSIVE"}


def num(value: float | None) -> str:
    if value is None:
        return "—"
    if value != 0 and (abs(value) >= 1e5 or abs(value) < 1e-3):
        return f"{value:.3g}"
    return f"{value:.4f}".rstrip("0").rstrip(".") if abs(value) < 100 else f"{value:.1f}"


def ci(outcome: RuleOutcome) -> str:
    m = outcome.measured
    return f"[{num(m.ci_low)}, {num(m.ci_high)}]" if m else "—"


def outcome_label(outcome: RuleOutcome) -> str:
    if outcome.status == "fail" and not outcome.blocking:
        return "WARN"
    return STATUS_LABEL[outcome.status]


def _written_out(codepoint: int) -> str:
    """As Python writes it in a string literal: \\n, \\r, \\x1b, \\u202e."""
    return {0x0A: "\\n", 0x0D: "\\r"}.get(codepoint) or (
        f"\\x{codepoint:02x}" if codepoint < 0x100 else f"\\u{codepoint:04x}")


# What a terminal would act on instead of showing: C0 controls (ESC starts every CSI/OSC/DCS
# sequence, BEL ends an OSC hyperlink, CR overwrites the line), DEL, C1 controls (0x9b is an 8-bit
# CSI, 0x9d an OSC), the bidirectional embedding/override/isolate/mark controls (they make a terminal
# show text in another order than it is stored: "Trojan Source") and the Unicode line/paragraph
# separators. Tab stays; newline stays only where a block of text is fine (a table cell).
_UNSAFE = [*range(0x20), 0x7F, *range(0x80, 0xA0), 0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F),
           *range(0x2066, 0x206A), 0x2028, 0x2029]
_ONE_LINE = {cp: _written_out(cp) for cp in _UNSAFE if cp != 0x09}
_BLOCK = {cp: text for cp, text in _ONE_LINE.items() if cp != 0x0A}


def terminal_safe(value: object, *, keep_newlines: bool = False) -> str:
    """``value`` as text a terminal shows and never acts on: every control character written out.

    The characters of ``_UNSAFE`` become their Python escape (ESC is the four characters ``\\x1b``,
    RLO is ``\\u202e``), so no escape sequence survives and a reviewer still sees what was stored;
    everything else, brackets included, is kept. Print the result with ``markup=False`` or inside a
    ``rich.text.Text`` (see ``terminal_text``): Rich markup is a separate matter.
    """
    return str(value).translate(_BLOCK if keep_newlines else _ONE_LINE)


def terminal_text(value: object, style: str = "") -> Text:
    """A table cell or title from user-controlled text: never parsed as markup, newlines kept."""
    from rich.text import Text

    return Text(terminal_safe(value, keep_newlines=True), style=style)
