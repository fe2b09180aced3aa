"""``guard dashboard``: the command it runs, its environment, and one-line errors (exit 2)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psutil
import pytest
import typer

import guard.cli.dashboard as cli_dashboard
from guard.cli import app
from guard.resources import dashboard_app
from tests.dashboard.conftest import Filled
from tests.helpers.evaluated_registry import CliRunner
from tests.helpers.streamlit_server import POLL, free_port, healthy, stop_process_group

runner = CliRunner()
GUARD_CLI = [sys.executable, "-c", "from guard.cli import main; main()"]
MARK = "GUARD_TEST_DASHBOARD_MARK"  # in the environment of everything one test's `guard dashboard` starts


def test_print_command_runs_streamlit_on_the_shipped_app(registry: Filled) -> None:
    result = runner.invoke(app, ["dashboard", "--registry", registry.url, "--port", "8600", "--address", "0.0.0.0",
                                 "--headless", "--print-command"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == " ".join([
        sys.executable, "-m", "streamlit", "run", str(dashboard_app()), "--server.port", "8600",
        "--server.address", "0.0.0.0", "--browser.gatherUsageStats", "false", "--server.headless", "true"])


def test_the_registry_and_reviewer_reach_the_app_through_the_environment(
        registry: Filled, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []

    def execve(path: str, command: list[str], env: dict[str, str]) -> None:
        calls.append((path, command, env))
        raise typer.Exit(0)  # a real exec never returns

    monkeypatch.setattr(cli_dashboard.os, "execve", execve)
    monkeypatch.delenv("GUARD_REGISTRY")
    result = runner.invoke(app, ["dashboard", "--registry", registry.url, "--reviewer", "rita"])
    assert result.exit_code == 0, result.output
    (path, command, env), = calls
    assert path == command[0] == sys.executable  # the server replaces this process: it *is* `guard dashboard`
    assert command[:5] == [sys.executable, "-m", "streamlit", "run", str(dashboard_app())]
    assert "--server.headless" not in command and command[command.index("--server.port") + 1] == "8501"
    assert command[command.index("--server.address") + 1] == "127.0.0.1"
    assert (env["GUARD_REGISTRY"], env["GUARD_REVIEWER"]) == (registry.url, "rita")


@pytest.mark.parametrize("url,message", [
    ("sqlite:///{tmp}/nowhere/registry.db", "no registry at sqlite:///"),
    ("sqlite://", "no registry at sqlite://"),
    ("postgresql://guard:s3cret@127.0.0.1:1/guard", "registry postgresql+psycopg://guard:***@127.0.0.1:1/guard"),
    ("mysql://x@y/z", "unsupported registry URL scheme"),
])
def test_a_missing_or_unreachable_registry_is_one_line_and_exit_2(tmp_path: Path, url: str, message: str) -> None:
    result = runner.invoke(app, ["dashboard", "--registry", url.format(tmp=tmp_path), "--print-command"])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert message in lines[0] and lines[0].startswith("error:"), result.output
    assert "s3cret" not in result.output
    assert not (tmp_path / "nowhere").exists()  # no empty registry was created


def test_without_streamlit_it_says_how_to_install_it(registry: Filled, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "streamlit", None)  # what find_spec reports for a missing package
    result = runner.invoke(app, ["dashboard", "--registry", registry.url, "--print-command"])
    assert result.exit_code == 2
    assert "needs streamlit" in result.output and "rai-guard[dashboard]" in result.output


def test_a_server_that_cannot_start_is_one_line_and_exit_2(registry: Filled, monkeypatch: pytest.MonkeyPatch) -> None:
    def execve(path: str, command: list[str], env: dict[str, str]) -> None:
        raise FileNotFoundError(2, "No such file or directory", path)

    monkeypatch.setattr(cli_dashboard.os, "execve", execve)
    result = runner.invoke(app, ["dashboard", "--registry", registry.url])
    assert result.exit_code == 2
    assert result.output.startswith("error: could not start streamlit"), result.output


def _marked(mark: str) -> list[psutil.Process]:
    """Live processes whose environment carries ``MARK=mark``: what one `guard dashboard` started, orphans too."""
    found = []
    for proc in psutil.process_iter():
        try:
            if proc.environ().get(MARK) == mark and proc.status() != psutil.STATUS_ZOMBIE:
                found.append(proc)
        except (psutil.Error, OSError):
            continue  # gone, or another user's
    return found


def _default_signals() -> None:
    """In the child before exec: SIGHUP's default action, whatever this test run inherited (under ``nohup``,
    SIGHUP is ignored and exec keeps it ignored, so the server would rightly outlive it)."""
    signal.signal(signal.SIGHUP, signal.SIG_DFL)


@contextmanager
def _guard_dashboard(url: str, cwd: Path) -> Iterator[tuple[subprocess.Popen, str, str]]:
    """A real ``guard dashboard --headless`` on a free port, answering its health check.

    Yields the process, its base URL and the marker in its environment. Afterwards its process group, and
    anything still carrying the marker, is killed: a failing test must not leave a server behind either.
    """
    port, mark = free_port(), uuid.uuid4().hex
    base = f"http://127.0.0.1:{port}"
    log = cwd / "dashboard.log"
    with log.open("wb") as output:
        guard = subprocess.Popen([*GUARD_CLI, "dashboard", "--registry", url, "--port", str(port), "--headless"],
                                 cwd=cwd, env={**os.environ, MARK: mark}, stdout=output, stderr=subprocess.STDOUT,
                                 start_new_session=True, preexec_fn=_default_signals)
    try:
        deadline = time.monotonic() + 60
        while not healthy(base):
            if guard.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"guard dashboard {'exited' if guard.poll() is not None else 'is not healthy in 60 s'}; "
                            f"its output:\n{log.read_text(errors='replace')[-3000:]}")
            time.sleep(POLL)
        assert guard.poll() is None, "another server answers on the port"
        yield guard, base, mark
    finally:
        stop_process_group(guard)
        for proc in _marked(mark):
            proc.kill()


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT, signal.SIGKILL],
                         ids=lambda signum: signum.name)
def test_a_signal_to_guard_dashboard_stops_the_server_with_it(
        signum: signal.Signals, registry: Filled, tmp_path: Path) -> None:
    """The server starts on the filled registry and answers; then what a process manager, systemd or
    `docker stop` (SIGTERM), a closed terminal (SIGHUP), Ctrl+C (SIGINT) or the OOM killer and
    `docker kill` (SIGKILL) do to `guard dashboard`: the server goes with it.

    (Starting the server is most of each case's cost, so "the server starts and answers" is checked
    on each of these servers rather than on a fifth one of its own.)"""
    with _guard_dashboard(registry.url, tmp_path) as (guard, base, mark):
        assert healthy(base), f"{signum.name}: the server stopped answering after it started"
        server = [psutil.Process(guard.pid), *psutil.Process(guard.pid).children(recursive=True)]
        assert any("streamlit" in proc.cmdline() for proc in server), f"{signum.name}: no streamlit process"
        started = {proc.pid: proc for proc in [*server, *_marked(mark)]}
        deadline = time.monotonic() + 15
        guard.send_signal(signum)
        try:
            guard.wait(timeout=15)
        except subprocess.TimeoutExpired:
            pytest.fail(f"guard dashboard still running 15 s after {signum.name}")
        _, alive = psutil.wait_procs(list(started.values()), timeout=max(0.1, deadline - time.monotonic()))
        assert not alive, f"still running after guard exited on {signum.name}: {[p.cmdline() for p in alive]}"
        assert not _marked(mark)
        assert not healthy(base), f"something still answers on {base}"
