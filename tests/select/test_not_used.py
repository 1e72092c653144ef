"""Nothing lost silently (issue 14): every sentence is in an event or in the not-used tally."""
from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from timeline.select.not_used import _overlaps, _Spans

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


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 30)), max_size=12),
       st.integers(0, 70), st.integers(0, 30))
def test_the_span_index_answers_as_a_pass_over_every_span(spans: list[tuple[int, int]], start: int, width: int) -> None:
    """The sorted index (``_Spans``) finds an overlap exactly when some span overlaps the sentence."""
    pairs = [(s, s + w) for s, w in spans]
    end = start + width
    assert _Spans(pairs).overlap(start, end) == _overlaps(pairs, start, end)
