"""An offset operator over a resolved date: "two days before March 3", "the day after Christmas".

Rules find the anchor ("March 3", "Christmas", "last Tuesday's"); this step, run in text order
by ``grammar.finish`` once the anchor has its value, widens the expression over an offset
written just before it ("N days|weeks|months|years before|after|prior to|ahead of") and moves
the value. The precision is the coarser of the anchor's and the offset's: days and weeks keep a
day, months give a month, years a year ("a year after the 2001 attacks" is 2002). An offset led
by "for", "within", "over"... is a stretch of time ("for two days after the vote"), not a date.
An offset before an event rather than a date ("ten days before the shooting") is left alone
here: only our resolver's dates are moved, never a guess at when an event happened;
``anchored.py`` counts it from the happening's day when the article itself tells that day.
"""
from __future__ import annotations

import re

from ..lang.en import time as en
from . import calendar as cal

_NUMBERS = "|".join(re.escape(w).replace(r"\ ", r"\s+")
                    for w in sorted([w for w in en.NUMBERS if en.NUMBERS[w]], key=len, reverse=True))
_OFFSET = re.compile(
    r"(?i)\b(?P<n>the|\d{1,3}|" + _NUMBERS + r")\s+(?P<u>days?|nights?|weeks?|months?|years?)\s+"
    r"(?P<dir>" + "|".join(w.replace(" ", r"\s+") for w in en.OFFSET_BEFORE + en.OFFSET_AFTER) + r")"
    r"\s+(?:the\s+)?$")
_LEAD = re.compile(r"(?i)\b([a-z]+)\s+$")


def offset_before(text: str, start: int, value: str, precision: str) -> tuple[int, str, str] | None:
    """(new start, value, precision) when an offset is written just before ``text[start:]``."""
    if precision not in ("day", "month", "year"):
        return None
    left = text[max(0, start - 40):start]
    m = _OFFSET.search(left)
    if m is None:
        return None
    lead = _LEAD.search(left, 0, m.start())
    if lead and lead.group(1).lower() in en.OFFSET_DURATION_LEAD:
        return None
    word = re.sub(r"\s+", " ", m["n"].lower())
    if word == "the":
        if not m["u"].lower().startswith(("day", "night")) or m["u"].lower().endswith("s"):
            return None  # "the week before Christmas" is a week, not a day; "the days after" a stretch
        n = 1
    else:
        n = int(word) if word.isdigit() else en.NUMBERS.get(word, 0)
    if n <= 0:
        return None
    sign = -1 if re.sub(r"\s+", " ", m["dir"].lower()) in en.OFFSET_BEFORE else 1
    unit = m["u"].lower().rstrip("s")
    parts = [int(p) for p in value.split("-")]
    new_start = start - len(left) + m.start()
    if unit in ("day", "night", "week"):
        if precision != "day":
            return None  # "two days after March": no day to count from
        d = cal.ymd(*parts)
        moved = cal.shift(d, sign * n * (7 if unit == "week" else 1)) if d else None
        return (new_start, moved.isoformat(), "day") if moved else None
    if unit == "month":
        if precision == "year":
            return None
        y, mo = cal.month_add(parts[0], parts[1], sign * n)
        v = cal.mval(y, mo)
        return (new_start, v, "month") if v else None
    v = cal.yval(parts[0] + sign * n)
    return (new_start, v, "year") if v else None
