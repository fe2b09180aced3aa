"""guard.audit: canonical JSON and chain verification, without a database."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta, timezone

import pytest

from guard.audit import (
    GENESIS_HASH,
    StoredEvent,
    canonical_json,
    event_document,
    event_hash,
    event_hmac,
    parse_head,
    verify_chain,
)


def test_canonical_json_is_sorted_compact_utf8_and_strict() -> None:
    assert canonical_json({"b": 1, "a": [1, {"d": "é", "c": None}]}) == '{"a":[1,{"c":null,"d":"é"}],"b":1}'
    moment = datetime(2025, 1, 2, 3, 4, 5, tzinfo=timezone(timedelta(hours=2)))
    assert canonical_json({"t": moment}) == '{"t":"2025-01-02T01:04:05.000000+00:00"}'
    with pytest.raises(ValueError):
        canonical_json({"x": float("nan")})
    with pytest.raises(TypeError):
        canonical_json({"x": object()})


def _chain(n: int, actor: str = "a") -> list[StoredEvent]:
    events, prev = [], GENESIS_HASH
    for seq in range(1, n + 1):
        payload = canonical_json({"i": seq})
        doc = event_document(seq=seq, at=f"2025-01-01T00:00:0{seq}.000000+00:00", actor=actor, action="x",
                             subject="m@1", payload={"i": seq})
        event = StoredEvent(seq, f"2025-01-01T00:00:0{seq}.000000+00:00", actor, "x", "m@1", payload, prev,
                            event_hash(prev, doc))
        events.append(event)
        prev = event.hash
    return events


def _verify(events: list[StoredEvent], head: StoredEvent, count: int = 5):
    return verify_chain(events, head_seq=head.seq, head_hash=head.hash, head_count=count)


def test_intact_chain_verifies() -> None:
    events = _chain(5)
    check = _verify(events, events[-1])
    assert (check.ok, check.events, check.first_broken_seq) == (True, 5, None)
    empty = verify_chain([], head_seq=0, head_hash=GENESIS_HASH, head_count=0)
    assert empty.ok and empty.events == 0


def test_each_kind_of_tampering_names_the_first_broken_event() -> None:
    events = _chain(5)
    head = events[-1]
    changed = events[:2] + [dataclasses.replace(events[2], actor="mallory")] + events[3:]
    assert _verify(changed, head)[1:3] == (3, "event 3 was changed (its hash does not match its content)")
    assert _verify(events[:2] + events[3:], head).first_broken_seq == 3  # deleted
    swapped = [events[0], dataclasses.replace(events[3], seq=2), events[2], dataclasses.replace(events[1], seq=4),
               events[4]]
    assert _verify(swapped, head).first_broken_seq == 2
    relinked = events[:3] + [dataclasses.replace(events[3], prev_hash=events[1].hash)] + events[4:]
    assert "does not link" in _verify(relinked, head).reason
    truncated = _verify(events[:4], head)
    assert (truncated.first_broken_seq, truncated.events) == (5, 4) and "head records 5" in truncated.reason
    forged = _chain(6)
    assert _verify(forged, head).first_broken_seq == 6  # a valid-looking event beyond the recorded head
    assert not _verify(events, dataclasses.replace(head, hash="f" * 64)).ok
    assert _verify(events[:2] + [dataclasses.replace(events[2], payload="{")] + events[3:], head).first_broken_seq == 3


def _keyed(events: list[StoredEvent], key: bytes, start: int = 0) -> list[StoredEvent]:
    return [dataclasses.replace(e, hmac=event_hmac(key, e.hash)) if i >= start else e for i, e in enumerate(events)]


def test_a_keyed_chain_verifies_only_with_the_key_and_keeps_an_unkeyed_prefix() -> None:
    key = b"k" * 32
    events = _keyed(_chain(5), key, start=2)  # the key was introduced at event 3
    check = verify_chain(events, head_seq=5, head_hash=events[-1].hash, head_count=5, key=key)
    assert check.ok and check.keyed == 3
    wrong = verify_chain(events, head_seq=5, head_hash=events[-1].hash, head_count=5, key=b"other")
    assert wrong.first_broken_seq == 3 and "HMAC" in wrong.reason


def test_a_chain_rewritten_without_the_key_is_caught() -> None:
    """Re-hashing the whole chain is easy; re-keying it is not: unkeyed events after keyed ones, or an
    unkeyed head, fail verification when the key is given."""
    key = b"k" * 32
    keyed = _keyed(_chain(5), key)
    tail_rewritten = keyed[:3] + [dataclasses.replace(e, hmac=None) for e in keyed[3:]]
    check = verify_chain(tail_rewritten, head_seq=5, head_hash=keyed[-1].hash, head_count=5, key=key)
    assert check.first_broken_seq == 4 and "no HMAC" in check.reason
    unkeyed = _chain(5)
    check = verify_chain(unkeyed, head_seq=5, head_hash=unkeyed[-1].hash, head_count=5, key=key)
    assert not check.ok and "without the key" in check.reason


def test_expect_head_catches_truncation_and_rewrite() -> None:
    events = _chain(5)
    saved = (4, events[3].hash)
    assert verify_chain(events, head_seq=5, head_hash=events[-1].hash, head_count=5, expect_head=saved).ok
    truncated = verify_chain(events[:3], head_seq=3, head_hash=events[2].hash, head_count=3, expect_head=saved)
    assert not truncated.ok and "truncated" in truncated.reason
    other = _chain(5, actor="mallory")
    rewritten = verify_chain(other, head_seq=5, head_hash=other[-1].hash, head_count=5, expect_head=saved)
    assert rewritten.first_broken_seq == 4 and "rewritten" in rewritten.reason
    with pytest.raises(ValueError):
        parse_head("4:abc")
    assert parse_head(f"4:{events[3].hash}") == saved
