"""The offline summary of several articles tells the story's key days, in date order.

A pile of articles about one story often opens (by publication date) with pages that mention
the story in passing: the summary built from the first articles' leads told those. Here a
columnist's aside and a first-person sentence come first; the ferry's sinking, reported by four
outlets, and the next day's rescue must be what the summary says, dated and in date order.
"""
from __future__ import annotations

from datetime import date

import pytest

from timeline import Article, BriefOptions, brief
from timeline.summary.extractive import extractive_summary

SINKING = "A ferry carrying 80 passengers sank off Port Elver on Tuesday, killing 12 people, the coastguard said."
RESCUE = "Divers pulled three survivors from the wreck of the Port Elver ferry on Wednesday, the coastguard said."


def _story() -> list[Article]:
    aside = ("I ordered a new kettle last night from a shop in Tarrow. "
             "The town council approved a new car park for the market square on Monday.")
    arts = [Article(id="column", text=aside, published=date(2025, 6, 2), source="Tarrow Gazette")]
    for i, outlet in enumerate(["Coast News", "Sea Times", "North Courier", "Valley Wire"]):
        text = SINKING + " Rescue teams searched the coast overnight for the missing passengers."
        if i >= 2:
            text += " " + RESCUE
        arts.append(Article(id=f"r{i}", text=text, published=date(2025, 6, 4), source=outlet))
    return arts


def test_several_articles_summary_tells_the_key_days_in_date_order() -> None:
    articles = _story()
    briefing = brief(articles, BriefOptions(engine="local"))
    assert "ferry carrying 80 passengers sank off Port Elver on Tuesday (Tue 3 Jun 2025)" in briefing.summary.text
    # a budget for two sentences: the two days four and two outlets report, not the column's
    # first sentences (the old choice: the first-published article's lead came first)
    short = extractive_summary(briefing.chronology, articles, max_words=45).text
    assert "car park" not in short and "kettle" not in short
    assert short.index("sank off Port Elver") < short.index("Divers pulled three survivors")


@pytest.mark.parametrize("aside, words", [
    ("I ordered a new kettle last night from a shop in Tarrow.", "kettle"),
    # a first-person subject later on, outside quotation marks (a speech's transcript)
    ("Today, as the council votes on the harbour plan, we're going to hear the mayor set out how the town "
     "will pay for it.", "we're going to hear"),
])
def test_a_first_person_sentence_without_a_source_is_not_summarized(aside: str, words: str) -> None:
    text = aside + " A ferry sank off Port Elver on Tuesday, the coastguard said."
    article = Article(id="one", text=text, published=date(2025, 6, 4))
    briefing = brief([article], BriefOptions(engine="local"))
    assert any(words in e.what for e in briefing.chronology.events + briefing.chronology.undated)
    assert words not in briefing.summary.text
    assert "A ferry sank off Port Elver on Tuesday" in briefing.summary.text


def test_one_article_keeps_its_lead_first_in_text_order() -> None:
    text = ("The town council approved a new car park for the market square on Monday. "
            "A ferry sank off Port Elver on Tuesday, the coastguard said.")
    article = Article(id="one", text=text, published=date(2025, 6, 4))
    briefing = brief([article], BriefOptions(engine="local"))
    summary = extractive_summary(briefing.chronology, [article])
    assert summary.text.startswith("The town council approved a new car park")
    assert summary.text.index("car park") < summary.text.index("ferry")


def test_of_several_articles_a_sentence_whose_subject_is_a_pronoun_is_not_summarized() -> None:
    # told in date order beside other reports' sentences, nothing before it says who "he" is
    pronoun = ("In a move that seemed designed to rally his base, he claimed on Monday that the ferry "
               "had been sabotaged. The harbour master similarly ducked questions on the same subject on Tuesday.")
    articles = _story() + [Article(id="p", text=pronoun, published=date(2025, 6, 4), source="Harbour Post")]
    briefing = brief(articles, BriefOptions(engine="local"))
    assert any("claimed on Monday" in e.what for e in briefing.chronology.events)
    assert any("similarly ducked" in e.what for e in briefing.chronology.events)
    assert "claimed on Monday" not in briefing.summary.text
    assert "similarly" not in briefing.summary.text
    assert "sank off Port Elver" in briefing.summary.text

