"""A SQLite registry filled the way users fill it: real ``guard evaluate --registry`` runs of a cheap
callable model, a gate, an approval and a waiver.

Text that users, datasets and models control (actor, reasons, dataset rows, predicted labels, the
model's file path) carries HOSTILE markup, so every rendering of the registry can be checked for
escaping. Model names cannot carry it: the registry only accepts ``[A-Za-z0-9_.-/]`` there.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
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


def fill_registry(root: Path) -> FilledRegistry:
    """Two versions of ``sentiment`` in ``root/registry.db`` (about a second)."""
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
