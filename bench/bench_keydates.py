"""Key dates at scale: a 1,500-article story offline, time, growth and peak memory.

    python bench/bench_keydates.py
    python bench/bench_keydates.py --against COMMIT   # also the same 1,500 articles on an earlier commit

The story is the four ../shared/tls-dev topics (1,025 articles) topped up with ../shared/corpus
articles to 1,500 (read, never copied). Each run is a fresh subprocess (`timeline brief
--key-dates 20 --per-date 2 --format json`), so peak RSS is the whole process's. Figures:
seconds (wall and CPU) at 750 and 1,500 articles, their CPU-time ratio (linear is 2.0; target <= 2.5), the same
1,500 articles without --key-dates (the baseline: what key dates add), and peak RSS (target
< 400 MB). ``--against COMMIT`` also runs the 1,500-article key-dates brief on that commit's
tree (``git archive`` into a temporary folder), right before this tree's: a before/after from
the same run. Skipped with a notice when ../shared is absent.
"""
from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SIZE = 1500


def story(n: int) -> list[str]:
    """``n`` JSONL article lines: the tls-dev topics, then corpus articles."""
    lines: list[str] = []
    for path in sorted((SHARED / "tls-dev").glob("*/articles.jsonl")) + sorted((SHARED / "corpus").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                lines.append(line)
            if len(lines) == n:
                return lines
    return lines


def _one(lines: list[str], extra: list[str], repo: Path = REPO) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "story.jsonl"
        src.write_text("\n".join(lines) + "\n", encoding="utf-8")
        code = ("import resource, sys, time; from timeline.cli import main; t = time.perf_counter(); "
                "rc = main(sys.argv[1:]); u = resource.getrusage(resource.RUSAGE_SELF); "
                "sys.stderr.write('\\nBENCH %f %d %f\\n' % (time.perf_counter() - t, u.ru_maxrss, u.ru_utime + u.ru_stime)); "
                "sys.exit(rc)")
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-c", code, "brief", str(src), "--engine", "local", "--format", "json",
                               "-o", str(Path(tmp) / "out.json"), *extra], capture_output=True, text=True, cwd=repo, check=False)
        wall = time.perf_counter() - t0
        mark = [ln for ln in proc.stderr.splitlines() if ln.startswith("BENCH ")]
        if proc.returncode not in (0, 3) or not mark:
            raise RuntimeError(f"brief failed ({proc.returncode}): {proc.stderr[-300:]}")
        seconds, rss_kb, cpu = mark[-1].split()[1:]
        out = json.loads((Path(tmp) / "out.json").read_text(encoding="utf-8"))
        return {"seconds": float(seconds), "cpu_seconds": float(cpu), "wall": wall, "peak_mb": int(rss_kb) / 1024,
                "events": len(out["chronology"]["events"]), "undated_listed": len(out["chronology"]["undated"]),
                "undated_counted": len(out["chronology"].get("undated_counts", []))}


def _at_commit(lines: list[str], key: list[str], commit: str) -> dict[str, Any]:
    """The key-dates run on ``commit``'s tree (its own code: ``python -c`` puts the folder first on
    sys.path), for a before/after measured in the same run."""
    with tempfile.TemporaryDirectory() as tree:
        archive = subprocess.run(["git", "-C", str(REPO), "archive", commit], capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", tree], input=archive, check=True)
        return {"commit": commit, **_one(lines, key, Path(tree))}


def run(against: str | None = None) -> dict[str, Any]:
    if not (SHARED / "tls-dev").is_dir():
        print("bench_keydates: skipped: ../shared/tls-dev not found", file=sys.stderr)
        return {"skipped": "../shared/tls-dev not found", "ok": True}
    lines = story(SIZE)
    key = ["--key-dates", "20", "--per-date", "2"]
    before = _at_commit(lines, key, against) if against else None
    half = _one(lines[: SIZE // 2], key)
    full = _one(lines, key)
    plain = _one(lines, [])
    ratio = full["cpu_seconds"] / half["cpu_seconds"]  # CPU time: the machine is shared, wall time is noisy
    out = {"articles": len(lines), "half": half, "full": full, "without_key_dates": plain, "growth_ratio": ratio,
           "ok": ratio <= 2.5 and full["peak_mb"] < 400 and plain["peak_mb"] < 400,
           "self_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}
    if before:
        out["before"] = before
        out["cpu_ratio_to_before"] = full["cpu_seconds"] / before["cpu_seconds"]
    return out


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--against", metavar="COMMIT", help="also run the 1,500-article brief on this commit's tree")
    print(json.dumps(run(ap.parse_args().against), indent=1))
