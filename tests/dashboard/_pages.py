"""Helpers for driving the dashboard with Streamlit's AppTest."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
from streamlit.testing.v1 import AppTest

from tests.dashboard.conftest import APP


def open_page(page: str, user: dict | None = None, **query: object) -> AppTest:
    """Run the app, switch to ``pages/<page>.py`` with ``?key=value`` query parameters, and run it.

    ``user`` is what ``st.user`` holds (``{"is_logged_in": True, "email": ...}`` for a logged-in user).
    """
    at = AppTest.from_file(str(APP), default_timeout=60)
    if user is not None:
        at.user = user
    at.run()
    at.switch_page(f"pages/{page}.py")
    at.query_params.update({k: str(v) for k, v in query.items()})
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def markdown_texts(at: AppTest) -> list[str]:
    """Every string the page rendered as markdown (where a link or image could come alive)."""
    kinds = ("markdown", "caption", "title", "header", "subheader", "error", "warning", "success", "info")
    texts = [el.value for kind in kinds for el in at.get(kind)]
    return texts + [el.label for el in at.get("expander")]


def plain_texts(at: AppTest) -> str:
    """Everything shown as plain text: st.text, st.code and dataframe cells."""
    parts = [el.value for el in at.text] + [el.value for el in at.code]
    parts += [frame.value.to_string() for frame in at.dataframe]
    return "\n".join(parts)


def frames(at: AppTest) -> list:
    return [frame.value for frame in at.dataframe]


def click(at: AppTest, label: str) -> AppTest:
    next(b for b in at.button if b.label == label).click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def charts(at: AppTest) -> list[tuple[str, pd.DataFrame]]:
    """Each Vega-Lite chart's spec and the data it plots (sent beside the spec as Arrow)."""
    found = []
    for chart in at.get("vega_lite_chart"):
        (dataset,) = chart.proto.datasets
        found.append((chart.proto.spec, pa.ipc.open_stream(dataset.data.data).read_all().to_pandas()))
    return found
