"""Split articles into token-budgeted chunks that keep exact character offsets.

Also the splitter an engine uses when a model's reply to a chunk was cut off
(``split_chunk``: two halves on a sentence boundary, offsets still exact).

Whole paragraphs are packed while they fit; a paragraph over the budget is packed by
sentences; a sentence over the budget is cut on word boundaries. Consecutive chunks share a
short overlap (the previous chunk's last sentence when it is small) so an event told across
a boundary is still seen whole; the merger removes the duplicates that overlap produces.
"""
from __future__ import annotations

from typing import Iterator

from timeline.models import Article, Chunk
from timeline.text.sentences import paragraphs, sentences
from timeline.text.tokens import TokenCounter, counter_for

DEFAULT_MAX_CHUNK_TOKENS = 1500
MIN_CHUNK_TOKENS = 50


def chunk_article(
    article: Article, counter: TokenCounter, max_tokens: int = DEFAULT_MAX_CHUNK_TOKENS, overlap_tokens: int | None = None
) -> list[Chunk]:
    """Chunks of ``article`` each within ``max_tokens`` (by ``counter``), in text order."""
    if max_tokens < MIN_CHUNK_TOKENS:
        raise ValueError(f"max chunk tokens must be at least {MIN_CHUNK_TOKENS}")
    overlap = max_tokens // 10 if overlap_tokens is None else overlap_tokens
    text = article.text
    units = list(_units(text, counter, max_tokens))
    chunks: list[Chunk] = []
    group: list[tuple[int, int, int]] = []
    size = 0
    for unit in units:
        if group and size + unit[2] > max_tokens:
            chunks.append(_make_chunk(article, len(chunks), group, counter))
            tail = group[-1]
            group, size = ([tail], tail[2]) if tail[2] <= overlap and tail[2] + unit[2] <= max_tokens else ([], 0)
        group.append(unit)
        size += unit[2]
    if group:
        chunks.append(_make_chunk(article, len(chunks), group, counter))
    return chunks


def chunk_articles(articles: list[Article], max_tokens: int = DEFAULT_MAX_CHUNK_TOKENS,
                   model: str | None = None) -> list[Chunk]:
    """Every article's chunks, in article order, counted with ``model``'s tokenizer."""
    counter = counter_for(model)
    return [chunk for article in articles for chunk in chunk_article(article, counter, max_tokens)]


def split_chunk(chunk: Chunk, article: Article, counter: TokenCounter) -> tuple[Chunk, Chunk] | None:
    """``chunk`` cut in two near its middle, on a sentence boundary when it has one, else at a space;
    offsets stay exact (each half's text is ``article.text[start:end]``). None when it cannot be cut."""
    text, start, end = article.text, chunk.start, chunk.end
    middle = (start + end) // 2
    cuts = [e for _s, e in sentences(text, start, end) if start < e < end]
    if not cuts:
        left, right = text.rfind(" ", start + 1, middle + 1), text.find(" ", middle, end - 1)
        cuts = [c for c in (left, right) if start < c < end - 1]
    if not cuts:
        return None
    cut = min(cuts, key=lambda c: abs(c - middle))
    first_end = cut
    while first_end > start and text[first_end - 1].isspace():
        first_end -= 1
    second_start = cut
    while second_start < end and text[second_start].isspace():
        second_start += 1
    if first_end <= start or second_start >= end:
        return None

    def part(a: int, b: int, n: int) -> Chunk:
        return Chunk(article_id=chunk.article_id, index=chunk.index, start=a, end=b, text=text[a:b],
                     tokens=counter.count(text[a:b]))

    return part(start, first_end, 0), part(second_start, end, 1)


def _make_chunk(article: Article, index: int, group: list[tuple[int, int, int]], counter: TokenCounter) -> Chunk:
    start, end = group[0][0], group[-1][1]
    body = article.text[start:end]
    return Chunk(article_id=article.id, index=index, start=start, end=end, text=body, tokens=counter.count(body))


def _units(text: str, counter: TokenCounter, max_tokens: int) -> Iterator[tuple[int, int, int]]:
    """(start, end, tokens) pieces no bigger than the budget: paragraphs, else sentences, else words."""
    for p_start, p_end in paragraphs(text):
        tokens = counter.count(text[p_start:p_end])
        if tokens <= max_tokens // 2:
            yield p_start, p_end, tokens
            continue
        for s_start, s_end in sentences(text, p_start, p_end):
            tokens = counter.count(text[s_start:s_end])
            if tokens <= max_tokens:
                yield s_start, s_end, tokens
            else:
                yield from _word_pieces(text, s_start, s_end, tokens, counter, max_tokens)


def _word_pieces(
    text: str, start: int, end: int, tokens: int, counter: TokenCounter, max_tokens: int
) -> Iterator[tuple[int, int, int]]:
    """Cut an over-long sentence at whitespace into pieces within the budget.

    The cut point is estimated from the sentence's own characters-per-token ratio, then
    moved back to a space and shrunk until it fits, so a 1 MB line costs a few encodes per
    piece rather than one per word.
    """
    chars_per_token = max((end - start) / max(tokens, 1), 0.5)
    cursor = start
    while cursor < end:
        target = min(end, cursor + max(int(max_tokens * chars_per_token * 0.9), 1))
        while True:
            stop = target
            if stop < end:
                space = text.rfind(" ", cursor + 1, stop + 1)
                stop = space if space > cursor else stop
            piece_tokens = counter.count(text[cursor:stop])
            if piece_tokens <= max_tokens or stop - cursor <= 1:
                break
            target = cursor + max((stop - cursor) * 3 // 4, 1)
        yield cursor, stop, piece_tokens
        cursor = stop
        while cursor < end and text[cursor].isspace():
            cursor += 1
