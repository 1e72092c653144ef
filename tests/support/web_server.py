"""A local HTTP(S) server on 127.0.0.1 serving the saved test pages, and failure routes.

Routes: ``/NAME`` serves ``tests/data/web/NAME`` (text/html without a charset, so the page's
own declaration decides; .pdf as application/pdf); ``/missing`` a 404 with an HTML error page
(trafilatura's fetcher hands such pages back as content); ``/moved`` a redirect to the
bridge page; ``/note.txt`` a plain-text article; ``/picture.png`` an image; ``/slow``
answers after ``SLOW_SECONDS``; ``.rss``/``.atom`` files are
feeds whose ``{BASE}`` is replaced by the server's address; ``/big`` a page of ``BIG_BYTES``.
"""
from __future__ import annotations

import ssl
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

WEB = Path(__file__).resolve().parent.parent / "data" / "web"
SLOW_SECONDS = 3.0
BIG_BYTES = 300_000
_TYPES = {".html": "text/html", ".htm": "text/html", ".pdf": "application/pdf", ".rss": "application/rss+xml",
          ".atom": "application/atom+xml"}


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep test output clean
        pass

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        name = self.path.lstrip("/").split("?")[0]
        if name == "missing":
            page = b"<html><body><h1>Page not found</h1><p>" + b"Sorry, this story was moved. " * 30 + b"</p></body></html>"
            return self._send(404, page, "text/html; charset=utf-8")
        if name == "moved":
            self.send_response(301)
            self.send_header("Location", "/bridge-closure.html")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        if name == "note.txt":
            return self._send(200, "On Monday the mayor resigned, the council said.\n".encode(), "text/plain; charset=utf-8")
        if name == "picture.png":
            return self._send(200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png")
        if name == "slow":
            time.sleep(SLOW_SECONDS)
            return self._send(200, b"<html><body><p>late</p></body></html>", "text/html")
        if name == "big":
            return self._send(200, b"<html><body><p>" + b"word " * (BIG_BYTES // 5) + b"</p></body></html>", "text/html")
        path = WEB / name
        if not name or "/" in name or not path.is_file():
            return self._send(404, b"not found", "text/plain")
        body = path.read_bytes()
        if path.suffix in (".rss", ".atom"):  # feeds link to pages on this server: {BASE} is its address
            body = body.replace(b"{BASE}", f"http://{self.headers.get('Host')}".encode())
        self._send(200, body, _TYPES.get(path.suffix, "application/octet-stream"))


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """Quiet: a client that gave up (the /slow route after its timeout, a refused TLS
        handshake) is what these tests provoke, and socketserver's default prints a traceback
        to sys.stderr, which an in-process CLI run of a later test reads as its own output."""
        import sys

        error = sys.exc_info()[1]
        if not isinstance(error, (BrokenPipeError, ConnectionResetError, ssl.SSLError, TimeoutError)):
            super().handle_error(request, client_address)


@contextmanager
def serve(tls: tuple[Path, Path] | None = None) -> Iterator[str]:
    """A running server on 127.0.0.1 (a free port); yields its base URL."""
    server = _Server(("127.0.0.1", 0), _Handler)
    scheme = "http"
    if tls:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(str(tls[0]), str(tls[1]))
        server.socket = context.wrap_socket(server.socket, server_side=True)
        scheme = "https"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"{scheme}://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
