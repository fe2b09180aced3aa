"""guard.redaction_cache: a redaction made once is read back for the same text, words kept and scanner
configuration only; a row that fails its checksum is redacted again; the raw text is never stored."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from guard import redaction_cache
from guard.cache import FILE_NAME, DiskCache
from guard.redaction_cache import CachedRedactions

RAW = "Write to Emily Watson at emily.watson@example.com"


class FakeScanner:
    """Counts its calls: a hit must never reach it."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, frozenset[str]]] = []
        self.mode_calls = 0

    def free_text(self, text: str, keep: frozenset[str]) -> str:
        self.calls.append((text, keep))
        return text.replace("Emily Watson", "<PERSON>").replace("emily.watson@example.com", "<EMAIL_ADDRESS>")

    def mode(self) -> str:
        self.mode_calls += 1
        return "presidio+patterns"


def _cached(folder: Path, scanner: FakeScanner) -> CachedRedactions:
    return CachedRedactions(DiskCache(folder), scanner.free_text, scanner.mode)


def test_a_second_process_reads_the_redaction_without_the_scanner(tmp_path: Path) -> None:
    first_scanner, again_scanner = FakeScanner(), FakeScanner()
    first = _cached(tmp_path, first_scanner)
    assert first.free_text(RAW, frozenset()) == "Write to <PERSON> at <EMAIL_ADDRESS>"
    assert first.mode() == "presidio+patterns" and (first.hits, first.misses) == (0, 1)
    again = _cached(tmp_path, again_scanner)  # a new cache object: what a later `guard evaluate` opens
    assert again.free_text(RAW, frozenset()) == "Write to <PERSON> at <EMAIL_ADDRESS>"
    assert again.mode() == "presidio+patterns"
    assert again_scanner.calls == [] and again_scanner.mode_calls == 0
    assert (again.hits, again.misses) == (1, 0)


def test_other_text_or_other_kept_words_are_misses(tmp_path: Path) -> None:
    _cached(tmp_path, FakeScanner()).free_text(RAW, frozenset())
    scanner = FakeScanner()
    again = _cached(tmp_path, scanner)
    again.free_text(RAW, frozenset({"emily"}))
    again.free_text(RAW + ".", frozenset())
    assert [call[1] for call in scanner.calls] == [frozenset({"emily"}), frozenset()]


@pytest.mark.parametrize(("variable", "value"), [
    ("GUARD_PII_PHONE_REGIONS", "US,GB"),
    ("GUARD_PII_NER", "none"),
    ("GUARD_PII_RECOGNIZERS", "RECOGNIZERS"),
])
def test_another_scanner_configuration_reads_nothing_of_the_first(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, variable: str, value: str) -> None:
    _cached(tmp_path, FakeScanner()).free_text(RAW, frozenset())
    if value == "RECOGNIZERS":
        value = str(tmp_path / "ids.yaml")
        Path(value).write_text("recognizers: []\n")
    monkeypatch.setenv(variable, value)
    scanner = FakeScanner()
    _cached(tmp_path, scanner).free_text(RAW, frozenset())
    assert len(scanner.calls) == 1


def test_an_edited_recognizers_file_is_another_configuration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    recognizers = tmp_path / "ids.yaml"
    recognizers.write_text("recognizers: []\n")
    monkeypatch.setenv("GUARD_PII_RECOGNIZERS", str(recognizers))
    before = redaction_cache.namespace()
    recognizers.write_text("recognizers: []\n# edited\n")
    assert redaction_cache.namespace() != before


def test_a_row_that_fails_its_checksum_is_redacted_again(tmp_path: Path) -> None:
    _cached(tmp_path, FakeScanner()).free_text(RAW, frozenset())
    with sqlite3.connect(tmp_path / FILE_NAME) as db:
        db.execute("UPDATE answers SET value = ? WHERE key != 'mode'", ['"Write to Emily Watson"'])
    scanner = FakeScanner()
    assert _cached(tmp_path, scanner).free_text(RAW, frozenset()) == "Write to <PERSON> at <EMAIL_ADDRESS>"
    assert len(scanner.calls) == 1


def test_the_raw_text_is_never_stored(tmp_path: Path) -> None:
    cached = _cached(tmp_path, FakeScanner())
    cached.free_text(RAW, frozenset())
    cached.mode()
    cached._cache.close()
    stored = b"".join(path.read_bytes() for path in tmp_path.iterdir() if path.is_file())
    assert b"<EMAIL_ADDRESS>" in stored
    assert b"Emily" not in stored and b"emily.watson" not in stored


def _forge(folder: Path, text: str, stored: str) -> None:
    """A row written as a rogue job sharing the cache folder could: a valid checksum, content of its choice."""
    cache = DiskCache(folder)
    cache.put_many(redaction_cache.namespace(), [(redaction_cache._key(text, frozenset()), json.dumps(stored))])
    cache.close()


def test_a_forged_row_cannot_put_other_words_into_a_report(tmp_path: Path) -> None:
    _forge(tmp_path, RAW, "Write to <PERSON>: the model passed every check")
    scanner = FakeScanner()
    assert _cached(tmp_path, scanner).free_text(RAW, frozenset()) == "Write to <PERSON> at <EMAIL_ADDRESS>"
    assert len(scanner.calls) == 1  # not a redaction of this text: a miss, which the scanner answers


def test_a_forged_row_that_leaves_values_unmasked_still_loses_them_to_the_patterns(tmp_path: Path) -> None:
    _forge(tmp_path, RAW, RAW)  # "redacted" as itself
    scanner = FakeScanner()
    served = _cached(tmp_path, scanner).free_text(RAW, frozenset())
    assert "emily.watson@example.com" not in served and "<EMAIL_ADDRESS>" in served
    assert scanner.calls == []
