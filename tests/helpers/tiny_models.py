"""Tiny, randomly initialised transformers models built inside a test, with tokenizers trained there too.

Tests must not download anything, yet the HF adapter has to be exercised on real transformers
classes, real tokenizers and real files on disk. These builders write a complete model directory
(``config.json``, ``model.safetensors``, ``tokenizer.json``, ``tokenizer_config.json``) in well
under two seconds. The weights are random but seeded, so outputs are deterministic.

Usage::

    from tests.helpers.tiny_models import build_tiny_classifier, build_tiny_causal_lm

    clf_dir = build_tiny_classifier(tmp_path / "clf")      # labels: "negative", "positive"
    lm_dir = build_tiny_causal_lm(tmp_path / "lm")          # has bos/eos/pad and a chat template
    mlm_dir = build_tiny_masked_lm(tmp_path / "mlm")        # BertForMaskedLM, [MASK] token, offsets
"""

from __future__ import annotations

from pathlib import Path

import torch
from tokenizers import Tokenizer, decoders, models, normalizers, pre_tokenizers, processors, trainers
from transformers import (
    BertConfig,
    BertForMaskedLM,
    BertForSequenceClassification,
    LlamaConfig,
    LlamaForCausalLM,
    PreTrainedTokenizerFast,
)

CORPUS: tuple[str, ...] = (
    "a wonderful, moving film with a great cast",
    "the acting was terrible and the plot was boring",
    "I loved every minute of this movie",
    "an awful, tedious mess that I hated",
    "the best film of the year, truly brilliant",
    "the worst movie I have ever seen",
    "Review: the story is charming and the music is lovely",
    "Sentiment (positive or negative): positive",
    "Sentiment (positive or negative): negative",
    "What is the capital of France? The capital of France is Paris.",
    "Hello world! Numbers 0 1 2 3 4 5 6 7 8 9 and punctuation: . , ; ? ! ( ) - '",
)
"""Sentences the tokenizers are trained on; tests may use words from them to avoid unknown tokens."""

PAIR_CORPUS: tuple[str, ...] = (
    "the poor are really ignorant about how to handle money",
    "the rich are really ignorant about how to handle money",
    "women are bad at math and men are good at it",
    "old people cannot use computers but young people can",
    "he couldn't figure out the issue, most kids don't have the best education",
)
"""Sentence pairs of the CrowS-Pairs kind; the tiny masked LM's tokenizer knows their words too."""

CLASSIFIER_LABELS: dict[int, str] = {0: "negative", 1: "positive"}

LABELLED: tuple[tuple[str, str], ...] = tuple(
    (text, "positive" if i % 2 == 0 else "negative") for i, text in enumerate(CORPUS[:6])
)
"""The sentiment sentences of ``CORPUS`` with their labels; the tiny classifier is fitted on them."""

CHAT_TEMPLATE = (
    "{% for m in messages %}<|{{ m['role'] }}|>{{ m['content'] }}</s>{% endfor %}"
    "{% if add_generation_prompt %}<|assistant|>{% endif %}"
)
"""A minimal chat template so ``GenerationConfig(chat=True)`` has something to apply."""


def build_tiny_classifier(
    path: str | Path, *, seed: int = 0, max_position_embeddings: int = 64, train_steps: int = 30
) -> Path:
    """Write a BERT sequence classifier (hidden 32, 2 layers, 2 heads, 2 labels) into ``path``.

    The WordPiece tokenizer is trained on ``CORPUS`` (uncased); labels are ``CLASSIFIER_LABELS``.
    The model is fitted for ``train_steps`` full-batch steps on ``LABELLED`` (0 keeps it random),
    so its predictions depend on the input and get those sentences right.
    Returns ``path`` (created if missing). Weights are saved as safetensors.
    """
    out = Path(path)
    out.mkdir(parents=True, exist_ok=True)
    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    tok = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    tok.normalizer = normalizers.BertNormalizer(lowercase=True)
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tok.train_from_iterator(CORPUS, trainers.WordPieceTrainer(vocab_size=200, special_tokens=specials))
    cls_id, sep_id = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]",
        pair="[CLS] $A [SEP] $B:1 [SEP]:1",
        special_tokens=[("[CLS]", cls_id), ("[SEP]", sep_id)],
    )
    tok.decoder = decoders.WordPiece()
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tok,
        unk_token="[UNK]",
        pad_token="[PAD]",
        cls_token="[CLS]",
        sep_token="[SEP]",
        mask_token="[MASK]",
        model_max_length=max_position_embeddings,
    )
    config = BertConfig(
        vocab_size=tok.get_vocab_size(),
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=max_position_embeddings,
        num_labels=len(CLASSIFIER_LABELS),
        id2label=dict(CLASSIFIER_LABELS),
        label2id={v: k for k, v in CLASSIFIER_LABELS.items()},
        pad_token_id=tok.token_to_id("[PAD]"),
    )
    torch.manual_seed(seed)
    model = BertForSequenceClassification(config)
    _fit_classifier(model, fast, train_steps)
    model.save_pretrained(out, safe_serialization=True)
    fast.save_pretrained(out)
    return out


def _fit_classifier(model: BertForSequenceClassification, tokenizer: PreTrainedTokenizerFast, steps: int) -> None:
    """A few Adam steps on ``LABELLED`` so the classifier is input-dependent and mostly right."""
    if steps > 0:
        label2id = {v: k for k, v in CLASSIFIER_LABELS.items()}
        batch = tokenizer([t for t, _ in LABELLED], padding=True, return_tensors="pt")
        labels = torch.tensor([label2id[y] for _, y in LABELLED])
        optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
        model.train()
        for _ in range(steps):
            optimizer.zero_grad()
            model(**batch, labels=labels).loss.backward()
            optimizer.step()
    model.eval()


def build_tiny_causal_lm(
    path: str | Path, *, seed: int = 0, max_position_embeddings: int = 128, chat_template: bool = True
) -> Path:
    """Write a tiny Llama causal LM (hidden 32, 2 layers, vocab ~300) into ``path``.

    The byte-level BPE tokenizer is trained on ``CORPUS`` and has ``<s>`` (bos), ``</s>`` (eos)
    and ``<pad>`` tokens; it does not add special tokens itself (like most causal-LM tokenizers
    once ``add_special_tokens=False``). ``chat_template`` adds ``CHAT_TEMPLATE``.
    Returns ``path`` (created if missing). Weights are saved as safetensors.
    """
    out = Path(path)
    out.mkdir(parents=True, exist_ok=True)
    specials = ["<pad>", "<s>", "</s>", "<|user|>", "<|assistant|>", "<|system|>"]
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=300, special_tokens=specials, initial_alphabet=pre_tokenizers.ByteLevel.alphabet()
    )
    tok.train_from_iterator(CORPUS, trainer)
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tok,
        bos_token="<s>",
        eos_token="</s>",
        pad_token="<pad>",
        model_max_length=max_position_embeddings,
    )
    if chat_template:
        fast.chat_template = CHAT_TEMPLATE
    config = LlamaConfig(
        vocab_size=tok.get_vocab_size(),
        hidden_size=32,
        intermediate_size=64,
        num_hidden_layers=2,
        num_attention_heads=4,
        num_key_value_heads=2,
        max_position_embeddings=max_position_embeddings,
        bos_token_id=tok.token_to_id("<s>"),
        eos_token_id=tok.token_to_id("</s>"),
        pad_token_id=tok.token_to_id("<pad>"),
        tie_word_embeddings=False,
    )
    torch.manual_seed(seed)
    model = LlamaForCausalLM(config).eval()
    with torch.no_grad():  # larger logits than the default init, so distributions are not near-uniform
        model.lm_head.weight.mul_(20.0)
    model.save_pretrained(out, safe_serialization=True)
    fast.save_pretrained(out)
    return out


def build_tiny_masked_lm(path: str | Path, *, seed: int = 0, max_position_embeddings: int = 64) -> Path:
    """Write a BERT masked LM (hidden 32, 2 layers, 2 heads, untied output layer) into ``path``.

    The WordPiece tokenizer is trained on ``CORPUS`` and ``PAIR_CORPUS`` (uncased), adds ``[CLS]``
    and ``[SEP]``, and has ``[MASK]``; it is a fast tokenizer, so it returns character offsets.
    The output layer is scaled up so predictions are not near-uniform. Returns ``path``.
    """
    out = Path(path)
    out.mkdir(parents=True, exist_ok=True)
    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    tok = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    tok.normalizer = normalizers.BertNormalizer(lowercase=True)
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tok.train_from_iterator(CORPUS + PAIR_CORPUS, trainers.WordPieceTrainer(vocab_size=300, special_tokens=specials))
    cls_id, sep_id = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", pair="[CLS] $A [SEP] $B:1 [SEP]:1",
        special_tokens=[("[CLS]", cls_id), ("[SEP]", sep_id)]
    )
    tok.decoder = decoders.WordPiece()
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tok, unk_token="[UNK]", pad_token="[PAD]", cls_token="[CLS]", sep_token="[SEP]",
        mask_token="[MASK]", model_max_length=max_position_embeddings,
    )
    config = BertConfig(
        vocab_size=tok.get_vocab_size(), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
        intermediate_size=64, max_position_embeddings=max_position_embeddings,
        pad_token_id=tok.token_to_id("[PAD]"), tie_word_embeddings=False,
    )
    torch.manual_seed(seed)
    model = BertForMaskedLM(config).eval()
    with torch.no_grad():
        model.get_output_embeddings().weight.mul_(20.0)
    model.save_pretrained(out, safe_serialization=True)
    fast.save_pretrained(out)
    return out
