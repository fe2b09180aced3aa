"""The store contract: every behaviour the release gate and the CLI rely on, on SQLite and PostgreSQL."""

from __future__ import annotations

import math
from datetime import datetime, timedelta, timezone

import pytest

from guard.registry import RegistryError, RegistryStore
from guard.registry._binding import row_digest

FP1, FP2 = "sha256:" + "1" * 64, "sha256:" + "2" * 64
FP3, FP4 = "sha256:" + "3" * 64, "sha256:" + "4" * 64
POLICY_A, POLICY_B = "a" * 64, "b" * 64


def _run(store: RegistryStore, name: str, version: int, *, policy: str | None = POLICY_A, finish: bool = True,
         verdict: str = "pass"):
    run = store.start_run(name, version, suite_name="sst2", suite_sha256="s" * 64, fingerprint=FP1, actor="ci",
                          policy_name="release" if policy else None, policy_sha256=policy)
    if finish:
        run = store.finish_run(run.id, report={"schema_version": 1, "run": run.id}, actor="ci", verdict=verdict)
    return run


def test_register_get_and_list(store: RegistryStore) -> None:
    v1 = store.register_version("sentiment", "hf:models/s1", FP1, actor="ana", metadata={"card": "x", "n": 3})
    v2 = store.register_version("sentiment", "hf:models/s2", FP2, actor="bob")
    store.register_version("toxicity", "hf:models/t1", FP1, actor="ana")
    assert (v1.version, v1.ref, v1.metadata, v1.created_by) == (1, "sentiment@1", {"card": "x", "n": 3}, "ana")
    assert v1.created_at.tzinfo is not None and abs(v1.created_at - datetime.now(timezone.utc)) < timedelta(minutes=5)
    assert (v2.version, v2.fingerprint, v2.metadata) == (2, FP2, {})
    assert store.get_version("sentiment", 1) == v1
    assert store.list_versions("sentiment") == [v1, v2]
    assert [m.name for m in store.list_models()] == ["sentiment", "toxicity"]
    assert store.list_models()[0].created_by == "ana"


def test_version_numbers_auto_and_explicit(store: RegistryStore) -> None:
    assert store.register_version("m", "hf:a", FP1, actor="a", version=10).version == 10
    assert store.register_version("m", "hf:b", FP2, actor="a").version == 11
    assert store.register_version("m", "hf:c", FP3, actor="a", version=3).version == 3
    assert store.register_version("other", "hf:d", FP1, actor="a").version == 1  # numbers are per model
    with pytest.raises(RegistryError, match=r"m@10 already exists.*m@12"):
        store.register_version("m", "hf:e", FP4, actor="a", version=10)
    for bad in (0, -1, True):
        with pytest.raises(RegistryError, match="positive integer"):
            store.register_version("m", "hf:e", FP4, actor="a", version=bad)
    with pytest.raises(RegistryError, match="invalid model name"):
        store.register_version("m@2", "hf:e", FP4, actor="a")
    assert [v.version for v in store.list_versions("m")] == [3, 10, 11]


def test_one_version_per_artifact(store: RegistryStore) -> None:
    """Registering a fingerprint that already is a version returns that version: no event, no new row."""
    first = store.register_version("m", "hf:a", FP1, actor="a")
    events = len(store.audit_events())
    again = store.register_version("m", "hf:copy-elsewhere", FP1, actor="b")
    assert again == first and len(store.audit_events()) == events
    assert store.register_version("m", "hf:a", FP1, actor="a", version=1) == first
    with pytest.raises(RegistryError, match=r"m@1 is already this artifact"):
        store.register_version("m", "hf:a", FP1, actor="a", version=7)
    assert [v.version for v in store.list_versions("m")] == [1]


def test_unknown_names_suggest_known_ones(store: RegistryStore) -> None:
    store.register_version("sentiment", "hf:a", FP1, actor="a")
    with pytest.raises(RegistryError, match="unknown model 'sentimnet'.*did you mean 'sentiment'"):
        store.get_version("sentimnet", 1)
    with pytest.raises(RegistryError, match=r"unknown version sentiment@4.*1"):
        store.get_version("sentiment", 4)
    for call in (lambda: store.latest_run("sentimnet", 1), lambda: store.list_versions("sentimnet"),
                 lambda: store.alias_target("sentimnet", "production"), lambda: store.list_runs("sentimnet")):
        with pytest.raises(RegistryError, match="did you mean 'sentiment'"):
            call()
    with pytest.raises(RegistryError, match="unknown run 99"):
        store.get_run(99)
    with pytest.raises(RegistryError, match="unknown version sentiment@2"):
        store.latest_run("sentiment", 2)


def test_run_lifecycle(store: RegistryStore) -> None:
    store.register_version("m", "hf:a", FP1, actor="a")
    run = _run(store, "m", 1, finish=False)
    assert (run.status, run.report, run.verdict, run.finished_at) == ("running", None, None, None)
    assert store.get_run(run.id) == run
    done = store.finish_run(run.id, report={"results": [{"x": 1.5}]}, actor="ci", verdict="fail",
                            verdict_detail={"passed": False})
    assert (done.status, done.verdict, done.verdict_detail) == ("complete", "fail", {"passed": False})
    assert done.report == {"results": [{"x": 1.5}]}
    assert done.finished_at is not None and done.finished_at >= done.started_at
    assert store.get_run(run.id) == done
    with pytest.raises(RegistryError, match="already complete"):
        store.finish_run(run.id, report={}, actor="ci")
    with pytest.raises(RegistryError, match="already complete"):
        store.fail_run(run.id, error="late", actor="ci")
    crashed = store.fail_run(_run(store, "m", 1, finish=False).id, error="evaluator crashed: boom", actor="ci")
    assert (crashed.status, crashed.error, crashed.report) == ("failed", "evaluator crashed: boom", None)
    with pytest.raises(RegistryError, match="verdict must be"):
        store.finish_run(_run(store, "m", 1, finish=False).id, report={}, actor="ci", verdict="passed")
    with pytest.raises(RegistryError, match="unknown version m@2"):
        _run(store, "m", 2)


def test_report_keeps_nan_and_unicode(store: RegistryStore) -> None:
    store.register_version("m", "hf:a", FP1, actor="a")
    run = _run(store, "m", 1, finish=False)
    done = store.finish_run(run.id, report={"ci_low": float("nan"), "note": "ça ✓"}, actor="ci", verdict="inconclusive")
    assert math.isnan(store.get_run(done.id).report["ci_low"]) and done.report["note"] == "ça ✓"
    assert store.verify_audit().ok


def test_list_runs_newest_first_with_filters(store: RegistryStore) -> None:
    for name in ("a", "b"):
        store.register_version(name, "hf:x", FP1, actor="u")
        store.register_version(name, "hf:y", FP2, actor="u")
    ids = [_run(store, n, v).id for n, v in (("a", 1), ("b", 1), ("a", 2), ("a", 1))]
    assert [r.id for r in store.list_runs()] == ids[::-1]
    assert [r.id for r in store.list_runs("a")] == [ids[3], ids[2], ids[0]]
    assert [(r.model, r.version) for r in store.list_runs("a", 1)] == [("a", 1), ("a", 1)]
    assert len(store.list_runs(limit=2)) == 2


def test_latest_run_is_the_newest_complete_run_under_the_policy(store: RegistryStore) -> None:
    store.register_version("m", "hf:a", FP1, actor="a")
    store.register_version("m", "hf:b", FP2, actor="a")
    assert store.latest_run("m", 1) is None
    first = _run(store, "m", 1, verdict="fail")
    second = _run(store, "m", 1, verdict="pass")
    other_policy = _run(store, "m", 1, policy=POLICY_B)
    _run(store, "m", 1, finish=False)  # newer, still running: ignored
    store.fail_run(_run(store, "m", 1, finish=False).id, error="x", actor="ci")  # newer, failed: ignored
    _run(store, "m", 2)  # another version: ignored
    assert store.latest_run("m", 1, policy_sha256=POLICY_A).id == second.id > first.id
    assert store.latest_run("m", 1, policy_sha256=POLICY_A).report == {"schema_version": 1, "run": second.id}
    assert store.latest_run("m", 1, policy_sha256=POLICY_B).id == other_policy.id
    assert store.latest_run("m", 1).id == other_policy.id  # any policy
    assert store.latest_run("m", 1, policy_sha256="c" * 64) is None
    no_policy = _run(store, "m", 1, policy=None)
    assert store.latest_run("m", 1).id == no_policy.id


def test_latest_run_summaries_one_per_version_and_policy_without_reports(store: RegistryStore) -> None:
    assert store.latest_run_summaries() == []
    store.register_version("m", "hf:a", FP1, actor="a")
    store.register_version("m", "hf:b", FP2, actor="a")
    store.register_version("n", "hf:c", FP1, actor="a")
    _run(store, "m", 1, verdict="fail")
    newest_a = _run(store, "m", 1, verdict="pass")
    policy_b = _run(store, "m", 1, policy=POLICY_B, verdict="inconclusive")
    no_policy = _run(store, "m", 1, policy=None)
    _run(store, "m", 1, finish=False)  # running: ignored
    store.fail_run(_run(store, "m", 1, finish=False).id, error="x", actor="ci")  # failed: ignored
    other_model = _run(store, "n", 1, verdict="fail")
    summaries = store.latest_run_summaries()
    assert [(s.id, s.model, s.version, s.policy_sha256, s.verdict) for s in summaries] == [
        (newest_a.id, "m", 1, POLICY_A, "pass"), (policy_b.id, "m", 1, POLICY_B, "inconclusive"),
        (no_policy.id, "m", 1, None, "pass"), (other_model.id, "n", 1, POLICY_A, "fail")]
    first = summaries[0]
    assert (first.status, first.policy_name, first.suite_name, first.fingerprint, first.created_by) == (
        "complete", "release", "sst2", FP1, "ci")
    assert first.finished_at is not None and first.finished_at.tzinfo is not None
    assert not hasattr(first, "report")
    assert [s.id for s in store.latest_run_summaries("n")] == [other_model.id]
    with pytest.raises(RegistryError, match="unknown model"):
        store.latest_run_summaries("nope")


def test_newest_attempts_show_a_crash_after_the_last_complete_run(store: RegistryStore) -> None:
    store.register_version("m", "hf:a", FP1, actor="a")
    store.register_version("m", "hf:b", FP2, actor="a")
    _run(store, "m", 1, verdict="pass")
    crashed = _run(store, "m", 1, finish=False)
    store.fail_run(crashed.id, error="x", actor="ci")
    complete = _run(store, "m", 2, verdict="fail")
    assert [(s.id, s.version, s.status) for s in store.newest_attempts()] == [
        (crashed.id, 1, "failed"), (complete.id, 2, "complete")]
    running = _run(store, "m", 2, finish=False)
    assert [(s.id, s.status) for s in store.newest_attempts("m")] == [(crashed.id, "failed"), (running.id, "running")]


def test_aliases_and_history(store: RegistryStore) -> None:
    for fingerprint in (FP1, FP2, FP3):
        store.register_version("m", "hf:a", fingerprint, actor="a")
    run2 = _run(store, "m", 2)
    assert store.alias_target("m", "production") is None and store.aliases("m") == {}
    store.move_alias("m", "production", 1, actor="rel", reason="first release")
    store.move_alias("m", "staging", 3, actor="rel", reason="try 3")
    move = store.move_alias("m", "production", 2, actor="rel", reason="v2 passed", run_id=run2.id,
                            expected_previous=1, audit_payload={"policy": "release", "verdict": "pass"})
    assert (move.version, move.previous_version, move.run_id, move.moved_by) == (2, 1, run2.id, "rel")
    assert store.alias_target("m", "production") == 2
    assert store.aliases("m") == {"production": 2, "staging": 3}
    with pytest.raises(RegistryError, match="now points at 2, not 1"):
        store.move_alias("m", "production", 3, actor="rel", reason="stale", expected_previous=1)
    with pytest.raises(RegistryError, match=f"run {run2.id} evaluated m@2, not m@3"):
        store.move_alias("m", "production", 3, actor="rel", reason="wrong run", run_id=run2.id)
    with pytest.raises(RegistryError, match="unknown version m@9"):
        store.move_alias("m", "production", 9, actor="rel", reason="nope")
    with pytest.raises(RegistryError, match="invalid alias"):
        store.move_alias("m", "2", 1, actor="rel", reason="numeric alias")
    removed = store.move_alias("m", "staging", None, actor="rel", reason="retire staging")
    assert (removed.version, removed.previous_version) == (None, 3)
    assert store.aliases("m") == {"production": 2} and store.alias_target("m", "staging") is None
    with pytest.raises(RegistryError, match="not set"):
        store.move_alias("m", "staging", None, actor="rel", reason="again")
    history = store.alias_history("m")
    assert [(h.alias, h.previous_version, h.version) for h in history] == [
        ("production", None, 1), ("staging", None, 3), ("production", 1, 2), ("staging", 3, None)]
    assert [h.id for h in history] == sorted(h.id for h in history)
    assert [h.version for h in store.alias_history("m", "production")] == [1, 2]
    assert store.audit_events()[-2].payload["detail"] == {"policy": "release", "verdict": "pass"}
    verification = store.verify_audit()  # a removed alias is a recorded removal, not a deleted row
    assert verification.ok, verification.reason
    assert store.binding_problems([("aliases", "m@staging"), ("aliases", "m@production")]) == []


def test_free_audit_events_cannot_bind_rows(store: RegistryStore) -> None:
    """append_audit (a gate's refusal) may not forge the markers that bind rows to the chain."""
    for payload in ({"rows": []}, {"legacy_rows": {}}, {"removed": []}):
        with pytest.raises(RegistryError, match="bind registry rows"):
            store.append_audit(actor="a", action="note", subject="m@1", payload=payload)
    with pytest.raises(RegistryError, match="written by the store"):
        store.append_audit(actor="a", action="registry.migrate", subject="registry", payload={})
    assert store.audit_events() == []


def test_approvals(store: RegistryStore) -> None:
    store.register_version("m", "hf:a", FP1, actor="a")
    store.register_version("m", "hf:b", FP2, actor="a")
    expires = datetime(2030, 1, 1, tzinfo=timezone.utc)
    a1 = store.add_approval("m", 1, approver="lead", reason="reviewed the card")
    a2 = store.add_approval("m", 2, approver="dpo", reason="privacy ok", expires_at=expires)
    assert (a1.approver, a1.expires_at, a2.expires_at) == ("lead", None, expires)
    assert store.list_approvals("m") == [a1, a2]
    assert store.list_approvals("m", 2) == [a2]
    with pytest.raises(RegistryError, match="approver must be a non-empty string"):
        store.add_approval("m", 1, approver=" ", reason="x")
    with pytest.raises(RegistryError, match="not in the future"):
        store.add_approval("m", 1, approver="lead", reason="x",
                           expires_at=datetime.now(timezone.utc) - timedelta(seconds=1))
    assert store.list_approvals("m") == [a1, a2]  # the refused approval left no row


def test_waivers_expire(store: RegistryStore) -> None:
    store.register_version("m", "hf:a", FP1, actor="a")
    store.register_version("m", "hf:b", FP2, actor="a")
    now = datetime.now(timezone.utc)
    short = store.add_waiver("m", 1, rule_ids=["pii-leak"], policy_name="release", approver="dpo",
                             reason="fixed in next build", expires_at=now + timedelta(hours=1))
    naive_utc = (now + timedelta(days=30)).replace(tzinfo=None)  # naive datetimes are taken as UTC
    long = store.add_waiver("m", 1, rule_ids=["bias-gap", "toxicity"], policy_name="release", approver="dpo",
                            reason="accepted", expires_at=naive_utc)
    store.add_waiver("m", 1, rule_ids=["x"], policy_name="other", approver="dpo", reason="r",
                     expires_at=now + timedelta(days=30))
    store.add_waiver("m", 2, rule_ids=["x"], policy_name="release", approver="dpo", reason="r",
                     expires_at=now + timedelta(days=30))
    assert long.rule_ids == ["bias-gap", "toxicity"] and long.expires_at.tzinfo is not None
    assert store.active_waivers("m", 1, policy_name="release", at=now) == [short, long]
    assert store.active_waivers("m", 1, policy_name="release", at=now + timedelta(hours=2)) == [long]
    assert store.active_waivers("m", 1, policy_name="release", at=now + timedelta(days=31)) == []
    assert len(store.list_waivers("m")) == 4 and len(store.list_waivers("m", 2)) == 1
    with pytest.raises(RegistryError, match="not in the future"):
        store.add_waiver("m", 1, rule_ids=["x"], policy_name="release", approver="dpo", reason="r",
                         expires_at=now - timedelta(seconds=1))
    with pytest.raises(RegistryError, match="at least one rule"):
        store.add_waiver("m", 1, rule_ids=[], policy_name="release", approver="dpo", reason="r",
                         expires_at=now + timedelta(days=1))


def test_every_write_appends_exactly_one_event(store: RegistryStore) -> None:
    later = datetime.now(timezone.utc) + timedelta(days=1)
    writes = [
        ("version.register", "m@1", lambda: store.register_version("m", "hf:a", FP1, actor="ana")),
        ("run.start", "m@1", lambda: _run(store, "m", 1, finish=False)),
        ("run.finish", "m@1", lambda: store.finish_run(1, report={"r": 1}, actor="ci", verdict="pass")),
        ("run.start", "m@1", lambda: _run(store, "m", 1, finish=False)),
        ("run.fail", "m@1", lambda: store.fail_run(2, error="boom", actor="ci")),
        ("alias.move", "m@production", lambda: store.move_alias("m", "production", 1, actor="rel", reason="ok",
                                                                run_id=1)),
        ("approval.add", "m@1", lambda: store.add_approval("m", 1, approver="lead", reason="ok")),
        ("waiver.add", "m@1", lambda: store.add_waiver("m", 1, rule_ids=["r"], policy_name="p", approver="dpo",
                                                       reason="ok", expires_at=later)),
        ("gate.decision", "m@1", lambda: store.append_audit(actor="ci", action="gate.decision", subject="m@1",
                                                            payload={"at": later, "verdict": "pass"})),
    ]
    for count, (action, subject, write) in enumerate(writes, start=1):
        write()
        events = store.audit_events()
        assert len(events) == count, action
        assert (events[-1].seq, events[-1].action, events[-1].subject) == (count, action, subject)
    # failed writes leave no trace
    for failing in (lambda: store.register_version("m", "hf:b", FP2, actor="a", version=1),
                    lambda: store.finish_run(1, report={}, actor="ci"),
                    lambda: store.move_alias("m", "production", 1, actor="rel", reason="x", expected_previous=7)):
        with pytest.raises(RegistryError):
            failing()
    events = store.audit_events()
    assert len(events) == len(writes)
    registered = store.get_version("m", 1)
    assert events[0].payload == {"spec": "hf:a", "fingerprint": FP1, "new_model": True,
                                 "metadata_sha256": events[0].payload["metadata_sha256"],
                                 "rows": [{"table": "model_versions", "key": "m@1",
                                           "sha256": row_digest("model_versions", "m", {
                                               "version": 1, "spec": "hf:a", "fingerprint": FP1, "metadata": {},
                                               "created_at": registered.created_at, "created_by": "ana"})}]}
    assert registered.audit_seq == 1
    assert events[1].payload["plan_sha256"] is None  # started without a plan
    assert [(r["table"], r["key"]) for r in events[1].payload["rows"]] == [("runs", "1")]
    assert events[2].payload["run_id"] == 1 and len(events[2].payload["report_sha256"]) == 64
    assert events[-1].payload == {"at": later.isoformat(timespec="microseconds"), "verdict": "pass"}
    assert all(e.prev_hash == p.hash for p, e in zip(events, events[1:], strict=False))
    assert [e.seq for e in store.audit_events(since_seq=3, limit=2)] == [4, 5]
    verification = store.verify_audit()
    assert (verification.ok, verification.events, verification.first_broken_seq) == (True, len(writes), None)


def test_empty_registry_verifies(store: RegistryStore) -> None:
    assert store.verify_audit().ok and store.verify_audit().events == 0
    assert store.list_models() == [] and store.list_runs() == []
