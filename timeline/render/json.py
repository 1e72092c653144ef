"""JSON output: the Briefing model itself, with its schema_version.

Written in pieces: the long lists (``not_used`` holds every unused sentence: 9 of the 10 MB of
the 1,500-article story's briefing) are serialized item by item and spliced into the rest,
the same text as ``model_dump_json(indent=2)``. The whole text at once took about 25 MB
more at the run's memory peak (the serializer's growing buffer, its bytes, then the str).
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TextIO

from pydantic import BaseModel

from timeline.models import Briefing

INDENT = 2
# The lists written item by item: (the path of its field, from the briefing). Every other
# field is written as part of the rest.
SPLICED: tuple[tuple[str, ...], ...] = (("articles",), ("chronology", "events"), ("chronology", "undated"),
                                        ("not_used",), ("dropped",))


def render_json(briefing: Briefing) -> str:
    return "".join(pieces(briefing))


def render(briefing: Briefing, out: TextIO) -> None:
    for piece in pieces(briefing):
        out.write(piece)


def pieces(briefing: Briefing) -> Iterator[str]:
    """The briefing's JSON (``model_dump_json(indent=2)`` and a newline), in pieces of about
    one list item each. A field the splice cannot find once exactly (it never happens with
    these models; a guard for a model changed later) makes it the whole text at once."""
    lists = {path: _get(briefing, path) for path in SPLICED}
    lists = {path: items for path, items in lists.items() if items}
    skeleton = _emptied(briefing, list(lists))
    text = skeleton.model_dump_json(indent=INDENT)
    places = []
    for path, items in lists.items():
        marker = f"\n{' ' * (INDENT * len(path))}{_key(path[-1])}: []"
        at = text.find(marker)
        if at < 0 or text.find(marker, at + 1) >= 0:
            yield briefing.model_dump_json(indent=INDENT) + "\n"
            return
        places.append((at + len(marker) - 2, len(path), items))  # at its "[]"
    done = 0
    for at, depth, items in sorted(places, key=lambda p: p[0]):
        yield text[done:at]
        yield from _items(items, depth)
        done = at + 2
    yield text[done:] + "\n"


def _items(items: Sequence[BaseModel], depth: int) -> Iterator[str]:
    """A non-empty list at ``depth`` as the pretty printer writes it: each item on its own
    lines, one level deeper (a JSON string holds no raw newline, so every newline of an item's
    own text is one of its lines)."""
    pad = "\n" + " " * (INDENT * (depth + 1))
    yield "["
    for i, item in enumerate(items):
        yield ("," if i else "") + pad + item.model_dump_json(indent=INDENT).replace("\n", pad)
    yield "\n" + " " * (INDENT * depth) + "]"


def _key(name: str) -> str:
    return f'"{name}"'


def _get(model: BaseModel, path: tuple[str, ...]) -> list[BaseModel]:
    value: object = model
    for name in path:
        value = getattr(value, name)
    assert isinstance(value, list)
    return value


def _emptied(model: BaseModel, paths: list[tuple[str, ...]]) -> Briefing:
    """``model`` with the lists at ``paths`` empty (a copy: the briefing is not changed)."""
    update: dict[str, object] = {p[0]: [] for p in paths if len(p) == 1}
    for name in {p[0] for p in paths if len(p) > 1}:
        inner: BaseModel = getattr(model, name)
        update[name] = inner.model_copy(update={p[1]: [] for p in paths if len(p) == 2 and p[0] == name})
    return model.model_copy(update=update)  # type: ignore[return-value]
