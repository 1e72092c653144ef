"""The Batch API on the local test server: ``/v1/files`` and ``/v1/batches``, simulated in memory.

    sim = BatchSim(outcomes=["completed"])
    with OpenAITestServer(responder, batches=sim) as server: ...

A batch moves one step each time it is retrieved: validating -> in_progress -> finalizing ->
completed (``ticks`` retrievals per step, so a test sees it unfinished first). Its lines are
answered by the server's chat responder when it completes, so a ``Script`` of faults makes a
partially failed batch: a non-200 reply goes to the error file with its status code, as the
real API does. Each created batch takes the next of ``outcomes`` (the last repeats):
``completed``; ``failed`` (validation fails: no output, ``errors`` says why); ``expired``
(the first half of its lines answered, the rest in the error file as ``batch_expired``);
``cancelled`` (likewise, ``batch_cancelled``). Azure's paths (``/openai/files``...) are
served too. Requests are recorded by the server like any other.

``pack_responder`` answers both paths the same way (grounded events for every article of a
packed request), and ``write_corpus`` makes the three made-up articles the batch tests use.
"""
from __future__ import annotations

import email.parser
import email.policy
import itertools
import json
import threading
import time
from typing import Any, Callable

from fault_kit import SUMMARY, council_article, events_for, is_extraction
from openai_server import Recorded, Reply, completion, error

STEPS = ("validating", "in_progress", "finalizing")


class BatchSim:
    def __init__(self, outcomes: list[str] | None = None, ticks: int = 1) -> None:
        self.outcomes = list(outcomes or ["completed"])
        self.ticks = ticks
        self.files: dict[str, tuple[str, str, bytes]] = {}  # id -> (name, purpose, content)
        self.batches: dict[str, dict[str, Any]] = {}
        self._polls: dict[str, int] = {}
        self._outcome: dict[str, str] = {}
        self._ids = itertools.count(1)
        self._lock = threading.Lock()

    @staticmethod
    def handles(path: str) -> bool:
        parts = path.split("?")[0].rstrip("/").split("/")
        return "files" in parts or "batches" in parts

    def handle(self, request: Recorded, responder: Callable[[Recorded], Reply]) -> Reply:
        parts = request.path.split("?")[0].rstrip("/").split("/")
        with self._lock:
            if "files" in parts:
                rest = parts[parts.index("files") + 1:]
                if request.method == "POST" and not rest:
                    return self._upload(request)
                if request.method == "GET" and len(rest) == 2 and rest[1] == "content" and rest[0] in self.files:
                    return Reply(body=self.files[rest[0]][2], headers={"Content-Type": "application/octet-stream"})
                return error(404, f"no such file: {request.path}")
            rest = parts[parts.index("batches") + 1:]
            if request.method == "POST" and not rest:
                return self._create(request)
            if rest and rest[0] in self.batches:
                if request.method == "GET" and len(rest) == 1:
                    return Reply(body=self._advance(rest[0], responder))
                if request.method == "POST" and rest[1:] == ["cancel"]:
                    self._outcome[rest[0]] = "cancelled"
                    return Reply(body=self._finish(rest[0], responder))
            return error(404, f"no such batch: {request.path}")

    def _upload(self, request: Recorded) -> Reply:
        head = f"Content-Type: {request.headers.get('content-type', '')}\r\n\r\n".encode()
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + request.raw)
        fields: dict[str, tuple[str | None, bytes]] = {}
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            fields[str(name)] = (part.get_filename(), part.get_payload(decode=True) or b"")
        if "file" not in fields or fields.get("purpose", (None, b""))[1] != b"batch":
            return error(400, "expected a file with purpose 'batch'")
        file_id = f"file-{next(self._ids)}"
        filename, content = fields["file"]
        self.files[file_id] = (filename or "upload.jsonl", "batch", content)
        return Reply(body=self._file(file_id))

    def _file(self, file_id: str) -> dict[str, Any]:
        name, purpose, content = self.files[file_id]
        return {"id": file_id, "object": "file", "bytes": len(content), "created_at": int(time.time()),
                "filename": name, "purpose": purpose, "status": "processed"}

    def _create(self, request: Recorded) -> Reply:
        body = request.body if isinstance(request.body, dict) else {}
        if body.get("input_file_id") not in self.files:
            return error(400, "input_file_id: no such file")
        if body.get("completion_window") != "24h":
            return error(400, "completion_window: only 24h is supported")
        batch_id = f"batch_{next(self._ids)}"
        lines = [json.loads(x) for x in self.files[body["input_file_id"]][2].decode().splitlines() if x.strip()]
        self.batches[batch_id] = {
            "id": batch_id, "object": "batch", "endpoint": body.get("endpoint"), "errors": None,
            "input_file_id": body["input_file_id"], "completion_window": "24h", "status": "validating",
            "output_file_id": None, "error_file_id": None, "created_at": int(time.time()),
            "request_counts": {"total": len(lines), "completed": 0, "failed": 0}, "metadata": body.get("metadata"),
        }
        self._polls[batch_id] = 0
        self._outcome[batch_id] = self.outcomes.pop(0) if len(self.outcomes) > 1 else self.outcomes[0]
        return Reply(body=self.batches[batch_id])

    def _advance(self, batch_id: str, responder: Callable[[Recorded], Reply]) -> dict[str, Any]:
        batch = self.batches[batch_id]
        if batch["status"] not in STEPS:
            return batch
        self._polls[batch_id] += 1
        step = self._polls[batch_id] // self.ticks
        outcome = self._outcome[batch_id]
        if outcome == "failed" and step >= 1:
            batch.update(status="failed", failed_at=int(time.time()), errors={"object": "list", "data": [
                {"code": "invalid_request", "message": "the model is not available for batch", "param": "body.model",
                 "line": 1}]})
        elif outcome in ("expired", "cancelled") and step >= 2:
            self._finish(batch_id, responder)
        elif step >= len(STEPS):
            self._finish(batch_id, responder)
        else:
            batch["status"] = STEPS[step]
            if batch["status"] == "in_progress":
                counts = batch["request_counts"]
                counts["completed"] = counts["total"] // 2
        return batch

    def _finish(self, batch_id: str, responder: Callable[[Recorded], Reply]) -> dict[str, Any]:
        batch = self.batches[batch_id]
        outcome = self._outcome[batch_id]
        lines = [json.loads(x) for x in self.files[batch["input_file_id"]][2].decode().splitlines() if x.strip()]
        cut = len(lines) if outcome == "completed" else len(lines) // 2
        out, errors = [], []
        for number, line in enumerate(lines):
            item: dict[str, Any] = {"id": f"batch_req_{number}", "custom_id": line["custom_id"]}
            if number >= cut:
                code = "batch_expired" if outcome == "expired" else "batch_cancelled"
                errors.append({**item, "response": None, "error": {
                    "code": code, "message": "This request could not be executed before the batch ended."}})
                continue
            reply = responder(Recorded("POST", line["url"], {}, line["body"]))
            result = {"status_code": reply.status, "request_id": f"req_{number}", "body": reply.body}
            (out if reply.status == 200 else errors).append({**item, "response": result, "error": None})
        batch["output_file_id"] = self._store(batch_id, "output", out)
        batch["error_file_id"] = self._store(batch_id, "error", errors)
        batch["request_counts"] = {"total": len(lines), "completed": len(out), "failed": len(errors)}
        batch["status"] = outcome
        batch[f"{outcome}_at"] = int(time.time())
        return batch

    def _store(self, batch_id: str, kind: str, items: list[dict[str, Any]]) -> str | None:
        if not items:
            return None
        file_id = f"file-{next(self._ids)}"
        content = "".join(json.dumps(i) + "\n" for i in items).encode()
        self.files[file_id] = (f"{batch_id}_{kind}.jsonl", f"batch_{kind}", content)
        return file_id


NAMES = ("Alder", "Birch", "Cedar")


def pack_responder(request: Recorded) -> Reply:
    """Grounded events for every <article> of a (packed) extraction request; a fixed summary otherwise."""
    import re

    if is_extraction(request):
        asked = next(m["content"] for m in request.messages if m["role"] == "user")
        texts = re.findall(r"<article[^>]*>\n?(.*?)\n?</article>", asked, re.S)
        first = texts[0].split(".")[0] if texts else ""
        return completion(json.dumps({"events": [e for t in texts for e in events_for(t)],
                                      "summary": f"Part on {first[:40]}."}), prompt_tokens=100, completion_tokens=40)
    return completion(json.dumps(SUMMARY), prompt_tokens=50, completion_tokens=20)


def write_corpus(folder: Any) -> Any:
    """Three made-up council articles of 5, 6 and 7 dated paragraphs in ``folder`` (a Path)."""
    for i, name in enumerate(NAMES):
        text = council_article(name, 5 + i, year=2023 + i % 2)
        (folder / f"{name}.md").write_text(f"---\ntitle: {name} votes\npublished: 2024-12-02\n---\n{text}")
    return folder
