"""Suites (``evaluations/*.yaml``): which evaluators run on which data, with which parameters.

Loading a suite validates everything that can be checked without the model — keys, evaluator
names, evaluator parameters — so a typo fails in a second with file:line, not after an hour.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator

from guard import resources
from guard._yaml import Loc, line_of, load_model_file, validation_error
from guard.errors import GuardError

FORMATS = ("csv", "tsv", "jsonl", "json", "parquet")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DatasetSpec(_Strict):
    """A task's data: a local file (relative to the suite file) or a hub dataset id."""

    path: str = Field(description="csv / tsv / jsonl / json / parquet file, or a hub dataset id.")
    columns: dict[str, str] = Field(
        default_factory=dict, description="Role -> column name, e.g. {text: sentence, label: label}."
    )
    split: str | None = Field(default=None,
                              description="Hub dataset split (default: validation, else test, else train).")
    subset: str | None = Field(default=None, description="Hub dataset configuration name.")
    format: Literal["csv", "tsv", "jsonl", "json", "parquet"] | None = Field(
        default=None, description="File format when the extension does not say."
    )
    limit: int | None = Field(default=None, gt=0, description="Use only the first N rows.")


class TaskSpec(_Strict):
    """One evaluator run on one dataset; its metrics are addressed as ``<name>.<metric>``."""

    name: str = Field(pattern=r"^[A-Za-z0-9_-]+$", description="Unique in the suite; no dots.")
    evaluator: str = Field(description="Registered evaluator name, e.g. 'accuracy'.")
    dataset: DatasetSpec | None = None
    params: dict[str, Any] = Field(default_factory=dict, description="Evaluator parameters.")


class Suite(_Strict):
    """A named list of tasks."""

    name: str
    description: str = ""
    tasks: list[TaskSpec] = Field(min_length=1)

    _source: Path | None = PrivateAttr(default=None)
    _sha256: str = PrivateAttr(default="")
    _lines: dict[Loc, int] = PrivateAttr(default_factory=dict)
    _params: dict[str, BaseModel] = PrivateAttr(default_factory=dict)

    @field_validator("tasks")
    @classmethod
    def _unique_names(cls, tasks: list[TaskSpec]) -> list[TaskSpec]:
        seen: set[str] = set()
        for task in tasks:
            if task.name in seen:
                raise ValueError(f"task name '{task.name}' is used twice; names must be unique")
            seen.add(task.name)
        return tasks

    @property
    def source(self) -> Path | None:
        return self._source

    @property
    def sha256(self) -> str:
        return self._sha256

    @property
    def base_dir(self) -> Path:
        return self._source.parent if self._source else Path.cwd()

    def where(self, *loc: Any) -> str:
        """``file:line`` of a key inside this suite, for error messages."""
        source = str(self._source) if self._source else f"suite '{self.name}'"
        line = line_of(self._lines, loc)
        return f"{source}:{line}" if line and self._source else source

    def params_for(self, task: str) -> BaseModel:
        """The task's parameters, validated against its evaluator's parameter model."""
        return self._params[task]

    def task(self, name: str) -> TaskSpec:
        for task in self.tasks:
            if task.name == name:
                return task
        raise KeyError(name)


def load_suite(path: str | Path, *, allowed_roots: Sequence[Path] = ()) -> Suite:
    """Load and fully validate a suite file (a path, or a built-in name such as ``demo``).

    Files its params name must lie under the suite's folder, ``allowed_roots`` or ``GUARD_ALLOW_PATH``.
    """
    resolved = resources.resolve(path, "evaluations")
    suite, lines = load_model_file(resolved, Suite)
    suite._source = resolved.resolve()
    suite._sha256 = hashlib.sha256(resolved.read_bytes()).hexdigest()
    suite._lines = lines
    _bind_evaluators(suite, allowed_roots=allowed_roots)
    return suite


def suite_from_dict(data: dict[str, Any], *, base_dir: Path | None = None) -> Suite:
    """Build a suite in code (tests, notebooks); validated exactly like a file."""
    try:
        suite = Suite.model_validate(data)
    except ValidationError as exc:
        raise validation_error(exc, Suite, "suite", {}) from None
    if base_dir is not None:
        suite._source = (base_dir / "<inline>.yaml").resolve()
    suite._sha256 = hashlib.sha256(repr(sorted(data.items())).encode()).hexdigest()
    _bind_evaluators(suite, confine=False)
    return suite


def _bind_evaluators(suite: Suite, *, allowed_roots: Sequence[Path] = (), confine: bool = True) -> None:
    from guard.evaluators import get_evaluator

    for index, task in enumerate(suite.tasks):
        try:
            info = get_evaluator(task.evaluator)
        except GuardError as exc:
            raise GuardError(exc.message, where=suite.where("tasks", index, "evaluator"), hint=exc.hint) from None
        try:
            # base_dir lets params that name files (term lists, lexicons) resolve against the suite file.
            # Files a param names resolve against the suite's folder — and, for a suite read from a file
            # (it may come from an untrusted pull request), must lie under it or an allowed root.
            context = {"base_dir": suite.base_dir, "confine": suite._source is not None and confine,
                       "allowed_roots": list(allowed_roots)}
            suite._params[task.name] = info.params_model.model_validate(task.params, context=context)
        except GuardError as exc:  # a file named by a param (term list, lexicon) is itself malformed
            raise GuardError(f"task '{task.name}' ({task.evaluator}): {exc.message}", where=exc.where,
                             hint=exc.hint) from None
        except ValidationError as exc:
            lines = {k[3:]: v for k, v in suite._lines.items() if k[:3] == ("tasks", index, "params")}
            err = validation_error(exc, info.params_model, "", lines)
            line = err.where.lstrip(":") if err.where else None
            where = f"{suite._source}:{line}" if line and suite._source else suite.where("tasks", index, "params")
            raise GuardError(
                f"task '{task.name}' ({task.evaluator}) params: {err.message}", where=where, hint=err.hint
            ) from None
        literal = _placeholder_outside_template(task.params)
        if literal is not None:
            key, text = literal
            hint = ("for per-row answer options use mode: multiple_choice with choices: [ans0, ans1, ...] "
                    "and the gold index or text as label" if key.startswith("verbalizers")
                    else "only prompt templates fill {fields}; write the value out")
            raise GuardError(f"task '{task.name}' ({task.evaluator}) params.{key} = {text!r} holds a placeholder, "
                             "but it is not a template: it would be used as that literal text for every row",
                             where=suite.where("tasks", index, "params", *key.split(".")[:1]), hint=hint)
        if task.dataset is None and info.needs_dataset:
            raise GuardError(
                f"task '{task.name}' needs a dataset (evaluator '{task.evaluator}' reads one)",
                where=suite.where("tasks", index),
                hint="add 'dataset: {path: ..., columns: {...}}'",
            )


_PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")


def _placeholder_outside_template(params: dict[str, Any], prefix: str = "") -> tuple[str, str] | None:
    """The first string param, other than a prompt template, that holds a ``{field}`` placeholder: a user
    writing ``" {ans0}"`` as a verbalizer expects per-row values and would silently get the literal text."""
    for key, value in params.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            found = _placeholder_outside_template(value, f"{name}.")
            if found:
                return found
        values = value if isinstance(value, list) else [value]
        for item in values:
            if isinstance(item, str) and "prompt" not in name and _PLACEHOLDER.search(item):
                return name, item
    return None
