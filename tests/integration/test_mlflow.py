"""MLflow interop against a real tracking server (SQLite backend, local artifact root, 127.0.0.1), read
back through MLflow's own client: guard mlflow log, guard evaluate --mlflow, guard mlflow sync and the
mlflow:models:/ model spec."""

from __future__ import annotations

import hashlib
import json
import math
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from guard.cli import app
from tests.helpers.mlflow_server import mlflow_server
from tests.helpers.streamlit_server import free_port

mlflow = pytest.importorskip("mlflow")
MlflowClient = mlflow.MlflowClient
runner = CliRunner()
MODEL = """
def predict(batch):
    return ["pos" if "good" in t else "neg" for t in batch]
predict.capabilities = ["classify"]
"""
POLICY = "name: release\nrules:\n  - id: accuracy\n    metric: t.accuracy\n    min: 0.5\n"
# How the gate test's two sklearn models are saved. guard loads any pyfunc model the same way (mlflow.pyfunc.load_model
# on the downloaded copy, behind --trust-pickle) and hashes whatever files the version holds; the spec test keeps
# MLflow's default, skops, which costs 2.7 s the first time a process saves or loads with it (measured under cProfile:
# skops imports every scikit-learn estimator), where cloudpickle costs nothing to import.
SERIALIZATION = "cloudpickle"


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with mlflow_server(tmp_path_factory.mktemp("mlflow")) as url:
        yield url


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GUARD_REGISTRY", f"sqlite:///{tmp_path / 'registry.db'}")
    monkeypatch.setenv("GUARD_ACTOR", "ci-bot")
    monkeypatch.setenv("MLFLOW_HTTP_REQUEST_MAX_RETRIES", "0")
    rows = [{"text": f"a {'good' if i % 3 else 'bad'} thing {i}", "label": "pos" if i % 2 else "neg"}
            for i in range(30)]
    (tmp_path / "rows.jsonl").write_text("\n".join(json.dumps(r) for r in rows))
    (tmp_path / "suite.yaml").write_text(
        "name: s\ntasks:\n  - name: t\n    evaluator: accuracy\n    dataset: {path: rows.jsonl}\n")
    (tmp_path / "m.py").write_text(MODEL)
    (tmp_path / "policy.yaml").write_text(POLICY)
    return tmp_path


def _evaluate(env: Path, *extra: str, model: str | None = None) -> object:
    return runner.invoke(app, ["evaluate", model or f"python:{env / 'm.py'}:predict", "--suite",
                               str(env / "suite.yaml"), "--policy", str(env / "policy.yaml"), *extra])


def _only_run(client: MlflowClient, experiment: str) -> object:
    runs = client.search_runs([client.get_experiment_by_name(experiment).experiment_id])
    assert len(runs) == 1
    return runs[0]


def test_log_a_report_file_reads_back_through_mlflows_client(env: Path, server: str) -> None:
    result = _evaluate(env, "--out", str(env / "report.json"))
    assert result.exit_code == 0, result.output
    logged = runner.invoke(app, ["mlflow", "log", str(env / "report.json"), "--tracking-uri", server,
                                 "--experiment", "from-file", "--policy", str(env / "policy.yaml")])
    assert logged.exit_code == 0, logged.output
    report = json.loads((env / "report.json").read_text())
    accuracy = report["results"][0]["metrics"]["accuracy"]
    client = MlflowClient(server)
    run = _only_run(client, "from-file")
    assert run.info.status == "FINISHED" and run.info.run_id in logged.output
    metrics = run.data.metrics
    assert metrics["t.accuracy"] == pytest.approx(accuracy["value"])
    assert metrics["t.accuracy.ci_low"] == pytest.approx(accuracy["ci_low"])
    assert metrics["t.accuracy.ci_high"] == pytest.approx(accuracy["ci_high"])
    assert metrics["t.accuracy.n"] == accuracy["n"] == 30
    expected = {f"t.{name}{suffix}" for name in report["results"][0]["metrics"]
                for suffix in ("", ".ci_low", ".ci_high", ".n")}
    assert set(metrics) == expected
    tags = run.data.tags
    assert (tags["guard.verdict"], tags["guard.policy"]) == ("pass", "release")
    assert tags["guard.fingerprint"] == report["model"]["fingerprint"]
    assert run.data.params["suite"] == "s" and run.data.params["task.t.evaluator"] == "accuracy"
    assert run.data.params["model_spec"] == report["model"]["spec"]
    names = {a.path for a in client.list_artifacts(run.info.run_id, "guard")}
    assert names == {"guard/report.json", "guard/verdict.json", "guard/summary.md"}
    local = client.download_artifacts(run.info.run_id, "guard/report.json", str(env))
    assert json.loads(Path(local).read_text()) == report


def test_evaluate_with_mlflow_logs_the_registry_run_with_its_html(env: Path, server: str,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MLFLOW_EXPERIMENT_NAME", "from-evaluate")
    result = _evaluate(env, "--name", "sent", "--mlflow", server)
    assert result.exit_code == 0, result.output
    run_id = int(result.output.split("recorded run ", 1)[1].split()[0])
    client = MlflowClient(server)
    run = _only_run(client, "from-evaluate")
    assert run.data.tags["guard.registry_run"] == str(run_id)
    assert run.data.tags["guard.verdict"] == "pass"
    names = {a.path for a in client.list_artifacts(run.info.run_id, "guard")}
    assert "guard/report.html" in names and "guard/report.json" in names
    html = Path(client.download_artifacts(run.info.run_id, "guard/report.html", str(env))).read_text()
    assert f"run {run_id}" in html


def test_an_unreachable_mlflow_keeps_the_report_and_exits_2(env: Path) -> None:
    dead = f"http://127.0.0.1:{free_port()}"
    result = _evaluate(env, "--out", str(env / "report.json"), "--mlflow", dead)
    assert result.exit_code == 2, result.output
    assert (env / "report.json").is_file()
    assert "error: --mlflow: MLflow at http://127.0.0.1:" in result.output


@pytest.mark.parametrize("args, expected", [
    (["mlflow", "log", "report.json", "--tracking-uri", "not a uri"], "is not an MLflow tracking URI"),
    (["mlflow", "log", "999", "--tracking-uri", "http://127.0.0.1:9"], "999"),
    (["evaluate", "python:m.py:predict", "--suite", "suite.yaml", "--mlflow", "ftp://x"],
     "is not an MLflow tracking URI"),
])
def test_bad_input_is_one_line_exit_2(env: Path, args: list[str], expected: str,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(env)
    runner.invoke(app, ["register", "sent", f"python:{env / 'm.py'}:predict"])
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and expected in result.output, result.output
    assert len(result.output.strip().splitlines()) == 1


def test_sync_mirrors_versions_and_aliases_one_way_and_reports_drift(env: Path, server: str) -> None:
    (env / "m2.py").write_text(MODEL + "# v2\n")
    assert _evaluate(env, "--name", "sync-me").exit_code == 0
    assert _evaluate(env, "--name", "sync-me", model=f"python:{env / 'm2.py'}:predict").exit_code == 0
    gated = runner.invoke(app, ["gate", "sync-me@2", "--policy", str(env / "policy.yaml"), "--to", "production"])
    assert gated.exit_code == 0, gated.output
    first = runner.invoke(app, ["mlflow", "sync", "sync-me", "--tracking-uri", server])
    assert first.exit_code == 0, first.output
    assert "2 version(s) created" in first.output and "alias production -> sync-me@2" in first.output

    client = MlflowClient(server, registry_uri=server)
    versions = {mv.tags["guard.version"]: mv for mv in client.search_model_versions("name='sync-me'")}
    assert set(versions) == {"1", "2"}
    from guard.registry import open_registry

    store = open_registry(os.environ["GUARD_REGISTRY"])
    for number, mv in versions.items():
        registered = store.get_version("sync-me", int(number))
        assert mv.tags["guard.fingerprint"] == registered.fingerprint
        assert mv.tags["guard.latest_verdict"] == "pass" and mv.tags["guard.runs"] == "1"
        assert f"run {store.latest_run('sync-me', int(number)).id}: pass" in mv.description
    assert client.get_model_version_by_alias("sync-me", "production").version == versions["2"].version

    def snapshot() -> list:
        return sorted((mv.version, sorted(mv.tags.items()), mv.description, sorted(mv.aliases))
                      for mv in client.search_model_versions("name='sync-me'"))

    before = snapshot()
    again = runner.invoke(app, ["mlflow", "sync", "sync-me", "--tracking-uri", server])
    assert again.exit_code == 0 and "0 version(s) created, 0 updated, 0 alias change(s)" in again.output
    assert snapshot() == before

    # someone moves production on the MLflow side: drift, exit 1, guard's target restored, nothing copied back
    client.set_registered_model_alias("sync-me", "production", versions["1"].version)
    client.set_registered_model_alias("sync-me", "mlflow-only", versions["1"].version)
    drifted = runner.invoke(app, ["mlflow", "sync", "sync-me", "--tracking-uri", server])
    assert drifted.exit_code == 1, drifted.output
    assert "drift: alias 'production' was moved on the MLflow side" in drifted.output
    assert "drift: alias 'mlflow-only' was set on the MLflow side" in drifted.output
    assert client.get_model_version_by_alias("sync-me", "production").version == versions["2"].version
    assert store.aliases("sync-me") == {"production": 2}
    assert client.get_model_version_by_alias("sync-me", "mlflow-only").version == versions["1"].version


def test_an_mlflow_model_spec_is_evaluated_and_fingerprinted_by_its_artifacts(env: Path, server: str) -> None:
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    rows = [json.loads(line) for line in (env / "rows.jsonl").read_text().splitlines()]
    texts, labels = [r["text"] for r in rows], [r["label"] for r in rows]
    pipeline = make_pipeline(CountVectorizer(), LogisticRegression(max_iter=200)).fit(texts[:20], labels[:20])
    mlflow.set_tracking_uri(server)
    mlflow.set_experiment("models")
    with mlflow.start_run():
        mlflow.sklearn.log_model(pipeline, name="model", registered_model_name="clf",  # MLflow's default format
                                 pip_requirements=["scikit-learn"])
    client = MlflowClient(server, registry_uri=server)
    version = client.search_model_versions("name='clf'")[0].version
    client.set_registered_model_alias("clf", "champion", version)

    refused = _evaluate(env, "--model-option", f"tracking_uri={server}", model="mlflow:models:/clf@champion")
    assert refused.exit_code == 2 and "--trust-pickle" in refused.output
    result = _evaluate(env, "--out", str(env / "report.json"), "--trust-pickle", "--model-option",
                       f"tracking_uri={server}", model="mlflow:models:/clf@champion")
    assert result.exit_code in (0, 1), result.output
    report = json.loads((env / "report.json").read_text())
    assert report["model"]["kind"] == "mlflow"
    expected_accuracy = sum(p == y for p, y in zip(pipeline.predict(texts), labels)) / len(labels)
    assert report["results"][0]["metrics"]["accuracy"]["value"] == pytest.approx(expected_accuracy)
    # the fingerprint: sha256 over (relative name, sha256 of bytes) of the version's files, downloaded here
    folder = Path(mlflow.artifacts.download_artifacts(
        artifact_uri=client.get_model_version_download_uri("clf", version), dst_path=str(env / "copy")))
    outer = hashlib.sha256()
    for path in sorted((p for p in folder.rglob("*") if p.is_file()), key=lambda p: p.relative_to(folder).as_posix()):
        outer.update(path.relative_to(folder).as_posix().encode() + b"\0"
                     + hashlib.sha256(path.read_bytes()).hexdigest().encode() + b"\n")
    assert report["model"]["fingerprint"] == "sha256:" + outer.hexdigest()
    assert not math.isnan(report["results"][0]["metrics"]["accuracy"]["ci_low"])


def test_the_gate_rechecks_an_mlflow_models_artifacts(env: Path, server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The gate recomputes the fingerprint from the registered spec: it downloads the version's artifacts again
    and hashes them; when the alias moves to other files, the registered version is no longer what it names."""
    from sklearn.dummy import DummyClassifier

    monkeypatch.setenv("MLFLOW_TRACKING_URI", server)
    mlflow.set_tracking_uri(server)
    mlflow.set_experiment("gated")
    client = MlflowClient(server, registry_uri=server)
    versions = []
    for strategy in ("most_frequent", "uniform"):
        with mlflow.start_run():
            mlflow.sklearn.log_model(DummyClassifier(strategy=strategy, random_state=0).fit(["a", "b"], ["pos", "neg"]),
                                     name="model", registered_model_name="gated", pip_requirements=["scikit-learn"],
                                     serialization_format=SERIALIZATION)
        versions.append(max(int(v.version) for v in client.search_model_versions("name='gated'")))
    client.set_registered_model_alias("gated", "candidate", str(versions[0]))
    (env / "open.yaml").write_text("name: open\nrules:\n  - id: a\n    metric: t.accuracy\n    min: 0\n")
    spec = "mlflow:models:/gated@candidate"
    result = runner.invoke(app, ["evaluate", spec, "--trust-pickle", "--suite", str(env / "suite.yaml"),
                                 "--policy", str(env / "open.yaml"), "--name", "gated"])
    assert result.exit_code == 0, result.output
    moved = runner.invoke(app, ["gate", "gated@1", "--policy", str(env / "open.yaml"), "--to", "production"])
    assert moved.exit_code == 0 and "MOVED" in moved.output, moved.output
    client.set_registered_model_alias("gated", "candidate", str(versions[1]))  # other files behind the same spec
    refused = runner.invoke(app, ["gate", "gated@1", "--policy", str(env / "open.yaml"), "--to", "staging"])
    assert refused.exit_code == 1 and "changed after registration" in refused.output, refused.output


def test_raw_evidence_is_not_uploaded_unless_asked_for(env: Path, server: str) -> None:
    result = _evaluate(env, "--store-raw-evidence", "--out", str(env / "raw.json"))
    assert result.exit_code == 0, result.output
    assert json.loads((env / "raw.json").read_text())["raw_evidence"] is True
    client = MlflowClient(server)
    refused = runner.invoke(app, ["mlflow", "log", str(env / "raw.json"), "--tracking-uri", server,
                                  "--experiment", "raw-refused"])
    assert refused.exit_code == 2 and "--include-raw-evidence" in refused.output, refused.output
    assert len(refused.output.strip().splitlines()) == 1
    assert client.get_experiment_by_name("raw-refused") is None  # nothing logged, not even the experiment
    logged = runner.invoke(app, ["mlflow", "log", str(env / "raw.json"), "--tracking-uri", server,
                                 "--experiment", "raw-asked", "--include-raw-evidence"])
    assert logged.exit_code == 0, logged.output
    assert _only_run(client, "raw-asked").info.status == "FINISHED"


def test_evaluate_store_raw_evidence_with_mlflow_is_refused_before_inference(
    env: Path, server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MLFLOW_EXPERIMENT_NAME", "raw-evaluate")
    # the model file does not exist: the refusal comes before the model is even looked at
    result = _evaluate(env, "--store-raw-evidence", "--mlflow", server, "--out", str(env / "r.json"),
                       model=f"python:{env / 'missing.py'}:predict")
    assert result.exit_code == 2 and "--store-raw-evidence" in result.output, result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not (env / "r.json").exists() and MlflowClient(server).get_experiment_by_name("raw-evaluate") is None
