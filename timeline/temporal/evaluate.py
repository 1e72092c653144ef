"""Score the date tagger on a gold folder (NAME.txt + NAME.gold.json), next to baselines.

Scoring is exactly that of ``score_dates.py`` (the shared scorer): pass its path (``--scorer``)
and its ``score_document``/``run_dateparser`` are loaded and used, so the figures match the
tool's; otherwise an identical copy of its rules below is used. No path is built in.
Our tagger runs in-process; the dateparser baseline (optional dependency) runs in the same pass.
"""
from __future__ import annotations

import importlib.util
import json
import re
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Callable

from timeline.temporal import tag
from timeline.timepoint import Period

PRECISIONS = ("year", "month", "day")
BASELINES = ("dateparser", "none")
_KEYS = ("gold", "found", "hit", "pred", "correct")


# ---------------------------------------------------------------- scoring rules (fallback copy)

_POINT = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_TIME_OF_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}T")


def _overlaps(a: dict, b: dict) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def _day_of(value: str) -> str:
    return value.split("T", 1)[0] if _TIME_OF_DAY.match(value) else value


def _score_document(gold: dict, predicted: list[dict]) -> dict:
    timexes = [dict(t, value=_day_of(t["value"])) for t in gold["timexes"]]
    scored = [t for t in timexes if t["type"] in ("DATE", "TIME") and _POINT.match(t["value"])]
    neutral = [t for t in timexes if t["type"] in ("DATE", "TIME") and t not in scored]
    points = [dict(p, value=_day_of(str(p["value"]))) for p in predicted if p.get("value")]
    points = [p for p in points if _POINT.match(p["value"])]
    found = sum(any(_overlaps(t, p) for p in predicted) for t in scored)
    hit = sum(any(_overlaps(t, p) and p["value"] == t["value"] for p in points) for t in scored)
    correct = counted = 0
    for p in points:
        if any(_overlaps(p, t) for t in scored):
            counted += 1
            correct += any(_overlaps(p, t) and p["value"] == t["value"] for t in scored)
        elif not any(_overlaps(p, t) for t in neutral):
            counted += 1
    return {"gold": len(scored), "found": found, "hit": hit, "pred": counted, "correct": correct}


def _prf(s: dict) -> tuple[float, float, float, float]:
    p = s["correct"] / s["pred"] if s["pred"] else 0.0
    r = s["hit"] / s["gold"] if s["gold"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    span = s["found"] / s["gold"] if s["gold"] else 0.0
    return p, r, f, span


def load_scorer(path: Path | None) -> ModuleType | None:
    """The scoring module at ``path`` (a ``score_dates.py``), or None to use the built-in rules."""
    if path is None:
        return None
    path = Path(path)
    if not path.is_file():
        raise ValueError(f"scorer not found: {path}")
    spec = importlib.util.spec_from_file_location("timeline_score_dates", path)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# ---------------------------------------------------------------- report


def _zero() -> dict[str, int]:
    return dict.fromkeys(_KEYS, 0)


@dataclass
class SystemScore:
    """Counts of one system: overall and by the form of the gold value (year/month/day)."""

    name: str
    total: dict[str, int] = field(default_factory=_zero)
    by_precision: dict[str, dict[str, int]] = field(default_factory=lambda: {p: _zero() for p in PRECISIONS})
    failures: list[str] = field(default_factory=list)

    def prf(self, precision: str | None = None) -> tuple[float, float, float, float]:
        return _prf(self.total if precision is None else self.by_precision[precision])


@dataclass
class EvalReport:
    gold_dir: Path
    documents: int
    systems: list[SystemScore]
    scorer: str  # where the scoring rules came from

    def system(self, name: str) -> SystemScore:
        return next(s for s in self.systems if s.name == name)


def gold_precision(value: str) -> str | None:
    """'year', 'month' or 'day' of a scored gold value (a time of day scores as its day);
    None for the values the scorer leaves out (weeks, PRESENT_REF, durations)."""
    v = _day_of(value)
    if not _POINT.match(v):
        return None
    return Period(v).precision


def _ours(text: str, published: str) -> list[dict]:
    return [{"text": e.text, "start": e.start, "end": e.end, "value": e.value}
            for e in tag(text, date.fromisoformat(published[:10]))]


def evaluate(gold_dir: Path, baselines: list[str], scorer: Path | None = None) -> EvalReport:
    """Score our tagger (and each baseline in ``baselines``: "dateparser") on every gold file of ``gold_dir``."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise ValueError(f"gold folder not found: {gold_dir}")
    unknown = [b for b in baselines if b not in ("dateparser",)]
    if unknown:
        raise ValueError(f"unknown baseline {unknown[0]!r}: choose dateparser or none")
    module = load_scorer(scorer)
    score_document = getattr(module, "score_document", _score_document)
    runners: list[tuple[str, Callable[[str, str], list[dict]]]] = [("timeline", _ours)]
    if "dateparser" in baselines:
        if importlib.util.find_spec("dateparser") is None:
            raise ValueError("the dateparser baseline needs dateparser: pip install 'timeline[test]'")
        runners.append(("dateparser", getattr(module, "run_dateparser", None) or _run_dateparser))
    systems = [SystemScore(name) for name, _ in runners]
    documents = 0
    for gold_path in sorted(gold_dir.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if "timexes" not in gold:
            continue
        documents += 1
        text = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
        published = gold["published"]
        for system, (_, run) in zip(systems, runners):
            try:
                predicted = run(text, published)
            except Exception as exc:  # a failing document scores zero, as in score_dates.py
                system.failures.append(f"{gold_path.name}: {exc}")
                predicted = []
            _add(system.total, score_document(gold, predicted))
            for precision in PRECISIONS:
                subset = dict(gold, timexes=[t for t in gold["timexes"]
                                             if t["type"] not in ("DATE", "TIME")
                                             or gold_precision(t["value"]) in (precision, None)])
                # predictions overlapping gold of another precision are left out of this precision's count
                others = [t for t in gold["timexes"] if t["type"] in ("DATE", "TIME")
                          and gold_precision(t["value"]) not in (precision, None)]
                kept = [p for p in predicted if not any(_overlaps(p, t) for t in others)]
                _add(system.by_precision[precision], score_document(subset, kept))
    if documents == 0:
        raise ValueError(f"{gold_dir}: no NAME.gold.json files with \"timexes\" (and their NAME.txt) to score")
    source = str(scorer) if module is not None else "built-in copy of score_dates.py rules"
    return EvalReport(gold_dir, documents, systems, source)


def _add(into: dict[str, int], s: dict[str, int]) -> None:
    for k in _KEYS:
        into[k] += s[k]


def _run_dateparser(text: str, published: str) -> list[dict]:  # same as score_dates.run_dateparser
    from datetime import datetime

    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    settings = {"RELATIVE_BASE": datetime.fromisoformat(published), "PREFER_DATES_FROM": "past"}
    reader = DateDataParser(languages=["en"], settings=settings)
    widths = {"year": 4, "month": 7}
    out, cursor = [], 0
    for surface, when in search_dates(text, languages=["en"], settings=settings) or []:
        start = text.find(surface, cursor)
        if start < 0:
            continue
        cursor = start + len(surface)
        data = reader.get_date_data(surface)
        day = (data.date_obj or when).date().isoformat()
        out.append({"text": surface, "start": start, "end": cursor, "value": day[: widths.get(data.period, 10)]})
    return out


def format_report(report: EvalReport) -> str:
    """Plain-text table: P/R/F1 of values overall and by gold precision, one column group per system."""
    names = [s.name for s in report.systems]
    head = f"{'':10s}{'gold':>6s}" + "".join(f" | {n[:20]:^20s}" for n in names)
    sub = f"{'':10s}{'':>6s}" + "".join(f" | {'P':>6s}{'R':>7s}{'F1':>7s}" for _ in names)
    lines = [f"Date values on {report.gold_dir} ({report.documents} documents; scoring: {report.scorer})",
             head, sub, "-" * len(sub)]
    for label, precision in [("all", None)] + [(p, p) for p in PRECISIONS]:
        first = report.systems[0]
        gold = first.total["gold"] if precision is None else first.by_precision[precision]["gold"]
        row = f"{label:10s}{gold:6d}"
        for s in report.systems:
            p, r, f, _ = s.prf(precision)
            row += f" | {p:6.3f}{r:7.3f}{f:7.3f}"
        lines.append(row)
    spans = "  ".join(f"{s.name} {s.prf()[3]:.3f}" for s in report.systems)
    lines.append(f"span recall: {spans}")
    for s in report.systems:
        for failure in s.failures:
            lines.append(f"FAILED {s.name} {failure}")
    return "\n".join(lines)


def main_eval(gold_dir: str, baseline: str = "dateparser", scorer: str | None = None) -> int:
    """`timeline eval GOLD_DIR [--scorer score_dates.py] [--baseline dateparser|none]`: print the
    table; 1 if a document failed."""
    if baseline not in BASELINES:
        raise ValueError(f"unknown baseline {baseline!r}: choose dateparser or none")
    baselines = [] if baseline == "none" else [baseline]
    if "dateparser" in baselines and importlib.util.find_spec("dateparser") is None:
        sys.stderr.write("timeline: dateparser is not installed, so no baseline is measured "
                         "(pip install 'timeline[bench]')\n")
        baselines = []
    report = evaluate(Path(gold_dir), baselines, Path(scorer) if scorer else None)
    print(format_report(report))
    return 1 if any(s.failures for s in report.systems) else 0
