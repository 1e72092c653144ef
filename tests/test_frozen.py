"""Article and Chunk are frozen: a stage that wants a different article makes a new one
(``model_copy(update=...)``), so no later stage sees an input changed under it."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pydantic import ValidationError

from timeline.models import Article, Chunk
from timeline.sources import load_articles


def test_article_and_chunk_refuse_assignment() -> None:
    article = Article(id="a", text="Text.")
    chunk = Chunk(article_id="a", index=0, start=0, end=5, text="Text.", tokens=2)
    with pytest.raises(ValidationError):
        article.published = date(2025, 1, 1)  # type: ignore[misc]
    with pytest.raises(ValidationError):
        chunk.text = "Other."  # type: ignore[misc]
    assert hash(article) == hash(Article(id="a", text="Text."))


def test_loading_returns_new_articles_for_published_and_unique_ids(tmp_path: Path) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    for folder in ("one", "two"):
        (tmp_path / folder / "same.txt").write_text("The council met on 3 March 2025.\n", encoding="utf-8")
    articles = load_articles([str(tmp_path / "one"), str(tmp_path / "two")], published=date(2025, 3, 4)).articles
    assert len({a.id for a in articles}) == len(articles) == 2
    assert {a.published for a in articles} == {date(2025, 3, 4)}
