"""The response cache under concurrent writers and after corruption."""
from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from common import ROOT
from fault_kit import cli, council_article, extraction_texts, grounded_responder, write_articles
from openai_server import OpenAITestServer
from timeline.engines.llm.cache import FILENAME, ResponseCache
from timeline.run.pipeline import BriefOptions, brief
from timeline.sources import load_articles

WRITER = """
import sys, time
from timeline.engines.llm.cache import ResponseCache
directory, tag, start = sys.argv[1], sys.argv[2], float(sys.argv[3])
cache = ResponseCache(directory)
while time.time() < start:
    time.sleep(0.001)
for i in range(300):
    cache.put(f"{tag}-{i}", "m", {"tag": tag, "i": i, "pad": "x" * 500}, {"prompt_tokens": i})
cache.close()
print("done")
"""


def test_two_processes_writing_at_once_leave_a_sound_cache(tmp_path: Path) -> None:
    start = time.time() + 1.0  # both processes begin writing at the same instant
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path), tag, str(start)], cwd=ROOT,
                              env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for tag in ("a", "b")]
    for proc in procs:
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0 and out.strip() == "done", err
        assert err == "", err  # no "cache write failed" (or any other) message
    db = sqlite3.connect(tmp_path / FILENAME)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()
    cache = ResponseCache(tmp_path)
    assert len(cache) == 600 and not cache.warnings
    assert cache.get("a-299")[0]["tag"] == "a" and cache.get("b-0")[1] == {"prompt_tokens": 0}
    cache.close()


def test_two_briefings_at_once_on_one_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two whole briefings write one cache at the same time, each through its own connection
    (two threads of this process: the cross-process case is the raw writers' test above)."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("OPENAI_API_KEY", "test-key")
    alder = write_articles(tmp_path / "alder", {"alder": council_article("Alder", 8)})
    birch = write_articles(tmp_path / "birch", {"birch": council_article("Birch", 8)})
    args = ["--format", "json", "--max-chunk-tokens", "50", "--engine", "openai", "--max-retries", "0"]
    with OpenAITestServer(grounded_responder) as server:
        options = BriefOptions(engine="openai", base_url=server.url, max_chunk_tokens=50, max_retries=0,
                               cache_dir=str(cache))
        with ThreadPoolExecutor(2) as pool:
            runs = list(pool.map(lambda folder: brief(load_articles([str(folder)]).articles, options), (alder, birch)))
        assert all(not r.failed_chunks and r.chronology.events for r in runs)
        assert len(extraction_texts(server)) == 16
        for folder in (alder, birch):  # both runs' entries are there: the re-runs send nothing
            again = cli(["brief", str(folder), *args], server, TIMELINE_CACHE_DIR=str(cache))
            assert again.returncode == 0, again.stderr
        assert len(extraction_texts(server)) == 16
    db = sqlite3.connect(cache / FILENAME)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("SELECT count(*) FROM responses").fetchone()[0] == 18  # 16 chunks + 2 summaries
    db.close()


def test_corrupted_cache_is_moved_aside_with_a_warning_and_the_run_continues(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / FILENAME).write_bytes(b"\x00garbage, not SQLite\xff" * 512)
    folder = write_articles(tmp_path / "story", {"alder": council_article("Alder", 2)})
    with OpenAITestServer(grounded_responder) as server:
        result = cli(["brief", str(folder), "--format", "json", "--engine", "openai"], server,
                     TIMELINE_CACHE_DIR=str(cache))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    [aside] = cache.glob(FILENAME + ".corrupt-*")
    assert aside.read_bytes().startswith(b"\x00garbage")
    warnings = [line for line in result.stderr.splitlines() if "moved it to" in line]
    assert warnings and str(aside) in warnings[0]
    db = sqlite3.connect(cache / FILENAME)
    assert db.execute("SELECT count(*) FROM responses").fetchone()[0] == 2  # the new cache is in use
    db.close()
