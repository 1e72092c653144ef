"""Time expressions: find them in text and resolve them against a reference date.

STUB: the real tagger replaces this module (same public API).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

Precision = Literal["year", "month", "day", "range", "unknown"]


@dataclass(frozen=True)
class TimeExpression:
    """One time expression found in a text, with its resolved value (None when unresolvable)."""

    text: str
    start: int
    end: int
    value: str | None
    precision: Precision


_YEAR = re.compile(r"\b(19|20)\d{2}\b")


def tag(text: str, reference: date | None) -> list[TimeExpression]:
    """All time expressions in ``text``, in order, resolved against ``reference`` (publication date)."""
    return [TimeExpression(m.group(), m.start(), m.end(), m.group(), "year") for m in _YEAR.finditer(text)]


def resolve(expression: str, reference: date | None) -> TimeExpression | None:
    """Resolve one expression on its own (e.g. a model's ``when_text``); None when it holds no time."""
    found = tag(expression, reference)
    return found[0] if found else None
