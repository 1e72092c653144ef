"""The benchmarks import and the token-overhead measure returns its breakdown (no timings asserted)."""
from __future__ import annotations

import importlib
import importlib.util

import pytest


@pytest.mark.parametrize("name", ["run", "bench_tokens", "bench_concurrency", "bench_cache", "bench_dates",
                                  "bench_merge", "bench_offline", "bench_startup", "bench_scale", "bench_tls",
                                  "bench_keydates", "bench_batch", "bench_verify"])
def test_bench_modules_import(name: str) -> None:
    assert importlib.import_module(f"bench.{name}")


def test_token_overhead_returns_a_breakdown_that_adds_up() -> None:
    from bench import _support, bench_tokens
    from seed_responder import seed_responder

    r = bench_tokens.token_overhead([_support.seed_article()], seed_responder)
    assert r["article_tokens"] == 599 and r["requests"] == 1
    assert set(r["breakdown"]) == {"article", "overlap", "system", "schema", "framing", "reduce"}
    assert sum(r["breakdown"].values()) == r["billed_input_tokens"] == r["server_reported_prompt_tokens"]


def test_corpus_has_fifty_articles_with_their_own_dates() -> None:
    from bench import _support

    articles = _support.corpus(50)
    assert len(articles) == 50 and len({a.id for a in articles}) == 50
    assert all(a.published for a in articles)


def test_bench_scale_takes_the_same_mix_at_every_size() -> None:
    from bench import bench_scale

    if not bench_scale.corpus_files():
        pytest.skip(f"no corpus at {bench_scale.CORPUS}: bench_scale reports itself skipped")
    ten, twenty = bench_scale.articles(10), bench_scale.articles(20)
    assert [a.id for a in twenty[:10]] == [a.id for a in ten] and len(twenty) == 20
    assert len({a.source for a in ten}) >= 3  # round-robin over the files, not the first file's articles


def test_bench_verify_finds_the_tests_it_measures_with(monkeypatch: pytest.MonkeyPatch) -> None:
    """bench_verify reads the liar and model-path tests by module path; when tests moved into the
    mirrored tree it broke unnoticed. The dates figure runs the same import path as the liar's."""
    from bench import bench_verify

    monkeypatch.setenv("OPENAI_API_KEY", "bench-key")
    assert importlib.util.find_spec("tests.scenarios.test_liar") is not None
    said = bench_verify.dated_figure()
    assert "offline engine" in said and "goal >= 90%" in said
