"""Issue 23: the model path verified end to end, on a fresh story and scripted models.

Each defect the issue found is a test here that fails on the code before it: a removed or
reversed negation in the summary, a claim reported removed that stays in the text, a wrong
source, a predicate the evidence lacks, loaded words in our voice, dates that depend on the
model naming the expression. (Real servers' reply formats: tests/test_openai_engine.py.)
"""
from __future__ import annotations

import re

import pytest
from fresh_responder import FRESH_TEXT, PUBLISHED, fresh_responder, timeless_responder
from tests.scenarios.test_liar import CORPORA, briefing_of, rendered, run

from common import API_KEY
from timeline.models import Article, Briefing
from timeline.run.pipeline import BriefOptions, brief
from timeline.verify.check_event import event_problems


@pytest.fixture(autouse=True)
def key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", API_KEY)


def _fresh_summary_ok(briefing: Briefing) -> str:
    return briefing.summary.text


def _removed(briefing: Briefing) -> list[str]:
    """The summary sentences and claims the briefing's warnings say were removed."""
    said = []
    for warning in briefing.warnings:
        if warning.startswith(("summary sentence removed", "summary claim removed")):
            match = re.search(r"""(?:: |\): )(['"])(.+?)\1(?: \(.*\))?$""", warning)
            assert match, warning
            said.append(match.group(2))
    return said


@pytest.mark.parametrize("name", ["seed", "story", "fresh"])
def test_every_sentence_reported_removed_appears_in_no_format(name: str) -> None:
    briefing = briefing_of(name, True)
    removed = _removed(briefing)
    assert removed
    for fmt, text in rendered(briefing, claims_only=True).items():
        flat = " ".join(text.replace("’", "'").split())
        for sentence in removed:
            assert " ".join(sentence.split()).rstrip(".") not in flat, (fmt, sentence)


def test_fresh_liar_summary_lies_are_each_removed_with_a_true_reason() -> None:
    briefing = briefing_of("fresh", True)
    text = briefing.summary.text
    for marker in ("admitted that fuel", "confirmed the fuel", "Police said at least", "streets were injured",
                   "negligent", "chaotic"):
        assert marker.lower() not in text.lower(), marker
    reasons = " ".join(briefing.warnings)
    assert "assertion reversed" in reasons
    assert "source 'Police' is not the chronology's source" in reasons or "source 'police'" in reasons
    assert "no event says 'Residents of nearby streets were injured'" in reasons
    assert "loaded words the chronology does not use: chaotic" in reasons


def test_the_honest_fresh_summary_is_kept_whole() -> None:
    from fresh_responder import FRESH_SUMMARY

    briefing = briefing_of("fresh", False)
    assert briefing.summary.text == FRESH_SUMMARY
    assert not [w for w in briefing.warnings if w.startswith("summary")]


@pytest.mark.parametrize("what, evidence", [
    ("The operator admitted that fuel had leaked into the river.",
     "The operator denied that any fuel had leaked into the river."),
    ("The operator confirmed that fuel had leaked into the river.",
     "The operator denied that any fuel had leaked into the river."),
    ("The operator said fuel had leaked into the river.",
     "The operator denied that any fuel had leaked into the river."),
    ("Environmental officials imposed a ban on fishing in the river.",
     "Environmental officials lifted a ban on fishing in the river on Thursday."),
    ("The company accepted the union's offer.", "The company rejected the union's offer."),
    ("The reckless owner said production would remain suspended.",
     "The plant's owner said production would remain suspended."),
    ("The negligent company said production would remain suspended.",
     "The company said production would remain suspended."),
    ("The council allowed fishing in the river.", "The council banned fishing in the river."),
    ("The court convicted the plant's manager.", "The court acquitted the plant's manager."),
    ("Residents of nearby streets were injured.",
     "Residents of nearby streets reported hearing the blast several kilometres away."),
])
def test_an_event_reversing_or_loading_its_evidence_is_not_supported(what: str, evidence: str) -> None:
    assert event_problems(what, None, evidence, evidence, FRESH_TEXT + " " + evidence)


@pytest.mark.parametrize("what, evidence", [
    ("The operator denied that fuel leaked into the river.",
     "The operator denied that any fuel had leaked into the river."),
    ("Officials lifted the fishing ban.", "Environmental officials lifted a ban on fishing in the river."),
    ("Rebels called the strikes a massacre.", "Rebels called the strikes a massacre."),
])
def test_an_event_keeping_its_evidence_polarity_and_words_passes(what: str, evidence: str) -> None:
    problems = event_problems(what, None, evidence, evidence, evidence)
    assert not [p for p in problems if "reversed" in p or "negation" in p or "loaded" in p], problems


def test_the_reckless_owner_is_shown_as_the_evidence() -> None:
    briefing = briefing_of("fresh", True)
    events = briefing.chronology.events + briefing.chronology.undated
    assert not [e for e in events if "reckless" in e.what.lower()]
    assert any(e.what.startswith("The plant's owner said production") for e in events)


# -- dates from the evidence ---------------------------------------------------------------------

def test_a_model_naming_no_time_expression_still_gets_the_sentences_date() -> None:
    briefing = run(CORPORA["fresh"](), fresh_responder("timeless"))
    dated = {e.what: e.when.value for e in briefing.chronology.events if e.when and e.when.value}
    assert dated.get("An explosion tore through the Harlow Chemicals plant in Brennick.") == "2025-06-10"
    assert dated.get("Firefighters put out the fire.") == "2025-06-11"
    assert "2025-06-12" in dated.values()


def test_the_sentences_date_wins_over_the_models() -> None:
    wrong = fresh_responder("honest")

    def lying_dates(request):  # type: ignore[no-untyped-def]
        import json

        reply = wrong(request)
        content = json.loads(reply.body["choices"][0]["message"]["content"])
        for event in content.get("events", []):
            if event["when_text"] == "on Wednesday morning":
                event["when_text"], event["date"] = None, "2025-06-01"
        reply.body["choices"][0]["message"]["content"] = json.dumps(content)
        return reply

    briefing = run(CORPORA["fresh"](), lying_dates)
    [fire] = [e for e in briefing.chronology.events + briefing.chronology.undated if "put out the fire" in e.what]
    assert fire.when is not None and fire.when.value == "2025-06-11"


def dated_ratio() -> tuple[int, int]:
    """(events dated by the model path with a timeless model, events the offline engine dates),
    over the seed, the story and the fresh story."""
    offline = timeless = 0
    for name, articles in CORPORA.items():
        local = brief(articles(), BriefOptions(engine="local", use_cache=False))
        offline += sum(1 for e in local.chronology.events if e.when and e.when.value)
        model = run(articles(), timeless_responder)
        timeless += sum(1 for e in model.chronology.events if e.when and e.when.value)
    return timeless, offline


def test_a_timeless_model_dates_at_least_90_percent_of_what_the_offline_engine_dates() -> None:
    timeless, offline = dated_ratio()
    assert offline >= 15
    assert timeless >= 0.9 * offline, (timeless, offline)


def test_an_article_without_published_date_is_fine() -> None:
    articles = [Article(id="fresh", text=FRESH_TEXT, published=None)]
    briefing = run(articles, fresh_responder("timeless"))
    assert briefing.chronology.events or briefing.chronology.undated
    assert PUBLISHED  # the fixture's own date is not needed to run


def test_key_day_summaries_get_the_same_checks() -> None:
    from timeline.models import Event, Evidence, TimePoint
    from timeline.run.key_days import checked_day_summary

    what = "Environmental officials lifted a ban on fishing in the river on Thursday, the ministry said."
    when = TimePoint(value="2025-06-12", precision="day", text="on Thursday")
    event = Event(when=when, what=what, attribution="the ministry",
                  evidence=[Evidence(article_id="a", start=0, end=len(what), quote=what)])
    ok, why = checked_day_summary("Environmental officials lifted a ban on fishing in the river, the ministry said.",
                                  [event], "2025-06-12")
    assert ok and why is None
    for lie, reason in (("Environmental officials imposed a ban on fishing in the river, the ministry said.",
                         "reversed"),
                        ("Environmental officials lifted a ban on fishing in the river, police said.", "source"),
                        ("The reckless officials lifted a ban on fishing in the river, the ministry said.",
                         "loaded")):
        dropped, why = checked_day_summary(lie, [event], "2025-06-12")
        assert dropped is None and why and reason in why, (lie, why)


def test_a_polar_word_the_evidence_lacks_is_not_called_a_reversal() -> None:
    from timeline.verify.support import polarity_problems

    assert polarity_problems("The mayor confirmed 9 injuries.", "At least 9 people were injured, the mayor said.") \
        == ["'confirmed' is not in the evidence"]
    assert polarity_problems("The ministry lifted the ban.", "The ministry imposed the ban.") \
        == ["restriction reversed: 'lifted' where the evidence says 'imposed'"]


@pytest.mark.parametrize("sentence, kept", [
    ("According to police, at least 9 people were injured.", False),
    ("The operator acknowledged that fuel had leaked into the river.", False),
    ("Officials imposed a fishing ban on Thursday.", False),
    ("Residents of nearby streets were hurt.", False),
    ("The company said safety warnings had been ignored.", False),
    ("The mayor said at least 9 people were injured.", True),
    ("The company rejected claims that safety warnings had been ignored.", True),
    ("Residents heard the blast several kilometres away.", True),
    ("Firefighters put out the fire on Wednesday morning.", True),
    ("{", False),  # a small model's summary field (SmolLM2-135M under a grammar): states nothing
    ("<a href=", False),
    ("N/A.", False),
])
def test_summary_sentences_phrased_otherwise(sentence: str, kept: bool) -> None:
    """Lies worded unlike the fixture's (a source after "according to", "acknowledged", "hurt"),
    and honest paraphrases that must stay."""
    from tests.scenarios.test_liar import fresh_articles
    from timeline.models import Summary
    from timeline.summary.check import check_summary

    checked, warnings = check_summary(Summary(text=sentence), briefing_of("fresh", False).chronology,
                                      fresh_articles(), fallback=True)
    assert bool(checked.text) is kept, warnings
