"""Renderers: one function per output format, each taking a Briefing and returning text."""
from __future__ import annotations

FORMATS = ("terminal", "markdown", "json", "html", "timelinejs")
