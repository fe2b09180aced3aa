"""The coverage matrix as JSON (for tools) and as one self-contained HTML file (for an auditor)."""

from __future__ import annotations

import json
from typing import Any

from guard._version import __version__
from guard.compliance.coverage import Coverage
from guard.report._html_parts import badge, code, esc, facts, page, section, table, when


def coverage_dict(cov: Coverage) -> dict[str, Any]:
    """Everything the HTML shows, as plain JSON types; each control carries its computed ``status``."""
    return {
        "model": cov.model, "version": cov.version, "framework": cov.framework, "title": cov.title,
        "source": cov.source, "caveat": cov.caveat, "generated_at": cov.generated_at.isoformat(),
        "guard_version": __version__, "runs": cov.runs, "counts": cov.counts(),
        "controls": [{**c.control.model_dump(), "status": c.status,
                      "rules": [r.model_dump() for r in c.rules]} for c in cov.controls],
        "without_evidence": [c.control.id for c in cov.without_evidence],
        "unknown_controls": cov.unknown_controls,
        "approvals": [a.model_dump(mode="json") for a in cov.approvals],
        "waivers": [w.model_dump(mode="json") for w in cov.waivers],
        "problems": cov.problems,
    }


def coverage_json(cov: Coverage) -> str:
    return json.dumps(coverage_dict(cov), indent=2, ensure_ascii=False) + "\n"


def coverage_html(cov: Coverage) -> str:
    counts = ", ".join(f"{n} {status}" for status, n in sorted(cov.counts().items()))
    rows = []
    for c in cov.controls:
        rules = "<br>".join(
            f"{code(r.rule_id)} ({esc(r.policy)}, run {esc(r.run_id)}): {badge(r.status)}"
            + (f" waived by waiver {esc(r.waiver_id)}" if r.waiver_id is not None else "")
            + (f" ({esc(r.standing)})" if r.standing else "") for r in c.rules) or "—"
        checks = ", ".join(f"{esc(k)} ({esc(v)})" for k, v in c.control.checks.items())
        rows.append([code(c.control.id), esc(c.control.title) or "—", checks, rules,
                     badge(c.status),
                     esc("; ".join(c.control.notes)) or "—"])
    body = (
        f"<h1>Compliance coverage: <code>{esc(cov.model)}@{esc(cov.version)}</code> against {esc(cov.title)}</h1>"
        f'<p class="alert">{esc(cov.caveat)}</p>'
        + "".join(f'<p class="alert">{esc(p)}</p>' for p in cov.problems)
        + facts([("framework", esc(cov.framework)), ("source", esc(cov.source)), ("controls", esc(counts)),
                 ("runs used", esc(", ".join(f"{p}: run {r}" for p, r in cov.runs.items())) or "none")])
        + section("Controls", table(("control", "title (shared/COMPLIANCE.md)", "guard checks",
                                     "rules and latest status", "coverage", "notes"), rows))
        + section("Controls with no evidence", "<p>" + (", ".join(code(c.control.id) for c in cov.without_evidence)
                                                        or "none") + "</p>")
        + section("Control ids on rules that this catalogue does not list", table(("control", "rules"), (
            (code(cid), esc(", ".join(rules))) for cid, rules in cov.unknown_controls.items())))
        + section("Approvals", table(("id", "approver", "reason", "recorded", "expires"), (
            (esc(a.id), esc(a.approver), esc(a.reason), when(a.created_at), when(a.expires_at))
            for a in cov.approvals)))
        + section("Waivers", table(("id", "rules", "policy", "approver", "reason", "expires"), (
            (esc(w.id), esc(", ".join(w.rule_ids)), esc(w.policy_name), esc(w.approver), esc(w.reason),
             when(w.expires_at)) for w in cov.waivers)))
    )
    return page(f"guard compliance: {cov.model}@{cov.version} / {cov.framework}", body,
                generated_at=cov.generated_at, guard_version=__version__)
