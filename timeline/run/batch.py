"""A batch job's end: its replies read into the cache, then the normal pipeline over the job's articles.

The request files and result parsing are ``engines.llm.batch``; the order of the work is here.
"""
from __future__ import annotations

from typing import Any, Callable


from timeline.models import Briefing
from timeline.engines.llm.cache import ResponseCache
from timeline.engines.llm.batch import BatchClient, BatchJob, BatchNotReady, BatchOnly, batch_cost, body_hash, body_of, download, extraction_requests, save, wait


async def finish(job: BatchJob, engine: Any, sync: bool = False,
                 progress: Callable[[int, int], None] | None = None) -> Briefing:
    """The briefing of the job's articles through the normal pipeline, replies from the cache.

    ``engine`` is an ``LLMEngine`` with the real transport; unless ``sync``, it is wrapped so
    that requests the batch did not answer fail their chunks instead of being sent."""
    from timeline.run.pipeline import abrief

    failed = job.failed
    if failed and not sync:
        blocked = {body_hash(body_of(p.params)): failed[p.key]
                   for p in extraction_requests(engine, job.articles) if p.key in failed}
        engine.transport = BatchOnly(engine.transport, blocked)
    briefing = await abrief(job.articles, engine.options, engine=engine, progress=progress)
    return with_batch_usage(briefing, job)


async def collect(job: BatchJob, options: Any, client: BatchClient, engine: Any, sync: bool = False,
                  poll: float | None = None, progress: Callable[[int, int], None] | None = None) -> Briefing:
    """The job's briefing: wait for its batches (when ``poll`` is given, polling from that many
    seconds), store their replies in the cache, then ``finish``. ``engine`` is an ``LLMEngine``
    over the synchronous transport (for the reduce request and re-asks). Raises
    ``BatchNotReady`` while a batch is still running; the job is saved either way."""
    if poll is not None:
        await wait(job, client, first=poll, progress=progress)
    cache = ResponseCache(options.cache_dir)
    try:
        await download(job, client, cache)
    finally:
        cache.close()
        save(job, options)
    waiting = [p for p in job.parts if not p.collected]
    if waiting:
        await engine.aclose()
        raise BatchNotReady(f"batch {', '.join(f'{p.id} is {p.status}' for p in waiting)}: "
                            f"run 'timeline batch collect {job.id}' again later (or add --wait)")
    unanswered = sorted(job.failed)
    briefing = await finish(job, engine, sync=sync)
    if sync and unanswered and not briefing.failed_chunks:
        # every request the batch left was answered now: `batch list` must not say "not answered"
        job.answered_sync = sorted(set(job.answered_sync) | set(unanswered))
        save(job, options)
    return briefing


def with_batch_usage(briefing: Briefing, job: BatchJob) -> Briefing:
    """The briefing's usage with the batch's own requests and tokens, billed at batch prices
    (the engine saw them as cache hits)."""
    answered = len(job.answered)
    spent = job.usage
    dollars = batch_cost(job.model, spent.prompt_tokens, spent.cached_tokens, spent.completion_tokens) or 0.0
    u = briefing.usage
    usage = u.model_copy(update={
        "requests": u.requests + answered, "cached_responses": max(u.cached_responses - answered, 0),
        "prompt_tokens": u.prompt_tokens + spent.prompt_tokens, "cached_tokens": u.cached_tokens + spent.cached_tokens,
        "completion_tokens": u.completion_tokens + spent.completion_tokens,
        "cost_usd": round(u.cost_usd + dollars, 8)})
    return briefing.model_copy(update={"usage": usage})
