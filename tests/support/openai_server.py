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

``FAULTS`` names one ready-made reply per fault kind, and ``Script`` scripts faults per
chunk: requests whose article text contains a marker get that marker's faults in turn, then
the healthy responder; ``Script.counts`` says how many requests each marker drew.

The server thread is a daemon and shuts itself down after ``lifetime`` seconds, or after
``idle`` seconds without a request, if a test forgets to stop it; a slow reply's delay is cut
short when the server stops.
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
    raw: bytes = b""  # the body as sent (a multipart file upload)

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


# -- one reply per fault kind ---------------------------------------------------------------

def rate_limited(retry_after: str = "0.05") -> Reply:
    """429 with Retry-After (seconds)."""
    return error(429, "Rate limit reached for requests", code="rate_limit_exceeded", headers={"Retry-After": retry_after})


def server_error(status: int = 500, retry_after: str | None = "0.01") -> Reply:
    """500/503; a tiny Retry-After keeps the SDK's retries fast in tests."""
    return error(status, "The server had an error while processing your request",
                 headers={"Retry-After": retry_after} if retry_after else None)


def slow(delay: float, reply: Reply | None = None) -> Reply:
    """``reply`` (default: an empty completion) sent only after ``delay`` seconds."""
    base = reply or completion('{"events": []}')
    return Reply(status=base.status, body=base.body, headers=base.headers, delay=delay)


def dropped() -> Reply:
    """The connection is closed without an answer."""
    return Reply(drop=True)


def not_json() -> Reply:
    """A 200 whose body is not JSON (a proxy's HTML page), labelled as JSON."""
    return Reply(body=b"<html><body>502 Bad Gateway</body></html>", headers={"Content-Type": "application/json"})


def schema_break() -> Reply:
    """Valid JSON that breaks the events schema (missing required fields)."""
    return completion(json.dumps({"events": [{"what": "something happened"}]}))


def truncated(content: str = '{"events": [{"when_text": "On Sunday", "date": "2024-12-0') -> Reply:
    """finish_reason "length" with half an answer."""
    return completion(content, finish_reason="length")


def refusal(text: str = "I'm sorry, but I can't help with that.") -> Reply:
    return completion(None, refusal=text)


def empty_choices() -> Reply:
    return Reply(body={"id": "chatcmpl-empty", "object": "chat.completion", "created": 0, "model": "gpt-4o-mini",
                       "choices": [], "usage": {"prompt_tokens": 5, "completion_tokens": 0, "total_tokens": 5}})


def llama_cpp_format_error() -> Reply:
    """What llama-cpp-python's server (``python -m llama_cpp.server``) answers a
    ``response_format`` of type json_schema: 500, its pydantic validation error as the message."""
    return Reply(status=500, body={"error": {
        "message": "1 validation error for CreateChatCompletionRequest\nresponse_format.type\n  Input should be "
                   "'text' or 'json_object' [type=literal_error, input_value='json_schema', input_type=str]",
        "type": "internal_server_error", "param": None, "code": None}})


FAULTS: dict[str, Callable[[], Reply]] = {
    "429": rate_limited, "500": lambda: server_error(500), "503": lambda: server_error(503),
    "slow": lambda: slow(1.0), "drop": dropped, "not_json": not_json, "schema": schema_break,
    "length": truncated, "refusal": refusal, "no_choices": empty_choices,
}


def article_text(request: Recorded) -> str:
    """The text between <article> tags in the request's user message ('' when there is none)."""
    import re

    for message in request.messages:
        if message.get("role") == "user":
            match = re.search(r"<article[^>]*>\n?(.*?)\n?</article>", str(message.get("content")), re.S)
            if match:
                return match.group(1)
    return ""


class Script:
    """A responder: requests whose article contains a marker get that marker's replies in turn
    (the last one repeats when ``repeat``), every other request goes to ``healthy``."""

    def __init__(self, healthy: Responder, faults: dict[str, list[Reply | Responder]], repeat: bool = False) -> None:
        self.healthy = healthy
        self.faults = {marker: list(replies) for marker, replies in faults.items()}
        self.repeat = repeat
        self.counts: dict[str, int] = {marker: 0 for marker in faults}
        self._lock = threading.Lock()

    def __call__(self, request: Recorded) -> Reply:
        text = article_text(request)
        with self._lock:
            for marker, replies in self.faults.items():
                if marker in text:
                    self.counts[marker] += 1
                    if replies:
                        item = replies.pop(0) if (len(replies) > 1 or not self.repeat) else replies[0]
                        break
            else:
                item = self.healthy
        return item(request) if callable(item) else item


def queue(*replies: Reply | Responder) -> Responder:
    """A responder answering with each reply (or responder) in turn; the last one repeats."""
    items = list(replies)
    lock = threading.Lock()

    def respond(request: Recorded) -> Reply:
        with lock:
            item = items.pop(0) if len(items) > 1 else items[0]
        return item(request) if callable(item) else item

    return respond


class _Server(ThreadingHTTPServer):
    # The default listen backlog (5) drops connections when a client opens more at once
    # (--concurrency 8), and a dropped SYN costs the client a retransmission delay.
    request_queue_size = 128

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hung up (a cancelled request) is normal here; anything else is printed.
        Quiet matters: the CLI may run in this process, and its stderr is what a test reads."""
        import sys

        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


class OpenAITestServer:
    """Context manager running the server in a thread; ``url`` ends in ``/v1``."""

    def __init__(self, responder: Responder, lifetime: float = 120.0, idle: float = 30.0,
                 batches: Any = None) -> None:
        self.responder = responder
        self.batches = batches  # a batch_server.BatchSim serves /v1/files and /v1/batches; None: 404 there
        self.requests: list[Recorded] = []
        self.lifetime = lifetime
        self.idle = idle
        self._lock = threading.Lock()
        self._stopped = False
        self._stop_event = threading.Event()
        self._last_activity = time.monotonic()
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
                data = self.rfile.read(length) if length else b""
                raw = data.decode("utf-8", "replace")
                try:
                    body: Any = json.loads(raw) if raw else None
                except json.JSONDecodeError:
                    body = raw
                recorded = Recorded(self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, body, data)
                with server._lock:
                    server.requests.append(recorded)
                    server._last_activity = time.monotonic()
                if server.batches is not None and server.batches.handles(self.path):
                    reply = server.batches.handle(recorded, server.responder)
                elif not self.path.split("?")[0].rstrip("/").endswith("/chat/completions"):
                    reply = error(404, f"unknown path {self.path}")
                else:
                    try:
                        reply = server.responder(recorded)
                    except Exception as exc:  # a bug in a test's responder: answer 500, say why
                        reply = error(500, f"responder failed: {exc!r}")
                if reply.delay and server._stop_event.wait(reply.delay):
                    return  # stopped while sleeping
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

        self._server = _Server(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/v1"
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._watchdog = threading.Thread(target=self._watch, daemon=True)

    def _watch(self) -> None:
        """Stop after ``lifetime`` seconds, or ``idle`` seconds without a request."""
        started = time.monotonic()
        while not self._stop_event.wait(0.1):
            now = time.monotonic()
            if now - started > self.lifetime or now - self._last_activity > self.idle:
                self.stop()
                return

    @property
    def chat_requests(self) -> list[Recorded]:
        return [r for r in self.requests if r.path.split("?")[0].rstrip("/").endswith("/chat/completions")]

    def start(self) -> "OpenAITestServer":
        self._thread.start()
        self._watchdog.start()
        return self

    @property
    def stopped(self) -> bool:
        return self._stopped

    def stop(self) -> None:
        with self._lock:
            if self._stopped:
                return
            self._stopped = True
        self._stop_event.set()
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> "OpenAITestServer":
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()
