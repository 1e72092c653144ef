"""One attributed sentence per material disagreement between sources, added to the summary.

A stage of its own (pure: a Summary and a Chronology in, a new Summary out), so the
pipeline only wires and every summary, from any engine, says where sources disagree.
"""
from __future__ import annotations

from .models import Article, Chronology, Summary
from .timepoint import display_value as format_value


def short(text: str, words: int = 10) -> str:
    """The first ``words`` words of ``text``, with an ellipsis when cut."""
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def add_disagreements(summary: Summary, chronology: Chronology, articles: list[Article]) -> Summary:
    """Append one attributed sentence per material disagreement between sources."""
    names = {a.id: a.source or a.title or a.id for a in articles}
    sentences = []
    for event in chronology.events + chronology.undated:
        for conflict in event.conflicts:
            by_value: dict[str, list[str]] = {}
            for v in conflict.values:
                shown = format_value(v.value) if conflict.kind == "date" else v.value
                who = by_value.setdefault(shown, [])
                if names.get(v.article_id, v.article_id) not in who:
                    who.append(names.get(v.article_id, v.article_id))
            said = "; ".join(f"{' and '.join(who)} report{'s' if len(who) == 1 else ''} {value}"
                             for value, who in by_value.items())
            topic = (f"date of “{short(event.what)}”" if conflict.kind == "date"
                     else f"number of {conflict.label} in “{short(event.what)}”")
            sentences.append(f"Sources disagree on the {topic}: {said}.")
    if not sentences or all(s in summary.text for s in sentences):
        return summary
    return summary.model_copy(update={"text": (summary.text + " " + " ".join(sentences)).strip()})
