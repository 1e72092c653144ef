"""Read a saved web page (``.html``/``.htm``) into an ``Article``: the story, not the page.

A news page is mostly chrome: navigation, ads, cookie banners, "related" links, comments,
footers. trafilatura finds the main text and the page's title, author, site name and canonical
URL; htmldate finds the original publication date from the page's own metadata (OpenGraph
``article:published_time``, JSON-LD ``datePublished``, ``<time>`` elements, the URL) and never
from free text, so a date quoted in a comment or a "related" link cannot become the
publication date. Evidence offsets index the extracted text, which is ``Article.text``.

Both libraries (and lxml) load in about half a second: they are imported here only, and this
module is imported only when a web page is read (``timeline --help`` never pays for them).
"""
from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from timeline.errors import InputError
from timeline.models import Article
from timeline.lang.en import dates as calendar

MIN_WORDS = 10  # fewer extracted words is a menu, an error page or a paywall stub, not a story

# The HTML standard's "prescan": a <meta charset> or http-equiv Content-Type in the first 1024
# bytes decides the encoding when the transport gives none. trafilatura guesses statistically
# (charset_normalizer), which misreads short legacy pages; we follow the page's declaration.
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# Labels browsers decode as windows-1252 (WHATWG Encoding): a page saying latin-1 that uses curly
# quotes or the euro sign means cp1252, and Python's latin-1 would turn those into control codes.
_AS_CP1252 = {"latin1", "latin-1", "iso-8859-1", "iso8859-1", "iso_8859-1", "l1", "ascii", "us-ascii",
              "windows-1252", "cp1252", "x-cp1252"}
# Page metadata that trafilatura keeps as a paragraph ("· Updated 12 March 2025"): a line that
# only says when the page was published or changed is not something that happened in the story.
_STAMP_LINE = re.compile(
    r"^\W*(?:(?:last\s+)?updated|(?:first\s+)?published|posted|modified|last\s+modified)\b", re.IGNORECASE)
_STAMP_MAX_WORDS = 8


def read(data: bytes, name: str, stem: str, path: Path | None = None,
         url: str | None = None, charset: str | None = None) -> list[Article]:
    """The article in one web page. ``charset`` is the transport's (HTTP header), if any."""
    text_html = decode_html(data, charset)
    try:
        import copy

        import trafilatura
        from htmldate import find_date
        from trafilatura.utils import load_html

        tree = load_html(text_html)
        if tree is None:
            raise InputError(f"{name}: could not read the web page (no HTML found)")
        _unwrap_layout_tables(tree)
        doc = trafilatura.bare_extraction(
            copy.deepcopy(tree), url=url, with_metadata=True, include_comments=False, include_tables=True,
            include_images=False, favor_precision=True,
        )
        published = _stated_day(find_date(tree, url=url, original_date=True, extensive_search=False,
                                          outputformat="%Y-%m-%d"), text_html, url)
    except InputError:
        raise
    except Exception as exc:  # lxml and the extractors raise many types on broken markup
        raise InputError(f"{name}: could not read the web page ({type(exc).__name__})") from None
    body = _clean_text(getattr(doc, "text", None) or "", getattr(doc, "title", None))
    words = len(body.split())
    if words < MIN_WORDS:
        raise InputError(f"{name}: no article text found in the web page"
                         + (f" (only {words} word(s): navigation or a stub)" if words else ""))
    canonical = _http_url(getattr(doc, "url", None)) or _http_url(url)
    site = getattr(doc, "sitename", None) or _outlet_from_title(tree, getattr(doc, "title", None)) \
        or (urlsplit(canonical).hostname if canonical else None)
    meta: dict[str, Any] = {
        "title": getattr(doc, "title", None),
        "published": published or None,
        "source": site,
        "url": canonical,
    }
    from timeline.sources import _article  # the package's one place that turns metadata into an Article

    return [_article(meta, body, stem, name, path)]


_TITLE_SEPARATORS = re.compile(r"\s+[|\u2013\u2014:-]\s+")
_OUTLET_MAX_WORDS = 6


def _outlet_from_title(tree: Any, headline: str | None) -> str | None:
    """The outlet in a ``<title>`` such as "Bridge shut after cracks found | The Harlow Standard"
    when the page names no site (no og:site_name): the last part after a separator, if short."""
    raw = tree.findtext(".//title") if tree is not None else None
    if not raw:
        return None
    parts = _TITLE_SEPARATORS.split(" ".join(raw.split()))
    if len(parts) < 2:
        return None
    outlet = parts[-1].strip()
    if not outlet or len(outlet.split()) > _OUTLET_MAX_WORDS or (headline and outlet == headline.strip()):
        return None
    return outlet


_SECTIONS = {"h1", "h2", "h3", "table", "article", "section", "nav", "form", "main", "header", "footer"}
_BLOCKS = {"p", "div", "ul", "ol"}
_LAYOUT_CELL_WORDS = 80
_LAYOUT_CELL_BLOCKS = 3  # a data cell may wrap its value in one <p> or <div>; a story has many


def _unwrap_layout_tables(tree: Any) -> None:
    """Tables used for page layout become plain blocks, so the extractor can tell story from chrome.

    Legacy pages put the navigation, the story and the sidebar in cells of one table; trafilatura
    then returns the whole table, chrome included, as table text (measured in bench/bench_html.py:
    chrome in 30 of 30 such pages). A cell holding paragraphs, headings or a long text is layout;
    data tables (short cells: results, figures) are kept as tables.
    """
    for table in list(tree.iter("table")):
        cells = list(table.iter("td", "th"))
        if any(_is_layout_cell(cell) for cell in cells):
            for element in [table, *table.iter("tbody", "thead", "tfoot", "tr", "td", "th")]:
                element.tag = "div"


def _is_layout_cell(cell: Any) -> bool:
    tags = [child.tag for child in cell.iterdescendants() if isinstance(child.tag, str)]
    if _SECTIONS.intersection(tags) or sum(tag in _BLOCKS for tag in tags) >= _LAYOUT_CELL_BLOCKS:
        return True
    return len(cell.text_content().split()) > _LAYOUT_CELL_WORDS


_MONTH_NAMES = list(calendar.MONTH_NAMES_LOWER)


def _stated_day(found: str | None, page: str, url: str | None) -> str | None:
    """htmldate's date, kept only when the page states that day.

    For a month-only value (``<meta name="date" content="2024-06">``) htmldate answers with a
    day it made up (2024-06-30, measured); a publication date a month off would move every
    "on Monday" in the article. The day must appear in the page or its URL as a numeric date
    (2024-06-30, 2024/06/30, 20240630, 30.06.2024, 6/30/2024) or in words ("30 June 2024",
    "June 30, 2024", "Jun 30th 2024").
    """
    if not found:
        return None
    try:
        y, m, d = (int(x) for x in found.split("-"))
    except ValueError:
        return None
    month = _MONTH_NAMES[m - 1]
    mm, dd = f"{m:02d}", f"{d:02d}"
    day = rf"0?{d}(?:st|nd|rd|th)?"
    name = rf"{month[:3]}[a-z]*\.?"  # March, Mar, Mar., Sept.
    pattern = "|".join([
        rf"{y}[-/.]?{mm}[-/.]?{dd}(?!\d)", rf"{y}[-/.]{m}[-/.]{d}(?!\d)",
        rf"(?<!\d)0?{d}[./-]0?{m}[./-]{y}", rf"(?<!\d)0?{m}/0?{d}/{y}",
        rf"(?<![\w]){day}\s+(?:of\s+)?{name},?\s+{y}", rf"{name}\s+{day},?\s+{y}",
    ])
    haystack = f"{page}\n{url or ''}"
    return found if re.search(pattern, haystack, re.IGNORECASE) else None


def decode_html(data: bytes, charset: str | None = None) -> str:
    """Page bytes as text: BOM, then the transport's charset, then the page's own, then UTF-8.

    Only when none is declared and the bytes are not UTF-8 is the encoding guessed, as browsers
    do, with windows-1252 as the last resort (it maps every byte to a character).
    """
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    declared = _codec(charset) or _codec(_prescan(data))
    if declared:
        return data.decode(declared, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # declared (also a trafilatura dependency)

    best = from_bytes(data[:200_000]).best()
    return data.decode(_codec(best.encoding if best else None) or "cp1252", errors="replace")


def _prescan(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def _codec(label: str | None) -> str | None:
    """A Python codec for a charset label, or None when the label is unknown."""
    if not label:
        return None
    label = label.strip().strip("'\"").lower()
    if label in _AS_CP1252:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _clean_text(text: str, title: str | None) -> str:
    """The extracted text minus the headline (kept as the title) and publishing stamps."""
    lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n")]
    if title and lines and _same(lines[0], title):
        lines = lines[1:]
    kept = [line for line in lines if line and not _is_stamp(line)]
    return "\n".join(kept)


def _is_stamp(line: str) -> bool:
    return len(line.split()) <= _STAMP_MAX_WORDS and bool(_STAMP_LINE.match(line))


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _http_url(value: str | None) -> str | None:
    """Only http(s) URLs are kept for citations: a javascript: or data: 'canonical' is dropped."""
    if value and value.strip().lower().startswith(("http://", "https://")):
        return value.strip()
    return None
