"""How a briefing words a value and its source in prose, the same way everywhere.

Shared by the summary (a relative date pinned: "today (Mon 10 Mar 2025)"), its disagreement
sentences (``disagreements.py``, a pipeline stage) and every renderer (``render/common.py`` re-exports these), so a value and who gave it read
the same in the summary and in every format. Neutral ground: it imports only the data model
and ``timepoint``, so the pipeline reaches no renderer through it.
"""
from __future__ import annotations

import re

from timeline.models import ConflictValue, TimePoint
from timeline.timepoint import Period

MODEL_READING = "model's reading (unverified)"

# How a figure label reads in "Sources disagree on the number of ...".
LABEL_TEXT = {"evacuated": "people evacuated", "displaced": "people displaced", "arrested": "arrests",
              "missing": "people missing", "injured": "injured", "amount": "amount"}


def figure_subject(label: str) -> str:
    """What a figure label counts, as prose after "disagree on": "the number of deaths", "the
    amount", "the stake (percent)"."""
    if label == "amount":
        return "the amount"
    if label.endswith("(percent)"):
        return f"the {label}"
    return f"the number of {LABEL_TEXT.get(label, label)}"


def format_when(when: TimePoint | None) -> str:
    """'2011', 'Nov 2024', 'Fri 29 Nov 2024', a range, or the unresolved expression."""
    if when is None:
        return "undated"
    if not when.value:
        return f"“{when.text}” (unresolved)"
    shown = Period(when.value).display()
    return f"{shown} — {MODEL_READING}" if when.model_reading else shown


_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
_COMPOUND_WORD = re.compile(r"\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-"
                            r"(one|two|three|four|five|six|seven|eight|nine)\b", re.IGNORECASE)
_NUMBER_WORD = re.compile(r"\b(?:" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")\b", re.IGNORECASE)


def as_number(shown: str) -> str:
    """A stated figure as readers compare it, its number in digits ("Five" -> "5", "at least
    nine" -> "at least 9", "Twenty-two" -> "22"); the value is kept as written in the data."""
    shown = _COMPOUND_WORD.sub(lambda m: str(_NUMBER_WORDS[m.group(1).lower()] + _NUMBER_WORDS[m.group(2).lower()]), shown)
    return _NUMBER_WORD.sub(lambda m: str(_NUMBER_WORDS[m.group().lower()]), shown)


def format_value(value: str) -> str:
    """An ISO value as shown to readers: 'Mon 10 Mar 2025', 'Nov 2024', '2011', 'A – B'."""
    return Period(value).display()


def short(text: str, words: int = 10) -> str:
    """The first ``words`` words of ``text``, with an ellipsis when cut."""
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def joined(said: list[str]) -> str:
    """The attributions after a value: ", according to X (Outlet)" or " (Outlet)"."""
    if not said:
        return ""
    text = "; ".join(said)
    return (", " if text.startswith("according") else " ") + text


def who_said(value: ConflictValue) -> str:
    """'according to the county (Valley News)', '(Valley News)', or '' when nothing is known."""
    outlet = f"({value.source})" if value.source else ""
    if value.attribution:
        return f"according to {value.attribution} {outlet}".strip()
    return outlet
