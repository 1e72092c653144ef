"""--format timelinejs validates against the fields Knight Lab documents for TimelineJS JSON.

The models below transcribe https://timeline.knightlab.com/docs/json-format.html (Timeline:
events, title, eras, scale; Slide: start_date, end_date, text, media, group, display_date,
background, autolink, unique_id; Date: year required, month, day, hour, minute, second,
millisecond, display_date; Text: headline, text; Media: url required, caption, credit,
thumbnail, alt, title, link, link_target). ``extra="forbid"``: a field TimelineJS does not
document fails the test.
"""
from __future__ import annotations

import json
from datetime import date

from pydantic import BaseModel, ConfigDict, field_validator

from timeline.models import (
    Article,
    Briefing,
    Chronology,
    Event,
    Evidence,
    Summary,
    TimePoint,
)
from timeline.render.timelinejs import render_timelinejs


class _M(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TLDate(_M):
    year: int
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    second: int | None = None
    millisecond: int | None = None
    display_date: str | None = None

    @field_validator("month")
    @classmethod
    def _month(cls, v: int | None) -> int | None:
        assert v is None or 1 <= v <= 12
        return v


class TLText(_M):
    headline: str | None = None
    text: str | None = None


class TLMedia(_M):
    url: str
    caption: str | None = None
    credit: str | None = None
    thumbnail: str | None = None
    alt: str | None = None
    title: str | None = None
    link: str | None = None
    link_target: str | None = None


class TLSlide(_M):
    start_date: TLDate | None = None
    end_date: TLDate | None = None
    text: TLText | None = None
    media: TLMedia | None = None
    group: str | None = None
    display_date: str | None = None
    background: dict | None = None
    autolink: bool | None = None
    unique_id: str | None = None


class TLTimeline(_M):
    events: list[TLSlide]
    title: TLSlide | None = None
    eras: list[TLSlide] | None = None
    scale: str | None = None


def _event(value: str | None, precision: str, what: str, article: str = "a") -> Event:
    when = TimePoint(value=value, precision=precision, text="t") if precision != "none" else None  # type: ignore[arg-type]
    return Event(when=when, what=what, evidence=[Evidence(article_id=article, start=0, end=len(what), quote=what)])


def _briefing() -> Briefing:
    from timeline.models import ArticleInfo

    events = [_event("2011", "year", "The war began."), _event("2024-11", "month", "Talks <b>failed</b>."),
              _event("2024-11-29", "day", "Rebels entered <script>alert(1)</script> Aleppo.", "b"),
              _event("2024-11-27/2024-11-30", "range", "Strikes went on."),
              _event(None, "unknown", "Something on Friday.")]
    return Briefing(title="Syria", articles=[
        ArticleInfo(id="a", number=1, title="Report A", source="Wire", url="https://news.example.com/a"),
        ArticleInfo(id="b", number=2, title="Report B", url="javascript:alert(1)")],
        chronology=Chronology(events=events[:4] + [events[4]], undated=[_event(None, "none", "Undated thing.")]),
        summary=Summary(text="A summary & more."))


def test_timelinejs_json_validates_against_the_documented_fields() -> None:
    data = json.loads(render_timelinejs(_briefing()))
    doc = TLTimeline.model_validate(data)
    assert [s.start_date.model_dump(exclude_none=True, exclude={"display_date"}) for s in doc.events if s.start_date] == [
        {"year": 2011}, {"year": 2024, "month": 11}, {"year": 2024, "month": 11, "day": 29},
        {"year": 2024, "month": 11, "day": 27}]
    assert doc.events[3].end_date and doc.events[3].end_date.day == 30
    assert len(doc.events) == 4  # the unresolved and undated events have no place on a time axis
    assert doc.title and doc.title.text and "2 event(s)" in (doc.title.text.text or "")


def test_precision_is_never_invented() -> None:
    doc = TLTimeline.model_validate(json.loads(render_timelinejs(_briefing())))
    year_only = doc.events[0].start_date
    assert year_only and year_only.month is None and year_only.day is None


def test_article_text_is_escaped_and_media_only_for_http_urls() -> None:
    doc = TLTimeline.model_validate(json.loads(render_timelinejs(_briefing())))
    rebels = doc.events[2]
    assert rebels.text and "&lt;script&gt;" in (rebels.text.text or "") and "<script" not in (rebels.text.text or "")
    assert rebels.media is None  # its only source has a javascript: URL: no link, no media
    # an article's page is no media (TimelineJS showed it as a broken image); its link is in the text
    assert all(s.media is None for s in doc.events)
    assert 'href="https://news.example.com/a"' in (doc.events[0].text.text or "")
    assert "javascript:" not in render_timelinejs(_briefing())


def test_a_real_briefing_exports() -> None:
    from timeline.run.pipeline import BriefOptions, brief

    text = "The bridge opened in 1968. Engineers closed it on Monday, the city said."
    b = brief([Article(id="x", text=text, published=date(2025, 3, 11))], BriefOptions(engine="local"))
    doc = TLTimeline.model_validate(json.loads(render_timelinejs(b)))
    assert {s.start_date.year for s in doc.events if s.start_date} == {1968, 2025}


def test_a_range_shows_its_dates_once() -> None:
    doc = TLTimeline.model_validate(json.loads(render_timelinejs(_briefing())))
    ranged = [s for s in doc.events if s.end_date]
    assert ranged
    for slide in ranged:  # one display for the whole slide: TimelineJS adds the end date to a start's own
        assert slide.display_date and slide.start_date and slide.start_date.display_date is None


def test_real_media_is_kept() -> None:
    from timeline.render.timelinejs import _is_media

    assert _is_media("https://cdn.example.com/photo.jpg") and _is_media("https://www.youtube.com/watch?v=x")
    assert not _is_media("https://news.example.com/a")
