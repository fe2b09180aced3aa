"""The dashboard in a real browser: ``streamlit run dashboard/app.py`` driven by Debian's chromium.

The registry is filled by real ``guard evaluate --registry`` runs (tests/helpers/evaluated_registry.py)
with hostile markup in every user-, dataset- and model-controlled string. Screenshots of each page go
to test-artifacts/ (gitignored) for a reviewer to look at.

``st.dataframe`` draws its cells on a canvas; the grid mirrors them into a hidden accessibility
table, so rule ids and thresholds are asserted there (attached), headings and text as visible.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.helpers.evaluated_registry import HOSTILE, HOSTILE_DIR, RULE_ID, FilledRegistry, fill_registry
from tests.helpers.streamlit_server import starting_streamlit_server

REPO_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = REPO_ROOT / "test-artifacts"
APP = REPO_ROOT / "dashboard" / "app.py"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]
VISIBLE = 30_000  # ms: the first render on a busy 2-core machine

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium missing: run `make test-services`")


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Browser, FilledRegistry]]:
    """The dashboard's server, Chromium and the registry: the registry is filled and Chromium launches while
    Streamlit boots (each takes a second or more). The server opens the registry when a page first runs its
    script, which :meth:`StartingServer.wait` and the health check do not do, so it only ever sees it filled."""
    root = tmp_path_factory.mktemp("registry")
    url = f"sqlite:///{root / 'registry.db'}"
    env = {"GUARD_REGISTRY": url, "GUARD_REVIEWER": "e2e-reviewer"}
    with starting_streamlit_server(APP, env, log=ARTIFACTS / "dashboard-streamlit.log") as server, \
            sync_playwright() as p:
        filled = fill_registry(root)
        assert filled.url == url, filled
        launched = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=FLAGS)
        try:
            yield server.wait(), launched, filled
        finally:
            launched.close()


@pytest.fixture(scope="module")
def filled(served: tuple[str, Browser, FilledRegistry]) -> FilledRegistry:
    return served[2]


@pytest.fixture(scope="module")
def dashboard(served: tuple[str, Browser, FilledRegistry]) -> str:
    return served[0]


@pytest.fixture(scope="module")
def browser(served: tuple[str, Browser, FilledRegistry]) -> Browser:
    return served[1]


@pytest.fixture(scope="module")
def context(browser: Browser) -> Iterator[BrowserContext]:
    """One browser context for the module: its pages share the HTTP cache, so Streamlit's scripts are
    fetched and compiled once, not once per test (each page still starts its own Streamlit session)."""
    opened = browser.new_context(viewport={"width": 1400, "height": 1000})
    yield opened
    opened.close()


@pytest.fixture
def page(context: BrowserContext) -> Iterator[Page]:
    """A fresh page that fails the test if any JavaScript dialog (alert, confirm, prompt) opens."""
    dialogs: list[str] = []
    opened = context.new_page()
    opened.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    yield opened
    opened.close()
    assert not dialogs, f"a dialog fired: {dialogs}"


def _screenshot(page, name: str) -> Path:
    """The whole page: Streamlit scrolls inside stMain, so grow the viewport to its height first."""
    height = page.evaluate("() => document.querySelector('[data-testid=stMain]')?.scrollHeight ?? 1000")
    page.set_viewport_size({"width": 1400, "height": max(1000, min(int(height) + 50, 12_000))})
    # Laid out and painted at the new size: two animation frames after the resize (not a fixed 300 ms).
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    path = ARTIFACTS / f"{name}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), full_page=True)
    print(f"screenshot: {path}")
    return path


def _cell(page, text: str):
    return page.get_by_role("gridcell", name=text, exact=True, include_hidden=True).first


def test_overview_lists_the_models_with_their_verdicts(dashboard: str, page) -> None:
    page.goto(dashboard)
    expect(page.get_by_role("heading", name="Overview")).to_be_visible(timeout=VISIBLE)
    expect(page.get_by_test_id("stMetric").filter(has_text="Versions")).to_contain_text("2", timeout=VISIBLE)
    expect(page.get_by_test_id("stMetric").filter(has_text="Failing")).to_contain_text("1")
    expect(_cell(page, "sentiment")).to_be_attached(timeout=VISIBLE)
    expect(_cell(page, "production")).to_be_attached()
    expect(_cell(page, "fail")).to_be_attached()
    assert _screenshot(page, "dashboard-overview").stat().st_size > 10_000


def test_run_page_shows_model_verdict_rules_and_thresholds(dashboard: str, filled: FilledRegistry, page) -> None:
    page.goto(f"{dashboard}/run?run={filled.failing_run}")
    heading = f"Run {filled.failing_run}: FAIL"
    expect(page.get_by_role("heading", name=heading)).to_be_visible(timeout=VISIBLE)
    expect(page.get_by_text("sentiment@2 · suite sst-mini · policy release")).to_be_visible()
    expect(page.get_by_role("heading", name="Rules")).to_be_visible()
    expect(_cell(page, RULE_ID)).to_be_attached(timeout=VISIBLE)
    expect(_cell(page, ">= 0.8")).to_be_attached()
    expect(_cell(page, "block")).to_be_attached()
    expect(page.get_by_text("expected 'pos', model said 'neg'").first).to_be_visible(timeout=VISIBLE)
    assert _screenshot(page, f"dashboard-run-{filled.failing_run}").stat().st_size > 10_000


def test_run_page_downloads_the_html_compliance_report(dashboard: str, filled: FilledRegistry, page) -> None:
    page.goto(f"{dashboard}/run?run={filled.failing_run}")
    button = page.get_by_role("button", name="Download HTML compliance report")
    expect(button).to_be_visible(timeout=VISIBLE)
    # The button holds the id of a document built on click; a rerun still in flight replaces that id, and a
    # click with the old one fetches nothing (Streamlit's deferred downloads). Click once the script is done.
    expect(page.locator('[data-testid="stApp"][data-test-script-state="notRunning"]')).to_be_attached(
        timeout=VISIBLE)
    try:
        with page.expect_download(timeout=VISIBLE) as download:
            button.click()
    except PlaywrightTimeoutError as exc:
        log = ARTIFACTS / "dashboard-streamlit.log"
        raise AssertionError(f"no download; the server's log ends:\n{log.read_text(errors='replace')[-3000:]}") \
            from exc
    document = Path(download.value.path()).read_text(encoding="utf-8")
    assert f"<code>{RULE_ID}</code>" in document and "&gt;= 0.8" in document
    assert "<script" not in document and "<img" not in document


def test_hostile_strings_render_as_literal_text_and_run_nothing(dashboard: str, filled: FilledRegistry, page) -> None:
    page.goto(f"{dashboard}/run?run={filled.passing_run}")
    expect(page.get_by_role("heading", name=f"Run {filled.passing_run}: PASS")).to_be_visible(
        timeout=VISIBLE)
    expect(page.get_by_text(f"by reviewer {HOSTILE}")).to_be_visible()  # the actor, as typed
    expect(page.get_by_text(f"model said '{HOSTILE}'").first).to_be_visible(timeout=VISIBLE)  # a model's output
    expect(page.get_by_text(HOSTILE_DIR).first).to_be_attached()  # the model's spec (a directory name)
    # Every image has loaded or failed, so every onerror handler an injected <img> carried has had its chance
    # to fire (the page fixture fails on a dialog); once the script is done, nothing more is drawn.
    expect(page.locator('[data-testid="stApp"][data-test-script-state="notRunning"]')).to_be_attached(
        timeout=VISIBLE)
    page.wait_for_function("() => Array.from(document.images).every(image => image.complete)", timeout=VISIBLE)
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    assert page.locator("img[src='x'], img[onerror]").count() == 0
    assert page.locator("script:has-text('alert(')").count() == 0
    _screenshot(page, "dashboard-hostile-strings")
