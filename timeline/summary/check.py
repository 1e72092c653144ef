"""Summary helpers shared by every engine: the extractive summary and the neutrality check.

The neutrality check is what makes "neutral" testable: a loaded word is fine inside a quote
that is attributed to someone ("Assad declared, “Terrorists ...”"), or in a sentence that
says who uses the label ("labeled as a terrorist organization by several countries"), and is
flagged anywhere else, in the tool's own voice.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from timeline.verify import support
from timeline import temporal
from timeline.text.attribution import find_attribution
from timeline.models import Article, Chronology, Event, Summary
from timeline.text.quotes import QUOTES
from timeline.text.sentences import sentences
from timeline.timepoint import RANK, Period
from timeline.summary.extractive import extractive_summary
from timeline.lang.en import dates as calendar


SUMMARY_WORD_SHARE = 4  # a summary sentence condenses several events: one content word in four may be its own


def _event_text(event: Event) -> str:
    parts = [event.what, *(ev.quote for ev in event.evidence), event.attribution or "", *event.who, *event.where]
    if event.when:
        parts.append(event.when.text)
    return " ".join(parts)


def _dates_of(chronology: Chronology) -> list[Period]:
    """Every date the chronology gives (a range as its two ends), from events and evidence."""
    values: list[Period] = []
    for event in chronology.events + chronology.undated:
        for when in [event.when, *(ev.when for ev in event.evidence)]:
            if when is not None and when.period is not None:
                values.extend(Period(end) for end in when.period.ends)
    return values




def _flat(text: str) -> str:
    return " ".join(text.translate(QUOTES).split()).lower()


@dataclass
class Backing:
    """The chronology as the summary check reads it, prepared once per briefing (a summary
    sentence is compared with every event: thousands in a big briefing)."""

    events: list[Event]
    texts: list[str]
    flat: list[str]
    keys: list[frozenset[str]]
    dates: list[Period]

    @classmethod
    def of(cls, chronology: Chronology) -> Backing:
        events = chronology.events + chronology.undated
        texts = [_event_text(e) for e in events]
        return cls(events, texts, [_flat(t) for t in texts], [support.stems(t) for t in texts], _dates_of(chronology))


def _date_supported(expression: str, sentence: str, backing: Backing, references: list[date | None]) -> bool:
    """A date in the summary must be a date of the chronology: its words are an event's own, or
    it resolves (against any article's publication date) to a day, month or year an event has."""
    needle = _flat(expression).strip(" ,.;:")
    if needle and any(needle in text for text in backing.flat):
        return True
    for reference in references:
        for found in temporal.tag(sentence, reference):
            if found.text != expression or not found.value:
                continue
            for value in Period(found.value).ends:
                said = Period(value)
                # the chronology's date is the summary's or finer; or coarser, but a month at least
                if any(said.covers(d) or d.covers(said) and d.rank >= RANK["month"] for d in backing.dates):
                    return True
    return False


def sentence_problems(sentence: str, backing: Backing, references: list[date | None],
                      article_text: str = "") -> tuple[list[str], list[Event]]:
    """Why ``sentence`` is not backed by the chronology, and the events that back it."""
    problems: list[str] = []
    reference = next((r for r in reversed(references) if r), None)
    expressions = temporal.tag(sentence, reference)
    for expression in expressions:
        if not _date_supported(expression.text, sentence, backing, references):
            problems.append(f"date {expression.text!r} is not a date of the chronology")
    verbatim = _verbatim(_flat(_PIN.sub("", sentence)).strip(" .!?"), backing)
    if verbatim is not None:  # the chronology's own words (an extractive summary); dates checked above
        return problems, verbatim
    bare = sentence
    for expression in sorted(expressions, key=lambda e: -e.start):
        bare = bare[:expression.start] + " " + bare[expression.end:]
    own = support.stems(bare) - _COMMON
    names = [support.phrase_keys(n) for n in support.names(bare)]
    chosen = [i for i, keys in enumerate(backing.keys)
              if len(own & keys) >= 2 or any(n and n <= keys for n in names)]
    union = " ".join(backing.texts[i] for i in chosen)
    in_dates = {n for e in expressions for n in support.numbers(e.text)}  # checked as dates above
    for number in support.missing_numbers(sentence, union):
        if number not in in_dates:
            problems.append(f"number {number} is not in the chronology")
    for name in support.names(bare):
        if not support.mentioned(name, union, article_text):
            problems.append(f"{name!r} is not in the chronology")
    skip = {support.stem(w) for n in support.names(bare) for w in n.split()}
    words = support.content_words(bare, skip)
    loose = support.unsupported_words(bare, union, skip)
    if len(loose) > len(words) // SUMMARY_WORD_SHARE:
        problems.append("words not in the chronology: " + ", ".join(loose[:6]))
    if support.negated(bare) and not support.negated(union):
        problems.append("a negation the chronology does not have")
    problems += _claim_problems(sentence, bare, own, chosen, backing, union)
    if not problems and not chosen:
        problems.append("it states nothing any event says")  # "{", "N/A", a stray fragment of markup
    return problems, [backing.events[i] for i in chosen]


_REPORTING = frozenset(support.stem(w) for w in "said says say told tell reported report according stated added "
                                                 "announced".split())
_AUXILIARY = frozenset("was were is are be been being has have had got".split())


def _claim_problems(sentence: str, bare: str, own: frozenset[str], chosen: list[int], backing: Backing,
                    union: str) -> list[str]:
    """What a summary sentence says that its events do not (issue 23): a polar verb reversed or
    a negation dropped, a source that is not the events' source, a predicate no event gives its
    subject ("residents were injured" for "residents reported hearing the blast"), a loaded word."""
    problems: list[str] = []
    source = find_attribution(sentence) or find_attribution(sentence[:1].lower() + sentence[1:])
    source_keys = support.phrase_keys(source) if source else frozenset()
    content = own - source_keys - _REPORTING
    overlap = {i: len(content & backing.keys[i]) for i in chosen}
    best = max(overlap.values(), default=0)
    closest = [i for i, n in overlap.items() if n == best and n >= 2]
    near = " ".join(backing.texts[i] for i in closest)
    problems += [p for p in support.polarity_problems(bare, union) if "negation is not in the claim" not in p]
    if closest and not any(not support.polarity_problems(bare, backing.texts[i]) for i in closest):
        problems += [p for p in support.polarity_problems(bare, near) if "negation is not in the claim" in p]
    if closest and not support.negated(bare) and all(support.negated(backing.texts[i]) for i in closest) and \
            all(_negation_governs(backing.texts[i], bare) for i in closest):
        problems.append("a negation of the chronology is not in the sentence")
    if source and content:
        holders = [i for i, n in overlap.items() if n >= 2]
        if holders and not any(support.mentioned(source, backing.texts[i]) for i in holders):
            given = sorted({a for i in holders if (a := backing.events[i].attribution)})
            problems.append(f"source {source!r} is not the chronology's source for it"
                            + (f" ({'; '.join(given)})" if given else ""))
    problems += _predicate_problems(bare, source_keys, chosen, backing)
    from timeline.summary.loaded import lacking_loaded_words

    lacking = lacking_loaded_words(sentence, union)
    if lacking:
        problems.append("loaded words the chronology does not use: " + ", ".join(lacking))
    return problems


def _negation_governs(evidence: str, claim: str) -> bool:
    from timeline.verify.check_event import _negation_touches

    return _negation_touches(evidence, claim)


_PASSIVE = re.compile(r"\b(?:was|were|is|are|been|being|be|has|have|had|got)\s+(?:(?:also|still|reportedly|"
                      r"seriously|badly|critically|slightly|fatally)\s+)?([A-Za-z][\w'’-]*)", re.I)


def _predicate_problems(bare: str, source_keys: frozenset[str], chosen: list[int], backing: Backing) -> list[str]:
    """The sentence's predicate (the word right after its first "was/were/has..."), must be in an
    event that also has the sentence's subject (a content word before it): "residents were
    injured" needs an event where residents are injured, not one where 9 people were."""
    match = next((m for m in _PASSIVE.finditer(bare) if m.group(1).lower() not in support.STOPWORDS), None)
    if match is None:
        return []
    predicate = support.stem(match.group(1))
    before = re.findall(r"[A-Za-z][\w'’-]*", bare[:match.start()])
    subject = {support.stem(w) for w in before if w.lower() not in support.STOPWORDS} - source_keys \
        - _REPORTING - _COMMON
    if not subject or predicate in _REPORTING or predicate in _COMMON:
        return []
    if any(predicate in backing.keys[i] and subject & backing.keys[i] for i in range(len(backing.events))):
        return []
    return [f"no event says {' '.join(bare[:match.end()].split())!r}"]


_COMMON = frozenset(support.stem(w) for w in support.STOPWORDS)
MIN_PIECE_WORDS, MAX_PIECES = 5, 3


def _verbatim(needle: str, backing: Backing) -> list[Event] | None:
    """The events whose own text ``needle`` is, whole or in up to ``MAX_PIECES`` consecutive
    pieces of at least ``MIN_PIECE_WORDS`` words (an extractive summary joins event texts, and
    its sentences need not end where the events do); None when it is not."""
    if not needle:
        return None
    found: list[Event] = []
    rest = needle
    for _ in range(MAX_PIECES):
        hits = [i for i, text in enumerate(backing.flat) if rest in text]
        if hits:
            return found + [backing.events[i] for i in hits]
        words = rest.split(" ")
        low, high = 0, len(words) - 1  # longest prefix of ``words`` that some event text holds
        while low < high:
            middle = (low + high + 1) // 2
            prefix = " ".join(words[:middle])
            if any(prefix in text for text in backing.flat):
                low = middle
            else:
                high = middle - 1
        if low < MIN_PIECE_WORDS:
            return None
        prefix = " ".join(words[:low])
        found += [backing.events[i] for i, text in enumerate(backing.flat) if prefix in text][:1]
        rest = " ".join(words[low:])
    return None
# The date the extractive summary pins after a relative expression: "today (Mon 10 Mar 2025)".
_DAY = r"(?:" + calendar.SHOWN_WEEKDAY + r" \d{1,2} [A-Z][a-z]{2} \d{4}|[A-Z][a-z]{2} \d{4}|\d{4})"
_PIN = re.compile(rf" \({_DAY}(?: – {_DAY})?(?: — model's reading \(unverified\))?\)")


def check_summary(summary: Summary, chronology: Chronology, articles: list[Article], fallback: bool = False
                  ) -> tuple[Summary, list[str]]:
    """``summary`` with every sentence the chronology does not back removed, and one warning per
    removed sentence. Names, numbers, dates and content words must come from the events
    that back the sentence (see ``sentence_problems``); a sentence stating an attributed
    event's claim with no source in it or just before it gets "(according to SOURCE)"."""
    events = chronology.events + chronology.undated
    if not events or not summary.text.strip():
        return summary, []
    backing_all = Backing.of(chronology)
    references: list[date | None] = [a.published for a in articles if a.published] or [None]
    text_all = "\n".join(a.text for a in articles)
    kept: list[str] = []
    removed: set[str] = set()
    warnings: list[str] = []
    for start, end in sentences(summary.text):
        sentence = summary.text[start:end].strip()
        if not sentence:
            continue
        problems, backing = sentence_problems(sentence, backing_all, references, text_all)
        if problems:
            warnings.append(f"summary sentence removed, not supported by the chronology ({'; '.join(problems)}): "
                            f"{sentence!r}")
            removed.add(sentence)
            continue
        kept.append(_keep_attribution(sentence, backing, kept[-1] if kept else ""))
    claims = []
    for claim in summary.claims_with_sources:
        problems, backing = [], []
        for a, b in sentences(claim.text):
            found, events_ = sentence_problems(claim.text[a:b], backing_all, references, text_all)
            problems += found
            backing += events_
        sources = [support.phrase_keys(s) for s in re.split(r";", claim.source or "") if s.strip()]
        pool = [backing_all.keys[i] for i, e in enumerate(backing_all.events) if any(e is b for b in backing)] \
            if backing else backing_all.keys
        source_ok = all(any(keys <= k for k in pool) for keys in sources)
        if problems or not source_ok:
            if claim.text.strip() in removed:
                continue  # already listed as a removed sentence
            warnings.append(f"summary claim removed, not supported by the chronology: {claim.text!r}"
                            + (f" ({claim.source})" if claim.source else ""))
            kept = [k for k in kept if not _states(k, claim.text)]  # the warning says removed: so it is
            continue
        claims.append(claim)
    if not kept and not fallback:
        warnings.append("the summary had no sentence the chronology supports; using the extractive summary")
        checked, more = check_summary(extractive_summary(chronology, articles), chronology, articles, fallback=True)
        return checked, warnings + more
    return Summary(text=" ".join(kept), claims_with_sources=claims), warnings


def _states(kept: str, claim: str) -> bool:
    """True when the kept summary sentence ``kept`` is (one of) the sentences of ``claim``."""
    mine = _flat(_ACCORDING.sub("", kept)).strip(" .!?")
    return bool(mine) and any(mine == _flat(claim[a:b]).strip(" .!?") or mine in _flat(claim)
                              for a, b in sentences(claim))


_ACCORDING = re.compile(r" \(according to [^)]*\)")


def _keep_attribution(sentence: str, backing: list[Event], previous: str) -> str:
    """A claim keeps its source: when every event backing ``sentence`` is attributed and neither
    it nor the sentence before names a source, "(according to SOURCE)" is added."""
    sources = [e.attribution for e in backing if e.attribution]
    if not backing or len(sources) < len(backing):
        return sentence
    if find_attribution(sentence) or find_attribution(sentence[:1].lower() + sentence[1:]):
        return sentence
    if any(support.mentioned(s, sentence) or support.mentioned(s, previous) for s in sources):
        return sentence
    source = sources[0]
    body = sentence.rstrip()
    end = len(body.rstrip(".!?"))
    return f"{body[:end]} (according to {source}){body[end:]}"
