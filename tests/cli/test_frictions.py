"""The small frictions of issue 27, each a test that failed before the fix."""
from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "support"))

from timeline.errors import InputError  # noqa: E402
from timeline.sources import load_articles  # noqa: E402

PAGE = b"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Bridge shut after cracks found | The Harlow Standard</title></head><body><article>
<h1>Bridge shut after cracks found</h1>
<p>Engineers shut the Harlow bridge on Monday after inspectors found cracks in two of its support beams,
the county council said in a statement.</p>
<p>The bridge will stay closed for at least six weeks while the beams are replaced, the council said.</p>
</article></body></html>"""


def test_the_outlet_comes_from_the_title_when_the_page_names_no_site(tmp_path: Path) -> None:
    page = tmp_path / "bridge.html"
    page.write_bytes(PAGE)
    [article] = load_articles([str(page)]).articles
    assert article.source == "The Harlow Standard"


def test_one_bad_jsonl_line_is_skipped_with_a_notice(tmp_path: Path) -> None:
    path = tmp_path / "story.jsonl"
    path.write_text('{"text": "On Monday the mayor resigned."}\nnot json\n{"text": "On Tuesday she left."}\n')
    loaded = load_articles([str(path)])
    assert [a.text for a in loaded.articles] == ["On Monday the mayor resigned.", "On Tuesday she left."]
    assert len(loaded.notices) == 1 and "story.jsonl:2" in loaded.notices[0] and "not valid JSON" in loaded.notices[0]


def test_a_jsonl_line_on_stdin_is_read_as_jsonl() -> None:
    data = b'{"text": "On Monday the mayor resigned.", "title": "Mayor quits", "published": "2025-03-05"}\n'
    [article] = load_articles(["-"], stdin=io.BytesIO(data)).articles
    assert article.text == "On Monday the mayor resigned." and article.title == "Mayor quits"
    assert str(article.published) == "2025-03-05"


def test_stdin_text_that_starts_with_a_brace_is_still_text() -> None:
    [article] = load_articles(["-"], stdin=io.BytesIO(b"{draft} On Monday the mayor resigned.\n")).articles
    assert article.text.startswith("{draft}")


def test_a_jsonl_file_with_no_good_line_is_still_an_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text("not json\nnor this\n")
    with pytest.raises(InputError, match="bad.jsonl:1: not valid JSON .*1 more bad line"):
        load_articles([str(path)])


def test_per_date_without_key_dates_is_a_usage_error(tmp_path: Path) -> None:
    from common import run_cli

    story = tmp_path / "s.txt"
    story.write_text("On Monday the mayor resigned.\n")
    proc = run_cli("brief", str(story), "--per-date", "3")
    assert proc.returncode == 2 and "--key-dates" in proc.stderr.decode()


def test_max_events_notes_what_it_dropped(tmp_path: Path) -> None:
    from timeline import brief
    from timeline.options import BriefOptions

    from datetime import date

    from timeline.models import Article

    text = ("The council met on 3 March 2025. The mayor resigned on 5 March 2025. "
            "The bridge reopened on 9 March 2025.")
    article = Article(id="a", text=text, published=date(2025, 3, 10))
    briefing = brief([article], BriefOptions(engine="local", use_cache=False, max_events=1))
    assert len(briefing.chronology.events) == 1
    assert any("--max-events 1" in w and "2 " in w for w in briefing.warnings), briefing.warnings


def test_no_publication_date_warning_names_the_article() -> None:
    from timeline import brief
    from timeline.models import Article
    from timeline.options import BriefOptions

    briefing = brief([Article(id="harbour-note", text="On Monday the mayor resigned.")],
                     BriefOptions(engine="local", use_cache=False))
    assert any(w.startswith("no publication date for the article harbour-note") for w in briefing.warnings)


@pytest.mark.parametrize("text, shown", [
    ("127.0.0.1:8766", "127.0.0.1:8766"),
    ("11.48pm", "11.48pm"),
    ("1. first", "1\\. first"),
    ("- item", "\\- item"),
    ("# heading", "\\# heading"),
    ("> quote", "&gt; quote"),
    ("2025) was", "2025\\) was"),
])
def test_markdown_escapes_only_real_block_markers(text: str, shown: str) -> None:
    from timeline.render.escape import markdown_inline

    assert markdown_inline(text) == shown


@pytest.mark.parametrize("line", ["Watch: our reporter's video from the scene (1 min 40 s).",
                                  "Listen: the mayor speaks to Radio Harlow on Monday.", "WATCH: The moment the bridge shut"])
def test_player_notes_are_furniture(line: str) -> None:
    from timeline.text.boilerplate import is_noise

    assert is_noise(line)
    assert not is_noise("Engineers watched as the bridge was shut on Monday.")


def test_a_player_note_is_no_event() -> None:
    from datetime import date

    from timeline import brief
    from timeline.models import Article
    from timeline.options import BriefOptions

    text = "Watch: our reporter's video from the scene on Monday (1 min 40 s).\n\nThe bridge was shut on Monday."
    briefing = brief([Article(id="a", text=text, published=date(2025, 3, 5))], BriefOptions(engine="local", use_cache=False))
    assert all("Watch" not in e.what for e in briefing.chronology.events + briefing.chronology.undated)


def test_update_refreshes_the_titles_article_count() -> None:
    from datetime import date

    from timeline import brief
    from timeline.models import Article
    from timeline.options import BriefOptions

    options = BriefOptions(engine="local", use_cache=False)
    first = brief([Article(id="a", title="Bridge shut", text="The bridge was shut on Monday.", published=date(2025, 3, 5)),
                   Article(id="b", title="Ferries doubled", text="Ferries were doubled on Tuesday.",
                           published=date(2025, 3, 5))], options)
    assert first.title == "Briefing: Bridge shut and 1 more"
    later = brief([Article(id="c", title="Bridge reopens", text="The bridge reopened on Friday.",
                           published=date(2025, 3, 8))], options, previous=first)
    assert later.title == "Briefing: Bridge shut and 2 more"


def test_the_html_page_lists_syndicated_copies_like_markdown() -> None:
    from datetime import date

    from timeline import brief
    from timeline.models import Article
    from timeline.options import BriefOptions
    from timeline.render.html import render_html
    from timeline.render.markdown import render_markdown

    wire = ("The harbour bridge was shut on Monday after inspectors found cracks in two support beams, the county "
            "council said. It will stay closed for six weeks while the beams are replaced, officials said.")
    briefing = brief([Article(id="wire", text=wire, published=date(2025, 7, 14), source="Harbor Wire"),
                      Article(id="herald", text=wire, published=date(2025, 7, 15), source="Pine <b>Herald</b>")],
                     BriefOptions(engine="local", use_cache=False))
    assert "also published as" in render_markdown(briefing)
    page = render_html(briefing)
    assert "also published as: Pine &lt;b&gt;Herald&lt;/b&gt;, 2025-07-15 (identical text)" in page


def test_earlier_this_week_excludes_days_after_publication() -> None:
    from datetime import date

    from timeline import brief
    from timeline.models import Article
    from timeline.options import BriefOptions

    article = Article(id="a", text="The mayor resigned earlier this week, the council said.", published=date(2025, 3, 5))
    briefing = brief([article], BriefOptions(engine="local", use_cache=False))
    [event] = briefing.chronology.events
    assert event.when and event.when.value == "2025-03-03/2025-03-04"  # Wednesday's article: Monday to Tuesday
