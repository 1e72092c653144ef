"""Merging: precision-aware order, duplicates, undated section, cross-source joins."""
from __future__ import annotations

import datetime as dt

from datetime import date

from timeline.merge.combine import merge, time_key
from timeline.models import Article, Event, Evidence, TimePoint


def ev(what: str, value: str | None, precision: str = "day", article: str = "a", start: int = 0,
       who: list[str] | None = None, said: str | None = None) -> Event:
    """An event whose source dates it ``value`` in the words ``said`` (by default the value itself)."""
    when = TimePoint(value=value, precision=precision, text=said or value) if value else None  # type: ignore[arg-type]
    return Event(when=when, what=what, who=who or [],
                 evidence=[Evidence(article_id=article, start=start, end=start + len(what), quote=what, when=when)])


ARTICLES = [Article(id="a", text="x"), Article(id="b", text="y")]


def test_coarser_dates_sort_before_the_finer_dates_they_contain() -> None:
    events = [ev("Talks end in Geneva", "2024-11-29", start=50), ev("Visit to Rome", "2024-11", "month", start=10),
              ev("War began", "2011", "year", start=90), ev("Year of elections", "2024", "year", start=5),
              ev("Week of talks", "2024-11-25/2024-12-01", "range", start=70)]
    values = [e.when.value for e in merge(events, ARTICLES).events]  # type: ignore[union-attr]
    assert values == ["2011", "2024", "2024-11", "2024-11-25/2024-12-01", "2024-11-29"]
    assert time_key("2024") < time_key("2024-11") < time_key("2024-11-29")


def test_same_day_keeps_source_order() -> None:
    events = [ev("Second in text happened", "2024-11-29", start=80), ev("First in text happened", "2024-11-29", start=10),
              ev("From article b happened", "2024-11-29", article="b", start=0)]
    whats = [e.what for e in merge(events, ARTICLES).events]
    assert whats == ["First in text happened", "Second in text happened", "From article b happened"]


def test_undated_and_unresolved_go_to_their_own_section() -> None:
    unresolved = ev("Rebels advanced on Friday night", None, start=200)
    unresolved.when = TimePoint(value=None, precision="unknown", text="Friday night")
    chronology = merge([ev("Dated thing happened", "2024-11-29"), ev("Undated thing happened", None, start=100), unresolved],
                       [Article(id="a", text="x", published=None)])
    assert [e.what for e in chronology.events] == ["Dated thing happened"]
    assert {e.what for e in chronology.undated} == {"Undated thing happened", "Rebels advanced on Friday night"}


def test_overlapping_chunks_do_not_duplicate_a_sentence() -> None:
    first = ev("Strikes hit Idlib on Sunday.", "2024-12-01", start=100)
    again = ev("Strikes hit Idlib on Sunday.", "2024-12-01", start=100)
    assert len(merge([first, again], ARTICLES).events) == 1


def test_same_happening_from_two_sources_is_one_event_citing_both() -> None:
    a = ev("Transport Minister Ilse Brandt ordered inspections of 40 bridges, the ministry said.", "2025-03-11")
    b = ev("Minister Ilse Brandt on Tuesday ordered urgent inspections of 40 bridges nationwide.", "2025-03-11",
           article="b")
    [merged] = merge([a, b], ARTICLES).events
    assert merged.sources == ["a", "b"] and len(merged.evidence) == 2 and not merged.conflicts


def test_different_happenings_on_the_same_day_stay_apart() -> None:
    a = ev("Divers recovered two more bodies from the river, police said.", "2025-03-09")
    b = ev("Mayor Lena Ortiz declared a state of emergency in Port Aldren.", "2025-03-09", article="b")
    assert len(merge([a, b], ARTICLES).events) == 2


def test_conflicting_days_join_only_for_the_same_actor_and_are_flagged() -> None:
    a = ev("Mayor Lena Ortiz declared a state of emergency in Port Aldren today.", "2025-03-10", who=["Mayor Lena Ortiz"],
           said="today")
    b = ev("Mayor Lena Ortiz declared a state of emergency in Port Aldren on Sunday.", "2025-03-09", article="b",
           who=["Mayor Lena Ortiz"], said="Sunday")
    [merged] = merge([a, b], ARTICLES).events
    assert "date_conflict" in merged.flags
    [conflict] = merged.conflicts
    assert {(v.article_id, v.value) for v in conflict.values} == {("a", "2025-03-10"), ("b", "2025-03-09")}
    other = ev("Mayor Lena Ortiz declared a state of emergency in Port Aldren on Sunday.", "2025-03-09", article="b",
               who=["Governor Jan Voss"])
    assert len(merge([a, other], ARTICLES).events) == 2


def test_differing_figures_are_flagged_with_each_source() -> None:
    a = ev("Twelve people were killed when the Kessel River Bridge collapsed.", "2025-03-08")
    b = ev("The Kessel River Bridge collapsed, killing 14 people, police said.", "2025-03-08", article="b")
    [merged] = merge([a, b], ARTICLES).events
    [conflict] = merged.conflicts
    assert conflict.kind == "figure" and conflict.label == "deaths"
    assert [(v.article_id, v.value, v.attribution) for v in conflict.values] == [("a", "Twelve", None), ("b", "14", "police")]


def test_at_least_n_agrees_with_n() -> None:
    a = ev("At least 12 people were killed when the Kessel River Bridge collapsed.", "2025-03-08")
    b = ev("The Kessel River Bridge collapsed, killing 14 people, police said.", "2025-03-08", article="b")
    [merged] = merge([a, b], ARTICLES).events
    assert merged.sources == ["a", "b"] and not merged.conflicts


def test_remerging_a_merged_event_is_stable() -> None:
    a = ev("At least 12 people were killed when the Kessel River Bridge collapsed.", "2025-03-08")
    b = ev("The Kessel River Bridge collapsed, killing 14 people, police said.", "2025-03-08", article="b")
    once = merge([a, b], ARTICLES).events
    twice = merge(once, ARTICLES).events
    assert [e.model_dump() for e in twice] == [e.model_dump() for e in once]


# --- issue 14: same happening by meaning -------------------------------------------------------

DATED = [Article(id="a", text="x", published=date(2024, 12, 2)), Article(id="b", text="y", published=date(2024, 12, 2)),
         Article(id="c", text="z", published=date(2024, 12, 4))]


def test_two_strikes_on_the_same_day_in_different_places_stay_apart_with_no_dispute() -> None:
    a = ev("An air strike on a market in Idlib killed 9 people, the White Helmets said.", "2024-12-01")
    b = ev("An air strike on a hospital in Aleppo killed 4 people, the White Helmets said.", "2024-12-01", article="b")
    chronology = merge([a, b], DATED)
    assert len(chronology.events) == 2 and not any(e.conflicts for e in chronology.events)


def test_different_targets_in_one_unnamed_place_stay_apart() -> None:
    a = ev("An air strike hit a market, killing 9 people, the White Helmets said.", "2024-12-01")
    b = ev("An air strike hit a hospital, killing 4 people, the White Helmets said.", "2024-12-01", article="b")
    assert len(merge([a, b], DATED).events) == 2


def test_same_kind_place_and_day_in_different_words_merge_and_say_why() -> None:
    a = ev("About 3,000 residents were evacuated from Cedar Falls on Sunday night, according to the county.", "2024-12-01")
    b = ev("Some 5,000 people were forced to leave their homes in Cedar Falls, said Dana Ruiz.", "2024-12-01", article="b")
    [merged] = merge([a, b], DATED).events
    assert "kind: evacuation" in merged.merge_signals and "place: Cedar Falls" in merged.merge_signals
    [conflict] = merged.conflicts
    assert conflict.label == "evacuated"
    assert [(v.value, v.attribution) for v in conflict.values] == [("about 3,000", "the county"), ("some 5,000", "Dana Ruiz")]


def test_same_place_and_day_but_different_kinds_stay_apart() -> None:
    a = ev("A wildfire near Cedar Falls killed two people, the county said.", "2024-12-01")
    b = ev("About 3,000 residents were evacuated from Cedar Falls, the county said.", "2024-12-01", article="b")
    assert len(merge([a, b], DATED).events) == 2


def test_a_third_report_never_chains_two_places_together() -> None:
    a = ev("The fire destroyed 40 homes in Cedar Falls, officials said.", "2024-12-01")
    b = ev("Fire destroyed 12 homes in Birch Hollow, the mayor said.", "2024-12-01", article="b")
    c = ev("The fire destroyed homes on Monday, officials said.", "2024-12-01", article="c")
    events = merge([a, b, c], DATED).events
    for event in events:
        quotes = " ".join(q.quote for q in event.evidence)
        assert not ("Cedar Falls" in quotes and "Birch Hollow" in quotes)
    assert len(events) >= 2


def test_a_later_higher_toll_is_an_update_a_later_lower_one_a_dispute() -> None:
    first = ev("The collapse of the bridge on Saturday killed 12 people, the fire department said.", "2024-11-30")
    later = ev("The death toll from the collapse of the bridge on Saturday has risen to 14, police said.", "2024-11-30",
               article="c")
    [merged] = merge([first, later], DATED).events
    assert not merged.conflicts and "figure_conflict" not in merged.flags
    [update] = merged.figure_updates
    assert [(v.article_id, v.value) for v in update.values] == [("a", "12"), ("c", "14")]
    lower = ev("The collapse of the bridge on Saturday killed 10 people, police said.", "2024-11-30", article="c")
    [merged] = merge([first, lower], DATED).events
    assert [c.label for c in merged.conflicts] == ["deaths"] and not merged.figure_updates


def test_same_day_reports_of_different_tolls_are_a_dispute() -> None:
    a = ev("The collapse of the bridge killed 12 people, the fire department said.", "2024-11-30")
    b = ev("The collapse of the bridge killed 14 people, police said.", "2024-11-30", article="b")
    [merged] = merge([a, b], DATED).events
    [conflict] = merged.conflicts
    assert {(v.article_id, v.attribution) for v in conflict.values} == {("a", "the fire department"), ("b", "police")}


def test_joined_reports_keep_the_narrowest_compatible_date() -> None:
    """A month, the week starting on a day and that day, all nesting: the day is what the
    sources know most precisely (timepoint.Period.width), whichever report came first."""
    what = "Ministers signed the Geneva accord on trade after long talks"
    events = [ev(what, "2024-11", "month", article="a"),
              ev(what, "2024-11-25/2024-12-01", "range", article="b"),
              ev(what, "2024-11-25", article="b", start=400)]
    [event] = merge(events, ARTICLES).events
    assert event.when is not None and event.when.value == "2024-11-25" and len(event.evidence) == 3


def test_the_same_relative_words_copied_a_day_later_are_no_dispute() -> None:
    """A quote with "yesterday" re-used in the next day's report resolves one day later: the
    copies were published on different days, the sources do not disagree. The first
    publication's reading dates the event."""
    quote = '"Our concern has grown as of yesterday," Dr. Richard Besser, the acting director, told reporters.'
    articles = [Article(id="a", text="x", published=dt.date(2009, 4, 24)),
                Article(id="b", text="y", published=dt.date(2009, 4, 25))]
    a = ev(quote, "2009-04-23", said="yesterday", who=["Richard Besser"])
    b = ev(quote, "2009-04-24", article="b", said="yesterday", who=["Richard Besser"])
    [merged] = merge([b, a], articles).events
    assert not merged.conflicts and "date_conflict" not in merged.flags
    assert merged.when is not None and merged.when.value == "2009-04-23"
    assert sorted(merged.sources) == ["a", "b"]


def test_different_words_for_different_days_are_still_a_dispute() -> None:
    articles = [Article(id="a", text="x", published=dt.date(2009, 4, 24)),
                Article(id="b", text="y", published=dt.date(2009, 4, 24))]
    a = ev("Mayor Lena Ortiz declared a state of emergency in Port Aldren yesterday.", "2009-04-23",
           who=["Mayor Lena Ortiz"], said="yesterday")
    b = ev("Mayor Lena Ortiz declared a state of emergency in Port Aldren on Tuesday.", "2009-04-21", article="b",
           who=["Mayor Lena Ortiz"], said="Tuesday")
    [merged] = merge([a, b], articles).events
    assert "date_conflict" in merged.flags


def test_two_days_counts_are_two_happenings_not_a_date_dispute() -> None:
    """Successive counts from one official source on close days are updates, not one happening
    told with two dates (seen on a real story: 91 cases on Tuesday, 109 on Thursday)."""
    articles = [Article(id="a", text="x", published=dt.date(2009, 4, 29)),
                Article(id="b", text="y", published=dt.date(2009, 4, 30))]
    a = ev("Health officials confirmed a total of 91 cases of swine flu across the country on Tuesday.",
           "2009-04-28", who=["Health"], said="Tuesday")
    b = ev("Health officials confirmed a total of 109 cases of swine flu across the country on Thursday.",
           "2009-04-30", article="b", who=["Health"], said="Thursday")
    events = merge([a, b], articles).events
    assert len(events) == 2 and not any(e.conflicts for e in events)


def test_two_days_reports_dated_by_their_own_publication_are_no_dispute() -> None:
    """"4 p.m." in Thursday's weather report and "6 p.m." in Tuesday's are each their own day:
    the reports came out on two days; no source disagrees about a date."""
    articles = [Article(id="a", text="x", published=dt.date(2023, 3, 23)),
                Article(id="b", text="y", published=dt.date(2023, 3, 21))]
    a = ev("Weather: 4 p.m. report Meteorologist Mike Augustyniak says a 50-degree day may come.", "2023-03-23",
           who=["Mike Augustyniak"], said="4 p.m")
    b = ev("Weather: 6 p.m. report Meteorologist Mike Augustyniak says rain may come.", "2023-03-21", article="b",
           who=["Mike Augustyniak"], said="6 p.m")
    assert not any(e.conflicts for e in merge([a, b], articles).events)


# Joins that invented disputes on real wire copy (corpus/te3silver): each pair is two happenings,
# or one happening whose sources agree, and the briefing must not say the sources disagree.
WIRE = [Article(id=x, text="x", published=date(2006, 11, 4)) for x in "abc"]


def _conflicts(*events: Event) -> list[tuple[str, int]]:
    merged = merge(list(events), WIRE).events
    return [(c.kind, len(merged)) for e in merged for c in e.conflicts] or [("none", len(merged))]


def test_two_numbers_both_reports_state_are_no_figure_dispute() -> None:
    a = ev("The case recalls the Yorkshire Ripper, convicted of the deaths of 13 women in London, and Jack the Ripper, "
           "who murdered five women.", "1975/1980", "range", who=["Yorkshire Ripper"])
    b = ev("The cases recall the Yorkshire Ripper, convicted of the murders of 13 women in London, and Jack the Ripper, "
           "who killed five women.", "1975/1980", "range", article="b", who=["Yorkshire Ripper"])
    assert _conflicts(a, b) == [("none", 1)]


def test_casualty_words_numbers_and_sources_do_not_make_two_reports_one_happening() -> None:
    soldier = ev("One soldier was killed in a clash with militants in the southern Philippines, the military said.",
                 "2006-11-01")
    crash = ev("A trainer plane crashed in the northern Philippines, killing the pilot, the military said.", "2006-11-01",
               article="b")
    arrests = ev("Coast guards arrested 36 immigrants, including three women, off Granada.", "2006-11-01", article="c")
    police = ev("Police arrested three men after finding drugs in their car.", "2006-11-01", article="b", start=500)
    soldier.attribution = crash.attribution = "the military"  # as the pipeline finds them
    assert len(merge([soldier, crash], WIRE).events) == 2
    assert len(merge([arrests, police], WIRE).events) == 2


def test_a_separate_clash_is_another_happening() -> None:
    raid = ev("During the raid late on Sunday four insurgents were killed in Kandahar, it said.", "2006-12-17")
    other = ev("Four Taliban insurgents were killed in a separate clash late Sunday in Kandahar.", "2006-12-17",
               article="b")
    assert len(merge([raid, other], WIRE).events) == 2


def test_a_report_that_names_both_days_tells_two_happenings_not_a_date_dispute() -> None:
    resumed = ev("The trial of Saddam resumed on Wednesday after Saddam and two aides were sentenced to death on "
                 "Sunday.", "2006-11-08", who=["Saddam"])
    sentenced = ev("On Nov. 5, Saddam and two aides were sentenced to death.", "2006-11-05", article="b",
                   who=["Saddam"])
    assert _conflicts(resumed, sentenced) == [("none", 2)]


def test_a_summits_days_are_not_one_happening_with_two_dates() -> None:
    welcome = ev("Chinese President Hu Jintao rolled out the red carpet on Friday in Beijing to welcome five presidents "
                 "for the two-day China-Africa summit.", "2006-11-03", who=["Chinese President Hu Jintao"])
    opening = ev("Chinese President Hu Jintao made the remarks on Saturday when addressing the opening of the "
                 "China-Africa summit in Beijing.", "2006-11-04", article="b", who=["Chinese President Hu Jintao"])
    assert _conflicts(welcome, opening) == [("none", 2)]


def test_two_days_records_are_two_happenings() -> None:
    monday = ev("The yuan hit a new high on Monday, at 7.8402 to one dollar, breaking the 7.85 mark.", "2006-11-27",
                who=["Renminbi"])
    wednesday = ev("The yuan hit a new high on Wednesday, at 7.8394 to one dollar, breaking the 7.84 mark.",
                   "2006-11-29", article="b", who=["Renminbi"])
    colombo = ev("The Colombo All Share Price Index closed down 18.12 points at 2438.67 points.", "2006-11-01",
                 start=300)
    bangkok = ev("The SET index lost 2.41 points to close at 694.44 points.", "2006-11-01", article="b", start=300)
    assert _conflicts(monday, wednesday) == [("none", 2)]
    assert _conflicts(colombo, bangkok) == [("none", 2)]


def test_a_year_event_does_not_bridge_two_days_into_one_happening() -> None:
    year = ev("Iraqi Prime Minister Nuri al-Maliki met Bush in Amman in 2006 for talks.", "2006", "year",
              who=["Nuri al-Maliki"])
    talks = ev("Iraqi Prime Minister Nuri al-Maliki held talks with Bush in Amman on Thursday.", "2006-11-30",
               article="b", who=["Nuri al-Maliki"])
    later = ev("Iraqi Prime Minister Nuri al-Maliki held talks with Bush in Amman on Saturday.", "2006-12-16",
               article="c", who=["Nuri al-Maliki"])
    assert all(kind != "date" for kind, _ in _conflicts(year, talks, later))
