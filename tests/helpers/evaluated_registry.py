"""A SQLite registry filled the way users fill it: real ``guard evaluate --registry`` runs of a cheap
callable model, a gate, an approval and a waiver.

Text that users, datasets and models control (actor, reasons, dataset rows, predicted labels, the
model's file path) carries HOSTILE markup, so every rendering of the registry can be checked for
escaping. Model names cannot carry it: the registry only accepts ``[A-Za-z0-9_.-/]`` there.

Each test process fills one template this way, on first use, and every :func:`fill_registry` call gets
a copy of it (the SQLite database through SQLite's backup API, and the suite, policy, rows and model
files beside it): the same rows, audit chain and run ids, for the caller alone to change. Filling takes
about 0.45 s warm and 5 s cold (the first ``guard evaluate`` of a process starts its redaction worker);
a copy takes milliseconds. The registered model specs name the template's model files, which are
never written after the fill; the caller's copies of them are the same bytes, so they have the same
fingerprint (``guard evaluate`` of a copy records a run of the same version).
"""

from __future__ import annotations

import atexit
import json
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from typer.testing import CliRunner  # tests/conftest.py makes it build guard's command once per process

from guard.cli import app

HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)> \"dq\" 'sq'"
HOSTILE_DIR = "<img src=x onerror=alert(3)>"  # a legal directory name; the model's spec contains it
NAME = "sentiment"
RULE_ID = "sentiment-accuracy"
CONTROL = "EU-AIA-Art15(1)"
MIN_ACCURACY = 0.8
_MODEL = '''
HOSTILE = {hostile!r}

def predict(batch):
    return [HOSTILE if "odd" in t else ("pos" if "good" in t else "neg") if {good} or "1" not in t else "neg"
            for t in batch]
predict.capabilities = ["classify"]
'''
_POLICY = f"""name: release
rules:
  - id: {RULE_ID}
    metric: t.accuracy
    min: {MIN_ACCURACY}
    severity: block
    controls: [{CONTROL}, NIST-RMF-MEASURE-2.5]
  - id: macro-f1-watch
    metric: t.macro_f1
    min: 0.7
    severity: warn
"""


@dataclass(frozen=True)
class FilledRegistry:
    url: str
    name: str
    passing_run: int  # version 1: passes, gated to production, approved
    failing_run: int  # version 2: fails the accuracy rule, waived


def _cli(args: list[str], env: dict[str, str]) -> str:
    result = CliRunner().invoke(app, args, env=env)
    assert result.exit_code in (0, 1), result.output
    return result.output


def _run_id(output: str) -> int:
    return int(output.split("recorded run ", 1)[1].split()[0])


_FILES = ("registry.db", "rows.jsonl", "suite.yaml", "policy.yaml", f"{HOSTILE_DIR}/v1.py", f"{HOSTILE_DIR}/v2.py")
_TEMPLATE: tuple[Path, FilledRegistry] | None = None  # this process's filled registry and its directory


def fill_registry(root: Path) -> FilledRegistry:
    """Two versions of ``sentiment`` in ``root/registry.db``, with the files the runs read beside it: a copy
    of this process's template (filled by :func:`_fill` on first use)."""
    global _TEMPLATE
    if _TEMPLATE is None:
        template = Path(tempfile.mkdtemp(prefix="guard-evaluated-registry-"))
        atexit.register(shutil.rmtree, template, ignore_errors=True)
        _TEMPLATE = (template, _fill(template))
    template, filled = _TEMPLATE
    (root / HOSTILE_DIR).mkdir(parents=True, exist_ok=True)
    for name in _FILES[1:]:
        shutil.copyfile(template / name, root / name)
    source, copy = sqlite3.connect(template / _FILES[0]), sqlite3.connect(root / _FILES[0])
    try:
        source.backup(copy)
    finally:
        copy.close()
        source.close()
    return replace(filled, url=f"sqlite:///{root / _FILES[0]}")


def _fill(root: Path) -> FilledRegistry:
    """The registry filled by real runs, in ``root`` (about 0.45 s warm)."""
    url = f"sqlite:///{root / 'registry.db'}"
    env = {"GUARD_REGISTRY": url, "GUARD_ACTOR": f"reviewer {HOSTILE}"}
    rows = [{"text": f"a {'good' if i % 2 else 'bad'} thing {i}", "label": "pos" if i % 2 else "neg"}
            for i in range(40)]
    rows.append({"text": f"odd {HOSTILE}", "label": "pos"})
    (root / "rows.jsonl").write_text("\n".join(json.dumps(r) for r in rows))
    (root / "suite.yaml").write_text("name: sst-mini\ntasks:\n  - name: t\n    evaluator: accuracy\n"
                                     "    dataset: {path: rows.jsonl}\n")
    policy = root / "policy.yaml"
    policy.write_text(_POLICY)
    runs = []
    for version, good in ((1, True), (2, False)):
        model = root / HOSTILE_DIR / f"v{version}.py"
        model.parent.mkdir(exist_ok=True)
        model.write_text(_MODEL.format(hostile=HOSTILE, good=good))
        runs.append(_run_id(_cli(["evaluate", f"python:{model}:predict", "--suite", str(root / "suite.yaml"),
                                  "--policy", str(policy), "--name", NAME], env)))
    _cli(["gate", f"{NAME}@1", "--policy", str(policy), "--to", "production", "--reason", f"release {HOSTILE}"], env)
    _cli(["approve", f"{NAME}@1", "--reason", f"reviewed {HOSTILE}"], env)
    _cli(["waive", f"{NAME}@2", "--rule", RULE_ID, "--policy", str(policy), "--reason", f"accepted {HOSTILE}",
          "--expires", "30d"], env)
    return FilledRegistry(url=url, name=NAME, passing_run=runs[0], failing_run=runs[1])
