"""Propose and verify a large offline run in worker processes, results in input order.

The offline engine's work on a chunk (tag, propose, verify) depends only on the chunk and its
article, so a big story's chunks are cut into batches and run over a few processes (one per
core, see ``pipeline.pool_workers``). Each worker proposes and verifies its batch in one
process, so the engine's tagging still reaches verify (``ChunkProposals.tagging``), and it also reads each
verified event as merge will (``merge.profile``): that reading is per event, and was a third
of merging. The parent collects the batches in input order, so the briefing is the one the
in-process path writes, byte for byte.

Measured on the 1,500-article bench story (bench/bench_keydates.py, 2 cores): propose and
verify were about two thirds of a 40 s run; see docs/benchmarks.md for the figures.

Ctrl-C reaches the whole process group: workers ignore it and the parent stops them, so the
user sees the usual one line. An error in a worker is raised in the parent as itself (same
type and message, so the same one-line error and exit code); one that cannot be sent across
processes is raised as a stand-in of the same name and message. A worker that dies
(killed, out of memory) ends the run with one line (BrokenProcessPool).
"""
from __future__ import annotations

import asyncio
import logging
import multiprocessing
import pickle
import signal
import sys
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any, Iterator

from timeline.engines.base import Engine
from timeline.errors import ChunkFailed, StoppedAtFailedChunk, TimelineError
from timeline.models import Article, Chunk
from timeline.options import BriefOptions
from timeline.text.chunker import chunk_article
from timeline.run.propose import ChunkOutcome, Progress, _propose_all, _verify_chunk, fewer_collections
from timeline.text.tokens import counter_for, release_counters

BATCH_CHUNKS = 50  # chunks per batch: about a second of work; small batches balance the load and let Ctrl-C stop soon


async def chunk_and_pool(engine_class: type[Engine], articles: list[Article], options: BriefOptions,
                         progress: Progress | None, workers: int, least: int, model: str | None,
                         engine: Engine | None = None) -> tuple[list[Chunk], list[ChunkOutcome] | None, int, set[str]]:
    """(chunks, outcomes, count, article ids chunked). With fewer than ``least`` chunks: every
    article's chunks (``chunker.chunk_articles``' list) and outcomes None (the caller runs them
    in this process). Else each chunk's ChunkOutcome in chunk order,
    computed by ``workers`` processes: this one (with ``engine``, else an ``engine_class()``)
    and ``workers - 1`` worker processes each running ``engine_class()``; and no chunks (a
    batch's chunks are let go once it is done: their text was 25 MB of the memory peak).

    This process takes part: it chunks while the workers start (spawn and import take about a
    second), then proposes batches from the end of the story while the workers take them from
    the start, each kept two batches ahead, until the two meet. A pool that left this process
    waiting cost a whole interpreter more for the same cores (a worker holds about 70 MB at the
    run's peak on the 1,025-article story). --fail-fast stops at the first failed chunk in input
    order, as in one process (reported once every batch is in)."""
    counter = counter_for(model)
    by_id = {a.id: a for a in articles}
    chunks: list[Chunk] = []  # not yet in a batch
    count = 0
    chunked: set[str] = set()
    waiting: deque[tuple[int, list[Chunk]]] = deque()  # batches no process has taken yet, in order
    running: dict[int, tuple[list[Chunk], Future[tuple[str, Any]]]] = {}  # the workers' batches
    done: dict[int, list[ChunkOutcome]] = {}
    batches = 0
    pool: ProcessPoolExecutor | None = None
    finished = False
    ahead = 2 * max(workers - 1, 1)  # batches each worker has queued, so it never waits for this process
    unshared = options.model_copy(update={"fail_fast": False})  # the first failure in input order, below

    def top_up() -> None:
        assert pool is not None
        while waiting and len(running) < ahead:
            number, batch = waiting.popleft()
            with _main_module_hidden(), _ctrl_c_ignored():  # a worker starts on a submission
                running[number] = batch, pool.submit(_work, engine_class, batch,
                                                     {c.article_id: by_id[c.article_id] for c in batch}, unshared)

    def harvest() -> None:
        for number in [n for n, (_b, f) in running.items() if f.done()]:
            _batch, future = running.pop(number)
            status, payload = future.result()
            if status != "ok":
                raise _error(payload) from None
            done[number] = payload
            if progress:
                progress(sum(map(len, done.values())), count)

    try:
        for article in articles:
            made = chunk_article(article, counter, options.max_chunk_tokens)
            chunks.extend(made)
            count += len(made)
            chunked.update(c.article_id for c in made)
            if pool is None and count >= least:
                level = logging.getLogger("timeline").getEffectiveLevel()
                pool = ProcessPoolExecutor(max(workers - 1, 1), mp_context=_context(), initializer=_start_worker,
                                           initargs=(level,))
            while pool is not None and len(chunks) >= BATCH_CHUNKS:
                waiting.append((batches, chunks[:BATCH_CHUNKS]))
                batches += 1
                del chunks[:BATCH_CHUNKS]
                top_up()
        del counter
        if not engine_class.counts_tokens:
            release_counters()  # chunking was its last use: 35 MB less beside the workers
        if pool is None:
            finished = True
            return chunks, None, count, chunked
        if chunks:
            waiting.append((batches, chunks))
            batches += 1
            chunks = []
        if progress:
            progress(0, count)
        here = engine if engine is not None else engine_class()
        while waiting or running:
            harvest()
            top_up()
            if waiting:  # this process takes the last batch no worker has taken
                number, batch = waiting.pop()
                proposed = await _propose_all(here, batch, by_id, unshared, None,
                                              lambda chunk, result: _verify_chunk(chunk, result, by_id[chunk.article_id]))
                done[number] = [outcome for _chunk, outcome in proposed]
                if progress:
                    progress(sum(map(len, done.values())), count)
            elif running:
                wrapped = [asyncio.wrap_future(f) for _b, f in running.values()]
                await asyncio.wait(wrapped, return_when=asyncio.FIRST_COMPLETED)
                for waiter in wrapped:  # harvest() reads the pool's futures, not these copies
                    _retrieve_later(waiter)
        outcomes: list[ChunkOutcome] = []
        for number in range(batches):
            outcomes.extend(done.pop(number))
        if options.fail_fast:
            failed = next((o for o in outcomes if o.failed is not None), None)
            if failed is not None and failed.failed is not None:
                raise StoppedAtFailedChunk(failed.failed.article_id, failed.failed.start, failed.failed.end,
                                           ChunkFailed(failed.failed.reason)) from None
        finished = True
        return [], outcomes, count, chunked
    finally:
        if pool is not None and finished:
            pool.shutdown(wait=True)
        elif pool is not None:  # an error, --fail-fast or Ctrl-C: the batches still running are not wanted
            pool.shutdown(wait=False, cancel_futures=True)
            _stop(pool)


def _retrieve_later(waiter: asyncio.Future[Any]) -> None:
    """Mark ``waiter``'s outcome as read, now or when it comes. Each wait wraps the pool's
    futures in asyncio copies; a copy whose exception nobody reads (every copy when a worker
    dies: BrokenProcessPool) is logged with a traceback as "Future exception was never
    retrieved" when it is collected, after the run's one-line error."""
    if waiter.done():
        if not waiter.cancelled():
            waiter.exception()
    else:
        waiter.add_done_callback(lambda f: None if f.cancelled() else f.exception())


def _context() -> Any:
    """A fresh interpreter per worker (spawn): never a fork of this process and its threads,
    and nothing left running after the pool (a forkserver would stay, holding the package:
    about 60 MB more at the run's memory peak, for no time saved on 2 cores)."""
    return multiprocessing.get_context("spawn")


@contextmanager
def _main_module_hidden() -> Iterator[None]:
    """Workers started without the caller's main module. A new interpreter re-runs the main
    script unless told otherwise, and a script that calls ``brief()`` without an ``if __name__
    == "__main__":`` guard would then brief again in every worker; the workers only run
    timeline's own functions, so they do not need it."""
    main = sys.modules.get("__main__")
    if main is None:
        yield
        return
    saved: dict[str, Any] = {name: main.__dict__[name] for name in ("__file__", "__spec__") if name in main.__dict__}
    main.__dict__.pop("__file__", None)
    main.__dict__["__spec__"] = None
    try:
        yield
    finally:
        main.__dict__.pop("__spec__", None)
        main.__dict__.update(saved)


@contextmanager
def _ctrl_c_ignored() -> Iterator[None]:
    """SIGINT blocked while workers are started, so they are born with it blocked (a new
    process keeps its parent's signal mask; nothing in the worker unblocks it): a Ctrl-C
    while a worker is still importing would otherwise print that worker's traceback. The
    parent only defers a Ctrl-C that comes in those milliseconds: blocked, not ignored, it is
    delivered when unblocked. Where signals cannot be blocked, the worker's initializer
    ignores SIGINT once it runs."""
    if not hasattr(signal, "pthread_sigmask"):  # the mask is this thread's: any thread may start workers
        yield
        return
    saved = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, saved)


def _stop(pool: ProcessPoolExecutor) -> None:
    """End the pool's workers now (their batches are not wanted); Python 3.14 has a method."""
    terminate = getattr(pool, "terminate_workers", None)
    if terminate is not None:
        terminate()
        return
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        if process.is_alive():
            process.terminate()


def _start_worker(level: int) -> None:
    """In each worker: Ctrl-C is the parent's to handle; log as the parent does (-v, -vv)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    fewer_collections().__enter__()  # for the worker's life (see chunk_stage.fewer_collections)
    if level < logging.WARNING:
        logging.basicConfig(level=level, format="timeline: %(levelname)s: %(message)s", stream=sys.stderr)


def _work(engine_class: type[Engine], chunks: list[Chunk], by_id: dict[str, Article], options: BriefOptions
          ) -> tuple[str, Any]:
    """("ok", outcomes) for a batch, or ("error", what to raise in the parent)."""
    _trimmed()
    try:
        engine = engine_class()
        # each chunk verified as soon as it is proposed (the engine's caches still hold its sentences)
        verified = asyncio.run(_propose_all(
            engine, chunks, by_id, options.model_copy(update={"fail_fast": False}), None,
            lambda chunk, result: _verify_chunk(chunk, result, by_id[chunk.article_id])))
        return "ok", [outcome for _chunk, outcome in verified]
    except Exception as exc:  # noqa: BLE001 - sent to the parent, raised there as itself
        return "error", _sendable(exc)


def _trimmed() -> None:
    """The memory the last batch let go handed back to the system (glibc keeps freed heap for
    reuse): a worker grew from 45 to 71 MB over the 1,025-article story without this, and its
    memory adds to the parent's at the run's busiest moment. A no-op where there is no glibc."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def _sendable(exc: Exception) -> Any:
    """``exc`` when it can cross processes, else its name, message and exit code."""
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:  # noqa: BLE001 - an exception that cannot cross processes: its name and message
        return (type(exc).__name__, str(exc), getattr(exc, "exit_code", None) if isinstance(exc, TimelineError) else None)


def _error(payload: Any) -> BaseException:
    """The exception a worker raised, or a stand-in with its name, message and exit code."""
    if isinstance(payload, BaseException):
        return payload
    name, message, exit_code = payload
    if exit_code is not None:
        error = TimelineError(message)
        error.exit_code = exit_code
        return error
    stand_in: type[Exception] = type(name, (Exception,), {"__module__": __name__})
    return stand_in(message)
