"""The Markdown summary keeps user text inert: raw HTML in a model spec, rule id, policy name, message or task
error, note never reaches GitHub's step summary as HTML (one escaping helper, shared with ``guard compare``)."""

from __future__ import annotations

import re

from guard.compare import Side, compare_sides, comparison_markdown
from guard.policy import Policy, Rule, check
from guard.report.markdown import markdown_summary, md_text
from guard.types import EvalReport, EvalResult, MetricValue, ModelInfo, SuiteInfo

HOSTILE = '<img src=x onerror="alert(1)"> & <script>x()</script>'


def _report(spec: str) -> EvalReport:
    accuracy = MetricValue(value=0.6, ci_low=0.5, ci_high=0.7, n=100, higher_is_better=True, ci_method="wilson")
    return EvalReport(guard_version="t", model=ModelInfo(spec=spec, kind="python", fingerprint="sha256:" + "a" * 64),
                      suite=SuiteInfo(name="s", source="s.yaml", sha256="0" * 64),
                      results=[EvalResult(task="t", evaluator="accuracy", metrics={"accuracy": accuracy}),
                               EvalResult(task="u", evaluator="accuracy", status="error", error=HOSTILE)])


def _raw_tags(text: str) -> list[str]:
    return re.findall(r"<\s*/?\s*[A-Za-z]", text)


def test_md_text_escapes_html_pipes_backticks_and_newlines() -> None:
    assert md_text("a <b> & c") == "a &lt;b&gt; &amp; c"
    assert md_text("x|y`z\r\nw") == "x\\|y'z  w"
    assert md_text("&lt;") == "&amp;lt;"  # an entity typed by the user shows as typed, not decoded
    assert md_text(3) == "3"


def test_markdown_summary_has_no_raw_html_from_user_text() -> None:
    policy = Policy(name=f"release {HOSTILE}", rules=[Rule(id="acc", metric="t.accuracy", min=0.9)])
    verdict = check(_report(f"python:m.py:{HOSTILE}"), policy)
    hostile = verdict.outcomes[0].model_copy(update={"message": HOSTILE, "notes": [HOSTILE]})
    verdict = verdict.model_copy(update={"outcomes": [hostile]})
    text = markdown_summary(verdict)
    assert _raw_tags(text) == [], text
    assert "&lt;img src=x onerror=\"alert(1)\"&gt; &amp; &lt;script&gt;" in text
    assert "onerror" in text  # escaped, not dropped: the reviewer still sees what the user wrote


def test_compare_markdown_uses_the_same_escaping() -> None:
    text = comparison_markdown(compare_sides(Side(label=HOSTILE, report=_report("a")),
                                             Side(label="b.json", report=_report("b")), model="m"))
    assert _raw_tags(text) == [] and md_text(HOSTILE) in text
