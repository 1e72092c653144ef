"""The offline engine's briefings never say a model's date was corrected: no model was used."""
from __future__ import annotations

import datetime as dt

from timeline.models import Article
from timeline.options import BriefOptions
from timeline.run.pipeline import brief


def test_an_offline_briefing_flags_no_model_date() -> None:
    # the rules' first reading of "earlier this week" (the week up to publication) is narrowed by
    # verify to the days before it; that was flagged and shown as "model date corrected"
    text = ("Earlier this week a trade magazine reported that the festival had earned $2 million. "
            "Lawyers for the club have moved quickly through witnesses since beginning their case earlier this week.")
    article = Article(id="a", text=text, published=dt.date(2010, 6, 24), source="Wire")
    briefing = brief([article], BriefOptions(engine="local"))
    events = briefing.chronology.events + briefing.chronology.undated
    assert any(e.when and e.when.text.lower() == "earlier this week" and e.when.value for e in events)
    assert not any("model_date_disagrees" in e.flags for e in events)
