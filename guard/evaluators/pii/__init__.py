"""PII evaluators: what a model leaks (``pii.output``), what it memorised (``pii.canary``) and
what it was trained on (``pii.dataset``).

Every finding these evaluators return is already redacted: PII is replaced by entity tags
(``<EMAIL_ADDRESS>``) and a keyed hash for de-duplication; canary secrets by ``<CANARY>`` and a
keyed hash. The runner redacts findings once more before anything is stored. Raw values appear
only under a finding's ``raw`` key, and only when the run sets ``store_raw_evidence``.
Importing this package does not import the PII scanner; evaluators load it when they run.
"""
