"""brief(): wire the stages together, from articles to a Briefing.

The pipeline owns ordering and bookkeeping (which chunk failed, what was dropped, what it
cost); engines only extract and summarize. Progress goes through an optional callback so
the library never prints.
"""
from __future__ import annotations

import asyncio
import logging
import os
from datetime import date
from typing import Awaitable

from timeline.text.chunker import chunk_articles as _chunk_articles
from timeline.engines.base import Engine
from timeline.engines.llm.plan import Plan
from timeline.engines.registry import ENGINES, choose_engine, make_engine
from timeline.errors import AllChunksFailed
from timeline.sources.dedupe import dedupe
from timeline.summary.disagreements import add_disagreements
from timeline.merge.combine import merge
from timeline.models import Article, ArticleInfo, Briefing, Chronology, Chunk, DroppedEvent, Event, FailedChunk, Summary
from timeline.options import BriefOptions
from timeline.summary.check import check_summary
from timeline.summary.loaded import neutrality_warnings
from timeline.text.tokens import counter_for, release_counters
from timeline.verify.warnings import verification_warnings
from timeline.run.isolate import FAILED, aisolated, isolated
from timeline.run.propose import (
    ChunkOutcome,
    Progress,
    _propose_all,
    _verify_chunk,
    fewer_collections,
)
from timeline.select.filter import filter_chronology, select_chronology

log = logging.getLogger(__name__)




def chunk_articles(articles: list[Article], options: BriefOptions | None = None, model: str | None = None
                   ) -> list[Chunk]:
    """The chunks a briefing with ``options`` reads (``chunker.chunk_articles`` with its budget)."""
    return _chunk_articles(articles, (options or BriefOptions()).max_chunk_tokens, model)


POOL_MIN_CHUNKS = 400  # below this many chunks an offline run stays in one process (a pool costs about 1 s to start)
MAX_WORKERS = 4  # processes; each worker holds its batch and the package (about 70 MB); see docs/benchmarks.md


def pool_workers(engine: Engine, chunks: int) -> int:
    """How many processes propose and verify ``chunks`` chunks (this one included): 1 unless the
    engine computes offline (``Engine.parallel``), the run is large and there are cores to use.
    ``TIMELINE_WORKERS`` sets the number (1: never a pool), ``TIMELINE_POOL_MIN_CHUNKS`` the size."""
    workers, least = _pool_settings(engine)
    return workers if chunks >= least else 1


def _pool_settings(engine: Engine) -> tuple[int, int]:
    """(processes for a large run, the fewest chunks that make a run large)."""
    if not getattr(engine, "parallel", False):
        return 1, 0
    try:
        least = max(int(os.environ.get("TIMELINE_POOL_MIN_CHUNKS", POOL_MIN_CHUNKS)), 2)
        wanted = int(os.environ.get("TIMELINE_WORKERS", 0))
    except ValueError:
        from timeline.errors import UsageError

        raise UsageError("TIMELINE_WORKERS and TIMELINE_POOL_MIN_CHUNKS must be whole numbers") from None
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return (wanted if wanted > 0 else _workers_that_pay(cores, _load())), least


POOL_MIN_CORES = 3  # with this many cores, two of them idle, a pool of up to MAX_WORKERS processes


def _workers_that_pay(cores: int, load: float) -> int:
    """Processes that propose and verify (this one included) where they pay; the load average
    says how many other processes want a core. Two where a core is idle beside this process:
    this one proposes its share beside one worker (run/pool.py). On two cores, with the load at
    4-7 (no idle core), that took 0.77-0.94x the wall of one process for 11-20 % more CPU: the
    time was taken from the other processes, not from idle cores; with the load at 1.1 a pool
    of two took 0.72x the wall (docs/benchmarks.md, issue 26). Up to MAX_WORKERS on three or
    more cores of which two are idle (not measurable on the two-core machine; each worker adds
    about 70 MB at the run's peak)."""
    idle = cores - load
    if cores >= POOL_MIN_CORES and idle >= 2:
        return min(cores, MAX_WORKERS)
    return 2 if cores >= 2 and idle >= 1 else 1


def _load() -> float:
    """How many other processes want a core: the 1-minute load average, or the processes that
    run right now when fewer. Why both: the average lags by a minute, so a run just ended left
    it high on an idle machine (a second run started after it stayed in one process, issue 26);
    the instant alone is noisy, and a busy machine shows in both."""
    try:
        average = os.getloadavg()[0]
    except (AttributeError, OSError):
        return 0.0
    now = _running_now()
    return average if now is None else min(average, now)


_LOADAVG_FILE = "/proc/loadavg"


def _running_now() -> float | None:
    """Other tasks runnable at this instant (Linux's /proc/loadavg "running/total" field, this
    process's own thread not counted), or None where there is no such file."""
    try:
        with open(_LOADAVG_FILE, encoding="ascii") as f:
            running = int(f.read().split()[3].split("/")[0])
    except (OSError, ValueError, IndexError):
        return None
    return float(max(running - 1, 0))


async def _chunk_propose_verify(engine: Engine, articles: list[Article], by_id: dict[str, Article],
                                options: BriefOptions, progress: Progress | None
                                ) -> tuple[list[ChunkOutcome], int, set[str]]:
    """Each chunk's verify outcome in chunk order, how many chunks, and the articles that
    have chunks: over worker processes for a large offline run (run/pool.py), else here, the
    engine proposing and verify checking chunk by chunk."""
    workers, least = _pool_settings(engine)
    if workers > 1:
        from timeline.run.pool import chunk_and_pool

        chunks, pooled, count, chunked = await chunk_and_pool(type(engine), articles, options, progress, workers,
                                                              least, engine.model, engine)
        if pooled is not None:
            return pooled, count, chunked
    else:
        chunks = _chunk_articles(articles, options.max_chunk_tokens, engine.model)
        if not engine.counts_tokens:
            release_counters()  # chunking was its last use: about 35 MB less through the rest of the run
    # each chunk verified as soon as it is proposed (its proposals let go at once: the run's
    # memory peak is at merge)
    verified = await _propose_all(engine, chunks, by_id, options, progress,
                                  lambda chunk, result: _verify_chunk(chunk, result, by_id[chunk.article_id]))
    outcomes: list[ChunkOutcome] = [outcome for _chunk, outcome in verified]
    return outcomes, len(chunks), {c.article_id for c in chunks}


def brief(
    articles: list[Article],
    options: BriefOptions | None = None,
    engine: Engine | None = None,
    progress: Progress | None = None,
    previous: Briefing | None = None,
) -> Briefing:
    """The briefing for ``articles``: chronology, summary, usage and warnings.

    With ``previous`` (an earlier briefing), only ``articles`` are read; their events are
    merged into the earlier chronology and marked new.
    """
    return asyncio.run(_boxed(abrief(articles, options, engine, progress, previous))).value


class _Box:
    """A result with a cheap repr. asyncio.run formats repr(main task), result included, when
    it restores the Ctrl-C handler; a 2,000-article briefing's repr took 8 s of a 60 s run."""

    __slots__ = ("value",)

    def __init__(self, value: Briefing) -> None:
        self.value = value

    def __repr__(self) -> str:
        return "<briefing>"


async def _boxed(run: Awaitable[Briefing]) -> _Box:
    return _Box(await run)


async def abrief(
    articles: list[Article],
    options: BriefOptions | None = None,
    engine: Engine | None = None,
    progress: Progress | None = None,
    previous: Briefing | None = None,
) -> Briefing:
    """sources -> chunk -> propose -> verify -> merge -> select -> summarize -> Briefing.

    Each stage returns new values; nothing an engine or an earlier stage returned is changed.
    """
    with fewer_collections():
        return await _abrief(articles, options, engine, progress, previous)


async def _abrief(
    articles: list[Article],
    options: BriefOptions | None,
    engine: Engine | None,
    progress: Progress | None,
    previous: Briefing | None,
) -> Briefing:
    options = options or BriefOptions()
    warnings: list[str] = []
    if engine is None:
        name, _note = choose_engine(options)
        engine = make_engine(name, options)
    deduped = dedupe(articles)  # issue 14: copies are read once, boilerplate lines blanked
    articles = deduped.articles
    earlier = _earlier_articles(previous, articles)
    all_articles = earlier + articles
    try:
        by_id = {a.id: a for a in articles}
        token_counter = counter_for(engine.model).name  # before chunking, which loads it anyway
        outcomes, chunk_count, chunked = await _chunk_propose_verify(engine, articles, by_id, options, progress)
        events, failed, rejected, partials = _collect(outcomes, warnings)
        del outcomes
        dropped = sum(not d.reason.startswith(FAILED) for d in rejected)
        if chunk_count and len(failed) == chunk_count:
            raise AllChunksFailed(failed)
        if previous is not None:
            events = [e.model_copy(update={"is_new": False}) for e in _all_events(previous)] \
                + [e.model_copy(update={"is_new": True}) for e in events]

        def merge_run(some: list[Event]) -> Chronology:
            return merge(some, all_articles)

        merged, failed_merge = isolated("merge", events, merge_run)
        rejected.extend(failed_merge)

        def select_run(some: list[Event]) -> Chronology:
            chosen = _restricted(merged, some)
            return select_chronology(filter_chronology(chosen, options, all_articles), all_articles, options)

        chronology, failed_select = isolated("select", merged.events + merged.undated, select_run)
        rejected.extend(failed_select)
        if options.max_events is not None:
            windowed = filter_chronology(merged, options.model_copy(update={"max_events": None}), all_articles)
            cut = len(windowed.events) - len(chronology.events)
            if cut > 0:
                warnings.append(f"--max-events {options.max_events}: {cut} less widely reported dated event(s) "
                                f"left out (of {len(windowed.events)})")
        read_all = chunked >= {a.id for a in all_articles}

        async def summary_run(some: list[Event]) -> tuple[Chronology, Summary, list[str]]:
            chosen = _restricted(chronology, some)
            said: list[str] = []
            if chosen.key_dates:
                from timeline.run.key_days import summarize_key_days

                chosen, day_warnings = await summarize_key_days(engine, chosen, all_articles)
                said.extend(day_warnings)
            summary = await engine.summarize(chosen, all_articles, partials if read_all else [])
            summary, removed = check_summary(summary, chosen, all_articles)
            said.extend(removed)
            summary = add_disagreements(summary, chosen, all_articles)
            said.extend(neutrality_warnings(summary, chosen.events + chosen.undated))
            return chosen, summary, said

        (chronology, summary, said), failed_summary = await aisolated(
            "summary", chronology.events + chronology.undated, summary_run)
        rejected.extend(failed_summary)
        warnings.extend(said)
    finally:
        await engine.aclose()
    missing = [a.id for a in all_articles if a.published is None]
    if missing:
        warnings.insert(0, _no_date_warning(missing))
    warnings.extend(f"chunk failed: {f.article_id} [{f.start}:{f.end}]: {f.reason}" for f in failed)
    failures = [d for d in rejected if d.reason.startswith(FAILED)]
    warnings.extend(f"event failed: {d.article_id}: {d.reason} (dropped: {d.what[:60]!r})" for d in failures)
    if dropped:
        warnings.append(f"{dropped} proposed event(s) dropped: evidence not found in the article or not "
                        "supported by it (reasons under 'dropped' in JSON)")
    warnings.extend(verification_warnings(chronology))
    usage = engine.usage.model_copy(update={"token_counter": token_counter})
    from timeline.select.not_used import not_used

    earlier_infos = {a.id: a for a in previous.articles} if previous else {}
    return Briefing(
        title=_title(all_articles) if previous is None or previous.title == _title(earlier) else previous.title,
        articles=[_info(a, i, deduped.copies, earlier_infos) for i, a in enumerate(all_articles, 1)],
        chronology=chronology,
        summary=summary,
        usage=usage,
        warnings=list(dict.fromkeys(warnings)),
        failed_chunks=failed,
        dropped_events=dropped,
        not_used=(previous.not_used if previous else []) + not_used(deduped, merged, chronology),
        dropped=rejected,
    )


def _restricted(chronology: Chronology, events: list[Event]) -> Chronology:
    """``chronology`` with only ``events`` (itself when they are all of its events, in order)."""
    everything = chronology.events + chronology.undated
    if len(events) == len(everything) and all(a is b for a, b in zip(events, everything)):
        return chronology
    kept = {id(e) for e in events}
    return chronology.model_copy(update={"events": [e for e in chronology.events if id(e) in kept],
                                         "undated": [e for e in chronology.undated if id(e) in kept]})


def _collect(outcomes: list[ChunkOutcome], warnings: list[str]
             ) -> tuple[list[Event], list[FailedChunk], list[DroppedEvent], list[str]]:
    """Every chunk's outcome in chunk order: (events without repeats, failed chunks, refused
    proposals, partial summaries)."""
    events: list[Event] = []
    failed: list[FailedChunk] = []
    partials: list[str] = []
    rejected: list[DroppedEvent] = []
    for outcome in outcomes:
        if outcome.failed is not None:
            failed.append(outcome.failed)
            continue
        for reason in outcome.reasons:
            log.info("%s: dropped proposal: %s", outcome.where, reason)
        events.extend(outcome.events)
        rejected.extend(outcome.rejected)
        partials.extend(outcome.partials)
        warnings.extend(outcome.warnings)
    kept = _unrepeated(events)
    repeats = len(events) - len(kept)
    if repeats:
        events = [events[i] for i in kept]
        warnings.append(f"{repeats:,} repeated sentence(s) read once (the same words and date again in one article)")
    return events, failed, rejected, partials


def _unrepeated(events: list[Event]) -> list[int]:
    """Indices of ``events`` that are not repeats within one article, in order: same words (case
    and spacing aside) and same date. A pasted page that repeats itself (a 5 MB article of the same
    paragraphs) then yields its events once, not tens of thousands of copies for merge and the summary."""
    seen: set[tuple[str, str | None, str]] = set()
    kept: list[int] = []
    for i, event in enumerate(events):
        article_id = event.evidence[0].article_id if event.evidence else ""
        key = (article_id, event.when.value if event.when else None, " ".join(event.what.casefold().split()))
        if key in seen:
            continue
        seen.add(key)
        kept.append(i)
    return kept


def _all_events(briefing: Briefing) -> list[Event]:
    return briefing.chronology.events + briefing.chronology.undated


def _earlier_articles(previous: Briefing | None, new: list[Article]) -> list[Article]:
    """Articles of an earlier briefing, without their text (their events are already known)."""
    if previous is None:
        return []
    new_ids = {a.id for a in new}
    clash = [a.id for a in previous.articles if a.id in new_ids]
    if clash:
        from timeline.errors import InputError

        raise InputError(f"{clash[0]}: already in the earlier briefing; give only new articles with --update")
    return [Article(id=a.id, title=a.title, text="", published=a.published, source=a.source, url=a.url, path=a.path)
            for a in previous.articles]


def _no_date_warning(missing: list[str]) -> str:
    which = f"the article {missing[0]}" if len(missing) == 1 else f"{len(missing)} articles ({', '.join(missing[:3])}...)"
    return (f"no publication date for {which}: day-relative dates such as 'Friday' are left unresolved; "
            "give --published YYYY-MM-DD or a 'published:' front-matter field")


def _title(articles: list[Article]) -> str:
    if len(articles) == 1:
        return articles[0].title or f"Briefing: {articles[0].id}"
    titled = [a.title for a in articles if a.title]
    return f"Briefing: {titled[0]} and {len(articles) - 1} more" if titled else f"Briefing: {len(articles)} articles"


def _info(article: Article, number: int, copies: dict | None = None, earlier: dict | None = None) -> ArticleInfo:
    if earlier and article.id in earlier:  # an article of the earlier briefing keeps what it had
        return earlier[article.id].model_copy(update={"number": number})
    return ArticleInfo(
        id=article.id, number=number, title=article.title, published=article.published, source=article.source,
        url=article.url, path=article.path, chars=len(article.text), copies=(copies or {}).get(article.id, []),
    )


def published_or_none(value: str | None) -> date | None:
    from timeline.sources import parse_date

    return parse_date(value, "--published") if value else None


def plan(articles: list[Article], options: BriefOptions | None = None) -> Plan:
    """What a briefing of ``articles`` would send to the model and cost; sends nothing.

    The dry run is the model engine's own method, so the estimate and the run share one
    code path (chunking, packing, requests, cache keys)."""
    options = options or BriefOptions()
    name = options.engine if options.engine in ENGINES and ENGINES[options.engine].plans \
        else next(n for n, e in ENGINES.items() if e.plans)
    engine = make_engine(name, options, dry_run=True)
    # syndicated copies and the same file twice are read once in a run: the plan reads them once too
    return engine.plan(dedupe(articles).articles)  # type: ignore[attr-defined, no-any-return]
