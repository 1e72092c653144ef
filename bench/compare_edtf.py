"""timepoint.Period against the ``edtf`` package on the values a briefing holds (bounds and parse
speed, measured in the same run). Needs ``pip install edtf`` (not a dependency of timeline).

    python bench/compare_edtf.py
"""
from __future__ import annotations

import datetime
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timeline.timepoint import Period  # noqa: E402

VALUES = ["2024", "2024-11", "2024-11-29", "2011/2016", "2024-11-27/2024-12-02", "1998-02"] * 50


def main() -> None:
    from edtf import parse_edtf

    t = time.perf_counter()
    ours = [(Period.parse(v).bounds, Period(v).start_key) for v in VALUES]
    a = time.perf_counter() - t
    t = time.perf_counter()
    theirs = [(parse_edtf(v).lower_strict(), parse_edtf(v).upper_strict()) for v in VALUES]
    b = time.perf_counter() - t
    agree = all(o[0][0] == datetime.date(*th[0][:3]) and o[0][1] == datetime.date(*th[1][:3])
                for o, th in zip(ours, theirs))
    print(f"{len(VALUES)} values: Period {a * 1e6 / len(VALUES):.1f} us/value, edtf {b * 1e6 / len(VALUES):.1f} "
          f"us/value ({b / a:.0f}x); bounds agree on every value: {agree}")
    last = subprocess.run([sys.executable, "-X", "importtime", "-c", "import edtf"], capture_output=True,
                          text=True).stderr.splitlines()[-1]
    print("import edtf (cumulative us):", last.split("|")[1].strip())


if __name__ == "__main__":
    main()
