"""The wire under the ``http:`` adapter: one event loop, pooled connections, retries, replicas.

Why not a thread per request over ``httpx.Client`` (the first design): with 32-64 requests in flight,
every request's client-side Python work (building, sending, parsing) serialised on the GIL across as
many threads, and concurrency 64 reached only 0.59 of the throughput it allows against a 200 ms
server. ``httpx.AsyncClient`` is worse at that concurrency (encode/httpx#3215: its connection pool
does work per waiting request). So requests run as coroutines on one event loop in a background
thread, over an ``aiohttp`` session whose connector is sized to the concurrency; the loop lives as
long as the adapter, so connections stay alive from one batch to the next, and a caller that is
itself inside an event loop (a notebook) can still call the adapter.

Several endpoints (replicas of one model behind no load balancer) share the requests: each takes at
most ``concurrency`` at once, a request goes to the least busy replica that is not cooling down, and a
request that fails on a replica (network error, timeout, 408/429/5xx) is retried at once on another
one, or after a backoff when there is no other. A failing replica cools down (exponential, or the
server's ``Retry-After``) before it gets new requests, unless every replica is failing.
"""

from __future__ import annotations

import asyncio
import email.utils
import json as jsonlib
import queue
import random
import threading
import time
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import aiohttp

from guard._secrets import mask
from guard.errors import GuardError
from guard.models.base import ProgressCallback

T = TypeVar("T")
BACKOFF_BASE = 0.2  # seconds before the first retry; doubles each attempt
MAX_DELAY = 30.0  # cap on any single wait, including a server's Retry-After
RETRY_STATUSES = frozenset({408, 429}) | frozenset(range(500, 600))
_TRANSIENT = (asyncio.TimeoutError, aiohttp.ClientConnectionError, aiohttp.ClientPayloadError)  # worth another try
_WAIT_HINT = "Shorten the wait with --model-option timeout=S, retries=N or deadline=S"


class StatusError(GuardError):
    """An HTTP error status that survived the retries; keeps the status so callers can react."""

    def __init__(self, message: str, status: int, **kwargs: Any):
        self.status = status
        super().__init__(message, **kwargs)


@dataclass
class Endpoint:
    """One replica: its base URL and what the dispatcher knows of its health."""

    url: str
    in_flight: int = 0
    served: int = 0
    failures: int = 0  # consecutive
    down_until: float = 0.0  # monotonic time before which it gets no new request (if another can take it)


class Transport:
    """Requests with retries over one or more endpoints, from any thread, on one background event loop."""

    def __init__(
        self, urls: Sequence[str], *, concurrency: int, retries: int, timeout: float, deadline: float,
        headers: dict[str, str],
    ):
        self.endpoints = [Endpoint(url) for url in urls]
        self.concurrency, self.retries, self.timeout, self.deadline = concurrency, retries, timeout, deadline
        self._headers = headers
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._session: Any = None
        self._changed: asyncio.Event | None = None  # set whenever a slot frees or an endpoint's health changes
        self._start_lock = threading.Lock()

    @property
    def capacity(self) -> int:
        """Requests in flight at most: ``concurrency`` per endpoint."""
        return self.concurrency * len(self.endpoints)

    # -- the loop and its thread ---------------------------------------------------------------

    def _ensure_loop(self) -> asyncio.AbstractEventLoop:
        with self._start_lock:
            if self._loop is None:
                loop = asyncio.new_event_loop()
                thread = threading.Thread(target=loop.run_forever, name="guard-http", daemon=True)
                thread.start()
                self._loop, self._thread = loop, thread
                asyncio.run_coroutine_threadsafe(self._open(), loop).result()
            return self._loop

    async def _open(self) -> None:
        connector = aiohttp.TCPConnector(limit=self.capacity, limit_per_host=0, ttl_dns_cache=300)
        self._session = aiohttp.ClientSession(connector=connector, headers=self._headers, trust_env=True,
                                              json_serialize=jsonlib.dumps)
        self._changed = asyncio.Event()

    def call(self, coro: Coroutine[Any, Any, T]) -> T:
        """Run one coroutine on the loop and wait for it (Ctrl-C cancels it)."""
        future = asyncio.run_coroutine_threadsafe(coro, self._ensure_loop())
        try:
            return future.result()
        except BaseException:
            future.cancel()
            raise

    def map(self, fn: Callable[[Any], Awaitable[Any]], items: Sequence[Any],
            progress: ProgressCallback | None = None, sizes: Sequence[int] | None = None) -> list[Any]:
        """``fn`` over items, ``capacity`` at a time, results in input order; the first failure cancels
        the rest and is raised. ``progress(sizes[i])`` runs in the calling thread as item i finishes."""
        if not items:
            return []
        done: queue.SimpleQueue[int | None] = queue.SimpleQueue()
        future = asyncio.run_coroutine_threadsafe(self._map(fn, items, done, sizes), self._ensure_loop())
        try:
            if progress is not None:
                while (finished := done.get()) is not None:
                    progress(finished)
            return future.result()
        except BaseException:
            future.cancel()
            raise

    async def _map(self, fn: Callable[[Any], Awaitable[Any]], items: Sequence[Any],
                   done: queue.SimpleQueue[int | None], sizes: Sequence[int] | None) -> list[Any]:
        results: list[Any] = [None] * len(items)
        indices = iter(range(len(items)))

        async def worker() -> None:
            for i in indices:  # shared: each index goes to exactly one worker
                results[i] = await fn(items[i])
                done.put(sizes[i] if sizes is not None else 1)

        tasks = [asyncio.ensure_future(worker()) for _ in range(min(self.capacity, len(items)))]
        try:
            finished, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
            for task in finished:
                if task.exception() is not None:
                    raise task.exception()  # type: ignore[misc]
            return results
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            done.put(None)

    def close(self) -> None:
        """Close the connections and stop the loop; the transport cannot be used afterwards."""
        loop, thread = self._loop, self._thread
        if loop is None or thread is None:
            return
        if self._session is not None:
            try:
                asyncio.run_coroutine_threadsafe(self._session.close(), loop).result(5)
            except Exception:  # noqa: BLE001 - closing must not hide the caller's own error
                pass
        loop.call_soon_threadsafe(loop.stop)
        thread.join(5)
        if not thread.is_alive():
            loop.close()
        self._loop = self._thread = self._session = None

    # -- choosing a replica --------------------------------------------------------------------

    async def _acquire(self, avoid: Endpoint | None) -> Endpoint:
        """The least busy endpoint with a free slot that is not cooling down (nor ``avoid``, if another
        can take it); waits for one. When every endpoint is cooling down, any free one is used."""
        assert self._changed is not None
        while True:
            now = time.monotonic()
            free = [e for e in self.endpoints if e.in_flight < self.concurrency]
            up = [e for e in free if e.down_until <= now]
            pick = [e for e in up if e is not avoid] or up
            if not pick and all(e.down_until > now for e in self.endpoints):
                pick = free
            if pick:  # no await between the check and taking the slot: the loop is single-threaded
                chosen = min(pick, key=lambda e: (e.in_flight, e.served))
                chosen.in_flight += 1
                chosen.served += 1
                return chosen
            cooling = [e.down_until - now for e in self.endpoints if e.down_until > now]
            self._changed.clear()
            try:
                await asyncio.wait_for(self._changed.wait(), min(cooling) if cooling else None)
            except asyncio.TimeoutError:  # not the builtin TimeoutError before Python 3.11
                pass

    def _release(self, endpoint: Endpoint, *, failed: bool = False, cool: float | None = None) -> None:
        """Give the slot back; a failure (or a server's ``Retry-After``) cools the endpoint down."""
        endpoint.in_flight -= 1
        if failed:
            endpoint.failures += 1
            wait = cool if cool is not None else BACKOFF_BASE * 2 ** (endpoint.failures - 1)
            endpoint.down_until = time.monotonic() + min(MAX_DELAY, wait)
        else:
            endpoint.failures, endpoint.down_until = 0, 0.0
        if self._changed is not None:
            self._changed.set()

    def _another_is_up(self, endpoint: Endpoint) -> bool:
        now = time.monotonic()
        return any(e is not endpoint and e.down_until <= now for e in self.endpoints)

    # -- one request ---------------------------------------------------------------------------

    async def _send(self, endpoint: Endpoint, method: str, url: str, body: bytes | None,
                    seconds: float) -> tuple[int, bytes, str | None, str]:
        """One attempt: status, body, Retry-After and reason; the slot is given back whatever happens
        except a transient failure, which the caller reports with ``_release(failed=True)``."""
        headers = {"Content-Type": "application/json"} if body is not None else None
        try:
            timeout = aiohttp.ClientTimeout(total=max(0.001, seconds))
            async with self._session.request(method, url, data=body, headers=headers, timeout=timeout) as response:
                raw = await response.read()
                return response.status, raw, response.headers.get("retry-after"), response.reason or ""
        except _TRANSIENT:
            raise
        except BaseException:  # a bad URL or protocol, or the batch was cancelled: not the endpoint's fault
            self._release(endpoint)
            raise

    async def request(self, method: str, path: str, *, json: Any = None, only: Endpoint | None = None,
                      retries: int | None = None) -> dict[str, Any]:
        """One request with retries on transient failures (network, timeout, 408/429/5xx), moving to
        another endpoint after each failure when there is one. ``only`` pins it to one endpoint and
        does not retry a refused connection (used to check each endpoint when the model loads)."""
        retries = self.retries if retries is None else retries
        body = jsonlib.dumps(json).encode() if json is not None else None
        started: float | None = None
        avoid: Endpoint | None = None
        tried: list[str] = []
        for attempt in range(retries + 1):
            if only is not None:
                endpoint = only
                endpoint.in_flight += 1
            else:
                endpoint = await self._acquire(avoid)
            started = time.monotonic() if started is None else started  # waiting for a first slot is free
            url = endpoint.url + path
            if url not in tried:
                tried.append(url)
            left = self.deadline - (time.monotonic() - started)
            last = attempt == retries
            try:
                status, raw, retry_after, reason = await self._send(
                    endpoint, method, url, body, min(self.timeout, left))
            except _TRANSIENT as exc:
                self._release(endpoint, failed=True)
                spent = time.monotonic() - started
                delay = 0.0 if only is None and self._another_is_up(endpoint) else backoff(attempt)
                refused = isinstance(exc, aiohttp.ClientConnectorError) and only is not None
                if last or spent + delay >= self.deadline or refused:
                    what = f"{type(exc).__name__}: {exc}" if str(exc) else f"{type(exc).__name__} (no answer in time)"
                    raise GuardError(
                        f"cannot reach {mask(url)}: {mask(what)} (gave up after {_attempts(attempt)} in {spent:.1f} s"
                        f"{_on(tried)}; timeout {self.timeout:g} s per attempt, deadline {self.deadline:g} s "
                        f"per request)",
                        hint="is the server running, and is the URL right (it usually ends in /v1)? " + _WAIT_HINT,
                    ) from None
            except (aiohttp.ClientError, ValueError) as exc:  # bad URL or protocol: retrying cannot help
                raise GuardError(f"cannot reach {mask(url)}: {type(exc).__name__}: {mask(str(exc))}") from None
            else:
                if status < 400:
                    self._release(endpoint)
                    try:
                        return jsonlib.loads(raw)
                    except ValueError:
                        raise GuardError(f"{method} {mask(url)} returned non-JSON: {raw[:200]!r}",
                                         hint="is this an OpenAI-compatible API?") from None
                retryable = status in RETRY_STATUSES
                pause = retry_after_seconds(retry_after) if retry_after is not None else None
                if retryable:
                    self._release(endpoint, failed=True, cool=pause)
                else:
                    self._release(endpoint)  # the request's fault, not the endpoint's
                text = error_text(raw, reason)
                if not retryable or last:
                    auth = status in (401, 403)
                    raise StatusError(
                        f"{method} {mask(url)} failed{' after ' + _attempts(attempt) if attempt else ''}{_on(tried)}: "
                        f"HTTP {status}: {text}", status,
                        hint="set GUARD_HTTP_API_KEY (or OPENAI_API_KEY) to the server's key" if auth else None,
                    )
                another = only is None and self._another_is_up(endpoint)
                delay = 0.0 if another else (pause if pause is not None else backoff(attempt))
                if time.monotonic() - started + delay >= self.deadline:
                    raise StatusError(
                        f"{method} {mask(url)} failed after {_attempts(attempt)}{_on(tried)}: HTTP {status}: {text} "
                        f"(the next retry would pass the {self.deadline:g} s deadline)", status)
            avoid = endpoint
            if delay:
                await asyncio.sleep(delay)
        raise AssertionError("unreachable")  # pragma: no cover


def _attempts(attempt: int) -> str:
    return f"{attempt + 1} attempt{'s' if attempt else ''}"


def _on(tried: list[str]) -> str:
    return f" on {len(tried)} endpoints" if len(tried) > 1 else ""


def backoff(attempt: int) -> float:
    """Exponential backoff with a little jitter so concurrent retries do not arrive together."""
    delay = min(MAX_DELAY, BACKOFF_BASE * 2**attempt)
    return delay * random.uniform(0.9, 1.1)


def retry_after_seconds(value: str) -> float:
    """A ``Retry-After`` header (seconds or an HTTP date), capped; the base backoff if unparseable."""
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            seconds = email.utils.parsedate_to_datetime(value).timestamp() - time.time()
        except (TypeError, ValueError, IndexError):
            seconds = BACKOFF_BASE
    return min(MAX_DELAY, max(0.0, seconds))


def error_text(raw: bytes, reason: str) -> str:
    """The server's own error message (OpenAI ``{"error": {"message"}}`` or FastAPI ``detail``), 200 chars."""
    try:
        data = jsonlib.loads(raw)
        if isinstance(data, dict):
            err = data.get("error")
            text = err.get("message") if isinstance(err, dict) else err or data.get("message") or data.get("detail")
            if text:
                return str(text)[:200]
    except ValueError:
        pass
    return (raw.decode("utf-8", "replace") or reason).strip()[:200]
