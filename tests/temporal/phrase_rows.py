"""What the phrase suites share: rows of (reference date, text, the value of the last expression
with a value, None when none has one), and the one check every row gets."""
from __future__ import annotations

from datetime import date

from timeline.temporal import tag

Row = tuple[date, str, str | None]


class Rows(list[Row]):
    """A suite's rows, written in groups that share a reference date."""

    def group(self, ref: date, rows: list[tuple[str, str | None]]) -> None:
        self.extend((ref, text, value) for text, value in rows)


def precision_of(value: str | None) -> str:
    """The precision a value's form says: a range has a slash, else its length tells."""
    if value is None:
        return "unknown"
    return "range" if "/" in value else {4: "year", 7: "month", 10: "day"}[len(value)]


def check_last_value(ref: date, text: str, value: str | None) -> None:
    """The last expression with a value has ``value`` and the precision its form says."""
    found = [e for e in tag(text, ref) if e.value]
    got = (found[-1].value, found[-1].precision) if found else (None, "unknown")
    assert got == (value, precision_of(value))
