"""Markdown report: a document a person would forward. Article text is escaped throughout."""
from __future__ import annotations

from typing import TextIO

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
from timeline.render.escape import markdown_inline as md


def render_markdown(briefing: Briefing) -> str:
    out: list[str] = [f"# {md(briefing.title)}", ""]
    out += ["## Summary", "", md(briefing.summary.text) or "_No summary._", ""]
    out += ["## Chronology", ""]
    note = key_date_note(briefing)
    if note:
        out += [f"_{md(note)}_", ""]
    if not briefing.chronology.events:
        out += ["_No dated events found._", ""]
    current = None
    for event in briefing.chronology.events:
        heading = format_when(event.when)
        if heading != current:
            if current is not None:
                out.append("")
            label = key_date_label(briefing, event)
            out += [f"### {heading}" + (f" ({md(label)})" if label else ""), ""]
            day_summary = key_date_summary(briefing, event)
            if day_summary:
                out += [f"_{md(day_summary)}_ (model summary of the events below)", ""]
            current = heading
        out.append(_event_line(event, briefing))
    out.append("")
    window = briefing.chronology.undated_window or "date not given in the text"
    out += [f"## Undated: {md(window)}", ""]
    counts = undated_count_lines(briefing)
    if counts:
        out += [f"_{sum(c.events for c in briefing.chronology.undated_counts)} undated events, counted per article:_", ""]
        out += [f"- {md(line)}" for line in counts]
    elif briefing.chronology.key_dates:
        reported = [e for e in briefing.chronology.undated if reported_label(briefing, e)]
        out += [f"{_event_line(e, briefing)} · _{md(reported_label(briefing, e))}_" for e in reported]
        out += ["_Other undated events not listed with key dates._" if reported else "_Not listed with key dates._"]
    else:
        out += [_event_line(e, briefing) for e in briefing.chronology.undated] or ["_None._"]
    out.append("")
    conflicts = [(e, c) for e in briefing.chronology.events + briefing.chronology.undated for c in e.conflicts]
    if conflicts:
        out += ["## Where sources disagree", ""]
        for event, conflict in conflicts:
            headline, values = describe_conflict(event, conflict, briefing)
            out.append(f"- **{md(headline)}**: " + "; ".join(f"{md(value)} {cites}" for value, cites in values))
        out.append("")
    updates = [(e, line) for e in briefing.chronology.events + briefing.chronology.undated for line in describe_updates(e, briefing)]
    if updates:
        out += ["## Figures updated by later reports", ""]
        out += [f"- {md(short(e.what))}: {md(line)}" for e, line in updates] + [""]
    if briefing.warnings:
        out += ["## Warnings", ""] + [f"- {md(w)}" for w in briefing.warnings] + [""]
    unused = summary_line(briefing.not_used)
    if unused:
        out += ["## Not used", "", md(unused) + " (the JSON output lists each sentence)."]
        out += [f"- {md(t.article_id)}: " + ", ".join(f"{n} {r.replace('_', ' ')}" for r, n in t.counts.items())
                for t in briefing.not_used] + [""]
    out += ["## Sources", ""]
    for a in briefing.articles:
        parts = [md(a.title or a.id)]
        if a.source:
            parts.append(md(a.source))
        if a.published:
            parts.append(a.published.isoformat())
        if a.url:
            parts.append(_url(a.url))
        line = f"{a.number}. " + ", ".join(parts)
        if a.copies:
            line += " — also published as: " + "; ".join(
                md(", ".join(filter(None, [c.source or c.title or c.id, c.published.isoformat() if c.published else None])))
                + f" ({md(c.reason)})" for c in a.copies)
        out.append(line)
    out += ["", f"_Engine: {md(briefing.usage.engine)}"
            + (f" ({md(briefing.usage.model)})" if briefing.usage.model else "") + "._", ""]
    return "\n".join(out)


def _event_line(event: Event, briefing: Briefing) -> str:
    line = f"- {md(event.what)}"
    if event.attribution and md(event.attribution).strip():
        line += f" _(according to {md(event.attribution)})_"
    cites = citations(event, briefing)
    if cites:
        line += " " + "".join(f"[{n}]" for n in cites)
    flags = flag_texts(event) + latest_texts(event)
    if event.is_new:
        flags.insert(0, "new")
    if event.when and event.when.text and event.when.value:
        line += f" — “{md(event.when.text)}”"
    if flags:
        line += " · " + ", ".join(f"**{md(f)}**" for f in flags)
    return line


def _url(url: str) -> str:
    """An http(s) URL as an autolink; anything else (javascript:, data:, junk) as inert text."""
    from timeline.render.escape import strip_controls

    clean = "".join(strip_controls(url).split())
    if clean.lower().startswith(("http://", "https://")):
        return "<" + clean.replace("<", "%3C").replace(">", "%3E").replace('"', "%22") + ">"
    return md(url)


def render(briefing: Briefing, out: TextIO) -> None:
    out.write(render_markdown(briefing))
