"""Where built-in suites, policies and the dashboard live, in a checkout and after a non-editable install.

A wheel carries ``evaluations/``, ``policies/`` and ``dashboard/`` as ``guard/_builtin/...``; a checkout (or an
editable install) has them at the repository root. ``resolve`` lets a user write either a real
path or a built-in's path relative to the project (``evaluations/demo.yaml``) from anywhere.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent
KINDS = ("evaluations", "policies")


def builtin_dir(kind: str) -> Path:
    """The directory holding the built-in ``evaluations`` or ``policies``."""
    packaged = _PACKAGE_DIR / "_builtin" / kind
    if packaged.is_dir():
        return packaged
    return _PACKAGE_DIR.parent / kind


def resolve(path: str | Path, kind: str) -> Path:
    """``path`` if it exists; else the built-in of that name (``demo``, ``demo.yaml`` or ``evaluations/demo.yaml``)."""
    candidate = Path(path)
    if candidate.exists():
        return candidate
    parts = candidate.parts
    name = Path(*parts[1:]) if parts and parts[0] == kind else candidate
    builtin = builtin_dir(kind) / name
    if builtin.suffix == "":
        builtin = builtin.with_suffix(".yaml")
    return builtin if builtin.exists() else candidate


def builtin_names(kind: str) -> list[str]:
    directory = builtin_dir(kind)
    return sorted(p.stem for p in directory.glob("*.yaml")) if directory.is_dir() else []


def dashboard_app() -> Path:
    """The Streamlit entry script (``dashboard/app.py``) that ``guard dashboard`` runs."""
    packaged = _PACKAGE_DIR / "_builtin" / "dashboard" / "app.py"
    return packaged if packaged.is_file() else _PACKAGE_DIR.parent / "dashboard" / "app.py"
