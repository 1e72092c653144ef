"""Offsets from a happening the article dates itself (temporal/anchored.py).

Sentences written for these tests. Each case says what a careful reader counts from; when the
text leaves a doubt (two shootings on two days, a stretch, no day told), the offset stays
unresolved: a miss, never a guess.
"""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.temporal import tag

REF = date(2024, 11, 20)


def value_of(text: str, phrase: str, ref: date = REF) -> str | None:
    """The value of the expression that covers ``phrase`` (None when none does or it has none)."""
    at = text.index(phrase)
    for e in tag(text, ref):
        if e.start <= at < e.end:
            return e.value
    return None


@pytest.mark.parametrize("text, phrase, expected", [
    # the happening dated next to its noun or its past form, the offset in a later sentence
    ("The pharmacist was stabbed on Nov. 2 outside her shop. A neighbour saw a van there "
     "three days before the stabbing.", "three days before", "2024-10-30"),
    ("The Nov. 4 killing shocked the town. Two men were seen at the house the day after his death.",
     "the day after his death", "2024-11-05"),
    ("The coach crashed on Oct. 28 near the border. Ten days after the crash, the firm apologised.",
     "Ten days after", "2024-11-07"),
    ("Ms Ortiz was shot to death on the night of Nov. 1 in her kitchen. A runner noticed the car "
     "a week before the shooting.", "a week before", "2024-10-25"),
    ("The mayor was kidnapped on Nov. 9. Two days after the kidnapping, a ransom note arrived.",
     "Two days after", "2024-11-11"),
    # a clock time with no day of its own, in the clause of the dated happening
    ("The pharmacist was stabbed on Nov. 2 outside her shop. She was stabbed at 9 p.m. as she "
     "locked the door.", "9 p.m.", "2024-11-02"),
])
def test_offset_counts_from_the_day_the_article_gives(text: str, phrase: str, expected: str) -> None:
    assert value_of(text, phrase) == expected


@pytest.mark.parametrize("text, phrase", [
    # no day of the happening anywhere
    ("A neighbour saw a van there three days before the stabbing.", "three days before"),
    # two shootings on two days: which one is "the shooting"?
    ("A guard was shot on Nov. 2 and a driver was shot on Nov. 9. Ten days after the shooting, "
     "police arrested a man.", "Ten days after"),
    # another of them, undated: "the" earthquake may be either
    ("The earthquake struck on Dec. 26 at dawn. An earlier earthquake had shaken the coast. Two days "
     "after the earthquake, aid arrived.", "Two days after"),
    # the day told as a weekday ("last Tuesday's earthquake" may be read a week off)
    ("Hundreds died in Tuesday's earthquake. Two days after the earthquake, aid arrived.", "Two days after"),
    # two crashes, one told by its weekday: which is "the" crash?
    ("A cargo plane crashed early Monday near the port. A jet crashed on Dec. 6, 2023 in the hills. "
     "Two days after the crash, the airport reopened.", "Two days after"),
    # the only day next to the noun is the day of a report about it
    ("Police said Friday the shooting had been planned. Two days after the shooting, he fled.",
     "Two days after"),
    # a stretch, not a day
    ("The coach crashed on Oct. 28. For ten days after the crash, the road stayed shut.", "ten days after"),
    # a bound ("since"), which this step does not mark
    ("The coach crashed on Oct. 28. Since the day after the crash, the road has been shut.", "the day after"),
    # a foreseen happening: a story tells several votes
    ("The council voted on Nov. 4. Two days after the vote, the mayor resigned.", "Two days after"),
])
def test_a_doubt_leaves_the_offset_unresolved(text: str, phrase: str) -> None:
    assert value_of(text, phrase) is None


def test_the_offsets_own_date_wins() -> None:
    text = "The coach crashed on Oct. 28. Ten days after the Nov. 1 crash, the firm apologised."
    assert value_of(text, "Ten days after") == "2024-11-11"


def test_a_clock_time_of_another_happening_keeps_its_day() -> None:
    # "9 p.m." belongs to the report, not to the stabbing two weeks earlier
    text = "Police said at 9 p.m. that a man was held. The pharmacist was stabbed on Nov. 2."
    assert value_of(text, "9 p.m.") == "2024-11-20"


@settings(max_examples=60, deadline=None)
@given(day=st.integers(1, 28), n=st.integers(1, 9), before=st.booleans(),
       noun=st.sampled_from(["crash", "bombing", "stabbing", "shooting", "kidnapping"]))
def test_offset_arithmetic_property(day: int, n: int, before: bool, noun: str) -> None:
    forms = {"crash": "crashed", "bombing": "was bombed", "stabbing": "was stabbed",
             "shooting": "was shot", "kidnapping": "was kidnapped"}
    text = (f"The target {forms[noun]} on March {day}. {n} days {'before' if before else 'after'} "
            f"the {noun}, witnesses saw a van.")
    happened = date(2024, 3, day)
    expected = happened + timedelta(days=-n if before else n)
    assert value_of(text, f"{n} days", date(2024, 4, 30)) == expected.isoformat()
