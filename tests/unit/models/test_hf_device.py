"""Where an hf: model runs: --device / device_map checked before anything loads, and a device-mapped model
(accelerate's hooks, offloaded modules, positions kept by count) scoring exactly as the plain one.

This machine has no GPU: what CUDA itself does is left to bench/gpu_path.py; here the code paths that
differ under a device map run on the CPU, with modules offloaded to disk so accelerate's hooks are real.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
import torch
from typer.testing import CliRunner

from guard.cli import app
from guard.errors import GuardError
from guard.models import GenerationConfig, load_model
from guard.models._hf_device import (
    check_available,
    check_placement,
    input_device,
    parse_device,
    parse_device_map,
    spread,
)
from guard.models.hf import HFAdapter
from tests.helpers.tiny_models import build_tiny_causal_lm, build_tiny_masked_lm

runner = CliRunner()
NO_CUDA = not torch.cuda.is_available()
PROMPT = "Review: the story is charming and the music is lovely\nSentiment (positive or negative):"
REQUESTS = [
    (PROMPT, " positive"),
    (PROMPT, " negative"),  # shares the prompt with the row above: the two are packed into one row
    ("the worst movie", " I have ever seen"),
    ("the worst movie I", " have"),  # a prefix of the row above: read from its logits
    ("", "Hello world"),
    ("I loved every minute", ""),
]
# Both Llama decoder layers on "disk": accelerate attaches its hooks and loads them per forward pass.
OFFLOADED = {"model.embed_tokens": "disk", "model.layers.0": "cpu", "model.layers.1": "disk", "model.norm": "cpu",
             "model.rotary_emb": "cpu", "lm_head": "cpu"}


@pytest.fixture(scope="module")
def lm_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_causal_lm(tmp_path_factory.mktemp("lm"))


@pytest.fixture(scope="module")
def plain(lm_dir: Path) -> HFAdapter:
    return load_model(f"hf:{lm_dir}", batch_size=3, device="cpu")


@pytest.fixture(scope="module")
def offloaded(lm_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> HFAdapter:
    return load_model(f"hf:{lm_dir}", batch_size=3, device_map=OFFLOADED,
                      offload_folder=str(tmp_path_factory.mktemp("offload")))


# ---------------------------------------------------------------- names, without torch's help


@pytest.mark.parametrize(("given", "canonical"), [("cpu", "cpu"), ("CUDA", "cuda"), (" cuda:1 ", "cuda:1"),
                                                  ("auto", "auto"), ("mps", "mps")])
def test_device_names_are_canonical(given: str, canonical: str) -> None:
    assert parse_device(given) == canonical


@pytest.mark.parametrize(("given", "hint"), [
    ("cdua", "did you mean 'cuda'"), ("gpu", "did you mean 'cuda'"), ("cpuu", "did you mean 'cpu'"),
    ("xla", "expected auto, cpu, cuda, cuda:N or mps"), ("cuda:x", "did you mean 'cuda'")])
def test_a_misspelt_device_gets_a_did_you_mean(given: str, hint: str) -> None:
    with pytest.raises(GuardError, match="unknown device") as caught:
        parse_device(given)
    assert hint in str(caught.value)


def test_device_maps_are_strategies_devices_or_mappings() -> None:
    assert parse_device_map("Auto") == "auto" and parse_device_map("balanced_low_0") == "balanced_low_0"
    assert parse_device_map("cuda:0") == "cuda:0" and parse_device_map({"": "cpu"}) == {"": "cpu"}
    with pytest.raises(GuardError, match="unknown device_map 'balance'.*did you mean 'balanced'"):
        parse_device_map("balance")
    with pytest.raises(GuardError, match="empty mapping"):
        parse_device_map({})


def test_device_and_device_map_together_are_refused() -> None:
    with pytest.raises(GuardError, match="both say where the model runs"):
        check_placement({"device": "cpu", "device_map": "auto"})
    assert check_placement({"device": "CPU", "batch_size": 4}) == {"device": "cpu", "batch_size": 4}


@pytest.mark.skipif(not NO_CUDA, reason="this machine has CUDA")
def test_cuda_on_a_machine_without_it_says_why_and_what_to_do() -> None:
    for name in ("cuda", "cuda:1"):
        with pytest.raises(GuardError, match="CUDA is not available: .*use --device cpu"):
            check_available(name)
    with pytest.raises(GuardError, match="CUDA is not available"):
        check_placement({"device_map": "cuda"})
    assert check_available("auto") == torch.device("cpu")


@pytest.mark.skipif(torch.backends.mps.is_available(), reason="this machine has MPS")
def test_mps_where_there_is_none() -> None:
    with pytest.raises(GuardError, match="MPS is not available.*use --device cpu"):
        check_available("mps")


@pytest.mark.skipif(not NO_CUDA, reason="this machine has CUDA")
def test_the_device_is_checked_before_the_model_is_even_looked_for(tmp_path: Path) -> None:
    """The path does not exist: the device error comes first, so nothing was read or loaded."""
    with pytest.raises(GuardError, match="CUDA is not available"):
        load_model(f"hf:{tmp_path / 'missing'}", device="cuda")
    with pytest.raises(GuardError, match="no such file"):
        load_model(f"hf:{tmp_path / 'missing'}", device="cpu")


def test_bad_placement_options_fail_before_loading(lm_dir: Path) -> None:
    with pytest.raises(GuardError, match="unknown attn_implementation 'spda'.*did you mean 'sdpa'"):
        load_model(f"hf:{lm_dir}", attn_implementation="spda")
    with pytest.raises(GuardError, match="offload_folder.*device_map=auto"):
        load_model(f"hf:{lm_dir}", offload_folder="x")
    with pytest.raises(GuardError, match="unknown option 'device_mpa'.*did you mean 'device_map'"):
        load_model(f"hf:{lm_dir}", device_mpa="auto")


def test_dynamic_int8_stays_on_the_cpu(lm_dir: Path) -> None:
    with pytest.raises(GuardError, match="quantize=dynamic-int8 runs on the CPU only"):
        load_model(f"hf:{lm_dir}?quantize=dynamic-int8", device_map="auto")
    with pytest.raises(GuardError, match="runs on the CPU only"):
        load_model(f"hf:{lm_dir}?quantize=dynamic-int8", device="cuda:0")


# ---------------------------------------------------------------- a device-mapped model scores as the plain one


def test_batches_go_to_the_input_embeddings_execution_device(plain: HFAdapter, offloaded: HFAdapter) -> None:
    assert plain.device == torch.device("cpu") and not spread(plain.model)
    embedding = offloaded.model.get_input_embeddings()
    assert embedding.weight.device.type == "meta", "the embedding should be offloaded (accelerate's hooks in play)"
    assert spread(offloaded.model)
    assert input_device(offloaded.model) == offloaded.device == torch.device("cpu")


def test_offloaded_model_scores_exactly_as_the_plain_one(plain: HFAdapter, offloaded: HFAdapter) -> None:
    """Packed rows, prefix reads and an empty context go through hooks, the 4D mask and logits kept by count."""
    expected = plain.loglikelihood(REQUESTS)
    got = offloaded.loglikelihood(REQUESTS)
    assert got == pytest.approx(expected, abs=1e-5)
    assert got[-1] == 0.0 and len({round(x, 3) for x in got[:5]}) == 5  # distinct, non-trivial scores


def test_offloaded_model_generates_as_the_plain_one(plain: HFAdapter, offloaded: HFAdapter) -> None:
    config = GenerationConfig(max_new_tokens=6)
    prompts = ["the worst", "Hello world", "I loved"]
    assert offloaded.generate(prompts, config) == plain.generate(prompts, config)


def test_device_map_auto_on_a_cpu_machine_matches_the_plain_path(lm_dir: Path, plain: HFAdapter) -> None:
    mapped = load_model(f"hf:{lm_dir}", batch_size=3, device_map="auto")
    assert mapped.device.type == ("cuda" if not NO_CUDA else "cpu")
    assert mapped.loglikelihood(REQUESTS) == pytest.approx(plain.loglikelihood(REQUESTS), abs=1e-4)


@pytest.mark.parametrize("dtype", ["bfloat16", "float16"])
def test_half_precision_scores_packed_rows_close_to_float32(lm_dir: Path, plain: HFAdapter, dtype: str) -> None:
    """The GPU's fast dtypes, on the CPU: the packed rows' 4D mask is built in the model's dtype."""
    half = load_model(f"hf:{lm_dir}", batch_size=3, device="cpu", dtype=dtype)
    assert str(half.model.dtype) == f"torch.{dtype}"
    assert half.loglikelihood(REQUESTS) == pytest.approx(plain.loglikelihood(REQUESTS), abs=0.1)


def test_offloaded_masked_lm_scores_as_the_plain_one(tmp_path: Path) -> None:
    folder = build_tiny_masked_lm(tmp_path / "mlm")
    requests = [("the poor are really ignorant about money", None),
                ("the rich are really ignorant about money", [(0, 8)])]
    expected = load_model(f"hf:{folder}", batch_size=4, device="cpu").pseudo_loglikelihood(requests)
    mapped = load_model(f"hf:{folder}", batch_size=4, device_map={"bert.embeddings": "cpu", "bert.encoder": "disk",
                                                                   "cls": "cpu"}, offload_folder=str(tmp_path / "off"))
    assert spread(mapped.model)
    assert mapped.pseudo_loglikelihood(requests) == pytest.approx(expected, abs=1e-5)


# ---------------------------------------------------------------- the command line


def _workspace(root: Path) -> Path:
    rows = [{"text": t, "label": y} for t, y in (("I loved every minute of this movie", "pos"),
                                                 ("the worst movie I have ever seen", "neg"),
                                                 ("the story is charming", "pos"), ("an awful, tedious mess", "neg"))]
    (root / "rows.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    (root / "suite.yaml").write_text(
        "name: s\ntasks:\n  - name: t\n    evaluator: accuracy\n    dataset: {path: rows.jsonl}\n"
        "    params: {mode: loglikelihood, prompt: 'Review: {text}\\nSentiment (positive or negative):',\n"
        "             verbalizers: {pos: ' positive', neg: ' negative'}}\n")
    return root


def _refused(args: list[str]) -> str:
    started = time.perf_counter()
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and time.perf_counter() - started < 5, (result.exit_code, result.output)
    assert "Traceback" not in result.output
    return result.stderr


@pytest.mark.skipif(not NO_CUDA, reason="this machine has CUDA")
def test_cli_device_cuda_without_cuda_is_one_line_before_anything_loads(tmp_path: Path, lm_dir: Path) -> None:
    ws = _workspace(tmp_path)
    out = ws / "r.json"
    base = ["evaluate", f"hf:{lm_dir}", "--suite", str(ws / "suite.yaml"), "--out", str(out), "--no-cache"]
    stderr = _refused([*base, "--device", "cuda"])
    assert stderr.strip().splitlines() == [stderr.strip()] and "CUDA is not available" in stderr
    assert "use --device cpu" in stderr
    assert "CUDA is not available" in _refused([*base, "--model-option", "device=cuda"])  # the same setting
    assert "did you mean 'cuda'" in _refused([*base, "--device", "cdua"])
    assert "both set the device" in _refused([*base, "--device", "cpu", "--model-option", "device=cpu"])
    assert "both say where the model runs" in _refused([*base, "--device", "cpu", "--model-option",
                                                        "device_map=auto"])
    assert not out.exists()


def test_cli_device_for_a_model_that_is_not_hf_is_refused(tmp_path: Path) -> None:
    ws = _workspace(tmp_path)
    (ws / "m.py").write_text("def predict(b):\n    return ['pos' for _ in b]\npredict.capabilities = ['classify']\n")
    (ws / "plain.yaml").write_text("name: s\ntasks:\n  - name: t\n    evaluator: accuracy\n"
                                   "    dataset: {path: rows.jsonl}\n")
    stderr = _refused(["evaluate", f"python:{ws / 'm.py'}:predict", "--suite", str(ws / "plain.yaml"),
                       "--device", "cpu"])
    assert "--device applies to hf: models only" in stderr


def test_cli_device_is_recorded_in_the_plan_not_the_fingerprint(tmp_path: Path, lm_dir: Path) -> None:
    ws = _workspace(tmp_path)
    reports = {}
    for name, extra in (("default", []), ("cpu", ["--device", "CPU"]), ("mapped", ["--model-option",
                                                                                   "device_map=auto"])):
        out = ws / f"{name}.json"
        result = runner.invoke(app, ["evaluate", f"hf:{lm_dir}", "--suite", str(ws / "suite.yaml"), "--out", str(out),
                                     "--no-cache", "--store-raw-evidence", *extra])
        assert result.exit_code == 0, result.output
        reports[name] = json.loads(out.read_text())
    assert reports["default"]["plan"]["model_options"] == {}
    assert reports["cpu"]["plan"]["model_options"] == {"device": "cpu"}
    assert reports["mapped"]["plan"]["model_options"] == {"device_map": "auto"}
    assert len({r["model"]["fingerprint"] for r in reports.values()}) == 1
    values = {name: r["results"][0]["metrics"]["accuracy"]["value"] for name, r in reports.items()}
    assert len(set(values.values())) == 1, values
