"""``guard dashboard``: the command it runs, its environment, and one-line errors (exit 2)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

import guard._cli_dashboard as cli_dashboard
from guard.cli import app
from guard.resources import dashboard_app
from tests.dashboard.conftest import Filled

runner = CliRunner()


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
    monkeypatch.setattr(cli_dashboard.subprocess, "call", lambda command, env: calls.append((command, env)) or 0)
    monkeypatch.delenv("GUARD_REGISTRY")
    result = runner.invoke(app, ["dashboard", "--registry", registry.url, "--reviewer", "rita"])
    assert result.exit_code == 0, result.output
    (command, env), = calls
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


def test_the_server_starts_and_answers(registry: Filled, tmp_path: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    guard_cli = [sys.executable, "-c", "from guard.cli import main; main()"]
    server = subprocess.Popen([*guard_cli, "dashboard", "--registry", registry.url, "--port", str(port), "--headless"],
                              cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline, body = time.monotonic() + 60, b""
        while time.monotonic() < deadline and server.poll() is None and body != b"ok":
            try:
                body = urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2).read()
            except OSError:
                time.sleep(0.3)
        assert body == b"ok" and server.poll() is None, server.stderr.read() if server.poll() is not None else ""
    finally:
        server.terminate()
        server.wait(timeout=30)
