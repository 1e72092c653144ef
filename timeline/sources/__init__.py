"""Read articles from files, directories, JSONL and stdin into ``Article`` objects.

Every failure is an ``InputError`` naming the file and the problem, so the CLI can print one
line. Skipped files (hidden, not text) become notices rather than errors: a user pointing the
tool at a folder wants the articles in it, not a lecture about ``.DS_Store``.
"""
from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Iterable

from ..errors import InputError, UsageError
from ..models import Article

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".jsonl"}
DEFAULT_MAX_BYTES = 20_000_000
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
# Readers for page formats are modules of their own, imported only when such an input is read
# (their libraries are heavy): suffix -> module with ``read(data, name, stem, path)``.
PAGE_READERS = {".html": "html", ".htm": "html", ".xhtml": "html", ".pdf": "pdf"}
_FRONT_MATTER_KEYS = {"title", "published", "source", "url", "date", "id"}


@dataclass
class Loaded:
    """Articles in input order, plus notices for the user (skipped files, assumptions)."""

    articles: list[Article] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)


def parse_date(value: Any, what: str) -> date:
    """A calendar date from ``YYYY-MM-DD`` (a datetime prefix is accepted), or a UsageError."""
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        raise UsageError(f"{what}: {text!r} is not a date (expected YYYY-MM-DD, e.g. 2024-12-02)") from None


def load_articles(
    paths: Iterable[str],
    published: date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: Any = None,
) -> Loaded:
    """Read every path (file, directory, ``-``); ``published`` overrides every article's date."""
    loaded = Loaded()
    for raw in paths:
        if raw.lower().startswith(("http://", "https://")):
            from .url import read_url

            loaded.articles.extend(read_url(raw, max_bytes))
            continue
        if raw == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            data = stream.read()
            if isinstance(data, str):
                data = data.encode("utf-8")
            loaded.articles.append(_article_from_bytes(data, "<stdin>", "stdin", None))
            continue
        path = Path(raw)
        if not path.exists():
            raise InputError(f"{raw}: no such file or directory")
        if path.is_dir():
            _load_directory(path, loaded, max_bytes)
        else:
            loaded.articles.extend(_load_file(path, max_bytes))
    if not loaded.articles:
        raise InputError(f"{', '.join(paths) or 'input'}: no readable articles found")
    _make_ids_unique(loaded.articles)
    if published is not None:
        for article in loaded.articles:
            article.published = published
    return loaded


def _load_directory(folder: Path, loaded: Loaded, max_bytes: int) -> None:
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue  # hidden files and folders (.git, .DS_Store) are never articles
        suffix = path.suffix.lower()
        if (suffix not in TEXT_SUFFIXES and suffix not in PAGE_READERS) or path.name.endswith(".gold.json"):
            loaded.notices.append(f"{path}: skipped (not a .txt, .md, .jsonl, .html or .pdf file)")
            continue
        try:
            loaded.articles.extend(_load_file(path, max_bytes))
        except InputError as exc:
            loaded.notices.append(f"skipped {exc}")


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(f"{path}: {size:,} bytes is over the {max_bytes:,}-byte limit (raise it with --max-bytes)")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None


def _load_file(path: Path, max_bytes: int) -> list[Article]:
    data = _read_bytes(path, max_bytes)
    module = PAGE_READERS.get(path.suffix.lower())
    if module:
        from importlib import import_module

        if not data.strip():
            raise InputError(f"{path}: file is empty")
        return import_module(f".{module}", __package__).read(data, str(path), path.stem, path)  # type: ignore[no-any-return]
    if path.suffix.lower() == ".jsonl":
        return _articles_from_jsonl(_decode(data, str(path)), path)
    return [_article_from_bytes(data, str(path), path.stem, path)]


def _decode(data: bytes, name: str) -> str:
    if not data.strip():
        raise InputError(f"{name}: file is empty")
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: looks like a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it first, e.g. iconv -f latin1 -t utf-8"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _article_from_bytes(data: bytes, name: str, stem: str, path: Path | None) -> Article:
    text = _decode(data, name)
    meta: dict[str, Any] = {}
    match = _FRONT_MATTER.match(text)
    if match:
        meta = _parse_front_matter(match.group(1), name)
        text = text[match.end():]
    elif text.startswith("---\n") and (path is None or path.suffix.lower() in {".md", ".markdown"}):
        raise InputError(f"{name}: front matter starts with '---' but has no closing '---' line")
    text = text.strip("\n")
    if not text.strip():
        raise InputError(f"{name}: no article text (only front matter)")
    return _article(meta, text, stem, name, path)


def _parse_front_matter(block: str, name: str) -> dict[str, Any]:
    import yaml  # only articles with front matter pay for the import

    try:
        meta = yaml.safe_load(block) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark else ""
        raise InputError(f"{name}: broken YAML front matter{where}") from None
    if not isinstance(meta, dict):
        raise InputError(f"{name}: front matter must be 'key: value' lines")
    return meta


def _article(meta: dict[str, Any], text: str, stem: str, name: str, path: Path | None) -> Article:
    published_raw = meta.get("published", meta.get("date"))
    published = None
    if published_raw not in (None, ""):
        try:
            published = parse_date(published_raw, f"{name}: published")
        except UsageError as exc:
            raise InputError(str(exc)) from None
    return Article(
        id=str(meta.get("id") or stem),
        title=_text_or_none(meta.get("title")),
        text=text,
        published=published,
        source=_text_or_none(meta.get("source")),
        url=_text_or_none(meta.get("url")),
        path=str(path) if path else name,
    )


def _articles_from_jsonl(text: str, path: Path) -> list[Article]:
    articles = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}: not valid JSON ({exc.msg})") from None
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not obj["text"].strip():
            raise InputError(f"{where}: each line must be an object with a non-empty \"text\" field")
        articles.append(_article(obj, obj["text"].strip("\n"), f"{path.stem}-{number}", where, path))
    if not articles:
        raise InputError(f"{path}: file is empty")
    return articles


def _text_or_none(value: Any) -> str | None:
    return None if value is None or str(value).strip() == "" else str(value).strip()


def _make_ids_unique(articles: list[Article]) -> None:
    seen: dict[str, int] = {}
    for article in articles:
        count = seen.get(article.id, 0)
        seen[article.id] = count + 1
        if count:
            article.id = f"{article.id}-{count + 1}"
