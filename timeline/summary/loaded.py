"""Loaded words outside a quote or an attribution: in the tool's voice they are spin, so they are flagged.

The word lists are English and live in ``lang/en/news.py``.
"""
from __future__ import annotations

import re

from timeline.text.attribution import sources_cited
from timeline.lang.en.news import LOADED_WORDS
from timeline.models import Event, Summary
from timeline.text.sentences import sentences

_LOADED = re.compile(r"\b(" + "|".join(re.escape(w) for w in LOADED_WORDS) + r")\b", re.I)


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


def loaded_words_anywhere(text: str) -> list[str]:
    """Every loaded word of ``text`` outside quoted speech and URLs, attributed or not: what a
    model's rewording must not add to its evidence ("The reckless owner said ..." for "The
    plant's owner said ..." is attributed, and still our word)."""
    unquoted = _QUOTED.sub(" ", _URL.sub(" ", text))
    return list(dict.fromkeys(m.group(1).lower() for m in _LOADED.finditer(unquoted)))


def lacking_loaded_words(text: str, evidence: str) -> list[str]:
    """The loaded words of ``text`` (``loaded_words_anywhere``) that ``evidence`` does not use."""
    have = " ".join(evidence.split()).lower()
    return [w for w in loaded_words_anywhere(text) if not re.search(r"\b" + re.escape(w) + r"\b", have)]


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

_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|‘[^’]*’|(?<!\w)'[^']*'(?!\w)")

_URL = re.compile(r"\b(?:https?://|www\.)\S+|\b[\w.-]+\.(?:com|org|net|gov|edu|io|example)(?:/\S*)?", re.I)
