"""Test isolation: no real keys, no real cache or config, no network but 127.0.0.1."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
sys.path.insert(0, str(TESTS))  # openai_server, seed_responder

SEED = ROOT / "seeds" / "000_e3cd228ed5e53f9a.txt"
GOLD = ROOT / "seeds" / "000_e3cd228ed5e53f9a.gold.json"
API_KEY = os.environ.get("PYTEST_OPENAI_API_KEY") or "test-key"


@pytest.fixture(autouse=True)
def _isolate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_ORG_ID", "OPENAI_PROJECT_ID", "AZURE_OPENAI_API_KEY",
                 "AZURE_OPENAI_ENDPOINT", "TIMELINE_MODEL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("TIMELINE_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
