"""A canary API key goes through the whole flow and must come out nowhere: not in a cassette,
a cache row, a log line (debug included), a report, or an error message."""
from __future__ import annotations

import logging
import secrets
from datetime import date
from pathlib import Path

import pytest

from fault_kit import cli, council_article, grounded_responder, write_articles
from openai_server import OpenAITestServer, Recorded, Reply, error, queue
from cassettes import SECRET_REQUEST_HEADERS, _scrub_response
from timeline.errors import EngineError
from timeline.models import Article
from timeline.run.pipeline import BriefOptions, brief

CANARY = f"sk-canary-{secrets.token_hex(12)}"


def all_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


def test_canary_key_appears_in_no_cassette_cache_log_report_or_error(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch,
                                                                     caplog: pytest.LogCaptureFixture) -> None:
    import vcr

    key = CANARY.encode()
    folder = write_articles(tmp_path / "story", {"alder": council_article("Alder", 3)})
    cache = tmp_path / "cache"
    report = tmp_path / "report.md"

    def echo_key(request: Recorded) -> Reply:  # a careless server that echoes the key it was sent
        token = request.headers.get("authorization", "").removeprefix("Bearer ")
        if "district 2" in str(request.body):
            return error(500, f"internal error for key {token}")
        return grounded_responder(request)

    # 1. the whole CLI flow: fresh cache, markdown report, debug logging; one chunk's error echoes the key
    with OpenAITestServer(echo_key) as server:
        run = cli(["brief", str(folder), "--format", "markdown", "-o", str(report), "-vv", "--max-chunk-tokens", "50",
                   "--max-retries", "0", "--engine", "openai"], server, key=CANARY, TIMELINE_CACHE_DIR=str(cache))
    assert server.chat_requests[0].headers["authorization"] == f"Bearer {CANARY}"  # it was really sent
    assert run.returncode == 3, run.stderr
    assert "DEBUG" in run.stderr and "[redacted key]" in run.stderr  # debug logs on, the echo was caught
    assert CANARY not in run.stdout + run.stderr
    assert report.exists() and key not in report.read_bytes()
    assert (cache / "responses.sqlite").exists() and key not in all_bytes(cache)  # db, -wal and -shm files

    # 2. a 401 whose message carries the key: the error the user sees does not
    with OpenAITestServer(queue(error(401, f"Incorrect API key provided: {CANARY}", code="invalid_api_key"))) as server:
        bad = cli(["brief", str(folder), "--engine", "openai", "-vv", "--no-cache"], server, key=CANARY)
    assert bad.returncode == 1 and "401" in bad.stderr
    assert CANARY not in bad.stdout + bad.stderr

    # 3. a cassette recorded with the project's filter settings, in tmp; in-process logs captured at debug
    monkeypatch.setenv("OPENAI_API_KEY", CANARY)
    recorder = vcr.VCR(cassette_library_dir=str(tmp_path / "cassettes"), record_mode="all",
                       match_on=["method", "path", "body"], filter_headers=SECRET_REQUEST_HEADERS,
                       before_record_response=_scrub_response, decode_compressed_response=True)
    article = Article(id="alder", text=council_article("Alder", 1), published=date(2024, 12, 2))
    with caplog.at_level(logging.DEBUG):
        with OpenAITestServer(grounded_responder) as server, recorder.use_cassette("canary.yaml"):
            result = brief([article], BriefOptions(engine="openai", base_url=server.url, use_cache=False, max_retries=0))
        with OpenAITestServer(queue(error(401, f"bad key {CANARY}"))) as server:
            with pytest.raises(EngineError) as info:
                brief([article], BriefOptions(engine="openai", base_url=server.url, use_cache=False, max_retries=0))
    cassette = (tmp_path / "cassettes" / "canary.yaml").read_bytes()
    assert b"chat/completions" in cassette and key not in cassette
    assert CANARY not in caplog.text and "chat/completions" in caplog.text
    assert CANARY not in str(info.value) and CANARY not in result.model_dump_json()
