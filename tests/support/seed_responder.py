"""A realistic scripted "model" for the seed article (seeds/000_e3cd228ed5e53f9a.txt).

It answers extraction requests the way a good model would, for whichever part of the
article the chunk holds, with three deliberate mistakes the verifier must catch:

* a wrong date: "in 2016" read as 2016-05-01 at day precision;
* a quote that is not in the article (Turkey closing border crossings);
* an invented day for an undated event (Assad's declaration, when_text null, 2024-12-01).

Extraction replies carry a short summary of their chunk (the whole seed summary when the
chunk is the whole article); summary and reduce requests get the neutral, attributed summary. Token usage is counted with the
offline cl100k encoding over what was actually sent (messages and schema).
"""
from __future__ import annotations

import json
import re
from typing import Any

from openai_server import Recorded, Reply, completion

SEED_ID = "000_e3cd228ed5e53f9a"


def _event(when_text: str | None, date: str | None, precision: str, what: str, evidence: str, who: list[str] | None = None,
           where: list[str] | None = None, attribution: str | None = None) -> dict[str, Any]:
    return {"when_text": when_text, "date": date, "precision": precision, "what": what, "who": who or [],
            "where": where or [], "attribution": attribution, "evidence": evidence}


SEED_EVENTS = [
    _event("early Monday", "2024-12-02", "day",
           "Air strikes by the Syrian government and Russia killed at least 25 people in northwestern Syria.",
           "At least 25 people lost their lives in Syria air strikes carried out by the Syrian government and Russia, "
           "according to the White Helmets, a rescue group operating in opposition-held areas. These attacks took place "
           "early Monday in northwestern Syria.",
           ["Syrian government", "Russia", "White Helmets"], ["northwestern Syria"], "the White Helmets"),
    _event("On Sunday", "2024-12-01", "day",
           "Russian and Syrian warplanes launched strikes on the rebel-controlled city of Idlib.",
           "On Sunday, Russian and Syrian warplanes launched strikes on the rebel-controlled city of Idlib",
           ["Russia", "Syria"], ["Idlib"]),
    # Mistake: an invented day for an event the text does not date.
    _event(None, "2024-12-01", "day", "President Bashar al-Assad vowed to crush the insurgents.",
           'In response, Assad declared, "Terrorists only understand the language of force, and we will use it to crush them."',
           ["Bashar al-Assad"], [], "Bashar al-Assad"),
    _event("in recent days", None, "unknown", "The Syrian army reported reclaiming several towns overrun by rebels.",
           "The Syrian army reported reclaiming several towns that had been overrun by rebel forces in recent days.",
           ["Syrian army"], [], "the Syrian army"),
    _event("Sunday", "2024-12-01", "day", "Ten children were among the victims of air strikes in and around Idlib.",
           "among the victims of Sunday's air strikes in and around Idlib were 10 children",
           ["White Helmets"], ["Idlib"], "the White Helmets"),
    _event("since November 27", "2024-11-27/2024-12-02", "range",
           "Syrian and Russian strikes have killed 56 people, including 20 children.",
           "raising the total death toll from Syrian and Russian strikes since November 27 to 56, including 20 children",
           ["White Helmets"], ["Aleppo"], "the White Helmets"),
    # Mistake: a quote that is not in the article.
    _event("On Sunday", "2024-12-01", "day", "Turkey closed its border crossings with Idlib.",
           "Turkey closed all border crossings into Idlib on Sunday", ["Turkey"], ["Idlib"]),
    _event("recently", None, "unknown", "Rebels gained control of the entire Idlib province.",
           "have recently gained control of the entire Idlib province", ["Hayat Tahrir al-Sham"], ["Idlib province"]),
    _event("since 2020", "2020", "year", "The civil war's front lines had largely been static.",
           "the civil war’s front lines had largely been static since 2020"),
    _event("On Friday night", "2024-11-29", "day", "Insurgents advanced into Aleppo, forcing the Syrian army to redeploy.",
           "On Friday night, insurgents advanced into Aleppo, forcing the Syrian army to redeploy.",
           ["Syrian army"], ["Aleppo"]),
    _event(None, None, "unknown", "Moscow dismissed Sergei Kisel, the general overseeing its operations in Syria.",
           "Moscow had dismissed Sergei Kisel, the general overseeing its operations in Syria",
           ["Sergei Kisel"], ["Moscow"], "Russian sources"),
    _event(None, None, "unknown", "The United States, France, Germany and Britain urged all parties to de-escalate.",
           "The United States, France, Germany, and Britain issued a joint statement urging all parties to de-escalate",
           ["United States", "France", "Germany", "Britain"]),
    # Mistake: a wrong date (day precision for a year expression).
    _event("in 2016", "2016-05-01", "day", "Government forces recaptured Aleppo after a siege backed by Russian air support.",
           "with government forces recapturing it in 2016 after a brutal siege backed by Russian air support",
           ["Syrian government", "Russia"], ["Aleppo"]),
    _event("in 2011", "2011", "year", "The Syrian civil war began.", "Since the war began in 2011"),
    _event(None, None, "unknown", "Iranian Foreign Minister Abbas Araqchi visited Damascus.",
           "During a visit to Damascus, Iranian Foreign Minister Abbas Araqchi acknowledged the difficult situation",
           ["Abbas Araqchi"], ["Damascus"], "Abbas Araqchi"),
]

SEED_SUMMARY = {
    "summary": (
        "According to the White Helmets, air strikes by the Syrian government and Russia killed at least 25 people in "
        "northwestern Syria early on Monday, after Russian and Syrian warplanes struck the rebel-held city of Idlib on "
        "Sunday. The group counts 56 dead, including 20 children, since November 27. The Syrian army and Russia say "
        "they target insurgent hideouts and deny attacking civilians. The article reports that insurgents advanced into "
        "Aleppo on Friday night; the Syrian army reported reclaiming several towns. President Bashar al-Assad vowed to "
        "crush the insurgents. Russian sources said Moscow dismissed General Sergei Kisel. The United States, France, "
        "Germany and Britain urged all parties to de-escalate."
    ),
    "claims": [
        {"text": "Strikes killed at least 25 people early Monday.", "source": "the White Helmets"},
        {"text": "56 dead, including 20 children, since November 27.", "source": "the White Helmets"},
        {"text": "Strikes target insurgent hideouts, not civilians.", "source": "the Syrian army and Russia"},
        {"text": "Moscow dismissed General Sergei Kisel.", "source": "Russian sources"},
        {"text": "All parties should de-escalate.", "source": "the United States, France, Germany and Britain"},
    ],
}

_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def _norm(text: str) -> str:
    return " ".join(text.translate(_QUOTES).split())


def count_tokens(text: str) -> int:
    from timeline.text.tokens import counter_for

    return counter_for(None).count(text)


def prompt_tokens(body: dict[str, Any]) -> int:
    """What a provider bills: every message (+4 tokens framing each) and the schema."""
    total = sum(count_tokens(str(m.get("content") or "")) + 4 for m in body.get("messages", [])) + 3
    fmt = body.get("response_format") or {}
    if fmt.get("type") == "json_schema":
        total += count_tokens(json.dumps(fmt["json_schema"]["schema"], separators=(",", ":")))
    return total


def is_extraction(body: dict[str, Any]) -> bool:
    fmt = body.get("response_format") or {}
    if fmt.get("type") == "json_schema":
        return fmt["json_schema"]["name"] == "events"
    return any("<article" in str(m.get("content")) for m in body.get("messages", []) if m["role"] == "user")


def articles_of(body: dict[str, Any]) -> list[str]:
    """The text of every ``<article ...>`` block in the request (several when it is a pack)."""
    user = next(m["content"] for m in body["messages"] if m["role"] == "user")
    return [m.group(1) for m in re.finditer(r"<article[^>]*>\n?(.*?)\n?</article>", user, re.S)]


def article_of(body: dict[str, Any]) -> str:
    return "\n".join(articles_of(body))


def partial_summary(events: list[dict[str, Any]], whole: bool) -> str:
    """The short summary the extraction reply carries: the seed summary for the whole article,
    else the chunk's attributed events in a few sentences."""
    if whole:
        return SEED_SUMMARY["summary"]
    parts = [f"According to {e['attribution']}, {e['what'][0].lower()}{e['what'][1:]}" if e["attribution"] else e["what"]
             for e in events if e["who"] != ["Turkey"]]
    return " ".join(parts[:4])


def seed_events_for(chunk_text: str) -> list[dict[str, Any]]:
    """The events a good model would see in ``chunk_text`` (and the fabricated one, when its
    neighbour is there)."""
    text = _norm(chunk_text)
    out = []
    for event in SEED_EVENTS:
        if _norm(event["evidence"]) in text or (event["who"] == ["Turkey"] and "On Sunday" in text):
            out.append(event)
    return out


def seed_responder(request: Recorded) -> Reply:
    body = request.body
    if is_extraction(body):
        events = [e for text in articles_of(body) for e in seed_events_for(text)]
        whole = len(events) == len(SEED_EVENTS)
        content = json.dumps({"events": events, "summary": partial_summary(events, whole)}, ensure_ascii=False)
    else:
        content = json.dumps(SEED_SUMMARY, ensure_ascii=False)
    return completion(content, prompt_tokens=prompt_tokens(body), completion_tokens=count_tokens(content),
                      model=body.get("model", "gpt-4o-mini"))
