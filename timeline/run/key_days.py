"""With --key-dates: one short neutral summary per key day, checked.

Each key day gets at most one request, built from that day's verified events only (never
article text), through the engine's own structured, cached request path
(``Engine.summarize_day``: the LLM wing's ``LLMEngine.summarize_day``; the offline engine
writes none), so a re-run costs nothing. The reply is checked like the briefing's summary,
by the same check (``summary.check_summary`` against a chronology of that day's events
only): a summary with a sentence whose numbers, names, dates or content words the day's
events do not back, or that uses loaded words in its own voice, is dropped with a warning
(the day's events still stand). The request lives in the LLM wing; the check is here, the
same for any engine.
"""
from __future__ import annotations

import asyncio
from collections.abc import Sequence

from timeline.engines.base import Engine
from timeline.models import Article, Chronology, Event, Summary


async def summarize_key_days(engine: Engine, chronology: Chronology, articles: Sequence[Article] = ()
                             ) -> tuple[Chronology, list[str]]:
    """``chronology`` with ``KeyDate.summary`` filled in where the engine's summary checks out
    (``Engine.summarize_day``: the LLM wing's structured, cached request; none offline).
    ``articles`` give the publication dates a relative date in the summary resolves against."""
    if not chronology.key_dates:
        return chronology, []
    from timeline.errors import ChunkFailed

    by_day: dict[str, list[Event]] = {}
    for event in chronology.events:
        day = event.when.period.day if event.when and event.when.period else None
        if day is not None:  # a key day's events are those of that day (as select.day_of)
            by_day.setdefault(day.isoformat(), []).append(event)

    async def one(day: str) -> tuple[str | None, str | None]:
        events = by_day.get(day, [])
        if not events:
            return None, None
        try:
            text = await engine.summarize_day(events)
        except ChunkFailed as exc:
            return None, f"key day {day}: the model's summary failed ({exc.reason})"
        if text is None:
            return None, None
        return checked_day_summary(" ".join(text.split()), events, day, articles)

    results = await asyncio.gather(*(one(k.date.isoformat()) for k in chronology.key_dates))
    keys = [k.model_copy(update={"summary": text}) for k, (text, _) in zip(chronology.key_dates, results)]
    return chronology.model_copy(update={"key_dates": keys}), [w for _, w in results if w]


def checked_day_summary(text: str, events: list[Event], day: str, articles: Sequence[Article] = ()
                        ) -> tuple[str | None, str | None]:
    """(the summary, None) when every sentence of it is backed by the day's events and it has no
    loaded word in its own voice, else (None, why it was dropped). One check for the briefing's
    summary and the key days' (``summary.check_summary``): a day summary with any unsupported
    sentence is dropped whole, since the model wrote it from these events only."""
    from timeline.summary.check import check_summary
    from timeline.summary.loaded import loaded_words

    if not text:
        return None, None
    ids = {ev.article_id for e in events for ev in e.evidence}
    sources = [a for a in articles if a.id in ids]
    kept, problems = check_summary(Summary(text=text), Chronology(events=events), sources, fallback=True)
    if problems:
        why = problems[0].replace("summary sentence removed, not supported by the chronology", "not supported by the day's events")
        return None, f"key day {day}: model summary dropped: {why}"
    if not kept.text:
        return None, f"key day {day}: model summary dropped: no sentence the day's events back"
    loaded = loaded_words(text)
    if loaded:
        return None, f"key day {day}: model summary dropped: loaded word {loaded[0]!r} in its own voice"
    return text, None
