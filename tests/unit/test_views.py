"""guard.views on real registries (SQLite, PostgreSQL) filled through the store with real reports and verdicts."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone

import pytest

from guard import views
from guard.policy import Policy, Rule, check
from guard.registry import RegistryStore, open_registry
from guard.types import DatasetInfo, EvalReport, EvalResult, Finding, MetricValue, ModelInfo, SuiteInfo
from tests.helpers.registry_fixtures import (  # noqa: F401  (pytest finds fixtures by name)
    BACKENDS,
    postgres_server,
    postgres_url,
    sqlite_url,
)

FP1, FP2, FP3 = "sha256:" + "1" * 64, "sha256:" + "2" * 64, "sha256:" + "3" * 64
POLICY = Policy(name="release", rules=[
    Rule(id="acc", metric="t.accuracy", min=0.8, controls=["EU-AIA-Art15(1)"]),
    Rule(id="acc-a", metric="t.accuracy[a]", min=0.7, severity="warn"),
    Rule(id="leaks", metric="p.leak_rate", max=0.0),
])


def _metric(value: float, n: int = 100, **groups: float) -> MetricValue:
    return MetricValue(value=value, ci_low=max(0.0, value - 0.05), ci_high=min(1.0, value + 0.05), n=n,
                       higher_is_better=True,
                       by_group={g: _metric(v, n // 2) for g, v in groups.items()})


def _report(accuracy: float, leak: float, *, fingerprint: str = FP1, crashed: bool = False) -> EvalReport:
    results = [
        EvalResult(task="t", evaluator="accuracy", metrics={"accuracy": _metric(accuracy, a=accuracy - 0.1,
                                                                                b=accuracy + 0.05)},
                   dataset=DatasetInfo(source="rows.jsonl", fingerprint="sha256:" + "d" * 64, rows=100)),
        EvalResult(task="p", evaluator="pii.output", metrics={"leak_rate": MetricValue(
            value=leak, ci_low=0.0, ci_high=min(1.0, leak + 0.04), n=60, higher_is_better=False)},
            findings=[Finding(kind="pii_leak", severity="high", message="leak",
                              example={"context": "Sure: <EMAIL_ADDRESS>.", "entities": ["EMAIL_ADDRESS"]})]),
    ]
    if crashed:
        results.append(EvalResult(task="x", evaluator="accuracy", status="error", error="boom"))
    return EvalReport(guard_version="test", model=ModelInfo(spec="python:m.py:model", kind="python",
                                                            fingerprint=fingerprint),
                      suite=SuiteInfo(name="s", source="s.yaml", sha256="5" * 64), results=results)


def _record(registry: RegistryStore, name: str, version: int, report: EvalReport, *, policy: Policy = POLICY,
            policy_sha: str = "a" * 64) -> int:
    verdict = check(report, policy)
    run = registry.start_run(name, version, suite_name="s", suite_sha256="5" * 64, fingerprint=report.model.fingerprint,
                          actor="ci", policy_name=policy.name, policy_sha256=policy_sha)
    registry.finish_run(run.id, report=report.model_dump(mode="json"), actor="ci", verdict=verdict.status,
                     verdict_detail=verdict.model_dump(mode="json"))
    return run.id


@pytest.fixture(params=BACKENDS)
def registry(request: pytest.FixtureRequest) -> Iterator[RegistryStore]:
    """An empty registry on each backend: a SQLite file, a fresh PostgreSQL database."""
    url = request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "postgres_url")
    with open_registry(url) as opened:
        yield opened


def _fill(registry: RegistryStore) -> dict[str, int]:
    """sentiment@1 (fails leaks, at production), @2 (passes; an older run under an edited policy), @3 (no run)."""
    for fingerprint in (FP1, FP2, FP3):
        registry.register_version("sentiment", "python:m.py:model", fingerprint, actor="ana")
    registry.register_version("other", "python:o.py:model", FP1, actor="bob", metadata={"team": "x"})
    ids = {"v1": _record(registry, "sentiment", 1, _report(0.9, 0.1))}
    ids["v2_old"] = _record(registry, "sentiment", 2, _report(0.5, 0.0, fingerprint=FP2), policy_sha="b" * 64)
    ids["v2"] = _record(registry, "sentiment", 2, _report(0.85, 0.0, fingerprint=FP2))
    ids["other"] = _record(registry, "other", 1, _report(0.95, 0.0, fingerprint=FP2, crashed=True))
    registry.move_alias("sentiment", "production", 1, actor="ci", reason="first")
    return ids


@pytest.fixture
def filled(registry: RegistryStore) -> dict[str, int]:
    """The filled registry, for a test of its own: the tests that add runs take this one."""
    return _fill(registry)


@pytest.fixture(scope="module", params=BACKENDS)
def shared(request: pytest.FixtureRequest,
           tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[RegistryStore, dict[str, int]]]:
    """The same filled registry, built once per backend for the tests that only read it (filling one costs
    0.3-0.7 s, mostly PostgreSQL). Every write to a registry adds an audit event in the same transaction,
    so an unchanged count at the end proves that no test sharing it wrote to it."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('views') / 'registry.db'}"
    else:
        url = request.getfixturevalue("postgres_server").create_database()
    with open_registry(url) as opened:
        ids = _fill(opened)
        events = len(opened.audit_events())
        yield opened, ids
        assert len(opened.audit_events()) == events, "a test that shares the filled registry wrote to it"


def test_overview_has_one_row_per_version_and_policy_with_the_newest_verdict(
        shared: tuple[RegistryStore, dict[str, int]]) -> None:
    registry, filled = shared
    rows = {(r.model, r.version): r for r in views.overview(registry)}
    assert list(rows) == [("other", 1), ("sentiment", 1), ("sentiment", 2), ("sentiment", 3)]
    assert (rows["sentiment", 1].verdict, rows["sentiment", 1].aliases) == ("fail", ["production"])
    assert rows["sentiment", 2].run_id == filled["v2"] and rows["sentiment", 2].verdict == "pass"
    assert rows["sentiment", 3].verdict is None and rows["sentiment", 3].run_id is None
    assert rows["sentiment", 3].registered_by == "ana" and rows["sentiment", 3].fingerprint == FP3
    assert rows["other", 1].stale and not rows["sentiment", 2].stale  # evaluated FP2, registered FP1
    assert rows["other", 1].verdict == "inconclusive"  # a crashed task never passes


def test_overview_keeps_one_row_per_policy_name(registry: RegistryStore, filled: dict[str, int]) -> None:
    lenient = Policy(name="lenient", rules=[Rule(id="acc", metric="t.accuracy", min=0.1)])
    run = _record(registry, "sentiment", 1, _report(0.9, 0.1), policy=lenient, policy_sha="c" * 64)
    rows = [r for r in views.overview(registry) if (r.model, r.version) == ("sentiment", 1)]
    assert [(r.policy, r.verdict, r.run_id) for r in rows] == [("lenient", "pass", run),
                                                               ("release", "fail", filled["v1"])]


def test_overview_shows_a_run_that_did_not_complete_after_the_last_verdict(
        registry: RegistryStore, filled: dict[str, int]) -> None:
    crashed = registry.start_run("sentiment", 2, suite_name="s", suite_sha256="5" * 64, fingerprint=FP2, actor="ci")
    registry.fail_run(crashed.id, error="out of memory", actor="ci")
    only = registry.start_run("sentiment", 3, suite_name="s", suite_sha256="5" * 64, fingerprint=FP3, actor="ci")
    registry.fail_run(only.id, error="boom", actor="ci")
    rows = {(r.model, r.version): r for r in views.overview(registry)}
    v2, v3 = rows["sentiment", 2], rows["sentiment", 3]
    assert (v2.verdict, v2.unfinished_run, v2.unfinished_status) == ("pass", crashed.id, "failed")
    assert (v3.verdict_label, v3.run_id, v3.unfinished_run) == ("failed run", None, only.id)
    assert rows["sentiment", 1].unfinished_run is None
    assert [r.version for r in views.filter_overview(list(rows.values()), verdicts=["failed run"])] == [3]


def test_filter_overview(shared: tuple[RegistryStore, dict[str, int]]) -> None:
    registry, _ = shared
    rows = views.overview(registry)
    assert [r.version for r in views.filter_overview(rows, search="PRODUCTION")] == [1]
    assert [(r.model, r.version) for r in views.filter_overview(rows, verdicts=["no run"])] == [("sentiment", 3)]
    assert [r.model for r in views.filter_overview(rows, search="bob")] == ["other"]
    assert len(views.filter_overview(rows, aliased_only=True)) == 1
    assert views.filter_overview(rows) == rows


def test_metric_trends_take_each_versions_newest_run_with_groups(shared: tuple[RegistryStore, dict[str, int]]) -> None:
    registry, filled = shared
    points = views.metric_trends(registry, "sentiment")
    overall = [(p.version, p.value, p.run_id) for p in points if p.metric == "t.accuracy" and p.group is None]
    assert overall == [(1, 0.9, filled["v1"]), (2, 0.85, filled["v2"])]
    group_a = [p for p in points if p.metric == "t.accuracy" and p.group == "a"]
    assert [p.value for p in group_a] == pytest.approx([0.8, 0.75]) and group_a[0].n == 50
    assert all(p.ci_low <= p.value <= p.ci_high for p in points)
    assert {p.metric for p in views.metric_trends(registry, "other")} == {"t.accuracy", "p.leak_rate"}  # x crashed


def test_run_evidence(shared: tuple[RegistryStore, dict[str, int]]) -> None:
    registry, filled = shared
    evidence = views.run_evidence(registry, filled["v1"])
    rules = {r.rule_id: r for r in evidence.rules}
    assert (rules["leaks"].status, rules["leaks"].threshold, rules["leaks"].value) == ("fail", "<= 0", 0.1)
    assert rules["acc"].controls == ["EU-AIA-Art15(1)"] and rules["acc"].n == 100 and rules["acc"].ci_low == 0.85
    assert rules["acc-a"].metric == "t.accuracy[a]" and rules["acc-a"].value == pytest.approx(0.8)
    assert evidence.findings["p"][0].example["context"] == "Sure: <EMAIL_ADDRESS>."
    assert evidence.findings["t"] == []
    assert evidence.datasets == [views.DatasetRow(task="t", source="rows.jsonl", fingerprint="sha256:" + "d" * 64,
                                                  rows=100)]
    assert evidence.fingerprint_matches and evidence.version.ref == "sentiment@1"
    stale = views.run_evidence(registry, filled["other"])
    assert not stale.fingerprint_matches and stale.failed_tasks == {"x": "boom"}


def test_compare_marks_changes_and_crossed_rules(shared: tuple[RegistryStore, dict[str, int]]) -> None:
    registry, filled = shared
    result = views.compare(registry, "sentiment", 2, "production")
    assert (result.baseline_version, result.candidate_run, result.baseline_run) == (1, filled["v2"], filled["v1"])
    rows = {(r.metric, r.group): r for r in result.rows}
    leak = rows["p.leak_rate", None]
    assert (leak.candidate, leak.baseline, leak.change) == (0.0, 0.1, pytest.approx(-0.1))
    assert leak.rules == ["leaks"] and leak.crosses == ["leaks"]  # fail -> pass
    accuracy = rows["t.accuracy", None]
    assert accuracy.change == pytest.approx(-0.05) and accuracy.rules == ["acc"] and accuracy.crosses == []
    group_a = rows["t.accuracy", "a"]
    assert group_a.rules == ["acc-a"] and group_a.change == pytest.approx(-0.05) and group_a.crosses == []
    assert rows["t.accuracy", "b"].rules == []
    assert result.rule_status["leaks"] == ("pass", "fail")
    assert result.rule_changes()["leaks"] == "newly passing" and result.rule_changes()["acc"] == "unchanged"


def test_compare_flags_a_rule_the_candidate_fails_even_when_the_baseline_failed_too(
        registry: RegistryStore, filled: dict[str, int]) -> None:
    _record(registry, "sentiment", 3, _report(0.6, 0.2, fingerprint=FP3))
    rows = {(r.metric, r.group): r for r in views.compare(registry, "sentiment", 3, "production").rows}
    assert rows["p.leak_rate", None].crosses == ["leaks"]  # fail and fail: still a crossing
    assert rows["t.accuracy", None].crosses == ["acc"]  # pass -> fail
    assert rows["t.accuracy", "a"].crosses == ["acc-a"]  # warn rule, pass -> fail
    changes = views.compare(registry, "sentiment", 3, "production").rule_changes()
    assert changes == {"acc": "newly failing", "acc-a": "newly failing", "leaks": "still failing"}


def test_an_inconclusive_rule_is_never_counted_as_passing() -> None:
    comparison = views.Comparison(model="m", alias="production", candidate_version=2, baseline_version=1,
                                  candidate_run=2, baseline_run=1, rows=[], rule_status={
                                      "a": ("inconclusive", "fail"), "b": ("inconclusive", "pass"),
                                      "c": ("inconclusive", "inconclusive"), "d": ("pass", None), "e": (None, "pass")})
    assert comparison.rule_changes() == {"a": "newly inconclusive", "b": "newly inconclusive",
                                         "c": "still inconclusive", "d": "unchanged", "e": "not judged"}


def test_compare_without_a_baseline_or_a_candidate_run(shared: tuple[RegistryStore, dict[str, int]]) -> None:
    registry, _ = shared
    no_alias = views.compare(registry, "sentiment", 2, "staging")
    assert no_alias.baseline_version is None and no_alias.baseline_run is None
    assert all(r.baseline is None and r.change is None for r in no_alias.rows) and no_alias.rows
    no_run = views.compare(registry, "sentiment", 3, "production")
    assert no_run.candidate_run is None and all(r.candidate is None for r in no_run.rows)


def test_audit_log_filters_newest_first_and_verifies(shared: tuple[RegistryStore, dict[str, int]]) -> None:
    registry, _ = shared
    log = views.audit_log(registry)
    assert log.verification.ok and log.total == len(log.events) == log.verification.events
    assert [e.seq for e in log.events] == sorted((e.seq for e in log.events), reverse=True)
    assert {e.action for e in views.audit_log(registry, action="ALIAS.").events} == {"alias.move"}
    assert {e.subject for e in views.audit_log(registry, actor="bob").events} == {"other@1"}
    assert len(views.audit_log(registry, subject="sentiment@2", action="run.").events) == 4
    assert len(views.audit_log(registry, limit=3).events) == 3
    future = datetime.now(timezone.utc) + timedelta(days=1)
    assert views.audit_log(registry, since=future).events == []
    assert len(views.audit_log(registry, until=future).events) == log.total
