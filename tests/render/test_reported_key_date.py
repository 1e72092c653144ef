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
