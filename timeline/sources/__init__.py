"""Read articles from files, directories, JSONL and stdin into ``Article`` objects.

Every failure is an ``InputError`` naming the file and the problem, so the CLI can print one
line. Skipped files (hidden, not text) become notices rather than errors: a user pointing the
tool at a folder wants the articles in it, not a lecture about ``.DS_Store``.
"""
from __future__ import annotations

import json
import re
import sys
from contextvars import ContextVar
from dataclasses import dataclass, field
import os
import stat
from datetime import date, datetime
from pathlib import Path
from typing import Any, Callable, Iterable

from timeline.errors import InputError, UsageError
from timeline.models import Article

Reader = Callable[[Path, int], "list[Article]"]  # (path, max_bytes) -> its articles
# READERS: how a file is read, by suffix. A value is a function or "module:function" (imported
# when first used, so a reader's heavy library costs nothing until such a file is read); a
# new input type is one module and one entry here. SCHEMES: the same for URLs ("https:").
READERS: dict[str, Reader | str] = {
    ".txt": "timeline.sources:read_text_file",
    ".md": "timeline.sources:read_text_file",
    ".markdown": "timeline.sources:read_text_file",
    ".jsonl": "timeline.sources:read_jsonl_file",
    ".html": "timeline.sources:read_page_file",  # sources/html.py: trafilatura + htmldate
    ".htm": "timeline.sources:read_page_file",
    ".xhtml": "timeline.sources:read_page_file",
    ".pdf": "timeline.sources:read_page_file",  # sources/pdf.py: pypdf
    ".rss": "timeline.sources.feeds:read_feed_file",  # sources/feeds.py: feedparser, one article per item
    ".atom": "timeline.sources.feeds:read_feed_file",
    ".xml": "timeline.sources.feeds:read_feed_file",
}
SCHEMES: dict[str, Callable[[str, int], "list[Article]"] | str] = {
    "http://": "timeline.sources.url:read_url",
    "https://": "timeline.sources.url:read_url",  # a feed URL is handed on to sources/feeds.py
}
DEFAULT_MAX_BYTES = 20_000_000
MIN_YEAR, MAX_YEAR = 1000, 2200  # publication dates the resolver can work with
_BLOCK = 1 << 16
_MAX_NOTICES = 20  # a walk over a big tree names this many skipped files, then counts the rest
# Kernel pseudo-filesystems: their files are not articles and some never end (/proc/kmsg,
# /dev/zero); a directory walk (even `timeline brief /`) never enters them.
_PSEUDO_FS = {"proc", "sysfs", "devtmpfs", "devpts", "cgroup", "cgroup2", "debugfs", "tracefs",
              "securityfs", "pstore", "bpf", "configfs", "fusectl", "mqueue", "hugetlbfs", "autofs",
              "binfmt_misc", "efivarfs", "selinuxfs", "rpc_pipefs", "nsfs"}
_PSEUDO_PATHS = {"/proc", "/sys", "/dev"}  # also where no mount table can be read
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


# What the load in progress knows: readers that yield many articles (feeds) report skipped items
# as notices and skip links already read (--update) without a wider signature.
_CURRENT: ContextVar["tuple[Loaded, frozenset[str]] | None"] = ContextVar("timeline_load", default=None)


def notice(message: str) -> None:
    """A notice for the user from inside a reader (a feed item that could not be read)."""
    current = _CURRENT.get()
    if current is not None:
        current[0].notices.append(message)


def known_url(url: str) -> bool:
    """Whether ``url`` was already read (an article of the briefing given to --update)."""
    current = _CURRENT.get()
    return current is not None and url in current[1]


def parse_date(value: Any, what: str) -> date:
    """A calendar date from ``YYYY-MM-DD`` (a datetime's date is taken), or a UsageError.

    Years outside MIN_YEAR..MAX_YEAR are refused: the date resolver counts forwards and
    backwards from the publication date and cannot work near the ends of the calendar.
    """
    if isinstance(value, datetime):
        found = value.date()
    elif isinstance(value, date):
        found = value
    else:
        text = str(value).strip()
        try:
            found = date.fromisoformat(text[:10])
        except ValueError:
            shown = text if len(text) <= 40 else text[:40] + "..."
            raise UsageError(f"{what}: {shown!r} is not a date (expected YYYY-MM-DD, e.g. 2024-12-02)") from None
    if not MIN_YEAR <= found.year <= MAX_YEAR:
        raise UsageError(f"{what}: {found.isoformat()} is outside the years {MIN_YEAR}-{MAX_YEAR} that dates can be "
                         "resolved against")
    return found


def load_articles(
    paths: Iterable[str],
    published: date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: Any = None,
    known_urls: Iterable[str] = (),
) -> Loaded:
    """Read every path (file, directory, ``-``); ``published`` overrides every article's date.
    Feed items whose link is in ``known_urls`` (the earlier briefing's) are not fetched."""
    from timeline.options import check_max_bytes

    check_max_bytes(max_bytes)
    paths = list(paths)
    loaded = Loaded()
    token = _CURRENT.set((loaded, frozenset(known_urls)))
    try:
        _load_all(paths, loaded, max_bytes, stdin)
    finally:
        _CURRENT.reset(token)
    if not loaded.articles:
        raise InputError(f"{', '.join(paths) or 'input'}: no readable articles found")
    loaded.articles = _make_ids_unique(loaded.articles)
    if published is not None:
        loaded.articles = [a.model_copy(update={"published": published}) for a in loaded.articles]
    return loaded


def _load_all(paths: list[str], loaded: Loaded, max_bytes: int, stdin: Any) -> None:
    for raw in paths:
        if raw == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            data = _read_bounded(stream, "<stdin>", max_bytes)
            if _looks_like_jsonl(data):  # `cat story.jsonl | timeline brief -`
                loaded.articles.extend(_articles_from_jsonl(_decode(data, "<stdin>"), Path("stdin")))
            else:
                loaded.articles.append(_article_from_bytes(data, "<stdin>", "stdin", None))
            continue
        scheme = next((s for s in SCHEMES if raw.lower().startswith(s)), None)
        if scheme is not None:
            loaded.articles.extend(_resolve(SCHEMES[scheme])(raw, max_bytes))
            continue
        path = Path(raw)
        try:
            info = path.stat()
        except FileNotFoundError:
            raise InputError(f"{raw}: no such file or directory") from None
        except OSError as exc:
            raise InputError(f"{raw}: cannot read ({exc.strerror})") from None
        if stat.S_ISDIR(info.st_mode):
            _load_directory(path, loaded, max_bytes)
        else:
            loaded.articles.extend(_load_file(path, max_bytes))


def _load_directory(folder: Path, loaded: Loaded, max_bytes: int) -> None:
    """Every article file under ``folder``, in name order.

    Hidden files and folders are never articles; symbolic links to folders are not followed
    (no loops); pseudo-filesystems (/proc, /sys, /dev) are not entered; special files (pipes,
    devices, sockets) are skipped, because reading one can block or never end.
    """
    pseudo = _pseudo_mounts()
    skipped: list[str] = []

    def unreadable(exc: OSError) -> None:
        skipped.append(f"{exc.filename}: skipped ({exc.strerror})")

    found: list[Path] = []
    for root, dirs, files in os.walk(folder, onerror=unreadable):
        dirs[:] = [d for d in dirs if not d.startswith(".") and os.path.realpath(os.path.join(root, d)) not in pseudo]
        found.extend(Path(root, name) for name in files if not name.startswith("."))  # not .DS_Store
    for path in sorted(found):
        name = path.name
        try:
            mode = path.stat().st_mode
        except OSError as exc:
            skipped.append(f"{path}: skipped ({exc.strerror})")
            continue
        if not stat.S_ISREG(mode):
            skipped.append(f"{path}: skipped (not a regular file)")
            continue
        suffix = path.suffix.lower()
        if suffix not in READERS or name.endswith(".gold.json"):
            skipped.append(f"{path}: skipped (not a .txt, .md, .jsonl, .html, .pdf or feed file)")
            continue
        try:
            loaded.articles.extend(_load_file(path, max_bytes))
        except InputError as exc:
            skipped.append(f"skipped {exc}")
    loaded.notices.extend(skipped[:_MAX_NOTICES])
    if len(skipped) > _MAX_NOTICES:
        loaded.notices.append(f"{folder}: {len(skipped) - _MAX_NOTICES:,} more file(s) skipped")


def _pseudo_mounts() -> set[str]:
    """Mount points of kernel pseudo-filesystems, from the mount table when there is one."""
    found = set(_PSEUDO_PATHS)
    try:
        with open("/proc/self/mounts", encoding="utf-8", errors="replace") as table:
            for line in table:
                fields = line.split()
                if len(fields) >= 3 and fields[2] in _PSEUDO_FS:
                    found.add(fields[1].replace("\\040", " "))
    except OSError:
        pass  # no /proc (macOS, some containers): the fixed list above still applies
    return found


def _read_bounded(stream: Any, name: str, max_bytes: int, binary: bool = False) -> bytes:
    """At most ``max_bytes`` from ``stream``: endless pipes and /dev/zero stop with an error,
    and a stream of NUL bytes stops at its first block instead of after ``max_bytes``."""
    parts: list[bytes] = []
    size = 0
    while True:
        block = stream.read(min(_BLOCK, max_bytes + 1 - size))
        if isinstance(block, str):
            block = block.encode("utf-8", "surrogatepass")
        if not block:
            break
        if size == 0 and not binary and b"\x00" in block[:8192]:
            raise InputError(f"{name}: looks like a binary file, not text")
        parts.append(block)
        size += len(block)
        if size > max_bytes:
            raise InputError(f"{name}: more than the {max_bytes:,}-byte limit (raise it with --max-bytes)")
    return b"".join(parts)


def _read_bytes(path: Path, max_bytes: int, binary: bool = False) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(f"{path}: {size:,} bytes is over the {max_bytes:,}-byte limit (raise it with --max-bytes)")
        with path.open("rb") as handle:  # bounded: a device or pipe reports size 0 and may never end
            return _read_bounded(handle, str(path), max_bytes, binary)
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None


def _resolve(entry: Any) -> Any:
    """A table entry as a function ("module:function" entries are imported now)."""
    if isinstance(entry, str):
        from importlib import import_module

        module, _, name = entry.partition(":")
        return getattr(import_module(module), name)
    return entry


def _load_file(path: Path, max_bytes: int) -> list[Article]:
    """``path`` read by its suffix's reader; a file named explicitly with another suffix is read as text."""
    reader: Reader = _resolve(READERS.get(path.suffix.lower(), read_text_file))
    return reader(path, max_bytes)


def read_text_file(path: Path, max_bytes: int) -> list[Article]:
    """A .txt or .md file (YAML front matter optional): one article."""
    return [_article_from_bytes(_read_bytes(path, max_bytes), str(path), path.stem, path)]


def read_jsonl_file(path: Path, max_bytes: int) -> list[Article]:
    """A .jsonl file: one article per line (``{"text": ..., "title": ..., "published": ...}``)."""
    return _articles_from_jsonl(_decode(_read_bytes(path, max_bytes), str(path)), path)


def read_page_file(path: Path, max_bytes: int) -> list[Article]:
    """A web page or PDF, read as bytes (PDFs and UTF-16 pages hold NULs) by its module in
    ``PAGE_READERS`` (imported only now: their libraries are heavy)."""
    from importlib import import_module

    data = _read_bytes(path, max_bytes, binary=True)
    if not data.strip():
        raise InputError(f"{path}: file is empty")
    module = import_module(f".{PAGE_READERS[path.suffix.lower()]}", __package__)
    return module.read(data, str(path), path.stem, path)  # type: ignore[no-any-return]


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
        meta = yaml.load(block, Loader=_loader()) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark else ""
        raise InputError(f"{name}: broken YAML front matter{where}") from None
    except (ValueError, RecursionError, OverflowError) as exc:  # odd scalars the YAML library chokes on
        raise InputError(f"{name}: broken YAML front matter ({type(exc).__name__})") from None
    if not isinstance(meta, dict):
        raise InputError(f"{name}: front matter must be 'key: value' lines")
    return meta


def _loader() -> Any:
    """SafeLoader that keeps timestamps as text: ``published: 2025-03-05T22:10:00Z`` unquoted
    (as CMSs write it) then goes through parse_date like any other value, and an impossible
    date (``2025-02-30``) is a one-line error instead of a crash inside the YAML library."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return Loader


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


def _looks_like_jsonl(data: bytes) -> bool:
    """Stdin holding JSONL: its first non-empty line is a JSON object with a "text" field."""
    first = next((line for line in data[:1 << 20].splitlines() if line.strip()), b"").strip()
    if not first.startswith(b"{"):
        return False
    try:
        obj = json.loads(first)
    except (ValueError, RecursionError):
        return False
    return isinstance(obj, dict) and isinstance(obj.get("text"), str)


def _articles_from_jsonl(text: str, path: Path) -> list[Article]:
    """One article per line; a bad line is skipped with a notice naming it (one bad line of a
    large export must not lose the whole file), and a file with no good line is an error."""
    articles = []
    bad: list[str] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            articles.append(_jsonl_article(line, where, number, path))
        except InputError as exc:
            bad.append(str(exc))
    if not articles:
        if bad:
            raise InputError(bad[0] + (f" (and {len(bad) - 1} more bad line(s))" if len(bad) > 1 else ""))
        raise InputError(f"{path}: file is empty")
    for message in bad[:_MAX_NOTICES]:
        notice(f"skipped {message}")
    if len(bad) > _MAX_NOTICES:
        notice(f"{path}: {len(bad) - _MAX_NOTICES:,} more bad line(s) skipped")
    return articles


def _jsonl_article(line: str, where: str, number: int, path: Path) -> Article:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not valid JSON ({exc.msg})") from None
    except (ValueError, RecursionError) as exc:  # a 5,000-digit number, nesting too deep
        raise InputError(f"{where}: not valid JSON ({type(exc).__name__})") from None
    if isinstance(obj, dict):
        obj = {k: _no_surrogates(v) for k, v in obj.items()}
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not obj["text"].strip():
        raise InputError(f"{where}: each line must be an object with a non-empty \"text\" field")
    return _article(obj, obj["text"].strip("\n"), f"{path.stem}-{number}", where, path)


def _no_surrogates(value: Any) -> Any:
    """JSON may escape lone surrogates (\\ud800) that no output encoding can write."""
    if isinstance(value, str):
        return value.encode("utf-8", "replace").decode("utf-8")
    return value


def _text_or_none(value: Any) -> str | None:
    return None if value is None or str(value).strip() == "" else str(value).strip()


def _make_ids_unique(articles: list[Article]) -> list[Article]:
    seen: dict[str, int] = {}
    out = []
    for article in articles:
        count = seen.get(article.id, 0)
        seen[article.id] = count + 1
        out.append(article.model_copy(update={"id": f"{article.id}-{count + 1}"}) if count else article)
    return out
