"""``timeline brief --batch`` and ``timeline batch status|collect|resubmit|list``: parsing and printing only.

A batch job's life (submit, wait, collect through the pipeline) is ``timeline.run.batch``; the
request files and result parsing are ``timeline.engines.llm.batch``; the OpenAI and Azure Batch
API is ``engines/llm/transports/openai_batch.py``. Messages, output and exit codes come from
``cli.output`` like every command's.
"""
from __future__ import annotations

import argparse
import sys
from typing import Any

from timeline.cli.output import EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, check_output, setup_logging, Progress, say, write

BATCH_EPILOG = """\
examples:
  timeline brief archive/ --engine openai --batch          # send; prints the batch id
  timeline batch status batch_abc123                       # how far it is
  timeline batch collect batch_abc123 -f markdown -o b.md  # the briefing, once it is done
  timeline batch resubmit batch_abc123                     # send only what failed or expired, as a new batch

The job is kept in the cache directory (--cache-dir / $TIMELINE_CACHE_DIR), so collect works from
another shell or after a reboot. Exit codes: 0 ok, 1 error, 2 usage, 3 partial (some requests were
not answered: listed), 75 not finished yet (run collect again later).
"""


def add_brief_flags(b: argparse.ArgumentParser) -> None:
    """``--batch``, ``--wait`` and ``--poll`` on ``timeline brief``."""
    g = b.add_argument_group("batch (OpenAI / Azure Batch API: half price, results within 24 h)")
    g.add_argument("--batch", action="store_true",
                   help="send the extraction requests as a batch job and print its id; finish with 'timeline batch collect ID'")
    g.add_argument("--wait", action="store_true", help="with --batch: wait for the batch (polling with backoff), then write the briefing")
    g.add_argument("--poll", type=float, default=10.0, metavar="SECONDS", help="with --wait: first polling interval (default 10, grows x1.5 to 5 min)")


def add_batch_command(sub: Any, build: bool) -> None:
    """The ``batch`` command and its sub-commands (flags built only when ``build``)."""
    p = sub.add_parser("batch", help="status, collect or resubmit a batch job sent with 'brief --batch'",
                       epilog=BATCH_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    if not build:
        return
    actions = p.add_subparsers(dest="action", metavar="ACTION", parser_class=type(p))
    status = actions.add_parser("status", help="the state of each batch of the job")
    collect = actions.add_parser("collect", help="download the results and write the briefing")
    resubmit = actions.add_parser("resubmit", help="send the requests no batch answered as a new batch")
    listing = actions.add_parser("list", help="the batch jobs kept in the cache directory")
    for q in (status, collect, resubmit):
        q.add_argument("id", metavar="ID", help="the id 'brief --batch' printed")
    for q in (status, collect, resubmit, listing):
        q.add_argument("--cache-dir", metavar="DIR", help="where the job was kept (default: the user cache directory)")
    for q in (status, collect, resubmit):
        q.add_argument("-v", "--verbose", action="count", default=0, help="log progress (-vv: debug)")
    from timeline.render import FORMATS

    collect.add_argument("--format", "-f", default="terminal", choices=list(FORMATS))
    collect.add_argument("-o", "--output", metavar="FILE", help="write the briefing to FILE instead of stdout")
    collect.add_argument("--sync", action="store_true", help="send the requests the batch did not answer now, synchronously")
    collect.add_argument("--wait", action="store_true", help="wait until every batch of the job has finished")
    collect.add_argument("--poll", type=float, default=10.0, metavar="SECONDS", help="with --wait: first polling interval")


# -- brief --batch ----------------------------------------------------------------------------

def brief_batch(args: argparse.Namespace, articles: list[Any], options: Any) -> int:
    """Submit (or, with --dry-run, estimate) a batch job for ``articles``."""
    from timeline.errors import UsageError
    from timeline.run.pipeline import choose_engine

    if args.update:
        raise UsageError("--batch does not take --update: brief the new articles in a batch, without --update")
    name, _note = choose_engine(options)
    if name != "openai":
        raise UsageError("--batch needs the model engine: add --engine openai (and OPENAI_API_KEY or --base-url)")
    options.engine = name
    if args.dry_run:
        from timeline.engines.llm.batch import describe_estimate
        from timeline.run.pipeline import plan

        estimate = plan(articles, options)
        sys.stdout.write(estimate.describe() + describe_estimate(estimate))
        return EXIT_OK
    job = _run(_submit(options, articles))
    if job.resumed:
        say(f"these requests were already sent as batch job {job.id} (not collected yet): not sent again")
    elif not job.parts:
        say(f"all {len(job.requests)} request(s) are already in the response cache: nothing sent")
    else:
        sent = sum(len(p.keys) for p in job.parts)
        say(f"sent {sent} request(s) in {len(job.parts)} batch(es) to {job.endpoint}")
    if args.wait:  # stdout is the briefing's
        say(f"batch job {job.id}: waiting for it (Ctrl-C stops waiting, not the batch)")
    else:
        sys.stdout.write(job.id + "\n")
    if not args.wait:
        cache = f" --cache-dir {options.cache_dir}" if options.cache_dir else ""
        say(f"check: timeline batch status {job.id}{cache}; finish: timeline batch collect {job.id}{cache} "
             f"[-f FORMAT] [-o FILE] (results within 24 h)")
        return EXIT_OK
    return _collect(job.id, options, args.format, args.output, sync=False, wait=True, poll=args.poll,
                    verbose=args.verbose)


async def _submit(options: Any, articles: list[Any]) -> Any:
    from timeline.engines.llm.batch import submit
    from timeline.engines.llm.engine import LLMEngine

    client = _client(options)
    try:
        return await submit(LLMEngine(options, None, name="openai"), articles, client)
    finally:
        await client.aclose()


def _client(options: Any) -> Any:
    from timeline.engines.llm.engine import resolve_model
    from timeline.engines.llm.transports.openai_batch import OpenAIBatchClient

    return OpenAIBatchClient(options, resolve_model(options.model))


# -- timeline batch ...  ---------------------------------------------------------------------------

def batch_command(args: argparse.Namespace) -> int:
    from timeline.run.pipeline import BriefOptions

    if not getattr(args, "action", None):
        say("error: give an action: timeline batch status|collect|resubmit|list ID (see 'timeline batch --help')")
        return EXIT_USAGE
    setup_logging(getattr(args, "verbose", 0))
    options = BriefOptions(engine="openai", cache_dir=args.cache_dir)
    if args.action == "list":
        return _list(options)
    if args.action == "status":
        return _status(args.id, options)
    if args.action == "resubmit":
        return _resubmit(args.id, options)
    check_output(args.output)
    return _collect(args.id, options, args.format, args.output, sync=args.sync, wait=args.wait, poll=args.poll,
                    verbose=args.verbose)


def _list(options: Any) -> int:
    from timeline.engines.llm.batch import jobs

    for job in jobs(options):
        failed, answered = len(job.failed), len(job.answered)
        synced = f", answered with --sync {len(job.answered_sync)}" if job.answered_sync else ""
        sys.stdout.write(f"{job.id}  {len(job.articles)} article(s), {len(job.requests)} request(s), "
                         f"{len(job.parts)} batch(es); collected {answered}{synced}, not answered {failed}\n")
    return 0


def _status(job_id: str, options: Any) -> int:
    from timeline.engines.llm import batch

    job = batch.load(job_id, options)
    options = batch.restored_options(job, options)

    async def run() -> list[Any]:
        client = _client(options)
        try:
            infos = await batch.refresh(job, client)
        finally:
            await client.aclose()
        batch.save(job, options)
        return infos

    infos = _run(run()) if job.parts else []
    sys.stdout.write(f"job {job.id}: {len(job.articles)} article(s), {len(job.requests)} request(s), "
                     f"model {job.model}, {job.endpoint}\n")
    for info in infos:
        errors = f"; {'; '.join(info.errors)}" if info.errors else ""
        sys.stdout.write(f"  {info.id}: {info.status}, {info.completed}/{info.total} done, {info.failed} failed{errors}\n")
    if not job.parts:
        sys.stdout.write("  nothing was sent: every request was already in the cache\n")
    done = all(i.finished for i in infos)
    sys.stdout.write(f"next: timeline batch collect {job.id}\n" if done else "not finished yet\n")
    return 0


def _resubmit(job_id: str, options: Any) -> int:
    from timeline.engines.llm import batch
    from timeline.engines.llm.engine import LLMEngine

    job = batch.load(job_id, options)
    options = batch.restored_options(job, options)
    if not all(p.collected for p in job.parts):
        say(f"batch {job.id}: collect it first (timeline batch collect {job.id}); then resubmit what failed")
        return 75
    if not job.failed:
        say(f"batch {job.id}: every request was answered: nothing to resubmit")
        return 0

    async def run() -> list[Any]:
        client = _client(options)
        try:
            return await batch.resubmit(job, LLMEngine(options, None, name="openai"), client)
        finally:
            await client.aclose()

    made = _run(run())
    say(f"sent {sum(len(p.keys) for p in made)} request(s) again as {', '.join(p.id for p in made)}; "
         f"finish with: timeline batch collect {job.id}")
    sys.stdout.write(job.id + "\n")
    return 0


def _collect(job_id: str, options: Any, fmt: str, output: str | None, sync: bool, wait: bool, poll: float,
             verbose: int = 0) -> int:
    from timeline.engines.llm import batch
    from timeline.run import batch as run_batch

    job = batch.load(job_id, options)
    options = batch.restored_options(job, options)

    async def run(progress: Any) -> Any:
        from timeline.engines.llm.engine import LLMEngine
        from timeline.engines.llm.transports.openai import OpenAITransport

        client = _client(options)
        try:
            engine = LLMEngine(options, OpenAITransport(options, job.model), name="openai")
            return await run_batch.collect(job, options, client, engine, sync=sync, poll=poll if wait else None,
                                       progress=progress)
        finally:
            await client.aclose()

    with Progress(verbose) as progress:
        briefing = _run(run(progress))
    failed = job.failed
    if failed and not sync:
        say(f"{len(failed)} request(s) not answered by the batch:")
        for key, reason in list(failed.items())[:20]:
            say(f"  {job.requests.get(key, key)}: {reason}")
        if len(failed) > 20:
            say(f"  ... and {len(failed) - 20} more")
        say(f"re-run only those: timeline batch resubmit {job.id} (a new batch) or "
             f"timeline batch collect {job.id} --sync (now, at full price)")
    for warning in briefing.warnings:
        if warning.startswith("no publication date") or fmt != "terminal" or output:
            say(f"warning: {warning}")
    briefing = write(briefing, fmt, output)
    return EXIT_PARTIAL if briefing.failed_chunks or briefing.failed_events else EXIT_OK


def _run(coroutine: Any) -> Any:
    import asyncio  # imported here: `timeline --help` builds this module's parser

    return asyncio.run(coroutine)
