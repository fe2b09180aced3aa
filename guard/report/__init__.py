"""Reading and writing reports, and the verdict's renderings: console, JUnit XML, Markdown."""

from guard.report.files import read_report, write_report, write_text_atomic
from guard.report.junit import junit_xml
from guard.report.markdown import markdown_summary

__all__ = ["junit_xml", "markdown_summary", "read_report", "write_report", "write_text_atomic"]
