"""Property-based tests: the offline engine's public entry points never raise on generated input.

Inputs: arbitrary text, text built from date words and numbers, publication dates from year 1
to 9999. The tagger's own properties belong to tests/test_temporal*.py (issue 11). Until the
tagger never raises, an exception whose traceback passes through ``timeline.temporal`` is the
tagger's (recorded in temporal-crashes.md), never the engine's; everything else must hold now.
``brief()`` must hold whatever the tagger does: a defect fails a chunk, never the run.
"""
from __future__ import annotations

import asyncio
import json
import traceback
from datetime import date

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from timeline.engines.local import LocalEngine, extract_events
from timeline.errors import AllChunksFailed, ChunkFailed
from timeline.models import Article, Chronology
from timeline.options import BriefOptions
from timeline.run.pipeline import brief, chunk_articles

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

DATE_WORDS = [
    "Monday", "Friday", "Sunday", "January", "May", "December", "Jan.", "Sept.", "today", "yesterday", "tomorrow",
    "tonight", "the day before yesterday", "last", "next", "this", "week", "month", "year", "years", "decade",
    "century", "ago", "earlier", "later", "since", "until", "from", "to", "between", "and", "in", "on", "of",
    "the", "early", "mid", "late", "Fourth of July", "Christmas", "Easter", "New Year's Day", "spring", "fall",
    "quarter", "fiscal", "morning", "p.m.", "a.m.", "GMT", "BC", "AD", "'90s", "1990s", "first", "second",
    "third", "fourth", "a.m", "-", "/", ".", ",", "YEARS AGO", "DAYS", "THE", "said", "He", "was", "set", "to",
]
NUMBERS = st.one_of(st.integers(-10, 100_000).map(str), st.sampled_from(["0", "00", "7000", "31st", "2nd", "1e9",
                                                                         "12/31/2024", "2024-02-30", "99999999999"]))
DATE_TEXT = st.lists(st.one_of(st.sampled_from(DATE_WORDS), NUMBERS), min_size=1, max_size=25).map(" ".join)
ANY_TEXT = st.text(min_size=1, max_size=300)
TEXTS = st.one_of(ANY_TEXT, DATE_TEXT, st.lists(DATE_TEXT, min_size=1, max_size=4).map(". ".join))
PUBLISHED = st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))


def raised_in_tagger(exc: BaseException) -> bool:
    """True when ``exc`` escaped from the date tagger (issue 11's), not from the engine's code."""
    frames = traceback.extract_tb(exc.__traceback__)
    return any("/temporal" in frame.filename.replace("\\", "/") for frame in frames)


def article(text: str, published: date | None) -> Article:
    return Article(id="a", text=text, published=published)


@SETTINGS
@given(text=TEXTS, published=PUBLISHED)
def test_extract_events_raises_only_from_the_tagger(text: str, published: date | None) -> None:
    try:
        events = extract_events(article(text, published))
    except Exception as exc:  # noqa: BLE001 - we assert where it came from
        assert raised_in_tagger(exc), traceback.format_exc()
        return
    for event in events:
        for ev in event.evidence:
            assert 0 <= ev.start < ev.end <= len(text) and text[ev.start:ev.end] == ev.quote


@SETTINGS
@given(text=TEXTS, published=PUBLISHED)
def test_extract_pack_never_raises(text: str, published: date | None) -> None:
    a = article(text, published)
    chunks = chunk_articles([a], BriefOptions(max_chunk_tokens=50))
    results = asyncio.run(LocalEngine().propose_pack(chunks, {"a": a}))
    assert len(results) == len(chunks)
    for result in results:
        if isinstance(result, ChunkFailed):
            assert result.reason.startswith("internal error:") and "\n" not in result.reason


@SETTINGS
@given(texts=st.lists(TEXTS, min_size=1, max_size=3), published=PUBLISHED)
@example(texts=["\u2028"], published=None)  # only white space: no chunk at all, and nothing failed
def test_brief_never_raises_and_never_claims_an_empty_read(texts: list[str], published: date | None) -> None:
    articles = [Article(id=f"a{i}", text=t, published=published) for i, t in enumerate(texts)]
    try:
        briefing = brief(articles, BriefOptions(engine="local"))
    except AllChunksFailed as exc:  # allowed, and only when every chunk failed
        assert exc.failed == len(chunk_articles(articles, BriefOptions()))
        return
    chunks = len(chunk_articles(articles, BriefOptions()))
    assert len(briefing.failed_chunks) < chunks or (chunks == 0 and not briefing.failed_chunks)  # all-space text: no chunk
    for event in briefing.chronology.events + briefing.chronology.undated:
        for ev in event.evidence:
            source = next(a for a in articles if a.id == ev.article_id)
            assert source.text[ev.start:ev.end] == ev.quote


@SETTINGS
@given(texts=st.lists(TEXTS, min_size=1, max_size=3), published=PUBLISHED)
def test_summarize_never_raises(texts: list[str], published: date | None) -> None:
    articles = [Article(id=f"a{i}", text=t, published=published) for i, t in enumerate(texts)]
    events = []
    for a in articles:
        try:
            events.extend(extract_events(a))
        except Exception as exc:  # noqa: BLE001 - a tagger crash is issue 11's; summarize what we have
            assert raised_in_tagger(exc)
    chronology = Chronology(events=[e for e in events if e.when], undated=[e for e in events if not e.when])
    summary = asyncio.run(LocalEngine().summarize(chronology, articles))
    assert isinstance(summary.text, str)


# --- readers: any bytes in, an Article or one TimelineError out --------------------------------

FRONT_VALUES = st.one_of(st.text(max_size=40), st.sampled_from([
    "2025-03-05T22:10:00Z", "2025-02-30", "0000-01-01", "9999-12-31", "!!int 0x_", "[1, 2", "{a: b}", "~", "2025",
    "!!timestamp 2025-03-05", "*anchor", "&a [*a]", "'2025-03-05'", "2025-03-05 10:00:00 +05:00", "1e999"]))


@SETTINGS
@given(data=st.binary(max_size=400))
def test_any_bytes_on_stdin_are_an_article_or_one_input_error(data: bytes) -> None:
    import io

    from timeline.errors import TimelineError
    from timeline.sources import load_articles

    try:
        loaded = load_articles(["-"], stdin=io.BytesIO(data), max_bytes=300)
    except TimelineError as exc:
        assert "\n" not in str(exc)
        return
    assert loaded.articles[0].text.strip()


@SETTINGS
@given(key=st.sampled_from(["published", "date", "title", "id", "source", "url"]), value=FRONT_VALUES,
       body=st.text(min_size=1, max_size=80))
def test_any_front_matter_is_an_article_or_one_input_error(key: str, value: str, body: str) -> None:
    import io

    from timeline.errors import TimelineError
    from timeline.sources import load_articles

    data = f"---\n{key}: {value}\n---\n{body}".encode("utf-8", "surrogatepass")
    try:
        loaded = load_articles(["-"], stdin=io.BytesIO(data))
    except TimelineError as exc:
        assert "\n" not in str(exc)
        return
    published = loaded.articles[0].published
    assert published is None or 1000 <= published.year <= 2200


@SETTINGS
@given(line=st.one_of(st.text(max_size=120), st.builds(
    lambda text, published: json.dumps({"text": text, "published": published}),
    st.one_of(st.text(max_size=60), st.integers(), st.none()),
    st.one_of(st.none(), st.integers(), st.text(max_size=12), FRONT_VALUES))))
def test_any_jsonl_line_is_an_article_or_one_input_error(tmp_path_factory: object, line: str) -> None:
    from timeline.errors import TimelineError
    from timeline.sources import load_articles

    folder = tmp_path_factory.mktemp("jsonl")  # type: ignore[attr-defined]
    path = folder / "a.jsonl"
    path.write_text(line + "\n", encoding="utf-8", errors="surrogatepass")
    try:
        loaded = load_articles([str(path)])
    except TimelineError as exc:
        assert "\n" not in str(exc)
        return
    assert all(a.text.strip() for a in loaded.articles)
