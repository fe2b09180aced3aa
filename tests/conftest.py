"""Shared fixtures: where the real benchmark data lives, and offline settings for every test.

Also a session-end check: no test may leave a server running (see ``pytest_sessionfinish``).
"""

from __future__ import annotations

import atexit
import gc
import os
import shutil
import sys
import tempfile
import uuid
from collections.abc import Iterable
from pathlib import Path

import psutil
import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
# The http: tests bring their own keys; one in the developer's environment would change what they send.
for _key in ("OPENAI_API_KEY", "GUARD_HTTP_API_KEY"):
    os.environ.pop(_key, None)
if os.environ.get("PYTEST_XDIST_WORKER"):
    # Under `-n 2` on 2 cores, two workers each running torch's default 2 threads (and the guard
    # processes they start) oversubscribe the cores: a 37-token forward pass measured 4 s instead of 0.2 s.
    os.environ.setdefault("OMP_NUM_THREADS", "1")
# `guard evaluate` keeps model answers in a persistent cache (guard.cache), by default .guard/cache under the
# current directory: a test session (its xdist workers inherit the variable) uses one throwaway folder instead.
if "GUARD_CACHE_DIR" not in os.environ:
    os.environ["GUARD_CACHE_DIR"] = tempfile.mkdtemp(prefix="guard-test-cache-")
    atexit.register(shutil.rmtree, os.environ["GUARD_CACHE_DIR"], ignore_errors=True)


def _one_command_per_app() -> None:
    """Typer's ``CliRunner.invoke`` rebuilds the click command from the app on every call: for guard's commands
    that is 28-90 ms of signature and type-hint evaluation (measured on the 2-core dev machine), more than
    many invocations themselves, paid ~1,000 times a session. One ``guard`` process builds it once; so do the
    tests now. Parsing, stream isolation and exit codes stay typer's; an app is never changed after import."""
    import functools

    import typer.testing
    from typer.main import get_command

    assert hasattr(typer.testing, "_get_command"), "typer.testing no longer builds its command with _get_command"
    typer.testing._get_command = functools.cache(get_command)  # type: ignore[attr-defined]


_one_command_per_app()
# As in guard.cli.main: no final garbage-collector passes over a worker's torch, spaCy and Presidio objects at exit
# (2-3 s per xdist worker, paid at the end of every run while the controller waits for the workers to exit).
atexit.register(gc.freeze)
REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = Path(os.environ.get("GUARD_SHARED_DATA", REPO_ROOT.parent / "shared" / "data"))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The third-party benchmark files (../shared/data); tests that need them fail loudly if absent."""
    if not SHARED_DATA.is_dir():
        pytest.fail(f"benchmark data not found at {SHARED_DATA}; set GUARD_SHARED_DATA")
    return SHARED_DATA


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


# --- No test leaves a server running --------------------------------------------------------------------
#
# Every process the tests start carries SESSION_MARK (a fresh id per pytest session) in its environment:
# the controller sets it before xdist starts its workers, and children inherit it. At the very end of the
# session the controller looks for Streamlit, chromium (and Playwright's driver) or `guard` processes that
# carry the mark or descend from it, gives them LEFTOVER_GRACE_S to exit, then names them, kills them and
# fails the session.
#
# Why the controller, and why the mark: a leaked server is usually an orphan. When `guard dashboard` or a
# helper dies first, its child is re-parented to init, so it is no longer anyone's descendant in the test
# tree; only the inherited mark still finds it. A worker cannot judge at its own session end: the other
# worker's servers are still legitimately running. The hook is ``trylast`` so it runs after xdist's own
# pytest_sessionfinish has shut the workers down, i.e. after each worker's session fixtures were torn down
# and its atexit handlers ran. Without xdist it runs after the last test's teardown, which finalises the
# session fixtures too.
#
# PostgreSQL is exempt: the registry fixtures' throwaway server (tests/helpers/postgres.py, data directory
# guard-test-pg-*) is stopped by a session-fixture finalizer, which has run by then, but a server started
# outside that fixture is stopped only by its atexit hook, after this check; `pg_ctl` daemonises it, so it
# carries the mark, and its command line contains "guard". It is matched by process name, never flagged.

SESSION_MARK = "GUARD_TEST_SESSION"
LEFTOVER_GRACE_S = float(os.environ.get("GUARD_TEST_LEFTOVER_GRACE_S", "5"))
_EXEMPT_NAMES = frozenset({"postgres", "postmaster", "pg_ctl", "initdb", "psql"})


def pytest_configure(config: pytest.Config) -> None:
    if not hasattr(config, "workerinput"):  # the controller (or the only process): a fresh mark per session
        os.environ[SESSION_MARK] = uuid.uuid4().hex


# --- Keeping both xdist workers busy to the end ---------------------------------------------------------
#
# xdist's default `--dist load` hands each worker runs of consecutive tests, up to a quarter of what is left;
# one worker measured 239 s busy while the other sat idle after 143 s, because it was handed a run holding
# several of the long integration modules. `worksteal` splits the tests in two and lets an idle worker take
# half of the other's queue, so the workers finish together: `make test` passes --dist worksteal.
# The long tests run first (LONG_FIRST, then the rest in collection order): they then start on one worker,
# which loads SmolLM2 once, instead of one of them landing last and running alone while the other idles.

LONG_FIRST = ("tests/e2e/", "tests/integration/test_eec_minilm.py")


@pytest.hookimpl(wrapper=True)
def pytest_collection(session: pytest.Session) -> object:
    """What collection imports (torch, transformers, spaCy, Presidio, guard) lives to the end of the session: no
    garbage collection while it loads, then all of it out of the collector's full passes (frozen). A full pass over
    it took about 0.4 s, about 20 times per worker: 8 of each worker's CPU seconds."""
    gc.disable()
    try:
        return (yield)
    finally:
        gc.freeze()
        gc.enable()


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Long tests first (see LONG_FIRST); a stable sort, so every other test keeps its order."""
    def long_first(item: pytest.Item) -> bool:
        return not item.nodeid.startswith(LONG_FIRST)

    items.sort(key=long_first)


def _server_kind(proc: psutil.Process) -> str | None:
    """The kind of server ``proc`` is when it is one the tests start (``streamlit``, ``chromium``,
    ``playwright``, ``mlflow``, ``llama.cpp``, ``guard``), else None."""
    name, cmdline = proc.name().lower(), proc.cmdline()
    if name in _EXEMPT_NAMES:
        return None
    if any("streamlit" in arg for arg in cmdline):
        return "streamlit"
    if "chrom" in name or "headless_shell" in name:
        return "chromium"
    if any("playwright" in arg for arg in cmdline):
        return "playwright"
    if any("mlflow" in arg for arg in cmdline[:3]) and ("server" in cmdline or any("uvicorn" in a for a in cmdline)):
        return "mlflow"
    if any("llama_cpp.server" in arg for arg in cmdline):
        return "llama.cpp"
    if (any(Path(arg).name == "guard" for arg in cmdline[:2])  # guard ... / python .venv/bin/guard ...
            or any(a == "-m" and b in ("guard", "guard.cli") for a, b in zip(cmdline, cmdline[1:]))
            or any("from guard.cli import" in arg for arg in cmdline)):
        return "guard"
    return None


def leftover_servers(mark: str, root: psutil.Process) -> list[tuple[psutil.Process, str]]:
    """Live server processes (see ``_server_kind``) descending from ``root`` or carrying ``SESSION_MARK=mark``."""
    candidates: dict[int, psutil.Process] = {}
    try:
        candidates.update((p.pid, p) for p in root.children(recursive=True))
    except psutil.Error:
        pass
    for proc in psutil.process_iter():
        try:
            if proc.environ().get(SESSION_MARK) == mark:
                candidates.setdefault(proc.pid, proc)
        except (psutil.Error, OSError):
            continue  # gone, or another user's
    found = []
    for proc in candidates.values():
        try:
            if proc.pid != root.pid and proc.status() != psutil.STATUS_ZOMBIE and (kind := _server_kind(proc)):
                found.append((proc, kind))
        except psutil.Error:
            continue
    return found


def _describe(proc: psutil.Process, kind: str) -> str:
    try:
        return f"pid {proc.pid} ({kind}, parent {proc.ppid()}): {' '.join(proc.cmdline())[:300]}"
    except psutil.Error:
        return f"pid {proc.pid} ({kind})"


def _kill(procs: Iterable[psutil.Process]) -> None:
    for proc in procs:
        try:
            proc.kill()
        except psutil.Error:
            pass


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if hasattr(session.config, "workerinput") or SESSION_MARK not in os.environ:
        return  # a worker: the controller checks, once every worker has finished
    found = leftover_servers(os.environ[SESSION_MARK], psutil.Process())
    if not found:
        return
    _, alive = psutil.wait_procs([proc for proc, _ in found], timeout=LEFTOVER_GRACE_S)
    left = [(proc, kind) for proc, kind in found if proc in alive]
    if not left:
        return
    lines = [_describe(proc, kind) for proc, kind in left]
    _kill(proc for proc, _ in left)
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    title = f"{len(left)} server process(es) left running by the tests (now killed)"
    if reporter is not None:
        reporter.ensure_newline()
        reporter.write_sep("=", title, red=True, bold=True)
        for line in lines:
            reporter.write_line(line, red=True)
    else:
        print(f"{title}:\n" + "\n".join(lines), file=sys.stderr)
    if session.exitstatus in (pytest.ExitCode.OK, pytest.ExitCode.NO_TESTS_COLLECTED):
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
