"""One attributed sentence per material disagreement between sources, added to the summary.

A stage of its own (pure: a Summary and a Chronology in, a new Summary out), so the
pipeline only wires and every summary, from any engine, says where sources disagree. The
wording helpers (``wording.py``) are shared with the renderers, so the summary and every
format name a value's source the same way.
"""
from __future__ import annotations

from timeline.models import Article, Chronology, Summary
from timeline.wording import LABEL_TEXT, format_value, joined, short, who_said


def add_disagreements(summary: Summary, chronology: Chronology, articles: list[Article]) -> Summary:
    """Append one attributed sentence per material disagreement between sources: each value
    with who gave it and in which outlet ("3,000, according to the county (Valley News)")."""
    names = {a.id: a.source or a.title or a.id for a in articles}
    sentences = []
    for event in chronology.events + chronology.undated:
        for conflict in event.conflicts:
            if conflict.kind == "date":
                by_value: dict[str, list[str]] = {}
                for v in conflict.values:
                    who = by_value.setdefault(format_value(v.value), [])
                    if names.get(v.article_id, v.article_id) not in who:
                        who.append(names.get(v.article_id, v.article_id))
                said = "; ".join(f"{' and '.join(who)} report{'s' if len(who) == 1 else ''} {value}"
                                 for value, who in by_value.items())
                sentences.append(f"Sources disagree on the date of “{short(event.what)}”: {said}.")
                continue
            parts: list[str] = []
            for v in conflict.values:
                named = v if v.source else v.model_copy(update={"source": names.get(v.article_id, v.article_id)})
                part = f"{v.value}{joined([who_said(named)])}"
                if part not in parts:
                    parts.append(part)
            label = LABEL_TEXT.get(conflict.label, conflict.label)
            sentences.append(f"Sources disagree on the number of {label} in “{short(event.what)}”: {'; '.join(parts)}.")
    if not sentences or all(s in summary.text for s in sentences):
        return summary
    return summary.model_copy(update={"text": (summary.text + " " + " ".join(sentences)).strip()})
