"""Reading and writing reports, the verdict's renderings (console, JUnit XML, Markdown), and HTML
compliance exports of registry runs and versions."""

from guard.report.files import check_writable, read_report, write_all_atomic, write_report, write_text_atomic
from guard.report.html import export_run_html, export_version_html
from guard.report.junit import junit_xml
from guard.report.markdown import markdown_summary

__all__ = [
    "export_run_html",
    "export_version_html",
    "junit_xml",
    "markdown_summary",
    "read_report",
    "check_writable",
    "write_all_atomic",
    "write_report",
    "write_text_atomic",
]
