"""One chunk's way through the engine and verify, shared by the in-process path
(pipeline.py) and the offline worker processes (parallel.py): propose every pack of chunks,
verify each chunk's proposals (``ChunkOutcome``), and the collector setting for a large run."""
from __future__ import annotations

import asyncio
import dataclasses
import gc
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator

from timeline.engines.base import ChunkProposals, Engine
from timeline.errors import ChunkFailed, StoppedAtFailedChunk, TimelineError, unexpected_failure
from timeline.models import Article, Chunk, DroppedEvent, Event, FailedChunk, Proposal
from timeline.options import BriefOptions
from timeline.timepoint import Period
from timeline.run.isolate import isolated
from timeline.verify.verify_events import Verified, verify_events

_OFFLINE_ENGINE = "timeline.engines.local"  # the module of the engine whose taggings verify may trust

Progress = Callable[[int, int], None]


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Python's cyclic garbage collector run less often for the duration (thresholds raised,
    never lowered, and restored after). A briefing builds hundreds of thousands of objects that
    live to its end (articles, events, evidence) and holds no cycles among them; with the
    default thresholds the collector kept rescanning them: 6.9 s of a 52 s 1,500-article run
    (measured with gc.callbacks), 1.6 s with these, and the same peak memory. The middle
    generation is collected after 1,000 young collections, not 50: it holds every survivor,
    and scanning it found nothing to free (the 1,500-article story: 0.26-0.32 s of collections
    -> 0.01 s, the same 182 cycles left for the end, peak 255 MB either way)."""
    saved = gc.get_threshold()
    gc.set_threshold(max(saved[0], 20_000), max(saved[1], 1_000), max(saved[2], 100))
    try:
        yield
    finally:
        gc.set_threshold(*saved)


async def _propose_all(
    engine: Engine,
    chunks: list[Chunk],
    by_id: dict[str, Article],
    options: BriefOptions,
    progress: Progress | None,
    then: Callable[[Chunk, ChunkProposals | ChunkFailed], Any] | None = None,
) -> list[tuple[Chunk, Any]]:
    """Every chunk with what the engine proposed for it (or why it failed), in pack order;
    with ``then``, with ``then(chunk, proposed)`` instead, made as soon as its pack is proposed.

    Packs run concurrently in one TaskGroup: --fail-fast, a fatal engine error or Ctrl-C
    cancels the packs still running and the first error is raised as itself. ``then`` is the
    verify stage: run right after the engine read the chunk, it finds the chunk's sentences,
    clean spans and attributions still in the caches the engine filled (verified after every
    chunk was proposed, they had long been evicted: issue 26), and the proposals go at once.
    """
    done = 0

    async def one(pack: list[Chunk]) -> list[Any]:
        nonlocal done
        try:
            results: list[ChunkProposals | ChunkFailed] = list(await engine.propose_pack(pack, by_id))
        except TimelineError:  # fatal for the whole run (no key, 401...) or --fail-fast
            raise
        except Exception as exc:  # fault isolation: a defect in one pack fails its chunks, not the run
            failure = exc if isinstance(exc, ChunkFailed) else unexpected_failure(exc)
            if options.fail_fast:
                raise StoppedAtFailedChunk(pack[0].article_id, pack[0].start, pack[-1].end, failure) from None
            results = [failure] * len(pack)
        if options.fail_fast:
            failed_here = next((r for r in results if isinstance(r, ChunkFailed)), None)
            if failed_here is not None:
                chunk = pack[results.index(failed_here)]
                raise StoppedAtFailedChunk(chunk.article_id, chunk.start, chunk.end, failed_here) from None
        if type(engine).__module__ != _OFFLINE_ENGINE:
            # verify trusts a tagging's facts (engines.base.Tagging) for the offline engine's own
            # proposals only: another engine's are dropped here and verify computes its own
            results = [dataclasses.replace(r, tagging=None) if isinstance(r, ChunkProposals) and r.tagging is not None
                       else r for r in results]
        done += len(pack)
        if progress:
            progress(done, len(chunks))
        if then is not None:
            return [then(chunk, result) for chunk, result in zip(pack, results)]
        return results

    if progress:
        progress(0, len(chunks))  # the bar shows the total from the start
    packs = engine.pack(chunks, options.max_chunk_tokens)
    try:
        async with asyncio.TaskGroup() as group:
            tasks = [group.create_task(one(p)) for p in packs]
    except BaseExceptionGroup as errors:
        raise _first(errors) from None
    return [(c, r) for p, t in zip(packs, tasks) for c, r in zip(p, t.result())]


def _first(errors: BaseExceptionGroup) -> BaseException:
    """The first leaf error of a TaskGroup's group (the one that cancelled the others)."""
    first = errors.exceptions[0]
    return _first(first) if isinstance(first, BaseExceptionGroup) else first


@dataclass
class ChunkOutcome:
    """What the verify stage made of one chunk: its failure, or its verified events, the
    refused proposals, partial summaries, warnings and the reasons of the drops, in chunk order."""

    failed: FailedChunk | None = None
    events: list[Event] = field(default_factory=list)
    rejected: list[DroppedEvent] = field(default_factory=list)
    partials: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    where: str = ""  # "article [start:end]", for the log


def _verify_chunk(chunk: Chunk, result: ChunkProposals | ChunkFailed, article: Article) -> ChunkOutcome:
    """The verify stage for one chunk of any engine, here or in a worker process. Merge's
    reading of each event (``merge.profile``) is made by merge, in the main process: made in
    a worker, the profiles were sent to and held by the main process through the pool, beside
    the worker (the 1,500-article story's tree peaked at 290 MB that way, 265 MB without)."""
    if isinstance(result, ChunkFailed):
        return ChunkOutcome(failed=FailedChunk(article_id=chunk.article_id, start=chunk.start, end=chunk.end,
                                               reason=result.reason))
    def run(proposals: list[Proposal]) -> tuple[Verified, list[Event], list[str]]:
        verified = verify_events(proposals, chunk, article, result.tagging)
        warnings: list[str] = []
        events = [_with_source_dates(_without_impossible_date(e, warnings)) for e in verified.events]
        return verified, events, warnings

    (verified, events, warnings), failed = isolated("verify", result.proposals, run, chunk.article_id)
    warnings.extend(result.warnings)
    return ChunkOutcome(events=events, rejected=[*verified.rejected, *result.unplaced, *failed],
                        partials=list(result.summaries),
                        warnings=warnings, reasons=list(verified.reasons),
                        where=f"{article.id} [{chunk.start}:{chunk.end}]")


_ISO_PERIOD = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?(?:/\d{4}(?:-\d{2}(?:-\d{2})?)?)?$")


def _without_impossible_date(event: Event, warnings: list[str]) -> Event:
    """An event dated outside the calendar (year 0, month 13: a resolver defect on text such as
    '2024 years ago') keeps its words but loses the value, so merge, select and the renderers
    never see a date they cannot compute with; a warning names it."""
    when = event.when
    if when is None or when.value is None or not _ISO_PERIOD.match(when.value):
        return event
    try:
        first, last = Period(when.value).bounds
        valid = first.year >= 1 and first <= last
    except ValueError:
        valid = False
    if valid:
        return event
    warnings.append(f"date {when.value!r} read from {when.text!r} is not a calendar date; left unresolved")
    unresolved = when.model_copy(update={"value": None, "precision": "unknown"})
    evidence = [ev.model_copy(update={"when": unresolved}) if ev.when is not None and ev.when.value == when.value
                else ev for ev in event.evidence]
    return event.model_copy(update={"when": unresolved, "evidence": evidence})


def _with_source_dates(event: Event) -> Event:
    """``event`` whose evidence each keeps this source's reading of the date, so every source
    keeps its own reading through merges."""
    if event.when is None or all(ev.when is not None for ev in event.evidence):
        return event
    evidence = [ev if ev.when is not None else ev.model_copy(update={"when": event.when}) for ev in event.evidence]
    return event.model_copy(update={"evidence": evidence})
