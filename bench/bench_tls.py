"""Key dates on real big stories: the standard Timeline17 protocol on ../shared/tls-dev, leave-one-topic-out.

    python bench/bench_tls.py                    # ROUGE via the original Perl script (published figures)
    python bench/bench_tls.py --rouge reimpl     # tilse's approximate Python ROUGE (fast; not comparable)
    python bench/bench_tls.py --cache DIR        # keep the offline chronologies in DIR between runs

Each reference timeline is one item: input = the topic's articles published between its first
and last date; output = l days (the reference's count) with k sentences each (round(mean
sentences per reference day)). Scored by ../shared/tools/score_tls.py (tilse; Date-F1, AR1-F,
AR2-F, averaged as F of mean P and R over items).

Every weight is chosen leave-one-topic-out: for each of the four topics, the day-ranking weights
with the best mean average precision of the reference days in the ranking on the *other three*
topics (a grid, no ROUGE needed; average precision reads the whole ranking, so a topic with
fewer candidate days than l, where Date-F1 cannot tell two rankings apart, still counts), then
the sentence-picking weights with the best AR1-F on those three (tilse's Python ROUGE, so the
grid stays affordable), then with them whether a short day says its followers (``FOLLOW_GRID``);
the held-out topic is then scored with the weights its fold chose. The
figures reported per topic and overall are those held-out scores, next to two baselines from
the same run with the same sentence picker, so only the choice of days differs:
  * random days: l days drawn (seeded) from the days some event in the window falls on;
  * most-published days: the l days with most articles published.
Each is reported without and with ``--about`` (the topic's keywords.json, as the dataset gives
them); the weights are the ones chosen without keywords, so the "with" row shows what --about adds.
The shipped weights (``DEFAULT_WEIGHTS``) are the mean of the four folds' choices (each made
without its topic; the mean damps the choice of any one fold), rounded to 0.05; ``defaults_are_fold_mean``
says whether they still are. They are scored on all items as well, for reference: an in-sample figure.

Only the public API is used: ``timeline.brief`` for the chronology (offline engine, no key
dates), then ``timeline.select``'s key dates on it (what ``--key-dates N --per-date K`` runs).
Skipped with a notice when ../shared/tls-dev, the scorer or its ROUGE dependencies are missing.
"""
from __future__ import annotations

import argparse
import hashlib
import importlib.util
import itertools
import json
import random
import sys
import time
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SHARED = REPO.parent / "shared"
TLS = SHARED / "tls-dev"
SCORER = SHARED / "tools" / "score_tls.py"
# Day ranking: weights of (mentions, later, burst, central, cited, topical); see timeline/select key dates.
DAY_GRID = [g for g in itertools.product((0.0, 0.5, 1.0), (0.0, 0.5, 1.0, 2.0), (0.0, 0.25, 0.5), (0.0, 0.5, 1.0),
                                         (0.0, 0.5, 1.0), (0.0, 0.25, 0.5)) if any(g)]
# What is said on a day: weights of (the day's lead sentences in its centroid, the whole story, each
# corroborating article: KeyDateWeights.sources).
SENTENCE_GRID = [(lead, story, sources) for lead in (0.5, 1.0, 2.0) for story in (0.0, 0.5, 1.0)
                 for sources in (0.02, 0.05)]
# Reported days (a day no sentence is dated to, by its articles' undated leads), chosen after the
# day weights: (weight, least articles (0: off), least share of the median articles per publication day).
# Ties go to grid order, so the share 0.5 comes first: on the development stories (sparse where
# reported days exist: 1-2 articles a publication day) it ties with 0, and in a story reported by
# dozens a day it keeps one stray article from making a day.
REPORTED_GRID = [(0.0, 0, 0.0)] + [(w, m, sh) for w in (0.0, 0.25, 0.5, 1.0, 2.0) for m in (1, 2, 3)
                                   for sh in (0.5, 0.0, 1.0)]
# Followers (a day short of k sentences says the sentence right after each of its dated ones):
# (how many each, 0: never; the least cosine of a follower with the story's centroid), chosen after
# the sentence weights by AR1-F on the training topics. Two each was measured level with one.
FOLLOW_GRID = [(0, 0.0), (1, 0.0), (1, 0.05), (1, 0.1)]
SYSTEMS = ("key-dates", "most-published-days", "random-days")


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
    """One item per reference timeline: topic, reference, window, l, k, the topic's keywords."""
    out = []
    for topic_dir in sorted(p for p in TLS.iterdir() if p.is_dir()):
        keywords_file = topic_dir / "keywords.json"
        keywords = json.loads(keywords_file.read_text(encoding="utf-8")) if keywords_file.is_file() else []
        for ref_path in sorted((topic_dir / "timelines").glob("*.json")):
            ref = {date.fromisoformat(x["date"][:10]): [s for s in x["sentences"] if s.strip()]
                   for x in json.loads(ref_path.read_text(encoding="utf-8")) if x["sentences"]}
            days = sorted(ref)
            l = len(ref)
            k = round(sum(len(s) for s in ref.values()) / l)
            out.append({"topic": topic_dir.name, "name": ref_path.stem, "ref": ref, "since": days[0],
                        "until": days[-1], "l": l, "k": k, "about": " ".join(keywords)})
    return out


def _code_hash() -> str:
    """The package's source, key dates aside: a cached chronology is reused only for the same pipeline."""
    h = hashlib.sha256()
    for path in sorted((REPO / "timeline").rglob("*")):
        if path.is_file() and path.suffix in (".py", ".j2", ".html", ".json", ".toml") \
                and "select" not in path.parts and path.name not in ("key_days.py", "select.py"):
            h.update(str(path.relative_to(REPO)).encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


def chronologies(all_items: list[dict[str, Any]], cache: Path | None = None
                 ) -> dict[tuple[str, date, date], tuple[Any, list[Any], float]]:
    """The offline chronology of each distinct (topic, window), with its articles and seconds."""
    from timeline import BriefOptions, Briefing, brief, load_articles

    out: dict[tuple[str, date, date], tuple[Any, list[Any], float]] = {}
    loaded: dict[str, list[Any]] = {}
    code = _code_hash() if cache else ""
    for it in all_items:
        key = (it["topic"], it["since"], it["until"])
        if key in out:
            continue
        arts = loaded.setdefault(it["topic"], load_articles([str(TLS / it["topic"] / "articles.jsonl")]).articles)
        window = [a for a in arts if a.published and it["since"] <= a.published <= it["until"]]
        stored = cache / f"{code}-undated-{it['topic']}-{it['since']}-{it['until']}.json" if cache else None
        t0 = time.perf_counter()
        if stored is not None and stored.is_file():
            b = Briefing.model_validate_json(stored.read_text(encoding="utf-8"))
        else:
            b = _brief_keeping_undated(brief, window, BriefOptions(engine="local", since=it["since"], until=it["until"]))
            if stored is not None:
                stored.parent.mkdir(parents=True, exist_ok=True)
                stored.write_text(b.model_dump_json(), encoding="utf-8")
        out[key] = (b.chronology, window, time.perf_counter() - t0)
    return out


def _brief_keeping_undated(brief: Any, window: list[Any], options: Any) -> Any:
    """The briefing with its undated events listed, as ``--key-dates`` sees them.

    Why: without --key-dates a big input's undated list becomes per-article counts
    (``select.filter.UNDATED_LIST_LIMIT``), but ``key_dates`` runs before that and reads the
    undated events (they weigh its TF-IDF); the bench cuts the same chronology afterwards, so it
    keeps them to measure what the command runs."""
    from timeline.select import filter as select_filter

    limit = select_filter.UNDATED_LIST_LIMIT
    select_filter.UNDATED_LIST_LIMIT = sys.maxsize
    try:
        return brief(window, options)
    finally:
        select_filter.UNDATED_LIST_LIMIT = limit


def _weights(day: tuple[float, ...], sentence: tuple[float, ...]) -> Any:
    """``day``: (mentions, later, burst, central, cited, topical[, reported, reported_min, reported_share]);
    ``sentence``: (lead, story[, sources[, follow, follow_story]])."""
    from timeline.select.key_dates import KeyDateWeights

    rep = tuple(day[6:9]) if len(day) >= 9 else (0.0, 0, 0.0)
    return KeyDateWeights(mentions=day[0], later=day[1], burst=day[2], central=day[3], cited=day[4],
                          topical=day[5], lead=sentence[0], story=sentence[1],
                          sources=sentence[2] if len(sentence) > 2 else KeyDateWeights.sources, reported=rep[0],
                          reported_min=int(rep[1]), reported_share=rep[2],
                          follow=int(sentence[3]) if len(sentence) > 3 else KeyDateWeights.follow,
                          follow_story=sentence[4] if len(sentence) > 4 else KeyDateWeights.follow_story)


def _day_tuple(w: Any) -> tuple[float, float, float, float, float, float]:
    return (w.mentions, w.later, w.burst, w.central, w.cited, w.topical)


def _sentence_tuple(w: Any) -> tuple[float, float, float]:
    return (w.lead, w.story, w.sources)


def _reported_tuple(w: Any) -> tuple[float, int, float]:
    return (w.reported, w.reported_min, w.reported_share)


def system_timeline(chron: Any, arts: list[Any], l: int, k: int, weights: Any = None,
                    about: str | None = None) -> dict[date, list[str]]:
    """What ``--key-dates l --per-date k [--about ...]`` lists."""
    from timeline.select.key_dates import DEFAULT_WEIGHTS, key_dates

    cut = key_dates(chron, arts, l, k, weights or DEFAULT_WEIGHTS, about=about)
    tl = _as_timeline(cut.events)
    for key in cut.key_dates:  # a reported day: the day its reports were published, with their texts
        if key.reported:
            tl[key.date] = [" ".join(t.split()) for t in key.reports]
    return tl


def baseline_timeline(chron: Any, arts: list[Any], l: int, k: int, how: str, weights: Any = None,
                      about: str | None = None, seed: int = 0) -> dict[date, list[str]]:
    """Same sentence picker, days chosen at random or by most articles published."""
    from timeline.select.key_dates import DEFAULT_WEIGHTS, day_of, pick_events

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
    picks = pick_events({d: by_day[d] for d in days[:l]}, arts, k, chron.undated, weights or DEFAULT_WEIGHTS, about)
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


def date_pr(pred: Any, ref: dict[date, list[str]]) -> tuple[float, float]:
    shared = len(set(pred) & set(ref))
    return (shared / len(pred) if pred else 0.0), (shared / len(ref) if ref else 0.0)


def _best(grid: list[Any], score: Any, prefer: Any) -> Any:
    """The grid point with the best score; ties go to ``prefer`` (the shipped value), then grid order."""
    return max(grid, key=lambda g: (round(score(g), 6), g == prefer, -grid.index(g)))


def average_precision(ranked: list[date], ref: dict[date, list[str]]) -> float:
    """Mean over the reference days of the precision of the ranking down to each (0 for one never ranked)."""
    hits, total = 0, 0.0
    for i, d in enumerate(ranked, 1):
        if d in ref:
            hits += 1
            total += hits / i
    return total / len(ref) if ref else 0.0


def choose_days(all_items: list[dict[str, Any]], chrons: dict[Any, Any], held_out: str | None) -> tuple[float, ...]:
    """The day-ranking weights with the best mean average precision on every topic but ``held_out``."""
    from timeline.select.key_dates import DEFAULT_WEIGHTS, day_of, day_signals, rank_days

    train = [it for it in all_items if it["topic"] != held_out]
    prepared = []
    for it in train:
        chron, arts, _ = chrons[(it["topic"], it["since"], it["until"])]
        days = {day_of(e) for e in chron.events} - {None}
        signals = {d: s for d, s in day_signals(chron.events, arts).items() if d in days}
        prepared.append((it, signals))

    def score(g: tuple[float, ...]) -> float:
        w = _weights(g, _sentence_tuple(DEFAULT_WEIGHTS))
        return sum(average_precision([d for d, _ in rank_days(s, w)], it["ref"]) for it, s in prepared) / len(prepared)

    day = tuple(_best(DAY_GRID, score, _day_tuple(DEFAULT_WEIGHTS)))
    from timeline.select.key_dates import candidate_days

    ranked_on = []
    for it in train:
        chron, arts, _ = chrons[(it["topic"], it["since"], it["until"])]
        ranked_on.append((it, chron, arts))

    def score_reported(g: tuple[float, int, float]) -> float:
        w = _weights(day + g, _sentence_tuple(DEFAULT_WEIGHTS))
        return sum(average_precision([d for d, _ in rank_days(candidate_days(chron, arts, w)[2], w)], it["ref"])
                   for it, chron, arts in ranked_on) / len(ranked_on)

    return day + tuple(_best(REPORTED_GRID, score_reported, _reported_tuple(DEFAULT_WEIGHTS)))


def choose_sentences(all_items: list[dict[str, Any]], chrons: dict[Any, Any], held_out: str | None,
                     day: tuple[float, ...], scorer: Any) -> tuple[float, ...]:
    """The sentence weights with the best AR1-F (tilse's Python ROUGE) on every topic but ``held_out``,
    then how many followers a short day says (``FOLLOW_GRID``), with those weights."""
    from timeline.select.key_dates import DEFAULT_WEIGHTS

    train = [it for it in all_items if it["topic"] != held_out]

    def score(g: tuple[float, ...]) -> float:
        w = _weights(day, g)
        results = []
        for it in train:
            chron, arts, _ = chrons[(it["topic"], it["since"], it["until"])]
            results.append(scorer.score(system_timeline(chron, arts, it["l"], it["k"], w), [it["ref"]], rouge="reimpl"))
        return float(scorer.average(results)["align_m1_rouge_1"]["f_score"])

    best = tuple(_best(SENTENCE_GRID, score, _sentence_tuple(DEFAULT_WEIGHTS)))
    follow = [(*best, *f) for f in FOLLOW_GRID]
    return tuple(_best(follow, score, (*best, DEFAULT_WEIGHTS.follow, DEFAULT_WEIGHTS.follow_story)))


def _figures(scorer: Any, results: list[Any]) -> dict[str, float]:
    avg = scorer.average(results)
    return {"date_f1": round(avg["date"]["f_score"], 4), "ar1_f": round(avg["align_m1_rouge_1"]["f_score"], 4),
            "ar2_f": round(avg["align_m1_rouge_2"]["f_score"], 4)}


def score_items(all_items: list[dict[str, Any]], chrons: dict[Any, Any], weights_of: dict[str, Any], scorer: Any,
                rouge: str) -> dict[str, Any]:
    """Per topic and overall, each system without and with --about; ``weights_of[topic]`` are the
    weights the topic is scored with."""
    rows: dict[tuple[str, str], list[tuple[str, Any]]] = defaultdict(list)
    for it in all_items:
        chron, arts, _ = chrons[(it["topic"], it["since"], it["until"])]
        w = weights_of[it["topic"]]
        for mode, about in (("without_about", None), ("with_about", it["about"] or None)):
            preds = {"key-dates": system_timeline(chron, arts, it["l"], it["k"], w, about),
                     "most-published-days": baseline_timeline(chron, arts, it["l"], it["k"], "published", w, about),
                     "random-days": baseline_timeline(chron, arts, it["l"], it["k"], "random", w, about)}
            for name, pred in preds.items():
                rows[(mode, name)].append((it["topic"], scorer.score(pred, [it["ref"]], rouge=rouge)))
    topics = sorted({it["topic"] for it in all_items})
    out: dict[str, Any] = {}
    for mode in ("without_about", "with_about"):
        out[mode] = {}
        for scope in [*topics, "overall"]:
            out[mode][scope] = {name: _figures(scorer, [r for t, r in rows[(mode, name)] if scope in (t, "overall")])
                                for name in SYSTEMS}
    return out


def _prepared(cache: Path | None) -> tuple[Any, str, list[dict], dict, float, list[str]]:
    """(scorer, why none, items, chronologies, seconds to brief them, topics) for a run."""
    scorer, why = _scorer()
    if scorer is None:
        return None, why, [], {}, 0.0, []
    all_items = items()
    t0 = time.perf_counter()
    chrons = chronologies(all_items, cache)
    return scorer, why, all_items, chrons, time.perf_counter() - t0, sorted({it["topic"] for it in all_items})


def quick(rouge: str = "reimpl", cache: Path | None = None) -> dict[str, Any]:
    """The shipped weights scored on every item (in-sample), key dates and the baselines, no
    weight choosing: with ``--cache`` and tilse's Python ROUGE it takes seconds, so a change to
    the ranking or the sentence picker can be measured before the full held-out run."""
    scorer, why, all_items, chrons, brief_s, topics = _prepared(cache)
    if scorer is None:
        print(f"bench_tls: skipped: {why}", file=sys.stderr)
        return {"skipped": why, "ok": True}
    from timeline.select.key_dates import DEFAULT_WEIGHTS

    t1 = time.perf_counter()
    scored = score_items(all_items, chrons, {t: DEFAULT_WEIGHTS for t in topics}, scorer, rouge)
    return {"items": len(all_items), "rouge": rouge, "brief_seconds": round(brief_s, 1),
            "score_seconds": round(time.perf_counter() - t1, 1), "shipped_in_sample": scored, "ok": True}


def run(rouge: str = "original", cache: Path | None = None) -> dict[str, Any]:
    scorer, why, all_items, chrons, brief_s, topics = _prepared(cache)
    if scorer is None:
        print(f"bench_tls: skipped: {why}", file=sys.stderr)
        return {"skipped": why, "ok": True}
    from timeline.select.key_dates import DEFAULT_WEIGHTS

    t1 = time.perf_counter()
    folds: dict[str, Any] = {}
    for t in topics:
        day = choose_days(all_items, chrons, t)
        sentence = choose_sentences(all_items, chrons, t, day, scorer)
        folds[t] = _weights(day, sentence)
    tune_s = time.perf_counter() - t1
    t2 = time.perf_counter()
    held_out = score_items(all_items, chrons, folds, scorer, rouge)
    shipped = score_items(all_items, chrons, {t: DEFAULT_WEIGHTS for t in topics}, scorer, rouge)
    score_s = time.perf_counter() - t2
    overall = held_out["without_about"]["overall"]
    step = {"sources": 0.01}  # its grid (0.02 / 0.05) is finer than the other weights' 0.05 rounding
    fold_mean = {f: round(round(sum(getattr(w, f) for w in folds.values()) / len(folds) / step.get(f, 0.05))
                          * step.get(f, 0.05), 2) for f in vars(DEFAULT_WEIGHTS)}
    out: dict[str, Any] = {
        "items": len(all_items), "rouge": rouge, "brief_seconds": round(brief_s, 1),
        "tune_seconds": round(tune_s, 1), "score_seconds": round(score_s, 1),
        "fold_weights": {t: vars(w) for t, w in folds.items()}, "shipped_weights": vars(DEFAULT_WEIGHTS),
        "fold_mean_weights": fold_mean, "defaults_are_fold_mean": fold_mean == {
            f: round(v, 2) for f, v in vars(DEFAULT_WEIGHTS).items()},
        "leave_one_topic_out": held_out, "shipped_in_sample": shipped,
        # the headline figures (bench/run.py): held-out, without keywords
        **{name: overall[name] for name in SYSTEMS},
    }
    ours, pub, rnd = (overall[n] for n in SYSTEMS)
    out["ok"] = all(ours[m] > max(pub[m], rnd[m]) for m in ("date_f1", "ar1_f"))
    out["targets_met"] = ours["ar1_f"] >= 0.18 and ours["date_f1"] >= 0.76
    return out


def table(res: dict[str, Any], part: str = "leave_one_topic_out") -> str:
    """The held-out figures (or ``part``'s) as a Markdown table (Date-F1 / AR1-F / AR2-F)."""
    label_of = {"leave_one_topic_out": "key dates (held out)", "shipped_in_sample": "key dates (shipped, in-sample)"}
    lines = [f"| topic | --about | {label_of[part]} | most-published days | random days |",
             "| --- | --- | --- | --- | --- |"]
    for mode, label in (("without_about", "no"), ("with_about", "keywords")):
        for scope, systems in res[part][mode].items():
            cells = [" / ".join(f"{systems[n][m]:.3f}" for m in ("date_f1", "ar1_f", "ar2_f")) for n in SYSTEMS]
            name = f"**{scope}**" if scope == "overall" else scope
            lines.append(f"| {name} | {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rouge", choices=["original", "reimpl"], default="original")
    ap.add_argument("--cache", type=Path, help="keep the offline chronologies here (keyed by the pipeline's source)")
    ap.add_argument("--table", action="store_true", help="also print the held-out figures as a Markdown table")
    ap.add_argument("--quick", action="store_true",
                    help="no weight choosing: the shipped weights on every item (in-sample), from the cached "
                         "chronologies; with --rouge reimpl it takes seconds (for iterating on ranking and sentences)")
    a = ap.parse_args()
    res = quick(a.rouge, a.cache) if a.quick else run(a.rouge, a.cache)
    print(json.dumps(res, indent=1, default=str))
    if a.table and "skipped" not in res:
        print(table(res, "shipped_in_sample" if a.quick else "leave_one_topic_out"))
    return 0 if res.get("ok") else 1


if __name__ == "__main__":
    sys.exit(main())
