"""Test isolation: no real keys, no real cache or config, no network but 127.0.0.1."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
sys.path.insert(0, str(TESTS))  # openai_server, seed_responder

SEED = ROOT / "seeds" / "000_e3cd228ed5e53f9a.txt"
GOLD = SEED_GOLD = ROOT / "seeds" / "000_e3cd228ed5e53f9a.gold.json"
API_KEY = os.environ.get("PYTEST_OPENAI_API_KEY") or "test-key"
_MODEL_ENV = ("OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_ORG_ID", "OPENAI_PROJECT_ID", "AZURE_OPENAI_API_KEY",
              "AZURE_OPENAI_ENDPOINT", "TIMELINE_MODEL")


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


def run_cli(*args: str, env: dict | None = None, input: bytes | None = None, cwd: Path | None = None,
            timeout: float = 120) -> subprocess.CompletedProcess:
    """Run `python -m timeline ARGS` the way a user would, with the test's environment."""
    full_env = dict(os.environ)
    full_env.setdefault("PYTHONPATH", str(ROOT))
    full_env["COLUMNS"] = "200"
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "timeline", *args], capture_output=True, input=input,
                          env=full_env, cwd=cwd or ROOT, timeout=timeout)
