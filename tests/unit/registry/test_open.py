"""Choosing and opening a registry by URL; every failure is one RegistryError line without the password."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from guard.errors import GuardError
from guard.registry import DEFAULT_URL, RegistryError, open_registry, resolve_url

SECRET = "s3cret-pw"


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _open_error(url: str) -> str:
    with pytest.raises(RegistryError) as caught:
        open_registry(url)
    message = str(caught.value)
    assert isinstance(caught.value, GuardError)
    assert "\n" not in message and SECRET not in message, message
    return message


def test_resolve_url_prefers_argument_then_environment_then_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GUARD_REGISTRY", raising=False)
    assert resolve_url(None) == DEFAULT_URL == "sqlite:///.guard/registry.db"
    monkeypatch.setenv("GUARD_REGISTRY", "")
    assert resolve_url(None) == DEFAULT_URL
    monkeypatch.setenv("GUARD_REGISTRY", "sqlite:///env.db")
    assert resolve_url(None) == "sqlite:///env.db"
    assert resolve_url("sqlite:///arg.db") == "sqlite:///arg.db"


def test_default_registry_is_created_under_dot_guard(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GUARD_REGISTRY", raising=False)
    monkeypatch.chdir(tmp_path)
    with open_registry() as store:
        store.register_version("m", "hf:a", "fp", actor="a")
    assert (tmp_path / ".guard" / "registry.db").is_file()
    monkeypatch.setenv("GUARD_REGISTRY", f"sqlite:///{tmp_path / 'env' / 'r.db'}")
    with open_registry() as store:
        assert store.list_models() == []
    assert (tmp_path / "env" / "r.db").is_file()


def test_unreachable_postgres_is_one_line_without_password() -> None:
    port = _closed_port()
    for scheme in ("postgresql", "postgresql+psycopg"):
        message = _open_error(f"{scheme}://guard:{SECRET}@127.0.0.1:{port}/guard")
        assert f"postgresql+psycopg://guard:***@127.0.0.1:{port}/guard" in message
        assert "refused" in message.lower() or "failed" in message.lower(), message


@pytest.mark.parametrize("url", [f"postgresql://u:{SECRET}@host:notaport/db", "not a url at all", f"://u:{SECRET}@x"])
def test_malformed_url(url: str) -> None:
    assert "malformed registry URL" in _open_error(url)


def test_unsupported_scheme() -> None:
    message = _open_error(f"mysql://u:{SECRET}@localhost/db")
    assert "unsupported registry URL scheme 'mysql'" in message and "sqlite:///PATH" in message


def test_sqlite_in_a_location_that_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    message = _open_error(f"sqlite:///{blocker / 'sub' / 'registry.db'}")
    assert "cannot create the directory" in message
    (tmp_path / "dir.db").mkdir()  # the database path itself is a directory
    assert "unable to open database file" in _open_error(f"sqlite:///{tmp_path / 'dir.db'}")


def test_store_url_masks_the_password(postgres_url: str) -> None:
    with open_registry(postgres_url.replace("postgresql+psycopg://", "postgresql://")) as store:
        assert store.url.startswith("postgresql+psycopg://guard:***@127.0.0.1:")
        assert "***" in repr(store)


def test_in_memory_sqlite_works_within_one_process() -> None:
    for url in ("sqlite://", "sqlite:///:memory:"):
        with open_registry(url) as store:
            store.register_version("m", "hf:a", "fp", actor="a")
            assert store.get_version("m", 1).spec == "hf:a" and store.verify_audit().ok
