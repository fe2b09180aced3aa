"""The http: adapter's list prompts (batch_prompts), replicas (http:URL1,URL2) and event-loop transport."""

from __future__ import annotations

import asyncio
import socket
import threading

import pytest

from guard.errors import GuardError
from guard.models import GenerationConfig, load_model
from guard.models.base import fingerprint_text
from guard.models.http import HTTPAdapter
from tests.helpers.openai_server import OpenAIServer

GREEDY = GenerationConfig(max_new_tokens=8)


def _load(spec: str, **options) -> HTTPAdapter:
    model = load_model("http:" + spec, **options)
    assert isinstance(model, HTTPAdapter)
    return model


def _posts(server: OpenAIServer) -> list:
    return [r for r in server.requests if r.method == "POST"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_batch_prompts_sends_lists_and_keeps_order():
    prompts = [f"p{i}" for i in range(10)]
    with OpenAIServer(jitter=0.02) as srv, _load(srv.url, batch_prompts=4, concurrency=2) as model:
        done: list[int] = []
        assert model.generate(prompts, GREEDY, progress=done.append) == [p.upper() for p in prompts]
        sent = [r.body["prompt"] for r in _posts(srv)[1:]]  # the first POST is the load-time check
    assert sorted(map(str, sent)) == sorted(map(str, [prompts[0:4], prompts[4:8], prompts[8:10]]))
    assert sorted(done) == [2, 4, 4]  # progress counts prompts, not requests


def test_batch_prompts_loglikelihood_matches_one_per_request():
    requests = [("The capital of France is", " Paris"), ("Q: 2+2 =", " four, surely"), ("one two ", "three")]
    with OpenAIServer() as srv:
        with _load(srv.url) as single, _load(srv.url, batch_prompts=2) as batched:
            expected = single.loglikelihood(requests)
            before = len(_posts(srv))
            assert batched.loglikelihood(requests) == pytest.approx(expected)
        sent = sorted((r.body["prompt"] for r in _posts(srv)[before:]), key=str)
    assert sent == [["The capital of France is Paris", "Q: 2+2 = four, surely"], "one two three"]


def test_batch_prompts_refused_at_load_by_a_server_without_list_prompts():
    with OpenAIServer(list_prompts=False) as srv:
        with pytest.raises(GuardError, match="does not take a list prompt") as caught:
            _load(srv.url, batch_prompts=8)
        assert "drop batch_prompts" in caught.value.one_line()
        assert len(_posts(srv)) == 1  # the probe only, not retried


def test_batch_prompts_is_off_for_chat():
    with OpenAIServer() as srv, _load(srv.url, batch_prompts=4) as model:
        assert model.generate(["a", "b"], GenerationConfig(chat=True)) == ["A", "B"]
        assert len([r for r in srv.requests if r.path == "/v1/chat/completions"]) == 2


@pytest.mark.parametrize("options, message", [
    ({"batch_prompts": 0}, "batch_prompts >= 1"),
    ({"concurrency": 2.5}, "whole number"),
    ({"batch_prompt": 2}, "did you mean 'batch_prompts'"),
])
def test_bad_options_fail_before_any_request(options, message):
    with OpenAIServer() as srv:
        with pytest.raises(GuardError) as caught:
            _load(srv.url, **options)
        assert message in caught.value.one_line()
        assert srv.requests == []


def test_replicas_share_the_load_within_their_concurrency():
    prompts = [f"q{i}" for i in range(40)]
    with OpenAIServer(delay=0.02) as a, OpenAIServer(delay=0.02) as b:
        with _load(f"{a.url},{b.url}", concurrency=3) as model:
            assert model.generate(prompts, GREEDY) == [p.upper() for p in prompts]
        assert a.count("/v1/completions") + b.count("/v1/completions") == 40
        assert a.count("/v1/completions") >= 10 and b.count("/v1/completions") >= 10
        assert 1 < a.max_in_flight <= 3 and 1 < b.max_in_flight <= 3


def test_fingerprint_names_the_model_and_the_set_of_replicas():
    with OpenAIServer() as a, OpenAIServer() as b:
        with _load(f"{a.url},{b.url}") as ab, _load(f"{b.root},{a.url}") as ba, _load(a.url) as alone:
            assert ab.fingerprint == ba.fingerprint  # order (and /v1 spelling) does not matter
            assert alone.fingerprint == fingerprint_text("http", a.url, "fake-model")  # unchanged for one URL
            assert ab.fingerprint != alone.fingerprint
            fingerprint = ab.fingerprint
            ab.generate(["x", "y", "z"], GREEDY)
            assert ab.fingerprint == fingerprint  # which replica answered does not enter it


def test_a_failing_replica_is_retried_on_another():
    prompts = [f"r{i}" for i in range(12)]
    with OpenAIServer(always_status=503) as bad, OpenAIServer() as good:
        with _load(f"{bad.url},{good.url}", retries=2, concurrency=4) as model:
            assert model.generate(prompts, GREEDY) == [p.upper() for p in prompts]
        assert good.count("/v1/completions") == 12
        assert 1 <= bad.count("/v1/completions") < 12  # it cools down after failing instead of taking half


def test_a_replica_that_goes_away_is_retried_on_another():
    with OpenAIServer() as gone, OpenAIServer() as good:
        with _load(f"{gone.url},{good.url}", retries=1, concurrency=2) as model:
            gone.stop()  # refuses new connections, drops kept-alive ones unanswered
            assert model.generate(["a", "b", "c", "d"], GREEDY) == ["A", "B", "C", "D"]
        assert good.count("/v1/completions") == 4
        assert gone.count("/v1/completions") == 0


def test_every_replica_failing_gives_up_with_the_attempts_and_endpoints():
    with OpenAIServer(always_status=500) as a, OpenAIServer(always_status=500) as b:
        with _load(f"{a.url},{b.url}", retries=3) as model:
            with pytest.raises(GuardError, match=r"failed after 4 attempts on 2 endpoints: HTTP 500"):
                model.generate(["a"], GREEDY)
        assert a.count("/v1/completions") + b.count("/v1/completions") == 4


def test_replica_problems_at_load_are_named():
    port = _free_port()
    with OpenAIServer(models=["m"]) as a, OpenAIServer(models=["n"]) as b:
        with pytest.raises(GuardError, match=f"cannot reach http://127.0.0.1:{port}/v1/models"):
            _load(f"{a.url},http://127.0.0.1:{port}/v1")
        with pytest.raises(GuardError, match="serve different models"):
            _load(f"{a.url},{b.url}")
        with pytest.raises(GuardError, match="does not serve model 'm'"):
            _load(f"{a.url},{b.url}#m")


@pytest.mark.parametrize("spec, message", [
    ("http://a:1/v1,,http://b:2/v1", "empty endpoint"),
    ("http://a:1/v1,a:1", "listed twice"),
    ("http://a:1/v1,ftp://b/v1", r"not an http\(s\) URL: 'ftp://b/v1'"),
])
def test_bad_endpoint_lists_fail_before_any_request(spec, message):
    with pytest.raises(GuardError, match=message):
        load_model("http:" + spec)


def test_close_stops_the_loop_thread_and_works_inside_a_running_loop():
    with OpenAIServer() as srv:
        model = _load(srv.url)

        async def from_a_notebook() -> list[str]:  # a caller with its own running event loop
            return model.generate(["n"], GREEDY)

        assert asyncio.run(from_a_notebook()) == ["N"]
        thread = model._transport._thread
        assert thread is not None and thread.is_alive()
        model.close()
        assert not thread.is_alive()
        assert not [t for t in threading.enumerate() if t is thread]


def test_a_server_reading_max_tokens_zero_as_no_limit_gets_one_from_then_on():
    requests = [("one two", " three"), ("a b", " c"), ("x", " y z")]
    with OpenAIServer(zero_is_unlimited=True) as srv, _load(srv.url, concurrency=4) as plain:
        with OpenAIServer() as ref, _load(ref.url) as reference:
            assert plain.loglikelihood(requests) == pytest.approx(reference.loglikelihood(requests))
        # the first request goes alone; once it shows generated tokens, the rest ask for one
        assert [r.body["max_tokens"] for r in _posts(srv)] == [0, 1, 1]
        with _load(srv.url, echo_max_tokens=1) as told:
            told.loglikelihood(requests)
        assert [r.body["max_tokens"] for r in _posts(srv)][3:] == [1, 1, 1]
        with pytest.raises(GuardError, match="echo_max_tokens 0 or 1"):
            _load(srv.url, echo_max_tokens=2)


def test_extra_body_reaches_every_request_and_cannot_override_guard():
    with OpenAIServer() as srv:
        with _load(srv.url, extra_body='{"repeat_penalty": 1.0}') as model:
            model.generate(["a"], GREEDY)
            model.generate(["b"], GenerationConfig(chat=True))
            model.loglikelihood([("a", " b")])
        assert [r.body["repeat_penalty"] for r in _posts(srv)] == [1.0, 1.0, 1.0]
        for bad, message in [('{"temperature": 1}', "sets 'temperature'"), ("[1]", "JSON object"),
                             ("{oops", "not JSON")]:
            with pytest.raises(GuardError, match=message):
                _load(srv.url, extra_body=bad)
