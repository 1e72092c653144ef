"""Finding a quote in an article: the one normalisation of quotes, dashes and spaces, and the search.

A model copies quotes with curly or straight marks and reflowed spaces; ``normalise`` maps both texts
to one form while keeping offsets into the original, so a found quote is an exact span of the article.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache


# The one table of quote marks: every curly, low, reversed or angle mark and prime made straight.
QUOTE_MARKS = {"“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"',
               "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'"}
QUOTES = str.maketrans(QUOTE_MARKS)
QUOTES_AND_DASHES = str.maketrans({**QUOTE_MARKS, "–": "-", "—": "-"})  # word checks also read a dash as "-"
_SPACE = re.compile(r"\s+")
_TRIM = " \t\n\"'.,;:…"
MIN_QUOTE_WORDS, MIN_QUOTE_CHARS = 3, 10


@lru_cache(maxsize=16)  # the chunk being verified and its sentences; an entry holds an int per character
def normalise(text: str) -> tuple[str, list[int]]:
    """``text`` with quote marks made straight and whitespace runs made one space, plus a
    map from each normalised character to its index in ``text``.

    Cached: every quote and time expression of a chunk is looked up in the same chunk text
    (callers must not modify the returned list)."""
    # Only the whitespace runs that change (two or more characters, or one that is not a
    # space) are visited, found by the regex engine, and the index is built from ranges: the
    # same result as a character loop (property test). Visiting every run, single spaces
    # included, was 4% of an offline briefing; a chunk has a few dozen runs that change.
    translated = text.translate(QUOTES)
    out: list[str] = []
    index: list[int] = []
    at = 0
    for run in _CHANGED_SPACE.finditer(translated):
        a, b = run.span()
        out.append(translated[at:a])
        index.extend(range(at, a))
        out.append(" ")
        index.append(a)
        at = b
    out.append(translated[at:])
    index.extend(range(at, len(translated)))
    return "".join(out), index


# A whitespace run normalise changes: two or more characters (taken whole, greedily), or a
# single one that is not a space. A run that is one space is left as it is.
_CHANGED_SPACE = re.compile(r"\s\s+|[^\S ]")


@lru_cache(maxsize=64)
def _needle(quote: str) -> str:
    """``quote`` as it is looked for: quote marks straight, whitespace runs one space, trimmed.
    Cached: verify asks ``substantial`` and then ``find_quote`` of every proposal's quote."""
    return _SPACE.sub(" ", quote.translate(QUOTES)).strip(_TRIM)


def substantial(quote: str) -> bool:
    """Evidence must be a real quote: "said" or "the" is found in any article, so a quote
    that short would ground anything (an injected instruction's invented event included)."""
    needle = _needle(quote)
    return len(needle) >= MIN_QUOTE_CHARS and len(needle.split()) >= MIN_QUOTE_WORDS


@lru_cache(maxsize=16)  # the chunk being verified: every quote of it is looked up in it
def _normalised(text: str) -> tuple[str, list[int], list[int]]:
    """``normalise(text)``'s string, and its map of offsets kept as the changed runs only:
    ``ends[i]`` is the normalised offset just after run i's one space, ``shifts[i]`` how many
    characters the runs up to i removed. ``_original`` reads an offset from them. Why (issue 26):
    ``normalise`` builds an int per character of the chunk (4,000 for a chunk) for the two
    offsets each quote needs; a chunk has a few dozen runs that change."""
    translated = text.translate(QUOTES)
    out: list[str] = []
    ends: list[int] = []
    shifts: list[int] = []
    at = removed = 0
    for run in _CHANGED_SPACE.finditer(translated):
        a, b = run.span()
        out.append(translated[at:a])
        out.append(" ")
        removed += b - a - 1
        ends.append(b - removed)
        shifts.append(removed)
        at = b
    out.append(translated[at:])
    return "".join(out), ends, shifts


def _original(ends: list[int], shifts: list[int], offset: int) -> int:
    """The offset in the text of ``offset`` in its normalised form (``normalise``'s index[offset])."""
    i = bisect_right(ends, offset)
    return offset + shifts[i - 1] if i else offset


def find_quote(quote: str, text: str, near: int | None = None) -> tuple[int, int] | None:
    """(start, end) of ``quote`` in ``text`` after normalisation, the occurrence nearest
    ``near`` when there are several; None when it is not there."""
    needle = _needle(quote)
    if len(needle) < 3:
        return None
    haystack, ends, shifts = _normalised(text)
    # str.find, not re.finditer(re.escape(needle)): a fresh pattern per quote overflowed re's
    # cache and compiling them was a fifth of an offline briefing's time. Same hits (leftmost,
    # non-overlapping).
    hits = []
    at = haystack.find(needle)
    while at >= 0:
        hits.append(at)
        at = haystack.find(needle, at + len(needle))
    if not hits:
        return None
    start = hits[0] if near is None else min(hits, key=lambda h: abs(_original(ends, shifts, h) - near))
    end = start + len(needle)
    return _original(ends, shifts, start), _original(ends, shifts, end - 1) + 1
