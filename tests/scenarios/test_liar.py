"""Nothing unsupported reaches the page (issue 13), measured with two scripted models.

A liar (tests/support/liar_responder.py: invented claims on real quotes, wrong attributions, numbers
changed by one digit, model-only dates, invented actors and places, a flipped negation,
invented summary sentences) and an honest model, both driven through the local
OpenAI-compatible test server over the seed and the story. Every lie carries a marker that
is in no article: none may reach the terminal, Markdown, JSON, HTML or TimelineJS output. At least 95% of the
honest model's events must survive unchanged.
"""
from __future__ import annotations

import functools
import io
import json
import re
from datetime import date
from pathlib import Path

import pytest
from common import API_KEY, ROOT, SEED
from liar_responder import (
    HONEST_EVENTS,
    INVENTED_SUMMARY,
    LIES,
    Lie,
    honest_responder,
    liar_responder,
)
from fresh_responder import FRESH_EVENTS, FRESH_LIES, FRESH_TEXT, PUBLISHED, fresh_responder
from openai_server import OpenAITestServer
from seed_responder import _norm

from timeline.models import Article, Briefing, Event
from timeline.run.pipeline import BriefOptions, brief
from timeline.render.common import format_value
from timeline.sources import load_articles
from timeline.verify.check_event import FLAG_REWRITTEN, check_event

STORY = [ROOT / "seeds" / "story", ROOT / "seeds" / "story-update"]


def seed_articles() -> list[Article]:
    return [Article(id="seed", text=SEED.read_text(encoding="utf-8"), published=date(2024, 12, 2))]


def story_articles() -> list[Article]:
    return load_articles([str(p) for p in STORY]).articles


def fresh_articles() -> list[Article]:
    """Issue 23's fresh story: a blast, a denied fuel leak, a lifted ban (tests/support/fresh_responder.py)."""
    return [Article(id="fresh", text=FRESH_TEXT, published=PUBLISHED)]


CORPORA = {"seed": seed_articles, "story": story_articles, "fresh": fresh_articles}
# per corpus: (honest model, liar, the honest model's events, the lies the liar tells)
MODELS = {name: (honest_responder, liar_responder, HONEST_EVENTS, LIES + INVENTED_SUMMARY)
          for name in ("seed", "story")}
MODELS["fresh"] = (fresh_responder("honest"), fresh_responder("liar"), FRESH_EVENTS, FRESH_LIES)


def run(articles: list[Article], responder, **kw) -> Briefing:  # type: ignore[no-untyped-def]
    with OpenAITestServer(responder) as server:
        return brief(articles, BriefOptions(engine="openai", base_url=server.url, max_retries=0, use_cache=False, **kw))


@functools.lru_cache(maxsize=None)
def briefing_of(name: str, lying: bool) -> Briefing:
    """One briefing per corpus and model for the whole session (each is a full run)."""
    honest, liar, _events, _lies = MODELS[name]
    return run(CORPORA[name](), liar if lying else honest)


def rendered(briefing: Briefing, claims_only: bool = False) -> dict[str, str]:
    """The briefing in every format; ``claims_only`` leaves out what verify refused (the
    ``dropped`` list and the warnings that quote removed summary sentences), which a reader
    sees only as refused."""
    from rich.console import Console

    from timeline.render.json import render_json
    from timeline.render.markdown import render_markdown
    from timeline.render.terminal import render_terminal

    import html as html_text

    from timeline.render.html import render_html
    from timeline.render.timelinejs import render_timelinejs

    if claims_only:
        briefing = briefing.model_copy(update={"dropped": [], "warnings": []})
    out = io.StringIO()
    render_terminal(briefing, Console(file=out, no_color=True, width=1000, soft_wrap=True))
    timelinejs = json.dumps(json.loads(render_timelinejs(briefing)), ensure_ascii=False)
    return {"terminal": out.getvalue(), "markdown": render_markdown(briefing), "json": render_json(briefing),
            "html": html_text.unescape(render_html(briefing)), "timelinejs": html_text.unescape(timelinejs)}


def _every(briefing: Briefing) -> list[Event]:
    return briefing.chronology.events + briefing.chronology.undated


def reached(lie: Lie, briefing: Briefing, outputs: dict[str, str]) -> list[str]:
    """The formats a lie reached: its words in the output, or its date on its event."""
    date_marker = re.match(r"(\d{4}-\d{2}-\d{2})(?: (.+))?$", lie.marker)
    if date_marker is None:
        flat = {fmt: " ".join(text.replace("\\u2019", "'").replace("’", "'").split()) for fmt, text in outputs.items()}
        return [fmt for fmt, text in flat.items() if lie.marker.lower() in text.lower()]
    value, word = date_marker.groups()
    hits = []
    for event in _every(briefing):
        texts = [event.what, *(ev.quote for ev in event.evidence)]
        if word and not any(word in t for t in texts):
            continue
        values = [w.value for w in [event.when, *(ev.when for ev in event.evidence)] if w is not None]
        if value in values:
            hits.append("json")
            heading = format_value(value)
            markdown = outputs["markdown"]
            at = markdown.find(_norm(event.what)[:40]) if word else -1
            if at >= 0 and markdown.rfind(f"### {heading}", 0, at) > markdown.rfind("### ", 0, at) - 1 >= 0:
                hits.append("markdown")
    return hits


@pytest.fixture(autouse=True)
def key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", API_KEY)


def lies_reaching_output(name: str) -> tuple[int, int, dict[str, list[str]]]:
    """(lies told about ``name``, lies that reached an output, which and where)."""
    articles = CORPORA[name]()
    text = "\n".join(_norm(a.text) for a in articles)
    briefing = briefing_of(name, True)
    outputs = rendered(briefing, claims_only=True)
    told = [lie for lie in MODELS[name][3] if not lie.proposal or _norm(lie.proposal["evidence"]) in text]
    for lie in told:
        assert lie.marker[0].isdigit() or lie.marker.lower() not in text.lower(), lie.marker
    through = {lie.marker: where for lie in told if (where := reached(lie, briefing, outputs))}
    return len(told), len(through), through


def honest_survival(name: str) -> tuple[int, int, list[str]]:
    """(honest events proposed, events that reach the briefing unchanged, the changed ones).

    Unchanged: its evidence quote is in the chronology, on an event not rewritten, with the
    model's wording (events merged with other reports show the first report's wording, so
    for them the quote and flags are compared), a date when the model read one, except a
    "since 2020" comparison, which dates no happening (issue 27): that event stays undated."""
    articles = CORPORA[name]()
    text = "\n".join(_norm(a.text) for a in articles)
    proposed = [e for e in MODELS[name][2] if _norm(e["evidence"]) in text]
    briefing = briefing_of(name, False)
    changed = []
    for p in proposed:
        quote = _norm(p["evidence"]).strip(" .")
        owner = next((e for e in _every(briefing) if any(quote in _norm(ev.quote) for ev in e.evidence)), None)
        ok = owner is not None and FLAG_REWRITTEN not in owner.flags and (
            len(owner.evidence) > 1 or owner.what == " ".join(p["what"].split()))
        if ok and owner is not None and p["when_text"] and not re.match(r"(?i)since \d{4}$", p["when_text"]):
            ev = next(ev for ev in owner.evidence if quote in _norm(ev.quote))
            ok = (ev.when or owner.when) is not None
        if not ok:
            changed.append(p["what"])
    return len(proposed), len(proposed) - len(changed), changed


@pytest.mark.parametrize("name", ["seed", "story", "fresh"])
def test_no_lie_reaches_any_output_format(name: str) -> None:
    told, through, which = lies_reaching_output(name)
    assert told >= 10
    assert through == 0, which


def test_at_least_95_percent_of_the_honest_models_events_survive_unchanged() -> None:
    """On the seed and the story together (28 events). The one the seed loses: "President
    Bashar al-Assad vowed to crush the insurgents" cites 'Assad declared, "Terrorists only
    understand..."', which says neither "vowed" nor "insurgents"; it stands as that quote."""
    results = [honest_survival(name) for name in CORPORA]
    proposed, kept = sum(r[0] for r in results), sum(r[1] for r in results)
    assert proposed >= 36
    assert kept / proposed >= 0.95, [r[2] for r in results]


def test_the_liars_briefing_says_what_it_refused() -> None:
    briefing = briefing_of("story", True)
    data = json.loads(rendered(briefing)["json"])
    rewritten = [e for e in data["chronology"]["events"] + data["chronology"]["undated"] if FLAG_REWRITTEN in e["flags"]]
    assert rewritten and all(any(e["what"] == " ".join(ev["quote"].split()) for ev in e["evidence"]) for e in rewritten)
    assert data["dropped_events"] == len(data["dropped"]) and all(d["reason"] for d in data["dropped"])
    removed = [w for w in briefing.warnings if w.startswith("summary sentence removed")]
    assert any("resigned in disgrace" in w for w in removed) and any("New Year" in w for w in removed)
    assert not [c for c in briefing.summary.claims_with_sources if "Halvard" in c.text]


@pytest.mark.parametrize("name", ["seed", "story"])
def test_the_offline_engines_events_pass_the_same_checks(name: str) -> None:
    from timeline.engines.local import extract_events

    articles = CORPORA[name]()
    events = [(e, a) for a in articles for e in extract_events(a)]
    assert len(events) >= 10
    problems = {e.what: check_event(e, a) for e, a in events if check_event(e, a)}
    assert problems == {}


def test_every_event_of_the_honest_briefing_passes_check_event() -> None:
    articles = story_articles()
    by_id = {a.id: a for a in articles}
    briefing = briefing_of("story", False)
    for event in _every(briefing):
        if len(event.evidence) == 1 and FLAG_REWRITTEN not in event.flags:
            assert check_event(event, by_id[event.evidence[0].article_id]) == [], event.what


def figures() -> str:
    """Both figures of issue 13, for docs/benchmarks.md: python tests/test_liar.py."""
    lines = []
    for name in CORPORA:
        told, through, _which = lies_reaching_output(name)
        proposed, kept, changed = honest_survival(name)
        lines.append(f"{name}: lies told {told}, reaching any format {through}; honest events {proposed}, "
                     f"unchanged {kept} ({kept / proposed:.1%}); changed: {changed}")
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    import os

    os.environ.setdefault("OPENAI_API_KEY", API_KEY)
    os.environ.setdefault("TIMELINE_CACHE_DIR", str(Path.cwd() / ".figures-cache"))
    print(figures())
