"""The offline summary: the chronology's most telling events, in order, with their dates pinned.

It is checked like a model's (``summary.check``), so an extractive summary is never trusted blindly either.
"""
from __future__ import annotations

from timeline.lang.en.words import leans_on_context, speaks_in_first_person
from timeline.models import Article, Chronology, Claim, Event, Summary
from timeline.summary.loaded import loaded_words


MIN_WORDS, MAX_WORDS = 80, 150
# Key days read for the summary of several articles: more than the three to five sentences that
# fit the word budget, so a day whose sentence is left out (a loaded word, too long) has a next.
SUMMARY_DAYS = 8
_LAST = (10**6, 0, 0)  # undated events after every dated one (start_key of an odd value is 9999)
# An unattributed sentence in the first person ("I thank the treasury secretary ... for joining
# me today") says nothing of who speaks once it stands in a summary; of several reports told in
# date order, nothing before a sentence says who its "he" is or what it is "similarly" to
# (``lang.en.words``).


def _with_date(event: Event) -> str:
    """The event's sentence with a relative expression pinned: 'today (10 Mar 2025)'.

    In a briefing of several reports, "today" means a different day in each one.
    """
    when = event.when
    if not when or not when.value or any(ch.isdigit() for ch in when.text) or when.text not in event.what:
        return event.what
    from timeline.wording import format_when

    at = event.what.index(when.text) + len(when.text)
    for possessive in ("’s", "'s"):
        if event.what.startswith(possessive, at):
            at += len(possessive)
    if event.what[at:].lstrip(" ,")[:1].isdigit():
        return event.what  # "February 12, 1986": the expression found is part of a longer date
    return f"{event.what[:at]} ({format_when(when)}){event.what[at:]}"


def extractive_summary(chronology: Chronology, articles: list[Article], max_words: int = MAX_WORDS) -> Summary:
    """80-150 words of the articles' own sentences, attributions intact, in story order.

    Of several articles, the story's key days come first (``select.key_dates``, the ranking
    measured on real big stories; those of ``--key-dates`` when it was asked for), each by its
    most central sentence, and the chosen sentences are told in date order: the first
    articles' leads of a pile are often pages that mention the story in passing. Then, and for
    one article first, each article's lead event (news puts the most important fact first),
    then the most widely sourced and most recent dated events, then attributed undated ones;
    sentences with unattributed loaded words, or in the first person with no source, are left out.
    """
    every = chronology.events + chronology.undated
    several = len({ev.article_id for e in every for ev in e.evidence}) > 1
    # One pass over the evidence (was a scan of every event per article: quadratic, 80 s of a
    # 1,000-article offline briefing). Ties keep the earlier event, as min() did.
    first: dict[str, tuple[int, Event]] = {}
    for event in every:
        for ev in event.evidence:
            known = first.get(ev.article_id)
            if known is None or ev.start < known[0]:
                first[ev.article_id] = (ev.start, event)
    leads: list[Event] = []
    seen: set[int] = set()
    for article in articles:
        if article.id in first:
            lead = first[article.id][1]
            if id(lead) not in seen:
                seen.add(id(lead))
                leads.append(lead)
    dated = [e for e in chronology.events if e.when and e.when.value]
    ranked = (_key_day_events(chronology, articles) if several else []) + leads + sorted(
        dated, key=lambda e: (len(e.sources), e.when.value if e.when and e.when.value else ""), reverse=True)
    ranked += [e for e in chronology.undated if e.attribution]
    ranked = list({id(e): e for e in ranked}.values())
    order = {a.id: i for i, a in enumerate(articles)}
    chosen: list[Event] = []
    words = 0
    for event in ranked:
        if loaded_words(event.what) or not event.attribution and speaks_in_first_person(event.what):
            continue
        if several and leans_on_context(event.what):
            continue
        n = len(_with_date(event).split())
        if words + n > max_words:
            continue
        chosen.append(event)
        words += n
        if words >= min(MIN_WORDS, max_words - 20):
            break
    if several:
        chosen.sort(key=lambda e: (e.when.period.start_key if e.when and e.when.period else _LAST,
                                   order.get(e.evidence[0].article_id, 0), e.evidence[0].start))
    else:
        chosen.sort(key=lambda e: (order.get(e.evidence[0].article_id, 0), e.evidence[0].start))
    sentences_ = [_with_date(e) for e in chosen]
    text = " ".join(sentences_)
    claims = [Claim(text=t, source=e.attribution) for t, e in zip(sentences_, chosen)]
    return Summary(text=text, claims_with_sources=claims)



def _key_day_events(chronology: Chronology, articles: list[Article]) -> list[Event]:
    """The events of the story's key days, best day first: the chronology's own key days when
    ``--key-dates`` chose them, else the ``SUMMARY_DAYS`` best by the same ranking, one event a day.
    Reported days (an undated lead on the day it was published) are left out: the summary dates
    what it says."""
    from timeline.select.key_dates import day_of, key_dates

    if chronology.key_dates:
        rank = {k.date: k.rank for k in chronology.key_dates if not k.reported}
        on_days = [e for e in chronology.events if day_of(e) in rank]
        return sorted(on_days, key=lambda e: rank[day_of(e)])  # type: ignore[index]
    chosen = key_dates(chronology, articles, SUMMARY_DAYS, per_date=1)
    rank = {k.date: k.rank for k in chosen.key_dates if not k.reported}
    return sorted((e for e in chosen.events if day_of(e) in rank), key=lambda e: rank[day_of(e)])  # type: ignore[index]
