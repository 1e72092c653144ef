"""Feeds (issue 27): an RSS or Atom feed is one article per item, over a local feed server."""
from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "support"))

from web_server import WEB, serve  # noqa: E402

from timeline.errors import InputError  # noqa: E402
from timeline.sources import load_articles  # noqa: E402
from timeline.sources.url import read_url  # noqa: E402


@pytest.mark.parametrize("feed", ["harbour.rss", "harbour.atom"])
def test_a_feed_is_one_article_per_item_and_a_missing_page_is_a_notice(feed: str) -> None:
    with serve() as base:
        loaded = load_articles([f"{base}/{feed}"])
    bridge, ferry = loaded.articles
    # the page was fetched and read like any page; the item's metadata wins
    assert "cracks" in bridge.text and bridge.url == f"{base}/bridge-closure.html"
    assert bridge.title == "Harbour Bridge closed after inspectors find cracks"
    assert bridge.source.startswith("Harbour Watch")
    # its own day in its own offset: 23:30 -05:00 on 3 March is 4 March in UTC
    assert bridge.published == date(2025, 3, 3)
    # the item's own full content is the article; 00:15 +09:00 on 4 March is 3 March in UTC
    assert ferry.text.startswith("The harbour ferry company said on Tuesday")
    assert "\n\n" in ferry.text and ferry.published == date(2025, 3, 4)
    assert ferry.url == f"{base}/ferry-extra.html"
    # the taken-down item is listed, not fatal
    assert any("A story that was taken down" in n and "404" in n for n in loaded.notices)


def test_a_saved_feed_file_reads_its_items(tmp_path: Path) -> None:
    text = (WEB / "harbour.rss").read_text().replace("{BASE}", "http://127.0.0.1:9")
    (tmp_path / "story.rss").write_text(text)
    loaded = load_articles([str(tmp_path / "story.rss")])
    # only the item with full content can be read: the pages are on a closed port
    [ferry] = loaded.articles
    assert ferry.published == date(2025, 3, 4)
    assert len([n for n in loaded.notices if "skipped" in n]) == 2


def test_update_fetches_only_items_not_yet_read(tmp_path: Path) -> None:
    from common import run_cli

    out = tmp_path / "briefing.json"
    with serve() as base:
        first = run_cli("brief", f"{base}/harbour.rss", "--format", "json", "-o", str(out))
        assert first.returncode == 0, first.stderr.decode()
        assert len(json.loads(out.read_text())["articles"]) == 2
        feed = (WEB / "harbour.rss").read_text().replace("{BASE}", base)
        newer = feed.replace("<item>", """<item>
<title>Bridge to reopen in May</title><link>{0}/later</link><pubDate>Thu, 06 Mar 2025 10:00:00 +0100</pubDate>
<content:encoded><![CDATA[<p>The council said on Thursday that the Harbour Bridge will reopen in May once the two cracked
support beams have been replaced, a spokesperson for the council said at a press conference at the town hall.</p>]]>
</content:encoded></item>
<item>""".format(base), 1)
        saved = tmp_path / "newer.rss"
        saved.write_text(newer)
        second = run_cli("brief", str(saved), "--update", str(out), "--format", "json", "-o", str(out))
    assert second.returncode == 0, second.stderr.decode()
    assert "2 item(s) already in the earlier briefing" in second.stderr.decode()
    articles = json.loads(out.read_text())["articles"]
    assert len(articles) == 3 and articles[-1]["published"] == "2025-03-06"


def test_json_feed_items(tmp_path: Path) -> None:
    body = "The port authority said on Friday that the ferry terminal would stay open through the weekend while " \
           "the bridge is repaired, and that extra staff had been called in to manage the queues at the gates."
    doc = {"version": "https://jsonfeed.org/version/1.1", "title": "Port News",
           "items": [{"id": "1", "url": "https://example.invalid/port", "title": "Terminal open",
                      "date_published": "2025-03-07T23:50:00-08:00", "content_text": body}]}
    from timeline.sources.feeds import read_feed

    [article] = read_feed(json.dumps(doc).encode(), "port.json", 1_000_000)
    assert article.published == date(2025, 3, 7) and article.source == "Port News" and article.text == body


def test_refused_connection_is_one_clean_line() -> None:
    with serve() as base:
        dead = base
    with pytest.raises(InputError) as caught:
        read_url(f"{dead}/bridge-closure.html", 1_000_000, timeout=2)
    message = str(caught.value)
    assert "connection refused" in message and "\n" not in message and "Errno" not in message
