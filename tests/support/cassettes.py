"""vcrpy cassettes: where they live, what is scrubbed, and ``seed_cassette`` (record or replay).

Replayed with ``record_mode="none"`` by default; ``TIMELINE_RECORD=1`` re-records against the
local test server, or the real API when ``PYTEST_OPENAI_API_KEY`` is also set.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from typing import Iterator

import pytest
import vcr

from common import ROOT
from openai_server import OpenAITestServer, Responder
from seed_responder import seed_responder

CASSETTES = ROOT / "cassettes"
REPLAY_URL = "http://127.0.0.1:9/v1"  # nothing listens there: replay must not need a server
SECRET_REQUEST_HEADERS = ["authorization", "api-key", "x-api-key", "openai-organization", "openai-project", "cookie"]
SECRET_RESPONSE_HEADERS = {"set-cookie", "openai-organization", "openai-project", "x-request-id", "cf-ray"}
RECORD = os.environ.get("TIMELINE_RECORD") == "1"
REAL_KEY = os.environ.get("PYTEST_OPENAI_API_KEY")


def _scrub_response(response: dict) -> dict:
    response["headers"] = {k: v for k, v in response["headers"].items() if k.lower() not in SECRET_RESPONSE_HEADERS}
    return response


def recorder(mode: str) -> vcr.VCR:
    return vcr.VCR(
        cassette_library_dir=str(CASSETTES), record_mode=mode, match_on=["method", "path", "body"],
        filter_headers=SECRET_REQUEST_HEADERS, before_record_response=_scrub_response, decode_compressed_response=True,
    )


@contextmanager
def seed_cassette(name: str, monkeypatch: pytest.MonkeyPatch, responder: Responder = seed_responder) -> Iterator[str]:
    """(base URL to use) inside the cassette; records only when TIMELINE_RECORD=1, against
    the local test server answering with ``responder`` (or the real API with a real key)."""
    if RECORD and REAL_KEY:
        monkeypatch.setenv("OPENAI_API_KEY", REAL_KEY)
        with recorder("all").use_cassette(name):
            yield os.environ.get("OPENAI_BASE_URL") or "https://api.openai.com/v1"
        return
    monkeypatch.setenv("OPENAI_API_KEY", "test-key")
    if RECORD:
        with OpenAITestServer(responder) as server, recorder("all").use_cassette(name):
            yield server.url
        return
    with recorder("none").use_cassette(name):
        yield REPLAY_URL


