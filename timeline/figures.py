"""Figures a report gives (tolls, counts, amounts), so sources that disagree can be flagged.

A figure is a number with what it counts: "At least 12 people were killed" is deaths=12,
"the death toll has risen to 14" is deaths=14, "40 bridges" is bridges=40. Counts of the
dead, injured and missing are grouped under one label whatever noun the report uses.
"""
from __future__ import annotations

import re

_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "dozens": None,
    "hundreds": None, "thousands": None,
}
_NUMBER = r"(?P<num>\d(?:[\d,]*\d)?(?:\.\d+)?(?:\s+(?:million|billion|thousand))?|" + "|".join(
    k for k, v in _WORD_NUMBERS.items() if v) + r")"
_QUALIFIER = r"(?P<qual>at least|more than|over|nearly|almost|about|around|some|up to)?\s*"
_CASUALTY = {
    "deaths": r"killed|dead|died|deaths|killing|lives|bodies|fatalities",
    "injured": r"injured|wounded|hurt|injuring|wounding",
    "missing": r"missing",
}
_TOLL = re.compile(r"\b(?P<kind>death|casualty) toll\b[^.;]{0,100}?\b(?:to|of|at|reached|is|was|stands at)\s+" + _QUALIFIER + _NUMBER + r"\b", re.I)
_COUNT = re.compile(r"\b" + _QUALIFIER + _NUMBER + r"\s+(?P<noun>(?:more\s+)?[a-z]+(?:\s+[a-z]+)?)", re.I)
_NOT_NOUNS = frozenset(
    "more percent per of to and or a an the p.m a.m including in on at from with by for as after before since "
    "until over under than into years year months month days day weeks week hours hour minutes times".split()
)
_YEARISH = re.compile(r"^(1[89]|20)\d\d$")


def _value(num: str) -> str:
    word = num.lower()
    if word in _WORD_NUMBERS:
        return str(_WORD_NUMBERS[word])
    return num.replace(",", "")


def figures(text: str) -> dict[str, str]:
    """{label: value as stated} for the figures in ``text`` (first mention of each label wins)."""
    found: dict[str, str] = {}
    for match in _TOLL.finditer(text):
        label = "deaths" if match.group("kind").lower() == "death" else "casualties"
        found.setdefault(label, _shown(match))
    for match in _COUNT.finditer(text):
        num = match.group("num")
        if _YEARISH.match(num) or num.isdigit() and text[match.end("num"):match.end("num") + 1] in {"%"}:
            continue
        noun = match.group("noun").lower()
        window = text[max(0, match.start() - 12):match.end("num") + 40].lower()
        casualty = next((lab for lab, words in _CASUALTY.items() if re.search(rf"\b(?:{words})\b", window)), None)
        if casualty is not None:
            label = casualty
        else:
            label = (noun.split() or [""])[0]
            if label in _NOT_NOUNS:
                continue
        found.setdefault(label, _shown(match))
    return found


def _shown(match: re.Match[str]) -> str:
    qualifier = (match.group("qual") or "").lower()
    value = _value(match.group("num"))
    return f"{qualifier} {value}".strip()


def core_number(shown: str) -> str:
    """The number of a stated figure, without its qualifier ("at least 12" -> "12")."""
    return shown.split()[-1]
