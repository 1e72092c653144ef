"""Merge per-chunk events into one chronology: drop duplicates, order by date and precision.

Ordering is precision-aware: a coarser date sorts before the finer dates it contains
(2011 < 2024 < 2024-11 < 2024-11-29), ranges sort by their start, and events on the same
date keep source order (article, then position), so the sort is stable and explainable.
Events without a resolved date go to the undated section, never onto an invented day.
"""
from __future__ import annotations

import re
from typing import Iterable

from .models import Article, Chronology, Event

_DIGITS = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
_RANK = {"year": 0, "month": 1, "day": 2, "range": 3, "unknown": 4}


def time_key(value: str) -> tuple[int, int, int]:
    """Sortable (year, month, day) of an ISO prefix or of a range's start; missing parts are 0."""
    match = _DIGITS.match(value.split("/", 1)[0])
    if not match:
        return (9999, 99, 99)
    year, month, day = match.groups()
    return (int(year), int(month or 0), int(day or 0))


def merge(events: Iterable[Event], articles: list[Article]) -> Chronology:
    """One chronology from events in input order (articles, then chunks, then text order)."""
    order = {a.id: i for i, a in enumerate(articles)}
    unique = _drop_overlap_duplicates(events)
    dated = [e for e in unique if e.when is not None and e.when.value]
    undated = [e for e in unique if e.when is None or not e.when.value]

    def position(e: Event) -> tuple[int, int]:
        return (order.get(e.evidence[0].article_id, len(order)), e.evidence[0].start)

    dated.sort(key=lambda e: (time_key(e.when.value), _RANK[e.when.precision], position(e)))  # type: ignore[union-attr]
    undated.sort(key=position)
    return Chronology(events=dated, undated=undated, undated_window=_window(articles))


def _drop_overlap_duplicates(events: Iterable[Event]) -> list[Event]:
    """Chunk overlap yields the same sentence twice: keep the first event per evidence span.

    Two events are the same when they come from the same article and one's evidence span
    lies within the other's; the wider one (more context) wins.
    """
    kept: list[Event] = []
    by_article: dict[str, list[int]] = {}
    for event in events:
        ev = event.evidence[0]
        duplicate = False
        for index in by_article.get(ev.article_id, []):
            other = kept[index].evidence[0]
            if other.start <= ev.start and ev.end <= other.end:
                duplicate = True
                break
            if ev.start <= other.start and other.end <= ev.end:
                kept[index] = event
                duplicate = True
                break
        if not duplicate:
            by_article.setdefault(ev.article_id, []).append(len(kept))
            kept.append(event)
    return kept


def _window(articles: list[Article]) -> str | None:
    """"around publication": the publication date, or the span of them for several articles."""
    dates = sorted({a.published for a in articles if a.published})
    if not dates:
        return None
    if len(dates) == 1:
        return f"around publication ({dates[0].isoformat()})"
    return f"around publication ({dates[0].isoformat()} to {dates[-1].isoformat()})"
