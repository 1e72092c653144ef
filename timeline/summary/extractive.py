"""The offline summary: the chronology's most telling events, in order, with their dates pinned.

It is checked like a model's (``summary.check``), so an extractive summary is never trusted blindly either.
"""
from __future__ import annotations


from timeline.models import Article, Chronology, Claim, Event, Summary
from timeline.summary.loaded import loaded_words


MIN_WORDS, MAX_WORDS = 80, 150



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

    Each article's lead event comes first (news puts the most important fact first), then
    the most widely sourced and most recent dated events, then attributed undated ones;
    sentences with unattributed loaded words are left out.
    """
    every = chronology.events + chronology.undated
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
    ranked = leads + sorted(dated, key=lambda e: (len(e.sources), e.when.value if e.when and e.when.value else ""),
                            reverse=True)
    ranked += [e for e in chronology.undated if e.attribution]
    ranked = list({id(e): e for e in ranked}.values())
    order = {a.id: i for i, a in enumerate(articles)}
    chosen: list[Event] = []
    words = 0
    for event in ranked:
        if loaded_words(event.what):
            continue
        n = len(_with_date(event).split())
        if words + n > max_words:
            continue
        chosen.append(event)
        words += n
        if words >= min(MIN_WORDS, max_words - 20):
            break
    chosen.sort(key=lambda e: (order.get(e.evidence[0].article_id, 0), e.evidence[0].start))
    sentences_ = [_with_date(e) for e in chosen]
    text = " ".join(sentences_)
    claims = [Claim(text=t, source=e.attribution) for t, e in zip(sentences_, chosen)]
    return Summary(text=text, claims_with_sources=claims)

