"""Chunking: budgets, exact offsets, overlap, and over-long sentences."""
from __future__ import annotations

from timeline.text.chunker import chunk_article
from timeline.models import Article
from timeline.text.sentences import sentences
from timeline.text.tokens import counter_for

from common import SEED

COUNTER = counter_for(None)


def article(text: str) -> Article:
    return Article(id="a", text=text)


def test_counter_is_the_offline_cl100k_encoding() -> None:
    assert COUNTER.exact and "cl100k" in COUNTER.name
    assert COUNTER.count("hello world") == 2


def test_seed_fits_one_chunk_at_default_budget() -> None:
    text = SEED.read_text(encoding="utf-8")
    [chunk] = chunk_article(article(text), COUNTER)
    assert chunk.start == 0 and chunk.end == len(text.rstrip("\n")) and chunk.text == text[chunk.start:chunk.end]


def test_chunks_respect_budget_keep_offsets_and_overlap() -> None:
    text = SEED.read_text(encoding="utf-8")
    chunks = chunk_article(article(text), COUNTER, max_tokens=120)
    assert len(chunks) > 4
    for chunk in chunks:
        assert chunk.tokens <= 120
        assert text[chunk.start:chunk.end] == chunk.text
    covered = set()
    for chunk in chunks:
        covered.update(range(chunk.start, chunk.end))
    assert all(i in covered for i in range(len(text.rstrip())) if not text[i].isspace())
    assert any(b.start < a.end for a, b in zip(chunks, chunks[1:])), "consecutive chunks should overlap"


def test_long_sentence_is_split_on_word_boundaries() -> None:
    text = " ".join(f"word{i}" for i in range(3000))
    chunks = chunk_article(article(text), COUNTER, max_tokens=200)
    assert len(chunks) > 10
    for chunk in chunks:
        assert chunk.tokens <= 200
        assert not chunk.text.startswith(" ") and not text[chunk.end - 1].isspace()
        assert chunk.start == 0 or text[chunk.start - 1] == " "


def test_one_megabyte_line_without_breaks_is_chunked() -> None:
    text = ("alpha beta gamma delta " * 45000).strip()
    assert len(text) > 1_000_000
    chunks = chunk_article(article(text), COUNTER, max_tokens=1500)
    assert max(c.tokens for c in chunks) <= 1500
    assert chunks[-1].end == len(text)


def test_sentences_do_not_break_on_abbreviations() -> None:
    text = "Gen. Sergei Kisel was dismissed, U.S. officials said. He left on Jan. 3. Then more."
    spans = [text[s:e] for s, e in sentences(text)]
    assert spans == ["Gen. Sergei Kisel was dismissed, U.S. officials said.", "He left on Jan. 3.", "Then more."]
