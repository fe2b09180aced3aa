"""Transformers models under test: a model directory, a ``.gguf`` file, or a hub id (``hf:`` specs).

Causal LMs generate and score log-likelihoods, masked LMs score pseudo-log-likelihoods, sequence
classifiers classify; which one a directory holds comes from ``config.architectures``.

Loading is safe by default (safetensors or GGUF; pickle ``.bin`` weights only with
``trust_pickle``; never remote code) and every loading failure becomes a one-line ``GuardError``
instead of a transformers traceback. Inference is batched, length-sorted and done in
``torch.inference_mode`` in float32 unless asked otherwise, so numbers are reproducible.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from guard.errors import GuardError, did_you_mean
from guard.models import _hf_masked as masked_lm
from guard.models import _hf_scoring as scoring
from guard.models._hf_device import (
    check_available,
    check_placement,
    cuda_devices,
    input_device,
    parse_device,
    placed_by_accelerate,
    to_device,
)
from guard.models._hf_files import ARTIFACT_PATTERNS, TOKENIZER_FILES, first_line, resolve, split_load_options, weights
from guard.models.base import (
    AdapterBase,
    ArtifactInfo,
    Capability,
    GenerationConfig,
    Prediction,
    ProgressCallback,
    ScoredSpans,
)

OPTIONS = ("threads", "dtype", "max_length", "device_map", "attn_implementation", "offload_folder")
"""Extra keyword options ``load_hf`` accepts besides ``device`` and ``batch_size``."""

_DTYPES = ("float32", "float16", "bfloat16", "auto")
_ATTENTION = ("eager", "sdpa", "flash_attention_2", "flash_attention_3", "flex_attention")
_LOAD_ERRORS: tuple[type[BaseException], ...] = (OSError, ValueError, RuntimeError, KeyError, ImportError)


def load_hf(
    target: str,
    *,
    spec: str,
    trust_pickle: bool = False,
    device: str | None = None,
    batch_size: int = 32,
    **options: Any,
) -> HFAdapter:
    """Load a transformers model from a directory, a ``.gguf`` file or a hub id.

    ``device``: one device for the whole model (``auto``: CUDA when torch sees one, else the CPU).
    ``options``: ``threads`` (torch CPU threads; left alone unless given), ``dtype`` (float32
    default, also on a GPU, so numbers match the CPU's; bfloat16 is the fast choice there),
    ``max_length`` (override the model's window), ``device_map`` (accelerate places the model:
    ``auto`` spreads it over every GPU, then CPU memory, then ``offload_folder``; never with
    ``device``), ``attn_implementation`` (eager, sdpa, flash_attention_2...). Unknown options are errors.
    """
    for name in options:
        if name not in OPTIONS:
            hint = did_you_mean(name, (*OPTIONS, "device", "batch_size"))
            raise GuardError(f"unknown option '{name}' for hf models", hint=hint)
    if batch_size < 1:
        raise GuardError(f"batch_size must be at least 1, got {batch_size}")
    target, variant = split_load_options(target)
    if variant.get("quantize") == "dynamic-int8":  # torch's dynamic int8 kernels run on the CPU only
        if options.get("device_map") is not None or parse_device(device or "auto") not in ("auto", "cpu"):
            raise GuardError("quantize=dynamic-int8 runs on the CPU only", where=spec,
                             hint="drop --device/device_map, or give --device cpu")
        device = "cpu"
    placement = check_placement({"device": device, "device_map": options.get("device_map")})
    load_options = _load_options(options, placement.get("device_map"))
    dtype = _dtype(options.get("dtype"))
    import torch
    from transformers.utils import logging as transformers_logging

    # guard shows its own progress; transformers' per-tensor bars would flood CI logs.
    transformers_logging.disable_progress_bar()
    if options.get("threads"):
        torch.set_num_threads(int(options["threads"]))
    path, gguf = resolve(target, trust_pickle=trust_pickle)
    # With a device map accelerate (or transformers) has placed the model; it is not moved afterwards.
    dev = None if "device_map" in load_options else check_available(parse_device(device or "auto"))
    if gguf is not None:
        model, tokenizer, kind, artifact = _load_gguf(path, gguf, dtype=dtype, **load_options)
    else:
        model, tokenizer, kind, artifact = _load_dir(path, trust_pickle=trust_pickle, dtype=dtype, **load_options)
    artifact.variant = "&".join(f"{k}={v}" for k, v in sorted(variant.items()))
    adapter = HFAdapter(
        model, tokenizer, spec=spec, causal=kind == "causal", masked=kind == "masked", artifact=artifact,
        device=dev, batch_size=batch_size, max_length=options.get("max_length"),
    )
    if variant.get("quantize") == "dynamic-int8":
        adapter.model = _quantize_dynamic_int8(adapter.model)
    return adapter


def _quantize_dynamic_int8(model: Any) -> Any:
    """Dynamic int8 quantization of the Linear layers (CPU): faster, smaller, usually less accurate."""
    import warnings

    import torch

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # torch.ao's deprecation notices; the API still works in torch 2.x
        return torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)


def _load_options(options: dict[str, Any], device_map: Any) -> dict[str, Any]:
    """``from_pretrained`` keywords for where and how the model runs, checked before anything loads."""
    out: dict[str, Any] = {}
    if device_map is not None:
        out["device_map"] = device_map
    attention = options.get("attn_implementation")
    if attention is not None:
        if attention not in _ATTENTION and "/" not in str(attention):  # a hub kernel is 'org/repo'
            raise GuardError(f"unknown attn_implementation '{attention}'",
                             hint=did_you_mean(str(attention), _ATTENTION))
        out["attn_implementation"] = str(attention)
    if options.get("offload_folder") is not None:
        if device_map is None:
            raise GuardError("offload_folder is where device_map puts what fits on no device",
                             hint="add --model-option device_map=auto")
        out["offload_folder"] = str(options["offload_folder"])
    return out


def _dtype(name: str | None) -> Any:
    import torch

    name = name or "float32"
    if name not in _DTYPES:
        raise GuardError(f"unknown dtype '{name}'", hint=did_you_mean(name, _DTYPES))
    return name if name == "auto" else getattr(torch, name)


def _load_gguf(folder: Path, name: str, *, dtype: Any, **placement: Any) -> tuple[Any, Any, str, ArtifactInfo]:
    """A GGUF causal LM through transformers' ``gguf_file`` support (dequantized on load), the file parsed once."""
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from guard.models._hf_gguf import parse_once

    where = folder / name
    try:
        with parse_once():
            tokenizer = AutoTokenizer.from_pretrained(folder, gguf_file=name, trust_remote_code=False)
            model = AutoModelForCausalLM.from_pretrained(folder, gguf_file=name, dtype=dtype, trust_remote_code=False,
                                                         **placement)
    except _LOAD_ERRORS as exc:
        raise GuardError(f"cannot load GGUF model: {first_line(exc)}", where=where) from exc
    return model, tokenizer, "causal", ArtifactInfo(files=[where], root=folder)


def _load_dir(path: Path, *, trust_pickle: bool, dtype: Any, **placement: Any) -> tuple[Any, Any, str, ArtifactInfo]:
    """Config, tokenizer and weights from a ``save_pretrained`` directory, safetensors unless trusted;
    ``placement``: device_map, attn_implementation, offload_folder for ``from_pretrained``."""
    from safetensors import SafetensorError
    from transformers import (
        AutoConfig,
        AutoModelForCausalLM,
        AutoModelForMaskedLM,
        AutoModelForSequenceClassification,
        AutoTokenizer,
    )

    try:
        config = AutoConfig.from_pretrained(path, trust_remote_code=False)
    except _LOAD_ERRORS as exc:
        raise GuardError(f"cannot read model config: {first_line(exc)}", where=path / "config.json") from exc
    kind = _architecture(config, path)
    auto = {"causal": AutoModelForCausalLM, "masked": AutoModelForMaskedLM}.get(
        kind, AutoModelForSequenceClassification)
    if not any(p.is_file() for pattern in TOKENIZER_FILES for p in path.glob(pattern)):
        # transformers 5 would build an empty-vocabulary tokenizer from config.json alone
        raise GuardError(
            f"no tokenizer files in {path}",
            hint="looked for " + ", ".join(TOKENIZER_FILES) + "; save the tokenizer next to the model",
        )
    try:
        tokenizer = AutoTokenizer.from_pretrained(path, trust_remote_code=False)
    except _LOAD_ERRORS as exc:
        raise GuardError(f"cannot load tokenizer: {first_line(exc)}", where=path) from exc
    weight_errors: tuple[type[BaseException], ...] = (*_LOAD_ERRORS, SafetensorError)
    try:
        model = auto.from_pretrained(
            path, config=config, dtype=dtype, use_safetensors=None if trust_pickle else True, trust_remote_code=False,
            **placement,
        )
    except weight_errors as exc:
        raise GuardError(f"cannot load model weights: {first_line(exc)}", where=path) from exc
    files = weights(path, trust_pickle=trust_pickle) + [
        p for pattern in ARTIFACT_PATTERNS for p in path.glob(pattern) if p.is_file()
    ]
    return model, tokenizer, kind, ArtifactInfo(files=sorted(set(files)), root=path)


def _architecture(config: Any, path: Path) -> str:
    """``causal``, ``masked`` or ``classifier``, from ``config.architectures`` (else the auto mappings)."""
    from transformers import AutoModelForCausalLM, AutoModelForSequenceClassification

    for arch in getattr(config, "architectures", None) or []:
        if arch.endswith("ForSequenceClassification"):
            return "classifier"
        if arch.endswith(("ForCausalLM", "LMHeadModel")):
            return "causal"
        if arch.endswith("ForMaskedLM"):
            return "masked"
    if type(config) in AutoModelForCausalLM._model_mapping:
        return "causal"
    if type(config) in AutoModelForSequenceClassification._model_mapping:
        return "classifier"
    archs = ", ".join(getattr(config, "architectures", None) or [config.model_type])
    raise GuardError(
        f"unsupported architecture {archs}",
        where=path / "config.json",
        hint="hf: takes causal LMs, masked LMs (*ForMaskedLM) and sequence classifiers",
    )


class HFAdapter(AdapterBase):
    """A transformers model and its tokenizer: classify (sequence classifiers), generate/loglikelihood
    (causal LMs) or pseudo_loglikelihood (masked LMs)."""

    kind = "hf"

    def __init__(
        self,
        model: Any,
        tokenizer: Any,
        *,
        spec: str,
        causal: bool,
        masked: bool = False,
        artifact: ArtifactInfo,
        device: Any,
        batch_size: int = 32,
        max_length: int | None = None,
    ):
        self.spec = spec
        self.artifact = artifact
        self._parameters = int(model.num_parameters())  # counted before any quantization packs them
        if device is not None and not placed_by_accelerate(model):  # a device-mapped model stays put
            model = model.to(device)
        self.model = model.eval()
        self.tokenizer = tokenizer
        self.device = input_device(model)  # where batches go: the input embedding's device, not always cuda:0
        self.batch_size = batch_size
        self.causal, self.masked = causal, masked and not causal
        self.max_length = int(max_length) if max_length else scoring.model_window(model, tokenizer)
        if causal:
            self.capabilities = frozenset({Capability.GENERATE, Capability.LOGLIKELIHOOD})
        else:
            self.capabilities = frozenset({Capability.PSEUDO_LOGLIKELIHOOD if self.masked else Capability.CLASSIFY})
        if tokenizer.pad_token_id is None:  # batches need padding; EOS (else UNK) is the usual stand-in
            tokenizer.pad_token = tokenizer.eos_token or tokenizer.unk_token
        if getattr(model.config, "pad_token_id", None) is None and tokenizer.pad_token_id is not None:
            model.config.pad_token_id = tokenizer.pad_token_id

    @property
    def num_parameters(self) -> int:
        return self._parameters

    def classify(self, inputs: Sequence[Any], *, progress: ProgressCallback | None = None) -> list[Prediction]:
        """Softmax class probabilities per text, labels from ``config.id2label``, in input order."""
        import torch

        if self.causal or self.masked:
            raise self._unsupported(Capability.CLASSIFY)
        texts = list(inputs)
        for text in texts:
            if not isinstance(text, str):
                raise GuardError(f"hf classifiers take texts, got {type(text).__name__}", where=self.spec)
        if not texts:
            return []
        encoded = self.tokenizer(texts, truncation=True, max_length=self.max_length)
        id2label = {int(k): str(v) for k, v in self.model.config.id2label.items()}
        out: list[Prediction | None] = [None] * len(texts)
        with torch.inference_mode():
            for batch in scoring.sorted_batches([len(x) for x in encoded["input_ids"]], self.batch_size):
                features = [{k: encoded[k][i] for k in encoded.keys()} for i in batch]
                tensors = self.tokenizer.pad(features, padding=True, return_tensors="pt")
                logits = self.model(**{k: to_device(v, self.device) for k, v in tensors.items()}).logits
                probs = logits.float().softmax(-1).cpu().tolist()
                for i, row in zip(batch, probs):
                    scores = {id2label.get(j, str(j)): float(p) for j, p in enumerate(row)}
                    out[i] = Prediction(label=id2label.get(max(range(len(row)), key=row.__getitem__), "?"),
                                        scores=scores)
                if progress is not None:
                    progress(len(batch))
        return [p for p in out if p is not None]

    def loglikelihood(
        self, requests: Sequence[tuple[str, str]], *, progress: ProgressCallback | None = None
    ) -> list[float]:
        """Sum of log-probabilities of each continuation given its context (lm-eval conventions)."""
        import torch

        if not self.causal:
            raise self._unsupported(Capability.LOGLIKELIHOOD)
        if not requests:
            return []
        tok = self.tokenizer
        prefix = tok.bos_token_id if tok.bos_token_id is not None else tok.eos_token_id
        encoded = scoring.encode_requests(tok, [(str(c), str(x)) for c, x in requests], prefix)
        rows = scoring.plan_rows(encoded, self.max_length)
        if scoring.supports_packing(self.model, self.max_length):
            rows = scoring.pack_rows(rows, max_members=self.batch_size, max_width=self.max_length)
        with torch.inference_mode():
            return scoring.score_rows(
                self.model,
                rows,
                len(encoded),
                batch_size=self.batch_size,
                pad_id=tok.pad_token_id if tok.pad_token_id is not None else 0,
                device=self.device,
                vocab_size=int(getattr(self.model.config, "vocab_size", 0) or len(tok)),
                progress=progress,
            )

    def pseudo_loglikelihood(
        self, requests: Sequence[tuple[str, ScoredSpans]], *, progress: ProgressCallback | None = None
    ) -> list[float]:
        """Masked LMs: per text, the sum over its scored tokens (those inside the character spans; all
        non-special tokens for None) of log p(token | text with that token masked)."""
        import torch

        if not self.masked:
            raise self._unsupported(Capability.PSEUDO_LOGLIKELIHOOD)
        with torch.inference_mode():
            return masked_lm.pseudo_loglikelihood(
                self.model, self.tokenizer, requests, batch_size=self.batch_size, device=self.device,
                max_length=self.max_length, progress=progress,
            )

    def generate(
        self, prompts: Sequence[str], config: GenerationConfig, *, progress: ProgressCallback | None = None
    ) -> list[str]:
        """Completions (new text only, cut at the first stop string), greedy unless temperature > 0."""
        import torch

        if not self.causal:
            raise self._unsupported(Capability.GENERATE)
        if not prompts:
            return []
        ids = scoring.encode_prompts(self.tokenizer, list(prompts), config)
        keep = max(self.max_length - config.max_new_tokens, 1)
        ids = [x[-keep:] for x in ids]
        out: list[str] = [""] * len(ids)
        with torch.inference_mode(), torch.random.fork_rng(devices=cuda_devices(self.model)):
            torch.manual_seed(config.seed)
            for batch in scoring.sorted_batches([len(x) for x in ids], self.batch_size):
                texts = scoring.generate_batch(self.model, self.tokenizer, [ids[i] for i in batch], config, self.device)
                for i, text in zip(batch, texts):
                    out[i] = scoring.cut_at_stops(text, config.stop)
                if progress is not None:
                    progress(len(batch))
        return out
