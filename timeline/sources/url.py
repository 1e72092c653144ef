"""Fetch an ``http(s)://`` address given on the command line and read it as a page.

httpx does the download: redirects followed (at most ``MAX_REDIRECTS``), one timeout, the body
streamed and cut off at ``max_bytes``, certificates always verified (a briefing must not quote a
page an attacker could have replaced), private and loopback addresses allowed (the user chose
this URL; intranet pages are news too), nothing retried (a user at a terminal wants one answer
within the timeout). Its errors are typed, so each failure is one line naming the reason.
An RSS, Atom or JSON Feed answer is handed to ``sources/feeds.py``.
"""
from __future__ import annotations

import re
from http import HTTPStatus
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from timeline.errors import InputError
from timeline.models import Article

DEFAULT_TIMEOUT = 30
MAX_REDIRECTS = 5
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_PDF_TYPES = ("application/pdf", "application/x-pdf")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json", "application/rdf+xml")
MAYBE_FEED_TYPES = ("application/xml", "text/xml", "application/json")
FEED_READER = "timeline.sources.feeds:read_feed"
_FEED_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.S | re.I)


def looks_like_feed(data: bytes) -> bool:
    """An RSS/Atom/RDF document or a JSON Feed, by its first bytes."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    if _FEED_START.match(head):
        return True
    return head.lstrip().startswith(b"{") and b"jsonfeed.org/version" in head


def read_url(url: str, max_bytes: int, timeout: int = DEFAULT_TIMEOUT) -> list[Article]:
    """The article at ``url``; InputError (one line) for any network or HTTP failure."""
    data, headers, final_url = fetch(url, max_bytes, timeout)
    content_type = headers.get("content-type", "")
    mime = content_type.split(";")[0].strip().lower()
    stem = url_stem(final_url)
    if mime in _PDF_TYPES or (not mime and data.startswith(b"%PDF-")):
        from timeline.sources.pdf import read as read_pdf

        return [a.model_copy(update={"url": a.url or final_url, "path": url})
                for a in read_pdf(data, url, stem, None)]
    if mime in FEED_TYPES or (mime in MAYBE_FEED_TYPES + _HTML_TYPES + ("",) and looks_like_feed(data)):
        from timeline.sources import _resolve

        read_feed = _resolve(FEED_READER)  # by name: feeds.py fetches its items' pages through this module
        return read_feed(data, final_url, max_bytes, timeout=timeout)  # type: ignore[no-any-return]
    if mime in ("text/plain", "text/markdown"):
        from timeline.sources import _article_from_bytes  # a plain-text article, read like a .txt or .md file

        article = _article_from_bytes(data, url, stem, None)
        return [article.model_copy(update={"url": article.url or final_url})]
    if mime and mime not in _HTML_TYPES:
        raise InputError(f"{url}: not a web page (the server sent {mime})")
    if not data.strip():
        raise InputError(f"{url}: the server sent an empty page")
    from timeline.sources.html import read as read_html

    charset = None
    if "charset=" in content_type.lower():
        charset = content_type.lower().split("charset=", 1)[1].split(";")[0].strip()
    return [a.model_copy(update={"path": url})
            for a in read_html(data, url, stem, None, url=final_url, charset=charset)]


def fetch(url: str, max_bytes: int, timeout: int = DEFAULT_TIMEOUT) -> tuple[bytes, dict[str, str], str]:
    """(body, lower-cased headers, final URL) of a 200 response, or an InputError saying why not."""
    parts = urlsplit(url)
    if not parts.hostname:
        raise InputError(f"{url}: not a valid URL (no host name)")
    import httpx

    try:
        with httpx.Client(follow_redirects=True, max_redirects=MAX_REDIRECTS, timeout=max(1, timeout),
                          headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"}) as client:
            with client.stream("GET", url) as response:
                if response.status_code != 200:
                    raise InputError(f"{url}: HTTP {response.status_code} {_phrase(response.status_code)}".rstrip())
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > max_bytes:
                    raise InputError(_too_big(url, max_bytes))
                body = bytearray()
                for block in response.iter_raw():
                    body.extend(block)
                    if len(body) > max_bytes:
                        raise InputError(_too_big(url, max_bytes))
                headers = {k.lower(): v for k, v in response.headers.items()}
                final = str(response.url)
    except InputError:
        raise
    except httpx.TooManyRedirects:
        raise InputError(f"{url}: too many redirects (more than {MAX_REDIRECTS})") from None
    except httpx.TimeoutException:
        raise InputError(f"{url}: no answer within {timeout} s (timed out)") from None
    except httpx.ConnectError as exc:
        raise InputError(f"{url}: {_connect_reason(exc)}") from None
    except (httpx.HTTPError, httpx.InvalidURL, OSError, ValueError) as exc:
        raise InputError(f"{url}: could not fetch the page ({type(exc).__name__})") from None
    if headers.get("content-encoding", "identity").lower() not in ("identity", ""):
        body = bytearray(_decoded(bytes(body), headers["content-encoding"], url, max_bytes))
    return bytes(body), headers, final


USER_AGENT = "timeline (news briefing tool)"


def _too_big(url: str, max_bytes: int) -> str:
    return f"{url}: the page is over the {max_bytes:,}-byte limit (raise it with --max-bytes)"


def _decoded(data: bytes, encoding: str, url: str, max_bytes: int) -> bytes:
    """A gzip or deflate body unpacked, still within ``max_bytes`` (no zip bomb)."""
    import zlib

    kind = encoding.lower().strip()
    if kind not in ("gzip", "x-gzip", "deflate"):
        raise InputError(f"{url}: the server sent an encoding this tool cannot read ({kind})")
    unpack = zlib.decompressobj(16 + zlib.MAX_WBITS if "gzip" in kind else zlib.MAX_WBITS)
    try:
        out = unpack.decompress(data, max_bytes + 1)
    except zlib.error:
        raise InputError(f"{url}: the server sent a broken {kind} body") from None
    if len(out) > max_bytes:
        raise InputError(_too_big(url, max_bytes))
    return out


def _connect_reason(exc: Exception) -> str:
    """One readable reason for a failed connection."""
    low = str(exc).lower()
    if "ssl" in low or "certificate" in low or "tls" in low:
        detail = "certificate verify failed" if "certificate verify failed" in low else "handshake failed"
        return f"TLS error ({detail}); the page was not fetched"
    if "refused" in low or "errno 111" in low or "errno 61" in low:
        return "connection refused (nothing is listening at that address)"
    if "name or service not known" in low or "nodename nor servname" in low or "getaddrinfo" in low \
            or "name resolution" in low:
        return "host name not found"
    return "could not connect"


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def url_stem(url: str) -> str:
    """An article id from a URL: the page's file name without suffix ('story' for .../story.html)."""
    parts = urlsplit(url)
    name = PurePosixPath(unquote(parts.path)).name
    stem = PurePosixPath(name).stem if name else ""
    return stem or (parts.hostname or "page")
