"""The reader's warnings about verified events: counted, and worded for every engine (the offline
engine's rules are no model)."""
from __future__ import annotations

from timeline.models import Chronology, Event, Evidence, TimePoint
from timeline.verify.check_event import FLAG_REWRITTEN
from timeline.verify.warnings import verification_warnings

QUOTE = "The bridge reopened on Friday, the county said."


def _event(flags: list[str], model_reading: bool = False) -> Event:
    when = TimePoint(value="2025-03-07", precision="day", text="Friday", model_reading=model_reading)
    return Event(when=when, what=QUOTE, flags=flags,
                 evidence=[Evidence(article_id="a", start=0, end=len(QUOTE), quote=QUOTE)])


def test_rewritten_events_are_counted_in_words_true_of_every_engine() -> None:
    chron = Chronology(events=[_event([FLAG_REWRITTEN]), _event([])], undated=[_event([FLAG_REWRITTEN])])
    assert verification_warnings(chron) == [
        "2 event(s) shown as their evidence sentence: the proposed wording was not supported by it "
        "(flag 'rewritten')"]


def test_nothing_to_warn_of_gives_no_warning() -> None:
    assert verification_warnings(Chronology(events=[_event([])])) == []


def test_a_date_only_the_model_read_is_counted() -> None:
    [warning] = verification_warnings(Chronology(events=[_event([], model_reading=True)]))
    assert warning.startswith("1 date(s) are the model's reading")
