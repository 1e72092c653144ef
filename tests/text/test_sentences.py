"""Sentence and paragraph spans, including wire copy wrapped at a fixed width."""
from __future__ import annotations

import datetime as dt
import textwrap

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from timeline.engines.local import extract_events
from timeline.models import Article
from timeline.text.sentences import paragraphs, sentences

WRAPPED = (
    "Indonesia has issued licences to\n"
    "traders to import palm oil to avert a possible shortage of\n"
    "cooking oil during the fasting month, Trade Minister Rachmat\n"
    "Saleh told Reuters on Tuesday.\n"
    "    \"We have given permission for a small amount of imports to\n"
    "prevent a shortage,\" he said. He gave no figures\n"
    "for the amount to be imported.\n"
    "    Exports in the first 11 months of\n"
    "1986 were 469,100 tonnes, according to central bank figures.\n"
    " REUTER\n"
)


def _texts(text: str) -> list[str]:
    return [" ".join(text[a:b].split()) for a, b in sentences(text)]


def test_wrapped_wire_copy_gives_whole_sentences() -> None:
    assert _texts(WRAPPED) == [
        "Indonesia has issued licences to traders to import palm oil to avert a possible shortage of "
        "cooking oil during the fasting month, Trade Minister Rachmat Saleh told Reuters on Tuesday.",
        '"We have given permission for a small amount of imports to prevent a shortage," he said.',
        "He gave no figures for the amount to be imported.",
        "Exports in the first 11 months of 1986 were 469,100 tonnes, according to central bank figures.",
        "REUTER",
    ]


def test_indented_lines_start_paragraphs_in_wrapped_text() -> None:
    spans = list(paragraphs(WRAPPED))
    assert [WRAPPED[a:b].split()[0] for a, b in spans] == ["Indonesia", '"We', "Exports", "REUTER"]


def test_one_line_paragraphs_stay_lines() -> None:
    text = "Storm hits the coast\nThe storm made landfall on Monday.\nPower was cut to 5,000 homes.\n"
    assert [text[a:b] for a, b in paragraphs(text)] == [
        "Storm hits the coast",
        "The storm made landfall on Monday.",
        "Power was cut to 5,000 homes.",
    ]


def test_a_list_whose_items_end_in_commas_is_not_wrapped_text() -> None:
    text = (
        "Firms gave three reasons for not making the move:\n\n"
        " - operations are part of their core function, \n"
        " - they are worried about the risk, \n"
        " - they fear damage to their brand.\n"
    )
    assert len(list(paragraphs(text))) == 4


def test_wrapped_blank_line_paragraphs_are_joined_within_and_split_between() -> None:
    text = (
        "The council voted on Monday to close\nthe library, officials said.\n\n"
        "Residents protested outside the\nbuilding on Tuesday evening.\n"
    )
    assert _texts(text) == [
        "The council voted on Monday to close the library, officials said.",
        "Residents protested outside the building on Tuesday evening.",
    ]


def test_offline_engine_quotes_the_whole_wrapped_sentence() -> None:
    article = Article(id="wire", text=WRAPPED, published=dt.date(2024, 3, 20))
    quotes = [" ".join(event.evidence[0].quote.split()) for event in extract_events(article)]
    assert any(quote.startswith("Indonesia has issued licences to traders") for quote in quotes)
    assert not any(quote.startswith(("traders", "cooking oil", "Saleh told")) for quote in quotes)


_WORDS = st.sampled_from(
    "the council said on monday that its budget would rise by 5% next year after a long debate".split()
)
_SENTENCE = st.lists(_WORDS, min_size=6, max_size=18).map(lambda words: " ".join(words).capitalize() + ".")


@settings(max_examples=60, deadline=None)
@given(st.lists(_SENTENCE, min_size=3, max_size=8), st.integers(min_value=30, max_value=72))
def test_wrapping_a_paragraph_does_not_change_its_sentences(body: list[str], width: int) -> None:
    """A paragraph wrapped at any width reads as the same sentences as on one line."""
    one_line = " ".join(body)
    lines = textwrap.wrap(one_line, width)
    inside = sum(not line.endswith(".") for line in lines[:-1])
    # wrapped text shows itself by lines that stop mid-sentence (two, and a quarter of the breaks)
    assume(inside >= 2 and 4 * inside >= len(lines) - 1)
    wrapped = "\n".join(lines) + "\n"
    assert _texts(wrapped) == _texts(one_line)
    for a, b in sentences(wrapped):
        assert wrapped[a:b] == wrapped[a:b].strip()


def test_a_dateline_names_no_actor() -> None:
    """"ST. PAUL, Minn. --" says where the report was filed: "Minn." is nobody."""
    text = "ST. PAUL, Minn. -- The Minnesota House early Friday morning approved a bill, Speaker Jo Lin said."
    [event] = extract_events(Article(id="d", text=text, published=dt.date(2023, 3, 24)))
    assert "Minn" not in event.who and "Speaker Jo Lin" in event.who


def test_a_line_that_opens_in_lower_case_or_with_a_comma_continues_the_sentence() -> None:
    """Real text split one sentence a line at an abbreviation: ', chairman of the House ...' and
    'said at Kirk's hearing yesterday.' were events of their own."""
    text = ("Sen. Max Baucus (D-Mont.)\nsaid at the hearing yesterday that trade was frayed.\n"
            "She dispatched Rep. Barney Frank (D-Mass.)\n, chairman of the committee, to act.\nThe next line.")
    found = [" ".join(text[a:b].split()) for a, b in sentences(text)]
    assert found == ["Sen. Max Baucus (D-Mont.) said at the hearing yesterday that trade was frayed.",
                     "She dispatched Rep. Barney Frank (D-Mass.) , chairman of the committee, to act.", "The next line."]


def test_a_quoted_question_or_exclamation_stays_with_its_speaker() -> None:
    # cut at the "?", the speaker's tail was said alone as an event ("Trump wrote on his site early Friday.")
    text = ("“Who would close a bridge that carries 40,000 cars a day?” the senator wrote on his site early Friday. "
            "“Is it over?” asked Ms Lee. “Go home!” The crowd left. “Why now?” The question hung in the air.\n")
    assert _texts(text) == [
        "“Who would close a bridge that carries 40,000 cars a day?” the senator wrote on his site early Friday.",
        "“Is it over?” asked Ms Lee.",
        "“Go home!”",
        "The crowd left.",
        "“Why now?”",
        "The question hung in the air.",
    ]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab. ,\t\r\u00a0\u2028")), max_size=30))
def test_one_line_is_read_as_the_general_case_reads_it(line: str) -> None:
    # without a line break the line is taken whole (a fast path); with one after it the
    # general case splits and strips the lines: the same paragraph either way (issue 26)
    assert list(paragraphs(line)) == list(paragraphs(line + "\n"))
    assert list(sentences(line)) == list(sentences(line + "\n"))
