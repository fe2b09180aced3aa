"""Compliance coverage of one version against one framework: the same matrix as ``guard export --compliance``."""

from __future__ import annotations

import streamlit as st
from _common import guarded, pick, pick_model, store, table

from guard.compliance import FRAMEWORKS, coverage

st.title("Compliance")
registry = store()
name = pick_model(registry)
versions = [v.version for v in guarded(lambda: registry.list_versions(name))]
version = pick("Version", versions, "version")
framework = pick("Framework", list(FRAMEWORKS), "framework")
if version is None or framework is None:
    st.info("This model has no versions yet.")
    st.stop()
cov = guarded(lambda: coverage(registry, name, version, framework))
st.caption(cov.caveat + " Source: " + cov.source)
counts = cov.counts()
cols = st.columns(4)
for col, label in zip(cols, ("evidenced", "failing", "waived", "no evidence")):
    col.metric(label, counts.get(label, 0))
for problem in cov.problems:  # runs that are not release evidence or rows that fail the audit check
    st.error(problem)
status_filter = st.multiselect("Coverage", ["evidenced", "warning", "waived", "inconclusive", "failing",
                                            "unverifiable", "no evidence"], key="coverage_filter")
table([{"control": c.control.id, "title": c.control.title, "coverage": c.status,
        "checks": ", ".join(f"{k} ({v})" for k, v in c.control.checks.items()),
        "rules": "; ".join(f"{r.policy}:{r.rule_id}={r.status}" + (f" (waiver {r.waiver_id})" if r.waiver_id else "")
                           + (f" ({r.standing})" if r.standing else "") for r in c.rules),
        "notes": "; ".join(c.control.notes)}
       for c in cov.controls if not status_filter or c.status in status_filter],
      empty="No control matches this filter.")
if cov.unknown_controls:
    st.warning(f"{len(cov.unknown_controls)} control id(s) on policy rules are not in this catalogue.")
    table([{"control": cid, "rules": ", ".join(rules)} for cid, rules in cov.unknown_controls.items()])
st.header("Approvals")
table([{"approver": a.approver, "reason": a.reason, "expires": str(a.expires_at or "")} for a in cov.approvals],
      empty="No unexpired approval.")
st.header("Waivers")
table([{"rules": ", ".join(w.rule_ids), "policy": w.policy_name, "approver": w.approver, "reason": w.reason,
        "expires": str(w.expires_at)} for w in cov.waivers], empty="No unexpired waiver.")
