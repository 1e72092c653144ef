"""A scripted "model" for any news text: what the benchmarks and packing tests talk to.

For every ``<article ... published="D">`` block of an extraction request it proposes one
event per sentence holding a time expression (the expression as ``when_text``, its reading
against D as ``date``, the sentence as the verbatim ``evidence``, the sentence's attribution),
a few undated attributed sentences, and a short partial summary, the way a good model
answers the prompt. Reduce requests get a summary stitched from the partial summaries.
Usage is counted like a provider bills it: messages (+4 each, +3) and the schema
(``seed_responder.prompt_tokens``).
"""
from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

from openai_server import Recorded, Reply, completion
from seed_responder import count_tokens, is_extraction, prompt_tokens

_BLOCK = re.compile(r"<article(?P<attrs>[^>]*)>\n?(?P<text>.*?)\n?</article>", re.S)


def _published(attrs: str) -> date | None:
    match = re.search(r'published="(\d{4}-\d{2}-\d{2})"', attrs)
    return date.fromisoformat(match.group(1)) if match else None


def events_for(text: str, published: date | None, limit: int = 12) -> list[dict[str, Any]]:
    from timeline.text.attribution import find_attribution
    from timeline.text.sentences import sentences
    from timeline.temporal import tag

    events: list[dict[str, Any]] = []
    for start, end in sentences(text):
        sentence = text[start:end].strip()
        if len(sentence) < 20:
            continue
        found = [t for t in tag(sentence, published) if t.value]
        source = find_attribution(sentence)
        if not found and not source:
            continue
        words = sentence.split()
        events.append({
            "when_text": found[0].text if found else None, "date": found[0].value if found else None,
            "what": " ".join(words[:18]).rstrip(",;:") + ("." if len(words) > 18 else ""),
            "who": [source] if source else [], "where": [], "attribution": source,
            "evidence": " ".join(words[:25]),
        })
        if len(events) >= limit:
            break
    return events


def partial_summary(events: list[dict[str, Any]], words: int = 40) -> str:
    parts = []
    for e in events[:8]:
        what = e["what"].rstrip(".")
        parts.append(f"According to {e['attribution']}, {what[:1].lower()}{what[1:]}." if e["attribution"] else f"{what}.")
    return " ".join(" ".join(parts).split()[:words])


def corpus_responder(request: Recorded) -> Reply:
    body = request.body
    if is_extraction(body):
        user = next(m["content"] for m in body["messages"] if m["role"] == "user")
        events = [e for m in _BLOCK.finditer(user) for e in events_for(m.group("text"), _published(m.group("attrs")))]
        final = "80-150" in body["messages"][0]["content"]  # as long as the prompt asks
        content = json.dumps({"events": events, "summary": partial_summary(events, 120 if final else 38)},
                             ensure_ascii=False)
    else:
        user = body["messages"][-1]["content"]
        items = [line for line in user.splitlines()[1:-1] if line.strip()]
        text = " ".join(" ".join(items).split()[:150])
        content = json.dumps({"summary": text, "claims": [{"text": i[:80], "source": None} for i in items[:5]]})
    return completion(content, prompt_tokens=prompt_tokens(body), completion_tokens=count_tokens(content),
                      model=body.get("model", "gpt-4o-mini"))
