"""A scripted "model" for the second test story (seeds/story2): the Cedar Falls wildfire.

Like tests/story_responder.py it answers as a good model would: events in its own words,
the verbatim time expression, an ISO reading, an evidence quote from the article and the
attribution it read. Some quotes stop before the attribution ("..., the county said" is left
out), so merging must keep each source's attribution from the event, not from the quote.
Its ``where`` lists are at the model's own granularity ("Cedar Falls", "Marlow County").
The syndicated Pine Herald copy is never sent (the pipeline reads it once, as Harbor Wire).
"""
from __future__ import annotations

import json
from typing import Any

from openai_server import Recorded, Reply, completion
from seed_responder import _norm, count_tokens, is_extraction, prompt_tokens
from story_responder import _user_text


def _event(when_text: str, date: str, what: str, evidence: str, who: list[str], where: list[str],
           attribution: str | None) -> dict[str, Any]:
    return {"when_text": when_text, "date": date, "precision": "day", "what": what, "who": who, "where": where,
            "attribution": attribution, "evidence": evidence}


STORY2_EVENTS = [
    # 1-valley-news (Monday 2025-07-14)
    _event("on Sunday", "2025-07-13", "A wildfire broke out near Cedar Falls and killed two people.",
           "A wildfire that broke out near Cedar Falls on Sunday has killed two people", [], ["Cedar Falls"],
           "the county"),
    _event("on Sunday night", "2025-07-13", "About 3,000 residents were evacuated from Cedar Falls.",
           "About 3,000 residents were evacuated from Cedar Falls on Sunday night", [], ["Cedar Falls"], "the county"),
    _event("on Monday", "2025-07-14", "Crews contained a fifth of the blaze.",
           "Fire Chief Dana Ruiz said on Monday that crews had contained a fifth of the blaze.", ["Dana Ruiz"], [],
           "Fire Chief Dana Ruiz"),
    _event("on Sunday", "2025-07-13", "The flames jumped Route 9.",
           "Witnesses said the flames jumped Route 9 shortly after 9 p.m. on Sunday.", [], ["Route 9"], "witnesses"),
    # 2-harbor-wire (Monday 2025-07-14)
    _event("on Sunday night", "2025-07-13", "Some 5,000 people were forced to leave their homes in Cedar Falls.",
           "Some 5,000 people were forced to leave their homes in Cedar Falls on Sunday night as the wildfire spread, "
           "said Dana Ruiz, the county's fire chief.", [], ["Cedar Falls"], "Dana Ruiz"),
    _event("on Sunday", "2025-07-13", "Deputies went door to door through the night.",
           "Sheriff Tom Alvarez, who has led the county's police for a decade, said deputies went door to door through "
           "the night on Sunday.", ["deputies"], [], "Sheriff Tom Alvarez"),
    _event("on Monday", "2025-07-14", "Halvard Power cut electricity to 12,000 customers.",
           "Halvard Power confirmed on Monday that it had cut electricity to 12,000 customers in the area.",
           ["Halvard Power"], [], "Halvard Power"),
    # 4-ridge-gazette (Tuesday 2025-07-15)
    _event("on Sunday night", "2025-07-13", "Roughly 3,000 people fled Cedar Falls.",
           "Roughly 3,000 people fled Cedar Falls on Sunday night", [], ["Cedar Falls"], "two volunteers"),
    _event("on Monday", "2025-07-14", "The fire destroyed 40 homes in Cedar Falls.",
           "The fire destroyed 40 homes in Cedar Falls on Monday, county officials said.", [], ["Cedar Falls"],
           "county officials"),
    _event("on Monday", "2025-07-14", "Twelve homes burned in Birch Hollow.",
           "In Birch Hollow, 12 homes burned on Monday, according to Mayor Joan Whitaker", [], ["Birch Hollow"],
           "Mayor Joan Whitaker"),
    # 5-metro-daily (Tuesday 2025-07-15)
    _event("on Monday", "2025-07-14", "Fire destroyed 12 homes in Birch Hollow.",
           "Fire destroyed 12 homes in Birch Hollow on Monday", [], ["Birch Hollow"], "Mayor Joan Whitaker"),
    _event("on Monday", "2025-07-14", "The blaze destroyed 40 homes in Cedar Falls.",
           "the blaze destroyed 40 homes in Cedar Falls on Monday, the county said in a statement.", [],
           ["Cedar Falls"], "the county"),
    # 6-county-record (Wednesday 2025-07-16)
    _event("Sunday's", "2025-07-13", "The death toll from the wildfire near Cedar Falls rose to five.",
           "The death toll from Sunday's wildfire near Cedar Falls has risen to five, the county coroner's office said.",
           [], ["Cedar Falls"], "the county coroner's office"),
    _event("on Tuesday", "2025-07-15", "Police arrested a 34-year-old man on suspicion of starting the fire.",
           "Police arrested a 34-year-old man in Birch Hollow on Tuesday on suspicion of starting the fire", ["police"],
           ["Birch Hollow"], "Sheriff Tom Alvarez"),
    _event("on Tuesday", "2025-07-15", "Halvard Power denied that its power lines had sparked the fire.",
           "Halvard Power denied on Tuesday that its power lines had sparked the fire.", ["Halvard Power"], [],
           "Halvard Power"),
    # 7-valley-news (Thursday 2025-07-17)
    _event("on Wednesday", "2025-07-16", "Governor Elena Marsh declared a state of emergency in Marlow County.",
           "Governor Elena Marsh declared a state of emergency in Marlow County on Wednesday", ["Elena Marsh"],
           ["Marlow County"], "her office"),
    _event("on Tuesday", "2025-07-15", "Police arrested a 34-year-old man.",
           "Prosecutors confirmed that police had arrested a 34-year-old man on Tuesday.", ["police"], [],
           "prosecutors"),
    _event("on Wednesday", "2025-07-16", "Residents of Cedar Falls were allowed to return home.",
           "Residents of Cedar Falls were allowed to return home on Wednesday, officials said.", ["residents"],
           ["Cedar Falls"], "officials"),
    _event("by Wednesday evening", "2025-07-16", "The fire was 60 percent contained.",
           "The fire, officials said, was 60 percent contained by Wednesday evening.", [], [], "officials"),
    _event("on Wednesday", "2025-07-16", "A residents' group said the evacuation order had come too late.",
           "A residents' group claimed on Wednesday that the evacuation order had come too late.", [], [],
           "a residents' group"),
]

STORY2_SUMMARY = (
    "A wildfire that broke out near Cedar Falls on 13 July killed two people, the county said; the county coroner's "
    "office later put the toll at five. Reports differ on how many people were evacuated. Fires destroyed 40 homes "
    "in Cedar Falls and 12 in Birch Hollow, officials said. Police arrested a 34-year-old man on suspicion of "
    "starting the fire, and Governor Elena Marsh declared a state of emergency, her office said."
)


def story2_responder(request: Recorded) -> Reply:
    body = request.body
    schema = (body.get("response_format") or {}).get("json_schema", {}).get("schema", {})
    if is_extraction(body):
        normal = _norm(_user_text(body))
        reply: dict[str, Any] = {"events": [e for e in STORY2_EVENTS if _norm(e["evidence"]) in normal]}
        if "summary" in schema.get("properties", {}):
            reply["summary"] = STORY2_SUMMARY
    else:
        reply = {"summary": STORY2_SUMMARY, "claims": [
            {"text": "Two people were killed.", "source": "the county"},
            {"text": "The toll rose to five.", "source": "the county coroner's office"},
        ]}
        if schema.get("properties"):
            reply = {k: v for k, v in reply.items() if k in schema["properties"]}
    content = json.dumps(reply, ensure_ascii=False)
    return completion(content, prompt_tokens=prompt_tokens(body), completion_tokens=count_tokens(content),
                      model=body.get("model", "gpt-4o-mini"))
