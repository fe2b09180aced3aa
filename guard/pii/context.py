"""Where a context word counts (whether a dotted quad is an address: ``guard.pii.ip_evidence``).

A context word belongs to the value it labels, so the window before a match stops at:

- a blank line (a new paragraph), the end of a sentence, a field separator (``|``, ``;``, tab) or
  the end of the previous JSON value (``"app": "mobile", "version": "…"``: "mobile" is not a label
  of the version),
- the end of the last number before the match (``telephone on +1 202 555 0143 between 9 364 171``:
  "telephone" labels the first number only; a form's ``Phone: 0612 345 678`` line does not label
  the ``Order: 2019-129870`` line below it).

A value in a CSV or Markdown table takes its column's header as context (``name,phone`` above
``Ann,06 12 34 67 21``): the header is the nearest line above, in the same block, without digits;
and a label in the cell just before it (``| Tel | 06 12 34 67 21 |``).
"""

from __future__ import annotations

import re

PREFIX_CHARS = 48   # context window before a match (about 6 words)
SUFFIX_CHARS = 14   # and right after it (one word such as "office", "(fax)")

_NUMBER = re.compile(r"\d(?:[ ().\-/]{0,2}\d){3,}")
_FIELD_SEPARATORS = "|;\t"
_VALUE_ENDS = ('",', "',")  # the end of the previous JSON / dict value
# The end of a sentence on the same line (not "Tel. 0612 …", "Nr. 12"; a question on the line
# before labels its answer: "the phone number?\nCustomer: 0612 …").
# A capitalised abbreviation of one to three letters is no sentence end either ("Soc. Sec. No.", "Dr. Ann").
_SENTENCE_END = re.compile(r"[?!]+[ \t]+|(?<!\b[A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{2})\.[ \t]+(?=[A-Z][a-z]{2,})")
_CELL_SEPARATORS = ("|", "\t", ";", ",")  # in this order: a Markdown row may hold commas
_RULE_LINE = re.compile(r"^[\s|:+\-=]*$")


def before_window(text: str, start: int, limit: int = PREFIX_CHARS) -> str:
    before = text[max(0, start - limit):start]
    ends = [(before.rfind(mark), len(mark)) for mark in ("\n\n", *_FIELD_SEPARATORS, *_VALUE_ENDS)]
    ends += [(m.start(), m.end() - m.start()) for m in _SENTENCE_END.finditer(before)][-1:]
    before = before[max((pos + size for pos, size in ends if pos >= 0), default=0):]
    numbers = list(_NUMBER.finditer(before))
    return before[numbers[-1].end():] if numbers else before


def after_window(text: str, end: int, limit: int = SUFFIX_CHARS) -> str:
    after = re.split(r"[\n.,;!?|\t]", text[end:end + limit], maxsplit=1)[0]
    number = _NUMBER.search(after)
    return after[:number.start()] if number else after


def previous_cell(text: str, start: int) -> str | None:
    """The cell just before the one holding ``start`` in a delimited row ("Tel | 0612 345 678")."""
    line_start = text.rfind("\n", 0, start) + 1
    head = text[line_start:start]
    sep = next((s for s in _CELL_SEPARATORS if s in head), None)
    if sep is None or head[head.rfind(sep) + 1:].strip():
        return None  # no separator, or the value does not start its cell
    cells = head.split(sep)
    return cells[-2] if len(cells) >= 2 else None


def column_header(text: str, start: int, aligned: bool = False) -> str | None:
    """The header cell above the cell holding ``start`` (CSV, TSV, semicolon or Markdown table).

    Cells are counted from the left; a row with more separators than its header (an unquoted
    value holding one: "1,299.00") still maps its leading cells, unless ``aligned`` is asked for.
    """
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    sep = next((s for s in _CELL_SEPARATORS if s in line), None)
    if sep is None or line_start == 0:
        return None
    column = text.count(sep, line_start, start)
    width = line.count(sep)
    pos = line_start - 1  # the newline ending the previous line
    while pos > 0:
        prev_start = text.rfind("\n", 0, pos) + 1
        prev = text[prev_start:pos]
        if not prev.strip():
            return None  # a blank line ends the block
        if not _RULE_LINE.match(prev) and not any(c.isdigit() for c in prev) and sep in prev:
            cells = prev.split(sep)
            left = cells[column] if column < len(cells) else None
            if len(cells) - 1 == width:
                return left
            # The row holds more (or fewer) separators than its header, e.g. an unquoted "1,299.00":
            # count from the right as well; ``aligned`` takes only a cell both counts agree on (or
            # the right one where the left count runs past the header).
            from_right = len(cells) - 1 - (width - column)
            right = cells[from_right] if 0 <= from_right < len(cells) else None
            if aligned:
                return left if left == right else (right if left is None else None)
            return left if left is not None else right
        pos = prev_start - 1
    return None


# A dotted number right after a version word ("version", "upgrade to", "at least"), a software name
# ("Windows 10.0.19045.3570"), a product token ("Chrome/120.0.6099.109", "linux-2.6.30.68",
# "uuid@1.2.3", "==1.2.3"), as a JSON/YAML value of such a key, or in a column headed by one, is a version.
_VERSION_WORDS = (r"v|ver|version|versions|release|released|release\s+notes|rel|build|kernel|firmware|fw|app|tag|"
                  r"update[ds]?|upgrade[ds]?|"
                  r"upgrading|updating|downgrade[ds]?|patch|patched|sdk|bios|driver|revision|rev|bump(?:ed|s)?|"
                  r"dependency|dependencies|install|installs|installed|installing|ship|ships|shipped|least|minimum|"
                  r"min|requires?|required|"
                  # the same word in the languages the phone labels cover (nl, es, pt, it, pl; de/fr: "Version")
                  r"versie|versies|versi[oó]n|versiones|vers[ãa]o|vers[õo]es|versione|versioni|wersj[aięą]")
# Software whose name is often followed by its version ("Windows 10.0.19045.3570", "OpenSSL 3.0.2.1").
_PRODUCTS = (r"windows|android|ios|ipados|macos|os\s*x|ubuntu|debian|fedora|centos|rhel|alpine|linux|chrome|chromium|"
             r"firefox|safari|edge|opera|java|jdk|jre|python|nodejs|npm|php|ruby|perl|golang|rust|openssl|"
             r"openssh|nginx|apache|httpd|tomcat|postgres|postgresql|mysql|mariadb|redis|docker|kubernetes|k8s|"
             r"excel|outlook|vscode|xcode|gcc|clang|llvm|cuda|driver|bios|uefi|nvidia")  # no phone labels ("Office")
_VERSION_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])(?:" + _VERSION_WORDS + r")\.?[\"']?\s*(?:[:=#]|to|-)?\s*[\"']?"
    r"|(?<![A-Za-z])(?:" + _PRODUCTS + r")\s*[\"']?"
    r"|[A-Za-z][\w+.]*/|[A-Za-z]-|==|~=|>=|<=|!=|\^|~|@|[\w.-]+/[\w.-]+:"  # a product token, a pin, an image tag
    r"|^\s*#{1,6}\s*\[?v?)$",                                   # a Markdown changelog heading
    re.IGNORECASE,
)
# A header cell naming versions: "version", "os", "agent_version", "App Build".
_VERSION_HEADER = re.compile(r"(?:^|[\s\"'*_\-])(?:" + _VERSION_WORDS + r"|os|platform|agent|user[ _-]?agent)"
                             r"(?:$|[\s\"'*_:\-])", re.IGNORECASE)
# A version's tail: "-rc1", "-1ubuntu2", "+deb11u1", "~bpo", or more dotted parts.
_VERSION_AFTER = re.compile(r"^(?:[-+~]\w*[A-Za-z]|\.\d|[A-Za-z])")
NETWORK_WORDS = re.compile(
    r"(?<![A-Za-z])(?:ip|ipv4|ipv6|ips|address|addresses|addr|host|hostname|hosts|server|servers|gateway|subnet|"
    r"netmask|dns|router|proxy|ping|firewall|inet|src|dst|peer|client|remote|nat|dhcp|connect|connected|"
    r"connection|connections|login|logged|logins|sshd?|tcp|udp|http|https|network|lan|wan|vpn|listen)(?![A-Za-z])",
    re.IGNORECASE,
)
# A label of another kind of number right before a value: "EAN 4006381333931", "ISBN 978-…",
# "order no. 0612 345 678". The value is that number, whatever context words stand further away.
_OTHER_LABEL = re.compile(
    r"(?<![A-Za-z])(?:isbn(?:-1[03])?|ean(?:-?13)?|upc|gtin|sku|asin|order|invoice|inv|ref|reference|tracking|"
    r"serial|s/n|model|part|ticket|case|item|product|booking|confirmation|receipt|auth|otp|version|build|"
    r"release|kernel|firmware|dob|born|birth|date|"
    r"bestell\w*|rechnung\w*|kunden\w*|commande|facture|pedido|factura|ordine|fattura|bestelling|factuur)"
    r"\s*(?:no\.?|number|nr\.?|n°|#|id)?\s*[:#=]?\s*[\"']?\s*$",
    re.IGNORECASE,
)


def after_version_word(text: str, start: int) -> bool:
    """A version word or product token right before ``start`` ("version 1.2.3.4", "Chrome/1.2.3.4")."""
    before = text[max(0, start - 24):start]
    return bool(_VERSION_BEFORE.search(before[before.rfind("\n") + 1:]))


def other_label_before(text: str, start: int) -> bool:
    """A label of another kind of number right before ``start`` (ISBN, EAN, order, invoice, ...)."""
    before = text[max(0, start - 24):start]
    return bool(_OTHER_LABEL.search(before[before.rfind("\n") + 1:]))
