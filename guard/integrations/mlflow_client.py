"""The one place guard imports MLflow: lazily, offline-safe, with one clear line when it is missing.

``mlflow`` is the optional extra ``rai-guard[mlflow]``. Before the import MLflow's own telemetry is
switched off (``MLFLOW_DISABLE_TELEMETRY``, unless the user set it) — guard talks only to the tracking
server the user named — and the client's HTTP retries are bounded (``MLFLOW_HTTP_REQUEST_MAX_RETRIES``
2, ``MLFLOW_HTTP_REQUEST_TIMEOUT`` 30 s unless set), so an unreachable server costs seconds, not the
library's default of minutes of backoff.
"""

from __future__ import annotations

import os
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from guard._secrets import mask
from guard._secrets import mask_options as redacted_options  # noqa: F401 - public name, kept for callers
from guard.errors import GuardError

INSTALL_HINT = "pip install 'rai-guard[mlflow]'"
_SCHEMES = ("http", "https", "file", "sqlite", "postgresql", "mysql", "databricks")


def import_mlflow() -> Any:
    """The ``mlflow`` module, or a GuardError naming the extra to install."""
    os.environ.setdefault("MLFLOW_DISABLE_TELEMETRY", "true")
    os.environ.setdefault("MLFLOW_HTTP_REQUEST_MAX_RETRIES", "2")
    os.environ.setdefault("MLFLOW_HTTP_REQUEST_TIMEOUT", "30")
    try:
        import mlflow
    except ImportError:
        raise GuardError("MLflow interop needs the mlflow package, which is not installed", hint=INSTALL_HINT) from None
    return mlflow


def check_tracking_uri(uri: str, option: str = "--tracking-uri") -> str:
    """A tracking URI guard can use (http(s)://, file:, a database URL); checked before any work."""
    uri = uri.strip()
    scheme = uri.split(":", 1)[0].split("+", 1)[0].lower() if ":" in uri else ""
    if scheme not in _SCHEMES:
        raise GuardError(f"{option} '{mask(uri)}' is not an MLflow tracking URI",
                         hint="e.g. http://127.0.0.1:5000, file:./mlruns or sqlite:///mlflow.db")
    if scheme in ("http", "https") and not urlsplit(uri).hostname:
        raise GuardError(f"{option} '{mask(uri)}' has no host", hint="e.g. http://127.0.0.1:5000")
    return uri


def client(tracking_uri: str, registry_uri: str | None = None) -> Any:
    """An ``MlflowClient`` for the tracking server (and registry, by default the same)."""
    mlflow = import_mlflow()
    return mlflow.MlflowClient(tracking_uri=tracking_uri, registry_uri=registry_uri or tracking_uri)


def describe(exc: BaseException, uri: str) -> GuardError:
    """An MLflow or connection failure as one line naming the (masked) server."""
    text = str(exc).strip().splitlines()[0][:300] if str(exc).strip() else type(exc).__name__
    return GuardError(f"MLflow at {mask(uri)}: {type(exc).__name__}: {mask(text)}",
                      hint="is the tracking server running and the URI right?")


def strip_url(uri: str) -> str:
    """The URI as shown in links: scheme, host, port and path only."""
    parts = urlsplit(uri)
    netloc = parts.hostname or ""
    if parts.port:
        netloc += f":{parts.port}"
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))
