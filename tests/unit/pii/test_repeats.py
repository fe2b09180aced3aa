"""A value found once is reported wherever it repeats in the same text (guard.pii.repeats)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from guard.pii.repeats import with_repeats


@dataclass(frozen=True)
class Found:
    entity_type: str
    start: int
    end: int
    score: float


def _at(text: str, entity: str, value: str, nth: int = 0, score: float = 0.9) -> Found:
    start = -1
    for _ in range(nth + 1):
        start = text.index(value, start + 1)
    return Found(entity, start, start + len(value), score)


def _spans(text: str, found: list[Found]) -> list[tuple[str, str, float]]:
    return [(f.entity_type, text[f.start:f.end], f.score) for f in found]


def test_a_phone_number_found_once_is_found_at_every_mention() -> None:
    text = "Please call me on 9352278730.\n\nI tried 9352278730 twice; 19352278730 is another number."
    out = with_repeats([_at(text, "PHONE_NUMBER", "9352278730", score=0.75)], text, Found)
    assert _spans(text, out) == [("PHONE_NUMBER", "9352278730", 0.75)] * 2  # not inside 19352278730
    assert [f.start for f in out] == [text.index("9352278730"), text.index("9352278730", 20)]


def test_a_name_of_two_words_repeats_and_one_word_does_not() -> None:
    text = "[00:03:19] Manuel Saunders: hi\n[00:04:02] Manuel Saunders: bye. Valor: 3; Valor: 4"
    found = [_at(text, "PERSON", "Manuel Saunders", nth=1), _at(text, "PERSON", "Valor")]
    out = with_repeats(found, text, Found)
    assert [t for _, t, _ in _spans(text, out)] == ["Manuel Saunders", "Manuel Saunders", "Valor"]
    assert out[0].start == text.index("Manuel Saunders")


def test_nothing_is_added_where_the_same_type_already_covers_it_or_for_other_types() -> None:
    text = "a@b.org wrote to a@b.org; on 2024-01-02 and 2024-01-02"
    found = [_at(text, "EMAIL_ADDRESS", "a@b.org"), _at(text, "EMAIL_ADDRESS", "a@b.org", nth=1),
             _at(text, "DATE_TIME", "2024-01-02")]
    assert with_repeats(found, text, Found) == sorted(found, key=lambda f: (f.start, f.end, f.entity_type))


@pytest.mark.parametrize("around", ["x9352278730", "9352278730x", "9352278730-1", "+9352278730", "9352278730.5"])
def test_only_whole_values_repeat(around: str) -> None:
    text = f"call 9352278730 or {around}"
    out = with_repeats([_at(text, "PHONE_NUMBER", "9352278730")], text, Found)
    assert len(out) == 1


def test_a_sentence_full_stop_after_a_repeat_still_ends_it() -> None:
    text = "mail 10.0.0.7 now. Retry 10.0.0.7."
    out = with_repeats([_at(text, "IP_ADDRESS", "10.0.0.7")], text, Found)
    assert [text[f.start:f.end] for f in out] == ["10.0.0.7", "10.0.0.7"]


@pytest.mark.parametrize("value", ["-A INPUT -s", "ACME CORP", "Valor", "J. Doe"])
def test_what_does_not_read_as_a_full_name_does_not_spread(value: str) -> None:
    text = f"{value} one; {value} two"
    assert len(with_repeats([_at(text, "PERSON", value)], text, Found)) == 1
