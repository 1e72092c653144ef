"""Claim support checks (timeline/support.py, verify.event_problems, summary.check_summary)."""
from __future__ import annotations

import io
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.verify import support
from timeline import temporal
from timeline.models import (
    Article,
    Briefing,
    Chronology,
    Chunk,
    Claim,
    Event,
    Evidence,
    Summary,
    TimePoint,
)
from timeline.lang.en.news import LOADED_WORDS
from timeline.summary.check import check_summary
from timeline.summary.loaded import loaded_words
from timeline.verify.dates import FLAG_MODEL_ONLY
from timeline.models import Proposal
from timeline.verify.check_event import FLAG_REWRITTEN, event_problems
from timeline.verify.verify_events import verify_events

BRIDGE = ("The Kessel River Bridge collapsed on Saturday evening, killing 12 people, according to the fire "
          "department.")
SAT = date(2025, 3, 12)


def problems(what: str, attribution: str | None = None, evidence: str = BRIDGE, when: str | None = "2025-03-08"):
    return event_problems(what, attribution, evidence, evidence, evidence, when, SAT)


@pytest.mark.parametrize(("text", "expected"), [
    ("40,000 vehicles", {"40000"}), ("Ten children and twenty-five adults", {"10", "25"}),
    ("the 27th of November", {"27"}), ("1.5 million people", {"1500000"}), ("a dozen eggs", {"12"}),
    ("no numbers here", set()),
])
def test_numbers_are_compared_as_values(text: str, expected: set[str]) -> None:
    assert support.numbers(text) == expected


def test_names_skip_openers_weekdays_months_numerals_and_titles() -> None:
    text = "On Sunday, Mayor Lena Ortiz met Transport Minister Ilse Brandt in Port Aldren. Rescue divers left in March."
    assert support.names(text) == ["Mayor Lena Ortiz", "Transport Minister Ilse Brandt", "Port Aldren"]
    assert support.clean_names(["Sunday", "The", "25", "On Friday", "Lena Ortiz's", "police", "March"]) == \
        ["Lena Ortiz", "police"]


def test_is_name_refuses_a_capitalised_sentence_opener() -> None:
    evidence = "Divers recovered two more bodies from the river, police spokesman Tomas Reyes said."
    assert not support.is_name("Divers", evidence)
    assert support.is_name("Tomas Reyes", evidence) and support.is_name("police", evidence)


def test_a_short_reference_supports_a_name_the_article_gives() -> None:
    article = "The Kessel River Bridge collapsed. The bridge opened in 1968."
    assert support.mentioned("Kessel River Bridge", "The bridge opened in 1968.", article)
    assert not support.mentioned("Kessel River Bridge", "The bridge opened in 1968.", "The bridge opened in 1968.")
    assert not support.mentioned("Lena Ortiz", "Transport Minister Ilse Brandt ordered checks.", article)


def test_a_faithful_paraphrase_is_supported() -> None:
    assert problems("The Kessel River Bridge collapsed, killing 12 people.", "the fire department") == []
    assert problems("Twelve people died when the Kessel River Bridge collapsed.") == []
    assert problems("The Kessel River Bridge collapsed on 8 March, killing 12 people.") == []


@pytest.mark.parametrize(("what", "attribution", "expected"), [
    ("The Kessel River Bridge collapsed, killing 13 people.", None, "number 13"),
    ("The Kessel River Bridge collapsed on 7 March.", None, "date '7 March'"),
    ("The Kessel River Bridge collapsed on Friday.", None, "date 'Friday'"),
    ("Police arrested the bridge's chief engineer.", None, "words not in the evidence"),
    ("Mayor Lena Ortiz closed the Kessel River Bridge.", None, "'Mayor Lena Ortiz'"),
    ("The Kessel River Bridge did not collapse.", None, "negation"),
    ("The Kessel River Bridge collapsed, killing 12 people.", "police", "source 'police'"),
])
def test_unsupported_parts_are_named(what: str, attribution: str | None, expected: str) -> None:
    assert any(expected in p for p in problems(what, attribution)), problems(what, attribution)


def test_an_attribution_must_be_the_sentences_own() -> None:
    evidence = "The toll rose to 14, police said. The fire department had counted 12."
    found = event_problems("The toll rose to 14.", "the fire department", "The toll rose to 14, police said.",
                           evidence, evidence, None, SAT)
    assert any("not the sentence's own" in p for p in found)


TEXT = ("Mayor Lena Ortiz declared a state of emergency on Sunday, the council said.\n"
        "The evacuation order was lifted on Wednesday. Residents returned home.")
ARTICLE = Article(id="a", text=TEXT, published=date(2025, 3, 13))
CHUNK = Chunk(article_id="a", index=0, start=0, end=len(TEXT), text=TEXT, tokens=40)


def proposal(what: str, evidence: str, when_text: str | None = None, date_: str | None = None,
             attribution: str | None = None, who: list[str] | None = None) -> Proposal:
    return Proposal(when_text=when_text, date=date_, precision="day", what=what, evidence=evidence,
                    attribution=attribution, who=who or [])


def test_an_invented_claim_on_a_real_quote_is_rewritten_to_the_quote_sentence() -> None:
    liar = proposal("Police arrested Halvard's chief executive.", "The evacuation order was lifted",
                    "on Wednesday", "2025-03-12", attribution="police", who=["police", "Wednesday"])
    [event] = verify_events([liar], CHUNK, ARTICLE).events
    assert event.what == "The evacuation order was lifted on Wednesday."
    assert event.flags == [FLAG_REWRITTEN] and event.attribution is None and event.who == []
    assert event.evidence[0].quote == event.what and event.when and event.when.value == "2025-03-12"


def test_a_second_unsupported_claim_on_the_same_sentence_is_dropped_with_its_reason() -> None:
    first = proposal("Police arrested the mayor.", "The evacuation order was lifted")
    second = proposal("The army seized the port.", "order was lifted on Wednesday")
    result = verify_events([first, second], CHUNK, ARTICLE)
    assert len(result.events) == 1 and result.dropped == 1 and result.rewritten == 1
    assert result.rejected[0].what == "The army seized the port." and "already an event" in result.rejected[0].reason


def test_a_time_expression_from_another_sentence_does_not_date_the_event() -> None:
    p = proposal("Residents returned home.", "Residents returned home.", "on Wednesday", "2025-03-12")
    [event] = verify_events([p], CHUNK, ARTICLE).events
    assert event.when is None and event.flags == []


def test_a_supported_event_keeps_its_wording_and_a_supported_source() -> None:
    p = proposal("Mayor Lena Ortiz declared a state of emergency.", "Mayor Lena Ortiz declared a state of emergency",
                 "on Sunday", "2025-03-09", attribution="the council", who=["Lena Ortiz", "Sunday"])
    [event] = verify_events([p], CHUNK, ARTICLE).events
    assert (event.what, event.attribution, event.who, event.flags) == (p.what, "the council", ["Lena Ortiz"], [])


def test_a_date_only_the_model_can_read_is_kept_only_from_the_evidence_and_shown_as_such(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(temporal, "tag", lambda text, reference: [])
    monkeypatch.setattr(temporal, "resolve", lambda expression, reference: None)
    inside = proposal("The evacuation order was lifted.", "The evacuation order was lifted", "on Wednesday",
                      "2025-03-12")
    outside = proposal("Residents returned home.", "Residents returned home.", "on Wednesday", "2025-03-12")
    nowhere = proposal("Residents returned home.", "Residents returned home.", None, "2025-03-12")
    kept, moved, none = (verify_events([p], CHUNK, ARTICLE).events[0] for p in (inside, outside, nowhere))
    assert kept.when is not None and kept.when.model_reading and kept.flags == [FLAG_MODEL_ONLY]
    assert moved.when is None and none.when is None
    from rich.console import Console

    from timeline.render.json import render_json
    from timeline.render.markdown import render_markdown
    from timeline.render.terminal import render_terminal

    briefing = Briefing(title="t", articles=[], chronology=Chronology(events=[kept]), summary=Summary(text="s"))
    out = io.StringIO()
    render_terminal(briefing, Console(file=out, width=300, no_color=True))
    for text in (out.getvalue(), render_markdown(briefing)):
        assert "model's reading (unverified)" in text
    assert '"model_reading": true' in render_json(briefing)


def event(what: str, value: str | None, attribution: str | None = None, quote: str | None = None) -> Event:
    when = TimePoint(value=value, precision="day", text="x") if value else None
    return Event(when=when, what=what, attribution=attribution,
                 evidence=[Evidence(article_id="a", start=0, end=1, quote=quote or what, when=when)])


CHRONOLOGY = Chronology(events=[
    event("At least 12 people were killed when the Kessel River Bridge collapsed.", "2025-03-08",
          "the fire department"),
    event("Mayor Lena Ortiz declared a state of emergency in Port Aldren.", "2025-03-09"),
])
ARTICLES = [Article(id="a", text="", published=date(2025, 3, 10))]


def test_summary_sentences_the_chronology_does_not_back_are_removed_and_listed() -> None:
    summary = Summary(text="The Kessel River Bridge collapsed on 8 March, killing 12 people, the fire department "
                           "said. The mayor resigned in disgrace on Friday. Aid arrived on New Year's Day. "
                           "Mayor Lena Ortiz declared a state of emergency. The bridge collapse killed 13 people.",
                      claims_with_sources=[Claim(text="12 people were killed.", source="the fire department"),
                                           Claim(text="Halvard's chief was arrested.", source="police")])
    checked, warnings = check_summary(summary, CHRONOLOGY, ARTICLES)
    assert checked.text == ("The Kessel River Bridge collapsed on 8 March, killing 12 people, the fire department "
                            "said. Mayor Lena Ortiz declared a state of emergency.")
    assert len([w for w in warnings if w.startswith("summary sentence removed")]) == 3
    assert [c.text for c in checked.claims_with_sources] == ["12 people were killed."]


def test_a_summary_claim_keeps_its_source() -> None:
    summary = Summary(text="At least 12 people were killed when the Kessel River Bridge collapsed.")
    checked, warnings = check_summary(summary, CHRONOLOGY, ARTICLES)
    assert checked.text.endswith("collapsed (according to the fire department).") and warnings == []


def test_a_summary_with_nothing_backed_falls_back_to_the_extractive_summary() -> None:
    checked, warnings = check_summary(Summary(text="Aliens landed in Paris."), CHRONOLOGY, ARTICLES)
    assert "Aliens" not in checked.text and "Kessel River Bridge" in checked.text
    assert any("extractive" in w for w in warnings)


def test_loaded_words_ignore_urls_quotes_and_attributed_claims() -> None:
    assert len(LOADED_WORDS) >= 4 * 31  # several times the 31 words of the first list
    assert loaded_words("The brutal regime fell.") == ["brutal", "regime"]
    assert loaded_words("See https://example.com/brutal-regime-news for more.") == []
    assert loaded_words("He called them “thugs” and left.") == []
    assert loaded_words("The regime is a puppet of Moscow, opposition officials said.") == []
    assert loaded_words("Critics slammed the so-called reform.") == ["slammed", "so-called"]


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200), st.text(max_size=200))
def test_the_checks_never_raise_on_any_text(claim: str, evidence: str) -> None:
    event_problems(claim, claim[:20] or None, evidence, evidence, evidence, "2025-03-08", SAT)
    support.clean_names([claim, evidence])
    support.is_name(claim, evidence)
    check_summary(Summary(text=claim), CHRONOLOGY, ARTICLES)


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=10**9))
def test_a_number_matches_itself_with_or_without_thousands_separators(n: int) -> None:
    assert support.numbers(f"{n:,} people") == support.numbers(f"{n} people") == {str(n)}
    assert support.missing_numbers(f"{n:,} people", f"about {n} people were there") == []


def test_an_extractive_summary_sentence_spanning_two_events_is_their_own_words() -> None:
    chronology = Chronology(events=[event("Divers searched the river for two more days", "2025-03-08"),
                                    event("while residents held a candlelight vigil.", "2025-03-09")])
    summary = Summary(text="Divers searched the river for two more days while residents held a candlelight vigil. "
                           "Divers searched the river while residents burned the town hall.")
    checked, warnings = check_summary(summary, chronology, ARTICLES)
    assert checked.text == "Divers searched the river for two more days while residents held a candlelight vigil."
    assert len(warnings) == 1 and "burned" in warnings[0]


def test_the_extractive_summarys_date_pins_are_chronology_dates() -> None:
    summary = Summary(text="Mayor Lena Ortiz declared a state of emergency in Port Aldren (Sun 9 Mar 2025). "
                           "Mayor Lena Ortiz declared a state of emergency in Port Aldren (Fri 7 Mar 2025).")
    checked, warnings = check_summary(summary, CHRONOLOGY, ARTICLES)
    assert checked.text.endswith("(Sun 9 Mar 2025).") and "Fri 7 Mar" not in checked.text and len(warnings) == 1


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=160)
       | st.sampled_from(["294,000 week ago and 317,000 a year ago.", "over a 10,000-year period, not one",
                          "On Friday night, 2,000 people marched; the toll rose to fifty-six."]))
def test_a_sentence_always_supports_itself(sentence: str) -> None:
    """The rewrite target must pass: an event whose text is its own evidence is supported."""
    assert event_problems(sentence, None, sentence, sentence, sentence, None, SAT) == []


def test_an_actor_of_the_sentence_is_not_its_source() -> None:
    evidence = "Divers recovered two more bodies from the river on Sunday, police spokesman Tomas Reyes said."
    found = event_problems("Divers recovered two more bodies.", "the divers", evidence, evidence, evidence, None, SAT)
    assert any("not the sentence's own" in p for p in found)
    assert event_problems("Divers recovered two more bodies.", "police", evidence, evidence, evidence, None, SAT) == []
