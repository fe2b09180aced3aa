"""Is a dotted quad an IPv4 address or a version? A small learned model decides.

Hand-written version/network rules fitted the phrasings seen so far and no more (precision 0.68-0.90
on each new held-apart set). Here the decision is a logistic model over cheap features of the
candidate in its text, trained by ``guard.pii.ip_train`` on every labelled tuning set and shipped as
weights (``ip_model.json``): inference is a dot product, no scikit-learn at scan time.

Features of one candidate (all binary unless said):

- words around it (lowercased runs of letters; a number becomes ``<n>``, a dotted number ``<dq>`` or
  ``<dn>``): the word right before / after (``b1:``, ``a1:``), two or three words away (``b2:``,
  ``a2:``), four to twelve words away within the same sentence and line (``bf:``, ``af:``; the words
  after stop at the sentence's end, the near words before only at the line's start), any of
  these by side (``b:``, ``a:``) and by their first four letters (``b~``, ``a~``: "version",
  "versione", "versão" share ``vers``); the last words of the sentence or line before (``ps:``: a
  question "which app version are you on?" labels the answer on the next line);
- the key right before (``"clientIp": ``, ``remote_addr=``, ``APP_BUILD:``), split into words
  (``key:``) with its head word (``kh:``); the column header of a CSV/Markdown table (``col:``) and the
  cell just before it (``cell:``);
- the characters right before and after (``cb:``, ``ca:``: ``/`` of ``Chrome/``, ``==``, ``@``, ``-rc1``,
  a bracket, a line start or end);
- word classes by position (``wc:b1:``, ``wc:bn:``, ``wc:bf:``, ``wc:a1:``, ``wc:an:``, ``wc:af:``,
  ``wc:ps:``, the column header and cell ``wc:col:``, ``wc:cell:``, and for the second of a pair the
  words before the first, ``wc:pair:``): a document's structure ("section", "finding", "Abschnitt",
  "apartado"), OIDs and certificates, upgrade verbs, version nouns, network nouns and devices, in
  the languages the sets cover; a word no training set holds still lands in a class with weights;
- structure (``s:``): heading its line (then a title or a date in brackets), in brackets after a
  word, one of a pair ("from X to Y", "X, server Y"), ``=`` after it (an SNMP walk), how many dotted
  numbers its line holds and whether one has another shape ("1.27.2": a version's);
- coarse value facts (``v:``): an RFC 1918 private, loopback, shared (CGNAT), link-local or documentation
  range, a well-known public resolver (8.8.8.8, 9.9.9.9, 1.0.0.1), any of these (``v:special``), the
  other parts all at most 20, a zero part, a zero last part, two parts of 100 or more. "First part <= 20"
  counts only together with a version cue (``v:major_le20_with_version_cue``): alone it was a generator
  artefact (every generated set drew versions with majors 1-20) that lost ``dig @8.8.8.8``;
- neighbours (``s:``): an item of a list or of its own brackets ("(10.20.0.7 / 10.73.147.5)") or of a
  column (ipconfig's DNS servers), and whether a neighbour is an address by value (special range, port);
- ``guard.pii.ip_evidence``'s points (``ev:net``, ``ev:ver`` scaled by 1/3 and capped at 3), its
  decisive flag and each of its cues (``cue:``). Not its verdict: the rules were tuned on the
  training sets until they were right there, so a model trusting the verdict would learn nothing
  else (leave-one-set-out precision on the newest set: 0.84 with it, 0.93 without).

Hard facts stay outside the model: a string ``ipaddress`` rejects is no address; a ``:port``,
``/cidr`` suffix or ``scheme://`` prefix makes it one; IPv6 is not decided here (versions are not
written in hex groups).
"""

from __future__ import annotations

import functools
import hashlib
import ipaddress
import json
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from guard.errors import GuardError
from guard.pii import context as _ctx
from guard.pii import ip_evidence

MODEL_FILE = Path(__file__).with_name("ip_model.json")
FEATURES_VERSION = 3  # bump when ``features`` changes: the shipped weights are for one version

_TOKEN = re.compile(r"\d+(?:\.\d+)+|[^\W\d_]+|\d+")
# Where a sentence or a field ends, for the far windows ("Ping failed. Version …": "ping" is not a label).
_BOUNDARY = re.compile(r"[.?!。？！]+(?=\s)|[;|\t]")
_KEY_WORDS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[^\W\d_]+")
_NEAR, _FAR_BEFORE, _FAR_AFTER, _PREVIOUS = 3, 12, 10, 6
_NETWORKS = {
    "private": tuple(ipaddress.ip_network(n) for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16")),
    "loopback": (ipaddress.ip_network("127.0.0.0/8"),),
    "cgnat": (ipaddress.ip_network("100.64.0.0/10"),),
    "linklocal": (ipaddress.ip_network("169.254.0.0/16"),),
}


def _word(token: str) -> str:
    """A token as a feature word: letters lowercased, numbers by shape."""
    if token[0].isdigit():
        if "." not in token:
            return "<n>"
        return "<dq>" if token.count(".") == 3 else "<dn>"
    return token.lower()[:24]


def _words(text: str) -> list[str]:
    return [_word(t) for t in _TOKEN.findall(text)]


def _last_boundary(segment: str) -> int:
    """The position just after the last sentence or field end in ``segment`` (0 when none)."""
    last = 0
    for m in _BOUNDARY.finditer(segment):
        last = m.end()
    return last


def _char_class(ch: str) -> str:
    if ch == "\n":
        return "^"
    if ch.isalpha():
        return "a"
    if ch.isdigit():
        return "9"
    return "…"


def _shape_before(text: str, start: int) -> str:
    """The non-alphanumeric run right before ``start`` (up to 4 characters, spaces as ``_``) and what
    precedes it: ``a/`` for "Chrome/", ``a:_`` for "ip: ", ``^`` at a line start."""
    j = start
    while j > max(0, start - 4) and not text[j - 1].isalnum() and text[j - 1] != "\n":
        j -= 1
    run = re.sub(r"\s+", "_", text[j:start])
    return ("^" if j == 0 else _char_class(text[j - 1])) + run


def _shape_after(text: str, end: int) -> str:
    """The non-alphanumeric run right after ``end`` and what follows it: ``-a`` for "-rc1", ``$`` at a
    line end, ``._a`` for ". Then"."""
    k = end
    while k < min(len(text), end + 4) and not text[k].isalnum() and text[k] != "\n":
        k += 1
    run = re.sub(r"\s+", "_", text[end:k])
    return run + ("$" if k >= len(text) or text[k] == "\n" else _char_class(text[k]))


# Well-known public resolvers and anycast addresses (Google, Cloudflare, Quad9, OpenDNS, Level3, DNS.WATCH,
# Verisign, Comodo, AdGuard, CleanBrowsing, Yandex, Neustar, AliDNS, DNSPod, Baidu, 114DNS): written in
# every network how-to and troubleshooting thread, and mostly with a low first part.
PUBLIC_RESOLVERS = frozenset(
    "8.8.8.8 8.8.4.4 1.1.1.1 1.0.0.1 1.1.1.2 1.0.0.2 1.1.1.3 1.0.0.3 9.9.9.9 9.9.9.10 9.9.9.11 149.112.112.112 "
    "149.112.112.10 149.112.112.11 208.67.222.222 208.67.220.220 208.67.222.123 208.67.220.123 4.2.2.1 4.2.2.2 "
    "4.2.2.3 4.2.2.4 4.2.2.5 4.2.2.6 84.200.69.80 84.200.70.40 64.6.64.6 64.6.65.6 8.26.56.26 8.20.247.20 "
    "94.140.14.14 94.140.15.15 185.228.168.9 185.228.169.9 77.88.8.8 77.88.8.1 156.154.70.1 156.154.71.1 "
    "223.5.5.5 223.6.6.6 119.29.29.29 180.76.76.76 114.114.114.114".split())
# The documentation ranges (RFC 5737): the addresses examples and tutorials are written with.
_DOCUMENTATION = tuple(ipaddress.ip_network(n) for n in ("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24"))


def special_range(value: str) -> bool:
    """A private, loopback, link-local, CGNAT or documentation address, or a well-known public resolver:
    strong address evidence (a version's parts rarely land there)."""
    try:
        ip = ipaddress.IPv4Address(value)
    except ValueError:
        return False
    return (value in PUBLIC_RESOLVERS or any(ip in n for nets in _NETWORKS.values() for n in nets)
            or any(ip in n for n in _DOCUMENTATION))


def _value_facts(value: str) -> list[str]:
    """Coarse facts of the value. No "first part <= 20" alone: every generated set drew versions with
    majors 1-20, and public addresses (8.8.8.8, 2.21.20.115) have such a first part just as well; it
    counts only together with a version cue (``features``)."""
    ip = ipaddress.IPv4Address(value)
    facts = [name for name, nets in _NETWORKS.items() if any(ip in n for n in nets)]
    parts = [int(p) for p in value.split(".")]
    if value in PUBLIC_RESOLVERS:
        facts.append("resolver")
    if any(ip in n for n in _DOCUMENTATION):
        facts.append("documentation")
    if special_range(value):
        facts.append("special")
    # the other parts' shape: a version's are mostly small, with zeros; an address's are any byte
    if max(parts[1:]) <= 20:
        facts.append("rest_le20")
    if 0 in parts[1:]:
        facts.append("zero_part")
    if parts[3] == 0:
        facts.append("last_zero")
    if sum(p >= 100 for p in parts) >= 2:
        facts.append("two_ge100")
    return facts


# Word classes that carry across languages and phrasings (a feature per class and position, next to the
# words themselves: a new language's "Abschnitt" or a new template's "finding" still lands in a class the
# model has weights for). Exact words, then stems (a word starting with one).
_CLASSES: dict[str, tuple[frozenset[str], tuple[str, ...]]] = {
    # a document's structure: its numbering labels and cross-references
    "doc": (frozenset(
        "section sections sec sect clause clauses annex annexes appendix chapter chapters ch requirement requirements "
        "req finding findings control controls benchmark recommendation recommendations item items article articles "
        "art paragraph paragraphs para step steps rule rules table figure fig see cf ensure "
        "abschnitt abschnitte kapitel anhang ziffer punkt siehe anlage "
        "apartado apartados sección seccion capítulo capitulo anexo artículo articulo párrafo parrafo véase vease "
        "paragraphe chapitre annexe voir "
        "sezione capitolo allegato articolo paragrafo vedi "
        "hoofdstuk bijlage artikel zie rozdział rozdzial załącznik zalacznik punkt seção secção "
        "audit compliance standard policy policies pass fail passed failed".split()), ("requir", "recommend")),
    # object identifiers and certificates (X.509 extensions, SNMP MIBs)
    "oid": (frozenset(
        "oid oids extension extensions usage certificate certificates cert certs asn mib mibs snmp snmpwalk snmpget "
        "iso arc identifier constraints enterprise enterprises x".split()), ("certific", "zertifik", "extens")),
    # verbs that move software between versions
    "upgrade": (frozenset(
        "bump bumps bumped bumping pin pinned install installed installs installing migrate migrated "
        "mise jour".split()),
        ("upgrad", "updat", "downgrad", "actualiz", "actualic", "aktualis", "aggiorn", "atualiz", "bijgewerkt",
         "zaktualiz", "instal", "migrat", "rollback")),
    # nouns of versions and releases
    "vnoun": (frozenset(
        "v ver version versions release releases rel build builds changelog patch hotfix firmware fw sdk agent "
        "notes revision rev tag beta alpha lts".split()),
        ("version", "versión", "versao", "versão", "wersj", "versie", "änderungsprot", "changelog", "release")),
    # network nouns, devices and verbs of traffic and access
    "net": (frozenset(
        "ip ips ipv ipv4 address addresses addr host hosts hostname server servers gateway gw router pc nas waf "
        "firewall allowlist whitelist blocklist blacklist ban banned block blocked allow deny dhcp lease vpn subnet "
        "dns proxy ping ssh rdp nat lan wan wifi eth interface peer client src dst source destination remote "
        "adresse dirección direccion endereço endereco indirizzo adres serveur servidor rechner computer laptop "
        "printer drucker imprimante node nodes device devices machine workstation ordinateur equipo "
        "connect connected connecting connection login logged sshd tcp udp port ports".split()),
        ("dhcp", "allowlist", "whitelist", "firewal", "connect", "netz", "réseau", "reseau", "red", "rete")),
}


def _word_class(word: str) -> str | None:
    for name, (words, stems) in _CLASSES.items():
        if word in words or any(word.startswith(stem) for stem in stems):
            return name
    return None


# A dotted quad heading its line: only markup or a bullet before it on the line.
_LINE_HEAD = re.compile(r"[ \t#*>\-]*\Z")
# Another dotted number joined to this one: "from X to Y", "X, server Y", "X and Y", "X -> Y".
_PAIR_BEFORE = re.compile(r"\d+(?:\.\d+){2,}\)?\s*(?:->|→|=>|to|and|or|und|et|y|e|en|auf|a|vers|naar|,|/)"
                          r"(?:\s+[^\W\d_]+){0,2}[\s:=\"'v(]*\Z", re.IGNORECASE)
_PAIR_AFTER = re.compile(r"\)?\s*(?:->|→|=>|to|and|or|und|et|y|e|en|auf|a|vers|naar|,|/)(?:\s+[^\W\d_]+){0,2}"
                         r"[\s:=\"'v(]*\d+(?:\.\d+){2,}", re.IGNORECASE)
_DATE_AFTER = re.compile(r"[ \t]*[(\[][ \t]*(?:\d{4}-\d\d-\d\d|\d{1,2}[./]\s*(?:\d{1,2}|[^\W\d_]+)\.?\s*\d{2,4}|"
                         r"[^\W\d_]+\.?\s+\d{1,2},?\s+\d{4}|\d{4})")


def _structure(text: str, start: int, end: int, line_start: int, line_end: int) -> list[str]:
    """Where the dotted quad stands in its text: a heading, a chain of numbers, a pair, in brackets."""
    out = []
    head = text[line_start:start]
    rest = text[end:line_end]
    if _LINE_HEAD.match(head):
        out.append("line_head")
        if re.match(r"[ \t]+[A-Z]", rest):
            out.append("line_head_title")
        if _DATE_AFTER.match(rest):
            out.append("line_head_date")
        if re.match(r"[ \t]*[:\-–][ \t]", rest):
            out.append("line_head_colon")
    if _DATE_AFTER.match(rest):
        out.append("date_after")
    if re.search(r"\(\Z", head) and rest.startswith(")"):
        out.append("parens")
        if re.search(r"[^\W\d_]{2,}[ \t]+\(\Z", head):
            out.append("parens_after_word")
    if re.search(r"\[\Z", head) and rest.startswith("]"):
        out.append("brackets")
    if _PAIR_BEFORE.search(text, max(0, start - 60), start):
        out.append("pair_second")
    if _PAIR_AFTER.match(text, end, min(len(text), end + 60)):
        out.append("pair_first")
    if re.match(r"\s*=\s", rest):
        out.append("equals_after")
    if re.search(r"[^\W\d_]\.\Z", head):  # "iso.", "v." glued to it
        out.append("after_word_dot")
    line_numbers = _DOTTED_ANY.findall(text[line_start:line_end])
    n_quads = len(line_numbers)
    # a version's other shapes beside it: three parts, five or more, a part over 255 ("1.27.2", "6.1.0.0.4")
    if any(not _quad_shaped(n) for n in line_numbers):
        out.append("line_other_shape")
    elif any(not _quad_shaped(m.group(0)) for m in _DOTTED_ANY.finditer(text)):
        out.append("text_other_shape")
    out.append("line_numbers_1" if n_quads <= 1 else "line_numbers_2" if n_quads == 2 else "line_numbers_3+")
    return out


def _quad_shaped(number: str) -> bool:
    parts = number.split(".")
    return len(parts) == 4 and all(int(p) <= 255 for p in parts)


_DOTTED_ANY = re.compile(r"(?<![\w.])\d+(?:\.\d+){2,}(?![\w]|\.\d)")


_QUAD = r"(?:\d{1,3}\.){3}\d{1,3}"
_LIST_SEP = r"(?:[\s\"'\]\)]*(?:,|/|;|\||->|→)[\s\"'\[\(]*|\s+(?:and|or|en|et|ou|y|o|e|und|oder|of|i|lub|oraz)\s+)"
# A list item's neighbour: another dotted quad (with its port or prefix) just before or after, one separator between.
_ITEM_BEFORE = re.compile(r"(?<![\w.])(?P<q>" + _QUAD + r")(?P<sfx>(?::\d{1,5}|/\d{1,2})?)" + _LIST_SEP + r"\Z")
_ITEM_AFTER = re.compile(_LIST_SEP + r"(?P<q>" + _QUAD + r")(?P<sfx>(?::\d{1,5}|/\d{1,2})?)(?![\w]|\.\d)")


_BRACKET_GROUP = re.compile(r"\s*" + _QUAD + r"(?:\s*(?:,|/|;|\||and|or|&)\s*" + _QUAD + r")*\s*")


def _neighbours(text: str, start: int, end: int, line_start: int, line_end: int) -> list[str]:
    """Items of a list ("from 2.129.194.245, 5.152.83.38", ``["8.210.127.180", "15.2.8.78"]``) and of a
    column (ipconfig's DNS servers, a table's address column) whose other items are addresses by value
    (a special range, a :port or /prefix) are addresses too; a version's neighbours are versions."""
    out = []
    items = []
    m = _ITEM_BEFORE.search(text, max(0, start - 48), start)
    if m is not None:
        items.append((m.group("q"), m.group("sfx")))
    m = _ITEM_AFTER.match(text, end, min(len(text), end + 48))
    if m is not None:
        items.append((m.group("q"), m.group("sfx")))
    if items:
        out.append("list_item")
        if any(sfx or special_range(q) for q, sfx in items):
            out.append("list_net_neighbour")
    # alone in its own brackets, or with other dotted quads only: "the HA pair (10.20.0.7 / 10.73.147.5)",
    # "Serwer fw-03 (10.0.5.27)"; a version in brackets stands with words ("(oprogramowanie 1.6.10.89)")
    opening = text.rfind("(", line_start, start)
    closing = text.find(")", end, line_end)
    if opening >= 0 and closing >= 0 and _BRACKET_GROUP.fullmatch(text, opening + 1, closing):
        out.append("bracket_group")
        if special_range(text[start:end]) or any(special_range(q) for q in re.findall(_QUAD, text[opening:closing])):
            out.append("bracket_group_special")
    # the same column in the line above or below: a dotted quad starting where this one starts
    col = start - line_start
    above_end = line_start - 1
    above_start = text.rfind("\n", 0, max(0, above_end)) + 1
    below_start = line_end + 1
    below_end = text.find("\n", below_start)
    below_end = len(text) if below_end < 0 else below_end
    for a, b in ((above_start, above_end), (below_start, below_end)):
        if a >= b or a < 0 or b > len(text):
            continue
        q = re.compile(_QUAD + r"(?![\w]|\.\d)").match(text, a + col, b)
        if q is not None and (a + col == a or not text[a + col - 1].isalnum() and text[a + col - 1] != "."):
            out.append("column_quad")
            if special_range(q.group(0)):
                out.append("column_net_neighbour")
    return sorted(set(out))


def _cue_name(cue: str) -> str:
    return re.sub(r"\s+", "_", cue.split(":", 1)[0].split("+", 1)[0] + ":" + cue.split(":", 1)[-1])


def features(text: str, start: int, end: int) -> dict[str, float]:
    """The features of the dotted quad ``text[start:end]`` (see the module docstring)."""
    f: dict[str, float] = {}
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    line_before, line_after = text[max(line_start, start - 200):start], text[end:min(line_end, end + 200)]

    before = _words(line_before)
    cut = _last_boundary(line_before)
    far_before = _words(line_before[cut:])[:-_NEAR][-(_FAR_BEFORE - _NEAR):]
    for i, w in enumerate(reversed(before[-_NEAR:])):
        f[("b1:" if i == 0 else "b2:") + w] = 1.0
    for w in far_before:
        f["bf:" + w] = 1.0
    for w in before[-_NEAR:] + far_before:
        f["b:" + w] = 1.0
        if len(w) >= 5 and w[0] != "<":
            f["b~" + w[:4]] = 1.0

    stop = _BOUNDARY.search(line_after)  # "… 1.2.3.4. Version 2 …": the next sentence labels nothing here
    after = _words(line_after[:stop.start()] if stop else line_after)
    far_after = after[_NEAR:_FAR_AFTER]
    for i, w in enumerate(after[:_NEAR]):
        f[("a1:" if i == 0 else "a2:") + w] = 1.0
    for w in far_after:
        f["af:" + w] = 1.0
    for w in after[:_NEAR] + far_after:
        f["a:" + w] = 1.0
        if len(w) >= 5 and w[0] != "<":
            f["a~" + w[:4]] = 1.0

    # the sentence or line before this one ("Which app version are you on?\nUser: 1.2.3.4")
    seg_start = max(line_start, start - 200) + cut
    prev = text[max(0, seg_start - 120):seg_start]
    if not prev.endswith("\n\n"):
        prev = prev.rstrip()
        prev = prev[prev.rfind("\n") + 1:]
        for w in _words(prev)[-_PREVIOUS:]:
            f["ps:" + w] = 1.0

    key = ip_evidence.KEY_BEFORE.search(text[line_start:start])
    if key is not None:
        words = [w.lower() for w in _KEY_WORDS.findall(key.group("key"))]
        for w in words:
            f["key:" + w] = 1.0
        if words:
            f["kh:" + words[-1]] = 1.0
    for prefix, cell in (("col:", _ctx.column_header(text, start, aligned=True)),
                         ("cell:", _ctx.previous_cell(text, start))):
        for w in _words(cell or "")[-4:]:
            f[prefix + w] = 1.0
            cls = _word_class(w)
            if cls is not None:
                f[f"wc:{prefix[:-1]}:{cls}"] = 1.0

    # word classes by position (right before; near; far; the sentence before; and for the second of a pair,
    # the words before the first: "upgrading the agent from 1.2.3.4 to 1.2.3.5")
    for prefix, words in (("b1", before[-1:]), ("bn", before[-_NEAR:]), ("bf", far_before), ("a1", after[:1]),
                          ("an", after[:_NEAR]), ("af", far_after), ("ps", [k[3:] for k in f if k.startswith("ps:")])):
        for w in words:
            cls = _word_class(w)
            if cls is not None:
                f[f"wc:{prefix}:{cls}"] = 1.0
    structure = _structure(text, start, end, line_start, line_end)
    for name in structure:
        f["s:" + name] = 1.0
    if "pair_second" in structure:
        first = _PAIR_BEFORE.search(text, max(0, start - 60), start)
        assert first is not None
        for w in _words(text[max(line_start, first.start() - 80):first.start()])[-6:]:
            cls = _word_class(w)
            if cls is not None:
                f["wc:pair:" + cls] = 1.0

    f["cb:" + _shape_before(text, start)] = 1.0
    f["ca:" + _shape_after(text, end)] = 1.0
    for fact in _value_facts(text[start:end]):
        f["v:" + fact] = 1.0
    for name in _neighbours(text, start, end, line_start, line_end):
        f["s:" + name] = 1.0

    ev = ip_evidence.evidence(text, start, end)
    if ev.version and int(text[start:text.index(".", start)]) <= 20:
        f["v:major_le20_with_version_cue"] = 1.0
    f["ev:net"] = min(ev.network, 9) / 3
    f["ev:ver"] = min(ev.version, 9) / 3
    if ev.version >= ip_evidence.DECISIVE:
        f["ev:decisive"] = 1.0
    for cue in ev.cues:
        f["cue:" + _cue_name(cue)] = 1.0
    return f


@dataclass(frozen=True)
class IpModel:
    """Shipped weights: ``score = bias + Σ weight·feature``; an address when ``score >= threshold``."""

    weights: dict[str, float]
    bias: float
    threshold: float

    def score(self, text: str, start: int, end: int) -> float:
        w = self.weights
        return self.bias + sum(w.get(name, 0.0) * value for name, value in features(text, start, end).items())

    def probability(self, text: str, start: int, end: int) -> float:
        return 1.0 / (1.0 + math.exp(-self.score(text, start, end)))


def _number(raw: Any, name: str, path: Path) -> float:
    if isinstance(raw, bool) or not isinstance(raw, (int, float)) or not math.isfinite(raw):
        raise GuardError(f"'{name}' is not a finite number", where=path,
                         hint="rebuild it with `python -m guard.pii.ip_train`")
    return float(raw)


def load_model(path: Path = MODEL_FILE) -> IpModel:
    """Read the weights file; a missing, corrupt or stale file is one clear GuardError."""
    hint = "rebuild it with `python -m guard.pii.ip_train`"
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GuardError("IP model weights not found", where=path, hint=hint) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise GuardError(f"IP model weights are not valid JSON: {exc}", where=path, hint=hint) from None
    if not isinstance(raw, dict) or not isinstance(raw.get("weights"), dict):
        raise GuardError("IP model file lacks a 'weights' object", where=path, hint=hint)
    if raw.get("features_version") != FEATURES_VERSION:
        raise GuardError(f"IP model weights are for features version {raw.get('features_version')!r}, the code "
                         f"computes version {FEATURES_VERSION}", where=path, hint=hint)
    weights = {str(k): _number(v, f"weights.{k}", path) for k, v in raw["weights"].items()}
    return IpModel(weights, _number(raw.get("bias"), "bias", path), _number(raw.get("threshold"), "threshold", path))


def weights_sha256(path: Path | None = None) -> str:
    """The SHA-256 of the weights file: the scanner's configuration names it, so a quality record
    measured with other weights is not claimed for these."""
    return hashlib.sha256((path or MODEL_FILE).read_bytes()).hexdigest()


@functools.cache
def shipped_model() -> IpModel:
    """The shipped model, read once per process."""
    return load_model()


def is_address(text: str, start: int, end: int, model: IpModel | None = None) -> bool:
    """True when ``text[start:end]`` is to be reported as an IP address: an IPv6 address; an IPv4
    address with a ``:port``, ``/cidr`` or ``scheme://`` around it, or after a log's field code
    (``HIER_DIRECT/``: not used in training, where no set writes one); or one the model scores at or
    above its threshold. False for anything ``ipaddress`` rejects."""
    value = text[start:end]
    try:
        ip = ipaddress.ip_address(value)
    except ValueError:
        return False
    if ip.version == 6:
        return True
    if ip_evidence.port_cidr_or_scheme(text, start, end) or ip_evidence.log_code_before(text, start):
        return True
    m = model if model is not None else shipped_model()
    return m.score(text, start, end) >= m.threshold
