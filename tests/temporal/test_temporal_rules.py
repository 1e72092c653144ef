"""Every grammar rule carries its own test rows (``examples=`` beside the rule); run them all."""
from __future__ import annotations

from datetime import date

import pytest

from timeline.temporal import GRAMMAR, tag

ROWS = [(rule.name, *example) for rule in GRAMMAR.rules for example in rule.examples]


def test_every_rule_has_rows():
    assert [r.name for r in GRAMMAR.rules if not r.examples] == []


def test_rule_names_are_unique():
    names = [r.name for r in GRAMMAR.rules]
    assert len(names) == len(set(names))


RULES = {rule.name: rule for rule in GRAMMAR.rules}


def _declines(rule_name: str, text: str, ref: date) -> bool:
    """The rule's pattern matches ``text`` and its handler gives no value there (it decided "no date")."""
    rule = RULES[rule_name]
    tried = False
    for m in rule.pattern.finditer(text):
        tried = True
        got = rule.handler(m, text, ref, False)
        if any(c.value for c in (got if isinstance(got, list) else [got] if got else [])):
            return False
    return tried


@pytest.mark.parametrize("rule, ref, text, value, precision", ROWS, ids=[f"{r[0]}:{r[2][:30]}" for r in ROWS])
def test_rule_row(rule, ref, text, value, precision):
    """A row checks its own rule: the dating expression was produced by the named rule, and a row
    that expects no value is one where that rule matched and decided there is none."""
    on = date.fromisoformat(ref)
    tagged = tag(text, on)
    found = [e for e in tagged if e.value]
    got = (found[-1].value, found[-1].precision) if found else (None, "unknown")
    assert got == (value, precision)
    if value is not None:
        assert found[-1].rule == rule
    else:
        assert any(e.rule == rule for e in tagged) or _declines(rule, text, on)


def test_narrative_references_say_what_they_are_anchored_to():
    text = "The ship sank on June 3, 2021.\n\nThe next day, divers arrived. Police said the previous day that"
    found = tag(text, date(2025, 3, 5))
    assert [(e.text, e.value, e.anchor) for e in found] == [
        ("June 3, 2021", "2021-06-03", None),
        ("The next day", "2021-06-04", "narrative:2021-06-03"),
        ("the previous day", "2021-06-03", "narrative:2021-06-04"),
    ]
    alone = tag("Police said the previous day that", date(2025, 3, 5))
    assert [(e.value, e.anchor) for e in alone] == [("2025-03-04", "published")]


def test_story_date_lapses_after_an_undated_paragraph():
    text = "It sank on June 3, 2021.\n\nDivers came.\n\nThe next day, it rained."
    # the story's date has lapsed, and "the next day" after the publication date would put a
    # past happening in the future: it stays unresolved
    assert tag(text, date(2025, 3, 5))[-1].value is None


@pytest.mark.parametrize(
    "text",
    [
        "Two days later, police arrested him.",
        "The next day, he resigned.",
        "Twenty years later, the band reunited.",
        "A week later, the talks collapsed.",
        "The following Monday, the court ruled.",
        "Three months later, the plant closed.",
        "The day after, protesters returned.",
    ],
)
def test_forward_references_without_a_told_date_stay_unresolved(text: str) -> None:
    """Later than what? With no date told before them, these are not the publication date."""
    found = tag(text, date(2025, 3, 5))
    assert found and all(e.value is None for e in found)
    told = tag("The plant opened on June 3, 2021. " + text, date(2025, 3, 5))
    assert told[-1].value is not None and told[-1].value > "2021-06-03"
    assert told[-1].anchor is not None and told[-1].anchor.startswith("narrative:2021")


@pytest.mark.parametrize(
    ("text", "value"),
    [("A year earlier, profits were lower.", "2024"), ("The day before, police said.", "2025-03-04")],
)
def test_backward_references_without_a_told_date_count_back_from_publication(text: str, value: str) -> None:
    """News compares with a year earlier than now: backward references keep the publication anchor."""
    found = tag(text, date(2025, 3, 5))
    assert [(e.value, e.anchor) for e in found] == [(value, "published")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("She quit over the Jan. 6, 2021, riot. His rhetoric was like the rhetoric he used around Jan. 6.",
         "2021-01-06"),
        ("The attacks of Sept. 11, 2001 changed the city. Since Sept. 11, security has tightened.", "2001-09-11"),
        ("Protests began on Oct. 7, 2019. The anger of Oct. 7 has not faded.", "2019-10-07"),
        # an anniversary story tells this year's day with "on"
        ("On Jan. 6, 2021, rioters stormed the Capitol. On Jan. 6, Biden spoke at a memorial.", "2023-01-06"),
        # a different day keeps the ordinary reading
        ("The riot was on Jan. 6, 2021. The hearing ended Jan. 9.", "2023-01-09"),
    ],
)
def test_a_day_told_again_without_its_year_is_the_day_told_before(text: str, value: str) -> None:
    assert tag(text, date(2023, 3, 23))[-1].value == value


def test_a_day_reference_after_the_story_moved_to_another_month_has_no_day():
    text = "The bank collapsed on June 3, 2021. In July 2022 it was sold. The next day, shares fell."
    found = {e.text: (e.value, e.anchor) for e in tag(text, date(2025, 3, 5))}
    assert found["July 2022"] == ("2022-07", None)
    assert found["The next day"] == (None, None)  # not the publication date's next day


def test_an_earlier_month_does_not_move_the_story_off_its_day():
    text = "Ford said on Tuesday that sales rose in February, up from last year. Shares fell later in the day."
    found = {e.text: (e.value, e.anchor) for e in tag(text, date(2010, 3, 3))}
    assert found["Tuesday"][0] == "2010-03-02"
    assert found["later in the day"] == ("2010-03-02", "narrative:2010-03-02")


def test_an_offset_joins_the_date_it_counts_from():
    found = tag("Talks broke down two days before Christmas, officials said.", date(2025, 3, 5))
    assert [(e.text, e.value, e.precision) for e in found] == [("two days before Christmas", "2024-12-23", "day")]


@pytest.mark.parametrize(("text", "ref", "day", "year"), [
    ("He was killed on January 8 last year, police said.", date(1997, 4, 15), "1996-01-08", "1996"),
    ("The plant opens on March 1 next year.", date(2025, 3, 5), "2026-03-01", "2026"),
    ("Sales peaked on Dec. 2 this year.", date(2025, 3, 5), "2025-12-02", "2025"),
])
def test_a_month_day_takes_the_year_named_after_it(text: str, ref: date, day: str, year: str) -> None:
    """"January 8 last year" is a day in last year whatever the tense; "last year" stays its own
    expression with the year."""
    assert [(e.value, e.precision) for e in tag(text, ref) if e.value] == [(day, "day"), (year, "year")]


def test_that_day_is_the_told_day_or_nothing():
    told = tag("Police said the man was shot on Oct. 23, 1998. That same day, his name was removed.", date(1999, 2, 6))
    assert [(e.value, e.anchor) for e in told if e.text.lower().startswith("that")] == [
        ("1998-10-23", "narrative:1998-10-23")]
    month_only = tag("He was killed last October. His name was crossed out that same day.", date(1999, 2, 6))
    assert [e.value for e in month_only if e.text == "that same day"] == [None]  # not the publication date
