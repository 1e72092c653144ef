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
4. Otherwise the first main-clause expression dates the event (or a later one that falls
   inside it and is finer: "the 2022 festival ... on November 2, 2022"). When every expression is in
   background material the event has no date of its own: "The minister, who took office in
   2019, resigned" did not resign in 2019, and a wrong date is worse than none.
"""
from __future__ import annotations

import re

from ..lang.en import time as en
from .model import TimeExpression
from .factored import factored
from .triggers import fold, meets, required_sets

# A participle is an aside only when no auxiliary makes it the clause's verb: "The company,
# founded in 1952, was sold" (an aside) but "The company was founded in 1952" (the event).
_AUXILIARIES = ("was", "were", "is", "are", "be", "been", "being", "has", "have", "had", "it", "they", "he", "she")
_NOT_AFTER_AUXILIARY = "".join(rf"(?<!\b{word}\s)" for word in _AUXILIARIES)
_BACKGROUND = factored(re.compile(
    r"(?i)(?:,\s*|\(\s*|(?<=\w\s))(?:who|whom|whose|which)\b"  # not a question's opening "Who"
    r"|(?:,\s*|(?<=\w\s))" + _NOT_AFTER_AUXILIARY
    + r"(?:founded|established|built|born|elected|appointed|created|formed|opened|launched|"
    r"released|introduced|signed|named|set\s+up|first\s+\w+ed)\s+(?:in|on|since|before|after)\b"
    r"|\((?=[^)]*\))"
    # a contract's month is not the day's news: "crude for delivery in December added 9 cents"
    r"|(?P<contract>\b(?:for|with)\s+(?:delivery|settlement|expiry|expiration|maturity)\s+(?:in|on|by)\s+"
    r"[\w.]+(?:\s+\d{1,2}\b)?(?:,?\s+\d{4}\b)?)"
))
_CLAUSE_END = re.compile(r"(?<!\d),|,(?!\d{3}\b)|[;)—–]|\s-\s|$")  # not the comma of "40,000"
_REPORTED = factored(re.compile(
    r"(?i)\b(?:said|says|told|announced|reported|confirmed|disclosed|revealed|added|stated|claimed|"
    r"explained|testified|acknowledged|admitted)\b[^.;]*?\bthat\b"
))
_DATED_KINDS = ("point", "start", "end")


_MAIN_VERB = factored(re.compile(r"(?i)\b(?:was|were|is|are|has|have|had|will|would)\b"))


# the literals every ``_BACKGROUND`` match needs (``triggers.required_sets``): a sentence
# without a "who"/"which", a participle, a parenthesis or a delivery month has no background
# span, and is not scanned for one (the scan cost more than the rest of ``event_dates``)
_BACKGROUND_NEEDS = required_sets(_BACKGROUND, singles=True)


def _background_spans(sentence: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    if not meets(_BACKGROUND_NEEDS, fold(sentence), 0, len(sentence)):
        return spans
    for m in _BACKGROUND.finditer(sentence):
        end = _CLAUSE_END.search(sentence, m.end())
        stop = end.start() if end else len(sentence)
        if (m.group().startswith(",") and any(b == m.start() for _, b in spans)
                and not sentence[stop:].strip(" .!?\"'”’")):
            # "The bridge, which carries 40,000 cars a day, opened in 1968.": after the aside
            # closes, the participle running to the sentence's end is the main verb
            continue
        if m.group("contract"):
            stop = m.end()  # the contract's month only: "Brent for delivery in March fell on Tuesday"
        elif m.group().lower().split()[0] not in ("who", "whom", "whose", "which", "(", ","):
            # a participle with no comma before it ("A firm founded in 1952 was sold on
            # Monday") ends where the main clause's verb begins
            # Monday") ends where the main clause's verb begins; with no verb after it, the
            # participle is the main verb itself ("The bridge opened in 1968.")
            verb = _MAIN_VERB.search(sentence, m.end(), stop)
            if verb is None:
                continue
            stop = verb.start()
        spans.append((m.start(), stop))
    return spans


_RANGE_LEAD = re.compile(r"(?i)\b(?:between|from)\s+(?:the\s+)?$")
_RANGE_JOIN = factored(re.compile(r"(?i)\s*(?:and|to|through|until|till|-|–)\s*"))


def joined_ranges(text: str, found: list[TimeExpression], offset: int = 0) -> list[TimeExpression]:
    """``found`` with "between April 23 and 28" / "from 2019 to 2021" read as one span.

    The grammar tags the two ends apart (that is how news annotation counts them), but an
    event "between April 23 and 28" did not happen on April 23: its date is the span. Two
    resolved expressions of the same precision, in order, joined by "and"/"to"/"through" and
    opened by "between"/"from", become one range; offsets of ``found`` are into the text
    ``text`` was cut from at ``offset``.
    """
    out: list[TimeExpression] = []
    i = 0
    while i < len(found):
        a = found[i]
        b = found[i + 1] if i + 1 < len(found) else None
        if (b is not None and a.value and b.value and a.precision == b.precision
                and a.precision in ("day", "month", "year") and a.value < b.value
                and _RANGE_JOIN.fullmatch(text, a.end - offset, b.start - offset)
                and _RANGE_LEAD.search(text, max(0, a.start - offset - 12), a.start - offset)):
            out.append(TimeExpression(text[a.start - offset:b.end - offset], a.start, b.end,
                                      f"{a.value}/{b.value}", "range", a.kind, a.anchor, a.rule))
            i += 2
            continue
        out.append(a)
        i += 1
    return out


_CLOCK_WORDS = frozenset("""at around about approximately some just shortly little a before after in the a.m. am p.m. pm a.m p.m
    o'clock morning afternoon evening night noon midday midnight local time hours hrs h gmt utc et est edt bst cet""".split())
_CLOCK_DIGITS = re.compile(r"^\d{1,4}(?:[:.]\d{2})?(?:[ap]\.?m\.?|h)?$", re.IGNORECASE)


def is_bare_clock(e: TimeExpression) -> bool:
    """A clock time with no day of its own ("at 4 p.m.", "5 o'clock in the afternoon", "1653 local
    time") that only the publication date gave a day. The day is a guess: a next-day report of
    "the quake struck around 5 o'clock in the afternoon" means the day before, and "closed at
    4 p.m. yesterday" means yesterday. Such a time dates no event; a clock time after a told day
    ("On Tuesday ... At 4 p.m. ...") has its anchor in the text and keeps it."""
    if e.anchor != "published":
        return False
    words = e.text.lower().replace(",", " ").replace("(", " ").replace(")", " ").split()
    return bool(words) and any(_CLOCK_DIGITS.match(w) or w in ("noon", "midday", "midnight", "o'clock") for w in words) \
        and all(w in _CLOCK_WORDS or w in en.CLOCK_HOURS or _CLOCK_DIGITS.match(w) for w in words)


def event_dates(sentence: str, found: list[TimeExpression], offset: int = 0) -> list[TimeExpression]:
    """The expressions that date the events of ``sentence`` (usually one; two for a report of a
    dated happening; none when nothing resolves). ``found`` holds expressions whose offsets are
    into the text ``sentence`` was cut from at ``offset``."""
    dated = joined_ranges(sentence, [e for e in found if e.value and e.kind in _DATED_KINDS and not is_bare_clock(e)],
                          offset)
    if not dated:
        return []
    background = _background_spans(sentence)

    def in_background(e: TimeExpression) -> bool:
        s = e.start - offset
        return any(a <= s < b for a, b in background) or _describes_a_noun(sentence, e, offset)

    main = [e for e in dated if not in_background(e)]
    if not main:
        return []
    report = _REPORTED.search(sentence)
    if report and len(main) >= 2:
        cut = report.end() + offset
        before = [e for e in main if e.end <= cut]
        after = [e for e in main if e.start >= cut]
        if before and after:
            return [after[0], before[0]]
    return [_finest_within(main)]


_ERA = re.compile(r"(?i)(?:\d{3}0s|\d{1,2}(?:st|nd|rd|th)[\s-]+century)$")
_ADVERBIAL = factored(re.compile(r"(?i)\b(?:in|during|since|by|until|from|through|throughout|before|after|around|"
                                 r"between|of)\s+(?:the\s+)?(?:early\s+|late\s+|mid-?)?$"))
_NOT_A_NOUN = frozenset("""was were is are be been had has have saw brought began ended and or but as when while
    with in on at of to for from by after before during until since through that which who where""".split())


def _describes_a_noun(sentence: str, e: TimeExpression, offset: int) -> bool:
    """A decade or century that describes the noun after it ("the 1970s classic-rock hit", "a
    19th-century monk", "1960s-era") dates that thing, not the sentence's event."""
    if e.precision != "range" or not _ERA.search(e.text.strip()):
        return False
    if _ADVERBIAL.search(sentence, max(0, e.start - offset - 12), e.start - offset):
        return False  # "in the 1970s Britain was...": the time of the clause
    rest = sentence[e.end - offset:]
    if rest.startswith("-"):
        return True
    word = re.match(r" ([A-Za-z][\w-]*)", rest)
    return bool(word) and word.group(1).lower() not in _NOT_A_NOUN  # type: ignore[union-attr]


def _finest_within(main: list[TimeExpression]) -> TimeExpression:
    """The first main-clause date, or a later one that falls inside it and says more: "the 2022
    festival ... on November 2, 2022" happened on the day, not merely in the year."""
    first = main[0]
    if first.precision not in ("year", "month") or not first.value:
        return first
    inside = [e for e in main[1:] if e.value and e.value.startswith(first.value + "-") and "/" not in e.value]
    return max(inside, key=lambda e: len(e.value or "")) if inside else first


_SINCE_YEAR = re.compile(r"^since\s+(?:the\s+)?\d{4}s?$", re.IGNORECASE)


def is_since_year(t: TimeExpression) -> bool:
    """'since 1987': the start of a comparison at year precision (a day or month is a real start)."""
    return bool(_SINCE_YEAR.match(t.text.strip()))


def sentence_dates(sentence: str, found: list[TimeExpression], offset: int = 0,
                   dates: list[TimeExpression] | None = None
                   ) -> tuple[list[TimeExpression], list[TimeExpression]]:
    """``event_dates`` for an event's own sentence, and the expressions left to read it by.

    "The worst since 1987", "prices have risen since 2020": a comparison with a year, not a
    happening in it; the sentence is dated by its other expressions ("..., the bank said on
    Monday": the statement's own day), else it has no date of its own. The offline engine and
    verify both date a sentence this way, so a model's event gets the engine's date."""
    if dates is None:  # a caller that already has ``event_dates(sentence, found, offset)`` passes it
        dates = event_dates(sentence, found, offset=offset)
    if not any(is_since_year(t) for t in dates):
        return dates, found
    dates = [t for t in dates if not is_since_year(t)]
    found = [t for t in found if not is_since_year(t)]
    if not dates:
        dates = [t for t in found if t.value and getattr(t, "kind", "point") == "point"][:1]
    return dates, found
