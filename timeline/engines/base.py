"""The contract every engine keeps: propose events for chunks, summarize a chronology.

Engines propose, they do not decide. What an engine returns for a chunk is a list of
``Proposal``s (a verbatim time expression, an evidence quote and the engine's reading) and,
when it has one, a partial summary; the pipeline passes every proposal through
``verify`` (the same stage for every engine) before anything reaches a briefing.
"""
from __future__ import annotations

from datetime import date
from typing import Any, Mapping, Sequence

from abc import ABC, abstractmethod
from dataclasses import dataclass, field

from timeline.errors import ChunkFailed
from timeline.models import Article, Chronology, Chunk, DroppedEvent, Event, Proposal, Summary, Usage


@dataclass(frozen=True)
class Tagging:
    """The time expressions ``temporal.tag(text, published)`` found: the offline engine's
    tagging of a chunk, handed to verify with its proposals so verify does not tag again.
    Verify uses it only for the exact chunk text and date it was made for.

    ``sentence_dates``: for each sentence the engine dated, keyed by its span in ``text``
    (chunk-relative ``(start, end)``), what ``temporal.sentence_dates`` gave over that span's
    own expressions, their offsets chunk-relative. The key is the whole input of that
    computation (the span's text and, with the same ``expressions``, the span's expressions),
    so verify takes an entry only for a sentence span equal to its own and recomputes every
    other (a fold of two sentences, a span split otherwise at a line end). Only the offline
    engine's taggings reach verify (``run.propose._propose_all`` drops any other engine's)."""

    text: str
    published: date | None
    expressions: tuple[Any, ...]
    sentence_dates: Mapping[tuple[int, int], tuple[Any, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class ChunkProposals:
    """What an engine proposes for one chunk.

    ``summaries``: partial summaries of the request(s) this chunk opened (the map half of a
    model summary; empty for the offline engine). ``unplaced``: proposals of the chunk's
    request whose evidence is in none of its chunks, with the reason (the verify stage
    counts them as dropped and lists them in ``Briefing.dropped``). ``warnings``: notes
    for the briefing (a cache that could not be opened, a server without json_schema...).
    """

    proposals: list[Proposal] = field(default_factory=list)
    summaries: list[str] = field(default_factory=list)
    unplaced: list[DroppedEvent] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    tagging: Tagging | None = None  # the chunk's time expressions, when the engine tagged it


class Engine(ABC):
    """An engine turns chunks into proposals and a chronology into a summary.

    Methods are async so the network engine can run chunks concurrently; the offline
    engine simply computes and returns. ``usage`` counts what the engine spent.
    """

    name: str = "engine"
    model: str | None = None
    # True for an engine that computes offline and can be rebuilt with no arguments in a worker
    # process (``engine_class()``): a large run then proposes and verifies over several cores
    # (timeline/parallel.py). Engines that send requests stay in one process.
    parallel: bool = False
    # Whether the engine counts tokens once the chunks are proposed (the model engine packs its
    # summary requests by tokens). One that does not lets the run drop the tokenizer after
    # propose (about 35 MB, held for nothing through merge and render).
    counts_tokens: bool = True

    def __init__(self) -> None:
        self.usage = Usage(engine=self.name)

    @abstractmethod
    async def propose(self, chunk: Chunk, article: Article) -> ChunkProposals:
        """Proposed events for ``chunk`` (their evidence quotes are from ``chunk.text``)."""

    def pack(self, chunks: list[Chunk], budget: int) -> list[list[Chunk]]:
        """How chunks are grouped into requests: one each, unless an engine packs them."""
        return [[chunk] for chunk in chunks]

    async def propose_pack(self, chunks: list[Chunk], articles: dict[str, Article]
                           ) -> list[ChunkProposals | ChunkFailed]:
        """One result per chunk of ``chunks`` (a pack): its proposals, or the ChunkFailed of a
        chunk that failed alone; raises ChunkFailed when the whole pack fails."""
        return [await self.propose(chunk, articles[chunk.article_id]) for chunk in chunks]

    @abstractmethod
    async def summarize(self, chronology: Chronology, articles: list[Article], partials: Sequence[str] = ()) -> Summary:
        """A short neutral summary in which every claim keeps its source.

        ``partials``: the partial summaries the proposals came with, in article order, when
        this run read every article (else empty: the summary is made from the chronology).
        """

    async def summarize_day(self, events: list[Event]) -> str | None:
        """A short neutral summary of one key day's verified events (``--key-dates``), or
        None when the engine writes none (the offline engine: the day's events stand alone).
        Raises ChunkFailed when the request fails; ``key_day_summary`` checks what it says."""
        return None

    async def aclose(self) -> None:
        """Release network clients; nothing to do for offline engines."""
