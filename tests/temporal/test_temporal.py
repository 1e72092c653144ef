"""Unit tests of the date tagger/resolver (timeline.temporal)."""
from __future__ import annotations

from datetime import date

import pytest

from timeline.temporal import TimeExpression, resolve, tag

MON = date(2024, 12, 2)  # a Monday, the seed article's publication date


def values(text: str, ref: date | None = MON) -> list[tuple[str, str | None]]:
    return [(e.text, e.value) for e in tag(text, ref)]


def one(text: str, ref: date | None = MON) -> TimeExpression:
    found = [e for e in tag(text, ref) if e.value] or tag(text, ref)
    assert found, f"nothing found in {text!r}"
    return found[0]


def test_offsets_index_the_text():
    text = "These attacks took place early Monday in northwestern Syria. On Sunday, jets struck Idlib."
    found = tag(text, MON)
    assert [(e.text, e.value, e.precision) for e in found] == [
        ("early Monday", "2024-12-02", "day"), ("Sunday", "2024-12-01", "day")]
    for e in found:
        assert text[e.start:e.end] == e.text


@pytest.mark.parametrize("text, value", [
    ("On Friday night, insurgents advanced into Aleppo.", "2024-11-29"),
    ("The strikes happened early Monday.", "2024-12-02"),
    ("Officials said Wednesday the toll had risen.", "2024-11-27"),
    ("He left last Friday.", "2024-11-29"),
    ("The vote will be held next Friday.", "2024-12-06"),
    ("The summit will open Thursday.", "2024-12-05"),
    ("Talks are set to resume Tuesday.", "2024-12-03"),
    ("He spoke yesterday.", "2024-12-01"),
    ("Today, the army said", "2024-12-02"),
    ("The vote is tomorrow.", "2024-12-03"),
    ("They met 10 days ago.", "2024-11-22"),
])
def test_days_relative_to_publication(text, value):
    e = one(text)
    assert (e.value, e.precision) == (value, "day")


@pytest.mark.parametrize("text, value, precision", [
    ("the death toll since November 27 rose", "2024-11-27", "day"),
    ("The plan was signed Oct. 30.", "2024-10-30", "day"),
    ("The dividend will be paid Dec. 14.", "2024-12-14", "day"),
    ("on March 22nd, 2013", "2013-03-22", "day"),
    ("on 22 March 2013", "2013-03-22", "day"),
    ("filed 3/22/2013 in court", "2013-03-22", "day"),
    ("dated 2013-03-22.", "2013-03-22", "day"),
    ("Sept. 11, 2001 changed everything", "2001-09-11", "day"),
    ("the raid in May 2010 on the ship", "2010-05", "month"),
    ("He lost his bid last May.", "2024-05", "month"),
    ("Sales rose in July.", "2024-07", "month"),
    ("Earlier this month, the board met.", "2024-12", "month"),
    ("He was charged last month.", "2024-11", "month"),
    ("recapturing it in 2016 after a siege", "2016", "year"),
    ("the front lines had been static since 2020", "2020", "year"),
    ("Revenue fell last year.", "2023", "year"),
    ("The law kicks in next year.", "2025", "year"),
    ("profit this year", "2024", "year"),
    ("two years ago", "2022", "year"),
    ("compared with $99 million a year earlier", "2023", "year"),
    ("the year-earlier results", "2023", "year"),
    ("in fiscal 2025", "2025", "year"),
    ("by the end of 1990", "1990", "year"),
    ("Atlanta, nineteen ninety-six.", "1996", "year"),
    ("the 1990s", "1990/1999", "range"),
    ("third-quarter profit", "2024-07-01/2024-09-30", "range"),
    ("the first quarter of 2013", "2013-01-01/2013-03-31", "range"),
    ("this summer", "2024-06-01/2024-08-31", "range"),
    ("last week", "2024-11-25/2024-12-01", "range"),
])
def test_values_and_precisions(text, value, precision):
    e = one(text)
    assert (e.value, e.precision) == (value, precision)


@pytest.mark.parametrize("text", [
    "recently", "in recent days", "in recent years", "now", "currently", "the past",
    "three years", "a decade", "in years", "for decades", "the past two years", "the nine months",
    "a four-week closure", "every Monday", "each July", "daily", "several years ago",
])
def test_durations_sets_and_vague_have_no_value(text):
    found = tag(text, MON)
    assert found, text
    assert all(e.value is None and e.precision == "unknown" for e in found), found
    assert {e.kind for e in found} <= {"duration", "vague", "set"}


@pytest.mark.parametrize("text", [
    "The company hired 2000 people.",
    "It cost $2016 in fees.",
    "at 10 percent",
    "Drive along Route 66.",
    "See page 1990 of the report.",
    "In 1,500 cases the rule applied.",
    "about 2000 troops were deployed",
    "Theresa May said she may resign.",
    "April Ryan asked a question.",
    "the fall of Aleppo",
    "on the 22nd floor",
])
def test_no_false_dates(text):
    assert [e for e in tag(text, MON) if e.value] == []


def test_a_clock_time_is_not_a_year():
    found = [(e.text, e.value) for e in tag("The meeting starts at 1930 GMT.", MON) if e.value]
    assert found == [("1930 GMT", "2024-12-02")]  # the day the story is at, not the year 1930


def test_weeks_ago_is_a_week_not_a_day():
    e = one("They met two weeks ago.")
    assert (e.value, e.precision) == ("2024-11-18/2024-11-24", "range")


def test_may_needs_evidence():
    assert values("Theresa May said she visited in May.") == [("May", "2024-05")]
    assert values("Theresa May may visit in May.") == [("May", "2025-05")]  # future: the next May


def test_future_cues_pick_the_next_occurrence():
    ref = date(1989, 10, 30)
    assert values("The guidelines will be published in early November.", ref) == [("early November", "1989-11")]
    assert values("The split would be paid in January.", ref) == [("January", "1990-01")]
    assert values("In January, the company was sold.", ref) == [("January", "1989-01")]


def test_kinds_for_since_until_by():
    assert [(e.text, e.kind) for e in tag("since 2015, until March 2025 and by 2030", MON)] == [
        ("since 2015", "start"), ("until March 2025", "end"), ("2030", "end")]


def test_year_ranges():
    assert values("2009-2010 results") == [("2009", "2009"), ("2010", "2010")]
    assert values("the 2022-23 season") == [("2022-23", "2022/2023")]


def test_relative_without_reference_is_unresolved():
    assert one("He left on Friday.", None).value is None
    assert one("last year", None).value is None
    assert one("on March 22, 2013", None).value == "2013-03-22"
    assert one("in 2016", None).value == "2016"


def test_following_month_is_anaphoric():
    found = tag("In March, the firm cut jobs. The following month, it was sold.", date(1989, 10, 27))
    assert [(e.text, e.value) for e in found] == [("March", "1989-03"), ("The following month", "1989-04")]


def test_resolve_single_expressions():
    assert resolve("Friday night", MON) == TimeExpression("Friday night", 0, 12, "2024-11-29", "day",
                                                          anchor="published")
    e = resolve("since November 27", MON)
    assert (e.value, e.precision, e.kind) == ("2024-11-27", "day", "start")
    assert resolve("May", MON).value == "2024-05"
    assert resolve("the fall", MON).precision == "range"
    assert resolve("recently", MON).value is None
    assert resolve("three years", MON).kind == "duration"
    assert resolve("nothing here", MON) is None
    assert resolve("", MON) is None


def test_quoted_speech_resolves_the_same():
    text = 'He said: "We were pushed out of the talks in February but we are back," on Sunday.'
    assert values(text, date(1998, 3, 22)) == [("February", "1998-02"), ("Sunday", "1998-03-22")]


def test_long_text_is_tagged_whole():  # speed is measured in bench/bench_dates.py, not here
    text = ("On Friday night, 2,000 people marched. Since November 27, the toll rose to 56. "
            "The war began in 2011 and Aleppo fell in 2016. ") * 2000
    found = tag(text, MON)
    assert len(found) == 8000
    assert [e.value for e in found[:4]] == ["2024-11-29", "2024-11-27", "2011", "2016"]


@pytest.mark.parametrize("sentence, text, value", [
    ("In September last year, the storm hit.", "September last year", "2023-09"),
    ("The plan is due in March next year.", "March next year", "2025-03"),
    ("Protests continued over the weekend.", "over the weekend", "2024-11-30/2024-12-01"),
    ("Talks will resume over the weekend.", "over the weekend", "2024-12-07/2024-12-08"),
])
def test_month_with_relative_year_and_the_weekend(sentence: str, text: str, value: str) -> None:
    [found] = tag(sentence, date(2024, 12, 4))  # a Wednesday
    assert (found.text, found.value) == (text, value)


def test_fixed_date_holidays() -> None:
    ref = date(2024, 12, 4)
    assert [(t.text, t.value) for t in tag("Shops will close on Christmas Eve.", ref)] == [("Christmas Eve", "2024-12-24")]
    assert [(t.text, t.value) for t in tag("They danced on New Year's Eve 1999.", ref)] == [
        ("New Year's Eve 1999", "1999-12-31")]
    assert tag("Christmas shopping rose.", ref) == []
