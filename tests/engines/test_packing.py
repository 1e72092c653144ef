"""Packing short articles into one request: events go to the article holding their quote,
dated against that article's own publication date; cache, failures and dry run agree."""
from __future__ import annotations

from datetime import date

import pytest

from common import API_KEY
from corpus_responder import corpus_responder
from openai_server import OpenAITestServer, error, queue
from timeline.errors import AllChunksFailed
from timeline.models import Article, Chunk
from timeline.engines.llm.packing import assign, pack_chunks
from timeline.run.pipeline import BriefOptions, brief, plan

A = Article(id="a", text="On Sunday, the council approved the budget, officials said. It meets again in May 2025.",
            published=date(2024, 12, 2))
B = Article(id="b", text="On Sunday, the mayor resigned, according to the city clerk. Protests followed.",
            published=date(2024, 6, 10))
C = Article(id="c", text="On Sunday, the council approved the budget, officials said.", published=date(2024, 3, 4))


@pytest.fixture(autouse=True)
def key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", API_KEY)


def options(server: OpenAITestServer, **kw) -> BriefOptions:
    return BriefOptions(engine="openai", base_url=server.url, max_retries=0, timeout=10, **kw)


def chunk(article_id: str, tokens: int, index: int = 0) -> Chunk:
    return Chunk(article_id=article_id, index=index, start=0, end=1, text="x", tokens=tokens)


def test_pack_chunks_keeps_order_and_budget() -> None:
    chunks = [chunk("a", 300), chunk("b", 300), chunk("c", 900), chunk("d", 1400), chunk("e", 50)]
    packs = pack_chunks(chunks, 1500)
    assert [[c.article_id for c in p] for p in packs] == [["a", "b", "e"], ["c"], ["d"]]


def test_a_repeated_quote_goes_to_each_copy_in_turn() -> None:
    class P:
        def __init__(self, evidence: str) -> None:
            self.evidence = evidence

    chunks = [Chunk(article_id=a.id, index=0, start=0, end=len(a.text), text=a.text, tokens=20) for a in (A, B, C)]
    quote = "the council approved the budget"
    per_chunk, unplaced = assign([P(quote), P("the mayor resigned"), P(quote), P("not there")], chunks)
    assert [[p.evidence for p in c] for c in per_chunk] == [[quote], ["the mayor resigned"], [quote]]
    assert [p.evidence for p in unplaced] == ["not there"]


def test_short_articles_share_one_request_and_keep_their_own_dates() -> None:
    with OpenAITestServer(corpus_responder) as server:
        result = brief([A, B, C], options(server))
    [request] = server.chat_requests  # one pack, and its reply carries the summary
    user = request.messages[-1]["content"]
    assert user.count("<article ") == 3
    assert '<article published="2024-12-02">' in user and '<article published="2024-03-04">' in user
    sundays = {}
    for event in result.chronology.events:
        for ev in event.evidence:
            if ev.when and ev.when.text.endswith("Sunday"):
                sundays[ev.article_id] = ev.when.value
                assert ev.quote == {"a": A, "b": B, "c": C}[ev.article_id].text[ev.start:ev.end]
    assert sundays == {"a": "2024-12-01", "b": "2024-06-09", "c": "2024-03-03"}
    assert result.summary.text and result.usage.requests == 1


def test_a_failed_pack_fails_each_of_its_chunks() -> None:
    with OpenAITestServer(queue(error(503, "down"))) as server, pytest.raises(AllChunksFailed) as caught:
        brief([A, B], options(server, use_cache=False))  # every chunk failed: no briefing (issue 10)
    assert [f.article_id for f in caught.value.failed_chunks] == ["a", "b"]


def test_re_run_is_served_from_the_cache_and_the_dry_run_agrees(tmp_path) -> None:
    articles = [A, B, C]
    with OpenAITestServer(corpus_responder) as server:
        opts = options(server, max_chunk_tokens=60, cache_dir=str(tmp_path))
        before = plan(articles, opts)
        brief(articles, opts)
        sent = len(server.chat_requests)
        after = plan(articles, opts)
        brief(articles, opts)
    assert before.requests == sent and sent > 2  # several packs, then one reduce
    assert len(server.chat_requests) == sent  # nothing sent twice
    assert all(c.cached for c in after.chunks)


def test_the_dry_run_plans_a_syndicated_copy_once_and_shows_no_cost_when_all_is_cached(tmp_path) -> None:
    copy = Article(id="copy", text=A.text, published=A.published, source="Another outlet")
    with OpenAITestServer(corpus_responder) as server:
        opts = options(server, max_chunk_tokens=60, cache_dir=str(tmp_path))
        before = plan([A, copy], opts)
        assert {c.article_id for c in before.chunks} == {A.id}  # the copy is read once, as in a run
        brief([A, copy], opts)
        after = plan([A, copy], opts)
    assert all(c.cached for c in after.chunks)
    assert "estimated cost: none: every request is cached" in after.describe()
