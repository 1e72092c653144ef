"""The offline pool (timeline/parallel.py): the same briefing as one process, errors as one line.

Small stories are forced through the pool with TIMELINE_POOL_MIN_CHUNKS=1 (a real run uses
it from a few hundred chunks on) and small chunks.
"""
from __future__ import annotations

import dataclasses
import gc
import json
import os
import signal
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from common import ROOT, run_cli
from timeline import brief
from timeline.engines.local import LocalEngine
from timeline.errors import EngineError
from timeline.models import Article, Chunk
from timeline.options import BriefOptions
from timeline.run.pipeline import pool_workers
from timeline.sources import load_articles

STORY = [ROOT / "seeds" / "story", ROOT / "seeds" / "story2"]
POOL = {"TIMELINE_POOL_MIN_CHUNKS": "1", "TIMELINE_WORKERS": "2"}
ONE_PROCESS = {"TIMELINE_WORKERS": "1"}


class BrokenRules(LocalEngine):
    """The offline engine with a fatal error (a worker rebuilds it by its class)."""

    async def propose_pack(self, chunks: list[Chunk], articles: dict[str, Article]):  # type: ignore[no-untyped-def]
        raise EngineError("the rules are out of order")


class DyingWorker(LocalEngine):
    """A worker process that ends abruptly (killed, out of memory); the parent, which proposes
    its own share of the batches, does not."""

    async def propose(self, chunk: Chunk, article: Article):  # type: ignore[no-untyped-def]
        import multiprocessing

        if multiprocessing.parent_process() is not None:
            os._exit(9)
        return await super().propose(chunk, article)


def _story() -> list[Article]:
    return load_articles([str(p) for p in STORY]).articles


def _briefing(monkeypatch: pytest.MonkeyPatch, env: dict[str, str], **options: object) -> dict:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    got = brief(_story(), BriefOptions(engine="local", max_chunk_tokens=60, **options)).model_dump(mode="json")  # type: ignore[arg-type]
    got.pop("usage")
    return got


@pytest.mark.parametrize("options", [{}, {"key_dates": 5, "per_date": 2}])
def test_the_pool_gives_the_briefing_one_process_gives(monkeypatch: pytest.MonkeyPatch, options: dict) -> None:
    alone = _briefing(monkeypatch, ONE_PROCESS, **options)
    pooled = _briefing(monkeypatch, POOL, **options)
    assert json.dumps(pooled, sort_keys=True) == json.dumps(alone, sort_keys=True)
    assert alone["chronology"]["events"]


def test_small_runs_and_model_engines_stay_in_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TIMELINE_WORKERS", raising=False)
    monkeypatch.delenv("TIMELINE_POOL_MIN_CHUNKS", raising=False)
    assert pool_workers(LocalEngine(), 50) == 1
    assert pool_workers(LocalEngine(), 5000) in (1, 2, min(os.cpu_count() or 1, 4))

    class Remote(LocalEngine):
        parallel = False

    assert pool_workers(Remote(), 5000) == 1
    monkeypatch.setenv("TIMELINE_WORKERS", "1")
    assert pool_workers(LocalEngine(), 5000) == 1


def test_a_fatal_error_in_a_worker_is_raised_as_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    for env in (ONE_PROCESS, POOL):
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        with pytest.raises(EngineError, match="the rules are out of order"):
            brief(_story(), BriefOptions(engine="local", max_chunk_tokens=60), engine=BrokenRules())


def _cli_with(engine: type[LocalEngine], monkeypatch: pytest.MonkeyPatch) -> subprocess.CompletedProcess:
    from timeline.engines import registry

    monkeypatch.setitem(registry.ENGINES, "local",
                        dataclasses.replace(registry.ENGINES["local"], make=lambda options, dry_run: engine()))
    return run_cli("brief", *map(str, STORY), "--engine", "local", "--max-chunk-tokens", "60", "--format", "json",
                   env=POOL, text=True)


def test_an_error_in_a_worker_is_one_line_and_its_exit_code(monkeypatch: pytest.MonkeyPatch) -> None:
    result = _cli_with(BrokenRules, monkeypatch)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == "timeline: error: the rules are out of order"
    assert "Traceback" not in result.stderr


def test_a_worker_that_dies_ends_the_run_with_one_line(monkeypatch: pytest.MonkeyPatch,
                                                       caplog: pytest.LogCaptureFixture) -> None:
    result = _cli_with(DyingWorker, monkeypatch)
    assert result.returncode == 70  # EXIT_INTERNAL
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("timeline: internal error: BrokenProcessPool"), result.stderr
    assert "Traceback" not in result.stderr
    # nothing is left to print a traceback later: the futures of the broken pool were read
    gc.collect()
    assert not [r for r in caplog.records if "never retrieved" in r.getMessage()], caplog.text


def _big_story(path: Path, articles: int = 400) -> Path:
    day = date(2024, 3, 1)
    lines = []
    for i in range(articles):
        text = "\n\n".join(
            f"On {(day + timedelta(days=(i + k) % 60)).strftime('%B %d, %Y')}, the council of Alder {i} voted on "
            f"plan {k} after a long debate, officials said. Mayor Jane Roe said the plan would cost "
            f"{k + 3} million dollars and start in {(day + timedelta(days=k)).strftime('%B')}."
            for k in range(12))
        lines.append(json.dumps({"id": f"a{i}", "title": f"Council {i}", "text": text,
                                 "published": (day + timedelta(days=i % 60)).isoformat()}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _has_children(pid: int) -> bool:
    try:
        return any((Path(f"/proc/{pid}/task") / task / "children").read_text().strip()
                   for task in os.listdir(f"/proc/{pid}/task"))
    except OSError:
        return False


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a process group is POSIX")
@pytest.mark.parametrize("after", [0.0, 1.0])  # while the workers start (import), and while they propose
def test_ctrl_c_during_the_pool_ends_cleanly(tmp_path: Path, after: float) -> None:
    # big enough that a second after the workers start they are still proposing: with 400 articles
    # a fast run had reached its output by then, and the signal landed while the JSON was written
    story = _big_story(tmp_path / "story.jsonl", articles=1600)
    env = {**os.environ, **POOL, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "timeline", "brief", str(story), "--engine", "local",
                             "--max-chunk-tokens", "60", "--format", "json"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT, start_new_session=True)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and proc.poll() is None and not _has_children(proc.pid):
            time.sleep(0.05)
        time.sleep(after)
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
        os.killpg(proc.pid, signal.SIGINT)  # as a terminal does: the whole process group
        stdout, stderr = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
    assert proc.returncode == 130, stderr
    assert stderr.strip().splitlines() == [
        "timeline: interrupted: finished chunks are cached; run the same command again to resume"], stderr
    assert stdout == ""


def test_the_load_is_what_runs_now_when_the_average_still_shows_a_run_just_ended(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The 1-minute average lags: on a machine gone idle it still shows the run that just ended,
    and the next run stayed in one process. The instant (runnable tasks, this one not counted)
    lowers it; a machine busy now stays busy; no /proc file keeps the average."""
    from timeline.run import pipeline

    proc = tmp_path / "loadavg"
    monkeypatch.setattr(pipeline.os, "getloadavg", lambda: (1.9, 1.5, 0.8))
    monkeypatch.setattr(pipeline, "_LOADAVG_FILE", str(proc))
    proc.write_text("1.90 1.50 0.80 1/240 5123\n", encoding="ascii")  # only this process runs
    assert pipeline._load() == 0.0 and pipeline._workers_that_pay(2, pipeline._load()) == 2
    proc.write_text("1.90 1.50 0.80 3/240 5123\n", encoding="ascii")  # two others run now
    assert pipeline._load() == 1.9 and pipeline._workers_that_pay(2, pipeline._load()) == 1
    proc.write_text("garbled", encoding="ascii")
    assert pipeline._load() == 1.9
    proc.unlink()
    assert pipeline._load() == 1.9


def test_the_pool_is_chosen_where_it_pays() -> None:
    from timeline.run.pipeline import _workers_that_pay

    assert _workers_that_pay(1, 0.0) == 1
    assert _workers_that_pay(2, 0.5) == 2  # an idle core: this process and one worker
    assert _workers_that_pay(2, 4.0) == 1  # none idle: a worker would take its time from others
    assert _workers_that_pay(4, 0.5) == 4
    assert _workers_that_pay(8, 0.0) == 4
    assert _workers_that_pay(4, 2.5) == 2  # one idle core beside this process
    assert _workers_that_pay(4, 3.5) == 1
