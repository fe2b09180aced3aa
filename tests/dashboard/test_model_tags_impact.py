"""The model page's tags/lineage table and its policy-impact section (Streamlit AppTest)."""

from __future__ import annotations

from pathlib import Path

from guard.registry import open_registry
from guard.registry.entities import Lineage, TrainingData
from tests.dashboard._pages import frames, open_page, plain_texts
from tests.dashboard.conftest import HOSTILE, Filled


def test_model_page_shows_tags_and_lineage(registry: Filled) -> None:
    with open_registry(registry.url) as store:
        store.set_tags("sentiment", 2, {"team": "nlp", "note": HOSTILE[2]}, actor="ana")
        store.register_version("sentiment", "hf:models/s3", "sha256:" + "3" * 64, actor="ana", lineage=Lineage(
            description=HOSTILE[0], parent="sentiment@2", training_data=[TrainingData(name="sst2", sha256="sha256:"
                                                                                       + "a" * 64)]))
    at = open_page("model", model="sentiment")
    labels = next(f for f in frames(at) if "parent" in f.columns)
    rows = {r.version: r for r in labels.itertuples()}
    assert rows[2].tags == f"note={HOSTILE[2]}, team=nlp" and rows[2].parent == ""
    assert rows[3].parent == "sentiment@2" and rows[3].description == HOSTILE[0]
    assert rows[3]._5.startswith("sst2 sha256:aaaa")
    assert HOSTILE[0] in plain_texts(at)


def test_model_page_impact_equals_a_hand_judgement(registry: Filled, tmp_path: Path) -> None:
    policy = tmp_path / "strict.yaml"
    policy.write_text("name: strict\nrules:\n  - id: accuracy\n    metric: t.accuracy\n    min: 0.99\n")
    with open_registry(registry.url) as store:
        accuracy = {v: store.latest_run("sentiment", v).report for v in (1, 2)}
    accuracy = {v: next(r for r in report["results"] if r["task"] == "t")["metrics"]["accuracy"]["value"]
                for v, report in accuracy.items()}
    at = open_page("model", model="sentiment")
    at.text_input(key="impact_policy").input(str(policy)).run()
    assert not at.exception
    impact = next(f for f in frames(at) if "change" in f.columns)
    by_hand = {v: "pass" if value >= 0.99 else "fail" for v, value in accuracy.items()}
    assert dict(zip(impact.version, impact.after)) == by_hand
    assert dict(zip(impact.version, impact.before)) == {1: "fail", 2: "pass"}
    at.text_input(key="impact_policy").input(str(tmp_path / "missing.yaml")).run()
    assert any("missing" in e.value for e in at.error)
