"""A chunk is tagged once (the offline engine's tagging is what verify would compute itself), and
verify's faster text normaliser gives what the character loop gave."""
from __future__ import annotations

import asyncio
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import temporal
from timeline.temporal import memo as tag_memo
from timeline.text.chunker import chunk_articles
from timeline.engines.local import LocalEngine
from timeline.models import Article
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
def test_memo_gives_what_the_tagger_gives(text: str, published: date) -> None:
    tag_memo.clear()
    expected = temporal.tag(text, published)
    assert tag_memo.tag(text, published, keep=True) == expected
    assert tag_memo.tag(text, published, take=True) == expected  # the kept tagging
    assert (text, published) not in tag_memo._MEMO  # taken by its reader
    assert tag_memo.tag(text, published, take=True) == expected  # not kept: tagged again


def _verified(article: Article, clear_between: bool) -> list[list[dict[str, object]]]:
    engine = LocalEngine()
    out = []
    for chunk in chunk_articles([article], 50):
        proposals = asyncio.run(engine.propose(chunk, article)).proposals
        if clear_between:
            tag_memo.clear()
        out.append([e.model_dump() for e in verify_events(proposals, chunk, article).events])
    return out


def test_verify_with_the_engines_tagging_equals_verify_tagging_itself() -> None:
    article = Article(id="a", text=TEXT, published=date(2025, 2, 26))
    tag_memo.clear()
    shared = _verified(article, clear_between=False)
    assert not tag_memo._MEMO  # every chunk's tagging was taken by verify
    assert shared == _verified(article, clear_between=True)
    assert len(shared) > 1 and sum(len(c) for c in shared) >= 6 and any(e["when"] for c in shared for e in c)


def test_the_memo_is_bounded() -> None:
    tag_memo.clear()
    for i in range(tag_memo.MAX_ENTRIES + 10):
        tag_memo._MEMO[(str(i), None)] = ()
    tag_memo.tag("on Monday", date(2025, 1, 1), keep=True)
    assert len(tag_memo._MEMO) == tag_memo.MAX_ENTRIES
    assert ("0", None) not in tag_memo._MEMO and ("on Monday", date(2025, 1, 1)) in tag_memo._MEMO
    tag_memo.clear()


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
