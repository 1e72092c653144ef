"""The trigger literals only ever skip searches that would find nothing (timeline/temporal/triggers.py)."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.temporal.rules import GRAMMAR
from timeline.temporal.triggers import fold, may_match, required_literals

_TEXT = st.text(alphabet=st.sampled_from(list("aAdeyYrMmonthsk 0129-/.,:'’\u212a\u017f\u0131\u0130")), max_size=40)


def test_literals_are_what_every_match_needs() -> None:
    assert required_literals(re.compile(r"(?i)\b(?:for|in)\s+(?:year|month)s?\b")) == {"year", "month"}
    assert required_literals(re.compile(r"[Qq][1-4]|quarter")) == {"q"}  # "quarter" holds "q" too
    assert required_literals(re.compile(r"(?:abc)?\d+")) is None


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.sampled_from(GRAMMAR.rules))
def test_a_skipped_rule_has_no_match(text: str, rule: object) -> None:
    """Where no trigger occurs, the rule's pattern finds no non-empty match (case-folding included)."""
    triggers = rule.triggers  # type: ignore[attr-defined]
    if not may_match(triggers, fold(text)):
        assert not any(m.end() > m.start() for m in rule.pattern.finditer(text))  # type: ignore[attr-defined]


def test_kelvin_sign_still_triggers_week() -> None:
    text = "two wee\u212a"
    assert re.search(r"(?i)week", text)
    assert may_match(frozenset({"week"}), fold(text))
