"""Key dates at scale: a 1,500-article story offline, time, growth and peak memory.

    python bench/bench_keydates.py
    python bench/bench_keydates.py --against COMMIT   # also the same 1,500 articles on an earlier commit

The story is the four ../shared/tls-dev topics (1,025 articles) topped up with ../shared/corpus
articles to 1,500 (read, never copied). Each run is a fresh subprocess (`timeline brief
--key-dates 20 --per-date 2 --format json`). A large offline run proposes and verifies in
worker processes (timeline/run/pool.py), so CPU seconds and peak memory are the whole process
tree's, sampled from /proc every 20 ms: CPU summed over the processes, peak RSS the largest
sum over the processes at one moment (shared pages count in each: an overstatement);
``main_process_*`` are the briefing process's own. Figures: seconds (wall and CPU) at 750
and 1,500 articles, their CPU-time ratio (linear is 2.0; target <= 2.5), the same 1,500
articles without --key-dates (the baseline: what key dates add), and peak RSS of the process
tree (issue 26: <= 300 MB; ``TIMELINE_WORKERS=2`` measures it with the pool). ``--against COMMIT`` also runs the 1,500-article key-dates brief on that commit's
tree (``git archive`` into a temporary folder), right before this tree's: a before/after from
the same run. Skipped with a notice when ../shared is absent.
"""
from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SIZE = 1500
PEAK_MB = 300  # the process tree's peak at 1,500 articles (issue 26)


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
        code = ("import resource, sys, time; from bench._memory import peak_mb; from timeline.cli.main import main; "
                "t = time.perf_counter(); rc = main(sys.argv[1:]); u = resource.getrusage(resource.RUSAGE_SELF); "
                "sys.stderr.write('\\nBENCH %f %d %f\\n' % (time.perf_counter() - t, peak_mb() * 1024, u.ru_utime + u.ru_stime)); "
                "sys.exit(rc)")
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-c", code, "brief", str(src), "--engine", "local", "--format", "json",
                                 "-o", str(Path(tmp) / "out.json"), *extra], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, cwd=repo)
        tree = _TreeWatch(proc.pid)
        tree.start()
        _stdout, stderr = proc.communicate()
        wall = time.perf_counter() - t0
        tree.stop()
        mark = [ln for ln in stderr.splitlines() if ln.startswith("BENCH ")]
        if proc.returncode not in (0, 3) or not mark:
            raise RuntimeError(f"brief failed ({proc.returncode}): {stderr[-300:]}")
        seconds, rss_kb, cpu = mark[-1].split()[1:]
        out = json.loads((Path(tmp) / "out.json").read_text(encoding="utf-8"))
        # cpu_seconds and peak_mb are the whole process tree's (the brief and its worker processes,
        # when a large offline run uses them): CPU summed over the processes, RSS summed over the
        # processes at each sample (every 20 ms; shared pages count in each, so this overstates)
        return {"seconds": float(seconds), "cpu_seconds": max(float(cpu), tree.cpu_seconds(float(cpu))), "wall": wall,
                "peak_mb": max(int(rss_kb) / 1024, tree.peak_mb), "main_process_cpu": float(cpu),
                "main_process_peak_mb": int(rss_kb) / 1024, "processes": len(tree.cpu),
                "events": len(out["chronology"]["events"]), "undated_listed": len(out["chronology"]["undated"]),
                "undated_counted": len(out["chronology"].get("undated_counts", []))}


class _TreeWatch(threading.Thread):
    """Samples a process and its descendants from /proc (Linux): the peak of their summed RSS
    and each process's last CPU time. Elsewhere it sees nothing and the figures are the main
    process's own."""

    def __init__(self, root: int) -> None:
        super().__init__(daemon=True)
        self.root, self.peak_mb, self.cpu = root, 0.0, {}  # type: ignore[var-annotated]
        self._done = threading.Event()
        self._tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100

    def run(self) -> None:
        while not self._done.wait(0.02):
            self.sample()

    def stop(self) -> None:
        self._done.set()
        self.join()

    def sample(self) -> None:
        parents: dict[int, int] = {}
        stats: dict[int, list[str]] = {}
        for entry in Path("/proc").glob("[0-9]*"):
            try:
                raw = (entry / "stat").read_text()
            except OSError:
                continue
            fields = raw[raw.rindex(")") + 2:].split()  # after "pid (name) "
            parents[int(entry.name)] = int(fields[1])
            stats[int(entry.name)] = fields
        tree, todo = set(), [self.root]
        while todo:
            pid = todo.pop()
            if pid in tree or pid not in stats:
                continue
            tree.add(pid)
            todo.extend(child for child, parent in parents.items() if parent == pid)
        rss_pages = 0
        for pid in tree:
            fields = stats[pid]
            self.cpu[pid] = (int(fields[11]) + int(fields[12])) / self._tick  # utime, stime
            rss_pages += int(fields[21])
        self.peak_mb = max(self.peak_mb, rss_pages * os.sysconf("SC_PAGE_SIZE") / 2**20)

    def cpu_seconds(self, root_cpu: float) -> float:
        """The main process's own CPU time plus the last seen CPU time of every other process."""
        return root_cpu + sum(cpu for pid, cpu in self.cpu.items() if pid != self.root)


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
           "ok": ratio <= 2.5 and full["peak_mb"] <= PEAK_MB and plain["peak_mb"] <= PEAK_MB,
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
