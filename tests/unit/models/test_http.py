"""The http: adapter against a real local OpenAI-compatible server (tests/helpers/openai_server.py)."""

from __future__ import annotations

import socket
import time

import pytest

from guard.errors import GuardError
from guard.models import Capability, GenerationConfig, load_model
from guard.models.http import HTTPAdapter
from tests.helpers.openai_server import OpenAIServer, token_logprob, tokenize

GREEDY = GenerationConfig(max_new_tokens=8)


@pytest.fixture
def server():
    with OpenAIServer() as srv:
        yield srv


def _load(url: str, **options) -> HTTPAdapter:
    model = load_model("http:" + url, **options)
    assert isinstance(model, HTTPAdapter)
    return model


def test_generate_keeps_input_order_under_concurrency():
    prompts = [f"prompt number {i}" for i in range(24)]
    with OpenAIServer(delay=0.01, jitter=0.04) as srv, _load(srv.url, concurrency=4) as model:
        arrived: list[int] = []  # requests the server had seen at each progress call
        out = model.generate(prompts, GREEDY, progress=lambda n: arrived.append(n * srv.count("/v1/completions")))
    assert out == [p.upper() for p in prompts]
    assert len(arrived) == len(prompts) and arrived[0] < len(prompts)  # progress as requests finish
    assert 1 < srv.max_in_flight <= 4


def test_generate_sends_decoding_settings(server):
    with _load(server.url) as model:
        model.generate(["hi"], GenerationConfig(max_new_tokens=5, temperature=0.7, top_p=0.9, seed=3, stop=("\n",)))
    body = server.requests[-1].body
    assert server.requests[-1].path == "/v1/completions"
    assert body == {
        "model": "fake-model",
        "prompt": "hi",
        "max_tokens": 5,
        "temperature": 0.7,
        "top_p": 0.9,
        "seed": 3,
        "stop": ["\n"],
    }


def test_chat_mode_uses_chat_completions(server):
    with _load(server.url) as model:
        out = model.generate(["hello there", "bye"], GenerationConfig(chat=True))
    assert out == ["HELLO THERE", "BYE"]
    chats = [r for r in server.requests if r.path == "/v1/chat/completions"]
    assert len(chats) == 2
    assert chats[0].body["messages"][0]["role"] == "user"


@pytest.mark.parametrize("status, retry_after", [(503, None), (429, "0")])
def test_transient_failures_are_retried(status, retry_after):
    with OpenAIServer(fail_first=2, fail_status=status, retry_after=retry_after) as srv:
        with _load(srv.url, retries=3, concurrency=1) as model:
            assert model.generate(["a", "b"], GREEDY) == ["A", "B"]
        assert srv.count("/v1/completions") == 4  # 2 failures + 2 successes


def test_persistent_server_error_raises_guard_error_with_status():
    with OpenAIServer(always_status=500) as srv, _load(srv.url, retries=2) as model:
        with pytest.raises(GuardError) as err:
            model.generate(["a"], GREEDY)
        assert srv.count("/v1/completions") == 3  # the first try and two retries
    assert "HTTP 500" in str(err.value)
    assert "configured failure 500" in str(err.value)
    assert srv.url + "/completions" in str(err.value)


def test_client_error_fails_without_retrying():
    with OpenAIServer(always_status=400) as srv, _load(srv.url, retries=4) as model:
        start = time.monotonic()
        with pytest.raises(GuardError, match="HTTP 400"):
            model.generate(["a"], GREEDY)
        assert srv.count("/v1/completions") == 1
        assert time.monotonic() - start < 1.0


def test_failure_in_a_batch_stops_the_rest():
    with OpenAIServer(always_status=400, delay=0.01) as srv, _load(srv.url, concurrency=2) as model:
        with pytest.raises(GuardError):
            model.generate([f"p{i}" for i in range(50)], GREEDY)
        assert srv.count("/v1/completions") < 50


def test_loglikelihood_sums_only_the_continuation(server):
    requests = [("The capital of France is", " Paris"), ("Q: 2+2 =", " four, surely"), ("one two ", "three")]
    with _load(server.url) as model:
        got = model.loglikelihood(requests)
    expected = []
    for context, continuation in requests:
        tokens = tokenize(context + continuation)
        n_context = len(tokenize(context.rstrip()))
        expected.append(sum(token_logprob(t) for t in tokens[n_context:]))
    assert got == pytest.approx(expected)
    body = server.requests[-1].body
    assert body["echo"] is True and body["logprobs"] == 1 and body["max_tokens"] == 0
    assert body["temperature"] == 0


def test_loglikelihood_falls_back_to_one_token_when_zero_is_refused():
    with OpenAIServer(refuse_zero_max_tokens=True) as srv, _load(srv.url, concurrency=1) as model:
        got = model.loglikelihood([("hello", " world"), ("a b", " c d")])
        assert got == pytest.approx([token_logprob(" world"), token_logprob(" c") + token_logprob(" d")])
        assert [r.body["max_tokens"] for r in srv.requests if r.method == "POST"] == [0, 1, 1]


def test_loglikelihood_without_logprobs_is_a_clear_error():
    with OpenAIServer(logprobs=False) as srv, _load(srv.url) as model:
        with pytest.raises(GuardError, match="echo"):
            model.loglikelihood([("a", " b")])


def test_api_key_is_sent(monkeypatch):
    monkeypatch.delenv("GUARD_HTTP_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    with OpenAIServer(api_key="s3cret") as srv:
        with pytest.raises(GuardError, match="401"):
            _load(srv.url)
        with _load(srv.url, api_key="s3cret") as model:
            assert model.generate(["x"], GREEDY) == ["X"]
        monkeypatch.setenv("GUARD_HTTP_API_KEY", "s3cret")
        with _load(srv.url) as model:
            assert model.generate(["y"], GREEDY) == ["Y"]
        assert srv.requests[-1].headers["authorization"] == "Bearer s3cret"
        assert "s3cret" not in repr(model)


def test_unreachable_url_raises_guard_error():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(GuardError, match=f"cannot reach http://127.0.0.1:{port}/v1/models"):
        load_model(f"http:http://127.0.0.1:{port}/v1")


def test_model_discovery_and_selection():
    with OpenAIServer(models=["alpha", "beta"]) as srv:
        with pytest.raises(GuardError, match="serves 2 models"):
            _load(srv.url)
        with _load(srv.url + "#beta") as beta, _load(srv.url + "#alpha") as alpha:
            assert beta.model == "beta"
            assert beta.generate(["q"], GREEDY) == ["Q"]
            assert srv.requests[-1].body["model"] == "beta"
            assert alpha.fingerprint != beta.fingerprint
            assert beta.fingerprint == _load(srv.url + "#beta").fingerprint
        with pytest.raises(GuardError, match="did you mean 'beta'"):
            _load(srv.url + "#betta")
    with OpenAIServer(models=["only"]) as srv, _load(srv.root) as model:  # bare host: /v1 appended
        assert (model.model, model.base_url) == ("only", srv.url)
        assert model.kind == "http" and model.fingerprint_kind == "identity"
        assert model.capabilities == {Capability.GENERATE, Capability.LOGLIKELIHOOD}
        with pytest.raises(NotImplementedError, match="cannot classify"):
            model.classify(["x"])


def test_spec_written_with_double_slash_and_unknown_option(server):
    with load_model(server.url) as model:  # "http://host:port/v1" parses as scheme http, target //host...
        assert model.base_url == server.url
    with pytest.raises(GuardError, match="unknown option 'concurency'"):
        load_model("http:" + server.url, concurency=2)


def test_a_hanging_endpoint_fails_within_its_deadline_and_says_so() -> None:
    """A server that accepts and never answers: the request gives up by its deadline, not minutes later."""
    import socket
    import threading
    import time

    from guard.errors import GuardError
    from guard.models.http import HTTPAdapter

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])  # never answer
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{listener.getsockname()[1]}/v1"
    adapter = HTTPAdapter(url, "m", spec=f"http:{url}", timeout=0.3, retries=5, deadline=1.0)
    started = time.monotonic()
    try:
        with pytest.raises(GuardError, match=r"deadline 1 s per request") as caught:
            adapter._request("GET", "/models")
        assert time.monotonic() - started < 3
        assert "timeout=S" in caught.value.one_line()
    finally:
        stop.set()
        thread.join(2)
        adapter.close()
        for connection in held:
            connection.close()
        listener.close()
