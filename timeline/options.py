"""BriefOptions: everything that changes what a briefing contains or how it is made.

One validated model shared by the CLI and library callers, so a library caller passing
``concurrency=0`` gets the same one-line ``UsageError`` as ``timeline brief --concurrency 0``.
Unknown fields are refused (``extra="forbid"``): a misspelt option must not be silently ignored.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from timeline.text.chunker import DEFAULT_MAX_CHUNK_TOKENS
from timeline.errors import UsageError

DEFAULT_MAX_BYTES = 20_000_000
MAX_RETRY_WAIT = 30.0  # a Retry-After longer than this fails the chunk instead of stalling the run
DEFAULT_SUMMARY_BUDGET = 6000  # tokens of chronology lines per summary request before map-reduce

# field -> (flag shown to the user, lowest allowed, highest allowed); None = unbounded.
_RANGES: dict[str, tuple[str, float | None, float | None]] = {
    "max_chunk_tokens": ("--max-chunk-tokens", 50, 1_000_000),
    "concurrency": ("--concurrency", 1, 256),
    "max_retries": ("--max-retries", 0, 20),
    "max_events": ("--max-events", 1, None),
    "key_dates": ("--key-dates", 1, 1000),
    "per_date": ("--per-date", 1, 50),
    "max_bytes": ("--max-bytes", 1, None),
    "max_retry_wait": ("max_retry_wait", 0, 3600),
    "summary_budget": ("summary_budget", 1, 10_000_000),
}
_LEGACY_EXTRA = ("max_retry_wait", "summary_budget")  # keys the old ``extra`` dict carried
MAX_TIMEOUT = 86_400.0


class BriefOptions(BaseModel):
    """Options of one briefing; every value is range-checked when set."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    engine: str = "auto"
    max_chunk_tokens: int = DEFAULT_MAX_CHUNK_TOKENS
    max_bytes: int = DEFAULT_MAX_BYTES
    model: str | None = None
    base_url: str | None = None
    concurrency: int = 4
    max_retries: int = 2
    timeout: float = 60.0
    max_retry_wait: float = MAX_RETRY_WAIT
    summary_budget: int = DEFAULT_SUMMARY_BUDGET
    cache_dir: str | None = None
    use_cache: bool = True
    prompts_dir: str | None = None
    fail_fast: bool = False
    since: date | None = None
    until: date | None = None
    max_events: int | None = None
    key_dates: int | None = None  # --key-dates N: the N days that matter most (select.py)
    per_date: int = 1  # --per-date K: at most K events on each key day
    about: str | None = None  # --about WORDS: days and sentences about these words first (select/key_dates.py)

    def __init__(self, **data: Any) -> None:
        try:
            super().__init__(**data)
        except ValidationError as exc:
            raise UsageError(_one_line(exc)) from None

    def __setattr__(self, name: str, value: Any) -> None:
        earlier = self.__dict__.get(name)
        try:
            super().__setattr__(name, value)
        except ValidationError as exc:
            raise UsageError(_one_line(exc)) from None
        except UsageError:  # the range check runs after pydantic stored the value: put it back
            self.__dict__[name] = earlier
            raise

    @model_validator(mode="before")
    @classmethod
    def _lift_extra(cls, data: Any) -> Any:
        """Accept the old ``extra={"max_retry_wait": ..., "summary_budget": ...}`` spelling."""
        if isinstance(data, dict) and isinstance(data.get("extra"), dict):
            data = dict(data)
            extra = data.pop("extra")
            unknown = [k for k in extra if k not in _LEGACY_EXTRA]
            if unknown:
                raise UsageError(f"options: unknown option {unknown[0]!r}")
            data.update(extra)
        return data

    @model_validator(mode="after")
    def _check_ranges(self) -> BriefOptions:
        for name, (flag, low, high) in _RANGES.items():
            value = getattr(self, name)
            if value is None:
                continue
            if low is not None and value < low:
                raise UsageError(f"{flag}: must be at least {low:g} (got {value:g})")
            if high is not None and value > high:
                raise UsageError(f"{flag}: must be at most {high:g} (got {value:g})")
        if not 0 < self.timeout <= MAX_TIMEOUT:  # also refuses NaN
            raise UsageError(f"--timeout: must be more than 0 and at most {MAX_TIMEOUT:g} seconds (got {self.timeout:g})")
        if self.key_dates is not None and self.max_events is not None:
            raise UsageError("--key-dates and --max-events: give one of them (key dates already limit the events)")
        if self.about is not None and not self.about.strip():
            raise UsageError("--about: give the words of the thread to focus on (got nothing)")
        if self.since and self.until and self.since > self.until:
            raise UsageError(f"--since {self.since} is after --until {self.until}: nothing could be shown")
        return self

    @property
    def extra(self) -> dict[str, Any]:
        """Read-only view of the settings the old ``extra`` dict carried (for older callers)."""
        return {k: getattr(self, k) for k in _LEGACY_EXTRA}


def _one_line(exc: ValidationError) -> str:
    """The first validation error as 'field: message', naming the CLI flag where there is one."""
    first = exc.errors()[0]
    name = str(first["loc"][0]) if first.get("loc") else "options"
    flag = _RANGES.get(name, ("--" + name.replace("_", "-"), None, None))[0]
    if first.get("type") == "extra_forbidden":
        return f"options: unknown option {name!r}"
    return f"{flag}: {first['msg']} (got {first.get('input')!r})"


def check_max_bytes(max_bytes: int) -> None:
    """The --max-bytes range, for readers called without BriefOptions."""
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 1:
        raise UsageError(f"--max-bytes: must be a whole number of at least 1 (got {max_bytes!r})")
