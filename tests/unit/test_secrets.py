"""Masking of secrets in what guard shows and stores (guard/_secrets.py)."""

from __future__ import annotations

import pytest

from guard._secrets import is_secret_name, mask, mask_options


@pytest.mark.parametrize(("text", "masked"), [
    ("http:https://user:TOKEN@host/v1", "http:https://user:***@host/v1"),
    ("http:https://TOKEN@host/v1#m", "http:https://***@host/v1#m"),
    ("http:u:pw@h:8000/v1,https://a:b@g/v1#model", "http:u:***@h:8000/v1,https://a:***@g/v1#model"),
    ("http:localhost:8000#m", "http:localhost:8000#m"),  # no credentials: unchanged
    ("cannot reach https://u:p@h/v1/chat: refused", "cannot reach https://u:***@h/v1/chat: refused"),
    ("https://h/v1?api_key=sk-1&limit=5&X-Amz-Signature=abc", "https://h/v1?api_key=***&limit=5&X-Amz-Signature=***"),
    ("hf:org/model@rev", "hf:org/model@rev"),
    ("python:models/m.py:predict", "python:models/m.py:predict"),
    ("postgresql://guard:s3cret@db:5432/reg", "postgresql://guard:***@db:5432/reg"),
])
def test_mask_hides_url_credentials_and_secret_query_values(text: str, masked: str) -> None:
    assert mask(text) == masked


def test_secret_names_are_whole_words_so_token_counts_are_kept() -> None:
    for name in ("api_key", "key", "token", "access_token", "accessToken", "X-Api-Key", "Authorization",
                 "password", "client_secret", "hf_token"):
        assert is_secret_name(name), name
    for name in ("max_tokens", "echo_max_tokens", "timeout", "batch_size", "keyword", "monkey_patch"):
        assert not is_secret_name(name), name


def test_mask_options_masks_secret_values_nested_and_urls_in_others() -> None:
    options = {"api_key": "sk-secret123", "timeout": 30, "echo_max_tokens": 1, "empty_token": "",
               "extra_body": {"headers": {"Authorization": "Bearer x"}, "top_k": 5},
               "proxy": "http://me:pw@proxy:3128"}
    assert mask_options(options) == {
        "api_key": "***", "timeout": 30, "echo_max_tokens": 1, "empty_token": "",
        "extra_body": {"headers": {"Authorization": "***"}, "top_k": 5}, "proxy": "http://me:***@proxy:3128"}
    assert options["api_key"] == "sk-secret123"  # a copy: the caller's options are untouched


def test_mlflow_client_keeps_its_public_names() -> None:
    from guard.integrations.mlflow_client import mask as mlflow_mask
    from guard.integrations.mlflow_client import redacted_options

    assert mlflow_mask("http://u:p@mlflow:5000") == "http://u:***@mlflow:5000"
    assert redacted_options({"token": "t", "n": 1}) == {"token": "***", "n": 1}
