"""An event's date: our resolver on the verbatim time expression; the model's value is a hint.

``supported_precision`` says what precision a quoted expression can give, so nothing gets a finer
date than its text.
"""
from __future__ import annotations

import re
from datetime import date

from timeline import temporal
from timeline.models import TimePoint
from timeline.timepoint import RANK, Period
from timeline.text.quotes import find_quote
from timeline.lang.en import dates as calendar

FLAG_DISAGREES = "model_date_disagrees"
FLAG_MODEL_ONLY = "model_only_date"


_WEEKDAY_OR_DAY = re.compile(
    r"\b" + calendar.ANY_WEEKDAY + r"\b|\b(today|tonight|yesterday|tomorrow|morning|afternoon|evening|night)\b|"
    r"\b\d{1,2}(st|nd|rd|th)?\b(?!\d)|\b\d{4}-\d{2}-\d{2}\b", re.I)
_MONTH = re.compile(r"\b" + calendar.MONTH_STEM + r"[a-z]*\b|\b(last|this|next) month\b|\b\d{4}-\d{2}\b", re.I)
_YEAR = re.compile(r"\b(1[5-9]|20)\d{2}\b|\b(last|this|next) year\b", re.I)


def supported_precision(when_text: str) -> str | None:
    """The finest precision ``when_text`` itself can support: 'day', 'month', 'year' or None
    (vague: "recently", "in recent years")."""
    iso = re.search(r"\b\d{4}(-\d{2})?(-\d{2})?\b", when_text)
    if iso and re.fullmatch(r"\W*\w*\W*" + re.escape(iso.group(0)) + r"\W*", when_text):
        return Period(iso.group(0)).precision
    text = _YEAR.sub(lambda m: " YEAR " if m.group(0)[0].isdigit() else m.group(0), when_text)
    if _WEEKDAY_OR_DAY.search(text.replace("YEAR", "")):
        return "day"
    if _MONTH.search(when_text):
        return "month"
    if _YEAR.search(when_text):
        return "year"
    return None


def _same(model_value: str | None, resolved: str) -> bool:
    return model_value is not None and model_value.strip() == resolved


def earlier_within(value: str, text: str, published: date | None) -> str:
    """"earlier this week" in a Wednesday's article: Monday to Tuesday, never the days after
    publication (the resolver gives the whole week; its other readings are left as they are)."""
    if published is None or "/" not in value or not text.strip().lower().startswith("earlier"):
        return value
    start, _, end = value.partition("/")
    try:
        first, last = date.fromisoformat(start), date.fromisoformat(end)
    except ValueError:
        return value
    from datetime import timedelta

    cap = published - timedelta(days=1) if published - timedelta(days=1) >= first else published
    if last <= cap or cap < first:
        return value
    return first.isoformat() if cap == first else f"{first.isoformat()}/{cap.isoformat()}"


def derive_when(
    when_text: str | None,
    model_date: str | None,
    chunk_text: str,
    evidence_at: int,
    published: date | None,
    tagged: list[temporal.TimeExpression] | None = None,
) -> tuple[TimePoint | None, list[str]]:
    """The event's date and flags: the resolver's reading of ``when_text`` where it has one.

    ``evidence_at`` is the evidence's offset in ``chunk_text``; ``tagged`` may pass the
    chunk's tagged expressions to avoid re-tagging per event.
    """
    if not when_text or not when_text.strip():
        return None, []
    span = find_quote(when_text, chunk_text, near=evidence_at)
    if span is None:
        return None, []
    if tagged is None:
        tagged = temporal.tag(chunk_text, published)
    # "between April 23 and 28" is one span, read the way the offline engine reads it
    overlapping = temporal.joined_ranges(chunk_text, [t for t in tagged if t.start < span[1] and span[0] < t.end])
    overlapping.sort(key=lambda t: (t.value is None, -(min(t.end, span[1]) - max(t.start, span[0]))))
    found = next((t for t in overlapping if t.value), None)
    if found is None:
        found = temporal.resolve(when_text, published)
    text = chunk_text[span[0]:span[1]]
    if found is not None and temporal.is_bare_clock(found):
        # "at 4 p.m.": the day would be a guess, the publication date's or the model's (clauses.is_bare_clock)
        return TimePoint(value=None, text=text), []
    if found is not None and found.value:
        value = earlier_within(found.value, text, published)
        flags = [] if _same(model_date, value) else ([FLAG_DISAGREES] if model_date else [])
        return TimePoint(value=value, text=text), flags
    if not model_date:
        return TimePoint(value=None, text=text), []
    supported = supported_precision(when_text)
    if supported is None:
        return TimePoint(value=None, text=text), []
    model = Period(model_date)
    if model.precision == "range" or (model.precision != "unknown" and model.rank > RANK[supported]):
        model = model.clip(supported)
    return TimePoint(value=model.value, text=text), [FLAG_MODEL_ONLY]
