"""Compliance coverage: which controls of a framework a model version has evidence for.

``catalogue/*.yaml`` ships the controls ``shared/COMPLIANCE.md`` maps guard's checks to (ids, the note's
one-line paraphrases, which check evidences each); ``coverage`` is the read model that ``guard export
--compliance`` and the dashboard's Compliance page both show. Evidence toward a control is never proof of
conformity, and every rendering says so.
"""

from guard.compliance.catalogue import FRAMEWORKS, Catalogue, Control, load_catalogue
from guard.compliance.coverage import ControlCoverage, Coverage, RuleEvidence, coverage

__all__ = ["FRAMEWORKS", "Catalogue", "Control", "ControlCoverage", "Coverage", "RuleEvidence", "coverage",
           "load_catalogue"]
