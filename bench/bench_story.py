"""The year-long story against a baseline commit, in the same run (issue 26).

The story is every article of the four ../shared/tls-dev topics (finan, h1n1, haiti, mj:
1,025 real articles) in one JSON Lines file, briefed offline with ``--key-dates 48
--per-date 2``. Each round runs the baseline tree and this tree alternately (so both see
the same machine load), in one process (``TIMELINE_WORKERS=1``) and with the pool (the
default), and reports per run: CPU (user + system of the whole process tree), wall, peak
memory of the process tree (RSS of the process and its children summed, sampled every 20 ms)
and the key days. Targets against 75833a8: CPU <= 0.40x, wall <= 0.50x, peak <= 300 MB,
the same key days.

    git worktree add /work/base-75833a8 75833a8
    python -m bench.bench_story --base /work/base-75833a8 --rounds 2

The baseline runs with ``PYTHONPATH=<base>`` in this interpreter (its dependencies are the
same). Skipped with a notice when the topics are absent.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TOPICS = REPO.parent / "shared" / "tls-dev"
ARGS = ["--key-dates", "48", "--per-date", "2", "-f", "json"]


def story(path: Path) -> int:
    """Write the story (every topic's articles.jsonl, concatenated) to ``path``; its size."""
    lines: list[str] = []
    for f in sorted(TOPICS.glob("*/articles.jsonl")):
        lines.extend(line for line in f.read_text(encoding="utf-8").splitlines() if line.strip())
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def _tree_rss_kb(root: int) -> int:
    """RSS of ``root`` and every descendant, in kB (from /proc)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry)
        parents[pid] = int(fields[1])
        rss[pid] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE") // 1024
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        for pid, ppid in parents.items():
            if ppid == parent and pid not in tree:
                tree.add(pid)
                frontier.append(pid)
    return sum(rss.get(pid, 0) for pid in tree)


def one(tree: Path, story_file: Path, workers: str | None, out: Path) -> dict:
    """Brief the story with the package in ``tree``; CPU, wall, peak tree memory, key days."""
    env = dict(os.environ, PYTHONPATH=str(tree))
    env.pop("OPENAI_API_KEY", None)
    if workers is None:
        env.pop("TIMELINE_WORKERS", None)
    else:
        env["TIMELINE_WORKERS"] = workers
    imported = subprocess.run([sys.executable, "-c", "import timeline; print(timeline.__file__)"], env=env,
                              cwd=tempfile.gettempdir(), capture_output=True, text=True, check=True).stdout.strip()
    if not Path(imported).resolve().is_relative_to(tree.resolve()):  # an editable install or cwd would win
        raise SystemExit(f"bench_story: {tree} was asked for but {imported} was imported")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "timeline", "brief", str(story_file), *ARGS, "-o", str(out)],
                            env=env, cwd=tempfile.gettempdir(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = [0]

    def sample() -> None:
        while proc.poll() is None:
            peak[0] = max(peak[0], _tree_rss_kb(proc.pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - start
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    days: list[str] = []
    if out.exists():
        briefing = json.loads(out.read_text(encoding="utf-8"))
        days = [k["date"] for k in briefing["chronology"]["key_dates"]]
    return {"exit": proc.returncode, "cpu_s": round(cpu, 2), "wall_s": round(wall, 2),
            "peak_mb": round(peak[0] / 1024, 1), "key_days": days,
            "error": err.decode(errors="replace").strip().splitlines()[-1:] if proc.returncode else []}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, required=True, help="a work tree of the baseline commit")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--modes", default="1,pool", help="comma-separated: 1 (one process), pool (the default)")
    args = parser.parse_args(argv)
    if not TOPICS.is_dir():
        print(f"skipped: {TOPICS} not found")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        story_file = Path(tmp) / "story.jsonl"
        n = story(story_file)
        print(f"story: {n} articles from {TOPICS}")
        results: dict[tuple[str, str], list[dict]] = {}
        for r in range(args.rounds):
            for mode in args.modes.split(","):
                workers = "1" if mode == "1" else None
                order = [("base", args.base), ("this", REPO)] if r % 2 == 0 else [("this", REPO), ("base", args.base)]
                for name, tree in order:
                    got = one(tree, story_file, workers, Path(tmp) / f"{name}-{mode}-{r}.json")
                    results.setdefault((name, mode), []).append(got)
                    print(json.dumps({"round": r, "tree": name, "mode": mode,
                                      **{k: v for k, v in got.items() if k != "key_days"},
                                      "key_days": len(got["key_days"])}), flush=True)
        for mode in args.modes.split(","):
            base, this = results[("base", mode)], results[("this", mode)]
            cpu = sum(x["cpu_s"] for x in this) / sum(x["cpu_s"] for x in base)
            wall = sum(x["wall_s"] for x in this) / sum(x["wall_s"] for x in base)
            same = all(a["key_days"] == b["key_days"] for a, b in zip(base, this))
            print(json.dumps({"mode": mode, "cpu_ratio": round(cpu, 3), "wall_ratio": round(wall, 3),
                              "peak_mb_this": max(x["peak_mb"] for x in this),
                              "peak_mb_base": max(x["peak_mb"] for x in base), "same_key_days": same}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
