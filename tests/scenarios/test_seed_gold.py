"""The seed article against its gold chronology, end to end through the CLI (offline engine)."""
from __future__ import annotations

import json

import pytest

from common import SEED, run_cli


@pytest.fixture(scope="module")
def briefing() -> dict:
    proc = run_cli("brief", str(SEED), "--published", "2024-12-02", "--format", "json", "--engine", "local")
    assert proc.returncode == 0, proc.stderr.decode()
    return json.loads(proc.stdout)


def _normal(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).lower()


def test_required_gold_events_have_gold_date_precision_and_evidence(briefing: dict, seed_gold: dict) -> None:
    events = briefing["chronology"]["events"]
    for gold in (g for g in seed_gold["events"] if g["required"]):
        matches = [e for e in events if _normal(gold["evidence"]) in _normal(e["evidence"][0]["quote"])]
        assert matches, f"no event carries the evidence {gold['evidence']!r}"
        assert any(e["when"]["value"] == gold["date"] and e["when"]["precision"] == gold["precision"]
                   for e in matches), f"{gold['evidence']!r}: got {[e['when'] for e in matches]}"


def test_evidence_offsets_point_into_the_article(briefing: dict) -> None:
    text = SEED.read_text(encoding="utf-8")
    for event in briefing["chronology"]["events"] + briefing["chronology"]["undated"]:
        for ev in event["evidence"]:
            assert text[ev["start"]:ev["end"]] == ev["quote"]


def test_undated_gold_events_never_get_a_day_or_month(briefing: dict, seed_gold: dict) -> None:
    all_events = briefing["chronology"]["events"] + briefing["chronology"]["undated"]
    for gold in seed_gold["undated"]:
        matches = [e for e in all_events if _normal(gold["evidence"]) in _normal(e["evidence"][0]["quote"])]
        assert matches, f"undated gold event missing: {gold['evidence']!r}"
        for e in matches:
            assert e["when"] is None or e["when"]["precision"] not in ("day", "month"), e


def test_chronology_is_ordered(briefing: dict) -> None:
    values = [e["when"]["value"] for e in briefing["chronology"]["events"]]
    assert values == sorted(values, key=lambda v: [int(p) for p in v.split("/")[0].split("-")])
    assert values[0] == "2011" and values[-1] == "2024-12-02"


def test_attributions_are_kept(briefing: dict) -> None:
    events = briefing["chronology"]["events"] + briefing["chronology"]["undated"]
    attributions = " | ".join(e["attribution"] or "" for e in events).lower()
    assert "white helmets" in attributions
    assert "assad" in attributions
    assert "russian sources" in attributions
    assert "white helmets" in briefing["summary"]["text"].lower()


def test_summary_length_and_neutrality(briefing: dict) -> None:
    words = len(briefing["summary"]["text"].split())
    assert 60 <= words <= 150, words
    assert "brutal" not in briefing["summary"]["text"]
    assert any("brutal" in w for w in briefing["warnings"]), "loaded word in unattributed source text is flagged"
    assert not any("terrorist" in w.lower() for w in briefing["warnings"]), "attributed labels are not flagged"


def test_without_published_date_weekdays_stay_unresolved_and_years_resolve() -> None:
    proc = run_cli("brief", str(SEED), "--format", "json", "--engine", "local")
    assert proc.returncode == 0
    stderr = proc.stderr.decode()
    assert stderr.count("no publication date") == 1
    data = json.loads(proc.stdout)
    dated = {e["when"]["value"] for e in data["chronology"]["events"]}
    assert {"2011", "2016"} <= dated
    assert not any(v.startswith("2024") for v in dated), dated
    unresolved = [e for e in data["chronology"]["undated"] if e["when"] and e["when"]["value"] is None]
    texts = {e["when"]["text"].lower() for e in unresolved}
    assert any("friday" in t for t in texts) and any("monday" in t for t in texts), texts
