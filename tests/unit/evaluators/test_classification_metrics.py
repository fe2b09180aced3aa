"""The vectorised classification metrics agree with scikit-learn (the point values and every replicate)."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.stats import rankdata
from sklearn.metrics import accuracy_score, precision_recall_fscore_support, roc_auc_score

from guard.evaluators._classification import (
    average_ranks,
    binary_auc,
    classification_metrics,
    expected_calibration_error,
    macro_prf,
)


def _sk_prf(t: np.ndarray, p: np.ndarray, k: int | None = None) -> np.ndarray:
    labels = list(range(k)) if k is not None else None
    out = precision_recall_fscore_support(t, p, labels=labels, average="macro", zero_division=0)
    return np.array(out[:3], dtype=float)


# --------------------------------------------------------------------------- macro_prf


@pytest.mark.parametrize("k", [2, 3, 5])
def test_macro_prf_matches_sklearn_on_random_labels(k: int) -> None:
    rng = np.random.default_rng(k)
    for _ in range(60):
        n = int(rng.integers(1, 40))
        t = rng.integers(0, k, size=n)
        p = rng.integers(0, k, size=n)
        got = macro_prf(t, p, k)
        assert got.shape == (1, 3)
        np.testing.assert_allclose(got[0], _sk_prf(t, p, k), atol=1e-12)
        if set(t.tolist()) | set(p.tolist()) == set(range(k)):
            # every label occurs somewhere: also equal to scikit-learn without explicit labels
            np.testing.assert_allclose(got[0], _sk_prf(t, p), atol=1e-12)


def test_macro_prf_with_labels_absent_from_predictions() -> None:
    t = np.array([0, 1, 2, 2, 1, 0, 2])
    p = np.array([0, 0, 0, 0, 0, 0, 0])  # never predicts 1 or 2
    got = macro_prf(t, p, 3)[0]
    np.testing.assert_allclose(got, _sk_prf(t, p), atol=1e-12)
    # by hand: class 0 precision 2/7 recall 1; classes 1, 2 zero
    assert got[0] == pytest.approx((2 / 7) / 3)
    assert got[1] == pytest.approx(1 / 3)
    assert got[2] == pytest.approx((2 * (2 / 7) / (2 / 7 + 1)) / 3)


def test_macro_prf_with_a_label_absent_from_the_truth() -> None:
    t = np.array([0, 0, 1, 1])
    p = np.array([0, 2, 1, 1])  # predicts a class the truth never has
    np.testing.assert_allclose(macro_prf(t, p, 3)[0], _sk_prf(t, p), atol=1e-12)


def test_macro_prf_rows_are_bootstrap_replicates() -> None:
    rng = np.random.default_rng(0)
    k, n = 3, 25
    t, p = rng.integers(0, k, size=n), rng.integers(0, k, size=n)
    idx = rng.integers(0, n, size=(200, n))
    got = macro_prf(t[idx], p[idx], k)
    assert got.shape == (200, 3)
    for row in (0, 1, 57, 199):
        np.testing.assert_allclose(got[row], _sk_prf(t[idx[row]], p[idx[row]], k), atol=1e-12)


def test_macro_prf_perfect_predictions() -> None:
    t = np.array([0, 1, 2, 1])
    np.testing.assert_allclose(macro_prf(t, t, 3)[0], [1.0, 1.0, 1.0])


# --------------------------------------------------------------------------- binary_auc


def test_binary_auc_matches_sklearn_with_ties() -> None:
    rng = np.random.default_rng(1)
    checked = 0
    for _ in range(80):
        n = int(rng.integers(2, 50))
        y = rng.integers(0, 2, size=n).astype(bool)
        score = np.round(rng.random(n), 1)  # one decimal: many ties
        if y.all() or not y.any():
            assert np.isnan(binary_auc(y, score)[0])
            continue
        assert binary_auc(y, score)[0] == pytest.approx(roc_auc_score(y, score), abs=1e-12)
        checked += 1
    assert checked > 50


@pytest.mark.parametrize("levels", [2, 5, 1000])
def test_average_ranks_equal_scipys_rankdata_per_row(levels: int) -> None:
    """Few distinct values make long tie runs (at the start, middle and end of a row); many make none."""
    rng = np.random.default_rng(levels)
    for width in (1, 2, 3, 17, 200):
        values = rng.integers(0, levels, size=(6, width)).astype(float) / 7
        np.testing.assert_array_equal(average_ranks(values), rankdata(values, axis=1))


def test_binary_auc_hand_examples() -> None:
    y = np.array([False, False, True, True])
    assert binary_auc(y, np.array([0.1, 0.2, 0.8, 0.9]))[0] == 1.0
    assert binary_auc(y, np.array([0.9, 0.8, 0.2, 0.1]))[0] == 0.0
    assert binary_auc(y, np.array([0.5, 0.5, 0.5, 0.5]))[0] == 0.5


def test_binary_auc_per_row_and_nan_for_one_class_rows() -> None:
    y = np.array([[True, False, True], [True, True, True], [False, False, False]])
    s = np.array([[0.9, 0.1, 0.8], [0.1, 0.2, 0.3], [0.3, 0.2, 0.1]])
    out = binary_auc(y, s)
    assert out[0] == 1.0
    assert np.isnan(out[1]) and np.isnan(out[2])


# --------------------------------------------------------------------------- ECE


def test_ece_hand_computed() -> None:
    confidence = np.array([0.95, 0.95, 0.65, 0.65, 0.65, 0.65])
    correct = np.array([True, False, True, True, True, False])
    # bin (0.9, 1.0]: conf .95 acc .5 -> |gap| .45 x 2/6; bin (0.6, 0.7]: conf .65 acc .75 -> .1 x 4/6
    expected = 0.45 * 2 / 6 + 0.10 * 4 / 6
    assert expected_calibration_error(confidence, correct, 10) == pytest.approx(expected)


def test_ece_bins_matter_and_perfect_calibration_is_zero() -> None:
    confidence = np.array([0.3, 0.7, 0.8, 0.9])
    correct = np.array([False, True, True, True])
    # two bins: (0, .5] conf .3 acc 0 -> .3 x 1/4; (.5, 1] conf .8 acc 1 -> .2 x 3/4
    assert expected_calibration_error(confidence, correct, 2) == pytest.approx(0.3 / 4 + 0.2 * 3 / 4)
    # confidence 1.0 and right every time: calibrated
    assert expected_calibration_error(np.ones(5), np.ones(5, dtype=bool), 10) == pytest.approx(0.0)
    # half right at confidence 0.55 (bin (0.5, 0.6]): 0.05
    assert expected_calibration_error(np.full(4, 0.55), np.array([1, 0, 1, 0], dtype=bool), 10) == pytest.approx(0.05)


def test_ece_edges_go_to_the_lower_bin_and_extremes_are_kept() -> None:
    # 0.5 lies in (0.4, 0.5] with 10 bins, together with 0.45; 1.0 in the last bin, 0.0 in the first
    confidence = np.array([0.45, 0.5, 1.0, 0.0])
    correct = np.array([True, False, True, False])
    expected = (abs(0.95 - 1) + 0 + 0) / 4
    assert expected_calibration_error(confidence, correct, 10) == pytest.approx(expected)


# --------------------------------------------------------------------------- classification_metrics


def _sample(n: int, k: int, seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[str]]:
    rng = np.random.default_rng(seed)
    labels = [f"c{i}" for i in range(k)]
    truth = rng.integers(0, k, size=n)
    logits = rng.normal(size=(n, k)) + 1.5 * np.eye(k)[truth]
    proba = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    pred = proba.argmax(axis=1)
    return np.array(labels)[truth], np.array(labels)[pred], proba, labels


def _check_contains(metrics: dict, name: str, expected: float) -> None:
    m = metrics[name]
    assert m.value == pytest.approx(expected, abs=1e-12), name
    assert m.ci_low <= m.value <= m.ci_high, name
    assert m.ci_low < m.ci_high, name  # a real interval
    assert m.n == metrics["accuracy"].n, name


def test_binary_metrics_equal_sklearn() -> None:
    y_true, y_pred, proba, labels = _sample(120, 2, seed=3)
    out = classification_metrics(y_true, y_pred, proba, labels, positive_label="c1", seed=0, resamples=200, ece_bins=10)
    assert set(out) == {"accuracy", "precision", "recall", "macro_f1", "ece", "roc_auc"}
    t = np.array([labels.index(v) for v in y_true])
    p = np.array([labels.index(v) for v in y_pred])
    prf = _sk_prf(t, p)
    _check_contains(out, "accuracy", accuracy_score(y_true, y_pred))
    _check_contains(out, "precision", prf[0])
    _check_contains(out, "recall", prf[1])
    _check_contains(out, "macro_f1", prf[2])
    _check_contains(out, "roc_auc", roc_auc_score(y_true == "c1", proba[:, 1]))
    _check_contains(out, "ece", expected_calibration_error(proba.max(axis=1), y_true == y_pred, 10))
    assert out["accuracy"].ci_method == "wilson"
    for name in ("precision", "recall", "macro_f1", "roc_auc", "ece"):
        assert out[name].ci_method.startswith("bootstrap(seed=0,resamples=200"), name
    for m in out.values():
        assert m.n == 120
    assert out["ece"].higher_is_better is False
    assert all(out[n].higher_is_better is True for n in ("accuracy", "precision", "recall", "macro_f1", "roc_auc"))


def test_binary_roc_auc_follows_the_positive_label() -> None:
    y_true, y_pred, proba, labels = _sample(80, 2, seed=4)
    as_c0 = classification_metrics(y_true, y_pred, proba, labels, positive_label="c0", seed=0, resamples=100,
                                   ece_bins=10)
    assert as_c0["roc_auc"].value == pytest.approx(roc_auc_score(y_true == "c0", proba[:, 0]))


def test_three_class_metrics_equal_sklearn() -> None:
    y_true, y_pred, proba, labels = _sample(150, 3, seed=5)
    out = classification_metrics(y_true, y_pred, proba, labels, positive_label=None, seed=1, resamples=100, ece_bins=10)
    t = np.array([labels.index(v) for v in y_true])
    p = np.array([labels.index(v) for v in y_pred])
    prf = _sk_prf(t, p)
    _check_contains(out, "accuracy", accuracy_score(t, p))
    _check_contains(out, "precision", prf[0])
    _check_contains(out, "recall", prf[1])
    _check_contains(out, "macro_f1", prf[2])
    _check_contains(out, "roc_auc", roc_auc_score(t, proba, multi_class="ovr"))


def test_bootstrap_replicates_equal_sklearn_on_the_same_resamples() -> None:
    # The F1 interval must be the percentile interval of scikit-learn's F1 on the recorded resamples.
    from guard import stats

    y_true, y_pred, proba, labels = _sample(60, 3, seed=6)
    out = classification_metrics(y_true, y_pred, None, labels, positive_label=None, seed=2, resamples=150, ece_bins=10)
    t = np.array([labels.index(v) for v in y_true])
    p = np.array([labels.index(v) for v in y_pred])
    idx = stats.resample_indices(60, seed=2, resamples=150)
    f1 = np.array([_sk_prf(t[i], p[i], 3)[2] for i in idx])
    lo, hi = np.percentile(f1, [2.5, 97.5])
    assert out["macro_f1"].ci_low == pytest.approx(min(lo, out["macro_f1"].value))
    assert out["macro_f1"].ci_high == pytest.approx(max(hi, out["macro_f1"].value))


def test_labels_only_omit_roc_auc_and_ece() -> None:
    y_true, y_pred, _, labels = _sample(50, 2, seed=7)
    out = classification_metrics(y_true, y_pred, None, labels, positive_label="c1", seed=0, resamples=100, ece_bins=10)
    assert set(out) == {"accuracy", "precision", "recall", "macro_f1"}


def test_one_class_truth_has_no_roc_auc() -> None:
    y_true = np.array(["c1"] * 10)
    y_pred = np.array(["c1"] * 8 + ["c0"] * 2)
    proba = np.tile([0.3, 0.7], (10, 1))
    out = classification_metrics(y_true, y_pred, proba, ["c0", "c1"], positive_label="c1", seed=0, resamples=100,
                                 ece_bins=10)
    assert "roc_auc" not in out
    assert "ece" in out
    assert out["accuracy"].value == pytest.approx(0.8)


def test_classification_metrics_are_deterministic_for_a_seed() -> None:
    y_true, y_pred, proba, labels = _sample(70, 2, seed=8)
    a = classification_metrics(y_true, y_pred, proba, labels, positive_label="c1", seed=3, resamples=100, ece_bins=10)
    b = classification_metrics(y_true, y_pred, proba, labels, positive_label="c1", seed=3, resamples=100, ece_bins=10)
    assert a == b
