"""``--dry-run``: what a briefing would send and roughly cost, sending nothing.

``LLMEngine.plan(articles)`` chunks and packs the articles with the engine's own code,
renders every extraction request, counts its tokens (messages and schema, with the
counter's name), checks which are already in the response cache, and prices the lot into a
``Plan`` (this module: the counting and the report). Completion tokens and
the reduce request (only when there is more than one extraction request) cannot be known
before the model answers; they are estimated and labelled.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from timeline.text.tokens import TokenCounter

COMPLETION_PER_CHUNK_TOKEN = 1.5  # events with verbatim quotes run longer than the text they quote
PARTIAL_SUMMARY_TOKENS = 55  # a partial summary ("under 40 words") as the reduce request reads it
SUMMARY_COMPLETION = 250


def schema_tokens(params: dict[str, Any], counter: TokenCounter) -> int:
    fmt = params.get("response_format") or {}
    if fmt.get("type") == "json_schema":
        return counter.count(json.dumps(fmt["json_schema"]["schema"], separators=(",", ":")))
    return 0


def request_tokens(params: dict[str, Any], counter: TokenCounter) -> int:
    """Prompt tokens of one chat request: each message (+4 framing), +3 priming, + the schema."""
    total = sum(counter.count(str(m.get("content") or "")) + 4 for m in params["messages"]) + 3
    return total + schema_tokens(params, counter)


def breakdown(params: dict[str, Any], counter: TokenCounter, chunk_texts: list[str]) -> dict[str, int]:
    """Where one extraction request's prompt tokens go: system prompt, schema, chunk text,
    and framing (message overhead, <article> tags, anything else in the user message)."""
    total = request_tokens(params, counter)
    system = sum(counter.count(str(m.get("content") or "")) for m in params["messages"] if m["role"] == "system")
    schema = schema_tokens(params, counter)
    text = sum(counter.count(t) for t in chunk_texts)
    return {"total": total, "system": system, "schema": schema, "chunk_text": text,
            "framing": total - system - schema - text}


@dataclass
class ChunkPlan:
    article_id: str
    index: int
    start: int
    end: int
    chunk_tokens: int
    prompt_tokens: int  # of the whole request this chunk is in
    cached: bool = False
    request: int = 0  # which extraction request (pack) carries this chunk


@dataclass
class Plan:
    model: str
    token_counter: str
    exact: bool
    chunks: list[ChunkPlan] = field(default_factory=list)
    article_tokens: int = 0
    summary_prompt_tokens: int = 0  # estimate (the reduce request; 0 when one request reads everything)
    completion_tokens: int = 0  # estimate
    cost_usd: float | None = None

    def _requests(self) -> dict[int, ChunkPlan]:
        return {c.request: c for c in self.chunks}

    @property
    def extraction_requests(self) -> int:
        return len(self._requests())

    @property
    def prompt_tokens(self) -> int:
        return sum(c.prompt_tokens for c in self._requests().values() if not c.cached) + self.summary_prompt_tokens

    @property
    def requests(self) -> int:
        return sum(1 for c in self._requests().values() if not c.cached) + (1 if self.summary_prompt_tokens else 0)

    def describe(self) -> str:
        """The plan as text for the terminal."""
        counter = self.token_counter + ("" if self.exact else ", approximate")
        lines = [f"dry run: nothing sent. model {self.model}; tokens counted with {counter}", ""]
        lines.append(f"{'article':<28} {'chunk':>5} {'chars':>13} {'chunk tok':>9} {'request':>7} {'prompt tok':>10}  cached")
        shown: set[int] = set()
        for c in self.chunks:
            span = f"{c.start}-{c.end}"
            prompt = "" if c.request in shown else str(c.prompt_tokens)
            shown.add(c.request)
            lines.append(f"{c.article_id[:28]:<28} {c.index:>5} {span:>13} {c.chunk_tokens:>9} {c.request:>7} "
                         f"{prompt:>10}  {'yes' if c.cached else 'no'}")
        price = f"${self.cost_usd:.4f}" if self.cost_usd is not None else "unknown (no price for this model)"
        ratio = self.prompt_tokens / self.article_tokens if self.article_tokens else 0.0
        cached = sum(1 for c in self._requests().values() if c.cached)
        if self.chunks and cached == len(self._requests()) and not self.summary_prompt_tokens:
            price = "none: every request is cached, nothing would be sent"
        summary = ("1 reduce over their partial summaries" if self.summary_prompt_tokens
                   else "no summary request: the extraction reply carries it")
        lines += [
            "",
            f"article tokens: {self.article_tokens}",
            f"requests: {self.requests} ({len(self.chunks)} chunk(s) in {self.extraction_requests} extraction "
            f"request(s), {cached} cached; {summary})",
            f"prompt tokens: {self.prompt_tokens} (reduce estimated at {self.summary_prompt_tokens}); "
            f"{ratio:.2f} per article token",
            f"completion tokens (estimate): {self.completion_tokens}",
            f"estimated cost: {price}",
        ]
        return "\n".join(lines) + "\n"
