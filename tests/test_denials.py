"""Issue 27: denials and negative statements with any subject are events in the offline engine."""
from __future__ import annotations

from datetime import date

import pytest

from timeline.engines.local import extract_events
from timeline.models import Article


@pytest.mark.parametrize("sentence, negation, source", [
    ("The harbour authority denied that it had closed the terminal.", "denied", "the harbour authority"),
    ("The ministry rejected the report.", "rejected", None),
    ("No passengers were hurt.", "No passengers", None),
    ("The ferry company did not cancel any crossings, a spokesperson said.", "did not", "a spokesperson"),
])
def test_a_denial_is_an_event_with_its_negation_and_source(sentence: str, negation: str, source: str | None) -> None:
    [event] = extract_events(Article(id="a", text=sentence, published=date(2025, 3, 5)))
    assert negation in event.what
    if source:
        assert (event.attribution or "").lower() == source


def test_a_plain_negative_description_is_not_an_event() -> None:
    assert extract_events(Article(id="a", text="It was not clear.", published=date(2025, 3, 5))) == []
