"""The schema a grammar-compiling server gets in json_object mode (``requests.grammar_schema``).

llama-cpp-python 0.3 writes a string of at most N characters as N nested optional groups and
llama.cpp refuses (and its server dies on) a grammar of more than 2,000 such rules, so the
bounds of one reply are a budget; unbounded, a small grammar-bound model fills its context.
"""
from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, strategies as st

from timeline.engines.llm import requests as llm

REPLIES = [llm.ProposedEvents, llm.SummaryReply, llm.ReduceReply]


def _nodes(node: Any) -> list[dict]:
    if isinstance(node, list):
        return [n for item in node for n in _nodes(item)]
    if not isinstance(node, dict):
        return []
    found = [node]
    for key, value in node.items():
        if key == "properties":
            found += [n for v in value.values() for n in _nodes(v)]
        elif key in ("items", "anyOf"):
            found += _nodes(value)
    return found


def _kinds(node: dict) -> list[str]:
    kinds = node.get("type", [])
    return kinds if isinstance(kinds, list) else [kinds]


@pytest.mark.parametrize("reply", REPLIES, ids=lambda r: r.__name__)
@pytest.mark.parametrize("quotes", [None, ["One sentence.", "Another one."]], ids=["no-quotes", "quotes"])
def test_every_string_and_array_is_bounded_within_the_grammar_budget(reply: type, quotes: list[str] | None) -> None:
    schema = llm.grammar_schema(reply, quotes)
    nodes = _nodes(schema)
    assert all(_kinds(n) == [] or len(_kinds(n)) == 1 for n in nodes)  # nullable as anyOf: its bounds are kept
    assert all({"maxLength", "enum", "pattern"} & set(n) for n in nodes if "string" in _kinds(n))
    assert all("maxItems" in n for n in nodes if "array" in _kinds(n))
    assert sum(n.get("maxLength", 0) for n in nodes) <= llm.GRAMMAR_BUDGET
    assert schema["required"] == llm.strict_schema(reply)["required"]  # still the strict contract


@given(st.lists(st.text(min_size=1, max_size=40), min_size=1, max_size=60))
def test_evidence_is_one_of_the_sentences_and_events_are_no_more_than_sentences(quotes: list[str]) -> None:
    events = llm.grammar_schema(llm.ProposedEvents, quotes)["properties"]["events"]
    enum = events["items"]["properties"]["evidence"]["enum"]
    assert enum == list(dict.fromkeys(quotes))
    assert 1 <= events["maxItems"] <= min(len(enum), 40)


def test_the_strict_schema_sent_in_json_schema_mode_is_unchanged() -> None:
    """The bounds go only to json_object mode: OpenAI's strict mode and the recorded cassettes
    keep the schema they had."""
    nodes = _nodes(llm.response_format("events", llm.ProposedEvents)["json_schema"]["schema"])
    assert not any("maxLength" in n or "maxItems" in n or "enum" in n for n in nodes)


def test_a_grammar_bound_date_always_passes_the_reply_validator() -> None:
    """SmolLM2-135M on the seed wrote dates like "2024-12-03T10:00" under an unbounded grammar:
    every event failed validation and with them the chunk. The grammar now has the validator's shape."""
    import re

    item = llm.grammar_schema(llm.ProposedEvents, ["A sentence."])["properties"]["events"]["items"]["properties"]
    [string, null] = item["date"]["anyOf"]
    assert null == {"type": "null"} and string["pattern"] == llm.ISO_PATTERN
    for good in ("2024", "2024-12", "2024-12-02", "2024-12-02/2024-12-09"):
        assert re.fullmatch(string["pattern"], good) and llm.ProposedEvent.model_validate(
            {"when_text": None, "date": good, "what": "x", "who": [], "where": [], "attribution": None,
             "evidence": "A sentence."}).date == good
    assert not re.fullmatch(string["pattern"], "2024-12-03T10:00")
