"""The model proposes, the code verifies: grounding quotes and re-deriving dates.

Pure functions, no I/O. ``verify_events`` turns the model's proposals for one chunk into
``Event`` objects:

* the evidence quote must occur in the chunk (whitespace and curly/straight quote marks
  normalised); its exact offsets into the article text are computed; otherwise the
  proposal is dropped and counted;
* the date comes from the deterministic resolver reading ``when_text`` against the
  publication date; if the model's reading differs, the resolver wins and the event is
  flagged ``model_date_disagrees``; if only the model has a date, it is kept, flagged
  ``model_only_date``, and cut to the precision the expression itself supports;
* with no ``when_text`` (or one that is not in the text) the event is undated: a model's
  date without a time expression in the text is never kept.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from . import temporal
from .models import Article, Chunk, Event, Evidence, Proposal, TimePoint

FLAG_DISAGREES = "model_date_disagrees"
FLAG_MODEL_ONLY = "model_only_date"

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"',
                         "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'"})
_SPACE = re.compile(r"\s+")
_TRIM = " \t\n\"'.,;:…"
MIN_QUOTE_WORDS, MIN_QUOTE_CHARS = 3, 10


@lru_cache(maxsize=64)
def normalise(text: str) -> tuple[str, list[int]]:
    """``text`` with quote marks made straight and whitespace runs made one space, plus a
    map from each normalised character to its index in ``text``.

    Cached: every quote and time expression of a chunk is looked up in the same chunk text
    (callers must not modify the returned list)."""
    out: list[str] = []
    index: list[int] = []
    translated = text.translate(_QUOTES)
    i = 0
    while i < len(translated):
        ch = translated[i]
        if ch.isspace():
            j = i
            while j < len(translated) and translated[j].isspace():
                j += 1
            out.append(" ")
            index.append(i)
            i = j
            continue
        out.append(ch)
        index.append(i)
        i += 1
    return "".join(out), index


def substantial(quote: str) -> bool:
    """Evidence must be a real quote: "said" or "the" is found in any article, so a quote
    that short would ground anything (an injected instruction's invented event included)."""
    needle = _SPACE.sub(" ", quote.translate(_QUOTES)).strip(_TRIM)
    return len(needle) >= MIN_QUOTE_CHARS and len(needle.split()) >= MIN_QUOTE_WORDS


def find_quote(quote: str, text: str, near: int | None = None) -> tuple[int, int] | None:
    """(start, end) of ``quote`` in ``text`` after normalisation, the occurrence nearest
    ``near`` when there are several; None when it is not there."""
    needle = _SPACE.sub(" ", quote.translate(_QUOTES)).strip(_TRIM)
    if len(needle) < 3:
        return None
    haystack, index = normalise(text)
    hits = [m.start() for m in re.finditer(re.escape(needle), haystack)]
    if not hits:
        return None
    start = hits[0] if near is None else min(hits, key=lambda h: abs(index[h] - near))
    end = start + len(needle)
    return index[start], index[end - 1] + 1


_WEEKDAY_OR_DAY = re.compile(
    r"\b(mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(today|tonight|yesterday|tomorrow|morning|afternoon|evening|night)\b|"
    r"\b\d{1,2}(st|nd|rd|th)?\b(?!\d)|\b\d{4}-\d{2}-\d{2}\b", re.I)
_MONTH = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(last|this|next) month\b|\b\d{4}-\d{2}\b", re.I)
_YEAR = re.compile(r"\b(1[5-9]|20)\d{2}\b|\b(last|this|next) year\b", re.I)
_RANK = {"year": 0, "month": 1, "day": 2}


def supported_precision(when_text: str) -> str | None:
    """The finest precision ``when_text`` itself can support: 'day', 'month', 'year' or None
    (vague: "recently", "in recent years")."""
    iso = re.search(r"\b\d{4}(-\d{2})?(-\d{2})?\b", when_text)
    if iso and re.fullmatch(r"\W*\w*\W*" + re.escape(iso.group(0)) + r"\W*", when_text):
        return _precision_of(iso.group(0))
    text = _YEAR.sub(lambda m: " YEAR " if m.group(0)[0].isdigit() else m.group(0), when_text)
    if _WEEKDAY_OR_DAY.search(text.replace("YEAR", "")):
        return "day"
    if _MONTH.search(when_text):
        return "month"
    if _YEAR.search(when_text):
        return "year"
    return None


def _precision_of(value: str) -> str:
    if "/" in value:
        return "range"
    return {4: "year", 7: "month", 10: "day"}.get(len(value), "unknown")


def _clip(value: str, precision: str) -> str | None:
    """``value`` cut to ``precision`` ("2016-05-01", "year" -> "2016"); ranges are cut at both ends."""
    length = {"year": 4, "month": 7, "day": 10}[precision]
    if "/" in value:
        a, b = value.split("/", 1)
        a, b = a[:length], b[:length]
        return a if a == b else f"{a}/{b}"
    return value[:length] if len(value) >= length else value


def _same(model_value: str | None, resolved: str) -> bool:
    return model_value is not None and model_value.strip() == resolved


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
    overlapping = [t for t in tagged if t.start < span[1] and span[0] < t.end]
    overlapping.sort(key=lambda t: (t.value is None, -(min(t.end, span[1]) - max(t.start, span[0]))))
    found = next((t for t in overlapping if t.value), None)
    if found is None:
        found = temporal.resolve(when_text, published)
    text = chunk_text[span[0]:span[1]]
    if found is not None and found.value:
        flags = [] if _same(model_date, found.value) else ([FLAG_DISAGREES] if model_date else [])
        return TimePoint(value=found.value, precision=found.precision, text=text), flags
    if not model_date:
        return TimePoint(value=None, precision="unknown", text=text), []
    supported = supported_precision(when_text)
    if supported is None:
        return TimePoint(value=None, precision="unknown", text=text), []
    model_precision = _precision_of(model_date)
    if model_precision == "range" or _RANK.get(model_precision, 0) > _RANK[supported]:
        value = _clip(model_date, supported)
    else:
        value = model_date
    if value is None:
        return TimePoint(value=None, precision="unknown", text=text), []
    return TimePoint(value=value, precision=_precision_of(value), text=text), [FLAG_MODEL_ONLY]  # type: ignore[arg-type]


@dataclass
class Verified:
    events: list[Event]
    dropped: int
    reasons: list[str]


def verify_events(proposals: list[Proposal], chunk: Chunk, article: Article) -> Verified:
    """Grounded, re-dated events from one chunk's proposals; ungrounded ones dropped and counted."""
    tagged = temporal.tag(chunk.text, article.published)
    events: list[Event] = []
    reasons: list[str] = []
    for p in proposals:
        if not substantial(p.evidence):
            reasons.append(f"evidence too short to ground an event: {p.evidence[:60]!r}")
            continue
        span = find_quote(p.evidence, chunk.text)
        if span is None:
            reasons.append(f"evidence not in the article: {p.evidence[:60]!r}")
            continue
        start, end = chunk.start + span[0], chunk.start + span[1]
        when, flags = derive_when(p.when_text, p.date, chunk.text, span[0], article.published, tagged)
        events.append(
            Event(
                when=when,
                what=" ".join(p.what.split()),
                who=[w for w in p.who if w.strip()],
                where=[w for w in p.where if w.strip()],
                attribution=p.attribution or None,
                evidence=[Evidence(article_id=article.id, start=start, end=end, quote=article.text[start:end])],
                flags=flags,
            )
        )
    return Verified(events=events, dropped=len(reasons), reasons=reasons)
