"""RENDERERS: every output format by name; each module has ``render(briefing, out)``.

``out`` is a text stream (stdout or an open file). A new format is one module and one
entry here; the CLI builds ``--format``'s choices from this table. Modules are imported
only when their format is used, so ``timeline --help`` never pays for rich or jinja2.
Renderers import nothing from the pipeline or the engines: they read a Briefing.
"""
from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable, TextIO

    from timeline.models import Briefing

RENDERERS: dict[str, str] = {  # format name -> module holding render(briefing, out)
    "terminal": "timeline.render.terminal",
    "markdown": "timeline.render.markdown",
    "json": "timeline.render.json",
    "html": "timeline.render.html",  # one self-contained page
    "timelinejs": "timeline.render.timelinejs",  # Knight Lab TimelineJS JSON
}
FORMATS = tuple(RENDERERS)


def renderer(name: str) -> Callable[[Briefing, TextIO], None]:
    """The ``render(briefing, out)`` of format ``name``; KeyError for an unknown format."""
    from importlib import import_module

    return import_module(RENDERERS[name]).render  # type: ignore[no-any-return]
