"""Batch vs synchronous: 1,000 articles through a simulated Batch API and through the
synchronous path at --concurrency 8 with 0.5 s per request, the same engine and replies.

Reported for each path: model requests (and, for the batch, the HTTP calls to the batch
endpoints), billed tokens, dollars (the batch's extraction requests at batch prices, half the
synchronous price; its one reduce request synchronously at full price), and wall time from
the articles to the Briefing (verify, merge and summary included on both sides). The
simulated batch completes in seconds (``tests/batch_server.py``; a real one takes minutes to
24 h: the point of the comparison is requests, tokens and dollars, and that the batch path's
own overhead is small). The batch's wall time is split into submit (build and upload the
requests), provider (polling until the simulator has answered every line; it computes the
scripted replies then) and collect-and-finish (download, cache, verify, merge, summary with
the one synchronous reduce). Both briefings must be equal.

Articles: the first 1,000 of ``../shared/corpus`` (read, never copied); without it, the
repository's seed-based corpus (``_support.corpus``), with a notice. The test server runs in
a child process; its scripted replies are computed once per request body before either timed
run, so neither path pays for the scripted model; synchronous requests wait 0.5 s each.
"""
from __future__ import annotations

import asyncio
import json
import os
import sys
import tempfile
import time
from datetime import date

from . import _support  # noqa: F401
from timeline.models import Article
from timeline.run.pipeline import BriefOptions, brief

ARTICLES = 1000
CONCURRENCY = 8
LATENCY = 0.5


def articles(n: int = ARTICLES) -> list[Article]:
    folder = _support.REPO.parent / "shared" / "corpus"
    out: list[Article] = []
    if folder.is_dir():
        for path in sorted(folder.glob("*.jsonl")):
            for line in path.read_text(encoding="utf-8").splitlines():
                item = json.loads(line)
                text = (item.get("text") or "").strip()
                if len(text.split()) < 30:
                    continue
                published = item.get("published")
                out.append(Article(id=f"a{len(out):04d}", title=item.get("title"), text=text,
                                   published=date.fromisoformat(published[:10]) if published else None))
                if len(out) == n:
                    return out
    print("bench_batch: ../shared/corpus not found; using the seed-based corpus", file=sys.stderr)
    return _support.corpus(n)


def _serve(conn, latency: float) -> None:  # runs in a child process

    from . import _support  # also puts tests/support on sys.path
    from batch_server import BatchSim
    from openai_server import OpenAITestServer, Recorded

    replies: dict[str, object] = {}
    delay = {"s": 0.0}

    def respond(request: Recorded):
        reply = _support.cached_corpus_reply(request, replies)
        if request.headers:  # a synchronous request (batch lines are answered inside the simulator)
            reply.delay = delay["s"]
        return reply

    sim = BatchSim()
    with OpenAITestServer(respond, lifetime=1800, idle=600, batches=sim) as server:
        conn.send(server.url)
        while True:
            command = conn.recv()
            if isinstance(command, tuple) and command[0] == "warm":  # compute every scripted reply once, untimed
                for body in command[1]:
                    respond(Recorded("POST", "/v1/chat/completions", {}, body))
                conn.send("ok")
            elif command == "latency":
                delay["s"] = latency
                conn.send("ok")
            elif command == "count":
                conn.send({"chat": len(server.chat_requests), "http": len(server.requests),
                           "batch_lines": sum(b["request_counts"]["total"] for b in sim.batches.values())})
                server.requests.clear()
            else:
                break


async def _batch(items: list[Article], options: BriefOptions):
    from timeline.engines.llm import batch
    from timeline.engines.llm.engine import LLMEngine, resolve_model
    from timeline.engines.llm.transports.openai import OpenAITransport
    from timeline.engines.llm.transports.openai_batch import OpenAIBatchClient

    model = resolve_model(options.model)
    client = OpenAIBatchClient(options, model)
    phases = {}
    try:
        started = time.perf_counter()
        job = await batch.submit(LLMEngine(options, None, name="openai"), items, client)
        phases["submit_s"] = time.perf_counter() - started
        await batch.wait(job, client, first=0.2)
        phases["provider_s"] = time.perf_counter() - started - phases["submit_s"]
        engine = LLMEngine(options, OpenAITransport(options, model), name="openai")
        briefing = await batch.collect(job, options, client, engine)
        phases["collect_and_finish_s"] = time.perf_counter() - started - phases["submit_s"] - phases["provider_s"]
        return briefing, {k: round(v, 2) for k, v in phases.items()}
    finally:
        await client.aclose()


def run(n: int = ARTICLES) -> dict:
    import multiprocessing

    import openai  # noqa: F401  (imported before timing)

    os.environ.setdefault("OPENAI_API_KEY", "test-key")
    items = articles(n)
    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe()
    child = context.Process(target=_serve, args=(theirs, LATENCY), daemon=True)
    child.start()
    try:
        url = ours.recv()
        with tempfile.TemporaryDirectory() as batch_dir, tempfile.TemporaryDirectory() as sync_dir:
            common = dict(engine="openai", base_url=url, max_retries=0, timeout=60, concurrency=CONCURRENCY)
            from timeline.engines.llm.batch import body_of, extraction_requests
            from timeline.engines.llm.engine import LLMEngine

            planner = LLMEngine(BriefOptions(**common), None, name="openai")
            ours.send(("warm", [body_of(p.params) for p in extraction_requests(planner, items)]))
            ours.recv()
            started = time.perf_counter()
            batched, phases = asyncio.run(_batch(items, BriefOptions(cache_dir=batch_dir, **common)))
            batch_wall = time.perf_counter() - started
            ours.send("count")
            batch_calls = ours.recv()
            ours.send("latency")
            ours.recv()
            started = time.perf_counter()
            synced = brief(items, BriefOptions(cache_dir=sync_dir, **common))
            sync_wall = time.perf_counter() - started
            ours.send("count")
            sync_calls = ours.recv()
        ours.send("stop")
    finally:
        child.join(timeout=10)
        if child.is_alive():
            child.kill()
    same = batched.chronology == synced.chronology and batched.summary == synced.summary
    b, s = batched.usage, synced.usage
    return {
        "articles": len(items), "concurrency": CONCURRENCY, "latency_s": LATENCY,
        "sync": {"model_requests": sync_calls["chat"], "prompt_tokens": s.prompt_tokens,
                 "completion_tokens": s.completion_tokens, "cost_usd": s.cost_usd, "wall_s": round(sync_wall, 2)},
        "batch": {"model_requests": batch_calls["batch_lines"] + batch_calls["chat"],
                  "in_batch": batch_calls["batch_lines"], "synchronous": batch_calls["chat"],
                  "http_calls": batch_calls["http"], "prompt_tokens": b.prompt_tokens,
                  "completion_tokens": b.completion_tokens, "cost_usd": b.cost_usd, "wall_s": round(batch_wall, 2),
                  **phases},
        "cost_ratio": round(b.cost_usd / s.cost_usd, 3) if s.cost_usd else None,
        "wall_ratio": round(batch_wall / sync_wall, 3), "same_briefing": same,
        "ok": same and b.prompt_tokens == s.prompt_tokens and (s.cost_usd == 0 or b.cost_usd < 0.6 * s.cost_usd),
    }


if __name__ == "__main__":
    print(json.dumps(run(int(sys.argv[1]) if len(sys.argv) > 1 else ARTICLES), indent=1))
