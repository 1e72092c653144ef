"""A factored pattern finds exactly what the original finds (timeline/temporal/factored.py)."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.temporal.factored import factored
from timeline.temporal.rules import GRAMMAR

# words and pieces the rules are made of, in several cases, with the characters re.IGNORECASE
# equates with ASCII letters (KELVIN SIGN, LONG S, the Turkish I's)
_PIECES = ["the ", "next ", "day", "Day", "May ", "march", "MARCH ", "Monday", "mon", "last ", "week", "weeks ",
           "year", "years ago", "in ", "for ", "12", "2009", "3rd", "Q3 ", "1Q09", ":", "30", " a.m.", "pm", ", ",
           ".", "-", "’", "'", "(", ")", "Christmas", "Boxing Day", "Good Friday", "earlier", "later", "\n",
           "\u212a", "\u017f", "\u0131", "\u0130", "é", "since ", "until ", "ago", "o'clock", "half", "quarter "]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=14).map("".join)


def _found(pattern: re.Pattern[str], text: str, start: int = 0, end: int | None = None) -> list[object]:
    stop = len(text) if end is None else end
    return [(m.span(), m.groups(), m.groupdict(), m.lastindex) for m in pattern.finditer(text, start, stop)]


def test_factored_keeps_the_source_and_the_groups() -> None:
    pattern = re.compile(r"(?i)\b(?:(?P<mod>last|next|this)\s+)?(?P<m>march|may|monday|mon)\b")
    fast = factored(pattern)
    assert fast is not pattern  # there is something to factor: m(?:arch|ay|onday|on)
    assert fast.pattern == pattern.pattern and fast.flags == pattern.flags
    assert fast.groups == pattern.groups and fast.groupindex == pattern.groupindex
    text = "Last March, next Monday and May, mon"
    assert _found(fast, text) == _found(pattern, text)


def test_order_of_joined_branches_is_kept() -> None:
    """Leftmost-first: "mon" before "monday" still wins where both fit."""
    pattern = re.compile(r"mon|monday|march")
    assert factored(pattern).findall("monday march") == pattern.findall("monday march") == ["mon", "march"]


def test_a_barrier_branch_is_not_crossed() -> None:
    """A branch opening with a class may match what a later literal branch would; nothing
    moves across it ("[a-z]x" must stay before "ax")."""
    pattern = re.compile(r"(?:ab|[a-z]x|ax)")
    assert _found(factored(pattern), "ax ab zx") == _found(pattern, "ax ab zx")


def test_scoped_flags_keep_their_case() -> None:
    pattern = re.compile(r"x(?:(?i:mon)|Mar|may)")
    for text in ("xMON", "xmar", "xMar", "xmay", "xMay"):
        assert _found(factored(pattern), text) == _found(pattern, text)


@settings(max_examples=400, deadline=None)
@given(_TEXT, st.sampled_from(GRAMMAR.rules), st.integers(0, 60), st.integers(0, 80))
def test_every_rule_finds_the_same_matches(text: str, rule: object, start: int, end: int) -> None:
    pattern = rule.pattern  # type: ignore[attr-defined]
    fast = factored(pattern)
    assert _found(fast, text, start, end) == _found(pattern, text, start, end)


def test_every_rule_is_factored_and_searched_so() -> None:
    """The grammar searches the factored pattern (checked on each rule's examples at import)."""
    for rule in GRAMMAR.rules:
        assert rule.search is not None
        for _ref, text, _value, _precision in rule.examples:
            assert _found(rule.search, text) == _found(rule.pattern, text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["ab", "abc", "a", "b", "(?i:ab)", "[ab]c", "(?:x|xy)", "a?b", r"\bab", "(?=a)ab",
                                 "(?P<g>ac)", "A", "(?i)", "ba|bb"]), min_size=1, max_size=6),
       st.text(alphabet=st.sampled_from(list("abcxyAB K\u212a")), max_size=20))
def test_generated_alternations(parts: list[str], text: str) -> None:
    source = "|".join(p for p in parts if p != "(?i)")
    flags = re.IGNORECASE if "(?i)" in parts else 0
    try:
        pattern = re.compile(f"(?:{source})x?", flags)
    except re.error:
        return
    assert _found(factored(pattern), text) == _found(pattern, text)


def _helpers() -> list[re.Pattern[str]]:
    from timeline.engines import local
    from timeline.temporal import clauses, tense
    from timeline.text import attribution, boilerplate
    return [tense._CUE, tense._PASSIVE, tense._DETERMINER, tense._HAS_OR_BE_BEFORE, tense._HAD_BEFORE,
            tense._BE_BEFORE, clauses._BACKGROUND, clauses._REPORTED, clauses._MAIN_VERB, clauses._ADVERBIAL,
            clauses._RANGE_JOIN, attribution._VERB_TOKEN, attribution._NOUN_SLOT, local._ANAPHORA,
            boilerplate._SPOKEN_LABEL, boilerplate._ANCHORED_HINT]


_WORDS = st.lists(st.sampled_from(["said", "says", "told", "was", "were", "is", "had been", "will", "planned to",
                                   "the", "a", "its", "who", "which", "founded in", "(", ")", ",", ".", " ", "that",
                                   "These attacks", "took place", "by ", "page ", "and", "to", "-", "’s", "newly",
                                   "expected", "in", "from", "The", "WAS", "\u212a", "\u0130", "é"]),
                  max_size=16).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(_WORDS, st.integers(0, 50))
def test_factored_helpers_find_what_their_source_finds(text: str, start: int) -> None:
    """The engine's and tagger's word alternations, compiled factored, match as their source."""
    for fast in _helpers():
        plain = re.compile(fast.pattern, fast.flags)
        assert _found(fast, text, min(start, len(text))) == _found(plain, text, min(start, len(text)))
        assert [m.span() for m in [fast.match(text, min(start, len(text)))] if m] == \
            [m.span() for m in [plain.match(text, min(start, len(text)))] if m]
