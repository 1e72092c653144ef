"""Key dates on real big stories: the standard Timeline17 protocol on ../shared/tls-dev.

    python bench/bench_tls.py            # key dates + both baselines, ROUGE via the Perl script
    python bench/bench_tls.py --loto     # also: choose the day-ranking and sentence-picking weights
                                         # leave-one-topic-out

Each reference timeline is one item: input = the topic's articles published between its first
and last date; output = l days (the reference's count) with k sentences each (round(mean
sentences per reference day)). Scored by ../shared/tools/score_tls.py (tilse; Date-F1, AR1-F,
AR2-F, averaged as F of mean P and R over items). Baselines measured in the same run, with the
same sentence picker so only the choice of days differs:
  * random days: l days drawn (seeded) from the days some event in the window falls on;
  * most-published days: the l days with most articles published.
Skipped with a notice when ../shared/tls-dev, the scorer or its ROUGE dependencies are missing.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import random
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SHARED = REPO.parent / "shared"
TLS = SHARED / "tls-dev"
SCORER = SHARED / "tools" / "score_tls.py"
GRID = [(m, lt, b) for m in (0.0, 0.5, 1.0) for lt in (0.0, 0.5, 1.0, 2.0) for b in (0.0, 0.25, 0.5, 1.0)
        if (m, lt, b) != (0.0, 0.0, 0.0)]


def _scorer() -> tuple[Any, str | None]:
    """The score_tls module, or None and why not."""
    if not SCORER.is_file() or not TLS.is_dir():
        return None, f"{TLS} or {SCORER} not found"
    spec = importlib.util.spec_from_file_location("score_tls", SCORER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    try:
        d = date
        module.score({d(2010, 1, 1): ["a cat sat on a mat ."]}, [{d(2010, 1, 1): ["the cat sat on the mat ."]}])
    except Exception as exc:  # noqa: BLE001  # tilse missing, or the Perl script lacks XML::Parser: any error means skip
        return None, (f"ROUGE dependencies missing ({type(exc).__name__}: {str(exc)[:80]}); "
                      "pip install tilse==0.2.1 --no-deps numpy scipy nltk; apt-get install libxml-parser-perl")
    return module, None


def items() -> list[dict[str, Any]]:
    """One item per reference timeline: topic, reference, window, l, k."""
    out = []
    for topic_dir in sorted(p for p in TLS.iterdir() if p.is_dir()):
        for ref_path in sorted((topic_dir / "timelines").glob("*.json")):
            ref = {date.fromisoformat(x["date"][:10]): [s for s in x["sentences"] if s.strip()]
                   for x in json.loads(ref_path.read_text(encoding="utf-8")) if x["sentences"]}
            days = sorted(ref)
            l = len(ref)
            k = round(sum(len(s) for s in ref.values()) / l)
            out.append({"topic": topic_dir.name, "name": ref_path.stem, "ref": ref, "since": days[0],
                        "until": days[-1], "l": l, "k": k})
    return out


def _articles(topic: str) -> list[Any]:
    from timeline.sources import load_articles

    return load_articles([str(TLS / topic / "articles.jsonl")]).articles


def chronologies(all_items: list[dict[str, Any]]) -> dict[tuple[str, date, date], tuple[Any, list[Any], float]]:
    """The offline chronology of each distinct (topic, window), with its articles and seconds."""
    from timeline.run.pipeline import BriefOptions, brief

    out: dict[tuple[str, date, date], tuple[Any, list[Any], float]] = {}
    cache: dict[str, list[Any]] = {}
    for it in all_items:
        key = (it["topic"], it["since"], it["until"])
        if key in out:
            continue
        arts = cache.setdefault(it["topic"], _articles(it["topic"]))
        window = [a for a in arts if a.published and it["since"] <= a.published <= it["until"]]
        t0 = time.perf_counter()
        b = brief(window, BriefOptions(engine="local", since=it["since"], until=it["until"]))
        out[key] = (b.chronology, window, time.perf_counter() - t0)
    return out


def system_timeline(chron: Any, arts: list[Any], l: int, k: int, weights: Any = None) -> dict[date, list[str]]:
    from timeline.select.key_dates import DEFAULT_WEIGHTS, key_dates

    cut = key_dates(chron, arts, l, k, weights or DEFAULT_WEIGHTS)
    return _as_timeline(cut.events)


def baseline_timeline(chron: Any, arts: list[Any], l: int, k: int, how: str, seed: int = 0) -> dict[date, list[str]]:
    """Same sentence picker, days chosen at random or by most articles published."""
    from collections import Counter, defaultdict

    from timeline.select.key_dates import day_of, pick_events

    by_day: dict[date, list[Any]] = defaultdict(list)
    for e in chron.events:
        d = day_of(e)
        if d is not None:
            by_day[d].append(e)
    if how == "random":
        days = sorted(by_day)
        random.Random(seed).shuffle(days)
    else:
        pubs = Counter(a.published for a in arts)
        days = sorted(by_day, key=lambda d: (-pubs.get(d, 0), d))
    picks = pick_events({d: by_day[d] for d in days[:l]}, arts, k)
    return _as_timeline([e for d in sorted(picks) for e in picks[d]])


def _as_timeline(events: list[Any]) -> dict[date, list[str]]:
    from timeline.select.key_dates import day_of

    tl: dict[date, list[str]] = {}
    for e in events:
        d = day_of(e)
        if d is not None:
            tl.setdefault(d, []).append(" ".join(e.what.split()))
    return tl


def _f(p: float, r: float) -> float:
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def date_f1(pred: dict[date, list[str]], ref: dict[date, list[str]]) -> tuple[float, float]:
    shared = len(set(pred) & set(ref))
    return (shared / len(pred) if pred else 0.0), (shared / len(ref) if ref else 0.0)


def loto(all_items: list[dict[str, Any]], chrons: dict[Any, Any]) -> dict[str, Any]:
    """For each topic: the grid weights with the best Date-F1 on the other topics, scored on it."""
    from timeline.select.key_dates import day_signals, rank_days

    # Date-F1 of each grid point on each item (cheap: no ROUGE).
    table: dict[tuple[float, float, float], list[tuple[str, float, float]]] = {g: [] for g in GRID}
    for it in all_items:
        chron, arts, _ = chrons[(it["topic"], it["since"], it["until"])]
        signals = day_signals(chron.events, arts)
        from timeline.select.key_dates import day_of

        days_with_events = {day_of(e) for e in chron.events} - {None}
        signals = {d: s for d, s in signals.items() if d in days_with_events}
        for g in GRID:
            chosen = {d: [""] for d, _ in rank_days(signals, g)[: it["l"]]}
            p, r = date_f1(chosen, it["ref"])
            table[g].append((it["topic"], p, r))

    def avg_f(rows: list[tuple[str, float, float]]) -> float:
        return _f(sum(p for _, p, _ in rows) / len(rows), sum(r for _, _, r in rows) / len(rows)) if rows else 0.0

    topics = sorted({it["topic"] for it in all_items})
    held: dict[str, Any] = {}
    for t in topics:
        best = max(GRID, key=lambda g: (avg_f([x for x in table[g] if x[0] != t]), -GRID.index(g)))
        held[t] = {"weights": best, "held_out_date_f1": avg_f([x for x in table[best] if x[0] == t])}
    all_rows_best = max(GRID, key=lambda g: avg_f(table[g]))
    return {"per_topic": held, "best_on_all": all_rows_best,
            "loto_pooled_date_f1": avg_f([x for t in topics for x in table[held[t]["weights"]] if x[0] == t])}


SENTENCE_GRID = [(lead, story) for lead in (0.0, 1.0, 2.0) for story in (0.0, 0.5, 1.0)]


def loto_sentences(all_items: list[dict[str, Any]], chrons: dict[Any, Any], scorer: Any) -> dict[str, Any]:
    """For each topic: the sentence-picking weights (lead sentences and whole story in the day's
    centroid) with the best AR1-F on the other topics, scored on it. tilse's Python ROUGE
    ("reimpl") keeps the 9-point grid affordable; it ranks settings, the main table's figures
    use the original script."""
    from timeline.select import key_dates as select

    saved = (select.LEAD_WEIGHT, select.STORY_WEIGHT)
    table: dict[tuple[float, float], list[tuple[str, Any]]] = {}
    try:
        for g in SENTENCE_GRID:
            select.LEAD_WEIGHT, select.STORY_WEIGHT = g
            table[g] = []
            for it in all_items:
                chron, arts, _ = chrons[(it["topic"], it["since"], it["until"])]
                pred = system_timeline(chron, arts, it["l"], it["k"])
                table[g].append((it["topic"], scorer.score(pred, [it["ref"]], rouge="reimpl")))
    finally:
        select.LEAD_WEIGHT, select.STORY_WEIGHT = saved

    def ar1(rows: list[tuple[str, Any]]) -> float:
        return float(scorer.average([r for _, r in rows])["align_m1_rouge_1"]["f_score"]) if rows else 0.0

    topics = sorted({it["topic"] for it in all_items})
    held: dict[str, Any] = {}
    for t in topics:
        best = max(SENTENCE_GRID, key=lambda g: (ar1([x for x in table[g] if x[0] != t]), -SENTENCE_GRID.index(g)))
        held[t] = {"weights": best, "held_out_ar1_f_reimpl": round(ar1([x for x in table[best] if x[0] == t]), 4)}
    pooled = [x for t in topics for x in table[held[t]["weights"]] if x[0] == t]
    return {"per_topic": held, "best_on_all": max(SENTENCE_GRID, key=lambda g: ar1(table[g])),
            "loto_pooled_ar1_f_reimpl": round(ar1(pooled), 4),
            "shipped_ar1_f_reimpl": round(ar1(table[saved]), 4) if saved in table else None}


def run(with_loto: bool = False, rouge: str = "original") -> dict[str, Any]:
    scorer, why = _scorer()
    if scorer is None:
        print(f"bench_tls: skipped: {why}", file=sys.stderr)
        return {"skipped": why, "ok": True}
    all_items = items()
    t0 = time.perf_counter()
    chrons = chronologies(all_items)
    brief_s = time.perf_counter() - t0
    systems: dict[str, list[dict[str, Any]]] = {"key-dates": [], "random-days": [], "most-published-days": []}
    t1 = time.perf_counter()
    for it in all_items:
        chron, arts, _ = chrons[(it["topic"], it["since"], it["until"])]
        preds = {
            "key-dates": system_timeline(chron, arts, it["l"], it["k"]),
            "random-days": baseline_timeline(chron, arts, it["l"], it["k"], "random"),
            "most-published-days": baseline_timeline(chron, arts, it["l"], it["k"], "published"),
        }
        for name, pred in preds.items():
            systems[name].append(scorer.score(pred, [it["ref"]], rouge=rouge))
    select_s = time.perf_counter() - t1
    out: dict[str, Any] = {"items": len(all_items), "rouge": rouge, "brief_seconds": brief_s,
                           "select_and_score_seconds": select_s}
    for name, results in systems.items():
        avg = scorer.average(results)
        out[name] = {"date_f1": avg["date"]["f_score"], "ar1_f": avg["align_m1_rouge_1"]["f_score"],
                     "ar2_f": avg["align_m1_rouge_2"]["f_score"]}
    if with_loto:
        out["loto"] = loto(all_items, chrons)
        out["loto_sentences"] = loto_sentences(all_items, chrons, scorer)
    ours, rnd, pub = out["key-dates"], out["random-days"], out["most-published-days"]
    out["ok"] = ours["date_f1"] > max(rnd["date_f1"], pub["date_f1"]) and ours["ar1_f"] > max(rnd["ar1_f"], pub["ar1_f"])
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--loto", action="store_true", help="also choose the ranking weights leave-one-topic-out")
    ap.add_argument("--rouge", choices=["original", "reimpl"], default="original")
    a = ap.parse_args()
    res = run(a.loto, a.rouge)
    print(json.dumps(res, indent=1, default=str))
    return 0 if res.get("ok") else 1


if __name__ == "__main__":
    sys.exit(main())
