"""Time expressions: find them in text and resolve them against a reference date.

A grammar of small typed rules (``rules.py``, registered with a decorator on a ``Grammar``,
``grammar.py``) over language data (``timeline/lang/en.py``). Public API: ``tag`` (every
expression in a text), ``resolve`` (one expression on its own, e.g. a model's ``when_text``),
``event_dates`` (which expression dates a sentence's event: ``clauses.py``), and the value
type ``TimeExpression``.

Value conventions: ISO-8601 prefixes "2013", "2013-03", "2013-03-22"; ranges "A/B" (precision
"range": weeks, weekends, quarters, halves, seasons, decades, centuries, "two weeks ago"); None
for durations, sets and vague references, and for relative expressions when no reference date
is given. Bare weekdays, months and month-days resolve by the tense of their clause
(``tense.py``). Narrative references ("the previous day", "the following Monday", "a year
earlier", a clock time) resolve against the last date the paragraph was at, else the reference
date, and say which in ``TimeExpression.anchor``. A reference that moves forward ("two days
later", "the next day", "the following Monday") with no date told before it stays unresolved:
counted from the publication date it would put a past happening in the future.

The tagger never raises on text: any string and any reference date from year 1 to 9999 give a
list (values that would leave the calendar are None).

Measured (``timeline eval``, value F1, see docs/dates.md) against dateparser in the same run.
"""
from __future__ import annotations

from datetime import date

from .anchored import anchored
from .clauses import event_dates, is_bare_clock, is_since_year, joined_ranges, sentence_dates
from .grammar import finish
from .model import Precision, TimeExpression
from .rules import GRAMMAR

__all__ = ["GRAMMAR", "Precision", "TimeExpression", "event_dates", "is_bare_clock", "is_since_year", "joined_ranges", "sentence_dates", "resolve", "tag"]


def tag(text: str, reference: date | None) -> list[TimeExpression]:
    """All time expressions in ``text``, in order, resolved against ``reference`` (publication date)."""
    return anchored(text, finish(text, GRAMMAR.candidates(text, reference, lenient=False), reference))


def resolve(expression: str, reference: date | None) -> TimeExpression | None:
    """Resolve one expression on its own (e.g. a model's ``when_text``); None when it holds no time.

    Offsets are into ``expression``. Words that need context in running text ("May", "fall")
    are read as dates here. When several expressions are found, the first with a value wins.
    """
    found = finish(expression, GRAMMAR.candidates(expression, reference, lenient=True), reference)
    if not found:
        return None
    return next((f for f in found if f.value), found[0])
