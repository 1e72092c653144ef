"""Issue 27: denials and negative statements with any subject are events in the offline engine."""
from __future__ import annotations

from datetime import date

import pytest

from timeline.engines.local import extract_events
from timeline.models import Article


@pytest.mark.parametrize("sentence, negation, source", [
    ("The harbour authority denied that it had closed the terminal.", "denied", "the harbour authority"),
    ("The ministry rejected the report.", "rejected", None),
    ("No passengers were hurt.", "No passengers", None),
    ("The ferry company did not cancel any crossings, a spokesperson said.", "did not", "a spokesperson"),
])
def test_a_denial_is_an_event_with_its_negation_and_source(sentence: str, negation: str, source: str | None) -> None:
    [event] = extract_events(Article(id="a", text=sentence, published=date(2025, 3, 5)))
    assert negation in event.what
    if source:
        assert (event.attribution or "").lower() == source


def test_a_plain_negative_description_is_not_an_event() -> None:
    assert extract_events(Article(id="a", text="It was not clear.", published=date(2025, 3, 5))) == []


@pytest.mark.parametrize("text, value", [
    ("The flooding is the worst since 1987, the council said.", None),
    ("Prices have risen since 2020, the bank said on Monday.", "2025-03-03"),
])
def test_since_a_year_is_a_comparison_not_a_happening_in_that_year(text: str, value: str | None) -> None:
    from timeline.run.pipeline import BriefOptions, brief

    briefing = brief([Article(id="a", text=text, published=date(2025, 3, 5))], BriefOptions(engine="local", use_cache=False))
    events = briefing.chronology.events + briefing.chronology.undated
    assert len(events) == 1 and "since" in events[0].what
    assert (events[0].when.value if events[0].when else None) == value


def test_since_a_month_is_still_a_start() -> None:
    [event] = extract_events(Article(id="a", text="The bridge has been closed since March 2024, officials said.",
                                     published=date(2025, 3, 5)))
    assert event.when and event.when.value == "2024-03"
