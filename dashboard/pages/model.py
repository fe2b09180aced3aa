"""One model: version timeline, metric trends with confidence bands, alias history, sign-offs."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st
from _common import export_button, guarded, pick_model, short, store, table, when

from guard.views import metric_trends, model_history

st.title("Model")
registry = store()
name = pick_model(registry)
history = guarded(lambda: model_history(registry, name))
by_version: dict[int, list[str]] = {}
for alias, target in history.aliases.items():
    by_version.setdefault(target, []).append(alias)

st.header("Versions")
verdicts: dict[int, list[str]] = {}
for run in history.runs:
    verdicts.setdefault(run.version, []).append(f"{run.policy_name or 'no policy'}: {run.verdict or '—'} "
                                                f"(run {run.id})")
table([{"version": v.version, "registered": when(v.created_at), "by": v.created_by,
        "aliases": ", ".join(sorted(by_version.get(v.version, []))),
        "latest verdicts": "; ".join(verdicts.get(v.version, [])),
        "spec": v.spec, "fingerprint": short(v.fingerprint), "metadata": str(v.metadata) if v.metadata else ""}
       for v in history.versions])

events = [{"when": v.created_at, "version": v.version, "event": "registered", "by": v.created_by}
          for v in history.versions]
events += [{"when": r.finished_at, "version": r.version, "event": f"verdict: {r.verdict or '—'}",
            "by": r.created_by} for r in history.runs if r.finished_at is not None]
events += [{"when": m.moved_at, "version": m.version or m.previous_version, "event": f"alias {m.alias}",
            "by": m.moved_by} for m in history.alias_moves]
timeline = alt.Chart(pd.DataFrame(events)).mark_point(filled=True, size=90).encode(
    x=alt.X("when:T", title="time"), y=alt.Y("version:O", title="version"), color=alt.Color("event:N"),
    shape=alt.Shape("event:N"), tooltip=["when:T", "version", "event", "by"])
st.altair_chart(timeline, width="stretch")

st.header("Metric trends")
points = guarded(lambda: metric_trends(registry, name))
if not points:
    st.info("No complete evaluation run yet.")
else:
    frame = pd.DataFrame([p.model_dump() for p in points])
    metric = st.selectbox("Metric", sorted(frame["metric"].unique()), key="trend_metric")
    data = frame[frame["metric"] == metric].copy()
    data["series"] = data["group"].fillna("overall")
    groups = sorted(g for g in data["series"].unique() if g != "overall")
    chosen = st.multiselect("Groups", groups, default=groups[:6], key=f"trend_groups_{metric}") if groups else []
    data = data[data["series"].isin(["overall", *chosen])]
    base = alt.Chart(data).encode(x=alt.X("version:O", title="version"),
                                  color=alt.Color("series:N", title="group"))
    band = base.mark_area(opacity=0.2).encode(y=alt.Y("ci_low:Q", title=metric), y2="ci_high:Q")
    line = base.mark_line(point=True).encode(y="value:Q", tooltip=["version", "series", "value", "ci_low",
                                                                   "ci_high", "n", "run_id"])
    st.altair_chart(band + line, width="stretch")
    table(data[["version", "series", "value", "ci_low", "ci_high", "n", "run_id"]].to_dict("records"))

st.header("Alias history")
if history.aliases:
    st.text("Now: " + ", ".join(f"{a} -> {name}@{v}" for a, v in sorted(history.aliases.items())))
table([{"when": when(m.moved_at), "alias": m.alias, "from": m.previous_version, "to": m.version, "run": m.run_id,
        "by": m.moved_by, "why": m.reason} for m in reversed(history.alias_moves)], empty="No alias has moved yet.")

st.header("Approvals and waivers")
table([{"version": a.version, "approver": a.approver, "reason": a.reason, "at": when(a.created_at),
        "expires": when(a.expires_at)} for a in history.approvals], empty="No approvals.")
table([{"version": w.version, "rules": ", ".join(w.rule_ids), "policy": w.policy_name, "approver": w.approver,
        "reason": w.reason, "at": when(w.created_at), "expires": when(w.expires_at)} for w in history.waivers],
      empty="No waivers.")

st.header("Tags and lineage")
lineage = {item.version: item for item in history.lineage}
table([{"version": v.version,
        "tags": ", ".join(f"{t.key}={t.value}" for t in history.tags if t.version == v.version),
        "description": lineage[v.version].description if v.version in lineage else "",
        "parent": (lineage[v.version].parent or "") if v.version in lineage else "",
        "training data": ", ".join(f"{d.name} {short(d.sha256)}" for d in lineage[v.version].training_data)
        if v.version in lineage else ""}
       for v in history.versions if v.version in lineage or any(t.version == v.version for t in history.tags)],
      empty="No tags or lineage recorded.")

st.header("Policy impact")
impact_policy = st.text_input("A new policy file: which versions of this model would stop or start complying",
                              key="impact_policy")
if impact_policy.strip():
    from guard.impact import policy_impact
    from guard.policy import load_policy

    impact = guarded(lambda: policy_impact(registry, load_policy(impact_policy.strip()), all_versions=True))
    rows = [r for r in impact.rows if r.model == name]
    table([{"version": r.version, "aliases": ", ".join(r.aliases), "run": r.run_id, "before": r.before or "—",
            "after": r.after, "change": r.change, "why": "; ".join(r.reasons)} for r in rows],
          empty="No version of this model.")

st.header("Export")
export_version = st.selectbox("Version", [v.version for v in reversed(history.versions)], key="export_version")
export_button("export_version_html", f"{name}-v{export_version}", registry, name, export_version)
