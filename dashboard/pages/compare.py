"""A candidate version against the version at an alias: per metric and group, the change and the rules crossed.

The read model is ``guard.compare`` (through ``guard.views.compare``), the same as ``guard compare``'s."""

from __future__ import annotations

import streamlit as st
from _common import escape_md, guarded, pick, pick_model, store, table

from guard.views import compare

st.title("Compare")
registry = store()
name = pick_model(registry)
versions = [v.version for v in reversed(guarded(lambda: registry.list_versions(name)))]
aliases = guarded(lambda: registry.aliases(name))
left, right = st.columns(2)
with left:
    candidate = pick("Candidate version", versions, "candidate")
with right:
    alias = pick("Against the version at alias", sorted(aliases) or ["production"], "alias")
result = guarded(lambda: compare(registry, name, candidate, alias))
if result.baseline_version is None:
    st.warning(escape_md(f"Alias {alias!r} points nowhere yet: nothing to compare against."))
st.text(f"candidate {name}@{candidate} (run {result.candidate_run or '—'})  vs  "
        f"{alias} = {name}@{result.baseline_version or '—'} (run {result.baseline_run or '—'})")
if result.candidate_run is None:
    st.info("The candidate has no complete evaluation run.")
changes = result.rule_changes()
shown = (("newly failing", st.error), ("still failing", st.error), ("newly inconclusive", st.warning),
         ("still inconclusive", st.warning), ("newly passing", st.success))
by_change = {kind: sorted(r for r, k in changes.items() if k == kind) for kind, _ in shown}
for kind, show in shown:
    if by_change[kind]:
        show(f"Rules {kind}: {len(by_change[kind])}")
        st.text(", ".join(by_change[kind]))
judged = [k for k in changes.values() if k != "not judged"]
if result.candidate_run is not None and judged and all(k in ("unchanged", "newly passing") for k in judged):
    st.success("The candidate passes every rule of its policy.")
only_ruled = st.checkbox("Only metrics with rules", key="only_ruled")


def _interval(ci: tuple[float, float] | None) -> str:
    return f"[{ci[0]:.4g}, {ci[1]:.4g}]" if ci else ""


table([{"metric": row.metric, "group": row.group or "overall", "candidate": row.candidate,
        "candidate 95% CI": _interval(row.candidate_ci), "baseline": row.baseline,
        "baseline 95% CI": _interval(row.baseline_ci), "change": row.change,
        "better": None if row.better is None else ("yes" if row.better else "no"), "p": row.p_value,
        "test": row.test, "rules": ", ".join(row.rules), "crosses a rule": ", ".join(row.crosses)}
       for row in result.rows if row.rules or not only_ruled])
for note in result.notes:
    st.caption(escape_md(note))
if result.rule_status:
    st.subheader("Rule outcomes")
    table([{"rule": rule, "candidate": c or "—", "baseline": b or "—", "change": changes[rule]}
           for rule, (c, b) in result.rule_status.items()])
