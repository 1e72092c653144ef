"""Attribution rules: who says so, and what is not a source."""
from __future__ import annotations

import pytest

from timeline.attribution import find_attribution


@pytest.mark.parametrize("sentence, source", [
    ("At least 25 people died, according to the White Helmets, a rescue group.", "the White Helmets"),
    ("The Syrian army reported reclaiming several towns.", "the Syrian army"),
    ("Meanwhile, reports from Russian sources stated that Moscow had dismissed Sergei Kisel.", "Russian sources"),
    ("In response, Assad declared, “Terrorists only understand the language of force.”", "Assad"),
    ("While the Syrian army and Russia claim their strikes target hideouts, they deny it.", "the Syrian army and Russia"),
    ("“We will stay,” said spokesman Kenneth Bacon.", "spokesman Kenneth Bacon"),
    ("Five other teams visited nine sites, the agency reported.", "the agency"),
    ("It was raining, officials said.", "officials"),
    ("One site was a barracks, a well-placed source told The Associated Press.", "a well-placed source"),
    ("Divers searched the water for survivors, the fire department said.", "the fire department"),
    ("Witnesses described a loud crack.", "witnesses"),
    ("Hayat Tahrir al-Sham (a group labeled as a terrorist organization by several countries) gained ground.",
     "several countries"),
])
def test_sources_found(sentence: str, source: str) -> None:
    assert find_attribution(sentence) == source


@pytest.mark.parametrize("sentence", [
    "The bridge opened in 1968.",
    "The United States had moved troops into the Gulf and said it would strike Iraq.",
    "Since the war began in 2011, it has claimed hundreds of thousands of lives.",
])
def test_no_source_invented(sentence: str) -> None:
    assert find_attribution(sentence) is None


def test_an_act_is_not_a_claim() -> None:
    assert find_attribution("Mayor Lena Ortiz declared a state of emergency in Port Aldren today.") is None
    assert find_attribution("Mayor Lena Ortiz declared that the city was safe.") == "Mayor Lena Ortiz"
