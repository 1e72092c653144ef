"""The LLM engine: provider-neutral, over a transport (see ``transports/``).

Per pack of chunks: render the prompt, look the request up in the cache, else send it
through the transport (bounded by a semaphore), validate the reply against the schema,
re-ask once with the validation error, and return the proposals per chunk with the
request's partial summary. A reply cut off at the token limit is retried once, smaller.
The summary is the single request's own, else one reduce request over the partial
summaries (map-reduce when they do not fit). ``plan`` is the dry run: the same chunking,
packing, requests and cache keys, counted and priced, nothing sent.

Nothing here knows a provider's reply shape or SDK: a transport returns
``Completion(text, stop, usage)``.
"""
from __future__ import annotations

import asyncio
import logging
import os
from typing import Any, Callable, Sequence

from timeline.text.chunker import chunk_articles, split_chunk
from timeline.errors import ChunkFailed, EngineError
from timeline.models import Article, Chronology, Chunk, Claim, DroppedEvent, Event, Proposal, RequestUsage, Summary
from timeline.summary.extractive import extractive_summary
from timeline.text.tokens import counter_for
from timeline.engines.base import ChunkProposals, Engine
from timeline.engines.llm import requests as llm
from timeline.engines.llm.cache import ResponseCache
from timeline.engines.llm.packing import assign, pack_chunks
from timeline.engines.llm.plan import COMPLETION_PER_CHUNK_TOKEN, PARTIAL_SUMMARY_TOKENS, SUMMARY_COMPLETION, ChunkPlan, Plan, \
    request_tokens
from timeline.engines.llm.pricing import cost, load_prices
from timeline.engines.llm.transports import LENGTH, REFUSAL, Completion, Request, SchemaRejected, Transport, completion_of

log = logging.getLogger(__name__)

# The reply formats, each falling back to the next when the server rejects it: strict
# structured output; JSON-object mode with the schema both in the prompt and as
# ``response_format.schema`` (llama-cpp-python and llama.cpp's server compile it into a
# grammar; see ``requests.grammar_schema``); JSON-object mode with the schema in the prompt
# only; plain-text JSON.
MODES = ("json_schema", "json_object+schema", "json_object", "text")
DEFAULT_SUMMARY_BUDGET = 6000  # tokens of chronology lines per summary request before map-reduce


def resolve_model(options_model: str | None) -> str:
    """``--model``, else ``$TIMELINE_MODEL``, else config.toml's ``model``, else the default small model."""
    if options_model or os.environ.get("TIMELINE_MODEL"):
        return options_model or os.environ["TIMELINE_MODEL"]
    from timeline.config import load_config

    return load_config().model or llm.DEFAULT_MODEL


class _Truncated(ChunkFailed):
    """The reply stopped at the token limit: retried once on a split pack or chunk."""

    keep: tuple[str, dict[str, Any]] | None = None  # (cache key, completion) of a fresh cut-off reply


class LLMEngine(Engine):
    """Proposals and summary by a model behind ``transport``; ``name`` is the provider's.

    ``transport`` may be None for a dry run (``plan``), which sends nothing.
    """

    def __init__(self, options: Any, transport: Transport | None = None, name: str = "llm") -> None:
        self.name = name
        super().__init__()
        self.options = options
        self.model: str = resolve_model(options.model)
        self.usage.model = self.model
        self.prompts_dir = options.prompts_dir
        self.transport = transport
        self.mode = MODES[0]  # the reply format, falling back along MODES (see _fall_back)
        self._semaphore: asyncio.Semaphore | None = None
        self._prices = load_prices()
        self.cache: ResponseCache | None = None
        self._pending_warnings: list[str] = []
        self._requests_planned = 1  # extraction requests in this briefing (set by pack)

    def _open_cache(self) -> ResponseCache | None:
        if self.cache is None and self.options.use_cache:
            self.cache = ResponseCache(self.options.cache_dir)
            self._pending_warnings.extend(self.cache.warnings)
        return self.cache

    async def aclose(self) -> None:
        try:
            if self.transport is not None:
                await self.transport.aclose()
        finally:
            if self.cache is not None:
                self.cache.close()
                self.cache = None

    # -- proposals ------------------------------------------------------------------------

    def pack(self, chunks: list[Chunk], budget: int) -> list[list[Chunk]]:
        """Short chunks share a request while they fit ``budget`` (see ``packing.py``)."""
        packs = pack_chunks(chunks, budget) if llm.packs_supported(self.prompts_dir) else super().pack(chunks, budget)
        self._requests_planned = len(packs)
        return packs

    async def propose(self, chunk: Chunk, article: Article) -> ChunkProposals:
        [result] = await self.propose_pack([chunk], {article.id: article})
        if isinstance(result, ChunkFailed):
            raise result
        return result

    async def propose_pack(self, chunks: list[Chunk], articles: dict[str, Article]
                           ) -> list[ChunkProposals | ChunkFailed]:
        """One request for the pack; each proposal goes to the chunk holding its quote.

        A reply cut off at the token limit is never parsed: the request is retried once,
        smaller. A pack is split into two packs; a single chunk into two halves on a
        sentence boundary. What still fails fails only its own chunks.
        """
        self._open_cache()
        try:
            return list(await self._propose_once(chunks, articles))
        except _Truncated as exc:
            if self.cache is not None and exc.keep is not None:  # paid for: a re-run goes straight to the split
                self.cache.put(exc.keep[0], self.model, exc.keep[1], exc.keep[1].get("usage") or {})
            if len(chunks) > 1:
                return await self._split_pack(chunks, articles, exc)
            return [await self._split_chunk(chunks[0], articles[chunks[0].article_id], exc)]

    async def _split_pack(self, chunks: list[Chunk], articles: dict[str, Article], exc: _Truncated
                          ) -> list[ChunkProposals | ChunkFailed]:
        middle = len(chunks) // 2
        groups = [chunks[:middle], chunks[middle:]]
        log.info("%s: reply cut off; retrying once as two smaller requests", ", ".join(c.article_id for c in chunks))
        results = await asyncio.gather(*(self._propose_once(g, articles) for g in groups), return_exceptions=True)
        out: list[ChunkProposals | ChunkFailed] = []
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

    async def _split_chunk(self, chunk: Chunk, article: Article, exc: _Truncated) -> ChunkProposals | ChunkFailed:
        halves = split_chunk(chunk, article, counter_for(self.model))
        if halves is None:
            return ChunkFailed(f"{exc.reason}; the chunk is too short to split", attempts=exc.attempts)
        log.info("%s [%d:%d]: reply cut off; retrying once as two halves", article.id, chunk.start, chunk.end)
        results = await asyncio.gather(*(self._propose_once([h], {article.id: article}) for h in halves),
                                       return_exceptions=True)
        for half, result in zip(halves, results):
            if isinstance(result, ChunkFailed):
                return ChunkFailed(f"the reply was cut off at the token limit (finish_reason=length); split in two, "
                                   f"the half [{half.start}:{half.end}] failed too: {result.reason}",
                                   attempts=exc.attempts + 1)
            if isinstance(result, BaseException):
                raise result
        first, second = (r[0] for r in results)  # type: ignore[index]
        return ChunkProposals(proposals=first.proposals + second.proposals, summaries=first.summaries + second.summaries,
                              unplaced=first.unplaced + second.unplaced, warnings=first.warnings + second.warnings)

    def extraction_request(self, items: list[tuple[Chunk, Article]], mode: str = MODES[0]) -> dict[str, Any]:
        """The extraction request for one pack in reply format ``mode`` (the dry run renders the same one)."""
        params = llm.pack_request(items, self.model, self.prompts_dir, mode, final=self._requests_planned <= 1)
        return self._capped(params)

    def _capped(self, params: dict[str, Any]) -> dict[str, Any]:
        """``params`` with ``max_tokens`` when ``--max-output-tokens`` is set: a local model
        that loops stops there, and the cut-off reply is retried smaller like any other."""
        cap = getattr(self.options, "max_output_tokens", None)
        return {**params, "max_tokens": int(cap)} if cap else params

    async def _propose_once(self, chunks: list[Chunk], articles: dict[str, Article]) -> list[ChunkProposals]:
        items = [(c, articles[c.article_id]) for c in chunks]
        key_text, key_dates = llm.pack_key_parts(items)
        where = ", ".join(f"{c.article_id} [{c.start}:{c.end}]" for c in chunks)
        reply = await self._structured(lambda mode: self.extraction_request(items, mode),
                                       llm.ProposedEvents, key_text, key_dates, where)
        per_chunk, unplaced = assign(reply.events, chunks)
        refused = [DroppedEvent(article_id=chunks[0].article_id, what=" ".join(p.what.split()), quote=p.evidence,
                                reason=f"evidence not in the articles: {p.evidence[:60]!r}") for p in unplaced]
        for proposal in unplaced:
            log.info("%s: dropped proposal: evidence not in the articles: %r", where, proposal.evidence[:60])
        warnings, self._pending_warnings = self._pending_warnings, []
        summary = " ".join(reply.summary.split())
        return [
            ChunkProposals(
                proposals=[Proposal.model_validate(p.model_dump()) for p in proposals],
                summaries=[summary] if i == 0 and summary else [],
                unplaced=refused if i == 0 else [],
                warnings=warnings if i == 0 else [],
            )
            for i, proposals in enumerate(per_chunk)
        ]

    # -- summary ----------------------------------------------------------------------------

    async def summarize(self, chronology: Chronology, articles: list[Article], partials: Sequence[str] = ()) -> Summary:
        """The summary: the one extraction reply's own when one request read everything;
        else one reduce request over the partial summaries (never over the article text);
        else (earlier articles from --update, or no partials) a summary of the chronology."""
        events = chronology.events + chronology.undated
        if not events:
            return Summary(text="No events were found in the articles.", claims_with_sources=[])
        budget = self.options.summary_budget
        self._open_cache()
        try:
            if len(partials) == 1:
                return Summary(text=partials[0], claims_with_sources=_claims_of(partials[0]))
            if partials:
                reply = await self._reduce(list(partials), budget, prompt="reduce")
            else:
                lines = llm.chronology_lines(chronology.events) + llm.chronology_lines(chronology.undated)
                reply = await self._reduce(lines, budget)
        except ChunkFailed as exc:
            log.warning("the model's summary failed (%s); using the extractive summary instead", exc.reason)
            return extractive_summary(chronology, articles)
        finally:
            self._say_pending()
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

    async def summarize_day(self, events: list[Event]) -> str | None:
        """One key day's summary from its verified events only (never article text), through
        the same structured, cached request path as every summary: a re-run costs nothing."""
        self._open_cache()
        reply = await self._summarize_once(llm.chronology_lines(events), "key_day")
        return " ".join(str(reply.summary).split())

    async def _summarize_once(self, items: list[str], prompt: str = "summarize") -> Any:
        def build(mode: str) -> dict[str, Any]:
            return self._capped(llm.summarize_request(items, self.model, self.prompts_dir, mode, prompt))

        reply_model = llm.ReduceReply if prompt == "reduce" else llm.SummaryReply
        return await self._structured(build, reply_model, "", "", "summary")

    # -- one structured request, with cache, fallback and one re-ask ---------------------------

    async def _structured(
        self, build: Callable[[str], dict[str, Any]], reply_model: type, chunk_text: str, published: str, where: str
    ) -> Any:
        problem: str | None = None
        raw: str | None = None
        first_key: str | None = None
        for attempt in (1, 2):
            def params_for(mode: str, raw: str | None = raw, problem: str | None = problem) -> dict[str, Any]:
                params = build(mode)
                return llm.reask_messages(params, raw, problem) if problem else params

            completion, key, from_cache = await self._call(params_for, chunk_text, published, where)
            first_key = first_key or key
            raw = completion.text
            if completion.stop == REFUSAL:
                raise ChunkFailed(f"the model refused: {completion.text}", attempts=attempt)
            if completion.stop == LENGTH:
                log.debug("%s: truncated output: %r", where, raw)
                cut = _Truncated("the reply was cut off at the token limit (finish_reason=length)", attempts=attempt, raw=raw)
                cut.keep = None if from_cache else (key, completion.to_dict())
                raise cut
            try:
                parsed = llm.parse_reply(raw, reply_model)
            except ValueError as exc:
                problem = str(exc)
                log.debug("%s: attempt %d rejected (%s); raw output: %r", where, attempt, problem, raw)
                continue
            if self.cache is not None and not from_cache:
                body = completion.to_dict()
                self.cache.put(key, self.model, body, body["usage"])
                if first_key != key:  # a re-run's first request finds the corrected reply: nothing is re-asked
                    self.cache.put(first_key, self.model, body, body["usage"])
            return parsed
        raise ChunkFailed(f"invalid reply after 2 attempts: {problem}", attempts=2, raw=raw)

    async def _call(
        self, params_for: Callable[[str], dict[str, Any]], chunk_text: str, published: str, where: str
    ) -> tuple[Completion, str, bool]:
        """(completion, cache key, served from cache) for the request ``params_for`` builds."""
        mode = self.mode
        params = _in_mode(params_for(mode), mode)
        key = llm.cache_key(params, chunk_text, published)
        if self.cache is not None:
            hit = self.cache.get(key)
            if hit is not None:
                self.usage.cached_responses += 1
                return _cached_completion(hit[0]), key, True
        if self.transport is None:
            raise EngineError("this engine has no transport (a dry-run engine sends nothing)")
        if self._semaphore is None:
            self._semaphore = asyncio.Semaphore(max(1, int(self.options.concurrency)))
        async with self._semaphore:
            while True:
                try:
                    completion = await self.transport.complete(to_request(params))
                    break
                except SchemaRejected as exc:
                    mode = self._fall_back(mode, str(exc))
                    params = _in_mode(params_for(mode), mode)
                    key = llm.cache_key(params, chunk_text, published)
        self._count(completion.usage)
        return completion, key, False

    def _fall_back(self, rejected: str, reason: str) -> str:
        """The mode after ``rejected`` (along ``MODES``); one line says which is used.
        A concurrent request may have moved on already: then its mode is taken, and nothing is said again."""
        if rejected == MODES[-1]:
            raise ChunkFailed(f"the server rejected every reply format ({reason})")
        after = MODES[MODES.index(rejected) + 1]
        if MODES.index(self.mode) < MODES.index(after):
            self.mode = after
            endpoint = getattr(self.transport, "endpoint", "the server")
            message = f"{endpoint} rejected response_format {rejected} ({reason}); using " + _MODE_SAYS[after]
            log.info(message)  # one line: the briefing's warnings carry it (``_say_pending`` when none follows)
            self._pending_warnings.append(message)
        return self.mode

    def _say_pending(self) -> None:
        """Warnings no extraction reply carried to the briefing (a fallback met in a summary request)."""
        for message in self._pending_warnings:
            log.warning(message)
        self._pending_warnings = []

    def _count(self, request: RequestUsage) -> None:
        self.usage.add(request)
        dollars = cost(self.model, request.prompt_tokens, request.cached_tokens, request.completion_tokens, self._prices)
        self.usage.cost_usd = round(self.usage.cost_usd + (dollars or 0.0), 8)

    # -- dry run ------------------------------------------------------------------------------

    def plan(self, articles: list[Article]) -> Plan:
        """What a briefing of ``articles`` would send and cost: the same chunks, packs,
        requests and cache keys as a run, counted and priced; nothing is sent."""
        counter = counter_for(self.model)
        by_id = {a.id: a for a in articles}
        result = Plan(model=self.model, token_counter=counter.name, exact=counter.exact)
        chunks = chunk_articles(articles, self.options.max_chunk_tokens, self.model)
        packs = self.pack(chunks, self.options.max_chunk_tokens)
        cache = ResponseCache(self.options.cache_dir) if self.options.use_cache else None
        try:
            for number, pack in enumerate(packs, 1):
                items = [(c, by_id[c.article_id]) for c in pack]
                params = self.extraction_request(items)
                text, dates = llm.pack_key_parts(items)
                cached = bool(cache is not None and cache.get(llm.cache_key(params, text, dates)) is not None)
                tokens = request_tokens(params, counter)
                for chunk in pack:
                    result.chunks.append(ChunkPlan(chunk.article_id, chunk.index, chunk.start, chunk.end, chunk.tokens,
                                                   tokens, cached, number))
        finally:
            if cache is not None:
                cache.close()
        result.article_tokens = sum(counter.count(a.text) for a in articles)
        sent = [c for c in result.chunks if not c.cached]
        if len(packs) > 1:
            reduce = request_tokens(llm.summarize_request([], self.model, self.prompts_dir, prompt="reduce"), counter)
            result.summary_prompt_tokens = reduce + PARTIAL_SUMMARY_TOKENS * len(packs)
        result.completion_tokens = int(sum(c.chunk_tokens for c in sent) * COMPLETION_PER_CHUNK_TOKEN) \
            + SUMMARY_COMPLETION
        result.cost_usd = cost(self.model, result.prompt_tokens, 0, result.completion_tokens, self._prices)
        return result


_MODE_SAYS = {
    "json_object+schema": "json_object mode with the schema in the prompt and as response_format.schema",
    "json_object": "json_object mode with the schema in the prompt",
    "text": "plain-text JSON replies (no response_format) with the schema in the prompt",
}


def _in_mode(params: dict[str, Any], mode: str) -> dict[str, Any]:
    """``params`` as sent in ``mode``: in text mode without a response_format."""
    if mode != "text":
        return params
    return {k: v for k, v in params.items() if k != "response_format"}


def to_request(params: dict[str, Any]) -> Request:
    """A built request (chat-completions shape, as hashed for the cache key) as a transport Request."""
    fmt = params.get("response_format") or {}
    schema = fmt["json_schema"] if fmt.get("type") == "json_schema" else None
    rest = {k: v for k, v in params.items() if k not in ("model", "messages", "response_format")}
    return Request(model=params["model"], messages=list(params["messages"]),
                   schema_name=schema["name"] if schema else "reply", schema=schema["schema"] if schema else None,
                   parameters=rest, plain="response_format" not in params, grammar=fmt.get("schema"))


def _cached_completion(body: dict[str, Any]) -> Completion:
    """A cache entry as a Completion; entries written before transports (a chat-completions body) too."""
    if "choices" in body:
        return completion_of(body)
    return Completion.from_dict(body)


def _claims_of(text: str) -> list[Claim]:
    """The attributed sentences of a summary as claims (the extraction reply has no claims list)."""
    from timeline.text.attribution import find_attribution
    from timeline.text.sentences import sentences

    claims = []
    for start, end in sentences(text):
        sentence = text[start:end].strip()
        if sentence:
            source = find_attribution(sentence) or find_attribution(sentence[:1].lower() + sentence[1:])
            claims.append(Claim(text=sentence, source=source))
    return claims
