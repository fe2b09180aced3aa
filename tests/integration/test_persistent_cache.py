"""`guard evaluate` with the persistent inference cache: an unchanged model and suite run again without
loading the model, with the same numbers; a changed artifact or another callable of the same file reads
nothing of the first; a run killed with SIGKILL resumes; `efficiency` still times real calls; `--no-cache`,
`guard cache info|clear`."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import guard
from guard.cache import FILE_NAME, DiskCache
from guard.cli import app
from guard.models.lazy import LazyModel, open_model

runner = CliRunner()

MODEL = """
import pathlib, time
LOG = pathlib.Path(__file__).with_name("calls.log")
with LOG.open("a") as log:
    log.write("imported\\n")
DELAY_FILE = pathlib.Path(__file__).with_name("delay")
DELAY = float(DELAY_FILE.read_text()) if DELAY_FILE.exists() else 0.0

def _label(text):
    return "pos" if "good" in text else "neg"

def predict(batch):
    out = []
    with LOG.open("a") as log:
        for text in batch:
            time.sleep(DELAY)
            log.write("call " + text + "\\n")
            log.flush()
            out.append({"label": _label(text), "scores": {"pos": 0.1 + len(text) / 97, "neg": 0.9 - len(text) / 97}})
    return out

def flipped(batch):
    return [{"label": "neg" if _label(t) == "pos" else "pos", "scores": {"pos": 0.5, "neg": 0.5}} for t in batch]

predict.capabilities = ["classify"]
flipped.capabilities = ["classify"]
"""


def _workspace(root: Path, rows: int = 40, efficiency: bool = False) -> Path:
    (root / "model.py").write_text(MODEL)
    data = [{"text": f"a good thing {i}" if i % 3 else f"a bad thing {i}", "label": "pos" if i % 2 else "neg"}
            for i in range(rows)]
    (root / "rows.jsonl").write_text("\n".join(json.dumps(r) for r in data) + "\n")
    suite = "name: s\ntasks:\n  - name: t\n    evaluator: accuracy\n    dataset: {path: rows.jsonl}\n"
    if efficiency:
        suite += ("  - name: cost\n    evaluator: efficiency\n    dataset: {path: rows.jsonl}\n"
                  "    params: {samples: 3, warmup: 0, repeats: 2}\n")
    (root / "suite.yaml").write_text(suite)
    return root


def _evaluate(ws: Path, *extra: str, callable_name: str = "predict") -> dict:
    out = ws / "report.json"
    out.unlink(missing_ok=True)
    result = runner.invoke(app, ["evaluate", f"python:{ws / 'model.py'}:{callable_name}", "--suite",
                                 str(ws / "suite.yaml"), "--out", str(out), "--store-raw-evidence", *extra])
    assert result.exit_code == 0, result.output
    return json.loads(out.read_text())


def _log(ws: Path) -> list[str]:
    path = ws / "calls.log"
    return path.read_text().splitlines() if path.exists() else []


def _numbers(report: dict) -> list:
    return [(r["task"], r["status"], {k: v for k, v in r["metrics"].items() if r["evaluator"] != "efficiency"})
            for r in report["results"]]


def test_an_unchanged_model_and_suite_run_again_without_loading_the_model(tmp_path: Path) -> None:
    ws, cache = _workspace(tmp_path), tmp_path / "cache"
    first = _evaluate(ws, "--cache-dir", str(cache))
    assert _log(ws).count("imported") == 1 and len([x for x in _log(ws) if x.startswith("call")]) == 40
    second = _evaluate(ws, "--cache-dir", str(cache))
    assert _log(ws).count("imported") == 1, "the model was loaded although every answer was cached"
    assert len([x for x in _log(ws) if x.startswith("call")]) == 40
    assert _numbers(second) == _numbers(first)
    assert first["cache"] == {"dir": str(cache), "hits": 0, "misses": 40, "notes": []}
    assert second["cache"] == {"dir": str(cache), "hits": 40, "misses": 0, "notes": []}
    assert second["plan"]["cache"] is True and second["model"] == first["model"]
    assert second["plan"]["model"] == first["plan"]["model"]


def test_the_default_folder_is_dot_guard_cache_and_no_cache_writes_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ws = _workspace(tmp_path)
    monkeypatch.chdir(ws)
    monkeypatch.delenv("GUARD_CACHE_DIR", raising=False)
    report = _evaluate(ws, "--no-cache")
    assert report["cache"] is None and report["plan"]["cache"] is False and not (ws / ".guard").exists()
    assert _evaluate(ws)["cache"]["misses"] == 40 and (ws / ".guard" / "cache" / FILE_NAME).is_file()
    result = runner.invoke(app, ["evaluate", f"python:{ws / 'model.py'}:predict", "--suite", "suite.yaml",
                                 "--no-cache", "--cache-dir", "elsewhere"])
    assert result.exit_code == 2 and "contradict" in result.output


def test_a_changed_artifact_or_another_callable_reads_nothing_of_the_first(tmp_path: Path) -> None:
    ws, cache = _workspace(tmp_path), str(tmp_path / "cache")
    first = _evaluate(ws, "--cache-dir", cache)
    other = _evaluate(ws, "--cache-dir", cache, callable_name="flipped")  # same file, another model
    assert other["model"]["fingerprint"] != first["model"]["fingerprint"]  # the callable is in the fingerprint
    assert other["cache"]["hits"] == 0 and _numbers(other) != _numbers(first)
    (ws / "model.py").write_text(MODEL.replace('"pos" if "good"', '"pos" if "bad"'))
    changed = _evaluate(ws, "--cache-dir", cache)
    assert changed["model"]["fingerprint"] != first["model"]["fingerprint"]
    assert changed["cache"] == {"dir": cache, "hits": 0, "misses": 40, "notes": []}
    assert _numbers(changed) != _numbers(first)


def test_efficiency_still_times_real_calls(tmp_path: Path) -> None:
    ws, cache = _workspace(tmp_path, efficiency=True), str(tmp_path / "cache")
    _evaluate(ws, "--cache-dir", cache)
    calls = len([x for x in _log(ws) if x.startswith("call")])
    second = _evaluate(ws, "--cache-dir", cache)
    assert second["cache"] == {"dir": cache, "hits": 40, "misses": 0, "notes": []}  # the accuracy task's
    assert _log(ws).count("imported") == 2, "efficiency must load the model and time it"
    assert len([x for x in _log(ws) if x.startswith("call")]) > calls
    assert second["results"][1]["status"] == "ok" and second["results"][1]["metrics"]["latency_p50_ms"]["n"] == 3


def test_cache_info_and_clear(tmp_path: Path) -> None:
    ws, cache = _workspace(tmp_path), str(tmp_path / "cache")
    result = runner.invoke(app, ["cache", "info", "--cache-dir", cache])
    assert result.exit_code == 0 and "no inference cache" in result.output and not Path(cache).exists()
    fingerprint = _evaluate(ws, "--cache-dir", cache)["model"]["fingerprint"]
    _evaluate(ws, "--cache-dir", cache, callable_name="flipped")
    result = runner.invoke(app, ["cache", "info", "--cache-dir", cache])
    assert result.exit_code == 0, result.output
    assert "80 entries for 2 fingerprints" in result.output and "integrity: ok" in result.output
    result = runner.invoke(app, ["cache", "clear", "--fingerprint", "sha256:0000", "--cache-dir", cache])
    assert result.exit_code == 2 and "matches no fingerprint" in result.output
    result = runner.invoke(app, ["cache", "clear", "--fingerprint", fingerprint[:19] + "…", "--cache-dir", cache])
    assert result.exit_code == 0 and "removed 40 cached answers" in result.output, result.output
    assert _evaluate(ws, "--cache-dir", cache)["cache"]["hits"] == 0
    result = runner.invoke(app, ["cache", "clear", "--cache-dir", cache])
    assert result.exit_code == 0 and "removed 80 cached answers" in result.output  # both callables' answers
    assert DiskCache(cache).usage() == []


def test_a_run_killed_with_sigkill_resumes_from_the_cache(tmp_path: Path) -> None:
    ws, cache = _workspace(tmp_path, rows=400), tmp_path / "cache"
    reference = _evaluate(ws, "--no-cache")
    # 4 s of model time: a first chunk of 64 inputs, then chunks of 64 or more (guard.models.cached). A chunk
    # commits before the next one's first call: once call 65 is logged, the first 64 answers are on disk.
    (ws / "delay").write_text("0.01")
    command = [sys.executable, "-m", "guard.cli", "evaluate", f"python:{ws / 'model.py'}:predict", "--suite",
               str(ws / "suite.yaml"), "--cache-dir", str(cache), "--store-raw-evidence", "--out",
               str(ws / "report.json")]
    committed = []
    for kill_after in (20, 64 + 16):  # inside the first chunk (nothing committed), inside the second
        (ws / "calls.log").unlink(missing_ok=True)
        proc = subprocess.Popen(command, cwd=ws, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while len([x for x in _log(ws) if x.startswith("call")]) < kill_after:
            assert proc.poll() is None and time.monotonic() < deadline, "the run ended before it was killed"
            time.sleep(0.01)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        committed.append(sum(u.entries for u in DiskCache(cache).usage()))
    assert committed[0] < 64 <= committed[1] < 400, committed
    (ws / "calls.log").unlink()
    (ws / "delay").unlink()
    resumed = _evaluate(ws, "--cache-dir", str(cache))
    assert resumed["cache"]["hits"] == committed[1] and resumed["cache"]["misses"] == 400 - committed[1]
    assert len([x for x in _log(ws) if x.startswith("call")]) == 400 - committed[1]
    assert _numbers(resumed) == _numbers(reference) and DiskCache(cache).integrity() == "ok"


def test_a_transformers_model_is_not_loaded_when_every_answer_is_cached(tmp_path: Path) -> None:
    from tests.helpers.tiny_models import build_tiny_causal_lm

    spec = f"hf:{build_tiny_causal_lm(tmp_path / 'lm')}"
    rows = [{"text": t, "label": str(i % 2)} for i, t in enumerate(["a wonderful film", "the worst movie",
                                                                     "I loved every minute", "an awful mess"])]
    (tmp_path / "rows.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    suite = guard.suite.suite_from_dict({"name": "z", "tasks": [{
        "name": "t", "evaluator": "accuracy", "dataset": {"path": str(tmp_path / "rows.jsonl")},
        "params": {"mode": "loglikelihood", "verbalizers": {"0": " negative", "1": " positive"},
                   "positive_label": "1"}}]})
    cache = DiskCache(tmp_path / "cache")
    first_model = open_model(spec, cache=cache)
    assert not isinstance(first_model, LazyModel)  # nothing recorded yet: loaded now
    first = guard.evaluate(first_model, suite, cache=cache, store_raw_evidence=True)
    model = open_model(spec, cache=cache)
    assert isinstance(model, LazyModel) and not model.loaded
    second = guard.evaluate(model, suite, cache=cache, store_raw_evidence=True)
    assert not model.loaded, "every answer was cached, yet the weights were loaded"
    assert second.results[0].metrics == first.results[0].metrics and second.model == first.model
    assert second.cache is not None and (second.cache.hits, second.cache.misses) == (8, 0)
    other = open_model(spec, cache=cache, dtype="bfloat16")  # another load option: another record
    assert not isinstance(other, LazyModel)


def test_a_cached_run_reads_its_redacted_evidence_back(tmp_path: Path) -> None:
    """Evidence redaction on: the re-run's samples equal the first run's, redacted, from the cache's file."""
    ws, cache = _workspace(tmp_path, rows=6), tmp_path / "cache"
    rows = [{"text": f"a good thing from Emily Watson, emily.watson{i}@example.com", "label": "pos" if i % 2 else "neg"}
            for i in range(6)]  # half misread: findings quote their text
    (ws / "rows.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    reports = []
    for name in ("first.json", "again.json"):
        result = runner.invoke(app, ["evaluate", f"python:{ws / 'model.py'}:predict", "--suite", str(ws / "suite.yaml"),
                                     "--out", str(ws / name), "--cache-dir", str(cache)])
        assert result.exit_code == 0, result.output
        reports.append(json.loads((ws / name).read_text()))
    first, again = reports
    assert again["cache"]["hits"] == 6
    evidence = [first["samples"], [r["findings"] for r in first["results"]]]
    assert evidence == [again["samples"], [r["findings"] for r in again["results"]]]
    assert "<EMAIL_ADDRESS>" in json.dumps(evidence) and "<PERSON>" in json.dumps(evidence)
    assert "emily.watson" not in json.dumps(first) + json.dumps(again)
    assert first["evidence_redaction"] == again["evidence_redaction"] == "presidio+patterns"
    assert any(f.startswith("redaction:") for f in DiskCache(cache).fingerprints())
    info = runner.invoke(app, ["cache", "info", "--cache-dir", str(cache)])
    assert info.exit_code == 0 and "evidence redactions" in info.output, info.output
