"""Cache: an unchanged re-run of the 50-article corpus sends no request (target 0), and its
wall time relative to the first run (each request answered after 0.1 s, as a fast server)."""
from __future__ import annotations

import os
import tempfile
import time

from . import _support  # noqa: F401
from timeline.run.pipeline import BriefOptions, brief

LATENCY = 0.1


def run() -> dict:
    from corpus_responder import corpus_responder
    from openai_server import OpenAITestServer, Recorded

    def answer(request: Recorded):
        reply = corpus_responder(request)
        reply.delay = LATENCY
        return reply

    os.environ.setdefault("OPENAI_API_KEY", "test-key")
    articles = _support.corpus(50)
    with tempfile.TemporaryDirectory() as cache, OpenAITestServer(answer) as server:
        options = BriefOptions(engine="openai", base_url=server.url, cache_dir=cache, max_retries=0, timeout=30)
        t0 = time.perf_counter()
        first = brief(articles, options)
        t1 = time.perf_counter()
        sent_first = len(server.chat_requests)
        second = brief(articles, options)
        t2 = time.perf_counter()
        sent_again = len(server.chat_requests) - sent_first
    same = first.chronology == second.chronology and first.summary == second.summary
    return {"articles": len(articles), "first_requests": sent_first, "rerun_requests": sent_again,
            "first_s": t1 - t0, "rerun_s": t2 - t1, "ratio": (t2 - t1) / (t1 - t0),
            "cached_responses": second.usage.cached_responses, "same_briefing": same,
            "target_requests": 0, "ok": sent_again == 0 and same}


if __name__ == "__main__":
    print(run())
