"""Figures across wordings (issue 14): one label whatever the words, ranges that say when
two wordings agree ("at least 25" and "25"), and update wording."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.merge.figures import compatible, figures, find_figures


@pytest.mark.parametrize("text, label, shown", [
    ("At least 12 people were killed when the bridge collapsed.", "deaths", "at least 12"),
    ("The bridge collapsed, killing 12 people.", "deaths", "12"),
    ("The death toll has risen to 14, police said.", "deaths", "14"),
    ("A wildfire has killed two people, the county said.", "deaths", "two"),
    ("Two people died in the fire.", "deaths", "Two"),
    ("About 3,000 residents were evacuated from Cedar Falls.", "evacuated", "about 3,000"),
    ("Some 5,000 people were forced to leave their homes.", "evacuated", "some 5,000"),
    ("Roughly 3,000 people fled Cedar Falls on Sunday night.", "evacuated", "roughly 3,000"),
    ("Authorities ordered 800 families to evacuate.", "evacuated", "800"),
    ("Dozens were injured and 30 were wounded by shrapnel.", "injured", "30"),
    ("Police arrested 17 protesters on Friday.", "arrested", "17"),
    ("Seven people are still missing.", "missing", "Seven"),
    ("The floods displaced 40,000 people.", "displaced", "40,000"),
    ("The county approved $2 million for repairs.", "amount", "$2 million"),
    ("The fire destroyed 40 homes in Cedar Falls.", "homes", "40"),
])
def test_one_label_whatever_the_wording(text: str, label: str, shown: str) -> None:
    assert figures(text).get(label) == shown


def test_two_labels_in_one_sentence() -> None:
    assert figures("12 people were killed and 30 injured.") == {"deaths": "12", "injured": "30"}
    assert figures("The strike killed 4 and injured 7.") == {"deaths": "4", "injured": "7"}


def test_times_years_percentages_and_ages_are_not_counts() -> None:
    assert figures("At 9 p.m. in 2019 a 34-year-old man, 60 percent sure, left.") == {}


def test_ranges_decide_agreement() -> None:
    def one(text: str):  # type: ignore[no-untyped-def]
        return find_figures(text)[0]
    assert compatible(one("At least 25 people died."), one("25 people died."))
    assert compatible(one("More than 12 people were killed."), one("14 people were killed."))
    assert not compatible(one("About 3,000 people were evacuated."), one("Some 5,000 people were evacuated."))
    assert not compatible(one("12 people were killed."), one("14 people were killed."))
    assert one("The toll has risen to 14 dead.").update and not one("14 people were killed.").update


@settings(max_examples=100, deadline=None)
@given(st.text())
def test_never_raises(text: str) -> None:
    for figure in find_figures(text):
        assert figure.low <= figure.high


@pytest.mark.parametrize("text", [
    "Jackson died on 25 June 2009 at his home.",
    "He died on June 25 from an overdose.",
    "The guitar goes under the hammer on June 25, the anniversary of the singer's death.",
    "The singer died in June 2009 aged 50.",
    "Jackson, who died aged 50, was buried in Glendale.",
    "The singer died at the age of 50.",
    "Jackson, 50, died at his rented mansion.",
    "Murray gave the drug at 10.40 and the singer died soon after.",
    "On the 3rd of May the patient died.",
    # a length of time (a real BBC report: "the worst to hit Haiti in 200 years ... deaths" was "200 deaths")
    "The earthquake is the worst to hit Haiti in 200 years There are reports of deaths.",
    "It was the deadliest flood in more than 100 years, officials said.",
    "Survivors spent 10 days under the rubble before rescuers reached them.",
    # a number naming a group (a real Guardian report: "five year seven pupils" was "seven pupils")
    "Alleyn's is closed after year seven pupils tested positive.",
    "Grade 10 students were sent home on Monday.",
])
def test_days_of_dates_ages_and_clock_times_are_not_tolls(text: str) -> None:
    """Real BBC reports set "died on 25 June" against "died aged 50" as a toll of 25 vs 50."""
    assert find_figures(text) == []


@pytest.mark.parametrize("text, shown", [
    ("Two people died on 3 March.", "Two"),
    ("On the 3rd of May, 4 people died.", "4"),
    ("At least 12 people were killed on May 3.", "at least 12"),
    ("Police said 25 people died in June.", "25"),
])
def test_a_toll_beside_a_date_is_still_a_toll(text: str, shown: str) -> None:
    assert [(f.label, f.shown) for f in find_figures(text)] == [("deaths", shown)]


@pytest.mark.parametrize("text", [
    "The tremor struck at 0603 local time (1103 GMT) and people fled.",
    "At 01:42 am on 10 June, a reader wrote that people died.",
    "Broadcasts start at 0910 local time for the displaced.",
])
def test_clock_times_are_not_counts(text: str) -> None:
    assert find_figures(text) == []


def test_a_toll_that_moves_up_to_a_figure_is_that_figure() -> None:
    [moved] = find_figures("The death toll has edged up to 80, the WHO said.")
    assert (moved.label, moved.shown, moved.low, moved.high) == ("deaths", "80", 80, 80)
    [bound] = find_figures("Up to 80 people may have died.")
    assert (bound.label, bound.high) == ("deaths", 80) and bound.low < 80
