"""brief(): wire the stages together, from articles to a Briefing.

The pipeline owns ordering and bookkeeping (which chunk failed, what was dropped, what it
cost); engines only extract and summarize. Progress goes through an optional callback so
the library never prints.
"""
from __future__ import annotations

import asyncio
import os
import re
from datetime import date
from typing import Awaitable, Callable

from .chunker import chunk_article
from .engines.base import Engine, Extraction
from .errors import AllChunksFailed, ChunkFailed, StoppedAtFailedChunk, TimelineError, UsageError, unexpected_failure
from .merge import merge
from .models import Article, ArticleInfo, Briefing, Chronology, Chunk, Event, FailedChunk, Summary
from .options import BriefOptions
from .summary import neutrality_warnings
from .tokens import counter_for


Progress = Callable[[int, int], None]


def choose_engine(options: BriefOptions) -> tuple[str, str | None]:
    """The engine to run and, for 'auto', a one-line note saying why."""
    if options.engine not in ("auto", "local", "openai"):
        raise UsageError(f"--engine: unknown engine {options.engine!r} (choose auto, local or openai)")
    if options.engine != "auto":
        return options.engine, None
    configured = options.base_url or os.environ.get("OPENAI_API_KEY") or os.environ.get("OPENAI_BASE_URL") \
        or os.environ.get("AZURE_OPENAI_API_KEY")
    if configured:
        return "openai", "engine: openai (an API key or base URL is configured)"
    return "local", "engine: offline (no OPENAI_API_KEY or base URL set; results come from rules, not a model)"


def make_engine(name: str, options: BriefOptions) -> Engine:
    if name == "local":
        from .engines.local import LocalEngine

        return LocalEngine()
    from .engines.openai import OpenAIEngine  # imported only when used: keeps start-up fast

    return OpenAIEngine(options)


def chunk_articles(articles: list[Article], options: BriefOptions, model: str | None = None) -> list[Chunk]:
    counter = counter_for(model)
    chunks: list[Chunk] = []
    for article in articles:
        chunks.extend(chunk_article(article, counter, options.max_chunk_tokens))
    return chunks


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
    options = options or BriefOptions()
    warnings: list[str] = []
    if engine is None:
        name, _note = choose_engine(options)
        engine = make_engine(name, options)
    earlier = _earlier_articles(previous, articles)
    all_articles = earlier + articles
    try:
        chunks = chunk_articles(articles, options, getattr(engine, "model", None))
        by_id = {a.id: a for a in articles}
        events, failed, dropped = await _extract_all(engine, chunks, by_id, options, warnings, progress)
        if chunks and len(failed) == len(chunks):
            raise AllChunksFailed(failed)
        if previous is not None:
            for event in events:
                event.is_new = True
            events = [e.model_copy(update={"is_new": False}) for e in _all_events(previous)] + events
        chronology = filter_chronology(merge(events, all_articles), options)
        summary = await engine.summarize(chronology, all_articles)
    finally:
        await engine.aclose()
    summary = add_disagreements(summary, chronology, all_articles)
    warnings.extend(neutrality_warnings(summary, chronology.events + chronology.undated))
    missing = [a.id for a in all_articles if a.published is None]
    if missing:
        warnings.insert(0, _no_date_warning(missing))
    warnings.extend(f"chunk failed: {f.article_id} [{f.start}:{f.end}]: {f.reason}" for f in failed)
    if dropped:
        warnings.append(f"{dropped} proposed event(s) dropped: evidence not found in the article")
    engine.usage.token_counter = counter_for(getattr(engine, "model", None)).name
    return Briefing(
        title=previous.title if previous else _title(articles),
        articles=[_info(a, i) for i, a in enumerate(all_articles, 1)],
        chronology=chronology,
        summary=summary,
        usage=engine.usage,
        warnings=list(dict.fromkeys(warnings)),
        failed_chunks=failed,
        dropped_events=dropped,
    )


async def _extract_all(
    engine: Engine,
    chunks: list[Chunk],
    by_id: dict[str, Article],
    options: BriefOptions,
    warnings: list[str],
    progress: Progress | None,
) -> tuple[list[Event], list[FailedChunk], int]:
    done = 0

    async def one(pack: list[Chunk]) -> list[Extraction | ChunkFailed]:
        nonlocal done
        try:
            results: list[Extraction | ChunkFailed] = list(await engine.extract_pack(pack, by_id))
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
        done += len(pack)
        if progress:
            progress(done, len(chunks))
        return results

    if progress:
        progress(0, len(chunks))  # the bar shows the total from the start
    packs = engine.pack(chunks, options.max_chunk_tokens)
    tasks = [asyncio.ensure_future(one(p)) for p in packs]
    try:
        per_pack = await asyncio.gather(*tasks)
    except BaseException:  # --fail-fast, a fatal engine error or Ctrl-C: stop the chunks still running
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise
    results = [r for rs in per_pack for r in rs]
    chunks = [c for p in packs for c in p]
    events: list[Event] = []
    failed: list[FailedChunk] = []
    dropped = 0
    for chunk, result in zip(chunks, results):
        if isinstance(result, ChunkFailed):
            failed.append(FailedChunk(article_id=chunk.article_id, start=chunk.start, end=chunk.end, reason=result.reason))
            continue
        for event in result.events:
            _drop_impossible_date(event, warnings)
            for ev in event.evidence:
                if ev.when is None and event.when is not None:
                    ev.when = event.when  # each source keeps its own reading through merges
        events.extend(result.events)
        dropped += result.dropped
        warnings.extend(result.warnings)
    events, repeats = _without_repeats(events)
    if repeats:
        warnings.append(f"{repeats:,} repeated sentence(s) read once (the same words and date again in one article)")
    return events, failed, dropped


def _without_repeats(events: list[Event]) -> tuple[list[Event], int]:
    """Events minus repeats within one article: same words (case and spacing aside) and same
    date. A pasted page that repeats itself (a 5 MB article of the same paragraphs) then
    yields its events once, not tens of thousands of copies for merge and the summary."""
    seen: set[tuple[str, str | None, str]] = set()
    kept: list[Event] = []
    for event in events:
        article_id = event.evidence[0].article_id if event.evidence else ""
        key = (article_id, event.when.value if event.when else None, " ".join(event.what.casefold().split()))
        if key in seen:
            continue
        seen.add(key)
        kept.append(event)
    return kept, len(events) - len(kept)


_ISO_PERIOD = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?(?:/\d{4}(?:-\d{2}(?:-\d{2})?)?)?$")


def _drop_impossible_date(event: Event, warnings: list[str]) -> None:
    """An event dated outside the calendar (year 0, month 13: a resolver defect on text such as
    '2024 years ago') keeps its words but loses the value, so merge, select and the renderers
    never see a date they cannot compute with; a warning names it."""
    when = event.when
    if when is None or when.value is None or not _ISO_PERIOD.match(when.value):
        return
    try:
        first, last = period_bounds(when.value)
        valid = first.year >= 1 and first <= last
    except ValueError:
        valid = False
    if not valid:
        warnings.append(f"date {when.value!r} read from {when.text!r} is not a calendar date; left unresolved")
        unresolved = when.model_copy(update={"value": None, "precision": "unknown"})
        event.when = unresolved
        for ev in event.evidence:
            if ev.when is not None and ev.when.value == when.value:
                ev.when = unresolved


def _all_events(briefing: Briefing) -> list[Event]:
    return briefing.chronology.events + briefing.chronology.undated


def _earlier_articles(previous: Briefing | None, new: list[Article]) -> list[Article]:
    """Articles of an earlier briefing, without their text (their events are already known)."""
    if previous is None:
        return []
    new_ids = {a.id for a in new}
    clash = [a.id for a in previous.articles if a.id in new_ids]
    if clash:
        from .errors import InputError

        raise InputError(f"{clash[0]}: already in the earlier briefing; give only new articles with --update")
    return [Article(id=a.id, title=a.title, text="", published=a.published, source=a.source, url=a.url, path=a.path)
            for a in previous.articles]


def filter_chronology(chronology: Chronology, options: BriefOptions) -> Chronology:
    """Apply --since/--until to dated events and --max-events (most widely reported first)."""
    events = chronology.events
    if options.since or options.until:
        events = [e for e in events if e.when and e.when.value and _in_window(e.when.value, options.since, options.until)]
    if options.max_events is not None and len(events) > options.max_events:
        rank = sorted(range(len(events)), key=lambda i: (-len(events[i].sources), i))[: options.max_events]
        events = [events[i] for i in sorted(rank)]
    return chronology.model_copy(update={"events": events})


def _in_window(value: str, since: date | None, until: date | None) -> bool:
    """True when the period ``value`` denotes overlaps [since, until]; a value that is not a
    calendar period is outside every window."""
    try:
        first, last = period_bounds(value)
    except ValueError:
        return False
    return (since is None or last >= since) and (until is None or first <= until)


def period_bounds(value: str) -> tuple[date, date]:
    """First and last day of '2024', '2024-11', '2024-11-29' or a range 'A/B'."""
    import calendar

    if "/" in value:
        a, b = value.split("/", 1)
        return period_bounds(a)[0], period_bounds(b)[1]
    parts = [int(p) for p in value.split("-")[:3]]
    if len(parts) == 1:
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    if len(parts) == 2:
        return date(parts[0], parts[1], 1), date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return date(*parts), date(*parts)


def add_disagreements(summary: Summary, chronology: Chronology, articles: list[Article]) -> Summary:
    """Append one attributed sentence per material disagreement between sources."""
    from .render.common import format_value, short

    names = {a.id: a.source or a.title or a.id for a in articles}
    sentences = []
    for event in chronology.events + chronology.undated:
        for conflict in event.conflicts:
            by_value: dict[str, list[str]] = {}
            for v in conflict.values:
                shown = format_value(v.value) if conflict.kind == "date" else v.value
                who = by_value.setdefault(shown, [])
                if names.get(v.article_id, v.article_id) not in who:
                    who.append(names.get(v.article_id, v.article_id))
            said = "; ".join(f"{' and '.join(who)} report{'s' if len(who) == 1 else ''} {value}"
                             for value, who in by_value.items())
            topic = (f"date of “{short(event.what)}”" if conflict.kind == "date"
                     else f"number of {conflict.label} in “{short(event.what)}”")
            sentences.append(f"Sources disagree on the {topic}: {said}.")
    if not sentences or all(s in summary.text for s in sentences):
        return summary
    return summary.model_copy(update={"text": (summary.text + " " + " ".join(sentences)).strip()})


def _no_date_warning(missing: list[str]) -> str:
    which = "the article" if len(missing) == 1 else f"{len(missing)} articles ({', '.join(missing[:3])}...)"
    return (f"no publication date for {which}: day-relative dates such as 'Friday' are left unresolved; "
            "give --published YYYY-MM-DD or a 'published:' front-matter field")


def _title(articles: list[Article]) -> str:
    if len(articles) == 1:
        return articles[0].title or f"Briefing: {articles[0].id}"
    titled = [a.title for a in articles if a.title]
    return f"Briefing: {titled[0]} and {len(articles) - 1} more" if titled else f"Briefing: {len(articles)} articles"


def _info(article: Article, number: int) -> ArticleInfo:
    return ArticleInfo(
        id=article.id, number=number, title=article.title, published=article.published, source=article.source,
        url=article.url, path=article.path, chars=len(article.text),
    )


def published_or_none(value: str | None) -> date | None:
    from .sources import parse_date

    return parse_date(value, "--published") if value else None


# --- model engine: dry run (see plan.py) ------------------------------------------------------


def plan(articles: list[Article], options: BriefOptions | None = None):  # type: ignore[no-untyped-def]
    """What a briefing of ``articles`` would send to the model and cost; sends nothing."""
    from .plan import plan as _plan

    return _plan(articles, options or BriefOptions())
