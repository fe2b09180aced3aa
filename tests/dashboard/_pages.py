"""Helpers for driving the dashboard with Streamlit's AppTest."""

from __future__ import annotations

import functools
from pathlib import Path

import pandas as pd
import pyarrow as pa
from streamlit.components.v2.component_manager import BidiComponentManager
from streamlit.testing.v1 import AppTest

from tests.dashboard.conftest import APP


@functools.cache
def _components() -> BidiComponentManager:
    """Streamlit's registry of installed custom components, discovered once per process as a real server does.

    Each AppTest discovers it again on its first run by reading the metadata of every installed
    distribution (about 0.4 s of CPU per AppTest here); the dashboard uses no custom component.
    """
    manager = BidiComponentManager()
    manager.discover_and_register_components(start_file_watching=False)
    return manager


def open_page(page: str, user: dict | None = None, **query: object) -> AppTest:
    """Run the app on ``pages/<page>.py`` with ``?key=value`` query parameters, as a browser opening that URL does.

    ``user`` is what ``st.user`` holds (``{"is_logged_in": True, "email": ...}`` for a logged-in user).
    The first run goes straight to the page (each page's ``url_path`` is its file name, so AppTest's
    filename hash is the page's hash); that the page which ran is that file is checked, not assumed.
    """
    at = AppTest.from_file(str(APP), default_timeout=60)
    at._bidi_component_manager = _components()  # what AppTest would build for itself (see _components)
    if user is not None:
        at.user = user
    at.switch_page(f"pages/{page}.py")
    at.query_params.update({k: str(v) for k, v in query.items()})
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    ran = at._registered_pages.get(at._finished_page_script_hash, {}).get("script_path")
    assert ran is not None and Path(str(ran)).resolve() == (APP.parent / "pages" / f"{page}.py").resolve(), (
        f"asked for page {page!r}, the app ran {ran!r}")
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
