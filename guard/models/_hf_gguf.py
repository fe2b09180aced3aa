"""Loading a GGUF file through transformers without its repeated work.

transformers 5 parses the whole GGUF header (for SmolLM2: 49k vocabulary strings and merges, read
one memmap slice at a time) once for the config, once for the tokenizer and once for the weights,
and rebuilds gguf's tensor-name table for every module of the model (397 times for SmolLM2): 12.6 s and
6.8 s of a 28.6 s load under cProfile on this project's 2-core machine; unprofiled the load took 19.0 s
before and 8.9 s after. Inside :func:`parse_once` one
parsed reader per file and one name table per architecture are reused; what is read and how the
tensors are dequantized stay transformers' own, so the loaded weights are the same.
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Literal

# The patches are process-wide module attributes: one GGUF load at a time keeps them from interleaving.
_LOADING = threading.Lock()
_Mode = Literal["r", "r+", "c"]


@contextmanager
def parse_once() -> Iterator[None]:
    """Within the block, ``gguf.GGUFReader(path)`` parses each file once and ``get_tensor_name_map``
    is memoised; transformers' plain tqdm bar is silenced (it would print hundreds of carriage-return
    updates into CI logs, and ``disable_progress_bar()`` does not reach it). Everything is restored after."""
    import gguf
    from transformers import modeling_gguf_pytorch_utils as gguf_utils

    original_reader = gguf.GGUFReader
    original_name_map = gguf.get_tensor_name_map
    original_tqdm = gguf_utils.tqdm
    readers: dict[tuple[str, str], Any] = {}

    def reader_once(path: str | os.PathLike[str], mode: _Mode = "r") -> Any:
        key = (os.path.realpath(path), mode)
        if key not in readers:
            readers[key] = original_reader(path, mode)
        return readers[key]

    with _LOADING:
        gguf.GGUFReader = reader_once  # type: ignore[assignment,misc]
        gguf.get_tensor_name_map = functools.lru_cache(maxsize=None)(original_name_map)
        gguf_utils.tqdm = functools.partial(original_tqdm, disable=True)
        try:
            yield
        finally:
            gguf.GGUFReader = original_reader  # type: ignore[misc]
            gguf.get_tensor_name_map = original_name_map
            gguf_utils.tqdm = original_tqdm
            readers.clear()
