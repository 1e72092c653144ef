"""Nothing lost silently: every sentence of every article is in an event or in this tally.

A reader who does not find a fact in the briefing must be able to see that the tool read it
and why it left it out: *no_event* (the engine made no event of it, e.g. an undated sentence
with no named actor), *duplicate* (the article is a copy of another one, read once),
*boilerplate* (a copyright, subscription or masthead line) or *filtered* (its event was
left out by --since/--until/--max-events).
"""
from __future__ import annotations

from timeline.sources.dedupe import Deduped
from timeline.models import Chronology, NotUsed, UnusedSentence
from timeline.text.sentences import sentences


def _spans(chronology: Chronology) -> dict[str, list[tuple[int, int]]]:
    used: dict[str, list[tuple[int, int]]] = {}
    for event in chronology.events + chronology.undated:
        for ev in event.evidence:
            used.setdefault(ev.article_id, []).append((ev.start, ev.end))
    return used


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and e > start for s, e in spans)


def not_used(deduped: Deduped, merged: Chronology, shown: Chronology) -> list[NotUsed]:
    """Per article, the sentences in no shown event and why (articles with none are left out)."""
    in_merged, in_shown = _spans(merged), _spans(shown)
    tallies: list[NotUsed] = []
    for article in deduped.originals:
        boilerplate = deduped.boilerplate.get(article.id, [])
        unused: list[UnusedSentence] = []
        for start, end in sentences(article.text):
            if article.id in deduped.copy_of:
                reason = "duplicate"
            elif _overlaps(in_shown.get(article.id, []), start, end):
                continue
            elif _overlaps(boilerplate, start, end):
                reason = "boilerplate"
            elif _overlaps(in_merged.get(article.id, []), start, end):
                reason = "filtered"
            else:
                reason = "no_event"
            unused.append(UnusedSentence(start=start, end=end, text=article.text[start:end], reason=reason))  # type: ignore[arg-type]
        if unused:
            counts: dict[str, int] = {}
            for u in unused:
                counts[u.reason] = counts.get(u.reason, 0) + 1
            tallies.append(NotUsed(article_id=article.id, counts=counts, sentences=unused))
    return tallies


def summary_line(tallies: list[NotUsed]) -> str | None:
    """'12 sentences not used: 7 no event, 5 duplicate' for the terminal and Markdown."""
    counts: dict[str, int] = {}
    for tally in tallies:
        for reason, n in tally.counts.items():
            counts[reason] = counts.get(reason, 0) + n
    total = sum(counts.values())
    if not total:
        return None
    parts = ", ".join(f"{n} {reason.replace('_', ' ')}" for reason, n in sorted(counts.items(), key=lambda kv: -kv[1]))
    return f"{total} sentence{'s' if total != 1 else ''} not used: {parts}"
