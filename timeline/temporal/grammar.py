"""The grammar engine: rules registered with a decorator, run on anchor windows, linear selection.

A rule is a regular expression and a typed handler that turns a match into a ``Cand`` (or
several, or None to decline). Rules are registered on a ``Grammar`` object with
``@grammar.rule(pattern, family, examples=[...])``; the examples are the rule's tests, kept
next to it (``tests/test_temporal_rules.py`` runs every rule's rows). Registration order is
precedence: when two rules propose the same span, the earlier wins.

Speed: every rule names the anchor family its matches contain (a month word, a number, a
unit...). One pass of ``ANCHOR`` over the text finds the windows worth trying, so each rule
runs only near its anchors. Overlaps are settled longest-first with a character occupancy
map, so selection is O(n log n) in candidates plus O(length of the matches): no pairwise check.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any, Callable, Union

from . import calendar as cal
from .compose import offset_before
from .factored import factored
from .model import Cand, TimeExpression
from .triggers import Needs, fold, meets, required_sets, scanned

Result = Union[Cand, list[Cand], None]
Handler = Callable[[re.Match[str], str, Union[date, None], bool], Result]
# (reference date, text, expected value, expected precision): a rule's own test rows
Example = tuple[str, str, Union[str, None], str]


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    handler: Handler
    families: tuple[str, ...]
    examples: tuple[Example, ...]
    # everything every match needs (``triggers.required_sets``; (): always searched). No single
    # literal set (``required_literals``) is kept: nothing reads one, and deriving it for every
    # rule was an eighth of importing the grammar (docs/benchmarks.md, round 7b)
    needs: Needs = ()
    # ``pattern`` as searched: ``factored.factored`` (the same matches, fewer branch tries)
    search: re.Pattern[str] | None = None


Classifier = Callable[[str, re.Match[str]], Union[str, None]]


@dataclass
class Grammar:
    """An ordered set of rules and the anchor tokens that gate them. Build once, then read.

    ``token`` finds candidate anchor tokens; a word's family is looked up in ``words``, any other
    token's is ``classify(text, token_match)`` (or None). A table lookup per token is much faster
    than one big alternation of every anchor word.
    """

    token: re.Pattern[str]
    words: dict[str, str]  # lower-case anchor word -> family
    classify: Classifier  # family of any other token (numbers), or None
    families: frozenset[str]
    before: int = 48
    after: int = 48
    rules: list[Rule] = field(default_factory=list)

    def rule(self, pattern: str | re.Pattern[str], family: str | tuple[str, ...],
             examples: list[Example] | None = None, flags: int = 0) -> Callable[[Handler], Handler]:
        """Register the decorated handler for ``pattern``; ``family`` names its anchor family(ies)."""
        compiled = re.compile(pattern, flags) if isinstance(pattern, str) else pattern
        families = (family,) if isinstance(family, str) else family
        unknown = [f for f in families if f not in self.families]
        if unknown:
            raise ValueError(f"rule family {unknown[0]!r} is not an anchor family")

        def register(handler: Handler) -> Handler:
            parsed = _parsed(compiled)  # one parse: read for the needs, then rewritten by factored
            needs = scanned(required_sets(compiled, parsed=parsed)) if parsed is not None else ()
            self.rules.append(Rule(handler.__name__, compiled, handler, families, tuple(examples or ()),
                                   needs, _searched(compiled, examples or (), parsed)))
            return handler

        return register

    def windows(self, text: str) -> dict[str, list[tuple[int, int]]]:
        spans: dict[str, list[tuple[int, int]]] = {}
        classify, words = self.classify, self.words
        for m in self.token.finditer(text):
            tok = m.group()
            name = words.get(tok.lower()) if tok.isalpha() else classify(text, m)
            if name is None:
                continue
            family = spans.setdefault(name, [])
            a, b = max(0, m.start() - self.before), m.end() + self.after
            if family and a <= family[-1][1]:
                family[-1] = (family[-1][0], b)
            else:
                family.append((a, b))
        return spans

    def candidates(self, text: str, ref: date | None, lenient: bool) -> list[Cand]:
        """Every rule's proposals, then the longest non-overlapping ones, in text order."""
        found: list[tuple[Cand, int]] = []
        windows = self.windows(text)
        folded = fold(text)
        for rank, rule in enumerate(self.rules):
            if len(rule.families) == 1:
                spans = windows.get(rule.families[0], [])
            else:
                spans = sorted(w for f in rule.families for w in windows.get(f, []))
            if not spans:
                continue
            needs = rule.needs
            search = (rule.search or rule.pattern).finditer
            last = -1
            for a, b in spans:
                if needs and not meets(needs, folded, max(a, last), b):
                    continue  # no match can lie in this window (triggers.py): the search is skipped
                for m in search(text, max(a, last), b):
                    if m.start() < last or m.end() == m.start():
                        continue
                    last = m.end()
                    got = rule.handler(m, text, ref, lenient)
                    if got is None:
                        continue
                    for c in got if isinstance(got, list) else [got]:
                        c.rule = rule.name
                        found.append((c, rank))
        found.sort(key=lambda cr: (-(cr[0].end - cr[0].start), cr[0].start, cr[1]))
        occupied = bytearray(len(text) + 1)
        taken: list[Cand] = []
        for c, _ in found:
            # a match is at most a few dozen characters, so this check is bounded per candidate
            if c.start < 0 or c.end > len(text) or any(occupied[c.start:c.end]):
                continue
            occupied[c.start:c.end] = b"\x01" * (c.end - c.start)
            taken.append(c)
        taken.sort(key=lambda c: c.start)
        return taken


def _parsed(pattern: re.Pattern[str]) -> Any:
    """``pattern``'s parse (``re._parser``), or None when it cannot be parsed again."""
    try:
        return sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - such a rule is always searched, as it was
        return None


def _searched(pattern: re.Pattern[str], examples: list[Example] | tuple[Example, ...],
              parsed: Any = None) -> re.Pattern[str]:
    """``factored(pattern)`` when it finds what ``pattern`` finds in the rule's own examples
    (every match, span and group), else ``pattern``: a check that the rewrite holds on this
    Python, at the cost of one search per example at import. ``parsed`` (the pattern's parse,
    changed in place by the rewrite) saves a parse."""
    fast = factored(pattern, parsed)
    if fast is pattern:
        return pattern
    for _ref, text, _value, _precision in examples:
        if [(m.span(), m.groups()) for m in fast.finditer(text)] != \
                [(m.span(), m.groups()) for m in pattern.finditer(text)]:
            return pattern
    return fast


_SINCE = re.compile(r"(?i)\b(since|until|till|by)\s+(?:(?:early|late|mid-?|the\s+end\s+of)\s+)?$")
_PARAGRAPH = re.compile(r"\n\s*\n")
_ON = re.compile(r"(?i)\bon\s+$")


@dataclass
class _Narrative:
    """Where the story is: the last resolved date of this paragraph (or of the one before)."""

    day: date | None = None
    month: tuple[int, int] | None = None
    year: int | None = None
    # the year last told as a year, quarter or month ("fourth-quarter profit ... in 2005"), not
    # one a day implies: "said on Tuesday that revenue for the year fell" is no news of the year
    period: int | None = None

    def note(self, value: str | None, precision: str, bound: bool = False) -> None:
        """Move the story to ``value``; a bound ("by 2006", "since May") moves it but tells no
        period of the report ("could reach 14.8% by 2006. During the year WPP bought...")."""
        if value and precision == "range" and "/" in value and value[:4] == value.split("/")[1][:4] \
                and value[:4].isdigit():
            value, precision = value[:4], "year"  # "the fourth quarter of 2005" puts the story in 2005
        if not value or precision not in ("day", "month", "year"):
            return
        parts = [int(p) for p in value.split("-")]
        if len(parts) < 3 and not bound:
            self.period = parts[0]
        elif self.period is not None and parts[0] != self.period:
            self.period = None
        if len(parts) < 3 and self.day and (parts[0], parts[1] if len(parts) > 1 else 12) \
                < (self.day.year, self.day.month):
            # a coarser period wholly before the day ("said on Tuesday that sales rose in
            # February, up from last year") is background or a comparison: "later in the day"
            # still means Tuesday. The month and year move, so "the same month a year ago" works.
            kept = self.day
            self.year = parts[0]
            self.month = (parts[0], parts[1]) if len(parts) > 1 else None
            self.day = kept
            return
        self.year = parts[0]
        if len(parts) > 1:
            self.month = (parts[0], parts[1])
        if len(parts) == 3:
            self.day = cal.ymd(*parts)
        # a coarser date that disagrees with the finer ones moves the story elsewhere
        if self.month and self.month[0] != self.year:
            self.month = None
        if self.day and (self.day.year, self.day.month) != (self.month or (self.day.year, self.day.month)):
            self.day = None
        if self.day and self.day.year != self.year:
            self.day = None


def _moved_away(story: _Narrative, ref: date) -> bool:
    """The story is at a month or year that does not hold the reference date."""
    if story.month is not None:
        return story.month != (ref.year, ref.month)
    return story.year is not None and story.year != ref.year


def _resolve_anaphor(code: str, story: _Narrative, ref: date | None) -> tuple[str | None, str, str | None]:
    """Value, precision and anchor of a narrative reference ("day:-1", "weekday:0:+", "year:-1";
    "day:that" is "that day": the told day, never the publication date in its place)."""
    kind, _, arg = code.partition(":")
    if _points_forward(kind, arg) and not (story.day or story.month or story.year is not None):
        # "Two days later", "the next day", "the following Monday" with no date told before
        # them: later than what the text does not say. The publication date would put a past
        # happening in the future, so the reference stays unresolved.
        return None, "unknown", None
    if kind in ("day", "weekday"):
        base, anchor = (story.day, f"narrative:{story.day.isoformat()}") if story.day else (ref, "published")
        if story.day is None and ref is not None and arg not in ("0", "y0") and _moved_away(story, ref):
            # "In July 2022 it was sold. The next day...": the story is in another month or year
            # with no day to count from; the publication date would be a false anchor
            return None, "unknown", None
        if base is None:
            return None, "unknown", None
        if kind == "day" and arg.startswith("y"):  # the same day N years away ("y-1")
            y = base.year + int(arg[1:])
            d = cal.ymd(y, base.month, base.day) or cal.ymd(y, base.month, base.day - 1)
        elif kind == "day":
            d = cal.shift(base, 0 if arg == "that" else int(arg))
        else:
            wd, direction = arg.split(":")
            if direction == "+":
                d = cal.shift(base, (int(wd) - base.weekday()) % 7 or 7)
            else:
                d = cal.shift(base, -((base.weekday() - int(wd)) % 7 or 7))
        return (d.isoformat(), "day", anchor) if d else (None, "unknown", None)
    if kind == "week":  # "the following week", "the previous week": the week of a told day
        if story.day and int(arg) < 0 and ref is not None and story.day > ref:
            # "the vote on Friday ... up from the previous week": a week before a day still
            # ahead is no week the text told; the sentence likely counts from its own report
            return None, "unknown", None
        if story.day:
            base, anchor = story.day, f"narrative:{story.day.isoformat()}"
        else:
            # with no told day "the previous week" is no clearer than "the following week": the
            # story's day may be days before the publication date ("last week" says that one)
            return None, "unknown", None
        v = cal.week_range(cal.shift(base, 7 * int(arg)))
        return (v, "range", anchor) if v else (None, "unknown", None)
    if kind == "month":
        if story.month:
            y, m = cal.month_add(*story.month, int(arg))
            anchor = f"narrative:{story.month[0]:04d}-{story.month[1]:02d}"
        elif ref:
            y, m = cal.month_add(ref.year, ref.month, int(arg))
            anchor = "published"
        else:
            return None, "unknown", None
        v = cal.mval(y, m)
        return (v, "month", anchor) if v else (None, "unknown", None)
    if kind == "inyear":  # a named month in the story's year ("October of that year")
        month_no, step = (int(x) for x in arg.split(":"))
        if story.year is None:
            return None, "unknown", None
        v = cal.mval(story.year + step, month_no)
        return (v, "month", f"narrative:{story.year:04d}") if v else (None, "unknown", None)
    if kind == "year" and arg == "period":  # "revenue for the year": a year the story told as one
        if story.period is None:
            return None, "unknown", None
        return cal.yval(story.period), "year", f"narrative:{story.period:04d}"
    if kind == "year" and arg == "story":  # "the full year": the story's, or nothing
        if story.year is None:
            return None, "unknown", None
        return cal.yval(story.year), "year", f"narrative:{story.year:04d}"
    if kind == "year":
        if story.year is not None:
            base_year, anchor = story.year, f"narrative:{story.year:04d}"
        elif ref:
            base_year, anchor = ref.year, "published"
        else:
            return None, "unknown", None
        v = cal.yval(base_year + int(arg))
        return (v, "year", anchor) if v else (None, "unknown", None)
    return None, "unknown", None


def _points_forward(kind: str, arg: str) -> bool:
    """Whether a narrative reference moves forward from its anchor ("day:+2", "weekday:0:+")."""
    if kind == "weekday":
        return arg.endswith("+")
    return not arg.startswith(("y", "-")) and arg not in ("0", "+0", "")


# a comparison's base ("4.5 pct up from the like stage last year", "higher than a year earlier"):
# the story stays in its own period, so the next "than in the previous year" counts from that
# period, not from the base (a Treasury report's "the previous year" read 1984 in 1987)
_COMPARED = re.compile(r"(?i)\b(?:than|compared\s+(?:with|to)|up\s+from|down\s+from|against|versus|vs\.?)"
                       r"(?:\s+(?:in|the|like|same|stage|period|level|levels|figure|a|an))*\s*$")


def finish(text: str, cands: list[Cand], ref: date | None) -> list[TimeExpression]:
    """Resolve narrative references in text order and mark since/until/by expressions."""
    out: list[TimeExpression] = []
    story = _Narrative()
    noted_end = 0  # end of the expression that last moved the story
    told: dict[tuple[int, int], int] = {}  # (month, day) -> the year it was told with
    breaks = [m.start() for m in _PARAGRAPH.finditer(text)] if cands else []
    for c in cands:
        # the story's date holds through its paragraph and the next one (a paragraph that opens
        # with "The following month" continues the previous one), then lapses; paragraph breaks
        # are counted by bisection, so this stays linear in the text
        if bisect.bisect_left(breaks, c.start) - bisect.bisect_left(breaks, noted_end) >= 2:
            story = _Narrative()
        start, kind = c.start, c.kind
        value, precision = c.value, c.precision
        anchor = "published" if c.relative and value else None
        if c.anaphor:
            value, precision, anchor = _resolve_anaphor(c.anaphor, story, ref)
        elif (c.bare_day and c.bare_day in told and (value is None or int(value[:4]) != told[c.bare_day])
              and not _ON.search(text, max(0, start - 4), start)):
            # "the riot of Jan. 6, 2021 ... the rhetoric he used around Jan. 6": the day told
            # again without its year is the day told before, not the one of this year. "On
            # Jan. 6" keeps its own year: an anniversary story tells this year's day that way.
            again = cal.ymd(told[c.bare_day], *c.bare_day)
            if again:
                value, precision, anchor = again.isoformat(), "day", f"narrative:{again.isoformat()}"
        if value and precision == "day" and not c.relative and not c.anaphor and c.kind == "point":
            told[(int(value[5:7]), int(value[8:10]))] = int(value[:4])
        if value and kind == "point":
            moved = offset_before(text, start, value, precision)
            if moved:
                # the offset's own words ("two days") were tagged as a duration just before:
                # they join this expression (only the tail of ``out`` is looked at: linear)
                k = len(out)
                while k and out[k - 1].end > moved[0] and out[k - 1].start >= moved[0]:
                    k -= 1
                if not (k and out[k - 1].end > moved[0]):
                    del out[k:]
                    start, value, precision = moved
        if value and precision in ("day", "month", "year", "range") and not c.background \
                and not ((c.anaphor or c.relative) and precision != "day"
                         and _COMPARED.search(text, max(0, start - 40), start)):
            story.note(value, precision, bound=kind != "point" or _SINCE.search(text, max(0, start - 30), start)
                       is not None)
            noted_end = c.end
        elif not value and kind == "point" and (c.anaphor or c.relative):
            # a date told that we could not resolve ("in next year's election" with no publication
            # date, "a month later" after it): the story is now at a time we do not know, so a later
            # "a year later" counts from nothing, not from a year told paragraphs before ("since
            # 1997" made the next year's local elections 1998)
            story = _Narrative()
            noted_end = c.end
        if kind == "point":
            pm = _SINCE.search(text, max(0, start - 30), start)
            if pm:
                word = pm.group(1).lower()
                kind = "start" if word == "since" else "end"
                if word != "by":
                    start = pm.start()
        out.append(TimeExpression(text[start:c.end], start, c.end, value,
                                  precision if value else "unknown", kind, anchor,  # type: ignore[arg-type]
                                  c.rule))
    return out
