"""What merge reads of an event, computed once per event: its content words, names, places,
kinds, targets and figures.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import cast


from timeline.text.attribution import find_attribution
from timeline.merge import kinds as kinds_module
from timeline.merge.kinds import is_calendar, kinds, places, targets
from timeline.models import Event
from timeline.lang.en import dates as calendar
from timeline.lang.en.words import MERGE_STOPWORDS
from timeline.text.stems import light as _stem
WORD = re.compile(r"[a-z][a-z'’-]+")  # a content word of lower-cased text
# The one stop-word list as merge reads it, plus the calendar's words (see lang/en/words.py).
_STOPWORDS = MERGE_STOPWORDS | frozenset(calendar.WEEKDAYS) | frozenset(calendar.MONTH_NAMES_LOWER)


def content_words(event: Event) -> frozenset[str]:
    """Lower-cased, lightly stemmed content words of an event, without dates and stopwords."""
    text = event.what.lower()
    if event.when and event.when.text:
        text = text.replace(event.when.text.lower(), " ")
    keys: set[str | None] = set(map(_content_key, set(WORD.findall(text))))  # each distinct word once
    keys.discard(None)
    return cast("frozenset[str]", frozenset(keys))  # None discarded




# Cached: a story's vocabulary is small next to its word count (this was a tenth of merge).
@lru_cache(maxsize=1 << 16)
def _content_key(word: str) -> str | None:
    """The stemmed content word ``word`` stands for, or None for a stopword or a short word."""
    word = word.strip("'’-")
    if word in _STOPWORDS or len(word) < 3:
        return None
    return _stem(word)


@dataclass(frozen=True, slots=True)
class Profile:
    """What identifies a happening, read once per event: words, kinds, places, targets, actors.

    Made by ``profile`` once for each event by merge and kept beside it until the groups are
    found: every candidate pair compares two stored profiles."""

    words: frozenset[str]
    kinds: frozenset[str]
    places: frozenset[str]
    targets: frozenset[str]
    text: str  # lower-cased wording and quotes, to test whether a name is mentioned at all
    separate: bool = False  # the report says it tells another happening ("in a separate attack")
    articles: frozenset[str] = frozenset()  # the reports it comes from (two sentences of one report)
    # the event, kept until ``actors`` is first asked (then the actors replace it)
    event: Event | None = field(default=None, compare=False, repr=False)
    read_actors: frozenset[str] | None = field(default=None, compare=False, repr=False)

    @property
    def actors(self) -> frozenset[str]:
        """The named people and bodies that act (``_actors``), read when first asked: a pair's
        last tests need them, and a third of a story's profiles reach none (merge refuses most
        pairs on dates, kinds or shared words first; the 1,025-article story: 13,672 of 19,691
        profiles were compared at all). Made from the same event and places as when built."""
        if self.read_actors is None:
            event = self.event
            assert event is not None
            text = _text_of(event)
            found = _actors(event, text, self.text, _cited(event), self.places) or _NONE
            object.__setattr__(self, "read_actors", found)
            object.__setattr__(self, "event", None)  # let the event go: its actors are read
            return found
        return self.read_actors

    @property
    def sorted_words(self) -> str:
        """The words in order, joined: what wording similarity compares. Made when asked (for
        the few pairs that get that far: 9,000 of 69,000 on the 1,025-article story), not kept
        on 19,682 profiles most of which are never compared by wording."""
        return " ".join(sorted(self.words))


def profile(event: Event) -> Profile:
    """What merge reads of a verified event, its attributions found as merge finds them
    (``with_attributions``, which leaves an event that has them as it is): the one builder."""
    return _read(with_attributions(event))


def _read(event: Event) -> Profile:
    text = _text_of(event)
    lower = text.lower()
    # one word set for kinds and targets; it is the same set read either way for ASCII text
    # (a non-ASCII letter may lower-case to ASCII ones: KELVIN SIGN), else each reads its own
    words = kinds_module.words_of(lower) if text.isascii() else None
    cited = _cited(event)
    found_places = places(text) | {w for w in event.where
                                   if w[:1].isupper() and not is_calendar(w) and w.lower() not in cited}
    return Profile(words=content_words(event), kinds=kinds(text, lower, words) or _NONE,
                   places=frozenset(found_places) or _NONE, targets=targets(text, words) or _NONE,
                   text=lower, separate=_separate(lower),
                   articles=_reports(tuple(dict.fromkeys(ev.article_id for ev in event.evidence))),
                   event=event)


def _text_of(event: Event) -> str:
    """The event's wording and its quotes, each once (the offline what is its quote)."""
    return " ".join(dict.fromkeys([event.what] + [ev.quote for ev in event.evidence]))


def _cited(event: Event) -> str:
    """Who the event and its evidence say said it, lower-cased."""
    return " ".join(filter(None, [event.attribution] + [ev.attribution for ev in event.evidence])).lower()


# Shared sets (a profile is kept for every event until merge is done: 19,682 on the 1,025-article
# story): Python makes a new empty frozenset each time, and most events are of one report.
_NONE: frozenset[str] = frozenset()


@lru_cache(maxsize=1 << 14)
def _reports(ids: tuple[str, ...]) -> frozenset[str]:
    return frozenset(ids)


def _actors(event: Event, text: str, lower: str, cited: str, found_places: frozenset[str] | set[str]
            ) -> frozenset[str]:
    """The named people and bodies that act. A source quoted about the event (a model often
    lists "police" or "the fire department" in who) says, it does not act."""
    candidates = [a for a in event.who if a[:1].isupper()]
    if not candidates:
        return frozenset()  # nothing to read (most events): who reports is not looked for
    sources = cited
    # a name the report mentions only where it says who said it ("according to the town's
    # mayor, Lena Brask") is the claim's source too
    spoken = _speakers(text, lower)
    if spoken:
        outside = text
        for span in spoken:
            outside = outside.replace(span, " ")
        spoken_text, outside = " ".join(spoken).lower(), outside.lower()
    else:  # most texts: nothing said by whom, the text is all outside
        spoken_text, outside = "", lower
    # A single capitalised word opening a sentence ("Fire destroyed", "Police arrested") is
    # capitalised by position, not a name.
    openers = {q.split(None, 1)[0] for q in [event.what] + [ev.quote for ev in event.evidence] if not q.isspace() and q}
    place_names = {p.lower() for p in found_places}
    acting = []
    for a in candidates:
        low = a.lower()
        if _is_actor(a) and low not in place_names and (low not in sources or _speaks_of_itself(a, text)) \
                and not (low in spoken_text and low not in outside) \
                and not is_calendar(a) and not (" " not in a and a in openers):
            acting.append(a)
    return frozenset(acting)


# A report that says it tells another happening ("in a separate attack"): never joined.
SEPARATE = re.compile(r"\b(?:in|during|at) (?:a separate|another)\b|\ba separate (?:attack|incident|clash|raid|explosion|blast|"
                      r"bombing|shooting|accident|crash|case|operation|fire)\b")


def _separate(lower: str) -> bool:
    """``SEPARATE`` in ``lower``: every match holds "separate" or "another", so a text with
    neither (nearly every one) is not searched."""
    return ("separate" in lower or "another" in lower) and SEPARATE.search(lower) is not None


def _speaks_of_itself(name: str, text: str) -> bool:
    """Whether the source says what it did itself ("Orvan Corp said it declared a dividend",
    "Ford said its sales rose"): then it acts in the happening, and two companies' results
    are two happenings (wire copy joined eight dividends of eight companies into one).

    Most texts have no "said it" at all: the tail alone (one pattern, compiled once) rules
    them out; the name's own pattern is compiled only for the rest, once per name (compiling
    a pattern per name and text was a quarter of profiling an event)."""
    if _SELF_REPORT_ANYWHERE.search(text) is None:
        return False
    if not (name.isascii() and text.isascii()):
        return _self_report(name).search(text) is not None
    # ASCII (most texts): the name's own pattern is the name, case-insensitively, then the
    # tail; so each place the lower-cased name occurs is tried with the tail, compiled once.
    # Compiling a pattern per name was 0.3 s of the 1,025-article story's profiles (3,569 calls).
    # In ASCII, lower-casing keeps every offset and re.IGNORECASE equates exactly the letters
    # it does (KELVIN SIGN and the long s are not ASCII). A test holds the two to one answer.
    lower, wanted = text.lower(), name.lower()
    at = lower.find(wanted)
    while at >= 0:
        if _SELF_REPORT_ANYWHERE.match(text, at + len(name)) is not None:
            return True
        at = lower.find(wanted, at + 1)
    return False


# "Kell, who tried to buy Orvan, said in a filing that he sold": an appositive between the name
# and its verb, and a speaker reporting his own act, still name who acted
_SELF_REPORT = (r"(?:\s*,[^,.;]{0,100},)?\s+(?:said|says|reported|announced)\s+(?:[^,.;]{0,60}?\bthat\s+)?"
                r"(?:it|its|it's|they|their|he|his|she|her)\b")
_SELF_REPORT_ANYWHERE = re.compile(_SELF_REPORT, re.IGNORECASE)  # a prefilter: the name's match is one of these


@lru_cache(maxsize=4096)
def _self_report(name: str) -> re.Pattern[str]:
    return re.compile(re.escape(name) + _SELF_REPORT, re.IGNORECASE)


# Who reports or is quoted: "..., police said", "according to the town's mayor, Lena Brask",
# "said Lena Brask, the mayor", "a spokesman for Orla Bank told reporters". A name found only
# in these spans is the claim's source, not an actor of the happening.
_SPEAKER_SPANS = re.compile(
    r"\baccording to\b[^.;]*"
    r"|,\s*(?:[^,.;]{0,80}?)\s+(?:said|says|told|reported|announced|confirmed|added|stated|estimated)\b[^.;]*[.;]?\s*$"
    r"|,\s*(?:said|says|told|added)\s+[^.;]*"
    r"|\b(?:a|the)\s+spokes(?:man|woman|person)\s+for\s+[^,.;]*",
    re.IGNORECASE | re.MULTILINE)


# Every alternative of _SPEAKER_SPANS contains one of these (its words, lower-cased): an ASCII
# text with none of them has no span, and is not searched sentence by sentence.
_SPEAKER_LITERALS = ("according to", "said", "says", "told", "reported", "announced", "confirmed", "added",
                     "stated", "estimated", "spokes")


def _speakers(text: str, lower: str | None = None) -> list[str]:
    """The spans of ``text`` that name who reports or is quoted (see ``_SPEAKER_SPANS``).
    ``lower``: ``text.lower()``, when the caller has it."""
    if text.isascii():
        lower = text.lower() if lower is None else lower
        if not any(word in lower for word in _SPEAKER_LITERALS):
            return []
    spans = []
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        spans += [m.group() for m in _SPEAKER_SPANS.finditer(sentence)]
    return spans


@lru_cache(maxsize=1 << 14)  # a story names the same people and bodies in many events
def _is_actor(name: str) -> bool:
    words = [w for w in name.split() if w.lower() not in _STOPWORDS and w.lower() not in _QUALIFIER_WORDS]
    return bool(words)

_QUALIFIER_WORDS = frozenset(["roughly", "nearly", "almost", "around", "about", "some", "approximately", "separately"])


def with_attributions(event: Event) -> Event:
    """Each evidence names its own source: from its quote, else the event's (a single report's)."""
    if all(ev.attribution is not None for ev in event.evidence):
        return event  # nothing to find (an event read once already: ``profile`` of a merged one)
    single = len({ev.article_id for ev in event.evidence}) == 1
    if single and not event.attribution:
        return event  # a single report without a source: nothing to hand its evidence
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
