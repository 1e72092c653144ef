"""Nothing lost silently: every sentence of every article is in an event or in this tally.

A reader who does not find a fact in the briefing must be able to see that the tool read it
and why it left it out: *no_event* (the engine made no event of it, e.g. an undated sentence
with no named actor), *duplicate* (the article is a copy of another one, read once),
*boilerplate* (a copyright, subscription or masthead line) or *filtered* (its event was
left out by --since/--until/--max-events).
"""
from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate

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


class _Spans:
    """One article's spans, for the question "does any overlap [start, end)?" asked of every
    sentence: the spans by start, with the furthest end reached so far. Those starting before
    ``end`` are a prefix; one of them overlaps when the furthest end in it lies past ``start``
    (the same answer as ``_overlaps``, without a pass over every span per sentence)."""

    __slots__ = ("starts", "reach")

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _e in ordered]
        self.reach = list(accumulate((e for _s, e in ordered), max))

    def overlap(self, start: int, end: int) -> bool:
        before = bisect_left(self.starts, end)  # the spans with s < end
        return before > 0 and self.reach[before - 1] > start


_NONE = _Spans([])


def not_used(deduped: Deduped, merged: Chronology, shown: Chronology) -> list[NotUsed]:
    """Per article, the sentences in no shown event and why (articles with none are left out)."""
    in_merged = {a: _Spans(spans) for a, spans in _spans(merged).items()}
    in_shown = {a: _Spans(spans) for a, spans in _spans(shown).items()}
    tallies: list[NotUsed] = []
    for article in deduped.originals:
        boilerplate = _Spans(deduped.boilerplate.get(article.id, []))
        shown_here, merged_here = in_shown.get(article.id, _NONE), in_merged.get(article.id, _NONE)
        unused: list[UnusedSentence] = []
        for start, end in sentences(article.text):
            if article.id in deduped.copy_of:
                reason = "duplicate"
            elif shown_here.overlap(start, end):
                continue
            elif boilerplate.overlap(start, end):
                reason = "boilerplate"
            elif merged_here.overlap(start, end):
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
