"""Network and version evidence for a dotted quad: hand-written points, features of the IP model.

``1.2.3.4`` is ambiguous: an address, a four-part version, a section number or an OID. Each match
is given *network* and *version* evidence points from word classes around it (the idea of
Presidio's ``LemmaContextAwareEnhancer``: a context word near a match changes its score). The
scanner does not decide with these points alone any more: rules weighed by hand fitted the
phrasings seen so far and no more, so ``guard.pii.ip_model`` takes the points, the decisive flag
and each cue below as features of a learned model, next to the words around the match, and
decides. ``version_like`` (version points outweigh network points) is the hand-weighed reading,
kept for error analysis and as the baseline the model is compared with (``guard.pii.ip_train``);
``port_cidr_or_scheme`` is a hard fact the model does not overrule.

Evidence (points; local means within ``guard.pii.context``'s windows, which stop at the previous
number, a sentence end or a field separator):

- decisive (100 points: a version in the hand-weighed reading whatever else; one feature of the
  model, which may still read an address): a document's numbering or an OID right before ("section",
  "§", "clause", "OID", also as a ``"oid": "…"`` key); a word that orders or requires versions
  before it ("at least", "requires", "supersedes", "rolled back to", "tested with <product>")
  or after it ("or later", "+", "and above").
- 3, right next to it: a network label before ("IP", "host", "server at", "gateway", "src=") or
  after ("(gateway)"); a key whose head word is a network word (``remote_addr``, ``DB_HOST``,
  ``"ip":``) or a version word (``client_ver``, ``"sdk":``, ``agent=``, ``APP_BUILD``); a column
  header; a ``:port`` or ``/cidr`` suffix or ``scheme://``; ``user@`` where the user is a login
  (after ssh/scp/rsync..., a usual login name, or a ``:path`` after) versus ``package@`` (after
  npm/yarn/pip/install, a scoped ``@org/name``); a version word or product token before ("version",
  "build", "firmware", "agent", "OS", "Chrome/", "==") or a versioned noun after ("… migration",
  "… release"); the other end of a pair ("from X to Y", "X, Y") that is one or the other.
- 2: a network word elsewhere in the window; a version tail ("-rc1", "-0ubuntu1"); a verb that
  deploys or runs a version right before it ("deployed", "running", "freeze at").
- 1: a preposition of traffic right before it ("from", "to", "via", "at"); a private, loopback or
  link-local range when a network word is in the text; another dotted number in the text that is
  a version (or a date-free dotted number of another shape) when no network word is in the text.

A network word inside a version's or product's name is no evidence ("router firmware 1.2.3.4",
"client build 1.2.3.4", "tested with SQL Server 1.2.3.4"), and a label right next to the value
shadows network words further away ("server: nginx/1.2.3.4").
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass, field

from guard.pii import context as _ctx

DECISIVE = 100
NETWORK_WORDS = _ctx.NETWORK_WORDS
# Network words of log lines, configs and shells, beyond ``context.NETWORK_WORDS``.
_MORE_NETWORK = re.compile(
    r"(?<![A-Za-z])(?:nameservers?|resolver|forwarded|endpoint|upstream|bind|scp|rsync|sftp|telnet|traceroute|"
    r"route|socket|port|ports|icmp|smtp|ftp|ntp|snmp|arp|whois|blocked|banned|allow|deny|reject|drop|"
    # access lists, address leases and the machines an address is given to
    r"(?:allow|white|block|black|deny)list(?:ed|s)?|dhcp\w*|waf|pc|pcs|nas|laptop|workstation|"
    # commands that take an address
    r"curl|wget|nc|ncat|netcat|nmap|dig|nslookup|mtr|tracert|iperf3?|"
    # the same nouns in the languages the phone labels cover (fr, es, pt, it, de, nl, pl)
    r"passerelle|serveur|serveurs|routeur|réseau|pare-feu|servidor|servidores|pasarela|enrutador|roteador|"
    r"cortafuegos|rete|netzwerk|netwerk|sieć|serwer|serwera|brama)(?![A-Za-z])",
    re.IGNORECASE)


# A network word that modifies a version noun is no network evidence: "router firmware", "client build".
_MODIFIES_VERSION = re.compile(r"[\s_-]*(?:firmware|fw|build|builds|version|versions|release|agent|software|os|"
                               r"kernel|driver|image|sdk|app|update|upgrade|patch|package|plugin)(?![A-Za-z])",
                               re.IGNORECASE)


# ... nor is a capitalised one inside a product's name: "SQL Server", "Windows Server", "Plex Media Server".
_PRODUCT_NAME_BEFORE = re.compile(r"(?:^|[^\w])(?P<word>[A-Z][\w.+-]*)\s+$")
# A sentence's first word is capitalised whatever it is: a determiner, pronoun or preposition there names
# no product ("Der Server unter 10.20.30.40", "The server at …", "Our gateway …").
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|\n\s*)$")
_FUNCTION_WORDS = frozenset(
    "the a an our my your their his her its this that these those each every any no some new old main "
    "der die das dem den des ein eine einen unser unsere mein meine dein ihr jeder neuer alte alter "
    "le la les l un une mon ma mes notre nos votre ce cet cette "
    "el los las uno una mi mis nuestro nuestra su sus este esta ese esa "
    "il lo gli i uno il mio mia nostro nostra questo questa "
    "o os as um uma meu minha nosso nossa "
    "de het een mijn ons onze dit deze die "
    "nasz nasza mój moja ten ta".split())


def _product_name_before(text: str, start: int) -> bool:
    """A capitalised word right before ``start`` that reads as part of a product's name: not a function
    word opening the sentence."""
    m = _PRODUCT_NAME_BEFORE.search(text, max(0, start - 40), start)
    if m is None:
        return False
    word = m.group("word")
    opening = _SENTENCE_START.search(text, max(0, m.start("word") - 4), m.start("word")) is not None
    return not (opening and word.lower() in _FUNCTION_WORDS)


def _network_words(text: str) -> list[re.Match[str]]:
    """The network words of ``text`` that are not part of a version's or a product's name."""
    return [m for words in (NETWORK_WORDS, _MORE_NETWORK) for m in words.finditer(text)
            if not _MODIFIES_VERSION.match(text, m.end())
            and not (m.group(0)[:1].isupper() and _product_name_before(text, m.start()))]


def _network(text: str) -> bool:
    return bool(_network_words(text))


def _network_label(before: str) -> bool:
    """A network word right before the value, with at most filler between ("IP address: ", "host=")."""
    return any(_FILLER.fullmatch(before, m.end()) for m in _network_words(before))


_FILLER = re.compile(r"(?:[\s:=#\"'(\[<>,-]|->|\b(?:is|was|at|of|from|to|on|via|now|set|address|addr|ip)\b)*",
                     re.IGNORECASE)
_NETWORK_AFTER = re.compile(r"^\s*[(\[]?\s*(?:" + NETWORK_WORDS.pattern + "|" + _MORE_NETWORK.pattern + ")",
                            re.IGNORECASE)
# A preposition of traffic, in the languages the sets cover, right before the value or before the list it
# is the next item of ("connexions depuis 2.129.194.245, 5.152.83.38", "scans vanaf … en 2.100.22.235").
_TRAFFIC_BEFORE = re.compile(
    r"(?<![^\W\d_])(?:from|to|via|at|->|→|depuis|desde|vindas\s+de|vanaf|naar|aus|von|nach|dalla|dal|da|od|z|ze|"
    r"vers|hacia|para)\s*(?:(?:\d{1,3}\.){3}\d{1,3}\s*(?:,|and|or|en|e|et|y|und|i|oraz)\s*)?$", re.IGNORECASE)
_PORT_OR_CIDR = re.compile(r"^(?::\d{1,5}(?![\d.])|/(?:[0-9]|[12]\d|3[0-2])(?![\d.]))")
_SCHEME = re.compile(r"[a-z][a-z0-9+.-]*://$", re.IGNORECASE)
# A web server's access-log line: the client address, then the request ("1.2.3.4 - - [...] "GET / HTTP/1.1"").
_ACCESS_LOG = re.compile(r"\s+(?:\S+\s+\S+\s+)?(?:\[[^\]\n]*\]\s+)?\"(?:GET|POST|PUT|DELETE|HEAD|PATCH|OPTIONS|CONNECT)"
                         r"\s")

# key = value, "key": "value", key: value, KEY=value — the key's head word (its last word) decides.
KEY_BEFORE = re.compile(r"(?:^|[\s{,;&?(\[])[\"']?(?P<key>[A-Za-z_][\w.-]*)[\"']?\s*(?:=>|=|:)\s*[\"']?$")
_KEY = KEY_BEFORE
_NETWORK_KEYS = frozenset(
    "ip ips ipv4 ipaddr addr address host hostname server gateway gw dns nameserver resolver src dst source "
    "destination peer client remote listen bind proxy forwarded origin nat router subnet netmask mask endpoint "
    "upstream backend".split())
_VERSION_KEYS = frozenset(
    "v ver version versions build release rel sdk os agent firmware fw kernel rev revision tag api schema "
    "bios driver plugin module package pkg image".split())
_NUMBERING_KEYS = frozenset("oid section sec clause article chapter paragraph para figure table step rule".split())

# user@ADDRESS (ssh admin@10.0.0.1) versus package@VERSION (uuid@1.2.3.4).
_AT = re.compile(r"(?<![\w.@/-])(?P<scope>@[\w.-]+/)?(?P<name>[\w][\w.+-]*)@$")
_LOGIN_COMMANDS = re.compile(r"(?<![\w-])(?:ssh|scp|rsync|sftp|mosh|telnet|ftp|ssh-copy-id|pssh|ansible|"
                             r"login|log\s+in|connect(?:ed)?)(?![\w-])[^\n]*$", re.IGNORECASE)
_PACKAGE_COMMANDS = re.compile(r"(?<![\w-])(?:npm|npx|yarn|pnpm|bun|pip|gem|cargo|go\s+get|install|add|bump(?:ed)?|"
                               r"upgrade[ds]?|depend\w*|deprecated|require[ds]?|pinned)(?![\w-])[^\n]*$",
                               re.IGNORECASE)
_LOGINS = frozenset("root admin administrator ubuntu ec2-user centos debian fedora pi user deploy git ops "
                    "oracle postgres azureuser vagrant core admin1 sysadmin support guest test".split())

# Version labels of IP-shaped numbers only (a phone number may follow "Agent:"): "agent 1.2.3.4", "OS 10.2.3.4".
_MORE_VERSION_BEFORE = re.compile(r"(?<![A-Za-z])(?:agent|os|sensor|plugin|module|package|pkg|image|api|engine)"
                                  r"[\s:=#\"']*$", re.IGNORECASE)
# A versioned noun right after: "the 1.2.3.4 migration", "1.2.3.4 release notes".
_VERSION_NOUN_AFTER = re.compile(
    r"^\s*(?:release|releases|build|builds|branch|migration|migrations|update|upgrade|patch|hotfix|changelog|"
    r"notes|rollout|firmware|version|tag|sdk|beta|alpha|rc\d*|lts|nightly|snapshot|schema|milestone)(?![A-Za-z])",
    re.IGNORECASE)
# A version noun and the noun it is of, right before: "Versione client 1.2.3.4", "Wersja agenta 1.2.3.4"
# (a version noun only: a "build server" or "release host" is a machine).
_VERSION_OF_NOUN = re.compile(r"(?<![^\W\d_])(?:version|versi[oó]n|versione|vers[ãa]o|versie|wersj[aię])\s+"
                              r"[^\W\d_][\w-]*\s*[:=]?\s*$", re.IGNORECASE)
# A number heading its line (after markup at most) and followed by a title ("1.1.1.1  Ensure AIDE is
# installed", "4.2.1.3 Logging of access") or a date in brackets (a changelog's "2.4.0.0 (2024-03-01)").
_LINE_HEAD = re.compile(r"[ \t#*>-]*")
_HEADING_AFTER = re.compile(
    r"[ \t]+(?:[A-Z][a-z]+[ \t]+[a-z]{2,}|[(\[][ \t]*(?:\d{4}-\d\d-\d\d|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|"
    r"\d{1,2}\.?\s+[^\W\d_]+\.?\s+\d{4}|[^\W\d_]+\.?\s+\d{1,2},?\s+\d{4})[ \t]*[)\]])")
# A verb that deploys, runs or freezes a version, right before it ("deployed 1.2.3.4 to prod").
_DEPLOY_BEFORE = re.compile(
    r"(?<![A-Za-z])(?:deploy(?:ed|ing|s)?|running|runs|ran|ship(?:ped|ping|s)?|promot(?:ed|e|ing)|tagg(?:ed|ing)|"
    r"releas(?:ed|ing)|cut|freez(?:e|es|ing)(?:\s+at)?|frozen(?:\s+at)?|stuck\s+(?:on|at)|still\s+on|staying\s+on|"
    r"roll(?:ed|ing)?\s+out)\s*$", re.IGNORECASE)
# A dotted number elsewhere in the text (siblings): versions have other shapes too ("15.29.122", "v2.1").
_DOTTED = re.compile(r"(?<![\w.])v?\d+(?:\.\d+){2,}(?![\w]|\.\d)")
_DATE = re.compile(r"(?:\d{1,2}\.\d{1,2}\.(?:\d{2}|\d{4})|\d{4}\.\d{1,2}\.\d{1,2})")


@dataclass
class Evidence:
    """Points for each reading, with the cues that gave them (for tests and error analysis)."""

    network: int = 0
    version: int = 0
    cues: list[str] = field(default_factory=list)

    def add(self, side: str, points: int, cue: str) -> None:
        setattr(self, side, getattr(self, side) + points)
        self.cues.append(f"{side}+{points}:{cue}")

    @property
    def is_version(self) -> bool:
        return self.version > self.network


def _key_class(line_before: str) -> str | None:
    m = _KEY.search(line_before)
    if m is None:
        return None
    words = [w.lower() for w in re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])", m.group("key"))]
    for word in words[-1:]:
        for name, keys in (("numbering", _NUMBERING_KEYS), ("network", _NETWORK_KEYS), ("version", _VERSION_KEYS)):
            if word in keys:
                return name
    for word in words:  # no class for the head word: any word of the key ("X-Forwarded-For")
        for name, keys in (("network", _NETWORK_KEYS | {"forwarded"}), ("version", _VERSION_KEYS)):
            if word in keys:
                return name
    return None


def _at_sign(line_before: str, tail: str) -> str | None:
    """'network' for user@ADDRESS, 'version' for package@VERSION, None without an @."""
    m = _AT.search(line_before)
    if m is None:
        return None
    head = line_before[:m.start()]
    if m.group("scope") or _PACKAGE_COMMANDS.search(head):
        return "version"
    if (_LOGIN_COMMANDS.search(head) or m.group("name").lower() in _LOGINS
            or re.match(r":(?:[/~.]|\d{1,5}(?!\d))", tail)):
        return "network"
    return "version"  # name@1.2.3.4 with no login cue: a package pin is the usual reading


# ``dig @8.8.8.8`` (the server to ask) and a SIP URI's host (``<sip:160@66.21.65.132>``, ``sips:+1818…@``):
# what follows the @ is a machine.
_DIG_OR_SIP_AT = re.compile(r"(?<![\w-])dig\b[^\n|;&`]*?(?<![\w.])@$|(?<![\w-])sips?:[\w.+%!~*'()=-]*@$",
                            re.IGNORECASE)
# A dotted quad inside a list under a key that names addresses: ``nat_gateway_ips = ["8.210.127.180", "…``,
# ``"allowedHosts": [ … ``, a YAML ``trusted_ips:`` with ``- …`` items.
_LIST_KEY = re.compile(r"[\"']?(?P<key>[A-Za-z_][\w.-]*)[\"']?\s*(?:=>|=|:)\s*\[(?P<items>[^\[\]]*)\Z")
_LIST_ITEMS = re.compile(r"(?:\s*[\"']?[^\"'\n,\[\]]*[\"']?\s*,)*\s*[\"']?\Z")
_YAML_LIST_KEY = re.compile(r"(?P<key>[A-Za-z_][\w.-]*)[ \t]*:[ \t]*\n(?:[ \t]*-[ \t]*\S[^\n]*\n)*"
                            r"[ \t]*-[ \t]*[\"']?\Z")


def _address_list_key(text: str, start: int) -> bool:
    """The dotted quad is an item of a list whose key names addresses (ip, addr, host in its words)."""
    window = text[max(0, start - 600):start]
    m = _LIST_KEY.search(window) if "[" in window else None
    if m is None or not _LIST_ITEMS.fullmatch(m.group("items")):
        m = _YAML_LIST_KEY.search(window) if "-" in window else None
    if m is None:
        return False
    words = [w.lower() for w in re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])", m.group("key"))]
    return any(w.startswith(("ip", "addr", "host")) for w in words)


def _private(candidate: str) -> bool:
    try:
        ip = ipaddress.ip_address(candidate)
    except ValueError:
        return False
    return ip.is_private or ip.is_loopback or ip.is_link_local


def evidence(text: str, start: int, end: int, _depth: int = 0) -> Evidence:
    """The network and version evidence for the dotted quad ``text[start:end]``."""
    ev = Evidence()
    if ":" in text[start:end]:
        return ev  # IPv6: versions are not written in hex groups
    line_before = text[text.rfind("\n", 0, start) + 1:start]
    tail = text[end:end + 16]
    key = _key_class(line_before)
    if (key == "numbering" or _numbering_before(text, start) or _ordinal_before(text, start)
            or _ORDINAL_AFTER.match(tail)):
        ev.add("version", DECISIVE, "numbering or ordering word")
        return ev
    before, after = _ctx.before_window(text, start), _ctx.after_window(text, end)
    before = before[before.rfind("\n") + 1:]  # a table's header row is the column's, not a label
    # right next to it (a label right next to a value shadows words further away: "server: nginx/1.2.3.4")
    at = None if _DIG_OR_SIP_AT.search(line_before[-80:]) else _at_sign(line_before, tail)
    if at is None and _DIG_OR_SIP_AT.search(line_before[-80:]):
        ev.add("network", 3, "dig @server or sip:user@")
    elif _address_list_key(text, start):
        ev.add("network", 3, "an item of a list under an address key")
    elif at is not None:
        ev.add(at, 3, "user@" if at == "network" else "package@")
    elif key in ("network", "version"):
        ev.add(key, 3, "key")
    elif (_ctx.after_version_word(text, start) or _MORE_VERSION_BEFORE.search(line_before[-24:])
          or _version_phrase_before(text, start) or _VERSION_OF_NOUN.search(line_before[-40:])):
        ev.add("version", 3, "version word or product token before")
    elif _network_label(before[-28:]):
        ev.add("network", 3, "network label before")
    if _VERSION_NOUN_AFTER.match(after) and not _network(after):
        ev.add("version", 3, "versioned noun after")
    if (_LINE_HEAD.fullmatch(line_before) and _HEADING_AFTER.match(text, end)
            and not _network(text[end:end + 40])):  # "10.0.0.5 Gateway office" labels a machine
        ev.add("version", 3, "a heading's number: a title or a date after it")
    if _NETWORK_AFTER.match(after):
        ev.add("network", 3, "network label after")
    if _PORT_OR_CIDR.match(tail) or _SCHEME.search(line_before[-12:]) or _ACCESS_LOG.match(text, end, end + 80):
        ev.add("network", 3, ":port, /cidr, scheme:// or an access log's request")
    if not ev.version and not ev.network and (_network(before) or _network(after)):
        ev.add("network", 2, "network word near")
    for cell in (_ctx.previous_cell(text, start), _ctx.column_header(text, start, aligned=True)):
        if cell is not None and (_network(cell) or _ctx._VERSION_HEADER.search(cell)):
            ev.add("network" if _network(cell) else "version", 3, "column header or label cell")
            break
    if _ctx._VERSION_AFTER.match(tail):
        ev.add("version", 2, "version tail")
    if _DEPLOY_BEFORE.search(before):
        ev.add("version", 2, "deploy/run verb before")
    elif (_TRAFFIC_BEFORE.search(before) or _TRAFFIC_BEFORE.search(line_before[-80:])) and not ev.version:
        ev.add("network", 1, "from/to/via/at before")
    if _private(text[start:end]) and _network(text):
        ev.add("network", 1, "private range, a network word in the text")
    if _depth == 0:
        _siblings(text, start, end, ev)
    return ev


def _siblings(text: str, start: int, end: int, ev: Evidence) -> None:
    """The other end of a pair (3 points), or other versions in a text with no network word (1 point).

    Another address elsewhere in the text is no evidence: texts that mix both are the hard case."""
    pair = _PAIRED.search(text[max(0, start - 48):start])
    if pair is not None:
        first = start - (len(text[max(0, start - 48):start]) - pair.start(1))
        other = evidence(text, first, first + len(pair.group(1)), 1)
        if other.version != other.network:
            ev.add("version" if other.is_version else "network", 3, "the other end of a pair")
            return
    versions = 0
    for m in _DOTTED.finditer(text):
        if m.start() == start:
            continue
        value = m.group(0)
        if _DATE.fullmatch(value):
            continue
        parts = value.lstrip("v").split(".")
        if value.startswith("v") or len(parts) != 4 or any(int(p) > 255 for p in parts):
            versions += 1
            continue
        versions += evidence(text, m.start(), m.end(), 1).is_version
    if versions and not _network(text):
        ev.add("version", 1, "another version in the text, no network word")


def port_cidr_or_scheme(text: str, start: int, end: int) -> bool:
    """A ``:port`` or ``/cidr`` suffix, or a ``scheme://`` prefix: ``text[start:end]`` is an address."""
    line_before = text[text.rfind("\n", 0, start) + 1:start]
    return bool(_PORT_OR_CIDR.match(text[end:end + 16]) or _SCHEME.search(line_before[-12:]))


# A log's field code and a slash before the value: squid's "HIER_DIRECT/208.132.160.235", "FIRSTUP_PARENT/10.0.0.3".
# A product token ("Mozilla/5.0", "curl/7.68.0", "Chrome/120.0.6099.109") is never written in capitals joined by
# underscores.
_LOG_CODE_BEFORE = re.compile(r"(?<![\w/.-])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+/\Z")


def log_code_before(text: str, start: int) -> bool:
    """``text[start:]`` follows a log's field code and a slash (``HIER_DIRECT/``): an address, not a version."""
    return bool(_LOG_CODE_BEFORE.search(text[max(0, start - 40):start]))


def version_like(text: str, start: int, end: int) -> bool:
    """The hand-weighed reading: True when the version evidence of the dotted number at
    ``text[start:end]`` outweighs its network evidence. Not the scanner's decision (that is
    ``guard.pii.ip_model.is_address``); kept as the baseline the model is measured against."""
    return evidence(text, start, end).is_version


# ---------------------------------------------------------------- decisive cues

# A document's numbering ("section 4.2.1.3", "§ 2.1.1.4", "Table 3.1.2.1") or an object identifier.
_NUMBERING_BEFORE = re.compile(
    r"(?<![^\W\d_])(?:sections?|sect|sec|§+|clauses?|articles?|art|chapters?|ch|paragraphs?|para|appendix|annex|"
    r"tables?|figures?|fig|steps?|rules?|items?|oid|object\s+identifier|arc|mib|"
    # a standard's or an audit's numbering, and a cross-reference to one
    r"requirements?|req|findings?|controls?|recommendations?|see\s+also|cf|"
    # the same in the languages the phone labels cover (de, fr, es, pt, it, nl, pl)
    r"abschnitt|abschnitte|kapitel|anhang|anlage|ziffer|siehe\s+auch|chapitre|paragraphe|annexe|voir\s+aussi|"
    r"apartado|secci[oó]n|cap[ií]tulo|anexo|art[ií]culo|p[aá]rrafo|se[cç][aã]o|sezione|capitolo|allegato|"
    r"articolo|paragrafo|v[eé]ase\s+tambi[eé]n|vedi\s+anche|zie\s+ook|hoofdstuk|bijlage|artikel|rozdzia[lł]|"
    r"za[lł][aą]cznik|punkt)\.?\s*[:#]?\s*$"
    # an X.509 or SNMP object identifier in brackets after its name: "key usage extension (2.5.29.37)"
    r"|(?<![^\W\d_])(?:extensions?|oid|identifier|arc|mib|attribute|policy)\s*\(\s*$",
    re.IGNORECASE,
)
# Words that order or require software versions: an address is never "at least", "or later" or
# "superseded". Before the number (at most three words between: "tested with SQL Server 1.2.3.4",
# "requires engine 1.2.3.4") they make it a version unless the word right before it is a lower-case
# network word ("requires host 10.0.0.1"); after it, at once.
_ORDINAL_BEFORE = re.compile(
    r"(?<![A-Za-z])(?:at\s+least|minimum|min|requires?|required|needs?|supersed(?:es?|ed|ing)|replac(?:es?|ed|ing)|"
    r"hot-?fix(?:es)?|service\s+pack|compatible\s+with|tested\s+(?:with|against|on)|(?:re)?built\s+(?:for|with|against)|"
    r"compiled\s+(?:with|against)|rolled\s+back\s+to|roll\s+back\s+to|rollback\s+to|revert(?:ed)?\s+to|"
    r"pinned\s+(?:to|at)|(?:bump|upgrad|downgrad)\w*\s+(?:[\w.@/\[\]-]+\s+){0,3}from|schema(?:\s+version)?(?:\s+is)?)"
    r"\.?[\s:=\"']*(?P<words>(?:[A-Za-z][\w.+-]*\s+){0,3})$",
    re.IGNORECASE,
)
_ORDINAL_AFTER = re.compile(
    r"^\s*(?:\+(?!\d)|or\s+(?:later|newer|higher|above|greater|earlier|older|lower|below)|and\s+(?:later|newer|"
    r"above|up|higher|below|earlier)|onwards|lts\b)", re.IGNORECASE)
# The other end of a pair: "from 1.2.3.4 to 1.2.3.5", "1.2.3.4 supersedes 1.2.3.3", "1.2.3.4, 1.2.3.5".
_PAIRED = re.compile(r"(\d+(?:\.\d+){2,})\s*(?:->|→|=>|to|over|supersedes|replaces|and|or|/|,\s|vs\.?)\s*[\"'v]?$",
                     re.IGNORECASE)  # "a,b" without a space: cells of a CSV row, not a pair
# Of those, the ones that only order (an address has no minimum): they hold even with a network word
# right before the number ("minimum server 1.2.3.4").
_STRICT_ORDINAL = re.compile(r"(?i)^(?:at\s+least|minimum|min)\b")


# "the firmware version is 1.2.3.4", "la version du firmware est …", "die Version der App ist …": a
# version word heading the phrase (followed by nothing or by of/du/der… and one noun), then a copula.
_OF = r"(?:of|du|de|des|del|della|dello|di|der|des|van|do|da|dla|von)"
_THE = r"(?:the|le|la|l'|les|el|il|lo|o|a|het|de|den|die|das|dem)"
_VERSION_IS = re.compile(
    r"(?<![A-Za-z])(?:" + _ctx._VERSION_WORDS + r")(?:\s+" + _OF + r"(?:\s+" + _THE + r")?\s*[\w-]+(?:\s+[\w-]+)?)?"
    r"\s+(?:is|was|is\s+now|est|était|ist|war|es|era|è|é|jest|wynosi|staat\s+op|is\s+nu)\s*[\"']?$",
    re.IGNORECASE)
# "bumped the proxy to 1.2.3.4", "upgraded nginx on web1 to …", "pinned the SDK to …", "mis à jour vers
# …": a verb that moves software between versions, its object (at most four words, no address noun:
# "pinned the resolver IP to 10.0.0.1" is an address), then "to" (or its translation) right before.
_UPGRADE_TO = re.compile(
    r"(?<![A-Za-z])(?:bump(?:ed|s|ing)?|upgrad(?:e|ed|es|ing)|downgrad(?:e|ed|es|ing)|pin(?:s|ned|ning)?|"
    r"roll(?:ed|s|ing)?\s+forward)\s+(?P<obj>(?:[\w.@/'-]+\s+){0,4}?)to\s*[\"'v]?$"
    r"|(?<![A-Za-z])(?:mis\s+à\s+jour|mise\s+à\s+jour|actualizad[oa]|actualizar|actualic[eé]\w*|atualizad[oa]|"
    r"atualizar|atualiz[ea]\w*|aggiornat[oaie]|aggiornare|aggiorn[ai]\w*|bijgewerkt|geüpgraded|geupgraded|"
    r"zaktualizowan[oay]|aktualisiert|aktualisieren|upgedatet|geupdatet)\s+"
    r"(?P<obj2>(?:[\w.@/'-]+\s+){0,3}?)(?:vers|en|a|al|alla|para|para\s+a|naar|do|auf)\s*[\"'v]?$",
    re.IGNORECASE)
_ADDRESS_NOUNS = re.compile(r"(?<![A-Za-z])(?:ip|ips|ipv4|address|addresses|addr|host|hostname|dns|record|endpoint|"
                            r"nameserver|resolver|route|subnet|cidr|allowlist|whitelist|adresse|dirección|"
                            r"endereço|indirizzo|adres)(?![A-Za-z])", re.IGNORECASE)


def _version_phrase_before(text: str, start: int) -> bool:
    """A version word heading a copula phrase, or an upgrade verb and "to", right before ``start``."""
    before = _ctx.before_window(text, start)
    before = before[before.rfind("\n") + 1:]
    if _VERSION_IS.search(before):
        return True
    m = _UPGRADE_TO.search(before)
    return m is not None and not _ADDRESS_NOUNS.search(m.group("obj") or m.group("obj2") or "")


def _numbering_before(text: str, start: int) -> bool:
    before = text[max(0, start - 24):start]
    return bool(_NUMBERING_BEFORE.search(before[before.rfind("\n") + 1:]))


def _ordinal_before(text: str, start: int) -> bool:
    before = _ctx.before_window(text, start)
    m = _ORDINAL_BEFORE.search(before[before.rfind("\n") + 1:])
    if m is None:
        return False
    words = m.group("words").split()
    last = words[-1] if words else ""
    # "requires host 10.0.0.1" is an address; "tested with SQL Server 1.2.3.4" names a product
    product = len(words) > 1 and last[:1].isupper() and words[-2][:1].isupper()
    return not (last and _network(last) and not product and not _STRICT_ORDINAL.match(m.group(0)))
