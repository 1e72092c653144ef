"""The one small interface between the provider-neutral LLM engine and a provider.

A transport sends one chat request and returns a ``Completion(text, stop, usage)``. It owns
what is specific to its protocol: the client, authentication, retries and Retry-After,
and turning the provider's errors into ``EngineError`` (stops the run) or ``ChunkFailed``
(stops one chunk), with secrets redacted. Everything else (prompts, structured output and
its one re-ask, the cache, truncation, map-reduce, usage and cost, the dry run) is the
engine's, so adding a provider is one new file here.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from timeline.errors import ChunkFailed

from timeline.models import RequestUsage

STOP, LENGTH, REFUSAL = "stop", "length", "refusal"


@dataclass(frozen=True)
class Request:
    """One chat request: rendered messages, the reply's JSON schema (None: JSON-object mode,
    the schema is in the prompt) and sampling parameters."""

    model: str
    messages: list[dict[str, str]]
    schema_name: str
    schema: dict[str, Any] | None
    parameters: dict[str, Any] = field(default_factory=dict)
    plain: bool = False  # no response_format at all: plain-text JSON, the schema in the prompt
    grammar: dict[str, Any] | None = None  # JSON-object mode's ``schema`` for servers that compile it to a grammar

    def as_dict(self) -> dict[str, Any]:
        """The request in the common chat-completions shape (also what the cache key hashes)."""
        if self.plain:
            return {"model": self.model, "messages": self.messages, **self.parameters}
        fmt: dict[str, Any] = {"type": "json_object"} if self.schema is None else {
            "type": "json_schema", "json_schema": {"name": self.schema_name, "strict": True, "schema": self.schema}}
        if self.schema is None and self.grammar is not None:
            fmt["schema"] = self.grammar
        return {"model": self.model, "messages": self.messages, "response_format": fmt, **self.parameters}

    @property
    def mode(self) -> str:
        """The reply format asked for: ``json_schema``, ``json_object+schema``, ``json_object`` or ``text``."""
        if self.plain:
            return "text"
        if self.schema is None:
            return "json_object" if self.grammar is None else "json_object+schema"
        return "json_schema"


@dataclass(frozen=True)
class Completion:
    """What came back: the reply text, why it stopped (``stop``, ``length`` when cut off at
    the token limit, ``refusal`` with the refusal as text) and the tokens it cost."""

    text: str | None
    stop: str
    usage: RequestUsage = field(default_factory=RequestUsage)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "stop": self.stop, "usage": self.usage.model_dump()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Completion:
        return cls(text=data.get("text"), stop=str(data.get("stop") or STOP),
                   usage=RequestUsage.model_validate(data.get("usage") or {}))


class SchemaRejected(Exception):
    """The server does not take the reply format asked for (``json_schema``, then the JSON-object modes);
    the engine falls back to the next mode: JSON-object, then plain-text JSON."""


class Transport(Protocol):
    """A provider behind ``complete``; ``endpoint`` names it in messages."""

    endpoint: str

    async def complete(self, request: Request) -> Completion:
        """The completion of ``request``; raises EngineError, ChunkFailed or SchemaRejected."""
        ...

    async def aclose(self) -> None:
        """Release the client."""
        ...


def completion_of(data: dict[str, Any]) -> Completion:
    """A chat-completions response body (the shape OpenAI-compatible servers share, and the
    shape older cache entries hold) as a Completion."""
    choices = data.get("choices") or []
    if not choices:
        raise ChunkFailed("the server returned no choices")
    message = choices[0].get("message") or {}
    usage = data.get("usage") or {}
    details = usage.get("prompt_tokens_details") or {}
    counted = RequestUsage(prompt_tokens=int(usage.get("prompt_tokens") or 0),
                           cached_tokens=int(details.get("cached_tokens") or 0),
                           completion_tokens=int(usage.get("completion_tokens") or 0))
    if message.get("refusal"):
        return Completion(text=str(message["refusal"]), stop=REFUSAL, usage=counted)
    stop = LENGTH if choices[0].get("finish_reason") == "length" else STOP
    return Completion(text=message.get("content"), stop=stop, usage=counted)
