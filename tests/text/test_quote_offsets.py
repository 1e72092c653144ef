"""``find_quote`` maps offsets through the changed whitespace runs only (issue 26): each offset
must be the one ``normalise``'s per-character index gives."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from timeline.text.quotes import _needle, _normalised, _original, find_quote, normalise

_TEXT = st.lists(st.sampled_from(list("ab.,\"") + [" ", "  ", "\n", "\t", "\r\n", "“", "”", "’", "\u00a0"]),
                 max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_offsets_are_normalises_index(text: str) -> None:
    haystack, index = normalise(text)
    same, ends, shifts = _normalised(text)
    assert same == haystack
    assert [_original(ends, shifts, h) for h in range(len(haystack))] == index


def _by_index(quote: str, text: str, near: int | None) -> tuple[int, int] | None:
    """``find_quote`` as it was: through ``normalise``'s index of every character."""
    needle = _needle(quote)
    if len(needle) < 3:
        return None
    haystack, index = normalise(text)
    hits = []
    at = haystack.find(needle)
    while at >= 0:
        hits.append(at)
        at = haystack.find(needle, at + len(needle))
    if not hits:
        return None
    start = hits[0] if near is None else min(hits, key=lambda h: abs(index[h] - near))
    return index[start], index[start + len(needle) - 1] + 1


@settings(max_examples=400, deadline=None)
@given(_TEXT, st.integers(min_value=0, max_value=30), st.integers(min_value=1, max_value=30),
       st.none() | st.integers(min_value=0, max_value=60))
def test_the_same_span_as_through_the_index(text: str, at: int, size: int, near: int | None) -> None:
    quote = text[at:at + size]
    assert find_quote(quote, text, near) == _by_index(quote, text, near)
    assert find_quote(quote + "  b", text + "a" + quote + " \n b", near) == _by_index(quote + "  b", text + "a" + quote
                                                                                        + " \n b", near)


def test_a_reflowed_quote_keeps_the_articles_offsets() -> None:
    text = "Officials said:  the bridge\n\nwill “reopen” on Monday."
    start, end = find_quote('the bridge will "reopen" on', text)  # type: ignore[misc]
    assert text[start:end] == "the bridge\n\nwill “reopen” on"
