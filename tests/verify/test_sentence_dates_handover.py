"""The offline engine hands verify its dates of each sentence it read (``Tagging.sentence_dates``,
keyed by the sentence's span) so verify does not date the sentence again (issue 26). The entries
must be exactly what verify computes; a hand-over that is not of this text is ignored, and a
model engine's hand-over never reaches verify (``run.propose._propose_all`` drops it)."""
from __future__ import annotations

import asyncio
import dataclasses
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import temporal
from timeline.engines.base import ChunkProposals, Engine, Tagging
from timeline.engines.local import LocalEngine
from timeline.models import Article, Chronology, Chunk, Summary
from timeline.options import BriefOptions
from timeline.run.propose import _propose_all, _verify_chunk
from timeline.text.chunker import chunk_articles
from timeline.verify.verify_events import verify_events

TEXT = "\n".join([
    "The army said on Monday that 25 people died in the strikes near the northern border town.",
    "Rebels from the Northern Front seized the town of Qasr and its airport after heavy fighting.",
    "These attacks took place early on Tuesday, residents said.",
    "Talks between the two sides are set for March 3, 2025, in the capital, officials said.",
    "Prices have risen 4 percent since 2020, the bank said on Friday.",
] * 3)
PUBLISHED = date(2025, 2, 26)
FAR = temporal.tag("on 1 January 1999", None)[0]  # a date no sentence of TEXT gives


def _dump(events: list) -> list[dict[str, object]]:
    return [e.model_dump() for e in events]


def _forged(tagging: Tagging, text: str | None = None) -> Tagging:
    """``tagging`` with every handed sentence dated 1 January 1999 (and, given, another text)."""
    return dataclasses.replace(tagging, text=tagging.text if text is None else text,
                               sentence_dates={span: (FAR,) for span in tagging.sentence_dates})


def _chunks() -> tuple[Article, list[Chunk]]:
    article = Article(id="a", text=TEXT, published=PUBLISHED)
    return article, chunk_articles([article], 60)


def test_the_handed_dates_are_what_verify_computes() -> None:
    article, chunks = _chunks()
    engine = LocalEngine()
    used = 0
    for chunk in chunks:
        result = asyncio.run(engine.propose(chunk, article))
        assert result.tagging is not None
        for (a, b), dates in result.tagging.sentence_dates.items():
            sentence = chunk.text[a:b]
            found = [t for t in result.tagging.expressions if a <= t.start < b and t.kind != "dateline"]
            assert list(dates) == temporal.sentence_dates(sentence, found, offset=a)[0]
            used += bool(dates)
        assert _dump(verify_events(result.proposals, chunk, article, result.tagging).events) == \
            _dump(verify_events(result.proposals, chunk, article, None).events)
    assert used >= 4  # dated sentences were handed over


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab 019:.,\nMondayMarch since 2020 yesterday. These attacks took "
                                             "place on Friday")), max_size=160),
       st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)))
def test_verify_with_the_hand_over_equals_verify_alone(text: str, published: date) -> None:
    article = Article(id="a", text=text or "x", published=published)
    for chunk in chunk_articles([article], 50):
        result = asyncio.run(LocalEngine().propose(chunk, article))
        assert _dump(verify_events(result.proposals, chunk, article, result.tagging).events) == \
            _dump(verify_events(result.proposals, chunk, article, None).events)


def test_a_hand_over_is_used_for_its_own_text_only() -> None:
    article, chunks = _chunks()
    chunk = chunks[0]
    result = asyncio.run(LocalEngine().propose(chunk, article))
    assert result.tagging is not None
    alone = _dump(verify_events(result.proposals, chunk, article, None).events)
    # not the chunk's text: ignored, verify dates every sentence itself
    assert _dump(verify_events(result.proposals, chunk, article,
                               _forged(result.tagging, chunk.text + " ")).events) == alone
    # another publication date: ignored too
    assert _dump(verify_events(result.proposals, chunk, article,
                               dataclasses.replace(_forged(result.tagging), published=date(2001, 1, 1))).events) == alone
    # the same text and date: trusted, so a forged entry would show (the checks above are not vacuous)
    assert _dump(verify_events(result.proposals, chunk, article, _forged(result.tagging)).events) != alone


class _ModelLike(Engine):
    """An engine other than the offline one that hands over a forged tagging of the right text."""

    name = "model-like"

    async def propose(self, chunk: Chunk, article: Article) -> ChunkProposals:
        result = await LocalEngine().propose(chunk, article)
        assert result.tagging is not None
        return dataclasses.replace(result, tagging=_forged(result.tagging))

    async def summarize(self, chronology: Chronology, articles: list[Article], partials: object = ()) -> Summary:
        raise NotImplementedError


def test_a_model_engines_hand_over_never_reaches_verify() -> None:
    article, chunks = _chunks()
    by_id = {article.id: article}

    def run(engine: Engine) -> list[list[dict[str, object]]]:
        outcomes = asyncio.run(_propose_all(engine, chunks, by_id, BriefOptions(), None,
                                            lambda chunk, result: _verify_chunk(chunk, result, article)))
        return [_dump(outcome.events) for _chunk, outcome in outcomes]

    offline = run(LocalEngine())
    assert run(_ModelLike()) == offline
    assert sum(len(c) for c in offline) >= 6 and any(e["when"] for c in offline for e in c)
