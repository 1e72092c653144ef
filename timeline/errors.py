"""The library's own exceptions; only the CLI turns them into one-line messages and exit codes."""
from __future__ import annotations

from typing import Any


class TimelineError(Exception):
    """Anything a user can fix: bad input, bad configuration. Exit code 1."""

    exit_code = 1


class UsageError(TimelineError):
    """A bad flag or flag value. Exit code 2."""

    exit_code = 2


class InputError(TimelineError):
    """An article that cannot be read: missing, empty, binary, undecodable, too large."""


class EngineError(TimelineError):
    """The model service failed in a way retries cannot fix (no key, 401, 404, unreachable)."""


class ChunkFailed(Exception):
    """One chunk could not be extracted; the briefing continues without it."""

    def __init__(self, reason: str, attempts: int = 1, raw: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.attempts = attempts
        self.raw = raw


class StoppedAtFailedChunk(ChunkFailed, TimelineError):
    """--fail-fast: the first failed chunk stops the run; nothing is written. Exit code 3."""

    exit_code = 3

    def __init__(self, article_id: str, start: int, end: int, failed: ChunkFailed) -> None:
        super().__init__(f"stopped at the first failed chunk (--fail-fast): {article_id} [{start}:{end}]: "
                         f"{failed.reason}; nothing written, finished chunks are cached", failed.attempts, failed.raw)
        self.article_id, self.start, self.end = article_id, start, end


class AllChunksFailed(TimelineError):
    """No chunk could be read: there is no briefing to write (an empty one would claim the
    articles hold no events). Exit code 1. ``failed_chunks`` lists every failure (FailedChunk)."""

    def __init__(self, failed_chunks: list[Any]) -> None:
        first = failed_chunks[0]
        super().__init__(f"no briefing: all {len(failed_chunks)} chunk(s) failed; first: {first.article_id} "
                         f"[{first.start}:{first.end}]: {first.reason}")
        self.failed_chunks = failed_chunks
        self.failed = len(failed_chunks)


def unexpected_failure(exc: BaseException) -> ChunkFailed:
    """A ChunkFailed for a defect (an exception nobody foresaw) in one chunk's extraction.

    The traceback is logged at debug level (seen with -vv); the reason names the exception
    type and its first line, which is enough to file a bug without reading a traceback.
    """
    import logging
    import traceback

    logging.getLogger("timeline").debug("chunk failed with an unexpected error:\n%s",
                                        redact("".join(traceback.format_exception(exc))))
    return ChunkFailed(f"internal error: {describe(exc)}")


def describe(exc: BaseException) -> str:
    """'TypeName: first line of the message' (at most 200 characters), keys redacted."""
    first = str(exc).splitlines()[0][:200] if str(exc).strip() else ""
    return redact(f"{type(exc).__name__}: {first}" if first else type(exc).__name__)


_KEY_VARIABLES = ("OPENAI_API_KEY", "AZURE_OPENAI_API_KEY", "PYTEST_OPENAI_API_KEY")


def redact(text: str) -> str:
    """``text`` with any configured API key replaced: an unforeseen error's message or
    traceback may quote one, and neither may reach stderr or a log."""
    import os

    for name in _KEY_VARIABLES:
        secret = os.environ.get(name, "")
        if len(secret) >= 4 and secret in text:
            text = text.replace(secret, "[redacted key]")
    return text
