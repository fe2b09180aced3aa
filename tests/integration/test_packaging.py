"""Built-in suites and policies work after a plain, non-editable install (shipped as package data)."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out),
                    str(REPO)],
                   check=True, timeout=300)
    return next(out.glob("rai_guard-*.whl"))


def test_wheel_carries_builtins_and_data(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in ("guard/_builtin/evaluations/demo.yaml", "guard/_builtin/policies/default.yaml",
                     "guard/_builtin/evaluations/data/sentiment_reviews.jsonl", "guard/cli/__init__.py",
                     "guard/_builtin/dashboard/app.py", "guard/_builtin/dashboard/_common.py",
                     "guard/_builtin/dashboard/pages/run.py", "guard/_builtin/dashboard/pages/approvals.py",
                     "guard/_builtin/evaluations/bbq.yaml", "guard/_builtin/evaluations/data/bbq_sample.jsonl",
                     "guard/_builtin/evaluations/data/LICENSES.md", "guard/_builtin/evaluations/toxicity.yaml",
                     "guard/_builtin/evaluations/demo-risks.yaml", "guard/_builtin/policies/bbq.yaml",
                     "guard/_builtin/policies/toxicity.yaml", "guard/_builtin/policies/demo-risks.yaml"):
        assert required in names, required
    assert not any("sst2/dev.tsv" in n or "hurtlex" in n.lower() for n in names), "license: never ship SST-2/HurtLex"


def test_installed_wheel_finds_builtins_from_any_directory(wheel: Path, tmp_path: Path) -> None:
    """One interpreter on the installed copy (not the checkout) finds the built-ins, then runs the dashboard."""
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
                   check=True, timeout=300)
    code = (
        "import guard, guard.resources as r;"
        f"assert guard.__file__.startswith({str(target)!r}), guard.__file__;"
        "s = guard.load_suite('evaluations/demo.yaml'); p = guard.load_policy('default');"
        "app = r.dashboard_app(); assert app.is_file() and (app.parent / 'pages' / 'overview.py').is_file(), app;"
        "print(s.name, p.name, r.builtin_dir('evaluations'), app, flush=True);"
        "from streamlit.testing.v1 import AppTest;"
        "at = AppTest.from_file(str(r.dashboard_app()), default_timeout=60).run();"
        "assert not at.exception, [e.value for e in at.exception]; print(at.title[0].value)"
    )
    env = {**os.environ, "PYTHONPATH": str(target), "GUARD_REGISTRY": f"sqlite:///{tmp_path / 'registry.db'}"}
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    found, title = proc.stdout.splitlines()
    assert found.startswith("demo default " + str(target))
    assert found.split()[-1] == str(target / "guard" / "_builtin" / "dashboard" / "app.py")
    assert title.strip() == "Overview", proc.stderr  # the installed app runs
