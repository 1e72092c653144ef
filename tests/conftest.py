"""Test isolation: no real keys, no real cache or config, no network but 127.0.0.1.

Helpers live in tests/support/ (on sys.path: ``from common import SEED, run_cli``,
``from openai_server import OpenAITestServer``); the names below are re-exported for tests
that import them from conftest.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Iterator

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "support"))

from common import API_KEY, GOLD, ROOT, SEED, SEED_GOLD, SHARED, TESTS, run_cli, run_cli_subprocess  # noqa: E402

__all__ = ["API_KEY", "GOLD", "ROOT", "SEED", "SEED_GOLD", "SHARED", "TESTS", "run_cli", "run_cli_subprocess"]
_MODEL_ENV = ("OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_ORG_ID", "OPENAI_PROJECT_ID", "AZURE_OPENAI_API_KEY",
              "AZURE_OPENAI_ENDPOINT", "TIMELINE_MODEL", "TIMELINE_ENGINE")


@pytest.fixture(autouse=True)
def _isolate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in _MODEL_ENV:
        monkeypatch.delenv(name, raising=False)
    home = tmp_path
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(home / "cache"))
    monkeypatch.setenv("TIMELINE_CONFIG_DIR", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "xdg-cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "xdg-config"))


@pytest.fixture(autouse=True, scope="session")
def _short_sdk_backoff() -> Iterator[None]:
    """The OpenAI SDK waits 0.5 s, 1 s, 2 s... before a retry the server gave no Retry-After
    for; the fault tests count retries, not seconds, so in-process runs wait 10 ms instead.
    A Retry-After the server sends is still honoured as sent (tests check that wait)."""
    from openai import _base_client

    saved = getattr(_base_client, "INITIAL_RETRY_DELAY", None)  # a private name: absent, nothing changes
    if saved is not None:
        _base_client.INITIAL_RETRY_DELAY = 0.01
    yield
    if saved is not None:
        _base_client.INITIAL_RETRY_DELAY = saved


@pytest.fixture
def seed_gold() -> dict:
    return json.loads(SEED_GOLD.read_text(encoding="utf-8"))
