"""Read an RSS, Atom or JSON Feed (a URL or a saved file) as one article per item.

Following a story means following its feed: each item is an article. When the item carries its
own full text (Atom ``<content>``, RSS ``content:encoded``, JSON Feed ``content_html``/
``content_text``) that text is the article; otherwise the item's page is fetched and read like
any page given on the command line. The item's own metadata wins over the page's: ``published``
is the item's date as stated (its own day in its own offset, so "Mon, 01 Sep 2025 23:30 -0500"
is 1 September, not UTC's 2 September), the title is the item's, the outlet is the feed's title
and the url is the item's link. An item whose page cannot be read is a notice, not an error.
With ``--update``, items whose link is already in the earlier briefing are not fetched again.
"""
from __future__ import annotations

import json
import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from timeline.errors import InputError
from timeline.models import Article
from timeline.sources.url import looks_like_feed  # one way: url.py hands feeds here by name, never imports this

SUFFIXES = (".rss", ".atom", ".xml")
FULL_CONTENT_WORDS = 30  # an item's own text shorter than this is a teaser: the page is read instead
_BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "li", "blockquote", "pre", "div")


def read_feed_file(path: Path, max_bytes: int) -> list[Article]:
    """A saved feed file (.rss, .atom, .xml)."""
    from timeline.sources import _read_bytes

    data = _read_bytes(path, max_bytes, binary=True)
    if not data.strip():
        raise InputError(f"{path}: file is empty")
    if not looks_like_feed(data):
        raise InputError(f"{path}: not an RSS, Atom or JSON feed")
    return read_feed(data, str(path), max_bytes)


def read_feed(data: bytes, name: str, max_bytes: int, timeout: int | None = None) -> list[Article]:
    """Every item of the feed in ``data`` (``name`` is its URL or file) that is not already known."""
    from timeline.sources import known_url, notice

    outlet, items = _items(data, name)
    if not items:
        raise InputError(f"{name}: the feed has no items")
    articles: list[Article] = []
    skipped_known = 0
    for number, item in enumerate(items, 1):
        link = item.get("link") or None
        if link and known_url(link):
            skipped_known += 1
            continue
        try:
            article = _article(item, outlet, name, number, max_bytes, timeout)
        except InputError as exc:
            notice(f"feed item {number} ({item.get('title') or link or 'untitled'}) skipped: {exc}")
            continue
        articles.append(article)
    if skipped_known:
        notice(f"{name}: {skipped_known} item(s) already in the earlier briefing, not fetched again")
    return articles


def _items(data: bytes, name: str) -> tuple[str | None, list[dict[str, Any]]]:
    """(feed title, items as plain dicts: title, link, published, content, content_type)."""
    if data.lstrip(b"\xef\xbb\xbf").lstrip().startswith(b"{"):
        return _json_items(data, name)
    import feedparser

    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=True,
                              response_headers={"content-location": name} if "://" in name else None)
    if parsed.get("bozo") and not parsed.entries:
        raise InputError(f"{name}: not a readable feed ({type(parsed.get('bozo_exception')).__name__})")
    items = []
    for entry in parsed.entries:
        content = entry.get("content") or []
        body = content[0] if content else {}
        items.append({
            "title": _clean(entry.get("title")), "link": entry.get("link"),
            "published": entry.get("published") or entry.get("updated") or entry.get("dc_date"),
            "content": body.get("value"), "content_type": body.get("type", "text/html"),
        })
    return _clean(parsed.feed.get("title")), items


def _json_items(data: bytes, name: str) -> tuple[str | None, list[dict[str, Any]]]:
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError(f"{name}: not a readable JSON feed ({type(exc).__name__})") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("items"), list):
        raise InputError(f"{name}: not a JSON feed (no \"items\" list)")
    items = []
    for raw in doc["items"]:
        if not isinstance(raw, dict):
            continue
        html, text = raw.get("content_html"), raw.get("content_text")
        items.append({
            "title": _clean(raw.get("title")), "link": raw.get("url") or raw.get("external_url"),
            "published": raw.get("date_published") or raw.get("date_modified"),
            "content": html if isinstance(html, str) else text if isinstance(text, str) else None,
            "content_type": "text/html" if isinstance(html, str) else "text/plain",
        })
    return _clean(doc.get("title")), items


def _article(item: dict[str, Any], outlet: str | None, name: str, number: int, max_bytes: int,
             timeout: int | None) -> Article:
    from timeline.sources import _article as make_article
    from timeline.sources.url import url_stem

    link = item.get("link")
    stem = url_stem(link) if link else f"item-{number}"
    published = item_day(item.get("published"))
    text = _content_text(item.get("content"), item.get("content_type") or "text/html")
    if len(text.split()) >= FULL_CONTENT_WORDS:
        meta = {"title": item.get("title"), "published": published, "source": outlet, "url": link}
        article = make_article(meta, text, stem, f"{name} item {number}", None)
        return article.model_copy(update={"path": link or name})
    if not link:
        raise InputError("no link to the item's page and no full text in the feed")
    from timeline.sources.url import DEFAULT_TIMEOUT, read_url

    [article] = read_url(link, max_bytes, timeout or DEFAULT_TIMEOUT)[:1]
    return article.model_copy(update={"title": item.get("title") or article.title,
                                      "published": published or article.published,
                                      "source": outlet or article.source, "url": link, "path": link})


def item_day(raw: Any) -> date | None:
    """The item's day as it states it: its own offset kept, never converted to UTC."""
    if not isinstance(raw, str) or not raw.strip():
        return None
    text = raw.strip()
    found: datetime | None = None
    try:
        found = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            found = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            found = None
    if found is None:
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            return None
    from timeline.sources import MAX_YEAR, MIN_YEAR

    return found.date() if MIN_YEAR <= found.year <= MAX_YEAR else None


def _content_text(value: Any, content_type: str) -> str:
    """Plain paragraphs from an item's own content (HTML or text)."""
    if not isinstance(value, str) or not value.strip():
        return ""
    if "html" not in content_type and "<" not in value:
        return "\n\n".join(p.strip() for p in re.split(r"\n\s*\n", value) if p.strip())
    try:
        import lxml.html

        root = lxml.html.fragment_fromstring(value, create_parent="div")
    except Exception:  # lxml raises many types on broken markup
        return ""
    for bad in root.xpath("//script|//style|//figure|//iframe"):
        bad.drop_tree()
    blocks = [" ".join(el.text_content().split()) for el in root.iter(*_BLOCK_TAGS)
              if not any(child.tag in _BLOCK_TAGS for child in el.iterdescendants() if isinstance(child.tag, str))]
    blocks = [b for b in blocks if b]
    return "\n\n".join(blocks) if blocks else " ".join(root.text_content().split())


def _clean(value: Any) -> str | None:
    return " ".join(value.split()) or None if isinstance(value, str) else None
