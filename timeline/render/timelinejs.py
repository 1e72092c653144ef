"""TimelineJS export: the JSON that Knight Lab's TimelineJS reads, for newsroom publishing.

Fields as TimelineJS documents them (https://timeline.knightlab.com/docs/json-format.html):
a ``title`` slide and ``events``, each with ``start_date`` (``year``, and ``month``/``day``
only when the text gives them: an event known to the year stays a year), ``end_date`` for a
range, ``display_date`` (our own reading of the date), ``text.headline``/``text.text``,
``media`` only when a source's URL is real media (an image, audio, video or a video site; an
article page is not: TimelineJS would show it as a broken image) and ``unique_id``
(no ``group``: one row per attribution would split a story into many thin rows). TimelineJS shows ``text`` as HTML, so every article string is escaped and the
only markup is ours: source links, attributions and disagreement notes. Events with no date
of their own cannot be placed on a timeline; the title slide says how many were left out.
"""
from __future__ import annotations

import html
import json
import re
from typing import Any, TextIO

from timeline.models import Briefing, Event
from timeline.render.common import (
    citations,
    describe_conflict,
    describe_updates,
    flag_texts,
    format_when,
    reported_key_date,
    reported_label,
    short,
)
from timeline.render.escape import http_url as _http_url
from timeline.render.escape import strip_controls

_ISO = re.compile(r"^(-?\d{1,4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def render(briefing: Briefing, out: TextIO) -> None:
    """Write the TimelineJS JSON for ``briefing`` to ``out`` (the renderer-table entry point)."""
    out.write(render_timelinejs(briefing))


def render_timelinejs(briefing: Briefing) -> str:
    return json.dumps(timelinejs(briefing), ensure_ascii=False, indent=2) + "\n"


def timelinejs(briefing: Briefing) -> dict[str, Any]:
    """The TimelineJS document as a dict."""
    events = []
    for index, event in enumerate(briefing.chronology.events, 1):
        slide = _slide(event, briefing, index)
        if slide:
            events.append(slide)
    for index, event in enumerate(briefing.chronology.undated, 1):
        slide = _reported_slide(event, briefing, index)  # a reported key date: on the day its reports were published
        if slide:
            events.append(slide)
    left_out = len(briefing.chronology.undated) + len(briefing.chronology.events) - len(events)
    intro = f"<p>{_e(briefing.summary.text)}</p>"
    if left_out:
        intro += f"<p><em>{left_out} event(s) with no date of their own are listed in the full briefing only.</em></p>"
    return {"title": {"text": {"headline": _e(briefing.title), "text": intro}, "unique_id": "title"},
            "events": events}


def _slide(event: Event, briefing: Briefing, index: int) -> dict[str, Any] | None:
    period = event.when.period if event.when else None
    if period is None:
        return None
    start, end = period.ends[0], period.ends[-1] if len(period.ends) > 1 else ""
    start_date = date_fields(start)
    if start_date is None:
        return None
    shown = _plain(format_when(event.when))
    slide: dict[str, Any] = {
        "start_date": start_date,
        "text": {"headline": _e(short(event.what, 12)), "text": _body(event, briefing)},
        "unique_id": f"event-{index}",
    }
    end_date = date_fields(end) if end else None
    if end_date:
        # a range: one display for the slide, or TimelineJS shows our "A - B" then " - B" again
        slide["end_date"] = end_date
        slide["display_date"] = shown
    else:
        start_date["display_date"] = shown
    media = _media(event, briefing)
    if media:
        slide["media"] = media
    return slide


def _reported_slide(event: Event, briefing: Briefing, index: int) -> dict[str, Any] | None:
    """A slide for an undated report a reported key date lists: placed on the day the reports
    were published, its display date saying so ("reported Thu 25 Jun 2009 ..."), never as the
    happening's own date, which the text does not give."""
    key = reported_key_date(briefing, event)
    if key is None:
        return None
    start_date = date_fields(key.date.isoformat())
    if start_date is None:
        return None
    start_date["display_date"] = _plain(reported_label(briefing, event))
    return {"start_date": start_date, "text": {"headline": _e(short(event.what, 12)), "text": _body(event, briefing)},
            "unique_id": f"reported-{index}"}


def date_fields(value: str) -> dict[str, Any] | None:
    """``{"year": 2024, "month": 11}`` for '2024-11': only the parts the value has; None if not a date."""
    match = _ISO.match(value.strip())
    if not match:
        return None
    year, month, day = match.groups()
    fields: dict[str, Any] = {"year": int(year)}
    if month:
        fields["month"] = int(month)
        if day:
            fields["day"] = int(day)
    return fields


def _body(event: Event, briefing: Briefing) -> str:
    articles = {a.number: a for a in briefing.articles}
    parts = [f"<p>{_e(event.what)}</p>"]
    if event.attribution:
        parts.append(f"<p><em>according to {_e(event.attribution)}</em></p>")
    cites = []
    for n in citations(event, briefing):
        article = articles[n]
        label = _e(article.title or article.source or article.id)
        url = _http_url(article.url)
        cites.append(f'[{n}] <a href="{_e(url)}" target="_blank" rel="noopener noreferrer">{label}</a>' if url
                     else f"[{n}] {label}")
    if cites:
        parts.append("<p>Sources: " + "; ".join(cites) + "</p>")
    flags = flag_texts(event)
    if flags:
        parts.append("<p>Flags: " + ", ".join(_e(f) for f in flags) + "</p>")
    for conflict in event.conflicts:
        headline, values = describe_conflict(event, conflict, briefing)
        parts.append(f"<p>Sources disagree: {_e(headline)}: " + "; ".join(f"{_e(v)} {c}" for v, c in values) + "</p>")
    for line in describe_updates(event, briefing):
        parts.append(f"<p>Figure updated: {_e(line)}</p>")
    return "".join(parts)


# TimelineJS loads ``media.url`` as an image, video or embed: an article's page is none of these
# (it showed as a broken image on every slide). Media only when a source's URL is real media;
# the source links are in the slide's text.
_MEDIA_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".mp4", ".webm", ".mp3", ".ogg", ".wav")
_MEDIA_HOSTS = ("youtube.com", "youtu.be", "vimeo.com", "soundcloud.com", "dailymotion.com")


def _is_media(url: str) -> bool:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    return parts.path.lower().endswith(_MEDIA_SUFFIXES) or any(host == h or host.endswith("." + h)
                                                               for h in _MEDIA_HOSTS)


def _media(event: Event, briefing: Briefing) -> dict[str, str] | None:
    articles = {a.number: a for a in briefing.articles}
    for n in citations(event, briefing):
        article = articles[n]
        url = _http_url(article.url)
        if url and _is_media(url):
            media = {"url": url, "caption": _e(article.title or url), "link": url}
            if article.source:
                media["credit"] = _e(article.source)
            return media
    return None


def _plain(text: str) -> str:
    return " ".join(strip_controls(text).split())


def _e(text: str | None) -> str:
    """Article text as inert HTML (TimelineJS renders these fields as markup)."""
    return html.escape(_plain(text or ""), quote=True)
