"""Offline engine throughput: characters per second of a full offline briefing, next to
dateparser's search_dates (date finding only) measured in the same run."""
from __future__ import annotations

import time
from datetime import date

from timeline.models import Article
from timeline.run.pipeline import BriefOptions, brief

from . import bench_dates


def briefing_cps(text: str) -> float:
    """Characters per second of `brief` on the offline engine over the corpus's articles."""
    parts = [p for p in text.split("\n\n") if p.strip()]
    articles = [Article(id=f"a{i}", text=p, published=date(2024, 12, 2)) for i, p in enumerate(parts)]
    chars = sum(len(a.text) for a in articles)
    t0 = time.perf_counter()
    brief(articles, BriefOptions(engine="local"))
    return chars / (time.perf_counter() - t0)


def run(dates: dict | None = None) -> dict:
    dates = dates or bench_dates.run()
    text = bench_dates.corpus()
    text = (text + "\n\n") * max(1, 300_000 // len(text))
    full = briefing_cps(text)
    baseline = dates["dateparser_cps"]
    return {"briefing_cps": full, "dates_cps": dates["ours_cps"], "dateparser_cps": baseline,
            "briefing_vs_dateparser": full / baseline if baseline else None,
            "dates_vs_dateparser": dates["ratio"] or None, "target_dates_ratio": 5.0,
            "ok": bool(baseline) and dates["ratio"] >= 5.0}


if __name__ == "__main__":
    print(run())
