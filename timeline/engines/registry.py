"""ENGINES: every engine by name, and the automatic choice among them.

A new engine is one entry here (and its module). Engines are built lazily so that
``timeline --help`` and the offline engine never import a provider's SDK.
"""
from __future__ import annotations

import os
from dataclasses import dataclass

from ..errors import UsageError

TYPE_CHECKING = False  # the CLI reads this table to build --engine: no pydantic at start-up
if TYPE_CHECKING:
    from typing import Any, Callable

    from .base import Engine


@dataclass(frozen=True)
class EngineEntry:
    """One engine: how to build it (``make(options, dry_run)``) and one line of help."""

    help: str
    make: Callable[[Any, bool], Engine]
    plans: bool = False  # has a dry run (``plan``)


def _local(options: Any, dry_run: bool) -> Engine:
    from .local import LocalEngine

    return LocalEngine()


def _openai(options: Any, dry_run: bool) -> Engine:
    from .llm.engine import LLMEngine, resolve_model

    if dry_run:  # sends nothing: no client, no key needed
        return LLMEngine(options, None, name="openai")
    from .llm.transports.openai import OpenAITransport  # the SDK is imported only when used

    return LLMEngine(options, OpenAITransport(options, resolve_model(options.model)), name="openai")


ENGINES: dict[str, EngineEntry] = {
    "local": EngineEntry("offline rules: no model, no network", _local),
    "openai": EngineEntry("a model behind the OpenAI API, Azure OpenAI or a compatible server", _openai, plans=True),
}
AUTO = "auto"


def engine_names() -> list[str]:
    """The choices of ``--engine``."""
    return [AUTO, *ENGINES]


def choose_engine(options: Any) -> tuple[str, str | None]:
    """The engine to run and, for 'auto', a one-line note saying why."""
    if options.engine != AUTO and options.engine not in ENGINES:
        raise UsageError(f"--engine: unknown engine {options.engine!r} (choose {', '.join(engine_names())})")
    if options.engine != AUTO:
        return options.engine, None
    configured = options.base_url or os.environ.get("OPENAI_API_KEY") or os.environ.get("OPENAI_BASE_URL") \
        or os.environ.get("AZURE_OPENAI_API_KEY")
    if configured:
        return "openai", "engine: openai (an API key or base URL is configured)"
    return "local", "engine: offline (no OPENAI_API_KEY or base URL set; results come from rules, not a model)"


def make_engine(name: str, options: Any, dry_run: bool = False) -> Engine:
    """The engine called ``name`` built for ``options``; a dry-run engine sends nothing."""
    if name not in ENGINES:
        raise UsageError(f"--engine: unknown engine {name!r} (choose {', '.join(engine_names())})")
    return ENGINES[name].make(options, dry_run)
