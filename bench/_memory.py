"""The peak memory of this process, read so that a parent's memory never counts.

Why not ``resource.getrusage(RUSAGE_SELF).ru_maxrss``: Linux carries the high-water mark over
``exec``, so a benchmark worker started by a large parent (``bench/run.py`` holds every earlier
benchmark's data: about 680 MB by the time it starts the scale and key-date runs) reported the
parent's peak as its own. ``VmHWM`` in ``/proc/self/status`` belongs to this process's address
space, which ``exec`` replaces; ``ru_maxrss`` is the fallback where there is no ``/proc``.
"""
from __future__ import annotations

import resource


def peak_mb() -> float:
    """This process's peak resident memory in MB (``VmHWM``; else ``ru_maxrss``)."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kB
