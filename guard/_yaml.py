"""Strict YAML → pydantic loading with file:line errors and did-you-mean.

Suites and policies are data: only YAML's safe types are accepted (no ``!function``, no tags that
construct objects), duplicate keys are errors, and every validation error names the line of the
offending key so the user can jump straight to it.

Parsing is bounded, so a hostile or broken file fails fast with one line instead of exhausting memory
or the Python stack: files over ``MAX_FILE_BYTES`` are refused before parsing; aliases (``*name``) are
refused outright, so the "billion laughs" expansion cannot happen and a policy reads the same to every
reviewer (as with merge keys); and the composer stops at ``MAX_DEPTH`` levels of nesting and at
``MAX_NODES`` values, before the recursive construction step can run.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from guard.errors import GuardError, did_you_mean

Model = TypeVar("Model", bound=BaseModel)
Loc = tuple[Any, ...]


# Built-in suites and policies are under 5 KB and a few hundred values. These limits are far above any
# real one and bound the worst case for an accepted file (pure-Python parsing) to about two seconds;
# anything refused is refused as soon as the limit is met, with the line where it was met.
MAX_FILE_BYTES = 1024 * 1024
MAX_DEPTH = 100
MAX_NODES = 100_000


class _LineLoader(yaml.SafeLoader):
    """SafeLoader that remembers the line of every mapping key and sequence item, within limits."""

    def __init__(self, stream: str, source: str):
        super().__init__(stream)
        self.source = source
        self.lines: dict[Loc, int] = {}
        self._depth = 0
        self._nodes = 0

    def _where(self, event: yaml.Event) -> str:
        mark = event.start_mark  # set on every event the parser emits
        return f"{self.source}:{mark.line + 1}" if mark is not None else self.source

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        # The composer and the constructor recurse once per nesting level: stopping here, before the
        # child is composed, keeps both far from Python's recursion limit.
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise GuardError(
                f"YAML alias '*{event.anchor}' is not supported",
                where=self._where(event),
                hint="write the value out; a policy should read the same to every reviewer, "
                "and aliases can expand without limit",
            )
        self._nodes += 1
        if self._nodes > MAX_NODES:
            raise GuardError(
                f"YAML has more than {MAX_NODES:,} values",
                where=self._where(event),
                hint="suites and policies are small; keep data in the dataset files they point to",
            )
        if self._depth >= MAX_DEPTH:
            raise GuardError(
                f"YAML is nested more than {MAX_DEPTH} levels deep",
                where=self._where(event),
                hint="suites and policies are shallow; flatten the structure",
            )
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    mapping: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            raise GuardError(f"duplicate key '{key}'", where=f"{loader.source}:{key_node.start_mark.line + 1}")
        mapping[key] = loader.construct_object(value_node, deep=True)
    return mapping


def _reject_tag(loader: _LineLoader, suffix: str, node: yaml.Node) -> Any:
    if node.tag == "tag:yaml.org,2002:merge":
        raise GuardError(
            "YAML merge keys (<<) are not supported",
            where=f"{loader.source}:{node.start_mark.line + 1}",
            hint="write the keys out; a policy should read the same to every reviewer",
        )
    raise GuardError(
        f"YAML tag '{node.tag}' is not allowed",
        where=f"{loader.source}:{node.start_mark.line + 1}",
        hint="suites and policies are plain data; remove the tag",
    )


# YAML 1.1 reads on/off/yes/no as booleans, so `on: ci_low` or a `{yes: ..., no: ...}` label map would
# silently become True/False keys. Only true/false are booleans here.
_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_LineLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_multi_constructor("!", _reject_tag)
_LineLoader.add_multi_constructor("tag:", _reject_tag)


def _record_lines(root: yaml.Node, lines: dict[Loc, int]) -> None:
    """Line of every node by key path (a key's own line for mapping values); iterative, same order."""
    stack: list[tuple[yaml.Node, Loc, int | None]] = [(root, (), None)]
    while stack:
        node, loc, key_line = stack.pop()
        if key_line is not None:
            lines[loc] = key_line
        lines.setdefault(loc, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            children = [(v, (*loc, k.value), k.start_mark.line + 1) for k, v in node.value]
        elif isinstance(node, yaml.SequenceNode):
            children = [(item, (*loc, index), None) for index, item in enumerate(node.value)]
        else:
            continue
        stack.extend(reversed(children))


def read_yaml(path: Path) -> tuple[Any, dict[Loc, int]]:
    """Parse a YAML file safely; return the data and a map from key path to line number."""
    try:
        size = path.stat().st_size
        if size <= MAX_FILE_BYTES:
            # Read at most one character over the cap: a FIFO or /proc file can report size 0.
            with path.open(encoding="utf-8") as stream:
                text = stream.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise GuardError("file not found", where=path) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise GuardError(f"cannot read file: {exc}", where=path) from None
    if size > MAX_FILE_BYTES or len(text) > MAX_FILE_BYTES:
        of = f" ({size:,} bytes)" if size > MAX_FILE_BYTES else ""
        raise GuardError(
            f"file is larger than the {MAX_FILE_BYTES // (1024 * 1024)} MiB limit{of}; not parsed",
            where=path,
            hint="suites and policies are small; keep data in the dataset files they point to",
        )
    loader = _LineLoader(text, str(path))
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f":{mark.line + 1}" if mark else ""
        raise GuardError(f"malformed YAML: {exc.problem or exc.context}", where=f"{path}{line}") from None
    except yaml.YAMLError as exc:
        raise GuardError(f"malformed YAML: {exc}", where=path) from None
    finally:
        loader.dispose()
    lines: dict[Loc, int] = {}
    if node is not None:
        _record_lines(node, lines)
    return data, lines


def line_of(lines: dict[Loc, int], loc: Loc) -> int | None:
    """Line of the deepest recorded prefix of ``loc``."""
    for end in range(len(loc), -1, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return None


def _fields_at(model: type[BaseModel], loc: Loc) -> list[str]:
    """Field names valid at ``loc`` inside ``model`` (for did-you-mean on unknown keys)."""
    current: Any = model
    keyed = False  # the previous part was a dict[str, Model] field: this part is a user's key, not a field
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        if keyed:
            keyed = False
            continue
        fields = getattr(current, "model_fields", None)
        if not fields or part not in fields:
            return []
        annotation = fields[part].annotation
        keyed = _is_mapping(annotation)
        current = _model_in(annotation)
    fields = getattr(current, "model_fields", None)
    return [info.alias or name for name, info in fields.items()] if fields else []


def _is_mapping(annotation: Any) -> bool:
    if getattr(annotation, "__origin__", None) is dict:
        return True
    return any(_is_mapping(arg) for arg in getattr(annotation, "__args__", ()) or ())


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def validation_error(exc: ValidationError, model: type[BaseModel], source: str, lines: dict[Loc, int]) -> GuardError:
    """The first pydantic error as one GuardError line: file:line, field, problem, did-you-mean."""
    errors = exc.errors()
    # A misspelt required key shows up twice: as unknown and as missing. The unknown one has the hint.
    err = next((e for e in errors if e["type"] == "extra_forbidden"), errors[0])
    loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
    line = line_of(lines, loc)
    where = f"{source}:{line}" if line else source
    field = ".".join(str(p) for p in loc) or "(top level)"
    if err["type"] == "extra_forbidden":
        hint = did_you_mean(str(loc[-1]), _fields_at(model, loc[:-1]))
        return GuardError(f"unknown key '{field}'", where=where, hint=hint)
    if err["type"] == "missing":
        return GuardError(f"missing required key '{field}'", where=where)
    message = err["msg"].removeprefix("Value error, ")
    return GuardError(f"{field}: {message}", where=where)


def load_model_file(path: Path, model: type[Model], *,
                    context: dict[str, Any] | None = None) -> tuple[Model, dict[Loc, int]]:
    """Read ``path`` and validate it as ``model``; any problem becomes one GuardError line."""
    data, lines = read_yaml(path)
    if not isinstance(data, dict):
        raise GuardError("expected a mapping at the top level (keys such as 'name:')", where=f"{path}:1")
    try:
        return model.model_validate(data, context=context), lines
    except ValidationError as exc:
        raise validation_error(exc, model, str(path), lines) from None
