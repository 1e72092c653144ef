"""JSON output: the Briefing model itself, with its schema_version."""
from __future__ import annotations

from typing import TextIO

from timeline.models import Briefing


def render_json(briefing: Briefing) -> str:
    return briefing.model_dump_json(indent=2) + "\n"


def render(briefing: Briefing, out: TextIO) -> None:
    out.write(render_json(briefing))
