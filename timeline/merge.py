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
import sys
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property, lru_cache
from itertools import chain, combinations

from rapidfuzz import fuzz

from . import temporal
from .attribution import find_attribution
from .figures import CUMULATIVE, Figure, compatible, find_figures, numbers_in, stated_value
from .kinds import is_calendar, is_country, kinds, places, targets
from .lang import en
from .models import Article, Chronology, Conflict, ConflictValue, Event, Evidence, TimePoint
from .timepoint import Period, sort_key

_DIGITS = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def time_key(value: str) -> tuple[int, int, int]:
    """Sortable (year, month, day) of an ISO prefix or of a range's start; missing parts are 0."""
    return sort_key(value)


def merge(events: Iterable[Event], articles: list[Article], profiles: list[_Profile] | None = None) -> Chronology:
    """One chronology from events in input order (articles, then chunks, then text order).

    ``profiles``: ``profile(e)`` of each event, when it was already read elsewhere (the
    offline pool reads events where they were verified); merge reads them otherwise."""
    order = {a.id: i for i, a in enumerate(articles)}
    by_id = {a.id: a for a in articles}
    published = {a.id: a.published.isoformat() if a.published else "" for a in articles}
    items = list(events)
    kept = _overlap_survivors(items)
    if profiles is not None and len(profiles) != len(items):
        profiles = None
    joined, signals = _join_same_happenings(
        [_with_attributions(items[i]) for i in kept], order, published,
        [profiles[i] for i in kept] if profiles is not None else None)
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


SAME_DATE_SIMILARITY = 75
CONFLICTING_DATE_SIMILARITY = 75
CONFLICTING_DATE_SIMILARITY_NO_KIND = 90  # a set ratio is 100 whenever one report's words are a subset of the other's
MIN_SHARED_WORDS = 3
MIN_SHARED_WORDS_DATE_CONFLICT = 6
MIN_SHARED_KEYS = 2
MIN_TELLING_WORDS = 2  # with the same kind, date and no conflict: "collapse" and "bridge" suffice
# Words too common in news to anchor a merge on their own.
_WEAK_WORDS = frozenset(["people", "police", "officials", "government", "country", "city", "state", "county",
                         "report", "news", "man", "woman", "group", "local"])
SAME_REPORT_SIMILARITY = 90
MAX_CONFLICT_DAYS = 3
_POSTING_LIMIT = 64  # words in more events than this are too common to find duplicates by
_WORD = re.compile(r"[a-z][a-z'’-]+")
_STOPWORDS = frozenset(
    ["a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "from", "with", "as", "into", "onto", "over", "after", "before", "since", "until", "during", "about", "against", "between", "through", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "will", "would", "could", "should", "may", "might", "must", "can", "said", "says", "say", "told", "according", "this", "that", "these", "those", "it", "its", "they", "them", "their", "he", "she", "his", "her", "we", "our", "you", "your", "who", "whom", "which", "what", "when", "where", "while", "there", "here", "than", "then", "also", "not", "no", "more", "most", "some", "any", "all", "each", "other", "such", "very", "just", "only", "even", "still", "yet", "again", "today", "yesterday", "tonight", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "morning", "evening", "night", "afternoon", "week", "month", "year", "last", "next", "early", "late", "earlier", "later", "ago", "days", "weeks", "months", "years"]
)


def content_words(event: Event) -> frozenset[str]:
    """Lower-cased, lightly stemmed content words of an event, without dates and stopwords."""
    text = event.what.lower()
    if event.when and event.when.text:
        text = text.replace(event.when.text.lower(), " ")
    return frozenset(key for key in map(_content_key, _WORD.findall(text)) if key is not None)


# Cached: a story's vocabulary is small next to its word count (this was a tenth of merge).
@lru_cache(maxsize=1 << 16)
def _content_key(word: str) -> str | None:
    """The stemmed content word ``word`` stands for, or None for a stopword or a short word."""
    word = word.strip("'’-")
    if word in _STOPWORDS or len(word) < 3:
        return None
    return _stem(word)


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


@dataclass(frozen=True)
class _Profile:
    """What identifies a happening, read once per event: words, kinds, places, targets, actors."""

    words: frozenset[str]
    kinds: frozenset[str]
    places: frozenset[str]
    targets: frozenset[str]
    actors: frozenset[str]
    text: str  # lower-cased wording and quotes, to test whether a name is mentioned at all

    @cached_property
    def sorted_words(self) -> str:
        """The words in order, joined: what wording similarity compares (made once per event,
        not once per candidate pair)."""
        return " ".join(sorted(self.words))


def profile(event: Event) -> _Profile:
    """What merge reads of a verified event (its attributions found as merge finds them).

    Its words are interned: a worker process sends a batch's profiles in one message, where
    one word shared by many events is then sent, and kept, once."""
    found = _profile(_with_attributions(event))
    return replace(found, words=frozenset(map(sys.intern, found.words)))


def _profile(event: Event) -> _Profile:
    text = " ".join(dict.fromkeys([event.what] + [ev.quote for ev in event.evidence]))  # the offline what is its quote
    cited = " ".join(filter(None, [event.attribution] + [ev.attribution for ev in event.evidence])).lower()
    found_places = places(text) | {w for w in event.where
                                   if w[:1].isupper() and not is_calendar(w) and w.lower() not in cited}
    # Actors are the named people and bodies that act; a source quoted about the event (a model
    # often lists "police" or "the fire department" in who) says, it does not act.
    sources = cited
    # A single capitalised word opening a sentence ("Fire destroyed", "Police arrested") is
    # capitalised by position, not a name.
    openers = {q.split()[0] for q in [event.what] + [ev.quote for ev in event.evidence] if q.split()}
    place_names = {p.lower() for p in found_places}
    actors = {a for a in event.who
              if a[:1].isupper() and _is_actor(a) and a.lower() not in place_names
              and a.lower() not in sources
              and not is_calendar(a) and not (" " not in a and a in openers)}
    return _Profile(words=content_words(event), kinds=kinds(text), places=frozenset(found_places),
                    targets=targets(text), actors=frozenset(actors), text=text.lower())


def _is_actor(name: str) -> bool:
    words = [w for w in name.split() if w.lower() not in _STOPWORDS and w.lower() not in _QUALIFIER_WORDS]
    return bool(words)


_QUALIFIER_WORDS = frozenset(["roughly", "nearly", "almost", "around", "about", "some", "approximately", "separately"])


def _join_same_happenings(events: list[Event], order: dict[str, int], published: dict[str, str] | None = None,
                          profiles: list[_Profile] | None = None) -> tuple[list[Event], dict[int, list[str]]]:
    """Union events that describe the same happening; each group becomes one event."""
    if profiles is None:
        profiles = [_profile(e) for e in events]
    parent = list(range(len(events)))
    signals: dict[int, list[str]] = {}
    members: dict[int, list[int]] = {i: [i] for i in range(len(events))}
    days: dict[int, set[str]] = {i: ({e.when.value} if e.when and e.when.value and e.when.precision == "day" else set())
                                 for i, e in enumerate(events)}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Candidates share a year and at least two keys (content words, kinds, places): events in
    # different years are never the same happening (a day near New Year is filed under both).
    index: dict[str, list[int]] = {}  # key: word NUL year (a string hashes once; a tuple every time)
    keys = [[f"{w}\x00{y}" for w in _keys(p) for y in years] for years, p in zip(map(_years, events), profiles)]
    for i, ks in enumerate(keys):
        for k in ks:
            index.setdefault(k, []).append(i)
    for i, ks in enumerate(keys):
        # Postings are in index order, so the earlier events are a prefix; counting them is
        # done by Counter in C (this loop is the one part of merging that grows faster than n).
        shared = Counter(chain.from_iterable(
            posting[:bisect_left(posting, i)] for posting in (index[k] for k in ks) if len(posting) <= _POSTING_LIMIT
        ))
        for j, count in sorted(shared.items()):
            if count < MIN_SHARED_KEYS or find(i) == find(j):
                continue
            why = same_happening(events[j], events[i], profiles[j], profiles[i], published)
            root_i, root_j = find(i), find(j)
            if why is not None and not why[0].startswith("dates within") \
                    and len(days[root_i] | days[root_j]) > 1 >= max(len(days[root_i]), len(days[root_j])):
                # a year or month event nests every day in it: joined through one, two reports
                # of two different days became one happening with a date dispute
                why = None
            if why is not None and not any(_clash(profiles[x], profiles[y]) for x in members[root_i] for y in members[root_j]):
                # a group stays consistent: joining through a third report never puts Cedar
                # Falls and Birch Hollow in one event
                parent[root_i] = root_j
                members[root_j].extend(members.pop(root_i))
                days[root_j] |= days.pop(root_i)
                signals[root_j] = list(dict.fromkeys(signals.pop(root_i, []) + signals.get(root_j, []) + why))
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


def _keys(p: _Profile) -> list[str]:
    return list(p.words) + [f"#kind:{k}" for k in p.kinds] + [f"#place:{x.lower()}" for x in p.places]


def _years(event: Event) -> tuple[str | None, ...]:
    """The year an event falls in, and the next or previous one for a day within three days of
    New Year (a date conflict across the year's end is still found)."""
    period = event.when.period if event.when else None
    if period is None:
        return (None,)
    year = str(period.start_key[0])
    day = period.day
    if day is not None and ((day.month, day.day) >= (12, 29) or (day.month, day.day) <= (1, 3)):
        return (year, str(day.year + 1) if day.month == 12 else str(day.year - 1))
    return (year,)


def same_happening(a: Event, b: Event, pa: _Profile | None = None, pb: _Profile | None = None,
                   published: dict[str, str] | None = None) -> list[str] | None:
    """Why ``a`` and ``b`` report the same happening (the matched signals), or None.

    The rule: dates compatible at their precision; places do not conflict (each names a place
    the other never mentions); targets do not conflict ("a market" vs "a hospital"); named
    actors do not conflict; and the kind of happening matches (kinds.py), anchored by a shared
    place, a shared actor or shared wording. Content similarity decides alone only when
    neither report has a kind. Two sentences of one report are one happening only when they
    say nearly the same thing, and close but different days join only for the same actor
    doing nearly the same thing (the date conflict is then flagged).
    """
    pa = pa or _profile(a)
    pb = pb or _profile(b)
    relation = _date_relation(a, b)
    if relation == "incompatible":
        return None
    similarity = fuzz.token_set_ratio(pa.sorted_words, pb.sorted_words)
    shared_words = pa.words & pb.words
    if _clash(pa, pb):
        return None
    if _SEPARATE.search(pa.text) or _SEPARATE.search(pb.text):
        return None  # "four Taliban were killed in a separate clash": the report says it is another happening
    same_report = {ev.article_id for ev in a.evidence} & {ev.article_id for ev in b.evidence}
    if same_report and similarity < SAME_REPORT_SIMILARITY:
        return None  # one report's sentences state different facts, unless one repeats the other
    date = a.when.value if a.when and a.when.value else None
    why = [f"same date ({date})" if relation == "same" and date else
           "both undated" if relation == "same" else "dates within 3 days (flagged)"]
    if relation == "conflict":
        same_actor = bool(a.who and b.who and a.who[0].lower() == b.who[0].lower())
        if same_report or not same_actor or similarity < CONFLICTING_DATE_SIMILARITY \
                or len(shared_words) < MIN_SHARED_WORDS_DATE_CONFLICT:
            return None
        if pa.kinds and pb.kinds and not pa.kinds & pb.kinds:
            return None
        if not pa.kinds & pb.kinds and similarity < CONFLICTING_DATE_SIMILARITY_NO_KIND:
            # no shared kind of happening, only a shared actor and many shared words
            return None
        if fuzz.token_set_ratio(a.what, b.what) < CONFLICTING_DATE_SIMILARITY:
            # a dispute about the day needs the same statement, word for word rather than by
            # stems: "Hu rolled out the red carpet on Friday to welcome five presidents" and "Hu
            # made the remarks on Saturday addressing the opening" share stems (81%), not words (58%)
            return None
        if _counts_differ(a.what, b.what):
            # "91 cases on Tuesday" and "109 cases on Thursday": two days' counts, two happenings
            return None
        if _tells_other_date(a, b, published) or _tells_other_date(b, a, published):
            # "the trial resumed on Wednesday after they were sentenced on Sunday" and "On Nov. 5
            # they were sentenced": one report names both days, so the two are two happenings
            return None
        return why + [f"same actor: {a.who[0]}", f"wording {similarity:.0f}% similar"]
    shared_places = sorted(p for p in pa.places | pb.places if p.lower() in pa.text and p.lower() in pb.text)
    shared_actors = sorted(x for x in pa.actors | pb.actors if x.lower() in pa.text and x.lower() in pb.text)
    # Kinds identify a happening only together with a day: "an agreement in 2006" or two
    # undated sentences of the same kind are not one happening; coarser dates need wording.
    precise = relation == "same" and bool(date) and all(
        e.when is not None and e.when.precision in ("day", "range") for e in (a, b))
    if pa.kinds and pb.kinds and precise:
        common = pa.kinds & pb.kinds
        if not common:
            return None
        anchors = ([f"place: {', '.join(shared_places)}"] if shared_places else []) + \
                  ([f"actors: {', '.join(shared_actors)}"] if shared_actors else [])
        # the words that tell this happening apart: not the kind's own trigger ("kill"), a
        # number, the shared names or the sources ("the military said" in two reports)
        telling = shared_words - _WEAK_WORDS - _generic_words(shared_words, a, b, shared_places + shared_actors)
        if len(telling) >= MIN_TELLING_WORDS or (similarity >= SAME_DATE_SIMILARITY and telling):
            anchors.append(f"wording {similarity:.0f}% similar (shared: {', '.join(sorted(telling)[:6])})")
        if not anchors:
            return None
        if not telling and similarity < SAME_DATE_SIMILARITY and all(is_country(x) for x in shared_places + shared_actors):
            # anchored by a country alone, with nothing else in common: a soldier killed in the
            # southern Philippines and a plane crash in the north are two happenings
            return None
        return why + [f"kind: {', '.join(sorted(common))}"] + anchors
    if pa.kinds and pb.kinds and not pa.kinds & pb.kinds:
        return None
    if similarity >= SAME_DATE_SIMILARITY and len(shared_words) >= MIN_SHARED_WORDS:
        if _counts_differ(a.what, b.what):
            # joined by wording alone, with figures that cannot agree: two markets' closes
            # ("the Colombo index moving down 18.12 points", "SET index lost 2.41 points")
            return None
        return why + [f"wording {similarity:.0f}% similar ({len(shared_words)} shared words)"]
    return None


_SEPARATE = re.compile(r"\b(?:in|during|at) a separate\b|\ba separate (?:attack|incident|clash|raid|explosion|blast|"
                       r"bombing|shooting|accident|crash|case|operation|fire)\b")


def _generic_words(words: frozenset[str], a: Event, b: Event, names: list[str]) -> set[str]:
    """Of ``words`` (stems), those that cannot tell one happening of a kind from another:
    casualty words, numbers, the names already counted as anchors, and the sources'."""
    named = " ".join(names + [x or "" for e in (a, b) for x in [e.attribution, *(ev.attribution for ev in e.evidence)]])
    name_words = {_stem(w.strip("'’-")) for w in _WORD.findall(named.lower())}
    name_words |= {_stem(w.lower()) for e in (a, b) for w in _CAPITALISED.findall(e.what) if is_country(w)}
    return {w for w in words if w in name_words or w in _NUMBER_STEMS
            or any(kinds(w + end) & _CASUALTY_KINDS for end in ("", "ed", "s", "ing", "ies"))}


# casualty words come with any violent or deadly happening: "killed" and "injured" in two
# reports of one day tell nothing about whether it was one crash or two (the kind's own,
# rarer words do: "collapse" and "bridge")
_CASUALTY_KINDS = frozenset(["deaths", "injuries", "missing"])


_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")
_NUMBER_STEMS = frozenset(_stem(w) for w in en.NUMBERS)


def _tells_other_date(a: Event, b: Event, published: dict[str, str] | None) -> bool:
    """Whether ``a``'s wording names ``b``'s day too (resolved against ``a``'s publication date)."""
    target = b.when.value if b.when else None
    pub = (published or {}).get(a.evidence[0].article_id) if a.evidence else None
    if not target or not pub:
        return False
    try:
        ref = date.fromisoformat(pub[:10])
    except ValueError:
        return False
    return any(t.value == target for t in temporal.tag(a.what, ref))


def _counts_differ(a: str, b: str) -> bool:
    """Whether both texts state figures and no figure of one can be a figure of the other.

    Used only for reports on different days: "91 cases on Tuesday" and "risen to 109 ... one
    fatality on Thursday" are two days' counts (the counted noun is not always the same
    label), so they are two happenings rather than one happening told with two dates.
    """
    mine, theirs = find_figures(a), find_figures(b)
    if not (mine and theirs):
        return False
    shared = {f.label for f in mine} & {f.label for f in theirs}
    if shared:
        # "a new high on Monday ... breaking the 7.85 mark" and "on Wednesday ... the 7.84 mark":
        # the same label with no compatible pair is two days' values ("to one dollar" in both
        # made any-pair compatible and joined them)
        return any(not any(compatible(fa, fb) for fa in mine if fa.label == label for fb in theirs if fb.label == label)
                   for label in shared)
    return not any(compatible(fa, fb) for fa in mine for fb in theirs)


def _clash(pa: _Profile, pb: _Profile) -> bool:
    """Places, targets or named actors that rule out one happening."""
    return (_conflicting(pa.places, pa.text, pb.places, pb.text)
            or bool(pa.targets and pb.targets and not pa.targets & pb.targets)
            or _conflicting(pa.actors, pa.text, pb.actors, pb.text))


def _conflicting(mine: frozenset[str], my_text: str, theirs: frozenset[str], their_text: str) -> bool:
    """Both name something (places, actors) and neither mentions anything the other names."""
    if not mine or not theirs:
        return False
    return not any(x.lower() in their_text for x in mine) and not any(x.lower() in my_text for x in theirs)


def _date_relation(a: Event, b: Event) -> str:
    """'same' (equal, or one contains the other), 'conflict' (days close but different), or 'incompatible'."""
    pa = a.when.period if a.when else None
    pb = b.when.period if b.when else None
    if pa is None or pb is None:
        return "same" if pa is None and pb is None else "incompatible"
    if pa.nests(pb):
        return "same"
    if pa.day is not None and pb.day is not None:
        return "conflict" if pa.days_apart(pb) <= MAX_CONFLICT_DAYS else "incompatible"
    return "incompatible"


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
        if value == published.get(ev.article_id) and not _MONTH_WORD.search(words):
            # "4 p.m.", "today", "this morning": the day the report came out, whatever the
            # words; two such readings differ only because the reports came out on two days
            words = "\x00published"
        by_words.setdefault(words, []).append(i)
    dropped: set[int] = set()
    for members in by_words.values():
        if len({readings[i][2] for i in members}) > 1:
            earliest = min(members, key=lambda i: (published.get(readings[i][0].article_id) or "9999", i))
            dropped.update(i for i in members if i != earliest)
    return [r for i, r in enumerate(readings) if i not in dropped]


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
        attribution=_join_attributions(ev.attribution for ev in evidence) or _join_attributions(e.attribution for e in group),
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
    if not (event.when and event.when.value and event.when.precision in ("day", "range")):
        # the same happening is known only to the day: undated or year-level events joined by
        # wording (two days' market reports) do not have comparable figures
        return event
    by_label: dict[str, list[tuple[Figure, Evidence]]] = {}
    ambiguous: set[tuple[str, str]] = set()
    for ev in event.evidence:
        for figure in find_figures(ev.quote):
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
        disputed = updated = False
        for (fa, ea), (fb, eb) in combinations(readings, 2):
            if compatible(fa, fb) or _mentions_other(fa, eb.quote) or _mentions_other(fb, ea.quote):
                continue
            da, db = _published(articles, ea.article_id), _published(articles, eb.article_id)
            if da > db:
                (fa, ea, da), (fb, eb, db) = (fb, eb, db), (fa, ea, da)
            later = da < db or (da == db and fb.update and not fa.update)
            if later and ((label in CUMULATIVE and fb.low >= fa.low) or label == "missing"):
                updated = True
            else:
                disputed = True
        values = [ConflictValue(value=f.shown, article_id=ev.article_id, attribution=ev.attribution,
                                source=_source_name(articles, ev.article_id)) for f, ev in readings]
        if disputed:
            conflicts.append(Conflict(kind="figure", label=label, values=values))
        elif updated:
            updates.append(Conflict(kind="figure", label=label, values=values))
    if any(c.kind == "figure" for c in conflicts):
        flags.append("figure_conflict")
    if not updates and conflicts == event.conflicts and flags == event.flags:
        return event
    return event.model_copy(update={"conflicts": conflicts, "figure_updates": updates, "flags": flags})


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


def _with_attributions(event: Event) -> Event:
    """Each evidence names its own source: from its quote, else the event's (a single report's)."""
    single = len({ev.article_id for ev in event.evidence}) == 1
    evidence = []
    changed = False
    for ev in event.evidence:
        if ev.attribution is None:
            # a single report's event already carries its attribution (found by the engine)
            # a single report's event carries the engine's attribution; a quote without one is
            # read by find_attribution when reports are joined (_combine), where it matters
            found = event.attribution if single else find_attribution(ev.quote)
            if found:
                ev = ev.model_copy(update={"attribution": found})
                changed = True
        evidence.append(ev)
    return event.model_copy(update={"evidence": evidence}) if changed else event


def _label(event: Event) -> str:
    words = event.what.split()
    return " ".join(words[:12]) + ("…" if len(words) > 12 else "")
