"""A GGUF file is parsed once per load, and nothing of the speed-up outlives the load."""

from __future__ import annotations

from pathlib import Path

import gguf
import numpy as np
import pytest
from transformers import modeling_gguf_pytorch_utils as gguf_utils

from guard.models._hf_gguf import parse_once


def _tiny_gguf(path: Path) -> Path:
    writer = gguf.GGUFWriter(str(path), "llama")
    writer.add_block_count(1)
    writer.add_token_list(["<unk>", "a", "b"])
    writer.add_tensor("token_embd.weight", np.arange(6, dtype=np.float32).reshape(3, 2))
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return path


def test_each_file_is_parsed_once_inside_and_afresh_outside(tmp_path: Path) -> None:
    path = _tiny_gguf(tmp_path / "tiny.gguf")
    with parse_once():
        first = gguf.GGUFReader(path)
        assert gguf.GGUFReader(str(path)) is first
        assert gguf.get_tensor_name_map(gguf.MODEL_ARCH.LLAMA, 1) is gguf.get_tensor_name_map(gguf.MODEL_ARCH.LLAMA, 1)
        assert [t.name for t in first.tensors] == ["token_embd.weight"]
    assert gguf.GGUFReader(path) is not gguf.GGUFReader(path)
    assert gguf.get_tensor_name_map(gguf.MODEL_ARCH.LLAMA, 1) is not gguf.get_tensor_name_map(gguf.MODEL_ARCH.LLAMA, 1)


def test_everything_is_restored_when_the_load_fails(tmp_path: Path) -> None:
    reader, name_map, bar = gguf.GGUFReader, gguf.get_tensor_name_map, gguf_utils.tqdm
    with pytest.raises(ValueError, match="broken"), parse_once():
        assert gguf.GGUFReader is not reader and gguf_utils.tqdm is not bar
        raise ValueError("broken file")
    assert (gguf.GGUFReader, gguf.get_tensor_name_map, gguf_utils.tqdm) == (reader, name_map, bar)
