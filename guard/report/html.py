"""Self-contained HTML compliance reports of a registry run or a model version.

The same evidence the dashboard's run page shows (both read ``guard.views.run_evidence``), plus the
report's metrics, datasets and environment, as one file a reviewer can archive or attach to a ticket:
no script, no external reference, every stored string escaped (``_html_parts.esc``).
The audit chain is verified at export time and its state printed, so a report produced from a
tampered registry says so.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timezone
from typing import Any

from guard._version import __version__
from guard.registry import EvalRun, ModelVersion, RegistryStore
from guard.report._format import num
from guard.report._html_parts import (
    as_json,
    badge,
    code,
    esc,
    facts,
    finding,
    metric_cells,
    page,
    section,
    table,
    when,
)
from guard.views import RuleRow, RunEvidence, run_evidence

_WITHHELD = ("Withheld: this report was stored with unredacted evidence (--store-raw-evidence); "
             "export it with --include-raw-evidence to include it.")
_RULE_HEADERS = ("rule", "metric", "measured", "95% CI", "n", "threshold", "judged", "baseline", "severity",
                 "result", "message and notes", "controls")


def export_run_html(store: RegistryStore, run_id: int, *, include_raw: bool = False) -> str:
    """One run's full evidence as an HTML document (``RegistryError`` for an unknown run).

    A report stored with ``--store-raw-evidence`` has its findings and task errors withheld unless
    ``include_raw``: an export travels further than the registry does.
    """
    evidence = run_evidence(store, run_id)
    run = evidence.run
    body = (f"<h1>Compliance report: run {esc(run.id)} of <code>{esc(run.model)}@{esc(run.version)}</code></h1>"
            f"<p>Verdict {badge(evidence.headline)}</p>" + _run_body(evidence, level=2, include_raw=include_raw)
            + _audit(store))
    return _document(f"guard run {run.id}: {run.model}@{run.version}", body)


def export_version_html(store: RegistryStore, name: str, version: int, *, include_raw: bool = False) -> str:
    """A version's registration, aliases, runs, approvals, waivers and its latest run's evidence."""
    registered = store.get_version(name, version)
    aliases = sorted(a for a, v in store.aliases(name).items() if v == version)
    moves = [m for m in store.alias_history(name) if version in (m.version, m.previous_version)]
    runs = store.list_runs(name, version, limit=10_000)
    latest = store.latest_run(name, version)
    parts = [
        f"<h1>Compliance report: <code>{esc(registered.ref)}</code></h1>",
        section("Registration", _registration(registered, aliases)),
        section("Alias history", table(("when", "alias", "from", "to", "run", "by", "why"), (
            (when(m.moved_at), esc(m.alias), esc(m.previous_version or "—"), esc(m.version or "—"),
             esc(m.run_id or "—"), esc(m.moved_by), esc(m.reason)) for m in moves))),
        section("Evaluation runs", table(
            ("run", "status", "verdict", "suite", "policy", "fingerprint", "started", "by"),
            ((esc(r.id), esc(r.status), badge(r.verdict) if r.verdict else "—", esc(r.suite_name),
              esc(r.policy_name or "—"), _fingerprint_cell(r.fingerprint, registered.fingerprint),
              when(r.started_at), esc(r.created_by)) for r in runs))),
        section("Approvals", table(("id", "approver", "reason", "recorded", "expires"), (
            (esc(a.id), esc(a.approver), esc(a.reason), when(a.created_at), when(a.expires_at))
            for a in store.list_approvals(name, version)))),
        section("Waivers", table(("id", "rules", "policy", "approver", "reason", "recorded", "expires"), (
            (esc(w.id), esc(", ".join(w.rule_ids)), esc(w.policy_name), esc(w.approver), esc(w.reason),
             when(w.created_at), when(w.expires_at)) for w in store.list_waivers(name, version)))),
    ]
    if latest is None:
        parts.append(section("Latest run", "<p>No complete evaluation run of this version.</p>"))
    else:
        evidence = run_evidence(store, latest.id)
        parts.append(f"<section><h2>Latest run: {esc(latest.id)} {badge(evidence.headline)}</h2>"
                     + _run_body(evidence, level=3, include_raw=include_raw) + "</section>")
    parts.append(_audit(store))
    return _document(f"guard {registered.ref}", "".join(parts))


def _document(title: str, body: str) -> str:
    return page(title, body, generated_at=datetime.now(timezone.utc), guard_version=__version__)


def _registration(v: ModelVersion, aliases: list[str]) -> str:
    return facts([
        ("model", code(v.ref)), ("spec", code(v.spec)), ("registered fingerprint", code(v.fingerprint)),
        ("aliases now", esc(", ".join(aliases)) if aliases else "none"),
        ("registered", f"{when(v.created_at)} by {esc(v.created_by)}"),
        ("metadata", f'<span class="mono">{as_json(v.metadata)}</span>' if v.metadata else "none"),
    ])


def _fingerprint_cell(at_run: str, registered: str) -> str:
    short = code(at_run[:19] + "…" if len(at_run) > 20 else at_run)
    return short if at_run == registered else f"{short} {badge('mismatch')}"


def _sub(level: int, title: str, body: str) -> str:
    return f"<section><h{level}>{esc(title)}</h{level}>{body}</section>"


def _run_body(evidence: RunEvidence, *, level: int, include_raw: bool) -> str:
    """Every section of one run, headed at ``level`` (2 on its own page, 3 inside a version report)."""
    run = evidence.run
    report: Mapping[str, Any] = run.report or {}
    results: list[Mapping[str, Any]] = list(report.get("results") or [])
    withheld = evidence.raw_evidence and not include_raw
    parts = [_sub(level, "Model", _model_facts(evidence, report.get("model") or {})),
             _sub(level, "Evaluation", _evaluation_facts(run, report)),
             _sub(level, "Policy rules", _rules(run, evidence.rules) if run.verdict_detail else
                  f"<p>{esc(evidence.rules_absent_reason)}</p>")]
    failed = {task: _WITHHELD if withheld else error for task, error in evidence.failed_tasks.items()}
    if run.error:
        failed.setdefault("(run)", run.error)
    if failed:
        parts.append(_sub(level, "Failed tasks", table(("task", "error"), (
            (code(task), f"<pre>{esc(error)}</pre>") for task, error in failed.items()))))
    parts.append(_sub(level, "Metrics", table(("task", "metric", "value", "95% CI", "n", "interval method", "groups"), (
        (code(r.get("task")), code(name), *metric_cells(m), esc(m.get("ci_method", "")),
         esc(", ".join(m.get("by_group") or {})) or "—")
        for r in results for name, m in (r.get("metrics") or {}).items()), numeric=(2, 4))))
    parts.append(_sub(level, "Findings (redacted examples)", f'<p class="alert">{esc(_WITHHELD)}</p>' if withheld
                      else _findings(evidence)))
    parts.append(_sub(level, "Datasets", table(("task", "evaluator", "source", "fingerprint", "rows", "columns"), (
        (code(r.get("task")), esc(f"{r.get('evaluator', '')} {r.get('evaluator_version', '')}".strip()),
         code((r.get("dataset") or {}).get("source")), code((r.get("dataset") or {}).get("fingerprint")),
         esc((r.get("dataset") or {}).get("rows", "—")), as_json((r.get("dataset") or {}).get("columns", {})))
        for r in results), numeric=(4,))))
    parts.append(_sub(level, "Environment", table(("package", "version"), (
        (esc(k), code(v)) for k, v in sorted((report.get("environment") or {}).items())))))
    return "".join(parts)


def _model_facts(evidence: RunEvidence, model: Mapping[str, Any]) -> str:
    run, registered = evidence.run, evidence.version
    rows = [
        ("model", code(registered.ref)),
        ("spec", code(model.get("spec") or registered.spec)),
        ("adapter", esc(model.get("kind", "—"))),
        ("fingerprint at run time", code(run.fingerprint)),
        ("registered fingerprint", code(registered.fingerprint)),
    ]
    if evidence.report_fingerprint not in (None, run.fingerprint):
        rows.append(("fingerprint in report", code(evidence.report_fingerprint)))
    if evidence.fingerprint_matches:
        return facts(rows) + '<p class="ok">The evaluated artifact matches the registered fingerprint.</p>'
    return facts(rows) + ('<p class="alert"><strong>Fingerprint mismatch:</strong> the evaluated artifact is not the '
                          "registered one; this run is not evidence for this version.</p>")


def _evaluation_facts(run: EvalRun, report: Mapping[str, Any]) -> str:
    suite: Mapping[str, Any] = report.get("suite") or {}
    rows = [
        ("status", esc(run.status)),
        ("suite", f"{code(run.suite_name)} sha256 {code(run.suite_sha256)}"),
        ("suite source", code(suite.get("source"))),
        ("policy", f"{code(run.policy_name)} sha256 {code(run.policy_sha256)}" if run.policy_name else "none"),
        ("started", f"{when(run.started_at)} by {esc(run.created_by)}"),
        ("finished", when(run.finished_at)),
        ("seed", esc(report.get("seed", "—"))),
        ("report schema", esc(report.get("schema_version", "—"))),
        ("evaluated with", esc(f"guard {report.get('guard_version', '—')}")),
    ]
    if report.get("raw_evidence"):
        rows.append(("raw evidence", "<strong>stored unredacted at the user's request</strong>"))
    return facts(rows)


def _rules(run: EvalRun, rules: list[RuleRow]) -> str:
    controls = sorted({c for r in rules for c in r.controls})
    note = (f"<p>Evidence toward controls (not proof of conformity): {esc(', '.join(controls))}</p>"
            if controls else "")
    return (f"<p>Policy {code(run.policy_name)}: {badge(run.verdict or 'inconclusive')}</p>"
            + table(_RULE_HEADERS, [_rule_row(r) for r in rules], numeric=(2, 4, 6)) + note)


def _rule_row(r: RuleRow) -> list[str]:
    measured = None if r.value is None else {"value": r.value, "ci_low": r.ci_low, "ci_high": r.ci_high, "n": r.n}
    outcome = "warn" if r.status == "fail" and r.severity == "warn" else r.status
    notes = "".join(f"<br>{esc(n)}" for n in r.notes)
    return [code(r.rule_id), code(r.metric), *metric_cells(measured), esc(r.threshold),
            esc("—" if r.judged is None else f"{r.judged:.4g}"), esc(num(r.baseline)), esc(r.severity),
            badge(outcome), esc(r.message) + notes, esc(", ".join(r.controls)) or "—"]


def _findings(evidence: RunEvidence) -> str:
    blocks = [f"<h4>task {code(task)}: {len(items)} finding(s)</h4>" + "".join(finding(f.model_dump()) for f in items)
              for task, items in evidence.findings.items() if items]
    if not blocks:
        return "<p>No findings.</p>"
    warning = '<p class="alert">This report contains raw, unredacted evidence.</p>' if evidence.raw_evidence else ""
    return warning + "".join(blocks)


def _audit(store: RegistryStore) -> str:
    result = store.verify_audit()
    if result.ok:
        return section("Audit chain", f'<p class="ok">Intact at export time: {esc(result.events)} events verified.</p>')
    return section("Audit chain", f'<p class="alert"><strong>BROKEN</strong> at event {esc(result.first_broken_seq)}: '
                                  f"{esc(result.reason)}. The registry has been altered outside guard.</p>")
