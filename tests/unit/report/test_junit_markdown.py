"""The verdict's CI renderings: JUnit XML (read back with junitparser) and the Markdown summary."""

from __future__ import annotations

import pytest
from junitparser import Error, Failure, JUnitXml, TestSuite

from guard.policy import Policy, Rule, Verdict, check
from guard.report import junit_xml, markdown_summary
from guard.types import EvalReport, EvalResult, MetricValue, ModelInfo, SuiteInfo


def mv(value: float, low: float, high: float, n: int = 200, hib: bool | None = True) -> MetricValue:
    return MetricValue(value=value, ci_low=low, ci_high=high, n=n, higher_is_better=hib, ci_method="wilson")


REPORT = EvalReport(
    guard_version="0.1.0",
    model=ModelInfo(spec="hf:models/tiny", kind="hf", fingerprint="sha256:" + "1234abcd" * 8),
    suite=SuiteInfo(name="demo", source="builtin:demo", sha256="0" * 64),
    results=[
        EvalResult(task="sentiment", evaluator="accuracy", metrics={
            "accuracy": mv(0.9125, 0.8642, 0.9452),
            "macro_f1": mv(0.6, 0.52, 0.67),
            "ece": mv(0.21, 0.15, 0.27, hib=False),
        }),
        EvalResult(task="facts", evaluator="accuracy", status="error", error="RuntimeError: model crashed"),
    ],
)

POLICY = Policy(name="release", rules=[
    Rule(id="acc-ok", metric="sentiment.accuracy", min=0.8, controls=["EU-AIA-Art15(1)", "NIST-RMF-MEASURE-2.5"]),
    Rule(id="f1-floor", metric="sentiment.macro_f1", min=0.75, controls=["ISO42001-A.6.2.4"]),
    Rule(id="calibration", metric="sentiment.ece", max=0.15, severity="warn"),
    Rule(id="facts-contains", metric="facts.contains", min=0.3),
])


@pytest.fixture(scope="module")
def verdict() -> Verdict:
    v = check(REPORT, POLICY)
    assert [o.status for o in v.outcomes] == ["pass", "fail", "fail", "inconclusive"]
    assert v.status == "fail"
    return v


def _suite(xml: str) -> TestSuite:
    doc = JUnitXml.fromstring(xml)
    suites = list(doc) if isinstance(doc, JUnitXml) else [doc]
    assert len(suites) == 1
    return suites[0]


def _cases(xml: str) -> dict:
    return {case.name: case for case in _suite(xml)}


# --------------------------------------------------------------------------- JUnit


def test_junit_is_well_formed_with_one_testcase_per_rule(verdict: Verdict) -> None:
    xml = junit_xml(verdict)
    assert xml.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    cases = _cases(xml)
    assert list(cases) == ["acc-ok", "f1-floor", "calibration", "facts-contains"]
    assert all(c.classname == "guard.release" for c in cases.values())


def test_junit_counts(verdict: Verdict) -> None:
    xml = junit_xml(verdict)
    suite = _suite(xml)
    assert suite.name == "policy:release"
    assert suite.tests == 4
    assert suite.failures == 1  # only the blocking failure; the warn failure is not a failure
    assert suite.errors == 1
    assert suite.skipped == 0
    doc = JUnitXml.fromstring(xml)
    assert isinstance(doc, JUnitXml)
    assert doc.tests == 4 and doc.failures == 1 and doc.errors == 1


def test_junit_blocking_failure_says_value_ci_and_threshold(verdict: Verdict) -> None:
    case = _cases(junit_xml(verdict))["f1-floor"]
    assert case.is_failure and not case.is_error
    (failure,) = case.result
    assert isinstance(failure, Failure)
    assert failure.type == "PolicyViolation"
    text = failure.text
    assert "sentiment.macro_f1" in text
    assert "measured 0.6" in text
    assert "[0.52, 0.67]" in text
    assert "n=200" in text
    assert ">= 0.75" in text
    assert "< min 0.75" in failure.message


def test_junit_inconclusive_is_an_error(verdict: Verdict) -> None:
    case = _cases(junit_xml(verdict))["facts-contains"]
    assert case.is_error and not case.is_failure
    (error,) = case.result
    assert isinstance(error, Error)
    assert error.type == "Inconclusive"
    assert "facts" in error.message and "model crashed" in error.message


def test_junit_warning_is_not_a_failure_but_says_warning(verdict: Verdict) -> None:
    case = _cases(junit_xml(verdict))["calibration"]
    assert case.is_passed
    assert case.result == []
    assert "WARNING" in case.system_out
    assert "sentiment.ece" in case.system_out and "0.21" in case.system_out


def test_junit_pass_and_controls(verdict: Verdict) -> None:
    cases = _cases(junit_xml(verdict))
    ok = cases["acc-ok"]
    assert ok.is_passed and ok.result == []
    assert "EU-AIA-Art15(1)" in ok.system_out and "NIST-RMF-MEASURE-2.5" in ok.system_out
    assert "WARNING" not in ok.system_out


def test_junit_properties(verdict: Verdict) -> None:
    props = {p.name: p.value for p in _suite(junit_xml(verdict)).properties()}
    assert props["model"] == "hf:models/tiny"
    assert props["fingerprint"] == REPORT.model.fingerprint
    assert props["verdict"] == "fail"


def test_junit_escapes_xml_special_characters() -> None:
    report = REPORT.model_copy(update={"model": REPORT.model.model_copy(update={"spec": 'python:a<b>&"c".py:f'})})
    v = check(report, POLICY)
    props = {p.name: p.value for p in _suite(junit_xml(v)).properties()}
    assert props["model"] == 'python:a<b>&"c".py:f'


def test_junit_all_pass() -> None:
    v = check(REPORT, Policy(name="easy", rules=[Rule(id="a", metric="sentiment.accuracy", min=0.5)]))
    suite = _suite(junit_xml(v))
    assert (suite.tests, suite.failures, suite.errors) == (1, 0, 0)


# --------------------------------------------------------------------------- Markdown


def _rows(md: str) -> list[str]:
    return [line for line in md.splitlines() if line.startswith("| ") and not line.startswith("| rule ")]


def test_markdown_has_a_row_per_rule(verdict: Verdict) -> None:
    md = markdown_summary(verdict)
    assert "FAIL" in md.splitlines()[0] and "`release`" in md.splitlines()[0]
    rows = _rows(md)
    assert len(rows) == 4
    for row, rule_id in zip(rows, ["acc-ok", "f1-floor", "calibration", "facts-contains"]):
        assert row.startswith(f"| {rule_id} |")
        assert row.count(" | ") == 7  # eight columns
    assert "PASS" in rows[0] and "0.9125" in rows[0] and "[0.8642, 0.9452]" in rows[0] and "200" in rows[0]
    assert "FAIL" in rows[1]
    assert "WARN" in rows[2]
    assert "INCONCLUSIVE" in rows[3]


def test_markdown_details_list_why(verdict: Verdict) -> None:
    md = markdown_summary(verdict)
    assert "### Details" in md
    assert "**f1-floor** (FAIL)" in md
    assert "**facts-contains** (INCONCLUSIVE)" in md
    assert "task `facts` crashed" in md


def test_markdown_lists_controls(verdict: Verdict) -> None:
    md = markdown_summary(verdict)
    controls_line = next(line for line in md.splitlines() if "controls" in line)
    for control in ("EU-AIA-Art15(1)", "NIST-RMF-MEASURE-2.5", "ISO42001-A.6.2.4"):
        assert f"`{control}`" in controls_line


def test_markdown_escapes_pipes_in_names() -> None:
    report = REPORT.model_copy(update={"model": REPORT.model.model_copy(update={"spec": "python:a|b.py:f"})})
    v = check(report, POLICY)
    v = v.model_copy(update={"outcomes": [v.outcomes[0].model_copy(update={"message": "x | y\nz"}), *v.outcomes[1:]]})
    md = markdown_summary(v)
    assert "python:a\\|b.py:f" in md
    for row in _rows(md):
        unescaped = row.replace("\\|", "")
        assert unescaped.count("|") == 9  # exactly the table's own separators


def test_markdown_without_controls_or_details() -> None:
    healthy = REPORT.model_copy(update={"results": REPORT.results[:1]})
    v = check(healthy, Policy(name="easy", rules=[Rule(id="a", metric="sentiment.accuracy", min=0.5)]))
    md = markdown_summary(v)
    assert "PASS" in md.splitlines()[0]
    assert "controls" not in md
    assert "### Details" not in md
    assert len(_rows(md)) == 1
