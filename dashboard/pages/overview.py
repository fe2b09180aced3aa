"""Every model version, its aliases and the latest verdict per policy, with search and filters."""

from __future__ import annotations

from urllib.parse import quote

import streamlit as st
from _common import escape_md, guarded, store, table, when

from guard.views import filter_overview, overview

st.title("Overview")
registry = store()
st.caption(escape_md(f"Registry: {registry.url}"))  # password masked by the store
rows = guarded(lambda: overview(registry))
search_col, verdict_col, alias_col = st.columns([3, 2, 1])
search = search_col.text_input("Search", placeholder="model, spec, alias, policy, registrant")
verdicts = verdict_col.multiselect("Verdict",
                                   ["pass", "fail", "inconclusive", "no policy", "failed run", "running", "no run"])
aliased = alias_col.checkbox("Aliased only")
shown = filter_overview(rows, search=search, verdicts=verdicts, aliased_only=aliased)
models = {r.model for r in rows}
c1, c2, c3, c4 = st.columns(4)
c1.metric("Models", len(models))
c2.metric("Versions", len({(r.model, r.version) for r in rows}))
c3.metric("Failing", sum(r.verdict == "fail" for r in rows))
c4.metric("Not evaluated", sum(r.run_id is None for r in rows))
empty = ("The registry has no models yet. Record one with: guard evaluate MODEL --suite SUITE --registry URL "
         "--name NAME" if not rows else "No version matches these filters.")
table([{"model": r.model, "version": r.version, "aliases": ", ".join(r.aliases), "policy": r.policy or "",
        "verdict": r.verdict_label, "stale": "stale fingerprint" if r.stale else "",
        "newer run": f"run {r.unfinished_run} {r.unfinished_status}" if r.unfinished_run else "",
        "run": f"run?run={r.run_id}" if r.run_id else None, "suite": r.suite or "",
        "evaluated": when(r.evaluated_at), "history": f"model?model={quote(r.model, safe='')}", "spec": r.spec,
        "fingerprint": r.fingerprint[:19] + "…", "registered by": r.registered_by,
        "registered": when(r.registered_at)} for r in shown], empty=empty,
      column_config={"run": st.column_config.LinkColumn("run", display_text=r"run\?run=(\d+)"),
                     "history": st.column_config.LinkColumn("history", display_text="model page")})
st.caption(f"{len(shown)} of {len(rows)} rows")
