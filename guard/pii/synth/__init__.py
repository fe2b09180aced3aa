"""A seeded generator of labelled PII texts, written for this project: the held-apart evaluation set.

``generate(half, n, seed)`` writes ``n`` texts in many locales (17 Faker locales, 8 languages) and
writing styles (chat, e-mail, signatures, tickets, forms, CSV, JSON, logs, SMS, notes, letters,
tables, configs, changelogs), with PII-free distractors (order and invoice numbers, versions, dotted
software ids, dates, prices, tracking numbers, ISBN/EAN, postcodes) and ground-truth character spans
in presidio_synth's JSON format (``full_text``, ``masked``, ``spans[{entity_type, entity_value,
start_position, end_position}]``, ``template_id``, ``metadata``), so ``guard.pii.benchmark`` reads it.

Eleven sets, each with its own templates and seed, never mixed (``data/SOURCE.md``):

- ``dev`` (seed A): the texts the recognizers were developed on.
- ``held`` (B), ``fresh`` (C), ``wild`` (D), ``final`` (E): each held apart until its first
  measurement (kept in ``guard/pii/quality.json``), then tuned on; each next template group was
  written before the previous set's errors were looked at.
- ``audit`` (F): held apart until its first measurement; then its labels were corrected (the
  broadcast address of one template, ``IP_BRD``) and it became a tuning set for the IP evidence model.
- ``blind`` (G): templates written after that model and before any measurement of it on them;
  held apart until its first measurement (kept), then tuned on (round 3: phone numbers never written
  as dotted quads, one-letter phone labels, version and network words in more languages).
- ``sealed`` (H): templates (``templates_sealed``) written after the round-3 rules and before any
  measurement on them; held apart until its first measurement (kept), then a training set of the
  learned IP-versus-version model (``guard.pii.ip_model``).
- ``independent`` (I): its own generator, templates and value generators (``guard.pii.synth.independent``),
  written by an author who never saw the recognizers, the model or the other sets' templates; held
  apart until its first measurement (kept), then a training set of the IP model.
- ``external`` (J): another author's generator (``guard.pii.synth.external``), written under the same rule
  while the model was retrained on I; held apart until its first measurement (kept), then a training set.
- ``crowd`` (K): a third independent author's generator (``guard.pii.synth.crowd``), written while the model
  was retrained on J; held apart until its first measurement (kept), then one rule fix for its errors.
- ``outside`` (L): a fourth independent author's generator (``guard.pii.synth.outside``), written after the
  IP model v3 and before any measurement on it; held apart until its first measurement (kept), then rule
  fixes for its errors.
- ``stranger`` (M): a fifth independent author's generator (``guard.pii.synth.stranger``), written after those
  fixes and before any measurement on them; held apart until its first measurement (kept), then rule fixes.
- ``remote`` (N): a sixth independent author's generator (``guard.pii.synth.remote``), written while M's fixes
  were made and before any measurement on it; held apart until its first measurement (kept).

Faker (MIT) is a development dependency: the sets are generated once and shipped as JSON
(``guard/pii/synth/data``), because Faker's output for a seed changes between Faker versions.
Regenerate: ``python -m guard.pii.synth --half dev`` (needs ``pip install faker``).
"""

from __future__ import annotations

import functools
import json
import random
import re
from pathlib import Path
from typing import Any

from guard.errors import GuardError

DATA_DIR = Path(__file__).with_name("data")
SEEDS = {"dev": 20260101, "held": 20260202, "fresh": 20260303, "wild": 20260404, "final": 20260505,  # A-E
         "audit": 20260606, "blind": 20260707, "sealed": 20260808,  # F, G, H
         "independent": 20260909,  # I: its own generator (guard.pii.synth.independent)
         "external": 20261010,  # J: its own generator (guard.pii.synth.external)
         "crowd": 20261111,  # K: its own generator (guard.pii.synth.crowd)
         "outside": 20261212,  # L: its own generator (guard.pii.synth.outside)
         "stranger": 20270101,  # M: its own generator (guard.pii.synth.stranger)
         "remote": 20270202}  # N: its own generator (guard.pii.synth.remote)
FILES = {"dev": DATA_DIR / "guard_pii_synth_dev_seedA.json", "held": DATA_DIR / "guard_pii_synth_held_seedB.json",
         "fresh": DATA_DIR / "guard_pii_synth_fresh_seedC.json", "wild": DATA_DIR / "guard_pii_synth_wild_seedD.json",
         "final": DATA_DIR / "guard_pii_synth_final_seedE.json", "audit": DATA_DIR / "guard_pii_synth_audit_seedF.json",
         "blind": DATA_DIR / "guard_pii_synth_blind_seedG.json",
         "sealed": DATA_DIR / "guard_pii_synth_sealed_seedH.json",
         "independent": DATA_DIR / "guard_pii_synth_independent_seedI.json",
         "external": DATA_DIR / "guard_pii_synth_external_seedJ.json",
         "crowd": DATA_DIR / "guard_pii_synth_crowd_seedK.json",
         "outside": DATA_DIR / "guard_pii_synth_outside_seedL.json",
         "stranger": DATA_DIR / "guard_pii_synth_stranger_seedM.json",
         "remote": DATA_DIR / "guard_pii_synth_remote_seedN.json"}
SET_NAMES = {"dev": "guard_pii_synth_dev (seed A)", "held": "guard_pii_synth_held (seed B)",
             "fresh": "guard_pii_synth_fresh (seed C)", "wild": "guard_pii_synth_wild (seed D)",
             "final": "guard_pii_synth_final (seed E)", "audit": "guard_pii_synth_audit (seed F)",
             "blind": "guard_pii_synth_blind (seed G)", "sealed": "guard_pii_synth_sealed (seed H)",
             "independent": "guard_pii_synth_independent (seed I)", "external": "guard_pii_synth_external (seed J)",
             "crowd": "guard_pii_synth_crowd (seed K)", "outside": "guard_pii_synth_outside (seed L)",
             "stranger": "guard_pii_synth_stranger (seed M)", "remote": "guard_pii_synth_remote (seed N)"}
_POOLS = {"fresh": (1000, "FRESH_TEMPLATES"), "wild": (2000, "WILD_TEMPLATES"),  # template id offset, list
          "final": (3000, "FINAL_TEMPLATES"), "audit": (4000, "AUDIT_TEMPLATES"),
          "blind": (5000, "BLIND_TEMPLATES"), "sealed": (6000, "SEALED_TEMPLATES")}
LABELS = {"NAME": "PERSON", "FIRST": "PERSON", "EMAIL": "EMAIL_ADDRESS", "PHONE": "PHONE_NUMBER",
          "CARD": "CREDIT_CARD", "IBAN": "IBAN_CODE", "IP": "IP_ADDRESS", "IP_BRD": "IP_ADDRESS",
          "SSN": "US_SSN", "SSN_DASH": "US_SSN"}
_SLOT = re.compile(r"\{([A-Z0-9_]+)\}")


def _fill(slot: str, fake: Any, rng: random.Random, region: str, ctx: dict[str, Any]) -> str:
    from guard.pii.synth import values as v

    if slot == "NAME":
        ctx["name"] = fake.name()
        return ctx["name"]
    if slot == "FIRST":
        return fake.first_name()
    if slot == "EMAIL":
        return v.email(fake, rng, ctx.get("name"))
    if slot == "PHONE":
        return v.phone(fake, rng, region)[0]
    if slot == "CARD":
        return v.card(ctx["us_fake"], rng)  # card brands are international (the en_US provider has all)
    if slot == "IBAN":
        return v.iban(fake, rng, ctx["us_fake"])
    if slot == "IP":
        return v.ip(fake, rng)
    if slot == "IP_BRD":  # a fixed broadcast address: labelled (an IP is PII-shaped), drawn from nothing
        return "10.0.0.255"
    if slot in ("SSN", "SSN_DASH"):
        return v.ssn(ctx["us_fake"], rng, dashed_only=slot == "SSN_DASH")
    simple = {"ORDER": lambda: v.order(rng), "INVOICE": lambda: v.invoice(rng), "VERSION": lambda: v.version(rng),
              "VERSION4": lambda: v.version4(rng), "DATE": lambda: v.date(fake, rng), "PRICE": lambda: v.price(rng),
              "TRACKING": lambda: v.tracking(rng), "NOISE": lambda: v.number_noise(fake, rng),
              "COMPANY": lambda: fake.company(), "OID": lambda: v.oid(rng), "SECTION": lambda: v.section(rng),
              "BUILD": lambda: v.build(rng), "PRODUCT": lambda: v.product(rng),
              # it_IT's city provider draws from a set, whose order changes with PYTHONHASHSEED
              "CITY": lambda: (ctx["us_fake"] if region == "IT" else fake).city()}
    if slot not in simple:
        raise GuardError(f"unknown template slot '{{{slot}}}'")
    return simple[slot]()


def render(template: str, fill: Any) -> tuple[str, list[dict[str, Any]]]:
    """The text and its labelled spans: each slot replaced by ``fill(slot)`` (``{{``/``}}`` are braces)."""
    out: list[str] = []
    spans: list[dict[str, Any]] = []
    pos = 0
    literal = template.replace("{{", "\x00").replace("}}", "\x01")
    length = 0
    for m in _SLOT.finditer(literal):
        chunk = literal[pos:m.start()].replace("\x00", "{").replace("\x01", "}")
        out.append(chunk)
        length += len(chunk)
        value = fill(m.group(1))
        if m.group(1) in LABELS:
            spans.append({"entity_type": LABELS[m.group(1)], "entity_value": value,
                          "start_position": length, "end_position": length + len(value)})
        out.append(value)
        length += len(value)
        pos = m.end()
    out.append(literal[pos:].replace("\x00", "{").replace("\x01", "}"))
    return "".join(out), spans


def generate(half: str, n: int = 2000, seed: int | None = None) -> list[dict[str, Any]]:
    """``n`` labelled texts from the templates of ``half`` ("dev" or "held"), reproducible for a seed."""
    try:
        from faker import Faker
    except ImportError:
        raise GuardError("the generator needs Faker", hint="pip install faker (a development dependency)") from None
    from guard.pii.synth import templates as _templates
    from guard.pii.synth.templates import TEMPLATES, split
    from guard.pii.synth.values import LOCALES

    # The newest halves (F, G, H) add locales of their own (the older sets keep their draws).
    table = {**LOCALES, **_templates.AUDIT_LOCALES} if half in ("audit", "blind", "sealed") else LOCALES

    if half == "independent":
        from guard.pii.synth.independent import generate_independent

        return generate_independent(n, SEEDS[half] if seed is None else seed)
    if half == "external":
        from guard.pii.synth.external import generate_external

        return generate_external(n, SEEDS[half] if seed is None else seed)
    if half == "crowd":
        from guard.pii.synth.crowd import generate_crowd

        return generate_crowd(n, SEEDS[half] if seed is None else seed)
    if half == "outside":
        from guard.pii.synth.outside import generate_outside

        return generate_outside(n, SEEDS[half] if seed is None else seed)
    if half == "stranger":
        from guard.pii.synth.stranger import generate_stranger

        return generate_stranger(n, SEEDS[half] if seed is None else seed)
    if half == "remote":
        from guard.pii.synth.remote import generate_remote

        return generate_remote(n, SEEDS[half] if seed is None else seed)
    if half not in SEEDS:
        raise GuardError(f"half '{half}' is not one of {', '.join(SEEDS)}")
    seed = SEEDS[half] if seed is None else seed
    offset, pool = (_POOLS[half][0], getattr(_templates, _POOLS[half][1])) if half in _POOLS else (0, TEMPLATES)
    rng = random.Random(seed)
    fakers: dict[str, Any] = {}
    for i, loc in enumerate(sorted(table)):
        fakers[loc] = Faker(loc)
        fakers[loc].seed_instance(seed * 100 + i)
    chosen = list(range(len(pool))) if half in _POOLS else [i for i in range(len(pool)) if split(i) == half]
    locales = sorted(table)
    weights = [table[loc][0] for loc in locales]
    records: list[dict[str, Any]] = []
    while len(records) < n:
        index = rng.choice(chosen)
        style, lang, template = pool[index]
        locale = rng.choices(locales, weights)[0]
        if lang != "en" and table[locale][2] != lang:
            continue
        fake, region = fakers[locale], table[locale][1]
        ctx: dict[str, Any] = {"us_fake": fakers["en_US"]}
        text, spans = render(template, functools.partial(_fill, fake=fake, rng=rng, region=region, ctx=ctx))
        records.append({"full_text": text, "masked": template, "spans": spans,
                        "template_id": index + offset,
                        "metadata": {"locale": locale, "style": style, "language": lang, "half": half, "seed": seed}})
    return records


def main(argv: list[str] | None = None) -> int:
    import argparse

    import faker

    ap = argparse.ArgumentParser(prog="python -m guard.pii.synth", description="Write a labelled PII set.")
    ap.add_argument("--half", choices=sorted(SEEDS), required=True)
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args(argv)
    out = args.out or FILES[args.half]
    out.parent.mkdir(parents=True, exist_ok=True)
    records = generate(args.half, args.n)
    out.write_text("[\n" + ",\n".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in records)
                   + "\n]\n", encoding="utf-8")
    spans = sum(len(r["spans"]) for r in records)
    print(f"{out}: {len(records)} texts, {spans} spans (seed {SEEDS[args.half]}, Faker {faker.VERSION})")
    return 0
