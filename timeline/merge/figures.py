"""Figures a report gives (tolls, counts, amounts), so sources that disagree can be flagged.

A figure is a number with what it counts, found whatever the wording: "At least 12 people
were killed", "killing 12", "the death toll has risen to 14" are all *deaths*; "3,000
residents were evacuated", "some 5,000 people were forced to leave their homes", "roughly
3,000 fled" are all *evacuated*. Labels: deaths, injured, missing, evacuated, displaced,
arrested, amount (money), else the counted noun ("40 homes" is *homes*).

Each figure is an interval of what its wording allows, so "at least 25" and "25" agree and
"about 3,000" and "some 5,000" do not: exact N is [N, N]; "at least / more than / over N" is
[N, inf); "about / around / some / roughly / an estimated N" is N +-10%; "nearly / almost /
up to / fewer than N" is below N. ``update`` is true when the wording says the figure replaces
an earlier one ("has risen to", "climbed to", "now stands at").
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from timeline.lang.en import time as en
from timeline.lang.en.news import (COMPARISON_AFTER, COMPARISON_BEFORE, EARLIER_MARKERS, EARLIER_STATING,
                                    DELTA_BEFORE, FIGURE_LABELS, FORECAST_MARKERS, PER_UNIT_NOUNS, RUNNING_TOTAL, WHOLE_MARKERS,
                                    WIRE_CURRENCIES, WIRE_PERCENT, WIRE_SCALES)

_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "m": 1e6, "mn": 1e6, "bn": 1e9,
           **WIRE_SCALES}
# "twenty-two": a tens word and a unit word joined by a hyphen (tried before the single words)
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_COMPOUND = rf"(?:{_TENS})-(?:{_UNITS})"
_NUMBER = (r"(?P<cur>[$€£¥]|US\$|USD\s|EUR\s|GBP\s)?(?P<num>\d(?:[\d,]*\d)?(?:\.\d+)?|" + _COMPOUND + "|"
           + "|".join(_WORD_NUMBERS)
           + r")(?:\s+(?P<scale>thousand|million|billion|trillion|" + "|".join(WIRE_SCALES) + r")(?![A-Za-z])|(?P<abbr>m|mn|bn)(?![A-Za-z]))?")
_QUALIFIERS = {
    "at least": "min", "more than": "min", "over": "min", "upwards of": "min",
    "about": "approx", "around": "approx", "some": "approx", "roughly": "approx", "approximately": "approx",
    "an estimated": "approx", "estimated": "approx", "close to": "max", "nearly": "max", "almost": "max",
    "up to": "max", "fewer than": "max", "less than": "max", "as many as": "max",
}
_QUALIFIER = r"(?:(?P<qual>" + "|".join(sorted(_QUALIFIERS, key=len, reverse=True)) + r")\s+)?"
_FIGURE = re.compile(r"(?<![\w.,:/-])" + _QUALIFIER + _NUMBER + r"(?![\w-]|[.,]\d)", re.IGNORECASE)

LABELS = FIGURE_LABELS  # lang/en/news.py: what a number counts, from the words around it
_LABEL_PATTERNS = {label: re.compile(rf"\b(?:{words})\b", re.IGNORECASE) for label, words in LABELS.items()}
# labels that count people: whole numbers, so "7.0" (a magnitude) is never one of them
PEOPLE_COUNTS = frozenset({"deaths", "injured", "missing", "evacuated", "displaced", "arrested", "jobs"})
_PARTITIVE = re.compile(r"(?i)\s+of\s+(?:the|its|their|his|her|our|those|these|them)\b")
CUMULATIVE = frozenset({"deaths", "injured", "evacuated", "displaced", "arrested", "casualties"})
# the unit of an amount, after its number ("65 million euros", "a 90 million euro contract")
_CURRENCY_WORDS = re.compile(r"^\s*(?:-\s*)?(?P<unit>(?:us |u\.s\. |australian |canadian |hong kong |new zealand )?dollars?|"
                             r"euros?|pounds?(?: sterling)?|yen|yuan|renminbi|rupees?|francs?|kron(?:a|or|er)|"
                             r"roubles?|rubles?|pesos?|won|usd|eur|gbp|" + WIRE_CURRENCIES + r")\b", re.IGNORECASE)
_CURRENCY_SIGNS = {"$": "dollars", "us$": "dollars", "usd": "dollars", "€": "euros", "eur": "euros", "£": "pounds",
                   "gbp": "pounds", "¥": "yen", "dlr": "dollars", "dlrs": "dollars", "cts": "cents", "stg": "pounds",
                   "sterling": "pounds"}
_PER_UNIT = re.compile(r"(?i)\s+(?:per|a|an)\s+(?:common\s+)?(?P<noun>" + PER_UNIT_NOUNS + r")\b")
_PERCENT_AFTER = re.compile(r"^\s*(?:%|percent\b|per cent\b|(?:" + WIRE_PERCENT + r")\b)", re.IGNORECASE)
# a figure that is the base of a comparison in its own report ("rose to 9 from 5", "12 cts vs
# 10 cts"): an earlier or other period's value, not this report's reading of the happening
_COMPARISON_BEFORE = re.compile(r"(?i)\b(?:(?:" + COMPARISON_BEFORE + r")\s+(?:the\s+|a\s+|an\s+)?|(?:"
                                 + COMPARISON_AFTER + r"|against)\s+(?:the\s+|a\s+|an\s+)?[a-z]+\s+of\s+)$")
_COMPARISON_AFTER = re.compile(r"(?i)\s*(?:[A-Za-z.]+\s+){0,2}?(?:" + COMPARISON_AFTER + r")(?![A-Za-z])")
# What a percentage is of, when the clause says so: a share of the vote, a stake, a turnout, a
# rate. A bare percentage ("60 percent sure") is not a figure sources can dispute.
_PERCENT_SUBJECT = re.compile(r"\b(?P<subject>turnout|stake|share|vote|votes|support|approval|unemployment|"
                              r"inflation|growth|interest rate|tariffs?|tax|discount|pay rise|raise|vaccinated|"
                              r"resistant|efficacy|effective)\b", re.IGNORECASE)
_UPDATE = re.compile(r"\b(?:ris(?:en|es)|rose|climb(?:ed|s)|increas(?:ed|es)|jump(?:ed|s)|grew|grown|"
                     r"now stands?|revised|updated|raising)\b", re.IGNORECASE)
_TOLL = re.compile(r"\b(?P<kind>death|casualty) toll\b[^.;]{0,100}?\b(?:to|of|at|reached|is|was|stands at)\s+$", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[;:.!?]|,\s|\s(?:and|but|while|as|after|before|when)\s")
_NOUN = re.compile(r"^\s+(?:more\s+|other\s+|additional\s+)?(?P<noun>[a-z][a-z-]+)")
_NOT_NOUNS = frozenset(
    ["more", "percent", "per", "cent", "of", "to", "and", "or", "a", "an", "the", "p.m", "a.m", "including", "in", "on", "at", "from", "with", "by", "for", "as", "after", "before", "since", "until", "over", "under", "than", "into", "years", "year", "months", "month", "days", "day", "weeks", "week", "hours", "hour", "minutes", "minute", "times", "seconds", "people's", "were", "was", "is", "are", "had", "have", "has", "vs", "versus"]
)
_YEARISH = re.compile(r"^(1[89]|20)\d\d$")
# Numbers that are not counts: the day of a date ("25 June", "June 25", "the 3rd of May"), an
# age ("aged 50", "at the age of 50", "Jackson, 50, died") or a clock time ("at 10.40").
# Seen on real stories: "died on 25 June" and "died in June 2009 aged 50" read as tolls of 25
# and 50 set two BBC reports against each other.
_MONTHS = r"(?:" + "|".join(sorted(en.MONTHS, key=len, reverse=True)) + r")\.?"  # the English month words
_DATE_BEFORE = re.compile(r"(?i)\b" + _MONTHS + r"\s+(?:the\s+)?$")
_DATE_AFTER = re.compile(r"(?i)^(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTHS + r"(?![a-z])")
_AGE_BEFORE = re.compile(r"(?i)\b(?:aged|age|ages|age\s+of)\s+$")
# a number that names a group, not a count: "five year-seven pupils" (a school year), "grade 10
# students", "flight 93 passengers", "phase two" (it set "seven pupils" against "six pupils")
_NAMING_BEFORE = re.compile(r"(?i)\b(?:year|grade|class|form|stage|level|phase|division|category|ward|gate|terminal|"
                            r"platform|flight|route|bus|line|article|section|chapter|number|no\.|room|unit|zone|"
                            r"district|precinct|lane|floor|block|tier)[\s-]+$")
_PART_OF_BEFORE = re.compile(r"(?i)(?:\d|\b(?:" + "|".join(_WORD_NUMBERS) + r"))\s+of\s+(?:the\s+)?$")
_AGE_APPOSITION = re.compile(r"[A-Z][\w.'-]*,\s*$")
_TIME_BEFORE = re.compile(r"(?i)\b(?:at|by|until|from|around|about)\s+$")
_CHANGE_BEFORE = re.compile(r"(?i)\b(?:edged|edges|moved|moves|gone|went|goes|rose|risen|rises|climbed|climbs|"
                            r"jumped|jumps|shot|crept|creeps|gone)\s+$")
_CLOCK_AFTER = re.compile(r"(?i)^\s*(?:\(?(?:local\s+time|gmt|utc|bst|est|edt|pst|pdt|cet|hrs|hours)\b|[ap]\.?m\b)")


@dataclass(frozen=True)
class Figure:
    """One stated figure: its label, the wording shown to readers, and the range it allows."""

    label: str
    shown: str
    low: float
    high: float
    update: bool = False
    unit: str = ""  # an amount's currency ("euros") or "%": figures in two units are not compared
    comparison: bool = False  # one side of a comparison in its report ("9 from 5", "12 cts vs 10 cts")
    aside: str = ""  # "forecast", "earlier" or "change" ("down one stg"): not the report's reading of a level
    whole: bool = False  # a whole made of parts ("group exports"): a member's figure is no rival count
    of: str = ""  # what an amount is of, when stated ("of treasury bills": "treasury"; "in assistance")


def find_figures(text: str) -> list[Figure]:
    """Every figure in ``text``, in order (a label may appear more than once)."""
    found: list[Figure] = []
    for match in _FIGURE.finditer(text):
        num = match.group("num")
        cur = (match.group("cur") or "").strip().lower()
        after = text[match.end():]
        currency = _CURRENCY_WORDS.match(after)
        abbr = match.group("abbr")
        if abbr and not (cur or currency):
            continue  # "a 5m wall": metres, not millions
        value = _value(num, match.group("scale") or abbr)
        if value is None or (_YEARISH.match(num) and not cur):
            continue
        if text[max(0, match.start() - 1):match.start()] in {"$", "€", "£", "¥"}:
            continue
        if _not_a_count(text, match):
            continue
        qualifier = (match.group("qual") or "").lower()
        comparison = bool(_COMPARISON_BEFORE.search(text, max(0, match.start() - 30), match.start())
                          or _COMPARISON_AFTER.match(text, match.end()))
        clause_start = max(text.rfind(c, 0, match.start()) for c in ".;") + 1
        update = bool(_UPDATE.search(text[clause_start:match.start()]) or _RUNNING.search(text[clause_start:match.start()]))
        aside = "change" if _DELTA_BEFORE.search(text, max(0, match.start() - 30), match.start()) else \
            _aside(text[clause_start:match.start()])
        whole = bool(_WHOLE.search(text, max(clause_start, match.start() - 40), match.start()))
        if _PERCENT_AFTER.match(after):
            percent = _percent(text, match, value, qualifier, update)
            if percent is not None:
                found.append(replace(percent, comparison=comparison, aside=aside, whole=whole))
            continue
        if after[:1] == ":" or re.match(r"\s*(?:p\.m|a\.m|-year-old|year-old|o'clock)", after, re.IGNORECASE):
            continue
        label = _label(text, match)
        if label is None:
            continue
        if label in PEOPLE_COUNTS and not match.group("scale") and ("." in num or _PARTITIVE.match(after)):
            continue  # "a magnitude 7.0 quake killed...", "one of the deadliest": not a toll
        shown = " ".join(match.group().split())
        if qualifier == "up to" and _CHANGE_BEFORE.search(text, max(0, match.start() - 20), match.start()):
            # "the toll has edged up to 80": a change of the figure to exactly 80, not "at most 80"
            qualifier, shown = "", " ".join(text[match.start("num"):match.end()].split())
        unit, of = "", ""
        if label == "amount":
            unit = _CURRENCY_SIGNS.get(cur, "") if cur else _currency(currency.group("unit") if currency else "")
            if currency:
                shown = f"{shown} {' '.join(currency.group('unit').split())}"
            thing = _AMOUNT_OF.match(text, match.end() + (currency.end() if currency else 0))
            of = thing.group("noun").lower() if thing else ""
            per = _PER_UNIT.match(text, match.end() + (currency.end() if currency else 0))
            if per:
                label = f"price per {per.group('noun').lower()}"  # "70 dlrs per share" is no tender's value
        low, high = _interval(value, _QUALIFIERS.get(qualifier))
        scale = match.group("scale") or abbr
        if scale and low == high and _decimals(num):
            # "1.4 billion" is rounded to its last decimal: it agrees with "1.36 billion" (seen on
            # wire copy: one day's borrowings given both ways were set against each other)
            half = _SCALES.get(scale.lower(), 1.0) * 0.4999 * 10 ** -_decimals(num)  # "100" and "101 mln" still differ
            low, high = value - half, value + half
        found.append(Figure(label=label, shown=shown[:1].lower() + shown[1:] if qualifier else shown, low=low,
                            high=high, update=update, unit=unit, comparison=comparison, aside=aside, whole=whole, of=of))
    return found


# a change, not a level: "down one stg a tonne from yesterday's close", "a rise of three", "fell by 5"
_DELTA_BEFORE = re.compile(r"(?i)\b(?:" + DELTA_BEFORE + r")\s+$")
_FORECAST = re.compile(r"\b(?:" + FORECAST_MARKERS + r")\b", re.IGNORECASE)
_EARLIER = re.compile(r"\b(?:" + EARLIER_MARKERS + r")\b[^.;]*\b(?:" + EARLIER_STATING + r")\b", re.IGNORECASE)
_RUNNING = re.compile(r"\b(?:" + RUNNING_TOTAL + r")\b[^.;]{0,60}\bto\s*$", re.IGNORECASE)
# what an amount is of, when the words after its currency say so ("167 mln stg of treasury
# bills", "15 mln stg in assistance"): two amounts of two things are not rival figures
_AMOUNT_OF = re.compile(r"\s*(?:'s\s+|’s\s+)?(?:worth\s+)?(?:of|in)\s+(?:the\s+|its\s+|their\s+)?(?P<noun>[a-z][a-z-]+)")
# the marker modifies what is counted, right before the number ("limit group exports to 96,000",
# "an overall death toll of 40"); "the group said 12 died" and "a group of 12" are not wholes
_WHOLE = re.compile(r"\b(?:" + WHOLE_MARKERS + r")\s+(?!of\b|said\b|says\b|told\b|reported\b)[a-z]+(?:\s+[a-z]+)?"
                    r"(?:\s+(?:to|of|at|was|were|is|are|totalled|totaled|reached))?\s*$", re.IGNORECASE)


def _aside(before: str) -> str:
    """Why the figure after ``before`` (its sentence up to the number) is not the report's reading
    of what happened: "forecast" when its clause predicts or supposes it ("could trigger a selloff
    of at least 100 stg", "expects earnings of 90 cts"), "earlier" when the sentence gives it as a
    superseded reading ("Earlier, the bank estimated a surplus of 250 mln"); else "". Seen on wire
    copy: a trader's forecast set against the day's price, an earlier estimate against the bank's
    revised one, each listed as sources disagreeing."""
    clause = re.split(r",\s", before)[-1]
    if _FORECAST.search(clause):
        return "forecast"
    if _EARLIER.search(before):
        return "earlier"
    return ""


def _decimals(num: str) -> int:
    """Digits after the decimal point ("1.36" -> 2; "65", "three" -> 0)."""
    return len(num.rsplit(".", 1)[1]) if "." in num and num.replace(",", "").replace(".", "").isdigit() else 0


def _currency(word: str) -> str:
    """'euro', 'Euros', 'US dollars' -> 'euros', 'dollars': one name per currency."""
    word = word.lower().split()[-1] if word else ""
    return _CURRENCY_SIGNS.get(word, word if word.endswith("s") or word in ("yen", "yuan", "renminbi") else word + "s")


def _percent(text: str, match: re.Match[str], value: float, qualifier: str, update: bool) -> Figure | None:
    """A percentage with what it is of ("a 35 percent stake", "turnout was 62%"), or None for
    a bare one ("60 percent sure")."""
    clause_start = max([text.rfind(c, 0, match.start()) for c in ".;,"] + [-1]) + 1
    end = _CLAUSE_END.search(text, match.end())
    window = text[clause_start:match.start()][-40:] + " " + text[match.end():end.start() if end else len(text)][:40]
    subject = _PERCENT_SUBJECT.search(window)
    if subject is None:
        return None
    word = subject.group("subject").lower().rstrip("s") if subject.group("subject").lower() == "votes" else \
        subject.group("subject").lower()
    low, high = _interval(value, _QUALIFIERS.get(qualifier))
    shown = " ".join(match.group().split())
    shown = (shown[:1].lower() + shown[1:] if qualifier else shown) + "%"
    return Figure(label=f"{word} (percent)", shown=shown, low=low, high=high, update=update, unit="%")


_DURATION_AFTER = re.compile(r"[\s-]+(?:more\s+|other\s+|straight\s+|consecutive\s+)?(?:years?|months?|weeks?|days?|"
                             r"hours?|minutes?|seconds?|decades?|centuries|nights?)\b", re.IGNORECASE)


def _not_a_count(text: str, match: re.Match[str]) -> bool:
    """Whether the number is a date's day, an age, a clock time (see ``_DATE_BEFORE``) or a length
    of time ("the worst quake in 200 years" was read as 200 deaths and set against real tolls)."""
    if _DURATION_AFTER.match(text, match.end()):
        return True
    if match.group("qual") or match.group("cur") or match.group("scale") or match.group("abbr"):
        return False
    start, after = match.start("num"), text[match.end():]
    before = text[max(0, start - 30):start]
    if _DATE_BEFORE.search(before) or _DATE_AFTER.match(after) or _AGE_BEFORE.search(before):
        return True
    if _NAMING_BEFORE.search(before):
        return True
    if _PART_OF_BEFORE.search(before):
        return True  # "Fifteen of the 18 miners are found dead": 18 is the whole, not the dead
    if _CLOCK_AFTER.match(after):
        return True  # "at 0910 local time", "1103 GMT", "7 pm"
    if _AGE_APPOSITION.search(before) and after[:1] == ",":
        return True  # "Jackson, 50, died"
    return "." in match.group("num") and bool(_TIME_BEFORE.search(before))  # "at 10.40"


def figures(text: str) -> dict[str, str]:
    """{label: value as stated} for the figures in ``text`` (first mention of each label wins)."""
    result: dict[str, str] = {}
    for figure in find_figures(text):
        result.setdefault(figure.label, figure.shown)
    return result


def compatible(a: Figure, b: Figure) -> bool:
    """True when both wordings can describe the same count ("at least 25" and "25"); amounts
    in two currencies are never set against each other (one report may have converted)."""
    if a.unit != b.unit and a.unit and b.unit:
        return True
    return a.low <= b.high and b.low <= a.high


def core_number(shown: str) -> str:
    """The number of a stated figure, without its qualifier ("at least 12" -> "12")."""
    return shown.split()[-1]


def _value(num: str, scale: str | None) -> float | None:
    word = num.lower()
    if "-" in word and word.split("-")[0] in _WORD_NUMBERS and word.split("-")[-1] in _WORD_NUMBERS:
        return (_WORD_NUMBERS[word.split("-")[0]] + _WORD_NUMBERS[word.split("-")[-1]]) * _SCALES.get((scale or "").lower(), 1.0)
    try:
        value = float(_WORD_NUMBERS[word]) if word in _WORD_NUMBERS else float(num.replace(",", ""))
    except ValueError:
        return None
    return value * _SCALES.get((scale or "").lower(), 1.0)


def _interval(value: float, kind: str | None) -> tuple[float, float]:
    if kind == "min":
        return value, math.inf
    if kind == "approx":
        return value * 0.9, value * 1.1
    if kind == "max":
        return (value * 0.8 if value > 10 else 0.0), value
    return value, value


def _label(text: str, match: re.Match[str]) -> str | None:
    """What the number counts: a money amount, a label from the words around it, or its noun."""
    after = text[match.end():]
    if match.group("cur") or _CURRENCY_WORDS.match(after) or match.group("abbr"):
        return "amount"
    # up to the number itself: in "the death toll has edged up to 80" the "up to" that reads
    # as a qualifier also ends the toll phrase
    toll = _TOLL.search(text[max(0, match.start("num") - 120):match.start("num")])
    before = text[max(0, match.start() - 120):match.start()]
    if toll:
        return "deaths" if toll.group("kind").lower() == "death" else "casualties"
    # The words right before the number ("killing 12", "has killed two people") ...
    near = before[-25:]
    cuts = list(_CLAUSE_END.finditer(near))
    near = near[cuts[-1].end():] if cuts else near
    hits = [(m.end(), label) for label, p in _LABEL_PATTERNS.items() for m in p.finditer(near)]
    if hits and len(near[max(h for h, _ in hits):].split()) <= 2:
        return max(hits)[1]
    # ... else the clause after it ("3,000 residents were evacuated", "two people died").
    end = _CLAUSE_END.search(after)
    clause = after[:end.start()] if end else after
    clause = clause[:_next_number(clause)]
    hits = [(m.start(), label) for label, p in _LABEL_PATTERNS.items() for m in p.finditer(clause)]
    if hits:
        return min(hits)[1]
    noun = _NOUN.match(after)
    if noun and noun.group("noun").lower() not in _NOT_NOUNS:
        return noun.group("noun").lower()
    return None


def _next_number(clause: str) -> int:
    found = re.search(r"\d|\b(?:" + "|".join(_WORD_NUMBERS) + r")\b", clause, re.IGNORECASE)
    return found.start() if found else len(clause)


_ANY_NUMBER = re.compile(r"\b\d[\d,]*(?:\.\d+)?\b|\b[A-Za-z]+\b")


def numbers_in(text: str) -> set[float]:
    """Every number ``text`` states, in digits or words ("13", "five", "2,000"): a figure one
    report gives and another also mentions is not in dispute between them, whatever each
    one's counted noun (``merge``: "convicted of the deaths of 13 women ... who murdered five"
    against "the murders of 13 women ... who killed five" are the same two numbers)."""
    found: set[float] = set()
    for token in _ANY_NUMBER.findall(text):
        value = _value(token, None) if token[0].isdigit() or token.lower() in _WORD_NUMBERS else None
        if value is not None:
            found.add(value)
    return found


def stated_value(figure: Figure) -> float | None:
    """The number a figure states, without its qualifier or scale word ("at least 12" -> 12)."""
    found = _FIGURE.search(figure.shown)
    return _value(found.group("num"), None) if found else None
