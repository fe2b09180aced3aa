"""The persistent inference cache (guard.cache + CachedModel's disk half): keys, exact values, isolation
between fingerprints, failures and samples never stored, chunked commits, corruption, concurrent writers."""

from __future__ import annotations

import json
import math
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from guard.cache import FILE_NAME, DiskCache, decode_answer, encode_answer, request_key
from guard.models import cached as cached_module
from guard.models.base import GenerationConfig, Prediction
from guard.models.cached import CachedModel, ExampleErrors
from guard.models.fake import FakeModel
from guard.models.lazy import disk_cacheable

FP = "sha256:" + "a" * 64
OTHER = "sha256:" + "b" * 64
TEXTS = [f"text number {i}" for i in range(10)]


def _scorer(offset: float = 0.0, fail_on: str | None = None) -> FakeModel:
    def ll(context: str, continuation: str) -> float:
        if fail_on is not None and context == fail_on:
            raise ValueError("cannot score this input")
        return -len(context) / 7 - len(continuation) / 3 + offset

    return FakeModel(loglikelihood_fn=ll, classify_fn=lambda t: Prediction(
        "pos" if len(t) % 2 else "neg", {"pos": len(t) / 101, "neg": 1 - len(t) / 101}),
        generate_fn=lambda p: p.upper() + " ✓")


def _cached(model: Any, disk: DiskCache, fingerprint: str = FP, settings: dict | None = None) -> CachedModel:
    return CachedModel(model, disk=disk, fingerprint=fingerprint, settings=settings or {"kind": "fake"})


# --- values and keys ------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [0.1 + 0.2, -1e-300, 5e-324, -0.0, 1.7976931348623157e308, -math.inf, 12.0])
def test_numbers_read_back_bit_for_bit(value: float) -> None:
    back = decode_answer("loglikelihood", encode_answer("loglikelihood", value) or "")
    assert type(back) is float and math.copysign(1, back) == math.copysign(1, value) and back == value


def test_predictions_and_texts_read_back_exactly() -> None:
    prediction = Prediction("pos", {"pos": 0.1 + 0.2, "neg": 1 / 3})
    back = decode_answer("classify", encode_answer("classify", prediction) or "")
    assert back == prediction and list(back.scores) == ["pos", "neg"]
    assert decode_answer("classify", encode_answer("classify", Prediction("x")) or "") == Prediction("x")
    for text in ["", "naïve ✓ \n\t\"quoted\"", "lone \ud800 surrogate"]:
        assert decode_answer("generate", encode_answer("generate", text) or "") == text


def test_values_that_would_not_read_back_the_same_are_not_stored() -> None:
    assert encode_answer("loglikelihood", np.float32(0.1)) is None  # float32 arithmetic differs from float64
    assert encode_answer("classify", "pos") is None  # not a Prediction
    assert encode_answer("classify", Prediction("pos", {"pos": np.float32(0.5)})) is None  # type: ignore[dict-item]
    with pytest.raises(ValueError):
        decode_answer("loglikelihood", json.dumps("a text"))
    with pytest.raises(ValueError):
        decode_answer("classify", json.dumps({"label": 3, "scores": None}))


def test_request_keys_keep_types_and_settings_apart() -> None:
    keys = [request_key("classify", item, "{}") for item in
            (["a", 1], ("a", 1), ["a", 1.0], ["a", True], {"x": 1}, {"x": "1"}, np.float64(1.0), 1.0, "1")]
    assert None not in keys and len(set(keys)) == len(keys)
    assert request_key("classify", "t", "{}") == request_key("classify", "t", "{}")
    assert len({request_key("classify", "t", "{}"), request_key("generate", "t", "{}"),
                request_key("classify", "t", '{"dtype": "float16"}'),
                request_key("generate", "t", "{}", extra={"seed": 1})}) == 4
    assert request_key("classify", object(), "{}") is None  # cannot be written down: computed every run


# --- CachedModel with a disk cache ------------------------------------------------------------------------


def test_a_second_run_reads_every_answer_and_calls_nothing(tmp_path: Path) -> None:
    requests = [(t, " yes") for t in TEXTS]
    first = _cached(_scorer(), DiskCache(tmp_path))
    answers = first.loglikelihood(requests), first.classify(TEXTS), first.generate(TEXTS, GenerationConfig())
    model = _scorer()
    second = _cached(model, DiskCache(tmp_path))
    again = second.loglikelihood(requests), second.classify(TEXTS), second.generate(TEXTS, GenerationConfig())
    assert again == answers and model.calls == {"classify": 0, "generate": 0, "loglikelihood": 0}
    assert (second.disk_hits, second.misses, first.misses) == (30, 0, 30)


def test_a_file_is_written_only_with_the_first_answer(tmp_path: Path) -> None:
    disk = DiskCache(tmp_path / "cache")
    assert disk.get_many(FP, ["k"]) == ({}, 0) and not (tmp_path / "cache").exists()
    _cached(_scorer(), disk).classify(TEXTS[:1])
    assert (tmp_path / "cache" / FILE_NAME).is_file()


def test_another_fingerprint_or_setting_never_reads_these_answers(tmp_path: Path) -> None:
    _cached(_scorer(), DiskCache(tmp_path)).loglikelihood([(t, " yes") for t in TEXTS])
    for fingerprint, settings in ((OTHER, None), (FP, {"kind": "fake", "dtype": "float16"})):
        changed = _scorer(offset=1.0)
        answers = _cached(changed, DiskCache(tmp_path), fingerprint, settings).loglikelihood(
            [(t, " yes") for t in TEXTS])
        assert changed.inputs_seen["loglikelihood"] == len(TEXTS)
        assert answers == [-len(t) / 7 - 4 / 3 + 1.0 for t in TEXTS]


def test_other_generation_settings_are_other_requests(tmp_path: Path) -> None:
    _cached(_scorer(), DiskCache(tmp_path)).generate(TEXTS, GenerationConfig(max_new_tokens=8))
    model = _scorer()
    _cached(model, DiskCache(tmp_path)).generate(TEXTS, GenerationConfig(max_new_tokens=9))
    assert model.inputs_seen["generate"] == len(TEXTS)


def test_sampled_generations_are_never_stored(tmp_path: Path) -> None:
    sampled = GenerationConfig(temperature=0.8, seed=3)
    _cached(_scorer(), DiskCache(tmp_path)).generate(TEXTS, sampled)
    model = _scorer()
    _cached(model, DiskCache(tmp_path)).generate(TEXTS, sampled)
    assert model.inputs_seen["generate"] == len(TEXTS)


def test_failures_are_isolated_and_never_stored(tmp_path: Path) -> None:
    requests = [(t, " yes") for t in TEXTS]
    broken = _cached(_scorer(fail_on=TEXTS[4]), DiskCache(tmp_path))
    with pytest.raises(ExampleErrors) as caught:
        broken.loglikelihood(requests)
    assert list(caught.value.errors.values()) == ["ValueError: cannot score this input"]
    fixed = _scorer()
    answers = _cached(fixed, DiskCache(tmp_path)).loglikelihood(requests)
    assert fixed.inputs_seen["loglikelihood"] == 1 and answers == _scorer().loglikelihood(requests)


def test_answers_commit_chunk_by_chunk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cached_module, "FIRST_CHUNK", 4)
    inner = _scorer()
    calls = []

    def loglikelihood(requests: Any, *, progress: Any = None) -> list[float]:
        calls.append(len(requests))
        if len(calls) == 3:
            raise KeyboardInterrupt  # the process dies here: the first two chunks are on disk
        return FakeModel.loglikelihood(inner, requests, progress=progress)

    inner.loglikelihood = loglikelihood  # type: ignore[method-assign]
    requests = [(f"t{i:03d}", " yes") for i in range(40)]
    with pytest.raises(KeyboardInterrupt):
        _cached(inner, DiskCache(tmp_path)).loglikelihood(requests)
    resumed = _scorer()
    answers = _cached(resumed, DiskCache(tmp_path)).loglikelihood(requests)
    assert resumed.inputs_seen["loglikelihood"] == 40 - sum(calls[:2]) and calls[0] == 4
    assert answers == _scorer().loglikelihood(requests)


def test_models_without_hashed_files_are_not_cacheable() -> None:
    class Endpoint(FakeModel):
        fingerprint_kind = "identity"
        artifact = object()  # type: ignore[assignment]

    assert not disk_cacheable(FakeModel(classify_fn=str)) and not disk_cacheable(Endpoint(classify_fn=str))


# --- corruption: a clear note and a rebuild, never a wrong answer ----------------------------------------


def _fill(folder: Path) -> list[float]:
    disk = DiskCache(folder)
    answers = _cached(_scorer(), disk).loglikelihood([(t, " yes") for t in TEXTS])
    disk.close()  # as the runner does: the log is folded into the file
    return answers


def test_a_file_that_is_not_a_database_is_moved_aside_and_rebuilt(tmp_path: Path) -> None:
    truth = _fill(tmp_path)
    (tmp_path / FILE_NAME).write_bytes(b"this is not sqlite at all" * 100)
    disk, model = DiskCache(tmp_path), _scorer()
    assert _cached(model, disk).loglikelihood([(t, " yes") for t in TEXTS]) == truth
    assert model.inputs_seen["loglikelihood"] == len(TEXTS)
    assert any("moved it to" in note for note in disk.notes)
    assert list(tmp_path.glob(FILE_NAME + ".corrupt-*")) and _fill(tmp_path) == truth


def test_a_tampered_answer_fails_its_checksum_and_is_recomputed(tmp_path: Path) -> None:
    truth = _fill(tmp_path)
    with sqlite3.connect(tmp_path / FILE_NAME) as conn:
        conn.execute("UPDATE answers SET value = '0.5'")
    model = _scorer()
    cached = _cached(model, DiskCache(tmp_path))
    assert cached.loglikelihood([(t, " yes") for t in TEXTS]) == truth
    assert cached.corrupt == len(TEXTS) and model.inputs_seen["loglikelihood"] == len(TEXTS)
    assert _cached(_scorer(), DiskCache(tmp_path)).loglikelihood([(t, " yes") for t in TEXTS]) == truth


@pytest.mark.parametrize("where", [0.1, 0.3, 0.5, 0.7, 0.9])
def test_damaged_bytes_anywhere_never_give_a_wrong_answer(tmp_path: Path, where: float) -> None:
    requests = [(f"{t} {i}", " yes") for i in range(60) for t in TEXTS[:5]]
    disk = DiskCache(tmp_path)
    truth = _cached(_scorer(), disk).loglikelihood(requests)
    disk.close()
    data = bytearray((tmp_path / FILE_NAME).read_bytes())
    start = int(len(data) * where)
    data[start:start + 64] = bytes((b ^ 0x5A) for b in data[start:start + 64])
    (tmp_path / FILE_NAME).write_bytes(bytes(data))
    assert _cached(_scorer(), DiskCache(tmp_path)).loglikelihood(requests) == truth


def test_an_unusable_folder_turns_the_cache_off_with_a_note(tmp_path: Path) -> None:
    (tmp_path / "blocked").write_text("a file where the folder should be")
    disk = DiskCache(tmp_path / "blocked")
    assert _cached(_scorer(), disk).classify(TEXTS) == _scorer().classify(TEXTS)
    assert disk.disabled and "off for the rest of this run" in disk.notes[0]


# --- two processes writing one cache ----------------------------------------------------------------------

WRITER = textwrap.dedent("""
    import sys
    from guard.cache import DiskCache
    folder, name = sys.argv[1], sys.argv[2]
    cache = DiskCache(folder)
    for i in range(150):
        keys = [f"{i}-{j}" for j in range(20)]
        cache.put_many("sha256:shared", [(k, f'"{k}"') for k in keys])            # both write these
        cache.put_many("sha256:" + name, [(k, f'"{name} {k}"') for k in keys])    # only this one
        found, bad = cache.get_many("sha256:shared", keys)
        assert bad == 0 and all(found[k] == f'"{k}"' for k in keys), (found, bad)
    assert not cache.notes, cache.notes
    print("ok")
""")


def test_two_processes_write_one_cache_safely(tmp_path: Path) -> None:
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path), name], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for name in ("one", "two")]
    outputs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    disk = DiskCache(tmp_path)
    usage = {u.fingerprint: u.entries for u in disk.usage()}
    assert usage == {"sha256:shared": 3000, "sha256:one": 3000, "sha256:two": 3000}
    found, bad = disk.get_many("sha256:two", [f"{i}-{j}" for i in range(150) for j in range(20)])
    assert bad == 0 and found["149-19"] == '"two 149-19"' and disk.integrity() == "ok"
