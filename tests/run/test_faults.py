"""One test per fault the API can throw, in-process against the fault-injecting test server.

Each test briefs two small articles (two chunks each) and scripts faults on the chunk that
holds "Alder district 0": transient faults are retried (honouring Retry-After, bounded),
schema faults get the one re-ask, truncation is retried once on the chunk split in two, and
what cannot be fixed fails that chunk only while the other three chunks come through.
"""
from __future__ import annotations

import time
from datetime import date

import pytest

from fault_kit import extraction_texts, grounded_responder, council_article
from openai_server import (OpenAITestServer, Script, dropped, empty_choices, not_json, rate_limited, refusal,
                           schema_break, server_error, slow, truncated)
from timeline.models import Article, Briefing
from timeline.run.pipeline import BriefOptions, brief
from timeline.text.quotes import normalise

MARK = "Alder district 0"
ALDER = council_article("Alder", 2)
BIRCH = council_article("Birch", 2)


@pytest.fixture(autouse=True)
def key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "test-key")


def articles() -> list[Article]:
    return [Article(id="alder", text=ALDER, published=date(2024, 12, 2)),
            Article(id="birch", text=BIRCH, published=date(2024, 12, 2))]


def run(server: OpenAITestServer, **kw) -> Briefing:
    options = BriefOptions(engine="openai", base_url=server.url, max_chunk_tokens=50, concurrency=2,
                           max_retries=kw.pop("max_retries", 1), timeout=kw.pop("timeout", 5), **kw)
    return brief(articles(), options)


def faulted(server: OpenAITestServer) -> int:
    """Extraction requests the faulted chunk drew (its halves included)."""
    return sum(MARK in text for text in extraction_texts(server))


def quotes(result: Briefing) -> list[str]:
    return [ev.quote for e in result.chronology.events + result.chronology.undated for ev in e.evidence]


def assert_others_healthy(result: Briefing) -> None:
    """The three chunks without faults are all in the chronology."""
    found = " ".join(quotes(result))
    for text, tag in ((ALDER, "Alder district 1"), (BIRCH, "Birch district 0"), (BIRCH, "Birch district 1")):
        assert tag in found, tag


def assert_only_faulted_chunk_failed(result: Briefing, reason: str) -> None:
    [failed] = result.failed_chunks
    assert failed.article_id == "alder" and MARK in ALDER[failed.start:failed.end]
    assert reason in failed.reason
    assert any(w.startswith(f"chunk failed: alder [{failed.start}:{failed.end}]") and reason in w
               for w in result.warnings)
    assert_others_healthy(result)


# -- transient faults: retried with bounded backoff --------------------------------------------

def test_429_is_retried_after_the_retry_after_delay() -> None:
    with OpenAITestServer(Script(grounded_responder, {MARK: [rate_limited("0.4")]})) as server:
        started = time.monotonic()
        result = run(server)
        elapsed = time.monotonic() - started
    assert faulted(server) == 2 and not result.failed_chunks
    assert elapsed >= 0.4  # waited as told
    assert any(MARK in q for q in quotes(result))
    assert_others_healthy(result)


def test_429_asking_for_a_long_wait_fails_that_chunk_now_instead_of_stalling() -> None:
    script = Script(grounded_responder, {MARK: [rate_limited("3600")]}, repeat=True)
    with OpenAITestServer(script) as server:
        result = run(server, max_retries=3, extra={"max_retry_wait": 1})
    # Not timed: one request and no retry means no wait was taken (a retry follows its wait);
    # a run that stalled for the hour would be failed by the suite's hang guard (pytest-timeout).
    assert faulted(server) == 1  # not retried: the server asked for an hour
    assert_only_faulted_chunk_failed(result, "asked to wait 3600s")


def test_500_is_retried_then_exhausted_retries_fail_the_chunk_only() -> None:
    with OpenAITestServer(Script(grounded_responder, {MARK: [server_error(500)]})) as server:
        assert not run(server).failed_chunks
    assert faulted(server) == 2
    with OpenAITestServer(Script(grounded_responder, {MARK: [server_error(500)]}, repeat=True)) as server:
        result = run(server, max_retries=2, use_cache=False)
    assert faulted(server) == 3  # one try and two retries
    assert_only_faulted_chunk_failed(result, "server answered 500")


def test_503_is_retried_then_exhausted_retries_fail_the_chunk_only() -> None:
    with OpenAITestServer(Script(grounded_responder, {MARK: [server_error(503, "0.2")]})) as server:
        started = time.monotonic()
        assert not run(server).failed_chunks
    assert faulted(server) == 2 and time.monotonic() - started >= 0.2
    with OpenAITestServer(Script(grounded_responder, {MARK: [server_error(503)]}, repeat=True)) as server:
        result = run(server, max_retries=1, use_cache=False)
    assert faulted(server) == 2
    assert_only_faulted_chunk_failed(result, "server answered 503")


def test_reply_slower_than_the_timeout_is_retried_then_fails_the_chunk() -> None:
    with OpenAITestServer(Script(grounded_responder, {MARK: [slow(2.0)]})) as server:
        assert not run(server, timeout=0.3).failed_chunks
    assert faulted(server) == 2
    with OpenAITestServer(Script(grounded_responder, {MARK: [slow(2.0)]}, repeat=True)) as server:
        result = run(server, timeout=0.3, max_retries=1, use_cache=False)
    assert faulted(server) == 2  # one try and one retry, each cut by the client's timeout
    assert_only_faulted_chunk_failed(result, "timed out after 0.3s")


def test_dropped_connection_is_retried_then_fails_the_chunk() -> None:
    with OpenAITestServer(Script(grounded_responder, {MARK: [dropped()]})) as server:
        assert not run(server).failed_chunks
    assert faulted(server) == 2
    with OpenAITestServer(Script(grounded_responder, {MARK: [dropped()]}, repeat=True)) as server:
        result = run(server, max_retries=0, use_cache=False)
    assert_only_faulted_chunk_failed(result, "connection lost")


# -- replies that are not an answer ------------------------------------------------------------

def test_body_that_is_not_json_fails_the_chunk() -> None:
    with OpenAITestServer(Script(grounded_responder, {MARK: [not_json()]}, repeat=True)) as server:
        result = run(server)
    assert_only_faulted_chunk_failed(result, "not a chat completion")


def test_json_breaking_the_schema_is_reasked_once() -> None:
    with OpenAITestServer(Script(grounded_responder, {MARK: [schema_break()]})) as server:
        result = run(server)
    assert not result.failed_chunks and faulted(server) == 2
    reask = [r for r in server.chat_requests if len(r.messages) > 2][0]
    assert "did not match the schema" in reask.messages[-1]["content"] and "when_text" in reask.messages[-1]["content"]
    with OpenAITestServer(Script(grounded_responder, {MARK: [schema_break()]}, repeat=True)) as server:
        result = run(server, use_cache=False)
    assert faulted(server) == 2  # one re-ask, no more
    assert_only_faulted_chunk_failed(result, "invalid reply after 2 attempts")


def test_truncated_reply_is_retried_once_on_the_chunk_split_at_a_sentence() -> None:
    with OpenAITestServer(Script(grounded_responder, {MARK: [truncated()]})) as server:
        result = run(server)
    assert not result.failed_chunks
    texts = [t for t in extraction_texts(server) if MARK in t or "Residents of Alder district 0" in t]
    whole, *halves = texts  # the cut-off request, then its two halves (sent concurrently)
    first, second = sorted(halves, key=ALDER.index)
    assert whole == first + " " + second and first.endswith("project Alder-0.")
    events = [e for e in result.chronology.events + result.chronology.undated
              if any(ev.article_id == "alder" and ev.start < len(whole) for ev in e.evidence)]
    found = {ev.quote for e in events for ev in e.evidence}
    assert any(q in first for q in found) and any(q in second for q in found)  # events from both halves
    for event in result.chronology.events + result.chronology.undated:  # offsets exact in the article
        for ev in event.evidence:
            text = ALDER if ev.article_id == "alder" else BIRCH
            assert normalise(text[ev.start:ev.end])[0] == normalise(ev.quote)[0]
    assert_others_healthy(result)


def test_truncated_twice_fails_the_chunk_and_a_rerun_only_retries_the_halves() -> None:
    with OpenAITestServer(Script(grounded_responder, {MARK: [truncated()]}, repeat=True)) as server:
        result = run(server)
    assert faulted(server) == 3  # the chunk, then each half once; no further splitting
    assert_only_faulted_chunk_failed(result, "split in two")
    with OpenAITestServer(grounded_responder) as server:
        again = run(server)
    assert not again.failed_chunks
    assert faulted(server) == 2  # the cut-off reply was kept: only the halves are asked again
    assert len(extraction_texts(server)) == 2


def test_refusal_fails_the_chunk_without_retrying() -> None:
    with OpenAITestServer(Script(grounded_responder, {MARK: [refusal("I can't help with that.")]}, repeat=True)) as server:
        result = run(server)
    assert faulted(server) == 1
    assert_only_faulted_chunk_failed(result, "the model refused: I can't help with that.")


def test_empty_choices_fail_the_chunk() -> None:
    with OpenAITestServer(Script(grounded_responder, {MARK: [empty_choices()]}, repeat=True)) as server:
        result = run(server)
    assert_only_faulted_chunk_failed(result, "no choices")


def test_truncated_reply_for_a_pack_retries_once_as_two_smaller_requests() -> None:
    with OpenAITestServer(Script(grounded_responder, {MARK: [truncated()]})) as server:
        options = BriefOptions(engine="openai", base_url=server.url, max_chunk_tokens=400, concurrency=2,
                               max_retries=0, timeout=5)
        result = brief(articles(), options)
        requests = [r for r in server.chat_requests if (r.body.get("response_format") or {}).get("json_schema", {})
                    .get("name") == "events"]
    assert not result.failed_chunks
    first, *retries = [json_text(r) for r in requests]
    assert "Alder district 0" in first and "Birch district 0" in first  # both articles shared one request
    assert len(retries) == 2 and all(("Alder" in t) != ("Birch" in t) for t in retries)  # then one each
    assert_others_healthy(result)
    assert MARK in " ".join(quotes(result))


def json_text(request) -> str:
    return " ".join(str(m.get("content")) for m in request.body["messages"])
