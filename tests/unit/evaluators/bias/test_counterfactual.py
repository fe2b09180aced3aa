"""``bias.counterfactual`` and ``bias.eec``: term swapping, flip rates per group pair, term-file validation,
EEC pairing."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

import guard
import guard.evaluators.bias.counterfactual as counterfactual  # registers bias.counterfactual and bias.eec
from guard.cli import app
from guard.evaluators.bias._eec import paired_p_value
from guard.evaluators.bias._terms import load_terms
from guard.models.base import Prediction
from guard.models.fake import FakeModel
from guard.suite import suite_from_dict

EEC_COLUMNS = {"text": "Sentence", "template": "Template", "person": "Person", "gender": "Gender", "race": "Race",
               "emotion": "Emotion", "emotion_word": "Emotion word"}


@pytest.fixture(scope="module")
def terms():
    return load_terms()


def _suite(evaluator: str, params: dict, dataset: dict | None = None) -> guard.Suite:
    task = {"name": "t", "evaluator": evaluator, "params": params, **({"dataset": dataset} if dataset else {})}
    return suite_from_dict({"name": "s", "tasks": [task]})


def _jsonl(path: Path, rows: list[dict]) -> dict:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return {"path": str(path)}


def _sentiment_keyed_to(word: str, *, drop: float = 0.4):
    """A classifier that turns negative when ``word`` appears as a whole word; probabilities included."""

    def classify(text: str) -> Prediction:
        p = 0.8 - (drop if word in text.lower().replace(".", " ").split() else 0.0)
        return Prediction("pos" if p > 0.5 else "neg", {"pos": p, "neg": 1 - p})

    return classify


# --------------------------------------------------------------------------- swapping


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She said her car is hers.", "He said his car is his."),
        ("I saw her yesterday and gave her a book.", "I saw him yesterday and gave him a book."),
        ("SHE LEFT", "HE LEFT"),
        ("She's here; the women's team won.", "He's here; the men's team won."),
        ("The theme there is heroic.", "The theme there is heroic."),  # no 'he' inside words
        ("my mother-in-law and my sister", "my father-in-law and my brother"),
        ("She told her father.", "He told his mother."),  # a swap exchanges both groups
        ("Mrs. Smith", "Mr. Smith"),
    ],
)
def test_gender_swaps_keep_case_words_and_grammar(terms, text: str, expected: str) -> None:
    assert terms.axes["gender"].swap(text, "female", "male") == expected


def test_possessive_and_object_readings_of_his(terms) -> None:
    gender = terms.axes["gender"]
    assert gender.swap("He lost his keys; the keys were his.", "male", "female") == \
        "She lost her keys; the keys were hers."
    assert gender.swap("a friend of his, and his own car", "male", "female") == "a friend of hers, and her own car"
    # The documented limit of the next-word rule: a content word after a standalone "his" reads as a determiner.
    assert gender.swap("a friend of his found them", "male", "female") == "a friend of her found them"


def test_multiword_terms_articles_and_ignored_phrases(terms) -> None:
    race, age, nationality = terms.axes["race_ethnicity"], terms.axes["age"], terms.axes["nationality"]
    assert race.swap("A Black woman and an African-American man", "black", "asian") == \
        "An Asian woman and an Asian American man"
    assert race.groups_in("a black cat and a white wall") == []  # colour words alone are not identities
    assert age.swap("An elderly man met a twenty-year-old.", "elderly", "young") == \
        "A young man met an eighty-year-old."
    assert nationality.groups_in("Two African Americans travelled through Latin America.") == []
    assert nationality.swap("an American film by an American.", "american", "british") == \
        "a British film by a British person."
    assert nationality.swap("a lowercase american film", "american", "japanese") == "a lowercase japanese film"


def test_a_term_without_counterpart_gives_no_variant(terms) -> None:
    assert terms.axes["religion"].swap("The mosque opened.", "muslim", "atheist") is None
    assert terms.axes["religion"].swap("The mosque opened.", "muslim", "atheist", strict=False) == "The mosque opened."


def test_every_template_sentence_yields_variants(terms) -> None:
    records = counterfactual._templates()
    assert 55 <= len(records) <= 80
    selection = {name: axis.groups for name, axis in terms.axes.items()}
    pairs, _ = counterfactual._make_pairs(records, terms, selection)
    assert {p.row for p in pairs} == set(range(len(records)))
    assert {p.axis for p in pairs} == set(terms.axes)
    assert all(p.variant != p.original for p in pairs)


# --------------------------------------------------------------------------- the evaluator


def test_flip_rate_on_a_model_keyed_to_a_term(tmp_path: Path) -> None:
    rows = [{"text": t} for t in ("He fixed the bike.", "She fixed the bike.", "My brother cooked dinner.",
                                  "The weather was fine.", "His sister called.")]
    model = FakeModel(classify_fn=_sentiment_keyed_to("she"))
    result = guard.evaluate(model, _suite("bias.counterfactual", {"axes": ["gender"], "positive_label": "pos"},
                                          _jsonl(tmp_path / "d.jsonl", rows))).results[0]
    assert result.status == "ok", result.error
    flip = result.metrics["flip_rate"]
    # pairs: He->She (flip), She->He (flip), brother->sister (no 'she'), His sister->Her brother (no flip)
    assert (flip.n, flip.value) == (4, 0.5)
    assert flip.by_group["gender:male->female"].n == 2 and flip.by_group["gender:female->male"].n == 2
    assert flip.ci_method == "wilson"
    assert result.metrics["mean_score_change"].value == pytest.approx(0.2)
    assert result.metrics["max_score_change"].value == pytest.approx(0.4)
    flips = [f.example for f in result.findings if f.kind == "counterfactual_flip"]
    assert {(f["original"], f["counterfactual"], f["prediction_original"], f["prediction_counterfactual"])
            for f in flips} == {
        ("He fixed the bike.", "She fixed the bike.", "pos", "neg"),
        ("She fixed the bike.", "He fixed the bike.", "neg", "pos"),
    }
    assert all(f["axis"] == "gender" and {f["from"], f["to"]} == {"female", "male"} for f in flips)


def test_group_pairs_are_keyed_and_restricted_by_groups(tmp_path: Path) -> None:
    rows = [{"text": "A Black teacher and a white student met."}, {"text": "An Asian doctor spoke."}]
    params = {"axes": ["race_ethnicity"], "groups": {"race_ethnicity": ["black", "white", "asian"]},
              "positive_label": "pos"}
    model = FakeModel(classify_fn=_sentiment_keyed_to("asian"))
    result = guard.evaluate(model, _suite("bias.counterfactual", params, _jsonl(tmp_path / "d.jsonl", rows))).results[0]
    assert result.status == "ok", result.error
    by_group = result.metrics["flip_rate"].by_group
    assert set(by_group) == {"race_ethnicity:black->white", "race_ethnicity:black->asian",
                             "race_ethnicity:white->asian",
                             "race_ethnicity:asian->black", "race_ethnicity:asian->white"}
    assert by_group["race_ethnicity:black->asian"].value == 1.0 and by_group["race_ethnicity:asian->black"].value == 1.0
    assert by_group["race_ethnicity:black->white"].value == 0.0


def test_templates_run_without_a_dataset() -> None:
    model = FakeModel(classify_fn=_sentiment_keyed_to("muslim"))
    suite = _suite("bias.counterfactual", {"positive_label": "pos", "bootstrap_resamples": 200})
    result = guard.evaluate(model, suite).results[0]
    assert result.status == "ok", result.error
    assert result.dataset is None
    coverage = next(f for f in result.findings if f.kind == "counterfactual_coverage")
    assert set(coverage.example["pairs_per_axis"]) == {"gender", "race_ethnicity", "religion", "nationality", "age",
                                                        "disability", "sexual_orientation"}
    assert coverage.example["terms"] == "builtin:terms/identity_terms.yaml"
    terms = load_terms()
    pairs, _ = counterfactual._make_pairs(counterfactual._templates(), terms,
                                          {n: a.groups for n, a in terms.axes.items()})
    says_muslim = lambda text: "muslim" in text.lower().replace(".", " ").split()  # noqa: E731
    expected = sum(says_muslim(p.original) != says_muslim(p.variant) for p in pairs)
    flip = result.metrics["flip_rate"]
    assert flip.n == len(pairs) and flip.value == pytest.approx(expected / len(pairs)) and expected > 0
    assert flip.by_group["religion:muslim->jewish"].value > 0 and flip.by_group["gender:female->male"].value == 0


def test_templates_cannot_fill_other_prompt_fields() -> None:
    result = guard.evaluate(FakeModel(classify_fn=lambda text: "pos"),
                            _suite("bias.counterfactual", {"prompt": "{title}: {text}"})).results[0]
    assert result.status == "error" and "needs a dataset" in result.error


def test_score_change_without_positive_label_uses_the_original_prediction() -> None:
    model = FakeModel(classify_fn=_sentiment_keyed_to("he", drop=0.2))  # 0.8 -> 0.6: no flip, a change
    result = guard.evaluate(model, _suite("bias.counterfactual", {"axes": ["gender"]})).results[0]
    assert result.status == "ok", result.error
    assert result.metrics["flip_rate"].value == 0.0
    assert result.metrics["max_score_change"].value == pytest.approx(0.2)


def test_generate_mode_swaps_outputs_back_before_comparing(tmp_path: Path) -> None:
    rows = [{"text": "She wrote a poem."}, {"text": "My uncle likes jazz."}]
    echo = FakeModel(generate_fn=lambda prompt: f"Summary: {prompt}")
    result = guard.evaluate(echo,
                            _suite("bias.counterfactual", {"axes": ["gender"]},
                                   _jsonl(tmp_path / "d.jsonl", rows))).results[0]
    assert result.status == "ok", result.error
    assert result.metrics["flip_rate"].value == 0.0 and result.metrics["max_score_change"].value == 0.0
    biased = FakeModel(
        generate_fn=lambda prompt: "a lovely piece" if "She" in prompt or "aunt" in prompt else "dull stuff")
    result = guard.evaluate(biased, _suite("bias.counterfactual", {"axes": ["gender"], "mode": "generate"},
                                           _jsonl(tmp_path / "d.jsonl", rows))).results[0]
    assert result.metrics["flip_rate"].value == 1.0 and result.metrics["mean_score_change"].value == 1.0


def test_no_identity_terms_is_an_error_not_a_pass(tmp_path: Path) -> None:
    model = FakeModel(classify_fn=lambda text: "pos")
    result = guard.evaluate(model,
                            _suite("bias.counterfactual", {},
                                   _jsonl(tmp_path / "d.jsonl", [{"text": "The sky is blue."}]))).results[0]
    assert result.status == "error" and "none of the 1 texts mentions a term" in result.error


def test_unknown_axis_or_group_fails_at_suite_load_with_did_you_mean() -> None:
    with pytest.raises(guard.GuardError, match="unknown axis 'gendr'.*did you mean 'gender'"):
        _suite("bias.counterfactual", {"axes": ["gendr"]})
    with pytest.raises(guard.GuardError, match="unknown group 'muslin'.*did you mean 'muslim'"):
        _suite("bias.counterfactual", {"groups": {"religion": ["christian", "muslin"]}})
    with pytest.raises(guard.GuardError, match="must contain \\{text\\}"):
        _suite("bias.counterfactual", {"prompt": "Review: {sentence}"})


TYPO_TERMS = """schema_version: 1
axes:
  gender:
    groups: [female, male]
    slots:
      - {female: she, male: he}
      - {femal: her, male: his}
"""


def test_term_file_with_a_typod_group_is_one_clear_error_with_line(tmp_path: Path) -> None:
    path = tmp_path / "terms.yaml"
    path.write_text(TYPO_TERMS)
    with pytest.raises(guard.GuardError) as caught:
        _suite("bias.counterfactual", {"terms_path": str(path)})
    message = caught.value.one_line()
    assert f"{path}:7" in message and "unknown group 'femal'" in message and "did you mean 'female'" in message
    suite = tmp_path / "suite.yaml"
    suite.write_text(
        f"name: s\ntasks:\n  - name: cf\n    evaluator: bias.counterfactual\n    params: {{terms_path: {path}}}\n")
    cli = CliRunner().invoke(app,
                             ["evaluate", "python:tests/fixtures/keyword_sentiment.py:predict", "--suite", str(suite)])
    assert cli.exit_code == 2 and "did you mean 'female'" in cli.output


def test_a_user_term_file_replaces_the_builtin_lists(tmp_path: Path) -> None:
    path = tmp_path / "terms.yaml"
    path.write_text(TYPO_TERMS.replace("femal:", "female:").replace("gender:", "pronouns:"))
    model = FakeModel(classify_fn=_sentiment_keyed_to("he"))
    result = guard.evaluate(model, _suite("bias.counterfactual", {"terms_path": str(path), "positive_label": "pos"},
                                          _jsonl(tmp_path / "d.jsonl",
                                                 [{"text": "she sang"}, {"text": "he sang"}]))).results[0]
    assert result.status == "ok", result.error
    assert set(result.metrics["flip_rate"].by_group) == {"pronouns:female->male", "pronouns:male->female"}
    assert result.metrics["flip_rate"].value == 1.0
    with pytest.raises(guard.GuardError, match="unknown axis 'gender'.*expected one of: pronouns"):
        _suite("bias.counterfactual", {"terms_path": str(path), "axes": ["gender"]})


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("schema_version: 1\naxes:\n  g:\n    groups: [a, b]\n    slots:\n      - {a: x}\n",
         "needs terms for at least two groups"),
        ("schema_version: 1\naxes:\n  g:\n    groups: [a, b]\n    slots:\n      - {a: x, b: x}\n",
         "is a term of both 'a' and 'b'"),
        ("schema_version: 1\naxes:\n  g:\n    groups: [a, b]\n    slotz: []\n", "unknown key 'axes.g.slotz'"),
        ("schema_version: 1\naxes:\n  g:\n    groups: [a, b]\n    slots:\n      - {a: x, b: 'y!'}\n",
         "'y!' is not a term"),
    ],
)
def test_term_file_schema_errors(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "terms.yaml"
    path.write_text(body)
    with pytest.raises(guard.GuardError, match=message):
        load_terms(path)


# --------------------------------------------------------------------------- bias.eec


def _eec_rows(shared_data: Path) -> list[dict]:
    with open(shared_data / "eec" / "Equity-Evaluation-Corpus.csv", newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_eec_pairs_on_the_real_corpus_with_a_fake_model(shared_data: Path) -> None:
    rows = _eec_rows(shared_data)
    female = {r["Sentence"] for r in rows if r["Gender"] == "female"}
    black = {r["Sentence"] for r in rows if r["Race"] == "African-American"}

    def classify(text: str) -> Prediction:
        p = 0.5 - 0.1 * (text in female) + 0.05 * (text in black)
        return Prediction("1" if p > 0.5 else "0", {"1": p, "0": 1 - p})

    dataset = {"path": str(shared_data / "eec" / "Equity-Evaluation-Corpus.csv"), "columns": EEC_COLUMNS}
    result = guard.evaluate(FakeModel(classify_fn=classify),
                            _suite("bias.eec", {"positive_label": "1"}, dataset)).results[0]
    assert result.status == "ok", result.error
    gender, race = result.metrics["eec_gender_gap"], result.metrics["eec_race_gap"]
    assert (gender.n, race.n) == (1440, 288)
    assert gender.value == pytest.approx(-0.1) and race.value == pytest.approx(0.05)
    assert set(gender.by_group) == {"anger", "fear", "joy", "sadness", "no_emotion"}
    assert gender.by_group["no_emotion"].n == 40 and gender.by_group["anger"].n == 350
    assert result.metrics["eec_gender_p_value"].value == 0.0  # a constant gap: no variance, certain
    assert not any(f.kind == "eec_unmatched" for f in result.findings)


def test_eec_fair_model_has_zero_gaps(shared_data: Path) -> None:
    dataset = {"path": str(shared_data / "eec" / "Equity-Evaluation-Corpus.csv"), "columns": EEC_COLUMNS}
    model = FakeModel(classify_fn=lambda text: Prediction("1", {"1": 0.7, "0": 0.3}))
    result = guard.evaluate(model,
                            _suite("bias.eec", {"positive_label": "1", "bootstrap_resamples": 100}, dataset)).results[0]
    assert result.metrics["eec_gender_gap"].value == 0.0 and result.metrics["eec_race_p_value"].value == 1.0


def test_eec_dataset_with_a_missing_column_is_one_clear_error_exit_2(tmp_path: Path, shared_data: Path) -> None:
    rows = _eec_rows(shared_data)[:50]
    path = tmp_path / "eec.csv"
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=[c for c in rows[0] if c != "Person"])
        writer.writeheader()
        writer.writerows({k: v for k, v in r.items() if k != "Person"} for r in rows)
    model = FakeModel(classify_fn=lambda text: "1")
    with pytest.raises(guard.GuardError, match="has no column 'Person' \\(needed as 'person'\\)"):
        guard.evaluate(model, _suite("bias.eec", {"positive_label": "1"}, {"path": str(path), "columns": EEC_COLUMNS}))
    assert model.calls["classify"] == 0
    suite = tmp_path / "suite.yaml"
    columns = ", ".join(f"{k}: '{v}'" for k, v in EEC_COLUMNS.items())
    suite.write_text(f"name: s\ntasks:\n  - name: eec\n    evaluator: bias.eec\n"
                     f"    dataset: {{path: {path}, columns: {{{columns}}}}}\n"
                     "    params: {positive_label: '1'}\n")
    cli = CliRunner().invoke(app,
                             ["evaluate", "python:tests/fixtures/keyword_sentiment.py:predict", "--suite", str(suite)])
    assert cli.exit_code == 2 and "no column 'Person'" in cli.output


def test_eec_positive_label_typo_names_the_labels(shared_data: Path) -> None:
    dataset = {"path": str(shared_data / "eec" / "Equity-Evaluation-Corpus.csv"), "columns": EEC_COLUMNS}
    model = FakeModel(classify_fn=lambda text: Prediction("positive", {"positive": 0.6, "negative": 0.4}))
    result = guard.evaluate(model, _suite("bias.eec", {"positive_label": "postive"}, dataset)).results[0]
    assert result.status == "error" and "did you mean 'positive'" in result.error


def test_paired_p_value_edge_cases() -> None:
    assert paired_p_value(np.array([0.1, 0.2]), np.array([0.1, 0.2])) == 1.0
    assert paired_p_value(np.array([0.3, 0.4]), np.array([0.1, 0.2])) == 0.0
    from scipy.stats import ttest_rel

    a, b = np.array([0.1, 0.5, 0.3, 0.9]), np.array([0.2, 0.4, 0.35, 0.7])
    assert paired_p_value(a, b) == pytest.approx(ttest_rel(a, b).pvalue)
