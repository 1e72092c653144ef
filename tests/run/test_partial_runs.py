"""Partial runs end to end: a mix of faults, --fail-fast, Ctrl-C, and re-runs that resend only what failed."""
from __future__ import annotations

import json
import signal
import sqlite3
import time
from pathlib import Path

from fault_kit import cli, council_article, extraction_texts, grounded_responder, popen, write_articles
from openai_server import (OpenAITestServer, Recorded, Reply, Script, dropped, empty_choices, not_json, rate_limited,
                           refusal, schema_break, server_error, slow, truncated)
from timeline.models import Article
from timeline.text.chunker import chunk_articles

ARGS = ["--format", "json", "--max-chunk-tokens", "50", "--max-retries", "1", "--timeout", "5", "--engine", "openai"]


def story(tmp_path: Path) -> tuple[Path, list]:
    """Two articles of ten paragraphs: 20 chunks at --max-chunk-tokens 50."""
    texts = {"alder": council_article("Alder", 10), "birch": council_article("Birch", 10)}
    folder = write_articles(tmp_path / "story", texts)
    chunks = chunk_articles([Article(id=k, text=v) for k, v in texts.items()], 50,
                            "gpt-4o-mini")
    return folder, chunks


def test_mixed_faults_give_a_partial_briefing_and_a_rerun_sends_only_the_failed_chunks(tmp_path: Path) -> None:
    folder, chunks = story(tmp_path)
    assert len(chunks) == 20
    failing = {"Alder district 1 ": server_error(503), "Alder district 4 ": refusal(),
               "Alder district 7 ": schema_break(), "Birch district 2 ": empty_choices(),
               "Birch district 8 ": not_json()}
    recovering = {"Alder district 9 ": rate_limited("0.05"), "Birch district 0 ": truncated(),
                  "Birch district 5 ": schema_break(), "Birch district 6 ": dropped()}
    script = Script(grounded_responder, {**{m: [r] * 3 for m, r in failing.items()},  # every try of the first run
                                         **{m: [r] for m, r in recovering.items()}})  # once, then healthy
    with OpenAITestServer(script) as server:
        first = cli(["brief", str(folder), *ARGS], server)
        sent_first = extraction_texts(server)
        server.responder = grounded_responder  # the service recovers
        second = cli(["brief", str(folder), *ARGS], server)
        sent_second = extraction_texts(server)[len(sent_first):]
    assert first.returncode == 3, first.stderr
    assert "Traceback" not in first.stderr + second.stderr
    briefing = json.loads(first.stdout)
    failed = {(f["article_id"], f["start"], f["end"]) for f in briefing["failed_chunks"]}
    expected = {(c.article_id, c.start, c.end) for c in chunks if any(m in c.text for m in failing)}
    assert failed == expected and len(failed) == 5
    listed = [line for line in first.stderr.splitlines() if "chunk failed:" in line]
    assert len(listed) == 5
    for article_id, start, end in failed:
        assert any(f"{article_id} [{start}:{end}]" in line for line in listed)
    quotes = " ".join(ev["quote"] for e in briefing["chronology"]["events"] for ev in e["evidence"])
    healthy = [c for c in chunks if not any(m in c.text for m in failing)]
    for chunk in healthy:  # every healthy chunk (the recovered ones too) is in the briefing
        assert chunk.text.split(". ")[0] in quotes, chunk.text[:40]
    # the re-run: exactly the five failed chunks are sent again, once each; nothing that succeeded
    assert second.returncode == 0, second.stderr
    assert sorted(sent_second) == sorted(c.text for c in chunks if (c.article_id, c.start, c.end) in failed)
    complete = json.loads(second.stdout)
    quotes = " ".join(ev["quote"] for e in complete["chronology"]["events"] for ev in e["evidence"])
    assert not complete["failed_chunks"] and all(c.text.split(". ")[0] in quotes for c in chunks)


def test_fail_fast_stops_at_the_first_failed_chunk_and_writes_nothing(tmp_path: Path) -> None:
    folder, _chunks = story(tmp_path)
    out = tmp_path / "briefing.json"
    script = Script(grounded_responder, {"Alder district 0 ": [refusal("no")]}, repeat=True)
    with OpenAITestServer(script) as server:
        result = cli(["brief", str(folder), *ARGS, "--fail-fast", "--concurrency", "1", "-o", str(out)], server)
    assert result.returncode == 3
    assert result.stdout == "" and not out.exists()
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("timeline: error: stopped at the first failed chunk (--fail-fast): alder [0:")
    assert "the model refused: no" in line
    assert len(extraction_texts(server)) < 20  # stopped early


def test_ctrl_c_stops_cleanly_keeps_finished_chunks_and_the_rerun_resumes(tmp_path: Path) -> None:
    texts = {"alder": council_article("Alder", 6)}
    folder = write_articles(tmp_path / "story", texts)
    cache = tmp_path / "cache"
    state = {"n": 0}

    def two_fast_then_stuck(request: Recorded) -> Reply:
        state["n"] += 1
        reply = grounded_responder(request)
        return reply if state["n"] <= 2 else slow(30, reply)

    with OpenAITestServer(two_fast_then_stuck) as server:
        proc = popen(["brief", str(folder), *ARGS, "--concurrency", "2"], server, TIMELINE_CACHE_DIR=str(cache))
        try:
            deadline = time.monotonic() + 30
            while len(server.chat_requests) < 4 and time.monotonic() < deadline and proc.poll() is None:
                time.sleep(0.02)
            assert len(server.chat_requests) == 4  # two answered, two stuck
            time.sleep(0.2)
            proc.send_signal(signal.SIGINT)
            stdout, stderr = proc.communicate(timeout=15)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.communicate()
    assert proc.returncode == 130, stderr
    assert stderr.strip().splitlines() == [
        "timeline: interrupted: finished chunks are cached; run the same command again to resume"]
    assert stdout == ""
    db = sqlite3.connect(cache / "responses.sqlite")
    assert db.execute("SELECT count(*) FROM responses").fetchone()[0] == 2
    db.close()
    with OpenAITestServer(grounded_responder) as server:
        again = cli(["brief", str(folder), *ARGS], server, TIMELINE_CACHE_DIR=str(cache))
    assert again.returncode == 0, again.stderr
    assert len(extraction_texts(server)) == 4  # only the four unfinished chunks
