"""Multi-article briefings on the test story (seeds/story): merge, citations, conflicts, updates."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from openai_server import OpenAITestServer
from story_responder import story_responder
from cassettes import seed_cassette
from timeline.run.pipeline import BriefOptions, brief
from timeline.sources import load_articles

from common import API_KEY, ROOT, norm_text, run_cli

STORY = ROOT / "seeds" / "story"
UPDATE = ROOT / "seeds" / "story-update" / "5-riverside-times.md"
GOLD = json.loads((STORY / "story.gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module", params=["local", "openai-cassette"])
def story(request: pytest.FixtureRequest) -> dict:
    """The story briefed by the offline engine (CLI) and by the LLM engine (replayed cassette)."""
    if request.param == "local":
        proc = run_cli("brief", str(STORY), "--format", "json", "--engine", "local")
        assert proc.returncode == 0, proc.stderr.decode()
        return json.loads(proc.stdout)
    with pytest.MonkeyPatch.context() as monkeypatch, seed_cassette("story_brief.yaml", monkeypatch, story_responder) as url:
        articles = load_articles([str(STORY)]).articles
        briefing = brief(articles, BriefOptions(engine="openai", base_url=url, use_cache=False, max_retries=0))
    assert briefing.usage.requests >= 1 and not briefing.failed_chunks
    return briefing.model_dump(mode="json")


def _find(briefing: dict, evidence: str) -> list[dict]:
    events = briefing["chronology"]["events"] + briefing["chronology"]["undated"]
    return [e for e in events if any(norm_text(evidence) in norm_text(ev["quote"]) for ev in e["evidence"])]


def test_every_gold_event_once_with_all_its_sources_and_date(story: dict) -> None:
    for gold in GOLD["events"]:
        for article, evidence in gold["sources"].items():
            matches = _find(story, evidence)
            assert len(matches) == 1, f"{gold['gist']}: {evidence!r} found in {len(matches)} events"
            event = matches[0]
            assert sorted(event["sources"]) == sorted(gold["sources"]), (gold["gist"], event["sources"])
            assert event["when"]["value"] == gold["date"] and event["when"]["precision"] == gold["precision"]


def test_no_duplicates_dated_count_equals_gold(story: dict) -> None:
    assert len(story["chronology"]["events"]) == len(GOLD["events"])


def test_relative_dates_resolve_per_article(story: dict) -> None:
    for gold in (g for g in GOLD["events"] if "relative" in g):
        [event] = _find(story, next(iter(gold["sources"].values())))
        for ev in event["evidence"]:
            assert ev["when"]["value"] == gold["date"], (ev["article_id"], ev["when"])


def test_date_and_figure_conflicts_flagged_with_each_value_and_source(story: dict) -> None:
    for gold in GOLD["conflicts"]:
        flagged = [c for e in story["chronology"]["events"] for c in e["conflicts"] if c["kind"] == gold["kind"]]
        assert len(flagged) == 1, flagged
        got = {(v["article_id"], v["value"].split()[-1]) for v in flagged[0]["values"]}
        assert got == set(gold["values"].items())
        if gold["kind"] == "figure":
            assert flagged[0]["label"] == gold["label"]
    summary = story["summary"]["text"]
    assert "Sources disagree on the date" in summary and "Northern Ledger" in summary and "Aldren Daily" in summary
    assert "Sources disagree on the number of deaths" in summary


def test_markdown_report_a_person_would_forward(tmp_path: Path) -> None:
    out = tmp_path / "story.md"
    proc = run_cli("brief", str(STORY), "--format", "markdown", "-o", str(out))
    assert proc.returncode == 0
    report = out.read_text(encoding="utf-8")
    sections = ["## Summary", "## Chronology", "## Where sources disagree", "## Sources"]
    assert [report.index(s) for s in sections] == sorted(report.index(s) for s in sections)
    assert "### Sat 8 Mar 2025" in report and "[1][2][4]" in report
    assert "1. Kessel River Bridge collapses in Port Aldren, Coastal Courier, 2025-03-09, <https://" in report


def test_terminal_output_cites_sources_and_conflicts() -> None:
    proc = run_cli("brief", str(STORY))
    out = proc.stdout.decode()
    assert "[1][2][4]" in out and "Sources disagree:" in out and "14 [2]" in out and "Harbor Wire" in out


def test_since_until_and_max_events() -> None:
    proc = run_cli("brief", str(STORY), "--format", "json", "--since", "2025-03-09", "--until", "2025-03-10")
    values = [e["when"]["value"] for e in json.loads(proc.stdout)["chronology"]["events"]]
    assert values and all("2025-03-09" <= v <= "2025-03-10" for v in values)
    proc = run_cli("brief", str(STORY), "--format", "json", "--max-events", "2")
    events = json.loads(proc.stdout)["chronology"]["events"]
    assert [len(e["sources"]) for e in events] == [3, 2] or sorted(len(e["sources"]) for e in events) == [2, 3]
    assert [e["when"]["value"] for e in events] == sorted(e["when"]["value"] for e in events)


def test_update_adds_only_new_article_and_marks_new_events(tmp_path: Path) -> None:
    before = tmp_path / "before.json"
    assert run_cli("brief", str(STORY), "--format", "json", "-o", str(before)).returncode == 0
    proc = run_cli("brief", str(UPDATE), "--update", str(before), "--format", "json")
    assert proc.returncode == 0, proc.stderr.decode()
    after = json.loads(proc.stdout)
    assert [a["number"] for a in after["articles"]] == [1, 2, 3, 4, 5]
    new = [e for e in after["chronology"]["events"] if e["is_new"]]
    [gold_new] = GOLD["update"]["new_events"]
    assert len(new) == 1 and new[0]["when"]["value"] == gold_new["date"]
    assert norm_text(gold_new["evidence"]) in norm_text(new[0]["evidence"][0]["quote"])
    [old] = GOLD["update"]["existing_events_with_new_source"]
    [inspections] = _find(after, old["evidence"])
    assert not inspections["is_new"] and "5-riverside-times" in inspections["sources"]
    assert len(after["chronology"]["events"]) == len(GOLD["events"]) + 1


def test_update_refuses_an_article_already_in_the_briefing(tmp_path: Path) -> None:
    before = tmp_path / "before.json"
    run_cli("brief", str(STORY), "--format", "json", "-o", str(before))
    proc = run_cli("brief", str(STORY / "1-coastal-courier.md"), "--update", str(before))
    assert proc.returncode == 1 and "already in the earlier briefing" in proc.stderr.decode()


def test_update_with_the_llm_engine_sends_only_the_new_article(tmp_path: Path) -> None:
    env = {"OPENAI_API_KEY": API_KEY, "TIMELINE_CACHE_DIR": str(tmp_path / "cache")}
    before = tmp_path / "before.json"
    with OpenAITestServer(story_responder) as server:
        env["OPENAI_BASE_URL"] = server.url
        first = run_cli("brief", str(STORY), "--format", "json", "-o", str(before), env=env)
        assert first.returncode == 0, first.stderr.decode()
        sent_before = len(server.requests)
        proc = run_cli("brief", str(UPDATE), "--update", str(before), "--format", "json", env=env)
        assert proc.returncode == 0, proc.stderr.decode()
        update_requests = server.requests[sent_before:]
    extraction = [r for r in update_requests if "<article" in json.dumps(r.body)]
    assert extraction, "the new article was sent"
    old_texts = [p.read_text(encoding="utf-8").split("---", 2)[2].strip().splitlines()[0] for p in STORY.glob("*.md")]
    for r in extraction:
        body = json.dumps(r.body, ensure_ascii=False)
        assert "corroded support cable" in body
        assert not any(text[:60] in body for text in old_texts), "an old article was sent again"
    after = json.loads(proc.stdout)
    new = [e for e in after["chronology"]["events"] if e["is_new"]]
    assert [e["when"]["value"] for e in new] == ["2025-03-12"]
    [inspections] = _find(after, "inspections of 40 bridges on Tuesday")
    assert not inspections["is_new"] and "5-riverside-times" in inspections["sources"]
