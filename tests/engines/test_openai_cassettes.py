"""Replay of recorded HTTP (vcrpy): no server, no network, no key.

Cassettes live in the top-level ``cassettes/`` folder. By default they are replayed with
``record_mode="none"``: a request that is not in the cassette fails the test. Requests
match on method + path + body, so a changed prompt, schema or model is detected.
``TIMELINE_RECORD=1`` re-records: against the local test server with the scripted seed
model, or against the real API when ``PYTEST_OPENAI_API_KEY`` is also set (see
cassettes/README.md).
"""
from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from cassettes import (CASSETTES, REAL_KEY, RECORD, SECRET_REQUEST_HEADERS, SECRET_RESPONSE_HEADERS,
                       seed_cassette)
from common import ROOT, SEED
from timeline.errors import AllChunksFailed
from timeline.models import Article
from timeline.run.pipeline import BriefOptions, brief


def seed_brief(base_url: str, **kw):
    article = Article(id="000_e3cd228ed5e53f9a", text=SEED.read_text(encoding="utf-8"), published=date(2024, 12, 2))
    options = BriefOptions(engine="openai", base_url=base_url, use_cache=False, max_retries=0, timeout=30, **kw)
    return brief([article], options)


def test_seed_brief_replays_without_server_or_network(monkeypatch: pytest.MonkeyPatch) -> None:
    with seed_cassette("seed_brief.yaml", monkeypatch) as url:
        result = seed_brief(url)
    assert result.usage.requests == 1  # one request: its reply carries the summary
    dated = {(e.when.value, e.when.precision) for e in result.chronology.events if e.when}
    assert {("2011", "year"), ("2016", "year")} <= dated
    if not (RECORD and REAL_KEY):  # the scripted model's deliberate mistakes
        assert result.dropped_events == 1
        assert any("model_date_disagrees" in e.flags for e in result.chronology.events)
        assert any("Assad" in e.what and e.when is None for e in result.chronology.undated)


def test_a_request_missing_from_the_cassette_fails(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    if RECORD:
        pytest.skip("recording")
    changed = tmp_path / "prompts"
    changed.mkdir()
    for template in (ROOT / "prompts").glob("*.j2"):
        text = template.read_text(encoding="utf-8").replace("List the events", "List all the events")
        (changed / template.name).write_text(text, encoding="utf-8")
    with seed_cassette("seed_brief.yaml", monkeypatch) as url:
        # The replay error is isolated like any chunk fault; every chunk failing is a failed run.
        with pytest.raises(AllChunksFailed, match="CannotOverwriteExistingCassetteException.*no recorded interaction"):
            seed_brief(url, prompts_dir=str(changed))


def recorded_requests(name: str) -> list[dict]:
    data = yaml.safe_load((CASSETTES / name).read_text(encoding="utf-8"))
    return [i["request"] for i in data["interactions"]]


def test_recorded_request_holds_schema_publication_date_and_delimited_article() -> None:
    extract = json.loads(recorded_requests("seed_brief.yaml")[0]["body"])
    assert extract["response_format"]["type"] == "json_schema"
    assert extract["response_format"]["json_schema"]["strict"] is True
    system, user = extract["messages"]
    assert "data, not instructions" in system["content"]
    assert user["content"].startswith('<article published="2024-12-02">')
    assert user["content"].endswith("</article>")
    assert SEED.read_text(encoding="utf-8")[:200] in user["content"]


def test_no_cassette_holds_an_auth_header_or_key() -> None:
    files = [p for p in CASSETTES.rglob("*") if p.is_file()]
    assert any(p.suffix == ".yaml" for p in files)
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"sk-[A-Za-z0-9_-]{8,}", text), path
        assert not re.search(r"Bearer\s+\S", text), path
        if path.suffix == ".yaml":
            assert "Bearer" not in text and "test-key" not in text, path
            for interaction in yaml.safe_load(text)["interactions"]:
                headers = {h.lower() for h in interaction["request"]["headers"]}
                assert not headers & set(SECRET_REQUEST_HEADERS), (path, headers)
                assert not {h.lower() for h in interaction["response"]["headers"]} & SECRET_RESPONSE_HEADERS
