"""rai-guard compliance dashboard: ``guard dashboard`` (or ``streamlit run dashboard/app.py``).

Reads the registry named by GUARD_REGISTRY through ``guard.views``; the only writes (approvals,
waivers) go through ``guard.release``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:  # pages import _common from here, under `streamlit run` and AppTest alike
    sys.path.insert(0, str(HERE))

st.set_page_config(page_title="rai-guard", layout="wide")
PAGES = [
    st.Page("pages/overview.py", title="Overview", url_path="overview", default=True),
    st.Page("pages/model.py", title="Model", url_path="model"),
    st.Page("pages/run.py", title="Run", url_path="run"),
    st.Page("pages/compare.py", title="Compare", url_path="compare"),
    st.Page("pages/audit.py", title="Audit", url_path="audit"),
    st.Page("pages/compliance.py", title="Compliance", url_path="compliance"),
    st.Page("pages/approvals.py", title="Approvals & waivers", url_path="approvals"),
]
st.navigation(PAGES).run()
