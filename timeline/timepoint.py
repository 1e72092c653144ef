"""One value type for the points in time a briefing holds: ``2024``, ``2024-11``,
``2024-11-29`` and ranges ``A/B`` (the EDTF level-0 subset).

``Period`` answers everything the stages used to re-derive each in its own way: the
precision a value has, its first and last day, the key it sorts by (coarser first within a
day: 2024 < 2024-11 < 2024-11-29), cutting it to a coarser precision, whether two readings
nest, and how a reader sees it. Pure and dependency-free. ``models.TimePoint`` (what a
briefing stores) carries one as ``TimePoint.period``; verify, merge, the filters, the
summary check, the renderers and the date evaluator all ask it, and nothing else parses
these strings or reads a precision off their length.

Why not the ``edtf`` package (measured with ``bench/compare_edtf.py``, docs/benchmarks.md): it
agrees with this class on the first and last day of every value we tried, and reads much more
(uncertain and approximate dates, seasons), but it pulls in pyparsing, costs ~2.6 s to import
on this machine and parsed three orders of magnitude slower (0.38 s against 0.17 ms per value,
same run, a loaded machine), and has no clipping to a precision or reader display. A briefing
only ever holds the level-0 subset (a value never gets a precision the text does not give),
so a small class of our own is the simpler and faster fit.
"""
from __future__ import annotations

import calendar
import re
from timeline.lang.en import dates as calendar_words
from dataclasses import dataclass
from datetime import date

_MONTHS = list(calendar_words.MONTH_ABBREVIATIONS_SHORT)
_PART = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
_LENGTH = {"year": 4, "month": 7, "day": 10}
RANK = {"year": 0, "month": 1, "day": 2, "range": 3, "unknown": 4}


def precision_of(value: str | None) -> str:
    """'year', 'month', 'day', 'range' or 'unknown' (None or not an ISO prefix)."""
    if not value:
        return "unknown"
    if "/" in value:
        return "range"
    return {4: "year", 7: "month", 10: "day"}.get(len(value), "unknown")


@dataclass(frozen=True)
class Period:
    """An ISO prefix or an ``A/B`` range, with the days it covers."""

    value: str

    @classmethod
    def parse(cls, value: str) -> Period:
        """The period ``value`` denotes; ValueError when it is not one of the four shapes."""
        parts = value.split("/", 1)
        for part in parts:
            match = _PART.match(part)
            if not match:
                raise ValueError(f"not an ISO date prefix or range: {value!r}")
            year, month, day = match.groups()
            if month and not 1 <= int(month) <= 12:
                raise ValueError(f"no month {month} in {value!r}")
            if day:
                date(int(year), int(month), int(day))  # raises ValueError for 2024-02-30
        return cls(value)

    @classmethod
    def of(cls, value: str | None) -> Period | None:
        """``Period(value)`` for a value, None for None or "" (an unresolved expression)."""
        return cls(value) if value else None

    @property
    def precision(self) -> str:
        return precision_of(self.value)

    @property
    def rank(self) -> int:
        """How fine the precision is: year 0 < month 1 < day 2 < range 3 (< unknown 4)."""
        return RANK[self.precision]

    @property
    def ends(self) -> tuple[str, ...]:
        """The ISO values it is written with: one, or a range's start and end."""
        return tuple(self.value.split("/", 1))

    @property
    def day(self) -> date | None:
        """The calendar day of a day-precision value; None for any other precision (or junk)."""
        if self.precision != "day":
            return None
        try:
            return date.fromisoformat(self.value)
        except ValueError:
            return None

    def covers(self, other: Period) -> bool:
        """True when ``other`` is this value written finer ('2024' covers '2024-11-29'; a range's
        start value is read as the range written finer), or the same value."""
        return _prefix(self.value, other.value)

    def nests(self, other: Period) -> bool:
        """True when one covers the other: two readings of one date at different precisions."""
        return self.covers(other) or other.covers(self)

    def days_apart(self, other: Period) -> int:
        """Whole days between the first days of the two periods."""
        return abs((self.bounds[0] - other.bounds[0]).days)

    @property
    def bounds(self) -> tuple[date, date]:
        """First and last day the period covers."""
        if "/" in self.value:
            a, b = self.value.split("/", 1)
            return Period(a).bounds[0], Period(b).bounds[1]
        parts = [int(p) for p in self.value.split("-")[:3]]
        if len(parts) == 1:
            return date(parts[0], 1, 1), date(parts[0], 12, 31)
        if len(parts) == 2:
            return date(parts[0], parts[1], 1), date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
        return date(*parts), date(*parts)

    @property
    def width(self) -> int:
        """How many days it covers (1 for a day, 28-31 for a month, 365 or 366 for a year)."""
        first, last = self.bounds
        return (last - first).days + 1

    @property
    def start_key(self) -> tuple[int, int, int]:
        """Sortable (year, month, day) of the value or of a range's start; missing parts are 0,
        so a year sorts before its months and a month before its days."""
        match = _PART.match(self.value.split("/", 1)[0])
        if not match:
            return (9999, 99, 99)
        year, month, day = match.groups()
        return (int(year), int(month or 0), int(day or 0))

    def overlaps(self, since: date | None, until: date | None) -> bool:
        """True when the period overlaps [since, until] (either end open)."""
        first, last = self.bounds
        return (since is None or last >= since) and (until is None or first <= until)

    def clip(self, precision: str) -> Period:
        """The period cut to ``precision`` ('2016-05-01' to 'year' is '2016'); ranges are cut
        at both ends and collapse to one value when the ends meet."""
        length = _LENGTH[precision]
        if "/" in self.value:
            a, b = (p[:length] for p in self.value.split("/", 1))
            return Period(a if a == b else f"{a}/{b}")
        return Period(self.value[:length] if len(self.value) >= length else self.value)

    def display(self) -> str:
        """'Fri 29 Nov 2024', 'Nov 2024', '2011', or 'A – B' for a range."""
        if "/" in self.value:
            a, b = self.value.split("/", 1)
            return f"{_one(a)} – {_one(b)}"
        return _one(self.value)


def _prefix(short: str, long: str) -> bool:
    """``short`` is ``long`` cut at a part boundary ('2024' of '2024-11', not '2024-1')."""
    return long.startswith(short) and (len(long) == len(short) or long[len(short)] in "-/")


def _one(value: str) -> str:
    parts = value.split("-")
    try:
        if len(parts) == 3:
            d = date(int(parts[0]), int(parts[1]), int(parts[2]))
            return f"{d:%a} {d.day} {_MONTHS[d.month - 1]} {d.year}"
        if len(parts) == 2 and parts[1].isdigit():
            return f"{_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    except (ValueError, IndexError):
        pass
    return value


def sort_key(value: str) -> tuple[int, int, int]:
    """``Period(value).start_key``: for callers holding a string."""
    return Period(value).start_key
