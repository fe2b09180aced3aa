"""One evaluation run: every rule with its numbers and controls, redacted findings, fingerprints."""

from __future__ import annotations

import json

import streamlit as st
from _common import escape_md, export_button, guarded, pick, short, store, table, when
from _samples import show_samples

from guard.views import FindingView, run_evidence, stored_report

st.title("Run")
registry = store()
# The latest complete run per version and policy, and any newer run that did not complete.
unfinished = [a for a in guarded(registry.newest_attempts) if a.status != "complete"]
summaries = sorted([*guarded(registry.latest_run_summaries), *unfinished], key=lambda s: -s.id)
labels = {s.id: f"run {s.id} · {s.model}@{s.version} · {s.policy_name or 'no policy'} · "
                f"{s.verdict or ('no verdict' if s.status == 'complete' else s.status)}" for s in summaries}
wanted = st.query_params.get("run", "")
if wanted.isdigit() and int(wanted) not in labels:  # an older (superseded) run named in the URL
    labels = {int(wanted): f"run {wanted}", **labels}
run_id = pick("Run", list(labels), "run", format_func=lambda i: labels[i])
if run_id is None:
    st.info("No complete evaluation run yet.")
    st.stop()
evidence = guarded(lambda: run_evidence(registry, run_id))
run, version = evidence.run, evidence.version

st.subheader(f"Run {run.id}: {evidence.headline.upper()}")
st.text(f"{version.ref} · suite {run.suite_name} · policy {run.policy_name or '—'} · "
        f"by {run.created_by} · {when(run.started_at)} → {when(run.finished_at)}")
if not evidence.fingerprint_matches:
    st.error("STALE: the evaluated artifact is not the registered one, so this verdict is not evidence for "
             f"{escape_md(version.ref)} (see Fingerprints).")
# Evidence stored unredacted (--store-raw-evidence) is shown only on request, findings and errors alike.
show_raw = False
if evidence.raw_evidence:
    st.warning("This report holds UNREDACTED evidence (--store-raw-evidence was given): findings and task errors "
               "are hidden until you ask for them.")
    show_raw = st.toggle("Show the unredacted evidence", value=False, key=f"show_raw_{run.id}")
if run.error:
    st.error(escape_md(f"The run failed: {run.error}"))
for task, error in evidence.failed_tasks.items():
    st.error(escape_md(f"Task '{task}' crashed: {error if show_raw or not evidence.raw_evidence else '(hidden)'}"))

st.header("Rules")
if evidence.rules:
    table([{"rule": r.rule_id, "metric": r.metric, "outcome": r.status, "severity": r.severity,
            "threshold": r.threshold, "measured": r.value, "ci_low": r.ci_low, "ci_high": r.ci_high, "n": r.n,
            "judged": r.judged, "baseline": r.baseline, "controls": ", ".join(r.controls), "message": r.message,
            "notes": "; ".join(r.notes)} for r in evidence.rules])
else:
    st.info(evidence.rules_absent_reason)

st.header("Fingerprints")
if evidence.fingerprint_matches:
    st.success("The run evaluated the registered artifact (fingerprints agree).")
else:
    st.warning("The fingerprint of the evaluated artifact differs from the registered version's: stale evidence.")
table([{"what": "registered version", "fingerprint": version.fingerprint},
       {"what": "evaluated (run)", "fingerprint": run.fingerprint},
       {"what": "in the report", "fingerprint": evidence.report_fingerprint or ""}])
if evidence.datasets:
    table([d.model_dump() for d in evidence.datasets])


def _show(finding: FindingView, show_raw: bool) -> None:
    """One finding, as text: counterfactual pairs side by side, leaks with their entity tags.

    Unredacted values (``raw``, stored only with --store-raw-evidence) stay hidden unless asked for.
    """
    st.text(f"[{finding.severity}] {finding.kind}: {finding.message}")
    example = {k: v for k, v in finding.example.items() if k != "raw"}
    if show_raw and "raw" in finding.example:
        st.code(json.dumps(finding.example["raw"], indent=1, ensure_ascii=False, default=str), language="json")
    if "original" in example and "counterfactual" in example:
        left, right = st.columns(2)
        left.caption("original")
        left.text(f"{example['original']}\n→ {example.get('prediction_original', '')}")
        right.caption("counterfactual")
        right.text(f"{example['counterfactual']}\n→ {example.get('prediction_counterfactual', '')}")
    elif "context" in example:
        st.text(f"prompt: {example.get('prompt', '')}\noutput: {example['context']}")
        st.text("entities: " + ", ".join(map(str, example.get("entities", []))))
    elif example:
        st.code(json.dumps(example, indent=1, ensure_ascii=False, default=str), language="json")


st.header("Findings")
if evidence.raw_evidence and not show_raw:
    st.info("Hidden: unredacted evidence (use the toggle above).")
else:
    for task, findings in evidence.findings.items():
        with st.expander(f"{escape_md(task)}: {len(findings)} finding(s)", expanded=bool(findings)):
            for finding in findings:
                _show(finding, show_raw)
st.header("Samples")
if evidence.raw_evidence and not show_raw:
    st.info("Hidden: unredacted evidence (use the toggle above).")
else:
    show_samples(stored_report(run))
st.caption(f"Model spec: {escape_md(version.spec)} · fingerprint {short(version.fingerprint)}")
export_button("export_run_html", f"run-{run.id}", registry, run.id, include_raw=show_raw)
