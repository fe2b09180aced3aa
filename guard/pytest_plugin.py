"""pytest plugin (entry point ``pytest11``): the release gate written as a test next to the others.

    def test_sentiment_model_may_ship(guard_check):
        guard_check(model="python:models/sentiment.py:predict", suite="sst2-classifier", policy="release")

``guard_check`` evaluates, checks the report against the policy and returns the ``Verdict``; a failing
or inconclusive verdict fails the test with the rules that decided it (value, 95% CI, n, threshold).
``--guard-report-dir DIR`` writes each call's report and Markdown summary there; ``--guard-registry URL``
records the run as ``guard evaluate --registry`` does. The verdict, fingerprint and report path go to
the JUnit XML as properties. This module loads in every pytest run of a project that installs guard,
so it imports nothing of guard (no torch, no Presidio) until a test asks for the fixture.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from guard.policy import Policy, Verdict
    from guard.types import EvalReport


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("guard", "rai-guard release gate (guard_check fixture)")
    group.addoption("--guard-registry", default=None, metavar="URL",
                    help="Record every guard_check run in this registry (e.g. sqlite:///.guard/registry.db).")
    group.addoption("--guard-report-dir", default=None, metavar="DIR",
                    help="Write each guard_check's report JSON and Markdown summary into DIR.")


def _safe(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", text).strip("_.")[:150] or "test"


def _worker(config: pytest.Config) -> str:
    workerinput = getattr(config, "workerinput", None)
    return str(workerinput["workerid"]) if workerinput else "main"


def failure_message(verdict: Verdict, report_path: Path | None = None) -> str:
    """Why the verdict is not a pass, one rule per line: value, interval, n and threshold."""
    from guard.report._format import num

    lines = [f"guard: policy '{verdict.policy}' is {verdict.status.upper()} for {verdict.model_spec} "
             f"(fingerprint {verdict.model_fingerprint[:19]}…)"]
    failing = [o for o in verdict.outcomes if o.status == "fail" and o.blocking]
    if failing:
        lines.append("failing rules:")
    for o in failing:
        m = o.measured
        measured = f"{num(m.value)} [95% CI {num(m.ci_low)}, {num(m.ci_high)}], n={m.n}" if m else "not measured"
        lines.append(f"  - {o.rule_id}: {o.metric} = {measured}; threshold {o.threshold} ({o.message})")
    inconclusive = [o for o in verdict.outcomes if o.status == "inconclusive"]
    reasons = ([f"{o.rule_id}: {o.metric}: {o.message}" for o in inconclusive]
               + [f"task '{t}' crashed: {e}" for t, e in verdict.failed_tasks.items()]
               + list(verdict.example_errors.values()) + [f"evidence: {p}" for p in verdict.evidence_problems])
    if reasons:
        lines.append("inconclusive:")
        lines += [f"  - {reason}" for reason in reasons]
    warnings = verdict.warnings
    if warnings:
        lines.append("warnings (do not fail): " + ", ".join(o.rule_id for o in warnings))
    if report_path is not None:
        lines.append(f"report: {report_path}")
    return "\n".join(lines)


def _baseline_run(store: Any, name: str, version: int, policy: Policy, suite_sha256: str) -> Any:
    """The run ``guard.release._baselines`` takes for a baseline version: its newest complete run of the
    candidate's suite (under this policy first), else under this policy, else its newest; a newer run of
    another suite (e.g. a risk suite) would compare with nothing and make every relative rule inconclusive."""
    return (store.latest_run(name, version, policy_sha256=policy.sha256, suite_sha256=suite_sha256)
            or store.latest_run(name, version, suite_sha256=suite_sha256)
            or store.latest_run(name, version, policy_sha256=policy.sha256)
            or store.latest_run(name, version))


def _baseline(baseline: Any, store: Any, policy: Policy,
              suite_sha256: str) -> EvalReport | Mapping[str, EvalReport] | None:
    """A report, a mapping alias -> report, a report file, or NAME@VERSION / NAME@ALIAS in the registry
    (that version's run of the candidate's suite, ``suite_sha256``, chosen as the gate chooses it)."""
    from guard.report import read_report
    from guard.types import EvalReport

    if baseline is None or isinstance(baseline, (EvalReport, Mapping)):
        return baseline
    text = str(baseline)
    if "@" in text and not Path(text).exists():
        from guard.errors import GuardError
        from guard.views import stored_report

        if store is None:
            raise GuardError(f"baseline '{text}' names a registry version: run pytest with --guard-registry URL")
        name, _, ref = text.partition("@")
        version = int(ref) if ref.isdigit() else store.alias_target(name, ref)
        run = _baseline_run(store, name, version, policy, suite_sha256) if version is not None else None
        report = stored_report(run)
        if report is None:
            raise GuardError(f"baseline '{text}' has no complete run in the registry")
        return report
    return read_report(text)


class _Checker:
    """The callable the fixture returns; one per test, so report files are numbered per test."""

    def __init__(self, request: pytest.FixtureRequest) -> None:
        self.request = request
        self.calls = 0
        self.reports: list[EvalReport] = []

    def __call__(self, *, model: Any, suite: Any, policy: Any, baseline: Any = None,
                 data: Mapping[str, str] | None = None, limit: int | None = None, seed: int = 0,
                 name: str | None = None, fail: bool = True) -> Verdict:
        """Evaluate ``model`` on ``suite``, check it against ``policy`` (relative rules against ``baseline``:
        a report, a report file, NAME@ALIAS with --guard-registry, or by default the policy's aliases there)
        and return the verdict; unless ``fail=False``, a verdict other than pass fails the test."""
        from guard._redaction_worker import start as start_redaction_worker
        from guard.errors import GuardError
        from guard.models.lazy import open_model
        from guard.policy import Policy, check, load_policy
        from guard.redact import Redactor
        from guard.runner import build_plan, check_capabilities, check_policy_against_suite, evaluate, prepare
        from guard.suite import Suite, load_suite

        registry_url = self.request.config.getoption("--guard-registry")
        recorder = None
        try:
            loaded_suite = suite if isinstance(suite, Suite) else load_suite(suite)
            loaded_policy: Policy = policy if isinstance(policy, Policy) else load_policy(policy)
            check_policy_against_suite(loaded_policy, loaded_suite)
            worker = start_redaction_worker()  # one per process: loads while the data and the model load
            tasks = prepare(loaded_suite, data=data, limit=limit)
            if registry_url:
                from guard._run_recording import RunRecorder

                recorder = RunRecorder.open(registry_url, name or _safe(self.request.node.name), None, actor=None)
            adapter = open_model(model)
            check_capabilities(tasks, adapter)
            plan = build_plan(loaded_suite, tasks, adapter, seed=seed, data=data, limit=limit)
            if recorder is not None:
                recorder.start(plan, loaded_policy)
            report = evaluate(adapter, loaded_suite, tasks=tasks, plan=plan, data=data, limit=limit,
                              redactor=Redactor.in_worker(worker))
            base = _baseline(baseline, recorder.store if recorder else None, loaded_policy, report.suite.sha256)
            if base is None and recorder is not None:
                base = recorder.baselines(loaded_policy)
            verdict = check(report, loaded_policy, base)
        except BaseException as exc:
            if recorder is not None:
                recorder.fail(exc)
                recorder.store.close()
            if isinstance(exc, GuardError):  # bad input: the one line guard's command line would print
                pytest.fail(f"guard: {exc.one_line()}", pytrace=False)
            raise
        if recorder is not None:
            recorder.finish(report, verdict)
            recorder.store.close()
        self.reports.append(report)
        self.calls += 1
        report_path = self._write(report, verdict)
        self._record(verdict, report_path, recorder.run_id if recorder else None)
        if fail and not verdict.passed:
            pytest.fail(failure_message(verdict, report_path), pytrace=False)
        return verdict

    def _write(self, report: EvalReport, verdict: Verdict) -> Path | None:
        folder = self.request.config.getoption("--guard-report-dir")
        if not folder:
            return None
        from guard.report import markdown_summary, write_all_atomic

        stem = f"{_safe(self.request.node.nodeid)}.{_worker(self.request.config)}"
        stem += f".{self.calls}" if self.calls > 1 else ""
        json_path = Path(folder) / f"{stem}.json"
        write_all_atomic({json_path: report.model_dump_json(indent=2) + "\n",
                          Path(folder) / f"{stem}.md": markdown_summary(verdict)})
        return json_path

    def _record(self, verdict: Verdict, report_path: Path | None, run_id: int | None) -> None:
        """JUnit properties (``user_properties``; they travel from xdist workers to the controller)."""
        suffix = f"_{self.calls}" if self.calls > 1 else ""
        props = [("guard_verdict", verdict.status), ("guard_policy", verdict.policy),
                 ("guard_fingerprint", verdict.model_fingerprint)]
        if report_path is not None:
            props.append(("guard_report", str(report_path)))
        if run_id is not None:
            props.append(("guard_run_id", str(run_id)))
        self.request.node.user_properties.extend((key + suffix, value) for key, value in props)


@pytest.fixture
def guard_check(request: pytest.FixtureRequest) -> Callable[..., Verdict]:
    """``guard_check(model=..., suite=..., policy=..., baseline=None, data=None, limit=None, seed=0,
    name=None, fail=True)`` -> the verdict; fails the test unless it passes (see the module's docstring)."""
    return _Checker(request)
