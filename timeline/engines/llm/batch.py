"""Big corpora through the provider's Batch API: the LLM engine's requests, sent as a batch job.

A transport, not a second engine. ``submit`` builds every extraction request with the
engine's own code (chunking, packing, ``extraction_request``, ``cache_key``: the requests
and cache keys a synchronous run would use), skips those already in the response cache,
writes them as JSONL (``custom_id`` = the cache key; split over the provider's request and
size limits), uploads and creates one batch per file, and saves the job in the cache
directory (``batches/<id>.json``), so ``collect`` works from another shell or after a reboot.

``collect`` downloads each finished batch's output and error files, stores every reply in
the response cache under its request's key, and then finishes the briefing through the
normal pipeline (``abrief``): the extraction replies come from the cache, verify, merge and
the summary run as usual, and the one reduce request (when there is one) and the re-asks
of replies that failed validation are sent synchronously. Requests the batch did not
answer (failed, expired, cancelled) are listed; they fail their chunks, unless ``sync`` sends
them now; ``resubmit`` sends only those as a new batch of the same job.

The provider half (upload, create, retrieve, download) is a ``BatchClient``;
``transports/openai_batch.py`` is the OpenAI and Azure one.
"""
from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Protocol

from pydantic import BaseModel, Field

from timeline.text.chunker import chunk_articles
from timeline.errors import ChunkFailed, TimelineError, UsageError
from timeline.models import Article, RequestUsage
from timeline.options import BriefOptions
from timeline.engines.llm import requests as llm
from timeline.engines.llm.cache import ResponseCache, default_cache_dir
from timeline.engines.llm.plan import SUMMARY_COMPLETION, Plan
from timeline.engines.llm.pricing import cost
from timeline.engines.llm.transports import Completion, Request, Transport, completion_of

log = logging.getLogger(__name__)
BATCH_DISCOUNT = 0.5  # the Batch API bills half the synchronous price (OpenAI and Azure global batch)
MAX_REQUESTS = 50_000  # per batch input file (OpenAI's limit; Azure allows more)
MAX_BYTES = 190 * 1024 * 1024  # per input file: under the 200 MB limit, with room for the multipart framing
TERMINAL = ("completed", "failed", "expired", "cancelled")
STATE_DIR = "batches"
# A job keeps every option but these, so that ``collect`` finishes the briefing exactly as it was
# asked for; these are the ones the user gives again (where the cache is) or ``batch`` fixes itself.
# BriefOptions holds no secret (the API key comes from the environment at each command).
_NOT_KEPT = {"engine", "cache_dir", "use_cache"}


class BatchNotReady(TimelineError):
    """``collect`` before every batch of the job has finished. Exit code 75 (try again later)."""

    exit_code = 75


@dataclass(frozen=True)
class BatchInfo:
    """What the provider says about one batch."""

    id: str
    status: str
    output_file_id: str | None = None
    error_file_id: str | None = None
    total: int = 0
    completed: int = 0
    failed: int = 0
    errors: tuple[str, ...] | list[str] = ()

    @property
    def finished(self) -> bool:
        return self.status in TERMINAL


class BatchClient(Protocol):
    """The provider's batch endpoints; ``url`` is each line's (and the batch's) endpoint."""

    endpoint: str
    url: str

    async def upload(self, data: bytes, name: str) -> str: ...
    async def create(self, input_file_id: str, metadata: dict[str, str]) -> BatchInfo: ...
    async def retrieve(self, batch_id: str) -> BatchInfo: ...
    async def download(self, file_id: str) -> str: ...
    async def aclose(self) -> None: ...


class Part(BaseModel):
    """One provider batch of the job (one input file) and what was collected from it."""

    id: str
    input_file_id: str
    keys: list[str]
    status: str = "validating"
    collected: bool = False
    answered: list[str] = Field(default_factory=list)
    failed: dict[str, str] = Field(default_factory=dict)
    usage: RequestUsage = Field(default_factory=RequestUsage)


class BatchJob(BaseModel):
    """A batch job as saved in the cache directory: enough to collect it from a new process."""

    id: str
    created: float
    endpoint: str
    model: str
    options: dict[str, Any]
    articles: list[Article]
    requests: dict[str, str]  # cache key -> where (article ids and spans), for the failure list
    parts: list[Part] = Field(default_factory=list)
    resumed: bool = Field(default=False, exclude=True)  # submit found this job already sent, not collected
    answered_sync: list[str] = Field(default_factory=list)  # requests `collect --sync` sent and had answered

    @property
    def answered(self) -> set[str]:
        """Requests a batch answered (billed at batch prices; ``answered_sync`` are not)."""
        return {k for p in self.parts for k in p.answered}

    @property
    def failed(self) -> dict[str, str]:
        """Requests no part answered, with the last reason given (a later part's answer wins)."""
        answered = self.answered | set(self.answered_sync)
        out: dict[str, str] = {}
        for part in self.parts:
            out.update({k: r for k, r in part.failed.items() if k not in answered})
        return out

    @property
    def usage(self) -> RequestUsage:
        total = RequestUsage()
        for p in self.parts:
            total = RequestUsage(prompt_tokens=total.prompt_tokens + p.usage.prompt_tokens,
                                 cached_tokens=total.cached_tokens + p.usage.cached_tokens,
                                 completion_tokens=total.completion_tokens + p.usage.completion_tokens)
        return total


@dataclass(frozen=True)
class Pending:
    """One extraction request as the synchronous run would send it."""

    key: str
    params: dict[str, Any]
    where: str


# -- the requests ----------------------------------------------------------------------------

def extraction_requests(engine: Any, articles: list[Article]) -> list[Pending]:
    """Every extraction request of a briefing of ``articles``, built by ``engine`` (an
    ``LLMEngine``) exactly as ``abrief`` would: the same chunks, packs, prompts and keys."""
    by_id = {a.id: a for a in articles}
    chunks = chunk_articles(articles, engine.options.max_chunk_tokens, engine.model)
    out = []
    for pack in engine.pack(chunks, engine.options.max_chunk_tokens):
        items = [(c, by_id[c.article_id]) for c in pack]
        params = engine.extraction_request(items)
        text, dates = llm.pack_key_parts(items)
        out.append(Pending(llm.cache_key(params, text, dates), params,
                           ", ".join(f"{c.article_id} [{c.start}:{c.end}]" for c in pack)))
    return out


def body_of(params: dict[str, Any]) -> dict[str, Any]:
    """The request body the synchronous transport would send for ``params``."""
    from timeline.engines.llm.engine import to_request

    return to_request(params).as_dict()


def input_files(pending: list[Pending], url: str, max_requests: int = MAX_REQUESTS,
                max_bytes: int = MAX_BYTES) -> list[tuple[bytes, list[str]]]:
    """The JSONL input file(s) and the keys each carries, split to stay under both limits."""
    files: list[tuple[bytes, list[str]]] = []
    lines: list[bytes] = []
    keys: list[str] = []
    size = 0
    for p in pending:
        line = json.dumps({"custom_id": p.key, "method": "POST", "url": url, "body": body_of(p.params)},
                          ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"
        if len(line) > max_bytes:
            raise UsageError(f"{p.where}: one request is larger than the batch file limit ({max_bytes} bytes)")
        if lines and (len(lines) >= max_requests or size + len(line) > max_bytes):
            files.append((b"".join(lines), keys))
            lines, keys, size = [], [], 0
        lines.append(line)
        keys.append(p.key)
        size += len(line)
    if lines:
        files.append((b"".join(lines), keys))
    return files


# -- where jobs live -------------------------------------------------------------------------

def state_dir(options: Any) -> Path:
    return Path(options.cache_dir or default_cache_dir()) / STATE_DIR


def save(job: BatchJob, options: Any) -> Path:
    """Write the job atomically (a crash never leaves half a file)."""
    folder = state_dir(options)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{_safe(job.id)}.json"
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(job.model_dump_json(), encoding="utf-8")
    os.replace(tmp, path)
    return path


def load(job_id: str, options: Any) -> BatchJob:
    """The saved job called ``job_id`` (or holding a batch of that id)."""
    folder = state_dir(options)
    path = folder / f"{_safe(job_id)}.json"
    if not path.is_file():
        found = [p for p in sorted(folder.glob("*.json")) if job_id in {x.id for x in _read(p).parts}] \
            if folder.is_dir() else []
        if not found:
            raise UsageError(f"batch {job_id}: no such job in {folder} (give the same --cache-dir as when it was sent)")
        path = found[0]
    return _read(path)


def jobs(options: Any) -> list[BatchJob]:
    folder = state_dir(options)
    return sorted((_read(p) for p in folder.glob("*.json")), key=lambda j: j.created) if folder.is_dir() else []


def _read(path: Path) -> BatchJob:
    try:
        return BatchJob.model_validate_json(path.read_bytes())
    except (OSError, ValueError) as exc:
        raise UsageError(f"{path}: not a readable batch job ({str(exc).splitlines()[0]})") from None


def _safe(job_id: str) -> str:
    if not re.fullmatch(r"[A-Za-z0-9_.:-]{1,200}", job_id) or job_id.startswith("."):
        raise UsageError(f"batch {job_id!r}: not a batch id")
    return job_id


def kept_options(options: BriefOptions) -> dict[str, Any]:
    """The job's own settings as JSON values (dates as ISO strings), through the options model."""
    return options.model_dump(mode="json", exclude=_NOT_KEPT, exclude_none=True)


def restored_options(job: BatchJob, options: BriefOptions) -> BriefOptions:
    """``options`` (the cache dir and connection the user gives now) with the job's own settings,
    validated again by the options model (a job file written by an older version keeps fewer)."""
    return BriefOptions(**{**options.model_dump(include=_NOT_KEPT), **job.options})


# -- submit ----------------------------------------------------------------------------------

async def submit(engine: Any, articles: list[Article], client: BatchClient) -> BatchJob:
    """Send the briefing's extraction requests (those not already cached) as a batch job."""
    options = engine.options
    if not options.use_cache:
        raise UsageError("--batch stores the replies in the response cache: drop --no-cache")
    pending = extraction_requests(engine, articles)
    wanted = {p.key for p in pending}
    for earlier in jobs(options):  # the same command again (after Ctrl-C, say) must not pay twice
        if set(earlier.requests) == wanted and earlier.parts and not all(p.collected for p in earlier.parts):
            earlier.resumed = True
            return earlier
    cache = ResponseCache(options.cache_dir)
    try:
        todo = [p for p in pending if cache.get(p.key) is None]
    finally:
        cache.close()
    job = BatchJob(id="", created=time.time(), endpoint=_without_userinfo(client.endpoint), model=engine.model,
                   options=kept_options(options), articles=articles, requests={p.key: p.where for p in pending})
    if not todo:
        job.id = "cached-" + hashlib.sha256("".join(p.key for p in pending).encode()).hexdigest()[:16]
        save(job, options)
        return job
    for number, (data, keys) in enumerate(input_files(todo, client.url), 1):
        file_id = await client.upload(data, f"timeline-{int(job.created)}-{number}.jsonl")
        info = await client.create(file_id, {"tool": "timeline", "part": str(number)})
        job.parts.append(Part(id=info.id, input_file_id=file_id, keys=keys, status=info.status))
        job.id = job.id or info.id
        save(job, options)  # each batch is recorded as soon as it exists: an interrupted submit loses none
    return job


def _without_userinfo(url: str) -> str:
    """``url`` without a ``user:password@`` part: nothing secret is written to the job file."""
    return re.sub(r"//[^/@]*@", "//", url, count=1)


async def resubmit(job: BatchJob, engine: Any, client: BatchClient) -> list[Part]:
    """Send the requests of ``job`` no batch answered as new batches of the same job."""
    failed = job.failed
    todo = [p for p in extraction_requests(engine, job.articles) if p.key in failed]
    made = []
    for number, (data, keys) in enumerate(input_files(todo, client.url), len(job.parts) + 1):
        file_id = await client.upload(data, f"timeline-{int(time.time())}-{number}.jsonl")
        info = await client.create(file_id, {"tool": "timeline", "part": str(number), "job": job.id})
        job.parts.append(Part(id=info.id, input_file_id=file_id, keys=keys, status=info.status))
        made.append(job.parts[-1])
        save(job, engine.options)
    return made


# -- status and waiting ----------------------------------------------------------------------

async def refresh(job: BatchJob, client: BatchClient) -> list[BatchInfo]:
    """The provider's view of every batch of the job not yet collected (statuses saved in ``job``)."""
    infos = []
    for part in job.parts:
        if part.collected:
            infos.append(BatchInfo(id=part.id, status=part.status, total=len(part.keys),
                                   completed=len(part.answered), failed=len(part.failed)))
            continue
        info = await client.retrieve(part.id)
        part.status = info.status
        infos.append(info)
    return infos


async def wait(job: BatchJob, client: BatchClient, first: float = 10.0, most: float = 300.0,
               progress: Callable[[int, int], None] | None = None,
               sleep: Callable[[float], Any] = asyncio.sleep) -> list[BatchInfo]:
    """Poll until every batch has finished, with backoff (``first`` seconds, x1.5, up to ``most``)."""
    delay = first
    while True:
        infos = await refresh(job, client)
        if progress:
            progress(sum(i.completed + i.failed for i in infos), sum(i.total or 0 for i in infos) or len(job.requests))
        log.info("%s", "; ".join(f"batch {i.id}: {i.status}, {i.completed}/{i.total} done" for i in infos))
        if all(i.finished for i in infos):
            return infos
        await sleep(delay)
        delay = min(delay * 1.5, most)


# -- collect ---------------------------------------------------------------------------------

async def download(job: BatchJob, client: BatchClient, cache: ResponseCache) -> None:
    """Store the replies of every finished, not yet collected batch in the cache; record failures."""
    for part in job.parts:
        if part.collected:
            continue
        info = await client.retrieve(part.id)
        part.status = info.status
        if not info.finished:
            continue
        answered: set[str] = set()
        usage = RequestUsage()
        mine = set(part.keys)
        if info.output_file_id:
            for line in _lines(await client.download(info.output_file_id)):
                key, reply, problem = _result(line)
                if key not in mine:
                    continue
                if reply is None:
                    part.failed[key] = problem
                    continue
                cache.put(key, job.model, reply.to_dict(), reply.usage.model_dump())
                answered.add(key)
                usage = _plus(usage, reply.usage)
        if info.error_file_id:
            for line in _lines(await client.download(info.error_file_id)):
                key, _reply, problem = _result(line)
                if key in mine and key not in answered:
                    part.failed[key] = problem
        why = "; ".join(info.errors) if info.errors else ""
        for key in part.keys:
            if key not in answered and key not in part.failed:
                part.failed[key] = f"batch {part.id} {info.status}" + (f": {why}" if why else " before answering it")
        part.answered = sorted(answered)
        part.usage = usage
        part.collected = True


def _lines(text: str) -> list[dict[str, Any]]:
    out = []
    for raw in text.splitlines():
        if raw.strip():
            try:
                item = json.loads(raw)
            except json.JSONDecodeError:
                continue
            if isinstance(item, dict):
                out.append(item)
    return out


def _result(line: dict[str, Any]) -> tuple[str, Completion | None, str]:
    """(custom_id, the reply or None, why not) of one output or error line."""
    key = str(line.get("custom_id") or "")
    error = line.get("error") or {}
    response = line.get("response") or {}
    if error:
        return key, None, f"{error.get('code') or 'error'}: {error.get('message') or ''}".strip()
    status = int(response.get("status_code") or 0)
    body = response.get("body") or {}
    if status != 200:
        message = ((body.get("error") or {}).get("message") if isinstance(body, dict) else None) or ""
        return key, None, f"server answered {status}" + (f" ({message})" if message else "")
    try:
        return key, completion_of(body), ""
    except ChunkFailed as exc:
        return key, None, exc.reason


def _plus(a: RequestUsage, b: RequestUsage) -> RequestUsage:
    return RequestUsage(prompt_tokens=a.prompt_tokens + b.prompt_tokens, cached_tokens=a.cached_tokens + b.cached_tokens,
                        completion_tokens=a.completion_tokens + b.completion_tokens)


class BatchOnly:
    """The synchronous transport for what a batch cannot do (the reduce request, re-asks,
    truncation splits), except that the requests the batch did not answer fail their chunk
    with the batch's reason instead of being sent (``collect --sync`` sends them)."""

    def __init__(self, inner: Transport, blocked: dict[str, str]) -> None:
        self.inner = inner
        self.endpoint = inner.endpoint
        self.blocked = blocked  # body hash -> reason

    async def complete(self, request: Request) -> Completion:
        reason = self.blocked.get(body_hash(request.as_dict()))
        if reason is not None:
            raise ChunkFailed(f"not answered by the batch ({reason}); run `timeline batch resubmit` or "
                              "`timeline batch collect --sync`", attempts=1)
        return await self.inner.complete(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


def body_hash(body: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


# -- prices ----------------------------------------------------------------------------------

def batch_cost(model: str | None, prompt_tokens: int, cached_tokens: int, completion_tokens: int) -> float | None:
    """Dollars for tokens sent through the Batch API: the synchronous price, halved."""
    full = cost(model, prompt_tokens, cached_tokens, completion_tokens)
    return None if full is None else full * BATCH_DISCOUNT


def describe_estimate(plan: Plan) -> str:
    """The dry run's batch lines: what goes into the batch and its cost at batch prices."""
    sent = {c.request: c for c in plan.chunks if not c.cached}
    extraction_prompt = sum(c.prompt_tokens for c in sent.values())
    reduce_completion = SUMMARY_COMPLETION if plan.summary_prompt_tokens else 0
    batched = batch_cost(plan.model, extraction_prompt, 0, plan.completion_tokens - reduce_completion)
    synchronous = cost(plan.model, plan.summary_prompt_tokens, 0, reduce_completion) if reduce_completion else 0.0
    price = "unknown (no price for this model)" if batched is None or synchronous is None \
        else f"${batched + synchronous:.4f} (batch ${batched:.4f} at {BATCH_DISCOUNT:.0%} of the price" \
             + (f", reduce ${synchronous:.4f} sent synchronously at full price)" if reduce_completion else ")")
    full = f"${plan.cost_usd:.4f}" if plan.cost_usd is not None else "unknown"
    files = -(-len(sent) // MAX_REQUESTS)  # and more when the file passes the size limit
    return (f"batch: {len(sent)} extraction request(s) in {files} batch file(s); "
            f"{plan.extraction_requests - len(sent)} already cached\n"
            f"estimated cost at batch prices: {price}; synchronously: {full}\n")
