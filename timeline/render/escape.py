"""Make untrusted article text inert in each output format.

Article text comes from the open web: it may hold HTML, Markdown links and images,
headings, backticks, or terminal escape sequences that would recolour or rewrite a screen.
"""
from __future__ import annotations

import html
import re

# ANSI CSI/OSC sequences and every other C0/C1 control character except newline and tab.
_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
# Only what CommonMark reads as a block marker: a list marker or heading is followed by a space or
# the end ("11.48pm" and "127.0.0.1:8766" are no list; "\11.48pm" was a stray escape shown as is).
_LINE_START = re.compile(r"^(\s*)(\d{0,9})([>#+-]|(?<=\d)[.)])(?=\s|$)")


def strip_controls(text: str) -> str:
    """Text without escape sequences or control characters (newlines and tabs kept)."""
    return _CONTROL.sub("", _ANSI.sub("", text))


def markdown_inline(text: str) -> str:
    """Article text safe inside a Markdown paragraph or table cell: no HTML, links, headings."""
    text = strip_controls(text).replace("\n", " ")
    text = html.escape(text, quote=False)  # no raw HTML; also defuses <autolinks>
    text = _MD_SPECIAL.sub(r"\\\1", text)  # no emphasis, code, links or images ([, ] escaped)
    # no heading, quote or list: the marker's punctuation is escaped ("1\\. first"; a backslash
    # before a digit is no escape in Markdown and would be shown)
    return _LINE_START.sub(lambda m: m.group(1) + m.group(2) + "\\" + m.group(3), text)


def terminal_text(text: str) -> str:
    """Article text safe for rich: no escape sequences, and rich markup shown literally."""
    from rich.markup import escape

    return escape(strip_controls(text))


def http_url(url: str | None) -> str | None:
    """An http(s) URL fit for an href, or None: javascript:, data: and junk never become links."""
    if not url:
        return None
    clean = "".join(strip_controls(url).split())
    return clean if clean.lower().startswith(("http://", "https://")) else None
