"""The Alembic revisions ship in the wheel: a plain, non-editable install migrates a fresh registry."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]


def test_non_editable_install_migrates_a_fresh_registry(tmp_path: Path) -> None:
    wheels, site = tmp_path / "wheels", tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(wheels),
                    str(REPO)], check=True, timeout=300)
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(site),
                    str(next(wheels.glob("rai_guard-*.whl")))], check=True, timeout=300)
    code = (
        "import sqlite3, guard.registry as r;"
        f"assert r.__file__.startswith({str(site)!r}), r.__file__;"
        "s = r.open_registry('sqlite:///reg/registry.db'); s.register_version('m', 'hf:a', 'fp', actor='a');"
        "assert s.verify_audit().ok; s.close();"
        "print(sqlite3.connect('reg/registry.db').execute('select version_num from alembic_version').fetchone()[0])"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "0003"
