"""One chunk's proposals turned into verified events: found, checked, dated, rewritten or dropped."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any, Sequence

from timeline.verify import support
from timeline import temporal
from timeline.text.boilerplate import clean_span
from timeline.text.attribution import find_attribution
from timeline.models import Article, Chunk, DroppedEvent, Event, Evidence, Proposal
from timeline.models import TimePoint
from timeline.verify.dates import FLAG_DISAGREES, FLAG_MODEL_ONLY, derive_when, earlier_within
from timeline.temporal.clauses import is_since_year
from datetime import date
from timeline.verify.check_event import FLAG_REWRITTEN, MAX_REWRITE_WORDS, event_problems, evidence_span, paragraph_span
from timeline.text.quotes import QUOTES, find_quote, substantial


@dataclass
class Verified:
    """What verify made of one chunk's proposals.

    ``dropped``/``reasons`` count and explain the refused proposals (``rejected`` lists them
    for the briefing's JSON); ``rewritten`` counts events replaced by their evidence sentence.
    """

    events: list[Event]
    dropped: int
    reasons: list[str]
    rejected: list[DroppedEvent] = field(default_factory=list)
    rewritten: int = 0


def verify_events(proposals: list[Proposal], chunk: Chunk, article: Article, tagging: Any = None) -> Verified:
    """Grounded, supported, re-dated events from one chunk's proposals.

    A proposal whose quote is not in the chunk is dropped; one whose text, numbers, names,
    dates or attribution its evidence sentences do not support is rewritten to those
    sentences (flag ``rewritten``), or dropped when they are too long to be an event line or
    already make another event. Every drop is counted and listed with its reason. ``tagging``
    (``engines.base.Tagging``): the engine's tagging of the chunk, used when it is of this text.
    """
    if tagging is not None and tagging.text == chunk.text and tagging.published == article.published:
        tagged = list(tagging.expressions)  # the engine's tagging of this very text (engines.base.Tagging)
        handed = tagging.sentence_dates  # and its dates of each sentence span it read, keyed by the span
    else:
        tagged = temporal.tag(chunk.text, article.published)
        handed = {}
    text = article.text
    starts = [t.start for t in tagged]
    ordered = all(a <= b for a, b in zip(starts, starts[1:]))  # the tagger's order: bisection below
    rejected: list[DroppedEvent] = []
    rewritten = 0

    def refuse(p: Proposal, reason: str) -> None:
        rejected.append(DroppedEvent(article_id=article.id, what=" ".join(p.what.split()), quote=p.evidence,
                                     reason=reason))

    checked: list[tuple[int, Proposal, Event, list[str], tuple[int, int]]] = []
    for index, p in enumerate(proposals):
        if not substantial(p.evidence):
            refuse(p, f"evidence too short to ground an event: {p.evidence[:60]!r}")
            continue
        span = find_quote(p.evidence, chunk.text)
        if span is None:
            refuse(p, f"evidence not in the article: {p.evidence[:60]!r}")
            continue
        start, end = chunk.start + span[0], chunk.start + span[1]
        s_start, s_end = evidence_span(text, start, end)
        p_start, p_end = paragraph_span(text, s_start, s_end)
        sentence, paragraph = text[s_start:s_end], text[p_start:p_end]
        when, flags = derive_when(p.when_text, p.date, chunk.text, span[0], article.published, tagged)
        if when is not None and not quoted_in(when.text, sentence):
            when, flags = None, []  # the time expression is not in the evidence: it dates another sentence
        # the sentence's expressions (evidence_when keeps those that start in it) by bisection: a
        # scan of every expression of the chunk per proposal grew with the chunk's length squared
        near = tagged[bisect_left(starts, s_start - chunk.start):bisect_left(starts, s_end - chunk.start)] \
            if ordered else tagged
        when, flags = evidence_when(when, flags, p, near, chunk.start, s_start, sentence, article.published,
                                    handed.get((s_start - chunk.start, s_end - chunk.start)))
        if tagging is not None and FLAG_DISAGREES in flags:
            # the offline engine handed its tagging: the "model" whose date was corrected is our own
            # rules' first guess, and a reader told "model date corrected" looks for a model never used
            flags = [f for f in flags if f != FLAG_DISAGREES]
        if when is not None and FLAG_MODEL_ONLY in flags:
            when = when.model_copy(update={"model_reading": True})
        what = " ".join(p.what.split())
        problems = event_problems(what, p.attribution, sentence, paragraph, text,
                                  when.value if when else None, article.published)
        event = Event(when=when, what=what, attribution=p.attribution or None, flags=flags,
                      who=[w for w in support.clean_names(p.who) if support.mentioned(w, paragraph, text)],
                      where=[w for w in support.clean_names(p.where) if support.mentioned(w, paragraph, text)],
                      evidence=[Evidence(article_id=article.id, start=start, end=end, quote=text[start:end])])
        checked.append((index, p, event, problems, (s_start, s_end)))
    # Supported events first: an unsupported proposal on a sentence that already makes an
    # event is dropped rather than shown a second time as that sentence.
    spans_taken = {span for _i, _p, _e, problems, span in checked if not problems}
    placed: list[tuple[int, Event]] = [(i, e) for i, _p, e, problems, _s in checked if not problems]
    for index, p, event, problems, (s_start, s_end) in checked:
        if not problems:
            continue
        sentence, (p_start, p_end) = text[s_start:s_end], paragraph_span(text, s_start, s_end)
        why = "unsupported (" + "; ".join(problems) + ")"
        if len(sentence.split()) > MAX_REWRITE_WORDS:
            refuse(p, why + " and its evidence is too long to stand in")
            continue
        if (s_start, s_end) in spans_taken:
            refuse(p, why + " and its evidence sentence is already an event")
            continue
        spans_taken.add((s_start, s_end))
        cleaned = clean_span(text, s_start, s_end)  # the sentence without a glued headline, bullets or stamp
        if cleaned is None:
            refuse(p, why + " and its evidence sentence is page furniture")
            continue
        s_start, s_end = cleaned
        sentence = text[s_start:s_end]
        rewritten += 1
        attribution = event.attribution
        if attribution and not support.mentioned(attribution, text[p_start:p_end], text):
            attribution = None
        placed.append((index, event.model_copy(update={
            "what": " ".join(sentence.split()),
            "attribution": find_attribution(sentence) or attribution,
            "who": [w for w in event.who if support.mentioned(w, sentence, text)],
            "where": [w for w in event.where if support.mentioned(w, sentence, text)],
            "evidence": [Evidence(article_id=article.id, start=s_start, end=s_end, quote=sentence)],
            "flags": [*event.flags, FLAG_REWRITTEN],
        })))
    events = [e for _i, e in sorted(placed, key=lambda item: item[0])]
    return Verified(events=events, dropped=len(rejected), reasons=[r.reason for r in rejected],
                    rejected=rejected, rewritten=rewritten)


def quoted_in(quote: str, text: str) -> bool:
    """``find_quote(quote, text) is not None``, without the map of offsets ``find_quote`` builds
    for the text: asked of each event's own sentence, that map was made for one question
    (a test holds the two to the same answers)."""
    needle = _SPACE.sub(" ", quote.translate(QUOTES)).strip(_TRIM)
    return len(needle) >= 3 and needle in _SPACE.sub(" ", text.translate(QUOTES))


_SPACE = re.compile(r"\s+")
_TRIM = " \t\n\"'.,;:…"  # what find_quote trims from a quote


def evidence_when(when: TimePoint | None, flags: list[str], p: Proposal, tagged: list[temporal.TimeExpression],
                  chunk_start: int, s_start: int, sentence: str, published: date | None = None,
                  handed: Sequence[temporal.TimeExpression] | None = None,
                  ) -> tuple[TimePoint | None, list[str]]:
    """The date the evidence sentence itself gives (the resolver over the sentence, main-clause
    rule: ``temporal.event_dates``), whatever the model said: its ``when_text``/``date`` are hints
    that must agree. When they name another date the sentence's wins (flag ``model_date_disagrees``);
    a model that names no time expression still gets the sentence's date. A sentence with no
    main-clause date keeps the reading of the model's expression (``derive_when``). ``handed``:
    ``temporal.sentence_dates`` of this very span as the offline engine computed it (the caller
    looks it up by the span in a ``Tagging`` of the same text and date), not computed again."""
    offset = s_start - chunk_start
    found = [t for t in tagged if offset <= t.start < offset + len(sentence) and t.kind != "dateline"]
    dates = list(handed) if handed is not None else temporal.sentence_dates(sentence, found, offset=offset)[0]
    if not dates:
        if when is not None and any(is_since_year(t) and t.value == when.value for t in found):
            return None, flags  # "the worst since 1987": a comparison, not the event's date
        return when, flags
    if when is not None and when.value and any(d.value == when.value for d in dates):
        return when, flags  # the model read the sentence's own date
    pick = dates[0]
    said = bool((p.when_text and p.when_text.strip()) or p.date)
    value = earlier_within(pick.value, pick.text, published) if pick.value else pick.value
    if when is not None and when.value == value:
        return when, flags
    return TimePoint(value=value, text=pick.text), [FLAG_DISAGREES] if said else []
