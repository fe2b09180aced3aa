"""Which files a ``python:`` spec's fingerprint covers — found without importing the user's code.

Shared by the loader (``guard.models.callable``) and the gate's fingerprint recheck
(``guard.models.artifacts``) so that both resolve a spec to the same files. The module's
``GUARD_ARTIFACTS`` declaration is read with ``ast``; nothing here executes user code (module specs
are located through the import system's finders, parent packages included, without importing them).
"""

from __future__ import annotations

import ast
import importlib
import importlib.machinery
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath

from guard.errors import GuardError
from guard.models.base import ArtifactInfo

DECLARATION = "GUARD_ARTIFACTS"
"""The module-level name a python model lists the files it depends on under."""

SKIPPED_FOLDERS = frozenset({"__pycache__"})
"""Folders never hashed: Python writes them when the model is imported, so they would make the
fingerprint change between registration and the gate."""

_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True)
class PythonTarget:
    """What a ``python:`` spec's module part resolves to.

    ``source`` is the module's file (None for built-in or frozen modules, which have no file: their
    fingerprint is then the spec's identity); ``artifacts`` the files its ``GUARD_ARTIFACTS`` declares,
    sorted, each under ``root`` (the source's folder); ``module`` the dotted name for module specs,
    None for file specs.
    """

    source: Path | None
    artifacts: tuple[Path, ...] = ()
    root: Path | None = None
    module: str | None = None

    def artifact_info(self, callable_name: str | None = None) -> ArtifactInfo | None:
        """The files the fingerprint covers: the source plus its declared artifacts — and the callable's
        name, since ``f.py:good`` and ``f.py:bad`` are two models in one file (one version each)."""
        if self.source is None:
            return None
        root = self.root if self.root is not None else self.source.parent  # resolve() always sets it
        files = sorted({self.source, *self.artifacts}, key=lambda p: p.relative_to(root).as_posix())
        return ArtifactInfo(files=files, root=root, variant=f"callable={callable_name}" if callable_name else "")


def resolve(module_or_file: str, *, spec: str | None = None) -> PythonTarget:
    """Resolve ``FILE.py`` or ``package.module`` (a ``python:`` spec without ``:CALLABLE``).

    Module names are looked up with the current directory first on ``sys.path``, as the loader
    imports them. Raises ``GuardError`` for a missing file or module and for a bad declaration.
    """
    where = spec or module_or_file
    if module_or_file.endswith(".py"):
        path = Path(module_or_file).expanduser().resolve()
        if not path.is_file():
            raise GuardError(f"no such file: {module_or_file}", where=where)
        return PythonTarget(source=path, artifacts=declared_artifacts(path), root=path.parent)
    found = find_module_spec(module_or_file, where=where)
    if not found.has_location or not found.origin:
        return PythonTarget(source=None, module=module_or_file)
    path = Path(found.origin)
    if not path.is_file():
        raise GuardError(f"module '{module_or_file}' resolves to {path}, which is not a file", where=where)
    artifacts = declared_artifacts(path) if path.suffix == ".py" else ()
    return PythonTarget(source=path, artifacts=artifacts, root=path.parent, module=module_or_file)


@contextmanager
def cwd_on_path() -> Iterator[None]:
    """The loader's search path: the current directory first unless ``sys.path`` already has it."""
    cwd = str(Path.cwd())
    added = cwd not in sys.path
    if added:
        sys.path.insert(0, cwd)
    try:
        yield
    finally:
        if added and cwd in sys.path:
            sys.path.remove(cwd)


def find_module_spec(name: str, *, where: str | None = None) -> importlib.machinery.ModuleSpec:
    """``importlib.util.find_spec(name)`` with the current directory first on ``sys.path``, except
    that parent packages are located, not imported (their ``__init__`` is never run), and modules
    already imported are looked up again on disk rather than taken from ``sys.modules``."""
    if not name or any(not part.isidentifier() for part in name.split(".")):
        raise GuardError(f"'{name}' is not a module name or a .py file", where=where,
                         hint="write python:FILE.py:CALLABLE or python:package.module:CALLABLE")
    importlib.invalidate_caches()
    with cwd_on_path():
        search: list[str] | None = None
        found: importlib.machinery.ModuleSpec | None = None
        parts = name.split(".")
        for depth in range(1, len(parts) + 1):
            current = ".".join(parts[:depth])
            found = _find(current, search, where)
            if found is None:
                raise GuardError(f"cannot import '{name}': no module named '{current}'", where=where,
                                 hint="run from the folder that holds the package, or install it")
            if depth < len(parts):
                if found.submodule_search_locations is None:
                    raise GuardError(f"cannot import '{name}': '{current}' is not a package", where=where)
                search = list(found.submodule_search_locations)
    assert found is not None
    return found


def _find(name: str, search: list[str] | None, where: str | None) -> importlib.machinery.ModuleSpec | None:
    for finder in sys.meta_path:
        find = getattr(finder, "find_spec", None)
        if find is None:
            continue
        try:
            found = find(name, search)
        except Exception as exc:  # a broken finder or an unreadable folder
            raise GuardError(f"cannot look up module '{name}': {type(exc).__name__}: {exc}",
                             where=where) from None
        if found is not None:
            return found
    return None


def declared_artifacts(source: Path) -> tuple[Path, ...]:
    """The files ``source``'s module-level ``GUARD_ARTIFACTS`` declares, read statically.

    Each entry is a path relative to the module's folder: a file, a folder (every file under it,
    recursively, ``__pycache__`` skipped) or a glob. Returns the files as paths under that folder,
    sorted; ``()`` when there is no declaration.
    """
    node, entries = _declaration(source)
    if node is None:
        return ()
    root = source.parent
    root_real = root.resolve()
    files: set[Path] = set()
    for text, line in entries:
        where = f"{source}:{line}"
        files.update(_expand(text, root, root_real, where))
    return tuple(sorted(files, key=lambda p: p.relative_to(root).as_posix()))


def _declaration(source: Path) -> tuple[ast.AST | None, list[tuple[str, int]]]:
    try:
        tree = ast.parse(source.read_bytes(), filename=str(source))
    except SyntaxError as exc:
        raise GuardError(f"cannot read {DECLARATION}: syntax error: {exc.msg}",
                         where=f"{source}:{exc.lineno or 1}") from None
    except (OSError, ValueError) as exc:
        raise GuardError(f"cannot read {DECLARATION}: {exc}", where=source) from None
    bindings = [n for n in ast.walk(tree) if _binds(n)]
    if not bindings:
        return None, []
    node = next((n for n in tree.body if _is_declaration(n)), None)
    if len(bindings) > 1 or node is None:
        first = min(getattr(n, "lineno", 1) for n in bindings)
        raise GuardError(
            f"{DECLARATION} must be assigned exactly once, at module level, to a literal list of paths",
            where=f"{source}:{first}",
            hint=f'e.g. {DECLARATION} = ["weights.json", "vocab/"]',
        )
    value = node.value  # type: ignore[attr-defined]
    try:
        entries = ast.literal_eval(value)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        entries = None
    if not isinstance(entries, list) or not all(isinstance(e, str) for e in entries):
        raise GuardError(
            f"{DECLARATION} must be a literal list of strings (paths relative to the module's folder)",
            where=f"{source}:{node.lineno}",
            hint=f'e.g. {DECLARATION} = ["weights.json", "vocab/", "*.npz"]',
        )
    lines = [getattr(e, "lineno", node.lineno) for e in value.elts] if isinstance(value, ast.List) else []
    return node, [(text, lines[i] if len(lines) == len(entries) else node.lineno) for i, text in enumerate(entries)]


def _binds(node: ast.AST) -> bool:
    """Whether ``node`` binds the name (an assignment, loop or with target, import, global...)."""
    if isinstance(node, ast.Name):
        return node.id == DECLARATION and isinstance(node.ctx, ast.Store | ast.Del)
    if isinstance(node, ast.alias):
        return (node.asname or node.name.split(".")[0]) == DECLARATION
    if isinstance(node, ast.Global | ast.Nonlocal):
        return DECLARATION in node.names
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.ExceptHandler | ast.MatchAs):
        return node.name == DECLARATION
    return False


def _is_declaration(node: ast.stmt) -> bool:
    """``GUARD_ARTIFACTS = [...]`` or ``GUARD_ARTIFACTS: list[str] = [...]`` (one plain name target)."""
    if isinstance(node, ast.Assign):
        return len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) and node.targets[0].id == DECLARATION
    if isinstance(node, ast.AnnAssign):
        return isinstance(node.target, ast.Name) and node.target.id == DECLARATION and node.value is not None
    return False


def _expand(text: str, root: Path, root_real: Path, where: str) -> list[Path]:
    normal = text.replace("\\", "/")
    parts = PurePosixPath(normal).parts
    if not text.strip() or normal.startswith("/") or PureWindowsPath(text).drive or Path(text).is_absolute():
        raise GuardError(f"{DECLARATION} entry '{text}' must be a path relative to the module's folder", where=where)
    if ".." in parts:
        raise GuardError(f"{DECLARATION} entry '{text}' leaves the module's folder ({root})", where=where,
                         hint="keep the model's files in or under the folder of its .py file")
    if _GLOB_CHARS & set(normal):
        matches = [p for p in sorted(root.glob(normal)) if not SKIPPED_FOLDERS & set(p.relative_to(root).parts)]
        files = [f for m in matches for f in _files(m, text, root, root_real, where)]
        if not files:
            raise GuardError(f"{DECLARATION} entry '{text}' matches no files in {root}", where=where)
        return files
    path = root / normal
    if not path.exists():
        raise GuardError(f"{DECLARATION} entry '{text}' does not exist: {path}", where=where)
    files = _files(path, text, root, root_real, where)
    if not files:
        raise GuardError(f"{DECLARATION} entry '{text}' is a folder with no files", where=where)
    return files


def _files(
    path: Path, text: str, root: Path, root_real: Path, where: str, ancestors: frozenset[Path] = frozenset()
) -> list[Path]:
    """``path`` itself if it is a file, else every file under it; each must stay inside the root."""
    name = path.relative_to(root).as_posix()
    real = path.resolve()
    if not real.is_relative_to(root_real):
        raise GuardError(f"{DECLARATION} entry '{text}': {name} leads outside the module's folder (to {real})",
                         where=where, hint="keep the model's files in or under the folder of its .py file")
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise GuardError(f"{DECLARATION} entry '{text}': {name} is not a regular file (a broken link?)", where=where)
    if real in ancestors:  # a link back to a folder being walked
        return []
    out: list[Path] = []
    for entry in sorted(os.scandir(path), key=lambda e: e.name):
        if entry.name in SKIPPED_FOLDERS and entry.is_dir():
            continue
        out.extend(_files(path / entry.name, text, root, root_real, where, ancestors | {real}))
    return out
