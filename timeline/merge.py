"""Merge per-chunk events into one chronology: join duplicates, order by date and precision.

Two events are the same happening when their dates are compatible at their precision and
they share enough content words (rapidfuzz token-set similarity over content words, at
least three shared). Events whose day-precision dates differ are joined only when their
content is nearly the same, and then the date conflict is flagged with each source's value,
never silently resolved. Candidate pairs come from an inverted index of content words, so
merging stays close to linear in the number of events.

Ordering is precision-aware: a coarser date sorts before the finer dates it contains
(2011 < 2024 < 2024-11 < 2024-11-29), ranges sort by their start, and events on the same
date keep source order (article, then position), so the sort is stable and explainable.
Events without a resolved date go to the undated section, never onto an invented day.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from itertools import chain
from typing import Iterable

from rapidfuzz import fuzz

from .figures import core_number, figures
from .models import Article, Chronology, Conflict, ConflictValue, Event, Evidence

_DIGITS = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
_RANK = {"year": 0, "month": 1, "day": 2, "range": 3, "unknown": 4}


def time_key(value: str) -> tuple[int, int, int]:
    """Sortable (year, month, day) of an ISO prefix or of a range's start; missing parts are 0."""
    match = _DIGITS.match(value.split("/", 1)[0])
    if not match:
        return (9999, 99, 99)
    year, month, day = match.groups()
    return (int(year), int(month or 0), int(day or 0))


def merge(events: Iterable[Event], articles: list[Article]) -> Chronology:
    """One chronology from events in input order (articles, then chunks, then text order)."""
    order = {a.id: i for i, a in enumerate(articles)}
    unique = _join_same_happenings(_drop_overlap_duplicates(events), order)
    dated = [e for e in unique if e.when is not None and e.when.value]
    undated = [e for e in unique if e.when is None or not e.when.value]

    def position(e: Event) -> tuple[int, int]:
        return (order.get(e.evidence[0].article_id, len(order)), e.evidence[0].start)

    def chronological(e: Event) -> tuple[tuple[int, int, int], int, tuple[int, int]]:
        assert e.when is not None and e.when.value is not None  # dated events only
        return (time_key(e.when.value), _RANK[e.when.precision], position(e))

    dated.sort(key=chronological)
    undated.sort(key=position)
    return Chronology(events=dated, undated=undated, undated_window=_window(articles))


def _drop_overlap_duplicates(events: Iterable[Event]) -> list[Event]:
    """Chunk overlap yields the same sentence twice: keep one event per evidence span.

    Two events are the same when they come from the same article and one's evidence span
    lies within the other's; the wider one (more context) wins. A sweep over spans sorted
    by (article, start, -end) finds them in n log n.
    """
    items = list(events)
    spans = sorted(range(len(items)), key=lambda i: (items[i].evidence[0].article_id, items[i].evidence[0].start,
                                                     -items[i].evidence[0].end, i))
    keep = [True] * len(items)
    cover: int | None = None  # the widest span seen so far in this article
    for i in spans:
        ev = items[i].evidence[0]
        if cover is not None:
            wide = items[cover].evidence[0]
            if wide.article_id == ev.article_id and ev.end <= wide.end:
                keep[i] = False
                continue
        cover = i
    return [e for i, e in enumerate(items) if keep[i]]


def _window(articles: list[Article]) -> str | None:
    """"around publication": the publication date, or the span of them for several articles."""
    dates = sorted({a.published for a in articles if a.published})
    if not dates:
        return None
    if len(dates) == 1:
        return f"around publication ({dates[0].isoformat()})"
    return f"around publication ({dates[0].isoformat()} to {dates[-1].isoformat()})"


SAME_DATE_SIMILARITY = 75
CONFLICTING_DATE_SIMILARITY = 75
MIN_SHARED_WORDS = 3
MIN_SHARED_WORDS_DATE_CONFLICT = 6
MAX_CONFLICT_DAYS = 3
_POSTING_LIMIT = 64  # words in more events than this are too common to find duplicates by
_WORD = re.compile(r"[a-z][a-z'’-]+")
_STOPWORDS = frozenset(
    """a an the and or but of to in on at by for from with as into onto over after before since until during about
    against between through is are was were be been being has have had do does did will would could should may might
    must can said says say told according this that these those it its they them their he she his her we our you your
    who whom which what when where while there here than then also not no more most some any all each other such very
    just only even still yet again today yesterday tonight tomorrow monday tuesday wednesday thursday friday saturday
    sunday january february march april may june july august september october november december morning evening
    night afternoon week month year last next early late earlier later ago days weeks months years""".split()
)


def content_words(event: Event) -> frozenset[str]:
    """Lower-cased, lightly stemmed content words of an event, without dates and stopwords."""
    text = event.what.lower()
    if event.when and event.when.text:
        text = text.replace(event.when.text.lower(), " ")
    words = set()
    for word in _WORD.findall(text):
        word = word.strip("'’-")
        if word in _STOPWORDS or len(word) < 3:
            continue
        words.add(_stem(word))
    return frozenset(words)


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _join_same_happenings(events: list[Event], order: dict[str, int]) -> list[Event]:
    """Union events that describe the same happening; each group becomes one event."""
    words = [content_words(e) for e in events]
    parent = list(range(len(events)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Candidates share a content word and a year: events in different years are never the
    # same happening (a day near New Year is filed under both years for date conflicts).
    index: dict[str, list[int]] = {}  # key: word NUL year (a string hashes once; a tuple every time)
    keys = [[f"{w}\x00{y}" for w in ws for y in _years(e)] for e, ws in zip(events, words)]
    for i, ks in enumerate(keys):
        for k in ks:
            index.setdefault(k, []).append(i)
    for i, ks in enumerate(keys):
        # Postings are in index order, so the earlier events are a prefix; counting them is
        # done by Counter in C (this loop is the one part of merging that grows faster than n).
        shared = Counter(chain.from_iterable(
            posting[:bisect_left(posting, i)] for posting in (index[k] for k in ks) if len(posting) <= _POSTING_LIMIT
        ))
        for j, count in shared.items():
            if (count >= MIN_SHARED_WORDS and find(i) != find(j) and len(words[i] & words[j]) >= MIN_SHARED_WORDS
                    and _same_happening(events[i], events[j], words[i], words[j])):
                parent[find(i)] = find(j)
    groups: dict[int, list[Event]] = {}
    for i, event in enumerate(events):
        groups.setdefault(find(i), []).append(event)
    return [_combine(group, order) if len(group) > 1 else group[0] for group in groups.values()]


def _years(event: Event) -> tuple[str | None, ...]:
    value = event.when.value if event.when else None
    if not value:
        return (None,)
    year = value[:4]
    if event.when and event.when.precision == "day" and (value[5:] >= "12-29" or value[5:] <= "01-03"):
        other = str(int(year) + 1) if value[5:] >= "12-29" else str(int(year) - 1)
        return (year, other)
    return (year,)


def _same_happening(a: Event, b: Event, wa: frozenset[str], wb: frozenset[str]) -> bool:
    """Explainable rule: compatible dates and similar content words. Close but different
    days are joined (and flagged) only when the same actor does nearly the same thing:
    same first actor, similar wording, six or more shared content words."""
    relation = _date_relation(a, b)
    if relation == "incompatible":
        return False
    similarity = fuzz.token_set_ratio(" ".join(sorted(wa)), " ".join(sorted(wb)))
    if relation == "conflict":
        if a.evidence[0].article_id == b.evidence[0].article_id:
            return False  # one report giving two dates describes two happenings
        same_actor = bool(a.who and b.who and a.who[0].lower() == b.who[0].lower())
        return same_actor and similarity >= CONFLICTING_DATE_SIMILARITY and len(wa & wb) >= MIN_SHARED_WORDS_DATE_CONFLICT
    return similarity >= SAME_DATE_SIMILARITY


def _date_relation(a: Event, b: Event) -> str:
    """'same' (equal, or one contains the other), 'conflict' (days close but different), or 'incompatible'."""
    va = a.when.value if a.when else None
    vb = b.when.value if b.when else None
    if va is None or vb is None:
        return "same" if va is None and vb is None else "incompatible"
    if va == vb or vb.startswith(va) or va.startswith(vb):
        return "same"
    if a.when and b.when and a.when.precision == b.when.precision == "day":
        from datetime import date

        days = abs((date.fromisoformat(va) - date.fromisoformat(vb)).days)
        return "conflict" if days <= MAX_CONFLICT_DAYS else "incompatible"
    return "incompatible"


def _combine(group: list[Event], order: dict[str, int]) -> Event:
    """One event from a group: first report's wording, every source's evidence, conflicts flagged.

    Conflicts are recomputed from the evidence (each source's own date and figures), so
    merging an already merged event again (an update) gives the same result.
    """
    group = sorted(group, key=lambda e: (order.get(e.evidence[0].article_id, len(order)), e.evidence[0].start))
    first = group[0]
    evidence = [ev for e in group for ev in e.evidence]
    flags = [f for f in dict.fromkeys(f for e in group for f in e.flags) if f not in ("date_conflict", "figure_conflict")
             and (f != "rewritten" or "rewritten" in first.flags)]  # "rewritten" describes the wording shown
    conflicts: list[Conflict] = []
    readings = [(ev, ev.when, ev.when.value) for ev in evidence if ev.when and ev.when.value]
    when = first.when
    if len({value for _, w, value in readings if w.precision == "day"}) > 1:
        counts: dict[str, int] = {}
        for _, _, value in readings:
            counts[value] = counts.get(value, 0) + 1
        best = max(counts.values())
        when = next(w for _, w, value in readings if counts[value] == best)
        flags.append("date_conflict")
        conflicts.append(Conflict(kind="date", label=_label(first), values=[
            ConflictValue(value=value, article_id=ev.article_id) for ev, _, value in readings
        ]))
    else:
        dated = [e.when for e in group if e.when and e.when.value]
        if dated:
            when = max(dated, key=lambda w: len(w.value or ""))  # the finest compatible date
    figure_conflicts = _figure_conflicts(evidence)
    if figure_conflicts:
        flags.append("figure_conflict")
        conflicts.extend(figure_conflicts)
    return Event(
        when=when,
        what=first.what,
        who=list(dict.fromkeys(w for e in group for w in e.who)),
        where=list(dict.fromkeys(w for e in group for w in e.where)),
        attribution=_join_attributions(e.attribution for e in group),
        evidence=evidence,
        flags=flags,
        conflicts=conflicts,
        is_new=all(e.is_new for e in group),  # an old event with a new source is not new
    )


def _join_attributions(attributions: Iterable[str | None]) -> str | None:
    """Distinct sources, dropping one that another already names ("the fire department")."""
    kept: list[str] = []
    for a in attributions:
        if not a:
            continue
        words = set(a.lower().split())
        if any(words <= set(k.lower().split()) for k in kept):
            continue
        kept = [k for k in kept if not set(k.lower().split()) <= words] + [a]
    return "; ".join(kept) or None


def _figure_conflicts(evidence: list[Evidence]) -> list[Conflict]:
    by_label: dict[str, list[ConflictValue]] = {}
    for ev in evidence:
        for label, shown in figures(ev.quote).items():
            by_label.setdefault(label, []).append(ConflictValue(value=shown, article_id=ev.article_id))
    return [
        Conflict(kind="figure", label=label, values=values)
        for label, values in by_label.items()
        if len({core_number(v.value) for v in values}) > 1 and len({v.article_id for v in values}) > 1
    ]


def _label(event: Event) -> str:
    words = event.what.split()
    return " ".join(words[:12]) + ("…" if len(words) > 12 else "")
