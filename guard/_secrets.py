"""Secrets out of what guard shows and stores: URL credentials, secret-looking query values and options.

Why one module: a model spec (``http:https://user:TOKEN@host/v1``) and ``--model-option api_key=...``
travel into the plan, the report, the verdict, the Markdown summary, MLflow and error messages. Masking
them where they enter those (``build_plan``, ``model_info``, the HTTP transport's messages) keeps every
writer downstream clean; the adapter itself keeps the real values, so loading, fingerprints and cache
keys do not change.
"""

from __future__ import annotations

import re
from typing import Any

MASK = "***"
# Words of a name that make its value a secret (compared whole, after splitting on - _ . and spaces).
_SECRET_WORDS = frozenset({
    "key", "apikey", "token", "secret", "password", "passwd", "pwd", "auth", "authorization", "credential",
    "credentials", "signature", "sig", "bearer", "cookie", "session", "private",
})
_SECRET_ENDINGS = ("apikey", "token", "secret", "password", "passwd")  # accesstoken, clientsecret, ...
# scheme://userinfo@ : userinfo cannot hold '/', so the match stays inside one URL's authority.
_USERINFO = re.compile(r"(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*://)(?P<info>[^/@\s'\"<>]*)@")
_QUERY_PAIR = re.compile(r"(?P<sep>[?&;])(?P<key>[^=&#\s'\"<>?]+)=(?P<value>[^&#\s'\"<>]*)")


def is_secret_name(name: str) -> bool:
    """Whether an option, header or query parameter named ``name`` holds a secret (api_key, X-Api-Key,
    access_token, Authorization, password...); ``max_tokens`` does not."""
    words = [w for w in re.split(r"[^a-z0-9]+", name.lower()) if w]
    return any(w in _SECRET_WORDS or w.endswith(_SECRET_ENDINGS) for w in words)


def _userinfo(match: re.Match[str]) -> str:
    user, colon, _ = match["info"].partition(":")
    # user:password keeps the user; a lone userinfo (https://TOKEN@github.com) is usually a token.
    return match["scheme"] + (f"{user}:{MASK}" if colon else MASK) + "@"


def _query(match: re.Match[str]) -> str:
    value = MASK if is_secret_name(match["key"]) and match["value"] else match["value"]
    return f"{match['sep']}{match['key']}={value}"


def mask(text: str) -> str:
    """``text`` (a URL, a model spec, an error message) with URL passwords/tokens and secret-looking query
    values replaced by ``***``; everything else is kept as it was. An ``http:`` spec written without a
    scheme (``http:user:pw@host``) is masked like ``http:http://user:pw@host``."""
    if text.startswith("http:"):  # each endpoint of http:URL1,URL2#MODEL, with or without its scheme
        head, sep, model = text[5:].partition("#")
        text = "http:" + ",".join(_mask_endpoint(p) for p in head.split(",")) + sep + model
    text = _USERINFO.sub(_userinfo, text)
    return _QUERY_PAIR.sub(_query, text) if "=" in text else text


def _mask_endpoint(piece: str) -> str:
    if "://" in piece:
        return _USERINFO.sub(_userinfo, piece)
    prefix = "x:" if piece.startswith("//") else "x://"
    return _USERINFO.sub(_userinfo, prefix + piece)[len(prefix):]


def mask_value(value: Any) -> Any:
    """A value with secrets masked inside: strings as ``mask``, dicts as ``mask_options``, lists item by item."""
    if isinstance(value, str):
        return mask(value)
    if isinstance(value, dict):
        return mask_options(value)
    if isinstance(value, (list, tuple)):
        return [mask_value(v) for v in value]
    return value


def mask_options(options: dict[str, Any]) -> dict[str, Any]:
    """Options (or headers) with the values of secret-looking keys replaced by ``***`` and URLs in the
    others masked; nested dicts (``extra_body``) the same way."""
    return {k: (MASK if is_secret_name(str(k)) and v not in (None, "") else mask_value(v)) for k, v in options.items()}
