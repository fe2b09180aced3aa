"""The transformers adapter on tiny real models built in the test (no downloads)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import torch

from guard.errors import GuardError
from guard.models import Capability, GenerationConfig, UnsupportedCapability, load_model
from guard.models.hf import HFAdapter
from tests.helpers.tiny_models import LABELLED, build_tiny_causal_lm, build_tiny_classifier

TEXTS = [
    "a wonderful, moving film with a great cast",
    "awful",
    "the worst movie I have ever seen, truly the worst of the year",
    "I loved it",
    "boring and tedious",
    "the story is charming and the music is lovely and the cast is great",
    "a mess",
]


@pytest.fixture(scope="module")
def clf_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_classifier(tmp_path_factory.mktemp("clf"))


@pytest.fixture(scope="module")
def lm_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_causal_lm(tmp_path_factory.mktemp("lm"))


@pytest.fixture(scope="module")
def clf(clf_dir: Path) -> HFAdapter:
    return load_model(f"hf:{clf_dir}", batch_size=3, device="cpu")


@pytest.fixture(scope="module")
def lm(lm_dir: Path) -> HFAdapter:
    return load_model(f"hf:{lm_dir}", batch_size=3, device="cpu")


# ---------------------------------------------------------------- classify


def _direct_probs(adapter: HFAdapter, text: str) -> list[float]:
    """Reference: one text through the tokenizer and model, no adapter batching."""
    batch = adapter.tokenizer(text, return_tensors="pt")
    with torch.no_grad():
        return adapter.model(**batch).logits.softmax(-1)[0].tolist()


def test_classify_matches_unbatched_and_keeps_order(clf: HFAdapter) -> None:
    seen: list[int] = []
    batched = clf.classify(TEXTS, progress=seen.append)
    assert sum(seen) == len(TEXTS) and len(seen) == 3  # batch_size 3 -> 3 batches
    for text, pred in zip(TEXTS, batched):
        alone = clf.classify([text])[0]
        assert pred.label == alone.label
        assert set(pred.scores) == {"negative", "positive"}
        for label, p in zip(["negative", "positive"], _direct_probs(clf, text)):
            assert pred.scores[label] == pytest.approx(p, abs=1e-5)
            assert alone.scores[label] == pytest.approx(p, abs=1e-5)
        assert pred.label == max(pred.scores, key=pred.scores.get)
    assert [p.label for p in clf.classify(TEXTS[::-1])] == [p.label for p in batched][::-1]


def test_tiny_classifier_is_input_dependent(clf: HFAdapter) -> None:
    preds = clf.classify([t for t, _ in LABELLED])
    assert [p.label for p in preds] == [y for _, y in LABELLED]


def test_classify_rejects_non_text_and_empty_batch(clf: HFAdapter) -> None:
    assert clf.classify([]) == []
    with pytest.raises(GuardError, match="take texts"):
        clf.classify([[1.0, 2.0]])


def test_capabilities_and_unsupported(clf: HFAdapter, lm: HFAdapter) -> None:
    assert clf.capabilities == frozenset({Capability.CLASSIFY})
    assert lm.capabilities == frozenset({Capability.GENERATE, Capability.LOGLIKELIHOOD})
    with pytest.raises(UnsupportedCapability):
        clf.generate(["hi"], GenerationConfig())
    with pytest.raises(UnsupportedCapability):
        clf.loglikelihood([("a", " b")])
    with pytest.raises(UnsupportedCapability):
        lm.classify(["hi"])
    assert clf.kind == lm.kind == "hf"
    assert clf.spec.startswith("hf:")


# ---------------------------------------------------------------- artifact


def test_fingerprint_stable_and_location_independent(clf: HFAdapter, clf_dir: Path, tmp_path: Path) -> None:
    again = load_model(f"hf:{clf_dir}")
    assert clf.fingerprint == again.fingerprint
    assert clf.fingerprint.startswith("sha256:")
    copy = shutil.copytree(clf_dir, tmp_path / "copy")
    assert load_model(f"hf:{copy}").fingerprint == clf.fingerprint


def test_fingerprint_changes_with_weights_and_tokenizer(tmp_path: Path) -> None:
    first = build_tiny_classifier(tmp_path / "a", seed=0)
    other = build_tiny_classifier(tmp_path / "b", seed=1)
    adapter = load_model(f"hf:{first}")
    before = adapter.fingerprint
    shutil.copy(other / "model.safetensors", first / "model.safetensors")
    assert adapter.fingerprint != before  # staleness is visible without reloading
    changed = adapter.fingerprint
    (first / "tokenizer_config.json").write_text((first / "tokenizer_config.json").read_text() + "\n")
    assert adapter.fingerprint != changed


def test_sizes(clf: HFAdapter, lm: HFAdapter, clf_dir: Path) -> None:
    names = {p.name for p in clf.artifact.files}
    assert {"model.safetensors", "config.json", "tokenizer.json", "tokenizer_config.json"} <= names
    assert clf.size_on_disk_bytes == sum(p.stat().st_size for p in clf.artifact.files) > 0
    assert clf.num_parameters == clf.model.num_parameters() > 0
    assert lm.num_parameters > 0 and lm.size_on_disk_bytes > 0


# ---------------------------------------------------------------- loglikelihood


def _reference_loglikelihood(adapter: HFAdapter, context: str, continuation: str, max_length: int) -> float:
    """One request alone, no padding, no sharing, the whole vocabulary normalised: the definition."""
    tok, model = adapter.tokenizer, adapter.model
    n = len(context) - len(context.rstrip())
    if n:
        context, continuation = context[:-n], context[-n:] + continuation
    ctx = tok(context, add_special_tokens=False).input_ids if context else []
    whole = tok(context + continuation, add_special_tokens=False).input_ids
    cont = whole[len(ctx) :]
    if not ctx:
        ctx = [tok.bos_token_id]
    seq = (ctx + cont)[-(max_length + 1) :]
    with torch.no_grad():
        logits = model(torch.tensor([seq[:-1]])).logits[0]
    logprobs = logits.log_softmax(-1)
    start = len(seq) - 1 - len(cont)
    return float(sum(logprobs[start + j, t] for j, t in enumerate(cont)))


CONTEXTS = [
    "Review: a wonderful, moving film.\nSentiment (positive or negative):",
    "Review: awful.\nSentiment:",
    "The capital of France is",
    "Hello world! ",  # trailing whitespace moves onto the continuation
    "I loved every minute of this movie, the best film of the year, truly brilliant; the cast",
]
SINGLE = [" the", " a", " is"]  # single tokens for the tiny tokenizer (checked below)


def _requests() -> list[tuple[str, str]]:
    reqs = [(c, v) for c in CONTEXTS for v in SINGLE]
    reqs += [
        (CONTEXTS[0], " positive"),
        (CONTEXTS[0], " negative"),
        (CONTEXTS[2], " Paris and more words"),
        ("", "Hello world"),  # empty context -> BOS prefix
        ("", " the"),
        ("Numbers", " 0 1 2 3"),
        (CONTEXTS[4], " is great"),  # row is a prefix of a longer row... or the other way round
    ]
    return reqs


def test_single_token_verbalizers(lm: HFAdapter) -> None:
    for word in SINGLE:
        assert len(lm.tokenizer(word, add_special_tokens=False).input_ids) == 1


def test_loglikelihood_equals_unpadded_reference(lm: HFAdapter) -> None:
    reqs = _requests()
    seen: list[int] = []
    got = lm.loglikelihood(reqs, progress=seen.append)
    assert sum(seen) == len(reqs)
    want = [_reference_loglikelihood(lm, c, x, lm.max_length) for c, x in reqs]
    assert got == pytest.approx(want, abs=1e-4)
    assert all(v < 0 for v in got)
    shuffled = list(reversed(reqs))
    assert lm.loglikelihood(shuffled) == pytest.approx(got[::-1], abs=1e-4)


def test_loglikelihood_empty_continuation_and_batch(lm: HFAdapter) -> None:
    assert lm.loglikelihood([]) == []
    seen: list[int] = []
    assert lm.loglikelihood([("abc", ""), ("", "")], progress=seen.append) == [0.0, 0.0]
    assert sum(seen) == 2


def _count_rows(adapter: HFAdapter) -> tuple[list[int], object]:
    rows: list[int] = []

    def hook(module: torch.nn.Module, args: tuple, kwargs: dict) -> None:
        ids = kwargs.get("input_ids", args[0] if args else None)
        rows.append(int(ids.shape[0]))

    return rows, adapter.model.register_forward_pre_hook(hook, with_kwargs=True)


def test_shared_context_single_token_requests_share_one_row(lm: HFAdapter, monkeypatch) -> None:
    # Prefix packing would merge the contexts' shared "Review: " tokens too; this test counts rows
    # from deduplication and whole-row prefixes alone.
    from guard.models import _hf_scoring

    monkeypatch.setattr(_hf_scoring, "supports_packing", lambda *a, **k: False)
    reqs = [(c, v) for c in CONTEXTS for v in SINGLE]
    reqs += [(c, " is great") for c in CONTEXTS]  # row = context + " is": the single-token rows are its prefix
    rows, handle = _count_rows(lm)
    try:
        got = lm.loglikelihood(reqs)
    finally:
        handle.remove()
    assert sum(rows) == len(CONTEXTS)  # 20 requests, 5 forward rows
    assert len(rows) == 2  # batch_size 3
    want = [_reference_loglikelihood(lm, c, x, lm.max_length) for c, x in reqs]
    assert got == pytest.approx(want, abs=1e-4)


def test_loglikelihood_truncates_from_the_left(lm_dir: Path) -> None:
    short = load_model(f"hf:{lm_dir}", max_length=12, batch_size=2)
    assert short.max_length == 12
    long_context = " ".join(["the best film of the year"] * 6)
    reqs = [(long_context, " the"), (long_context, " is great"), ("a", " the")]
    want = [_reference_loglikelihood(short, c, x, 12) for c, x in reqs]
    assert short.loglikelihood(reqs) == pytest.approx(want, abs=1e-4)
    with pytest.raises(GuardError, match="longer than the model's window"):
        short.loglikelihood([("a", long_context)])


# ---------------------------------------------------------------- generate

PROMPTS = ["Hello", "What is the capital of France?", "a wonderful, moving film with a great cast", "I"]


def test_generate_greedy_is_deterministic_and_ordered(lm: HFAdapter) -> None:
    config = GenerationConfig(max_new_tokens=6)
    seen: list[int] = []
    first = lm.generate(PROMPTS, config, progress=seen.append)
    assert sum(seen) == len(PROMPTS)
    assert lm.generate(PROMPTS, config) == first
    assert [lm.generate([p], config)[0] for p in PROMPTS] == first
    assert lm.generate(PROMPTS[::-1], config) == first[::-1]
    assert all(isinstance(t, str) and t for t in first)


def test_generate_matches_plain_transformers(lm: HFAdapter) -> None:
    prompt = PROMPTS[1]
    ids = lm.tokenizer(prompt, return_tensors="pt").input_ids
    with torch.no_grad():
        out = lm.model.generate(ids, max_new_tokens=5, do_sample=False, pad_token_id=lm.tokenizer.pad_token_id)
    want = lm.tokenizer.decode(out[0, ids.shape[1] :], skip_special_tokens=True)
    assert lm.generate([prompt], GenerationConfig(max_new_tokens=5)) == [want]


def test_generate_sampling_is_seeded(lm: HFAdapter) -> None:
    sampled = [GenerationConfig(max_new_tokens=8, temperature=1.0, seed=s) for s in range(4)]
    assert lm.generate(PROMPTS, sampled[0]) == lm.generate(PROMPTS, sampled[0])
    outputs = {tuple(lm.generate(PROMPTS, c)) for c in sampled}
    assert len(outputs) > 1


def test_generate_cuts_at_stop_strings(lm: HFAdapter) -> None:
    config = GenerationConfig(max_new_tokens=8)
    text = lm.generate([PROMPTS[0]], config)[0]
    assert len(text) >= 3
    stop = text[2:4]
    cut = lm.generate([PROMPTS[0]], GenerationConfig(max_new_tokens=8, stop=("never-appears", stop)))[0]
    assert cut == text[: text.find(stop)]


def test_generate_chat_applies_template(lm: HFAdapter) -> None:
    templated = lm.tokenizer.apply_chat_template(
        [{"role": "user", "content": PROMPTS[1]}], tokenize=False, add_generation_prompt=True
    )
    assert templated.endswith("<|assistant|>")
    chat = lm.generate([PROMPTS[1]], GenerationConfig(max_new_tokens=5, chat=True))
    assert chat == lm.generate([templated], GenerationConfig(max_new_tokens=5))


def test_generate_empty(lm: HFAdapter) -> None:
    assert lm.generate([], GenerationConfig()) == []
    assert len(lm.generate([""], GenerationConfig(max_new_tokens=3))) == 1


# ---------------------------------------------------------------- loading errors


def test_missing_weights(tmp_path: Path, clf_dir: Path) -> None:
    shutil.copy(clf_dir / "config.json", tmp_path / "config.json")
    with pytest.raises(GuardError, match="no model weights in") as err:
        load_model(f"hf:{tmp_path}")
    assert "safetensors" in str(err.value)


def test_pickle_weights_need_trust(tmp_path: Path, clf_dir: Path) -> None:
    from safetensors.torch import load_file

    target = shutil.copytree(clf_dir, tmp_path / "pickled")
    torch.save(load_file(target / "model.safetensors"), target / "pytorch_model.bin")
    (target / "model.safetensors").unlink()
    with pytest.raises(GuardError, match="--trust-pickle"):
        load_model(f"hf:{target}")
    trusted = load_model(f"hf:{target}", trust_pickle=True)
    assert trusted.classify(TEXTS[:2]) == load_model(f"hf:{clf_dir}").classify(TEXTS[:2])
    assert "pytorch_model.bin" in {p.name for p in trusted.artifact.files}


@pytest.mark.parametrize("target", ["./no-such-model", "/no/such/dir", "no/such/dir", "missing.gguf", "~/nope.gguf"])
def test_nonexistent_path(target: str) -> None:
    with pytest.raises(GuardError, match="no such file or directory"):
        load_model(f"hf:{target}")


def test_offline_hub_id(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import huggingface_hub.constants as hub_constants

    monkeypatch.setattr(hub_constants, "HF_HUB_OFFLINE", True)
    monkeypatch.setattr(hub_constants, "HF_HUB_CACHE", str(tmp_path))
    with pytest.raises(GuardError, match="cannot fetch hub model") as err:
        load_model("hf:nonexistent-org/nonexistent-model-xyz")
    assert "local model directory" in str(err.value)
    assert "\n" not in str(err.value)


def test_broken_files_are_guard_errors(tmp_path: Path, clf_dir: Path) -> None:
    no_tok = tmp_path / "no_tok"
    no_tok.mkdir()
    for name in ("config.json", "model.safetensors"):
        shutil.copy(clf_dir / name, no_tok / name)
    with pytest.raises(GuardError, match="tokenizer"):
        load_model(f"hf:{no_tok}")
    bad_config = shutil.copytree(clf_dir, tmp_path / "bad_config")
    (bad_config / "config.json").write_text("{not json")
    with pytest.raises(GuardError, match="config"):
        load_model(f"hf:{bad_config}")
    corrupt = shutil.copytree(clf_dir, tmp_path / "corrupt")
    (corrupt / "model.safetensors").write_bytes(b"\x00" * 64)
    with pytest.raises(GuardError):
        load_model(f"hf:{corrupt}")
    not_model = tmp_path / "file.txt"
    not_model.write_text("x")
    with pytest.raises(GuardError, match="not a model directory"):
        load_model(f"hf:{not_model}")


def test_bad_options(clf_dir: Path) -> None:
    with pytest.raises(GuardError, match="unknown option 'batchsize'") as err:
        load_model(f"hf:{clf_dir}", batchsize=4)
    assert "batch_size" in str(err.value)
    with pytest.raises(GuardError, match="dtype"):
        load_model(f"hf:{clf_dir}", dtype="float33")
    with pytest.raises(GuardError, match="batch_size"):
        load_model(f"hf:{clf_dir}", batch_size=0)


def test_loglikelihood_without_logits_to_keep(lm: HFAdapter, monkeypatch: pytest.MonkeyPatch) -> None:
    """Models whose forward lacks ``logits_to_keep`` get full logits and the same numbers."""
    from guard.models import _hf_scoring

    reqs = _requests()
    want = lm.loglikelihood(reqs)
    monkeypatch.setattr(_hf_scoring, "accepts_logits_to_keep", lambda model: False)
    assert lm.loglikelihood(reqs) == pytest.approx(want, abs=1e-5)
