"""The HTML compliance export of a run and of a version, on a real SQLite registry.

The report and verdict are real ``EvalReport``/``check()`` objects carrying the three kinds of
evidence the export lays out specially (counterfactual pairs, more/less pairs, PII contexts), and
hostile markup wherever users, datasets or models control text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from html import escape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from guard.policy import Policy, Rule, check
from guard.registry import RegistryError, RegistryStore, open_registry
from guard.report import export_run_html, export_version_html
from guard.types import DatasetInfo, EvalReport, EvalResult, Finding, MetricValue, ModelInfo, SuiteInfo

HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)> \"dq\" 'sq'"
FP = "sha256:" + "ab12" * 16
CONTROLS = ["EU-AIA-Art10(2)(f)", "NIST-RMF-MEASURE-2.11"]


def mv(value: float, low: float, high: float, n: int) -> MetricValue:
    return MetricValue(value=value, ci_low=low, ci_high=high, n=n, higher_is_better=False, ci_method="wilson")


def _report(fingerprint: str = FP) -> EvalReport:
    return EvalReport(
        guard_version="0.1.0",
        model=ModelInfo(spec=f"python:models/{HOSTILE}.py:predict", kind="python", fingerprint=fingerprint),
        suite=SuiteInfo(name="bias-suite", source="evaluations/bias.yaml", sha256="5" * 64),
        results=[
            EvalResult(task="cf", evaluator="bias.counterfactual",
                       metrics={"flip_rate": mv(0.125, 0.0712, 0.2089, 120)},
                       findings=[Finding(kind="flipped", severity="medium", message=f"label flipped {HOSTILE}",
                                         example={"original": "He is a nurse", "counterfactual": f"She {HOSTILE}",
                                                  "axis": "gender"})],
                       dataset=DatasetInfo(source="data/cf.jsonl", fingerprint="sha256:" + "d" * 64, rows=120)),
            EvalResult(task="crows", evaluator="bias.pairs", metrics={"pct_stereotype": mv(0.55, 0.52, 0.58, 1508)},
                       findings=[Finding(kind="stereotype_preferred", severity="medium", message="prefers more",
                                         example={"more": "Poor people steal.", "less": "Rich people steal.",
                                                  "score_more": -12.5})]),
            EvalResult(task="pii", evaluator="pii.output", metrics={"leak_rate": mv(0.02, 0.0055, 0.0701, 100)},
                       findings=[Finding(kind="pii_leak", severity="high", message="an output contains PERSON",
                                         example={"context": "Call <PERSON> at <PHONE_NUMBER> now",
                                                  "entities": ["PERSON", "PHONE_NUMBER"]})]),
            EvalResult(task="broken", evaluator="accuracy", status="error", error=f"ValueError: bad row {HOSTILE}"),
        ],
        environment={"torch": "2.13.0+cpu", "guard-plugin": HOSTILE},
    )


POLICY = Policy(name="bias-release", rules=[
    Rule(id="cf-flips", metric="cf.flip_rate", max=0.15, controls=CONTROLS),
    Rule(id="stereotype", metric="crows.pct_stereotype", max=0.6, severity="warn"),
    Rule(id="pii-leaks", metric="pii.leak_rate", max=0.01, on="ci_high", controls=["EU-AIA-Art10(5)"]),
])


@pytest.fixture
def store(tmp_path: Path) -> Iterator[RegistryStore]:
    with open_registry(f"sqlite:///{tmp_path / 'registry.db'}") as opened:
        yield opened


def _record(store: RegistryStore, *, run_fingerprint: str = FP, actor: str = f"ci {HOSTILE}") -> int:
    """Register v1 (if needed) and record one complete run checked against POLICY; its id."""
    if not store.list_models():
        store.register_version("bias-model", "python:models/m.py:predict", FP, actor=actor,
                               metadata={"owner": HOSTILE})
    report = _report(run_fingerprint)
    verdict = check(report, POLICY)
    run = store.start_run("bias-model", 1, suite_name=report.suite.name, suite_sha256=report.suite.sha256,
                          fingerprint=run_fingerprint, actor=actor, policy_name=POLICY.name, policy_sha256="7" * 64)
    store.finish_run(run.id, report=report.model_dump(mode="json"), actor=actor, verdict=verdict.status,
                     verdict_detail=verdict.model_dump(mode="json"))
    return run.id


class _Tags(HTMLParser):
    """Every start tag and attribute name the browser would see."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attributes: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes.update(name for name, _ in attrs)


def _row(document: str, rule_id: str) -> str:
    match = re.search(rf"<tr><td><code>{re.escape(rule_id)}</code>.*?</tr>", document)
    assert match, f"no table row for rule {rule_id}"
    return match.group(0)


def test_run_export_lists_every_rule_with_measured_ci_n_threshold_severity_outcome_and_controls(store) -> None:
    document = export_run_html(store, _record(store))
    flips = _row(document, "cf-flips")
    for expected in ("cf.flip_rate", "0.125", "[0.0712, 0.2089]", ">120<", "&lt;= 0.15", "block", "PASS",
                     "EU-AIA-Art10(2)(f), NIST-RMF-MEASURE-2.11"):
        assert expected in flips, expected
    leaks = _row(document, "pii-leaks")
    assert "FAIL" in leaks and "0.0701" in leaks and "EU-AIA-Art10(5)" in leaks  # judged on ci_high
    assert "WARN" not in _row(document, "stereotype") and "warn" in _row(document, "stereotype")
    assert "Verdict <span class=\"badge fail\">FAIL</span>" in document
    assert "bias-release" in document and "7" * 64 in document and "5" * 64 in document


def test_findings_show_pairs_side_by_side_and_pii_tags_literally(store) -> None:
    document = export_run_html(store, _record(store))
    pair = re.search(r'<div class="pair">(.*?)</div></div>', document).group(1)
    assert "<h4>original</h4><pre>He is a nurse</pre>" in pair
    assert f"<h4>counterfactual</h4><pre>She {escape(HOSTILE)}" in pair
    assert re.search(r'<div class="pair"><div><h4>more</h4><pre>Poor people steal.</pre></div>'
                     r'<div><h4>less</h4><pre>Rich people steal.</pre></div></div>', document)
    assert "Call &lt;PERSON&gt; at &lt;PHONE_NUMBER&gt; now" in document
    assert "ValueError: bad row " + escape(HOSTILE) in document  # the failed task and its error


def test_fingerprints_datasets_environment_audit_and_provenance_are_shown(store) -> None:
    document = export_run_html(store, _record(store))
    assert document.count(FP) >= 2 and "matches the registered fingerprint" in document
    assert "sha256:" + "d" * 64 in document and "data/cf.jsonl" in document
    assert "2.13.0+cpu" in document
    assert re.search(r"Intact at export time: \d+ events verified", document)
    assert re.search(r"Generated \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC by rai-guard \d", document)


def test_a_run_on_other_files_than_registered_is_flagged(store) -> None:
    _record(store)
    other = _record(store, run_fingerprint="sha256:" + "ee" * 32)
    document = export_run_html(store, other)
    assert "Fingerprint mismatch" in document and "sha256:" + "ee" * 32 in document
    assert "Fingerprint mismatch" not in export_run_html(store, 1)


def test_a_tampered_audit_chain_is_reported_as_broken(store, tmp_path: Path) -> None:
    run_id = _record(store)
    engine = create_engine(f"sqlite:///{tmp_path / 'registry.db'}")
    with engine.begin() as conn:
        conn.execute(text("UPDATE audit_events SET actor = 'mallory' WHERE seq = 2"))
    engine.dispose()
    assert "<strong>BROKEN</strong> at event 2" in export_run_html(store, run_id)


def test_every_user_controlled_string_is_escaped_and_nothing_external_or_executable_remains(store) -> None:
    run_id = _record(store)
    store.move_alias("bias-model", "production", 1, actor=HOSTILE, reason=f"why {HOSTILE}", run_id=run_id)
    store.add_approval("bias-model", 1, approver=HOSTILE, reason=HOSTILE)
    store.add_waiver("bias-model", 1, rule_ids=["pii-leaks"], policy_name=POLICY.name, approver=HOSTILE,
                     reason=HOSTILE, expires_at=datetime.now(timezone.utc) + timedelta(days=3))
    for document in (export_run_html(store, run_id), export_version_html(store, "bias-model", 1)):
        assert "<script" not in document.lower() and "<img" not in document.lower()
        assert escape(HOSTILE) in document and "&quot;dq&quot; &#x27;sq&#x27;" in document
        parser = _Tags()
        parser.feed(document)
        assert not {a for a in parser.attributes if a.startswith("on") or a in ("src", "href", "action")}
        assert parser.tags <= {"html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "h4", "p", "span",
                               "strong", "code", "pre", "div", "section", "table", "thead", "tbody", "tr", "th", "td",
                               "dl", "dt", "dd", "br", "footer"}
        assert not re.search(r"https?://|url\(|@import|//[a-z]", document.lower())


def test_version_export_has_registration_aliases_history_runs_approvals_waivers_and_latest_evidence(store) -> None:
    first = _record(store)
    latest = _record(store)
    store.move_alias("bias-model", "staging", 1, actor="rel", reason="try it", run_id=first)
    store.add_approval("bias-model", 1, approver="lead", reason="bias findings reviewed with legal")
    store.add_waiver("bias-model", 1, rule_ids=["pii-leaks"], policy_name=POLICY.name, approver="dpo",
                     reason="synthetic canaries only", expires_at=datetime.now(timezone.utc) + timedelta(days=3))
    document = export_version_html(store, "bias-model", 1)
    assert "<code>bias-model@1</code>" in document and "python:models/m.py:predict" in document
    assert "<dt>aliases now</dt><dd>staging</dd>" in document and "try it" in document
    runs = document.split("<h2>Evaluation runs</h2>", 1)[1].split("</section>", 1)[0]
    assert runs.count('<span class="badge fail">FAIL</span>') == 2 and f"<td>{latest}</td>" in runs
    assert "bias findings reviewed with legal" in document and "synthetic canaries only" in document
    assert f"Latest run: {latest} " in document and "Call &lt;PERSON&gt;" in document
    assert "&quot;owner&quot;: &quot;&lt;script&gt;" in document  # version metadata, escaped


def test_a_crashed_run_exports_its_error_without_evidence(store) -> None:
    store.register_version("bias-model", "python:models/m.py:predict", FP, actor="ci")
    run = store.start_run("bias-model", 1, suite_name="bias-suite", suite_sha256="5" * 64, fingerprint=FP, actor="ci")
    store.fail_run(run.id, error=f"RuntimeError: out of memory {HOSTILE}", actor="ci")
    document = export_run_html(store, run.id)
    assert 'Verdict <span class="badge fail">FAILED RUN</span>' in document
    assert "RuntimeError: out of memory " + escape(HOSTILE) in document
    assert "Not judged: the run did not complete." in document
    assert "No complete evaluation run of this version." in export_version_html(store, "bias-model", 1)


def test_a_version_without_runs_says_so_and_unknown_targets_raise(store) -> None:
    store.register_version("fresh", "hf:models/x", FP, actor="ana")
    assert "No complete evaluation run of this version." in export_version_html(store, "fresh", 1)
    with pytest.raises(RegistryError):
        export_run_html(store, 999)
    with pytest.raises(RegistryError):
        export_version_html(store, "fresh", 2)


def test_raw_evidence_is_withheld_from_an_export_unless_asked_for(store) -> None:
    store.register_version("bias-model", "python:models/m.py:predict", FP, actor="ci")
    report = _report().model_copy(update={"raw_evidence": True}).model_dump(mode="json")
    report["results"][0]["findings"][0]["example"]["original"] = "write to jane.roe@example.org"
    report["results"][3]["error"] = "ValueError: bad row jane.roe@example.org"
    run = store.start_run("bias-model", 1, suite_name="bias-suite", suite_sha256="5" * 64, fingerprint=FP, actor="ci")
    store.finish_run(run.id, report=report, actor="ci")
    withheld = export_run_html(store, run.id)
    assert "jane.roe@example.org" not in withheld and "Withheld: this report was stored with unredacted" in withheld
    assert "jane.roe@example.org" not in export_version_html(store, "bias-model", 1)
    assert "jane.roe@example.org" in export_run_html(store, run.id, include_raw=True)


def test_the_headline_says_unfinished_no_policy_or_stale_before_any_verdict(store) -> None:
    from guard.views import overview, run_evidence

    store.register_version("bias-model", "python:models/m.py:predict", FP, actor="ci")
    running = store.start_run("bias-model", 1, suite_name="s", suite_sha256="5" * 64, fingerprint=FP, actor="ci")
    assert run_evidence(store, running.id).headline == "unfinished"
    assert "Not judged: the run did not complete." in export_run_html(store, running.id)
    unchecked = store.start_run("bias-model", 1, suite_name="s", suite_sha256="5" * 64, fingerprint=FP, actor="ci")
    store.finish_run(unchecked.id, report=_report().model_dump(mode="json"), actor="ci")
    assert run_evidence(store, unchecked.id).headline == "no policy"
    assert [r.verdict_label for r in overview(store)] == ["no policy"]
    stale = _record(store, run_fingerprint="sha256:" + "ee" * 32)
    assert run_evidence(store, stale).headline == "fail (stale)"
    stale_html = export_run_html(store, stale)
    assert 'Verdict <span class="badge' in stale_html and "FAIL (STALE)" in stale_html
