"""One attributed sentence per material disagreement between sources, and per figure update,
added to the summary.

A stage of its own (pure: a Summary and a Chronology in, a new Summary out), so the
pipeline only wires and every summary, from any engine, says where sources disagree. The
wording helpers (``wording.py``) are shared with the renderers, so the summary and every
format name a value's source the same way. Sentences are whole: the event is named by its
day and the names it involves ("on Sun 1 Jun 2025 (Halvorsen Foods, Tarrow)"), never by a
cut-off fragment of its wording, and values read as numbers ("5", not "Five").
"""
from __future__ import annotations

from timeline.models import Article, Chronology, ConflictValue, Event, Summary
from timeline.wording import as_number, figure_subject, format_value, format_when, joined, who_said

MAX_NAMES = 3


def add_disagreements(summary: Summary, chronology: Chronology, articles: list[Article]) -> Summary:
    """Append one attributed sentence per material disagreement between sources: each value
    with who gave it and in which outlet ("3,000, according to the county (Valley News)"), and
    one per figure update, earliest to latest."""
    names = {a.id: a.source or a.title or a.id for a in articles}
    sentences = []
    for event in chronology.events + chronology.undated:
        about = _about(event)
        for conflict in event.conflicts:
            if conflict.kind == "date":
                by_value: dict[str, list[str]] = {}
                for v in conflict.values:
                    who = by_value.setdefault(format_value(v.value), [])
                    if names.get(v.article_id, v.article_id) not in who:
                        who.append(names.get(v.article_id, v.article_id))
                said = "; ".join(f"{' and '.join(who)} report{'s' if len(who) == 1 else ''} {value}"
                                 for value, who in by_value.items())
                subject = f"the event involving {_names(event)}" if _names(event) else "one event"
                sentences.append(f"Sources disagree on the date of {subject}: {said}.")
                continue
            parts: list[str] = []
            for v in conflict.values:
                part = f"{as_number(v.value)}{joined([who_said(_named(v, names))])}"
                if part not in parts:
                    parts.append(part)
            sentences.append(f"Sources disagree on {figure_subject(conflict.label)} {about}: {'; '.join(parts)}.")
        for update in event.figure_updates:
            if len(update.values) < 2:
                continue
            first, last = _named(update.values[0], names), _named(update.values[-1], names)
            sentences.append(f"{_capital(figure_subject(update.label))} {about} was updated from {_step(first)}"
                             f"{',' if ' ' in _step(first) else ''} to {_step(last)}.")
    if not sentences or all(s in summary.text for s in sentences):
        return summary
    return summary.model_copy(update={"text": (summary.text + " " + " ".join(sentences)).strip()})


def _named(value: ConflictValue, names: dict[str, str]) -> ConflictValue:
    return value if value.source else value.model_copy(update={"source": names.get(value.article_id, value.article_id)})


def _step(value: ConflictValue) -> str:
    """'5, according to the coastguard (Coast News, 2025-07-07)'."""
    said = who_said(value)
    if value.published:
        said = said[:-1] + f", {value.published})" if said.endswith(")") else f"{said} ({value.published})".strip()
    return f"{as_number(value.value)}{joined([said]) if said else ''}"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _names(event: Event) -> str:
    """The people, bodies and places the event's own wording names (not who reported it)."""
    found = [n for n in dict.fromkeys(event.who + event.where) if n and n in event.what
             and not (event.attribution and n in event.attribution)][:MAX_NAMES]
    return ", ".join(found)


def _about(event: Event) -> str:
    """'on Sun 1 Jun 2025 (Halvorsen Foods, Tarrow)': the event by its day and names."""
    when = f"on {format_when(event.when)}" if event.when and event.when.value else "in an undated report"
    named = _names(event)
    return f"{when} ({named})" if named else when
