"""Which sources disagree (issue 22): generated and table-driven pairs of reports, each run
through the whole offline pipeline, with the expected merge, dispute or update.

The stories here are written for these tests (no shared data is copied). Each defect named
in the issue is a regression test: the speaker taken for an actor, a differing figure that
kept two reports apart, an update listed as a dispute or shown nowhere, values shown as
words, and summary sentences made of cut-off fragments.
"""
from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.merge.figures import compatible, find_figures
from timeline.models import Article, Briefing, Event
from timeline.options import BriefOptions
from timeline.render import html as html_render
from timeline.render import markdown as markdown_render
from timeline.render import terminal as terminal_render
from timeline.render import timelinejs as timelinejs_render
from timeline.run.pipeline import brief

DAY1, DAY3 = dt.date(2025, 6, 2), dt.date(2025, 6, 4)


def run(*reports: tuple[str, str, dt.date]) -> Briefing:
    articles = [Article(id=f"r{i}", text=text, source=outlet, title=f"Report {i}", published=day)
                for i, (text, outlet, day) in enumerate(reports, 1)]
    return brief(articles, BriefOptions(engine="local"))


def flagged(briefing: Briefing) -> list[Event]:
    return [e for e in briefing.chronology.events + briefing.chronology.undated if e.conflicts or e.figure_updates]


def one_event_with_both(briefing: Briefing) -> Event:
    [event] = [e for e in briefing.chronology.events if len(set(e.sources)) == 2]
    return event


# --- the examples (each failed on the code before issue 22) ---------------------------

HALVORSEN = (
    ("A fire swept through the Halvorsen Foods depot in Tarrow on Sunday night, injuring 30 people, police said.",
     "Tarrow Gazette", DAY1),
    ("At least 52 people were hurt when flames engulfed the Halvorsen Foods depot in Tarrow on Sunday night, "
     "according to the town's mayor, Lena Brask.", "North Courier", DAY1),
)
KESSLER = (
    ("The deal, valued at 40 million euros, was signed on May 3 with Kessler Freight.", "Freight Weekly",
     dt.date(2025, 5, 4)),
    ("Kessler Freight secured the 65 million euro deal on May 3.", "Market Daily", dt.date(2025, 5, 4)),
)
COASTGUARD = (
    ("Five people died when a fishing boat capsized off Port Elver on Sunday, the coastguard said.", "Coast News", DAY1),
    ("The death toll from Sunday's capsizing of a fishing boat off Port Elver has risen to nine, the coastguard said.",
     "Sea Times", DAY3),
)


def test_the_mayor_who_gave_the_figure_is_a_source_not_an_actor_blocking_the_merge() -> None:
    event = one_event_with_both(run(*HALVORSEN))
    [conflict] = event.conflicts
    assert conflict.label == "injured"
    assert [(v.value, v.attribution, v.source) for v in conflict.values] == [
        ("30", "police", "Tarrow Gazette"), ("at least 52", "the town's mayor", "North Courier")]


def test_a_differing_amount_without_a_kind_word_is_the_dispute_not_a_reason_to_keep_apart() -> None:
    event = one_event_with_both(run(*KESSLER))
    [conflict] = event.conflicts
    assert conflict.label == "amount"
    assert [v.value for v in conflict.values] == ["40 million euros", "65 million euro"]


def test_the_same_source_later_is_an_update_shown_in_every_format_with_its_latest_figure() -> None:
    briefing = run(*COASTGUARD)
    event = one_event_with_both(briefing)
    assert not event.conflicts
    [update] = event.figure_updates
    assert [(v.value, v.published) for v in update.values] == [("Five", "2025-06-02"), ("nine", "2025-06-04")]
    assert update.latest == "nine"
    outputs = {}
    for name, module in (("md", markdown_render), ("html", html_render), ("tl", timelinejs_render),
                         ("term", terminal_render)):
        out = io.StringIO()
        module.render(briefing, out)
        outputs[name] = out.getvalue()
    for name, text in outputs.items():
        assert "9" in text and ("deaths now 9" in text or "5 → 9" in text or "5 \u2192 9" in text), name
    assert "Figure updated" in outputs["tl"] and "figure updated" in outputs["html"]
    assert "deaths now 9 (updated from 5)" in outputs["md"]
    data = json.loads(briefing.model_dump_json())
    assert data["chronology"]["events"][0]["figure_updates"][0]["latest"] == "nine"
    summary = briefing.summary.text
    assert "The number of deaths on Sun 1 Jun 2025 (Port Elver) was updated from 5, according to the coastguard " \
           "(Coast News, 2025-06-02), to 9, according to the coastguard (Sea Times, 2025-06-04)." in summary


def test_the_same_source_revising_its_count_down_is_an_update_not_a_dispute_with_itself() -> None:
    event = one_event_with_both(run(
        ("Eight people died when a ferry capsized off Port Elver on Sunday, the coastguard said.", "Coast News", DAY1),
        ("Six people died when a ferry capsized off Port Elver on Sunday, the coastguard said.", "Sea Times", DAY3)))
    assert not event.conflicts
    [update] = event.figure_updates
    assert [v.value for v in update.values] == ["Eight", "Six"]


def test_disputed_values_are_shown_as_numbers_and_the_summary_sentence_is_whole() -> None:
    briefing = run(
        ("Four people died when a bus crashed near Orlen on Sunday, police said.", "Orlen Post", DAY1),
        ("Six people died when a bus crashed near Orlen on Sunday, the regional governor said.", "Valley Wire", DAY1))
    out = io.StringIO()
    markdown_render.render(briefing, out)
    assert "4 [1], according to police (Orlen Post); 6 [2], according to the regional governor (Valley Wire)" \
        in out.getvalue()
    assert "Sources disagree on the number of deaths on Sun 1 Jun 2025 (Orlen): 4, according to police " \
           "(Orlen Post); 6, according to the regional governor (Valley Wire)." in briefing.summary.text
    assert "…" not in briefing.summary.text


def test_a_dispute_and_an_update_can_hold_at_once() -> None:
    event = one_event_with_both_or_more(run(
        ("Five people died when a ferry sank off Port Elver on Sunday, the coastguard said.", "Coast News", DAY1),
        ("Seven people died when a ferry sank off Port Elver on Sunday, a local hospital said.", "Sea Times", DAY1),
        ("The death toll from Sunday's sinking of a ferry off Port Elver rose to nine, the coastguard said.",
         "Harbour Daily", DAY3)))
    [conflict] = event.conflicts
    assert sorted(v.value for v in conflict.values) == ["Five", "Seven"]
    [update] = event.figure_updates
    assert update.latest == "nine"


def test_a_figure_given_again_after_an_update_makes_no_update_claim() -> None:
    # 1.5 million, then 2 million, then 1.5 million again: "now 2 million" would be false
    day5 = dt.date(2025, 6, 6)
    event = one_event_with_both_or_more(run(
        ("An estimated 1,500 people were made homeless by the flood in Tarrow on Sunday.", "Coast News", DAY1),
        ("Some 2,000 people were made homeless by the flood in Tarrow on Sunday.", "Sea Times", DAY3),
        ("About 1,500 people were made homeless by the flood in Tarrow on Sunday.", "Harbour Daily", day5)))
    assert not event.figure_updates
    [conflict] = event.conflicts
    assert [(v.value, v.published) for v in conflict.values] == [
        ("an estimated 1,500", "2025-06-02"), ("some 2,000", "2025-06-04"), ("about 1,500", "2025-06-06")]


def one_event_with_both_or_more(briefing: Briefing) -> Event:
    [event] = [e for e in briefing.chronology.events if len(set(e.sources)) >= 2]
    return event


# --- table: many wordings, sources and figure formats ------------------------------------------

@pytest.mark.parametrize("first, second, expected", [
    # disputes: two sources, one day, figures that cannot both be true
    ("Orla Bank agreed on Monday to buy Pell Insurance for $1.2 billion, the bank said.",
     "Orla Bank agreed on Monday to buy Pell Insurance for $1.5 billion, according to people familiar with the deal.",
     ("dispute", "amount")),
    ("Dorn Motors will cut 300 jobs at its plant in Kelby, the company said on Monday.",
     "Dorn Motors will cut 450 jobs at its plant in Kelby, a union official said on Monday.",
     ("dispute", "jobs")),
    ("Vessa Rail won a 90 million euro contract to build the Kelby line on Monday.",
     "Vessa Rail won a 120 million euro contract to build the Kelby line on Monday, its chief executive said.",
     ("dispute", "amount")),
    ("About 3,000 residents were evacuated from Marrow on Monday, the county said.",
     "Some 5,000 people were forced to leave their homes in Marrow on Monday, said Ada Pike, the fire chief.",
     ("dispute", "evacuated")),
    # agreements: the same figure in other words is neither
    ("At least 12 people were killed when the Kessel bridge collapsed on Monday, police said.",
     "Twelve people were killed when the Kessel bridge collapsed on Monday, according to the mayor.",
     ("agree", None)),
    ("Orla Bank agreed on Monday to buy Pell Insurance for $1.2 billion, the bank said.",
     "Orla Bank agreed on Monday to buy Pell Insurance for 1.2 billion dollars, Reuters reported.",
     ("agree", None)),
])
def test_pairs_of_reports_of_one_happening(first: str, second: str, expected: tuple[str, str | None]) -> None:
    briefing = run((first, "Outlet One", DAY1), (second, "Outlet Two", DAY1))
    event = one_event_with_both(briefing)
    outcome, label = expected
    if outcome == "dispute":
        assert [c.label for c in event.conflicts] == [label]
    else:
        assert not event.conflicts and not event.figure_updates


@pytest.mark.parametrize("first, second", [
    # different happenings the same day: never merged into an invented dispute
    ("A fire at a warehouse in Tarrow injured 30 people on Sunday, police said.",
     "A fire at a warehouse in Belmoor injured 52 people on Sunday, police said."),
    ("Dorn Motors will cut 300 jobs at its plant in Kelby, the company said on Monday.",
     "Vessa Rail will cut 450 jobs at its depot in Marrow, the company said on Monday."),
    ("The Colombo index fell 18.12 points on Monday.", "The SET index lost 2.41 points on Monday."),
    ("Orla Bank bought Pell Insurance for $1.2 billion on Monday.",
     "Dunmore Group bought Tace Mining for $1.5 billion on Monday."),
])
def test_different_happenings_stay_apart(first: str, second: str) -> None:
    briefing = run((first, "Outlet One", DAY1), (second, "Outlet Two", DAY1))
    assert not flagged(briefing)


# --- property: generated pairs ------------------------------------------------------------------

PLACES = ["Tarrow", "Marrow", "Kelby", "Orlen", "Belmoor", "Dunfield"]
SOURCES = ["police said", "the fire service said", "according to the mayor, Lena Brask",
           "according to officials", "said Ada Pike, the county's fire chief", "a spokesman for the council said"]
NUMBER_WORDS = {4: "four", 5: "five", 6: "six", 7: "seven", 9: "nine", 12: "twelve"}


def _toll(n: int, style: str) -> str:
    return {"digits": str(n), "word": NUMBER_WORDS.get(n, str(n)), "least": f"at least {n}"}[style]


def _report(kind: str, place: str, n: int, style: str, source: str) -> str:
    figure = _toll(n, style)
    capital = figure[:1].upper() + figure[1:]
    if kind == "fire":
        return f"{capital} people were injured when a fire broke out at a warehouse in {place} on Sunday, {source}."
    if kind == "crash":
        return f"{capital} people died when a bus crashed near {place} on Sunday, {source}."
    return f"A landslide buried homes in {place} on Sunday, killing {figure} people, {source}."


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kind=st.sampled_from(["fire", "crash", "landslide"]), place=st.sampled_from(PLACES),
       sources=st.lists(st.sampled_from(SOURCES), min_size=2, max_size=2, unique=True),
       numbers=st.lists(st.sampled_from(sorted(NUMBER_WORDS)), min_size=2, max_size=2),
       styles=st.lists(st.sampled_from(["digits", "word"]), min_size=2, max_size=2))
def test_generated_same_day_pairs_merge_and_dispute_only_when_figures_differ(
        kind: str, place: str, sources: list[str], numbers: list[int], styles: list[str]) -> None:
    briefing = run((_report(kind, place, numbers[0], styles[0], sources[0]), "Outlet One", DAY1),
                   (_report(kind, place, numbers[1], styles[1], sources[1]), "Outlet Two", DAY1))
    event = one_event_with_both(briefing)
    assert not event.figure_updates
    if numbers[0] == numbers[1]:
        assert not event.conflicts
    else:
        [conflict] = event.conflicts
        assert {v.source for v in conflict.values} == {"Outlet One", "Outlet Two"}


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(place=st.sampled_from(PLACES), change=st.sampled_from(["rose to", "has risen to", "climbed to", "now stands at"]),
       first=st.sampled_from([4, 5, 6]), later=st.sampled_from([9, 12]))
def test_generated_updates_are_never_disputes(place: str, change: str, first: int, later: int) -> None:
    briefing = run(
        (f"{_toll(first, 'digits')} people died when a bus crashed near {place} on Sunday, police said.", "One", DAY1),
        (f"The death toll from Sunday's bus crash near {place} {change} {later}, a hospital said.", "Two", DAY3))
    event = one_event_with_both(briefing)
    assert not event.conflicts
    [update] = event.figure_updates
    assert update.latest == str(later)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(places=st.lists(st.sampled_from(PLACES), min_size=2, max_size=2, unique=True),
       kind=st.sampled_from(["fire", "crash", "landslide"]), numbers=st.lists(st.sampled_from([4, 5, 9]), min_size=2,
                                                                             max_size=2))
def test_generated_reports_of_two_places_never_invent_a_dispute(places: list[str], kind: str, numbers: list[int]) -> None:
    briefing = run((_report(kind, places[0], numbers[0], "digits", "police said"), "One", DAY1),
                   (_report(kind, places[1], numbers[1], "digits", "police said"), "Two", DAY1))
    assert not flagged(briefing)


# --- figures of every kind ----------------------------------------------------------------------

@pytest.mark.parametrize("text, label, shown, unit", [
    ("The deal, valued at 40 million euros, was signed.", "amount", "40 million euros", "euros"),
    ("Kessler Freight secured the 65 million euro deal.", "amount", "65 million euro", "euros"),
    ("It won a $1.2 billion contract.", "amount", "$1.2 billion", "dollars"),
    ("The firm paid €40m for the site.", "amount", "€40m", "euros"),
    ("Orla bought a 35 percent stake in Pell.", "stake (percent)", "35%", "%"),
    ("Turnout was 62%, officials said.", "turnout (percent)", "62%", "%"),
    ("Dorn Motors will cut 300 jobs.", "jobs", "300", ""),
])
def test_figures_of_every_kind(text: str, label: str, shown: str, unit: str) -> None:
    [figure] = find_figures(text)
    assert (figure.label, figure.shown, figure.unit) == (label, shown, unit)


def test_amounts_in_two_currencies_are_not_set_against_each_other() -> None:
    [dollars] = find_figures("It paid $50 million.")
    [euros] = find_figures("It paid 46 million euros.")
    assert compatible(dollars, euros)


@pytest.mark.parametrize("text", ["a 5m wall fell", "He was 60 percent sure.", "Prices were up 3%."])
def test_bare_percentages_and_metres_are_not_figures(text: str) -> None:
    assert find_figures(text) == []


def test_hyphenated_number_words_are_figures_and_shown_as_numbers() -> None:
    from timeline.wording import as_number
    [deaths, missing] = find_figures("Twenty-two miners were confirmed dead and five missing in the blast.")
    assert (deaths.label, deaths.low, missing.label) == ("deaths", 22, "missing")
    assert as_number("Twenty-two") == "22" and as_number("at least nine") == "at least 9"


@pytest.mark.parametrize("first, second", [
    # seen on te3silver (AFP): "people" and "across" were the only shared words once stemmed
    ("At least 47 people have been killed while taking short cuts across a railway line in Guangdong on Wednesday.",
     "Six people were struck dead by bolts of lightning across India on Wednesday, the Press Trust of India reported."),
    # seen on te3silver (Xinhua): "in another operation" is another happening
    ("The police arrested the three men on Nov. 16 after detecting the drugs hidden in their car, a newspaper said.",
     "In another operation on Nov. 16, Istanbul police arrested four PKK members."),
])
def test_real_text_pairs_that_are_two_happenings(first: str, second: str) -> None:
    briefing = run((first, "Agency", DAY1), (second, "Agency", DAY1))
    assert not flagged(briefing)


def test_the_whole_in_a_part_of_phrase_is_not_the_count() -> None:
    # seen on te3silver (Xinhua): "Fifteen of the 18 miners are found dead" read as 18 dead
    assert [f.shown for f in find_figures("Fifteen of the 18 miners are found dead, local sources said.")] == []


def _figure_conflicts(sources: tuple[str, str], speaker: str = "Fire chief Ada Pike") -> list:
    from datetime import date

    from timeline.models import Article
    from timeline.options import BriefOptions
    from timeline.run.pipeline import brief

    texts = ("A fire swept through the Halvorsen Foods depot in Tarrow on Sunday night, injuring 30 people, "
             f"{speaker} said.",
             "A fire swept through the Halvorsen Foods depot in Tarrow on Sunday night, injuring 52 people, "
             f"{speaker} said.")
    articles = [Article(id=f"a{i}", text=t, published=date(2025, 6, 2), source=s)
                for i, (t, s) in enumerate(zip(texts, sources))]
    chron = brief(articles, BriefOptions(engine="local", use_cache=False)).chronology
    return [c for e in chron.events + chron.undated for c in e.conflicts if c.kind == "figure"]


def test_one_outlet_quoting_one_speaker_twice_is_no_dispute() -> None:
    """Two items of one outlet giving one named speaker's two figures are not sources disagreeing
    (seen on Reuters-21578: the Bank of England's revised forecasts of one day set against each other)."""
    assert _figure_conflicts(("Reuters", "Reuters")) == []
    assert _figure_conflicts(("Reuters", "Bloomberg")), "two outlets' figures for the same time are a dispute"


@pytest.mark.parametrize("speaker", ["police", "officials", "hospital officials", "Police"])
def test_one_outlets_two_stories_citing_unnamed_officials_are_a_dispute(speaker: str) -> None:
    """"officials said" in two of an outlet's stories may be two officials: seen on te3silver
    (AFP), Indian border guards "shot dead two Moslem militants" and "four", both "officials
    said" on one day, a real dispute lost when every same-outlet pair was taken for one voice."""
    assert _figure_conflicts(("AFP", "AFP"), speaker)


def test_one_outlets_own_unattributed_figures_in_two_stories_are_a_dispute() -> None:
    # te3silver (AFP): "a collision ... killed four people and left 83 missing" against "more than
    # 80 Albanian refugees were believed killed", neither attributed (texts written here)
    briefing = run(("Last Friday, a collision between a Tarrow warship and a Verran refugee boat killed four people "
                    "and left 83 missing.", "AFP", dt.date(1997, 4, 2)),
                   ("The meeting cleared the air clouded by the disaster Friday in which more than 80 Verran refugees "
                    "were believed killed in the sinking of a Verran refugee boat which collided with a Tarrow warship.",
                    "AFP", dt.date(1997, 4, 2)))
    [event] = [e for e in flagged(briefing)]
    assert [c.label for c in event.conflicts if c.kind == "figure"] == ["deaths"]


# --- wire financial copy (Reuters-21578 style): invented disputes seen there, each failing on ---
# --- the code before this change; the texts are written here, none is copied from the corpus ---

WIRE = "Wire"
WIRE_DAY = dt.date(1987, 3, 24)


@pytest.mark.parametrize("text, label, shown, unit", [
    ("Orvan Corp suspended payments on 68 billion dlrs owed to banks.", "amount", "68 billion dlrs", "dollars"),
    ("The bank added 37 mln stg of assistance this afternoon.", "amount", "37 mln stg", "pounds"),
    ("It will pay a dividend of 12 cts a share.", "price per share", "12 cts", "cents"),
    ("Kell Bank bought a 35 pct stake in Orvan.", "stake (percent)", "35%", "%"),
])
def test_wire_abbreviations_are_currencies_scales_and_percentages(text: str, label: str, shown: str, unit: str) -> None:
    [figure] = find_figures(text)
    assert (figure.label, figure.shown, figure.unit) == (label, shown, unit)


@pytest.mark.parametrize("text", ["Sales rose 15.2 pct in the period.", "Orvan, which is 15 pct owned by Kell, said so."])
def test_a_wire_percentage_without_a_subject_is_no_figure(text: str) -> None:
    assert find_figures(text) == []


@pytest.mark.parametrize("text, readings", [
    ("Shr 12 cts vs 10 cts; Revs 25.3 mln dlrs vs 20.1 mln dlrs", []),
    ("Treasury balances fell to 3.467 billion dlrs from 3.939 billion dlrs.", ["3.467 billion dlrs"]),
    ("The death toll rose to nine from five, police said.", ["nine"]),
    ("Orvan sold 1,330 cars, down from 2,047 last year.", ["1,330"]),
    ("A net loss of 4 mln dlrs against a profit of 2 mln dlrs a year ago.", ["4 mln dlrs"]),
])
def test_the_base_of_a_comparison_in_one_report_is_not_its_reading(text: str, readings: list[str]) -> None:
    # "12 cts vs 10 cts" compares two periods of one company: neither side is a reading two
    # sources can dispute; "fell to X from Y": Y is the earlier day's value
    assert [f.shown for f in find_figures(text) if not f.comparison] == readings


@given(label=st.sampled_from(["Shr", "Net", "Revs", "Oper shr"]), unit=st.sampled_from(["cts", "dlrs", "mln dlrs", "mln stg"]),
       values=st.lists(st.integers(1, 999), min_size=2, max_size=2))
@settings(max_examples=60, deadline=None)
def test_generated_table_rows_give_no_reading(label: str, unit: str, values: list[int]) -> None:
    row = f"{label} {values[0]} {unit} vs {values[1]} {unit}"
    assert all(f.comparison for f in find_figures(row))


def test_two_companies_results_tables_are_no_dispute() -> None:
    briefing = run(("Orvan Corp said on March 23 its first quarter profit was 12 cts a share vs 10 cts a share, "
                    "and revenues were 25.3 mln dlrs vs 20.1 mln dlrs.", WIRE, WIRE_DAY),
                   ("Kell Industries said on March 23 its first quarter profit was 15 cts a share vs 9 cts a share, "
                    "and revenues were 31.2 mln dlrs vs 28.4 mln dlrs.", WIRE, WIRE_DAY))
    assert not [e for e in flagged(briefing) if any(c.kind == "figure" for c in e.conflicts)]


def test_a_figure_the_other_report_also_states_with_its_scale_is_not_in_dispute() -> None:
    # "revised down from an initial 1.15 billion": the other report's 1.15 billion is not a rival
    # count (the mention check read "billion" as the number and missed it)
    briefing = run(("The Bank of Avalon forecast the shortage in the system today at 1.15 billion stg, dealers said.",
                    WIRE, WIRE_DAY),
                   ("The Bank of Avalon put the shortage in the system today at 1.10 billion stg, revised down from an "
                    "initial 1.15 billion stg, the bank said.", WIRE, WIRE_DAY))
    assert not [e for e in flagged(briefing) if any(c.kind == "figure" for c in e.conflicts)]


@pytest.mark.parametrize("first, second", [
    # the day dates the telling ("told Thursday how ..."), not the release on Tuesday
    (("Mercenary chief Tom Slicer, freed in Papua New Guinea on the eve of his trial for illegal firearms "
      "possession Tuesday, arrived back in Britain late Wednesday.", "AFP", dt.date(1997, 4, 9)),
     ("Mercenary chief Tom Slicer, freed in Papua New Guinea on the eve of his trial for illegal firearms "
      "possession, told Thursday how he was threatened with a gun to his head.", "AFP", dt.date(1997, 4, 10))),
    # a plan ("will resume talks tomorrow") and what happened ("began talks today")
    (("Union leaders of 9,000 miners employed by the state firm Comibol began talks with the government today on "
      "ways to end their pay strike, a ministry spokesman said.", WIRE, WIRE_DAY),
     ("Union leaders of 9,000 miners employed by the state firm Comibol and government representatives will "
      "resume talks tomorrow to end a six-day pay strike, a spokesman for the miners said.", WIRE, WIRE_DAY)),
    # two days' balances of one daily statement: the base of each is the other day's value
    (("Treasury balances at the Federal Reserve fell on March 5 to 3.467 billion dlrs from 3.939 billion dlrs "
      "the previous business day, the Treasury said.", WIRE, dt.date(1987, 3, 6)),
     ("Treasury balances at the Federal Reserve rose on March 6 to 3.879 billion dlrs from 3.467 billion dlrs "
      "the previous business day, the Treasury said.", WIRE, dt.date(1987, 3, 9))),
])
def test_a_date_dispute_needs_the_same_act_of_one_happening(first: tuple[str, str, dt.date],
                                                           second: tuple[str, str, dt.date]) -> None:
    assert not [e for e in flagged(run(first, second)) if any(c.kind == "date" for c in e.conflicts)]


@given(verb=st.sampled_from(["said", "told reporters", "announced"]), day=st.sampled_from(["Thursday", "on Thursday"]))
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_generated_tellings_never_dispute_the_happenings_day(verb: str, day: str) -> None:
    first = ("Mining chief Ada Merrow, released in Port Elver on the eve of her trial for fraud Tuesday, "
             "arrived back in Tarrow late Wednesday.", "AFP", dt.date(1997, 4, 9))
    second = (f"Mining chief Ada Merrow, released in Port Elver on the eve of her trial for fraud, {verb} {day} "
              "how she was threatened.", "AFP", dt.date(1997, 4, 10))
    assert not [e for e in flagged(run(first, second)) if any(c.kind == "date" for c in e.conflicts)]


def test_a_company_saying_what_it_did_itself_acts_and_two_companies_are_two_happenings() -> None:
    # wire copy joined eight companies' dividends "payable March 31" into one event and set
    # their amounts against each other: "X said it declared" names who acted, not only who spoke
    from timeline.merge.happening import same_happening
    from timeline.models import Evidence, TimePoint

    def report(what: str, who: str, article: str) -> Event:
        when = TimePoint(value="1987-03-31", precision="day", text="March 31")
        return Event(when=when, what=what, who=[who], attribution=who, evidence=[
            Evidence(article_id=article, start=0, end=len(what), quote=what, when=when, attribution=who)])

    orvan = report("Orvan Life Co said it declared a semi-annual dividend of 55 cts per share, payable March 31 to "
                   "shareholders of record March 17.", "Orvan Life Co", "a")
    kell = report("Kell Corp said it declared a semi-annual dividend of 55 cts per share, payable March 31 to "
                  "shareholders of record March 17.", "Kell Corp", "b")
    assert same_happening(orvan, kell) is None


def test_figures_of_a_quarter_are_not_compared() -> None:
    # two companies' fourth-quarter revenues (a 92-day range) set against each other
    from timeline.merge.combine import _with_figures
    from timeline.models import Evidence, TimePoint

    when = TimePoint(value="1986-10-01/1986-12-31", precision="range", text="fourth quarter")
    quotes = ["Fourth quarter revenues rose to 11.8 mln dlrs, the company said",
              "Fourth quarter revenues rose to 31.8 mln dlrs, the firm said"]
    event = Event(when=when, what=quotes[0], evidence=[
        Evidence(article_id=f"q{i}", start=0, end=len(q), quote=q, when=when) for i, q in enumerate(quotes)])
    articles = {f"q{i}": Article(id=f"q{i}", text=q, source=f"Outlet {i}", published=dt.date(1987, 3, 2))
                for i, q in enumerate(quotes)}
    assert not _with_figures(event, articles).conflicts
    week = TimePoint(value="2006-11-06/2006-11-12", precision="range", text="last week")
    weekly = event.model_copy(update={"when": week, "evidence": [
        ev.model_copy(update={"when": week}) for ev in event.evidence]})
    assert _with_figures(weekly, articles).conflicts, "a week still dates a toll"
    one_quarter = weekly.model_copy(update={"evidence": [weekly.evidence[0], event.evidence[1]]})
    assert not _with_figures(one_quarter, articles).conflicts, "each report's own date must date the happening"


def test_a_price_per_share_is_not_the_value_of_the_offer() -> None:
    # wire copy set a tender's "70 dlrs per share" against "a 7.4 billion dlr tender offer"
    [price] = find_figures("Orvan planned to tender at 70 dlrs per share for the shares it does not own.")
    [value] = find_figures("Analysts cited Orvan's 7.4 billion dlr tender offer today.")
    assert price.label == "price per share" and value.label == "amount"


# --- round 5: what a figure is of, whose figure, and the day it is of (wire copy and AFP) -----
# Each row is a pair of readings as merge holds them in one event (the texts are written here):
# (quote, own date, attribution, outlet, published) twice, then what the pair is.

def _reading(quote: str, day: str, text: str, attribution: str | None, outlet: str, published: dt.date,
             i: int) -> tuple:
    from timeline.models import Evidence, TimePoint

    when = TimePoint(value=day, precision="day" if len(day) == 10 else "range", text=text)
    evidence = Evidence(article_id=f"w{i}", start=0, end=len(quote), quote=quote, when=when, attribution=attribution)
    return evidence, Article(id=f"w{i}", text=quote, source=outlet, published=published, title=f"Item {i}")


def _judged(*readings: tuple) -> str:
    """"dispute", "update", "both" or "none": what ``_with_figures`` makes of readings of one event."""
    from timeline.merge.combine import _with_figures

    pairs = [_reading(*r, i=i) for i, r in enumerate(readings)]
    event = Event(when=pairs[0][0].when, what=pairs[0][0].quote, evidence=[ev for ev, _ in pairs])
    judged = _with_figures(event, {a.id: a for _, a in pairs})
    disputed = any(c.kind == "figure" for c in judged.conflicts)
    return {(True, True): "both", (True, False): "dispute", (False, True): "update"}.get(
        (disputed, bool(judged.figure_updates)), "none")


D25, D26 = dt.date(1987, 3, 25), dt.date(1987, 3, 26)
MAY7 = ("1987-05-07", "May 7")


@pytest.mark.parametrize("first, second, expected", [
    # a group's whole against one member's part ("group exports" of 96,000 tonnes, one member's 1,736)
    (("Producers of the Tin Group said they had found ways to limit group exports to 96,000 tonnes from March 1.",
      "1987-03-01", "March 1", "Producers of the Tin Group", "Wire", D25),
     ("Verran agreed to limit its tin exports to 1,736 tonnes from March 1, the Tin Group said.",
      "1987-03-01", "March 1", "the Tin Group", "Wire", D26), "none"),
    # a deadline is no day of the happening: "an injunction until May 7", "before May 7"
    (("Employers were served with an injunction until May 7 against plans for 350 redundancies, a spokesman said.",
      *MAY7[:1], "until May 7", "a spokesman", "Wire", D25),
     ("The union called off strikes against plans for 800 redundancies before May 7.",
      *MAY7, None, "Other Wire", D25), "none"),
    (("Employers announced plans for 350 redundancies on May 7, a spokesman said.", *MAY7, "a spokesman", "Wire", D25),
     ("The union said employers announced plans for 800 redundancies on May 7.", *MAY7, "the union", "Other Wire",
      D25), "dispute"),
    # two days' figures joined into one event are two days' values, not a dispute
    (("The Bank of Avalon said it provided 350 mln stg in assistance to the money market today.",
      "1987-03-25", "today", "the Bank of Avalon", "Wire", D25),
     ("The Bank of Avalon said it provided 15 mln stg in assistance to the money market this morning.",
      "1987-03-26", "this morning", "the Bank of Avalon", "Other Wire", D26), "none"),
    (("The Bank of Avalon said it provided 350 mln stg in assistance to the money market today.",
      "1987-03-25", "today", "the Bank of Avalon", "Wire", D25),
     ("The Bank of Avalon provided 15 mln stg in assistance to the money market today, dealers said.",
      "1987-03-25", "today", "dealers", "Other Wire", D25), "dispute"),
    # a forecast or a possibility is not what happened; an earlier, superseded reading is no rival
    (("The failure of the talks could send cocoa futures down to 1,100 stg per tonne today, traders said.",
      "1987-03-02", "today", "traders", "Wire", dt.date(1987, 3, 2)),
     ("Cocoa futures fell sharply today, the May price reaching 1,270 stg per tonne.",
      "1987-03-02", "today", None, "Other Wire", dt.date(1987, 3, 2)), "none"),
    (("Earlier, the bank estimated a surplus of around 250 mln stg in the system today.",
      "1987-03-25", "today", None, "Wire", D25),
     ("The Bank of Avalon said the surplus in the system today was 150 mln stg.",
      "1987-03-25", "today", "the Bank of Avalon", "Other Wire", D25), "none"),
    # amounts of two terms are two instruments: a 29-day and a 24-day sale of bills
    (("The Bank of Avalon will sell 300 billion yen of bills today under a 29-day repurchase accord, dealers said.",
      "1987-03-26", "today", "dealers", "Wire", D26),
     ("The Bank of Avalon will sell 400 billion yen of bills today in a 24-day repurchase agreement, traders said.",
      "1987-03-26", "today", "traders", "Other Wire", D26), "none"),
    (("The Bank of Avalon will sell 300 billion yen of bills today under a 29-day repurchase accord, dealers said.",
      "1987-03-26", "today", "dealers", "Wire", D26),
     ("The Bank of Avalon will sell 400 billion yen of bills today in a 29-day repurchase agreement, traders said.",
      "1987-03-26", "today", "traders", "Other Wire", D26), "dispute"),
    # whose voice: one outlet's named speaker twice is one voice; unnamed officials, or the outlet's
    # own unattributed figures, in two of its stories are two voices (te3silver, AFP)
    (("The Bank of Avalon put the surplus in the system today at 150 mln stg.", "1987-03-25", "today",
      "The Bank of Avalon", "Wire", D25),
     ("The Bank of Avalon put the surplus in the system today at 250 mln stg.", "1987-03-25", "today",
      "the Bank of Avalon", "Wire", D25), "none"),
    (("Border guards shot dead two militants here Monday, officials said.", "1997-04-07", "Monday", "officials",
      "AFP", dt.date(1997, 4, 7)),
     ("Border guards shot dead four militants here Monday, officials said.", "1997-04-07", "Monday", "officials",
      "AFP", dt.date(1997, 4, 7)), "dispute"),
    (("Last Friday, a collision between a warship and a refugee boat killed four people.", "1997-03-28",
      "Last Friday", None, "AFP", dt.date(1997, 4, 2)),
     ("More than 80 refugees were believed killed in the sinking Friday.", "1997-03-28", "Friday", None, "AFP",
      dt.date(1997, 4, 2)), "dispute"),
    # a running total through one day, worded as a step ("brings ... to"), in one outlet's items
    (("This brings the Bank's total help so far today to 120 mln stg.", "1987-03-16", "today", None, "Wire",
      dt.date(1987, 3, 16)),
     ("This takes the bank's total help today to some 1.12 billion stg.", "1987-03-16", "today", None, "Wire",
      dt.date(1987, 3, 16)), "none"),
    # a maturity is no day of the happening; amounts of two things ("of treasury bills", "in assistance")
    (("The Bank of Avalon said it sold 167 mln stg of treasury bills due March 27.", "1987-03-27", "March 27",
      "the Bank of Avalon", "Wire", D25),
     ("The Bank of Avalon provided 265 mln stg this morning, dealers said.", "1987-03-27", "this morning",
      "dealers", "Other Wire", dt.date(1987, 3, 27)), "none"),
    (("The Bank of Avalon sold 167 mln stg of treasury bills this morning, dealers said.", "1987-03-27",
      "this morning", "dealers", "Wire", dt.date(1987, 3, 27)),
     ("The Bank of Avalon provided 265 mln stg in assistance this morning, traders said.", "1987-03-27",
      "this morning", "traders", "Other Wire", dt.date(1987, 3, 27)), "none"),
    # "Earlier, X staged bombings ..., leaving two dead" is background, still a reading (te3silver, Xinhua)
    (("The outfit blamed for bomb blasts on Aug 17 which left three people killed has planned more attacks.",
      "2005-08-17", "Aug 17", "the intelligence report", "Xinhua", dt.date(2005, 11, 20)),
     ("Earlier, the outfit staged serial bombings on Aug 17, leaving two people dead.", "2005-08-17", "Aug 17",
      None, "Xinhua", dt.date(2005, 11, 29)), "dispute"),
    # "By Sunday" dates a reading as of that day, and a term ("a 10-year-old") is no instrument's
    (("By Sunday, 40 people had died in the floods, officials said.", "2006-11-05", "Sunday", "officials", "AFP",
      dt.date(2006, 11, 6)),
     ("Floods had killed 52 people by Sunday, a 10-year-old among them, the Red Cross said.", "2006-11-05",
      "Sunday", "the Red Cross", "Xinhua", dt.date(2006, 11, 6)), "dispute"),
    (("A 3-day festival ended on Sunday after a stampede killed 40 people, officials said.", "2006-11-05",
      "Sunday", "officials", "AFP", dt.date(2006, 11, 6)),
     ("A stampede on Sunday killed 52 people in a two-week pilgrimage, the Red Cross said.", "2006-11-05",
      "Sunday", "the Red Cross", "Xinhua", dt.date(2006, 11, 6)), "dispute"),
    # a later, higher toll is still an update, and a named source's own later count too
    (("A blast killed 17 miners on Sunday.", "2006-11-05", "Sunday", None, "Xinhua", dt.date(2006, 11, 6)),
     ("The death toll from Sunday's blast has risen to 40.", "2006-11-05", "Sunday's", None, "Xinhua",
      dt.date(2006, 11, 14)), "update"),
])
def test_what_a_figure_is_of_whose_it_is_and_its_day(first: tuple, second: tuple, expected: str) -> None:
    assert _judged(first, second) == expected


@pytest.mark.parametrize("text, aside", [
    ("The failure could trigger a selloff of at least 100 stg per tonne today, traders said.", "forecast"),
    ("Orvan expects first quarter earnings of 90 cts a share.", "forecast"),
    ("Earlier, the bank estimated a surplus of around 250 mln stg.", "earlier"),
    ("The storm, which could be the worst in decades, killed 12 people.", ""),
    ("Five people died in the fire on May 3, police said.", ""),
    ("Rescuers could not reach 30 miners trapped in the shaft.", ""),
    ("The ship sank on May 3 with 30 crew aboard.", ""),
])
def test_a_forecast_or_an_earlier_reading_is_set_aside(text: str, aside: str) -> None:
    [figure] = find_figures(text)
    assert figure.aside == aside


@given(unit=st.sampled_from(["day", "week", "month", "year"]), terms=st.lists(st.integers(2, 90), min_size=2,
       max_size=2, unique=True), amounts=st.lists(st.integers(100, 900), min_size=2, max_size=2, unique=True))
@settings(max_examples=40, deadline=None)
def test_generated_amounts_of_two_terms_are_never_disputed(unit: str, terms: list[int], amounts: list[int]) -> None:
    readings = [(f"The Bank of Avalon will sell {n} mln dlrs of bills today in a {t}-{unit} tender, {who} said.",
                 "1987-03-26", "today", who, outlet, D26)
                for n, t, who, outlet in zip(amounts, terms, ["dealers", "traders"], ["Wire", "Other Wire"])]
    assert _judged(*readings) == "none"
    same_term = [(q.replace(f" {terms[1]}-{unit}", f" {terms[0]}-{unit}"), *rest) for q, *rest in readings]
    assert _judged(*same_term) == "dispute"


@pytest.mark.parametrize("first, second", [
    # recurring notices: each names the day it is for, a day's notice is another day's notice
    (("Verran's Central Bank set a crown/dollar rate for April 3 of 782.50/786.41 to the dollar, down from "
      "780.00/783.90.", WIRE, dt.date(1987, 4, 3)),
     ("Verran's Central Bank set a crown/dollar rate for April 6 of 781.95/785.86 to the dollar, up from "
      "782.50/786.41.", WIRE, dt.date(1987, 4, 6))),
    (("The following deliveries are scheduled for April 6 against Tarrow Board of Trade futures in soybeans.",
      WIRE, dt.date(1987, 4, 3)),
     ("The following deliveries are scheduled for April 8 against Tarrow Board of Trade futures in soybeans.",
      WIRE, dt.date(1987, 4, 7))),
    # the day a measure takes effect is not the day it was taken
    (("The Verran Cocoa Institute tonight closed May export registrations, exporters said.", WIRE,
      dt.date(1987, 4, 3)),
     ("The Verran Cocoa Institute confirmed having closed May export registrations, effective April 6.", WIRE,
      dt.date(1987, 4, 6))),
])
def test_notices_for_a_day_and_effective_dates_are_no_date_dispute(first: tuple[str, str, dt.date],
                                                                   second: tuple[str, str, dt.date]) -> None:
    assert not [e for e in flagged(run(first, second)) if any(c.kind == "date" for c in e.conflicts)]


def test_a_wire_dateline_is_the_reports_day_like_today() -> None:
    # "LONDON, March 26 - The Bank ... said" and the previous day's "today": each is its report's
    # own day, as two days' items of one wire (the pair was flagged as disputing the day)
    from timeline.merge.combine import _stated_readings
    from timeline.models import Evidence, TimePoint

    quotes = [("The Bank of Avalon said it revised its forecast of the position in the money market today.",
               TimePoint(value="1987-03-25", precision="day", text="today"), "w0"),
              ("TARROW, March 26 - The Bank of Avalon said it provided 15 mln stg to the money market.",
               TimePoint(value="1987-03-26", precision="day", text="March 26"), "w1")]
    readings = [(Evidence(article_id=a, start=0, end=len(q), quote=q, when=w), w, w.value) for q, w, a in quotes]
    kept = _stated_readings(readings, {"w0": "1987-03-25", "w1": "1987-03-26"})
    assert [value for _, _, value in kept] == ["1987-03-25"]
    in_the_text = [(ev.model_copy(update={"quote": "The Bank of Avalon said on March 26 it provided 15 mln stg."}),
                    w, v) if ev.article_id == "w1" else (ev, w, v) for ev, w, v in readings]
    assert len(_stated_readings(in_the_text, {"w0": "1987-03-25", "w1": "1987-03-26"})) == 2, \
        "a date in the sentence is the report's own reading"


@pytest.mark.parametrize("text, whole", [
    ("Producers said they had found ways to limit group exports to 96,000 tonnes.", True),
    ("Combined sales were 5 mln dlrs.", True),
    ("A group of 12 tourists were killed in the crash.", False),
    ("The rebel group said 12 soldiers were killed.", False),
    ("Verran agreed to limit its tin exports to 1,736 tonnes.", False),
])
def test_a_whole_made_of_parts_is_marked_only_where_it_modifies_the_count(text: str, whole: bool) -> None:
    # "a group of 12" and "the group said" are no wholes: marking them would hide real disputes
    [figure] = find_figures(text)
    assert figure.whole is whole


@given(counts=st.lists(st.integers(10, 60), min_size=2, max_size=2, unique=True),
       speakers=st.lists(st.sampled_from(["officials", "police", None, "the Verran army", "Governor Ada Pike"]),
                         min_size=2, max_size=2),
       outlets=st.sampled_from([("AFP", "AFP"), ("AFP", "Xinhua")]), days=st.sampled_from([(7, 7), (7, 8)]))
@settings(max_examples=80, deadline=None)
def test_generated_pairs_dispute_only_one_day_and_two_voices(counts: list[int], speakers: list[str | None],
                                                            outlets: tuple[str, str], days: tuple[int, int]) -> None:
    readings = [(f"Border guards shot dead {n} militants here on April {d}" + (f", {who} said." if who else "."),
                 f"1997-04-{d:02d}", f"April {d}", who, outlet, dt.date(1997, 4, 9))
                for n, who, outlet, d in zip(counts, speakers, outlets, days)]
    one_voice = outlets[0] == outlets[1] and speakers[0] == speakers[1] and speakers[0] in (
        "the Verran army", "Governor Ada Pike")
    expected = "none" if days[0] != days[1] or one_voice else "dispute"
    assert _judged(*readings) == expected


# --- found on the held-out check (Reuters-21578 file 06, read after the first check) -----------

@pytest.mark.parametrize("first, second, agree", [
    ("Net borrowings were 1.36 billion dlrs.", "Borrowings were 1.4 billion dlrs.", True),  # rounded
    ("The deal was valued at 40 million euros.", "It secured the 65 million euro deal.", False),
    ("It sold 100 mln dlrs of notes.", "It sold 101 mln dlrs of notes.", False),
    ("Some 3.5 million were made homeless.", "Three million were made homeless.", False),  # a word: as stated
    ("It owed 2.5 billion dlrs.", "It owed 2.6 billion dlrs.", False),
])
def test_a_scaled_figure_is_rounded_to_its_last_decimal(first: str, second: str, agree: bool) -> None:
    [a], [b] = find_figures(first), find_figures(second)
    assert compatible(a, b) is agree


@pytest.mark.parametrize("text, levels", [
    ("Three months delivery ended at 456 stg, down one stg a tonne from yesterday's close.", ["456 stg"]),
    ("Copper ended at 879 stg per tonne, a rise of three from the close.", ["879 stg"]),
    ("The death toll rose to nine, police said.", ["nine"]),
    ("The army lost 12 soldiers in the attack.", ["12"]),
])
def test_the_size_of_a_move_is_no_reading_of_the_level(text: str, levels: list[str]) -> None:
    assert [f.shown for f in find_figures(text) if not (f.comparison or f.aside)] == levels


@pytest.mark.parametrize("first, second, expected", [
    # one outlet's own price readings of one day, no speaker named: two fixes, one voice
    (("London gold was 418.70 dlrs an ounce at the fix today.", "1987-04-07", "today", None, "Wire", dt.date(1987, 4, 7)),
     ("London gold was 418.50 dlrs an ounce at the afternoon fix today.", "1987-04-07", "today", None, "Wire",
      dt.date(1987, 4, 7)), "none"),
    # ... but its own counts of people in two stories are its reports disagreeing
    (("A ferry sank today, killing 18 people.", "1987-04-07", "today", None, "Wire", dt.date(1987, 4, 7)),
     ("A ferry sank off Tarrow today with the loss of 25 lives.", "1987-04-07", "today", None, "Wire",
      dt.date(1987, 4, 7)), "dispute"),
    # two outlets' prices are still two sources
    (("London gold was 418.70 dlrs an ounce at the fix today.", "1987-04-07", "today", None, "Wire", dt.date(1987, 4, 7)),
     ("London gold was 412.50 dlrs an ounce at the fix today.", "1987-04-07", "today", None, "Other Wire",
      dt.date(1987, 4, 7)), "dispute"),
])
def test_whose_voice_depends_on_what_is_counted(first: tuple, second: tuple, expected: str) -> None:
    assert _judged(first, second) == expected


def test_a_notice_through_a_day_is_no_date_dispute() -> None:
    briefing = run(("The Verran Farm Agency reported the reserve five-day average price through April 6 as follows "
                    "for wheat and corn.", WIRE, dt.date(1987, 4, 6)),
                   ("The Verran Farm Agency reported the reserve five-day average price through April 7 as follows "
                    "for wheat and corn.", WIRE, dt.date(1987, 4, 7)))
    assert not [e for e in flagged(briefing) if any(c.kind == "date" for c in e.conflicts)]


# --- round 5, last invented reports (wire copy): parts of a day, clauses about a noun, two
# datelines, a speaker's own act, chains. Texts written here; each rule has its counter-case.

D9 = dt.date(1987, 4, 9)


@pytest.mark.parametrize("first, second, expected", [
    # the morning's operation and the afternoon's are two figures, not one figure updated
    (("The Bank of Avalon said it bought 103 mln stg of bills in the money market this morning.",
      "1987-04-09", "this morning", "the Bank of Avalon", "Wire", D9),
     ("The Bank of Avalon said it has met its revised estimate of the shortage, buying 261 mln stg of bills in "
      "afternoon operations today.",
      "1987-04-09", "today", "the Bank of Avalon", "Wire", D9), "none"),
    # the morning's help and the day's total
    (("The Bank of Avalon said it provided 181 mln stg in assistance this morning.",
      "1987-04-09", "this morning", "the Bank of Avalon", "Wire", D9),
     ("This brings the Bank of Avalon's total help today to some 412 mln stg.",
      "1987-04-09", "today", "the Bank of Avalon", "Other Wire", D9), "none"),
    # counter-case: two outlets' figures of the same morning are still a dispute
    (("The Bank of Avalon said it provided 181 mln stg in assistance this morning.",
      "1987-04-09", "this morning", "the Bank of Avalon", "Wire", D9),
     ("The Bank of Avalon provided 240 mln stg in assistance this morning, dealers said.",
      "1987-04-09", "this morning", "dealers", "Other Wire", D9), "dispute"),
    # a date in a clause about a noun dates the noun: two balances of one open programme
    (("An additional 162,500 tonnes of barley are still available to Verran under the export "
      "programme announced May 7, the ministry said.", *MAY7, "the ministry", "Wire", D25),
     ("An additional 150,000 tonnes of barley are still available to Verran under the export "
      "programme announced May 7, officials said.", *MAY7, "officials", "Other Wire", D26), "none"),
    # counter-case: the date of the sentence's own act still dates the figures
    (("The ministry announced May 7 that 162,500 tonnes of barley were sold to Verran.", *MAY7, "the ministry",
      "Wire", D25),
     ("Officials said 150,000 tonnes of barley were sold to Verran on May 7.", *MAY7, "officials", "Other Wire",
      D25), "dispute"),
])
def test_parts_of_a_day_and_a_clause_about_a_noun(first: tuple, second: tuple, expected: str) -> None:
    assert _judged(first, second) == expected


@pytest.mark.parametrize("first, second, kept", [
    # one statement, "today's" and "yesterday's" resolved against two datelines: one reading
    (("At a news conference after today's summit, Kell said no new statement was needed.", "1987-04-09", "today's"),
     ("At a news conference after yesterday's summit, Kell said no new statement was needed.", "1987-04-08",
      "yesterday's"), 1),
    # counter-case: two wordings of the day are two readings (a dispute may follow)
    (("The summit ended today, Kell said.", "1987-04-09", "today"),
     ("Kell said the summit had ended yesterday after a long night.", "1987-04-08", "yesterday"), 2),
    # counter-case: named weekdays are each source's own reading, even word for word
    (("The summit ended on Thursday, Kell said.", "1987-04-09", "Thursday"),
     ("The summit ended on Wednesday, Kell said.", "1987-04-08", "Wednesday"), 2),
])
def test_one_statement_against_two_datelines_is_one_reading(first: tuple, second: tuple, kept: int) -> None:
    from timeline.merge.combine import _stated_readings
    from timeline.models import Evidence, TimePoint

    readings = []
    for i, (quote, value, text) in enumerate((first, second)):
        when = TimePoint(value=value, precision="day", text=text)
        readings.append((Evidence(article_id=f"s{i}", start=0, end=len(quote), quote=quote, when=when), when, value))
    assert len(_stated_readings(readings, {"s0": "1987-04-09", "s1": "1987-04-09"})) == kept


@given(day=st.sampled_from(["today's", "yesterday's", "tomorrow's", "tonight's"]),
       other=st.sampled_from(["today's", "yesterday's", "tomorrow's", "tonight's"]),
       noun=st.sampled_from(["summit", "meeting", "talks", "vote"]), speaker=st.sampled_from(["Kell", "Ada Pike"]))
@settings(max_examples=40, deadline=None)
def test_generated_copies_of_one_statement_keep_one_reading(day: str, other: str, noun: str, speaker: str) -> None:
    from timeline.merge.combine import _stated_readings
    from timeline.models import Evidence, TimePoint

    readings = []
    for i, (word, value) in enumerate(((day, "1987-04-09"), (other, "1987-04-08"))):
        quote = f"After {word} {noun}, {speaker} said nothing new was needed."
        when = TimePoint(value=value, precision="day", text=word)
        readings.append((Evidence(article_id=f"s{i}", start=0, end=len(quote), quote=quote, when=when), when, value))
    kept = _stated_readings(readings, {"s0": "1987-04-09", "s1": "1987-04-09"})
    assert len({v for _, _, v in kept}) == 1


def _filing(what: str, who: list[str], article: str) -> Event:
    from timeline.models import Evidence, TimePoint

    when = TimePoint(value="1987-10-15", precision="day", text="October 15")
    return Event(when=when, what=what, who=who, attribution=who[-1], evidence=[
        Evidence(article_id=article, start=0, end=len(what), quote=what, when=when, attribution=who[-1])])


@pytest.mark.parametrize("first, second, same", [
    # a speaker who reports his own act acts: two holders' trades are two happenings
    (("In a filing with the Securities and Exchange Commission, Orvan Holdings said it bought 119,867 Kell "
      "common shares on October 15 at 10.75 dlrs a share", ["Orvan Holdings"]),
     ("Brask, who tried to acquire Kell earlier this year, said in a filing with the Securities and "
      "Exchange Commission that he sold 338,975 Kell common shares on October 15 at 22.50 dlrs a share",
      ["Brask"]), False),
    # counter-case: a speaker telling of another's act is a source, and one trade is one happening
    (("Orvan Holdings bought 119,867 Kell common shares on October 15 at 10.75 dlrs a share, "
      "a filing with the Securities and Exchange Commission showed", ["Orvan Holdings"]),
     ("Orvan Holdings bought 119,867 Kell common shares on October 15 at 10.75 dlrs each, Brask said in a filing "
      "with the Securities and Exchange Commission", ["Orvan Holdings", "Brask"]), True),
])
def test_a_speaker_reporting_his_own_act_acts(first: tuple, second: tuple, same: bool) -> None:
    from timeline.merge.happening import same_happening

    a, b = _filing(first[0], first[1], "f0"), _filing(second[0], second[1], "f1")
    assert (same_happening(a, b) is not None) is same


def test_a_chain_of_reports_joins_only_through_the_groups_core() -> None:
    # A~B and B~C, A and C two happenings: the board's meeting, a bid, a loan's signing
    from timeline.merge.combine import _join_same_happenings
    from timeline.merge.happening import same_happening
    from timeline.models import Evidence, TimePoint

    def report(what: str, article: str) -> Event:
        when = TimePoint(value="1987-03-20", precision="day", text="Friday")
        return Event(when=when, what=what, evidence=[Evidence(article_id=article, start=0, end=len(what),
                                                              quote=what, when=when)])

    events = [report("Orvan Motors' board will consider the Kell bid again on Friday at a regularly scheduled "
                     "board meeting in New York.", "c0"),
              report("Verran's 7.7 billion dlr loan package will be signed in New York on Friday by bankers "
                     "at a regularly scheduled meeting.", "c1"),
              report("Orvan Motors' board of directors is meeting in New York on Friday at a regularly scheduled "
                     "meeting to consider Kell's 1.5 billion dlr loan package bid.", "c2")]
    links = {(i, j) for i in range(3) for j in range(3) if i < j and same_happening(events[i], events[j])}
    joined, _ = _join_same_happenings(events, {f"c{i}": i for i in range(3)})
    if (0, 1) not in links and links & {(0, 2), (1, 2)} == {(0, 2), (1, 2)}:
        assert len(joined) == 2, "the loan joined the board's meeting through the third report"
    else:
        # the texts must make the chain; a failing premise is a broken test, not a pass
        pytest.fail(f"the three reports do not form a chain: {sorted(links)}")
    counter = [events[0], events[2], report("Orvan Motors' board met in New York on Friday at a regularly "
                                            "scheduled board meeting to consider the Kell bid.", "c3")]
    assert len(_join_same_happenings(counter, {f"c{i}": i for i in (0, 2, 3)})[0]) == 1, \
        "three reports of one meeting still join"
