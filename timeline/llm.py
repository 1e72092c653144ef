"""Moved to ``timeline.engines.llm.requests``; re-exported for callers of the old name."""
from .engines.llm.requests import *  # noqa: F403
from .engines.llm.requests import ProposedEvent, ProposedEvents, cache_key, pack_request  # noqa: F401
