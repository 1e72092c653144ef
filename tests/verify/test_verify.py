from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from common import SEED
from seed_responder import SEED_EVENTS
from timeline import temporal
from timeline.verify import check_event as verify
from timeline.verify import dates as verify_dates
from timeline.engines.llm.requests import ProposedEvents
from timeline.models import Article, Chunk
from timeline.verify.dates import FLAG_DISAGREES, FLAG_MODEL_ONLY
from timeline.text.quotes import find_quote
from timeline.verify.verify_events import verify_events

TEXT = SEED.read_text(encoding="utf-8")
ARTICLE = Article(id="seed", text=TEXT, published=date(2024, 12, 2))
WHOLE = Chunk(article_id="seed", index=0, start=0, end=len(TEXT), text=TEXT, tokens=600)


def proposals(events: list[dict]) -> list:
    return ProposedEvents.model_validate({"events": events}).events


def seed_result():
    return verify_events(proposals(SEED_EVENTS), WHOLE, ARTICLE)


def by_quote(events, fragment: str):
    found = [e for e in events if fragment in e.evidence[0].quote]
    assert found, fragment
    return found[0]


def test_find_quote_normalises_whitespace_and_quotes_and_gives_exact_offsets() -> None:
    text = "He said:  “Terrorists only\nunderstand force,” and left."
    start, end = find_quote('said: "Terrorists only understand force,"', text)
    assert text[start:end] == "said:  “Terrorists only\nunderstand force"
    assert find_quote("not there at all", text) is None


def test_find_quote_picks_the_occurrence_nearest_a_position() -> None:
    text = "Sunday one. Then more text. Sunday two."
    assert find_quote("Sunday", text, near=30) == (28, 34)


def test_ungrounded_event_is_dropped_and_counted() -> None:
    result = seed_result()
    assert result.dropped == 1
    assert not [e for e in result.events if "Turkey" in e.what]
    assert "Turkey closed" in result.reasons[0]


def test_evidence_offsets_index_the_article() -> None:
    for event in seed_result().events:
        ev = event.evidence[0]
        assert TEXT[ev.start:ev.end] == ev.quote


def test_curly_quote_evidence_is_found_from_straight_quotes() -> None:
    event = by_quote(seed_result().events, "Assad declared")
    assert "“Terrorists" in event.evidence[0].quote


def test_wrong_model_date_is_corrected_and_flagged() -> None:
    event = by_quote(seed_result().events, "recapturing it in 2016")
    assert event.when is not None
    assert (event.when.value, event.when.precision) == ("2016", "year")
    assert FLAG_DISAGREES in event.flags


def test_invented_day_for_undated_event_is_not_kept() -> None:
    event = by_quote(seed_result().events, "Assad declared")
    assert event.when is None
    # "vowed to crush the insurgents" is not what the cited sentence says: it stands in for the claim
    assert event.flags == [verify.FLAG_REWRITTEN] and event.what.startswith("In response, Assad declared")


def test_agreeing_date_has_no_flag() -> None:
    event = by_quote(seed_result().events, "began in 2011")
    assert event.when and event.when.value == "2011" and event.flags == []


def test_when_text_not_in_text_gives_way_to_the_sentences_own_date() -> None:
    # issue 23: the model's expression is not in the text; the sentence says "in 2011", which dates it
    events = proposals([{**SEED_EVENTS[-2], "when_text": "in 1999", "date": "1999"}])
    [event] = verify_events(events, WHOLE, ARTICLE).events
    assert event.when is not None and event.when.value == "2011" and "model_date_disagrees" in event.flags


@pytest.fixture
def no_resolver(monkeypatch: pytest.MonkeyPatch) -> None:
    """An expression the resolver cannot read, whatever resolver is installed."""
    monkeypatch.setattr(temporal, "tag", lambda text, reference: [])
    monkeypatch.setattr(temporal, "resolve", lambda expression, reference: None)


def test_model_only_date_is_kept_flagged_and_no_finer_than_the_expression(no_resolver: None) -> None:
    text = "Aleppo was retaken in 2016 after a siege. The war began in 2011."
    chunk = Chunk(article_id="a", index=0, start=0, end=len(text), text=text, tokens=20)
    article = Article(id="a", text=text, published=date(2024, 12, 2))
    event = {"when_text": "in 2016", "date": "2016-05-01", "precision": "day", "what": "Aleppo retaken.", "who": [],
             "where": [], "attribution": None, "evidence": "Aleppo was retaken in 2016"}
    [result] = verify_events(proposals([event]), chunk, article).events
    assert result.when is not None
    assert (result.when.value, result.when.precision) == ("2016", "year")
    assert result.flags == [FLAG_MODEL_ONLY]


def test_vague_expression_gets_no_model_date(no_resolver: None) -> None:
    event = {**SEED_EVENTS[3], "date": "2024-11-30", "precision": "day"}  # "in recent days"
    [result] = verify_events(proposals([event]), WHOLE, ARTICLE).events
    assert result.when is not None and result.when.value is None


def test_resolver_date_stands_over_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "On Friday night, insurgents advanced into Aleppo."

    def fake_tag(chunk_text, reference):
        i = chunk_text.find("Friday night")
        return [temporal.TimeExpression("Friday night", i, i + 12, "2024-11-29", "day")] if i >= 0 else []

    monkeypatch.setattr(temporal, "tag", fake_tag)
    chunk = Chunk(article_id="a", index=0, start=0, end=len(text), text=text, tokens=12)
    article = Article(id="a", text=text, published=date(2024, 12, 2))
    event = {"when_text": "On Friday night", "date": "2024-11-30", "precision": "day", "what": "Advance.", "who": [],
             "where": [], "attribution": None, "evidence": "insurgents advanced into Aleppo"}
    [result] = verify_events(proposals([event]), chunk, article).events
    assert result.when.value == "2024-11-29" and result.flags == [FLAG_DISAGREES]


def test_precision_supported_by_expressions() -> None:
    assert verify_dates.supported_precision("in 2016") == "year"
    assert verify_dates.supported_precision("in December 2024") == "month"
    assert verify_dates.supported_precision("early Monday") == "day"
    assert verify_dates.supported_precision("since November 27") == "day"
    assert verify_dates.supported_precision("in recent years") is None


def test_offsets_in_a_later_chunk_are_article_offsets() -> None:
    start = TEXT.index("On Friday night")
    chunk = Chunk(article_id="seed", index=1, start=start, end=len(TEXT), text=TEXT[start:], tokens=200)
    result = verify_events(proposals(SEED_EVENTS), chunk, ARTICLE)
    friday = by_quote(result.events, "On Friday night")
    assert friday.evidence[0].start == start
    assert json.loads(friday.model_dump_json())["evidence"][0]["quote"].startswith("On Friday night")


def test_a_quote_too_short_to_ground_anything_is_dropped() -> None:
    """An injected instruction can make a model cite "said" for an invented event: dropped."""
    from timeline.models import Article, Chunk
    from timeline.models import Proposal
    from timeline.verify.verify_events import verify_events

    text = "The council said on Monday that the bridge would reopen in 2026."
    article = Article(id="a", text=text)
    chunk = Chunk(article_id="a", index=0, start=0, end=len(text), text=text, tokens=15)
    invented = Proposal(when_text=None, date=None, precision="unknown", what="Aliens landed.", attribution=None,
                        evidence="said")
    real = Proposal(when_text="in 2026", date="2026", precision="year", what="The bridge will reopen.",
                    attribution="the council", evidence="the bridge would reopen in 2026")
    result = verify_events([invented, real], chunk, article)
    assert [e.what for e in result.events] == ["The bridge will reopen."] and result.dropped == 1
    assert "too short" in result.reasons[0]


GLUED = ('\\* UN agency criticises Egypt order to cull pigs \\* Says flu virus is human, not swine ROME, April 29 '
         "(Reuters) - Egypt's order on Wednesday to cull all the country's pigs is a real mistake, a U.N. official said.")


def test_a_glued_headline_is_not_part_of_the_sentence_a_claim_is_checked_against() -> None:
    """A real Reuters page: the offline event (the sentence after the dateline) was checked against
    the bullets too, found "negation differs" (their "not"), and was shown with the bullets."""
    from timeline.engines.local import extract_events

    article = Article(id="a", text=GLUED, published=date(2009, 4, 29))
    [event] = extract_events(article)
    assert event.what.startswith("Egypt's order") and verify.check_event(event, article) == []
    chunk = Chunk(article_id="a", index=0, start=0, end=len(GLUED), text=GLUED, tokens=60)
    unsupported = {"when_text": "on Wednesday", "date": "2009-04-29", "what": "Egypt banned pork.", "who": [],
                   "where": [], "attribution": None, "evidence": "Egypt's order on Wednesday to cull"}
    [shown] = verify_events(proposals([unsupported]), chunk, article).events
    assert "rewritten" in shown.flags and shown.what.startswith("Egypt's order") and "Says flu" not in shown.what


@given(st.text(alphabet=" \t\n\"'“”‘’.,;:…abc\u00a0\u2028", max_size=12),
       st.text(alphabet=" \t\n\"'“”‘’.,;:…abc\u00a0\u2028", max_size=30))
def test_quoted_in_answers_as_find_quote(quote: str, text: str) -> None:
    """Verify asks whether a time expression is in its sentence without find_quote's offset map:
    the same answer for any spacing, quote marks and trimmed punctuation."""
    from timeline.text.quotes import find_quote
    from timeline.verify.verify_events import quoted_in

    assert quoted_in(quote, text) == (find_quote(quote, text) is not None)
