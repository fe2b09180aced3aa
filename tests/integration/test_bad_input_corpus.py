"""The README's promise, case by case: bad input gets one clear line on stderr, exit code 2, and
nothing written — files in the workspace and the registry's audit chain are exactly as before.

Each case is (id, files to write first, the command line, a substring the error line must hold).
``{ws}`` is the workspace: a valid suite, policy, model, data and a registry with one version, so
each case breaks exactly one thing.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from guard.cli import app
from guard.registry import open_registry

runner = CliRunner()

MODEL = """
def predict(batch):
    return [{"label": "pos" if "good" in t else "neg", "scores": {"pos": 0.9 if "good" in t else 0.1,
             "neg": 0.1 if "good" in t else 0.9}} for t in batch]
predict.capabilities = ["classify"]
"""
SUITE = "name: s\ntasks:\n  - name: t\n    evaluator: accuracy\n    dataset: {path: rows.jsonl}\n"
POLICY = "name: p\nrules:\n  - id: r\n    metric: t.accuracy\n    min: 0.5\n"
RULE = "name: p\nrules:\n  - id: r\n    metric: t.accuracy\n"


def _suite(body: str) -> dict[str, str]:
    return {"bad.yaml": body}


def _policy(body: str) -> dict[str, str]:
    return {"badp.yaml": body}


EVAL = ["evaluate", "python:{ws}/model.py:predict", "--suite"]
CHECK = ["check", "{ws}/report.json", "--policy"]
BAD_SUITE = [*EVAL, "{ws}/bad.yaml"]
BAD_POLICY_EVAL = [*EVAL, "{ws}/suite.yaml", "--policy", "{ws}/badp.yaml"]
BAD_POLICY_CHECK = [*CHECK, "{ws}/badp.yaml"]
REG = ["--registry", "sqlite:///{ws}/reg.db"]

CASES: list[tuple[str, dict[str, str], list[str], str]] = [
    # --- suites -----------------------------------------------------------------------------------
    ("suite-missing-file", {}, [*EVAL, "{ws}/nope.yaml"], "not found"),
    ("suite-malformed-yaml", _suite("name: s\ntasks: [\n"), BAD_SUITE, "malformed YAML"),
    ("suite-tab-indent", _suite("name: s\ntasks:\n\t- name: t\n"), BAD_SUITE, "malformed YAML"),
    ("suite-top-level-list", _suite("- a\n- b\n"), BAD_SUITE, "mapping at the top level"),
    ("suite-empty-file", _suite(""), BAD_SUITE, "mapping at the top level"),
    ("suite-scalar", _suite("hello\n"), BAD_SUITE, "mapping at the top level"),
    ("suite-unknown-key", _suite(SUITE + "extra: 1\n"), BAD_SUITE, "unknown key 'extra'"),
    ("suite-typo-key", _suite(SUITE.replace("tasks:", "taks:")), BAD_SUITE, "did you mean 'tasks'"),
    ("suite-no-name", _suite(SUITE.replace("name: s\n", "")), BAD_SUITE, "missing required key 'name'"),
    ("suite-no-tasks", _suite("name: s\ntasks: []\n"), BAD_SUITE, "tasks"),
    ("suite-duplicate-task", _suite(SUITE + "  - name: t\n    evaluator: accuracy\n    dataset: {path: rows.jsonl}\n"),
     BAD_SUITE, "used twice"),
    ("suite-task-name-dot", _suite(SUITE.replace("name: t", "name: t.x")), BAD_SUITE, "tasks.0.name"),
    ("suite-unknown-evaluator", _suite(SUITE.replace("evaluator: accuracy", "evaluator: acuracy")), BAD_SUITE,
     "did you mean 'accuracy'"),
    ("suite-unknown-param", _suite(SUITE + "    params: {mod: classify}\n"), BAD_SUITE, "did you mean 'mode'"),
    ("suite-bad-param-value", _suite(SUITE + "    params: {mode: guess}\n"), BAD_SUITE, "mode"),
    ("suite-param-wrong-type", _suite(SUITE + "    params: {max_findings: many}\n"), BAD_SUITE, "max_findings"),
    ("suite-negative-param", _suite(SUITE + "    params: {max_findings: -1}\n"), BAD_SUITE, "max_findings"),
    ("suite-bad-template", _suite(SUITE + "    params: {prompt: 'Review: {text'}\n"), BAD_SUITE, "prompt"),
    ("suite-template-unknown-field", _suite(SUITE + "    params: {prompt: 'Review: {txt}'}\n"), BAD_SUITE, "txt"),
    ("suite-dataset-no-path", _suite(SUITE.replace("{path: rows.jsonl}", "{columns: {text: t}}")), BAD_SUITE,
     "path"),
    ("suite-dataset-missing-file", _suite(SUITE.replace("rows.jsonl", "nope.jsonl")), BAD_SUITE, "not found"),
    ("suite-dataset-bad-format", _suite(SUITE.replace("{path: rows.jsonl}", "{path: rows.jsonl, format: xls}")),
     BAD_SUITE, "format"),
    ("suite-dataset-unknown-extension", {**_suite(SUITE.replace("rows.jsonl", "rows.dat")), "rows.dat": "x"},
     BAD_SUITE, "format"),
    ("suite-dataset-limit-zero", _suite(SUITE.replace("{path: rows.jsonl}", "{path: rows.jsonl, limit: 0}")),
     BAD_SUITE, "limit"),
    ("suite-column-missing", _suite(SUITE.replace("{path: rows.jsonl}", "{path: rows.jsonl, columns: {text: txt}}")),
     BAD_SUITE, "no column 'txt'"),
    ("suite-label-column-missing", _suite(SUITE.replace("{path: rows.jsonl}",
                                                        "{path: rows.jsonl, columns: {label: gold}}")),
     BAD_SUITE, "no column 'gold'"),
    ("suite-path-escape", _suite(SUITE.replace("rows.jsonl", "../../../../etc/passwd")), BAD_SUITE,
     "outside the suite's folder"),
    ("suite-absolute-path", _suite(SUITE.replace("rows.jsonl", "/etc/hostname")), BAD_SUITE,
     "outside the suite's folder"),
    ("suite-alias", _suite("name: &n s\ntasks:\n  - name: *n\n    evaluator: accuracy\n"), BAD_SUITE, "alias"),
    ("suite-billion-laughs", _suite("a: &a [x, x]\nb: &b [*a, *a]\nname: s\n"), BAD_SUITE, "alias"),
    ("suite-deep-nesting", _suite("name: s\ntasks: " + "[" * 500 + "]" * 500 + "\n"), BAD_SUITE, "nested"),
    ("suite-python-tag", _suite("name: !!python/object:os.system s\ntasks: []\n"), BAD_SUITE, "not allowed"),
    ("suite-custom-tag", _suite("name: !function s\ntasks: []\n"), BAD_SUITE, "not allowed"),
    ("suite-merge-key", _suite("name: s\ntasks:\n  - {<<: {name: t}, evaluator: accuracy}\n"), BAD_SUITE, "merge"),
    ("suite-duplicate-key", _suite("name: s\nname: t\ntasks: []\n"), BAD_SUITE, "duplicate key 'name'"),
    ("suite-not-utf8", {"bad.yaml": "name: \udcff\n"}, BAD_SUITE, "cannot read"),
    ("suite-is-directory", {"dir.yaml/x": "x"}, [*EVAL, "{ws}/dir.yaml"], "dir.yaml"),
    ("suite-needs-dataset", _suite("name: s\ntasks:\n  - name: t\n    evaluator: accuracy\n"), BAD_SUITE,
     "needs a dataset"),
    ("suite-unknown-builtin", {}, [*EVAL, "dmeo"], "dmeo"),
    ("suite-verbalizer-template",
     _suite(SUITE + "    params: {mode: loglikelihood, verbalizers: {pos: ' {a}', neg: n}}\n"),
     BAD_SUITE, "literal text"),
    ("suite-positive-label-unknown", _suite(SUITE + "    params: {positive_label: positive}\n"), BAD_SUITE,
     "not a label"),
    ("suite-label-map-unknown", _suite(SUITE + "    params: {label_map: {POS: positive}}\n"), BAD_SUITE, "not a label"),
    ("suite-terms-path-escape", _suite("name: s\ntasks:\n  - name: t\n    evaluator: bias.counterfactual\n"
                                       "    params: {terms_path: /etc/hostname}\n"), BAD_SUITE, "outside"),
    ("suite-counterfactual-unknown-axis", _suite("name: s\ntasks:\n  - name: t\n    evaluator: bias.counterfactual\n"
                                                 "    params: {axes: [gendr]}\n"), BAD_SUITE, "gendr"),
    # --- policies ---------------------------------------------------------------------------------
    ("policy-missing-file", {}, [*CHECK, "{ws}/nope.yaml"], "not found"),
    ("policy-unknown-builtin", {}, [*CHECK, "defualt"], "defualt"),
    ("policy-malformed", _policy("name: p\nrules: [\n"), BAD_POLICY_CHECK, "malformed YAML"),
    ("policy-empty", _policy(""), BAD_POLICY_CHECK, "mapping at the top level"),
    ("policy-no-rules", _policy("name: p\nrules: []\n"), BAD_POLICY_CHECK, "rules"),
    ("policy-no-name", _policy(POLICY.replace("name: p\n", "")), BAD_POLICY_CHECK, "missing required key 'name'"),
    ("policy-unknown-key", _policy(POLICY + "owner: me\n"), BAD_POLICY_CHECK, "unknown key 'owner'"),
    ("policy-rule-typo", _policy(POLICY.replace("min:", "minimum:")), BAD_POLICY_CHECK, "did you mean 'min'"),
    ("policy-no-threshold", _policy(RULE), BAD_POLICY_CHECK, "needs min, max or relative"),
    ("policy-nan", _policy(RULE + "    min: .nan\n"), BAD_POLICY_CHECK, "finite"),
    ("policy-inf", _policy(RULE + "    max: .inf\n"), BAD_POLICY_CHECK, "finite"),
    ("policy-minus-inf", _policy(RULE + "    min: -.inf\n"), BAD_POLICY_CHECK, "finite"),
    ("policy-string-threshold", _policy(RULE + "    min: '0.99'\n"), BAD_POLICY_CHECK, "valid number"),
    ("policy-bool-threshold", _policy(RULE + "    min: true\n"), BAD_POLICY_CHECK, "valid number"),
    ("policy-list-threshold", _policy(RULE + "    min: [1]\n"), BAD_POLICY_CHECK, "valid number"),
    ("policy-min-above-max", _policy(RULE + "    min: 0.9\n    max: 0.1\n"), BAD_POLICY_CHECK, "above max"),
    ("policy-bad-severity", _policy(POLICY + "    severity: fatal\n"), BAD_POLICY_CHECK, "severity"),
    ("policy-bad-on", _policy(POLICY + "    on: median\n"), BAD_POLICY_CHECK, "on"),
    ("policy-bad-control", _policy(POLICY + "    controls: [GDPR-1]\n"), BAD_POLICY_CHECK, "not a control id"),
    ("policy-duplicate-rule-ids", _policy(POLICY + "  - id: r\n    metric: t.accuracy\n    max: 1\n"),
     BAD_POLICY_CHECK, "unique"),
    ("policy-bad-rule-id", _policy(POLICY.replace("id: r", "id: 'r r'")), BAD_POLICY_CHECK, "id"),
    ("policy-bad-selector", _policy(POLICY.replace("t.accuracy", "accuracy")), BAD_POLICY_CHECK, "metric"),
    ("policy-relative-no-baseline", _policy(RULE + "    relative: {max_drop: 0.1}\n"), BAD_POLICY_CHECK, "baseline"),
    ("policy-relative-negative-drop", _policy(RULE + "    relative: {baseline: production, max_drop: -1}\n"),
     BAD_POLICY_CHECK, "max_drop"),
    ("policy-relative-nan-drop", _policy(RULE + "    relative: {baseline: production, max_drop: .nan}\n"),
     BAD_POLICY_CHECK, "finite"),
    ("policy-relative-min-n-without-per-group",
     _policy(RULE + "    relative: {baseline: p, max_drop: 0.1, min_n: 5}\n"), BAD_POLICY_CHECK, "per_group"),
    ("policy-min-group-size-zero", _policy(POLICY + "    min_group_size: 0\n"), BAD_POLICY_CHECK, "min_group_size"),
    ("policy-evidence-bad-dataset", _policy(POLICY + "evidence: {tasks: {t: {dataset: abc}}}\n"), BAD_POLICY_CHECK,
     "dataset"),
    ("policy-evidence-bad-sha", _policy(POLICY + "evidence: {suite: {sha256: xyz}}\n"), BAD_POLICY_CHECK, "sha256"),
    ("policy-evidence-min-n-zero", _policy(POLICY + "evidence: {tasks: {t: {min_n: 0}}}\n"), BAD_POLICY_CHECK, "min_n"),
    ("policy-evidence-typo", _policy(POLICY + "evidence: {tasks: {t: {min_rows: 3}}}\n"), BAD_POLICY_CHECK,
     "did you mean 'min_n'"),
    ("policy-evidence-negative-seed", _policy(POLICY + "evidence: {seed: -1}\n"), BAD_POLICY_CHECK, "seed"),
    ("policy-approvals-zero", _policy(POLICY + "approvals: {min: 0}\n"), BAD_POLICY_CHECK, "approvals.min"),
    ("policy-approvals-string", _policy(POLICY + "approvals: {min: two}\n"), BAD_POLICY_CHECK, "approvals.min"),
    ("policy-alias", _policy("name: &n p\nrules:\n  - id: *n\n    metric: t.accuracy\n    min: 1\n"),
     BAD_POLICY_CHECK, "alias"),
    ("policy-tag", _policy("name: !!python/name:os.system p\nrules: []\n"), BAD_POLICY_CHECK, "not allowed"),
    ("policy-typo-metric-before-inference", _policy(POLICY.replace("t.accuracy", "t.acuracy")), BAD_POLICY_EVAL,
     "did you mean 'accuracy'"),
    ("policy-unknown-task-before-inference", _policy(POLICY.replace("t.accuracy", "x.accuracy")), BAD_POLICY_EVAL,
     "names task 'x'"),
    # --- datasets ---------------------------------------------------------------------------------
    ("data-empty-file", {"rows.jsonl": ""}, [*EVAL, "{ws}/suite.yaml"], "rows"),
    ("data-bad-json-line", {"rows.jsonl": '{"text": "a", "label": "pos"}\n{oops\n'}, [*EVAL, "{ws}/suite.yaml"],
     "cannot read"),
    ("data-empty-labels", {"rows.jsonl": '{"text": "a", "label": ""}\n{"text": "b", "label": "pos"}\n'},
     [*EVAL, "{ws}/suite.yaml"], "empty label"),
    ("data-null-labels", {"rows.jsonl": '{"text": "a", "label": null}\n{"text": "b", "label": "pos"}\n'},
     [*EVAL, "{ws}/suite.yaml"], "empty label"),
    ("data-csv-header-only", {"rows.csv": "text,label\n", "c.yaml": SUITE.replace("rows.jsonl", "rows.csv")},
     [*EVAL, "{ws}/c.yaml"], "rows"),
    ("data-tsv-missing-column",
     {"rows.tsv": "sentence\tgold\nx\tpos\n", "c.yaml": SUITE.replace("rows.jsonl", "rows.tsv")},
     [*EVAL, "{ws}/c.yaml"], "no column"),
    ("data-parquet-garbage", {"rows.parquet": "not parquet", "c.yaml": SUITE.replace("rows.jsonl", "rows.parquet")},
     [*EVAL, "{ws}/c.yaml"], "cannot read"),
    ("data-json-garbage", {"rows.json": "{", "c.yaml": SUITE.replace("rows.jsonl", "rows.json")},
     [*EVAL, "{ws}/c.yaml"], "cannot read"),
    ("data-directory", {"rowsdir.jsonl/x": "x", "c.yaml": SUITE.replace("rows.jsonl", "rowsdir.jsonl")},
     [*EVAL, "{ws}/c.yaml"], "rowsdir"),
    ("data-override-missing", {}, [*EVAL, "{ws}/suite.yaml", "--data", "t={ws}/nope.jsonl"], "not found"),
    ("data-override-unknown-task", {}, [*EVAL, "{ws}/suite.yaml", "--data", "x={ws}/rows.jsonl"], "unknown task 'x'"),
    ("data-override-malformed", {}, [*EVAL, "{ws}/suite.yaml", "--data", "rows.jsonl"], "TASK=PATH"),
    ("data-override-empty-path", {}, [*EVAL, "{ws}/suite.yaml", "--data", "t="], "TASK=PATH"),
    # --- model specs ------------------------------------------------------------------------------
    ("model-no-scheme", {}, ["evaluate", "model.py", "--suite", "{ws}/suite.yaml"], "no scheme"),
    ("model-unknown-scheme", {}, ["evaluate", "hff:x", "--suite", "{ws}/suite.yaml"], "did you mean 'hf'"),
    ("model-hf-empty", {}, ["evaluate", "hf:", "--suite", "{ws}/suite.yaml"], "empty path"),
    ("model-python-empty", {}, ["evaluate", "python:", "--suite", "{ws}/suite.yaml"], "empty path"),
    ("model-sklearn-empty", {}, ["evaluate", "sklearn:", "--suite", "{ws}/suite.yaml"], "empty path"),
    ("model-http-empty", {}, ["evaluate", "http:", "--suite", "{ws}/suite.yaml"], "empty path"),
    ("model-hf-missing-dir", {}, ["evaluate", "hf:{ws}/no-such-model/", "--suite", "{ws}/suite.yaml"], "no-such-model"),
    ("model-hf-offline-hub-id", {}, ["evaluate", "hf:someorg/somemodel", "--suite", "{ws}/suite.yaml"], "somemodel"),
    ("model-hf-empty-dir", {"emptymodel/.keep": ""}, ["evaluate", "hf:{ws}/emptymodel", "--suite", "{ws}/suite.yaml"],
     "emptymodel"),
    ("model-python-no-callable", {}, ["evaluate", "python:{ws}/model.py", "--suite", "{ws}/suite.yaml"], "CALLABLE"),
    ("model-python-missing-attr", {}, ["evaluate", "python:{ws}/model.py:predcit", "--suite", "{ws}/suite.yaml"],
     "did you mean 'predict'"),
    ("model-python-missing-file", {}, ["evaluate", "python:{ws}/nope.py:f", "--suite", "{ws}/suite.yaml"],
     "no such file"),
    ("model-python-syntax-error", {"broken.py": "def f(:\n"}, ["evaluate", "python:{ws}/broken.py:f", "--suite",
                                                                "{ws}/suite.yaml"], "syntax error"),
    ("model-python-import-error", {"imp.py": "import no_such_module_xyz\n"},
     ["evaluate", "python:{ws}/imp.py:f", "--suite", "{ws}/suite.yaml"], "no_such_module_xyz"),
    ("model-python-raises-on-import", {"boom.py": "raise RuntimeError('boom at import')\n"},
     ["evaluate", "python:{ws}/boom.py:f", "--suite", "{ws}/suite.yaml"], "boom at import"),
    ("model-python-not-callable", {"const.py": "f = 3\n"}, ["evaluate", "python:{ws}/const.py:f", "--suite",
                                                            "{ws}/suite.yaml"], "not a function"),
    ("model-python-bad-capabilities", {"caps.py": "def f(b): return b\nf.capabilities = ['fly']\n"},
     ["evaluate", "python:{ws}/caps.py:f", "--suite", "{ws}/suite.yaml"], "capabilities"),
    ("model-python-no-module", {}, ["evaluate", "python:no_such_pkg_xyz.mod:f", "--suite", "{ws}/suite.yaml"],
     "no_such_pkg_xyz"),
    ("model-python-bad-artifacts", {"art.py": "GUARD_ARTIFACTS = ['missing.bin']\ndef f(b): return b\n"},
     ["evaluate", "python:{ws}/art.py:f", "--suite", "{ws}/suite.yaml"], "missing.bin"),
    ("model-python-artifacts-escape", {"esc.py": "GUARD_ARTIFACTS = ['../x']\ndef f(b): return b\n"},
     ["evaluate", "python:{ws}/esc.py:f", "--suite", "{ws}/suite.yaml"], "GUARD_ARTIFACTS"),
    ("model-sklearn-missing", {}, ["evaluate", "sklearn:{ws}/nope.skops", "--suite", "{ws}/suite.yaml"], "nope.skops"),
    ("model-sklearn-pickle", {"m.pkl": "x"}, ["evaluate", "sklearn:{ws}/m.pkl", "--suite", "{ws}/suite.yaml"],
     "--trust-pickle"),
    ("model-cannot-do-task", {"gen.py": "def f(b): return ['x' for _ in b]\nf.capabilities = ['generate']\n"},
     ["evaluate", "python:{ws}/gen.py:f", "--suite", "{ws}/suite.yaml", "--policy", "{ws}/policy.yaml"],
     "cannot classify"),
    # --- evaluate flags ---------------------------------------------------------------------------
    ("evaluate-limit-zero", {}, [*EVAL, "{ws}/suite.yaml", "--limit", "0"], "limit"),
    ("evaluate-limit-text", {}, [*EVAL, "{ws}/suite.yaml", "--limit", "ten"], "limit"),
    ("evaluate-seed-negative", {}, [*EVAL, "{ws}/suite.yaml", "--seed", "-1"], "--seed must be 0 or more"),
    ("evaluate-junit-without-policy", {}, [*EVAL, "{ws}/suite.yaml", "--junit", "{ws}/j.xml"], "need --policy"),
    ("evaluate-markdown-without-policy", {}, [*EVAL, "{ws}/suite.yaml", "--markdown", "{ws}/s.md"], "need --policy"),
    ("evaluate-version-without-name", {}, [*EVAL, "{ws}/suite.yaml", "--version", "2"], "--version needs --name"),
    ("evaluate-registry-without-name", {}, [*EVAL, "{ws}/suite.yaml", *REG], "add --name"),
    ("evaluate-version-zero", {}, [*EVAL, "{ws}/suite.yaml", "--name", "m", "--version", "0", *REG], "version"),
    ("evaluate-out-is-dir", {"outdir/x": ""}, [*EVAL, "{ws}/suite.yaml", "--out", "{ws}/outdir"], "is a directory"),
    ("evaluate-out-under-file", {}, [*EVAL, "{ws}/suite.yaml", "--out", "{ws}/model.py/r.json"], "cannot write"),
    ("evaluate-junit-is-dir", {"jdir/x": ""}, [*EVAL, "{ws}/suite.yaml", "--policy", "{ws}/policy.yaml", "--junit",
                                               "{ws}/jdir"], "is a directory"),
    ("evaluate-markdown-under-file", {}, [*EVAL, "{ws}/suite.yaml", "--policy", "{ws}/policy.yaml", "--markdown",
                                         "{ws}/model.py/s.md"], "cannot write"),
    ("evaluate-bad-name", {}, [*EVAL, "{ws}/suite.yaml", "--name", "bad name@1", *REG], "invalid model name"),
    ("evaluate-version-other-artifact", {}, [*EVAL, "{ws}/suite.yaml", "--name", "m", "--version", "1", *REG],
     "different artifact"),
    ("evaluate-unknown-option", {}, [*EVAL, "{ws}/suite.yaml", "--frobnicate"], "frobnicate"),
    ("evaluate-missing-suite-option", {}, ["evaluate", "python:{ws}/model.py:predict"], "--suite"),
    ("evaluate-bad-ner-setting", {}, [*EVAL, "{ws}/suite.yaml"], "en_core_web_no_such_model"),
    # --- check ------------------------------------------------------------------------------------
    ("check-missing-report", {}, ["check", "{ws}/nope.json", "--policy", "{ws}/policy.yaml"], "not found"),
    ("check-bad-json", {"report.json": "{"}, [*CHECK, "{ws}/policy.yaml"], "not valid JSON"),
    ("check-json-array", {"report.json": "[]"}, [*CHECK, "{ws}/policy.yaml"], "JSON object"),
    ("check-wrong-schema", {"report.json": '{"schema_version": "9.0"}'}, [*CHECK, "{ws}/policy.yaml"],
     "schema_version"),
    ("check-invalid-field", {"report.json": '{"schema_version": "1.1", "guard_version": 3}'},
     [*CHECK, "{ws}/policy.yaml"], "invalid report field"),
    ("check-out-of-range", {}, [*CHECK, "{ws}/policy.yaml"], "outside its declared range"),
    ("check-undeclared-metric", {}, [*CHECK, "{ws}/policy.yaml"], "does not declare"),
    ("check-baseline-missing", {}, [*CHECK, "{ws}/policy.yaml", "--baseline", "{ws}/nope.json"], "not found"),
    ("check-junit-is-dir", {"jd/x": ""}, [*CHECK, "{ws}/policy.yaml", "--junit", "{ws}/jd"], "is a directory"),
    ("check-policy-missing-option", {}, ["check", "{ws}/report.json"], "--policy"),
    # --- registry verbs ---------------------------------------------------------------------------
    ("registry-malformed-url", {}, ["history", "m", "--registry", "sqlite//x"], "registry URL"),
    ("registry-unsupported-scheme", {}, ["history", "m", "--registry", "mysql://u:p@h/db"], "unsupported"),
    ("registry-password-hidden", {}, ["history", "m", "--registry", "oracle://u:s3cret@h/db"], "***"),
    ("registry-typo-file", {}, ["audit", "verify", "--registry", "sqlite:///{ws}/typo.db"], "does not exist"),
    ("registry-history-typo-file", {}, ["history", "m", "--registry", "sqlite:///{ws}/typo.db"], "does not exist"),
    ("registry-gate-typo-file", {}, ["gate", "m@1", "--policy", "{ws}/policy.yaml", "--to", "production",
                                     "--registry", "sqlite:///{ws}/typo.db"], "does not exist"),
    ("registry-postgres-unreachable", {}, ["history", "m", "--registry", "postgresql://u:pw@127.0.0.1:1/db"],
     "127.0.0.1"),
    ("history-unknown-model", {}, ["history", "n", *REG], "unknown model 'n'"),
    ("history-typo-model", {}, ["history", "mm", *REG], "did you mean 'm'"),
    ("register-bad-name", {}, ["register", "a b", "python:{ws}/model.py:predict", *REG], "invalid model name"),
    ("register-version-zero", {}, ["register", "m", "python:{ws}/model.py:predict", "--version", "0", *REG], "version"),
    ("register-missing-model", {}, ["register", "m", "python:{ws}/nope.py:f", *REG], "no such file"),
    ("register-version-taken", {}, ["register", "m", "python:{ws}/model.py:predict", "--version", "1", *REG],
     "different artifact"),
    ("gate-bad-ref", {}, ["gate", "m-1", "--policy", "{ws}/policy.yaml", "--to", "production", *REG], "NAME@VERSION"),
    ("gate-unknown-version", {}, ["gate", "m@9", "--policy", "{ws}/policy.yaml", "--to", "production", *REG],
     "unknown version m@9"),
    ("gate-unknown-model", {}, ["gate", "x@1", "--policy", "{ws}/policy.yaml", "--to", "production", *REG],
     "unknown model"),
    ("gate-bad-alias", {}, ["gate", "m@1", "--policy", "{ws}/policy.yaml", "--to", "Prod uction", *REG], "alias"),
    ("gate-missing-policy", {}, ["gate", "m@1", "--policy", "{ws}/nope.yaml", "--to", "production", *REG], "not found"),
    ("gate-junit-is-dir", {"gj/x": ""}, ["gate", "m@1", "--policy", "{ws}/policy.yaml", "--to", "production",
                                         "--junit", "{ws}/gj", *REG], "is a directory"),
    ("waive-no-reason", {}, ["waive", "m@1", "--rule", "r", "--policy", "{ws}/policy.yaml", "--reason", " ",
                             "--expires", "7d", *REG], "reason"),
    ("waive-unknown-rule", {}, ["waive", "m@1", "--rule", "rr", "--policy", "{ws}/policy.yaml", "--reason", "x",
                                "--expires", "7d", *REG], "did you mean 'r'"),
    ("waive-past", {}, ["waive", "m@1", "--rule", "r", "--policy", "{ws}/policy.yaml", "--reason", "x",
                        "--expires", "2020-01-01", *REG], "not in the future"),
    ("waive-far-future", {}, ["waive", "m@1", "--rule", "r", "--policy", "{ws}/policy.yaml", "--reason", "x",
                              "--expires", "9999-12-31", *REG], "366 days"),
    ("waive-overflow", {}, ["waive", "m@1", "--rule", "r", "--policy", "{ws}/policy.yaml", "--reason", "x",
                            "--expires", "99999999d", *REG], "too far"),
    ("waive-bad-expiry", {}, ["waive", "m@1", "--rule", "r", "--policy", "{ws}/policy.yaml", "--reason", "x",
                              "--expires", "next week", *REG], "ISO date or a duration"),
    ("waive-unknown-version", {}, ["waive", "m@4", "--rule", "r", "--policy", "{ws}/policy.yaml", "--reason", "x",
                                   "--expires", "7d", *REG], "unknown version"),
    ("approve-no-reason", {}, ["approve", "m@1", "--reason", "", *REG], "reason"),
    ("approve-past", {}, ["approve", "m@1", "--reason", "ok", "--expires", "2001-01-01", *REG], "not in the future"),
    ("approve-bad-ref", {}, ["approve", "m", "--reason", "ok", *REG], "NAME@VERSION"),
    ("approve-unknown-version", {}, ["approve", "m@3", "--reason", "ok", *REG], "unknown version"),
    ("audit-expect-head-malformed", {}, ["audit", "verify", "--expect-head", "12", *REG], "SEQ:HASH"),
    ("audit-expect-head-short-hash", {}, ["audit", "verify", "--expect-head", "1:abc", *REG], "SEQ:HASH"),
    ("audit-log-limit-zero", {}, ["audit", "log", "--limit", "0", *REG], "limit"),
    # --- other verbs ------------------------------------------------------------------------------
    ("schema-unknown-kind", {}, ["schema", "polcy"], "polcy"),
    ("export-unknown-run", {}, ["export", "99", "--html", "{ws}/r.html", *REG], "99"),
    ("export-unknown-ref", {}, ["export", "m@7", "--html", "{ws}/r.html", *REG], "m@7"),
    ("pii-benchmark-missing-data", {}, ["pii", "benchmark", "--data", "{ws}/nope.json"], "nope.json"),
    ("unknown-verb", {}, ["evalute"], "evalute"),
]


@pytest.fixture(scope="module")
def ws_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The valid workspace, built once per module (a registry with one version and a real ``guard evaluate``
    report); every case gets its own copy, so each case still starts from exactly this state."""
    root = tmp_path_factory.mktemp("ws-template")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        patch.delenv("GUARD_ALLOW_PATH", raising=False)
        patch.setenv("GUARD_ACTOR", "corpus")
        (root / "model.py").write_text(MODEL)
        rows = [{"text": f"a good thing {i}" if i % 2 else f"a bad thing {i}", "label": "pos" if i % 2 else "neg"}
                for i in range(20)]
        (root / "rows.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
        (root / "suite.yaml").write_text(SUITE)
        (root / "policy.yaml").write_text(POLICY)
        with open_registry(f"sqlite:///{root / 'reg.db'}") as store:
            store.register_version("m", "python:elsewhere.py:predict", "sha256:" + "e" * 64, actor="corpus")
        result = runner.invoke(app, ["evaluate", f"python:{root / 'model.py'}:predict", "--suite",
                                     str(root / "suite.yaml"), "--out", str(root / "report.json")])
    assert result.exit_code == 0, result.output
    return root


@pytest.fixture(scope="module")
def template_head(ws_template: Path) -> tuple[int, str]:
    """The template registry's audit head: every case's copy of ``reg.db`` starts at exactly this head."""
    return _registry_head(ws_template)


@pytest.fixture
def ws(ws_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh copy of the template; the report's paths are rewritten to the copy, as if it were evaluated here."""
    shutil.copytree(ws_template, tmp_path, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("__pycache__", "*-wal", "*-shm"))
    report = tmp_path / "report.json"
    report.write_text(report.read_text().replace(str(ws_template), str(tmp_path)))
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GUARD_ALLOW_PATH", raising=False)
    monkeypatch.setenv("GUARD_ACTOR", "corpus")
    return tmp_path


def _snapshot(root: Path) -> dict[str, tuple[int, int]]:
    """Every file with its size and modification time: 'nothing written' means this does not change."""
    return {str(p.relative_to(root)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in sorted(root.rglob("*")) if p.is_file() and "__pycache__" not in p.parts
            and not p.name.endswith(("-wal", "-shm"))}


def _registry_head(root: Path) -> tuple[int, str]:
    with open_registry(f"sqlite:///{root / 'reg.db'}") as store:
        return store.audit_head()


def _prepare(ws: Path, case: str, files: dict[str, str]) -> None:
    for name, content in files.items():
        path = ws / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8", "surrogateescape"))
    if case in ("check-out-of-range", "check-undeclared-metric"):
        report = json.loads((ws / "report.json").read_text())
        metrics = report["results"][0]["metrics"]
        if case == "check-out-of-range":
            metrics["accuracy"].update(value=2.0, ci_high=2.0)
        else:
            metrics["bogus"] = dict(metrics["accuracy"])
        (ws / "report.json").write_text(json.dumps(report))


@pytest.mark.parametrize(("case", "files", "args", "expected"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_one_line_exit_2_and_nothing_written(ws: Path, template_head: tuple[int, str],
                                                          monkeypatch: pytest.MonkeyPatch, case: str,
                                                          files: dict[str, str], args: list[str],
                                                          expected: str) -> None:
    _prepare(ws, case, files)
    if case == "evaluate-bad-ner-setting":
        from guard import redact

        monkeypatch.setenv("GUARD_PII_NER", "en_core_web_no_such_model")
        redact.default_redactor.cache_clear()
        monkeypatch.setattr(redact, "default_redactor", redact.default_redactor)
    assert not any(name.startswith("reg.db") for name in files), "the case's registry head is the template's"
    before, head = _snapshot(ws), template_head
    result = runner.invoke(app, [a.replace("{ws}", str(ws)) for a in args])
    if case == "evaluate-bad-ner-setting":
        from guard import redact

        redact.default_redactor.cache_clear()
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.exit_code == 2, (result.exit_code, result.stdout, result.stderr)
    assert len(lines) == 1 or (lines and lines[0].startswith("Usage:")), result.stderr
    assert "Traceback" not in result.stdout + result.stderr and "internal error" not in result.stderr
    assert expected in result.stderr, result.stderr
    assert _snapshot(ws) == before, "a file was written or changed"
    assert _registry_head(ws) == head, "the registry changed"


def test_the_corpus_is_large_enough() -> None:
    assert len(CASES) >= 150, len(CASES)
    assert len({c[0] for c in CASES}) == len(CASES)


def test_read_only_registry_verbs_create_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "typo.db"
    for args in (["audit", "verify"], ["audit", "head"], ["audit", "log"], ["history", "m"],
                 ["approve", "m@1", "--reason", "x"], ["export", "1", "--html", str(tmp_path / "x.html")]):
        result = runner.invoke(app, [*args, "--registry", f"sqlite:///{missing}"])
        assert result.exit_code == 2, (args, result.output)
    assert not missing.exists() and os.listdir(tmp_path) == []
