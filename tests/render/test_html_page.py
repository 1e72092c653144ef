"""--format html: one self-contained, escaped page, checked in headless Chromium with the network off.

The browser checks load the page from a file with every request forced through a recording
proxy on 127.0.0.1 (and host names unresolvable), so a remote load would be seen, not made.
Each check has a control that proves it can fail: a page that does load a remote image and log
to the console is caught by the same harness. Skipped with a notice when Chromium is absent.
"""
from __future__ import annotations

import html
import re
import shutil
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.models import Article
from timeline.run.pipeline import BriefOptions, brief
from timeline.render.html import render_html
from timeline.sources import load_articles

from web_server import WEB

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="Chromium not installed (Debian: apt install chromium): "
                                                              "browser checks of the HTML page skipped")
HOSTILE = (
    "On Monday the council met. <script>document.documentElement.setAttribute('data-pwned','script')</script> "
    "On Tuesday the mayor resigned <img src=x onerror=\"document.documentElement.setAttribute('data-pwned','img')\"> "
    "after the vote. On Wednesday the police said <img src=\"http://tracker.example.com/pixel.gif\"> nothing. "
    "On Thursday a report said </p></li><a href=\"javascript:alert(1)\">click</a><style>body{display:none}</style> "
    "the budget was cut by 20 percent."
)


def _hostile_briefing():
    article = Article(id="hostile", title="<b>Council</b> <script>alert(1)</script>", text=HOSTILE,
                      published=date(2025, 3, 14), source="Evil <i>Times</i>", url="javascript:alert(document.cookie)")
    return brief([article], BriefOptions(engine="local"))


def _story_briefing():
    loaded = load_articles([str(WEB / "bridge-closure.html"), str(WEB / "ferry-cp1252.html")])
    return brief(loaded.articles, BriefOptions(engine="local"))


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _tags(page: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(page)
    return parser.tags


def test_article_text_is_escaped_and_only_our_markup_exists() -> None:
    page = render_html(_hostile_briefing())
    tags = _tags(page)
    assert [t for t, _ in tags].count("script") == 1 and [t for t, _ in tags].count("style") == 1
    assert not [t for t, _ in tags if t in ("img", "iframe", "object", "embed", "link", "base", "form")]
    assert not any(k.startswith("on") for _, attrs in tags for k in attrs)
    hrefs = [attrs.get("href") or "" for t, attrs in tags if t == "a"]
    assert all(h.startswith(("#", "http://", "https://")) for h in hrefs), hrefs
    assert "javascript:" not in " ".join(hrefs)
    assert "&lt;script&gt;document.documentElement" in page  # shown as text, not run


def test_page_is_self_contained_with_a_csp_forbidding_remote_loads() -> None:
    page = render_html(_story_briefing())
    found = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert found
    csp = html.unescape(found.group(1))
    assert "default-src 'none'" in csp and re.search(r"script-src 'sha256-[A-Za-z0-9+/=]+'", csp)
    assert "unsafe-inline" not in csp and "http" not in csp
    for tag, attrs in _tags(page):
        assert not attrs.get("src"), tag  # nothing loaded: no src anywhere
        if tag == "link":
            pytest.fail("a <link> would load something")
    assert "@import" not in page and "url(" not in page


def test_coarser_dates_come_before_the_days_they_contain_and_every_event_is_shown() -> None:
    briefing = _story_briefing()
    page = render_html(briefing)
    heads = re.findall(r'<time datetime="([^"]*)">', page.split('id="h-undated"')[0])
    assert heads == sorted(heads, key=lambda v: (v[:4], v)), heads  # years before days, in time order
    _every_event_shown(briefing, page)


class _Whats(HTMLParser):
    """The text of every event (``<p class="what">``) on a page, unescaped."""

    def __init__(self) -> None:
        super().__init__()
        self.whats: list[str] = []
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "p" and ("class", "what") in attrs:
            self._inside = True
            self.whats.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "p":
            self._inside = False

    def handle_data(self, data: str) -> None:
        if self._inside:
            self.whats[-1] += data


def _whats(page: str) -> list[str]:
    parser = _Whats()
    parser.feed(page)
    return parser.whats


def _every_event_shown(briefing, page: str) -> None:  # type: ignore[no-untyped-def]
    expected = [e.what for e in briefing.chronology.events + briefing.chronology.undated]
    assert expected and _whats(page) == expected


# Chromium's own background traffic (clock sync, component updates, sign-in, Android checks), which
# no flag turns off completely in headless mode: hosts under google.com and gvt1.com and a few
# googleapis.com services. A page's loads (fonts.googleapis.com, trackers, CDNs) are not in it.
_BROWSER_OWN_SUFFIXES = (".google.com", ".gvt1.com")
_BROWSER_OWN = {"google.com", "update.googleapis.com", "clientservices.googleapis.com", "optimizationguide-pa.googleapis.com",
                "safebrowsing.googleapis.com", "content-autofill.googleapis.com"}


def _browser_own(host: str) -> bool:
    return host in _BROWSER_OWN or host.endswith(_BROWSER_OWN_SUFFIXES)


def _host(request: str) -> str:
    target = request.split(" ", 1)[1]
    target = target.split("://", 1)[-1]
    return target.split("/", 1)[0].split(":", 1)[0]


class _Recorder(BaseHTTPRequestHandler):
    seen: list[str] = []

    def log_message(self, *args: object) -> None:
        pass

    def _any(self) -> None:
        _Recorder.seen.append(f"{self.command} {self.path}")
        self.send_response(502)
        self.end_headers()

    do_GET = do_POST = do_CONNECT = do_HEAD = _any


@contextmanager
def _recording_proxy() -> Iterator[tuple[str, list[str]]]:
    _Recorder.seen = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", _Recorder.seen
    finally:
        server.shutdown()
        server.server_close()


def _chromium(page: Path, tmp: Path, *extra: str, url: str | None = None) -> tuple[str, list[str], list[str]]:
    """(DOM after scripts ran, console lines, requests the proxy saw) for ``page`` opened from a file."""
    assert CHROMIUM
    with _recording_proxy() as (proxy, seen):
        proc = subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", f"--user-data-dir={tmp / 'profile'}",
             "--enable-logging=stderr", "--v=0", f"--proxy-server={proxy}", "--proxy-bypass-list=<-loopback>",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--disable-client-side-phishing-detection", "--disable-domain-reliability", "--no-pings",
             "--no-default-browser-check", *extra, url or page.as_uri()],
            capture_output=True, text=True, timeout=90)
        requests = [r for r in seen if not _browser_own(_host(r))]
    console = [line for line in proc.stderr.splitlines() if ":CONSOLE" in line]
    return proc.stdout, console, requests


@needs_chromium
def test_the_harness_sees_remote_loads_and_console_errors(tmp_path: Path) -> None:
    control = tmp_path / "control.html"
    control.write_text('<!doctype html><img src="http://remote.example.com/x.gif"><script>console.error("boom")</script>')
    _, console, requests = _chromium(control, tmp_path, "--dump-dom")
    assert any("remote.example.com" in r for r in requests), requests
    assert any("boom" in line for line in console), console


@pytest.fixture(scope="module")
def story_in_chromium(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The story page loaded once in Chromium: DOM dump, screenshot and print in one launch."""
    if CHROMIUM is None:
        pytest.skip("Chromium not installed (Debian: apt install chromium): browser checks of the HTML page skipped")
    tmp = tmp_path_factory.mktemp("chromium")
    briefing = _story_briefing()
    page = tmp / "briefing.html"
    page.write_text(render_html(briefing), encoding="utf-8")
    shot, pdf = tmp / "briefing.png", tmp / "briefing.pdf"
    dom, console, requests = _chromium(page, tmp, "--dump-dom", "--hide-scrollbars", "--window-size=1100,1600",
                                       f"--screenshot={shot}", "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
    return {"briefing": briefing, "dom": dom, "console": console, "requests": requests, "shot": shot, "pdf": pdf}


@needs_chromium
def test_page_in_headless_chromium_network_off(story_in_chromium: dict) -> None:
    run = story_in_chromium
    assert run["console"] == [] and run["requests"] == []
    dom = run["dom"]
    assert 'id="controls" class="controls" hidden' not in dom  # our script ran (its CSP hash matched)
    assert 'id="controls"' in dom
    _every_event_shown(run["briefing"], dom)
    shot = run["shot"]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000


@needs_chromium
def test_the_page_prints_every_event_and_no_controls(story_in_chromium: dict) -> None:
    from timeline.sources.pdf import extract_pages, reflow

    pages, _ = extract_pages(story_in_chromium["pdf"].read_bytes(), "briefing.pdf")
    printed = " ".join(reflow(pages).split())
    assert "words in events" not in printed and "Sources [1]" not in printed  # the controls are not printed
    briefing = story_in_chromium["briefing"]
    for event in briefing.chronology.events + briefing.chronology.undated:
        assert " ".join(event.what.split()[:6]) in printed


@needs_chromium
def test_search_filters_events_in_chromium(tmp_path: Path) -> None:
    briefing = _story_briefing()
    page = tmp_path / "briefing.html"
    page.write_text(render_html(briefing), encoding="utf-8")
    with_query = page.as_uri() + "#q=ferry%20the"  # every word must match, anywhere in the event
    dom, console, _ = _chromium(page, tmp_path, "--dump-dom", url=with_query)
    assert console == []
    shown = [w for w, hidden in _whats_hidden(dom) if not hidden]
    everything = briefing.chronology.events + briefing.chronology.undated
    expected = [e.what for e in everything if "ferry" in e.what.lower() and "the" in e.what.lower()]
    assert expected and len(expected) < len(everything) and shown == expected
    assert f"{len(expected)} of " in dom


def _whats_hidden(dom: str) -> list[tuple[str, bool]]:
    """(event text, hidden?) for each event in a DOM dump."""
    out = []
    for match in re.finditer(r'<li class="event"([^>]*)>.*?<p class="what">(.*?)</p>', dom, re.S):
        out.append((html.unescape(match.group(2)), "hidden" in match.group(1)))
    return out


@needs_chromium
def test_hostile_article_runs_no_script_in_chromium(tmp_path: Path) -> None:
    briefing = _hostile_briefing()
    page = tmp_path / "hostile.html"
    page.write_text(render_html(briefing), encoding="utf-8")
    dom, console, requests = _chromium(page, tmp_path, "--dump-dom")
    assert "data-pwned" not in dom.split("<body", 1)[0] + dom.split("</main>", 1)[-1].split("<script>")[0]
    assert not re.search(r"<html[^>]*data-pwned", dom)
    assert requests == [] and console == []
    assert dom.count("<script>") == 1 and "<img" not in dom
    _every_event_shown(briefing, dom)


@settings(max_examples=30, deadline=None)
@given(st.text(min_size=1, max_size=120), st.text(max_size=40), st.text(max_size=60))
def test_any_article_text_stays_text(what: str, attribution: str, url: str) -> None:
    from timeline.models import ArticleInfo, Briefing, Chronology, Event, Evidence, Summary, TimePoint

    event = Event(when=TimePoint(value="2024-11-29", precision="day", text=what[:10]), what=what,
                  attribution=attribution or None, evidence=[Evidence(article_id="a", start=0, end=1, quote=what)],
                  flags=["figure_conflict", what[:8]])
    briefing = Briefing(title=what, articles=[ArticleInfo(id="a", number=1, title=what, source=attribution, url=url)],
                        chronology=Chronology(events=[event], undated=[event]), summary=Summary(text=what))
    page = render_html(briefing)
    tags = [t for t, _ in _tags(page)]
    assert tags.count("script") == 1 and tags.count("style") == 1 and tags.count("title") == 1
    assert not {"img", "iframe", "object", "embed", "link", "base", "form"} & set(tags)
    assert len(_whats(page)) == 2
