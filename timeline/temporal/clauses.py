"""Which time expression dates a sentence's event: the main clause's, not a background one.

The rule, in order:

1. Only resolved points count (not durations, sets, vague words or a wire dateline).
2. Expressions in background material are set aside: a relative clause ("who took office in
   2019", "which began in January"), a participial or appositive aside ("founded in 1952",
   "born in 1960", "elected in 2016") or a parenthesis. Such a span starts at its trigger word
   and runs to the next comma, semicolon, closing parenthesis or dash (or the sentence end).
3. A sentence that reports a statement about a dated happening ("said on Friday that the fire
   started on Tuesday night") yields two dates: the happening's (in the "that" clause) and the
   statement's (in the reporting clause), so the caller can file two events.
4. Otherwise the first main-clause expression dates the event; when every expression is in
   background material, the first one does (a dated background beats no date at all).
"""
from __future__ import annotations

import re

from .model import TimeExpression

_BACKGROUND = re.compile(
    r"(?i)(?:,\s*|\(\s*|\b)(?:who|whom|whose|which)\b"
    r"|(?:,\s*|\b)(?:founded|established|built|born|elected|appointed|created|formed|opened|launched|"
    r"released|introduced|signed|named|set\s+up|first\s+\w+ed|took\s+office)\s+(?:in|on|since)\b"
    r"|\((?=[^)]*\))"
)
_CLAUSE_END = re.compile(r"[,;)—–]|\s-\s|$")
_REPORTED = re.compile(
    r"(?i)\b(?:said|says|told|announced|reported|confirmed|disclosed|revealed|added|stated|claimed|"
    r"explained|testified|acknowledged|admitted)\b[^.;]*?\bthat\b"
)
_DATED_KINDS = ("point", "start", "end")


def _background_spans(sentence: str) -> list[tuple[int, int]]:
    spans = []
    for m in _BACKGROUND.finditer(sentence):
        end = _CLAUSE_END.search(sentence, m.end())
        spans.append((m.start(), end.start() if end else len(sentence)))
    return spans


def event_dates(sentence: str, found: list[TimeExpression], offset: int = 0) -> list[TimeExpression]:
    """The expressions that date the events of ``sentence`` (usually one; two for a report of a
    dated happening; none when nothing resolves). ``found`` holds expressions whose offsets are
    into the text ``sentence`` was cut from at ``offset``."""
    dated = [e for e in found if e.value and e.kind in _DATED_KINDS]
    if not dated:
        return []
    background = _background_spans(sentence)

    def in_background(e: TimeExpression) -> bool:
        s = e.start - offset
        return any(a <= s < b for a, b in background)

    main = [e for e in dated if not in_background(e)]
    if not main:
        return [dated[0]]
    report = _REPORTED.search(sentence)
    if report and len(main) >= 2:
        cut = report.end() + offset
        before = [e for e in main if e.end <= cut]
        after = [e for e in main if e.start >= cut]
        if before and after:
            return [after[0], before[0]]
    return [main[0]]
