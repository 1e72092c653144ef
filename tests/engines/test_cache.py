from __future__ import annotations

import sqlite3
from pathlib import Path

from timeline.engines.llm.cache import FILENAME, ResponseCache
from timeline.engines.llm.requests import cache_key


def test_put_get_and_persist(tmp_path: Path) -> None:
    cache = ResponseCache(tmp_path)
    assert cache.get("k") is None
    cache.put("k", "gpt-4o-mini", {"choices": [{"message": {"content": "{}"}}]}, {"prompt_tokens": 3})
    cache.close()
    again = ResponseCache(tmp_path)
    assert again.get("k") == ({"choices": [{"message": {"content": "{}"}}]}, {"prompt_tokens": 3})
    assert len(again) == 1
    again.close()


def test_wal_mode_and_no_headers_stored(tmp_path: Path) -> None:
    cache = ResponseCache(tmp_path)
    cache.put("k", "m", {"id": "x"}, {})
    cache.close()
    db = sqlite3.connect(tmp_path / FILENAME)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert [r[1] for r in db.execute("PRAGMA table_info(responses)")] == ["key", "model", "body", "usage", "created"]


def test_default_location_is_the_env_override(tmp_path: Path) -> None:
    cache = ResponseCache()
    assert cache.path.parent == tmp_path / "cache"
    cache.close()


def test_corrupted_file_is_moved_aside_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / FILENAME).write_bytes(b"this is not a database" * 100)
    cache = ResponseCache(tmp_path)
    assert cache.warnings and "moved it to" in cache.warnings[0]
    assert list(tmp_path.glob(FILENAME + ".corrupt-*"))
    cache.put("k", "m", {}, {})
    assert cache.get("k") == ({}, {})
    cache.close()


def test_key_depends_on_every_input() -> None:
    params = {"model": "m", "messages": [{"role": "user", "content": "x"}], "response_format": {"s": 1}, "temperature": 0}
    base = cache_key(params, "chunk", "2024-12-02")
    assert base == cache_key(dict(params), "chunk", "2024-12-02")
    assert base != cache_key({**params, "model": "n"}, "chunk", "2024-12-02")
    assert base != cache_key({**params, "temperature": 1}, "chunk", "2024-12-02")
    assert base != cache_key({**params, "response_format": {"s": 2}}, "chunk", "2024-12-02")
    assert base != cache_key(params, "chunk2", "2024-12-02")
    assert base != cache_key(params, "chunk", "2024-12-03")
