"""An OpenAI-compatible endpoint (vLLM, TGI, llama.cpp server) as the model under test.

The endpoint has no files, so its fingerprint is its identity (base URL + served model name),
recorded as ``fingerprint_kind = "identity"``: a report can say honestly that the weights behind
the URL were not hashed. Requests go out concurrently (a bounded thread pool over one pooled
``httpx.Client``); transient failures are retried with exponential backoff, and anything that
still fails becomes a one-line ``GuardError`` rather than an httpx traceback.
"""

from __future__ import annotations

import email.utils
import os
import random
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from typing import Any
from urllib.parse import urlsplit

import httpx

from guard.errors import GuardError, did_you_mean
from guard.models.base import AdapterBase, Capability, GenerationConfig, ProgressCallback, fingerprint_text

_BACKOFF_BASE = 0.2  # seconds before the first retry; doubles each attempt
_MAX_DELAY = 30.0  # cap on any single wait, including a server's Retry-After
_RETRY_STATUSES = frozenset({408, 429}) | frozenset(range(500, 600))
_IGNORED_OPTIONS = frozenset({"batch_size", "device"})  # generic runner options with no meaning here
_ECHO_HINT = "loglikelihood needs /completions with echo=true and logprobs (vLLM supports it; many servers do not)"


class _StatusError(GuardError):
    """An HTTP error status that survived the retries; keeps the status so callers can react."""

    def __init__(self, message: str, status: int, **kwargs: Any):
        self.status = status
        super().__init__(message, **kwargs)


def load_http(
    target: str,
    *,
    spec: str,
    concurrency: int = 8,
    retries: int = 4,
    timeout: float = 60.0,
    deadline: float | None = None,
    api_key: str | None = None,
    **options: Any,
) -> HTTPAdapter:
    """Connect to ``URL[#MODEL]``, check it answers, and pick the served model."""
    unknown = set(options) - _IGNORED_OPTIONS
    if unknown:
        name = sorted(unknown)[0]
        raise GuardError(
            f"unknown option '{name}' for an http: model",
            hint=did_you_mean(name, ["concurrency", "retries", "timeout", "deadline", "api_key"]),
        )
    url, _, model = target.partition("#")
    base_url = _normalise_url(url)
    key = api_key or os.environ.get("GUARD_HTTP_API_KEY") or os.environ.get("OPENAI_API_KEY")
    adapter = HTTPAdapter(
        base_url, model or None, spec=spec, concurrency=concurrency, retries=retries, timeout=timeout,
        deadline=deadline, api_key=key,
    )
    try:
        adapter.model = adapter._discover_model(model or None)
    except BaseException:
        adapter.close()
        raise
    return adapter


def _normalise_url(url: str) -> str:
    """Accept ``http://h:p``, ``//h:p`` (from a spec written ``http://h:p``) or ``h:p``; append /v1 to a bare host."""
    url = url.strip()
    if url.startswith("//"):
        url = "http:" + url
    elif "://" not in url:
        url = "http://" + url
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise GuardError(f"not an http(s) URL: '{url}'", hint="write http:http://HOST:PORT/v1[#MODEL]")
    url = url.rstrip("/")
    return url + "/v1" if parts.path in ("", "/") else url


class HTTPAdapter(AdapterBase):
    """Generation and log-likelihood through an OpenAI-compatible HTTP API."""

    kind = "http"
    fingerprint_kind = "identity"
    capabilities = frozenset({Capability.GENERATE, Capability.LOGLIKELIHOOD})

    def __init__(
        self,
        base_url: str,
        model: str | None,
        *,
        spec: str,
        concurrency: int = 8,
        retries: int = 4,
        timeout: float = 60.0,
        deadline: float | None = None,
        api_key: str | None = None,
    ):
        try:
            self.concurrency, self.retries, self.timeout = int(concurrency), int(retries), float(timeout)
            # One request, retries included, never takes longer than this (default: every attempt's timeout).
            self.deadline = float(deadline) if deadline is not None else self.timeout * (self.retries + 1)
        except (TypeError, ValueError) as exc:
            raise GuardError(f"bad option for http model: {exc}") from None
        if self.concurrency < 1 or self.retries < 0 or self.timeout <= 0 or self.deadline <= 0:
            raise GuardError("http model needs concurrency >= 1, retries >= 0, timeout > 0 and deadline > 0")
        self.spec, self.base_url, self.model = spec, base_url, model or ""
        self._ll_max_tokens = 0  # becomes 1 once the server refuses max_tokens=0
        headers = {"User-Agent": "rai-guard"}
        if api_key:
            headers["Authorization"] = f"Bearer {api_key}"
        limits = httpx.Limits(max_connections=self.concurrency, max_keepalive_connections=self.concurrency)
        self._client = httpx.Client(headers=headers, timeout=self.timeout, limits=limits)

    def __repr__(self) -> str:
        return f"HTTPAdapter(base_url={self.base_url!r}, model={self.model!r})"

    @property
    def fingerprint(self) -> str:
        return fingerprint_text("http", self.base_url, self.model)

    def close(self) -> None:
        """Close pooled connections; the adapter cannot be used afterwards."""
        self._client.close()

    def __enter__(self) -> HTTPAdapter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the model interface -------------------------------------------------------------------

    def generate(
        self, prompts: Sequence[str], config: GenerationConfig, *, progress: ProgressCallback | None = None
    ) -> list[str]:
        common: dict[str, Any] = {
            "model": self.model,
            "max_tokens": config.max_new_tokens,
            "temperature": config.temperature,
            "top_p": config.top_p,
            "seed": config.seed,
        }
        if config.stop:
            common["stop"] = list(config.stop)

        def one(prompt: str, stop: threading.Event) -> str:
            if config.chat:
                body = {**common, "messages": [{"role": "user", "content": prompt}]}
                choice = self._first_choice(self._post("/chat/completions", body, stop))
                return (choice.get("message") or {}).get("content") or ""
            choice = self._first_choice(self._post("/completions", {**common, "prompt": prompt}, stop))
            return choice.get("text") or ""

        return self._map(one, list(prompts), progress)

    def loglikelihood(
        self, requests: Sequence[tuple[str, str]], *, progress: ProgressCallback | None = None
    ) -> list[float]:
        def one(request: tuple[str, str], stop: threading.Event) -> float:
            return self._loglikelihood_one(*request, stop)

        return self._map(one, list(requests), progress)

    # -- helpers -------------------------------------------------------------------------------

    def _loglikelihood_one(self, context: str, continuation: str, stop: threading.Event) -> float:
        """lm-eval's "local-completions" recipe: echo the prompt, sum the continuation's token logprobs."""
        # Trailing context whitespace belongs to the continuation's first token (" word" tokens).
        stripped = context.rstrip()
        context, continuation = stripped, context[len(stripped) :] + continuation
        prompt = context + continuation
        body = {"model": self.model, "prompt": prompt, "echo": True, "logprobs": 1, "temperature": 0.0}
        max_tokens = self._ll_max_tokens
        try:
            response = self._post("/completions", {**body, "max_tokens": max_tokens}, stop)
        except _StatusError as exc:
            if exc.status not in (400, 422):
                raise
            if max_tokens != 0:
                raise GuardError(exc.message, hint=_ECHO_HINT) from None
            try:  # some servers refuse max_tokens=0; the one generated token is ignored below
                response = self._post("/completions", {**body, "max_tokens": 1}, stop)
            except _StatusError as exc2:
                raise GuardError(exc2.message, hint=_ECHO_HINT if exc2.status < 500 else None) from None
            self._ll_max_tokens = 1
        logprobs = self._first_choice(response).get("logprobs") or {}
        values, offsets = logprobs.get("token_logprobs"), logprobs.get("text_offset")
        if not values or not offsets or len(values) != len(offsets):
            raise GuardError(f"{self.base_url}/completions returned no echo logprobs", hint=_ECHO_HINT)
        if min(offsets) >= len(prompt) and prompt:
            raise GuardError(f"{self.base_url}/completions did not echo the prompt's logprobs", hint=_ECHO_HINT)
        start, end = len(context), len(prompt)
        picked = [lp for lp, off in zip(values, offsets) if start <= off < end and lp is not None]
        if continuation and not picked:
            raise GuardError(
                f"{self.base_url}: no token starts inside the continuation {continuation[:40]!r}",
                hint="the context and continuation share a token; split them on a token boundary",
            )
        return float(sum(picked))

    def _map(
        self, fn: Callable[[Any, threading.Event], Any], items: list[Any], progress: ProgressCallback | None
    ) -> list[Any]:
        """Run ``fn`` over items with at most ``concurrency`` in flight; results in input order."""
        results: list[Any] = [None] * len(items)
        if not items:
            return results
        stop = threading.Event()
        pool = ThreadPoolExecutor(max_workers=min(self.concurrency, len(items)), thread_name_prefix="guard-http")
        try:
            futures: dict[Future, int] = {pool.submit(fn, item, stop): i for i, item in enumerate(items)}
            for future in as_completed(futures):
                results[futures[future]] = future.result()  # re-raises the first failure
                if progress:
                    progress(1)
        finally:
            stop.set()
            pool.shutdown(wait=True, cancel_futures=True)
        return results

    def _post(self, path: str, body: dict[str, Any], stop: threading.Event) -> dict[str, Any]:
        return self._request("POST", path, stop, json=body)

    def _request(
        self,
        method: str,
        path: str,
        stop: threading.Event | None = None,
        *,
        json: Any = None,
        retry_connect: bool = True,
    ) -> dict[str, Any]:
        """One request with retries on transient failures (network, timeout, 408/429/5xx)."""
        url = self.base_url + path
        started = time.monotonic()
        for attempt in range(self.retries + 1):
            left = self.deadline - (time.monotonic() - started)
            last = attempt == self.retries
            try:
                response = self._client.request(method, url, json=json,
                                                timeout=max(0.001, min(self.timeout, left)))
            except (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError) as exc:
                spent = time.monotonic() - started
                if last or spent + _backoff(attempt) >= self.deadline or (
                        isinstance(exc, httpx.ConnectError) and not retry_connect):
                    raise GuardError(
                        f"cannot reach {url}: {type(exc).__name__}: {exc} (gave up after {attempt + 1} "
                        f"attempt{'s' if attempt else ''} in {spent:.1f} s; timeout {self.timeout:g} s per attempt, "
                        f"deadline {self.deadline:g} s per request)",
                        hint="is the server running, and is the URL right (it usually ends in /v1)? Shorten the wait "
                             "with --model-option timeout=S, retries=N or deadline=S",
                    ) from None
                delay = _backoff(attempt)
            except (httpx.HTTPError, httpx.InvalidURL) as exc:  # bad URL or protocol: retrying cannot help
                raise GuardError(f"cannot reach {url}: {type(exc).__name__}: {exc}") from None
            else:
                if response.status_code < 400:
                    try:
                        return response.json()
                    except ValueError:
                        raise GuardError(
                            f"{method} {url} returned non-JSON: {response.text[:200]!r}",
                            hint="is this an OpenAI-compatible API?",
                        ) from None
                if response.status_code not in _RETRY_STATUSES or last:
                    tries = f" after {attempt + 1} attempts" if attempt else ""
                    auth = response.status_code in (401, 403)
                    raise _StatusError(
                        f"{method} {url} failed{tries}: HTTP {response.status_code}: {_error_text(response)}",
                        response.status_code,
                        hint="set GUARD_HTTP_API_KEY (or OPENAI_API_KEY) to the server's key" if auth else None,
                    )
                delay = _retry_after(response) if "retry-after" in response.headers else _backoff(attempt)
                if time.monotonic() - started + delay >= self.deadline:
                    raise _StatusError(
                        f"{method} {url} failed after {attempt + 1} attempts: HTTP {response.status_code}: "
                        f"{_error_text(response)} (the next retry would pass the {self.deadline:g} s deadline)",
                        response.status_code)
            if stop is not None and stop.wait(delay):
                raise GuardError(f"{method} {url} abandoned: another request in the batch failed")
            if stop is None:
                time.sleep(delay)
        raise AssertionError("unreachable")  # pragma: no cover

    def _discover_model(self, wanted: str | None) -> str:
        """``GET /models``: the single served model, or check that ``#MODEL`` is among them."""
        try:
            listing = self._request("GET", "/models", retry_connect=False)
        except _StatusError as exc:
            if wanted and exc.status in (404, 405):
                return wanted  # the server lists nothing; trust the name the user gave
            raise
        data = listing.get("data") if isinstance(listing, dict) else None
        served = [str(m["id"]) for m in (data or []) if isinstance(m, dict) and m.get("id")]
        if wanted:
            if served and wanted not in served:
                raise GuardError(f"{self.base_url} does not serve model '{wanted}'", hint=did_you_mean(wanted, served))
            return wanted
        if len(served) == 1:
            return served[0]
        if not served:
            raise GuardError(f"{self.base_url}/models lists no served model", hint="name one: http:URL#MODEL")
        raise GuardError(
            f"{self.base_url} serves {len(served)} models: {', '.join(served[:10])}",
            hint="pick one: http:URL#MODEL",
        )

    def _first_choice(self, response: dict[str, Any]) -> dict[str, Any]:
        choices = response.get("choices") if isinstance(response, dict) else None
        if not choices or not isinstance(choices[0], dict):
            raise GuardError(f"{self.base_url}: response has no choices: {str(response)[:200]}")
        return choices[0]


def _backoff(attempt: int) -> float:
    """Exponential backoff with a little jitter so concurrent retries do not arrive together."""
    delay = min(_MAX_DELAY, _BACKOFF_BASE * 2**attempt)
    return delay * random.uniform(0.9, 1.1)


def _retry_after(response: httpx.Response) -> float:
    """The server's ``Retry-After`` (seconds or an HTTP date), capped; backoff if unparseable."""
    value = response.headers.get("retry-after", "").strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
            seconds = when.timestamp() - time.time()
        except (TypeError, ValueError, IndexError):
            seconds = _BACKOFF_BASE
    return min(_MAX_DELAY, max(0.0, seconds))


def _error_text(response: httpx.Response) -> str:
    """The server's own error message (OpenAI ``{"error": {"message"}}`` or FastAPI ``detail``), 200 chars."""
    try:
        data = response.json()
        if isinstance(data, dict):
            err = data.get("error")
            text = err.get("message") if isinstance(err, dict) else err or data.get("message") or data.get("detail")
            if text:
                return str(text)[:200]
    except ValueError:
        pass
    return (response.text or response.reason_phrase or "").strip()[:200]
