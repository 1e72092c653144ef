"""Value types of the time grammar: what a rule proposes (``Cand``) and what callers get back."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Precision = Literal["year", "month", "day", "range", "unknown"]


@dataclass(frozen=True)
class TimeExpression:
    """One time expression found in a text, with its resolved value (None when unresolvable).

    ``kind`` is "point" (a calendar date, month, year or range), "start" ("since X"), "end"
    ("until X", "by X"), "duration" ("three years"), "vague" ("recently") or "set" ("every
    Monday"). Durations, vague references and sets always have ``value`` None.
    ``anchor`` says what a relative value was resolved against: "published" (the reference
    date), "narrative:YYYY-MM-DD" (the last date the paragraph was at: "the previous day") or
    None for absolute expressions ("March 3, 2019"). ``rule`` names the grammar rule that
    produced the expression (for tests and debugging; not part of equality).
    """

    text: str
    start: int
    end: int
    value: str | None
    precision: Precision
    kind: str = "point"
    anchor: str | None = None
    rule: str | None = field(default=None, compare=False)


@dataclass
class Cand:
    """A rule's proposal before overlaps are settled and narrative references resolved.

    ``anaphor`` names a reference to the narrative's current date ("day:-1" for "the previous
    day", "weekday:+0" for "the following Monday"); it is resolved in text order by the grammar.
    """

    start: int
    end: int
    value: str | None
    precision: str
    kind: str = "point"
    anaphor: str | None = None
    relative: bool = False  # resolved against the publication date
    # (month, day) of a month-day told without a year, weekday or "last"/"next" ("Jan. 6"):
    # the grammar gives it the year the same day was told with earlier in the text
    bare_day: tuple[int, int] | None = None
    # a happening named by its day ("after the September 11 attacks"): background, it does not
    # move the story's date that later clock times and "that day" are read against
    background: bool = False
    rule: str | None = None  # the name of the rule that proposed it (set by the grammar)
