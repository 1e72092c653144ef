"""--key-dates with the model engine: one checked, cached summary request per key day."""
from __future__ import annotations

import json
from datetime import date

import pytest
from common import API_KEY, SEED
from openai_server import OpenAITestServer, Recorded, Reply, completion
from seed_responder import seed_responder

from timeline.models import Article
from timeline.run.pipeline import BriefOptions, brief


def _is_key_day(request: Recorded) -> bool:
    return "what happened on the day" in json.dumps(request.body.get("messages", []))


def responder(request: Recorded) -> Reply:
    """The seed model, plus key-day summaries: honest for 1 Dec, an unsupported claim for 27 Nov."""
    if not _is_key_day(request):
        return seed_responder(request)
    events = json.dumps(request.body["messages"])
    if "2024-12-01" in events:
        text = "Russian and Syrian warplanes launched strikes on Idlib; ten children were among the victims."
    else:
        text = "Turkey closed its border crossings with Syria."
    return completion(json.dumps({"summary": text, "claims": []}))


@pytest.fixture(autouse=True)
def key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", API_KEY)


def test_one_request_per_key_day_checked_and_cached() -> None:
    article = Article(id="000_e3cd228ed5e53f9a", text=SEED.read_text(encoding="utf-8"), published=date(2024, 12, 2))
    opts = BriefOptions(engine="openai", max_retries=0, timeout=10, key_dates=2, per_date=2)
    with OpenAITestServer(responder) as server:
        opts.base_url = server.url
        first = brief([article], opts)
        day_requests = [r for r in server.chat_requests if _is_key_day(r)]
        assert len(day_requests) == len(first.chronology.key_dates) == 2
        for request in day_requests:  # built from verified events only, never from article text
            assert "Terrorists only understand" not in json.dumps(request.body["messages"])
        summaries = {k.date: k.summary for k in first.chronology.key_dates}
        assert summaries[date(2024, 12, 1)] == ("Russian and Syrian warplanes launched strikes on Idlib; "
                                                "ten children were among the victims.")
        [other] = [d for d in summaries if d != date(2024, 12, 1)]
        assert summaries[other] is None  # Turkey is in none of that day's events
        assert any(f"key day {other.isoformat()}: model summary dropped" in w for w in first.warnings)
        sent = len(server.chat_requests)
        second = brief([article], opts)
        assert len(server.chat_requests) == sent  # cached: a re-run sends nothing
        assert second.chronology.key_dates == first.chronology.key_dates


def test_a_number_the_events_do_not_state_is_dropped() -> None:
    from timeline.run.key_days import checked_day_summary
    from timeline.models import Event, Evidence, TimePoint

    what = "Syrian and Russian strikes have killed 56 people, including 20 children."
    when = TimePoint(value="2024-11-27", precision="day", text="November 27")
    event = Event(when=when, what=what, evidence=[Evidence(article_id="a", start=0, end=len(what), quote=what)])
    ok, why = checked_day_summary("Strikes have killed 56 people, including 20 children.", [event], "2024-11-27")
    assert ok and why is None
    bad, why = checked_day_summary("Strikes have killed 300 people, including 20 children.", [event], "2024-11-27")
    assert bad is None and why and "number 300" in why
    loaded, why = checked_day_summary("Brutal strikes have killed 56 people, including 20 children.", [event],
                                      "2024-11-27")
    assert loaded is None and why and "loaded word" in why
    invented, why = checked_day_summary("Strikes have killed 56 people. Turkey closed its border crossings.",
                                        [event], "2024-11-27")
    assert invented is None and why and "Turkey" in why  # one unsupported sentence drops the whole summary
