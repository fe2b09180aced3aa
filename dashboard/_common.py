"""What every page shares: the registry, the reviewer's identity, pickers tied to the URL, safe text.

Model names, specs, metadata, reasons and findings are user-controlled. Streamlit's markdown turns
``[x](javascript:…)`` into a link and ``![x](…)`` into an image, so such strings are shown only
through ``st.text`` / ``st.code`` / dataframes, or inside markdown after ``escape_md``. Nothing in
the dashboard uses ``unsafe_allow_html``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from html import escape as html_escape
from typing import Any, NamedTuple, TypeVar

import pandas as pd
import streamlit as st

from guard.errors import GuardError
from guard.registry import RegistryStore, open_registry, resolve_url

T = TypeVar("T")
REVIEWER_ENV = ("GUARD_REVIEWER", "GUARD_ACTOR")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:])")


def escape_md(text: object) -> str:
    """``text`` with every markdown/HTML-significant character backslash-escaped: renders literally."""
    return _MD_SPECIAL.sub(r"\\\1", str(text))


@st.cache_resource(show_spinner=False)
def _open(url: str) -> RegistryStore:
    return open_registry(url)


def store() -> RegistryStore:
    """The registry named by GUARD_REGISTRY (opened once per server process); stop the page if unreachable."""
    url = resolve_url(None)
    try:
        return _open(url)
    except GuardError as exc:
        st.error(escape_md(f"Cannot open the registry: {exc}"))
        st.stop()
        raise  # unreachable: st.stop() raises


def guarded(call: Callable[[], T]) -> T:
    """Run a registry read; on a GuardError (unknown run, model...) show it and stop the page."""
    try:
        return call()
    except GuardError as exc:
        st.error(escape_md(str(exc)))
        st.stop()
        raise


class Reviewer(NamedTuple):
    name: str | None
    authenticated: bool


def reviewer() -> Reviewer:
    """Streamlit's logged-in user when auth is configured; else the configured name, unauthenticated."""
    if getattr(st.user, "is_logged_in", False):
        name = st.user.get("email") or st.user.get("name") or st.user.get("sub")
        if name:
            return Reviewer(str(name), True)
    configured = next((os.environ[v] for v in REVIEWER_ENV if os.environ.get(v, "").strip()), None)
    return Reviewer(configured.strip() if configured else None, False)


def auth_configured() -> bool:
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all
        return False


def pick(label: str, options: Sequence[T], param: str, *, format_func: Callable[[T], str] = str,
         key: str | None = None) -> T | None:
    """A selectbox whose choice lives in the URL (``?param=value``), so every view has a shareable link."""
    if not options:
        return None
    wanted = st.query_params.get(param)
    index = next((i for i, o in enumerate(options) if str(o) == wanted), 0)
    choice = st.selectbox(label, options, index=index, format_func=format_func, key=key or f"pick_{param}")
    st.query_params[param] = str(choice)
    return choice


def pick_model(registry: RegistryStore) -> str:
    """The model named by ``?model=`` (else the first); stops the page on an empty registry."""
    name = pick("Model", [m.name for m in guarded(registry.list_models)], "model")
    if name is None:
        st.info("The registry has no models yet.")
        st.stop()
    return name


def table(rows: list[dict[str, Any]], empty: str | None = None, **kwargs: Any) -> None:
    """Rows as a dataframe (cells render as plain text, never markdown or HTML); ``empty`` when none.

    Returns None on purpose: Streamlit's "magic" would write any value a bare call returns.
    """
    if not rows and empty is not None:
        st.info(empty)
        return
    st.dataframe(pd.DataFrame(rows), hide_index=True, **kwargs)


def when(value: Any) -> str:
    return value.strftime("%Y-%m-%d %H:%M:%S UTC") if value is not None else ""


def short(fingerprint: str | None, n: int = 19) -> str:
    return "" if not fingerprint else (fingerprint[:n] + "…" if len(fingerprint) > n else fingerprint)


def export_button(function: str, stem: str, *args: Any, **kwargs: Any) -> None:
    """Offer ``guard.report.html.<function>(*args)`` as a download, built only when clicked.

    The export verifies the whole audit chain (0.3-0.4 s at 10,000 events on 2 cores): not on every render.
    """
    from guard.report import html

    export = getattr(html, function)

    def document() -> str:
        try:
            return export(*args, **kwargs)
        except GuardError as exc:  # runs on Streamlit's download thread: no st.* calls here
            return f"<!doctype html><title>export failed</title><p>Cannot export: {html_escape(str(exc))}</p>"

    # on_click="ignore": a click that also reran the page would register a new document id for this button,
    # and the rerun's clean-up could drop the id the click is fetching before it is fetched (seen under load).
    st.download_button("Download HTML compliance report", document, mime="text/html", on_click="ignore",
                       file_name=re.sub(r"[^A-Za-z0-9_.-]", "_", stem) + ".html", key=f"export_{function}")
