"""The contract every engine keeps: extract events from a chunk, summarize a chronology."""
from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field

from ..errors import ChunkFailed
from ..models import Article, Chronology, Chunk, DroppedEvent, Event, Summary, Usage


@dataclass
class Extraction:
    """What one chunk yielded: grounded events, how many proposals were dropped, and why."""

    events: list[Event] = field(default_factory=list)
    dropped: int = 0
    warnings: list[str] = field(default_factory=list)
    rejected: list[DroppedEvent] = field(default_factory=list)  # the dropped proposals, with reasons


class Engine(ABC):
    """An engine turns chunks into grounded events and a chronology into a summary.

    Methods are async so the network engine can run chunks concurrently; the offline
    engine simply computes and returns.
    """

    name: str = "engine"

    def __init__(self) -> None:
        self.usage = Usage(engine=self.name)

    @abstractmethod
    async def extract(self, chunk: Chunk, article: Article) -> Extraction:
        """Events found in ``chunk`` (offsets in evidence index ``article.text``)."""

    def pack(self, chunks: list[Chunk], budget: int) -> list[list[Chunk]]:
        """How chunks are grouped into requests: one each, unless an engine packs them."""
        return [[chunk] for chunk in chunks]

    async def extract_pack(self, chunks: list[Chunk], articles: dict[str, Article]) -> list[Extraction | ChunkFailed]:
        """One result per chunk of ``chunks`` (a pack): its Extraction, or the ChunkFailed of a
        chunk that failed alone; raises ChunkFailed when the whole pack fails."""
        return [await self.extract(chunk, articles[chunk.article_id]) for chunk in chunks]

    @abstractmethod
    async def summarize(self, chronology: Chronology, articles: list[Article]) -> Summary:
        """A short neutral summary in which every claim keeps its source."""

    async def aclose(self) -> None:
        """Release network clients; nothing to do for offline engines."""
