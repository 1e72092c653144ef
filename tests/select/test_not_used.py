"""Nothing lost silently (issue 14): every sentence is in an event or in the not-used tally."""
from __future__ import annotations

import json

from timeline.text.sentences import sentences

from common import ROOT, SEED, run_cli


def _brief(*args: str) -> dict:
    proc = run_cli("brief", *args, "--format", "json")
    assert proc.returncode == 0, proc.stderr.decode()
    return json.loads(proc.stdout)


def test_every_seed_sentence_is_in_an_event_or_tallied_with_a_reason() -> None:
    briefing = _brief(str(SEED), "--published", "2024-12-02")
    text = SEED.read_text(encoding="utf-8")
    used = [(ev["start"], ev["end"]) for e in briefing["chronology"]["events"] + briefing["chronology"]["undated"]
            for ev in e["evidence"]]
    tallied = {(s["start"], s["end"]): s["reason"] for t in briefing["not_used"] for s in t["sentences"]}
    for start, end in sentences(text):
        in_event = any(s < end and e > start for s, e in used)
        assert in_event != ((start, end) in tallied), text[start:end]
    confirmed_dead = next(r for (s, e), r in tallied.items() if text[s:e].startswith("At least seven people"))
    assert confirmed_dead == "no_event"  # the fact is not silently lost: it is listed, with why


def test_markdown_and_terminal_say_how_many_and_why() -> None:
    report = run_cli("brief", str(SEED), "--published", "2024-12-02", "--format", "markdown").stdout.decode()
    assert "## Not used" in report and "no event" in report
    out = run_cli("brief", str(SEED), "--published", "2024-12-02").stdout.decode()
    assert "not used:" in out and "no event" in out


def test_filtered_events_are_tallied_as_filtered() -> None:
    briefing = _brief(str(ROOT / "seeds" / "story"), "--since", "2025-03-11")
    reasons = {s["reason"] for t in briefing["not_used"] for s in t["sentences"]}
    assert "filtered" in reasons
