"""What kind of happening a sentence reports, from trigger words: a small news taxonomy.

Merging asks "is this the same happening?"; two reports of one evacuation share the kind
*evacuation* however they word it ("were evacuated", "were forced to leave their homes",
"fled"), while a death toll and an evacuation on the same day in the same town do not. The
kinds are deliberately coarse and few, each a list of trigger words a reader would agree on;
a sentence may have several kinds ("a wildfire broke out and killed two" is *fire* and
*deaths*). Speech verbs ("said", "told") are never triggers: they attribute, they do not
happen. A sentence with no trigger has no kind, and merging then falls back on wording.

Places and targets are found here too, for the same reason: two strikes on the same day are
different happenings when one hit a market in Idlib and the other a hospital in Aleppo.
"""
from __future__ import annotations

import re
from timeline.lang.en import dates as calendar
from timeline.lang.en.news import KIND_TRIGGERS
from functools import lru_cache

_WORD = re.compile(r"[A-Za-z]+")

KINDS = KIND_TRIGGERS  # lang/en/news.py: the words that make an event of each kind


def _alternatives(pattern: str) -> list[str]:
    """Top-level alternatives of a trigger pattern ("a|b(?:c|d)" -> ["a", "b(?:c|d)"])."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(pattern):
        depth += ch == "("
        depth -= ch == ")"
        if ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
    return parts + [pattern[start:]]


# Merging profiles every event, so kinds are found word by word with a cache rather than by
# one regex alternation tried at every position (measured 20x slower in bench/bench_merge.py):
# one-word triggers are matched against each distinct word once; phrases are tried only when
# their first word is in the text.
_ONE_WORD = {kind: re.compile("|".join(a for a in _alternatives(words) if " " not in a))
             for kind, words in KINDS.items()}
_PHRASES = [(kind, re.compile(rf"\b(?:{a})\b"), re.match(r"[a-z]+", a).group())  # type: ignore[union-attr]
            for kind, words in KINDS.items() for a in _alternatives(words) if " " in a]
_WORD_KINDS: dict[str, frozenset[str]] = {}
# Any kind's one-word trigger: most words of a story trigger none, and one match tells so
# where trying each kind's pattern took 32 (a sixth of profiling an event, on new words).
_ANY_ONE_WORD = re.compile("|".join(f"(?:{p.pattern})" for p in _ONE_WORD.values() if p.pattern))
# The phrases by their first word: only those whose first word is in the text are tried.
_PHRASES_BY_FIRST: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
for _kind, _pattern, _first in _PHRASES:
    _PHRASES_BY_FIRST.setdefault(_first, []).append((_kind, _pattern))
_NO_KINDS: frozenset[str] = frozenset()


def _word_kinds(word: str) -> frozenset[str]:
    found = _WORD_KINDS.get(word)
    if found is None:
        found = _WORD_KINDS[word] = frozenset(
            k for k, p in _ONE_WORD.items() if p.pattern and p.fullmatch(word)
        ) if _ANY_ONE_WORD.fullmatch(word) else _NO_KINDS
        if found:
            _TRIGGERING.add(word)
    return found


_TRIGGERING: set[str] = set()  # the words of ``_WORD_KINDS`` that trigger a kind


# What was hit or affected: different targets on the same day are different happenings.
TARGETS = frozenset(
    ["market", "hospital", "clinic", "school", "university", "mosque", "church", "temple", "synagogue", "bridge", "factory", "warehouse", "plant", "refinery", "airport", "port", "station", "convoy", "camp", "shelter", "prison", "embassy", "office", "bakery", "checkpoint", "base", "barracks", "stadium", "hotel", "mall", "bus", "train", "ship", "ferry", "tanker", "pipeline", "dam"]
)

_CALENDAR = calendar.CALENDAR_NAMES | {"Today", "Yesterday"}
_HONORIFICS = frozenset(["Mr", "Mrs", "Ms", "Dr", "Sir", "Lord", "Lady", "President", "Minister", "Mayor"])
_PLACE = re.compile(
    r"(?<!according )\b(?:in|near|outside|across|around|at|into|from|through|toward|towards)\s+(?:the\s+(?:city|town|village|province|region|county|"
    r"district|state)\s+of\s+)?((?:[A-Z][\w’'-]*)(?:\s+(?:[A-Z][\w’'-]*|al-\w+|de|del))*)"
)


def words_of(lower: str) -> set[str]:
    """The words of a lower-cased text, as ``kinds`` and ``targets`` read them."""
    return set(_WORD.findall(lower))


def kinds(text: str, lower: str | None = None, words: set[str] | None = None) -> frozenset[str]:
    """The kinds of happening ``text`` reports (empty when no trigger word is found).
    ``lower``, ``words``: ``text.lower()`` and ``words_of`` it, when the caller has them."""
    lower = text.lower() if lower is None else lower
    words = words_of(lower) if words is None else words
    if len(_WORD_KINDS) > 200_000:  # bounded on a huge corpus (never within one text: the loops below)
        _WORD_KINDS.clear()
        _TRIGGERING.clear()
    found: set[str] = set()
    # the words read before are sorted out by set operations in C; only new words and the few
    # that trigger a kind are visited (a loop over every word was half of ``kinds``)
    for word in words.difference(_WORD_KINDS):
        _word_kinds(word)
    for word in words.intersection(_TRIGGERING):
        found |= _WORD_KINDS[word]
    for first in words.intersection(_PHRASES_BY_FIRST):
        for kind, pattern in _PHRASES_BY_FIRST[first]:
            if kind not in found and pattern.search(lower):
                found.add(kind)
    return frozenset(found)


def is_calendar(name: str) -> bool:
    """'Sunday', 'Sunday night', 'March': a time, not a place."""
    return bool(name.split()) and name.split()[0].capitalize() in _CALENDAR


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    """Country names, common and official, lower-cased (pycountry's ISO 3166 list, read once)."""
    import pycountry

    names = set()
    for country in pycountry.countries:
        for field in ("name", "common_name", "official_name"):
            value = getattr(country, field, None)
            if value:
                names.add(value.lower())
    return frozenset(names | {"britain", "great britain", "england", "scotland", "wales", "us", "u.s.", "usa",
                              "america", "russia", "iran", "syria", "south korea", "north korea", "vietnam"})


def is_country(name: str) -> bool:
    """'the Philippines', 'Venezuela': a place too wide to tell two happenings of a kind apart
    (a soldier killed in the south and a plane crash in the north, on one day)."""
    words = name.lower().split()
    while words and words[0] in ("the", "northern", "southern", "eastern", "western", "central"):
        words = words[1:]
    return " ".join(words) in _country_names()


def places(text: str) -> frozenset[str]:
    """Capitalised names after a place preposition ("in Cedar Falls", "near the city of Idlib")."""
    found = set()
    for match in _PLACE.finditer(text):
        words = match.group(1).split()
        while words and words[-1] in _CALENDAR:
            words.pop()
        if words and words[0] not in _CALENDAR and words[0] not in _HONORIFICS:
            found.add(" ".join(words))
    return frozenset(found)


def targets(text: str, words: set[str] | None = None) -> frozenset[str]:
    """What was hit or affected ("market", "hospital"), singular and lower-case. ``words``:
    ``words_of(text.lower())``, when the caller has it (for ASCII text, the same words)."""
    words = {w.lower() for w in _WORD.findall(text)} if words is None else words
    found = words.intersection(_TARGET_FORMS)
    return frozenset(_TARGET_FORMS[w] for w in found) if found else _NO_KINDS


_TARGET_FORMS = {**{w + "s": w for w in TARGETS}, **{w: w for w in TARGETS}}  # a form and its target
