"""A content-addressed response cache in SQLite (WAL), so nothing is paid for twice.

Keyed by ``llm.cache_key`` (sha256 of model, rendered messages, schema, chunk text,
publication date and parameters). Each response is committed as it arrives, so an
interrupted run resumes where it stopped and an unchanged re-run sends no requests.
Only the response body and its token usage are stored: never headers, never keys.

Location: ``--cache-dir``, else ``$TIMELINE_CACHE_DIR``, else platformdirs'
``user_cache_dir("timeline")``. A file that is not a readable database is moved aside
(``responses.sqlite.corrupt-<time>``) with a warning and a fresh cache is started.
"""
from __future__ import annotations

import json
import logging
import os
import sqlite3
import time
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)
FILENAME = "responses.sqlite"


def default_cache_dir() -> str:
    env = os.environ.get("TIMELINE_CACHE_DIR")
    if env:
        return env
    from platformdirs import user_cache_dir

    return user_cache_dir("timeline")


class ResponseCache:
    """get/put of JSON response bodies by key; ``warnings`` says if the file was set aside."""

    def __init__(self, directory: str | os.PathLike[str] | None = None) -> None:
        self.directory = Path(directory or default_cache_dir())
        self.path = self.directory / FILENAME
        self.warnings: list[str] = []
        self._db: sqlite3.Connection | None = None
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            self._db = self._open()
        except (OSError, sqlite3.OperationalError) as exc:  # locked, unwritable: not corrupt, so left alone
            self.warnings.append(f"response cache {self.path} cannot be used ({exc}); running without a cache")
            log.warning(self.warnings[-1])
        except sqlite3.DatabaseError as exc:
            aside = self.path.with_name(f"{FILENAME}.corrupt-{int(time.time())}")
            for suffix in ("", "-wal", "-shm"):
                extra = Path(str(self.path) + suffix)
                if extra.exists():
                    extra.replace(Path(str(aside) + suffix))
            self.warnings.append(f"response cache {self.path} was unreadable ({exc}); moved it to {aside} and started a new one")
            log.warning(self.warnings[-1])
            self._db = self._open()

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
        try:
            self._wal(db)
            db.execute(
                "CREATE TABLE IF NOT EXISTS responses (key TEXT PRIMARY KEY, model TEXT, body TEXT NOT NULL, "
                "usage TEXT NOT NULL, created REAL NOT NULL)"
            )
            db.execute("SELECT count(*) FROM responses").fetchone()
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    @staticmethod
    def _wal(db: sqlite3.Connection) -> None:
        """Switch to WAL. Two processes opening a new file at once can get SQLITE_BUSY here
        without SQLite's busy handler being consulted, so the switch is retried briefly."""
        for attempt in range(50):
            try:
                db.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or attempt == 49:
                    raise
                time.sleep(0.02 * (attempt + 1))

    def get(self, key: str) -> tuple[dict[str, Any], dict[str, int]] | None:
        """(response body, usage) stored under ``key``, or None."""
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT body, usage FROM responses WHERE key = ?", (key,)).fetchone()
        except sqlite3.DatabaseError as exc:
            log.warning("response cache read failed: %s", exc)
            return None
        if row is None:
            return None
        try:
            return json.loads(row[0]), json.loads(row[1])
        except json.JSONDecodeError:
            return None

    def put(self, key: str, model: str, body: dict[str, Any], usage: dict[str, int]) -> None:
        """Store one response now (autocommit): a later crash keeps it."""
        if self._db is None:
            return
        try:
            self._db.execute(
                "INSERT OR REPLACE INTO responses (key, model, body, usage, created) VALUES (?, ?, ?, ?, ?)",
                (key, model, json.dumps(body, ensure_ascii=False), json.dumps(usage), time.time()),
            )
        except sqlite3.DatabaseError as exc:
            log.warning("response cache write failed: %s", exc)

    def __len__(self) -> int:
        if self._db is None:
            return 0
        return int(self._db.execute("SELECT count(*) FROM responses").fetchone()[0])

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
