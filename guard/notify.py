"""Webhook notifications of release decisions: every gate decision, approval and waiver, as JSON.

Configured by environment only (``GUARD_WEBHOOK_URL``; nothing is sent when it is unset), so a CI job or
the dashboard's host decides where events go without a registry migration. An event is built after the
registry transaction that recorded the decision has committed (the callers in ``guard.release`` run
once the store returned), and is delivered by one background thread:

- a POST of the event's canonical JSON (sorted keys), ``Content-Type: application/json``, with headers
  ``X-Guard-Event`` (the event type) and ``X-Guard-Delivery`` (a fresh id, the same on every retry, so a
  receiver can drop duplicates); with ``GUARD_WEBHOOK_SECRET`` set, ``X-Guard-Signature: sha256=HEX``,
  the HMAC-SHA256 of the exact body bytes under that secret (GitHub's scheme);
- retried on connection errors, timeouts, 408, 429 and 5xx with exponential backoff (0.25 s, 0.5 s, …),
  at most ``_ATTEMPTS`` times, and never past the event's deadline: ``GUARD_WEBHOOK_TIMEOUT_S``
  (default 10) seconds after it was queued;
- at process exit the interpreter waits for the queue at most until the last event's deadline; whatever
  was not delivered by then, or failed for good, is one warning line on stderr. The decision itself is
  never blocked, changed or failed by the webhook.
"""

from __future__ import annotations

import atexit
import hashlib
import hmac
import json
import os
import queue
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from guard._version import __version__

if TYPE_CHECKING:
    from guard.registry.store import RegistryStore

URL_ENV = "GUARD_WEBHOOK_URL"
SECRET_ENV = "GUARD_WEBHOOK_SECRET"
TIMEOUT_ENV = "GUARD_WEBHOOK_TIMEOUT_S"
DEFAULT_TIMEOUT_S = 10.0
_ATTEMPTS = 5
_FIRST_BACKOFF_S = 0.25
_RETRY_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
SCHEMA = "guard.event/1"


@dataclass
class _Delivery:
    url: str
    body: bytes
    headers: dict[str, str]
    deadline: float  # time.monotonic()
    event: str
    subject: str
    attempts: int = 0
    done: threading.Event = field(default_factory=threading.Event)


def sign(body: bytes, secret: str) -> str:
    """The ``X-Guard-Signature`` value for ``body``: ``sha256=`` and the hex HMAC-SHA256 under ``secret``."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def _budget() -> float:
    try:
        value = float(os.environ.get(TIMEOUT_ENV, DEFAULT_TIMEOUT_S))
    except ValueError:
        return DEFAULT_TIMEOUT_S
    return value if 0 < value < 3600 else DEFAULT_TIMEOUT_S


def _shown(url: str) -> str:
    """The URL for a warning: scheme, host and path only (a token in the query or userinfo stays out)."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url)
        return f"{parts.scheme}://{parts.hostname or ''}{':' + str(parts.port) if parts.port else ''}{parts.path}"
    except ValueError:
        return "(malformed URL)"


class _Sender:
    """One daemon thread draining a queue; started on the first event of a process."""

    def __init__(self) -> None:
        self._queue: queue.Queue[_Delivery] = queue.Queue()
        self._pending: list[_Delivery] = []
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._loop, name="guard-webhook", daemon=True)
        self._thread.start()
        atexit.register(self.drain_at_exit)

    def submit(self, delivery: _Delivery) -> None:
        with self._lock:
            self._pending.append(delivery)
        self._queue.put(delivery)

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until every queued event was delivered or given up (True), or ``timeout`` passed (False)."""
        end = None if timeout is None else time.monotonic() + timeout
        with self._lock:
            pending = list(self._pending)
        for delivery in pending:
            left = None if end is None else max(0.0, end - time.monotonic())
            if not delivery.done.wait(left):
                return False
        return True

    def drain_at_exit(self) -> None:
        with self._lock:
            pending = [d for d in self._pending if not d.done.is_set()]
        if not pending:
            return
        last_deadline = max(d.deadline for d in pending)
        self.flush(max(0.0, last_deadline - time.monotonic()))
        with self._lock:
            left = [d for d in self._pending if not d.done.is_set()]
        if left:
            _warn(f"{len(left)} event(s) not delivered before exit (first: {left[0].event} {left[0].subject})",
                  left[0].url)

    def _loop(self) -> None:
        while True:
            delivery = self._queue.get()
            try:
                _deliver(delivery)
            except Exception as exc:  # never let a bug here kill the thread that serves later events
                _warn(f"{delivery.event} {delivery.subject} not delivered: {type(exc).__name__}: {exc}", delivery.url)
            finally:
                delivery.done.set()
                with self._lock:
                    self._pending.remove(delivery)


_sender: _Sender | None = None
_sender_lock = threading.Lock()


def _get_sender() -> _Sender:
    global _sender
    with _sender_lock:
        if _sender is None:
            _sender = _Sender()
        return _sender


def flush(timeout: float | None = None) -> bool:
    """Wait for queued events (tests, and callers that want to know); True when none is left."""
    return True if _sender is None else _sender.flush(timeout)


def _warn(message: str, url: str) -> None:
    try:
        print(f"warning: webhook {_shown(url)}: {message}", file=sys.stderr, flush=True)
    except Exception:  # stderr closed at exit
        pass


def _deliver(delivery: _Delivery) -> None:
    import httpx

    backoff = _FIRST_BACKOFF_S
    problem = ""
    while delivery.attempts < _ATTEMPTS:
        left = delivery.deadline - time.monotonic()
        if left <= 0:
            break
        delivery.attempts += 1
        try:
            response = httpx.post(delivery.url, content=delivery.body, headers=delivery.headers,
                                  timeout=min(left, 5.0), follow_redirects=False)
        except httpx.HTTPError as exc:
            problem = f"{type(exc).__name__}"
        else:
            if response.status_code < 300:
                return
            problem = f"HTTP {response.status_code}"
            if response.status_code not in _RETRY_STATUS:
                break  # 3xx/4xx: the receiver refuses this request; asking again will not change that
        pause = min(backoff, delivery.deadline - time.monotonic())
        if pause <= 0 or delivery.attempts >= _ATTEMPTS:
            break
        time.sleep(pause)
        backoff *= 2
    _warn(f"{delivery.event} {delivery.subject} not delivered after {delivery.attempts} attempt(s): "
          f"{problem or 'out of time'}", delivery.url)


def audit_ref(store: RegistryStore, seq: int | None) -> dict[str, Any] | None:
    """``{"seq", "hash"}`` of the audit event ``seq`` (a receiver can check it against ``guard audit log``)."""
    if seq is None:
        return None
    events = store.audit_events(since_seq=seq - 1, limit=1)
    event = next((e for e in events if e.seq == seq), None)
    return {"seq": seq, "hash": event.hash if event else None}


def send(event: str, *, ref: str, actor: str, store: RegistryStore | None = None, audit_seq: int | None = None,
         **fields: Any) -> None:
    """Queue ``event`` about ``ref`` when ``GUARD_WEBHOOK_URL`` is set; never raises, never waits."""
    url = os.environ.get(URL_ENV, "").strip()
    if not url:
        return
    try:
        audit = audit_ref(store, audit_seq) if store is not None else None
    except Exception:  # the event still goes out; the audit chain itself is checked by guard audit verify
        audit = {"seq": audit_seq, "hash": None}
    try:
        payload = {"schema": SCHEMA, "event": event, "ref": ref, "actor": actor, "audit": audit,
                   "at": datetime.now(timezone.utc).isoformat(), "guard_version": __version__, **fields}
        body = json.dumps(payload, sort_keys=True, separators=(",", ":"), default=str).encode()
        headers = {"Content-Type": "application/json", "User-Agent": f"rai-guard/{__version__}",
                   "X-Guard-Event": event, "X-Guard-Delivery": uuid.uuid4().hex}
        secret = os.environ.get(SECRET_ENV, "")
        if secret:
            headers["X-Guard-Signature"] = sign(body, secret)
        _get_sender().submit(_Delivery(url=url, body=body, headers=headers, deadline=time.monotonic() + _budget(),
                                       event=event, subject=ref))
    except Exception as exc:  # a notification must never fail the decision it reports
        _warn(f"{event} {ref} not queued: {type(exc).__name__}: {exc}", url)


def gate_decided(store: RegistryStore, decision: Any, *, actor: str, audit_seq: int | None) -> None:
    """``gate.moved`` / ``gate.refused`` / ``gate.inconclusive`` for a ``GateDecision``."""
    try:
        verdict = decision.verdict.status if decision.verdict is not None else None
        send(f"gate.{decision.outcome}", ref=decision.ref, actor=actor, store=store, audit_seq=audit_seq,
             alias=decision.alias, policy=decision.policy, policy_sha256=decision.policy_sha256,
             outcome=decision.outcome, verdict=verdict, reasons=list(decision.reasons), run_id=decision.run_id,
             waived_rules=list(decision.waived_rules), baseline=dict(decision.baseline))
    except Exception as exc:
        _warn(f"gate event for {getattr(decision, 'ref', '?')} not queued: {type(exc).__name__}",
              os.environ.get(URL_ENV, ""))


def approval_added(store: RegistryStore, approval: Any) -> None:
    """``approval.added`` for an ``Approval`` row just committed."""
    try:
        send("approval.added", ref=f"{approval.model}@{approval.version}", actor=approval.approver, store=store,
             audit_seq=approval.audit_seq, approval_id=approval.id, reason=approval.reason,
             expires_at=approval.expires_at.isoformat() if approval.expires_at else None)
    except Exception as exc:
        _warn(f"approval event not queued: {type(exc).__name__}", os.environ.get(URL_ENV, ""))


def waiver_added(store: RegistryStore, waiver: Any) -> None:
    """``waiver.added`` for a ``Waiver`` row just committed."""
    try:
        send("waiver.added", ref=f"{waiver.model}@{waiver.version}", actor=waiver.approver, store=store,
             audit_seq=waiver.audit_seq, waiver_id=waiver.id, rule_ids=list(waiver.rule_ids),
             policy=waiver.policy_name, reason=waiver.reason, expires_at=waiver.expires_at.isoformat())
    except Exception as exc:
        _warn(f"waiver event not queued: {type(exc).__name__}", os.environ.get(URL_ENV, ""))
