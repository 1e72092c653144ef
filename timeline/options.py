"""BriefOptions: everything that changes what a briefing contains or how it is made.

One validated model shared by the CLI and library callers, so a library caller passing
``concurrency=0`` gets the same one-line ``UsageError`` as ``timeline brief --concurrency 0``.
Unknown fields are refused (``extra="forbid"``): a misspelt option must not be silently ignored.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from timeline.text.chunker import DEFAULT_MAX_CHUNK_TOKENS
from timeline.errors import UsageError

DEFAULT_MAX_BYTES = 20_000_000
MAX_RETRY_WAIT = 30.0  # a Retry-After longer than this fails the chunk instead of stalling the run
DEFAULT_SUMMARY_BUDGET = 6000  # tokens of chronology lines per summary request before map-reduce

_LEGACY_EXTRA = ("max_retry_wait", "summary_budget")  # keys the old ``extra`` dict carried
MAX_TIMEOUT = 86_400.0


class BriefOptions(BaseModel):
    """Options of one briefing; every value is range-checked when set."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    engine: str = "auto"
    max_chunk_tokens: int = Field(DEFAULT_MAX_CHUNK_TOKENS, ge=50, le=1_000_000)
    max_bytes: int = Field(DEFAULT_MAX_BYTES, ge=1)
    model: str | None = None
    base_url: str | None = None
    concurrency: int = Field(4, ge=1, le=256)
    max_retries: int = Field(2, ge=0, le=20)
    timeout: float = Field(60.0, gt=0, le=MAX_TIMEOUT)  # NaN fails both bounds
    max_output_tokens: int | None = Field(None, ge=16, le=1_000_000)  # --max-output-tokens: max_tokens per reply
    max_retry_wait: float = Field(MAX_RETRY_WAIT, ge=0, le=3600)
    summary_budget: int = Field(DEFAULT_SUMMARY_BUDGET, ge=1, le=10_000_000)
    cache_dir: str | None = None
    use_cache: bool = True
    prompts_dir: str | None = None
    fail_fast: bool = False
    since: date | None = None
    until: date | None = None
    max_events: int | None = Field(None, ge=1)
    key_dates: int | None = Field(None, ge=1, le=1000)  # --key-dates N: the N days that matter most (select/)
    per_date: int = Field(1, ge=1, le=50)  # --per-date K: at most K events on each key day
    about: str | None = None  # --about WORDS: days and sentences about these words first (select/key_dates.py)

    def __init__(self, **data: Any) -> None:
        try:
            super().__init__(**data)
        except ValidationError as exc:
            raise UsageError(_one_line(exc)) from None

    def __setattr__(self, name: str, value: Any) -> None:
        """One-line UsageError on assignment too; a failed whole-model check (``_check_together``)
        runs after pydantic stored the value, so the earlier value is put back."""
        earlier = self.__dict__.get(name)
        try:
            super().__setattr__(name, value)
        except ValidationError as exc:
            raise UsageError(_one_line(exc)) from None
        except UsageError:
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
    def _check_together(self) -> BriefOptions:
        """The checks of two fields at once (each field's own range is its ``Field``)."""
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


def _flag(name: str) -> str:
    """The CLI flag of a field; the settings without a flag are named as they are spelt."""
    return name if name in _LEGACY_EXTRA else "--" + name.replace("_", "-")


_RANGE_WORDS = {"greater_than_equal": ("ge", "at least"), "less_than_equal": ("le", "at most"),
                "greater_than": ("gt", "more than"), "less_than": ("lt", "less than")}


def _one_line(exc: ValidationError) -> str:
    """The first validation error as 'flag: message', naming the CLI flag where there is one."""
    first = exc.errors()[0]
    name = str(first["loc"][0]) if first.get("loc") else "options"
    kind, value = first.get("type"), first.get("input")
    if kind == "extra_forbidden":
        return f"options: unknown option {name!r}"
    if kind in _RANGE_WORDS:
        if name == "timeout":
            return f"--timeout: must be more than 0 and at most {MAX_TIMEOUT:g} seconds (got {value:g})"
        key, words = _RANGE_WORDS[kind]
        return f"{_flag(name)}: must be {words} {first['ctx'][key]:g} (got {value:g})"
    return f"{_flag(name)}: {first['msg']} (got {value!r})"


def check_max_bytes(max_bytes: int) -> None:
    """The --max-bytes range, for readers called without BriefOptions."""
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 1:
        raise UsageError(f"--max-bytes: must be a whole number of at least 1 (got {max_bytes!r})")
