"""`timeline dates`: show the time expressions of one article (JSON or a rich terminal view)."""
from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

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
    if published is None or published == "":
        return None
    try:
        return date.fromisoformat(published.strip()[:10]) if len(published.strip()) >= 10 else date.fromisoformat(
            published.strip())
    except ValueError:
        raise ValueError(f"invalid --published date {published!r}: expected YYYY-MM-DD") from None


def main_dates(path: str, published: str | None, fmt: str) -> int:
    """Read a UTF-8 text file and print its time expressions; errors raise ValueError (one line)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    ref = parse_published(published)
    file = Path(path)
    if not file.is_file():
        raise ValueError(f"no such file: {path}")
    try:
        text = file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path} is not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise ValueError(f"cannot read {path}: {exc.strerror}") from None
    if fmt == "json":
        print(json.dumps(dates_payload(text, ref), ensure_ascii=False))
    else:
        from rich.console import Console

        print_dates_terminal(text, ref, Console())
    return 0
