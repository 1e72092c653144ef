"""A chunk is tagged once: the offline engine hands its tagging to verify with the proposals
(``ChunkProposals.tagging``, what verify would compute itself), and
verify's faster text normaliser gives what the character loop gave."""
from __future__ import annotations

import asyncio
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import temporal
from timeline.text.chunker import chunk_articles
from timeline.engines.base import Tagging
from timeline.engines.local import LocalEngine
from timeline.models import Article, Chunk
from timeline.verify.verify_events import verify_events

TEXT = "\n".join([
    "The army said on Monday that 25 people died in the strikes near the northern border town.",
    "The next day, rebels seized the town and its airport after heavy fighting overnight.",
    "Talks between the two sides are set for March 3, 2025, in the capital, officials said.",
    "Officials said the curfew imposed last week would end on Friday if the calm holds.",
] * 3)


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abc 019:/-.,\nMondayMarchyesterdaythe next day")), max_size=120),
       st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)))
def test_the_handed_tagging_is_what_the_tagger_gives(text: str, published: date) -> None:
    article = Article(id="a", text=text or "x", published=published)
    chunk = Chunk(article_id="a", index=0, start=0, end=len(article.text), text=article.text, tokens=1)
    handed = asyncio.run(LocalEngine().propose(chunk, article)).tagging
    if handed is not None:  # tagged when the chunk has sentences
        assert (handed.text, handed.published) == (chunk.text, published)
        assert list(handed.expressions) == temporal.tag(chunk.text, published)


def _verified(article: Article, handed: bool) -> list[list[dict[str, object]]]:
    engine = LocalEngine()
    out = []
    for chunk in chunk_articles([article], 50):
        result = asyncio.run(engine.propose(chunk, article))
        tagging = result.tagging if handed else None
        out.append([e.model_dump() for e in verify_events(result.proposals, chunk, article, tagging).events])
    return out


def test_verify_with_the_engines_tagging_equals_verify_tagging_itself() -> None:
    article = Article(id="a", text=TEXT, published=date(2025, 2, 26))
    shared = _verified(article, handed=True)
    assert shared == _verified(article, handed=False)
    assert len(shared) > 1 and sum(len(c) for c in shared) >= 6 and any(e["when"] for c in shared for e in c)


def test_a_tagging_of_other_text_is_not_used() -> None:
    article = Article(id="a", text=TEXT, published=date(2025, 2, 26))
    chunk = chunk_articles([article], 50)[0]
    result = asyncio.run(LocalEngine().propose(chunk, article))
    wrong = Tagging(text=chunk.text + " ", published=article.published, expressions=())
    assert [e.model_dump() for e in verify_events(result.proposals, chunk, article, wrong).events] == \
        [e.model_dump() for e in verify_events(result.proposals, chunk, article, result.tagging).events]


def _normalise_by_characters(text: str) -> tuple[str, list[int]]:
    """The character loop verify.normalise replaced (kept here as the reference)."""
    from timeline.text.quotes import QUOTES

    out: list[str] = []
    index: list[int] = []
    translated = text.translate(QUOTES)
    i = 0
    while i < len(translated):
        if translated[i].isspace():
            j = i
            while j < len(translated) and translated[j].isspace():
                j += 1
            out.append(" ")
            index.append(i)
            i = j
            continue
        out.append(translated[i])
        index.append(i)
        i += 1
    return "".join(out), index


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab “”‘’\"'\t\n\r\x0b\x0c\x1c\x85\xa0\u2003\u3000.")), max_size=60))
def test_normalise_matches_the_character_loop(text: str) -> None:
    from timeline.text.quotes import normalise

    assert normalise(text) == _normalise_by_characters(text)
