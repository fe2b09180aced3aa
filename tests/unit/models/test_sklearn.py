"""The sklearn: adapter on real models: a TF-IDF pipeline trained on SST-2 dev rows, a tabular model."""

from __future__ import annotations

import csv
import pickle
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
import pytest
import skops.io as sio
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import FunctionTransformer, StandardScaler

from guard.errors import GuardError
from guard.models import Capability, load_model
from guard.models.sklearn import SklearnAdapter


def _double(X):  # a custom function: skops cannot know it is safe, so it is untrusted
    return X * 2


@pytest.fixture(scope="module")
def sst2(shared_data: Path) -> tuple[list[str], list[int]]:
    with open(shared_data / "sst2" / "dev.tsv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [r["sentence"] for r in rows], [int(r["label"]) for r in rows]


@pytest.fixture(scope="module")
def text_pipeline(sst2):
    texts, labels = sst2
    return make_pipeline(TfidfVectorizer(), LogisticRegression(max_iter=1000)).fit(texts[:400], labels[:400])


@pytest.fixture(scope="module")
def tabular():
    rng = np.random.default_rng(0)
    frame = pd.DataFrame({"age": rng.uniform(18, 80, 300), "income": rng.uniform(0, 100, 300)})
    labels = np.where(frame["income"] > 50, "approve", "deny")
    return LogisticRegression(max_iter=1000).fit(frame, labels), frame, labels


def _load(path: Path, **options) -> SklearnAdapter:
    model = load_model(f"sklearn:{path}", **options)
    assert isinstance(model, SklearnAdapter)
    return model


def test_text_pipeline_matches_its_own_predict(tmp_path, sst2, text_pipeline):
    path = tmp_path / "sst2.skops"
    sio.dump(text_pipeline, path)
    model = _load(path)
    texts = sst2[0][400:700]
    seen: list[int] = []
    preds = model.classify(texts, progress=seen.append)
    assert [p.label for p in preds] == [str(y) for y in text_pipeline.predict(texts)]
    assert sum(seen) == len(texts)
    for pred in preds:
        assert set(pred.scores) == {"0", "1"}
        assert sum(pred.scores.values()) == pytest.approx(1.0)
        assert pred.label == max(pred.scores, key=pred.scores.get)
    accuracy = np.mean([p.label == str(y) for p, y in zip(preds, sst2[1][400:700])])
    assert accuracy > 0.6  # a real model, better than chance on held-out rows
    assert model.kind == "sklearn" and model.capabilities == {Capability.CLASSIFY}
    assert model.fingerprint_kind == "content" and model.size_on_disk_bytes == path.stat().st_size
    coef = text_pipeline[-1].coef_
    assert model.num_parameters is not None and model.num_parameters >= coef.size
    with pytest.raises(NotImplementedError, match="cannot generate"):
        model.generate(["x"], None)


def test_tabular_model_classifies_dict_rows(tmp_path, tabular):
    estimator, frame, labels = tabular
    path = tmp_path / "tab.skops"
    sio.dump(estimator, path)
    model = _load(path)
    rows = [{"income": r.income, "age": r.age} for r in frame.itertuples()]  # keys out of column order
    preds = model.classify(rows)
    assert [p.label for p in preds] == list(estimator.predict(frame))
    assert np.mean([p.label == y for p, y in zip(preds, labels)]) > 0.95
    assert model.num_parameters == estimator.coef_.size + estimator.intercept_.size
    with pytest.raises(GuardError, match="lacks feature"):
        model.classify([{"age": 30.0}])


def test_model_without_feature_names_uses_key_order(tmp_path):
    X = np.array([[0.0, 1.0], [1.0, 0.0]] * 20)
    y = X[:, 0]
    path = tmp_path / "ridge.skops"
    sio.dump(Ridge().fit(X, y), path)
    preds = _load(path).classify([{"a": 1.0, "b": 0.0}, {"a": 0.0, "b": 1.0}])
    assert float(preds[0].label) > 0.5 > float(preds[1].label)
    assert preds[0].scores is None  # a regressor has no predict_proba


@pytest.mark.parametrize("suffix, dump", [(".pkl", "pickle"), (".joblib", "joblib")])
def test_pickle_needs_trust(tmp_path, tabular, suffix, dump):
    estimator, frame, _ = tabular
    path = tmp_path / f"model{suffix}"
    if dump == "pickle":
        path.write_bytes(pickle.dumps(estimator))
    else:
        joblib.dump(estimator, path)
    with pytest.raises(GuardError, match="pickle can run arbitrary code; pass --trust-pickle"):
        _load(path)
    model = _load(path, trust_pickle=True)
    row = frame.iloc[0].to_dict()
    assert model.classify([row])[0].label == estimator.predict(frame.iloc[:1])[0]


def test_skops_untrusted_type_needs_trust(tmp_path):
    X = np.random.default_rng(1).uniform(size=(60, 2))
    y = (X[:, 0] > 0.5).astype(int)
    pipe = make_pipeline(FunctionTransformer(_double), StandardScaler(), LogisticRegression()).fit(X, y)
    path = tmp_path / "custom.skops"
    sio.dump(pipe, path)
    with pytest.raises(GuardError, match=r"not trusted by default: .*_double.*review them; pass --trust-pickle"):
        _load(path)
    model = _load(path, trust_pickle=True)
    preds = model.classify(X[:10].tolist())
    assert [p.label for p in preds] == [str(v) for v in pipe.predict(X[:10])]


def test_fingerprint_follows_file_content(tmp_path, tabular):
    estimator, frame, labels = tabular
    path = tmp_path / "m.skops"
    sio.dump(estimator, path)
    first = _load(path).fingerprint
    assert _load(path).fingerprint == first
    copy = tmp_path / "elsewhere"
    copy.mkdir()
    (copy / "m.skops").write_bytes(path.read_bytes())
    assert _load(copy / "m.skops").fingerprint == first  # location does not matter, content does
    sio.dump(LogisticRegression(C=0.01).fit(frame, labels), path)
    assert _load(path).fingerprint != first


def test_bad_files_are_one_line_errors(tmp_path):
    with pytest.raises(GuardError, match="model file not found"):
        _load(tmp_path / "missing.skops")
    corrupt = tmp_path / "corrupt.skops"
    corrupt.write_bytes(b"not a zip file")
    with pytest.raises(GuardError, match="cannot load scikit-learn model: BadZipFile") as err:
        _load(corrupt)
    assert "\n" not in str(err.value)
    odd = tmp_path / "model.onnx"
    odd.write_bytes(b"x")
    with pytest.raises(GuardError, match="unknown scikit-learn model format '.onnx'"):
        _load(odd)
    bad_pickle = tmp_path / "bad.pkl"
    bad_pickle.write_bytes(b"\x80\x04garbage")
    with pytest.raises(GuardError, match="cannot load scikit-learn model"):
        _load(bad_pickle, trust_pickle=True)
