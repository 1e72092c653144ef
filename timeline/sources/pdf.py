"""Read a text PDF into an ``Article``; a scanned PDF (images only) gets one clear line.

pypdf extracts the text (measured against pdfminer.six in bench/bench_pdf.py on news PDFs made
there: one- and two-column prints; pypdf kept as many or more sentences verbatim and ran faster,
and it is pure Python). PDF text comes as lines, not paragraphs: the line breaks of the layout,
end-of-line hyphens, ligature glyphs (ﬁ), running headers and page numbers. ``reflow`` turns it
back into paragraphs of running text, because sentences and evidence quotes must not be cut by
a line break. A PDF says when it was made, not when the story was published, so its metadata
date is not used: give ``--published`` or the briefing says the date is missing.
"""
from __future__ import annotations

import io
import re
import statistics
from collections import Counter
from pathlib import Path

from timeline.errors import InputError
from timeline.models import Article

MIN_WORDS_PER_PAGE = 5  # below this on average the PDF holds pictures of text, not text
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st",
                            "\u00ad": ""})
_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?\s*$", re.IGNORECASE)
_ENDS_SENTENCE = re.compile(r"[.!?:;\"'”’)]\s*$")
_SHORT_LINE = 0.8  # a sentence-final line this much shorter than the page's usual line ends a paragraph


def read(data: bytes, name: str, stem: str, path: Path | None = None) -> list[Article]:
    """The article in a PDF file's text layer."""
    pages, title = extract_pages(data, name)
    text = "\n".join(filter(None, (_without_title(p, title) for p in reflow(pages).split("\n"))))
    words = len(text.split())
    if words < MIN_WORDS_PER_PAGE * max(1, len(pages)):
        raise InputError(f"{name}: no text layer (a scanned PDF: {len(pages)} page(s) of images); "
                         "run OCR first, e.g. ocrmypdf, then read the result")
    from timeline.sources import _article

    return [_article({"title": title}, text, stem, name, path)]


def extract_pages(data: bytes, name: str) -> tuple[list[str], str | None]:
    """The raw text of each page and the document title, or one InputError line."""
    if not data.lstrip().startswith(b"%PDF-"):
        raise InputError(f"{name}: not a PDF file (no %PDF- header)")
    import logging

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # it warns on every slightly odd file
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError

        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(f"{name}: the PDF is password-protected; save an unlocked copy first")
        pages = [page.extract_text() or "" for page in reader.pages]
        meta = reader.metadata
        title = str(meta.title).strip() if meta and meta.title else None
    except InputError:
        raise
    except PdfReadError as exc:
        raise InputError(f"{name}: not a readable PDF ({exc})") from None
    except Exception as exc:  # a damaged file can fail anywhere inside the parser
        raise InputError(f"{name}: not a readable PDF ({type(exc).__name__})") from None
    return pages, title or None


def reflow(pages: list[str]) -> str:
    """Paragraphs of running text from page texts: no layout line breaks, headers or page numbers."""
    page_lines = [[line.strip() for line in page.translate(_LIGATURES).splitlines()] for page in pages]
    repeated = _running_lines(page_lines)
    lines: list[str] = []
    for page in page_lines:
        lines += [line for line in page if not _PAGE_NUMBER.match(line) and line not in repeated]
        lines.append("")  # a page break may end a paragraph; the join below decides
    lengths = [len(line) for line in lines if line]
    usual = statistics.median(lengths) if lengths else 0
    paragraphs: list[str] = []
    current = ""
    for line in lines:
        if not line:
            continue
        if not current and len(line) < _SHORT_LINE * usual and not _ENDS_SENTENCE.search(line):
            paragraphs.append(line)  # a heading, byline or header: never glued to the next sentence
            continue
        current = _join(current, line)
        if _ENDS_SENTENCE.search(line) and len(line) < _SHORT_LINE * usual:
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return "\n".join(" ".join(p.split()) for p in paragraphs)


def _join(text: str, line: str) -> str:
    if not text:
        return line
    if text.endswith("-") and len(text) > 1 and text[-2].isalpha() and line[:1].islower():
        return text + line  # "year-" + "earlier": the hyphen is kept (it may be a real one)
    return f"{text} {line}"


_EDGE_LINES = 3  # a running header or footer is among the first or last lines of a page
_DIGITS = re.compile(r"\d+")
_PAGE_MARK = re.compile(r"^\s*page\s+\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?\b", re.IGNORECASE)


def _furniture_key(line: str) -> str:
    """A line with its numbers masked: "Page 1 of 2 - Registered office" and "Page 2 of 2 - ..." are one."""
    return _DIGITS.sub("#", " ".join(line.split())).casefold()


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Page furniture: lines printed at the top or bottom of most pages (a running header or
    footer, numbers masked so "Page 1 of 2" and "Page 2 of 2" count as one), and page marks
    ("Page 1 of 2 - Registered office ...") at a page's edge. Two pages are enough: a line at
    the edge of both is furniture. Removed before sentences are formed, so no sentence runs
    through a page break's furniture."""
    if len(pages) < 2:
        return set()
    edges = [[line for line in page if line] for page in pages]
    edges = [page[:_EDGE_LINES] + page[-_EDGE_LINES:] for page in edges]
    counts = Counter(key for page in edges for key in {_furniture_key(line) for line in page})
    found = {line for page in edges for line in page
             if counts[_furniture_key(line)] > max(1, len(pages) / 2) or _PAGE_MARK.match(line)}
    return found


def _without_title(paragraph: str, title: str | None) -> str:
    """The paragraph minus the document title it starts with (a wrapped headline glued to the text)."""
    if title:
        head = " ".join(title.split())
        if paragraph.casefold() == head.casefold():
            return ""
        if paragraph.casefold().startswith(head.casefold() + " "):
            return paragraph[len(head) + 1:]
    return paragraph
