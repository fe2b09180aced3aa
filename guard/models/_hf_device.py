"""Where an ``hf:`` model runs (private to ``guard.models.hf`` and the command line's ``--device``).

Two ways to place a model, never both: ``device`` puts the whole model on one device (``auto``: CUDA
when torch sees one, else the CPU); ``device_map`` lets accelerate place it (``auto``, ``balanced``,
``balanced_low_0``, ``sequential`` spread it over every GPU, then CPU memory, then ``offload_folder``;
a device name puts it all there; a dict from the Python API names a device per module).

The names are checked without importing torch, so the command line refuses a typo before it loads
anything; whether CUDA (or MPS) is really there is asked of torch only when the name needs it. Once a
model is loaded, ``input_device`` says where its batches go: with a device map that is where the
input embedding runs, which need not be ``cuda:0``.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from guard.errors import GuardError, did_you_mean

if TYPE_CHECKING:
    import torch

DEVICES = ("auto", "cpu", "cuda", "mps")
"""Names ``--device`` takes, besides ``cuda:N``."""

DEVICE_MAPS = ("auto", "balanced", "balanced_low_0", "sequential")
"""accelerate's placement strategies, which ``device_map`` takes besides a single device's name."""

_CUDA_INDEX = re.compile(r"cuda:(\d+)")
_ALIASES = {"gpu": "cuda", "nvidia": "cuda", "cuda:": "cuda", "metal": "mps", "apple": "mps", "host": "cpu"}


def parse_device(value: Any, *, option: str = "--device") -> str:
    """The canonical device name (lower case; ``cuda``, ``cuda:1``...), or a GuardError with a did-you-mean."""
    name = str(value).strip().lower()
    if name in DEVICES or _CUDA_INDEX.fullmatch(name):
        return name
    hint = f"did you mean '{_ALIASES[name]}'?" if name in _ALIASES else did_you_mean(name, DEVICES)
    if hint is None or hint.startswith("expected"):
        hint = "expected auto, cpu, cuda, cuda:N or mps"
    raise GuardError(f"{option}: unknown device '{value}'", hint=hint)


def check_available(name: str) -> torch.device:
    """The torch device for a parsed name; refuses, with the reason, a device this machine does not have."""
    import torch

    if name == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    if name.startswith("cuda"):
        if not torch.cuda.is_available():
            why = (f"this torch ({torch.__version__}) was built without CUDA" if torch.version.cuda is None
                   else "torch sees no CUDA device (no driver, or CUDA_VISIBLE_DEVICES hides them)")
            raise GuardError(f"CUDA is not available: {why}", hint="use --device cpu")
        match = _CUDA_INDEX.fullmatch(name)
        count = torch.cuda.device_count()
        if match and int(match.group(1)) >= count:
            raise GuardError(f"device '{name}' does not exist: torch sees {count} CUDA device(s)",
                             hint=f"use cuda:0 .. cuda:{count - 1}")
    if name == "mps" and not torch.backends.mps.is_available():
        raise GuardError("MPS is not available: this is not an Apple-silicon Mac with a torch built for it",
                         hint="use --device cpu")
    return torch.device(name)


def parse_device_map(value: Any) -> str | dict[str, Any]:
    """A placement strategy, a single device's name, or (Python API) a module -> device dict."""
    if isinstance(value, Mapping):
        if not value:
            raise GuardError("device_map is an empty mapping", hint="name a device for each module, or use auto")
        return dict(value)
    name = str(value).strip().lower()
    if name in DEVICE_MAPS:
        return name
    try:
        return parse_device(name, option="device_map")
    except GuardError:
        raise GuardError(f"unknown device_map '{value}'", hint=did_you_mean(name, DEVICE_MAPS)
                         or "expected auto, balanced, balanced_low_0, sequential or a device") from None


def check_placement(options: Mapping[str, Any]) -> dict[str, Any]:
    """``device`` and ``device_map`` of an hf: model's options, canonical and checked against this machine
    (torch is imported only for cuda/mps names); both at once is an error, since they contradict each other.

    Returns the options with those two values in canonical form, so the run plan records what was meant.
    """
    out = dict(options)
    device, device_map = out.get("device"), out.get("device_map")
    if device is not None and device_map is not None:
        raise GuardError("device and device_map both say where the model runs",
                         hint="give --device for one device, or --model-option device_map=auto to spread the "
                              "model over every GPU, not both")
    if device is not None:
        out["device"] = parse_device(device)
        if out["device"] not in ("auto", "cpu"):
            check_available(out["device"])
    if device_map is not None:
        out["device_map"] = parse_device_map(device_map)
        if isinstance(out["device_map"], str) and out["device_map"] not in DEVICE_MAPS + ("cpu",):
            check_available(out["device_map"])
        if importlib.util.find_spec("accelerate") is None:
            raise GuardError("device_map needs the accelerate package", hint="pip install accelerate")
    return out


def placed_by_accelerate(model: Any) -> bool:
    """Whether accelerate placed the model (a device map): it must not be moved with ``.to()`` then."""
    return bool(getattr(model, "hf_device_map", None))


def spread(model: Any) -> bool:
    """Whether the model's modules sit on more than one device (or some are offloaded to disk)."""
    placement = getattr(model, "hf_device_map", None) or {}
    return len({str(d) for d in placement.values()}) > 1


def input_device(model: Any) -> torch.device:
    """Where a batch must go: the input embedding's execution device (accelerate's hook says where an offloaded
    embedding runs), else its weight's device, else ``model.device``."""
    import torch

    embedding = model.get_input_embeddings() if hasattr(model, "get_input_embeddings") else None
    hook = getattr(embedding, "_hf_hook", None)
    executes = getattr(hook, "execution_device", None)
    if executes is not None:
        return torch.device(executes) if not isinstance(executes, int) else torch.device("cuda", executes)
    weight = getattr(embedding, "weight", None)
    if isinstance(weight, torch.Tensor) and weight.device.type != "meta":
        return weight.device
    return torch.device(getattr(model, "device", "cpu"))


def cuda_devices(model: Any) -> list[torch.device]:
    """The CUDA devices holding any of the model's parameters (their random state is forked when sampling)."""
    return sorted({p.device for p in model.parameters() if p.device.type == "cuda"}, key=lambda d: d.index or 0)


def to_device(tensor: torch.Tensor, device: torch.device) -> torch.Tensor:
    """A CPU tensor on ``device``; to CUDA through pinned memory, so the copy does not wait on the host."""
    if device.type == "cuda":
        return tensor.pin_memory().to(device, non_blocking=True)
    return tensor.to(device)
