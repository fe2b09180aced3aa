"""The GitHub Action's step (``action.yml``): evaluate, check, compare and gate, then report to the job.

Run as ``python -m guard.ci.github`` with the action's inputs as ``INPUT_*`` variables. Inputs arrive as
environment variables, never pasted into a shell script, so a model spec or branch name from a pull
request cannot inject commands. Each verb runs as the ``guard`` command line does (same exit codes,
same files, same output in the job log), in this one process: evaluate, check, compare and gate share
its imports and its evidence-redaction worker instead of paying for them once per verb. This module
only chains them and writes the runner's files: outputs to ``$GITHUB_OUTPUT``,
the Markdown verdict (and the comparison with the baseline) to ``$GITHUB_STEP_SUMMARY``. It exits with
the documented code: 0 pass, 1 a blocking rule failed (or the gate refused), 2 error or inconclusive.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shlex
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TextIO

VERDICTS = {0: "pass", 1: "fail", 2: "inconclusive"}
_RECORDED = re.compile(r"recorded run (\d+) for (\S+)@(\d+)")


def _input(env: Mapping[str, str], name: str, default: str = "") -> str:
    return env.get("INPUT_" + name.upper().replace("-", "_"), default).strip() or default


class _Tee(io.TextIOBase):
    """Writes to the job log and keeps a copy (the action reads what a verb said: run ids, errors)."""

    def __init__(self, log: TextIO, copy: io.StringIO) -> None:
        self.log, self.copy = log, copy

    def write(self, text: str) -> int:
        self.copy.write(text)
        return self.log.write(text)

    def flush(self) -> None:
        self.log.flush()


def _guard(args: list[str]) -> tuple[int, str]:
    """Run one ``guard`` verb in this process, as the command line would: exit code, files, and its output in
    the job log (returned too). The verb reads this process's environment (GUARD_REGISTRY, GUARD_ACTOR...)."""
    import typer.main

    from guard.cli import app

    copy = io.StringIO()
    with contextlib.redirect_stdout(_Tee(sys.stdout, copy)), contextlib.redirect_stderr(_Tee(sys.stderr, copy)):
        try:  # standalone, as the console script: usage errors printed, every outcome ends in SystemExit
            typer.main.get_command(app).main(args=args, prog_name="guard", standalone_mode=True)
            code: object = 0
        except SystemExit as exc:
            code = 0 if exc.code is None else exc.code
        sys.stdout.flush()
    return (code if isinstance(code, int) else 1), copy.getvalue()  # sys.exit('text') exits 1


def _append(path: str | None, text: str) -> None:
    if path:
        with open(path, "a", encoding="utf-8") as stream:
            stream.write(text)


def _set_outputs(env: Mapping[str, str], outputs: dict[str, str]) -> None:
    lines = "".join(f"{key}={value.replace(chr(10), ' ').replace(chr(13), ' ')}\n" for key, value in outputs.items())
    _append(env.get("GITHUB_OUTPUT"), lines)


def _verdict_code(markdown: Path) -> int | None:
    """The exit code of the verdict in a Markdown summary guard wrote (None if there is none)."""
    if not markdown.is_file():
        return None
    head = markdown.read_text(encoding="utf-8").partition("\n")[0]
    found = re.search(r"\*\*(PASS|FAIL|INCONCLUSIVE)\*\*$", head)
    return {"PASS": 0, "FAIL": 1, "INCONCLUSIVE": 2}[found[1]] if found else None


def run(env: Mapping[str, str]) -> int:
    """The action's work; returns the exit code the step ends with. ``env`` holds the inputs and the runner's
    files (``os.environ`` in the action); the verbs themselves read the process's environment."""
    model, suite, policy = _input(env, "model"), _input(env, "suite"), _input(env, "policy", "default")
    registry, name, gate_to = _input(env, "registry"), _input(env, "name"), _input(env, "gate-to")
    baseline, extra = _input(env, "baseline"), _input(env, "args")
    folder = Path(_input(env, "output-dir", "guard-results"))
    summary_path = env.get("GITHUB_STEP_SUMMARY")
    if not model or not suite:
        print("::error::guard action: the inputs 'model' and 'suite' are required")
        return 2
    if (registry or gate_to) and not name:
        print("::error::guard action: 'registry' and 'gate-to' need the input 'name' (the registered model name)")
        return 2
    if gate_to and not registry:
        print("::error::guard action: 'gate-to' needs the input 'registry'")
        return 2
    try:
        extra_args = shlex.split(extra)
    except ValueError as exc:  # unbalanced quotes: one clear line, before any work
        print(f"::error::guard action: args: {exc}")
        return 2
    folder.mkdir(parents=True, exist_ok=True)
    report, junit, markdown, comparison = (folder / "report.json", folder / "guard.xml", folder / "summary.md",
                                           folder / "compare.md")
    for stale in (report, junit, markdown, comparison):  # a previous step's files must not pass for this run's
        stale.unlink(missing_ok=True)
    baseline_file = bool(baseline) and Path(baseline).is_file()
    args = ["evaluate", model, "--suite", suite, "--policy", policy, "--out", str(report), "--junit", str(junit),
            "--markdown", str(markdown), *extra_args]
    if registry:
        args += ["--registry", registry, "--name", name]
    code, text = _guard(args)
    # What evaluate's own verdict said (its Markdown, read before check rewrites it); an exit code other than
    # the verdict's is an error after the report was written (e.g. --mlflow failed), which nothing may lower.
    judged = _verdict_code(markdown) if report.is_file() else None
    failed = code if code != judged else 0
    if baseline_file and report.is_file():  # relative rules against a report file: the check judges the report
        checked, _ = _guard(["check", str(report), "--policy", policy, "--baseline", baseline, "--junit",
                             str(junit), "--markdown", str(markdown)])
        code = max(checked, failed)  # evaluate's verdict lacked the baseline; its errors still count
    verdict = "error" if failed or not report.is_file() or code not in VERDICTS else VERDICTS[code]
    outputs = {"verdict": verdict, "exit-code": str(code), "report": str(report) if report.is_file() else "",
               "junit": str(junit) if junit.is_file() else "", "summary": str(markdown) if markdown.is_file() else ""}
    recorded = _RECORDED.search(text)
    if recorded:
        outputs.update({"run-id": recorded[1], "version": recorded[3]})
    if markdown.is_file():
        _append(summary_path, markdown.read_text(encoding="utf-8") + "\n")
    if verdict == "error":
        _append(summary_path, "## guard: error\n\n```\n" + text[-4000:].replace("```", "'''") + "\n```\n")
    if baseline and report.is_file():
        compare_args = ["compare", str(report), baseline, "--policy", policy, "--markdown", str(comparison)]
        if registry:
            compare_args += ["--registry", registry]
        compared, compare_text = _guard(compare_args)
        if compared == 0 and comparison.is_file():
            outputs["compare"] = str(comparison)
            _append(summary_path, comparison.read_text(encoding="utf-8") + "\n")
        else:
            from guard.report.markdown import md_text

            why = md_text(compare_text.strip()[-500:])  # may quote user text: no raw HTML in the summary
            _append(summary_path, f"guard compare with `{md_text(baseline)}` did not run: {why}\n")
    if gate_to and recorded:
        gated, gate_text = _guard(["gate", f"{name}@{recorded[3]}", "--policy", policy, "--to", gate_to,
                                   "--registry", registry])
        outputs["gate"] = {0: "moved", 1: "refused"}.get(gated, "inconclusive")
        code = max(code, gated)  # the worst step decides: a refused gate fails a passing job, never the reverse
        outputs["exit-code"] = str(code)
        _append(summary_path, f"### guard gate {name}@{recorded[3]} → {gate_to}: {outputs['gate']}\n\n```\n"
                + gate_text.replace("```", "'''") + "```\n")
    elif gate_to:  # nothing was recorded: the evaluation itself failed
        outputs["gate"] = "not run"
        code = 2
        outputs["exit-code"] = "2"
    _set_outputs(env, outputs)
    return code


def main() -> None:
    sys.exit(run(os.environ))


if __name__ == "__main__":
    main()
