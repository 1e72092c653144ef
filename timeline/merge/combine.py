"""Merge per-chunk events into one chronology: join duplicates, order by date and precision.

Two events are the same happening by meaning, not by word overlap (``same_happening``):
compatible dates, no conflicting places, targets or named actors, and the same kind of
happening (timeline/kinds.py) anchored by a shared place, actor or wording; content
similarity decides alone only when neither report has a kind. Each merged event records the
matched signals in ``merge_signals``. Events whose day-precision dates differ are joined only
when the same actor does nearly the same thing, and the date conflict is flagged with each
source's value, never silently resolved. Figures are compared across wordings and reports
(figures.py): a dispute names each value with its outlet and attribution; a later, higher
toll is recorded as an update, not a dispute. Candidate pairs come from an inverted index of
content words, kinds and places, so merging stays close to linear in the number of events.

Ordering is precision-aware: a coarser date sorts before the finer dates it contains
(2011 < 2024 < 2024-11 < 2024-11-29), ranges sort by their start, and events on the same
date keep source order (article, then position), so the sort is stable and explainable.
Events without a resolved date go to the undated section, never onto an invented day.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from itertools import combinations


from timeline.text.attribution import find_attribution
from timeline.merge.figures import CUMULATIVE, PEOPLE_COUNTS, Figure, compatible, find_figures, numbers_in, stated_value
from timeline.lang.en import time as en
from timeline.lang.en.news import (BACKGROUND_CLAUSE_BEFORE_DATE, BOUND_BEFORE_DATE, DATELINE_DAY_WORDS, DAY_PARTS,
                                  SOURCE_NOUNS, TERM_UNITS)
from timeline.models import Article, Chronology, Conflict, ConflictValue, Event, Evidence, TimePoint
from timeline.timepoint import Period, sort_key
from timeline.merge.happening import MIN_SHARED_KEYS, candidate_keys, candidate_years, clash, same_happening
from timeline.merge.profile import profile, with_attributions

_DIGITS = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def time_key(value: str) -> tuple[int, int, int]:
    """Sortable (year, month, day) of an ISO prefix or of a range's start; missing parts are 0."""
    return sort_key(value)


def merge(events: Iterable[Event], articles: list[Article]) -> Chronology:
    """One chronology from events in input order (articles, then chunks, then text order).

    Each event's profile (``merge.profile``: what merge reads of it) is made here once, and let
    go before the joined events are combined."""
    order = {a.id: i for i, a in enumerate(articles)}
    by_id = {a.id: a for a in articles}
    published = {a.id: a.published.isoformat() if a.published else "" for a in articles}
    items = list(events)
    kept = _overlap_survivors(items)
    joined, signals = _join_same_happenings([with_attributions(items[i]) for i in kept], order, published)
    unique = []
    for i, event in enumerate(joined):
        if i in signals:
            event = event.model_copy(update={"merge_signals": list(dict.fromkeys(event.merge_signals + signals[i]))})
        unique.append(_with_figures(event, by_id))
    dated = [e for e in unique if e.when is not None and e.when.value]
    undated = [e for e in unique if e.when is None or not e.when.value]

    def position(e: Event) -> tuple[int, int]:
        return (order.get(e.evidence[0].article_id, len(order)), e.evidence[0].start)

    def chronological(e: Event) -> tuple[tuple[int, int, int], int, tuple[int, int]]:
        period = e.when.period if e.when else None
        assert period is not None  # dated events only
        return (period.start_key, period.rank, position(e))

    dated.sort(key=chronological)
    undated.sort(key=position)
    return Chronology(events=dated, undated=undated, undated_window=_window(articles))


def _drop_overlap_duplicates(events: Iterable[Event]) -> list[Event]:
    items = list(events)
    return [items[i] for i in _overlap_survivors(items)]


def _overlap_survivors(items: list[Event]) -> list[int]:
    """Chunk overlap yields the same sentence twice: keep one event per evidence span.

    Two events are the same when they come from the same article and one's evidence span
    lies within the other's; the wider one (more context) wins. A sweep over spans sorted
    by (article, start, -end) finds them in n log n. Returns the indices kept, in order.
    """
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
    return [i for i in range(len(items)) if keep[i]]


def _window(articles: list[Article]) -> str | None:
    """"around publication": the publication date, or the span of them for several articles."""
    dates = sorted({a.published for a in articles if a.published})
    if not dates:
        return None
    if len(dates) == 1:
        return f"around publication ({dates[0].isoformat()})"
    return f"around publication ({dates[0].isoformat()} to {dates[-1].isoformat()})"
_POSTING_LIMIT = 64  # words in more events than this are too common to find duplicates by


def _candidates(i: int, lists: list[list[int]]) -> list[int]:
    """The events before ``i`` that share at least two (MIN_SHARED_KEYS) of its postings, in
    order: each of ``lists`` (a posting of one of ``i``'s keys, once per key and year; a list
    visited twice counts twice) is in index order, so the earlier events are a prefix.

    Only whether an event is in two postings matters, so sets do the counting in C: an event
    seen in an earlier posting is a candidate. Counting every earlier event of every posting
    (a Counter, then a pass over its items) touched 1.2 M entries for 69,000 candidates on the
    1,025-article story; a test holds this to that count."""
    assert MIN_SHARED_KEYS == 2  # the sets find events in two postings, not more
    seen: set[int] = set()
    found: set[int] = set()
    for posting in lists:
        if len(posting) > _POSTING_LIMIT:
            continue
        prefix = posting[:bisect_left(posting, i)]
        if not prefix:
            continue
        here = set(prefix)
        if len(here) != len(prefix):  # an event filed twice under one key (a place in two casings)
            found.update(j for j, n in Counter(prefix).items() if n > 1)
        found.update(here.intersection(seen))
        seen.update(here)
    return sorted(found)


def _join_same_happenings(events: list[Event], order: dict[str, int], published: dict[str, str] | None = None
                          ) -> tuple[list[Event], dict[int, list[str]]]:
    """Union events that describe the same happening; each group becomes one event."""
    profiles = [profile(e) for e in events]
    parent = list(range(len(events)))
    signals: dict[int, list[str]] = {}
    # a group's members and days, kept for groups of two or more (read for a single event)
    members: dict[int, list[int]] = {}
    days: dict[int, set[str]] = {}

    def day_set(root: int) -> set[str]:
        if root in days:
            return days[root]
        e = events[root]
        return {e.when.value} if e.when and e.when.value and e.when.precision == "day" else set()

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Candidates share a year and at least two keys (content words, kinds, places): events in
    # different years are never the same happening (a day near New Year is filed under both).
    # the postings of each year by key (no "key NUL year" string made per key and year)
    index: dict[str | None, dict[str, list[int]]] = {}
    keyed = [(candidate_keys(p), [index.setdefault(y, {}) for y in candidate_years(e)])
             for e, p in zip(events, profiles)]
    for i, (ks, in_years) in enumerate(keyed):
        for k in ks:
            for postings in in_years:
                postings.setdefault(k, []).append(i)
    for i, (ks, in_years) in enumerate(keyed):
        for j in _candidates(i, [postings[k] for k in ks for postings in in_years]):
            if find(i) == find(j):
                continue
            why = same_happening(events[j], events[i], profiles[j], profiles[i], published)
            root_i, root_j = find(i), find(j)
            if why is not None and not why[0].startswith("dates within") \
                    and len(day_set(root_i) | day_set(root_j)) > 1 >= max(len(day_set(root_i)), len(day_set(root_j))):
                # a year or month event nests every day in it: joined through one, two reports
                # of two different days became one happening with a date dispute
                why = None
            core_i, core_j = members.get(root_i, [root_i])[0], members.get(root_j, [root_j])[0]
            if why is not None and (i, j) != (core_i, core_j) \
                    and same_happening(events[core_j], events[core_i], profiles[core_j], profiles[core_i],
                                       published) is None:
                # a chain: i is j's happening, but j's group is another's (a board meeting, a
                # loan's signing and a bid joined through one report naming two of them); two
                # groups join only when their first reports, the groups' cores, are one happening
                why = None
            if why is not None and not any(clash(profiles[x], profiles[y]) for x in members.get(root_i, [root_i])
                                           for y in members.get(root_j, [root_j])):
                # a group stays consistent: joining through a third report never puts Cedar
                # Falls and Birch Hollow in one event
                parent[root_i] = root_j
                members[root_j] = members.get(root_j, [root_j]) + members.pop(root_i, [root_i])
                days[root_j] = day_set(root_j) | day_set(root_i)
                days.pop(root_i, None)
                signals[root_j] = list(dict.fromkeys(signals.pop(root_i, []) + signals.get(root_j, []) + why))
    # the profiles and postings are let go before the groups are combined: the combined events
    # then reuse their memory instead of adding to it (the run's memory peak is here)
    del profiles, keyed, index
    groups: dict[int, list[Event]] = {}
    for i, event in enumerate(events):
        groups.setdefault(find(i), []).append(event)
    joined = []
    reasons: dict[int, list[str]] = {}
    for root, group in groups.items():
        joined.append(_combine(group, order, published or {}) if len(group) > 1 else group[0])
        if len(group) > 1:
            reasons[len(joined) - 1] = signals.get(root, [])
    return joined, reasons


_MONTH_WORD = re.compile(r"\b(?:" + "|".join(sorted(en.MONTHS, key=len, reverse=True)) + r")\b")


def _stated_readings(readings: list[tuple[Evidence, TimePoint, str]], published: dict[str, str]
                     ) -> list[tuple[Evidence, TimePoint, str]]:
    """The readings that are each source's own statement of the date.

    The same relative words ("yesterday", "on Tuesday") copied into a later article resolve
    against that article's publication date: the values differ because the copies were
    published on different days, not because the sources disagree (a quote re-used by the
    next day's report). For each such wording only the earliest publication's reading is kept.
    Seen on a real story: one quote with "as of yesterday" in two days' reports was flagged as
    a date dispute.
    """
    by_words: dict[str, list[int]] = {}
    for i, (ev, when, value) in enumerate(readings):
        words = " ".join(when.text.lower().split())
        if str(Period(value).start_key[0]) in words:
            continue  # a stated year is each source's own reading
        if value == published.get(ev.article_id) and (not _MONTH_WORD.search(words) or _dateline(ev, when)):
            # "4 p.m.", "today", "this morning": the day the report came out, whatever the
            # words; two such readings differ only because the reports came out on two days
            words = "\x00published"
        by_words.setdefault(words, []).append(i)
    # one statement copied word for word, its "today's" / "yesterday's" resolved against two
    # datelines (filed in Tokyo and in New York): the same statement, one reading kept
    by_statement: dict[str, list[int]] = {}
    for i, (ev, when, value) in enumerate(readings):
        if when.text and _DATELINE_WORDS.fullmatch(" ".join(when.text.lower().split())):
            rest = " ".join(_DATELINE_WORDS.sub(" ", ev.quote.lower()).split())
            by_statement.setdefault(rest, []).append(i)
    dropped: set[int] = set()
    for members in list(by_words.values()) + list(by_statement.values()):
        if len({readings[i][2] for i in members}) > 1:
            earliest = min(members, key=lambda i: (published.get(readings[i][0].article_id) or "9999", i))
            dropped.update(i for i in members if i != earliest)
    return [r for i, r in enumerate(readings) if i not in dropped]


_DATELINE_WORDS = re.compile(r"\b(?:" + DATELINE_DAY_WORDS + r")(?![\w'])")
_DATELINE_BEFORE = re.compile(r"^\s*[A-Z][A-Z .'-]*,\s*$")


def _dateline(ev: Evidence, when: TimePoint) -> bool:
    """Whether the date is the report's dateline ("LONDON, March 26 - The Bank of England said"):
    the day the report came out, like "today" (two days' money-market items of one wire were
    flagged as disputing the day)."""
    at = ev.quote.find(when.text) if when.text else -1
    return at >= 0 and bool(_DATELINE_BEFORE.match(ev.quote[:at])) and ev.quote[at + len(when.text):].lstrip()[:1] == "-"


def _combine(group: list[Event], order: dict[str, int], published: dict[str, str] | None = None) -> Event:
    """One event from a group: first report's wording, every source's evidence, conflicts flagged.

    Conflicts are recomputed from the evidence (each source's own date and figures), so
    merging an already merged event again (an update) gives the same result.
    """
    group = sorted(group, key=lambda e: (order.get(e.evidence[0].article_id, len(order)), e.evidence[0].start))
    first = group[0]
    evidence = [ev if ev.attribution else ev.model_copy(update={"attribution": find_attribution(ev.quote)})
                for e in group for ev in e.evidence]
    flags = [f for f in dict.fromkeys(f for e in group for f in e.flags) if f not in ("date_conflict", "figure_conflict")
             and (f != "rewritten" or "rewritten" in first.flags)]  # "rewritten" describes the wording shown
    conflicts: list[Conflict] = []
    readings = _stated_readings([(ev, ev.when, ev.when.value) for ev in evidence if ev.when and ev.when.value],
                                published or {})
    when = first.when
    if len({value for _, w, value in readings if w.precision == "day"}) > 1:
        counts: dict[str, int] = {}
        for _, _, value in readings:
            counts[value] = counts.get(value, 0) + 1
        best = max(counts.values())
        when = next(w for _, w, value in readings if counts[value] == best)
        flags.append("date_conflict")
        conflicts.append(Conflict(kind="date", label=_label(first), values=[
            ConflictValue(value=value, article_id=ev.article_id, attribution=ev.attribution) for ev, _, value in readings
        ]))
    else:
        dated = [e.when for e in group if e.when and e.when.value]
        if dated:
            when = min(dated, key=_width)  # the finest date
    return Event(
        when=when,
        what=first.what,
        who=list(dict.fromkeys(w for e in group for w in e.who)),
        where=list(dict.fromkeys(w for e in group for w in e.where)),
        attribution=_shown_attribution(first, evidence) or first.attribution,
        evidence=evidence,
        flags=flags,
        conflicts=conflicts,
        merge_signals=list(dict.fromkeys(s for e in group for s in e.merge_signals)),
        is_new=all(e.is_new for e in group),  # an old event with a new source is not new
    )


def _width(when: TimePoint) -> int:
    """Days a dated reading covers: the narrowest of compatible readings is the finest date
    ('2024-11-29' over '2024-11' over '2024'; a day over the week range that starts on it)."""
    try:
        return when.period.width if when.period else 1 << 30
    except ValueError:  # a model's reading the resolver could not check and Period cannot read
        return 1 << 30


def _shown_attribution(first: Event, evidence: list[Evidence]) -> str | None:
    """The sources of the line as shown: the first report's wording with every report's source.

    When the shown wording names no source, another report's source is borrowed only for the
    numbers both state ("killed 40, the ministry said": the toll's source): a source of a report
    of the same happening said its own sentence, not the shown one ("Trump set off a firestorm
    when he posted ..." read "(according to the former president)", borrowed from "the former
    president said he expected to be arrested").
    """
    own = [ev for ev in evidence if ev.article_id == first.evidence[0].article_id]
    if any(ev.attribution for ev in own):
        return _join_attributions(ev.attribution for ev in evidence)
    shown_numbers = numbers_in(first.what)
    return _join_attributions(ev.attribution for ev in evidence
                              if shown_numbers and numbers_in(ev.quote) & shown_numbers)


def _join_attributions(attributions: Iterable[str | None]) -> str | None:
    """Distinct sources, dropping one that another already names: "the fire department" is
    named by "the Port Aldren fire department" (same head noun), "the county" is not named by
    "the county coroner's office"."""
    kept: list[str] = []
    for a in attributions:
        if not a:
            continue
        if any(_names(k, a) for k in kept):
            continue
        kept = [k for k in kept if not _names(a, k)] + [a]
    return "; ".join(kept) or None


def _names(wider: str, narrower: str) -> bool:
    w, n = wider.lower().split(), narrower.lower().split()
    return set(n) <= set(w) and w[-1] == n[-1]


MAX_FIGURE_RANGE_DAYS = 7  # "last week" still dates one colliery blast's toll; a quarter dates no happening


def _with_figures(event: Event, articles: dict[str, Article]) -> Event:
    """The event with its figure disputes and updates, recomputed from each source's quote.

    Counts of one label from different reports are compared as ranges ("at least 25" agrees
    with "25"). Two readings that cannot both be true are a dispute, unless a later report
    gives a higher cumulative count (deaths, injured, evacuated, displaced, arrested) than an
    earlier one, or a different number of missing: tolls grow as a story unfolds, so that is
    an update, listed as such and not flagged. We chose publication order rather than update
    wording ("has risen to") alone because many reports give a new toll without saying so;
    a later report giving a *lower* toll is still a dispute (it may not have the news).
    """
    if len({ev.article_id for ev in event.evidence}) < 2 and not event.figure_updates:
        return event  # figures are compared across reports only
    if not (event.when and event.when.value and event.when.precision in ("day", "range")
            and _width(event.when) <= MAX_FIGURE_RANGE_DAYS):
        # a quarter or a year-to-date ("the fourth quarter", "1986-10-01/1986-12-31") is a
        # period companies report results for, not a happening known to the day
        # the same happening is known only to the day: undated or year-level events joined by
        # wording (two days' market reports) do not have comparable figures
        return event
    by_label: dict[str, list[tuple[Figure, Evidence]]] = {}
    ambiguous: set[tuple[str, str]] = set()
    for ev in event.evidence:
        if _reading_days(ev) is None:
            continue  # this report's own date is no day of the happening ("fiscal 1986", "until May 7")
        for figure in find_figures(ev.quote):
            if figure.comparison or figure.aside:
                # "rose to 9 from 5", "12 cts vs 10 cts": the base is no reading of this happening;
                # nor is a forecast ("could trigger a selloff of 100") or an earlier, superseded one
                continue
            readings = by_label.setdefault(figure.label, [])
            same = [f for f, e in readings if e.article_id == ev.article_id]
            if not same:
                readings.append((figure, ev))
            elif same[0].shown != figure.shown:  # "2.4 million bpd, compared with 474,000 bpd"
                ambiguous.add((figure.label, ev.article_id))
    for label, article in ambiguous:
        by_label[label] = [(f, e) for f, e in by_label[label] if e.article_id != article]
    conflicts = [c for c in event.conflicts if c.kind != "figure"]
    updates: list[Conflict] = []
    flags = [f for f in event.flags if f != "figure_conflict"]
    for label, readings in by_label.items():
        if len(readings) < 2:
            continue
        readings.sort(key=lambda r: (_published(articles, r[1].article_id), ))
        disputed_at: set[int] = set()
        updated_at: set[int] = set()
        for (ia, (fa, ea)), (ib, (fb, eb)) in combinations(enumerate(readings), 2):
            if compatible(fa, fb) or _mentions_other(fa, eb.quote) or _mentions_other(fb, ea.quote):
                continue
            if not _same_thing(fa, ea, fb, eb):
                continue  # two days' figures, a group's and a member's, two instruments' amounts
            da, db = _published(articles, ea.article_id), _published(articles, eb.article_id)
            if da > db:
                (ia, fa, ea, da), (ib, fb, eb, db) = (ib, fb, eb, db), (ia, fa, ea, da)
            later = da < db or (da == db and fb.update and not fa.update)
            if da == db and fa.update and fb.update and _same_outlet(articles, ea, eb):
                # "This brings the total help so far today to 120 mln", "... to 571 mln": one
                # outlet's steps of a count growing through one day, in an order we do not know
                continue
            if later and (_update_of(fa, ea, fb, eb, da < db) or (label in CUMULATIVE and fb.low >= fa.low)
                          or label == "missing"):
                updated_at |= {ia, ib}  # a later figure replaces an earlier one: 5 -> 9
            elif not _same_voice(articles, ea, eb, label):
                disputed_at |= {ia, ib}  # two sources' figures for the same time: 5 vs 7
            # one outlet quoting one speaker twice with two figures is no dispute between sources
            # (a revised forecast, two tables of one wire): not flagged, a misread being worse
        def value(i: int) -> ConflictValue:
            f, ev = readings[i]
            return ConflictValue(value=f.shown, article_id=ev.article_id, attribution=ev.attribution,
                                 source=_source_name(articles, ev.article_id),
                                 published=_published(articles, ev.article_id) or None)
        if updated_at and disputed_at:
            last_step = max(_published(articles, readings[i][1].article_id) for i in updated_at)
            if any(_published(articles, readings[i][1].article_id) > last_step for i in disputed_at - updated_at):
                # a report after the update's last step gives another figure again (haiti's displaced:
                # 1.5 million, then 2 million, then 1.5 million): "now 2 million" would be false, so
                # every reading is shown in the dispute and no update is claimed
                updated_at = set()
                disputed_at = set(range(len(readings)))
        if disputed_at:
            # every reading in dispute, and those agreeing with one ("at least 12" beside "12");
            # a reading only replaced by a later one is an update's step, not in dispute
            shown = [i for i in range(len(readings)) if i in disputed_at or i not in updated_at]
            conflicts.append(Conflict(kind="figure", label=label, values=[value(i) for i in shown]))
        if updated_at:
            steps = [value(i) for i in sorted(updated_at)]
            updates.append(Conflict(kind="figure", label=label, values=steps, latest=steps[-1].value))
    if any(c.kind == "figure" for c in conflicts):
        flags.append("figure_conflict")
    if not updates and conflicts == event.conflicts and flags == event.flags:
        return event
    return event.model_copy(update={"conflicts": conflicts, "figure_updates": updates, "flags": flags})


def _reading_days(ev: Evidence) -> Period | None:
    """The days this report's own date covers, when it dates a happening to within a week.

    A quarter or a year ("fiscal 1986", "last year") dates results, not a happening; a date
    bounded by "until" or "before" ("an injunction until May 7", "could resume at any time
    before May 7") is a deadline, not the day anything happened. Seen on wire copy: a group of
    earnings reports got a day from one report's stray "December 31", and every company's
    per-share result was set against the others'; 350 and 800 redundancies were disputed
    because both reports mentioned a May 7 deadline."""
    when = ev.when
    if not (when and when.value and when.precision in ("day", "range") and _width(when) <= MAX_FIGURE_RANGE_DAYS):
        return None
    if not when.text:
        return when.period
    if _BOUND_DATE.search(when.text):
        return None
    at = ev.quote.find(when.text)
    if at >= 0 and (_BOUND_BEFORE.search(ev.quote, max(0, at - 40), at)
                    or _BACKGROUND_BEFORE.search(ev.quote, max(0, at - 100), at)):
        return None
    return when.period


_BOUND_BEFORE = re.compile(r"(?i)\b(?:" + BOUND_BEFORE_DATE + r")\s+(?:the\s+)?$")
# "under the initiative announced January 7": the date of the initiative, not of the figure
_BACKGROUND_BEFORE = re.compile(r"(?i)" + BACKGROUND_CLAUSE_BEFORE_DATE)
_DAY_PART = re.compile(r"(?i)\b(?:" + DAY_PARTS + r")\b")
_BOUND_DATE = re.compile(r"(?i)^(?:" + BOUND_BEFORE_DATE + r")\s")
_TERM = re.compile(r"(?i)\b(?:\d+|" + "|".join(w for w in en.NUMBERS if len(w) > 2) + r")-(?:" + TERM_UNITS + r")(?![\w-])")


def _same_thing(fa: Figure, ea: Evidence, fb: Figure, eb: Evidence) -> bool:
    """Whether two readings of one label count the same thing at the same time.

    Not when the reports' own dates are different days (two days' money-market figures joined
    into one event are two days' values), when one counts a whole and the other a part ("group
    exports" of 96,000 tonnes against one member's 1,736), when two amounts say they are of two
    things ("167 mln stg of treasury bills" sold, "265 mln stg in assistance"), or when they are
    of two terms ("a 29-day repurchase accord" and "a 24-day" one are two bill sales)."""
    da, db = _reading_days(ea), _reading_days(eb)
    if da is None or db is None or not (da.nests(db) or da.overlaps(*db.bounds)):
        return False
    if fa.whole != fb.whole or (fa.of and fb.of and fa.of != fb.of):
        return False
    parts_a, parts_b = _day_parts(ea.quote), _day_parts(eb.quote)
    if parts_a and parts_b and parts_a.isdisjoint(parts_b):
        return False  # the morning's operation, the afternoon's, the day's total: three figures
    if not (fa.unit and fa.unit != "%"):
        return True  # terms tell instruments apart: "a 10-year-old among 12 dead" is no term of a toll
    terms_a, terms_b = _terms(ea.quote), _terms(eb.quote)
    return not (terms_a and terms_b and terms_a.isdisjoint(terms_b))


def _day_parts(quote: str) -> frozenset[str]:
    return frozenset(m.group().lower() for m in _DAY_PART.finditer(quote))


def _terms(quote: str) -> frozenset[str]:
    return frozenset(m.group().lower() for m in _TERM.finditer(quote))


def _update_of(earlier: Figure, ea: Evidence, later: Figure, eb: Evidence, later_day: bool) -> bool:
    """Whether ``later`` replaces ``earlier``: worded as a change ("rose to", "has risen to",
    "revised"), or given on a later day by the same source (the coastguard's five, then its
    nine): a source does not dispute its own earlier count."""
    if later.update:
        return True
    return later_day and bool(ea.attribution and eb.attribution) and _same_source(ea.attribution or "", eb.attribution or "")


def _same_source(a: str, b: str) -> bool:
    """'the coastguard' and 'the coastguard', 'police' and 'local police': the same source."""
    a, b = a.lower().strip(), b.lower().strip()
    return a == b or _names(a, b) or _names(b, a)


def _mentions_other(figure: Figure, quote: str) -> bool:
    """Whether ``quote`` states ``figure``'s number too: then its own different figure of that
    label counts something else, not a rival count ("13 women ... five prostitutes")."""
    value = stated_value(figure)
    return value is not None and value in numbers_in(quote)


def _published(articles: dict[str, Article], article_id: str) -> str:
    article = articles.get(article_id)
    return article.published.isoformat() if article and article.published else ""


def _source_name(articles: dict[str, Article], article_id: str) -> str | None:
    article = articles.get(article_id)
    return (article.source or article.title) if article else None


def _label(event: Event) -> str:
    words = event.what.split()
    return " ".join(words[:12]) + ("…" if len(words) > 12 else "")


def _same_outlet(articles: dict[str, Article], a: Evidence, b: Evidence) -> bool:
    outlet_a = articles[a.article_id].source if a.article_id in articles else None
    return bool(outlet_a) and outlet_a == (articles[b.article_id].source if b.article_id in articles else None)


def _same_voice(articles: dict[str, Article], a: Evidence, b: Evidence, label: str = "") -> bool:
    """Two readings from one outlet (its stated name, not a title) that are one voice, which
    cannot disagree with itself as two sources do.

    One named speaker is one voice (the Bank of England's revised forecasts of one day, in two
    of a wire's items). For a count of people (deaths, injured, ...), "officials" or "police" in
    two of an outlet's stories may be two officials, and its own unattributed counts in two
    stories (four dead and 83 missing; more than 80 killed, te3silver) are its reports
    disagreeing. Its own money and price figures with no named speaker are readings through
    the day (two gold fixes, a metal's level and its move, a rounded and an exact total: seen
    on wire copy), one voice."""
    if not _same_outlet(articles, a, b):
        return False
    speaker_a, speaker_b = _speaker(a.attribution), _speaker(b.attribution)
    if speaker_a and speaker_a.lower() == speaker_b.lower() and _named(speaker_a):
        return True
    return label not in PEOPLE_COUNTS and not _named(speaker_a) and not _named(speaker_b)


def _speaker(attribution: str | None) -> str:
    """The speaker without a wire dateline ("March 26 - The Bank of England" is the Bank)."""
    text = (attribution or "").strip()
    return text.rsplit(" - ", 1)[-1].strip() if " - " in text else text


def _named(speaker: str) -> bool:
    """Whether the speaker has a name ("the Bank of England", "Chairman William Brown"), not only
    common nouns ("officials", "coffee trade sources", "Police" opening a sentence)."""
    return any(w[:1].isupper() and w.lower() not in SOURCE_NOUNS for w in speaker.split())

