"""Which date an event gets: the main clause's (``temporal.event_dates``), end to end in the offline engine."""
from __future__ import annotations

from datetime import date

import pytest

from timeline.engines.local import extract_events
from timeline.models import Article
from timeline.temporal import event_dates, tag

W = date(2025, 3, 5)


def chosen(sentence: str, ref: date = W) -> list[str | None]:
    return [e.value for e in event_dates(sentence, tag(sentence, ref))]


@pytest.mark.parametrize("sentence, values", [
    ("The minister, who took office in 2019, resigned on Monday.", ["2025-03-03"]),
    ("The company, founded in 1952, was sold in January.", ["2025-01"]),
    ("The talks, which began in January, collapsed on Friday.", ["2025-02-28"]),
    ("The mayor, elected in 2016, quit on Tuesday.", ["2025-03-04"]),
    ("The bridge (built in 1932) closed on Sunday.", ["2025-03-02"]),
    ("Police said on Friday that the fire started on Tuesday night.", ["2025-03-04", "2025-02-28"]),
    ("The firm announced on Monday that it had cut jobs in January.", ["2025-01", "2025-03-03"]),
    ("The season ends in December.", ["2025-12"]),
    ("Who took office in 2019?", ["2019"]),  # a question's "Who" opens no relative clause
    # only background dates: the event has none of its own (a wrong date is worse than none)
    ("The minister, who took office in 2019, resigned.", []),
    # a participle's "before/after" describes the noun, not the event (real BBC copy)
    ("All children born after 1 September 2002 will be eligible.", []),
    ("The bridge (built in 1932) closed.", []),
    ("The firm, founded in 1952, went bankrupt.", []),
    # an auxiliary makes the participle the event's own verb
    ("The company was founded in 1952.", ["1952"]),
    ("The bridge, which carries about 40,000 cars a day, opened in 1968.", ["1968"]),  # after the aside
    ("He was born in 1960 in Ohio.", ["1960"]),
    ("The president took office in 2021.", ["2021"]),
    ("The bridge opened in 1968.", ["1968"]),  # no verb after it: the participle is the verb
    # a participle without a comma ends where the main verb begins
    ("A firm founded in 1952 was sold on Monday.", ["2025-03-03"]),
    # a finer date inside the first one says when it happened
    ("She attends the 2022 film festival premiere on November 2, 2022 in Hollywood.", ["2022-11-02"]),
    ("In 2020, the city locked down on March 16, 2020.", ["2020-03-16"]),
    ("In 2019 sales rose, and in 2021 they fell on May 3.", ["2019"]),
    # "between X and Y" / "from X to Y" dates the event with the span, not its first day
    ("The outbreak peaked between Feb. 3 and 8 and then eased.", ["2025-02-03/2025-02-08"]),
    ("Talks ran from March 1 to 3, officials said.", ["2025-03-01/2025-03-03"]),
    ("Output rose between 2019 and 2021.", ["2019/2021"]),
    ("On Feb. 24 and 25 people marched.", ["2025-02-24"]),  # a count, not a second day
    # a decade or century describing a noun dates the noun, not the event
    ("The ad samples the 1970s rock hit Magic, fans said.", []),
    ("The tsars revered a later, 19th-century monk.", []),
    ("In the 1970s Britain was poor.", ["1970/1979"]),
    ("Prices rose sharply in the 1970s and fell later.", ["1970/1979"]),
    ("The 1970s were a hard decade.", ["1970/1979"]),
    # a contract's month is not when the trading happened
    ("Light crude for delivery in April added nine cents.", []),
    ("Brent for delivery in May fell 2 cents on Tuesday.", ["2025-03-04"]),
    ("Nothing dated here.", []),
    ("He spoke for three years.", []),
])
def test_event_dates(sentence, values):
    assert chosen(sentence) == values


def test_a_dateline_dates_no_event():
    text = "WASHINGTON, March 4 (Xinhua) --\n\nThe Senate voted on a bill."
    assert [e.kind for e in tag(text, W) if e.value] == ["dateline"]
    assert event_dates(text, tag(text, W)) == []


def events(text: str) -> list[tuple[str | None, str]]:
    article = Article(id="a", title="t", text=text, published=W)
    return [(e.when.value if e.when else None, e.what) for e in extract_events(article)]


def test_offline_engine_files_the_main_clause_date():
    assert events("The minister, who took office in 2019, resigned on Monday.") == [
        ("2025-03-03", "The minister, who took office in 2019, resigned on Monday.")]


def test_offline_engine_makes_two_events_for_a_report_of_a_dated_happening():
    got = events("Police said on Friday that the fire started on Tuesday night.")
    assert sorted(v for v, _ in got) == ["2025-02-28", "2025-03-04"]


def test_offline_engine_follows_the_narrative_across_sentences():
    got = events("The ship sank on June 3, 2021. The next day, divers found the wreck in the bay.")
    assert [v for v, _ in got] == ["2021-06-03", "2021-06-04"]


def test_verify_reads_a_between_span_as_the_engine_does() -> None:
    """The date verify derives for an engine's "April 23 and 28" is the span, not April 23."""
    from timeline.verify.dates import derive_when

    chunk = "Officials said the outbreak peaked between April 23 and 28 and then eased."
    when, flags = derive_when("April 23 and 28", None, chunk, 0, date(2009, 5, 1))
    assert when is not None and (when.value, when.precision) == ("2009-04-23/2009-04-28", "range")
    assert flags == []


@pytest.mark.parametrize("text", [
    "The minister, who took office in 2019, resigned.",
    "Insurgents often target patrols to topple the government, formed in April.",
    "The company, founded in 1952, went bankrupt.",
])
def test_the_offline_engine_never_dates_an_event_by_background_alone(text: str) -> None:
    article = Article(id="x", text=text, published=W)
    assert all(event.when is None or event.when.value is None for event in extract_events(article))


@pytest.mark.parametrize("sentence, values", [
    # a clock time whose day only the publication date gives dates nothing (the day is a guess)
    ("The earthquake struck around 5 o'clock in the afternoon.", []),
    ("Police said the fire broke out at 3 a.m.", []),
    ("The quake struck at 1653 local time (2153 GMT).", []),
    ("The meeting ended at noon.", []),
    ("It was a little after one o'clock in the morning by the time he returned.", []),
    # a day in the same sentence or told before it dates the clock time
    ("Shares closed at 4 p.m. yesterday.", ["2025-03-04"]),
    ("The bomb went off at midnight Friday.", ["2025-02-28"]),
    ("On Tuesday, rescuers arrived. At 4 p.m. the first survivor was found.", ["2025-03-04", "2025-03-04"]),
    ("The fire broke out this morning.", ["2025-03-05"]),
])
def test_a_bare_clock_time_gives_no_day(sentence: str, values: list[str]) -> None:
    events = extract_events(Article(id="a", text=sentence, published=W))
    assert [e.when.value for e in events if e.when and e.when.value] == values


def test_verify_gives_no_day_to_a_models_bare_clock_time() -> None:
    from timeline.verify.dates import derive_when

    text = "The earthquake struck at 4 p.m., officials said. Shares closed at 4 p.m. yesterday."
    when, _ = derive_when("at 4 p.m.", "2025-03-05", text, 0, W)
    assert when is not None and when.value is None
    when, _ = derive_when("4 p.m. yesterday", None, text, text.index("Shares"), W)
    assert when is not None and when.value == "2025-03-04"
