"""Reported days (issue 24): a day no sentence is dated to can be a key date through the undated
leads of the articles published on it, labelled as the day the reports were published; the
happening stays undated, and one stray article in a story reported densely does not make a day."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from timeline.lang.en.words import is_past_report
from timeline.models import Article, Chronology, Event, Evidence, TimePoint
from timeline.select.key_dates import DEFAULT_WEIGHTS, key_dates, undated_leads

D0 = date(2024, 3, 1)
REPORTED = D0 + timedelta(days=5)
STRAY = D0 + timedelta(days=8)
LEAD = "A judge has ordered the singer's doctor to stand trial over his death."
STRAY_LEAD = "A fan club has opened a small museum of the singer's stage costumes."
TAIL = " The court heard evidence from twenty witnesses. The doctor's lawyers said he was innocent."
ON = replace(DEFAULT_WEIGHTS, reported=0.5, reported_min=1, reported_share=1.0)


def _when(day: date) -> TimePoint:
    return TimePoint(value=day.isoformat(), precision="day", text="on Friday")


def _undated(article: str, what: str) -> Event:
    return Event(when=None, what=what, evidence=[Evidence(article_id=article, start=0, end=len(what), quote=what)])


def _story() -> tuple[Chronology, list[Article]]:
    """Three articles report a dated day; three more, published on REPORTED, open with the same
    undated report; one published on STRAY opens with another. Median articles per publication
    day: 3."""
    dated_text = "The singer died at his home on Friday, his family said." + TAIL
    arts = [Article(id=f"d{i}", text=dated_text, published=D0 + timedelta(days=1)) for i in range(3)]
    events = [Event(when=_when(D0), what=dated_text.split(" The court")[0],
                    evidence=[Evidence(article_id=a.id, start=0, end=55, quote=dated_text[:55], when=_when(D0))
                              for a in arts])]
    arts += [Article(id=f"r{i}", text=LEAD + TAIL, published=REPORTED) for i in range(3)]
    arts.append(Article(id="s0", text=STRAY_LEAD + TAIL, published=STRAY))
    undated = [_undated(f"r{i}", LEAD) for i in range(3)] + [_undated("s0", STRAY_LEAD)]
    return Chronology(events=events, undated=undated), arts


def test_a_day_with_only_undated_leads_enters_labelled_as_reported() -> None:
    chron, arts = _story()
    cut = key_dates(chron, arts, 3, 1, ON)
    keys = {k.date: k for k in cut.key_dates}
    assert set(keys) == {D0, REPORTED}
    assert keys[REPORTED].reported and keys[REPORTED].reports == [LEAD] and keys[REPORTED].articles == 3
    assert not keys[D0].reported and keys[D0].reports == []
    # the happening stays undated: listed among the undated events, never given the day
    assert [e.what for e in cut.undated] == [LEAD] and cut.undated[0].when is None
    assert all(e.what != LEAD for e in cut.events)


def test_one_stray_article_in_a_densely_reported_story_does_not_make_a_day() -> None:
    chron, arts = _story()
    assert STRAY in undated_leads(chron, arts)  # its lead is a report ...
    cut = key_dates(chron, arts, 5, 1, ON)
    assert STRAY not in {k.date for k in cut.key_dates}  # ... but 1 article < the median 3 a day


def test_the_shipped_weights_list_the_reported_day_and_keep_the_stray_out() -> None:
    chron, arts = _story()
    cut = key_dates(chron, arts, 5, 1)  # share 0.5 of the median 3 articles a day: at least 1.5
    assert {k.date for k in cut.key_dates} == {D0, REPORTED} and [e.what for e in cut.undated] == [LEAD]


def test_reported_days_are_off_with_no_least_count() -> None:
    chron, arts = _story()
    cut = key_dates(chron, arts, 5, 1, replace(DEFAULT_WEIGHTS, reported_min=0))
    assert {k.date for k in cut.key_dates} == {D0} and cut.undated == []


def test_about_counts_for_a_reported_day_whose_report_mentions_the_words() -> None:
    chron, arts = _story()
    cut = key_dates(chron, arts, 1, 1, ON, about="judge trial")
    assert [k.date for k in cut.key_dates] == [REPORTED]


def test_a_day_with_a_dated_sentence_is_not_a_reported_day() -> None:
    chron, arts = _story()
    arts += [Article(id=f"x{i}", text=LEAD + TAIL, published=D0) for i in range(3)]
    chron = chron.model_copy(update={"undated": chron.undated + [_undated(f"x{i}", LEAD) for i in range(3)]})
    keys = {k.date: k for k in key_dates(chron, arts, 5, 1, ON).key_dates}
    assert not keys[D0].reported


def test_a_preview_or_a_lead_with_a_date_is_no_report() -> None:
    chron, arts = _story()
    preview = "Closing statements will begin in the doctor's trial, the court said."
    arts = [a for a in arts if not a.id.startswith("r")]
    arts += [Article(id=f"r{i}", text=preview + TAIL, published=REPORTED) for i in range(3)]
    chron = chron.model_copy(update={"undated": [_undated(f"r{i}", preview) for i in range(3)]})
    assert REPORTED not in undated_leads(chron, arts)
    # a lead the text dates (a dated event in the same sentence) is the dated day's, not a report
    chron, arts = _story()
    dated = chron.events[0].model_copy(update={"evidence": [Evidence(article_id="r0", start=0, end=10, quote=LEAD[:10],
                                                                     when=_when(D0))]})
    chron = chron.model_copy(update={"events": chron.events + [dated]})
    assert "r0" not in {e.evidence[0].article_id for e in undated_leads(chron, arts).get(REPORTED, [])}


@pytest.mark.parametrize("sentence, expected", [
    ("A judge has ordered the doctor to stand trial over the singer's death.", True),
    ("The singer died of cardiac arrest at his home in Los Angeles.", True),
    ("Prosecutors said the doctor gave the singer a fatal dose.", True),
    ("Closing statements will begin in the trial of the doctor.", False),
    ("The singer has been a star since 1970 and sold millions of records.", False),
    ("Fans gather outside the court in Los Angeles every morning.", False),
])
def test_is_past_report(sentence: str, expected: bool) -> None:
    assert is_past_report(sentence) is expected


def test_an_event_that_is_no_report_does_not_count_for_a_reported_lead() -> None:
    """The lead sentence reports ("has ordered"), but the undated event found at its start says
    what may come ("may face", as when a glued sentence's spans run together): the event shown
    would not be a report, so the day is not given by it."""
    arts = [Article(id=f"r{i}", text=LEAD + TAIL, published=REPORTED) for i in range(3)]
    what = "He may face four years in jail if convicted."
    undated = [_undated(f"r{i}", what) for i in range(3)]
    assert undated_leads(Chronology(undated=undated), arts) == {}
    assert REPORTED in undated_leads(Chronology(undated=[_undated(f"r{i}", LEAD) for i in range(3)]), arts)



def test_topicality_does_not_lift_a_reported_day() -> None:
    """A reported day's reports are leads, about the story by construction: their closeness to
    the story would not compare with a dated day's mentions, so only ``reported`` scores it and
    a ranking by topicality alone puts every dated day first."""
    from timeline.select.key_dates import candidate_days, rank_days

    chron, arts = _story()
    _, reported, signals = candidate_days(chron, arts, ON)
    assert REPORTED in reported and signals[REPORTED].topical == 0.0 and signals[D0].topical > 0.0
    only_topical = replace(ON, mentions=0, later=0, burst=0, central=0, cited=0, reported=0, topical=1)
    assert [d for d, _ in rank_days(signals, only_topical)][0] == D0
    only_reported = replace(only_topical, reported=1, topical=0)
    assert [d for d, _ in rank_days(signals, only_reported)][0] == REPORTED
