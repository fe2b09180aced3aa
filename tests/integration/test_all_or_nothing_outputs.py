"""Outputs are all or nothing, and a run is recorded complete only when everything asked for was written.

The model below sabotages the output folder while it runs (it replaces the folder the Markdown summary
goes to with a file), after the pre-flight writability check passed: the report and JUnit files must
not appear alone, and the registry must record the run as failed, never complete.
"""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from guard.cli import app
from guard.registry import open_registry

runner = CliRunner()
SABOTEUR = """
import pathlib, shutil
OUT = pathlib.Path(__file__).with_name("md")
def predict(batch):
    if OUT.is_dir():
        shutil.rmtree(OUT)
        OUT.write_text("not a folder any more")
    return ["pos" for _ in batch]
predict.capabilities = ["classify"]
"""


def test_a_failed_write_leaves_no_partial_outputs_and_a_failed_run(tmp_path: Path) -> None:
    (tmp_path / "model.py").write_text(SABOTEUR)
    (tmp_path / "md").mkdir()
    (tmp_path / "rows.jsonl").write_text("\n".join(json.dumps({"text": f"t{i}", "label": "pos" if i % 2 else "neg"})
                                                   for i in range(10)))
    (tmp_path / "suite.yaml").write_text("name: s\ntasks:\n  - name: t\n    evaluator: accuracy\n"
                                         "    dataset: {path: rows.jsonl}\n")
    (tmp_path / "policy.yaml").write_text("name: p\nrules:\n  - {id: r, metric: t.accuracy, min: 0.1}\n")
    url = f"sqlite:///{tmp_path / 'reg.db'}"
    result = runner.invoke(app, [
        "evaluate", f"python:{tmp_path / 'model.py'}:predict", "--suite", str(tmp_path / "suite.yaml"),
        "--policy", str(tmp_path / "policy.yaml"), "--registry", url, "--name", "m",
        "--out", str(tmp_path / "report.json"), "--junit", str(tmp_path / "junit.xml"),
        "--markdown", str(tmp_path / "md" / "summary.md")])
    assert result.exit_code == 2 and "nothing was written" in result.stderr, (result.stdout, result.stderr)
    assert not (tmp_path / "report.json").exists() and not (tmp_path / "junit.xml").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]  # no staged leftovers
    with open_registry(url) as store:
        runs = store.list_runs("m")
        assert [r.status for r in runs] == ["failed"] and "nothing was written" in (runs[0].error or "")
        assert store.latest_run("m", 1) is None  # nothing the gate could accept
