"""Throughput of the date tagger (characters/second) against dateparser's search_dates, in one run.

Input: the dev articles (../shared/dev, when present) plus the repository's seed articles,
repeated to about 1 MB for our tagger; dateparser runs on a smaller slice of the same text
because it is much slower. Run: ``python bench/bench_dates.py``.
"""
from __future__ import annotations

import sys
import time
from datetime import date, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from timeline.temporal import tag  # noqa: E402

REFERENCE = date(2024, 12, 2)
TARGET_CHARS = 1_000_000
DATEPARSER_CHARS = 20_000


def corpus() -> str:
    folders = [REPO / "seeds", REPO.parent / "shared" / "dev"]
    texts: list[str] = []
    seen: set[str] = set()
    for folder in folders:
        for path in sorted(folder.glob("*.txt")) if folder.is_dir() else []:
            if path.name not in seen:
                seen.add(path.name)
                texts.append(path.read_text(encoding="utf-8-sig"))
    if not texts:
        raise SystemExit("no input texts found (seeds/ or ../shared/dev)")
    return "\n\n".join(texts)


def _timed(fn, *args) -> float:
    t0 = time.perf_counter()
    fn(*args)
    return time.perf_counter() - t0


def _ours(text: str) -> None:
    # one article at a time, as the pipeline calls it
    for part in text.split("\n\n\n"):
        tag(part, REFERENCE)


def _dateparser(text: str) -> None:
    from dateparser.search import search_dates

    settings = {"RELATIVE_BASE": datetime(2024, 12, 2), "PREFER_DATES_FROM": "past"}
    for part in text.split("\n\n\n"):
        search_dates(part, languages=["en"], settings=settings)


# dense inputs that once made a step quadratic (a long weekday list, chained durations, dates)
DENSE = ["Monday, ", "for the past ", "January 1 and ", "Monday and Tuesday ", "12:30 UTC ", "the next day. ",
         # round 3's steps: offsets over a date, clock words, possessive weekdays, fronted phrases
         "two days before Christmas ", "at 4 in the morning ", "Wednesday's ruling ", "On Thursday, "]


def scaling() -> tuple[float, float]:
    """Median and worst ratio of tagging time for 4x the text over 1x, across the dense inputs
    (linear: about 4; quadratic: 16). The worst moves with the machine's load."""
    ratios = []
    for unit in DENSE:
        small = unit * (20000 // len(unit) + 1)
        one = min(_timed(tag, small, REFERENCE) for _ in range(3))
        four = min(_timed(tag, small * 4, REFERENCE) for _ in range(3))
        ratios.append(four / one)
    ratios.sort()
    return ratios[len(ratios) // 2], ratios[-1]


def scorer_end_to_end() -> float | None:
    """Value F1 on ../shared/dev by the shared scorer running ``timeline dates`` as a command,
    one process per document, as a user scores the tagger (None when ../shared is absent).
    The test suite checks the same F1 in-process (tests/test_dates_eval.py); this checks the
    command path on every dev document."""
    import os
    import re
    import subprocess

    dev, scorer = REPO.parent / "shared" / "dev", REPO.parent / "shared" / "tools" / "score_dates.py"
    if not (dev.is_dir() and scorer.is_file()):
        return None
    tagger = [sys.executable, "-m", "timeline", "dates", "{path}", "--published", "{published}", "--format", "json"]
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.run([sys.executable, str(scorer), str(dev), "--quiet", "--", *tagger],
                          capture_output=True, text=True, env=env, timeout=1200)
    found = re.search(r"TOTAL docs_failed=0 gold=\d+ P=[\d.]+ R=[\d.]+ F1=([\d.]+)", proc.stdout)
    return float(found[1]) if proc.returncode == 0 and found else 0.0


def run() -> dict[str, float]:
    """Measure both systems; returns ours_cps, dateparser_cps (0 if dateparser is missing) and ratio."""
    base = corpus()
    unit = base + "\n\n\n"
    big = unit * max(1, TARGET_CHARS // len(unit))
    _ours(base)  # warm-up (regex compilation is at import, this warms caches)
    seconds = _timed(_ours, big)
    ours = len(big) / seconds
    result = {"ours_cps": ours, "dateparser_cps": 0.0, "ratio": 0.0, "ours_chars": float(len(big)),
              "scaling_4x_median": 0.0, "scaling_4x_worst": 0.0}
    result["scaling_4x_median"], result["scaling_4x_worst"] = scaling()
    f1 = scorer_end_to_end()
    if f1 is not None:
        result["dev_f1_end_to_end"] = f1  # target >= 0.90, as tests/test_dates_eval.py in-process
    try:
        import dateparser  # noqa: F401
    except ImportError:
        return result
    small = base[:DATEPARSER_CHARS]
    cut = small.rfind("\n\n")
    small = small[:cut] if cut > 0 else small
    _dateparser(small[:2000])  # warm-up: dateparser loads its language data lazily
    dp = len(small) / _timed(_dateparser, small)
    result.update(dateparser_cps=dp, ratio=ours / dp, dateparser_chars=float(len(small)))
    return result


def main() -> int:
    r = run()
    print(f"timeline.temporal.tag : {r['ours_cps']:>12,.0f} chars/s  ({r['ours_chars']:,.0f} chars)")
    print(f"time for 4x dense text : median {r['scaling_4x_median']:.1f}x, worst {r['scaling_4x_worst']:.1f}x "
          "the 1x time (linear: about 4; quadratic: 16)")
    if "dev_f1_end_to_end" in r:
        print(f"score_dates.py on ../shared/dev, timeline dates as a command: F1 {r['dev_f1_end_to_end']:.3f}")
    if r["dateparser_cps"]:
        print(f"dateparser search_dates: {r['dateparser_cps']:>12,.0f} chars/s  ({r['dateparser_chars']:,.0f} chars)")
        print(f"ratio (ours / dateparser): {r['ratio']:.1f}x")
    else:
        print("dateparser not installed: no comparison (pip install 'timeline[bench]')")
    return 0


if __name__ == "__main__":
    sys.exit(main())
