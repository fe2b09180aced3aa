"""The run page's per-example records (``--log-samples``): verified against the report's hash, filtered by
task and outcome, paged through the file's block index, so a 100,000-record run never loads whole."""

from __future__ import annotations

import json
from typing import Any

import streamlit as st
from _common import table

from guard.report.samples import SamplesReader, verify
from guard.types import EvalReport, SamplesRef

PAGE_SIZE = 50
ALL = "(all)"


@st.cache_resource(show_spinner=False, max_entries=16)
def _reader(path: str, sha256: str, _mtime: float) -> SamplesReader:
    return SamplesReader(path, sha256)


def _cell(value: Any) -> Any:
    return value if isinstance(value, str | int | float | bool) or value is None else json.dumps(
        value, ensure_ascii=False, default=str)


def show_samples(report: EvalReport | None) -> None:
    ref: SamplesRef | None = report.samples if report is not None else None
    if ref is None:
        st.info("No per-example records: the run was not made with --log-samples.")
        return
    state, path = verify(ref)
    if state == "missing":
        st.warning(f"The samples file of this run ({ref.rows} records) is not where it was written.")
        st.text(ref.location or ref.file)
        return
    if state == "mismatch" or path is None:
        st.error("The samples file does NOT match the sha256 the report recorded: it was changed after the run, "
                 "so its records are not shown.")
        st.text(str(path))
        return
    st.success(f"{ref.rows} records; the file matches the sha256 the report recorded.")
    tasks = [ALL, *sorted(ref.counts)]
    left, middle, right = st.columns(3)
    task = left.selectbox("Task", tasks, key="samples_task")
    outcomes = sorted({o for t, per in ref.counts.items() if task in (ALL, t) for o in per})
    outcome = middle.selectbox("Outcome", [ALL, *outcomes], key="samples_outcome")
    reader = _reader(str(path), ref.sha256, path.stat().st_mtime)
    chosen_task = None if task == ALL else task
    chosen_outcome = None if outcome == ALL else outcome
    total = reader.count(task=chosen_task, outcome=chosen_outcome)
    pages = max(1, -(-total // PAGE_SIZE))
    number = int(right.number_input(f"Page (of {pages})", min_value=1, max_value=pages, value=1,
                                    key=f"samples_page_{task}_{outcome}"))
    page = reader.page(offset=(number - 1) * PAGE_SIZE, size=PAGE_SIZE, task=chosen_task, outcome=chosen_outcome)
    st.caption(f"{total} matching records; showing {page.offset + 1 if page.records else 0}–"
               f"{page.offset + len(page.records)}")
    table([{k: _cell(v) for k, v in record.items()} for record in page.records], empty="No record matches.")
