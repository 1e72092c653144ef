"""The English time grammar: one decorated handler per rule, its test rows beside it.

Each rule is ``@GRAMMAR.rule(pattern, family, examples=[(reference, text, value, precision)])``
and a handler ``(match, text, reference, lenient) -> Cand | list[Cand] | None``. Rules compose
from shared pieces: an anchor (a date, month, weekday, holiday, "today", a clock time) and
operators around it (ordinal-of, last-of, N units before/after/from, this/next/last, part of a
day or year). Vocabulary comes from ``timeline.lang.en``; calendar arithmetic from
``calendar``; clause tense from ``tense``. Registration order is precedence on equal spans.

Numeric dates: ``2019-07-04``, ``2019-7-4``, ``2019/07/04`` and ``2019-06`` (year-month) are
year first. In ``A/B/YYYY``, ``A-B-YYYY`` and ``A.B.YYYY`` a part above 12 is the day; when
both are 12 or less, slashes or dashes mean month-day (US use, the common order in
English-language news) and dots say nothing (day-month in most of Europe, month-day to a US
reader): "5.3.2024" is left unresolved.

Precision is what the text gives: "two weeks ago" is the Monday-Sunday week that contains the
day 14 days back (a range), "three days ago" is a day, "two months ago" a month, "early 2016"
a year; seasons, quarters, halves, decades and centuries are ranges.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from ..lang.en import time as en
from . import calendar as cal
from .grammar import Grammar, Result
from .model import Cand
from .tense import tense, tense_cue


def _alt(words: list[str] | tuple[str, ...]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]")
                    for w in sorted(words, key=len, reverse=True))


# --------------------------------------------------------------------------- pattern pieces

_WEEKDAY_NUMBER = {**en.WEEKDAYS, **en.WEEKDAY_MISSPELLINGS}  # "Wendesday" is read as Wednesday
_MONTH_NUMBER = {**en.MONTHS, **en.MONTH_MISSPELLINGS}  # "Febuary" as February
_MONTH_FULL = "|".join(list(en.MONTH_NAMES) + [w.capitalize() for w in en.MONTH_MISSPELLINGS])
_MONTH_DOT = "|".join(a + r"\." for a in en.MONTH_ABBREVIATIONS)
_MONTH_ABBR = "|".join(en.MONTH_ABBREVIATIONS)
_MONTH_FULL_NOCASE = "|".join(m for m in en.MONTH_NAMES if m.lower() not in en.AMBIGUOUS_MONTHS)
# with a day or a year next to it a month name is unambiguous, so any case is read there
# lower-case abbreviations too ("jun 20", "20 jun"), but not "mar" (a verb) or "dec" (a declared innings)
_MONTH_ABBR_LOWER = "|".join(a.lower() for a in en.MONTH_ABBREVIATIONS if a.lower() not in en.AMBIGUOUS_ABBREVIATIONS)
_MONTH_ANY = (rf"(?:(?:{_MONTH_FULL}|{_MONTH_FULL.upper()}|(?i:{_MONTH_FULL}))\b|(?:{_MONTH_ABBR})\b\.?"
              rf"|(?:{_MONTH_ABBR.upper()})\b\.?|(?:{_MONTH_ABBR_LOWER})\b\.?)")
_MONTH_WORD = rf"(?:{_MONTH_FULL}|{_MONTH_FULL.upper()})\b|(?:{_MONTH_DOT})"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY" \
           r"|SATURDAY|SUNDAY" + "".join("|" + w.capitalize() for w in en.WEEKDAY_MISSPELLINGS) + ")"
_WEEKDAY_I = r"(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday" + "".join(
    "|" + w for w in en.WEEKDAY_MISSPELLINGS) + ")"  # no empty alternative when the table is empty
_WEEKDAY_ABBR = r"(?P<wa>(?i:mon|tues?|weds?|thu(?:rs?)?|fri|sat|sun))\.?(?![\w'’-])"
_WEEKDAY_ABBR_NUMBER = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "weds": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4,
                        "sat": 5, "sun": 6}
# before a date: an abbreviation that is also a word ("sat", "sun", "mon", "wed") only capitalised,
# so "He sat 14 June exams" keeps its verb
_WEEKDAY_ABBR_DATE = (r"(?P<wa>Mon|MON|Wed|WED|Sat|SAT|Sun|SUN|(?i:tues?|weds|thu(?:rs?)?|fri))\.?(?![\w'’-])")
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d|[.,]\d)"
_YEAR = r"(?:1[0-9]|20|21)\d\d"
_NUMWORD = (r"(?:\d+(?:\.\d+)?|(?i:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-]+"
            r"(?i:one|two|three|four|five|six|seven|eight|nine)\b|a\s+couple\s+of|a\s+couple|couple\s+of|a\s+dozen|a\s+hundred|half\s+a|"
            r"half\s+an|a\s+few|few|several|many|some|dozens\s+of|hundreds\s+of|"
            r"an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
            r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
            r"eighty|ninety|hundred)")
_UNIT = r"(?:year|month|week|day|decade|centur(?:y|ie)|hour|minute|fortnight|quarter|night|weekend|yr|wk|hr|min)"
_SPOKEN_YEAR = (r"(?i:nineteen[\s-]+(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
                r"(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|"
                r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred)"
                r"|two\s+thousand(?:\s+and)?(?:\s+(?:twenty(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?|"
                r"one|two|three|four|five|six|seven|eight|nine|ten|"
                r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))?"
                r"|twenty[\s-]+(?:twenty(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|"
                r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))\b")
_ORDINAL = r"(?i:first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th|last|final)"
_HOLIDAY_NAMES = (list(en.FIXED_HOLIDAYS) + list(en.WEEKDAY_HOLIDAYS) + list(en.DERIVED_HOLIDAYS)
                  + list(en.EASTER_HOLIDAYS) + [en.ELECTION_DAY])
_HOLIDAY = "(?i:" + _alt([h for h in _HOLIDAY_NAMES if h not in ("the fourth of july",)]) + ")"
_TZ = "|".join(en.TIME_ZONES)
_CLOCK = (r"(?:(?:[01]?\d|2[0-3]):[0-5]\d(?:\s*(?:[ap]\.?m\b\.?))?|(?:[01]?\d|2[0-3])\.[0-5]\d\s*[ap]\.?m\b\.?|(?:1[0-2]|0?[1-9])\s*(?:[ap]\.m\b\.?|[ap]m\b)"
          r"|(?:[01]\d|2[0-3])[0-5]\d(?=\s*(?:" + _TZ + r")\b))(?:\s*(?P<tzp>\()?(?:" + _TZ + "|" + _alt(en.CLOCK_ZONE_WORDS)
          + r")\b(?:\s*[+-]\s*\d{1,2})?(?(tzp)\)))?")

# the ordinal words of days 10 to 31 ("on the twenty-eighth"); "on the third" is as often a
# round, a hole or an attempt as a day
_ORDINAL_DAY_LATE = "(?i:" + _alt([w for w, d in en.ORDINAL_DAYS.items() if d >= 10]
                                  + [w.replace("-", " ") for w, d in en.ORDINAL_DAYS.items() if "-" in w]) + r")\b"
_ORDINAL_DAY = "(?i:" + _alt(list(en.ORDINAL_DAYS) + [w.replace("-", " ") for w in en.ORDINAL_DAYS if "-" in w]) + r")\b"

_TOKEN = re.compile(r"[Qq][1-4]\b|[A-Za-z]+|\d+(?:st|nd|rd|th)?|['’]\d\d")
_ANCHOR_WORDS: dict[str, str] = {}
for _words, _fam in (
    (list(en.MONTHS) + [m.lower() for m in en.MONTH_NAMES] + list(en.MONTH_MISSPELLINGS), "month"),
    (list(en.WEEKDAYS) + list(en.WEEKDAY_MISSPELLINGS), "wd"),
    ("""years year months month weeks week weekend weekends days day decade decades century centuries hours hour
        minutes minute moments seconds hr hrs min mins fortnight fortnights quarter quarters quarterly qtr nights night spring springs summer
        summers autumn autumns fall falls winter winters half daily weekly monthly annually yearly nightly
        earlier later q1 q2 q3 q4 yr yrs wk wks mondays tuesdays wednesdays thursdays fridays saturdays sundays""".split(), "unit"),
    (list(en.RELATIVE_DAY_SHORT), "rel"),
    ("today tonight tomorrow tmrw yesterday morning afternoon evening overnight midday noon midnight dawn dusk daybreak "
     "clock".split(), "rel"),
    ("""recent recently lately current currently nowadays now past future time times previously formerly soon
        date far present these""".split(), "vague"),
    ("nineteen thousand twenty thirty".split(), "spoken"),
    ([w for w, d in en.ORDINAL_DAYS.items() if d >= 10 and "-" not in w], "num"),
    ("""christmas boxing independence halloween valentine bastille armistice veterans patrick juneteenth groundhog
        remembrance thanksgiving memorial labor labour luther mlk presidents columbus mother father easter
        pentecost whit ascension shrove mardi maundy election fourth cyber flag canada australia xmas burns bonfire
        fawkes andrew david george hogmanay fools fool earth cinco anzac waitangi saints souls mothering pancake
        indigenous""".split(),
     "holiday"),
    (list(en.DECADE_WORDS), "unit"),
    (["fy", "fiscal"], "num"),
    ("mon tue tues wed weds thu thur thurs fri sat sun".split(), "abbr"),
):
    for _w in _words:
        _ANCHOR_WORDS.setdefault(_w, _fam)
_NUM_TAIL = re.compile(r"[/.:-]\d|[QH]['’]?\d|\s?(?:[ap]\.?m\b|(?:" + _TZ + r")\b)", re.IGNORECASE)


def _family(text: str, m: re.Match[str]) -> str | None:
    """The anchor family of a token that is not a plain word: a shape test for numbers."""
    tok = m.group()
    first = tok[0]
    if first.isalpha():  # Q1..Q4 (plain words are looked up in _ANCHOR_WORDS by the grammar)
        return "unit" if tok[0] in "Qq" and tok[1:] in ("1", "2", "3", "4") else None
    if first in "'’":
        return "num"
    if not tok[-1].isdigit():
        return "num"  # 3rd, 22nd
    if len(tok) == 4 and "1000" <= tok <= "2199":
        return "num"
    if _NUM_TAIL.match(text, m.end()) or (len(tok) == 2 and tok[1] == "0" and text.startswith("s", m.end())):
        return "num"  # "3/22", "5pm"; "the 90s"
    return None


ANCHOR_FAMILIES = frozenset({"month", "wd", "unit", "rel", "vague", "spoken", "holiday", "num", "abbr"})
GRAMMAR = Grammar(_TOKEN, _ANCHOR_WORDS, _family, ANCHOR_FAMILIES)
rule = GRAMMAR.rule

# --------------------------------------------------------------------------- helpers


def _prev_word(text: str, pos: int) -> str:
    m = re.search(r"(\S+)\s*$", text[max(0, pos - 30):pos])
    return m.group(1).lower() if m else ""


def _next_word(text: str, pos: int) -> str:
    m = re.match(r"\s*([\w.%$'-]+)", text[pos:pos + 30])
    return m.group(1) if m else ""


def _point(m: re.Match[str], value: str | None, precision: str, kind: str = "point", start: int | None = None,
           end: int | None = None, relative: bool = False) -> Cand:
    return Cand(m.start() if start is None else start, m.end() if end is None else end,
                value, precision if value else "unknown", kind, relative=relative)


def _day(m: re.Match[str], d: date | None, relative: bool = False) -> Cand:
    return _point(m, d.isoformat() if d else None, "day", relative=relative)


def _anaphor(m: re.Match[str], code: str, start: int | None = None, end: int | None = None) -> Cand:
    c = _point(m, None, "unknown", start=start, end=end)
    c.anaphor = code
    return c


def _month_of(word: str) -> int:
    return _MONTH_NUMBER[word.lower().rstrip(".")]


_TENS = frozenset("twenty thirty forty fifty sixty seventy eighty ninety".split())
_UNITS = frozenset("one two three four five six seven eight nine".split())


def _num(word: str) -> int | None:
    w = re.sub(r"\s+", " ", word.lower())
    if w[0].isdigit():
        try:
            return int(float(w))
        except (ValueError, OverflowError):
            return None
    tens, _, unit = w.replace("-", " ").partition(" ")
    if unit and tens in _TENS and unit in _UNITS:
        return en.NUMBERS[tens] + en.NUMBERS[unit]  # "thirty-two": it was read as "two years ago"
    return en.NUMBERS.get(w)


def _spoken_year(s: str) -> int:
    words = re.split(r"[\s-]+", s.lower())
    if words[0] in ("two", "twenty"):  # two thousand (and) X, twenty X ("twenty twenty-one")
        rest = [w for w in words[(2 if words[0] == "two" else 1):] if w != "and"]
        if not rest:
            return 2000
        tens = en.SPOKEN_TENS.get(rest[0], 0)
        unit = en.SPOKEN_UNITS.get(rest[1], 0) if tens and len(rest) > 1 else 0
        return 2000 + (tens + unit if tens else en.SPOKEN_UNITS.get(rest[0]) or en.SPOKEN_TEENS.get(rest[0]) or 0)
    tail = words[1:]
    if tail == ["hundred"]:
        return 1900
    if tail[0] in en.SPOKEN_TEENS:
        return 1900 + en.SPOKEN_TEENS[tail[0]]
    return 1900 + en.SPOKEN_TENS[tail[0]] + (en.SPOKEN_UNITS.get(tail[1], 0) if len(tail) > 1 else 0)


def weekday_date(ref: date, wd: int, mod: str, clause: str | None) -> date | None:
    """The weekday meant by last/next/this/(bare) relative to ref; bare ones follow the tense."""
    back = (ref.weekday() - wd) % 7
    fwd = (wd - ref.weekday()) % 7
    if mod == "last" and back == 1:
        # yesterday is "yesterday" or "on Tuesday": "last Tuesday" on a Wednesday is the week
        # before (real wire copy, published on a Thursday: "the first round of voting held last
        # Wednesday" was eight days earlier; "last Monday and Tuesday, or on Nov. 6 and Nov. 7")
        return cal.shift(ref, -8)
    if mod in ("last", "this past", "past"):
        return cal.shift(ref, -(back or 7))
    if mod in ("next", "coming", "this coming"):
        return cal.shift(ref, fwd or 7)
    if mod == "this" and clause != "future":
        # "this Friday": the Friday of this week ("said this Friday would be decisive": the past
        # verb is the saying's); a future clause takes the coming one ("will meet this Monday")
        return cal.shift(ref, wd - ref.weekday())
    if clause == "future":
        return cal.shift(ref, fwd)
    return cal.shift(ref, -back)


def month_year(ref: date, month: int, mod: str, clause: str | None) -> int:
    if mod == "last":
        return ref.year if month < ref.month else ref.year - 1
    if mod == "next":
        return ref.year if month > ref.month else ref.year + 1
    if mod == "this":
        return ref.year
    if clause == "future":
        return ref.year if month >= ref.month else ref.year + 1
    return ref.year if month <= ref.month else ref.year - 1


def nearest_date(ref: date, dates: list[date], clause: str | None) -> date | None:
    """Of the same month-day (or holiday) in neighbouring years, the one the clause means.

    Future tense: the next one ("future!", a plain "will", is never second-guessed); past: the
    last one; in both cases a candidate most of a year
    away loses to one within two months on the other side (a deadline in a report: "must
    return by Jan. 14"; "where the Aug. 7 blasts killed" after a "would");
    no cue: the nearest, but not one more than four months ahead (news reports the past).
    """
    if not dates:
        return None
    past = [d for d in dates if d <= ref]
    fut = [d for d in dates if d >= ref]
    if clause == "future!" and fut:  # a plain future ("will"): no second guess
        return fut[0]
    if clause in ("future", "future!") and fut:
        if past and (fut[0] - ref).days > 300 and (ref - past[-1]).days <= 60:
            return past[-1]  # "would" or "to" misread: a recent date, not one most of a year away
        return fut[0]
    if clause == "past!" and past:  # "was on 4 July": the last one, however far
        return past[-1]
    if clause == "past" and past:
        if fut and (ref - past[-1]).days > 300 and (fut[0] - ref).days <= 60:
            return fut[0]
        return past[-1]
    if past and fut and (fut[0] - ref).days > 120:
        return past[-1]
    return min(dates, key=lambda d: (abs((d - ref).days), d > ref))


def month_day_date(ref: date, month: int, day: int, clause: str | None) -> date | None:
    found = [cal.ymd(y, month, day) for y in (ref.year - 1, ref.year, ref.year + 1)]
    return nearest_date(ref, [d for d in found if d], clause)


# --------------------------------------------------------------------------- rules: numeric dates


@rule(r"\b(?P<y>" + _YEAR + r")(?:(?P<sep>[-/])(?P<m>0?[1-9]|1[0-2])(?P=sep)(?P<d>0?[1-9]|[12]\d|3[01])(?![\d/-])"
      r"|\.(?P<m2>0[1-9]|1[0-2])\.(?P<d2>0[1-9]|[12]\d|3[01])(?!\d|\.\d))",
      "num", examples=[("2025-03-05", "dated 2013-03-22.", "2013-03-22", "day"),
                       ("2025-03-05", "on 2019-7-4 it", "2019-07-04", "day"),
                       ("2025-03-05", "on 2019/07/04 it", "2019-07-04", "day"),
                       ("2025-03-05", "He died 2023.03.03.", "2023-03-03", "day"),
                       ("2025-03-05", "Update to version 2023.10.01 now.", None, "unknown"),
                       ("2025-03-05", "It runs firmware 2024-03-05.", None, "unknown")])
def iso_date(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    if _prev_word(text, m.start()).rstrip(".:#") in en.VERSION_WORDS:
        return _point(m, None, "unknown")  # "version 2023.10.01": a release's number, not its day
    d = cal.ymd(int(m["y"]), int(m["m"] or m["m2"]), int(m["d"] or m["d2"]))  # year first: "2023.03.03" too
    return _day(m, d) if d else None


@rule(r"\b(?P<y>" + _YEAR + r")-(?P<m>0[1-9]|1[0-2])(?![\d-]|\.\d)", "num",
      examples=[("2025-03-05", "in 2019-06 sales", "2019-06", "month")])
def iso_month(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    if int(m["m"]) == (int(m["y"]) + 1) % 100:
        return None  # "2009-10" is the 2009/10 season (year_span), not October 2009
    return _point(m, cal.mval(int(m["y"]), int(m["m"])), "month")


@rule(r"(?<![\d/.-])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/-]|\.\d)", "num",
      examples=[("2025-03-05", "filed 3/22/2013 in court", "2013-03-22", "day"),
                ("2025-03-05", "on 04.07.2019 we", None, "unknown"),
                ("2025-03-05", "signed on 25.3.2024", "2024-03-25", "day"),
                ("2025-03-05", "signed on 5.3.2024", None, "unknown"),
                ("2025-03-05", "signed on 04.04.2024", "2024-04-04", "day"),
                ("2025-03-05", "signed on 3.25.2024", "2024-03-25", "day"),
                ("2025-03-05", "on 7/4/19 we", "2019-07-04", "day"),
                ("2025-03-05", "on 25-12-2020 we", "2020-12-25", "day")])
def numeric_date(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    a, b, y = int(m["a"]), int(m["b"]), m["y"]
    if m["sep"] == "." and a <= 12 and b <= 12 and a != b:
        # "5.3.2024": 5 March in most of Europe, May 3 to a US reader; the text does not say
        return _point(m, None, "unknown")
    year = int(y) if len(y) == 4 else cal.two_digit_year(int(y), ref)
    month, day = (b, a) if (a > 12 or m["sep"] == ".") and b <= 12 else (a, b)
    d = cal.ymd(year, month, day)
    return _day(m, d) if d else None


@rule(r"(?<![\w/.:,-])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)(?![\w/%]|[.,:-]\d)", "num",
      examples=[("2026-03-18", "Payment due 24/04.", "2026-04-24", "day"),
                ("2027-01-04", "It was posted 28/12.", "2026-12-28", "day")])
def numeric_day_month(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    """"due 24/04", "on 13/03": a day and month in numbers with no year, read only when the first
    part is over 12 (so it is the day, and no month-and-year as on a card, "12/26") and a word that
    takes a date comes before; "05/03" says nothing, "13/12" after "was" is a ratio. The year is
    the one the clause's tense gives."""
    a, b = int(m["a"]), int(m["b"])
    if (a, b) == (24, 7) or b in (16, 32, 64) or _prev_word(text, m.start()).lower() not in en.NUMERIC_DAY_LEADS \
            or _next_word(text, m.end()).lower().rstrip(".,;:") in en.NUMERIC_DAY_NOT_BEFORE:
        return None  # "24/7", "by 1/4 pct", "13/16": no date
    if not (a > 12 and 1 <= b <= 12):
        return None  # "05/03": either order; "03/31" may be a card's month and year; "by 1/2": a fraction
    month, day = b, a
    if ref is None or cal.ymd(ref.year, month, day) is None and (month, day) != (2, 29):
        return _point(m, None, "unknown")
    clause = tense(text, m.start(), m.end())
    return _day(m, month_day_date(ref, month, day, None if clause == "either" else clause), relative=True)


@rule(r"\b(?:(?P<y1>" + _YEAR + r")-?W(?P<w1>0[1-9]|[1-4]\d|5[0-3])(?![\w-])"
      r"|W(?P<w2>[1-4]\d|5[0-3]|0?[1-9])[\s/-]+(?P<y2>" + _YEAR + r")\b"
      r"|(?i:(?P<cal>calendar\s+)?week)\s+(?P<w3>[1-4]\d|5[0-3]|0?[1-9])(?!\d|[.,:/]\d)(?:,?\s+(?:(?P<of>of|in)\s+)?(?P<y3>" + _YEAR
      + r")\b)?)", ("num", "unit"),
      examples=[("2026-03-18", "Delivery is planned for calendar week 14.", "2026-03-30/2026-04-05", "range"),
                ("2026-03-18", "The release is scheduled for 2026-W14.", "2026-03-30/2026-04-05", "range"),
                ("2026-03-18", "Figures for W52 2025 were revised.", "2025-12-22/2025-12-28", "range"),
                ("2026-03-18", "The campaign began in week 1 of 2026.", "2025-12-29/2026-01-04", "range"),
                ("2027-01-04", "The figures for week 53 of 2026 are final.", "2026-12-28/2027-01-03", "range"),
                ("2026-03-18", "Figures for week 53 of 2025 are out.", None, "unknown"),
                ("2024-12-27", "Deliveries resume in calendar week 2.", "2025-01-06/2025-01-12", "range")])
def iso_week(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    """An ISO week, Monday to Sunday: "2026-W14", "W52 2025", "week 14 of 2026", "calendar week
    14" (this ISO year's). A bare "week 14" is a season's (sports, a course) and names no week."""
    week_text = m["w1"] or m["w2"] or m["w3"]
    y_text = m["y1"] or m["y2"] or m["y3"]
    if m["w3"] and not m["cal"] and not (y_text and m["of"]):
        return None  # "in week 3 of the season", "NFL week 14"
    week = int(week_text)
    if y_text:
        try:
            monday = date.fromisocalendar(int(y_text), week, 1)
        except ValueError:
            return _point(m, None, "unknown")  # week 53 of a year with 52
    elif ref is not None:
        # "calendar week 2": this ISO year's, or a neighbouring one's by the tense, as a bare month
        this = cal.shift(ref, -ref.weekday()) or ref
        found = []
        for y in range(ref.isocalendar()[0] - 1, ref.isocalendar()[0] + 2):
            try:
                found.append(date.fromisocalendar(y, week, 1))
            except ValueError:
                continue
        clause = tense(text, m.start(), m.end())
        ahead = [d for d in found if d >= this]
        behind = [d for d in found if d <= this]
        if clause == "future" and ahead:
            monday = ahead[0]
        elif clause == "past" and behind:
            monday = behind[-1]
        elif found:
            monday = min(found, key=lambda d: abs((d - ref).days))
        else:
            return _point(m, None, "unknown")
    else:
        return _point(m, None, "unknown")
    return _point(m, cal.span(monday, cal.shift(monday, 6)), "range", relative=not y_text)


# --------------------------------------------------------------------------- rules: month and day


@rule(r"^(?:\([^()\n]{0,80}\)\s*)?(?:[A-Z][A-Za-z.'-]*(?:[ ,]+[A-Z][A-Za-z.'-]*){0,4}),\s+(?P<m>" + _MONTH_ANY
      + r")\s*(?P<d>" + _DAY + r")\s*(?:\((?:Xinhua|AP|AFP|Reuters|UPI|dpa|IANS)\)\s*(?:--|—|_)|--|—)",
      "month", flags=re.MULTILINE,
      examples=[("1998-08-12", "WASHINGTON, August 11 (Xinhua) --\nNews came.", "1998-08-11", "day"),
                # a newspaper's dateline, a photo credit before it: the report's day, not the happening's
                ("2008-10-06", "(By A. Zemlianichenko--AP) MOSCOW, Oct. 6--Less than a year ago, plans were unveiled.",
                 "2008-10-06", "day")])
def dateline(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    """A wire dateline ("WASHINGTON, August 11 (Xinhua) --") dates the report, not a happening:
    its kind is "dateline", so it is shown and scored but dates no event (``clauses``)."""
    if ref is None:
        return _point(m, None, "unknown", "dateline", start=m.start("m"), end=m.end("d"))
    d = month_day_date(ref, _month_of(m["m"]), int(re.match(r"\d+", m["d"]).group()), "past")  # type: ignore[union-attr]
    return _point(m, _iso(d), "day", "dateline", start=m.start("m"), end=m.end("d"), relative=True)


@rule(r"(?i:\b(?<!-)(?:the\s+)?(?:(?:fiscal|financial)\s+)?(?<![-\w])(?:year|twelve\s+months|12\s+months)\s+(?P<rel>to|ended|ending|"
      r"through|until)\s+)(?P<m>" + _MONTH_ANY + r")(?:\s*(?P<d>" + _DAY + r"))?(?:,?\s+(?P<y>" + _YEAR + r")\b)?",
      "unit",
      examples=[("2025-06-20", "Profit for the year to March 31 rose 5%.", "2025-03-31", "day"),
                ("2025-03-05", "in the year ended June 30, 2023", "2023-06-30", "day"),
                ("2025-03-05", "the 12 months to January", "2025-01", "month"),
                ("2025-03-05", "in the fiscal year ending Sept. 30", "2025-09-30", "day"),
                ("1989-10-30", "net fell in the year ended Aug. 31", "1989-08-31", "day"),
                ("2025-03-05", "the financial year to March 2024", "2024-03", "month"),
                ("2025-03-05", "for the year through Feb. 28, 2024", "2024-02-28", "day"),
                ("2025-03-05", "He worked the year to march on Washington.", None, "unknown")])
def period_to(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    """"the year to March 31", "the 12 months ended June 30, 2023": the twelve months ending on
    that day (or month), a range; a bare end day is the last one ("ended") or by the tense."""
    word = m["m"]
    if not m["d"] and not m["y"] and word.lower().rstrip(".") in en.AMBIGUOUS_MONTHS and not word[:1].isupper():
        return None  # "the year to May..." with nothing else is as often "may"
    month = _month_of(word)
    rel = m["rel"].lower()
    if m["y"]:
        year = int(m["y"])
        if not (cal.year_ok(year) and cal.year_ok(year - 1)):
            return _point(m, None, "unknown")
        day = _day_number(m) if m["d"] else cal.last_day(year, month)
    elif ref is None:
        return _point(m, None, "unknown")
    else:
        clause = "past" if rel == "ended" else "future" if rel == "ending" else tense(text, m.start(), m.end())
        if m["d"]:
            end_day = month_day_date(ref, month, _day_number(m), clause)
            year = end_day.year if end_day else ref.year
        else:
            year = month_year(ref, month, "", "past" if clause is None else clause)
        if not (cal.year_ok(year) and cal.year_ok(year - 1)):
            return _point(m, None, "unknown")
        day = _day_number(m) if m["d"] else cal.last_day(year, month)
    end = cal.ymd(year, month, day)
    if end is None or not cal.year_ok(year - 1):
        return _point(m, None, "unknown")
    back = cal.ymd(year - 1, month, min(day, cal.last_day(year - 1, month)))
    if not m["d"]:
        back = cal.ymd(year - 1, month, cal.last_day(year - 1, month))
    # the period and the end it names are two expressions: "the year ended" (a range) and
    # "Aug. 31" (the day, or the month when no day is told)
    period = _point(m, cal.span(cal.shift(back, 1) if back else None, end), "range", end=m.end("rel"),
                    relative=not m["y"])
    told = _point(m, end.isoformat() if m["d"] else cal.mval(year, month), "day" if m["d"] else "month",
                  start=m.start("m"), relative=not m["y"])
    return [period, told]


def _day_number(m: re.Match[str]) -> int:
    """The day of a match: digits in group "d" ("3rd"), or an ordinal word in group "dw" ("third")."""
    word = m.groupdict().get("dw")
    if word:
        return en.ORDINAL_DAYS[re.sub(r"[\s-]+", "-", word.lower())]
    return int(re.match(r"\d+", m["d"]).group())  # type: ignore[union-attr]


# the past verb right before a date ("closed Jan 5th", "began on April 30"), not in a perfect ("has
# fixed April 24 as the date": the date is what was fixed, not when)
_VERB_ON = re.compile(r"(?<!\bhas\s)(?<!\bhave\s)(?<!\bhad\s)\b([A-Za-z]+)\s+(?:on\s+)?$")


def _own_past_verb(text: str, start: int) -> str:
    """The word right before a date (or its "on"), lower case, unless a perfect comes before it."""
    verb = _VERB_ON.search(text, max(0, start - 40), start)
    return verb[1].lower() if verb else ""


_WILL_BEFORE = re.compile(r"(?i)\b(?:will|shall|['’]ll)\s+(?:not\s+)?(?:[a-z]+\s+){1,3}(?:on\s+)?$")
_IF_BEFORE = re.compile(r"(?i)\b(?:if|unless|should|whether|suppose|supposing)\b[^.;:!?]*$")
_WAS_ON = re.compile(r"\b(?:was|were)\s+(?:on\s+)?$")
# "since" right before a day with no year: a start, which is behind ("prices have risen since Nov.
# 25", "since Christmas"), however far back: the coming one cannot have begun anything
_SINCE_BEFORE = re.compile(r"(?i)\bsince\s+(?:the\s+)?$")
_REL_YEAR = re.compile(r"(?i),?\s+(?:of\s+)?(?P<rel>last|this|next)\s+year\b")
_HABITUAL = re.compile(r"(?i)\b(?:" + _alt(en.HABITUAL_ADVERBS) + r")\b")
_HABITUAL_AFTER = re.compile(r"(?i)\s+(?:is|are|was|were)\s+(?:" + _alt(en.HABITUAL_ADVERBS) + r")\b")
_EACH_YEAR_BEFORE = re.compile(r"(?i)\b(?:each|every)\s+(?:year|spring|summer|autumn|fall|winter)\s*,?\s+"
                               r"(?:in|during|from|until|through)\s+(?:(?:early|late|mid-?)\s*)?$")
_EACH_YEAR = re.compile(r"(?i),?\s+(?:each|every|of\s+each|of\s+every)\s+year\b|,?\s+(?:annually|yearly)\b")
_SHARED_YEAR = re.compile(r"\s*(?:-|–|to|and|through|until|till)\s*(?:" + _MONTH_ANY + r"\s*)?" + _DAY
                          + r",?\s+(?P<y>" + _YEAR + r")\b")
_SECOND_DAY = re.compile(r"\s*(?:and|or|to|through|-|–)\s*(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b"
                         r"(?!\s*(?:%|percent|(?!(?:and|or|but|in|at|on|when|as|while|after|before)\b)[a-z]))(?![.,]\d|:)")


_NEXT_WORDS = re.compile(r"\s+([A-Za-z][a-z-]*)(?:\s+([A-Za-z][a-z-]*))?(?:\s+([A-Za-z][a-z-]*))?")
_THE_BEFORE = re.compile(r"(?i)\bthe\s+$")


def _happening_words(text: str, start: int, end: int, m: re.Match[str]) -> list[str] | None:
    """The words from "the <month-day>" to a happening noun ("the Oct. 8 devastating earthquake",
    "the September 11th terrorist attacks"), lower case; None when the date names no happening."""
    if not (m.group().lower().startswith("the") or _THE_BEFORE.search(text, max(0, start - 5), start)):
        return None
    after = _NEXT_WORDS.match(text, end)
    words = [w.lower() for w in after.groups() if w] if after else []
    for i, w in enumerate(words):
        if w in en.UNFORESEEN_HAPPENINGS:
            return words[:i + 1]
        if w in en.HAPPENING_DAY_NOT_BETWEEN or (i == 0 and w[:1].isupper()):
            return None
    return None


def _happening_day(words: list[str], month: int, day: int, ref: date) -> date | None:
    """The day of a happening named by its month-day without a year: the last one, unless that
    falls in an earlier calendar year more than a window back (news would give that year); a
    named day (September 11 with "attacks") outside that window is its own year's."""
    last = month_day_date(ref, month, day, "past!")
    if last is None:
        return None
    named = en.NAMED_HAPPENING_DAYS.get((month, day))
    if named and named[1] & set(words) and ref > date(named[0] + 1, month, day) and last.year != named[0]:
        if (ref - last).days <= en.HAPPENING_DAY_WINDOW:
            return None  # "the Sept. 11 attack" weeks after another year's Sept. 11: either
        return cal.ymd(named[0], month, day)
    if last.year < ref.year and (ref - last).days > en.HAPPENING_DAY_WINDOW:
        return None
    return last


def _weekday_of(m: re.Match[str]) -> int | None:
    """The weekday written before a date ("Friday, March 22", "Sat 14 June"), 0 = Monday, or None."""
    word = m.groupdict().get("wd")
    if word:
        return _WEEKDAY_NUMBER[word.lower()]
    abbr = m.groupdict().get("wa")
    return _WEEKDAY_ABBR_NUMBER[abbr.lower()] if abbr else None


_ADDRESS_OF = re.compile(r"\s+\w+\s+of\b")
# a year in two digits after a month-day and a comma: "March 14th, '25" (not "'25 percent")
_APOSTROPHE_YEAR = re.compile(r",\s*[’'](?P<yy>\d\d)\b(?![’'%.,]?\d)(?!\s*(?:%|percent|pct)\b)")


@rule(r"(?<![\w.])(?:(?:(?P<wd>" + _WEEKDAY_I + r")|" + _WEEKDAY_ABBR_DATE + r"),?\s+)?"
      r"(?:(?P<mod>(?i:last|this\s+past|next|this\s+coming))\s+)?"
      r"(?:the\s+)?(?P<m>" + _MONTH_ANY + r")\s*(?:(?:the\s+(?=\d{1,2}(?:st|nd|rd|th)\b))?(?P<d>" + _DAY + r")\b"
      r"|(?P<the>the\s+)?(?P<dw>" + _ORDINAL_DAY + r")(?![-'’]))"
      r"(?:,?\s+(?P<y>" + _YEAR + r")\b)?", "month",
      examples=[("2025-03-05", "It opened on March the 8th, 2019.", "2019-03-08", "day"),
                ("2025-03-05", "The deal was signed on February the twenty-first.", "2025-02-21", "day"),
                ("2025-03-05", "The deal was signed on February twenty-first.", "2025-02-21", "day"),
                ("2025-06-11", "They wed on June twelfth.", "2025-06-12", "day"),
                ("2025-06-11", "We will meet on July first.", "2025-07-01", "day"),
                ("2025-03-05", "It opens on April the first, 2026.", "2026-04-01", "day"),
                ("2025-03-05", "She will sing on April the 2nd.", "2025-04-02", "day"),
                ("2025-03-05", "The plan was signed Oct. 30.", "2024-10-30", "day"),
                ("2025-03-05", "on april 5th 2020 we", "2020-04-05", "day"),
                ("2025-03-05", "on Monday, March 3:", "2025-03-03", "day"),
                ("2000-01-06", "He must be returned by Jan. 14.", "2000-01-14", "day"),
                ("1999-04-19", "He was shot to death last Oct. 23 at home.", "1998-10-23", "day"),
                ("2025-03-05", "On March 3, 1500 troops landed.", "2025-03-03", "day"),
                ("2025-03-05", "The company will report earnings on Jan. 30.", "2026-01-30", "day"),
                ("2027-01-04", "The law will take effect on Dec. 1.", "2027-12-01", "day"),
                ("1987-03-11", "The coupon is payable December 14 each year.", None, "unknown"),
                ("1997-04-15", "On January 8 last year, he was killed.", "1996", "year"),
                ("1999-05-07", "He was seen Nov. 3, the day before police issued a warrant.", "1998-11-03", "day"),
                ("2025-03-05", "profit in the half-year to June 30, 1986", "1986-06-30", "day"),
                ("1987-03-10", "The meeting had previously been set for May 14.", "1987-05-14", "day"),
                ("1997-04-11", "It had been initially scheduled for January 25, but was delayed.", "1997-01-25", "day"),
                ("2025-03-05", "The plant opens on March 1 next year.", "2026", "year"),
                ("2025-03-05", "We meet on May the fourth.", "2025-05-04", "day"),
                ("2005-11-18", "It claimed the Nov. 9 attacks on three hotels.", "2005-11-09", "day"),
                ("2006-11-27", "He took power after the Sept. 19 coup.", "2006-09-19", "day"),
                ("2006-01-20", "Aid flowed after the Dec. 26 tsunami.", "2005-12-26", "day"),
                ("2007-02-27", "Stocks fell most since the September 11th terrorist attacks.", "2001-09-11", "day"),
                ("2006-11-16", "She lost her son in the Sept. 11 terror attacks.", None, "unknown"),
                ("2023-10-27", "He was charged over the Jan. 6 riot.", "2021-01-06", "day"),
                ("2008-02-27", "Police still hunt those behind the July 7 bombings.", None, "unknown"),
                ("2025-03-06", "The results are due on March 14th, '25.", "2025-03-14", "day"),
                ("2025-03-06", "It happened on Dec. 3, ’98.", "1998-12-03", "day"),
                ("2025-03-06", "Since March 14, '25 was a Friday", "2025-03-14", "day"),
                ("2025-11-19", "Prices have risen since Nov. 25.", "2024-11-25", "day"),
                ("2025-11-19", "Since Dec. 10, two people have died.", "2024-12-10", "day")])
def month_day(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    weekday = _weekday_of(m)
    if m.groupdict().get("dw") and m.start("m") < m.start("dw") and not m["y"] and weekday is None \
            and not m.groupdict().get("mod") and m["m"].lower() in en.AMBIGUOUS_MONTHS and not lenient \
            and _prev_word(text, m.start()) not in en.MONTH_EVIDENCE | en.HOLIDAY_PREPOSITIONS:
        return None  # "May the fourth be with you": a wish; "on May the fourth" is a date
    if m.groupdict().get("dw") and not m.groupdict().get("the") and not m["y"] \
            and _next_word(text, m.end("dw"))[:1].isalpha() and _next_word(text, m.end("dw")).lower() not in en.ORDINAL_DATE_FOLLOWERS:
        return None  # "June twelfth" is a date; "in August second quarter results" is not
    month, day = _month_of(m["m"]), _day_number(m)
    dend = m.end("d") if m["d"] else m.end("dw")
    if m["d"] and not m["y"] and m.start("m") < m.start("d") and re.search(r"\d\s*$", text[max(0, m.start() - 4):m.start()]) \
            and _next_word(text, dend).lower().rstrip(".,;:") in en.UNIT_NOUNS - {"days", "weeks", "months", "years"}:
        return None  # "On 5 March 10 people died": a count after the month, not its day
    y_text, end = m["y"], m.end()
    apos = None if y_text else _APOSTROPHE_YEAR.match(text, end)
    if apos:  # "March 14th, '25": the year as a note or a form writes it
        y_text, end = str(cal.two_digit_year(int(apos["yy"]), ref)), apos.end()
    if not y_text and _EACH_YEAR.match(text, end):
        return _point(m, None, "unknown", "set")  # "payable December 14 each year"
    rel_year = _REL_YEAR.match(text, end) if not y_text else None
    if rel_year and ref is not None:
        # "on June 23 last year": the day in the year named; "last year" stays its own expression
        # (the year, as TimeML and the relative-unit rule read it)
        y = ref.year + {"last": -1, "next": 1}.get(rel_year["rel"].lower(), 0)
        if not cal.year_ok(y):
            return _point(m, None, "unknown", end=dend)
        return [_point(m, _iso(cal.ymd(y, month, day)), "day", end=dend, relative=True),
                Cand(rel_year.start("rel"), rel_year.end(), cal.yval(y), "year", relative=True)]
    if y_text and _next_word(text, end).lower().rstrip(".,;:") in en.UNIT_NOUNS:
        y_text, end = None, dend  # "On March 3, 1500 troops landed": a count, not a year
    second = _SECOND_DAY.match(text, end) if not y_text else None
    shared = None if y_text else _SHARED_YEAR.match(text, end)  # "between Jan. 1 and Feb. 15, 2024"
    year: int | None = int(y_text) if y_text else int(shared["y"]) if shared else None
    relative = year is None
    happening = None if year is not None or weekday is not None or m.groupdict().get("mod") or ref is None \
        else _happening_words(text, m.start(), end, m)
    if happening and ref is not None:
        # "the Oct. 8 earthquake", "the September 11th terrorist attacks": a happening, so past;
        # "the December 26 tsunami last year": in the year named
        after = _NEXT_WORDS.match(text, end)
        named_year = _REL_YEAR.match(text, after.end(len(happening))) if after else None
        if named_year:
            found = cal.ymd(ref.year + {"last": -1, "next": 1}.get(named_year["rel"].lower(), 0), month, day)
        else:
            found = _happening_day(happening, month, day, ref)
        if found is None:
            unresolved = _point(m, None, "unknown", end=end)
            unresolved.bare_day = (month, day)  # a day told with its year earlier still dates it
            return unresolved
        # relative: a day the text does not tell, so it never moves the story's date
        point = _point(m, found.isoformat(), "day", end=end, relative=True)
        point.bare_day, point.background = (month, day), True
        return point
    if year is None and ref is not None:
        d = None
        if weekday is not None:  # "Friday, March 22", "Sat 14 June": the year whose date falls on that weekday
            d = next((x for y in (ref.year, ref.year + 1, ref.year - 1)
                      if (x := cal.ymd(y, month, day)) and x.weekday() == weekday), None)
        mod = (m.groupdict().get("mod") or "").lower()
        if mod:  # "last Oct. 23": the most recent one; "next March 3": the coming one
            clause: str | None = "past" if mod.startswith(("last", "this past")) else "future"
        elif _SINCE_BEFORE.search(text, max(0, m.start() - 12), m.start()) \
                and _next_word(text, end).lower() not in en.HOLIDAY_SUBJECT_VERBS:
            clause = "past!"  # "since Nov. 25" (published on Nov. 19): last year's ("since Dec. 25 is": because)
        else:
            clause, cue = tense_cue(text, m.start(), end)
            if clause == "future" and (cue in en.STRONG_FUTURE_CUES
                                       or _WILL_BEFORE.search(text, max(0, m.start() - 40), m.start())):
                clause = "future!"  # "will report on Jan. 30", "will take effect on Dec. 1": the next one
            elif clause == "past" and (_WAS_ON.search(text, max(0, m.start() - 12), m.start())
                                       or (cue not in en.WEAK_PAST_CUES and _own_past_verb(text, m.start()) == cue
                                           and not m.group().lower().startswith("the")
                                           and not _IF_BEFORE.search(text, max(0, m.start() - 60), m.start()))):
                # "The election was on 4 July", "the deal closed Jan 5th": the past verb is the
                # date's own; a reporting verb ("said") may be another clause's
                clause = "past!"
            if clause is None and _prev_word(text, m.start()).lstrip("(") in ("through", "thru"):
                clause = "future"  # "on display at the Met (through Oct. 1)": an end still ahead
        if clause == "either":
            clause = None  # "had been set for May 14": the nearer one, as with no tense at all
        d = d or month_day_date(ref, month, day, clause)
        year = d.year if d else None
    if year is None:
        return _point(m, None, "unknown", end=end)
    first = _point(m, _iso(cal.ymd(year, month, day)), "day", end=end, relative=relative)
    if relative and weekday is None and not (m.groupdict().get("mod") or ""):
        first.bare_day = (month, day)
    if second and int(second["d"]) > day:
        other = cal.ymd(year, month, int(second["d"]))
        if other:  # "April 24 and 25", "March 3-5, 2024": the second day shares month and year
            stop = shared.end() if shared and shared.start() == end else second.end("d")
            return [first, Cand(second.start("d"), stop, other.isoformat(), "day")]
    return first


@rule(r"(?i:\bthe\s+(?P<u>week|weekend)\s+(?P<rel>of|beginning|starting|commencing)\s+)(?:(?P<m>" + _MONTH_ANY + r")\s*(?P<d>"
      + _DAY + r")|(?P<d2>" + _DAY + r")\s+(?P<m2>" + _MONTH_ANY + r"))(?:,?\s+(?P<y>" + _YEAR + r")\b)?", "month",
      examples=[("2025-03-05", "The fair is during the week of March 10.", "2025-03-10/2025-03-16", "range"),
                ("2025-03-05", "The fair is on the weekend of March 8.", "2025-03-08/2025-03-09", "range"),
                ("2025-03-05", "It rained the week of 3 February 2020.", "2020-02-03/2020-02-09", "range"),
                ("2025-03-05", "It rained on the weekend of March 3.", None, "unknown"),
                ("2025-03-05", "Talks resume in the week beginning March 12.", "2025-03-12/2025-03-18", "range")])
def week_of_day(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    """"the week of March 10", "the weekend of March 8": the week (Monday-Sunday) or the
    weekend that holds the day, which is what the text gives; a weekend of a weekday is none."""
    month = _month_of(m["m"] or m["m2"])
    day = int(re.match(r"\d+", m["d"] or m["d2"]).group())  # type: ignore[union-attr]
    if m["y"]:
        d = cal.ymd(int(m["y"]), month, day)
    elif ref is None:
        return _point(m, None, "unknown")
    else:
        d = month_day_date(ref, month, day, tense(text, m.start(), m.end()))
    if d is None:
        return _point(m, None, "unknown")
    if m["u"].lower() == "week" and m["rel"].lower() != "of":  # "the week beginning March 10"
        return _point(m, cal.span(d, cal.shift(d, 6)), "range", relative=not m["y"])
    if m["u"].lower() == "week":
        return _point(m, cal.week_range(d), "range", relative=not m["y"])
    if d.weekday() < 5:
        return _point(m, None, "unknown")  # "the weekend of March 3" (a Monday): which weekend?
    sat = cal.shift(d, 5 - d.weekday())
    return _point(m, cal.span(sat, cal.shift(sat, 1) if sat else None), "range", relative=not m["y"])


@rule(r"(?<![\w.])(?:(?:(?P<wd>" + _WEEKDAY_I + r")|" + _WEEKDAY_ABBR_DATE + r"),?\s+)?(?:the\s+)?(?P<d>" + _DAY
      + r")\s+(?:(?:(?<=[a-z]\s)(?i:day)\s+)?of\s+)?(?P<m>"
      + _MONTH_ANY + r")(?:,?\s+(?P<y>" + _YEAR + r")\b|\s+['’]?(?P<yy>\d\d)\b(?![.,:/-]\d|\s*(?:%|[A-Za-z(])))?", "month",
      examples=[("2025-03-05", "on 22 March 2013", "2013-03-22", "day"),
                ("2025-03-05", "on the 4th of July 2019", "2019-07-04", "day"),
                ("2025-03-06", "Dated this 4th day of March, 2025", "2025-03-04", "day"),
                ("2025-03-06", "signed on the 21st day of June 1990", "1990-06-21", "day"),
                ("2025-03-05", "The deal closed 21 Feb 24.", "2024-02-21", "day"),
                ("2025-03-05", "Posted on 3 Jan '23", "2023-01-03", "day"),
                ("2025-03-05", "On 5 March 10 people died.", "2025-03-05", "day"),
                ("1987-04-07", "DEC 6730 UP 15\n MAR 6772 UP 4", None, "unknown")])
def day_month(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    """"22 March 2013"; "21 Feb 24" (a two-digit year right after the month, written so in
    notes and forms; "5 March 10 people" is a count: a word follows)."""
    if "\n" in text[m.end("d"):m.start("m")] and m["m"].isupper():
        return None  # "DEC 6730 UP 15\n MAR 6772": a futures table's change and its next month
    if m["yy"]:
        y = cal.two_digit_year(int(m["yy"]), ref)
        d = cal.ymd(y, _month_of(m["m"]), _day_number(m)) if cal.year_ok(y) else None
        return _day(m, d) if d else _point(m, None, "unknown")
    return month_day(m, text, ref, lenient)


@rule(r"(?:(?i:the\s+)?(?i:first\s+)?(?P<wd2>" + _WEEKDAY_I + r")\s+(?i:after|following)\s+)?"
      r"(?i:the\s+)?(?P<o>" + _ORDINAL + r")\s+(?P<wd>" + _WEEKDAY_I + r")\s+(?:of|in)\s+(?:(?P<m>" + _MONTH_ANY
      + r")(?:,?\s+(?P<y>" + _YEAR + r")\b)?|(?P<rel>(?i:this|last|next|the))\s+(?P<u>(?i:month|year))\b"
      r"|(?P<yo>" + _YEAR + r")\b)", ("wd",),
      examples=[("2025-03-05", "the second Friday of last month", "2025-02-14", "day"),
                ("2025-03-05", "on the first Monday of next month", "2025-04-07", "day"),
                ("2025-03-05", "the last Sunday of this month", "2025-03-30", "day"),
                ("2025-03-05", "the third Tuesday in next month", "2025-04-15", "day"),
                ("2024-12-02", "the first Friday of next month", "2025-01-03", "day"),
                ("2025-01-10", "the last Thursday of last month", "2024-12-26", "day"),
                ("2025-03-05", "the second Monday of March 2019", "2019-03-11", "day"),
                ("2025-03-05", "the last Friday in June 2021", "2021-06-25", "day"),
                ("2025-03-05", "the first Tuesday in November 2024", "2024-11-05", "day"),
                ("2025-03-05", "the third Thursday of May 2025", "2025-05-15", "day"),
                ("2025-03-05", "Payday is the last Friday of the month.", "2025-03-28", "day"),
                ("2024-07-15", "the last monday of august", "2024-08-26", "day"),
                ("2024-07-15", "The fair was held on the first Sunday of June.", "2024-06-02", "day"),
                ("2024-03-01", "They met on the first Sunday of the year.", "2024-01-07", "day"),
                ("2024-03-01", "the last Friday of next year", "2025-12-26", "day"),
                ("2024-03-01", "the second Monday of 2023", "2023-01-09", "day"),
                ("2024-03-01", "the fifth Monday of the year", None, "unknown"),
                ("2024-03-01", "the first Tuesday after the first Monday in November 2024", "2024-11-05", "day"),
                ("2024-03-01", "the Sunday after the second Friday of May 2024", "2024-05-12", "day")])
def ordinal_weekday_of_month(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    """Of a month or a year (``_ordinal_weekday``); "the first Tuesday after the first Monday in
    November" is the first such weekday after the day so named, so the first weekday is no
    weekday of its own (read alone it was a bare "Tuesday", some other week's)."""
    res = _ordinal_weekday(m, text, ref)
    if m["wd2"] is None or not isinstance(res, Cand) or res.value is None:
        return res
    d = date.fromisoformat(res.value)
    d += timedelta(days=(_WEEKDAY_NUMBER[m["wd2"].lower()] - d.weekday() - 1) % 7 + 1)
    return _day(m, d, relative=res.relative)


def _ordinal_weekday(m: re.Match[str], text: str, ref: date | None) -> Result:
    """"the first Monday in May", "the last Friday of next month"; of a year ("the first Sunday of
    the year") it counts from January 1 (the last from December 31), and a fifth such weekday
    of a year is too far to count from either end: no value."""
    o = m["o"].lower()
    n = -1 if o in en.LAST_ORDINALS else en.ORDINALS[o]
    wd = _WEEKDAY_NUMBER[m["wd"].lower()]
    if m["yo"] or (m["u"] and m["u"].lower() == "year"):
        if m["yo"]:
            year = int(m["yo"])
        elif ref is None:
            return _point(m, None, "unknown")
        else:
            year = ref.year + {"last": -1, "next": 1}.get(m["rel"].lower(), 0)
        if not cal.year_ok(year) or n > 4:
            return _point(m, None, "unknown")
        return _day(m, cal.nth_weekday(year, 12 if n < 0 else 1, wd, n), relative=not m["yo"])
    if m["rel"]:
        if ref is None:
            return _point(m, None, "unknown")
        year, month = cal.month_add(ref.year, ref.month, {"last": -1, "next": 1}.get(m["rel"].lower(), 0))
        return _day(m, cal.nth_weekday(year, month, wd, n) if cal.year_ok(year) else None, relative=True)
    month = _month_of(m["m"])
    if m["y"]:
        year = int(m["y"])
    elif ref is not None:
        clause = tense(text, m.start(), m.end())
        if clause in (None, "either"):  # no tense: the nearest, as for a month-day ("the last Monday of August")
            dates = [d for y in (ref.year - 1, ref.year, ref.year + 1) if cal.year_ok(y)
                     and (d := cal.nth_weekday(y, month, wd, n))]
            return _day(m, nearest_date(ref, dates, None), relative=True)
        year = month_year(ref, month, "", clause)
    else:
        return _point(m, None, "unknown")
    return _day(m, cal.nth_weekday(year, month, wd, n), relative=not m["y"])


@rule(r"(?i:the\s+)?(?P<o>(?i:first|last|final))\s+(?i:day)\s+(?:of|in)\s+(?:(?P<m>" + _MONTH_ANY
      + r")(?:,?\s+(?P<y>" + _YEAR + r")\b)?|(?P<rel>(?i:this|last|next|the))\s+(?P<u>(?i:month|year)))", "unit",
      examples=[("2025-03-05", "the final day of June 2021", "2021-06-30", "day"),
                ("2025-03-05", "the first day of May 2020", "2020-05-01", "day"),
                ("2025-03-05", "on the last day of February 2024", "2024-02-29", "day"),
                ("2025-03-05", "the last day of next month", "2025-04-30", "day"),
                ("2025-03-05", "the first day of this year", "2025-01-01", "day")])
def first_last_day_of(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    last = m["o"].lower() != "first"
    if m["m"]:
        month = _month_of(m["m"])
        if m["y"]:
            year = int(m["y"])
        elif ref is not None:
            year = month_year(ref, month, "", tense(text, m.start(), m.end()))
        else:
            return _point(m, None, "unknown")
    else:
        if ref is None:
            return _point(m, None, "unknown")
        step = {"last": -1, "next": 1}.get(m["rel"].lower(), 0)
        if m["u"].lower() == "year":
            y = ref.year + step
            return _day(m, cal.ymd(y, 12, 31) if last else cal.ymd(y, 1, 1), relative=True)
        year, month = cal.month_add(ref.year, ref.month, step)
    if not cal.year_ok(year):
        return _point(m, None, "unknown")
    return _day(m, cal.ymd(year, month, cal.last_day(year, month) if last else 1), relative=not m["y"])


@rule(r"(?<![\w.])(?:(?i:early|mid-?|late|the\s+end\s+of|end\s+of|the\s+beginning\s+of|the\s+start\s+of|"
      r"the\s+middle\s+of)\s*)?(?P<m>" + _MONTH_ANY + r")(?:,?\s+(?:of\s+)?|-(?=\d{4}\b))(?:(?P<y>" + _YEAR
      + r")\b|(?P<sy>" + _SPOKEN_YEAR + r")|(?<=\s)['’](?P<yy>\d\d)\b)", "month",
      examples=[("2025-03-05", "the raid in May 2010 on the ship", "2010-05", "month"),
                ("2025-03-05", "The deal was signed in February '24.", "2024-02", "month"),
                ("2025-03-05", "in september 2019 we", "2019-09", "month"),
                ("2025-03-05", "in March nineteen ninety-one", "1991-03", "month"),
                ("2025-03-05", "the Mar-2020 contract", "2020-03", "month"),
                ("1987-06-29", "PARIS SUGAR - 87 oct 1155/60/65P", None, "unknown"),
                ("1987-04-07", "PARIS COCOA CLSG - May 1230/1255 ba Jul 1260 BID", None, "unknown"),
                ("1987-10-20", "usage rose in October 1986/August 1987", "1987-08", "month")])
def month_year_rule(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    if m["y"] and (re.match(r"/\d", text[m.end():m.end() + 2])
                   or (len(m["m"]) <= 4 and m["m"].lower() not in ("june", "july") and not m["m"].endswith(".")
                       and not 1900 <= int(m["y"]) <= 2099)):
        return None  # "oct 1155/60/65", "Jul 1200 BID" in a futures table: a price, not a year
    y = int(m["y"]) if m["y"] else cal.two_digit_year(int(m["yy"]), ref) if m["yy"] else _spoken_year(m["sy"])
    return _point(m, cal.mval(y, _month_of(m["m"])), "month")


@rule(r"\b(?:(?i:early|mid-?|late|the\s+end\s+of|end\s+of)\s*)?(?P<m>" + _MONTH_ANY
      + r"),?\s+(?:of\s+)?(?P<rel>(?i:last|this|next))\s+year\b", "month",
      examples=[("2025-03-05", "in September last year", "2024-09", "month"),
                ("2025-03-05", "after October of next year", "2026-10", "month")])
def month_rel_year(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    """"September last year", "March of next year": the month in the year the phrase names."""
    if ref is None:
        return _point(m, None, "unknown")
    step = {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
    return _point(m, cal.mval(ref.year + step, _month_of(m["m"])), "month", relative=True)


@rule(r"\b(?:(?P<mod>(?i:early|mid-?|late|the\s+end\s+of|end\s+of))\s*)?(?P<m>" + _MONTH_ANY
      + r"),?\s+(?:of\s+)?(?i:that|the\s+same|that\s+same|the\s+following|the\s+next|the\s+previous)"
      r"(?P<rel>)\s+year\b", "month",
      examples=[("2025-03-05", "He arrived in 2019. In October of that year, he left.", "2019-10", "month"),
                ("2025-03-05", "It was founded in 2001 and sold in May the following year.", "2002-05", "month")])
def month_of_story_year(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    """"October of that year", "May the following year": the month in the year the story is at."""
    g = m.group().lower()
    step = 1 if re.search(r"\b(?:following|next)\b", g) else -1 if "previous" in g else 0
    return _anaphor(m, f"inyear:{_month_of(m['m'])}:{step}")


@rule(r"(?i:\bthe\s+(?:entire|whole|full)\s+year\b)(?![- ](?:old|long|round)|,?\s+(?:of\s+)?(?:fiscal\s+)?\d)", "unit",
      examples=[("2006-01-27", "GM lost $4.8 billion in the fourth quarter of 2005 and $8.6 billion for the entire "
                 "year.", "2005", "year"),
                ("2025-03-05", "The store was open the whole year.", None, "unknown")])
def whole_year(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    """"for the full year": the year the story is at (a results report), never a guess from the
    publication date; with no year in the story it is a duration."""
    return _anaphor(m, "year:story")


@rule(r"(?i:\b(?P<p>over|during|on|at|across|through|by|until|till)\s+the\s+weekend\b)(?!['’])", "unit",
      examples=[("2024-12-02", "They met over the weekend.", "2024-11-30/2024-12-01", "range"),
                ("2025-03-05", "It will be done by the weekend.", "2025-03-08/2025-03-09", "range"),
                ("2025-03-05", "Send it by the weekend.", "2025-03-08/2025-03-09", "range"),
                ("2025-03-05", "The water had receded by the weekend.", "2025-03-01/2025-03-02", "range")])
def weekend(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    """"over the weekend" in news: the most recent Saturday-Sunday (the coming one in future tense)."""
    if ref is None:
        return _point(m, None, "unknown")
    saturday = cal.shift(ref, -((ref.weekday() - 5) % 7))
    clause = tense(text, m.start(), m.end())
    if clause is None and m["p"].lower() in ("by", "until", "till"):
        clause = "future"  # "by the weekend" with no verb to say otherwise: a deadline
    if saturday and clause == "future" and ref.weekday() < 5:
        saturday = cal.shift(saturday, 7)
    return _point(m, cal.span(saturday, cal.shift(saturday, 1) if saturday else None), "range", relative=True)


@rule(r"(?i:\bthe\s+)(?P<wd>" + _WEEKDAY_I + r")\s+(?i:(?P<dir>after|before|following|preceding)\s+)(?P<h>" + _HOLIDAY
      + r")(?![\w-])(?:,?\s+(?P<y>" + _YEAR + r")\b)?", "holiday",
      examples=[("2025-10-22", "We met on the Monday after Easter.", "2025-04-21", "day"),
                ("2023-11-16", "The party is the Saturday after Thanksgiving.", "2023-11-25", "day"),
                ("2025-03-05", "It opened the Sunday before Christmas 2019.", "2019-12-22", "day")])
def weekday_by_holiday(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    """"the Saturday after Thanksgiving", "the Sunday before Christmas": the first such weekday on
    that side of the holiday (whose year comes as the holiday's would alone)."""
    name = re.sub(r"\s+", " ", m["h"].lower().replace("’", "'"))
    wd = _WEEKDAY_NUMBER[m["wd"].lower()]
    if m["y"]:
        base = cal.holiday(name, int(m["y"]))
    elif ref is None:
        return _point(m, None, "unknown")
    else:
        dates = [d for y in (ref.year - 1, ref.year, ref.year + 1) if cal.year_ok(y) and (d := cal.holiday(name, y))]
        clause = tense(text, m.start(), m.end())
        base = None if clause == "either" else nearest_date(ref, dates, clause)
    if base is None:
        return _point(m, None, "unknown")
    after = m["dir"].lower() in ("after", "following")
    step = ((wd - base.weekday()) % 7 or 7) if after else -((base.weekday() - wd) % 7 or 7)
    return _day(m, cal.shift(base, step), relative=not m["y"])


@rule(r"(?<![\w-])(?:(?P<mod>(?i:last|next|this|the))\s+)?(?P<h>" + _HOLIDAY + r")(?![\w-])(?:,?\s+(?P<y>"
      + _YEAR + r")\b)?", ("holiday", "wd", "month", "unit"),
      examples=[("2025-03-05", "Labor Day 2018", "2018-09-03", "day"),
                ("2025-03-05", "We will meet on Easter Sunday.", "2025-04-20", "day"),
                ("2025-03-05", "Thanksgiving 2019", "2019-11-28", "day"),
                ("2025-03-05", "on Black Friday 2020", "2020-11-27", "day"),
                ("2025-03-05", "He was set to make Fourth of July remarks", "2025-07-04", "day"),
                ("2000-01-07", "Elian was found Thanksgiving Day at sea.", "1999-11-25", "day"),
                ("2000-02-10", "found last Thanksgiving", "1999-11-25", "day"),
                ("2025-03-05", "Christmas shopping", None, "unknown"),
                ("2023-03-26", "The song was on the Christmas album.", None, "unknown"),
                ("2025-03-05", "we met on easter sunday 2019", "2019-04-21", "day"),
                ("2007-01-18", "Sales soared during the Christmas and New Year sales period.", None, "unknown"),
                ("2025-03-05", "Shops hired staff for the Christmas season.", None, "unknown"),
                ("2025-03-05", "Traffic peaks over the Easter holiday period.", None, "unknown"),
                ("2025-03-05", "We met last Christmas.", "2024-12-25", "day"),
                ("2025-03-05", "They will marry next Christmas.", "2025-12-25", "day"),
                ("2025-03-05", "They met on Thanksgiving 2021.", "2021-11-25", "day"),
                ("2025-03-05", "It closed on Christmas Eve 2020.", "2020-12-24", "day"),
                ("2025-03-05", "The store opened last Black Friday.", "2024-11-29", "day"),
                ("2025-03-05", "We met at Xmas 2020.", "2020-12-25", "day"),
                ("2025-03-05", "The party was on new years eve.", "2024-12-31", "day"),
                ("2025-03-05", "They married on New Years Day 2019.", "2019-01-01", "day"),
                ("2025-03-05", "The strike began the week before Christmas.", None, "unknown"),
                ("2025-11-18", "The queue formed on Boxing Day last year.", "2024", "year"),
                ("2024-12-16", "The sales started on Boxing Day.", "2023-12-26", "day"),
                ("2024-12-16", "The sales start on Boxing Day.", "2024-12-26", "day"),
                ("2024-12-16", "Merry Christmas!", None, "unknown"),
                ("2025-11-18", "The shop opens on Easter Monday next year.", "2026", "year"),
                ("2025-03-05", "Sales soared in the weeks leading up to Christmas.", None, "unknown"),
                ("2025-11-19", "The strike has run since Christmas.", "2024-12-25", "day"),
                ("2025-11-19", "Prices have risen since Thanksgiving.", "2024-11-28", "day"),
                ("2025-11-19", "Since New Year's Day, 40 people have died.", "2025-01-01", "day"),
                ("1987-03-09", "Sales may slow, since Easter falls late.", "1987-04-19", "day")])
def holiday(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    """Named holidays, fixed or computed (Easter by dateutil, Thanksgiving, Labor Day...)."""
    name = re.sub(r"\s+", " ", m["h"].lower().replace("’", "'"))
    mod = (m["mod"] or "").lower()
    if name not in en.FIXED_HOLIDAYS and name not in en.WEEKDAY_HOLIDAYS and name not in en.DERIVED_HOLIDAYS \
            and name not in en.EASTER_HOLIDAYS and name != en.ELECTION_DAY:
        return None
    if not m["h"][:1].isupper() and not lenient and name in en.GENERIC_LOWER_HOLIDAYS:
        return None  # "an election day tradition", "may day": generic in lower case
    if _GREETING_BEFORE.search(text, max(0, m.start() - 12), m.start()):
        return _point(m, None, "unknown", "vague")  # "Merry Christmas!", "Happy Easter": a wish, no date
    subject: str | None = None
    nxt = _next_word(text, m.end())
    if not m["y"] and mod in ("", "the") \
            and (mod == "the" or _prev_word(text, m.start()) not in en.HOLIDAY_PREPOSITIONS) and not lenient:
        subject = en.HOLIDAY_SUBJECT_VERBS.get(nxt.lower().replace("’", "'"))
        if subject and not _CLAUSE_OPENING.search(text, max(0, m.start() - 12), m.start()):
            subject = None  # "a tougher Christmas was", "When Christmas falls on a weekend": no one day
        if subject is None and name in en.HOLIDAY_MODIFIER_NAMES and nxt[:1].isalpha() and nxt.lower() not in (
                "and", "or", "in", "on", "at", "when", "of", "weekend", "week", "holiday", "holidays", "break", "day",
                "eve", "morning", "night"):
            return None  # "Christmas shopping" is not a date; "before Christmas" is
        if subject is None and nxt.lower().rstrip(".,;:") in en.HOLIDAY_NONDATE_NOUNS:
            return None  # "Black Friday deals", "Christmas Eve expirations", "the New Year's Day title"
        if subject and _HOLIDAY_GENERIC.match(text, m.end()):
            return None  # "Christmas is a time for family", "Easter is usually in April": no one day
    start = m.start("h") if mod == "the" else m.start()
    if not m["y"] and _STRETCH_BEFORE.search(text, max(0, m.start() - 40), m.start()):
        return _point(m, None, "unknown", "vague", start=start)  # "the week before Christmas": no one day
    if not m["y"] and mod not in ("last", "next", "this") \
            and _next_word(text, m.end()).rstrip(".,;:") in en.HOLIDAY_STRETCH_NOUNS:
        return _point(m, None, "unknown", "vague", start=start)  # "over the Easter weekend": no one day
    if not m["y"] and _HOLIDAY_PERIOD.match(text, m.end()):
        return _point(m, None, "unknown", "vague", start=start)  # "the Christmas period": no one day
    if m["y"]:
        return _point(m, _iso(cal.holiday(name, int(m["y"]))), "day", start=start)
    if ref is None:
        return _point(m, None, "unknown", start=start)
    rel_year = _REL_YEAR.match(text, m.end()) if mod in ("", "the") else None
    if rel_year:  # "on Boxing Day last year": the holiday in the year named, as for "June 23 last year"
        y = ref.year + {"last": -1, "next": 1}.get(rel_year["rel"].lower(), 0)
        if not cal.year_ok(y):
            return _point(m, None, "unknown", start=start)
        return [_point(m, _iso(cal.holiday(name, y)), "day", start=start, relative=True),
                Cand(rel_year.start("rel"), rel_year.end(), cal.yval(y), "year", relative=True)]
    dates = [d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := cal.holiday(name, y))]
    if mod == "last":
        chosen = next((d for d in reversed(dates) if d < ref), None)
    elif mod == "next":
        chosen = next((d for d in dates if d > ref), None)
    elif mod == "this":
        chosen = cal.holiday(name, ref.year)
    elif subject and _THIS_YEAR.search(text, m.end(), _sentence_end(text, m.end())):
        chosen = cal.holiday(name, ref.year)  # "Christmas falls on a Thursday this year"
    elif subject:
        chosen = nearest_date(ref, dates, subject)  # "Easter is early", "Christmas was quiet"
    elif _SINCE_BEFORE.search(text, max(0, m.start() - 12), m.start()) and nxt.lower() not in en.HOLIDAY_SUBJECT_VERBS:
        # "has run since Christmas" (in November): last year's; "since Easter falls late": because
        chosen = nearest_date(ref, dates, "past!")
    else:
        clause, cue = tense_cue(text, m.start(), m.end())
        if clause == "past" and cue not in en.WEAK_PAST_CUES and _own_past_verb(text, m.start()) == cue:
            clause = "past!"  # "the sales started on Boxing Day": the past verb is the holiday's own
        chosen = None if clause == "either" else nearest_date(ref, dates, clause)
    return _point(m, _iso(chosen), "day", start=start, relative=True)


_GREETING_BEFORE = re.compile(r"(?:^|[.!?;:\"“(]\s*|\n\s*|,\s*)(?:" + _alt(en.GREETING_WORDS) + r")\s+$")
_HOLIDAY_GENERIC = re.compile(r"(?i)\s+\S+\s+(?:(?:a|an)\s+(?!(?:week|month|day|fortnight|few|couple)\b)|"
                              + _alt(en.HOLIDAY_GENERIC_AFTER) + r"\b)")
_STRETCH_BEFORE = re.compile(r"(?i)\bthe\s+(?:weeks?|weekend|months?|days|run-up|period|time)\s+(?:before|after|"
                             r"leading\s+up\s+to|following|around|ahead\s+of)\s+$")
_THIS_YEAR = re.compile(r"(?i)\bthis\s+year\b")


_HOLIDAY_PERIOD = re.compile(r"(?i)(?:\s+(?:and|&)\s+(?:the\s+)?[A-Z][\w'’.]*(?:\s+[A-Z][\w'’]*){0,2})?"
                             r"(?:\s+(?:sales|shopping|holiday|holidays|festive|travel|trading|retail))?\s+(?:"
                             + _alt(en.HOLIDAY_PERIOD_NOUNS) + r")\b")


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


# after a bare month, the next one with its year: "September and October of 2007", "January
# through March 2008", "May and July of last year" (``month`` gives the first month that year)
_SHARED_MONTH_YEAR = re.compile(
    r"(?:\s*,\s*" + _MONTH_ANY + r")*"  # "March, April and May 2006"
    r"(?:\s*[-–—/]\s*|,?\s+(?:and|or|to|through|thru|until|till|into)\s+)(?:(?:early|late|mid)[\s-]*)?"
    r"(?P<m2>" + _MONTH_ANY + r")(?:\s+of)?(?:,?\s+(?P<y>" + _YEAR + r")\b(?!\s*(?:%|percent)|[/–-]\d)"
    r"|,?\s+(?P<rel>(?i:last|this|next))\s+year\b)")


@rule(r"\b(?:(?P<mod>(?i:last|next|this|early|mid-|mid|late|earlier|later|the\s+end\s+of|end\s+of|"
      r"the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|early\s+to\s+mid-))\s*)?(?P<m>"
      + _MONTH_WORD + r"|(?i:" + _MONTH_FULL_NOCASE + r")\b)", "month",
      examples=[("2025-03-05", "The season ends in December.", "2025-12", "month"),
                ("2025-03-05", "The season ended in December.", "2024-12", "month"),
                ("2025-03-05", "They met in January.", "2025-01", "month"),
                ("2025-03-05", "Theresa May said", None, "unknown"),
                ("1987-03-16", "April crude settled 28 cents higher.", "1987-04", "month"),
                ("2025-11-20", "The January contract ended lower.", "2026-01", "month"),
                ("2006-12-04", "Upcoming releases include Friday's November employment report.", "2006-11", "month"),
                ("2006-12-11", "The army was deployed ahead of January's elections.", "2007-01", "month"),
                ("2006-12-14", "Data showed a smaller-than-expected rise in orders in October.", "2006-10", "month"),
                ("1987-03-13", "Profit would have doubled had it not been for November's fire.", "1986-11", "month"),
                ("2006-11-17", "She would lead the party at April's election.", "2007-04", "month"),
                ("2025-03-05", "The offensive began in early March.", "2025-03", "month"),
                ("2025-03-05", "Prices fell at the beginning of March.", "2025-03", "month"),
                ("2025-03-05", "The festival is held in March each year.", None, "unknown"),
                ("2025-03-05", "It happens every year in May.", None, "unknown"),
                ("1987-03-17", "Winter grains usually break dormancy in early April.", None, "unknown"),
                ("1987-03-17", "This makes a June election very likely.", "1987-06", "month"),
                ("1987-03-17", "It was a September surprise.", "1986-09", "month"),
                ("2025-03-05", "Each year, in late May, the town floods.", None, "unknown"),
                ("2025-03-05", "The company agreed to buy the plant in May.", "2025-05", "month"),
                ("2025-07-05", "The company agreed to buy the plant in May.", "2025-05", "month"),
                ("2025-03-05", "The company agreed to buy the plant in September.", None, "unknown"),
                ("1989-10-30", "Thermo agreed to purchase the line for $22 million in February.", "1990-02", "month"),
                ("2025-12-05", "The deal had been expected to close in January.", "2026-01", "month"),
                ("2025-03-05", "The company agreed in May to buy the plant.", "2024-05", "month"),
                ("2025-03-05", "The company has agreed to buy the plant in May.", "2025-05", "month"),
                ("2025-03-05", "He promised to return the issues in October.", "2025-10", "month"),
                ("2025-03-05", "The exhibition will stay open through August.", "2025-08", "month"),
                ("2025-03-05", "The exhibition stayed open through August.", "2024-08", "month"),
                ("2025-03-05", "A deal had been expected to close in August.", None, "unknown"),
                ("2025-03-05", "The bill would take effect in July.", "2025-07", "month"),
                ("2025-06-20", "Shares fell in May after the company warned on profits.", "2025-05", "month"),
                ("2026-03-18", "In 2008, the firm cut jobs in May.", "2008-05", "month"),
                ("2026-03-18", "Back in 2012, the mayor resigned in October.", "2012-10", "month"),
                ("2026-03-18", "In 2008 he was born; he will graduate in May.", "2026-05", "month"),
                ("2026-03-18", "From November to February the park was closed.", "2026-02", "month"),
                ("2025-08-23", "The festival runs from June to September.", "2025-09", "month"),
                ("2026-03-18", "The roadworks will last from May to September.", "2026-09", "month"),
                ("2026-03-18", "Sales fell between October and December.", "2025-12", "month"),
                ("2023-03-23", "Sites are at a greater chance for flooding through late May.", "2023-05", "month"),
                ("2023-03-24", "The team maintained its ranking until mid-January.", "2023-01", "month")])
def month(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    word = m["m"]
    mod = (m["mod"] or "").lower().strip()
    prev = _prev_word(text, m.start())
    if prev in en.SET_WORDS:
        return _point(m, None, "unknown", "set")
    evidence = bool(mod) or prev.rstrip(",") in en.MONTH_EVIDENCE
    if word.lower() in ("may", "march") and not word[:1].isupper():
        return None
    span = _month_span(text, m) if word[:1].isupper() and not mod.startswith(("last", "next", "this")) else None
    evidence = evidence or span is not None  # "runs May through July": the pair says it is a month
    if word == "May" and not evidence and not lenient:
        return None
    if not word[:1].isupper() and not evidence and not lenient:
        return None  # "a june bug"
    if not evidence and not lenient:
        nxt = _next_word(text, m.end())
        if nxt[:1].isupper() and nxt.lower().rstrip(".,") not in en.MONTHS and nxt.lower() not in en.WEEKDAYS:
            return None  # "April Ryan", "June Carter"
        if prev and prev[:1].isupper() and prev.rstrip(".,").isalpha() and prev.lower() not in en.WEEKDAYS:
            return None  # "Theresa May", "Mr. March"
    shared = _SHARED_MONTH_YEAR.match(text, m.end()) if not mod.startswith(("last", "next", "this")) else None
    if shared and (word[:1].isupper() or evidence):
        # "between September and October of 2007", "from November to February 2008": the bare
        # month takes the year written after the next one (the year before when it comes later
        # in the calendar), not the year its own tense would give
        first, later = _month_of(word), _month_of(shared["m2"])
        if shared["y"]:
            y2: int | None = int(shared["y"])
        else:
            y2 = None if ref is None else ref.year + {"last": -1, "next": 1}.get(shared["rel"].lower(), 0)
        if y2 is not None and cal.year_ok(y2 - (first > later)):
            return _point(m, cal.mval(y2 - (first > later), first), "month", relative=not shared["y"])
    if word == "March" and span is None and _next_word(text, m.end()).lower() in ("for", "of", "on", "against", "to"):
        if not re.search(r"(?i)\b(?:in|since|until|by|last|next|this|early|late|mid)\s*$", text[max(0, m.start() - 8):m.start()]):
            return None  # "the March for Life", "the March of the Mothers"
    if ref is None:
        return _point(m, None, "unknown")
    month_no = _month_of(word)
    base = mod.split()[0] if mod else ""
    y: int | None
    fronted = _fronted_year(text, m.start()) if base not in ("last", "next", "this") else None
    if fronted is not None:
        clause = tense(text, m.start(), m.end())
        if (fronted < ref.year and clause == "future") or (fronted > ref.year and clause == "past"):
            fronted = None  # "In 2008 he was born; he will graduate in May": another time
    if fronted is not None:
        y = fronted  # "In 2008, the firm cut jobs in May": the sentence's year
    elif span is not None:
        # "from November to February": the two months of one stretch, each in its own year
        first, second, at, stop = span
        clause = tense(text, at, stop)  # the stretch's clause: "between July and September was revised"
        if _next_word(text, stop).lower().rstrip(".,;:") in en.CONTRACT_NOUNS:
            clause = "future"  # "wheat for May-June shipment": delivery months, ahead
        season = _SEASON_YEAR_BEFORE.search(text, max(0, at - 50), at)
        # "in 1987/88 (April-March)", "the 1986 (May-December) crop year": the season's own year
        y = int(season["y"]) if season else _month_span_year(ref, first, second, None if clause == "either" else clause)
        if month_no == second and at < m.start():
            y += first > second
    elif base in ("last", "next", "this"):
        y = month_year(ref, month_no, base, None)
    elif not mod and _next_word(text, m.end()).lower().rstrip(".,;:") in en.CONTRACT_NOUNS:
        # "April crude settled", "the May contract": a delivery month, this one or the coming one
        y = ref.year if month_no >= ref.month else ref.year + 1
    elif not mod and _next_word(text, m.end()).lower().rstrip(".,;:") in en.DATA_NOUNS:
        # "Friday's November employment report": figures for a month that has begun or ended
        y = month_year(ref, month_no, "", "past")
    elif not mod and text.startswith(("'s", "’s"), m.end()):
        # "ahead of January's elections": a named happening, read as a possessive weekday is
        # (a month is further off than a weekday, so "would lead at April's election" is ahead)
        clause = _possessive_tense(text, m.start(), m.end(), weak_future=True)
        y = _nearer_month_year(ref, month_no) if clause == "either" else month_year(ref, month_no, "", clause)
    elif not mod and prev in ("a", "an") and _next_word(text, m.end())[:1].islower() \
            and tense(text, m.start(), m.end()) in (None, "either"):
        # "This makes a June election very likely": a happening named by its month, no tense to
        # say which; the nearer June, or none when both are about half a year off
        y = _nearer_month_year(ref, month_no)
    else:
        clause = tense(text, m.start(), m.end())
        if clause is None and prev in ("through", "thru") and month_no > ref.month:
            # "a chance of flooding through late May" (in March): an end still ahead; "sales
            # through February" (in March) are the year to date
            clause = "future"
        # "agreed to buy the plant in May", "had been expected to close in June": a future seen
        # from the past, so the nearer May, or none when both are about half a year off
        y = _nearer_month_year(ref, month_no) if clause == "either" else month_year(ref, month_no, "", clause)
    if y is None:
        return _point(m, None, "unknown")
    if _EACH_YEAR.match(text, m.end()) or _EACH_YEAR_BEFORE.search(text, max(0, m.start() - 30), m.start()):
        return _point(m, None, "unknown", "set")  # "in March each year", "every year in May"
    if base not in ("last", "next", "this") and (
            (_HABITUAL.search(text, max(0, m.start() - 60), m.start())
             and not _SENTENCE_END.search(text, max(0, m.start() - 60), m.start()))
            or _HABITUAL_AFTER.match(text, m.end())):
        return _point(m, None, "unknown", "set")  # "grains usually break dormancy in early April"
    return _point(m, cal.mval(y, month_no), "month", relative=True)


_SPAN_WORD = r"(?:\s*[-–]\s*|\s+(?:to|through|thru|until|till|into)\s+)(?:(?:early|late|mid)[\s-]*)?"
_SPAN_MONTH = r"(?:" + _MONTH_FULL + r")\b"
# the second month of a stretch, with no year, day or "last"/"next" of its own
_MONTH_SPAN_AFTER = re.compile(_SPAN_WORD + r"(?P<m2>" + _SPAN_MONTH + r")(?!\s*,?\s*(?:\d|of\s+\d|last|next|this)"
                               r"|['’])")
_MONTH_SPAN_BEFORE = re.compile(r"\b(?P<m1>" + _SPAN_MONTH + r")" + _SPAN_WORD + r"$")
_SEASON_YEAR_BEFORE = re.compile(r"\b(?P<y>" + _YEAR + r")(?:/\d\d(?:\d\d)?)?(?:\s+[A-Za-z-]+){0,3}\s*\(\s*$")
_BETWEEN_BEFORE = re.compile(r"(?i)\bbetween\s+$")
_BETWEEN_AND = re.compile(r"\s+and\s+(?P<m2>" + _SPAN_MONTH + r")(?!\s*,?\s*(?:\d|of\s+\d|last|next|this)|['’])")
_BETWEEN_AND_BEFORE = re.compile(r"(?i:\bbetween)\s+(?P<m1>" + _SPAN_MONTH + r")\s+and\s+$")


def _month_span(text: str, m: re.Match[str]) -> tuple[int, int, int, int] | None:
    """(first month, second month, start of the first, end of the second) when the bare month ``m`` is one end of a
    stretch of two bare months ("from March to June", "May through July", "between October
    and December"), else None. A month with its own year is read by the shared-year rule."""
    if m.end() - m.start() != len(m["m"]) or text[m.start() - 1:m.start()] == "/" or text[m.end():m.end() + 1] == "/":
        return None  # "early March to June": a modifier of its own; "Apr/May-May/Jun": a price table
    after = _MONTH_SPAN_AFTER.match(text, m.end())
    if after is None and _BETWEEN_BEFORE.search(text, max(0, m.start() - 10), m.start()):
        after = _BETWEEN_AND.match(text, m.end())
    if after is not None:
        return _month_of(m["m"]), _month_of(after["m2"]), m.start(), after.end("m2")
    before = _MONTH_SPAN_BEFORE.search(text, max(0, m.start() - 30), m.start()) \
        or _BETWEEN_AND_BEFORE.search(text, max(0, m.start() - 40), m.start())
    if before is not None:
        return _month_of(before["m1"]), _month_of(m["m"]), before.start("m1"), m.end()
    return None


def _month_span_year(ref: date, first: int, second: int, clause: str | None) -> int:
    """The year the first month of a stretch is in: in a past clause the last one that has ended
    (or ends this month); else the one that holds the publication month, or in a future clause
    the next one, with no tense the last one, as a bare month (a stretch may cross a year end:
    "from November to February")."""
    now = (ref.year, ref.month)
    spans = [(y, (y, first), (y + (first > second), second)) for y in range(ref.year - 2, ref.year + 2)]
    ended = [y for y, _, end in spans if end <= now]
    if clause == "past":  # told as over: "the value of trade in April-July rose" (published in June)
        return ended[-1]
    held = [y for y, start, end in spans if start <= now <= end]
    if held:
        return held[0]  # "the festival runs from June to September" (in August)
    if clause == "future":
        return next(y for y, start, _ in spans if start > now)
    return ended[-1]  # no tense: news reports the past, as a bare month


_FRONTED_YEAR = re.compile(r"(?i)[\s\"“(]*(?:(?:back|later|earlier|then|and|but|even)\s+)?(?:in|during|throughout)\s+"
                           r"(?:(?:early|late|mid-?)\s*)?(?P<y>" + _YEAR + r")\b(?!\s*(?:[-–/]\s*\d|%|percent))")
_ANY_YEAR = re.compile(r"\b" + _YEAR + r"\b")
_FRONTED_BREAK = re.compile(r"(?i)\b(?:" + _alt(en.FRONTED_YEAR_BREAKS) + r")\b")
_SENTENCE_OPEN = re.compile(r"(?s:.*)(?:[.!?][\"”’)]?\s+|\n\s*\n)")


def _fronted_year(text: str, pos: int) -> int | None:
    """The year a sentence opens with ("In 2008, ...", "Back in 2012, ...", "During 2010 ...")
    when no other year comes between it and ``pos``: a bare month later in that sentence is in
    it. None when the sentence's start is not within 250 characters."""
    lo = max(0, pos - 250)
    opened = _SENTENCE_OPEN.match(text, lo, pos)
    if opened:
        start = opened.end()
    elif lo == 0:
        start = 0
    else:
        return None
    front = _FRONTED_YEAR.match(text, start, pos)
    if not front or _ANY_YEAR.search(text, front.end(), pos) or _FRONTED_BREAK.search(text, front.end(), pos):
        return None
    y = int(front["y"])
    return y if cal.year_ok(y) else None


def _nearer_month_year(ref: date, month: int) -> int | None:
    """The year of the nearer ``month`` (this one, or one at most four months off), else None."""
    ahead = (month - ref.month) % 12
    if ahead == 0:
        return ref.year
    if ahead <= 4:
        return ref.year + (month < ref.month)
    if 12 - ahead <= 4:
        return ref.year - (month > ref.month)
    return None


# bounded repetition: an unbounded one rescans a long "Monday, Monday, ..." list per weekday (quadratic)
# a weekday in a schedule: joined to another by a dash ("Wednesday-Saturday"), or followed by a
# range of clock times ("Sunday 11 a.m.-8 p.m.")
_HOURS_AFTER = re.compile(r"(?i)\s*[-–]\s*" + _WEEKDAY + r"\b|\s+\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?\s*[-–]\s*\d")
_DAY_SPAN_BEFORE = re.compile(r"(?i)" + _WEEKDAY + r"\s*[-–]\s*$")
_RECURRING_AFTER = re.compile(r"(?:\s*(?:,|and|or|&)\s*" + _WEEKDAY + r"){0,6}\s*(?:mornings|afternoons|evenings|nights)\b")


@rule(r"\b(?P<wd>" + _WEEKDAY_I + r")(?:'s)?\s+(?:of\s+)?(?P<rel>(?i:next|last|this))\s+week\b", "wd",
      examples=[("2025-03-05", "Thursday of next week", "2025-03-13", "day"),
                ("2025-03-05", "Monday of last week", "2025-02-24", "day"),
                ("2025-03-05", "on Friday this week", "2025-03-07", "day")])
def weekday_of_week(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    if ref is None:
        return _point(m, None, "unknown")
    step = {"next": 1, "last": -1, "this": 0}[m["rel"].lower()]
    monday = cal.shift(ref, -ref.weekday() + 7 * step)
    return _day(m, cal.shift(monday, _WEEKDAY_NUMBER[m["wd"].lower()]) if monday else None, relative=True)


@rule(r"(?i:\b(?P<n>a|one|two|three|four|\d)\s+weeks?\s+ago\s+)(?P<wd>" + _WEEKDAY_I + r")\b", "wd",
      examples=[("1998-08-20", "The bombs went off a week ago Friday.", "1998-08-07", "day"),
                ("2025-03-05", "The plant closed two weeks ago Monday.", "2025-02-17", "day"),
                ("2025-03-05", "It began a week ago Wednesday.", "2025-02-26", "day")])
def weeks_ago_weekday(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    """"a week ago Friday" (US wire style): the Friday a week before the last Friday."""
    n = _num(m["n"])
    if ref is None or not n:
        return _point(m, None, "unknown")
    last = weekday_date(ref, _WEEKDAY_NUMBER[m["wd"].lower()], "", "past")
    return _day(m, cal.shift(last, -7 * n) if last else None, relative=True)


@rule(r"\b(?:(?i:next)\s+)?(?P<wd>" + _WEEKDAY + r")\s+week\b(?![-'’]|\s+(?:ago|earlier|later|before|after|long|of|end|one|two|"
      r"three|\d))|(?i:\b(?P<n>a|one|two|three|four)\s+(?P<unit>weeks?|fortnights?)\s+(?:(?P<dir>on|last|next)\s+(?P<wd2>" + _WEEKDAY_I
      + r")|(?P<rel>today|tomorrow|yesterday))\b(?!['’]))", ("wd", "rel"),
      examples=[("2025-03-05", "We will meet Tuesday week.", "2025-03-18", "day"),
                ("2025-03-04", "The trial opens Tuesday week.", "2025-03-11", "day"),
                ("2025-03-05", "The law takes effect a week on Friday.", "2025-03-14", "day"),
                ("2025-03-05", "He left a week last Monday.", "2025-02-24", "day"),
                ("2025-03-05", "The shop opens a week today.", "2025-03-12", "day"),
                ("2025-03-05", "The shop opens a week tomorrow.", "2025-03-13", "day"),
                ("2025-03-05", "He left a week yesterday.", "2025-02-25", "day"),
                ("2025-03-05", "The shop opens a fortnight on Saturday.", "2025-03-22", "day"),
                ("2025-03-05", "We meet next Friday week.", "2025-03-14", "day"),
                ("2024-06-09", "Two weeks today we fly out.", "2024-06-23", "day")])
def weekday_week(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    """British "Tuesday week" and "a week on Tuesday": a week after the coming Tuesday (a week
    today when said on a Tuesday); "a week last Tuesday" is a week before the last one; "a
    week today", "a fortnight tomorrow" count on from that day ("a week yesterday" back)."""
    if ref is None:
        return _point(m, None, "unknown")
    days = (14 if (m["unit"] or "").lower().startswith("fortnight") else 7) * ((_num(m["n"]) or 1) if m["n"] else 1)
    if days > 14 and _prev_word(text, m.start()) in en.OFFSET_DURATION_LEAD | {"in", "of", "after"}:
        return None  # "his third number one in three weeks on Sunday": a stretch, then the day
    if m["rel"]:
        rel = m["rel"].lower()
        if rel == "yesterday":
            return _day(m, cal.shift(ref, -1 - days), relative=True)
        if rel == "today" and tense(text, m.start(), m.end()) == "past":
            return _day(m, cal.shift(ref, -days), relative=True)  # "she left a week today" (British)
        return _day(m, cal.shift(ref, days + (1 if rel == "tomorrow" else 0)), relative=True)
    wd = _WEEKDAY_NUMBER[(m["wd"] or m["wd2"]).lower()]
    if (m["dir"] or "").lower() == "last":
        last = cal.shift(ref, -((ref.weekday() - wd) % 7 or 7))
        return _day(m, cal.shift(last, -days) if last else None, relative=True)
    return _day(m, cal.shift(ref, (wd - ref.weekday()) % 7 + days), relative=True)


@rule(r"(?i:\b(?P<n>" + _NUMWORD + r")\s+(?P<u>days?|weeks?|months?|years?|fortnights?)\s+from\s+)"
      r"(?P<base>(?i:today|now|tomorrow|yesterday)|" + _WEEKDAY_I + r")\b", ("unit",),
      examples=[("2025-03-05", "two weeks from today", "2025-03-19", "day"),
                ("2025-03-05", "a week from Friday", "2025-03-14", "day"),
                ("2025-03-05", "ten days from tomorrow", "2025-03-16", "day"),
                ("2026-04-05", "The fair opens a week from Sunday.", None, "unknown"),
                ("2025-03-05", "the fair opens a week from tuesday", "2025-03-18", "day"),
                ("2025-03-05", "three months from now", "2025-06", "month"),
                ("2026-02-13", "The office is closed for two weeks from Monday.", "2026-02-16", "day"),
                ("2026-02-13", "The road was shut for ten days from Monday.", "2026-02-09", "day"),
                ("2026-02-13", "Prices are frozen for a year from today.", "2026-02-13", "day")])
def units_from(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    """"two weeks from today", "a week from Friday": an offset from a day anchor, forwards; after
    "for", "within"... ("closed for two weeks from Monday") a stretch that starts on the anchor."""
    n = _num(m["n"])
    if n is None or ref is None or m["n"].lower() in en.VAGUE_QUANTITIES:
        return _point(m, None, "unknown", "vague" if n is None else "point")
    base_word = m["base"].lower()
    unit = m["u"].lower().rstrip("s")
    if _prev_word(text, m.start()).lower() in en.OFFSET_DURATION_LEAD:
        stretch = _point(m, None, "unknown", "duration", end=m.end("u"))
        if base_word == "now":
            return stretch
        day = weekday_date(ref, _WEEKDAY_NUMBER[base_word], "", tense(text, m.start("base"), m.end())) \
            if base_word in en.WEEKDAYS else cal.shift(ref, {"today": 0, "tomorrow": 1, "yesterday": -1}[base_word])
        return [stretch, _point(m, _iso(day), "day", start=m.start("base"), relative=True)]
    if base_word in en.WEEKDAYS:
        if _WEEKDAY_NUMBER[base_word] == ref.weekday():
            return _point(m, None, "unknown")  # "a week from Sunday" said on a Sunday: today's or the next?
        base = weekday_date(ref, _WEEKDAY_NUMBER[base_word], "", "future")
    else:
        base = cal.shift(ref, {"today": 0, "now": 0, "tomorrow": 1, "yesterday": -1}[base_word])
    if base is None:
        return _point(m, None, "unknown")
    if unit == "month":
        return _point(m, cal.mval(*cal.month_add(base.year, base.month, n)), "month", relative=True)
    if unit == "year":
        return _point(m, cal.yval(base.year + n), "year", relative=True)
    return _day(m, cal.shift(base, n * en.UNITS_IN_DAYS[unit]), relative=True)


_SCHEDULE_BEFORE = re.compile(r"(?i)\b(?:open|opening|hours|daily|weekly|usually|normally|every|each)\b[^.;:!?]*$")
_HOURS_AFTER_RANGE = re.compile(r"(?i),?\s+(?:from\s+|between\s+)?\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\.?)?\s*(?:[-–]|to|and)\s*\d")


@rule(r"\b(?:(?P<from>(?i:from))\s+)?(?P<a>" + _WEEKDAY_I + r")\s+(?i:to|until|till|through|thru)\s+(?P<b>" + _WEEKDAY_I
      + r")\b(?!['’])",
      "wd",
      examples=[("2025-03-05", "The plant will be closed from Monday to Friday.", "2025-03-14", "day"),
                ("2025-03-05", "The plant was closed from Monday to Friday.", "2025-02-28", "day"),
                ("2025-03-05", "The plant was closed from Thursday to Monday.", "2025-03-03", "day"),
                ("2025-03-05", "Talks will run from Thursday until Saturday.", "2025-03-08", "day"),
                ("2025-03-05", "Open from Monday to Friday, 9am-5pm.", None, "unknown"),
                ("2025-03-05", "The office is usually staffed from Monday to Friday.", None, "unknown"),
                ("2025-03-05", "The store is open Monday through Friday.", None, "unknown"),
                ("2025-03-05", "The fair ran Thursday through Sunday.", "2025-03-02", "day"),
                ("2026-03-18", "The meeting was moved from Thursday to Friday.", "2026-03-20", "day"),
                ("2023-10-15", "The concert was switched from Friday to Saturday.", "2023-10-21", "day")])
def weekday_to_weekday(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    """"from Monday to Friday": one stretch, so the second day is the first one's week's (or the
    next), never before it: a future clause counts from the coming first day, any other from the
    last second day."""
    if ref is None:
        return [_point(m, None, "unknown", start=m.start("a"), end=m.end("a")),
                _point(m, None, "unknown", start=m.start("b"), end=m.end("b"))]
    if _SCHEDULE_BEFORE.search(text, max(0, m.start() - 30), m.start()) or _HOURS_AFTER_RANGE.match(text, m.end()):
        # "Open from Monday to Friday, 9am-5pm": opening hours, a set
        return [_point(m, None, "unknown", "set", start=m.start("a"), end=m.end("a")),
                _point(m, None, "unknown", "set", start=m.start("b"), end=m.end("b"))]
    wa, wb = _WEEKDAY_NUMBER[m["a"].lower()], _WEEKDAY_NUMBER[m["b"].lower()]
    if m["from"] and _RESCHEDULED_FROM.search(text, max(0, m.start() - 30), m.start()):
        # "the meeting was moved from Thursday to Friday": the old day and the new one, both
        # ahead (as "moved to Sunday"), not a stretch
        old = weekday_date(ref, wa, "", "future")
        new = cal.shift(ref, (wb - ref.weekday()) % 7 or 7)  # a new day is never today
        return [_point(m, _iso(d), "day", start=m.start(g), end=m.end(g), relative=True)
                for d, g in ((old, "a"), (new, "b"))]
    delta = (wb - wa) % 7 or 7
    clause = tense(text, m.start(), m.end())
    if clause == "future":
        first = weekday_date(ref, wa, "", "future")
        last = cal.shift(first, delta) if first else None
    else:
        last = weekday_date(ref, wb, "", "past")
        first = cal.shift(last, -delta) if last else None
    return [_point(m, _iso(first), "day", start=m.start("a"), end=m.end("a"), relative=True),
            _point(m, _iso(last), "day", start=m.start("b"), end=m.end("b"), relative=True)]


@rule(r"(?i:\b(?:the\s+)?(?P<rel>following|next|previous|preceding|prior)\s+)(?P<wd>" + _WEEKDAY_I + r")\b", "wd",
      examples=[("2025-03-05", "He arrived on May 1, 2024 and left the following Monday.", "2024-05-06", "day"),
                ("2025-03-05", "It fell on March 3, 2025 after rising the previous Friday.", "2025-02-28", "day")])
def narrative_weekday(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    rel = m["rel"].lower()
    wd = _WEEKDAY_NUMBER[m["wd"].lower()]
    if rel == "next" and not m.group().lower().startswith("the"):
        if ref is None:
            return _point(m, None, "unknown")
        return _day(m, weekday_date(ref, wd, "next", None), relative=True)
    return _anaphor(m, f"weekday:{wd}:{'+' if rel in ('following', 'next') else '-'}")


@rule(r"\b(?:(?P<mod>(?i:this\s+past|this\s+coming|last|this|next|coming|early|late|earlier|later))\s+)?"
      r"(?P<wd>" + _WEEKDAY_I + r")(?:['’]s)?(?:\s+(?P<part>(?i:morning|afternoon|evening|night)))?\b", "wd",
      examples=[("2024-12-02", "On Friday night, insurgents advanced.", "2024-11-29", "day"),
                ("2024-12-02", "The summit will open Thursday.", "2024-12-05", "day"),
                ("2024-12-02", "He left last Friday.", "2024-11-29", "day"),
                ("2025-06-11", "Happy Friday, everyone.", None, "unknown"),
                ("2025-06-11", "The Fed meets next Tuesday and Wednesday.", "2025-06-18", "day"),
                ("2025-06-11", "Talks were held last Monday and Tuesday.", "2025-06-10", "day"),
                ("2025-06-11", "The match has been moved to Sunday.", "2025-06-15", "day"),
                ("2025-06-11", "The vote was pushed back to Friday.", "2025-06-13", "day"),
                ("2010-01-20", "200,000 people died in last Tuesday's quake.", "2010-01-12", "day"),
                ("2005-11-17", "The election kicked off last Wednesday.", "2005-11-09", "day"),
                ("2010-01-14", "Thousands are expected to have died in Tuesday's earthquake.", "2010-01-12", "day"),
                ("2010-01-14", "Aid is expected to arrive on Tuesday.", "2010-01-19", "day"),
                ("2023-03-23", "Open Wednesday-Saturday 11 a.m.-9 p.m.", None, "unknown"),
                ("2023-03-23", "Hours: Sunday 11 a.m.-8 p.m.", None, "unknown"),
                ("2024-12-02", "we met on friday", "2024-11-29", "day"),
                ("2000-01-07", "They said they would look for ways around Wednesday's ruling.", "2000-01-05", "day"),
                ("2025-03-05", "Campaigning closed ahead of Sunday's vote.", "2025-03-09", "day"),
                ("2025-03-05", "Markets rose after Monday's announcement.", "2025-03-03", "day"),
                ("2025-03-05", "Voters will go to the polls in Sunday's election.", "2025-03-09", "day"),
                ("1997-04-12", "The organisers of Sunday's race would not comment.", "1997-04-13", "day"),
                ("2005-11-13", "The bomber in Wednesday's hotel attacks confessed.", "2005-11-09", "day"),
                ("2005-11-02", "Henry had been rested for Saturday's derby.", "2005-11-05", "day"),
                ("2006-12-19", "The government paid for Monday's airlift.", "2006-12-18", "day"),
                ("2010-01-17", "Reports from the epicentre of Tuesday's earthquake suggest worse damage.",
                 "2010-01-12", "day"),
                ("2010-01-17", "Police will investigate Tuesday's fatal crash.", "2010-01-12", "day"),
                ("2010-01-17", "Residents braced ahead of Tuesday's storm.", "2010-01-19", "day"),
                ("2025-03-05", "The truce had been scheduled to end Thursday.", "2025-02-27", "day"),
                ("2025-03-05", "The truce is scheduled to end Thursday.", "2025-03-06", "day"),
                ("2025-03-03", "Talks were scheduled to resume Thursday.", "2025-03-06", "day"),
                ("2025-03-05", "The talks had been expected to resume on Friday.", "2025-02-28", "day"),
                ("2025-03-05", "The talks are due to resume on Friday.", "2025-03-07", "day"),
                ("2025-03-05", "The company agreed to sell the unit on Monday.", "2025-03-03", "day"),
                ("2025-03-07", "Traders bought ahead of Thursday's auction.", "2025-03-06", "day"),
                ("2025-03-05", "Traders bought ahead of Thursday's auction.", "2025-03-06", "day"),
                ("2025-03-07", "Traders will buy ahead of Thursday's auction.", "2025-03-13", "day"),
                ("2025-03-05", "The meeting is this Friday.", "2025-03-07", "day"),
                ("2025-03-05", "We will meet this Monday.", "2025-03-10", "day"),
                ("2025-03-05", "It was held this Monday.", "2025-03-03", "day"),
                ("2025-03-05", "Bids by Friday, please.", "2025-03-07", "day"),
                ("2025-03-05", "Monday is a holiday.", "2025-03-10", "day"),
                ("2025-03-05", "He said Friday is the deadline.", "2025-03-07", "day"),
                ("2025-03-05", "Monday was a holiday.", "2025-03-03", "day"),
                ("2025-03-05", "He had left by Friday.", "2025-02-28", "day"),
                ("2025-03-05", "The vote, which had been scheduled for Sunday, would be delayed.", None, "unknown"),
                ("2025-03-05", "The talks, which had been expected to end Friday, will now run on.", None, "unknown"),
                ("1987-03-19", "The match was cancelled on Wednesday due to heavy rain.", "1987-03-18", "day"),
                ("1987-03-19", "The ship is due to arrive on Wednesday.", "1987-03-25", "day"),
                ("2005-11-13", "The mosque is shown in a model, Sunday Times reported.", None, "unknown"),
                ("2026-03-18", "It happened last Wenesday.", "2026-03-11", "day"),
                ("2025-03-06", "Any Tuesday works.", None, "unknown"),
                ("2025-03-06", "Any Monday meeting is fine.", None, "unknown")])
def weekday(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    prev = _prev_word(text, m.start())
    if (prev in en.SET_WORDS and not m["mod"]) or (not m["part"] and _RECURRING_AFTER.match(text, m.end())) \
            or _EVERY_OTHER.search(text, max(0, m.start() - 30), m.start()):
        return _point(m, None, "unknown", "set")  # "every Monday", "on Monday and Tuesday nights"
    if not m["mod"] and (prev in en.INDEFINITE_DAY_WORDS or (
            _WEEKDAY_OF_DATE.search(text, max(0, m.start() - 20), m.start())
            and (m["part"] or not _EVENT_NOUN_AFTER.match(text, m.end())))):
        # "Christmas is on a Friday", "any Monday": no one day; a noun after "a Friday" may make it
        # one told happening ("at a Wednesday news conference"), never after "any" ("Any Tuesday works")
        return _point(m, None, "unknown", "vague")
    if not m["mod"] and (_HOURS_AFTER.match(text, m.end()) or _DAY_SPAN_BEFORE.search(text, max(0, m.start() - 12),
                                                                                          m.start())):
        return _point(m, None, "unknown", "set")  # opening hours: "Open Wednesday-Saturday 11 a.m.-9 p.m."
    if not m["mod"] and _GREETING_BEFORE.search(text, max(0, m.start() - 12), m.start()):
        return _point(m, None, "unknown", "vague")  # "Happy Friday, everyone": a greeting
    if _NAMED_DAY_BEFORE.search(text, max(0, m.start() - 8), m.start()):
        return None  # "Black Monday" names a past crash, "Cyber Monday" a sales day: not this week's Monday
    if not m["mod"] and not m["part"] and prev == "the" and _NAME_AFTER.match(text, m.end()):
        return None  # "The Sunday Times", "the Monday Club": a name
    if not m["mod"] and not m["part"] and not m.group().endswith(("'s", "’s")) and re.sub(r"['’]s$", "", _next_word(text, m.end()).rstrip(".,;:")) in en.NEWSPAPER_WORDS \
            and prev not in en.HOLIDAY_PREPOSITIONS | {"last", "next", "this", "since", "from", "until"}:
        return None  # "..., Sunday Times reported": a newspaper
    if ref is None:
        return _point(m, None, "unknown")
    mod = re.sub(r"\s+", " ", (m["mod"] or "").lower())
    if mod in ("early", "late", "earlier", "later"):
        mod = ""
    wd = _WEEKDAY_NUMBER[m["wd"].lower()]
    shared = _SHARED_MODIFIER.search(text, max(0, m.start() - 40), m.start()) if mod == "" and not m["part"] else None
    if shared:  # "next Tuesday and Wednesday": the second day shares the first one's week
        first = weekday_date(ref, _WEEKDAY_NUMBER[shared["wd"].lower()], re.sub(r"\s+", " ", shared["mod"].lower()), None)
        delta = (wd - _WEEKDAY_NUMBER[shared["wd"].lower()]) % 7
        if first and delta:
            return _day(m, cal.shift(first, delta), relative=True)
    clause = tense(text, m.start(), m.end()) if mod in ("", "this") else None
    if clause is None and mod == "" and (prev == "by" or _DEADLINE_BEFORE.search(text, max(0, m.start() - 30), m.start())):
        clause = "future"  # "by Friday", "by close of business Friday": a deadline
    if mod == "" and clause in (None, "past", "either") and _RESCHEDULED_BEFORE.search(text, max(0, m.start() - 30),
                                                                                        m.start()):
        clause = "future"  # "the match has been moved to Sunday": a new date, ahead
    if clause in (None, "past") and mod == "" and not m["part"] and _SUBJECT_IS.match(text, m.end()) \
            and _CLAUSE_OPENING.search(text, max(0, m.start() - 12), m.start()):
        clause = "future"  # "Monday is a holiday", "Friday is the deadline": the coming one
    if clause == "either" and _PLAN_CHANGED.search(text, m.end(), _sentence_end(text, m.end())):
        # "the vote, which had been scheduled for Sunday, would be delayed": a plan still ahead
        # or one that passed; the sentence does not say which
        return _point(m, None, "unknown")
    if mod == "" and m.group().lower().endswith(("'s", "’s")):  # the typographic apostrophe most pages print
        clause = _possessive_tense(text, m.start(), m.end())
        if clause == "future" and (wd - ref.weekday()) % 7 > 4 and tense(text, m.start(), m.end()) == "past":
            # "traders bought ahead of Thursday's auction" in a Friday report: what a past clause
            # did "ahead of" is days before it, so a weekday most of a week off is the last one
            clause = "past"
        if clause is None:  # "the organisers of Sunday's race" (on a Saturday): tomorrow's race
            ahead = (wd - ref.weekday()) % 7  # a named happening one or two days off is coming;
            clause = "future" if 0 < ahead <= 2 else "past"  # further off, news reports the past
    return _day(m, weekday_date(ref, wd, mod, clause), relative=True)


# "said at a Wednesday news conference", "in a Wednesday media event": the weekday qualifies one
# told happening (a noun after it), where "on a Friday", "a Friday night" name no one day
_EVERY_OTHER = re.compile(r"(?i)\b(?:every|each)\s+(?:other|second|third|fourth|alternate)\s+$")
_SHARED_MODIFIER = re.compile(r"(?i)\b(?P<mod>next|last|this\s+coming|this\s+past|this|coming)\s+(?P<wd>" + _WEEKDAY_I
                              + r")\s*(?:,|and|or|&)\s*(?:on\s+)?$")
_RESCHEDULED_FROM = re.compile(r"(?i)\b(?:" + _alt(en.RESCHEDULE_VERBS) + r")(?:\s+(?:back|forward))?\s+$")
_RESCHEDULED_BEFORE = re.compile(r"(?i)\b(?:" + _alt(en.RESCHEDULE_VERBS) + r")\s+(?:back\s+)?(?:to|until|till|for)\s+$")
_NAMED_DAY_BEFORE = re.compile(r"\b(?:" + _alt(en.WEEKDAY_NAME_PREFIXES) + r")\s*$")
_NAME_AFTER = re.compile(r"\s+(?!(?:" + _MONTH_FULL + r")\b)[A-Z][a-z]+")
_DEADLINE_BEFORE = re.compile(r"(?i)(?:\bby\s+(?:the\s+)?|\b)(?:" + _alt(en.DEADLINE_WORDS) + r")\s*[,:]?\s*$")
_EVENT_NOUN_AFTER = re.compile(r"\s+(?!(?:" + _alt(en.INDEFINITE_DAY_FOLLOWERS) + r")\b)[a-z]{3,}\b(?![-'’])")
_WEEKDAY_OF_DATE = re.compile(r"(?i)\b(?:" + _alt(en.WEEKDAY_OF_DATE_VERBS) + r")\s+(?:on\s+)?an?\s+$")
_SUBJECT_IS = re.compile(r"\s+is\s+(?!(?:over|gone|past|when|why|where|what|also)\b)")
_CLAUSE_OPENING = re.compile(r"(?:^|[.!?;:\"“(]\s*|\n\s*|\b(?:and|but|so|because|that|said|says|say)\s+)$")
_PLAN_CHANGED = re.compile(r"(?i)\b(?:" + _alt(en.PLAN_CHANGE_WORDS) + r")\b")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n\s*\n")


def _sentence_end(text: str, pos: int) -> int:
    found = _SENTENCE_END.search(text, pos, pos + 200)
    return found.start() if found else min(len(text), pos + 200)


_BEFORE_WORD = re.compile(r"(?i)\b(" + _alt(en.POSSESSIVE_FUTURE_LEAD + en.POSSESSIVE_PAST_LEAD) + r")\s+(?:the\s+)?$")
_NOUN_AFTER = re.compile(r"[A-Za-z]+")
_FOR_BEFORE = re.compile(r"(?i)\b([a-z]+),?\s+for\s+(?:the\s+)?$")


def _possessive_tense(text: str, start: int, end: int, weak_future: bool = False) -> str | None:
    """"Wednesday's ruling" names a happening, so the verb of its clause says less about it than
    the word before it: "ahead of Sunday's vote" is the coming Sunday, "after Wednesday's
    ruling" the last one. A conditional "would" ("would look for ways around Wednesday's
    ruling") is about what follows the ruling, not the ruling, so it does not make it future;
    with no cue (None) the caller takes the nearer of the two."""
    lead = _BEFORE_WORD.search(text, max(0, start - 20), start)
    if lead:
        word = re.sub(r"\s+", " ", lead.group(1).lower())
        return "future" if word in en.POSSESSIVE_FUTURE_LEAD else "past"
    if any(w.lower() in en.UNFORESEEN_HAPPENINGS for w in _NOUN_AFTER.findall(text, end, end + 40)[:4]):
        return "past"  # "Tuesday's devastating earthquake": nobody reports one ahead
    head = _FOR_BEFORE.search(text, max(0, start - 30), start)
    if head:  # "rested for Saturday's derby", "bills for Friday's session"; but "paid for Monday's airlift"
        return "past" if head.group(1).lower() in en.FOR_PAST_HEADS else "future"
    clause, cue = tense_cue(text, start, end, plans=False)  # a plan told in the present dates its own verb
    return None if clause == "future" and cue in en.WEAK_FUTURE_CUES and not weak_future else clause


@rule(r"\b(?P<w>(?i:today|tonight|yesterday|tomorrow|(?:the\s+)?day\s+before\s+yesterday|"
      r"(?:the\s+)?day\s+after\s+tomorrow|this\s+(?:morning|afternoon|evening)|last\s+(?:night|evening)|overnight))(?:'s)?"
      r"(?:\s+(?i:morning|afternoon|evening|night))?\b", ("rel", "unit"),
      examples=[("2025-03-05", "the day before yesterday", "2025-03-03", "day"),
                ("2025-03-05", "the day after tomorrow", "2025-03-07", "day"),
                ("2025-03-05", "see you day after tomorrow", "2025-03-07", "day"),
                ("2025-03-05", "He left day before yesterday.", "2025-03-03", "day"),

                ("2025-03-05", "Shots were fired last night.", "2025-03-04", "day"),
                ("2025-03-05", "Rebels attacked overnight.", "2025-03-05", "day"),
                ("2025-03-05", "overnight rates rose", None, "unknown"),
                ("2025-03-05", "It is small by today's standards.", None, "unknown"),
                ("2025-03-05", "Today's youth read less.", None, "unknown"),
                ("2025-03-05", "Today's vote was close.", "2025-03-05", "day"),
                ("2025-03-05", "He told the Today programme it was over.", None, "unknown"),
                ("2025-03-05", "USA Today reported the deal.", None, "unknown"),
                ("2025-03-05", "He said: Today we vote.", "2025-03-05", "day"),
                ("2025-03-05", "The vote is today.", "2025-03-05", "day")])
def relative_day(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    if m["w"] == "Today" and _inside_sentence(text, m.start()):
        return None  # "the Today programme", "USA Today", "NBC's Today show": a name, not a day
    w = re.sub(r"\s+", " ", m["w"].lower())
    if w == "today" and m.end() > m.end("w") \
            and _next_word(text, m.end()).lower().rstrip(".,;:!?") in en.GENERIC_TODAY_NOUNS:
        return _point(m, None, "unknown", "vague")  # "today's youth", "by today's standards": our times
    if w == "overnight":
        nxt = _next_word(text, m.end()).lower()
        if nxt[:1].isalpha() and nxt not in ("and", "or", "in", "on", "at", "to", "as", "when", "after",
                                             "before", "into", "from", "near", "across", "by", "with"):
            return None  # "overnight rates", "an overnight stay": an adjective
    if ref is None:
        return _point(m, None, "unknown")
    if w.startswith(("the day before", "day before")):
        off = -2
    elif w.startswith(("the day after", "day after")):
        off = 2
    else:
        off = {"today": 0, "tonight": 0, "overnight": 0, "yesterday": -1, "tomorrow": 1, "this": 0,
               "last": -1, **en.RELATIVE_DAY_SHORT}[w.split()[0]]
    return _day(m, cal.shift(ref, off), relative=True)


def _inside_sentence(text: str, at: int) -> bool:
    """Whether ``at`` follows a word of the same sentence: the character before it, past spaces,
    is a letter, digit, comma or apostrophe (not a sentence's end, a quote, a colon, a dash, a
    bracket or a line break). A capital there is a name's ("the Today programme"): news prose
    writes the day "today" in lower case inside a sentence."""
    i = at - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i >= 0 and (text[i].isalnum() or text[i] in ",'’")


@rule(r"(?i:\b(?P<w>" + _alt(list(en.RELATIVE_DAY_SHORT)) + r"))\b", "rel",
      examples=[("2025-03-05", "He called yest.", "2025-03-04", "day"),
                ("2025-03-05", "See u tonite", "2025-03-05", "day"),
                ("2025-03-05", "c u tmw", "2025-03-06", "day"),
                ("2025-03-05", "see you tmrw", "2025-03-06", "day")])
def relative_day_short(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    """Shorthand for the days next to today ("tmrw", "yest.", "tonite"). A rule of its own, searched
    only near its own words: in a window cut inside "Yesterday" the pattern would find "Yest"."""
    if ref is None:
        return _point(m, None, "unknown")
    return _day(m, cal.shift(ref, en.RELATIVE_DAY_SHORT[m["w"].lower()]), relative=True)


@rule(r"(?i)\b(?:by|before|after|until|till|on)\s+(?P<t>that\s+(?:time|date))\b", "vague",
      examples=[("2011-05-29", "The sale will be final by June 10. If no price is agreed by that time, the buyer will pay.",
                 "2011-06-10", "day"),
                ("2011-05-29", "By that time, the firm had left.", None, "unknown")])
def by_that_time(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    """"by that time", "after that date": the day the story told just before, or nothing (a month
    or a year told is no day: "In June 2010 ... By that time" says no more than June)."""
    return _anaphor(m, "day:that", start=m.start("t"))


@rule(r"(?i:\b(?:(?P<lead>the\s+next|the\s+following|the\s+previous|the\s+preceding|the\s+prior|that|"
      r"the\s+same|that\s+same|earlier\s+that|later\s+that|early\s+that|late\s+that)\s+"
      r"(?P<u>day|morning|afternoon|evening|night)"
      r"|the\s+(?P<ba>day|night)\s+(?P<dir>before|after)(?=\s*[.,;:)!?]|\s*$)"
      r"|(?P<at>(?:at|(?:just\s+|shortly\s+|soon\s+)?(?:after|before))\s+)(?P<noon>midday|noon|midnight|dawn|dusk|daybreak)"
      r"|(?P<n>" + _NUMWORD + r")\s+(?P<du>days?|weeks?)\s+(?P<rel>later|earlier|before|after)(?=\s*[.,;:)]|\s+(?:when|as|in|on)\b)))\b",
      ("unit", "rel"),
      examples=[("2025-03-05", "He was arrested on June 3, 2021. He was freed the next day.", "2021-06-04", "day"),
                ("2025-03-05", "The vote was on May 2, 2023, and results came the previous day.", "2023-05-01", "day"),
                ("2025-03-05", "Police said the previous day that", "2025-03-04", "day"),
                ("2025-03-05", "It opened on June 3, 2021; three days later, it shut.", "2021-06-06", "day"),
                ("2025-03-05", "On July 1, 2020 it rained. Earlier that day, fans left.", "2020-07-01", "day"),
                ("1999-10-08", "He will appear before a judge at midday.", "1999-10-08", "day"),
                ("2025-03-05", "It happened just after midnight.", "2025-03-05", "day"),
                ("2025-03-05", "That day, he said, changed everything.", None, "unknown"),
                ("2025-03-05", "Later that day, shares fell.", None, "unknown")])
def narrative_day(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    """References to the day the story is at: "the previous day", "that morning", "two days later"."""
    if m["lead"]:
        lead = re.sub(r"\s+", " ", m["lead"].lower())
        step = 1 if lead in ("the next", "the following") else -1 if lead in (
            "the previous", "the preceding", "the prior") else 0
        start = m.start("lead") if not lead.startswith(("earlier", "later", "early", "late")) else m.start()
        # "that day", "the same morning" point back at a told day: with none told, no date
        return _anaphor(m, f"day:{step}" if step else "day:that", start=start)
    if m["ba"]:
        return _anaphor(m, f"day:{1 if m['dir'].lower() == 'after' else -1}")
    if m["noon"]:
        return _anaphor(m, "day:0", start=m.start("noon"))
    n = _num(m["n"])
    if n is None or m["n"].lower() in en.VAGUE_QUANTITIES or n > 400:
        return _point(m, None, "unknown", "vague")
    sign = 1 if m["rel"].lower() in ("later", "after") else -1
    return _anaphor(m, f"day:{sign * n * (7 if m['du'].lower().startswith('week') else 1)}")


@rule(r"(?i:\b(?:(?P<verb>end(?:s|ed|ing)?|finish(?:es|ed|ing)?|clos(?:e|es|ed|ing)|open(?:s|ed|ing)?|"
      r"start(?:s|ed|ing)?|for)\s+the\s+day|(?:the\s+)?(?:start|end|rest|middle|close)\s+of\s+the\s+day|"
      r"(?:earlier|later|late|early)\s+in\s+the\s+day|"
      r"(?<=in\s)(?:early\s+|late\s+)?(?:morning|afternoon|midday)(?=\s+(?:trading|trade|dealings)\b)|"
      r"(?:for\s+)?an?\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)|"
      r"straight|record)\s+(?:(?:straight|consecutive|successive)\s+)?(?:day|session|trading\s+day))\b)", ("unit", "rel"),
      examples=[("2009-08-21", "The Dow gained 155 points to end the day at 9505.", "2009-08-21", "day"),
                ("2008-10-10", "Following a large fall at the start of the day, stocks rose.", "2008-10-10", "day"),
                ("2023-03-26", "That's what I want at the end of the day.", None, "unknown"),
                ("2008-09-17", "Trading was halted for a second consecutive day.", "2008-09-17", "day"),
                ("2010-03-03", "Ford said on Tuesday that sales rose in February; its stock rose in morning "
                 "trading.", "2010-03-02", "day")])
def trading_day(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    """"end the day", "later in the day": the day the report is about (markets, live news).
    "At the end of the day" is the idiom ("that's what I want at the end of the day"): no date."""
    if re.search(r"(?i)\bat\s+$", text[max(0, m.start() - 4):m.start()]) and m.group().lower().startswith(
            ("the end of", "end of")):
        return _point(m, None, "unknown", "vague")
    start = m.start() + m.group().lower().rfind("the day") if m["verb"] else m.start()
    return _anaphor(m, "day:0", start=start)


@rule(r"(?<![\w:.])(?:(?i:at|about|around|by)\s+)?(?P<t>" + _CLOCK + r")"
      r"(?:\s*(?:\([^)\n]{1,15}\))?\s*(?:on\s+)?(?P<wd>" + _WEEKDAY_I + r")\b"
      r"|,?\s*(?:on\s+)?(?P<m>" + _MONTH_ANY + r")\s*(?P<d>" + _DAY + r")\b(?:,?\s+(?P<y>" + _YEAR + r")\b)?"
      r"|\s+(?P<rd>(?i:today|tomorrow|yesterday|tonight))\b)?",
      "num",
      examples=[("2025-03-05", "The polls close at 5pm tomorrow.", "2025-03-06", "day"),
                ("2025-03-05", "He landed at 9:30 a.m. yesterday.", "2025-03-04", "day"),
                ("2025-03-05", "at 8 p.m. tonight", "2025-03-05", "day"),
                ("2008-09-17", "The Dow was down 2.62% at 16:08 UTC.", "2008-09-17", "day"),
                ("2025-03-05", "The final score was 2:10.", None, "unknown"),
                ("1998-08-08", "The blast occurred at about 10:35 a.m. (0735 GMT) Friday.", "1998-08-07", "day"),
                ("2009-06-04", "At a press conference at 16:15 UTC, June 1st, he spoke.", "2009-06-01", "day"),
                ("1999-04-19", "A jogger saw the car at 6 a.m. ten days before the shooting.", None, "unknown"),
                ("1999-04-19", "A man saw the car at 6 a.m. near the house 10 days before the murder.", None,
                 "unknown"),
                ("1999-04-19", "He left at 6 a.m., and the storm hit two days after the flood.", "1999-04-19", "day"),
                ("2011-11-08", "The jury heard he had propofol at 10.40 am on the day of his death.", None,
                 "unknown"),
                ("1997-04-12", "He was due at around 5:30 p.m. (1530 GMT).", "1997-04-12", "day"),
                ("2025-06-11", "The polls close at 5pm ET Friday.", "2025-06-13", "day"),
                ("2025-06-11", "The quake hit at 11am local time Thursday.", "2025-06-05", "day"),
                ("2005-11-17", "Polls are open from 07:00 to 16:00 local time.", None, "unknown"),
                ("2023-03-24", "Shops may open from 9 a.m. to 5 p.m. on weekdays.", None, "unknown"),
                ("2023-03-24", "The rule bars children from the apps between the hours of 11 p.m. and 6 a.m.",
                 None, "unknown"),
                ("2023-03-24", "The curfew runs from 10 p.m. to 6 a.m. and applies to all.", None, "unknown")])
def clock_time(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    """A time of day dates the day the story is at; "10:35 a.m. Friday" takes that weekday."""
    t = m["t"]
    if not re.search(r"[ap]\.?m|[A-Z]{3}", t, re.I) and not re.match(r"(?i)(?:at|about|around|by)\s", m.group()):
        return None  # "3:1", "1.30": a score or a number, not a time
    start = m.start("t")
    if m["m"]:  # "at 16:15 UTC, June 1st": the day named with the time
        return month_day(m, text, ref, lenient)
    if m["rd"]:  # "at 5pm tomorrow"
        if ref is None:
            return _point(m, None, "unknown", start=start)
        step = {"tomorrow": 1, "yesterday": -1}.get(m["rd"].lower(), 0)
        return _point(m, _iso(cal.shift(ref, step)), "day", start=start, relative=True)
    if m["wd"]:
        if ref is None:
            return _point(m, None, "unknown", start=start)
        d = weekday_date(ref, _WEEKDAY_NUMBER[m["wd"].lower()], "", tense(text, start, m.end()))
        return _point(m, _iso(d), "day", start=start, relative=True)
    after = _DATE_AFTER_CLOCK.match(text, m.end())
    if after and ref is not None:  # "at 18:00 CET on 12 June", "3 pm on the 4th": the day named after it
        return _point(m, _iso(_date_after_clock(after, text, ref, start)), "day", start=start, relative=not after["y"])
    later = _WEEKDAY_IN_CLAUSE.match(text, m.end())
    if later and ref is not None:
        # "polling centers will open at 7 am (0400 GMT) until 5 pm during Monday's referendum": the
        # weekday further on in the clause is the clock's day, not the publication day
        d = weekday_date(ref, en.WEEKDAYS[later["wd"].lower()], "", tense(text, start, later.end()))
        return _point(m, _iso(d), "day", start=start, relative=True)
    if (_CLOCK_SPAN.match(text, m.end()) or _CLOCK_SPAN_BEFORE.search(text, max(0, start - 12), start)
            or _BETWEEN_CLOCKS.search(text, max(0, start - 40), start)):
        # opening hours "11 a.m.-9 p.m.", "from 9 a.m. to 5 p.m."; a rule's daily window "between the
        # hours of 10:30 p.m. and 6:30 a.m.": hours of every day, no day of their own
        return _point(m, None, "unknown", "set", start=start)
    if _OFFSET_AFTER.match(text, m.end()) or _EVENT_DAY_AFTER.match(text, m.end()) \
            or _OFFSET_IN_CLAUSE.match(text, m.end()):
        # "at 6 a.m. ten days before the shooting", "at 10.40 am on the day of his death": the
        # day is another happening's, which the text does not date here
        return _point(m, None, "unknown", start=start)
    return _anaphor(m, "day:0", start=start)


# the words between hold no comma, no sentence end and no capitalised word (a glued headline's
# "5 p.m. report We'll be heading into the 40s on Friday"), but a zone or a parenthesis may come
_WEEKDAY_IN_CLAUSE = re.compile(r"(?:[^.;!?\n,A-Z(]|\([^)\n]{0,20}\)|\b[A-Z]{2,5}\b){0,60}?"
                                r"\b(?i:on|during|for|at|before|after|until|by)\s+(?:the\s+)?"
                                r"(?P<wd>" + _WEEKDAY_I + r")(?:['’]s)?\b")
_DATE_AFTER_CLOCK = re.compile(r",?\s*(?i:on\s+)?(?:(?i:the\s+)?(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s+(?i:of\s+)?"
                               r"(?P<m>" + _MONTH_ANY + r")(?:,?\s+(?P<y>" + _YEAR + r")\b)?"
                               r"|(?i:the\s+)(?P<n>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b(?![ \t]*\w))")


def _date_after_clock(after: re.Match[str], text: str, ref: date, start: int) -> date | None:
    """The day a date right after a clock time names: "on 12 June" (its year by the tense unless
    written) or "on the 4th" (this month or a neighbouring one, by the tense, as ``nth_day``)."""
    clause = tense(text, start, after.end())
    if after["n"]:
        day = int(after["n"])
        if clause == "future":
            y, mo = (ref.year, ref.month) if day >= ref.day else cal.month_add(ref.year, ref.month, 1)
        else:
            y, mo = (ref.year, ref.month) if day <= ref.day else cal.month_add(ref.year, ref.month, -1)
        return cal.ymd(y, mo, day) if cal.year_ok(y) else None
    month, day = _month_of(after["m"]), int(after["d"])
    if after["y"]:
        return cal.ymd(int(after["y"]), month, day)
    return month_day_date(ref, month, day, None if clause == "either" else clause)


_OFFSET_AFTER = re.compile(r"(?i)\s+(?:" + _NUMWORD + r"|the)\s+(?:days?|weeks?|months?|years?|nights?)\s+"
                           r"(?:before|after|earlier|later|ago|prior)\b")
# later in the clock's clause: "at 6 a.m. near his home 10 days before the murder" (no sentence end,
# semicolon or comma-led new clause between)
_OFFSET_IN_CLAUSE = re.compile(r"(?i)(?:[^.;!?\n,]|,(?!\s+(?:and|but|while|when|as)\b)){0,60}?\s(?:" + _NUMWORD
                               + r"|a|one|the)\s+(?:days?|weeks?|months?|years?|nights?)\s+(?:before|after|prior\s+to)"
                               r"\s+(?:the|his|her|their|its|a|an)\b")
_CLOCK_SPAN = re.compile(r"(?i)\s*(?:[-–]|to|until|till)\s*\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\b|o'clock)")
_CLOCK_SPAN_BEFORE = re.compile(r"(?i)(?:\d\s*[ap]\.?m\.?|\d:\d\d)\s*(?:[-–]|to|until|till)\s*$")
_BETWEEN_CLOCKS = re.compile(r"(?i)\bbetween\s+the\s+hours\s+of\s+(?:\S+\s*(?:[ap]\.?m\.?)?\s+and\s+)?$")
_EVENT_DAY_AFTER = re.compile(r"(?i)\s+on\s+the\s+(?:\w+\s+)?(?:day|morning|afternoon|evening|night)\s+"
                              r"(?:of|before|after)\s+(?!(?:" + _NUMWORD + r"|\d))")
_HOUR_WORD = r"(?:1[0-2]|0?[1-9]|" + "|".join(sorted(en.CLOCK_HOURS, key=len, reverse=True)) + r")"


@rule(r"(?i:\b(?:at|about|around|by|until|till|before|after|since|from)\s+(?:(?:about|around|roughly|"
      r"approximately|shortly\s+(?:after|before)|just\s+(?:after|before))\s+)?)"
      r"(?:(?P<h>" + _HOUR_WORD + r")(?i:(?P<oc>\s+o['’]clock)?(?:\s+(?P<part>in\s+the\s+(?:morning|afternoon|evening)|"
      r"at\s+night))?)|(?P<noon>(?i:noon|midnight|midday|dawn|dusk|daybreak)))"
      r"(?:\s+(?P<rd>(?i:today|tomorrow|yesterday|tonight))|,?\s+(?i:on\s+)?(?P<wd>" + _WEEKDAY_I + r"))?\b",
      ("rel", "unit"),
      examples=[("2025-03-05", "The fire broke out at 4 in the morning.", "2025-03-05", "day"),
                ("2025-03-05", "He called at about ten o'clock.", "2025-03-05", "day"),
                ("2025-03-05", "Police came at four o'clock on the morning of the raid.", None, "unknown"),
                ("2025-03-05", "On May 2, 2020 the raid began at 4 in the morning.", "2020-05-02", "day"),
                ("2025-03-05", "The truce took effect at midnight Friday.", "2025-02-28", "day"),
                ("2025-03-05", "The truce will take effect at midnight Friday.", "2025-03-07", "day"),
                ("2025-03-05", "They met at noon on Monday.", "2025-03-03", "day"),
                ("2025-03-05", "We'll meet at noon tomorrow.", "2025-03-06", "day"),
                ("2025-03-05", "The curfew began at midnight yesterday.", "2025-03-04", "day"),
                ("2025-03-05", "The shop shuts at six o'clock tomorrow.", "2025-03-06", "day"),
                ("2025-03-05", "at 4 in the afternoon Tuesday", "2025-03-04", "day"),
                ("2025-03-05", "He scored at 4 in the first half.", None, "unknown"),
                ("2025-03-05", "at four people", None, "unknown")])
def spoken_clock(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    """"at 4 in the morning", "at ten o'clock", "at midnight Friday": a time of day in words."""
    if m["h"] and not (m["oc"] or m["part"]):
        return None  # "at 4", "at four": a count or a score, not a time
    start = m.start("h") if m["h"] else m.start("noon")
    if m["rd"]:  # "at noon tomorrow": the day named, not the story's
        if ref is None:
            return _point(m, None, "unknown", start=start)
        off = {"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1}[m["rd"].lower()]
        return _point(m, _iso(cal.shift(ref, off)), "day", start=start, relative=True)
    if m["wd"]:
        if ref is None:
            return _point(m, None, "unknown", start=start)
        d = weekday_date(ref, _WEEKDAY_NUMBER[m["wd"].lower()], "", tense(text, start, m.end()))
        return _point(m, _iso(d), "day", start=start, relative=True)
    if m["noon"]:
        return None  # a bare "at midnight" is the narrative rule's
    if _EVENT_DAY_AFTER.match(text, m.end()):
        return _point(m, None, "unknown", start=start)  # "at four o'clock on the morning of the raid"
    return _anaphor(m, "day:0", start=start)


@rule(r"(?i:\b(?:(?:at|about|around|by|until|till|from|since|before|after)\s+)?(?P<frac>half|(?:a\s+)?quarter|"
      r"twenty[- ]five|twenty|ten|five)\s+(?:minutes\s+)?(?P<dir>past|after|to)\s+)(?P<h>" + _HOUR_WORD + r")"
      r"(?i:(?:\s+o['’]clock)?(?:\s+(?:in\s+the\s+(?:morning|afternoon|evening)|at\s+night))?)"
      r"(?:\s+(?P<rd>(?i:today|tomorrow|yesterday|tonight))|,?\s+(?i:on\s+)?(?P<wd>" + _WEEKDAY_I + r"))?\b"
      r"(?![.,:]\d|\s*(?:%|percent|per\s+cent|million|billion|[-–]))", ("vague", "unit"),
      examples=[("2025-03-05", "The meeting is at half past ten.", "2025-03-05", "day"),
                ("2025-03-05", "He arrived at half past ten yesterday.", "2025-03-04", "day"),
                ("2025-03-05", "We leave at quarter to six tomorrow.", "2025-03-06", "day"),
                ("2025-03-05", "The blast came at ten past nine on Monday.", "2025-03-03", "day")])
def clock_fraction(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    """"half past ten", "a quarter to six tomorrow", "ten past nine on Monday": a time of day
    in words, so the day the story is at (or the day named with it). "to" needs "quarter"
    or a preposition before it ("from five to ten" is a count)."""
    frac = m["frac"].lower()
    if _prev_word(text, m.start()) == "the":
        return None  # "the quarter to March": a period
    if m["dir"].lower() == "to" and "quarter" not in frac and not re.match(r"(?i)(?:at|about|around|by|until|till)\s",
                                                                           m.group()):
        return None
    start = m.start()
    if m["rd"] or m["wd"]:
        if ref is None:
            return _point(m, None, "unknown")
        if m["rd"]:
            d = cal.shift(ref, {"tomorrow": 1, "yesterday": -1}.get(m["rd"].lower(), 0))
        else:
            d = weekday_date(ref, _WEEKDAY_NUMBER[m["wd"].lower()], "", tense(text, start, m.end()))
        return _point(m, _iso(d), "day", relative=True)
    if _EVENT_DAY_AFTER.match(text, m.end()) or _OFFSET_AFTER.match(text, m.end()):
        return _point(m, None, "unknown")
    return _anaphor(m, "day:0")


@rule(r"(?i:\b(?:at\s+|by\s+|around\s+|about\s+)?(?:this|(?<!the\s)(?P<same>same))\s+time\s+(?P<rel>last|next)\s+(?P<u>year|month|week))\b",
      ("vague", "unit"),
      examples=[("2025-03-05", "Prices were lower this time last year.", "2024-03-05", "day"),
                ("2025-03-05", "We will be back this time next year.", "2026-03-05", "day"),
                ("2024-02-29", "It snowed this time last year.", "2023-02-28", "day"),
                ("2025-03-05", "He was here this time last week.", "2025-02-26", "day"),
                ("2025-03-05", "Same time next week?", "2025-03-12", "day")])
def this_time_last(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    """"this time last year": the same day a year (month, week) away, a day; "same time next week"
    too (a plan), but "same time last year" compares periods (the comparison rule's)."""
    if m["same"] and m["rel"].lower() == "last":
        return None
    if ref is None:
        return _point(m, None, "unknown")
    step = -1 if m["rel"].lower() == "last" else 1
    unit = m["u"].lower()
    if unit == "week":
        return _day(m, cal.shift(ref, 7 * step), relative=True)
    y, mo = cal.month_add(ref.year, ref.month, step * (12 if unit == "year" else 1))
    if not cal.year_ok(y):
        return _point(m, None, "unknown")
    return _day(m, cal.ymd(y, mo, min(ref.day, cal.last_day(y, mo))), relative=True)


@rule(r"\b(?P<mod>(?i:this\s+past|this\s+coming|earlier\s+this|early\s+this|later\s+this|late\s+this|"
      r"the\s+current|the\s+previous|the\s+preceding|the\s+following|the\s+coming|the\s+past|the\s+last|"
      r"the\s+next|the\s+same|the\s+latest|this|last|next|coming|past|previous|current))\s+"
      r"(?:(?i:fiscal|calendar)\s+)?(?P<u>(?i:week|weekend|month|year|quarter|decade|century|spring|"
      r"summer|autumn|fall|winter|yr|wk))\b(?!-)", "unit",
      examples=[("2025-03-05", "sales fell last year", "2024", "year"),
                ("2025-03-05", "next month", "2025-04", "month"),
                ("2025-03-05", "this week", "2025-03-03/2025-03-09", "range"),
                ("2025-03-05", "last summer", "2024-06-01/2024-08-31", "range"),
                ("2025-03-05", "Crowds gathered over the past weekend.", "2025-03-01/2025-03-02", "range"),
                ("2023-03-25", "The yard launched two ferries this past week.", "2023-03-19/2023-03-25", "range"),
                ("2025-03-05", "The fair opens this coming weekend.", "2025-03-08/2025-03-09", "range"),
                ("2025-03-09", "The fair opens this coming weekend.", "2025-03-15/2025-03-16", "range"),
                ("2025-03-05", "In 2019 sales fell; the following year they rose.", "2020", "year"),
                ("2025-03-05", "They met on March 3. The following week they signed.", "2025-03-10/2025-03-16",
                 "range"),
                ("2025-03-05", "They met on Feb. 12, 2025. The previous week it rained.", "2025-02-03/2025-02-09",
                 "range"),
                ("2025-03-05", "The following week they signed.", None, "unknown"),
                ("2025-03-05", "The previous week it rained.", None, "unknown"),
                ("2025-03-05", "The following month they signed.", None, "unknown"),
                ("2025-06-11", "He had left the previous summer.", None, "unknown")])
def relative_unit(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    mod = re.sub(r"\s+", " ", m["mod"].lower())
    unit = en.UNIT_ABBREVIATIONS.get(m["u"].lower(), m["u"].lower())
    if unit in en.SEASONS:
        return _season(m, text, ref, mod, unit, None)
    if mod == "the past" and unit == "year" and not _next_word(text, m.end()).lower().startswith(("or", "and")):
        return _trailing_year(m, ref, m.start())  # "sales rose 4% in the past year"
    if mod == "the past" and unit == "weekend":
        mod = "last"  # "over the past weekend": the last one
    if mod == "the latest" and unit == "year":
        return _anaphor(m, "year:period")  # "in the latest fiscal year": the year the report told
    if mod in ("the past", "the last", "the next", "the coming", "past", "the first", "the latest") and unit != "quarter":
        return _point(m, None, "unknown", "duration")
    if mod in ("the following", "the previous", "the preceding", "the same"):
        if unit in ("month", "year", "week"):
            return _anaphor(m, f"{unit}:{ {'following': 1, 'same': 0}.get(mod.split()[1], -1)}")
        return _point(m, None, "unknown")
    if ref is None:
        return _point(m, None, "unknown")
    step = {"last": -1, "previous": -1, "this past": -1, "past": -1, "next": 1, "coming": 1,
            "this coming": 1}.get(mod, 0)
    if mod in ("the latest", "the last") and unit == "quarter":
        step = -1
    if mod in ("this coming", "coming") and unit == "weekend" and ref.weekday() < 5:
        step = 0  # "this coming weekend", said on a weekday, is this week's
    if unit == "year":
        return _point(m, cal.yval(ref.year + step), "year", relative=True)
    if unit == "month":
        return _point(m, cal.mval(*cal.month_add(ref.year, ref.month, step)), "month", relative=True)
    if mod == "this past" and unit == "week":
        # "built 5,000 vehicles this past week", said on a Saturday, is the week now ending, said on
        # a Monday the one before: the seven days up to the report hold both readings' news
        return _point(m, cal.span(cal.shift(ref, -6), ref), "range", relative=True)
    if unit in ("week", "weekend"):
        monday = cal.shift(ref, -ref.weekday() + 7 * step)
        if monday is None:
            return _point(m, None, "unknown")
        if unit == "week":
            return _point(m, cal.week_range(monday), "range", relative=True)
        sat = cal.shift(monday, 5)
        return _point(m, cal.span(sat, cal.shift(sat, 1) if sat else None), "range", relative=True)
    if unit == "quarter":
        y, qm = cal.month_add(ref.year, (ref.month - 1) // 3 * 3 + 1, 3 * step)
        return _point(m, cal.quarter_range(y, (qm - 1) // 3 + 1), "range", relative=True)
    if unit == "decade":
        d0 = ref.year // 10 * 10 + 10 * step
        return _point(m, f"{d0:04d}/{d0 + 9:04d}" if cal.year_ok(d0) and d0 + 9 <= 9999 else None, "range",
                      relative=True)
    if unit == "century":
        c0 = ref.year // 100 * 100 + 100 * step
        return _point(m, f"{c0:04d}/{c0 + 99:04d}" if cal.year_ok(c0) and c0 + 99 <= 9999 else None, "range",
                      relative=True)
    return _point(m, None, "unknown", "vague")


@rule(r"(?i)\b(?:(?:the\s+)?(?:end|beginning|start|middle|turn|rest|remainder|balance)\s+of\s+"
      r"(?:the|this|last|next)\s+(?:fiscal\s+)?(?:year|month|week)|year[- ]end|year's\s+end|"
      r"month[- ]end|(?:earlier|later)\s+in\s+the\s+(?:year|month|week)|"
      r"earlier\s+this\s+year|later\s+this\s+year|(?P<bare>(?:end|beginning|start)\s+of\s+(?:year|month|week)))"
      r"\b(?!-)", "unit",
      examples=[("2025-03-05", "by the end of the year", "2025", "year"),
                ("2025-03-05", "at the beginning of last year", "2024", "year"),
                ("2025-03-05", "Send the figures by end of month.", "2025-03", "month"),
                ("2025-03-05", "The plant closes at end of year.", "2025", "year"),
                ("2025-03-05", "end of week", "2025-03-03/2025-03-09", "range"),
                ("2025-03-05", "The end of year exams were hard.", None, "unknown")])
def part_of(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    """'the end of the year', 'by year-end', 'earlier in the month', 'the beginning of last year'.
    Without an article ("by end of month") only after a preposition or alone, and not before a
    noun ("end of year exams" may be any year's)."""
    if m["bare"]:
        prev = _prev_word(text, m.start()).lower()
        if (prev and prev not in en.DEADLINE_PREPOSITIONS) or _next_word(text, m.end())[:1].isalpha():
            return None
    if re.match(r"(?i)(?:year|month)", m.group()):
        prev = _prev_word(text, m.start())
        nxt = _next_word(text, m.end())
        if prev not in ("by", "at", "before", "until", "till", "after", "around", "near", "toward", "towards",
                        "through", "since", "from") and nxt[:1].isalpha():
            return None  # "year-end net", "the year-end total": an adjective, often about another year
    if ref is None:
        return _point(m, None, "unknown")
    g = m.group().lower()
    step = -1 if re.search(r"\blast\b", g) else 1 if re.search(r"\bnext\b", g) else 0
    if "month" in g:
        return _point(m, cal.mval(*cal.month_add(ref.year, ref.month, step)), "month", relative=True)
    if "week" in g:
        monday = cal.shift(ref, -ref.weekday() + 7 * step)
        return _point(m, cal.week_range(monday), "range", relative=True)
    return _point(m, cal.yval(ref.year + step), "year", relative=True)


_CLOCK_PAIR_AFTER = re.compile(r"\s*(?:to|-|–|until|and)\s*[0-2]\d[0-5]\d\s*(?:local\s+time|hrs|hours|(?:"
                               + _TZ + r"))\b")


@rule(r"(?<![\w$€£¥#.,/-])(?:(?P<mod>(?i:(?:the\s+)?(?:end|beginning|start|middle|first\s+half|"
      r"second\s+half|spring|summer|fall|autumn|winter)\s+of|early|mid-|mid|late|post-|pre-|end-|start-|spring|summer|fall|"
      r"autumn|winter))\s*)?(?P<y>" + _YEAR + r")(?![\w%]|['’](?!s\b)|[.,]\d|-\d|/\d)", "num",
      examples=[("2025-03-05", "in early 2016 we", "2016", "year"),
                ("2025-03-05", "Rates will be cut by end-2025.", "2025", "year"),
                ("2025-03-05", "Debt had doubled by start-2024.", "2024", "year"),
                ("2025-03-05", "in the spring of 2016", "2016-03-01/2016-05-31", "range"),
                ("2025-03-05", "in the first half of 2019", "2019-01-01/2019-06-30", "range"),
                ("1987-03-09", "Sales fell in the fourth quarter of 1985. For the full year 1986 they rose.", "1986",
                 "year"),
                ("2025-03-05", "the Russell 2000 index", None, "unknown"),
                ("1999-01-22", "Kopp's 1987 Chevrolet Cavalier was found.", None, "unknown"),
                ("2025-03-05", "He restored a 1965 Ford Mustang.", None, "unknown"),
                ("2025-03-05", "In 1987 Ford posted a record profit.", "1987", "year"),
                ("2025-03-05", "some 2000 people", None, "unknown"),
                ("2025-03-05", "The house was built around 1990.", "1990", "year"),
                ("2025-03-05", "Around 2010, when sales fell, it closed.", "2010", "year"),
                ("2025-03-05", "around 1990 people marched", None, "unknown"),
                ("1987-03-30", "The cut extends the lunch break to 1115 to 1330 local time.", None, "unknown"),
                ("2025-03-05", "Police were called to the 2000 block of Main St.", None, "unknown"),
                ("2025-03-05", "The 2000 blockade of the port failed.", "2000", "year")])
def year(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    y = int(m["y"])
    prev = _prev_word(text, m.start())
    mod = (m["mod"] or "").lower()
    if not mod:
        nxt = _next_word(text, m.end()).lower().rstrip(".,;:")
        approx_year = prev in en.APPROXIMATE_YEAR_WORDS and 1900 <= y <= (ref.year if ref else 2099) and (
            not nxt or nxt in en.YEAR_FOLLOWERS) and _prev_word(text, m.start() - len(prev) - 1) not in en.AMOUNT_LEADS
        # "built around 1990.", "around 1990, when": a year; "rose to around 2050." is a level
        if nxt in en.UNIT_NOUNS or (prev in en.QUANTITY_BEFORE and not approx_year) \
                or prev.endswith(("$", "€", "£", "#")):
            return None
        if nxt in en.MODEL_YEAR_MAKES and _next_word(text, m.end())[:1].isupper() \
                and prev not in en.YEAR_PREPOSITIONS:
            return None  # "a 1987 Chevrolet": a model year ("in 1987 Ford posted" is a year)
        if not (1900 <= y <= 2099) and prev not in en.YEAR_PREPOSITIONS and not lenient:
            return None
        if nxt in en.ADDRESS_AFTER_NUMBER and prev == "the" and _ADDRESS_OF.match(text, m.end()):
            return None  # "in the 2000 block of Main St.": a house number, a police blotter's address
        if y % 100 < 60 and y // 100 < 24 and _CLOCK_PAIR_AFTER.match(text, m.end()):
            return None  # "extends the lunch break to 1115 to 1330 local time": a clock time
    season = re.sub(r"^the\s+", "", mod)
    if season.startswith(("spring", "summer", "autumn", "fall", "winter")):
        return _point(m, cal.season_range(y, en.SEASONS[season.split()[0]]), "range")
    if "half" in mod:
        a, b = (cal.ymd(y, 1, 1), cal.ymd(y, 6, 30)) if "first" in mod else (cal.ymd(y, 7, 1), cal.ymd(y, 12, 31))
        return _point(m, cal.span(a, b), "range")
    return _point(m, cal.yval(y), "year")


@rule(r"(?<![\w$€£¥#.,/-])(?P<y1>" + _YEAR + r")(?P<sep>\s*[-–]\s*|/)(?P<y2>" + _YEAR + r"|\d\d)(?![\w%/-]|[.,]\d)",
      "num",
      examples=[("2025-03-05", "in 2009-2010 we", "2010", "year"),
                ("2025-03-05", "the 2009-10 season", "2009/2010", "range"),
                ("2025-03-05", "the 1987-88 season", "1987/1988", "range"),
                ("2025-03-05", "the 1987–88 season", "1987/1988", "range"),
                ("2025-03-05", "in 2009/10 the club", "2009/2010", "range"),
                ("2025-03-05", "the 2009/2010 season", "2009/2010", "range"),
                ("2025-03-05", "the 1999-00 season", "1999/2000", "range"),
                ("2025-03-05", "the 2019/20 budget", "2019/2020", "range"),
                ("2025-03-05", "in 2011/12 and 2012/13", "2012/2013", "range"),
                ("2025-03-05", "a 2009/15 ratio", None, "unknown"),
                ("2025-03-05", "The 1999-2000 season was poor.", "1999/2000", "range"),
                ("2025-03-05", "the 2019-2020 school year", "2019/2020", "range"),
                ("2025-03-05", "the 2019-2021 season", "2021", "year")])
def year_span(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    """'2009-2010' -> two years (as gold annotates them); '2009-10', '1987-88', '2009/10' and
    '2009/2010' (a season or a fiscal year) -> one range. Two-digit tails that are not the next
    year ("2009/15") are no span."""
    y1 = int(m["y1"])
    slash = m["sep"] == "/"
    if len(m["y2"]) == 4:
        y2 = int(m["y2"])
        if slash:
            return _point(m, f"{y1:04d}/{y2:04d}", "range") if y2 == y1 + 1 else None
        if not y1 < y2 <= y1 + 50:
            return None
        if y2 == y1 + 1 and _next_word(text, m.end()).lower() in en.YEAR_SPAN_NOUNS:
            return _point(m, f"{y1:04d}/{y2:04d}", "range")  # "the 2019-2020 season": one season
        return [Cand(m.start("y1"), m.end("y1"), f"{y1:04d}", "year"),
                Cand(m.start("y2"), m.end("y2"), f"{y2:04d}", "year")]
    y2 = y1 // 100 * 100 + int(m["y2"])
    if y2 < y1:
        y2 += 100  # "1999-00"
    if y2 != y1 + 1 or y2 > 9999:
        return _point(m, None, "unknown") if slash else None
    return _point(m, f"{y1:04d}/{y2:04d}", "range")


@rule(r"\b" + _SPOKEN_YEAR, "spoken", examples=[("2025-03-05", "in nineteen eighty-four", "1984", "year"),
                                                ("2025-03-05", "It was founded in twenty twenty-one.", "2021", "year"),
                                                ("2025-03-05", "in two thousand and twenty", "2020", "year"),
                                                ("2025-03-05", "in twenty ten", "2010", "year")])
def spoken_year(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    return _point(m, cal.yval(_spoken_year(m.group())), "year")


@rule(r"(?<![\w$])[’'](?P<yy>\d\d)\b(?!s)", "num", examples=[("2025-03-05", "the class of '98", "1998", "year")])
def apostrophe_year(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    return _point(m, cal.yval(cal.two_digit_year(int(m["yy"]), ref)), "year")


@rule(r"\b(?:(?i:fiscal)(?:\s+year)?\s+[’']?|FY\s?)(?P<y>" + _YEAR + r"|\d\d)(?:[/-](?P<t>\d\d(?:\d\d)?))?\b(?![/-]\d)",
      "num",
      examples=[("2025-03-05", "in fiscal 2019", "2019", "year"), ("2025-03-05", "FY2009 results", "2009", "year"),
                ("2025-03-05", "FY2009/10 results", "2009/2010", "range"),
                ("2025-03-05", "in fiscal 2019-20", "2019/2020", "range"),
                ("2025-03-05", "in fiscal 2019-23", None, "unknown")])
def fiscal(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    """"fiscal 2019" is the year that names it; "FY2009/10" a fiscal year across two calendar
    years (a range); a tail that is not the next year ("fiscal 2019-23") is no date."""
    y = m["y"]
    y1 = int(y) if len(y) == 4 else cal.two_digit_year(int(y), ref)
    if m["t"]:
        t = int(m["t"])
        y2 = t if len(m["t"]) == 4 else y1 // 100 * 100 + t + (100 if y1 // 100 * 100 + t < y1 else 0)
        return _point(m, f"{y1:04d}/{y2:04d}" if y2 == y1 + 1 and y2 <= 9999 else None, "range")
    return _point(m, cal.yval(y1), "year")


# the parts of a century "early", "mid" and "late" name, in years from its start ("the early 1900s")
_CENTURY_PARTS = {"early": (0, 30), "mid": (30, 60), "late": (60, 99)}


@rule(r"\b(?:(?P<the>(?i:the))\s+)?(?:(?P<mod>(?i:early|mid|late))[- ])?(?:(?P<y>(?:1[0-9]|20)\d0)|[’'](?P<yy>\d0)"
      r"|(?P<yb>[1-9]0))"
      r"[’']?s\b", "num",
      examples=[("2025-03-05", "in the 1990s", "1990/1999", "range"),
                ("2025-03-05", "in the 1800s", "1800/1899", "range"),
                ("2025-03-05", "It was founded in the 90s.", "1990/1999", "range"),
                ("2025-03-05", "a hit in the early 80s", "1980/1983", "range"),
                ("2025-03-05", "Temperatures will be in the 90s.", None, "unknown"),
                ("2025-03-05", "Highs in the 80s are likely.", None, "unknown"),
                ("2025-03-05", "We'll be heading back into the 40s.", None, "unknown"),
                ("2025-03-05", "in the late 1800s", "1860/1899", "range"),
                ("2025-03-05", "in the 2000s", "2000/2009", "range"),
                ("2025-03-05", "in the 2020s", "2020/2029", "range"),
                ("2025-03-05", "in the early '80s", "1980/1983", "range")])
def decade(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    bare = m["yb"]
    if bare and (not m["the"] or _DECADE_NOT_AFTER.search(text, max(0, m.start() - 80), m.start())
                 or _DECADE_NOT_AFTER.match(text, m.end() + 1) or _prev_word(text, m.start()) in ("into", "to")):
        return None  # "in the 90s" of a thermometer; "their 80s": ages
    if bare and int(bare) < 30:
        return None  # "the 20s": the 1920s or the 2020s
    if m["yy"] or bare:
        d0 = cal.two_digit_year(int(m["yy"] or bare), ref)
        d0 = d0 if d0 <= (ref.year if ref else 2030) else d0 - 100
    else:
        d0 = int(m["y"])
        if d0 % 100 == 0 and d0 < 2000:
            # "the 1800s", "the early 1900s": a century (the 2000s are read as the decade)
            a, b = _CENTURY_PARTS.get((m["mod"] or "").lower(), (0, 99))
            return _point(m, f"{d0 + a:04d}/{d0 + b:04d}", "range")
    a, b = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}.get((m["mod"] or "").lower(), (0, 9))
    return _point(m, f"{d0 + a:04d}/{d0 + b:04d}", "range")


@rule(r"(?i)\b(?:the\s+)?(?:(?P<mod>early|mid|late)[- ])?(?P<n>1[0-9]|2[01]|nineteenth|twentieth|twenty[- ]first"
      r"|eighteenth)(?:st|nd|rd|th)?[- ]century\b", "unit",
      examples=[("2025-03-05", "the 19th century", "1800/1899", "range"),
                ("2025-03-05", "in the early 20th century", "1900/1930", "range"),
                ("2025-03-05", "the late 18th century", "1760/1799", "range"),
                ("2025-03-05", "by the mid-19th century", "1830/1860", "range")])
def century(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    """"the 19th century"; "the early 20th century" is its first third, as "the early 1900s" is
    (the whole century would claim a precision the text does not give, and a wrong one)."""
    n = m["n"].lower().replace("-", " ")
    c = int(n) if n.isdigit() else en.CENTURY_WORDS[n]
    c0 = (c - 1) * 100
    a, b = _CENTURY_PARTS.get((m["mod"] or "").lower(), (0, 99))
    return _point(m, f"{c0 + a:04d}/{c0 + b:04d}", "range")


_DECADE_NOT_AFTER = re.compile(r"(?i)\b(?:" + _alt(en.DECADE_NOT_AFTER) + r")\b")


@rule(r"(?i)\bthe\s+(?:(?P<mod>early|mid|late)[- ]?)?(?P<w>" + _alt(list(en.DECADE_WORDS)) + r")\b", "unit",
      examples=[("2025-03-05", "It was a hit in the nineties.", "1990/1999", "range"),
                ("2025-03-05", "the band's fame in the late seventies", "1976/1979", "range"),
                ("2025-03-05", "He moved to Paris in the mid-sixties.", "1963/1966", "range"),
                ("2025-03-05", "Start-ups boomed in the noughties.", "2000/2009", "range"),
                ("2025-03-05", "Temperatures will climb into the nineties.", None, "unknown"),
                ("2025-03-05", "Highs will be in the eighties.", None, "unknown")])
def decade_word(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    """"the nineties": a decade in words, unless the sentence is about a temperature or a score
    ("temperatures in the nineties"), where the same words are a range of numbers."""
    start = max(0, m.start() - 80)
    stop = max(text.rfind(".", start, m.start()), text.rfind("\n", start, m.start()))
    if _DECADE_NOT_AFTER.search(text, stop + 1 if stop >= 0 else start, m.start()):
        return None
    d0 = en.DECADE_WORDS[m["w"].lower()]
    a, b = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}.get((m["mod"] or "").lower(), (0, 9))
    return _point(m, f"{d0 + a:04d}/{d0 + b:04d}", "range")


@rule(r"(?i)\bthis\s+(?P<u>" + _alt(en.ELLIPTICAL_LAST_UNITS) + r")\b[^.;:!?\n]{0,40}?\b(?:than|as|from|over|with)"
      r"\s+(?P<last>last)\b(?![\s-]*[A-Za-z0-9'’])", "unit",
      examples=[("1989-10-27", "a dividend twice as high this year as last.", "1988", "year"),
                ("2025-03-05", "Sales were weaker this month than last, the firm said.", "2025-02", "month"),
                ("2025-03-05", "Fewer ships docked this week than last.", "2025-02-24/2025-03-02", "range")])
def elliptical_last(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    """The "last" of "more this year than last": the unit before it, one back. Only that word is
    tagged; "this year" is the other rules' (the span ends at "last", nothing follows it)."""
    if ref is None:
        return None
    unit = m["u"].lower()
    a, b = m.start("last"), m.end("last")
    if unit == "year":
        return _point(m, cal.yval(ref.year - 1), "year", start=a, end=b, relative=True)
    if unit == "month":
        return _point(m, cal.mval(*cal.month_add(ref.year, ref.month, -1)), "month", start=a, end=b, relative=True)
    monday = cal.shift(ref, -ref.weekday() - 7)
    return _point(m, cal.week_range(monday) if monday else None, "range", start=a, end=b, relative=True)


_SPORTS = re.compile(r"(?i)\b(?:" + _alt(sorted(en.SPORTS_WORDS)) + r")\b")


@rule(r"\b(?:(?P<y0>" + _YEAR + r")\s+)?(?:(?P<det>(?i:the|this|last|next|this\s+year's|last\s+year's|"
      r"next\s+year's|its|a|the\s+company's))\s+)?(?:(?P<q>(?i:first|second|third|fourth|final|1st|2nd|3rd|4th))"
      r"[- ](?i:quarter|qtr)|Q(?P<qn>[1-4]))(?:\s+(?:of\s+)?(?:(?i:fiscal)\s+)?(?P<y>" + _YEAR + r")\b"
      r"|\s+of\s+(?P<ry>(?i:last|this|next))\s+(?i:fiscal\s+)?(?i:year)\b)?", "unit",
      examples=[("2025-03-05", "in the first quarter of next year", "2026-01-01/2026-03-31", "range"),
                ("2025-03-05", "Profit fell in the fourth quarter of last year.", "2024-10-01/2024-12-31", "range"),
                ("2025-03-05", "Demand fell in the final quarter of 2024.", "2024-10-01/2024-12-31", "range"),
                ("2025-03-05", "Wales sent on replacements for the final quarter.", None, "unknown"),
                ("2025-08-05", "the third quarter of this year", "2025-07-01/2025-09-30", "range"),
                ("2025-03-05", "in the third quarter of 2019", "2019-07-01/2019-09-30", "range"),
                ("2025-03-05", "Q1 2020", "2020-01-01/2020-03-31", "range"),
                ("2025-03-05", "The economy grew 0.3 percent in the fourth quarter.", "2024-10-01/2024-12-31",
                 "range"),
                ("2025-03-05", "Sales should recover in the fourth quarter.", "2025-10-01/2025-12-31", "range"),
                ("2025-08-05", "Profit rose in the second quarter.", "2025-04-01/2025-06-30", "range"),
                ("2023-03-24", "Leonard scored 15 points in the third quarter.", None, "unknown"),
                ("2023-11-16", "Profits will rise in the first quarter.", "2024-01-01/2024-03-31", "range"),
                ("2023-03-24", "After a stagnant second quarter left the score tied at halftime, they won.", None,
                 "unknown")])
def quarter(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    q = en.ORDINALS.get((m["q"] or "").lower()) or int(m["qn"] or 0) or 4  # "the final quarter"
    y = m["y"] or m["y0"]
    if (m["q"] or "").lower() == "final" and not (y or m["ry"]):
        return None  # a bare "the final quarter" is most often a game's ("as the game entered the final quarter")
    if y:
        return _point(m, cal.quarter_range(int(y), q), "range")
    if ref is None:
        return _point(m, None, "unknown")
    if m["ry"]:  # "the first quarter of next year"
        step = {"last": -1, "next": 1}.get(m["ry"].lower(), 0)
        return _point(m, cal.quarter_range(ref.year + step, q) if cal.year_ok(ref.year + step) else None, "range",
                      relative=True)
    det = re.sub(r"\s+", " ", (m["det"] or "").lower())
    if not det.startswith(("last", "next", "this")) and not lenient and _SPORTS.search(
            text, max(0, m.start() - 120), min(len(text), m.end() + 120)):
        return None  # "scored 15 in the third quarter": a game's quarter, not the year's
    year_ = ref.year - 1 if det.startswith("last") else ref.year + 1 if det.startswith("next") else ref.year
    clause = tense(text, m.start(), m.end()) if not det.startswith(("last", "next", "this")) else None
    if not det.startswith(("last", "next", "this")) and 3 * (q - 1) + 1 > ref.month and clause != "future":
        year_ -= 1  # "grew 0.3% in the fourth quarter" (published in March): last year's fourth quarter
    elif clause == "future" and 3 * q + 6 < ref.month:
        # "profits will rise in the first quarter" (published in November): next year's; a quarter
        # ended in the last half-year is still reported on ahead ("will reduce first-quarter earnings")
        year_ += 1
    return _point(m, cal.quarter_range(year_, q), "range", relative=True)


@rule(r"\b(?i:the\s+)?(?P<h>(?i:first|second))\s+half(?:\s+of\s+(?:(?P<y>" + _YEAR + r")|"
      r"(?P<rel>(?i:the|this|last|next))\s+(?i:fiscal\s+)?(?i:year)\b))?\b", "unit",
      examples=[("2025-03-05", "in the second half of last year", "2024-07-01/2024-12-31", "range"),
                ("2025-03-05", "sales fell in the first half of last year", "2024-01-01/2024-06-30", "range"),
                ("2025-03-05", "The deal should close in the second half of the year.", "2025-07-01/2025-12-31",
                 "range"),
                ("2025-03-05", "Arsenal scored twice in the second half.", None, "unknown")])
def half(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    """"The first half of 2019" is a range; a bare "the second half" is a game's or a match's
    as often as a year's ("scored twice in the second half"), so it gets no value unless read
    alone (``resolve``)."""
    if m["y"]:
        y: int | None = int(m["y"])
    elif ref is None or not (m["rel"] or lenient):
        return _point(m, None, "unknown", "vague")
    else:
        y = ref.year + {"last": -1, "next": 1}.get((m["rel"] or "").lower(), 0)
    if y is None or not cal.year_ok(y):
        return _point(m, None, "unknown")
    a, b = (cal.ymd(y, 1, 1), cal.ymd(y, 6, 30)) if m["h"].lower() == "first" else (cal.ymd(y, 7, 1),
                                                                                     cal.ymd(y, 12, 31))
    return _point(m, cal.span(a, b), "range", relative=bool(m["rel"]))


def _season(m: re.Match[str], text: str, ref: date | None, mod: str, unit: str, y: int | None) -> Cand:
    code = en.SEASONS[unit]
    if y:
        return _point(m, cal.season_range(y, code), "range")
    if ref is None:
        return _point(m, None, "unknown")
    base = {"this past": "last", "past": "last", "previous": "last", "coming": "next",
            "this coming": "next"}.get(mod, mod)
    if base in ("the past", "the last", "the next", "the coming"):
        return _point(m, None, "unknown", "duration")
    if base in ("the previous", "the preceding", "the following", "the same", "the latest"):
        return _point(m, None, "unknown")  # "the previous summer": the story's, which is not told here
    return _point(m, cal.season_range(cal.season_year(ref, code, base), code), "range", relative=True)


@rule(r"\b(?:(?P<mod>(?i:this|last|next|early|late|mid|the|this\s+past|past|coming|previous))\s+)?"
      r"(?P<s>(?i:spring|summer|autumn|fall|winter))\b(?!-)(?:\s+(?:of\s+)?(?:(?P<y>" + _YEAR + r")|['’](?P<yy>\d\d)\b)"
      r"|\s+of\s+(?P<rel>(?i:last|this|next))\s+(?i:year)\b(?![’']))?",
      "unit",
      examples=[("2025-03-05", "the fall of Aleppo", None, "unknown"),
                ("2025-03-05", "in summer '19", "2019-06-01/2019-08-31", "range"),
                ("2025-11-19", "The park opens in the spring of next year.", "2026-03-01/2026-05-31", "range"),
                ("2025-11-19", "The shop shut in the autumn of last year.", "2024-09-01/2024-11-30", "range"),
                ("2025-11-19", "Crops failed in the winter of last year.", "2024-12-01/2025-02-28", "range")])
def season(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    unit = m["s"].lower()
    mod = (m["mod"] or "").lower()
    y = int(m["y"]) if m["y"] else cal.two_digit_year(int(m["yy"]), ref) if m["yy"] else None
    if m["rel"]:  # "the spring of next year": the season of the year named
        if ref is None or not cal.year_ok(ref.year + {"last": -1, "next": 1}.get(m["rel"].lower(), 0)):
            return _point(m, None, "unknown")
        y = ref.year + {"last": -1, "next": 1}.get(m["rel"].lower(), 0)
    if not y and mod in ("", "the"):
        if not (lenient or re.search(r"(?i)\b(?:in|during|over|this|since|until|by)\s+the\s+$",
                                     text[max(0, m.start("s") - 20):m.start("s")])):
            return None
        if _next_word(text, m.end()).lower() == "of":
            return None
    if mod in ("early", "late", "mid", "the"):
        # "over the summer": the summer the clause's tense points to ("watched ... over the
        # summer" in March is last year's)
        mod = {"past": "past", "future": "future"}.get(tense(text, m.start(), m.end()) or "", "")
    return _season(m, text, ref, mod, unit, y)


@rule(r"(?i)\b(?:(?P<bound>about|nearly|almost|some|roughly|around|more\s+than|less\s+than|over|just|only|"
      r"barely|exactly|at\s+least)\s+)?(?P<n>" + _NUMWORD + r")\s+(?P<u>" + _UNIT
      + r")s?\s+(?P<dir>ago|earlier|before\s+(?=[.,;])|later|from\s+now|hence|back|away(?=\s*[.,;!?]|\s*$))\b(?!\s+than\b)"
      r"(?P<today>\s+(?i:today|yesterday)\b)?", "unit",
      examples=[("2024-12-02", "They met two weeks ago.", "2024-11-18/2024-11-24", "range"),
                ("2024-12-02", "They met 10 days ago.", "2024-11-22", "day"),
                ("2025-03-05", "7000 YEARS AGO", None, "unknown"),
                ("2025-03-05", "two months ago", "2025-01", "month"),
                ("2025-03-05", "three years ago", "2022", "year"),
                ("2025-03-05", "up from a year earlier", "2024", "year"),
                ("2025-03-05", "In 2019 sales fell, a year earlier they rose.", "2018", "year"),
                ("2009-02-10", "He asked us twenty-one days ago to help.", "2009-01-20", "day"),
                ("2009-02-10", "Thirty-two years ago, the plant opened.", "1977", "year"),
                ("2008-10-06", "Less than a year ago, plans were unveiled.", None, "unknown"),
                ("2000-04-01", "It began more than four decades ago.", None, "unknown"),
                ("1999-03-12", "It began almost four years ago.", "1995", "year"),
                ("2010-01-14", "It looked different a couple of days ago.", "2010-01-12", "day"),
                ("2025-03-05", "They married a year ago today.", "2024-03-05", "day"),
                ("2025-03-05", "It opened two weeks ago today.", "2025-02-19", "day"),
                ("2024-03-31", "It rained a month ago today.", "2024-02-29", "day"),
                ("2025-03-05", "The suspect was arrested an hour ago.", "2025-03-05", "day"),
                ("2025-03-05", "It happened a few minutes ago.", "2025-03-05", "day"),
                ("2025-03-05", "The blast was 48 hours ago.", "2025-03-03", "day"),
                ("2025-03-05", "It began 30 hours ago.", None, "unknown"),
                ("2025-03-05", "The election is two months away.", "2025-05", "month"),
                ("2024-06-09", "He called a week ago yesterday.", "2024-06-01", "day")])
def ago(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    """N units before (ago) or after (from now) the publication date; weeks are a week range."""
    n = _num(m["n"])
    unit = m["u"].lower().rstrip("s").replace("centurie", "century")
    unit = en.UNIT_ABBREVIATIONS.get(unit, unit)
    direction = re.sub(r"\s+", " ", m["dir"].lower())
    if unit in ("hour", "minute") and direction in ("ago", "from now", "hence", "back", "away"):
        # "an hour ago", "30 minutes ago", "a few hours ago": the publication day (a time of
        # day scores as its day); whole days of hours ("48 hours ago") count as days
        return _hours_away(m, ref, n, unit, -1 if direction in ("ago", "back") else 1)
    if n is None or n == 0 or re.sub(r"\s+", " ", m["n"].lower().strip()) in en.VAGUE_QUANTITIES:
        return _point(m, None, "unknown", "vague")
    if re.sub(r"\s+", " ", (m["bound"] or "").lower()) in ("less than", "more than", "over", "at least"):
        # "less than a year ago" (in October 2008) is most likely 2008, not 2007; "more than four
        # decades ago" is any time before: the text bounds the date and does not give it
        return _point(m, None, "unknown", "vague")
    if direction in ("later", "earlier", "before"):
        if unit == "year" and n <= 1000:
            return _anaphor(m, f"year:{n if direction == 'later' else -n}")
        if unit == "month" and n <= 1200:
            return _anaphor(m, f"month:{n if direction == 'later' else -n}")
        return _point(m, None, "unknown")
    if ref is None or n > 100_000:
        return _point(m, None, "unknown")
    sign = 1 if direction in ("from now", "hence", "away") else -1
    if m["today"] and direction == "ago":  # "a week ago today", "a year ago today": that very day
        if unit in ("year", "month") and m["today"].strip().lower() == "today":
            y, mo = cal.month_add(ref.year, ref.month, -n * (12 if unit == "year" else 1))
            return _day(m, cal.ymd(y, mo, min(ref.day, cal.last_day(y, mo))) if cal.year_ok(y) else None,
                        relative=True)
        if unit in en.UNITS_IN_DAYS:
            back = 1 if m["today"].strip().lower() == "yesterday" else 0  # "a week ago yesterday"
            return _day(m, cal.shift(ref, -n * en.UNITS_IN_DAYS[unit] - back), relative=True)
    if unit == "year":
        return _point(m, cal.yval(ref.year + sign * n), "year", relative=True)
    if unit == "month":
        return _point(m, cal.mval(*cal.month_add(ref.year, ref.month, sign * n)), "month", relative=True)
    if unit in ("day", "night"):
        return _day(m, cal.shift(ref, sign * n), relative=True)
    if unit in ("week", "fortnight"):
        return _point(m, cal.week_range(cal.shift(ref, sign * n * en.UNITS_IN_DAYS[unit])), "range", relative=True)
    if unit == "decade":
        return _point(m, cal.yval(ref.year + sign * 10 * n), "year", relative=True)
    if unit == "weekend" and n <= 1000:
        # "two weekends ago": the weekend before the last full one; "two weekends from now"
        if sign < 0:
            sat = cal.shift(ref, -((ref.weekday() - 5) % 7) - (7 if ref.weekday() >= 5 else 0) - 7 * (n - 1))
        else:
            sat = cal.shift(ref, (5 - ref.weekday()) % 7 + 7 * (n - 1))
        return _point(m, cal.span(sat, cal.shift(sat, 1) if sat else None), "range", relative=True)
    return _point(m, None, "unknown")


def _hours_away(m: re.Match[str], ref: date | None, n: int | None, unit: str, sign: int) -> Cand:
    """The day that is ``n`` hours or minutes away (None: a vague few): the publication day under
    a day's worth, whole days when the hours are a multiple of 24 ("in 48 hours"), else unresolved
    (the publication hour is not known, so "30 hours ago" may be either of two days)."""
    if ref is None:
        return _point(m, None, "unknown")
    hours = 1 if n is None else n if unit == "hour" else n / 60
    if hours < 24:
        return _day(m, ref, relative=True)
    if hours % 24 == 0 and hours <= 24 * 1000:
        return _day(m, cal.shift(ref, sign * int(hours) // 24), relative=True)
    return _point(m, None, "unknown")


@rule(r"(?i:\b(?:just\s+|only\s+)?(?P<u>moments|minutes|seconds|hours)\s+(?P<dir>ago|from\s+now)\b)", "unit",
      examples=[("2025-03-05", "He posted the video minutes ago.", "2025-03-05", "day"),
                ("2025-03-05", "The result came in moments ago.", "2025-03-05", "day"),
                ("2025-03-05", "Only hours ago, the talks were on.", "2025-03-05", "day")])
def moments_ago(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    """"minutes ago", "moments ago", "hours from now": the publication day."""
    return _hours_away(m, ref, None, "hour", 1)


_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?)\"”’]|$|(?:and|or|but|from\s+now)\b)")
_RATE_BEFORE = re.compile(r"\d[\d,.]*\s+(?:[a-z]+\s+){0,2}(?:for\s+[a-z\s]+?)?$")
_SUPERLATIVE = re.compile(r"(?i)\b(?:first|only|\w{3,}est|most|least|record|ever)\b[^.;:!?]{0,50}$")


@rule(r"(?i)\bin\s+(?:(?:about|around|roughly|approximately|some|just|only)\s+)?(?P<n>" + _NUMWORD
      + r")\s+(?P<u>days?|weeks?|months?|years?|fortnights?|hours?|minutes?|hrs?|mins?)\b(?!\s+ago)"
      r"(?P<time>['’]?s?\s+time\b)?", "unit",
      examples=[("2025-03-05", "The results come out in ten days' time.", "2025-03-15", "day"),
                ("2025-03-05", "Talks resume in two weeks’ time.", "2025-03-17/2025-03-23", "range"),
                ("2025-03-05", "The vote is due in 10 days.", "2025-03-15", "day"),
                ("2025-03-05", "Prices rose the most in 10 days' time.", None, "unknown"),
                ("2025-03-05", "The law will take effect in ten days.", "2025-03-15", "day"),
                ("2025-03-05", "They will vote in two weeks.", "2025-03-17/2025-03-23", "range"),
                ("2025-03-05", "It opens in about three weeks.", "2025-03-24/2025-03-30", "range"),
                ("2025-03-05", "The law will take effect in roughly a month.", "2025-04", "month"),
                ("2025-03-05", "the highest level in ten days", None, "unknown"),
                ("1987-03-11", "It would float its first Yankee bond issue in 21 years.", None, "unknown"),
                ("1987-03-09", "The USSR might not buy corn for the first time in 15 years.", None, "unknown"),
                ("2025-03-05", "The verdict is expected in 2 hours.", "2025-03-05", "day"),
                ("2025-03-05", "The ultimatum expires in 48 hours.", "2025-03-07", "day"),
                ("2025-03-05", "He will land in half an hour.", "2025-03-05", "day"),
                ("2025-03-05", "He ran the course in three hours.", None, "unknown"),
                ("2025-03-05", "The bus leaves in ten minutes.", "2025-03-05", "day"),
                ("2025-03-05", "You can add 65 miles in 4 minutes.", None, "unknown"),
                ("1987-03-16", "The club did better than it hoped it could achieve in one year.", None, "unknown")])
def in_units(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    """"in ten days" is a date only in a future clause; otherwise it is a duration."""
    n = _num(m["n"])
    clause, cue = tense_cue(text, m.start(), m.end())
    if cue.startswith("could"):
        clause = None  # "what we thought we could achieve in one year": how long, not when
    short = m["u"].lower().startswith(("hour", "minute", "hr", "min"))
    if short and _RATE_BEFORE.search(text, max(0, m.start() - 40), m.start()):
        return _point(m, None, "unknown", "duration")  # "65 miles in 4 minutes", "108 runs in 115 minutes"
    if short and not lenient and not _CLAUSE_END.match(text, m.end()):
        # "deal with a visa in about 11 minutes which...", "his runs in 151 minutes off 83 balls":
        # minutes with more of the clause after them are how long something takes
        return _point(m, None, "unknown", "duration")
    if lenient and clause is None or m["time"]:
        clause = "future"  # "in ten days' time" looks ahead  # "in ten days' time" looks ahead; alone ("in 10 days", a model's when) too
    if n is None or ref is None or m["n"].lower() in en.VAGUE_QUANTITIES or n > 10_000 \
            or clause != "future" or _SUPERLATIVE.search(text, max(0, m.start() - 60),
                                                                                   m.start()):
        # "its first bond issue in 21 years", "the highest level in ten days": a stretch of time
        return _point(m, None, "unknown", "duration")
    unit = m["u"].lower().rstrip("s")
    unit = en.UNIT_ABBREVIATIONS.get(unit, unit)
    if unit in ("hour", "minute"):
        return _hours_away(m, ref, n, unit, 1)  # "in 2 hours", "in half an hour": today
    if unit == "year":
        return _point(m, cal.yval(ref.year + n), "year", relative=True)
    if unit == "month":
        return _point(m, cal.mval(*cal.month_add(ref.year, ref.month, n)), "month", relative=True)
    if unit == "day":
        return _day(m, cal.shift(ref, n), relative=True)
    return _point(m, cal.week_range(cal.shift(ref, n * en.UNITS_IN_DAYS[unit])), "range", relative=True)


@rule(r"(?i:\b(?:(?:earlier|later|early|late)\s+)?(?:that|that\s+same|the\s+same)\s+(?P<u>year|month)\b)"
      r"(?!\s+(?:a\s+year|last\s+year|the\s+(?:previous|prior)\s+year|the\s+year\s+before))", "unit",
      examples=[("2000-01-28", "He fled in June 1998 and returned later that year.", "1998", "year"),
                ("2025-03-05", "The bank failed in May 2008. That month, shares fell.", "2008-05", "month")])
def that_year(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    """"later that year", "that same month": the year or month the story is at."""
    return _anaphor(m, f"{m['u'].lower()}:0")


@rule(r"(?i:\bthe\s+same\s+(?P<u>month|period|quarter|day|week|time)\s+(?:of\s+)?(?:a\s+year\s+(?:ago|earlier|before)|"
      r"last\s+year|the\s+(?:previous|prior)\s+year|the\s+year\s+before))\b", "unit",
      examples=[("2009-02-03", "Sales fell in January, compared to the same month a year ago.", "2008-01", "month"),
                ("2010-03-03", "Sales rose in February compared to the same period last year.", "2009-02", "month"),
                ("2010-03-03", "Sales rose on Feb. 2 from the same day last year.", "2009-02-02", "day")])
def same_period_year_before(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    """"the same month a year ago": the story's month (or day) one year back."""
    return _anaphor(m, "day:y-1" if m["u"].lower() == "day" else "month:-12")


_THAN_AFTER = re.compile(r"(?i)\s+than\b")


@rule(r"(?i)\b(?:the\s+)?year[- ](?P<adj>earlier|ago|before)(?:\s+(?:period|quarter|level|results?|months?))?\b|"
      r"(?i:\bthe\s+year\s+previous\b)", "unit",
      examples=[("2025-03-05", "Net income fell from year-earlier results.", "2024", "year"),
                ("2025-03-05", "Sales fell in 2019; the year before, they rose.", "2018", "year"),
                ("2006-11-24", "It will end the charges a year earlier than previously agreed.", None,
                 "unknown")])
def year_earlier(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    """"a year earlier" steps back from the story's year; the adjective "year-earlier"/"year-ago"
    (financial reports: "year-earlier results") from the publication year. "a year earlier than
    agreed" is a comparison and dates nothing."""
    if _THAN_AFTER.match(text, m.end()):
        return _point(m, None, "unknown", "duration")
    if m["adj"] and "-" in m.group() and ref is not None:
        return _point(m, cal.yval(ref.year - 1), "year", relative=True)
    return _anaphor(m, "year:-1")


@rule(r"\b(?:on\s+)?the\s+(?P<d>[12]?\d|3[01])(?:st|nd|rd|th)\b|(?i:\bon\s+the\s+)(?P<dw>" + _ORDINAL_DAY_LATE
      + r")(?![-'’])", ("num", "spoken"),
      examples=[("2025-03-05", "on the 3rd, they left", "2025-03-03", "day"),
                ("2026-02-13", "The rally is on the twenty-eighth.", "2026-02-28", "day"),
                ("2026-02-13", "It snowed on the eleventh.", "2026-02-11", "day"),
                ("2026-02-13", "They met on the twentieth anniversary.", None, "unknown"),
                ("2025-03-05", "the 22nd floor", None, "unknown"),
                ("2025-03-05", "Voting takes place on the 15th.", "2025-03-15", "day"),
                ("2025-03-20", "The board will meet on the 3rd.", "2025-04-03", "day"),
                ("2024-06-09", "It closes on the 20th", "2024-06-20", "day")])
def nth_day(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    """"on the 3rd": a day of this month or a neighbouring one, by the tense ("on the fifth" is
    as often a golf hole or a floor: left alone)."""
    nxt = _next_word(text, m.end())
    if nxt[:1].isalpha() and nxt.lower() not in ("and", "or", "to", "at", "in", "when", "of"):
        return None  # "the 22nd floor", "the 3rd time"
    if ref is None:
        return _point(m, None, "unknown")
    day = _day_number(m)
    if tense(text, m.start(), m.end()) == "future":  # "voting takes place on the 15th": this month or next
        y, mo = (ref.year, ref.month) if day >= ref.day else cal.month_add(ref.year, ref.month, 1)
    else:
        y, mo = (ref.year, ref.month) if day <= ref.day else cal.month_add(ref.year, ref.month, -1)
    return _day(m, cal.ymd(y, mo, day) if cal.year_ok(y) else None, relative=True)


@rule(r"(?i)\b(?:(?:for|over|in|during|within|after|the\s+past|the\s+last|the\s+next|the\s+first|"
      r"the\s+coming|the\s+previous|the\s+following|the\s+latest|the\s+final|the|past|another|"
      r"at\s+least|about|nearly|almost|more\s+than|less\s+than|up\s+to|some|around|roughly|only|just|"
      r"barely)\s+){0,4}(?P<n>" + _NUMWORD + r")(?:\s+more)?[\s-]+" + _UNIT + r"s?(?:[- ]old|[- ]long)?\b", "unit",
      examples=[("2025-03-05", "for three years", None, "unknown"),
                ("2025-03-05", "Prices rose 4% in the past 12 months.", "2024-03-06/2025-03-05", "range"),
                ("2025-03-05", "over the last twelve months", "2024-03-06/2025-03-05", "range"),
                ("2025-03-05", "for the past 18 months", None, "unknown"),
                ("2025-03-05", "The project finished three weeks later than planned.", None, "unknown"),
                ("2025-03-05", "The drought lasted two years longer than usual.", None, "unknown")])
def duration(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    twelve = _TRAILING_TWELVE.search(m.group())
    if twelve:  # "in the past 12 months": the twelve months to the reference date
        return _trailing_year(m, ref, m.start() + twelve.start())
    return _point(m, None, "unknown", "duration")


_TRAILING_TWELVE = re.compile(r"(?i)\bthe\s+(?:past|last)\s+(?:12|twelve)\s+months$")


def _trailing_year(m: re.Match[str], ref: date | None, start: int) -> Cand:
    """The year up to the reference date, as a range (a day short of a year back, to the day)."""
    if ref is None:
        return _point(m, None, "unknown", start=start)
    back = cal.ymd(ref.year - 1, ref.month, min(ref.day, cal.last_day(ref.year - 1, ref.month))) \
        if cal.year_ok(ref.year - 1) else None
    first = cal.shift(back, 1) if back else None
    return _point(m, cal.span(first, ref), "range", start=start, relative=True)


@rule(r"(?i)\b(?:(?:for|in|over|within|after|during|the\s+past|the\s+last|the\s+next|the\s+coming)\s+)?"
      r"(?:years|months|weeks|decades|centuries|minutes|hours)\b", "unit",
      examples=[("2025-03-05", "for years", None, "unknown")])
def bare_duration(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    return _point(m, None, "unknown", "duration")


@rule(r"(?i)\b(?:in\s+)?(?:recent|coming|the\s+coming|the\s+past\s+few|the\s+next\s+few|the\s+last\s+few)\s+"
      r"(?:days|weeks|months|years|decades|times)\b|\b(?:recently|lately|currently|nowadays|"
      r"right\s+now|now|these\s+days|(?:in\s+)?the\s+past|(?:in\s+)?the\s+future|at\s+the\s+time|"
      r"at\s+that\s+time|previously|formerly|soon|from\s+time\s+to\s+time|to\s+date|so\s+far|recent|"
      r"current|present[- ]day)\b", ("vague", "unit"),
      examples=[("2025-03-05", "recently", None, "unknown")])
def vague(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    return _point(m, None, "unknown", "vague")


@rule(r"(?i)\b(?:(?:each|every|per)\s+(?:day|week|month|year|morning|night|evening|summer|winter|"
      r"spring|autumn|fall|quarter)|daily|weekly|monthly|annually|yearly|quarterly|nightly|"
      r"(?:mon|tues|wednes|thurs|fri|satur|sun)days)\b", "unit",
      examples=[("2025-03-05", "every week", None, "unknown")])
def recurring(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    return _point(m, None, "unknown", "set")


# --------------------------------------------------------------------------- rules: a report's periods, compositions



_YEAR_NOT_AFTER = ("ahead", "before", "after", "since", "of", "when", "that", "in", "to", "ended", "ending", "through",
                   "which", "while", "following", "prior", "just", "past", "earlier", "later", "he", "she", "they",
                   "it", "we", "i", "you", "until", "between", "from", "or", "and", "is", "was", "had", "has")


@rule(r"(?i:\b(?:for|during|throughout|over)\s+(?P<the>the\s+(?:(?:fiscal|financial|calendar)\s+)?year)\b)(?![-'’])"
      r"|(?i:\b(?P<the2>the\s+(?:most\s+recent|just[- ]ended|recently\s+ended)\s+(?:(?:fiscal|financial)\s+)?year)\b)"
      r"(?![-'’])", "unit",
      examples=[("2025-03-05", "Net fell in the fourth quarter. Revenue for the year fell 3%.", "2024", "year"),
                ("2006-01-27", "GM lost $4.8 billion in 2005; revenue for the year fell.", "2005", "year"),
                ("2025-03-05", "Revenue for the year fell 3%.", None, "unknown"),
                ("2025-03-05", "Sales rose in fiscal 2024. In the most recent fiscal year, profit fell.", "2024", "year"),
                ("2025-03-05", "Sales rose in 2019. Profit rose for the year as a whole.", "2019", "year")])
def for_the_year(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    """"revenue for the year", "in the most recent fiscal year": the year the report has told
    (a year, a quarter or a month of it), or nothing; never a guess from the publication date,
    nor from a day ("said on Tuesday that revenue for the year fell" says nothing of the year)."""
    if _next_word(text, m.end()).lower().rstrip(".,;:") in _YEAR_NOT_AFTER and m["the"]:
        if re.match(r"\s*[.,;:]", text[m.end():]) is None:
            return None  # "in the year since", "for the year ahead", "for the year he was born"
    start = m.start("the") if m["the"] else m.start("the2")
    return _anaphor(m, "year:period", start=start)


@rule(r"(?<![\w.])(?:(?P<wd>" + _WEEKDAY_I + r"),?\s+)?(?P<on>on\s+)?(?P<the>(?:the|The)\s+)?(?:(?P<d>[12]?\d|3[01])(?:st|nd|rd|th)|(?P<dw>"
      + _ORDINAL_DAY + r"))\s+(?:of\s+)?(?:(?P<m>" + _MONTH_ANY + r")(?:,?\s+(?P<y>" + _YEAR + r")\b)?|"
      r"(?P<rel>(?i:this|last|next))\s+(?i:month)\b)", ("num", "month", "unit"),
      examples=[("2025-03-05", "Payment is due on the 15th of next month.", "2025-04-15", "day"),
                ("2025-03-05", "It closed on the 3rd of last month.", "2025-02-03", "day"),
                ("2025-03-05", "the 20th of this month", "2025-03-20", "day"),
                ("2025-01-20", "the 31st of next month", None, "unknown"),
                ("2025-06-05", "She arrived on the third of april.", "2025-04-03", "day"),
                ("2025-03-05", "She will arrive on the third of April.", "2025-04-03", "day"),
                ("2025-03-05", "the twenty-first of May 2019", "2019-05-21", "day"),
                ("2025-03-05", "on the first of March, 2020", "2020-03-01", "day"),
                ("2025-03-05", "The fair opens on the tenth of next month.", "2025-04-10", "day"),
                ("2025-03-05", "on Friday, the fourteenth of February 2025", "2025-02-14", "day"),
                ("2025-03-05", "the 4th of next month", "2025-04-04", "day"),
                ("2025-03-05", "They will wed on first of June.", "2025-06-01", "day"),
                ("2025-08-23", "The 15th of next month is the deadline.", "2025-09-15", "day")])
def day_of(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    """"the 15th of next month", "the third of April": a day of a named or relative month ("on
    first of May" and, alone, "first of March" too; "a third of March" is a fraction)."""
    if not m["the"] and not (m["on"] or lenient):
        return None
    if m["m"]:
        if m["d"] or (m["dw"] and m["dw"].lower() == "fourth" and _month_of(m["m"]) == 7):
            return None  # "the 4th of July 2019" is day_month's, "the Fourth of July" the holiday's
        return month_day(m, text, ref, lenient)
    if ref is None:
        return _point(m, None, "unknown")
    year, month = cal.month_add(ref.year, ref.month, {"last": -1, "next": 1}.get(m["rel"].lower(), 0))
    if not cal.year_ok(year):
        return _point(m, None, "unknown")
    return _day(m, cal.ymd(year, month, _day_number(m)), relative=True)


@rule(r"(?<![\w/.-])(?P<d>[12]\d|3[01]|0?[1-9])(?P<sep>[/.-])(?P<m>(?i:" + _MONTH_FULL + "|" + _MONTH_ABBR
      + r"))(?P=sep)(?P<y>\d{4}|\d{2})(?![\w/-]|\.\d)", "month",
      examples=[("2025-03-05", "He was born 12/Mar/1981.", "1981-03-12", "day"),
                ("2025-03-05", "filed 05-JAN-2021", "2021-01-05", "day"),
                ("2025-03-05", "on 3.Sept.2019", "2019-09-03", "day"),
                ("2025-03-05", "on 7-Jul-19", "2019-07-07", "day"),
                ("2025-03-05", "on 31/Feb/2020", None, "unknown")])
def numeric_month_name(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    """"12/Mar/1981", "05-JAN-2021": day, month name and year joined by one separator."""
    y = m["y"]
    year = int(y) if len(y) == 4 else cal.two_digit_year(int(y), ref)
    return _point(m, _iso(cal.ymd(year, _month_of(m["m"]), int(m["d"]))), "day")


@rule(r"(?i:\b(?:the\s+)?(?P<u>weekend|week|month|year)\s+(?P<dir>after\s+next|before\s+last))\b", "unit",
      examples=[("2025-03-05", "They will vote the week after next.", "2025-03-17/2025-03-23", "range"),
                ("2025-03-05", "It happened the week before last.", "2025-02-17/2025-02-23", "range"),
                ("2025-03-05", "the month after next", "2025-05", "month"),
                ("2025-03-05", "the year before last", "2023", "year"),
                ("2025-03-05", "They met the weekend before last.", "2025-02-22/2025-02-23", "range"),
                ("2025-03-05", "They meet the weekend after next.", "2025-03-22/2025-03-23", "range")])
def unit_after_next(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    """"the week after next", "the year before last": two units from this one."""
    if ref is None:
        return _point(m, None, "unknown")
    step = 2 if m["dir"].lower().startswith("after") else -2
    unit = m["u"].lower()
    if unit == "year":
        return _point(m, cal.yval(ref.year + step), "year", relative=True)
    if unit == "month":
        return _point(m, cal.mval(*cal.month_add(ref.year, ref.month, step)), "month", relative=True)
    if unit == "weekend":
        # one weekend beyond "last weekend" (the Saturday-Sunday before this week) or "next
        # weekend" (the one after this week's)
        sat = cal.shift(ref, -ref.weekday() + 5 + 7 * step)
        return _point(m, cal.span(sat, cal.shift(sat, 1) if sat else None), "range", relative=True)
    return _point(m, cal.week_range(cal.shift(ref, -ref.weekday() + 7 * step)), "range", relative=True)


@rule(r"(?i:\b(?:the\s+)?(?P<o>first|second|third|fourth|last|final)\s+(?P<u>week|weekend)\s+(?:of|in)\s+)(?:(?P<m>" + _MONTH_ANY
      + r")(?:,?\s+(?P<y>" + _YEAR + r")\b)?|(?P<rel>(?i:this|last|next))\s+(?i:month)\b)", "unit",
      examples=[("2025-03-05", "in the first week of April 2024", "2024-04-01/2024-04-07", "range"),
                ("2025-03-05", "the second week of March 2020", "2020-03-08/2020-03-14", "range"),
                ("2025-03-05", "the last week of February 2024", "2024-02-23/2024-02-29", "range"),
                ("2025-03-05", "The talks resume in the first week of next month.", "2025-04-01/2025-04-07", "range"),
                ("2025-03-05", "Sales fell in the last week of December.", "2024-12-25/2024-12-31", "range"),
                ("2025-03-05", "The festival opens in the third week of June.", "2025-06-15/2025-06-21", "range"),
                ("2025-03-05", "The fair is held the last weekend of April.", "2025-04-26/2025-04-27", "range"),
                ("2025-03-05", "It snowed on the first weekend of February.", "2025-02-01/2025-02-02", "range"),
                ("2025-03-05", "The race is the second weekend in July.", "2025-07-12/2025-07-13", "range"),
                ("2025-03-05", "The race is the first weekend of June.", None, "unknown"),
                ("2025-03-05", "The race is the last weekend of May.", None, "unknown")])
def week_of_month(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    """"the first week of April": the month's days 1-7 (8-14, 15-21, 22-28; the last week its
    last seven days), a range; the month by its year, or last/next month, or the clause's tense."""
    if m["rel"]:
        if ref is None:
            return _point(m, None, "unknown")
        year, month = cal.month_add(ref.year, ref.month, {"last": -1, "next": 1}.get(m["rel"].lower(), 0))
    else:
        month = _month_of(m["m"])
        if m["y"]:
            year = int(m["y"])
        elif ref is None:
            return _point(m, None, "unknown")
        else:
            year = month_year(ref, month, "", tense(text, m.start(), m.end()))
    if not cal.year_ok(year):
        return _point(m, None, "unknown")
    o = m["o"].lower()
    if m["u"].lower() == "weekend":
        return _point(m, _weekend_of_month(year, month, o), "range", relative=not m["y"])
    last = cal.last_day(year, month)
    first = last - 6 if o in en.LAST_ORDINALS else 7 * (en.ORDINALS[o] - 1) + 1
    return _point(m, cal.span(cal.ymd(year, month, first), cal.ymd(year, month, min(first + 6, last))), "range",
                  relative=not m["y"])


def _weekend_of_month(year: int, month: int, ordinal: str) -> str | None:
    """The Nth (or last) Saturday of the month and the Sunday after it. A month that begins on a
    Sunday (is the 1st its first weekend?) or ends on a Saturday (is the 31st and the 1st after it
    its last?) has no one answer, so none is given."""
    if ordinal in en.LAST_ORDINALS:
        end = cal.ymd(year, month, cal.last_day(year, month))
        if end is None or end.weekday() == 5:
            return None
        sat = cal.shift(end, -((end.weekday() - 5) % 7))
    else:
        first = cal.ymd(year, month, 1)
        if first is None or first.weekday() == 6:
            return None
        sat = cal.nth_weekday(year, month, 5, en.ORDINALS[ordinal])
    return cal.span(sat, cal.shift(sat, 1) if sat else None)


@rule(r"(?<![\w/.,$-])(?P<m>0[1-9]|1[0-2])/(?P<y>(?:19|20)\d\d)(?![\w/%]|[.,]\d)", "num",
      examples=[("2025-03-05", "Card expires 03/2027.", "2027-03", "month"),
                ("2025-03-05", "the 11/2019 report", "2019-11", "month"),
                ("2025-03-05", "In 12/2019 sales fell.", "2019-12", "month")])
def numeric_month_year(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    """"03/2020": a month and a year (two-digit month, so "3/2000" stays a ratio)."""
    return _point(m, cal.mval(int(m["y"]), int(m["m"])), "month")




@rule(r"(?<![\w.])(?:(?P<mod>(?i:next|last|this|on|by|until|till|from|coming|since))\s+)?" + _WEEKDAY_ABBR, "abbr",
      examples=[("2025-03-05", "See you next Tues.", "2025-03-11", "day"),
                ("2025-03-05", "The store opened on Sat.", "2025-03-01", "day"),
                ("2025-03-05", "We will meet on Thurs to decide.", "2025-03-06", "day"),
                ("2025-03-05", "He left last Fri.", "2025-02-28", "day"),
                ("2026-04-05", "See you Thurs!", "2026-04-09", "day"),
                ("2025-06-11", "Deadline: Fri.", "2025-06-13", "day"),
                ("2025-03-05", "Results came out Tues.", "2025-03-04", "day"),
                ("2025-03-05", "Reported on Sun Microsystems shares", None, "unknown"),
                ("2025-03-05", "The Sun said Sat was busy.", None, "unknown")])
def weekday_abbreviation(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    """"next Tues", "on Sat": a weekday's abbreviation; one that is also a word is read only after
    a word that takes a day (a bare "Sun", "Sat" or "Wed" is a newspaper, a verb or a name), the
    others ("Thurs", "Tues", "Fri") also alone."""
    if _next_word(text, m.end())[:1].isupper() or not (lenient or m["wa"][:1].isupper()):
        return None  # "on Sun Microsystems", "by Sat Nav"; "on sat" is a verb
    if not m["mod"] and not (lenient and m.start() == 0 and not text[m.end():].strip(" .,")) \
            and (m["wa"].lower() in en.WEEKDAY_ABBR_WORDS or not m["wa"][1:].islower()
                 or text[max(0, m.start() - 1):m.start()] == "/" or text[m.end():m.end() + 1] == "/"):
        # a bare "Sat", "Sun", "Wed": only as the whole expression (``resolve``); "Thurs" is a day,
        # but not in capitals or a pair ("WED/THURS" in a rates table is a settlement period)
        return None
    if ref is None:
        return _point(m, None, "unknown")
    mod = (m["mod"] or "").lower()
    wd = _WEEKDAY_ABBR_NUMBER[m["wa"].lower()]
    rel = mod if mod in ("next", "last", "this", "coming") else ""
    start = m.start() if rel else m.start("wa")
    clause = tense(text, m.start("wa"), m.end("wa")) if rel in ("", "this") else None
    if mod in ("until", "till", "by") or (not mod and _DEADLINE_BEFORE.search(text, max(0, m.start() - 30), m.start())):
        clause = clause or "future"  # "by Fri", "Deadline: Fri 5pm"
    return _point(m, _iso(weekday_date(ref, wd, rel, clause)), "day", start=start, relative=True)


@rule(r"(?<![\w.])(?:(?P<wd>" + _WEEKDAY_I + r")|" + _WEEKDAY_ABBR + r"),?\s+(?P<a>[12]\d|3[01]|0?[1-9])/(?P<b>[12]\d|3[01]|0?[1-9])"
      r"(?![\d/]|\.\d)", ("wd", "abbr"),
      examples=[("2026-01-13", "Meeting rescheduled to Thu 22/01.", "2026-01-22", "day"),
                ("2026-01-13", "Kick-off Sat 3/1", "2026-01-03", "day"),
                ("2026-01-13", "on Friday 5/3", None, "unknown")])
def weekday_numeric_day(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    """"Thu 22/01", "Sat 3/1": a day and month without a year, which the weekday decides: of both
    orders (day-month, month-day) in the nearest years, the one date within half a year that falls
    on that weekday; none or two such dates leave it unresolved."""
    if ref is None:
        return _point(m, None, "unknown")
    wd = _WEEKDAY_NUMBER[m["wd"].lower()] if m["wd"] else _WEEKDAY_ABBR_NUMBER[m["wa"].lower()]
    a, b = int(m["a"]), int(m["b"])
    found = {d for y in (ref.year - 1, ref.year, ref.year + 1) if cal.year_ok(y) for mo, dd in ((b, a), (a, b))
             if mo <= 12 and (d := cal.ymd(y, mo, dd)) and d.weekday() == wd and abs((d - ref).days) <= 183}
    return _day(m, found.pop(), relative=True) if len(found) == 1 else _point(m, None, "unknown")


@rule(r"(?i:\b(?P<n>a|one|two|three|four|\d)\s+)(?P<wd>(?i:Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|Saturdays|"
      r"Sundays|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))(?i:\s+(?P<fw>ago|from\s+now|from\s+today))\b"
      r"|(?i:\b(?:the\s+)?)(?P<wd2>" + _WEEKDAY_I + r")(?i:\s+(?P<dir>before\s+last|after\s+next))\b"
      r"|(?i:\b(?P<lb>last|next)\s+)(?P<wd3>" + _WEEKDAY_I + r")(?i:\s+but\s+one)\b", ("wd", "unit"),
      examples=[("2025-03-05", "It happened two Fridays ago.", "2025-02-21", "day"),
                ("2025-06-11", "The launch is two Fridays from now.", "2025-06-20", "day"),
                ("2025-06-13", "The launch is two Fridays from now.", "2025-06-27", "day"),
                ("2025-03-05", "It happened a Friday ago.", "2025-02-28", "day"),
                ("2025-03-05", "They met the Friday before last.", "2025-02-21", "day"),
                ("2025-03-05", "They meet the Friday after next.", "2025-03-14", "day"),
                ("2025-03-07", "They met the Friday before last.", "2025-02-21", "day"),
                ("2025-03-05", "see you friday after next", "2025-03-14", "day"),
                ("2025-03-05", "They met last Friday but one.", "2025-02-21", "day"),
                ("2025-03-05", "They meet next Friday but one.", "2025-03-14", "day")])
def weekdays_ago(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    """"two Fridays ago" (the last Friday, then one more back), "the Friday before last", "the
    Friday after next" (the coming one, then a week on); "last Friday but one" (the one before
    last Friday), "next Friday but one"."""
    if ref is None:
        return _point(m, None, "unknown")
    if m["wd3"]:
        step = m["lb"].lower()
        base = weekday_date(ref, _WEEKDAY_NUMBER[m["wd3"].lower()], step, None)
        return _day(m, cal.shift(base, -7 if step == "last" else 7) if base else None, relative=True)
    if m["wd2"]:
        wd = _WEEKDAY_NUMBER[m["wd2"].lower()]
        if m["dir"].lower().startswith("before"):
            last = cal.shift(ref, -((ref.weekday() - wd) % 7 or 7))
            return _day(m, cal.shift(last, -7) if last else None, relative=True)
        coming = cal.shift(ref, (wd - ref.weekday()) % 7 or 7)
        return _day(m, cal.shift(coming, 7) if coming else None, relative=True)
    n = _num(m["n"])
    if not n:
        return _point(m, None, "unknown")
    wd = _WEEKDAY_NUMBER[m["wd"].lower().rstrip("s")]
    if m["fw"].lower() != "ago":  # "two Fridays from now": the coming one, then a week on
        coming = cal.shift(ref, (wd - ref.weekday()) % 7 or 7)
        return _day(m, cal.shift(coming, 7 * (n - 1)) if coming else None, relative=True)
    last = cal.shift(ref, -((ref.weekday() - wd) % 7 or 7))
    return _day(m, cal.shift(last, -7 * (n - 1)) if last else None, relative=True)


@rule(r"(?<![\w.])(?:(?P<q>[1-4])Q|[Qq](?P<q2>[1-4]))(?:\s*(?P<y4>" + _YEAR + r")\b|['’]?(?P<y2>\d\d)\b)",
      ("num", "unit"),
      examples=[("2025-03-05", "Sales rose in 3Q 2024.", "2024-07-01/2024-09-30", "range"),
                ("2025-03-05", "Sales rose in 3Q24.", "2024-07-01/2024-09-30", "range"),
                ("2025-03-05", "Q3'24 results", "2024-07-01/2024-09-30", "range"),
                ("2025-03-05", "in 4Q 2023", "2023-10-01/2023-12-31", "range"),
                ("2025-03-05", "revenue rose in q1 2025", "2025-01-01/2025-03-31", "range")])
def quarter_code(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    """"3Q 2024", "3Q24", "Q3'24": a quarter written as a code, a range."""
    y = int(m["y4"]) if m["y4"] else cal.two_digit_year(int(m["y2"]), ref)
    if not cal.year_ok(y):
        return _point(m, None, "unknown")
    return _point(m, cal.quarter_range(y, int(m["q"] or m["q2"])), "range")


@rule(r"(?<![\w.])(?P<h>H[12]|[12]H)\s*['’]?(?P<y>" + _YEAR + r"|\d\d)\b", "num",
      examples=[("2025-03-05", "H1 2024 sales", "2024-01-01/2024-06-30", "range"),
                ("2025-03-05", "in 2H 2023", "2023-07-01/2023-12-31", "range"),
                ("2025-03-05", "H2'25 guidance", "2025-07-01/2025-12-31", "range")])
def half_code(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    """"H1 2024", "2H 2023": a half-year written as a code, a range."""
    y = int(m["y"]) if len(m["y"]) == 4 else cal.two_digit_year(int(m["y"]), ref)
    if not cal.year_ok(y):
        return _point(m, None, "unknown")
    first = "1" in m["h"]
    return _point(m, cal.span(cal.ymd(y, 1, 1), cal.ymd(y, 6, 30)) if first else cal.span(cal.ymd(y, 7, 1),
                                                                                          cal.ymd(y, 12, 31)), "range")


@rule(r"(?i:\bthe\s+(?:day|night)\s+(?P<dir>before\s+last|after\s+next))\b(?!['’]|\s+(?:" + _WEEKDAY_I + "|"
      + _MONTH_ANY + r"|(?i:week|month|year|night|weekend|season|quarter|time)\b|\d))", ("unit", "rel"),
      examples=[("2025-03-05", "It rained the night before last.", "2025-03-03", "day"),
                ("2025-03-05", "They arrive the day after next.", "2025-03-07", "day"),
                ("2025-03-05", "It rained the night before last and flooded.", "2025-03-03", "day")])
def day_before_last(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    """"the day before last" (the day before yesterday), "the day after next"."""
    if ref is None:
        return _point(m, None, "unknown")
    return _day(m, cal.shift(ref, -2 if m["dir"].lower().startswith("before") else 2), relative=True)


@rule(r"\b(?:(?P<wd>" + _WEEKDAY_I + r")|" + _WEEKDAY_ABBR_DATE + r"),?\s+(?:the\s+(?P<d1>[12]?\d|3[01])(?:st|nd|rd|th)?|"
      r"(?P<d2>[12]?\d|3[01])(?:st|nd|rd|th))\b(?!\s+(?:of\s+)?(?:" + _MONTH_ANY + r"))", ("wd", "abbr"),
      examples=[("2025-03-05", "The vote is on Friday the 14th.", "2025-03-14", "day"),
                ("2025-03-05", "It opened on Sunday the 2nd.", "2025-03-02", "day"),
                ("2025-03-05", "It fell on Monday the 17th.", "2025-02-17", "day"),
                ("2025-03-05", "on Monday the 31st", "2025-03-31", "day"),
                ("2025-03-05", "on Tuesday the 31st", None, "unknown"),
                ("2025-03-05", "The meeting will be on Fri 14th.", "2025-03-14", "day"),
                ("2025-03-05", "Party on Sat 8th!", "2025-03-08", "day")])
def weekday_the_nth(m: re.Match[str], text: str, ref: date | None, lenient: bool) -> Result:
    """"Friday the 14th", "Fri 14th": the nearest month day that falls on that weekday (within two
    months). A lower-case abbreviation that is also a word is not read ("He sat 14th")."""
    if ref is None:
        return _point(m, None, "unknown")
    wd = _WEEKDAY_NUMBER[m["wd"].lower()] if m["wd"] else _WEEKDAY_ABBR_NUMBER[m["wa"].lower()]
    day = int(m["d1"] or m["d2"])
    found = [d for k in range(-2, 3) if cal.year_ok(cal.month_add(ref.year, ref.month, k)[0])
             and (d := cal.ymd(*cal.month_add(ref.year, ref.month, k), day)) and d.weekday() == wd]
    return _day(m, nearest_date(ref, found, tense(text, m.start(), m.end())), relative=True)
