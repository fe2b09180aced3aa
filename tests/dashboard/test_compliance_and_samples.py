"""The Compliance page (the same matrix as ``guard export --compliance``) and the run page's samples
(filtered, paged, refused when the file no longer matches the report's hash), with Streamlit's AppTest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from guard.cli import app
from guard.compliance import coverage
from guard.registry import open_registry
from tests.dashboard._pages import frames, open_page, plain_texts
from tests.dashboard.conftest import EMAIL, Filled
from tests.helpers.evaluated_registry import CliRunner

MODEL = '''
def predict(batch):
    return ["pos" if "good" in t else "neg" for t in batch]
predict.capabilities = ["classify"]
'''


def test_compliance_page_shows_the_export_matrix(registry: Filled) -> None:
    at = open_page("compliance", model="sentiment", version=1, framework="eu-ai-act")
    matrix = frames(at)[0].set_index("control")
    with open_registry(registry.url) as store:
        expected = coverage(store, "sentiment", 1, "eu-ai-act")
    assert list(matrix.index) == [c.control.id for c in expected.controls]
    assert dict(matrix.coverage) == {c.control.id: c.status for c in expected.controls}
    assert matrix.loc["EU-AIA-Art15(5)", "coverage"] == "waived"  # the leak rule failed, then was waived
    assert "dash:no-leaks=fail (waiver" in matrix.loc["EU-AIA-Art15(5)", "rules"]
    assert matrix.loc["EU-AIA-Art15(1)", "coverage"] == "evidenced"
    at.multiselect(key="coverage_filter").select("no evidence").run()
    assert set(frames(at)[0].coverage) == {"no evidence"}
    assert any("never proof of conformity" in c.value for c in at.caption)


@pytest.fixture
def sampled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, Path]:
    """A registry with one run made with --log-samples (120 rows: 3 pages of 50)."""
    url = f"sqlite:///{tmp_path / 'registry.db'}"
    monkeypatch.setenv("GUARD_REGISTRY", url)
    rows = [{"text": f"a {'good' if i % 3 else 'bad'} thing {i}" + (f" mail {EMAIL}" if i == 7 else ""),
             "label": "pos" if i % 2 else "neg"} for i in range(120)]
    (tmp_path / "rows.jsonl").write_text("\n".join(json.dumps(r) for r in rows))
    (tmp_path / "suite.yaml").write_text("name: s\ntasks:\n  - name: t\n    evaluator: accuracy\n"
                                         "    dataset: {path: rows.jsonl}\n")
    (tmp_path / "m.py").write_text(MODEL)
    result = CliRunner().invoke(app, ["evaluate", f"python:{tmp_path / 'm.py'}:predict", "--suite",
                                      str(tmp_path / "suite.yaml"), "--out", str(tmp_path / "r.json"),
                                      "--log-samples", "--no-cache", "--name", "s"])
    assert result.exit_code == 0, result.output
    run_id = int(result.output.split("recorded run ", 1)[1].split()[0])
    return run_id, tmp_path / "r.samples.jsonl.gz"


def test_run_page_filters_and_pages_samples_redacted(sampled: tuple[int, Path]) -> None:
    run_id, _ = sampled
    at = open_page("run", run=run_id)
    assert any("120 records; the file matches" in s.value for s in at.success)
    first = frames(at)[-1]
    assert len(first) == 50 and list(first.row) == list(range(1, 51))
    assert EMAIL not in plain_texts(at) and "<EMAIL_ADDRESS>" in plain_texts(at)
    at.selectbox(key="samples_outcome").set_value("wrong").run()
    wrong = frames(at)[-1]
    expected_wrong = [i + 1 for i in range(120) if (i % 3 != 0) != (i % 2 == 1)]
    assert set(wrong.outcome) == {"wrong"} and list(wrong.row) == expected_wrong[:50]
    at.number_input(key="samples_page_(all)_wrong").set_value(2).run()
    assert list(frames(at)[-1].row) == expected_wrong[50:100]


def test_run_page_refuses_samples_whose_hash_no_longer_matches(sampled: tuple[int, Path]) -> None:
    run_id, path = sampled
    data = path.read_bytes()
    path.write_bytes(data[:-1] + bytes([data[-1] ^ 1]))
    at = open_page("run", run=run_id)
    assert any("does NOT match the sha256" in e.value for e in at.error)
    assert not any("samples_outcome" == getattr(s, "key", None) for s in at.selectbox)
