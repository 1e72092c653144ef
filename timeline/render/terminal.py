"""Terminal output with rich: title, summary, chronology table, undated section, warnings."""
from __future__ import annotations

from typing import Any, TextIO

from timeline.models import Briefing, Event
from timeline.select.not_used import summary_line
from timeline.render.common import (
    citations,
    describe_conflict,
    describe_updates,
    latest_texts,
    flag_texts,
    format_when,
    key_date_label,
    key_date_note,
    key_date_summary,
    reported_label,
    short,
    undated_count_lines,
)
from timeline.render.escape import terminal_text as safe


def render_terminal(briefing: Briefing, console: Any) -> None:
    """Print ``briefing`` on a rich Console (stdout, or a file for -o)."""
    from rich.panel import Panel
    from rich.table import Table

    console.print(Panel(safe(briefing.summary.text) or "[dim]No summary.[/dim]", title=safe(briefing.title),
                        title_align="left"))
    note = key_date_note(briefing)
    table = Table(title="Chronology" + (f"\n{safe(note)}" if note else ""), show_lines=False, expand=True)
    # a range ("Mon 20 Mar 2023 – Sun 26 Mar 2023") wraps at its dash rather than taking a third
    # of the line from the events; one day ("Mon 20 Mar 2023") still fits on a line
    table.add_column("When", style="bold cyan", min_width=11, max_width=17)
    table.add_column("Event", ratio=7)
    table.add_column("Source", ratio=2)
    table.add_column("Flags", style="yellow", ratio=2)
    previous = None
    for event in briefing.chronology.events:
        when = format_when(event.when)
        if previous is not None and when != previous:
            table.add_section()  # a rule between days: the chronology reads grouped by date
        label = key_date_label(briefing, event)
        shown = safe(when) + (f"\n[dim]{safe(label)}[/dim]" if label else "")
        day_summary = key_date_summary(briefing, event)
        if day_summary and when != previous:
            table.add_row(shown, f"[italic]{safe(day_summary)}[/italic]", "model summary of the day", "")
            shown = ""
        table.add_row("" if when == previous else shown, *_cells(event, briefing))
        previous = when
    if briefing.chronology.events:
        console.print(table)
    else:
        console.print("[dim]No dated events found.[/dim]")
    if briefing.chronology.undated:
        window = briefing.chronology.undated_window or "date not given in the text"
        undated = Table(title=f"Undated: {safe(window)}", expand=True)
        undated.add_column("Event", ratio=6)
        undated.add_column("Source", ratio=3)
        undated.add_column("Flags", style="yellow", ratio=2)
        for event in briefing.chronology.undated:
            what, source, flags = _cells(event, briefing)
            if event.when and not event.when.value:
                flags = ", ".join(filter(None, [f"“{safe(event.when.text)}” unresolved", flags]))
            label = reported_label(briefing, event)
            if label:
                what = f"[dim]{safe(label)}[/dim]\n{what}"
            undated.add_row(what, source, flags)
        console.print(undated)
    counts = undated_count_lines(briefing)
    if counts:
        total = sum(c.events for c in briefing.chronology.undated_counts)
        console.print(f"[bold]Undated[/bold]: {total} events, counted per article: {safe('; '.join(counts))}")
    for event in briefing.chronology.events + briefing.chronology.undated:
        for conflict in event.conflicts:
            headline, values = describe_conflict(event, conflict, briefing)
            shown = "; ".join(f"{value} {cites}" for value, cites in values)
            console.print(f"[bold red]Sources disagree:[/bold red] {safe(headline)}: {safe(shown)}")
    for event in briefing.chronology.events + briefing.chronology.undated:
        for line in describe_updates(event, briefing):
            console.print(f"[bold]Figure updated:[/bold] {safe(short(event.what))}: {safe(line)}")
    for warning in briefing.warnings:
        console.print(f"[yellow]warning:[/yellow] {safe(warning)}")
    for a in briefing.articles:
        bits = [safe(a.title or a.id)] + [safe(x) for x in (a.source, a.published and a.published.isoformat(), a.url) if x]
        console.print(f"[dim][{a.number}] {', '.join(bits)}[/dim]")
        for c in a.copies:
            console.print(f"[dim]    copy: {safe(c.source or c.title or c.id)} ({safe(c.reason)})[/dim]")
    unused = summary_line(briefing.not_used)
    if unused:
        console.print(f"[dim]{safe(unused)} (see --format json)[/dim]")
    u = briefing.usage
    cost = f", {u.requests} request(s), {u.prompt_tokens}+{u.completion_tokens} tokens, ${u.cost_usd:.4f}" if u.requests else ""
    console.print(f"[dim]engine: {safe(u.engine)}{' ' + safe(u.model) if u.model else ''}{cost}[/dim]")


def _cells(event: Event, briefing: Briefing) -> tuple[str, str, str]:
    what = safe(event.what)
    if event.is_new:
        what = "[bold green]NEW[/bold green] " + what
    source = safe(event.attribution).strip() if event.attribution else ""
    cites = "".join(f"[{n}]" for n in citations(event, briefing))
    source = f"{source} {safe(cites)}".strip()
    return what, source, safe(", ".join(flag_texts(event) + latest_texts(event)))


def render(briefing: Briefing, out: TextIO) -> None:
    """Colours and the terminal's width on standard output; plain text 120 wide in a file."""
    import sys

    from rich.console import Console

    if out is sys.stdout:
        render_terminal(briefing, Console(file=out))
    else:
        render_terminal(briefing, Console(file=out, no_color=True, width=120, soft_wrap=False))
