"""Where an ``hf:`` spec's files are, and whether they are safe to load — without loading them.

Shared by the adapter (``guard.models.hf``) and the gate's fingerprinting (``guard.models.artifacts``),
which must not need torch to check that an artifact is unchanged.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from guard.errors import GuardError, did_you_mean

ARTIFACT_PATTERNS = (
    "config.json",
    "generation_config.json",
    "tokenizer*.json",
    "special_tokens_map.json",
    "added_tokens.json",
    "vocab*",
    "merges.txt",
    "*.model",
    "*.tiktoken",
    "chat_template*",
    "preprocessor_config.json",
    "*.index.json",
)
"""Non-weight files whose content changes what the model does, so they enter the fingerprint."""

TOKENIZER_FILES = ("tokenizer.json", "vocab.txt", "vocab.json", "*.model", "*.tiktoken")
"""Files that hold a vocabulary; without one there is no real tokenizer to load."""

_HUB_ID = re.compile(r"^[A-Za-z0-9][\w.-]*(/[A-Za-z0-9][\w.-]*)?$")

SPEC_OPTIONS = {"quantize": ("dynamic-int8",)}
"""Load options a spec may carry after '?', e.g. hf:model.gguf?quantize=dynamic-int8. They are part
of the artifact's identity: the registry records them and they enter the fingerprint."""


def split_load_options(target: str) -> tuple[str, dict[str, str]]:
    """``PATH?key=value&...`` → (PATH, {key: value}); a '?' not followed by known options stays in the path."""
    head, sep, tail = target.rpartition("?")
    if not sep:
        return target, {}
    options: dict[str, str] = {}
    for pair in tail.split("&"):
        key, eq, value = pair.partition("=")
        if not eq or key not in SPEC_OPTIONS:
            if key in SPEC_OPTIONS or any(k.startswith(key[:3]) for k in SPEC_OPTIONS):
                raise GuardError(f"bad load option '{pair}'",
                                 hint=did_you_mean(key, SPEC_OPTIONS) or "quantize=dynamic-int8")
            return target, {}
        if value not in SPEC_OPTIONS[key]:
            raise GuardError(f"unknown {key} '{value}'", hint="expected one of: " + ", ".join(SPEC_OPTIONS[key]))
        options[key] = value
    return head, options


def resolve(target: str, *, trust_pickle: bool) -> tuple[Path, str | None]:
    """Local model directory (or a .gguf file's folder and name) for a target; hub ids are downloaded."""
    path = Path(target).expanduser()
    if path.is_file():
        if path.suffix.lower() == ".gguf":
            return path.parent, path.name
        raise GuardError(f"not a model directory or .gguf file: {target}",
                         hint="pass a transformers directory or a .gguf file")
    if path.is_dir():
        _checkweights(path, trust_pickle=trust_pickle)
        ggufs = sorted(path.glob("*.gguf"))
        if not (path / "config.json").is_file():
            if len(ggufs) == 1 and not weights(path, trust_pickle=True):
                return path, ggufs[0].name
            raise GuardError(f"no config.json in {path}",
                             hint="pass a directory written by save_pretrained, or a .gguf file")
        return path, None
    if _looks_like_path(target):
        raise GuardError(f"no such file or directory: {target}")
    return _download(target, trust_pickle=trust_pickle), None


def _looks_like_path(target: str) -> bool:
    return (
        target.startswith((".", "/", "~"))
        or target.lower().endswith(".gguf")
        or (os.sep != "/" and os.sep in target)
        or not _HUB_ID.match(target)
    )


def weights(path: Path, *, trust_pickle: bool) -> list[Path]:
    """The weight files transformers will load from ``path``: safetensors first, pickle only if trusted."""
    safetensors = sorted(path.glob("*.safetensors"))
    if safetensors or not trust_pickle:
        return safetensors
    return sorted(p for p in path.glob("*.bin") if p.name != "training_args.bin")


def _checkweights(path: Path, *, trust_pickle: bool) -> None:
    if weights(path, trust_pickle=trust_pickle) or any(path.glob("*.gguf")):
        return
    if weights(path, trust_pickle=True):
        raise GuardError(
            f"only pickle weights (.bin) in {path}",
            hint="pickle can run code when loaded; convert to safetensors, "
                 "or pass --trust-pickle if you trust the source",
        )
    raise GuardError(
        f"no model weights in {path}",
        hint="looked for *.safetensors (or *.bin with --trust-pickle) next to config.json, or a .gguf file",
    )


def _download(repo_id: str, *, trust_pickle: bool) -> Path:
    """Fetch (or find in the cache) a hub repository's weight, config and tokenizer files."""
    patterns = ["*.json", "*.safetensors", "*.txt", "*.model", "*.tiktoken", "*.jinja"]
    patterns += ["*.bin"] if trust_pickle else []
    try:
        from huggingface_hub import snapshot_download

        local = snapshot_download(repo_id, allow_patterns=patterns)
    except Exception as exc:  # noqa: BLE001 - any hub/network failure is the user's environment
        raise GuardError(
            f"cannot fetch hub model '{repo_id}': {first_line(exc)}",
            hint="offline or not found; pass a local model directory or .gguf file as hf:PATH",
        ) from exc
    path = Path(local)
    _checkweights(path, trust_pickle=trust_pickle)
    return path


def first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]
