"""``timeline brief``: read the inputs, build the options, run the pipeline, write the briefing."""
from __future__ import annotations

import argparse
import sys

from typing import Any
from timeline.cli.output import check_output, setup_logging, Progress, say, write
from timeline.cli.output import EXIT_OK, EXIT_PARTIAL


def brief_command(args: argparse.Namespace) -> int:
    from timeline.run.pipeline import BriefOptions, brief, choose_engine, published_or_none
    from timeline.sources import load_articles, parse_date

    setup_logging(args.verbose)
    published = published_or_none(args.published)
    since = parse_date(args.since, "--since") if args.since else None
    until = parse_date(args.until, "--until") if args.until else None
    if args.per_date != 1 and args.key_dates is None:
        from timeline.errors import UsageError

        raise UsageError("--per-date K chooses how many events each key date keeps: give it with --key-dates N")
    from timeline.config import load_config

    config = load_config()  # the user's defaults; a flag given here wins
    args.format = args.format or config.format or "terminal"
    args.concurrency = args.concurrency if args.concurrency is not None else (config.concurrency or 4)
    options = BriefOptions(
        engine=args.engine, max_chunk_tokens=args.max_chunk_tokens, max_bytes=args.max_bytes, model=args.model,
        base_url=args.base_url, concurrency=args.concurrency, max_retries=args.max_retries, timeout=args.timeout,
        max_output_tokens=args.max_output_tokens,
        cache_dir=args.cache_dir, use_cache=not args.no_cache, prompts_dir=args.prompts, fail_fast=args.fail_fast,
        since=since, until=until, max_events=args.max_events, key_dates=args.key_dates, per_date=args.per_date, about=args.about,
    )
    previous = _read_previous(args.update) if args.update else None
    check_output(args.output)
    loaded = load_articles(args.paths, published=published, max_bytes=options.max_bytes,
                           known_urls=[a.url for a in previous.articles if a.url] if previous else ())
    for notice in loaded.notices:
        say(notice)
    if args.batch:
        from timeline.cli.batch import brief_batch

        return brief_batch(args, loaded.articles, options)
    if args.dry_run:
        from timeline.run.pipeline import plan

        sys.stdout.write(plan(loaded.articles, options).describe())
        return EXIT_OK
    engine_name, note = choose_engine(options)
    if note:
        say(note)
    options.engine = engine_name
    with Progress(args.verbose) as progress:
        briefing = brief(loaded.articles, options, progress=progress, previous=previous)
    for warning in briefing.warnings:
        if (warning.startswith(("no publication date", "chunk failed:")) or args.format != "terminal"
                or args.output):
            say(f"warning: {warning}")
    briefing = write(briefing, args.format, args.output)
    if briefing.failed_chunks:
        say(f"partial: {len(briefing.failed_chunks)} chunk(s) failed and are listed above; the briefing "
             "was written without them")
        return EXIT_PARTIAL
    if briefing.failed_events:
        say(f"partial: {len(briefing.failed_events)} event(s) failed in a stage after propose and are listed "
            "under 'dropped'; the briefing was written without them")
        return EXIT_PARTIAL
    return EXIT_OK


def _read_previous(path: str) -> Any:
    """The earlier briefing for --update, or a one-line error naming the file."""
    from pathlib import Path

    from pydantic import ValidationError

    from timeline.errors import InputError
    from timeline.models import Briefing

    try:
        return Briefing.model_validate_json(Path(path).read_bytes())
    except FileNotFoundError:
        raise InputError(f"--update {path}: no such file") from None
    except (ValidationError, ValueError) as exc:
        raise InputError(f"--update {path}: not a timeline JSON briefing ({str(exc).splitlines()[0]})") from None
