"""The approvals page records sign-offs and waivers through guard.release, and refuses bad input."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from guard.registry import open_registry
from tests.dashboard._pages import click, open_page
from tests.dashboard.conftest import Filled


def _recorded(registry: Filled) -> tuple[list, list]:
    with open_registry(registry.url) as store:
        return store.list_approvals("sentiment", 2), store.list_waivers("sentiment", 2)


def test_without_a_reviewer_the_forms_are_disabled(registry: Filled) -> None:
    at = open_page("approvals", model="sentiment", version=2)
    assert any("no reviewer name configured" in w.value for w in at.warning)
    buttons = {b.label: b.disabled for b in at.button}
    assert buttons["Record approval"] and buttons["Record waiver"]


def test_an_unauthenticated_reviewer_records_an_approval_with_a_notice(
        registry: Filled, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GUARD_REVIEWER", "rita")
    before, _ = _recorded(registry)
    at = open_page("approvals", model="sentiment", version=2)
    assert any("Unauthenticated session" in w.value and "rita" in w.value for w in at.warning)
    at.text_area(key="approve_reason").input("checked the PII fix and the accuracy drop")
    at.date_input(key="approve_expires").set_value(date.today() + timedelta(days=90))
    click(at, "Record approval")
    assert any("Recorded approval" in s.value for s in at.success), [e.value for e in at.error]
    after, _ = _recorded(registry)
    assert len(after) == len(before) + 1
    new = after[-1]
    assert (new.approver, new.reason) == ("rita", "checked the PII fix and the accuracy drop")
    assert new.expires_at is not None and new.expires_at.date() == date.today() + timedelta(days=90)
    with open_registry(registry.url) as store:
        assert store.audit_events()[-1].action == "approval.add" and store.verify_audit().ok


def test_a_logged_in_user_signs_off_as_themselves(registry: Filled, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GUARD_REVIEWER", "not-me")
    at = open_page("approvals", user={"is_logged_in": True, "email": "ana@example.org"}, model="sentiment", version=2)
    assert not at.warning and "Signed in as ana@example.org" in at.success[0].value.replace("\\", "")
    at.text_area(key="approve_reason").input("reviewed")
    click(at, "Record approval")
    assert _recorded(registry)[0][-1].approver == "ana@example.org"


@pytest.mark.parametrize("reason,expires,error", [
    ("", None, "needs a reason"),
    ("looks fine", date.today() - timedelta(days=1), "in the past"),
])
def test_bad_approvals_are_refused_and_nothing_is_written(
        registry: Filled, monkeypatch: pytest.MonkeyPatch, reason: str, expires: date | None, error: str) -> None:
    monkeypatch.setenv("GUARD_REVIEWER", "rita")
    before = _recorded(registry)
    at = open_page("approvals", model="sentiment", version=2)
    at.text_area(key="approve_reason").input(reason)
    at.date_input(key="approve_expires").set_value(expires)
    click(at, "Record approval")
    assert any(error in e.value for e in at.error) and not at.success
    assert _recorded(registry) == before


def test_a_waiver_is_recorded_through_release(registry: Filled, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GUARD_ACTOR", "rita")
    monkeypatch.setenv("GUARD_POLICY_DIR", str(registry.policy.parent))
    at = open_page("approvals", model="sentiment", version=2)
    assert at.text_input(key="waive_rules").value == ""  # v2 fails no rule
    at.text_input(key="waive_policy").input(str(registry.policy))
    at.text_input(key="waive_rules").input("flips, accuracy")
    at.text_area(key="waive_reason").input("accepted until the retrain")
    click(at, "Record waiver")
    assert any("Recorded waiver" in s.value for s in at.success), [e.value for e in at.error]
    waiver = _recorded(registry)[1][-1]
    assert (waiver.rule_ids, waiver.policy_name, waiver.approver) == (["accuracy", "flips"], "dash", "rita")
    assert waiver.expires_at.date() == date.today() + timedelta(days=30)


@pytest.mark.parametrize("policy,rules,reason,expires,error", [
    (None, "nope", "why", None, "has no rule"),
    (None, "accuracy", "", None, "needs a reason"),
    (None, "", "why", None, "names the rule ids"),
    (None, "accuracy", "why", date.today() - timedelta(days=1), "not in the future"),
    ("missing-policy.yaml", "accuracy", "why", None, "Cannot load the policy"),
    ("/etc/passwd", "accuracy", "why", None, "is outside the built-in policies"),
])
def test_bad_waivers_are_refused_and_nothing_is_written(
        registry: Filled, monkeypatch: pytest.MonkeyPatch, policy: str | None, rules: str, reason: str,
        expires: date | None, error: str) -> None:
    monkeypatch.setenv("GUARD_REVIEWER", "rita")
    monkeypatch.setenv("GUARD_POLICY_DIR", str(registry.policy.parent))
    before = _recorded(registry)
    at = open_page("approvals", model="sentiment", version=2)
    at.text_input(key="waive_policy").input(policy or str(registry.policy))
    at.text_input(key="waive_rules").input(rules)
    at.text_area(key="waive_reason").input(reason)
    if expires is not None:
        at.date_input(key="waive_expires").set_value(expires)
    click(at, "Record waiver")
    assert any(error in e.value.replace("\\", "") for e in at.error), [e.value for e in at.error]
    assert not at.success
    assert _recorded(registry) == before
