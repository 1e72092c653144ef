"""``--dry-run``: what a briefing would send and roughly cost, sending nothing.

``plan(articles, options)`` chunks the articles exactly as ``brief`` would, renders every
extraction request, counts its tokens (messages and schema, with the counter's name), checks
which are already in the response cache, and prices the lot. Completion tokens and the
summary request cannot be known before the model answers; they are estimated and labelled.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from . import llm
from .models import Article
from .pricing import cost
from .tokens import TokenCounter, counter_for

COMPLETION_PER_CHUNK_TOKEN = 1.5  # events with verbatim quotes run longer than the text they quote
SUMMARY_OVERHEAD = 120
SUMMARY_COMPLETION = 250


def request_tokens(params: dict[str, Any], counter: TokenCounter) -> int:
    """Prompt tokens of one chat request: each message (+4 framing), +3 priming, + the schema."""
    total = sum(counter.count(str(m.get("content") or "")) + 4 for m in params["messages"]) + 3
    fmt = params.get("response_format") or {}
    if fmt.get("type") == "json_schema":
        total += counter.count(json.dumps(fmt["json_schema"]["schema"], separators=(",", ":")))
    return total


@dataclass
class ChunkPlan:
    article_id: str
    index: int
    start: int
    end: int
    chunk_tokens: int
    prompt_tokens: int
    cached: bool = False


@dataclass
class Plan:
    model: str
    token_counter: str
    exact: bool
    chunks: list[ChunkPlan] = field(default_factory=list)
    article_tokens: int = 0
    summary_prompt_tokens: int = 0  # estimate
    completion_tokens: int = 0  # estimate
    cost_usd: float | None = None

    @property
    def prompt_tokens(self) -> int:
        return sum(c.prompt_tokens for c in self.chunks if not c.cached) + self.summary_prompt_tokens

    @property
    def requests(self) -> int:
        return sum(1 for c in self.chunks if not c.cached) + 1

    def describe(self) -> str:
        """The plan as text for the terminal."""
        counter = self.token_counter + ("" if self.exact else ", approximate")
        lines = [f"dry run: nothing sent. model {self.model}; tokens counted with {counter}", ""]
        lines.append(f"{'article':<28} {'chunk':>5} {'chars':>13} {'chunk tok':>9} {'prompt tok':>10}  cached")
        for c in self.chunks:
            span = f"{c.start}-{c.end}"
            lines.append(f"{c.article_id[:28]:<28} {c.index:>5} {span:>13} {c.chunk_tokens:>9} {c.prompt_tokens:>10}  "
                         f"{'yes' if c.cached else 'no'}")
        price = f"${self.cost_usd:.4f}" if self.cost_usd is not None else "unknown (no price for this model)"
        ratio = self.prompt_tokens / self.article_tokens if self.article_tokens else 0.0
        lines += [
            "",
            f"article tokens: {self.article_tokens}",
            f"requests: {self.requests} ({len(self.chunks)} chunk(s), {sum(c.cached for c in self.chunks)} cached, 1 summary)",
            f"prompt tokens: {self.prompt_tokens} (summary estimated at {self.summary_prompt_tokens}); "
            f"{ratio:.2f} per article token",
            f"completion tokens (estimate): {self.completion_tokens}",
            f"estimated cost: {price}",
        ]
        return "\n".join(lines) + "\n"


def plan(articles: list[Article], options: Any) -> Plan:
    """What ``brief(articles, options)`` would send with the model engine, and its cost."""
    from .engines.openai_config import resolve_model  # no SDK import
    from .pipeline import chunk_articles

    model = resolve_model(options.model)
    counter = counter_for(model)
    by_id = {a.id: a for a in articles}
    cache = None
    if options.use_cache:
        from .cache import ResponseCache

        cache = ResponseCache(options.cache_dir)
    result = Plan(model=model, token_counter=counter.name, exact=counter.exact)
    try:
        for chunk in chunk_articles(articles, options, model):
            article = by_id[chunk.article_id]
            params = llm.extract_request(chunk, article, model, options.prompts_dir)
            published = article.published.isoformat() if article.published else ""
            cached = bool(cache is not None and cache.get(llm.cache_key(params, chunk.text, published)) is not None)
            result.chunks.append(ChunkPlan(chunk.article_id, chunk.index, chunk.start, chunk.end, chunk.tokens,
                                           request_tokens(params, counter), cached))
    finally:
        if cache is not None:
            cache.close()
    result.article_tokens = sum(counter.count(a.text) for a in articles)
    sent = [c for c in result.chunks if not c.cached]
    result.summary_prompt_tokens = SUMMARY_OVERHEAD + result.article_tokens // 2
    result.completion_tokens = int(sum(c.chunk_tokens for c in sent) * COMPLETION_PER_CHUNK_TOKEN) + SUMMARY_COMPLETION
    result.cost_usd = cost(model, result.prompt_tokens, 0, result.completion_tokens)
    return result
