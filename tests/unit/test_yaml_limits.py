"""Bounded YAML parsing: hostile suites/policies fail fast with one GuardError line, never hang.

Aliases are refused outright (so "billion laughs" cannot expand), nesting and the number of values
are capped in the composer (before anything recursive runs), and oversized files are not parsed.

The hostile cases run read_yaml in a child process with a timeout and an address-space cap, so a
regression fails the test instead of hanging it or eating the machine's memory. The elapsed-time
asserts are a generous guard against hangs (5 s for work that takes milliseconds), not a benchmark.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import guard
import guard._yaml as guard_yaml
from guard._yaml import MAX_DEPTH, MAX_FILE_BYTES, read_yaml
from guard.cli import app
from guard.errors import GuardError
from guard.policy import load_policy

HANG_GUARD_S = 5.0
CHILD_TIMEOUT_S = 30  # includes interpreter start-up on a loaded machine; the real guard is HANG_GUARD_S

# The classic: 9 levels of 10 aliases each, 10**9 "lol"s once expanded, about 450 bytes on disk.
BILLION_LAUGHS = 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n' + "".join(
    f"{name}: &{name} [{', '.join(['*' + prev] * 10)}]\n" for prev, name in zip("abcdefgh", "bcdefghi")
)

ALIAS_HINT = "write the value out; a policy should read the same to every reviewer"

_CHILD = r"""
import json, sys, time
from pathlib import Path
from guard._yaml import read_yaml
from guard.errors import GuardError
try:  # a regression must fail with MemoryError here, not take the machine's memory
    import resource
    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))
except Exception:
    pass
start = time.perf_counter()
try:
    read_yaml(Path(sys.argv[1]))
    out = {"kind": None}
except GuardError as exc:
    out = {"kind": "GuardError", "where": exc.where, "message": exc.message, "hint": exc.hint,
           "line": exc.one_line()}
except BaseException as exc:
    out = {"kind": type(exc).__name__, "line": str(exc)[:500]}
out["elapsed"] = time.perf_counter() - start
print(json.dumps(out))
"""


def _write(tmp_path: Path, text: str, name: str = "policy.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _read_in_child(path: Path) -> dict:
    """read_yaml(path) in a fresh interpreter; what it raised, and how long read_yaml took."""
    root = str(Path(guard.__file__).resolve().parent.parent)
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path)],
        capture_output=True, text=True, timeout=CHILD_TIMEOUT_S, cwd=root,
        env={"PYTHONPATH": root, "PATH": "/usr/bin:/bin"},
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _assert_refused(out: dict, where: str, message: str) -> None:
    assert out["kind"] == "GuardError", out
    assert out["where"] == where, out
    assert out["message"] == message, out
    assert out["hint"], out
    assert "\n" not in out["line"]
    assert out["line"].startswith(f"{where}: {message} (")
    assert out["elapsed"] < HANG_GUARD_S, out


def _refused_here(path: Path) -> GuardError:
    start = time.perf_counter()
    with pytest.raises(GuardError) as info:
        read_yaml(path)
    assert time.perf_counter() - start < HANG_GUARD_S
    assert "\n" not in str(info.value)
    return info.value


# --------------------------------------------------------------------------- aliases


def test_billion_laughs_is_refused_at_the_first_alias(tmp_path: Path) -> None:
    assert 400 < len(BILLION_LAUGHS) < 500 and BILLION_LAUGHS.count("*") == 80
    path = _write(tmp_path, BILLION_LAUGHS)
    out = _read_in_child(path)
    _assert_refused(out, f"{path}:2", "YAML alias '*a' is not supported")
    assert ALIAS_HINT in out["hint"]


def test_one_harmless_alias_is_refused_too(tmp_path: Path) -> None:
    """Even a single, small alias: the policy must read the same to every reviewer."""
    path = _write(tmp_path, (
        "name: p\n"
        "rules:\n"
        "  - name: accuracy\n"
        "    when: &usual {task: sentiment}\n"
        "  - name: fairness\n"
        "    when: *usual\n"
    ))
    err = _refused_here(path)
    assert err.where == f"{path}:6"
    assert err.message == "YAML alias '*usual' is not supported"
    assert ALIAS_HINT in (err.hint or "")


def test_alias_in_a_merge_key_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "base: &base {a: 1}\nother:\n  <<: *base\n  b: 2\n")
    err = _refused_here(path)
    assert err.where == f"{path}:3" and err.message == "YAML alias '*base' is not supported"


def test_an_anchor_without_alias_is_harmless_and_accepted(tmp_path: Path) -> None:
    data, lines = read_yaml(_write(tmp_path, "name: p\nwhen: &w {task: sentiment}\n"))
    assert data == {"name": "p", "when": {"task": "sentiment"}}
    assert lines[("when", "task")] == 2


# --------------------------------------------------------------------------- nesting


@pytest.mark.parametrize(
    ("kind", "nested"),
    [
        ("flow lists", "  " + "[" * 10_000 + "]" * 10_000),
        ("flow mappings", "  " + "{a: " * 10_000 + "1" + "}" * 10_000),
        ("block lists", "- " * 10_000 + "x"),
    ],
)
def test_deep_nesting_is_refused_not_a_recursion_error(tmp_path: Path, kind: str, nested: str) -> None:
    path = _write(tmp_path, f"name: p\nrules:\n{nested}\n")
    out = _read_in_child(path)
    _assert_refused(out, f"{path}:3", f"YAML is nested more than {MAX_DEPTH} levels deep")


def test_nesting_up_to_the_limit_is_accepted(tmp_path: Path) -> None:
    data, lines = read_yaml(_write(tmp_path, "[" * MAX_DEPTH + "]" * MAX_DEPTH + "\n"))
    for _ in range(MAX_DEPTH - 1):
        data = data[0]
    assert data == []
    assert lines[(0,) * (MAX_DEPTH - 1)] == 1
    err = _refused_here(_write(tmp_path, "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1) + "\n", "deeper.yaml"))
    assert err.message == f"YAML is nested more than {MAX_DEPTH} levels deep"


def test_deep_nesting_through_load_policy_is_one_guard_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "name: p\nrules:\n" + "  x: " + "{a: " * 10_000 + "1" + "}" * 10_000 + "\n")
    with pytest.raises(GuardError) as info:
        load_policy(path)
    assert str(info.value).startswith(f"{path}:3: YAML is nested more than {MAX_DEPTH} levels deep (")


# --------------------------------------------------------------------------- size


def test_too_many_values_are_refused_where_the_limit_is_met(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(guard_yaml, "MAX_NODES", 10)
    path = _write(tmp_path, "name: p\nitems:\n" + "".join(f"  - {i}\n" for i in range(20)))
    err = _refused_here(path)
    # root mapping, 'name', 'p', 'items', the list: 5 values; items 0-4 make 10; item 5 (line 8) is the 11th.
    assert err.where == f"{path}:8"
    assert err.message == "YAML has more than 10 values"


def test_file_over_the_size_cap_is_not_parsed(tmp_path: Path) -> None:
    # Valid YAML that would take many seconds to parse; it must be refused before parsing.
    row = "- {name: item, value: 1}\n"
    path = _write(tmp_path, row * (MAX_FILE_BYTES // len(row) + 1))
    size = path.stat().st_size
    assert size > MAX_FILE_BYTES
    start = time.perf_counter()
    err = _refused_here(path)
    assert time.perf_counter() - start < 1.0  # stat and refuse: no parsing at all
    assert err.where == str(path)  # no line: the whole file is the problem
    assert err.message == f"file is larger than the 1 MiB limit ({size:,} bytes); not parsed"
    assert "dataset files" in (err.hint or "")


def test_file_at_the_size_cap_is_read(tmp_path: Path) -> None:
    text = "note: " + "x" * (MAX_FILE_BYTES - len("note: \n")) + "\n"
    path = _write(tmp_path, text)
    assert path.stat().st_size == MAX_FILE_BYTES
    data, _ = read_yaml(path)
    assert len(data["note"]) == MAX_FILE_BYTES - len("note: \n")


# --------------------------------------------------------------------------- CLI


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (BILLION_LAUGHS, 2, "YAML alias '*a' is not supported"),
        ("name: p\nrules: " + "[" * 10_000 + "]" * 10_000 + "\n", 2,
         f"YAML is nested more than {MAX_DEPTH} levels deep"),
    ],
)
def test_guard_check_with_a_hostile_policy_exits_2_with_one_line(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    path = _write(tmp_path, text)
    start = time.perf_counter()
    result = CliRunner().invoke(app, ["check", "report.json", "--policy", str(path)])
    assert time.perf_counter() - start < HANG_GUARD_S
    assert result.exit_code == 2, (result.output, result.exception)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"error: {path}:{line}: {message} (")
