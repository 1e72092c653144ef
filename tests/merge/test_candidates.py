"""merge's candidate pairs: the sets in ``_candidates`` give the pairs that counting every
earlier event of every posting gave (the Counter it replaced), in the same order."""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from itertools import chain

from hypothesis import given, strategies as st

from timeline.merge.combine import _POSTING_LIMIT, _candidates
from timeline.merge.happening import MIN_SHARED_KEYS


def _counted(i: int, lists: list[list[int]]) -> list[int]:
    shared = Counter(chain.from_iterable(p[:bisect_left(p, i)] for p in lists if len(p) <= _POSTING_LIMIT))
    return [j for j, n in sorted(shared.items()) if n >= MIN_SHARED_KEYS]


# postings are sorted lists of event indices; one may hold an index twice (a key filed twice),
# one list may be visited twice (a key in two of the event's years' indexes), some are too long
_posting = st.lists(st.integers(0, 30), max_size=12).map(sorted)
_long = st.lists(st.integers(0, 30), min_size=_POSTING_LIMIT + 1, max_size=_POSTING_LIMIT + 5).map(sorted)


@given(st.integers(0, 31), st.lists(st.one_of(_posting, _long), max_size=8), st.data())
def test_candidates_are_the_counted_pairs(i: int, lists: list[list[int]], data: st.DataObject) -> None:
    if lists:
        lists = lists + data.draw(st.lists(st.sampled_from(lists), max_size=3))  # visited twice
    assert _candidates(i, lists) == _counted(i, lists)


def test_an_event_in_one_posting_only_is_no_candidate() -> None:
    assert _candidates(5, [[1, 2, 5], [2, 3, 5]]) == [2]
    assert _candidates(5, [[1, 1, 5]]) == [1]  # filed twice under one key: two shared keys
