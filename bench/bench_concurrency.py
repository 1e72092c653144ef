"""Concurrency: 32 chunks at --concurrency 8 against the test server answering each request
after 0.5 s. Ideal = 32 / 8 x 0.5 s = 2 s for the chunks (target: wall / ideal <= 1.3).

The test server runs in a child process, as a real provider would be elsewhere.
The chunks' wall time runs from the start of ``brief`` to the moment the last chunk is
done (the progress callback), so it includes client set-up, chunking and verification.
The whole briefing adds one dependent reduce request (another 0.5 s), so its ideal is 2.5 s;
that ratio is reported too.
"""
from __future__ import annotations

import os
import time

from . import _support  # noqa: F401
from timeline.models import Article
from timeline.run.pipeline import BriefOptions, brief

LATENCY = 0.5
CHUNKS = 32
CONCURRENCY = 8
TARGET = 1.3


def _articles() -> list[Article]:
    """32 articles that each fill one chunk, so none can share a request."""
    seed = _support.seed_article()
    return [Article(id=f"c{i:02d}", text=f"Report {i}.\n" + seed.text, published=seed.published) for i in range(CHUNKS)]


def _serve(conn, latency: float) -> None:  # runs in a child process
    """The test server in its own process, as a real provider is: its request handling must
    not compete with the client for this process's interpreter lock. Replies are computed
    once per request body (the warm-up run) and then served after ``latency`` seconds."""

    from . import _support  # also puts tests/support on sys.path
    from openai_server import OpenAITestServer, Recorded

    replies: dict[str, object] = {}
    delay = {"s": 0.0}

    def slow(request: Recorded):
        reply = _support.cached_corpus_reply(request, replies)
        reply.delay = delay["s"]
        return reply

    with OpenAITestServer(slow, lifetime=240) as server:
        conn.send(server.url)
        while True:
            command = conn.recv()
            if command == "timed":
                delay["s"] = latency
                server.requests.clear()
                conn.send("ok")
            elif command == "count":
                conn.send(len(server.chat_requests))
            else:
                break


def run() -> dict:
    import multiprocessing

    import openai  # noqa: F401  (imported before timing, as a long-running process would have it)

    os.environ.setdefault("OPENAI_API_KEY", "test-key")
    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe()
    child = context.Process(target=_serve, args=(theirs, LATENCY), daemon=True)
    child.start()
    try:
        url = ours.recv()
        options = BriefOptions(engine="openai", base_url=url, use_cache=False, max_retries=0, timeout=30,
                               concurrency=CONCURRENCY, max_chunk_tokens=700)
        brief(_articles(), options)  # warm-up: the scripted replies, imports, the tagger's caches
        ours.send("timed")
        ours.recv()
        chunks_done: list[float] = []
        started = time.perf_counter()
        result = brief(_articles(), options,
                       progress=lambda done, total: chunks_done.append(time.perf_counter()) if done == total else None)
        total = time.perf_counter() - started
        ours.send("count")
        requests = ours.recv()
        ours.send("stop")
    finally:
        child.join(timeout=10)
        if child.is_alive():
            child.kill()
    ideal = CHUNKS / CONCURRENCY * LATENCY
    chunk_wall = chunks_done[-1] - started
    return {"chunks": CHUNKS, "concurrency": CONCURRENCY, "latency_s": LATENCY, "requests": requests,
            "chunk_wall_s": chunk_wall, "ideal_s": ideal, "ratio": chunk_wall / ideal,
            "briefing_wall_s": total, "briefing_ideal_s": ideal + LATENCY, "briefing_ratio": total / (ideal + LATENCY),
            "failed_chunks": len(result.failed_chunks), "target": TARGET, "ok": chunk_wall / ideal <= TARGET
            and requests == CHUNKS + 1 and not result.failed_chunks}


if __name__ == "__main__":
    print(run())
