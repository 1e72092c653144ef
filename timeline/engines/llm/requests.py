"""What the model is asked and what it must answer: request building with no network.

The response contract is a pair of pydantic models; their JSON schema, made strict
(every field required, no extra properties, nullable fields typed ``[T, "null"]``), goes
to the server as ``response_format``. Business rules the schema cannot say (an ISO date
shape) live in validators, so the validation error itself tells the model what to fix on
the one re-ask. Everything here is pure, so ``--dry-run`` and the cache key share it with
the engine without importing the OpenAI SDK.
"""
from __future__ import annotations

import hashlib
import json
import re
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator

from timeline.models import Article, Chunk, without
from timeline.engines.llm.prompts import load_prompt

DEFAULT_MODEL = "gpt-4o-mini"
PARAMETERS: dict[str, Any] = {"temperature": 0}
ISO_PATTERN = "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?(/[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?)?$"  # also the grammar's
_ISO = re.compile(ISO_PATTERN)


class _Reply(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ProposedEvent(_Reply):
    """One event as the model proposes it; verify.py decides what survives.

    There is no ``precision`` field: the precision of the model's reading is the shape of
    its ISO value (YYYY, YYYY-MM, YYYY-MM-DD, A/B; null = unknown), and verify derives the
    precision it keeps from the resolver, never from the model. Asking for it cost ~20
    schema tokens per request for nothing. Replies that still carry one are accepted.
    """

    when_text: str | None
    date: str | None
    what: str
    who: list[str]
    where: list[str]
    attribution: str | None
    evidence: str

    @field_validator("date")
    @classmethod
    def _iso(cls, value: str | None) -> str | None:
        if value is not None and not _ISO.match(value.strip()):
            raise ValueError("must be null or ISO: YYYY, YYYY-MM, YYYY-MM-DD, or START/END")
        return value.strip() if value else value

    @model_validator(mode="before")
    @classmethod
    def _drop_precision(cls, data: Any) -> Any:
        return without(data, "precision")

    @property
    def precision(self) -> str:
        """The precision the model's ISO reading implies."""
        if not self.date:
            return "unknown"
        return "range" if "/" in self.date else {4: "year", 7: "month", 10: "day"}.get(len(self.date), "unknown")


class ProposedEvents(_Reply):
    """The extraction reply: the events of every article in the request and a short neutral
    summary of them (the "map" half of the summary; see ``engines/llm/engine.py``)."""

    events: list[ProposedEvent]
    summary: str = ""  # required by the strict schema; tolerated missing from older replies


class SummaryClaim(_Reply):
    text: str
    source: str | None


class SummaryReply(_Reply):
    summary: str
    claims: list[SummaryClaim]


class ReduceReply(_Reply):
    """The reduce step's reply: the summary only. Its claims are the summary's attributed
    sentences, found by code (``attribution.find_attribution``) as for a one-request
    briefing; asking the model to repeat them would cost schema and output tokens."""

    summary: str

    @model_validator(mode="before")
    @classmethod
    def _drop_claims(cls, data: Any) -> Any:
        return without(data, "claims")


def strict_schema(model: type[BaseModel]) -> dict[str, Any]:
    """``model``'s JSON schema in the shape strict structured output accepts, compactly."""
    raw = model.model_json_schema()
    defs = raw.pop("$defs", {})

    def walk(node: Any) -> Any:
        if isinstance(node, list):
            return [walk(n) for n in node]
        if not isinstance(node, dict):
            return node
        if "$ref" in node:
            return walk(defs[node["$ref"].rsplit("/", 1)[-1]])
        out = {k: walk(v) for k, v in node.items() if k not in ("title", "default", "description")}
        any_of = out.get("anyOf")
        if any_of and len(any_of) == 2 and {"type": "null"} in any_of:
            other = next(a for a in any_of if a != {"type": "null"})
            if set(other) == {"type"} and isinstance(other["type"], str):
                out.pop("anyOf")
                out["type"] = [other["type"], "null"]
        if out.get("type") == "object" and "properties" in out:
            out["required"] = list(out["properties"])
            out["additionalProperties"] = False
        return out

    return walk(raw)


def response_format(name: str, model: type[BaseModel]) -> dict[str, Any]:
    return {"type": "json_schema", "json_schema": {"name": name, "strict": True, "schema": strict_schema(model)}}


JSON_OBJECT = {"type": "json_object"}

# Bounds for the grammar a local server compiles from the schema in ``json_object`` mode
# (llama-cpp-python and llama.cpp's server turn ``response_format.schema`` into a grammar):
# without them a small model bound to the grammar can fill its whole context with one
# endless string or array (SmolLM2-135M on the seed: 7,252 tokens, 640 s).
# The lengths are a budget, not a guess: llama-cpp-python 0.3 writes a string of at most N
# characters as N nested optional groups, and llama.cpp refuses a grammar of more than 2,000
# such rules ("exceeds sane defaults"); its server then dies. So the maxLengths of one reply
# sum to at most GRAMMAR_BUDGET (a test holds every reply to it): short fields short, the
# event's text and the summary what a news sentence and an 80-150 word summary need.
GRAMMAR_BUDGET = 1800
_MAX_ITEMS = {"events": 40, "claims": 20}
_MAX_LENGTH = {"what": 250, "evidence": 300, "summary": 900, "text": 300, "source": 80,
               "attribution": 80}
_MAX_LIST, _MAX_SHORT = 12, 60


def grammar_schema(model: type[BaseModel], quotes: list[str] | None = None) -> dict[str, Any]:
    """``model``'s strict schema with every string and array bounded, for servers that compile
    ``response_format: {"type": "json_object", "schema": ...}`` into a grammar.

    ``quotes``: the sentences of the request's text; ``evidence`` must then be one of them
    verbatim (an ``enum``), so a small model cannot misquote. Verification still checks it
    like any quote; this only keeps a grammar-bound model from inventing one.
    """

    def bound(node: Any, key: str | None = None) -> Any:
        if isinstance(node, list):
            return [bound(n, key) for n in node]
        if not isinstance(node, dict):
            return node
        out = {k: (v if k in ("required", "enum") else bound(v, k)) for k, v in node.items()}
        if key == "properties":  # property names, not a schema
            return out
        kinds = out.get("type")
        if isinstance(kinds, list) and "null" in kinds and len(kinds) == 2:
            # llama-cpp-python drops every bound of a ``[T, "null"]`` type; as ``anyOf`` it keeps them
            other = {**out, "type": next(k for k in kinds if k != "null")}
            return {"anyOf": [bound(other, key), {"type": "null"}]}
        if kinds == "array":
            out["maxItems"] = _MAX_ITEMS.get(key or "", _MAX_LIST)
        if kinds == "string" and key == "date":
            out["pattern"] = ISO_PATTERN  # the validator's shape, so a grammar-bound reply always passes it
        elif kinds == "string":
            out["maxLength"] = _MAX_LENGTH.get(key or "", _MAX_SHORT)
        return out

    schema = bound(strict_schema(model))
    if quotes and model is ProposedEvents:
        unique = list(dict.fromkeys(quotes))
        events = schema["properties"]["events"]
        events["items"]["properties"]["evidence"] = {"enum": unique}
        # An event rests on a sentence of its own: more events than sentences is a model
        # repeating itself (as a grammar-bound small one does until its budget runs out).
        events["maxItems"] = min(events["maxItems"], len(unique))
    return schema


def _quotes(items: list[tuple[Chunk, Article]]) -> list[str]:
    """The sentences of a pack's chunks, as the evidence a grammar-bound model may quote."""
    from timeline.text.sentences import sentences

    found = []
    for chunk, _ in items:
        for start, end in sentences(chunk.text):
            sentence = chunk.text[start:end].strip()
            if sentence:
                found.append(sentence)
    return found


def _format(mode: str, name: str, model: type[BaseModel], quotes: list[str] | None = None) -> dict[str, Any]:
    """The ``response_format`` of ``mode`` (see ``engine.MODES``); text mode sends none, so the
    caller drops it."""
    if mode == "json_schema":
        return response_format(name, model)
    if mode == "json_object+schema":
        return {**JSON_OBJECT, "schema": grammar_schema(model, quotes)}
    return JSON_OBJECT


def _schema_text(model: type[BaseModel]) -> str:
    return json.dumps(strict_schema(model), separators=(",", ":"))


def published_text(article: Article) -> str:
    return article.published.isoformat() if article.published else "unknown"


def pack_request(
    items: list[tuple[Chunk, Article]], model: str, prompts_dir: str | None = None, mode: str = "json_schema",
    final: bool = True,
) -> dict[str, Any]:
    """One extraction request for several chunks (a pack, see ``packing.py``).

    Each chunk is its own ``<article published="...">`` block with its article's publication
    date. No id: verification places each event by its quote (``packing.assign``), so an id
    would cost tokens and tell the model nothing it needs.
    ``final``: this is the briefing's only request, so its summary is the briefing's (80-150
    words); else a short partial summary for the one reduce request.
    ``mode``: the reply format (``engine.MODES``); in every mode but ``json_schema`` the
    schema is in the prompt too.
    """
    template = load_prompt("extract_events", prompts_dir)
    first_chunk, first_article = items[0]
    articles = [] if len(items) == 1 else [
        {"published": published_text(a), "text": c.text} for c, a in items
    ]
    messages = template.render(
        published=published_text(first_article), article=first_chunk.text, articles=articles, final=final,
        schema=_schema_text(ProposedEvents) if mode != "json_schema" else "",
    )
    quotes = _quotes(items) if mode == "json_object+schema" else None
    fmt = _format(mode, "events", ProposedEvents, quotes)
    return {"model": model, "messages": messages, "response_format": fmt, **PARAMETERS}


def pack_key_parts(items: list[tuple[Chunk, Article]]) -> tuple[str, str]:
    """(chunk text, publication dates) for ``cache_key`` of a pack's request; for one chunk
    exactly its text and date, so single-chunk keys are unchanged."""
    text = "\n\x00".join(c.text for c, _ in items)
    dates = ",".join(a.published.isoformat() if a.published else "" for _, a in items)
    return text, dates


def packs_supported(prompts_dir: str | None = None) -> bool:
    """True when the extraction template renders packs (declares the ``articles`` input);
    a custom ``--prompts`` template that does not gets one chunk per request."""
    return "articles" in load_prompt("extract_events", prompts_dir).inputs


def summarize_request(
    items: list[str], model: str, prompts_dir: str | None = None, mode: str = "json_schema",
    prompt: str = "summarize",
) -> dict[str, Any]:
    """Keyword arguments for ``chat.completions.create`` summarizing ``items``
    (chronology lines with ``prompt="summarize"``, partial summaries with ``"reduce"``)."""
    template = load_prompt(prompt, prompts_dir)
    reply = ReduceReply if prompt == "reduce" else SummaryReply
    messages = template.render(items=items, schema=_schema_text(reply) if mode != "json_schema" else "")
    fmt = _format(mode, "summary", reply)
    return {"model": model, "messages": messages, "response_format": fmt, **PARAMETERS}


def cache_key(params: dict[str, Any], chunk_text: str = "", published: str = "") -> str:
    """sha256 over model, messages, schema and parameters (all in ``params``), chunk text and date."""
    blob = json.dumps({"params": params, "chunk": chunk_text, "published": published}, sort_keys=True,
                      ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def parse_reply(content: str | None, model: type[BaseModel]) -> BaseModel:
    """The validated reply; raises ValueError with a message fit to send back to the model."""
    if not content or not content.strip():
        raise ValueError("the reply was empty; answer with the JSON object only")
    text = content.strip()
    if text.startswith("```"):  # some local servers wrap JSON in a fence
        text = re.sub(r"^```(?:json)?\s*|\s*```$", "", text)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        inner = text[text.find("{"):text.rfind("}") + 1]  # plain-text mode: "Here is the JSON: {...}"
        try:
            data = json.loads(inner) if inner and inner != text else None
        except json.JSONDecodeError:
            data = None
        if data is None:
            raise ValueError(f"the reply was not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})") from None
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'reply'}: {err['msg']}" for err in exc.errors()[:8]
        )
        raise ValueError(f"the reply did not match the schema ({problems})") from None


def reask_messages(params: dict[str, Any], raw: str | None, problem: str) -> dict[str, Any]:
    """``params`` with the failed reply and the validation error appended (one re-ask)."""
    messages = list(params["messages"]) + [
        {"role": "assistant", "content": raw or ""},
        {"role": "user", "content": f"Your reply was rejected: {problem}. Reply again with corrected JSON only."},
    ]
    return {**params, "messages": messages}


def chronology_lines(events: list[Any], undated_label: str = "undated") -> list[str]:
    """One compact line per event for the summary prompt: ``date | what | per source``."""
    lines = []
    for event in events:
        when = event.when.value if event.when and event.when.value else undated_label
        per = f" | per {event.attribution}" if event.attribution else ""
        lines.append(f"{when} | {' '.join(event.what.split())}{per}")
    return lines
