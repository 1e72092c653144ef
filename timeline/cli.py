"""Command line: parse arguments, call the library, print. No pipeline logic lives here.

Heavy imports (pydantic, rich, openai, tiktoken) happen inside the command handlers, so
`timeline --help` stays fast.
"""
from __future__ import annotations

import argparse
import sys

from . import __version__

TYPE_CHECKING = False  # typing and pathlib are imported lazily: `timeline --help` stays fast
if TYPE_CHECKING:
    from typing import Any, Sequence

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_PARTIAL = 0, 1, 2, 3
EXIT_INTERNAL = 70  # EX_SOFTWARE: a defect in timeline, not in the user's input

EPILOG = """\
examples:
  timeline brief seeds/ --published 2024-12-02                 # terminal briefing
  timeline brief story/*.md --format markdown -o briefing.md   # Markdown report
  timeline brief article.txt --format json > briefing.json     # JSON (schema_version 1.0)
  timeline brief story.jsonl --key-dates 12 --per-date 2        # the 12 days that matter, 2 events each
  timeline brief page.html https://example.org/story -f html -o briefing.html  # a timeline page
  cat article.txt | timeline brief - --published 2024-12-02    # from stdin
  timeline dates article.txt --published 2024-12-02            # time expressions found
  timeline eval ../shared/dev                                  # score the date tagger

Exit codes: 0 ok, 1 error (also: every chunk failed), 2 usage, 3 partial (some chunks failed;
with --fail-fast: stopped, nothing written), 70 internal error (a bug: run with -vv and report
it), 130 interrupted (finished chunks are cached).
The offline engine runs unless you choose a model: --engine openai, TIMELINE_ENGINE=openai or
engine = "openai" in config.toml (an API key alone sends nothing; a base URL on loopback does).
"""


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error in one line instead of a usage block."""

    def error(self, message: str) -> Any:  # type: ignore[override]
        sys.stderr.write(f"timeline: error: {message} (see '{self.prog} --help')\n")
        raise SystemExit(EXIT_USAGE)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser; only ``command``'s own flags are built (all when None).

    Building every sub-command's flags costs a few milliseconds that `timeline --help`
    does not need, so the top-level help lists the commands without building them.
    """
    parser = _Parser(
        prog="timeline",
        description="Turn news articles into a dated chronology and a short, neutral, attributed summary.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"timeline {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    b = sub.add_parser("brief", help="make a briefing from articles", epilog=EPILOG,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    d = sub.add_parser("dates", help="list the time expressions in an article with their resolved dates")
    e = sub.add_parser("eval", help="score the date tagger on a folder of gold-annotated articles")
    from .batch_cli import add_batch_command, add_brief_flags

    add_batch_command(sub, build=command in (None, "batch"))
    if command in (None, "brief"):
        _brief_flags(b)
        add_brief_flags(b)
    if command in (None, "dates"):
        d.add_argument("paths", nargs="+", metavar="PATH",
                       help=".txt, .md (front matter), .jsonl, a directory, or - for stdin (as for brief)")
        d.add_argument("--published", metavar="DATE", help="reference date YYYY-MM-DD (overrides front matter)")
        d.add_argument("--format", "-f", default="terminal", choices=["terminal", "json"])
        d.add_argument("--max-bytes", type=int, default=20_000_000, metavar="N",
                       help="refuse input files larger than N bytes (default 20 MB)")
        d.add_argument("-v", "--verbose", action="count", default=0, help="-vv: the traceback of an internal error")
    if command in (None, "eval"):
        e.add_argument("gold_dir", metavar="GOLD_DIR")
        e.add_argument("--scorer", metavar="SCORE_DATES_PY",
                       help="score_dates.py whose scoring rules to use (default: the built-in copy of its rules)")
        e.add_argument("--baseline", default="dateparser", choices=["dateparser", "none"],
                       help="baseline measured in the same run")
        e.add_argument("-v", "--verbose", action="count", default=0, help="-vv: the traceback of an internal error")
    return parser


def _brief_flags(b: argparse.ArgumentParser) -> None:
    from .engines.registry import ENGINES, engine_names
    from .render import FORMATS

    engines = "; ".join(f"{name}: {entry.help}" for name, entry in ENGINES.items())
    b.add_argument("paths", nargs="+", metavar="PATH", help=".txt, .md (front matter), .jsonl, .html, .pdf, an http(s) URL, a directory, or - for stdin")
    b.add_argument("--published", metavar="DATE", help="publication date YYYY-MM-DD for every article (overrides front matter)")
    b.add_argument("--format", "-f", choices=list(FORMATS),
                   help="output format (default: config.toml's, else terminal); html: one self-contained page; "
                        "timelinejs: Knight Lab TimelineJS JSON")
    b.add_argument("-o", "--output", metavar="FILE", help="write the briefing to FILE instead of stdout")
    b.add_argument("--engine", default="auto", choices=engine_names(),
                   help=f"auto: openai when a key or base URL is set, else the offline engine ({engines})")
    b.add_argument("--max-chunk-tokens", type=int, default=1500, metavar="N", help="token budget per chunk (default 1500)")
    b.add_argument("--max-bytes", type=int, default=20_000_000, metavar="N", help="refuse input files larger than N bytes (default 20 MB)")
    g = b.add_argument_group("model engine")
    g.add_argument("--model", help="model name (default: $TIMELINE_MODEL, config.toml's, or gpt-4o-mini)")
    g.add_argument("--base-url", help="OpenAI-compatible server, e.g. http://localhost:11434/v1 (default: $OPENAI_BASE_URL)")
    g.add_argument("--concurrency", type=int, metavar="N", help="parallel requests (default: config.toml's, else 4)")
    g.add_argument("--max-retries", type=int, default=2, metavar="N", help="retries per request on 429/5xx/timeouts (default 2)")
    g.add_argument("--timeout", type=float, default=60.0, metavar="SECONDS", help="per-request timeout (default 60)")
    g.add_argument("--cache-dir", metavar="DIR", help="response cache location (default: the user cache directory)")
    g.add_argument("--no-cache", action="store_true", help="neither read nor write the response cache")
    g.add_argument("--prompts", metavar="DIR", help="use prompt templates from DIR instead of the built-in ones")
    g.add_argument("--dry-run", action="store_true", help="show chunks, token counts and estimated cost; send nothing")
    g.add_argument("--fail-fast", action="store_true", help="stop at the first chunk that fails: exit 3, nothing written")
    f = b.add_argument_group("chronology")
    f.add_argument("--since", metavar="DATE", help="only events on or after DATE (YYYY-MM-DD)")
    f.add_argument("--until", metavar="DATE", help="only events on or before DATE (YYYY-MM-DD)")
    f.add_argument("--max-events", type=int, metavar="N", help="keep the N most widely reported dated events")
    f.add_argument("--key-dates", type=int, metavar="N",
                   help="the N days that matter most (most articles refer to them, also later), one or more events each")
    f.add_argument("--per-date", type=int, default=1, metavar="K",
                   help="with --key-dates: at most K events per day, most central first (default 1)")
    f.add_argument("--update", metavar="BRIEFING_JSON",
                   help="add PATH articles to an earlier JSON briefing; only they are read, their events are marked new")
    b.add_argument("-v", "--verbose", action="count", default=0, help="log progress (-vv: debug)")


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    command = next((a for a in argv if not a.startswith("-")), None)
    parser = build_parser(command if command in ("brief", "dates", "eval", "batch") else "")
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    from .errors import TimelineError

    try:
        if args.command == "brief":
            return _brief(args)
        if args.command == "dates":
            return _dates(args)
        if args.command == "batch":
            from .batch_cli import main_batch

            return main_batch(args, ui=sys.modules[__name__])
        return _eval(args)
    except TimelineError as exc:
        _say(f"error: {exc}")
        return exc.exit_code
    except KeyboardInterrupt:
        _say("interrupted: finished chunks are cached; run the same command again to resume")
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - the last line of defence: a defect, never a traceback
        return _internal_error(exc, getattr(args, "verbose", 0))


def _internal_error(exc: BaseException, verbose: int) -> int:
    """One line naming the defect; the traceback only with -vv (it may quote article text)."""
    from .errors import describe, redact

    if verbose >= 2:
        import traceback

        sys.stderr.write(redact("".join(traceback.format_exception(exc))))
    hint = "" if verbose >= 2 else " (run with -vv for the traceback)"
    _say(f"internal error: {describe(exc)}{hint}")
    return EXIT_INTERNAL


def _say(message: str) -> None:
    """One line on stderr; escape sequences from file names, articles or servers are removed."""
    from .render.escape import strip_controls

    sys.stderr.write(f"timeline: {' '.join(strip_controls(message).split())}\n")


def _check_output(path: str | None) -> None:
    from pathlib import Path

    from .errors import UsageError

    if path is None:
        return
    target = Path(path)
    if target.is_dir():
        raise UsageError(f"-o {path}: is a directory; give a file name")
    parent = target.parent
    if not parent.exists():
        for ancestor in parent.parents:  # a path under a regular file: "a.txt/out.md"
            if ancestor.exists() and not ancestor.is_dir():
                raise UsageError(f"-o {path}: {ancestor} is a file, not a directory")
        raise UsageError(f"-o {path}: directory {parent} does not exist")
    if not parent.is_dir():
        raise UsageError(f"-o {path}: {parent} is a file, not a directory")
    import os

    if not os.access(parent, os.W_OK) or (target.exists() and not os.access(target, os.W_OK)):
        raise UsageError(f"-o {path}: not writable")


def _brief(args: argparse.Namespace) -> int:
    from .pipeline import BriefOptions, brief, choose_engine, published_or_none
    from .sources import load_articles, parse_date

    _logging(args.verbose)
    published = published_or_none(args.published)
    since = parse_date(args.since, "--since") if args.since else None
    until = parse_date(args.until, "--until") if args.until else None
    from .config import load_config

    config = load_config()  # the user's defaults; a flag given here wins
    args.format = args.format or config.format or "terminal"
    args.concurrency = args.concurrency if args.concurrency is not None else (config.concurrency or 4)
    options = BriefOptions(
        engine=args.engine, max_chunk_tokens=args.max_chunk_tokens, max_bytes=args.max_bytes, model=args.model,
        base_url=args.base_url, concurrency=args.concurrency, max_retries=args.max_retries, timeout=args.timeout,
        cache_dir=args.cache_dir, use_cache=not args.no_cache, prompts_dir=args.prompts, fail_fast=args.fail_fast,
        since=since, until=until, max_events=args.max_events, key_dates=args.key_dates, per_date=args.per_date,
    )
    previous = _read_previous(args.update) if args.update else None
    _check_output(args.output)
    loaded = load_articles(args.paths, published=published, max_bytes=options.max_bytes)
    for notice in loaded.notices:
        _say(notice)
    if args.batch:
        from .batch_cli import brief_batch

        return brief_batch(args, loaded.articles, options, ui=sys.modules[__name__])
    if args.dry_run:
        from .pipeline import plan

        sys.stdout.write(plan(loaded.articles, options).describe())
        return EXIT_OK
    engine_name, note = choose_engine(options)
    if note:
        _say(note)
    options.engine = engine_name
    with _progress(args.verbose) as progress:
        briefing = brief(loaded.articles, options, progress=progress, previous=previous)
    for warning in briefing.warnings:
        if (warning.startswith(("no publication date", "chunk failed:")) or args.format != "terminal"
                or args.output):
            _say(f"warning: {warning}")
    _write(briefing, args.format, args.output)
    if briefing.failed_chunks:
        _say(f"partial: {len(briefing.failed_chunks)} chunk(s) failed and are listed above; the briefing "
             "was written without them")
        return EXIT_PARTIAL
    return EXIT_OK


def _read_previous(path: str) -> Any:
    """The earlier briefing for --update, or a one-line error naming the file."""
    from pathlib import Path

    from pydantic import ValidationError

    from .errors import InputError
    from .models import Briefing

    try:
        return Briefing.model_validate_json(Path(path).read_bytes())
    except FileNotFoundError:
        raise InputError(f"--update {path}: no such file") from None
    except (ValidationError, ValueError) as exc:
        raise InputError(f"--update {path}: not a timeline JSON briefing ({str(exc).splitlines()[0]})") from None


def _logging(verbose: int) -> None:
    import logging

    level = logging.DEBUG if verbose >= 2 else logging.INFO if verbose == 1 else logging.WARNING
    logging.basicConfig(level=level, format="timeline: %(levelname)s: %(message)s", stream=sys.stderr)


class _progress:
    """Progress over chunks on stderr: a rich bar on a terminal; with -v elsewhere, one log
    line per 10%. Nothing otherwise, so piped output and logs stay clean."""

    def __init__(self, verbose: int) -> None:
        self.bar: Any = None
        self.verbose = verbose
        if sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self.bar = Progress(TextColumn("chunks"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                                console=Console(stderr=True), transient=True)
            self.task = self.bar.add_task("chunks", total=None)

    def __enter__(self) -> Any:
        if self.bar is not None:
            self.bar.start()

            def update(done: int, total: int) -> None:
                self.bar.update(self.task, completed=done, total=total)

            return update
        if not self.verbose:
            return None
        shown = [0]

        def log_tenths(done: int, total: int) -> None:
            tenth = done * 10 // total if total else 10
            if tenth > shown[0]:
                shown[0] = tenth
                _say(f"progress: {done:,}/{total:,} chunks ({tenth * 10}%)")

        return log_tenths

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


def _write(briefing: Any, fmt: str, output: str | None) -> None:
    from .render import renderer

    import io

    render = renderer(fmt)  # argparse restricts fmt to the table's names
    if output is None and fmt == "terminal" and sys.stdout.isatty():  # live on the terminal: colours and its width
        with _Stdout():
            render(briefing, sys.stdout)
        return
    # rendered first (also the terminal format into a pipe: rich answers a closed pipe with
    # exit 1, and `timeline brief ... | head` is not an error)
    text = io.StringIO()
    render(briefing, text)  # rendered first: a failure here is a bug (exit 70), not the disk's, and replaces nothing
    if output:
        with _Output(output) as handle:
            handle.write(text.getvalue())
    else:
        with _Stdout():
            sys.stdout.write(text.getvalue())


class _Stdout:
    """Writing to stdout: a full disk (``> /dev/full``) is one error line, exit 1, not a
    traceback or a message at interpreter exit; a closed pipe stays a quiet exit 0."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: object, exc: object, tb: object) -> None:
        from .errors import TimelineError

        error = exc if isinstance(exc, OSError) and not isinstance(exc, BrokenPipeError) else None
        if kind is None:
            try:
                sys.stdout.flush()
            except BrokenPipeError:
                raise
            except OSError as flush_error:
                error = flush_error
        if error is not None:
            import os

            try:  # the interpreter's final flush must not fail again
                sys.stdout = open(os.devnull, "w")  # noqa: SIM115
            except OSError:
                pass
            raise TimelineError(f"stdout: cannot write the briefing ({error.strerror or error})") from None


class _Output:
    """The -o file. A regular file is written beside the target and renamed into place, so a
    failed write (full disk) leaves any earlier briefing intact; devices (/dev/stdout,
    /dev/full) are written directly. A write error is one line, exit 1."""

    def __init__(self, output: str) -> None:
        import os

        self.output = output
        self.direct = os.path.exists(output) and (os.path.islink(output) or not os.path.isfile(output))
        self.temp = output if self.direct else f"{output}.tmp-{os.getpid()}"

    def __enter__(self) -> Any:
        from .errors import UsageError

        try:
            self.handle = open(self.temp, "w", encoding="utf-8")
        except OSError:
            self.direct, self.temp = True, self.output  # a folder we may not create files in
            try:
                self.handle = open(self.output, "w", encoding="utf-8")
            except OSError as exc:
                raise UsageError(f"-o {self.output}: cannot write ({exc.strerror})") from None
        return self.handle

    def __exit__(self, kind: object, exc: object, tb: object) -> None:
        import os

        from .errors import TimelineError

        error: OSError | None = exc if isinstance(exc, OSError) else None
        try:
            self.handle.close()
        except OSError as close_error:
            error = error or close_error
        if kind is None and error is None:
            if not self.direct:
                os.replace(self.temp, self.output)
            return
        if not self.direct:
            try:
                os.unlink(self.temp)
            except OSError:
                pass
        if error is not None:
            raise TimelineError(f"-o {self.output}: cannot write the briefing ({error.strerror or error}); "
                                "nothing was written") from None


def _dates(args: argparse.Namespace) -> int:
    from .dates_cli import main_dates
    from .pipeline import published_or_none

    published_or_none(args.published)  # the same checks as brief: a date, within 1000-2200

    try:
        return main_dates(args.paths, args.published, args.format, max_bytes=args.max_bytes)
    except ValueError as exc:
        from .errors import UsageError

        raise UsageError(str(exc)) from None


def _eval(args: argparse.Namespace) -> int:
    from .errors import UsageError
    from .evaluate import main_eval

    try:
        return main_eval(args.gold_dir, args.baseline, scorer=args.scorer)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
