"""A scripted "model" for the test story (seeds/story and seeds/story-update).

It answers the way a good model would: events paraphrased in its own words, each with the
verbatim time expression, an ISO reading and an evidence quote from the article. The events
are found by their evidence, so the responder works whatever way the articles are chunked
or packed into requests. Summary requests get a short neutral summary.
"""
from __future__ import annotations

import json
from typing import Any

from openai_server import Recorded, Reply, completion
from seed_responder import _norm, count_tokens, is_extraction, prompt_tokens


def _event(when_text: str | None, date: str | None, precision: str, what: str, evidence: str, who: list[str],
           where: list[str], attribution: str | None = None) -> dict[str, Any]:
    return {"when_text": when_text, "date": date, "precision": precision, "what": what, "who": who, "where": where,
            "attribution": attribution, "evidence": evidence}


STORY_EVENTS = [
    # 1-coastal-courier (published Sunday 2025-03-09)
    _event("yesterday evening", "2025-03-08", "day",
           "A section of the Kessel River Bridge in Port Aldren collapsed, killing at least 12 people.",
           "At least 12 people were killed when a section of the Kessel River Bridge in Port Aldren collapsed "
           "yesterday evening", ["Port Aldren fire department"], ["Port Aldren"], "the Port Aldren fire department"),
    _event(None, None, "unknown", "Rescue divers searched the water for survivors.",
           "Rescue divers searched the dark water for survivors", ["rescue divers"], ["Kessel River"],
           "the fire department"),
    _event("in 1968", "1968", "year", "The Kessel River Bridge opened.",
           "The bridge, which carries about 40,000 vehicles a day, opened in 1968.", [], ["Port Aldren"]),
    # 2-northern-ledger (published Monday 2025-03-10)
    _event("Saturday's", "2025-03-08", "day", "The death toll from the Kessel River Bridge collapse rose to 14.",
           "The death toll from Saturday's collapse of the Kessel River Bridge in Port Aldren has risen to 14, "
           "police said.", ["police"], ["Port Aldren"], "police"),
    _event("on Sunday", "2025-03-09", "day", "Divers recovered two more bodies from the river.",
           "Divers recovered two more bodies from the river on Sunday", ["Tomas Reyes"], ["Kessel River"],
           "police spokesman Tomas Reyes"),
    _event("today", "2025-03-10", "day",
           "Mayor Lena Ortiz declared a state of emergency in Port Aldren and asked the national government for help.",
           "Mayor Lena Ortiz declared a state of emergency in Port Aldren today", ["Lena Ortiz"], ["Port Aldren"]),
    # 3-aldren-daily (published Tuesday 2025-03-11)
    _event("on Sunday", "2025-03-09", "day", "Mayor Lena Ortiz declared a state of emergency in Port Aldren.",
           "Mayor Lena Ortiz declared a state of emergency in Port Aldren on Sunday", ["Lena Ortiz"], ["Port Aldren"]),
    _event("today", "2025-03-11", "day", "Transport Minister Ilse Brandt ordered urgent inspections of 40 bridges.",
           "Transport Minister Ilse Brandt ordered urgent inspections of 40 bridges across the country today",
           ["Ilse Brandt"], [], "the ministry"),
    _event("Yesterday", "2025-03-10", "day", "Hundreds of residents held a candlelight vigil at the riverbank.",
           "Yesterday, hundreds of residents gathered at the riverbank for a candlelight vigil for the victims.",
           ["residents"], ["Port Aldren"]),
    # 4-harbor-wire (published Wednesday 2025-03-12)
    _event("on Tuesday", "2025-03-11", "day", "Transport Minister Ilse Brandt ordered inspections of 40 bridges nationwide.",
           "Transport Minister Ilse Brandt on Tuesday ordered inspections of 40 bridges nationwide", ["Ilse Brandt"], [],
           "the ministry"),
    _event("on Saturday evening", "2025-03-08", "day", "The Kessel River Bridge collapsed, killing 12 people.",
           "The Kessel River Bridge collapsed on Saturday evening, killing 12 people", ["fire department"],
           ["Port Aldren"], "the fire department"),
    _event("in 2019", "2019", "year", "The bridge was last inspected, according to city records.",
           "City records show the bridge was last inspected in 2019.", [], ["Port Aldren"], "city records"),
    # 5-riverside-times (the update, published Thursday 2025-03-13)
    _event("on Wednesday", "2025-03-12", "day",
           "Engineers said a corroded support cable most likely caused the collapse of the Kessel River Bridge.",
           "Engineers from the national roads agency said on Wednesday that a corroded support cable most likely "
           "caused the collapse of the Kessel River Bridge.", ["national roads agency"], ["Port Aldren"],
           "engineers from the national roads agency"),
    _event("on Tuesday", "2025-03-11", "day", "Transport Minister Ilse Brandt ordered inspections of 40 bridges.",
           "Transport Minister Ilse Brandt ordered inspections of 40 bridges on Tuesday", ["Ilse Brandt"], [],
           "the ministry"),
]

STORY_SUMMARY = (
    "A section of the Kessel River Bridge in Port Aldren collapsed on the evening of 8 March, killing at least 12 "
    "people according to the fire department; police later put the toll at 14. Mayor Lena Ortiz declared a state "
    "of emergency, and Transport Minister Ilse Brandt ordered inspections of 40 bridges, the ministry said. "
    "Residents held a candlelight vigil. City records show the bridge was last inspected in 2019."
)


def story_events_for(text: str) -> list[dict[str, Any]]:
    """The events a good model would report for the article text it was sent."""
    normal = _norm(text)
    return [e for e in STORY_EVENTS if _norm(e["evidence"]) in normal]


def _user_text(body: dict[str, Any]) -> str:
    return "\n".join(str(m.get("content") or "") for m in body.get("messages", []) if m.get("role") == "user")


def story_responder(request: Recorded) -> Reply:
    body = request.body
    if is_extraction(body):
        reply: dict[str, Any] = {"events": story_events_for(_user_text(body))}
        schema = (body.get("response_format") or {}).get("json_schema", {}).get("schema", {})
        if "summary" in schema.get("properties", {}):
            reply["summary"] = STORY_SUMMARY
    else:  # a summary or reduce request: answer exactly the fields its schema asks for
        reply = {"summary": STORY_SUMMARY, "claims": [
            {"text": "At least 12 people were killed.", "source": "the fire department"},
            {"text": "The toll rose to 14.", "source": "police"},
            {"text": "Inspections of 40 bridges were ordered.", "source": "the ministry"},
        ]}
        schema = (body.get("response_format") or {}).get("json_schema", {}).get("schema", {})
        if schema.get("properties"):
            reply = {k: v for k, v in reply.items() if k in schema["properties"]}
    content = json.dumps(reply, ensure_ascii=False)
    return completion(content, prompt_tokens=prompt_tokens(body), completion_tokens=count_tokens(content),
                      model=body.get("model", "gpt-4o-mini"))
