"""The OpenAI chat-completions protocol: the only module that imports the OpenAI SDK.

Serves the OpenAI API, Azure OpenAI (when ``AZURE_OPENAI_API_KEY`` and
``AZURE_OPENAI_ENDPOINT`` are set) and any OpenAI-compatible server (``--base-url`` /
``OPENAI_BASE_URL``: Ollama, vLLM, llama.cpp, LM Studio). Chat requests are retried by our own
loop (``_send``: the SDK's retries are off for them): 429/408/409/5xx, timeouts and lost
connections, honouring Retry-After (bounded: a longer wait fails the chunk instead of stalling
the run), else exponential backoff; a rejected reply format is never retried. (The batch
endpoints keep the SDK's retries.)
errors no retry can fix become one-line ``EngineError``s, errors confined to one request
``ChunkFailed``; any key this transport holds is redacted from every message it makes.
"""
from __future__ import annotations

import asyncio
import logging
import os
import random
from typing import Any, Callable

import openai

from timeline.errors import ChunkFailed, EngineError
from timeline.engines.llm.transports.urls import check_base_url
from timeline.engines.llm.transports import Completion, Request, SchemaRejected, completion_of

log = logging.getLogger(__name__)

AZURE_API_VERSION = "2024-10-21"
_ASKED_HEADER = "x-timeline-retry-after"


class OpenAITransport:
    """``complete(request)`` over an OpenAI-compatible chat-completions endpoint."""

    def __init__(self, options: Any, model: str, client: Any | None = None) -> None:
        self.options = options
        self.model = model
        self._secrets: list[str] = []
        self.client: Any
        self.endpoint: str
        if client is not None:
            self.client, self.endpoint = client, str(getattr(client, "base_url", "the server"))
        else:
            self.client, self.endpoint = self._make_client()
        self._chat = self.client.with_options(max_retries=0) if hasattr(self.client, "with_options") else self.client
        self.sleep: Callable[[float], Any] = asyncio.sleep  # tests may record the waits

    def _make_client(self) -> tuple[Any, str]:
        o = self.options
        azure_key, azure_endpoint = os.environ.get("AZURE_OPENAI_API_KEY"), os.environ.get("AZURE_OPENAI_ENDPOINT")
        client: Any
        if azure_key and azure_endpoint and not o.base_url:
            check_base_url(azure_endpoint, "AZURE_OPENAI_ENDPOINT")
            client = openai.AsyncAzureOpenAI(
                api_key=azure_key, azure_endpoint=azure_endpoint,
                api_version=os.environ.get("OPENAI_API_VERSION") or AZURE_API_VERSION,
                max_retries=o.max_retries, timeout=o.timeout, http_client=self._http_client(),
            )
            self._secrets.append(azure_key)
            return client, azure_endpoint
        base_url = o.base_url or os.environ.get("OPENAI_BASE_URL") or None
        key = os.environ.get("OPENAI_API_KEY")
        if base_url:
            check_base_url(base_url, "--base-url" if o.base_url else "OPENAI_BASE_URL")
        if not key and not base_url:
            raise EngineError(
                "--engine openai needs OPENAI_API_KEY (or --base-url / OPENAI_BASE_URL for a local server); "
                "use --engine local to run offline"
            )
        client = openai.AsyncOpenAI(
            api_key=key or "not-needed", base_url=base_url, max_retries=o.max_retries, timeout=o.timeout,
            http_client=self._http_client(),
        )
        if key:
            self._secrets.append(key)
        return client, base_url or "https://api.openai.com/v1"

    def _http_client(self) -> Any:
        """The SDK's default HTTP client, with Retry-After bounded by ``max_retry_wait`` seconds."""
        return openai.DefaultAsyncHttpxClient(event_hooks={"response": [_bounded_retry_after(self._max_wait())]})

    def _max_wait(self) -> float:
        return float(self.options.max_retry_wait)

    async def aclose(self) -> None:
        await self.client.close()

    async def _send(self, request: Request) -> Any:
        """One chat request, retried by us: up to ``max_retries`` more tries after a 429, 408,
        409, 5xx, timeout or lost connection; the wait is the server's Retry-After when it
        gives one (over ``max_retry_wait`` the chunk fails now), else 0.5 s doubling to 8 s."""
        retries = max(0, int(self.options.max_retries))
        for attempt in range(retries + 1):
            try:
                return await self._chat.chat.completions.create(**request.as_dict())
            except openai.APIStatusError as exc:
                if not request.plain and _rejects_response_format(exc):
                    raise
                if exc.status_code not in (408, 409, 429) and exc.status_code < 500:
                    raise
                if exc.status_code == 429 and getattr(exc, "code", None) == "insufficient_quota":
                    raise
                asked = _retry_after(exc.response.headers)
                if asked is not None and asked > self._max_wait():
                    log.info("server asked to wait %gs (over the %gs limit): not retrying this request",
                             asked, self._max_wait())
                    raise _AskedToWait(exc, asked) from exc
                if attempt == retries:
                    raise
                wait = asked if asked is not None else _backoff(attempt)
            except (openai.APITimeoutError, openai.APIConnectionError):
                if attempt == retries:
                    raise
                wait = _backoff(attempt)
            log.debug("retrying a chat request in %.2gs (try %d of %d)", wait, attempt + 2, retries + 1)
            await self.sleep(wait)
        raise AssertionError("unreachable")  # pragma: no cover

    async def complete(self, request: Request) -> Completion:
        try:
            response = await self._send(request)
        except _AskedToWait as exc:
            raise ChunkFailed(f"rate limited ({exc.status}): the server asked to wait {exc.seconds:g}s, over the "
                              f"{self._max_wait():g}s limit; run again later", attempts=exc.attempts) from exc
        except openai.APIStatusError as exc:
            if not request.plain and _rejects_response_format(exc):
                raise SchemaRejected(_short(str(getattr(exc, "message", "") or exc))) from exc
            raise self._error(exc) from exc
        except openai.OpenAIError as exc:
            raise self._error(exc) from exc
        except ValueError as exc:  # a 200 whose body is not JSON (JSONDecodeError is a ValueError)
            raise ChunkFailed(f"the server's reply is not a chat completion ({_short(str(exc))})") from exc
        if not hasattr(response, "model_dump"):
            log.debug("unexpected reply body: %r", response)
            raise ChunkFailed(f"the server's reply is not a chat completion ({_short(repr(response), 60)})")
        return completion_of(response.model_dump(exclude_none=True))

    def _error(self, exc: Exception) -> Exception:
        """A one-line EngineError for what stops the run, a ChunkFailed for what stops one chunk;
        any API key this transport holds is redacted from the message (servers may echo it)."""
        made = self._classify(exc)
        text = str(made)
        for secret in self._secrets:
            if secret and len(secret) >= 4 and secret in text:
                text = text.replace(secret, "[redacted key]")
        if text == str(made):
            return made
        if isinstance(made, ChunkFailed):
            return ChunkFailed(text, attempts=made.attempts)
        return type(made)(text)

    def _classify(self, exc: Exception) -> Exception:
        retries, where = self.options.max_retries, self.endpoint
        if isinstance(exc, openai.AuthenticationError):
            return EngineError(f"{where} rejected the API key (401): check OPENAI_API_KEY")
        if isinstance(exc, openai.PermissionDeniedError):
            return EngineError(f"{where} denied access (403) to model {self.model!r}")
        if isinstance(exc, openai.NotFoundError):
            return EngineError(f"model {self.model!r} not found (404) at {where}: check --model / TIMELINE_MODEL")
        if isinstance(exc, openai.RateLimitError):
            if getattr(exc, "code", None) == "insufficient_quota":
                return EngineError(f"{where}: quota exhausted (429 insufficient_quota); check your plan and billing")
            asked = exc.response.headers.get(_ASKED_HEADER) if getattr(exc, "response", None) is not None else None
            if asked:
                return ChunkFailed(f"rate limited (429): the server asked to wait {asked}s, over the "
                                   f"{self._max_wait():g}s limit; run again later", attempts=1)
            return ChunkFailed(f"rate limited (429) after {retries} retries; run again later or lower --concurrency",
                               attempts=retries + 1)
        if isinstance(exc, openai.APITimeoutError):
            return ChunkFailed(f"timed out after {self.options.timeout:g}s ({retries} retries)", attempts=retries + 1)
        if isinstance(exc, openai.APIConnectionError):
            cause = exc.__cause__ or exc
            if not _cannot_connect(exc):  # reached the server, then lost the connection: this chunk only
                return ChunkFailed(f"connection lost ({type(cause).__name__}: {_short(str(cause))}) "
                                   f"after {retries} retries", attempts=retries + 1)
            return EngineError(f"cannot reach {where} ({type(cause).__name__}: {cause}); "
                               "check --base-url / OPENAI_BASE_URL")
        if isinstance(exc, openai.APIStatusError):
            return ChunkFailed(f"server answered {exc.status_code} ({_short(exc.message)})", attempts=retries + 1)
        return ChunkFailed(f"{type(exc).__name__}: {_short(str(exc))}", attempts=1)


MAX_RETRY_WAIT = 30.0  # a Retry-After longer than this fails the chunk instead of stalling the run


def _bounded_retry_after(cap: float) -> Callable[[Any], Any]:
    """An httpx response hook: a Retry-After over ``cap`` seconds stops the SDK's retries of that
    request (it fails its chunk now) instead of stalling the run; shorter ones are honoured."""

    async def hook(response: Any) -> None:
        for name, divisor in (("retry-after-ms", 1000.0), ("retry-after", 1.0)):
            value = response.headers.get(name)
            if value is None:
                continue
            try:
                seconds = float(value) / divisor
            except ValueError:
                continue
            if seconds > cap:
                log.info("server asked to wait %gs (over the %gs limit): not retrying this request", seconds, cap)
                response.headers[_ASKED_HEADER] = f"{seconds:g}"
                response.headers.pop("retry-after-ms", None)
                response.headers["x-should-retry"] = "false"
            return

    return hook


class _AskedToWait(Exception):
    """The server asked for a wait longer than ``max_retry_wait``: the chunk fails now."""

    def __init__(self, exc: Any, seconds: float) -> None:
        super().__init__(f"asked to wait {seconds:g}s")
        self.status, self.seconds, self.attempts = exc.status_code, seconds, 1


def _retry_after(headers: Any) -> float | None:
    """The wait a response asks for, in seconds (``retry-after-ms``, else ``Retry-After`` in seconds)."""
    asked = headers.get(_ASKED_HEADER)  # set by the batch client's hook on the shared HTTP client
    if asked:
        return float(asked)
    for name, divisor in (("retry-after-ms", 1000.0), ("retry-after", 1.0)):
        value = headers.get(name)
        if value is None:
            continue
        try:
            return float(value) / divisor
        except ValueError:
            continue
    return None


def _backoff(attempt: int) -> float:
    """0.5 s doubling per try, at most 8 s, with up to 25% jitter."""
    return min(8.0, 0.5 * 2 ** attempt) * (1 - 0.25 * random.random())


def _cannot_connect(exc: BaseException) -> bool:
    """True when the cause chain says the server could not be reached at all (refused, DNS, connect timeout)."""
    seen: BaseException | None = exc
    while seen is not None:
        if type(seen).__name__ in ("ConnectError", "ConnectTimeout", "gaierror", "ConnectionRefusedError"):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


_FORMAT_WORDS = ("response_format", "json_schema", "json_object", "input should be 'text'")


def _rejects_response_format(exc: Exception) -> bool:
    """True when a 400, 422 or 500 says the server does not take the reply format asked for:
    OpenAI's 400, a FastAPI 422, llama-cpp-python's 500 with a pydantic validation error
    ("response_format.type: Input should be 'text' or 'json_object'")."""
    if getattr(exc, "status_code", None) not in (400, 422, 500):
        return False
    body = getattr(exc, "body", None)
    text = f"{getattr(exc, 'message', '') or exc} {body if body is not None else ''}".lower()
    return any(word in text for word in _FORMAT_WORDS)


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
