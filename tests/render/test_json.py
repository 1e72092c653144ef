"""--format json is written in pieces (long lists item by item); the text is still exactly
``model_dump_json(indent=2)`` and a newline, for any briefing."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.models import (ArticleInfo, Briefing, Chronology, DroppedEvent, Event, Evidence, KeyDate, NotUsed,
                             Summary, TimePoint, UnusedSentence)
from timeline.render import json as render_json
from timeline.run.pipeline import BriefOptions, brief
from timeline.sources import load_articles

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

# text that looks like the markers the splice searches for, JSON's own characters, controls,
# wide characters and the line separators
TEXT = st.one_of(st.text(max_size=30), st.sampled_from(['\n  "not_used": []', '"events": []', "[]", "\u2028",
                                                        "\\n", "😀", '\n    "events": []', "}", ","]))
WORDS = st.lists(TEXT, max_size=3)


def _event(what: str, quote: str, value: str | None) -> Event:
    return Event(when=TimePoint(value=value, text=quote[:5]) if value else None, what=what,
                 evidence=[Evidence(article_id="a", start=0, end=len(quote), quote=quote)])


EVENTS = st.lists(st.builds(_event, TEXT, TEXT, st.sampled_from([None, "2024", "2024-11-29", "2024-11-01/2024-11-07"])),
                  max_size=4)
NOT_USED = st.lists(st.builds(NotUsed, article_id=TEXT, counts=st.dictionaries(TEXT, st.integers(), max_size=2),
                              sentences=st.lists(st.builds(UnusedSentence, start=st.integers(0, 9), end=st.integers(0, 9),
                                                           text=TEXT, reason=st.just("no_event")), max_size=3)),
                    max_size=4)


@st.composite
def briefings(draw: st.DrawFn) -> Briefing:
    return Briefing(
        title=draw(TEXT),
        articles=draw(st.lists(st.builds(ArticleInfo, id=TEXT, number=st.integers(1, 9), title=st.none() | TEXT),
                               max_size=3)),
        chronology=Chronology(events=draw(EVENTS), undated=draw(EVENTS), undated_window=draw(st.none() | TEXT),
                              key_dates=draw(st.lists(st.builds(KeyDate, date=st.just(date(2024, 1, 2)),
                                                                rank=st.integers(1, 3), score=st.floats(0, 1),
                                                                articles=st.integers(0, 3),
                                                                later_articles=st.integers(0, 3),
                                                                published_around=st.integers(0, 3)), max_size=2))),
        summary=Summary(text=draw(TEXT)),
        warnings=draw(WORDS),
        not_used=draw(NOT_USED),
        dropped=draw(st.lists(st.builds(DroppedEvent, article_id=TEXT, what=TEXT, quote=TEXT, reason=TEXT), max_size=3)),
    )


@settings(max_examples=200, deadline=None)
@given(briefings())
def test_the_pieces_are_the_whole_dump(briefing: Briefing) -> None:
    whole = briefing.model_dump_json(indent=2) + "\n"
    got = list(render_json.pieces(briefing))
    assert "".join(got) == whole
    assert render_json.render_json(briefing) == whole
    spliced = any(render_json._get(briefing, path) for path in render_json.SPLICED)
    assert (len(got) > 1) == spliced  # the long lists were written item by item, not at once


def test_a_real_briefing_is_written_the_same() -> None:
    loaded = load_articles([str(SEEDS)])
    briefing = brief(loaded.articles, BriefOptions(engine="local"))
    assert briefing.chronology.events and briefing.not_used and briefing.articles
    assert render_json.render_json(briefing) == briefing.model_dump_json(indent=2) + "\n"


def test_a_field_found_twice_falls_back_to_the_whole_text(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    briefing = Briefing(title="t", articles=[], chronology=Chronology(events=[_event("w", "q", "2024")]),
                        summary=Summary(text=""))
    real = Briefing.model_dump_json

    def doubled(self: Briefing, **kw: object) -> str:  # the skeleton with its marker twice
        text = real(self, **kw)  # type: ignore[arg-type]
        return text.replace('\n    "events": []', '\n    "events": [],\n    "events": []') \
            if not self.chronology.events else text

    monkeypatch.setattr(Briefing, "model_dump_json", doubled)
    got = list(render_json.pieces(briefing))
    assert got == [real(briefing, indent=2) + "\n"]
