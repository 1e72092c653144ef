"""Start-up: `timeline --help` wall time divided by `python -c pass`, both measured here (target <= 3x)."""
from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time


def _median_seconds(argv: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def run(runs: int = 15) -> dict:
    script = shutil.which("timeline")
    command = [script, "--help"] if script else [sys.executable, "-m", "timeline", "--help"]
    baseline = _median_seconds([sys.executable, "-c", "pass"], runs)
    ours = _median_seconds(command, runs)
    ratio = ours / baseline
    return {"command": " ".join(command[-2:] if not script else ["timeline", "--help"]), "help_s": ours,
            "python_pass_s": baseline, "ratio": ratio, "target": 3.0, "ok": ratio <= 3.0}


if __name__ == "__main__":
    print(run())
