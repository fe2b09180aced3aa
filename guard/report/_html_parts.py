"""Building blocks of the HTML compliance export.

Every value that came from a user, a model or a dataset goes through :func:`esc` before it touches
the page; helpers that take ``html`` arguments expect markup built here, never raw text. The page
has inline CSS only, no script, no external reference, and a Content-Security-Policy that forbids
all of them, so a missed escape still cannot run code or reach the network.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timezone
from typing import Any

from guard.report._format import num

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'none'; base-uri 'none'"
_CSS = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;max-width:1200px;padding:0 1em;\
color:#1b1f23}
h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.25em;margin-top:1.6em;border-bottom:1px solid #d0d7de}
h3{font-size:1.05em;margin:1.2em 0 .4em}
table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{border:1px solid #d0d7de;padding:.3em .5em;
text-align:left;vertical-align:top}th{background:#f6f8fa}td.num{text-align:right;font-variant-numeric:tabular-nums}
code,pre,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.92em;overflow-wrap:break-word}
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f6f8fa;padding:.5em;margin:.2em 0;border-radius:4px}
.badge{display:inline-block;padding:.1em .6em;border-radius:1em;font-weight:600;color:#fff}
.pass{background:#1a7f37}.fail{background:#cf222e}.warn{background:#9a6700}.inconclusive{background:#6e7781}
.neutral{background:#57606a}.alert{border-left:4px solid #cf222e;background:#fff1f0;padding:.4em .8em}
.ok{border-left:4px solid #1a7f37;background:#effaf1;padding:.4em .8em}
.finding{border:1px solid #d0d7de;border-radius:6px;padding:.5em .8em;margin:.6em 0}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:.8em}.pair h4{margin:.2em 0;font-size:.9em;color:#57606a}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em}dt{font-weight:600}dd{margin:0}
footer{margin-top:2em;color:#57606a;font-size:.9em}
"""
_BADGE_CLASS = {"PASS": "pass", "FAIL": "fail", "WARN": "warn", "INCONCLUSIVE": "inconclusive", "FAILED RUN": "fail",
                "MISMATCH": "fail", "HIGH": "fail", "MEDIUM": "warn"}
# Example keys shown as two columns, in this order: counterfactual swaps, CrowS-Pairs-style pairs.
_PAIRS = (("original", "counterfactual"), ("more", "less"))
# Example keys that hold redacted text to show verbatim (entity tags such as <PERSON> stay literal).
_TEXT_KEYS = ("context", "prompt", "input", "output", "canary")


def esc(value: Any) -> str:
    """HTML-escape any value (quotes included, so it is safe inside attributes too)."""
    return html.escape("" if value is None else str(value), quote=True)


def when(value: datetime | None) -> str:
    return esc(value.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")) if value else "—"


def code(value: Any) -> str:
    return f"<code>{esc(value)}</code>" if value not in (None, "") else "—"


def as_json(value: Any) -> str:
    return esc(json.dumps(value, ensure_ascii=False, sort_keys=True, default=str))


def badge(label: str) -> str:
    return f'<span class="badge {_BADGE_CLASS.get(label.upper(), "neutral")}">{esc(label.upper())}</span>'


def table(headers: Sequence[str], rows: Iterable[Sequence[str]], *, numeric: Sequence[int] = ()) -> str:
    """A table of already-built cell markup; ``numeric`` columns are right-aligned."""
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    right = ' class="num"'
    body = "".join(
        "<tr>" + "".join(f"<td{right if i in numeric else ''}>{cell}</td>" for i, cell in enumerate(row)) + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body or _empty_row(len(headers))}</tbody></table>"


def _empty_row(width: int) -> str:
    return f'<tr><td colspan="{width}">none</td></tr>'


def facts(pairs: Iterable[tuple[str, str]]) -> str:
    """A definition list of (plain label, built markup) pairs."""
    return "<dl>" + "".join(f"<dt>{esc(k)}</dt><dd>{v}</dd>" for k, v in pairs) + "</dl>"


def section(title: str, body: str) -> str:
    return f"<section><h2>{esc(title)}</h2>{body}</section>"


def page(title: str, body: str, *, generated_at: datetime, guard_version: str) -> str:
    """The whole document: one file that opens anywhere without a network."""
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)}</title><style>{_CSS}</style></head><body>{body}"
        f"<footer>Generated {when(generated_at)} by rai-guard {esc(guard_version)}. Evidence toward the listed "
        "controls, not proof of conformity.</footer></body></html>\n"
    )


def metric_cells(m: Mapping[str, Any] | None) -> list[str]:
    """value, 95% CI, n of a MetricValue dict (dashes when absent)."""
    if not m:
        return ["—", "—", "—"]
    return [esc(num(m.get("value"))), esc(f"[{num(m.get('ci_low'))}, {num(m.get('ci_high'))}]"), esc(m.get("n", "—"))]


def finding(item: Mapping[str, Any]) -> str:
    """One redacted finding: pairs side by side, redacted texts verbatim, other evidence as a table."""
    example: dict[str, Any] = dict(item.get("example") or {})
    parts = [f"<p>{badge(str(item.get('severity', 'info')))} <strong>{esc(item.get('kind', ''))}</strong>: "
             f"{esc(item.get('message', ''))}</p>"]
    for left, right in _PAIRS:
        if left in example and right in example:
            parts.append('<div class="pair">' + "".join(
                f"<div><h4>{esc(key)}</h4><pre>{esc(example.pop(key))}</pre></div>"
                for key in (left, right)) + "</div>")
    for key in _TEXT_KEYS:
        if isinstance(example.get(key), str):
            parts.append(f"<h4>{esc(key)}</h4><pre>{esc(example.pop(key))}</pre>")
    if example:
        parts.append(table(("evidence", "value"), (
            (esc(k), esc(v) if isinstance(v, str) else f'<span class="mono">{as_json(v)}</span>')
            for k, v in example.items())))
    return f'<div class="finding">{"".join(parts)}</div>'
