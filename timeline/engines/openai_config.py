"""Engine settings shared by the OpenAI engine and ``--dry-run``, without importing the SDK."""
from __future__ import annotations

import os
from urllib.parse import urlparse

from ..errors import UsageError
from ..llm import DEFAULT_MODEL


def resolve_model(options_model: str | None) -> str:
    """``--model``, else ``$TIMELINE_MODEL``, else the default small model."""
    return options_model or os.environ.get("TIMELINE_MODEL") or DEFAULT_MODEL


def check_base_url(url: str, what: str = "--base-url") -> str:
    """``url`` if it is an http(s) URL with a host; a UsageError otherwise."""
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise UsageError(f"{what}: {url!r} is not an http(s) URL (e.g. http://localhost:11434/v1)")
    try:
        parsed.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        raise UsageError(f"{what}: {url!r} has an invalid port") from None
    return url
