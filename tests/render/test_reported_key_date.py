"""A reported key date (issue 24: a day no sentence is dated to, listed through the undated leads
published on it) is labelled in every format as the day the reports were published, and its
happening is shown undated, never with that day as its date."""
from __future__ import annotations

import io
import json
from dataclasses import replace

import pytest

from timeline.models import ArticleInfo, Briefing, Summary
from timeline.render import renderer
from timeline.render.timelinejs import timelinejs
from timeline.select.key_dates import DEFAULT_WEIGHTS, key_dates

from tests.select.test_reported_days import LEAD, _story

LABEL = "reported Wed 6 Mar 2024"


def _briefing() -> Briefing:
    chron, arts = _story()
    cut = key_dates(chron, arts, 3, 1, replace(DEFAULT_WEIGHTS, reported=0.5, reported_min=1, reported_share=1.0))
    infos = [ArticleInfo(id=a.id, number=i, published=a.published) for i, a in enumerate(arts, 1)]
    return Briefing(title="Trial", articles=infos, chronology=cut, summary=Summary(text="A trial."))


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "html", "timelinejs", "json"])
def test_every_format_labels_the_reported_day(fmt: str) -> None:
    out = io.StringIO()
    renderer(fmt)(_briefing(), out)
    text = out.getvalue()
    if fmt == "json":
        [key] = [k for k in json.loads(text)["chronology"]["key_dates"] if k["reported"]]
        assert key["date"] == "2024-03-06" and key["reports"] == [LEAD]
    else:
        assert LABEL in text and "gives no date" in text  # the terminal's table may wrap the label


def test_the_reported_happening_is_shown_undated() -> None:
    b = _briefing()
    assert [e.when for e in b.chronology.undated] == [None]
    md = io.StringIO()
    renderer("markdown")(b, md)
    undated_section = md.getvalue().split("## Undated")[1]
    assert LEAD.split("'")[0] in undated_section and LABEL in undated_section
    slides = [s for s in timelinejs(b)["events"] if s["unique_id"].startswith("reported-")]
    assert len(slides) == 1 and slides[0]["start_date"]["display_date"].startswith(LABEL)


def test_the_same_wording_on_two_reported_days_carries_each_its_own_day() -> None:
    """One lead syndicated on two days: each report is labelled with the day *its* source was
    published, never with the other day's (a wrong date is a false line)."""
    from datetime import date

    from timeline.models import Chronology, Event, Evidence, KeyDate
    from timeline.render.common import reported_label

    def report(article: str) -> Event:
        return Event(when=None, what=LEAD, evidence=[Evidence(article_id=article, start=0, end=len(LEAD), quote=LEAD)])

    first, second = date(2024, 3, 6), date(2024, 3, 9)
    keys = [KeyDate(date=d, rank=r, score=1.0, articles=1, later_articles=0, published_around=1, reported=True,
                    reports=[LEAD]) for r, d in ((1, first), (2, second))]
    events = [report("a"), report("b")]
    infos = [ArticleInfo(id="a", number=1, published=first), ArticleInfo(id="b", number=2, published=second)]
    b = Briefing(title="Trial", articles=infos, summary=Summary(text="A trial."),
                 chronology=Chronology(undated=events, key_dates=keys))
    assert reported_label(b, events[0]).startswith("reported Wed 6 Mar 2024 (key date 1 of 2")
    assert reported_label(b, events[1]).startswith("reported Sat 9 Mar 2024 (key date 2 of 2")
    unknown = Briefing(title="Trial", articles=[ArticleInfo(id="a", number=1)], summary=Summary(text="A trial."),
                       chronology=Chronology(undated=events[:1], key_dates=keys))
    assert reported_label(unknown, events[0]) == ""  # no publication day known: no day claimed
