"""JUnit XML: one testcase per rule, so CI systems show a policy breach like a failing test."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from guard.policy import Verdict
from guard.report._format import ci, num


def junit_xml(verdict: Verdict) -> str:
    """A ``<testsuites>`` document; failures say measured value, CI and threshold."""
    failures = sum(1 for o in verdict.outcomes if o.status == "fail" and o.blocking)
    errors = sum(1 for o in verdict.outcomes if o.status == "inconclusive")
    root = ET.Element("testsuites", name="guard", tests=str(len(verdict.outcomes)), failures=str(failures),
                      errors=str(errors))
    suite = ET.SubElement(
        root, "testsuite", name=f"policy:{verdict.policy}", tests=str(len(verdict.outcomes)),
        failures=str(failures), errors=str(errors), skipped="0",
    )
    properties = ET.SubElement(suite, "properties")
    for name, value in (("model", verdict.model_spec), ("fingerprint", verdict.model_fingerprint),
                        ("policy_sha256", verdict.policy_sha256), ("verdict", verdict.status)):
        ET.SubElement(properties, "property", name=name, value=value)
    for o in verdict.outcomes:
        case = ET.SubElement(suite, "testcase", classname=f"guard.{verdict.policy}", name=o.rule_id)
        detail = (
            f"{o.metric}: measured {num(o.measured.value) if o.measured else '—'}, 95% CI {ci(o)}, "
            f"n={o.measured.n if o.measured else 0}; threshold {o.threshold}; severity {o.severity}. {o.message}"
        )
        if o.status == "fail" and o.blocking:
            ET.SubElement(case, "failure", message=o.message, type="PolicyViolation").text = detail
        elif o.status == "inconclusive":
            ET.SubElement(case, "error", message=o.message, type="Inconclusive").text = detail
        notes = ([f"WARNING (non-blocking): {detail}"] if o.status == "fail" and not o.blocking else []) + o.notes
        if o.controls:
            notes.append("controls: " + ", ".join(o.controls))
        if notes:
            ET.SubElement(case, "system-out").text = "\n".join(notes)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
