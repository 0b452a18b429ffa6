"""A quiet, threaded loopback HTTP server for the bundled demo site (standard library only).

Static files are served from a folder with their media type, an ETag and a Last-Modified
header; conditional requests get 304. Text files have the ``{{BASE_URL}}`` placeholder replaced
by the server's own origin. Custom ``routes`` answer chosen paths first, so tests can add fault
pages (errors, wrong content types, empty bodies) without touching the static site.
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Self
from urllib.parse import unquote, urlsplit

from . import DEMO_PORT, SITE_DIR

__all__ = ["SITE_DIR", "DemoServer", "Handler", "Request", "Response", "main"]

logger = logging.getLogger(__name__)

PLACEHOLDER = b"{{BASE_URL}}"
INDEX_FILE = "index.html"

# Media types by exact file name first (feeds are .xml too), then by suffix.
CONTENT_TYPES_BY_NAME: dict[str, str] = {
    "rss.xml": "application/rss+xml; charset=utf-8",
    "feed.xml": "application/rss+xml; charset=utf-8",
    "atom.xml": "application/atom+xml; charset=utf-8",
}
CONTENT_TYPES_BY_SUFFIX: dict[str, str] = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".ico": "image/x-icon",
}
DEFAULT_CONTENT_TYPE = "application/octet-stream"
# Files whose bytes get the placeholder replaced before serving.
TEXT_SUFFIXES = frozenset({".html", ".htm", ".xml", ".txt", ".css", ".js", ".json", ".svg"})

NOT_FOUND_BODY = (
    "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>404 Not Found</title>"
    "</head>\n<body><h1>Not Found</h1><p>Nothing lives at this address.</p></body></html>\n"
)


@dataclass(frozen=True)
class Request:
    """What a custom route handler is told about the request."""

    method: str
    path: str
    query: str
    headers: Mapping[str, str]
    base_url: str


@dataclass(frozen=True)
class Response:
    """A custom route's answer: status, headers and body bytes (Content-Length is added)."""

    status: int = 200
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes = b""


Handler = Callable[[Request], Response]


def content_type_for(path: Path) -> str:
    """Return the Content-Type header value for a file, by name then by suffix."""
    by_name = CONTENT_TYPES_BY_NAME.get(path.name.lower())
    if by_name:
        return by_name
    return CONTENT_TYPES_BY_SUFFIX.get(path.suffix.lower(), DEFAULT_CONTENT_TYPE)


def resolve_file(root: Path, url_path: str) -> Path | None:
    """Map a URL path to a file under root (a directory serves its index); None if absent."""
    relative = unquote(url_path).lstrip("/")
    try:
        candidate = (root / relative).resolve()
        if candidate != root and root not in candidate.parents:
            return None  # path traversal
        if candidate.is_dir():
            candidate = candidate / INDEX_FILE
        return candidate if candidate.is_file() else None
    except (OSError, ValueError):  # embedded NUL, name too long
        return None


def etag_for(body: bytes) -> str:
    """Return a strong entity tag for the served bytes."""
    return '"' + hashlib.sha1(body).hexdigest()[:20] + '"'


def is_not_modified(headers: Mapping[str, str], etag: str, mtime: float) -> bool:
    """True when If-None-Match (preferred) or If-Modified-Since says the client copy is fresh."""
    if_none_match = headers.get("If-None-Match")
    if if_none_match is not None:
        tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
        return "*" in tags or etag in tags
    if_modified_since = headers.get("If-Modified-Since")
    if not if_modified_since:
        return False
    try:
        since = parsedate_to_datetime(if_modified_since).timestamp()
    except (TypeError, ValueError, IndexError, OverflowError):
        return False
    return int(mtime) <= since


class _QuietServer(ThreadingHTTPServer):
    """ThreadingHTTPServer that reports handler errors through logging, not stderr."""

    daemon_threads = True
    demo: DemoServer

    def handle_error(self, request: object, client_address: tuple[str, int]) -> None:
        """Log a broken connection at debug level instead of printing a traceback."""
        logger.debug("demo server: error while serving %s", client_address,
                     exc_info=True)  # noqa: LOG014 - socketserver calls this inside except


class _RequestHandler(BaseHTTPRequestHandler):
    """Serve one request from the owning DemoServer's routes or static folder."""

    protocol_version = "HTTP/1.1"
    server_version = "DemoNews/1.0"
    timeout = 10
    server: _QuietServer

    def do_GET(self) -> None:
        """Answer GET."""
        self._respond(send_body=True)

    def do_HEAD(self) -> None:
        """Answer HEAD: the GET headers without a body."""
        self._respond(send_body=False)

    def log_message(self, format: str, *args: object) -> None:
        """Route access and error logs to logging (never stderr)."""
        logger.debug("demo server: " + format, *args)

    def _respond(self, send_body: bool) -> None:
        demo = self.server.demo
        parts = urlsplit(self.path)
        route = demo.routes.get(parts.path)
        if route is not None:
            request = Request(self.command, parts.path, parts.query, dict(self.headers.items()),
                              demo.public_base_url or demo.base_url)
            self._send(route(request), send_body)
        else:
            self._send(demo.static_response(parts.path, self.headers), send_body)

    def _send(self, response: Response, send_body: bool) -> None:
        self.send_response(response.status)
        names = {name.lower() for name in response.headers}
        for name, value in response.headers.items():
            self.send_header(name, value)
        if "content-length" not in names and response.status not in (204, 304):
            self.send_header("Content-Length", str(len(response.body)))
        self.end_headers()
        if send_body and response.body and response.status not in (204, 304):
            self.wfile.write(response.body)


class DemoServer:
    """Serve a folder (the demo site by default) on loopback; a context manager."""

    def __init__(self, root: Path = SITE_DIR, host: str = "127.0.0.1", port: int = 0,
                 routes: Mapping[str, Handler] | None = None,
                 public_base_url: str | None = None) -> None:
        self.root = Path(root).resolve()
        self.host = host
        self.port = port
        self.routes: dict[str, Handler] = dict(routes or {})
        self.base_url = ""
        # The origin the pages name (links, feeds, sitemaps): the server's own unless given,
        # so that a demo served on another port can keep the URLs of earlier runs.
        self.public_base_url = public_base_url
        self._server: _QuietServer | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> Self:
        """Bind the socket and serve in a background thread; return self."""
        if self._server is not None:
            return self
        server = _QuietServer((self.host, self.port), _RequestHandler)
        server.demo = self
        self.port = server.server_address[1]
        self.base_url = f"http://{self.host}:{self.port}"
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1},
                                        name=f"demo-server-{self.port}", daemon=True)
        self._thread.start()
        logger.info("demo server listening on %s", self.base_url)
        return self

    def stop(self) -> None:
        """Stop serving and close the listening socket; safe to call twice."""
        server, self._server = self._server, None
        if server is None:
            return
        server.shutdown()
        server.server_close()
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def url(self, path: str) -> str:
        """Return the absolute URL of a root-relative path on this server."""
        if not self.base_url:
            raise RuntimeError("DemoServer.url() needs start() first")
        return self.base_url + "/" + path.lstrip("/")

    def static_response(self, url_path: str, headers: Mapping[str, str]) -> Response:
        """Build the response for a static file: 200, 301 to a directory's slash, 304 or 404."""
        path = resolve_file(self.root, url_path)
        if path is None:
            return Response(404, {"Content-Type": CONTENT_TYPES_BY_SUFFIX[".html"]},
                            NOT_FOUND_BODY.encode("utf-8"))
        if path.name == INDEX_FILE and not url_path.endswith("/") and path.parent != self.root:
            return Response(301, {"Location": url_path + "/"})
        body = path.read_bytes()
        if path.suffix.lower() in TEXT_SUFFIXES:
            origin = self.public_base_url or self.base_url
            body = body.replace(PLACEHOLDER, origin.encode("ascii"))
        etag, mtime = etag_for(body), path.stat().st_mtime
        validators = {"ETag": etag, "Last-Modified": formatdate(mtime, usegmt=True)}
        if is_not_modified(headers, etag, mtime):
            return Response(304, validators)
        return Response(200, {"Content-Type": content_type_for(path), **validators}, body)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.stop()


def arguments(argv: list[str] | None = None) -> argparse.Namespace:
    """The options of ``python -m scraper.demo``: --host, --port (8765, as `scraper demo`)."""
    parser = argparse.ArgumentParser(description="Serve the bundled demo news site on loopback.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=DEMO_PORT,
                        help=f"0 picks a free port (default {DEMO_PORT}, as `scraper demo`)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Serve the demo site until Ctrl-C or SIGTERM: ``python -m scraper.demo [--port N]``."""
    import signal
    import sys

    options = arguments(argv)
    try:
        server = DemoServer(host=options.host, port=options.port).start()
    except OSError as error:
        print(f"cannot listen on {options.host}:{options.port}: {error}", file=sys.stderr)
        return 2
    print(f"Demo news site at {server.base_url}/  (Ctrl-C to stop)", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda signum, frame: stop.set())
    try:
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
