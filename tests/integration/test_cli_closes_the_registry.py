"""Every CLI verb closes the registry it opened when it ends, on success and on failure alike.

A process that runs many commands (a test session, a notebook, a long-lived service calling the CLI
in-process) must keep no pooled connection to the registry behind each: on SQLite an open handle also
keeps the WAL file from being checkpointed away. Linux: the open file descriptors are read from /proc.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from guard.cli import app

pytestmark = pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc (Linux)")
runner = CliRunner()


def _open_handles(database: Path) -> list[str]:
    names = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith(str(database)):
            names.append(target)
    return names


@pytest.mark.parametrize("args", [
    ["history", "m"],
    ["audit", "verify"],
    ["audit", "head"],
    ["history", "no-such-model"],  # fails: exit 2, and still closes
])
def test_a_verb_leaves_no_handle_on_the_registry(tmp_path: Path, args: list[str]) -> None:
    database = tmp_path / "registry.db"
    url = f"sqlite:///{database}"
    model = tmp_path / "model.py"
    model.write_text("def predict(batch):\n    return ['pos' for _ in batch]\n")
    created = runner.invoke(app, ["register", "m", f"python:{model}:predict", "--registry", url])
    assert created.exit_code == 0, created.output
    assert _open_handles(database) == []
    result = runner.invoke(app, [*args, "--registry", url])
    assert result.exit_code in (0, 1, 2), result.output
    assert _open_handles(database) == [], f"{args}: {result.output}"
