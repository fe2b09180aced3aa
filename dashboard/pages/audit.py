"""The audit log: is the hash chain intact, and who did what, when."""

from __future__ import annotations

import json
from datetime import datetime, time, timezone

import streamlit as st
from _common import guarded, store, table, when

from guard.views import audit_log

st.title("Audit")
registry = store()
status = st.container()  # filled once the log is read: the chain's state stays at the top of the page
c1, c2, c3 = st.columns(3)
actor = c1.text_input("Actor contains")
action = c2.text_input("Action contains", placeholder="alias.move, waiver., gate.")
subject = c3.text_input("Subject contains", placeholder="model@version")
d1, d2, d3 = st.columns(3)
since = d1.date_input("From", value=None)
until = d2.date_input("To", value=None)
limit = d3.number_input("Show at most", min_value=10, max_value=100_000, value=500, step=100)
log = guarded(lambda: audit_log(
    registry, actor=actor, action=action, subject=subject,
    since=datetime.combine(since, time.min, timezone.utc) if since else None,
    until=datetime.combine(until, time.max, timezone.utc) if until else None, limit=int(limit)))
check = log.verification
if check.ok:
    status.success(f"Audit chain intact: {check.events} events verified.")
else:
    status.error(f"Audit chain BROKEN at event {check.first_broken_seq}: every event from there on is suspect.")
    status.text(check.reason)
st.caption(f"{len(log.events)} shown of {log.total} events, newest first")
table([{"seq": e.seq, "at": when(e.at), "actor": e.actor, "action": e.action, "subject": e.subject,
        "payload": json.dumps(e.payload, ensure_ascii=False, default=str, sort_keys=True),
        "hash": e.hash[:16] + "…"} for e in log.events])
