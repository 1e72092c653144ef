"""--key-dates on small synthetic stories: which days, which events, what is left out."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.errors import UsageError
from timeline.merge.combine import merge
from timeline.models import Article, Chronology, Event, Evidence, TimePoint
from timeline.run.pipeline import BriefOptions, brief
from timeline.select.key_dates import KeyDateWeights, day_signals, key_dates, rank_days
from timeline.select.filter import summarise_undated

D0 = date(2024, 3, 1)
_OFFSET = iter(range(0, 10**9, 1000))  # distinct evidence spans: merge drops spans inside one another


def _event(article: str, day: date | None, what: str, precision: str = "day") -> Event:
    value = None if day is None else (day.isoformat() if precision == "day" else day.isoformat()[:7])
    when = None if day is None else TimePoint(value=value, precision=precision, text="on that day")  # type: ignore[arg-type]
    start = next(_OFFSET)
    return Event(when=when, what=what,
                 evidence=[Evidence(article_id=article, start=start, end=start + len(what), quote=what, when=when)])


def _story() -> tuple[Chronology, list[Article]]:
    """Day 1 (the flood) is reported by five articles, four of them later; day 5 by two; day 9 by one.
    A month-precision event has the most sources but is not a day."""
    arts = [Article(id=f"a{i}", text="x", published=D0 + timedelta(days=i)) for i in range(10)]
    events = []
    for i in range(5):
        events.append(_event(f"a{i}", D0 + timedelta(days=1), f"The river flooded the old town, report {i} says."))
    events.append(_event("a0", D0 + timedelta(days=1), "A football match was postponed in the old town."))
    events += [_event("a5", D0 + timedelta(days=5), "The mayor resigned after the flood inquiry."),
               _event("a6", D0 + timedelta(days=5), "The mayor resigned, the council said, after the inquiry.")]
    events.append(_event("a9", D0 + timedelta(days=9), "A new bridge opened."))
    events += [_event(f"a{i}", D0, "Rain fell all month.", precision="month") for i in range(10)]
    events.append(_event("a3", None, "Residents said they were angry."))
    return merge(events, arts), arts


def test_the_most_referenced_days_are_chosen_in_order() -> None:
    chron, arts = _story()
    cut = key_dates(chron, arts, 2, 1)
    assert [k.date for k in cut.key_dates] == [D0 + timedelta(days=1), D0 + timedelta(days=5)]
    assert [k.rank for k in cut.key_dates] == [1, 2]
    assert [e.when.value for e in cut.events if e.when] == [(D0 + timedelta(days=1)).isoformat(),
                                                            (D0 + timedelta(days=5)).isoformat()]
    assert cut.undated == [] and cut.not_listed == len(chron.events) + len(chron.undated) - 2


def test_the_central_sentence_wins_over_an_aside() -> None:
    chron, arts = _story()
    cut = key_dates(chron, arts, 1, 1)
    assert "flooded" in cut.events[0].what


def test_per_date_skips_near_duplicates() -> None:
    chron, arts = _story()
    cut = key_dates(chron, arts, 3, 2)
    on_day5 = [e for e in cut.events if e.when and e.when.value == (D0 + timedelta(days=5)).isoformat()]
    # the two mayor sentences say the same thing: one is kept, there is nothing else that day
    assert len(on_day5) == 1
    on_day1 = [e.what for e in cut.events if e.when and e.when.value == (D0 + timedelta(days=1)).isoformat()]
    assert len(on_day1) == 2 and sum("flooded" in w for w in on_day1) == 1


def test_later_references_are_counted_and_outrank_a_burst_when_weighted_so() -> None:
    arts = [Article(id=f"p{i}", text="x", published=D0) for i in range(3)]
    arts += [Article(id=f"q{i}", text="x", published=D0 + timedelta(days=30)) for i in range(3)]
    events = [_event(f"p{i}", D0, f"Shares fell sharply in early trading {i}.") for i in range(3)]
    events += [_event(f"q{i}", D0 + timedelta(days=2), f"The bank collapsed two days later {i}.") for i in range(3)]
    signals = day_signals(merge(events, arts).events, arts)
    assert signals[D0 + timedelta(days=2)].later == 3 and signals[D0].later == 0
    assert signals[D0].burst == 3 and signals[D0 + timedelta(days=2)].burst == 0
    # the shipped weights (chosen leave-one-topic-out, issue 24) give a burst more than later
    # references; the order follows the weights, whatever they are
    later_first = KeyDateWeights(mentions=0.5, later=1.0, burst=0.25, central=0.0)
    burst_first = KeyDateWeights(mentions=0.5, later=0.25, burst=1.0, central=0.0)
    assert rank_days(signals, later_first)[0][0] == D0 + timedelta(days=2)
    assert rank_days(signals, burst_first)[0][0] == D0


def test_counts_are_of_distinct_articles() -> None:
    arts = [Article(id="long", text="x", published=D0 + timedelta(days=9)),
            Article(id="b", text="x", published=D0 + timedelta(days=9)),
            Article(id="c", text="x", published=D0 + timedelta(days=9))]
    events = [_event("long", D0, f"Sentence number {i} about the first day and its many details.") for i in range(8)]
    events += [_event(x, D0 + timedelta(days=1), f"The strike began at dawn, union {x} says.") for x in ("b", "c")]
    ranked = rank_days(day_signals(merge(events, arts).events, arts))
    assert ranked[0][0] == D0 + timedelta(days=1)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 5), st.integers(0, 20), st.sampled_from(["flood", "vote", "fire", "deal"])),
                min_size=1, max_size=30),
       st.integers(1, 6), st.integers(1, 3))
def test_never_more_than_asked(rows: list[tuple[int, int, str]], n: int, k: int) -> None:
    arts = [Article(id=f"a{i}", text="x", published=D0 + timedelta(days=i * 3)) for i in range(6)]
    events = [_event(f"a{a}", D0 + timedelta(days=d), f"The {w} happened in town number {a}{d}.") for a, d, w in rows]
    chron = merge(events, arts)
    cut = key_dates(chron, arts, n, k)
    days = [e.when.value for e in cut.events if e.when]
    assert len(set(days)) <= n and len(cut.key_dates) == len(set(days))
    assert all(days.count(d) <= k for d in days)
    assert days == sorted(days)
    assert all(any(e is f for f in chron.events) for e in cut.events)  # chosen, never made up


def test_summarised_undated_counts_per_article() -> None:
    chron, _ = _story()
    extra = [_event("a1", None, f"Residents said item {i}.") for i in range(3)]
    out = summarise_undated(chron.model_copy(update={"undated": chron.undated + extra}))
    assert out.undated == []
    assert {(c.article_id, c.events) for c in out.undated_counts} == {("a3", 1), ("a1", 3)}


def test_options_check_ranges() -> None:
    for bad in ({"key_dates": 0}, {"key_dates": 5000}, {"per_date": 0}, {"key_dates": 3, "max_events": 5}):
        with pytest.raises(UsageError):
            BriefOptions(**bad)  # type: ignore[arg-type]


def test_brief_with_key_dates_end_to_end() -> None:
    text_a = ("Rebels seized the town of Idlib on Monday, the army said. "
              "Officials said the talks would resume on Friday.")
    text_b = "Rebels captured Idlib on Monday after a week of fighting, residents said."
    arts = [Article(id="a", text=text_a, published=date(2024, 12, 3)),
            Article(id="b", text=text_b, published=date(2024, 12, 5))]
    out = brief(arts, BriefOptions(engine="local", key_dates=1, per_date=1))
    assert [k.date for k in out.chronology.key_dates] == [date(2024, 12, 2)]
    assert len(out.chronology.events) == 1 and "Idlib" in out.chronology.events[0].what


def test_an_event_whose_sources_disagree_on_the_day_is_not_the_days_sentence() -> None:
    from timeline.models import Conflict, ConflictValue

    arts = [Article(id=f"a{i}", text="x", published=D0 + timedelta(days=3)) for i in range(3)]
    disputed = _event("a0", D0, "The dam burst and flooded the valley, officials said.")
    disputed = disputed.model_copy(update={"conflicts": [Conflict(kind="date", label="date", values=[
        ConflictValue(value=D0.isoformat(), article_id="a0"),
        ConflictValue(value=(D0 + timedelta(days=1)).isoformat(), article_id="a1")])]})
    plain = _event("a2", D0, "The dam burst after days of rain, officials said.")
    cut = key_dates(Chronology(events=[disputed, plain]), arts, 1, 1)
    assert [e.what for e in cut.events] == [plain.what]


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "json"])
def test_cli_key_dates_in_every_format(tmp_path, fmt: str) -> None:  # type: ignore[no-untyped-def]
    import json

    from timeline.cli.main import main

    story = tmp_path / "story.jsonl"
    rows = [{"id": "a", "published": "2024-12-03", "text": "Rebels seized the town of Idlib on Monday, the army said."},
            {"id": "b", "published": "2024-12-05", "text": "Rebels captured Idlib on Monday after a week of fighting."},
            {"id": "c", "published": "2024-12-05", "text": "The talks were held on Wednesday in Geneva, diplomats said."}]
    story.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    out = tmp_path / f"out.{fmt}"
    assert main(["brief", str(story), "--engine", "local", "--key-dates", "1", "--format", fmt, "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    if fmt == "json":
        data = json.loads(text)
        assert data["chronology"]["key_dates"][0]["date"] == "2024-12-02"
        # the day not chosen is left out of the chronology and listed as not used ("filtered")
        text = json.dumps(data["chronology"])
        assert any(n["reason"] == "filtered" and "Geneva" in n["text"]
                   for a in data["not_used"] for n in a["sentences"])
    assert "Idlib" in text and "Geneva" not in text
    if fmt != "json":
        assert "key date 1 of 1" in text


def test_cli_rejects_out_of_range_key_dates(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from timeline.cli.main import EXIT_USAGE, main

    story = tmp_path / "a.txt"
    story.write_text("Rebels seized Idlib on Monday.", encoding="utf-8")
    assert main(["brief", str(story), "--key-dates", "0"]) == EXIT_USAGE
    assert main(["brief", str(story), "--key-dates", "3", "--per-date", "0"]) == EXIT_USAGE
