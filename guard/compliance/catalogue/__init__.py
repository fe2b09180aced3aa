"""The shipped control catalogues, one YAML file per framework, read into typed models."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field

from guard.errors import GuardError, did_you_mean

FRAMEWORKS = ("eu-ai-act", "nist-ai-rmf", "iso-42001")
_HERE = Path(__file__).resolve().parent

Strength = Literal["primary", "supporting", "partial"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Control(_Frozen):
    id: str = Field(description="Control id as policies write it (shared/COMPLIANCE.md's scheme).")
    title: str = Field(default="", description="The note's one-line paraphrase; empty where it gives none.")
    checks: dict[str, Strength] = Field(description="guard check -> how strongly it evidences the control.")
    notes: list[str] = Field(default_factory=list)


class Catalogue(_Frozen):
    framework: str
    title: str
    source: str
    caveat: str
    checks: dict[str, str] = Field(description="guard check -> what it covers.")
    controls: list[Control]

    def control(self, control_id: str) -> Control | None:
        return next((c for c in self.controls if c.id == control_id), None)


def check_framework(name: str) -> str:
    """``name`` when it is a shipped framework; else one clear error with a did-you-mean."""
    if name not in FRAMEWORKS:
        raise GuardError(f"unknown compliance framework '{name}'",
                         hint=did_you_mean(name, FRAMEWORKS))
    return name


@cache
def load_catalogue(framework: str) -> Catalogue:
    check_framework(framework)
    data = yaml.safe_load((_HERE / f"{framework}.yaml").read_text(encoding="utf-8"))
    return Catalogue.model_validate(data)
