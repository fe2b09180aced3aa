"""``guard evaluate --log-samples``: every example's record, redacted, as gzip JSONL beside the report,
hashed in it and in the registry; a page of a 100,000-record file decodes a block, not the file."""

from __future__ import annotations

import gzip
import hashlib
import json
import tracemalloc
from pathlib import Path

import pytest
from typer.testing import CliRunner

from guard.cli import app
from guard.registry import open_registry
from guard.report.samples import BLOCK_ROWS, SamplesReader, SamplesWriter, index_path, verify
from guard.views import stored_report

runner = CliRunner()
EMAIL = "jane.roe.7731@example.org"
MODEL = '''
class Model:
    def classify(self, batch):
        return [{"label": "pos" if "good" in t else "neg", "scores": {"pos": 0.9 if "good" in t else 0.1,
                 "neg": 0.1 if "good" in t else 0.9}} for t in batch]

    def loglikelihood(self, requests):
        return [-float(len(text)) for _, text in requests]  # the shorter sentence is preferred


model = Model()
'''
SUITE = """name: samples
tasks:
  - name: t
    evaluator: accuracy
    dataset: {path: rows.jsonl}
  - name: pairs
    evaluator: bias.pairs
    params: {bootstrap_resamples: 100}
    dataset: {path: pairs.jsonl}
"""


def _workspace(root: Path) -> tuple[str, Path]:
    rows = [{"text": f"a {'good' if i % 2 else 'bad'} thing {i}", "label": "pos" if i % 3 else "neg"}
            for i in range(30)]
    rows[4]["text"] = f"write to {EMAIL} about this bad thing"
    (root / "rows.jsonl").write_text("\n".join(json.dumps(r) for r in rows))
    pairs = [{"more": "She is bad at math.", "less": "He is bad at math.", "bias_type": "gender"},
             {"more": "Old people are slow.", "less": "Young people are very slow.", "bias_type": "age"}]
    (root / "pairs.jsonl").write_text("\n".join(json.dumps(p) for p in pairs))
    (root / "suite.yaml").write_text(SUITE)
    (root / "model.py").write_text(MODEL)
    return f"python:{root / 'model.py'}:model", root / "suite.yaml"


def test_log_samples_writes_redacted_records_hashed_in_report_and_registry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    model, suite = _workspace(tmp_path)
    url = f"sqlite:///{tmp_path / 'registry.db'}"
    out = tmp_path / "out" / "report.json"
    result = runner.invoke(app, ["evaluate", model, "--suite", str(suite), "--out", str(out), "--log-samples",
                                 "--no-cache", "--registry", url, "--name", "m"])
    assert result.exit_code == 0, result.output
    samples_file = tmp_path / "out" / "report.samples.jsonl.gz"
    report = json.loads(out.read_text())
    ref = report["samples"]
    assert ref["file"] == samples_file.name and ref["rows"] == 32
    assert ref["sha256"] == hashlib.sha256(samples_file.read_bytes()).hexdigest()
    correct = sum((i % 2 == 1) == (i % 3 != 0) for i in range(30))  # predicted pos on odd rows; gold pos unless i%3==0
    assert ref["counts"] == {"t": {"correct": correct, "wrong": 30 - correct},
                             "pairs": {"stereotype_preferred": 1, "anti_stereotype_preferred": 1}}
    with gzip.open(samples_file, "rt", encoding="utf-8") as stream:
        records = [json.loads(line) for line in stream]
    text = samples_file.name + json.dumps(records)
    assert EMAIL not in text and "<EMAIL_ADDRESS>" in text
    first = records[0]
    assert (first["task"], first["row"], first["expected"], first["predicted"], first["outcome"]) == (
        "t", 1, "neg", "neg", "correct")
    assert first["score"] == 1.0 and first["confidence"] == 0.9
    wrong = [r for r in records if r["task"] == "t" and r["outcome"] == "wrong"]
    assert all(r["expected"] != r["predicted"] for r in wrong) and len(wrong) == 30 - correct
    pair = next(r for r in records if r["task"] == "pairs" and r["bias_type"] == "age")
    assert pair["outcome"] == "stereotype_preferred" and pair["score"] == pytest.approx(7.0)  # 27 - 20 characters
    with open_registry(url) as store:
        stored = stored_report(store.list_runs("m")[0])
    assert stored is not None and stored.samples is not None and stored.samples.sha256 == ref["sha256"]
    assert verify(stored.samples) == ("ok", samples_file.resolve())
    samples_file.write_bytes(samples_file.read_bytes()[:-4] + b"\0\0\0\0")
    assert verify(stored.samples)[0] == "mismatch"


def test_without_log_samples_the_report_has_no_samples(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    model, suite = _workspace(tmp_path)
    out = tmp_path / "report.json"
    result = runner.invoke(app, ["evaluate", model, "--suite", str(suite), "--out", str(out), "--no-cache"])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text())["samples"] is None
    assert not list(tmp_path.glob("*.jsonl.gz"))


def test_log_samples_without_out_is_one_line_exit_2_before_inference(tmp_path: Path) -> None:
    model, suite = _workspace(tmp_path)
    before = sorted(p.name for p in tmp_path.iterdir())
    result = runner.invoke(app, ["evaluate", model, "--suite", str(suite), "--log-samples", "--no-cache"])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "--log-samples" in lines[0] and "--out" in lines[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def _record(i: int) -> dict:
    return {"row": i + 1, "input": f"example {i}", "expected": "pos", "predicted": "neg" if i % 7 == 0 else "pos",
            "score": float(i % 7 != 0), "outcome": "wrong" if i % 7 == 0 else "correct"}


@pytest.fixture(scope="module")
def hundred_thousand(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    writer = SamplesWriter(tmp_path_factory.mktemp("big") / "big.samples.jsonl.gz")
    writer.add("a", (_record(i) for i in range(60_000)))
    writer.add("b", (_record(i) for i in range(60_000, 100_000)))
    ref = writer.close()
    assert ref.rows == 100_000
    return writer.path, ref.sha256


def test_a_page_deep_into_100k_samples_decodes_one_block_and_stays_small(hundred_thousand: tuple[Path, str]) -> None:
    path, digest = hundred_thousand
    tracemalloc.start()
    reader = SamplesReader(path, digest)
    page = reader.page(task="b", outcome="wrong", offset=5000, size=50)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    wrong_b = [i for i in range(60_000, 100_000) if i % 7 == 0]
    assert page.total == len(wrong_b)
    assert [r["row"] for r in page.records] == [i + 1 for i in wrong_b[5000:5050]]
    assert reader.materialised <= 2 * BLOCK_ROWS  # the block(s) holding the page, not the 100,000 records
    assert peak < 8 * 1024 * 1024  # bytes; the whole file decoded would be far more
    unfiltered = reader.page(offset=99_990, size=50)
    assert [r["row"] for r in unfiltered.records] == list(range(99_991, 100_001)) and unfiltered.total == 100_000


def test_a_missing_index_is_rebuilt_in_one_pass_and_then_used(hundred_thousand: tuple[Path, str]) -> None:
    path, digest = hundred_thousand
    saved = index_path(path).read_text()
    index_path(path).unlink()
    try:
        rebuilt = SamplesReader(path, digest)
        assert json.loads(index_path(path).read_text()) == json.loads(saved)
        assert rebuilt.page(task="a", offset=10, size=1).records[0]["row"] == 11
        assert rebuilt.materialised <= BLOCK_ROWS
    finally:
        index_path(path).write_text(saved)
