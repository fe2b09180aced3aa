"""Reading and writing reports, the verdict's renderings (console, JUnit XML, Markdown), and HTML
compliance exports of registry runs and versions. Names load on first use: the HTML exports import
the registry and SQLAlchemy, which ``guard evaluate`` without ``--registry`` never needs."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from guard.report.files import check_writable, read_report, write_all_atomic, write_report, write_text_atomic
    from guard.report.html import export_run_html, export_version_html
    from guard.report.junit import junit_xml
    from guard.report.markdown import markdown_summary

_WHERE = {
    "check_writable": "files", "read_report": "files", "write_all_atomic": "files", "write_report": "files",
    "write_text_atomic": "files", "export_run_html": "html", "export_version_html": "html",
    "junit_xml": "junit", "markdown_summary": "markdown",
}
__all__ = [
    "check_writable",
    "export_run_html",
    "export_version_html",
    "junit_xml",
    "markdown_summary",
    "read_report",
    "write_all_atomic",
    "write_report",
    "write_text_atomic",
]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'guard.report' has no attribute '{name}'")
    value = getattr(importlib.import_module(f"guard.report.{_WHERE[name]}"), name)
    globals()[name] = value
    return value
