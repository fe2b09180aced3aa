"""The scanner's measured quality on every labelled set, and the shipped record of it (quality.json).

``measure(scanner, sets)`` runs the scanner (and, with ``presidio=True``, Presidio as shipped) on
each labelled set and returns the record ``guard/pii/quality.json`` holds:

- ``sets``: per set, what it is (``tuned_on``: the recognizers were developed on it; ``held_apart``:
  never looked at while tuning), its size, and recall/precision per entity type — over the entity
  types the set labels (a set that labels no places cannot judge a LOCATION finding);
- ``per_entity``: per entity type the *lowest* recall and the lowest precision over the sets, each
  with the set it comes from and the count it stands on (gold spans for recall, predicted spans
  for precision) — what ``scanner_recall_min`` / ``scanner_precision_min`` report;
- ``presidio_as_is``: the same numbers for Presidio's ``BatchAnalyzerEngine`` as shipped (score
  threshold 0), so "never below Presidio" can be checked;
- ``measured`` (date), ``scanner`` (the configuration: NER model, sentence mode, threshold, phone
  regions, Presidio fallback recognizers).

``python -m guard.pii.quality [--write] [--no-presidio]`` measures the default sets and prints a
guard-vs-Presidio table per set; ``--write`` stores the record as the shipped quality file.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from guard.pii.benchmark import (
    DATASET_LABELS,
    BenchmarkResult,
    LabelledText,
    benchmark_presidio,
    comparison_text,
    evaluate_spans,
    load_presidio_synth,
)
from guard.pii.benchmark import Span as _Span

ROOT = Path(__file__).resolve().parents[2]


# How each generated set was used. A set is held apart until its first measurement; when that
# measurement missed the bar, its errors were studied and the recognizers changed (it became a
# tuning set), and a new set of templates written beforehand took its place. The first measurement
# of each (recall, precision; Presidio as shipped in brackets) is kept here, as measured.
HISTORY: dict[str, dict[str, Any]] = {
    "guard_pii_synth_held": {
        "first_measurement": "2026-12-01, recognizers v1 (before this set's errors were looked at)",
        "guard": {"CREDIT_CARD": [1.0, 0.9541], "EMAIL_ADDRESS": [1.0, 1.0], "IBAN_CODE": [1.0, 0.9978],
                  "IP_ADDRESS": [1.0, 0.8064], "PERSON": [0.7374, 0.7771], "PHONE_NUMBER": [0.9936, 0.8639],
                  "US_SSN": [1.0, 1.0]},
        "presidio_as_is": {"CREDIT_CARD": [0.6731, 0.753], "EMAIL_ADDRESS": [1.0, 1.0], "IBAN_CODE": [0.9822, 1.0],
                           "IP_ADDRESS": [1.0, 0.54], "PERSON": [0.7374, 0.748], "PHONE_NUMBER": [0.885, 0.383],
                           "US_SSN": [1.0, 0.935]},
        "then": "IP_ADDRESS and PHONE_NUMBER precision below 0.90: errors studied, recognizers changed (v2)",
    },
    "guard_pii_synth_fresh": {
        "first_measurement": "2026-12-01, recognizers v2 (before this set's errors were looked at)",
        "guard": {"CREDIT_CARD": [0.954, 1.0], "EMAIL_ADDRESS": [1.0, 1.0], "IBAN_CODE": [1.0, 1.0],
                  "IP_ADDRESS": [0.997, 0.788], "PERSON": [0.708, 0.622], "PHONE_NUMBER": [0.939, 0.998],
                  "US_SSN": [1.0, 1.0]},
        "presidio_as_is": {"CREDIT_CARD": [0.691, 0.887], "EMAIL_ADDRESS": [1.0, 1.0], "IBAN_CODE": [0.964, 1.0],
                           "IP_ADDRESS": [1.0, 0.479], "PERSON": [0.708, 0.599], "PHONE_NUMBER": [0.896, 0.489],
                           "US_SSN": [1.0, 0.877]},
        "then": "IP_ADDRESS precision below 0.90 and IP recall 2 spans below Presidio's: errors studied, "
                "recognizers changed (v3)",
    },
    "guard_pii_synth_wild": {
        "first_measurement": "2026-12-01, recognizers v3 (before this set's errors were looked at)",
        "guard": {"CREDIT_CARD": [1.0, 1.0], "EMAIL_ADDRESS": [1.0, 1.0], "IBAN_CODE": [1.0, 1.0],
                  "IP_ADDRESS": [0.940, 0.677], "PERSON": [0.719, 0.734], "PHONE_NUMBER": [0.969, 0.952],
                  "US_SSN": [0.949, 1.0]},
        "presidio_as_is": {"CREDIT_CARD": [0.645, 0.924], "EMAIL_ADDRESS": [1.0, 1.0], "IBAN_CODE": [0.970, 1.0],
                           "IP_ADDRESS": [0.978, 0.497], "PERSON": [0.719, 0.701], "PHONE_NUMBER": [0.877, 0.342],
                           "US_SSN": [1.0, 0.960]},
        "then": "IP_ADDRESS precision below 0.90, IP and US_SSN recall below Presidio's: errors studied, "
                "recognizers changed (v4)",
    },
    "guard_pii_synth_final": {
        "first_measurement": "2026-12-01, recognizers v4 (before this set's errors were looked at)",
        "guard": {"CREDIT_CARD": [1.0, 0.9912], "EMAIL_ADDRESS": [1.0, 1.0], "IBAN_CODE": [0.9925, 1.0],
                  "IP_ADDRESS": [0.973, 0.7014], "PERSON": [0.7746, 0.8213], "PHONE_NUMBER": [0.9595, 1.0],
                  "US_SSN": [1.0, 1.0]},
        "presidio_as_is": {"CREDIT_CARD": [0.6533, 0.9608], "EMAIL_ADDRESS": [1.0, 1.0], "IBAN_CODE": [1.0, 1.0],
                           "IP_ADDRESS": [0.973, 0.4932], "PERSON": [0.7746, 0.7964], "PHONE_NUMBER": [0.8834, 0.4716],
                           "US_SSN": [1.0, 0.9231]},
        "then": "IP_ADDRESS precision below 0.90 and IBAN recall 2 spans below Presidio's: the kinds of error "
                "(card digits inside a grouped IBAN; dotted versions after words that order or require versions, "
                "section numbers, OIDs) were generalised into rules checked on the tuning sets B-D (v5, the shipped "
                "ones); this set is a tuning set from then on",
    },
    "guard_pii_synth_audit": {
        "first_measurement": "2026-12-01, recognizers v5 (before this set's errors were looked at); labels as "
                             "first generated (50 broadcast addresses 'brd 10.0.0.255' of one template unlabelled)",
        "guard": {"CREDIT_CARD": [1.0, 1.0], "EMAIL_ADDRESS": [1.0, 1.0], "IBAN_CODE": [0.9954, 1.0],
                  "IP_ADDRESS": [0.9578, 0.6803], "PERSON": [0.7205, 0.7699], "PHONE_NUMBER": [0.9378, 0.9976],
                  "US_SSN": [1.0, 1.0]},
        "presidio_as_is": {"CREDIT_CARD": [0.7052, 0.9725], "EMAIL_ADDRESS": [1.0, 1.0], "IBAN_CODE": [0.9677, 1.0],
                           "IP_ADDRESS": [0.9789, 0.3928], "PERSON": [0.7205, 0.7347], "PHONE_NUMBER": [0.8622, 0.3903],
                           "US_SSN": [1.0, 0.9414]},
        "then": "IP_ADDRESS precision below 0.90 and recall below Presidio's. Label fix (not a scanner change): the "
                "broadcast address of the 'ip addr' template is an IP and is now labelled (slot IP_BRD; the texts "
                "rebuild unchanged from the seed, 50 spans added). Then the IP decision was rebuilt as weighed "
                "network-versus-version evidence (guard.pii.ip_evidence, v6), developed on presidio_synth and A-F; "
                "this set is a tuning set from then on, and G (blind) is held apart",
    },
    "guard_pii_synth_blind": {
        "first_measurement": "2026-12-01, recognizers v6 (before this set's errors were looked at)",
        "guard": {"CREDIT_CARD": [1.0, 1.0], "EMAIL_ADDRESS": [1.0, 1.0], "IBAN_CODE": [1.0, 1.0],
                  "IP_ADDRESS": [0.9606, 0.8957], "PERSON": [0.6064, 0.6769], "PHONE_NUMBER": [0.9399, 0.6997],
                  "US_SSN": [1.0, 1.0]},
        "presidio_as_is": {"CREDIT_CARD": [0.633, 0.9675], "EMAIL_ADDRESS": [1.0, 1.0], "IBAN_CODE": [1.0, 1.0],
                           "IP_ADDRESS": [0.9794, 0.565], "PERSON": [0.6064, 0.6364], "PHONE_NUMBER": [0.8627, 0.2089],
                           "US_SSN": [1.0, 0.9138]},
        "then": "IP_ADDRESS and PHONE_NUMBER precision below 0.90, IP recall below Presidio's (a phone rule claimed "
                "dotted quads: '-s 192.168.21.50 -p tcp', traceroute hops). Errors studied and generalised (v7): a "
                "phone number is never written as (or runs into) a dotted-quad IPv4 address; a one-letter phone "
                "label counts only as 'T:'/'M.' or a capital opening a line; version and network words in the "
                "languages the phone labels cover; a version word heading a copula phrase; an upgrade verb and "
                "'to'. This set is a tuning set from then on, and H (sealed) is held apart",
    },
    "guard_pii_synth_sealed": {
        "first_measurement": "2026-12-01, recognizers v7 (before this set's errors were looked at)",
        "guard": {"CREDIT_CARD": [1.0, 1.0], "EMAIL_ADDRESS": [1.0, 1.0], "IBAN_CODE": [0.9954, 1.0],
                  "IP_ADDRESS": [0.9655, 0.8815], "PERSON": [0.6471, 0.6468], "PHONE_NUMBER": [0.9738, 0.9983],
                  "US_SSN": [1.0, 1.0]},
        "presidio_as_is": {"CREDIT_CARD": [0.6432, 0.932], "EMAIL_ADDRESS": [1.0, 1.0], "IBAN_CODE": [1.0, 1.0],
                           "IP_ADDRESS": [0.9945, 0.4827], "PERSON": [0.6471, 0.609], "PHONE_NUMBER": [0.8426, 0.3587],
                           "US_SSN": [1.0, 0.9218]},
        "then": "IP_ADDRESS precision below 0.90 and recall below Presidio's; IBAN recall one span below (a phone "
                "rule claimed the last groups of a grouped IBAN). Seven rounds of rules had each fitted the phrasings "
                "seen so far, so the IP decision became a learned model (guard.pii.ip_model, logistic regression on "
                "presidio_synth and A-H, threshold chosen leave-one-set-out for recall >= 0.995 on every set) and "
                "phone matches inside a valid IBAN are vetoed. This set is a training set from then on, and I "
                "(independent, another author's generator) is held apart",
    },
    "guard_pii_synth_independent": {
        "first_measurement": "2026-12-01, recognizers v8 with the learned IP model (before this set's errors were "
                             "looked at)",
        "guard": {"CREDIT_CARD": [1.0, 0.996], "EMAIL_ADDRESS": [1.0, 1.0], "IBAN_CODE": [1.0, 1.0],
                  "IP_ADDRESS": [0.982, 0.836], "PERSON": [0.633, 0.435], "PHONE_NUMBER": [0.922, 0.991],
                  "US_SSN": [0.989, 1.0]},
        "presidio_as_is": {"CREDIT_CARD": [0.932, 0.965], "EMAIL_ADDRESS": [1.0, 1.0], "IBAN_CODE": [0.993, 1.0],
                           "IP_ADDRESS": [0.987, 0.58], "PERSON": [0.635, 0.429], "PHONE_NUMBER": [0.875, 0.545],
                           "US_SSN": [1.0, 0.814]},
        "then": "IP_ADDRESS precision below 0.90 (section numbers, certificate OIDs and versions in phrasings no set "
                "A-H has) and IP and US_SSN recall below Presidio's (IPv6 in certificates, SPF records and log "
                "brackets; SSNs). This set is a training set from then on, and J (another independent author) is "
                "held apart",
    },
    "guard_pii_synth_external": {
        "first_measurement": "2026-12-01, recognizers v9 with the IP model retrained on I (before this set's errors "
                             "were looked at)",
        "guard": {"CREDIT_CARD": [1.0, 1.0], "EMAIL_ADDRESS": [1.0, 1.0], "IBAN_CODE": [1.0, 1.0],
                  "IP_ADDRESS": [0.985, 0.956], "PERSON": [0.691, 0.388], "PHONE_NUMBER": [0.938, 0.968],
                  "US_SSN": [1.0, 1.0]},
        "presidio_as_is": {"CREDIT_CARD": [0.914, 0.934], "EMAIL_ADDRESS": [1.0, 1.0], "IBAN_CODE": [1.0, 1.0],
                           "IP_ADDRESS": [1.0, 0.708], "PERSON": [0.693, 0.381], "PHONE_NUMBER": [0.925, 0.475],
                           "US_SSN": [1.0, 0.678]},
        "then": "every direct identifier at or above 0.90 recall and precision, but IP_ADDRESS recall below "
                "Presidio's (well-known public addresses with a low first number read as versions: 'dig @8.8.8.8'; "
                "an upgrade sentence overriding the addresses in its own brackets; SIP URIs) and PERSON recall two "
                "names below. The model's 'first number at most 20' feature, an artefact of the earlier generators, "
                "was replaced by real-world address facts (v10); this set is a training set from then on, and K "
                "(a third independent author) is held apart",
    },
    "guard_pii_synth_crowd": {
        "first_measurement": "2026-12-01, recognizers v10 with the IP model retrained on J (before this set's "
                             "errors were looked at)",
        "guard": {"CREDIT_CARD": [1.0, 1.0], "EMAIL_ADDRESS": [1.0, 1.0], "IBAN_CODE": [1.0, 1.0],
                  "IP_ADDRESS": [0.942, 0.858], "PERSON": [0.742, 0.492], "PHONE_NUMBER": [0.947, 1.0],
                  "US_SSN": [1.0, 0.996]},
        "presidio_as_is": {"CREDIT_CARD": [0.951, 0.972], "EMAIL_ADDRESS": [1.0, 1.0], "IBAN_CODE": [0.972, 1.0],
                           "IP_ADDRESS": [0.983, 0.618], "PERSON": [0.742, 0.487], "PHONE_NUMBER": [0.929, 0.442],
                           "US_SSN": [1.0, 0.861]},
        "then": "IP_ADDRESS precision below 0.90 and recall below Presidio's. Most misses were tcpdump lines "
                "('IP 10.0.0.5.443 > 192.168.1.20.51234:'), whose host.port a veto for longer dotted figures (OIDs) "
                "dropped; that veto now lets a tcpdump port through. No held-apart set is left after this one: "
                "the next IP claim needs a new set by another author",
    },
    "guard_pii_synth_outside": {
        "first_measurement": "2026-12-01, recognizers v11 with the IP model v3 (trained on A-J; before this set's "
                             "errors were looked at)",
        "guard": {"CREDIT_CARD": [1.0, 1.0], "EMAIL_ADDRESS": [0.976, 0.996], "IBAN_CODE": [1.0, 1.0],
                  "IP_ADDRESS": [0.998, 0.883], "PERSON": [0.697, 0.496], "PHONE_NUMBER": [0.968, 0.977],
                  "US_SSN": [0.979, 1.0]},
        "presidio_as_is": {"CREDIT_CARD": [0.89, 0.96], "EMAIL_ADDRESS": [0.969, 0.996], "IBAN_CODE": [0.979, 1.0],
                           "IP_ADDRESS": [0.992, 0.735], "PERSON": [0.698, 0.494], "PHONE_NUMBER": [0.95, 0.433],
                           "US_SSN": [1.0, 0.805]},
        "then": "IP_ADDRESS recall above Presidio's for the first time on an unseen set (0.998 against 0.992) but "
                "precision 0.883, below 0.90: 240 of its 346 false positives were subnet and wildcard masks and "
                "0.0.0.0 routes, numbers no host can have, now refused as a fact of the address space; US_SSN "
                "recall below Presidio's (a phone reading won over 'ssn=' before the value, now the value's own key "
                "decides); PERSON recall one name below",
    },
    "guard_pii_synth_stranger": {
        "first_measurement": "2026-12-02, recognizers v12 with the IP model v3 (after the fixes for L's errors; "
                             "before this set's errors were looked at)",
        "guard": {"CREDIT_CARD": [0.988, 1.0], "EMAIL_ADDRESS": [0.984, 1.0], "IBAN_CODE": [1.0, 1.0],
                  "IP_ADDRESS": [0.993, 0.884], "PERSON": [0.747, 0.577], "PHONE_NUMBER": [0.951, 0.978],
                  "US_SSN": [1.0, 1.0]},
        "presidio_as_is": {"CREDIT_CARD": [0.964, 0.96], "EMAIL_ADDRESS": [1.0, 1.0], "IBAN_CODE": [0.966, 1.0],
                           "IP_ADDRESS": [0.99, 0.754], "PERSON": [0.747, 0.57], "PHONE_NUMBER": [0.976, 0.47],
                           "US_SSN": [1.0, 0.702]},
        "then": "IP_ADDRESS recall above Presidio's again (0.993 against 0.990) but precision 0.884, below 0.90 for "
                "the fourth of five unseen authors; EMAIL_ADDRESS recall below Presidio's (all 15 misses one table "
                "row layout, 'date|name@host': Presidio's de-duplication dropped guard's exact match inside its "
                "own wider one, which then lost to the SSN beside it) and PHONE_NUMBER recall below Presidio's "
                "(national numbers without a phone word; 'updates to +1…' read as a version)",
    },
    "guard_pii_synth_remote": {
        "first_measurement": "2026-12-02, recognizers v13 with the IP model v3 (after the fixes for M's errors and "
                             "IPv4 multicast refused; before this set's errors were looked at)",
        "guard": {"CREDIT_CARD": [1.0, 0.977], "EMAIL_ADDRESS": [1.0, 1.0], "IBAN_CODE": [1.0, 1.0],
                  "IP_ADDRESS": [0.999, 0.941], "PERSON": [0.745, 0.592], "PHONE_NUMBER": [0.969, 0.984],
                  "US_SSN": [0.979, 1.0]},
        "presidio_as_is": {"CREDIT_CARD": [0.948, 0.937], "EMAIL_ADDRESS": [1.0, 1.0], "IBAN_CODE": [1.0, 1.0],
                           "IP_ADDRESS": [1.0, 0.831], "PERSON": [0.745, 0.589], "PHONE_NUMBER": [0.964, 0.548],
                           "US_SSN": [1.0, 0.624]},
        "then": "every direct identifier at or above 0.90 recall and precision, IP_ADDRESS precision 0.941 (Presidio "
                "0.831); recall below Presidio's for IP_ADDRESS (0.999 against 1.0: two addresses) and US_SSN (0.979 "
                "against 1.0: six numbers)",
    },
}


def default_sets() -> dict[str, dict[str, Any]]:
    """The sets the shipped quality is measured on: presidio_synth and guard's generated sets."""
    from guard.pii import synth

    def generated(half: str, tuned: bool, note: str) -> dict[str, Any]:
        return {"path": synth.FILES[half], "dataset": synth.SET_NAMES[half] + ", guard/pii/synth",
                "tuned_on": tuned, "held_apart": not tuned, "note": note,
                **({"history": HISTORY[f"guard_pii_synth_{half}"]} if f"guard_pii_synth_{half}" in HISTORY else {})}

    return {
        "presidio_synth": {"path": ROOT.parent / "shared" / "data" / "presidio_synth",
                           "dataset": "presidio_synth (microsoft/presidio-research data/synth_dataset_v2.json)",
                           "tuned_on": True, "held_apart": False,
                           "note": "third-party synthetic set; the recognizers were developed on it"},
        "guard_pii_synth_dev": generated("dev", True, "seed A, dev templates: the recognizers were developed on it"),
        "guard_pii_synth_held": generated("held", True, "seed B, held templates: held apart until its first "
                                          "measurement (kept in history), then tuned on"),
        "guard_pii_synth_fresh": generated("fresh", True, "seed C, templates written after B's first measurement: "
                                           "held apart until its first measurement (kept in history), then tuned on"),
        "guard_pii_synth_wild": generated("wild", True, "seed D, templates written after C's first measurement: "
                                          "held apart until its first measurement (kept in history), then tuned on"),
        "guard_pii_synth_final": generated("final", True, "seed E, templates written after D's first measurement: "
                                           "held apart until its first measurement (kept in history); the "
                                           "recognizers were then changed for the kinds of error it showed, so it "
                                           "counts as tuned on"),
        "guard_pii_synth_audit": generated("audit", True, "seed F, templates, locales and distractors written after "
                                           "E's first measurement: held apart until its first measurement (kept in "
                                           "history); labels corrected (the broadcast address), then tuned on (v6)"),
        "guard_pii_synth_blind": generated("blind", True, "seed G, templates and styles written after the v6 IP "
                                           "evidence model was developed and before any measurement of it on them: "
                                           "held apart until its first measurement (kept in history), then tuned "
                                           "on (v7)"),
        "guard_pii_synth_sealed": generated("sealed", True, "seed H, templates and styles (support chats, medical "
                                            "and insurance letters, bank statements, HR e-mails, pastebin dumps, CI "
                                            "logs, change requests, IoT inventories, transcripts, Markdown tables, "
                                            "JSON API responses) written after the v7 rules and before any "
                                            "measurement on them: held apart until its first measurement (kept in "
                                            "history), then a training set of the learned IP model (v8)"),
        "guard_pii_synth_independent": generated("independent", True, "seed I, its own generator, templates and "
                                                 "value generators (guard.pii.synth.independent: 142 templates, 60 "
                                                 "styles, 8 languages) by an author who never saw the recognizers, "
                                                 "the IP model or the other sets: held apart until its first "
                                                 "measurement (kept in history), then a training set of the IP "
                                                 "model (v9)"),
        "guard_pii_synth_external": generated("external", True, "seed J, another independent author's generator "
                                              "(guard.pii.synth.external: 179 templates, 77 styles, 8 languages), "
                                              "written while the IP model was retrained on I, never seen by that "
                                              "work: held apart until its first measurement (kept in history), "
                                              "then a training set of the IP model (v10)"),
        "guard_pii_synth_crowd": generated("crowd", True, "seed K, a third independent author's generator "
                                           "(guard.pii.synth.crowd: 158 templates, 53 styles, 7 languages), "
                                           "written while the IP model was retrained on J, never seen by that "
                                           "work: held apart until its first measurement (kept in history); "
                                           "then one rule fix for its errors (tcpdump's host.port), so tuned on"),
        "guard_pii_synth_outside": generated("outside", True, "seed L, a fourth independent author's generator "
                                             "(guard.pii.synth.outside: 284 templates, 157 styles, 7 languages), "
                                             "written after the IP model v3 and before any measurement on it, by "
                                             "an author who never saw the recognizers, the model or the other "
                                             "sets: held apart until its first measurement (kept in history); "
                                             "then rule fixes for the kinds of error it showed (a value's own key "
                                             "decides an SSN/phone overlap, 0.0.0.0/8 and 240.0.0.0/4 are never "
                                             "hosts, a run of hex bytes is no IPv6 address), so tuned on"),
        "guard_pii_synth_stranger": generated("stranger", True, "seed M, a fifth independent author's generator "
                                              "(guard.pii.synth.stranger: 298 templates, 256 styles, 7 languages), "
                                              "written after the fixes for L's errors and before any measurement "
                                              "on them, by an author who never saw the recognizers, the model or "
                                              "the other sets: held apart until its first measurement (kept in "
                                              "history); then fixes for the kinds of error it showed (Presidio's "
                                              "de-duplication no longer drops a built-in finding inside a wider "
                                              "fallback one; an e-mail's local part starts with a letter, digit or "
                                              "underscore and holds no '|', '/', '=', braces or backquote; phone "
                                              "words in German, Spanish, Italian and Dutch; a version word vetoes "
                                              "only a number written as versions are), so tuned on"),
        "guard_pii_synth_remote": generated("remote", True, "seed N, a sixth independent author's generator "
                                            "(guard.pii.synth.remote: 296 templates, 274 styles, 7 languages), "
                                            "written while M's fixes were made and before any measurement on "
                                            "it, by an author who never saw the recognizers or the model (and, "
                                            "but for six short helper excerpts a linter printed, no other set): "
                                            "held apart until its first measurement (kept in history); then one "
                                            "rule fix for its errors (a number written 3-2-4 with dashes is an "
                                            "SSN, not a phone number a plan happens to accept), so tuned on"),
    }


def labelled_types(records: list[LabelledText]) -> list[str]:
    return sorted({name for r in records for s in r.spans if (name := DATASET_LABELS.get(s.entity_type,
                                                                                         s.entity_type))})


def _entry(result: BenchmarkResult) -> dict[str, Any]:
    return {k: {"recall": _r(v.recall), "precision": _r(v.precision), "n": v.n_gold, "predicted": v.n_pred}
            for k, v in sorted(result.per_entity.items()) if v.n_gold or v.n_pred}


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def run_sets(scanner: Any, sets: dict[str, dict[str, Any]], presidio: bool = True
             ) -> tuple[dict[str, BenchmarkResult], dict[str, BenchmarkResult]]:
    """guard's (and Presidio's) results per set, scored over the types each set labels."""
    ours: dict[str, BenchmarkResult] = {}
    theirs: dict[str, BenchmarkResult] = {}
    for name, spec in sets.items():
        records = load_presidio_synth(spec["path"])
        entities = [e for e in labelled_types(records) if e in scanner.entities]

        def predict(texts: list[str]) -> list[list[_Span]]:
            return [[_Span(f.entity_type, f.start, f.end) for f in found] for found in scanner.scan(texts)]

        ours[name] = evaluate_spans(predict, records, entities, config=scanner.config())
        if presidio:
            theirs[name] = benchmark_presidio(records, entities, threshold=0.0)
    return ours, theirs


def lowest(per_set: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Per entity type, the lowest recall and the lowest precision over the sets, each with its set
    and the count it stands on (on a tie, the set with more spans)."""
    worst: dict[str, dict[str, Any]] = {}
    for name, entry in per_set.items():
        for entity, q in entry["per_entity"].items():
            w = worst.setdefault(entity, {"recall": None, "n": 0, "precision": None, "precision_n": 0})
            if q.get("recall") is not None and (w["recall"] is None or (q["recall"], -q["n"]) < (w["recall"], -w["n"])):
                w.update(recall=q["recall"], n=q["n"], recall_set=name)
            if q.get("precision") is not None and (w["precision"] is None or (q["precision"], -q["predicted"])
                                                   < (w["precision"], -w["precision_n"])):
                w.update(precision=q["precision"], precision_n=q["predicted"], precision_set=name)
    return {k: worst[k] for k in sorted(worst)}


# Every SAMPLE_EVERY-th text of each set is measured again and stored with the record: a test re-runs
# that sample in about a second and checks the counts, so the record provably comes from the shipped
# sets (their SHA-256) and the current rules without measuring every set in the test suite.
SAMPLE_EVERY = 10


def set_file(path: str | Path) -> Path:
    """The JSON file a set's ``path`` names (a file, or the first ``*.json`` of a directory)."""
    p = Path(path)
    return sorted(p.glob("*.json"))[0] if p.is_dir() else p


def fingerprint(path: str | Path) -> dict[str, Any]:
    import hashlib

    data = set_file(path).read_bytes()
    return {"file": set_file(path).name, "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}


def sample_check(scanner: Any, path: str | Path, every: int = SAMPLE_EVERY) -> dict[str, Any]:
    """The scanner's counts on every ``every``-th text of the set (see ``SAMPLE_EVERY``)."""
    records = load_presidio_synth(path)[::every]
    entities = [e for e in labelled_types(load_presidio_synth(path)) if e in scanner.entities]

    def predict(texts: list[str]) -> list[list[_Span]]:
        return [[_Span(f.entity_type, f.start, f.end) for f in found] for found in scanner.scan(texts)]

    result = evaluate_spans(predict, records, entities, config=scanner.config())
    return {"every": every, "n_texts": result.n_texts, "per_entity": _entry(result)}


def with_checks(data: dict[str, Any], scanner: Any, sets: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """``data`` with each measured set's fingerprint and sample counts added."""
    for name, entry in data["sets"].items():
        if name in sets:
            entry["fingerprint"] = fingerprint(sets[name]["path"])
            entry["sample"] = sample_check(scanner, sets[name]["path"])
    return data


def record(scanner: Any, sets: dict[str, dict[str, Any]], ours: dict[str, BenchmarkResult],
           theirs: dict[str, BenchmarkResult]) -> dict[str, Any]:
    """The quality record (see the module docstring) from measured results."""
    per_set: dict[str, dict[str, Any]] = {}
    for name, result in ours.items():
        spec = sets[name]
        per_set[name] = {"dataset": spec.get("dataset", name), "tuned_on": bool(spec.get("tuned_on")),
                         "held_apart": bool(spec.get("held_apart")),
                         **{k: spec[k] for k in ("note", "history") if k in spec}, "n_texts": result.n_texts,
                         "overall": {"recall": _r(result.overall_recall), "precision": _r(result.overall_precision)},
                         "per_entity": _entry(result)}
    previous = _shipped()
    # Presidio as shipped does not change with guard's rules: a set it was not run on this time keeps the
    # figures of the last run, if the set's file is the one they were measured on (`guard pii benchmark
    # --write-quality` measures guard alone).
    kept = {name: entry for name, entry in (previous.get("presidio_as_is") or {}).items()
            if name in ours and name not in theirs
            and (previous.get("sets") or {}).get(name, {}).get("fingerprint") == fingerprint(sets[name]["path"])}
    presidio: dict[str, dict[str, Any]] = {**kept, **{name: {"config": res.config, "per_entity": _entry(res)}
                                                      for name, res in theirs.items()}}
    presidio = {name: presidio[name] for name in ours if name in presidio}
    return with_checks({
        "schema": 2,
        "matching": "span overlap, same entity type",
        "measured": datetime.now(timezone.utc).strftime("%Y-%m-%d"),
        "scanner": scanner.config(),
        "note": "per_entity holds, per entity type, the lowest recall and the lowest precision over the sets, "
                "with the set and the count each stands on; a measurement of the scanner, not a sample of any run",
        "sets": per_set,
        "per_entity": lowest(per_set),
        "presidio_as_is": presidio,
        # Other NER models' PERSON numbers (``--ner``), kept across rewrites of the record.
        **({"ner_configurations": previous["ner_configurations"]} if previous.get("ner_configurations") else {}),
    }, scanner, sets)


def _shipped() -> dict[str, Any]:
    from guard.pii import _QUALITY_FILE

    try:
        data = json.loads(Path(_QUALITY_FILE).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return {}
    return data if isinstance(data, dict) else {}


def measure_ner(spec: str, sets: dict[str, dict[str, Any]], entity: str = "PERSON") -> dict[str, Any]:
    """``entity``'s recall/precision per set with the NER model ``spec`` (what ``GUARD_PII_NER``
    takes), scored like the default scanner: the full scanner runs, only ``entity`` is scored."""
    from guard.pii.scanner import get_scanner

    scanner = get_scanner(nlp=spec)
    per_set: dict[str, Any] = {}
    for name, set_spec in sets.items():
        records = load_presidio_synth(set_spec["path"])
        if entity not in labelled_types(records):
            continue

        def predict(texts: list[str]) -> list[list[_Span]]:
            return [[_Span(f.entity_type, f.start, f.end) for f in found] for found in scanner.scan(texts)]

        result = evaluate_spans(predict, records, [entity], config=scanner.config())
        q = result.per_entity.get(entity)
        if q is not None:
            per_set[name] = {"recall": _r(q.recall), "precision": _r(q.precision), "n": q.n_gold,
                             "predicted": q.n_pred, "texts_per_second": round(result.n_texts / result.seconds, 1)}
    model = str(scanner.model)
    meta = Path(model) / "meta.json"
    if meta.is_file():  # a model directory: name it by its own metadata, not by where it lies
        info = json.loads(meta.read_text(encoding="utf-8"))
        model = f"{info.get('lang', 'xx')}_{info.get('name', '?')} {info.get('version', '?')} (a directory)"
    return {"nlp": model, "entity": entity, "sets": per_set}


def write(data: dict[str, Any], path: Path | None = None) -> Path:
    """Store ``data`` as the shipped quality file (``guard/pii/quality.json``)."""
    from guard.pii import _QUALITY_FILE, _quality

    target = Path(path) if path is not None else _QUALITY_FILE
    target.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    _quality.cache_clear()
    return target


def tables(ours: dict[str, BenchmarkResult], theirs: dict[str, BenchmarkResult]) -> str:
    """A guard-vs-Presidio (as shipped) table per set."""
    out = []
    for name, result in ours.items():
        results = {"guard": result}
        if name in theirs:
            results["presidio as-is"] = theirs[name]
        out.append(comparison_text(results, title=f"{name} ({result.n_texts} texts; recall / precision)"))
    return "\n\n".join(out)


def main(argv: list[str] | None = None) -> int:
    import argparse

    from guard.pii.scanner import get_scanner

    ap = argparse.ArgumentParser(prog="python -m guard.pii.quality", description=__doc__.split("\n")[0])
    ap.add_argument("--write", action="store_true", help="store the record as guard/pii/quality.json")
    ap.add_argument("--no-presidio", action="store_true", help="skip Presidio as shipped")
    ap.add_argument("--only", action="append", default=[], help="measure only this set (repeat)")
    ap.add_argument("--ner", metavar="SPEC", help="measure PERSON with this NER model (a spaCy package or "
                    "directory, or transformers:MODEL) and, with --write, store it under ner_configurations")
    ap.add_argument("--ner-name", help="the name to store --ner's numbers under (default: SPEC)")
    ap.add_argument("--ner-source", default="", help="where the --ner model comes from (stored with its numbers)")
    args = ap.parse_args(argv)
    sets = default_sets()
    if args.only:
        sets = {k: v for k, v in sets.items() if k in args.only}
    if args.ner:
        entry = {**measure_ner(args.ner, sets), "source": args.ner_source,
                 "measured": datetime.now(timezone.utc).strftime("%Y-%m-%d")}
        print(json.dumps(entry, indent=2))
        if args.write:
            data = _shipped()
            data.setdefault("ner_configurations", {})[args.ner_name or args.ner] = entry
            print(f"quality: {write(data)}")
        return 0
    scanner = get_scanner()
    ours, theirs = run_sets(scanner, sets, presidio=not args.no_presidio)
    print(tables(ours, theirs))
    if args.write:
        print(f"quality: {write(record(scanner, sets, ours, theirs))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
