"""Paragraph and sentence spans with exact character offsets.

Hand-written rather than nltk/spaCy/pysbd: those add tens of MB or a model download for a
job that news prose makes easy (sentences end in . ! ? or a closing quote after them), and
the chunker and the offline engine both need offsets that index the original text exactly.
"""
from __future__ import annotations

import re
from typing import Iterator

# Abbreviations that end in a period but do not end a sentence in news text.
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen col lt sgt capt cmdr adm gov sen rep rev st jr sr co corp inc ltd
    jan feb mar apr jun jul aug sep sept oct nov dec no vs etc u.s u.k u.n e.g i.e a.m p.m
    ft mt ave blvd dept est approx fig""".split()
)
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)")
_PARAGRAPH = re.compile(r"[^\n]+")


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-blank line; news paragraphs are lines."""
    for match in _PARAGRAPH.finditer(text):
        start, end = match.span()
        stripped = match.group()
        lead = len(stripped) - len(stripped.lstrip())
        trail = len(stripped) - len(stripped.rstrip())
        if end - trail > start + lead:
            yield start + lead, end - trail


def sentences(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence in ``text[start:end]``, never crossing a line break."""
    end = len(text) if end is None else end
    for p_start, p_end in paragraphs(text[start:end]):
        yield from _split_paragraph(text, start + p_start, start + p_end)


def _split_paragraph(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    cursor = start
    for match in _END.finditer(text, start, end):
        stop = match.end()
        if _is_abbreviation(text, cursor, match.start()):
            continue
        following = text[stop:end].lstrip()
        if following and not (following[0].isupper() or following[0].isdigit() or following[0] in "\"'“‘("):
            continue
        yield cursor, stop
        cursor = stop
        while cursor < end and text[cursor].isspace():
            cursor += 1
    if cursor < end:
        yield cursor, end


def _is_abbreviation(text: str, start: int, period: int) -> bool:
    if text[period] != ".":
        return False
    word_start = period
    while word_start > start and not text[word_start - 1].isspace() and text[word_start - 1] not in "(\"“":
        word_start -= 1
    word = text[word_start:period].lower()
    if word in _ABBREVIATIONS:
        return True
    # Initials ("J." in "J. Smith") and dotted acronyms ("U.S.") are not sentence ends.
    return len(word) == 1 and word.isalpha() or bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", word))
