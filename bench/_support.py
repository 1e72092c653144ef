"""Shared by the benchmarks: paths, the test server and scripted models, and the corpus.

The 50-article corpus is built at run time from the repository's seed article and, when
present, the dev articles in ``../shared/dev`` (read, never copied into the repository):
the first articles are the seed and the dev texts as they are, the rest are pairs of their
paragraphs (repeated sentences are fine for counting tokens). Each keeps its own publication date.
"""
from __future__ import annotations

import copy
import json
import sys
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
for extra in (REPO, REPO / "tests" / "support"):  # the OpenAI-compatible test server and scripted models
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

from timeline.models import Article  # noqa: E402

SEED = REPO / "seeds" / "000_e3cd228ed5e53f9a.txt"
SEED_PUBLISHED = date(2024, 12, 2)
DEV_DIRS = [REPO.parent / "shared" / "dev"]  # ../shared beside the repository, never a machine path


def seed_article() -> Article:
    return Article(id=SEED.stem, text=SEED.read_text(encoding="utf-8"), published=SEED_PUBLISHED)


def _dev_articles() -> list[Article]:
    for folder in DEV_DIRS:
        if folder.is_dir():
            out = []
            for path in sorted(folder.glob("*.txt")):
                gold = path.with_suffix(".gold.json")
                published = None
                if gold.is_file():
                    published = date.fromisoformat(json.loads(gold.read_text(encoding="utf-8"))["published"])
                out.append(Article(id=path.stem, text=path.read_text(encoding="utf-8-sig"),
                                   published=published or SEED_PUBLISHED))
            if out:
                return out
    return []


def corpus(n: int = 50) -> list[Article]:
    """``n`` news articles of varied length, each with its own publication date."""
    base = [seed_article()] + _dev_articles()
    articles = base[:n]
    paragraphs = [(a, p) for a in base for p in a.text.split("\n") if len(p.split()) >= 8]
    i = 0
    while len(articles) < n:
        (a1, p1), (_a2, p2) = paragraphs[i % len(paragraphs)], paragraphs[(i * 7 + 3) % len(paragraphs)]
        articles.append(Article(id=f"mix{len(articles):02d}", text=f"{p1}\n{p2}", published=a1.published))
        i += 1
    return articles


def cached_corpus_reply(request: object, replies: dict[str, object]) -> object:
    """The scripted corpus model's reply to this request body, computed once per body.

    Benchmarks compute replies before their timed runs, so the scripted model's own time is
    not measured; each call returns a copy that the caller may give a delay.
    """
    from corpus_responder import corpus_responder

    key = json.dumps(request.body, sort_keys=True)  # type: ignore[attr-defined]
    if key not in replies:
        replies[key] = corpus_responder(request)
    return copy.deepcopy(replies[key])
