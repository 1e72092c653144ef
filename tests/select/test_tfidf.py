"""The key-day TF-IDF: unit vectors, cosine in [0, 1], rare shared words weigh more."""
from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.select import tfidf

WORDS = st.sampled_from(["quake", "haiti", "aid", "the", "of", "rescue", "port", "flu", "a", "x1", "é"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(WORDS, max_size=12).map(" ".join), min_size=1, max_size=8))
def test_vectors_are_unit_or_empty_and_cosines_bounded(texts: list[str]) -> None:
    vs = tfidf.vectors(texts)
    assert len(vs) == len(texts)
    for v, t in zip(vs, texts):
        if tfidf.terms(t):
            assert math.isclose(math.sqrt(tfidf.dot(v, v)), 1.0, rel_tol=1e-9)
        else:
            assert v == {}
        for w in vs:
            assert -1e-9 <= tfidf.dot(v, w) <= 1 + 1e-9


def test_stopwords_do_not_count_and_rare_words_weigh_more() -> None:
    texts = ["the quake hit haiti", "aid reached haiti", "rescue teams reached haiti", "the of a"]
    vs = tfidf.vectors(texts)
    assert vs[3] == {} and "the" not in vs[0]
    assert vs[0]["quake"] > vs[0]["haiti"]  # in one text against in three
    assert tfidf.dot(vs[1], vs[2]) > tfidf.dot(vs[0], vs[1])  # two shared words against one


def test_mean_add_unit() -> None:
    a, b = {"x": 1.0}, {"y": 1.0}
    assert tfidf.mean([a, b]) == {"x": 0.5, "y": 0.5}
    assert tfidf.mean([]) == {}
    c = tfidf.unit(tfidf.add(a, b, 2.0))
    assert math.isclose(c["y"], 2 / math.sqrt(5)) and math.isclose(tfidf.dot(c, c), 1.0)
    assert tfidf.unit({}) == {}
