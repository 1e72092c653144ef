"""The offline engine: rules over sentences, no model, no network.

A sentence with a resolvable time expression becomes a proposed dated event (the
expression verbatim, the sentence as evidence); a salient sentence without one becomes an
undated proposal; attribution phrases are kept. Like every engine it only proposes: the
pipeline's ``verify`` stage grounds the quote and dates the expression with the same
resolver for both engines.
"""
from __future__ import annotations

import bisect
import dataclasses
from typing import Sequence

import re

from timeline import temporal
from timeline.temporal.triggers import fold, meets, required_sets
from timeline.temporal.factored import factored
from timeline.verify import support
from timeline.text.attribution import find_attribution
from timeline.text.boilerplate import clean_span
from timeline.errors import ChunkFailed, unexpected_failure
from timeline.verify.support import clean_names
from timeline.models import Article, Chronology, Chunk, Event, Evidence, Proposal, Summary, TimePoint
from timeline.text.sentences import sentences
from timeline.summary.extractive import extractive_summary
from timeline.engines.base import ChunkProposals, Engine, Tagging
from timeline.lang.en import dates as calendar
from timeline.lang.en import news as news_words

# Sentences opening with these refer back to the previous sentence ("These attacks took
# place early Monday"); the event then spans both, so it keeps the earlier sentence's facts
# and attribution.
_ANAPHORA = factored(re.compile(
    r"^(?:These|Those|This|That|The)\s+(?:\w+\s+)?(?:attacks?|strikes?|incidents?|events?|clashes|explosions?|blasts?|"
    r"killings?|raids?|bombings?|shootings?|deaths?|protests?|talks|meetings?)\s+(?:took place|happened|occurred|came|"
    r"were carried out|was carried out|began|started)\b"
))
_PROPER = re.compile(r"\b[A-Z][\w’'-]*(?:\s+(?:al-|bin\s|de\s|of\s)?[A-Z][\w’'-]*)*")
_PLACE = re.compile(r"\b(?:in|into|near|at|on|to|from|around|across)\s+(?:the\s+(?:city|town|province|region|village)\s+of\s+)?((?:[A-Z][\w’'-]*)(?:\s+[A-Z][\w’'-]*)*)")
_ACTION = re.compile(
    r"\b(?:\w+ed|said|says|told|took|began|begun|fell|hit|held|made|met|won|lost|led|left|fled|"
    r"struck|shot|sent|saw|gave|came|went|ran|rose|cut|set|put|paid|sold|bought|brought|"
    r"issued|visit|visits|visited|announces?|launch(?:es)?|kill(?:s)?|seize[sd]?|vow(?:s|ed)?|"
    r"urg(?:es|ed|ing)|declares?|reports?|confirms?|denies|claims?)\b",
    re.I,
)
_STOP_LEADS = {"The", "A", "An", "On", "In", "At", "This", "These", "That", "While", "Since", "During", "Although",
               "Meanwhile", "Other", "Around", "After", "Before", "Rebels", "Residents", "Early", "Late", "Last"}
_CALENDAR = calendar.CALENDAR_NAMES


def _alternation(words: Sequence[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


# A denial or negative statement with any subject ("The ministry rejected the report.", "No
# passengers were hurt.", "The harbour authority did not close the terminal"): an event, kept
# verbatim with its negation; its source is found like any other attribution.
_NEGATIVE = re.compile(
    rf"^\W*(?:(?:{_alternation(news_words.NEGATIVE_OPENERS)})\s+\w+(?:\s+\w+)?\s+(?:was|were|has|have|had|is|are)\b"
    rf"|(?:[\w’'-]+\s+){{1,6}}?(?:{_alternation(news_words.DENIAL_VERBS)})\b"
    rf"|(?:[\w’'-]+\s+){{1,6}}?(?:{_alternation(news_words.NEGATED_AUXILIARIES)})\s+(?!been\b)\w+"
    rf"|(?:[\w’'-]+\s+){{1,6}}?(?:{_alternation(news_words.NEGATED_BE)})\s+\w+(?:ed|en)\b)",
    re.IGNORECASE,
)
_NEGATIVE_MIN_WORDS = 3


class LocalEngine(Engine):
    """Rule-based extraction and an extractive summary; the default with no API key."""

    name = "local"
    parallel = True  # pure computation: a large run is spread over processes (pipeline.pool_workers)
    counts_tokens = False  # only the chunker counts tokens: the run lets the tokenizer go after propose

    async def propose(self, chunk: Chunk, article: Article) -> ChunkProposals:
        found, tagging = _extract(article, chunk.start, chunk.end)
        return ChunkProposals(proposals=[f.proposal() for f in found], tagging=tagging)

    async def propose_pack(self, chunks: list[Chunk], articles: dict[str, Article]
                           ) -> list[ChunkProposals | ChunkFailed]:
        """One result per chunk; a chunk whose rules raise fails alone (article, offsets and
        reason are listed in the briefing) and the others complete."""
        results: list[ChunkProposals | ChunkFailed] = []
        for chunk in chunks:
            try:
                results.append(await self.propose(chunk, articles[chunk.article_id]))
            except ChunkFailed as exc:
                results.append(exc)
            except Exception as exc:  # noqa: BLE001 - fault isolation, see unexpected_failure
                results.append(unexpected_failure(exc))
        return results

    async def summarize(self, chronology: Chronology, articles: list[Article], partials: Sequence[str] = ()) -> Summary:
        # The pipeline appends one sentence (about 35 words) per disagreement between
        # sources; leave room for them within the 150-word summary.
        conflicts = sum(len(e.conflicts) for e in chronology.events + chronology.undated)
        return extractive_summary(chronology, articles, max_words=max(60, 150 - 35 * conflicts))


def extract_events(article: Article, start: int = 0, end: int | None = None) -> list[Event]:
    """Events in ``article.text[start:end]``, one per event sentence, in text order."""
    return [f.event(article.id) for f in _extract(article, start, end)[0]]


@dataclasses.dataclass(frozen=True, slots=True)
class _Found:
    """One event sentence as the engine read it: what both an ``Event`` (``extract_events``)
    and a ``Proposal`` (``propose``) are made of. Speed (issue 26): ``propose`` made an
    ``Event`` (with its ``Evidence`` and ``TimePoint``, each validated) only to copy five of its
    fields into a ``Proposal``; verify makes the event again. Now the proposal is made from
    these fields directly, and no model is validated twice."""

    start: int
    end: int
    body: str
    when: tuple[str | None, str] | None  # (value, the expression verbatim); None: undated
    who: list[str]
    where: list[str]
    attribution: str | None

    def proposal(self) -> Proposal:
        """The rule engine's reading as a proposal: its time expression verbatim, the sentence
        as evidence, the resolver's value as the engine's reading (``proposal_of(self.event(..))``)."""
        value, text = self.when if self.when is not None else (None, None)
        return Proposal(when_text=text, date=value, what=" ".join(self.body.split()), who=self.who,
                        where=self.where, attribution=self.attribution, evidence=self.body)

    def event(self, article_id: str) -> Event:
        """The sentence as an event (its precision the value's own)."""
        when = TimePoint(value=self.when[0], text=self.when[1]) if self.when is not None else None
        return Event(when=when, what=" ".join(self.body.split()), who=self.who, where=self.where,
                     attribution=self.attribution,
                     evidence=[Evidence(article_id=article_id, start=self.start, end=self.end, quote=self.body,
                                        when=when)])


def _extract(article: Article, start: int = 0, end: int | None = None) -> tuple[list[_Found], Tagging | None]:
    """The event sentences of ``article.text[start:end]`` and the tagging it read (for verify)."""
    text = article.text
    spans = list(sentences(text, start, end))
    events: list[_Found] = []
    previous_undated: tuple[int, int] | None = None
    # tagged once per chunk, so "the next day" resolves against the story's last date; the
    # tagging is handed to verify with the proposals (``ChunkProposals.tagging``: tagged once)
    stop = len(text) if end is None else end
    facts: dict[tuple[int, int], tuple[temporal.TimeExpression, ...]] | None = {} if spans else None
    tagging = Tagging(text[start:stop], article.published, tuple(temporal.tag(text[start:stop], article.published)),
                      facts) if facts is not None else None
    tagged = _shifted(list(tagging.expressions), start) if tagging is not None else []
    starts = [t.start for t in tagged]
    in_order = all(a <= b for a, b in zip(starts, starts[1:]))  # else the plain scan below
    for span in spans:
        cleaned = clean_span(text, *span)  # comments, bylines, broadcast notes never become events
        if cleaned is None:
            previous_undated = None
            continue
        s_start, s_end = cleaned
        sentence = text[s_start:s_end]
        if _is_heading(sentence):
            previous_undated = None
            continue
        # the sentence's expressions by bisection (tagged is in text order): a scan of every
        # expression per sentence was quadratic in a long chunk
        near = tagged[bisect.bisect_left(starts, s_start):bisect.bisect_left(starts, s_end)] if in_order \
            else [t for t in tagged if s_start <= t.start < s_end]
        found = [t for t in near if t.kind != "dateline"]
        first = temporal.event_dates(sentence, found, offset=s_start)
        comparison = any(temporal.is_since_year(t) for t in first)
        dates, found = temporal.sentence_dates(sentence, found, offset=s_start, dates=first)  # read once
        if facts is not None:  # handed to verify for this very span (``Tagging.sentence_dates``)
            facts[(s_start - start, s_end - start)] = tuple(_shifted(dates, -start)) if start else tuple(dates)
        # no main-clause date: the event is undated (a background date, "the government
        # formed in April", is not when it happened); an unresolved expression is still shown
        when = _event_time(dates[:1] or [t for t in found if not t.value])
        if len(dates) == 2:
            # "said on Friday that the fire started on Tuesday": the happening, then the report
            reported = _event_time(dates[1:])
            events.append(_event(article, s_start, s_end, text[s_start:s_end], reported))
        ev_start = s_start
        if when is not None and previous_undated and _ANAPHORA.match(sentence) and events and events[-1].when is None:
            # Fold the previous (undated) sentence into this dated one.
            events.pop()
            ev_start = previous_undated[0]
        body = text[ev_start:s_end]
        if when is None and not comparison and not _is_salient(sentence):
            previous_undated = None
            continue
        events.append(_event(article, ev_start, s_end, body, when))
        previous_undated = (s_start, s_end) if when is None else None
    return events, tagging




# A wire dateline opening the sentence ("ST. PAUL, Minn. --", "WASHINGTON (AP) _") names where
# the report was filed, not who acted: "Minn." made two different votes "the same actor".
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]+(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?\s*(?:\([A-Za-z ]+\))?\s*(?:--|—|–|_)\s+")


def _event(article: Article, start: int, end: int, body: str, when: tuple[str | None, str] | None) -> _Found:
    told = _DATELINE.sub("", body, count=1)
    where = _places(body)
    return _Found(start, end, body, when,
                  who=_people(told, where if told == body else None),  # the places of body are read once
                  where=where, attribution=find_attribution(body))


def _shifted(found: list[temporal.TimeExpression], by: int) -> list[temporal.TimeExpression]:
    return [dataclasses.replace(t, start=t.start + by, end=t.end + by) for t in found]


def _event_time(found: list[temporal.TimeExpression]) -> tuple[str | None, str] | None:
    """The expression that dates the sentence, as (value, text): the first resolved point, else
    an unresolved day-relative one (kept so it can be shown as unresolved), else None."""
    resolved = [t for t in found if t.value]
    if resolved:
        t = resolved[0]
        return t.value, t.text
    unresolved = [t for t in found if t.value is None and getattr(t, "kind", "point") in ("point", "start")]
    if unresolved:
        t = unresolved[0]
        return None, t.text
    return None


def _is_heading(sentence: str) -> bool:
    """Subheadings in pasted articles: short, no closing punctuation."""
    stripped = sentence.rstrip()
    return len(stripped.split()) <= 8 and not stripped.endswith((".", "!", "?", "”", "\"", ":"))


def _is_salient(sentence: str) -> bool:
    """An undated sentence is an event when it reports an action by a named actor, or is a
    denial or negative statement (any subject)."""
    n_words = len(sentence.split())
    if n_words >= _NEGATIVE_MIN_WORDS and meets(_NEGATIVE_NEEDS, fold(sentence), 0, len(sentence)) \
            and _NEGATIVE.match(sentence):
        return True
    if n_words < 6:
        return False
    return _has_action(sentence) and any(
        n and n not in _CALENDAR for n in (_strip_lead(m.group()) for m in _PROPER_START.finditer(sentence)))


# Speed (issue 26): ``_ACTION`` searched at every word of every undated sentence was the
# engine's costliest test after the tagger ("\w+ed" backtracks over each word). Its matches
# are whole words (``\b`` on both sides), so the same question is asked word by word: a word
# of three or more word characters ending in "ed" (any case), or one of the listed words
# case-folded (``triggers.fold`` equates exactly the characters ``re.IGNORECASE`` equates).
# ``_NEGATIVE`` is tried only when a literal each of its matches needs is in the sentence;
# ``_PROPER_START`` is ``_PROPER`` opening with its capital, so the regex engine skips to one.
_NEGATIVE_NEEDS = required_sets(_NEGATIVE)
assert _PROPER.pattern.startswith(r"\b[A-Z]")
_PROPER_START = re.compile(r"[A-Z](?<=\b[A-Z])" + _PROPER.pattern[len(r"\b[A-Z]"):])
_ACTION_ED = re.compile(r"[eE][dD]\b(?<=\w[eE][dD])")
_WORD_RUN = re.compile(r"\w+")
_ACTION_WORDS = frozenset(
    "said says told took began begun fell hit held made met won lost led left fled struck shot sent saw gave came "
    "went ran rose cut set put paid sold bought brought issued visit visits visited announce announces launch "
    "launches kill kills seize seizes seized vow vows vowed urges urged urging declare declares report reports "
    "confirm confirms denies claim claims".split())


def _has_action(sentence: str) -> bool:
    """``_ACTION.search(sentence)`` is not None, asked word by word (see above)."""
    if _ACTION_ED.search(sentence):
        return True
    folded = fold(" ".join(_WORD_RUN.findall(sentence)))  # a space folds to itself, never into a word
    if folded is None:
        return _ACTION.search(sentence) is not None
    return not _ACTION_WORDS.isdisjoint(folded.split(" "))


def _strip_lead(name: str) -> str:
    """'The Syrian' -> 'Syrian': a capitalised sentence opener is not part of a name."""
    words = name.split()
    while words and words[0] in _STOP_LEADS:
        words = words[1:]
    return " ".join(words)


def _people(text: str, places_of_text: list[str] | None = None) -> list[str]:
    """Names in ``text`` that are not its places (``support.names``: no sentence openers,
    weekdays, months or numerals); ``places_of_text`` is ``_places(text)`` when the caller has it."""
    places = set(_places(text) if places_of_text is None else places_of_text)
    return [n for n in clean_names(support.names(text)) if n not in places and len(n) > 2][:6]


def _places(text: str) -> list[str]:
    found = [m.group(1) for m in _PLACE.finditer(text) if m.group(1) not in _STOP_LEADS]
    return clean_names(found)[:4]
