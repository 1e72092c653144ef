"""Run every benchmark, print a table (figure, baseline, ratio, target), write bench/results.json.

    python bench/run.py        or        python -m bench
    python bench/run.py --all  # also brief every ../shared/corpus file (about 20 minutes)

Exits 1 when a target is missed. Every figure is a ratio against a baseline measured in the
same run (these machines are noisy). See docs/benchmarks.md.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


def main() -> int:
    from bench import (bench_cache, bench_concurrency, bench_dates, bench_keydates, bench_merge, bench_offline,
                       bench_scale, bench_startup, bench_tls, bench_tokens)

    started = time.perf_counter()
    results: dict = {}
    rows: list[tuple[str, str, str, str, str, bool]] = []  # name, figure, baseline, ratio, target, ok

    t = results["tokens"] = bench_tokens.run()
    for key, label in (("seed", "tokens: seed (1 article)"), ("corpus50", "tokens: 50-article corpus")):
        r = t[key]
        b = r["breakdown"]
        rows.append((label, f"{r['billed_input_tokens']:,} billed in {r['requests']} req",
                     f"{r['article_tokens']:,} article tok", f"{r['ratio']:.3f}", f"<= {r['target']:.2f}", r["ok"]))
        rows.append(("  breakdown", f"system {b['system']}, schema {b['schema']}, framing {b['framing']}",
                     f"overlap {b['overlap']}, reduce {b['reduce']}", "", "", True))
    c = results["concurrency"] = bench_concurrency.run()
    rows.append(("concurrency: 32 chunks @ 8, 0.5 s", f"{c['chunk_wall_s']:.2f} s", f"ideal {c['ideal_s']:.2f} s",
                 f"{c['ratio']:.2f}", "<= 1.3", c["ok"]))
    rows.append(("  whole briefing (+1 reduce)", f"{c['briefing_wall_s']:.2f} s", f"ideal {c['briefing_ideal_s']:.2f} s",
                 f"{c['briefing_ratio']:.2f}", "", True))
    k = results["cache"] = bench_cache.run()
    rows.append(("cache: unchanged re-run, 50 articles", f"{k['rerun_requests']} requests",
                 f"{k['first_requests']} first run", "", "0 requests", k["ok"]))
    rows.append(("  re-run wall time", f"{k['rerun_s']:.2f} s", f"{k['first_s']:.2f} s first", f"{k['ratio']:.2f}", "", True))
    d = results["dates"] = bench_dates.run()
    o = results["offline"] = bench_offline.run(d)
    rows.append(("offline: timeline dates (tagger)", f"{d['ours_cps']:,.0f} chars/s",
                 f"dateparser {d['dateparser_cps']:,.0f}", f"{d['ratio']:.1f}x" if d["ratio"] else "n/a", ">= 5x",
                 o["ok"]))
    rows.append(("offline: full briefing", f"{o['briefing_cps']:,.0f} chars/s", f"dateparser {o['dateparser_cps']:,.0f}",
                 f"{o['briefing_vs_dateparser']:.1f}x" if o["briefing_vs_dateparser"] else "n/a", "", True))
    if "dev_f1_end_to_end" in d:
        rows.append(("dates: score_dates.py on dev, as a command", f"F1 {d['dev_f1_end_to_end']:.3f}", "", "",
                     ">= 0.90", d["dev_f1_end_to_end"] >= 0.90))
    m = results["merge"] = bench_merge.run()
    secs = m["seconds"]
    rows.append(("merge scaling 1K/10K/100K", " / ".join(f"{float(secs[n]):.3f}" for n in ("1000", "10000", "100000")) + " s",
                 f"peak {m['peak_mb_100k']:.0f} MB @100K", " / ".join(f"{r:.1f}x" for r in m["ratio_per_10x"]),
                 "<= 15x per 10x", m["ok"]))
    sc = results["scale"] = bench_scale.run(all_files="--all" in sys.argv)
    if sc.get("skipped"):
        rows.append(("scale: corpus 200/1K/2K offline", "skipped", "no ../shared/corpus", "", "", True))
    else:
        per = [sc["sizes"][str(n)]["per_article_ms"] for n in bench_scale.SIZES]
        rows.append(("scale: corpus 200/1K/2K offline", " / ".join(f"{p:.1f}" for p in per) + " ms/article (CPU)",
                     f"{per[0]:.1f} ms @200", f"{sc['ratio']:.2f}", f"<= {bench_scale.MAX_RATIO}", sc["ratio"] <= bench_scale.MAX_RATIO))
        rows.append(("  peak memory @2,000", f"{sc['peak_mb']:.0f} MB", "", "", f"<= {bench_scale.MAX_PEAK_MB:.0f} MB",
                     sc["peak_mb"] <= bench_scale.MAX_PEAK_MB))
        rows.append(("  failed chunks / tracebacks", f"{sc['failed_chunks']} / {sc['tracebacks']}", "", "", "0 / 0",
                     sc["failed_chunks"] == 0 and sc["tracebacks"] == 0))
        if "every_file" in sc:
            ef = sc["every_file"]
            rows.append(("  every corpus file (--all)", f"{ef['articles']:,} articles", f"{len(ef['files'])} files",
                         f"{ef['failed_chunks']} failed, {ef['tracebacks']} tracebacks", "0, 0, exit 0", ef["ok"]))
    s = results["startup"] = bench_startup.run()
    rows.append((f"start-up: {s['command']}", f"{s['help_s'] * 1000:.0f} ms", f"python -c pass {s['python_pass_s'] * 1000:.0f} ms",
                 f"{s['ratio']:.2f}x", "<= 3x", s["ok"]))

    tls = results["tls"] = bench_tls.run()
    if "skipped" in tls:
        rows.append(("key dates (tls-dev)", "skipped", tls["skipped"][:60], "", "", True))
    else:
        ours, rnd, pub = tls["key-dates"], tls["random-days"], tls["most-published-days"]
        rows.append((f"key dates: Timeline17 dev, {tls['items']} timelines", _tls_cell(ours), "random " + _tls_cell(rnd),
                     "", "> both baselines", tls["ok"]))
        rows.append(("  most-published days (same picker)", _tls_cell(pub), "DATEWISE 0.722 / 0.163 / 0.049", "", "", True))
    kd = results["keydates_scale"] = bench_keydates.run()
    if "skipped" in kd:
        rows.append(("key dates at scale", "skipped", kd["skipped"], "", "", True))
    else:
        full, half = kd["full"], kd["half"]
        rows.append((f"key dates: {kd['articles']} articles offline", f"{full['cpu_seconds']:.1f} s CPU, "
                     f"{full['peak_mb']:.0f} MB", f"{half['cpu_seconds']:.1f} s at half", f"{kd['growth_ratio']:.2f}x",
                     "<= 2.5x, < 400 MB", kd["ok"]))
        plain = kd["without_key_dates"]
        rows.append(("  same, without --key-dates", f"{plain['cpu_seconds']:.1f} s CPU, {plain['peak_mb']:.0f} MB",
                     f"undated: {plain['undated_counted']} article counts", "", "", True))

    results["seconds"] = time.perf_counter() - started
    results["ok"] = all(r[5] for r in rows)
    (REPO / "bench" / "results.json").write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
    _print(rows)
    missed = [r[0] for r in rows if not r[5]]
    print(f"\n{len(rows)} rows in {results['seconds']:.0f} s; results in bench/results.json")
    if missed:
        print("targets missed: " + "; ".join(missed))
        return 1
    print("all targets met")
    return 0


def _tls_cell(r: dict) -> str:
    return f"Date-F1 {r['date_f1']:.3f} AR1 {r['ar1_f']:.3f} AR2 {r['ar2_f']:.3f}"


def _print(rows: list[tuple[str, str, str, str, str, bool]]) -> None:
    head = ("benchmark", "figure", "baseline", "ratio", "target", "")
    table = [head] + [(a, b, c, d, e, ("ok" if ok else "MISSED") if e else "") for a, b, c, d, e, ok in rows]
    widths = [max(len(r[i]) for r in table) for i in range(6)]
    for n, row in enumerate(table):
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))


if __name__ == "__main__":
    sys.exit(main())
