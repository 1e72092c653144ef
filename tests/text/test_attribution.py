"""Attribution rules: who says so, and what is not a source.

Measured two ways (issue 14): a table of attributed sentences written for this purpose
(tests/data/attribution_table.tsv, every newsroom form at the start, middle and end of a
sentence), and precision/recall on every sentence of the seed article and the test stories,
labelled by hand below.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.text.attribution import find_attribution, sources_cited
from timeline.text.sentences import sentences

ROOT = Path(__file__).resolve().parents[2]
TABLE = [tuple(line.rstrip("\n").split("\t")) for line in
         (ROOT / "tests" / "data" / "attribution_table.tsv").read_text(encoding="utf-8").splitlines()
         if line.strip() and not line.startswith("#")]


def test_the_table_is_big_enough_and_well_formed() -> None:
    assert len(TABLE) >= 150 and all(len(row) == 2 for row in TABLE)
    assert sum(1 for _, source in TABLE if source != "-") >= 150


@pytest.mark.parametrize("sentence, source", TABLE)
def test_attribution_table(sentence: str, source: str) -> None:
    assert find_attribution(sentence) == (None if source == "-" else source)


HELD_OUT = [tuple(line.rstrip("\n").split("\t")) for line in
            (ROOT / "tests" / "data" / "attribution_heldout.tsv").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def test_held_out_sentences_precision_and_recall() -> None:
    """Sentences written after the rules were frozen. First run: precision 17/18, recall 17/23
    (case-insensitive); three general bugs it showed were fixed (a "statement" head cut off,
    "X, 54, said" / "X, speaking ..., said" asides, "“...,” the mayor told"). Not all must pass:
    this measures, it does not pin."""
    got = [(find_attribution(s), None if e == "-" else e) for s, e in HELD_OUT]
    returned = [(g, e) for g, e in got if g is not None]
    correct = sum(1 for g, e in returned if e is not None and g.lower() == e.lower())
    expected = sum(1 for _, e in got if e is not None)
    print(f"held-out attribution: precision {correct}/{len(returned)}, recall {correct}/{expected}")
    assert correct / len(returned) >= 0.9 and correct / expected >= 0.85


def test_a_label_in_parentheses_is_cited_but_does_not_govern_the_claim() -> None:
    sentence = ("Hayat Tahrir al-Sham (a group labeled as a terrorist organization by several countries) "
                "gained ground.")
    assert find_attribution(sentence) is None
    assert sources_cited(sentence) == ["several countries"]


def test_an_act_is_not_a_claim() -> None:
    assert find_attribution("Mayor Lena Ortiz declared a state of emergency in Port Aldren today.") is None
    assert find_attribution("Mayor Lena Ortiz declared that the city was safe.") == "Mayor Lena Ortiz"


def test_the_apposition_never_wins() -> None:
    assert find_attribution("Some 5,000 people left, said Dana Ruiz, the county's fire chief.") == "Dana Ruiz"
    assert find_attribution("According to Dana Ruiz, a spokeswoman for the county, it burned.") == "Dana Ruiz"


# Every sentence of the seed and of both stories, with the source a careful reader names
# (None: the sentence attributes nothing).
REAL = {
    "seeds/000_e3cd228ed5e53f9a.txt": {
        "At least 25 people lost": "the White Helmets", "The Syrian army reported": "the Syrian army",
        "This came as President": "President Bashar al-Assad", "Residents described": "residents",
        "At least seven people": "rescue workers on the ground", "While the Syrian army": "the Syrian army and Russia",
        "The White Helmets reported": "the White Helmets", "In response, Assad": "Assad",
        "The Syrian army confirmed": "the Syrian army", "Meanwhile, reports from": "Russian sources",
        "During a visit": "Iranian Foreign Minister Abbas Araqchi",
    },
    "seeds/story/1-coastal-courier.md": {"At least 12": "the Port Aldren fire department",
                                         "Rescue divers": "the fire department", "Witnesses": "witnesses"},
    "seeds/story/2-northern-ledger.md": {"The death toll": "police", "Divers": "police spokesman Tomas Reyes"},
    "seeds/story/3-aldren-daily.md": {"Transport Minister": "the ministry"},
    "seeds/story/4-harbor-wire.md": {"Transport Minister": "the ministry", "The Kessel": "the fire department",
                                     "City records": "city records"},
    "seeds/story-update/5-riverside-times.md": {"Engineers": "engineers from the national roads agency",
                                                "Transport Minister": "the ministry"},
}


def _sentences(path: str) -> list[str]:
    text = (ROOT / path).read_text(encoding="utf-8")
    if text.startswith("---"):
        text = text.split("---", 2)[2]
    return [text[s:e] for s, e in sentences(text)]


def test_precision_and_recall_on_the_seed_and_the_story() -> None:
    returned = correct = expected = 0
    wrong = []
    for path, labels in REAL.items():
        for sentence in _sentences(path):
            gold = next((v for k, v in labels.items() if sentence.startswith(k)), None)
            got = find_attribution(sentence)
            expected += gold is not None
            returned += got is not None
            correct += got is not None and got == gold
            if got != gold:
                wrong.append((sentence[:60], got, gold))
    precision, recall = correct / returned, correct / expected
    print(f"attribution on seed+story: precision {precision:.3f} ({correct}/{returned}), "
          f"recall {recall:.3f} ({correct}/{expected})")
    assert precision >= 0.95 and recall >= 0.9, wrong


@settings(max_examples=100, deadline=None)
@given(st.text())
def test_never_raises(text: str) -> None:
    found = find_attribution(text)
    assert found is None or found.strip()
    sources_cited(text)


@given(st.sampled_from([(s, src) for s, src in TABLE if src != "-" and " " in s]), st.data())
@settings(max_examples=60, deadline=None)
def test_a_hard_wrapped_line_reads_as_the_unwrapped_one(row: tuple[str, str], data: st.DataObject) -> None:
    """Wire copy is wrapped at a fixed width ("said Dana Johnson of\\nFirst National Bank"): a
    single line break inside a sentence is a space, so the source is the same as unwrapped,
    never cut at the wrap ("Dana Johnson of")."""
    sentence, source = row
    spaces = [i for i, ch in enumerate(sentence) if ch == " "]
    at = data.draw(st.sampled_from(spaces))
    wrapped = sentence[:at] + "\n" + sentence[at + 1:]
    assert find_attribution(wrapped) == source
