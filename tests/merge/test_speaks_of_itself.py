"""``profile._speaks_of_itself`` finds a self-report without compiling a pattern per name (issue 26):
the answer must be the one the name's own compiled pattern gives."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from timeline.merge.profile import _self_report, _speaks_of_itself

_PIECES = ["Orvan Corp", "orvan corp", "ORVAN", "Ford", "ford", " said ", " says ", " reported that ", " it ",
           " its ", " he ", ", who tried to buy it,", " in a filing that ", ".", ",", " ", "sales rose", "Kell",
           "\u212a", "\u017f", "Fordham", "said it"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14), st.sampled_from(["Orvan Corp", "Ford", "Kell", "ORVAN", "K"]))
def test_same_answer_as_the_names_pattern(pieces: list[str], name: str) -> None:
    text = "".join(pieces)
    assert _speaks_of_itself(name, text) == (_self_report(name).search(text) is not None)


def test_a_company_reporting_its_own_act() -> None:
    assert _speaks_of_itself("Ford", "Ford said its sales rose 5%.")
    assert _speaks_of_itself("Kell", "KELL, who tried to buy Orvan, said in a filing that he sold.")
    assert not _speaks_of_itself("Ford", "Analysts said its sales rose, Ford noted.")
