"""Merge scaling: time to merge 1K, 10K and 100K synthetic events; ratio per 10x growth.

n log n growth is about 11-13x per 10x; the target is <= 15x. Memory is the peak traced
while merging 100K events.
"""
from __future__ import annotations

import random
import time
import tracemalloc
from datetime import date, timedelta

from timeline.merge.combine import merge
from timeline.models import Article, Event, Evidence, TimePoint

_VOCAB = [f"w{i}" for i in range(20000)]
_ACTORS = ["Mayor Ortiz", "Minister Brandt", "Police", "Rebels", "Army", "Council", "Court", "Agency"]


def synthetic_events(n: int, seed: int = 7) -> tuple[list[Event], list[Article]]:
    """n events over ~5 years in n/20 articles; about one in ten repeats an earlier event."""
    rng = random.Random(seed)
    articles = [Article(id=f"a{i}", text="x", published=date(2024, 1, 1)) for i in range(max(1, n // 20))]
    events: list[Event] = []
    start = date(2020, 1, 1)
    for i in range(n):
        if events and rng.random() < 0.1:
            base = rng.choice(events)
            what, day = base.what, base.when.value  # type: ignore[union-attr]
        else:
            what = f"{rng.choice(_ACTORS)} " + " ".join(rng.choice(_VOCAB) for _ in range(12)) + "."
            day = (start + timedelta(days=rng.randrange(1800))).isoformat()
        article = articles[i % len(articles)].id
        when = TimePoint(value=day, precision="day", text="on Monday")
        events.append(Event(when=when, what=what, who=[what.split()[0]],
                            evidence=[Evidence(article_id=article, start=i * 10, end=i * 10 + 9, quote=what, when=when)]))
    return events, articles


def time_merge(n: int) -> float:
    events, articles = synthetic_events(n)
    best = float("inf")
    for _ in range(2 if n <= 10_000 else 1):
        t0 = time.perf_counter()
        merge(events, articles)
        best = min(best, time.perf_counter() - t0)
    return best


def run() -> dict:
    sizes = [1_000, 10_000, 100_000]
    seconds = {n: time_merge(n) for n in sizes}
    events, articles = synthetic_events(100_000)
    tracemalloc.start()
    merge(events, articles)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    ratios = [seconds[b] / seconds[a] for a, b in zip(sizes, sizes[1:])]
    return {"seconds": {str(k): v for k, v in seconds.items()}, "ratio_per_10x": ratios,
            "worst_ratio": max(ratios), "peak_mb_100k": peak / 1e6, "target": 15.0, "ok": max(ratios) <= 15.0}


if __name__ == "__main__":
    print(run())
