"""Concurrency: 32 chunks at --concurrency 8 against the test server answering each request
after 0.5 s. Ideal = 32 / 8 x 0.5 s = 2 s for the chunks (target: wall / ideal <= 1.3).

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
from timeline.pipeline import BriefOptions, brief

LATENCY = 0.5
CHUNKS = 32
CONCURRENCY = 8
TARGET = 1.3


def _articles() -> list[Article]:
    """32 articles that each fill one chunk, so none can share a request."""
    seed = _support.seed_article()
    return [Article(id=f"c{i:02d}", text=f"Report {i}.\n" + seed.text, published=seed.published) for i in range(CHUNKS)]


def run() -> dict:
    from corpus_responder import corpus_responder
    from openai_server import OpenAITestServer, Recorded

    import openai  # noqa: F401  (imported before timing, as a long-running process would have it)

    import copy
    import json

    replies: dict[str, object] = {}
    latency = {"s": 0.0}

    def slow(request: Recorded):
        # The scripted model's own work (tagging, token counting) is done once, in the warm-up
        # run, so the timed run measures the engine and the latency, not the test server's CPU.
        key = json.dumps(request.body, sort_keys=True)
        if key not in replies:
            replies[key] = corpus_responder(request)
        reply = copy.deepcopy(replies[key])
        reply.delay = latency["s"]
        return reply

    os.environ.setdefault("OPENAI_API_KEY", "test-key")
    chunks_done: list[float] = []
    with OpenAITestServer(slow) as server:
        options = BriefOptions(engine="openai", base_url=server.url, use_cache=False, max_retries=0, timeout=30,
                               concurrency=CONCURRENCY, max_chunk_tokens=700)
        brief(_articles(), options)  # warm-up: the scripted replies, imports, the tagger's caches
        server.requests.clear()
        latency["s"] = LATENCY
        started = time.perf_counter()
        result = brief(_articles(), options,
                       progress=lambda done, total: chunks_done.append(time.perf_counter()) if done == total else None)
        total = time.perf_counter() - started
        requests = len(server.chat_requests)
    ideal = CHUNKS / CONCURRENCY * LATENCY
    chunk_wall = chunks_done[-1] - started
    return {"chunks": CHUNKS, "concurrency": CONCURRENCY, "latency_s": LATENCY, "requests": requests,
            "chunk_wall_s": chunk_wall, "ideal_s": ideal, "ratio": chunk_wall / ideal,
            "briefing_wall_s": total, "briefing_ideal_s": ideal + LATENCY, "briefing_ratio": total / (ideal + LATENCY),
            "failed_chunks": len(result.failed_chunks), "target": TARGET, "ok": chunk_wall / ideal <= TARGET
            and requests == CHUNKS + 1 and not result.failed_chunks}


if __name__ == "__main__":
    print(run())
