"""Test isolation: no real keys, no real cache or config, no network but 127.0.0.1.

Helpers live in tests/support/ (on sys.path: ``from common import SEED, run_cli``,
``from openai_server import OpenAITestServer``); the names below are re-exported for tests
that import them from conftest.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

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


@pytest.fixture
def seed_gold() -> dict:
    return json.loads(SEED_GOLD.read_text(encoding="utf-8"))
