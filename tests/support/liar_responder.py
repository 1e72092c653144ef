"""Two scripted "models" for the seed and the story (seeds/): an honest one and a liar.

The **honest** model proposes the events the seed and story responders propose, with the
seed responder's three deliberate mistakes corrected (no invented Turkey event, "in 2016"
read as a year, no invented day for Assad's declaration), and an honest summary.

The **liar** proposes every honest event too, plus the lies a careless real model tells,
each on a quote that really is in the article:

* invented claims on real quotes,
* wrong attributions (a source the sentence and its paragraph never name),
* numbers changed by one digit,
* dates only the model can read (a time expression from another sentence, from nowhere,
  or none at all),
* invented actors and places, a flipped negation, a weekday the sentence does not give,
* invented summary sentences and claims.

Every lie carries a ``marker``: words that are in no article and would appear in a
briefing only if the lie got through (for a date, the ISO value the lie gives). Tests render
the briefing in every format and count the markers that reach it.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from openai_server import Recorded, Reply, completion
from seed_responder import (
    SEED_EVENTS,
    SEED_SUMMARY,
    _norm,
    count_tokens,
    is_extraction,
    prompt_tokens,
)
from story_responder import STORY_EVENTS, STORY_SUMMARY


def _honest_seed() -> list[dict[str, Any]]:
    events = []
    for event in SEED_EVENTS:
        if event["who"] == ["Turkey"]:
            continue  # the seed responder's invented quote
        if event["when_text"] == "in 2016":
            event = {**event, "date": "2016", "precision": "year"}
        if event["when_text"] is None:
            event = {**event, "date": None, "precision": "unknown"}
        events.append(event)
    return events


HONEST_EVENTS: list[dict[str, Any]] = _honest_seed() + STORY_EVENTS


def _lie(what: str, evidence: str, *, when_text: str | None = None, date: str | None = None,
         who: list[str] | None = None, where: list[str] | None = None, attribution: str | None = None
         ) -> dict[str, Any]:
    return {"when_text": when_text, "date": date, "what": what, "who": who or [], "where": where or [],
            "attribution": attribution, "evidence": evidence}


@dataclass(frozen=True)
class Lie:
    kind: str
    proposal: dict[str, Any]
    marker: str  # in no article; in a briefing only if the lie got through


SEED_LIES = [
    Lie("invented claim", _lie("Police arrested the governor of Idlib province.",
                               "On Friday night, insurgents advanced into Aleppo, forcing the Syrian army to redeploy.",
                               when_text="On Friday night", date="2024-11-29", who=["police"], where=["Idlib"]),
        "arrested the governor"),
    Lie("invented claim", _lie("Rebels shot down a Russian helicopter over Idlib.",
                               "Residents described one of the attacks targeting a densely populated residential area",
                               where=["Idlib"]), "helicopter"),
    Lie("wrong attribution", _lie("Russian and Syrian warplanes launched strikes on the rebel-controlled city of Idlib.",
                                  "On Sunday, Russian and Syrian warplanes launched strikes on the rebel-controlled city "
                                  "of Idlib", when_text="On Sunday", date="2024-12-01",
                                  attribution="the Turkish foreign ministry"), "Turkish foreign ministry"),
    Lie("wrong attribution", _lie("At least seven people were confirmed dead, and dozens were injured.",
                                  "At least seven people were confirmed dead, and dozens were injured",
                                  attribution="Kremlin spokesman Dmitry Peskov"), "Peskov"),
    Lie("number changed", _lie("Air strikes by the Syrian government and Russia killed at least 26 people in "
                               "northwestern Syria.",
                               "At least 25 people lost their lives in Syria air strikes carried out by the Syrian "
                               "government and Russia", attribution="the White Helmets"), "26 people"),
    Lie("number changed", _lie("Syrian and Russian strikes have killed 57 people since November 27, including 20 "
                               "children.",
                               "raising the total death toll from Syrian and Russian strikes since November 27 to 56, "
                               "including 20 children", when_text="since November 27", date="2024-11-27/2024-12-02",
                               attribution="the White Helmets"), "57 people"),
    Lie("number changed", _lie("Ten children were among 11 victims of Sunday's air strikes in and around Idlib.",
                               "among the victims of Sunday's air strikes in and around Idlib were 10 children",
                               when_text="Sunday", date="2024-12-01", attribution="the White Helmets"), "11 victims"),
    Lie("model-only date", _lie("The Syrian army reported reclaiming several towns overrun by rebels.",
                                "The Syrian army reported reclaiming several towns that had been overrun by rebel forces",
                                when_text="on Sunday", date="2024-12-01", attribution="the Syrian army"),
        "2024-12-01 reclaiming"),
    Lie("model-only date", _lie("Iranian Foreign Minister Abbas Araqchi visited Damascus.",
                                "During a visit to Damascus, Iranian Foreign Minister Abbas Araqchi acknowledged the "
                                "difficult situation", when_text="last night", date="2024-12-01", who=["Abbas Araqchi"]),
        "2024-12-01 Araqchi"),
    Lie("model-only date", _lie("The United States, France, Germany and Britain urged all parties to de-escalate.",
                                "The United States, France, Germany, and Britain issued a joint statement urging all "
                                "parties to de-escalate", date="2024-12-02"), "2024-12-02 de-escalate"),
    Lie("invented actor", _lie("Moscow dismissed Sergei Kisel, the general overseeing its operations in Syria.",
                               "Moscow had dismissed Sergei Kisel, the general overseeing its operations in Syria",
                               who=["Vladimir Putin", "Sergei Kisel"], attribution="Russian sources"), "Putin"),
    Lie("negation flipped", _lie("The Syrian army and Russia admitted attacking civilians.",
                                 "While the Syrian army and Russia claim their strikes target insurgent hideouts, they "
                                 "deny intentionally attacking civilians.", attribution="the Syrian army and Russia"),
        "admitted attacking"),
]

STORY_LIES = [
    Lie("invented claim", _lie("Police arrested the bridge's chief engineer.",
                               "Witnesses described a loud crack shortly before the deck gave way.", who=["police"]),
        "chief engineer"),
    Lie("invented claim", _lie("Mayor Lena Ortiz resigned after the collapse.",
                               "Mayor Lena Ortiz declared a state of emergency in Port Aldren today",
                               when_text="today", date="2025-03-10", who=["Lena Ortiz"]), "resigned"),
    Lie("number changed", _lie("The death toll from the Kessel River Bridge collapse rose to 15.",
                               "The death toll from Saturday's collapse of the Kessel River Bridge in Port Aldren has "
                               "risen to 14, police said.", when_text="Saturday's", date="2025-03-08",
                               attribution="police"), "rose to 15"),
    Lie("number changed", _lie("Transport Minister Ilse Brandt ordered inspections of 41 bridges.",
                               "Transport Minister Ilse Brandt ordered inspections of 40 bridges on Tuesday",
                               when_text="on Tuesday", date="2025-03-11", attribution="the ministry"), "41 bridges"),
    Lie("number changed", _lie("The bridge, which carries about 41,000 vehicles a day, opened in 1968.",
                               "The bridge, which carries about 40,000 vehicles a day, opened in 1968.",
                               when_text="in 1968", date="1968"), "41,000"),
    Lie("wrong attribution", _lie("At least 12 people were killed when a section of the Kessel River Bridge collapsed.",
                                  "At least 12 people were killed when a section of the Kessel River Bridge in Port "
                                  "Aldren collapsed yesterday evening", when_text="yesterday evening",
                                  date="2025-03-08", attribution="the mayor's office"), "mayor's office"),
    Lie("wrong attribution", _lie("Divers recovered two more bodies from the river.",
                                  "Divers recovered two more bodies from the river on Sunday", when_text="on Sunday",
                                  date="2025-03-09", attribution="the coast guard"), "coast guard"),
    Lie("model-only date", _lie("Hundreds of residents held a candlelight vigil at the riverbank.",
                                "hundreds of residents gathered at the riverbank for a candlelight vigil for the victims",
                                when_text="on New Year's Day", date="2025-01-01"), "2025-01-01"),
    Lie("model-only date", _lie("City records show the bridge was last inspected.",
                                "City records show the bridge was last inspected in 2019.", when_text="last night",
                                date="2025-03-07", attribution="city records"), "2025-03-07"),
    Lie("wrong weekday", _lie("On Thursday, Transport Minister Ilse Brandt ordered inspections of 40 bridges nationwide.",
                              "Transport Minister Ilse Brandt on Tuesday ordered inspections of 40 bridges nationwide",
                              when_text="on Tuesday", date="2025-03-11", attribution="the ministry"), "On Thursday"),
    Lie("invented place", _lie("Engineers said a corroded support cable most likely caused the collapse.",
                               "Engineers from the national roads agency said on Wednesday that a corroded support cable "
                               "most likely caused the collapse of the Kessel River Bridge.", when_text="on Wednesday",
                               date="2025-03-12", where=["Halvard Harbour"],
                               attribution="engineers from the national roads agency"), "Halvard"),
]

LIES = SEED_LIES + STORY_LIES

INVENTED_SUMMARY = [
    Lie("invented summary sentence", {}, "resigned in disgrace"),
    Lie("invented summary sentence", {}, "New Year's Day"),
    Lie("invented summary sentence", {}, "13 people"),
    Lie("invented summary claim", {}, "Halvard"),
]
_LIES_IN_SUMMARY = (" The mayor resigned in disgrace on Friday. Aid convoys reached the city on New Year's Day. "
                    "Officials said 13 people were arrested.")
_LYING_CLAIMS = [{"text": "Halvard's chief executive was arrested.", "source": "police"}]


def _events_for(text: str, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    normal = _norm(text)
    return [e for e in events if _norm(e["evidence"]) in normal]


def _overlap(a: str, b: str) -> bool:
    a, b = _norm(a).strip(" ."), _norm(b).strip(" .")
    return a in b or b in a


def _user_text(body: dict[str, Any]) -> str:
    return "\n".join(str(m.get("content") or "") for m in body.get("messages", []) if m.get("role") == "user")


def _summary_for(text: str) -> str:
    return SEED_SUMMARY["summary"] if "Idlib" in text else STORY_SUMMARY


def _responder(lying: bool):  # type: ignore[no-untyped-def]
    def respond(request: Recorded) -> Reply:
        body = request.body
        text = _user_text(body)
        schema = (body.get("response_format") or {}).get("json_schema", {}).get("schema", {})
        if is_extraction(body):
            events = _events_for(text, HONEST_EVENTS)
            if lying:  # each lie takes the place of the honest event on its quote (merge would keep one)
                lies = [lie.proposal for lie in LIES if _norm(lie.proposal["evidence"]) in _norm(text)]
                events = [e for e in events if not any(_overlap(e["evidence"], lie["evidence"]) for lie in lies)]
                events += lies
            summary = _summary_for(text) + (_LIES_IN_SUMMARY if lying else "")
            reply: dict[str, Any] = {"events": events, "summary": summary}
        else:
            summary = _summary_for(text) + (_LIES_IN_SUMMARY if lying else "")
            reply = {"summary": summary, "claims": _LYING_CLAIMS if lying else []}
        if schema.get("properties"):
            reply = {k: v for k, v in reply.items() if k in schema["properties"]}
        content = json.dumps(reply, ensure_ascii=False)
        return completion(content, prompt_tokens=prompt_tokens(body), completion_tokens=count_tokens(content),
                          model=body.get("model", "gpt-4o-mini"))

    return respond


honest_responder = _responder(lying=False)
liar_responder = _responder(lying=True)
