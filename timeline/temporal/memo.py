"""Tag each chunk once: the offline engine's tagging, handed to verify.

The offline engine tags a chunk's text against its article's publication date to propose
events; verify then tags the same text against the same date to re-derive every date from
the resolver (the model proposes, the code verifies). ``temporal.tag`` is a pure function, so
the second call can only return what the first did: here it is a lookup. Verify still finds
every quote and time expression in the chunk itself; only the repeated tagging is saved (it
was about a fifth of an offline briefing's time).

Bounded: an entry is taken by its reader (``take=True``: verify reads each chunk once) and the
oldest entries are let go past ``MAX_ENTRIES``, so memory stays small and a run larger than the
bound only loses part of the saving (propose runs before verify for all chunks). Keys are the
exact text and date, so a hit is always the answer ``temporal.tag`` would give.
"""
from __future__ import annotations

from datetime import date

from timeline import temporal

MAX_ENTRIES = 4096
_MEMO: dict[tuple[str, date | None], tuple[temporal.TimeExpression, ...]] = {}


def tag(text: str, published: date | None, *, keep: bool = False, take: bool = False) -> list[temporal.TimeExpression]:
    """``temporal.tag(text, published)``, tagged once for a writer (``keep``) and its reader (``take``)."""
    key = (text, published)
    found = _MEMO.pop(key, None) if take else _MEMO.get(key)
    if found is None:
        found = tuple(temporal.tag(text, published))
        if keep:
            _MEMO[key] = found
            while len(_MEMO) > MAX_ENTRIES:
                del _MEMO[next(iter(_MEMO))]
    return list(found)


def clear() -> None:
    """Forget every kept tagging (tests; a long-lived process between runs)."""
    _MEMO.clear()
