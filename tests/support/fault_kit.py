"""Helpers for the reliability tests: a model that answers from the chunk it is given, made-up
multi-paragraph articles, and a CLI runner pointed at a test server.

``grounded_responder`` answers an extraction request with one event per sentence of the chunk
(the sentence itself as evidence, its date when it has one), and a summary request with a
fixed neutral summary, so any article works and every event is traceable to one chunk.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from common import ROOT, run_cli
from openai_server import OpenAITestServer, Recorded, Reply, article_text, completion

MONTHS = "January February March April May June July August September October November December".split()
_DAY = re.compile(r"\b(" + "|".join(MONTHS) + r") (\d{1,2}), (\d{4})")
_YEAR = re.compile(r"\bin ((?:19|20)\d{2})\b")
# What the scripted model says of the council articles: backed by their events, so the
# summary check (issue 13) keeps it.
SUMMARY = {"summary": "District councils voted to fund projects, residents said.",
           "claims": [{"text": "District councils voted to fund projects.", "source": "residents"}]}


def is_extraction(request: Recorded) -> bool:
    fmt = request.body.get("response_format") or {} if isinstance(request.body, dict) else {}
    if fmt.get("type") == "json_schema":
        return fmt["json_schema"]["name"] == "events"
    return bool(article_text(request))


def events_for(text: str) -> list[dict[str, Any]]:
    from timeline.text.sentences import sentences

    events = []
    for start, end in sentences(text):
        sentence = text[start:end]
        when_text, date, precision = None, None, "unknown"
        if m := _DAY.search(sentence):
            when_text = m.group(0)
            date = f"{m.group(3)}-{MONTHS.index(m.group(1)) + 1:02d}-{int(m.group(2)):02d}"
            precision = "day"
        elif m := _YEAR.search(sentence):
            when_text, date, precision = m.group(0), m.group(1), "year"
        events.append({"when_text": when_text, "date": date, "precision": precision, "what": sentence.rstrip("."),
                       "who": [], "where": [], "attribution": None, "evidence": sentence})
    return events


def grounded_responder(request: Recorded) -> Reply:
    if is_extraction(request):
        return completion(json.dumps({"events": events_for(article_text(request))}))
    return completion(json.dumps(SUMMARY))


def extraction_texts(server: OpenAITestServer) -> list[str]:
    """The chunk text of every extraction request the server received, in order."""
    return [article_text(r) for r in server.chat_requests if is_extraction(r)]


def council_article(tag: str, paragraphs: int, year: int = 2024) -> str:
    """A made-up news article: one dated, uniquely worded paragraph per line."""
    lines = []
    for i in range(paragraphs):
        month = MONTHS[i % 12]
        lines.append(f"On {month} {i % 27 + 1}, {year}, the council of {tag} district {i} voted to fund "
                     f"project {tag}-{i}. Residents of {tag} district {i} said the vote followed a long debate.")
    return "\n\n".join(lines) + "\n"


def cli(args: list[str], server: OpenAITestServer | None = None, key: str = "test-key", timeout: float = 60,
        **env: str) -> subprocess.CompletedProcess[str]:
    """`timeline ARGS` (in-process) with a key, the server's URL and the test's cache directory."""
    environ: dict[str, str | None] = {k: None for k in os.environ if k.startswith(("OPENAI_", "AZURE_OPENAI_"))}
    environ.update({"OPENAI_API_KEY": key, **env})
    if server is not None:
        environ["OPENAI_BASE_URL"] = server.url
    return run_cli(*args, env=environ, timeout=timeout, text=True)


def popen(args: list[str], server: OpenAITestServer, key: str = "test-key", **env: str) -> subprocess.Popen[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "AZURE_OPENAI_"))}
    environ.update({"PYTHONPATH": str(ROOT), "OPENAI_API_KEY": key, "OPENAI_BASE_URL": server.url, **env})
    return subprocess.Popen([sys.executable, "-m", "timeline", *args], env=environ, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=ROOT, preexec_fn=_default_sigint)


def _default_sigint() -> None:
    """Ctrl-C reaches the child as it reaches a program started from a terminal. A test run
    started in the background (``pytest &``, some CI runners) ignores SIGINT, an ignored
    signal stays ignored across exec, and Python then installs no KeyboardInterrupt handler:
    the Ctrl-C test's child would never see its SIGINT."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)


def write_articles(folder: Path, articles: dict[str, str], published: str = "2024-12-02") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / f"{name}.md").write_text(f"---\ntitle: {name}\npublished: {published}\n---\n{text}", encoding="utf-8")
    return folder
