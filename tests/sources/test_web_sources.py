"""Web pages, URLs and PDFs in: the story and not the page, the page's own date, one-line errors."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.errors import InputError
from timeline.run.pipeline import BriefOptions, brief
from timeline.sources import load_articles
from timeline.sources.html import decode_html
from timeline.sources.pdf import reflow
from timeline.sources.url import read_url

from web_server import BIG_BYTES, WEB, serve

BRIDGE = WEB / "bridge-closure.html"
FERRY = WEB / "ferry-cp1252.html"
# Words that only the page's chrome holds: navigation, ads, cookie banner, related links,
# comments, newsletter box, sidebar, footer and the scripts.
CHROME = ["Subscribe today", "Refinance", "Holiday deals", "cookies", "Related stories", "Ferry workers strike",
          "bridgefan77", "told them in 2015", "Morning Briefing", "Most read", "electric car", "All rights reserved",
          "dataLayer", "shared on 1 January 2020", "Share on X", "Search the Gazette", "Transport correspondent"]


def test_saved_page_gives_the_article_and_none_of_the_chrome() -> None:
    [article] = load_articles([str(BRIDGE)]).articles
    assert article.text.startswith("Engineers closed the Harbour Bridge to all traffic on Monday")
    assert article.text.rstrip().endswith("who runs a café near the northern ramp.")
    assert "The bridge, which opened in 1968, was last strengthened in 2009." in article.text
    for chrome in CHROME:
        assert chrome not in article.text, chrome
    assert "Updated 12 March 2025" not in article.text  # a publishing stamp is not an event
    assert article.title == "Harbour Bridge closed after inspectors find cracks"
    assert article.source == "Northport Gazette"
    assert article.url == "https://gazette.example.com/news/2025/03/harbour-bridge-closed"


def test_the_date_is_the_pages_own_publication_date_not_the_update_or_a_comment() -> None:
    [article] = load_articles([str(BRIDGE)]).articles
    assert article.published is not None and article.published.isoformat() == "2025-03-11"


def test_a_month_only_page_date_gets_no_invented_day() -> None:
    from timeline.sources.html import read

    body = "<p>" + "The council met again and argued about the harbour budget for hours. " * 5 + "</p>"
    month_only = f'<html><head><meta name="date" content="2024-06"></head><body><article>{body}</article></body></html>'
    [article] = read(month_only.encode(), "m.html", "m")
    assert article.published is None  # htmldate alone answers 2024-06-30
    with_day = month_only.replace('content="2024-06"', 'content="2024-06-12"')
    [article] = read(with_day.encode(), "d.html", "d")
    assert article.published is not None and article.published.isoformat() == "2024-06-12"


def test_json_ld_date_and_declared_legacy_charset() -> None:
    [article] = load_articles([str(FERRY)]).articles
    assert article.published is not None and article.published.isoformat() == "2024-10-08"
    assert "“Möwe” ran aground" in article.text and "Søren Brøndum" in article.text
    assert "Düsternbrook" in article.text and "\ufffd" not in article.text
    assert "Kreuzfahrten" not in article.text and "Impressum" not in article.text
    assert article.source == "Küstenbote"


def test_the_declared_charset_wins_over_guessing() -> None:
    text = "<meta charset='windows-1252'><p>“Quoted” café – 5 €</p>"
    assert "“Quoted” café – 5 €" in decode_html(text.encode("cp1252"))
    # A page saying latin-1 means windows-1252 to every browser: curly quotes, not control codes.
    latin = "<meta http-equiv='Content-Type' content='text/html; charset=iso-8859-1'><p>“x”</p>"
    assert "“x”" in decode_html(latin.encode("cp1252"))
    # The transport's charset (HTTP header) comes first.
    assert "é" in decode_html("<p>é</p>".encode("iso-8859-15"), "ISO-8859-15")


def test_evidence_offsets_index_the_extracted_text() -> None:
    loaded = load_articles([str(BRIDGE)])
    briefing = brief(loaded.articles, BriefOptions(engine="local"))
    text = loaded.articles[0].text
    events = briefing.chronology.events + briefing.chronology.undated
    assert events
    for event in events:
        for ev in event.evidence:
            assert text[ev.start:ev.end] == ev.quote
    assert not any("bridgefan77" in e.what or "Related" in e.what for e in events)


def _briefing_without_paths(paths: list[str]) -> dict:
    loaded = load_articles(paths)
    data = brief(loaded.articles, BriefOptions(engine="local")).model_dump(mode="json")
    for article in data["articles"]:
        article.pop("path")
        if article["id"] == "ferry-cp1252":  # names no URL of its own: fetched, it keeps the address
            article.pop("url")
    return data


def test_a_url_from_a_local_server_gives_the_same_briefing_as_the_saved_file() -> None:
    with serve() as base:
        fetched = _briefing_without_paths([f"{base}/bridge-closure.html", f"{base}/ferry-cp1252.html"])
    saved = _briefing_without_paths([str(BRIDGE), str(FERRY)])
    assert fetched == saved
    # The JSON keeps the URL for citations: the page's canonical one, else the address fetched.
    assert fetched["articles"][0]["url"] == "https://gazette.example.com/news/2025/03/harbour-bridge-closed"


def test_redirects_are_followed_and_plain_text_is_an_article() -> None:
    with serve() as base:
        [moved] = read_url(f"{base}/moved", 1_000_000)
        [note] = read_url(f"{base}/note.txt", 1_000_000)
    assert moved.title == "Harbour Bridge closed after inspectors find cracks"
    assert note.text == "On Monday the mayor resigned, the council said." and note.url == f"{base}/note.txt"


def test_json_keeps_the_fetched_url_when_the_page_names_none() -> None:
    with serve() as base:
        [article] = read_url(f"{base}/ferry-cp1252.html", 1_000_000)
    assert article.url == f"{base}/ferry-cp1252.html" and article.id == "ferry-cp1252"


@pytest.mark.parametrize("route, message", [
    ("missing", "HTTP 404 Not Found"),
    ("picture.png", "not a web page (the server sent image/png)"),
    ("big", "over the 100,000-byte limit"),
])
def test_fetch_failures_are_one_clear_line(route: str, message: str) -> None:
    with serve() as base, pytest.raises(InputError) as caught:
        read_url(f"{base}/{route}", max_bytes=100_000 if route == "big" else 1_000_000)
    assert message in str(caught.value) and "\n" not in str(caught.value)
    assert BIG_BYTES > 100_000


def test_timeout_is_one_line() -> None:
    with serve() as base, pytest.raises(InputError, match="timed out"):
        read_url(f"{base}/slow", 1_000_000, timeout=1)


def test_refused_connection_is_one_line() -> None:
    with serve() as base:
        dead = base  # the port is closed once the server stops
    with pytest.raises(InputError, match="connection refused|could not fetch"):
        read_url(f"{dead}/bridge-closure.html", 1_000_000, timeout=2)


def test_tls_error_is_one_line_and_never_retried_without_verification(tmp_path: Path) -> None:
    if not shutil.which("openssl"):
        pytest.skip("openssl not installed: cannot make a self-signed certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    with serve(tls=(cert, key)) as base, pytest.raises(InputError) as caught:
        read_url(f"{base}/bridge-closure.html", 1_000_000, timeout=5)
    assert "TLS error" in str(caught.value)


def test_cli_url_404_exits_with_one_line() -> None:
    from common import run_cli

    with serve() as base:
        proc = run_cli("brief", f"{base}/missing")
    err = proc.stderr.decode().strip().splitlines()
    assert proc.returncode == 1 and err == [f"timeline: error: {base}/missing: HTTP 404 Not Found"]


def test_a_directory_of_pages_reads_html_and_pdf(tmp_path: Path) -> None:
    for source in (BRIDGE, WEB / "bridge-closure-print.pdf"):
        (tmp_path / source.name).write_bytes(source.read_bytes())
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    loaded = load_articles([str(tmp_path)], published=None)
    assert [a.id for a in loaded.articles] == ["bridge-closure-print", "bridge-closure"]
    assert any("notes.docx: skipped" in n for n in loaded.notices)


def test_text_pdf_reads_as_running_paragraphs() -> None:
    [article] = load_articles([str(WEB / "bridge-closure-print.pdf")]).articles
    assert article.title == "Harbour Bridge closed after inspectors find cracks"
    assert article.published is None  # the PDF's creation date is not the story's
    # The one-page print's masthead stays a paragraph of its own, never glued to the first sentence.
    first, second = article.text.split("\n")[:2]
    assert first == "The Daily Example · World news"
    assert second.startswith("Engineers closed the Harbour Bridge to all traffic on Monday after inspectors found "
                             "cracks in two of its steel support beams, the city's transport department said.")
    # Sentences survive the two-column layout: no line break or ligature inside them.
    for sentence in ["Divers examined the piers on Thursday and found corrosion below the waterline, "
                     "according to the department's statement.",
                     "A replacement had been proposed in 2019 but the city council postponed the project."]:
        assert sentence in article.text
    assert "ﬁ" not in article.text and "ﬀ" not in article.text


def test_scanned_pdf_and_broken_pdf_get_one_line() -> None:
    with pytest.raises(InputError, match="no text layer .*scanned PDF.*OCR"):
        load_articles([str(WEB / "scanned.pdf")])
    with pytest.raises(InputError, match="not a readable PDF|not a PDF"):
        from timeline.sources.pdf import read

        read(b"%PDF-1.4\n garbage " * 10, "broken.pdf", "broken")


def test_broken_html_is_one_line_or_an_article() -> None:
    from timeline.sources.html import read

    with pytest.raises(InputError, match="no article text"):
        read(b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "empty.html", "empty")


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(max_size=200), max_size=5))
def test_reflow_never_raises_and_keeps_every_word(pages: list[str]) -> None:
    out = reflow(pages)
    assert "\n\n" not in out
    words_in = sum(len(p.split()) for p in pages)
    assert len(out.split()) <= words_in


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=400), st.sampled_from([None, "utf-8", "bogus", "latin-1", "shift_jis"]))
def test_decode_html_never_raises(data: bytes, charset: str | None) -> None:
    assert isinstance(decode_html(data, charset), str)


def test_a_pdf_url_is_read_as_a_pdf_and_keeps_its_address() -> None:
    with serve() as base:
        [article] = read_url(f"{base}/bridge-closure-print.pdf", 1_000_000)
    assert article.url == f"{base}/bridge-closure-print.pdf" and article.id == "bridge-closure-print"
    assert "Divers examined the piers on Thursday" in article.text


@settings(max_examples=30, deadline=None)
@given(st.binary(max_size=600))
def test_any_bytes_as_a_page_or_pdf_are_an_article_or_one_line(data: bytes) -> None:
    from timeline.sources import html, pdf

    for reader in (html.read, pdf.read):
        try:
            articles = reader(data, "x", "x")
        except InputError as exc:
            assert "\n" not in str(exc)
        else:
            assert articles[0].text.strip()


def test_bench_html_on_a_few_pages_keeps_story_drops_chrome_finds_date() -> None:
    from bench import bench_html, bench_pdf

    assert callable(bench_pdf.run)
    for name, result in bench_html.run(3).items():
        assert result["failed"] == 0 and result["chrome_leaked_pages"] == 0, name
        assert result["date_right"] == f"{result['pages']}/{result['pages']}", name
        assert result["share"] >= 0.95, name


def test_layout_tables_are_unwrapped_and_data_tables_kept() -> None:
    from timeline.sources.html import read

    story = "".join(f"<p>Paragraph {i}: the river rose again on Monday and the town council met to discuss "
                    "the flood barriers.</p>" for i in range(4))
    layout = (f"<html><body><table><tr><td><a href='/'>Home</a> | <a href='/login'>Sign in now</a></td></tr>"
              f"<tr><td><h1>Flood</h1>{story}</td><td>Top stories this week: markets rally</td></tr></table></body></html>")
    [article] = read(layout.encode(), "layout.html", "layout")
    assert "Paragraph 3: the river rose again" in article.text
    assert "Sign in now" not in article.text and "Top stories" not in article.text and "|" not in article.text
    data = story + ("<table><tr><th>Town</th><th>Level</th></tr><tr><td><p>Kessel</p></td><td>4.2 m</td></tr>"
                    "<tr><td>Aldren</td><td>3.9 m</td></tr></table>")
    [article] = read(f"<html><body><article>{data}</article></body></html>".encode(), "data.html", "data")
    assert "Kessel" in article.text and "4.2 m" in article.text
