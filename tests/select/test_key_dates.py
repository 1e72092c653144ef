"""Key dates of small synthetic stories (issue 24): happenings and their majority day, day ranking
by centrality, the sentence that states a day's happening, and --about."""
from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from timeline.merge.combine import merge
from timeline.models import Article, Chronology, Event, Evidence, TimePoint
from timeline.select.key_dates import (DEFAULT_WEIGHTS, KeyDateWeights, about_events, day_signals, happenings, is_fragment,
                             key_dates, pick_events, rank_days)

D0 = date(2024, 3, 1)
_OFFSET = iter(range(0, 10**9, 1000))


def _when(day: date) -> TimePoint:
    return TimePoint(value=day.isoformat(), precision="day", text="on that day")


def _event(article: str, day: date, what: str) -> Event:
    start = next(_OFFSET)
    return Event(when=_when(day), what=what,
                 evidence=[Evidence(article_id=article, start=start, end=start + len(what), quote=what, when=_when(day))])


def _arts(n: int, day: date = D0 + timedelta(days=20), text: str = "x") -> list[Article]:
    return [Article(id=f"a{i}", text=text, published=day) for i in range(n)]


# ------------------------------------------------------------------ happenings before days

def test_a_happening_takes_the_day_most_of_its_articles_give() -> None:
    """Three articles report one happening; one of them misreads the day. The happening is on the
    majority's day with all three articles, and the misread day gets nothing from it."""
    what = "The dam burst and flooded the valley."
    evidence = [Evidence(article_id=a, start=0, end=len(what), quote=what, when=_when(d))
                for a, d in (("a0", D0), ("a1", D0), ("a2", D0 + timedelta(days=1)))]
    event = Event(when=_when(D0 + timedelta(days=1)), what=what, evidence=evidence)
    [h] = happenings([event])
    assert h.day == D0 and h.articles == {"a0", "a1", "a2"}
    signals = day_signals([event], _arts(3))
    assert set(signals) == {D0} and signals[D0].mentions == 3 and signals[D0].later == 3


def test_a_tie_goes_to_the_events_own_day() -> None:
    what = "The vote was held."
    evidence = [Evidence(article_id=a, start=0, end=len(what), quote=what, when=_when(d))
                for a, d in (("a0", D0), ("a1", D0 + timedelta(days=2)))]
    event = Event(when=_when(D0 + timedelta(days=2)), what=what, evidence=evidence)
    assert happenings([event])[0].day == D0 + timedelta(days=2)


def test_merged_mentions_of_one_happening_count_once_per_article() -> None:
    arts = _arts(4)
    events = [_event(f"a{i}", D0, "Rebels seized the town of Idlib, the army said.") for i in range(4)]
    events.append(_event("a0", D0, "Rebels seized the town of Idlib, the army said again."))
    signals = day_signals(merge(events, arts).events, arts)
    assert signals[D0].mentions == 4


# ------------------------------------------------------------------ ranking days

def _two_day_story() -> tuple[Chronology, list[Article]]:
    """Day 0: three articles on an aside (a football score); day 1: three on the story (the flood),
    which the rest of the coverage is about. Equal counts: only centrality tells them apart."""
    arts = _arts(9)
    story = ["The river flooded the old town and thousands fled the flood waters.",
             "Flood waters rose in the old town as the river burst its banks.",
             "Thousands fled the old town when the river flooded.",
             "The flood in the old town was the worst the river has seen.",
             "Rescue teams reached the flooded old town by the river."]
    events = [_event(f"a{i}", D0 + timedelta(days=1), s) for i, s in enumerate(story[:3])]
    events += [_event(f"a{i + 3}", D0, f"United beat City two nil in the cup, match report {i}.") for i in range(3)]
    events += [_event(f"a{i + 6}", D0 + timedelta(days=3 + i), s) for i, s in enumerate(story[3:])]
    return merge(events, arts), arts


def test_a_day_central_to_the_story_outranks_an_aside_with_as_many_articles() -> None:
    chron, arts = _two_day_story()
    signals = day_signals(chron.events, arts)
    flood, football = D0 + timedelta(days=1), D0
    assert signals[flood].mentions == signals[football].mentions == 3
    assert signals[flood].central > signals[football].central
    counts_only = [d for d, _ in rank_days(signals, KeyDateWeights(mentions=1, later=0, burst=0, central=0, topical=0))]
    assert counts_only.index(football) < counts_only.index(flood)  # a tie: the earlier day
    with_centrality = [d for d, _ in rank_days(signals, KeyDateWeights(mentions=1, later=0, burst=0, central=1, topical=0))]
    assert with_centrality.index(flood) < with_centrality.index(football)


def test_weights_do_not_depend_on_the_storys_size() -> None:
    chron, arts = _two_day_story()
    small = rank_days(day_signals(chron.events, arts))
    doubled = day_signals(chron.events, arts)
    doubled = {d: type(s)(s.mentions * 2, s.later * 2, s.burst * 2, s.central * 2, s.about, s.cited * 2,
                          None if s.wave is None else s.wave * 2, topical=s.topical)  # a mean: no count
               for d, s in doubled.items()}
    assert [d for d, _ in rank_days(doubled)] == [d for d, _ in small]


def _digest_story() -> tuple[Chronology, list[Article], date, date]:
    """Day 0: five articles that each date one line to it, all asides (a radio programme's running
    order, another story's vote); day 2: four articles on the story itself (the flood). The
    aside day has more articles; only topicality says it is not the story's day."""
    arts = _arts(12)
    flood_day, digest_day = D0 + timedelta(days=2), D0
    story = ["The river flooded the old town and thousands fled the flood waters.",
             "Flood waters rose in the old town as the river burst its banks.",
             "Thousands fled the old town when the river flooded its banks.",
             "Rescue teams reached the flooded old town by the river."]
    asides = ["Today's programme looks at gallery rage at a blockbuster exhibition.",
              "The parliament holds a crucial budget vote today.",
              "An asteroid half a kilometre wide passes the Earth tonight.",
              "A farmer in the midlands talks about a proposed railway line.",
              "The programme's phone lines are open until two."]
    events = [_event(f"a{i}", flood_day, s) for i, s in enumerate(story)]
    events += [_event(f"a{i + 4}", digest_day, s) for i, s in enumerate(asides)]
    events += [_event(f"a{i + 9}", D0 + timedelta(days=5 + i), s) for i, s in enumerate(story[:3])]
    return merge(events, arts), arts, flood_day, digest_day


def test_topicality_is_the_mean_centrality_of_a_days_happenings() -> None:
    chron, arts, flood, digest = _digest_story()
    signals = day_signals(chron.events, arts)
    assert signals[digest].mentions > signals[flood].mentions
    assert 0.0 <= signals[digest].topical < signals[flood].topical <= 1.0
    counts = KeyDateWeights(mentions=1, later=0, burst=0, central=0, cited=0, topical=0)
    assert [d for d, _ in rank_days(signals, counts)][0] == digest
    topical = KeyDateWeights(mentions=1, later=0, burst=0, central=0, cited=0, topical=1)
    assert [d for d, _ in rank_days(signals, topical)][0] == flood


def test_topicality_does_not_grow_with_coverage() -> None:
    """The same happening reported by twice as many articles: more mentions, the same topicality."""
    what = "The dam burst and flooded the valley."
    other = "Talks on the new budget stalled in the capital."
    one = [_event("a0", D0, what), _event("a1", D0 + timedelta(days=1), other)]
    two = [_event(f"a{i}", D0, what) for i in range(4)] + [_event("a9", D0 + timedelta(days=1), other)]
    s1, s2 = day_signals(merge(one, _arts(10)).events, _arts(10)), day_signals(merge(two, _arts(10)).events, _arts(10))
    assert s2[D0].mentions > s1[D0].mentions
    assert s2[D0].topical == pytest.approx(s1[D0].topical)  # one happening either way: merge joins the copies


def _cited_event(what: str, day: date, mentions: list[tuple[str, str]]) -> Event:
    """One happening on ``day`` reported by (article, how it names the day) pairs."""
    when = TimePoint(value=day.isoformat(), precision="day", text=mentions[0][1])
    evidence = [Evidence(article_id=a, start=0, end=len(what), quote=what,
                         when=TimePoint(value=day.isoformat(), precision="day", text=text)) for a, text in mentions]
    return Event(when=when, what=what, evidence=evidence)


def test_later_articles_naming_a_day_by_its_date_cite_it() -> None:
    """A day named "1 March" by articles published weeks later is cited by them; "Friday" written
    the next day, or "1 March" written on the day itself, is no look back."""
    arts = [Article(id="same", text="x", published=D0), Article(id="next", text="x", published=D0 + timedelta(days=1)),
            Article(id="late1", text="x", published=D0 + timedelta(days=30)),
            Article(id="late2", text="x", published=D0 + timedelta(days=40))]
    event = _cited_event("The dam burst.", D0, [("same", "1 March"), ("next", "Friday"), ("late1", "1 March"),
                                                  ("late2", "March 1, 2024")])
    signals = day_signals([event], arts)
    assert signals[D0].cited == 2  # late1, late2
    assert signals[D0].later == 3  # next, late1, late2: later counts every article after the day
    assert signals[D0].mentions == 4


def test_a_cited_day_outranks_one_only_reported_when_citations_count() -> None:
    """Two days with as many articles; only one is named by date from later articles. With the
    citation weight it comes first; without, the tie goes to the earlier day."""
    later = D0 + timedelta(days=20)
    arts = [Article(id=f"a{i}", text="x", published=D0 + timedelta(days=1)) for i in range(4)]
    arts += [Article(id=f"l{i}", text="x", published=later) for i in range(2)]
    first = _cited_event("A minister resigned.", D0, [("a0", "Monday"), ("a1", "Monday"), ("l0", "Monday")])
    second = _cited_event("The bridge was closed.", D0 + timedelta(days=1),
                          [("a2", "today"), ("a3", "today"), ("l1", "2 March")])
    signals = day_signals([first, second], arts)
    assert (signals[D0].cited, signals[D0 + timedelta(days=1)].cited) == (0, 1)
    plain = KeyDateWeights(mentions=1, later=0, burst=0, central=0, cited=0)
    assert [d for d, _ in rank_days(signals, plain)][0] == D0
    cited = KeyDateWeights(mentions=1, later=0, burst=0, central=0, cited=1)
    assert [d for d, _ in rank_days(signals, cited)][0] == D0 + timedelta(days=1)


def test_a_misdated_mention_cites_the_happenings_majority_day() -> None:
    """A later article naming the wrong date for a happening most sources put on D0 cites D0."""
    what = "The dam burst."
    evidence = [Evidence(article_id=a, start=0, end=len(what), quote=what,
                         when=TimePoint(value=d.isoformat(), precision="day", text=t))
                for a, d, t in (("a0", D0, "Friday"), ("a1", D0, "Friday"), ("late", D0 + timedelta(days=1), "2 March"))]
    arts = [Article(id="a0", text="x", published=D0), Article(id="a1", text="x", published=D0),
            Article(id="late", text="x", published=D0 + timedelta(days=30))]
    event = Event(when=_when(D0), what=what, evidence=evidence)
    signals = day_signals([event], arts)
    assert set(signals) == {D0} and signals[D0].cited == 1


def test_the_wave_after_a_big_day_goes_to_the_big_day_not_the_day_after() -> None:
    """Five articles published the day after a verdict report it; one of them also dates a
    stray remark to its own publication day. Plainly counted, both days get all five
    publications; given to the day each article reports, the verdict day gets them and the day
    after only what reports nothing nearer."""
    verdict, after = D0, D0 + timedelta(days=1)
    arts = [Article(id=f"v{i}", text="x", published=after) for i in range(5)]
    arts.append(Article(id="other", text="x", published=after))  # reports nothing on either day
    events = [_event(f"v{i}", verdict, f"The jury found the doctor guilty, report {i}.") for i in range(5)]
    events.append(_event("v0", after, "Fans gathered outside the court on Tuesday morning."))
    signals = day_signals(events, arts)
    assert signals[verdict].burst == signals[after].burst == 6  # the plain count: 6 articles each
    assert signals[verdict].wave == pytest.approx(4.5 + 1)  # v1-v4 whole, v0 split, "other" for both
    assert signals[after].wave == pytest.approx(0.5 + 1)
    only_wave = KeyDateWeights(mentions=0, later=0, burst=1, central=0, cited=0)
    assert rank_days(signals, only_wave)[0][0] == verdict


def test_the_wave_counts_every_publication_once_per_day_it_speaks_for() -> None:
    """Articles that report nothing near their publication day count for it and the day before,
    as the plain count does, so a story with no dated happening ranks as before."""
    arts = [Article(id=f"a{i}", text="x", published=D0 + timedelta(days=i % 3)) for i in range(9)]
    arts.append(Article(id="late", text="x", published=D0 + timedelta(days=20)))
    d = D0 + timedelta(days=1)
    signals = day_signals([_event("late", d, "The bridge reopened to traffic.")], arts)
    assert signals[d].wave == signals[d].burst == 6  # three published on d, three the day after


# ------------------------------------------------------------------ what is said on a day

def test_the_central_whole_sentence_beats_a_quote_fragment() -> None:
    arts = _arts(3)
    fragment = _event("a0", D0, "and then the dam burst and the flood waters reached the valley town")
    whole = _event("a1", D0, "The dam burst and flood waters reached the valley town, officials said.")
    aside = _event("a2", D0, "A concert in the capital was cancelled.")
    picks = pick_events({D0: [fragment, aside, whole]}, arts, 1)
    assert picks[D0] == [whole]
    # a fragment is still said when the day has nothing else
    assert pick_events({D0: [fragment]}, arts, 1)[D0] == [fragment]


def test_an_unattributed_first_person_aside_is_said_only_when_the_day_has_nothing_else() -> None:
    """"I thank ..." opens in the first person with no attribution: the writer's or a speaker's
    aside. It is the most central sentence here (it repeats the day's words), yet the report wins;
    attributed, the same words are a report of what someone said and compete as usual."""
    arts = _arts(3)
    aside = _event("a0", D0, "I thank the treasury secretary for the bank rescue plan and the bank rescue today.")
    report = _event("a1", D0, "The treasury announced a bank rescue plan worth 700 billion dollars.")
    other = _event("a2", D0, "Shares in the bank rose after the rescue plan.")
    said = aside.model_copy(update={"attribution": "the president"})
    assert pick_events({D0: [said, report, other]}, arts, 1)[D0] == [said]
    assert pick_events({D0: [aside, report, other]}, arts, 1)[D0] != [aside]
    assert pick_events({D0: [aside]}, arts, 1)[D0] == [aside]


def test_the_sources_weight_trades_corroboration_against_centrality() -> None:
    arts = _arts(6)
    central = _event("a0", D0, "The dam burst and flood waters reached the valley town.")
    echo = _event("a1", D0, "Flood waters from the burst dam reached the valley town.")
    told = "The dam gave way after days of rain."
    corroborated = _event("a2", D0, told)
    corroborated = corroborated.model_copy(update={"evidence": [
        *corroborated.evidence, *(ev.model_copy(update={"article_id": f"a{i}"}) for i in (3, 4, 5)
                                  for ev in corroborated.evidence)]})
    day = {D0: [corroborated, central, echo]}
    assert len(corroborated.sources) == 4
    # without the bonus the day's centre (two sentences that say the burst) is said
    assert pick_events(day, arts, 1, weights=KeyDateWeights(sources=0.0))[D0][0] in (central, echo)
    assert pick_events(day, arts, 1, weights=KeyDateWeights(sources=1.0))[D0] == [corroborated]


@pytest.mark.parametrize("text,expected", [
    ("The dam burst on Monday.", False),
    ("and the dam burst.", True),
    ('"We will rebuild," he said.', True),
    ('It was "a disaster, said the mayor.', True),
    ('The mayor called it "a disaster".', False),
])
def test_is_fragment(text: str, expected: bool) -> None:
    assert is_fragment(text) is expected


def test_per_date_sentences_are_different_happenings() -> None:
    arts = _arts(4)
    same = [_event(f"a{i}", D0, f"The dam burst and flooded the valley town, report {i}.") for i in range(2)]
    other = _event("a3", D0, "The prime minister visited the valley town and promised aid.")
    picks = pick_events({D0: [*same, other]}, arts, 2)
    assert len(picks[D0]) == 2 and other in picks[D0]


def test_a_sentence_said_on_a_better_day_is_not_said_again_on_a_later_one() -> None:
    arts = _arts(4)
    d1 = D0 + timedelta(days=1)
    background = "The dam that burst on Monday had been inspected in 2019, engineers said."
    first = [_event("a0", D0, "The dam burst and flooded the valley town."), _event("a1", D0, background)]
    second = [_event("a2", d1, background.replace("engineers", "the engineers")),
              _event("a3", d1, "Rescuers pulled twelve survivors from the mud of the valley town.")]
    picks = pick_events({D0: first, d1: second}, arts, 2)
    assert len(picks[D0]) == 2
    assert [e.what for e in picks[d1]] == ["Rescuers pulled twelve survivors from the mud of the valley town."]
    # the order of the days decides which day keeps the shared sentence
    swapped = pick_events({d1: second, D0: first}, arts, 2)
    assert len(swapped[d1]) == 2 and [e.what for e in swapped[D0]] == ["The dam burst and flooded the valley town."]


def test_a_day_that_only_repeats_an_earlier_day_still_says_its_best_sentence() -> None:
    arts = _arts(2)
    text = "The dam burst and flooded the valley town."
    picks = pick_events({D0: [_event("a0", D0, text)], D0 + timedelta(days=1): [_event("a1", D0 + timedelta(days=1), text)]},
                        arts, 1)
    assert [len(v) for v in picks.values()] == [1, 1]


# ------------------------------------------------------------------ --about

def _thread_story() -> tuple[Chronology, list[Article]]:
    """A war story: day 0 has the most articles (a battle); day 5 fewer, about ceasefire talks."""
    arts = [Article(id=f"a{i}", text="The war went on." + (" Ceasefire talks." if i >= 5 else ""),
                    published=D0 + timedelta(days=10)) for i in range(8)]
    events = [_event(f"a{i}", D0, f"Troops shelled the city in the heaviest battle of the war, witness {i} said.")
              for i in range(5)]
    events += [_event(f"a{i}", D0 + timedelta(days=5), f"Ceasefire talks opened in Geneva, delegate {i} said.")
               for i in range(5, 7)]
    events.append(_event("a7", D0 + timedelta(days=5), "Troops shelled the city again."))
    return merge(events, arts), arts


def test_about_puts_the_threads_days_first() -> None:
    chron, arts = _thread_story()
    plain = key_dates(chron, arts, 1, 1)
    assert [k.date for k in plain.key_dates] == [D0]
    focused = key_dates(chron, arts, 1, 1, about="ceasefire talks")
    assert [k.date for k in focused.key_dates] == [D0 + timedelta(days=5)]
    assert "Ceasefire" in focused.events[0].what and focused.about == "ceasefire talks"
    # the other days still follow when more are asked for
    assert [k.date for k in key_dates(chron, arts, 2, 1, about="ceasefire talks").key_dates] == [
        D0, D0 + timedelta(days=5)]


def _day_with_a_thread() -> tuple[dict[date, list[Event]], list[Article]]:
    """One day: three sentences on the shelling (the day's main happening), one on ceasefire talks."""
    arts = [Article(id=f"a{i}", text="The war went on.", published=D0 + timedelta(days=1)) for i in range(4)]
    day = [_event("a0", D0, "Troops shelled the city centre overnight."),
           _event("a1", D0, "Troops shelled the city again, killing ten."),
           _event("a2", D0, "The shelled city counted its dead."),
           _event("a3", D0, "Ceasefire talks opened in Geneva.")]
    return {D0: day}, arts


def test_about_puts_the_threads_sentences_first_on_a_day() -> None:
    days, arts = _day_with_a_thread()
    assert "shelled" in pick_events(days, arts, 1)[D0][0].what
    assert "Ceasefire" in pick_events(days, arts, 1, about="ceasefire talks")[D0][0].what


def test_words_that_name_the_whole_story_do_not_choose_sentences() -> None:
    days, arts = _day_with_a_thread()
    # "war" is in every article: it names the story, not a thread, so the picker decides as without --about
    assert pick_events(days, arts, 2, about="war") == pick_events(days, arts, 2)
    thread_arts = [a.model_copy(update={"text": "Shelling."}) for a in arts]
    assert "Ceasefire" in pick_events(days, thread_arts, 1, about="war talks")[D0][0].what


def test_about_without_key_dates_keeps_the_threads_events() -> None:
    chron, _ = _thread_story()
    out = about_events(chron, "Ceasefire")
    assert out.events and all("Ceasefire" in e.what for e in out.events)
    assert out.not_listed == len(chron.events) - len(out.events) and out.about == "Ceasefire"
    assert about_events(chron, "the of") == chron  # no counted word: nothing to focus on


def test_default_weights_are_a_key_date_weights() -> None:
    assert isinstance(DEFAULT_WEIGHTS, KeyDateWeights)


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "json", "html", "timelinejs"])
def test_cli_about_in_every_format(tmp_path, fmt: str) -> None:  # type: ignore[no-untyped-def]
    from timeline.cli.main import main

    story = tmp_path / "story.jsonl"
    rows = [{"id": "a", "published": "2024-12-03", "text": "Rebels seized the town of Idlib on Monday, the army said. "
             "Ceasefire talks opened in Geneva on Tuesday, diplomats said."},
            {"id": "b", "published": "2024-12-05", "text": "Rebels captured Idlib on Monday after a week of fighting."}]
    story.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    out = tmp_path / f"out.{fmt}"
    rc = main(["brief", str(story), "--engine", "local", "--key-dates", "1", "--about", "ceasefire talks",
               "--format", fmt, "-o", str(out)])
    assert rc == 0
    text = out.read_text(encoding="utf-8")
    assert "Geneva" in text
    if fmt in ("terminal", "markdown"):
        assert "ceasefire talks" in " ".join(text.split())
    if fmt == "json":
        data = json.loads(text)
        assert data["chronology"]["about"] == "ceasefire talks"
        assert [k["date"] for k in data["chronology"]["key_dates"]] == ["2024-12-03"]


def test_about_needs_words(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from timeline.cli.main import EXIT_USAGE, main
    from timeline.errors import UsageError
    from timeline.options import BriefOptions

    story = tmp_path / "a.txt"
    story.write_text("The dam burst on Monday.", encoding="utf-8")
    assert main(["brief", str(story), "--key-dates", "3", "--about", "  "]) == EXIT_USAGE
    with pytest.raises(UsageError):
        BriefOptions(about="")
