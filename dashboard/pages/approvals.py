"""A reviewer's sign-off or waiver, recorded through guard.release (the only writes the dashboard makes)."""

from __future__ import annotations

import os
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

import streamlit as st
from _common import auth_configured, escape_md, guarded, pick, pick_model, reviewer, store, table, when

from guard.errors import GuardError
from guard.policy import Policy, load_policy
from guard.release import approve, waive
from guard.resources import builtin_dir, resolve

st.title("Approvals & waivers")
registry = store()
who = reviewer()
if who.authenticated:
    st.success(escape_md(f"Signed in as {who.name}."))
else:
    if auth_configured() and st.button("Log in"):
        st.login()
    if who.name:
        st.warning(escape_md(f"Unauthenticated session: sign-offs are recorded as '{who.name}' (from --reviewer / "
                             "GUARD_REVIEWER / GUARD_ACTOR), not as a verified identity."))
    else:
        st.warning("Unauthenticated session and no reviewer name configured: recording is disabled. "
                   "Start the dashboard with guard dashboard --reviewer NAME, or configure Streamlit authentication.")
disabled = who.name is None

name = pick_model(registry)
version = pick("Version", [v.version for v in reversed(guarded(lambda: registry.list_versions(name)))], "version")
ref = f"{name}@{version}"
latest = guarded(lambda: registry.latest_run(name, version))
failing = [o["rule_id"] for o in ((latest.verdict_detail if latest else None) or {}).get("outcomes", [])
           if o.get("status") == "fail"]
st.text(f"{ref}: latest run {latest.id if latest else '—'}, policy {latest.policy_name if latest else '—'}, "
        f"verdict {(latest.verdict if latest else None) or '—'}; failing rules: {', '.join(failing) or 'none'}")


def _policy(ref: str) -> Policy:
    """A built-in policy or a policy file under GUARD_POLICY_DIR (else the working directory) — never
    any path on the server, since whoever reaches the page (perhaps unauthenticated) types it."""
    path = resolve(ref.strip(), "policies").resolve()
    roots = [builtin_dir("policies"), Path(os.environ.get("GUARD_POLICY_DIR") or Path.cwd())]
    if not any(path.is_relative_to(root.resolve()) for root in roots):
        raise GuardError(f"'{ref}' is outside the built-in policies and {roots[1]}",
                         hint="name a built-in policy (e.g. default) or a file under GUARD_POLICY_DIR "
                              "(default: the dashboard's working directory)")
    return load_policy(path)


def _end_of(day: date) -> datetime:
    return datetime.combine(day, time(23, 59, 59), timezone.utc)


def _record(action, **kwargs) -> None:
    """Call guard.release; a refusal is one error message and nothing is written."""
    try:
        done = action(registry, ref, actor=who.name, **kwargs)
    except GuardError as exc:
        st.error(escape_md(str(exc)))
        return
    st.success(escape_md(f"Recorded {type(done).__name__.lower()} {done.id} for {ref} by {done.approver}."))


st.header("Sign off")
with st.form("approve"):
    reason = st.text_area("What was reviewed, and why it is acceptable", key="approve_reason")
    expires = st.date_input("Expires (optional)", value=None, key="approve_expires")
    if st.form_submit_button("Record approval", disabled=disabled):
        if expires is not None and expires < datetime.now(timezone.utc).date():
            st.error(f"The expiry {expires.isoformat()} is in the past.")
        else:
            _record(approve, reason=reason, expires_at=_end_of(expires) if expires else None)

st.header("Waive failing rules")
with st.form("waive"):
    policy_ref = st.text_input("Policy (file path or built-in name)", value=latest.policy_name if latest and
                               latest.policy_name else "", key="waive_policy")
    rules_text = st.text_input("Rule ids (comma-separated)", value=", ".join(failing), key="waive_rules")
    waive_reason = st.text_area("Why the residual risk is accepted", key="waive_reason")
    waive_until = st.date_input("Expires", value=date.today() + timedelta(days=30), key="waive_expires")
    if st.form_submit_button("Record waiver", disabled=disabled):
        rule_ids = [r.strip() for r in rules_text.split(",") if r.strip()]
        try:
            policy = _policy(policy_ref) if policy_ref.strip() else None
        except GuardError as exc:
            st.error(escape_md(f"Cannot load the policy: {exc}"))
            policy = None
        if policy is None and not policy_ref.strip():
            st.error("Name the policy the rules belong to.")
        elif policy is not None:
            _record(waive, rule_ids=rule_ids, policy=policy, reason=waive_reason, expires_at=_end_of(waive_until))

st.header("Recorded for this version")
approvals = guarded(lambda: registry.list_approvals(name, version))
waivers = guarded(lambda: registry.list_waivers(name, version))
table([{"approver": a.approver, "reason": a.reason, "at": when(a.created_at), "expires": when(a.expires_at)}
       for a in approvals], empty="No approvals.")
table([{"rules": ", ".join(w.rule_ids), "policy": w.policy_name, "approver": w.approver, "reason": w.reason,
        "at": when(w.created_at), "expires": when(w.expires_at)} for w in waivers], empty="No waivers.")
