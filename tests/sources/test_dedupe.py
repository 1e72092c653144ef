"""Duplicates and syndication (issue 14): the same file twice, a symlink, identical and
near-identical texts are read once and listed as copies; boilerplate lines are set aside."""
from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.sources.dedupe import boilerplate_lines, dedupe
from timeline.models import Article
from timeline.sources import load_articles

from common import ROOT, run_cli

WIRE = ("CEDAR FALLS (Harbor Wire) — Some 5,000 people were forced to leave their homes in Cedar Falls on Sunday "
        "night as the wildfire spread, said Dana Ruiz, the county's fire chief. Sheriff Tom Alvarez said deputies "
        "went door to door through the night on Sunday. Halvard Power confirmed on Monday that it had cut "
        "electricity to 12,000 customers in the area.")


def _article(id: str, text: str, published: str | None = None, source: str | None = None) -> Article:
    return Article(id=id, text=text, published=date.fromisoformat(published) if published else None, source=source)


def test_identical_text_modulo_boilerplate_is_one_article() -> None:
    a = _article("wire", WIRE + "\n© 2025 Harbor Wire. All rights reserved.", "2025-07-14", "Harbor Wire")
    b = _article("herald", "Subscribe to the Pine Herald today.\n" + WIRE + "\nDistributed by the Pine Herald.",
                 "2025-07-15", "Pine Herald")
    result = dedupe([b, a])
    assert [x.id for x in result.articles] == ["wire"]  # the earliest published is kept
    [copy] = result.copies["wire"]
    assert copy.id == "herald" and copy.source == "Pine Herald" and copy.reason == "identical text"


def test_a_changed_word_is_still_a_copy_but_other_figures_are_not() -> None:
    a = _article("a", WIRE, "2025-07-14")
    b = _article("b", WIRE.replace("spread", "raged"), "2025-07-14")
    assert [x.id for x in dedupe([a, b]).articles] == ["a"]
    assert dedupe([a, b]).copies["a"][0].reason.startswith("near-identical text")
    templated = _article("c", WIRE.replace("5,000", "6,500").replace("12,000", "9,000"), "2025-07-21")
    assert [x.id for x in dedupe([a, templated]).articles] == ["a", "c"]


def test_a_story_quoted_inside_a_digest_is_not_a_copy() -> None:
    digest = _article("digest", WIRE + " " + " ".join(f"Item {i}: the council met and voted on plan {i}." for i in range(30)))
    assert len(dedupe([_article("a", WIRE), digest]).articles) == 2


def test_boilerplate_lines_are_blanked_keeping_offsets() -> None:
    text = "The bridge reopened on Monday, the county said.\n© 2025 Harbor Wire.\nAdvertisement\nFollow us on X for more."
    spans = boilerplate_lines(text)
    assert [text[s:e] for s, e in spans] == ["© 2025 Harbor Wire.", "Advertisement", "Follow us on X for more."]
    [kept] = dedupe([_article("a", text)]).articles
    assert len(kept.text) == len(text) and kept.text.startswith("The bridge reopened") and "©" not in kept.text


def test_same_path_twice_and_a_symlink_are_read_once(tmp_path: Path) -> None:
    story = ROOT / "seeds" / "story" / "1-coastal-courier.md"
    link = tmp_path / "link.md"
    try:
        os.symlink(story, link)
    except OSError:
        pytest.skip("symlinks not supported here")
    articles = load_articles([str(story), str(story), str(link)]).articles
    result = dedupe(articles)
    assert len(result.articles) == 1
    assert sorted(c.reason for c in result.copies[result.articles[0].id]) == ["same file", "symlink to a file already read"]
    proc = run_cli("brief", str(story), str(story), str(link), "--format", "json")
    briefing = json.loads(proc.stdout)
    assert len(briefing["articles"]) == 1 and len(briefing["articles"][0]["copies"]) == 2
    assert all(e["sources"] == [briefing["articles"][0]["id"]] for e in briefing["chronology"]["events"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=300), min_size=1, max_size=6))
def test_never_raises_and_keeps_one_of_each_text(texts: list[str]) -> None:
    articles = [_article(f"a{i}", t) for i, t in enumerate(texts)]
    result = dedupe(articles)
    kept = {a.id for a in result.articles}
    assert kept | set(result.copy_of) == {a.id for a in articles} and not kept & set(result.copy_of)


def _council_report(place: str, paragraphs: int) -> str:
    """Templated local reports: the same sentences, a different place (about 30% of 5-grams shared)."""
    return "\n\n".join(f"On May {i + 1}, 2024, the council of {place} district {i} voted to fund project {place}-{i}. "
                       f"Residents of {place} district {i} said the vote followed a long debate."
                       for i in range(paragraphs))


_SEEDED_RUN = """
import sys
from timeline.sources.dedupe import dedupe
from timeline.models import Article
texts = sys.stdin.read().split("\\f")
print(sorted(dedupe([Article(id=str(i), text=t) for i, t in enumerate(texts)]).copy_of.items()))
"""


def test_which_articles_are_copies_does_not_depend_on_the_interpreters_hash_seed() -> None:
    """Python's string hash changes with PYTHONHASHSEED; dedupe must not: templated reports of two
    places were called copies in about one run in forty when it sampled by that hash."""
    import subprocess
    import sys

    texts = [_council_report(p, n) for p in ("Alder", "Birch", "Cedar") for n in (6, 10)] + [WIRE, WIRE + " More."]
    answers = set()
    for seed in ("0", "1", "7", "40", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        done = subprocess.run([sys.executable, "-c", _SEEDED_RUN], input="\f".join(texts), env=env,
                              capture_output=True, text=True, check=True)
        answers.add(done.stdout.strip())
    assert answers == {"[('7', '6')]"}  # only the wire story with one more word is a copy


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["Alder", "Birch", "Cedar", "Dover", "Elm"]), st.sampled_from(["Fir", "Gale", "Hale"]),
       st.integers(min_value=2, max_value=30))
def test_templated_reports_of_different_places_are_not_copies(first: str, second: str, paragraphs: int) -> None:
    pair = [_article("a", _council_report(first, paragraphs)), _article("b", _council_report(second, paragraphs))]
    assert dedupe(pair).copy_of == {}
