"""The OpenAI engine: structured output from jinja2 prompts, verified, cached, concurrent.

The only module that imports the OpenAI SDK. Works with the OpenAI API, Azure OpenAI (when
``AZURE_OPENAI_API_KEY`` and ``AZURE_OPENAI_ENDPOINT`` are set) and any OpenAI-compatible
server (``--base-url`` / ``OPENAI_BASE_URL``: Ollama, vLLM, llama.cpp, LM Studio).

Per chunk: render the prompt, look the request up in the cache, else send it (bounded by a
semaphore; the SDK retries 429/5xx/timeouts honouring Retry-After), validate the reply
against the schema, re-ask once with the validation error, then let ``verify`` ground the
quotes and re-derive the dates. SDK errors that no retry can fix become one-line
``EngineError``s; errors confined to one chunk become ``ChunkFailed``.
"""
from __future__ import annotations

import asyncio
import logging
import os
from typing import Any, Callable

import openai

from .. import llm
from ..cache import ResponseCache
from ..errors import ChunkFailed, EngineError
from ..models import Article, Chronology, Chunk, Claim, RequestUsage, Summary
from ..packing import assign, pack_chunks
from ..pricing import cost, load_prices
from ..summary import extractive_summary
from ..tokens import counter_for
from ..verify import verify_events
from .base import Engine, Extraction
from .openai_config import check_base_url, resolve_model

log = logging.getLogger(__name__)

AZURE_API_VERSION = "2024-10-21"


class _Truncated(ChunkFailed):
    """The reply stopped at the token limit (finish_reason=length): retried once on a split chunk."""

    keep: tuple[str, dict[str, Any]] | None = None  # (cache key, body) of a fresh cut-off reply


class OpenAIEngine(Engine):
    """Extraction and summary by a model behind an OpenAI-compatible API."""

    name = "openai"

    def __init__(self, options: Any, client: Any | None = None) -> None:
        super().__init__()
        self.options = options
        self.model = resolve_model(options.model)
        self.usage.model = self.model
        self.prompts_dir = options.prompts_dir
        self.json_object = False  # set when the server rejects json_schema response formats
        self._warned_json_object = False
        self._semaphore: asyncio.Semaphore | None = None
        self._prices = load_prices()
        self._secrets: list[str] = []  # redacted from every error message this engine makes
        self.client: Any
        self.base_url: str | None
        self.client, self.base_url = (client, getattr(client, "base_url", None)) if client else self._make_client()
        self.cache = ResponseCache(options.cache_dir) if options.use_cache else None
        self._pending_warnings: list[str] = list(self.cache.warnings) if self.cache is not None else []
        self._partials: list[tuple[int, str, str]] = []  # (chunk index, first article id, partial summary)
        self._asked: set[str] = set()  # article ids sent for extraction in this run
        self._requests_planned = 1  # extraction requests in this briefing (set by pack)

    # -- set-up ---------------------------------------------------------------------------

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
        cap = self.options.max_retry_wait
        return openai.DefaultAsyncHttpxClient(event_hooks={"response": [_bounded_retry_after(cap)]})

    async def aclose(self) -> None:
        try:
            await self.client.close()
        finally:
            if self.cache is not None:
                self.cache.close()

    # -- extraction -------------------------------------------------------------------------

    def pack(self, chunks: list[Chunk], budget: int) -> list[list[Chunk]]:
        """Short chunks share a request while they fit ``budget`` (see ``packing.py``)."""
        packs = pack_chunks(chunks, budget) if llm.packs_supported(self.prompts_dir) else super().pack(chunks, budget)
        self._requests_planned = len(packs)
        return packs

    async def extract(self, chunk: Chunk, article: Article) -> Extraction:
        return _only(await self.extract_pack([chunk], {article.id: article}))

    async def extract_pack(self, chunks: list[Chunk], articles: dict[str, Article]) -> list[Extraction | ChunkFailed]:
        """One request for the pack; each event goes to the chunk holding its quote and is
        dated against that chunk's article.

        A reply cut off at the token limit is never parsed: the request is retried once,
        smaller. A pack is split into two packs; a single chunk into two halves on a
        sentence boundary (events from both halves keep exact offsets). What still fails
        fails only its own chunks.
        """
        try:
            return list(await self._extract_pack_once(chunks, articles))
        except _Truncated as exc:
            if self.cache is not None and exc.keep is not None:  # paid for: a re-run goes straight to the split
                self.cache.put(exc.keep[0], self.model, exc.keep[1], exc.keep[1].get("usage") or {})
            if len(chunks) > 1:
                return await self._split_pack(chunks, articles, exc)
            return [await self._split_chunk(chunks[0], articles[chunks[0].article_id], exc)]

    async def _split_pack(self, chunks: list[Chunk], articles: dict[str, Article], exc: _Truncated
                          ) -> list[Extraction | ChunkFailed]:
        middle = len(chunks) // 2
        groups = [chunks[:middle], chunks[middle:]]
        log.info("%s: reply cut off; retrying once as two smaller requests", ", ".join(c.article_id for c in chunks))
        results = await asyncio.gather(*(self._extract_pack_once(g, articles) for g in groups), return_exceptions=True)
        out: list[Extraction | ChunkFailed] = []
        for group, result in zip(groups, results):
            if isinstance(result, ChunkFailed):
                reason = (f"the reply was cut off at the token limit (finish_reason=length); retried in a smaller "
                          f"request, which failed too: {result.reason}")
                out.extend(ChunkFailed(reason, attempts=exc.attempts + 1) for _ in group)
            elif isinstance(result, BaseException):
                raise result
            else:
                out.extend(result)
        return out

    async def _split_chunk(self, chunk: Chunk, article: Article, exc: _Truncated) -> Extraction | ChunkFailed:
        halves = split_chunk(chunk, article, counter_for(self.model))
        if halves is None:
            return ChunkFailed(f"{exc.reason}; the chunk is too short to split", attempts=exc.attempts)
        log.info("%s [%d:%d]: reply cut off; retrying once as two halves", article.id, chunk.start, chunk.end)
        results = await asyncio.gather(*(self._extract_pack_once([h], {article.id: article}) for h in halves),
                                       return_exceptions=True)
        for half, result in zip(halves, results):
            if isinstance(result, ChunkFailed):
                return ChunkFailed(f"the reply was cut off at the token limit (finish_reason=length); split in two, "
                                   f"the half [{half.start}:{half.end}] failed too: {result.reason}",
                                   attempts=exc.attempts + 1)
            if isinstance(result, BaseException):
                raise result
        first, second = (r[0] for r in results)  # type: ignore[index]
        return Extraction(events=first.events + second.events, dropped=first.dropped + second.dropped,
                          warnings=first.warnings + second.warnings)

    async def _extract_pack_once(self, chunks: list[Chunk], articles: dict[str, Article]) -> list[Extraction]:
        items = [(c, articles[c.article_id]) for c in chunks]
        self._asked.update(c.article_id for c in chunks)
        key_text, key_dates = llm.pack_key_parts(items)
        where = ", ".join(f"{c.article_id} [{c.start}:{c.end}]" for c in chunks)

        def build(json_object: bool) -> dict[str, Any]:
            return llm.pack_request(items, self.model, self.prompts_dir, json_object, final=self._requests_planned <= 1)

        reply = await self._structured(build, llm.ProposedEvents, key_text, key_dates, where)
        if reply.summary.strip():
            self._partials.append((min(c.index for c in chunks), chunks[0].article_id, " ".join(reply.summary.split())))
        per_chunk, unplaced = assign(reply.events, chunks)
        for proposal in unplaced:
            log.info("%s: dropped proposal: evidence not in the articles: %r", where, proposal.evidence[:60])
        out = []
        for (chunk, article), proposals in zip(items, per_chunk):
            verified = verify_events(proposals, chunk, article)  # type: ignore[arg-type]
            for reason in verified.reasons:
                log.info("%s [%d:%d]: dropped proposal: %s", article.id, chunk.start, chunk.end, reason)
            out.append(Extraction(events=verified.events, dropped=verified.dropped))
        out[0].dropped += len(unplaced)
        warnings, self._pending_warnings = self._pending_warnings, []
        out[0].warnings = warnings
        return out

    # -- summary ----------------------------------------------------------------------------

    async def summarize(self, chronology: Chronology, articles: list[Article]) -> Summary:
        """The summary: the one extraction reply's own when one request read everything;
        else one reduce request over the partial summaries (never over the article text);
        else (earlier articles from --update, or no partials) a summary of the chronology."""
        events = chronology.events + chronology.undated
        if not events:
            return Summary(text="No events were found in the articles.", claims_with_sources=[])
        budget = self.options.summary_budget
        covered = bool(self._partials) and all(a.id in self._asked for a in articles)
        try:
            if covered and len(self._partials) == 1:
                return Summary(text=self._partials[0][2], claims_with_sources=_claims_of(self._partials[0][2]))
            if covered:
                order = {a.id: i for i, a in enumerate(articles)}
                partials = [p[2] for p in sorted(self._partials, key=lambda p: (order.get(p[1], 0), p[0]))]
                reply = await self._reduce(partials, budget, prompt="reduce")
            else:
                lines = llm.chronology_lines(chronology.events) + llm.chronology_lines(chronology.undated)
                reply = await self._reduce(lines, budget)
        except ChunkFailed as exc:
            log.warning("the model's summary failed (%s); using the extractive summary instead", exc.reason)
            return extractive_summary(chronology, articles)
        text = " ".join(reply.summary.split())
        claims = getattr(reply, "claims", None)
        if claims is None:
            return Summary(text=text, claims_with_sources=_claims_of(text))
        return Summary(text=text, claims_with_sources=[Claim(text=c.text, source=c.source) for c in claims])

    async def _reduce(self, items: list[str], budget: int, depth: int = 0, prompt: str = "summarize") -> Any:
        """One summary of ``items``; map-reduce (summaries of groups, then of those) when they do not fit."""
        counter = counter_for(self.model)
        groups: list[list[str]] = [[]]
        size = 0
        for item in items:
            n = counter.count(item) + 1
            if groups[-1] and size + n > budget:
                groups.append([])
                size = 0
            groups[-1].append(item)
            size += n
        if len(groups) == 1 or depth >= 3:
            return await self._summarize_once(items, prompt)
        partials = await asyncio.gather(*(self._summarize_once(g, prompt) for g in groups))
        summaries = [p.summary for p in partials]
        if len(summaries) >= len(items):  # nothing got shorter: summarize everything in one last request
            return await self._summarize_once(summaries, "reduce")
        return await self._reduce(summaries, budget, depth + 1, "reduce")

    async def _summarize_once(self, items: list[str], prompt: str = "summarize") -> Any:
        def build(json_object: bool) -> dict[str, Any]:
            return llm.summarize_request(items, self.model, self.prompts_dir, json_object, prompt)

        reply_model = llm.ReduceReply if prompt == "reduce" else llm.SummaryReply
        return await self._structured(build, reply_model, "", "", "summary")

    # -- one structured request, with cache, fallback and one re-ask ---------------------------

    async def _structured(
        self, build: Callable[[bool], dict[str, Any]], reply_model: type, chunk_text: str, published: str, where: str
    ) -> Any:
        problem: str | None = None
        raw: str | None = None
        first_key: str | None = None
        for attempt in (1, 2):
            def params_for(json_object: bool, raw: str | None = raw, problem: str | None = problem) -> dict[str, Any]:
                params = build(json_object)
                return llm.reask_messages(params, raw, problem) if problem else params

            body, key, from_cache = await self._call(params_for, chunk_text, published, where)
            first_key = first_key or key
            choices = body.get("choices") or []
            if not choices:
                raise ChunkFailed("the server returned no choices", attempts=attempt)
            message = choices[0].get("message") or {}
            raw = message.get("content")
            if message.get("refusal"):
                raise ChunkFailed(f"the model refused: {message['refusal']}", attempts=attempt)
            if choices[0].get("finish_reason") == "length":
                log.debug("%s: truncated output: %r", where, raw)
                cut = _Truncated("the reply was cut off at the token limit (finish_reason=length)", attempts=attempt, raw=raw)
                cut.keep = None if from_cache else (key, body)
                raise cut
            try:
                parsed = llm.parse_reply(raw, reply_model)
            except ValueError as exc:
                problem = str(exc)
                log.debug("%s: attempt %d rejected (%s); raw output: %r", where, attempt, problem, raw)
                continue
            if self.cache is not None and not from_cache:
                self.cache.put(key, self.model, body, body.get("usage") or {})
                if first_key != key:  # a re-run's first request finds the corrected reply: nothing is re-asked
                    self.cache.put(first_key, self.model, body, body.get("usage") or {})
            return parsed
        raise ChunkFailed(f"invalid reply after 2 attempts: {problem}", attempts=2, raw=raw)

    async def _call(
        self, params_for: Callable[[bool], dict[str, Any]], chunk_text: str, published: str, where: str
    ) -> tuple[dict[str, Any], str, bool]:
        """(response body, cache key, served from cache) for the request ``params_for`` builds."""
        params = params_for(self.json_object)
        key = llm.cache_key(params, chunk_text, published)
        if self.cache is not None:
            hit = self.cache.get(key)
            if hit is not None:
                self.usage.cached_responses += 1
                return hit[0], key, True
        if self._semaphore is None:
            self._semaphore = asyncio.Semaphore(max(1, int(self.options.concurrency)))
        async with self._semaphore:
            try:
                response = await self.client.chat.completions.create(**params)
            except openai.BadRequestError as exc:
                if self.json_object or not _rejects_json_schema(exc):
                    raise self._error(exc, where) from exc
                self._fall_back_to_json_object()
                params = params_for(True)
                key = llm.cache_key(params, chunk_text, published)
                try:
                    response = await self.client.chat.completions.create(**params)
                except openai.OpenAIError as exc2:
                    raise self._error(exc2, where) from exc2
            except openai.OpenAIError as exc:
                raise self._error(exc, where) from exc
            except ValueError as exc:  # a 200 whose body is not JSON (JSONDecodeError is a ValueError)
                raise ChunkFailed(f"the server's reply is not a chat completion ({_short(str(exc))})") from exc
        if not hasattr(response, "model_dump"):
            log.debug("%s: unexpected reply body: %r", where, response)
            raise ChunkFailed(f"the server's reply is not a chat completion ({_short(repr(response), 60)})")
        body = _body(response)
        self._count(body.get("usage") or {})
        return body, key, False

    def _fall_back_to_json_object(self) -> None:
        self.json_object = True
        if not self._warned_json_object:
            self._warned_json_object = True
            message = (f"{self.base_url} does not support json_schema structured output; "
                       "using json_object mode with the schema in the prompt")
            log.warning(message)
            self._pending_warnings.append(message)

    def _count(self, usage: dict[str, Any]) -> None:
        details = usage.get("prompt_tokens_details") or {}
        request = RequestUsage(
            prompt_tokens=int(usage.get("prompt_tokens") or 0),
            cached_tokens=int(details.get("cached_tokens") or 0),
            completion_tokens=int(usage.get("completion_tokens") or 0),
        )
        self.usage.add(request)
        dollars = cost(self.model, request.prompt_tokens, request.cached_tokens, request.completion_tokens, self._prices)
        self.usage.cost_usd = round(self.usage.cost_usd + (dollars or 0.0), 8)

    def _error(self, exc: Exception, where: str) -> Exception:
        """A one-line EngineError for what stops the run, a ChunkFailed for what stops one chunk.

        Any API key this engine holds is redacted from the message (servers may echo it).
        """
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
        retries = self.options.max_retries
        if isinstance(exc, openai.AuthenticationError):
            return EngineError(f"{self.base_url} rejected the API key (401): check OPENAI_API_KEY")
        if isinstance(exc, openai.PermissionDeniedError):
            return EngineError(f"{self.base_url} denied access (403) to model {self.model!r}")
        if isinstance(exc, openai.NotFoundError):
            return EngineError(f"model {self.model!r} not found (404) at {self.base_url}: check --model / TIMELINE_MODEL")
        if isinstance(exc, openai.RateLimitError):
            if getattr(exc, "code", None) == "insufficient_quota":
                return EngineError(f"{self.base_url}: quota exhausted (429 insufficient_quota); check your plan and billing")
            asked = exc.response.headers.get(_ASKED_HEADER) if getattr(exc, "response", None) is not None else None
            if asked:
                return ChunkFailed(f"rate limited (429): the server asked to wait {asked}s, over the "
                                   f"{self.options.max_retry_wait:g}s limit; "
                                   "run again later", attempts=1)
            return ChunkFailed(f"rate limited (429) after {retries} retries; run again later or lower --concurrency",
                               attempts=retries + 1)
        if isinstance(exc, openai.APITimeoutError):
            return ChunkFailed(f"timed out after {self.options.timeout:g}s ({retries} retries)", attempts=retries + 1)
        if isinstance(exc, openai.APIConnectionError):
            cause = exc.__cause__ or exc
            if not _cannot_connect(exc):  # reached the server, then lost the connection: this chunk only
                return ChunkFailed(f"connection lost ({type(cause).__name__}: {_short(str(cause))}) "
                                   f"after {retries} retries", attempts=retries + 1)
            return EngineError(f"cannot reach {self.base_url} ({type(cause).__name__}: {cause}); "
                               "check --base-url / OPENAI_BASE_URL")
        if isinstance(exc, openai.APIStatusError):
            return ChunkFailed(f"server answered {exc.status_code} ({_short(exc.message)})", attempts=retries + 1)
        return ChunkFailed(f"{type(exc).__name__}: {_short(str(exc))}", attempts=1)


def _only(results: list[Extraction | ChunkFailed]) -> Extraction:
    """The one result of a one-chunk pack; a failure is raised, as ``extract`` promises."""
    [result] = results
    if isinstance(result, ChunkFailed):
        raise result
    return result


def _claims_of(text: str) -> list[Claim]:
    """The attributed sentences of a summary as claims (the extraction reply has no claims list)."""
    from ..attribution import find_attribution
    from ..sentences import sentences

    claims = []
    for start, end in sentences(text):
        sentence = text[start:end].strip()
        if sentence:
            source = find_attribution(sentence) or find_attribution(sentence[:1].lower() + sentence[1:])
            claims.append(Claim(text=sentence, source=source))
    return claims


_ASKED_HEADER = "x-timeline-retry-after"


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


def split_chunk(chunk: Chunk, article: Article, counter: Any) -> tuple[Chunk, Chunk] | None:
    """``chunk`` cut in two near its middle, on a sentence boundary when it has one, else at a space;
    offsets stay exact (each half's text is ``article.text[start:end]``). None when it cannot be cut."""
    from ..sentences import sentences

    text, start, end = article.text, chunk.start, chunk.end
    middle = (start + end) // 2
    cuts = [e for _s, e in sentences(text, start, end) if start < e < end]
    if not cuts:
        left, right = text.rfind(" ", start + 1, middle + 1), text.find(" ", middle, end - 1)
        cuts = [c for c in (left, right) if start < c < end - 1]
    if not cuts:
        return None
    cut = min(cuts, key=lambda c: abs(c - middle))
    first_end = cut
    while first_end > start and text[first_end - 1].isspace():
        first_end -= 1
    second_start = cut
    while second_start < end and text[second_start].isspace():
        second_start += 1
    if first_end <= start or second_start >= end:
        return None

    def part(a: int, b: int, n: int) -> Chunk:
        return Chunk(article_id=chunk.article_id, index=chunk.index, start=a, end=b, text=text[a:b],
                     tokens=counter.count(text[a:b]))

    return part(start, first_end, 0), part(second_start, end, 1)


def _cannot_connect(exc: BaseException) -> bool:
    """True when the cause chain says the server could not be reached at all (refused, DNS, connect timeout)."""
    seen: BaseException | None = exc
    while seen is not None:
        if type(seen).__name__ in ("ConnectError", "ConnectTimeout", "gaierror", "ConnectionRefusedError"):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _rejects_json_schema(exc: Exception) -> bool:
    text = str(getattr(exc, "message", "") or exc).lower()
    return "response_format" in text or "json_schema" in text


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _body(response: Any) -> dict[str, Any]:
    """The parts of a completion worth keeping: choices (message, finish_reason), usage, model, id."""
    data = response.model_dump(exclude_none=True) if hasattr(response, "model_dump") else dict(response)
    choices = []
    for choice in data.get("choices") or []:
        message = choice.get("message") or {}
        choices.append({
            "index": choice.get("index", 0),
            "finish_reason": choice.get("finish_reason"),
            "message": {k: message.get(k) for k in ("role", "content", "refusal") if message.get(k) is not None},
        })
    return {"id": data.get("id"), "model": data.get("model"), "choices": choices, "usage": data.get("usage") or {}}
