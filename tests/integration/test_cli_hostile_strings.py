"""Text users control never drives the terminal: not as Rich markup, not as control characters.

Suite and policy names, model specs, actors, reasons and metric selectors go through ``evaluate``,
``check``, ``gate``, ``waive``, ``approve``, ``history`` and ``audit`` in a real SQLite registry.
Every command keeps its normal exit code (never 2 for an 'internal error'), prints the brackets
literally, and writes no control character: ESC, BEL, CR, C1 and the bidirectional controls (an
RTL override would show a reviewer the text in another order than it is stored) come out written
as Python writes them (``\\x1b``, ``\\u202e``), so a reviewer still sees what was recorded.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from guard.cli import app
from guard.cli._app import out
from tests.helpers.evaluated_registry import CliRunner

runner = CliRunner()  # builds guard's click command once (typer's rebuilds it on each of these ~130 invocations)
FIXTURE_MODEL = Path(__file__).resolve().parents[1] / "fixtures" / "keyword_sentiment.py"
NAME = "sent"

# (what a user writes, what the terminal must show for it)
HOSTILE = [
    pytest.param("[/]", "[/]", id="close-tag"),
    pytest.param("[bold red]x", "[bold red]x", id="style-tag"),
    pytest.param("[link=https://evil.example]x[/link]", "[link=https://evil.example]x[/link]", id="link-markup"),
    pytest.param("\x1b]8;;http://evil.example\x07link\x1b]8;;\x07", r"\x1b]8;;http://evil.example\x07link\x1b]8;;\x07",
                 id="osc8-hyperlink"),
    pytest.param("\x1b[2Jwiped", r"\x1b[2Jwiped", id="csi-clear-screen"),
    pytest.param("ding\x07", r"ding\x07", id="bel"),
    pytest.param("\x9b31mred", r"\x9b31mred", id="c1-csi"),
    pytest.param("ok\rFORGED", r"ok\rFORGED", id="carriage-return"),
    pytest.param("\u202eevil", r"\u202eevil", id="rtl-override"),
    pytest.param(":warning: ok", ":warning: ok", id="emoji-code"),
]
_BIDI = {0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x2028, 0x2029}


def _acting_characters(text: str) -> list[str]:
    """Characters a terminal acts on rather than shows (newline and tab excepted)."""
    return [repr(c) for c in text if (unicodedata.category(c) == "Cc" and c not in "\n\t") or ord(c) in _BIDI]


def _flat(text: str) -> str:
    """Without whitespace: a table title wraps at the table's width, whatever the console's."""
    return "".join(text.split())


def _shows(output: str, visible: str) -> bool:
    return _flat(visible) in _flat(output)


def _ok(result, code: int, visible: str | None = None) -> str:
    """The command exited ``code``, wrote no acting character, and shows ``visible`` literally."""
    assert result.exit_code == code, result.output
    assert "internal error" not in result.output and "Traceback" not in result.output, result.output
    assert _acting_characters(result.stdout) == [], result.stdout
    assert _acting_characters(result.stderr) == [], result.stderr
    if visible is not None:
        assert _shows(result.output, visible), result.output
    return result.output


@pytest.fixture(scope="module")
def empty_registry(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new, empty registry at the current schema; every test gets a copy of it. Creating one runs all of
    the registry's migrations (36 ms of CPU each, measured; 21 tests here would create one), a copy takes
    2 ms, and nothing here is about how a registry is created."""
    from guard.registry import open_registry

    path = tmp_path_factory.mktemp("empty-registry") / "registry.db"
    open_registry(f"sqlite:///{path}").close()
    return path


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, empty_registry: Path) -> Path:
    with sqlite3.connect(empty_registry) as source, sqlite3.connect(tmp_path / "registry.db") as copy:
        source.backup(copy)  # SQLite's own copy (the registry runs in WAL mode)
    source.close()
    copy.close()
    monkeypatch.setenv("GUARD_REGISTRY", f"sqlite:///{tmp_path / 'registry.db'}")
    monkeypatch.delenv("GUARD_ACTOR", raising=False)
    # Wide enough that no table folds a cell: the assertions look for whole strings.
    monkeypatch.setattr(out, "width", 1000)
    rows = [{"text": f"a {'good' if i % 2 else 'bad'} thing {i}", "label": "1" if i % 2 else "0"} for i in range(20)]
    (tmp_path / "rows.jsonl").write_text("\n".join(json.dumps(r) for r in rows))
    return tmp_path


def _files(root: Path, hostile: str, minimum: float = 0.5) -> tuple[str, Path, Path]:
    """A model spec, suite and policy that carry ``hostile`` in the model's path and both names."""
    model = f"{root}/model {hostile}/m.py"  # a '/' in the text is one more directory; the spec keeps the text
    Path(model).parent.mkdir(parents=True, exist_ok=True)
    Path(model).write_text(FIXTURE_MODEL.read_text())
    suite = root / "suite.yaml"
    suite.write_text(f"name: {json.dumps('suite ' + hostile)}\ntasks:\n"
                     "  - name: t\n    evaluator: accuracy\n    dataset: {path: rows.jsonl}\n")
    policy = root / "policy.yaml"
    policy.write_text(f"name: {json.dumps('policy ' + hostile)}\nrules:\n"
                      f"  - id: acc\n    metric: t.accuracy\n    min: {minimum}\n")
    return f"python:{model}:predict", suite, policy


@pytest.mark.parametrize(("hostile", "visible"), HOSTILE)
def test_hostile_strings_through_the_release_flow(env: Path, hostile: str, visible: str) -> None:
    spec, suite, policy = _files(env, hostile)
    report = env / "report.json"
    evaluated = runner.invoke(app, ["evaluate", spec, "--suite", str(suite), "--policy", str(policy),
                                    "--name", NAME, "--actor", f"actor {hostile}", "--out", str(report)])
    text = _ok(evaluated, 0, f"suite {visible}")
    assert _shows(text, f"policy {visible}") and "PASS: the model may be released" in text
    assert _shows(text, "model: " + spec.replace(hostile, visible))

    _ok(runner.invoke(app, ["check", str(report), "--policy", str(policy)]), 0, f"policy {visible}")
    gated = runner.invoke(app, ["gate", f"{NAME}@1", "--policy", str(policy), "--to", "production",
                                "--reason", f"reason {hostile}", "--actor", f"gater {hostile}"])
    assert "MOVED: production -> sent@1" in _ok(gated, 0, f"policy {visible}")
    approved = runner.invoke(app,
                             ["approve", f"{NAME}@1", "--reason", f"approve {hostile}", "--actor", f"ap {hostile}"])
    _ok(approved, 0, f"by ap {visible}")
    waived = runner.invoke(app, ["waive", f"{NAME}@1", "--rule", "acc", "--policy", str(policy),
                                 "--reason", f"waive {hostile}", "--expires", "7d", "--actor", f"w {hostile}"])
    _ok(waived, 0, "waiver 1 for sent@1: acc")

    history = _ok(runner.invoke(app, ["history", NAME]), 0, f"suite {visible}")
    for shown in (f"policy {visible}", f"actor {visible}", f"reason {visible}", f"gater {visible}"):
        assert _shows(history, shown), shown
    audit = _ok(runner.invoke(app, ["audit", "log"]), 0, f"actor {visible}")
    for shown in (f"gater {visible}", f"ap {visible}", f"w {visible}"):
        assert _shows(audit, shown), shown
    _ok(runner.invoke(app, ["audit", "verify"]), 0, "audit chain intact")


@pytest.mark.parametrize(("hostile", "visible"), HOSTILE)
def test_a_failing_verdict_still_exits_1(env: Path, hostile: str, visible: str) -> None:
    spec, suite, policy = _files(env, hostile, minimum=0.99)
    rows = env / "rows.jsonl"
    rows.write_text(rows.read_text() + "\n" + json.dumps({"text": "good but labelled negative", "label": "0"}))
    evaluated = runner.invoke(app, ["evaluate", spec, "--suite", str(suite), "--policy", str(policy),
                                    "--name", NAME, "--actor", f"actor {hostile}"])
    assert "FAIL: a blocking rule failed." in _ok(evaluated, 1, f"policy {visible}")
    refused = runner.invoke(app, ["gate", f"{NAME}@1", "--policy", str(policy), "--to", "production",
                                  "--reason", f"reason {hostile}"])
    assert "REFUSED: production stays where it was" in _ok(refused, 1, f"policy {visible}")


@pytest.mark.parametrize(("hostile", "visible"), HOSTILE)
def test_hostile_metric_selector_is_inconclusive_not_a_crash(env: Path, hostile: str, visible: str) -> None:
    """A group selector may hold almost anything (``metric[GROUP]``): the verdict names it literally."""
    spec, suite, policy = _files(env, hostile)
    report = env / "report.json"
    _ok(runner.invoke(app, ["evaluate", spec, "--suite", str(suite), "--out", str(report)]), 0)
    group = hostile.replace("]", ")")  # a selector's group cannot contain ']'
    policy.write_text(policy.read_text() + f"  - id: grp\n    metric: {json.dumps(f't.accuracy[{group}]')}\n"
                                           "    min: 0.5\n    severity: warn\n")
    checked = runner.invoke(app, ["check", str(report), "--policy", str(policy)])
    assert "INCONCLUSIVE grp" in _ok(checked, 2, f"t.accuracy[{visible.replace(']', ')')}]")


@pytest.mark.parametrize(("hostile", "visible"), HOSTILE)
def test_an_error_line_about_hostile_input_is_one_clean_line(env: Path, hostile: str, visible: str) -> None:
    spec, suite, _ = _files(env, hostile)
    bad = runner.invoke(app, ["evaluate", spec, "--suite", str(suite), "--data", f"nosuch {hostile}=x.tsv"])
    text = _ok(bad, 2)
    assert text.startswith("error: ") and len(text.strip().splitlines()) == 1, text
    assert _shows(text, f"nosuch {visible.split('=')[0]}")


def test_a_newline_cannot_forge_an_output_line(env: Path) -> None:
    spec, suite, policy = _files(env, "plain")
    _ok(runner.invoke(app, ["evaluate", spec, "--suite", str(suite), "--policy", str(policy), "--name", NAME]), 0)
    forged = "ana\nMOVED: production -> sent@9"
    approved = runner.invoke(app, ["approve", f"{NAME}@1", "--reason", "ok", "--actor", forged])
    text = _ok(approved, 0, r"by ana\nMOVED: production -> sent@9")
    assert len(text.strip().splitlines()) == 1, text


def test_a_real_process_writes_no_escape_to_its_pipes(env: Path) -> None:
    """The console script in its own process, stdout and stderr pipes (no terminal): plain text only."""
    hostile = "".join(p.values[0] for p in HOSTILE)
    no_equals = hostile.replace("=", "")
    spec, suite, policy = _files(env, hostile)
    environment = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE")}
    environment["GUARD_ACTOR"] = f"actor {hostile}"
    guard = [sys.executable, "-m", "guard.cli"]
    commands = [
        (["evaluate", spec, "--suite", str(suite), "--policy", str(policy), "--name", NAME], 0),
        (["history", NAME], 0),
        (["audit", "log"], 0),
        (["evaluate", spec, "--suite", str(suite), "--data", f"nosuch {no_equals}"], 2),
    ]
    outputs = []
    for args, code in commands:
        proc = subprocess.run([*guard, *args], check=False, capture_output=True, timeout=180, env=environment, cwd=env)
        stdout, stderr = proc.stdout.decode(), proc.stderr.decode()
        assert proc.returncode == code, (args[0], stdout, stderr)
        assert b"\x1b" not in proc.stdout + proc.stderr and b"\x07" not in proc.stdout + proc.stderr, (stdout, stderr)
        assert _acting_characters(stdout) == [] and _acting_characters(stderr) == [], (stdout, stderr)
        assert "internal error" not in stderr, (stdout, stderr)
        outputs.append(stdout + stderr)
    # The error line (stderr never wraps) shows the whole text, every control character written out.
    visible = "".join(p.values[1] for p in HOSTILE).replace("=", "")
    assert f"error: --data 'nosuch {visible}' is not TASK=PATH" in outputs[-1], outputs[-1]
