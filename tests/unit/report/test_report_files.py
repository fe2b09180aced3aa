"""Report files: atomic writes, exact round trips, one-line errors on bad input."""

from __future__ import annotations

import json
import os
from datetime import datetime, timezone
from pathlib import Path

import pytest

from guard.errors import GuardError
from guard.report.files import read_report, write_report, write_text_atomic
from guard.types import (
    SCHEMA_VERSION,
    DatasetInfo,
    EvalReport,
    EvalResult,
    Finding,
    MetricValue,
    ModelInfo,
    SuiteInfo,
)


def _metric(value: float, low: float, high: float, n: int = 50, **kw) -> MetricValue:
    return MetricValue(value=value, ci_low=low, ci_high=high, n=n, higher_is_better=True, ci_method="wilson", **kw)


def sample_report() -> EvalReport:
    groups = {"geo": _metric(0.5, 0.2, 0.8, n=10), "sci": _metric(1.0, 0.72, 1.0, n=10)}
    return EvalReport(
        guard_version="0.1.0",
        created_at=datetime(2025, 3, 1, 12, 30, 5, 123456, tzinfo=timezone.utc),
        model=ModelInfo(spec="hf:models/tiny", kind="hf", fingerprint="sha256:" + "ab" * 32,
                        capabilities=["generate", "loglikelihood"], parameters=135_000_000,
                        size_on_disk_bytes=270_000_000),
        suite=SuiteInfo(name="demo", source="builtin:demo", sha256="cd" * 32),
        seed=7,
        results=[
            EvalResult(
                task="facts", evaluator="accuracy", evaluator_version="1.0",
                params={"mode": "generate", "stop": ["\n"], "max_new_tokens": 24},
                metrics={"contains": _metric(0.75, 0.5, 0.9, n=20, by_group=groups),
                         "token_f1": _metric(0.6123456789, 0.5, 0.7, n=20)},
                findings=[Finding(kind="wrong_answer", severity="low", message="said Rome",
                                  example={"input": "Capital of France?", "output": "Rome", "answers": ["Paris"]})],
                dataset=DatasetInfo(source="data/factual_qa.jsonl", fingerprint="ef" * 32, rows=20,
                                    columns={"text": "question", "answers": "answers"}),
                seconds=1.25,
            ),
            EvalResult(task="broken", evaluator="efficiency", status="error", error="ValueError: boom"),
        ],
        environment={"python": "3.12.0", "torch": "2.5.0"},
    )


def test_round_trip_is_exact(tmp_path: Path) -> None:
    report = sample_report()
    path = write_report(report, tmp_path / "out" / "report.json")  # creates the directory
    assert path == tmp_path / "out" / "report.json"
    back = read_report(path)
    assert back == report
    assert back.created_at == report.created_at
    assert back.metric("facts.contains").by_group["sci"].ci_low == 0.72
    assert back.failed_tasks[0].error == "ValueError: boom"


def test_written_json_has_the_documented_shape(tmp_path: Path) -> None:
    path = write_report(sample_report(), tmp_path / "r.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["model"]["fingerprint"].startswith("sha256:")
    entry = data["results"][0]
    assert entry["task"] == "facts" and entry["evaluator"] == "accuracy"
    metric = entry["metrics"]["contains"]
    assert {"value", "ci_low", "ci_high", "n", "higher_is_better"} <= set(metric)
    assert isinstance(entry["findings"], list)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(GuardError, match="not found") as info:
        read_report(tmp_path / "nope.json")
    assert str(tmp_path / "nope.json") in str(info.value)


def test_invalid_json_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{\n  "schema_version": "1.0",\n  "guard_version": oops\n}\n', encoding="utf-8")
    with pytest.raises(GuardError, match="not valid JSON") as info:
        read_report(path)
    assert f"{path}:3" in str(info.value)


def test_not_an_object(tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    path.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(GuardError, match="JSON object"):
        read_report(path)


@pytest.mark.parametrize("version", ["2.0", "0.9", "", None])
def test_unsupported_schema_version(tmp_path: Path, version: str | None) -> None:
    data = json.loads(sample_report().model_dump_json())
    if version is None:
        del data["schema_version"]
    else:
        data["schema_version"] = version
    path = tmp_path / "r.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(GuardError, match="schema_version"):
        read_report(path)


def test_minor_schema_version_is_accepted(tmp_path: Path) -> None:
    data = json.loads(sample_report().model_dump_json())
    data["schema_version"] = SCHEMA_VERSION.split(".")[0] + ".9"
    path = tmp_path / "r.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert read_report(path).schema_version.endswith(".9")


@pytest.mark.parametrize(
    ("mutate", "field"),
    [
        (lambda d: d["results"][0]["metrics"]["contains"].update(n=-1), "results.0.metrics.contains.n"),
        (lambda d: d["results"][0]["metrics"]["contains"].update(ci_low=0.99), "results.0.metrics.contains"),
        (lambda d: d["model"].pop("fingerprint"), "model.fingerprint"),
        (lambda d: d.update(surprise=1), "surprise"),
        (lambda d: d["results"][0].update(status="maybe"), "results.0.status"),
    ],
)
def test_invalid_field_is_a_guard_error_naming_it(tmp_path: Path, mutate, field: str) -> None:
    data = json.loads(sample_report().model_dump_json())
    mutate(data)
    path = tmp_path / "r.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(GuardError) as info:
        read_report(path)
    assert f"invalid report field '{field}" in str(info.value)
    assert str(path) in str(info.value)


def test_atomic_write_leaves_no_temporary_files(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    write_report(sample_report(), target)
    write_report(sample_report(), target)  # overwrite in place
    write_text_atomic(tmp_path / "summary.md", "# hi\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json", "summary.md"]
    assert (tmp_path / "summary.md").read_text(encoding="utf-8") == "# hi\n"


def test_failed_atomic_write_keeps_the_old_file_and_cleans_up(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(TypeError):
        write_text_atomic(target, 123)  # type: ignore[arg-type]  # fails while writing
    assert target.read_text(encoding="utf-8") == "old"
    assert os.listdir(tmp_path) == ["report.json"]


def test_atomic_write_into_a_path_that_is_a_directory_fails_cleanly(tmp_path: Path) -> None:
    target = tmp_path / "taken"
    target.mkdir()
    with pytest.raises(OSError):
        write_text_atomic(target, "x")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken"]


def test_infinite_metric_is_refused_so_no_unreadable_report_is_written() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="finite"):
        MetricValue(value=float("inf"), ci_low=0.0, ci_high=float("inf"), n=5, higher_is_better=None)
