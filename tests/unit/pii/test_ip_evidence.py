"""A dotted quad is an address unless its version evidence outweighs its network evidence."""

from __future__ import annotations

import pytest

from guard.pii import ip_evidence


def _ev(text: str, value: str) -> ip_evidence.Evidence:
    start = text.index(value)
    return ip_evidence.evidence(text, start, start + len(value))


@pytest.mark.parametrize("text", [
    "1.2.3.4", "Reach it at 1.2.3.4 please", "see 1.2.3.4", "| 1.2.3.4 |",
])
def test_a_bare_dotted_quad_stays_an_address(text: str) -> None:
    ev = _ev(text, "1.2.3.4")
    assert ev.version == 0 and not ev.is_version  # no cue either way: Presidio's decision


@pytest.mark.parametrize(("text", "value"), [
    ("$ ssh admin@10.2.3.4", "10.2.3.4"),                        # a login, after ssh
    ("scp backup.tar root@1.2.3.4:/srv", "1.2.3.4"),             # a usual login name, a :path after
    ("rsync -a ./ deploy@5.6.7.8:~/app", "5.6.7.8"),
    ("GET http://1.2.3.4:8080/status", "1.2.3.4"),               # scheme:// and :port
    ("allowed = 4.3.2.1/24", "4.3.2.1"),                         # CIDR
    ("remote_addr = '7.1.2.3' AND client_ver = '1.2.3.4'", "7.1.2.3"),  # a network key
    ('{"clientIp": "9.8.7.6"}', "9.8.7.6"),                      # camelCase key, head word "ip"
    ("X-Forwarded-For: 9.8.7.6", "9.8.7.6"),
    ('9.8.7.6 - - [10/Oct/2024:13:55:36 +0000] "GET / HTTP/1.1" 200', "9.8.7.6"),  # an access log
    ("nginx: 9.8.7.6 \"GET /static/app.js\" 304", "9.8.7.6"),
    ("Upgraded the router firmware; gateway 2.6.30.68 answers", "2.6.30.68"),
])
def test_network_evidence_keeps_the_address(text: str, value: str) -> None:
    ev = _ev(text, value)
    assert not ev.is_version and ev.network >= 3, ev.cues


@pytest.mark.parametrize(("text", "value"), [
    ("npm WARN deprecated uuid@1.2.3.4: upgrade", "1.2.3.4"),     # a package pin
    ("yarn add @types/node@18.2.3.4", "18.2.3.4"),                # a scoped package
    ("remote_addr = '7.1.2.3' AND client_ver = '1.2.3.4'", "1.2.3.4"),  # a version key
    ('{"sdk": "4.137.43.208", "oid": "1.3.6.2"}', "1.3.6.2"),     # an OID key
    ("ALERT host=1.1.1.1 value=93% agent=4.5.6.7", "4.5.6.7"),
    ("client build 15.66.138.83, OS 6.22.114.9", "15.66.138.83"),  # "client" names the build
    ("client build 15.66.138.83, OS 6.22.114.9", "6.22.114.9"),
    ("server: nginx/9.33.10.8", "9.33.10.8"),                     # a product token shadows the key
    ("ssh in and run the 6.28.52.158 migration", "6.28.52.158"),  # a versioned noun after
    ("deployed 10.255.11.98 to the box at 172.24.27.5", "10.255.11.98"),
    ("Tested with Sophos 12.1.1.3 and SQL Server 6.3.0.40.", "6.3.0.40"),  # a product, not a server
    ("Same here on 10.3.159.167. Rolled back to 6.56.39.4 and it works.", "10.3.159.167"),
])
def test_version_evidence_outweighs(text: str, value: str) -> None:
    assert _ev(text, value).is_version, _ev(text, value).cues


def test_user_at_versus_package_at() -> None:
    assert not _ev("ssh admin@1.2.3.4", "1.2.3.4").is_version
    assert not _ev("ssh -p 2222 jdoe@1.2.3.4", "1.2.3.4").is_version  # any user after ssh
    assert _ev("pinned lodash@1.2.3.4", "1.2.3.4").is_version
    assert _ev("lodash@1.2.3.4", "1.2.3.4").is_version  # no login cue: a package pin is the usual reading


def test_a_close_label_shadows_a_far_one_and_ties_go_to_the_address() -> None:
    ev = _ev("version 1.2.3.4 (gateway)", "1.2.3.4")  # version word before, network label after: a tie
    assert ev.version == ev.network and not ev.is_version
    ev = _ev("The server at 2.6.30.68 runs kernel 5.15.0.91.", "5.15.0.91")
    assert ev.is_version and ev.network == 0, ev.cues


def test_ipv6_has_no_version_reading() -> None:
    assert not ip_evidence.version_like("version fe80::1", 8, 15)


def test_a_network_word_in_the_text_turns_off_the_sibling_version_cue() -> None:
    assert _ev("running 9.1.2.3 on prod, 4.9.107.132 on staging", "4.9.107.132").is_version
    ev = _ev("Hotfix 2.6.1.2 supersedes 2.6.1.1; the ping to 4.9.107.132 failed", "4.9.107.132")
    assert not ev.is_version, ev.cues


@pytest.mark.parametrize("text", [
    "de nieuwe versie 1.2.3.4 staat klaar",            # nl
    "la versión 1.2.3.4 corrige el error",             # es
    "atualize para a versão 1.2.3.4",                  # pt
    "la versione 1.2.3.4 è disponibile",               # it
    "wersja 1.2.3.4 jest gotowa",                      # pl
    "la version du firmware est 1.2.3.4.",             # a version word heading a copula phrase (fr)
    "the firmware version is 1.2.3.4",
    "also bumped the proxy to 1.2.3.4",                # an upgrade verb, its object, "to"
    "upgraded nginx on the edge to 1.2.3.4",
    "firmware mis à jour vers 1.2.3.4",
])
def test_version_words_and_upgrade_grammar_in_the_phone_label_languages(text: str) -> None:
    ev = _ev(text, "1.2.3.4")
    assert ev.is_version, ev.cues


@pytest.mark.parametrize(("text", "value"), [
    ("pinned the resolver IP to 10.1.2.3", "10.1.2.3"),  # an address noun in the object: an address
    ("moved the proxy to 10.0.0.4", "10.0.0.4"),         # not an upgrade verb
    ("the version server is 10.1.2.3", "10.1.2.3"),      # "version" modifies "server": not the head
    ("la passerelle est en 10.1.2.3, la version du firmware est 1.2.3.4", "10.1.2.3"),  # network word (fr)
])
def test_addresses_near_those_words_stay(text: str, value: str) -> None:
    ev = _ev(text, value)
    assert not ev.is_version, ev.cues


@pytest.mark.parametrize(("text", "value"), [
    ("Der Server unter 10.20.30.40 antwortet nicht.", "10.20.30.40"),  # "Der" opens the sentence: no product
    ("The server at 10.20.30.40 is down.", "10.20.30.40"),
    ("Hallo. Das Gateway 10.1.1.1 fällt aus.", "10.1.1.1"),
])
def test_a_sentence_opening_word_is_no_product_name(text: str, value: str) -> None:
    ev = _ev(text, value)
    assert ev.network >= 2 and not ev.is_version, ev.cues


def test_a_capitalised_name_before_a_network_word_still_names_a_product() -> None:
    ev = _ev("Tested with SQL Server 1.2.3.4 today", "1.2.3.4")
    assert ev.is_version and not any(c.startswith("network") for c in ev.cues), ev.cues
    ev = _ev("We run Windows Server 10.0.17763.1 here", "10.0.17763.1")
    assert not any("network word near" in c for c in ev.cues), ev.cues


@pytest.mark.parametrize(("text", "value"), [
    ("Audit finding 6.5.8.12: password expiration is 365 days", "6.5.8.12"),          # an audit's numbering
    ("every privileged login (see also 4.2.1.3 and Annex B)", "4.2.1.3"),            # a cross-reference
    ("Details siehe Abschnitt 4.2.1.3 im Handbuch.", "4.2.1.3"),                       # de
    ("conforme al apartado 3.1.2.4 del pliego", "3.1.2.4"),                            # es
    ("carry the extended key usage extension (2.5.29.37) too", "2.5.29.37"),           # an X.509 OID
    ("After upgrading the agent from 12.18.6.221 to 13.1.5.106 it stops", "12.18.6.221"),
    ("Bumps [Microsoft.Data.SqlClient] from 24.50.0.20 to 25.1.0.3.", "24.50.0.20"),
    ("La versión del cliente VPN es 21.0.0.0.", "21.0.0.0"),
    ("Versione client 25.100.2.1, server 9.20.3.37.", "25.100.2.1"),
    ("El técnico dice que actualice a 28.120.0.13, pero no", "28.120.0.13"),
    ("TSE-Modul aktualisiert auf 24.3.2.1.", "24.3.2.1"),
    ("Changelog\n\n23.0.0.0 (08.11.2024)\n- fixes", "23.0.0.0"),                     # a changelog heading
    ("Report\n1.4.2.5  Ensure mounting of cramfs is disabled .... PASS", "1.4.2.5"),  # a benchmark's heading
])
def test_document_structure_and_upgrade_phrasings_read_as_versions(text: str, value: str) -> None:
    assert _ev(text, value).is_version, _ev(text, value).cues


@pytest.mark.parametrize(("text", "value"), [
    ("can someone allowlist 7.75.17.70 on the staging WAF?", "7.75.17.70"),
    ("dhcpd: DHCPOFFER on 10.100.197.98 to 28:a1:61:95:39:a3 via eth1", "10.100.197.98"),
    ("impossible d'accéder au partage depuis mon PC (10.0.203.154).", "10.0.203.154"),
    ("curl 13.107.42.14 times out", "13.107.42.14"),
    ("Versione client 25.100.2.1, server 9.20.3.37.", "9.20.3.37"),                  # the server's address
    ("10.0.0.5 Gateway office", "10.0.0.5"),                                         # no heading: a machine
    ("CR: migrate DNS from 10.0.0.1 to 10.0.0.2 tonight", "10.0.0.1"),               # moving an address
])
def test_network_nouns_and_commands_of_new_phrasings(text: str, value: str) -> None:
    ev = _ev(text, value)
    assert not ev.is_version and ev.network > 0, ev.cues
