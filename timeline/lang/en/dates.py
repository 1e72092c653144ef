"""Weekday and month words as the modules outside the time grammar match them.

Page furniture (``text.boilerplate``: "Mon 14 Jan 2010 17:26 GMT"), attribution ("said on
Monday"), verify's check of what precision a quoted expression can give, and the names that are
no actors ("Monday", "January") all need the calendar's words; they take them from here, built
from the tables in ``time`` where the pattern is a plain list of them, so no module outside
``lang/`` spells out a weekday or a month.
"""
from __future__ import annotations

from timeline.lang.en.time import MONTH_NAMES, MONTHS, WEEKDAYS

WEEKDAY_NAMES = tuple(w.capitalize() for w in WEEKDAYS)  # Monday ... Sunday
MONTH_ABBREVIATIONS_SHORT = tuple(m[:3] for m in MONTH_NAMES)  # Jan ... Dec, as dates are shown
CALENDAR_NAMES = frozenset(WEEKDAY_NAMES + MONTH_NAMES)  # capitalised, never a person's or a place's name
# every spelling of a weekday or month word, full and abbreviated (lower case)
WEEKDAY_WORDS = frozenset(WEEKDAYS) | frozenset("mon tue tues wed thu thur thurs fri sat sun".split())
MONTH_WORDS = frozenset(MONTHS)
MONTH_NAMES_LOWER = tuple(m.lower() for m in MONTH_NAMES)

# regular-expression pieces (each matches what its module always matched)
ANY_WEEKDAY = "(?:" + "|".join(WEEKDAYS) + ")"  # "monday" ... "sunday"; modules add re.I
# "Jan", "January", "Sept.", ...: a page stamp's month, abbreviated or not
STAMP_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
               r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
STAMP_WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|sday|nesday|urday|rsday)?\.?"
# a month named in running text, lower case (the caller adds re.I)
TEXT_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?"
              r"|nov(?:ember)?|dec(?:ember)?)")
MONTH_STEM = "(?:" + "|".join(m[:3].lower() for m in MONTH_NAMES) + ")"  # "jan" ... "dec", before [a-z]*
SHOWN_WEEKDAY = "(?:" + "|".join(w[:3] for w in WEEKDAY_NAMES) + ")"  # "Mon" ... "Sun", as dates are shown
MONTH_ABBREVIATIONS_LOWER = frozenset(k for k in MONTHS if k not in MONTH_NAMES_LOWER)  # "jan", "sept", ...
