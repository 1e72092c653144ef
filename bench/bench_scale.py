"""Robustness and scale over the real-news corpus in ../shared/corpus (read, never copied).

Two parts:

* scale: brief the first 200, 1,000 and 2,000 articles (taken round-robin over the corpus
  files, so every size has the same mix of sources) with the offline engine, each size in a
  fresh process; report time per article and the process's peak memory. Targets: the largest
  size's time per article at most 1.25 x the smallest's; peak memory at most 400 MB at 2,000.
* a 5 MB article (the first corpus articles repeated, as a page pasted over and over): each
  event once, no repeated summary sentence, peak memory within the same 400 MB.
* robustness (``--all``, or ``run(all_files=True)``): ``timeline brief FILE --format json``
  on every corpus file, as the corpus README asks; report articles, failed chunks and
  tracebacks (targets: 0 and 0).

Skipped with a notice when the corpus folder is absent.

    python -m bench.bench_scale            # scale only (about 2 minutes)
    python -m bench.bench_scale --all      # plus every file (about 20 minutes on 2 cores)
"""
from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from bench import _memory

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"
SIZES = (200, 1000, 2000)
MAX_RATIO, MAX_PEAK_MB = 1.25, 400.0
BIG_MB = 5.0


def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*.jsonl")) if CORPUS.is_dir() else []


def articles(n: int) -> list:
    """The first ``n`` articles, round-robin over the corpus files (same mix at every size)."""
    from datetime import date

    from timeline.models import Article

    handles = [open(f, encoding="utf-8") for f in corpus_files()]  # noqa: SIM115 - closed below
    out: list[Article] = []
    try:
        while len(out) < n and handles:
            for handle in list(handles):
                line = handle.readline()
                if not line:
                    handles.remove(handle)
                    continue
                obj = json.loads(line)
                published = date.fromisoformat(obj["published"]) if obj.get("published") else None
                out.append(Article(id=obj["id"], text=obj["text"], title=obj.get("title"), published=published,
                                   source=obj.get("source")))
                if len(out) == n:
                    break
    finally:
        for handle in handles:
            handle.close()
    return out


def worker(n: int) -> dict:
    """Brief ``n`` articles in this process; print time, failures and peak memory as JSON."""
    import traceback

    from timeline.run.pipeline import BriefOptions, brief

    batch = articles(n)
    brief(articles(1), BriefOptions(engine="local"))  # warm-up: the tokenizer and regexes load once, not per article
    started, cpu_started = time.perf_counter(), time.process_time()
    failed, tracebacks, events, error = 0, 0, 0, None
    try:
        briefing = brief(batch, BriefOptions(engine="local"))
        failed = len(briefing.failed_chunks)
        events = len(briefing.chronology.events) + len(briefing.chronology.undated)
    except Exception:  # noqa: BLE001 - counted and reported, that is the point of the benchmark
        tracebacks, error = 1, traceback.format_exc().splitlines()[-1]
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    peak_mb = _memory.peak_mb()  # this process only, not the parent that started it
    # CPU time per article is the figure compared across sizes: wall time on a shared machine
    # depends on what else runs; the work done does not.
    return {"articles": len(batch), "seconds": seconds, "cpu_seconds": cpu,
            "per_article_ms": 1000 * cpu / max(1, len(batch)), "wall_per_article_ms": 1000 * seconds / max(1, len(batch)),
            "failed_chunks": failed, "tracebacks": tracebacks, "error": error, "events": events,
            "chars": sum(len(a.text) for a in batch), "peak_mb": peak_mb}


def big_article_worker(megabytes: float) -> dict:
    """One article of ``megabytes`` MB, made of the first corpus articles repeated (a pasted
    page that repeats itself): events, repeated summary sentences, time and peak memory."""
    from timeline.models import Article
    from timeline.run.pipeline import BriefOptions, brief

    parts = [a.text for a in articles(50)]
    text, i = [], 0
    size = 0
    while size < megabytes * 1_000_000:
        text.append(parts[i % len(parts)])
        size += len(parts[i % len(parts)]) + 2
        i += 1
    big = Article(id="big", text="\n\n".join(text), published=articles(1)[0].published)
    started = time.process_time()
    briefing = brief([big], BriefOptions(engine="local"))
    events = briefing.chronology.events + briefing.chronology.undated
    sentences = [c.text for c in briefing.summary.claims_with_sources]
    return {"megabytes": len(big.text) / 1_000_000, "source_articles": min(i, len(parts)), "events": len(events),
            "distinct_events": len({" ".join(e.what.split()) for e in events}),
            "summary_sentences": len(sentences), "repeated_summary_sentences": len(sentences) - len(set(sentences)),
            "cpu_seconds": time.process_time() - started,
            "peak_mb": _memory.peak_mb()}


def _in_fresh_process(n: int) -> dict:
    proc = subprocess.run([sys.executable, "-m", "bench.bench_scale", "--worker", str(n)], check=False, cwd=REPO,
                          capture_output=True, text=True, timeout=3600)
    if proc.returncode != 0:
        return {"articles": n, "tracebacks": 1, "error": proc.stderr.strip().splitlines()[-1:], "seconds": 0.0,
                "per_article_ms": 0.0, "failed_chunks": 0, "peak_mb": 0.0}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def brief_every_file() -> dict:
    """`timeline brief FILE --format json -o /dev/null` per corpus file, as a user runs it."""
    rows = []
    for path in corpus_files():
        started = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "timeline", "brief", str(path), "--format", "json",
                               "-o", "/dev/null", "--engine", "local"], check=False, cwd=REPO, capture_output=True, text=True,
                              timeout=3600)
        failed = sum(1 for line in proc.stderr.splitlines() if "chunk failed:" in line)
        with open(path, encoding="utf-8") as handle:
            count = sum(1 for line in handle if line.strip())
        rows.append({"file": path.name, "articles": count, "exit": proc.returncode, "failed_chunks": failed,
                     "tracebacks": proc.stderr.count("Traceback") + proc.stderr.count("internal error"),
                     "seconds": time.perf_counter() - started})
    return {"files": rows, "articles": sum(r["articles"] for r in rows),
            "failed_chunks": sum(r["failed_chunks"] for r in rows), "tracebacks": sum(r["tracebacks"] for r in rows),
            "bad_exits": [r["file"] for r in rows if r["exit"] != 0],
            "ok": all(r["exit"] == 0 and r["failed_chunks"] == 0 and r["tracebacks"] == 0 for r in rows)}


def run(all_files: bool = False) -> dict:
    if not corpus_files():
        print(f"bench_scale: skipped: no corpus at {CORPUS} (see docs/benchmarks.md)", file=sys.stderr)
        return {"skipped": True, "ok": True}
    sizes = {str(n): _in_fresh_process(n) for n in SIZES}
    small, large = sizes[str(SIZES[0])], sizes[str(SIZES[-1])]
    ratio = large["per_article_ms"] / small["per_article_ms"] if small["per_article_ms"] else float("inf")
    result = {"sizes": sizes, "ratio": ratio, "peak_mb": large["peak_mb"],
              "failed_chunks": sum(s["failed_chunks"] for s in sizes.values()),
              "tracebacks": sum(s["tracebacks"] for s in sizes.values()),
              "target_ratio": MAX_RATIO, "target_peak_mb": MAX_PEAK_MB}
    result["ok"] = (ratio <= MAX_RATIO and large["peak_mb"] <= MAX_PEAK_MB and result["failed_chunks"] == 0
                    and result["tracebacks"] == 0)
    big = subprocess.run([sys.executable, "-m", "bench.bench_scale", "--big", str(BIG_MB)], check=False, cwd=REPO,
                         capture_output=True, text=True, timeout=3600)
    result["big_article"] = (json.loads(big.stdout.strip().splitlines()[-1]) if big.returncode == 0
                             else {"error": big.stderr.strip().splitlines()[-1:]})
    b = result["big_article"]
    result["big_ok"] = ("error" not in b and b["events"] == b["distinct_events"]
                        and b["repeated_summary_sentences"] == 0 and b["peak_mb"] <= MAX_PEAK_MB)
    result["ok"] = result["ok"] and result["big_ok"]
    if all_files:
        result["every_file"] = brief_every_file()
        result["ok"] = result["ok"] and result["every_file"]["ok"]
    return result


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--worker":
        print(json.dumps(worker(int(sys.argv[2]))))
    elif len(sys.argv) == 3 and sys.argv[1] == "--big":
        print(json.dumps(big_article_worker(float(sys.argv[2]))))
    else:
        print(json.dumps(run(all_files="--all" in sys.argv), indent=2))
