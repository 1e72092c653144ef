"""The tokenizer is loaded when counted with and let go when a run no longer needs it."""
from __future__ import annotations

from datetime import date

from timeline.engines.base import Engine
from timeline.engines.local import LocalEngine
from timeline.models import Article
from timeline.run.pipeline import BriefOptions, brief
from timeline.text.tokens import counter_for, release_counters

TEXT = "On Monday the council met. On Tuesday the mayor resigned after the vote."


def test_a_released_counter_counts_the_same_when_loaded_again() -> None:
    first = counter_for(None)
    counts = [first.count(t) for t in (TEXT, "", "😀 naïve 2024-11-29", "x" * 5000)]
    release_counters()
    assert counter_for.cache_info().currsize == 0
    again = counter_for(None)
    assert again is not first and again.name == first.name
    assert [again.count(t) for t in (TEXT, "", "😀 naïve 2024-11-29", "x" * 5000)] == counts


def test_an_offline_run_lets_the_tokenizer_go_and_still_names_it() -> None:
    counter_for(None)
    article = Article(id="a", text=TEXT, published=date(2025, 3, 14))
    briefing = brief([article], BriefOptions(engine="local"), engine=LocalEngine())
    assert counter_for.cache_info().currsize == 0  # the offline engine counts no tokens after chunking
    assert briefing.usage.token_counter == counter_for(None).name


class _Counting(LocalEngine):
    counts_tokens = True  # as the model engine: it packs its summary requests by tokens


def test_an_engine_that_counts_later_keeps_it() -> None:
    release_counters()
    article = Article(id="a", text=TEXT, published=date(2025, 3, 14))
    brief([article], BriefOptions(engine="local"), engine=_Counting())
    assert counter_for.cache_info().currsize == 1
    assert Engine.counts_tokens and not LocalEngine.counts_tokens
