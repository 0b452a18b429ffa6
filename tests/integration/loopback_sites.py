"""Loopback news sites for pipeline tests: several hosts, routes that misbehave, a request log.

Each host is its own HTTP/1.1 server on its own address (127.0.0.N), so each is its own site
for the crawler (its own politeness, its own frontier worker). Routes map a path to a Reply or
to a function of the Request returning one; a reply can be late, reset the connection, or
declare more bytes than it sends. Pages, feeds and sitemaps are built by the helpers below.
"""

from __future__ import annotations

import socket
import struct
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Self

FIRST_ADDRESS = 20  # hosts listen on 127.0.0.20, 127.0.0.21, ...
HTML = {"Content-Type": "text/html; charset=utf-8"}


@dataclass(frozen=True)
class Request:
    """One request as a host saw it."""

    host: int
    path: str
    headers: dict[str, str]
    at: float


@dataclass
class Reply:
    """What to answer, and how badly."""

    status: int = 200
    headers: dict[str, str] = field(default_factory=lambda: dict(HTML))
    body: bytes = b""
    delay: float = 0.0                 # seconds before answering
    reset: bool = False                # a TCP reset instead of an answer
    declared_length: int | None = None  # a Content-Length larger than the body: a cut-off body


Route = Reply | Callable[[Request], Reply]


def sequence(*replies: Reply) -> Callable[[Request], Reply]:
    """Answer with each reply in turn, then keep repeating the last one."""
    remaining = list(replies)
    lock = threading.Lock()

    def answer(_request: Request) -> Reply:
        with lock:
            return remaining.pop(0) if len(remaining) > 1 else remaining[0]

    return answer


def conditional(body: bytes, etag: str | None = None, last_modified: float | None = None
                ) -> Callable[[Request], Reply]:
    """Serve body with an ETag and/or Last-Modified; answer 304 when the client's copy is fresh."""
    stamp = formatdate(last_modified, usegmt=True) if last_modified is not None else None
    headers = dict(HTML, **({"ETag": etag} if etag else {}),
                   **({"Last-Modified": stamp} if stamp else {}))

    def answer(request: Request) -> Reply:
        match_etag = etag is not None and request.headers.get("if-none-match") == etag
        match_date = stamp is not None and request.headers.get("if-modified-since") == stamp
        if match_etag or match_date:
            return Reply(304, {k: v for k, v in headers.items() if k != "Content-Type"})
        return Reply(200, headers, body)

    return answer


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _HostServer

    def do_GET(self) -> None:
        owner = self.server.owner
        request = Request(self.server.index, self.path,
                          {k.lower(): v for k, v in self.headers.items()}, time.monotonic())
        reply = owner.reply_for(request)
        if reply.delay:
            owner.stopping.wait(reply.delay)
        if reply.reset:
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            self.connection.close()
            return
        self.send_response(reply.status)
        for name, value in reply.headers.items():
            self.send_header(name, value)
        length = reply.declared_length if reply.declared_length is not None else len(reply.body)
        self.send_header("Content-Length", str(length))
        self.end_headers()
        self.wfile.write(reply.body)
        if reply.declared_length is not None:
            self.close_connection = True

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: tests read the request log instead."""


class _HostServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, owner: LoopbackSites, index: int) -> None:
        super().__init__((f"127.0.0.{FIRST_ADDRESS + index}", 0), _Handler)
        self.owner = owner
        self.index = index

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Clients that hang up early (timeouts, size caps) are part of the tests."""


class LoopbackSites:
    """Several loopback hosts, each with its routes, sharing one request log."""

    def __init__(self, hosts: int) -> None:
        self.stopping = threading.Event()
        self._servers = [_HostServer(self, index) for index in range(hosts)]
        self._routes: dict[tuple[int, str], Route] = {}
        self._lock = threading.Lock()
        self.log: list[Request] = []

    def __enter__(self) -> Self:
        for server in self._servers:
            threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                             daemon=True).start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stopping.set()
        for server in self._servers:
            server.shutdown()
            server.server_close()

    def origin(self, host: int) -> str:
        """Return 'http://127.0.0.N:port' of a host."""
        address, port = self._servers[host].server_address[:2]
        return f"http://{address}:{port}"

    def url(self, host: int, path: str) -> str:
        """Return the absolute url of path on a host."""
        return self.origin(host) + path

    def route(self, host: int, path: str, reply: Route) -> None:
        """Answer path on host with a reply or a function of the request."""
        self._routes[(host, path)] = reply

    def reply_for(self, request: Request) -> Reply:
        """Log the request and return its reply: the path's, else the path without its query's,
        else a 404."""
        with self._lock:
            self.log.append(request)
        route = self._routes.get((request.host, request.path)) or self._routes.get(
            (request.host, request.path.split("?", 1)[0]))  # a query the route did not name
        if route is None:
            return Reply(404, body=b"<html><body>not here</body></html>")
        return route(request) if callable(route) else route

    def requests(self, host: int | None = None, path: str | None = None) -> list[Request]:
        """Return the logged requests, optionally of one host and/or path."""
        with self._lock:
            return [r for r in self.log if (host is None or r.host == host)
                    and (path is None or r.path == path)]


FILLER = ("The council met on Tuesday evening to discuss the plan, which residents have debated "
          "for months. Officials said the work would begin next spring if the budget allows, "
          "and that the harbour district would be first in line.")


def article_html(title: str, *, canonical: str | None = None, charset_meta: bool = True,
                 paragraphs: int = 6, marker: str = "") -> str:
    """Return a plain news article page as text (encode it as the test needs)."""
    head = '<meta charset="utf-8">' if charset_meta else ""
    if canonical:
        head += f'<link rel="canonical" href="{canonical}">'
    body = "".join(f"<p>{marker}Paragraph {number} of {title}. {FILLER}</p>"
                   for number in range(1, paragraphs + 1))
    return (f"<!doctype html><html lang='en'><head>{head}<title>{title}</title></head><body>"
            f"<nav><a href='/'>Home</a></nav><main><article><h1>{title}</h1>"
            f"<p class='byline'>By Ada Example</p>{body}</article></main></body></html>")


def article_reply(title: str, **options: Any) -> Reply:
    """A 200 reply carrying article_html(title) in UTF-8."""
    return Reply(body=article_html(title, **options).encode("utf-8"))


def section_html(links: Iterable[str]) -> bytes:
    """Return a section page linking to each path."""
    items = "".join(f"<li><a href='{link}'>{link}</a></li>" for link in links)
    return f"<html><body><main><h1>Latest</h1><ul>{items}</ul></main></body></html>".encode()


def rss(items: Iterable[tuple[str, str | None]]) -> Reply:
    """An RSS feed of (url, RFC 822 date or None) items."""
    entries = "".join(f"<item><title>Story</title><link>{url}</link>"
                      + (f"<pubDate>{date}</pubDate>" if date else "") + "</item>"
                      for url, date in items)
    body = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>'
            f"<link>http://example.org/</link>{entries}</channel></rss>")
    return Reply(headers={"Content-Type": "application/rss+xml"}, body=body.encode())


def sitemap(items: Iterable[tuple[str, str | None]]) -> Reply:
    """A news sitemap of (url, publication date or None) items."""
    entries = "".join(
        f"<url><loc>{url}</loc>" + (f"<news:news><news:publication_date>{date}"
                                    "</news:publication_date></news:news>" if date else "")
        + "</url>" for url, date in items)
    body = ('<?xml version="1.0" encoding="UTF-8"?>'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
            f"{entries}</urlset>")
    return Reply(headers={"Content-Type": "application/xml"}, body=body.encode())
