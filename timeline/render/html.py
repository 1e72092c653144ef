"""A self-contained HTML page: summary, a vertical timeline by date, sources, filters.

One file that works offline and prints: CSS and JavaScript are inline, nothing is loaded from
the network, and a Content-Security-Policy says so to the browser (``default-src 'none'``; the
page's own style and script are allowed by their SHA-256 hashes only, so markup that slipped
into article text could neither run nor restyle the page). Article text is untrusted: jinja2
escapes every value (autoescape on), control characters are removed, and only http(s) URLs
become links. The filter and search script is a few lines of plain JavaScript; without it every
event is shown.
"""
from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, TextIO

from timeline.models import Briefing, Event
from timeline.render.common import citations, describe_conflict, describe_updates, flag_texts, format_when, latest_texts, reported_label
from timeline.render.escape import http_url as _http_url
from timeline.render.escape import strip_controls


@dataclass
class _Cite:
    number: int
    href: str
    title: str


@dataclass
class _Item:
    """An event as the template shows it: every text still raw (jinja2 escapes it)."""

    what: str
    attribution: str | None
    expression: str | None
    cites: list[_Cite]
    badges: list[tuple[str, str]]  # (css class, text)
    conflicts: list[tuple[str, str]]  # (headline, "value [1]; value [2]")
    sources: str  # citation numbers for the filter: "1 3"
    updates: list[str] = field(default_factory=list)  # "deaths: 5 [1] ... → 9 [2] ..."


@dataclass
class _Group:
    label: str
    value: str
    precision: str
    items: list[_Item] = field(default_factory=list)


def render(briefing: Briefing, out: TextIO) -> None:
    """Write the page for ``briefing`` to ``out`` (the renderer-table entry point)."""
    out.write(render_html(briefing))


def render_html(briefing: Briefing) -> str:
    env = _environment()
    css = _static("page.css")
    script = _static("filter.js")
    csp = ("default-src 'none'; img-src data:; "
           f"style-src '{_sha256(css)}'; script-src '{_sha256(script)}'; "
           "base-uri 'none'; form-action 'none'")
    numbers = {a.id: a.number for a in briefing.articles}
    urls = {a.number: _http_url(a.url) for a in briefing.articles}
    titles = {a.number: a.title or a.source or a.id for a in briefing.articles}
    groups: list[_Group] = []
    for event in briefing.chronology.events:
        label = format_when(event.when)
        if not groups or groups[-1].label != label:
            when = event.when
            groups.append(_Group(label, (when.value or "") if when else "", when.precision if when else "unknown"))
        groups[-1].items.append(_item(event, briefing, urls, titles))
    undated = [_item(e, briefing, urls, titles) for e in briefing.chronology.undated]
    sources = [{"number": a.number, "title": a.title or a.id, "source": a.source,
                "published": a.published.isoformat() if a.published else None, "url": _http_url(a.url),
                "shown_url": a.url if a.url and not _http_url(a.url) else None,
                "copies": [{"label": ", ".join(filter(None, [c.source or c.title or c.id,
                                                             c.published.isoformat() if c.published else None])),
                            "reason": c.reason, "url": _http_url(c.url)} for c in a.copies]}
               for a in briefing.articles]
    dated_count = len(briefing.chronology.events)
    return env.get_template("briefing.html.j2").render(
        briefing=briefing, groups=groups, undated=undated, sources=sources, css=css, script=script, csp=csp,
        window=briefing.chronology.undated_window or "date not given in the text",
        counts={"dated": dated_count, "undated": len(undated), "sources": len(numbers)},
    )


def _item(event: Event, briefing: Briefing, urls: dict[int, str | None], titles: dict[int, str]) -> _Item:
    cites = [_Cite(n, urls.get(n) or f"#source-{n}", titles.get(n, "")) for n in citations(event, briefing)]
    badges = [("new", "new")] if event.is_new else []
    badges += [("conflict" if "conflict" in flag else "flag", text)
               for flag, text in zip(event.flags, flag_texts(event))]
    conflicts = []
    for conflict in event.conflicts:
        headline, values = describe_conflict(event, conflict, briefing)
        conflicts.append((headline, "; ".join(f"{value} {cites}" for value, cites in values)))
    badges += [("flag", text) for text in latest_texts(event)]
    reported = reported_label(briefing, event)
    if reported:
        badges.append(("flag", reported))
    expression = event.when.text if event.when and event.when.text else None
    if event.when and not event.when.value:
        badges.append(("flag", f"“{event.when.text}” unresolved"))
        expression = None
    return _Item(event.what, event.attribution, expression, cites, badges, conflicts,
                 " ".join(str(c.number) for c in cites), describe_updates(event, briefing))


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _finalize(value: Any) -> Any:
    """Every value printed by the template: None as nothing, text without control characters."""
    if value is None:
        return ""
    if isinstance(value, str) and not hasattr(value, "__html__"):
        return strip_controls(value)
    return value


@lru_cache(maxsize=1)
def _environment() -> Any:
    from jinja2 import Environment, PackageLoader, StrictUndefined

    return Environment(loader=PackageLoader("timeline.render", "templates"), autoescape=True,
                       undefined=StrictUndefined, finalize=_finalize, trim_blocks=True, lstrip_blocks=True,
                       keep_trailing_newline=True)


def _static(name: str) -> str:
    """A file shipped beside the templates (the page's CSS or script), as text."""
    env = _environment()
    source, _, _ = env.loader.get_source(env, name)
    return str(source).strip()
