"""ENGINES: every engine by name, and the automatic choice among them.

A new engine is one entry here (and its module). Engines are built lazily so that
``timeline --help`` and the offline engine never import a provider's SDK.
"""
from __future__ import annotations

import os
from dataclasses import dataclass

from timeline.errors import UsageError

TYPE_CHECKING = False  # the CLI reads this table to build --engine: no pydantic at start-up
if TYPE_CHECKING:
    from typing import Any, Callable

    from timeline.engines.base import Engine


@dataclass(frozen=True)
class EngineEntry:
    """One engine: how to build it (``make(options, dry_run)``) and one line of help."""

    help: str
    make: Callable[[Any, bool], Engine]
    plans: bool = False  # has a dry run (``plan``)


def _local(options: Any, dry_run: bool) -> Engine:
    from timeline.engines.local import LocalEngine

    return LocalEngine()


def _openai(options: Any, dry_run: bool) -> Engine:
    from timeline.engines.llm.engine import LLMEngine, resolve_model

    if dry_run:  # sends nothing: no client, no key needed
        return LLMEngine(options, None, name="openai")
    from timeline.engines.llm.transports.openai import OpenAITransport  # the SDK is imported only when used

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
    """The engine to run and, when it was not named, a one-line note saying why.

    Sending articles to a cloud service is a choice the user makes: ``--engine openai``,
    ``TIMELINE_ENGINE=openai`` or ``engine = "openai"`` in config.toml. An API key in the
    environment alone does not make it; a base URL on loopback (a local server) does.
    """
    chosen, where = options.engine, "--engine"
    if chosen == AUTO and os.environ.get("TIMELINE_ENGINE"):
        chosen, where = os.environ["TIMELINE_ENGINE"].strip(), "TIMELINE_ENGINE"
    if chosen == AUTO:
        from timeline.config import config_path, load_config

        configured = load_config().engine
        if configured and configured != AUTO:
            chosen, where = configured, str(config_path())
    if chosen != AUTO and chosen not in ENGINES:
        raise UsageError(f"{where}: unknown engine {chosen!r} (choose {', '.join(engine_names())})")
    if chosen != AUTO:
        return chosen, None if where == "--engine" else f"engine: {chosen} (from {where})"
    from timeline.engines.llm.transports.urls import check_base_url, is_loopback

    if options.base_url:  # a malformed URL is a usage error whichever engine runs
        check_base_url(options.base_url)
    base_url = options.base_url or os.environ.get("OPENAI_BASE_URL")
    if is_loopback(base_url):
        return "openai", f"engine: openai (a local server at {base_url})"
    if base_url or os.environ.get("OPENAI_API_KEY") or os.environ.get("AZURE_OPENAI_API_KEY"):
        return "local", ("engine: offline. A model service is configured, but articles go to it only when you "
                         "choose it: --engine openai, TIMELINE_ENGINE=openai, or engine = \"openai\" in config.toml")
    return "local", "engine: offline (no OPENAI_API_KEY or base URL set; results come from rules, not a model)"


def make_engine(name: str, options: Any, dry_run: bool = False) -> Engine:
    """The engine called ``name`` built for ``options``; a dry-run engine sends nothing."""
    if name not in ENGINES:
        raise UsageError(f"--engine: unknown engine {name!r} (choose {', '.join(engine_names())})")
    return ENGINES[name].make(options, dry_run)
