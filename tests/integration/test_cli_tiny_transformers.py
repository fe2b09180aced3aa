"""The CLI end to end with a tiny transformers classifier built in the test, on the real SST-2 dev set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from guard.cli import app
from tests.helpers.tiny_models import build_tiny_classifier

runner = CliRunner()


@pytest.fixture(scope="module")
def tiny_classifier(tmp_path_factory) -> Path:
    return build_tiny_classifier(tmp_path_factory.mktemp("tiny-bert"))


def test_tiny_bert_on_sst2_via_cli(tiny_classifier: Path, shared_data: Path, tmp_path: Path) -> None:
    dev = shared_data / "sst2" / "dev.tsv"
    out, junit = tmp_path / "report.json", tmp_path / "guard.xml"
    policy = tmp_path / "policy.yaml"
    policy.write_text(
        "name: tiny\nrules:\n"
        "  - {id: accuracy-floor, metric: sentiment.accuracy, min: 0.0}\n"
        "  - {id: accuracy-bar, metric: sentiment.accuracy, min: 0.99}\n"
        "  - {id: size, metric: efficiency.size_on_disk_mb, max: 50, severity: warn}\n"
    )
    result = runner.invoke(app, [
        "evaluate", f"hf:{tiny_classifier}", "--suite", "sst2-classifier",
        "--data", f"sentiment={dev}", "--data", f"efficiency={dev}",
        "--out", str(out), "--policy", str(policy), "--junit", str(junit), "--batch-size", "64",
    ])
    assert result.exit_code == 1, result.output  # a random tiny model cannot reach 0.99
    report = json.loads(out.read_text())
    sentiment, efficiency = report["results"]
    assert sentiment["status"] == "ok" and sentiment["dataset"]["rows"] == 872
    assert report["model"]["kind"] == "hf" and report["model"]["parameters"] > 0
    assert set(sentiment["metrics"]) >= {"accuracy", "macro_f1", "precision", "recall", "roc_auc", "ece"}
    assert {"latency_p50_ms", "latency_p95_ms", "throughput_per_s", "parameters",
            "size_on_disk_mb"} <= set(efficiency["metrics"])
    assert "accuracy-bar" in junit.read_text()


def test_same_model_same_fingerprint_changed_weights_new_fingerprint(tiny_classifier: Path, tmp_path: Path) -> None:
    from guard.models import load_model

    first = load_model(f"hf:{tiny_classifier}").fingerprint
    assert load_model(f"hf:{tiny_classifier}").fingerprint == first
    other = build_tiny_classifier(tmp_path / "other", seed=1)
    assert load_model(f"hf:{other}").fingerprint != first
