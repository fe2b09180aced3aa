"""Prompt templates: ``{text}``-style fields filled from a row's roles, validated up front."""

from __future__ import annotations

import string
from typing import Any


def template_fields(template: str) -> set[str]:
    """The field names a template uses; raises ValueError on a malformed template."""
    fields = set()
    for _, name, spec, conversion in string.Formatter().parse(template):
        if name is None:
            continue
        if not name.isidentifier():
            raise ValueError(f"prompt field '{{{name}}}' must be a plain role name such as {{text}}")
        if spec or conversion:
            raise ValueError(f"prompt field '{{{name}}}' may not use format specs or conversions")
        fields.add(name)
    return fields


def render(template: str, records: list[dict[str, Any]]) -> list[str]:
    return [template.format_map(record) for record in records]
