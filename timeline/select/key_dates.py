"""Key dates of a big story: the N days that matter most and the K most central events on each.

Why not "the events with most sources" (``--max-events``): year, month and range events collect
the most sources, so a big story's top events fall on few distinct days. A journalist's
timeline is a set of days, each with a sentence or two. This module ranks *days*, then picks
what is said on each.

Ranking a day (all counts are of distinct articles, so one long article cannot carry a day):
  * ``mentions``: articles that give an event this day, by an explicit or resolved reference
    ("on June 25", "yesterday") in the evidence of a verified day-precision event;
  * ``later``: of those, articles published after the day (a story keeps coming back to the days
    that mattered; DATEWISE's supervised ranker found "documents after" its strongest feature);
  * ``burst``: articles published on the day or the day after (news breaks within a day).
Each signal is divided by its maximum over the story, so the weights do not depend on its
size; the weights were chosen by leave-one-topic-out on the development stories
(bench/bench_tls.py prints that run), not tuned to any one timeline.

What is said on a day: the day's candidate events (only events the text itself dates to that
day: a publication date never dates a sentence) are scored by TF-IDF cosine similarity to the
day's centroid, which mixes the day's dated sentences and the lead sentences of articles
published on the day or the day after (the "PM mean" centroid of DATEWISE, used here only to
score, never as output), plus similarity to the whole story, so on-topic central sentences
win over asides. Near-duplicates of an already chosen sentence are skipped (cosine >= 0.5).
The vectors are plain-Python TF-IDF (``tfidf.py``: scikit-learn's vectorizer cost 85 MB and
seconds to import at the run's memory peak, for arithmetic this small).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from timeline.models import Article, Chronology, Event, KeyDate, TimePoint

# Chosen leave-one-topic-out on the development stories (bench/bench_tls.py --loto, Date-F1 over
# a 47-point grid): for finan, h1n1 and haiti the best weights on the other three topics were
# these (tied with 0.5 / 0.5 / 0.5); for mj, 0.0 / 0.5 / 0.25. Pooled held-out Date-F1 0.739,
# against 0.743 with these weights on all four: the choice is not carried by one timeline.
DEFAULT_WEIGHTS = (0.5, 1.0, 0.25)  # mentions, later, burst
DUPLICATE_SIMILARITY = 0.5
LEAD_SENTENCES = 5  # lead sentences per article that speak for its publication day
LEAD_WEIGHT = 1.0  # weight of the day's lead sentences in its centroid, next to its dated sentences
STORY_WEIGHT = 0.5  # weight of similarity to the whole story next to the day's centroid


@dataclass(frozen=True)
class DaySignals:
    """Why a day ranks where it does: counts of distinct articles."""

    mentions: int
    later: int
    burst: int


def day_of(event: Event) -> date | None:
    """The day of a day-precision event, else None (years, months, ranges are not key days)."""
    return _evidence_day(event.when) if event.when is not None else None


def day_signals(events: Iterable[Event], articles: list[Article]) -> dict[date, DaySignals]:
    """The ranking signals of every day some event falls on."""
    published = {a.id: a.published for a in articles}
    mentions: dict[date, set[str]] = defaultdict(set)
    later: dict[date, set[str]] = defaultdict(set)
    for event in events:
        for ev in event.evidence:
            d = _evidence_day(ev.when) if ev.when is not None else day_of(event)
            if d is None:
                continue
            mentions[d].add(ev.article_id)
            pub = published.get(ev.article_id)
            if pub is not None and pub > d:
                later[d].add(ev.article_id)
    by_pub: dict[date, int] = defaultdict(int)
    for a in articles:
        if a.published is not None:
            by_pub[a.published] += 1
    return {d: DaySignals(len(ids), len(later[d]), by_pub[d] + by_pub[d + timedelta(days=1)])
            for d, ids in mentions.items()}


def rank_days(signals: dict[date, DaySignals], weights: tuple[float, float, float] = DEFAULT_WEIGHTS
              ) -> list[tuple[date, float]]:
    """Days with their scores, best first (ties: the earlier day first)."""
    if not signals:
        return []
    top = [max(1, max(getattr(s, f) for s in signals.values())) for f in ("mentions", "later", "burst")]
    scored = [(d, weights[0] * s.mentions / top[0] + weights[1] * s.later / top[1] + weights[2] * s.burst / top[2])
              for d, s in signals.items()]
    scored.sort(key=lambda x: (-x[1], x[0]))
    return scored


def key_dates(chronology: Chronology, articles: list[Article], n: int, per_date: int = 1,
              weights: tuple[float, float, float] = DEFAULT_WEIGHTS) -> Chronology:
    """The chronology cut to the ``n`` key days, at most ``per_date`` events each (most central first).

    Dated events of coarser precision and undated events are left out of the list; what was
    left out is counted in ``Chronology.not_listed``.
    """
    by_day: dict[date, list[Event]] = defaultdict(list)
    for event in chronology.events:
        d = day_of(event)
        if d is not None:
            by_day[d].append(event)
    signals = day_signals(chronology.events, articles)
    ranked = [(d, score) for d, score in rank_days({d: s for d, s in signals.items() if d in by_day}, weights)]
    chosen_days = ranked[:n]
    picks = pick_events({d: by_day[d] for d, _ in chosen_days}, articles, per_date, chronology.undated)
    events: list[Event] = []
    keys: list[KeyDate] = []
    for rank, (d, score) in enumerate(chosen_days, 1):
        s = signals[d]
        keys.append(KeyDate(date=d, rank=rank, score=round(score, 4), articles=s.mentions, later_articles=s.later,
                            published_around=s.burst))
    for d in sorted(picks):
        events.extend(picks[d])
    listed = {id(e) for e in events}
    not_listed = sum(1 for e in chronology.events if id(e) not in listed) + len(chronology.undated)
    return chronology.model_copy(update={"events": events, "undated": [], "key_dates": sorted(keys, key=lambda k: k.date),
                                         "not_listed": not_listed})


def pick_events(days: dict[date, list[Event]], articles: list[Article], per_date: int,
                undated: list[Event] | None = None) -> dict[date, list[Event]]:
    """The ``per_date`` most central, non-duplicate events of each day, most central first."""
    if not days:
        return {}
    from timeline.select import tfidf

    leads = _lead_texts(days, articles)
    candidates = [(d, e) for d, evs in days.items() for e in _unique(evs)]
    texts = [e.what for _, e in candidates]
    lead_texts = [t for d in days for t in leads.get(d, [])]
    matrix = tfidf.vectors(texts + lead_texts + [e.what for e in (undated or [])[:5000]])
    cand = matrix[: len(texts)]
    if not any(cand):  # only stopwords: keep the best-sourced events
        return {d: sorted(_unique(evs), key=lambda e: -len(e.sources))[:per_date] for d, evs in days.items()}
    story = tfidf.unit(tfidf.mean(cand))
    out: dict[date, list[Event]] = {}
    cursor = len(texts)
    lead_rows: dict[date, tuple[int, int]] = {}
    for d in days:
        k = len(leads.get(d, []))
        lead_rows[d] = (cursor, cursor + k)
        cursor += k
    rows_of: dict[date, list[int]] = defaultdict(list)
    for i, (d, _) in enumerate(candidates):
        rows_of[d].append(i)
    for d, rows in rows_of.items():
        day = [cand[i] for i in rows]
        centroid = tfidf.unit(tfidf.mean(day))
        a, b = lead_rows[d]
        if b > a:
            centroid = tfidf.unit(tfidf.add(centroid, tfidf.unit(tfidf.mean(matrix[a:b])), LEAD_WEIGHT))
        scores = [tfidf.dot(v, centroid) + STORY_WEIGHT * tfidf.dot(v, story) + _form(candidates[i][1])
                  for v, i in zip(day, rows)]
        order = sorted(range(len(rows)), key=lambda j: (-scores[j], j))
        chosen: list[int] = []
        for j in order:
            if len(chosen) == per_date:
                break
            if any(tfidf.dot(day[j], day[c]) >= DUPLICATE_SIMILARITY for c in chosen):
                continue
            chosen.append(j)
        out[d] = [candidates[rows[j]][1] for j in chosen]
    return out


SOURCE_BONUS = 0.05  # per corroborating article, up to five: a tie-breaker, not a ranking


DATE_CONFLICT_PENALTY = 0.5  # sources disagree on this event's day: not the sentence to stand for it


def _form(event: Event) -> float:
    """A small preference for events several articles report, and against events whose sources
    disagree on the date. (Penalties for quotations and long sentences were measured too: within
    +-0.002 AR1 on the dev topics, so left out.)"""
    conflict = any(c.kind == "date" for c in event.conflicts)
    return SOURCE_BONUS * min(len(event.sources), 5) - (DATE_CONFLICT_PENALTY if conflict else 0.0)


def _unique(events: list[Event]) -> list[Event]:
    """One event per distinct wording (merged copies already share an event)."""
    seen: set[str] = set()
    out = []
    for e in events:
        key = " ".join(e.what.lower().split())
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out


def _lead_texts(days: dict[date, list[Event]], articles: list[Article]) -> dict[date, list[str]]:
    """Lead sentences of the articles published on each day or the day after."""
    from timeline.text.boilerplate import clean_span
    from timeline.text.sentences import sentences

    wanted = set(days)
    out: dict[date, list[str]] = defaultdict(list)
    for a in articles:
        if a.published is None:
            continue
        targets = [d for d in (a.published, a.published - timedelta(days=1)) if d in wanted]
        if not targets:
            continue
        lead: list[str] = []
        for span in sentences(a.text, 0, min(len(a.text), 4000)):
            cleaned = clean_span(a.text, *span)
            if cleaned:
                lead.append(a.text[cleaned[0]:cleaned[1]])
            if len(lead) == LEAD_SENTENCES:
                break
        for d in targets:
            out[d].extend(lead)
    return out


def _evidence_day(when: TimePoint) -> date | None:
    """The day of a day-precision time point, else None."""
    if when.precision != "day" or not when.value or "/" in when.value:
        return None
    try:
        return date.fromisoformat(when.value[:10])
    except ValueError:
        return None
