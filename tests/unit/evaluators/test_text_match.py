"""Answer matching for generated answers: SQuAD-style normalising, exact match, contains, token F1."""

from __future__ import annotations

import pytest

from guard.evaluators._text_match import contains, exact_match, normalize, token_f1


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Paris", "paris"),
        ("  PARIS.  ", "paris"),
        ("The Eiffel Tower!", "eiffel tower"),
        ("a cat, an apple and the dog", "cat apple and dog"),
        ("Theatre", "theatre"),  # articles only as whole words
        ("anthem", "anthem"),
        ("A", ""),
        ("Hello,\n\tworld?!", "hello world"),
        ("it's 3.14", "its 314"),
        ("", ""),
    ],
)
def test_normalize(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_exact_match_ignores_case_punctuation_and_articles() -> None:
    assert exact_match("The Paris.", ["paris"])
    assert exact_match("paris", ["Rome", "PARIS!"])
    assert not exact_match("The capital is Paris.", ["Paris"])
    assert not exact_match("Pari", ["Paris"])
    assert not exact_match("anything", [])


def test_contains_is_whole_word() -> None:
    assert contains("The capital is Paris.", ["Paris"])
    assert contains("It was Neil Armstrong, in 1969.", ["neil armstrong"])
    assert not contains("10", ["0"])
    assert not contains("Parisian food", ["Paris"])
    assert not contains("1969", ["96"])
    assert contains("In 1969", ["Rome", "1969"])


def test_contains_never_matches_an_empty_answer() -> None:
    assert not contains("anything at all", [""])
    assert not contains("the", ["a"])  # both normalise to nothing
    assert not contains("", [""])


def test_token_f1_values() -> None:
    assert token_f1("Paris", ["Paris"]) == 1.0
    assert token_f1("the cat sat", ["cat sat on mat"]) == pytest.approx(2 * 1.0 * 0.5 / 1.5)  # P=1, R=1/2
    assert token_f1("cat sat on mat", ["the cat sat"]) == pytest.approx(2 / 3)  # P=1/2, R=1
    assert token_f1("red green blue", ["blue yellow"]) == pytest.approx(2 * (1 / 3) * (1 / 2) / (1 / 3 + 1 / 2))
    assert token_f1("dog", ["cat"]) == 0.0


def test_token_f1_counts_repeated_tokens_once_each() -> None:
    # common tokens are a multiset intersection: "a a b" vs "a b b" share {a, b}
    assert token_f1("x x y", ["x y y"]) == pytest.approx(2 / 3)


def test_token_f1_takes_the_best_answer() -> None:
    assert token_f1("Neil Armstrong", ["Buzz Aldrin", "Armstrong"]) == pytest.approx(2 / 3)
    assert token_f1("Neil Armstrong", ["Armstrong", "neil armstrong."]) == 1.0


def test_token_f1_empty_cases() -> None:
    assert token_f1("", [""]) == 1.0  # both empty after normalising, as SQuAD scores it
    assert token_f1("the", ["a"]) == 1.0
    assert token_f1("", ["Paris"]) == 0.0
    assert token_f1("Paris", [""]) == 0.0
    assert token_f1("Paris", []) == 0.0
