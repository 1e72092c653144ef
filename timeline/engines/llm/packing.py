"""Packing: several short chunks (usually whole short articles) in one extraction request.

Every request pays a fixed price (system prompt, schema, message framing); a briefing of
many short articles would pay it once per article. ``pack_chunks`` groups chunks (first
fit, in order) while their text fits the chunk budget, so the fixed price is paid once per
pack. The model sees each chunk as its own ``<article id="N" published="...">`` block.

The model does not say which article an event came from (that would cost schema and
output tokens, and a model can get it wrong); ``assign`` decides it from the evidence: an
event belongs to the chunk whose text contains its quote. When the same quote is in
several chunks (a wire story reprinted), the k-th proposal with that quote goes to the
k-th chunk holding it, in order, so each copy keeps its own publication date.
"""
from __future__ import annotations

from typing import Any, Sequence

from timeline.models import Chunk
from timeline.text.quotes import find_quote

PACK_FRAMING_TOKENS = 16  # the <article id="N" published="YYYY-MM-DD"> ... </article> lines, per chunk


def pack_chunks(chunks: Sequence[Chunk], budget: int) -> list[list[Chunk]]:
    """``chunks`` grouped so each group's tokens (text + per-article framing) fit ``budget``.

    First fit, in order: each chunk joins the first pack it fits in, else starts a new one;
    a chunk that fills the budget alone stays alone. Deterministic, so the dry-run plan,
    the cache key and the request agree; within a pack chunks keep their input order.
    """
    packs: list[list[Chunk]] = []
    sizes: list[int] = []
    for chunk in chunks:
        cost = chunk.tokens + PACK_FRAMING_TOKENS
        for i, size in enumerate(sizes):
            if size + cost <= budget:
                packs[i].append(chunk)
                sizes[i] += cost
                break
        else:
            packs.append([chunk])
            sizes.append(cost)
    return packs


def assign(proposals: Sequence[Any], chunks: Sequence[Chunk]) -> tuple[list[list[Any]], list[Any]]:
    """(proposals per chunk, proposals whose evidence is in no chunk) for one pack's reply."""
    per_chunk: list[list[Any]] = [[] for _ in chunks]
    unplaced: list[Any] = []
    if len(chunks) == 1:
        per_chunk[0] = list(proposals)  # verify grounds (or drops) them against the one chunk
        return per_chunk, unplaced
    seen: dict[str, int] = {}
    holders: dict[str, list[int]] = {}
    for proposal in proposals:
        quote = proposal.evidence
        if quote not in holders:
            holders[quote] = [i for i, c in enumerate(chunks) if find_quote(quote, c.text) is not None]
        where = holders[quote]
        if not where:
            unplaced.append(proposal)
            continue
        k = seen.get(quote, 0)
        seen[quote] = k + 1
        per_chunk[where[k % len(where)]].append(proposal)
    return per_chunk, unplaced
