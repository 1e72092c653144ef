"""The contract every engine keeps: extract events from a chunk, summarize a chronology."""
from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field

from ..models import Article, Chronology, Chunk, Event, Summary, Usage


@dataclass
class Extraction:
    """What one chunk yielded: grounded events, how many proposals were dropped, and why."""

    events: list[Event] = field(default_factory=list)
    dropped: int = 0
    warnings: list[str] = field(default_factory=list)


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

    @abstractmethod
    async def summarize(self, chronology: Chronology, articles: list[Article]) -> Summary:
        """A short neutral summary in which every claim keeps its source."""

    async def aclose(self) -> None:
        """Release network clients; nothing to do for offline engines."""
