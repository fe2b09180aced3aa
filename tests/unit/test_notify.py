"""Webhook notifications (guard.notify) against a real local HTTP server: every gate decision, approval
and waiver arrives as signed JSON once its transaction committed; a dead webhook never fails the gate."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from guard import notify
from guard.cli import app
from guard.errors import GuardError
from guard.policy import load_policy
from guard.registry import open_registry
from guard.release import approve, gate, register, waive
from tests.helpers.evaluated_registry import CliRunner

SECRET = "s3cret-for-tests"
MODEL = """
def predict(batch):
    return ["pos" if "good" in t else "neg" for t in batch]
predict.capabilities = ["classify"]
"""
POLICY = "name: release\nrules:\n  - id: accuracy\n    metric: t.accuracy\n    min: 0.5\n"


class Receiver:
    """An HTTP server on 127.0.0.1 that records every POST and answers with the next scripted status."""

    def __init__(self, statuses: list[int] | None = None) -> None:
        self.requests: list[tuple[dict[str, str], bytes]] = []
        self.statuses = list(statuses or [])
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                outer.requests.append(({k.lower(): v for k, v in self.headers.items()}, body))
                self.send_response(outer.statuses.pop(0) if outer.statuses else 200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook?token=abc"
        # shutdown() waits for serve_forever to notice; at the default 0.5 s poll that was every test's teardown
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.02},
                                       daemon=True)
        self.thread.start()

    def events(self) -> list[dict]:
        return [json.loads(body) for _, body in self.requests]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver(monkeypatch: pytest.MonkeyPatch) -> Iterator[Receiver]:
    server = Receiver()
    monkeypatch.setenv(notify.URL_ENV, server.url)
    monkeypatch.setenv(notify.SECRET_ENV, SECRET)
    yield server
    notify.flush(10)
    server.close()


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GUARD_REGISTRY", f"sqlite:///{tmp_path / 'registry.db'}")
    monkeypatch.setenv("GUARD_ACTOR", "ci-bot")
    rows = [{"text": f"a {'good' if i % 2 else 'bad'} thing {i}", "label": "pos" if i % 2 else "neg"}
            for i in range(20)]
    (tmp_path / "rows.jsonl").write_text("\n".join(json.dumps(r) for r in rows))
    (tmp_path / "suite.yaml").write_text(
        "name: s\ntasks:\n  - name: t\n    evaluator: accuracy\n    dataset: {path: rows.jsonl}\n")
    (tmp_path / "m.py").write_text(MODEL)
    (tmp_path / "m2.py").write_text(MODEL + "# another artifact\n")
    (tmp_path / "policy.yaml").write_text(POLICY)
    return tmp_path


def _evaluated(env: Path) -> None:
    """Version 1 of 'sent' with a passing run (through the CLI, as users record runs)."""
    result = CliRunner().invoke(app, ["evaluate", f"python:{env / 'm.py'}:predict", "--suite", str(env / "suite.yaml"),
                                      "--policy", str(env / "policy.yaml"), "--name", "sent"])
    assert result.exit_code == 0, result.output


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_gate_approval_and_waiver_events_arrive_signed_with_their_audit_event(env: Path, receiver: Receiver) -> None:
    _evaluated(env)
    store = open_registry(os.environ["GUARD_REGISTRY"])
    policy = load_policy(str(env / "policy.yaml"))
    register(store, "sent", f"python:{env / 'm2.py'}:predict", version=2)
    refused = gate(store, "sent@2", policy, "production")  # no run: a decision (refused), so an event
    moved = gate(store, "sent@1", policy, "production", reason="ship it")
    approve(store, "sent@1", reason="looked at the findings", actor="alice")
    waive(store, "sent@2", rule_ids=["accuracy"], policy=policy, reason="known gap", actor="bob",
          expires_at=datetime.now(timezone.utc) + timedelta(days=7))
    assert notify.flush(10)
    assert (refused.outcome, moved.outcome) == ("refused", "moved")

    events = receiver.events()
    assert [e["event"] for e in events] == ["gate.refused", "gate.moved", "approval.added", "waiver.added"]
    assert [e["ref"] for e in events] == ["sent@2", "sent@1", "sent@1", "sent@2"]
    assert [e["actor"] for e in events] == ["ci-bot", "ci-bot", "alice", "bob"]
    assert events[0]["outcome"] == "refused" and "no complete evaluation run" in events[0]["reasons"][0]
    assert events[0]["verdict"] is None
    assert (events[1]["verdict"], events[1]["alias"], events[1]["policy"]) == ("pass", "production", "release")
    assert events[1]["run_id"] == moved.run_id and events[1]["policy_sha256"] == policy.sha256
    assert events[2]["reason"] == "looked at the findings"
    assert (events[3]["rule_ids"], events[3]["policy"]) == (["accuracy"], "release")
    # each event names the audit event its transaction wrote, with that event's hash
    by_seq = {e.seq: e for e in store.audit_events()}
    actions = [by_seq[e["audit"]["seq"]].action for e in events]
    assert actions == ["gate.refused", "alias.move", "approval.add", "waiver.add"]
    for event in events:
        audited = by_seq[event["audit"]["seq"]]
        assert event["audit"]["hash"] == audited.hash
        assert audited.subject == ("sent@production" if event["event"] == "gate.moved" else event["ref"])
        datetime.fromisoformat(event["at"])
    for headers, body in receiver.requests:
        expected = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
        assert headers["x-guard-signature"] == expected
        assert headers["content-type"] == "application/json"
        assert headers["x-guard-event"] == json.loads(body)["event"]


def test_no_event_for_a_gate_that_errors_before_deciding(env: Path, receiver: Receiver) -> None:
    store = open_registry(os.environ["GUARD_REGISTRY"], create=True)
    policy = load_policy(str(env / "policy.yaml"))
    register(store, "sent", f"python:{env / 'm.py'}:predict", version=1)
    with pytest.raises(GuardError):
        gate(store, "sent@1", policy, "Production!")  # bad alias: refused as input, before any decision
    with pytest.raises(GuardError):
        gate(store, "sent@9", policy, "production")  # unknown version
    with pytest.raises(GuardError):
        approve(store, "sent@1", reason="  ")
    assert notify.flush(10)
    assert receiver.requests == []


def test_unsigned_without_a_secret_and_retried_with_the_same_delivery_id(env: Path, receiver: Receiver,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(notify.SECRET_ENV)
    # the backoff's length is not what is tested here; at 0.25 s then 0.5 s it was this test's whole wall time
    monkeypatch.setattr(notify, "_FIRST_BACKOFF_S", 0.01)
    receiver.statuses = [503, 500]  # two server errors, then 200
    store = open_registry(os.environ["GUARD_REGISTRY"], create=True)
    register(store, "sent", f"python:{env / 'm.py'}:predict", version=1)
    approve(store, "sent@1", reason="ok", actor="alice")
    assert notify.flush(10)
    assert len(receiver.requests) == 3
    assert len({h["x-guard-delivery"] for h, _ in receiver.requests}) == 1
    assert all("x-guard-signature" not in h for h, _ in receiver.requests)
    assert len({body for _, body in receiver.requests}) == 1


def test_a_refusing_receiver_is_not_asked_again(env: Path, receiver: Receiver, capsys: pytest.CaptureFixture) -> None:
    receiver.statuses = [403]
    store = open_registry(os.environ["GUARD_REGISTRY"], create=True)
    register(store, "sent", f"python:{env / 'm.py'}:predict", version=1)
    approve(store, "sent@1", reason="ok", actor="alice")
    assert notify.flush(10)
    assert len(receiver.requests) == 1
    err = capsys.readouterr().err
    assert "HTTP 403" in err and "approval.added" in err
    assert "token=abc" not in err  # the URL's query may hold a credential: never printed


def test_nothing_is_queued_without_a_url(env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(notify.URL_ENV, raising=False)
    store = open_registry(os.environ["GUARD_REGISTRY"], create=True)
    register(store, "sent", f"python:{env / 'm.py'}:predict", version=1)
    before = notify._sender
    approve(store, "sent@1", reason="ok", actor="alice")
    assert notify._sender is before  # no thread started, nothing waiting
    assert notify.flush(0)


def test_a_refused_connection_does_not_fail_the_gate_and_gives_up_within_the_budget(
        env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    monkeypatch.setenv(notify.URL_ENV, f"http://127.0.0.1:{_free_port()}/hook")
    monkeypatch.setenv(notify.TIMEOUT_ENV, "0.3")  # retried on refusal until the budget runs out
    store = open_registry(os.environ["GUARD_REGISTRY"], create=True)
    register(store, "sent", f"python:{env / 'm.py'}:predict", version=1)
    decision = gate(store, "sent@1", load_policy(str(env / "policy.yaml")), "production")
    assert decision.outcome == "refused"  # no run; the webhook plays no part in the decision
    assert notify.flush(5)
    err = capsys.readouterr().err
    assert "warning: webhook http://127.0.0.1:" in err and "gate.refused sent@1 not delivered" in err


def test_a_dead_webhook_neither_fails_nor_blocks_guard_gate(env: Path) -> None:
    """A black hole (accepts, never answers): `guard gate` exits with its decision's code, warns on stderr,
    and waits for the webhook no longer than GUARD_WEBHOOK_TIMEOUT_S at exit (not the 5 s attempt timeout)."""
    store = open_registry(os.environ["GUARD_REGISTRY"], create=True)
    register(store, "sent", f"python:{env / 'm.py'}:predict", version=1)
    store.close()
    # the bound below (budget + 2 s) stays well under the 5 s attempt timeout it rules out; the budget is
    # spent in full at exit (nothing answers), so it is kept short
    budget = 0.3
    command = [sys.executable, "-c", "from guard.cli import main; main()", "gate", "sent@1", "--policy",
               str(env / "policy.yaml"), "--to", "production"]
    with socket.socket() as hole:
        hole.bind(("127.0.0.1", 0))
        hole.listen(8)
        url = f"http://127.0.0.1:{hole.getsockname()[1]}/hook"
        t0 = time.perf_counter()
        done = subprocess.run(command, env={**os.environ, notify.URL_ENV: url, notify.TIMEOUT_ENV: str(budget)},
                              capture_output=True, text=True, timeout=60)
        elapsed = time.perf_counter() - t0
    t1 = time.perf_counter()
    plain = subprocess.run(command, env={k: v for k, v in os.environ.items() if k != notify.URL_ENV},
                           capture_output=True, text=True, timeout=60)
    plain_elapsed = time.perf_counter() - t1
    assert done.returncode == plain.returncode == 1, done.stderr  # refused (no run), with or without the webhook
    assert "warning: webhook" in done.stderr and "gate.refused sent@1" in done.stderr
    assert elapsed - plain_elapsed < budget + 2.0, (elapsed, plain_elapsed)  # bounded, with scheduling slack
