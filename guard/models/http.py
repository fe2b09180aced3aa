"""An OpenAI-compatible endpoint (vLLM, TGI, SGLang, llama.cpp server) as the model under test.

The endpoint has no files, so its fingerprint is its identity (base URLs + served model name),
recorded as ``fingerprint_kind = "identity"``: a report can say honestly that the weights behind
the URL were not hashed. ``http:URL1,URL2#MODEL`` names replicas of one model behind no load balancer;
the fingerprint covers the set of URLs (sorted, so their order does not matter) and the model, never
which replica answered a request. Requests run concurrently on one event loop
(``guard.models._http_transport``), ``concurrency`` per endpoint; transient failures are retried,
on another replica when there is one, and anything that still fails becomes a one-line ``GuardError``.

With ``batch_prompts=N`` (N > 1) up to N prompts go in one ``/completions`` request as a list
``prompt`` (vLLM's server takes one; llama.cpp's and chat endpoints do not): checked when the model
loads, and fewer requests leave the server's batcher more to work with.
"""

from __future__ import annotations

import os
import weakref
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

from guard._secrets import mask
from guard.errors import GuardError, did_you_mean
from guard.models._http_transport import StatusError, Transport
from guard.models.base import AdapterBase, Capability, GenerationConfig, ProgressCallback, fingerprint_text

_IGNORED_OPTIONS = frozenset({"batch_size", "device"})  # generic runner options with no meaning here
_OPTIONS = ("concurrency", "retries", "timeout", "deadline", "api_key", "batch_prompts", "extra_body",
            "echo_max_tokens")
_OWN_FIELDS = frozenset({"model", "prompt", "messages", "max_tokens", "temperature", "top_p", "seed", "stop", "echo",
                         "logprobs"})
_ECHO_HINT = "loglikelihood needs /completions with echo=true and logprobs (vLLM supports it; many servers do not)"
_StatusError = StatusError  # the name callers used before the transport moved out


def load_http(
    target: str,
    *,
    spec: str,
    concurrency: int = 8,
    retries: int = 4,
    timeout: float = 60.0,
    deadline: float | None = None,
    api_key: str | None = None,
    batch_prompts: int = 1,
    extra_body: str | dict[str, Any] | None = None,
    echo_max_tokens: int = 0,
    **options: Any,
) -> HTTPAdapter:
    """Connect to ``URL[,URL...][#MODEL]``, check every endpoint answers, and pick the served model."""
    unknown = set(options) - _IGNORED_OPTIONS
    if unknown:
        name = sorted(unknown)[0]
        raise GuardError(f"unknown option '{name}' for an http: model", hint=did_you_mean(name, _OPTIONS))
    urls, _, model = target.partition("#")
    base_urls = parse_urls(urls)
    key = api_key or os.environ.get("GUARD_HTTP_API_KEY") or os.environ.get("OPENAI_API_KEY")
    if key and any(urlsplit(u).username or urlsplit(u).password for u in base_urls):
        # aiohttp refuses credentials in a URL together with an Authorization header, deep in the first request.
        raise GuardError("an http: model takes credentials in its URL or an API key, not both",
                         hint="drop user:password@ from the URL, or unset api_key, GUARD_HTTP_API_KEY, OPENAI_API_KEY")
    adapter = HTTPAdapter(
        base_urls, model or None, spec=spec, concurrency=concurrency, retries=retries, timeout=timeout,
        deadline=deadline, api_key=key, batch_prompts=batch_prompts, extra_body=_extra_body(extra_body),
        echo_max_tokens=echo_max_tokens,
    )
    try:
        adapter.model = adapter._discover_model(model or None)
        if adapter.batch_prompts > 1:
            adapter._check_list_prompts()
    except BaseException:
        adapter.close()
        raise
    return adapter


_EXTRA_HINT = """e.g. extra_body='{"repeat_penalty": 1.0}'"""


def _extra_body(value: str | dict[str, Any] | None) -> dict[str, Any]:
    """``extra_body``: a JSON object of server-specific fields added to every generation request (e.g.
    ``{"repeat_penalty": 1.0}`` for llama.cpp, whose default 1.1 makes greedy decoding non-greedy)."""
    if value is None:
        return {}
    if isinstance(value, str):
        import json

        try:
            value = json.loads(value)
        except ValueError as exc:
            raise GuardError(f"extra_body is not JSON: {exc}", hint=_EXTRA_HINT) from None
    if not isinstance(value, dict):
        raise GuardError("extra_body must be a JSON object", hint=_EXTRA_HINT)
    clash = sorted(set(value) & _OWN_FIELDS)
    if clash:
        raise GuardError(f"extra_body sets '{clash[0]}', which guard sets itself",
                         hint="decoding settings come from the suite (max_new_tokens, temperature, ...)")
    return dict(value)


def parse_urls(text: str) -> list[str]:
    """``URL`` or ``URL1,URL2,...`` (replicas), each normalised; empty or repeated entries are errors."""
    urls: list[str] = []
    for piece in text.split(","):
        if not piece.strip():
            raise GuardError(f"empty endpoint in '{mask(text)}'", hint="write http:URL1,URL2#MODEL with no empty entry")
        url = _normalise_url(piece)
        if url in urls:
            raise GuardError(f"endpoint {mask(url)} is listed twice", hint="name each replica once")
        urls.append(url)
    return urls


def _normalise_url(url: str) -> str:
    """Accept ``http://h:p``, ``//h:p`` (from a spec written ``http://h:p``) or ``h:p``; append /v1 to a bare host."""
    url = url.strip()
    if url.startswith("//"):
        url = "http:" + url
    elif "://" not in url:
        url = "http://" + url
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise GuardError(f"not an http(s) URL: '{mask(url)}'", hint="write http:http://HOST:PORT/v1[#MODEL]")
    url = url.rstrip("/")
    return url + "/v1" if parts.path in ("", "/") else url


class HTTPAdapter(AdapterBase):
    """Generation and log-likelihood through an OpenAI-compatible HTTP API (one or more replicas)."""

    kind = "http"
    fingerprint_kind = "identity"
    capabilities = frozenset({Capability.GENERATE, Capability.LOGLIKELIHOOD})

    def __init__(
        self,
        base_url: str | Sequence[str],
        model: str | None,
        *,
        spec: str,
        concurrency: int = 8,
        retries: int = 4,
        timeout: float = 60.0,
        deadline: float | None = None,
        api_key: str | None = None,
        batch_prompts: int = 1,
        extra_body: dict[str, Any] | None = None,
        echo_max_tokens: int = 0,
    ):
        try:
            self.concurrency, self.retries, self.timeout = _int(concurrency), _int(retries), float(timeout)
            self.batch_prompts = _int(batch_prompts)
            # One request, retries included, never takes longer than this (default: every attempt's timeout).
            self.deadline = float(deadline) if deadline is not None else self.timeout * (self.retries + 1)
        except (TypeError, ValueError) as exc:
            raise GuardError(f"bad option for http model: {exc}") from None
        if self.concurrency < 1 or self.retries < 0 or self.timeout <= 0 or self.deadline <= 0:
            raise GuardError("http model needs concurrency >= 1, retries >= 0, timeout > 0 and deadline > 0")
        if echo_max_tokens not in (0, 1) or isinstance(echo_max_tokens, bool):
            raise GuardError("http model needs echo_max_tokens 0 or 1 (tokens generated after a scored prompt)",
                             hint="1 for llama.cpp servers, which read max_tokens=0 as 'until the context is full'")
        if self.batch_prompts < 1:
            raise GuardError("http model needs batch_prompts >= 1 (1: one prompt per request)")
        self.base_urls = (base_url,) if isinstance(base_url, str) else tuple(base_url)
        self.spec, self.base_url, self.model = spec, ",".join(self.base_urls), model or ""
        self.extra_body = dict(extra_body or {})
        # max_tokens of a loglikelihood request: 0 (vLLM) becomes 1 once the server refuses 0 or reads it as
        # "no limit"; echo_max_tokens=1 starts there (llama.cpp, which may fail at the context's end first).
        self._ll_max_tokens = int(echo_max_tokens)
        self._ll_checked = self._ll_max_tokens == 1  # whether the server's reading of max_tokens=0 is known
        headers = {"User-Agent": "rai-guard"}
        if api_key:
            headers["Authorization"] = f"Bearer {api_key}"
        self._transport = Transport(self.base_urls, concurrency=self.concurrency, retries=self.retries,
                                    timeout=self.timeout, deadline=self.deadline, headers=headers)
        weakref.finalize(self, self._transport.close)  # an adapter nobody closed still closes its connections

    def __repr__(self) -> str:
        return f"HTTPAdapter(base_url={mask(self.base_url)!r}, model={self.model!r})"

    @property
    def fingerprint(self) -> str:
        """The served model at this set of endpoints: which replica answered a request does not enter it
        (replicas serve one model), and one endpoint gives the fingerprint it always had. Credentials in a
        URL (``https://user:TOKEN@host``) do not enter it: they are not the model, and a spec stored with
        them masked (a report, the registry) must recompute the same fingerprint."""
        return fingerprint_text("http", *sorted(mask(url) for url in self.base_urls), self.model)

    def close(self) -> None:
        """Close pooled connections; the adapter cannot be used afterwards."""
        self._transport.close()

    def __enter__(self) -> HTTPAdapter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the model interface -------------------------------------------------------------------

    def generate(
        self, prompts: Sequence[str], config: GenerationConfig, *, progress: ProgressCallback | None = None
    ) -> list[str]:
        common: dict[str, Any] = {
            **self.extra_body,
            "model": self.model,
            "max_tokens": config.max_new_tokens,
            "temperature": config.temperature,
            "top_p": config.top_p,
            "seed": config.seed,
        }
        if config.stop:
            common["stop"] = list(config.stop)
        if config.chat:  # chat endpoints take one conversation per request
            async def chat(group: list[str]) -> list[str]:
                body = {**common, "messages": [{"role": "user", "content": group[0]}]}
                choice = self._first_choice(await self._transport.request("POST", "/chat/completions", json=body))
                return [(choice.get("message") or {}).get("content") or ""]

            return self._batched(chat, [[p] for p in prompts], progress)

        async def complete(group: list[str]) -> list[str]:
            choices = await self._completions(group, common)
            return [choice.get("text") or "" for choice in choices]

        return self._batched(complete, self._groups(list(prompts)), progress)

    def loglikelihood(
        self, requests: Sequence[tuple[str, str]], *, progress: ProgressCallback | None = None
    ) -> list[float]:
        async def score(group: list[tuple[str, str]]) -> list[float]:
            return await self._loglikelihoods(group)

        groups = self._groups(list(requests))
        first: list[float] = []
        if groups and not self._ll_checked:  # alone, so a server that reads max_tokens=0 as "no limit" is
            first = self._transport.call(score(groups[0]))  # found before many requests generate at once
            if progress:
                progress(len(groups[0]))
            groups = groups[1:]
        return first + self._batched(score, groups, progress)

    # -- helpers -------------------------------------------------------------------------------

    def _groups(self, items: list[Any]) -> list[list[Any]]:
        size = self.batch_prompts
        return [items[i : i + size] for i in range(0, len(items), size)]

    def _batched(self, fn: Any, groups: list[list[Any]], progress: ProgressCallback | None) -> list[Any]:
        """Run ``fn`` over groups concurrently; flatten the answers back into input order."""
        answers = self._transport.map(fn, groups, progress, sizes=[len(g) for g in groups])
        return [answer for group in answers for answer in group]

    async def _completions(self, prompts: list[str], common: dict[str, Any]) -> list[dict[str, Any]]:
        """One ``/completions`` request for ``prompts`` (a list ``prompt`` when more than one): the
        choices in prompt order, by their ``index``."""
        return (await self._completions_response(prompts, common))[0]

    async def _completions_response(self, prompts: list[str],
                                    common: dict[str, Any]) -> tuple[list[dict[str, Any]], dict[str, Any]]:
        body = {**common, "prompt": prompts[0] if len(prompts) == 1 else prompts}
        response = await self._transport.request("POST", "/completions", json=body)
        return self._choices(response, len(prompts)), response

    async def _loglikelihoods(self, requests: list[tuple[str, str]]) -> list[float]:
        """lm-eval's "local-completions" recipe: echo the prompt, sum the continuation's token logprobs."""
        # Trailing context whitespace belongs to the continuation's first token (" word" tokens).
        splits = []
        for context, continuation in requests:
            stripped = context.rstrip()
            splits.append((stripped, context[len(stripped) :] + continuation))
        common = {**self.extra_body, "model": self.model, "echo": True, "logprobs": 1, "temperature": 0.0}
        prompts = [c + x for c, x in splits]
        max_tokens = self._ll_max_tokens
        try:
            choices, response = await self._completions_response(prompts, {**common, "max_tokens": max_tokens})
            usage = response.get("usage")
            generated = usage.get("completion_tokens") if isinstance(usage, dict) else None
            if max_tokens == 0 and isinstance(generated, int) and generated > 0:
                self._ll_max_tokens = 1  # llama.cpp reads 0 as "until the context is full": ask for one token
        except StatusError as exc:
            if exc.status not in (400, 422):
                raise
            if max_tokens != 0:
                raise GuardError(exc.message, hint=_ECHO_HINT) from None
            try:  # some servers refuse max_tokens=0; the one generated token is ignored below
                choices = await self._completions(prompts, {**common, "max_tokens": 1})
            except StatusError as exc2:
                raise GuardError(exc2.message, hint=_ECHO_HINT if exc2.status < 500 else None) from None
            self._ll_max_tokens = 1
        self._ll_checked = True
        return [self._continuation_logprob(choice, *split) for choice, split in zip(choices, splits)]

    def _continuation_logprob(self, choice: dict[str, Any], context: str, continuation: str) -> float:
        prompt = context + continuation
        logprobs = choice.get("logprobs") or {}
        values, offsets = logprobs.get("token_logprobs"), logprobs.get("text_offset")
        if not values or not offsets or len(values) != len(offsets):
            raise GuardError(f"{mask(self.base_url)}/completions returned no echo logprobs", hint=_ECHO_HINT)
        if min(offsets) >= len(prompt) and prompt:
            raise GuardError(f"{mask(self.base_url)}/completions did not echo the prompt's logprobs", hint=_ECHO_HINT)
        start, end = len(context), len(prompt)
        picked = [lp for lp, off in zip(values, offsets) if start <= off < end and lp is not None]
        if continuation and not picked:
            raise GuardError(
                f"{mask(self.base_url)}: no token starts inside the continuation {continuation[:40]!r}",
                hint="the context and continuation share a token; split them on a token boundary",
            )
        return float(sum(picked))

    def _request(self, method: str, path: str, *, json: Any = None) -> dict[str, Any]:
        """One request with retries, from synchronous code (any endpoint)."""
        return self._transport.call(self._transport.request(method, path, json=json))

    def _discover_model(self, wanted: str | None) -> str:
        """``GET /models`` on every endpoint: the single served model, or check that ``#MODEL`` is among
        them; replicas must agree."""
        chosen: dict[str, str] = {}
        for endpoint in self._transport.endpoints:
            chosen[mask(endpoint.url)] = self._discover_one(endpoint, wanted)
        if len(set(chosen.values())) > 1:
            listing = ", ".join(f"{url} serves '{name}'" for url, name in chosen.items())
            raise GuardError(f"the endpoints serve different models: {listing}",
                             hint="replicas must serve one model; name it: http:URL1,URL2#MODEL")
        return next(iter(chosen.values()))

    def _discover_one(self, endpoint: Any, wanted: str | None) -> str:
        url = mask(endpoint.url)  # for messages
        try:
            listing = self._transport.call(self._transport.request("GET", "/models", only=endpoint))
        except StatusError as exc:
            if wanted and exc.status in (404, 405):
                return wanted  # the server lists nothing; trust the name the user gave
            raise
        data = listing.get("data") if isinstance(listing, dict) else None
        served = [str(m["id"]) for m in (data or []) if isinstance(m, dict) and m.get("id")]
        if wanted:
            if served and wanted not in served:
                raise GuardError(f"{url} does not serve model '{wanted}'", hint=did_you_mean(wanted, served))
            return wanted
        if len(served) == 1:
            return served[0]
        if not served:
            raise GuardError(f"{url}/models lists no served model", hint="name one: http:URL#MODEL")
        raise GuardError(f"{url} serves {len(served)} models: {', '.join(served[:10])}",
                         hint="pick one: http:URL#MODEL")

    def _check_list_prompts(self) -> None:
        """``batch_prompts`` > 1: each endpoint must answer a two-prompt list with two choices (a
        one-token greedy probe), so a server that cannot is found before any inference."""
        body = {**self.extra_body, "model": self.model, "prompt": ["Hello", "World"], "max_tokens": 1,
                "temperature": 0.0}
        hint = "vLLM's /v1/completions takes a list prompt; llama.cpp's and TGI's do not: drop batch_prompts"
        for endpoint in self._transport.endpoints:
            try:
                response = self._transport.call(
                    self._transport.request("POST", "/completions", json=body, only=endpoint, retries=0))
                self._choices(response, 2)
            except GuardError as exc:
                raise GuardError(f"batch_prompts={self.batch_prompts}: {mask(endpoint.url)}/completions does not "
                                 f"take a "
                                 f"list prompt ({exc.message})", hint=hint) from None

    def _choices(self, response: dict[str, Any], n: int) -> list[dict[str, Any]]:
        """The ``n`` choices of a completions response, ordered by ``index`` (one per prompt)."""
        if n == 1:
            return [self._first_choice(response)]
        choices = response.get("choices") if isinstance(response, dict) else None
        if not isinstance(choices, list) or not all(isinstance(c, dict) for c in choices):
            raise GuardError(f"{mask(self.base_url)}: response has no choices: {str(response)[:200]}")
        indices = [c.get("index") for c in choices]
        if sorted(i for i in indices if isinstance(i, int)) != list(range(n)):
            raise GuardError(f"{mask(self.base_url)}: {len(choices)} choices with indices {indices[:10]} "
                             f"for {n} prompts",
                             hint="the server does not answer a list prompt with one choice per prompt")
        return sorted(choices, key=lambda c: c["index"])

    def _first_choice(self, response: dict[str, Any]) -> dict[str, Any]:
        choices = response.get("choices") if isinstance(response, dict) else None
        if not choices or not isinstance(choices[0], dict):
            raise GuardError(f"{mask(self.base_url)}: response has no choices: {str(response)[:200]}")
        return choices[0]


def _int(value: Any) -> int:
    """An integer option; a float with a fraction (concurrency=2.5) is an error, not truncated."""
    if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
        raise ValueError(f"expected a whole number, got {value!r}")
    return int(value)
