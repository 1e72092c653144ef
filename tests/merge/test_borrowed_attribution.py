"""Whose claim a merged line is: the shown wording keeps its own source, and borrows another
report's source only for the numbers both state (stories written for this test)."""
from __future__ import annotations

import datetime as dt

from timeline.models import Article, Briefing, Event
from timeline.options import BriefOptions
from timeline.run.pipeline import brief

DAY = dt.date(2025, 6, 3)


def _merged(first: str, second: str) -> Event:
    articles = [Article(id="r1", text=first, source="Valley Wire", title="Report 1", published=DAY),
                Article(id="r2", text=second, source="Orlen Post", title="Report 2", published=DAY)]
    briefing: Briefing = brief(articles, BriefOptions(engine="local"))
    [event] = [e for e in briefing.chronology.events if len(set(e.sources)) == 2]
    return event


def test_a_source_of_another_report_is_not_lent_to_an_unattributed_wording() -> None:
    # the second report's speaker said his own sentence, not the first report's verdict
    event = _merged(
        "Mayor Ivo Brandt set off an uproar on Sunday when he posted online that the Kessel bridge would close.",
        "Mayor Ivo Brandt said on Sunday in a post online that the Kessel bridge would close, the mayor's office said.")
    assert event.what.startswith("Mayor Ivo Brandt set off an uproar")
    assert event.attribution is None


def test_the_source_of_a_shared_figure_is_kept() -> None:
    event = _merged(
        "Twelve people were killed when the Kessel bridge collapsed on Sunday.",
        "Twelve people were killed when the Kessel bridge collapsed on Sunday, according to the mayor.")
    assert event.attribution == "the mayor"
