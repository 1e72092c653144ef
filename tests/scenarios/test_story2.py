"""The second test story (seeds/story2, issue 14): merging by meaning, disputes in different
words with sources and attributions, an updated toll, a syndicated copy, attribution forms and
the not-used tally, for the offline engine (CLI) and the model engine (replayed cassette)."""
from __future__ import annotations

import json
import re

import pytest
from story2_responder import story2_responder
from cassettes import seed_cassette

from timeline.run.pipeline import BriefOptions, brief
from timeline.text.sentences import sentences
from timeline.sources import load_articles

from common import ROOT, norm_text, run_cli

STORY = ROOT / "seeds" / "story2"
GOLD = json.loads((STORY / "story2.gold.json").read_text(encoding="utf-8"))
COPIES = {copy for copies in GOLD["copies"].values() for copy in copies}


@pytest.fixture(scope="module", params=["local", "openai-cassette"])
def story(request: pytest.FixtureRequest) -> dict:
    if request.param == "local":
        proc = run_cli("brief", str(STORY), "--format", "json", "--engine", "local")
        assert proc.returncode == 0, proc.stderr.decode()
        return json.loads(proc.stdout)
    with pytest.MonkeyPatch.context() as monkeypatch, \
            seed_cassette("story2_brief.yaml", monkeypatch, story2_responder) as url:
        articles = load_articles([str(STORY)]).articles
        briefing = brief(articles, BriefOptions(engine="openai", base_url=url, use_cache=False, max_retries=0))
    assert briefing.usage.requests >= 1 and not briefing.failed_chunks
    return briefing.model_dump(mode="json")


def _events(briefing: dict) -> list[dict]:
    return briefing["chronology"]["events"] + briefing["chronology"]["undated"]


def _find(briefing: dict, evidence: str) -> list[dict]:
    return [e for e in _events(briefing) if any(norm_text(evidence) in norm_text(ev["quote"]) for ev in e["evidence"])]


def _gold_event(gist: str) -> dict:
    return next(g for g in GOLD["events"] if g["gist"].startswith(gist))


def test_every_gold_event_once_with_its_sources_date_and_attributions(story: dict) -> None:
    for gold in GOLD["events"]:
        for article, expected in gold["sources"].items():
            matches = _find(story, expected["evidence"])
            assert len(matches) == 1, f"{gold['gist']}: {expected['evidence']!r} in {len(matches)} events"
            event = matches[0]
            assert sorted(event["sources"]) == sorted(gold["sources"]), (gold["gist"], event["sources"])
            assert event["when"]["value"] == gold["date"], (gold["gist"], event["when"])
            [evidence] = [ev for ev in event["evidence"] if ev["article_id"] == article]
            assert evidence["attribution"] and norm_text(expected["attribution"]) in norm_text(evidence["attribution"]), \
                (gold["gist"], article, evidence["attribution"])


def test_one_event_per_gold_event_and_nothing_invented(story: dict) -> None:
    assert len(story["chronology"]["events"]) == len(GOLD["events"])
    assert not story["chronology"]["undated"]


def test_different_places_and_kinds_never_merge(story: dict) -> None:
    for pair in GOLD["apart"]:
        [first], [second] = (_find(story, evidence) for evidence in pair["evidence"])
        assert first is not second and first["evidence"] != second["evidence"], pair["note"]


def test_every_merge_says_why(story: dict) -> None:
    for event in _events(story):
        if len(event["sources"]) > 1:
            signals = " | ".join(event["merge_signals"])
            assert "same date" in signals and ("kind:" in signals or "similar" in signals), signals


def test_the_dispute_is_found_across_wordings_with_sources_and_attributions(story: dict) -> None:
    figure = [(e, c) for e in _events(story) for c in e["conflicts"] if c["kind"] == "figure"]
    assert len(figure) == len(GOLD["disputes"]), [c for _, c in figure]  # no invented disputes
    assert not [c for e in _events(story) for c in e["conflicts"] if c["kind"] == "date"]
    for gold in GOLD["disputes"]:
        [conflict] = [c for _, c in figure if c["label"] == gold["label"]]
        got = {v["article_id"]: v for v in conflict["values"]}
        assert set(got) == set(gold["values"])
        for article, expected in gold["values"].items():
            value = got[article]
            assert re.sub(r"[^\d,]", "", value["value"]) == expected["value"], value
            assert value["source"] == expected["source"]
            assert norm_text(expected["attribution"]) in norm_text(value["attribution"] or ""), value
    summary = story["summary"]["text"]
    assert "Sources disagree on the number of people evacuated" in summary
    assert "according to Dana Ruiz (Harbor Wire)" in summary and "according to the county (Valley News)" in summary


def test_a_later_higher_toll_is_an_update_not_a_dispute(story: dict) -> None:
    for gold in GOLD["updates"]:
        [event] = _find(story, _gold_event(gold["event"])["sources"]["1-valley-news"]["evidence"])
        assert not event["conflicts"]
        [update] = [u for u in event["figure_updates"] if u["label"] == gold["label"]]
        assert [(v["article_id"], v["value"]) for v in update["values"]] == list(gold["values"].items())


def test_the_syndicated_copy_is_read_once_and_listed(story: dict) -> None:
    numbered = {a["id"]: a for a in story["articles"]}
    for original, copies in GOLD["copies"].items():
        assert [c["id"] for c in numbered[original]["copies"]] == copies
        assert not set(copies) & set(numbered)
    assert not any(set(e["sources"]) & COPIES for e in _events(story))


def test_every_sentence_is_used_or_tallied(story: dict) -> None:
    tallies = {t["article_id"]: t for t in story["not_used"]}
    for article, counts in GOLD["not_used"].items():
        path = next(STORY.glob(f"{article}.md"))
        text = path.read_text(encoding="utf-8").split("---", 2)[2].strip("\n")
        for reason, n in counts.items():
            expected = len(list(sentences(text))) if reason == "duplicate" else n
            assert tallies[article]["counts"].get(reason) == expected, (article, tallies.get(article))
    assert set(tallies) == set(GOLD["not_used"]), "only boilerplate and the copy are left out"


def test_max_events_counts_independent_sources() -> None:
    proc = run_cli("brief", str(STORY), "--format", "json", "--max-events", "1")
    [event] = json.loads(proc.stdout)["chronology"]["events"]
    assert sorted(event["sources"]) == ["1-valley-news", "2-harbor-wire", "4-ridge-gazette"]
    assert "filtered" in {r for t in json.loads(proc.stdout)["not_used"] for r in t["counts"]}


def test_markdown_and_terminal_name_who_said_what() -> None:
    report = run_cli("brief", str(STORY), "--format", "markdown").stdout.decode()
    assert "some 5,000 [2], according to Dana Ruiz (Harbor Wire)" in report
    assert "also published as: Pine Herald" in report
    assert "## Figures updated by later reports" in report and "two \\[1\\], according to the county" in report
    assert "## Not used" in report and "duplicate" in report and "boilerplate" in report
    out = run_cli("brief", str(STORY)).stdout.decode()
    assert "according to Dana Ruiz (Harbor Wire)" in " ".join(out.split())
    assert "sentences not used" in out and "copy: Pine Herald" in out
