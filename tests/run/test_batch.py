"""The Batch API path: submit, status, collect (in this process and from new ones), partial
failure and re-run, --sync, --wait, the dry run at batch prices, Azure, a server with no batch
endpoint, and that a batch and a synchronous run of the same articles give the same briefing.

The local test server simulates ``/v1/files`` and ``/v1/batches`` (``batch_server.BatchSim``)
and answers each batch line with the same responder as the synchronous path.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from batch_server import BatchSim, pack_responder, write_corpus
from common import run_cli, run_cli_subprocess
from fault_kit import is_extraction
from openai_server import OpenAITestServer, Script, server_error
from timeline.engines.llm.batch import Pending, input_files
from timeline.engines.llm.cache import ResponseCache


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("articles"))


@pytest.fixture(scope="module")
def synchronous(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The synchronous run of ``corpus`` every batch result is compared with (made once)."""
    cache = tmp_path_factory.mktemp("sync-cache")
    with pytest.MonkeyPatch.context() as env, OpenAITestServer(pack_responder) as server:
        env.setenv("TIMELINE_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))  # never the user's config
        env.setenv("OPENAI_API_KEY", "test-key")
        code, out, err = run("brief", str(corpus), *flags(server, cache), "-f", "json")
        bodies = [r.body for r in server.chat_requests if is_extraction(r)]
    assert code == 0, err
    return {"json": out, "bodies": bodies, "cache": cache}


def run(*argv: str) -> tuple[int, str, str]:
    """``timeline ARGV`` in this process: (exit code, stdout, stderr)."""
    done = run_cli(*argv, text=True)
    return done.returncode, done.stdout, done.stderr


def flags(server: OpenAITestServer, cache: Path) -> list[str]:
    return ["--engine", "openai", "--base-url", server.url, "--cache-dir", str(cache), "--max-chunk-tokens", "150"]


def uploaded(sim: BatchSim) -> list[list[dict[str, Any]]]:
    """The lines of every batch input file the server received."""
    return [[json.loads(x) for x in content.decode().splitlines()]
            for _name, purpose, content in sim.files.values() if purpose == "batch"]


def without_usage(text: str) -> dict[str, Any]:
    data = json.loads(text)
    data.pop("usage", None)
    return data


@pytest.fixture(autouse=True)
def _key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "test-key")


def test_batch_lines_are_the_synchronous_requests_under_their_cache_keys(corpus: Path, tmp_path: Path,
                                                                       synchronous: dict[str, Any]) -> None:
    sync_bodies = synchronous["bodies"]
    sim = BatchSim()
    with OpenAITestServer(pack_responder, batches=sim) as server:
        code, out, err = run("brief", str(corpus), *flags(server, tmp_path / "batch"), "--batch")
        assert not server.chat_requests  # nothing synchronous: every extraction went into the batch
    assert code == 0 and re.fullmatch(r"batch_\d+\n", out) and "timeline batch collect" in err
    with OpenAITestServer(pack_responder, batches=sim) as server:  # the same command again: nothing is paid twice
        again = run("brief", str(corpus), *flags(server, tmp_path / "batch"), "--batch")
        assert not server.requests
    assert again[1] == out and "already sent as batch job" in again[2]
    [lines] = uploaded(sim)
    assert len(sync_bodies) > 3
    assert sorted(json.dumps(x["body"], sort_keys=True) for x in lines) == \
        sorted(json.dumps(b, sort_keys=True) for b in sync_bodies)
    assert {x["method"] for x in lines} == {"POST"} and {x["url"] for x in lines} == {"/v1/chat/completions"}
    sync_cache = ResponseCache(synchronous["cache"])  # the synchronous run stored its replies under these keys
    assert all(sync_cache.get(x["custom_id"]) is not None for x in lines)
    sync_cache.close()
    job = json.loads((tmp_path / "batch" / "batches" / f"{out.strip()}.json").read_text())
    assert job["parts"][0]["keys"] == [x["custom_id"] for x in lines] and "test-key" not in json.dumps(job)


def test_a_batch_and_a_synchronous_run_give_the_same_briefing(corpus: Path, tmp_path: Path,
                                                             synchronous: dict[str, Any]) -> None:
    sync_json = synchronous["json"]
    sim = BatchSim()
    with OpenAITestServer(pack_responder, batches=sim) as server:
        job = run("brief", str(corpus), *flags(server, tmp_path / "batch"), "--batch")[1].strip()
        code, _, err = run("batch", "collect", job, "--cache-dir", str(tmp_path / "batch"))
        assert code == 75 and "again later" in err  # still validating / in progress: nothing written
        status = run("batch", "status", job, "--cache-dir", str(tmp_path / "batch"))[1]
        code, batch_json, err = run("batch", "collect", job, "--cache-dir", str(tmp_path / "batch"), "-f", "json")
        chat = [r for r in server.chat_requests]
    assert "finalizing" in status or "in_progress" in status
    assert code == 0, err
    assert without_usage(batch_json) == without_usage(sync_json)
    assert [is_extraction(r) for r in chat] == [False]  # only the reduce request was sent synchronously
    usage, sync_usage = json.loads(batch_json)["usage"], json.loads(sync_json)["usage"]
    assert usage["requests"] == sync_usage["requests"] and usage["prompt_tokens"] == sync_usage["prompt_tokens"]
    assert 0 < usage["cost_usd"] < sync_usage["cost_usd"]  # the batch half billed at half price


def test_collect_resumes_in_a_new_process_from_the_state_in_the_cache_dir(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    with OpenAITestServer(pack_responder, batches=BatchSim()) as server:
        code, out, _ = run("brief", str(corpus), *flags(server, cache), "--batch")
        job = out.strip()
        assert code == 0 and (cache / "batches" / f"{job}.json").is_file()
        for _ in range(3):
            status = run("batch", "status", job, "--cache-dir", str(cache))[1]
        assert "completed" in status, status
        # a new process (another shell, after a reboot): only the cache directory and the id are shared
        done = run_cli_subprocess("batch", "collect", job, "--cache-dir", str(cache), "-f", "markdown", "-o",
                                  str(tmp_path / "b.md"), env={"OPENAI_API_KEY": "test-key"})
    assert done.returncode == 0, done.stderr
    text = (tmp_path / "b.md").read_text()
    assert "project Cedar-6" in text and "councils voted to fund projects" in text


def test_collect_in_a_new_process_keeps_key_dates_and_per_date(corpus: Path, tmp_path: Path,
                                                               synchronous: dict[str, Any]) -> None:
    """Issue 21: the job stores its options through the options model, so ``--key-dates`` and
    ``--per-date`` given at submit are applied by a ``collect`` that never saw them."""
    picked = ["--key-dates", "1", "--per-date", "1"]
    with OpenAITestServer(pack_responder) as server:
        code, sync_json, err = run("brief", str(corpus), *flags(server, tmp_path / "sync"), *picked, "-f", "json")
    assert code == 0, err
    cache = tmp_path / "cache"
    with OpenAITestServer(pack_responder, batches=BatchSim()) as server:
        code, out, err = run("brief", str(corpus), *flags(server, cache), *picked, "--batch")
        assert code == 0, err
        job = out.strip()
        stored = json.loads((cache / "batches" / f"{job}.json").read_text())["options"]
        assert (stored["key_dates"], stored["per_date"]) == (1, 1) and "cache_dir" not in stored
        done = run_cli_subprocess("batch", "collect", job, "--cache-dir", str(cache), "--wait", "--poll", "0.01",
                                  "-f", "json", env={"OPENAI_API_KEY": "test-key"})
    assert done.returncode == 0, done.stderr
    events = json.loads(done.stdout)["chronology"]["events"]
    assert len(events) == 1 < len(json.loads(synchronous["json"])["chronology"]["events"])
    assert without_usage(done.stdout) == without_usage(sync_json)


def test_partial_failure_lists_the_requests_and_a_resubmit_sends_only_those(corpus: Path, tmp_path: Path,
                                                                            synchronous: dict[str, Any]) -> None:
    script = Script(pack_responder, {"project Birch-2": [server_error(500)]})  # once: the resubmitted line succeeds
    sim = BatchSim()
    cache = ["--cache-dir", str(tmp_path / "c")]
    with OpenAITestServer(script, batches=sim) as server:
        job = run("brief", str(corpus), *flags(server, tmp_path / "c"), "--batch", "--wait", "--poll", "0.01",
                  "-o", str(tmp_path / "first.json"), "-f", "json")
        assert job[0] == 3 and "1 request(s) not answered by the batch" in job[2] and "server answered 500" in job[2]
        assert "Birch [" in job[2] and "timeline batch resubmit" in job[2]
        first = json.loads((tmp_path / "first.json").read_text())
        assert [f["article_id"] for f in first["failed_chunks"]] == ["Birch"]
        assert "not answered by the batch" in first["failed_chunks"][0]["reason"]
        assert not [r for r in server.chat_requests if is_extraction(r)]  # the failed one was not sent synchronously
        assert not job[1]  # with --wait and -o, stdout is the briefing's: the id goes to stderr
        job_id = re.search(r"batch job (\S+): waiting", job[2]).group(1)
        code, out, err = run("batch", "resubmit", job_id, *cache)
        assert code == 0 and "sent 1 request(s) again" in err
        assert [len(lines) for lines in uploaded(sim)] == [len(uploaded(sim)[0]), 1]
        assert uploaded(sim)[1][0]["custom_id"] in {x["custom_id"] for x in uploaded(sim)[0]}
        code, _, err = run("batch", "collect", job_id, *cache, "--wait", "--poll", "0.01", "-f", "json",
                           "-o", str(tmp_path / "second.json"))
    assert code == 0, err
    second = json.loads((tmp_path / "second.json").read_text())
    assert not second["failed_chunks"] and script.counts["project Birch-2"] == 2
    assert without_usage(json.dumps(second)) == without_usage(synchronous["json"])


def test_an_expired_batch_keeps_what_it_answered_and_sync_sends_only_the_rest(corpus: Path, tmp_path: Path) -> None:
    sim = BatchSim(outcomes=["expired"])
    with OpenAITestServer(pack_responder, batches=sim) as server:
        job = run("brief", str(corpus), *flags(server, tmp_path / "c"), "--batch")[1].strip()
        code, out, err = run("batch", "collect", job, "--cache-dir", str(tmp_path / "c"), "--wait", "--poll", "0.01",
                             "--sync", "-f", "json")
        sent = [r for r in server.chat_requests if is_extraction(r)]
    total = len(uploaded(sim)[0])
    assert code == 0, err
    assert len(sent) == total - total // 2  # the expired half, sent now; the answered half came from the batch
    assert not json.loads(out)["failed_chunks"]
    code, listed, _ = run("batch", "list", "--cache-dir", str(tmp_path / "c"))
    assert code == 0 and "not answered 0" in listed and f"answered with --sync {total - total // 2}" in listed


@pytest.mark.parametrize("outcome", ["failed", "cancelled"])
def test_a_failed_or_cancelled_batch_fails_its_chunks_with_the_reason(corpus: Path, tmp_path: Path,
                                                                      outcome: str) -> None:
    with OpenAITestServer(pack_responder, batches=BatchSim(outcomes=[outcome])) as server:
        job = run("brief", str(corpus), *flags(server, tmp_path / "c"), "--batch")[1].strip()
        code, out, err = run("batch", "collect", job, "--cache-dir", str(tmp_path / "c"), "--wait", "--poll", "0.01",
                             "-f", "json")
    assert "not answered by the batch" in err
    if outcome == "failed":  # nothing answered: every chunk failed, a total failure (exit 1), nothing written
        assert code == 1 and not out and "the model is not available for batch" in err
        return
    briefing = json.loads(out)
    failed = briefing["failed_chunks"]
    assert code == 3 and failed and all("not answered by the batch" in f["reason"] for f in failed)
    assert briefing["chronology"]["events"]  # the half the batch answered before it was cancelled


def test_a_server_without_batch_endpoints_gets_one_clear_line(corpus: Path, tmp_path: Path) -> None:
    with OpenAITestServer(pack_responder) as server:  # no BatchSim: 404 on /v1/files
        code, out, err = run("brief", str(corpus), *flags(server, tmp_path / "c"), "--batch")
    assert code == 1 and not out
    assert err.strip().splitlines() == [f"timeline: error: {server.url} has no batch endpoint (404 on /files): "
                                        "run without --batch"]


def test_dry_run_batch_shows_the_count_and_the_batch_price_and_sends_nothing(corpus: Path, tmp_path: Path) -> None:
    with OpenAITestServer(pack_responder, batches=BatchSim()) as server:
        code, out, _ = run("brief", str(corpus), *flags(server, tmp_path / "c"), "--batch", "--dry-run")
        assert not server.requests
    assert code == 0
    count = int(re.search(r"batch: (\d+) extraction request", out).group(1))
    planned = int(re.search(r"in (\d+) extraction request", out).group(1))
    assert count == planned > 1
    total, batched, reduce, full = (float(x) for x in re.search(
        r"batch prices: \$([\d.]+) \(batch \$([\d.]+) .*reduce \$([\d.]+) .*synchronously: \$([\d.]+)", out).groups())
    assert abs(total - (batched + reduce)) < 2e-4 and abs(batched - (full - reduce) / 2) < 2e-4


def test_azure_batches_use_the_same_api_with_azure_paths(corpus: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    sim = BatchSim()
    with OpenAITestServer(pack_responder, batches=sim) as server:
        monkeypatch.setenv("AZURE_OPENAI_API_KEY", "azure-test-key")
        monkeypatch.setenv("AZURE_OPENAI_ENDPOINT", server.url.removesuffix("/v1"))
        monkeypatch.delenv("OPENAI_API_KEY")
        args = ["--engine", "openai", "--cache-dir", str(tmp_path / "c"), "--max-chunk-tokens", "150"]
        job = run("brief", str(corpus), *args, "--batch")[1].strip()
        code, out, err = run("batch", "collect", job, "--cache-dir", str(tmp_path / "c"), "--wait", "--poll", "0.01")
        paths = {r.path.split("?")[0] for r in server.requests}
        keys = {r.headers.get("api-key") for r in server.requests}
    assert code == 0, err
    assert {"/openai/files", "/openai/batches"} <= paths and keys == {"azure-test-key"}
    assert {x["url"] for x in uploaded(sim)[0]} == {"/chat/completions"}
    assert {r["endpoint"] for r in sim.batches.values()} == {"/chat/completions"}


def test_unknown_job_and_no_cache_are_usage_errors(corpus: Path, tmp_path: Path) -> None:
    code, _, err = run("batch", "collect", "batch_nope", "--cache-dir", str(tmp_path))
    assert code == 2 and "no such job" in err
    code, _, err = run("batch", "status", "../../etc/passwd", "--cache-dir", str(tmp_path))
    assert code == 2 and "not a batch id" in err
    with OpenAITestServer(pack_responder, batches=BatchSim()) as server:
        code, _, err = run("brief", str(corpus), *flags(server, tmp_path / "c"), "--batch", "--no-cache")
    assert code == 2 and "drop --no-cache" in err
    code, _, err = run("brief", str(corpus), "--engine", "local", "--batch")
    assert code == 2 and "--engine openai" in err


@settings(max_examples=40, deadline=None)
@given(sizes=st.lists(st.integers(0, 300), max_size=30), max_requests=st.integers(1, 7),
       max_bytes=st.integers(600, 2000))
def test_input_files_split_under_both_limits_and_keep_every_request_once(sizes: list[int], max_requests: int,
                                                                         max_bytes: int) -> None:
    pending = [Pending(f"k{i}", {"model": "m", "messages": [{"role": "user", "content": "x" * n}]}, f"a{i}")
               for i, n in enumerate(sizes)]
    files = input_files(pending, "/v1/chat/completions", max_requests=max_requests, max_bytes=max_bytes)
    assert [k for _data, keys in files for k in keys] == [p.key for p in pending]
    for data, keys in files:
        lines = data.decode().splitlines()
        assert len(lines) == len(keys) <= max_requests and len(data) <= max_bytes
        assert [json.loads(x)["custom_id"] for x in lines] == keys
