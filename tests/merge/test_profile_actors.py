"""``Profile.actors`` is read when first asked (issue 26): it must be what reading it when the
profile is made gives, whatever is asked of the profile first."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from timeline.merge.profile import _actors, _cited, _text_of, profile
from timeline.models import Event, Evidence

_WORDS = ["Ford", "Orvan Corp", "police", "said", "its", "sales", "rose", "according to", "Lena Brask", "the mayor",
          ",", ".", "in", "Cedar Falls", "Monday", "fire", "destroyed", "a spokesman for", "told reporters", "it"]
_NAMES = ["Ford", "Orvan Corp", "Lena Brask", "Cedar Falls", "Monday", "police", "Fire"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=16), st.lists(st.sampled_from(_NAMES), max_size=4),
       st.lists(st.sampled_from(_NAMES), max_size=2), st.sampled_from([None, "police", "Ford", "the mayor"]))
def test_actors_read_late_are_the_actors_read_at_once(words: list[str], who: list[str], where: list[str],
                                                      attribution: str | None) -> None:
    text = " ".join(words)
    event = Event(when=None, what=text, who=who, where=where, attribution=attribution,
                  evidence=[Evidence(article_id="a", start=0, end=len(text), quote=text)])
    p = profile(event)
    eager = _actors(event, _text_of(event), _text_of(event).lower(), _cited(event), p.places)
    assert p.actors == eager
    assert p.actors == eager  # asked again: the same, from what was read the first time
    assert p.event is None


def test_a_named_actor_is_read() -> None:
    text = "The union and Ford agreed to cut 500 jobs in Cedar Falls on Monday."
    event = Event(when=None, what=text, who=["Ford"], where=["Cedar Falls"],
                  evidence=[Evidence(article_id="a", start=0, end=len(text), quote=text)])
    assert profile(event).actors == frozenset({"Ford"})
