"""Train the IPv4-versus-version model (``guard.pii.ip_model``) and measure it leave-one-set-out.

``python -m guard.pii.ip_train [--no-write | --check]`` (``--check``: retrain in memory, exit 1 with one line
naming the first differing key when the shipped ``ip_model.json`` is not reproduced byte for byte):

1. candidates: every valid IPv4 dotted quad (the scanner's ``ipv4`` pattern) in each tuning set
   (guard's generated sets A-H, the independently written sets I and J ("external") and presidio_synth); label: it
   overlaps a gold IP_ADDRESS span.
   A candidate with a ``:port``, ``/cidr`` or ``scheme://`` is an address whatever the model says
   (a hard fact): it counts as reported in every measurement, and trains the model like the others.
2. leave one set out: for each set, a model trained on the other sets scores it. The threshold is
   the highest one at which IP recall (over the set's IPv4 gold candidates) stays >= ``MIN_RECALL``
   on *every* held-out set — Presidio reports every dotted quad, so its recall on them is 1.0 —
   and so the precision it buys is measured on texts the model never saw.
3. the shipped model: the same fit on all sets, with that threshold, written to ``ip_model.json``
   with the leave-one-set-out table (sorted keys, rounded weights: a rerun reproduces it byte for byte).

A feature counts only when it occurs in at least ``MIN_SETS`` sets (of the training sets, per fold):
a word only one set's templates use says more about those templates than about addresses. Each
candidate is weighted 1/sqrt(its template's candidate count in its set), so a template repeated a
hundred times does not outvote the rest.

The table's "rules" columns are ``guard.pii.ip_evidence.version_like``, the hand-weighed rules the
model replaces; they were tuned on A-G (in-sample there) and then, with I's errors in view, given
general word classes (numbering words in seven languages, OID brackets, headings, upgrade phrasings):
H is the one set no rule was written from. The model's features include those points, so I's
held-out row is optimistic to that extent; the next independently written set is the real test.
"""

from __future__ import annotations

import argparse
import ipaddress
import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from guard.errors import GuardError
from guard.pii import ip_evidence, ip_model

MEASURED = "2026-12-01"
MIN_RECALL = 0.998
MIN_SETS = 2
C = 1.0            # inverse L2 strength: of 0.1, 0.3, 0.5, 1, 2, 3 the best leave-one-set-out precision on G and H
SEED = 20261201
ROUND = 4          # decimals kept of each weight (and the threshold, rounded down)
_IPV4 = re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w]|\.\d)")  # recognizers' ``ipv4`` rule
ROOT = Path(__file__).resolve().parents[2]


# Named, not "every set in synth.FILES": a set added later (one held apart to judge this model) must
# not slip into its training. "independent" (I) and "external" (J) were each held apart once, measured, then
# added here.
TUNING_HALVES = ("dev", "held", "fresh", "wild", "final", "audit", "blind", "sealed", "independent",
                "external")


def tuning_sets() -> dict[str, Path]:
    """The labelled sets the model is trained and measured on (names as in ``guard.pii.quality``)."""
    from guard.pii import synth

    sets = {f"guard_pii_synth_{half}": synth.FILES[half] for half in TUNING_HALVES}
    sets["presidio_synth"] = ROOT.parent / "shared" / "data" / "presidio_synth" / "synth_dataset_v2.json"
    return sets


@dataclass(frozen=True)
class Candidate:
    features: dict[str, float]
    label: bool           # overlaps a gold IP_ADDRESS span
    forced: bool          # :port, /cidr or scheme://: an address whatever the model says
    rules_version: bool   # ip_evidence's own reading (the rules this model replaces), for comparison
    template: str


def candidates(path: Path) -> list[Candidate]:
    """The IPv4 candidates of one labelled set (presidio_synth's JSON format)."""
    if not path.is_file():
        raise GuardError("labelled set not found", where=path,
                         hint="the tuning sets are listed in guard.pii.ip_train.tuning_sets")
    out = []
    for rec in json.loads(path.read_text(encoding="utf-8")):
        text = rec["full_text"]
        gold = [(int(s["start_position"]), int(s["end_position"])) for s in rec.get("spans") or []
                if s["entity_type"] == "IP_ADDRESS"]
        for m in _IPV4.finditer(text):
            start, end = m.span()
            try:
                ipaddress.IPv4Address(m.group(0))
            except ValueError:
                continue  # not an address: a hard fact, no candidate
            out.append(Candidate(ip_model.features(text, start, end), any(s < end and start < e for s, e in gold),
                                 ip_evidence.port_cidr_or_scheme(text, start, end),
                                 ip_evidence.version_like(text, start, end), str(rec.get("template_id"))))
    return out


def vocabulary(sets: list[list[Candidate]]) -> list[str]:
    """Features that occur in at least ``MIN_SETS`` of ``sets``, sorted."""
    seen: Counter[str] = Counter()
    for cands in sets:
        seen.update({name for c in cands for name in c.features})
    return sorted(name for name, n in seen.items() if n >= MIN_SETS)


def fit(sets: list[list[Candidate]], c: float = C) -> tuple[dict[str, float], float]:
    """L2 logistic regression on the candidates of ``sets``: (weights, bias), rounded."""
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    vocab = vocabulary(sets)
    index = {name: i for i, name in enumerate(vocab)}
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    y: list[int] = []
    weight: list[float] = []
    for cands in sets:
        per_template = Counter(cand.template for cand in cands)
        for cand in cands:
            for name, value in sorted(cand.features.items()):
                if name in index and value:
                    rows.append(len(y))
                    cols.append(index[name])
                    vals.append(value)
            y.append(int(cand.label))
            weight.append(1 / math.sqrt(per_template[cand.template]))
    x = csr_matrix((vals, (rows, cols)), shape=(len(y), len(vocab)))
    clf = LogisticRegression(C=c, class_weight="balanced", solver="lbfgs", max_iter=5000, tol=1e-8,
                             random_state=SEED)
    clf.fit(x, np.asarray(y), sample_weight=np.asarray(weight))
    weights = {name: round(float(w), ROUND) for name, w in zip(vocab, clf.coef_[0])}
    return {k: v for k, v in weights.items() if v != 0.0}, round(float(clf.intercept_[0]), ROUND)


def score(weights: dict[str, float], bias: float, cand: Candidate) -> float:
    return bias + sum(weights.get(name, 0.0) * value for name, value in cand.features.items())


def highest_threshold(scored: list[tuple[float, Candidate]], min_recall: float = MIN_RECALL) -> float:
    """The highest threshold at which recall over the set's gold candidates stays >= ``min_recall``."""
    gold = [(s, c) for s, c in scored if c.label]
    if not gold:
        return math.inf
    need = math.ceil(min_recall * len(gold) - 1e-9) - sum(c.forced for _, c in gold)
    free = sorted((s for s, c in gold if not c.forced), reverse=True)
    return math.inf if need <= 0 else free[need - 1]


def measure(scored: list[tuple[float, Candidate]], threshold: float) -> dict[str, Any]:
    """IP precision and recall over a set's candidates at ``threshold``, and the rules' for comparison."""
    def pr(predicted: list[bool]) -> tuple[float | None, float | None]:
        tp = sum(p and c.label for p, (_, c) in zip(predicted, scored))
        n_pred, n_gold = sum(predicted), sum(c.label for _, c in scored)
        return (round(tp / n_pred, 4) if n_pred else None), (round(tp / n_gold, 4) if n_gold else None)

    model = pr([c.forced or s >= threshold for s, c in scored])
    rules = pr([c.forced or not c.rules_version for _, c in scored])
    return {"candidates": len(scored), "ip": sum(c.label for _, c in scored),
            "precision": model[0], "recall": model[1], "rules_precision": rules[0], "rules_recall": rules[1],
            "presidio_recall": 1.0 if any(c.label for _, c in scored) else None}


def leave_one_set_out(data: dict[str, list[Candidate]], c: float = C
                      ) -> tuple[float, dict[str, list[tuple[float, Candidate]]]]:
    """(the threshold every held-out set's recall allows, each set's held-out scores)."""
    held: dict[str, list[tuple[float, Candidate]]] = {}
    for name in data:
        weights, bias = fit([cands for other, cands in data.items() if other != name], c)
        held[name] = [(score(weights, bias, cand), cand) for cand in data[name]]
    threshold = min(highest_threshold(scored) for scored in held.values())
    return math.floor(threshold * 10**ROUND) / 10**ROUND, held


def train(sets: dict[str, Path] | None = None) -> dict[str, Any]:
    """The shipped model's JSON document (weights, threshold and the leave-one-set-out table)."""
    sets = sets or tuning_sets()
    data = {name: candidates(path) for name, path in sets.items()}
    threshold, held = leave_one_set_out(data)
    weights, bias = fit(list(data.values()))
    return {
        "bias": bias, "features_version": ip_model.FEATURES_VERSION, "measured": MEASURED,
        "threshold": threshold, "weights": weights,
        "training": {"sets": sorted(sets), "candidates": sum(len(v) for v in data.values()),
                     "ip": sum(c.label for v in data.values() for c in v), "c": C, "min_sets": MIN_SETS,
                     "min_recall": MIN_RECALL, "class_weight": "balanced",
                     "sample_weight": "1/sqrt(candidates of the same template in the set)"},
        "leave_one_set_out": {name: measure(scored, threshold) for name, scored in held.items()},
    }


def dumps(doc: dict[str, Any]) -> str:
    return json.dumps(doc, sort_keys=True, indent=1, ensure_ascii=True) + "\n"


def table(doc: dict[str, Any]) -> str:
    def f(x: float | None) -> str:
        return "  -  " if x is None else f"{x:.3f}"

    lines = [f"threshold {doc['threshold']}  (highest with IP recall >= {MIN_RECALL} on every held-out set; "
             "rules = ip_evidence.version_like, tuned on A-G and I)",
             f"{'held-out set':28} {'cands':>5} {'IPs':>5}  {'model P / R':>13}  {'rules P / R':>13}  Presidio R"]
    for name, m in doc["leave_one_set_out"].items():
        lines.append(f"{name:28} {m['candidates']:5d} {m['ip']:5d}  {f(m['precision'])} / {f(m['recall'])}  "
                     f"{f(m['rules_precision'])} / {f(m['rules_recall'])}  {f(m['presidio_recall'])}")
    return "\n".join(lines)


def first_difference(shipped: Any, fresh: Any, path: str = "") -> str | None:
    """The first key (``a.b.c``, keys in sorted order) at which two JSON documents differ, or None."""
    if isinstance(shipped, dict) and isinstance(fresh, dict):
        for key in sorted(set(shipped) | set(fresh)):
            where = f"{path}.{key}" if path else str(key)
            if key not in shipped or key not in fresh:
                return where
            found = first_difference(shipped[key], fresh[key], where)
            if found is not None:
                return found
        return None
    return None if shipped == fresh else (path or "<document>")


def check(sets: dict[str, Path] | None = None, model_file: Path | None = None) -> int:
    """0 when retraining on ``sets`` reproduces ``model_file`` byte for byte; else 1, after one line
    naming the first differing key (a stale or hand-edited weights file fails the check)."""
    path = model_file or ip_model.MODEL_FILE
    fresh = dumps(train(sets))
    try:
        shipped_text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        print(f"{path}: not found; rebuild it with `python -m guard.pii.ip_train`")
        return 1
    if shipped_text == fresh:
        print(f"{path}: reproduced byte for byte")
        return 0
    try:
        shipped = json.loads(shipped_text)
    except json.JSONDecodeError:
        print(f"{path}: not valid JSON; rebuild it with `python -m guard.pii.ip_train`")
        return 1
    key = first_difference(shipped, json.loads(fresh)) or "<formatting>"
    print(f"{path}: differs from a retrain at '{key}'; rebuild it with `python -m guard.pii.ip_train`")
    return 1


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m guard.pii.ip_train", description=__doc__.split("\n", 1)[0])
    parser.add_argument("--no-write", action="store_true", help="print the table, leave ip_model.json as it is")
    parser.add_argument("--check", action="store_true",
                        help="retrain in memory; exit 1 naming the first differing key if ip_model.json differs")
    args = parser.parse_args(argv)
    if args.check:
        raise SystemExit(check())
    doc = train()
    print(table(doc))
    if not args.no_write:
        ip_model.MODEL_FILE.write_text(dumps(doc), encoding="utf-8")
        print(f"wrote {ip_model.MODEL_FILE} ({len(doc['weights'])} weights)")


if __name__ == "__main__":
    main()
