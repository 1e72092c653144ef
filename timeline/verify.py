"""The model proposes, the code verifies: grounding, support, and re-deriving dates.

Pure functions, no I/O. ``verify_events`` turns the model's proposals for one chunk into
``Event`` objects:

* the evidence quote must occur in the chunk (whitespace and curly/straight quote marks
  normalised); its exact offsets into the article text are computed; otherwise the
  proposal is dropped, counted and listed with its reason;
* the evidence is widened to the whole sentences it touches, and ``event_problems`` checks
  the event's text and attribution against them (numbers, names, dates, content words,
  negation; the source must be named in the sentence or its paragraph). An unsupported
  event is rewritten to those sentences (flag ``rewritten``), or dropped when they are too
  long or already make another event. ``who``/``where`` keep only names the paragraph
  mentions (``support.clean_names``);
* the date comes from the deterministic resolver reading ``when_text``, which must be in
  the evidence sentences, against the publication date; if the model's reading differs,
  the resolver wins (flag ``model_date_disagrees``); if only the model can read it, it is
  kept, cut to the precision the expression supports, flagged ``model_only_date`` and
  marked ``TimePoint.model_reading`` ("model's reading (unverified)" in every format);
* with no ``when_text`` in the evidence the event is undated: a model's date without a
  time expression in the text is never kept.

``check_event`` applies the same checks to an event any engine made (the offline engine's
pass them: a test says so).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from . import support, tag_memo, temporal
from .boilerplate import clean_span
from .attribution import find_attribution
from .models import Article, Chronology, Chunk, DroppedEvent, Event, Evidence, Proposal, TimePoint
from .sentences import sentences
from .timepoint import RANK, Period

FLAG_DISAGREES = "model_date_disagrees"
FLAG_MODEL_ONLY = "model_only_date"

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"',
                         "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'"})
_SPACE = re.compile(r"\s+")
_TRIM = " \t\n\"'.,;:…"
MIN_QUOTE_WORDS, MIN_QUOTE_CHARS = 3, 10


@lru_cache(maxsize=16)  # the chunk being verified and its sentences; an entry holds an int per character
def normalise(text: str) -> tuple[str, list[int]]:
    """``text`` with quote marks made straight and whitespace runs made one space, plus a
    map from each normalised character to its index in ``text``.

    Cached: every quote and time expression of a chunk is looked up in the same chunk text
    (callers must not modify the returned list)."""
    # Only the whitespace runs that change (two or more characters, or one that is not a
    # space) are visited, found by the regex engine, and the index is built from ranges: the
    # same result as a character loop (property test). Visiting every run, single spaces
    # included, was 4% of an offline briefing; a chunk has a few dozen runs that change.
    translated = text.translate(_QUOTES)
    out: list[str] = []
    index: list[int] = []
    at = 0
    for run in _CHANGED_SPACE.finditer(translated):
        a, b = run.span()
        out.append(translated[at:a])
        index.extend(range(at, a))
        out.append(" ")
        index.append(a)
        at = b
    out.append(translated[at:])
    index.extend(range(at, len(translated)))
    return "".join(out), index


# A whitespace run normalise changes: two or more characters (taken whole, greedily), or a
# single one that is not a space. A run that is one space is left as it is.
_CHANGED_SPACE = re.compile(r"\s\s+|[^\S ]")


def substantial(quote: str) -> bool:
    """Evidence must be a real quote: "said" or "the" is found in any article, so a quote
    that short would ground anything (an injected instruction's invented event included)."""
    needle = _SPACE.sub(" ", quote.translate(_QUOTES)).strip(_TRIM)
    return len(needle) >= MIN_QUOTE_CHARS and len(needle.split()) >= MIN_QUOTE_WORDS


def find_quote(quote: str, text: str, near: int | None = None) -> tuple[int, int] | None:
    """(start, end) of ``quote`` in ``text`` after normalisation, the occurrence nearest
    ``near`` when there are several; None when it is not there."""
    needle = _SPACE.sub(" ", quote.translate(_QUOTES)).strip(_TRIM)
    if len(needle) < 3:
        return None
    haystack, index = normalise(text)
    # str.find, not re.finditer(re.escape(needle)): a fresh pattern per quote overflowed re's
    # cache and compiling them was a fifth of an offline briefing's time. Same hits (leftmost,
    # non-overlapping).
    hits = []
    at = haystack.find(needle)
    while at >= 0:
        hits.append(at)
        at = haystack.find(needle, at + len(needle))
    if not hits:
        return None
    start = hits[0] if near is None else min(hits, key=lambda h: abs(index[h] - near))
    end = start + len(needle)
    return index[start], index[end - 1] + 1


_WEEKDAY_OR_DAY = re.compile(
    r"\b(mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(today|tonight|yesterday|tomorrow|morning|afternoon|evening|night)\b|"
    r"\b\d{1,2}(st|nd|rd|th)?\b(?!\d)|\b\d{4}-\d{2}-\d{2}\b", re.I)
_MONTH = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(last|this|next) month\b|\b\d{4}-\d{2}\b", re.I)
_YEAR = re.compile(r"\b(1[5-9]|20)\d{2}\b|\b(last|this|next) year\b", re.I)


def supported_precision(when_text: str) -> str | None:
    """The finest precision ``when_text`` itself can support: 'day', 'month', 'year' or None
    (vague: "recently", "in recent years")."""
    iso = re.search(r"\b\d{4}(-\d{2})?(-\d{2})?\b", when_text)
    if iso and re.fullmatch(r"\W*\w*\W*" + re.escape(iso.group(0)) + r"\W*", when_text):
        return Period(iso.group(0)).precision
    text = _YEAR.sub(lambda m: " YEAR " if m.group(0)[0].isdigit() else m.group(0), when_text)
    if _WEEKDAY_OR_DAY.search(text.replace("YEAR", "")):
        return "day"
    if _MONTH.search(when_text):
        return "month"
    if _YEAR.search(when_text):
        return "year"
    return None


def _same(model_value: str | None, resolved: str) -> bool:
    return model_value is not None and model_value.strip() == resolved


def derive_when(
    when_text: str | None,
    model_date: str | None,
    chunk_text: str,
    evidence_at: int,
    published: date | None,
    tagged: list[temporal.TimeExpression] | None = None,
) -> tuple[TimePoint | None, list[str]]:
    """The event's date and flags: the resolver's reading of ``when_text`` where it has one.

    ``evidence_at`` is the evidence's offset in ``chunk_text``; ``tagged`` may pass the
    chunk's tagged expressions to avoid re-tagging per event.
    """
    if not when_text or not when_text.strip():
        return None, []
    span = find_quote(when_text, chunk_text, near=evidence_at)
    if span is None:
        return None, []
    if tagged is None:
        tagged = temporal.tag(chunk_text, published)
    # "between April 23 and 28" is one span, read the way the offline engine reads it
    overlapping = temporal.joined_ranges(chunk_text, [t for t in tagged if t.start < span[1] and span[0] < t.end])
    overlapping.sort(key=lambda t: (t.value is None, -(min(t.end, span[1]) - max(t.start, span[0]))))
    found = next((t for t in overlapping if t.value), None)
    if found is None:
        found = temporal.resolve(when_text, published)
    text = chunk_text[span[0]:span[1]]
    if found is not None and temporal.is_bare_clock(found):
        # "at 4 p.m.": the day would be a guess, the publication date's or the model's (clauses.is_bare_clock)
        return TimePoint(value=None, text=text), []
    if found is not None and found.value:
        flags = [] if _same(model_date, found.value) else ([FLAG_DISAGREES] if model_date else [])
        return TimePoint(value=found.value, text=text), flags
    if not model_date:
        return TimePoint(value=None, text=text), []
    supported = supported_precision(when_text)
    if supported is None:
        return TimePoint(value=None, text=text), []
    model = Period(model_date)
    if model.precision == "range" or (model.precision != "unknown" and model.rank > RANK[supported]):
        model = model.clip(supported)
    return TimePoint(value=model.value, text=text), [FLAG_MODEL_ONLY]


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


FLAG_REWRITTEN = "rewritten"
MAX_REWRITE_WORDS = 80  # evidence longer than this is no event line: an unsupported claim on it is dropped


def evidence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` widened to the whole sentences it touches (never past its paragraph)."""
    p_start, p_end = paragraph_span(text, start, end)
    s, e = start, end
    for a, b in sentences(text, p_start, p_end):
        if a < end and start < b:
            s, e = min(s, a), max(e, b)
    if (s, e) != (start, end):
        # a glued headline, bullets or page stamp are not part of the sentence a claim is checked
        # against ("\* Says flu virus is human, not swine \* ... (Reuters) - Egypt's order ...")
        cleaned = clean_span(text, s, e)
        if cleaned is not None and cleaned[0] <= start and end <= cleaned[1]:
            return cleaned
    return s, e


def paragraph_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph (line) holding ``[start, end)``, or the lines it spans."""
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    return a, len(text) if b < 0 else b


def event_problems(
    what: str,
    attribution: str | None,
    evidence: str,
    paragraph: str,
    article_text: str,
    when_value: str | None = None,
    published: date | None = None,
) -> list[str]:
    """Why the event text or its attribution is not supported by ``evidence`` (the whole
    sentences the quote touches); empty when it is.

    Every number must be a number of the evidence; every name mentioned in it (or, for a
    short reference like "the bridge", named in the article); every time expression in
    the text must be in the evidence or give the event's own verified date; no more content
    words of the writer's own than ``support.allowed_unsupported``; a negation must agree;
    the attribution must be a source the evidence sentence or its paragraph names, and not
    contradict the sentence's own ("..., police said").
    """
    if _plain(what) == _plain(evidence):
        # The event is its evidence sentence word for word (the offline engine's events): its
        # dates, numbers, names and words are the evidence's own; only the source can be wrong.
        return list(dict.fromkeys(_source_problems(attribution, evidence, paragraph, article_text)))
    problems: list[str] = []
    expressions = temporal.tag(what, published)
    for expression in expressions:
        in_text = _plain(expression.text) in _plain(evidence)
        same_day = expression.value is not None and when_value is not None and (
            when_value == expression.value or when_value.startswith(expression.value))
        if not in_text and not same_day:
            problems.append(f"date {expression.text!r} is not in the evidence")
    in_dates = {n for e in expressions for n in support.numbers(e.text)}  # checked as dates just above
    for number in support.missing_numbers(what, evidence):
        if number not in in_dates:
            problems.append(f"number {number} is not in the evidence")
    background = support.background_modifiers(what, evidence, article_text)
    for name in support.names(what):
        if not support.mentioned(name, evidence, article_text) and not all(
                support.stem(w) in background for w in name.split()):
            problems.append(f"{name!r} is not in the evidence")
    skip = {support.stem(w) for n in support.names(what) for w in n.split()}
    words = support.content_words(what, skip)
    loose = [w for w in support.unsupported_words(what, evidence, skip) if support.stem(w) not in background]
    if len(loose) > support.allowed_unsupported(len(words)):
        problems.append("words not in the evidence: " + ", ".join(loose[:6]))
    if support.negated(what) != support.negated(evidence) and (
            support.negated(what) or _negation_touches(evidence, what)):
        problems.append("negation differs from the evidence")
    problems += _source_problems(attribution, evidence, paragraph, article_text)
    return list(dict.fromkeys(problems))


def _source_problems(attribution: str | None, evidence: str, paragraph: str, article_text: str) -> list[str]:
    """Why ``attribution`` is not the source the evidence sentence or its paragraph names."""
    problems: list[str] = []
    if attribution and attribution.strip():
        if not support.mentioned(attribution, paragraph, article_text):
            problems.append(f"source {attribution!r} is not named in the evidence or its paragraph")
        else:
            own = find_attribution(evidence)
            if own and not support.mentioned(attribution, own, article_text) \
                    and not support.mentioned(own, attribution):
                problems.append(f"source {attribution!r} is not the sentence's own ({own!r})")
        for number in support.missing_numbers(attribution, paragraph):
            problems.append(f"number {number} in the source is not in the evidence")
    return problems


def _plain(text: str) -> str:
    return " ".join(text.translate(_QUOTES).split()).lower()


def _negation_touches(evidence: str, claim: str) -> bool:
    """True when a negation in ``evidence`` governs a word the claim repeats ("they deny
    attacking civilians" vs "they attacked civilians")."""
    words = re.findall(r"[\w'’-]+", evidence.translate(_QUOTES).lower())
    claim_stems = support.stems(claim)
    for i, w in enumerate(words):
        if support.negated(w):
            following = [x for x in words[i + 1:i + 4] if x not in support.STOPWORDS]
            if any(support.stem(x) in claim_stems for x in following):
                return True
    return False


def verify_events(proposals: list[Proposal], chunk: Chunk, article: Article) -> Verified:
    """Grounded, supported, re-dated events from one chunk's proposals.

    A proposal whose quote is not in the chunk is dropped; one whose text, numbers, names,
    dates or attribution its evidence sentences do not support is rewritten to those
    sentences (flag ``rewritten``), or dropped when they are too long to be an event line or
    already make another event. Every drop is counted and listed with its reason.
    """
    tagged = tag_memo.tag(chunk.text, article.published, take=True)  # the engine's tagging when it was ours
    text = article.text
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
        if when is not None and find_quote(when.text, sentence) is None:
            when, flags = None, []  # the time expression is not in the evidence: it dates another sentence
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


def check_event(event: Event, article: Article) -> list[str]:
    """The problems ``event_problems`` finds in an event already made (any engine's), checked
    against its first evidence's sentences: the test that every engine's events pass verify."""
    ev = event.evidence[0]
    s_start, s_end = evidence_span(article.text, ev.start, ev.end)
    p_start, p_end = paragraph_span(article.text, s_start, s_end)
    problems = event_problems(event.what, event.attribution, article.text[s_start:s_end],
                              article.text[p_start:p_end], article.text,
                              event.when.value if event.when else None, article.published)
    for name in event.who + event.where:
        if not support.is_name(name, article.text[p_start:p_end]):
            problems.append(f"{name!r} is not a name")
        elif not support.mentioned(name, article.text[p_start:p_end], article.text):
            problems.append(f"{name!r} is not in the evidence or its paragraph")
    if event.when is not None and find_quote(event.when.text, article.text[s_start:s_end]) is None:
        problems.append(f"time expression {event.when.text!r} is not in the evidence")
    return problems


def verification_warnings(chronology: Chronology) -> list[str]:
    """The counts a reader should see: events shown as their evidence sentence, dates that are
    only the model's reading."""
    every = chronology.events + chronology.undated
    out = []
    rewritten = sum(FLAG_REWRITTEN in e.flags for e in every)
    if rewritten:
        out.append(f"{rewritten} event(s) shown as their evidence sentence: the model's wording was not "
                   "supported by it (flag 'rewritten')")
    model_only = sum(bool(e.when and e.when.model_reading) for e in every)
    if model_only:
        out.append(f"{model_only} date(s) are the model's reading of an expression our resolver cannot read: "
                   "model's reading (unverified)")
    return out
