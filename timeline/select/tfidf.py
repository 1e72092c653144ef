"""TF-IDF vectors for ranking a few thousand sentences, in plain Python.

Why not scikit-learn's TfidfVectorizer (used here before): importing it (it pulls in scipy)
cost 85 MB of resident memory and a few CPU seconds at the very moment a big offline briefing
peaks (after merge), measured by bench/bench_keydates.py; the arithmetic needed to pick a key
day's sentences is a handful of dictionary loops over at most a few thousand short texts. Same
weighting as the vectorizer's settings we used: lower-cased word tokens of two or more
characters, stopwords out, sublinear term frequency (1 + ln tf), smoothed idf
(ln((1 + n) / (1 + df)) + 1), rows scaled to unit length.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from timeline.verify.support import STOPWORDS

Vector = dict[str, float]
_TOKEN = re.compile(r"\b\w\w+\b")


def terms(text: str) -> list[str]:
    """The counted words of ``text``: lower-cased, two characters or more, stopwords out."""
    return [w for w in _TOKEN.findall(text.lower()) if w not in STOPWORDS]


def vectors(texts: Sequence[str]) -> list[Vector]:
    """One unit-length TF-IDF vector per text (an empty dict for a text with no counted word)."""
    counts = [Counter(terms(t)) for t in texts]
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    n = len(texts)
    idf = {w: math.log((1 + n) / (1 + d)) + 1.0 for w, d in df.items()}
    return [unit({w: (1.0 + math.log(tf)) * idf[w] for w, tf in c.items()}) for c in counts]


def unit(vector: Vector) -> Vector:
    """``vector`` scaled to length 1 (unchanged when it is empty or zero)."""
    norm = math.sqrt(sum(x * x for x in vector.values()))
    return {w: x / norm for w, x in vector.items()} if norm else dict(vector)


def mean(rows: Iterable[Vector]) -> Vector:
    """The mean of ``rows`` (an empty dict for none)."""
    total: dict[str, float] = {}
    n = 0
    for row in rows:
        n += 1
        for w, x in row.items():
            total[w] = total.get(w, 0.0) + x
    return {w: x / n for w, x in total.items()} if n else {}


def add(a: Vector, b: Vector, weight: float = 1.0) -> Vector:
    """``a + weight * b``."""
    out = dict(a)
    for w, x in b.items():
        out[w] = out.get(w, 0.0) + weight * x
    return out


def dot(a: Vector, b: Vector) -> float:
    """The dot product (cosine similarity of two unit vectors)."""
    if len(b) < len(a):
        a, b = b, a
    return sum(x * b.get(w, 0.0) for w, x in a.items())
