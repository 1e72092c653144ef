"""What every renderer shows the same way: dates, citations, flags.

How a value and its source are worded (dates, "according to X (Outlet)") lives in
``timeline/wording.py``, shared with the summary stages; it is re-exported here."""
from __future__ import annotations

from timeline.models import Briefing, Conflict, Event, KeyDate
from timeline.wording import LABEL_TEXT, MODEL_READING, as_number, figure_subject, format_value, format_when, joined, short, who_said

__all__ = ["FLAG_TEXT", "LABEL_TEXT", "MODEL_READING", "as_number", "citations", "latest_texts", "describe_conflict", "describe_updates",
           "flag_texts", "format_value", "format_when", "joined", "key_date_label", "key_date_note",
           "key_date_summary", "reported_key_date", "reported_label", "short", "undated_count_lines", "who_said"]

FLAG_TEXT = {
    "model_date_disagrees": "model date corrected",
    "model_only_date": "model's reading (unverified)",
    "rewritten": "shown as the source sentence",
    "follows_dated": "dated by the sentence before it",
    "date_conflict": "dates differ",
    "figure_conflict": "figures differ",
}


def describe_conflict(event: Event, conflict: Conflict, briefing: Briefing
                      ) -> tuple[str, list[tuple[str, str]]]:
    """(what the sources disagree on, [(a value, its citations "[1][4]")]); the texts unescaped."""
    numbers = {a.id: a.number for a in briefing.articles}
    if conflict.kind == "date":
        headline = f"Date of “{short(event.what)}”"
        values = [(format_value(v.value), v.article_id) for v in conflict.values]
    else:
        subject = figure_subject(conflict.label).removeprefix("the ")
        headline = f"{subject[:1].upper()}{subject[1:]}, {format_when(event.when)}: “{short(event.what)}”"
        values = [(as_number(v.value), v.article_id) for v in conflict.values]
    grouped: dict[str, list[int | str]] = {}
    said: dict[str, list[str]] = {}
    for (value, article_id), raw in zip(values, conflict.values):
        cite = numbers.get(article_id, "?")
        if cite not in grouped.setdefault(value, []):
            grouped[value].append(cite)
        who = who_said(raw)
        if who and who not in said.setdefault(value, []):
            said[value].append(who)
    # Each value names its source and attribution: "3,000 [1], according to the county (Valley News)".
    return headline, [(value, "".join(f"[{n}]" for n in cites) + joined(said.get(value, [])))
                      for value, cites in grouped.items()]


def describe_updates(event: Event, briefing: Briefing) -> list[str]:
    """'deaths: 2 [1], according to the county (Valley News), 2025-07-14 → 5 [6] (...), 2025-07-16',
    oldest first: each value as a number, its outlet, who gave it and the day it was published."""
    numbers = {a.id: a.number for a in briefing.articles}
    lines = []
    for update in event.figure_updates:
        # the numbers first ("2 → 5"), then each step as its outlet wrote it, cited and dated
        chain = " → ".join(dict.fromkeys(as_number(v.value) for v in update.values))
        steps = [f"{v.value} [{numbers.get(v.article_id, '?')}]" + joined([who_said(v)] if who_said(v) else [])
                 + (f", {v.published}" if v.published else "") for v in update.values]
        lines.append(f"{update.label} {chain}: " + " → ".join(steps))
    return lines


def latest_texts(event: Event) -> list[str]:
    """'deaths now 9 (updated from 5)': an update's latest figure, shown beside the event in
    every format so the reader never sees only the first count."""
    texts = []
    for update in event.figure_updates:
        latest = update.latest or (update.values[-1].value if update.values else None)
        if latest is None:
            continue
        first = update.values[0].value if update.values else None
        label = LABEL_TEXT.get(update.label, update.label)
        was = f" (updated from {as_number(first)})" if first and first != latest else " (updated)"
        texts.append(f"{label} now {as_number(latest)}{was}")
    return texts


def citations(event: Event, briefing: Briefing) -> list[int]:
    numbers = {a.id: a.number for a in briefing.articles}
    return [numbers[s] for s in event.sources if s in numbers]


def flag_texts(event: Event) -> list[str]:
    return [FLAG_TEXT.get(f, f) for f in event.flags]


def key_date_note(briefing: Briefing) -> str | None:
    """One line saying the chronology is cut to key dates, or None."""
    chron = briefing.chronology
    about = f" about \u201c{chron.about}\u201d first" if chron.about else ""
    if not chron.key_dates:
        if chron.about:
            return (f"About \u201c{chron.about}\u201d: {len(chron.events) + len(chron.undated)} events that mention it; "
                    f"{chron.not_listed} other events not listed.")
        return None
    return (f"Key dates{about}: the {len(chron.key_dates)} days most articles refer to (also later on), "
            f"{len(chron.events)} events; {chron.not_listed} other events not listed.")


def key_date_label(briefing: Briefing, event: Event) -> str:
    """' · key date 3 of 12, 9 articles' for the first event of a key day, else ''."""
    chron = briefing.chronology
    day = event.when.period.day if event.when and event.when.period else None
    if not chron.key_dates or day is None:
        return ""
    for k in chron.key_dates:
        if k.date == day:
            return f"key date {k.rank} of {len(chron.key_dates)}, {k.articles} article{'s' if k.articles != 1 else ''}"
    return ""


def reported_key_date(briefing: Briefing, event: Event) -> KeyDate | None:
    """The reported key date (``KeyDate.reported``) ``event`` is one of the reports of, if any:
    an undated event listed because the articles published that day open with it."""
    if event.when is not None and event.when.value:
        return None
    # Matched by text *and* by a source published that day: two reported days can list the same
    # wording (one lead syndicated on two days), and each report must carry its own day.
    published = {a.id: a.published for a in briefing.articles}
    days = {published.get(s) for s in event.sources}
    return next((k for k in briefing.chronology.key_dates
                 if k.reported and k.date in days and event.what in k.reports), None)


def reported_label(briefing: Briefing, event: Event) -> str:
    """'reported Thu 25 Jun 2009 (key date 3 of 12, 2 articles; the text gives no date)' for an
    undated event a reported key date lists, else ''. Every format says it this way: the day is
    when the reports were published, never the happening's own date, which the text does not give."""
    k = reported_key_date(briefing, event)
    if k is None:
        return ""
    n = len(briefing.chronology.key_dates)
    return (f"reported {format_value(k.date.isoformat())} (key date {k.rank} of {n}, {k.articles} "
            f"article{'s' if k.articles != 1 else ''}; the text gives no date)")


def key_date_summary(briefing: Briefing, event: Event) -> str | None:
    """The model's summary of the key day ``event`` falls on, if any."""
    day = event.when.period.day if event.when and event.when.period else None
    if day is None:
        return None
    return next((k.summary for k in briefing.chronology.key_dates if k.date == day and k.summary), None)


def undated_count_lines(briefing: Briefing) -> list[str]:
    """'[3] 41 undated events' per article, when the undated list was summarised."""
    numbers = {a.id: a.number for a in briefing.articles}
    return [f"[{numbers.get(c.article_id, '?')}] {c.events} undated event{'s' if c.events != 1 else ''}"
            for c in briefing.chronology.undated_counts]
