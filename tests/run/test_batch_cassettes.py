"""Replay of the batch path (vcrpy): upload, create, poll, download, the synchronous reduce.

``cassettes/batch_brief.yaml`` was recorded against the local test server with its simulated
Batch API (``batch_server.BatchSim``) answering with ``test_batch.pack_responder``. Replayed
with ``record_mode="none"`` against an address where nothing listens. The file upload is a
multipart body whose boundary and file name change per run, so it is matched on the JSONL it
carries; every other request on method, path and body. Re-record (no key, no network):
``TIMELINE_RECORD=1 PYTHONPATH=. python -m pytest tests/test_batch_cassettes.py`` (delete the file first).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from batch_server import BatchSim, pack_responder, write_corpus
from cassettes import CASSETTES, RECORD, REPLAY_URL, recorder
from common import run_cli
from openai_server import OpenAITestServer

NAME = "batch_brief.yaml"


def _jsonl_of(body: Any) -> Any:
    """The request lines of a multipart batch upload; any other body as it is."""
    data = body if isinstance(body, bytes) else (body or "").encode() if isinstance(body, str) else body
    if isinstance(data, bytes) and b'name="purpose"' in data and b'"custom_id"' in data:
        return [line for chunk in data.split(b"\r\n") for line in chunk.split(b"\n") if line.startswith(b'{"custom_id"')]
    return data


def _same_body(r1: Any, r2: Any) -> None:
    assert _jsonl_of(r1.body) == _jsonl_of(r2.body)


def _articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    return write_corpus(folder)


def run(*argv: str) -> tuple[int, str, str]:
    done = run_cli(*argv, text=True)
    return done.returncode, done.stdout, done.stderr


def without_usage(text: str) -> dict[str, Any]:
    data = json.loads(text)
    data.pop("usage", None)
    return data


def _batch_run(url: str, folder: Path, cache: Path) -> tuple[int, str, str]:
    args = ["--engine", "openai", "--base-url", url, "--cache-dir", str(cache), "--max-chunk-tokens", "150"]
    code, out, err = run("brief", str(folder), *args, "--batch")
    assert code == 0, err
    return run("batch", "collect", out.strip(), "--cache-dir", str(cache), "--wait", "--poll", "0.01", "-f", "json")


def test_the_batch_path_replays_without_server_or_network(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "test-key")
    folder = _articles(tmp_path)
    vcr = recorder("all" if RECORD or not (CASSETTES / NAME).exists() else "none")
    vcr.register_matcher("batch_body", _same_body)
    vcr.match_on = ["method", "path", "batch_body"]
    if RECORD or not (CASSETTES / NAME).exists():
        with OpenAITestServer(pack_responder, batches=BatchSim()) as server, vcr.use_cassette(NAME):
            code, out, err = _batch_run(server.url, folder, tmp_path / "rec")
    else:
        with vcr.use_cassette(NAME):
            code, out, err = _batch_run(REPLAY_URL, folder, tmp_path / "replay")
    assert code == 0, err
    with OpenAITestServer(pack_responder) as server:  # the same articles, synchronously
        sync = run("brief", str(folder), "--engine", "openai", "--base-url", server.url, "--cache-dir",
                   str(tmp_path / "sync"), "--max-chunk-tokens", "150", "-f", "json")[1]
    assert without_usage(out) == without_usage(sync)
    recorded = (CASSETTES / NAME).read_text(encoding="utf-8")
    assert "/v1/files" in recorded and "/v1/batches" in recorded and "test-key" not in recorded
    assert json.loads(out)["usage"]["requests"] > 1


def test_the_upload_matcher_ignores_the_boundary_and_file_name_but_not_the_requests() -> None:
    def upload(boundary: str, name: str, lines: list[str]) -> bytes:
        return (f'--{boundary}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nbatch\r\n--{boundary}\r\n'
                f'Content-Disposition: form-data; name="file"; filename="{name}"\r\n\r\n' + "".join(
                    line + "\n" for line in lines) + f"\r\n--{boundary}--\r\n").encode()

    one = ['{"custom_id":"a","body":{"x":1}}', '{"custom_id":"b","body":{"x":2}}']
    assert _jsonl_of(upload("b1", "t-1.jsonl", one)) == _jsonl_of(upload("b2", "t-2.jsonl", one))
    assert _jsonl_of(upload("b1", "t-1.jsonl", one)) != _jsonl_of(upload("b1", "t-1.jsonl", one[:1]))
    assert _jsonl_of(b'{"input_file_id":"file-1"}') == b'{"input_file_id":"file-1"}'
