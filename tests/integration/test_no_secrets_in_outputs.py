"""An API key given as a model option and credentials in an http: spec's URL reach the server but none of
guard's outputs: report.json (model spec, plan options), summary.md, the terminal, or an error message."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from guard.cli import app
from tests.helpers.openai_server import OpenAIServer

KEY, PASSWORD = "sk-secret123", "pw-TOKEN-456"
runner = CliRunner()


def _suite(tmp_path: Path) -> Path:
    (tmp_path / "rows.jsonl").write_text('{"text": "say a", "answers": ["SAY A"]}\n'
                                         '{"text": "say b", "answers": ["no"]}\n')
    suite = tmp_path / "suite.yaml"
    suite.write_text("name: s\ntasks:\n  - name: t\n    evaluator: accuracy\n    dataset: {path: rows.jsonl}\n"
                     "    params: {mode: generate}\n")
    return suite


@pytest.mark.parametrize("where", ["option", "url"])
def test_api_key_and_url_credentials_stay_out_of_report_summary_and_stderr(tmp_path: Path, where: str) -> None:
    """One secret at a time: aiohttp refuses URL credentials together with an Authorization header."""
    suite, policy = _suite(tmp_path), tmp_path / "policy.yaml"
    policy.write_text("name: p\nrules:\n  - {id: acc, metric: t.accuracy, min: 0.4}\n")
    with OpenAIServer(models=["m"], api_key=KEY if where == "option" else None) as server:
        url = server.url if where == "option" else server.url.replace("://", f"://guard:{PASSWORD}@", 1)
        options = ["--model-option", f"api_key={KEY}"] if where == "option" else []
        out, summary = tmp_path / "report.json", tmp_path / "summary.md"
        result = runner.invoke(app, ["evaluate", f"http:{url}#m", "--suite", str(suite), *options, "--out", str(out),
                                     "--markdown", str(summary), "--policy", str(policy), "--no-cache"])
        assert out.is_file() and summary.is_file(), result.output  # the secret reached the server: it answered
        assert server.requests
        if where == "option":
            assert all(r.headers.get("authorization") == f"Bearer {KEY}" for r in server.requests)
    report = json.loads(out.read_text())
    if where == "option":
        assert report["plan"]["model_options"] == {"api_key": "***"}
    else:
        assert report["model"]["spec"] == f"http:{url}#m".replace(PASSWORD, "***")
        assert "***" in summary.read_text()  # the masked spec is shown
    for text in (out.read_text(), summary.read_text(), result.stdout, result.stderr):
        assert KEY not in text and PASSWORD not in text


def test_url_credentials_with_an_api_key_are_refused_without_showing_either(tmp_path: Path) -> None:
    with OpenAIServer(models=["m"]) as server:
        spec = "http:" + server.url.replace("://", f"://guard:{PASSWORD}@", 1) + "#m"
        result = runner.invoke(app, ["evaluate", spec, "--suite", str(_suite(tmp_path)),
                                     "--model-option", f"api_key={KEY}"])
    assert result.exit_code == 2 and "credentials in its URL or an API key, not both" in result.stderr, result.output
    assert KEY not in result.output and PASSWORD not in result.output


def test_an_unreachable_endpoint_error_does_not_show_its_password(tmp_path: Path) -> None:
    spec = f"http:http://guard:{PASSWORD}@127.0.0.1:9/v1#m"  # port 9 (discard): nothing listens
    result = runner.invoke(app, ["evaluate", spec, "--suite", str(_suite(tmp_path)), "--model-option", "retries=0"])
    assert result.exit_code == 2 and "cannot reach http://guard:***@127.0.0.1:9/v1" in result.stderr, result.output
    assert PASSWORD not in result.output
