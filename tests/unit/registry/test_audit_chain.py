"""guard.audit: canonical JSON and chain verification, without a database."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta, timezone

import pytest

from guard.audit import GENESIS_HASH, StoredEvent, canonical_json, event_document, event_hash, verify_chain


def test_canonical_json_is_sorted_compact_utf8_and_strict() -> None:
    assert canonical_json({"b": 1, "a": [1, {"d": "é", "c": None}]}) == '{"a":[1,{"c":null,"d":"é"}],"b":1}'
    moment = datetime(2025, 1, 2, 3, 4, 5, tzinfo=timezone(timedelta(hours=2)))
    assert canonical_json({"t": moment}) == '{"t":"2025-01-02T01:04:05.000000+00:00"}'
    with pytest.raises(ValueError):
        canonical_json({"x": float("nan")})
    with pytest.raises(TypeError):
        canonical_json({"x": object()})


def _chain(n: int) -> list[StoredEvent]:
    events, prev = [], GENESIS_HASH
    for seq in range(1, n + 1):
        payload = canonical_json({"i": seq})
        doc = event_document(seq=seq, at=f"2025-01-01T00:00:0{seq}.000000+00:00", actor="a", action="x",
                             subject="m@1", payload={"i": seq})
        event = StoredEvent(seq, f"2025-01-01T00:00:0{seq}.000000+00:00", "a", "x", "m@1", payload, prev,
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
    assert _verify(changed, head)[1:] == (3, "event 3 was changed (its hash does not match its content)")
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
