"""Paragraph and sentence spans with exact character offsets.

Hand-written rather than nltk/spaCy/pysbd: those add tens of MB or a model download for a
job that news prose makes easy (sentences end in . ! ? or a closing quote after them), and
the chunker and the offline engine both need offsets that index the original text exactly.
"""
from __future__ import annotations

import re
from typing import Iterator

from timeline.lang.en import dates as calendar
from timeline.lang.en.news import QUOTE_SPEAKER_VERBS, SPEAKER_PRONOUNS

# Abbreviations that end in a period but do not end a sentence in news text.
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen col lt sgt capt cmdr adm gov sen rep rev st jr sr co corp inc ltd
    no vs etc u.s u.k u.n e.g i.e a.m p.m ft mt ave blvd dept est approx fig""".split()
) | calendar.MONTH_ABBREVIATIONS_LOWER  # "Jan." does not end a sentence
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)")
_PARAGRAPH = re.compile(r"[^\n]+")
_CONTINUATION = re.compile(r"[a-z][a-z]|[,;:)]")
# A quotation that ends in "?" or "!" inside its quote marks, then its speaker: "...our Country?"
# Trump wrote on his site." is one sentence; cut at the "?", the speaker's tail ("Trump wrote on his
# social media site early Friday.") was said alone as an event. One to four capitalised words
# (a name, "The Rev. Al Sharpton") or a pronoun, then a reporting verb; or the verb first ("asked
# Smith"). After a period the quote would end with a comma, so a period still ends the sentence.
_SPEECH = "|".join(sorted(QUOTE_SPEAKER_VERBS, key=len, reverse=True))
_SPEAKER_TAIL = re.compile(
    r"(?:(?:[A-Z][\w.'’-]*\s+){1,4}|(?:" + "|".join(SPEAKER_PRONOUNS) + r")\s+)(?:" + _SPEECH + r")\b"
    r"|(?:" + _SPEECH + r")\s+[A-Z]")


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each paragraph: a line, or the lines of one hard-wrapped paragraph.

    News paragraphs are usually lines. Wire copy and plain-text archives (Reuters, AP, mail)
    wrap lines at a fixed width instead, and a line of such text is a fragment of a sentence
    ("...licences to" / "traders to import..."): treating it as a paragraph cut sentences in
    two and gave events half a claim. When the text is hard-wrapped (see ``_is_hard_wrapped``),
    the lines of a paragraph are joined; a new paragraph starts after a blank line, at an
    indented line, or after a short line that ends a sentence.
    """
    if "\n" not in text:
        # one line (verify asks for the sentences of each evidence's own paragraph): the line
        # without its outer whitespace, as the general case below gives it, with no regex pass
        start, end = len(text) - len(text.lstrip()), len(text.rstrip())
        if end > start:
            yield start, end
        return
    lines = [_strip_span(match) for match in _PARAGRAPH.finditer(text)]
    lines = [span for span in lines if span[1] > span[0]]
    if not _is_hard_wrapped(text, lines):
        # a line that opens in lower case or with a comma continues the one before: text split
        # one sentence a line by a tokenizer that stopped at an abbreviation ("Rep. Barney Frank
        # (D-Mass.)" / ", chairman of the House ..."; "Sen. Max Baucus (D-Mont.)" / "said at ...")
        joined: tuple[int, int] | None = None
        for span in lines:
            if joined is not None and _CONTINUATION.match(text, span[0]):
                joined = (joined[0], span[1])
                continue
            if joined is not None:
                yield joined
            joined = span
        if joined is not None:
            yield joined
        return
    width = max(end - start for start, end in lines)
    current: tuple[int, int] | None = None
    for start, end in lines:
        if current is not None and _continues(text, current, (start, end), width):
            current = (current[0], end)
            continue
        if current is not None:
            yield current
        current = (start, end)
    if current is not None:
        yield current


def _strip_span(match: re.Match[str]) -> tuple[int, int]:
    start, end = match.span()
    line = match.group()
    return start + len(line) - len(line.lstrip()), end - (len(line) - len(line.rstrip()))


_BULLET = re.compile(r"[-–—•*·]\s|\d{1,2}[.)]\s")
_TERMINAL = re.compile(r"[.!?:;][\"'”’)\]]*$")


def _breaks_mid_sentence(text: str, line: tuple[int, int], following: tuple[int, int]) -> bool:
    """The line stops where no sentence can stop: after a comma, or before a lower-case word."""
    last, first = text[line[1] - 1], text[following[0]]
    if _BULLET.match(text, following[0]):
        return False  # a list item starts its own line
    return last in ",-–—(" or (not _TERMINAL.search(text[line[0]:line[1]]) and (first.islower() or first.isdigit()))


def _is_hard_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    """Whether many line breaks fall inside sentences (a fixed-width wrap, not paragraphs).

    Two such breaks at least, and a quarter of all line breaks: a headline over a lower-case
    sub-heading, or a list whose items end in commas, does not make an article wrapped.
    """
    pairs = list(zip(lines, lines[1:]))
    inside = sum(
        _breaks_mid_sentence(text, a, b) for a, b in pairs if "\n\n" not in text[a[1]:b[0]].replace("\r", "")
    )
    return inside >= 2 and inside * 4 >= len(pairs)


def _continues(text: str, line: tuple[int, int], following: tuple[int, int], width: int) -> bool:
    """Whether ``following`` continues the paragraph whose last line is ``line`` (wrapped text)."""
    gap = text[line[1]:following[0]].replace("\r", "")
    if "\n\n" in gap or gap.endswith((" ", "\t")) or _BULLET.match(text, following[0]):
        return False  # a blank line, an indented line or a list item: a new paragraph
    if _breaks_mid_sentence(text, line, following):
        return True
    # A line that ends a sentence well short of the wrap width ends its paragraph.
    ends_sentence = bool(_TERMINAL.search(text[line[0]:line[1]]))
    return not (ends_sentence and line[1] - line[0] < 0.75 * width)


def sentences(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence in ``text[start:end]``, never crossing a paragraph's end."""
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
        if _quote_goes_on_to_its_speaker(match.group(), following):
            continue
        yield cursor, stop
        cursor = stop
        while cursor < end and text[cursor].isspace():
            cursor += 1
    if cursor < end:
        yield cursor, end


def _quote_goes_on_to_its_speaker(mark: str, following: str) -> bool:
    """``mark`` closes a quoted question or exclamation and ``following`` names who said it."""
    if not ("?" in mark or "!" in mark) or mark[-1] not in "\"'”’":
        return False
    return bool(_SPEAKER_TAIL.match(following))


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
