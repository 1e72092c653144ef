"""timeline: turn news articles into a dated chronology and a neutral, attributed summary.

Library API (the CLI is a thin layer over these)::

    from timeline import load_articles, brief, BriefOptions
    loaded = load_articles(["seeds/"], published=date(2024, 12, 2))
    briefing = brief(loaded.articles, BriefOptions(engine="local"))
"""
from __future__ import annotations

__version__ = "0.1.0"

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs start-up time
__all__ = ["brief", "load_articles", "BriefOptions", "Briefing", "Article", "Event", "__version__"]

if TYPE_CHECKING:
    from timeline.models import Article, Briefing, Event
    from timeline.options import BriefOptions
    from timeline.run.pipeline import brief
    from timeline.sources import load_articles


def __getattr__(name: str) -> object:
    """Lazy exports, so `timeline --help` does not pay for pydantic and friends."""
    if name == "brief":
        from timeline.run.pipeline import brief

        return brief
    if name == "BriefOptions":
        from timeline.options import BriefOptions

        return BriefOptions
    if name == "load_articles":
        from timeline.sources import load_articles

        return load_articles
    if name in ("Briefing", "Article", "Event"):
        from timeline import models

        return getattr(models, name)
    raise AttributeError(name)
