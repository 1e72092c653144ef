"""End to end: `python -m timeline brief` as a subprocess against the local test server."""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from common import API_KEY, GOLD, SEED, run_cli
from openai_server import OpenAITestServer, error, llama_cpp_format_error, queue
from seed_responder import seed_responder

GOLD_DATA = json.loads(GOLD.read_text(encoding="utf-8"))
TEXT = SEED.read_text(encoding="utf-8")
# Day-relative gold dates the real resolver derives from the text; with the year-only stub
# they survive as the model's own reading (flag model_only_date), so the dates still match.
DAY_RELATIVE = {"2024-11-29", "2024-12-01", "2024-12-02"}


def run(args: list[str], server: OpenAITestServer | None, **env: str) -> subprocess.CompletedProcess[str]:
    """`timeline ARGS` in-process with the test key and, given a server, its URL."""
    environ: dict[str, str | None] = {k: None for k in os.environ if k.startswith(("OPENAI_", "AZURE_OPENAI_"))}
    environ.update({"OPENAI_API_KEY": API_KEY, **env})
    if server:
        environ["OPENAI_BASE_URL"] = server.url
    return run_cli(*args, env=environ, text=True)


BRIEF = ["brief", str(SEED), "--published", "2024-12-02", "--format", "json"]


def gold_problems(briefing: dict) -> list[str]:
    """Required gold events missing from the briefing or dated wrong (value or precision)."""
    events = briefing["chronology"]["events"] + briefing["chronology"]["undated"]
    problems = []
    for gold in [g for g in GOLD_DATA["events"] if g["required"]]:
        start = TEXT.index(gold["evidence"])
        end = start + len(gold["evidence"])
        matches = [e for e in events if any(ev["start"] < end and start < ev["end"] for ev in e["evidence"])]
        if not matches:
            problems.append(f"missing: {gold['gist']}")
            continue
        if not any(e["when"] and (e["when"]["value"], e["when"]["precision"]) == (gold["date"], gold["precision"])
                   for e in matches):
            got = [e["when"] for e in matches]
            problems.append(f"{gold['date']} ({gold['precision']}) dated {got}: {gold['gist']}")
    for undated in GOLD_DATA["undated"]:
        start = TEXT.index(undated["evidence"])
        for e in events:
            if any(ev["start"] <= start < ev["end"] for ev in e["evidence"]) and e["when"] and e["when"]["value"] \
                    and len(e["when"]["value"]) == 10:
                problems.append(f"undated event put on a day: {undated['gist']} -> {e['when']}")
    return problems


def test_seed_briefing_has_the_required_gold_events_dated_right() -> None:
    with OpenAITestServer(seed_responder) as server:
        result = run(BRIEF, server)
    assert result.returncode == 0, result.stderr
    briefing = json.loads(result.stdout)
    assert gold_problems(briefing) == []
    assert briefing["usage"]["engine"] == "openai" and briefing["usage"]["requests"] == 1
    assert briefing["dropped_events"] == 1
    assert "Assad" in " ".join(e["what"] for e in briefing["chronology"]["undated"])
    flagged = {e["when"]["text"]: e["flags"] for e in briefing["chronology"]["events"]}
    assert "model_date_disagrees" in flagged["in 2016"]
    assert "Traceback" not in result.stderr


def test_second_run_sends_nothing_and_no_cache_sends_again(tmp_path: Path) -> None:
    cache = str(tmp_path / "clicache")
    with OpenAITestServer(seed_responder) as server:
        first = run(BRIEF, server, TIMELINE_CACHE_DIR=cache)
        assert first.returncode == 0, first.stderr
        assert len(server.chat_requests) == 1  # the extraction reply carries the summary
        second = run(BRIEF, server, TIMELINE_CACHE_DIR=cache)
        assert len(server.chat_requests) == 1
        assert json.loads(second.stdout)["usage"]["cached_responses"] == 1
        assert json.loads(second.stdout)["chronology"] == json.loads(first.stdout)["chronology"]
        run([*BRIEF, "--no-cache"], server, TIMELINE_CACHE_DIR=cache)
        assert len(server.chat_requests) == 2
        run([*BRIEF, "--cache-dir", str(tmp_path / "other")], server, TIMELINE_CACHE_DIR=cache)
        assert len(server.chat_requests) == 3


def test_dry_run_sends_nothing_and_prints_tokens_and_cost() -> None:
    with OpenAITestServer(seed_responder) as server:
        result = run(["brief", str(SEED), "--published", "2024-12-02", "--dry-run"], server)
    assert result.returncode == 0, result.stderr
    assert server.requests == []
    out = result.stdout
    assert "nothing sent" in out and "cl100k_base" in out
    assert "article tokens: 599" in out and "prompt tokens:" in out and "estimated cost: $" in out


@pytest.mark.parametrize("reply, message", [
    (error(401, "Incorrect API key provided"), "rejected the API key (401)"),
    (error(404, "The model does not exist"), "not found (404)"),
])
def test_fatal_errors_are_one_line_with_exit_1(reply, message) -> None:
    with OpenAITestServer(queue(reply)) as server:
        result = run([*BRIEF, "--max-retries", "0", "--no-cache"], server)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert message in lines[-1] and lines[-1].startswith("timeline: error:")
    assert "Traceback" not in result.stderr


def test_no_key_malformed_url_and_failed_chunk_exit_codes() -> None:
    no_key = run([*BRIEF, "--engine", "openai"], None, OPENAI_API_KEY="")
    assert no_key.returncode == 1 and "needs OPENAI_API_KEY" in no_key.stderr
    bad_url = run([*BRIEF, "--base-url", "localhost:1234"], None)
    assert bad_url.returncode == 2 and "--base-url: 'localhost:1234' is not an http(s) URL" in bad_url.stderr
    with OpenAITestServer(queue(error(503, "down"))) as server:
        partial = run([*BRIEF, "--max-retries", "0", "--no-cache"], server)
    # The seed is one chunk: when it fails nothing was read, so no briefing (exit 1, issue 10).
    assert partial.returncode == 1 and "no briefing: all 1 chunk(s) failed" in partial.stderr
    assert partial.stdout == ""
    assert "Traceback" not in no_key.stderr + bad_url.stderr + partial.stderr


def test_a_server_answering_like_llama_cpp_python_gives_a_briefing_exit_0() -> None:
    """Issue 23: llama-cpp-python's server answers json_schema with 500 and a pydantic error; the
    run falls back to json_object (one stderr line says so) instead of "all chunks failed", exit 1."""
    def llama_cpp(request):  # type: ignore[no-untyped-def]
        if (request.body.get("response_format") or {}).get("type") == "json_schema":
            return llama_cpp_format_error()
        return seed_responder(request)

    with OpenAITestServer(llama_cpp) as server:
        result = run(BRIEF + ["--no-cache"], server)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["chronology"]["events"]
    assert len([line for line in result.stderr.splitlines() if "json_object mode" in line]) == 1, result.stderr
