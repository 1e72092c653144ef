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

from . import support, temporal
from .attribution import find_attribution, sources_cited
from .loaded import LOADED_WORDS
from .models import Article, Chronology, Claim, Event, Summary
from .sentences import sentences
from .timepoint import RANK, Period

_LOADED = re.compile(r"\b(" + "|".join(re.escape(w) for w in LOADED_WORDS) + r")\b", re.I)
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|‘[^’]*’|(?<!\w)'[^']*'(?!\w)")
_URL = re.compile(r"\b(?:https?://|www\.)\S+|\b[\w.-]+\.(?:com|org|net|gov|edu|io|example)(?:/\S*)?", re.I)
MIN_WORDS, MAX_WORDS = 80, 150


def loaded_words(text: str) -> list[str]:
    """Loaded words (``loaded.LOADED_WORDS``) in the writer's own voice: not in quoted speech, a
    URL, or a sentence that says whose claim or label it is."""
    found: list[str] = []
    for start, end in sentences(text):
        sentence = text[start:end]
        if sources_cited(sentence):
            continue  # the sentence says whose words or label these are
        unquoted = _QUOTED.sub(" ", _URL.sub(" ", sentence))
        found.extend(m.group(1).lower() for m in _LOADED.finditer(unquoted))
    return list(dict.fromkeys(found))


def neutrality_warnings(summary: Summary, events: list[Event]) -> list[str]:
    """One warning per loaded word in the summary, and per event whose text uses one."""
    warnings = [f"summary uses loaded word '{w}' without attribution" for w in loaded_words(summary.text)]
    for event in events:
        words = loaded_words(event.what)
        if words:
            when = event.when.text if event.when else "undated"
            warnings.append(
                f"source text uses loaded word{'s' if len(words) > 1 else ''} {', '.join(repr(w) for w in words)} "
                f"without attribution ({event.evidence[0].article_id}, {when})"
            )
    return warnings


def _with_date(event: Event) -> str:
    """The event's sentence with a relative expression pinned: 'today (10 Mar 2025)'.

    In a briefing of several reports, "today" means a different day in each one.
    """
    when = event.when
    if not when or not when.value or any(ch.isdigit() for ch in when.text) or when.text not in event.what:
        return event.what
    from .wording import format_when

    at = event.what.index(when.text) + len(when.text)
    for possessive in ("’s", "'s"):
        if event.what.startswith(possessive, at):
            at += len(possessive)
    if event.what[at:].lstrip(" ,")[:1].isdigit():
        return event.what  # "February 12, 1986": the expression found is part of a longer date
    return f"{event.what[:at]} ({format_when(when)}){event.what[at:]}"


def extractive_summary(chronology: Chronology, articles: list[Article], max_words: int = MAX_WORDS) -> Summary:
    """80-150 words of the articles' own sentences, attributions intact, in story order.

    Each article's lead event comes first (news puts the most important fact first), then
    the most widely sourced and most recent dated events, then attributed undated ones;
    sentences with unattributed loaded words are left out.
    """
    every = chronology.events + chronology.undated
    # One pass over the evidence (was a scan of every event per article: quadratic, 80 s of a
    # 1,000-article offline briefing). Ties keep the earlier event, as min() did.
    first: dict[str, tuple[int, Event]] = {}
    for event in every:
        for ev in event.evidence:
            known = first.get(ev.article_id)
            if known is None or ev.start < known[0]:
                first[ev.article_id] = (ev.start, event)
    leads: list[Event] = []
    seen: set[int] = set()
    for article in articles:
        if article.id in first:
            lead = first[article.id][1]
            if id(lead) not in seen:
                seen.add(id(lead))
                leads.append(lead)
    dated = [e for e in chronology.events if e.when and e.when.value]
    ranked = leads + sorted(dated, key=lambda e: (len(e.sources), e.when.value if e.when and e.when.value else ""),
                            reverse=True)
    ranked += [e for e in chronology.undated if e.attribution]
    ranked = list({id(e): e for e in ranked}.values())
    order = {a.id: i for i, a in enumerate(articles)}
    chosen: list[Event] = []
    words = 0
    for event in ranked:
        if loaded_words(event.what):
            continue
        n = len(_with_date(event).split())
        if words + n > max_words:
            continue
        chosen.append(event)
        words += n
        if words >= min(MIN_WORDS, max_words - 20):
            break
    chosen.sort(key=lambda e: (order.get(e.evidence[0].article_id, 0), e.evidence[0].start))
    sentences_ = [_with_date(e) for e in chosen]
    text = " ".join(sentences_)
    claims = [Claim(text=t, source=e.attribution) for t, e in zip(sentences_, chosen)]
    return Summary(text=text, claims_with_sources=claims)


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


_FLAT_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def _flat(text: str) -> str:
    return " ".join(text.translate(_FLAT_QUOTES).split()).lower()


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
    return problems, [backing.events[i] for i in chosen]


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
_DAY = r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2} \d{4}|[A-Z][a-z]{2} \d{4}|\d{4})"
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
            continue
        claims.append(claim)
    if not kept and not fallback:
        warnings.append("the summary had no sentence the chronology supports; using the extractive summary")
        checked, more = check_summary(extractive_summary(chronology, articles), chronology, articles, fallback=True)
        return checked, warnings + more
    return Summary(text=" ".join(kept), claims_with_sources=claims), warnings


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
