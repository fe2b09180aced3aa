"""The pytest plugin (``guard.pytest_plugin``, entry point ``pytest11``) run through pytester: a gate written
as a test passes, fails with the rules that decided it, is inconclusive, writes reports, records runs, works
under xdist and puts its verdict into the JUnit XML."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from guard.types import EvalReport

pytest_plugins = ["pytester"]

FIXTURE_MODEL = Path(__file__).resolve().parent.parent / "fixtures" / "keyword_sentiment.py"
# 16 rows the keyword model gets right, 4 it gets wrong: accuracy 0.8 on 20
ROWS = ([{"text": f"a good fun film {i}", "label": "1"} for i in range(8)]
        + [{"text": f"a dull boring mess {i}", "label": "0"} for i in range(8)]
        + [{"text": f"a dull film {i}", "label": "1"} for i in range(2)]
        + [{"text": f"not bad, great {i}", "label": "0"} for i in range(2)])


def _write_project(root: Path) -> None:
    root.joinpath("rows.jsonl").write_text("\n".join(json.dumps(r) for r in ROWS) + "\n")
    root.joinpath("suite.yaml").write_text(
        "name: tiny-sentiment\ntasks:\n  - name: sentiment\n    evaluator: accuracy\n"
        "    dataset: {path: rows.jsonl}\n    params: {mode: classify, positive_label: '1'}\n")
    root.joinpath("lenient.yaml").write_text(
        "name: lenient\nrules:\n  - {id: accuracy, metric: sentiment.accuracy, min: 0.5}\n")


@pytest.fixture(scope="module", autouse=True)
def _imported_once(tmp_path_factory: pytest.TempPathFactory) -> None:
    """pytester's in-process runs drop the modules they imported afterwards, and numpy's C extension cannot be
    imported twice in one process: one outer evaluation, registry and report first imports what the runs need
    (and starts the process's redaction worker, which the in-process runs then share). The NER setting is the
    default one, so that worker is the one every other in-process ``guard evaluate`` of the test process
    uses too (``start()`` keeps one per setting): a ``none`` worker here would be a second one to start."""
    from guard._redaction_worker import start
    from guard.policy import check, load_policy
    from guard.redact import Redactor
    from guard.registry import open_registry
    from guard.report import markdown_summary
    from guard.runner import evaluate

    root = tmp_path_factory.mktemp("warm")
    _write_project(root)
    report = evaluate(f"python:{FIXTURE_MODEL}:predict", root / "suite.yaml", redactor=Redactor.in_worker(start()))
    markdown_summary(check(report, load_policy(root / "lenient.yaml")))
    open_registry(f"sqlite:///{root / 'registry.db'}").close()


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    """A project with a tiny suite and three policies: lenient (passes), strict (fails), relative (no baseline)."""
    _write_project(pytester.path)
    pytester.path.joinpath("strict.yaml").write_text(
        "name: strict\nrules:\n  - {id: accuracy, metric: sentiment.accuracy, min: 0.95}\n"
        "  - {id: f1, metric: sentiment.macro_f1, min: 0.5}\n")
    pytester.path.joinpath("relative.yaml").write_text(
        "name: relative\nrules:\n  - id: no-worse\n    metric: sentiment.accuracy\n"
        "    relative: {baseline: production, max_drop: 0.01}\n")
    return pytester


def _test_file(pytester: pytest.Pytester, **policies: str) -> None:
    """One test per policy, each calling guard_check the way a user's test would."""
    body = [f"MODEL = 'python:{FIXTURE_MODEL}:predict'\n"]
    for test, policy in policies.items():
        body.append(f"def test_{test}(guard_check):\n"
                    f"    verdict = guard_check(model=MODEL, suite='suite.yaml', policy='{policy}')\n"
                    f"    assert verdict.status == 'pass'\n")
    pytester.makepyfile(test_gate="\n".join(body))


def test_passing_gate_returns_the_verdict(project: pytest.Pytester) -> None:
    _test_file(project, lenient="lenient.yaml")
    result = project.runpytest("-p", "no:randomly")
    result.assert_outcomes(passed=1)


def test_failing_gate_names_rule_value_ci_and_threshold(project: pytest.Pytester) -> None:
    _test_file(project, strict="strict.yaml")
    result = project.runpytest("-p", "no:randomly")
    result.assert_outcomes(failed=1)
    text = result.stdout.str()
    assert "guard: policy 'strict' is FAIL" in text
    assert "failing rules:" in text
    # accuracy 16/20 with its Wilson interval, n and the threshold; the passing f1 rule is not listed
    assert "  - accuracy: sentiment.accuracy = 0.8 [95% CI 0.584, 0.9193], n=20; threshold >= 0.95" in text
    assert "- f1:" not in text
    assert "Traceback" not in text  # a verdict, not a crash


def test_inconclusive_gate_says_why(project: pytest.Pytester) -> None:
    _test_file(project, relative="relative.yaml")
    result = project.runpytest("-p", "no:randomly")
    result.assert_outcomes(failed=1)
    text = result.stdout.str()
    assert "is INCONCLUSIVE" in text and "inconclusive:" in text
    assert "no-worse: sentiment.accuracy: relative rule needs a baseline report for 'production'" in text


def test_bad_input_is_one_line(project: pytest.Pytester) -> None:
    _test_file(project, typo="lenent.yaml")
    result = project.runpytest("-p", "no:randomly")
    result.assert_outcomes(failed=1)
    assert "guard: " in result.stdout.str() and "lenent.yaml" in result.stdout.str()
    assert "Traceback" not in result.stdout.str()


def test_report_dir_and_registry(project: pytest.Pytester, tmp_path: Path) -> None:
    from guard.registry import open_registry

    _test_file(project, lenient="lenient.yaml", strict="strict.yaml")
    reports, url = tmp_path / "reports", f"sqlite:///{tmp_path / 'registry.db'}"
    result = project.runpytest("-p", "no:randomly", "--guard-report-dir", str(reports), "--guard-registry", url)
    result.assert_outcomes(passed=1, failed=1)
    written = sorted(p.name for p in reports.iterdir())
    assert written == ["test_gate.py_test_lenient.main.json", "test_gate.py_test_lenient.main.md",
                       "test_gate.py_test_strict.main.json", "test_gate.py_test_strict.main.md"]
    report = EvalReport.model_validate_json((reports / "test_gate.py_test_strict.main.json").read_text())
    assert report.metric("sentiment.accuracy").value == pytest.approx(0.8)
    assert "policy `strict`" in (reports / "test_gate.py_test_strict.main.md").read_text()
    assert f"report: {reports / 'test_gate.py_test_strict.main.json'}" in result.stdout.str()
    store = open_registry(url, create=False)
    try:
        runs = {r.model: r for r in store.list_runs()}
        assert set(runs) == {"test_lenient", "test_strict"}  # the model name defaults to the test's name
        assert (runs["test_lenient"].verdict, runs["test_strict"].verdict) == ("pass", "fail")
        assert runs["test_strict"].status == "complete" and runs["test_strict"].policy_name == "strict"
    finally:
        store.close()


def test_xdist_junit_properties_and_per_worker_reports(project: pytest.Pytester, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """One xdist worker process (the controller runs in this one): the verdicts are computed in the worker and
    reach the controller's JUnit XML as properties; report files carry the worker's id."""
    _test_file(project, lenient="lenient.yaml", strict="strict.yaml", relative="relative.yaml")
    reports, junit = tmp_path / "reports", tmp_path / "junit.xml"
    # The xdist worker is a new process with a redaction worker of its own. Evidence is still redacted through
    # it (the same code path); it only skips loading spaCy, which tests/unit/test_redaction_worker.py checks.
    monkeypatch.setenv("GUARD_PII_NER", "none")
    result = project.runpytest_inprocess("-p", "xdist", "-n", "1", "-p", "no:randomly",
                                         "--guard-report-dir", str(reports), f"--junitxml={junit}")
    result.assert_outcomes(passed=1, failed=2)
    cases = {case.get("name"): {p.get("name"): p.get("value") for p in case.iter("property")}
             for case in ET.parse(junit).getroot().iter("testcase")}
    assert {name: props["guard_verdict"] for name, props in cases.items()} == {
        "test_lenient": "pass", "test_strict": "fail", "test_relative": "inconclusive"}
    for props in cases.values():
        assert props["guard_fingerprint"].startswith("sha256:")
        report = Path(props["guard_report"])
        assert report.is_file() and report.parent == reports
        assert report.name.split(".")[-2] == "gw0"  # the worker that wrote it, not "main"
    assert len(list(reports.glob("*.json"))) == 3


def test_loading_the_plugin_imports_none_of_the_heavy_libraries() -> None:
    """pytest loads the plugin in every run of a project that installs guard: ``import guard`` must stay cheap
    (public names load on first use), and every public name must still resolve to what it always was."""
    code = ("import sys, guard.pytest_plugin, guard; "
            "heavy = {'numpy', 'scipy', 'pydantic', 'sqlalchemy', 'torch', 'presidio_analyzer'} & set(sys.modules); "
            "assert not heavy, heavy; "
            "assert set(guard.__all__) == {*guard._EXPORTS, '__version__'}, '__all__ and the lazy table differ'; "
            "from guard import *; from guard import stats; from guard.policy import check as c; "
            "assert check is c and guard.stats is stats and guard.GuardError.__module__ == 'guard.errors'; "
            "assert all(getattr(guard, n) is not None for n in guard.__all__); print('ok')")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr


def test_a_registry_baseline_is_its_run_of_the_candidates_suite(tmp_path: Path) -> None:
    """baseline='NAME@VERSION' takes that version's run of the candidate's suite, as the gate does, not its
    newest run of any suite (a newer run of another suite compares with nothing)."""
    import hashlib

    from guard.cli import app
    from guard.policy import load_policy
    from guard.pytest_plugin import _baseline
    from guard.registry import open_registry
    from tests.helpers.evaluated_registry import CliRunner

    _write_project(tmp_path)
    tmp_path.joinpath("other.yaml").write_text(
        "name: other\ntasks:\n  - name: other\n    evaluator: accuracy\n    dataset: {path: rows.jsonl}\n"
        "    params: {mode: classify, positive_label: '1'}\n")
    url = f"sqlite:///{tmp_path / 'registry.db'}"
    for suite in ("suite.yaml", "other.yaml"):
        result = CliRunner().invoke(app, ["evaluate", f"python:{FIXTURE_MODEL}:predict", "--suite",
                                          str(tmp_path / suite), "--registry", url, "--name", "sent"])
        assert result.exit_code == 0, result.output
    wanted = hashlib.sha256((tmp_path / "suite.yaml").read_bytes()).hexdigest()
    with open_registry(url, create=False) as store:
        newest = store.latest_run("sent", 1)
        assert newest is not None and newest.suite_name == "other"
        base = _baseline("sent@1", store, load_policy(tmp_path / "lenient.yaml"), wanted)
    assert isinstance(base, EvalReport) and base.suite.sha256 == wanted and base.results[0].task == "sentiment"
