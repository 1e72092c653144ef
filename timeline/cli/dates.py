"""`timeline dates`: show the time expressions of articles (JSON or a rich terminal view), read like `brief`."""
from __future__ import annotations

import json
import argparse
import re
import sys
from datetime import date
from typing import Any

from timeline.sources import DEFAULT_MAX_BYTES
from timeline.temporal import TimeExpression, tag

FORMATS = ("json", "terminal")
# ANSI/VT escape sequences, then any remaining C0/C1 control character except newline and tab
_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])|\x9b[0-?]*[ -/]*[@-~]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[A-Z\"'“‘(0-9])|\n+")


def dates_payload(text: str, published: date | None) -> dict[str, Any]:
    """The JSON document of `timeline dates`: publication date and every expression found."""
    return {
        "published": published.isoformat() if published else None,
        "expressions": [
            {"text": e.text, "start": e.start, "end": e.end, "value": e.value, "precision": e.precision}
            for e in tag(text, published)
        ],
    }


def clean_for_terminal(text: str) -> str:
    """Drop ANSI escape sequences and control characters (article text is untrusted)."""
    return _CONTROL.sub("", _ANSI.sub("", text))


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = 0
    for m in _SENTENCE_END.finditer(text, max(0, start - 400), start):
        left = m.end()
    after = _SENTENCE_END.search(text, end)
    right = after.start() if after else len(text)
    return left, right


def print_dates_terminal(text: str, published: date | None, console: Any) -> None:
    """Each expression with its value and precision, under its sentence with the expression highlighted."""
    from rich.markup import escape
    from rich.table import Table

    expressions: list[TimeExpression] = tag(text, published)
    ref = published.isoformat() if published else "unknown (relative dates left unresolved)"
    console.print(f"[bold]Published:[/bold] {escape(ref)}   [bold]Expressions:[/bold] {len(expressions)}")
    table = Table(show_lines=False, expand=True)
    table.add_column("expression", style="bold cyan", no_wrap=True)
    table.add_column("value", style="green", no_wrap=True)
    table.add_column("precision", no_wrap=True)
    table.add_column("in context", ratio=1)
    for e in expressions:
        left, right = _sentence_bounds(text, e.start, e.end)
        before = clean_for_terminal(text[left:e.start]).replace("\n", " ").lstrip()
        after = clean_for_terminal(text[e.end:right]).replace("\n", " ").rstrip()
        if len(before) > 120:
            before = "…" + before[-119:]
        if len(after) > 120:
            after = after[:119] + "…"
        context = f"{escape(before)}[reverse]{escape(clean_for_terminal(e.text))}[/reverse]{escape(after)}"
        value = e.value if e.value else "—"
        precision = e.precision if e.kind == "point" else f"{e.precision} ({e.kind})"
        table.add_row(escape(clean_for_terminal(e.text)), escape(value), escape(precision), context)
    console.print(table)


def parse_published(published: str | None) -> date | None:
    """``--published`` as a date (None when absent); a bad value is a UsageError, as for `brief`."""
    if published is None or published.strip() == "":
        return None
    from timeline.sources import parse_date

    return parse_date(published, "--published")


def main_dates(paths: str | list[str], published: str | None, fmt: str, max_bytes: int = DEFAULT_MAX_BYTES,
               stdin: Any = None) -> int:
    """Read articles exactly as `brief` does (files, front matter, JSONL, directories, ``-`` for
    stdin) and print their time expressions. Errors are the readers' ``InputError``/``UsageError``
    (one line, the same exit codes as `brief`).

    One article prints ``{"published", "expressions"}``; several print ``{"articles": [...]}``
    with each article's id and title added.
    """
    from timeline.errors import UsageError
    from timeline.sources import load_articles

    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    ref = parse_published(published)
    loaded = load_articles([paths] if isinstance(paths, str) else list(paths), published=ref,
                           max_bytes=max_bytes, stdin=stdin)
    for notice in loaded.notices:
        sys.stderr.write(f"timeline: {clean_for_terminal(notice)}\n")
    articles = loaded.articles
    if fmt == "json":
        if len(articles) == 1:
            doc: dict[str, Any] = dates_payload(articles[0].text, articles[0].published)
        else:
            doc = {"articles": [dict(id=a.id, title=a.title, **dates_payload(a.text, a.published))
                                for a in articles]}
        print(json.dumps(doc, ensure_ascii=False))
        return 0
    from rich.console import Console

    console = Console()
    for article in articles:
        if len(articles) > 1:
            from rich.markup import escape

            console.print(f"[bold underline]{escape(clean_for_terminal(article.title or article.id))}[/]")
        print_dates_terminal(article.text, article.published, console)
    return 0



def dates_command(args: argparse.Namespace) -> int:
    from timeline.run.pipeline import published_or_none

    published_or_none(args.published)  # the same checks as brief: a date, within 1000-2200

    try:
        return main_dates(args.paths, args.published, args.format, max_bytes=args.max_bytes)
    except ValueError as exc:
        from timeline.errors import UsageError

        raise UsageError(str(exc)) from None
