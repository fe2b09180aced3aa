"""Your own identifiers without code: a YAML file of regex patterns, context words, a checksum and
deny-lists, in Presidio's recognizer-registry format where it fits.

```yaml
recognizers:
  - name: employee id                 # Presidio keys: name, supported_entity, supported_language,
    supported_entity: EMPLOYEE_ID     # patterns [{name, regex, score}], context, deny_list,
    patterns:                         # deny_list_score, type (custom)
      - {name: emp, regex: 'E-\\d{6}', score: 0.3}
    context: [employee, staff id]     # a context word near a match raises its score
    context_score: 0.9                # guard: the score with a context word (default score + 0.35)
    validation: luhn                  # guard: luhn | mod97 | iban | ssn | none (a checksum)
  - name: project names
    supported_entity: INTERNAL_PROJECT
    deny_list: [Project Falcon, Bluebird]
```

A match counts when its score (after context) reaches the scanner's threshold; a validation
rejects a match that fails it. Deny-list entries match as whole words, case-insensitively, at
``deny_list_score`` (default 1.0). Unknown keys, an invalid regex, a score outside [0, 1], an entity
name that is not UPPER_SNAKE_CASE, or a name clash with a built-in entity type are one GuardError
line with the file and line (exit 2 on the command line).

``GUARD_PII_RECOGNIZERS`` names such a file for every scanner in the process (``pii.output``,
``pii.dataset``, evidence redaction); ``get_scanner(recognizers=FILE)`` / ``PIIScanner(recognizers=FILE)``
for one scanner. Custom recognizers rank below guard's built-in rules when spans overlap, so the
measured quality of the built-in types still holds; the custom types themselves are not measured.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from guard.errors import GuardError

RECOGNIZERS_ENV = "GUARD_PII_RECOGNIZERS"
_ENTITY_NAME = re.compile(r"[A-Z][A-Z0-9_]*")
_DEFAULT_FLAGS = re.IGNORECASE | re.MULTILINE | re.DOTALL  # Presidio's global_regex_flags default


class PatternSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = "pattern"
    regex: str
    score: float = Field(ge=0.0, le=1.0)

    @field_validator("regex")
    @classmethod
    def _compiles(cls, regex: str) -> str:
        try:
            re.compile(regex)
        except re.error as exc:
            raise ValueError(f"invalid regex '{regex}': {exc}") from None
        if re.fullmatch(regex, ""):
            raise ValueError(f"regex '{regex}' matches the empty string")
        return regex


class RecognizerSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    supported_entity: str
    supported_language: Literal["en"] = "en"
    type: Literal["custom"] = "custom"
    patterns: list[PatternSpec] = Field(default_factory=list)
    context: list[str] = Field(default_factory=list)
    context_score: float | None = Field(default=None, ge=0.0, le=1.0)
    validation: Literal["none", "luhn", "mod97", "iban", "ssn"] = "none"
    deny_list: list[str] = Field(default_factory=list)
    deny_list_score: float = Field(default=1.0, ge=0.0, le=1.0)

    @field_validator("supported_entity")
    @classmethod
    def _entity_name(cls, name: str) -> str:
        if not _ENTITY_NAME.fullmatch(name):
            raise ValueError(f"entity name '{name}' must be UPPER_SNAKE_CASE (letters, digits, _)")
        from guard.pii import SUPPORTED_ENTITIES

        if name in SUPPORTED_ENTITIES:
            raise ValueError(f"'{name}' is a built-in entity type; name your own type differently")
        return name

    @field_validator("deny_list", "context")
    @classmethod
    def _no_blank(cls, words: list[str]) -> list[str]:
        if any(not str(w).strip() for w in words):
            raise ValueError("an entry is empty")
        return [str(w).strip() for w in words]

    @model_validator(mode="after")
    def _something_to_match(self) -> RecognizerSpec:
        if not self.patterns and not self.deny_list:
            raise ValueError(f"recognizer '{self.name}' has neither patterns nor a deny_list")
        return self


class RecognizersFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    recognizers: list[RecognizerSpec] = Field(min_length=1)
    supported_languages: list[str] | None = None
    global_regex_flags: int | None = None

    @field_validator("supported_languages")
    @classmethod
    def _english(cls, languages: list[str] | None) -> list[str] | None:
        if languages is not None and "en" not in languages:
            raise ValueError("guard's scanner is English-only: supported_languages must include 'en'")
        return languages


def _mod97(candidate: str) -> bool:
    digits = "".join(c for c in candidate if c.isdigit())
    return bool(digits) and int(digits) % 97 == 1  # ISO 7064 MOD 97-10 over the digits


def _validator(kind: str) -> Any:
    from guard.pii import recognizers as r

    return {"none": None, "luhn": r.luhn_ok, "mod97": _mod97,
            "iban": lambda s: r.iban_checksum_ok(re.sub(r"[ -]", "", s)), "ssn": r.ssn_ok}[kind]


@functools.lru_cache(maxsize=16)
def _load(path: str, mtime: float) -> tuple[RecognizersFile, str]:
    from guard._yaml import load_model_file

    model, _ = load_model_file(Path(path), RecognizersFile)
    digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    return model, digest


def load(path: str | os.PathLike[str]) -> tuple[RecognizersFile, dict[str, str]]:
    """The validated file and what identifies it (name and sha256) for the scanner's configuration."""
    p = Path(path).expanduser()
    try:
        mtime = p.stat().st_mtime
    except OSError:
        raise GuardError("recognizers file not found", where=p) from None
    model, digest = _load(str(p.resolve()), mtime)
    return model, {"file": p.name, "sha256": digest}


def rules(spec: RecognizersFile) -> list[Any]:
    """guard ``EntityRules`` for each recognizer of the file (patterns and deny-list)."""
    from guard.pii.recognizers import EntityRules, Rule

    flags = spec.global_regex_flags if spec.global_regex_flags is not None else _DEFAULT_FLAGS
    out = []
    for rec in spec.recognizers:
        validate = _validator(rec.validation)
        rule_list = []
        for pattern in rec.patterns:
            with_context = rec.context_score
            if with_context is None:  # as Presidio's context enhancer raises a score
                with_context = max(min(1.0, pattern.score + 0.35), 0.4)
            rule_list.append(Rule(f"custom:{rec.name}:{pattern.name}", re.compile(pattern.regex, flags), pattern.score,
                                  max(with_context, pattern.score), validate))
        if rec.deny_list:
            words = "|".join(re.escape(w) for w in sorted(rec.deny_list, key=len, reverse=True))
            deny = re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE)
            rule_list.append(Rule(f"custom:{rec.name}:deny_list", deny, rec.deny_list_score, rec.deny_list_score))
        context = [r"\s+".join(re.escape(part) for part in word.split()) for word in rec.context]
        out.append(EntityRules(rec.supported_entity, rule_list, context=context))
    return out


def from_env() -> str | None:
    """The recognizers file every scanner of the process uses (``GUARD_PII_RECOGNIZERS``), if any."""
    return os.environ.get(RECOGNIZERS_ENV) or None


def custom_entities(path: str | os.PathLike[str] | None = None) -> tuple[str, ...]:
    """The entity types a recognizers file (default: ``GUARD_PII_RECOGNIZERS``) adds."""
    path = path if path is not None else from_env()
    if not path:
        return ()
    spec, _ = load(path)
    return tuple(dict.fromkeys(r.supported_entity for r in spec.recognizers))
