"""Datasets through 🤗 datasets: formats, column roles, limits, fingerprints, offline hub ids."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from guard.data import load_task_data
from guard.errors import GuardError
from guard.suite import DatasetSpec


def _load(spec: dict, base: Path, required=("text", "label"), **kw):
    return load_task_data(DatasetSpec(**spec), base_dir=base, required=set(required), **kw)


def test_sst2_tsv_with_quotes_and_fingerprint(shared_data: Path) -> None:
    spec = {"path": str(shared_data / "sst2" / "dev.tsv"), "columns": {"text": "sentence"}}
    data = _load(spec, Path("."), allowed_roots=[shared_data])
    assert len(data) == 872
    assert data.column("text")[0].startswith("it 's a charming")
    assert sorted(set(map(str, data.column("label")))) == ["0", "1"]
    assert data.info.fingerprint == "sha256:54a9c12c77e402fc14d6a66a506f24d999f596b0176eb777c972cccc2f9cc4b0"


def test_tsv_keeps_double_quotes_literal(tmp_path: Path) -> None:
    (tmp_path / "q.tsv").write_text('text\tlabel\nhe said "great" film\t1\n"unclosed quote\t0\n')
    data = _load({"path": "q.tsv"}, tmp_path)
    assert data.column("text") == ['he said "great" film', '"unclosed quote']


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "json", "parquet"])
def test_formats_and_relative_paths(tmp_path: Path, fmt: str) -> None:
    import pandas as pd

    frame = pd.DataFrame({"sentence": ["a", "b", "c"], "label": [1, 0, 1]})
    path = tmp_path / f"d.{fmt}"
    {"csv": lambda: frame.to_csv(path, index=False),
     "jsonl": lambda: frame.to_json(path, orient="records", lines=True),
     "json": lambda: path.write_text(json.dumps(frame.to_dict(orient="records"))),
     "parquet": lambda: frame.to_parquet(path)}[fmt]()
    data = _load({"path": path.name, "columns": {"text": "sentence"}, "limit": 2}, tmp_path)
    assert data.column("text") == ["a", "b"] and data.info.rows == 2


def test_missing_file_missing_column_empty_file(tmp_path: Path) -> None:
    with pytest.raises(GuardError, match="dataset file not found"):
        _load({"path": "nope.csv"}, tmp_path)
    (tmp_path / "d.csv").write_text("sentence,label\na,1\n")
    with pytest.raises(GuardError, match="no column 'text'.*did you mean|no column 'text'"):
        _load({"path": "d.csv"}, tmp_path)
    (tmp_path / "empty.jsonl").write_text("")
    with pytest.raises(GuardError):
        _load({"path": "empty.jsonl"}, tmp_path)
    (tmp_path / "weird.dat").write_text("x")
    with pytest.raises(GuardError, match="cannot tell the format"):
        _load({"path": "weird.dat"}, tmp_path)


def test_hub_id_offline_gives_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(GuardError, match="--data TASK=PATH"):
        _load({"path": "stanfordnlp/sst2", "split": "validation"}, tmp_path)


def test_cli_override_path_is_not_relative_to_suite(tmp_path: Path, shared_data: Path, monkeypatch) -> None:
    monkeypatch.chdir(shared_data / "sst2")
    data = _load({"path": "stanfordnlp/sst2", "columns": {"text": "sentence"}}, tmp_path, override="dev.tsv")
    assert len(data) == 872


def test_rows_are_the_fingerprinted_bytes_not_a_stale_cache(tmp_path: Path) -> None:
    """datasets' cache is keyed on path, size and mtime: same-size new content read back the old rows."""
    import os

    path = tmp_path / "d.csv"
    path.write_text("text,label\na,1\n")
    first = _load({"path": "d.csv"}, tmp_path)
    stat = path.stat()
    path.write_text("text,label\nb,0\n")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # cp -p, tar, rsync -t keep mtimes
    second = _load({"path": "d.csv"}, tmp_path)
    assert (first.column("text"), second.column("text")) == (["a"], ["b"])
    assert second.column("label") == [0] and first.info.fingerprint != second.info.fingerprint


def test_glob_characters_in_a_file_name_are_literal(tmp_path: Path) -> None:
    (tmp_path / "dev[1]*.csv").write_text("text,label\na,1\n")
    assert _load({"path": "dev[1]*.csv"}, tmp_path).column("text") == ["a"]


def test_column_types_as_datasets_parses_them(tmp_path: Path) -> None:
    (tmp_path / "d.csv").write_text("text,label,score\na,1,0.5\n,,\n")
    (tmp_path / "s.csv").write_text("text,label\na,pos\nb,neg\n")
    (tmp_path / "m.jsonl").write_text('{"text": "a", "label": 1}\n{"text": "b", "label": "pos"}\n')
    data = _load({"path": "d.csv"}, tmp_path, optional={"score"})
    assert data.column("text") == ["a", None] and data.column("label") == [1.0, None]  # an empty cell makes it float
    assert _load({"path": "s.csv"}, tmp_path).column("label") == ["pos", "neg"]
    assert _load({"path": "m.jsonl"}, tmp_path).column("label") == [1, "pos"]  # mixed JSON types stay as written


def test_unreadable_file_names_the_cause(tmp_path: Path) -> None:
    (tmp_path / "bad.jsonl").write_text('{"text": "a"}\n{"text": \n')
    with pytest.raises(GuardError, match=r"cannot read jsonl dataset .*bad\.jsonl: (?!An error occurred)"):
        _load({"path": "bad.jsonl"}, tmp_path)
