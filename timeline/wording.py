"""How a briefing words a value and its source in prose, the same way everywhere.

Shared by the summary (a relative date pinned: "today (Mon 10 Mar 2025)"), its disagreement
sentences (``disagreements.py``, a pipeline stage) and every renderer (``render/common.py`` re-exports these), so a value and who gave it read
the same in the summary and in every format. Neutral ground: it imports only the data model
and ``timepoint``, so the pipeline reaches no renderer through it.
"""
from __future__ import annotations

from timeline.models import ConflictValue, TimePoint
from timeline.timepoint import Period

MODEL_READING = "model's reading (unverified)"

# How a figure label reads in "Sources disagree on the number of ...".
LABEL_TEXT = {"evacuated": "people evacuated", "displaced": "people displaced", "arrested": "arrests",
              "missing": "people missing", "injured": "injured", "amount": "amount"}


def format_when(when: TimePoint | None) -> str:
    """'2011', 'Nov 2024', 'Fri 29 Nov 2024', a range, or the unresolved expression."""
    if when is None:
        return "undated"
    if not when.value:
        return f"“{when.text}” (unresolved)"
    shown = Period(when.value).display()
    return f"{shown} — {MODEL_READING}" if when.model_reading else shown


def format_value(value: str) -> str:
    """An ISO value as shown to readers: 'Mon 10 Mar 2025', 'Nov 2024', '2011', 'A – B'."""
    return Period(value).display()


def short(text: str, words: int = 10) -> str:
    """The first ``words`` words of ``text``, with an ellipsis when cut."""
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def joined(said: list[str]) -> str:
    """The attributions after a value: ", according to X (Outlet)" or " (Outlet)"."""
    if not said:
        return ""
    text = "; ".join(said)
    return (", " if text.startswith("according") else " ") + text


def who_said(value: ConflictValue) -> str:
    """'according to the county (Valley News)', '(Valley News)', or '' when nothing is known."""
    outlet = f"({value.source})" if value.source else ""
    if value.attribution:
        return f"according to {value.attribution} {outlet}".strip()
    return outlet
