"""A small OpenAI-compatible server for tests: 127.0.0.1, random port, scripted replies.

    with OpenAITestServer(responder) as server:
        client = AsyncOpenAI(base_url=server.url, api_key="test")
        ...
        server.requests  # every request received: path, headers, JSON body

A *responder* is called once per request with the ``Recorded`` request and returns a
``Reply``: a status, a JSON body (or raw bytes), headers, an optional delay, or ``drop=True``
to close the connection without answering. So a test scripts faults per request: 429 with
Retry-After, 500/503, a slow reply, a dropped connection, a non-JSON body, schema-breaking
JSON, finish_reason "length", a refusal, empty choices. ``queue(*replies)`` makes a
responder that answers with each reply in turn.

The server thread is a daemon and shuts itself down after ``lifetime`` seconds if a test
forgets to stop it.
"""
from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable


@dataclass
class Recorded:
    method: str
    path: str
    headers: dict[str, str]
    body: Any  # parsed JSON, or the raw text when it is not JSON

    @property
    def messages(self) -> list[dict[str, Any]]:
        return self.body.get("messages", []) if isinstance(self.body, dict) else []


@dataclass
class Reply:
    status: int = 200
    body: Any = None  # dict/list -> JSON; str/bytes -> sent as is
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    drop: bool = False


Responder = Callable[[Recorded], Reply]


def completion(content: str | None, *, prompt_tokens: int = 10, completion_tokens: int = 10, cached_tokens: int = 0,
               finish_reason: str = "stop", refusal: str | None = None, model: str = "gpt-4o-mini") -> Reply:
    """A 200 chat completion with one choice."""
    message: dict[str, Any] = {"role": "assistant", "content": content, "refusal": refusal}
    return Reply(body={
        "id": "chatcmpl-test", "object": "chat.completion", "created": 1733097600, "model": model,
        "choices": [{"index": 0, "message": message, "finish_reason": finish_reason, "logprobs": None}],
        "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                  "total_tokens": prompt_tokens + completion_tokens,
                  "prompt_tokens_details": {"cached_tokens": cached_tokens}},
    })


def error(status: int, message: str, *, code: str | None = None, headers: dict[str, str] | None = None) -> Reply:
    """An OpenAI-style error body with ``status``."""
    return Reply(status=status, body={"error": {"message": message, "type": "invalid_request_error", "code": code,
                                                "param": None}}, headers=headers or {})


def queue(*replies: Reply | Responder) -> Responder:
    """A responder answering with each reply (or responder) in turn; the last one repeats."""
    items = list(replies)
    lock = threading.Lock()

    def respond(request: Recorded) -> Reply:
        with lock:
            item = items.pop(0) if len(items) > 1 else items[0]
        return item(request) if callable(item) else item

    return respond


class OpenAITestServer:
    """Context manager running the server in a thread; ``url`` ends in ``/v1``."""

    def __init__(self, responder: Responder, lifetime: float = 120.0) -> None:
        self.responder = responder
        self.requests: list[Recorded] = []
        self.lifetime = lifetime
        self._lock = threading.Lock()
        self._stopped = False
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:  # quiet
                pass

            def do_GET(self) -> None:  # noqa: N802
                self._handle()

            def do_POST(self) -> None:  # noqa: N802
                self._handle()

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode("utf-8", "replace") if length else ""
                try:
                    body: Any = json.loads(raw) if raw else None
                except json.JSONDecodeError:
                    body = raw
                recorded = Recorded(self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, body)
                with server._lock:
                    server.requests.append(recorded)
                if not self.path.split("?")[0].rstrip("/").endswith("/chat/completions"):
                    reply = error(404, f"unknown path {self.path}")
                else:
                    try:
                        reply = server.responder(recorded)
                    except Exception as exc:  # a bug in a test's responder: answer 500, say why
                        reply = error(500, f"responder failed: {exc!r}")
                if reply.delay:
                    time.sleep(reply.delay)
                if reply.drop:
                    self.close_connection = True
                    try:
                        self.connection.shutdown(2)
                    except OSError:
                        pass
                    return
                payload = reply.body
                data = payload if isinstance(payload, bytes) else (
                    payload.encode() if isinstance(payload, str) else json.dumps(payload).encode())
                self.send_response(reply.status)
                content_type = "application/json" if not isinstance(payload, (str, bytes)) else "text/plain"
                headers = {"Content-Type": content_type, **reply.headers}
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/v1"
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._timer = threading.Timer(lifetime, self.stop)
        self._timer.daemon = True

    @property
    def chat_requests(self) -> list[Recorded]:
        return [r for r in self.requests if r.path.split("?")[0].rstrip("/").endswith("/chat/completions")]

    def start(self) -> "OpenAITestServer":
        self._thread.start()
        self._timer.start()
        return self

    def stop(self) -> None:
        if self._stopped:
            return
        self._stopped = True
        self._timer.cancel()
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> "OpenAITestServer":
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()
