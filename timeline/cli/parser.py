"""The argument parser: commands, flags and help text (built per command, so ``--help`` stays fast)."""
from __future__ import annotations

import argparse
import sys

from timeline import __version__
from typing import Any
from timeline.cli.output import EXIT_USAGE

EPILOG = """\
examples:
  timeline brief seeds/ --published 2024-12-02                 # terminal briefing
  timeline brief story/*.md --format markdown -o briefing.md   # Markdown report
  timeline brief article.txt --format json > briefing.json     # JSON (schema_version 1.0)
  timeline brief story.jsonl --key-dates 12 --per-date 2        # the 12 days that matter, 2 events each
  timeline brief story.jsonl --key-dates 12 --about 'ceasefire talks'   # the same, one thread first
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
    from timeline.cli.batch import add_batch_command, add_brief_flags

    add_batch_command(sub, build=command in (None, "batch"))
    if command in (None, "brief"):
        add_brief_arguments(b)
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


def add_brief_arguments(b: argparse.ArgumentParser) -> None:
    from timeline.engines.registry import ENGINES, engine_names
    from timeline.render import FORMATS

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
    g.add_argument("--max-output-tokens", type=int, metavar="N",
                   help="cap each reply at N tokens (sent as max_tokens; default: none, the server's limit). "
                        "A cut-off reply is retried once as two smaller requests")
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
    f.add_argument("--about", metavar="WORDS",
                   help="focus on one thread ('ceasefire talks'): with --key-dates, days and sentences about WORDS "
                        "first; without, only the events that mention them")
    f.add_argument("--update", metavar="BRIEFING_JSON",
                   help="add PATH articles to an earlier JSON briefing; only they are read, their events are marked new")
    b.add_argument("-v", "--verbose", action="count", default=0, help="log progress (-vv: debug)")
