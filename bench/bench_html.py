"""Web page reader on many pages: the story kept, the chrome dropped, the page's date found.

Real news articles (``../shared/corpus``, read there, never copied; the seed article without it)
are wrapped in three page templates unlike each other and unlike the test pages (a WordPress-like
theme with comments, a news site with JSON-LD only and div soup, a minimal legacy page in
windows-1252 with a ``<meta name="date">``), each full of navigation, ads, related links, comments
and footers carrying dates of their own. Measured:

- ``sentences``: the article's sentences found verbatim in the extracted text;
- ``chrome``: pages where any chrome string leaked into the text;
- ``date``: pages whose publication date is the one the page declares (never a chrome date).

    python bench/bench_html.py [N]
"""
from __future__ import annotations

import html
import json
import re
import sys
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from timeline.errors import InputError  # noqa: E402
from timeline.sources.html import read  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus" / "usweb-news-2023-01.jsonl"
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")
CHROME = ["Sign in to your account", "Top stories this week", "Sponsored content from", "Reader comment:",
          "Copyright Example Media", "Subscribe for $1", "You might also like", "Cookie settings"]


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{html.escape(p)}</p>\n" for p in text.split("\n") if p.strip())


def wordpress(title: str, text: str, day: date) -> bytes:
    decoy = day - timedelta(days=400)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)} – Example Blog</title>
<meta property="og:title" content="{html.escape(title)}"><meta property="article:published_time" content="{day}T09:00:00+00:00">
<meta property="og:site_name" content="Example Blog"><link rel="stylesheet" href="/wp-content/style.css"></head>
<body class="single-post"><div id="wpadminbar"><a href="/wp-login.php">Sign in to your account</a></div>
<header id="masthead"><nav class="menu"><a href="/">Home</a> <a href="/politics">Politics</a> <a href="/world">World</a></nav></header>
<div class="widget">Top stories this week: <a href="/x">Election results from {decoy:%B %d, %Y}</a></div>
<div id="primary"><article class="post type-post"><h1 class="entry-title">{html.escape(title)}</h1>
<div class="entry-meta">Posted on <time class="entry-date" datetime="{day}T09:00:00+00:00">{day:%B %d, %Y}</time> by admin</div>
<div class="entry-content">{_paragraphs(text)}<div class="sharedaddy">Share this: Twitter Facebook</div></div></article>
<div class="jp-relatedposts"><h3>You might also like</h3><a href="/y">Flooding hit the valley on {decoy:%d %B %Y}</a></div>
<div id="comments"><h2>2 thoughts</h2><ol class="comment-list"><li class="comment"><div class="comment-content">
<p>Reader comment: this happened before in {decoy.year}, nobody listened.</p></div></li></ol></div></div>
<aside id="secondary"><div class="ad">Sponsored content from Acme Loans</div></aside>
<footer id="colophon">Copyright Example Media {day.year}. <a href="/cookies">Cookie settings</a></footer></body></html>""".encode()


def jsonld_divs(title: str, text: str, day: date) -> bytes:
    decoy = day + timedelta(days=3)
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
                     "datePublished": f"{day}T06:30:00Z", "dateModified": f"{decoy}T10:00:00Z"})
    body = "".join(f'<div class="txt-block">{html.escape(p)}</div>' for p in text.split("\n") if p.strip())
    return f"""<html><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<script type="application/ld+json">{ld}</script><script>var ads = {{slot: "top", date: "{decoy}"}};</script></head>
<body><div class="top-bar"><span>Subscribe for $1</span> <a href="/login">Sign in to your account</a></div>
<div class="nav-wrap"><ul><li><a href="/a">US</a></li><li><a href="/b">Business</a></li></ul></div>
<div class="main-col"><div class="headline-wrap"><h1>{html.escape(title)}</h1></div>
<div class="story-wrap">{body}</div>
<div class="promo-rail"><b>Top stories this week</b><div><a href="/c">Markets rallied on {decoy:%A}</a></div></div></div>
<div class="cmts"><div class="cmt">Reader comment: updated on {decoy:%B %d}, still wrong.</div></div>
<div class="sponsor">Sponsored content from Brand X</div>
<div class="foot">Copyright Example Media. Cookie settings. You might also like our newsletter.</div></body></html>""".encode()


def legacy_cp1252(title: str, text: str, day: date) -> bytes:
    page = f"""<HTML><HEAD><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=windows-1252">
<META NAME="date" CONTENT="{day}"><TITLE>{html.escape(title)}</TITLE></HEAD><BODY>
<TABLE><TR><TD CLASS="nav"><A HREF="/">Home</A> | <A HREF="/login">Sign in to your account</A></TD></TR>
<TR><TD><FONT SIZE=+2><B>{html.escape(title)}</B></FONT><BR>
{_paragraphs(text)}</TD><TD CLASS="side">Top stories this week<BR>Sponsored content from the “Mall”</TD></TR>
<TR><TD CLASS="foot">Copyright Example Media – all rights reserved. Cookie settings.</TD></TR></TABLE></BODY></HTML>"""
    return page.encode("cp1252", errors="replace")


TEMPLATES = {"wordpress": wordpress, "jsonld-divs": jsonld_divs, "legacy-cp1252": legacy_cp1252}


def articles(n: int) -> list[tuple[str, str, date]]:
    out: list[tuple[str, str, date]] = []
    if CORPUS.is_file():
        with CORPUS.open(encoding="utf-8") as handle:
            for line in handle:
                obj = json.loads(line)
                if obj.get("published") and obj.get("title") and len(obj["text"].split()) > 150:
                    out.append((obj["title"], obj["text"], date.fromisoformat(obj["published"][:10])))
                if len(out) == n:
                    break
    if not out:
        seed = (REPO / "seeds" / "000_e3cd228ed5e53f9a.txt").read_text(encoding="utf-8")
        out = [("Seed article", seed, date(2024, 12, 2))]
    return out


def run(n: int = 30) -> dict:
    results = {}
    sample = articles(n)
    for name, template in TEMPLATES.items():
        found = total = leaked = dated = failed = 0
        t0 = time.perf_counter()
        for title, text, day in sample:
            try:
                [article] = read(template(title, text, day), f"{name}.html", name)
            except InputError:
                failed += 1
                continue
            flat = " ".join(article.text.split())
            sentences = [" ".join(s.split()) for p in text.split("\n") for s in _SENTENCE.split(p) if len(s.split()) >= 4]
            sentences = [s for s in sentences if s.encode("cp1252", errors="replace").decode("cp1252") == s
                         or name != "legacy-cp1252"]
            found += sum(1 for s in sentences if s in flat)
            total += len(sentences)
            leaked += any(c in article.text for c in CHROME)
            dated += article.published == day
        results[name] = {"pages": len(sample), "sentences": f"{found}/{total}", "share": round(found / max(total, 1), 3),
                         "chrome_leaked_pages": leaked, "date_right": f"{dated}/{len(sample)}", "failed": failed,
                         "seconds": round(time.perf_counter() - t0, 2)}
    return results


if __name__ == "__main__":
    print(json.dumps(run(int(sys.argv[1]) if len(sys.argv) > 1 else 30), indent=2))
