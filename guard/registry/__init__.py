"""The model registry: versions, evaluation runs, aliases with history, approvals, waivers, audit chain.

    from guard.registry import open_registry
    store = open_registry()                       # --registry, else $GUARD_REGISTRY, else DEFAULT_URL
    v = store.register_version("sentiment", "hf:models/sentiment-v3", fingerprint, actor="ana")
    store.latest_run("sentiment", v.version, policy_sha256=policy_hash)

One store implementation (``guard.registry.sql``) serves SQLite (``sqlite:///PATH``, the embedded
default) and PostgreSQL (``postgresql://USER:PASSWORD@HOST:PORT/DB``, driver psycopg 3). Opening a
registry brings its schema to the newest Alembic revision.
"""

from __future__ import annotations

import os

from guard.registry.entities import (
    AliasMove,
    Approval,
    AuditEvent,
    EvalRun,
    ModelVersion,
    RegisteredModel,
    RunStatus,
    RunSummary,
    Waiver,
)
from guard.registry.sql import AliasMovedError, RegistryError, SqlRegistryStore
from guard.registry.store import DEFAULT_URL, AuditVerification, RegistryStore

ENV_VAR = "GUARD_REGISTRY"


def resolve_url(url: str | None = None) -> str:
    """``url`` if given, else ``$GUARD_REGISTRY`` if set and non-empty, else :data:`DEFAULT_URL`."""
    return url or os.environ.get(ENV_VAR) or DEFAULT_URL


def open_registry(url: str | None = None, *, create: bool = True) -> RegistryStore:
    """Open (creating and migrating if needed) the registry at ``resolve_url(url)``.

    ``create=False`` for read-only commands: a registry that does not exist is an error, not a new file.

    Raises ``RegistryError`` (one line, password masked) for a malformed, unsupported or unreachable URL.
    Call ``close()`` on the store (or use it as a context manager) to release its connections.
    """
    return SqlRegistryStore(resolve_url(url), create=create)


__all__ = [
    "DEFAULT_URL",
    "AliasMovedError",
    "ENV_VAR",
    "AliasMove",
    "Approval",
    "AuditEvent",
    "AuditVerification",
    "EvalRun",
    "ModelVersion",
    "RegisteredModel",
    "RegistryError",
    "RegistryStore",
    "RunStatus",
    "RunSummary",
    "SqlRegistryStore",
    "Waiver",
    "open_registry",
    "resolve_url",
]
