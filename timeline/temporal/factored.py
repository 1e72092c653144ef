"""A regular expression rewritten so Python's engine tries fewer alternatives: the same matches.

Why (issue 26): the grammar's rules and the text helpers are alternations of many words
("Christmas|Boxing Day|Easter|...", "for|over|in|during|..."). Python's ``re`` tries every
branch of an alternation in turn at every position it reaches; a branch that opens with the
wrong letter still costs a call, and under ``IGNORECASE`` it is not even skipped by the first
character. Searching a rule over its windows was most of the tagger's time.

``factored`` rewrites the parsed pattern, never its meaning:

* **Left factoring.** Branches of one alternation that open with the same literal character
  (the same letter case-folded, in a case-insensitive part) are joined behind that character:
  ``march|may|monday`` becomes ``m(?:arch|ay|onday)``. Branches that open with different
  characters cannot both match at one position, and joined branches keep their order, so the
  engine tries the same branches in the same order where one can match (leftmost-first
  semantics, captures and backtracking unchanged). A branch that does not open with a plain
  ASCII literal is a barrier: branches are joined only between barriers.
* **Guards.** Before an alternation that always consumes a character, a look-ahead on the set
  of characters its branches can open with (``(?=[fiodw...])``): a position where none can
  open fails at one set test instead of one try per branch. Zero-width items are passed over
  and optional ones add their openings to what follows. The pattern's first item keeps no
  guard, so the engine's own skip to a first character (its prefix scan) still applies.

Group numbers and names are unchanged (only non-capturing groups are added), and the compiled
pattern keeps the original source as ``.pattern`` (what ``triggers`` reads). If anything is
unexpected (an internal API that moved, a pattern the rewrite does not cover) the original
pattern is returned; ``Grammar.rule`` also checks the two on the rule's own examples.
"""
from __future__ import annotations

import re
from re import _compiler as sre_compile  # type: ignore[attr-defined]
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

import _sre  # type: ignore[import-not-found]

_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT))
_CLASS_ITEMS = (sre.LITERAL, sre.RANGE, sre.CATEGORY)
Items = list[tuple[Any, Any]]


def factored(pattern: re.Pattern[str], parsed: Any = None) -> re.Pattern[str]:
    """``pattern`` with its alternations factored and guarded (see the module): the same
    matches, groups and spans; the original pattern when the rewrite cannot be made.
    ``parsed``: the pattern's own parse, when the caller has one it no longer needs: the
    rewrite changes it in place (the grammar parses each rule once for its needs and this)."""
    if not isinstance(pattern.pattern, str):
        return pattern
    try:
        if parsed is None:
            parsed = sre_parse.parse(pattern.pattern, pattern.flags)
        if not _rewrite(parsed.data, parsed.state, parsed.state.flags, top=True):
            return pattern  # nothing to factor or guard
        code = sre_compile._code(parsed, pattern.flags)
        state = parsed.state
        indexgroup: list[str | None] = [None] * state.groups
        for name, index in state.groupdict.items():
            indexgroup[index] = name
        fast = _sre.compile(pattern.pattern, pattern.flags | state.flags, code, state.groups - 1,
                            state.groupdict, tuple(indexgroup))
    except Exception:  # noqa: BLE001 - a rewrite that fails leaves the pattern as it was
        return pattern
    if fast.groups != pattern.groups or fast.groupindex != pattern.groupindex:
        return pattern
    return fast  # type: ignore[no-any-return]


def _rewrite(data: Items, state: Any, flags: int, top: bool = False) -> bool:
    """Factor and guard every alternation in the sequence ``data`` (in place); ``flags`` are
    those in force; ``top``: ``data[0]`` is the pattern's first item. True when it changed."""
    out: Items = []
    changed = False
    for i, (op, av) in enumerate(data):
        first = top and i == 0
        if op is sre.BRANCH:
            for branch in av[1]:
                changed |= _rewrite(branch.data, state, flags)
            opens = None if first else _openings([(op, av)], flags)
            joined = _join(list(av[1]), state, bool(flags & re.IGNORECASE))
            if joined is not None:
                av = (av[0], joined)
                changed = True
            if opens:
                out.append((sre.ASSERT, (1, sre_parse.SubPattern(state, [(sre.IN, opens)]))))
                changed = True
        elif op is sre.SUBPATTERN:
            _group, add, remove, sub = av
            changed |= _rewrite(sub.data, state, (flags | add) & ~remove, top=first and not add and not remove)
        elif op in _REPEATS:
            changed |= _rewrite(av[2].data, state, flags)
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            changed |= _rewrite(av[1].data, state, flags)
        elif op is sre.GROUPREF_EXISTS:
            changed |= _rewrite(av[1].data, state, flags)
            if av[2] is not None:
                changed |= _rewrite(av[2].data, state, flags)
        elif op is getattr(sre, "ATOMIC_GROUP", None):
            changed |= _rewrite(av.data, state, flags)
        out.append((op, av))
    data[:] = out
    return changed


def _join(branches: list[Any], state: Any, ignore_case: bool) -> list[Any] | None:
    """The branches with those that open with the same ASCII literal joined behind it (order
    kept; recursively), between barrier branches that open otherwise; None when none join."""
    out: list[Any] = []
    run: list[tuple[str, Any]] = []
    changed = False

    def flush() -> None:
        nonlocal changed
        groups: dict[str, list[Any]] = {}
        for key, branch in run:
            groups.setdefault(key, []).append(branch)
        for members in groups.values():
            if len(members) == 1:
                out.append(members[0])
                continue
            changed = True
            rests = [sre_parse.SubPattern(state, list(b.data[1:])) for b in members]
            inner = _join(rests, state, ignore_case) or rests
            body = sre_parse.SubPattern(state, [(sre.BRANCH, (None, inner))])
            out.append(sre_parse.SubPattern(state, [members[0].data[0], (sre.SUBPATTERN, (None, 0, 0, body))]))
        run.clear()

    for branch in branches:
        head = branch.data[0] if branch.data else None
        if head is not None and head[0] is sre.LITERAL and chr(head[1]).isascii():
            ch = chr(head[1])
            run.append((ch.lower() if ignore_case else ch, branch))
        else:
            flush()
            out.append(branch)
    flush()
    return out if changed else None


def _openings(data: Items, flags: int) -> Items | None:
    """Class items covering every first character a non-empty match of ``data`` consumes, or
    None when that is not told or the sequence can match empty."""
    got, empty = _sequence(data, flags)
    return None if got is None or empty or not got else got


def _sequence(data: Items, flags: int) -> tuple[Items | None, bool]:
    found: Items = []
    for op, av in data:
        if op in _ZERO_WIDTH:
            continue
        got, empty = _item(op, av, flags)
        if got is None:
            return None, False
        found += got
        if not empty:
            return found, False
    return found, True


def _item(op: Any, av: Any, flags: int) -> tuple[Items | None, bool]:
    if op is sre.LITERAL:
        return [(sre.LITERAL, av)], False
    if op is sre.IN:
        if all(o in _CLASS_ITEMS for o, _ in av):  # no NEGATE: a negated class is not a union
            return list(av), False
        return None, False
    if op is sre.SUBPATTERN:
        _group, add, remove, sub = av
        if (flags | add) & ~remove != flags:
            return None, False  # other flags inside: the guard, outside them, would differ
        return _sequence(sub.data, flags)
    if op is sre.BRANCH:
        found: Items = []
        empty = False
        for branch in av[1]:
            got, can_be_empty = _sequence(branch.data, flags)
            if got is None:
                return None, False
            found += got
            empty = empty or can_be_empty
        return found, empty
    if op in _REPEATS:
        low, _high, sub = av
        got, empty = _sequence(sub.data, flags)
        return got, empty or low == 0
    return None, False  # any character, a back-reference, a conditional: not told
