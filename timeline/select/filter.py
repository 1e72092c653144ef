"""The chronology cut to what the user asked for: ``--since/--until``, ``--max-events``, key dates.

A period keeps its events when it overlaps the window (a month that straddles ``--since`` is kept),
so no event is lost for a precision the text did not give.
"""
from __future__ import annotations

from datetime import date

from timeline.models import Article, Chronology, UndatedCount
from timeline.options import BriefOptions
from timeline.timepoint import Period


def filter_chronology(chronology: Chronology, options: BriefOptions, articles: list[Article] | None = None) -> Chronology:
    """Apply --since/--until to dated events and --max-events (most widely reported first:
    counted in independent sources, so two articles of one outlet count once; copies were
    already set aside by dedupe)."""
    outlet = {a.id: (a.source or a.id).lower() for a in articles or []}
    events = chronology.events
    if options.since or options.until:
        events = [e for e in events if e.when and e.when.value and _in_window(e.when.value, options.since, options.until)]
    if options.max_events is not None and len(events) > options.max_events:
        rank = sorted(range(len(events)), key=lambda i: (-len({outlet.get(s, s) for s in events[i].sources}), i))[
            : options.max_events]
        events = [events[i] for i in sorted(rank)]
    return chronology.model_copy(update={"events": events})


UNDATED_LIST_LIMIT = 200  # above this many undated events, list counts per article instead


def select_chronology(chronology: Chronology, articles: list[Article], options: BriefOptions) -> Chronology:
    """--key-dates N --per-date K [--about WORDS] (see select/key_dates.py); --about alone keeps the
    events that mention the words; without --key-dates, a long undated list becomes counts."""
    if options.key_dates is not None:
        from timeline.select.key_dates import key_dates

        return key_dates(chronology, articles, options.key_dates, options.per_date, about=options.about)
    if options.about:
        from timeline.select.key_dates import about_events

        chronology = about_events(chronology, options.about)
    if len(chronology.undated) > UNDATED_LIST_LIMIT:
        from timeline.select.filter import summarise_undated

        return summarise_undated(chronology)
    return chronology


def _in_window(value: str, since: date | None, until: date | None) -> bool:
    """True when the period ``value`` denotes overlaps [since, until]; a value that is not a
    calendar period is outside every window."""
    try:
        return Period(value).overlaps(since, until)
    except ValueError:
        return False


def summarise_undated(chronology: Chronology) -> Chronology:
    """The undated list replaced by how many undated events each article gave (big inputs:
    thousands of undated sentences are not a briefing)."""
    counts: dict[str, int] = {}
    for event in chronology.undated:
        for article_id in event.sources:
            counts[article_id] = counts.get(article_id, 0) + 1
    rows = [UndatedCount(article_id=a, events=n) for a, n in counts.items()]
    return chronology.model_copy(update={"undated": [], "undated_counts": rows})
