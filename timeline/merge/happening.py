"""Same happening or not: two reports of one thing that happened, or two things.

Kinds, places, targets, dates and figures must agree and nothing may conflict; each rule guards
against a real invented dispute (see docs/architecture.md and the tests).
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from rapidfuzz import fuzz

from timeline import temporal
from timeline.merge.figures import Figure, compatible, find_figures
from timeline.merge.kinds import is_country, kinds
from timeline.lang.en import time as en
from timeline.lang.en.news import FOR_DATE, FUTURE_MARKERS, SPEECH_VERBS
from timeline.models import Event
from timeline.timepoint import Period
from timeline.merge.profile import WORD, Profile, profile
from timeline.text.stems import light as _stem


SAME_DATE_SIMILARITY = 75
CONFLICTING_DATE_SIMILARITY = 75
CONFLICTING_DATE_SIMILARITY_NO_KIND = 90  # a set ratio is 100 whenever one report's words are a subset of the other's
MIN_SHARED_WORDS = 3
MIN_SHARED_WORDS_DATE_CONFLICT = 6
MIN_SHARED_KEYS = 2
MIN_TELLING_WORDS = 2  # with the same kind, date and no conflict: "collapse" and "bridge" suffice
# Words too common in news to anchor a merge on their own.
_WEAK_WORDS = frozenset(["people", "police", "officials", "government", "country", "city", "state", "county",
                         "report", "news", "man", "woman", "group", "local", "province", "region", "district",
                         "area", "across"])
# compared with stems: "people" is "peopl" and "province" "provinc" once stemmed (unstemmed, two
# reports sharing "people" and "across" joined a railway toll in China with lightning in India)
_WEAK_WORDS = _WEAK_WORDS | frozenset(_stem(w) for w in _WEAK_WORDS)
SAME_REPORT_SIMILARITY = 90
MAX_CONFLICT_DAYS = 3


def candidate_keys(p: Profile) -> list[str]:
    """What merge files an event under to find its candidates: words, kinds and places."""
    return list(p.words) + [f"#kind:{k}" for k in p.kinds] + [f"#place:{x.lower()}" for x in p.places]


def candidate_years(event: Event) -> tuple[str | None, ...]:
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


def same_happening(a: Event, b: Event, pa: Profile | None = None, pb: Profile | None = None,
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
    pa = pa or profile(a)
    pb = pb or profile(b)
    relation = _relation(a.when.value if a.when else None, b.when.value if b.when else None)
    if relation == "incompatible":
        return None
    # The cheap refusals come first (every rule below refuses on its own, so their order does
    # not change the answer); the wording similarity, a fifth of merging when it was computed
    # for every candidate pair, is computed only for the pairs still in question.
    if pa.kinds and pb.kinds and pa.kinds.isdisjoint(pb.kinds):
        return None  # two kinds of happening, whatever the date relation (both branches below)
    shared_words = pa.words & pb.words
    same_report = not pa.articles.isdisjoint(pb.articles)
    date = a.when.value if a.when and a.when.value else None
    precise = relation == "same" and bool(date) and all(
        e.when is not None and e.when.precision in ("day", "range") for e in (a, b))
    by_kind = bool(pa.kinds and pb.kinds and precise)
    if relation == "conflict":
        same_actor = bool(a.who and b.who and a.who[0].lower() == b.who[0].lower())
        if same_report or not same_actor or len(shared_words) < MIN_SHARED_WORDS_DATE_CONFLICT:
            return None
    elif not by_kind and len(shared_words) < MIN_SHARED_WORDS:
        return None  # joined by wording alone, with too few words in common
    # after the counts of shared words: a clash reads the reports' actors, which most pairs,
    # refused above, never need (``Profile.actors`` is read when first asked)
    if clash(pa, pb):
        return None
    if pa.separate or pb.separate:
        return None  # "four Taliban were killed in a separate clash": the report says it is another happening
    similarity = fuzz.token_set_ratio(pa.sorted_words, pb.sorted_words)
    if same_report and similarity < SAME_REPORT_SIMILARITY:
        return None  # one report's sentences state different facts, unless one repeats the other
    why = [f"same date ({date})" if relation == "same" and date else
           "both undated" if relation == "same" else "dates within 3 days (flagged)"]
    if relation == "conflict":
        if similarity < CONFLICTING_DATE_SIMILARITY:
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
        if _dated_act(a) != _dated_act(b):
            # "freed ... Tuesday" and "freed ..., told Thursday how he was threatened": one day is
            # the telling's, not the release's; "began talks today" and "will resume talks
            # tomorrow": a plan and what happened. Neither is a dispute about one happening's day.
            return None
        if _for_its_day(a) or _for_its_day(b):
            # "a lira rate for April 3" and "for April 6", "closed, effective April 6": the day an
            # item is for or takes effect; a daily notice for another day is another notice
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
    if by_kind:
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
        named = shared_places or shared_actors
        if _counts_differ(a.what, b.what) and not (precise and named):
            # joined by wording alone, with figures that cannot agree: two markets' closes
            # ("the Colombo index moving down 18.12 points", "SET index lost 2.41 points");
            # with the same day and the same named company or place, the differing figure
            # is what the sources disagree on (40 vs 65 million euros for Kessler Freight's deal)
            return None
        return why + [f"wording {similarity:.0f}% similar ({len(shared_words)} shared words)"]
    return None



def _generic_words(words: frozenset[str], a: Event, b: Event, names: list[str]) -> set[str]:
    """Of ``words`` (stems), those that cannot tell one happening of a kind from another:
    casualty words, numbers, the names already counted as anchors, and the sources'."""
    named = " ".join(names + [x or "" for e in (a, b) for x in [e.attribution, *(ev.attribution for ev in e.evidence)]])
    name_words = {_stem(w.strip("'’-")) for w in WORD.findall(named.lower())}
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


_NOT_SPEECH = frozenset(["show", "shows", "showed", "states", "notes", "report", "reports", "claims", "claim", "estimates"])
_SPEECH = "|".join(sorted(SPEECH_VERBS - _NOT_SPEECH, key=len, reverse=True))
_SPEECH_BEFORE = re.compile(r"(?i)\b(?:" + _SPEECH + r")\s+(?:on\s+|late\s+|early\s+)?$")
_SPEECH_AFTER = re.compile(r"(?i)\s*,?\s*(?:" + _SPEECH + r")\b")
_FUTURE_BEFORE = re.compile(r"(?i)\b(?:" + FUTURE_MARKERS + r")\b[^,;.]*$")


def _dated_act(event: Event) -> tuple[bool, bool]:
    """What the event's time expression dates: (a telling, a plan). "X told Thursday how ..."
    and "X said on Monday" date the report of it; "will resume talks tomorrow" dates a plan.
    Two readings of one happening's day date the same sort of act."""
    words = event.when.text if event.when and event.when.text else ""
    text = event.what
    at = text.lower().find(words.lower()) if words else -1
    if at < 0:
        return (False, False)
    before, end = text[:at], at + len(words)
    speech = bool(_SPEECH_BEFORE.search(before) or _SPEECH_AFTER.match(text, end))
    clause = re.split(r"[,;.]\s", before)[-1]
    return (speech, bool(_FUTURE_BEFORE.search(clause)))


_FOR_DATE = re.compile(r"(?i)\b(?:" + FOR_DATE + r")\s+(?:the\s+)?$")


def _for_its_day(event: Event) -> bool:
    """Whether the event's date names the day something is for or takes effect ("set a rate for
    April 3", "deliveries scheduled for April 6", "effective April 6"), not when it happened."""
    words = event.when.text if event.when and event.when.text else ""
    at = event.what.lower().find(words.lower()) if words else -1
    return at >= 0 and _FOR_DATE.search(event.what, max(0, at - 30), at) is not None


def _counts_differ(a: str, b: str) -> bool:
    """Whether both texts state figures and no figure of one can be a figure of the other.

    Used only for reports on different days: "91 cases on Tuesday" and "risen to 109 ... one
    fatality on Thursday" are two days' counts (the counted noun is not always the same
    label), so they are two happenings rather than one happening told with two dates.
    """
    # a comparison's base ("fell to 3.467 billion from 3.939 billion") is the other day's value
    mine, theirs = _stated_figures(a), _stated_figures(b)
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


# Cached: one event's text is compared with many candidates (find_figures was a third of the
# pairs' cost); figures are frozen, and the tuple is never changed.
@lru_cache(maxsize=1 << 14)
def _stated_figures(text: str) -> tuple[Figure, ...]:
    """The figures ``text`` states that are not a comparison's base."""
    return tuple(f for f in find_figures(text) if not f.comparison)


def clash(pa: Profile, pb: Profile) -> bool:
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
    return _relation(a.when.value if a.when else None, b.when.value if b.when else None)


# Cached: a story has few distinct dates next to its candidate pairs (67,687 pairs, a few
# hundred dates on the 1,025-article story), and the relation is the values' alone.
@lru_cache(maxsize=1 << 16)
def _relation(a: str | None, b: str | None) -> str:
    """``_date_relation`` of two ``TimePoint.value``s (None or "" for an unresolved date)."""
    pa, pb = Period.of(a), Period.of(b)
    if pa is None or pb is None:
        return "same" if pa is None and pb is None else "incompatible"
    if pa.nests(pb):
        return "same"
    if pa.day is not None and pb.day is not None:
        return "conflict" if pa.days_apart(pb) <= MAX_CONFLICT_DAYS else "incompatible"
    return "incompatible"
