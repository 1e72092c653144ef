"""A fresh story the older liar fixtures never saw (issue 23), with an honest model, a liar
that tells the lies issue 23 found reaching the page, and a model that names no time expression.

Each lie carries a ``marker``: words in no article, in a briefing only if the lie got through.
"""
from __future__ import annotations

import json
from datetime import date
from typing import Any

from liar_responder import Lie, _lie
from openai_server import Recorded, Reply, completion
from seed_responder import _norm, count_tokens, is_extraction, prompt_tokens

PUBLISHED = date(2025, 6, 13)  # a Friday
FRESH_TEXT = (
    "An explosion tore through the Harlow Chemicals plant in Brennick on Tuesday evening, police said. "
    "At least 9 people were injured, the mayor said.\n\n"
    "Residents of nearby streets reported hearing the blast several kilometres away. "
    "The operator denied that any fuel had leaked into the river.\n\n"
    "Firefighters put out the fire on Wednesday morning. "
    "The plant's owner said production would remain suspended until inspectors finish their work.\n\n"
    "Environmental officials lifted a ban on fishing in the river on Thursday. "
    "The company rejected claims that safety warnings had been ignored.\n"
)


def _event(what: str, evidence: str, when_text: str | None = None, day: str | None = None,
           attribution: str | None = None, who: list[str] | None = None, where: list[str] | None = None
           ) -> dict[str, Any]:
    return {"when_text": when_text, "date": day, "what": what, "who": who or [], "where": where or [],
            "attribution": attribution, "evidence": evidence}


FRESH_EVENTS: list[dict[str, Any]] = [
    _event("An explosion tore through the Harlow Chemicals plant in Brennick.",
           "An explosion tore through the Harlow Chemicals plant in Brennick on Tuesday evening, police said.",
           "on Tuesday evening", "2025-06-10", "police", where=["Brennick"]),
    _event("At least 9 people were injured.", "At least 9 people were injured, the mayor said.",
           attribution="the mayor"),
    _event("Residents of nearby streets reported hearing the blast several kilometres away.",
           "Residents of nearby streets reported hearing the blast several kilometres away."),
    _event("The operator denied that any fuel had leaked into the river.",
           "The operator denied that any fuel had leaked into the river.", attribution="the operator"),
    _event("Firefighters put out the fire.", "Firefighters put out the fire on Wednesday morning.",
           "on Wednesday morning", "2025-06-11"),
    _event("The plant's owner said production would remain suspended until inspectors finish their work.",
           "The plant's owner said production would remain suspended until inspectors finish their work.",
           attribution="the plant's owner"),
    _event("Environmental officials lifted a ban on fishing in the river.",
           "Environmental officials lifted a ban on fishing in the river on Thursday.", "on Thursday", "2025-06-12"),
    _event("The company rejected claims that safety warnings had been ignored.",
           "The company rejected claims that safety warnings had been ignored.", attribution="the company"),
]

FRESH_SUMMARY = ("An explosion tore through the Harlow Chemicals plant in Brennick on Tuesday evening, police said. "
                 "At least 9 people were injured, the mayor said. "
                 "The operator denied that any fuel had leaked into the river.")

FRESH_EVENT_LIES = [
    Lie("loaded word", _lie("The reckless owner said production would remain suspended until inspectors finish "
                            "their work.",
                            "The plant's owner said production would remain suspended until inspectors finish their "
                            "work.", attribution="the plant's owner"), "reckless"),
    Lie("negation reversed", _lie("Environmental officials imposed a ban on fishing in the river.",
                                  "Environmental officials lifted a ban on fishing in the river on Thursday.",
                                  when_text="on Thursday", date="2025-06-12"), "imposed"),
    Lie("negation reversed", _lie("The company accepted claims that safety warnings had been ignored.",
                                  "The company rejected claims that safety warnings had been ignored.",
                                  attribution="the company"), "accepted claims"),
    Lie("negation removed", _lie("The operator said that fuel had leaked into the river.",
                                 "The operator denied that any fuel had leaked into the river.",
                                 attribution="the operator"), "said that fuel"),
]
FRESH_SUMMARY_LIES = [
    Lie("summary negation reversed", {}, "admitted that fuel"),
    Lie("summary negation reversed", {}, "confirmed the fuel"),
    Lie("summary wrong source", {}, "police said at least"),
    Lie("summary predicate the evidence lacks", {}, "streets were injured"),
    Lie("summary loaded word", {}, "negligent"),
    Lie("summary loaded word", {}, "chaotic"),
]
_LYING_SUMMARY = (" The operator admitted that fuel had leaked into the river. "
                  "The company confirmed the fuel had leaked into the river. "
                  "Police said at least 9 people were injured. "
                  "Residents of nearby streets were injured by the blast. "
                  "The negligent operator did not stop the explosion at the Harlow Chemicals plant. "
                  "Firefighters put out the chaotic fire on Wednesday morning.")
FRESH_LIES = FRESH_EVENT_LIES + FRESH_SUMMARY_LIES


def _user_text(body: dict[str, Any]) -> str:
    return "\n".join(str(m.get("content") or "") for m in body.get("messages", []) if m.get("role") == "user")


def fresh_responder(kind: str):  # type: ignore[no-untyped-def]
    """``honest``, ``liar`` or ``timeless`` (honest events without any time expression or date)."""

    def respond(request: Recorded) -> Reply:
        body = request.body
        text = _norm(_user_text(body))
        events = [e for e in FRESH_EVENTS if _norm(e["evidence"]) in text]
        if kind == "liar":
            lies = [lie.proposal for lie in FRESH_EVENT_LIES if _norm(lie.proposal["evidence"]) in text]
            events = [e for e in events if not any(e["evidence"] == lie["evidence"] for lie in lies)] + lies
        if kind == "timeless":
            events = [{**e, "when_text": None, "date": None} for e in events]
        summary = FRESH_SUMMARY + (_LYING_SUMMARY if kind == "liar" else "")
        reply: dict[str, Any] = {"events": events, "summary": summary} if is_extraction(body) else \
            {"summary": summary, "claims": []}
        content = json.dumps(reply, ensure_ascii=False)
        return completion(content, prompt_tokens=prompt_tokens(body), completion_tokens=count_tokens(content))

    return respond


def timeless_responder(request: Recorded) -> Reply:
    """A model that proposes every sentence the offline engine makes an event of, as its own
    evidence and wording, but names no time expression and no date (issue 23: dates must come
    from the evidence sentence, not from the model naming the expression)."""
    from corpus_responder import _BLOCK, _published

    from timeline.engines.local import extract_events
    from timeline.models import Article

    body = request.body
    if not is_extraction(body):
        reply: dict[str, Any] = {"summary": "", "claims": []}
    else:
        events = []
        for block in _BLOCK.finditer(_user_text(body)):
            article = Article(id="chunk", text=block.group("text"), published=_published(block.group("attrs")))
            for event in extract_events(article):
                quote = event.evidence[0].quote
                events.append(_event(" ".join(quote.split()), quote, attribution=event.attribution))
        reply = {"events": events, "summary": ""}
    content = json.dumps(reply, ensure_ascii=False)
    return completion(content, prompt_tokens=prompt_tokens(body), completion_tokens=count_tokens(content))
