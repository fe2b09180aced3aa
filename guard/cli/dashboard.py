"""``guard dashboard``: the reviewers' Streamlit app, run against the configured registry."""

from __future__ import annotations

import importlib.util
import os
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from guard.cli._app import app, guarded, say
from guard.errors import GuardError

_NO_REGISTRY_HINT = "record a run first (guard evaluate ... --registry URL --name NAME) or pass --registry"


def _check_registry(url: str) -> None:
    """Fail now, in one line, rather than in the browser: the registry must exist and open."""
    from sqlalchemy import make_url

    from guard.registry import open_registry
    from guard.registry.sql import mask_url

    try:
        parsed = make_url(url)
    except Exception:
        parsed = None  # open_registry below says what is wrong with it
    if parsed is not None and parsed.get_backend_name() == "sqlite":
        database = parsed.database or ":memory:"
        if database == ":memory:" or not Path(database).is_file():
            # Opening would create an empty registry; a reviewer pointed at the wrong file should hear so.
            raise GuardError(f"no registry at {mask_url(url)}", hint=_NO_REGISTRY_HINT)
    open_registry(url).close()


def dashboard_command(url: str, *, port: int, address: str, reviewer: str | None,
                      headless: bool) -> tuple[list[str], dict[str, str]]:
    """The ``streamlit run`` command line and environment; checks streamlit and the registry first."""
    from guard.resources import dashboard_app

    if importlib.util.find_spec("streamlit") is None:
        raise GuardError("the dashboard needs streamlit", hint="pip install 'rai-guard[dashboard]'")
    app_path = dashboard_app()
    if not app_path.is_file():
        raise GuardError(f"the dashboard app is missing at {app_path}", hint="reinstall rai-guard")
    _check_registry(url)
    command = [sys.executable, "-m", "streamlit", "run", str(app_path), "--server.port", str(port),
               "--server.address", address, "--browser.gatherUsageStats", "false"]
    if headless:
        command += ["--server.headless", "true"]
    env = {**os.environ, "GUARD_REGISTRY": url}
    if reviewer:
        env["GUARD_REVIEWER"] = reviewer
    return command, env


@app.command()
@guarded
def dashboard(
    registry: Annotated[str | None, typer.Option(
        "--registry", help="Registry URL (else GUARD_REGISTRY, else sqlite:///.guard/registry.db).")] = None,
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to serve on.")] = 8501,
    address: Annotated[str, typer.Option("--address", help="Address to bind (0.0.0.0 to share).")] = "127.0.0.1",
    reviewer: Annotated[str | None, typer.Option(
        "--reviewer", help="Name recorded for sign-offs when Streamlit auth is not configured (shown as "
                           "unauthenticated); else GUARD_REVIEWER / GUARD_ACTOR.")] = None,
    headless: Annotated[bool, typer.Option("--headless", help="Do not open a browser.")] = False,
    print_command: Annotated[bool, typer.Option("--print-command", help="Print the command instead of running it.",
                                                hidden=True)] = False,
) -> None:
    """Open the compliance dashboard: overview, model, run, compare, audit, approvals and waivers.

    Example: guard dashboard --registry sqlite:///.guard/registry.db --reviewer ana
    """
    from guard.registry import resolve_url

    command, env = dashboard_command(resolve_url(registry), port=port, address=address, reviewer=reviewer,
                                     headless=headless)
    if print_command:
        say(shlex.join(command), soft_wrap=True)
        return
    _serve(command, env)


def _serve(command: list[str], env: dict[str, str]) -> NoReturn:
    """Become the Streamlit server (POSIX ``exec``): this process's pid is then the server's.

    So whatever stops ``guard dashboard`` stops the server: SIGTERM from a process manager, systemd or
    ``docker stop`` and SIGINT reach Streamlit, which shuts down cleanly; SIGHUP (terminal closed) and
    SIGKILL end it at once. Running Streamlit as a child instead would leave it serving, orphaned,
    whenever guard died before it: Python's default SIGTERM/SIGHUP action ends guard without a word,
    and nothing can forward SIGKILL (PR_SET_PDEATHSIG covers that only on Linux, fires when the
    *thread* that forked exits, and needs the unsafe ``preexec_fn``). With ``exec`` there is no second
    process to lose. The registry was checked and closed, and Python opens files close-on-exec.

    Windows has no ``exec`` (``os.execv`` there starts a new process and exits), so it runs Streamlit
    as a child and returns its exit status; Ctrl+C reaches both through the console.
    """
    sys.stdout.flush()
    sys.stderr.flush()
    if os.name != "posix":
        raise typer.Exit(subprocess.call(command, env=env))
    try:
        os.execve(command[0], command, env)
    except OSError as exc:
        raise GuardError(f"could not start streamlit: {exc}", hint="reinstall rai-guard[dashboard]") from exc
    raise AssertionError("os.execve returned")  # pragma: no cover
