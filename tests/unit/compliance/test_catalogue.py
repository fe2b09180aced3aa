"""The shipped control catalogues: valid ids, every control the shipped policies name, no unknown framework."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from guard.compliance import FRAMEWORKS, load_catalogue
from guard.compliance.catalogue import check_framework
from guard.errors import GuardError
from guard.policy import CONTROL_ID, load_policy

POLICIES = sorted((Path(__file__).resolve().parents[3] / "policies").glob("*.yaml"))


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_every_control_id_follows_the_scheme_and_names_a_check(framework: str) -> None:
    catalogue = load_catalogue(framework)
    ids = [c.id for c in catalogue.controls]
    assert len(ids) == len(set(ids)) and ids
    for control in catalogue.controls:
        assert CONTROL_ID.match(control.id), control.id
        assert control.checks and set(control.checks) <= set(catalogue.checks)


def test_every_control_of_the_shipped_policies_is_in_a_catalogue() -> None:
    known = {c.id for f in FRAMEWORKS for c in load_catalogue(f).controls}
    used = {c for path in POLICIES for rule in load_policy(path).rules for c in rule.controls}
    assert used and used <= known, used - known


def test_primary_evidence_is_what_the_note_marks_bold() -> None:
    eu = load_catalogue("eu-ai-act")
    assert eu.control("EU-AIA-Art15(5)").checks == {"pii": "primary", "robustness": "supporting"}
    assert eu.control("EU-AIA-Art9(8)").checks == {"accuracy": "primary", "release-gate": "primary"}
    assert load_catalogue("iso-42001").control("ISO42001-A.6.2.8").checks == {"audit-log": "partial"}


def test_unknown_framework_is_one_error_with_a_did_you_mean() -> None:
    with pytest.raises(GuardError, match=re.escape("did you mean 'nist-ai-rmf'?")):
        check_framework("nist-ai-rm")
    assert check_framework("iso-42001") == "iso-42001"
