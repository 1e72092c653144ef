"""The word stemmers, in one place: ``snowball`` (the Snowball English stemmer, through PyStemmer's
C build when installed) for verify's and the summary check's comparison keys, and ``light`` (a
few English suffixes off a word of at least four letters left) for merge's content words.

Two on purpose: merge's thresholds were tuned on ``light``; stemming merge's words with Snowball
changes which reports merge as one happening (measured on seeds/: a different briefing).
"""
from __future__ import annotations

import snowballstemmer  # type: ignore[import-untyped]

_SNOWBALL = snowballstemmer.stemmer("english")


def snowball(word: str) -> str:
    """The Snowball English stem of a lower-case word."""
    return str(_SNOWBALL.stemWord(word))


def light(word: str) -> str:
    """``word`` without one of -ing, -ed, -es, -s, -e when at least four letters are left."""
    for suffix in ("ing", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word
