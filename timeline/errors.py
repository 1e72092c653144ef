"""The library's own exceptions; only the CLI turns them into one-line messages and exit codes."""
from __future__ import annotations


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
