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
from datetime import date

from timeline.verify import support
from timeline import temporal
from timeline.text.boilerplate import clean_span
from timeline.text.attribution import find_attribution
from timeline.models import Article, Event
from timeline.text.sentences import sentences
from timeline.text.quotes import QUOTES
from timeline.text.quotes import find_quote


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
    problems += support.polarity_problems(what, evidence)
    problems += loaded_problems(what, evidence)
    problems += _source_problems(attribution, evidence, paragraph, article_text)
    return list(dict.fromkeys(problems))


def loaded_problems(what: str, evidence: str) -> list[str]:
    """A loaded word (lang/en/news.py) in the model's text that its evidence does not use: our voice."""
    from timeline.summary.loaded import lacking_loaded_words

    lacking = lacking_loaded_words(what, evidence)
    return [f"loaded word{'s' if len(lacking) > 1 else ''} not in the evidence: {', '.join(lacking)}"] if lacking else []


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
    return " ".join(text.translate(QUOTES).split()).lower()


def _negation_touches(evidence: str, claim: str) -> bool:
    """True when a negation in ``evidence`` governs a word the claim repeats ("they deny
    attacking civilians" vs "they attacked civilians")."""
    words = re.findall(r"[\w'’-]+", evidence.translate(QUOTES).lower())
    claim_stems = support.stems(claim)
    for i, w in enumerate(words):
        if support.negated(w):
            following = [x for x in words[i + 1:i + 4] if x not in support.STOPWORDS]
            if any(support.stem(x) in claim_stems for x in following):
                return True
    return False


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
