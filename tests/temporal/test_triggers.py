"""The trigger literals only ever skip searches that would find nothing (timeline/temporal/triggers.py)."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.temporal.rules import GRAMMAR
from timeline.temporal.triggers import Branches, fold, may_match, meets, required_literals, required_sets, scanned

_TEXT = st.text(alphabet=st.sampled_from(list("aAdeyYrMmonthsk 0129-/.,:'’\u212a\u017f\u0131\u0130")), max_size=40)


def test_literals_are_what_every_match_needs() -> None:
    assert required_literals(re.compile(r"(?i)\b(?:for|in)\s+(?:year|month)s?\b")) == {"year", "month"}
    assert required_literals(re.compile(r"[Qq][1-4]|quarter")) == {"q"}  # "quarter" holds "q" too
    assert required_literals(re.compile(r"(?:abc)?\d+")) is None


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.sampled_from(GRAMMAR.rules))
def test_a_skipped_rule_has_no_match(text: str, rule: object) -> None:
    """Where no trigger occurs, the rule's pattern finds no non-empty match (case-folding included)."""
    triggers = required_literals(rule.pattern)  # type: ignore[attr-defined]
    if not may_match(triggers, fold(text)):
        assert not any(m.end() > m.start() for m in rule.pattern.finditer(text))  # type: ignore[attr-defined]


def test_kelvin_sign_still_triggers_week() -> None:
    text = "two wee\u212a"
    assert re.search(r"(?i)week", text)
    assert may_match(frozenset({"week"}), fold(text))


def test_needs_are_a_conjunction_and_keep_branches() -> None:
    needs = required_sets(re.compile(r"(?i)\bthe\s+(?:next|following)\s+(?:day|morning)\b"))
    assert ("day", "morning") in needs and ("following", "next") in needs
    tree = required_sets(re.compile(r"(?i)\b(?:good\s+friday|black\s+friday|boxing\s+day)\b"))
    assert len(tree) == 1 and isinstance(tree[0], Branches)
    assert not meets(tree, fold("on friday we met"), 0, 16)  # "friday" alone meets no branch
    assert meets(tree, fold("on good friday"), 0, 14)
    assert required_sets(re.compile(r"(?:abc)?\d+")) == ()


@settings(max_examples=400, deadline=None)
@given(_TEXT, st.sampled_from(GRAMMAR.rules), st.integers(0, 40), st.integers(0, 40))
def test_an_unmet_window_has_no_match(text: str, rule: object, start: int, end: int) -> None:
    """Where a rule's needs are not met in a window, its pattern finds no non-empty match there."""
    needs = rule.needs  # type: ignore[attr-defined]
    if not meets(needs, fold(text), start, end):
        found = rule.pattern.finditer(text, start, end)  # type: ignore[attr-defined]
        assert not any(m.end() > m.start() for m in found)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", "ab", "c", "(?:x|yz)", "(?:de)+", "f?", "[gh]", "(?:i|j)k", r"\d", "l|m"]),
                min_size=1, max_size=5),
       st.text(alphabet=st.sampled_from(list("abcdefghijklmxyz 1")), max_size=30))
def test_needs_of_generated_patterns(parts: list[str], text: str) -> None:
    """Any pattern built from literals, groups, repeats and alternations: an unmet need means no match."""
    pattern = re.compile("".join(parts))
    if not meets(required_sets(pattern), fold(text), 0, len(text)):
        assert not any(m.end() > m.start() for m in pattern.finditer(text))


def test_a_shared_parse_gives_the_same_needs_and_is_left_as_it_was() -> None:
    """The grammar parses each rule once, reads its needs from that parse, then hands it to the
    rewrite (``factored``): reading the needs must not change it."""
    from re import _parser as sre_parse  # type: ignore[attr-defined]

    for rule in GRAMMAR.rules:
        parsed = sre_parse.parse(rule.pattern.pattern, rule.pattern.flags)
        before = repr(parsed.data)
        assert required_sets(rule.pattern, parsed=parsed) == required_sets(rule.pattern)
        assert scanned(required_sets(rule.pattern)) == rule.needs  # large literal sets compiled
        assert repr(parsed.data) == before, rule.name


@settings(max_examples=400, deadline=None)
@given(_TEXT, st.sampled_from(GRAMMAR.rules), st.integers(0, 40), st.integers(0, 40), st.integers(0, 3))
def test_compiled_literal_sets_meet_where_their_strings_do(text: str, rule: object, start: int, end: int,
                                                           over: int) -> None:
    """``scanned`` (a large literal set as one alternation) answers as the set's finds do (issue 26)."""
    needs = required_sets(rule.pattern)  # type: ignore[attr-defined]
    folded = fold(text)
    assert meets(scanned(needs, over), folded, start, end) == meets(needs, folded, start, end)


def test_a_large_set_is_compiled_and_a_small_one_kept() -> None:
    needs = (("apple", "pear", "plum"), ("fig",))
    compiled = scanned(needs, over=2)
    assert isinstance(compiled[0], re.Pattern) and compiled[1] == ("fig",)
    assert meets(compiled, "a pear and a fig", 0, 16) and not meets(compiled, "a pea and a fig", 0, 15)
    assert not meets(compiled, "a pear and a fig", 3, 16)  # the pear is cut by the window
