"""Calendar arithmetic the rules share: month steps, ranges, quarters, seasons, holidays."""
from __future__ import annotations

from datetime import date, timedelta

from dateutil.easter import easter

from ..lang.en import time as en

MIN_YEAR, MAX_YEAR = 1, 9999


def ymd(y: int, m: int, d: int) -> date | None:
    """The date, or None when it does not exist (31 April, year 0 or 10000)."""
    try:
        return date(y, m, d)
    except (ValueError, OverflowError):
        return None


def shift(d: date, days: int) -> date | None:
    """``d`` plus ``days``, or None past the calendar's ends (year 1 and 9999)."""
    try:
        return d + timedelta(days=days)
    except OverflowError:
        return None


def month_add(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def year_ok(y: int) -> bool:
    return MIN_YEAR <= y <= MAX_YEAR


def mval(y: int, m: int) -> str | None:
    return f"{y:04d}-{m:02d}" if year_ok(y) else None


def yval(y: int) -> str | None:
    return f"{y:04d}" if year_ok(y) else None


def last_day(y: int, m: int) -> int:
    if m == 12:
        return 31
    return (date(y, m + 1, 1) - timedelta(days=1)).day


def span(a: date | None, b: date | None) -> str | None:
    return f"{a.isoformat()}/{b.isoformat()}" if a and b else None


def quarter_range(y: int, q: int) -> str | None:
    if not year_ok(y) or not 1 <= q <= 4:
        return None
    m = 3 * (q - 1) + 1
    return span(date(y, m, 1), date(y, m + 2, last_day(y, m + 2)))


def season_range(y: int, code: str) -> str | None:
    """Meteorological seasons (northern hemisphere); winter Y runs Dec Y .. Feb Y+1."""
    if not MIN_YEAR <= y < MAX_YEAR:
        return None
    if code == "WI":
        return span(date(y, 12, 1), date(y + 1, 2, last_day(y + 1, 2)))
    m = {"SP": 3, "SU": 6, "FA": 9}[code]
    return span(date(y, m, 1), date(y, m + 2, last_day(y, m + 2)))


def week_range(d: date | None) -> str | None:
    """The Monday-to-Sunday week containing ``d``."""
    if d is None:
        return None
    monday = shift(d, -d.weekday())
    return span(monday, shift(monday, 6) if monday else None)


def season_year(ref: date, code: str, mod: str) -> int:
    """Year label of the season meant by this/last/next/(none) relative to ref."""
    start_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    y = ref.year - 1 if code == "WI" and ref.month <= 2 else ref.year
    if mod == "last":
        start = date(y, start_month, 1)
        end_y, end_m = month_add(y, start_month, 2)
        end = date(end_y, end_m, last_day(end_y, end_m)) if year_ok(end_y) else date.max
        return y if end < ref else y - 1 if start >= ref or end >= ref else y
    if mod == "next":
        return y if date(y, start_month, 1) > ref else y + 1
    if mod == "past":  # told in the past tense: the latest one that had begun by ref
        return y if date(y, start_month, 1) <= ref else y - 1
    if mod == "future":  # told in the future tense: the one under way, else the coming one
        end_y, end_m = month_add(y, start_month, 2)
        return y if not year_ok(end_y) or date(end_y, end_m, last_day(end_y, end_m)) >= ref else y + 1
    return y


def nth_weekday(y: int, m: int, weekday: int, n: int) -> date | None:
    """The n-th ``weekday`` (0 = Monday) of month m in year y; n = -1 is the last one."""
    if not year_ok(y):
        return None
    if n < 0:
        last = date(y, m, last_day(y, m))
        return shift(last, -((last.weekday() - weekday) % 7) + 7 * (n + 1))
    first = date(y, m, 1)
    d = shift(first, (weekday - first.weekday()) % 7 + 7 * (n - 1))
    return d if d and d.month == m else None


def holiday(name: str, y: int) -> date | None:
    """The date of a named holiday (``en`` tables) in year y, computed where it moves."""
    if not year_ok(y):
        return None
    if name in en.FIXED_HOLIDAYS:
        return ymd(y, *en.FIXED_HOLIDAYS[name])
    if name in en.WEEKDAY_HOLIDAYS:
        return nth_weekday(y, *en.WEEKDAY_HOLIDAYS[name])
    if name in en.DERIVED_HOLIDAYS:
        base, days = en.DERIVED_HOLIDAYS[name]
        d = holiday(base, y)
        return shift(d, days) if d else None
    if name in en.EASTER_HOLIDAYS:
        return shift(easter(y), en.EASTER_HOLIDAYS[name])
    if name == en.ELECTION_DAY:
        monday = nth_weekday(y, 11, 0, 1)
        return shift(monday, 1) if monday else None
    return None


def two_digit_year(yy: int, ref: date | None) -> int:
    """'98 -> 1998, '05 -> 2005: the century that puts the year at most ten years after ``ref``."""
    pivot = (ref.year if ref else 2030) % 100 + 10
    return 2000 + yy if yy <= pivot else 1900 + yy
