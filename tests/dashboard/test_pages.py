"""Every dashboard page on a registry filled by real ``guard evaluate`` runs (Streamlit AppTest)."""

from __future__ import annotations

import sqlite3

import pytest

from guard.registry import open_registry
from tests.dashboard._pages import charts, frames, markdown_texts, open_page, plain_texts
from tests.dashboard.conftest import EMAIL, HOSTILE, Filled


def test_overview_lists_every_version_with_its_latest_verdict(registry: Filled) -> None:
    at = open_page("overview")
    assert at.title[0].value == "Overview"
    table = frames(at)[0]
    rows = {(r.model, r.version): r for r in table.itertuples()}
    assert rows[("sentiment", 1)].verdict == "fail" and rows[("sentiment", 1)].aliases == "production"
    assert rows[("sentiment", 2)].verdict == "pass" and rows[("sentiment", 2)].aliases == ""
    assert rows[("sentiment", 2)].run == f"run?run={registry.clean_run}"
    assert rows[("sentiment", 2)].history == "model?model=sentiment"
    evil = next(r for key, r in rows.items() if key[0].startswith("evil"))
    assert evil.verdict == "no run" and evil.policy == ""
    assert [m.value for m in at.metric] == ["2", "3", "1", "1"]


def test_overview_search_and_verdict_filter(registry: Filled) -> None:
    at = open_page("overview")
    at.text_input[0].input("production").run()
    assert list(frames(at)[0].version) == [1]
    at.text_input[0].input("").run()
    at.multiselect[0].select("no run").run()
    assert [m.startswith("evil") for m in frames(at)[0].model] == [True]
    at.text_input[0].input("no-such-model").run()
    assert not frames(at) and "No version matches these filters." in at.info[0].value


def test_model_page_shows_timeline_trends_with_bands_and_alias_history(registry: Filled) -> None:
    at = open_page("model", model="sentiment")
    versions, trend, moves, approvals, waivers = frames(at)
    assert list(versions.version) == [1, 2] and list(versions.aliases) == ["production", ""]
    assert "dash: fail" in versions["latest verdicts"][0] and "dash: pass" in versions["latest verdicts"][1]
    assert at.selectbox(key="trend_metric").value == "cf.flip_rate"
    at.selectbox(key="trend_metric").set_value("t.accuracy").run()
    trend = frames(at)[1]
    overall = trend[trend.series == "overall"]
    assert list(overall.version) == [1, 2] and (overall.ci_low <= overall.value).all()
    assert overall.value.iloc[1] < overall.value.iloc[0] == 1.0  # v2 gets 'thing 1' wrong
    assert {"a", "b"} <= set(trend.series)
    (_, timeline), (chart, plotted) = charts(at)
    assert '"area"' in chart and '"line"' in chart and '"ci_high"' in chart
    assert list(plotted[plotted.series == "overall"].version) == [1, 2]
    assert set(zip(timeline.version, timeline.event)) == {
        (1, "registered"), (2, "registered"), (1, "verdict: fail"), (2, "verdict: pass"), (1, "alias production")}
    move = moves.iloc[0]
    assert (move.alias, move.to, move.by, move.why) == ("production", 1, "ci-bot", "first release, leak waived")
    assert "reviewed the leak fix" in set(approvals.reason)
    assert list(waivers.rules) == ["no-leaks"]
    _assert_html_export(at)


def test_run_page_shows_rules_redacted_findings_and_fingerprints(registry: Filled) -> None:
    at = open_page("run", run=registry.leaky_run)
    rules = frames(at)[0].set_index("rule")
    assert rules.loc["no-leaks", "outcome"] == "fail" and rules.loc["no-leaks", "threshold"] == "<= 0"
    assert rules.loc["no-leaks", "controls"] == "EU-AIA-Art15(5), NIST-RMF-MEASURE-2.10"
    assert rules.loc["accuracy", "ci_low"] < rules.loc["accuracy", "measured"] and rules.loc["accuracy", "n"] == 60
    assert rules.loc["flips", "severity"] == "warn"
    shown = plain_texts(at)
    assert "<EMAIL_ADDRESS>" in shown and "entities: EMAIL_ADDRESS" in shown
    assert EMAIL not in shown + "\n".join(markdown_texts(at))
    pair = [t.value for t in at.text if t.value.startswith(("She said the new library", "He said the new library"))]
    assert len(pair) == 2  # original and counterfactual, side by side
    assert any("fingerprints agree" in s.value for s in at.success)
    fingerprints = frames(at)[1]
    assert fingerprints.fingerprint.nunique() == 1 and fingerprints.fingerprint[0].startswith("sha256:")
    assert "rows.jsonl" in frames(at)[2].source[0]
    _assert_html_export(at)


def test_unredacted_evidence_stays_hidden_until_asked_for(registry: Filled) -> None:
    with open_registry(registry.url) as store:  # a run recorded as with --store-raw-evidence
        leaky = store.get_run(registry.leaky_run)
        report = {**leaky.report, "raw_evidence": True}
        for result in report["results"]:
            for finding in result["findings"] if result["task"] == "leaks" else []:
                finding["example"]["raw"] = {"text": f" Sure: {EMAIL}.", "values": [EMAIL]}
        # What --store-raw-evidence leaves in any other evaluator's findings: the raw input itself.
        report["results"][0]["findings"].append(
            {"kind": "misclassified", "severity": "low", "message": "expected 'pos'",
             "example": {"input": f"mail {EMAIL}"}})
        run = store.start_run("sentiment", 1, suite_name="dash", suite_sha256=leaky.suite_sha256, actor="ci",
                              fingerprint=leaky.fingerprint)
        store.finish_run(run.id, report=report, actor="ci")
    at = open_page("run", run=run.id)
    assert any("UNREDACTED" in w.value for w in at.warning)
    shown = plain_texts(at) + "\n".join(markdown_texts(at))
    assert EMAIL not in shown and "<EMAIL_ADDRESS>" not in shown  # every finding hidden, not only `raw`
    at.toggle(key=f"show_raw_{run.id}").set_value(True).run()
    assert f"mail {EMAIL}" in plain_texts(at) and EMAIL in plain_texts(at)


def test_run_page_reports_an_unknown_run(registry: Filled) -> None:
    at = open_page("run", run=9999)
    assert any("unknown run 9999" in e.value for e in at.error)


def test_compare_shows_changes_and_crossed_rules(registry: Filled) -> None:
    at = open_page("compare", model="sentiment", candidate=2, alias="production")
    table = frames(at)[0].set_index(["metric", "group"])
    leak = table.loc[("leaks.leak_rate", "overall")]
    assert leak.candidate == 0 and leak.baseline > 0 and leak.change == pytest.approx(-leak.baseline)
    assert leak["crosses a rule"] == "no-leaks" and leak.better == "yes"
    accuracy = table.loc[("t.accuracy", "overall")]
    assert accuracy.change < 0 and accuracy.better == "no" and accuracy["crosses a rule"] == ""
    assert ("t.accuracy", "a") in table.index  # per group too
    status = frames(at)[1].set_index("rule")
    assert (status.loc["no-leaks", "candidate"], status.loc["no-leaks", "baseline"]) == ("pass", "fail")
    assert status.loc["no-leaks", "change"] == "newly passing"
    assert any(s.value == "Rules newly passing: 1" for s in at.success)
    assert any("no-leaks" in t.value for t in at.text)


def test_audit_page_shows_an_intact_chain_and_filters(registry: Filled) -> None:
    at = open_page("audit")
    assert "intact" in at.success[0].value
    events = frames(at)[0]
    assert {"version.register", "run.finish", "waiver.add", "alias.move", "approval.add"} <= set(events.action)
    at.text_input[1].input("alias.").run()
    assert set(frames(at)[0].action) == {"alias.move"}


def test_audit_page_shows_a_tampered_chain_as_broken(registry: Filled) -> None:
    with sqlite3.connect(registry.db) as db:
        db.execute("UPDATE audit_events SET actor = 'someone-else' WHERE seq = 3")
    at = open_page("audit")
    assert not at.success
    assert "BROKEN at event 3" in at.error[0].value


@pytest.mark.parametrize("page,query", [("overview", {}), ("model", {"model": "evil"}), ("audit", {}),
                                        ("approvals", {"model": "sentiment", "version": 1})])
def test_hostile_names_and_metadata_render_as_plain_text(registry: Filled, page: str, query: dict) -> None:
    if page == "model":
        query = {"model": next(m for m in _models(registry) if m.startswith("evil"))}
    at = open_page(page, **query)
    rendered = "\n".join(markdown_texts(at))
    for payload in HOSTILE:
        assert payload not in rendered
    assert any(payload in plain_texts(at) for payload in HOSTILE)
    assert not [m for m in at.markdown if m.proto.allow_html]


def _models(registry: Filled) -> list[str]:
    with sqlite3.connect(registry.db) as db:
        return [row[0] for row in db.execute("SELECT name FROM models")]


def _assert_html_export(at) -> None:
    """The page offers guard.report.html's compliance report as a download, built when clicked
    (the browser test downloads it and reads the document).

    A click must not rerun the page: the rerun gives the button a new document id and may drop the one
    the click is fetching, so the download silently fails under load (Streamlit's deferred downloads).
    """
    (button,) = at.get("download_button")
    assert button.proto.label == "Download HTML compliance report" and button.proto.deferred_file_id
    assert button.proto.ignore_rerun
