"""Where a suite may read files: its own folder, plus what the user allows.

A suite can come from an untrusted pull request, and what it reads ends up in findings. So a
path a suite names (a dataset, a term list, a lexicon) must resolve — symlinks followed — under
the suite's folder or under a root the user allowed with ``--allow-path DIR`` or the
``GUARD_ALLOW_PATH`` environment variable (``os.pathsep``-separated). Paths given on the command
line (``--data TASK=PATH``) are the user's own and are not confined.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from guard.errors import GuardError

ALLOW_PATH_ENV = "GUARD_ALLOW_PATH"
ALLOW_HINT = f"pass --allow-path DIR or set {ALLOW_PATH_ENV}"


def allowed_roots_from_env(environ: Mapping[str, str] | None = None) -> list[Path]:
    """The directories in ``GUARD_ALLOW_PATH`` (empty entries skipped; ``~`` expanded)."""
    value = (os.environ if environ is None else environ).get(ALLOW_PATH_ENV, "")
    return [Path(entry).expanduser() for entry in value.split(os.pathsep) if entry.strip()]


def allowed_roots(extra: Iterable[str | Path] = (), environ: Mapping[str, str] | None = None) -> list[Path]:
    """``extra`` (e.g. the ``--allow-path`` values) followed by the ``GUARD_ALLOW_PATH`` entries."""
    return [*(Path(p).expanduser() for p in extra), *allowed_roots_from_env(environ)]


def confine(path: Path, *, base_dir: Path, allowed: Sequence[Path] = (), where: str = "", what: str = "path") -> Path:
    """``path`` resolved (symlinks followed) when it lies under ``base_dir`` or an ``allowed`` root.

    Otherwise a one-line ``GuardError``: where (the suite's ``file:line``), the path, why (outside
    the suite's folder), and how to allow it. Existence is not checked here, so a refusal says
    nothing about whether a file outside exists.
    """
    resolved = Path(path).expanduser().resolve()
    base = Path(base_dir).expanduser().resolve()
    roots = [base, *(Path(root).expanduser().resolve() for root in allowed)]
    if any(resolved == root or resolved.is_relative_to(root) for root in roots):
        return resolved
    shown = str(path) if str(path) == str(resolved) else f"{path} (resolves to {resolved})"
    extra = ", ".join(str(root) for root in roots[1:])
    why = f"outside the suite's folder {base}" + (f" and the allowed paths {extra}" if extra else "")
    raise GuardError(f"{what} {shown} is {why}", where=where or None, hint=ALLOW_HINT)


def confine_param_file(path: Path, context: Mapping[str, object] | None, *, what: str) -> Path:
    """A file an evaluator param names (term list, lexicon, probes), confined like a dataset path when
    the suite came from a file (``context["confine"]``); the files shipped under ``evaluations/`` are
    always allowed (built-in suites name them)."""
    if not context or not context.get("confine"):
        return path
    from guard.resources import builtin_dir

    extra = context.get("allowed_roots") or ()
    roots = [*(Path(str(r)) for r in extra), *allowed_roots_from_env(), builtin_dir("evaluations")]  # type: ignore[attr-defined]
    return confine(path, base_dir=Path(str(context["base_dir"])), allowed=roots, what=what)
