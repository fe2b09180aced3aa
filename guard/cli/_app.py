"""What every verb of the command line shares: the Typer app, the consoles, the error wrapper, the
registry options, and how a verdict and plain lines are printed.

Text users control (names, specs, actors, reasons, rule ids, error messages, findings) reaches the
terminal only as plain text: ``say`` prints a line without markup and with control characters
written out (``terminal_safe``); tables take ``terminal_text`` cells and titles.
"""

from __future__ import annotations

import contextlib
import functools
import sys
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console

from guard._version import __version__
from guard.errors import GuardError
from guard.report._format import terminal_safe

app = typer.Typer(
    name="guard",
    help="Decide, with evidence a reviewer can check, whether a model version may be released.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode=None,
)
# Not a terminal (CI logs, pipes): a wide fixed width so tables are not folded to 80 columns.
out = Console(width=None if sys.stdout.isatty() else 160)
err = Console(stderr=True, soft_wrap=True)
_state = {"debug": False}
_opened: list[list[Any]] = []  # per running command (guarded), the registry stores it opened

F = TypeVar("F", bound=Callable[..., Any])

RegistryOption = Annotated[
    str | None, typer.Option("--registry",
                             help="Registry URL (else GUARD_REGISTRY, else sqlite:///.guard/registry.db).")
]
ActorOption = Annotated[str | None, typer.Option("--actor", help="Who is acting (else GUARD_ACTOR, else user@host).")]
DeviceOption = Annotated[str | None, typer.Option(
    "--device", help="Where an hf: model runs: auto (CUDA when torch sees it, else CPU; the default), cpu, cuda, "
    "cuda:N or mps. To spread one model over several GPUs give --model-option device_map=auto instead. Recorded in "
    "the report; not part of the fingerprint.")]
"""Every verb that loads a model takes it; ``--model-option device=...`` is the same setting (see ``placement``)."""


def placement(spec: str, options: dict[str, Any]) -> dict[str, Any]:
    """The model options with ``device``/``device_map`` checked before anything is loaded or read.

    ``--device`` is the canonical spelling; ``--model-option device=`` is accepted as the same key because
    the Python API takes ``load_model(spec, device=...)`` and every option there is a ``--model-option``
    here (giving both is refused by the caller). A placement for a model that is not ``hf:`` is refused:
    those adapters would silently ignore it, and the report would claim a device nothing ran on.
    """
    keys = [k for k in ("device", "device_map") if k in options]
    if not keys:
        return options
    if not spec.startswith("hf:"):
        flag = "--device" if keys[0] == "device" else "--model-option device_map"
        raise GuardError(f"{flag} applies to hf: models only", where=spec,
                         hint="python:, sklearn: and http: models choose their own device")
    from guard.models._hf_device import check_placement

    return check_placement(options)


def say(text: str, *, console: Console = out, highlight: bool = False, **options: Any) -> None:
    """Print one line of text that may hold user input: never markup or :emoji: codes, no control characters."""
    console.print(terminal_safe(text), markup=False, emoji=False, highlight=highlight, **options)


def guarded(command: F) -> F:
    """Turn GuardErrors into one line + exit 2; anything else into 'internal error' + exit 2."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        _opened.append([])  # the stores this command opens (open_store), closed when it ends
        try:
            return command(*args, **kwargs)
        except typer.Exit:
            raise
        except GuardError as exc:
            if _state["debug"]:
                raise
            say(f"error: {exc.one_line()}", console=err)
            raise typer.Exit(2) from None
        except KeyboardInterrupt:
            say("interrupted", console=err)
            raise typer.Exit(2) from None
        except Exception as exc:
            if _state["debug"]:
                raise
            say(f"internal error: {type(exc).__name__}: {exc} (rerun with --debug for the traceback)", console=err)
            raise typer.Exit(2) from None
        finally:
            for store in _opened.pop():
                with contextlib.suppress(Exception):  # closing never hides the command's own outcome
                    store.close()

    return wrapper  # type: ignore[return-value]


def _version(value: bool) -> None:
    if value:
        out.print(f"guard {__version__}")
        raise typer.Exit(0)


@app.callback()
def main_options(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for errors.")] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version.")] = False,
) -> None:
    _state["debug"] = debug


def open_store(url: str | None, *, create: bool = False):
    """The registry; only verbs that register something may create one (a typo never makes a new file).

    Closed when the command that opened it ends (``guarded``): a process that runs many commands (a test
    session, a notebook) keeps no pooled connection, and SQLite no open WAL handle, behind each one.
    """
    from guard.registry import open_registry

    store = open_registry(url, create=create)
    if _opened:
        _opened[-1].append(store)
    return store


def format_when(value: datetime | None) -> str:
    return value.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC") if value else "—"


def verdict_files(verdict: Any, junit: Path | None, markdown: Path | None) -> dict[Path, str]:
    from guard.report import junit_xml, markdown_summary

    files: dict[Path, str] = {}
    if junit:
        files[junit] = junit_xml(verdict)
    if markdown:
        files[markdown] = markdown_summary(verdict)
    return files


def check_outputs(**paths: Path | None) -> None:
    """Every output can be written — checked before the work, not after it."""
    from guard.report import check_writable

    for option, path in paths.items():
        if path is not None:
            check_writable(path, f"--{option}")


def emit_verdict(verdict: Any, junit: Path | None, markdown: Path | None) -> None:
    from guard.report import write_all_atomic
    from guard.report.console import print_verdict

    write_all_atomic(verdict_files(verdict, junit, markdown))
    print_verdict(verdict, out)
