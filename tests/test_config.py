"""Sending articles to a cloud service is the user's choice; config.toml sets a user's defaults."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from common import SEED, run_cli
from timeline.config import load_config
from timeline.engines.registry import choose_engine
from timeline.errors import UsageError
from timeline.run.pipeline import BriefOptions


def config(text: str) -> Path:
    path = Path(os.environ["TIMELINE_CONFIG_DIR"]) / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_an_api_key_alone_keeps_the_offline_engine_and_says_how_to_opt_in(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    name, note = choose_engine(BriefOptions())
    assert name == "local" and note is not None
    assert "--engine openai" in note and "TIMELINE_ENGINE" in note and "config.toml" in note
    proc = run_cli("brief", str(SEED), "--published", "2024-12-02", "--format", "json")
    assert proc.returncode == 0 and json.loads(proc.stdout)["usage"]["engine"] == "local"
    assert [line for line in proc.stderr.decode().splitlines() if "engine" in line][0].startswith("timeline: engine: offline")


@pytest.mark.parametrize(("how", "expected"), [
    ({"TIMELINE_ENGINE": "openai"}, "openai"),
    ({"OPENAI_BASE_URL": "http://127.0.0.1:11434/v1"}, "openai"),  # a local server: nothing leaves the machine
    ({"OPENAI_BASE_URL": "http://localhost:8080/v1"}, "openai"),
    ({"OPENAI_BASE_URL": "https://llm.example.com/v1"}, "local"),  # remote: an opt-in is still needed
])
def test_the_opt_in_ways_and_loopback(monkeypatch: pytest.MonkeyPatch, how: dict, expected: str) -> None:
    for name, value in how.items():
        monkeypatch.setenv(name, value)
    assert choose_engine(BriefOptions())[0] == expected


def test_config_file_opts_in_and_sets_defaults_that_flags_override(monkeypatch: pytest.MonkeyPatch) -> None:
    config('engine = "openai"\nmodel = "gpt-4.1-mini"\nconcurrency = 8\n[prices."gpt-4.1-mini"]\ninput = 1.0\n')
    assert choose_engine(BriefOptions())[0] == "openai"
    assert choose_engine(BriefOptions(engine="local"))[0] == "local"
    assert load_config().concurrency == 8 and load_config().prices["gpt-4.1-mini"].input == 1.0
    config('format = "markdown"\n')
    proc = run_cli("brief", str(SEED), "--published", "2024-12-02")
    assert proc.returncode == 0 and proc.stdout.decode().startswith("# ")
    proc = run_cli("brief", str(SEED), "--published", "2024-12-02", "--format", "json")
    assert json.loads(proc.stdout)["schema_version"]


@pytest.mark.parametrize(("text", "message"), [
    ('engnie = "openai"\n', "unknown key 'engnie'"),
    ('format = "pdf"\n', "format: 'pdf' is not one of"),
    ("concurrency = 0\n", "concurrency"),
    ("engine = \n", "not valid TOML"),
])
def test_a_bad_config_is_one_line_naming_the_file_and_key(text: str, message: str) -> None:
    path = config(text)
    with pytest.raises(UsageError, match=message):
        load_config()
    proc = run_cli("brief", str(SEED), "--published", "2024-12-02")
    [line] = proc.stderr.decode().strip().splitlines()
    assert proc.returncode == 2 and str(path) in line and message.split("'")[0] in line
