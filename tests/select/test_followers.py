"""A day short of its sentences says the sentences right after its dated ones (issue 24):
``select.key_dates.followers`` and the fill in ``pick_events``, on small synthetic stories whose
events carry real offsets into their article."""
from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.models import Article, Event, Evidence, TimePoint
from timeline.select.key_dates import FOLLOWS_FLAG, KeyDateWeights, followers, pick_events

DAY = date(2009, 7, 28)
WHEN = TimePoint(value=DAY.isoformat(), precision="day", text="On Tuesday")


def _story(sentences: list[str], dated: set[int], article: str = "a0") -> tuple[Article, list[Event], list[Event]]:
    """One article of ``sentences`` (one a line); those at ``dated`` are dated events, the rest undated."""
    text = "\n".join(sentences)
    dated_events, undated = [], []
    at = 0
    for i, s in enumerate(sentences):
        quote = s.rstrip(".")
        when = WHEN if i in dated else None
        event = Event(when=when, what=s, evidence=[Evidence(article_id=article, start=at, end=at + len(quote),
                                                            quote=quote, when=when)])
        (dated_events if i in dated else undated).append(event)
        at += len(s) + 1
    return Article(id=article, text=text, published=DAY), dated_events, undated


RAID = ["On Tuesday, police searched the Tarrow home of Dr Lane, the singer's doctor.",
        "Dr Lane's lawyer said officials seized mobile phones and a computer hard drive.",
        "The raid followed one on Dr Lane's clinic in Kell a week earlier.",
        "In other news, the city council approved a new budget."]


def test_the_sentence_after_a_dated_one_follows_it() -> None:
    art, dated, undated = _story(RAID, {0})
    found = followers(dated, undated, [art], depth=1)
    assert [f.what for f in found[id(dated[0])]] == [RAID[1]]
    deeper = followers(dated, undated, [art], depth=2)
    assert [f.what for f in deeper[id(dated[0])]] == RAID[1:3]


def test_a_sentence_with_words_between_does_not_follow() -> None:
    """Only the very next sentence: an undated event two sentences on (with text between that is no
    event) is not a follower."""
    art, dated, undated = _story(RAID, {0})
    assert not followers(dated, undated[1:], [art], depth=2)


def test_a_short_day_says_its_followers_flagged_and_on_its_day() -> None:
    art, dated, undated = _story(RAID, {0})
    picks = pick_events({DAY: dated}, [art], 3, undated, KeyDateWeights(follow=2))
    said = picks[DAY]
    assert [e.what for e in said] == RAID[:3]  # the digest's next item shares no word with the raid: never
    assert said[0].flags == [] and all(FOLLOWS_FLAG in e.flags for e in said[1:])
    assert all(e.when == WHEN for e in said)
    assert all(e.evidence[0].when is None for e in said[1:])  # the quote itself stays undated


def test_no_followers_when_the_day_has_enough_or_when_off() -> None:
    art, dated, undated = _story(RAID, {0})
    assert len(pick_events({DAY: dated}, [art], 1, undated, KeyDateWeights(follow=2))[DAY]) == 1
    assert len(pick_events({DAY: dated}, [art], 3, undated, KeyDateWeights(follow=0))[DAY]) == 1


def test_background_is_not_followed() -> None:
    """A sentence dating the start of a span ("since Tuesday") tells background: the next sentence
    is not that day's (``is_past_report`` is false for it)."""
    sentences = ["Some 1,300 people have been admitted to hospital since Tuesday in Mexico.",
                 "Many people in Mexico are choosing to leave the city."]
    art, dated, undated = _story(sentences, {0})
    assert len(pick_events({DAY: dated}, [art], 2, undated, KeyDateWeights(follow=1))[DAY]) == 1


def test_a_preview_or_an_opinion_is_not_followed() -> None:
    """Only a report of a happening is followed: after "will begin on Tuesday" or a present-tense
    opinion, the next sentence is not what happened that day."""
    for first in ("Closing statements in the trial of Dr Lane will begin on Tuesday.",
                  "Today the trial of Dr Lane seems almost a sideshow."):
        art, dated, undated = _story([first, "Dr Lane's lawyer called the trial a sideshow."], {0})
        assert len(pick_events({DAY: dated}, [art], 2, undated, KeyDateWeights(follow=1))[DAY]) == 1


def test_a_follower_off_the_story_is_not_said() -> None:
    """``follow_story``: a follower needs that much cosine with the story's centroid; the raid's
    follower shares only the doctor's name with a story about the raid."""
    art, dated, undated = _story(RAID, {0})
    assert len(pick_events({DAY: dated}, [art], 2, undated, KeyDateWeights(follow=1, follow_story=0.0))[DAY]) == 2
    assert len(pick_events({DAY: dated}, [art], 2, undated, KeyDateWeights(follow=1, follow_story=0.9))[DAY]) == 1


def test_a_follower_that_repeats_what_was_said_is_skipped() -> None:
    sentences = ["On Tuesday, police searched the Tarrow home of Dr Lane.",
                 "Police searched the Tarrow home of Dr Lane, officials said."]
    art, dated, undated = _story(sentences, {0})
    assert len(pick_events({DAY: dated}, [art], 2, undated, KeyDateWeights(follow=1))[DAY]) == 1


def test_quote_fragments_do_not_follow() -> None:
    sentences = ["On Tuesday, Dr Lane told police he had given the singer a sedative.",
                 "\"he was not able to sleep naturally,\" Dr Lane told the detectives of the singer."]
    art, dated, undated = _story(sentences, {0})
    assert len(pick_events({DAY: dated}, [art], 2, undated, KeyDateWeights(follow=1))[DAY]) == 1


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="ab .,\n", min_size=1, max_size=12), min_size=1, max_size=6),
       st.sets(st.integers(0, 5)), st.integers(0, 3))
def test_followers_never_raise_and_stay_in_the_article(sentences: list[str], dated: set[int], depth: int) -> None:
    art, dated_events, undated = _story(sentences, {i for i in dated if i < len(sentences)})
    found = followers(dated_events, undated, [art], depth)
    for fs in found.values():
        assert 0 < len(fs) <= depth * max(1, len(dated_events))
        assert all(f in undated for f in fs)


def test_key_dates_counts_a_shown_follower_as_listed() -> None:
    """The cut lists the follower (a dated copy of an undated event): it is not also counted among
    the events not listed, and the chronology's own undated event is unchanged."""
    from timeline.models import Chronology
    from timeline.select.key_dates import key_dates

    art, dated, undated = _story(RAID, {0})
    chron = Chronology(events=dated, undated=undated)
    cut = key_dates(chron, [art], 1, 3, KeyDateWeights(follow=2))
    assert [e.what for e in cut.events] == RAID[:3]
    assert cut.not_listed == 1  # the digest's next item
    assert all(e.when is None and not e.flags for e in chron.undated)
