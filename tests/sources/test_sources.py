"""Reading articles: formats, publication dates, and the errors a user sees."""
from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from timeline.errors import InputError, UsageError
from timeline.sources import load_articles, parse_date


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


def test_txt_keeps_text_and_has_no_date(tmp_path: Path) -> None:
    p = write(tmp_path / "a.txt", "Rebels entered the city on Friday.\n")
    [article] = load_articles([str(p)]).articles
    assert article.text == "Rebels entered the city on Friday."
    assert article.published is None and article.id == "a"


def test_markdown_front_matter_fields(tmp_path: Path) -> None:
    p = write(tmp_path / "b.md", "---\ntitle: Strikes hit Idlib\npublished: 2024-12-02\nsource: Wire\n"
                                 "url: https://example.org/x\n---\nBody text here.\n")
    [a] = load_articles([str(p)]).articles
    assert (a.title, a.published, a.source, a.url, a.text) == (
        "Strikes hit Idlib", date(2024, 12, 2), "Wire", "https://example.org/x", "Body text here.")


def test_published_flag_overrides_front_matter(tmp_path: Path) -> None:
    p = write(tmp_path / "b.md", "---\npublished: 2024-12-02\n---\nBody.\n")
    [a] = load_articles([str(p)], published=date(2020, 1, 1)).articles
    assert a.published == date(2020, 1, 1)


def test_bom_is_removed_and_crlf_normalised(tmp_path: Path) -> None:
    p = write(tmp_path / "bom.txt", "\ufeffFirst line.\r\nSecond line.\r\n".encode("utf-8"))
    [a] = load_articles([str(p)]).articles
    assert a.text == "First line.\nSecond line."


def test_directory_is_recursive_sorted_and_skips_hidden_and_non_text(tmp_path: Path) -> None:
    write(tmp_path / "z.txt", "Zed article.")
    write(tmp_path / "sub" / "a.md", "A article.")
    write(tmp_path / ".hidden.txt", "secret")
    write(tmp_path / ".git" / "x.txt", "git internals")
    write(tmp_path / "photo.png", b"\x89PNG\x00\x00")
    loaded = load_articles([str(tmp_path)])
    assert [a.text for a in loaded.articles] == ["A article.", "Zed article."]
    assert any("photo.png" in n and "skipped" in n for n in loaded.notices)
    assert not any("hidden" in n or ".git" in n for n in loaded.notices)


def test_jsonl_one_article_per_line(tmp_path: Path) -> None:
    p = write(tmp_path / "feed.jsonl", '{"title": "One", "text": "First.", "published": "2024-12-01"}\n\n'
                                       '{"text": "Second.", "source": "Outlet"}\n')
    articles = load_articles([str(p)]).articles
    assert [a.text for a in articles] == ["First.", "Second."]
    assert articles[0].published == date(2024, 12, 1) and articles[1].source == "Outlet"
    assert len({a.id for a in articles}) == 2


def test_stdin(tmp_path: Path) -> None:
    [a] = load_articles(["-"], stdin=io.BytesIO(b"From a pipe.\n")).articles
    assert a.text == "From a pipe." and a.path == "<stdin>"


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("empty.txt", b"", "file is empty"),
        ("blank.txt", b"  \n\n", "file is empty"),
        ("bin.txt", b"\x00\x01\x02binary", "binary"),
        ("latin.txt", "Caf\u00e9 opened.".encode("latin-1"), "not valid UTF-8"),
        ("broken.md", b"---\ntitle: [unclosed\n---\nText.\n", "broken YAML front matter"),
        ("open.md", b"---\ntitle: x\nText with no closing fence.\n", "no closing '---'"),
        ("baddate.md", b"---\npublished: someday\n---\nText.\n", "not a date"),
        ("bad.jsonl", b'not json\n{"title": "no text"}\n', "not valid JSON"),  # no good line at all
    ],
)
def test_bad_files_name_the_file_and_problem(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    p = write(tmp_path / name, data)
    with pytest.raises(InputError) as info:
        load_articles([str(p)])
    assert name in str(info.value) and message in str(info.value)
    assert "\n" not in str(info.value)


def test_missing_path() -> None:
    with pytest.raises(InputError, match="nope.txt: no such file"):
        load_articles(["nope.txt"])


def test_size_limit_names_the_limit(tmp_path: Path) -> None:
    p = write(tmp_path / "big.txt", "word " * 1000)
    with pytest.raises(InputError, match="over the 1,000-byte limit"):
        load_articles([str(p)], max_bytes=1000)


def test_directory_without_articles(tmp_path: Path) -> None:
    write(tmp_path / "image.png", b"\x89PNG")
    write(tmp_path / "empty.txt", b"")
    with pytest.raises(InputError, match="no readable articles"):
        load_articles([str(tmp_path)])


@pytest.mark.parametrize("bad", ["yesterday-ish", "2024-13-40", ""])
def test_parse_date_rejects_non_dates(bad: str) -> None:
    with pytest.raises(UsageError, match="not a date"):
        parse_date(bad, "--published")
