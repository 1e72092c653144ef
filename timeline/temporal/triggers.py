"""Trigger literals derived from a regular expression: a cheap test that a pattern cannot match.

Why: the grammar runs every rule's pattern over every window of its anchor family, and most of
those searches find nothing ("duration" is tried wherever "day" or "year" occurs). A pattern's
parse tree says which literal strings any match must contain: ``\\b(?:for|in)\\s+(?:year|month)``
cannot match where neither "year" nor "month" occurs. ``required_literals`` derives such a set
from the pattern itself, so a rule added later in the same style is covered with no table to
keep; ``fold`` puts a text in the same case-folded form, keeping every offset, so one
``str.find`` per literal decides that a search can be skipped. The test is only ever used to
skip work: a pattern whose literals cannot be derived (None) is always run, and a present
literal still runs the real pattern, so what matches never changes.

Soundness: literals are ASCII and compared case-folded, which covers both case-sensitive and
``re.IGNORECASE`` patterns (a case-sensitive literal is one of its case-folded forms). Python's
case-insensitive matching also equates four non-ASCII letters with ASCII ones (KELVIN SIGN and
"k", LONG S and "s", dotless and dotted I and "i"); ``fold`` maps them first.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import product
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any, Union

from .factored import factored

# the non-ASCII characters that re.IGNORECASE matches against an ASCII letter
_ASCII_TWINS = str.maketrans({"\u212a": "k", "\u017f": "s", "\u0131": "i", "\u0130": "i"})
_MAX_ALTERNATIVES = 64  # a larger set costs more to test than the search it would save
_MAX_BRANCHES = 8  # a longer alternation is tested as one set (the union of its branches' best)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT))

Literals = frozenset[str]


def fold(text: str) -> str | None:
    """``text`` case-folded for ``required_literals``, offsets unchanged; None when folding would
    move an offset (then nothing may be skipped)."""
    folded = text.translate(_ASCII_TWINS).lower()
    return folded if len(folded) == len(text) else None


def required_literals(pattern: re.Pattern[str]) -> Literals | None:
    """Case-folded ASCII strings one of which occurs in every non-empty match of ``pattern``, or
    None when the pattern's structure does not tell (a class, a back-reference, an optional
    part only...): such a pattern is always searched."""
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - an unparsable pattern is simply never skipped
        return None
    found = _sequence(list(parsed.data))
    return _minimal(found) if found else None


def may_match(literals: Literals | None, folded: str | None, start: int = 0, end: int | None = None) -> bool:
    """False only when no literal of ``literals`` lies wholly inside ``folded[start:end]``: a
    pattern with those literals then has no non-empty match that starts and ends there."""
    if literals is None or folded is None:
        return True
    stop = len(folded) if end is None else end
    return any(folded.find(s, start, stop) >= 0 for s in literals)


@dataclass(frozen=True)
class Branches:
    """A need met when every need of one of the branches is met (an alternation's parts)."""

    branches: tuple[Needs, ...]


# a literal set: one of its strings lies in the match (as a tuple, or compiled: ``scanned``)
Need = Union[tuple[str, ...], Branches, re.Pattern[str]]
Needs = tuple[Need, ...]  # every need is needed

SCAN_OVER = 8  # a literal set of more strings than this is tested by one regex scan (``scanned``)


def scanned(needs: Needs, over: int = SCAN_OVER) -> Needs:
    """``needs`` with every literal set of more than ``over`` strings compiled into one
    alternation of them (escaped, factored), which ``meets`` searches once over the window
    instead of a ``str.find`` per string: the grammar's holiday rule needs one of 57 words, and
    its 57 finds were a fifth of all the finds of the 1,025-article story (400,000 of 2.0 M).
    The same test: a string of the set lies wholly inside the window exactly when the
    alternation has a match there. ``over``: measured on that story's windows (8: the
    rules' needs tested in 0.30 s against 0.36 s with finds only; 2 and 4: 0.32-0.33 s);
    it only moves time, never what is found."""
    out: list[Need] = []
    for need in needs:
        if type(need) is Branches:
            out.append(Branches(tuple(scanned(b, over) for b in need.branches)))
        elif type(need) is tuple and len(need) > over:
            out.append(factored(re.compile("|".join(re.escape(s) for s in sorted(need, key=lambda s: (-len(s), s))))))
        else:
            out.append(need)
    return tuple(out)


def required_sets(pattern: re.Pattern[str], singles: bool = False, parsed: Any = None) -> Needs:
    """What each non-empty match of ``pattern`` needs: literal sets (one string of each lies
    inside the match) and alternations of such needs, the cheapest test first; () when nothing
    can be told.

    A conjunction skips far more searches than the one best set: "the next day" needs a lead
    ("next", "following"...) and a unit ("day", "morning"...), so a window with "day" and no
    lead is not searched; an alternation keeps each branch's own needs ("good friday", "black
    friday": a window with "friday" alone is not searched for holidays). Sets a one-character
    string makes nearly certain are left out (their test would rarely skip and costs more than
    it saves; ``singles`` keeps them, for a caller that tests a whole sentence once, where one
    character such as "(" still rules most sentences out). Only ever a reason to skip: ()
    means always searched. ``parsed``: the pattern's parse when the caller has it (read, not
    changed: the grammar hands the same parse on to ``factored``, one parse per rule)."""
    if parsed is None:
        try:
            parsed = sre_parse.parse(pattern.pattern, pattern.flags)
        except Exception:  # noqa: BLE001 - an unparsable pattern is simply never skipped
            return ()
    return _tree(list(parsed.data), singles)


def _tree(items: list[tuple[Any, Any]], singles: bool = False) -> Needs:
    """The needs of the concatenation ``items`` (``required_sets``)."""
    sets: list[Literals] = []
    alternations: list[Branches] = []
    for option in _conjunction(items, alternations, singles):
        if singles or not any(len(s) == 1 for s in option):
            sets.append(_minimal(option))
    kept: list[Literals] = []
    for option in sorted(set(sets), key=lambda o: (_cost(o), sorted(o))):
        if not any(k <= option for k in kept):  # a smaller kept set already implies it
            kept.append(option)
    return tuple(tuple(sorted(o)) for o in kept) + tuple(alternations)


def _alternation(parts: list[Any], singles: bool = False) -> Branches | None:
    """The need of an alternation of the sub-patterns ``parts``; None when a part needs nothing."""
    branches = tuple(_tree(list(p.data), singles) if p is not None else () for p in parts)
    if not branches or any(not b for b in branches):
        return None
    return Branches(branches)


_PATTERN = re.Pattern


def meets(needs: Needs, folded: str | None, start: int, end: int) -> bool:
    """False only when a need of ``needs`` (``required_sets``) is not met wholly inside
    ``folded[start:end]`` (``fold``): then the pattern has no non-empty match that starts and
    ends there. A window is tested with bounded ``str.find`` calls: no copy, no whole-text scan
    (a text-wide test first was measured to cost more than it saved: most rules have one or two
    windows in a text)."""
    if folded is None:
        return True
    find = folded.find
    for need in needs:
        kind = type(need)
        if kind is Branches:
            for branch in need.branches:  # type: ignore[union-attr]  # a loop, not any(): no generator per test
                if meets(branch, folded, start, end):
                    break
            else:
                return False
            continue
        if kind is _PATTERN:  # a large literal set, compiled (``scanned``): one scan of the window
            if need.search(folded, start, end) is None:  # type: ignore[union-attr]
                return False
            continue
        for s in need:  # type: ignore[union-attr]
            if find(s, start, end) >= 0:
                break
        else:
            return False
    return True


def _cost(literals: Literals) -> float:
    """How likely a set is to occur somewhere: more strings and shorter strings, more likely."""
    return sum(0.3 ** len(s) for s in literals)


def _minimal(literals: Literals) -> Literals:
    """The set without strings that contain another of its strings (they add nothing to the test)."""
    return frozenset(s for s in literals if not any(o != s and o in s for o in literals))


def _char(code: int) -> str | None:
    ch = chr(code)
    return ch.lower() if ch.isascii() else None


def _sequence(items: list[tuple[Any, Any]]) -> Literals | None:
    """The best (least likely) literal set that a match of the concatenation ``items`` needs."""
    options = _conjunction(items)
    return min(options, key=_cost) if options else None


def _conjunction(items: list[tuple[Any, Any]], alternations: list[Branches] | None = None,
                 singles: bool = False) -> list[Literals]:
    """Every literal set a match of the concatenation ``items`` needs, in pattern order: one per
    literal run and one per required part (a group's own parts each count). With
    ``alternations``, an alternation whose branches do not reduce to one set is added there."""
    options: list[Literals] = []
    run: list[str] = [""]  # the alternatives of the literal run being read

    def close() -> None:
        if run != [""]:
            options.append(frozenset(run))
        run[:] = [""]

    for op, av in items:
        chars: list[str] | None = None
        if op is sre.LITERAL:
            ch = _char(av)
            chars = [ch] if ch is not None else None
        elif op is sre.IN and av and all(o is sre.LITERAL for o, _ in av):
            got = [_char(a) for _, a in av]
            chars = sorted({c for c in got if c is not None}) if all(c is not None for c in got) else None
        if chars is not None and len(run) * len(chars) <= _MAX_ALTERNATIVES:
            run[:] = [a + b for a, b in product(run, chars)]
            continue
        close()
        options.extend(_needs(op, av, alternations, singles))
    close()
    return options


def _needs(op: Any, av: Any, alternations: list[Branches] | None = None, singles: bool = False) -> list[Literals]:
    """Every literal set one item needs (a group, a repeat of at least one: its parts' sets)."""
    if op is sre.SUBPATTERN:
        return _conjunction(list(av[-1].data), alternations, singles)
    if op is getattr(sre, "ATOMIC_GROUP", None):
        return _conjunction(list(av.data), alternations, singles)
    if op in _REPEATS:
        low, _high, sub = av
        return _conjunction(list(sub.data), alternations, singles) if low >= 1 else []
    if alternations is not None and op in (sre.BRANCH, sre.GROUPREF_EXISTS):
        parts = list(av[1]) if op is sre.BRANCH else [av[1], av[2]]
        tree = _alternation(parts, singles)
        if tree is not None and len(tree.branches) <= _MAX_BRANCHES \
                and not all(len(b) == 1 and isinstance(b[0], tuple) for b in tree.branches):
            alternations.append(tree)
            return []
        # every branch is one literal set: their union is the need, as for one best set
    inner = _item(op, av)
    return [inner] if inner else []


def _item(op: Any, av: Any) -> Literals | None:
    """The literal set one non-literal item needs (None: it needs none that can be told)."""
    if op is sre.SUBPATTERN:
        return _sequence(list(av[-1].data))
    if op is getattr(sre, "ATOMIC_GROUP", None):
        return _sequence(list(av.data))
    if op is sre.BRANCH:
        return _union([_sequence(list(p.data)) for p in av[1]])
    if op in _REPEATS:
        low, _high, sub = av
        return _sequence(list(sub.data)) if low >= 1 else None
    if op is sre.GROUPREF_EXISTS:
        _group, yes, no = av
        return _union([_sequence(list(yes.data)), _sequence(list(no.data)) if no is not None else None])
    return None  # assertions, classes, any character, back-references: nothing told


def _union(parts: list[Literals | None]) -> Literals | None:
    """Every alternative needs one of its own set: the union, when each has one."""
    if not parts or any(not p for p in parts):
        return None
    joined: frozenset[str] = frozenset().union(*parts)  # type: ignore[arg-type]
    return joined if len(joined) <= _MAX_ALTERNATIVES else None
