"""Issue 26: no input ends a briefing.

The number readers (verify's ``numbers``, merge's figures) take any run of digits in any
notation; every stage after propose (verify, merge, figures, select, summary, render) drops
and lists the one event it cannot take (exit 3) instead of ending the run.
"""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.cli import main as cli
from timeline.merge import figures as figures_module
from timeline.models import Article
from timeline.options import BriefOptions
from timeline.run.pipeline import brief
from timeline.verify import support

PI = "3141592653589793238462643383279502884197"
MARK = "Zanzibar"

_digits = st.text(alphabet="0123456789", min_size=1, max_size=700)
_scale = st.sampled_from(["", " hundred", " thousand", " million", " billion", " trillion"])
_notation = st.one_of(
    _digits,
    st.builds(lambda a, b: f"{a}.{b}", _digits, _digits),
    st.builds(lambda a: f"{int(a[:300] or '0'):,}", _digits),
    st.builds(lambda a, s: f"{a}{s}", _digits, st.sampled_from(["st", "nd", "rd", "th", "%", "e400", "E-5"])),
    st.builds(lambda a: f"${a}", _digits),
    st.builds(lambda a: f"-{a}", _digits),
    st.sampled_from(["twenty-one", "forty two", "a dozen", "1e308", "1e309", "nan", "inf", "0x1F", "1_000"]),
)
_around = st.sampled_from(["{} people died", "killing {}", "at least {} homes", "about {} residents were evacuated",
                           "up to {}", "recited {} digits of pi", "the toll rose to {}", "{} ({})"])


@st.composite
def number_text(draw: Any) -> str:
    parts = [draw(_around).replace("{}", draw(_notation) + draw(_scale)) for _ in range(draw(st.integers(1, 3)))]
    return ", ".join(parts) + draw(st.sampled_from([".", "", " on March 3, 2024."]))


@settings(max_examples=300, deadline=None)
@given(number_text())
def test_the_number_readers_take_any_number(text: str) -> None:
    for value in support.numbers(text):
        assert value.isdigit() or float(value) == float(value)  # a plain number, or the "%g" of a fraction
    assert isinstance(support.missing_numbers(text, text), list)
    for figure in figures_module.find_figures(text):
        assert figure.low <= figure.high
    figures_module.figures(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_the_number_readers_take_any_text(text: str) -> None:
    support.numbers(text)
    figures_module.find_figures(text)


def test_a_huge_number_is_read_exactly() -> None:
    assert support.numbers("3" * 400 + " people") == {"3" * 400}
    assert support.numbers("7" * 400 + " million") == {"7" * 400 + "000000"}
    assert support.numbers("1.5 million and 40,000") == {"1500000", "40000"}  # unchanged for ordinary numbers


def _digit_run_story(tmp_path: Path) -> Path:
    tmp_path.mkdir()
    digits = PI * 10  # 400 digits: past what a float holds
    for i in (1, 2):
        (tmp_path / f"a{i}.md").write_text(
            f"---\ntitle: Record {i}\npublished: 2024-03-1{i}\n---\n"
            f"On March 9, 2024, a student recited {digits} digits of pi and {PI} more, officials said. "
            f"The old record of 70,000 digits fell on Friday.\n\n"
            f"The mayor said on March 10 that {digits} people had watched.\n")
    return tmp_path


def test_the_digit_run_article_through_the_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    story = _digit_run_story(tmp_path / "story")
    out = tmp_path / "b.json"
    assert cli.main(["brief", str(story), "--engine", "local", "-f", "json", "-o", str(out)]) == 0
    briefing = json.loads(out.read_text())
    assert any(PI in e["what"] for e in briefing["chronology"]["events"])
    assert "internal error" not in capsys.readouterr().err


# --- every stage after propose isolates one event --------------------------------------------

_names = st.sampled_from(["Smith", "the council", "Officials", "Police", "The mayor", "Rescuers"])
_verbs = st.sampled_from(["announced", "closed", "opened", "approved", "reported", "evacuated"])
_nouns = st.sampled_from(["the bridge", "a new plan", "12 schools", "the budget", "3,000 homes", "the port"])


@st.composite
def story(draw: Any) -> tuple[list[Article], int]:
    """Two or three articles of dated sentences, and which sentence carries the poison mark."""
    sentences = [f"On March {draw(st.integers(1, 28))}, 2024, {draw(_names)} {draw(_verbs)} {draw(_nouns)}."
                 for _ in range(draw(st.integers(3, 8)))]
    poisoned = draw(st.integers(0, len(sentences) - 1))
    sentences[poisoned] = sentences[poisoned].replace(",", f", {MARK}", 1)
    count = draw(st.integers(2, 3))
    articles = [Article(id=f"a{i}", title=f"Story {i}", published=date(2024, 4, 1),
                        text=" ".join(sentences[i::count]) or "Nothing happened.") for i in range(count)]
    return articles, poisoned


def _poison_events(events: Any) -> None:
    if any(MARK in e.what for e in events):
        raise ValueError("poisoned event")


def _patch(monkeypatch: pytest.MonkeyPatch, stage: str) -> None:
    """Make ``stage`` raise whenever the marked event is among those it is given."""
    import timeline.merge.combine as combine
    import timeline.run.pipeline as pipeline
    import timeline.run.propose as propose

    if stage == "verify":
        real_verify = propose.verify_events

        def verify(proposals: Any, *args: Any) -> Any:
            _poison_events(proposals)
            return real_verify(proposals, *args)
        monkeypatch.setattr(propose, "verify_events", verify)
    elif stage == "merge":
        real_merge = pipeline.merge

        def merge(events: Any, *args: Any) -> Any:
            events = list(events)
            _poison_events(events)
            return real_merge(events, *args)
        monkeypatch.setattr(pipeline, "merge", merge)
    elif stage == "figures":
        real_figures = combine._with_figures

        def with_figures(event: Any, articles: Any) -> Any:
            _poison_events([event])
            return real_figures(event, articles)
        monkeypatch.setattr(combine, "_with_figures", with_figures)
    elif stage == "select":
        real_select = pipeline.select_chronology

        def select(chronology: Any, *args: Any) -> Any:
            _poison_events(chronology.events + chronology.undated)
            return real_select(chronology, *args)
        monkeypatch.setattr(pipeline, "select_chronology", select)
    elif stage == "summary":
        real_check = pipeline.check_summary

        def check(summary: Any, chronology: Any, *args: Any) -> Any:
            _poison_events(chronology.events + chronology.undated)
            return real_check(summary, chronology, *args)
        monkeypatch.setattr(pipeline, "check_summary", check)


_STAGE_NAME = {"figures": "merge"}  # figures are read inside merge


@pytest.mark.parametrize("stage", ["verify", "merge", "figures", "select", "summary"])
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                HealthCheck.too_slow])
@given(generated=story())
def test_no_generated_event_kills_a_stage(monkeypatch: pytest.MonkeyPatch, stage: str,
                                          generated: tuple[list[Article], int]) -> None:
    articles, _ = generated
    with monkeypatch.context() as patched:
        _patch(patched, stage)
        briefing = brief(articles, BriefOptions(engine="local"))
    shown = briefing.chronology.events + briefing.chronology.undated
    assert not any(MARK in e.what for e in shown)
    failed = briefing.failed_events
    if failed:  # the marked sentence became an event that reached the stage
        assert all(d.reason.startswith(f"failed in {_STAGE_NAME.get(stage, stage)}: ValueError") for d in failed)
        assert any(MARK in d.what for d in failed)
        assert any(w.startswith("event failed:") for w in briefing.warnings)


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                HealthCheck.too_slow])
@given(generated=story())
def test_no_generated_event_kills_render(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: Any,
                                         generated: tuple[list[Article], int]) -> None:
    import timeline.render as render

    articles, _ = generated
    folder = tmp_path_factory.mktemp("story")
    for a in articles:
        (folder / f"{a.id}.md").write_text(f"---\ntitle: {a.title}\npublished: 2024-04-01\n---\n{a.text}\n")
    real = render.renderer

    def renderer(name: str) -> Any:
        inner = real(name)

        def run(briefing: Any, out: Any) -> None:
            _poison_events(briefing.chronology.events + briefing.chronology.undated)
            inner(briefing, out)
        return run
    out = folder / "b.json"
    with monkeypatch.context() as patched:
        patched.setattr(render, "renderer", renderer)
        code = cli.main(["brief", str(folder), "--engine", "local", "-f", "json", "-o", str(out)])
    written = json.loads(out.read_text())
    shown = written["chronology"]["events"] + written["chronology"]["undated"]
    assert not any(MARK in e["what"] for e in shown)
    failed = [d for d in written["dropped"] if d["reason"].startswith("failed in render")]
    assert code == (3 if failed else 0)
    assert all(MARK in d["what"] for d in failed)


def test_a_failed_event_is_exit_3(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.md").write_text(f"---\ntitle: A\npublished: 2024-04-01\n---\nOn March 3, 2024, {MARK} "
                                   "officials closed the port. On March 5, 2024, the council approved the budget.\n")
    _patch(monkeypatch, "merge")
    out = tmp_path / "b.json"
    assert cli.main(["brief", str(tmp_path / "a.md"), "--engine", "local", "-f", "json", "-o", str(out)]) == 3
    written = json.loads(out.read_text())
    assert [d["reason"].split(":")[0] for d in written["dropped"]] == ["failed in merge"]
    assert written["chronology"]["events"]
