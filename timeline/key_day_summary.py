"""With --key-dates: one short neutral summary per key day, checked.

Each key day gets at most one request, built from that day's verified events only (never
article text), through the engine's own structured, cached request path
(``Engine.summarize_day``: the LLM wing's ``LLMEngine.summarize_day``; the offline engine
writes none), so a re-run costs nothing. The reply is checked like the rest of the product:
a summary that names a number the day's events do not state, whose words are mostly not in
them, or that uses loaded words in its own voice, is dropped with a warning (the day's
events still stand). The request lives in the LLM wing; the check is here, the same for
any engine.
"""
from __future__ import annotations

import asyncio
import re
from typing import Any

from .engines.base import Engine
from .models import Chronology, Event

_NUMBER = re.compile(r"\d[\d,.]*")
_WORD = re.compile(r"[a-z][a-z-]{3,}")
MIN_SUPPORT = 0.7  # share of the summary's content words the day's events must contain
_COMMON = frozenset(["that", "this", "with", "from", "were", "have", "been", "after", "their", "which", "about", "when", "they", "also", "said", "says", "according", "would", "could", "there", "other", "more", "than", "into", "over", "under", "while", "where", "what", "people"])


async def summarize_key_days(engine: Engine, chronology: Chronology) -> tuple[Chronology, list[str]]:
    """``chronology`` with ``KeyDate.summary`` filled in where the engine's summary checks out
    (``Engine.summarize_day``: the LLM wing's structured, cached request; none offline)."""
    if not chronology.key_dates:
        return chronology, []
    from .errors import ChunkFailed
    from .summary import loaded_words

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
        return _checked(" ".join(text.split()), events, day, loaded_words)

    results = await asyncio.gather(*(one(k.date.isoformat()) for k in chronology.key_dates))
    keys = [k.model_copy(update={"summary": text}) for k, (text, _) in zip(chronology.key_dates, results)]
    return chronology.model_copy(update={"key_dates": keys}), [w for _, w in results if w]


def _checked(text: str, events: list[Any], day: str, loaded_words: Any) -> tuple[str | None, str | None]:
    """(the summary, None) when supported by the day's events, else (None, why it was dropped)."""
    if not text:
        return None, None
    stated = " ".join(e.what for e in events)
    numbers = {n.rstrip(".,") for n in _NUMBER.findall(stated)}
    extra = [n.rstrip(".,") for n in _NUMBER.findall(text) if n.rstrip(".,") not in numbers and n.rstrip(".,") not in day]
    if extra:
        return None, f"key day {day}: model summary dropped: number {extra[0]} is not in the day's events"
    support = _support(text, stated)
    if support < MIN_SUPPORT:
        return None, f"key day {day}: model summary dropped: {support:.0%} of its words are in the day's events"
    loaded = loaded_words(text)
    if loaded:
        return None, f"key day {day}: model summary dropped: loaded word {loaded[0]!r} in its own voice"
    return text, None


def _support(text: str, stated: str) -> float:
    """Share of ``text``'s content words found in ``stated`` (a five-letter prefix counts:
    "struck"/"strikes" do not match, "launched"/"launch" do)."""
    words = [w for w in _WORD.findall(text.lower()) if w not in _COMMON]
    if not words:
        return 1.0
    have = {w[:5] for w in _WORD.findall(stated.lower())}
    return sum(1 for w in words if w[:5] in have) / len(words)
