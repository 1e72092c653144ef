"""Read each article once: duplicates and syndicated copies, found right after reading.

Three copies of one wire story are one source, not three: a briefing that counts them three
times ranks the wire's events first and can make a figure look confirmed by "several outlets".
An input is a copy of an earlier one when it is

- the same file (the same path twice, or a symlink to a file already read), or
- the same text once boilerplate is set aside (mastheads, copyright and "subscribe" lines,
  "Distributed by ..."), or nearly the same: at least ``NEAR_DUPLICATE`` of their word
  5-grams shared, counted over both texts (a wire story with a different footer or a
  changed word) and every figure the same (a templated weekly report shares its wording with
  last week's, not its numbers).

The kept article is the earliest published (input order breaks ties); each copy is listed
under it (``ArticleInfo.copies``) and is not extracted. Candidate pairs come from a bottom-k
sketch of each text's shingles, so this stays close to linear in the number of articles.

Boilerplate lines are also blanked in the kept articles (replaced by spaces, so every offset
into the text stays valid): "© 2025 Harbor Wire" is not an event dated 2025. The line
patterns live with the rest of the page-furniture rules in ``boilerplate.py`` (one list).
"""
from __future__ import annotations

import hashlib
import re
import zlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from timeline.text.boilerplate import boilerplate_lines
from timeline.models import Article, ArticleCopy

NEAR_DUPLICATE = 0.8
_SHINGLE = 5
_SKETCH = 16
_SAMPLE_FROM = 64  # words; below this every 5-gram is kept
_MIN_WORDS = 25  # shorter texts are compared whole: a five-word brief is not a syndicated story

_WORDS = re.compile(r"\w+")


@dataclass
class Deduped:
    """Articles to read (boilerplate blanked), copies per kept article, and what was set aside."""

    articles: list[Article]
    copies: dict[str, list[ArticleCopy]] = field(default_factory=dict)
    copy_of: dict[str, str] = field(default_factory=dict)
    boilerplate: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    originals: list[Article] = field(default_factory=list)


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _real_path(article: Article, seen: dict[str, str | None]) -> str | None:
    if not article.path:
        return None
    if article.path not in seen:
        seen[article.path] = _resolve(article.path)
    return seen[article.path]


def _resolve(name: str) -> str | None:
    path = Path(name)
    try:
        return str(path.resolve(strict=True)) if path.is_file() else None
    except (OSError, RuntimeError):
        return None


class _Codes(dict[str, int]):
    """Word -> CRC-32, each word computed once per ``dedupe`` call (a story's articles share most
    of their words: 306,000 CRCs for 1,017 articles when each article had its own table)."""

    def __missing__(self, word: str) -> int:
        code = self[word] = zlib.crc32(word.encode())
        return code


def _word_codes(words: list[str], codes: _Codes | None = None) -> list[int]:
    """Each word as its CRC-32: the same in every process. Python's ``hash`` of a string changes
    with each interpreter's random seed, and with it which words anchor the sample below, so
    two similar but different articles were called copies in about one run in forty. (A tuple
    of ints hashes the same in every process, so the 5-grams below are hashed as tuples.)"""
    return list(map((_Codes() if codes is None else codes).__getitem__, words))


def _words(text: str) -> list[str]:
    """The text's words, lower-cased. An ASCII text is lower-cased once, whole (the same words:
    lower-casing ASCII letters changes no word's bounds); other text word by word, as a
    letter may lower-case to several ("İ")."""
    if text.isascii():
        return _WORDS.findall(text.lower())
    return [w.lower() for w in _WORDS.findall(text)]


def _shingles(words: list[str], table: _Codes | None = None) -> set[int]:
    """Hashes of word 5-grams.

    Long texts keep one 5-gram hash in four (the same ones in every text, so two copies keep
    the same 5-grams): the shared share is still measured, at a quarter of the memory on a
    large corpus. The sample is drawn by 5-gram, not by anchor word: anchoring on words let a
    handful of repeated words decide the share of a templated text (two council reports that
    share 31% of their 5-grams measured 80%).
    """
    codes = _word_codes(words, table)
    if len(codes) < _SHINGLE:
        return {hash(tuple(codes))}
    # zip makes each 5-gram's tuple without a slice per position (the same tuples, hashes)
    grams = set(map(hash, zip(*(codes[k:] for k in range(_SHINGLE)))))
    return grams if len(codes) < _SAMPLE_FROM else _sampled(grams)


def _sampled(grams: set[int]) -> set[int]:
    """The sample a long text keeps: a short text's full set is brought to it before the two are
    compared (a 63-word story and its 64-word copy are otherwise never found)."""
    return {g for g in grams if g % 4 == 0}


class _Sketch:
    """Where a text is filed and looked up (``keys(k)``): the lowest ``k`` hashes of its sample
    (shared with any copy, short or long) and, for a short text, of its full set (short copies
    of short texts). The sample and both orders are made once: a text is looked up with the
    lowest ``_SKETCH`` keys and filed with the lowest ``4 * _SKETCH``."""

    def __init__(self, grams: set[int]) -> None:
        self.sampled = _sampled(grams)
        self._low_sampled = sorted(self.sampled)
        self._low = sorted(grams)

    def keys(self, k: int) -> set[int]:
        return set(self._low_sampled[:k]) | set(self._low[:k])


_NUMBER = re.compile(r"\d[\d.,]*")


def _same_figures(a: str, b: str) -> bool:
    """A syndicated copy reproduces every figure; a templated report ("no shipments in the week
    ended March 12") shares its wording with last week's but not its numbers."""
    na, nb = set(_NUMBER.findall(a)), set(_NUMBER.findall(b))
    return not (na or nb) or len(na & nb) / len(na | nb) >= 0.9


def dedupe(articles: list[Article]) -> Deduped:
    """Each article once; copies listed under the article they copy (see the module doc)."""
    blanked: list[Article] = []
    result = Deduped(articles=[], originals=list(articles))
    for article in articles:
        spans = boilerplate_lines(article.text)
        result.boilerplate[article.id] = spans
        blanked.append(article.model_copy(update={"text": _blank(article.text, spans)}) if spans else article)
    order = sorted(range(len(articles)), key=lambda i: (articles[i].published or date.max, i))
    kept: list[int] = []
    by_path: dict[tuple[str, str], int] = {}
    resolved: dict[str, str | None] = {}
    by_hash: dict[str, int] = {}
    sketch_index: dict[int, list[int]] = {}
    shingles: dict[int, set[int]] = {}
    lengths: dict[int, int] = {}
    samples: dict[int, set[int]] = {}  # the sample of each filed text (long ones: their set)
    table = _Codes()
    for i in order:
        article = blanked[i]
        words = _words(article.text)
        real = _real_path(articles[i], resolved)
        digest = hashlib.sha256(" ".join(words).encode()).hexdigest()
        original, reason = None, ""
        if real and (real, digest) in by_path:  # a JSONL file holds many articles: the text must match too
            first = by_path[(real, digest)]
            original = first
            if (articles[i].path or "").lower().endswith(".jsonl"):
                reason = "identical text"  # two lines of one JSONL file
            elif articles[first].path == articles[i].path:
                reason = "same file"
            else:
                reason = "symlink to a file already read"
        elif digest in by_hash:
            original, reason = by_hash[digest], "identical text"
        elif len(words) >= _MIN_WORDS:
            mine = _shingles(words, table)
            sketch = _Sketch(mine)
            candidates = {j for h in sketch.keys(_SKETCH) for j in sketch_index.get(h, [])}
            best = 0.0
            for j in sorted(candidates):
                ours, theirs = mine, shingles[j]
                if (len(words) < _SAMPLE_FROM) != (lengths[j] < _SAMPLE_FROM):
                    ours, theirs = sketch.sampled, samples[j]
                # Jaccard, not containment: a digest that quotes a whole story is not its copy
                share = len(ours & theirs) / max(1, len(ours | theirs))
                if share >= NEAR_DUPLICATE and share > best and _same_figures(article.text, blanked[j].text):
                    original, best = j, share
            if original is not None:
                reason = f"near-identical text ({best:.0%} shared)"
            else:
                shingles[i], lengths[i], samples[i] = mine, len(words), sketch.sampled
                for h in sketch.keys(_SKETCH * 4):
                    sketch_index.setdefault(h, []).append(i)
        if original is None:
            kept.append(i)
            if real:
                by_path[(real, digest)] = i
            by_hash[digest] = i
            continue
        root = articles[original].id
        result.copy_of[articles[i].id] = root
        a = articles[i]
        result.copies.setdefault(root, []).append(ArticleCopy(
            id=a.id, source=a.source, title=a.title, published=a.published, url=a.url, path=a.path, reason=reason))
    result.articles = [blanked[i] for i in sorted(kept)]
    return result
