"""The data that flows through the pipeline, as pydantic models.

Everything a user can see in a JSON briefing is defined here, so the JSON output is
this module's schema (versioned by ``SCHEMA_VERSION``).
"""
from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, computed_field, model_validator

from timeline.timepoint import Period, precision_of

SCHEMA_VERSION = "1.0"

Precision = Literal["year", "month", "day", "range", "unknown"]


def without(data: Any, *keys: str) -> Any:
    """``data`` minus ``keys`` when it is a dict: for before-validators that accept and ignore a
    field (a derived one read back from JSON, or one an older reply shape still sends)."""
    if isinstance(data, dict) and any(k in data for k in keys):
        return {k: v for k, v in data.items() if k not in keys}
    return data


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Article(_Strict):
    """One news article as read from disk, stdin or a JSONL line."""

    model_config = ConfigDict(extra="forbid", frozen=True)  # stages return new values (model_copy)

    id: str
    title: str | None = None
    text: str
    published: date | None = None
    source: str | None = None
    url: str | None = None
    path: str | None = None


class ArticleInfo(_Strict):
    """An article as cited in a briefing: everything but its text."""

    id: str
    number: int
    title: str | None = None
    published: date | None = None
    source: str | None = None
    url: str | None = None
    path: str | None = None
    chars: int = 0
    copies: list[ArticleCopy] = Field(default_factory=list)


class ArticleCopy(_Strict):
    """Another input that is the same article (a syndicated copy, the same file twice, a
    symlink): read once, cited under the article it copies, never counted as a second source."""

    id: str
    source: str | None = None
    title: str | None = None
    published: date | None = None
    url: str | None = None
    path: str | None = None
    reason: str


class Chunk(_Strict):
    """A piece of one article sent to an engine; offsets are into ``Article.text``."""

    model_config = ConfigDict(extra="forbid", frozen=True)  # stages return new values (model_copy)

    article_id: str
    index: int
    start: int
    end: int
    text: str
    tokens: int


class TimePoint(_Strict):
    """When something happened, at the precision the text gives and no finer.

    ``value`` is an ISO-8601 prefix ("2024", "2024-11", "2024-11-29") or a range "A/B";
    None when the expression cannot be resolved (e.g. "Friday" with no publication date).
    ``period`` is the value as a ``timepoint.Period`` (bounds, sort key, clipping, display):
    ask it rather than reading the string. ``precision`` is the value's own (it is derived
    from the value when not given, and a precision the value does not have is refused), so
    the JSON keeps the field and it can never disagree with the value.
    """

    value: str | None
    precision: Precision = "unknown"  # replaced by the value's own precision when not given
    text: str
    model_reading: bool = Field(
        default=False,
        description="True when the value is the model's reading of an expression our resolver cannot read: "
                    "shown as \"model's reading (unverified)\" in every format.",
    )

    @model_validator(mode="before")
    @classmethod
    def _derive_precision(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("precision") is None:
            return {**data, "precision": precision_of(data.get("value"))}
        return data

    @model_validator(mode="after")
    def _precision_is_the_values(self) -> TimePoint:
        if self.precision != precision_of(self.value):
            raise ValueError(f"precision {self.precision!r} is not that of {self.value!r}")
        return self

    @property
    def period(self) -> Period | None:
        """The value as a Period; None when unresolved."""
        return Period.of(self.value)


class Proposal(_Strict):
    """One event as an engine proposes it; nothing in it is trusted until ``verify`` checks it.

    ``when_text`` is the verbatim time expression, ``evidence`` a verbatim quote from the
    chunk, ``date`` the engine's own reading (ISO prefix or "A/B"; verify re-derives the
    date from ``when_text`` with our resolver and keeps the engine's only when the resolver
    has none). ``precision`` is accepted from engines that state one and never trusted.
    """

    when_text: str | None = None
    date: str | None = None
    what: str
    who: list[str] = Field(default_factory=list)
    where: list[str] = Field(default_factory=list)
    attribution: str | None = None
    evidence: str
    precision: Precision | None = None


class Evidence(_Strict):
    """A verbatim quote from an article, with character offsets into its text.

    ``when`` is the date this source gives for the event, so a merged event keeps every
    source's own reading and conflicts can be recomputed whenever events are re-merged.
    """

    article_id: str
    start: int
    end: int
    quote: str
    when: TimePoint | None = None
    attribution: str | None = None  # who this source says said it ("the county"), set by merge


class Conflict(_Strict):
    """Sources that disagree about one event: each value with the article that gives it."""

    kind: Literal["date", "figure"]
    label: str
    values: list[ConflictValue]
    latest: str | None = None  # a figure update's latest value ("9"), shown wherever the event is


class ConflictValue(_Strict):
    value: str
    article_id: str
    source: str | None = None  # the outlet ("Harbor Wire")
    attribution: str | None = None  # who the outlet says gave the figure ("the county")
    published: str | None = None  # the outlet's publication day (an update's steps are dated)


class Event(_Strict):
    """One thing that happened, grounded in at least one evidence quote.

    ``evidence[0]`` is the primary quote; merged events keep one evidence per source.
    ``when`` is None for undated events (they go to the undated section).
    """

    when: TimePoint | None
    what: str
    who: list[str] = Field(default_factory=list)
    where: list[str] = Field(default_factory=list)
    attribution: str | None = None
    evidence: list[Evidence]
    flags: list[str] = Field(default_factory=list)
    conflicts: list[Conflict] = Field(default_factory=list)
    figure_updates: list[Conflict] = Field(default_factory=list)  # a later report revising a figure: not a dispute
    merge_signals: list[str] = Field(default_factory=list)  # why reports were joined into this event
    is_new: bool = False

    @model_validator(mode="before")
    @classmethod
    def _drop_derived(cls, data: Any) -> Any:
        """A briefing read back from JSON carries the derived ``sources``; it is recomputed."""
        return without(data, "sources")

    @computed_field  # type: ignore[prop-decorator]
    @property
    def sources(self) -> list[str]:
        """Article ids backing this event, in first-seen order."""
        return list(dict.fromkeys(e.article_id for e in self.evidence))


class DroppedEvent(_Strict):
    """A proposed event that verify refused, and why (listed in JSON under ``dropped``)."""

    article_id: str
    what: str
    quote: str
    reason: str


class KeyDate(_Strict):
    """One of the days that matter most (``--key-dates``), with the counts that ranked it.

    ``summary`` is the model engine's short neutral summary of the day's verified events.
    """

    date: date
    rank: int
    score: float
    articles: int
    later_articles: int
    published_around: int
    summary: str | None = None
    # a day no sentence is dated to, listed because articles published on it open with an undated
    # report ("A judge has ordered ..."): ``date`` is the day the reports were *published*; the
    # happenings stay undated (in ``Chronology.undated``), ``reports`` are their texts
    reported: bool = False
    reports: list[str] = Field(default_factory=list)


class UndatedCount(_Strict):
    """How many undated events one article gave, when the undated list is summarised."""

    article_id: str
    events: int


class Chronology(_Strict):
    """Dated events in order, and the events the text gives no date of their own.

    With ``--key-dates``, ``key_dates`` lists the chosen days and ``not_listed`` counts the
    events left out; for big inputs the undated list is replaced by ``undated_counts``.
    """

    events: list[Event] = Field(default_factory=list)
    undated: list[Event] = Field(default_factory=list)
    undated_window: str | None = None
    key_dates: list[KeyDate] = Field(default_factory=list)
    not_listed: int = 0
    about: str | None = None  # --about WORDS: the thread these events were chosen for
    undated_counts: list[UndatedCount] = Field(default_factory=list)


class Claim(_Strict):
    text: str
    source: str | None = None


class Summary(_Strict):
    text: str
    claims_with_sources: list[Claim] = Field(default_factory=list)


class RequestUsage(_Strict):
    prompt_tokens: int = 0
    cached_tokens: int = 0
    completion_tokens: int = 0


class Usage(_Strict):
    """What a briefing cost: requests sent, served from cache, tokens and dollars."""

    engine: str = "local"
    model: str | None = None
    requests: int = 0
    cached_responses: int = 0
    prompt_tokens: int = 0
    cached_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float = 0.0
    token_counter: str | None = None

    def add(self, r: RequestUsage) -> None:
        self.requests += 1
        self.prompt_tokens += r.prompt_tokens
        self.cached_tokens += r.cached_tokens
        self.completion_tokens += r.completion_tokens


class FailedChunk(_Strict):
    article_id: str
    start: int
    end: int
    reason: str


class UnusedSentence(_Strict):
    start: int
    end: int
    text: str
    reason: Literal["no_event", "duplicate", "boilerplate", "filtered"]


class NotUsed(_Strict):
    """The sentences of one article that are in no event, with why: nothing is lost silently."""

    article_id: str
    counts: dict[str, int] = Field(default_factory=dict)
    sentences: list[UnusedSentence] = Field(default_factory=list)


class Briefing(_Strict):
    """The product: what a user reads, in any output format."""

    schema_version: str = SCHEMA_VERSION
    title: str
    articles: list[ArticleInfo]
    chronology: Chronology
    summary: Summary
    usage: Usage = Field(default_factory=Usage)
    warnings: list[str] = Field(default_factory=list)
    failed_chunks: list[FailedChunk] = Field(default_factory=list)
    dropped_events: int = 0
    not_used: list[NotUsed] = Field(default_factory=list)
    dropped: list[DroppedEvent] = Field(default_factory=list)

    @property
    def failed_events(self) -> list[DroppedEvent]:
        """The events a stage after propose could not take (dropped and listed; exit 3)."""
        return [d for d in self.dropped if d.reason.startswith("failed in ")]


Conflict.model_rebuild()
ArticleInfo.model_rebuild()
