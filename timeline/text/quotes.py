"""Finding a quote in an article: the one normalisation of quotes, dashes and spaces, and the search.

A model copies quotes with curly or straight marks and reflowed spaces; ``normalise`` maps both texts
to one form while keeping offsets into the original, so a found quote is an exact span of the article.
"""
from __future__ import annotations

import re
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


def find_quote(quote: str, text: str, near: int | None = None) -> tuple[int, int] | None:
    """(start, end) of ``quote`` in ``text`` after normalisation, the occurrence nearest
    ``near`` when there are several; None when it is not there."""
    needle = _needle(quote)
    if len(needle) < 3:
        return None
    haystack, index = normalise(text)
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
    start = hits[0] if near is None else min(hits, key=lambda h: abs(index[h] - near))
    end = start + len(needle)
    return index[start], index[end - 1] + 1
