"""A small, real OpenAI-compatible HTTP server for tests of the ``http:`` model adapter.

It answers ``GET /v1/models``, ``POST /v1/completions`` (with ``echo`` + ``logprobs``) and
``POST /v1/chat/completions`` deterministically, and has knobs for what a real server does to a
client: transient 503/429 failures, persistent errors, slow and out-of-order responses, API keys,
missing logprobs, and whether ``/v1/completions`` takes a list ``prompt`` (vLLM does; llama.cpp's
does not). Use it as a context manager::

    with OpenAIServer(models=["m"], delay=0.01) as server:
        model = load_model("http:" + server.url)

``OpenAIServerProcess`` runs the same server in its own process (``python -m
tests.helpers.openai_server``), so a benchmark's client does not share the server's GIL.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

_TOKEN = re.compile(r"\s*\S+|\s+")


def tokenize(text: str) -> list[str]:
    """Whitespace-preserving tokens (leading space kept, like GPT BPE): ``"".join(tokens) == text``."""
    return _TOKEN.findall(text)


def token_logprob(token: str) -> float:
    """The deterministic fake log-probability of a token: in (-10.01, -0.01], from a hash."""
    return -((int(hashlib.sha256(token.encode()).hexdigest()[:8], 16) % 1000) / 100.0) - 0.01


def answer(prompt: str) -> str:
    """The deterministic completion: the prompt, upper-cased (so tests can check ordering)."""
    return prompt.upper()


@dataclass
class Recorded:
    """One request as the server saw it."""

    method: str
    path: str
    body: Any
    headers: dict[str, str]


@dataclass
class OpenAIServer:
    """Knobs: the first ``fail_first`` POSTs answer ``fail_status`` (with ``retry_after`` if set);
    ``always_status`` makes every POST fail; ``delay`` + ``jitter`` (random, per request) slow
    answers down so concurrency and reordering are observable; ``api_key`` is required when set;
    ``logprobs=False`` drops logprobs; ``refuse_zero_max_tokens`` answers 400 to ``max_tokens=0``;
    ``zero_is_unlimited`` reads ``max_tokens=0`` as "no limit", as llama.cpp does (three tokens, in
    ``usage.completion_tokens`` too); ``list_prompts=False`` answers 400 to a list ``prompt`` (a list
    is otherwise answered in one response, one choice per prompt, after one ``delay``, as a batching
    server would).
    """

    models: list[str] = field(default_factory=lambda: ["fake-model"])
    fail_first: int = 0
    fail_status: int = 503
    retry_after: str | None = None
    always_status: int | None = None
    delay: float = 0.0
    jitter: float = 0.0
    api_key: str | None = None
    logprobs: bool = True
    refuse_zero_max_tokens: bool = False
    list_prompts: bool = True
    zero_is_unlimited: bool = False
    requests: list[Recorded] = field(default_factory=list)
    max_in_flight: int = 0
    _in_flight: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _httpd: ThreadingHTTPServer | None = None
    _thread: threading.Thread | None = None
    _root: str = ""

    @property
    def url(self) -> str:
        """The base URL a client should use, ending in ``/v1``."""
        return f"{self.root}/v1"

    @property
    def root(self) -> str:
        """``http://127.0.0.1:PORT`` (kept after ``stop()`` so error messages can be checked)."""
        assert self._root, "server not started"
        return self._root

    def count(self, path: str | None = None) -> int:
        """How many requests arrived (at ``path``, e.g. ``/v1/completions``)."""
        with self._lock:
            return sum(1 for r in self.requests if path is None or r.path == path)

    def start(self) -> OpenAIServer:
        handler = type("Handler", (_Handler,), {"state": self})
        self._httpd = _Server(("127.0.0.1", 0), handler)
        self._httpd.daemon_threads = True
        host, port = self._httpd.server_address[:2]
        self._root = f"http://{host}:{port}"
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, args=(0.05,), name="openai-server", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self) -> OpenAIServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- called by the handler -----------------------------------------------------------------

    def handle(self, method: str, path: str, body: Any, headers: dict[str, str]) -> tuple[int, dict, dict]:
        """Status, extra headers and JSON body for one request."""
        with self._lock:
            self.requests.append(Recorded(method, path, body, headers))
            number = sum(1 for r in self.requests if r.method == "POST")
            self._in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self._in_flight)
        try:
            pause = self.delay + (random.uniform(0, self.jitter) if self.jitter else 0.0)
            if pause:
                time.sleep(pause)
            return self._respond(method, path, body, headers, number)
        finally:
            with self._lock:
                self._in_flight -= 1

    def _respond(
        self, method: str, path: str, body: Any, headers: dict[str, str], number: int
    ) -> tuple[int, dict, dict]:
        if self.api_key and headers.get("authorization") != f"Bearer {self.api_key}":
            return 401, {}, _error("invalid API key")
        if method == "POST" and number <= self.fail_first:
            extra = {"Retry-After": self.retry_after} if self.retry_after is not None else {}
            return self.fail_status, extra, _error(f"transient failure {number}")
        if method == "GET" and path == "/v1/models":
            return 200, {}, {"object": "list", "data": [{"id": m, "object": "model"} for m in self.models]}
        if method != "POST" or path not in ("/v1/completions", "/v1/chat/completions"):
            return 404, {}, _error(f"no route {method} {path}")
        if self.always_status is not None:
            return self.always_status, {}, _error(f"configured failure {self.always_status}")
        if not isinstance(body, dict) or body.get("model") not in self.models:
            return 404, {}, _error(f"model {body.get('model') if isinstance(body, dict) else None!r} not found")
        if path == "/v1/chat/completions":
            text = answer(str(body["messages"][-1]["content"]))
            return (
                200,
                {},
                {
                    "object": "chat.completion",
                    "choices": [
                        {"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}
                    ],
                },
            )
        return self._completion(body)

    def _completion(self, body: dict) -> tuple[int, dict, dict]:
        prompts = body.get("prompt", "")
        if isinstance(prompts, list):
            if not self.list_prompts:
                return 400, {}, _error("prompt must be a string")
            if not prompts or not all(isinstance(p, str) for p in prompts):
                return 400, {}, _error("prompt must be a non-empty list of strings")
            choices = []
            for index, prompt in enumerate(prompts):
                status, extra, one = self._completion({**body, "prompt": prompt})
                if status != 200:
                    return status, extra, one
                choices.append({**one["choices"][0], "index": index})
            choices.reverse()  # the index, not the position, says which prompt a choice answers
            return 200, {}, {"object": "text_completion", "model": body["model"], "choices": choices}
        prompt, max_tokens = str(prompts), int(body.get("max_tokens", 16))
        if max_tokens == 0 and self.refuse_zero_max_tokens:
            return 400, {}, _error("max_tokens must be at least 1")
        unlimited = max_tokens == 0 and self.zero_is_unlimited
        generated = answer(prompt) if max_tokens > 0 else ""
        if body.get("echo") and (max_tokens > 0 or unlimited):
            generated = " X" if max_tokens > 0 else " X X X"  # like a real server's next-token guesses
        choice: dict[str, Any] = {
            "index": 0,
            "text": (prompt if body.get("echo") else "") + generated,
            "finish_reason": "length",
        }
        if body.get("logprobs") is not None and self.logprobs:
            tokens = (tokenize(prompt) if body.get("echo") else []) + tokenize(generated)
            offsets, pos = [], len(prompt) if not body.get("echo") else 0
            for token in tokens:
                offsets.append(pos)
                pos += len(token)
            values: list[float | None] = [token_logprob(t) for t in tokens]
            if body.get("echo") and values:
                values[0] = None  # the first prompt token has no context, as in vLLM
            choice["logprobs"] = {
                "tokens": tokens,
                "token_logprobs": values,
                "text_offset": offsets,
                "top_logprobs": [None if v is None else {t: v} for t, v in zip(tokens, values)],
            }
        else:
            choice["logprobs"] = None
        usage = {"prompt_tokens": len(tokenize(prompt)), "completion_tokens": len(tokenize(generated))}
        return 200, {}, {"object": "text_completion", "model": body["model"], "choices": [choice], "usage": usage}


def _error(message: str) -> dict:
    return {"error": {"message": message, "type": "invalid_request_error"}}


class _Server(ThreadingHTTPServer):
    request_queue_size = 1024  # listen backlog; the default 5 drops connects under load, as no real server does


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, so the client's connection pool is exercised
    disable_nagle_algorithm = True  # TCP_NODELAY, as real servers set: else headers and body, written apart,
    # wait on the client's delayed ACK and every answer arrives ~40 ms late
    state: OpenAIServer

    def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
        pass

    def _serve(self, method: str) -> None:
        if self.state._httpd is None:  # stopped: a kept-alive connection is dropped unanswered, as by a dead server
            self.close_connection = True
            return
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = None
        headers = {k.lower(): v for k, v in self.headers.items()}
        status, extra, payload = self.state.handle(method, self.path, body, headers)
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for key, value in extra.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        self._serve("GET")

    def do_POST(self) -> None:
        self._serve("POST")


class OpenAIServerProcess:
    """``OpenAIServer(delay=..., models=...)`` in a child process; ``url``/``root`` as for the in-process one."""

    def __init__(self, *, delay: float = 0.0, models: tuple[str, ...] = ("fake-model",)):
        self.delay, self.models = delay, models
        self._proc: subprocess.Popen[str] | None = None
        self.root = ""

    @property
    def url(self) -> str:
        return f"{self.root}/v1"

    def __enter__(self) -> OpenAIServerProcess:
        command = [sys.executable, "-m", "tests.helpers.openai_server", "--delay", str(self.delay), *self.models]
        self._proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self._proc.stdout is not None
        line = self._proc.stdout.readline().strip()
        if not line.startswith("http://"):
            self._proc.kill()
            raise RuntimeError(f"test server did not start: {line!r}")
        self.root = line
        return self

    def __exit__(self, *exc: object) -> None:
        if self._proc is not None:
            assert self._proc.stdin is not None
            self._proc.stdin.close()  # the child stops when its stdin closes
            try:
                self._proc.wait(5)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()


def _main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description="the test OpenAI-compatible server, until stdin closes")
    parser.add_argument("--delay", type=float, default=0.0)
    parser.add_argument("models", nargs="*", default=["fake-model"])
    args = parser.parse_args()
    with OpenAIServer(models=list(args.models), delay=args.delay) as server:
        print(server.root, flush=True)
        sys.stdin.read()


if __name__ == "__main__":
    _main()
