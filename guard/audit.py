"""Hash-chained audit events: canonical JSON, event hashes and chain verification.

Pure functions; the registry store calls them inside its write transactions. An event's hash is
``sha256(prev_hash + "\\n" + canonical_json(event))`` where the event is ``{seq, at, actor, action,
subject, payload}``, so changing, deleting, inserting or reordering a stored event breaks the chain.
The store also keeps the head (last seq, last hash, event count) so that a truncated tail is caught.
Without a secret key the chain is tamper-evident against edits of the log, not against someone who
rewrites the whole chain and its head: export the head (``guard audit head``) somewhere else and
verify with ``--expect-head``, or set ``GUARD_AUDIT_KEY`` so that every event carries an HMAC that
cannot be recomputed without the key.
"""

from __future__ import annotations

import hashlib
import hmac as _hmac
import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, NamedTuple

GENESIS_HASH = "0" * 64
"""``prev_hash`` of the first event."""

KEY_ENV = "GUARD_AUDIT_KEY"


def audit_key() -> bytes | None:
    """The audit HMAC key from ``GUARD_AUDIT_KEY`` (None when unset or empty)."""
    text = os.environ.get(KEY_ENV, "")
    return text.encode("utf-8") if text else None


def event_hmac(key: bytes, event_hash_hex: str) -> str:
    """HMAC-SHA256 of an event's hash: only a holder of the key can produce it for a rewritten event."""
    return _hmac.new(key, event_hash_hex.encode("ascii"), hashlib.sha256).hexdigest()


def hmac_ok(key: bytes, event_hash_hex: str, stored: str | None) -> bool:
    return stored is not None and _hmac.compare_digest(event_hmac(key, event_hash_hex), stored)


def parse_head(text: str) -> tuple[int, str]:
    """``SEQ:HASH`` (as ``guard audit head`` prints it) → (seq, hash); ValueError when malformed."""
    seq_text, sep, digest = text.strip().partition(":")
    if not sep or not seq_text.isdigit() or len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
        raise ValueError(f"'{text}' is not SEQ:HASH (a number, a colon and a 64-hex-digit hash)")
    return int(seq_text), digest


def canonical_json(value: Any) -> str:
    """JSON with sorted keys, no whitespace, UTF-8 text (``ensure_ascii=False``), no NaN/Infinity.

    Datetimes become ISO 8601 strings (naive ones are taken as UTC), so a payload may carry them.
    """
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False,
                      default=_json_default)


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime):
        return iso_utc(value)
    raise TypeError(f"audit payload value of type {type(value).__name__} is not JSON: {value!r}")


def iso_utc(moment: datetime) -> str:
    """``moment`` in UTC as ISO 8601 with microseconds, e.g. ``2025-11-26T12:00:00.000000+00:00``."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).isoformat(timespec="microseconds")


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def event_document(*, seq: int, at: str, actor: str, action: str, subject: str, payload: Any) -> str:
    """The canonical JSON that an event's hash covers."""
    return canonical_json({"seq": seq, "at": at, "actor": actor, "action": action, "subject": subject,
                           "payload": payload})


def event_hash(prev_hash: str, document: str) -> str:
    return sha256_text(prev_hash + "\n" + document)


@dataclass(frozen=True)
class StoredEvent:
    """An event as read back from storage; ``payload`` is the stored JSON text."""

    seq: int
    at: str
    actor: str
    action: str
    subject: str
    payload: str
    prev_hash: str
    hash: str
    hmac: str | None = None


class ChainCheck(NamedTuple):
    """Outcome of :func:`verify_chain`; ``first_broken_seq`` is None when the chain is intact."""

    events: int
    first_broken_seq: int | None
    reason: str
    keyed: int = 0

    @property
    def ok(self) -> bool:
        return self.first_broken_seq is None


def verify_chain(events: Iterable[StoredEvent], *, head_seq: int, head_hash: str, head_count: int,
                 key: bytes | None = None, expect_head: tuple[int, str] | None = None,
                 on_event: Callable[[StoredEvent], None] | None = None) -> ChainCheck:
    """Walk ``events`` (ordered by seq) and name the first one that does not verify.

    Detects a changed event (its hash no longer matches its content), a deleted one (a gap in seq or
    a ``prev_hash`` that does not link), an inserted or reordered one (seq out of order, broken
    linkage, or an event beyond the recorded head) and a truncated tail (fewer events than the head).
    With ``key``: every event from the first keyed one on must carry a valid HMAC, and the last one
    must be keyed (a chain rewritten without the key cannot be). With ``expect_head`` (seq, hash),
    saved earlier: the chain must still contain that event with that hash (truncation, rewrite).
    ``on_event`` sees every event that verified (the row bindings are collected that way).
    """
    expected_seq, prev_hash, count, keyed = 1, GENESIS_HASH, 0, 0
    last_keyed = False
    for event in events:
        if event.seq != expected_seq:
            if event.seq > expected_seq:
                return ChainCheck(count, expected_seq,
                                  f"event {expected_seq} is missing (the next stored event is {event.seq})")
            return ChainCheck(count, event.seq, f"event {event.seq} is out of sequence (expected {expected_seq})")
        if event.prev_hash != prev_hash:
            return ChainCheck(count, event.seq,
                              f"event {event.seq} does not link to event {event.seq - 1} (prev_hash differs)")
        try:
            document = event_document(seq=event.seq, at=event.at, actor=event.actor, action=event.action,
                                      subject=event.subject, payload=json.loads(event.payload))
        except ValueError:
            return ChainCheck(count, event.seq, f"event {event.seq} has an unreadable payload")
        if event_hash(prev_hash, document) != event.hash:
            return ChainCheck(count, event.seq, f"event {event.seq} was changed (its hash does not match its content)")
        if key is not None:
            if event.hmac is None and keyed:
                return ChainCheck(count, event.seq, f"event {event.seq} carries no HMAC although earlier events do "
                                                    "(written or rewritten without the audit key)", keyed)
            if event.hmac is not None and not hmac_ok(key, event.hash, event.hmac):
                return ChainCheck(count, event.seq, f"event {event.seq}'s HMAC does not verify under GUARD_AUDIT_KEY "
                                                    "(rewritten without the key, or another key)", keyed)
            keyed += event.hmac is not None
            last_keyed = event.hmac is not None
        if expect_head is not None and event.seq == expect_head[0] and event.hash != expect_head[1]:
            return ChainCheck(count, event.seq, f"event {event.seq} is not the saved head {expect_head[0]}:"
                                                f"{expect_head[1][:16]}… (the chain was rewritten)", keyed)
        if on_event is not None:
            on_event(event)
        count += 1
        prev_hash = event.hash
        expected_seq += 1
        if event.seq > head_seq:
            return ChainCheck(count - 1, event.seq,
                              f"event {event.seq} is beyond the recorded head (event {head_seq}): it was inserted")
    if count < head_count or expected_seq - 1 < head_seq:
        return ChainCheck(count, expected_seq,
                          f"event {expected_seq} is missing: the head records {head_count} events, found {count}")
    if count != head_count or prev_hash != head_hash:
        return ChainCheck(count, head_seq,
                          f"the recorded head (event {head_seq}) does not match the last stored event")
    if expect_head is not None and expected_seq - 1 < expect_head[0]:
        return ChainCheck(count, expected_seq,
                          f"the chain ends at event {expected_seq - 1}, before the saved head {expect_head[0]} "
                          "(it was truncated)", keyed)
    if key is not None and count and not last_keyed:
        return ChainCheck(count, expected_seq - 1,
                          f"the last event ({expected_seq - 1}) carries no HMAC under GUARD_AUDIT_KEY: the chain was "
                          "written (or rewritten) without the key", keyed)
    return ChainCheck(count, None, "", keyed)
